"""Writes happen entirely or not at all: whatever call fails, at whatever point (while writing a
temporary file, flushing it, setting its mode, keeping an original, or among the renames), every
file is as it was, byte for byte, no temporary file stays behind, and one WriteFailed names the
file and the reason."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.jsonio import pieces as pieces_module
from astana_facts.jsonio.atomic import (
    Transaction,
    WriteFailed,
    is_temporary,
    leftover_temporaries,
    temporary_path,
    write_all,
    write_atomic,
)
from tests.faults import FailAt, refuse_in, snapshot

# (name, old content or None for a new file, new content, mode of the old file)
Plan = list[tuple[str, bytes | None, bytes, int]]

plans = st.lists(
    st.tuples(
        st.sampled_from(["a.json", "b.json", "c.txt", "d.json", "e.json"]),
        st.none() | st.binary(max_size=40),
        st.binary(max_size=40),
        st.sampled_from([0o644, 0o600, 0o640]),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda item: item[0],
)


def _lay_out(folder: Path, plan: Plan) -> list[tuple[Path, bytes]]:
    """Create the old files of ``plan`` (in ``sub/`` for every other one, to cross folders)
    and return what to write."""
    folder.mkdir()
    (folder / "sub").mkdir()
    files = []
    for index, (name, old, new, mode) in enumerate(plan):
        path = folder / ("sub" if index % 2 else "") / name
        if old is not None:
            path.write_bytes(old)
            path.chmod(mode)
        files.append((path, new))
    return files


def _calls(monkeypatch: pytest.MonkeyPatch, folder: Path, plan: Plan) -> int:
    """How many write calls writing ``plan`` makes when nothing fails."""
    files = _lay_out(folder, plan)
    with monkeypatch.context() as patch:
        counter = FailAt(patch, 0)
        write_all(files)
    return counter.count


@given(plan=plans, code=st.sampled_from([errno.ENOSPC, errno.EIO, errno.EROFS]))
def test_a_failure_at_any_call_leaves_every_file_byte_identical(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    plan: Plan,
    code: int,
) -> None:
    base = tmp_path_factory.mktemp("plan")
    total = _calls(monkeypatch, base / "count", plan)
    reached = set()
    for k in range(1, total + 1):
        folder = base / f"k{k}"
        files = _lay_out(folder, plan)
        before = snapshot(folder)
        with monkeypatch.context() as patch:
            fault = FailAt(patch, k, code=code)
            with pytest.raises(WriteFailed) as raised:
                write_all(files)
        assert fault.failed is not None
        reached.add(fault.failed)
        assert snapshot(folder) == before, f"call {k} ({fault.failed}) changed files"
        assert raised.value.path in {path for path, _ in files}
        assert os.strerror(code) in str(raised.value) and "no file was changed" in str(raised.value)
    expected = {"open", "fsync", "close", "chmod", "replace"}
    expected |= {"write"} if any(new for _, _, new, _ in plan) else set()
    expected |= {"link"} if any(old is not None for _, old, _, _ in plan) else set()
    assert reached == expected  # every kind of call the write makes has failed once


@given(plan=plans)
def test_without_a_failure_every_file_has_its_new_content_and_the_right_mode(
    tmp_path_factory: pytest.TempPathFactory, plan: Plan
) -> None:
    folder = tmp_path_factory.mktemp("plan") / "records"
    files = _lay_out(folder, plan)
    previous = os.umask(0o022)
    try:
        assert write_all(files) == [path for path, _ in files]
    finally:
        os.umask(previous)
    for (path, new), (_, old, _, mode) in zip(files, plan, strict=True):
        assert path.read_bytes() == new
        assert stat.S_IMODE(path.stat().st_mode) == (0o644 if old is None else mode)
    assert not [p for p in folder.rglob("*") if is_temporary(p.name)]


def _two_files(folder: Path) -> tuple[Path, Path]:
    """``a.json`` and ``b.json`` in ``folder``, holding ``old a`` and ``old b``."""
    first, second = folder / "a.json", folder / "b.json"
    first.write_bytes(b"old a")
    second.write_bytes(b"old b")
    return first, second


def test_a_failure_among_the_renames_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_files(tmp_path)
    real = os.replace
    done: list[str] = []

    def second_rename_fails(source: str, target: str) -> None:
        if Path(target) == second:
            raise OSError(errno.EIO, "Input/output error")
        real(source, target)
        done.append(Path(target).name)

    monkeypatch.setattr(os, "replace", second_rename_fails)
    with pytest.raises(WriteFailed) as raised:
        write_all([(first, b"new a"), (second, b"new b")])
    assert "a.json" in done  # the first had been replaced, and was put back
    assert (first.read_bytes(), second.read_bytes()) == (b"old a", b"old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]
    assert str(raised.value) == f"cannot write {second}: Input/output error; no file was changed"


def test_an_original_that_cannot_be_put_back_is_kept_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_files(tmp_path)
    real = os.replace
    calls = []

    def fails_then_cannot_restore(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) >= 2:  # the second rename, and the restoring one after it
            raise OSError(errno.EIO, "Input/output error")
        real(source, target)

    monkeypatch.setattr(os, "replace", fails_then_cannot_restore)
    with pytest.raises(WriteFailed) as raised:
        write_all([(first, b"new a"), (second, b"new b")])
    ((target, kept),) = raised.value.kept
    assert kept is not None
    assert target == first and kept.read_bytes() == b"old a" and is_temporary(kept.name)
    assert f"{first} is kept as {kept}" in str(raised.value)


def test_a_new_file_that_cannot_be_removed_again_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    real_replace, real_unlink = os.replace, os.unlink

    def second_rename_fails(source: str, target: str) -> None:
        if Path(target) == second:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    def cannot_remove_a(path: str) -> None:
        if Path(path) == first:
            raise OSError(errno.EIO, "Input/output error")
        real_unlink(path)

    monkeypatch.setattr(os, "replace", second_rename_fails)
    monkeypatch.setattr(os, "unlink", cannot_remove_a)
    with pytest.raises(WriteFailed) as raised:
        write_all([(first, b"new a"), (second, b"new b")])
    assert raised.value.kept == [(first, None)]
    assert str(raised.value).endswith(f"could not restore every file: {first} could not be removed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_a_read_only_folder_among_several_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    writable, locked = tmp_path / "sources" / "a.json", tmp_path / "claims" / "a.json"
    writable.write_bytes(b"old")
    locked.write_bytes(b"old")
    before = snapshot(tmp_path)
    refuse_in(tmp_path / "claims", monkeypatch)
    with pytest.raises(WriteFailed) as raised:
        write_all([(writable, b"new"), (locked, b"new")])
    assert snapshot(tmp_path) == before
    assert raised.value.path == locked and "Read-only file system" in str(raised.value)


def test_an_error_while_producing_a_content_removes_the_temporaries_and_passes_through(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"old")

    def contents() -> object:
        yield tmp_path / "new.json", b"staged"
        raise RuntimeError("formatting failed")

    with pytest.raises(RuntimeError, match="formatting failed"):
        write_all(contents())  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_contents_are_asked_for_one_file_at_a_time(tmp_path: Path) -> None:
    events: list[str] = []

    def contents() -> object:
        for name in ("a.json", "b.json", "c.json"):
            events.append(f"made {name}")
            yield tmp_path / name, (piece for piece in [name.encode(), b"\n"])

    with Transaction() as transaction:
        for path, content in contents():  # type: ignore[attr-defined]
            transaction.stage(path, content)
            events.append(f"staged {path.name}")
        transaction.commit()
    assert events == [
        "made a.json", "staged a.json", "made b.json", "staged b.json", "made c.json",
        "staged c.json",
    ]  # fmt: skip
    assert (tmp_path / "b.json").read_bytes() == b"b.json\n"


def test_a_transaction_left_without_commit_writes_nothing(tmp_path: Path) -> None:
    with Transaction() as transaction:
        transaction.stage(tmp_path / "a.json", b"x")
    assert list(tmp_path.iterdir()) == []


def test_new_files_never_replace_one_that_exists(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_bytes(b"mine")
    with pytest.raises(WriteFailed, match="exists"):
        write_all([(tmp_path / "a.json", b"x"), (tmp_path / "b.json", b"y")], new=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]
    assert (tmp_path / "b.json").read_bytes() == b"mine"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"old")

    def explode(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(WriteFailed):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_an_atomic_write_replaces_the_content(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", b"{}\n")
        kept = tmp_path / "kept.json"
        kept.write_bytes(b"old\n")
        kept.chmod(0o600)
        write_atomic(kept, b"new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_bytes() == b"new\n"


def test_a_filesystem_without_hard_links_keeps_a_copy_of_each_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_files(tmp_path)
    real = os.replace

    def no_links(*_: object, **__: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    def second_rename_fails(source: str, target: str) -> None:
        if Path(target) == second:
            raise OSError(errno.EIO, "Input/output error")
        real(source, target)

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", second_rename_fails)
    with pytest.raises(WriteFailed):
        write_all([(first, b"new a"), (second, b"new b")])
    assert (first.read_bytes(), second.read_bytes()) == (b"old a", b"old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_temporary_names_have_one_recognisable_shape(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    name = temporary_path(target).name
    assert is_temporary(name) and name.startswith(".claims.json.") and name.endswith(".tmp")
    assert not is_temporary("claims.json") and not is_temporary(".claims.json.tmp")
    assert is_temporary(".a.json.k3_9xq2b.tmp")  # the shape earlier versions left behind


_KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
from typing import Any
from astana_facts.jsonio.atomic import write_all
folder = Path(sys.argv[1])
def contents():
    yield folder / "a.json", b"new a"
    yield folder / "b.json", b"new b"
    os.kill(os.getpid(), signal.SIGKILL)
write_all(contents())
"""


