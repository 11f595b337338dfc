"""A finding's fingerprint is its rule code, its subject and the set of values in conflict: so
reformatting, reordering claims within a file or files among themselves, and edits that state
no new value leave every fingerprint alone (property tests over the bundled dataset)."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from astana_facts.consistency import check_consistency
from astana_facts.pipeline.run import run
from astana_facts.resources import bundled

BUNDLED = run(consistency=True)
FINGERPRINTS = sorted(f.fingerprint or "" for f in BUNDLED.findings if f.fingerprint)
OTHERS = sorted(f.code for f in BUNDLED.findings if not f.fingerprint)
"""The codes of the other findings: an edit must not break a file (which would hide its claims)."""


@contextmanager
def _copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "records"
        shutil.copytree(bundled("records"), root)
        yield root


def _fingerprints(root: Path, *, besides: frozenset[str] = frozenset()) -> list[str]:
    """The fingerprints of the folder's report, whose other findings must be the bundled ones
    (but for codes ``besides``)."""
    report = run(root, consistency=True)
    others = [f.code for f in report.findings if not f.fingerprint and f.code not in besides]
    assert sorted(others) == [code for code in OTHERS if code not in besides]
    return sorted(f.fingerprint or "" for f in report.findings if f.fingerprint)


def _rewrite(path: Path, data: Any, indent: int, sort_keys: bool) -> None:
    text = json.dumps(
        data, indent=indent or None, sort_keys=sort_keys, ensure_ascii=bool(indent % 2)
    )
    path.write_text(text, encoding="utf-8")


def test_the_bundled_fingerprints_are_distinct() -> None:
    assert FINGERPRINTS and len(FINGERPRINTS) == len(set(FINGERPRINTS))


@settings(max_examples=20)
@given(st.integers(0, 5), st.booleans(), st.randoms(use_true_random=False))
def test_reformatting_and_reordering_claims_within_files_change_no_fingerprint(
    indent: int, sort_keys: bool, rnd: random.Random
) -> None:
    with _copy() as root:
        for path in sorted((root / "claims").glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            rnd.shuffle(data["claims"])
            _rewrite(path, data, indent, sort_keys)
        assert _fingerprints(root) == FINGERPRINTS


@settings(max_examples=20)
@given(st.randoms(use_true_random=False))
def test_the_order_of_files_changes_no_fingerprint(rnd: random.Random) -> None:
    """The claims of the files in another order (as another file system might list them)."""
    records = run(consistency=False, keep=True).records
    documents = sorted({record.document for record in records.claims})
    rnd.shuffle(documents)
    rank = {document: index for index, document in enumerate(documents)}
    claims = sorted(records.claims, key=lambda record: rank[record.document])
    found = check_consistency(dataclasses.replace(records, claims=claims))
    assert sorted(f.fingerprint or "" for f in found if f.fingerprint) == FINGERPRINTS


@settings(max_examples=15)
@given(st.randoms(use_true_random=False), st.integers(1, 4))
def test_edits_that_state_no_new_value_change_no_fingerprint(rnd: random.Random, n: int) -> None:
    """Notes edited, and further claims that repeat a value already stated (with another id):
    the values in conflict are the same, so are the fingerprints (more findings may appear
    only for engines whose subject is a claim, such as a plan). A claim added to an adjudicated
    finding is one its adjudication never judged: ADJ002 says so, with the same fingerprint."""
    with _copy() as root:
        for path in rnd.sample(sorted((root / "claims").glob("*.json")), n):
            data = json.loads(path.read_text(encoding="utf-8"))
            chosen = rnd.choice(data["claims"])
            chosen["note"] = "an editor's note"
            copy = dict(json.loads(json.dumps(chosen)), id=f"{chosen['id']}-again")
            data["claims"].append(copy)
            _rewrite(path, data, 2, False)
        assert set(FINGERPRINTS) <= set(_fingerprints(root, besides=frozenset({"ADJ002"})))
