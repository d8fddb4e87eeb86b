"""Fit the role model on hand-labelled article sets, and say how well it does on a set it
was not fitted on (leave one set out).

Each labelled entity is matched to the portrayal record the rules made for it (as the
evaluation script matches them); its features are the rules' verdict and context, its target
the gold role. Labelled entities no record matches are left out of fitting and count as
predicted ``neutral`` when scoring, as in the evaluation script.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.document import Document
from spinscope.roles.features import FEATURES, ROLES, ArticleSentences, role_features
from spinscope.roles.labels import load_labels, matching_records, strongest_record
from spinscope.roles.model import L2, RoleModel, decide, fit_role_model

L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
UNLABELLED_GRID = (0.02, 0.05, 0.1, 0.2, 0.5)


@dataclass(slots=True)
class LabelledCase:
    labelled_set: str
    article: str
    entity: str
    gold: str
    rule_role: str
    features: np.ndarray | None
    """``None`` when no portrayal record matched the label."""
    supported: frozenset[str] = frozenset(ROLES)
    """The roles there is evidence to cite for (``annotators.portrayal.role_support``)."""
    acting: frozenset[str] = frozenset()
    """The roles only a sentence in which the actor acts supports
    (``annotators.portrayal.acting_support``)."""
    labelled: bool = True
    """False for an actor no label names: fitted as ``neutral`` (labels pick out the actors
    that matter, so without these the model would think most actors are cast), never scored
    as a role, but counted when it is cast as a villain in an article without one."""


class _RuleReader:
    """Stands in for the portrayal annotator: keeps the rules' records and the features."""

    name = "portrayal"

    def __init__(self) -> None:
        from spinscope.annotators.portrayal import (
            PortrayalAnalyzer,
            acting_support,
            harm_words,
            imposing_words,
            lexicon,
            role_support,
        )

        self.role_support = role_support
        self.acting_support = acting_support
        self.analyzer = PortrayalAnalyzer(role_model=None)
        self.harm_words = harm_words()
        self.leader_titles = lexicon().leader_titles
        self.imposing_words = imposing_words()
        self.features: dict[str, np.ndarray] = {}
        self.supported: dict[str, frozenset[str]] = {}
        self.acting: dict[str, frozenset[str]] = {}

    def __call__(self, doc: Document) -> Document:
        cases = self.analyzer.read(doc)
        doc.portrayal.extend(portrayal for portrayal, _ in cases)
        sentences = ArticleSentences(doc, self.harm_words, self.imposing_words)
        x = role_features(doc, [c for _, c in cases], sentences, self.leader_titles)
        self.supported, self.acting = {}, {}
        for portrayal, case in cases:
            support = self.role_support(portrayal, case, sentences)
            self.supported[portrayal.entity_id] = frozenset(support)
            self.acting[portrayal.entity_id] = frozenset(
                self.acting_support(portrayal, case, sentences, support)
            )
        self.features = {
            portrayal.entity_id: row for (portrayal, _), row in zip(cases, x, strict=True)
        }
        return doc


def labelled_cases(
    directories: Sequence[Path], log: Callable[[str], None] = lambda _: None
) -> list[LabelledCase]:
    """Analyse every labelled article with the rules and pair each label with its features."""
    from spinscope.pipeline import DEFAULT_PIPELINE, Analyzer

    analyzer = Analyzer(DEFAULT_PIPELINE)
    reader = _RuleReader()
    analyzer.annotators[analyzer.pipeline.index("portrayal")] = reader
    cases: list[LabelledCase] = []
    for directory in directories:
        articles = load_labels(directory)
        log(f"{directory}: {len(articles)} articles")
        for article in articles:
            doc = analyzer.analyze_path(directory / article.file)
            matched: set[str] = set()
            for label in article.roles:
                records = matching_records(doc, label)
                matched.update(r.entity_id for r in records)
                if not records:
                    cases.append(
                        LabelledCase(
                            directory.name, article.file, label.entity, label.role, "neutral", None
                        )
                    )
                    continue
                best = strongest_record(records)
                cases.append(
                    LabelledCase(
                        directory.name,
                        article.file,
                        label.entity,
                        label.role,
                        best.role,
                        reader.features[best.entity_id],
                        reader.supported[best.entity_id],
                        reader.acting[best.entity_id],
                    )
                )
            for record in doc.portrayal:
                if record.entity_id not in matched:
                    cases.append(
                        LabelledCase(
                            directory.name,
                            article.file,
                            record.name,
                            "neutral",
                            record.role,
                            reader.features[record.entity_id],
                            reader.supported[record.entity_id],
                            reader.acting[record.entity_id],
                            labelled=False,
                        )
                    )
    return cases


