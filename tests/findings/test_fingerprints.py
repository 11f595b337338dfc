"""Every finding has a stable id that code scanning and GitLab track across commits: made of
what identifies the problem (code, file, place; a claim by its id), never of its line, column or
wording, which move with unrelated edits."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.findings.finding import Finding
from astana_facts.findings.fingerprints import (
    stable_fingerprint,
    unique_fingerprints,
    where_in_file,
)
from astana_facts.pipeline.run import run
from tests.factories import DOC_ID, build_records

SPN = Finding.of(
    "SPN001",
    "claim a, field evidence/0/exact: quote does not match",
    file="records/claims/doc.json",
    pointer="/claims/3/evidence/0/exact",
    line=40,
    column=11,
    claims=("a",),
)


def test_a_claims_place_is_named_by_its_id_not_its_index() -> None:
    assert where_in_file(SPN) == "claim:a/evidence/0/exact"
    moved = dataclasses.replace(SPN, pointer="/claims/4/evidence/0/exact")
    assert stable_fingerprint(moved) == stable_fingerprint(SPN)
    assert where_in_file(dataclasses.replace(SPN, pointer="/claims/3")) == "claim:a"
    other = Finding.of("SCH008", "m", file="records/entities.json", pointer="/entities/2/id")
    assert where_in_file(other) == "/entities/2/id"


@given(line=st.integers(1, 10**6), column=st.integers(1, 500), message=st.text(max_size=40))
def test_line_column_and_wording_never_change_the_fingerprint(
    line: int, column: int, message: str
) -> None:
    moved = dataclasses.replace(SPN, line=line, column=column, message=message)
    assert stable_fingerprint(moved) == stable_fingerprint(SPN)


def test_what_identifies_the_problem_changes_it() -> None:
    changes = [
        dataclasses.replace(SPN, code="SPN002"),
        dataclasses.replace(SPN, file="records/claims/other.json"),
        dataclasses.replace(SPN, pointer="/claims/3/evidence/1/exact"),
        dataclasses.replace(SPN, claims=("b",)),
    ]
    prints = {stable_fingerprint(finding) for finding in [SPN, *changes]}
    assert len(prints) == 5 and all(len(p) == 16 for p in prints)


def test_a_consistency_finding_keeps_its_own_fingerprint() -> None:
    finding = dataclasses.replace(SPN, code="DAT001", fingerprint="0123456789abcdef")
    assert stable_fingerprint(finding) == "0123456789abcdef"


def test_repeated_fingerprints_are_numbered_in_order() -> None:
    twin = dataclasses.replace(SPN, message="another problem at the same place")
    base = stable_fingerprint(SPN)
    assert unique_fingerprints([SPN, twin, SPN]) == [base, f"{base}:2", f"{base}:3"]


def test_a_claim_inserted_above_moves_the_line_not_the_fingerprint(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    path = root / "claims" / f"{DOC_ID}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"][-1]["evidence"][0]["exact"] += " (misquoted)"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (before,) = [f for f in run(root).findings if f.code == "SPN001"]
    first = dict(data["claims"][0], id="an-inserted-claim")
    data["claims"].insert(0, first)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (after,) = [f for f in run(root).findings if f.code == "SPN001"]
    assert after.line != before.line and after.pointer != before.pointer
    assert stable_fingerprint(after) == stable_fingerprint(before)
