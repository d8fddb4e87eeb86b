"""``spinscope train satire``: fit the wording model on paired articles and report how it
ranks satires it was not fitted on."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from spinscope.satire.training import (
    UNPAIRED_STRAIGHT,
    choose_penalty,
    rank_auc,
    read_pairs,
    read_straight,
)
from spinscope.satire.wording import fit_wording


def train_satire(args: argparse.Namespace) -> int:
    pairs = [p for folder in args.data for p in read_pairs(Path(folder))]
    pairs += [p for folder in args.straight or () for p in read_straight(Path(folder))]
    labels = [p.satire for p in pairs]
    l2, losses, logits = choose_penalty(pairs)
    model = fit_wording([p.text for p in pairs], labels, l2)
    straight = logits[~np.asarray(labels)]
    report: dict[str, object] = {
        "pairs": len({p.pair for p in pairs if p.genre != UNPAIRED_STRAIGHT}),
        "unpaired_straight": sum(p.genre == UNPAIRED_STRAIGHT for p in pairs),
        "texts": len(pairs),
        "l2": l2,
        "out_of_fold_log_loss_by_l2": {str(k): round(v, 4) for k, v in losses.items()},
        "out_of_fold_auc": round(rank_auc(logits, labels), 4),
        "out_of_fold_accuracy_at_zero": round(
            float(np.mean((logits > 0) == np.asarray(labels))), 4
        ),
        "out_of_fold_straight_logit_quantiles": {
            str(q): round(float(np.quantile(straight, q)), 4) for q in (0.5, 0.9, 0.95, 1.0)
        },
        "known_words": len(model.idf),
    }
    unpaired = np.asarray([p.genre == UNPAIRED_STRAIGHT for p in pairs])
    if unpaired.any():
        report["out_of_fold_unpaired_straight_logit_quantiles"] = {
            str(q): round(float(np.quantile(logits[unpaired], q)), 4) for q in (0.5, 0.9, 0.95, 1.0)
        }
    folders = [str(folder) for folder in args.data]
    if args.straight:
        report["straight_folders"] = [str(folder) for folder in args.straight]
    model.save(Path(args.output), training={"data": folders, **report})
    print(json.dumps(report, indent=2))
    return 0
