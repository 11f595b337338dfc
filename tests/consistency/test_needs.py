"""Every rule says what it compared: for each declared rule, claims that make one group it
compares and one it skips for a known reason, run through the one mechanism (``run_rule``: the
engine's own counting in ``context.tally``, else what a group needs, ``consistency/needs.py``).

A new engine, or a new rule, fails here until it has a case: an engine that reports nothing
about its groups would read as a clean pass in the report.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import astana_facts
from astana_facts.consistency import run_consistency, run_rule
from astana_facts.consistency.context import Context, build_context
from astana_facts.consistency.engines import ENGINES
from astana_facts.consistency.needs import NEEDS
from astana_facts.findings.finding import Finding
from astana_facts.findings.rule_stats import UNCOUNTED, RuleStats
from astana_facts.reading.records import ClaimRecord, PlainRecord
from tests.consistency.builders import RULES, claim, dates, entity, exact, records
from tests.consistency.rule_examples import EXAMPLES, build_fixture_records, load_fixture

RULE = {str(rule["code"]): rule for rule in RULES}
SERIES, OTHER_SERIES = "astana-process", "geneva-process"


def _round(claim_id: str, subject: str, ordinal: int, **options: Any) -> ClaimRecord:
    series = options.pop("series", SERIES)
    return claim(
        claim_id, "round_number", subject, {"series": series, "ordinal": ordinal}, **options
    )


def _date(claim_id: str, subject: str, day: str, **options: Any) -> ClaimRecord:
    return claim(claim_id, "event_date", subject, dates(day), **options)


def _count(claim_id: str, measure: str, amount: int) -> ClaimRecord:
    return claim(claim_id, "count", "round-a", {"measure": measure, "amount": exact(amount)})


def _list(claim_id: str, role: str, members: list[str], complete: bool) -> ClaimRecord:
    value = {"role": role, "members": members, "complete": complete}
    return claim(claim_id, "participants", "round-a", value)


def _signed(claim_id: str, subject: str, action: str = "signed", **value: Any) -> ClaimRecord:
    return claim(claim_id, "instrument", subject, {"action": action, "parties": [], **value})


def _dated_rounds() -> list[ClaimRecord]:
    return [_date("a-date", "round-a", "2017-01-23"), _date("b-date", "round-b", "2017-02-15")]


CASES: dict[str, tuple[list[ClaimRecord], str]] = {
    "DAT001": (
        [
            _date("a1", "round-a", "2017-01-23"),
            _date("a2", "round-a", "2017-01-23"),
            _date("b1", "round-b", "2017-02-15"),
        ],
        "one claim only",
    ),
    "DAT002": (
        [
            _date("a1", "round-a", "2017-01-23"),
            claim(
                "a2",
                "relative_date",
                "round-a",
                {
                    "part": "start",
                    "direction": "before",
                    "unit": "week",
                    "amount": exact(3),
                    "anchor_part": "start",
                    "anchor": "round-b",
                },
            ),
            _date("b1", "round-b", "2017-02-15"),
            _date("c1", "round-c", "2017-03-15"),
        ],
        "no relative date",
    ),
    "DUR001": (
        [
            _date("a1", "round-a", "2017-01-23"),
            claim("a2", "duration", "round-a", {"unit": "day", "amount": exact(1)}),
            _date("b1", "round-b", "2017-02-15"),
        ],
        "no duration claim",
    ),
    "DUR002": (
        [
            claim("a1", "duration", "round-a", {"unit": "day", "amount": exact(1)}),
            claim("a2", "duration", "round-a", {"unit": "day", "amount": exact(2)}),
            claim("b1", "duration", "round-b", {"unit": "day", "amount": exact(2)}),
        ],
        "fewer than two duration claims",
    ),
    "RND001": (
        [
            _round("a", "round-a", 1),
            _round("b", "round-b", 1),
            _round("c", "round-c", 2),
            _date("a-date", "round-a", "2017-01-23"),
            _date("b-date", "round-b", "2017-01-23"),
        ],
        "one event only",
    ),
    "RND002": (
        [_round("a1", "round-a", 1), _round("a2", "round-a", 1), _round("b", "round-b", 2)],
        "one claim only",
    ),
    "RND003": (
        [
            _round("a", "round-a", 1),
            _round("b", "round-b", 2),
            _round("c", "round-c", 1, series=OTHER_SERIES),
            *_dated_rounds(),
        ],
        "one round only",
    ),
    "RND004": (
        [
            _round("a", "round-a", 8),
            _round("g", "round-g", 8, series=OTHER_SERIES),
            _round("b", "round-b", 8, document="doc-b"),
        ],
        "one series only",
    ),
    "QTY001": (
        [
            _count("a1", "foreign_reporters", 320),
            _count("a2", "foreign_reporters", 320),
            _count("b1", "delegations", 5),
        ],
        "one claim only",
    ),
    "PAR001": (
        [
            _list("a1", "guarantor", ["iran", "russia"], True),
            _list("a2", "guarantor", ["iran", "russia"], True),
            _list("b1", "observer", ["jordan"], True),
        ],
        "fewer than two complete lists",
    ),
    "PAR002": (
        [
            _list("a1", "guarantor", ["iran"], False),
            _list("a2", "guarantor", ["iran"], True),
            _list("b1", "observer", ["jordan"], True),
        ],
        "no partial list",
    ),
    "INS001": (
        [
            _signed("a1", "memo-a", date=dates("2017-05-04")),
            _signed("a2", "memo-a", date=dates("2017-05-04")),
            _signed("b1", "memo-b", date=dates("2017-05-04")),
        ],
        "fewer than two dates",
    ),
    "INS002": (
        [
            _signed("a1", "memo-a", event="round-a"),
            _signed("a2", "memo-a", event="round-a"),
            _signed("b1", "memo-b", action="welcomed", event="round-a"),
        ],
        "no signed/adopted/approved claim",
    ),
    "INS003": (
        [
            _signed("a1", "memo-a", parties=["iran", "russia"]),
            _signed("a2", "memo-a", parties=["iran", "russia"]),
            _signed("b1", "memo-b", parties=["iran"]),
        ],
        "fewer than two party lists",
    ),
    "PLN001": (
        [
            _date("plan", "round-a", "2017-02-15", modality="planned"),
            _date("kept", "round-a", "2017-02-15", document="doc-b"),
            _date("b1", "round-b", "2017-02-15"),
        ],
        "no plan",
    ),
    "PLN002": (
        [
            _date("plan", "round-a", "2017-02-15", modality="planned"),
            _date("b-plan", "round-b", "2017-02-15", modality="planned", document="doc-b"),
            _date("kept", "round-a", "2017-02-15", document="doc-b"),
        ],
        "no later report",
    ),
}
"""Rule code -> claims making one group it compares and one it skips, and why it skips it."""

NAMES = [entity("abdrakhmanov", "Kairat Abdrakhmanov", misspellings=["Kairat Addrakmanov"])]
NAME_CASES: dict[str, tuple[list[dict[str, Any]], str]] = {
    "NAM001": ([], "no registered name"),
    "NAM002": ([entity("abdrakhmanov", "Kairat Abdrakhmanov")], "no registered misspelling"),
}
"""The name rules compare every document's quotes with the registered names: they skip a
document only when there is nothing registered to compare with (the entities given)."""


def _stats(code: str, claims: list[ClaimRecord], **options: Any) -> RuleStats:
    return run_consistency(records(claims, **options), [RULE[code]])[1][code]


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_rule_counts_the_group_it_compares_and_the_one_it_skips(code: str) -> None:
    claims, reason = CASES[code]
    assert _stats(code, claims) == RuleStats(compared=1, skipped=((reason, 1),))


@pytest.mark.parametrize("code", sorted(NAME_CASES))
def test_a_name_rule_compares_every_document_unless_nothing_is_registered(code: str) -> None:
    claims = [
        claim("a1", "location", "round-a", {"place": "astana"}, quote="Kairat Addrakmanov"),
        claim("b1", "location", "round-a", {"place": "astana"}, document="doc-b"),
    ]
    assert _stats(code, claims, entities=NAMES) == RuleStats(compared=2)
    registered, reason = NAME_CASES[code]
    assert _stats(code, claims, entities=registered) == RuleStats(skipped=((reason, 2),))


def test_every_rule_and_every_engine_has_a_case() -> None:
    cases = set(CASES) | set(NAME_CASES)
    assert cases == set(RULE), "a declared rule without a case of what it compared"
    assert {RULE[code]["comparison"] for code in cases} == set(ENGINES)
    assert set(NEEDS) <= set(ENGINES), "needs of an engine that is gone"


def test_a_rule_without_claims_has_nothing_to_compare() -> None:
    assert _stats("DAT001", [_round("a", "round-a", 1)]) == RuleStats()


def _counting_engine(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    context.tally.compared()
    context.tally.skipped("values not comparable", 2)
    context.tally.skipped("one claim only", 2)
    yield from ()


def test_an_engine_that_counts_is_taken_at_its_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ENGINES, "temporal", _counting_engine)
    claims, _ = CASES["DAT001"]
    expected = (("one claim only", 2), ("values not comparable", 2))  # most, then by reason
    assert _stats("DAT001", claims) == RuleStats(compared=1, skipped=expected)


def test_an_engine_that_reports_nothing_is_shown_uncounted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(NEEDS, "round_ordinals")
    claims, _ = CASES["RND002"]
    assert _stats("RND002", claims) == UNCOUNTED and not UNCOUNTED.counted


def test_the_temporal_engine_counts_its_own_groups() -> None:
    """DAT001, DUR001, DUR002 and RND003 run on one engine, which has no row in NEEDS: what
    they compared is the reasoner's own count (the cases above)."""
    assert {RULE[code]["comparison"] for code in ("DAT001", "DUR001", "DUR002", "RND003")} == {
        "temporal"
    }
    assert "temporal" not in NEEDS


