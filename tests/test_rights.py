"""Rights, stated honestly: the code's licence (MIT), the annotations' (CC BY 4.0), both in the
wheel's metadata and in the CSV export's descriptor; the source texts marked as the publishers'
copyright; a valid CITATION.cff whose version is the package's; and no link to an address the
project does not have (it is on no package index and has no public repository yet)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import tomllib
import yaml

from astana_facts.export.about import DATA_LICENSE, TEXT_RIGHTS
from astana_facts.export.datapackage import datapackage
from tests.conftest import REPO

CFF_REQUIRED = ("cff-version", "message", "title", "authors")
"""The keys CFF 1.2.0 requires (its schema's ``required``)."""
CFF_KEYS = {
    *CFF_REQUIRED,
    *("abstract", "contact", "date-released", "doi", "identifiers", "keywords", "license"),
    *("license-url", "preferred-citation", "references", "repository", "repository-code"),
    *("repository-artifact", "type", "url", "version", "commit"),
}
"""Every top-level key CFF 1.2.0 allows (its schema has ``additionalProperties: false``)."""


def _pyproject() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)["project"]  # type: ignore[no-any-return]


def _citation() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_licences_are_files_named_by_the_package_metadata() -> None:
    project = _pyproject()
    assert project["license"] == "MIT AND CC-BY-4.0"
    assert project["license-files"] == ["LICENSE", "LICENSE-DATA"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "Copyright (c) 2026 astana-facts contributors" in (REPO / "LICENSE").read_text()
    data = (REPO / "LICENSE-DATA").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in data
    assert "Section 8 -- Interpretation." in data  # the whole legal code, not a summary
    assert "NOT covered: the source texts" in data


def test_the_build_backend_supports_licence_expressions() -> None:
    """PEP 639 (``license`` as an SPDX expression, ``license-files``) needs hatchling 1.27."""
    with (REPO / "pyproject.toml").open("rb") as stream:
        requires = tomllib.load(stream)["build-system"]["requires"]
    (hatchling,) = [r for r in requires if r.startswith("hatchling")]
    minimum = re.fullmatch(r"hatchling>=(\d+)\.(\d+)", hatchling)
    assert minimum is not None and (int(minimum[1]), int(minimum[2])) >= (1, 27)


def test_the_datapackage_names_the_data_licence_and_the_sources_status() -> None:
    descriptor = datapackage("0.0.0")
    assert descriptor["licenses"] == [DATA_LICENSE]
    assert set(DATA_LICENSE) == {"name", "path", "title"} and DATA_LICENSE["name"] == "CC-BY-4.0"
    assert all("path" not in source for source in descriptor["sources"])  # no address yet
    documents = next(r for r in descriptor["resources"] if r["name"] == "documents")
    assert "publishers" in TEXT_RIGHTS["title"] and TEXT_RIGHTS in documents.get("licenses", [])


def test_the_citation_file_is_cff_1_2_0_with_the_package_version() -> None:
    citation = _citation()
    assert all(key in citation for key in CFF_REQUIRED)
    assert set(citation) <= CFF_KEYS
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == _pyproject()["version"]
    assert citation["title"].startswith(_pyproject()["name"] + ":")
    assert citation["authors"] == [{"name": "astana-facts contributors"}]
    assert citation["license"] == "CC-BY-4.0"  # the dataset's; CFF takes identifiers, not AND
    assert "date-released" not in citation  # nothing is released yet
    assert not {"url", "repository-code", "doi"} & set(citation)  # none exists yet


@pytest.mark.parametrize(
    "unpublished", ["pypi.org/project/astana-facts", "github.com/astana-facts"]
)
def test_no_link_claims_an_address_the_project_does_not_have(unpublished: str) -> None:
    places = [
        REPO / "README.md",
        REPO / "CITATION.cff",
        *sorted((REPO / "astana_facts").rglob("*.py")),
    ]
    offenders = [
        str(path.relative_to(REPO))
        for path in places
        if unpublished in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_data_card_states_all_three_rights() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rights = readme[readme.index("**Rights.**") : readme.index("**How to cite.**")]
    for words in ("MIT", "CC BY 4.0", "LICENSE-DATA", "copyright stays with their", "research"):
        assert words in rights, words


def test_the_sdist_carries_the_licences_and_the_citation() -> None:
    with (REPO / "pyproject.toml").open("rb") as stream:
        include = tomllib.load(stream)["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert {"LICENSE", "LICENSE-DATA", "CITATION.cff"} <= set(include)
    assert all((REPO / name).is_file() for name in ("LICENSE", "LICENSE-DATA", "CITATION.cff"))
