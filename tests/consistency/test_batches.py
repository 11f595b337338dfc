"""Rules run in batches that share their groups: every rule once, the same findings."""

from __future__ import annotations

from astana_facts.consistency import rule_batches, run_consistency, run_rules
from astana_facts.consistency.context import build_context, recipe
from tests.consistency.builders import RULES, claim, dates, records

ROUND = "astana-round-8"


def test_each_rule_is_in_exactly_one_batch_in_code_order() -> None:
    batches = rule_batches(RULES)
    codes = [str(rule["code"]) for batch in batches for rule in batch]
    assert sorted(codes) == sorted(str(rule["code"]) for rule in RULES)
    assert len(codes) == len(set(codes))
    for batch in batches:
        assert [rule["code"] for rule in batch] == sorted(rule["code"] for rule in batch)


def test_a_batch_holds_the_rules_of_one_recipe_and_no_recipe_is_split() -> None:
    batches = rule_batches(RULES)
    recipes = [{recipe(rule) for rule in batch} for batch in batches]
    assert all(len(found) == 1 for found in recipes)
    assert len({next(iter(found)) for found in recipes}) == len(batches)
    assert any(len(batch) > 1 for batch in batches)  # (the declared rules share recipes)


def test_batches_find_what_the_rules_find_one_by_one() -> None:
    span = claim("a", "event_date", ROUND, dates("2017-12-20", "2017-12-21"))
    day = claim("b", "event_date", ROUND, dates("2017-12-22", stance="day_within"), document="d")
    data = records([span, day])
    context = build_context(data)
    batched = [run for batch in rule_batches(RULES) for run in run_rules(batch, context)]
    findings, stats = run_consistency(data, RULES)
    assert sorted(f.code for run in batched for f in run.findings) == sorted(
        f.code for f in findings
    )
    assert {run.code: run.stats for run in batched} == stats
