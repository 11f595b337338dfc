"""The one table of output formats: which renderer turns which kind of output into which format.

Every renderer has one signature, ``render(subject, context) -> str`` (the subject is what the
kind names: a list of findings, a report, per-document statistics, a dataset diff, the entries
of the rule registry or one entry; the context is a
:class:`~astana_facts.render.context.RenderContext`); a renderer of a *folder* format (html: a
static site) has the same parameters and returns the folder's files instead, ``(relative path,
bytes)`` one at a time (:func:`render_files`), which the command writes all or nothing. Every
command's ``--format`` choices are read from :data:`FORMATS` through :func:`formats_for`, so a
format cannot be offered without a renderer, and a test fails when a ``render_*`` function is
missing from the table.

Renderers are named as ``module:function`` and imported on first use: the report and statistics
renderers pull in pydantic and the consistency engines, which ``validate`` never needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from typing import Any, Literal

from astana_facts.render.context import PLAIN, RenderContext

Kind = Literal["findings", "report", "stats", "diff", "rules", "rule"]
"""What is rendered: ``validate``'s findings, ``report``'s report, ``stats``, ``diff``, and
``rules``' table of codes (``rules``) or one code's documentation (``rule``)."""

Renderer = Callable[[Any, RenderContext], Any]
"""``render(subject, context) -> str``, the one signature of every renderer (a folder format's
returns its files: an iterator of ``(relative path, bytes)``)."""

SiteFile = tuple[str, bytes]
"""One file of a folder format's output: its path relative to the folder (``/``-separated) and
its content."""

_R = "astana_facts.render."


@dataclass(frozen=True)
class Format:
    """An output format: its name, what it is for, and its renderer for each kind of output."""

    name: str
    summary: str
    renderers: Mapping[Kind, str]
    """Kind -> ``module:function`` of the renderer."""
    chunked: Mapping[Kind, str] = field(default_factory=dict)
    """Kind -> ``module:function`` of the renderer's twin that yields the same text in pieces
    (for outputs that grow with the data: written as they are made, never held whole)."""
    folder: bool = False
    """Whether the format writes a folder (``-o DIR``) rather than a stream: its renderers
    return the folder's files (:data:`SiteFile`), not text."""
    requires: tuple[str, ...] = ()
    """Modules the format needs that the core does not install (they come with ``extra``)."""
    extra: str = ""
    """The optional extra that installs :attr:`requires` (``pip install 'astana-facts[extra]'``)."""


FORMATS: dict[str, Format] = {
    entry.name: entry
    for entry in (
        Format(
            "text",
            "for people at a terminal (coloured when it is one)",
            {
                "findings": _R + "text:render_text",
                "report": _R + "report:render_report_text",
                "stats": _R + "stats:render_stats_text",
                "diff": _R + "diff:render_diff_text",
                "rules": _R + "rules:render_rules_text",
                "rule": _R + "rules:render_rule_text",
            },
        ),
        Format(
            "markdown",
            "for pull requests, issues and documentation",
            {
                "report": _R + "report:render_report_markdown",
                "stats": _R + "stats:render_stats_markdown",
                "diff": _R + "diff:render_diff_markdown",
                "rules": _R + "rules:render_rules_markdown",
                "rule": _R + "rules:render_rule_markdown",
            },
        ),
        Format(
            "json",
            "for programs (the findings: the stable contract of the README)",
            {
                "findings": _R + "json:render_json",
                "report": _R + "report:render_report_json",
                "stats": _R + "stats:render_stats_json",
                "diff": _R + "diff:render_diff_json",
                "rules": _R + "rules:render_rules_json",
                "rule": _R + "rules:render_rule_json",
            },
            chunked={
                "findings": _R + "json:render_json_chunks",
                "report": _R + "report:render_report_json_chunks",
            },
        ),
        Format(
            "github",
            "GitHub Actions annotations next to the offending line",
            {
                "findings": _R + "github:render_github",
                "report": _R + "report:render_report_github",
            },
        ),
        Format(
            "sarif",
            "SARIF 2.1.0 for code scanning",
            {
                "findings": _R + "sarif:render_sarif",
                "report": _R + "report:render_report_sarif",
            },
        ),
        Format(
            "gitlab",
            "GitLab Code Quality report for merge requests",
            {
                "findings": _R + "gitlab:render_gitlab",
                "report": _R + "gitlab:render_report_gitlab",
            },
        ),
        Format(
            "junit",
            "JUnit XML test report (a failure per error)",
            {
                "findings": _R + "junit:render_junit",
                "report": _R + "junit:render_report_junit",
            },
        ),
        Format(
            "html",
            "a static site (a folder, -o DIR) of documents, findings and timelines",
            {"report": _R + "html.site:render_site_html"},
            folder=True,
            requires=("jinja2", "markupsafe"),
            extra="html",
        ),
    )
}
"""Every output format, in the order ``--help`` lists them; the first is each kind's default."""

TEXT_FORMATS = frozenset({"text", "markdown"})
"""Formats read by people: the command line says which records folder they describe."""


def formats_for(kind: Kind) -> tuple[str, ...]:
    """The formats that can render ``kind``, in table order (the first is the default)."""
    return tuple(name for name, entry in FORMATS.items() if kind in entry.renderers)


def renderer(kind: Kind, name: str) -> Renderer:
    """The renderer of ``kind`` in format ``name``; ``KeyError`` when there is none."""
    module, _, function = FORMATS[name].renderers[kind].partition(":")
    found: Renderer = getattr(import_module(module), function)
    return found


def missing_requirement(name: str) -> str | None:
    """Why format ``name`` cannot be rendered here (a module of its extra is not installed), or
    ``None`` when it can. Looked up without importing the module."""
    entry = FORMATS[name]
    absent = [module for module in entry.requires if find_spec(module) is None]
    if not absent:
        return None
    return (
        f"--format {name} needs {', '.join(absent)} (not installed): "
        f"pip install 'astana-facts[{entry.extra}]'"
    )


def render(kind: Kind, name: str, subject: Any, context: RenderContext = PLAIN) -> str:
    """``subject`` (of ``kind``) rendered in format ``name`` (a stream format)."""
    if FORMATS[name].folder:
        raise ValueError(f"{name} writes a folder: use render_files")
    text: str = renderer(kind, name)(subject, context)
    return text


def render_files(
    kind: Kind, name: str, subject: Any, context: RenderContext = PLAIN
) -> Iterator[SiteFile]:
    """The files of ``subject`` rendered in the folder format ``name``, one at a time, in a
    fixed order."""
    if not FORMATS[name].folder:
        raise ValueError(f"{name} writes a stream: use render or render_chunks")
    yield from renderer(kind, name)(subject, context)


def render_chunks(
    kind: Kind, name: str, subject: Any, context: RenderContext = PLAIN
) -> Iterator[str]:
    """``subject`` rendered in format ``name``, in pieces that join to :func:`render`'s text:
    from the renderer's chunked twin where the format has one, else in one piece."""
    path = FORMATS[name].chunked.get(kind)
    if path is None:
        yield render(kind, name, subject, context)
        return
    module, _, function = path.partition(":")
    yield from getattr(import_module(module), function)(subject, context)
