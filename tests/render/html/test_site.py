"""The html site of the report: deterministic, every link resolves, every quote highlighted
exactly, untrusted text escaped, long documents split, and the evidence hook shown where the
pages put it (read without a browser; tests/render/html/test_browser.py renders them)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from astana_facts.render.html import document, evidence
from astana_facts.resources import bundled
from astana_facts.verdicts import Verdict
from tests.render.html.hostile import SCRIPT, hostile_records
from tests.render.html.sites import broken_links, pages, report_of, site_files


@pytest.fixture(scope="module")
def bundled_site() -> dict[str, bytes]:
    return site_files(report_of(bundled("records")))


def test_the_same_data_gives_byte_identical_files(bundled_site: dict[str, bytes]) -> None:
    assert site_files(report_of(bundled("records"))) == bundled_site
    for content in bundled_site.values():
        assert not re.search(rb"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:", content)


def test_the_site_has_every_page_the_issue_asks_for(bundled_site: dict[str, bytes]) -> None:
    result = report_of(bundled("records"))
    names = set(bundled_site)
    assert {
        "index.html",
        "findings.html",
        "documents.html",
        "timelines.html",
        "rules.html",
        "participants.html",
        "style.css",
        "filter.js",
    } <= names
    assert sum(n.startswith("finding-") for n in names) == len(result.findings)
    assert {f"document-{d}.html" for d in result.records.sources} <= names
    assert "timeline-astana-round-8.html" in names and "series-astana-process.html" in names
    assert "participants-astana-process.html" in names


def test_every_link_resolves_to_a_page_and_an_anchor(bundled_site: dict[str, bytes]) -> None:
    assert broken_links(bundled_site) == []


def test_every_claim_span_shows_exactly_its_quote(bundled_site: dict[str, bytes]) -> None:
    result = report_of(bundled("records"))
    read = pages(bundled_site)
    for record in result.records.claims:
        page = read[f"document-{record.document}.html"]
        for index, span in enumerate(record.claim["evidence"]):
            assert "".join(page.spans[f"{record.claim['id']}/{index}"]) == span["exact"]


def test_the_verdicts_of_the_editors_are_on_their_finding_pages(
    bundled_site: dict[str, bytes],
) -> None:
    page = bundled_site["finding-DAT002-4669c9eff362130c.html"].decode()
    assert "claim_correct" in page and "https://mfa.gov.tr/" in page and "rules.html#DAT002" in page
    assert "Not adjudicated" in bundled_site["finding-RND004-8c6bdab65030f636.html"].decode()
    resolved = bundled_site["finding-DAT001-2eff5950b29b7ab6.html"].decode()
    assert "Resolved by the facts" in resolved and "fact-astana-round-8-dates" in resolved


def test_untrusted_text_is_escaped_and_nested_spans_exact(tmp_path: Path) -> None:
    result = report_of(hostile_records(tmp_path / "records"))
    files = site_files(result)
    assert broken_links(files) == []
    for name, content in files.items():
        if name.endswith(".html"):
            text = content.decode("utf-8")
            assert re.findall(r"<script\b[^>]*>", text) == ['<script src="filter.js">'], name
            assert SCRIPT not in text
    page = pages(files)["document-sample-doc.html"]
    for record in result.records.claims:
        assert (
            "".join(page.spans[f"{record.claim['id']}/0"]) == record.claim["evidence"][0]["exact"]
        )
    assert SCRIPT in "".join(page.text)  # the note and the text show it, as text


def test_a_long_document_is_split_into_parts_that_link_to_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document, "SPANS_PER_PAGE", 2)
    result = report_of(hostile_records(tmp_path / "records"))
    files = site_files(result)
    parts = sorted(n for n in files if n.startswith("document-sample-doc"))
    assert len(parts) > 1
    assert broken_links(files) == []
    read = pages(files)
    for record in result.records.claims:
        shown = "".join("".join(read[p].spans[f"{record.claim['id']}/0"]) for p in parts)
        assert shown == record.claim["evidence"][0]["exact"]


def test_verdicts_and_facts_show_where_the_pages_put_them() -> None:
    """A claim's verdict (its label, its reason escaped, the fact's evidence) on its document
    and finding pages and in the index's summary; the facts as a count on the index and as a
    band on the timeline of the event they date."""
    result = report_of(bundled("records"))
    claim = "kisi-round-8-final-plenary"
    refuted = Verdict(claim, "refuted", ("fact-astana-round-8-dates",), "<i>21-22 December</i>")
    files = site_files(replace(result, claim_verdicts={claim: refuted}))
    assert "refuted" in files["document-kisi-eighth-round-results-2017-12.html"].decode()
    assert "&lt;i&gt;21-22 December" in files["finding-DAT001-2eff5950b29b7ab6.html"].decode()
    assert 'class="fact"' in files["timeline-astana-round-8.html"].decode()
    index = files["index.html"].decode()
    assert f"<strong>{len(result.facts)}</strong> reference fact(s)" in index
    assert "refuted" in index


def test_without_verdicts_or_facts_the_pages_say_so() -> None:
    result = report_of(bundled("records"))
    records = replace(result.records, facts=[])
    files = site_files(replace(result, records=records, claim_verdicts={}))
    document_page = files["document-kisi-eighth-round-results-2017-12.html"].decode()
    assert evidence.NO_VERDICT in document_page
    assert "none recorded yet" in files["index.html"].decode()
    assert 'class="fact"' not in files["timeline-astana-round-8.html"].decode()


def test_a_deprecated_claim_says_why_and_links_its_replacement(
    bundled_site: dict[str, bytes],
) -> None:
    page = bundled_site["document-kisi-eighth-round-results-2017-12.html"].decode("utf-8")
    entry = page.split('id="c-kisi-congress-discussed"', 1)[1].split("</li>", 1)[0]
    assert "<dt>Deprecated</dt><dd>since 0.2.0: " in entry
    assert '<a href="#c-kisi-round-8-congress-discussed"><code>' in entry
    standing = page.split('id="c-kisi-round-8-congress-discussed"', 1)[1].split("</li>", 1)[0]
    assert "<dt>Deprecated</dt>" not in standing
