"""Facts are checked like claims: every problem is a coded finding naming the facts file, the
line, the fact id and the field; a valid facts file gives none; the valid facts are kept, with
their sites, for the verdict stage and the Python API; and bad facts stop every writer."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from astana_facts import validate
from astana_facts.api import load
from astana_facts.cli.main import cli
from astana_facts.findings.finding import Finding
from astana_facts.integrity.facts import check_facts
from astana_facts.jsonio.positions import build_source_map
from astana_facts.pipeline.run import run
from astana_facts.reading.records import Site
from tests.factories import build_records, facts, facts_file, write

Edit = Callable[[list[dict[str, Any]]], None]


def _set(pointer: str, value: Any) -> Edit:
    """An edit of the sample facts: the value at ``pointer`` (below ``/facts``) replaced."""

    def edit(fact_list: list[dict[str, Any]]) -> None:
        *parents, last = [int(t) if t.isdigit() else t for t in pointer.strip("/").split("/")]
        node: Any = fact_list
        for token in parents:
            node = node[token]
        node[last] = value

    return edit


def _folder(tmp_path: Path, edit: Edit | None = None) -> Path:
    root = build_records(tmp_path / "records")
    fact_list = facts()
    if edit is not None:
        edit(fact_list)
    write(root / "facts.json", facts_file(fact_list))
    return root


# (code, the edit that must fire it, the pointer, the fact id, an edit just short of firing it)
CASES: list[tuple[str, Edit, str, str, Edit]] = [
    (
        "REF002",
        _set("/2/subject", "astana-round-44"),
        "/facts/2/subject",
        "fact-round-4-reporters",
        _set("/2/subject", "memorandum"),
    ),
    (
        "REF002",
        _set("/1/value/place", "astanaa"),
        "/facts/1/value/place",
        "fact-round-4-place",
        _set("/1/value/place", "turkey"),
    ),
    (
        "VAL001",
        _set("/3/value/date/end", "2017-05-03"),
        "/facts/3/value/date/end",
        "fact-memorandum-signed",
        _set("/3/value/date/end", "2017-05-04"),
    ),
    (
        "VAL001",
        _set("/2/value/amount", {"bound": "range", "low": 400, "high": 301}),
        "/facts/2/value/amount/high",
        "fact-round-4-reporters",
        _set("/2/value/amount", {"bound": "range", "low": 301, "high": 301}),
    ),
    (
        "REF004",
        _set("/2/value/measure", "reporters"),
        "/facts/2/value/measure",
        "fact-round-4-reporters",
        _set("/2/value/measure", "foreign_journalists"),
    ),
    (
        "IDS004",
        _set("/1/id", "fact-round-4-dates"),
        "/facts/1/id",
        "fact-round-4-dates",
        _set("/1/id", "fact-round-4-dates-too"),
    ),
    (
        "SRC009",
        _set("/0/evidence/0/url", "https://mfa.gov.tr/no_-247_\u2026en.mfa"),
        "/facts/0/evidence/0/url",
        "fact-round-4-dates",
        _set("/0/evidence/0/url", "https://mfa.gov.tr/no_-247_%E2%80%A6en.mfa"),
    ),
    (
        "SRC009",
        _set("/3/evidence/0/archived_url", "https://web.archive.org/web/2017 x"),
        "/facts/3/evidence/0/archived_url",
        "fact-memorandum-signed",
        _set("/3/evidence/0/archived_url", "https://web.archive.org/web/2017/x"),
    ),
    (
        "SRC010",
        _set("/0/evidence/0/retrieved", "2999-01-01"),
        "/facts/0/evidence/0/retrieved",
        "fact-round-4-dates",
        _set("/0/evidence/0/retrieved", "2017-05-04"),
    ),
    (
        "SRC010",
        _set("/1/evidence/0/published", "2999-01-01"),
        "/facts/1/evidence/0/published",
        "fact-round-4-place",
        _set("/1/evidence/0/published", "2026-01-15"),
    ),
    (
        "FCT001",
        _set("/1", {**facts()[1], "kind": "plan", "value": {"description": "Meet again."}}),
        "/facts/1/kind",
        "fact-round-4-place",
        _set("/1", {**facts()[1], "kind": "location", "value": {"place": "astana"}}),
    ),
    (
        "FCT002",
        _set("/0/evidence/0/retrieved", "2017-05-03"),
        "/facts/0/evidence/0/retrieved",
        "fact-round-4-dates",
        _set("/0/evidence/0/retrieved", "2017-05-04"),
    ),
    (
        "SCH008",
        _set("/0/value/precision", "week"),
        "/facts/0/value/precision",
        "fact-round-4-dates",
        _set("/0/value/precision", "month"),
    ),
]


def _only(root: Path, code: str) -> list[Finding]:
    return [finding for finding in validate(root) if finding.code == code]


def test_the_sample_facts_give_no_finding(tmp_path: Path) -> None:
    assert validate(_folder(tmp_path)) == []


@pytest.mark.parametrize(
    ("code", "edit", "pointer", "fact_id", "near_miss"),
    CASES,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)],
)
def test_a_bad_fact_is_a_coded_finding_at_its_file_line_fact_and_field(
    tmp_path: Path, code: str, edit: Edit, pointer: str, fact_id: str, near_miss: Edit
) -> None:
    root = _folder(tmp_path / "bad", edit)
    (finding,) = _only(root, code)
    assert finding.file is not None and finding.file.endswith("records/facts.json")
    assert finding.pointer == pointer
    expected = build_source_map((root / "facts.json").read_bytes()).locate_key(pointer)
    assert expected is not None and finding.line == expected[0]
    assert f"fact {fact_id}, field " in finding.message
    field = pointer.split("/", 3)[3]
    assert f"field {field}:" in finding.message or f"field facts/{pointer[7:]}:" in (
        finding.message
    )
    assert validate(_folder(tmp_path / "near", near_miss)) == []


def test_a_fact_that_fails_its_model_leaves_the_other_facts_kept(tmp_path: Path) -> None:
    root = _folder(tmp_path, _set("/1/kind", "relation"))
    result = run(root)
    assert [f.code for f in result.findings] == ["FCT001"]
    assert [fact["id"] for fact, _ in result.facts] == [
        "fact-round-4-dates",
        "fact-round-4-reporters",
        "fact-memorandum-signed",
    ]
    assert [site.pointer for _, site in result.facts] == ["/facts/0", "/facts/2", "/facts/3"]


def test_a_kind_that_is_no_claim_kind_is_a_schema_violation_not_fct001(tmp_path: Path) -> None:
    root = _folder(tmp_path, _set("/1/kind", "rumour"))
    assert [f.code for f in validate(root)] == ["SCH008"]


def test_the_facts_are_kept_as_plain_data_with_their_sites(tmp_path: Path) -> None:
    result = run(_folder(tmp_path))
    fact, site = result.facts[0]
    assert fact["value"]["start"] == dt.date(2017, 5, 3)
    assert fact["evidence"][0]["retrieved"] == dt.date(2026, 1, 15)
    assert site.file.endswith("records/facts.json") and site.pointer == "/facts/0"
    assert result.records.facts is result.facts
    assert result.fact_index["fact-round-4-place"] == result.facts[1]


def test_the_api_serves_typed_facts(tmp_path: Path) -> None:
    dataset = load(_folder(tmp_path))
    assert [fact.id for fact in dataset.facts] == [fact["id"] for fact in facts()]
    dates = dataset.fact("fact-round-4-dates")
    assert dates.kind == "event_date" and dates.value.end == dt.date(2017, 5, 4)
    assert [f.id for f in dataset.facts_about("astana-round-4", "location")] == [
        "fact-round-4-place"
    ]
    with pytest.raises(KeyError):
        dataset.fact("fact-nowhere")


def test_a_folder_without_facts_json_has_no_facts_and_no_finding(records: Path) -> None:
    result = run(records)
    assert result.facts == [] and result.findings == []


def test_facts_are_not_checked_against_a_broken_entities_file(tmp_path: Path) -> None:
    root = _folder(tmp_path, _set("/1/value/place", "nowhere"))
    (root / "entities.json").write_text("{", encoding="utf-8")
    assert "REF002" not in {finding.code for finding in validate(root)}


def test_a_broken_facts_file_is_one_finding(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "facts.json").write_bytes(b'{"facts": [,]}')
    (finding,) = validate(root)
    assert finding.code == "SCH001" and finding.file is not None


def test_records_with_a_bad_fact_are_not_exported(tmp_path: Path) -> None:
    root = _folder(tmp_path, _set("/0/evidence/0/url", "https://example.org/a b"))
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["export", "--records", str(root), "--format", "jsonl", "-o", str(target)]
    )
    assert result.exit_code == 1
    assert not target.exists()


def test_check_facts_reads_the_day_it_is_given() -> None:
    fact = copy.deepcopy(facts()[0])
    fact["evidence"][0]["retrieved"] = dt.date(2026, 1, 15)
    fact["evidence"][0]["published"] = dt.date(2017, 5, 4)
    fact["value"]["start"], fact["value"]["end"] = dt.date(2017, 5, 3), dt.date(2017, 5, 4)
    site = Site("facts.json", "/facts/0")
    before = check_facts([(fact, site)], entity_ids=None, measures=None, today=dt.date(2026, 1, 14))
    assert [f.code for f in before] == ["SRC010"]
    assert (
        check_facts([(fact, site)], entity_ids=None, measures=None, today=dt.date(2026, 1, 15))
        == []
    )


def test_a_failing_fact_with_a_malformed_id_is_not_named_by_it(tmp_path: Path) -> None:
    root = _folder(tmp_path, _set("/1", {**facts()[1], "id": "\x1b[31mred", "kind": "plan"}))
    findings = validate(root)
    assert [f.code for f in findings] == ["FCT001"]
    assert "\x1b" not in findings[0].message and findings[0].pointer == "/facts/1/kind"
