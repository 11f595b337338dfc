"""The bundled dataset: clean, grounded, and rich enough for every check to run on real data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import astana_facts
from astana_facts.api import InvalidRecordsError
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
