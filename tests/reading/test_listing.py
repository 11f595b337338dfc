"""Listing a folder of a records folder: everything named like a records file, whatever it is;
a missing folder is empty, a folder that cannot be listed says so."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from astana_facts.reading.folder import RecordsReader, load_rules
from astana_facts.reading.listing import list_files
from tests.factories import build_records


def test_every_entry_with_the_suffix_is_listed_whatever_it_is(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text("{}")
    (tmp_path / ".hidden.json").write_text("{}")
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "gone.json").symlink_to(tmp_path / "nowhere")
    (tmp_path / "dir.json").mkdir()
    (tmp_path / "a.txt").write_text("")
    listed = list_files(tmp_path, ".json")
    assert isinstance(listed, list)
    assert [path.name for path in listed] == [
        ".hidden.json",
        "b.json",
        "dir.json",
        "gone.json",
        "pipe.json",
    ]


def test_a_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_files(tmp_path / "missing", ".json") == []


def _refuse(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    real_scandir = os.scandir

    def refusing_scandir(path: Any = ".") -> Any:
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(folder))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)


def test_a_folder_that_cannot_be_listed_gives_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_records(tmp_path / "records")
    _refuse(monkeypatch, root / "claims")
    assert isinstance(list_files(root / "claims", ".json"), PermissionError)
    assert RecordsReader(root).claims_paths() == []  # (the layout check reports it)


def test_a_rules_folder_that_cannot_be_listed_is_sch007(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "validators"
    folder.mkdir()
    _refuse(monkeypatch, folder)
    rules, loaded = load_rules(folder)
    assert rules == []
    assert [finding.code for file in loaded for finding in file.findings] == ["SCH007"]
