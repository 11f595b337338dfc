"""Where in a record the things of interest are, derived once from the models.

The checks work on validated records (plain dicts); these helpers tell them, for each claim
kind, the paths to entity references and to intervals, so that no check hard-codes a field name.
A path is a tuple of keys, with ``*`` for every item of a list.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:
    from pydantic import BaseModel

Path = tuple[str, ...]


def _is_entity_ref(metadata: list[Any]) -> bool:
    from astana_facts.models.base import EntityRefMarker

    return any(isinstance(item, EntityRefMarker) for item in metadata)


def _walk(
    annotation: Any,
    metadata: list[Any],
    path: Path,
    want_model: Callable[[type[BaseModel]], bool],
    out: set[tuple[str, Path]],
) -> None:
    """Collect ("ref", path) for entity references and ("model", path) for wanted models."""
    if _is_entity_ref(metadata):
        out.add(("ref", path))
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        _walk(inner, list(extra), path, want_model, out)
    elif origin in (typing.Union, types.UnionType):
        for member in typing.get_args(annotation):
            _walk(member, [], path, want_model, out)
    elif origin is list:
        (item,) = typing.get_args(annotation)
        _walk(item, [], (*path, "*"), want_model, out)
    elif isinstance(annotation, type) and _is_model(annotation):
        if want_model(annotation):
            out.add(("model", path))
        for name, info in annotation.model_fields.items():
            _walk(
                info.annotation, list(info.metadata), (*path, info.alias or name), want_model, out
            )


def _is_model(annotation: type) -> TypeGuard[type[BaseModel]]:
    from pydantic import BaseModel

    return issubclass(annotation, BaseModel)


def _is_interval(model: type[BaseModel]) -> bool:
    from astana_facts.models.values import DateInterval, Range

    return issubclass(model, (DateInterval, Range))


def derive_claim_paths(kind: str) -> list[list[Path]]:
    """[entity-reference paths, interval paths] of claims of ``kind``, read off the models.

    Raises KeyError for a name that is not a claim kind: a kind without paths would silently
    escape the reference and interval checks."""
    from astana_facts.models.kinds import CLAIM_MODELS

    model = CLAIM_MODELS[kind]
    found: set[tuple[str, Path]] = set()
    _walk(model, [], (), _is_interval, found)
    refs = sorted(path for what, path in found if what == "ref")
    intervals = sorted(path for what, path in found if what == "model")
    return [refs, intervals]


def derive_reference_paths(model: type[BaseModel]) -> list[Path]:
    """Entity-reference paths of any model (entities, adjudications), read off the model."""
    found: set[tuple[str, Path]] = set()
    _walk(model, [], (), lambda _: False, found)
    return sorted(path for what, path in found if what == "ref")


@cache
def claim_paths(kind: str) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(entity-reference paths, interval paths) of claims of ``kind``: from the compiled file
    when it is current, else derived from the models; once per process."""
    from astana_facts.reading.compiled import compiled

    shipped = compiled()
    if shipped is not None:
        references, intervals = shipped["claim_paths"][kind]  # KeyError: no such kind
    else:
        references, intervals = derive_claim_paths(kind)
    return tuple(map(tuple, references)), tuple(map(tuple, intervals))


@cache
def model_reference_paths(name: str) -> tuple[Path, ...]:
    """Entity-reference paths of the model called ``name`` (compiled, else derived)."""
    from astana_facts.reading.compiled import compiled

    shipped = compiled()
    if shipped is not None:
        return tuple(map(tuple, shipped["reference_paths"][name]))
    from astana_facts import models

    return tuple(derive_reference_paths(getattr(models, name)))


def values_at(node: Any, path: Path, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """(JSON Pointer, value) of everything at ``path`` inside ``node``; missing keys yield
    nothing."""
    if not path:
        yield pointer, node
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from values_at(item, rest, f"{pointer}/{index}")
    elif isinstance(node, dict) and node.get(head) is not None:
        yield from values_at(node[head], rest, f"{pointer}/{head}")


Collector = Callable[[Any], list[Any]]
Trie = tuple[tuple[str, "Trie | None"], ...]
"""Paths merged by their shared prefixes: (key, what lies below it, or None at a path's end)."""


def _trie(paths: Iterable[Path]) -> Trie:
    """The paths merged into a :data:`Trie`."""
    below: dict[str, list[Path]] = {}
    for path in paths:
        if path:
            below.setdefault(path[0], []).append(path[1:])
    return tuple(
        (key, None if any(not rest for rest in rests) else _trie(rests))
        for key, rests in below.items()
    )


def _emit(trie: Trie, node: str, depth: int, indent: int, lines: list[str]) -> None:
    """Append to ``lines`` the Python statements that collect, from the variable ``node``, every
    value at the paths of ``trie`` into ``out``."""
    pad = "    " * indent
    for key, rest in trie:
        if key == "*":
            lines.append(f"{pad}if isinstance({node}, list):")
            if rest is None:
                lines.append(f"{pad}    out.extend({node})")
            else:
                lines.append(f"{pad}    for i{depth} in {node}:")
                _emit(rest, f"i{depth}", depth + 1, indent + 2, lines)
            continue
        value = f"n{depth}"
        lines.append(f"{pad}{value} = {node}.get({key!r}) if isinstance({node}, dict) else None")
        if rest is None:
            lines.append(f"{pad}if {value} is not None:")
            lines.append(f"{pad}    out.append({value})")
        else:
            lines.append(f"{pad}if {value} is not None:")
            _emit(rest, value, depth + 1, indent + 1, lines)


def collector(paths: tuple[Path, ...]) -> Collector:
    """A function returning every value at any of ``paths`` in a record (no pointers), in the
    order :func:`values_at` finds them path by path.

    The function is written out for its paths (one walk down their shared prefixes, straight-
    line code, no interpretation of the paths per record): the integrity checks call it for
    every claim. (A path that is a prefix of another would stop the walk there; the models'
    paths end at scalars and intervals.)
    """
    lines = ["def collect(record):", "    out = []"]
    _emit(_trie(paths), "record", 0, 1, lines)
    lines.append("    return out")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)  # the source holds only the models' field names
    collect: Collector = namespace["collect"]
    return collect


@cache
def claim_collectors(kind: str) -> tuple[Collector, Collector]:
    """Collectors of (entity references, intervals) of claims of ``kind``."""
    references, intervals = claim_paths(kind)
    return collector(references), collector(intervals)
