"""The graph rewrites compute what onnxruntime's fused kernels do."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
onnxruntime = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from spinscope.techniques.graph_rewrites import rewrite_for_cpu  # noqa: E402

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

    assert rewrite_for_cpu(path) == {"layer norms": 1, "attentions": 0}

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
    assert rewrite_for_cpu(path) == {"layer norms": 0, "attentions": 0}
    assert path.read_bytes() == before


HEADS, VOCABULARY, POSITIONS = 4, 50, 32


def _attention_model(path: Path) -> None:
    """Embeddings and a layer norm (which turn the mask into a mask index), then a quantised
    attention, as the optimiser and the quantiser leave an encoder layer."""
    rng = np.random.default_rng(5)
    weights = {
        "word": rng.normal(0, 1, (VOCABULARY, HIDDEN)).astype(np.float32),
        "position": rng.normal(0, 0.3, (POSITIONS, HIDDEN)).astype(np.float32),
        "segment": rng.normal(0, 0.1, (2, HIDDEN)).astype(np.float32),
        "gamma": np.ones(HIDDEN, dtype=np.float32),
        "beta": np.zeros(HIDDEN, dtype=np.float32),
        "qkv_weight": rng.integers(-127, 128, (HIDDEN, 3 * HIDDEN)).astype(np.int8),
        "qkv_scale": rng.uniform(0.002, 0.01, 3 * HIDDEN).astype(np.float32),
        "qkv_zero": np.zeros(3 * HIDDEN, dtype=np.int8),
        "qkv_bias": rng.normal(0, 0.1, 3 * HIDDEN).astype(np.float32),
    }
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids32"], to=TensorProto.INT32),
        helper.make_node("Cast", ["attention_mask"], ["mask32"], to=TensorProto.INT32),
        helper.make_node("Mul", ["ids32", "zero32"], ["segments"]),
        helper.make_node(
            "EmbedLayerNormalization",
            ["ids32", "segments", "word", "position", "segment", "gamma", "beta", "mask32"],
            ["embedded", "mask_index"],
            domain="com.microsoft",
            epsilon=1e-12,
        ),
        helper.make_node("DynamicQuantizeLinear", ["embedded"], ["q", "q_scale", "q_zero"]),
        helper.make_node(
            "QAttention",
            [
                "q",
                "qkv_weight",
                "qkv_bias",
                "q_scale",
                "qkv_scale",
                "mask_index",
                "q_zero",
                "qkv_zero",
            ],
            ["attended"],
            domain="com.microsoft",
            num_heads=HEADS,
            name="Attention_0",
        ),
    ]
    initializers = [numpy_helper.from_array(value, name) for name, value in weights.items()]
    initializers.append(numpy_helper.from_array(np.array(0, dtype=np.int32), "zero32"))
    graph = helper.make_graph(
        nodes,
        "g",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "t"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["b", "t"]),
        ],
        [helper.make_tensor_value_info("attended", TensorProto.FLOAT, ["b", "t", HIDDEN])],
        initializers,
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    )
    onnx.save(model, str(path))


def test_attention_runs_unmasked_only_when_no_window_is_padded(tmp_path: Path) -> None:
    path = tmp_path / "attention.onnx"
    _attention_model(path)
    rng = np.random.default_rng(6)
    ids = rng.integers(1, VOCABULARY, (3, 12)).astype(np.int64)
    full = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    mask = np.ones_like(ids)
    mask[1, 7:] = 0
    mask[2, 4:] = 0
    padded = {"input_ids": ids * mask, "attention_mask": mask}
    before = {name: _run(path, feed) for name, feed in (("full", full), ("padded", padded))}

    assert rewrite_for_cpu(path) == {"layer norms": 0, "attentions": 1}

    rewritten = onnx.load(str(path))
    onnx.checker.check_model(rewritten)
    operators = [node.op_type for node in rewritten.graph.node]
    assert "QAttention" not in operators
    assert operators.count("If") == 1
    assert "DynamicQuantizeLinear" not in operators  # only the old attention read it
    assert {item.name for item in rewritten.graph.initializer} >= {"qkv_weight", "qkv_bias"}
    np.testing.assert_allclose(_run(path, full), before["full"], atol=2e-4)
    after = _run(path, padded)
    # the masked branch: every real token attends to the real tokens alone, as before
    for row, length in enumerate((12, 7, 4)):
        np.testing.assert_allclose(after[row, :length], before["padded"][row, :length], atol=2e-4)
    # without the mask, padding would have changed the real tokens' outputs
    unmasked = _run(
        path, {"input_ids": padded["input_ids"], "attention_mask": full["attention_mask"]}
    )
    assert np.abs(unmasked[2, :4] - before["padded"][2, :4]).max() > 1e-2
