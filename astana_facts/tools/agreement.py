"""Agreement between two annotations of one document: how far a second annotator, working blind,
finds the same claims with the same values.

Claims of the two annotations are paired one to one by their evidence: a pair must share at least
one code point of quoted text; among the candidates, a pair of the same kind goes first, then the
larger overlap (greedy, as span-matching scores usually pair). On the pairs:

- **span F1**: precision is the share of the first annotation's claims that are paired, recall
  the share of the second's, F1 their harmonic mean (lenient: any overlap counts); **character
  F1** compares the code points either annotation quotes at all;
- **value agreement per kind**: of the pairs of one kind, the share with the same subject and the
  same normalised value;
- **Cohen's kappa** for the attribution type (``publisher``, ``speaker``, ``outlet``,
  ``unnamed``) and for the modality, over the pairs: agreement corrected for chance.

The data card reports these figures for the blind second pass against the reconciled data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import orjson

from astana_facts.reading.records import PlainRecord


@dataclass(frozen=True)
class KindAgreement:
    """Of the pairs of one kind: how many agree on subject and value, of how many."""

    agree: int
    pairs: int

    @property
    def share(self) -> float:
        """The share that agree (1.0 when there is no pair to disagree)."""
        return self.agree / self.pairs if self.pairs else 1.0


@dataclass(frozen=True)
class Agreement:
    """How two annotations of one document agree (see the module's docstring)."""

    document: str
    first: int
    """Claims in the first annotation."""
    second: int
    """Claims in the second annotation."""
    paired: int
    """Claims paired one to one by their evidence."""
    char_f1: float
    """F1 of the code points quoted by either annotation."""
    kinds: dict[str, KindAgreement] = field(default_factory=dict)
    """Kind -> agreement on subject and value of the pairs of that kind (both claims of it)."""
    kind_agreement: float = 1.0
    """The share of pairs whose two claims have the same kind."""
    kappa_attribution: float | None = None
    """Cohen's kappa of the attribution type over the pairs (None: no pair)."""
    kappa_modality: float | None = None
    """Cohen's kappa of the modality over the pairs (None: no pair)."""

    @property
    def precision(self) -> float:
        """The share of the first annotation's claims that are paired."""
        return self.paired / self.first if self.first else 1.0

    @property
    def recall(self) -> float:
        """The share of the second annotation's claims that are paired."""
        return self.paired / self.second if self.second else 1.0

    @property
    def span_f1(self) -> float:
        """The harmonic mean of :attr:`precision` and :attr:`recall`."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def characters(claim: PlainRecord) -> set[int]:
    """The code points of the text that a claim's evidence quotes."""
    return {i for span in claim["evidence"] for i in range(span["start"], span["end"])}


def pair_claims(
    first: Sequence[PlainRecord], second: Sequence[PlainRecord]
) -> list[tuple[PlainRecord, PlainRecord]]:
    """The claims of the two annotations paired one to one: pairs that quote a common code point,
    same kind first, then the larger overlap, then the ids (so the pairing is deterministic)."""
    quoted = [characters(claim) for claim in second]
    candidates = []
    for i, one in enumerate(first):
        mine = characters(one)
        for j, other in enumerate(second):
            overlap = len(mine & quoted[j])
            if overlap:
                same_kind = one["kind"] == other["kind"]
                candidates.append((not same_kind, -overlap, one["id"], other["id"], i, j))
    taken_first: set[int] = set()
    taken_second: set[int] = set()
    pairs = []
    for *_, i, j in sorted(candidates):
        if i not in taken_first and j not in taken_second:
            taken_first.add(i)
            taken_second.add(j)
            pairs.append((first[i], second[j]))
    return pairs


def cohen_kappa(labels: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired labels: (observed - expected agreement) / (1 - expected); 1.0
    when both annotators always chose the one same label; None when there is no pair."""
    if not labels:
        return None
    total = len(labels)
    observed = sum(a == b for a, b in labels) / total
    first, second = Counter(a for a, _ in labels), Counter(b for _, b in labels)
    expected = sum(first[label] * second[label] for label in first) / total**2
    if expected == 1:
        return 1.0
    return (observed - expected) / (1 - expected)


def _value(claim: PlainRecord) -> bytes:
    return orjson.dumps([claim["subject"], claim["value"]], option=orjson.OPT_SORT_KEYS)


def _quoted(claims: Iterable[PlainRecord]) -> set[int]:
    return set().union(*(characters(claim) for claim in claims))


def agreement(
    document: str, first: Sequence[PlainRecord], second: Sequence[PlainRecord]
) -> Agreement:
    """How the annotations ``first`` and ``second`` of ``document`` agree."""
    return corpus_agreement({document: (first, second)}, label=document)


def corpus_agreement(
    documents: Mapping[str, tuple[Sequence[PlainRecord], Sequence[PlainRecord]]],
    *,
    label: str = "(all documents)",
) -> Agreement:
    """How two annotations of several documents agree: claims are paired within each document,
    and every figure is computed over all the pairs and claims together (pooled, not averaged)."""
    pairs: list[tuple[PlainRecord, PlainRecord]] = []
    first_count = second_count = common = quoted = 0
    for document in sorted(documents):
        first, second = documents[document]
        pairs += pair_claims(first, second)
        first_count, second_count = first_count + len(first), second_count + len(second)
        mine, theirs = _quoted(first), _quoted(second)
        common, quoted = common + len(mine & theirs), quoted + len(mine) + len(theirs)
    kinds: dict[str, list[bool]] = {}
    for one, other in pairs:
        if one["kind"] == other["kind"]:
            kinds.setdefault(one["kind"], []).append(_value(one) == _value(other))
    same_kind = sum(a["kind"] == b["kind"] for a, b in pairs)
    return Agreement(
        document=label,
        first=first_count,
        second=second_count,
        paired=len(pairs),
        char_f1=2 * common / quoted if quoted else 1.0,
        kinds={
            kind: KindAgreement(sum(found), len(found)) for kind, found in sorted(kinds.items())
        },
        kind_agreement=same_kind / len(pairs) if pairs else 1.0,
        kappa_attribution=cohen_kappa(
            [(a["attribution"]["type"], b["attribution"]["type"]) for a, b in pairs]
        ),
        kappa_modality=cohen_kappa([(a["modality"], b["modality"]) for a, b in pairs]),
    )
