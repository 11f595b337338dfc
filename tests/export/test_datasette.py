"""datasette serves the SQLite export with its metadata: a table with its descriptions, a
full-text search, a view. The test starts ``datasette serve`` on 127.0.0.1 at a free port, as a
user would, and fetches pages over HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from astana_facts.export.tables import TABLES
from tests.export.tools import tool

STARTUP = 60.0
"""How long datasette may take to answer at all (a readiness wait, not a measurement)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(dataset: Path) -> Iterator[str]:
    tool("datasette")
    port = _free_port()
    command = [
        sys.executable, "-m", "datasette", "serve", str(dataset / "astana-facts.sqlite"),
        "--metadata", str(dataset / "metadata.json"), "--host", "127.0.0.1",
        "--port", str(port), "--setting", "default_page_size", "1000",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"datasette exited: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=5).close()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"datasette did not answer at {base} within {STARTUP:.0f} s")


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_a_table_is_served_with_its_rows(server: str, dataset: Path) -> None:
    rows = _get(f"{server}/astana-facts/findings.json?_shape=array")
    lines = (dataset / "data" / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert [row["id"] for row in rows] == [json.loads(line)["id"] for line in lines]
    verdicts = _get(f"{server}/astana-facts/verdicts.json?_shape=array&label=refuted")
    assert verdicts and {row["label"] for row in verdicts} == {"refuted"}


def test_a_full_text_search_finds_the_documents(server: str) -> None:
    hits = _get(f"{server}/astana-facts/documents.json?_search=plenary&_shape=array")
    assert hits and all("plenary" in hit["text"].lower() for hit in hits)
    quotes = _get(f"{server}/astana-facts/spans.json?_search=Addrakmanov&_shape=array")
    assert quotes and all("Addrakmanov" in quote["exact"] for quote in quotes)


def test_a_view_and_the_metadata_are_served(server: str) -> None:
    refuted = _get(f"{server}/astana-facts/refuted_claims.json?_shape=array")
    assert refuted and all(row["quote"] for row in refuted)
    metadata = _get(f"{server}/-/metadata.json")
    assert metadata["license"].startswith("CC BY 4.0")
    tables = metadata["databases"]["astana-facts"]["tables"]
    (claims,) = [table for table in TABLES if table.name == "claims"]
    assert tables["claims"]["columns"] == {c.name: c.description for c in claims.columns}
    assert tables["documents"]["fts_table"] == "documents_fts"
