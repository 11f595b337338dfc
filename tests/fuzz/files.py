"""Mutations of bytes, texts and the folder itself: flipped bytes, cut files, bad UTF-8, edited
source texts, files removed or renamed or replaced by folders, symbolic links (outside, loops,
dangling) and FIFOs. Same contract as ``mutations``: each returns a ``Step`` or ``None``."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

from tests.fuzz.mutations import Step, _name, _texts, json_files

ABBREVIATIONS = "Mr. Dr. St. Gen. Col. Lt. Inc. Ltd. e.g. i.e. U.S. U.N. Jan. Feb. approx. vs. "
"""Text that makes a sentence splitter consider a boundary at every other word."""


def _any_file(rng: random.Random, case: Path) -> Path | None:
    files = json_files(case) + _texts(case)
    return rng.choice(files) if files else None


def _in_records(case: Path, path: Path) -> bool:
    """Whether a file belongs to the records (not to the validators)."""
    return case / "records" in path.parents


def _is_records(case: Path, path: Path) -> bool:
    """Whether a file is one the records cannot do without (a source, the entities)."""
    relative = path.relative_to(case / "records") if case / "records" in path.parents else None
    return relative is not None and (
        relative.parts[0] == "sources" or relative.name == "entities.json"
    )


def flip_byte(rng: random.Random, case: Path) -> Step | None:
    """One byte of a file is changed."""
    path = _any_file(rng, case)
    if path is None or not (raw := path.read_bytes()):
        return None
    at = rng.randrange(len(raw))
    changed = raw[at] ^ rng.randint(1, 255)
    path.write_bytes(raw[:at] + bytes([changed]) + raw[at + 1 :])
    must = path.suffix == ".txt"  # the checksum no longer matches
    return Step("flip-byte", f"{_name(case, path)} byte {at} := 0x{changed:02x}", must)


def truncate(rng: random.Random, case: Path) -> Step | None:
    """A file is cut short (a write that stopped half way)."""
    path = _any_file(rng, case)
    if path is None or len(raw := path.read_bytes()) < 4:
        return None
    at = rng.randrange(1, len(raw) * 9 // 10)
    path.write_bytes(raw[:at])
    detail = f"{_name(case, path)} cut to {at} of {len(raw)} bytes"
    return Step("truncate", detail, _in_records(case, path))


def bad_encoding(rng: random.Random, case: Path) -> Step | None:
    """Bytes that are not UTF-8 (or a byte-order mark, or a NUL) go into a file."""
    path = _any_file(rng, case)
    if path is None:
        return None
    raw = path.read_bytes()
    bad = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\x00", b"\xe2\x80"])
    at = 0 if bad == b"\xef\xbb\xbf" or not raw else rng.randrange(len(raw))
    path.write_bytes(raw[:at] + bad + raw[at:])
    detail = f"{_name(case, path)} {bad!r} inserted at byte {at}"
    return Step("bad-encoding", detail, _in_records(case, path))


def empty_file(rng: random.Random, case: Path) -> Step | None:
    """A file becomes empty."""
    path = _any_file(rng, case)
    if path is None:
        return None
    path.write_bytes(b"")
    return Step("empty-file", f"{_name(case, path)} emptied", _in_records(case, path))


def edit_text(rng: random.Random, case: Path) -> Step | None:
    """A source text is corrected: characters inserted, deleted or replaced; or its line ends,
    a byte-order mark, or a long stretch of abbreviations change it."""
    texts = _texts(case)
    if not texts:
        return None
    path = rng.choice(texts)
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    at = rng.randint(0, len(text))
    edits = {
        "insert": lambda: text[:at] + "inserted words " + text[at:],
        "delete": lambda: text[:at] + text[at + rng.randint(1, 40) :],
        "replace": lambda: text[:at] + "X" + text[at + 1 :],
        "crlf": lambda: text.replace("\n", "\r\n"),
        "bom": lambda: "\ufeff" + text,
        "abbreviations": lambda: text + ABBREVIATIONS * 60,
        "no-final-newline": lambda: text.rstrip("\n") + "  ",
    }
    how = rng.choice(sorted(edits))
    edited = edits[how]()
    if edited == text:
        return None
    path.write_bytes(edited.encode("utf-8", "surrogateescape"))
    return Step("edit-text", f"{_name(case, path)} {how} at {at}", must_fail=True)


def remove(rng: random.Random, case: Path) -> Step | None:
    """A file or a whole folder is deleted."""
    records = case / "records"
    choices = [*json_files(case, validators=False), *_texts(case)]
    choices += [folder for folder in (records / "claims", records / "sources") if folder.is_dir()]
    if rng.random() < 0.05:
        for entry in list(records.iterdir()):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        return Step("remove", "everything in records/ deleted", must_fail=True)
    if not choices:
        return None
    path = rng.choice(choices)
    must = _is_records(case, path) or path == records / "sources"
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
    return Step("remove", f"{_name(case, path)} deleted", must)


def rename(rng: random.Random, case: Path) -> Step | None:
    """A file gets another name (another case, another extension, a hidden name)."""
    files = [*json_files(case, validators=False), *_texts(case)]
    if not files:
        return None
    path = rng.choice(files)
    names = [path.name.upper(), path.stem + ".bak", "." + path.name, "renamed " + path.name]
    new = path.with_name(rng.choice(names))
    path.rename(new)
    return Step("rename", f"{_name(case, path)} -> {new.name}", _is_records(case, path))


def folder_for_file(rng: random.Random, case: Path) -> Step | None:
    """A file is replaced by a folder of the same name."""
    path = _any_file(rng, case)
    if path is None:
        return None
    path.unlink()
    path.mkdir()
    (path / "inside.json").write_bytes(b"{}\n")
    return Step("folder-for-file", f"{_name(case, path)} is now a folder", _is_records(case, path))


def symlink(rng: random.Random, case: Path) -> Step | None:
    """A symbolic link: a file replaced by a link outside the folder, or a new link that loops
    or dangles."""
    path = _any_file(rng, case)
    if path is None:
        return None
    how = rng.choice(["outside", "loop", "pair-loop", "dangling", "folder-loop"])
    if how == "outside":
        outside = case / "outside" / path.name
        outside.parent.mkdir(exist_ok=True)
        shutil.move(path, outside)
        path.symlink_to(outside)
    elif how == "loop":
        path.unlink()
        path.symlink_to(path.name)
    elif how == "pair-loop":
        partner = path.with_name("partner-" + path.name)
        path.unlink()
        path.symlink_to(partner.name)
        partner.symlink_to(path.name)
    elif how == "dangling":
        path.unlink()
        path.symlink_to("no-such-file" + path.suffix)
    else:
        (path.parent / "again.json").symlink_to(".", target_is_directory=True)
        return Step("symlink", f"{_name(case, path.parent)}/again.json -> . (a folder loop)")
    return Step("symlink", f"{_name(case, path)} {how}", how != "outside")


def fifo(rng: random.Random, case: Path) -> Step | None:
    """A file is replaced by a FIFO (a named pipe nobody writes to)."""
    path = _any_file(rng, case)
    if path is None or not hasattr(os, "mkfifo"):
        return None
    path.unlink()
    os.mkfifo(path)
    return Step("fifo", f"{_name(case, path)} is now a FIFO", True)


def stray_files(rng: random.Random, case: Path) -> Step | None:
    """Files the layout does not expect: a text without metadata, metadata without text,
    notes in the claims folder."""
    records = case / "records"
    if not (records / "sources").is_dir() or not (records / "claims").is_dir():
        return None
    how = rng.choice(["text-only", "metadata-only", "notes", "hidden"])
    target = {
        "text-only": records / "sources" / "stray.txt",
        "metadata-only": records / "sources" / "stray.json",
        "notes": records / "claims" / "notes.txt",
        "hidden": records / "claims" / ".hidden.json",
    }[how]
    target.write_bytes(b"Some words.\n" if target.suffix == ".txt" else b'{"id": "stray"}\n')
    return Step("stray-files", f"{_name(case, target)} added", how == "metadata-only")
