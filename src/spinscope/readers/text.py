"""Plain-text files: decode them and hand the text on unchanged.

``source_text`` is the decoded file exactly (a byte-order mark dropped, line endings kept as
they are), and ``text`` is the same string, so offsets index the file's decoded text.
"""

from __future__ import annotations

from spinscope.document import OffsetMap, SourceDocument
from spinscope.errors import ErrorCode, InputError
from spinscope.readers._encoding import decode, has_text


class TextReader:
    """Reads UTF-8, UTF-16/32 with a BOM, and legacy single-byte encodings (cp1251, cp1252...)."""

    format = "text"

    def read(self, data: bytes, source: str) -> SourceDocument:
        decoded = decode(data, source)
        if not has_text(decoded.text):
            raise InputError(source, "contains no text (only whitespace)", ErrorCode.EMPTY)
        return SourceDocument(
            source=source,
            format=self.format,
            source_text=decoded.text,
            text=decoded.text,
            offsets=OffsetMap.identity(len(decoded.text)),
            encoding=decoded.encoding,
        )
