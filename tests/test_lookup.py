"""Finding entities and claims by name, as pycountry users expect: ``lookup`` by any registered
form, ``search`` ranked by similarity, ``claims_about`` an entity; the public types at the top."""

from __future__ import annotations

import pytest

import astana_facts
from astana_facts.dataset import Dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return astana_facts.load()


def test_lookup_finds_an_entity_by_id_name_alias_or_misspelling(dataset: Dataset) -> None:
    entity = dataset.entities["kairat-abdrakhmanov"]
    forms = [entity.id, entity.name, *entity.aliases, *entity.misspellings]
    assert entity.misspellings  # (the form a reader of the texts meets)
    for form in forms:
        assert dataset.lookup(form) is entity
        assert dataset.lookup(form.upper()) is entity
    with pytest.raises(LookupError, match="no entity is called"):
        dataset.lookup("Nobody at all")


def test_search_ranks_the_closest_entity_first(dataset: Dataset) -> None:
    found = dataset.search("Abdrakmanov", limit=3)
    assert found[0][0].id == "kairat-abdrakhmanov" and len(found) == 3
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 100


def test_claims_about_an_entity_are_those_naming_it(dataset: Dataset) -> None:
    entity = dataset.entities["kairat-abdrakhmanov"]
    about = dataset.claims_about(entity)
    assert about == dataset.claims_about(entity.id) and about
    assert all(claim in dataset.claims for claim in about)
    speakers = [
        claim for claim in dataset.claims if getattr(claim.attribution, "entity", None) == entity.id
    ]
    assert all(claim in about for claim in speakers)
    assert dataset.claims_about("no-such-entity") == []


def test_the_public_types_are_importable_from_the_top() -> None:
    from astana_facts import Claim, Dataset, Entity, Fact, Finding, Result, Verdict, models
    from astana_facts.findings.finding import Finding as FindingType
    from astana_facts.pipeline.result import Result as ResultType
    from astana_facts.verdicts import Verdict as VerdictType

    assert Dataset is type(astana_facts.load())
    assert (Claim, Entity, Fact) == (models.Claim, models.Entity, models.Fact)
    assert (Finding, Result, Verdict) == (FindingType, ResultType, VerdictType)
    with pytest.raises(AttributeError):
        astana_facts.NoSuchType  # noqa: B018 (the lazy lookup knows only the public types)
    assert set(astana_facts.__all__) >= {"Claim", "Dataset", "Finding", "Result", "Verdict"}
