"""Evidence spans: where in a source text a claim is stated (W3C Web Annotation selectors)."""

from __future__ import annotations

from pydantic import PrivateAttr

from astana_facts.models.base import NonNegativeInt, Record, Text


class Span(Record):
    """A stretch of a source text, by code-point offsets into the NFC text plus the quote itself.

    ``start``/``end`` are a half-open interval (a TextPositionSelector); ``exact`` with the
    optional ``prefix``/``suffix`` is a TextQuoteSelector that re-anchors the span when a text is
    corrected. ``astana-facts fmt`` fills in offsets, prefix and suffix from ``exact``.
    """

    start: NonNegativeInt
    """Offset of the first code point of the quote in the NFC text (0-based)."""
    end: NonNegativeInt
    """Offset just past the last code point of the quote (half-open: ``text[start:end]``)."""
    exact: Text
    """The quoted text, exactly as it stands in the source between ``start`` and ``end``."""
    prefix: str | None = None
    """The text immediately before the quote, for re-anchoring."""
    suffix: str | None = None
    """The text immediately after the quote, for re-anchoring."""

    _document: str = PrivateAttr(default="")

    @property
    def document(self) -> str:
        """Id of the source document this span points into (set when the dataset is loaded)."""
        return self._document
