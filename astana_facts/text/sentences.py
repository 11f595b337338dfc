"""Sentences of a source text, as code-point offsets: what the coverage check counts.

A line break ends a sentence (the texts are plain text: headlines, bylines and paragraphs stand
on lines of their own); inside a line, pysbd's rule-based segmenter finds the boundaries, so that
abbreviations ("Dec. 22", "U.S.") and quotations do not split a sentence. Spaces around a
sentence are not part of it.

The cost is linear in the text: each line is split on its own, by pysbd (with its abbreviation
pass made linear, :mod:`astana_facts.text.pysbd_fast`: the same sentences) when it has at most
:data:`LINE_LIMIT` code points, and by the linear rule of :mod:`astana_facts.text.long_lines`
(sentences of at most 2,000 code points) when it is longer; pysbd on a line of a million code
points would take hours. A text whose lines are all within the limit, as every prose text's
are, is split exactly as pysbd splits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from astana_facts.text.long_lines import long_line_pieces
from astana_facts.text.pysbd_fast import segmenter

LINE_LIMIT = 10_000
"""Code points of the longest line that pysbd splits (a long paragraph has about 5,000)."""

_PLAIN_LINE = re.compile(r"[A-Za-z ,-]*")
"""A line pysbd keeps whole: no sentence-ending punctuation, digit, bracket, quote or bullet for
any of its rules to act on (a headline, a byline). Such lines skip pysbd's ~0.15 ms a call,
which made a text of many short lines slow; a property test checks the result is pysbd's."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text[start:end]``."""

    start: int
    end: int
    text: str


def line_pieces(line: str, limit: int = LINE_LIMIT) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of the pieces a splitter finds in one line (untrimmed; pysbd's may
    overlap at stray punctuation)."""
    if len(line) > limit:
        return long_line_pieces(line)
    if _PLAIN_LINE.fullmatch(line):
        return ((0, len(line)),)
    return _pysbd_pieces(line)


@lru_cache(maxsize=4096)
def _pysbd_pieces(line: str) -> tuple[tuple[int, int], ...]:
    """pysbd's spans of one line, remembered: a line repeated (a byline, a separator, a text of
    the same short line over and over) is split once."""
    return tuple((piece.start, piece.end) for piece in segmenter().segment(line))


def split_sentences(text: str, *, limit: int = LINE_LIMIT) -> list[Sentence]:
    """The sentences of ``text`` in order, each with its offsets; blank stretches are skipped.

    ``limit``: the longest line split by pysbd (the tests lower it)."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            for start, end in line_pieces(line, limit):
                _add(sentences, text, line_start + start, line_start + end, line_start)
        line_start += len(line) + 1
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, line_start: int) -> None:
    """Append ``text[start:end]`` trimmed, or join stray punctuation to the sentence before it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if sentences and start < sentences[-1].end:
        start = sentences[-1].end  # pysbd's spans may overlap at stray punctuation
    if start >= end:
        return
    if not any(char.isalnum() for char in text[start:end]) and sentences:
        # Stray punctuation (". .") belongs to the sentence before it.
        previous = sentences[-1]
        if previous.start >= line_start:
            sentences[-1] = Sentence(previous.start, end, text[previous.start : end])
            return
    sentences.append(Sentence(start, end, text[start:end]))
