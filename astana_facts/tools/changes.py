"""Scoping a check to a change: which findings it introduced as against those that were there
before, or which concern the files a contributor names.

The baseline is the records folder (and its validators) as they were at a git revision, read
with ``git archive`` into a temporary folder and checked the same way. A finding is the same
finding before and after when it has the same code, file, claims and field: consistency findings
by their fingerprint, integrity findings by (code, file, claim ids, pointer within the claim),
so that a claim moving within its file does not make its old findings look new.
"""

from __future__ import annotations

import io
import re
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from astana_facts.findings.finding import Finding
from astana_facts.resources import real_path
from astana_facts.text.visible import show
from astana_facts.tools.git import (
    GitError,
    paths_at,
    revision_problem,
    run_git,
    top_folder,
    verified_commit,
)

_CLAIM_INDEX = re.compile(r"^/(claims|not_check_worthy|entities|adjudications)/\d+")


class ChangeError(RuntimeError):
    """The change cannot be determined (git missing, not a git checkout, not a commit)."""


def repository_of(path: Path) -> Path:
    """The top folder of the git checkout that holds ``path``."""
    try:
        return top_folder(path, "--changed-since")
    except GitError as error:
        raise ChangeError(str(error)) from None


def _inside(folder: Path, repository: Path) -> Path | None:
    """``folder`` relative to ``repository``, or ``None`` when it lies outside it."""
    try:
        return real_path(folder).relative_to(real_path(repository))
    except ValueError:
        return None


def _archive(repository: Path, revision: str, folders: list[Path]) -> tuple[str, bytes]:
    """The commit ``revision`` names, and the tar archive of ``folders`` at it.

    Only the verified commit id reaches ``git archive``, never the user's text; pathspecs are
    literal, so that a folder named like a pathspec pattern is that folder."""
    try:
        commit = verified_commit(repository, revision, "--changed-since")
    except GitError as error:
        raise ChangeError(str(error)) from None
    try:
        # A folder the commit does not have (the records before they were added) is empty then:
        # everything in it now is what the change brought.
        present = paths_at(repository, commit, [str(folder) for folder in folders])
        if not present:
            return commit, b""
        return commit, run_git(
            repository, "--literal-pathspecs", "archive", "--format=tar", commit, "--",
            *sorted(present),
        )  # fmt: skip
    except GitError as error:
        raise ChangeError(f"--changed-since {show(revision, limit=80)}: {error}") from None


@contextmanager
def baseline(
    root: Path, validators: Path | None, revision: str
) -> Iterator[tuple[Path, Path | None]]:
    """The records folder (and validators folder) as at ``revision``, in a temporary folder.

    A validators folder outside the repository (the bundled rules, when the repository keeps
    only records) has no history there: the baseline is checked with it as it is now."""
    if (problem := revision_problem(revision)) is not None:
        raise ChangeError(f"--changed-since {show(revision, limit=80)}: {problem}")
    repository = repository_of(root)
    records = _inside(root, repository)
    if records is None:
        raise ChangeError(f"{root} is not inside the git repository {repository}")
    rules = _inside(validators, repository) if validators is not None else None
    folders = [records] + ([rules] if rules is not None else [])
    commit, archive = _archive(repository, revision, folders)
    with tempfile.TemporaryDirectory(prefix="astana-facts-baseline-") as temporary:
        try:
            if archive:
                with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                    tar.extractall(temporary, filter="data")
            (Path(temporary) / records).mkdir(parents=True, exist_ok=True)
        except (tarfile.TarError, OSError) as error:
            message = f"--changed-since: cannot unpack the records at {commit}: {error}"
            raise ChangeError(message) from None
        base = Path(temporary)
        old_validators = validators if rules is None else base / rules
        if old_validators is not None and not old_validators.is_dir():
            old_validators = None
        yield base / records, old_validators


def finding_key(finding: Finding, root: Path) -> tuple[object, ...]:
    """What makes a finding the same finding before and after a change (see the module doc)."""
    if finding.fingerprint is not None:
        return ("fingerprint", finding.fingerprint)
    file = finding.file or ""
    with suppress(ValueError):
        file = real_path(file).relative_to(real_path(root)).as_posix()
    pointer = finding.pointer or ""
    if finding.claims:
        pointer = _CLAIM_INDEX.sub("", pointer)
    return (finding.code, file, finding.claims, pointer)


@dataclass
class Split:
    """Findings that a change introduced, and those that were there before it."""

    new: list[Finding]
    old: list[Finding]


def split_findings(
    findings: Iterable[Finding], root: Path, before: Iterable[Finding], before_root: Path
) -> Split:
    """``findings`` parted into those not present in ``before`` and those that were."""
    known = {finding_key(finding, before_root) for finding in before}
    split = Split([], [])
    for finding in findings:
        (split.old if finding_key(finding, root) in known else split.new).append(finding)
    return split


def touching(findings: Iterable[Finding], files: set[Path], claim_files: dict[str, Path]) -> Split:
    """``findings`` parted by whether they concern ``files``: their own file, or a claim whose
    file is one of them (a consistency finding between a new claim and an old one)."""
    split = Split([], [])
    for finding in findings:
        own = finding.file is not None and real_path(finding.file) in files
        via_claims = any(claim_files.get(claim) in files for claim in finding.claims)
        (split.new if own or via_claims else split.old).append(finding)
    return split
