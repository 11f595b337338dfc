"""The linear abbreviation pass gives exactly stock pysbd's sentences, on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.text.pysbd_fast import segmenter, stock_segmenter

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
