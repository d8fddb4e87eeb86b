"""Speed of the technique encoder's ONNX export, fused and unfused, in one run.

Usage: python benchmarks/encoder_speed.py [--weights network.pt] [--windows N] [--rounds N]

Exports one network three times (``export(..., fuse=False)``, fused with ``rewrite=False``,
and the default: fused, then rewritten as :mod:`spinscope.techniques.graph_rewrites` says,
which is what ships), then
times each int8 and fp32 file on one thread over the same article-sized batch of 256-token
windows, alternating files round by round so a busy machine slows all alike. Prints the
median milliseconds per window, each file's ratio to the unfused int8 file (what earlier
releases shipped), and how far each file's probabilities are from the unfused fp32 file's.
Needs the train extra. Without ``--weights`` the plain MiniLM encoder with a fresh head is
timed: speed does not depend on the trained weights.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", type=Path, help="a trained network.pt")
    parser.add_argument("--windows", type=int, default=5, help="windows per batch (an article)")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()

    import onnxruntime
    import torch

    from spinscope.techniques.corpus import OUTPUTS
    from spinscope.techniques.export import ONNX_FP32, ONNX_INT8, export
    from spinscope.techniques.model import TechniqueTaggerNetwork
    from spinscope.techniques.windows import WINDOW_TOKENS

    folder = Path(tempfile.mkdtemp(prefix="encoder-speed-"))
    weights = args.weights
    if weights is None:
        torch.manual_seed(0)
        weights = folder / "network.pt"
        torch.save(TechniqueTaggerNetwork(OUTPUTS).state_dict(), weights)
    export(weights, folder / "unfused", fuse=False)
    export(weights, folder / "fused", rewrite=False)
    export(weights, folder / "shipped")
    files = {
        "unfused int8": folder / "unfused" / ONNX_INT8,
        "unfused fp32": folder / "unfused" / ONNX_FP32,
        "fused int8": folder / "fused" / ONNX_INT8,
        "fused fp32": folder / "fused" / ONNX_FP32,
        "rewritten int8": folder / "shipped" / ONNX_INT8,
    }
    rng = np.random.default_rng(0)
    ids = rng.integers(1000, 29000, size=(args.windows, WINDOW_TOKENS)).astype(np.int64)
    ids[:, 0], ids[:, -1] = 101, 102
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    sessions = {}
    for name, path in files.items():
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        sessions[name] = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
        sessions[name].run(None, feed)  # warm-up
    seconds: dict[str, list[float]] = {name: [] for name in files}
    outputs: dict[str, np.ndarray] = {}
    for _ in range(args.rounds):
        for name, session in sessions.items():
            started = time.perf_counter()
            outputs[name] = session.run(None, feed)[0]
            seconds[name].append(time.perf_counter() - started)
    base = float(np.median(seconds["unfused int8"]))
    reference = outputs["unfused fp32"]
    print(f"{args.windows} windows of {WINDOW_TOKENS} tokens, 1 thread, {args.rounds} rounds")
    for name in files:
        median = float(np.median(seconds[name]))
        drift = float(np.abs(outputs[name] - reference).max())
        print(
            f"{name:14} {1000 * median / args.windows:7.1f} ms/window  "
            f"{base / median:5.2f}x the unfused int8 speed  "
            f"max |p - unfused fp32| {drift:.2e}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
