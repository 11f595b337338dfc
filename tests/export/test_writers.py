"""An export is built beside its target and moved into place at the end: a failure while
building or moving it (a full disk, a failed rename) leaves the old output as it was, byte for
byte, no half folder and no temporary behind, and exits 2 naming the target and the reason."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from astana_facts.cli.main import cli
from astana_facts.export import writers
from tests.faults import FailAt, snapshot

FORMATS = {
    "csv": "tables",
    "dataset": "dataset",
    "jsonl": "claims.jsonl",
    "sqlite": "claims.sqlite",
}


def _export(records: Path, output_format: str, target: Path) -> Result:
    arguments = ["--records", str(records), "--format", output_format, "-o", str(target)]
    return CliRunner().invoke(cli, ["export", *arguments, "--force"])


def _old_output(out: Path, output_format: str) -> Path:
    """An earlier export of another format's shape at the target, to be replaced."""
    target = out / FORMATS[output_format]
    if output_format in ("csv", "dataset"):
        target.mkdir(parents=True)
        (target / "claims.csv").write_text("id\nold\n", encoding="utf-8")
        (target / "mine.txt").write_text("kept with the old folder\n", encoding="utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"the old export\n")
    return target


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_a_failed_rename_or_folder_leaves_the_old_export(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    target = _old_output(tmp_path / "count", output_format)
    with monkeypatch.context() as patch:
        counter = FailAt(patch, 0, calls=("mkdir", "replace"))
        assert _export(records, output_format, target).exit_code == 0
    assert counter.count >= 2
    for k in range(1, counter.count + 1):
        out = tmp_path / f"k{k}"
        target = _old_output(out, output_format)
        before = snapshot(out)
        with monkeypatch.context() as patch:
            fault = FailAt(patch, k, calls=("mkdir", "replace"))
            result = _export(records, output_format, target)
        where = f"call {k} ({fault.failed}): {result.output}"
        assert result.exit_code == 2, where
        assert snapshot(out) == before, where
        assert f"cannot write {target}: No space left on device" in result.output, where
        assert "internal error" not in result.output


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_a_full_disk_while_building_leaves_the_old_export(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    target = _old_output(tmp_path / "out", output_format)
    before = snapshot(tmp_path / "out")

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def full_database(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Path, "write_bytes", full)
    monkeypatch.setattr(writers, "sqlite_database", full_database)
    result = _export(records, output_format, target)
    assert result.exit_code == 2, result.output
    assert snapshot(tmp_path / "out") == before
    database_first = output_format in ("sqlite", "dataset")  # (the dataset writes it first)
    reason = "database or disk is full" if database_first else "No space left"
    assert f"cannot write {target}: {reason}" in result.output


def test_a_replaced_folder_export_has_only_the_new_files(records: Path, tmp_path: Path) -> None:
    target = _old_output(tmp_path / "out", "csv")
    assert _export(records, "csv", target).exit_code == 0
    assert not (target / "mine.txt").exists() and (target / "datapackage.json").exists()
    assert sorted(os.listdir(tmp_path / "out")) == ["tables"]  # nothing set aside stays


def test_an_export_to_a_device_writes_into_it_never_replaces_it(
    records: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `export -o /dev/null --force` must not rename a regular file over the device node; the
    # spy makes such a rename fail, so a regression fails here without harming the machine.
    real_replace = os.replace

    def guarded(source: object, target: object) -> None:
        if os.fspath(target) == os.devnull:  # type: ignore[call-overload]
            raise AssertionError("renamed over the device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", guarded)
    result = CliRunner().invoke(
        cli,
        ["export", "--records", str(records), "--format", "sqlite", "-o", os.devnull, "--force"],
    )
    assert result.exit_code == 0, result.output
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
