"""Portrayal, genre and frames in the terminal view (``--format text``)."""

from __future__ import annotations

import pytest
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text
from tests.conftest import make_doc

from spinscope.annotators.framing import frame_catalogue
from spinscope.document import Document, Evidence, Frame, Genre, Portrayal
from spinscope.output.terminal import SHOWN_FRAME_SCORE, render_document

TEXT = (
    "The brave mayor Anna Berg rebuilt the bridge. Critics blamed the corrupt Zeta Corp.\n\n"
    '"Zeta Corp cheated the town," said Tom Field. Villagers lost their homes.\n\n'
    "Officials at the ministry met on Monday to discuss the budget."
)


def evidence(
    doc: Document, words: str, kind: str, weight: float, speaker: str | None = None
) -> Evidence:
    start = doc.text.index(words)
    found = doc.evidence(start, start + len(words), kind, weight)
    found.speaker = speaker
    return found


def portrayed_doc() -> Document:
    doc = make_doc(TEXT)
    doc.portrayal = [
        Portrayal("E3", "Ministry", "neutral", 0.0),
        Portrayal(
            "E1",
            "Anna Berg",
            "protagonist",
            0.6644,
            [
                evidence(doc, "brave mayor", "praise", 0.45),
                evidence(doc, "rebuilt the bridge", "praise", 0.3),
            ],
        ),
        Portrayal(
            "E2",
            "Zeta Corp",
            "antagonist",
            -0.7281,
            [
                evidence(doc, "corrupt", "blame", -0.6),
                evidence(doc, "cheated the town", "blame", -0.72, speaker="Tom Field"),
            ],
        ),
        Portrayal("E4", "Villagers", "innocent", -0.2, [evidence(doc, "lost", "harm", -0.5)]),
        Portrayal("E5", "Tom Field", "neutral", 0.01),
    ]
    doc.genre = Genre(
        "opinion",
        0.8712,
        {
            "words": 40.0,
            "first_person_singular": 2.1,
            "quoted_share": 0.12,
            "evaluative": 5.0,
            "author_title": 1.0,
            "attribution": 2.5,
            "dateline": 0.0,
            "score_reporting": 0.4,
            "score_opinion": 2.3,
            "score_satire": -3.6,
        },
    )
    doc.frames = [
        Frame("economic", 0.55, [evidence(doc, "budget", "term", 0.3)]),
        Frame(
            "crime_and_punishment",
            0.31,
            [
                evidence(doc, "corrupt", "term", 0.1),
                evidence(doc, "cheated", "term", 0.1),
                evidence(doc, "corrupt", "term", 0.1),
            ],
        ),
        Frame("political", SHOWN_FRAME_SCORE - 0.05, [evidence(doc, "Officials", "term", 0.1)]),
    ]
    return doc


def rendered(doc: Document) -> str:
    console = Console(record=True, width=120)
    console.print(render_document(doc))
    return console.export_text()


def section(out: str, title: str, end: str | None = None) -> str:
    after = out.split(title, 1)[1]
    return after.split(end, 1)[0] if end else after


def test_terminal_view_shows_portrayal_genre_and_frames() -> None:
    out = rendered(portrayed_doc())
    portrayal = section(out, "Portrayal", "Frames")
    for role in ("protagonist", "antagonist", "innocent"):
        assert role in portrayal
    for name in ("Anna Berg", "Zeta Corp", "Villagers"):
        assert name in portrayal
    for tone in ("+0.66", "-0.73", "-0.20"):
        assert tone in portrayal
    assert "“brave mayor” (praise)" in portrayal
    assert "“cheated the town” (blame) — Tom Field" in portrayal
    assert "“lost” (harm)" in portrayal
    # Non-neutral rows by role: protagonist, antagonist, innocent.
    assert (
        portrayal.index("Anna Berg") < portrayal.index("Zeta Corp") < portrayal.index("Villagers")
    )

    header = out.split("Portrayal", 1)[0]
    assert "genre" in header
    assert "opinion (0.87)" in header
    assert "first person (I) 2.1/100 words" in header
    assert "outside author's title" in header
    assert "score_opinion" not in out

    frames = section(out, "Frames")
    catalogue = frame_catalogue()
    assert catalogue["economic"].name in frames
    assert catalogue["crime_and_punishment"].name in frames
    assert "0.55" in frames
    assert "0.31" in frames
    assert "corrupt, cheated" in frames  # distinct terms, in order
    assert frames.count("corrupt") == 1
    assert catalogue["political"].name not in frames  # below SHOWN_FRAME_SCORE
    # Highest score first.
    assert frames.index(catalogue["economic"].name) < frames.index(
        catalogue["crime_and_punishment"].name
    )


def test_neutral_entities_get_no_row() -> None:
    out = rendered(portrayed_doc())
    portrayal = section(out, "Portrayal", "Frames")
    assert "neutral" not in portrayal.split("neutral:", 1)[0]
    neutral_line = next(line for line in portrayal.splitlines() if "neutral:" in line)
    assert "Ministry" in neutral_line
    assert "Tom Field" in neutral_line
    assert portrayal.count("Ministry") == 1
    group = render_document(portrayed_doc())
    assert isinstance(group, Group)
    table = next(
        part
        for part in group.renderables
        if isinstance(part, Table) and str(part.title) == "Portrayal"
    )
    assert table.row_count == 3


