"""Highlighting from code-point offsets: every span is shown, nested or crossing, the text is
escaped and kept whole, and each span's fragments hold exactly its code points."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.render.html.highlight import Mark, excerpt_bounds, highlight
from tests.render.html.domtext import read


def _mark(start: int, end: int, key: str) -> Mark:
    return Mark(start, end, key, "k", f"s-{key}", f"#c-{key}", key)


def test_nested_and_crossing_spans_are_all_shown_with_their_exact_text() -> None:
    text = "The \U0001f600 round met on May 3rd and 4th in Astana."
    at = text.index("May")
    marks = [_mark(at, at + 15, "dates"), _mark(at, at + 25, "place"), _mark(0, at + 7, "round")]
    html = highlight(text, marks)
    shown = read(str(html))
    assert "".join(shown.text) == text
    for mark in marks:
        assert "".join(shown.spans[mark.key]) == text[mark.start : mark.end]
    assert str(html).count('id="s-round"') == 1  # the first fragment only
    assert str(html).count('data-span="place"') == 2  # split where the round ends inside it


def test_text_is_escaped_and_a_script_stays_text() -> None:
    text = "a <script>alert('x')</script> & b"
    html = str(highlight(text, [_mark(2, 10, "tag")]))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "".join(read(html).text) == text


def test_a_link_adds_no_character_and_an_empty_span_keeps_its_anchor() -> None:
    text = "abc"
    html = str(highlight(text, [_mark(1, 1, "empty"), _mark(0, 2, "ab")]))
    shown = read(html)
    assert "".join(shown.text) == text and "s-empty" in shown.ids
    assert sorted(shown.hrefs) == ["#c-ab", "#c-empty"]


def test_offsets_past_the_text_are_clamped() -> None:
    shown = read(str(highlight("abc", [_mark(2, 9, "late")])))
    assert "".join(shown.spans["late"]) == "c"


CHARACTERS = st.sampled_from(["a", " ", "\n", "\u00a0", "\U0001f600", "q\u0303", "<", "&", "é"])


@st.composite
def texts_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = "".join(draw(st.lists(CHARACTERS, max_size=30)))
    bounds = st.integers(0, len(text))
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=8))
    marks = [_mark(min(a, b), max(a, b), f"m{n}") for n, (a, b) in enumerate(pairs)]
    return text, marks


@given(texts_and_marks())
def test_any_spans_keep_the_text_and_each_span_its_code_points(
    case: tuple[str, list[Mark]],
) -> None:
    text, marks = case
    shown = read(str(highlight(text, marks)))
    assert "".join(shown.text) == text
    for mark in marks:
        assert "".join(shown.spans[mark.key]) == text[mark.start : mark.end]
        assert f"s-{mark.key}" in shown.ids


def test_an_excerpt_is_the_quote_s_line_cut_at_spaces_when_long() -> None:
    text = "first line\nsecond line with the quote in it\nthird"
    start = text.index("quote")
    assert excerpt_bounds(text, start, start + 5) == (11, text.index("\nthird"))
    assert excerpt_bounds(text, start, start + 5, lines=1) == (0, len(text))
    long = "word " * 100 + "quote" + " word" * 100
    low, high = excerpt_bounds(long, 500, 505, most=40)
    assert 460 <= low <= 500 and 505 <= high <= 545 and long[low - 1] == " "
