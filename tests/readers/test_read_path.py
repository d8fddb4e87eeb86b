from __future__ import annotations

import io
import sys
import types
from pathlib import Path

import pytest
from fpdf import FPDF

from spinscope.errors import ErrorCode, InputError
from spinscope.readers import (
    DEFAULT_MAX_BYTES,
    READERS,
    detect_format,
    read_bytes,
    read_path,
    read_stdin,
)

ARTICLE = (
    "Ferry fares will rise by a fifth from April, the operator announced on Friday, blaming "
    "fuel costs. Passenger groups called the increase “a slap in the face” for islanders.\n"
)
PAGE = (
    "<!doctype html>\n<html lang='en'><head><title>Fares rise</title></head><body><article>"
    "<h1>Ferry fares to rise</h1><p>Ferry fares will rise by a fifth from April, the operator "
    "announced on Friday, blaming fuel costs and a shortage of crew on the island routes.</p>"
    "<p>Passenger groups called the increase &#8220;a slap in the face&#8221; for islanders "
    "who depend on the boats for work, school and hospital visits.</p></article></body></html>"
)


def pdf_bytes() -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 6, text="Ferry fares will rise by a fifth from April.")
    return bytes(pdf.output())


def assert_input_error(error: InputError, code: ErrorCode, name: str) -> None:
    assert error.code is code
    message = str(error)
    assert "\n" not in message
    assert name in message
    assert message.endswith(f"[{code.value}]")


def expect(code: ErrorCode, path: Path, **kwargs: int) -> InputError:
    with pytest.raises(InputError) as caught:
        read_path(path, **kwargs)
    assert_input_error(caught.value, code, str(path))
    return caught.value


def test_registry() -> None:
    assert set(READERS) == {"text", "html", "pdf"}
    assert all(READERS[name].format == name for name in READERS)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("story.txt", ARTICLE.encode(), "text"),
        ("story.html", PAGE.encode(), "html"),
        ("story.HTM", PAGE.encode(), "html"),
        ("story.xhtml", PAGE.encode(), "html"),
        ("saved-page.txt", PAGE.encode(), "html"),
        ("no-suffix", PAGE.encode("utf-16"), "html"),
        ("story.pdf", pdf_bytes(), "pdf"),
        ("download", pdf_bytes(), "pdf"),
        ("story.html", pdf_bytes(), "pdf"),
        ("notes.md", ARTICLE.encode(), "text"),
    ],
)
def test_format_choice(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    doc = read_path(path)
    assert doc.format == expected
    assert doc.source == str(path)
    assert "Ferry fares will rise by a fifth from April" in doc.text


def test_sniffing_ignores_markup_later_in_text() -> None:
    text = ARTICLE * 40 + "<html> is how every page begins.\n"
    assert detect_format(text.encode()) == "text"
    assert detect_format(b"  \n<!-- saved -->\n<HTML>\n<body>x</body>") == "html"
    assert detect_format(b"<?xml version='1.0'?><html xmlns='x'><body/></html>") == "html"


def test_path_may_be_a_string(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_path(str(path)).text == ARTICLE


def test_missing_file(tmp_path: Path) -> None:
    expect(ErrorCode.NOT_FOUND, tmp_path / "nowhere.txt")


def test_directory(tmp_path: Path) -> None:
    expect(ErrorCode.NOT_A_FILE, tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in expect(ErrorCode.EMPTY, path).reason


@pytest.mark.parametrize("name", ["blank.txt", "blank.html", "blank.pdf"])
def test_whitespace_only_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b" \r\n\t \n  ")
    assert "whitespace" in expect(ErrorCode.EMPTY, path).reason


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    error = expect(ErrorCode.TOO_LARGE, path, max_bytes=100)
    assert "over the 100 bytes limit" in error.reason


def test_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        # A sparse file: its size is on record without 31 MB being written or read.
        file.truncate(int(31.2 * 1024 * 1024))
    error = expect(ErrorCode.TOO_LARGE, path)
    assert error.reason == "file is 31.2 MB, over the 20.0 MB limit (--max-size)"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    assert "JPEG" in expect(ErrorCode.BINARY, path).reason


def test_read_bytes_with_forced_format() -> None:
    doc = read_bytes(PAGE.encode(), "<text>", format="text")
    assert doc.format == "text"
    assert doc.text == PAGE


def test_read_bytes_unknown_format() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"words", "<text>", format="docx")
    assert_input_error(caught.value, ErrorCode.UNSUPPORTED, "<text>")


def test_read_bytes_too_large() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(ARTICLE.encode(), "<text>", max_bytes=10)
    assert_input_error(caught.value, ErrorCode.TOO_LARGE, "<text>")


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


@pytest.mark.parametrize(
    ("content", "expected"),
    [(ARTICLE.encode("cp1252"), "text"), (PAGE.encode(), "html"), (pdf_bytes(), "pdf")],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, content: bytes, expected: str) -> None:
    _stdin(monkeypatch, content)
    doc = read_stdin()
    assert doc.source == "<stdin>"
    assert doc.format == expected
    assert "Ferry fares will rise by a fifth from April" in doc.text


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    with pytest.raises(InputError) as caught:
        read_stdin()
    assert_input_error(caught.value, ErrorCode.EMPTY, "<stdin>")


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ARTICLE.encode())
    with pytest.raises(InputError) as caught:
        read_stdin(max_bytes=50)
    assert_input_error(caught.value, ErrorCode.TOO_LARGE, "<stdin>")
