"""``spinscope train techniques``: fine-tune the encoder for technique spans, resumably.

Fixed seeds, a JSON-lines log, a progress bar, and a checkpoint every few hundred steps and at
each epoch's end: a stopped run started again with the same arguments carries on where it was.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.techniques.corpus import (
    LABELS,
    OUTPUTS,
    LabelledText,
    read_marked,
    read_training_data,
)
from spinscope.techniques.segmentation import sentence_spans
from spinscope.techniques.windows import (
    BODY_TOKENS,
    encode,
    load_tokenizer,
    token_labels,
    token_sentences,
)

CHECKPOINT = "checkpoint.pt"
SNAPSHOT = "snapshot-{step}.pt"
WEIGHTS = "network.pt"
SUMMARY = "training.json"
LOG = "train.log"


@dataclass(slots=True)
class TrainingConfig:
    epochs: int = 4
    batch_size: int = 16
    learning_rate: float = 1e-4
    head_learning_rate: float = 1e-3
    warmup_share: float = 0.06
    stride: int = 128
    """Training windows overlap by half, so every token is seen near a window's centre."""
    seed: int = 13
    use_memes: bool = True
    max_pos_weight: float = 20.0
    """Rare techniques weigh more in the loss, by sqrt(negatives/positives), capped here."""
    limit: int = 0
    """Train on only the first N texts (0: all), for quick runs and tests."""
    max_steps: int = 0
    """Stop after this many optimiser steps (0: run all epochs)."""
    checkpoint_every: int = 200
    threads: int = 0
    """torch threads (0: all cores)."""
    init_from: str = ""
    """Start from these trained weights (a ``network.pt``) instead of the plain encoder, to
    train a finished model further with a fresh schedule."""
    sentence_context: bool = False
    """Let the head see the mean state of each token's sentence as well as the token's."""
    snapshots: int = 0
    """Save the weights this many times, evenly over the run (``snapshot-STEP.pt``), to be
    averaged into the final weights (0: none; the final weights are the last step's)."""
    average_with_init: bool = False
    """Average the ``init_from`` weights in with the snapshots."""
    teachers: list[str] = field(default_factory=list)
    """Exported models (``model.onnx`` folders) whose mean probabilities the network learns
    beside the gold labels: distilling an ensemble into one network (see ``distillation``)."""
    teacher_weight: float = 0.5
    """The teachers' share of each training target; the gold labels have the rest."""
    written: list[str] = field(default_factory=list)
    """Folders of texts written and labelled for this project (``corpus.read_marked``), added
    to the training side (after ``limit``, which counts PTC and meme texts only)."""
    written_repeats: int = 1
    """How many times each written text is seen per epoch (they are few beside PTC)."""


@dataclass(slots=True)
class TrainingWindow:
    ids: np.ndarray
    labels: np.ndarray
    sentences: np.ndarray
    """Per token, the index of its sentence in the text (see ``windows.token_sentences``)."""


def build_windows(
    examples: list[LabelledText], tokenizer: Any, stride: int
) -> list[TrainingWindow]:
    index = {label: i for i, label in enumerate(LABELS)}
    windows: list[TrainingWindow] = []
    for example in examples:
        encoded = encode(tokenizer, example.text)
        if len(encoded.ids) == 0:
            continue
        spans = [(s, e, index[t]) for s, e, t in example.spans if t in index]
        labels = token_labels(encoded, spans, OUTPUTS)
        sentences = token_sentences(encoded.offsets, sentence_spans(example.text))
        count = len(encoded.ids)
        starts = (
            [0]
            if count <= BODY_TOKENS
            else [*range(0, count - BODY_TOKENS, stride), count - BODY_TOKENS]
        )
        for start in starts:
            end = start + BODY_TOKENS
            windows.append(
                TrainingWindow(encoded.ids[start:end], labels[start:end], sentences[start:end])
            )
    return windows


