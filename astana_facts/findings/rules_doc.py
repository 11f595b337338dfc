"""The rule table: integrity codes and declared consistency rules, as text and as Markdown.

``docs/rules.md`` holds the Markdown between its ``rules:begin``/``rules:end`` markers; a test
fails when the two differ, so a code never lacks its row or its documentation.
"""

from __future__ import annotations

from pathlib import Path

from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.reading.folder import load_rules
from astana_facts.reading.records import PlainRecord
from astana_facts.resources import bundled


def consistency_rules(folder: Path | None = None) -> list[PlainRecord]:
    """The declared rules of a validators folder (default: the bundled one), by code.

    Raises ValueError naming the file and the problem when a rules file does not load.
    """
    rules, files = load_rules(folder if folder is not None else bundled("validators"))
    problems = [finding for loaded in files for finding in loaded.findings]
    if problems:
        first = problems[0]
        raise ValueError(f"{first.file}: {first.code} {first.message}")
    return sorted(rules, key=lambda rule: str(rule["code"]))


def rules_text(rules: list[PlainRecord]) -> str:
    """One line per code, integrity checks first."""
    lines = [
        f"{row.code}  {row.severity:<7}  {row.name:<24}  {row.summary}" for row in INTEGRITY_CODES
    ]
    lines += [
        f"{rule['code']}  {rule['severity']:<7}  {rule['name']:<24}  {rule['title']}"
        for rule in rules
    ]
    return "\n".join(lines) + "\n"


def _list(items: list[str]) -> str:
    return ", ".join(f"`{item}`" for item in items)


def rules_markdown(rules: list[PlainRecord]) -> str:
    """Both tables, then a section per consistency rule."""
    lines = [
        "## Integrity checks",
        "",
        "| code | name | severity | what it means |",
        "| --- | --- | --- | --- |",
        *(
            f"| {row.code} | {row.name} | {row.severity} | {row.summary} |"
            for row in INTEGRITY_CODES
        ),
        "",
        "## Consistency rules",
        "",
        "Declared in `validators/consistency.json` and carried out by `astana-facts report`.",
        "",
        "| code | name | severity | what it means |",
        "| --- | --- | --- | --- |",
        *(f"| {r['code']} | {r['name']} | {r['severity']} | {r['title']} |" for r in rules),
    ]
    for rule in rules:
        parameters = rule["parameters"]
        lines += [
            "",
            f"### {rule['code']} {rule['name']}",
            "",
            f"{rule['title']} Severity: {rule['severity']}.",
            "",
            f"- **Why it matters:** {rule['why']}",
            f"- **Compares:** claims of kind {_list(rule['applies_to']['kinds'])} with modality "
            f"{_list(rule['applies_to']['modalities'])}, grouped by "
            f"{_list(rule['group_by'])}, with the `{rule['comparison']}` engine"
            + (
                " ("
                + ", ".join(f"`{key}` = `{value}`" for key, value in sorted(parameters.items()))
                + ")"
                if parameters
                else ""
            )
            + ".",
            f"- **Fires:** {rule['example']['fires']}",
            f"- **Near miss, does not fire:** {rule['example']['near_miss']}",
        ]
    return "\n".join(lines) + "\n"