UNLABELLED_WEIGHT = 0.2
"""What an actor no label names counts in fitting, against 1 for a labelled one."""


def fit(
    cases: Sequence[LabelledCase], l2: float = L2, unlabelled: float = UNLABELLED_WEIGHT
) -> RoleModel:
    found = [c for c in cases if c.features is not None]
    x = np.stack([c.features for c in found if c.features is not None])
    weights = np.asarray([1.0 if c.labelled else unlabelled for c in found])
    return fit_role_model(x, [c.gold for c in found], l2, weights)


def predicted_roles(model: RoleModel, cases: Sequence[LabelledCase]) -> list[str]:
    roles: list[str] = []
    for case in cases:
        if case.features is None:
            roles.append("neutral")
            continue
        p = model.probabilities(case.features[None, :])[0]
        tone = float(case.features[FEATURES.index("rule_tone")])
        probabilities = dict(zip(model.roles, p, strict=True))
        roles.append(decide(probabilities, tone, case.supported, case.acting))
    return roles


def held_out_predictions(
    cases: Sequence[LabelledCase], l2: float = L2, unlabelled: float = UNLABELLED_WEIGHT
) -> list[tuple[LabelledCase, str]]:
    """Each case with the role a model fitted on the other labelled sets gives it."""
    pairs: list[tuple[LabelledCase, str]] = []
    for held in sorted({c.labelled_set for c in cases}):
        test = [c for c in cases if c.labelled_set == held]
        model = fit([c for c in cases if c.labelled_set != held], l2, unlabelled)
        pairs.extend(zip(test, predicted_roles(model, test), strict=True))
    return pairs


def leave_one_set_out(
    cases: Sequence[LabelledCase], l2: float = L2, unlabelled: float = UNLABELLED_WEIGHT
) -> dict[str, dict[str, float]]:
    """Per labelled set: accuracy of the rules and of a model fitted on the other sets, over
    the labelled actors; and how many actors of any kind each casts as a villain in articles
    whose labels have none (neutral reports, most satire of no one in particular)."""
    pairs = held_out_predictions(cases, l2, unlabelled)
    report: dict[str, dict[str, float]] = {}
    with_villain = {(c.labelled_set, c.article) for c in cases if c.gold == "antagonist"}
    for held in sorted({c.labelled_set for c in cases}):
        test = [(c, p) for c, p in pairs if c.labelled_set == held and c.labelled]
        spare = [
            (c, p)
            for c, p in pairs
            if c.labelled_set == held and (c.labelled_set, c.article) not in with_villain
        ]
        report[held] = {
            "roles": len(test),
            "rules_accuracy": round(float(np.mean([c.rule_role == c.gold for c, _ in test])), 3),
            "model_accuracy": round(float(np.mean([p == c.gold for c, p in test])), 3),
            "rules_false_villains": sum(c.rule_role == "antagonist" for c, _ in spare),
            "model_false_villains": sum(p == "antagonist" for _, p in spare),
        }
    return report


