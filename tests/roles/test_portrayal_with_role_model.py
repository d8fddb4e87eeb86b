"""The portrayal annotator with a role model: roles it decides, evidence it cites."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.annotators.portrayal import PortrayalAnalyzer
from spinscope.document import Document, Portrayal
from spinscope.pipeline import Analyzer
from spinscope.roles.features import FEATURES, ROLES
from spinscope.roles.model import RoleModel

TEXT = (
    "Dorvia mourns villagers\n\n"
    "KRALJEVO, May 2 (Agency) -- Shells killed four villagers in Dorvia on Monday, and "
    "their homes burned through the night while Sylvania stayed silent.\n\n"
    "President Marko Vell praised the rescue workers of Dorvia for their courage and "
    "thanked the Red Cross for its generous help."
)


def _leaning(role: str, then: str | None = None) -> RoleModel:
    """A model that, whatever it sees, thinks ``role`` most likely (and ``then`` next)."""
    weights = np.zeros((len(FEATURES) + 1, len(ROLES)))
    weights[-1, ROLES.index(role)] = 5.0
    if then is not None:
        weights[-1, ROLES.index(then)] = 2.0
    return RoleModel(FEATURES, ROLES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights)


def _analyze(model: RoleModel | None, with_genre: bool = True) -> Document:
    names = ("language", "metadata", "entities", "quotes", *(("genre",) if with_genre else ()))
    analyzer = Analyzer(pipeline=(*names, "portrayal"))
    analyzer.annotators[-1] = PortrayalAnalyzer(role_model=model)
    return analyzer.analyze_text(TEXT)


def _record(doc: Document, name: str) -> Portrayal:
    (record,) = [p for p in doc.portrayal if p.name == name]
    return record


@pytest.fixture(scope="module")
def rules_only() -> Document:
    return _analyze(None)


def test_without_a_model_the_rules_decide(rules_only: Document) -> None:
    assert all(record.role_scores == {} for record in rules_only.portrayal)
    assert _record(rules_only, "Dorvia").role == "innocent"


def test_a_model_role_without_rule_evidence_cites_the_sentence_that_supports_it(
    rules_only: Document,
) -> None:
    assert _record(rules_only, "Sylvania").role == "neutral"
    doc = _analyze(_leaning("antagonist"))
    sylvania = _record(doc, "Sylvania")
    assert sylvania.role == "antagonist"
    assert sylvania.role_scores["antagonist"] > 0.9
    (context,) = [piece for piece in sylvania.evidence if piece.kind == "context"]
    assert context.weight < 0
    assert "Sylvania stayed silent" in context.text and "killed" in context.text
    assert context.text == doc.text[context.start : context.end]
    assert doc.offsets.to_source(context.start, context.end) == (
        context.source_start,
        context.source_end,
    )


def test_the_model_cannot_make_a_villain_of_one_the_evidence_praises(
    rules_only: Document,
) -> None:
    praised = [r.name for r in rules_only.portrayal if r.tone > 0]
    assert praised, "the text praises someone"
    doc = _analyze(_leaning("antagonist"))
    for name in praised:
        assert _record(doc, name).role != "antagonist"


def test_a_role_with_nothing_to_cite_leaves_the_actor_neutral(
    rules_only: Document,
) -> None:
    # Nothing in the text praises Sylvania: a hero's role would have no evidence to cite,
    # and the model's second choice does not stand in for its first.
    for then in ("neutral", "antagonist"):
        doc = _analyze(_leaning("protagonist", then=then))
        assert _record(doc, "Sylvania").role == "neutral"
    doc = _analyze(_leaning("antagonist", then="protagonist"))
    assert _record(doc, "Sylvania").role == "antagonist"


def test_context_evidence_needs_the_actor_to_act_in_it() -> None:
    # The court is named in a grim sentence, but as where a dispute was taken, not as the
    # one who acted: a villain's role would have nothing to cite.
    text = (
        "Border village shelled\n\n"
        "KRALJEVO, May 2 (Agency) -- Sylvanian guns shelled Dorvia on Monday, killing four "
        "villagers, and the government took the dispute before the International Court of "
        "Justice.\n\n"
        "Sylvania's army destroyed the bridge and burned the school in a brutal attack."
    )
    analyzer = Analyzer(
        pipeline=("language", "metadata", "entities", "quotes", "genre", "portrayal")
    )
    analyzer.annotators[-1] = PortrayalAnalyzer(role_model=_leaning("antagonist"))
    doc = analyzer.analyze_text(text)
    (court,) = [p for p in doc.portrayal if "Court of Justice" in p.name]
    assert court.role == "neutral"
    assert not [piece for piece in court.evidence if piece.kind == "context"]


def test_without_the_genre_annotator_the_rules_decide(rules_only: Document) -> None:
    doc = _analyze(_leaning("antagonist"), with_genre=False)
    assert [r.role for r in doc.portrayal] == [r.role for r in rules_only.portrayal]
    assert all(record.role_scores == {} for record in doc.portrayal)


class _GenreSetter:
    """Sets the genre the role model reads, so one text can be read as either genre."""

    name = "genre"

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, doc: Document) -> Document:
        from spinscope.document import Genre

        doc.genre = Genre(self.label, 1.0)
        return doc


def test_in_satire_the_official_who_imposes_the_rule_can_be_the_villain() -> None:
    text = (
        "Ministry introduces quiet hours for birds\n\n"
        "The Ministry of Calm Affairs on Monday announced a new surcharge on whistling in "
        "public in Dorvia, with a quota of birdsong from Tuesday.\n\n"
        "Residents said they would comply."
    )
    records = {}
    for label in ("satire", "reporting"):
        analyzer = Analyzer(
            pipeline=("language", "metadata", "entities", "quotes", "genre", "portrayal")
        )
        analyzer.annotators[-2] = _GenreSetter(label)
        analyzer.annotators[-1] = PortrayalAnalyzer(role_model=_leaning("antagonist"))
        doc = analyzer.analyze_text(text)
        (ministry,) = [p for p in doc.portrayal if "Calm Affairs" in p.name]
        records[label] = ministry
    # the calm sentence names no harm and is not negative: only satire reads the fine as
    # the villain's deed
    assert records["reporting"].role == "neutral"
    satire = records["satire"]
    assert satire.role == "antagonist"
    (context,) = [piece for piece in satire.evidence if piece.kind == "context"]
    assert "announced a new surcharge" in context.text
