"""The verdict stage: every claim judged by the judge of its kind against the facts of its
subject, never by its own document; plans by their outcome; facts that contradict each other
(FCT003) make the claims they cover conflicting; the editors judge the rest; and a finding
whose every value the facts settle is resolved."""

from __future__ import annotations

import dataclasses

from astana_facts.consistency import check_consistency
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import RULES, claim, dates, exact, records
from tests.verdicts.judging import URL, fact, judged

ROUND = "astana-round-9"
HELD = fact("fact-round-9-dates", "event_date", ROUND, dates("2018-05-14", "2018-05-15"))


def test_with_no_fact_every_claim_is_not_enough_evidence() -> None:
    claims = [
        claim("a", "event_date", ROUND, dates("2018-05-14")),
        claim("b", "statement", ROUND, {"content": "x", "direct": True}),
    ]
    result = judged(claims, [])
    assert {v.claim: v.label for v in result.verdicts.values()} == {
        "a": "not_enough_evidence",
        "b": "not_enough_evidence",
    }
    assert result.findings == [] and result.resolutions == {}


def test_a_claims_own_document_is_never_its_evidence() -> None:
    own = claim("a", "event_date", ROUND, dates("2018-05-14", stance="start"), document="doc-a")
    other = claim("b", "event_date", ROUND, dates("2018-05-14", stance="start"), document="doc-b")
    result = judged([own, other], [HELD], urls={"doc-a": URL, "doc-b": "https://example.org/b"})
    assert result.verdicts["a"].label == "not_enough_evidence"
    assert result.verdicts["b"].label == "supported"
    assert result.verdicts["b"].facts == ("fact-round-9-dates",)


def test_a_plan_is_judged_by_its_outcome() -> None:
    february = dates("2018-02-15", "2018-02-28", "part_of_month")
    may = dates("2018-05-01", "2018-05-31", "month")
    claims = [
        claim("missed", "event_date", ROUND, february, modality="planned"),
        claim("kept", "event_date", ROUND, may, modality="planned"),
        claim("open", "location", ROUND, {"place": "astana"}, modality="planned"),
    ]
    result = judged(claims, [HELD])
    assert result.verdicts["missed"].label == "not_kept"
    assert result.verdicts["missed"].facts == ("fact-round-9-dates",)
    assert "last day on or before 2018-02-28" in result.verdicts["missed"].reason
    assert result.verdicts["kept"].label == "kept"
    assert result.verdicts["open"].label == "not_enough_evidence"


def test_a_relative_date_is_judged_by_the_facts_of_both_events_it_links() -> None:
    anchor = "geneva-round-9"
    opened = fact("fact-geneva-9", "event_date", anchor, dates("2018-01-25", stance="start"))
    after = {"part": "start", "direction": "after", "unit": "day", "anchor_part": "start"}
    claims = [
        claim("linked", "relative_date", ROUND, {**after, "amount": exact(109), "anchor": anchor}),
        claim("wrong", "relative_date", ROUND, {**after, "amount": exact(100), "anchor": anchor}),
        claim("alone", "relative_date", ROUND, {**after, "amount": exact(1), "anchor": "x-9"}),
    ]
    result = judged(claims, [HELD, opened])
    assert result.verdicts["linked"].label == "supported"
    assert result.verdicts["linked"].facts == ("fact-geneva-9", "fact-round-9-dates")
    assert result.verdicts["wrong"].label == "refuted"
    assert result.verdicts["alone"].label == "not_enough_evidence"


def test_facts_that_contradict_each_other_are_fct003_and_their_claims_conflicting() -> None:
    wrong = fact("fact-round-9-end", "event_date", ROUND, dates("2018-05-20", stance="end"))
    place = fact("fact-round-9-place", "location", ROUND, {"place": "astana"})
    claims = [
        claim("a", "event_date", ROUND, dates("2018-05-14", stance="start")),
        claim("b", "location", ROUND, {"place": "astana"}),
    ]
    result = judged(claims, [HELD, wrong, place])
    (found,) = result.findings
    assert found.code == "FCT003" and found.severity == "error"
    assert found.file == "facts.json" and found.pointer == "/facts/1/value"
    assert "fact-round-9-dates" in found.message and "fact-round-9-end" in found.message
    assert result.verdicts["a"].label == "conflicting"
    assert result.verdicts["a"].facts == ("fact-round-9-dates", "fact-round-9-end")
    assert result.verdicts["b"].label == "supported"


def test_two_durations_that_cannot_both_hold_are_fct003() -> None:
    two = fact("fact-two", "duration", ROUND, {"unit": "day", "amount": exact(2)})
    five = fact("fact-five", "duration", ROUND, {"unit": "day", "amount": exact(5)})
    (found,) = judged([], [two, five]).findings
    assert found.code == "FCT003" and "fact-two" in found.message and "fact-five" in found.message


