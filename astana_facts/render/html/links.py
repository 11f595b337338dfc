"""Where everything of the site is: the file of each page and the anchor of each claim and span.

The site is one flat folder, so every link is a bare file name with an anchor, the same from
every page. Record ids are lower-case letters, digits and hyphens, so a name made of a prefix, an
id and ``_`` with a number (the second part of a long document) cannot collide with another.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from astana_facts.findings.finding import Finding
from astana_facts.pipeline.result import Result

INDEX = "index.html"
FINDINGS = "findings.html"
DOCUMENTS = "documents.html"
TIMELINES = "timelines.html"
PARTICIPANTS = "participants.html"
RULES = "rules.html"
NO_SERIES = "no-series"
"""The participants page of events that belong to no series."""


def document_page(document: str, part: int = 0) -> str:
    """The page of ``document`` (its part ``part``, counted from 0, when it is split)."""
    return f"document-{document}.html" if part == 0 else f"document-{document}_{part + 1}.html"


def event_page(event: str) -> str:
    """The timeline of one event."""
    return f"timeline-{event}.html"


def series_page(series: str) -> str:
    """The timeline of a series' rounds."""
    return f"series-{series}.html"


def participants_page(series: str) -> str:
    """The participants table of a series' rounds."""
    return f"participants-{series}.html"


def rule_findings_page(code: str, part: int = 0) -> str:
    """The list of the findings of one rule (its part ``part`` when it is long)."""
    return f"findings-{code}.html" if part == 0 else f"findings-{code}_{part + 1}.html"


def rule_link(code: str) -> str:
    """A rule's documentation on the rules page."""
    return f"{RULES}#{code}"


def claim_anchor(claim: str) -> str:
    return f"c-{claim}"


def span_anchor(claim: str, index: int) -> str:
    return f"s-{claim}-{index}"


def finding_pages(findings: list[Finding]) -> list[str]:
    """The page of each finding, in order: by its code and fingerprint (stable across runs
    while the finding stands), else by its code and its rank among that code's findings."""
    pages: list[str] = []
    taken: set[str] = set()
    unnamed: dict[str, int] = defaultdict(int)
    for finding in findings:
        if finding.fingerprint:
            name = f"finding-{finding.code}-{finding.fingerprint}"
        else:
            unnamed[finding.code] += 1
            name = f"finding-{finding.code}_{unnamed[finding.code]}"
        while name + ".html" in taken:
            name += "_"
        taken.add(name + ".html")
        pages.append(name + ".html")
    return pages


@dataclass
class Links:
    """The links every page needs: each finding's page, the page holding each claim, and the
    findings each claim takes part in."""

    finding_page: list[str]
    claim_page: dict[str, str] = field(default_factory=dict)
    """Claim id -> the page (document part) that lists it."""
    claim_findings: dict[str, list[int]] = field(default_factory=dict)
    """Claim id -> the indexes of the findings it takes part in."""
    span_page: dict[tuple[str, int], str] = field(default_factory=dict)
    """(claim id, span index) -> the page that shows the span, where it is not the claim's."""
    timelines: set[str] = field(default_factory=set)
    """The events that have a timeline page."""

    def claim(self, claim: str) -> str:
        """The link to a claim's entry (``#`` when the claim was not read)."""
        page = self.claim_page.get(claim)
        return f"{page}#{claim_anchor(claim)}" if page else ""

    def span(self, claim: str, index: int) -> str:
        """The link to one span of a claim, in its document's text."""
        page = self.span_page.get((claim, index)) or self.claim_page.get(claim, "")
        return f"{page}#{span_anchor(claim, index)}" if page else ""


def links_of(result: Result) -> Links:
    """Every finding's page and the findings of every claim (the claims' pages are added as the
    documents are split, :func:`~astana_facts.render.html.document.plan_documents`)."""
    links = Links(finding_pages(result.findings))
    for index, finding in enumerate(result.findings):
        for claim in dict.fromkeys(finding.claims):
            links.claim_findings.setdefault(claim, []).append(index)
    return links
