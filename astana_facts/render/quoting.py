"""Quotes and untrusted text as the reports show them: on one line, with a little context, and
escaped for Markdown.

The texts, quotes, rationales and reasons come from records anyone can edit: in Markdown they
are escaped so that they read as text, never as markup (a link, an image, HTML, a table cell's
end).
"""

from __future__ import annotations

import re

from astana_facts.pipeline.result import Result
from astana_facts.text.quotes import context

CONTEXT = 24
"""Code points of text shown on each side of a quote."""


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) made one space."""
    return " ".join(text.split())


def quote_in_context(report: Result, document: str, start: int, end: int) -> str:
    """``…before «quote» after…`` on one line."""
    text = report.texts.get(document)
    if text is None:
        return "(text not loaded)"
    before, after = context(text, start, end, CONTEXT)
    lead = "…" if start - len(before) > 0 else ""
    tail = "…" if end + len(after) < len(text) else ""
    return one_line(f"{lead}{before}«{text[start:end]}»{after}{tail}")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!])")
"""Characters that can start Markdown (or HTML) markup inside a line: escaped with a
backslash, which CommonMark and GitHub turn back into the character."""


def markdown_text(text: str) -> str:
    """Untrusted ``text`` on one line, escaped so that Markdown shows it as it is (also inside a
    table cell)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def markdown_code(identifier: str) -> str:
    """An id as inline code, or as escaped text when it holds a backtick or a line break."""
    if "`" in identifier or identifier != one_line(identifier):
        return markdown_text(identifier)
    return f"`{identifier}`"


_SAFE_URL = re.compile(r"https?://[^\s<>\\`]+")
"""A URL that can stand in an autolink ``<…>`` as it is."""


def markdown_url(url: str) -> str:
    """A URL as a Markdown autolink when it is a plain http(s) URL, else as escaped text."""
    if _SAFE_URL.fullmatch(url):
        return f"<{url}>"
    return markdown_text(url)


__all__ = [
    "CONTEXT",
    "markdown_code",
    "markdown_text",
    "markdown_url",
    "one_line",
    "quote_in_context",
]
