from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from spinscope.document import Document, OffsetMap, Span

ROOT = Path(__file__).resolve().parents[1]


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` imported as a module, by its file name without ``.py``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


EXAMPLES = ROOT / "examples"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from spinscope.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def wire_story(analyzer) -> Document:  # type: ignore[no-untyped-def]
    return analyzer.analyze_path(EXAMPLES / "wire_story.txt")


@pytest.fixture(scope="session")
def straight_report(analyzer) -> Document:  # type: ignore[no-untyped-def]
    return analyzer.analyze_path(ARTICLES / "straight_quotes_report.txt")


def assert_spans_consistent(doc: Document) -> None:
    """Every span's text is the clean text at its offsets, and maps into the source."""
    spans = [m for e in doc.entities for m in e.mentions]
    for quote in doc.quotes:
        assert quote.text == doc.text[quote.start : quote.end]
        assert doc.offsets.to_source(quote.start, quote.end) == (
            quote.source_start,
            quote.source_end,
        )
        if quote.cue is not None:
            spans.append(quote.cue)
        if quote.speaker is not None and quote.speaker.mention is not None:
            spans.append(quote.speaker.mention)
    for span in spans:
        assert span.text == doc.text[span.start : span.end]
        source = doc.source_text[span.source_start : span.source_end]
        assert "".join(source.split()) == "".join(span.text.split()), (span, source)


def make_doc(text: str, **hints: object) -> Document:
    """A document over ``text`` as the cleaner would hand it on: paragraphs split at blank
    lines, identity offsets, the given reader hints."""
    paragraphs: list[Span] = []
    position = 0
    for part in text.split("\n\n"):
        end = position + len(part)
        paragraphs.append(Span(position, end, position, end, part))
        position = end + 2
    return Document(
        source="t.txt",
        format="text",
        source_text=text,
        text=text,
        offsets=OffsetMap.identity(len(text)),
        paragraphs=paragraphs,
        hints=dict(hints),
    )
