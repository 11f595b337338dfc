"""Timelines as the temporal reasoner sees dates: each value once with its claims, the window
where the reported values meet (none for the eighth round: the bundled contradiction), rounds
in their order, and each stance drawn as the page's legend says."""

from __future__ import annotations

import datetime as dt

from astana_facts.consistency.timeline import bounds_of
from astana_facts.render.html import svg
from astana_facts.render.html.links import links_of
from astana_facts.render.html.timeline import event_timelines, series_rounds
from astana_facts.resources import bundled
from tests.render.html.sites import report_of


def test_the_eighth_round_has_four_values_that_cannot_all_hold() -> None:
    result = report_of(bundled("records"))
    timelines = event_timelines(result, links_of(result))
    eighth = timelines["astana-round-8"]
    assert [v.words for v in eighth.values] == [
        "full_span 2017-12-01..2017-12-31 (month)",
        "start 2017-12-20 (day)",
        "end 2017-12-21 (day)",
        "day_within 2017-12-22 (day)",
    ]
    assert eighth.conflict and eighth.meet is not None and not eighth.meet.feasible
    assert all(v.bounds == bounds_of(v.value) for v in eighth.values)
    codes = {result.findings[i].code for v in eighth.values for i in v.findings}
    assert codes == {"DAT001", "DAT002", "DUR001"}
    assert not timelines["astana-round-4"].conflict


def test_a_series_lists_its_rounds_by_ordinal() -> None:
    result = report_of(bundled("records"))
    rounds = series_rounds(result, event_timelines(result, links_of(result)))
    assert [ordinal for ordinal, _ in rounds["astana-process"]] == [1, 2, 3, 4, 5, 8, 9]


def _value(stance: str, precision: str, start: str, end: str) -> dict[str, object]:
    return {
        "start": dt.date.fromisoformat(start),
        "end": dt.date.fromisoformat(end),
        "precision": precision,
        "stance": stance,
    }


def test_each_stance_and_precision_is_drawn_its_own_way() -> None:
    axis = svg.Axis(dt.date(2017, 12, 1).toordinal(), dt.date(2017, 12, 31).toordinal())

    def draw(value: dict[str, object]) -> str:
        return svg.bar(axis, value, bounds_of(value), 50, "")

    assert 'class="bar solid' in draw(_value("full_span", "day", "2017-12-21", "2017-12-22"))
    assert 'class="bar pale' in draw(_value("full_span", "month", "2017-12-01", "2017-12-31"))
    assert 'class="tick' in draw(_value("day_within", "day", "2017-12-22", "2017-12-22"))
    start = draw(_value("start", "day", "2017-12-20", "2017-12-20"))
    end = draw(_value("end", "day", "2017-12-21", "2017-12-21"))
    assert 'class="open' in start and 'class="open' in end
    assert start.index("<rect") < start.index("<line")  # open towards the right
    assert end.index("<line") < end.index("<rect")  # open towards the left
