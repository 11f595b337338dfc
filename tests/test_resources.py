"""Locating the bundled data folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from astana_facts.resources import bundled, validators_for
from tests.conftest import REPO


def test_in_a_checkout_the_data_folders_are_the_repositorys() -> None:
    for name in ("records", "schemas", "validators"):
        assert bundled(name) == REPO / name


def test_an_unknown_folder_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown data folder"):
        bundled("secrets")


def test_a_records_folder_uses_its_sibling_validators_else_the_bundled_ones(
    tmp_path: Path,
) -> None:
    records = tmp_path / "records"
    records.mkdir()
    assert validators_for(records) == bundled("validators")
    (tmp_path / "validators").mkdir()
    assert validators_for(records) == tmp_path / "validators"


def test_a_records_folder_that_cannot_be_listed_is_not_taken_and_raises_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from astana_facts.resources import checkout_records
    from tests.factories import build_records

    build_records(tmp_path / "records")
    real_listdir = os.listdir

    def refusing_listdir(path: Any = ".") -> list[str]:
        if os.fspath(path) == os.fspath(tmp_path / "records"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", refusing_listdir)
    assert checkout_records(tmp_path) is None


def test_real_path_follows_links_and_never_raises_on_loops_or_nul(tmp_path: Path) -> None:
    from astana_facts.resources import real_path

    (tmp_path / "target").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert real_path(tmp_path / "link") == (tmp_path / "target").resolve()
    assert real_path(tmp_path / "a").parent == tmp_path.resolve()
    assert real_path("x\0y").name == "x\0y"
