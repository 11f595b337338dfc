"""``report --format html -o DIR``: a folder is required and written all or nothing; a folder
holding anything this command did not write is never replaced."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.cli.site_output import SITE_MARKER


def _run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


def _html(records: Path, *output: str) -> click.testing.Result:
    return _run("report", "--records", str(records), "--format", "html", *output)


def test_the_site_is_written_to_the_folder_named(records: Path, tmp_path: Path) -> None:
    result = _html(records, "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert "index.html" in written and SITE_MARKER in written
    assert "written" in result.stderr and str(tmp_path / "site") in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records", "site"]  # no temporary


@pytest.mark.parametrize("output", [(), ("-o", "-")])
def test_without_a_folder_it_is_a_usage_error(records: Path, output: tuple[str, ...]) -> None:
    result = _html(records, *output)
    assert result.exit_code == 2
    assert "--format html writes a folder, not a stream: give -o DIR" in result.stderr


def test_a_folder_holding_other_files_is_never_replaced(records: Path, tmp_path: Path) -> None:
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious", encoding="utf-8")
    result = _html(records, "-o", str(mine))
    assert result.exit_code == 2
    assert "did not write" in result.stderr and str(mine) in result.stderr
    assert [p.name for p in mine.iterdir()] == ["thesis.txt"]


def test_a_site_written_before_is_replaced_whole(records: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert _html(records, "-o", str(site)).exit_code == 0
    (site / "finding-OLD001_1.html").write_text("stale", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _html(records, "-o", str(site)).exit_code == 0
    assert not (site / "finding-OLD001_1.html").exists() and (site / "index.html").exists()
    assert _html(records, "-o", str(empty)).exit_code == 0
    assert sorted(os.listdir(site)) == sorted(os.listdir(empty))


def test_a_file_is_not_a_folder_and_a_folder_not_a_file(records: Path, tmp_path: Path) -> None:
    file = tmp_path / "report.txt"
    file.write_text("old", encoding="utf-8")
    result = _html(records, "-o", str(file))
    assert result.exit_code == 2 and "is not a folder" in result.stderr
    assert file.read_text(encoding="utf-8") == "old"
    result = _run("report", "--records", str(records), "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a folder; --format text writes a file" in result.stderr


def test_a_failed_write_leaves_the_old_site_and_no_temporary(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    assert _html(records, "-o", str(site)).exit_code == 0
    before = {p.name: p.read_bytes() for p in site.iterdir()}

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    result = _html(records, "-o", str(site))
    monkeypatch.undo()
    assert result.exit_code == 2
    assert f"cannot write {site}: No space left on device" in result.stderr
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records", "site"]


def test_a_missing_extra_is_a_usage_error_naming_the_install(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from astana_facts.render import registry

    monkeypatch.setattr(registry, "find_spec", lambda name: None)
    result = _html(records, "-o", str(tmp_path / "site"))
    assert result.exit_code == 2 and "pip install 'astana-facts[html]'" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_link_is_not_replaced(records: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    result = _html(records, "-o", str(link))
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert link.is_symlink() and list(real.iterdir()) == []
