"""``spinscope evaluate techniques``: score predicted technique spans against a gold folder."""

from __future__ import annotations

import json
import sys
from typing import IO

from spinscope.techniques.scoring import Overlaps, evaluate, format_report

EXIT_OK, EXIT_FAILED = 0, 1


def evaluate_techniques(
    gold: str,
    pred: str,
    *,
    as_json: bool = False,
    flc_overlaps: Overlaps = "merge",
    out: IO[str] | None = None,
    err: IO[str] | None = None,
) -> int:
    """Print the report (a table, or JSON) and return the exit code; a problem with the inputs
    is one ``spinscope: error: ...`` line on ``err`` and exit code 1."""
    # Resolved at call time, not as defaults, so a redirected sys.stdout (tests) is honoured.
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    try:
        report = evaluate(gold, pred, flc_overlaps=flc_overlaps)
    except OSError as error:
        # str(OSError) reads "[Errno 2] No such file or directory: 'x'"; name the file first.
        where = error.filename if error.filename is not None else pred
        print(f"spinscope: error: {where}: {error.strerror or error}", file=err)
        return EXIT_FAILED
    except ValueError as error:
        print(f"spinscope: error: {error}", file=err)
        return EXIT_FAILED
    if as_json:
        out.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        out.write(format_report(report) + "\n")
    return EXIT_OK
