"""SARIF for code scanning: a partial fingerprint on every result, a help text per rule that
lands on the rule's section of docs/rules.md, and the other claims and quoted spans of a finding
as related locations at their exact places; valid SARIF 2.1.0, columns in code points."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import jsonschema
import orjson
import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run
from astana_facts.reading.records import Site, SourceRecord
from astana_facts.render import links
from astana_facts.render.links import RULES_DOC, heading_anchor, rule_help_uri, rule_section
from astana_facts.render.report import render_report_sarif
from astana_facts.render.sarif_locations import Sites
from astana_facts.resources import bundled
from tests.conftest import REPO
from tests.render.broken import broken_records

SARIF_SCHEMA = orjson.loads((REPO / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_bytes())


@pytest.fixture(scope="module")
def report() -> Result:
    return run(bundled("records"), consistency=True)


@pytest.fixture(scope="module")
def log(report: Result) -> Any:
    data = orjson.loads(render_report_sarif(report))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
    return data


def test_every_result_has_a_partial_fingerprint_unique_in_its_run(log: Any, tmp_path: Path) -> None:
    broken = CliRunner().invoke(
        cli,
        ["report", "--records", str(broken_records(tmp_path)), "--format", "sarif", "--exit-zero"],
    )
    for data in (log, orjson.loads(broken.stdout)):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
        results = data["runs"][0]["results"]
        prints = [result["partialFingerprints"]["astanaFactsFinding/v1"] for result in results]
        assert results and len(prints) == len(set(prints))
    codes = {result["ruleId"] for result in orjson.loads(broken.stdout)["runs"][0]["results"]}
    assert "REF002" in codes  # an integrity finding among them


def _headings(markdown: str) -> set[str]:
    return {heading_anchor(m[1]) for m in re.finditer(r"^#+ (.+)$", markdown, re.MULTILINE)}


def test_every_rule_names_its_section_of_the_rules_doc_and_no_unpublished_address(
    log: Any,
) -> None:
    anchors = _headings((REPO / "docs" / "rules.md").read_text(encoding="utf-8"))
    tool = log["runs"][0]["tool"]["driver"]
    rules = tool["rules"]
    assert len(rules) == len({rule["id"] for rule in rules}) > 40
    for rule in rules:
        section = re.search(r"More: `astana-facts rules (\S+)`, or (\S+)\.$", rule["help"]["text"])
        assert section is not None and section[1] == rule["id"], rule["id"]
        page, anchor = urldefrag(section[2])
        assert page == RULES_DOC and anchor in anchors, rule["id"]
        assert anchor.startswith(rule["id"].lower() + "-")
        assert "helpUri" not in rule  # (no public repository: SARIF's helpUri is optional)
    assert "informationUri" not in tool
    assert rule_section("SCH001", "invalid-json") == "docs/rules.md#sch001-invalid-json"


def test_a_help_uri_is_absolute_once_a_repository_is_declared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert rule_help_uri("DAT001", "event-dates-clash") is None
    monkeypatch.setattr(links, "REPOSITORY_URL", "https://example.org/astana-facts")
    assert rule_help_uri("DAT001", "event-dates-clash") == (
        "https://example.org/astana-facts/blob/main/docs/rules.md#dat001-event-dates-clash"
    )


def test_a_heading_anchor_is_the_one_github_makes() -> None:
    assert heading_anchor("When a source text changes (SPN007, `fmt --reanchor`)") == (
        "when-a-source-text-changes-spn007-fmt---reanchor"
    )


def _text(uri: str) -> str:
    return (Path(uri.removeprefix("file://"))).read_text(encoding="utf-8")


def _slice(text: str, region: dict[str, int]) -> str:
    """The text a region covers, its columns counted in code points."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: region["startLine"] - 1])
    end = sum(len(line) + 1 for line in lines[: region["endLine"] - 1])
    return text[start + region["startColumn"] - 1 : end + region["endColumn"] - 1]


def test_related_locations_place_each_quote_and_each_other_claim(report: Result, log: Any) -> None:
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    (dat,) = [r for r in run_["results"] if r["ruleId"] == "DAT001"]
    related = dat["relatedLocations"]
    assert [location["id"] for location in related] == list(range(len(related)))
    claims = [loc for loc in related if loc["message"]["text"].startswith("claim ")]
    quotes = [loc for loc in related if "snippet" in loc["physicalLocation"].get("region", {})]
    assert len(claims) + len(quotes) == len(related)
    primary = dat["locations"][0]["physicalLocation"]
    for location in claims:
        claim_id = location["message"]["text"].removeprefix("claim ")
        record = report.claim_index[claim_id]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].endswith(record.file)
        assert physical["region"]["startLine"] == record.line
        assert physical != primary  # the result's own claim is not repeated
    assert {loc["message"]["text"] for loc in claims} == {"claim year-end-round-8-day"}
    assert len(quotes) == 2
    checked = 0
    for result in run_["results"]:
        for location in result.get("relatedLocations", []):
            region = location["physicalLocation"].get("region", {})
            if "snippet" in region:
                text = _text(location["physicalLocation"]["artifactLocation"]["uri"])
                assert _slice(text, region) == region["snippet"]["text"]
                checked += 1
    assert checked >= 5


def test_a_position_counts_lines_and_code_points(tmp_path: Path) -> None:
    text = "first line\nsecond 😀 line\n\nlast"
    source = SourceRecord({}, text, Site("s.json", ""), "s.txt")
    sites = Sites(sources={"doc": source})
    assert sites.text_position("doc", 0) == (1, 1)
    assert sites.text_position("doc", text.index("line", 11)) == (2, 10)
    assert sites.text_position("doc", text.index("last")) == (4, 1)
    assert sites.text_position("doc", len(text)) == (4, 5)
    assert sites.text_position("doc", len(text) + 1) is None
    assert sites.text_position("other", 0) is None


def test_validate_sarif_places_an_integrity_findings_quote(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(bundled("records"), root)
    path = next((root / "claims").glob("klein-*.json"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('May 3rd and 4th in Astana"', 'May 3rd and 5th in Astana"', 1))
    result = CliRunner().invoke(cli, ["validate", "--records", str(root), "--format", "sarif"])
    assert result.exit_code == 1
    data = orjson.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
    (spn,) = [r for r in data["runs"][0]["results"] if r["ruleId"] == "SPN001"]
    assert spn["partialFingerprints"]["astanaFactsFinding/v1"]
    (quote,) = spn["relatedLocations"]
    region = quote["physicalLocation"]["region"]
    # the snippet is what the text holds at the span's offsets, not the misquote
    assert region["snippet"]["text"] == "met again on May 3rd and 4th in Astana"
    assert quote["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")
