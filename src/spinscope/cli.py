"""The ``spinscope`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import ExitStack
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
    analyze.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
    except SpinscopeError as error:
        print(f"spinscope: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE


def _analyze(args: argparse.Namespace) -> int:
    from spinscope.output import error_record, render_document, write_records
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
