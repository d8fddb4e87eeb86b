"""Errors a user can meet, each with a stable code (as in spaCy's ``errors.py``).

A user-facing error renders as one line: ``FILE: reason [code]``. Tracebacks are for bugs.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable codes, so a user can search for an error."""

    NOT_FOUND = "E001"
    EMPTY = "E002"
    TOO_LARGE = "E003"
    BINARY = "E004"
    UNDECODABLE = "E005"
    PDF_ENCRYPTED = "E006"
    PDF_NO_TEXT = "E007"
    PDF_BROKEN = "E008"
    HTML_NO_TEXT = "E009"
    UNSUPPORTED = "E010"
    NOT_A_FILE = "E011"
    UNREADABLE = "E012"
    """The file exists but cannot be opened or read (permissions, I/O errors)."""
    MODEL_MISSING = "E020"
    INTERNAL = "E099"


class SpinscopeError(Exception):
    """Base class of the errors spinscope reports to users."""


class InputError(SpinscopeError):
    """An input that cannot be read or analysed: names the input and the reason."""

    def __init__(self, source: str, reason: str, code: ErrorCode) -> None:
        super().__init__(f"{source}: {reason} [{code.value}]")
        self.source = source
        self.reason = reason
        self.code = code

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, ErrorCode]]:
        # Rebuilt from its fields when a worker process hands it back.
        return (InputError, (self.source, self.reason, self.code))


class ModelMissingError(SpinscopeError):
    """A required model package is not installed."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} [{ErrorCode.MODEL_MISSING.value}]")
        self.message = message

    def __reduce__(self) -> tuple[type[ModelMissingError], tuple[str]]:
        return (ModelMissingError, (self.message,))
