"""A small judged world built in memory: claims in two documents, facts with public evidence,
the verdicts on the claims and a contradiction the facts resolve, as the verdict stage would
leave them on a :class:`~astana_facts.pipeline.result.Result`.

The renderers and exports only read verdicts and resolutions, so their tests build them here
rather than depend on the stage that derives them. ``hostile`` puts markup and control
characters into every untrusted text (quotes, rationales, reasons, titles, publishers).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from astana_facts.consistency import check_consistency
from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord, Records, Site, SourceRecord
from astana_facts.verdicts import Resolution, Verdict
from tests.consistency.builders import RULES, dates, entity

ROUND = "astana-round-8"
HOSTILE = ' <script>alert("x")</script> | *bold* [link](javascript:x) `code`\n# heading'
"""Markup a renderer must show as text."""

TEXTS = {
    "doc-a": "The round started on December 20th and ended on December 21.",
    "doc-b": "Delegations met in Astana on Dec. 22. The next round is due in February.",
}


def _claim(claim_id: str, document: str, quote: str, value: dict[str, Any], **fields: Any) -> Any:
    start = TEXTS[document].index(quote)
    record = {
        "id": claim_id,
        "kind": fields.pop("kind", "event_date"),
        "subject": fields.pop("subject", ROUND),
        "value": value,
        "attribution": fields.pop("attribution", {"type": "publisher"}),
        "modality": fields.pop("modality", "reported"),
        "evidence": [{"start": start, "end": start + len(quote), "exact": quote}],
        "note": None,
    }
    return ClaimRecord(record, document, f"claims/{document}.json", 0)


def claims() -> list[ClaimRecord]:
    """Four claims: a refuted start, a supported end (they clash with the day of doc-b), a day
    and a plan that was not kept."""
    return [
        _claim("a-start", "doc-a", "started on December 20th", dates("2017-12-20", stance="start")),
        _claim("a-end", "doc-a", "ended on December 21", dates("2017-12-21", stance="end")),
        _claim(
            "b-day",
            "doc-b",
            "met in Astana on Dec. 22",
            dates("2017-12-22", stance="day_within"),
            attribution={"type": "speaker", "entity": "kairat-abdrakhmanov"},
        ),
        _claim(
            "b-plan",
            "doc-b",
            "next round is due in February",
            dates("2018-02-01", "2018-02-28", precision="month", stance="start"),
            subject="astana-round-9",
            modality="planned",
        ),
    ]


def facts(hostile: bool = False) -> list[dict[str, Any]]:
    """Two facts with their evidence (the eighth round's dates, the ninth round's start)."""
    extra = HOSTILE if hostile else ""
    return [
        {
            "id": "fact-round-8-dates",
            "kind": "event_date",
            "subject": ROUND,
            "value": dates("2017-12-21", "2017-12-22"),
            "evidence": [
                {
                    "url": "https://mfa.example.org/round-8?lang=en&x=1",
                    "archived_url": "https://web.archive.org/web/2018/https://mfa.example.org/",
                    "publisher": "Ministry" + extra,
                    "title": "Round eight" + extra,
                    "published": dt.date(2017, 12, 22),
                    "retrieved": dt.date(2026, 11, 20),
                    "quote": "was held on 21-22 December 2017" + extra,
                }
            ],
            "rationale": "The ministry dates the round." + extra,
        },
        {
            "id": "fact-round-9-dates",
            "kind": "event_date",
            "subject": "astana-round-9",
            "value": dates("2018-05-14", "2018-05-15"),
            "evidence": [
                {
                    "url": "https://news.example.com/round-9",
                    "archived_url": None,
                    "publisher": "News",
                    "title": None,
                    "published": None,
                    "retrieved": dt.date(2026, 11, 27),
                    "quote": "held on 14-15 May 2018",
                }
            ],
            "rationale": "The ninth round was held in May.",
        },
    ]


def verdicts(hostile: bool = False) -> dict[str, Verdict]:
    """A verdict on every claim, in claim id order."""
    extra = HOSTILE if hostile else ""
    found = [
        Verdict("a-start", "refuted", ("fact-round-8-dates",), "It started on the 21st." + extra),
        Verdict("a-end", "not_enough_evidence"),
        Verdict("b-day", "supported", ("fact-round-8-dates",), "The 22nd lies in the round."),
        Verdict("b-plan", "not_kept", ("fact-round-9-dates",), "Held in May.", by="editor"),
    ]
    return {verdict.claim: verdict for verdict in sorted(found, key=lambda v: v.claim)}


def records(hostile: bool = False) -> Records:
    """The records of the world: two documents with metadata, entities, claims and facts."""
    held = Records(root=Path("."))
    metadata = {
        "doc-a": {"title": "Round results" + (HOSTILE if hostile else ""), "publisher": "KISI"},
        "doc-b": {"title": "Year-end talks", "author": "A. Writer"},
    }
    days = {"doc-a": ("2017-12-21", "2017-12-31"), "doc-b": ("2017-12-22", "2017-12-22")}
    for document, (first, last) in days.items():
        published = {"start": dt.date.fromisoformat(first), "end": dt.date.fromisoformat(last)}
        held.sources[document] = SourceRecord(
            {
                "id": document,
                "url": f"https://{document}.example.net/article",
                "language": "en",
                "original_file": f"{document}.txt",
                "sha256": "0" * 64,
                "published": {**published, "precision": "day", "inferred": first != last},
                **metadata[document],
            },
            TEXTS[document],
            Site(f"sources/{document}.json", ""),
            f"{document}.txt",
        )
    held.entities = [
        (e, Site("entities.json", ""))
        for e in (
            entity(ROUND, "Eighth Astana round", kind="event"),
            entity("astana-round-9", "Ninth Astana round", kind="event"),
            entity("kairat-abdrakhmanov", "Kairat Abdrakhmanov", kind="person"),
        )
    ]
    held.claims = claims()
    held.claim_count = len(held.claims)
    held.facts = [
        (fact, Site("facts.json", f"/facts/{i}")) for i, fact in enumerate(facts(hostile))
    ]
    return held


def judged_result(*, hostile: bool = False, empty: bool = False) -> Result:
    """The world's report: its findings, and (unless ``empty``) the verdicts on every claim and
    the resolution of the contradiction over the eighth round's days."""
    held = records(hostile)
    held.rules = list(RULES)
    findings = check_consistency(held, RULES)
    result = Result(records=held, findings=findings, consistency=True)
    if empty:
        return result
    result.claim_verdicts = verdicts(hostile)
    for finding in findings:
        if finding.fingerprint and finding.subject == ROUND:
            result.resolutions[finding.fingerprint] = Resolution(
                finding.fingerprint,
                holds=tuple(v for v in finding.conflict if "2017-12-22" in v),
                refuted=tuple(v for v in finding.conflict if "2017-12-22" not in v),
                facts=("fact-round-8-dates",),
                reason="The facts date the round 21-22 December." + (HOSTILE if hostile else ""),
            )
    return result
