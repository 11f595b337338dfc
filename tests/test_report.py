"""The consistency report: findings with their claims side by side, verdicts, --strict, -o,
byte-identical output and fingerprints that survive reformatting and reordering."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.pipeline.locate import locate
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run
from astana_facts.resources import bundled
from tests.conftest import REPO
from tests.factories import DOC_ID, TEXT, claims, claims_file, span, write

CLAIMS_FILE = Path("claims") / f"{DOC_ID}.json"


def _clashing_claims() -> list[dict[str, Any]]:
    claim_list = claims()
    claim_list.append(
        {
            "id": "sample-wrong-day",
            "kind": "event_date",
            "subject": "astana-round-4",
            "value": {
                "start": "2017-05-06",
                "end": "2017-05-06",
                "precision": "day",
                "stance": "day_within",
            },
            "attribution": {"type": "publisher"},
            "modality": "reported",
            "evidence": [span(TEXT, "May 4th")],
        }
    )
    return claim_list


@pytest.fixture
def clashing(records: Path) -> Path:
    """The sample folder with a date claim that clashes with the round's span."""
    _write_claims(records, _clashing_claims())
    return records


def _write_claims(root: Path, claim_list: list[dict[str, Any]]) -> None:
    write(
        root / CLAIMS_FILE,
        claims_file(claim_list),
    )


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def _adjudicate(
    root: Path,
    fingerprint: str,
    claim_ids: list[str],
    values: tuple[str, ...] = ("a value",),
    code: str = "DAT001",
) -> None:
    write(
        root / "adjudications.json",
        {
            "$schema": "../schemas/adjudications.schema.json",
            "adjudications": [
                {
                    "fingerprint": fingerprint,
                    "code": code,
                    "subject": "astana-round-4",
                    "values": list(values),
                    "claims": claim_ids,
                    "verdict": "claim_correct",
                    "correct_claims": ["sample-dates"],
                    "evidence": [{"url": "https://example.org/round-4", "quote": "3-4 May"}],
                    "rationale": "The round was held on 3-4 May.",
                }
            ],
        },
    )


def test_the_clean_sample_has_no_consistency_finding(records: Path) -> None:
    assert _report(records).findings == []
    assert _run("report", "--records", str(records)).exit_code == 0


def test_a_clash_is_reported_with_its_claims_side_by_side(clashing: Path) -> None:
    (finding,) = _report(clashing).findings
    assert finding.code == "DAT001" and finding.claims == ("sample-dates", "sample-wrong-day")
    assert finding.line is not None and finding.file is not None
    result = _run("report", "--records", str(clashing), "--exit-zero")
    assert result.exit_code == 0
    assert "sample-wrong-day" in result.output and "«May 4th»" in result.output
    assert (
        "day_within 2017-05-06 (day)" in result.output
        and "full_span 2017-05-03..2017-05-04" in result.output
    )


def test_report_fails_until_the_finding_is_adjudicated_and_then_shows_the_verdict(
    clashing: Path,
) -> None:
    failing = _run("report", "--records", str(clashing))
    assert failing.exit_code == 1 and "without an adjudication" in failing.output
    assert _run("report", "--strict", "--records", str(clashing)).exit_code == 1  # old alias
    assert _run("report", "--exit-zero", "--records", str(clashing)).exit_code == 0
    (finding,) = _report(clashing).findings
    assert finding.fingerprint is not None
    _adjudicate(clashing, finding.fingerprint, list(finding.claims), finding.conflict)
    passing = _run("report", "--records", str(clashing))
    assert passing.exit_code == 0, passing.output
    assert "verdict: claim_correct (correct: sample-dates)" in passing.output
    report = orjson.loads(_run("report", "--records", str(clashing), "--format", "json").output)
    (entry,) = report["findings"]
    assert (
        entry["verdict"]["verdict"] == "claim_correct"
        and entry["fingerprint"] == finding.fingerprint
    )
    assert report["summary"]["unadjudicated_errors"] == 0 and report["summary"]["by_rule"] == {
        "DAT001": 1
    }


def test_an_adjudication_that_matches_no_finding_is_reported(records: Path) -> None:
    _adjudicate(records, "0123456789abcdef", ["sample-dates"])
    (finding,) = _report(records).findings
    assert finding.code == "ADJ001" and finding.severity == "warning"
    assert (
        finding.file is not None
        and finding.file.endswith("adjudications.json")
        and finding.line == 4
    )


def test_the_json_report_keeps_the_validate_contract(clashing: Path) -> None:
    report = orjson.loads(_run("report", "--records", str(clashing), "--format", "json").stdout)
    (entry,) = report["findings"]
    assert set(entry) >= {
        "code",
        "severity",
        "message",
        "file",
        "line",
        "claims",
        "spans",
        "fingerprint",
        "subject",
        "conflict",
        "verdict",
        "values",
    }
    assert entry["name"] == "event-dates-clash"
    assert {span["exact"] for span in entry["spans"]} == {"May 3rd and 4th", "May 4th"}
    assert report["summary"]["documents"] == 1 and report["summary"]["claims"] == 7
    # What each rule compared: an object per declared rule, before the findings; the verdicts
    # on the claims after them.
    assert list(report)[-3:] == ["rule_stats", "findings", "verdicts"]
    stats = {rule["code"]: rule for rule in report["rule_stats"]}
    assert list(stats) == sorted(stats) and len(stats) == 18
    assert stats["DAT001"] == {
        "code": "DAT001",
        "name": "event-dates-clash",
        "compared": 1,
        "skipped": 0,
        "skipped_by_reason": [],
        "nothing_compared": False,
        "counted": True,
        "findings": 1,
    }
    assert all(
        set(rule)
        == {"code", "name", "compared", "skipped", "skipped_by_reason", "nothing_compared"}
        | {"counted", "findings"}
        for rule in report["rule_stats"]
    )


