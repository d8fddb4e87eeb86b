"""Rewrites of the exported int8 ONNX graph that onnxruntime runs faster on the CPU.

onnxruntime's transformer optimiser fuses each layer's subgraphs into its BERT kernels. On one
core, in onnxruntime 1.32, two of those kernels are slower than plain operators doing the same
(5 windows of 256 tokens, ``benchmarks/encoder_speed.py``):

- ``SkipLayerNormalization`` (a residual sum and a layer norm) takes about 2.5 ms where the
  same sums, means and scaling written as plain operators take 0.6 ms; it was 16% of the
  encoder's time.
- ``QAttention`` with its mask takes 13.9 ms a layer where its quantised projection
  (``DynamicQuantizeMatMul``) and the fp32 ``MultiHeadAttention`` kernel without a mask take
  11.7 ms. With a padding mask that kernel is no faster, so each attention becomes an ``If``:
  when no window in the batch is padded (the predictor's windows never are: all have the full
  length, or there is one), the kernel runs unmasked; otherwise masked, which gives what
  ``QAttention`` gives.

The two make the encoder about 20% faster. The rewrites keep every weight and its name, so
:func:`spinscope.techniques.export.weights_from_int8` reads a rewritten file as it reads a
fused one; in fp32 the layer norms compute what the fused kernel does to 3e-6.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

UNPADDED = "batch_is_unpadded"
"""The graph's boolean: no window of the batch has a masked token."""


def rewrite_for_cpu(model: Path) -> dict[str, int]:
    """Rewrite the ONNX file ``model`` in place; returns how many layer norms and attentions
    were rewritten."""
    import onnx
    from onnx import numpy_helper

    graph_model = onnx.load(str(model))
    graph = graph_model.graph
    producers = {output: node for node in graph.node for output in node.output}
    readers: dict[str, int] = {}
    for node in graph.node:
        for name in node.input:
            readers[name] = readers.get(name, 0) + 1
    shapes = {item.name: list(item.dims) for item in graph.initializer}
    constants: dict[str, np.ndarray] = {}
    nodes: list[Any] = []
    counts = {"layer norms": 0, "attentions": 0}
    unneeded: set[str] = set()  # outputs of quantisers that only a rewritten attention read
    mask = ""
    for node in graph.node:
        if node.op_type == "SkipLayerNormalization":
            nodes.extend(_layer_norm_nodes(node, constants))
            counts["layer norms"] += 1
            continue
        attention = (
            _attention_nodes(node, producers, shapes, constants)
            if node.op_type == "QAttention"
            else None
        )
        if attention is None:
            nodes.append(node)
            continue
        nodes.extend(attention[0])
        mask = mask or attention[1]
        quantiser = producers[node.input[0]]
        if all(readers.get(name, 0) <= 1 for name in quantiser.output):
            unneeded.update(quantiser.output)
        counts["attentions"] += 1
    if not any(counts.values()):
        return counts
    if counts["attentions"]:
        constants["one_int32"] = np.array(1, dtype=np.int32)
        made = next((i + 1 for i, node in enumerate(nodes) if mask in node.output), 0)
        nodes[made:made] = _unpadded_nodes(mask)  # where the mask is known, before its readers
    del graph.node[:]
    graph.node.extend(node for node in nodes if not unneeded.intersection(node.output))
    graph.initializer.extend(
        numpy_helper.from_array(value, name) for name, value in constants.items()
    )
    onnx.save(graph_model, str(model))
    return counts


