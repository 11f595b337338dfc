"""Mutations of a copied records folder, each drawn from a seeded ``random.Random``.

A case folder holds ``records/`` and ``validators/`` (copies of the bundled ones). A mutation
changes it in place and returns a :class:`Step`: its kind (the name of the mutation), what it did
(enough to redo it by hand) and whether ``validate`` must now fail (the records are certainly
wrong: garbage must never pass).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.fuzz.values import LONE_SURROGATE, dumps, hostile_value, odd_text


@dataclass(frozen=True)
class Step:
    """One mutation as applied: its kind, what it did, and whether validate must fail."""

    kind: str
    detail: str
    must_fail: bool = False

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


Mutation = Callable[[random.Random, Path], Step | None]
"""Changes the case folder; ``None`` when it found nothing to change."""


def _regular(paths: list[Path]) -> list[Path]:
    return sorted(path for path in paths if path.is_file() and not path.is_symlink())


def json_files(case: Path, *, validators: bool = True) -> list[Path]:
    """Every JSON file of the case that is still a regular file."""
    found = list((case / "records").rglob("*.json"))
    if validators:
        found += list((case / "validators").glob("*.json"))
    return _regular(found)


def _texts(case: Path) -> list[Path]:
    return _regular(list((case / "records" / "sources").glob("*.txt")))


def _name(case: Path, path: Path) -> str:
    return path.relative_to(case).as_posix()


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (ValueError, OSError, RecursionError):
        return None


def positions(data: Any, pointer: str = "") -> list[tuple[str, Any, Any]]:
    """Every (pointer, container, key) below ``data``: the places a value can be changed."""
    found: list[tuple[str, Any, Any]] = []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        here = f"{pointer}/{key}"
        found.append((here, data, key))
        found.extend(positions(value, here))
    return found


def _json_target(rng: random.Random, case: Path) -> tuple[Path, Any] | None:
    files = [(path, data) for path in json_files(case) if (data := _load(path)) is not None]
    return rng.choice(files) if files else None


def change_value(rng: random.Random, case: Path) -> Step | None:
    """A value anywhere in a JSON file becomes a hostile one (see ``values``)."""
    target = _json_target(rng, case)
    if target is None or not (places := positions(target[1])):
        return None
    path, data = target
    pointer, container, key = rng.choice(places)
    container[key], what = hostile_value(rng, container[key])
    path.write_bytes(dumps(data))
    return Step("change-value", f"{_name(case, path)} {pointer} := {what}")


def delete_key(rng: random.Random, case: Path) -> Step | None:
    """A member of an object (or an item of a list) disappears."""
    target = _json_target(rng, case)
    if target is None or not (places := positions(target[1])):
        return None
    path, data = target
    pointer, container, key = rng.choice(places)
    del container[key]
    path.write_bytes(dumps(data))
    return Step("delete-key", f"{_name(case, path)} {pointer} removed")


def duplicate_item(rng: random.Random, case: Path) -> Step | None:
    """An item of a list appears twice (a claim, an entity, a span, a member)."""
    target = _json_target(rng, case)
    if target is None:
        return None
    path, data = target
    lists = [(p, c, k) for p, c, k in positions(data) if isinstance(c[k], list) and c[k]]
    if not lists:
        return None
    pointer, container, key = rng.choice(lists)
    items = container[key]
    items.insert(rng.randint(0, len(items)), json.loads(json.dumps(rng.choice(items))))
    path.write_bytes(dumps(data))
    return Step("duplicate-item", f"{_name(case, path)} {pointer}: an item twice")


def duplicate_key(rng: random.Random, case: Path) -> Step | None:
    """A member line is repeated: the same key twice in one object."""
    files = json_files(case)
    if not files:
        return None
    path = rng.choice(files)
    lines = path.read_bytes().split(b"\n")
    members = [
        i for i, line in enumerate(lines) if line.lstrip().startswith(b'"') and b'": ' in line
    ]
    if not members:
        return None
    at = rng.choice(members)
    line = lines[at] if lines[at].endswith(b",") else lines[at] + b","
    if lines[at].rstrip().endswith((b"{", b"[")):
        return None
    lines.insert(at, line)
    path.write_bytes(b"\n".join(lines))
    return Step("duplicate-key", f"{_name(case, path)} line {at + 1} repeated")


def odd_string(rng: random.Random, case: Path) -> Step | None:
    """A string gets an invisible, look-alike or lone-surrogate character."""
    target = _json_target(rng, case)
    if target is None:
        return None
    path, data = target
    strings = [(p, c, k) for p, c, k in positions(data) if isinstance(c[k], str)]
    if not strings:
        return None
    pointer, container, key = rng.choice(strings)
    if rng.random() < 0.2:
        container[key], what = LONE_SURROGATE, "an escaped lone surrogate"
    else:
        container[key] = odd_text(rng, container[key])
        what = ascii(container[key][:60])
    path.write_bytes(dumps(data))
    return Step("odd-string", f"{_name(case, path)} {pointer} := {what}")


def _claims(case: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in _regular(list((case / "records" / "claims").glob("*.json"))):
        data = _load(path)
        if isinstance(data, dict) and isinstance(data.get("claims"), list) and data["claims"]:
            found.append((path, data))
    return found


def claim_across_files(rng: random.Random, case: Path) -> Step | None:
    """A claim of one file is copied into another: a duplicate id, spans in the wrong text."""
    files = _claims(case)
    if len(files) < 2:
        return None
    (source, source_data), (path, data) = rng.sample(files, 2)
    claim = rng.choice(source_data["claims"])
    data["claims"].append(claim)
    path.write_bytes(dumps(data))
    detail = f"claim {claim.get('id')!r} of {_name(case, source)} also in {_name(case, path)}"
    return Step("claim-across-files", detail, must_fail=True)


def wrong_document(rng: random.Random, case: Path) -> Step | None:
    """A claims file names another document, or one that does not exist."""
    files = _claims(case)
    if not files:
        return None
    path, data = rng.choice(files)
    others = [p.stem for p, _ in files if p != path] + ["no-such-document"]
    data["document"] = rng.choice(others)
    path.write_bytes(dumps(data))
    return Step("wrong-document", f"{_name(case, path)} /document := {data['document']!r}", True)


def offsets_out_of_range(rng: random.Random, case: Path) -> Step | None:
    """A span's offsets point outside its text, or end before they start."""
    files = _claims(case)
    if not files:
        return None
    path, data = rng.choice(files)
    index = rng.randrange(len(data["claims"]))
    claim = data["claims"][index]
    if not isinstance(claim, dict) or not claim.get("evidence"):
        return None
    span = claim["evidence"][0]
    start, end = rng.choice([(10**6, 10**6 + 5), (50, 10), (-5, 3), (0, 10**7), (2**40, 2**40 + 1)])
    span["start"], span["end"] = start, end
    path.write_bytes(dumps(data))
    detail = f"{_name(case, path)} /claims/{index}/evidence/0 start={start} end={end}"
    return Step("offsets-out-of-range", detail, must_fail=True)
