"""``spinscope train techniques``: train, export, tune; every step resumable or repeatable."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from spinscope.errors import SpinscopeError
from spinscope.techniques.decoding import DecodingRule
from spinscope.techniques.export import exported_model
from spinscope.techniques.scoring import LabelledSpan
from spinscope.techniques.sentence_model import SentenceModel
from spinscope.techniques.tuning import DevArticle, evaluate_rules


def train_techniques(args: argparse.Namespace) -> int:
    try:
        from spinscope.techniques.export import export
        from spinscope.techniques.training import TrainingConfig, train
    except ImportError as error:
        raise SpinscopeError(
            f"training needs the train extra (pip install 'spinscope[train]'): {error}"
        ) from error
    data, output = Path(args.data), Path(args.output)
    if not data.is_dir():
        raise SpinscopeError(f"{data}: not a folder")
    if args.average_with_init and not (args.init_from and args.snapshots):
        raise SpinscopeError("--average-with-init needs --init-from and --snapshots")
    if not 0.0 <= args.teacher_weight <= 1.0:
        raise SpinscopeError(f"--teacher-weight {args.teacher_weight}: not between 0 and 1")
    if args.written_repeats < 1:
        raise SpinscopeError(f"--written-repeats {args.written_repeats}: must be at least 1")
    written = _existing_folders(args.written, "--written")
    tune_written = _existing_folders(args.tune_written, "--tune-written")
    for teacher in args.teacher:
        exported_model(Path(teacher), "a teacher is an exported model")
    config = TrainingConfig(
        epochs=args.epochs,
        batch_size=args.batch_size,
        learning_rate=args.learning_rate,
        head_learning_rate=args.head_learning_rate,
        init_from=args.init_from,
        sentence_context=args.sentence_context,
        stride=args.stride,
        seed=args.seed,
        use_memes=not args.no_memes,
        limit=args.limit,
        max_steps=args.max_steps,
        snapshots=args.snapshots,
        average_with_init=args.average_with_init,
        teachers=list(args.teacher),
        teacher_weight=args.teacher_weight,
        written=[str(folder) for folder in written],
        written_repeats=args.written_repeats,
    )
    weights = train(data, output, config, log=lambda line: print(line, file=sys.stderr))
    model = export(weights, output / "model")
    print(f"exported {model}", file=sys.stderr)
    if args.no_tune:
        return 0
    report = tune_model(data, output / "model", args.decode_stride, tune_written)
    print(json.dumps(report, indent=2))
    return 0


def retune_techniques(args: argparse.Namespace) -> int:
    data, model_dir = Path(args.data), Path(args.model)
    if not (data / "ptc-emnlp2019").is_dir():
        raise SpinscopeError(f"{data}: no ptc-emnlp2019/ folder in it")
    exported_model(model_dir)
    tune_written = _existing_folders(args.tune_written, "--tune-written")
    report = tune_model(data, model_dir, args.decode_stride, tune_written)
    print(json.dumps(report, indent=2))
    return 0


def _existing_folders(names: list[str], option: str) -> list[Path]:
    """The folders an option names, or a one-line error for the first that is not one."""
    for name in names:
        if not Path(name).is_dir():
            raise SpinscopeError(f"{name}: not a folder ({option})")
    return [Path(name) for name in names]


def reexport_techniques(args: argparse.Namespace) -> int:
    from spinscope.techniques.export import reexport

    model_dir, output = exported_model(Path(args.model)), Path(args.output)
    try:  # torch and onnx are imported when the export runs
        model = reexport(model_dir, output)
    except ImportError as error:
        raise SpinscopeError(
            f"exporting needs the train extra (pip install 'spinscope[train]'): {error}"
        ) from error
    print(f"exported {model}", file=sys.stderr)
    return 0


def tune_model(
    data: Path, model_dir: Path, stride: int, written: Sequence[Path] = ()
) -> dict[str, object]:
    """Tune decoding on the PTC dev split, and on the marked texts of the ``written`` folders
    when given; writes ``decoding.json`` beside the model."""
    from spinscope.techniques.corpus import read_marked, read_training_data
    from spinscope.techniques.export import ONNX_FP32
    from spinscope.techniques.predictor import DECODING, TechniquePredictor
    from spinscope.techniques.tuning import (
        collect,
        cross_fit,
        decoding_config,
        evaluate_rules,
        gold_spans,
        tune,
    )

    _, dev = read_training_data(data, use_memes=False)
    predictor = TechniquePredictor(model_dir, threads=0, stride=stride)
    articles = collect(predictor, dev)
    gold = gold_spans(dev)
    examples = [example for folder in written for example in read_marked(folder)]
    written_articles = collect(predictor, examples)
    written_gold = gold_spans(examples)
    every_gold = {**gold, **written_gold}
    rules, sentence_model = tune(articles, every_gold, written_articles)
    config = decoding_config(rules, sentence_model, stride)
    config["tuned_on"] = ["PTC dev", *(str(folder) for folder in written)]
    (model_dir / DECODING).write_text(json.dumps(config, indent=2), encoding="utf-8")
    report: dict[str, object] = {
        "tuned_on": config["tuned_on"],
        "dev_tuned_on_itself": evaluate_rules(articles, gold, rules, sentence_model),
        "dev_cross_fitted": cross_fit(articles, every_gold, written=written_articles),
        "rules": {k: [r.mode, r.threshold, r.extend] for k, r in rules.items()},
        "sentence_threshold": sentence_model.threshold,
    }
    if written_articles:
        report["written_tuned_on_itself"] = evaluate_rules(
            written_articles, written_gold, rules, sentence_model
        )
    if (model_dir / ONNX_FP32).exists():
        fp32 = collect(
            TechniquePredictor(model_dir, threads=0, stride=stride, model_file=ONNX_FP32), dev
        )
        report["int8_vs_fp32"] = fidelity(articles, fp32, gold, rules, sentence_model)
    return report


def fidelity(
    int8: list[DevArticle],
    fp32: list[DevArticle],
    gold: dict[str, list[LabelledSpan]],
    rules: dict[str, DecodingRule],
    sentence_model: SentenceModel,
) -> dict[str, object]:
    """How far the quantised model drifts from fp32 on dev: probabilities and scores."""
    differences = np.concatenate(
        [
            np.abs(a.probabilities.probabilities - b.probabilities.probabilities).ravel()
            for a, b in zip(int8, fp32, strict=True)
        ]
    )
    return {
        "max_abs_probability_difference": round(float(differences.max()), 4),
        "mean_abs_probability_difference": round(float(differences.mean()), 5),
        "fp32_scores": evaluate_rules(fp32, gold, rules, sentence_model),
    }
