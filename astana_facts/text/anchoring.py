"""Re-anchoring a quote in a changed text: exactly from its quote and context, else orphaned
with the nearest candidate (W3C TextQuoteSelector, as the Hypothesis annotation tool does).

A span is placed only where its quote stands *exactly*: the quote is the evidence, so a fuzzy
match never moves a span; it is shown as a suggestion for the orphan. Where the quote occurs
more than once, the occurrence whose surroundings agree best with the span's prefix and suffix
wins, then the one nearest the old offset, then the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from astana_facts.text.lookalike import find_lookalikes
from astana_facts.text.visible import show

FUZZY_THRESHOLD = 80.0
"""The least rapidfuzz ``partial_ratio`` (0-100) at which a stretch of text is offered as the
nearest candidate of a quote that does not occur exactly."""

FUZZY_WINDOW = 2_000
"""Code points either side of the old offset searched first for a fuzzy candidate."""

FUZZY_WHOLE_TEXT_LIMIT = 1_000_000
"""Texts up to this length are searched whole when the window around the old offset has no
candidate; a longer text is searched only around the old offset (a fuzzy search costs the
text's length times the quote's)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that resembles a quote, offered as "did you mean …?"."""

    start: int
    end: int
    text: str
    score: float
    """Similarity 0-100 (100: equal once whitespace, quote marks, dashes and look-alike letters
    are folded)."""
    lookalike: bool
    """True when it differs from the quote only in whitespace, quote marks, dashes or
    look-alike letters."""


def _agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many code points of ``prefix`` (from its end) and ``suffix`` (from its start) the
    text around ``start``-``end`` agrees with."""
    agreed = 0
    for offset in range(1, min(len(prefix), start) + 1):
        if text[start - offset] != prefix[-offset]:
            break
        agreed += 1
    for offset in range(min(len(suffix), len(text) - end)):
        if text[end + offset] != suffix[offset]:
            break
        agreed += 1
    return agreed


def place(
    text: str, exact: str, *, prefix: str = "", suffix: str = "", old_start: int = 0
) -> int | None:
    """The new start of the quote ``exact`` in ``text``, or None when it no longer occurs.

    Every occurrence is ranked by how much of ``prefix``/``suffix`` it agrees with (an
    occurrence with its whole context first), then by its distance from ``old_start``, then
    by position; the cost is one pass over the text plus the context of each occurrence.
    """
    if not exact:
        return None
    best: tuple[int, int, int] | None = None
    position = text.find(exact)
    while position != -1:
        end = position + len(exact)
        rank = (
            -_agreement(text, position, end, prefix, suffix),
            abs(position - old_start),
            position,
        )
        if best is None or rank < best:
            best = rank
        position = text.find(exact, position + 1)
    return None if best is None else best[2]


def occurs(text: str, exact: str) -> bool:
    """Whether :func:`place` would place ``exact`` in ``text`` (the cheap test the cascade
    summary counts re-anchorable spans with)."""
    return bool(exact) and exact in text


def nearest(text: str, quote: str, *, around: int | None = None) -> Candidate | None:
    """The stretch of ``text`` most like ``quote``, when none equals it: first one that differs
    only in whitespace, quote marks, dashes or look-alike letters (nearest ``around``), else
    the best rapidfuzz ``partial_ratio`` alignment at or above :data:`FUZZY_THRESHOLD`, in a
    window around ``around`` and then in the whole text."""
    if not quote.strip():
        return None
    similar = find_lookalikes(text, quote)
    if similar:
        start, end = min(similar, key=lambda place: (abs(place[0] - (around or 0)), place[0]))
        return Candidate(start, end, text[start:end], 100.0, True)
    windows: list[int] = []
    if around is not None:
        windows.append(max(0, around - FUZZY_WINDOW - len(quote)))
    if len(text) <= FUZZY_WHOLE_TEXT_LIMIT:
        windows.append(-1)
    from rapidfuzz import fuzz  # (imported when a quote is not found: checks that pass never do)

    for origin in windows:
        low, high = (
            (0, len(text)) if origin < 0 else (origin, origin + 2 * FUZZY_WINDOW + 3 * len(quote))
        )
        found = fuzz.partial_ratio_alignment(quote, text[low:high], score_cutoff=FUZZY_THRESHOLD)
        if found is not None and found.score >= FUZZY_THRESHOLD:
            start, end = _widen(text, quote, low + found.dest_start, low + found.dest_end)
            return Candidate(start, end, text[start:end], round(found.score, 1), False)
    return None


def _widen(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """The bounds near ``start``-``end`` whose stretch is most like ``quote`` (an alignment of
    ``partial_ratio`` is as long as the quote, so a passage with a letter more or less is cut or
    overrun), without white space at either end."""
    from rapidfuzz import fuzz

    slack = min(10, max(2, len(quote) // 5))
    best = (-1.0, start, end)
    for low in range(max(0, start - slack), start + slack + 1):
        for high in range(max(low + 1, end - slack), min(len(text), end + slack) + 1):
            score = fuzz.ratio(quote, text[low:high])
            if score > best[0]:
                best = (score, low, high)
    _, start, end = best
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def did_you_mean(text: str, quote: str, *, around: int | None = None) -> str:
    """``"; did you mean “…” at 1234-1260 (…)?"`` for the passage of ``text`` nearest to a
    ``quote`` that does not occur (:func:`nearest`), or "" when none is near enough."""
    candidate = nearest(text, quote, around=around)
    if candidate is None:
        return ""
    why = (
        "it differs only in whitespace, quote marks, dashes or look-alike letters"
        if candidate.lookalike
        else f"similarity {candidate.score:g}%"
    )
    return f"; did you mean {show(candidate.text)} at {candidate.start}-{candidate.end} ({why})?"


def holds(text: str, span: dict[str, Any]) -> bool:
    """Whether ``span`` stands at its offsets in ``text``, with its prefix and suffix."""
    start, end, exact = span.get("start"), span.get("end"), span.get("exact")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(exact, str)):
        return False
    if not (0 <= start < end <= len(text)) or text[start:end] != exact:
        return False
    prefix, suffix = span.get("prefix"), span.get("suffix")
    if isinstance(prefix, str) and (
        len(prefix) > start or text[start - len(prefix) : start] != prefix
    ):
        return False
    return not (isinstance(suffix, str) and text[end : end + len(suffix)] != suffix)


def anchored(span: Any) -> bool:
    """Whether ``span`` has offsets and a quote to re-anchor (else fmt fills it, or the
    models reject it)."""
    return (
        isinstance(span, dict)
        and all(type(span.get(key)) is int for key in ("start", "end"))
        and isinstance(span.get("exact"), str)
        and bool(span["exact"])
    )
