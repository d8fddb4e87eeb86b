"""Scoring of technique spans: hand-worked FLC, SI and SLC cases, readers, report and CLI.

Every expected figure is worked out by hand in the comment above it. Article texts are invented
here; no corpus text is used.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spinscope.techniques.scoring import (
    LabelledSpan,
    Score,
    coverage,
    evaluate,
    flc_score,
    format_report,
    label_sentences,
    merge_intervals,
    read_articles,
    read_gold_dir,
    read_spans_file,
    sentence_bounds,
    si_score,
    slc_score,
    technique_scores,
)

LL = "Loaded_Language"
DOUBT = "Doubt"
SLOGANS = "Slogans"


def spans(*items: tuple[str, int, int], article: str = "1") -> dict[str, list[LabelledSpan]]:
    return {
        article: [LabelledSpan(article, technique, start, end) for technique, start, end in items]
    }


def assert_prf(score: Score, precision: float, recall: float, f1: float) -> None:
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(f1)


def write_gold(root: Path, articles: dict[str, tuple[str, list[tuple[str, int, int]]]]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for article_id, (text, items) in articles.items():
        (root / f"article{article_id}.txt").write_text(text, encoding="utf-8")
        (root / f"article{article_id}.labels.tsv").write_text(
            "".join(f"{article_id}\t{t}\t{s}\t{e}\n" for t, s, e in items), encoding="utf-8"
        )
    return root


# --- FLC -----------------------------------------------------------------------------------


def test_flc_half_overlap() -> None:
    # gold [0,10) LL, prediction [5,15) LL: |s∩t| = 5.
    # P = 5/|s| = 5/10 = 0.5; R = 5/|t| = 5/10 = 0.5; F1 = 0.5.
    score = flc_score(spans((LL, 0, 10)), spans((LL, 5, 15)))
    assert_prf(score, 0.5, 0.5, 0.5)
    assert (score.predicted_credit, score.predicted, score.gold_credit, score.gold) == (
        0.5,
        1,
        0.5,
        1,
    )


def test_flc_wrong_label_earns_nothing() -> None:
    # Same characters, different technique: δ = 0, so P = R = F1 = 0.
    assert_prf(flc_score(spans((LL, 0, 10)), spans((DOUBT, 0, 10))), 0.0, 0.0, 0.0)


def test_flc_prediction_over_two_gold_spans() -> None:
    # gold [0,10) and [20,30) LL; prediction [0,30) LL.
    # P = (10 + 10)/30 = 2/3 over |S| = 1; R = (10/10 + 10/10)/|T| = 2/2 = 1.
    # F1 = 2·(2/3)·1 / (2/3 + 1) = (4/3)/(5/3) = 0.8.
    assert_prf(flc_score(spans((LL, 0, 10), (LL, 20, 30)), spans((LL, 0, 30))), 2 / 3, 1.0, 0.8)


def test_flc_pairs_only_within_one_article() -> None:
    # Same offsets and label, but the prediction is for article 2: no pair, P = R = 0.
    score = flc_score(spans((LL, 0, 10)), spans((LL, 0, 10), article="2"))
    assert_prf(score, 0.0, 0.0, 0.0)


def test_flc_pooled_over_articles() -> None:
    # Article 1: exact hit, credit 1 both ways. Article 2: gold [0,10), prediction [0,5):
    # P credit 5/5 = 1, R credit 5/10 = 0.5. Article 3: a prediction with no gold, credit 0.
    # Pooled: P = (1 + 1 + 0)/3 = 2/3; R = (1 + 0.5)/2 = 0.75; F1 = 2·(2/3)(3/4)/(2/3 + 3/4)
    # = 1/(17/12) = 12/17.
    gold = {**spans((LL, 0, 10)), **spans((LL, 0, 10), article="2")}
    predicted = {
        **spans((LL, 0, 10)),
        **spans((LL, 0, 5), article="2"),
        **spans((LL, 3, 9), article="3"),
    }
    assert_prf(flc_score(gold, predicted), 2 / 3, 0.75, 12 / 17)


def test_flc_overlapping_gold_of_one_technique_merge_and_cap() -> None:
    # gold [0,10) and [5,15), both LL; prediction [0,10) LL.
    # Uncapped formula: P = (10/10 + 5/10)/1 = 1.5 > 1, which is why a remedy is needed.
    # merge: gold becomes [0,15), |T| = 1. P = 10/10 = 1; R = 10/15 = 2/3; F1 = 0.8.
    # cap:   P = min(1, 1.5)/1 = 1; R = (10/10 + 5/10)/2 = 0.75; F1 = 1.5/1.75 = 6/7.
    gold = spans((LL, 0, 10), (LL, 5, 15))
    predicted = spans((LL, 0, 10))
    merged = flc_score(gold, predicted)
    assert_prf(merged, 1.0, 2 / 3, 0.8)
    assert merged.gold == 1
    capped = flc_score(gold, predicted, flc_overlaps="cap")
    assert_prf(capped, 1.0, 0.75, 6 / 7)
    assert capped.gold == 2


def test_flc_repeated_prediction_cannot_pass_one() -> None:
    # gold [0,10) LL; predictions [0,10) and [2,10), both LL (the model repeated itself).
    # merge: predictions become [0,10): P = R = 1.
    # cap:   P = (10/10 + 8/8)/2 = 1; R = min(1, 10/10 + 8/10)/1 = 1 (uncapped 1.8).
    gold = spans((LL, 0, 10))
    predicted = spans((LL, 0, 10), (LL, 2, 10))
    assert_prf(flc_score(gold, predicted), 1.0, 1.0, 1.0)
    assert_prf(flc_score(gold, predicted, flc_overlaps="cap"), 1.0, 1.0, 1.0)


def test_flc_different_techniques_may_overlap_freely() -> None:
    # gold [0,10) LL and [0,10) Doubt (same characters, two techniques: never merged);
    # prediction [0,10) LL. P = 10/10 over |S| = 1 → 1; R = 1/|T| = 1/2; F1 = 2/3.
    assert_prf(flc_score(spans((LL, 0, 10), (DOUBT, 0, 10)), spans((LL, 0, 10))), 1.0, 0.5, 2 / 3)


def test_flc_empty_predictions() -> None:
    # |S| = 0: P is defined as 0, R = 0/1 = 0, F1 = 0; no division by zero.
    score = flc_score(spans((LL, 0, 10)), {})
    assert_prf(score, 0.0, 0.0, 0.0)
    assert score.predicted == 0
    # Nothing on either side: still 0, not the organisers' F1 = 1.
    assert_prf(flc_score({}, {}), 0.0, 0.0, 0.0)


def test_flc_rejects_unknown_overlap_mode() -> None:
    with pytest.raises(ValueError, match="flc_overlaps"):
        flc_score({}, {}, flc_overlaps="sum")  # type: ignore[arg-type]


def test_per_technique_table() -> None:
    # gold: LL [0,10), LL [20,30), Doubt [40,50); predictions: LL [0,10), Slogans [40,50).
    # LL: P = 1/1 = 1, R = 1/2 = 0.5, F1 = 2/3.  Doubt: nothing predicted → 0, 0, 0.
    # Slogans: no gold → P = 0/1 = 0, R = 0 (|T| = 0), F1 = 0. Rows in name order.
    rows = technique_scores(
        spans((LL, 0, 10), (LL, 20, 30), (DOUBT, 40, 50)),
        spans((LL, 0, 10), (SLOGANS, 40, 50)),
    )
    assert [(r.technique, r.gold_spans, r.predicted_spans) for r in rows] == [
        (DOUBT, 1, 0),
        (LL, 2, 1),
        (SLOGANS, 0, 1),
    ]
    assert_prf(rows[0].score, 0.0, 0.0, 0.0)
    assert_prf(rows[1].score, 1.0, 0.5, 2 / 3)
    assert_prf(rows[2].score, 0.0, 0.0, 0.0)


# --- SI ------------------------------------------------------------------------------------


def test_merge_intervals_needs_a_shared_character() -> None:
    # [0,5) and [3,8) share 3..4 → [0,8); [8,10) only touches it → stays apart.
    assert merge_intervals([(8, 10), (3, 8), (0, 5)]) == [(0, 8), (8, 10)]
    assert merge_intervals([(0, 10), (2, 4)]) == [(0, 10)]
    assert merge_intervals([]) == []


def test_si_merges_overlaps_and_ignores_labels() -> None:
    # gold LL [0,10) and Doubt [5,15) overlap → one gold interval [0,15);
    # prediction Slogans [0,15): labels ignored, exact match → P = R = F1 = 1.
    # FLC of the same pair is 0: no prediction has a gold technique.
    gold = spans((LL, 0, 10), (DOUBT, 5, 15))
    predicted = spans((SLOGANS, 0, 15))
    si = si_score(gold, predicted)
    assert_prf(si, 1.0, 1.0, 1.0)
    assert (si.predicted, si.gold) == (1, 1)
    assert_prf(flc_score(gold, predicted), 0.0, 0.0, 0.0)


def test_si_merges_predictions_too() -> None:
    # gold [0,20); predictions [0,10) and [5,20) merge into [0,20) → |S| = 1, P = R = 1.
    # (Unmerged, P would be (10/10 + 15/15)/2 = 1 but R = min(1, 10/20 + 15/20) hides a
    # double count; merging removes it.)
    si = si_score(spans((LL, 0, 20)), spans((LL, 0, 10), (DOUBT, 5, 20)))
    assert_prf(si, 1.0, 1.0, 1.0)
    assert si.predicted == 1


def test_si_touching_gold_spans_stay_apart() -> None:
    # gold [0,2) and [2,10) touch but share no character → two gold spans;
    # prediction [0,2): P = 2/2 = 1; R = (2/2 + 0/8)/2 = 0.5; F1 = 2/3.
    # (Had they merged into [0,10), R would be 2/10 = 0.2.)
    assert_prf(si_score(spans((LL, 0, 2), (DOUBT, 2, 10)), spans((LL, 0, 2))), 1.0, 0.5, 2 / 3)


# --- SLC -----------------------------------------------------------------------------------

# Lines: 0 "Alpha line one." [0,15), 1 "Beta line two." [16,30), 2 "" (blank: not a sentence),
# 3 "Gamma line three." [32,49). Offsets: 15 characters + "\n" → 16; 16 + 14 = 30, "\n" at 30,
# the blank line 2 is just the "\n" at 31, so line 3 starts at 32 and ends at 32 + 17 = 49.
SLC_TEXT = "Alpha line one.\nBeta line two.\n\nGamma line three.\n"


def test_sentence_bounds() -> None:
    assert sentence_bounds(SLC_TEXT) == [(0, 0, 15), (1, 16, 30), (3, 32, 49)]
    assert sentence_bounds("") == []
    assert sentence_bounds("   \n\t\n") == []  # whitespace-only lines are not sentences


def test_slc_from_spans() -> None:
    # gold spans in line 0 ([6,10) "line") and line 3 ([38,43)); predictions in line 0 and
    # line 1 ([16,20) "Beta"). Gold positives {0, 3}, predicted positives {0, 1}.
    # TP = 1 (line 0), FP = 1 (line 1), FN = 1 (line 3): P = 1/2, R = 1/2, F1 = 0.5.
    articles = {"1": SLC_TEXT}
    gold = label_sentences(articles, spans((LL, 6, 10), (DOUBT, 38, 43)))
    assert gold == {"1": {0: True, 1: False, 3: True}}
    predicted = label_sentences(articles, spans((SLOGANS, 0, 3), (LL, 16, 20)))
    assert_prf(slc_score(articles, gold, predicted), 0.5, 0.5, 0.5)


def test_slc_span_over_a_line_break_marks_both_lines() -> None:
    # [14,17) covers "." (14) of line 0, the "\n" (15) and "B" (16) of line 1: both positive.
    # A span on the blank line's "\n" alone ([31,32)) touches no sentence.
    labels = label_sentences({"1": SLC_TEXT}, spans((LL, 14, 17), (DOUBT, 31, 32)))
    assert labels == {"1": {0: True, 1: True, 3: False}}


def test_slc_from_explicit_labels() -> None:
    # gold positives {0, 3}; explicit predictions {0: True, 3: True, 1: False} → TP 2, FP 0,
    # FN 0: P = R = F1 = 1. Predicting only {1: True}: TP 0 → all 0.
    articles = {"1": SLC_TEXT}
    gold = {"1": {0: True, 1: False, 3: True}}
    assert_prf(slc_score(articles, gold, {"1": {0: True, 3: True, 1: False}}), 1.0, 1.0, 1.0)
    assert_prf(slc_score(articles, gold, {"1": {1: True}}), 0.0, 0.0, 0.0)


def test_slc_rejects_labels_off_the_sentences() -> None:
    articles = {"1": SLC_TEXT}
    with pytest.raises(ValueError, match="line 2 of article 1 is blank"):
        slc_score(articles, {}, {"1": {2: True}})
    with pytest.raises(ValueError, match="not in the gold folder: 9"):
        slc_score(articles, {}, {"9": {0: True}})


# --- coverage ------------------------------------------------------------------------------


def test_coverage_counts_unions_and_clips_at_the_end() -> None:
    # Text of 100 characters. Gold [0,10) ∪ [5,20) = [0,20) → 20 characters (20%).
    # Predictions [10,60) and [95,120) (past the end, clipped to [95,100)) → 50 + 5 = 55 (55%).
    # Shared: [10,20) → 10; predicted characters inside gold = 10/55.
    articles = {"1": "x" * 100}
    cover = coverage(
        articles, spans((LL, 0, 10), (DOUBT, 5, 20)), spans((LL, 10, 60), (LL, 95, 120))
    )
    assert (cover.characters, cover.gold_characters, cover.predicted_characters) == (100, 20, 55)
    assert cover.shared_characters == 10
    assert cover.gold_share == pytest.approx(0.2)
    assert cover.predicted_share == pytest.approx(0.55)
    assert cover.predicted_in_gold == pytest.approx(10 / 55)


# --- readers -------------------------------------------------------------------------------


def test_labelled_span_refuses_empty_span() -> None:
    with pytest.raises(ValueError, match="0 <= start < end"):
        LabelledSpan("1", LL, 5, 5)


def test_read_gold_dir_and_articles(tmp_path: Path) -> None:
    gold_dir = write_gold(
        tmp_path / "gold",
        {"101": ("Some words here.\n", [(LL, 0, 4)]), "102": ("Nothing to see.\n", [])},
    )
    gold = read_gold_dir(gold_dir)
    assert gold == {"101": [LabelledSpan("101", LL, 0, 4)], "102": []}
    assert read_articles(gold_dir) == {"101": "Some words here.\n", "102": "Nothing to see.\n"}


def test_read_articles_keeps_carriage_returns(tmp_path: Path) -> None:
    # Offsets index the file's characters, so "\r\n" must stay two characters.
    (tmp_path / "article7.txt").write_bytes(b"One.\r\nTwo.\r\n")
    assert read_articles(tmp_path)["7"] == "One.\r\nTwo.\r\n"


def test_read_spans_file_groups_by_article(tmp_path: Path) -> None:
    path = tmp_path / "pred.tsv"
    path.write_text(f"1\t{LL}\t0\t4\n2\t{DOUBT}\t3\t9\r\n\n1\t{SLOGANS}\t5\t8\n", encoding="utf-8")
    assert read_spans_file(path) == {
        "1": [LabelledSpan("1", LL, 0, 4), LabelledSpan("1", SLOGANS, 5, 8)],
        "2": [LabelledSpan("2", DOUBT, 3, 9)],
    }
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    assert read_spans_file(empty) == {}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (f"1\t{LL}\t0", "expected 4 tab-separated fields"),
        (f"1 {LL} 0 4", "found 1"),
        (f"1\t{LL}\tzero\t4", "non-negative whole numbers"),
        (f"1\t{LL}\t-1\t4", "non-negative whole numbers"),
        (f"1\t{LL}\t4\t4", "end 4 must be greater than start 4"),
        (f"\t{LL}\t0\t4", "empty article id or technique"),
    ],
)
def test_read_spans_file_malformed_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "pred.tsv"
    path.write_text(f"1\t{LL}\t0\t4\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        read_spans_file(path)
    # One line, naming the file and the line number.
    assert str(caught.value).startswith(f"{path}:2: ")
    assert "\n" not in str(caught.value)


def test_read_spans_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "pred.tsv"
    path.write_bytes(b"1\tLoaded\xff\t0\t4\n")
    with pytest.raises(ValueError, match="not UTF-8 text"):
        read_spans_file(path)


def test_read_gold_dir_problems(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a folder"):
        read_gold_dir(tmp_path / "missing")
    with pytest.raises(ValueError, match=r"no article<ID>\.txt files"):
        read_gold_dir(tmp_path)
    # A labels line naming another article than its file.
    wrong = write_gold(tmp_path / "wrong", {"5": ("Text.\n", [])})
    (wrong / "article5.labels.tsv").write_text(f"6\t{LL}\t0\t4\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"article5\.labels\.tsv:1: article id 6 does not match"):
        read_gold_dir(wrong)
    # A text without its labels file, and a labels file without its text.
    unlabelled = write_gold(tmp_path / "unlabelled", {"5": ("Text.\n", [])})
    (unlabelled / "article5.labels.tsv").unlink()
    with pytest.raises(ValueError, match="missing"):
        read_gold_dir(unlabelled)
    orphan = write_gold(tmp_path / "orphan", {"5": ("Text.\n", [])})
    (orphan / "article8.labels.tsv").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no article8\.txt beside it"):
        read_gold_dir(orphan)


# --- evaluate and the report ---------------------------------------------------------------

# Two invented articles. Article 11, lines: 0 "The plan is a total disaster." [0,29),
# 1 "Officials met on Monday." [30,54). Article 12: 0 "Our great nation stands tall." [0,29).
ARTICLE_11 = "The plan is a total disaster.\nOfficials met on Monday.\n"
ARTICLE_12 = "Our great nation stands tall.\n"
GOLD = {
    "11": (ARTICLE_11, [(LL, 14, 28)]),  # "total disaster"
    "12": (ARTICLE_12, [("Flag-Waving", 0, 28)]),  # the whole sentence but the full stop
}


def test_evaluate_small_folder(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", GOLD)
    predictions = tmp_path / "pred.tsv"
    # Article 11: LL [20,28) "disaster" (inside gold [14,28)) and Doubt [30,39) "Officials".
    # Article 12: nothing.
    predictions.write_text(f"11\t{LL}\t20\t28\n11\t{DOUBT}\t30\t39\n", encoding="utf-8")
    report = evaluate(gold_dir, predictions)
    # FLC: LL pair: P credit 8/8 = 1, R credit 8/14 = 4/7. Doubt: no gold, credit 0.
    # P = 1/2, R = (4/7)/2 = 2/7, F1 = 2·(1/2)(2/7)/(1/2 + 2/7) = (2/7)/(11/14) = 4/11.
    assert_prf(report.flc, 0.5, 2 / 7, 4 / 11)
    # SI: same intervals (no overlaps to merge, labels ignored): Doubt [30,39) still hits no
    # gold, so SI = FLC here.
    assert_prf(report.si, 0.5, 2 / 7, 4 / 11)
    # SLC: gold positives: 11/line 0, 12/line 0. Predicted: 11/line 0, 11/line 1.
    # TP 1, FP 1, FN 1 → 0.5 each.
    assert_prf(report.slc, 0.5, 0.5, 0.5)
    assert report.slc_source == "spans"
    # Coverage: characters 55 + 30 = 85; gold 14 + 28 = 42; predicted 8 + 9 = 17; shared 8.
    assert (report.coverage.characters, report.coverage.gold_characters) == (85, 42)
    assert (report.coverage.predicted_characters, report.coverage.shared_characters) == (17, 8)
    assert [row.technique for row in report.techniques] == [DOUBT, "Flag-Waving", LL]
    assert (report.articles, report.gold_spans, report.predicted_spans) == (2, 2, 2)

    text = format_report(report)
    assert "FLC  spans + technique" in text and "0.5000  0.2857  0.3636" in text
    assert "Flag-Waving" in text and "predicted characters inside gold spans" in text
    payload = json.loads(json.dumps(report.to_dict()))
    assert payload["flc"]["precision"] == pytest.approx(0.5)
    assert payload["slc"]["source"] == "spans"
    assert payload["coverage"]["shared_characters"] == 8


def test_evaluate_with_sentence_labels_and_mapping(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", GOLD)
    # Predictions given as a mapping; SLC from explicit labels matching gold → 1.0,
    # while FLC with no spans is 0.
    report = evaluate(gold_dir, {}, sentence_labels={"11": {0: True}, "12": {0: True}})
    assert_prf(report.slc, 1.0, 1.0, 1.0)
    assert report.slc_source == "sentence labels"
    assert_prf(report.flc, 0.0, 0.0, 0.0)


def test_evaluate_gold_against_itself(tmp_path: Path) -> None:
    # Gold with overlapping spans of two techniques and of one technique; as predictions,
    # everything scores 1 in both overlap modes.
    gold_dir = write_gold(
        tmp_path / "gold",
        {"11": (ARTICLE_11, [(LL, 14, 28), (LL, 20, 28), (DOUBT, 0, 28)]), "12": GOLD["12"]},
    )
    gold = read_gold_dir(gold_dir)
    for mode in ("merge", "cap"):
        report = evaluate(gold_dir, gold, flc_overlaps=mode)  # type: ignore[arg-type]
        for score in (report.flc, report.si, report.slc):
            assert_prf(score, 1.0, 1.0, 1.0)


def test_evaluate_rejects_unknown_articles(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", GOLD)
    with pytest.raises(ValueError, match="predictions name 1 article"):
        evaluate(gold_dir, spans((LL, 0, 4), article="99"))


# --- CLI -----------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spinscope.cli", "evaluate", "techniques", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_cli_table_and_json(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", GOLD)
    predictions = tmp_path / "pred.tsv"
    predictions.write_text(f"11\t{LL}\t14\t28\n12\tFlag-Waving\t0\t28\n", encoding="utf-8")
    result = run_cli("--gold", str(gold_dir), "--pred", str(predictions))
    assert result.returncode == 0, result.stderr
    assert "FLC  spans + technique" in result.stdout
    assert "1.0000  1.0000  1.0000" in result.stdout

    result = run_cli("--gold", str(gold_dir), "--pred", str(predictions), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["flc"]["f1"] == 1.0 and payload["si"]["f1"] == 1.0
    assert payload["slc"]["f1"] == 1.0
    assert payload["flc_overlaps"] == "merge"


@pytest.mark.slow
def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", GOLD)
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"11\t{LL}\t14\n", encoding="utf-8")
    for args in (
        ("--gold", str(gold_dir), "--pred", str(bad)),
        ("--gold", str(gold_dir), "--pred", str(tmp_path / "missing.tsv")),
        ("--gold", str(tmp_path / "nowhere"), "--pred", str(bad)),
    ):
        result = run_cli(*args)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith("spinscope: error: ")
        assert result.stderr.count("\n") == 1, result.stderr
    result = run_cli("--gold", str(gold_dir), "--pred", str(bad))
    assert f"{bad}:1: expected 4 tab-separated fields" in result.stderr
