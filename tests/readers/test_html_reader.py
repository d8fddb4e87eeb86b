from __future__ import annotations

import html
import itertools
import re
import time
from typing import Any

import pytest

from spinscope.document import SourceDocument
from spinscope.errors import ErrorCode, InputError
from spinscope.readers import html as html_reader
from spinscope.readers.html import HtmlReader

# A made-up article page with the usual furniture around it.
PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Council backs river bridge plan | The Harbour Gazette</title>
  <meta property="og:site_name" content="The Harbour Gazette">
  <meta property="og:title" content="Council backs river bridge plan">
  <meta name="author" content="Maya Ortiz">
  <meta name="description" content="Councillors voted 7-2 for a footbridge despite cost worries.">
  <meta property="article:published_time" content="2024-03-05T08:30:00+00:00">
  <style>body { font-family: serif; } .ad { color: red; }</style>
  <script>window.dataLayer = [{"page": "article", "text": "Sponsored story"}];</script>
</head>
<body>
  <header class="site-header">
    <a href="/">The Harbour Gazette</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
    <button>Accept all cookies</button></div>
  <main>
    <article>
      <h1>Council backs river bridge plan</h1>
      <p class="byline">By Maya Ortiz</p>
      <p>The town council on Tuesday approved a long-debated footbridge across the Wend river,
      ending three years of argument over its cost &amp; design.</p>
      <div class="ad">Advertisement: Buy the new Zephyr phone today, only 299 pounds!</div>
      <p>&#8220;This bridge will finally connect the two halves of our town,&#8221; said council
      leader Priya Natarajan, who called the vote &#8220;a victory for common sense&#8221;.</p>
      <p>Critics were unconvinced. Opposition councillor Tom Reyes warned that the budget of
      4.2&nbsp;million pounds could easily double, and accused the majority of rushing the
      decision.</p>
      <p>Construction is expected to start in the autumn and to last about eighteen months,
      according to a report presented to the council.</p>
    </article>
  </main>
  <aside class="related"><h2>Most read</h2><ul><li>Ferry timetable changes again</li>
  <li>Local bakery wins national prize</li></ul></aside>
  <footer><p>&copy; 2024 The Harbour Gazette. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""

