"""The two conversions the record models make before validating, kept free of pydantic so that
compiled validators (:mod:`astana_facts.compiled`) can use them without importing the models."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE_RE = re.compile(DATE_PATTERN)


def iso_date(value: Any) -> dt.date:
    """Parse a calendar date written as YYYY-MM-DD (the only form the schema admits)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise ValueError("a date must be a string of the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"not a calendar date: {error}") from None


def integral(value: Any) -> Any:
    """Accept 3.0 where an integer is due, as JSON Schema's ``integer`` type does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


__all__ = ["integral", "iso_date"]
