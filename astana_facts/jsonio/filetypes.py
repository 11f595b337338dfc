"""What a path is, before anything opens it: a regular file, or something a read must not touch.

A FIFO blocks the reader until a writer comes (forever, in a records folder), a device may do
anything when opened, a socket cannot be opened at all, and a symbolic link loop or a dangling
link names no file. All of them are told apart by ``stat`` alone, so none is ever opened.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from astana_facts.jsonio.errors import ReadError

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
_NOT_READ = "not a regular file, so it is not read"


def kind_of(mode: int) -> str:
    """What a ``st_mode`` that is not a regular file's is, in words ("a FIFO (named pipe)")."""
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


def not_regular(path: Path, mode: int) -> ReadError:
    """SCH011 for ``path``, whose ``st_mode`` is ``mode``."""
    return ReadError("SCH011", path, f"{kind_of(mode)}: {_NOT_READ}")


def not_a_regular_file(path: Path) -> ReadError | None:
    """SCH011 when ``path`` (its links followed) is not a regular file: a FIFO, a device, a
    socket, a folder, a symbolic link loop or a dangling link; None for a regular file. Other
    errors (a permission) are left to the read, which reports them (SCH007)."""
    try:
        info = os.stat(path)
    except ValueError:  # a NUL in the path: the read reports it
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return ReadError("SCH011", path, f"a symbolic link loop: {_NOT_READ}")
        if error.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path):
            try:
                target = f" to {os.readlink(path)!r}"
            except OSError:
                target = ""
            return ReadError(
                "SCH011", path, f"a dangling symbolic link{target} (no such file): {_NOT_READ}"
            )
        return None
    return None if stat.S_ISREG(info.st_mode) else not_regular(path, info.st_mode)


def open_without_blocking(path: str, flags: int) -> int:
    """An opener for ``open``: should a FIFO or device replace the file after the check, it
    opens without waiting for a writer and without becoming the controlling terminal (and the
    caller checks the descriptor again)."""
    return os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))


__all__ = ["kind_of", "not_a_regular_file", "not_regular", "open_without_blocking"]
