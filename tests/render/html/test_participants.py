"""The participants tables: per series, rounds and roles by parties, each cell naming who
lists the party (complete or partial list) and whose complete list leaves it out."""

from __future__ import annotations

from astana_facts.render.html.links import links_of
from astana_facts.render.html.participants import _cell, _rows
from astana_facts.resources import bundled
from tests.render.html.sites import report_of


def test_rows_are_per_series_and_cells_say_who_lists_and_who_leaves_out() -> None:
    result = report_of(bundled("records"))
    tables = _rows(result)
    assert {"astana-process", "no-series"} <= set(tables)
    first = next(r for r in tables["astana-process"] if r.role == "participant")
    assert first.event == "astana-round-1"
    links = links_of(result)
    fsa = _cell(first, "free-syrian-army", links)
    assert [s["complete"] for s in fsa["named"]] == [False]
    assert [s["document"] for s in fsa["left_out"]] == ["astana-talks-prospects-2017-01"]
    assert all(s["link"].startswith("document-") for s in fsa["named"] + fsa["left_out"])
