"""Finding a quote with its context: the in-place comparison equals the plain definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.text.quotes import Anchor, context, find_quote

SMALL = st.text(alphabet="ab é\u0301", max_size=30)
CONTEXT = st.none() | st.text(alphabet="ab é", max_size=4)


def plain_find_quote(text: str, exact: str, prefix: str | None, suffix: str | None) -> list[Anchor]:
    """The definition: every occurrence whose text before ends with ``prefix`` and whose text
    after starts with ``suffix`` (copies of the text at every occurrence: quadratic)."""
    import unicodedata

    quote = unicodedata.normalize("NFC", exact)
    found = []
    for start in range(len(text) - len(quote) + 1):
        end = start + len(quote)
        if not quote or text[start:end] != quote:
            continue
        if (prefix is None or text[:start].endswith(prefix)) and (
            suffix is None or text[end:].startswith(suffix)
        ):
            found.append(Anchor(start, end, quote, *context(text, start, end)))
    return found


@given(SMALL, st.text(alphabet="ab é", min_size=0, max_size=3), CONTEXT, CONTEXT)
def test_find_quote_equals_the_plain_definition(
    text: str, exact: str, prefix: str | None, suffix: str | None
) -> None:
    assert find_quote(text, exact, prefix=prefix, suffix=suffix) == plain_find_quote(
        text, exact, prefix, suffix
    )


def test_a_prefix_picks_one_of_many_occurrences_of_a_common_word() -> None:
    text = "the talks " * 50_000 + "before the end"
    (anchor,) = find_quote(text, "the", prefix="before ")
    assert anchor.start == len(text) - len("the end")


def test_an_empty_prefix_or_suffix_keeps_every_occurrence() -> None:
    assert len(find_quote("a a a", "a", prefix="", suffix="")) == 3
