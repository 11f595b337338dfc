"""The judges' registry: one judge for every fact kind, none for the kinds no engine compares."""

from __future__ import annotations

from astana_facts.consistency.judges import JUDGES
from astana_facts.models.facts import FACT_KINDS, NOT_FACT_KINDS


def test_every_fact_kind_has_a_judge_and_no_other_kind_has_one() -> None:
    assert set(JUDGES) == set(FACT_KINDS)
    assert not set(JUDGES) & set(NOT_FACT_KINDS)


def test_a_judge_reads_facts_of_its_own_kind() -> None:
    for kind, entry in JUDGES.items():
        assert kind in entry.reads and set(entry.reads) <= set(FACT_KINDS)
