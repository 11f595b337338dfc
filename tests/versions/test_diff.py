"""Dataset diffs name every change with its bump; release-check holds the version to them."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.resources import bundled
from astana_facts.versions.diff import diff_sides, schema_breaks
from astana_facts.versions.sides import open_side
from tests.conftest import REPO

KISI = "records/claims/kisi-eighth-round-results-2017-12.json"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data and release files."""
    for folder in ("records", "schemas", "validators"):
        shutil.copytree(bundled(folder), tmp_path / folder)
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _claim(data: Any, claim_id: str = "kisi-round-8-start") -> Any:
    return next(claim for claim in data["claims"] if claim["id"] == claim_id)


def _drop(data: Any, claim_id: str = "kisi-round-8-start") -> None:
    data["claims"].remove(_claim(data, claim_id))


def _diff(project: Path) -> Any:
    with open_side("bundled") as old, open_side(str(project)) as new:
        return diff_sides(old, new)


def test_identical_versions_need_no_bump(project: Path) -> None:
    assert _diff(project).bump == "none" and _diff(project).changes == []


def test_a_corrected_value_is_a_patch_naming_the_field(project: Path) -> None:
    _edit(project / KISI, lambda d: _claim(d)["value"].update(start="2017-12-21"))
    result = _diff(project)
    (change,) = result.changes
    assert (change.kind, change.change, change.bump) == ("claim", "changed", "patch")
    assert [(f.pointer, f.old, f.new) for f in change.fields] == [
        ("/value/start", "2017-12-20", "2017-12-21")
    ]


def test_an_added_claim_is_minor_and_a_removed_one_major(project: Path) -> None:
    _edit(project / KISI, lambda d: d["claims"].append(dict(_claim(d), id="kisi-new")))
    assert _diff(project).bump == "minor"
    _edit(project / KISI, _drop)
    result = _diff(project)
    assert result.bump == "major"
    assert {(c.id, c.change) for c in result.changes} == {
        ("kisi-new", "added"),
        ("kisi-round-8-start", "removed"),
    }


def _log_removal(project: Path, claim_id: str, *replacement: str) -> None:
    entry = {"id": claim_id, "version": "0.2.0", "reason": "Split in two.", "replacement": []}
    entry["replacement"] = list(replacement)
    (project / "records" / "removals.json").write_text(
        json.dumps({"$schema": "../schemas/removals.schema.json", "removals": [entry]}) + "\n",
        encoding="utf-8",
    )


def test_a_removed_claim_without_a_log_entry_is_named_as_disappearing(project: Path) -> None:
    _edit(project / KISI, _drop)
    (change,) = _diff(project).changes
    assert (change.change, change.bump) == ("removed", "major")
    assert "no entry in records/removals.json" in change.why


def test_a_removed_claim_with_a_log_entry_is_still_major_but_named(project: Path) -> None:
    _edit(project / KISI, _drop)
    _log_removal(project, "kisi-round-8-start", "kisi-round-8-final-plenary")
    (change,) = _diff(project).changes
    assert (change.change, change.bump) == ("removed", "major")
    assert change.why == (
        "a claim removed in 0.2.0: Split in two. (replaced by kisi-round-8-final-plenary)"
    )


def test_a_newly_deprecated_claim_is_minor_naming_its_replacement(project: Path) -> None:
    deprecation = {"reason": "Over-reads the quote.", "replaced_by": ["kisi-new"], "since": "0.2.0"}

    def deprecate(data: Any) -> None:
        data["claims"].append(dict(_claim(data), id="kisi-new"))
        _claim(data)["deprecated"] = deprecation

    _edit(project / KISI, deprecate)
    result = _diff(project)
    assert result.bump == "minor"
    by_id = {change.id: change for change in result.changes}
    assert (by_id["kisi-round-8-start"].change, by_id["kisi-round-8-start"].bump) == (
        "changed",
        "minor",
    )
    assert by_id["kisi-round-8-start"].why == (
        "claim deprecated: Over-reads the quote. (replaced by kisi-new)"
    )
    # A deprecated claim corrected later is a patch again, as any correction.
    with open_side(str(project)) as old:
        _edit(project / KISI, lambda d: _claim(d)["deprecated"].update(reason="Over-reads."))
        with open_side(str(project)) as new:
            assert diff_sides(old, new).bump == "patch"


