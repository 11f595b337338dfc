"""Verdicts apply to exactly what they judged: the dataset's two adjudications (as written before
the facts settled their findings) against a new document's new conflicting value, a further
claim of a judged value, and the report's exit code and ``--changed-since``."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from astana_facts.adjudication import adjudicate, judges_exactly
from astana_facts.cli.main import cli
from astana_facts.findings.finding import Finding
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run
from astana_facts.reading.records import Site
from astana_facts.resources import bundled

YEAR_END = Path("records/claims/year-end-talks-new-agreements-2017-12.json")
JUDGED = "year-end-round-8-day"
"""A date of the eighth round that both bundled adjudications judged correct."""


BEFORE_FACTS = Path(__file__).with_name("before_facts.json")
"""The two adjudications of the eighth round's dates as the editors wrote them before the facts
settled those findings (the facts replaced them in the bundled data): the adjudication
machinery is tested on them, in a copy of the dataset without its facts."""


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A copy of the bundled records and validators, without facts, with the two adjudications
    of :data:`BEFORE_FACTS`: every finding is settled by an adjudication or not at all."""
    shutil.copytree(bundled("records"), tmp_path / "records")
    shutil.copytree(bundled("validators"), tmp_path / "validators")
    (tmp_path / "records" / "facts.json").unlink()
    shutil.copy(BEFORE_FACTS, tmp_path / "records" / "adjudications.json")
    return tmp_path


def _add_date(root: Path, claim_id: str, day: str) -> None:
    """A further claim of the year-end article dating the eighth round (its quote is that of
    the claim already judged), ``day`` being a day within the round."""
    path = root / YEAR_END
    data = json.loads(path.read_text(encoding="utf-8"))
    (judged,) = [c for c in data["claims"] if c["id"] == JUDGED]
    extra: dict[str, Any] = json.loads(json.dumps(judged))
    extra["id"] = claim_id
    extra["value"] = dict(extra["value"], start=day, end=day)
    data["claims"].append(extra)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def _report(root: Path) -> Result:
    return run(root / "records", consistency=True)


def test_the_verdicts_judge_exactly_their_findings(dataset: Path) -> None:
    report = _report(dataset)
    judged = {f.code: f for f in report.findings if f.fingerprint in report.verdicts}
    assert set(judged) == {"DAT001", "DAT002", "DUR001"}
    assert all(judges_exactly(report.verdicts[f.fingerprint or ""], f) for f in judged.values())
    verdicts = {
        code: (
            report.verdicts[f.fingerprint or ""]["verdict"],
            set(f.claims),
            set(report.verdicts[f.fingerprint or ""]["correct_claims"]),
        )
        for code, f in judged.items()
    }
    assert verdicts == {  # as the editors decided on 2026-11-26, before the migration
        "DAT001": ("claim_correct", {"kisi-round-8-final-plenary", JUDGED}, {JUDGED}),
        "DUR001": (
            "claim_correct",
            {"kisi-round-8-start", JUDGED, "year-end-two-day-talks"},
            {"year-end-two-day-talks", JUDGED},
        ),
        "DAT002": (  # the relative date of the KISI article ("the next day"), 2026-11-28
            "claim_correct",
            {"kisi-round-8-plenary-next-day", "kisi-round-8-start", JUDGED},
            {"kisi-round-8-plenary-next-day", JUDGED},
        ),
    }


def test_a_new_conflicting_value_never_carries_an_existing_verdict(dataset: Path) -> None:
    before = _report(dataset)
    _add_date(dataset, "year-end-round-8-another-day", "2017-12-23")
    after = _report(dataset)
    carrying = [f for f in after.findings if "year-end-round-8-another-day" in f.claims]
    assert carrying and all(f.fingerprint not in after.verdicts for f in carrying)
    assert {f.fingerprint for f in carrying}.isdisjoint(before.verdicts)
    assert any(f.severity == "error" for f in carrying)
    assert set(after.unadjudicated_errors()) >= {f for f in carrying if f.severity == "error"}
    assert after.exit_code == 1
    assert CliRunner().invoke(cli, ["report", "--records", str(dataset / "records")]).exit_code == 1


def _change_date(root: Path, claim_id: str, day: str) -> None:
    """The claim ``claim_id`` of the year-end article now states ``day`` (a day within)."""
    path = root / YEAR_END
    data = json.loads(path.read_text(encoding="utf-8"))
    for claim in data["claims"]:
        if claim["id"] == claim_id:
            claim["value"] = dict(claim["value"], start=day, end=day)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def test_a_new_conflicting_value_leaves_the_judged_contradiction_judged(dataset: Path) -> None:
    """The temporal reasoner's findings are minimal contradictions: a new value makes new ones
    of its own, and the judged one, whose values and claims are unchanged, keeps its verdict."""
    before = _report(dataset)
    _add_date(dataset, "year-end-round-8-another-day", "2017-12-23")
    after = _report(dataset)
    judged = [f for f in after.findings if f.fingerprint in before.verdicts]
    assert {f.code for f in judged} == {"DAT001", "DAT002", "DUR001"}
    assert all(f.fingerprint in after.verdicts for f in judged)
    assert not [f for f in after.findings if f.code in ("ADJ001", "ADJ002")]


