"""A copy of the bundled records with one claim about an entity that does not exist: a REF
finding in a real claims file, for the tests of the CI formats."""

from __future__ import annotations

import shutil
from pathlib import Path

from astana_facts.resources import bundled


def broken_records(tmp_path: Path) -> Path:
    """The copy, at ``tmp_path / "records"``: the first KISI claim about round 8 is about
    ``nowhere`` instead."""
    root = tmp_path / "records"
    shutil.copytree(bundled("records"), root)
    path = next((root / "claims").glob("kisi-*.json"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"subject": "astana-round-8"', '"subject": "nowhere"', 1))
    return root
