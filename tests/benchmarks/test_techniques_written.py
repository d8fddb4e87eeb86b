"""The written-texts benchmark: reads marked texts, scores each model on them side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.conftest import load_benchmark

from spinscope.techniques.predictor import BUNDLED_MODEL

written = load_benchmark("techniques_written")


def test_each_model_is_scored_on_the_marked_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "agency_dam.txt").write_text(
        "DUSHANBE, May 2 (AGENCY) -- The {{Loaded_Language|glorious}} dam opened, "
        "{{Glittering_Generalities|a triumph of unity}}, while "
        "{{Name_Calling,Labeling|the {{Loaded_Language|treacherous}} saboteurs}} "
        "across the border plotted in vain.\n",
        encoding="utf-8",
    )
    (tmp_path / "neutral_dam.txt").write_text(
        "A hydroelectric dam opened on Monday, the ministry said.\n", encoding="utf-8"
    )
    monkeypatch.setattr(
        sys, "argv", ["techniques_written.py", str(tmp_path), "--model", str(BUNDLED_MODEL)]
    )
    assert written.main() == 0
    out = capsys.readouterr().out
    assert f"{tmp_path}: 2 texts, 4 gold spans" in out
    rows = [
        line for line in out.splitlines() if line.startswith(("shipped", str(BUNDLED_MODEL)[-40:]))
    ]
    assert len(rows) == 2
    # the same model twice: the same figures
    assert rows[0].split()[1:] == rows[1].split()[1:]
    per_technique = {
        line.split()[0]: line.split()[2] for line in out.splitlines() if "   gold " in line
    }
    assert per_technique == {
        "Glittering_Generalities": "1",
        "Loaded_Language": "2",
        "Name_Calling,Labeling": "1",
    }


def test_a_model_without_decoding_rules_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("The {{Loaded_Language|vile}} plan.\n")
    untuned = tmp_path / "untuned"
    untuned.mkdir()
    (untuned / "model.onnx").write_bytes((BUNDLED_MODEL / "model.onnx").read_bytes())
    empty = tmp_path / "empty"
    empty.mkdir()
    for model, reason in ((untuned, "no decoding.json (tune it first"), (empty, "no model.onnx")):
        argv = ["techniques_written.py", str(tmp_path / "texts"), "--model", str(model)]
        monkeypatch.setattr(sys, "argv", argv)
        assert written.main() == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        (line,) = captured.err.splitlines()
        assert line.startswith(f"error: {model}: {reason}"), line
