"""Severities of findings and rules: error (fails validation), warning, info."""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning", "info"]
"""How serious a finding is: ``error`` fails validation; ``warning`` and ``info`` do not."""
