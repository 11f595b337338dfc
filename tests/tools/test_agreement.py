"""Agreement between two annotations: pairing by evidence, span and character F1, value
agreement per kind, Cohen's kappa; and the ``agreement`` command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.cli.main import cli
from astana_facts.tools.agreement import agreement, cohen_kappa, corpus_agreement, pair_claims

DOC = "doc"


def _claim(
    claim_id: str,
    start: int,
    end: int,
    *,
    kind: str = "count",
    value: Any = 1,
    attribution: str = "publisher",
    modality: str = "asserted",
) -> dict[str, Any]:
    return {
        "id": claim_id,
        "kind": kind,
        "subject": "s",
        "value": value,
        "attribution": {"type": attribution},
        "modality": modality,
        "evidence": [{"start": start, "end": end, "exact": "x" * (end - start)}],
    }


def test_kappa_is_the_textbook_figure() -> None:
    # 50 items: both yes 20, yes/no 5, no/yes 10, both no 15: po 0.7, pe 0.5, kappa 0.4.
    labels = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(labels) == pytest.approx(0.4)
    assert cohen_kappa([("a", "a")] * 3) == 1.0
    assert cohen_kappa([]) is None


def test_claims_pair_by_shared_text_same_kind_first() -> None:
    first = [_claim("a", 0, 10, kind="count"), _claim("b", 0, 10, kind="duration")]
    second = [_claim("x", 0, 4, kind="duration"), _claim("y", 0, 10, kind="count")]
    pairs = [(one["id"], other["id"]) for one, other in pair_claims(first, second)]
    assert sorted(pairs) == [("a", "y"), ("b", "x")]
    assert pair_claims([_claim("a", 0, 5)], [_claim("b", 5, 9)]) == []


def test_a_missed_claim_lowers_recall_and_a_different_value_the_kind_agreement() -> None:
    first = [_claim("a", 0, 10, value=1)]
    second = [_claim("x", 0, 10, value=2), _claim("y", 20, 30)]
    found = agreement(DOC, first, second)
    assert (found.precision, found.recall) == (1.0, 0.5)
    assert found.span_f1 == pytest.approx(2 / 3)
    assert found.char_f1 == pytest.approx(2 * 10 / (10 + 20))
    assert found.kinds["count"].agree == 0 and found.kinds["count"].pairs == 1


claims_lists = st.lists(
    st.builds(
        lambda start, length, kind, attribution, modality: (start, length, kind, attribution,
                                                             modality),
        st.integers(0, 200), st.integers(1, 30), st.sampled_from(["count", "duration"]),
        st.sampled_from(["publisher", "unnamed"]), st.sampled_from(["asserted", "reported"]),
    ),
    max_size=12,
)  # fmt: skip


def _claims(drawn: list[tuple[int, int, str, str, str]], prefix: str) -> list[dict[str, Any]]:
    return [
        _claim(f"{prefix}{i}", start, start + length, kind=kind, attribution=att, modality=mod)
        for i, (start, length, kind, att, mod) in enumerate(drawn)
    ]


@given(claims_lists)
def test_an_annotation_agrees_with_itself_entirely(drawn: list[Any]) -> None:
    claims = _claims(drawn, "c")
    found = agreement(DOC, claims, claims)
    assert found.paired == len(claims)
    assert found.span_f1 == found.char_f1 == found.kind_agreement == 1.0
    assert all(kind.share == 1.0 for kind in found.kinds.values())
    assert found.kappa_attribution in (None, 1.0) and found.kappa_modality in (None, 1.0)


@given(claims_lists, claims_lists)
def test_swapping_the_annotations_swaps_precision_and_recall_only(
    one: list[Any], other: list[Any]
) -> None:
    first, second = _claims(one, "a"), _claims(other, "b")
    forward, backward = agreement(DOC, first, second), agreement(DOC, second, first)
    assert forward.paired == backward.paired
    assert (forward.precision, forward.recall) == (backward.recall, backward.precision)
    assert forward.span_f1 == pytest.approx(backward.span_f1)
    assert forward.char_f1 == pytest.approx(backward.char_f1)
    assert 0.0 <= forward.span_f1 <= 1.0 and 0.0 <= forward.char_f1 <= 1.0


def test_the_corpus_figure_pools_the_documents() -> None:
    one = ([_claim("a", 0, 10)], [_claim("x", 0, 10)])
    other: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([_claim("b", 0, 10)], [])
    pooled = corpus_agreement({"d1": one, "d2": other})
    assert (pooled.first, pooled.second, pooled.paired) == (2, 1, 1)
    assert pooled.precision == 0.5 and pooled.recall == 1.0


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["agreement", *args])


def test_the_bundled_records_agree_with_themselves(tmp_path: Path) -> None:
    result = _run("records", "records", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = orjson.loads(result.stdout)["agreement"]
    assert figures[-1]["document"] == "(all documents)" and figures[-1]["span_f1"] == 1.0


def test_a_file_that_cannot_be_read_exits_1_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "doc.json"
    broken.write_bytes(b'{"document": "doc", "claims": [}')
    result = _run(str(broken), "records")
    assert result.exit_code == 1 and "doc.json:1" in result.stderr and "SCH001" in result.stderr


def test_no_document_on_both_sides_is_a_usage_error(tmp_path: Path) -> None:
    lone = tmp_path / "other.json"
    header = b'{"$schema": "claims.schema.json", "document": "other", '
    lone.write_bytes(header + b'"claims": [], "not_check_worthy": []}')
    result = _run(str(lone), "records")
    assert result.exit_code == 2 and "no document is annotated on both sides" in result.stderr


def test_the_data_cards_agreement_figures_are_those_the_command_gives() -> None:
    """The corpus against its blind second annotation, as README's data card states it."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    card = readme.split("<!-- agreement -->\n", 1)[1].split("<!-- /agreement -->", 1)[0]
    result = _run("records", "annotations/second-pass", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout == card


def test_a_deprecated_claim_is_not_part_of_the_annotation(tmp_path: Path) -> None:
    source = Path("records/claims/kisi-eighth-round-results-2017-12.json")
    data = orjson.loads(source.read_bytes())
    standing = [c for c in data["claims"] if not c.get("deprecated")]
    assert len(standing) < len(data["claims"]), "the bundled file has deprecated claims"
    (tmp_path / "standing.json").write_bytes(orjson.dumps({**data, "claims": standing}))
    result = _run(str(tmp_path / "standing.json"), str(source), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = orjson.loads(result.stdout)["agreement"][0]
    assert figures["span_f1"] == 1.0 and figures["claims"] == [len(standing), len(standing)]
