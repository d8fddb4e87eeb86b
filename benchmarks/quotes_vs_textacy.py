"""Quote extraction on real news: spinscope against textacy's ``direct_quotations``.

Usage: pip install -e '.[bench]' && python benchmarks/quotes_vs_textacy.py [DIR] [--limit N]

Runs both on the same articles (the PTC training articles by default) in one run and prints,
for each: articles it failed on, direct and indirect quotes found, and how many speakers are
bare pronouns rather than names ("speaker named": textacy, any other speaker text; spinscope,
resolved to a named entity). textacy runs on spaCy's full small pipeline, which it needs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared/datasets/ptc-emnlp2019/train"
PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "them", "you"}


def run_textacy(texts: list[str]) -> dict[str, float]:
    import spacy
    from textacy.extract import triples

    from spinscope.nlp import pipeline_package

    nlp = spacy.load(pipeline_package())
    failed = quotes = pronoun_speakers = 0
    started = time.perf_counter()
    for doc in nlp.pipe(texts):
        try:
            found = list(triples.direct_quotations(doc))
        except Exception:  # what a user of textacy meets: the article yields nothing
            failed += 1
            continue
        quotes += len(found)
        for quote in found:
            words = [t.lower_ for t in quote.speaker]
            if words and all(w in PRONOUNS for w in words):
                pronoun_speakers += 1
    elapsed = time.perf_counter() - started
    return {
        "failed": failed,
        "direct": quotes,
        "indirect": 0,
        "pronoun_speakers": pronoun_speakers,
        "named_speakers": quotes - pronoun_speakers,
        "no_speaker": 0,
        "rate": len(texts) / elapsed,
    }


def run_spinscope(paths: list[str]) -> dict[str, float]:
    from spinscope.pipeline import analyze_many

    failed = direct = indirect = pronoun_speakers = named = no_speaker = 0
    started = time.perf_counter()
    for outcome in analyze_many(paths, jobs=1):
        if outcome.document is None:
            failed += 1
            continue
        for quote in outcome.document.quotes:
            if quote.kind == "direct":
                direct += 1
            else:
                indirect += 1
            if quote.speaker is None:
                no_speaker += 1
            else:
                if quote.speaker.name.lower() in PRONOUNS:
                    pronoun_speakers += 1
                elif quote.speaker.entity_id is not None:
                    named += 1
    elapsed = time.perf_counter() - started
    return {
        "failed": failed,
        "direct": direct,
        "indirect": indirect,
        "pronoun_speakers": pronoun_speakers,
        "named_speakers": named,
        "no_speaker": no_speaker,
        "rate": len(paths) / elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    paths = sorted(str(p) for p in args.directory.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"no .txt articles in {args.directory}", file=sys.stderr)
        return 1
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    rows = {"textacy direct_quotations": run_textacy(texts), "spinscope": run_spinscope(paths)}
    print(f"{len(paths)} articles from {args.directory}, one process each\n")
    header = (
        f"{'':28}{'failed':>10}{'direct':>9}{'indirect':>10}"
        f"{'speaker=pronoun':>17}{'speaker named':>15}{'no speaker':>12}{'art/s':>8}"
    )
    print(header)
    for name, row in rows.items():
        failed_share = 100 * row["failed"] / len(paths)
        print(
            f"{name:28}{int(row['failed']):>4} ({failed_share:3.0f}%){int(row['direct']):>9}"
            f"{int(row['indirect']):>10}{int(row['pronoun_speakers']):>17}"
            f"{int(row['named_speakers']):>15}{int(row['no_speaker']):>12}{row['rate']:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
