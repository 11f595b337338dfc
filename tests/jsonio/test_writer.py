"""The canonical layout and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from astana_facts.jsonio.writer import KEY_ORDER, dumps_canonical, write_atomic
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


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"old")

    def explode(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("astana_facts.jsonio.writer.os.replace", explode)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_an_atomic_write_replaces_the_content(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    import os
    import stat

    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", b"{}\n")
        kept = tmp_path / "kept.json"
        kept.write_bytes(b"old\n")
        kept.chmod(0o600)
        write_atomic(kept, b"new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_bytes() == b"new\n"
