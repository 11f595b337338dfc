"""What each rule of a report compared, in words, Markdown and JSON: a block per rule with the
groups of claims it compared, those it skipped and why, and its findings, so that a rule with
nothing to compare reads as such, never as a clean pass. Renderers only read the
:class:`~astana_facts.pipeline.result.Result`'s ``rule_stats``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from astana_facts.findings.rule_stats import RuleStats
from astana_facts.pipeline.result import Result
from astana_facts.render.context import plain

NOTHING = "nothing to compare"
"""The note of a rule that compared no group."""


def _count(number: int, noun: str) -> str:
    """``1 group``, ``2 groups``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _reasons(stats: RuleStats) -> str:
    """``31 one claim only, 9 no date claim``."""
    return ", ".join(f"{groups} {reason}" for reason, groups in stats.skipped)


def describe(stats: RuleStats) -> str:
    """What a rule compared, as a clause: ``12 groups compared, 40 skipped (31 one claim only,
    9 no date claim)``, or ``nothing to compare`` with why."""
    if not stats.counted:
        return "groups not counted (its engine does not report them)"
    skipped = stats.skipped_total
    if stats.compared:
        text = f"{_count(stats.compared, 'group')} compared"
        return f"{text}, {skipped} skipped ({_reasons(stats)})" if skipped else text
    if skipped:
        return f"{NOTHING}: {_count(skipped, 'group')} skipped ({_reasons(stats)})"
    return f"{NOTHING}: no claim it applies to"


def _names(report: Result) -> dict[str, str]:
    return {str(rule["code"]): str(rule["name"]) for rule in report.records.rules}


def rule_stats_lines(report: Result, paint: Callable[[str, str], str] = plain) -> list[str]:
    """The text report's block: a heading and a line per rule, in code order (none when the
    consistency stage did not run); ``paint`` colours the clause of a rule that compared
    nothing as a warning."""
    if not report.rule_stats:
        return []
    names, found = _names(report), report.by_rule()
    lines = ["rules run (groups of claims each rule compared, and those it skipped, by reason):"]
    for code, stats in report.rule_stats.items():
        label = f"{code} {names.get(code, '')}".rstrip()
        clause = describe(stats)
        if stats.nothing_compared:
            clause = paint(clause, "warning")
        lines.append(f"  {label}: {clause}, {_count(found.get(code, 0), 'finding')}")
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rule_stats_markdown(report: Result) -> list[str]:
    """The Markdown report's section: a table with a row per rule, in code order."""
    if not report.rule_stats:
        return []
    names, found = _names(report), report.by_rule()
    lines = [
        "## Rules run",
        "",
        "Groups of claims (those sharing a rule's key) each rule compared, and those it skipped.",
        "",
        "| rule | name | compared | skipped | findings |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code, stats in report.rule_stats.items():
        if not stats.counted:
            compared = "**not counted**"
        else:
            compared = f"**{NOTHING}**" if stats.nothing_compared else str(stats.compared)
        skipped = f"{stats.skipped_total}: {_reasons(stats)}" if stats.skipped else "0"
        lines.append(
            f"| {code} | {_cell(names.get(code, ''))} | {compared} | {_cell(skipped)} | "
            f"{found.get(code, 0)} |"
        )
    return lines


def rule_stats_json(report: Result) -> list[dict[str, Any]]:
    """The JSON report's ``rule_stats``: an object per rule, in code order."""
    names, found = _names(report), report.by_rule()
    return [
        {
            "code": code,
            "name": names.get(code),
            "compared": stats.compared,
            "skipped": stats.skipped_total,
            "skipped_by_reason": [
                {"reason": reason, "groups": groups} for reason, groups in stats.skipped
            ],
            "nothing_compared": stats.nothing_compared,
            "counted": stats.counted,
            "findings": found.get(code, 0),
        }
        for code, stats in report.rule_stats.items()
    ]