def test_chronology_compares_an_event_given_two_ordinals_without_dates() -> None:
    """Order alone contradicts an event that is round 1 and round 3 with another as round 2."""
    claims = [_round("a1", "round-a", 1), _round("b", "round-b", 2), _round("a3", "round-a", 3)]
    assert _stats("RND003", claims).compared == 1


def test_each_rule_gets_a_tally_of_its_own() -> None:
    """Rules run one after another on one context: none counts another's groups."""
    context = build_context(records(CASES["DAT001"][0]))
    first = run_rule(RULE["DAT001"], context).stats
    assert run_rule(RULE["DAT001"], context).stats == first == _stats("DAT001", CASES["DAT001"][0])


@pytest.mark.parametrize(("code", "example"), [(c, e) for c in sorted(RULE) for e in EXAMPLES])
def test_a_rule_that_finds_something_has_compared_something(
    code: str, example: str, tmp_path: Path
) -> None:
    """On every documented example: what a rule says it compared never contradicts what it
    found (a finding from a rule that compared nothing would show the counting is wrong)."""
    fixture = load_fixture(code, example)
    report = astana_facts.report(build_fixture_records(fixture, tmp_path / "records"))
    stats = report.rule_stats[code]
    assert stats.counted and stats.compared + stats.skipped_total >= 1
    if report.by_rule().get(code):
        assert stats.compared >= 1, stats
