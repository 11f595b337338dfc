"""Options shared by several commands, and what they mean: the records folder (``--records``),
the output format (read from the renderer registry), ``-o``/``--output`` (``-`` for standard
output), and the exit codes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from astana_facts.cli.console import console
from astana_facts.pipeline.result import EXIT_CLEAN
from astana_facts.pipeline.result import EXIT_FINDINGS as EXIT_FINDINGS
from astana_facts.render.registry import TEXT_FORMATS, Kind, formats_for
from astana_facts.resources import real_path

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = EXIT_CLEAN
"""Success (the pipeline's :data:`~astana_facts.pipeline.result.EXIT_CLEAN`)."""
# EXIT_FINDINGS (1): error-level findings, files to reformat, stale schemas, a failed release
# check; the pipeline's Result owns it.
EXIT_USAGE = 2
"""A usage, input or I/O problem, or an unexpected failure."""


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``astana-facts: message`` on standard error and exit with ``code``."""
    click.echo(f"astana-facts: {message}", err=True)
    sys.exit(code)


records_option = click.option(
    "--records",
    "records_dir",
    metavar="DIR",
    type=click.Path(file_okay=False, dir_okay=True, path_type=str),
    help="Records folder. Default: ./records (or a parent's records/) inside a checkout, "
    "else the bundled dataset.",
)
"""``--records DIR``, the one spelling of the records folder for every command."""


@dataclass(frozen=True)
class RecordsFolder:
    """The records folder a command works on, and how it was chosen."""

    root: Path
    bundled: bool
    """Whether it is this installation's bundled dataset (then ``data_version`` is set); in an
    editable install, that is the checkout's own ``records/``."""

    @property
    def label(self) -> str:
        """What the first line of text output says: the folder, or the installed package's
        bundled dataset."""
        from astana_facts import package_version
        from astana_facts.reading.locations import display_path
        from astana_facts.resources import is_installed_data

        if self.bundled and is_installed_data(self.root):
            return f"bundled dataset (astana-facts {package_version()}, {self.root})"
        return display_path(self.root)

    def data_version(self) -> str | None:
        """The dataset version when the folder is the bundled records, else ``None``."""
        from astana_facts import package_version

        return package_version() if self.bundled else None

    def versions(self) -> tuple[str, str | None]:
        """The tool's version and :meth:`data_version` (for a renderer, which asks only when
        its format prints them)."""
        from astana_facts import package_version

        return package_version(), self.data_version()


def records_folder(records_dir: str | None, *, require_layout: bool = True) -> RecordsFolder:
    """The folder to work on: ``--records``, else the checkout's ``records/`` found from the
    working directory, else the bundled dataset. A folder that does not exist or cannot be read
    exits 2, and so (with ``require_layout``, every command but ``add-source``, which starts a
    records folder) does one that is not a records folder: checking it would pass in silence."""
    from astana_facts.resources import DataFolderNotFound, bundled, checkout_records

    try:
        installed = bundled("records")
    except DataFolderNotFound as error:
        installed = None
        missing = str(error)
    chosen = Path(records_dir) if records_dir else checkout_records(Path.cwd()) or installed
    if chosen is None:
        fail(missing)
    if not chosen.is_dir():
        fail(f"records folder not found: {chosen}")
    if require_layout:
        _require_layout(chosen)
    same = installed is not None and real_path(chosen) == real_path(installed)
    return RecordsFolder(chosen, bundled=same)


RECORDS_LAYOUT = (
    "sources/<id>.txt and sources/<id>.json, claims/<id>.json, entities.json, adjudications.json"
)
"""What a records folder holds, as the usage error says it."""


def _require_layout(folder: Path) -> None:
    """Exit 2 when ``folder`` cannot be listed, or holds none of ``sources/``, ``claims/`` and
    ``entities.json`` (a wrong folder: the repository root, an empty or unrelated one)."""
    import os

    from astana_facts.resources import RECORDS_MARKERS

    try:
        names = set(os.listdir(folder))
    except OSError as error:
        fail(f"cannot read records folder {folder}: {error.strerror or error}")
    if names.isdisjoint(RECORDS_MARKERS):
        hint = f"; did you mean --records {folder / 'records'}?" if "records" in names else ""
        fail(
            f"{folder} is not a records folder: it has no sources/, claims/ or entities.json; "
            f"expected the records layout ({RECORDS_LAYOUT}){hint}"
        )


def announce(folder: RecordsFolder, output_format: str = "text") -> None:
    """Say which records folder is checked (standard error, for the formats people read)."""
    if output_format in TEXT_FORMATS:
        console().note(f"records: {folder.label}")


def refuse_installed(folder: Path, what: str) -> None:
    """Exit 2 when ``folder`` is inside the installed package: the bundled data is read-only."""
    from astana_facts.resources import is_installed_data

    if is_installed_data(folder):
        fail(
            f"{folder} is the bundled {what} of the installed package, which is read-only; "
            f"copy it (cp -r {folder} ./{folder.name}) and pass the copy, or run the command "
            "inside a checkout"
        )


@contextmanager
def folder_errors_exit() -> Iterator[None]:
    """A records folder that cannot be used (it vanished after the first look) exits 2 with a
    message, as every command's usage errors do."""
    from astana_facts.reading.folder import RecordsFolderError

    try:
        yield
    except RecordsFolderError as error:
        fail(str(error))


class FormatOption(click.Option):
    """``--format`` whose choices are the registry's formats for one kind of output."""

    def __init__(self, *args: Any, kind: Kind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind: Kind = kind


def output_format_option(kind: Kind) -> Callable[[F], F]:
    """``--format`` with the formats the renderer registry has for ``kind`` (the first is the
    default)."""
    choices = formats_for(kind)
    return click.option(
        "--format",
        "output_format",
        cls=FormatOption,
        kind=kind,
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


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


def output_option(help_text: str) -> Callable[[F], F]:
    """``-o``/``--output FILE``; ``-`` is standard output."""
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        default=None,
        help=help_text,
    )


def is_stdout(output: Path | None) -> bool:
    """Whether ``-o`` names standard output (absent, or ``-``)."""
    return output is None or str(output) == "-"


def write_output(output: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, as they come) to the file ``output`` atomically: readers
    see the old file or the new one, never half. When it cannot be written, exit 2 naming the
    file and the reason, with the old file (if any) as it was and no temporary file left."""
    from astana_facts.jsonio.atomic import WriteFailed, write_atomic

    pieces = [text] if isinstance(text, str) else text
    try:
        write_atomic(output, (piece.encode("utf-8") for piece in pieces))
    except WriteFailed as error:
        fail(str(error))
    console().note(f"written to {output}")
