"""SPN007: the span failures caused by a changed text, said once under the change."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest

from astana_facts import report, validate
from astana_facts.findings.finding import Finding
from tests.factories import DOC_ID, TEXT, build_records, claims, metadata, write

SPAN_CODES = {"SPN001", "SPN002", "SPN005", "SPN006"}
SPANS = len(claims()) + 1  # the claims' spans and the headline's


def _changed(root: Path, text: str) -> None:
    (root / "sources" / f"{DOC_ID}.txt").write_bytes(text.encode("utf-8"))


def _codes(findings: list[Finding]) -> list[str]:
    return sorted(finding.code for finding in findings)


def test_an_inserted_sentence_gives_one_summary_not_a_finding_per_span(records: Path) -> None:
    _changed(records, "A correction.\n" + TEXT)
    findings = validate(records)
    assert _codes(findings) == ["SPN007", "SRC001"]
    (summary,) = [finding for finding in findings if finding.code == "SPN007"]
    assert summary.severity == "error"
    assert summary.message == (
        f"document {DOC_ID}: {SPANS} span(s) in 1 claims file(s) no longer match its changed "
        f"text ({SPANS} can be re-anchored, 0 quote(s) no longer occur); run "
        "`astana-facts fmt --reanchor`"
    )
    assert summary.file is not None and summary.file.endswith(f"sources/{DOC_ID}.json")
    assert summary.pointer == "/sha256" and summary.line is not None
    assert set(summary.claims) == {claim["id"] for claim in claims()}
    assert len(summary.spans) == SPANS


def test_the_summary_counts_the_quotes_that_no_longer_occur(records: Path) -> None:
    _changed(records, "A correction.\n" + TEXT.replace("May 3rd and 4th", "May 3rd and 5th"))
    (summary,) = [finding for finding in validate(records) if finding.code == "SPN007"]
    assert f"({SPANS - 1} can be re-anchored, 1 quote(s) no longer occur)" in summary.message


def test_with_a_matching_checksum_every_span_failure_stays_its_own_finding(
    tmp_path: Path,
) -> None:
    text = "A correction.\n" + TEXT
    root = build_records(tmp_path / "records", meta=metadata(text))
    _changed(root, text)
    findings = validate(root)
    assert "SPN007" not in _codes(findings)
    assert len([f for f in findings if f.code in SPAN_CODES]) >= SPANS


def test_a_span_failure_that_does_not_depend_on_the_text_is_not_folded(tmp_path: Path) -> None:
    claim_list = claims()
    claim_list[0]["evidence"][0]["end"] = claim_list[0]["evidence"][0]["start"]
    root = build_records(tmp_path / "records", claim_list=claim_list)
    _changed(root, "A correction.\n" + TEXT)
    codes = _codes(validate(root))
    assert "SPN004" in codes and codes.count("SPN007") == 1


def test_report_says_it_once_too(records: Path) -> None:
    _changed(records, "A correction.\n" + TEXT)
    codes = _codes(list(report(records).findings))
    assert codes.count("SPN007") == 1 and not SPAN_CODES & set(codes)


def claims_file_of(root: Path) -> dict[str, object]:
    """The sample claims file, with its claims renamed so that their ids stay unique."""
    data = orjson.loads((root / "claims" / f"{DOC_ID}.json").read_bytes())
    for claim in data["claims"]:
        claim["id"] = f"second-{claim['id']}"
    return dict(data)


def test_workers_give_the_same_summary_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_records(tmp_path / "records")
    other = dict(claims_file_of(root), document=DOC_ID)
    write(root / "claims" / "second.json", other)
    _changed(root, "A correction.\n" + TEXT)
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "1")
    alone = validate(root)
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "2")
    assert validate(root) == alone
    (summary,) = [finding for finding in alone if finding.code == "SPN007"]
    assert f"{2 * SPANS} span(s) in 2 claims file(s)" in summary.message


def test_the_checksum_of_the_sample_is_what_the_text_hashes_to(records: Path) -> None:
    # The premise of the cases above: the sample's checksum matches until the text changes.
    data = metadata(TEXT)
    assert data["sha256"] == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert validate(records) == []
