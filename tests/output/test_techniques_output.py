"""Technique spans and sentence scores in every output: JSON, ``--format ptc``, the terminal view,
and the technique catalogue those outputs take names, definitions and colours from."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from rich.color import Color
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text
from tests.conftest import ROOT, make_doc

from spinscope.cli import main
from spinscope.document import Document, SentenceScore, TechniqueSpan, TextBuilder
from spinscope.errors import ErrorCode, InputError
from spinscope.output.records import ptc_article_id, ptc_lines
from spinscope.output.terminal import render_document
from spinscope.pipeline import Outcome
from spinscope.techniques.catalogue import PTC_TECHNIQUES, technique_for_label, techniques

DATASETS = ROOT.parent / "shared" / "datasets"
PTC_NAMES = DATASETS / "ptc-emnlp2019" / "propaganda-techniques-names.txt"
MEME_LABELS = DATASETS / "semeval2021-task6-text" / "techniques_list_task1-2.txt"

# A source whose clean text is not at the same offsets: a masthead line is dropped and a line
# break inside a sentence becomes a space, as the cleaner does.
MASTHEAD = "DAILY PLANET  page 4\n"
LINE_1 = "The regime's thugs attacked the"
LINE_2 = "peaceful crowd. Take back our streets!"
SOURCE = f"{MASTHEAD}{LINE_1}\n{LINE_2}\n"


def shifted_doc(source: str = "corpus/article123.txt") -> Document:
    builder = TextBuilder(len(SOURCE))
    builder.copy(LINE_1, len(MASTHEAD))
    builder.insert(" ", len(MASTHEAD) + len(LINE_1))
    builder.copy(LINE_2, len(MASTHEAD) + len(LINE_1) + 1)
    text, offsets = builder.build()
    doc = Document(source=source, format="text", source_text=SOURCE, text=text, offsets=offsets)
    doc.techniques = [
        technique_span(doc, "regime's thugs", "Name_Calling,Labeling", 0.91),
        technique_span(doc, "thugs attacked the peaceful crowd", "Loaded_Language", 0.734),
        technique_span(doc, "Take back our streets!", "Slogans", 0.66),
    ]
    doc.sentences = [
        SentenceScore(0, text.index(".") + 1, 0.88),
        SentenceScore(text.index("Take"), len(text), 0.42),
    ]
    return doc


def technique_span(doc: Document, words: str, technique: str, score: float) -> TechniqueSpan:
    start = doc.text.index(words)
    span = doc.span(start, start + len(words))
    return TechniqueSpan(
        span.start, span.end, span.source_start, span.source_end, span.text, technique, score
    )


def rendered(doc: Document) -> str:
    console = Console(record=True, width=120)
    console.print(render_document(doc))
    return console.export_text()


def squeezed(text: str) -> str:
    """Text without whitespace and box-drawing characters, so a table cell that wrapped over
    several lines reads as one string again."""
    return re.sub(r"[\s\u2500-\u257f]", "", text)


# JSON


def test_json_record_carries_techniques_and_sentences() -> None:
    doc = shifted_doc()
    record = json.loads(doc.to_json())
    assert record["techniques"][0] == {
        "start": 4,
        "end": 18,
        "source_start": len(MASTHEAD) + 4,
        "source_end": len(MASTHEAD) + 18,
        "text": "regime's thugs",
        "technique": "Name_Calling,Labeling",
        "score": 0.91,
    }
    assert [span["technique"] for span in record["techniques"]] == [
        "Name_Calling,Labeling",
        "Loaded_Language",
        "Slogans",
    ]
    assert record["sentences"][1] == {
        "start": doc.text.index("Take"),
        "end": len(doc.text),
        "propaganda": 0.42,
    }


def test_json_record_without_techniques_has_empty_lists() -> None:
    record = make_doc("Nothing to see here.").to_dict()
    assert record["techniques"] == []
    assert record["sentences"] == []


# --format ptc


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("article123.txt", "123"),
        ("/data/ptc/train/article111111112.txt", "111111112"),
        ("my story.txt", "my story"),
        ("folder/article12.html", "article12"),
        ("article12.txt.bak", "article12.txt"),
        ("<stdin>", "<stdin>"),
    ],
)
def test_ptc_article_id(source: str, expected: str) -> None:
    assert ptc_article_id(source) == expected


def test_ptc_lines_use_source_offsets() -> None:
    doc = shifted_doc()
    lines = ptc_lines(doc)
    assert len(lines) == 3
    for line, span in zip(lines, doc.techniques, strict=True):
        article, technique, start, end = line.split("\t")
        assert (article, technique) == ("123", span.technique)
        assert (int(start), int(end)) == (span.source_start, span.source_end)
    # The clean text and the source differ, so the offsets must be the source's.
    article, technique, start, end = lines[1].split("\t")
    assert SOURCE[int(start) : int(end)] == "thugs attacked the\npeaceful crowd"
    assert int(start) != doc.techniques[1].start
    assert lines[2] == f"123\tSlogans\t{SOURCE.index('Take')}\t{SOURCE.index('!') + 1}"


def test_ptc_lines_keep_the_file_stem() -> None:
    assert ptc_lines(shifted_doc("my story.txt"))[0].startswith("my story\tName_Calling,Labeling\t")


def test_ptc_lines_empty_without_spans() -> None:
    assert ptc_lines(make_doc("Nothing to see here.")) == []


def test_analyze_format_ptc(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Spans of each article on stdout, nothing for an article without spans, errors on stderr."""
    outcomes = [
        Outcome("corpus/article123.txt", shifted_doc(), None),
        Outcome("plain.txt", make_doc("Nothing to see here."), None),
        Outcome("gone.txt", None, InputError("gone.txt", "no such file", ErrorCode.NOT_FOUND)),
    ]

    def fake_analyze_many(paths: list[str], **_: object) -> Iterator[Outcome]:
        assert paths == [outcome.source for outcome in outcomes]
        return iter(outcomes)

    monkeypatch.setattr("spinscope.pipeline.analyze_many", fake_analyze_many)
    status = main(["analyze", *(o.source for o in outcomes), "--format", "ptc", "--no-progress"])
    captured = capsys.readouterr()
    assert status == 1  # one input failed
    assert captured.out.splitlines() == ptc_lines(shifted_doc())
    assert "gone.txt: no such file [E001]" in captured.err


