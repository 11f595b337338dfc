"""Placing a quote again in a changed text, and the nearest passage of a quote not found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.text.anchoring import FUZZY_THRESHOLD, did_you_mean, nearest, occurs, place
from astana_facts.text.lookalike import find_lookalikes, fold

TEXT = "Russia said yes. Then Russia said no. Russia agreed."


def test_a_quote_occurring_once_is_placed_there() -> None:
    assert place(TEXT, "said no", old_start=0) == TEXT.index("said no")


def test_the_occurrence_that_agrees_with_the_context_wins_over_the_nearest() -> None:
    start = place(TEXT, "Russia", prefix="Then ", suffix=" said no", old_start=0)
    assert start == TEXT.index("Then Russia") + len("Then ")


def test_without_context_the_occurrence_nearest_the_old_offset_wins() -> None:
    assert place(TEXT, "Russia", old_start=len(TEXT)) == TEXT.rindex("Russia")
    assert place(TEXT, "Russia", old_start=0) == 0


def test_a_quote_that_no_longer_occurs_is_not_placed() -> None:
    assert place(TEXT, "Iran", old_start=3) is None
    assert not occurs(TEXT, "Iran") and occurs(TEXT, "Russia")


@given(st.text(alphabet="ab ", max_size=40), st.text(alphabet="ab", min_size=1, max_size=4))
def test_a_placed_quote_always_stands_at_its_offsets(text: str, quote: str) -> None:
    start = place(text, quote, prefix="a", suffix="b", old_start=len(text) // 2)
    if start is None:
        assert quote not in text
    else:
        assert text[start : start + len(quote)] == quote


def test_lookalikes_are_found_through_whitespace_quotes_dashes_and_other_scripts() -> None:
    text = "He said \u201cthe talks\u201d are  the\u00a0only way \u2014 in \u0410stana."
    assert find_lookalikes(text, '"the talks" are the only way - in Astana') == [(8, len(text) - 1)]
    assert fold("\ufeffa\u200bb").text == "ab"


def test_nearest_prefers_a_lookalike_then_a_fuzzy_match_above_the_threshold() -> None:
    lookalike = nearest(TEXT, "Then  Russia said no")
    assert lookalike is not None and lookalike.lookalike
    assert (lookalike.start, lookalike.end) == (17, 36)
    fuzzy = nearest(TEXT, "Then Rusia said no", around=20)
    assert fuzzy is not None and not fuzzy.lookalike
    assert fuzzy.text == "Then Russia said no" and fuzzy.score >= FUZZY_THRESHOLD
    assert nearest(TEXT, "zzzz qqqq") is None


def test_did_you_mean_names_the_passage_and_its_offsets() -> None:
    assert "did you mean “said no” at 29-36" in did_you_mean(TEXT, "said  no")
    assert did_you_mean(TEXT, "zzzz qqqq") == ""
