"""``fmt --reanchor``: after a correction to a source text, every span moved to where its quote
now stands, and the text's checksum updated.

Each span (of the claims and the ``not_check_worthy`` entries of every claims file of the
document) that no longer holds at its offsets is placed again by
:func:`astana_facts.text.anchoring.place`: where its quote stands exactly, the occurrence that
agrees best with its prefix and suffix. ``start``, ``end``, ``prefix`` and ``suffix`` are
updated; ``exact`` never is (the quote is the evidence). A span whose quote no longer occurs is
an orphan: it is listed (an SPN001 finding with the nearest candidate) and left as it was. A
document's ``sha256`` is updated only when every span of it holds afterwards, so a checksum
always means "every span was checked against this text". A span without offsets is ``fmt``'s to
fill, not re-anchored here.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astana_facts.findings.finding import Finding, SpanRef
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.reader import read_json
from astana_facts.jsonio.writer import dumps_canonical, write_all
from astana_facts.pipeline.locate import locate
from astana_facts.reading.folder import read_error_finding
from astana_facts.reading.locations import display_path
from astana_facts.text.anchoring import anchored, holds, nearest, place
from astana_facts.text.quotes import context
from astana_facts.text.visible import show
from astana_facts.tools.fmt import SPAN_LISTS, document_text


@dataclass
class ReanchorResult:
    """What re-anchoring did or would do."""

    moved: dict[Path, int] = field(default_factory=dict)
    """Claims file -> spans re-anchored in it."""
    checksums: list[Path] = field(default_factory=list)
    """Metadata files whose sha256 was (or would be) updated."""
    orphans: list[Finding] = field(default_factory=list)
    """Spans that could not be placed, each as an SPN001 finding with the nearest candidate."""
    problems: list[Finding] = field(default_factory=list)
    """Files that could not be read: nothing is written when there is one."""
    skipped: list[Finding] = field(default_factory=list)
    """Documents left alone because their text is not normalised (SRC002): offsets count code
    points of the NFC, LF text, so spans are placed only in such a text."""
    pending: list[tuple[Path, bytes]] = field(default_factory=list)


@dataclass
class _Document:
    id: str
    metadata_path: Path
    metadata: dict[str, Any]
    text: str
    orphaned: bool = False


def _orphan(
    path: Path, pointer: str, claim: str | None, document: str, text: str, span: dict[str, Any]
) -> Finding:
    exact = span["exact"]
    candidate = nearest(text, exact, around=span["start"])
    label = f"claim {claim}, " if claim else ""
    message = f"{label}field {pointer[1:]}/exact: quote {show(exact)} no longer occurs in the text"
    if candidate is None:
        message += "; no similar passage found"
    else:
        kind = "reads the same" if candidate.lookalike else f"similarity {candidate.score:g}%"
        message += (
            f"; nearest: {show(candidate.text)} at {candidate.start}-{candidate.end} ({kind}): "
            "correct the quote, or remove start and end and run `astana-facts fmt`"
        )
    return Finding.of(
        code="SPN001",
        message=message,
        file=display_path(path),
        pointer=f"{pointer}/exact",
        claims=(claim,) if claim else (),
        spans=(SpanRef(document, span["start"], span["end"], exact),),
    )


def _move(text: str, span: dict[str, Any]) -> bool:
    """Place ``span`` again in ``text``; whether its quote was found."""
    exact = span["exact"]
    prefix, suffix = span.get("prefix"), span.get("suffix")
    start = place(
        text,
        exact,
        prefix=prefix if isinstance(prefix, str) else "",
        suffix=suffix if isinstance(suffix, str) else "",
        old_start=span["start"],
    )
    if start is None:
        return False
    end = start + len(exact)
    span["start"], span["end"] = start, end
    span["prefix"], span["suffix"] = context(text, start, end)
    return True


def _claims_file(path: Path, data: Any, document: _Document, result: ReanchorResult) -> int:
    """Re-anchor the spans of one claims file in place; how many moved."""
    moved = 0
    for list_name in SPAN_LISTS:
        entries = data.get(list_name)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict) or not isinstance(entry.get("evidence"), list):
                continue
            claim = entry.get("id") if isinstance(entry.get("id"), str) else None
            for span_index, span in enumerate(entry["evidence"]):
                if not anchored(span) or holds(document.text, span):
                    continue
                if _move(document.text, span):
                    moved += 1
                    continue
                document.orphaned = True
                pointer = f"/{list_name}/{index}/evidence/{span_index}"
                result.orphans.append(
                    _orphan(path, pointer, claim, document.id, document.text, span)
                )
    return moved


def _documents(root: Path, result: ReanchorResult) -> dict[str, _Document]:
    """Every document whose metadata and text can be read, by id."""
    documents: dict[str, _Document] = {}
    for path in sorted((root / "sources").glob("*.json")):
        parsed = read_json(path, root=root)
        if isinstance(parsed, ReadError):
            result.problems.append(read_error_finding(parsed))
            continue
        data = parsed.data
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            continue
        text = document_text(root, data["id"])
        if text is None or data["id"] in documents:
            continue
        unfit = _unnormalised(text)
        if unfit:
            result.skipped.append(
                Finding.of(
                    code="SRC002",
                    message=f"document {data['id']}: not re-anchored: the text {unfit}; "
                    "normalise it first (`astana-facts validate` names the problem)",
                    file=display_path(path),
                )
            )
            continue
        documents[data["id"]] = _Document(data["id"], path, data, text)
    return documents


def _unnormalised(text: str) -> str:
    """What keeps spans from being placed in ``text`` (not NFC, CR line endings, an invisible
    byte-order mark first), or ""."""
    if text.startswith("\ufeff"):
        return "starts with a byte-order mark (U+FEFF)"
    if "\r" in text:
        return "has CR line endings"
    return "" if unicodedata.is_normalized("NFC", text) else "is not in Unicode NFC"


def _document_of(data: Any, documents: dict[str, _Document]) -> _Document | None:
    """The document a claims file's data names, when it names one whose text was read."""
    named = data.get("document") if isinstance(data, dict) else None
    return documents.get(named) if isinstance(named, str) else None


def reanchor_records(root: Path, *, check: bool = False) -> ReanchorResult:
    """Re-anchor every span of the folder at ``root`` that no longer holds, update the
    checksums of the documents whose spans all hold, and write every changed file at once
    (nothing with ``check``, or when a file cannot be read)."""
    result = ReanchorResult()
    documents = _documents(root, result)
    for path in sorted((root / "claims").glob("*.json")):
        parsed = read_json(path, root=root)
        if isinstance(parsed, ReadError):
            result.problems.append(read_error_finding(parsed))
            continue
        data = parsed.data
        document = _document_of(data, documents)
        if document is None:
            continue
        moved = _claims_file(path, data, document, result)
        if moved:
            result.moved[path] = moved
            result.pending.append((path, dumps_canonical(data)))
    for document in documents.values():
        sha256 = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        if document.orphaned or document.metadata.get("sha256") == sha256:
            continue
        document.metadata["sha256"] = sha256
        result.checksums.append(document.metadata_path)
        result.pending.append((document.metadata_path, dumps_canonical(document.metadata)))
    if not check and not result.problems:
        write_all(result.pending)
    result.orphans = locate(result.orphans, root=root, known=lambda file: {})
    return result
