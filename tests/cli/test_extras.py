"""A command that needs the ``tools`` extra on an install without it exits 2 naming the extra
to install, never with a traceback or an "internal error"; the modules it names are the ``tools``
extra of pyproject.toml."""

from __future__ import annotations

import sys

import pytest
import tomllib

from astana_facts.cli import main as entry
from astana_facts.cli.extras import TOOLS_MODULES, missing_extra
from tests.conftest import REPO


def test_the_modules_are_the_tools_extra_and_not_the_core() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tools = {spec.split(">")[0].split("=")[0] for spec in project["optional-dependencies"]["tools"]}
    assert tools == set(TOOLS_MODULES.values())
    core = {spec.split(">")[0].split("=")[0].split("<")[0] for spec in project["dependencies"]}
    assert not core & tools and core == {"pydantic", "click", "orjson"}


@pytest.mark.parametrize("module", sorted(TOOLS_MODULES))
def test_a_missing_tool_is_a_usage_error_naming_the_extra(
    module: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(**_: object) -> None:
        raise ModuleNotFoundError(f"No module named '{module}'", name=f"{module}.sub")

    monkeypatch.setattr(entry.cli, "main", missing)
    monkeypatch.setattr(sys, "argv", ["astana-facts", "report"])
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "pip install 'astana-facts[tools]'" in error and TOOLS_MODULES[module] in error
    assert "internal error" not in error


def test_another_missing_module_is_still_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert missing_extra(ModuleNotFoundError("x", name="jinja2")) is None

    def missing(**_: object) -> None:
        raise ModuleNotFoundError("No module named 'nowhere'", name="nowhere")

    monkeypatch.setattr(entry.cli, "main", missing)
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == 2 and "internal error" in capsys.readouterr().err


def test_the_pre_commit_hooks_and_the_workflow_install_the_tools() -> None:
    import yaml

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tools = project["optional-dependencies"]["tools"]
    for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")):
        assert hook["additional_dependencies"] == tools, hook["id"]
    workflow = (REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8")
    installs = [line.strip() for line in workflow.splitlines() if "pip install" in line]
    assert installs and all('".[tools]"' in line for line in installs), installs
