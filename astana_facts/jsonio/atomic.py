"""Writes that happen entirely or not at all: one file, or every file of a change.

A :class:`Transaction` writes each new content to a temporary file beside its target (one file
at a time, so a caller can produce contents lazily and never hold them all), and only when every
one is written renames them over their targets. Before the first rename, each target that exists
gets a hard link (or a copy) under a temporary name, so that a failure among the renames puts
every original back, byte for byte. On any failure every temporary is removed and one
:class:`WriteFailed` names the file and the reason.

Every temporary name has one shape, ``.<target name>.<8 characters>.tmp`` in the target's
folder (see :func:`is_temporary`), so that one left behind by a killed process can be
recognised: ``fmt`` removes those of the records folder and ``validate`` reports them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from astana_facts.jsonio.pieces import Content, pieces_of, write_pieces

_TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")
_LINK_TO_LINKS = os.link in os.supports_follow_symlinks
"""Whether ``os.link`` can link a symbolic link itself (linkat); else originals are copied."""
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


class WriteFailed(OSError):
    """A write that could not be done; every file it was to change is as it was (unless
    :attr:`kept` says where an original that could not be put back is kept)."""

    def __init__(self, path: Path, reason: str, *, code: int | None = None) -> None:
        super().__init__(code, reason)
        self.path = path
        self.reason = reason
        self.kept: list[tuple[Path, Path | None]] = []
        """(target, where its original is kept) for each file that could not be put back as it
        was; ``None`` for a new file that could not be removed again."""

    def __str__(self) -> str:
        if not self.kept:
            return f"cannot write {self.path}: {self.reason}; no file was changed"
        kept = "; ".join(
            f"{target} is kept as {copy}" if copy else f"{target} could not be removed"
            for target, copy in self.kept
        )
        return f"cannot write {self.path}: {self.reason}; could not restore every file: {kept}"


def is_temporary(name: str) -> bool:
    """Whether a file name has the shape of this module's temporary files."""
    return _TEMPORARY.match(name) is not None


