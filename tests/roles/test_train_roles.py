"""``spinscope train roles`` on two small labelled sets cut from the labelled data."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from spinscope.roles.features import FEATURES
from spinscope.roles.labels import LABELS_FILE
from spinscope.roles.model import RoleModel
from spinscope.roles.training import labelled_cases

SOURCE = Path(__file__).resolve().parents[1] / "data" / "portrayal"
SETS = {
    "set_a": ("azertac_demining_expert.txt", "neutral_caucasus_talks.txt"),
    "set_b": ("kabar_batken_expert.txt", "neutral_border_clashes.txt"),
}


@pytest.fixture(scope="module")
def labelled_sets(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("labelled")
    everything = json.loads((SOURCE / LABELS_FILE).read_text(encoding="utf-8"))
    folders = []
    for name, files in SETS.items():
        folder = root / name
        folder.mkdir()
        for file in files:
            shutil.copy(SOURCE / file, folder / file)
        articles = [a for a in everything["articles"] if a["file"] in files]
        (folder / LABELS_FILE).write_text(json.dumps({"articles": articles}), encoding="utf-8")
        folders.append(folder)
    return folders


def test_every_label_and_every_other_actor_becomes_a_case(labelled_sets: list[Path]) -> None:
    cases = labelled_cases(labelled_sets)
    labelled = [c for c in cases if c.labelled]
    everything = json.loads((SOURCE / LABELS_FILE).read_text(encoding="utf-8"))
    wanted = sum(
        len(a["roles"])
        for a in everything["articles"]
        if any(a["file"] in f for f in SETS.values())
    )
    assert len(labelled) == wanted
    assert {c.labelled_set for c in cases} == set(SETS)
    found = [c for c in labelled if c.features is not None]
    assert len(found) >= 0.8 * len(labelled)
    assert all(c.features is not None and c.features.shape == (len(FEATURES),) for c in found)
    # actors no label names are there too, as neutral, and never scored
    others = [c for c in cases if not c.labelled]
    assert others and all(c.gold == "neutral" for c in others)


def test_train_roles_reports_each_set_left_out_and_writes_a_model(
    labelled_sets: list[Path], tmp_path: Path
) -> None:
    output = tmp_path / "role_model.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "spinscope.cli",
            "train",
            "roles",
            "--data",
            *map(str, labelled_sets),
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert set(report["leave_one_set_out"]) == set(SETS)
    for figures in report["leave_one_set_out"].values():
        assert 0.0 <= figures["model_accuracy"] <= 1.0 and figures["roles"] > 0
    model = RoleModel.load(output)
    assert model.features == FEATURES
    assert np.isfinite(model.weights).all()


def test_train_roles_needs_labelled_folders(labelled_sets: list[Path], tmp_path: Path) -> None:
    def run(*folders: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "spinscope.cli", "train", "roles", "--data"]
            + [str(f) for f in folders]
            + ["--output", str(tmp_path / "m.json")],
            capture_output=True,
            text=True,
            timeout=120,
        )

    unlabelled = run(labelled_sets[0], tmp_path)
    assert unlabelled.returncode == 1 and f"no {LABELS_FILE} in it" in unlabelled.stderr
    alone = run(labelled_sets[0])
    assert alone.returncode == 1 and "at least two labelled sets" in alone.stderr
    assert not (tmp_path / "m.json").exists()


def test_precision_by_role_counts_what_each_casts_and_how_much_is_right() -> None:
    from spinscope.roles.training import LabelledCase, precision_by_role

    def case(gold: str, rules: str, labelled: bool = True) -> LabelledCase:
        return LabelledCase("s", "a.txt", gold, gold, rules, None, labelled=labelled)

    pairs = [
        (case("antagonist", "antagonist"), "antagonist"),
        (case("neutral", "antagonist"), "antagonist"),
        (case("protagonist", "neutral"), "protagonist"),
        (case("neutral", "neutral", labelled=False), "antagonist"),  # unlabelled: not scored
    ]
    figures = precision_by_role(pairs)
    assert figures["antagonist"] == {
        "rules_cast": 2,
        "rules_precision": 0.5,
        "model_cast": 2,
        "model_precision": 0.5,
    }
    assert figures["protagonist"]["model_cast"] == 1
    assert figures["protagonist"]["model_precision"] == 1.0
    assert figures["protagonist"]["rules_cast"] == 0
    assert figures["innocent"]["model_cast"] == 0
    assert "neutral" not in figures


def test_main_cast_found_counts_praise_and_blame_reports_only() -> None:
    from spinscope.roles.training import LabelledCase, main_cast_found

    def case(article: str, gold: str, rules: str) -> LabelledCase:
        return LabelledCase("s", article, f"{article}-{gold}", gold, rules, None)

    pairs = [
        # a wire story: the model finds hero and villain, the rules only the hero
        (case("wire.txt", "protagonist", "protagonist"), "protagonist"),
        (case("wire.txt", "antagonist", "neutral"), "antagonist"),
        # a second wire story: the model misses the villain
        (case("wire2.txt", "protagonist", "neutral"), "protagonist"),
        (case("wire2.txt", "antagonist", "antagonist"), "neutral"),
        # an op-ed with both is not a report; a report without a villain is not counted
        (case("oped.txt", "protagonist", "protagonist"), "protagonist"),
        (case("oped.txt", "antagonist", "antagonist"), "antagonist"),
        (case("neutral.txt", "innocent", "innocent"), "innocent"),
    ]
    genres = {
        ("s", "wire.txt"): "reporting",
        ("s", "wire2.txt"): "reporting",
        ("s", "oped.txt"): "opinion",
        ("s", "neutral.txt"): "reporting",
    }
    assert main_cast_found(pairs, genres) == {
        "articles": 2,
        "rules_hero": 1,
        "rules_villain": 1,
        "rules_both": 0,
        "model_hero": 2,
        "model_villain": 1,
        "model_both": 1,
    }


def test_penalties_with_fewest_false_villains_win_then_accuracy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When every setting casts one villain the rules do not, the least harmful and then the
    most accurate setting is chosen, not a fixed default."""
    from spinscope.roles import training

    def report(cases: object, l2: float, unlabelled: float) -> dict[str, dict[str, float]]:
        false_villains = 2 if l2 == 100.0 else 1
        accuracy = 0.9 if l2 == 100.0 else 0.5 + l2 / 100 + unlabelled / 10
        return {
            "set": {
                "roles": 100,
                "rules_accuracy": 0.5,
                "model_accuracy": accuracy,
                "rules_false_villains": 0,
                "model_false_villains": false_villains,
            }
        }

    monkeypatch.setattr(training, "leave_one_set_out", report)
    (l2, unlabelled), scores = training.choose_penalties([])
    # l2=100 is the most accurate but casts two false villains; among the rest, l2=30 with the
    # largest unlabelled weight scores best.
    assert (l2, unlabelled) == (30.0, max(training.UNLABELLED_GRID))
    assert len(scores) == len(training.L2_GRID) * len(training.UNLABELLED_GRID)
