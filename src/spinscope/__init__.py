"""spinscope: how news and opinion articles try to persuade.

Usage::

    import spinscope
    analysis = spinscope.analyze("examples/wire_story.txt")
    for quote in analysis.quotes:
        print(quote.kind, quote.speaker.name if quote.speaker else None, quote.text)
    print(analysis.to_json())
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spinscope.document import Analysis, Document, Entity, Metadata, Quote, Span, Speaker
from spinscope.errors import InputError, SpinscopeError

if TYPE_CHECKING:
    from spinscope.pipeline import Analyzer, analyze, analyze_many

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Analyzer",
    "Document",
    "Entity",
    "InputError",
    "Metadata",
    "Quote",
    "Span",
    "Speaker",
    "SpinscopeError",
    "analyze",
    "analyze_many",
]


def __getattr__(name: str) -> Any:
    # The pipeline pulls in spaCy, trafilatura and pypdf: import it only when first used.
    if name in {"Analyzer", "analyze", "analyze_many"}:
        from spinscope import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'spinscope' has no attribute {name!r}")
