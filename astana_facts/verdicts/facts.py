"""The facts as the verdict stage reads them: grouped by subject and kind once, each with the
URLs of its evidence, and the sets of facts that contradict each other (FCT003).

Facts contradict each other when the engine that compares their kind finds no world in which
all of them hold: the temporal reasoner over the dates and durations the facts give one event
(a negative cycle of the facts alone, shrunk to a minimal set), and for every other kind the
kind's judge reading one fact against another (a fact that refutes another).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from astana_facts.consistency.findings import describe_value
from astana_facts.consistency.judges import JUDGES, Bench
from astana_facts.consistency.judges import temporal as temporal_judge
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord, Site


@dataclass
class FactIndex:
    """The facts by (subject, kind), the URLs of each fact's evidence, and the contradictions
    among them (fact id -> the ids of a minimal set of facts it is in)."""

    by_subject_kind: dict[tuple[str, str], list[PlainRecord]] = field(default_factory=dict)
    urls: dict[str, frozenset[str]] = field(default_factory=dict)
    contradicted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)

    def covering(
        self, subject: str, kinds: Sequence[str], own_url: str | None
    ) -> list[PlainRecord]:
        """The facts of ``subject`` of ``kinds``, but those whose every evidence URL is
        ``own_url`` (a claim's own document is never its evidence)."""
        found: list[PlainRecord] = []
        for kind in kinds:
            for fact in self.by_subject_kind.get((subject, kind), ()):
                if own_url is None or self.urls[fact["id"]] != {own_url}:
                    found.append(fact)
        return found


def index_facts(facts: Sequence[tuple[PlainRecord, Site]]) -> FactIndex:
    """Group the facts once (the first of two facts with one id: IDS004 reports the other)."""
    index = FactIndex()
    for fact, site in facts:
        if fact["id"] in index.sites:
            continue
        index.sites[fact["id"]] = site
        index.urls[fact["id"]] = frozenset(source["url"] for source in fact["evidence"])
        index.by_subject_kind.setdefault((fact["subject"], fact["kind"]), []).append(fact)
    return index


def contradictions(index: FactIndex, bench: Bench) -> Iterator[list[PlainRecord]]:
    """Each minimal set of facts that contradict each other, once, in a deterministic order."""
    seen: set[tuple[str, ...]] = set()
    timed: set[str] = set()
    by_id = {f["id"]: f for facts in index.by_subject_kind.values() for f in facts}
    for subject, kind in sorted(index.by_subject_kind):
        entry = JUDGES.get(kind)
        if entry is None:
            continue
        if entry.judge is temporal_judge.judge:
            if subject in timed:
                continue  # one network per event, with the facts of every kind it reads
            timed.add(subject)
            facts = [f for k in entry.reads for f in index.by_subject_kind.get((subject, k), ())]
            found = [tuple(ids) for ids in temporal_judge.contradictions(subject, facts, bench)]
        else:
            found = list(_pairs(index.by_subject_kind[(subject, kind)], entry.judge, bench))
        for ids in found:
            if ids not in seen:
                seen.add(ids)
                yield [by_id[fact_id] for fact_id in ids]


def _pairs(facts: list[PlainRecord], judge: object, bench: Bench) -> Iterator[tuple[str, ...]]:
    """Pairs of facts of one subject and kind of which one refutes the other."""
    ordered = sorted(facts, key=lambda fact: fact["id"])
    for position, fact in enumerate(ordered):
        for other in ordered[position + 1 :]:
            for first, second in ((fact, other), (other, fact)):
                if judge(first, [second], bench).label == "refuted":  # type: ignore[operator]
                    yield tuple(sorted((fact["id"], other["id"])))
                    break


def contradiction_findings(index: FactIndex, bench: Bench) -> list[Finding]:
    """FCT003 for each set of facts that contradict each other, at the value of the last of them
    in the file (the one added last, most likely the one to check);
    every fact of a set is marked in ``index.contradicted``."""
    findings: list[Finding] = []
    order = {name: position for position, name in enumerate(index.sites)}
    for facts in contradictions(index, bench):
        names = tuple(fact["id"] for fact in facts)
        for name in names:
            index.contradicted.setdefault(name, names)
        latest = max(names, key=order.__getitem__)  # the last in the file
        site = index.sites[latest]
        listed = "; ".join(f"{fact['id']}: {describe_value(fact)}" for fact in facts)
        findings.append(
            Finding.of(
                code="FCT003",
                message=f"fact {latest}, field value: facts of {facts[0]['subject']} "
                f"contradict each other: {listed}",
                file=site.file,
                pointer=f"{site.pointer}/value",
            )
        )
    return findings
