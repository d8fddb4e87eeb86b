"""The portrayal/genre evaluation script's matching and metrics, and its labelled data set."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT, load_benchmark, make_doc

from spinscope.document import Document, Entity, Genre, Portrayal, Span
from spinscope.roles import labels

DATA = ROOT / "tests" / "data" / "portrayal"
HELD_OUT = ROOT / "tests" / "data" / "portrayal_heldout"
"""Written blind to the annotator's lexicons, after they were tuned on DATA."""
HELD_OUT_2 = ROOT / "tests" / "data" / "portrayal_heldout2"
"""A second blind set, written after the annotator was tuned on DATA and HELD_OUT."""
HELD_OUT_3 = ROOT / "tests" / "data" / "portrayal_heldout3"
"""A third blind set, written after the annotator was tuned on the other three."""
HELD_OUT_4 = ROOT / "tests" / "data" / "portrayal_heldout4"
"""A fourth blind set, written while the annotator was tuned on the other four."""
HELD_OUT_5 = ROOT / "tests" / "data" / "portrayal_heldout5"
"""A fifth blind set, scored once by the rules before the role model was fitted."""
HELD_OUT_6 = ROOT / "tests" / "data" / "portrayal_heldout6"
"""A sixth blind set, scored once by the rules and the role model before either changed."""
HELD_OUT_7 = ROOT / "tests" / "data" / "portrayal_heldout7"
"""A seventh blind set (deadpan satires among them), scored once before anything changed."""
HELD_OUT_8 = ROOT / "tests" / "data" / "portrayal_heldout8"
"""An eighth blind set, scored once by the shipped annotator before anything changed."""
HELD_OUT_9 = ROOT / "tests" / "data" / "portrayal_heldout9"
"""A ninth blind set (a political satire among them), scored once before anything changed."""
HELD_OUT_10 = ROOT / "tests" / "data" / "portrayal_heldout10"
"""A tenth blind set, written by two writers and scored once before anything changed."""
HELD_OUT_11 = ROOT / "tests" / "data" / "portrayal_heldout11"
"""An eleventh blind set, written after the fixes from the tenth and scored once on arrival."""
HELD_OUT_12 = ROOT / "tests" / "data" / "portrayal_heldout12"
"""A twelfth blind set, written after the fixes from the eleventh and scored once on arrival
by the annotator with the confident role model's acting support (0.545; 0.533 as committed)."""
HELD_OUT_13 = ROOT / "tests" / "data" / "portrayal_heldout13"
"""A thirteenth blind set, written while the twelfth's faults were fixed and scored once after
those fixes (0.451; 44 of its 164 labelled actors were unnamed or not found, 40 now)."""
LABELLED_SETS = (
    DATA,
    HELD_OUT,
    HELD_OUT_2,
    HELD_OUT_3,
    HELD_OUT_4,
    HELD_OUT_5,
    HELD_OUT_6,
    HELD_OUT_7,
    HELD_OUT_8,
    HELD_OUT_9,
    HELD_OUT_10,
    HELD_OUT_11,
    HELD_OUT_12,
    HELD_OUT_13,
)


ev = load_benchmark("portrayal_eval")


def _entity(doc: Document, entity_id: str, name: str, *forms: str) -> Entity:
    """An entity whose mentions are the first occurrences of ``forms`` in the text."""
    mentions: list[Span] = []
    for form in forms or (name,):
        start = doc.text.index(form)
        mentions.append(doc.span(start, start + len(form)))
    return Entity(id=entity_id, name=name, type="GPE", mentions=mentions)


@pytest.fixture
def caucasus_doc() -> Document:
    doc = make_doc(
        "Aliyev praised the talks. The Yerevan leadership stalled, and Armenian forces "
        "laid mines. The Kremlin's envoy said little."
    )
    doc.entities = [
        _entity(doc, "E1", "Ilham Aliyev", "Aliyev"),
        _entity(doc, "E2", "Yerevan"),
        _entity(doc, "E3", "Armenian"),
        _entity(doc, "E4", "Kremlin", "Kremlin's"),
    ]
    doc.portrayal = [
        Portrayal("E1", "Ilham Aliyev", "protagonist", 0.8),
        Portrayal("E2", "Yerevan", "antagonist", -0.4),
        Portrayal("E3", "Armenian", "antagonist", -0.7),
        Portrayal("E4", "Kremlin", "neutral", 0.0),
    ]
    return doc


