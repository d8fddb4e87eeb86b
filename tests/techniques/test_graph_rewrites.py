"""The layer-norm rewrite computes what onnxruntime's fused kernel does."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
onnxruntime = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from spinscope.techniques.graph_rewrites import unfuse_layer_norms  # noqa: E402

HIDDEN = 16


def _skip_layer_norm_model(path: Path, with_bias: bool) -> None:
    rng = np.random.default_rng(3)
    weights = {
        "gamma": rng.normal(1.0, 0.2, HIDDEN).astype(np.float32),
        "beta": rng.normal(0.0, 0.2, HIDDEN).astype(np.float32),
        "dense.bias": rng.normal(0.0, 0.5, HIDDEN).astype(np.float32),
    }
    inputs = ["x", "skip", "gamma", "beta"] + (["dense.bias"] if with_bias else [])
    nodes = [
        helper.make_node(
            "SkipLayerNormalization",
            inputs,
            ["normed"],
            domain="com.microsoft",
            epsilon=1e-5,
            name="layer0",
        ),
        helper.make_node("Relu", ["normed"], ["y"]),  # a consumer after the rewrite
    ]
    graph = helper.make_graph(
        nodes,
        "g",
        [
            helper.make_tensor_value_info("x", TensorProto.FLOAT, ["b", "t", HIDDEN]),
            helper.make_tensor_value_info("skip", TensorProto.FLOAT, ["b", "t", HIDDEN]),
        ],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["b", "t", HIDDEN])],
        [numpy_helper.from_array(value, name) for name, value in weights.items()],
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    )
    onnx.save(model, str(path))


def _run(path: Path, feed: dict[str, np.ndarray]) -> np.ndarray:
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    result: np.ndarray = session.run(None, feed)[0]
    return result


@pytest.mark.parametrize("with_bias", [True, False])
def test_unfused_layer_norm_gives_the_fused_kernels_output(tmp_path: Path, with_bias: bool) -> None:
    path = tmp_path / "model.onnx"
    _skip_layer_norm_model(path, with_bias)
    rng = np.random.default_rng(4)
    feed = {
        "x": rng.normal(0.5, 2.0, (3, 7, HIDDEN)).astype(np.float32),
        "skip": rng.normal(-0.5, 1.0, (3, 7, HIDDEN)).astype(np.float32),
    }
    fused = _run(path, feed)

    assert unfuse_layer_norms(path) == 1

    graph = onnx.load(str(path)).graph
    operators = [node.op_type for node in graph.node]
    assert "SkipLayerNormalization" not in operators
    assert operators.count("ReduceMean") == 2
    assert operators.count("Add") == (4 if with_bias else 3)
    onnx.checker.check_model(onnx.load(str(path)))
    unfused = _run(path, feed)
    np.testing.assert_allclose(unfused, fused, atol=1e-5)
    # by hand: (x + bias + skip) normalised over the last axis, then scaled and shifted
    weights = {item.name: numpy_helper.to_array(item) for item in graph.initializer}
    summed = feed["x"] + feed["skip"] + (weights["dense.bias"] if with_bias else 0)
    mean = summed.mean(-1, keepdims=True)
    variance = ((summed - mean) ** 2).mean(-1, keepdims=True)
    expected = (summed - mean) / np.sqrt(variance + 1e-5) * weights["gamma"] + weights["beta"]
    np.testing.assert_allclose(unfused, np.maximum(expected, 0), atol=1e-5)


def test_a_graph_without_fused_layer_norms_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "plain.onnx"
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])],
    )
    onnx.save(helper.make_model(graph), str(path))
    before = path.read_bytes()
    assert unfuse_layer_norms(path) == 0
    assert path.read_bytes() == before
