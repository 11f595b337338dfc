"""Which records folder a command works on: ``--records``, else the checkout's ``records/``
found from the working directory, else the bundled data, which an installed package keeps
read-only. The folder checked is named first; a missing one exits 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from astana_facts import resources
from astana_facts.cli.main import cli
from astana_facts.resources import DataFolderNotFound, checkout_records
from tests.factories import DOC_ID, build_records, claims, claims_file, write


def _run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


def _break_a_quote(root: Path) -> None:
    claim_list = claims()
    claim_list[1]["evidence"][0]["exact"] = "May 3rd and 5th"
    write(root / "claims" / f"{DOC_ID}.json", claims_file(claim_list))


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed package (a clean dataset inside site-packages/astana_facts) that
    ``bundled`` and ``is_installed_data`` point at."""
    package = tmp_path / "site-packages" / "astana_facts"
    build_records(package / "records")
    (package / "schemas").mkdir()
    monkeypatch.setattr(resources, "package_folder", lambda: package)
    monkeypatch.setattr(resources, "bundled", lambda name: package / name)
    return package


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout whose records/ has a broken quote, as the working directory."""
    root = tmp_path / "checkout"
    _break_a_quote(build_records(root / "records"))
    monkeypatch.chdir(root)
    return root


def test_validate_in_a_checkout_checks_its_records_not_the_installed_copy(
    installed: Path, checkout: Path
) -> None:
    result = _run("validate")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == "records: records"
    assert "SPN001" in result.stdout and "records/claims/sample-doc.json" in result.stdout


def test_the_checkout_is_found_from_a_subfolder(installed: Path, checkout: Path) -> None:
    (checkout / "docs").mkdir()
    assert checkout_records(checkout / "docs") == checkout / "records"
    assert "SPN001" in _run("report", "--exit-zero", "--format", "json").stdout


def test_a_records_folder_without_the_layout_is_not_a_checkout(tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "notes.txt").write_text("x", encoding="utf-8")
    assert checkout_records(tmp_path) != tmp_path / "records"
    build_records(tmp_path / "records")
    assert checkout_records(tmp_path) == tmp_path / "records"


def test_outside_a_checkout_the_bundled_dataset_is_used_and_named(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(installed.parent)  # site-packages: no records/ here or above
    result = _run("validate")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("records: bundled dataset (astana-facts ")
    assert str(installed / "records") in result.output.splitlines()[0]


def test_machine_formats_do_not_carry_the_records_line(installed: Path, checkout: Path) -> None:
    for output_format in ("json", "github", "sarif"):
        assert "records:" not in _run("validate", "--format", output_format).output.split("\n")[0]


@pytest.mark.parametrize(
    "command",
    [
        ["fmt"],
        ["add-source", "article.txt", "--id", "new-doc", "--title", "T", "--published", "2018"],
        ["schemas"],
    ],
)
def test_writing_into_the_installed_bundled_data_exits_2_and_says_what_to_do(
    installed: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(installed.parent)
    (installed.parent / "article.txt").write_text("A text.\n", encoding="utf-8")
    before = sorted(path.name for path in installed.rglob("*"))
    result = _run(*command)
    assert result.exit_code == 2, result.output
    assert "read-only" in result.output and "copy it" in result.output
    assert sorted(path.name for path in installed.rglob("*")) == before


def test_checking_the_installed_data_is_allowed(installed: Path, tmp_path: Path) -> None:
    assert _run("fmt", "--check", "--records", str(installed / "records")).exit_code == 0


def test_a_checkout_copy_of_the_data_is_writable(installed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / "records"
    shutil.copytree(installed / "records", copy)
    assert _run("fmt", "--records", str(copy)).exit_code == 0


def test_a_missing_bundled_records_folder_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(resources, "bundled", lambda name: tmp_path / "gone" / name)
    missing = _run("validate")
    assert missing.exit_code == 2 and "not found" in missing.output

    def absent(name: str) -> Path:
        raise DataFolderNotFound(f"the bundled {name}/ folder is missing from the installation")

    monkeypatch.setattr(resources, "bundled", absent)
    result = _run("stats")
    assert result.exit_code == 2 and "missing from the installation" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["validate", "report", "fmt", "stats", "export"])
def test_every_command_takes_records_as_an_option_and_no_positional_folder(
    command: str, records: Path
) -> None:
    assert _run(command, str(records)).exit_code == 2  # the old spelling is a usage error
    assert _run(command, "--records", str(records / "missing")).exit_code == 2


# A folder that is not a records folder is a usage error (exit 2) naming the layout expected;
# a records folder with nothing in it passes with a warning, as ruff does when it finds no file.

READING_COMMANDS = [
    ("validate",),
    ("report", "--strict"),
    ("stats",),
    ("export", "-o", "-"),
    ("fmt", "--check"),
    ("fmt",),
    ("locate", DOC_ID, "May"),
]


def _wrong_folders(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty"
    empty.mkdir()
    unrelated = tmp_path / "unrelated"
    (unrelated / "src").mkdir(parents=True)
    (unrelated / "README.md").write_text("hello\n", encoding="utf-8")
    checkout = tmp_path / "checkout"
    build_records(checkout / "records")
    return {"empty": empty, "unrelated": unrelated, "checkout root": checkout}


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_folder_that_is_not_a_records_folder_is_a_usage_error(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    for name, folder in _wrong_folders(tmp_path).items():
        result = _run(command[0], "--records", str(folder), *command[1:])
        assert result.exit_code == 2, (name, result.output)
        assert "is not a records folder" in result.stderr, name
        assert "sources/" in result.stderr and "claims/" in result.stderr, name
        assert result.stdout == "", name
        if name == "checkout root":
            assert f"did you mean --records {folder / 'records'}?" in result.stderr


def test_an_empty_records_layout_passes_with_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "records"
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    result = _run("validate", "--records", str(root))
    assert result.exit_code == 0 and "SCH014 warning" in result.stdout
    exported = _run("export", "--records", str(root), "-o", "-")
    assert exported.exit_code == 0 and exported.stdout == ""
    assert "holds no claims; the export is empty" in exported.stderr


def test_add_source_starts_a_records_folder_in_an_empty_one(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("Talks were held in Astana.\n", encoding="utf-8")
    root = tmp_path / "new"
    root.mkdir()
    result = _run(
        "add-source", str(tmp_path / "article.txt"), "--id", "new-doc", "--title", "T",
        "--published", "2018", "--records", str(root),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (root / "claims" / "new-doc.json").is_file()


@pytest.mark.parametrize(
    ("document_id", "said"),
    [("a" * 121, "is 121 characters long; an id has at most 120"), ("Bad_Id", "lower-case")],
)
def test_add_source_refuses_an_id_the_models_refuse_naming_the_option(
    tmp_path: Path, document_id: str, said: str
) -> None:
    (tmp_path / "article.txt").write_text("Talks were held in Astana.\n", encoding="utf-8")
    root = build_records(tmp_path / "records")
    before = sorted(path.name for path in root.rglob("*"))
    result = _run(
        "add-source", str(tmp_path / "article.txt"), "--id", document_id, "--title", "T",
        "--published", "2018", "--records", str(root),
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "--id" in result.stderr and said in result.stderr
    assert "internal error" not in result.output
    assert sorted(path.name for path in root.rglob("*")) == before


def test_add_source_takes_an_id_of_the_longest_length(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("Talks were held in Astana.\n", encoding="utf-8")
    root = build_records(tmp_path / "records")
    result = _run(
        "add-source", str(tmp_path / "article.txt"), "--id", "a" * 120, "--title", "T",
        "--published", "2018", "--records", str(root),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _run("validate", "--records", str(root)).exit_code == 0
