"""The index (what was checked, the verdicts, the findings by rule and severity, links to
everything), the lists of findings by rule and of documents, and the rules' documentation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.pipeline.result import Result
from astana_facts.render.html import evidence
from astana_facts.render.html.document import DocumentPlan
from astana_facts.render.html.links import (
    DOCUMENTS,
    FINDINGS,
    INDEX,
    RULES,
    Links,
    rule_findings_page,
)
from astana_facts.render.html.pages import Pages

FINDINGS_PER_PAGE = 1000
"""Findings listed on one page of a rule's findings."""
SEVERITIES = ("error", "warning", "info")


def _by_rule(result: Result) -> dict[str, list[int]]:
    """Rule code -> the indexes of its findings, in code order."""
    found: dict[str, list[int]] = defaultdict(list)
    for index, finding in enumerate(result.findings):
        found[finding.code].append(index)
    return dict(sorted(found.items()))


def rule_rows(result: Result, pages: Pages) -> list[dict[str, Any]]:
    """A row per rule with findings: its name, severity, count, adjudicated count and page."""
    rows = []
    for code, indexes in _by_rule(result).items():
        first = result.findings[indexes[0]]
        judged = sum(
            1 for i in indexes if (result.findings[i].fingerprint or "") in result.verdicts
        )
        rows.append(
            {
                "code": code,
                "name": pages.rule_names.get(code, ""),
                "severity": first.severity,
                "count": len(indexes),
                "adjudicated": judged,
                "page": rule_findings_page(code),
            }
        )
    return rows


def index_page(result: Result, pages: Pages, plans: list[DocumentPlan]) -> tuple[str, bytes]:
    """The front page."""
    errors = [f for f in result.findings if f.severity == "error"]
    severity = result.by_severity()
    return pages.render(
        INDEX,
        "index.html",
        {
            "title": "Consistency report",
            "documents": len(plans),
            "claims": result.claim_count,
            "entities": len(result.records.entities),
            "rules": len(result.records.rules),
            "facts": evidence.fact_count(result),
            "verdicts": evidence.verdict_summary(result),
            "errors": len(errors),
            "adjudicated": len(errors) - len(result.unadjudicated_errors()),
            "severity": [(name, severity[name]) for name in SEVERITIES],
            "rule_rows": rule_rows(result, pages),
            "stats": result.rule_stats,
        },
    )


def findings_pages(result: Result, links: Links, pages: Pages) -> Iterator[tuple[str, bytes]]:
    """The table of rules with findings, and each rule's findings, in parts."""
    yield pages.render(
        FINDINGS, "findings.html", {"title": "Findings", "rule_rows": rule_rows(result, pages)}
    )
    for code, indexes in _by_rule(result).items():
        chunks = [
            indexes[n : n + FINDINGS_PER_PAGE] for n in range(0, len(indexes), FINDINGS_PER_PAGE)
        ]
        for part, chunk in enumerate(chunks):
            yield pages.render(
                rule_findings_page(code, part),
                "rule_findings.html",
                {
                    "title": f"Findings of {code}",
                    "code": code,
                    "findings": [(links.finding_page[i], result.findings[i]) for i in chunk],
                    "verdicts": result.verdicts,
                    "part": part,
                    "parts": [rule_findings_page(code, n) for n in range(len(chunks))],
                },
            )


def documents_page(result: Result, pages: Pages, plans: list[DocumentPlan]) -> tuple[str, bytes]:
    """The list of documents."""
    rows = [
        {
            "id": plan.id,
            "metadata": result.records.sources[plan.id].metadata,
            "claims": len(plan.claims),
            "unworthy": len(plan.unworthy),
            "parts": len(plan.parts),
        }
        for plan in plans
    ]
    return pages.render(DOCUMENTS, "documents.html", {"title": "Documents", "rows": rows})


def rules_page(result: Result, pages: Pages) -> tuple[str, bytes]:
    """Every rule's documentation: the consistency rules, then the integrity codes."""
    return pages.render(
        RULES,
        "rules.html",
        {
            "title": "Rules",
            "rules": sorted(result.records.rules, key=lambda rule: str(rule["code"])),
            "codes": INTEGRITY_CODES,
            "found": set(_by_rule(result)),
        },
    )
