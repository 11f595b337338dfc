"""The rows of the result tables (:mod:`astana_facts.export.result_tables`), built from the
pipeline's :class:`~astana_facts.pipeline.result.Result`: the rule registry of the records'
validators, every finding of the report with the claims, quotes and facts it involves, and the
editors' adjudications.

A finding or adjudication names claims by id; the link tables keep those in the dataset (a
stale adjudication may name a claim since removed: it stays whole in ``claims_json``), so every
foreign key holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from astana_facts.consistency.registry import consistency_entries, integrity_entries
from astana_facts.findings.fingerprints import unique_fingerprints

if TYPE_CHECKING:
    from astana_facts.findings.finding import Finding
    from astana_facts.pipeline.result import Result

Row = dict[str, Any]


def _json(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def rule_rows(result: Result) -> list[Row]:
    """One row per code: the integrity codes, then the records' declared rules."""
    declared = sorted(result.records.rules, key=lambda rule: str(rule["code"]))
    rows = []
    for entry in [*integrity_entries(), *consistency_entries(declared)]:
        rule = entry.rule or {}
        rows.append(
            {
                "code": entry.code,
                "name": entry.name,
                "severity": entry.severity,
                "family": entry.family,
                "title": entry.title,
                "why": entry.why,
                "fix": entry.fix,
                "engine": rule.get("comparison"),
                "parameters_json": _json(rule["parameters"]) if "parameters" in rule else None,
            }
        )
    return list({row["code"]: row for row in rows}.values())


def finding_rows(result: Result, by_name: dict[str, list[Row]]) -> None:
    """The ``findings`` rows with their claims, quotes and settling facts."""
    claims = {record.claim["id"] for record in result.records.claims}
    documents = set(result.records.sources)
    facts = {fact["id"] for fact, _ in result.records.facts}
    for position, (finding, finding_id) in enumerate(
        zip(result.findings, unique_fingerprints(result.findings), strict=True)
    ):
        by_name["findings"].append(_finding_row(result, finding, finding_id, position))
        values = dict(finding.values)
        by_name["finding_claims"] += [
            {"finding_id": finding_id, "position": k, "claim_id": claim, "value": values.get(claim)}
            for k, claim in enumerate(finding.claims)
            if claim in claims
        ]
        by_name["finding_spans"] += [
            {"finding_id": finding_id, "position": k, "document": span.document,
             "start": span.start, "end": span.end, "exact": span.exact}
            for k, span in enumerate(finding.spans)
            if span.document in documents
        ]  # fmt: skip
        resolution = result.resolutions.get(finding.fingerprint or "")
        by_name["finding_facts"] += [
            {"finding_id": finding_id, "position": k, "fact_id": fact}
            for k, fact in enumerate(resolution.facts if resolution else ())
            if fact in facts
        ]


def finding_file(result: Result, file: str | None) -> str | None:
    """A finding's file relative to the folder holding the records folder
    (``records/claims/x.json``), wherever the export runs: the same data give the same rows."""
    if file is None:
        return None
    base = result.records.root.resolve().parent
    try:
        return Path(file).resolve().relative_to(base).as_posix()
    except ValueError:  # (a file outside it: kept as the finding names it)
        return file


def _finding_row(result: Result, finding: Finding, finding_id: str, position: int) -> Row:
    fingerprint = finding.fingerprint or ""
    adjudicated = fingerprint in result.verdicts
    resolution = result.resolutions.get(fingerprint)
    status = "adjudicated" if adjudicated else "resolved" if resolution else "open"
    return {
        "id": finding_id,
        "position": position,
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "file": finding_file(result, finding.file),
        "line": finding.line,
        "column": finding.column,
        "pointer": finding.pointer,
        "subject": finding.subject,
        "fingerprint": finding.fingerprint,
        "conflict_json": _json(list(finding.conflict)) if finding.conflict else None,
        "status": status,
        "adjudication": fingerprint if adjudicated else None,
        "resolution_reason": resolution.reason if resolution else None,
        "resolution_holds_json": _json(list(resolution.holds)) if resolution else None,
        "resolution_refuted_json": _json(list(resolution.refuted)) if resolution else None,
        "claims_json": _json(list(finding.claims)),
    }


def adjudication_rows(result: Result, by_name: dict[str, list[Row]]) -> None:
    """The ``adjudications`` rows (the first of a fingerprint written twice) with the claims
    and public sources each names."""
    claims = {record.claim["id"] for record in result.records.claims}
    matched = {row["fingerprint"]: row["id"] for row in by_name["findings"] if row["fingerprint"]}
    seen: set[str] = set()
    for adjudication, _ in result.records.adjudications:
        fingerprint = adjudication["fingerprint"]
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        by_name["adjudications"].append(
            {
                "fingerprint": fingerprint,
                "code": adjudication["code"],
                "subject": adjudication["subject"],
                "verdict": adjudication["verdict"],
                "rationale": adjudication["rationale"],
                "decided": _iso(adjudication.get("decided")),
                "values_json": _json(adjudication["values"]),
                "claims_json": _json(adjudication["claims"]),
                "finding_id": matched.get(fingerprint) if fingerprint in result.verdicts else None,
            }
        )
        correct = set(adjudication.get("correct_claims") or ())
        by_name["adjudication_claims"] += [
            {"fingerprint": fingerprint, "claim_id": claim, "correct": claim in correct}
            for claim in dict.fromkeys(adjudication["claims"])
            if claim in claims
        ]
        by_name["adjudication_evidence"] += [
            {"fingerprint": fingerprint, "position": k, "url": item["url"], "quote": item["quote"]}
            for k, item in enumerate(adjudication.get("evidence") or ())
        ]


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
