"""The judges' registry: one judge for every fact kind, one for relative dates (judged from the
facts of the events they link), none for the kinds no engine compares."""

from __future__ import annotations

from astana_facts.consistency.judges import JUDGES
from astana_facts.models.facts import FACT_KINDS, NOT_FACT_KINDS

JUDGED_FROM_OTHER_FACTS = {"relative_date"}
"""Claim kinds that are no fact kind but are judged from facts of other kinds."""


def test_every_fact_kind_has_a_judge_and_no_other_kind_but_relative_dates() -> None:
    assert set(JUDGES) == set(FACT_KINDS) | JUDGED_FROM_OTHER_FACTS
    assert set(JUDGES) & set(NOT_FACT_KINDS) == JUDGED_FROM_OTHER_FACTS


def test_a_judge_reads_facts_of_its_own_kind_or_of_fact_kinds() -> None:
    for kind, entry in JUDGES.items():
        assert set(entry.reads) <= set(FACT_KINDS)
        assert kind in entry.reads or kind in JUDGED_FROM_OTHER_FACTS


def test_a_judge_reads_the_facts_of_the_claims_subject_first() -> None:
    claim = {"subject": "s", "value": {"anchor": "a"}}
    for entry in JUDGES.values():
        assert entry.subjects(claim)[0] == "s"
