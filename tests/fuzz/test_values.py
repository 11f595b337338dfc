"""One hostile value anywhere in a small records folder, drawn by hypothesis (which shrinks a
failure to the smallest value and place): every command survives it, as in ``test_fuzz``.

The CI profile of tests/conftest.py is derandomized; ``HYPOTHESIS_PROFILE=thorough`` draws
2,000 values. A failure that ``known`` explains (a known failure being fixed elsewhere) is counted
as a hypothesis event, not failed: ``test_fuzz`` reports those."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from astana_facts.resources import bundled
from tests.factories import DOC_ID, build_records, claims_file, entities, metadata
from tests.fuzz.cases import Case
from tests.fuzz.check import check
from tests.fuzz.known import explained
from tests.fuzz.mutations import Step, positions
from tests.fuzz.runs import report
from tests.fuzz.values import NUMBERS, ODD_IDS, Raw, deep, dumps

FILES = (f"claims/{DOC_ID}.json", f"sources/{DOC_ID}.json", "entities.json")


def _places() -> list[tuple[str, str]]:
    """Every (file, JSON Pointer) of the sample records: where a value can be put."""
    documents = {
        FILES[0]: claims_file(),
        FILES[1]: metadata(),
        FILES[2]: {"entities": entities()},
    }
    return [
        (name, pointer) for name, data in documents.items() for pointer, _, _ in positions(data)
    ]


HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(NUMBERS).map(Raw),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(ODD_IDS),
    st.none(),
    st.booleans(),
    st.sampled_from([300, 1000]).map(deep),
    st.lists(st.integers() | st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
"""Values JSON can hold, and some it cannot quite (see ``values``)."""


@pytest.fixture(scope="module")
def sample_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_records(tmp_path_factory.mktemp("original") / "records")


@settings(max_examples=max(20, settings().max_examples // 2))
@given(place=st.sampled_from(_places()), value=HOSTILE)
def test_a_hostile_value_anywhere_is_survived(
    tmp_path_factory: pytest.TempPathFactory,
    sample_original: Path,
    place: tuple[str, str],
    value: Any,
) -> None:
    folder = tmp_path_factory.mktemp("case")
    build_records(folder / "records")
    shutil.copytree(bundled("validators"), folder / "validators")
    name, pointer = place
    path = folder / "records" / name
    data = json.loads(path.read_bytes())
    *parents, last = [int(t) if t.isdigit() else t for t in pointer.strip("/").split("/")]
    node = data
    for token in parents:
        node = node[token]
    node[last] = value
    path.write_bytes(dumps(data))
    what = str(value) if isinstance(value, Raw) else f"{value!r:.80}"
    case = Case(0, 0, folder, [Step("change-value", f"records/{name} {pointer} := {what}")])
    failures = check(case, sample_original)
    if not failures:
        return
    reason = explained(case, failures)
    if reason is not None:  # reported by test_fuzz; here it would only stop the search
        event(reason)
        return
    pytest.fail(report(case.describe(), failures), pytrace=False)