# --- matching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ilham  Aliyev", "ilham aliyev"),
        ("The Kremlin's", "kremlin"),
        ("Goïta\n\n", "goïta"),
        ("Brussels’", "brussels"),
        ("UN", "un"),
    ],
)
def test_normalise_name(text: str, key: str) -> None:
    assert labels.normalise_name(text) == key


def test_matches_record_name_case_insensitively(caucasus_doc: Document) -> None:
    label = labels.RoleLabel("ILHAM ALIYEV", (), "protagonist")
    prediction = ev.predict_role(caucasus_doc, label)
    assert prediction.found
    assert (prediction.role, prediction.tone, prediction.record) == (
        "protagonist",
        0.8,
        "Ilham Aliyev",
    )


def test_matches_mention_text_of_the_records_entity(caucasus_doc: Document) -> None:
    # The record is named "Ilham Aliyev", but its entity's mention "Aliyev" matches the alias.
    label = labels.RoleLabel("President of Azerbaijan", ("aliyev",), "protagonist")
    assert ev.predict_role(caucasus_doc, label).record == "Ilham Aliyev"


def test_matches_mention_text_of_an_entity_folded_into_the_record() -> None:
    doc = make_doc("The Indian Army shelled the school. India denied it.")
    doc.entities = [
        _entity(doc, "E1", "India", "India"),
        _entity(doc, "E2", "Indian Army", "Indian Army"),
    ]
    label = labels.RoleLabel("Indian Army", (), "antagonist")
    doc.portrayal = [Portrayal("E1", "India", "antagonist", -0.6)]
    assert not ev.predict_role(doc, label).found  # a record standing for India alone
    doc.portrayal = [Portrayal("E1", "India", "antagonist", -0.6, members=["E1", "E2"])]
    prediction = ev.predict_role(doc, label)
    assert prediction.found and (prediction.record, prediction.role) == ("India", "antagonist")


def test_a_group_label_matches_the_state_it_belongs_to_only_without_a_record_of_its_own() -> None:
    doc = make_doc("Russian forces struck the town. The Russian army denied it.")
    doc.entities = [_entity(doc, "E1", "Russian", "Russian")]
    doc.portrayal = [Portrayal("E1", "Russia", "antagonist", -0.6)]
    label = labels.RoleLabel("Russian forces", ("the Russian army",), "antagonist")
    assert ev.predict_role(doc, label).record == "Russia"
    side = labels.RoleLabel("the Russian side", ("Russian law enforcement forces",), "antagonist")
    assert ev.predict_role(doc, side).record == "Russia"
    # "Afghan refugees" are not Afghanistan
    assert not ev.predict_role(doc, labels.RoleLabel("Russian refugees", (), "innocent")).found
    # a record of the group's own is the one that counts
    doc.entities.append(_entity(doc, "E2", "Russian army", "Russian army"))
    doc.portrayal.append(Portrayal("E2", "Russian army", "neutral", 0.0))
    assert ev.predict_role(doc, label).record == "Russian army"


def test_possessive_mention_matches() -> None:
    doc = make_doc("The Kremlin's envoy left Moscow.")
    doc.entities = [_entity(doc, "E1", "Moscow", "Kremlin's", "Moscow")]
    doc.portrayal = [Portrayal("E1", "Moscow", "antagonist", -0.5)]
    label = labels.RoleLabel("Russia", ("Kremlin",), "antagonist")
    prediction = ev.predict_role(doc, label)
    assert prediction.found and prediction.record == "Moscow"


def test_strongest_of_several_matching_records_decides(caucasus_doc: Document) -> None:
    label = labels.RoleLabel("Armenia", ("Armenian", "Yerevan"), "antagonist")
    assert [r.name for r in labels.matching_records(caucasus_doc, label)] == ["Yerevan", "Armenian"]
    prediction = ev.predict_role(caucasus_doc, label)
    assert (prediction.role, prediction.tone, prediction.record) == ("antagonist", -0.7, "Armenian")


def test_non_neutral_record_beats_a_neutral_one() -> None:
    doc = make_doc("Moscow and the Kremlin.")
    doc.entities = [_entity(doc, "E1", "Moscow"), _entity(doc, "E2", "Kremlin")]
    doc.portrayal = [
        Portrayal("E1", "Moscow", "neutral", -0.3),
        Portrayal("E2", "Kremlin", "antagonist", -0.2),
    ]
    label = labels.RoleLabel("Russia", ("Moscow", "Kremlin"), "antagonist")
    assert ev.predict_role(doc, label).role == "antagonist"


