"""Every rule's documented examples, run: the records of its ``fires`` example must fire it, the
records of its ``near_miss`` example must not.

The examples in ``validators/*.json`` are prose for readers; ``fixtures/<CODE>/`` holds the same
examples as records (see :mod:`tests.consistency.rule_examples`), with the prose copied word for
word, so the documentation is executable. They run through the public pipeline
(:func:`astana_facts.report`), as a user's folder would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import astana_facts
from tests.consistency.rule_examples import (
    EXAMPLES,
    FIXTURES,
    build_fixture_records,
    declared_rules,
    fixture_path,
    load_fixture,
)

RULES = declared_rules()
CASES = [(code, example) for code in sorted(RULES) for example in EXAMPLES]
THREE_CLAIMS = [
    code
    for code in sorted(RULES)
    if RULES[code]["example"].get("three_claims")
    and not RULES[code]["example"]["three_claims"].startswith("None:")
]
"""Rules with a contradiction that only three claims make (a prose that starts "None:" says why
the rule has none), run as fixtures ``fixtures/<CODE>/three_claims.json``."""


def test_every_rule_has_a_fixture_for_each_example_and_every_fixture_a_rule() -> None:
    missing = [
        str(fixture_path(code, example).relative_to(FIXTURES))
        for code, example in CASES
        if not fixture_path(code, example).is_file()
    ]
    assert missing == [], "rules without executable examples"
    orphans = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
    assert [code for code in orphans if code not in RULES] == [], "fixtures of no rule"


@pytest.mark.parametrize(("code", "example"), CASES, ids=[f"{c}-{e}" for c, e in CASES])
def test_the_example_fixture_states_the_rules_prose(code: str, example: str) -> None:
    fixture = load_fixture(code, example)
    assert fixture["example"] == RULES[code]["example"][example]
    # A near miss is near: it holds claims the rule compares.
    kinds = set(RULES[code]["applies_to"]["kinds"])
    assert {claim["kind"] for claim in fixture["claims"]} & kinds
    if example == "fires":
        ids = {claim["id"] for claim in fixture["claims"]}
        assert set(fixture["finding_claims"]) <= ids


@pytest.mark.parametrize(("code", "example"), CASES, ids=[f"{c}-{e}" for c, e in CASES])
def test_the_rule_fires_on_its_example_and_not_on_its_near_miss(
    code: str, example: str, tmp_path: Path
) -> None:
    fixture = load_fixture(code, example)
    report = astana_facts.report(build_fixture_records(fixture, tmp_path / "records"))
    # The fixture is a valid records folder: every finding is a consistency finding.
    assert [f for f in report.findings if f.code not in RULES] == []
    found = [finding for finding in report.findings if finding.code == code]
    if example == "near_miss":
        assert found == [], [finding.message for finding in found]
        # What the prose says happens instead ("the plan was kept (PLN002)").
        also = set(fixture.get("also_fires", []))
        assert also <= {finding.code for finding in report.findings}
        return
    assert found, f"{code} did not fire on its example"
    assert {finding.severity for finding in found} == {RULES[code]["severity"]}
    named = {claim for finding in found for claim in finding.claims}
    assert named == set(fixture["finding_claims"])


def test_the_temporal_rules_document_a_three_claim_contradiction() -> None:
    temporal = sorted(code for code, rule in RULES.items() if rule["comparison"] == "temporal")
    assert temporal and all(RULES[code]["example"].get("three_claims") for code in temporal)
    assert THREE_CLAIMS, "no rule shows a three-claim contradiction"


@pytest.mark.parametrize("code", THREE_CLAIMS)
def test_the_three_claim_example_fires_and_no_pair_of_it_does(code: str, tmp_path: Path) -> None:
    fixture = load_fixture(code, "three_claims")
    assert fixture["example"] == RULES[code]["example"]["three_claims"]
    claims = fixture["claims"]
    assert len(claims) == 3 and set(fixture["finding_claims"]) == {c["id"] for c in claims}
    report = astana_facts.report(build_fixture_records(fixture, tmp_path / "all"))
    (finding,) = [f for f in report.findings if f.code == code]
    assert set(finding.claims) == set(fixture["finding_claims"])
    for dropped in claims:
        pair = {**fixture, "claims": [c for c in claims if c is not dropped]}
        folder = build_fixture_records(pair, tmp_path / dropped["id"])
        assert astana_facts.report(folder).findings == [], f"without {dropped['id']}"
