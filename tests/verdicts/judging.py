"""Facts and the verdict stage in memory, for the tests of the judges and the stage."""

from __future__ import annotations

import datetime as dt
from typing import Any

from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, Site
from astana_facts.verdicts.stage import Judged, judge_claims
from tests.consistency.builders import RULES, records

URL = "https://example.org/reference"
"""The evidence URL of the facts built here (no document of the tests has it)."""


def fact(
    fact_id: str, kind: str, subject: str, value: dict[str, Any], url: str = URL
) -> dict[str, Any]:
    """A validated fact as the stage reads it."""
    source = {"url": url, "publisher": "Example", "retrieved": dt.date(2026, 1, 1), "quote": "q"}
    return {
        "id": fact_id,
        "kind": kind,
        "subject": subject,
        "value": value,
        "evidence": [source],
        "rationale": "r",
    }


def judged(
    claims: list[ClaimRecord],
    facts: list[dict[str, Any]],
    findings: list[Finding] | None = None,
    *,
    urls: dict[str, str] | None = None,
    editors: list[dict[str, Any]] | None = None,
    **kwargs: Any,
) -> Judged:
    """The verdict stage over ``claims`` and ``facts`` (with the bundled rules), the documents
    published at ``urls`` (document -> URL) and the editors' verdicts ``editors``."""
    held = records(claims, **kwargs)
    for document, url in (urls or {}).items():
        held.sources[document].metadata["url"] = url
    held.editor_verdicts = [
        (verdict, Site("verdicts.json", f"/verdicts/{i}"))
        for i, verdict in enumerate(editors or [])
    ]
    held.rules = RULES
    held.facts = [(f, Site("facts.json", f"/facts/{i}")) for i, f in enumerate(facts)]
    return judge_claims(held, findings or [])
