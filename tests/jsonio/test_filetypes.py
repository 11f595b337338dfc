"""Before anything is opened, a path that is not a regular file is SCH011, saying what it is.

Only ``stat`` is used here, so none of these tests can hang; that the commands never open a FIFO
is tested on the commands themselves, in child processes with a timeout
(tests/cli/test_hostile_files.py).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from astana_facts.jsonio.filetypes import not_a_regular_file


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    # A relative name: the path of a unix socket is limited to about 100 bytes.
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(path.name)
        listener.close()
    finally:
        os.chdir(here)


def _loop(path: Path) -> None:
    other = path.with_name("other.json")
    path.symlink_to(other)
    other.symlink_to(path)


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere.json"))


def _device(path: Path) -> None:
    path.symlink_to("/dev/null")


def _folder(path: Path) -> None:
    path.mkdir()


MAKERS: dict[str, Callable[[Path], None]] = {
    "a FIFO (named pipe)": _fifo,
    "a socket": _socket,
    "a symbolic link loop": _loop,
    "a dangling symbolic link to": _dangling,
    "a character device": _device,
    "a folder": _folder,
}
"""What the finding says, and how to make such a path."""


@pytest.mark.parametrize("said", sorted(MAKERS))
def test_every_kind_of_non_regular_file_is_sch011_saying_what_it_is(
    tmp_path: Path, said: str
) -> None:
    path = tmp_path / "claims.json"
    MAKERS[said](path)
    problem = not_a_regular_file(path)
    assert problem is not None
    assert problem.code == "SCH011" and problem.path == path
    assert problem.message.startswith(said)


def test_a_regular_file_and_a_link_to_one_pass(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    path.write_text("{}")
    (tmp_path / "link.json").symlink_to(path)
    assert not_a_regular_file(path) is None
    assert not_a_regular_file(tmp_path / "link.json") is None


def test_a_missing_file_is_left_to_the_read(tmp_path: Path) -> None:
    assert not_a_regular_file(tmp_path / "missing.json") is None
