"""The report's block per rule: the groups it compared, those it skipped and why, and its
findings; a rule that compared nothing says so. Text, Markdown, JSON and SARIF read the same
``Result.rule_stats``."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import orjson
import pytest

from astana_facts.consistency import check_consistency
from astana_facts.findings.rule_stats import UNCOUNTED, RuleStats
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run
from astana_facts.render.context import RenderContext
from astana_facts.render.json import render_json
from astana_facts.render.report import (
    render_report_json,
    render_report_markdown,
    render_report_sarif,
    render_report_text,
)
from astana_facts.render.rule_stats import describe
from tests.conftest import REPO
from tests.consistency.builders import RULES, claim, dates
from tests.consistency.builders import records as in_memory

SARIF_SCHEMA = orjson.loads((REPO / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_bytes())

STATS = {
    "DAT001": RuleStats(12, (("one claim only", 31), ("values not comparable", 9))),
    "DUR001": RuleStats(0, (("no duration claim", 4),)),
    "INS001": RuleStats(),
    "NAM001": UNCOUNTED,
    "QTY001": RuleStats(1),
}


@pytest.mark.parametrize(
    ("stats", "clause"),
    [
        (
            STATS["DAT001"],
            "12 groups compared, 40 skipped (31 one claim only, 9 values not comparable)",
        ),
        (STATS["QTY001"], "1 group compared"),
        (STATS["DUR001"], "nothing to compare: 4 groups skipped (4 no duration claim)"),
        (STATS["INS001"], "nothing to compare: no claim it applies to"),
        (UNCOUNTED, "groups not counted (its engine does not report them)"),
    ],
)
def test_each_kind_of_run_reads_as_what_it_is(stats: RuleStats, clause: str) -> None:
    assert describe(stats) == clause


def _report() -> Result:
    """A report of one DAT001 finding, with made-up stats for five rules."""
    held = in_memory(
        [
            claim("a", "event_date", "round-a", dates("2017-12-21", stance="end")),
            claim("b", "event_date", "round-a", dates("2017-12-23", stance="day_within")),
        ]
    )
    held.rules = RULES
    return Result(held, check_consistency(held, RULES), rule_stats=STATS)


def test_the_text_report_has_a_line_per_rule_after_the_summary() -> None:
    lines = render_report_text(_report()).splitlines()
    start = lines.index(
        "rules run (groups of claims each rule compared, and those it skipped, by reason):"
    )
    assert lines[start - 1] == "" and lines[start + 6] == ""
    assert lines[start + 1 : start + 6] == [
        "  DAT001 event-dates-clash: 12 groups compared, 40 skipped (31 one claim only, "
        "9 values not comparable), 1 finding",
        "  DUR001 duration-dates-clash: nothing to compare: 4 groups skipped "
        "(4 no duration claim), 0 findings",
        "  INS001 instrument-dates-clash: nothing to compare: no claim it applies to, 0 findings",
        "  NAM001 likely-misspelling: groups not counted (its engine does not report them), "
        "0 findings",
        "  QTY001 counts-clash: 1 group compared, 0 findings",
    ]


def test_a_rule_that_compared_nothing_is_painted_as_a_warning() -> None:
    context = RenderContext(paint=lambda text, severity: f"<{severity}>{text}</{severity}>")
    text = render_report_text(_report(), context)
    assert "DUR001 duration-dates-clash: <warning>nothing to compare: 4 groups" in text
    assert "<warning>12 groups compared" not in text


def test_the_markdown_report_has_a_table_of_the_rules() -> None:
    lines = render_report_markdown(_report()).splitlines()
    start = lines.index("## Rules run")
    assert lines.index("## DAT001 event-dates-clash (error)") > start
    assert (
        "| DAT001 | event-dates-clash | 12 | 40: 31 one claim only, 9 values not comparable | 1 |"
        in lines
    )
    assert (
        "| DUR001 | duration-dates-clash | **nothing to compare** | 4: 4 no duration claim | 0 |"
        in lines
    )
    assert "| NAM001 | likely-misspelling | **not counted** | 0 | 0 |" in lines


def test_the_json_report_lists_each_rule_before_the_findings() -> None:
    document = orjson.loads(render_report_json(_report()))
    assert list(document).index("rule_stats") == list(document).index("findings") - 1
    first, second = document["rule_stats"][:2]
    assert first == {
        "code": "DAT001",
        "name": "event-dates-clash",
        "compared": 12,
        "skipped": 40,
        "skipped_by_reason": [
            {"reason": "one claim only", "groups": 31},
            {"reason": "values not comparable", "groups": 9},
        ],
        "nothing_compared": False,
        "counted": True,
        "findings": 1,
    }
    assert second["nothing_compared"] is True and second["findings"] == 0
    assert [entry["code"] for entry in document["rule_stats"]] == list(STATS)


def test_the_sarif_report_carries_them_as_run_properties() -> None:
    log = orjson.loads(render_report_sarif(_report()))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert (
        log["runs"][0]["properties"]["ruleStats"]
        == orjson.loads(render_report_json(_report()))["rule_stats"]
    )


def test_validate_and_a_report_without_the_consistency_stage_have_no_block(
    records: Path,
) -> None:
    checked = run(records)
    assert checked.rule_stats == {}
    assert "rules run" not in render_report_text(checked)
    assert "## Rules run" not in render_report_markdown(checked)
    assert "rule_stats" not in orjson.loads(render_json(checked.findings))
    assert "properties" not in orjson.loads(render_report_sarif(checked))["runs"][0]
