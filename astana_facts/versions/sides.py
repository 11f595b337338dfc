"""The two sides of a dataset diff: a checkout or records folder, a built wheel, the bundled
dataset of this installation, or the dataset as at a git revision.

A side is read as plain JSON (the diff compares what the files say, not models), with its three
folders: ``records``, ``schemas`` and ``validators``.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.reader import read_json
from astana_facts.resources import bundled, validators_for
from astana_facts.text.visible import show
from astana_facts.tools.git import (
    GitError,
    paths_at,
    revision_problem,
    run_git,
    top_folder,
    verified_commit,
)

JsonObject = dict[str, Any]


class SideError(ValueError):
    """A side of the diff cannot be read; the message says which and why."""


@dataclass
class Side:
    """One version of the dataset, as the diff sees it."""

    label: str
    documents: dict[str, JsonObject] = field(default_factory=dict)
    """Document id -> metadata (its ``sha256`` stands for the text)."""
    claims: dict[str, JsonObject] = field(default_factory=dict)
    """Claim id -> claim, with ``document`` added."""
    entities: dict[str, JsonObject] = field(default_factory=dict)
    facts: dict[str, JsonObject] = field(default_factory=dict)
    """Fact id -> fact (``facts.json``)."""
    removals: dict[str, JsonObject] = field(default_factory=dict)
    """Claim id -> its entry in the removal log (``removals.json``, optional)."""
    rules: dict[str, JsonObject] = field(default_factory=dict)
    schemas: dict[str, JsonObject] = field(default_factory=dict)
    """Schema file name -> schema."""


def _load(path: Path, key: str | None = None) -> Any:
    """A records file's JSON object, or (with ``key``) the list of objects under ``key``; read
    as strictly as ``validate`` reads it (never opening a FIFO, refusing a number that would
    change or nesting too deep), since a diff of values read otherwise would not be true."""
    parsed = read_json(path, root=path.parent)
    if isinstance(parsed, ReadError):
        where = ":".join(str(part) for part in (path, parsed.line, parsed.column) if part)
        raise SideError(f"{where}: {parsed.code} {parsed.message}")
    data = parsed.data
    items = data.get(key, []) if isinstance(data, dict) and key else data
    if not isinstance(data, dict) or not isinstance(items, list | dict):
        raise SideError(f"{path}: not a valid records file; run `astana-facts validate` on it")
    if key and not all(isinstance(item, dict) for item in items):
        raise SideError(f"{path}: {key} holds something other than objects")
    return items


def _by_id(path: Path, key: str) -> dict[str, JsonObject]:
    """Id -> object of the list under ``key`` of an optional records file (none without it)."""
    items = _load(path, key) if path.is_file() else []
    return {str(item.get("id")): item for item in items}


def read_side(label: str, records: Path, schemas: Path | None, validators: Path | None) -> Side:
    """Read the three folders of one side."""
    side = Side(label)
    for path in sorted((records / "sources").glob("*.json")):
        metadata = _load(path)
        side.documents[str(metadata.get("id", path.stem))] = metadata
    for path in sorted((records / "claims").glob("*.json")):
        document = _load(path).get("document")
        for claim in _load(path, "claims"):
            side.claims[str(claim.get("id"))] = {**claim, "document": document}
    side.entities = _by_id(records / "entities.json", "entities")
    side.facts = _by_id(records / "facts.json", "facts")
    side.removals = _by_id(records / "removals.json", "removals")
    for path in sorted(validators.glob("*.json")) if validators and validators.is_dir() else []:
        for rule in _load(path, "rules"):
            side.rules[str(rule.get("code"))] = rule
    for path in sorted(schemas.glob("*.json")) if schemas and schemas.is_dir() else []:
        side.schemas[path.name] = _load(path)
    return side


def _folders(root: Path) -> tuple[Path, Path, Path, bool]:
    """(records, schemas, validators, whether those two are the bundled ones) of a checkout, a
    package folder or a records folder.

    The rules and schemas are those the records are checked with: the folders beside them, or,
    where there are none (a records folder copied out of its checkout, a repository that keeps
    only records), this installation's bundled ones (:func:`~astana_facts.resources.
    validators_for`), so that such a folder compared with its bundled twin shows no rule
    removed."""
    if (root / "records").is_dir():
        records = root / "records"
    elif (root / "sources").is_dir() or (root / "claims").is_dir():
        records = root
    else:
        raise SideError(f"{root}: neither a records folder nor a folder holding records/")
    schemas = records.parent / "schemas"
    borrowed = not schemas.is_dir() or not (records.parent / "validators").is_dir()
    return (
        records,
        schemas if schemas.is_dir() else bundled("schemas"),
        validators_for(records),
        borrowed,
    )


def _side(spec: str, root: Path) -> Side:
    """The side in the folder ``root``, labelled ``spec`` (saying so when it borrows the
    bundled rules or schemas)."""
    records, schemas, validators, borrowed = _folders(root)
    label = f"{spec} (with the bundled rules and schemas)" if borrowed else spec
    return read_side(label, records, schemas, validators)


@contextmanager
def open_side(spec: str, repository: Path | None = None) -> Iterator[Side]:
    """The side named by ``spec``: ``bundled``, ``git:REV`` (of ``repository``, default: the
    checkout around the working directory), a ``.whl`` file, or a folder."""
    if spec == "bundled":
        yield read_side(spec, bundled("records"), bundled("schemas"), bundled("validators"))
        return
    with tempfile.TemporaryDirectory(prefix="astana-facts-side-") as temporary:
        base = Path(temporary)
        if spec.startswith("git:"):
            _extract_git(spec[4:], base, repository or Path.cwd())
            root = base
        elif spec.endswith(".whl"):
            try:
                with zipfile.ZipFile(spec) as wheel:
                    wheel.extractall(base)
            except (OSError, zipfile.BadZipFile) as error:
                raise SideError(f"{spec}: {error}") from None
            root = base / "astana_facts"
        else:
            root = Path(spec)
            if not root.is_dir():
                raise SideError(f"{spec}: no such folder, wheel or git revision (git:REV)")
        yield _side(spec, root)


def _extract_git(revision: str, into: Path, repository: Path) -> None:
    """The dataset's three folders as at ``revision`` of the checkout around ``repository``,
    unpacked into ``into``; only the verified commit id reaches ``git archive``."""
    what = "git:REV"
    try:
        if (problem := revision_problem(revision)) is not None:
            raise GitError(f"{what} {show(revision, limit=80)}: {problem}")
        top = top_folder(repository, what)
        commit = verified_commit(top, revision, what)
        archive = _archive(top, commit, f"{what} {show(revision, limit=80)}")
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(into, filter="data")
    except GitError as error:
        raise SideError(str(error)) from None
    except (tarfile.TarError, OSError) as error:
        raise SideError(f"{what} {show(revision, limit=80)}: cannot unpack: {error}") from None


def _archive(top: Path, commit: str, shown: str) -> bytes:
    """The tar archive of the dataset's folders at ``commit`` (a verified commit id): those of
    ``records``, ``schemas`` and ``validators`` that it has; a commit without ``records`` (one
    made before the dataset was added) is a :class:`GitError` that says so."""
    try:
        present = paths_at(top, commit, ["records", "schemas", "validators"])
        if "records" not in present:
            raise GitError(
                "the commit has no records/ folder (the dataset was added later); compare with "
                "a commit that has it (`git log --oneline -- records` lists them)"
            )
        folders = [name for name in ("records", "schemas", "validators") if name in present]
        return run_git(
            top, "--literal-pathspecs", "archive", "--format=tar", commit, "--", *folders
        )
    except GitError as error:
        raise GitError(f"{shown} (commit {commit[:12]}): {error}") from None
