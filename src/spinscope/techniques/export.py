"""Export a trained network to ONNX and quantise it to int8, per channel.

Plain (per-tensor) int8 was measured to drift to a cosine of 0.94 from fp32 on this encoder;
per-channel keeps it at 0.99, so only per-channel is offered.

Before quantising, onnxruntime's transformer optimiser fuses the encoder's subgraphs into its
BERT kernels (embedding and layer norms, attention, bias and GELU): exported with eager
attention, each layer's attention becomes one ``Attention`` node, which quantises to one
``QAttention``. The fused fp32 graph computes what the plain one does (to 1e-6); the fused int8
encoder was measured 1.13 times as fast on one core (``benchmarks/encoder_speed.py``). Two of
the int8 file's fused kernels, the layer norms and the attentions, are then rewritten into
operators onnxruntime runs faster (:mod:`spinscope.techniques.graph_rewrites`).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.errors import SpinscopeError
from spinscope.techniques.graph_rewrites import rewrite_for_cpu

ONNX_FP32 = "model.fp32.onnx"
ONNX_INT8 = "model.onnx"
TOKENIZER = "tokenizer.json"


def export(
    weights: Path,
    output: Path,
    encoder: Path | None = None,
    fuse: bool = True,
    rewrite: bool = True,
) -> Path:
    """Write ``model.fp32.onnx``, ``model.onnx`` (int8) and ``tokenizer.json`` into ``output``;
    ``fuse=False`` keeps the unfused graph and ``rewrite=False`` the fused int8 kernels (both
    for comparison)."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from spinscope.techniques.model import ProbabilityExport, encoder_path, network_from_weights

    encoder = encoder or encoder_path()
    network = network_from_weights(weights, encoder)
    if fuse:  # the optimiser recognises the eager attention subgraph, not torch's SDPA call
        network.encoder.set_attn_implementation("eager")
    output.mkdir(parents=True, exist_ok=True)
    dummy: tuple[torch.Tensor, ...] = (
        torch.ones((2, 16), dtype=torch.long),
        torch.ones((2, 16), dtype=torch.long),
    )
    names = ["input_ids", "attention_mask"]
    if network.sentence_context:
        dummy = (*dummy, torch.arange(32, dtype=torch.long).reshape(2, 16) // 5)
        names.append("sentence_ids")
    fp32 = output / ONNX_FP32
    torch.onnx.export(
        ProbabilityExport(network),
        dummy,
        str(fp32),
        input_names=names,
        output_names=["probabilities"],
        dynamic_axes={
            **{name: {0: "batch", 1: "tokens"} for name in names},
            "probabilities": {0: "batch", 1: "tokens"},
        },
        opset_version=17,
        dynamo=False,
    )
    if fuse:
        fuse_encoder(fp32, network.encoder.config)
    int8 = output / ONNX_INT8
    quantize_dynamic(
        str(fp32),
        str(int8),
        weight_type=QuantType.QInt8,
        per_channel=True,
        # the fused nodes are contrib operators, whose outputs shape inference cannot type
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    if fuse and rewrite:
        rewrite_for_cpu(int8)
    shutil.copy(encoder / "tokenizer.json", output / TOKENIZER)
    return int8


def fuse_encoder(model: Path, config: Any) -> None:
    """Rewrite the ONNX file ``model`` in place with the encoder's subgraphs fused into
    onnxruntime's BERT operators."""
    from onnxruntime.transformers import optimizer

    optimizer.optimize_model(
        str(model),
        model_type="bert",
        num_heads=int(config.num_attention_heads),
        hidden_size=int(config.hidden_size),
        opt_level=1,
    ).save_model_to_file(str(model))


def exported_model(folder: Path, note: str = "") -> Path:
    """``folder`` when it holds an exported model (``model.onnx``), else a one-line error."""
    if not (folder / ONNX_INT8).is_file():
        raise SpinscopeError(f"{folder}: no {ONNX_INT8} in it" + (f" ({note})" if note else ""))
    return folder


def torch_probabilities(
    weights: Path,
    input_ids: np.ndarray,
    attention: np.ndarray,
    encoder: Path | None = None,
    sentence_ids: np.ndarray | None = None,
) -> np.ndarray:
    """The fp32 network's output in torch, to check an export against."""
    import torch

    from spinscope.techniques.model import ProbabilityExport, network_from_weights

    network = network_from_weights(weights, encoder)
    with torch.no_grad():
        result = ProbabilityExport(network)(
            torch.from_numpy(input_ids),
            torch.from_numpy(attention),
            None if sentence_ids is None else torch.from_numpy(sentence_ids),
        )
    probabilities: np.ndarray = result.numpy()
    return probabilities


def weights_from_int8(model: Path) -> dict[str, Any]:
    """The network's weights read back from an int8 export: each quantised weight is its
    int8 values times its per-channel scale. Quantising these again gives the same int8
    values, so an older export can be re-exported through the current (fused) graph without
    its training run, and a shipped model can be trained further. A MatMul weight's name is
    that of the bias added to its product; a fused attention's packed query, key and value
    weights (``Attention_<layer>_qkv_weight``) are split back into the three."""
    import onnx
    import torch
    from onnx import numpy_helper

    graph = onnx.load(str(model)).graph
    arrays = {item.name: numpy_helper.to_array(item) for item in graph.initializer}
    consumers: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    prefix = "network."
    quantised = {name[: -len("_quantized")] for name in arrays if name.endswith("_quantized")}
    state: dict[str, Any] = {
        name[len(prefix) :]: torch.from_numpy(value.astype(np.float32))
        for name, value in arrays.items()
        if name.startswith(prefix) and not name.endswith(("_scale", "_zero_point", "_quantized"))
    }
    for base in sorted(quantised):
        values = arrays[base + "_quantized"].astype(np.float32)
        scale = arrays[base + "_scale"].astype(np.float32)
        zero = arrays[base + "_zero_point"].astype(np.float32)
        if base.startswith(prefix):  # an embedding table, quantised per row
            rows = (-1, 1) if scale.ndim else ()
            table = (values - zero.reshape(rows)) * scale.reshape(rows)
            state[base[len(prefix) :]] = torch.from_numpy(table)
            continue
        weight = (values - zero) * scale  # (inputs, outputs), one scale per output
        packed = _PACKED_ATTENTION.fullmatch(base)
        if packed:
            layer = f"encoder.encoder.layer.{packed.group(1)}.attention.self"
            bias = arrays[f"Attention_{packed.group(1)}_qkv_bias"].astype(np.float32)
            for part, rows, values_of_bias in zip(
                ("query", "key", "value"),
                np.split(weight.T, 3),
                np.split(bias, 3),
                strict=True,
            ):
                state[f"{layer}.{part}.weight"] = torch.from_numpy(rows.copy())
                state[f"{layer}.{part}.bias"] = torch.from_numpy(values_of_bias.copy())
            continue
        state[_bias_after(base + "_quantized", consumers, prefix)] = torch.from_numpy(
            weight.T.copy()
        )
    return state


_PACKED_ATTENTION = re.compile(r"Attention_(\d+)_qkv_weight")
_FUSED_BIAS_INPUT = {"SkipLayerNormalization": 4, "BiasGelu": 1}
"""Fused operators that add a layer's bias to a product, and the position of that bias."""


def _bias_after(tensor: str, consumers: dict[str, list[Any]], prefix: str) -> str:
    """The weight name of the layer whose bias is added downstream of ``tensor``."""
    frontier = [tensor]
    for _ in range(6):  # MatMulInteger, Cast, Mul (scales), Add (bias)
        following: list[str] = []
        for name in frontier:
            for node in consumers.get(name, []):
                biases: list[str] = [
                    i for i in node.input if i.startswith(prefix) and i.endswith(".bias")
                ]
                if node.op_type == "Add" and biases:
                    return biases[0][len(prefix) : -len("bias")] + "weight"
                position = _FUSED_BIAS_INPUT.get(node.op_type)
                if position is not None and len(node.input) > position:
                    bias: str = node.input[position]
                    return bias[len(prefix) : -len("bias")] + "weight"
                following.extend(node.output)
        frontier = following
    raise ValueError(f"{tensor}: no bias is added to its product")


def reexport(model_dir: Path, output: Path, encoder: Path | None = None) -> Path:
    """Export the network of an earlier int8 export again, through :func:`export`; its
    decoding rules are copied as they are."""
    import torch

    weights = output / "network-from-int8.pt"
    output.mkdir(parents=True, exist_ok=True)
    torch.save(weights_from_int8(model_dir / ONNX_INT8), weights)
    model = export(weights, output, encoder)
    for name in ("decoding.json", "training.json"):
        if (model_dir / name).exists() and model_dir.resolve() != output.resolve():
            shutil.copy(model_dir / name, output / name)
    return model
