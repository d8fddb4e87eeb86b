"""Whole articles in each input format, through the full pipeline."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from fpdf import FPDF
from tests.conftest import assert_spans_consistent

from spinscope.document import Document

pytestmark = pytest.mark.slow

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
MASTHEAD = "КАСПИЙСКОЕ ОБОЗРЕНИЕ"
RUNNING_HEAD = "The Caspian Review | Opinion"

OPED_PAGE_ONE = [
    "Why the new corridor matters more than the old quarrels",
    "By Mr. Farid Mammadov, Executive Director, Caspian Center for Strategic Studies",
    "For thirty years the region has been told that geography is destiny. The opening of "
    "the new transport corridor proves the opposite: geography is what leaders make of it.",
    "The critics will say that the project serves only one capital. They are wrong. Trade "
    "flows do not ask for passports, and the first trains have already carried grain, "
    "cotton and steel across three borders.",
    "Dr. Elena Petrova, an economist at the Danube Trade Institute, put it plainly. "
    "\u201cEvery kilometre of rail laid here saves a week of trucking,\u201d she said. Her "
    "institute estimates that the corridor will cut the cost of shipping goods from the "
    "Caspian to the Black Sea by almost a third, and that the savings will reach small",
]
OPED_PAGE_TWO = [
    "farmers and traders first, not only the large exporters.",
    "Some neighbours still prefer grievance to growth. According to Petrova, their "
    "leaders have spent more on propaganda than on roads in the last decade.",
    "The choice before the region is simple. We can keep fighting the wars of the last "
    "century, or we can build the markets of this one.",
]


class _OpEd(FPDF):
    def header(self) -> None:
        self.set_font("DejaVu", size=8)
        if self.page_no() == 1:
            self.cell(0, 6, MASTHEAD, new_x="LMARGIN", new_y="NEXT", align="C")
        self.cell(0, 6, RUNNING_HEAD, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)
        self.set_font("DejaVu", size=11)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", size=8)
        self.cell(0, 10, f"Page {self.page_no()} of 2", align="C")


def make_oped_pdf(path: Path) -> Path:
    pdf = _OpEd()
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for page in (OPED_PAGE_ONE, OPED_PAGE_TWO):
        pdf.add_page()
        for paragraph in page:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            if paragraph is not OPED_PAGE_ONE[-1]:
                pdf.ln(4)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def oped(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Document:  # type: ignore[no-untyped-def]
    return analyzer.analyze_path(make_oped_pdf(tmp_path_factory.mktemp("pdf") / "oped.pdf"))


def test_pdf_debris_removed(oped: Document) -> None:
    assert oped.format == "pdf"
    assert MASTHEAD not in oped.text
    assert RUNNING_HEAD not in oped.text
    assert "Page 1 of 2" not in oped.text and "Page 2 of 2" not in oped.text
    removed = " ".join(span.text for span in oped.removed)
    assert MASTHEAD in removed and "Page 1 of 2" in removed


def test_pdf_sentence_split_by_page_break_is_rejoined(oped: Document) -> None:
    assert "the savings will reach small farmers and traders first" in oped.text
    paragraphs = [p.text for p in oped.paragraphs]
    assert any(p.startswith("Dr. Elena Petrova") and p.endswith("exporters.") for p in paragraphs)
    # hard-wrapped lines of one paragraph are one paragraph again
    assert any(p.startswith("For thirty years") and p.endswith("make of it.") for p in paragraphs)


def test_pdf_metadata_from_byline(oped: Document) -> None:
    assert oped.metadata.title == "Why the new corridor matters more than the old quarrels"
    assert oped.metadata.authors == ["Farid Mammadov"]
    assert oped.metadata.author_roles["Farid Mammadov"].startswith("Executive Director")
    assert oped.metadata.language == "en"


def test_pdf_quotes_and_offsets(oped: Document) -> None:
    direct = [q for q in oped.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "Every kilometre of rail laid here saves a week of trucking,"
    ]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Elena Petrova"
    assert direct[0].speaker.role == "economist at the Danube Trade Institute"
    according = [q for q in oped.quotes if q.cue is not None and q.cue.text == "According to"]
    assert according and according[0].speaker is not None
    assert according[0].speaker.name == "Elena Petrova"
    assert_spans_consistent(oped)


HTML_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ministers clash over water rights | Riverside Times</title>
<meta property="og:site_name" content="Riverside Times">
<meta property="og:title" content="Ministers clash over water rights">
<meta name="author" content="Maria Jensen">
<meta property="article:published_time" content="2023-05-04T09:30:00Z">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article>
<h1>Ministers clash over water rights</h1>
<p class="byline">By Maria Jensen</p>
<p>The water ministers of two neighbouring states failed to agree on a new quota for the
river on Wednesday, officials said, leaving farmers on both banks without a plan for the
summer.</p>
<div class="ad">ADVERTISEMENT: Buy the new SuperPhone today and save 20 percent!</div>
<p>&#8220;We will not accept a treaty that leaves our fields dry,&#8221; Minister Tomas Varga
told reporters after the meeting. He said his delegation had offered a compromise that the
other side rejected without discussion.</p>
<p>His counterpart, Minister Nadia Roussel, said the proposal &amp; its annexes ignored
the rainfall data collected over the past decade.</p>
<p>Talks are due to resume in June, according to a statement from the regional river commission.</p>
</article>
<aside><h3>Most read</h3>
<ul><li>Ten recipes for summer</li><li>Stock markets rally</li></ul></aside>
<footer>Copyright 2023 Riverside Times. All rights reserved. Contact us | Privacy policy</footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def html_doc(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Document:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    return analyzer.analyze_path(path)


def test_html_main_text_without_furniture(html_doc: Document) -> None:
    assert "failed to agree on a new quota" in html_doc.text
    for furniture in ("Subscribe now", "cookies", "SuperPhone", "Most read", "Privacy policy"):
        assert furniture not in html_doc.text


def test_html_metadata(html_doc: Document) -> None:
    meta = html_doc.metadata
    assert meta.title == "Ministers clash over water rights"
    assert meta.authors == ["Maria Jensen"]
    assert meta.outlet == "Riverside Times"
    assert meta.published == "2023-05-04"
    assert meta.language == "en"


def test_html_quotes_map_into_the_markup(html_doc: Document) -> None:
    varga = [q for q in html_doc.quotes if q.speaker and q.speaker.name == "Tomas Varga"]
    assert {q.kind for q in varga} == {"direct", "indirect"}
    roussel = [q for q in html_doc.quotes if q.speaker and q.speaker.name == "Nadia Roussel"]
    assert roussel and roussel[0].kind == "indirect"
    for quote in varga:
        markup = HTML_PAGE[quote.source_start : quote.source_end]
        assert " ".join(markup.split()) == " ".join(quote.text.split())
    assert_spans_consistent(html_doc)
