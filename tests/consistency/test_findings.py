"""Consistency findings name each value in a few words: one describer per claim kind, tied to the
claim-kind registry, so a new kind without a describer fails here rather than in a report."""

from __future__ import annotations

import pytest

from astana_facts.consistency.findings import DESCRIBERS, describe_value
from astana_facts.models.kinds import CLAIM_KINDS
from astana_facts.pipeline.run import run
from tests.consistency.builders import claim, dates, exact


def test_every_claim_kind_has_exactly_one_describer() -> None:
    assert tuple(DESCRIBERS) == CLAIM_KINDS, "add the new kind's describer to DESCRIBERS"


def test_every_claim_of_the_bundled_data_is_described_by_its_kind() -> None:
    described: set[str] = set()
    for record in run(keep=True).records.claims:
        assert describe_value(record.claim).strip()
        described.add(record.claim["kind"])
    assert described == set(CLAIM_KINDS), "the bundled data lacks a kind: describe it here"


@pytest.mark.parametrize(
    ("kind", "value", "words"),
    [
        ("event_date", dates("2017-12-21", stance="end"), "end 2017-12-21 (day)"),
        ("round_number", {"series": "astana", "ordinal": 8}, "round 8 of astana"),
        ("duration", {"amount": exact(2), "unit": "day"}, "exact 2 day(s)"),
        ("location", {"place": "astana"}, "at astana"),
    ],
)
def test_a_value_is_described_by_its_kind(kind: str, value: dict[str, object], words: str) -> None:
    assert describe_value(claim("c", kind, "s", value).claim) == words


def test_a_kind_without_a_describer_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        describe_value({"kind": "verdict", "value": {}})
