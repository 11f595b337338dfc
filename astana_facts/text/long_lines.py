"""Sentences of a very long line, in one linear pass: what splitting does past pysbd's reach.

pysbd costs about 3 µs a code point at best and more than that on long lines (several of its
passes rescan the line for every sentence or abbreviation it finds), so a line longer than
:data:`astana_facts.text.sentences.LINE_LIMIT` (no paragraph of prose is that long: such a line
is a text without line breaks, or a generated one) is split here instead, by the same kind of
rule with pysbd's list of abbreviations, in time linear in the line:

* a sentence ends after ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets) that
  white space and then a capital letter, a digit or an opening quote or bracket follow;
* but not after a period that ends an abbreviation of pysbd's English list ("Dr.", "vs.",
  "U.S.") or a single letter (an initial: "A. B. Smith");
* and no sentence is longer than :data:`MAX_SENTENCE` code points: a longer one is cut at its
  last white space before that length (or at the length, when it has none).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

MAX_SENTENCE = 2_000
"""Code points a sentence of a long line has at most."""

_CANDIDATE = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+[A-Z0-9"'“‘«(\[])""")
_WORD_BEFORE = re.compile(r"(\S+)\Z")


@cache
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English  # type: ignore[import-untyped]

    return frozenset(abbr.strip().lower() for abbr in English.Abbreviation.ABBREVIATIONS)


def _ends_sentence(line: str, start: int, end: int) -> bool:
    """Whether the punctuation ``line[start:end]`` ends a sentence (not an abbreviation's or an
    initial's period)."""
    if line[start:end] != ".":
        return True
    word = _WORD_BEFORE.search(line, max(0, start - 40), start)
    if word is None:
        return True
    token = word.group(1).lstrip("\"'“‘«([").lower()
    return len(token) > 1 and token not in _abbreviations()


def long_line_pieces(line: str, limit: int = MAX_SENTENCE) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each piece of ``line`` that ends a sentence, in order, covering the
    line; a piece is at most ``limit`` code points long."""
    start = 0
    for match in _CANDIDATE.finditer(line):
        if not _ends_sentence(line, match.start(), match.end()):
            continue
        yield from _capped(line, start, match.end(), limit)
        start = match.end()
    if start < len(line):
        yield from _capped(line, start, len(line), limit)


def _capped(line: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``line[start:end]`` in pieces of at most ``limit`` code points, cut at white space."""
    while end - start > limit:
        cut = max(
            line.rfind(" ", start + 1, start + limit), line.rfind("\t", start + 1, start + limit)
        )
        if cut <= start:
            cut = start + limit
        yield start, cut
        start = cut
    yield start, end
