"""Evaluation gate: every metric of every gold folder stays at or above the floor recorded in tests/floors.json."""

import json
from pathlib import Path

import pytest

from newsfacts.evaluate import evaluate_folder

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text(encoding="utf-8"))
FOLDERS = [name for name in FLOORS if not name.startswith("_")]


def _flatten(scores: dict) -> dict[str, float]:
    flat = {}
    for name, value in scores.items():
        if isinstance(value, dict):
            flat.update({f"{name}.{key}": inner for key, inner in value.items()})
        elif name != "articles":
            flat[name] = value
    return flat


@pytest.mark.parametrize("folder", FOLDERS)
def test_scores_stay_above_their_floors(folder):
    path = ROOT / folder
    if not path.is_dir():
        pytest.skip(f"{folder} is not in this checkout")
    evaluation = evaluate_folder(path)
    assert evaluation.errors == []
    scores = _flatten(evaluation.as_dict())
    print(f"{folder}: {json.dumps(scores)}")
    below = {name: (scores[name], floor) for name, floor in FLOORS[folder].items() if scores[name] < floor}
    assert below == {}, f"{folder} fell below its floors (score, floor): {below}"


def test_seed_floors_are_perfect():
    assert set(FLOORS["data/seeds"].values()) == {1.0}
