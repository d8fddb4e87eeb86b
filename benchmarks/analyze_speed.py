"""Speed of ``spinscope analyze`` on the PTC training articles, against spaCy's full pipeline.

Usage: python benchmarks/analyze_speed.py [DIR] [--jobs N] [--limit N]

Prints articles/s, tokens/s and peak memory of the spinscope pipeline (all cores), and in the
same run the articles/s of spaCy's full small English pipeline on one core over the same texts,
the reference the issue quotes (3 to 4 articles/s per core).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared/datasets/ptc-emnlp2019/train"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--baseline-limit", type=int, default=60)
    args = parser.parse_args()
    paths = sorted(str(p) for p in args.directory.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"no .txt articles in {args.directory}", file=sys.stderr)
        return 1

    import spacy

    from spinscope.nlp import english, pipeline_package
    from spinscope.pipeline import analyze_many

    english()  # loaded before forking, as the CLI does
    started = time.perf_counter()
    documents = []
    failures = 0
    for outcome in analyze_many(paths, jobs=args.jobs):
        if outcome.document is None:
            failures += 1
        else:
            documents.append(outcome.document)
    elapsed = time.perf_counter() - started

    tokenizer = spacy.blank("en").tokenizer
    tokens = sum(len(tokenizer(doc.text)) for doc in documents)
    quotes = sum(len(doc.quotes) for doc in documents)
    entities = sum(len(doc.entities) for doc in documents)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    texts = [Path(p).read_text(encoding="utf-8") for p in paths[: args.baseline_limit]]
    full = spacy.load(pipeline_package())
    base_start = time.perf_counter()
    for _ in full.pipe(texts):
        pass
    base_rate = len(texts) / (time.perf_counter() - base_start)

    rate = len(documents) / elapsed
    print(f"articles           {len(paths)} ({failures} failed) from {args.directory}")
    print(f"jobs               {args.jobs}")
    print(f"spinscope analyze  {rate:.1f} articles/s, {tokens / elapsed:,.0f} tokens/s")
    print(
        f"                   {tokens / max(len(documents), 1):,.0f} tokens/article, "
        f"{quotes} quotes, {entities} entities"
    )
    print(f"peak memory        {own:,.0f} MB main process, {children:,.0f} MB largest worker")
    print(
        f"baseline           spaCy full pipeline, 1 process: {base_rate:.1f} articles/s "
        f"on {len(texts)} articles"
    )
    print(f"ratio              {rate / base_rate:.2f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
