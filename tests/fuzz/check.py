"""Every command over a fuzz case, and the promises checked:

- every run ends within the deadline, exit 0, 1 or 2, with no traceback and no "internal error";
- ``validate`` twice gives byte-identical output, and never exit 0 on records certainly broken;
- the commands that only read leave the folder byte-identical;
- a failed export leaves no output behind;
- ``fmt`` leaves the folder as it was, or rewrites files with every value they had (plus filled
  span offsets), adds and removes no file, and is then idempotent (``fmt --check`` passes).
"""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.cases import Case
from tests.fuzz.folders import NotJson, differences, lost, parse, snapshot
from tests.fuzz.runs import Failure, Run, failures, invoke, shown

FORMATS = {
    "validate": ("text", "json", "github", "sarif"),
    "report": ("text", "markdown", "json", "github", "sarif"),
    "stats": ("text", "markdown", "json"),
    "diff": ("text", "markdown", "json"),
    "rules": ("text", "markdown", "json"),
}


def read_only_commands(case: Case, original: Path) -> list[list[str]]:
    """The commands that must not change the folder, with options drawn for this case."""
    rng = case.rng("commands")
    records, out = str(case.records), case.folder / "out"
    pick = rng.choice
    commands = [
        ["validate", "--records", records, "--format", pick(FORMATS["validate"]), "--coverage"],
        ["report", "--records", records, "--format", pick(FORMATS["report"])],
        ["report", "--records", records, "-o", str(out / "report.txt"), "--exit-zero"],
        ["report", "--records", records, "--format", "html", "-o", str(out / "site"), "-q"],
        ["stats", "--records", records, "--format", pick(FORMATS["stats"])],
        ["export", "--records", records, "-o", "-"],
        ["export", "--records", records, "--format", "csv", "-o", str(out / "csv")],
        ["export", "--records", records, "--format", "sqlite", "-o", str(out / "x.sqlite")],
        ["export", "--records", records, "--format", "jsonl", "-o", str(out / "x.jsonl")],
        ["export", "--records", records, "--format", pick(["csv", "sqlite"]), "-o", "-"],
        ["diff", str(original), records, "--format", pick(FORMATS["diff"])],
        ["diff", records, str(original), "--format", pick(FORMATS["diff"])],
        ["rules", "--validators", str(case.validators), "--format", pick(FORMATS["rules"])],
        [
            "rules",
            pick(["DAT001", "SPN001", "NAM002", "XYZ999"]),
            "--validators",
            str(case.validators),
        ],
        _locate(case, original),
        ["validate", "--records", records, "--file", str(_some_file(case))],
        ["fmt", "--check", "--records", records],
    ]
    if case.git:
        commands += [
            ["validate", "--records", records, "--changed-since", "HEAD"],
            ["report", "--records", records, "--changed-since", "HEAD", "--format", "json"],
        ]
    return commands


def _locate(case: Case, original: Path) -> list[str]:
    rng = case.rng("locate")
    texts = sorted((original / "sources").glob("*.txt"))
    text_file = rng.choice(texts)
    text = text_file.read_text(encoding="utf-8")
    start = rng.randrange(len(text) - 50)
    quote = text[start : start + rng.randint(1, 40)]
    document = text_file.stem if rng.random() < 0.9 else rng.choice(["../sources/x", "x" * 300, ""])
    args = ["locate", "--records", str(case.records), document, quote]
    if rng.random() < 0.3:
        args += ["--prefix", text[max(0, start - 8) : start]]
    return args


def _some_file(case: Case) -> Path:
    """A records file to scope ``--file`` to (it may be missing or broken by now)."""
    claims = case.records / "claims"
    found = sorted(claims.glob("*.json")) if claims.is_dir() else []
    return case.rng("file").choice([*found, case.records / "entities.json"])


def check(case: Case, original: Path) -> list[Failure]:
    """Every failure of every command over the case (stopping at a hang, which is costly)."""
    folders = (case.records, case.validators)
    before = snapshot(*folders)
    found, hung = _validate_twice(case)
    if hung:
        return found
    for args in read_only_commands(case, original):
        run = invoke(args)
        found += failures(run, case.folder) + _export_left_output(run, case)
        if run.hung:
            return found
    changed = differences(before, snapshot(*folders))
    if changed:
        found.append(
            Failure(
                "(the commands above, which only read)", "changed the folder", "\n".join(changed)
            )
        )
        before = snapshot(*folders)
    return found + _fmt(case, before)


def _validate_twice(case: Case) -> tuple[list[Failure], bool]:
    args = ["validate", "--records", str(case.records)]
    first = invoke(args)
    found = failures(first, case.folder)
    if first.hung:
        return found, True
    second = invoke(args)
    found += failures(second, case.folder)
    if (first.stdout, first.stderr, first.exit_code) != (
        second.stdout,
        second.stderr,
        second.exit_code,
    ):
        found.append(
            Failure(
                shown(args, case.folder),
                "not deterministic: two runs differ",
                first.output + "\n---\n" + second.output,
            )
        )
    if case.must_fail and first.exit_code == 0:
        found.append(
            Failure(
                shown(args, case.folder),
                "exit 0 on records that are certainly broken",
                first.output,
            )
        )
    return found, second.hung


def _export_left_output(run: Run, case: Case) -> list[Failure]:
    if run.args[0] != "export" or run.exit_code == 0 or run.args[-1] == "-":
        return []
    output = Path(run.args[-1])
    if output.exists() or output.is_symlink():
        return [
            Failure(
                shown(run.args, case.folder), f"exit {run.exit_code} but left {output.name} behind"
            )
        ]
    return []


def _fmt(case: Case, before: dict[str, bytes | str]) -> list[Failure]:
    folders = (case.records, case.validators)
    args = ["fmt", "--records", str(case.records)]
    run = invoke(args)
    command = shown(args, case.folder)
    found = failures(run, case.folder)
    after = snapshot(*folders)
    if run.hung:
        return found
    if run.exit_code != 0:
        changed = differences(before, after)
        if changed:
            found.append(
                Failure(command, f"exit {run.exit_code} but changed files", "\n".join(changed))
            )
        return found
    if before.keys() != after.keys():
        found.append(
            Failure(command, "added or removed files", "\n".join(differences(before, after)))
        )
    for key in sorted(before.keys() & after.keys()):
        if before[key] != after[key]:
            found += _rewritten(command, key, before[key], after[key])
    again = invoke(["fmt", "--check", "--records", str(case.records)])
    if again.exit_code != 0:
        found.append(
            Failure(
                shown(again.args, case.folder), "fmt exit 0, then fmt --check fails", again.output
            )
        )
    return found


def _rewritten(command: str, key: str, old: bytes | str, new: bytes | str) -> list[Failure]:
    if not key.endswith(".json") or not isinstance(old, bytes) or not isinstance(new, bytes):
        return [Failure(command, f"changed {key}, which is not a JSON records file")]
    try:
        before = parse(old)
    except NotJson as error:
        return [Failure(command, f"rewrote {key}, which was not valid JSON ({error})")]
    try:
        after = parse(new)
    except NotJson as error:
        return [Failure(command, f"wrote {key} as invalid JSON ({error})")]
    problems = lost(before, after)
    if problems:
        return [Failure(command, f"changed values in {key}", "\n".join(problems[:20]))]
    return []