def test_facts_are_diffed_like_claims(project: Path) -> None:
    facts = project / "records" / "facts.json"
    first = "fact-astana-round-1-dates"

    def correct(data: Any) -> None:
        data["facts"][0]["value"]["end"] = "2017-01-25"

    _edit(facts, correct)
    (change,) = _diff(project).changes
    assert (change.kind, change.id, change.change, change.bump) == (
        "fact",
        first,
        "changed",
        "patch",
    )
    _edit(facts, lambda d: d["facts"].append(dict(d["facts"][0], id="fact-new")))
    assert {(c.id, c.change) for c in _diff(project).changes} == {
        (first, "changed"),
        ("fact-new", "added"),
    }
    _edit(facts, lambda d: d["facts"].pop(0))
    assert _diff(project).bump == "major"


def test_rules_stricter_is_major_looser_minor_and_info_additions_minor(project: Path) -> None:
    rules = project / "validators" / "consistency.json"
    _edit(rules, lambda d: d["rules"][0].update(severity="warning"))
    assert _diff(project).bump == "minor"
    _edit(rules, lambda d: d["rules"].append(dict(d["rules"][1], code="ZZZ001", severity="info")))
    assert _diff(project).bump == "minor"
    _edit(rules, lambda d: d["rules"][-1].update(severity="error"))
    assert _diff(project).bump == "major"


def test_schema_changes_are_classified() -> None:
    old = {"$defs": {"A": {"type": "object", "properties": {"x": {"enum": ["a", "b"]}, "y": {}}}}}
    added = {
        "$defs": {
            "A": {
                "type": "object",
                "properties": {"x": {"enum": ["a", "b", "c"]}, "y": {}, "z": {}},
            }
        }
    }
    breaking, additions = schema_breaks(old, added)
    assert breaking == [] and len(additions) == 2
    removed = {
        "$defs": {"A": {"type": "object", "properties": {"x": {"enum": ["a"]}}, "required": ["x"]}}
    }
    breaking, _ = schema_breaks(old, removed)
    assert len(breaking) == 3  # y removed, x required, "b" no longer allowed


