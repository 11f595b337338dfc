"""Entry point of the ``astana-facts`` command: the group, the table of its commands, and the
guard that keeps tracebacks away from users (exit 2 with a message instead).

The group imports a command's module only when that command runs (click's lazy-group pattern),
so ``astana-facts validate`` does not pay for the imports of ``add-source`` or ``export``; only
``--help``, which shows every command's summary, imports them all.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import NoReturn

import click

from astana_facts.cli.options import EXIT_USAGE
from astana_facts.pipeline.gc import collector_paused

COMMANDS: dict[str, str] = {
    "report": "astana_facts.cli.report:report",
    "validate": "astana_facts.cli.validate:validate",
    "fmt": "astana_facts.cli.fmt:fmt",
    "locate": "astana_facts.cli.locate:locate",
    "add-source": "astana_facts.cli.add_source:add_source_command",
    "stats": "astana_facts.cli.stats:stats",
    "diff": "astana_facts.cli.diff:diff",
    "export": "astana_facts.cli.export:export",
    "release-check": "astana_facts.cli.release_check:release_check_command",
    "schemas": "astana_facts.cli.schemas:schemas",
    "rules": "astana_facts.cli.rules:rules",
    "agreement": "astana_facts.cli.agreement:agreement",
}
"""The one table of commands: name -> ``module:attribute`` of its click command. The group, its
``--help``, README's command reference and the tests all read it."""


def load_command(name: str) -> click.Command:
    """The click command named ``name`` in :data:`COMMANDS`, its module imported now."""
    module, _, attribute = COMMANDS[name].partition(":")
    command = getattr(import_module(module), attribute)
    if not isinstance(command, click.Command):
        raise TypeError(f"{COMMANDS[name]} is not a click command")
    return command


class LazyGroup(click.Group):
    """A group whose commands are the entries of :data:`COMMANDS`, each loaded on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted, as click lists them in ``--help``."""
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, its module imported only now; ``None`` when unknown."""
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            self.add_command(load_command(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, but an unknown name is compared with every command of the table, not
        only those loaded so far, for the "Did you mean" of click 8.4 and later."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            no_such: type[click.UsageError] | None = getattr(
                click.exceptions, "NoSuchCommand", None
            )
            if no_such is None or not isinstance(error, no_such):
                raise
            name = getattr(error, "command_name", args[0])
            raise no_such(name, possibilities=self.list_commands(ctx), ctx=ctx) from None  # type: ignore[call-arg]


def commands() -> dict[str, click.Command]:
    """Every command of the table by name, all their modules imported (for the README's
    reference and the tests)."""
    return {name: load_command(name) for name in COMMANDS}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="astana-facts", prog_name="astana-facts")
def cli() -> None:
    """Fact-checking records about the Astana peace process on Syria.

    Report contradictions between sources, validate and format records, add sources, export,
    diff versions and check releases.

    The records folder is --records DIR; without it, a records/ folder in the working directory
    or a parent (a checkout), else the bundled dataset, which is read-only. Text output says
    first (on standard error) which folder was checked. -q says less, -v adds timings; colour
    on a terminal, off with NO_COLOR, forced with FORCE_COLOR. A large folder is checked on
    every usable core (Linux); ASTANA_FACTS_JOBS=N sets the number of processes (1: one).

    \b
    Exit codes:
      0  success: no error-level finding (report: none without an adjudication)
      1  findings: error-level findings; report: an error without an adjudication
         (--exit-zero: 0); fmt --check: files to reformat; schemas --check: stale
         schemas; locate: quote absent or ambiguous; release-check: a check failed
      2  a usage, input or I/O problem (bad option, missing folder, unreadable file,
         read-only bundled data), a worker process killed or memory exhausted, or an
         unexpected failure
    """


def main() -> None:
    """Run the command line; unexpected failures exit 2 with a one-line message."""
    try:
        with collector_paused():
            cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except ModuleNotFoundError as error:  # a tool of the `tools` extra not installed
        from astana_facts.cli.extras import missing_extra

        message = missing_extra(error)
        if message is None:
            _internal_error(error)
        click.echo(message, err=True)
        sys.exit(EXIT_USAGE)
    except MemoryError as error:
        _out_of_resources(error)
    except Exception as error:  # the last guard: never show a traceback
        if _worker_died(error):
            _out_of_resources(error)
        _internal_error(error)


def _worker_died(error: Exception) -> bool:
    """Whether ``error`` says a worker process died (``BrokenProcessPool``; its module is
    imported only by a run that started workers)."""
    module = sys.modules.get("concurrent.futures.process")
    return module is not None and isinstance(error, module.BrokenProcessPool)


def _out_of_resources(error: Exception) -> NoReturn:
    """A worker process killed (by the system when memory runs out, or by hand) or this one out
    of memory: a cause the user can act on, said in one line, exit 2."""
    from astana_facts.pipeline.parallel import job_count

    what = "out of memory" if isinstance(error, MemoryError) else str(error)
    if job_count(sys.maxsize) > 1:  # (a large folder would be checked in several processes)
        advice = "with ASTANA_FACTS_JOBS=1 to check in one process (less memory at once), or "
    else:  # one process already: fewer is not an option
        advice = ""
    click.echo(f"astana-facts: {what}: run it again, {advice}with more memory free", err=True)
    sys.exit(EXIT_USAGE)


def _internal_error(error: Exception) -> NoReturn:
    """Say that something unexpected failed, in one line, and exit 2."""
    click.echo(f"astana-facts: internal error: {type(error).__name__}: {error}", err=True)
    click.echo("Please report this with the command you ran.", err=True)
    sys.exit(EXIT_USAGE)
