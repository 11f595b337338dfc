"""The hot-path validators and record paths, compiled from the models and shipped as a file.

Generating the validators means importing pydantic, defining the models and generating their
core schemas: about 0.2 s, most of the start-up of a command on a small folder. The result is
plain data (the typed-dict core schema of each records file, and the entity-reference and
interval paths of each claim kind), so ``astana-facts schemas`` writes it beside this module as
``compiled.json``, a generated file like ``schemas/*.json``: ``schemas --check`` and a test fail
when it differs from what the models give. It is not a cache: nothing is written at run time,
and nothing outside the checkout.

A core schema belongs to the pydantic-core version that wrote it, so the file is used only when
the installed pydantic-core is that version; with any other, the validators are built from the
models, as they always can be (the same records are accepted either way, only slower to start).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import orjson
from pydantic_core import __version__ as core_version

COMPILED = Path(__file__).with_name("compiled.json")
"""The generated file."""
FILE_MODELS = (
    "ClaimsFile",
    "SourceMetadata",
    "EntitiesFile",
    "MeasuresFile",
    "AdjudicationsFile",
    "FactsFile",
    "VerdictsFile",
    "RemovalsFile",
    "RulesFile",
)
"""The models of records and validators files, by name."""
REFERENCE_MODELS = ("Entity",)
"""Models other than claims whose entity references the checks need."""
_DROPPED = frozenset({"serialization", "metadata"})
_REF_KEYS = frozenset({"ref", "schema_ref"})


def _plain(node: Any, refs: dict[str, str]) -> Any:
    """A core schema as JSON data: serialization and metadata dropped (neither is used to
    validate), and definition names made stable (pydantic names them after the class and its
    ``id()``, which changes from one process to the next). The models call no Python function
    from their core schemas, so none is lost."""
    if isinstance(node, dict):
        return {
            key: _stable_ref(value, refs) if key in _REF_KEYS else _plain(value, refs)
            for key, value in node.items()
            if key not in _DROPPED
        }
    if isinstance(node, list | tuple):
        return [_plain(item, refs) for item in node]
    if callable(node):
        raise ValueError(f"a core schema calls {node!r}, which a file cannot hold")
    return node


def _stable_ref(ref: str, refs: dict[str, str]) -> str:
    """``module.Class:140234…`` -> ``module.Class`` (numbered when two classes share a name)."""
    if ref not in refs:
        name = ref.rsplit(":", 1)[0]
        taken = set(refs.values())
        refs[ref] = name if name not in taken else f"{name}#{len(refs)}"
    return refs[ref]


def generate() -> dict[str, Any]:
    """The compiled data, from the models (imports pydantic and the models)."""
    from astana_facts import models
    from astana_facts.models.kinds import CLAIM_KINDS
    from astana_facts.reading import model_paths
    from astana_facts.reading.validators import typed_dict_schema

    _rebuild_all(models)
    return {
        "pydantic_core": core_version,
        "validators": {
            name: _plain(typed_dict_schema(getattr(models, name)), {}) for name in FILE_MODELS
        },
        "claim_paths": {kind: model_paths.derive_claim_paths(kind) for kind in CLAIM_KINDS},
        "fact_kinds": list(models.FACT_KINDS),
        "reference_paths": {
            name: model_paths.derive_reference_paths(getattr(models, name))
            for name in REFERENCE_MODELS
        },
    }


def _rebuild_all(package: Any) -> None:
    """Rebuild every model of the package, in name order, so the core schemas generated next
    do not depend on which models this process happened to build before (pydantic inlines a
    nested model's schema or refers to its definition depending on that)."""
    import inspect
    import sys

    from pydantic import BaseModel

    found = {
        f"{cls.__module__}.{cls.__qualname__}": cls
        for name, module in sorted(sys.modules.items())
        if name.startswith(package.__name__ + ".")
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == name
    }
    for _, cls in sorted(found.items()):
        cls.model_rebuild(force=True)


def render() -> bytes:
    """The compiled file's content: sorted keys, final newline (stable, reviewable diffs)."""
    return orjson.dumps(generate(), option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


@cache
def compiled() -> dict[str, Any] | None:
    """The compiled data, when the file is there and was written by the installed
    pydantic-core; else None (build from the models)."""
    try:
        data = orjson.loads(COMPILED.read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return None  # (a damaged file: `schemas --check` reports it; the models still serve)
    if not isinstance(data, dict) or data.get("pydantic_core") != core_version:
        return None
    return data


__all__ = ["COMPILED", "FILE_MODELS", "compiled", "generate", "render"]
