"""The ``spinscope`` command."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from spinscope import __version__
from spinscope.errors import SpinscopeError
from spinscope.readers import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spinscope", description="Show how news and opinion articles try to persuade."
    )
    parser.add_argument("--version", action="version", version=f"spinscope {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser(
        "analyze",
        help="analyse articles: metadata, entities, quotes",
        description="Analyse articles (text, HTML or PDF files, folders of them, or - for stdin).",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH")
    analyze.add_argument(
        "--format",
        choices=["json", "jsonl", "text", "ptc"],
        default="json",
        help="ptc: ID<TAB>TECHNIQUE<TAB>START<TAB>END per technique span, offsets into the file",
    )
    analyze.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    analyze.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: all cores)"
    )
    analyze.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1024 / 1024,
        metavar="MB",
        help="skip files larger than this (default: %(default)s MB)",
    )
    analyze.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    evaluate = commands.add_parser(
        "evaluate",
        help="score predictions against gold annotations",
        description="Score predictions against gold annotations.",
    )
    targets = evaluate.add_subparsers(dest="target", required=True)
    techniques = targets.add_parser(
        "techniques",
        help="persuasion-technique spans in the PTC format: FLC, SI, SLC",
        description="Score predicted technique spans against a PTC-style gold folder: "
        "fragment-level classification (FLC), span identification (SI), sentence-level "
        "classification (SLC), per-technique FLC and character coverage.",
    )
    techniques.add_argument(
        "--gold",
        required=True,
        metavar="DIR",
        help="folder of article<ID>.txt files, each with article<ID>.labels.tsv",
    )
    techniques.add_argument(
        "--pred",
        required=True,
        metavar="FILE",
        help="predicted spans, one ID<TAB>TECHNIQUE<TAB>START<TAB>END line each",
    )
    techniques.add_argument("--json", action="store_true", help="print the report as JSON")
    techniques.add_argument(
        "--flc-overlaps",
        choices=["merge", "cap"],
        default="merge",
        help="FLC with overlapping spans of one technique: merge them, as the organisers' "
        "scorer does, or cap each span's credit at 1 (default: %(default)s)",
    )
    train = commands.add_parser("train", help="train a model")
    train_targets = train.add_subparsers(dest="target", required=True)
    trainer = train_targets.add_parser(
        "techniques",
        help="fine-tune, export to int8 ONNX and tune on dev the technique tagger",
        description="Train the technique tagger on PTC (and the SemEval-2021 memes when "
        "present), export it to int8 ONNX and tune its decoding on the PTC dev split. "
        "Needs the train extra. Run again with the same arguments to resume.",
    )
    trainer.add_argument(
        "--data",
        required=True,
        metavar="DIR",
        help="folder holding ptc-emnlp2019/ (and semeval2021-task6-text/)",
    )
    trainer.add_argument("--output", required=True, metavar="DIR")
    trainer.add_argument("--epochs", type=int, default=3)
    trainer.add_argument("--batch-size", type=int, default=16)
    trainer.add_argument("--learning-rate", type=float, default=1e-4)
    trainer.add_argument("--stride", type=int, default=192)
    trainer.add_argument("--seed", type=int, default=13)
    trainer.add_argument("--no-memes", action="store_true", help="news articles only")
    trainer.add_argument("--limit", type=int, default=0, help="only the first N training texts")
    trainer.add_argument("--max-steps", type=int, default=0, help="stop after N steps")
    trainer.add_argument("--head-learning-rate", type=float, default=1e-3)
    trainer.add_argument(
        "--init-from",
        metavar="FILE",
        default="",
        help="start from a trained network.pt (a second stage with a fresh schedule)",
    )
    trainer.add_argument(
        "--sentence-context",
        action="store_true",
        help="the head also sees the mean state of each token's sentence",
    )
    trainer.add_argument(
        "--snapshots",
        type=int,
        default=0,
        metavar="N",
        help="save the weights N times, evenly over the run, and average them into the "
        "final weights (0: keep the last step's)",
    )
    trainer.add_argument(
        "--average-with-init",
        action="store_true",
        help="average the --init-from weights in with the snapshots",
    )
    trainer.add_argument(
        "--written",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of texts written and labelled for spinscope, marked up inline as "
        "{{Technique|words}}, added to the training texts; repeatable",
    )
    trainer.add_argument(
        "--written-repeats",
        type=int,
        default=1,
        metavar="N",
        help="how many times each written text is seen per epoch",
    )
    trainer.add_argument(
        "--teacher",
        action="append",
        default=[],
        metavar="DIR",
        help="an exported model (a folder with model.onnx) to distil: the network learns the "
        "mean of the teachers' probabilities beside the gold labels; repeat for an ensemble",
    )
    trainer.add_argument(
        "--teacher-weight",
        type=float,
        default=0.5,
        help="the teachers' share of each training target (the gold labels have the rest)",
    )
    trainer.add_argument(
        "--no-tune",
        action="store_true",
        help="train and export only; tune later with 'spinscope tune techniques'",
    )
    trainer.add_argument(
        "--decode-stride",
        type=int,
        default=254,
        help="window stride at run time and in dev tuning (254: windows side by side)",
    )
    role_trainer = train_targets.add_parser(
        "roles",
        help="fit the portrayal role model on hand-labelled article sets",
        description="Fit the role model (hero, villain, victim, neutral) on folders of "
        "articles with a labels.json each, choose its ridge penalty by leave-one-set-out "
        "accuracy, print each set's accuracy for the rules and for a model fitted without "
        "that set, and write the model fitted on all sets.",
    )
    _folders_to_file(role_trainer, "labelled set folders", "role_model.json")
    satire_trainer = train_targets.add_parser(
        "satire",
        help="fit the genre's satire wording model on paired articles",
        description="Fit the wording model that genre reads as 'satire_wording' on folders "
        "of twins, NAME_satire.txt with NAME_report.txt or NAME_opinion.txt (one story told "
        "as deadpan satire and straight, as a report or an opinion piece), choose its ridge "
        "penalty by out-of-fold log loss with twins kept in one fold, print the out-of-fold "
        "figures and write the model fitted on all pairs.",
    )
    _folders_to_file(satire_trainer, "folders of paired articles", "wording_model.json")
    satire_trainer.add_argument(
        "--straight",
        nargs="+",
        metavar="DIR",
        help="folders of real articles none of which is satire, fitted as straight texts "
        "without twins (the shipped model: PTC train)",
    )
    exporter = commands.add_parser("export", help="export a trained model again")
    export_targets = exporter.add_subparsers(dest="target", required=True)
    reexporter = export_targets.add_parser(
        "techniques",
        help="re-export a technique model's int8 weights through the current export",
        description="Read the weights back from an exported technique model's int8 ONNX "
        "file and export them again (fused encoder kernels, int8 per channel), copying its "
        "decoding rules: an older model gains the current graph without retraining. Needs "
        "the train extra.",
    )
    reexporter.add_argument(
        "--model", required=True, metavar="DIR", help="folder with model.onnx and decoding.json"
    )
    reexporter.add_argument("--output", required=True, metavar="DIR")
    tune = commands.add_parser("tune", help="re-tune a trained model's decoding")
    tune_targets = tune.add_subparsers(dest="target", required=True)
    tuner = tune_targets.add_parser(
        "techniques",
        help="choose each technique's decoding rule on the PTC dev split again",
        description="Re-tune an exported technique model's decoding rules and sentence "
        "calibration on the PTC dev split, without training; rewrites decoding.json in the "
        "model folder and prints the tuned and cross-fitted dev figures.",
    )
    tuner.add_argument("--data", required=True, metavar="DIR", help="folder holding ptc-emnlp2019/")
    tuner.add_argument(
        "--model", required=True, metavar="DIR", help="folder with model.onnx and tokenizer.json"
    )
    tuner.add_argument("--decode-stride", type=int, default=254)
    for command in (trainer, tuner):
        command.add_argument(
            "--tune-written",
            action="append",
            default=[],
            metavar="DIR",
            help="a folder of texts written and labelled for spinscope (never trained on) "
            "whose spans tuning weighs beside PTC dev's; repeatable",
        )
    return parser


def _folders_to_file(trainer: argparse.ArgumentParser, folders: str, written: str) -> None:
    """The arguments a trainer fitted on folders of hand-made data takes: ``--data DIR ...``
    and ``--output FILE``."""
    trainer.add_argument("--data", required=True, nargs="+", metavar="DIR", help=folders)
    trainer.add_argument(
        "--output",
        required=True,
        metavar="FILE",
        type=functools.partial(_output_file, default_name=written),
        help=f"where to write {written} (a folder: {written} in it)",
    )


def _output_file(value: str, default_name: str) -> Path:
    """A trainer's output file, settled before a long fit rather than failing after it: an
    existing folder means ``default_name`` inside it."""
    path = Path(value)
    return path / default_name if path.is_dir() else path


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "evaluate" and args.target == "techniques":
            from spinscope.techniques.evaluate_command import evaluate_techniques

            return evaluate_techniques(
                args.gold, args.pred, as_json=args.json, flc_overlaps=args.flc_overlaps
            )
        if args.command == "train" and args.target == "techniques":
            from spinscope.techniques.train_command import train_techniques

            return train_techniques(args)
        if args.command == "train" and args.target == "roles":
            from spinscope.roles.train_command import train_roles

            return train_roles(args)
        if args.command == "train" and args.target == "satire":
            from spinscope.satire.train_command import train_satire

            return train_satire(args)
        if args.command == "export" and args.target == "techniques":
            from spinscope.techniques.train_command import reexport_techniques

            return reexport_techniques(args)
        if args.command == "tune" and args.target == "techniques":
            from spinscope.techniques.train_command import retune_techniques

            return retune_techniques(args)
    except SpinscopeError as error:
        print(f"spinscope: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE


def _analyze(args: argparse.Namespace) -> int:
    from spinscope.output import error_record, render_document, write_records
    from spinscope.output.records import ptc_lines
    from spinscope.pipeline import analyze_many, expand_inputs

    paths = expand_inputs(args.paths)
    if not paths:
        print("spinscope: error: no article files found in the given folders", file=sys.stderr)
        return EXIT_FAILED
    single = len(args.paths) == 1 and len(paths) == 1
    failed = 0
    err = Console(stderr=True)
    with ExitStack() as stack:
        out: IO[str] = (
            stack.enter_context(open(args.output, "w", encoding="utf-8"))
            if args.output
            else sys.stdout
        )
        progress: Progress | None = None
        if len(paths) > 1 and not args.no_progress:
            progress = stack.enter_context(
                Progress(
                    TextColumn("analysing"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeRemainingColumn(),
                    console=err,
                    transient=True,
                )
            )
        task = progress.add_task("analyse", total=len(paths)) if progress else None
        # Errors go through the progress bar's console so they do not tear its line.
        messages = progress.console if progress else err
        records = []
        console = Console(file=out, force_terminal=out.isatty() if args.output is None else False)
        outcomes = analyze_many(paths, max_bytes=int(args.max_size * 1024 * 1024), jobs=args.jobs)
        for outcome in outcomes:
            if progress is not None and task is not None:
                progress.advance(task)
            if outcome.error is not None:
                failed += 1
                messages.print(
                    f"spinscope: error: {outcome.error}",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
                record = error_record(outcome.error)
            else:
                assert outcome.document is not None
                if args.format == "text":
                    console.print(render_document(outcome.document))
                    continue
                if args.format == "ptc":
                    # Only spans, like the corpus's .labels files; errors went to stderr above.
                    for line in ptc_lines(outcome.document):
                        out.write(line + "\n")
                    out.flush()
                    continue
                record = outcome.document.to_dict()
            if args.format == "jsonl":
                write_records([record], out, "jsonl", single)
                out.flush()
            elif args.format == "json":
                records.append(record)
        if args.format == "json" and records and not (single and failed):
            write_records(records, out, "json", single)
    if failed and len(paths) > 1:
        print(f"spinscope: {failed} of {len(paths)} inputs failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
