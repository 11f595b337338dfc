"""The engines: one module per kind of comparison, each a function of a rule and the context.

:data:`ENGINES` maps a rule's ``comparison`` to the function that carries it out. Adding a rule
of a known kind is a data change in ``validators/``; a new kind of comparison is one module here,
one entry below, a parameters model in :mod:`astana_facts.models.parameters` and a rule model
with its ``comparison`` in the :data:`astana_facts.models.rules.Rule` union (a test fails when
the engines and the names rules may use differ). Engines read ``rule["parameters"]`` complete and
typed: the parameters model states every default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from astana_facts.consistency.context import Context
from astana_facts.consistency.engines import (
    instruments,
    names,
    participants,
    plans,
    quantities,
    rounds,
    temporal,
)
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord

Engine = Callable[[PlainRecord, Context], Iterator[Finding]]
WorkEstimate = Callable[[PlainRecord, Context], int]

ENGINES: dict[str, Engine] = {
    "temporal": temporal.run,
    "round_dates": rounds.run_dates,
    "round_ordinals": rounds.run_ordinals,
    "ordinal_series": rounds.run_series,
    "quantity_intervals": quantities.run,
    "entity_sets": participants.run,
    "instrument_facts": instruments.run,
    "name_similarity": names.run_similarity,
    "registered_misspellings": names.run_registered,
    "plan_outcomes": plans.run,
}

EXTRA_WORK: dict[str, WorkEstimate] = {
    "temporal": temporal.extra_work,
}
"""The engines that read claims beyond the kinds their rules apply to, each with an estimate
of that extra work (:mod:`~astana_facts.consistency.schedule` adds it to the claims of the
rule's kinds); every key is an engine of :data:`ENGINES` (a test holds them so)."""