def recall_by_role(pairs: Sequence[tuple[LabelledCase, str]]) -> dict[str, dict[str, float]]:
    """Per gold role, over all sets: how many, and the recall of the rules and the model."""
    out: dict[str, dict[str, float]] = {}
    for role in ROLES:
        of_role = [(c, p) for c, p in pairs if c.gold == role and c.labelled]
        if of_role:
            out[role] = {
                "roles": len(of_role),
                "rules_recall": round(float(np.mean([c.rule_role == role for c, _ in of_role])), 3),
                "model_recall": round(float(np.mean([p == role for _, p in of_role])), 3),
            }
    return out


def precision_by_role(pairs: Sequence[tuple[LabelledCase, str]]) -> dict[str, dict[str, float]]:
    """Per cast role (not neutral), over all labelled actors: how many the rules and the model
    cast in it, and the share of those whose gold role it is."""
    out: dict[str, dict[str, float]] = {}
    labelled = [(c, p) for c, p in pairs if c.labelled]
    for role in ROLES:
        if role == "neutral":
            continue
        out[role] = {}
        for who, cast in (
            ("rules", [c for c, _ in labelled if c.rule_role == role]),
            ("model", [c for c, p in labelled if p == role]),
        ):
            right = [c.gold == role for c in cast]
            out[role][f"{who}_cast"] = len(cast)
            out[role][f"{who}_precision"] = round(float(np.mean(right)), 3) if right else 0.0
    return out


def main_cast_found(
    pairs: Sequence[tuple[LabelledCase, str]], genres: dict[tuple[str, str], str]
) -> dict[str, int]:
    """Over the reporting articles whose labels name both a hero and a villain (the
    praise-and-blame wire story): how many there are, and in how many the rules and the
    model cast at least one labelled hero as hero, one labelled villain as villain, and both.
    ``genres`` maps (labelled set, article file) to its labelled genre."""
    articles: dict[tuple[str, str], list[tuple[LabelledCase, str]]] = {}
    for case, predicted in pairs:
        if case.labelled:
            articles.setdefault((case.labelled_set, case.article), []).append((case, predicted))
    out = {"articles": 0}
    out |= {
        f"{who}_{found}": 0 for who in ("rules", "model") for found in ("hero", "villain", "both")
    }
    for key, cast in articles.items():
        golds = {c.gold for c, _ in cast}
        if genres.get(key) != "reporting" or not {"protagonist", "antagonist"} <= golds:
            continue
        out["articles"] += 1
        for who in ("rules", "model"):
            roles = [(c.gold, c.rule_role if who == "rules" else p) for c, p in cast]
            hero = ("protagonist", "protagonist") in roles
            villain = ("antagonist", "antagonist") in roles
            out[f"{who}_hero"] += hero
            out[f"{who}_villain"] += villain
            out[f"{who}_both"] += hero and villain
    return out


def pooled_accuracy(report: dict[str, dict[str, float]], key: str) -> float:
    total = sum(r["roles"] for r in report.values())
    return round(sum(r[key] * r["roles"] for r in report.values()) / total, 3)


def choose_penalties(
    cases: Sequence[LabelledCase],
) -> tuple[tuple[float, float], dict[str, float]]:
    """The ridge penalty and the weight of unlabelled actors that cast the fewest villains
    beyond the rules' in articles whose labels have none, and among those the best pooled
    leave-one-set-out accuracy. A false villain is the worst error portrayal can make, so no
    accuracy buys one; when every setting casts one (say, in a report the genre annotator
    takes for satire), the least harmful still wins, not a fixed default."""
    scores: dict[str, float] = {}
    best: tuple[float, float, float, float] | None = None
    for unlabelled in UNLABELLED_GRID:
        for l2 in L2_GRID:
            report = leave_one_set_out(cases, l2, unlabelled)
            accuracy = pooled_accuracy(report, "model_accuracy")
            scores[f"l2={l2},unlabelled={unlabelled}"] = accuracy
            excess = max(
                0,
                sum(r["model_false_villains"] for r in report.values())
                - sum(r["rules_false_villains"] for r in report.values()),
            )
            if best is None or (-excess, accuracy) > (-best[0], best[1]):
                best = (excess, accuracy, l2, unlabelled)
    assert best is not None
    return (best[2], best[3]), scores
