"""The span check's fast path against its plain version, slicing.

:func:`~astana_facts.integrity.spans.spans_hold` decides for every claim whether its spans need a
closer look; it tests in place (``startswith`` at the offset) where the plain definition slices
the text. Specification: the fast test fails exactly when the plain definition does, and the
findings of :func:`~astana_facts.integrity.spans.check_span` name the first thing that differs.
Texts mix non-BMP code points, combining marks and newlines, and offsets run past both ends.
"""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from astana_facts.integrity.spans import SpanOwner, check_span, spans_hold

# One code point each: ASCII, a precomposed and a decomposed letter (its combining mark alone),
# two non-BMP code points (one outside every UTF-16 unit), a newline and a zero-width space.
ALPHABET = ["a", "b", " ", "é", "e", "\u0301", "\U0001d538", "\U0001f600", "\n", "\u200b"]
texts = st.text(st.sampled_from(ALPHABET), max_size=12)
OWNER = SpanOwner("doc", "claims/doc.json", "/claims/0", "claim c", "c")


def holds_by_slicing(span: dict[str, Any], text: str) -> bool:
    """The plain definition: in bounds and in order, and every given part equal to the slice of
    the text where it belongs."""
    start, end = span["start"], span["end"]
    if not start < end <= len(text) or text[start:end] != span["exact"]:
        return False
    prefix, suffix = span.get("prefix"), span.get("suffix")
    if prefix is not None and text[max(0, start - len(prefix)) : start] != prefix:
        return False
    return suffix is None or text[end : end + len(suffix)] == suffix


def expected_codes(span: dict[str, Any], text: str) -> list[str]:
    """What is wrong with a span, by the plain definition, in the order the checks run."""
    start, end = span["start"], span["end"]
    if end < start:
        return ["SPN003"]
    if end == start:
        return ["SPN004"]
    if end > len(text):
        return ["SPN002"]
    if text[start:end] != span["exact"]:
        return ["SPN001"]
    codes = []
    prefix, suffix = span.get("prefix"), span.get("suffix")
    if prefix is not None and text[max(0, start - len(prefix)) : start] != prefix:
        codes.append("SPN005")
    if suffix is not None and text[end : end + len(suffix)] != suffix:
        codes.append("SPN006")
    return codes


@st.composite
def span_on(draw: st.DrawFn, text: str) -> dict[str, Any]:
    """A span on ``text`` that is often right, and otherwise wrong in one or more parts:
    offsets out of order or past the end; a quote, prefix or suffix that differs, is too long,
    is empty, is a piece of the text from elsewhere, or reaches before the start of the text."""
    length = len(text)
    start = draw(st.integers(0, max(0, length - 1)) | st.integers(0, length + 1))
    end = draw(st.integers(1, 4).map(lambda width: start + width) | st.integers(0, length + 2))

    def part(right: str) -> st.SearchStrategy[str]:
        first = st.integers(0, length)
        piece = st.tuples(first, first).map(lambda bounds: text[bounds[0] : bounds[1]])
        return st.one_of(st.just(right), st.just(right), st.just(right + "a"), piece, texts)

    span: dict[str, Any] = {"start": start, "end": end, "exact": draw(part(text[start:end]))}
    before, after = draw(st.integers(0, start + 2)), draw(st.integers(0, 3))
    span["prefix"] = draw(st.none() | part(text[max(0, start - before) : start]))
    span["suffix"] = draw(st.none() | part(text[end : end + after]))
    return span


def text_and_span() -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    """A text and a span on it."""
    return texts.flatmap(lambda text: st.tuples(st.just(text), span_on(text)))


