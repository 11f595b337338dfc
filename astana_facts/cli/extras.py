"""The optional extras a command may need, and the message that names the one to install.

``pip install astana-facts`` gives the data, ``load()`` and ``validate()`` with the fewest
dependencies the models need (pydantic, click, orjson). The contributor and CI tools (locating
a finding in its file, sentence coverage, the name rules and fuzzy search, SARIF, release
checks) need the ``tools`` extra; a command that reaches one without it is a usage error that
says what to install, never a traceback.
"""

from __future__ import annotations

TOOLS_MODULES: dict[str, str] = {
    "tree_sitter": "tree-sitter",
    "tree_sitter_json": "tree-sitter-json",
    "pysbd": "pysbd",
    "rapidfuzz": "rapidfuzz",
    "sarif_pydantic": "sarif-pydantic",
    "packaging": "packaging",
}
"""Module -> the distribution of the ``tools`` extra that provides it (pyproject.toml)."""


def missing_extra(error: ModuleNotFoundError) -> str | None:
    """The message for a module of the ``tools`` extra that is not installed; None for any
    other missing module (an unexpected failure)."""
    module = (error.name or "").split(".")[0]
    if module not in TOOLS_MODULES:
        return None
    return (
        f"astana-facts: this needs the tools extra ({TOOLS_MODULES[module]} is not installed): "
        "pip install 'astana-facts[tools]'"
    )
