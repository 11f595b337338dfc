"""The templates and what every page shares: jinja2 (the ``html`` extra, imported here only,
when a site is rendered) with autoescaping on, so every text from the records is escaped."""

from __future__ import annotations

from typing import Any

from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.pipeline.result import Result
from astana_facts.render.context import RenderContext
from astana_facts.render.html import links as site_links


def environment() -> Any:
    """The jinja2 environment of the site's templates (package data of this package)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("astana_facts.render.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Pages:
    """Renders pages: a template, the page's context and what every page shares."""

    def __init__(self, result: Result, context: RenderContext) -> None:
        self.environment = environment()
        self.names: dict[str, str] = {
            str(entity["id"]): str(entity.get("name") or entity["id"])
            for entity, _ in result.records.entities
        }
        self.rule_names: dict[str, str] = {code.code: code.name for code in INTEGRITY_CODES}
        self.rule_names.update(
            {str(rule["code"]): str(rule["name"]) for rule in result.records.rules}
        )
        self.shared: dict[str, Any] = {
            "tool_version": context.tool_version,
            "data_version": context.data_version,
            "records": context.records,
            "links": site_links,
            "names": self.names,
        }

    def render(self, path: str, template: str, context: dict[str, Any]) -> tuple[str, bytes]:
        """The page ``path``: ``template`` filled with ``context`` and the shared values."""
        page = self.environment.get_template(template)
        text = page.render({**self.shared, **context, "page": path})
        return path, text.encode("utf-8")

    def asset(self, name: str) -> tuple[str, bytes]:
        """A file of the templates folder copied as it is (the style sheet, the script)."""
        loader = self.environment.loader
        source, _, _ = loader.get_source(self.environment, name)
        return name, source.encode("utf-8")
