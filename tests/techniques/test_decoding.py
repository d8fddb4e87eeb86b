from __future__ import annotations

import numpy as np
import pytest

from spinscope.techniques.decoding import (
    ANY_TECHNIQUE,
    DETECTOR,
    SENTENCE,
    TOKENS,
    DecodingRule,
    decode,
)
from spinscope.techniques.repetition import RepetitionRule, detect
from spinscope.techniques.sentence_model import FEATURES, SentenceModel, sentence_features

TEXT = "The vile traitors lied. Everyone knows it."
#       0123456789012345678901234567890123456789012
OFFSETS = np.array(
    [[0, 3], [4, 8], [9, 13], [13, 17], [18, 22], [22, 23], [24, 32], [33, 38], [39, 41], [41, 42]]
)
SENTENCES = [(0, 23), (24, 42)]
LABELS = ("Name_Calling,Labeling", "Doubt")


def probabilities(name_calling: list[float], doubt: list[float]) -> np.ndarray:
    return np.array(
        [name_calling, doubt, [max(a, b) for a, b in zip(name_calling, doubt, strict=True)]]
    ).T


def test_token_runs_become_whole_word_spans() -> None:
    # "vile" + "trai" "##tors": a run of three pieces, widened to whole words
    p = probabilities([0.1, 0.9, 0.8, 0.7, 0.2, 0.1, 0, 0, 0, 0], [0] * 10)
    spans = decode(
        TEXT, OFFSETS, p, SENTENCES, LABELS, {"Name_Calling,Labeling": DecodingRule(0.5, TOKENS)}
    )
    assert [(s.start, s.end, s.technique) for s in spans] == [(4, 17, "Name_Calling,Labeling")]
    assert spans[0].score == 0.9


def test_one_dip_inside_a_run_is_bridged_but_not_across_sentences() -> None:
    p = probabilities([0.9, 0.4, 0.9, 0, 0, 0.9, 0.9, 0, 0, 0], [0] * 10)
    spans = decode(
        TEXT, OFFSETS, p, SENTENCES, LABELS, {"Name_Calling,Labeling": DecodingRule(0.5, TOKENS)}
    )
    assert [(s.start, s.end) for s in spans] == [(0, 17), (22, 23), (24, 32)]  # two sentences


def test_hysteresis_grows_a_run_around_its_peak_but_needs_a_peak() -> None:
    # "The vile traitors lied": only "vile" passes 0.8, its neighbours pass 0.4
    p = probabilities([0.5, 0.9, 0.5, 0.45, 0.1, 0, 0.5, 0.6, 0, 0], [0] * 10)
    plain = {"Name_Calling,Labeling": DecodingRule(0.8, TOKENS)}
    grown = {"Name_Calling,Labeling": DecodingRule(0.8, TOKENS, extend=0.4)}
    assert [(s.start, s.end) for s in decode(TEXT, OFFSETS, p, SENTENCES, LABELS, plain)] == [
        (4, 8)
    ]
    # the second sentence's run reaches 0.6 only: no peak, no span
    assert [(s.start, s.end) for s in decode(TEXT, OFFSETS, p, SENTENCES, LABELS, grown)] == [
        (0, 17)
    ]


def test_any_channel_spans_take_the_techniques_name_rated_highest_over_them() -> None:
    p = probabilities([0, 0, 0, 0, 0, 0, 0.3, 0.3, 0.3, 0], [0, 0, 0, 0, 0, 0, 0.4, 0.5, 0.2, 0])
    p[6:9, 2] = 0.9  # "inside any technique" is sure; no single technique passes 0.5
    spans = decode(TEXT, OFFSETS, p, SENTENCES, LABELS, {ANY_TECHNIQUE: DecodingRule(0.5)})
    assert [(s.start, s.end, s.technique) for s in spans] == [(24, 41, "Doubt")]


