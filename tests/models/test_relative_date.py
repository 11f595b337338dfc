"""The ``relative_date`` claim: a day of an event counted from a day of an anchor event. A valid
one becomes its typed model; a broken one is a coded finding at its file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from astana_facts import validate
from astana_facts.jsonio.positions import build_source_map
from astana_facts.models import Claim
from astana_facts.models.values import Range, RelativeDateValue
from tests.factories import DOC_ID, TEXT, build_records, claims, span

CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)
CLAIMS_FILE = f"claims/{DOC_ID}.json"


def relative_claim(**value: Any) -> dict[str, Any]:
    """The fourth round's last day, one day after its first ("met on May 3rd and 4th")."""
    return {
        "id": "sample-next-day",
        "kind": "relative_date",
        "subject": "astana-round-4",
        "value": {
            "part": "end",
            "direction": "after",
            "unit": "day",
            "amount": {"bound": "exact", "value": 1},
            "anchor_part": "start",
            "anchor": "astana-round-4",
            **value,
        },
        "attribution": {"type": "publisher"},
        "modality": "reported",
        "evidence": [span(TEXT, "met on May 3rd and 4th")],
    }


def test_a_relative_date_becomes_its_typed_model() -> None:
    claim = CLAIM.validate_python(relative_claim(amount={"bound": "range", "low": 2, "high": 3}))
    assert type(claim).__name__ == "RelativeDateClaim"
    assert isinstance(claim.value, RelativeDateValue)
    assert isinstance(claim.value.amount, Range)
    assert (claim.value.part, claim.value.anchor_part) == ("end", "start")


def test_a_sample_folder_with_a_relative_date_is_valid(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records", claim_list=[*claims(), relative_claim()])
    assert validate(root) == []


@pytest.mark.parametrize(
    ("value", "code", "field"),
    [
        ({"unit": "month"}, "SCH008", "unit"),
        ({"direction": "later"}, "SCH008", "direction"),
        ({"part": "full_span"}, "SCH008", "part"),
        ({"anchor_part": "middle"}, "SCH008", "anchor_part"),
        ({"amount": {"bound": "exact", "value": -1}}, "SCH008", "amount/value"),
        ({"anchor": "Astana Round 4"}, "SCH008", "anchor"),
        ({"anchor": "astana-round-5"}, "REF002", "anchor"),
        ({"amount": {"bound": "range", "low": 3, "high": 2}}, "VAL001", "amount/high"),
    ],
)
def test_a_broken_relative_date_is_a_coded_finding_at_its_field(
    tmp_path: Path, value: dict[str, Any], code: str, field: str
) -> None:
    broken = relative_claim(**value)
    root = build_records(tmp_path / "records", claim_list=[*claims(), broken])
    found = [f for f in validate(root) if f.code == code]
    assert found, validate(root)
    (finding,) = found
    pointer = f"/claims/{len(claims())}/value/{field}"
    assert finding.file is not None and finding.file.endswith(CLAIMS_FILE)
    assert finding.pointer == pointer
    located = build_source_map((root / CLAIMS_FILE).read_bytes()).locate_key(pointer)
    assert located is not None and finding.line == located[0]


def test_a_relative_date_without_an_anchor_is_a_coded_finding(tmp_path: Path) -> None:
    broken = relative_claim()
    del broken["value"]["anchor"]
    root = build_records(tmp_path / "records", claim_list=[*claims(), broken])
    (finding,) = [f for f in validate(root) if f.code == "SCH008"]
    assert finding.file is not None and finding.file.endswith(CLAIMS_FILE)
    assert finding.line is not None and "anchor" in finding.message
