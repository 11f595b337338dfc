"""``fmt``: the canonical layout of records files, with span offsets filled in from quotes.

Files are formatted one at a time, each to a temporary file beside it; nothing is written unless
every file could be formatted, and then every file is replaced, or none (a failed write puts back
every original). Content is never dropped: unknown keys are kept (after the known ones), and only
missing ``start``/``end``/``prefix``/``suffix`` are added.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.atomic import Transaction, leftover_temporaries
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.reader import read_bytes, read_json
from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.pipeline.progress import Progress, no_progress
from astana_facts.reading.folder import read_error_finding
from astana_facts.reading.listing import (
    RECORDS_FILES,
    files_or_none,
    list_files,
    unreadable_folder,
)
from astana_facts.reading.locations import display_path
from astana_facts.text.anchoring import anchored, did_you_mean, holds
from astana_facts.text.quotes import context, find_quote


@dataclass
class FormatResult:
    """What ``fmt`` did or would do."""

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    filled_spans: int = 0
    removed: list[Path] = field(default_factory=list)
    """Temporary files left behind by an interrupted earlier run, removed."""
    stale: dict[str, int] = field(default_factory=dict)
    """Document -> how many of its spans (with offsets) no longer stand in its text (a corrected
    text): nothing is written while there are any, so a changed text never passes silently;
    ``fmt --reanchor`` places them again."""


def records_files(root: Path) -> list[Path]:
    """Every JSON records file under ``root``, in a stable order: every entry named like one,
    whatever it is, so that reading reports a FIFO or a dangling link (SCH011) rather than
    skipping it; a folder that cannot be listed gives none (:func:`unreadable_folders`)."""
    files = files_or_none(root / "sources", ".json") + files_or_none(root / "claims", ".json")
    files += [root / name for name in RECORDS_FILES]
    return [path for path in files if os.path.lexists(path)]


def unreadable_folders(root: Path) -> list[Finding]:
    """SCH007 for ``sources/`` or ``claims/`` when it cannot be listed: fmt must not pass a
    folder it could not look into."""
    problems = []
    for name in ("sources", "claims"):
        listed = list_files(root / name, ".json")
        if isinstance(listed, OSError):
            problems.append(unreadable_folder(root / name, listed))
    return problems


def document_text(root: Path, document_id: str) -> str | None:
    """The text of a document, found through its metadata's ``text_file`` (or ``<id>.txt``)."""
    metadata = read_json(root / "sources" / f"{document_id}.json", root=root)
    text_file = f"{document_id}.txt"
    if not isinstance(metadata, ReadError) and isinstance(metadata.data, dict):
        named = metadata.data.get("text_file")
        if isinstance(named, str) and "/" not in named and "\\" not in named:
            text_file = named
    raw = read_bytes(root / "sources" / text_file, root=root)
    if isinstance(raw, ReadError):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _problem(path: Path, pointer: str, message: str, claim: str | None = None) -> Finding:
    return Finding.of(
        code="SPN001",
        message=message,
        file=display_path(path),
        pointer=pointer,
        claims=(claim,) if claim else (),
    )


def fill_span(text: str, span: dict[str, Any]) -> str | None:
    """Add missing offsets and context to one span in place; a reason when it cannot."""
    exact = span.get("exact")
    if not isinstance(exact, str) or not exact:
        return "span has no exact quote to locate"
    has_offsets = isinstance(span.get("start"), int) and isinstance(span.get("end"), int)
    if not has_offsets:
        prefix = span.get("prefix") if isinstance(span.get("prefix"), str) else None
        suffix = span.get("suffix") if isinstance(span.get("suffix"), str) else None
        anchors = find_quote(text, exact, prefix=prefix, suffix=suffix)
        if not anchors:
            hint = did_you_mean(text, exact)
            return f"quote {exact!r} does not occur in the document{hint}"
        if len(anchors) > 1:
            places = ", ".join(str(anchor.start) for anchor in anchors)
            return (
                f"quote {exact!r} occurs {len(anchors)} times (at {places}); add a prefix or "
                "suffix, or longer quote, to pick one"
            )
        span["start"], span["end"], span["exact"] = (
            anchors[0].start,
            anchors[0].end,
            anchors[0].exact,
        )
    start, end = span["start"], span["end"]
    if 0 <= start < end <= len(text) and text[start:end] == span["exact"]:
        before, after = context(text, start, end)
        span.setdefault("prefix", before)
        span.setdefault("suffix", after)
    return None


