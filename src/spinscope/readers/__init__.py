"""Readers: one module per input format behind one interface.

:func:`read_path`, :func:`read_bytes` and :func:`read_stdin` pick the reader for an input and
return its :class:`~spinscope.document.SourceDocument`. The format comes from the file suffix
(``.html``/``.htm``/``.xhtml`` -> html, ``.pdf`` -> pdf) or, for anything else, from the
content: a ``%PDF-`` header means PDF, an HTML doctype or ``<html>``/``<head>``/``<body>`` tag
near the start means HTML, and everything else is read as text. A ``%PDF-`` header wins over
a misleading suffix. Every problem with an input raises :class:`~spinscope.errors.InputError`
with a one-line reason and a stable code.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from spinscope.document import SourceDocument
from spinscope.errors import ErrorCode, InputError
from spinscope.readers._base import Reader
from spinscope.readers._encoding import sniff_head
from spinscope.readers.html import HtmlReader
from spinscope.readers.pdf import PdfReader
from spinscope.readers.text import TextReader

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "Reader",
    "detect_format",
    "read_bytes",
    "read_path",
    "read_stdin",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Inputs above this size are refused (TOO_LARGE): no news article comes near it."""

READERS: dict[str, Reader] = {
    "text": TextReader(),
    "html": HtmlReader(),
    "pdf": PdfReader(),
}

STDIN = "<stdin>"

_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
_HTML_START = re.compile(r"(?:^|>)\s*<(?:!doctype\s+html|html|head|body)[\s>/]", re.I | re.M)


def _is_pdf(data: bytes) -> bool:
    # The PDF specification lets the header sit anywhere in the first 1024 bytes.
    return b"%PDF-" in data[:1024]


def detect_format(data: bytes, suffix: str | None = None) -> str:
    """The reader format for ``data``: from its ``%PDF-`` header, its suffix, or its content."""
    if _is_pdf(data):
        return "pdf"
    by_suffix = _SUFFIXES.get((suffix or "").lower())
    if by_suffix is not None:
        return by_suffix
    if _HTML_START.search(sniff_head(data, 1024)):
        return "html"
    return "text"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _too_large(source: str, noun: str, size: int | None, max_bytes: int) -> InputError:
    if size is None:
        reason = f"{noun} is over the {_size(max_bytes)} limit (--max-size)"
    elif _size(size) == _size(max_bytes):
        # Rounded sizes would read "20.0 MB, over the 20.0 MB limit".
        reason = f"{noun} is {size} bytes, over the {max_bytes}-byte limit (--max-size)"
    else:
        reason = f"{noun} is {_size(size)}, over the {_size(max_bytes)} limit (--max-size)"
    return InputError(source, reason, ErrorCode.TOO_LARGE)


def _read(
    data: bytes, source: str, format: str | None, max_bytes: int, noun: str
) -> SourceDocument:
    if len(data) > max_bytes:
        raise _too_large(source, noun, len(data), max_bytes)
    if not data.strip():
        reason = f"{noun} is empty" if not data else f"{noun} contains only whitespace"
        raise InputError(source, reason, ErrorCode.EMPTY)
    if format is None:
        format = detect_format(data)
    reader = READERS.get(format)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(
            source, f"unknown format {format!r} (expected one of: {known})", ErrorCode.UNSUPPORTED
        )
    return reader.read(data, source)


def read_bytes(
    data: bytes, source: str, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Read ``data``; ``source`` names it in errors. ``format`` skips sniffing the content.

    When ``source`` is a file name, its suffix counts as it does for :func:`read_path`.
    """
    if format is None and len(data) <= max_bytes:
        suffix = "" if source.startswith("<") else Path(source).suffix
        format = detect_format(data, suffix)
    return _read(data, source, format, max_bytes, "input")


def _unreadable(source: str, action: str, error: OSError) -> InputError:
    reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
    return InputError(source, f"cannot {action} file ({reason or error})", ErrorCode.UNREADABLE)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read the file at ``path``, choosing the reader by suffix or content."""
    source = str(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(source, "no such file", ErrorCode.NOT_FOUND) from None
    except OSError as error:
        raise _unreadable(source, "open", error) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(source, "is a directory, not a file", ErrorCode.NOT_A_FILE)
    # Pipes and devices (``<(command)``, /dev/stdin) report no size; they are read up to
    # the limit instead.
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise _too_large(source, "file", info.st_size, max_bytes)
    try:
        with open(path, "rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise _unreadable(source, "read", error) from None
    if len(data) > max_bytes:
        raise _too_large(source, "file", None, max_bytes)
    format = detect_format(data, Path(path).suffix)
    return _read(data, source, format, max_bytes, "file")


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read standard input (as bytes), sniffing the format from the content."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN, "no standard input to read", ErrorCode.EMPTY)
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(STDIN, "input", None, max_bytes)
    return _read(data, STDIN, None, max_bytes, "input")
