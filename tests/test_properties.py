"""Properties of the whole pipeline: spans round-trip, corrupted spans are caught, fmt is
idempotent and loses nothing, and garbage never produces a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

from astana_facts import validate
from astana_facts.cli.main import cli
from astana_facts.text.quotes import find_quote
from astana_facts.tools.fmt import format_records
from tests.factories import DOC_ID, TEXT, build_records, claims, write

CLAIMS_FILE = Path("claims") / f"{DOC_ID}.json"


def _quote_claim(exact: str, **span: Any) -> dict[str, Any]:
    return {
        "id": "quoted",
        "kind": "statement",
        "subject": "astana-process",
        "value": {"content": "something", "direct": False},
        "attribution": {"type": "publisher"},
        "modality": "reported",
        "evidence": [{"exact": exact, **span}],
    }


@st.composite
def _unique_quotes(draw: st.DrawFn) -> tuple[int, int]:
    """Offsets of a stretch of TEXT that occurs only once and has no edge whitespace issue."""
    start = draw(st.integers(min_value=0, max_value=len(TEXT) - 2))
    end = draw(st.integers(min_value=start + 1, max_value=min(len(TEXT), start + 40)))
    assume(len(find_quote(TEXT, TEXT[start:end])) == 1)
    return start, end


@given(_unique_quotes())
def test_any_span_taken_from_a_text_survives_locate_fmt_validate(
    tmp_path_factory: Any, offsets: tuple[int, int]
) -> None:
    start, end = offsets
    exact = TEXT[start:end]
    root = build_records(
        tmp_path_factory.mktemp("r") / "records", claim_list=[*claims(), _quote_claim(exact)]
    )
    (anchor,) = find_quote(TEXT, exact)
    assert (anchor.start, anchor.end) == (start, end)
    result = format_records(root)
    assert result.problems == []
    data = orjson.loads((root / CLAIMS_FILE).read_bytes())
    span = data["claims"][-1]["evidence"][0]
    assert (span["start"], span["end"], span["exact"]) == (start, end, exact)
    assert validate(root) == []


@given(
    _unique_quotes(),
    st.integers(min_value=0, max_value=39),
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
)
def test_any_one_character_change_to_a_quote_is_caught(
    tmp_path_factory: Any, offsets: tuple[int, int], position: int, replacement: str
) -> None:
    start, end = offsets
    exact = TEXT[start:end]
    index = position % len(exact)
    changed = exact[:index] + replacement + exact[index + 1 :]
    assume(changed != exact)
    root = build_records(
        tmp_path_factory.mktemp("r") / "records",
        claim_list=[*claims(), _quote_claim(changed, start=start, end=end)],
    )
    assert "SPN001" in {finding.code for finding in validate(root)}


@given(
    _unique_quotes(),
    st.integers(min_value=-5, max_value=5).filter(bool),
    st.sampled_from(["start", "end", "both"]),
)
def test_any_shift_of_an_offset_is_caught(
    tmp_path_factory: Any, offsets: tuple[int, int], shift: int, which: str
) -> None:
    start, end = offsets
    exact = TEXT[start:end]
    new_start = start + shift if which in {"start", "both"} else start
    new_end = end + shift if which in {"end", "both"} else end
    assume(new_start >= 0 and TEXT[new_start:new_end] != exact)
    root = build_records(
        tmp_path_factory.mktemp("r") / "records",
        claim_list=[*claims(), _quote_claim(exact, start=new_start, end=new_end)],
    )
    codes = {finding.code for finding in validate(root)}
    # A negative offset is already a schema error (SCH008); any other shift is a span error.
    assert codes & {"SPN001", "SPN002", "SPN003", "SPN004", "SCH008"}


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "kind",
                    "claims",
                    "document",
                    "evidence",
                    "value",
                    "exact",
                    "start",
                    "x",
                    "$schema",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(_json_values, st.sampled_from(["claims", "entities", "source"]))
def test_arbitrary_json_in_a_records_file_never_gives_a_traceback(
    tmp_path_factory: Any, value: Any, target: str
) -> None:
    root = build_records(tmp_path_factory.mktemp("r") / "records")
    path = {
        "claims": root / CLAIMS_FILE,
        "entities": root / "entities.json",
        "source": root / "sources" / f"{DOC_ID}.json",
    }[target]
    path.write_bytes(orjson.dumps(value))
    for command in (
        ["validate", "--records", str(root)],
        ["validate", "--records", str(root), "--format", "json"],
        ["validate", "--records", str(root), "--coverage", "--format", "sarif"],
        ["fmt", "--check", "--records", str(root)],
        ["report", "--records", str(root), "--strict"],
        ["report", "--records", str(root), "--format", "markdown"],
        ["stats", "--records", str(root)],
        ["export", "--records", str(root), "--format", "jsonl", "-o", "-"],
    ):
        result = CliRunner().invoke(cli, command)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in {0, 1, 2}
    assert (
        CliRunner().invoke(cli, ["validate", "--records", str(root)]).exit_code in {1, 2}
        or value == {}
    )


@given(st.binary(max_size=60))
def test_arbitrary_bytes_in_a_claims_file_never_give_a_traceback(
    tmp_path_factory: Any, raw: bytes
) -> None:
    root = build_records(tmp_path_factory.mktemp("r") / "records")
    (root / CLAIMS_FILE).write_bytes(raw)
    result = CliRunner().invoke(cli, ["validate", "--records", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in {1, 2}


@given(st.permutations(range(6)), st.booleans())
def test_fmt_is_idempotent_and_loses_nothing(
    tmp_path_factory: Any, order: list[int], drop_offsets: bool
) -> None:
    original = claims()
    shuffled: list[dict[str, Any]] = []
    for index in order:
        claim = dict(reversed(list(copy.deepcopy(original[index]).items())))
        if drop_offsets:
            for span in claim["evidence"]:
                for key in ("start", "end", "prefix", "suffix"):
                    span.pop(key)
        claim["extra_note_from_contributor"] = "kept"
        shuffled.append(claim)
    root = build_records(tmp_path_factory.mktemp("r") / "records", claim_list=shuffled)
    first = format_records(root)
    assert first.problems == []
    after_first = (root / CLAIMS_FILE).read_bytes()
    second = format_records(root)
    assert second.changed == [] and second.problems == []
    assert (root / CLAIMS_FILE).read_bytes() == after_first
    data = orjson.loads(after_first)
    expected = [original[index] | {"extra_note_from_contributor": "kept"} for index in order]
    assert data["claims"] == expected


def test_fmt_changes_no_file_when_one_quote_cannot_be_found(tmp_path: Path) -> None:
    claim_list = claims()
    for span in claim_list[0]["evidence"]:
        del span["start"], span["end"]
    claim_list[1]["evidence"][0] = {"exact": "not in the text"}
    root = build_records(tmp_path / "records", claim_list=claim_list)
    write_before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    (root / "entities.json").write_bytes(b'{"entities": [], "$schema": "x.schema.json"}')
    write_before[root / "entities.json"] = (root / "entities.json").read_bytes()
    result = format_records(root)
    assert [p.message for p in result.problems] == [
        "claim sample-dates, field claims/1/evidence/0/exact: quote 'not in the text' does not "
        "occur in the document"
    ]
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == write_before


def test_fmt_reports_an_ambiguous_quote_and_a_prefix_resolves_it(tmp_path: Path) -> None:
    claim_list = claims()
    claim_list[1]["evidence"][0] = {"exact": "talks"}
    root = build_records(tmp_path / "records", claim_list=claim_list)
    result = format_records(root)
    assert "occurs 4 times" in result.problems[0].message
    claim_list[1]["evidence"][0] = {"exact": "talks", "prefix": "two-day "}
    write(
        root / CLAIMS_FILE,
        {"$schema": "../../schemas/claims.schema.json", "document": DOC_ID, "claims": claim_list},
    )
    assert format_records(root).problems == []
    span = orjson.loads((root / CLAIMS_FILE).read_bytes())["claims"][1]["evidence"][0]
    assert TEXT[span["start"] : span["end"]] == "talks"
    assert TEXT[: span["start"]].endswith("two-day ")
