"""The command line: exit codes, formats, help, and no tracebacks."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click
import orjson
import pytest
from click.testing import CliRunner

from astana_facts import __version__
from astana_facts.cli.main import COMMANDS, cli, load_command
from tests.factories import DOC_ID, TEXT, claims, write

CLAIMS_FILE = Path("claims") / f"{DOC_ID}.json"


def _run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


def _break_a_quote(root: Path) -> None:
    claim_list = claims()
    claim_list[1]["evidence"][0]["exact"] = "May 3rd and 5th"
    write(
        root / CLAIMS_FILE,
        {"$schema": "../../schemas/claims.schema.json", "document": DOC_ID, "claims": claim_list},
    )


def test_validate_exits_0_on_clean_records(records: Path) -> None:
    result = _run("validate", "--records", str(records))
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_validate_exits_1_and_names_file_line_claim_and_field(records: Path) -> None:
    _break_a_quote(records)
    result = _run("validate", "--records", str(records))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"records: {records}"  # which folder, first
    line = result.stdout.splitlines()[0]
    assert f"{CLAIMS_FILE.as_posix()}:" in line
    assert "SPN001" in line and "claim sample-dates" in line and "evidence/0/exact" in line


def test_validate_exits_2_for_a_missing_folder(tmp_path: Path) -> None:
    result = _run("validate", "--records", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "not found" in result.output


def test_validate_json_is_the_documented_contract(records: Path) -> None:
    _break_a_quote(records)
    result = _run("validate", "--records", str(records), "--format", "json")
    report = orjson.loads(result.output)
    assert report["tool"] == "astana-facts" and report["tool_version"] == __version__
    (finding,) = report["findings"]
    assert finding["code"] == "SPN001" and finding["claims"] == ["sample-dates"]
    assert finding["line"] > 1 and finding["file"].endswith(CLAIMS_FILE.as_posix())


def test_validate_github_format_annotates_the_line(records: Path) -> None:
    _break_a_quote(records)
    result = _run("validate", "--records", str(records), "--format", "github")
    (line,) = result.output.splitlines()
    assert line.startswith("::error file=") and ",title=SPN001::" in line
    assert ",line=" in line and ",col=" in line


def test_validate_output_is_deterministic(records: Path) -> None:
    _break_a_quote(records)
    assert (
        _run("validate", "--records", str(records), "--format", "json").output
        == _run("validate", "--records", str(records), "--format", "json").output
    )


def test_validate_on_the_bundled_dataset_passes() -> None:
    result = _run("validate")
    assert result.exit_code == 0, result.output


def test_locate_prints_a_span(records: Path) -> None:
    result = _run("locate", DOC_ID, "May 3rd and 4th", "--records", str(records))
    assert result.exit_code == 0
    span = orjson.loads(result.output)
    assert TEXT[span["start"] : span["end"]] == "May 3rd and 4th"
    assert TEXT[: span["start"]].endswith(span["prefix"])
    assert TEXT[span["end"] :].startswith(span["suffix"])


def test_locate_says_when_a_quote_is_absent_or_repeated(records: Path) -> None:
    absent = _run("locate", DOC_ID, "Geneva", "--records", str(records))
    assert absent.exit_code == 1 and "not found" in absent.output
    repeated = _run("locate", DOC_ID, "talks", "--records", str(records))
    assert repeated.exit_code == 1 and "occurs 4 times" in repeated.output
    picked = _run("locate", DOC_ID, "talks", "--prefix", "two-day ", "--records", str(records))
    assert picked.exit_code == 0


def test_locate_an_unknown_document_exits_2(records: Path) -> None:
    assert _run("locate", "nope", "x", "--records", str(records)).exit_code == 2


def test_fmt_check_fails_on_a_non_canonical_file_and_fmt_fixes_it(records: Path) -> None:
    path = records / "entities.json"
    path.write_bytes(orjson.dumps(orjson.loads(path.read_bytes())))
    check = _run("fmt", "--check", "--records", str(records))
    assert check.exit_code == 1 and "would reformat" in check.output
    assert _run("fmt", "--records", str(records)).exit_code == 0
    assert _run("fmt", "--check", "--records", str(records)).exit_code == 0


def test_fmt_fills_offsets_from_quotes(records: Path) -> None:
    claim_list = claims()
    claim_list[0]["evidence"] = [{"exact": "The fourth round"}]
    write(
        records / CLAIMS_FILE,
        {"$schema": "../../schemas/claims.schema.json", "document": DOC_ID, "claims": claim_list},
    )
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 0 and "1 span(s) filled in" in result.output
    assert _run("validate", "--records", str(records)).exit_code == 0


def test_fmt_failure_exits_1_and_says_nothing_changed(records: Path) -> None:
    claim_list = claims()
    claim_list[0]["evidence"] = [{"exact": "not there"}]
    write(
        records / CLAIMS_FILE,
        {"$schema": "../../schemas/claims.schema.json", "document": DOC_ID, "claims": claim_list},
    )
    before = (records / CLAIMS_FILE).read_bytes()
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 1 and "no file was changed" in result.output
    assert (records / CLAIMS_FILE).read_bytes() == before


def test_schemas_check_passes_on_the_committed_schemas() -> None:
    result = _run("schemas", "--check")
    assert result.exit_code == 0, result.output


def test_schemas_writes_a_folder_and_check_catches_a_stale_file(tmp_path: Path) -> None:
    from astana_facts.reading.compiled import COMPILED

    compiled_before = COMPILED.stat().st_mtime_ns
    assert _run("schemas", str(tmp_path)).exit_code == 0
    (tmp_path / "claims.schema.json").write_text("{}")
    result = _run("schemas", "--check", str(tmp_path))
    assert result.exit_code == 1 and "claims.schema.json" in result.output
    # A folder named on the command line gets the schemas only; the checkout's compiled
    # validators are left alone.
    assert COMPILED.stat().st_mtime_ns == compiled_before


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_an_example(name: str) -> None:
    command = load_command(name)
    assert command.help and "Example" in command.help
    result = _run(name, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    from tests.conftest import REPO

    assert f"astana-facts {name}" in (REPO / "README.md").read_text(encoding="utf-8")


def _validate_failing_with(
    error: Exception,
    records: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    """What ``astana-facts validate`` says on standard error when the pipeline raises
    ``error`` (it must exit 2)."""
    import sys

    from astana_facts.cli import main as main_module

    def fail(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr("astana_facts.pipeline.run.run", fail)
    monkeypatch.setattr(sys, "argv", ["astana-facts", "validate", "--records", str(records)])
    with pytest.raises(SystemExit) as exit_info:
        main_module.main()
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_an_unexpected_error_exits_2_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], records: Path
) -> None:
    said = _validate_failing_with(RuntimeError("boom"), records, monkeypatch, capsys)
    assert "internal error: RuntimeError: boom" in said
    assert "Traceback" not in said


@pytest.mark.parametrize(
    ("error", "named"),
    [
        (BrokenProcessPool("a worker process ended abruptly"), "a worker process ended abruptly"),
        (MemoryError(), "out of memory"),
    ],
)
def test_a_dead_worker_or_no_memory_is_named_not_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    records: Path,
    error: Exception,
    named: str,
) -> None:
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "2")
    said = _validate_failing_with(error, records, monkeypatch, capsys)
    assert f"astana-facts: {named}: run it again, with ASTANA_FACTS_JOBS=1" in said
    assert "internal error" not in said and "Traceback" not in said


def test_out_of_memory_in_one_process_does_not_suggest_one_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], records: Path
) -> None:
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "1")
    said = _validate_failing_with(MemoryError(), records, monkeypatch, capsys)
    assert "astana-facts: out of memory: run it again, with more memory free" in said
    assert "ASTANA_FACTS_JOBS" not in said


def test_fmt_fills_the_spans_of_not_check_worthy_entries(records: Path) -> None:
    data = orjson.loads((records / CLAIMS_FILE).read_bytes())
    data["not_check_worthy"][0]["evidence"] = [{"exact": "Sample talks"}]
    (records / CLAIMS_FILE).write_bytes(orjson.dumps(data))
    assert _run("fmt", "--records", str(records)).exit_code == 0
    (span,) = orjson.loads((records / CLAIMS_FILE).read_bytes())["not_check_worthy"][0]["evidence"]
    assert (span["start"], span["end"]) == (0, len("Sample talks"))
    assert _run("validate", "--coverage", "--records", str(records)).exit_code == 0


def test_validate_coverage_reports_an_unlisted_sentence_as_a_warning(records: Path) -> None:
    data = orjson.loads((records / CLAIMS_FILE).read_bytes())
    data["not_check_worthy"] = []
    (records / CLAIMS_FILE).write_bytes(orjson.dumps(data))
    result = _run("validate", "--coverage", "--records", str(records))
    assert result.exit_code == 0
    assert "COV001" in result.output and "“Sample talks”" in result.output
    assert "COV001" not in _run("validate", "--records", str(records)).output


def test_stats_counts_sentences_claims_and_entities(records: Path) -> None:
    result = _run("stats", "--records", str(records), "--format", "json")
    assert result.exit_code == 0, result.output
    (document,) = orjson.loads(result.output)["documents"]
    assert document["document"] == DOC_ID
    assert document["covered"] == document["sentences"] == 5
    assert document["claims"] == 6 and document["kinds"]["count"] == 1
    assert "kairat-abdrakhmanov" in document["entities"] and document["not_check_worthy"] == 1
    text = _run("stats", "--records", str(records)).output
    assert "5/5 covered (100%)" in text
    markdown = _run("stats", "--records", str(records), "--format", "markdown").stdout
    assert markdown.startswith("| document |")
