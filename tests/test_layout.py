"""The layout rules of docs/design.md, checked so that they cannot drift silently: every module
of the package stays readable in one sitting (at most 310 lines) and every function fits on a
screen (at most 60 lines). A module or function that grows past them is split, not excused."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "astana_facts"
MAX_MODULE_LINES = 310
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    found = sorted(PACKAGE.rglob("*.py"))
    assert found, "no module found: the scan itself is broken"
    return found


def _name(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def test_every_module_is_at_most_310_lines() -> None:
    long = {
        _name(path): count
        for path in _modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}, "split these modules"


def function_lengths(source: str) -> dict[str, int]:
    """Lines of every function and method of ``source`` (from ``def`` to its last line, without
    decorators), by ``line:name``."""
    return {
        f"{node.lineno}:{node.name}": (node.end_lineno or node.lineno) - node.lineno + 1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def test_every_function_is_at_most_60_lines() -> None:
    long = {
        f"{_name(path)}:{where}": count
        for path in _modules()
        for where, count in function_lengths(path.read_text(encoding="utf-8")).items()
        if count > MAX_FUNCTION_LINES
    }
    assert long == {}, "split these functions"


def test_the_function_scan_measures_from_def_to_the_last_line() -> None:
    source = (
        "@decorator\n"
        "def f() -> None:\n"
        "    x = 1\n"
        "\n"
        "    return None\n"
        "\n"
        "\n"
        "class C:\n"
        "    def m(self):\n"
        "        pass\n"
    )
    assert function_lengths(source) == {"2:f": 4, "9:m": 2}


STAGES = (
    ("text", "jsonio", "findings", "models"),
    ("reading",),
    ("integrity",),
    ("consistency",),
    ("verdicts",),
    ("adjudication",),
    ("pipeline",),
    ("render",),
    ("cli",),
)
"""The stages in the order the data flows (docs/design.md's map); the building blocks first.
``tools``, ``export`` and ``versions`` stand beside the flow and may use any stage but the CLI."""
_RANK = {folder: rank for rank, folders in enumerate(STAGES) for folder in folders}


def _imported(path: Path) -> set[str]:
    """The ``astana_facts`` subpackages that ``path`` imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else []
        )
        for name in names:
            parts = name.split(".")
            if parts[0] == "astana_facts" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_the_data_flows_one_way() -> None:
    """A stage imports only the stages before it (and the building blocks): a renderer never
    reaches back into the checks, the checks never into the command line."""
    backwards = []
    for path in _modules():
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or parts[0] not in _RANK:
            continue
        own = _RANK[parts[0]]
        for used in _imported(path):
            if _RANK.get(used, -1) > own and not (own == 0 and used == "models"):
                backwards.append(f"{_name(path)} imports astana_facts.{used}")
    assert backwards == []


def test_every_folder_of_the_package_has_a_place_in_the_flow() -> None:
    beside = {"tools", "export", "versions"}
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert folders == set(_RANK) | beside