def test_unfound_entity_counts_as_neutral(caucasus_doc: Document) -> None:
    label = labels.RoleLabel("France", ("Paris", "French"), "antagonist")
    prediction = ev.predict_role(caucasus_doc, label)
    assert not prediction.found
    assert (prediction.role, prediction.tone) == ("neutral", None)


def test_record_without_entity_matches_by_name_only() -> None:
    doc = make_doc("Nothing here names them.")
    doc.portrayal = [Portrayal("E9", "ECOWAS", "antagonist", -0.5)]
    assert ev.predict_role(doc, labels.RoleLabel("ecowas", (), "antagonist")).found
    assert not ev.predict_role(doc, labels.RoleLabel("ECOWA", (), "antagonist")).found


# --- metrics -------------------------------------------------------------------------------


def test_score_roles_counts_recall_precision_confusion_and_macro_f1() -> None:
    pairs = [
        ("protagonist", "protagonist"),
        ("protagonist", "neutral"),
        ("antagonist", "antagonist"),
        ("innocent", "neutral"),
        ("neutral", "neutral"),
        ("neutral", "antagonist"),
    ]
    scores = ev.score_roles(pairs)
    assert (scores.total, scores.correct) == (6, 3)
    assert scores.accuracy == pytest.approx(0.5)
    assert scores.confusion[("protagonist", "neutral")] == 1
    assert scores.confusion[("innocent", "innocent")] == 0
    assert scores.recall == {
        "protagonist": 0.5,
        "antagonist": 1.0,
        "innocent": 0.0,
        "neutral": 0.5,
    }
    assert scores.precision["innocent"] is None
    assert scores.precision["neutral"] == pytest.approx(1 / 3)
    # F1: protagonist 2/3, antagonist 2/3, innocent 0, neutral 0.4
    assert scores.f1["neutral"] == pytest.approx(0.4)
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0 + 0.4) / 4)


def test_macro_f1_averages_over_roles_that_occur() -> None:
    scores = ev.score_roles([("neutral", "neutral"), ("antagonist", "antagonist")])
    assert list(scores.f1) == ["antagonist", "neutral"]
    assert scores.macro_f1 == pytest.approx(1.0)
    assert "protagonist" not in scores.recall


def test_unknown_predicted_role_is_scored_not_dropped() -> None:
    scores = ev.score_roles([("neutral", "villain"), ("neutral", "neutral")])
    assert scores.confusion[("neutral", "villain")] == 1
    assert scores.f1["villain"] == 0.0
    assert scores.recall["villain"] is None


def test_score_roles_of_nothing() -> None:
    scores = ev.score_roles([])
    assert (scores.total, scores.accuracy, scores.macro_f1) == (0, 0.0, 0.0)


def test_genre_accuracy() -> None:
    assert ev.genre_accuracy([("opinion", "opinion"), ("satire", "reporting")]) == 0.5
    assert ev.genre_accuracy([]) == 0.0


def test_evaluate_document_and_report(caucasus_doc: Document) -> None:
    caucasus_doc.genre = Genre("opinion", 0.75)
    label = labels.ArticleLabel(
        "a.txt",
        "reporting",
        (
            labels.RoleLabel("Ilham Aliyev", ("Aliyev",), "protagonist"),
            labels.RoleLabel("Armenia", ("Armenian", "Yerevan"), "antagonist"),
            labels.RoleLabel("France", (), "antagonist"),
        ),
    )
    result = ev.evaluate_document(caucasus_doc, label)
    assert (result.genre, result.genre_score) == ("opinion", 0.75)
    assert [p.role for p in result.predictions] == ["protagonist", "antagonist", "neutral"]

    bare = make_doc("No annotations at all.")
    other = ev.evaluate_document(bare, labels.ArticleLabel("b.txt", "satire", ()))
    assert other.genre == ev.NO_GENRE

    report = ev.format_report([result, other])
    assert "not found in doc.portrayal: 1 of 3" in report
    assert "role accuracy: 0.667 (2/3)" in report
    assert "genre accuracy: 0.000 (0/2)" in report
    assert "macro-F1 over roles:" in report
    assert re.search(r"France\s+gold antagonist\s+predicted neutral .*\(not found\)", report)
    # the report names both a hero and a villain; Aliyev and Armenia are cast as labelled
    assert "hero and villain both cast: 1 of 1" in report
    assert "articles whose labels name no villain: 1, casting one anyway: 0" in report