def test_the_diff_command_reads_folders_and_exits_2_for_a_bad_side(project: Path) -> None:
    _edit(project / KISI, _drop)
    result = CliRunner().invoke(
        cli, ["diff", str(bundled("records").parent), str(project), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["bump"] == "major"
    bad = CliRunner().invoke(cli, ["diff", "/no/such/folder", str(project)])
    assert bad.exit_code == 2 and "no such folder" in bad.output
    (project / KISI).write_text('{"claims": [1]}', encoding="utf-8")
    broken = CliRunner().invoke(cli, ["diff", "bundled", str(project)])
    assert broken.exit_code == 2 and "other than objects" in broken.output


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        check=True,
        capture_output=True,
    )


def _set_version(project: Path, version: str, changelog: bool = True) -> None:
    pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
    lines = [
        f'version = "{version}"' if line.startswith("version = ") else line
        for line in pyproject.splitlines()
    ]
    (project / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if changelog:
        text = (project / "CHANGELOG.md").read_text(encoding="utf-8")
        (project / "CHANGELOG.md").write_text(
            text + f"\n## [{version}] - 2026-12-01\n", encoding="utf-8"
        )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_release_check_holds_the_version_to_the_change(project: Path) -> None:
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "release")
    _git(project, "tag", "v0.1.0")
    runner = CliRunner()
    assert runner.invoke(cli, ["release-check", str(project)]).exit_code == 0  # 0.1.0 is tagged
    _edit(project / KISI, _drop)
    _set_version(project, "0.1.1")
    under = runner.invoke(cli, ["release-check", str(project)])
    assert under.exit_code == 1 and "need a major bump" in under.output
    assert "kisi-round-8-start" in under.output
    _set_version(project, "1.0.0", changelog=False)
    no_section = runner.invoke(cli, ["release-check", str(project)])
    assert no_section.exit_code == 1 and "no section '## [1.0.0]'" in no_section.output
    _set_version(project, "1.0.0")
    passing = runner.invoke(cli, ["release-check", str(project)])
    assert passing.exit_code == 0, passing.output
    assert "last release 0.1.0; bump needed: major; bump given: major" in passing.output


def _nest_deep(path: Path, levels: int) -> None:
    """The value of kisi-round-8-start becomes arrays nested ``levels`` deep (the JSON parser
    reads 1,024 levels; Python's recursion stops near 1,000)."""
    _edit(path, lambda d: _claim(d).update(value="DEEP"))
    text = path.read_text(encoding="utf-8").replace('"DEEP"', "[" * levels + "]" * levels, 1)
    path.write_text(text, encoding="utf-8")


def test_a_value_nested_deeper_than_records_allow_is_refused_with_its_code(project: Path) -> None:
    # diff reads records as strictly as validate: nesting no records file can be written back
    # with is SCH013 at its line and column, exit 2, never a RecursionError.
    _nest_deep(project / KISI, 1000)
    cli_result = CliRunner().invoke(cli, ["diff", "bundled", str(project / "records")])
    assert cli_result.exit_code == 2, cli_result.output
    assert "SCH013" in cli_result.stderr and Path(KISI).name in cli_result.stderr
    assert "internal error" not in cli_result.stderr


def test_a_value_nested_deeply_within_the_limit_is_diffed(project: Path) -> None:
    _nest_deep(project / KISI, 200)
    result = _diff(project)
    (change,) = result.changes
    assert (change.id, change.change, change.bump) == ("kisi-round-8-start", "changed", "patch")
    deep = next(f for f in change.fields if f.pointer.startswith("/value/0/0"))
    assert deep.pointer == "/value" + "/0" * 199 and (deep.old, deep.new) == (None, [])


def test_a_malformed_rule_is_diffed_not_crashed_on(project: Path) -> None:
    def spoil(data: Any) -> None:
        data["rules"][0]["severity"] = ["error"]
        data["rules"][0]["applies_to"] = "everything"
        data["rules"][1]["applies_to"] = {"kinds": [{"not": "a name"}, "event_date"]}

    _edit(project / "validators" / "consistency.json", spoil)
    result = _diff(project)
    assert {change.kind for change in result.changes} == {"rule"}
    assert all(change.change == "changed" for change in result.changes)


def test_exit_code_says_whether_the_sides_differ(project: Path) -> None:
    runner = CliRunner()
    same = runner.invoke(cli, ["diff", "bundled", str(project), "--exit-code"])
    assert same.exit_code == 0, same.output
    _edit(project / KISI, lambda d: _claim(d)["value"].update(start="2017-12-21"))
    for output_format in ("text", "json", "markdown"):
        differs = runner.invoke(
            cli, ["diff", "bundled", str(project), "--exit-code", "--format", output_format]
        )
        assert differs.exit_code == 1 and "kisi-round-8-start" in differs.stdout
    assert runner.invoke(cli, ["diff", "bundled", str(project)]).exit_code == 0


def test_a_records_folder_without_rules_beside_it_is_compared_with_the_rules_it_uses(
    tmp_path: Path,
) -> None:
    """A records folder copied out of its checkout is checked with the bundled rules and
    schemas, so compared with the bundled data it differs in nothing (not "16 rules
    removed")."""
    copy = tmp_path / "copy"
    shutil.copytree(bundled("records"), copy)
    result = CliRunner().invoke(cli, ["diff", str(copy), "bundled", "--exit-code"])
    assert result.exit_code == 0, result.output
    assert "with the bundled rules and schemas" in result.stdout
    assert "bump needed: none" in result.stdout
    with open_side(str(copy)) as side, open_side("bundled") as twin:
        assert side.rules.keys() == twin.rules.keys() and side.schemas.keys() == twin.schemas.keys()
        assert diff_sides(side, twin).changes == []


def test_rules_beside_the_records_are_still_the_ones_compared(project: Path) -> None:
    rules = project / "validators" / "consistency.json"
    _edit(rules, lambda d: d["rules"].pop())
    result = _diff(project)
    assert [(c.kind, c.change) for c in result.changes] == [("rule", "removed")]


def test_release_check_without_pyproject_says_where_to_run_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["release-check", str(tmp_path)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"{tmp_path} has no pyproject.toml" in result.stderr
    assert "astana-facts release-check PATH" in result.stderr and "Errno" not in result.stderr
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    unversioned = CliRunner().invoke(cli, ["release-check", str(tmp_path)])
    assert unversioned.exit_code == 2 and "has no [project] version" in unversioned.stderr
