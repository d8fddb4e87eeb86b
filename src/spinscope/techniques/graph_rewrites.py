"""Rewrites of the exported ONNX graph that onnxruntime runs faster on the CPU.

The transformer optimiser fuses each layer norm with the residual sum before it into one
``SkipLayerNormalization``. On one core, in onnxruntime 1.32, that kernel (like the standard
``LayerNormalization``) takes about 2.5 ms over 5 windows of 256 tokens, where the same sums,
means and scaling written as plain operators take about 0.6 ms: on the encoder's int8 file the
layer norms were 16% of its time, and unfusing them makes it about 13% faster
(``benchmarks/encoder_speed.py``). The other fused kernels are faster than what they replace
and stay. Measured and not done: replacing ``QAttention`` by its quantised projection and the
fp32 ``MultiHeadAttention`` kernel is faster only without an attention mask.

The rewrite keeps every weight and its name, so :func:`spinscope.techniques.export.
weights_from_int8` reads a rewritten file as it reads a fused one. In fp32 it computes what the
fused graph does to 3e-6.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np


def unfuse_layer_norms(model: Path) -> int:
    """Rewrite the ONNX file ``model`` in place with every ``SkipLayerNormalization`` written
    as plain operators; returns how many were rewritten."""
    import onnx
    from onnx import numpy_helper

    graph_model = onnx.load(str(model))
    graph = graph_model.graph
    epsilons: dict[str, np.ndarray] = {}
    nodes: list[Any] = []
    rewritten = 0
    for node in graph.node:
        if node.op_type == "SkipLayerNormalization":
            nodes.extend(_layer_norm_nodes(node, epsilons))
            rewritten += 1
        else:
            nodes.append(node)
    if rewritten:
        del graph.node[:]
        graph.node.extend(nodes)
        graph.initializer.extend(
            numpy_helper.from_array(value, name) for name, value in epsilons.items()
        )
        onnx.save(graph_model, str(model))
    return rewritten


def _layer_norm_nodes(node: Any, epsilons: dict[str, np.ndarray]) -> list[Any]:
    """``SkipLayerNormalization(x, skip, gamma, beta[, bias])`` as plain operators (opset 17:
    ``ReduceMean`` takes its axes as an attribute); its epsilon is added to ``epsilons``."""
    from onnx import helper

    if len([name for name in node.output if name]) != 1:
        raise ValueError(f"{node.name}: a layer norm whose mean or variance is read elsewhere")
    epsilon = next(
        (attribute.f for attribute in node.attribute if attribute.name == "epsilon"), 1e-12
    )
    epsilon_name = f"layer_norm_epsilon_{epsilon:.3g}"
    epsilons[epsilon_name] = np.array(epsilon, dtype=np.float32)
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