def epoch_batches(windows: list[TrainingWindow], batch_size: int, seed: int) -> list[list[int]]:
    """Batches of similar length in a seeded random order: a short meme text padded to a
    full news window would cost as much as one."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(windows))
    short = [int(i) for i in order if len(windows[i].ids) < 64]
    long = [int(i) for i in order if len(windows[i].ids) >= 64]
    batches = [
        group[i : i + batch_size]
        for group in (short, long)
        for i in range(0, len(group), batch_size)
    ]
    return [batches[i] for i in rng.permutation(len(batches))]


def positive_weights(windows: list[TrainingWindow], cap: float) -> np.ndarray:
    stacked = np.concatenate([w.labels for w in windows])
    positives = stacked.sum(axis=0)
    negatives = len(stacked) - positives
    ratio = np.sqrt(negatives / np.maximum(positives, 1.0))
    weights: np.ndarray = np.clip(ratio, 1.0, cap).astype(np.float32)
    return weights


def snapshot_schedule(total_steps: int, snapshots: int) -> set[int]:
    """The steps after which a snapshot is saved: evenly spaced, the last at the end."""
    if snapshots <= 0:
        return set()
    return {round(total_steps * (k + 1) / snapshots) for k in range(snapshots)} - {0}


def average_weights(paths: list[Path]) -> dict[str, Any]:
    """The element-wise mean of saved weights of one architecture (a "model soup"): runs
    fine-tuned from one starting point stay in one basin, where their mean predicts like
    their ensemble at the cost of one network."""
    import torch

    states = [torch.load(path, weights_only=True) for path in paths]
    if not states:
        raise ValueError("nothing to average")
    keys = set(states[0])
    for path, state in zip(paths, states, strict=True):
        if set(state) != keys:
            raise ValueError(f"{path}: not the same network as {paths[0]}")
    mean: dict[str, Any] = {}
    for key in states[0]:
        first = states[0][key]
        if first.is_floating_point():
            mean[key] = sum(state[key] for state in states) / len(states)
        else:  # integer buffers (position ids) are equal in every member
            mean[key] = first
    return mean


def _seed_everything(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def train(
    data: Path,
    output: Path,
    config: TrainingConfig | None = None,
    encoder: Path | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
) -> Path:
    """Train (or resume training) into ``output``; returns the path of the final weights."""
    import torch
    from torch import nn

    from spinscope.techniques.model import TechniqueTaggerNetwork, encoder_path

    config = config or TrainingConfig()
    output.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(config.threads or os.cpu_count() or 1)
    _seed_everything(config.seed)
    encoder = encoder or encoder_path()
    tokenizer = load_tokenizer(encoder / "tokenizer.json")
    cls_id = tokenizer.token_to_id("[CLS]")
    sep_id = tokenizer.token_to_id("[SEP]")

    train_texts, _ = read_training_data(data, config.use_memes)
    if config.limit:
        train_texts = train_texts[: config.limit]
    for folder in config.written:
        train_texts.extend(read_marked(Path(folder)) * config.written_repeats)
    windows = build_windows(train_texts, tokenizer, config.stride)
    pos_weight = torch.tensor(positive_weights(windows, config.max_pos_weight))
    targets_by_window = [window.labels for window in windows]
    if config.teachers:
        from spinscope.techniques.distillation import cached_teacher_probabilities, soft_targets

        log(f"teacher probabilities from {len(config.teachers)} model(s)")
        teacher = cached_teacher_probabilities(
            output, windows, config.teachers, cls_id, sep_id, config.threads
        )
        targets_by_window = [
            soft_targets(window.labels, probabilities, config.teacher_weight)
            for window, probabilities in zip(windows, teacher, strict=True)
        ]
    steps_per_epoch = len(epoch_batches(windows, config.batch_size, config.seed))
    total_steps = steps_per_epoch * config.epochs
    if config.max_steps:
        total_steps = min(total_steps, config.max_steps)
    log(
        f"{len(train_texts)} texts, {len(windows)} windows, "
        f"{steps_per_epoch} steps per epoch, {total_steps} steps"
    )

    network = TechniqueTaggerNetwork(OUTPUTS, encoder, sentence_context=config.sentence_context)
    if config.init_from:
        network.load_trained(torch.load(config.init_from, weights_only=True))
    head_params = list(network.head.parameters())
    head_ids = {id(p) for p in head_params}
    optimizer = torch.optim.AdamW(
        [
            {
                "params": [p for p in network.parameters() if id(p) not in head_ids],
                "lr": config.learning_rate,
            },
            {"params": head_params, "lr": config.head_learning_rate},
        ],
        weight_decay=0.01,
    )
    warmup = max(1, int(total_steps * config.warmup_share))

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    loss_function = nn.BCEWithLogitsLoss(pos_weight=pos_weight, reduction="none")

    step = 0
    checkpoint = output / CHECKPOINT
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False)
        network.load_state_dict(state["network"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        step = int(state["step"])
        log(f"resuming from step {step}")

    def save_checkpoint() -> None:
        temporary = checkpoint.with_suffix(".tmp")
        torch.save(
            {
                "network": network.state_dict(),
                "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(),
                "step": step,
                "config": asdict(config),
            },
            temporary,
        )
        temporary.replace(checkpoint)  # never a half-written checkpoint

    from tqdm import tqdm

    snapshot_steps = snapshot_schedule(total_steps, config.snapshots)
    bar = tqdm(total=total_steps, initial=step, disable=not progress, desc="training")
    log_file = (output / LOG).open("a", encoding="utf-8")
    network.train()
    started = time.time()
    while step < total_steps:
        epoch, offset = divmod(step, steps_per_epoch)
        batches = epoch_batches(windows, config.batch_size, config.seed + epoch)
        for batch_number in range(offset, steps_per_epoch):
            if step >= total_steps:
                break
            chosen = [windows[i] for i in batches[batch_number]]
            length = max(len(w.ids) for w in chosen) + 2
            input_ids = torch.zeros((len(chosen), length), dtype=torch.long)
            attention = torch.zeros((len(chosen), length), dtype=torch.long)
            targets = torch.zeros((len(chosen), length, OUTPUTS))
            mask = torch.zeros((len(chosen), length, 1))
            sentence_ids = torch.full((len(chosen), length), -1, dtype=torch.long)
            for row, index in enumerate(batches[batch_number]):
                window = windows[index]
                n = len(window.ids)
                input_ids[row, 0] = cls_id
                input_ids[row, 1 : n + 1] = torch.from_numpy(window.ids)
                input_ids[row, n + 1] = sep_id
                attention[row, : n + 2] = 1
                targets[row, 1 : n + 1] = torch.from_numpy(targets_by_window[index])
                mask[row, 1 : n + 1] = 1.0
                sentence_ids[row, 1 : n + 1] = torch.from_numpy(window.sentences)
            logits = network(input_ids, attention, sentence_ids)
            losses = loss_function(logits, targets) * mask
            loss = losses.sum() / (mask.sum() * OUTPUTS)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.4f}", epoch=epoch + 1)
            log_file.write(
                json.dumps(
                    {
                        "step": step,
                        "epoch": epoch + 1,
                        "loss": round(loss.item(), 6),
                        "seconds": round(time.time() - started, 1),
                    }
                )
                + "\n"
            )
            log_file.flush()
            if step in snapshot_steps:
                torch.save(network.state_dict(), output / SNAPSHOT.format(step=step))
            if step % config.checkpoint_every == 0 or batch_number == steps_per_epoch - 1:
                save_checkpoint()
    bar.close()
    log_file.close()
    save_checkpoint()
    weights = output / WEIGHTS
    if snapshot_steps:
        members = [output / SNAPSHOT.format(step=s) for s in sorted(snapshot_steps)]
        if config.average_with_init:
            members.insert(0, Path(config.init_from))
        torch.save(average_weights(members), weights)
        log(f"final weights: the mean of {len(members)} snapshots")
    else:
        torch.save(network.state_dict(), weights)
    (output / SUMMARY).write_text(
        json.dumps(
            {
                "config": asdict(config),
                "labels": list(LABELS),
                "steps": step,
                "windows": len(windows),
                "texts": len(train_texts),
                "texts_by_source": dict(Counter(text.source for text in train_texts)),
                "pos_weight": [round(float(w), 3) for w in pos_weight],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return weights
