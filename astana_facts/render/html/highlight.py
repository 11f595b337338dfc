"""Highlighted text built in Python from code-point offsets (the offsets of the records: a
browser's JavaScript counts UTF-16 units and would misplace every quote after an emoji).

Every span is shown, however spans overlap: spans that nest become nested elements, and a span
that crosses another's end is split at that boundary into fragments that carry the same
``data-span`` (joined in document order, their text is the span's text). The first fragment of
a span has its ``id`` (the target of links to the span) and, where given, a link to what the
span belongs to: an empty ``<a>`` with an ``aria-label``, reachable by keyboard, that adds no
character to the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text to highlight (``start``/``end``: code-point offsets, half open)."""

    start: int
    end: int
    key: str
    """What the fragments share as ``data-span``."""
    classes: str
    anchor: str = ""
    """The ``id`` of the first fragment (empty: none)."""
    link: str = ""
    """Where the span's link goes (empty: no link)."""
    label: str = ""
    """The link's accessible name and the fragments' tooltip."""
    tag: str = "mark"


def _open(mark: Mark, first: bool) -> str:
    anchor = f' id="{escape(mark.anchor)}"' if first and mark.anchor else ""
    title = f' title="{escape(mark.label)}"' if mark.label else ""
    tag = (
        f'<{mark.tag} class="{escape(mark.classes)}" data-span="{escape(mark.key)}"{anchor}{title}>'
    )
    if first and mark.link:
        tag += f'<a class="pin" href="{escape(mark.link)}" aria-label="{escape(mark.label)}"></a>'
    return tag


def _clamped(marks: Iterable[Mark], length: int) -> list[Mark]:
    """The marks inside ``0..length`` (offsets of a broken record clamped), outer first."""
    kept = []
    for mark in marks:
        start = min(max(mark.start, 0), length)
        end = min(max(mark.end, start), length)
        if (start, end) != (mark.start, mark.end):
            mark = Mark(start, end, mark.key, mark.classes, mark.anchor, mark.link, mark.label)
        kept.append(mark)
    return sorted(kept, key=lambda m: (m.start, -m.end, m.key))


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` escaped, with every mark of ``marks`` wrapped around its code points.

    (Escaped with the standard library's ``html.escape``, quotes included, which is faster
    than markupsafe's per call; the result is marked safe once, whole.)"""
    ordered = _clamped(marks, len(text))
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in ordered:
        starting[mark.start].append(mark)
    boundaries = sorted({m.start for m in ordered} | {m.end for m in ordered})
    out: list[str] = []
    stack: list[Mark] = []
    position = 0
    for boundary in boundaries:
        out.append(escape(text[position:boundary]))
        position = boundary
        reopen: list[Mark] = []
        while any(mark.end == boundary for mark in stack):
            closed = stack.pop()
            out.append(f"</{closed.tag}>")
            if closed.end != boundary:
                reopen.append(closed)
        fresh = starting.get(boundary, [])
        for mark in fresh:
            if mark.end == boundary:  # an empty span: its anchor, nothing to wrap
                out.append(_open(mark, True) + f"</{mark.tag}>")
        opening = [(m, False) for m in reopen] + [(m, True) for m in fresh if m.end > boundary]
        for mark, first in sorted(opening, key=lambda pair: -pair[0].end):
            out.append(_open(mark, first))
            stack.append(mark)
    out.append(escape(text[position:]))
    return Markup("".join(out))


def excerpt_bounds(
    text: str, start: int, end: int, lines: int = 0, most: int = 240
) -> tuple[int, int]:
    """Where an excerpt around ``start..end`` begins and ends: the line(s) holding it and
    ``lines`` more on each side, at most ``most`` code points each way (cut after a space where
    there is one)."""
    low = text.rfind("\n", 0, start) + 1
    for _ in range(lines):
        if low == 0:
            break
        low = text.rfind("\n", 0, low - 1) + 1
    if start - low > most:
        space = text.find(" ", start - most, start)
        low = space + 1 if space >= 0 else start - most
    found = text.find("\n", end)
    high = found if found >= 0 else len(text)
    for _ in range(lines):
        if high >= len(text):
            break
        found = text.find("\n", high + 1)
        high = found if found >= 0 else len(text)
    if high - end > most:
        space = text.rfind(" ", end, end + most)
        high = space if space >= 0 else end + most
    return low, high
