"""The role model: fitting, its guard against contradicting the evidence, and its file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from spinscope.roles.features import FEATURES, ROLES
from spinscope.roles.model import (
    BUNDLED_ROLE_MODEL,
    CONFIDENT,
    RoleModel,
    decide,
    fit_role_model,
)


def _separable(n: int = 40) -> tuple[np.ndarray, list[str]]:
    """Each role has its own feature set high; the rest is noise."""
    rng = np.random.default_rng(3)
    x = rng.normal(0, 0.3, size=(n * len(ROLES), len(FEATURES)))
    roles: list[str] = []
    for i, role in enumerate(ROLES):
        x[i * n : (i + 1) * n, i] += 2.0
        roles += [role] * n
    return x, roles


def test_fit_learns_roles_it_can_separate() -> None:
    x, roles = _separable()
    model = fit_role_model(x, roles, l2=1.0)
    predicted = [model.roles[int(i)] for i in model.probabilities(x).argmax(axis=1)]
    assert np.mean([p == r for p, r in zip(predicted, roles, strict=True)]) > 0.95
    assert np.allclose(model.probabilities(x).sum(axis=1), 1.0)


def test_a_stronger_penalty_gives_flatter_probabilities() -> None:
    x, roles = _separable()
    sharp = fit_role_model(x, roles, l2=0.1).probabilities(x).max(axis=1).mean()
    flat = fit_role_model(x, roles, l2=300.0).probabilities(x).max(axis=1).mean()
    assert flat < sharp


def test_example_weights_count() -> None:
    x, roles = _separable()
    # the same examples, once with the neutral ones weighed down to almost nothing
    weights = np.asarray([0.01 if r == "neutral" else 1.0 for r in roles])
    heavy = fit_role_model(x, roles, l2=10.0).probabilities(x)[:, ROLES.index("neutral")]
    light = fit_role_model(x, roles, l2=10.0, weights=weights).probabilities(x)
    assert light[:, ROLES.index("neutral")].mean() < heavy.mean()


def test_model_file_round_trip(tmp_path: Path) -> None:
    x, roles = _separable()
    model = fit_role_model(x, roles)
    model.save(tmp_path / "m.json")
    again = RoleModel.load(tmp_path / "m.json")
    assert np.allclose(again.probabilities(x), model.probabilities(x), atol=1e-4)


def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path) -> None:
    config = fit_role_model(*_separable()).to_config()
    config["features"] = [*FEATURES[:-1], "something_else"]
    (tmp_path / "m.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ValueError, match="spinscope train roles"):
        RoleModel.load(tmp_path / "m.json")


def test_the_bundled_model_loads_and_matches_the_features() -> None:
    model = RoleModel.load(BUNDLED_ROLE_MODEL)
    assert model.features == FEATURES and model.roles == ROLES
    assert model.weights.shape == (len(FEATURES) + 1, len(ROLES))


@pytest.mark.parametrize(
    ("tone", "expected"),
    [(0.4, "neutral"), (-0.4, "antagonist"), (0.0, "antagonist")],
)
def test_the_model_does_not_contradict_the_evidence(tone: float, expected: str) -> None:
    # the model prefers "antagonist"; praise on balance rules it out, blame does not
    probabilities = {"protagonist": 0.1, "antagonist": 0.5, "innocent": 0.1, "neutral": 0.3}
    assert decide(probabilities, tone) == expected


def test_blame_on_balance_rules_out_the_hero() -> None:
    probabilities = {"protagonist": 0.6, "antagonist": 0.1, "innocent": 0.1, "neutral": 0.2}
    assert decide(probabilities, -0.2) == "neutral"
    assert decide(probabilities, 0.2) == "protagonist"


def test_a_ruled_out_first_choice_leaves_the_actor_neutral() -> None:
    # the second choice (protagonist) beats neutral, but the model found it unlikely
    probabilities = {"protagonist": 0.25, "antagonist": 0.6, "innocent": 0.05, "neutral": 0.1}
    assert decide(probabilities, 0.3) == "neutral"
    assert decide(probabilities, 0.0, supported={"neutral", "protagonist"}) == "neutral"
    assert decide(probabilities, 0.0, supported={"neutral", "antagonist"}) == "antagonist"


@pytest.mark.parametrize(
    ("label", "score", "expected"),
    [
        ("satire", 0.96, "satire"),
        ("satire", 0.54, "reporting"),  # a quirky report read as satire by a hair
        ("satire", 0.77, "reporting"),  # ... or by the wording model alone
        ("reporting", 0.51, "reporting"),
        ("opinion", 0.6, "opinion"),
    ],
)
def test_portrayal_reads_an_unsure_satire_as_the_likelier_straight_genre(
    label: str, score: float, expected: str
) -> None:
    from tests.conftest import make_doc

    from spinscope.document import Genre
    from spinscope.roles.features import portrayal_genre

    doc = make_doc("A time capsule buried in 1975 was found to be empty.")
    scores = {"score_reporting": 5.29, "score_opinion": -1.73, "score_satire": 5.46}
    doc.genre = Genre(label, score, scores)
    assert portrayal_genre(doc) == expected
    doc.genre = None
    assert portrayal_genre(doc) == ""


@pytest.mark.parametrize(
    ("opening", "home"),
    [
        ("TIRASPOL, Nov 21 (TASS) - A boiler house stood idle.", "Russia"),
        ("FUZHOU, Nov 21 (Xinhua) - Two fishermen drowned.", "China"),
        ("KIGALI, Nov 12 (RBA) - Shells fell on a market.", "Rwanda"),
        ("CAIRO, Nov 20 - A village flooded.", "Egypt"),
    ],
)
def test_a_wire_speaks_for_its_state_agency_else_its_datelines_country(
    opening: str, home: str
) -> None:
    from spinscope.pipeline import Analyzer
    from spinscope.roles.features import home_country

    doc = Analyzer(pipeline=("language", "metadata")).analyze_text(f"A headline\n\n{opening}\n")
    country = home_country(doc)
    assert country is not None and country.name == home


@pytest.mark.parametrize(
    ("sentence", "lacks"),
    [
        ("Sudan had no warning and no margin.", True),
        ("The village has nothing left.", True),
        ("Sudan had a warning.", False),
        ("Sudan sent no warning.", False),
    ],
)
def test_having_nothing_of_something_is_no_deed(sentence: str, lacks: bool) -> None:
    from spinscope import nlp
    from spinscope.roles.features import _lacks

    doc = nlp.english()(sentence)
    verb = next(token for token in doc if token.dep_ == "ROOT")
    assert _lacks(verb) is lacks


@pytest.mark.parametrize(
    ("villain", "acting", "expected"),
    [
        (CONFIDENT, {"antagonist"}, "antagonist"),  # confident, and a sentence where it acts
        (CONFIDENT - 0.01, {"antagonist"}, "neutral"),  # not confident enough
        (0.9, set(), "neutral"),  # confident, but nowhere acting
    ],
)
def test_a_confident_verdict_may_rest_on_a_sentence_in_which_the_actor_acts(
    villain: float, acting: set[str], expected: str
) -> None:
    rest = (1.0 - villain) / 3
    probabilities = {"protagonist": rest, "antagonist": villain, "innocent": rest, "neutral": rest}
    assert decide(probabilities, 0.0, {"neutral"}, acting) == expected
    # the evidence still rules a villain out when it praises the actor on balance
    assert decide(probabilities, 0.3, {"neutral"}, {"antagonist"}) == "neutral"


def test_a_name_in_apposition_to_the_subject_counts_as_the_subject(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from spinscope.annotators import portrayal
    from spinscope.pipeline import Analyzer

    seen: dict[str, float] = {}
    features = portrayal.role_features

    def spy(doc, cases, sentences, titles):  # type: ignore[no-untyped-def]
        x = features(doc, cases, sentences, titles)
        for case, row in zip(cases, x, strict=True):
            seen[case.name] = float(row[FEATURES.index("subject_share")])
        return x

    monkeypatch.setattr(portrayal, "role_features", spy)
    Analyzer().analyze_text(
        "KRALJEVO, May 2 (Agency) -- The President of the Republic, Anton Velic, returned to "
        "Kraljevo on Wednesday. Velic and Mira Tomic visited the wounded. Reporters asked "
        "Mira Tomic."
    )
    assert seen["Anton Velic"] == 1.0  # both mentions: in apposition, and joined
    assert seen["Mira Tomic"] == 0.5