@pytest.mark.parametrize("output_format", ["text", "markdown", "json", "sarif"])
def test_output_is_byte_identical_and_fingerprints_survive_reformatting(
    clashing: Path, output_format: str
) -> None:
    first = _run("report", "--records", str(clashing), "--format", output_format).stdout
    assert _run("report", "--records", str(clashing), "--format", output_format).stdout == first
    before = [f.fingerprint for f in _report(clashing).findings]
    data = json.loads((clashing / CLAIMS_FILE).read_text(encoding="utf-8"))
    data["claims"].reverse()
    (clashing / CLAIMS_FILE).write_text(json.dumps(data, indent=7), encoding="utf-8")
    assert [f.fingerprint for f in _report(clashing).findings] == before


def test_output_file_is_written_and_a_bad_path_exits_2(clashing: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = _run(
        "report",
        "--records",
        str(clashing),
        "--exit-zero",
        "--format",
        "markdown",
        "-o",
        str(target),
    )
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Consistency report")
    bad = _run("report", "--records", str(clashing), "-o", str(tmp_path / "missing" / "report.md"))
    assert bad.exit_code == 2 and "cannot write" in bad.output and "Traceback" not in bad.output


def test_the_bundled_report_has_every_error_adjudicated() -> None:
    report = run(consistency=True)
    assert report.unadjudicated_errors() == []
    assert not [f for f in report.findings if f.code in {"ADJ001", "ADJ002"}]
    assert {"DAT001", "DUR001"} <= set(report.by_rule())


def test_the_bundled_report_says_what_each_rule_compared() -> None:
    """A line per declared rule after the summary; the rules with nothing to compare in the
    bundled data say so rather than pass in silence."""
    from astana_facts.render.report import render_report_text

    report = run(consistency=True)
    lines = render_report_text(report).splitlines()
    start = lines.index(
        "rules run (groups of claims each rule compared, and those it skipped, by reason):"
    )
    block = lines[start + 1 : lines.index("", start)]
    codes = sorted(str(rule["code"]) for rule in report.records.rules)
    assert [line.split()[0] for line in block] == codes
    assert "  NAM002 registered-misspelling: 5 groups compared, 2 findings" in block
    assert (
        "  PLN001 plan-missed: nothing to compare: 29 groups skipped "
        "(19 no plan, 10 no later report), 0 findings"
    ) in block
    assert all(
        line.endswith((" finding", " findings"))
        and ("nothing to compare" in line) == report.rule_stats[line.split()[0]].nothing_compared
        for line in block
    )


def test_the_readme_shows_the_bundled_report_s_head_as_it_is() -> None:
    """README calls its piece of the report real output: it is the head of the bundled report,
    to the end of its first finding (run ``astana-facts report`` and paste that much when the
    data or the rules change)."""
    from astana_facts.render.report import render_report_text

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("$ astana-facts report\n") + len("$ astana-facts report\n")
    shown = readme[start : readme.index("\n…\n```", start)]
    real = render_report_text(run(consistency=True))
    assert real.startswith(shown + "\n") and "\nDAT001 error" in shown


def test_fingerprints_survive_unrelated_claims(clashing: Path) -> None:
    before = [f.fingerprint for f in _report(clashing).findings]
    claim_list = _clashing_claims()
    extra = dict(claim_list[3], id="sample-other-round-reporters", subject="astana-process")
    _write_claims(clashing, [extra, *claim_list])
    assert [f.fingerprint for f in _report(clashing).findings] == before


def test_the_python_api_serves_the_report() -> None:
    import astana_facts

    report = astana_facts.report()
    assert report.claim_count > 100 and all(
        f.fingerprint in report.verdicts or f.fingerprint in report.resolutions
        for f in report.findings
        if f.severity == "error"
    )


def test_consistency_findings_open_where_their_first_claim_opens(tmp_path: Path) -> None:
    """Lines known while reading (canonical files) equal lines found by reading the files again,
    in the canonical layout and out of it."""
    root = tmp_path / "records"
    shutil.copytree(bundled("records"), root)
    reformatted = sorted((root / "claims").glob("*.json"))[0]
    reformatted.write_bytes(orjson.dumps(orjson.loads(reformatted.read_bytes())))
    consistency = [f for f in _report(root).findings if f.fingerprint is not None]
    assert consistency
    assert all(f.line is not None for f in consistency)
    forgotten = [dataclasses.replace(f, line=None, column=None) for f in consistency]
    assert locate(forgotten, root=root, known=lambda _file: {}) == consistency


def _report(path: Path) -> Result:
    """The pipeline with the consistency stage over ``path``."""
    return run(path, consistency=True)


def test_the_readme_counts_the_verdicts_as_they_are() -> None:
    """The data card's sentence on the verdicts holds the bundled report's counts."""
    import re

    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    found = re.search(
        r"Of the (\d+) standing claims, (\d+) are supported, (\d+) refuted, (\d+) plans kept, "
        r"(\d+) plans not kept and (\d+) have not enough evidence",
        readme,
    )
    assert found is not None
    result = run(consistency=True)
    labels = Counter(verdict.label for verdict in result.claim_verdicts.values())
    assert [int(number) for number in found.groups()] == [
        len(result.claim_verdicts),
        labels["supported"],
        labels["refuted"],
        labels["kept"],
        labels["not_kept"],
        labels["not_enough_evidence"],
    ]
