"""The verdict stage: every claim judged against the facts, by the judge of its kind
(:data:`~astana_facts.consistency.judges.JUDGES`), or by an editor.

Linear in the claims: the facts are grouped by subject and kind once
(:func:`~astana_facts.verdicts.facts.index_facts`) and a claim meets only the facts of its
subject (of a relative date: of both events it links) and of the kinds its judge reads. With
no facts and no editors' verdicts, every claim is ``not_enough_evidence`` in one pass, with one
reason per kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from astana_facts.consistency.context import words
from astana_facts.consistency.judges import JUDGES, Bench, Judgement
from astana_facts.consistency.judges.base import TEMPORAL_DEFAULTS
from astana_facts.findings.finding import Finding
from astana_facts.integrity.measures import measure_names
from astana_facts.reading.records import ClaimRecord, PlainRecord, Records, standing
from astana_facts.verdicts import Label, Resolution, Verdict
from astana_facts.verdicts.editors import editor_verdicts
from astana_facts.verdicts.facts import FactIndex, contradiction_findings, index_facts
from astana_facts.verdicts.resolve import resolve
from astana_facts.verdicts.unjudged import UnjudgedVerdicts, unjudged_reason

DURATIONS_WITH_DATES = "durations_against_dates"
"""The ``conflict`` of the temporal rule whose tolerances the judges read durations with: the
rule that compares an event's durations with its dates, as a claim is compared with facts."""
RELATIVE_DATES = "relative_dates"
"""The ``conflict`` of the temporal rule whose tolerances the judges read relative dates with."""

PLAN_LABELS: dict[str, Label] = {"supported": "kept", "refuted": "not_kept"}
"""A plan's outcome from the judgement of what it planned: borne out, or not."""


@dataclass
class Judged:
    """What the stage gives the pipeline."""

    verdicts: Mapping[str, Verdict] = field(default_factory=dict)
    """Claim id -> verdict, in claim id order (made when asked for when nothing judges)."""
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    """FCT003 for facts that contradict each other; VRD003 and VRD005 for editors' verdicts."""


def bench_of(records: Records) -> Bench:
    """The judges' bench: entities, measure names and the declared rules' parameters."""
    bench = Bench(
        entities={entity["id"]: entity for entity, _ in records.entities},
        measures=measure_names(measure for measure, _ in records.measures),
    )
    for rule in sorted(records.rules, key=lambda rule: str(rule["code"])):
        parameters: dict[str, Any] = rule.get("parameters") or {}
        comparison = rule["comparison"]
        if comparison == "temporal" and parameters.get("conflict") == DURATIONS_WITH_DATES:
            bench.temporal = {**TEMPORAL_DEFAULTS, **parameters}
        elif comparison == "temporal" and parameters.get("conflict") == RELATIVE_DATES:
            bench.relative = {**TEMPORAL_DEFAULTS, **parameters}
        elif comparison == "quantity_intervals":
            bench.approximately = float(parameters["approximately_tolerance"])
        elif comparison == "instrument_facts":
            bench.concluded = words(parameters["actions"])
    return bench


def judge_claims(
    records: Records,
    findings: list[Finding],
    in_id_order: Sequence[ClaimRecord] | None = None,
) -> Judged:
    """A verdict for every kept claim but the deprecated ones (in claim id order), the
    resolutions of ``findings`` (the consistency findings) and the stage's own findings.
    ``in_id_order``: those claims already in id order, when the caller has them (the
    consistency stage does), so they are not sorted again."""
    judged = Judged()
    claims = in_id_order
    if claims is None:
        claims = sorted(standing(records.claims), key=lambda record: record.claim["id"])
    if not records.facts and not records.editor_verdicts:
        judged.verdicts = UnjudgedVerdicts(claims, JUDGES)  # when asked for
        return judged
    bench = bench_of(records)
    index = index_facts(records.facts)
    judged.findings += contradiction_findings(index, bench)
    urls = {document: source.metadata.get("url") for document, source in records.sources.items()}
    by_editor, editor_findings = editor_verdicts(records.editor_verdicts, claims)
    judged.findings += editor_findings
    verdicts: dict[str, Verdict] = {}
    judged.verdicts = verdicts
    for record in claims:
        claim = record.claim
        entry = JUDGES.get(claim["kind"])
        if entry is None:
            verdict = by_editor.get(claim["id"]) or _nobody(claim["id"], claim["kind"])
        else:
            url = urls.get(record.document)
            facts = [f for s in entry.subjects(claim) for f in index.covering(s, entry.reads, url)]
            judgement = _conflicting(facts, index) or entry.judge(claim, facts, bench)
            verdict = _verdict(record, judgement)
        verdicts[claim["id"]] = verdict
    if index.by_subject_kind:
        by_id = {record.claim["id"]: record for record in claims}
        judged.resolutions = resolve(findings, verdicts, by_id)
    return judged


def _conflicting(facts: list[PlainRecord], index: FactIndex) -> Judgement | None:
    """``conflicting`` when a fact covering the claim is in a contradiction (FCT003)."""
    for fact in facts:
        names = index.contradicted.get(fact["id"])
        if names is not None:
            return Judgement(
                "conflicting", names, f"the facts contradict each other: {', '.join(names)}"
            )
    return None


def _verdict(record: ClaimRecord, judgement: Judgement) -> Verdict:
    """The verdict of a judged claim; a plan's judgement read as its outcome."""
    label: Label = judgement.label
    if record.claim["modality"] == "planned":
        label = PLAN_LABELS.get(label, label)
    return Verdict(record.claim["id"], label, judgement.facts, judgement.reason)


def _nobody(claim: str, kind: str) -> Verdict:
    """``not_enough_evidence`` for a claim no engine compares and no editor judged."""
    return Verdict(claim, "not_enough_evidence", (), unjudged_reason(kind, JUDGES))


__all__ = ["Judged", "bench_of", "judge_claims"]
