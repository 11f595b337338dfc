"""Sentences of a source text, as code-point offsets: what the coverage check counts.

A line break ends a sentence (the texts are plain text: headlines, bylines and paragraphs stand
on lines of their own); inside a line, pysbd's rule-based segmenter finds the boundaries, so that
abbreviations ("Dec. 22", "U.S.") and quotations do not split a sentence. Spaces around a
sentence are not part of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text[start:end]``."""

    start: int
    end: int
    text: str


@cache
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, each with its offsets; blank stretches are skipped."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            for piece in _segmenter().segment(line):
                start, end = line_start + piece.start, line_start + piece.end
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if sentences and start < sentences[-1].end:
                    start = sentences[-1].end  # pysbd's spans may overlap at stray punctuation
                if start >= end:
                    continue
                if not any(char.isalnum() for char in text[start:end]) and sentences:
                    # Stray punctuation (". .") belongs to the sentence before it.
                    previous = sentences[-1]
                    if previous.start >= line_start:
                        sentences[-1] = Sentence(previous.start, end, text[previous.start : end])
                        continue
                sentences.append(Sentence(start, end, text[start:end]))
        line_start += len(line) + 1
    return sentences