def leftover_temporaries(folder: Path) -> list[Path]:
    """The temporary files (not folders) directly in ``folder``, sorted; none when it cannot be
    listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted(
                Path(entry.path)
                for entry in entries
                if is_temporary(entry.name) and not entry.is_dir(follow_symlinks=False)
            )
    except OSError:
        return []


def temporary_path(target: Path) -> Path:
    """A name beside ``target``, of the temporary shape, that nothing has yet."""
    while True:
        candidate = target.parent / f".{target.name}.{os.urandom(4).hex()}.tmp"
        if not os.path.lexists(candidate):
            return candidate


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def _write_temporary(target: Path, content: Content) -> Path:
    """``content`` in a new temporary file beside ``target``, flushed to disk and given the
    target's permissions (the usual ones, 0666 less the umask, for a new file)."""
    temporary = temporary_path(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(temporary, flags, 0o600)
    try:
        try:
            write_pieces(handle, pieces_of(content))
            os.fsync(handle)
        finally:
            os.close(handle)
        try:
            mode = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


@dataclass
class _Staged:
    target: Path
    temporary: Path
    new: bool
    """The target must not exist: it is created, never replaced."""
    backup: Path | None = None
    """A link to (or copy of) the original, made before any rename."""
    done: bool = False
    """The temporary has taken the target's place."""
    keep_backup: bool = False
    """The original could not be put back: its link or copy stays, and the error says where."""


def _keep_original(target: Path) -> Path | None:
    """A hard link to ``target`` under a temporary name (a copy where links are not
    supported); ``None`` when there is no original."""
    if not os.path.lexists(target):
        return None
    backup = temporary_path(target)
    try:
        if not _LINK_TO_LINKS:
            raise OSError(errno.ENOSYS, "hard links to links are not supported here")
        os.link(target, backup, follow_symlinks=False)
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        try:
            import shutil  # (only for a backup: its import costs every command start-up)

            shutil.copy2(target, backup, follow_symlinks=False)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(backup)
            raise
    return backup


class Transaction:
    """Files staged one by one and put in place together (:meth:`commit`), or not at all.

    Use it as a context manager: leaving the block without :meth:`commit` (or with an
    exception) discards every temporary."""

    def __init__(self) -> None:
        self._staged: list[_Staged] = []
        self._targets: set[Path] = set()

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, *_: object) -> None:
        self.discard()

    def stage(self, target: Path, content: Content, *, new: bool = False) -> None:
        """Write ``content`` to a temporary file for ``target`` (``new``: a target that must
        not exist). Raises :class:`WriteFailed`, having removed every temporary, on failure."""
        if target in self._targets:
            raise ValueError(f"{target} is staged twice")
        try:
            if new and os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, "it exists (nothing is overwritten)")
            temporary = _write_temporary(target, content)
        except OSError as error:
            self.discard()
            raise WriteFailed(target, _reason(error), code=error.errno) from None
        except BaseException:
            self.discard()
            raise
        self._targets.add(target)
        self._staged.append(_Staged(target, temporary, new))

    def commit(self) -> None:
        """Put every staged file in place, or (raising :class:`WriteFailed`) none."""
        current: _Staged | None = None
        try:
            for current in self._staged:
                if not current.new:
                    current.backup = _keep_original(current.target)
            for current in self._staged:
                if current.new:
                    os.link(current.temporary, current.target)  # fails if a file appeared
                else:
                    os.replace(current.temporary, current.target)
                current.done = True
        except BaseException as error:
            failed = self._roll_back(error, current)
            self.discard()
            if failed is not None:
                raise failed from None
            raise
        self.discard()

    def _roll_back(self, error: BaseException, current: _Staged | None) -> WriteFailed | None:
        """Undo every rename done; the error to raise for ``error`` (``None``: re-raise it)."""
        failed = None
        if isinstance(error, OSError) and current is not None:
            failed = WriteFailed(current.target, _reason(error), code=error.errno)
        for staged in reversed(self._staged):
            if not staged.done:
                continue
            try:
                if staged.backup is not None:
                    os.replace(staged.backup, staged.target)
                    staged.backup = None
                else:
                    os.unlink(staged.target)
                staged.done = False
            except OSError:
                staged.keep_backup = True
                if failed is not None:
                    failed.kept.append((staged.target, staged.backup))
        return failed

    def discard(self) -> None:
        """Remove every temporary file and every kept original no longer needed."""
        for staged in self._staged:
            if not staged.done or staged.new:
                with contextlib.suppress(OSError):
                    os.unlink(staged.temporary)
            if staged.backup is not None and not staged.keep_backup:
                with contextlib.suppress(OSError):
                    os.unlink(staged.backup)
        self._staged = []
        self._targets = set()


def write_all(files: Iterable[tuple[Path, Content]], *, new: bool = False) -> list[Path]:
    """Write every ``(path, content)`` or none of them; return the paths, in order.

    ``files`` is read one pair at a time and each content written to its temporary file before
    the next is asked for, so a generator of contents is never held whole. ``new``: every path
    must not exist (nothing is overwritten). Raises :class:`WriteFailed` naming the file and the
    reason, with every target as it was, when anything fails."""
    written: list[Path] = []
    with Transaction() as transaction:
        for path, content in files:
            transaction.stage(path, content, new=new)
            written.append(path)
        transaction.commit()
    return written


def write_atomic(path: Path, content: Content) -> None:
    """Replace ``path`` with ``content`` (or its pieces, written as they come) so that readers
    see the old or the new file, never half; raises :class:`WriteFailed`, leaving it as it was.

    The file keeps the permissions of the one it replaces; a new file gets the usual ones
    (0666 less the umask), not the 0600 of a temporary file. A target that exists and is not a
    regular file (``-o /dev/null``, ``-o /dev/stdout``, a named pipe) is written to, never
    replaced: renaming over it would put a regular file in place of the device."""
    if is_device(path):
        _write_through(path, content)
        return
    write_all([(path, content)])


def is_device(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (``/dev/null``, a
    named pipe): a target written to, never replaced by a rename."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: Path, content: Content) -> None:
    """``content`` written into the device or pipe at ``path``, as a shell redirection would."""
    try:
        with open(path, "wb") as stream:
            for piece in pieces_of(content):
                stream.write(piece)
    except OSError as error:
        raise WriteFailed(path, error.strerror or str(error), code=error.errno) from error
