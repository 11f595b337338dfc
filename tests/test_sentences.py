"""Sentence splitting: offsets are exact, sentences are ordered, disjoint and trimmed."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.text import sentences as sentences_module
from astana_facts.text.long_lines import MAX_SENTENCE
from astana_facts.text.pysbd_fast import stock_segmenter
from astana_facts.text.sentences import LINE_LIMIT, split_sentences

WORDS = st.sampled_from(
    ["Astana", "talks", "Dec.", "U.S.", "the", "round", "320", "“quoted”", "said", "it", "."]
)
LINES = st.lists(WORDS, min_size=0, max_size=14).map(" ".join)
TEXTS = st.lists(
    st.tuples(LINES, st.sampled_from([". ", "? ", "\n", "\n\n", " "])), max_size=8
).map(lambda parts: "".join(line + end for line, end in parts))


def test_a_line_break_and_a_full_stop_end_sentences() -> None:
    text = "Headline\n\nThe talks ended. They met on Dec. 22 in Astana.\n"
    assert [s.text for s in split_sentences(text)] == [
        "Headline",
        "The talks ended.",
        "They met on Dec. 22 in Astana.",
    ]


def test_stray_punctuation_joins_the_sentence_before_it() -> None:
    text = "“Russia signed a memorandum.”. .\n"
    (sentence,) = split_sentences(text)
    assert sentence.text == "“Russia signed a memorandum.”. ."


@given(TEXTS)
def test_sentences_are_exact_ordered_disjoint_and_trimmed(text: str) -> None:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert "\n" not in sentence.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


@given(TEXTS)
def test_every_non_blank_character_is_in_a_sentence(text: str) -> None:
    inside = {i for s in split_sentences(text) for i in range(s.start, s.end)}
    assert all(i in inside for i, char in enumerate(text) if char.isalnum())


@given(TEXTS, st.integers(min_value=1, max_value=60))
def test_a_line_past_the_limit_is_split_exactly_and_completely(text: str, limit: int) -> None:
    """Lines longer than ``limit`` take the linear rule; the sentences stay exact slices, in
    order, disjoint, and cover every letter and digit."""
    sentences = split_sentences(text, limit=limit)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and "\n" not in sentence.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
    inside = {i for s in sentences for i in range(s.start, s.end)}
    assert all(i in inside for i, char in enumerate(text) if char.isalnum())


@given(text=TEXTS)
def test_lines_within_the_limit_are_split_as_stock_pysbd_splits_them(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The invariant of the linear splitting: a text whose lines are within the limit gets
    exactly the sentences that stock pysbd's spans give."""
    assert max(map(len, text.split("\n"))) <= LINE_LIMIT
    fast = split_sentences(text)
    with monkeypatch.context() as patch:
        patch.setattr(sentences_module, "segmenter", stock_segmenter)
        sentences_module._pysbd_pieces.cache_clear()  # what the fast segmenter split
        stock = split_sentences(text)
        sentences_module._pysbd_pieces.cache_clear()  # what stock pysbd split
    assert fast == stock


def test_a_megabyte_line_is_split_in_bounded_sentences() -> None:
    unit = "Mr. A. B. Smith et al. vs. Dr. C. D. Jones, No. 5 St. Petersburg Ave. met in the U.S. "
    text = unit * (LINE_LIMIT // len(unit) + 2)
    sentences = split_sentences(text)
    assert sentences and all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert "".join(text[s.start : s.end] + " " for s in sentences).split() == text.split()


PLAIN_LINES = st.lists(st.text(alphabet="aZIivx ,'-", max_size=12), max_size=12).map("\n".join)


@given(text=PLAIN_LINES)
def test_lines_pysbd_keeps_whole_are_split_as_stock_pysbd_splits_them(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines of ASCII letters, spaces, commas and hyphens skip pysbd: the sentences are
    the ones stock pysbd gives."""
    fast = split_sentences(text)
    with monkeypatch.context() as patch:
        patch.setattr(sentences_module, "_PLAIN_LINE", re.compile("(?!)"))
        patch.setattr(sentences_module, "segmenter", stock_segmenter)
        sentences_module._pysbd_pieces.cache_clear()  # what the fast segmenter split
        stock = split_sentences(text)
        sentences_module._pysbd_pieces.cache_clear()  # what stock pysbd split
    assert fast == stock
