"""The rule registry in words: the table (text, Markdown, JSON) and each rule's documentation,
the renderers of ``astana-facts rules [CODE]`` (kinds ``rules`` and ``rule`` of the renderer
registry).

``docs/rules.md`` holds the Markdown of :func:`render_rules_markdown` between its
``rules:begin``/``rules:end`` markers; a test fails when the two differ, so a code never lacks its
row or its documentation. ``astana-facts rules CODE`` prints :func:`render_rule_text`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import orjson

from astana_facts.consistency.registry import RuleEntry
from astana_facts.render.context import PLAIN, RenderContext

_WIDTH = 96


def _clean(text: object) -> str:
    """``text`` on one line with no control characters: rules files are user input, and a
    newline or an escape sequence in them must not reshape a table or a terminal."""
    return "".join(c if c.isprintable() else " " for c in str(text))


def _cell(text: object) -> str:
    return _clean(text).replace("|", "\\|")


def _list(items: Iterable[object]) -> str:
    return ", ".join(f"`{_clean(item)}`" for item in items)


def _parameters(entry: RuleEntry) -> str:
    parameters = entry.rule["parameters"] if entry.rule is not None else {}
    return ", ".join(f"`{_clean(k)}` = `{_clean(v)}`" for k, v in sorted(parameters.items()))


def _compares(entry: RuleEntry) -> str:
    """Which claims a consistency rule compares, how it groups them and with which engine."""
    rule = entry.rule
    assert rule is not None
    parameters = _parameters(entry)
    return (
        f"claims of kind {_list(rule['applies_to']['kinds'])} with modality "
        f"{_list(rule['applies_to']['modalities'])}, grouped by {_list(rule['group_by'])}, "
        f"with the `{_clean(rule['comparison'])}` engine"
        + (f" ({parameters})" if parameters else "")
    )


def render_rules_text(entries: Iterable[RuleEntry], context: RenderContext = PLAIN) -> str:
    """One line per code: code, severity, name, title."""
    lines = [f"{e.code}  {e.severity:<7}  {e.name:<24}  {_clean(e.title)}" for e in entries]
    return "\n".join(lines) + "\n"


def _json(data: object) -> str:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


def render_rules_json(entries: Iterable[RuleEntry], context: RenderContext = PLAIN) -> str:
    """Every entry as a JSON object, in a list."""
    return _json([entry.as_json() for entry in entries])


def render_rule_json(entry: RuleEntry, context: RenderContext = PLAIN) -> str:
    """One entry as a JSON object."""
    return _json(entry.as_json())


def _table(entries: list[RuleEntry]) -> list[str]:
    return [
        "| code | name | severity | what it means |",
        "| --- | --- | --- | --- |",
        *(f"| {e.code} | {e.name} | {e.severity} | {_cell(e.title)} |" for e in entries),
    ]


def _section(entry: RuleEntry) -> list[str]:
    lines = [
        "",
        f"### {entry.code} {entry.name}",
        "",
        f"{_clean(entry.title)} Severity: {entry.severity}.",
        "",
        f"- **Why it matters:** {_clean(entry.why)}",
        f"- **What to do:** {_clean(entry.fix)}",
    ]
    if entry.rule is not None:
        lines += [
            f"- **Compares:** {_compares(entry)}.",
            f"- **Fires:** {_clean(entry.rule['example']['fires'])}",
            f"- **Near miss, does not fire:** {_clean(entry.rule['example']['near_miss'])}",
        ]
        if entry.rule["example"].get("three_claims"):
            lines.append(f"- **Three claims:** {_clean(entry.rule['example']['three_claims'])}")
    return lines


def render_rules_markdown(entries: Iterable[RuleEntry], context: RenderContext = PLAIN) -> str:
    """Both tables, then a section per code with its documentation."""
    every = list(entries)
    integrity = [e for e in every if e.family == "integrity"]
    consistency = [e for e in every if e.family == "consistency"]
    lines = ["## Integrity checks", "", *_table(integrity), ""]
    lines += ["## Consistency rules", ""]
    lines += ["Declared in `validators/consistency.json` and carried out by `astana-facts report`."]
    lines += ["", *_table(consistency), "", "## Every code"]
    for entry in integrity + consistency:
        lines += _section(entry)
    return "\n".join(lines) + "\n"


def render_rule_markdown(entry: RuleEntry, context: RenderContext = PLAIN) -> str:
    """One code's section of docs/rules.md."""
    return "\n".join(_section(entry)[1:]) + "\n"


def _paragraph(label: str, text: str) -> list[str]:
    wrapped = textwrap.wrap(_clean(text), _WIDTH, initial_indent="  ", subsequent_indent="  ")
    return [f"{label}:", *wrapped]


def render_rule_text(entry: RuleEntry, context: RenderContext = PLAIN) -> str:
    """One rule's documentation as text, as ``ruff rule`` prints a rule."""
    kind = "consistency rule" if entry.rule is not None else "integrity check"
    lines = [f"{entry.code} {entry.name} ({kind}, severity {entry.severity})", ""]
    lines += [*textwrap.wrap(_clean(entry.title), _WIDTH), ""]
    lines += _paragraph("Why it matters", entry.why)
    lines += _paragraph("What to do", entry.fix)
    if entry.rule is not None:
        lines += _paragraph("Compares", _compares(entry).replace("`", "") + ".")
        lines += _paragraph("Engine", entry.rule["comparison"])
        lines += _paragraph("Parameters", _parameters(entry).replace("`", "") or "none")
        lines += _paragraph("Fires", entry.rule["example"]["fires"])
        lines += _paragraph("Near miss, does not fire", entry.rule["example"]["near_miss"])
        if entry.rule["example"].get("three_claims"):
            lines += _paragraph("Three claims", entry.rule["example"]["three_claims"])
    return "\n".join(lines) + "\n"