def test_sentence_rule_marks_the_whole_sentence() -> None:
    p = probabilities([0] * 10, [0, 0, 0, 0, 0, 0, 0.2, 0.7, 0.1, 0])
    spans = decode(TEXT, OFFSETS, p, SENTENCES, LABELS, {"Doubt": DecodingRule(0.6, SENTENCE)})
    assert [(s.start, s.end, s.technique, s.score) for s in spans] == [(24, 42, "Doubt", 0.7)]


def test_techniques_without_a_rule_are_not_decoded() -> None:
    p = probabilities([0.99] * 10, [0.99] * 10)
    assert decode(TEXT, OFFSETS, p, SENTENCES, LABELS, {}) == []


def test_sentence_features_read_the_tokens_inside_each_sentence() -> None:
    p = probabilities([0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0.3, 0, 0, 0])
    features = sentence_features(p, OFFSETS, SENTENCES, 2)
    peak, log_tokens = FEATURES.index("peak"), FEATURES.index("log_tokens")
    assert features[0, peak] == pytest.approx(np.log(0.9 / 0.1), abs=1e-4)
    assert features[1, peak] == pytest.approx(np.log(0.3 / 0.7), abs=1e-4)
    first_sentence_tokens = int((OFFSETS[:, 0] < SENTENCES[0][1]).sum())
    assert features[0, log_tokens] == pytest.approx(np.log(first_sentence_tokens))


def test_a_platt_calibration_of_old_decoding_files_is_the_same_sentence_model() -> None:
    p = probabilities([0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0.3, 0, 0, 0])
    features = sentence_features(p, OFFSETS, SENTENCES, 2)
    plain = SentenceModel.from_decoding({})
    assert plain.scores(features) == pytest.approx([0.9, 0.3], abs=1e-4)
    # sigmoid(a * logit(p) + b) with a = 1, b = -logit(0.9) brings 0.9 to one half
    b = -float(np.log(0.9 / 0.1))
    calibrated = SentenceModel.from_decoding({"sentence_calibration": [1.0, b]})
    assert calibrated.scores(features)[0] == pytest.approx(0.5, abs=1e-4)
    again = SentenceModel.from_config(calibrated.to_config())
    assert again == calibrated


REPEATED = (
    "The regime's propaganda machine never sleeps. Its propaganda reaches every village.\n"
    "Critics call the propaganda crude, yet the propaganda works. Nobody doubts it.\n"
)


def test_repetition_detector_marks_every_occurrence_of_a_recurring_uncommon_word() -> None:
    spans = detect(REPEATED, RepetitionRule(min_occurrences=4, max_zipf=4.5, longest=1))
    assert [REPEATED[s:e] for s, e in spans] == ["propaganda"] * 4
    # common words ("the") recur as well, but are grammar, not the technique
    assert all(REPEATED[s:e].lower() != "the" for s, e in spans)


def test_repetition_detector_needs_enough_occurrences() -> None:
    assert detect(REPEATED, RepetitionRule(min_occurrences=5, max_zipf=4.5, longest=1)) == []


def test_detector_rule_in_decoding_uses_the_article_level_detector() -> None:
    offsets = np.array([[0, 3]])
    spans = decode(
        REPEATED,
        offsets,
        np.zeros((1, 3)),
        [(0, len(REPEATED))],
        LABELS,
        {"Doubt": DecodingRule(0.0, DETECTOR)},
    )
    assert [(s.start, s.end, s.technique) for s in spans] == [
        (start, end, "Doubt") for start, end in detect(REPEATED, RepetitionRule())
    ]


def test_rules_round_trip_through_their_decoding_json_form() -> None:
    for rule in (DecodingRule(0.55), DecodingRule(0.8, TOKENS, 0.4), DecodingRule(0.6, SENTENCE)):
        assert DecodingRule.from_config(rule.to_config()) == rule
    assert "extend" not in DecodingRule(0.55).to_config()
