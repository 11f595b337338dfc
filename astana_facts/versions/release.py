"""``release-check``: the version in pyproject.toml is at least what the change since the last
release requires, and CHANGELOG.md has a section for it.

The last release is the newest git tag ``vX.Y.Z`` that is an ancestor of HEAD and older than the
version being released; its records, schemas and validators are the baseline. With no such tag
this is the first release: no bump is required, and only the CHANGELOG section is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tomllib
from packaging.version import InvalidVersion, Version

from astana_facts.tools.git import GitError, GitMissing, run_git
from astana_facts.versions.diff import BUMPS, DatasetDiff, diff_sides
from astana_facts.versions.sides import SideError, open_side

_TAG = re.compile(r"^v(\d+\.\d+\.\d+)$")


@dataclass
class ReleaseCheck:
    """The outcome: the versions compared, the bump needed and given, and the problems."""

    version: str
    last: str | None
    needed: str
    given: str
    problems: list[str] = field(default_factory=list)
    diff: DatasetDiff | None = None


def bump_between(old: Version, new: Version) -> str:
    """Which part of the version went up: major, minor, patch, or none."""
    if new.major != old.major:
        return "major" if new > old else "none"
    if new.minor != old.minor:
        return "minor" if new > old else "none"
    if new.micro != old.micro:
        return "patch" if new > old else "none"
    return "none"


class ProjectError(ValueError):
    """The project to release cannot be read; the message says what to do."""


def project_version(project: Path) -> str:
    """The version in ``pyproject.toml``; :class:`ProjectError` when there is no such file
    (the command run outside a checkout) or it has no ``[project] version``."""
    path = project / "pyproject.toml"
    if not path.is_file():
        raise ProjectError(
            f"release-check: {project} has no pyproject.toml: run it at the top of a checkout "
            "of the dataset's project (the folder with pyproject.toml, CHANGELOG.md and "
            "records/), or name that folder: astana-facts release-check PATH"
        )
    try:
        with path.open("rb") as stream:
            return str(tomllib.load(stream)["project"]["version"])
    except KeyError:
        raise ProjectError(f"{path}: has no [project] version") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ProjectError(f"{path}: cannot read [project] version: {error}") from None


def last_release(project: Path, current: Version) -> Version | None:
    """The newest ``vX.Y.Z`` tag below ``current`` that HEAD descends from, if any."""
    try:
        tags = run_git(project, "tag", "--merged", "HEAD", "--list", "v*").decode()
    except GitMissing as error:
        raise SideError(f"release-check: {error}") from None
    except GitError:
        tags = ""  # not a checkout, or no commit yet: no earlier release
    versions = []
    for tag in tags.split():
        match = _TAG.match(tag)
        if match and Version(match[1]) < current:
            versions.append(Version(match[1]))
    return max(versions, default=None)


def changelog_has(project: Path, version: str) -> bool:
    """Whether CHANGELOG.md (Keep a Changelog) has a ``## [version]`` section."""
    path = project / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return re.search(rf"^## \[{re.escape(version)}\]", text, re.MULTILINE) is not None


def release_check(project: Path) -> ReleaseCheck:
    """Check the release that ``project`` (a git checkout) is about to make."""
    text = project_version(project)
    try:
        current = Version(text)
    except InvalidVersion:
        return ReleaseCheck(text, None, "none", "none", [f"version {text!r} is not X.Y.Z"])
    last = last_release(project, current)
    result = ReleaseCheck(text, str(last) if last else None, "none", "none")
    if last is not None:
        with open_side(f"git:v{last}", project) as old, open_side(str(project)) as new:
            result.diff = diff_sides(old, new)
        result.needed = result.diff.bump
        result.given = bump_between(last, current)
        if BUMPS.index(result.given) < BUMPS.index(result.needed):
            reasons = [
                f"{c.kind} {c.id}: {c.why}" for c in result.diff.changes if c.bump == result.needed
            ]
            result.problems.append(
                f"version {text} is a {result.given} bump from {last}, but the changes need a "
                f"{result.needed} bump: " + "; ".join(reasons[:5])
            )
    if not changelog_has(project, text):
        result.problems.append(f"CHANGELOG.md has no section '## [{text}]'")
    return result
