"""scripts/setup.sh checks the Python version first and rebuilds a .venv that another Python made.

Run on a copy of the script beside requirements files that name no package, so nothing is downloaded.
"""

import glob
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def interpreter(version: str) -> str | None:
    """A Python `version` ("3.10") installed on this machine, if any."""
    found = sorted(glob.glob(f"/root/.pyenv/versions/{version}.*/bin/python{version}")) + [
        path for path in (f"/usr/bin/python{version}", f"/usr/local/bin/python{version}") if Path(path).exists()]
    return found[0] if found else None


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    for name in ("requirements.txt", "requirements-dev.txt"):
        (tmp_path / name).write_text("# nothing to install in this test\n")
    return tmp_path


def setup(project: Path, python: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/setup.sh"], cwd=project, env={"PATH": "/usr/bin:/bin", "PYTHON": python},
                          capture_output=True, text=True, timeout=300)


def venv_version(project: Path) -> str:
    return subprocess.run([project / ".venv" / "bin" / "python", "-c", "import sys; print(sys.version_info[:2])"],
                          capture_output=True, text=True, check=True).stdout.strip()


def test_an_old_python_is_refused_before_anything_is_made(project: Path):
    old = interpreter("3.10")
    if old is None:
        pytest.skip("no Python 3.10 on this machine")
    result = setup(project, old)
    assert result.returncode == 1
    assert "needs Python 3.11 or newer, and found Python 3.10" in result.stderr
    assert not (project / ".venv").exists()


def test_a_venv_made_by_another_python_is_rebuilt(project: Path):
    pythons = [p for p in (interpreter("3.11"), interpreter("3.12"), interpreter("3.13")) if p]
    if len(pythons) < 2:
        pytest.skip("needs two Pythons of 3.11 or newer")
    first, second = pythons[:2]
    assert setup(project, first).returncode == 0
    made_by_first = venv_version(project)
    result = setup(project, second)
    assert result.returncode == 0, result.stderr
    assert "rebuilding it" in result.stderr
    assert venv_version(project) != made_by_first
    again = setup(project, second)
    assert again.returncode == 0 and "rebuilding" not in again.stderr
