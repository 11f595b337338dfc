"""The report opens with the verdicts (counts per label, overall and per document), lists every
refuted claim and plan not kept with its quote, the facts and their evidence, says how the facts
resolve a contradiction, and carries all of it in JSON, SARIF and GitHub annotations; with no
verdicts, every format says so in a line."""

from __future__ import annotations

import re

import orjson

from astana_facts.render.report import (
    render_report_github,
    render_report_json,
    render_report_json_chunks,
    render_report_markdown,
    render_report_sarif,
    render_report_text,
)
from astana_facts.verdicts import LABELS
from tests.judged import HOSTILE, judged_result


def test_the_text_report_opens_with_the_counts_per_label_and_document() -> None:
    text = render_report_text(judged_result())
    summary = text.split("\n\n")[1].splitlines()
    assert summary == [
        "verdicts (4 of 4 claim(s) judged against 2 fact(s)): supported 1, refuted 1, "
        "conflicting 0, not_enough_evidence 1, kept 0, not_kept 1",
        "  doc-a: supported 0, refuted 1, conflicting 0, not_enough_evidence 1, kept 0, not_kept 0",
        "  doc-b: supported 1, refuted 0, conflicting 0, not_enough_evidence 0, kept 0, not_kept 1",
    ]
    assert re.findall(r"(\w+) \d", summary[0].split(": ", 1)[1]) == list(LABELS)


def test_a_refuted_claim_shows_its_quote_the_fact_and_the_evidence() -> None:
    text = render_report_text(judged_result())
    block = text[text.index("refuted a-start") :].split("\n\n")[0].splitlines()
    assert block == [
        "refuted a-start (doc-a): start 2017-12-20 (day)",
        "  10-34: The round «started on December 20th» and ended on December 2…",
        "  reason: It started on the 21st.",
        "  fact fact-round-8-dates: full_span 2017-12-21..2017-12-22 (day)",
        "    rationale: The ministry dates the round.",
        "    evidence: https://mfa.example.org/round-8?lang=en&x=1 (Ministry) — “was held on "
        "21-22 December 2017”",
    ]
    assert (
        "not_kept b-plan (doc-b): start 2018-02-01..2018-02-28 (month) (editor's verdict)" in text
    )
    assert "b-day (doc-b): day_within" not in text.split("DAT001")[0]  # supported: not listed


def test_a_finding_the_facts_settle_says_which_value_holds() -> None:
    result = judged_result()
    text = render_report_text(result)
    assert "settled: 1 of 1 error finding(s) (0 adjudicated, 1 resolved by facts)" in text
    assert (
        "  resolved by facts: day_within 2017-12-22 (day) holds; refuted: end 2017-12-21 (day) "
        "(facts fact-round-8-dates)\n  reason: The facts date the round 21-22 December.\n"
    ) in text
    assert "resolved by facts: day\\_within 2017-12-22 (day) holds" in render_report_markdown(
        result
    )


def test_without_verdicts_every_format_says_so() -> None:
    result = judged_result(empty=True)
    text = render_report_text(result)
    assert "\nverdicts: none (no claim has been judged against the facts)\n" in text
    assert "refuted claims" not in text and "resolved by facts" not in text
    markdown = render_report_markdown(result)
    assert (
        "## Verdicts\n\nVerdicts: none (no claim has been judged against the facts).\n" in markdown
    )
    assert "## Refuted" not in markdown
    document = orjson.loads(render_report_json(result))
    assert document["verdicts"] == [] and document["summary"]["resolved_by_facts"] == 0
    assert document["summary"]["verdict_labels"] == dict.fromkeys(LABELS, 0)
    assert all(finding["resolution"] is None for finding in document["findings"])


def test_markdown_shows_untrusted_text_as_text() -> None:
    markdown = render_report_markdown(judged_result(hostile=True))
    section = markdown[markdown.index("## Refuted") : markdown.index("## DAT001")]
    assert "<script>" not in section and "[link](" not in section and "*bold*" not in section
    assert "\\<script\\>" in section and "\\[link\\](javascript:x)" in section
    assert "\n# heading" not in markdown  # a line break in a reason does not start a heading
    assert "<https://mfa.example.org/round-8?lang=en&x=1>" in section
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") == table[0].count(" | ") for line in table[:5])


def test_json_lists_the_verdicts_in_claim_order_and_each_resolution() -> None:
    result = judged_result()
    document = orjson.loads(render_report_json(result))
    assert list(document)[-2:] == ["findings", "verdicts"]
    assert [v["claim"] for v in document["verdicts"]] == ["a-end", "a-start", "b-day", "b-plan"]
    assert document["verdicts"][1] == {
        "claim": "a-start", "label": "refuted", "facts": ["fact-round-8-dates"],
        "reason": "It started on the 21st.", "by": "engine",
    }  # fmt: skip
    (finding,) = document["findings"]
    resolution = finding["resolution"]
    assert resolution["facts"] == ["fact-round-8-dates"] and len(resolution["holds"]) == 1
    assert set(resolution["holds"]) | set(resolution["refuted"]) == set(finding["conflict"])
    assert document["summary"]["verdict_labels"] == {
        "supported": 1, "refuted": 1, "conflicting": 0, "not_enough_evidence": 1, "kept": 0,
        "not_kept": 1,
    }  # fmt: skip
    assert "".join(render_report_json_chunks(result)) == render_report_json(result)
    assert render_report_json(judged_result()) == render_report_json(result)  # deterministic


def test_a_resolved_finding_is_a_note_not_an_error() -> None:
    result = judged_result()
    sarif = orjson.loads(render_report_sarif(result))
    (found,) = sarif["runs"][0]["results"]
    assert found["level"] == "note"
    assert found["properties"]["resolvedByFacts"]["facts"] == ["fact-round-8-dates"]
    (line,) = render_report_github(result).splitlines()
    assert line.startswith("::notice ") and "[resolved by facts: day_within 2017-12-22" in line
    unresolved = judged_result(empty=True)
    assert (
        orjson.loads(render_report_sarif(unresolved))["runs"][0]["results"][0]["level"] == "error"
    )
    assert render_report_github(unresolved).startswith("::error ")


def test_untrusted_text_reaches_json_escaped() -> None:
    document = orjson.loads(render_report_json(judged_result(hostile=True)))
    assert document["verdicts"][1]["reason"].endswith(HOSTILE)
