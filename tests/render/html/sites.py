"""Sites of the html format built in tests, and what a test reads back from their pages."""

from __future__ import annotations

from pathlib import Path

from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run
from astana_facts.render.context import RenderContext
from astana_facts.render.registry import render_files
from tests.render.html.domtext import SpanText, read


def report_of(records: Path) -> Result:
    return run(records, consistency=True)


def site_files(result: Result) -> dict[str, bytes]:
    """Every file of ``result``'s site, by name."""
    return dict(
        render_files("report", "html", result, RenderContext(versions=lambda: ("test", None)))
    )


def pages(files: dict[str, bytes]) -> dict[str, SpanText]:
    """Every page of a site, read back."""
    return {
        name: read(content.decode("utf-8"))
        for name, content in files.items()
        if name.endswith(".html")
    }


def broken_links(files: dict[str, bytes]) -> list[str]:
    """Every link of the site to a page or anchor that does not exist (web addresses aside)."""
    read_pages = pages(files)
    broken = []
    for name, page in read_pages.items():
        for href in page.hrefs:
            if href.startswith(("http://", "https://")):
                continue
            target, _, anchor = href.partition("#")
            target = target or name
            if target not in files or (anchor and anchor not in read_pages[target].ids):
                broken.append(f"{name} -> {href}")
    return broken
