"""Renderers: turn a list of findings into text for people, JSON for programs, or CI annotations.

Renderers only read findings; they never decide anything. :data:`RENDERERS` maps a format name
to its function.
"""

from __future__ import annotations

from collections.abc import Callable

from astana_facts.findings.finding import Finding
from astana_facts.render.github import render_github
from astana_facts.render.json import render_json
from astana_facts.render.sarif import render_sarif
from astana_facts.render.text import render_text

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}

__all__ = ["RENDERERS", "Finding", "Renderer"]