def _layer_norm_nodes(node: Any, constants: dict[str, np.ndarray]) -> list[Any]:
    """``SkipLayerNormalization(x, skip, gamma, beta[, bias])`` as plain operators (opset 17:
    ``ReduceMean`` takes its axes as an attribute); its epsilon is added to ``constants``."""
    from onnx import helper

    if len([name for name in node.output if name]) != 1:
        raise ValueError(f"{node.name}: a layer norm whose mean or variance is read elsewhere")
    epsilon = next(
        (attribute.f for attribute in node.attribute if attribute.name == "epsilon"), 1e-12
    )
    epsilon_name = f"layer_norm_epsilon_{epsilon:.3g}"
    constants[epsilon_name] = np.array(epsilon, dtype=np.float32)
    x, skip, gamma, beta = node.input[:4]
    bias = node.input[4] if len(node.input) > 4 else ""
    stem = node.name or node.output[0]

    def name(part: str) -> str:
        return f"{stem}/{part}"

    nodes = []
    summed = x
    if bias:
        nodes.append(helper.make_node("Add", [x, bias], [name("biased")], name=name("bias")))
        summed = name("biased")
    nodes += [
        helper.make_node("Add", [summed, skip], [name("sum")], name=name("skip")),
        helper.make_node("ReduceMean", [name("sum")], [name("mean")], name=name("mean"), axes=[-1]),
        helper.make_node("Sub", [name("sum"), name("mean")], [name("centred")], name=name("c")),
        helper.make_node("Mul", [name("centred")] * 2, [name("squared")], name=name("square")),
        helper.make_node(
            "ReduceMean", [name("squared")], [name("variance")], name=name("variance"), axes=[-1]
        ),
        helper.make_node(
            "Add", [name("variance"), epsilon_name], [name("stable")], name=name("epsilon")
        ),
        helper.make_node("Sqrt", [name("stable")], [name("deviation")], name=name("sqrt")),
        helper.make_node(
            "Div", [name("centred"), name("deviation")], [name("normed")], name=name("div")
        ),
        helper.make_node("Mul", [name("normed"), gamma], [name("scaled")], name=name("gamma")),
        helper.make_node("Add", [name("scaled"), beta], [node.output[0]], name=name("beta")),
    ]
    return nodes


def _attention_nodes(
    node: Any,
    producers: dict[str, Any],
    shapes: dict[str, list[int]],
    constants: dict[str, np.ndarray],
) -> tuple[list[Any], str] | None:
    """A ``QAttention`` as its quantised projection, a split into query, key and value, and an
    ``If`` between unmasked and masked ``MultiHeadAttention``; with the (batch, tokens) int32
    mask it reads. None when the graph around it is not the optimiser's (its input not
    quantised by a ``DynamicQuantizeLinear``, a past state, a mask of another kind)."""
    from onnx import TensorProto, helper

    inputs = list(node.input) + [""] * (9 - len(node.input))
    quantised, weight, bias, _, weight_scale, mask_index, _, weight_zero, past = inputs
    quantiser = producers.get(quantised)
    mask_maker = producers.get(mask_index)
    if (
        quantiser is None
        or quantiser.op_type != "DynamicQuantizeLinear"
        or past
        or not weight_zero
        or weight not in shapes
        or mask_maker is None
        or mask_maker.op_type not in ("EmbedLayerNormalization", "QEmbedLayerNormalization")
        or len(mask_maker.input) < 8
    ):
        return None
    mask = str(mask_maker.input[7])  # the embedding layer norm's attention mask
    heads = next(attribute.i for attribute in node.attribute if attribute.name == "num_heads")
    stem = node.name or node.output[0]
    sizes = f"{stem}/split_sizes"
    constants[sizes] = np.array([shapes[weight][-1] // 3] * 3, dtype=np.int64)
    parts = [f"{stem}/query", f"{stem}/key", f"{stem}/value"]

    def branch(name: str, padding_mask: list[str]) -> Any:
        result = f"{stem}/{name}"
        kernel = helper.make_node(
            "MultiHeadAttention",
            parts + padding_mask,
            [result],
            name=f"{stem}/{name}_attention",
            domain="com.microsoft",
            num_heads=heads,
        )
        output = helper.make_tensor_value_info(result, TensorProto.FLOAT, None)
        return helper.make_graph([kernel], f"{stem}/{name}", [], [output])

    nodes = [
        helper.make_node(
            "DynamicQuantizeMatMul",
            [quantiser.input[0], weight, weight_scale, weight_zero, bias],
            [f"{stem}/qkv"],
            name=f"{stem}/projection",
            domain="com.microsoft",
        ),
        helper.make_node("Split", [f"{stem}/qkv", sizes], parts, name=f"{stem}/split", axis=2),
        helper.make_node(
            "If",
            [UNPADDED],
            [node.output[0]],
            name=f"{stem}/attention",
            then_branch=branch("unmasked", []),
            else_branch=branch("masked", ["", mask]),
        ),
    ]
    return nodes, mask


def _unpadded_nodes(mask: str) -> list[Any]:
    """Set :data:`UNPADDED` from the int32 mask (true when it has no zero)."""
    from onnx import helper

    return [
        helper.make_node("ReduceMin", [mask], ["mask_minimum"], name="mask_minimum", keepdims=0),
        helper.make_node("Equal", ["mask_minimum", "one_int32"], [UNPADDED], name="unpadded"),
    ]