CYRILLIC_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Бюджет утверждён</title></head>
<body><article><h1>Бюджет утверждён</h1>
<p>Городской совет вчера вечером утвердил бюджет на следующий год. По словам мэра, расходы на
ремонт дорог вырастут почти вдвое, а плата за проезд останется прежней.</p>
<p>Оппозиция назвала документ «предвыборным» и пообещала оспорить его в суде. Жители,
опрошенные нашим корреспондентом, настроены скептически.</p>
</article></body></html>
"""

WORD = re.compile(r"[^\W_]+")


@pytest.fixture(scope="module")
def doc() -> SourceDocument:
    return HtmlReader().read(PAGE.encode("utf-8"), "bridge.html")


def assert_words_map_back(doc: SourceDocument) -> int:
    """Every word of every paragraph maps to a span of the markup that reads that word."""
    checked = 0
    start = 0
    for paragraph in doc.text.split("\n"):
        for match in WORD.finditer(paragraph):
            s, e = doc.offsets.to_source(start + match.start(), start + match.end())
            assert html.unescape(doc.source_text[s:e]) == match.group(), (match.group(), s, e)
            checked += 1
        start += len(paragraph) + 1
    return checked


def assert_monotonic(doc: SourceDocument) -> None:
    positions = doc.offsets.positions
    assert len(doc.offsets) == len(doc.text)
    assert positions[-1] == len(doc.source_text)
    assert all(a <= b for a, b in itertools.pairwise(positions))
    assert all(0 <= p <= len(doc.source_text) for p in positions)


def test_main_text_is_extracted(doc: SourceDocument) -> None:
    assert doc.format == "html"
    assert doc.encoding == "utf-8"
    assert doc.source_text == PAGE
    paragraphs = doc.text.split("\n")
    assert paragraphs[0].startswith("The town council on Tuesday approved")
    assert "its cost & design." in doc.text
    assert "“This bridge will finally connect the two halves of our town,”" in doc.text
    assert "Construction is expected to start in the autumn" in paragraphs[-1]
    assert len(paragraphs) == 4


@pytest.mark.parametrize(
    "debris",
    [
        "Sport",
        "Weather",
        "Advertisement",
        "Zephyr",
        "cookies",
        "Most read",
        "Ferry timetable",
        "All rights reserved",
        "Privacy policy",
        "dataLayer",
        "font-family",
        "Sponsored",
    ],
)
def test_furniture_is_left_out(doc: SourceDocument, debris: str) -> None:
    assert debris not in doc.text


def test_title_is_not_repeated_in_the_body(doc: SourceDocument) -> None:
    assert "Council backs river bridge plan" not in doc.text


def test_hints(doc: SourceDocument) -> None:
    assert doc.hints["title"] == "Council backs river bridge plan"
    assert doc.hints["authors"] == ["Maya Ortiz"]
    assert doc.hints["published"] == "2024-03-05"
    assert doc.hints["outlet"] == "The Harbour Gazette"
    assert doc.hints["language"] == "en"
    assert doc.hints["description"].startswith("Councillors voted 7-2")


def test_every_word_maps_back_into_the_markup(doc: SourceDocument) -> None:
    assert_monotonic(doc)
    assert assert_words_map_back(doc) > 80


def test_a_phrase_maps_to_its_markup(doc: SourceDocument) -> None:
    start = doc.text.index("Opposition councillor Tom Reyes")
    s, e = doc.offsets.to_source(start, start + len("Opposition councillor Tom Reyes"))
    assert doc.source_text[s:e] == "Opposition councillor Tom Reyes"
    # Across a line break of the markup, the span still covers the words (and the break).
    start = doc.text.index("across the Wend river, ending three")
    s, e = doc.offsets.to_source(start, start + len("across the Wend river, ending three"))
    assert " ".join(doc.source_text[s:e].split()) == "across the Wend river, ending three"


def test_entities_map_to_their_references(doc: SourceDocument) -> None:
    amp = doc.text.index("&")
    s, _ = doc.offsets.to_source(amp, amp + 1)
    assert doc.source_text.startswith("&amp;", s)
    quote = doc.text.index("“")
    s, _ = doc.offsets.to_source(quote, quote + 1)
    assert doc.source_text.startswith("&#8220;", s)
    start = doc.text.index("4.2")
    s, e = doc.offsets.to_source(start, start + len("4.2 million"))
    assert doc.source_text[s:e] == "4.2&nbsp;million"


def test_declared_legacy_charset() -> None:
    doc = HtmlReader().read(CYRILLIC_PAGE.encode("cp1251"), "budget.html")
    assert doc.encoding == "cp1251"
    assert "Городской совет вчера вечером утвердил бюджет" in doc.text
    assert doc.hints["title"] == "Бюджет утверждён"
    assert assert_words_map_back(doc) > 20


def test_utf8_page_with_stale_latin1_declaration() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    page = page.replace("Priya Natarajan", "Priya Natarajan-Müller")
    doc = HtmlReader().read(page.encode("utf-8"), "bridge.html")
    assert doc.encoding == "utf-8"
    assert "Natarajan-Müller" in doc.text


def _with_extraction(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def fake(markup: str) -> tuple[str, Any]:
        return text, None

    monkeypatch.setattr(html_reader, "_extract", fake)


def test_alignment_survives_rewritten_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Straight quotes, collapsed and extra whitespace, an inserted list bullet, a word that is
    # not in the page at all, and a paragraph emitted out of page order.
    rewritten = "\n".join(
        [
            "Construction is expected to start in the autumn and to last about eighteen months,"
            " according to a report presented to the council.",
            "The town council on Tuesday approved a long-debated footbridge across the Wend"
            " river, ending three years of argument over its cost & design.",
            '- "This bridge will finally connect the two halves of our town," said council'
            " leader Priya Natarajan, who called the vote INVENTED a victory for common sense.",
            "Critics   were unconvinced.",
        ]
    )
    _with_extraction(monkeypatch, rewritten)
    doc = HtmlReader().read(PAGE.encode("utf-8"), "bridge.html")
    assert_monotonic(doc)
    # The out-of-order paragraph is put back in page order.
    assert doc.text.split("\n")[-1].startswith("Construction is expected")
    start = 0
    for paragraph in doc.text.split("\n"):
        for match in WORD.finditer(paragraph):
            if match.group() == "INVENTED":
                continue
            s, e = doc.offsets.to_source(start + match.start(), start + match.end())
            assert html.unescape(doc.source_text[s:e]) == match.group()
        start += len(paragraph) + 1


def test_alignment_never_fails_on_foreign_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_extraction(monkeypatch, "Nothing here is on the page.\nNor is this line, at all.")
    doc = HtmlReader().read(PAGE.encode("utf-8"), "bridge.html")
    assert_monotonic(doc)
    assert doc.text.startswith("Nothing here")


def test_fallback_to_visible_body_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_extraction(monkeypatch, "")
    doc = HtmlReader().read(PAGE.encode("utf-8"), "bridge.html")
    assert_monotonic(doc)
    assert "The town council on Tuesday approved" in doc.text
    assert "its cost & design." in doc.text
    for debris in ("Sport", "Accept all cookies", "Most read", "All rights reserved", "dataLayer"):
        assert debris not in doc.text
    lines = doc.text.split("\n")
    assert "Council backs river bridge plan" in lines
    assert assert_words_map_back(doc) > 80


def test_page_without_text() -> None:
    page = b"<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"
    with pytest.raises(InputError) as caught:
        HtmlReader().read(page, "blank.html")
    assert caught.value.code is ErrorCode.HTML_NO_TEXT
    assert "blank.html" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_reading_a_10kb_page_is_fast() -> None:
    extra = "".join(
        f"<p>Paragraph {i} of the report adds detail on the ferry, the bridge and the budget"
        f" &amp; its critics, with &#8220;quotes&#8221; from residents.</p>\n"
        for i in range(60)
    )
    page = PAGE.replace("</article>", extra + "</article>").encode("utf-8")
    assert len(page) > 10_000
    reader = HtmlReader()
    reader.read(page, "long.html")
    markup = page.decode("utf-8")
    started = time.perf_counter()
    html_reader._extract(markup)
    extraction = time.perf_counter() - started
    started = time.perf_counter()
    doc = reader.read(page, "long.html")
    total = time.perf_counter() - started
    assert "Paragraph 59 of the report" in doc.text
    # Generous bound for slow machines; the point is catching a quadratic alignment.
    assert total - extraction < 0.25


def test_xhtml_with_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr"><head><title>Le pont</title>'
        "</head><body><p>Le conseil municipal a approuvé mardi la construction d'une passerelle"
        " très attendue sur la rivière, après trois ans de débats.</p></body></html>"
    )
    doc = HtmlReader().read(page.encode("latin-1"), "pont.xhtml")
    assert doc.encoding == "cp1252"
    assert doc.hints["language"] == "fr"
    assert "passerelle très attendue sur la rivière" in doc.text
    assert assert_words_map_back(doc) > 15


def test_invisible_characters_do_not_break_alignment() -> None:
    page = (
        "<html><body><article><p>The coun&shy;cil ap\u00adproved the foot\u200bbridge across the"
        " Wend river on Tuesday after three long years of argument.</p></article></body></html>"
    )
    doc = HtmlReader().read(page.encode("utf-8"), "shy.html")
    assert "council approved the footbridge" in doc.text
    start = doc.text.index("footbridge")
    s, e = doc.offsets.to_source(start, start + len("footbridge"))
    assert doc.source_text[s:e] == "foot\u200bbridge"