def test_a_verdict_whose_values_changed_is_stale_and_names_its_successor(dataset: Path) -> None:
    _change_date(dataset, JUDGED, "2017-12-23")
    after = _report(dataset)
    stale = [f for f in after.findings if f.code == "ADJ002"]
    assert stale and all(f.severity == "warning" for f in stale)
    (dates,) = [f for f in after.findings if f.code == "DAT001" and f.subject == "astana-round-8"]
    (named,) = [f for f in stale if "DAT001, astana-round-8" in f.message]
    assert f"finding {dates.fingerprint}, which took its place" in named.message
    assert "2017-12-23" in named.message and named.pointer == "/adjudications/0"
    assert not [f for f in after.findings if f.code == "ADJ001"]


def test_a_further_claim_of_a_judged_value_keeps_the_fingerprint_but_gets_no_verdict(
    dataset: Path,
) -> None:
    before = {f.code: f for f in _report(dataset).findings if f.code == "DAT001"}
    _add_date(dataset, "year-end-round-8-plenary-again", "2017-12-22")
    after = _report(dataset)
    (dates,) = [f for f in after.findings if f.code == "DAT001"]
    assert dates.fingerprint == before["DAT001"].fingerprint
    assert "year-end-round-8-plenary-again" in dates.claims
    assert dates.fingerprint not in after.verdicts and dates in after.unadjudicated_errors()
    (changed,) = [f for f in after.findings if f.code == "ADJ002" and "DAT001" in f.message]
    assert "not judged year-end-round-8-plenary-again" in changed.message


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "-C", str(root), *identity, *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_changed_since_calls_the_finding_of_a_new_value_new(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _git(dataset, "init", "-q")
    _git(dataset, "add", ".")
    _git(dataset, "commit", "-qm", "x")
    _add_date(dataset, "year-end-round-8-another-day", "2017-12-23")
    monkeypatch.chdir(dataset)
    scoped = CliRunner().invoke(
        cli, ["report", "--records", "records", "--changed-since", "HEAD", "--format", "json"]
    )
    assert scoped.exit_code == 1
    shown = json.loads(scoped.stdout)["findings"]
    assert "DAT001" in {f["code"] for f in shown}
    assert all(f["verdict"] is None for f in shown)
    assert all("year-end-round-8-another-day" in f["claims"] for f in shown if f["claims"])


def _finding(fingerprint: str, values: tuple[str, ...], claims: tuple[str, ...]) -> Finding:
    return Finding(
        code="DAT001",
        severity="error",
        message="m",
        claims=claims,
        fingerprint=fingerprint,
        subject="round",
        conflict=values,
    )


def _judged(fingerprint: str, values: list[str], claims: list[str]) -> tuple[dict[str, Any], Site]:
    adjudication = {
        "fingerprint": fingerprint,
        "code": "DAT001",
        "subject": "round",
        "values": values,
        "claims": claims,
        "verdict": "genuine_disagreement",
    }
    return adjudication, Site("adjudications.json", "/adjudications/0")


def test_a_verdict_applies_only_to_exactly_the_values_and_claims_it_judged() -> None:
    finding = _finding("f1", ("a", "b"), ("x", "y"))
    assert adjudicate([finding], [_judged("f1", ["b", "a"], ["y", "x"])]).verdicts == {
        "f1": _judged("f1", ["b", "a"], ["y", "x"])[0]
    }
    fewer_claims = adjudicate([finding], [_judged("f1", ["a", "b"], ["x"])])
    assert fewer_claims.verdicts == {} and [f.code for f in fewer_claims.stale] == ["ADJ002"]
    other_values = adjudicate([finding], [_judged("f1", ["a", "c"], ["x", "y"])])
    assert other_values.verdicts == {} and [f.code for f in other_values.stale] == ["ADJ002"]


def test_the_successor_shares_most_values_and_without_one_the_adjudication_is_gone() -> None:
    near = _finding("f2", ("a", "b", "c"), ("x", "y", "z"))
    far = _finding("f3", ("a", "d"), ("x", "w"))
    elsewhere = dataclasses.replace(_finding("f4", ("a", "b"), ("x", "y")), subject="other")
    (stale,) = adjudicate([far, near], [_judged("f1", ["a", "b"], ["x", "y"])]).stale
    assert stale.code == "ADJ002" and "finding f2, which took its place" in stale.message
    assert "new value(s) c; no longer in conflict none" in stale.message
    (gone,) = adjudicate([far, elsewhere], [_judged("f1", ["b"], ["y"])]).stale
    assert gone.code == "ADJ001"
