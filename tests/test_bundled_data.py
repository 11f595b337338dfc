"""The bundled dataset: clean, grounded, and rich enough for every check to run on real data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest

import astana_facts
from astana_facts.api import InvalidRecordsError
from tests.adjudication.test_adjudication import BEFORE_FACTS
from tests.factories import build_records


def test_the_bundled_records_have_no_error() -> None:
    findings = astana_facts.validate()
    assert [f for f in findings if f.severity == "error"] == []


def test_every_document_has_text_metadata_and_five_claims_of_several_kinds() -> None:
    dataset = astana_facts.load()
    assert len(dataset.documents) == 5
    for document_id, document in dataset.documents.items():
        assert document.text and document.metadata.original_file
        claims = dataset.claims_of(document_id)
        assert len(claims) >= 5, document_id
        assert len(Counter(claim.kind for claim in claims)) >= 3, document_id


def test_every_span_points_at_its_quote() -> None:
    dataset = astana_facts.load()
    for claim in dataset.claims:
        for span in claim.evidence:
            assert dataset.text(span.document)[span.start : span.end] == span.exact


def test_inferred_publication_dates_say_why() -> None:
    for document in astana_facts.load().documents.values():
        if document.published.inferred:
            assert document.published.reasoning


def test_load_is_cached() -> None:
    assert astana_facts.load() is astana_facts.load()


def test_load_refuses_records_with_errors(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "entities.json").write_text("{", encoding="utf-8")
    with pytest.raises(InvalidRecordsError, match="SCH001"):
        astana_facts.load(root)


def test_every_sentence_of_every_document_is_accounted_for() -> None:
    uncovered = [f.message for f in astana_facts.validate(coverage=True) if f.code == "COV001"]
    assert uncovered == []


def test_the_same_thing_is_measured_under_one_name() -> None:
    measures = Counter(
        claim.value.measure for claim in astana_facts.load().claims if claim.kind == "count"
    )
    shared = {"deaths", "de_escalation_zones", "foreign_reporters", "kazakh_journalists"}
    assert shared <= set(measures)
    assert not {"people_killed", "de_escalation_areas"} & set(measures)


def test_every_count_counts_a_measure_of_the_dataset() -> None:
    dataset = astana_facts.load()
    names = {name for m in dataset.measures.values() for name in [m.id, *m.aliases]}
    counts = [claim for claim in dataset.claims if claim.kind == "count"]
    assert counts and all(claim.value.measure in names for claim in counts)


def test_the_facts_cover_every_round_and_instrument_the_claims_name() -> None:
    """Every round of a series and every instrument that a claim is about has a fact, but the
    instruments of which the public reference quotes nothing (a fact needs a quote)."""
    dataset = astana_facts.load()
    about = {fact.subject for fact in dataset.facts}
    kinds = {entity.id: entity.kind for entity in dataset.entities.values()}
    named = {claim.subject for claim in dataset.claims}
    rounds = {i for i in named if dataset.entities[i].series is not None}
    unquoted = {
        "astana-1-joint-statement",
        "astana-8-communique",
        "nazarbayev-address-astana-1",
        "riyadh-2-final-statement",
    }
    instruments = {i for i in named if kinds[i] == "instrument"} - unquoted
    assert rounds and len(instruments) == 6
    assert (rounds | instruments | {"sochi-congress"}) - about == set()


def test_the_facts_establish_what_the_claim_correct_adjudications_settle() -> None:
    """The eighth round was held on 21-22 December 2017 and lasted two days (DAT001, DUR001)."""
    dataset = astana_facts.load()
    (dates,) = dataset.facts_about("astana-round-8", "event_date")
    assert (str(dates.value.start), str(dates.value.end), dates.value.stance) == (
        "2017-12-21",
        "2017-12-22",
        "full_span",
    )
    (duration,) = dataset.facts_about("astana-round-8", "duration")
    assert duration.value.unit == "day" and duration.value.amount.value == 2
    urls = {source.url for fact in (dates, duration) for source in fact.evidence}
    replaced = orjson.loads(BEFORE_FACTS.read_bytes())["adjudications"]  # the facts replace them
    adjudicated = {e["url"] for a in replaced for e in a["evidence"]}
    assert adjudicated and adjudicated <= urls


def test_every_source_says_where_it_was_published() -> None:
    for document in astana_facts.load().documents.values():
        assert document.metadata.url and document.metadata.retrieved, document.id
