"""Claims grouped by the value they state: what an engine compares and a finding lists.

Many claims may state one value ("held on 22 December" in a hundred articles). Engines compare
the distinct values, which are few, and a finding lists each value once with all its claims, so
neither the work nor a finding grows with the square of the claims.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

import orjson

from astana_facts.reading.records import ClaimRecord

ValueKey = Callable[[ClaimRecord], Hashable]


def value_key(record: ClaimRecord) -> Hashable:
    """The normalised value of a claim as a hashable key: claims with equal keys state one value.

    The value's JSON with sorted keys: one call into orjson, where a walk building nested tuples
    cost a quarter of the consistency stage."""
    return orjson.dumps(record.claim.get("value"), option=orjson.OPT_SORT_KEYS)


def by_value(records: Iterable[ClaimRecord], key: ValueKey = value_key) -> list[list[ClaimRecord]]:
    """``records`` grouped by ``key`` (default: the whole value), groups in the order of their
    first claim and claims in the order given; a claim given twice is kept once.

    Engines pass claims in id order, so the groups come in the order of their first claim id:
    the order ties are broken in, which keeps findings and fingerprints deterministic."""
    groups: dict[Hashable, list[ClaimRecord]] = {}
    seen: set[str] = set()
    for record in records:
        claim_id = record.claim["id"]
        if claim_id in seen:
            continue
        seen.add(claim_id)
        groups.setdefault(key(record), []).append(record)
    return list(groups.values())
