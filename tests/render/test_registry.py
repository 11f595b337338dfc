"""The table of output formats is the single source of what each command can print: every
renderer is in it, with the one signature, and every ``--format`` offers exactly its formats."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import click
import pytest

import astana_facts.render
from astana_facts.cli.main import commands
from astana_facts.cli.options import FormatOption
from astana_facts.export.formats import EXPORT_DEFAULTS
from astana_facts.render.context import RenderContext
from astana_facts.render.registry import FORMATS, formats_for, renderer


def _render_functions() -> set[str]:
    """``module:function`` of every public ``render_*`` function of the render package."""
    found = set()
    for module_info in pkgutil.walk_packages(astana_facts.render.__path__, "astana_facts.render."):
        if module_info.name == "astana_facts.render.registry":  # the table itself (render, …)
            continue
        name = module_info.name
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if (
                attribute.startswith("render_")
                and inspect.isfunction(value)
                and value.__module__ == name
            ):
                found.add(f"{name}:{attribute}")
    return found


def _registered() -> set[str]:
    return {path for entry in FORMATS.values() for path in entry.renderers.values()} | {
        path for entry in FORMATS.values() for path in entry.chunked.values()
    }


def test_every_chunked_twin_belongs_to_a_renderer_of_its_format() -> None:
    for entry in FORMATS.values():
        assert set(entry.chunked) <= set(entry.renderers), entry.name
        for kind, path in entry.chunked.items():
            assert path == entry.renderers[kind] + "_chunks"


def test_chunks_join_to_the_rendered_text(tmp_path: Path) -> None:
    """Written in pieces or whole, a report is the same text: on a folder with findings of
    every stage, in every format that has a chunked twin."""
    from astana_facts.pipeline.run import run
    from astana_facts.render.registry import render, render_chunks
    from astana_facts.resources import bundled

    result = run(bundled("records"), consistency=True)
    assert result.findings
    for name, entry in FORMATS.items():
        for kind in entry.chunked:
            subject = result if kind == "report" else result.findings
            whole = render(kind, name, subject, RenderContext())
            assert "".join(render_chunks(kind, name, subject, RenderContext())) == whole
            assert (
                "".join(render_chunks(kind, name, [], RenderContext()))
                == render(kind, name, [], RenderContext())
                if kind == "findings"
                else True
            )


def test_every_renderer_is_in_the_table_and_every_entry_exists() -> None:
    functions = _render_functions()
    assert functions, "no render_* function found: the scan itself is broken"
    assert functions - _registered() == set(), "renderers without a row in FORMATS"
    assert _registered() - functions == set(), "rows of FORMATS without a renderer"


@pytest.mark.parametrize("path", sorted(_registered()))
def test_every_renderer_has_the_one_signature(path: str) -> None:
    module, _, name = path.partition(":")
    parameters = list(inspect.signature(getattr(importlib.import_module(module), name)).parameters)
    assert len(parameters) == 2 and parameters[1] == "context"


def _format_options() -> list[tuple[str, click.Option]]:
    return [
        (name, param)
        for name, command in sorted(commands().items())
        for param in command.params
        if isinstance(param, click.Option) and "--format" in param.opts
    ]


@pytest.mark.parametrize(("command", "option"), _format_options())
def test_every_format_a_command_offers_has_a_renderer(command: str, option: click.Option) -> None:
    assert isinstance(option.type, click.Choice)
    choices = tuple(option.type.choices)
    if command == "export":
        assert choices == tuple(EXPORT_DEFAULTS)
        return
    assert isinstance(option, FormatOption), f"{command} --format is hand-typed"
    assert choices == formats_for(option.kind) and option.default == choices[0]
    for choice in choices:
        assert callable(renderer(option.kind, choice))


def test_the_kinds_each_command_renders_are_those_the_table_knows() -> None:
    kinds = {
        name: param.kind for name, param in _format_options() if isinstance(param, FormatOption)
    }
    assert kinds == {
        "validate": "findings",
        "report": "report",
        "stats": "stats",
        "diff": "diff",
        "rules": "rules",
    }
    assert formats_for("findings") == ("text", "json", "github", "sarif", "gitlab", "junit")
    assert formats_for("report")[-3:] == ("gitlab", "junit", "html")


def test_rules_prints_one_code_in_every_format_it_offers_for_the_table() -> None:
    """``rules`` offers the formats of its table (kind ``rules``) and, given a CODE, renders one
    entry (kind ``rule``) in the same format, so both kinds have the same formats."""
    assert formats_for("rule") == formats_for("rules") == ("text", "markdown", "json")


def test_an_unknown_format_or_kind_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        renderer("findings", "markdown")
    with pytest.raises(KeyError):
        renderer("findings", "html")


def test_a_folder_format_renders_files_and_a_stream_format_text() -> None:
    """html writes a folder: its renderer yields files, ``render`` refuses it, and
    ``render_files`` refuses a stream format; every other format is a stream."""
    from astana_facts.pipeline.run import run
    from astana_facts.render.registry import render, render_files
    from astana_facts.resources import bundled

    assert [name for name, entry in FORMATS.items() if entry.folder] == ["html"]
    assert formats_for("report")[-1] == "html"
    result = run(bundled("records"), consistency=True)
    files = dict(render_files("report", "html", result))
    assert "index.html" in files and all(isinstance(c, bytes) for c in files.values())
    with pytest.raises(ValueError, match="folder"):
        render("report", "html", result)
    with pytest.raises(ValueError, match="stream"):
        next(render_files("report", "text", result))


def test_a_missing_extra_is_named_with_its_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from astana_facts.render import registry

    assert registry.missing_requirement("html") is None
    assert registry.missing_requirement("text") is None
    monkeypatch.setattr(registry, "find_spec", lambda name: None)
    assert registry.missing_requirement("html") == (
        "--format html needs jinja2, markupsafe (not installed): pip install 'astana-facts[html]'"
    )


def test_text_paints_severities_only_when_asked() -> None:
    from astana_facts.findings.finding import Finding
    from astana_facts.render.registry import render

    finding = Finding(code="SPN001", severity="error", message="m", file="f.json", line=1)
    assert render("findings", "text", [finding]).startswith("f.json:1: SPN001 error: m")
    loud = RenderContext(paint=lambda text, severity: f"<{severity}>{text}</>")
    assert "SPN001 <error>error</>: m" in render("findings", "text", [finding], loud)