def test_role_colours() -> None:
    group = render_document(portrayed_doc())
    assert isinstance(group, Group)
    table = next(
        part
        for part in group.renderables
        if isinstance(part, Table) and str(part.title) == "Portrayal"
    )
    roles = list(table.columns[0].cells)
    assert all(isinstance(cell, Text) for cell in roles)
    styles = {str(cell.plain): str(cell.style) for cell in roles if isinstance(cell, Text)}
    assert "green" in styles["protagonist"]
    assert "red" in styles["antagonist"]
    assert "yellow" in styles["innocent"]


def test_evidence_is_the_strongest_three_shortened() -> None:
    long_words = " ".join(["dreadful"] * 12)
    doc = make_doc(f"Zeta Corp did weak wrong bad harm {long_words} things.")
    doc.portrayal = [
        Portrayal(
            "E1",
            "Zeta Corp",
            "antagonist",
            -0.8,
            [
                evidence(doc, "weak", "blame", -0.1),
                evidence(doc, "wrong", "blame", -0.3),
                evidence(doc, "bad", "blame", -0.4),
                evidence(doc, "harm", "harm", 0.5),
                evidence(doc, long_words, "blame", -0.9),
            ],
        )
    ]
    portrayal = section(rendered(doc), "Portrayal")
    assert "“weak”" not in portrayal
    assert "“wrong”" not in portrayal
    assert "“bad”" in portrayal
    assert "“harm” (harm)" in portrayal
    assert len(long_words) > 60
    shortened = long_words[:59] + "…"  # the first 59 characters, then "…"
    assert f"“{shortened}”" in portrayal


def test_document_without_the_new_fields_has_no_sections() -> None:
    out = rendered(make_doc("Nothing to see here."))
    assert "Portrayal" not in out
    assert "Frames" not in out
    assert "genre" not in out
    assert "neutral:" not in out


def test_only_neutral_entities_and_weak_frames_render_as_lines() -> None:
    doc = make_doc("Officials met on Monday.")
    doc.portrayal = [Portrayal("E1", "Officials", "neutral", 0.0)]
    doc.frames = [Frame("political", 0.05, [evidence(doc, "Officials", "term", 0.1)])]
    out = rendered(doc)
    assert "neutral: Officials" in out
    assert "protagonist" not in out
    assert f"none scores ≥ {SHOWN_FRAME_SCORE:.2f}" in out
    assert "Political 0.05" in out


@pytest.mark.parametrize(
    ("text", "features", "ordered"),
    [
        # The marker and cues are satire's own; the news-format features it shares with
        # reporting come after them.
        (
            "Area man fines cat.",
            {
                "dateline": 1.0,
                "quoted_share": 0.3,
                "satire_marker": 1.0,
                "satire_cues": 2.0,
                "score_reporting": 3.0,
                "score_satire": 10.0,
            },
            ["labelled satire", "satire cues 2.00", "dateline"],
        ),
        # Satire carries a column's form, so its first person is listed, after the wording
        # that sets it apart from opinion.
        (
            "I have had enough of the horizon.",
            {
                "first_person_singular": 4.0,
                "satire_wording": 3.0,
                "score_opinion": 3.1,
                "score_satire": 8.6,
            },
            ["satire wording", "first person"],
        ),
    ],
    ids=["news form", "column form"],
)
def test_genre_features_by_what_set_the_label_apart(
    text: str, features: dict[str, float], ordered: list[str]
) -> None:
    doc = make_doc(text)
    doc.genre = Genre("satire", 0.7, features)
    header = rendered(doc).split("satire (0.70) — ", 1)[1]
    positions = [header.index(fragment) for fragment in ordered]
    assert positions == sorted(positions)


def test_deadpan_and_editorial_features_read_as_words() -> None:
    doc = make_doc("Registry books appointments for appointments.")
    doc.genre = Genre(
        "satire",
        0.9,
        {"satire_wording": 3.5, "absurd_acts": 2.0, "score_reporting": 5.0, "score_satire": 9.0},
    )
    header = rendered(doc).split("satire (0.90) — ", 1)[1]
    assert "satire wording (log-odds) 3.50" in header
    assert "absurd official acts 2" in header
    doc.genre = Genre(
        "opinion", 0.8, {"editorial_voice": 1.0, "score_reporting": 1.0, "score_opinion": 2.5}
    )
    assert "the paper's own verdicts 1" in rendered(doc)


@pytest.mark.parametrize(
    ("features", "shown"),
    [
        ({"deadpan_rate": 0.5, "words": 10.0}, "parody (0.60) — deadpan_rate 0.50"),
        ({}, "parody (0.60)"),
    ],
)
def test_genre_label_without_weights_shows_measurements(
    features: dict[str, float], shown: str
) -> None:
    doc = make_doc("Anything.")
    doc.genre = Genre("parody", 0.6, features)
    out = rendered(doc)
    assert shown in out
    assert "words" not in out.split("parody", 1)[1].split("\n", 1)[0]


@pytest.mark.slow
def test_wire_story_renders_the_new_sections(wire_story: Document) -> None:
    out = rendered(wire_story)
    assert "genre" in out
    if wire_story.portrayal:
        assert "Portrayal" in out or "neutral:" in out
    if any(frame.score >= SHOWN_FRAME_SCORE for frame in wire_story.frames):
        assert "Frames" in out
