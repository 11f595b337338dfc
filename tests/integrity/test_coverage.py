"""Coverage: a sentence is covered by any span that overlaps it, and only then."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.integrity.coverage import check_coverage, uncovered_sentences
from astana_facts.text.sentences import split_sentences
from tests.factories import TEXT

SENTENCES = split_sentences(TEXT)


def test_with_no_span_every_sentence_is_uncovered() -> None:
    assert uncovered_sentences(TEXT, []) == SENTENCES


def test_a_finding_points_at_the_sentence_line_in_the_text_file() -> None:
    (finding, *_) = check_coverage("doc", TEXT, "records/sources/doc.txt", [])
    assert finding.code == "COV001" and finding.severity == "warning"
    assert (finding.file, finding.line, finding.column) == ("records/sources/doc.txt", 1, 1)
    assert finding.spans[0].exact == SENTENCES[0].text


def test_a_span_ending_where_a_sentence_starts_does_not_cover_it() -> None:
    first, second = SENTENCES[0], SENTENCES[1]
    uncovered = uncovered_sentences(TEXT, [(first.start, second.start)])
    assert first not in uncovered and second in uncovered


@given(st.data())
def test_a_span_inside_a_sentence_covers_exactly_that_sentence(data: st.DataObject) -> None:
    sentence = data.draw(st.sampled_from(SENTENCES))
    start = data.draw(st.integers(sentence.start, sentence.end - 1))
    end = data.draw(st.integers(start + 1, sentence.end))
    uncovered = uncovered_sentences(TEXT, [(start, end)])
    assert uncovered == [s for s in SENTENCES if s != sentence]


@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(1, 40)), max_size=6))
def test_covered_means_overlapped(spans: list[tuple[int, int]]) -> None:
    pairs = [(start, min(start + length, len(TEXT) + 1)) for start, length in spans]
    uncovered = uncovered_sentences(TEXT, pairs)
    for sentence in SENTENCES:
        overlapped = any(a < sentence.end and b > sentence.start for a, b in pairs)
        assert (sentence not in uncovered) == overlapped