def test_two_places_that_differ_are_fct003() -> None:
    one = fact("fact-a", "location", ROUND, {"place": "astana"})
    two = fact("fact-b", "location", ROUND, {"place": "sochi"})
    (found,) = judged([], [one, two]).findings
    assert found.code == "FCT003" and found.pointer == "/facts/1/value"
    assert "fact-a" in found.message and "fact-b" in found.message


def test_the_editors_judge_what_no_engine_compares() -> None:
    claims = [
        claim("said", "statement", ROUND, {"content": "x", "direct": True}),
        claim("plan", "plan", ROUND, {"description": "hold it"}, modality="planned"),
        claim("dated", "event_date", ROUND, dates("2018-05-14", stance="start")),
    ]
    editors = [
        {"claim": "said", "label": "supported", "facts": [], "rationale": "the UN says so"},
        {"claim": "plan", "label": "kept", "facts": ["fact-round-9-dates"], "rationale": "held"},
        {"claim": "dated", "label": "refuted", "facts": [], "rationale": "wrong"},
    ]
    result = judged(claims, [HELD], editors=editors)
    assert result.verdicts["said"].label == "supported" and result.verdicts["said"].by == "editor"
    assert result.verdicts["plan"].facts == ("fact-round-9-dates",)
    assert result.verdicts["dated"].label == "supported" and result.verdicts["dated"].by == "engine"
    (set_aside,) = result.findings
    assert set_aside.code == "VRD005" and set_aside.pointer == "/verdicts/2/claim"


def test_a_plan_is_never_true_and_a_statement_never_kept() -> None:
    claims = [
        claim("said", "statement", ROUND, {"content": "x", "direct": True}),
        claim("plan", "plan", ROUND, {"description": "hold it"}, modality="planned"),
    ]
    editors = [
        {"claim": "said", "label": "kept", "facts": [], "rationale": "r"},
        {"claim": "plan", "label": "supported", "facts": [], "rationale": "r"},
    ]
    result = judged(claims, [], editors=editors)
    assert [(f.code, f.pointer) for f in result.findings] == [
        ("VRD003", "/verdicts/0/label"),
        ("VRD003", "/verdicts/1/label"),
    ]
    assert {v.label for v in result.verdicts.values()} == {"not_enough_evidence"}


def _clash(*claims: ClaimRecord) -> list:  # type: ignore[type-arg]
    return [f for f in check_consistency(records(list(claims)), RULES) if f.code == "DAT001"]


def test_a_contradiction_a_fact_settles_is_resolved_with_the_side_that_holds() -> None:
    right = claim("right", "event_date", ROUND, dates("2018-05-14", "2018-05-15"), document="doc-a")
    wrong = claim(
        "wrong", "event_date", ROUND, dates("2018-02-20", stance="start"), document="doc-b"
    )
    (finding,) = _clash(right, wrong)
    result = judged([right, wrong], [HELD], [finding])
    resolution = result.resolutions[finding.fingerprint or ""]
    assert resolution.holds == (
        '{"end":"2018-05-15","precision":"day","stance":"full_span","start":"2018-05-14"}',
    )
    assert resolution.refuted == (
        '{"end":"2018-02-20","precision":"day","stance":"start","start":"2018-02-20"}',
    )
    assert resolution.facts == ("fact-round-9-dates",)
    assert set(resolution.holds + resolution.refuted) == set(finding.conflict)


def test_a_contradiction_the_facts_do_not_settle_is_not_resolved() -> None:
    first = claim("first", "event_date", ROUND, dates("2018-05-01", "2018-05-31", "month"))
    second = claim(
        "second", "event_date", ROUND, dates("2018-06-02", stance="start"), document="doc-b"
    )
    (finding,) = _clash(first, second)
    month = fact("fact-month", "event_date", ROUND, dates("2018-05-01", "2018-05-31", "month"))
    result = judged([first, second], [month], [finding])
    assert result.verdicts["first"].label == "supported"
    assert result.verdicts["second"].label == "refuted"
    assert finding.fingerprint in result.resolutions
    unsettled = judged(
        [first, second], [fact("f", "location", ROUND, {"place": "astana"})], [finding]
    )
    assert unsettled.resolutions == {}


def test_a_count_contradiction_names_its_values_as_its_conflict_does() -> None:
    many = claim(
        "many", "count", ROUND, {"measure": "reporters", "amount": exact(320), "as_of": None}
    )
    few = claim(
        "few",
        "count",
        ROUND,
        {"measure": "reporters", "amount": exact(20), "as_of": None},
        document="doc-b",
    )
    findings = [f for f in check_consistency(records([many, few]), RULES) if f.code == "QTY001"]
    truth = fact("f", "count", ROUND, {"measure": "reporters", "amount": exact(320), "as_of": None})
    result = judged([many, few], [truth], findings)
    for finding in findings:
        resolution = result.resolutions[finding.fingerprint or ""]
        assert set(resolution.holds + resolution.refuted) == set(finding.conflict)
        assert dataclasses.astuple(resolution)[0] == finding.fingerprint
