"""Rendering a dataset diff as text, Markdown or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import orjson

from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.versions.diff import Change, DatasetDiff

_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if value is not None else "(absent)"


def _change_lines(change: Change, limit: int = 8) -> list[str]:
    lines = [f"{_SIGN[change.change]} {change.kind} {change.id} [{change.bump}] {change.why}"]
    for item in change.fields[:limit]:
        if item.old is None and item.new is None:
            lines.append(f"    {item.pointer}")
        else:
            lines.append(f"    {item.pointer}: {_value(item.old)} -> {_value(item.new)}")
    if len(change.fields) > limit:
        lines.append(f"    … and {len(change.fields) - limit} more field(s)")
    return lines


def _summary(diff: DatasetDiff) -> list[str]:
    counts = diff.counts()
    plural = {"entity": "entities"}
    return [
        f"{plural.get(kind, kind + 's')}: "
        + ", ".join(f"{n} {what}" for what, n in per_kind.items() if n)
        for kind, per_kind in counts.items()
    ]


def render_diff_text(diff: DatasetDiff, context: RenderContext = PLAIN) -> str:
    """A summary, then every change with the fields that differ."""
    lines = [f"diff {diff.old} -> {diff.new}: bump needed: {diff.bump}", *_summary(diff)]
    for change in diff.changes:
        lines += _change_lines(change)
    return "\n".join(lines) + "\n"


def render_diff_markdown(diff: DatasetDiff, context: RenderContext = PLAIN) -> str:
    """A heading with the bump, then one table row per change."""
    lines = [
        f"# Dataset diff: `{diff.old}` → `{diff.new}`",
        "",
        f"Bump needed: **{diff.bump}**",
        "",
        *(f"- {line}" for line in _summary(diff)),
        "",
        "| change | kind | id | bump | why | fields |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for change in diff.changes:
        fields = "<br>".join(
            f"`{f.pointer}`"
            + ("" if f.old is None and f.new is None else f": {_value(f.old)} → {_value(f.new)}")
            for f in change.fields[:8]
        ).replace("|", "\\|")
        why = change.why.replace("|", "\\|")
        lines.append(
            f"| {change.change} | {change.kind} | `{change.id}` | {change.bump} | {why} | "
            f"{fields} |"
        )
    return "\n".join(lines) + "\n"


def render_diff_json(diff: DatasetDiff, context: RenderContext = PLAIN) -> str:
    """``{"old", "new", "bump", "counts", "changes": [...]}``."""
    payload = {
        "old": diff.old,
        "new": diff.new,
        "bump": diff.bump,
        "counts": diff.counts(),
        "changes": [asdict(change) for change in diff.changes],
    }
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
