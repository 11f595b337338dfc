"""The records folder itself: a folder with no claims file warns (SCH014), and nothing in the
folder (a link loop, a dangling link) breaks the walk."""

from __future__ import annotations

from pathlib import Path

from astana_facts import validate
from astana_facts.integrity.layout import check_layout
from tests.factories import DOC_ID, build_records


def test_a_folder_with_claims_files_has_no_layout_finding(tmp_path: Path) -> None:
    assert list(check_layout(build_records(tmp_path / "records"))) == []


def test_a_folder_without_claims_files_warns_that_nothing_was_checked(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "claims" / f"{DOC_ID}.json").unlink()
    (root / "claims" / "notes.txt").write_text("not claims\n")
    findings = [f for f in validate(root) if f.code == "SCH014"]
    assert [(f.severity, f.file) for f in findings] == [("warning", str(root))]
    assert "no claims file" in findings[0].message


def test_a_folder_without_a_claims_folder_warns_too(tmp_path: Path) -> None:
    root = tmp_path / "records"
    (root / "sources").mkdir(parents=True)
    assert [f.code for f in check_layout(root)] == ["SCH014"]


def test_links_that_lead_nowhere_do_not_break_the_walk(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "claims" / "a").symlink_to(root / "claims" / "b")
    (root / "claims" / "b").symlink_to(root / "claims" / "a")
    (root / "dangling").symlink_to(root / "nowhere")
    codes = sorted((f.code, Path(f.file or "").name) for f in check_layout(root))
    assert codes == [("SCH009", "a"), ("SCH009", "b"), ("SCH009", "dangling")]


def test_a_claims_folder_that_is_a_link_to_a_folder_inside_has_claims(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "claims").rename(root / "annotations")
    (root / "claims").symlink_to(root / "annotations", target_is_directory=True)
    assert "SCH014" not in [f.code for f in check_layout(root)]


def test_every_records_file_the_layout_knows_is_read_and_formatted(tmp_path: Path) -> None:
    """One list (``RECORDS_FILES``) names the single files: each is known to the layout check,
    read by validate (broken JSON in it is SCH001, not SCH009) and formatted by fmt."""
    from astana_facts.reading.listing import RECORDS_FILES
    from astana_facts.tools.fmt import records_files

    root = build_records(tmp_path)
    for name in RECORDS_FILES:
        (root / name).write_text("{", encoding="utf-8")
    findings = validate(root)
    broken = {f.file.rsplit("/", 1)[-1] for f in findings if f.code == "SCH001" and f.file}
    assert broken >= set(RECORDS_FILES)
    assert not [f for f in findings if f.code == "SCH009"]
    assert {path.name for path in records_files(root)} >= set(RECORDS_FILES)
