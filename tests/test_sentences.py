"""Sentence splitting: offsets are exact, sentences are ordered, disjoint and trimmed."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.text.sentences import split_sentences

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