SPAN_LISTS = ("claims", "not_check_worthy")
"""The lists of a claims file whose entries carry ``evidence`` spans."""


def _fill_claims(path: Path, data: Any, root: Path, result: FormatResult) -> None:
    if not isinstance(data, dict):
        return
    document_id = data.get("document")
    text: str | None = None
    if isinstance(document_id, str) and any(
        isinstance(data.get(name), list) for name in SPAN_LISTS
    ):
        text = document_text(root, document_id)
    for list_name in SPAN_LISTS:
        entries = data.get(list_name)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and isinstance(entry.get("evidence"), list):
                _fill_entry(path, f"/{list_name}/{index}", entry, text, document_id, result)


def _fill_entry(
    path: Path,
    entry_pointer: str,
    entry: dict[str, Any],
    text: str | None,
    document_id: object,
    result: FormatResult,
) -> None:
    claim_id = entry.get("id") if isinstance(entry.get("id"), str) else None
    for span_index, span in enumerate(entry["evidence"]):
        if not isinstance(span, dict):
            continue
        if all(key in span for key in ("start", "end", "prefix", "suffix")):
            if text is not None and anchored(span) and not holds(text, span):
                result.stale[str(document_id)] = result.stale.get(str(document_id), 0) + 1
            continue
        pointer = f"{entry_pointer}/evidence/{span_index}"
        if text is None:
            if "start" not in span or "end" not in span:
                result.problems.append(
                    _problem(
                        path,
                        pointer,
                        f"cannot fill offsets: no text for document {document_id!r}",
                        claim_id,
                    )
                )
            continue
        before = dict(span)
        reason = fill_span(text, span)
        if reason is not None:
            label = f"claim {claim_id}, " if claim_id else ""
            result.problems.append(
                _problem(
                    path,
                    f"{pointer}/exact",
                    f"{label}field {pointer[1:]}/exact: {reason}",
                    claim_id,
                )
            )
        elif span != before:
            result.filled_spans += 1


def format_records(
    root: Path, *, check: bool = False, stale_ok: bool = False, progress: Progress = no_progress
) -> FormatResult:
    """Format every records file under ``root`` (or only check, with ``check``); ``progress``
    hears of each file read; ``stale_ok`` writes files with stale spans too (after
    ``--reanchor``, which lists the spans it could not place).

    Files are formatted one at a time, and a changed file's new bytes go straight to a
    temporary file beside it, so memory holds one file's bytes, never all of them. Only when
    every file is formatted without a problem or a stale span (:attr:`FormatResult.stale`) are
    the temporaries renamed over their files, all or none (:class:`~astana_facts.jsonio.atomic.
    WriteFailed`, naming the file and the reason, when that cannot be done); with ``check``, any
    problem or a stale span nothing is written. After a write,
    the temporary files an interrupted earlier run left behind are removed."""
    result = FormatResult(problems=unreadable_folders(root))
    with Transaction() as transaction:
        files = records_files(root)
        for path in progress(files, total=len(files), label="formatting"):
            content = _formatted(path, root, result)
            if content is not None and not check and not result.problems:
                transaction.stage(path, content)
        if check or result.problems or (result.stale and not stale_ok):
            return result
        transaction.commit()
    result.removed = remove_leftovers(root)
    return result


def _formatted(path: Path, root: Path, result: FormatResult) -> bytes | None:
    """The canonical bytes of ``path`` when they differ from the file's (recorded in
    ``result``: changed, unchanged or a problem)."""
    parsed = read_json(path, root=root)
    if isinstance(parsed, ReadError):
        result.problems.append(read_error_finding(parsed))
        return None
    data = parsed.data
    if path.parent.name == "claims":
        _fill_claims(path, data, root, result)
    content = dumps_canonical(data)
    if content == parsed.raw:
        result.unchanged.append(path)
        return None
    result.changed.append(path)
    return content


def remove_leftovers(root: Path) -> list[Path]:
    """Remove the temporary files that an interrupted write left in the records folder (their
    names have the one temporary shape); return those removed."""
    removed = []
    for folder in (root, root / "sources", root / "claims"):
        for path in leftover_temporaries(folder):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
