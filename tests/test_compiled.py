"""Compiled validators: cached as JSON between runs, equal to the models' validators, and safe:
a stale, corrupt or tampered cache falls back to building from the models."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from astana_facts.reading import compiled
from astana_facts.reading.validators import record_validator
from tests.factories import DOC_ID, claims


def _fresh(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("ASTANA_FACTS_CACHE_DIR", str(folder))
    for function in (compiled.compiled, compiled.file_validator, compiled.claim_paths):
        function.cache_clear()


@pytest.fixture(autouse=True)
def _clear_caches() -> Iterator[None]:
    yield
    for function in (compiled.compiled, compiled.file_validator, compiled.claim_paths):
        function.cache_clear()


def _claims_file() -> dict[str, object]:
    return {"$schema": "../../schemas/claims.schema.json", "document": DOC_ID, "claims": claims()}


def test_the_cache_is_written_once_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh(monkeypatch, tmp_path)
    from astana_facts import models

    built = record_validator(models.ClaimsFile).validate_python(_claims_file())
    assert compiled.file_validator("ClaimsFile").validate_python(_claims_file()) == built
    (cache_file,) = tmp_path.glob("compiled-*.json")
    assert orjson.loads(cache_file.read_bytes())["source_hash"] == compiled.source_hash()
    _fresh(monkeypatch, tmp_path)
    assert compiled.file_validator("ClaimsFile").validate_python(_claims_file()) == built
    assert compiled.claim_paths("instrument")[0]  # entity references of instruments


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: "{not json",
        lambda data: {**data, "validators": {"ClaimsFile": {"type": "bogus"}}},
        lambda data: {
            **data,
            "validators": {
                "ClaimsFile": {"type": "function-plain", "function": {"$function": "system"}}
            },
        },
    ],
    ids=["corrupt", "foreign", "tampered"],
)
def test_a_damaged_cache_falls_back_to_the_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[dict[str, Any]], object]
) -> None:
    _fresh(monkeypatch, tmp_path)
    data = compiled.compiled()
    (cache_file,) = tmp_path.glob("compiled-*.json")
    damaged = damage(data)
    cache_file.write_bytes(damaged.encode() if isinstance(damaged, str) else orjson.dumps(damaged))
    _fresh(monkeypatch, tmp_path)
    assert (
        compiled.file_validator("ClaimsFile").validate_python(_claims_file())["document"] == DOC_ID
    )


def test_validate_imports_neither_pydantic_nor_the_models_once_cached(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from astana_facts.pipeline.checks import check_records\n"
        "check_records(None)\n"
        "heavy = [m for m in ('pydantic', 'astana_facts.models') if m in sys.modules]\n"
        "print(heavy)\n"
        "assert not heavy\n"
    )
    env = {"ASTANA_FACTS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-c", "from astana_facts.reading.compiled import compiled; compiled()"],
        env=env,
        check=True,
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
