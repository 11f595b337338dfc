"""How much a command says, and in which colours: ``-q``/``--quiet``, ``-v``/``--verbose``, and
colour on a terminal that honours ``NO_COLOR`` and ``FORCE_COLOR``.

Every command takes ``-q`` and ``-v`` (:func:`console_options`); the command's code asks
:func:`console` for the settings instead of taking them as parameters. Notes (which records
folder was checked, a file written, findings left out) go to standard error; ``-q`` silences
them, ``-v`` adds the time and counts of each stage. Errors are always shown.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from astana_facts.pipeline.progress import Progress
from astana_facts.render.context import RenderContext, plain

F = TypeVar("F", bound=Callable[..., Any])

_META_KEY = "astana_facts.console"
_SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
}


def colour_wanted(stream_is_terminal: bool, environ: dict[str, str] | None = None) -> bool:
    """Colour or not, by the https://no-color.org convention: a non-empty ``NO_COLOR`` turns it
    off, else a non-empty ``FORCE_COLOR`` turns it on, else colour only on a terminal."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return stream_is_terminal


def paint(text: str, severity: str) -> str:
    """``text`` in the colour of ``severity`` (ANSI codes, via click.style)."""
    return click.style(text, **_SEVERITY_STYLE.get(severity, {}))


@dataclass
class Console:
    """The verbosity of one command run, and whether its standard output is coloured."""

    quiet: bool = False
    verbose: bool = False

    @property
    def colour(self) -> bool:
        """Whether text written to standard output is coloured."""
        return colour_wanted(sys.stdout.isatty())

    def painter(self) -> Callable[[str, str], str]:
        """What renderers colour severities with: :func:`paint`, or nothing without colour."""
        return paint if self.colour else plain

    def out(self, text: str | Iterable[str], context: RenderContext | None = None) -> None:
        """Write rendered ``text`` (or its pieces, as they come) to standard output, as is,
        without an added newline."""
        coloured = context is not None and context.paint is paint
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False, color=True if coloured else None)

    def note(self, message: str) -> None:
        """A remark on standard error; silenced by ``--quiet``."""
        if not self.quiet:
            click.echo(message, err=True)

    def error(self, message: str) -> None:
        """A problem on standard error, always shown."""
        click.echo(message, err=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time a stage; with ``--verbose`` its wall time goes to standard error."""
        started = time.perf_counter()
        yield
        if self.verbose:
            click.echo(f"{name}: {time.perf_counter() - started:.3f} s", err=True)

    def progress(self) -> Progress:
        """What the pipeline reports its progress to: a bar on standard error once the work
        has run a couple of seconds, only on a terminal and without ``-q``
        (:mod:`astana_facts.cli.progress`)."""
        from astana_facts.cli.progress import progress_for

        return progress_for(self.quiet)

    def detail(self, message: str) -> None:
        """A detail shown only with ``--verbose``."""
        if self.verbose:
            click.echo(message, err=True)


def _store(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    settings = ctx.meta.setdefault(_META_KEY, Console())
    setattr(settings, "quiet" if param.name == "quiet" else "verbose", value)
    return value


def console_options(command: F) -> F:
    """Add ``-q/--quiet`` and ``-v/--verbose`` to a command."""
    command = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_store,
        help="Also print the time and counts of each stage (standard error).",
    )(command)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_store,
        help="Say less: no notes on standard error, no summary lines (findings only).",
    )(command)


def console() -> Console:
    """The settings of the command being run (defaults outside a command)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return Console()
    found = ctx.meta.get(_META_KEY)
    return found if isinstance(found, Console) else Console()
