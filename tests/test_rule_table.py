"""The rule table in docs/rules.md and the codes in the package are the same set of rows."""

from __future__ import annotations

import re

from astana_facts.codes import INTEGRITY_CODES
from tests.conftest import REPO

ROW = re.compile(r"^\| ([A-Z]{3}[0-9]{3}) \| ([a-z0-9-]+) \| (error|warning|info) \| (.+) \|$")


def _documented_rows() -> dict[str, tuple[str, str, str]]:
    rows = {}
    for line in (REPO / "docs" / "rules.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows[match[1]] = (match[2], match[3], match[4])
    return rows


def test_every_code_has_its_row_and_every_row_its_code() -> None:
    documented = _documented_rows()
    in_code = {row.code: (row.name, row.severity, row.summary) for row in INTEGRITY_CODES}
    assert documented == in_code


def test_codes_are_unique_and_well_formed() -> None:
    codes = [row.code for row in INTEGRITY_CODES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}[0-9]{3}", code) for code in codes)
