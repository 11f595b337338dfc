"""The order in which the processes take the batches of rules: the most work first.

The batches run on a few processes, each taking the next batch when it is free; a long batch
taken last keeps one process busy while the others wait (at 100k claims the chronology rule,
RND003, is a quarter of the rules' time, and run last it made the stage a fifth slower). Taking
the longest first (the LPT rule of scheduling) needs only an estimate of each batch's work:
the claims its rules' engines read, which the context counts before any rule runs. The order
changes nothing but the time: findings are sorted and stats keyed by code after the stage.
"""

from __future__ import annotations

from astana_facts.consistency.context import Context
from astana_facts.consistency.engines import EXTRA_WORK
from astana_facts.reading.records import PlainRecord


def rule_work(rule: PlainRecord, context: Context) -> int:
    """An estimate of the work of one rule: the claims of the kinds it applies to, plus what its
    engine reads beyond them (:data:`~astana_facts.consistency.engines.EXTRA_WORK`: the
    chronology rule's windows of rounds)."""
    work = sum(len(context.by_kind.get(kind, ())) for kind in rule["applies_to"]["kinds"])
    extra = EXTRA_WORK.get(rule["comparison"])
    return work + (extra(rule, context) if extra is not None else 0)


def longest_first(batches: list[list[PlainRecord]], context: Context) -> list[list[PlainRecord]]:
    """``batches`` by their estimated work (:func:`rule_work`), the most first; batches of
    equal work keep their order."""
    return sorted(batches, key=lambda batch: -sum(rule_work(rule, context) for rule in batch))
