"""The bundled corpus's verdicts: every claim has one; the errors the issue measured against the
reference are refuted or not kept, citing the fact; the two contradictions of the eighth round
are resolved by its facts (their adjudications replaced), so the report passes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import astana_facts
from astana_facts.pipeline.result import Result
from astana_facts.verdicts import LABELS


@pytest.fixture(scope="module")
def result() -> Result:
    return astana_facts.report()


def test_every_claim_has_a_verdict_with_a_reason(result: Result) -> None:
    standing = {i for i, record in result.claim_index.items() if not record.claim.get("deprecated")}
    assert set(result.claim_verdicts) == standing and len(standing) < len(result.claim_index)
    assert list(result.claim_verdicts) == sorted(result.claim_verdicts)
    assert all(v.label in LABELS and v.reason for v in result.claim_verdicts.values())


def test_the_errors_measured_against_the_reference_are_refuted_or_not_kept(result: Result) -> None:
    verdicts = result.claim_verdicts
    expected = {
        "kisi-round-8-start": ("refuted", "fact-astana-round-8-dates"),
        "kisi-round-8-final-plenary": ("refuted", "fact-astana-round-8-dates"),
        "kisi-unsc-meeting-date": ("refuted", "fact-unsc-meeting-2017-12-19-date"),
        "next-round-date-planned": ("not_kept", "fact-astana-round-9-dates"),
        "year-end-next-round": ("not_kept", "fact-astana-round-9-dates"),
        "prospects-geneva-planned": ("not_kept", "fact-geneva-round-4-start"),
    }
    for claim, (label, fact) in expected.items():
        assert (verdicts[claim].label, verdicts[claim].facts) == (label, (fact,)), claim
    assert "2017-12-19" in verdicts["kisi-unsc-meeting-date"].reason
    # Deprecated in the reconciliation (replaced by kisi-unsc-meeting-date): not judged.
    assert "kisi-resolution-2165-extended" not in verdicts


def test_no_claim_is_judged_by_its_own_document(result: Result) -> None:
    for verdict in result.claim_verdicts.values():
        url = result.records.sources[result.claim_index[verdict.claim].document].metadata["url"]
        for fact in verdict.facts:
            evidence = {source["url"] for source in result.fact_index[fact][0]["evidence"]}
            assert evidence != {url}, verdict


def test_the_eighth_rounds_contradictions_are_resolved_by_facts(result: Result) -> None:
    """DAT001, DUR001 and DAT002 are settled by the facts of the round's dates: in DAT002 the
    relative date ("the next day", judged against both days of the round) holds and the false
    first day is refuted; DAT002 also keeps its editors' adjudication."""
    errors = {f.code: f for f in result.findings if f.severity == "error"}
    assert set(errors) == {"DAT001", "DAT002", "DUR001"}
    for code in ("DAT001", "DUR001", "DAT002"):
        finding = errors[code]
        resolution = result.resolutions[finding.fingerprint or ""]
        assert set(resolution.holds) | set(resolution.refuted) == set(finding.conflict)
        assert "fact-astana-round-8-dates" in resolution.facts
    relative = result.claim_verdicts["kisi-round-8-plenary-next-day"]
    assert (relative.label, relative.facts) == ("supported", ("fact-astana-round-8-dates",))
    adjudicated = {adjudication["code"] for adjudication, _ in result.records.adjudications}
    assert adjudicated == {"DAT002"}
    assert result.unadjudicated_errors() == [] and result.exit_code == 0


def test_the_verdict_counts(result: Result) -> None:
    counts = Counter(v.label for v in result.claim_verdicts.values())
    assert counts["refuted"] == 4 and counts["not_kept"] == 4
    assert counts["supported"] >= 30 and counts["kept"] >= 8
    assert Counter(v.by for v in result.claim_verdicts.values())["editor"] == 8


def test_the_readme_lists_exactly_the_refuted_claims_and_plans_not_kept(result: Result) -> None:
    """README's table of refuted claims and plans not kept is the data's, each with its fact
    and the fact's public evidence."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| claim | says | label | fact | evidence |\n", 1)[1].split("\n\n")[0]
    listed = set()
    for row in table.splitlines()[1:]:
        claims, _, label, fact, evidence = row.strip("|").split("|")
        for claim in re.findall(r"`([a-z0-9-]+)`", claims):
            listed.add((claim, label.strip().replace(" ", "_")))
            assert re.search(r"`(fact-[a-z0-9-]+)`", fact)[1] in result.claim_verdicts[claim].facts  # type: ignore[index]
        assert "](https://" in evidence
    shown = {"refuted", "not_kept"}
    expected = {(v.claim, v.label) for v in result.claim_verdicts.values() if v.label in shown}
    assert listed == expected
