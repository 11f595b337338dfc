"""The verdicts of a folder with nothing to judge against: ``not_enough_evidence`` for every
claim, made when asked for.

With no fact and no editor's verdict, every claim's verdict is the same label with a reason per
kind; holding a million of them would cost a report of a million claims about 160 MB and two
seconds for nothing. :class:`UnjudgedVerdicts` holds the claims in id order and makes a claim's
verdict when it is looked up or iterated, so ``Result.claim_verdicts`` reads the same either way.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence, ValuesView
from itertools import repeat

from astana_facts.reading.records import ClaimRecord
from astana_facts.verdicts import Label, Verdict

UNJUDGED: Label = "not_enough_evidence"
"""The label of every verdict of an :class:`UnjudgedVerdicts`."""


def unjudged_reason(kind: str, judged_kinds: Mapping[str, object]) -> str:
    """Why a claim of ``kind`` that nothing judged has not enough evidence."""
    if kind in judged_kinds:
        return f"no fact covers this {kind} claim"
    return f"no engine compares {kind} claims and no editor has judged it"


def verdict_labels(verdicts: Mapping[str, Verdict]) -> Iterator[str]:
    """The label of each of ``verdicts``, in their order; an :class:`UnjudgedVerdicts` says
    them without making its verdicts (a report counts the labels before it lists them)."""
    if isinstance(verdicts, UnjudgedVerdicts):
        return repeat(UNJUDGED, len(verdicts))
    return (verdict.label for verdict in verdicts.values())


VerdictParts = tuple[str, Label, Sequence[str], str, str]
"""A verdict's claim, label, facts, reason and who judged, as its JSON lists them."""


def verdict_parts(verdicts: Mapping[str, Verdict]) -> Iterator[VerdictParts]:
    """The parts of each of ``verdicts``, in their order; an :class:`UnjudgedVerdicts` gives
    them without making its verdicts (a verdict object per claim was half the time of a large
    report's JSON)."""
    if isinstance(verdicts, UnjudgedVerdicts):
        return ((claim, UNJUDGED, (), reason, "engine") for claim, reason in verdicts.reasons())
    return ((v.claim, v.label, v.facts, v.reason, v.by) for v in verdicts.values())


class UnjudgedVerdicts(Mapping[str, Verdict]):
    """Claim id -> ``not_enough_evidence`` (with the reason of its kind), in claim id order."""

    def __init__(self, claims: Sequence[ClaimRecord], judged_kinds: Mapping[str, object]) -> None:
        """``claims`` in claim id order (the verdict stage sorts them, or the consistency
        stage has); ``judged_kinds``: the kinds a judge could have judged, for the reasons."""
        self._claims = claims
        self._ids = [record.claim["id"] for record in self._claims]
        kinds = {record.claim["kind"] for record in self._claims}
        self._reasons = {kind: unjudged_reason(kind, judged_kinds) for kind in kinds}

    def __getitem__(self, claim_id: str) -> Verdict:
        at = bisect.bisect_left(self._ids, claim_id)
        if at == len(self._ids) or self._ids[at] != claim_id:
            raise KeyError(claim_id)
        kind = self._claims[at].claim["kind"]
        return Verdict(claim_id, UNJUDGED, (), self._reasons[kind])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def values(self) -> ValuesView[Verdict]:
        """Every verdict in claim id order, made one at a time (no lookup per claim)."""
        return _Values(self)

    def reasons(self) -> Iterator[tuple[str, str]]:
        """(claim id, reason) of every verdict in claim id order, without making the verdicts:
        all else is the same for each (label ``not_enough_evidence``, no facts, by the engine)."""
        reasons = self._reasons
        for record in self._claims:
            claim = record.claim
            yield claim["id"], reasons[claim["kind"]]

    def _made(self) -> Iterator[Verdict]:
        for record in self._claims:
            claim = record.claim
            yield Verdict(claim["id"], UNJUDGED, (), self._reasons[claim["kind"]])


class _Values(ValuesView[Verdict]):
    """The values of an :class:`UnjudgedVerdicts`, iterated without a lookup per claim."""

    _mapping: UnjudgedVerdicts

    def __iter__(self) -> Iterator[Verdict]:
        return self._mapping._made()
