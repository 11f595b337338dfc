"""Validators and record paths compiled from the models, cached on disk between runs.

Building the hot-path validators means importing pydantic, defining the models and generating
their core schemas: about two thirds of a command's start-up. The result is plain data (the
typed-dict core schema of each records file, the paths to entity references and intervals per
claim kind), so it is written once to a cache file as JSON and read back by later runs, which
then need only pydantic-core. The schemas call no Python function (the models state every
constraint in core-schema terms), which is what lets them be plain JSON.

The cache file is keyed by the pydantic-core version and a hash of the source of the models, so
an upgrade or an edited model gets a fresh one; it lives in ``$ASTANA_FACTS_CACHE_DIR``, else
``$XDG_CACHE_HOME/astana-facts``, else ``~/.cache/astana-facts``. ``ASTANA_FACTS_NO_CACHE=1``
turns it off. Any problem with the cache (unwritable, unreadable, stale) falls back to building
from the models, which is always correct, only slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from pydantic_core import SchemaValidator
from pydantic_core import __version__ as core_version

FILE_MODELS = ("ClaimsFile", "SourceMetadata", "EntitiesFile", "AdjudicationsFile", "RulesFile")
"""The models of records and validators files, by name."""
REFERENCE_MODELS = ("Entity",)
"""Models other than claims whose entity references the checks need."""
_DROPPED = frozenset({"serialization", "metadata"})
_PACKAGE = Path(__file__).resolve().parent
_SOURCES = ("compiled.py", "record_validation.py", "model_paths.py")

PathTuple = tuple[str, ...]


def cache_dir() -> Path | None:
    """Where the compiled file is kept, or None when caching is off."""
    if os.environ.get("ASTANA_FACTS_NO_CACHE"):
        return None
    explicit = os.environ.get("ASTANA_FACTS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "astana-facts"


def source_hash() -> str:
    """A hash of what the compiled data depends on: pydantic-core and the models' source."""
    digest = hashlib.sha256(core_version.encode())
    files = sorted((_PACKAGE / "models").glob("*.py")) + [_PACKAGE / name for name in _SOURCES]
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def _encode(node: Any) -> Any:
    """A core schema as JSON, serialization and metadata dropped; a Python function in it (which
    JSON cannot hold, and the models do not use) is an error."""
    if isinstance(node, dict):
        return {key: _encode(value) for key, value in node.items() if key not in _DROPPED}
    if isinstance(node, list | tuple):
        return [_encode(item) for item in node]
    if callable(node):
        raise ValueError(f"cannot compile a call to {node!r}")
    return node


def generate() -> dict[str, Any]:
    """Compile the validators and paths from the models (imports pydantic and the models)."""
    from astana_facts import models
    from astana_facts.models.claims import CLAIM_KINDS
    from astana_facts.reading import model_paths
    from astana_facts.reading.validators import typed_dict_schema

    validators = {name: _encode(typed_dict_schema(getattr(models, name))) for name in FILE_MODELS}
    return {
        "source_hash": source_hash(),
        "validators": validators,
        "claim_paths": {kind: model_paths.derive_claim_paths(kind) for kind in CLAIM_KINDS},
        "reference_paths": {
            name: model_paths.derive_reference_paths(getattr(models, name))
            for name in REFERENCE_MODELS
        },
    }


@cache
def compiled() -> dict[str, Any]:
    """The compiled data: from the cache file when it is there and current, else generated (and
    written to the cache for the next run)."""
    folder = cache_dir()
    key = source_hash()
    path = folder / f"compiled-{key}.json" if folder is not None else None
    if path is not None:
        with contextlib.suppress(OSError, orjson.JSONDecodeError):
            data = orjson.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("source_hash") == key:
                return data
    data = generate()
    if path is not None:
        with contextlib.suppress(OSError):
            from astana_facts.jsonio.writer import write_atomic

            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, orjson.dumps(data))
    return data


@cache
def file_validator(name: str) -> SchemaValidator:
    """The hot-path validator of the records file model ``name`` (see :data:`FILE_MODELS`)."""
    from astana_facts.reading.validators import VALIDATOR_CONFIG

    try:
        schema = compiled()["validators"][name]
        return SchemaValidator(schema, VALIDATOR_CONFIG)  # type: ignore[arg-type]
    except Exception:  # a stale or foreign cache: build from the models, always right
        from astana_facts import models
        from astana_facts.reading.validators import record_validator

        return record_validator(getattr(models, name))


@cache
def claim_paths(kind: str) -> tuple[tuple[PathTuple, ...], tuple[PathTuple, ...]]:
    """(entity-reference paths, interval paths) of claims of ``kind``."""
    found = compiled()["claim_paths"].get(kind)
    if found is None:
        return (), ()
    references, intervals = found
    return tuple(map(tuple, references)), tuple(map(tuple, intervals))


@cache
def reference_paths(name: str) -> tuple[PathTuple, ...]:
    """Entity-reference paths of the model ``name`` (see :data:`REFERENCE_MODELS`)."""
    return tuple(map(tuple, compiled()["reference_paths"][name]))
