"""Finding a quote in a source text, and the context around a span (W3C TextQuoteSelector)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

CONTEXT_LENGTH = 32
"""Code points of prefix and suffix that ``fmt`` and ``locate`` write."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote stands: offsets into the text, with its context."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def context(text: str, start: int, end: int, length: int = CONTEXT_LENGTH) -> tuple[str, str]:
    """The ``length`` code points before ``start`` and after ``end``."""
    return text[max(0, start - length) : start], text[end : end + length]


def find_quote(
    text: str, exact: str, *, prefix: str | None = None, suffix: str | None = None
) -> list[Anchor]:
    """Every place where ``exact`` (NFC-normalised) stands in ``text``.

    With ``prefix`` or ``suffix``, only the places with that context are kept, which is how a
    quote that occurs more than once is pinned to one occurrence. The context is compared in
    place (``str.endswith``/``startswith`` with bounds), so the cost is linear in the text plus
    the occurrences times the context's length, however often the quote occurs.
    """
    quote = unicodedata.normalize("NFC", exact)
    if not quote:
        return []
    anchors: list[Anchor] = []
    start = text.find(quote)
    while start != -1:
        end = start + len(quote)
        if (prefix is None or text.endswith(prefix, 0, start)) and (
            suffix is None or text.startswith(suffix, end)
        ):
            before, after = context(text, start, end)
            anchors.append(Anchor(start, end, quote, before, after))
        start = text.find(quote, start + 1)
    return anchors
