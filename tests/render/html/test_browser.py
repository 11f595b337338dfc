"""The html site in a real browser: headless Chromium from the system packages (installed by
``.ci/run``), driven by Playwright. Skipped, with the reason, where either is missing.

One browser serves every test of the session; pages load from ``file://`` URLs, as a reader
opening the folder would, with no server and no network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from astana_facts.resources import bundled
from tests.render.html.browser import SHOTS, browser, screenshots, unavailable
from tests.render.html.hostile import SCRIPT, hostile_records
from tests.render.html.sites import report_of, site_files

REQUIRED = os.environ.get("ASTANA_FACTS_BROWSER") == "required"
"""Set by ``.ci/run``: there a missing browser fails the tests instead of skipping them."""

SPAN_TEXTS = """() => {
  const found = {};
  for (const element of document.querySelectorAll("[data-span]")) {
    const key = element.getAttribute("data-span");
    found[key] = (found[key] || "") + element.textContent;
  }
  return found;
}"""
LINKS_AND_IDS = """() => ({
  links: Array.from(document.querySelectorAll("a[href]"),
    a => new URL(a.getAttribute("href"), document.baseURI).href),
  ids: Array.from(document.querySelectorAll("[id]"), e => e.id),
})"""


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    why = unavailable()
    if why is not None:
        if REQUIRED:
            pytest.fail(f"ASTANA_FACTS_BROWSER=required but {why}")
        pytest.skip(why)
    with browser() as launched:
        yield launched


def _write(files: dict[str, bytes], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(site_files(report_of(bundled("records"))), tmp_path_factory.mktemp("b") / "site")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    records = hostile_records(tmp_path_factory.mktemp("h") / "records")
    result = report_of(records)
    return _write(site_files(result), records.parent / "site"), result


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    opened = chromium.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.errors = errors
    yield opened
    opened.close()


def _spans_shown(page: Any, folder: Path, document: str) -> dict[str, str]:
    page.goto((folder / f"document-{document}.html").as_uri())
    shown: dict[str, str] = page.evaluate(SPAN_TEXTS)
    return shown


def test_every_claim_of_the_bundled_data_is_highlighted_with_its_exact_quote(
    page: Any, bundled_site: Path
) -> None:
    result = report_of(bundled("records"))
    expected: dict[str, dict[str, str]] = {}
    for record in result.records.claims:
        for index, span in enumerate(record.claim["evidence"]):
            expected.setdefault(record.document, {})[f"{record.claim['id']}/{index}"] = span[
                "exact"
            ]
    assert sum(len(spans) for spans in expected.values()) >= 194
    for document, spans in sorted(expected.items()):
        shown = _spans_shown(page, bundled_site, document)
        assert {key: shown.get(key) for key in spans} == spans, document
    assert page.errors == []


def test_emoji_nbsp_and_combining_marks_keep_their_offsets(
    page: Any, hostile: tuple[Path, Any]
) -> None:
    folder, result = hostile
    shown = _spans_shown(page, folder, "sample-doc")
    for record in result.records.claims:
        for index, span in enumerate(record.claim["evidence"]):
            assert shown[f"{record.claim['id']}/{index}"] == span["exact"]
    assert page.errors == []


def test_a_script_in_a_text_and_in_a_note_stays_inert_text(
    page: Any, hostile: tuple[Path, Any]
) -> None:
    folder, _ = hostile
    for name in ("document-sample-doc.html", "timeline-astana-round-4.html"):
        page.goto((folder / name).as_uri())
        assert page.evaluate("() => window.pwned") is None
        assert page.title() != "pwned"
    page.goto((folder / "document-sample-doc.html").as_uri())
    text = page.inner_text("main")
    assert text.count(SCRIPT) >= 2  # the quote in the text, the note in the claim's entry
    assert page.evaluate("() => document.scripts.length") == 1  # filter.js only
    assert page.errors == []


def _visit_all(page: Any, folder: Path) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.html")):
        page.goto(path.as_uri())
        found = page.evaluate(LINKS_AND_IDS)
        ids[path.as_uri()] = set(found["ids"])
        links += [(path.name, link) for link in found["links"]]
    return ids, links


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_every_link_resolves_and_no_page_logs_an_error(
    page: Any, which: str, bundled_site: Path, hostile: tuple[Path, Any]
) -> None:
    folder = bundled_site if which == "bundled" else hostile[0]
    ids, links = _visit_all(page, folder)
    broken = []
    for source, link in links:
        if link.startswith(("http://", "https://")):
            continue
        target, _, anchor = link.partition("#")
        if target not in ids or (anchor and anchor not in ids[target]):
            broken.append(f"{source} -> {link}")
    assert links and broken == []
    assert page.errors == []


def test_the_filter_hides_claims_that_do_not_match(page: Any, bundled_site: Path) -> None:
    page.goto((bundled_site / "document-kisi-eighth-round-results-2017-12.html").as_uri())
    page.fill("#claims-heading ~ .filter input", "final-plenary")
    shown = page.evaluate(
        "() => Array.from(document.querySelectorAll('#claims > li'))"
        ".map(li => [li.id, li.hidden, li.textContent.toLowerCase()])"
    )
    visible = [claim for claim, hidden, _ in shown if not hidden]
    assert "c-kisi-round-8-final-plenary" in visible and len(visible) < len(shown)
    assert all(("final-plenary" in text) != hidden for _, hidden, text in shown)


def test_screenshots_of_the_index_a_finding_a_document_and_a_timeline(
    chromium: Any, bundled_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("screenshots")
    written = screenshots(bundled_site, folder, chromium)
    assert sorted(p.name for p in written) == sorted(SHOTS)
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    print(f"screenshots in {folder}")
