"""A revision a user types is only ever a revision: verified as a commit before use, and never
seen by git as an option (``--changed-since '--output=FILE'`` once truncated FILE)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from astana_facts.cli.main import cli
from astana_facts.text.visible import show
from astana_facts.tools.changes import ChangeError, baseline
from astana_facts.tools.git import GitMissing, revision_problem, verified_commit
from astana_facts.versions.sides import SideError, open_side
from tests.factories import build_records

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

_COMMIT = re.compile(r"[0-9a-f]{40}")
_REAL_RUN = subprocess.run


def _git(root: Path, *args: str) -> str:
    identity = ["-c", "user.email=t@example.org", "-c", "user.name=t"]
    done = _REAL_RUN(
        ["git", "-C", str(root), *identity, *args], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git checkout holding a dataset (records, schemas, validators), committed and tagged."""
    root = tmp_path / "checkout"
    build_records(root / "records")
    for folder in ("schemas", "validators"):
        (root / folder).mkdir()
        (root / folder / "keep.json").write_text("{}\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "first")
    _git(root, "tag", "v1")
    _git(root, "tag", "-a", "v2", "-m", "an annotated tag names a tag object, peeled to its commit")
    _git(root, "branch", "side")
    return root


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """Every argument list that anything passes to ``subprocess.run`` for git, in order."""
    calls: list[list[str]] = []

    def spy(argv: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(argv, list | tuple) and argv and argv[0] == "git":
            calls.append([str(part) for part in argv])
        return _REAL_RUN(argv, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    yield calls


_CONSTANT_ARGS = {
    "-C", "rev-parse", "--show-toplevel", "--verify", "--quiet", "--end-of-options",
    "--literal-pathspecs", "archive", "--format=tar", "--",
    "records", "schemas", "validators", "ls-tree", "--name-only", "rev-list", "--max-parents=0",
}  # fmt: skip


def _only_safe(calls: list[list[str]], revision: str, repository: Path) -> None:
    """Each git call holds the user's revision only after ``--end-of-options`` (as
    ``REV^{commit}``, or the part ``BASE`` of ``BASE~2`` as ``BASE^{commit}``), everything
    else being the program's constants, the checkout's folder and verified 40-hex commit ids."""
    folders = {str(path) for path in (repository, repository / "records", repository.resolve())}
    for argv in calls:
        assert argv[:3] == ["git", "-C", argv[2]] and argv[2] in folders
        rest = argv[3:]
        if "--end-of-options" in rest:
            cut = rest.index("--end-of-options")
            (given,) = rest[cut + 1 :]
            # the revision, or (to explain one past the root commit) the revision it walks from
            assert given.endswith("^{commit}"), argv
            assert revision.startswith(given.removesuffix("^{commit}")), argv
            rest = rest[:cut]
        for part in rest:
            assert part in _CONSTANT_ARGS or _COMMIT.fullmatch(part), (part, argv)


_HOSTILE = st.one_of(
    st.text(max_size=30),
    st.text(max_size=20).map(lambda text: "-" + text),
    st.text(max_size=20).map(lambda text: "--output=" + text),
    st.sampled_from(["HEAD", "v1", "side", "HEAD~0", "HEAD^{}", "HEAD^{tree}", "HEAD:records"]),
    st.tuples(
        st.sampled_from(["HEAD", "v1", "x y"]), st.sampled_from([" ", "\n", "\0", "^{}"])
    ).map("".join),
)


@given(revision=_HOSTILE)
@example(revision="--output=VICTIM")
@example(revision="--remote=file:///tmp")
@example(revision="--exec=touch VICTIM")
@example(revision="")
@example(revision="HEAD\0--output=VICTIM")
def test_a_hostile_revision_never_reaches_git_as_an_option(
    repository: Path, git_calls: list[list[str]], tmp_path: Path, revision: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    revision = revision.replace("VICTIM", str(victim))
    for attempt in ("changed-since", "diff"):
        git_calls.clear()
        try:
            if attempt == "changed-since":
                with baseline(repository / "records", None, revision):
                    pass
            else:
                with open_side(f"git:{revision}", repository):
                    pass
        except (ChangeError, SideError) as error:
            assert str(error)  # a message, said to the user; never another exception
        _only_safe(git_calls, revision, repository)
        if revision_problem(revision) is not None:
            assert git_calls == []  # refused before git runs at all
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["checkout", "victim.txt"]
    assert _git(repository, "status", "--porcelain") == ""


@pytest.mark.parametrize("revision", ["HEAD", "v1", "v2", "side", "HEAD~0", "@"])
def test_a_branch_tag_or_commit_is_used_by_its_full_commit_id(
    repository: Path, git_calls: list[list[str]], revision: str
) -> None:
    head = _git(repository, "rev-parse", "HEAD")
    assert verified_commit(repository, revision, "--changed-since") == head
    short = head[:10]
    assert verified_commit(repository, short, "--changed-since") == head
    git_calls.clear()
    with baseline(repository / "records", None, revision) as (old, _):
        assert (old / "entities.json").is_file()
    archive = [argv for argv in git_calls if "archive" in argv]
    assert len(archive) == 1 and head in archive[0] and revision not in archive[0]
    with open_side(f"git:{revision}", repository) as side:
        assert side.claims


@pytest.mark.parametrize(
    ("revision", "expected"),
    [
        ("--output=x", 'cannot start with "-"'),
        ("", "cannot be empty"),
        ("a\0b", "NUL"),
        ("HEAD^{tree}", "not a commit"),
        ("no-such-branch", "not a commit"),
    ],
)
def test_a_revision_that_is_no_commit_is_a_usage_error_naming_option_and_revision(
    repository: Path, monkeypatch: pytest.MonkeyPatch, revision: str, expected: str
) -> None:
    monkeypatch.chdir(repository)
    for argv, option in (
        (["validate", "--changed-since", revision], "--changed-since"),
        (["report", "--changed-since", revision], "--changed-since"),
        (["diff", f"git:{revision}", "records"], "git:REV"),
    ):
        result = CliRunner().invoke(cli, argv)
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)  # an exit code, not a crash
        assert expected in result.stderr and option in result.stderr
        assert show(revision, limit=80) in result.stderr


def test_records_outside_a_checkout_are_a_usage_error(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    result = CliRunner().invoke(cli, ["validate", "--records", str(root), "--changed-since", "x"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "--changed-since" in result.stderr and "not inside a git checkout" in result.stderr
    with (
        pytest.raises(SideError, match="not inside a git checkout"),
        open_side("git:HEAD", tmp_path),
    ):
        pass


def test_a_missing_git_is_named(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repository / "no-such-folder"))
    with pytest.raises(GitMissing, match="--changed-since: git is not installed"):
        verified_commit(repository, "HEAD", "--changed-since")
    result = CliRunner().invoke(
        cli, ["validate", "--records", str(repository / "records"), "--changed-since", "HEAD"]
    )
    assert result.exit_code == 2 and "git is not installed" in result.stderr
    assert isinstance(result.exception, SystemExit)


def test_release_check_names_a_missing_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "0.1.0"\n', encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-folder"))
    result = CliRunner().invoke(cli, ["release-check", str(tmp_path)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "release-check: git is not installed" in result.stderr


@pytest.fixture
def records_added_later(tmp_path: Path) -> Path:
    """A repository whose root commit has no records; the second adds records only (no schemas
    or validators: a repository that keeps just its records), one quote of them wrong."""
    root = tmp_path / "late"
    root.mkdir()
    (root / "README").write_text("a project\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "root")
    records = build_records(root / "records")
    claims_file = next((records / "claims").glob("*.json"))
    quote = '"exact": "'
    text = claims_file.read_text(encoding="utf-8")
    claims_file.write_text(text.replace(quote, quote + "not ", 1), encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "records")
    return root


def _no_raw_git(output: str) -> None:
    assert "fatal:" not in output and "pathspec" not in output and "Traceback" not in output


def test_a_revision_past_the_root_commit_says_so(
    records_added_later: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(records_added_later)
    root_commit = _git(records_added_later, "rev-list", "--max-parents=0", "HEAD")
    for revision in ("HEAD~2", "HEAD~1^", "HEAD~9"):
        for argv in (
            ["diff", f"git:{revision}", "records"],
            ["validate", "--changed-since", revision],
        ):
            result = CliRunner().invoke(cli, argv)
            assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
            assert "goes back past the first (root) commit" in result.stderr, result.stderr
            assert root_commit[:12] in result.stderr
            _no_raw_git(result.output)


def test_a_commit_before_the_records_existed_is_named_for_diff_and_empty_for_changed_since(
    records_added_later: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(records_added_later)
    diff = CliRunner().invoke(cli, ["diff", "git:HEAD~1", "records"])
    assert diff.exit_code == 2 and "the commit has no records/ folder" in diff.stderr
    _no_raw_git(diff.output)
    # --changed-since such a commit: everything in the records is what the change brought
    changed = CliRunner().invoke(cli, ["validate", "--changed-since", "HEAD~1"])
    assert changed.exit_code == 1 and "SPN001" in changed.stdout, changed.output
    _no_raw_git(changed.output)


def test_a_repository_that_keeps_only_records_diffs_against_its_own_history(
    records_added_later: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(records_added_later)
    result = CliRunner().invoke(cli, ["diff", "git:HEAD", "records", "--exit-code"])
    assert result.exit_code == 0, result.output
    assert "bump needed: none" in result.stdout


def test_a_repository_that_is_its_records_folder_has_its_baseline(tmp_path: Path) -> None:
    root = build_records(tmp_path / "bare-records")
    claims_file = next((root / "claims").glob("*.json"))
    text = claims_file.read_text(encoding="utf-8")
    claims_file.write_text(text.replace('"exact": "', '"exact": "not ', 1), encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "records with a misquote")
    with baseline(root, None, "HEAD") as (old, _):
        assert (old / "entities.json").is_file()  # the whole tree, not an empty folder
    result = CliRunner().invoke(
        cli, ["validate", "--records", str(root), "--changed-since", "HEAD"]
    )
    assert "SPN001" not in result.stdout and "were there before HEAD" in result.stderr
