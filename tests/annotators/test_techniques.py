"""The technique tagger with the bundled int8 model, through the pipeline."""

from __future__ import annotations

import pytest

from spinscope.annotators.techniques import bundled_model_available
from spinscope.techniques.catalogue import techniques

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not bundled_model_available(), reason="no bundled technique model"),
]

RHETORIC = (
    "Senate vote tonight\n\n"
    "These treasonous, bloodthirsty thugs are destroying our great nation, and every patriot "
    "knows it. The radical globalist elites want to flood our towns with crime.\n\n"
    "The committee will meet again on Tuesday to discuss the budget."
)


@pytest.fixture(scope="module")
def tagged(analyzer):  # type: ignore[no-untyped-def]
    return analyzer.analyze_text(RHETORIC)


def test_loaded_words_and_labels_are_marked(tagged) -> None:  # type: ignore[no-untyped-def]
    found = {(span.technique, span.text) for span in tagged.techniques}
    marked = {technique for technique, _ in found}
    assert {"Loaded_Language", "Name_Calling,Labeling"} <= marked
    assert any(
        "globalist elites" in text
        for technique, text in found
        if technique == "Name_Calling,Labeling"
    )
    # the plain closing sentence carries no technique
    neutral_start = RHETORIC.index("The committee")
    assert all(span.end <= neutral_start for span in tagged.techniques)


def test_spans_are_consistent_and_named(tagged) -> None:  # type: ignore[no-untyped-def]
    known = techniques()
    for span in tagged.techniques:
        assert span.technique in known
        assert 0.0 <= span.score <= 1.0
        assert span.text == tagged.text[span.start : span.end]
        assert tagged.source_text[span.source_start : span.source_end] == span.text


def test_sentence_scores_rank_rhetoric_above_plain_report(tagged) -> None:  # type: ignore[no-untyped-def]
    scores = {tagged.text[s.start : s.end][:12]: s.propaganda for s in tagged.sentences}
    assert scores["These treaso"] > scores["The committe"]
    assert scores["The radical "] > scores["The committe"]
    assert all(0.0 <= s.propaganda <= 1.0 for s in tagged.sentences)


def test_ptc_format_on_a_ptc_named_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path = tmp_path / "article424242.txt"
    path.write_text(RHETORIC, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "spinscope.cli", "analyze", str(path), "--format", "ptc"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert lines and all(len(line) == 4 and line[0] == "424242" for line in lines)
    for _, technique, start, end in lines:
        assert technique in techniques()
        assert RHETORIC[int(start) : int(end)].strip()
