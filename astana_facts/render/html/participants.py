"""The participants tables: for each series, its rounds (and roles) by the parties named, each
cell with the sources that name the party there (from a complete or a partial list) and those
whose complete list leaves it out. Events outside any series share one table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord
from astana_facts.render.html.links import NO_SERIES, PARTICIPANTS, Links, participants_page
from astana_facts.render.html.pages import Pages

SHOWN = 3
"""Sources named per cell (the others are counted)."""


@dataclass
class Row:
    """One event and role: the lists of the sources that name its participants."""

    event: str
    role: str
    lists: list[ClaimRecord] = field(default_factory=list)


def _rows(result: Result) -> dict[str, list[Row]]:
    """Series id -> its rows (events in ordinal order, then roles)."""
    series_of: dict[str, tuple[str, int]] = {
        str(entity["id"]): (str(entity.get("series") or NO_SERIES), entity.get("ordinal") or 0)
        for entity, _ in result.records.entities
    }
    rows: dict[tuple[str, str], Row] = {}
    for record in result.records.claims:
        claim = record.claim
        if claim["kind"] == "participants":
            key = (claim["subject"], claim["value"]["role"])
            rows.setdefault(key, Row(*key)).lists.append(record)
    tables: dict[str, list[Row]] = defaultdict(list)
    for (event, _), row in sorted(
        rows.items(), key=lambda item: (series_of.get(item[0][0], (NO_SERIES, 0))[1], item[0])
    ):
        row.lists.sort(key=lambda r: (r.document, r.claim["id"]))
        tables[series_of.get(event, (NO_SERIES, 0))[0]].append(row)
    return dict(sorted(tables.items()))


def _cell(row: Row, party: str, links: Links) -> dict[str, Any]:
    """Who names ``party`` in ``row`` (and whether in a complete list), and whose complete list
    leaves it out."""
    named = [r for r in row.lists if party in r.claim["value"]["members"]]
    left_out = [
        r
        for r in row.lists
        if r.claim["value"]["complete"] and party not in r.claim["value"]["members"]
    ]

    def shown(records: list[ClaimRecord]) -> list[dict[str, Any]]:
        return [
            {
                "document": r.document,
                "link": links.claim(r.claim["id"]),
                "complete": r.claim["value"]["complete"],
            }
            for r in records[:SHOWN]
        ]

    return {
        "named": shown(named),
        "named_more": max(0, len(named) - SHOWN),
        "left_out": shown(left_out),
        "left_out_more": max(0, len(left_out) - SHOWN),
    }


def participants_pages(result: Result, links: Links, pages: Pages) -> Iterator[tuple[str, bytes]]:
    """A table per series, and the list of the tables."""
    names = pages.names
    tables = _rows(result)
    ordinals = {str(e["id"]): e.get("ordinal") for e, _ in result.records.entities}
    summary = []

    def by_name(party: str) -> tuple[str, str]:
        return names.get(party, party).lower(), party

    for series, rows in tables.items():
        parties = sorted(
            {str(m) for row in rows for r in row.lists for m in r.claim["value"]["members"]},
            key=by_name,
        )
        table = [
            {
                "event": row.event,
                "label": f"round {ordinals[row.event]}" if ordinals.get(row.event) else "",
                "role": row.role,
                "cells": [_cell(row, party, links) for party in parties],
            }
            for row in rows
        ]
        title = "Events outside any series" if series == NO_SERIES else names.get(series, series)
        summary.append((participants_page(series), title, len(rows), len(parties)))
        yield pages.render(
            participants_page(series),
            "participants.html",
            {
                "title": f"Participants: {title}",
                "parties": parties,
                "rows": table,
                "site_timelines": links.timelines,
            },
        )
    yield pages.render(
        PARTICIPANTS, "participants_index.html", {"title": "Participants", "tables": summary}
    )
