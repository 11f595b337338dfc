"""The claim kinds, read off the one place that declares them: the :data:`Claim` union.

Each member of the union is a model with ``kind: Literal[...]``, its value model, and the two
lines of documentation the claim-kinds table shows (``value_summary``, ``example``). Everything
else that lists kinds derives from here: :data:`CLAIM_KINDS`, the kinds a rule may select
(:data:`ClaimKindName`), the reference and interval paths of each kind
(:mod:`astana_facts.reading.model_paths`), the JSON Schema's discriminator and the table in the
README and docs/annotation.md (:func:`kinds_markdown`, checked by a test). Adding a kind is one
model class added to the union.
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Literal

from astana_facts.models.claims import Claim, ClaimBase


def kind_of(model: type[ClaimBase]) -> str:
    """The ``kind`` tag of a claim model (the single value of its ``kind`` Literal)."""
    (tag,) = typing.get_args(model.model_fields["kind"].annotation)
    return str(tag)


def _claim_models() -> dict[str, type[ClaimBase]]:
    union = typing.get_args(Claim)[0]
    return {kind_of(model): model for model in typing.get_args(union)}


CLAIM_MODELS: dict[str, type[ClaimBase]] = _claim_models()
"""Claim kind → its model, in the order of the union."""

CLAIM_KINDS: tuple[str, ...] = tuple(CLAIM_MODELS)
"""Every claim kind, in the order of the union."""

if TYPE_CHECKING:
    ClaimKindName = str
else:
    ClaimKindName = Literal[CLAIM_KINDS]
"""A claim kind's name, validated against :data:`CLAIM_KINDS` (a Literal built from the union, so
the schemas list the kinds as an enumeration)."""


def kinds_markdown() -> str:
    """The claim-kinds table (kind, value, example) as Markdown, one row per kind."""
    lines = ["| kind | value | example |", "| --- | --- | --- |"]
    lines += [
        f'| `{kind}` | {model.value_summary} | "{model.example}" |'
        for kind, model in CLAIM_MODELS.items()
    ]
    return "\n".join(lines) + "\n"
