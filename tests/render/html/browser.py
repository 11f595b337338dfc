"""Headless Chromium for the html tests and the README screenshots: the Debian browser
(``apt-get install chromium``, as ``.ci/run`` does), driven by Playwright for Python with its
``executable_path``; Playwright's own browser downloads are never used (no network)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = {
    "index.png": "index.html",
    "finding.png": "finding-DAT001-2eff5950b29b7ab6.html",
    "document.png": "document-kisi-eighth-round-results-2017-12.html#s-kisi-round-8-start-0",
    "timeline.png": "timeline-astana-round-8.html",
}
"""Screenshot file -> the page of the bundled data's site it shows."""


def unavailable() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return (
            f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver, as .ci/run does)"
        )
    return None


def executable() -> str:
    return str(CHROMIUM) if CHROMIUM.exists() else str(shutil.which("chromium"))


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable(), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def screenshots(site: Path, folder: Path, browser_: Any) -> list[Path]:
    """A screenshot of each page of :data:`SHOTS` of ``site`` (the whole page), in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    page = browser_.new_page(viewport={"width": 1200, "height": 900})
    try:
        for name, html in SHOTS.items():
            file, _, anchor = html.partition("#")
            page.goto((site / file).resolve().as_uri() + (f"#{anchor}" if anchor else ""))
            path = folder / name
            page.screenshot(path=str(path), full_page=name != "document.png")
            written.append(path)
    finally:
        page.close()
    return written
