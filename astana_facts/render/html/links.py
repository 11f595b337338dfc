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
    findings each claim takes part in.

    Kept small, as it lives beside every claim of the report: a claim's page is its document's
    (looked up through the report's claim index) unless its document is split; a claim's
    findings are one index, or a tuple where it has several."""

    result: Result
    finding_page: list[str]
    claim_findings: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    """Claim id -> the index (or indexes) of the findings it takes part in."""
    split_page: dict[str, str] = field(default_factory=dict)
    """Claim id -> its page, for the claims of a document split into parts."""
    span_page: dict[tuple[str, int], str] = field(default_factory=dict)
    """(claim id, span index) -> the page that shows the span, where it is not the claim's."""
    timelines: set[str] = field(default_factory=set)
    """The events that have a timeline page."""

    def claim_page(self, claim: str) -> str:
        """The page listing a claim ("" when the claim was not read)."""
        page = self.split_page.get(claim)
        if page is None:
            record = self.result.claim_index.get(claim)
            page = document_page(record.document) if record is not None else ""
        return page

    def findings_of(self, claim: str) -> tuple[int, ...]:
        """The indexes of the findings ``claim`` takes part in, in report order."""
        found = self.claim_findings.get(claim, ())
        return (found,) if isinstance(found, int) else found

    def claim(self, claim: str) -> str:
        """The link to a claim's entry ("" when the claim was not read)."""
        page = self.claim_page(claim)
        return f"{page}#{claim_anchor(claim)}" if page else ""

    def span(self, claim: str, index: int) -> str:
        """The link to one span of a claim, in its document's text."""
        page = self.span_page.get((claim, index)) or self.claim_page(claim)
        return f"{page}#{span_anchor(claim, index)}" if page else ""


def links_of(result: Result) -> Links:
    """Every finding's page and the findings of every claim (the pages of the claims of split
    documents are added as the documents are planned,
    :func:`~astana_facts.render.html.document.plan_documents`)."""
    links = Links(result, finding_pages(result.findings))
    found = links.claim_findings
    for index, finding in enumerate(result.findings):
        for claim in dict.fromkeys(finding.claims):
            before = found.get(claim)
            if before is None:
                found[claim] = index
            else:
                found[claim] = (before, index) if isinstance(before, int) else (*before, index)
    return links
