"""Deprecated claims stay records but no rule, verdict or coverage counts them; the removal log
(``records/removals.json``) is optional and checked against the claims (IDS005-IDS007 fire in
tests/integrity/test_codes.py; here the near misses and where a deprecated claim is left out)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import astana_facts
from astana_facts import validate
from astana_facts.api import check
from tests.factories import build_records, claims, facts_file, write

DEPRECATION = {"reason": "Read more than the quote says.", "replaced_by": [], "since": "0.2.0"}


def _with_clash(deprecated: bool) -> list[dict[str, Any]]:
    """The sample claims and a second dating of round 4 that clashes with the first."""
    found = claims()
    clash = copy.deepcopy(found[1])
    clash.update(id="sample-dates-misread")
    clash["value"].update(start="2017-05-04", end="2017-05-05")
    if deprecated:
        clash["deprecated"] = dict(DEPRECATION, replaced_by=["sample-dates"])
    return [*found, clash]


def _errors(root: Path) -> list[str]:
    return [f"{f.code} {f.message}" for f in check(root).findings if f.severity == "error"]


def test_a_deprecation_and_a_removal_that_hold_give_no_finding(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records", claim_list=_with_clash(deprecated=True))
    removal = {"id": "sample-old", "version": "0.2.0", "reason": "Renamed.", "replacement": []}
    removal["replacement"] = ["sample-dates", "sample-memorandum"]
    write(
        root / "removals.json",
        {"$schema": "../schemas/removals.schema.json", "removals": [removal]},
    )
    assert validate(root) == []


def test_a_deprecated_claim_is_left_out_of_the_consistency_rules(tmp_path: Path) -> None:
    clashing = build_records(tmp_path / "clash", claim_list=_with_clash(deprecated=False))
    assert any(line.startswith("DAT001") for line in _errors(clashing))  # the rule does fire
    deprecated = build_records(tmp_path / "deprecated", claim_list=_with_clash(deprecated=True))
    assert _errors(deprecated) == []


def test_a_deprecated_claim_has_no_verdict(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records", claim_list=_with_clash(deprecated=True))
    write(root / "facts.json", facts_file())
    verdicts = check(root).claim_verdicts
    assert "sample-dates" in verdicts and "sample-dates-misread" not in verdicts
    dataset = astana_facts.load(root)
    assert dataset.claim("sample-dates-misread").verdict is None


def test_a_deprecated_claim_covers_no_sentence(tmp_path: Path) -> None:
    found = claims()
    found[5]["deprecated"] = DEPRECATION  # the only claim on the statement's sentence
    root = build_records(tmp_path / "records", claim_list=found)
    uncovered = [f for f in validate(root, coverage=True) if f.code == "COV001"]
    assert len(uncovered) == 1 and "Kairat Abdrakhmanov said" in uncovered[0].message
    assert [f.code for f in validate(build_records(tmp_path / "kept"), coverage=True)] == []


def test_the_report_says_how_many_claims_are_deprecated_and_not_judged(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records", claim_list=_with_clash(deprecated=True))
    write(root / "facts.json", facts_file())
    from astana_facts.render.verdicts import verdict_summary_lines

    (first, *_) = verdict_summary_lines(check(root))
    assert "6 of 7 claim(s) judged against" in first and "1 deprecated, not judged" in first


def test_a_bad_removal_log_is_a_schema_finding_naming_the_file(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    bad = {"id": "sample-old", "version": "next", "reason": "Renamed.", "replacement": []}
    write(root / "removals.json", {"$schema": "../schemas/removals.schema.json", "removals": [bad]})
    (finding,) = validate(root)
    assert finding.code == "SCH008" and finding.file is not None
    assert finding.file.endswith("removals.json") and finding.pointer == "/removals/0/version"


@settings(max_examples=25)
@given(chosen=st.sets(st.integers(min_value=0, max_value=6)))
def test_no_finding_or_verdict_ever_names_a_deprecated_claim(
    tmp_path_factory: pytest.TempPathFactory, chosen: set[int]
) -> None:
    found = _with_clash(deprecated=False)
    for index in chosen:
        found[index]["deprecated"] = DEPRECATION
    root = build_records(tmp_path_factory.mktemp("records"), claim_list=found)
    write(root / "facts.json", facts_file())
    result = check(root)
    gone = {found[index]["id"] for index in chosen}
    assert result.claim_count == len(found)
    assert not [f for f in result.findings if gone & set(f.claims)]
    assert set(result.claim_verdicts) == {claim["id"] for claim in found} - gone
