"""The timeline pages: one per event with date claims (each value a row, the window where the
reported values meet, the facts as a band), one per series (a row per round: where its reported
dates meet, or a cross where they cannot), and the list of both."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup, escape

from astana_facts.pipeline.result import Result
from astana_facts.render.html import svg
from astana_facts.render.html.links import TIMELINES, Links, event_page, series_page
from astana_facts.render.html.pages import Pages
from astana_facts.render.html.timeline import SHOWN_SOURCES, DateValue, EventTimeline


def _row_y(index: int) -> float:
    return svg.TOP + 10 + index * svg.ROW + svg.ROW / 2


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _label(y: float, text: str, link: str, sub: str = "") -> str:
    """A row's label (a link where there is one) and a smaller second line."""
    words = f'<text class="label" x="8" y="{y - 2}">{escape(_cut(text, 38))}</text>'
    if link:
        words = f'<a href="{escape(link)}">{words}</a>'
    if sub:
        words += f'<text class="sub" x="8" y="{y + 11}">{escape(_cut(sub, 44))}</text>'
    return words


def _conflicts(result: Result, links: Links, found: list[int], y: float) -> str:
    """Links to the findings of a row, as red marks in the column beside its label (two, and
    a count of the others)."""
    parts = []
    for rank, index in enumerate(found[:2]):
        code = result.findings[index].code
        parts.append(
            f'<a href="{escape(links.finding_page[index])}"><text class="conflict-label" '
            f'x="{svg.MARKS}" y="{y - 2 + rank * 13}">⚠ {escape(code)}</text></a>'
        )
    if len(found) > 2:
        parts.append(
            f'<text class="sub" x="{svg.MARKS + 70}" y="{y + 11}">+{len(found) - 2}</text>'
        )
    return "".join(parts)


def _sources(value: DateValue) -> str:
    shown = ", ".join(record.claim["id"] for record in value.claims[:SHOWN_SOURCES])
    more = len(value.claims) - SHOWN_SOURCES
    return shown + (f" and {more} more" if more > 0 else "")


def event_svg(result: Result, links: Links, timeline: EventTimeline, name: str) -> Markup:
    """The timeline of one event."""
    values = timeline.values
    dates = [v.value[k] for v in values for k in ("start", "end")]
    dates += [d for f in timeline.facts for d in (f.start, f.end)]
    axis = svg.axis_of(dates)
    height = int(_row_y(len(values)) + svg.ROW)
    body = [svg.axis_svg(axis, height), svg.fact_bands(axis, timeline.facts, height)]
    for index, value in enumerate(values):
        y = _row_y(index)
        css = " ".join(
            c for c in ("conflict" if value.findings else "", "planned" * value.planned) if c
        )
        first = value.claims[0].claim["id"]
        body.append(_label(y, value.words, links.claim(first), _sources(value)))
        body.append(_conflicts(result, links, value.findings, y))
        body.append(svg.bar(axis, value.value, value.bounds, y, css))
    y = _row_y(len(values))
    if timeline.meet is not None:
        words = "no day fits every reported value" if timeline.conflict else "reported together"
        body.append(_label(y, words, ""))
        body.append(svg.meet_bar(axis, timeline.meet, y, dates))
    return svg.frame(f"Dates of {name}", height, "".join(body))


def series_svg(
    timelines: dict[str, EventTimeline], rounds: list[Any], names: dict[str, str]
) -> Markup:
    """A series' rounds, each where its reported dates meet."""
    dates = [
        v.value[k] for _, event in rounds for v in timelines[event].values for k in ("start", "end")
    ]
    axis = svg.axis_of(dates)
    height = int(_row_y(len(rounds)))
    body = [svg.axis_svg(axis, height)]
    for index, (ordinal, event) in enumerate(rounds):
        y, timeline = _row_y(index), timelines[event]
        label = (
            f"round {ordinal}: {names.get(event, event)}" if ordinal else names.get(event, event)
        )
        sub = f"{len(timeline.values)} value(s)" + (", in conflict" if timeline.conflict else "")
        body.append(_label(y, label, event_page(event), sub))
        if timeline.meet is not None:
            own = [v.value[k] for v in timeline.values for k in ("start", "end")]
            body.append(svg.meet_bar(axis, timeline.meet, y, own))
    return svg.frame("Rounds of the series", height, "".join(body))


def timeline_pages(
    result: Result,
    links: Links,
    pages: Pages,
    timelines: dict[str, EventTimeline],
    series: dict[str, list[Any]],
) -> Iterator[tuple[str, bytes]]:
    """The page of every event timeline, of every series, and their list."""
    names = pages.names
    for event, timeline in timelines.items():
        name = names.get(event, event)
        yield pages.render(
            event_page(event),
            "timeline.html",
            {
                "title": f"Timeline: {name}",
                "event": event,
                "timeline": timeline,
                "svg": event_svg(result, links, timeline, name),
                "findings": sorted({i for v in timeline.values for i in v.findings}),
                "result": result,
                "site": links,
            },
        )
    for identifier, rounds in series.items():
        yield pages.render(
            series_page(identifier),
            "series.html",
            {
                "title": f"Timeline: {names.get(identifier, identifier)}",
                "series": identifier,
                "rounds": [(ordinal, event, timelines[event]) for ordinal, event in rounds],
                "svg": series_svg(timelines, rounds, names),
            },
        )
    yield pages.render(
        TIMELINES,
        "timelines.html",
        {"title": "Timelines", "timelines": timelines, "series": series},
    )
