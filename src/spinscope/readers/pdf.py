"""PDF files: the text layer, page by page.

A PDF has no text to point back into, only drawing instructions, so the "source" of a PDF is
its extracted text layer: ``source_text`` is the text pypdf extracts from each page, in plain
mode, with the pages joined by form feeds (``"\\f"``), and ``text`` is that same string with an
identity offset map. Source offsets of a PDF therefore index this text layer; the start of
each page in it is in ``hints["page_starts"]``.

Scanned PDFs without a text layer are refused (PDF_NO_TEXT): OCR is out of scope.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from spinscope.document import OffsetMap, SourceDocument
from spinscope.errors import ErrorCode, InputError
from spinscope.readers._encoding import has_text

PAGE_SEPARATOR = "\f"

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*)+$")

# pypdf reports what it repairs through logging; a library's logger without a handler
# makes Python print those warnings to stderr, in the middle of the user's output.
_pypdf_logger = logging.getLogger("pypdf")
if not _pypdf_logger.handlers:
    _pypdf_logger.addHandler(logging.NullHandler())


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message if len(message) <= 120 else message[:117] + "..."


def _broken(source: str, error: BaseException) -> InputError:
    return InputError(
        source, f"PDF is damaged or truncated ({_one_line(error)})", ErrorCode.PDF_BROKEN
    )


def _date(value: Any) -> str | None:
    match = _PDF_DATE.match(str(value).strip()) if value else None
    if not match:
        return None
    year, month, day = match.groups()
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def split_authors(value: str) -> list[str]:
    """Authors from a PDF's /Author entry.

    Split on semicolons, and on commas or "and" only when every part looks like a full name:
    "Doe, Jane" is one author, "Jane Doe, John Roe" two.
    """
    value = " ".join(value.split())
    if not value:
        return []
    if ";" in value:
        parts = value.split(";")
    else:
        parts = re.split(r",\s*|\s+(?:and|&)\s+", value)
        if len(parts) > 1 and not all(_NAME.match(part.strip()) for part in parts):
            parts = [value]
    names: list[str] = []
    for part in parts:
        part = part.strip()
        if part and part not in names:
            names.append(part)
    return names


def _metadata(reader: Any) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    try:
        info = reader.metadata or {}
        title = " ".join(str(info.get("/Title") or "").split())
        author = str(info.get("/Author") or "")
        created = info.get("/CreationDate")
        language = reader.trailer["/Root"].get("/Lang")
    except Exception:  # a damaged info dictionary costs the hints, never the text
        return hints
    if title:
        hints["title"] = title
    authors = split_authors(author)
    if authors:
        hints["authors"] = authors
    published = _date(created)
    if published:
        hints["published"] = published
    if language:
        primary = re.split(r"[-_]", str(language).strip())[0].lower()
        if primary.isalpha():
            hints["language"] = primary
    return hints


class PdfReader:
    """Reads the text layer of a PDF with pypdf."""

    format = "pdf"

    def read(self, data: bytes, source: str) -> SourceDocument:
        from pypdf import PdfReader as PypdfReader
        from pypdf.errors import DependencyError

        if b"%PDF-" not in data[:1024]:
            raise InputError(source, "not a PDF file (no %PDF- header)", ErrorCode.PDF_BROKEN)
        try:
            reader = PypdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                # Many PDFs are encrypted only to restrict printing or copying and open
                # with an empty user password.
                try:
                    opened = reader.decrypt("")
                except DependencyError as error:
                    raise InputError(
                        source,
                        f"PDF is encrypted and cannot be decrypted here ({_one_line(error)})",
                        ErrorCode.PDF_ENCRYPTED,
                    ) from error
                if not opened:
                    raise InputError(
                        source, "PDF is encrypted (password required)", ErrorCode.PDF_ENCRYPTED
                    )
            pages = list(reader.pages)
        except InputError:
            raise
        except Exception as error:  # pypdf raises many kinds on damaged files
            raise _broken(source, error) from error

        texts: list[str] = []
        failures: dict[int, Exception] = {}
        for number, page in enumerate(pages, start=1):
            try:
                texts.append(page.extract_text() or "")
            except Exception as error:  # one bad page should not cost the others
                failures[number] = error
                texts.append("")
        if not pages:
            raise _broken(source, ValueError("no pages"))
        if failures and not any(has_text(text) for text in texts):
            raise _broken(source, next(iter(failures.values())))
        if not any(has_text(text) for text in texts):
            raise InputError(
                source,
                "PDF has no text layer (scanned image?); run OCR first",
                ErrorCode.PDF_NO_TEXT,
            )
        # A form feed inside a page would read as a page break.
        texts = [text.replace(PAGE_SEPARATOR, "\n") for text in texts]
        page_starts: list[int] = []
        position = 0
        for text in texts:
            page_starts.append(position)
            position += len(text) + len(PAGE_SEPARATOR)
        joined = PAGE_SEPARATOR.join(texts)

        hints = _metadata(reader)
        hints["pages"] = len(pages)
        hints["page_starts"] = page_starts
        if failures:
            hints["unreadable_pages"] = sorted(failures)
        return SourceDocument(
            source=source,
            format=self.format,
            source_text=joined,
            text=joined,
            offsets=OffsetMap.identity(len(joined)),
            encoding=None,
            hints=hints,
        )