# --format text


def test_terminal_view_shows_techniques_scores_and_legend() -> None:
    doc = shifted_doc()
    out = rendered(doc)
    assert "Techniques" in out
    assert "Technique legend" in out
    catalogue = techniques()
    for span in doc.techniques:
        assert catalogue[span.technique].name in out
    for score in ("0.91", "0.73", "0.66"):
        assert score in out
    flat = squeezed(out)
    for technique_id in ("Name_Calling,Labeling", "Loaded_Language", "Slogans"):
        assert squeezed(catalogue[technique_id].definition) in flat
    # Only the techniques present are explained.
    assert catalogue["Whataboutism"].name not in out
    # Sentence scores are summarised in the header.
    assert "1 of 2 sentences ≥ 0.50 (highest 0.88)" in out


def test_terminal_view_colours_technique_spans() -> None:
    doc = shifted_doc()
    group = render_document(doc)
    assert isinstance(group, Group)
    panel = group.renderables[1]
    assert isinstance(panel, Panel)
    assert isinstance(panel.renderable, Text)
    styles = {str(span.style) for span in panel.renderable.spans}
    assert f"underline {techniques()['Slogans'].colour}" in styles
    assert f"underline {techniques()['Loaded_Language'].colour}" in styles


def test_terminal_view_shortens_long_spans() -> None:
    words = " ".join(["endless"] * 30)
    doc = make_doc(f"They said {words} things.")
    doc.techniques = [technique_span(doc, words, "Repetition", 0.5)]
    assert len(words) > 80
    table = rendered(doc).split("Techniques", 1)[1].split("Technique legend", 1)[0]
    assert "endless…" in table
    assert squeezed(table).count("endless") == 10  # the first 79 characters, then "…"


def test_terminal_view_shows_unknown_labels_by_id() -> None:
    doc = make_doc("A strange claim.")
    doc.techniques = [technique_span(doc, "strange", "Brand_New_Trick", 0.5)]
    assert "Brand_New_Trick" in rendered(doc)


def test_terminal_view_without_techniques_is_unchanged() -> None:
    out = rendered(make_doc("Nothing to see here."))
    assert "Techniques" not in out
    assert "Technique legend" not in out
    assert "propaganda" not in out


# The catalogue


def test_catalogue_entries_are_complete_and_unique() -> None:
    catalogue = techniques()
    assert len(catalogue) == 20
    labels: list[str] = []
    for technique_id, technique in catalogue.items():
        assert technique.id == technique_id
        for value in (technique.name, technique.definition, technique.example, technique.colour):
            assert isinstance(value, str)
            assert value.strip()
        Color.parse(technique.colour)  # raises on a colour rich does not know
        assert technique.source_labels
        labels.extend(technique.source_labels)
    assert len(labels) == len(set(labels))
    colours = [technique.colour for technique in catalogue.values()]
    assert len(colours) == len(set(colours))


def test_catalogue_holds_the_ptc_and_meme_techniques() -> None:
    catalogue = techniques()
    assert len(PTC_TECHNIQUES) == 18
    assert list(catalogue)[:18] == list(PTC_TECHNIQUES)
    assert set(catalogue) == {*PTC_TECHNIQUES, "Glittering_Generalities", "Smears"}
    for technique_id in PTC_TECHNIQUES:
        assert technique_id in catalogue[technique_id].source_labels


def test_technique_for_label_maps_either_corpus() -> None:
    assert (
        technique_for_label("Black-and-white Fallacy/Dictatorship")
        is techniques()["Black-and-White_Fallacy"]
    )
    assert (
        technique_for_label("Misrepresentation of Someone's Position (Straw Man)")
        is (techniques()["Straw_Men"])
    )
    label = technique_for_label("Thought-terminating cliché")
    assert label is not None
    assert label.id == "Thought-terminating_Cliches"
    assert technique_for_label("Glittering_Generalities") is techniques()["Glittering_Generalities"]
    assert technique_for_label("Whataboutism,Straw_Men,Red_Herring") is None
    assert technique_for_label("Nonsense") is None


@pytest.mark.skipif(not PTC_NAMES.is_file(), reason="PTC corpus not present")
def test_ptc_ids_match_the_corpus_names_file() -> None:
    names = [line.strip() for line in PTC_NAMES.read_text(encoding="utf-8").splitlines()]
    assert list(PTC_TECHNIQUES) == [name for name in names if name]


@pytest.mark.skipif(not MEME_LABELS.is_file(), reason="SemEval-2021 corpus not present")
def test_every_meme_label_maps_to_a_technique() -> None:
    lines = MEME_LABELS.read_text(encoding="utf-8").splitlines()
    labels = [line.strip() for line in lines if line.strip()]
    assert len(labels) == 20
    mapped = {label: technique_for_label(label) for label in labels}
    assert all(technique is not None for technique in mapped.values()), mapped
    # Each meme label names a different technique.
    assert len({technique.id for technique in mapped.values() if technique}) == 20
    for label in labels:
        technique = mapped[label]
        assert technique is not None
        assert label in technique.source_labels