def test_a_killed_write_leaves_only_recognisable_temporaries_and_no_changed_file(
    tmp_path: Path,
) -> None:
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_bytes(b"old")
    before = snapshot(tmp_path)
    done = subprocess.run([sys.executable, "-c", _KILLED_MIDWAY, str(tmp_path)], check=False)
    assert done.returncode == -signal.SIGKILL
    leftovers = leftover_temporaries(tmp_path)
    assert len(leftovers) == 2 and all(is_temporary(path.name) for path in leftovers)
    for path in leftovers:
        path.unlink()
    assert snapshot(tmp_path) == before


def test_a_device_is_written_to_never_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    # `-o /dev/null` once renamed a regular file over the device node. The spy makes any
    # rename onto the device fail (so a regression fails here without harming the machine).
    from astana_facts.jsonio import atomic

    real_replace = os.replace

    def guarded(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if os.fspath(target) == os.devnull:
            raise AssertionError("renamed over the device")
        real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", guarded)
    monkeypatch.setattr(os, "rename", guarded)
    atomic.write_atomic(Path(os.devnull), [b"piece one, ", b"piece two"])
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@given(st.lists(st.binary(max_size=40), max_size=30), st.integers(1, 16))
def test_pieces_small_and_large_are_written_whole_and_in_order(
    pieces: list[bytes], buffer: int
) -> None:
    """Small pieces are gathered before a write and large ones written as they are: either
    way the file holds exactly the pieces, in order (a small buffer makes both happen)."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(pieces_module, "_BUFFER", buffer)
        target = Path(folder) / "out.json"
        write_atomic(target, iter(pieces))
        assert target.read_bytes() == b"".join(pieces)
