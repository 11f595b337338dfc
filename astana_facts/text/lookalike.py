"""Comparing quotes as a reader sees them: whitespace, quote marks, dashes and look-alike letters
folded away, so that a quote copied with the wrong kind of apostrophe can still be found.

The folding is for suggestions only ("did you mean …?"): a span's quote must stand in the text
exactly, because the quote is the evidence.
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

_SAME = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    # Cyrillic and Greek letters drawn like Latin ones (the common part of Unicode's
    # confusables table: what a keyboard layout switch or an OCR pass puts into a quote).
    **dict(zip("аеорсухіјѕԁԛԝ", "aeopcyxijsdqw", strict=True)),
    **dict(zip("АВЕКМНОРСТХІЈЅ", "ABEKMHOPCTXIJS", strict=True)),
    **dict(zip("οαιικνρτυχ", "oaiikvptux", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
}
"""Characters folded to the ASCII one a reader takes them for (after NFKC)."""


def fold_character(character: str) -> str:
    """What ``character`` looks like: NFKC, then quote marks, dashes and look-alike letters
    mapped to ASCII, every kind of white space to one space, invisible format characters (a
    zero-width space, a BOM) to nothing."""
    folded = []
    for piece in unicodedata.normalize("NFKC", character):
        if piece.isspace():
            folded.append(" ")
        elif unicodedata.category(piece) == "Cf":
            continue
        else:
            folded.append(_SAME.get(piece, piece))
    return "".join(folded)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text, with the offset in the original text of each folded code point."""

    text: str
    origins: array[int]
    """``origins[i]``: where in the original text folded code point ``i`` comes from."""


def fold(text: str) -> Folded:
    """``text`` folded (:func:`fold_character`), with runs of white space made one space."""
    out: list[str] = []
    origins: array[int] = array("q")
    for index, character in enumerate(text):
        for piece in fold_character(character):
            if piece == " " and out and out[-1] == " ":
                continue
            out.append(piece)
            origins.append(index)
    return Folded("".join(out), origins)


@lru_cache(maxsize=4)
def _folded_text(text: str) -> Folded:
    """The folded form of a source text, kept for the next quote looked up in it."""
    return fold(text)


def find_lookalikes(text: str, quote: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every stretch that reads like ``quote`` once whitespace,
    quote marks, dashes and look-alike letters are folded away (in text order)."""
    needle = fold(quote).text.strip(" ")
    if not needle:
        return []
    folded = _folded_text(text)
    found: list[tuple[int, int]] = []
    position = folded.text.find(needle)
    while position != -1:
        last = position + len(needle) - 1
        found.append((folded.origins[position], folded.origins[last] + 1))
        position = folded.text.find(needle, position + 1)
    return found
