"""The report renderers show each value of a finding once: a few quoted claims and a count of
the others in text and Markdown, every claim id (grouped by value) in JSON."""

from __future__ import annotations

import orjson

from astana_facts.consistency import check_consistency
from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord
from astana_facts.render.report import (
    render_report_json,
    render_report_markdown,
    render_report_text,
)
from tests.consistency.builders import RULES, claim, dates, records

ROUND = "astana-round-8"
QUOTE = "held on the <b>|day|</b>"


def _report(ends: int, days: int) -> Result:
    """``ends`` claims ending the round on the 21st against ``days`` claims of a day on the
    22nd: one finding of two values."""
    claims: list[ClaimRecord] = [
        claim(f"end-{i:02d}", "event_date", ROUND, dates("2017-12-21", stance="end"), quote=QUOTE)
        for i in range(ends)
    ]
    claims += [
        claim(f"day-{i:02d}", "event_date", ROUND, dates("2017-12-22", stance="day_within"))
        for i in range(days)
    ]
    held = records(claims)
    for source in held.sources.values():
        source.text = QUOTE
    return Result(records=held, findings=check_consistency(held, RULES))


def test_text_shows_a_repeated_value_once_with_three_quotes_and_a_count() -> None:
    text = render_report_text(_report(15, 1))
    assert text.count("end 2017-12-21 (day)") == 2  # in the message and once as a value
    assert "  - end 2017-12-21 (day): 15 claims\n" in text
    assert [line.strip() for line in text.splitlines() if line.startswith("    - end-")] == [
        "- end-00 (doc-a)",
        "- end-01 (doc-a)",
        "- end-02 (doc-a)",
    ]
    assert "    … and 12 more claim(s)\n" in text
    assert "end-03" not in text


def test_text_shows_a_value_of_one_claim_on_the_claims_line() -> None:
    text = render_report_text(_report(1, 1))
    assert "  - end-00 (doc-a): end 2017-12-21 (day)\n" in text
    assert "  - day-00 (doc-a): day_within 2017-12-22 (day)\n" in text
    assert "more claim(s)" not in text


def test_markdown_shows_the_value_once_with_its_count_and_escapes_the_quotes() -> None:
    markdown = render_report_markdown(_report(5, 1))
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert sum("end 2017-12-21 (day) (5 claims)" in row for row in rows) == 1
    assert sum(row.startswith("| `end-") for row in rows) == 3
    assert "| … and 2 more claim(s) | | | | |" in rows
    assert all("<b>\\|day\\|</b>" in row for row in rows if row.startswith("| `end-"))


def test_json_keeps_every_claim_id_grouped_by_value() -> None:
    document = orjson.loads(render_report_json(_report(15, 4)))
    (finding,) = document["findings"]
    assert finding["value_groups"] == [  # the value of the first claim id first
        {"value": "day_within 2017-12-22 (day)", "claims": [f"day-{i:02d}" for i in range(4)]},
        {"value": "end 2017-12-21 (day)", "claims": [f"end-{i:02d}" for i in range(15)]},
    ]
    assert len(finding["claims"]) == len(finding["values"]) == 19
    assert len(finding["spans"]) == 3 + 3
