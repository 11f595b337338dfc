"""Options and arguments shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

records_argument = click.argument(
    "records_dir",
    required=False,
    type=click.Path(file_okay=False, dir_okay=True, path_type=str),
)
"""RECORDS_DIR: a records folder; the bundled dataset when omitted."""


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with the given choices, the first being the default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )
