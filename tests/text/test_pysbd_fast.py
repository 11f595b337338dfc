"""The linear abbreviation pass gives exactly stock pysbd's sentences, on any text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st
from pysbd.lang.english import English  # type: ignore[import-untyped]

from astana_facts.text.pysbd_fast import (
    FastEnglish,
    _ascii_like,
    _plain_occurrences,
    segmenter,
    stock_segmenter,
)

# Abbreviations of pysbd's list in every spelling its rules treat apart (prepositive, before a
# number, dotted, case variants, a look-alike "ſ" that matches "s" case-insensitively, the
# literal "{mr} " pysbd's look-behind searches for), among words, numbers and sentence ends.
WORDS = st.sampled_from(
    [
        "Mr.",
        "mr.",
        "MR.",
        "Dr.",
        "St.",
        "ſt.",
        "No.",
        "no.",
        "Nos.",
        "pp.",
        "vs.",
        "v.",
        "et",
        "al.",
        "Ave.",
        "Dec.",
        "U.S.",
        "u.s.",
        "e.g.",
        "i.e.",
        "Ph.D.",
        "A.",
        "B.",
        "a.",
        "I",
        "Smith",
        "Jones",
        "the",
        "met",
        "in",
        "5",
        "22",
        "(3)",
        "“quoted.”",
        "{mr}",
        "Gen.",
        "Col.",
        "Inc.",
        "etc.",
        "fig.",
        ":12",
        ".",
        "!",
        "?",
        ",",
        "…",
        "St",
        "Mr",
    ]
)
LINES = st.lists(WORDS, max_size=40).map(" ".join)


def spans(found: object) -> list[tuple[int, int]]:
    return [(piece.start, piece.end) for piece in found]  # type: ignore[attr-defined]


@given(LINES)
def test_the_sentences_equal_stock_pysbd(line: str) -> None:
    assert spans(segmenter().segment(line)) == spans(stock_segmenter().segment(line))


def test_an_abbreviation_dense_line_equals_stock_pysbd() -> None:
    unit = "Mr. A. B. Smith et al. vs. Dr. C. D. Jones, No. 5 St. Petersburg Ave. met Dec. 22. "
    line = unit * 40
    assert spans(segmenter().segment(line)) == spans(stock_segmenter().segment(line))


# Character spans: pysbd finds each sentence with ``re.finditer`` on the escaped sentence; the
# fast segmenter walks the same chain of matches with ``str.find``. Texts over a small alphabet
# with white space of several kinds, and sentences cut from them (repeated, overlapping
# themselves, ending in white space, empty) or not in them, make the chains differ if anything
# does.
SMALL = st.text(alphabet="ab. \t\u3000\r", max_size=30)


@st.composite
def text_and_sentences(draw: st.DrawFn) -> tuple[str, list[str]]:
    text = draw(SMALL)
    cut = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
        lambda bounds: text[min(bounds) : max(bounds)]
    )
    return text, draw(st.lists(st.one_of(cut, SMALL), max_size=10))


@given(text_and_sentences())
@example(("aaa", ["aa", "aa"]))  # the second "aa" is not found: matches do not overlap
@example(("a a a", ["a", "a", "a", "a"]))
@example(("ab  ab", ["", "ab", " ", "ab"]))
@example((" a  a", [" a", " a"]))  # the next search starts after the white space matched
def test_the_character_spans_equal_stock_pysbd_for_any_sentences(
    case: tuple[str, list[str]],
) -> None:
    text, sentences = case
    fast, stock = segmenter(), stock_segmenter()
    fast.original_text = stock.original_text = text
    assert spans(fast.sentences_with_char_spans(sentences)) == spans(
        stock.sentences_with_char_spans(sentences)
    )


# Paragraphs: sentences of abbreviation-dense words, some repeated word for word, joined by
# spaces (a paragraph of prose, where each sentence is looked up after the one before).
SENTENCES = st.lists(WORDS, min_size=1, max_size=12).map(lambda words: " ".join(words) + ".")
PARAGRAPHS = st.lists(SENTENCES, max_size=8).flatmap(
    lambda sentences: (
        st.lists(st.sampled_from(sentences), max_size=12) if sentences else st.just([])
    )
)


@given(PARAGRAPHS)
def test_paragraphs_with_repeated_sentences_equal_stock_pysbd(sentences: list[str]) -> None:
    paragraph = " ".join(sentences)
    assert spans(segmenter().segment(paragraph)) == spans(stock_segmenter().segment(paragraph))


# The abbreviation pass's own pieces, against pysbd's: the occurrences of a plain abbreviation
# found with ``str.find`` (in lines whose characters cannot match an ASCII letter other than by
# their lower case), and the substitutions after an abbreviation found from the period.
ODD = st.text(alphabet="mrNOoPp .\t\x1c\u3000∯♨ſKİı", max_size=30)


@given(ODD, st.sampled_from(["mr", "no", "p", "pp", "nos", "op"]))
@example("mr mr  MR\tmr.mrmr", "mr")
@example("ppp pp", "pp")
def test_plain_occurrences_equal_pysbd_findall(text: str, word: str) -> None:
    expected = re.findall(rf"(?:^|\s|\r|\n){word}", text, flags=re.IGNORECASE)
    if _ascii_like(text):
        assert _plain_occurrences(text, text.lower(), word) == expected
    else:
        assert any(char in text for char in "ſKİı")


OCCURRENCES = st.sampled_from(["Mr", " Mr", "\nmr", " No", "no", " pp", " Dr", " e.g", " U.S", "x"])
AFTER = st.lists(st.sampled_from(["A", "b", "", "{"]), max_size=3)


@given(LINES, OCCURRENCES, st.integers(0, 3), AFTER)
def test_replacements_after_an_abbreviation_equal_pysbd(
    line: str, occurrence: str, index: int, after: list[str]
) -> None:
    fast = FastEnglish.AbbreviationReplacer(line, FastEnglish)
    stock = English.AbbreviationReplacer(line, English)
    assert fast.scan_for_replacements(line, occurrence, index, after) == (
        stock.scan_for_replacements(line, occurrence, index, after)
    )
