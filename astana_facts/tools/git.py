"""Running git on a user's behalf, so that a revision a user types is only ever a revision.

A revision given on the command line (``--changed-since REF``, ``diff git:REV``) is untrusted
text: passed to ``git archive`` as it is, ``--output=/some/file`` is an option that overwrites a
file. So every user-given revision is first checked here, and nothing else of git sees it:

1. it must not be empty, start with ``-`` or hold a NUL (checked before git runs at all);
2. ``git rev-parse --verify --quiet --end-of-options REV^{commit}`` must resolve it to a commit
   (``--end-of-options``: even rev-parse reads it as a revision, never as an option);
3. every later git command gets the full commit id that rev-parse printed, never the user's text.

A missing git, a folder outside any repository and an unknown revision are :class:`GitError`
with a message naming the option and the revision; the commands turn it into exit 2.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from astana_facts.text.visible import show

_OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
"""A full object id as git prints it: SHA-1, or SHA-256 in a repository that uses it."""


class GitError(RuntimeError):
    """git cannot do what was asked; the message says what, for which option and revision."""


class GitMissing(GitError):
    """git itself cannot be run (not installed, not on PATH)."""


def run_git(repository: Path, *args: str) -> bytes:
    """Standard output of ``git -C repository args``; :class:`GitError` when git is missing or
    fails (the message ends with the last line git wrote on standard error).

    ``args`` are the program's own, never a user's text: a revision goes through
    :func:`verified_commit` first."""
    try:
        done = subprocess.run(
            ["git", "-C", str(repository), *args], capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitMissing("git is not installed (or not on PATH)") from None
    except (OSError, ValueError) as error:
        raise GitError(f"cannot run git: {error}") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        command = next((arg for arg in args if not arg.startswith("-")), "")
        raise GitError(f"git {command} failed: {lines[-1] if lines else 'no message'}")
    return done.stdout


def top_folder(path: Path, what: str) -> Path:
    """The top folder of the git checkout holding ``path``; ``what`` (the option that needs git)
    names the caller in the message when there is none."""
    try:
        return Path(run_git(path, "rev-parse", "--show-toplevel").decode().strip())
    except GitMissing as error:
        raise GitMissing(f"{what}: {error}") from None
    except GitError as error:
        raise GitError(f"{what}: {path} is not inside a git checkout ({error})") from None


def revision_problem(revision: str) -> str | None:
    """Why ``revision`` cannot be a revision whatever the repository holds, or None."""
    if not revision.strip():
        return "a revision cannot be empty"
    if revision.startswith("-"):
        return 'a revision cannot start with "-" (git would read it as an option)'
    if "\0" in revision:
        return "a revision cannot hold a NUL character"
    return None


def verified_commit(repository: Path, revision: str, what: str) -> str:
    """The full id of the commit that ``revision`` names in ``repository``.

    :class:`GitError` naming ``what`` (the option or argument that gave it) and the revision
    when it is not a revision or names no commit (a tree, a blob, nothing); git never sees a
    ``revision`` that :func:`revision_problem` refuses."""
    shown = f"{what} {show(revision, limit=80)}"
    problem = revision_problem(revision)
    if problem is not None:
        raise GitError(f"{shown}: {problem}")
    try:
        out = run_git(
            repository,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{revision}^{{commit}}",
        )
    except GitMissing as error:
        raise GitMissing(f"{what}: {error}") from None
    except GitError:
        past_root = _past_root(repository, revision)
        raise GitError(
            f"{shown}: {past_root}"
            if past_root
            else f"{shown}: not a commit of the git repository {repository} (give a branch, a tag "
            "or a commit id; in a shallow clone, fetch it first)"
        ) from None
    commit = out.decode("ascii", "replace").strip()
    if not _OBJECT_ID.fullmatch(commit):
        raise GitError(f"{shown}: git rev-parse gave {commit!r}, not a commit id")
    return commit


_ANCESTRY = re.compile(r"(.+?)((?:[~^][0-9]*)+)")
"""A revision that walks back from another (``HEAD~3``, ``main^``, ``v1^2~1``)."""


def _past_root(repository: Path, revision: str) -> str | None:
    """Why ``revision`` names no commit when it walks back from a commit past the first (root)
    commit of its history (``HEAD~1`` in a repository of one commit), else None. Only the base
    revision's verified id, never the user's text, reaches ``git rev-list``."""
    match = _ANCESTRY.fullmatch(revision)
    if match is None or revision_problem(match[1]) is not None:
        return None
    try:
        out = run_git(
            repository, "rev-parse", "--verify", "--quiet", "--end-of-options",
            f"{match[1]}^{{commit}}",
        )  # fmt: skip
        base = out.decode("ascii", "replace").strip()
        if not _OBJECT_ID.fullmatch(base):
            return None
        roots = run_git(repository, "rev-list", "--max-parents=0", base).decode().split()
    except GitError:
        return None
    return (
        f"goes back past the first (root) commit of the history of {show(match[1], limit=80)}, "
        f"which has no parent: the root commit is {', '.join(root[:12] for root in roots)}; "
        "compare with it or a later commit"
    )


def paths_at(repository: Path, commit: str, paths: list[str]) -> set[str]:
    """Which of the top-level ``paths`` exist at ``commit`` (a verified commit id): ``git
    archive`` refuses a path the commit does not have, such as ``schemas`` in a repository that
    keeps only records, or everything before the commit that added the dataset. ``.`` (a
    repository that is the records folder) is the commit's whole tree, always there."""
    top = {path for path in paths if path in (".", "")}
    named = [path for path in paths if path not in top]
    if not named:
        return top
    out = run_git(repository, "--literal-pathspecs", "ls-tree", "--name-only", commit, "--", *named)
    return top | (set(out.decode("utf-8", "replace").splitlines()) & set(named))
