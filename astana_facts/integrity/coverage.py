"""Coverage: every sentence of a document carries a claim span or is listed as not check-worthy.

A sentence counts as covered when any span of a claim, or of a ``not_check_worthy`` entry, of its
document overlaps it by at least one code point. The finding points at the sentence's line in the
text file, where a contributor reads it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from astana_facts.findings.finding import Finding, SpanRef
from astana_facts.text.visible import show

if TYPE_CHECKING:  # (the sentence splitter is imported by a check with --coverage only)
    from astana_facts.text.sentences import Sentence

EXCERPT = 80
"""Code points of an uncovered sentence quoted in the message."""


def uncovered_sentences(
    text: str, spans: Iterable[tuple[int, int]], sentences: list[Sentence] | None = None
) -> list[Sentence]:
    """The sentences of ``text`` (split here unless given) that no span (``start``, ``end``)
    overlaps, in text order."""
    if sentences is None:
        from astana_facts.text.sentences import split_sentences

        sentences = split_sentences(text)
    starts = [sentence.start for sentence in sentences]
    covered = [False] * len(sentences)
    for start, end in spans:
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        while index < len(sentences) and sentences[index].start < end:
            if sentences[index].end > start:
                covered[index] = True
            index += 1
    return [sentence for sentence, done in zip(sentences, covered, strict=True) if not done]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def check_coverage(
    document: str, text: str, text_file: str, spans: Iterable[tuple[int, int]]
) -> Iterator[Finding]:
    """COV001 for each sentence of ``document`` that no claim or not_check_worthy span covers."""
    for sentence in uncovered_sentences(text, spans):
        line, column = _line_column(text, sentence.start)
        yield Finding.of(
            code="COV001",
            message=f"document {document}: sentence at {sentence.start}-{sentence.end} has no "
            f"claim span and no not_check_worthy entry: {show(sentence.text, limit=EXCERPT)}",
            file=text_file,
            line=line,
            column=column,
            spans=(SpanRef(document, sentence.start, sentence.end, sentence.text),),
        )
