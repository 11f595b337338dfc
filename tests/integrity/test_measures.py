"""REF004: a count claim counts a registered measure (or an alias of one), and an unknown one
is an error that suggests the closest registered name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts import validate
from astana_facts.integrity.measures import closest_measure, measure_names
from astana_facts.resources import bundled
from tests.factories import DOC_ID, build_records, claims

REPORTERS = 3
"""Index of the sample count claim in the sample claims file."""


def _with_measure(root: Path, measure: str, **options: Any) -> Path:
    claim_list = claims()
    claim_list[REPORTERS]["value"]["measure"] = measure
    return build_records(root, claim_list=claim_list, **options)


def test_the_suggestion_names_the_registered_measure(tmp_path: Path) -> None:
    root = _with_measure(tmp_path / "records", "foreign_reportes")
    (found,) = [f for f in validate(root) if f.code == "REF004"]
    assert found.severity == "error" and found.claims == ("sample-reporters",)
    assert found.file is not None and found.file.endswith(f"claims/{DOC_ID}.json")
    assert "unknown measure 'foreign_reportes'; did you mean 'foreign_reporters'?" in found.message


def test_an_alias_names_its_measure(tmp_path: Path) -> None:
    root = _with_measure(tmp_path / "records", "foreign_journalists")
    assert [f for f in validate(root) if f.code == "REF004"] == []


def test_a_close_alias_is_suggested_with_the_measure_it_belongs_to(tmp_path: Path) -> None:
    root = _with_measure(tmp_path / "records", "foreign_journalist")
    (found,) = [f for f in validate(root) if f.code == "REF004"]
    assert "'foreign_journalists' (an alias of 'foreign_reporters')" in found.message


def test_nothing_close_is_suggested_when_nothing_is_close(tmp_path: Path) -> None:
    root = _with_measure(tmp_path / "records", "tanks")
    (found,) = [f for f in validate(root) if f.code == "REF004"]
    assert "register it in measures.json" in found.message


def test_a_folder_without_measures_json_registers_no_measure(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "measures.json").unlink()
    (found,) = [f for f in validate(root) if f.code == "REF004"]
    assert "measures.json registers no measure" in found.message


def test_a_broken_measures_file_is_reported_once_not_as_unknown_measures(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "measures.json").write_text('{"measures": [{"id": "Not Snake"}]}\n', encoding="utf-8")
    codes = {f.code for f in validate(root)}
    assert "SCH008" in codes and "REF004" not in codes


def test_every_measure_of_the_bundled_claims_is_registered_with_a_description() -> None:
    registered = json.loads((bundled("records") / "measures.json").read_text(encoding="utf-8"))
    names = measure_names(registered["measures"])
    used = {
        claim["value"]["measure"]
        for path in sorted((bundled("records") / "claims").glob("*.json"))
        for claim in json.loads(path.read_text(encoding="utf-8"))["claims"]
        if claim["kind"] == "count"
    }
    assert used and used <= set(names)
    assert all(measure["description"].strip() for measure in registered["measures"])


def test_a_name_shared_by_two_measures_stays_with_the_first_registered() -> None:
    names = measure_names(
        [
            {"id": "a_count", "aliases": ["b_count"]},
            {"id": "b_count", "aliases": ["a_count"]},
        ]
    )
    assert names == {"a_count": "a_count", "b_count": "b_count"}


BUNDLED = measure_names(
    json.loads((bundled("records") / "measures.json").read_text(encoding="utf-8"))["measures"]
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@st.composite
def one_letter_typo(draw: st.DrawFn) -> tuple[str, str]:
    """A registered name with one letter replaced by another, and the measure it names."""
    name = draw(st.sampled_from(sorted(BUNDLED)))
    places = [index for index, char in enumerate(name) if char != "_"]
    index = draw(st.sampled_from(places))
    letter = draw(st.sampled_from([c for c in LETTERS if c != name[index]]))
    typo = name[:index] + letter + name[index + 1 :]
    return typo, BUNDLED[name]


@given(one_letter_typo())
def test_a_one_letter_typo_suggests_the_measure_it_was_meant_to_be(typo: tuple[str, str]) -> None:
    misspelt, meant = typo
    if misspelt in BUNDLED:  # the typo made another registered name: nothing to suggest
        return
    suggestion = closest_measure(misspelt, BUNDLED)
    assert suggestion is not None and BUNDLED[suggestion] == meant


def test_the_annotation_guide_lists_every_registered_measure() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "annotation.md").read_text("utf-8")
    table = guide.split("<!-- measures:begin")[1].split("<!-- measures:end -->")[0]
    registered = json.loads((bundled("records") / "measures.json").read_text(encoding="utf-8"))
    listed = {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}
    assert listed == {measure["id"] for measure in registered["measures"]}
