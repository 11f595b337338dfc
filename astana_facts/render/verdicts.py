"""The verdicts in the report: how many claims got each label, overall and per document, how a
contradiction is settled by facts, and both as JSON.

Labels are always listed in :data:`~astana_facts.verdicts.LABELS` order, documents by id, claims
by id: the same verdicts give the same bytes. When the verdict stage has judged nothing (an
empty ``Result.claim_verdicts``), each output says so in one line rather than showing a table
of zeros.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from astana_facts.consistency.findings import normalised_value
from astana_facts.findings.finding import Finding
from astana_facts.pipeline.result import Result
from astana_facts.render.quoting import markdown_text, one_line
from astana_facts.verdicts import LABELS, Resolution, Verdict
from astana_facts.verdicts.unjudged import verdict_labels, verdict_parts

UNKNOWN_DOCUMENT = "(claim not read)"
"""Where a verdict on a claim the report did not read is counted."""

NO_VERDICTS = "none (no claim has been judged against the facts)"
"""What the summary says when there are no verdicts."""


def label_counts(verdicts: Mapping[str, Verdict]) -> dict[str, int]:
    """Label -> how many of ``verdicts`` have it, every label in :data:`LABELS` order."""
    counts: dict[str, int] = dict.fromkeys(LABELS, 0)
    for label in verdict_labels(verdicts):
        counts[label] = counts.get(label, 0) + 1
    return counts


def counts_by_document(report: Result) -> dict[str, dict[str, int]]:
    """Document id -> label counts of the verdicts on its claims, every document of the report
    by id (a verdict on a claim not read is counted under :data:`UNKNOWN_DOCUMENT`, last).
    Counted as the verdicts go by: none is held."""
    counts: dict[str, dict[str, int]] = {
        document: dict.fromkeys(LABELS, 0) for document in sorted(report.texts)
    }
    unknown: dict[str, int] = dict.fromkeys(LABELS, 0)
    for verdict in report.claim_verdicts.values():
        record = report.claim_index.get(verdict.claim)
        tally = (
            unknown
            if record is None
            else counts.setdefault(record.document, dict.fromkeys(LABELS, 0))
        )
        tally[verdict.label] += 1
    ordered = {document: counts[document] for document in sorted(counts)}
    if any(unknown.values()):
        ordered[UNKNOWN_DOCUMENT] = unknown
    return ordered


def _line(counts: dict[str, int]) -> str:
    return ", ".join(f"{label} {count}" for label, count in counts.items())


def _judged(report: Result) -> str:
    deprecated = len(report.records.deprecated)
    unjudged = f"; {deprecated} deprecated, not judged" if deprecated else ""
    return (
        f"{len(report.claim_verdicts)} of {report.claim_count} claim(s) judged against "
        f"{len(report.facts)} fact(s){unjudged}"
    )


def verdict_summary_lines(report: Result) -> list[str]:
    """The text report's verdict summary: counts per label, then a line per document."""
    if not report.claim_verdicts:
        return [f"verdicts: {NO_VERDICTS}"]
    overall = label_counts(report.claim_verdicts)
    lines = [f"verdicts ({_judged(report)}): {_line(overall)}"]
    lines += [
        f"  {document}: {_line(counts)}" for document, counts in counts_by_document(report).items()
    ]
    return lines


def verdict_summary_markdown(report: Result) -> list[str]:
    """The Markdown report's verdict summary: a table of counts per label and document."""
    if not report.claim_verdicts:
        return ["## Verdicts", "", f"Verdicts: {NO_VERDICTS}."]
    overall = label_counts(report.claim_verdicts)
    lines = [
        "## Verdicts",
        "",
        _judged(report).capitalize() + ".",
        "",
        "| document | " + " | ".join(LABELS) + " |",
        "| --- |" + " ---: |" * len(LABELS),
        "| **all documents** | " + " | ".join(str(n) for n in overall.values()) + " |",
    ]
    for document, counts in counts_by_document(report).items():
        cells = " | ".join(str(n) for n in counts.values())
        lines.append(f"| {markdown_text(document)} | {cells} |")
    return lines


def value_names(report: Result, finding: Finding) -> dict[str, str]:
    """A finding's values in conflict (normalised JSON) -> the same values in words, as its
    value groups show them; a value no group states (a surface form) stands for itself."""
    names = {}
    for group in finding.value_groups:
        record = report.claim_index.get(group.claims[0]) if group.claims else None
        if record is not None and group.value:
            names[normalised_value(record)] = group.value
    return names


def resolution_line(resolution: Resolution, names: dict[str, str] | None = None) -> str:
    """``resolved by facts: <values that hold> holds (facts …)``, on one line; ``names`` gives
    the values in words (:func:`value_names`)."""
    return f"resolved by facts: {resolution_text(resolution, names)}"


def resolution_text(resolution: Resolution, names: dict[str, str] | None = None) -> str:
    """``<values that hold> holds; refuted: <values> (facts …)``, on one line: how the facts
    settle a finding, without the label :func:`resolution_line` puts before it."""
    words = names or {}
    holds = ", ".join(words.get(v, v) for v in resolution.holds) or "none of the values"
    line = f"{holds} holds"
    if resolution.refuted:
        line += f"; refuted: {', '.join(words.get(v, v) for v in resolution.refuted)}"
    if resolution.facts:
        line += f" (facts {', '.join(resolution.facts)})"
    return one_line(line)


def resolution_lines(resolution: Resolution, names: dict[str, str] | None = None) -> list[str]:
    """:func:`resolution_line`, then the reason where there is one."""
    lines = [resolution_line(resolution, names)]
    if resolution.reason:
        lines.append(f"reason: {one_line(resolution.reason)}")
    return lines


def resolved_count(report: Result) -> int:
    """How many findings of the report the facts resolve."""
    return sum(1 for f in report.findings if (f.fingerprint or "") in report.resolutions)


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """One verdict in the JSON contract's ``verdicts`` list."""
    return _verdict_row(verdict.claim, verdict.label, verdict.facts, verdict.reason, verdict.by)


def _verdict_row(
    claim: str, label: str, facts: Iterable[str], reason: str, by: str
) -> dict[str, Any]:
    """The JSON object of one verdict, from its parts (the one place its keys are named)."""
    return {"claim": claim, "label": label, "facts": list(facts), "reason": reason, "by": by}


def verdicts_json(report: Result) -> Iterator[dict[str, Any]]:
    """:func:`verdict_json` of every verdict of the report, in claim id order (from their parts,
    :func:`~astana_facts.verdicts.unjudged.verdict_parts`: a folder with nothing to judge
    against has its verdicts written without being made)."""
    return (_verdict_row(*parts) for parts in verdict_parts(report.claim_verdicts))


def verdicts_in_order(report: Result) -> Iterator[Verdict]:
    """The report's verdicts in claim id order (``Result.claim_verdicts`` keeps them so), one
    at a time."""
    return iter(report.claim_verdicts.values())


def verdict_summary_json(report: Result) -> dict[str, Any]:
    """What the JSON summary adds: the count of each label (``verdict_labels``, every label)
    and of findings resolved by facts (``resolved_by_facts``)."""
    return {
        "verdict_labels": label_counts(report.claim_verdicts),
        "resolved_by_facts": resolved_count(report),
    }
