"""``spinscope train roles``: fit the role model and report leave-one-set-out accuracy."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spinscope.errors import SpinscopeError
from spinscope.roles.labels import LABELS_FILE, LabelError, load_labels
from spinscope.roles.training import (
    choose_penalties,
    fit,
    held_out_predictions,
    labelled_cases,
    leave_one_set_out,
    main_cast_found,
    pooled_accuracy,
    precision_by_role,
    recall_by_role,
)


def train_roles(args: argparse.Namespace) -> int:
    directories = [Path(d) for d in args.data]
    for directory in directories:
        if not (directory / LABELS_FILE).is_file():
            raise SpinscopeError(f"{directory}: no {LABELS_FILE} in it")
    if len(directories) < 2:
        raise SpinscopeError("give at least two labelled sets: one is always left out to score")
    try:
        cases = labelled_cases(directories, log=lambda line: print(line, file=sys.stderr))
    except LabelError as error:
        raise SpinscopeError(str(error)) from error
    (l2, unlabelled), by_penalties = choose_penalties(cases)
    report = leave_one_set_out(cases, l2, unlabelled)
    held_out = held_out_predictions(cases, l2, unlabelled)
    genres = {
        (directory.name, article.file): article.genre
        for directory in directories
        for article in load_labels(directory)
    }
    model = fit(cases, l2, unlabelled)
    model.save(Path(args.output))
    print(
        json.dumps(
            {
                "l2": l2,
                "unlabelled_weight": unlabelled,
                "pooled_accuracy_by_penalties": by_penalties,
                "leave_one_set_out": report,
                "pooled": {
                    "rules_accuracy": pooled_accuracy(report, "rules_accuracy"),
                    "model_accuracy": pooled_accuracy(report, "model_accuracy"),
                },
                "recall_by_gold_role": recall_by_role(held_out),
                "precision_by_cast_role": precision_by_role(held_out),
                "praise_and_blame_articles": main_cast_found(held_out, genres),
                "fitted_on": len([c for c in cases if c.features is not None]),
            },
            indent=2,
        )
    )
    return 0
