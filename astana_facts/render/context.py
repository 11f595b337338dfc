"""What every renderer is given besides the thing it renders: versions, the folder checked, the
declared rules, and how to colour a severity.

Renderers never decide anything and never import click; colour comes from ``paint``, which the
command line sets (``click.style``) when the output goes to a terminal that wants colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from astana_facts.render.sarif_locations import Sites


def plain(text: str, severity: str) -> str:
    """No colour: ``text`` as it is, whatever the ``severity``."""
    del severity
    return text


def no_versions() -> tuple[str, str | None]:
    """No tool version and no dataset version."""
    return "", None


@dataclass(frozen=True)
class RenderContext:
    """The settings of one rendering; the defaults render plain output with no versions."""

    versions: Callable[[], tuple[str, str | None]] = no_versions
    """The tool's version and the dataset version (``None`` unless the bundled records are
    rendered), asked for only by the formats that print them: reading them from the package
    metadata costs a command's start-up more than the text output needs."""
    records: str = ""
    """The records folder checked, as it is shown to the user."""
    rules: Sequence[dict[str, Any]] = ()
    """The declared consistency rules (SARIF lists them as reporting descriptors)."""
    paint: Callable[[str, str], str] = plain
    """``paint(text, severity)``: ``text`` coloured for ``severity``, or as it is."""
    summary: bool = True
    """Whether text output ends with its summary line (``--quiet`` drops it)."""
    sites: Sites | None = None
    """Where the claims and source texts stand (SARIF's related locations); None: unknown."""

    @property
    def tool_version(self) -> str:
        """The tool's version (empty when not given)."""
        return self.versions()[0]

    @property
    def data_version(self) -> str | None:
        """The dataset version when the bundled records are rendered, else ``None``."""
        return self.versions()[1]


PLAIN = RenderContext()
"""The context of a renderer called without one."""
