"""Rendering of per-document statistics (``astana-facts stats``) as text, Markdown or JSON."""

from __future__ import annotations

from dataclasses import asdict

import orjson

from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.tools.stats import DocumentStats


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def render_stats_text(stats: list[DocumentStats], context: RenderContext = PLAIN) -> str:
    """One block per document, then the totals."""
    lines: list[str] = []
    for item in stats:
        kinds = ", ".join(f"{kind} {count}" for kind, count in item.kinds.items() if count)
        lines += [
            item.document,
            f"  sentences: {item.covered}/{item.sentences} covered "
            f"({_percent(item.covered, item.sentences)}); "
            f"{item.not_check_worthy} not-check-worthy entries",
            f"  claims: {item.claims}" + (f" ({kinds})" if kinds else ""),
            f"  entities referenced: {len(item.entities)}"
            + (f" ({', '.join(item.entities)})" if item.entities else ""),
        ]
    sentences = sum(item.sentences for item in stats)
    covered = sum(item.covered for item in stats)
    entities = {entity for item in stats for entity in item.entities}
    lines.append(
        f"total: {len(stats)} document(s), {covered}/{sentences} sentences covered "
        f"({_percent(covered, sentences)}), {sum(item.claims for item in stats)} claim(s), "
        f"{len(entities)} entities referenced"
    )
    return "\n".join(lines) + "\n"


def render_stats_markdown(stats: list[DocumentStats], context: RenderContext = PLAIN) -> str:
    """A table of documents by sentences covered and claims of each kind."""
    kinds = [
        kind for kind in (stats[0].kinds if stats else {}) if any(s.kinds[kind] for s in stats)
    ]
    header = ["document", "sentences covered", "claims", *kinds, "entities"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for item in stats:
        cells = [
            f"`{item.document}`",
            f"{item.covered}/{item.sentences}",
            str(item.claims),
            *(str(item.kinds[kind]) for kind in kinds),
            str(len(item.entities)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_stats_json(stats: list[DocumentStats], context: RenderContext = PLAIN) -> str:
    """``{"documents": [...]}`` with every figure of every document."""
    payload = {"documents": [asdict(item) for item in stats]}
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
