"""``fmt --reanchor``: after a text correction, every span whose quote still occurs is moved to
it, the rest are listed as orphans and left alone, and the checksum follows the text."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from astana_facts import validate
from astana_facts.text.quotes import find_quote
from astana_facts.tools.reanchor import reanchor_records
from tests.factories import DOC_ID, TEXT, build_records

CLAIMS = Path("claims") / f"{DOC_ID}.json"
METADATA = Path("sources") / f"{DOC_ID}.json"


def _spans(root: Path) -> list[dict[str, Any]]:
    data = orjson.loads((root / CLAIMS).read_bytes())
    holders = [*data["claims"], *data["not_check_worthy"]]
    return [span for holder in holders for span in holder["evidence"]]


def _sha256(root: Path) -> str:
    return str(orjson.loads((root / METADATA).read_bytes())["sha256"])


def _correct_text(root: Path, text: str) -> None:
    (root / "sources" / f"{DOC_ID}.txt").write_bytes(text.encode("utf-8"))


EDITS = st.tuples(
    st.sampled_from(["insert", "delete", "replace"]),
    st.integers(min_value=0, max_value=len(TEXT)),
    st.integers(min_value=1, max_value=12),
    st.text(alphabet="xq #\n", min_size=1, max_size=12),
)


def _edited(edit: tuple[str, int, int, str]) -> tuple[str, int, int, int]:
    """The edited text, the range of the original it changed, and how far later text moved."""
    kind, at, length, inserted = edit
    end = at if kind == "insert" else min(len(TEXT), at + length)
    new = "" if kind == "delete" else inserted
    return TEXT[:at] + new + TEXT[end:], at, end, len(new) - (end - at)


@given(edit=EDITS)
@example(edit=("replace", TEXT.index("May 3rd"), 3, "xx"))  # inside a quote: an orphan
@example(edit=("insert", 0, 1, "A correction.\n"))
def test_a_random_edit_reanchors_every_quote_that_still_occurs_and_orphans_the_rest(
    tmp_path_factory: pytest.TempPathFactory, edit: tuple[str, int, int, str]
) -> None:
    root = build_records(tmp_path_factory.mktemp("records"))
    before = _spans(root)
    text, edit_start, edit_end, shift = _edited(edit)
    _correct_text(root, text)

    result = reanchor_records(root)

    after = _spans(root)
    orphaned = {finding.pointer for finding in result.orphans}
    for old, new in zip(before, after, strict=True):
        if old["exact"] not in text:
            assert new == old  # an orphan is left as it was, never anchored elsewhere
            continue
        assert text[new["start"] : new["end"]] == old["exact"] == new["exact"]
        assert text[: new["start"]].endswith(new["prefix"])
        assert text[new["end"] :].startswith(new["suffix"])
        away = old["end"] < edit_start or old["start"] > edit_end
        if away and len(find_quote(text, old["exact"])) == 1:
            moved = old["start"] + (shift if old["start"] >= edit_end else 0)
            assert new["start"] == moved
    assert len(orphaned) == sum(span["exact"] not in text for span in before)
    new_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert (_sha256(root) == new_sha) == (not result.orphans)
    if not result.orphans:
        assert [f for f in validate(root) if f.code.startswith(("SPN", "SRC001"))] == []


def test_an_inserted_sentence_moves_every_span_and_updates_the_checksum(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    text = "A correction.\n" + TEXT
    _correct_text(root, text)
    result = reanchor_records(root)
    assert result.orphans == [] and sum(result.moved.values()) == len(_spans(root))
    assert _sha256(root) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert validate(root) == []


def test_an_orphan_is_listed_with_its_place_and_nearest_passage_and_left_alone(
    tmp_path: Path,
) -> None:
    root = build_records(tmp_path / "records")
    old_sha, before = _sha256(root), _spans(root)
    text = "A correction.\n" + TEXT.replace("May 3rd and 4th", "May 3rd and 5th")
    _correct_text(root, text)
    result = reanchor_records(root)
    (orphan,) = result.orphans
    assert orphan.code == "SPN001" and orphan.claims == ("sample-dates",)
    assert orphan.file is not None and orphan.file.endswith(CLAIMS.as_posix())
    assert orphan.pointer == "/claims/1/evidence/0/exact"
    at = text.index("May 3rd and 5th")
    assert f"nearest: “May 3rd and 5th” at {at}-{at + 15}" in orphan.message
    assert _spans(root)[1] == before[1]
    assert _spans(root)[0]["start"] == before[0]["start"] + len("A correction.\n")
    assert _sha256(root) == old_sha  # not every span holds: the checksum stays


def test_check_writes_nothing(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _correct_text(root, "A correction.\n" + TEXT)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    result = reanchor_records(root, check=True)
    assert result.moved and result.checksums
    for path in sorted(copy.rglob("*")):
        if path.is_file():
            assert (root / path.relative_to(copy)).read_bytes() == path.read_bytes()


def test_a_broken_claims_file_stops_every_write(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _correct_text(root, "A correction.\n" + TEXT)
    (root / "claims" / "other.json").write_text("{", encoding="utf-8")
    metadata = (root / METADATA).read_bytes()
    result = reanchor_records(root)
    assert result.problems and (root / METADATA).read_bytes() == metadata


def test_an_unchanged_folder_is_left_as_it_is(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    result = reanchor_records(root)
    assert (result.moved, result.checksums, result.orphans, result.pending) == ({}, [], [], [])


_SCALARS = st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats() | st.text(max_size=8)
_SPANS = st.dictionaries(
    st.sampled_from(["start", "end", "exact", "prefix", "suffix"]),
    _SCALARS | st.lists(_SCALARS, max_size=2) | st.sampled_from(["May 3rd", "Astana", ""]),
)
_CLAIMS_FILES = _SCALARS | st.fixed_dictionaries(
    {
        "document": st.sampled_from([DOC_ID, "other"]) | _SCALARS | st.lists(_SCALARS, max_size=2),
        "claims": st.lists(
            st.fixed_dictionaries({"id": _SCALARS, "evidence": st.lists(_SPANS, max_size=3)})
            | _SCALARS,
            max_size=3,
        )
        | _SCALARS,
    }
)


@given(data=_CLAIMS_FILES)
def test_any_claims_file_is_reanchored_or_reported_never_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, data: Any
) -> None:
    from click.testing import CliRunner

    from astana_facts.cli.main import cli

    root = build_records(tmp_path_factory.mktemp("records"))
    _correct_text(root, "A correction.\n" + TEXT)
    (root / "claims" / "other.json").write_bytes(orjson.dumps(data))
    for args in (["--check"], []):
        result = CliRunner().invoke(cli, ["fmt", "--reanchor", *args, "--records", str(root)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in {0, 1}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("\ufeff" + TEXT, "byte-order mark"),
        (TEXT.replace("\n", "\r\n"), "CR line endings"),
        ("Cafe\u0301.\n" + TEXT, "not in Unicode NFC"),
    ],
)
def test_a_text_that_is_not_normalised_is_named_and_left_alone(
    tmp_path: Path, text: str, said: str
) -> None:
    root = build_records(tmp_path / "records")
    claims_before, sha_before = (root / CLAIMS).read_bytes(), _sha256(root)
    _correct_text(root, text)
    result = reanchor_records(root)
    (skipped,) = result.skipped
    assert skipped.code == "SRC002" and said in skipped.message
    assert (root / CLAIMS).read_bytes() == claims_before and _sha256(root) == sha_before
