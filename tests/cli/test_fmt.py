"""``astana-facts fmt --reanchor`` and the suggestions of ``fmt`` for a quote not found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import orjson
import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli
from tests.factories import DOC_ID, TEXT, claims, write

CLAIMS_FILE = Path("claims") / f"{DOC_ID}.json"


def _run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


def _correct_text(root: Path, text: str) -> None:
    (root / "sources" / f"{DOC_ID}.txt").write_bytes(text.encode("utf-8"))


def test_reanchor_moves_the_spans_updates_the_checksum_and_exits_0(records: Path) -> None:
    _correct_text(records, "A correction.\n" + TEXT)
    result = _run("fmt", "--reanchor", "--records", str(records))
    assert result.exit_code == 0, result.output
    assert f"re-anchored 7 span(s) in {records / CLAIMS_FILE}" in result.stdout
    assert f"updated sha256 in {records / 'sources' / DOC_ID}.json" in result.stdout
    assert _run("validate", "--records", str(records)).exit_code == 0


def test_reanchor_lists_an_orphan_and_exits_1(records: Path) -> None:
    _correct_text(records, "A correction.\n" + TEXT.replace("May 3rd and 4th", "May 3rd and 5th"))
    result = _run("fmt", "--reanchor", "--records", str(records))
    assert result.exit_code == 1
    assert "SPN001 claim sample-dates, field claims/1/evidence/0/exact" in result.stderr
    assert "nearest: “May 3rd and 5th”" in result.stderr
    assert "6 span(s) re-anchored, 1 orphan(s) left as they were, 0 checksum(s)" in result.stdout
    validated = _run("validate", "--records", str(records))
    assert "SPN007" in validated.stdout and "(0 can be re-anchored, 1 quote(s)" in validated.stdout


def test_reanchor_check_says_what_would_move_writes_nothing_and_exits_1(records: Path) -> None:
    _correct_text(records, "A correction.\n" + TEXT)
    before = (records / CLAIMS_FILE).read_bytes()
    result = _run("fmt", "--reanchor", "--check", "--records", str(records))
    assert result.exit_code == 1
    assert "would re-anchor 7 span(s)" in result.stdout
    assert (records / CLAIMS_FILE).read_bytes() == before


def test_reanchor_on_a_clean_folder_changes_nothing(records: Path) -> None:
    result = _run("fmt", "--reanchor", "--check", "--records", str(records))
    assert result.exit_code == 0, result.output


def test_fmt_suggests_the_passage_a_quote_differs_from_only_in_lookalikes(records: Path) -> None:
    claim_list = claims()
    claim_list[1]["evidence"] = [{"exact": "May 3rd and 4th in \u0410stana"}]  # Cyrillic А
    data = orjson.loads((records / CLAIMS_FILE).read_bytes())
    write(records / CLAIMS_FILE, dict(data, claims=claim_list))
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 1
    at = TEXT.index("May 3rd and 4th in Astana")
    assert f"did you mean “May 3rd and 4th in Astana” at {at}-{at + 25}" in result.stderr


def test_reanchor_writes_nothing_when_the_formatting_would_fail(records: Path) -> None:
    _correct_text(records, "A correction.\n" + TEXT)
    claim_list = claims()
    claim_list[0]["evidence"].append({"exact": "a quote found nowhere"})
    data = orjson.loads((records / CLAIMS_FILE).read_bytes())
    write(records / CLAIMS_FILE, dict(data, claims=claim_list))
    before = {path: path.read_bytes() for path in records.rglob("*.json")}
    result = _run("fmt", "--reanchor", "--records", str(records))
    assert result.exit_code == 1 and "no file was changed" in result.stderr
    assert {path: path.read_bytes() for path in records.rglob("*.json")} == before


def test_plain_fmt_does_not_pass_spans_a_corrected_text_left_behind(records: Path) -> None:
    _correct_text(records, "A correction.\n" + TEXT)
    for args in (["fmt", "--check"], ["fmt"]):
        result = _run(*args, "--records", str(records))
        assert result.exit_code == 1
        assert "7 span(s) of 1 document(s) no longer match their source text" in result.stderr
        assert "run `astana-facts fmt --reanchor`" in result.stderr


def test_plain_fmt_writes_nothing_while_spans_are_stale(records: Path) -> None:
    # Exit 1 from fmt means no file changed: a file that needs reformatting stays as it is.
    _correct_text(records, "A correction.\n" + TEXT)
    claims_file = records / CLAIMS_FILE
    data = orjson.loads(claims_file.read_bytes())
    claims_file.write_bytes(orjson.dumps(data))  # valid, but not the canonical layout
    before = claims_file.read_bytes()
    result = _run("fmt", "--records", str(records))
    assert result.exit_code == 1
    assert "no file was changed" in result.stderr
    assert claims_file.read_bytes() == before


def test_plain_fmt_reads_each_file_once(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stale spans are found in the formatting pass itself, not by reading everything first."""
    from astana_facts.tools import fmt, reanchor

    reads: list[Path] = []
    from astana_facts.jsonio.reader import read_json as real

    def counting(path: Path, **options: Any) -> Any:
        reads.append(path)
        return real(path, **options)

    for module in (fmt, reanchor):
        monkeypatch.setattr(module, "read_json", counting)
    _correct_text(records, "A correction.\n" + TEXT)
    assert _run("fmt", "--records", str(records)).exit_code == 1
    claims_files = [path for path in reads if path.parent.name == "claims"]
    assert claims_files == [records / CLAIMS_FILE]
