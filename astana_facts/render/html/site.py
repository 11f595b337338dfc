"""The site as a whole: every page of the html format, in a fixed order, one file at a time.

``render_site_html`` is the html format's renderer in the table of formats
(:mod:`astana_facts.render.registry`): it has every renderer's parameters and returns the
folder's files, which the command writes all or nothing. Pages are made one at a time, so the
site costs the memory of the report plus one page.
"""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.pipeline.result import Result
from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.render.html.document import document_pages, plan_documents
from astana_facts.render.html.finding import finding_pages
from astana_facts.render.html.index import documents_page, findings_pages, index_page, rules_page
from astana_facts.render.html.links import links_of
from astana_facts.render.html.pages import Pages
from astana_facts.render.html.participants import participants_pages
from astana_facts.render.html.timeline import event_timelines, series_rounds
from astana_facts.render.html.timeline_pages import timeline_pages

ASSETS = ("style.css", "filter.js")
"""Files copied as they are from the templates folder."""


def render_site_html(report: Result, context: RenderContext = PLAIN) -> Iterator[tuple[str, bytes]]:
    """Every file of the site of ``report``: ``(path relative to the folder, bytes)``."""
    pages = Pages(report, context)
    links = links_of(report)
    plans = plan_documents(report, links)
    timelines = event_timelines(report, links)
    links.timelines = set(timelines)
    for asset in ASSETS:
        yield pages.asset(asset)
    yield index_page(report, pages, plans)
    yield from findings_pages(report, links, pages)
    yield rules_page(report, pages)
    yield documents_page(report, pages, plans)
    yield from document_pages(report, links, plans, pages)
    yield from finding_pages(report, links, pages)
    yield from timeline_pages(report, links, pages, timelines, series_rounds(report, timelines))
    yield from participants_pages(report, links, pages)
