"""Project-wide rules: the core stays free of Streamlit, dependencies are pinned, the CLI is documented."""

import ast
import re
import subprocess
import sys
from pathlib import Path

from newsfacts.cli import COMMAND_MODULES, build_parser

ROOT = Path(__file__).resolve().parent.parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_streamlit():
    offenders = [str(p) for p in (ROOT / "newsfacts").rglob("*.py") if "streamlit" in _imported_modules(p)]
    assert offenders == []


def test_every_requirement_is_pinned():
    for name in ("requirements.txt", "requirements-dev.txt", "requirements-scale.txt"):
        lines = [line.strip() for line in (ROOT / name).read_text().splitlines()]
        requirements = [line for line in lines if line and not line.startswith("#")]
        assert requirements, name
        assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line) for line in requirements), name


def test_every_cli_command_is_documented_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMAND_MODULES:
        assert f"python -m newsfacts {command}" in readme, command


def test_every_cli_command_has_help_text():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for command in COMMAND_MODULES:
        assert subparsers.choices[command].format_help().strip(), command


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    assert "bash scripts/test.sh" in ci


def test_the_scale_extra_is_installed_for_the_tests_and_not_needed_by_the_readme_commands():
    assert "--with-scale" in (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "scale" not in (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    script = (
        "import sys, tempfile\n"
        "from newsfacts.store import ingest\n"
        "import components.data, components.ui\n"
        "assert ingest(['data/seeds'], store_dir=tempfile.mkdtemp()).ok\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'fsspec'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
