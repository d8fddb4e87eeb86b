"""Pairs, folds, scores and ``spinscope train satire``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from tests.satire.test_wording import REPORTS, SATIRES

from spinscope.errors import SpinscopeError
from spinscope.satire.training import (
    UNPAIRED_STRAIGHT,
    PairedText,
    fold_of,
    rank_auc,
    read_pairs,
    read_straight,
)
from spinscope.satire.wording import WordingModel


def _write_pairs(folder: Path, count: int = 4) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"story_{i:02d}_satire.txt").write_text(
            f"Headline {i}\n\n{SATIRES[i % 4]}\n", encoding="utf-8"
        )
        (folder / f"story_{i:02d}_report.txt").write_text(
            f"Headline {i}\n\n{REPORTS[i % 4]}\n", encoding="utf-8"
        )


def test_pairs_are_read_with_their_labels(tmp_path: Path) -> None:
    _write_pairs(tmp_path)
    pairs = read_pairs(tmp_path)
    assert len(pairs) == 8 and sum(p.satire for p in pairs) == 4
    assert {p.pair for p in pairs} == {f"{tmp_path.name}/story_{i:02d}" for i in range(4)}
    assert all(p.text.startswith("Headline") for p in pairs)


def test_a_lone_twin_is_an_error_naming_it(tmp_path: Path) -> None:
    _write_pairs(tmp_path)
    (tmp_path / "story_01_report.txt").unlink()
    with pytest.raises(SpinscopeError, match=r"story_01_satire\.txt: its twin"):
        read_pairs(tmp_path)


def test_a_file_of_neither_kind_is_an_error_naming_it(tmp_path: Path) -> None:
    _write_pairs(tmp_path)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SpinscopeError, match=r"notes\.txt: not named"):
        read_pairs(tmp_path)


def test_an_opinion_piece_is_a_straight_twin(tmp_path: Path) -> None:
    _write_pairs(tmp_path, count=2)
    (tmp_path / "story_01_report.txt").rename(tmp_path / "story_01_opinion.txt")
    pairs = read_pairs(tmp_path)
    assert {(p.path.name, p.genre, p.satire) for p in pairs} == {
        ("story_00_report.txt", "reporting", False),
        ("story_00_satire.txt", "satire", True),
        ("story_01_opinion.txt", "opinion", False),
        ("story_01_satire.txt", "satire", True),
    }


def test_a_satire_with_two_straight_twins_is_an_error(tmp_path: Path) -> None:
    _write_pairs(tmp_path, count=2)
    (tmp_path / "story_01_opinion.txt").write_text("Headline\n\nI think so.\n", encoding="utf-8")
    with pytest.raises(SpinscopeError, match=r"story_01_satire\.txt: its twin .* two straight"):
        read_pairs(tmp_path)


def test_twins_share_a_fold() -> None:
    pairs = [
        PairedText(f"p{i // 2}", Path(f"{i}.txt"), "text", "satire" if i % 2 == 0 else "reporting")
        for i in range(20)
    ]
    folds = fold_of(pairs, folds=4)
    for i in range(0, 20, 2):
        assert folds[i] == folds[i + 1]
    assert len(set(folds)) == 4


def test_rank_auc_by_hand() -> None:
    logits = np.array([3.0, 1.0, 2.0, 0.0])
    # satires 3 and 0 against straight 1 and 2: 3 beats both, 0 beats neither -> 2 of 4
    assert rank_auc(logits, [True, False, False, True]) == 0.5
    assert rank_auc(logits, [True, False, True, False]) == 1.0
    assert rank_auc(np.array([1.0, 1.0]), [True, False]) == 0.5


def _train_satire(*data: Path, output: Path) -> subprocess.CompletedProcess[str]:
    command = ["train", "satire", "--data", *map(str, data), "--output", str(output)]
    return subprocess.run(
        [sys.executable, "-m", "spinscope.cli", *command],
        capture_output=True,
        text=True,
        check=False,
    )


def test_train_satire_command_writes_a_model_and_reports_out_of_fold_figures(
    tmp_path: Path,
) -> None:
    data, more = tmp_path / "pairs", tmp_path / "more"
    _write_pairs(data, count=8)
    _write_pairs(more, count=2)  # same file names in another folder: other pairs
    output = tmp_path / "model" / "wording_model.json"
    result = _train_satire(data, more, output=output)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pairs"] == 10 and report["texts"] == 20
    assert 0.0 <= report["out_of_fold_auc"] <= 1.0
    model = WordingModel.load(output)
    assert model.logit(SATIRES[0]) > model.logit(REPORTS[0])


def test_train_satire_output_may_be_a_folder(tmp_path: Path) -> None:
    data, folder = tmp_path / "pairs", tmp_path / "models"
    _write_pairs(data, count=4)
    folder.mkdir()
    result = _train_satire(data, output=folder)
    assert result.returncode == 0, result.stderr
    model = WordingModel.load(folder / "wording_model.json")
    assert model.logit(SATIRES[0]) > model.logit(REPORTS[0])


def test_real_articles_are_read_as_straight_texts_of_their_own(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"article{i}.txt").write_text(f"Headline\n\n{REPORTS[i]}\n", "utf-8")
    texts = read_straight(tmp_path)
    assert [t.genre for t in texts] == [UNPAIRED_STRAIGHT] * 3
    assert not any(t.satire for t in texts)
    assert len({t.pair for t in texts}) == 3  # each its own group in the folds
    with pytest.raises(SpinscopeError, match="missing: not a folder"):
        read_straight(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SpinscopeError, match=r"empty: no \.txt articles"):
        read_straight(tmp_path / "empty")


def test_train_satire_fits_real_straight_articles_beside_the_pairs(tmp_path: Path) -> None:
    data, real = tmp_path / "pairs", tmp_path / "real"
    _write_pairs(data, count=4)
    real.mkdir()
    # real articles that share the satires' words: fitted as straight, they pull them down
    for i in range(6):
        (real / f"article{i}.txt").write_text(f"News {i}\n\n{SATIRES[i % 4]}\n", "utf-8")
    plain, with_real = tmp_path / "plain.json", tmp_path / "real.json"
    assert _train_satire(data, output=plain).returncode == 0
    command = ["train", "satire", "--data", str(data), "--straight", str(real)]
    result = subprocess.run(
        [sys.executable, "-m", "spinscope.cli", *command, "--output", str(with_real)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pairs"] == 4 and report["unpaired_straight"] == 6 and report["texts"] == 14
    assert "out_of_fold_unpaired_straight_logit_quantiles" in report
    text = f"News 0\n\n{SATIRES[0]}\n"
    assert WordingModel.load(with_real).logit(text) < WordingModel.load(plain).logit(text)


def test_train_satire_command_fails_in_one_line_on_a_bad_folder(tmp_path: Path) -> None:
    result = _train_satire(tmp_path / "missing", output=tmp_path / "m.json")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "missing: not a folder" in result.stderr
