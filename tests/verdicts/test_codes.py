"""The codes of the verdict stage, which only ``report`` runs: FCT003 (facts that contradict
each other), VRD003 (a label the claim cannot have) and VRD005 (an editor's verdict on a claim
the engines judge); each fires at its file, line, record and field, and has a near miss that
does not fire."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from astana_facts import report
from astana_facts.findings.finding import Finding
from astana_facts.jsonio.positions import build_source_map
from tests.factories import build_records, facts, facts_file, write

VERDICT_CODES = {"FCT003", "VRD001", "VRD002", "VRD003", "VRD004", "VRD005"}


def _found(root: Path, code: str) -> list[Finding]:
    return [f for f in report(root).findings if f.code == code]


def _at(finding: Finding, root: Path, file: str, pointer: str) -> None:
    """``finding`` names ``file`` and ``pointer``, on the line the pointer opens on."""
    assert finding.file is not None and finding.file.endswith(file)
    assert finding.pointer == pointer
    located = build_source_map((root / file).read_bytes()).locate_key(pointer)
    assert located is not None and finding.line == located[0]


def _verdicts(root: Path, *entries: dict[str, Any]) -> None:
    write(root / "facts.json", facts_file())
    write(
        root / "verdicts.json",
        {"$schema": "../schemas/verdicts.schema.json", "verdicts": list(entries)},
    )


def _with_round_end(root: Path, day: str) -> None:
    """The facts of the sample, and a fact that round 4 ended on ``day``."""
    dated = facts()
    value = {"start": day, "end": day, "precision": "day", "stance": "end"}
    dated.append({**dated[0], "id": "fact-round-4-end", "value": value})
    write(root / "facts.json", facts_file(dated))


def test_fct003_names_the_facts_that_contradict_each_other(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _with_round_end(root, "2017-05-06")  # after the 3-4 May of fact-round-4-dates
    (found,) = _found(root, "FCT003")
    _at(found, root, "facts.json", "/facts/4/value")
    assert "fact fact-round-4-end, field value" in found.message
    assert "fact-round-4-dates" in found.message
    result = report(root)
    assert result.claim_verdicts["sample-dates"].label == "conflicting"
    assert result.exit_code == 1


def test_facts_that_hold_together_are_no_fct003(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _with_round_end(root, "2017-05-04")
    result = report(root)
    assert not [f for f in result.findings if f.code in VERDICT_CODES]
    assert result.claim_verdicts["sample-dates"].label == "supported"


def test_vrd003_a_statement_is_not_kept(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _verdicts(root, {"claim": "sample-statement", "label": "kept", "rationale": "r"})
    (found,) = _found(root, "VRD003")
    _at(found, root, "verdicts.json", "/verdicts/0/label")
    assert "claim sample-statement, field label" in found.message


def test_vrd005_a_claim_the_engines_judge_takes_a_fact_not_a_verdict(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _verdicts(
        root,
        {"claim": "sample-statement", "label": "supported", "rationale": "r"},
        {"claim": "sample-dates", "label": "refuted", "rationale": "r"},
    )
    (found,) = _found(root, "VRD005")
    _at(found, root, "verdicts.json", "/verdicts/1/claim")
    assert "claim sample-dates" in found.message
    assert report(root).claim_verdicts["sample-dates"].by == "engine"


def test_a_valid_editors_verdict_fires_nothing_and_is_the_claims_verdict(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _verdicts(
        root,
        {
            "claim": "sample-statement",
            "label": "not_enough_evidence",
            "facts": ["fact-round-4-dates"],
            "rationale": "no public source records what was said",
        },
    )
    result = report(root)
    assert not [f for f in result.findings if f.code in VERDICT_CODES]
    verdict = result.claim_verdicts["sample-statement"]
    assert verdict.by == "editor" and verdict.facts == ("fact-round-4-dates",)
    assert verdict.reason == "no public source records what was said"
