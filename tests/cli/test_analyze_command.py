"""End to end: the ``spinscope analyze`` command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ARTICLES, EXAMPLES

pytestmark = pytest.mark.slow

WIRE = str(EXAMPLES / "wire_story.txt")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spinscope.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_json_output_contract() -> None:
    result = run("analyze", WIRE)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == WIRE
    assert set(record["metadata"]) >= {
        "title",
        "authors",
        "outlet",
        "published",
        "dateline",
        "language",
    }
    assert record["metadata"]["language"] == "en"
    assert record["metadata"]["published"] == "2022-11-10"
    assert record["metadata"]["dateline"] == {"place": "Baku, Azerbaijan", "date": "2022-11-09"}
    assert record["metadata"]["outlet"] == "AZERTAC"
    text = record["text"]
    source = Path(WIRE).read_text(encoding="utf-8")
    for entity in record["entities"]:
        assert set(entity) >= {"id", "name", "type", "mentions"}
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
            assert source[mention["source_start"] : mention["source_end"]] == mention["text"]
    assert record["quotes"]
    for quote in record["quotes"]:
        assert quote["kind"] in {"direct", "indirect"}
        assert set(quote["speaker"]) >= {"name", "entity_id", "role"}
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert source[quote["source_start"] : quote["source_end"]] == quote["text"]
        assert set(quote["cue"] or {"start": 0, "end": 0, "text": ""}) >= {"start", "end", "text"}


def test_batch_goes_on_after_bad_files_and_exit_status_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.jsonl"
    result = run(
        "analyze",
        WIRE,
        str(empty),
        str(junk),
        str(missing),
        str(ARTICLES / "straight_quotes_report.txt"),
        "--format",
        "jsonl",
        "--output",
        str(out),
    )
    assert result.returncode == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5  # one line per input, errors included
    assert [("error" in line) for line in lines] == [False, True, True, True, False]
    errors = [line for line in result.stderr.splitlines() if line.startswith("spinscope: error:")]
    assert len(errors) == 3
    for path, line in zip((empty, junk, missing), errors, strict=True):
        assert str(path) in line


def test_text_format_marks_quotes_and_speakers() -> None:
    result = run("analyze", WIRE, "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "Marco Bellini" in result.stdout
    assert "Quotes" in result.stdout and "Entities" in result.stdout


def test_stdin() -> None:
    story = Path(WIRE).read_bytes()
    result = run("analyze", "-", stdin=story)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "<stdin>"
    assert len(record["quotes"]) > 5


def test_folder_input_and_json_array(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(Path(WIRE).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        (ARTICLES / "unbalanced_marks.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "notes.csv").write_text("ignored,file\n")
    result = run("analyze", str(tmp_path))
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt"]


def test_too_large_file_is_refused_with_a_clear_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 50_000)
    result = run("analyze", str(big), "--max-size", "0.01")
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert str(big) in line and "limit" in line


def test_python_api_analyze_path_and_text() -> None:
    import spinscope

    from_path = spinscope.analyze(WIRE)
    from_text = spinscope.analyze(Path(WIRE).read_text(encoding="utf-8"))
    assert from_path.text == from_text.text
    assert [q.text for q in from_path.quotes] == [q.text for q in from_text.quotes]
    assert json.loads(from_path.to_json())["quotes"][0]["speaker"]["name"]
