"""Texts written and labelled for spinscope: inline markup read into clean text and spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.techniques.corpus import MarkupError, parse_marked, read_marked


def test_markup_gives_clean_text_and_offsets_into_it() -> None:
    marked = (
        "MINSK, May 3 (AGENCY) -- The {{Loaded_Language|heroic}} builders finished early, "
        "while {{Name_Calling,Labeling|the {{Loaded_Language|reckless}} adventurers}} "
        "next door {{Doubt|can hardly be trusted}}."
    )
    text, spans = parse_marked(marked)
    assert text == (
        "MINSK, May 3 (AGENCY) -- The heroic builders finished early, while the reckless "
        "adventurers next door can hardly be trusted."
    )
    assert [(text[start:end], technique) for start, end, technique in spans] == [
        ("heroic", "Loaded_Language"),
        ("the reckless adventurers", "Name_Calling,Labeling"),
        ("reckless", "Loaded_Language"),
        ("can hardly be trusted", "Doubt"),
    ]
    assert spans[0] == (29, 35, "Loaded_Language")


def test_labels_of_either_corpus_name_the_same_technique() -> None:
    # SemEval-2021 spells some labels differently; hand-typed labels may differ in case
    _, spans = parse_marked("{{flag-waving|our glorious nation}} and {{Smears|liars}}")
    assert [technique for _, _, technique in spans] == ["Flag-Waving", "Smears"]


@pytest.mark.parametrize(
    ("marked", "reason"),
    [
        ("a {{Bravado|b}} c", "unknown technique 'Bravado' at character 2"),
        ("a {{Doubt|b c", "the Doubt span opened at character 2 never closes"),
        ("a b}} c", "'}}' closes nothing at character 3"),
        ("a {{Doubt|}} c", "empty Doubt span at character 2"),
        ("a {b} c", "stray '{' at character 2"),
    ],
)
def test_bad_markup_is_refused_with_where_and_why(marked: str, reason: str) -> None:
    with pytest.raises(MarkupError) as raised:
        parse_marked(marked)
    assert str(raised.value) == reason


def test_a_folder_of_marked_texts_is_read_and_a_bad_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "region").mkdir()
    (tmp_path / "region" / "agency_one.txt").write_text(
        "A {{Loaded_Language|glorious}} day.\n", encoding="utf-8"
    )
    (tmp_path / "neutral_two.txt").write_text("Talks resumed on Monday.\n", encoding="utf-8")
    examples = read_marked(tmp_path)
    assert [(e.id, e.source, e.spans) for e in examples] == [
        ("neutral_two", "written", []),
        ("agency_one", "written", [(2, 10, "Loaded_Language")]),
    ]
    (tmp_path / "broken.txt").write_text("{{Doubt|never closed\n", encoding="utf-8")
    with pytest.raises(MarkupError, match=r"broken\.txt: the Doubt span opened at character 0"):
        read_marked(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"no marked \.txt files"):
        read_marked(tmp_path / "region" / "nothing")
