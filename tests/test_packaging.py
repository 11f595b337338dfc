"""The release artefacts: an sdist and a wheel that pass twine's checks, a wheel built from the
sdist with the same contents as one built from the checkout, carrying the data inside the
package, installing outside the checkout and serving the records and the report there.

Slow (builds the artefacts and a virtual environment), so they are built once per run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import tomllib

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build``: the sdist, then the wheel built from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (path,) = dist.glob("astana_facts-*.whl")
    return path


def test_sdist_and_wheel_pass_twine_check(dist: Path) -> None:
    artefacts = sorted(map(str, dist.iterdir()))
    assert any(a.endswith(".tar.gz") for a in artefacts) and any(
        a.endswith(".whl") for a in artefacts
    )
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *artefacts],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wheel_from_the_sdist_is_the_wheel_from_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
    )
    (direct,) = tmp_path.glob("astana_facts-*.whl")

    def contents(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:
            return {
                name: archive.read(name)
                for name in archive.namelist()
                if not name.endswith((".dist-info/RECORD",))
            }

    assert contents(direct) == contents(wheel)


def _venv_with(requirement: str, home: Path) -> Path:
    """A fresh venv at ``home`` with ``requirement`` installed; returns its bin folder."""
    venv.create(home, with_pip=True)
    bin_dir = home / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", requirement], check=True
    )
    return bin_dir


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv outside the checkout with the wheel and its tools installed."""
    return _venv_with(f"{wheel}[tools]", tmp_path_factory.mktemp("venv"))


@pytest.fixture(scope="module")
def light(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel alone: the data install."""
    return _venv_with(str(wheel), tmp_path_factory.mktemp("light"))


LIGHT_SCRIPT = """
import importlib.util, json, sys
import astana_facts
version = astana_facts.__version__  # from the dist-info, without importlib.metadata
metadata = "importlib.metadata" in sys.modules
dataset = astana_facts.load()
found = astana_facts.validate()
tools = ["tree_sitter", "tree_sitter_json", "pysbd", "rapidfuzz", "sarif_pydantic", "packaging"]
present = [m for m in tools if importlib.util.find_spec(m)]
print(json.dumps({"claims": len(dataset.claims), "findings": len(found), "version": version,
                  "metadata": metadata, "tools": present}))
"""


def test_the_data_install_loads_and_validates_without_the_tools(
    light: Path, tmp_path: Path
) -> None:
    """``pip install astana-facts`` gives the data, ``load()`` and ``validate()``, with
    pydantic, click and orjson only; a tool's command says which extra to install."""
    done = subprocess.run(
        [str(light / "python"), "-c", LIGHT_SCRIPT], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    bundled = sum(
        len(json.loads(path.read_text(encoding="utf-8"))["claims"])
        for path in (REPO / "records" / "claims").glob("*.json")
    )
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert json.loads(done.stdout) == {
        "claims": bundled,
        "findings": 0,
        "version": version["version"],
        "metadata": False,
        "tools": [],
    }
    listed = subprocess.run(
        [str(light / "python"), "-m", "pip", "list", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    names = {item["name"].lower().replace("_", "-") for item in json.loads(listed.stdout)}
    assert names - {"pip", "setuptools"} == {
        "astana-facts", "pydantic", "pydantic-core", "annotated-types", "typing-extensions",
        "typing-inspection", "click", "orjson",
    }  # fmt: skip
    cli = subprocess.run(
        [str(light / "astana-facts"), "validate"], cwd=tmp_path, capture_output=True, text=True
    )
    assert cli.returncode == 0, cli.stderr
    report = subprocess.run(
        [str(light / "astana-facts"), "report"], cwd=tmp_path, capture_output=True, text=True
    )
    assert report.returncode == 2 and "pip install 'astana-facts[tools]'" in report.stderr
    assert "Traceback" not in report.stderr and "internal error" not in report.stderr


def test_the_wheel_carries_the_data_inside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/", 1)[0] for name in names}
    assert not top_level & {"records", "schemas", "validators"}
    assert top_level <= {
        "astana_facts",
        wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info",
    }
    assert "astana_facts/py.typed" in names
    for folder in ("records/sources", "records/claims", "schemas", "validators"):
        assert any(name.startswith(f"astana_facts/{folder}/") for name in names), folder
    checkout = {
        path.relative_to(REPO).as_posix()
        for folder in ("records", "schemas", "validators")
        for path in (REPO / folder).rglob("*")
        if path.is_file()
    }
    packaged = {name.removeprefix("astana_facts/") for name in names}
    assert checkout <= packaged
    templates = REPO / "astana_facts" / "render" / "html" / "templates"
    shipped = {path.relative_to(REPO).as_posix() for path in templates.iterdir()}
    assert shipped and shipped <= set(names), "the html report's templates are package data"


def test_the_wheel_states_both_licences_and_carries_their_files(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        fields = archive.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
    assert "License-Expression: MIT AND CC-BY-4.0" in fields
    assert {"License-File: LICENSE", "License-File: LICENSE-DATA"} <= set(fields)
    licences = {n.rsplit("/", 1)[-1] for n in names if ".dist-info/licenses/" in n}
    assert licences == {"LICENSE", "LICENSE-DATA"}


def test_a_users_script_type_checks_strictly_against_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    """The wheel is typed (PEP 561 ``py.typed``): ``mypy --strict`` on a user's script checks
    its calls against the package instead of failing on a missing library stub."""
    script = tmp_path / "user.py"
    script.write_text(
        "import astana_facts\n"
        "from astana_facts import Dataset, Finding\n\n"
        "dataset: Dataset = astana_facts.load()\n"
        "found: list[Finding] = astana_facts.validate()\n"
        "name: str = dataset.lookup('Addrakmanov').name\n"
        "ids: list[str] = [claim.id for claim in dataset.claims]\n"
        "codes: list[str] = [finding.code for finding in astana_facts.validate()]\n"
        "count: int = len(astana_facts.report().findings)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
         str(installed / "python"), str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_wheel_validates_its_bundled_records(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "astana-facts"), "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.startswith("records: bundled dataset (astana-facts ")
    refused = subprocess.run(
        [str(installed / "astana-facts"), "fmt"], cwd=tmp_path, capture_output=True, text=True
    )
    assert refused.returncode == 2 and "read-only" in refused.stderr
    module = subprocess.run(
        [str(installed / "python"), "-m", "astana_facts", "validate", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert module.returncode == 0 and '"findings": []' in module.stdout


def test_the_installed_wheel_serves_the_report(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "astana-facts"), "report", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "astana-facts consistency report" in result.stdout and "DAT001" in result.stdout


def test_the_readme_api_example_runs_in_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- api-example -->\s*```python\n(.*?)```", readme, re.S)
    assert match, "README.md has no api-example block"
    result = subprocess.run(
        [str(installed / "python"), "-c", match[1]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "site-packages"
        in subprocess.run(
            [
                str(installed / "python"),
                "-c",
                "from astana_facts.resources import bundled; print(bundled('records'))",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        ).stdout
    )


def test_readme_commands_are_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)[0].splitlines()
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_diff_reads_a_built_wheel_and_finds_it_equal_to_the_checkout(wheel: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "astana_facts", "diff", str(wheel), str(REPO), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"bump": "none"' in result.stdout and '"changes": []' in result.stdout
