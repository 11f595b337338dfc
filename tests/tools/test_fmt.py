"""``fmt`` never changes a value: any integer survives it unchanged, or the file is refused
(SCH010) and left as it was."""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.tools.fmt import format_records
from tests.factories import DOC_ID, build_records

CLAIMS = f"claims/{DOC_ID}.json"
COUNT = b'"value": 320'
"""The amount of the sample count claim, as the canonical layout writes it."""


def _amount(raw: bytes) -> object:
    claims = orjson.loads(raw)["claims"]
    (count,) = [claim for claim in claims if claim["kind"] == "count"]
    return count["value"]["amount"]["value"]


@given(number=st.integers(), canonical=st.booleans())
def test_any_integer_survives_fmt_unchanged_or_is_refused(number: int, canonical: bool) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = build_records(Path(temporary) / "records")
        path = root / CLAIMS
        written = b'"value": %d' % number if canonical else b'"value":   %d' % number
        assert path.read_bytes().count(COUNT) == 1
        raw = path.read_bytes().replace(COUNT, written)
        path.write_bytes(raw)
        result = format_records(root)
        after = path.read_bytes()
    if result.problems:
        assert [problem.code for problem in result.problems] == ["SCH010"]
        assert after == raw
    else:
        assert b'"value": %d' % number in after
        amount = _amount(after)
        assert amount == number and type(amount) is int