@given(text_and_span())
@example(("", {"start": 0, "end": 0, "exact": "", "prefix": None, "suffix": None}))
@example(("\U0001d538", {"start": 0, "end": 1, "exact": "\U0001d538", "prefix": "", "suffix": ""}))
@example(("e\u0301", {"start": 1, "end": 2, "exact": "\u0301", "prefix": "xe", "suffix": None}))
@example(("ab", {"start": 0, "end": 1, "exact": "a", "prefix": "ab", "suffix": None}))
@example(("ab", {"start": 0, "end": 2, "exact": "ab", "prefix": None, "suffix": "b"}))
def test_the_fast_check_fails_exactly_when_slicing_does(case: tuple[str, dict[str, Any]]) -> None:
    text, span = case
    assert spans_hold([span], text) is holds_by_slicing(span, text)


@given(text_and_span())
def test_findings_name_what_slicing_finds_wrong(case: tuple[str, dict[str, Any]]) -> None:
    text, span = case
    codes = [finding.code for finding in check_span(text, span, OWNER, 0)]
    assert codes == expected_codes(span, text)
    assert (codes == []) is spans_hold([span], text)


@given(st.data(), texts)
def test_several_spans_hold_only_when_each_holds(data: st.DataObject, text: str) -> None:
    spans = data.draw(st.lists(span_on(text), max_size=3))
    assert spans_hold(spans, text) is all(holds_by_slicing(span, text) for span in spans)


# Latin letters and a Cyrillic letter drawn like each (the quote typed on another keyboard).
CYRILLIC_LOOKALIKE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "A": "\u0410"}
words = st.text(st.sampled_from("aeopAbcd "), min_size=1, max_size=20)


@given(before=words, after=words, latin=st.sampled_from(sorted(CYRILLIC_LOOKALIKE)))
def test_a_quote_with_a_lookalike_letter_names_both_code_points(
    before: str, after: str, latin: str
) -> None:
    text = f"Text: {before}{latin}{after} end."
    start, end = 6, 6 + len(before) + 1 + len(after)
    exact = before + CYRILLIC_LOOKALIKE[latin] + after
    (finding,) = check_span(text, {"start": start, "end": end, "exact": exact}, OWNER, 0)
    assert finding.code == "SPN001"
    cyrillic = f"<U+{ord(CYRILLIC_LOOKALIKE[latin]):04X} CYRILLIC"
    assert f"character {len(before)} is {cyrillic}" in finding.message
    assert f"<U+{ord(latin):04X} LATIN" in finding.message


@given(before=words, after=words, latin=st.sampled_from(sorted(CYRILLIC_LOOKALIKE)))
def test_a_prefix_or_suffix_with_a_lookalike_letter_names_both_code_points(
    before: str, after: str, latin: str
) -> None:
    text = f"{before}{latin}{after}QUOTE{before}{latin}{after}"
    start = len(before) + 1 + len(after)
    context = before + CYRILLIC_LOOKALIKE[latin] + after
    span = {"start": start, "end": start + 5, "exact": "QUOTE", "prefix": context}
    span["suffix"] = context
    findings = list(check_span(text, span, OWNER, 0))
    assert [finding.code for finding in findings] == ["SPN005", "SPN006"]
    for finding, ours in zip(findings, ("the prefix", "the suffix"), strict=True):
        assert f"character {len(before)} is <U+{ord(CYRILLIC_LOOKALIKE[latin]):04X}" in (
            finding.message
        )
        assert f"in {ours}, <U+{ord(latin):04X} LATIN" in finding.message


def test_an_invisible_character_in_the_text_is_named_though_it_shifts_the_quote() -> None:
    text = "The talks\u200b in Astana began."
    (finding,) = check_span(text, {"start": 4, "end": 19, "exact": "talks in Astana"}, OWNER, 0)
    assert finding.message.endswith(
        "the text has <U+200B ZERO WIDTH SPACE> before character 5 of the quote"
    )


@given(
    word=st.text("abcd", min_size=3, max_size=10), other=st.text("abcd", min_size=3, max_size=10)
)
def test_a_plain_different_word_gives_no_code_points(word: str, other: str) -> None:
    text = f"x {other} y"
    span = {"start": 2, "end": 2 + len(other), "exact": word}
    findings = list(check_span(text, span, OWNER, 0))
    assert all("U+" not in finding.message for finding in findings)
    assert all("look-alike" not in finding.message for finding in findings)
