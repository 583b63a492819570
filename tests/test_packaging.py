"""pyproject.toml declares what the code imports, at the lock files' pins, and the `newsfacts` command."""

import ast
import importlib
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins(requirements: list[str]) -> dict[str, str]:
    """{normalised name: version} of `name==version` lines."""
    found = {}
    for line in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([\w.]+)", line.strip())
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def lock(*names: str) -> dict[str, str]:
    return pins([line for name in names for line in (ROOT / name).read_text(encoding="utf-8").splitlines()])


def imported_distributions(paths: list[Path]) -> set[str]:
    """The installed distributions that the files import (at any depth), by normalised name."""
    modules: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module.split(".")[0])
    third_party = modules - set(sys.stdlib_module_names) - {"newsfacts", "components", "tests", "benchmarks", "pages"}
    owners = packages_distributions()
    return {re.sub(r"[-_.]+", "-", owners[module][0]).lower() for module in third_party}


def test_every_declared_dependency_has_the_lock_files_pin():
    declared = pins(PROJECT["dependencies"]) | pins(PROJECT["optional-dependencies"]["dashboard"])
    assert declared.items() <= lock("requirements.txt").items()
    assert pins(PROJECT["optional-dependencies"]["test"]).items() <= lock("requirements.txt", "requirements-dev.txt").items()
    assert pins(PROJECT["optional-dependencies"]["scale"]).items() <= lock("requirements-scale.txt").items()


def test_the_core_declares_every_package_it_imports():
    core = imported_distributions(list((ROOT / "newsfacts").rglob("*.py")))
    scale = set(pins(PROJECT["optional-dependencies"]["scale"]))
    assert core - scale == set(pins(PROJECT["dependencies"]))
    assert core & scale == {"distributed", "fsspec"}  # imported only by `--engine dask` and URLs (tests/test_project.py)


def test_the_dashboard_extra_covers_what_the_dashboard_imports():
    files = [ROOT / "app.py", ROOT / "serve.py", *(ROOT / "components").glob("*.py"), *(ROOT / "pages").glob("*.py")]
    declared = set(pins(PROJECT["dependencies"])) | set(pins(PROJECT["optional-dependencies"]["dashboard"]))
    assert imported_distributions(files) <= declared


def test_the_newsfacts_command_is_the_cli():
    module, function = PROJECT["scripts"]["newsfacts"].split(":")
    assert getattr(importlib.import_module(module), function) is importlib.import_module("newsfacts.cli").main


def test_the_dashboard_command_installs_no_test_tools():
    run = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    setup_lines = [line for line in run.splitlines() if "setup.sh" in line]
    assert setup_lines and not any("--dev" in line or "--with-browser" in line for line in setup_lines)
    assert "--with-browser" in (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
