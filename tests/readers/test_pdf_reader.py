from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib
import pytest
from fpdf import FPDF

from spinscope.errors import ErrorCode, InputError
from spinscope.readers import read_path
from spinscope.readers.pdf import PdfReader, split_authors

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
MASTHEAD = "Вестник гавани — Harbour Herald"
PAGE_ONE = (
    "The town council on Tuesday approved a long-debated footbridge across the Wend river, "
    "ending three years of argument over its cost and design. Supporters say it will link "
    "the old harbour with the new housing estates on the eastern bank."
)
PAGE_ONE_END = "Critics were unconvinced, and the opposition leader said that the vote had been"
PAGE_TWO = "rushed through without a proper look at the costs. Construction starts in autumn."


def _pdf() -> FPDF:
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    return pdf


def make_article(path: Path) -> Path:
    pdf = _pdf()
    pdf.set_title("Council backs river bridge plan")
    pdf.set_author("Maya Ortiz; Tom Reyes")
    pdf.set_creation_date(dt.datetime(2024, 3, 5, 9, 30, tzinfo=dt.UTC))
    pdf.set_lang("en-GB")
    pdf.add_page()
    pdf.cell(text=MASTHEAD)
    pdf.ln(12)
    pdf.multi_cell(0, 6, text=PAGE_ONE)
    pdf.ln(4)
    # The sentence runs on over the page break.
    pdf.multi_cell(0, 6, text=PAGE_ONE_END)
    pdf.add_page()
    pdf.multi_cell(0, 6, text=PAGE_TWO)
    pdf.output(str(path))
    return path


def assert_input_error(error: InputError, code: ErrorCode, path: Path) -> None:
    assert error.code is code
    assert "\n" not in str(error)
    assert str(path) in str(error)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_article(tmp_path_factory.mktemp("pdf") / "bridge.pdf")


def test_text_layer_with_pages(article: Path) -> None:
    doc = read_path(article)
    assert doc.format == "pdf"
    assert doc.source_text == doc.text
    assert len(doc.offsets) == len(doc.text)
    pages = doc.text.split("\f")
    assert len(pages) == 2
    assert pages[0].startswith(MASTHEAD)
    assert " ".join(pages[0].split()).endswith(PAGE_ONE_END)
    assert pages[1].startswith("rushed through without")
    assert doc.hints["pages"] == 2
    assert doc.hints["page_starts"] == [0, len(pages[0]) + 1]
    assert doc.text[doc.hints["page_starts"][1] :].startswith("rushed through")


def test_identity_offsets(article: Path) -> None:
    doc = read_path(article)
    start = doc.text.index("footbridge")
    assert doc.offsets.to_source(start, start + 10) == (start, start + 10)


def test_metadata_hints(article: Path) -> None:
    hints = read_path(article).hints
    assert hints["title"] == "Council backs river bridge plan"
    assert hints["authors"] == ["Maya Ortiz", "Tom Reyes"]
    assert hints["published"] == "2024-03-05"
    assert hints["language"] == "en"


def test_encrypted_with_user_password(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.cell(text="Confidential briefing on the bridge budget.")
    pdf.set_encryption(owner_password="owner-secret", user_password="reader-secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert_input_error(caught.value, ErrorCode.PDF_ENCRYPTED, path)
    assert "password required" in caught.value.reason


def test_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.cell(text="Printing is restricted, reading is not.")
    pdf.set_encryption(owner_password="owner-secret")
    path = tmp_path / "restricted.pdf"
    pdf.output(str(path))
    assert "reading is not" in read_path(path).text


def test_image_only_pdf_has_no_text(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 120, 80, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert_input_error(caught.value, ErrorCode.PDF_NO_TEXT, path)
    assert "OCR" in caught.value.reason


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_broken(article: Path, tmp_path: Path, fraction: float) -> None:
    data = article.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert_input_error(caught.value, ErrorCode.PDF_BROKEN, path)


def test_pdf_suffix_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Just a plain note saved with the wrong suffix.", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert_input_error(caught.value, ErrorCode.PDF_BROKEN, path)


def test_reader_directly(article: Path) -> None:
    doc = PdfReader().read(article.read_bytes(), "<bytes>")
    assert doc.source == "<bytes>"
    assert "footbridge" in doc.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Maya Ortiz", ["Maya Ortiz"]),
        ("Maya Ortiz; Tom Reyes", ["Maya Ortiz", "Tom Reyes"]),
        ("Maya Ortiz, Tom Reyes", ["Maya Ortiz", "Tom Reyes"]),
        ("Maya Ortiz and Tom Reyes", ["Maya Ortiz", "Tom Reyes"]),
        ("Ortiz, Maya", ["Ortiz, Maya"]),
        ("Harbour Gazette, Newsroom", ["Harbour Gazette, Newsroom"]),
        ("   ", []),
    ],
)
def test_split_authors(value: str, expected: list[str]) -> None:
    assert split_authors(value) == expected
