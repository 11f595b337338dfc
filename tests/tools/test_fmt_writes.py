"""``fmt`` writes every file or none: a failure at any write call (a full disk, a read-only
folder) leaves the records folder byte-identical and exits 2 naming the file and the reason;
files are formatted and staged one at a time; temporaries never stay behind, and those an
interrupted run left are removed by the next write and reported by ``validate``."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from astana_facts import validate
from astana_facts.cli.main import cli
from astana_facts.jsonio import atomic
from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.tools import fmt as fmt_module
from astana_facts.tools.fmt import format_records
from tests.factories import DOC_ID
from tests.faults import FailAt, refuse_in, snapshot

LEFTOVER = f"claims/.{DOC_ID}.json.k3_9xq2b.tmp"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _unformatted(records: Path) -> Path:
    """``records`` with every JSON file written on one line, and a second claims file, so that
    ``fmt`` rewrites five files in two folders and the top level."""
    for path in sorted(records.rglob("*.json")):
        path.write_bytes(orjson.dumps(orjson.loads(path.read_bytes())))
    shutil.copy(records / "claims" / f"{DOC_ID}.json", records / "claims" / "second.json")
    return records


def _write_calls(monkeypatch: pytest.MonkeyPatch, records: Path) -> int:
    """How many write calls a successful ``fmt`` of a copy of ``records`` makes."""
    copy = records.parent / "count"
    shutil.copytree(records, copy)
    with monkeypatch.context() as patch:
        counter = FailAt(patch, 0)
        assert _run("fmt", "--records", str(copy)).exit_code == 0
    return counter.count


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_a_write_failure_at_any_call_changes_nothing_and_exits_2_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, records: Path, code: int
) -> None:
    _unformatted(records)
    total = _write_calls(monkeypatch, records)
    reached = set()
    for k in range(1, total + 1):
        folder = tmp_path / f"k{k}"
        shutil.copytree(records, folder)
        before = snapshot(folder)
        with monkeypatch.context() as patch:
            fault = FailAt(patch, k, code=code)
            result = _run("fmt", "--records", str(folder))
        where = f"call {k} ({fault.failed})"
        reached.add(fault.failed)
        assert result.exit_code == 2, (where, result.output)
        assert snapshot(folder) == before, where
        assert f"cannot write {folder}/" in result.output, where
        assert f"{os.strerror(code)}; no file was changed" in result.output, where
        assert "internal error" not in result.output and "Traceback" not in result.output
    assert reached == {"open", "write", "fsync", "close", "chmod", "link", "replace"}


def test_a_read_only_claims_folder_leaves_the_writable_sources_unchanged_too(
    monkeypatch: pytest.MonkeyPatch, records: Path
) -> None:
    _unformatted(records)
    before = snapshot(records)
    refuse_in(records / "claims", monkeypatch)
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 2
    assert snapshot(records) == before
    assert f"cannot write {records}/claims/" in result.output
    assert "Read-only file system; no file was changed" in result.output


def test_each_file_is_staged_before_the_next_is_formatted(
    monkeypatch: pytest.MonkeyPatch, records: Path
) -> None:
    _unformatted(records)
    events: list[str] = []
    real_dumps, real_stage = dumps_canonical, atomic.Transaction.stage

    def dumps(value: object) -> bytes:
        events.append("format")
        return real_dumps(value)

    def stage(self: atomic.Transaction, target: Path, content: bytes, **options: bool) -> None:
        events.append("stage")
        real_stage(self, target, content, **options)

    monkeypatch.setattr(fmt_module, "dumps_canonical", dumps)
    monkeypatch.setattr(atomic.Transaction, "stage", stage)
    result = format_records(records)
    assert len(result.changed) == 5
    assert events == ["format", "stage"] * 5


def test_a_file_that_cannot_be_formatted_leaves_no_temporary(records: Path) -> None:
    _unformatted(records)
    (records / "claims" / "zz-broken.json").write_bytes(b"{")
    before = snapshot(records)
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 1 and "no file was changed" in result.output
    assert snapshot(records) == before


def test_fmt_removes_the_temporaries_an_interrupted_run_left_and_says_so(records: Path) -> None:
    (records / LEFTOVER).write_bytes(b"half a file")
    assert _run("fmt", "--check", "--records", str(records)).exit_code == 0
    assert (records / LEFTOVER).exists()  # --check writes nothing, and removes nothing
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 0
    assert f"removed leftover temporary file {records / LEFTOVER}" in result.output
    assert not (records / LEFTOVER).exists()


def test_a_failed_fmt_keeps_the_leftover_temporaries_too(records: Path) -> None:
    (records / LEFTOVER).write_bytes(b"half a file")
    (records / "claims" / "zz-broken.json").write_bytes(b"{")
    assert _run("fmt", "--records", str(records)).exit_code == 1
    assert (records / LEFTOVER).exists()


def test_validate_reports_a_leftover_temporary_with_sch009(records: Path) -> None:
    (records / LEFTOVER).write_bytes(b"half a file")
    (records / "sources" / ".hidden-notes").write_bytes(b"mine")  # other hidden files: silent
    found = [(f.code, f.file, f.message) for f in validate(records)]
    ((code, file, message),) = found
    assert code == "SCH009" and file is not None and file.endswith(LEFTOVER)
    assert "left behind by an interrupted write" in message and "astana-facts fmt" in message
