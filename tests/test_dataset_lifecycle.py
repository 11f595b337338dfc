"""The Python API keeps a stored claim id working: a deprecated claim is found by its id and
says why and what replaces it; an id of the removal log raises an error naming its version,
reason and replacement, never a bare KeyError."""

from __future__ import annotations

from pathlib import Path

import pytest

import astana_facts
from astana_facts.dataset import RemovedClaimError
from tests.factories import build_records, claims, write

REMOVAL = {
    "id": "sample-round-4-dates",
    "version": "0.2.0",
    "reason": "Renamed by the id rule.",
    "replacement": ["sample-dates"],
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    found = claims()
    found[4]["deprecated"] = {
        "reason": "The quote gives no duration of the round.",
        "replaced_by": ["sample-dates"],
        "since": "0.2.0",
    }
    folder = build_records(tmp_path / "records", claim_list=found)
    write(
        folder / "removals.json",
        {"$schema": "../schemas/removals.schema.json", "removals": [REMOVAL]},
    )
    return folder


def test_a_deprecated_claim_is_found_by_its_id_with_its_replacement(root: Path) -> None:
    dataset = astana_facts.load(root)
    claim = dataset.claim("sample-duration")
    assert claim.deprecated is not None
    assert (claim.deprecated.replaced_by, claim.deprecated.since) == (["sample-dates"], "0.2.0")
    assert [c.id for c in dataset.deprecated()] == ["sample-duration"]
    assert dataset.claim("sample-dates").deprecated is None
    assert len(dataset.claims) == 6  # a deprecated claim stays a record


def test_a_removed_id_raises_an_error_naming_version_reason_and_replacement(root: Path) -> None:
    dataset = astana_facts.load(root)
    with pytest.raises(RemovedClaimError) as raised:
        dataset.claim("sample-round-4-dates")
    assert str(raised.value) == (
        "claim sample-round-4-dates was removed in version 0.2.0: Renamed by the id rule. "
        "Replaced by: sample-dates."
    )
    assert isinstance(raised.value, KeyError) and raised.value.removal.version == "0.2.0"
    assert astana_facts.RemovedClaimError is RemovedClaimError
    with pytest.raises(RemovedClaimError):
        dataset.lookup("sample-round-4-dates")
    with pytest.raises(KeyError) as unknown:
        dataset.claim("never-was")
    assert not isinstance(unknown.value, RemovedClaimError)


def test_without_a_removal_log_nothing_is_removed(tmp_path: Path) -> None:
    dataset = astana_facts.load(build_records(tmp_path / "records"))
    assert dataset.removals == {} and dataset.deprecated() == []
    with pytest.raises(KeyError):
        dataset.claim("sample-round-4-dates")
