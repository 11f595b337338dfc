"""Renderers of the agreement between two annotations (``astana-facts agreement``): per document
and over all of them, the span and character F1, value agreement per kind and Cohen's kappa."""

from __future__ import annotations

from collections.abc import Sequence

import orjson

from astana_facts.render.context import RenderContext
from astana_facts.tools.agreement import Agreement

_COLUMNS = ("document", "claims 1st/2nd", "paired", "span F1", "char F1", "same kind",
            "kappa attribution", "kappa modality")  # fmt: skip


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _row(found: Agreement) -> list[str]:
    return [
        found.document,
        f"{found.first}/{found.second}",
        str(found.paired),
        _figure(found.span_f1),
        _figure(found.char_f1),
        _figure(found.kind_agreement),
        _figure(found.kappa_attribution),
        _figure(found.kappa_modality),
    ]


def _kinds(found: Agreement) -> list[str]:
    return [
        f"{kind}: {kinds.agree}/{kinds.pairs} ({kinds.share:.0%})"
        for kind, kinds in found.kinds.items()
    ]


def render_agreement_text(found: Sequence[Agreement], context: RenderContext) -> str:
    """One block per document, the pooled figures last: the table's figures in lines, then the
    value agreement per kind."""
    del context
    lines = []
    for item in found:
        lines += [f"{name}: {value}" for name, value in zip(_COLUMNS, _row(item), strict=True)]
        lines.append("value agreement (same subject and value, of pairs of one kind): "
                     + ("; ".join(_kinds(item)) or "no pair"))  # fmt: skip
        lines.append("")
    return "\n".join(lines)


def render_agreement_markdown(found: Sequence[Agreement], context: RenderContext) -> str:
    """A table, one row per document and the pooled row last, then value agreement per kind."""
    del context
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + " --- |" * len(_COLUMNS)]
    lines += ["| " + " | ".join(_row(item)) + " |" for item in found]
    if found:
        lines += ["", "Value agreement (same subject and value) of the pairs of each kind, "
                  f"{found[-1].document}:", ""]  # fmt: skip
        lines += [f"- {line}" for line in _kinds(found[-1])]
    return "\n".join(lines) + "\n"


def render_agreement_json(found: Sequence[Agreement], context: RenderContext) -> str:
    """Every figure of every document (the pooled figures last), for programs."""
    del context
    items = [
        {
            "document": item.document,
            "claims": [item.first, item.second],
            "paired": item.paired,
            "precision": item.precision,
            "recall": item.recall,
            "span_f1": item.span_f1,
            "char_f1": item.char_f1,
            "kind_agreement": item.kind_agreement,
            "kappa_attribution": item.kappa_attribution,
            "kappa_modality": item.kappa_modality,
            "value_agreement": {
                kind: {"agree": kinds.agree, "pairs": kinds.pairs}
                for kind, kinds in item.kinds.items()
            },
        }
        for item in found
    ]
    return orjson.dumps({"agreement": items}, option=orjson.OPT_INDENT_2).decode() + "\n"
