"""``instrument_facts``: one instrument concluded (signed, adopted, approved, ... as the rule's
``actions`` lists) on dates, at rounds or by parties that cannot all be true.

``facet`` picks what is compared: ``date`` (intervals that share no day), ``event`` (two
different rounds) or ``parties`` (two non-empty party lists that differ).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from itertools import combinations
from typing import Any

from astana_facts.consistency.context import Context, rule_groups, words
from astana_facts.consistency.engines.dates import star_finding
from astana_facts.consistency.findings import consistency_finding, describe_value
from astana_facts.consistency.pairs import pairs_above, stars
from astana_facts.consistency.values import by_value
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord


def _facet_key(facet: str, value: PlainRecord) -> Hashable:
    if facet == "event":
        return value.get("event")
    return frozenset(value["parties"]) or None


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """Findings about one instrument's claims that clash on the facet, comparing distinct values
    only: for dates, one per value that shares no day with others, with them (found by
    sorting); for rounds and parties, one per pair of distinct values, with every claim that
    gives either."""
    facet = rule["parameters"]["facet"]
    actions = words(rule["parameters"]["actions"])
    for key, records in rule_groups(rule, context).items():
        concluded = [r for r in records if r.claim["value"]["action"] in actions]
        if facet == "date":
            dated = by_value(r for r in concluded if r.claim["value"].get("date"))
            days = [group[0].claim["value"]["date"] for group in dated]
            for center, others in stars(pairs_above(days, _start, _end)):
                yield star_finding(rule, key[0], dated[center], [dated[i] for i in others])
            continue
        holders: dict[Hashable, list[ClaimRecord]] = {}
        for record in concluded:
            value = _facet_key(facet, record.claim["value"])
            if value is not None:
                holders.setdefault(value, []).append(record)
        for (a, first), (b, second) in combinations(holders.items(), 2):
            yield consistency_finding(
                rule,
                (*first, *second),
                f"{key[0]}: {describe_value(first[0].claim)} ({first[0].claim['id']}) but "
                f"{describe_value(second[0].claim)} ({second[0].claim['id']})",
                str(key[0]),
                facet,
                values=(_label(a), _label(b)),
            )


def _label(value: Hashable) -> str:
    """A facet value as text: a round id, or a sorted list of parties."""
    return ",".join(sorted(value)) if isinstance(value, frozenset) else str(value)


def _start(interval: PlainRecord) -> Any:
    return interval["start"]


def _end(interval: PlainRecord) -> Any:
    return interval["end"]
