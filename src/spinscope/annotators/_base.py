"""The contract every annotator obeys: take a document, add to it, hand it on."""

from __future__ import annotations

from typing import Protocol

from spinscope.document import Document


class Annotator(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...
