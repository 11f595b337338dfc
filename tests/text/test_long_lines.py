"""Very long lines: split by a linear rule, every piece a bounded slice of the line."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.text.long_lines import MAX_SENTENCE, long_line_pieces

WORDS = st.sampled_from(
    ["Mr.", "Dr.", "A.", "U.S.", "al.", "Smith", "talks", "ended.", "Then", "“Yes!”", "22", "?"]
)
LINES = st.lists(WORDS, max_size=60).map(" ".join)


def pieces(line: str, limit: int = MAX_SENTENCE) -> list[str]:
    return [line[start:end].strip() for start, end in long_line_pieces(line, limit)]


def test_a_sentence_ends_at_a_full_stop_before_a_capital() -> None:
    assert pieces("The talks ended. They met again.") == ["The talks ended.", "They met again."]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    line = "Mr. A. B. Smith met Dr. Jones in the U.S. The talks ended."
    assert pieces(line) == ["Mr. A. B. Smith met Dr. Jones in the U.S. The talks ended."]


def test_a_sentence_without_an_end_is_cut_at_white_space_within_the_limit() -> None:
    line = "word " * 100
    cut = pieces(line, limit=42)
    assert all(len(piece) <= 42 for piece in cut)
    assert " ".join(cut).split() == line.split()


@given(LINES, st.integers(min_value=5, max_value=80))
def test_the_pieces_cover_the_line_in_order_each_within_the_limit(line: str, limit: int) -> None:
    found = list(long_line_pieces(line, limit))
    if line:
        assert found[0][0] == 0 and found[-1][1] == len(line)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(found))
    assert all(0 < end - start <= limit for start, end in found)
