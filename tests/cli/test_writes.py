"""Every command that writes files writes all of them or none: a failure at any write call
(a full disk, a read-only folder) exits 2 with a message naming the file and the reason, and
leaves every file byte-identical, with no temporary file and no new folder behind. (``fmt``:
tests/tools/test_fmt_writes.py; ``export``: tests/export/test_writers.py.)"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from astana_facts.cli.main import cli
from tests.faults import FailAt, refuse_in, snapshot


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _fails_cleanly_at_every_call(
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    command: Callable[[Path], list[str]],
    named: str,
) -> None:
    """Run ``command`` (given a copy of ``folder``) once to count its write calls, then once
    per call with that call failing: every run exits 2 naming a file (``named`` with ``{}``
    for the copy) and leaves the copy as it was."""
    counted = folder.parent / f"{folder.name}-count"
    shutil.copytree(folder, counted)
    with monkeypatch.context() as patch:
        counter = FailAt(patch, 0)
        assert _run(*command(counted)).exit_code == 0
    assert counter.count >= 5
    for k in range(1, counter.count + 1):
        copy = folder.parent / f"{folder.name}-{k}"
        shutil.copytree(folder, copy)
        before = snapshot(copy)
        with monkeypatch.context() as patch:
            fault = FailAt(patch, k)
            result = _run(*command(copy))
        where = f"call {k} ({fault.failed}): {result.output}"
        assert result.exit_code == 2, where
        assert snapshot(copy) == before, where
        assert f"cannot write {named.format(copy)}" in result.output, where
        assert "No space left on device; no file was changed" in result.output, where
        assert "internal error" not in result.output and "Traceback" not in result.output


def _stale_schemas(tmp_path: Path) -> Path:
    folder = tmp_path / "schemas"
    assert _run("schemas", str(folder)).exit_code == 0
    for path in sorted(folder.iterdir()):
        path.write_bytes(b"{}\n")
    return folder


def test_schemas_writes_every_schema_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _stale_schemas(tmp_path)
    assert len(list(folder.iterdir())) >= 4
    _fails_cleanly_at_every_call(monkeypatch, folder, lambda copy: ["schemas", str(copy)], "{}/")


def test_schemas_into_a_read_only_folder_exits_2_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _stale_schemas(tmp_path)
    before = snapshot(folder)
    refuse_in(folder, monkeypatch)
    result = _run("schemas", str(folder))
    assert result.exit_code == 2 and "Read-only file system; no file was changed" in result.output
    assert snapshot(folder) == before


def test_schemas_into_a_new_folder_that_cannot_be_written_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "new-schemas"
    with monkeypatch.context() as patch:
        FailAt(patch, 3)
        result = _run("schemas", str(folder))
    assert result.exit_code == 2 and "no file was changed" in result.output
    assert not folder.exists()


def _add_source(records: Path) -> list[str]:
    article = records.parent / "article.txt"
    if not article.exists():
        article.write_text("Talks ended in Astana.\n", encoding="utf-8")
    return [
        "add-source", str(article), "--id", "new-doc", "--title", "T", "--published", "2018",
        "--records", str(records),
    ]  # fmt: skip


def test_add_source_writes_its_three_files_or_none(
    records: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fails_cleanly_at_every_call(monkeypatch, records, _add_source, "{}/")


def test_add_source_removes_the_folder_it_made_when_the_write_fails(
    records: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(records / "claims")
    before = snapshot(records)
    with monkeypatch.context() as patch:
        FailAt(patch, 4, code=errno.ENOSPC)
        result = _run(*_add_source(records))
    assert result.exit_code == 2 and "no file was changed" in result.output
    assert snapshot(records) == before and not (records / "claims").exists()


_REPORT = ["report", "--exit-zero", "--format", "markdown"]


def test_report_to_a_file_keeps_the_old_file_when_the_write_fails(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("the old report\n", encoding="utf-8")
    _fails_cleanly_at_every_call(
        monkeypatch,
        out,
        lambda copy: [*_REPORT, "--records", str(records), "-o", str(copy / "report.md")],
        "{}/report.md",
    )