def test_praise_and_blame_and_false_villains(caucasus_doc: Document) -> None:
    def article(file: str, genre: str, *roles: tuple[str, tuple[str, ...], str]) -> Any:
        label = labels.ArticleLabel(file, genre, tuple(labels.RoleLabel(*r) for r in roles))
        return ev.evaluate_document(caucasus_doc, label)

    hero = ("Ilham Aliyev", ("Aliyev",), "protagonist")
    villain = ("Armenia", ("Armenian",), "antagonist")
    results = [
        article("both.txt", "reporting", hero, villain),
        # Kremlin is labelled a villain but portrayed neutral: the villain is missed
        article("missed.txt", "reporting", hero, ("Russia", ("Kremlin",), "antagonist")),
        article("opinion.txt", "opinion", hero, villain),  # not a report
        # no villain in the labels, yet Armenia is cast as one
        article("neutral.txt", "reporting", ("Armenia", ("Armenian",), "neutral")),
    ]
    assert ev.praise_and_blame(results) == (["both.txt"], ["missed.txt"])
    assert ev.false_villains(results) == [("neutral.txt", ["Armenia"])]


# --- labels file ---------------------------------------------------------------------------


def test_load_labels_rejects_unknown_role(tmp_path: Path) -> None:
    bad = {
        "articles": [
            {"file": "x.txt", "genre": "reporting", "roles": [{"entity": "X", "role": "hero"}]}
        ]
    }
    (tmp_path / "labels.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(labels.LabelError, match=r"labels\.json: article 1 \(x\.txt\): role"):
        labels.load_labels(tmp_path)


def test_load_labels_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(labels.LabelError, match="no such file"):
        labels.load_labels(tmp_path)


# --- the labelled set itself ---------------------------------------------------------------


@pytest.fixture(
    scope="module",
    params=LABELLED_SETS,
    ids=[
        "dev",
        "held_out",
        "held_out_2",
        "held_out_3",
        "held_out_4",
        "held_out_5",
        "held_out_6",
        "held_out_7",
        "held_out_8",
        "held_out_9",
        "held_out_10",
        "held_out_11",
        "held_out_12",
        "held_out_13",
    ],
)
def labelled_set(request: pytest.FixtureRequest) -> tuple[Path, list[labels.ArticleLabel]]:
    return request.param, list(labels.load_labels(request.param))


def test_labelled_set_is_large_and_covers_every_role(
    labelled_set: tuple[Path, list[labels.ArticleLabel]],
) -> None:
    _, articles = labelled_set
    counts = Counter(role.role for article in articles for role in article.roles)
    assert len(articles) >= 10
    assert sum(counts.values()) >= 40
    assert min(counts[r] for r in ("protagonist", "antagonist", "innocent")) >= 6
    assert counts["neutral"] >= 10
    assert {article.genre for article in articles} == set(labels.GENRES)


def test_every_article_is_labelled_once_and_exists(
    labelled_set: tuple[Path, list[labels.ArticleLabel]],
) -> None:
    directory, articles = labelled_set
    files = [article.file for article in articles]
    assert len(files) == len(set(files))
    assert sorted(files) == sorted(p.name for p in directory.glob("*.txt"))


@pytest.mark.parametrize(
    "path",
    sorted(p for d in LABELLED_SETS for p in d.glob("*.txt")),
    ids=lambda p: p.name,
)
def test_article_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # a body of at most 650 words, with its title, byline and author line
    assert 200 <= len(text.split()) <= 700
    (article,) = [a for a in labels.load_labels(path.parent) if a.file == path.name]
    entities = [role.entity for role in article.roles]
    assert len(entities) == len(set(entities)), "an entity labelled twice"
    for role in article.roles:
        assert role.role in labels.ROLES
        assert any(form in text for form in role.names), (
            f"{path.name}: neither {role.entity!r} nor an alias occurs in the text"
        )


# --- end to end ----------------------------------------------------------------------------


@pytest.mark.slow
def test_main_runs_and_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "neutral_caucasus_talks.txt"
    (tmp_path / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    all_labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    one = [a for a in all_labels["articles"] if a["file"] == name]
    (tmp_path / "labels.json").write_text(json.dumps({"articles": one}), encoding="utf-8")
    assert ev.main([str(tmp_path), "--pipeline", "language,metadata,entities"]) == 0
    out = capsys.readouterr().out
    assert f"== {name}" in out
    assert "role accuracy:" in out and "genre accuracy:" in out
