"""The compiled validators: a generated file, current with the models, used only where it fits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from astana_facts.reading import compiled
from astana_facts.reading.validators import file_validator, record_validator


def test_the_compiled_file_is_what_the_models_give() -> None:
    """`astana-facts schemas` writes it; a model edited without rewriting it fails here (and in
    `schemas --check`)."""
    shipped = compiled.COMPILED.read_bytes()
    if compiled.compiled() is None:
        pytest.skip("compiled.json was written by another pydantic-core: it is not used here")
    assert compiled.render() == shipped


def test_generation_is_deterministic() -> None:
    """Definition names carry no object ids, so two processes write the same bytes."""
    code = "from astana_facts.reading import compiled; import sys; sys.stdout.buffer.write(" \
        "compiled.render())"  # fmt: skip
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True) for _ in range(2)]
    assert runs[0].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout == compiled.render()


def test_another_pydantic_core_builds_from_the_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "core_version", "0.0.0-other")
    compiled.compiled.cache_clear()
    file_validator.cache_clear()
    try:
        assert compiled.compiled() is None
        from astana_facts import models

        assert file_validator("ClaimsFile") is record_validator(models.ClaimsFile)
    finally:
        compiled.compiled.cache_clear()
        file_validator.cache_clear()


def test_validate_needs_neither_pydantic_nor_the_models() -> None:
    """With the compiled file current, `astana_facts.validate()` runs on pydantic-core alone:
    pydantic and the models are most of a small check's start-up, and only `load()` needs
    them."""
    if compiled.compiled() is None:
        pytest.skip("compiled.json was written by another pydantic-core: it is not used here")
    code = (
        "import sys\n"
        "import astana_facts\n"
        "assert astana_facts.validate() == []\n"
        "heavy = [m for m in ('pydantic', 'astana_facts.models') if m in sys.modules]\n"
        "print(heavy)\n"
        "assert not heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_damaged_compiled_file_falls_back_to_the_models(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A merge conflict left in the generated file is no reason for every command to fail."""
    damaged = tmp_path / "compiled.json"
    damaged.write_text("<<<<<<< HEAD\n{}")
    monkeypatch.setattr(compiled, "COMPILED", damaged)
    compiled.compiled.cache_clear()
    try:
        assert compiled.compiled() is None
    finally:
        compiled.compiled.cache_clear()
