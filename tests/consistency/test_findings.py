"""Consistency findings name each value in a few words: one describer per claim kind, tied to the
claim-kind registry, so a new kind without a describer fails here rather than in a report."""

from __future__ import annotations

import pytest

from astana_facts.consistency.findings import DESCRIBERS, describe_value
from astana_facts.models.kinds import CLAIM_KINDS
from astana_facts.pipeline.run import run
from tests.consistency.builders import claim, dates, exact, findings


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


def test_findings_of_one_batch_share_the_claims_of_a_value_they_have_in_common() -> None:
    # Two false dates of one event, each against the same true value stated by two claims.
    true = [claim(f"t{n}", "event_date", "e", dates("2017-01-23")) for n in range(2)]
    false = [
        claim("f1", "event_date", "e", dates("2017-02-23")),
        claim("f2", "event_date", "e", dates("2017-03-23")),
    ]
    clashes = [f for f in findings([*true, *false], "DAT001") if "t0" in f.claims]
    shared = [g.claims for f in clashes for g in f.value_groups if g.claims == ("t0", "t1")]
    assert len(shared) == 2
    assert shared[0] is shared[1]
    from astana_facts.consistency import findings as made

    assert not made._SHARED_GROUPS, "the batch's shared groups are let go when it ends"
