"""The canonical layout (atomic writes: tests/jsonio/test_atomic.py)."""

from __future__ import annotations

from pydantic import BaseModel

from astana_facts.jsonio.writer import KEY_ORDER, dumps_canonical
from astana_facts.models import (
    AdjudicationsFile,
    ClaimsFile,
    EntitiesFile,
    RulesFile,
    SourceMetadata,
)


def test_keys_follow_the_canonical_order_and_unknown_keys_come_last() -> None:
    data = {"zzz": 1, "evidence": [], "id": "a", "kind": "count"}
    assert list(__import__("orjson").loads(dumps_canonical(data))) == [
        "id",
        "kind",
        "evidence",
        "zzz",
    ]


def test_layout_is_two_space_indent_utf8_and_one_final_newline() -> None:
    assert dumps_canonical({"a": ["Syria’s"]}) == '{\n  "a": [\n    "Syria’s"\n  ]\n}\n'.encode()


def _all_field_names() -> set[str]:
    names: set[str] = set()
    pending: list[type[BaseModel]] = [
        SourceMetadata,
        ClaimsFile,
        EntitiesFile,
        AdjudicationsFile,
        RulesFile,
    ]
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            pending.extend(_models_in(info.annotation))
    return names


def _models_in(annotation: object) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(argument))
    for meta in getattr(annotation, "__metadata__", ()) or ():
        del meta
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and hasattr(annotation, "__metadata__"):
        found.extend(_models_in(origin))
    return found


def test_every_model_field_has_a_canonical_position() -> None:
    assert _all_field_names() - set(KEY_ORDER) == set()
