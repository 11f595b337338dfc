"""Importing the package is cheap: it reads no data and builds no models."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has imported after running ``code``.

    The interpreter runs without ``site`` (``-S``), the package and the installed libraries on
    its path: an editable install's import hook (a ``.pth`` file) imports modules such as
    ``importlib.resources`` before any code runs, which would hide the package's own imports."""
    import astana_facts

    paths = [str(Path(astana_facts.__file__).parent.parent)]
    paths += dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    check = f"{code}\nimport sys\nprint(' '.join(m for m in {modules!r} if m in sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-S", "-c", check], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.split()


def test_import_reads_no_data_and_loads_no_heavy_module() -> None:
    code = (
        "import builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "builtins.open = lambda f, *a, **k: (opened.append(str(f)), real_open(f, *a, **k))[1]\n"
        "import astana_facts\n"
        "assert astana_facts.__version__\n"
        "data = [f for f in opened if f.endswith(('.json', '.txt'))]\n"
        "assert not data, data\n"
    )
    assert _loaded_after(code, ("pydantic", "astana_facts.reading.folder", "orjson")) == []


def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    import astana_facts

    assert astana_facts.__version__ == version("astana-facts")


def test_the_command_line_starts_without_the_models() -> None:
    """`astana-facts --help` and every command's start stay fast: the CLI module imports neither
    pydantic nor the models until a command needs them."""
    heavy = ("pydantic", "astana_facts.models", "rapidfuzz", "pysbd", "sarif_pydantic")
    assert _loaded_after("import astana_facts.cli.main", heavy) == []


def test_validate_text_loads_only_what_checking_needs() -> None:
    """``astana-facts validate`` with text output imports neither the sentence splitter (only
    ``--coverage`` needs it), nor the fuzzy matcher (only a quote that is not found), nor the
    package metadata (only formats that print the versions), nor ``importlib.resources`` and
    ``shutil`` (the bundled folders are found beside the package; a copy is made only for a
    backup): each costs every command milliseconds of start-up."""
    code = (
        "from astana_facts.cli.main import cli\n"
        "try:\n"
        "    cli(['validate', '-q'])\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
    )
    heavy = (
        "rapidfuzz",
        "pysbd",
        "importlib.metadata",
        "sarif_pydantic",
        "importlib.resources",
        "shutil",
    )
    assert _loaded_after(code, heavy) == []


def test_the_version_is_read_from_the_one_dist_info_beside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import astana_facts

    monkeypatch.setattr(astana_facts, "__file__", str(tmp_path / "astana_facts" / "__init__.py"))
    info = tmp_path / "astana_facts-9.8.7.dist-info"
    info.mkdir()
    assert astana_facts._installed_version() is None  # no METADATA: unreadable, not a crash
    (info / "METADATA").write_text("Name: astana-facts\nVersion: 9.8.7\n\nbody", encoding="utf-8")
    assert astana_facts._installed_version() == "9.8.7"
    (tmp_path / "astana_facts-9.8.8.dist-info").mkdir()
    assert astana_facts._installed_version() is None  # two installs: ask importlib.metadata
