"""The claim kinds have one source, the claim union: every kind has its model, its paths, its
row in the docs and its place in the schema, and none of them can be missing for a kind."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import orjson
import pytest

from astana_facts import validate
from astana_facts.models.claims import Claim, ClaimBase
from astana_facts.models.kinds import CLAIM_KINDS, CLAIM_MODELS, kinds_markdown
from astana_facts.models.rules import RuleSelector
from astana_facts.reading.model_paths import claim_paths, derive_claim_paths
from tests.conftest import REPO
from tests.factories import build_records

BEGIN, END = "<!-- claim-kinds:begin", "<!-- claim-kinds:end -->"


def _subclasses(model: type[ClaimBase]) -> set[type[ClaimBase]]:
    found = set()
    for sub in model.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def test_every_claim_model_is_in_the_union_and_every_member_is_a_kind() -> None:
    union = set(typing.get_args(typing.get_args(Claim)[0]))
    assert _subclasses(ClaimBase) == union == set(CLAIM_MODELS.values())
    assert len(CLAIM_KINDS) == len(union), "two models share a kind"


def test_the_claims_schema_discriminates_exactly_the_kinds() -> None:
    schema = orjson.loads((REPO / "schemas" / "claims.schema.json").read_bytes())
    mapping = schema["properties"]["claims"]["items"]["discriminator"]["mapping"]
    assert set(mapping) == set(CLAIM_KINDS)


def test_a_rule_can_select_only_existing_kinds() -> None:
    assert RuleSelector.model_validate({"kinds": list(CLAIM_KINDS)}).kinds == list(CLAIM_KINDS)
    with pytest.raises(ValueError, match=r"kinds\.0"):
        RuleSelector.model_validate({"kinds": ["event_dates"]})


@pytest.mark.parametrize("kind", CLAIM_KINDS)
def test_every_kind_has_its_documentation(kind: str) -> None:
    model = CLAIM_MODELS[kind]
    assert "value_summary" in vars(model) and "example" in vars(model), (
        f"{model.__name__} needs value_summary and example (the claim-kinds table)"
    )
    assert f"| `{kind}` |" in kinds_markdown()


@pytest.mark.parametrize("path", ["README.md", "docs/annotation.md"])
def test_the_docs_show_the_generated_claim_kinds_table(path: str) -> None:
    text = (REPO / path).read_text(encoding="utf-8")
    block = text[text.index(BEGIN) : text.index(END)]
    assert block.split("\n", 1)[1] == kinds_markdown()


def test_every_kind_has_reference_paths_and_an_unknown_kind_is_an_error() -> None:
    for kind in CLAIM_KINDS:
        references, _ = claim_paths(kind)
        assert ("subject",) in references
    with pytest.raises(KeyError):
        derive_claim_paths("no_such_kind")
    with pytest.raises(KeyError):
        claim_paths("no_such_kind")


def _bundled_claim_of_each_kind() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((REPO / "records" / "claims").glob("*.json")):
        for claim in orjson.loads(path.read_bytes())["claims"]:
            found.setdefault(claim["kind"], claim)
    return found


def test_a_claim_of_every_kind_naming_an_unknown_entity_fails_with_ref002(
    tmp_path: Path,
) -> None:
    examples = _bundled_claim_of_each_kind()
    assert set(examples) == set(CLAIM_KINDS), "the bundled claims lack a kind"
    claim_list = [
        dict(claim, id=f"probe-{kind.replace('_', '-')}", subject="no-such-entity")
        for kind, claim in examples.items()
    ]
    root = build_records(tmp_path / "records", claim_list=claim_list)
    unknown = {
        finding.claims
        for finding in validate(root)
        if finding.code == "REF002" and finding.pointer and finding.pointer.endswith("/subject")
    }
    assert unknown == {(claim["id"],) for claim in claim_list}


def test_the_name_rules_read_the_quotes_of_every_kind() -> None:
    """A surface form can stand in a claim of any kind, so the name rules list every kind: a
    kind added to the models without its place in these rules fails here, not silently."""
    rules = orjson.loads((REPO / "validators" / "consistency.json").read_bytes())["rules"]
    name_rules = [
        rule
        for rule in rules
        if rule["comparison"] in {"name_similarity", "registered_misspellings"}
    ]
    assert name_rules
    for rule in name_rules:
        assert sorted(rule["applies_to"]["kinds"]) == sorted(CLAIM_KINDS), rule["code"]
