"""Quantities as closed intervals of numbers (DESIGN.md: "Quantities become intervals")."""

from __future__ import annotations

import math
from typing import Any

Interval = tuple[float, float]


def interval_of(amount: dict[str, Any], tolerance: float) -> Interval:
    """The numbers a quantity admits; ``approximately`` admits ``value`` +/- ``tolerance`` of it."""
    bound = amount["bound"]
    if bound == "exact":
        return float(amount["value"]), float(amount["value"])
    if bound == "at_least":
        return float(amount["value"]), math.inf
    if bound == "at_most":
        return -math.inf, float(amount["value"])
    if bound == "approximately":
        spread = abs(float(amount["value"])) * tolerance
        return float(amount["value"]) - spread, float(amount["value"]) + spread
    return float(amount["low"]), float(amount["high"])


def describe_quantity(amount: dict[str, Any]) -> str:
    """``exact 320``, ``at least 500000``, ``200000 to 999999``."""
    bound = amount["bound"]
    if bound == "range":
        return f"{amount['low']} to {amount['high']}"
    return f"{bound.replace('_', ' ')} {amount['value']}"
