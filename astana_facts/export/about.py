"""What every export says about the dataset: its name, title, description, licences and
sources. The Frictionless descriptor, the datasette metadata, the Croissant metadata and the
Hugging Face card all take them from here, so they never disagree."""

from __future__ import annotations

from astana_facts.reading.records import Records

NAME = "astana-facts"
TITLE = "astana-facts: claims about the Astana peace process on Syria, with facts and verdicts"
DESCRIPTION = (
    "A fact-checking dataset about the Astana peace process on Syria: claims from news and "
    "analysis articles, each grounded in its source text by exact quotes, the entities they "
    "name, facts from public sources, a verdict on every claim against the facts, and the "
    "findings of the checks (where the sources contradict each other) with the editors' "
    "adjudications."
)
HOMEPAGE: str | None = None
"""The dataset's public web page: none yet (the package is not published); every card leaves
the address out rather than name one that does not exist."""
CREATOR = "astana-facts contributors"

DATA_LICENSE: dict[str, str] = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
"""The licence of the annotations (claims, spans, entities, facts, verdicts, adjudications)."""

TEXT_RIGHTS: dict[str, str] = {
    "name": "other-closed",
    "title": "The source texts remain the copyright of their publishers (named in each "
    "document's metadata where known); included verbatim so that every quote can be checked, "
    "for research and fact-checking.",
}
"""The rights in the source texts (the ``documents`` table's ``text``): not the dataset's."""


def sources_base() -> list[dict[str, str]]:
    """The source every export names: the package (with its address once it has one)."""
    return [{"title": f"{NAME}, the Python package"} | ({"path": HOMEPAGE} if HOMEPAGE else {})]


def sources(records: Records) -> list[dict[str, str]]:
    """The dataset's sources: the package, then each source document with a URL (by id)."""
    listed = sources_base()
    for document_id in sorted(records.sources):
        metadata = records.sources[document_id].metadata
        if metadata.get("url"):
            publisher = metadata.get("publisher")
            title = metadata["title"] + (f" ({publisher})" if publisher else "")
            listed.append({"title": title, "path": metadata["url"]})
    return listed


def citation(version: str) -> str:
    """How to cite this version of the dataset."""
    return (
        f"{CREATOR}. {NAME}: a fact-checking dataset about the Astana peace process on Syria, "
        f"version {version}." + (f" {HOMEPAGE}" if HOMEPAGE else "")
    )


def keywords() -> list[str]:
    """Keywords for the dataset cards."""
    return ["fact-checking", "claims", "syria", "astana process", "peace negotiations", "news"]


__all__ = [
    "CREATOR", "DATA_LICENSE", "DESCRIPTION", "HOMEPAGE", "NAME", "TEXT_RIGHTS", "TITLE",
    "citation", "keywords", "sources", "sources_base",
]  # fmt: skip
