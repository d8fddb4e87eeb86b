"""The contract every reader obeys."""

from __future__ import annotations

from typing import Protocol

from spinscope.document import SourceDocument


class Reader(Protocol):
    """Turns the bytes of one input into a :class:`SourceDocument`.

    ``source`` names the input in errors (a path or ``<stdin>``). Raises
    :class:`spinscope.errors.InputError` for an input it cannot read.
    """

    format: str

    def read(self, data: bytes, source: str) -> SourceDocument: ...
