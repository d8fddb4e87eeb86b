"""HTML pages: the article's main text, with a map from every character back into the markup.

``source_text`` is the decoded markup. The main text comes from trafilatura, which rebuilds it
from an lxml tree and so keeps no offsets. To recover them, the markup is scanned once with
the standard library's tokenizer, which reports where each piece of text starts; that gives
the page's visible characters, each tied to its place in the markup (a character written as
an entity such as ``&amp;`` is tied to the start of the reference). Trafilatura's text is then
aligned to those characters in order, ignoring whitespace and quote/dash styles, paragraph by
paragraph. The alignment never fails: a stretch it cannot place maps to its nearest placed
neighbour, so a span may come out wider or narrower than its words but always in order.
"""

from __future__ import annotations

import functools
import html
import re
from array import array
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser
from typing import Any

from spinscope.document import OffsetMap, SourceDocument, TextBuilder
from spinscope.errors import ErrorCode, InputError
from spinscope.readers._encoding import decode, has_text

# Their text is never shown as page text.
_SKIP = frozenset({"script", "style", "noscript", "template", "title", "svg", "math", "iframe"})
# Site furniture: kept for aligning trafilatura's text, dropped from the fallback text.
_CHROME = frozenset(
    {"nav", "header", "footer", "aside", "form", "button", "select", "dialog", "menu"}
)
_BLOCK = frozenset(
    {
        "address", "article", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol",
        "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_HEAD_ONLY = frozenset({"base", "link", "meta", "script", "style", "title", "noscript", "template"})

# Trafilatura (and the sites themselves) use typographic and plain quotes and dashes
# interchangeably; both sides are folded one character to one character before matching.
_FOLD = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u2039": "'", "\u203a": "'", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
        "\u2014": "-", "\u2015": "-", "\u2212": "-",
    }
)  # fmt: skip

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([-\w.:]+)""")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SEGMENT = 240  # characters of a paragraph aligned at a time once exact matching fails
_LONG = 24  # significant characters that make a paragraph distinctive enough to order by
_NEAR = 200  # visible characters past the cursor within which any match is believable
_SEARCH_AHEAD = 50_000  # visible characters a garbled paragraph is looked for ahead
_MIN_BLOCK = 3  # shorter fuzzy matches are coincidences more often than not


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta>`` or XML declaration)."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


@dataclass(slots=True)
class _Chunk:
    text: str
    start: int
    width: int
    """-1 when ``text`` stands verbatim in the markup; else the length of the reference."""
    chrome: bool
    head: bool
    block: bool
    """A block boundary (paragraph, list item, line break...) comes before this chunk."""


@dataclass(slots=True)
class _Scan:
    chunks: list[_Chunk] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    title: str = ""


class _Scanner(HTMLParser):
    """Collects the visible text of a page as chunks tied to their offsets in the markup."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self._markup = markup
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", markup))]
        self.scan = _Scan()
        self._skip: dict[str, int] = {}
        self._skipping = 0
        self._chrome: dict[str, int] = {}
        self._in_chrome = 0
        self._in_head = False
        self._in_title = False
        self._block = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip[tag] = self._skip.get(tag, 0) + 1
            self._skipping += 1
            self._in_title = tag == "title" or self._in_title
        elif tag in _CHROME:
            self._chrome[tag] = self._chrome.get(tag, 0) + 1
            self._in_chrome += 1
        if tag == "head":
            self._in_head = True
        elif tag not in _HEAD_ONLY and tag != "html":
            self._in_head = False
        if tag in _BLOCK or tag in _CHROME:
            self._block = True
        if tag == "meta":
            self._meta(attrs)
        elif tag == "html":
            values = dict(attrs)
            lang = values.get("lang") or values.get("xml:lang")
            if lang and self.scan.lang is None:
                self.scan.lang = lang.strip()

    def handle_endtag(self, tag: str) -> None:
        if self._skip.get(tag):
            self._skip[tag] -= 1
            self._skipping -= 1
            if tag == "title":
                self._in_title = False
        elif self._chrome.get(tag):
            self._chrome[tag] -= 1
            self._in_chrome -= 1
        if tag == "head":
            self._in_head = False
        if tag in _BLOCK or tag in _CHROME:
            self._block = True

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        key = values.get("property") or values.get("name") or values.get("itemprop")
        content = values.get("content")
        if key and content and content.strip():
            self.scan.meta.setdefault(key.strip().lower(), content.strip())

    def _add(self, text: str, start: int, width: int) -> None:
        if self._in_title and self._skipping == self._skip.get("title", 0):
            self.scan.title += text
        if self._skipping:
            return
        self.scan.chunks.append(
            _Chunk(text, start, width, self._in_chrome > 0, self._in_head, self._block)
        )
        self._block = False

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if not self._markup.startswith(data, start):
            # The tokenizer hands out slices of the markup; should one ever not be, find it.
            found = self._markup.find(data, start)
            if found < 0:
                return
            start = found
        self._add(data, start, -1)

    def _reference(self, prefix: str, name: str) -> None:
        start = self._offset()
        end = start + len(prefix) + len(name)
        if self._markup.startswith(";", end):
            end += 1
        raw = self._markup[start:end]
        decoded = html.unescape(raw)
        if decoded == raw:
            self._add(raw, start, -1)
        else:
            self._add(decoded, start, end - start)

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)


def _scan(markup: str) -> _Scan:
    scanner = _Scanner(markup)
    try:
        scanner.feed(markup)
        scanner.close()
    except Exception:  # the tokenizer is lenient; should it still give up, keep what it saw
        pass
    return scanner.scan


@functools.cache
def _significant_runs() -> re.Pattern[str]:
    """Matches runs of characters that take part in alignment.

    Trafilatura drops what is not printable (soft hyphens, zero-width spaces) and rewrites
    whitespace, so neither side's whitespace or invisible characters take part. Built on first
    use from the Unicode database (the Basic Multilingual Plane is where such characters are).
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        ch = chr(code)
        if ch.isspace() or not ch.isprintable():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    excluded = "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in ranges)
    return re.compile(f"[^{excluded}]+")


def _needle(text: str, start: int, end: int) -> tuple[array[int], str]:
    """The significant characters of ``text[start:end]``, folded, and where each stands."""
    index = array("l")
    parts: list[str] = []
    for match in _significant_runs().finditer(text, start, end):
        index.extend(range(match.start(), match.end()))
        parts.append(match.group())
    return index, "".join(parts).translate(_FOLD)


def _folded(text: str) -> str:
    """What :func:`_needle` returns as the needle, without the cost of the index."""
    joined = "".join(text.split())
    if not joined.isprintable():
        joined = "".join(_significant_runs().findall(joined))
    return joined.translate(_FOLD)


class _Aligner:
    """Places the characters of an extracted text on the visible characters of the markup."""

    def __init__(self, scan: _Scan) -> None:
        parts: list[str] = []
        starts = array("l")
        chrome = bytearray()
        for chunk in scan.chunks:
            parts.append(chunk.text)
            if chunk.width < 0:
                starts.extend(range(chunk.start, chunk.start + len(chunk.text)))
            else:
                starts.extend([chunk.start] * len(chunk.text))
            chrome.extend(b"\x01" * len(chunk.text) if chunk.chrome else bytes(len(chunk.text)))
        visible = "".join(parts)
        kept: list[str] = []
        self.where = array("l")
        self._chrome = bytearray()
        for match in _significant_runs().finditer(visible):
            kept.append(match.group())
            self.where.extend(starts[match.start() : match.end()])
            self._chrome += chrome[match.start() : match.end()]
        self.haystack = "".join(kept).translate(_FOLD)
        self.cursor = 0
        # Characters of the text placed on the page, and how many of them in site furniture.
        self.placed = 0
        self.placed_in_chrome = 0
        self._needles: list[str] = []

    def align(self, text: str, source_length: int) -> tuple[str, OffsetMap]:
        """Map ``text`` into the markup; returns it with its paragraphs in document order."""
        text = self._document_order(text)
        positions = array("l", [-1]) * (len(text) + 1)
        paragraphs: list[tuple[array[int], str]] = []
        start = 0
        for line in text.split("\n"):
            index, needle = _needle(text, start, start + len(line))
            if len(needle) > 1 and text[index[0] : index[0] + 2] == "- ":
                # Trafilatura writes list items as "- item". The dash is left unplaced (it
                # anchors on the item's first word) even where the page itself has one.
                index, needle = index[1:], needle[1:]
            paragraphs.append((index, needle))
            start += len(line) + 1
        self._needles = [needle for _, needle in paragraphs]
        self.cursor = 0
        for number, (index, needle) in enumerate(paragraphs):
            if needle:
                self._paragraph(number, index, needle, positions)
        return text, _fill(positions, source_length)

    def _document_order(self, text: str) -> str:
        """``text`` with its paragraphs sorted by where they stand in the page.

        Trafilatura now and then emits a block out of page order (a box it picked up late).
        An offset map must run forward, so such a block could only be anchored, not placed;
        moving it back to its place in the page keeps every paragraph's offsets.
        """
        paragraphs = text.split("\n")
        keys: list[int] = []
        cursor = key = 0
        moved = False
        for paragraph in paragraphs:
            needle = _folded(paragraph)
            # Short lines ("Share", "18") occur anywhere; only long ones may set the order,
            # and a line is moved back only to its one and only occurrence.
            if len(needle) >= _LONG:
                found = self.haystack.find(needle, cursor)
                if found >= 0:
                    cursor = found + len(needle)
                    key = found
                else:
                    found = self.haystack.find(needle)
                    if found >= 0 and self.haystack.find(needle, found + 1) < 0:
                        key = found
                        moved = True
            keys.append(key)
        if not moved:
            return text
        order = sorted(range(len(paragraphs)), key=lambda i: (keys[i], i))
        return "\n".join(paragraphs[i] for i in order)

    def _far_fetched(self, number: int, found: int) -> bool:
        """Whether a short paragraph's match at ``found`` skips over where the next ones are.

        A short line ("1", "Share") also occurs far ahead; taking such a match would move the
        cursor past the rest of the article. A long paragraph that follows it in the text but
        lies before ``found`` in the page gives the match away.
        """
        if found - self.cursor <= _NEAR or len(self._needles[number]) >= _LONG:
            return False
        for following in self._needles[number + 1 : number + 6]:
            if len(following) >= _LONG:
                return self.haystack.find(following, self.cursor, found) >= 0
        return False

    def _paragraph(
        self, number: int, index: array[int], needle: str, positions: array[int]
    ) -> None:
        found = self.haystack.find(needle, self.cursor)
        if found >= 0 and not self._far_fetched(number, found):
            self._place(index, 0, found, len(needle), positions)
            self.cursor = found + len(needle)
            return
        for offset in range(0, len(needle), _SEGMENT):
            piece = needle[offset : offset + _SEGMENT]
            found = self.haystack.find(piece, self.cursor, self.cursor + 4 * len(piece) + _NEAR)
            if found >= 0 and not self._far_fetched(number, found):
                self._place(index, offset, found, len(piece), positions)
                self.cursor = found + len(piece)
            else:
                self._fuzzy(number, piece, index, offset, positions)

    def _place(
        self, index: array[int], offset: int, found: int, length: int, positions: array[int]
    ) -> None:
        where = self.where
        for n in range(length):
            positions[index[offset + n]] = where[found + n]
        self.placed += length
        self.placed_in_chrome += sum(self._chrome[found : found + length])

    def _fuzzy(
        self, number: int, piece: str, index: array[int], offset: int, positions: array[int]
    ) -> None:
        anchor = self._locate(piece)
        if anchor is None or self._far_fetched(number, anchor):
            return
        window = self.haystack[anchor : anchor + len(piece) + len(piece) // 2 + 32]
        matcher = SequenceMatcher(None, piece, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size >= _MIN_BLOCK]
        if not blocks:
            return
        # Keep the matches that lie along the longest one's diagonal: the window runs on into
        # the next paragraph, and a stray match there would drag the cursor past it.
        main = max(blocks, key=lambda b: b.size)
        slack = max(8, len(piece) // 5)
        blocks = [b for b in blocks if abs((b.b - b.a) - (main.b - main.a)) <= slack]
        if sum(b.size for b in blocks) < len(piece) // 3:
            return
        for block in blocks:
            self._place(index, offset + block.a, anchor + block.b, block.size, positions)
        self.cursor = anchor + blocks[-1].b + blocks[-1].size

    def _locate(self, piece: str) -> int | None:
        """Where ``piece`` probably starts: the earliest place most of its stretches point to.

        The stretches overlap by half and include the last one, so an inserted list bullet or
        a rewritten character spoils only the stretches that contain it.
        """
        size = min(24, max(6, len(piece) // 2))
        if len(piece) < size:
            return None
        offsets = list(range(0, len(piece) - size + 1, max(size // 2, 1)))[:16]
        offsets.append(len(piece) - size)
        limit = self.cursor + _SEARCH_AHEAD
        anchors: list[int] = []
        for offset in offsets:
            found = self.haystack.find(piece[offset : offset + size], self.cursor, limit)
            if found >= 0:
                anchors.append(max(self.cursor, found - offset))
        if not anchors:
            return None

        def support(anchor: int) -> tuple[int, int]:
            return sum(1 for other in anchors if abs(other - anchor) <= 8), -anchor

        best = max(anchors, key=support)
        return min(other for other in anchors if abs(other - best) <= 8)


def _fill(positions: array[int], source_length: int) -> OffsetMap:
    """Anchor unplaced characters on their next placed neighbour (trailing ones on the last)."""
    following = -1
    for i in range(len(positions) - 2, -1, -1):
        if positions[i] >= 0:
            following = positions[i]
        else:
            positions[i] = following
    last = 0
    for i in range(len(positions) - 1):
        if positions[i] < 0:
            positions[i] = last
        else:
            last = positions[i]
    positions[-1] = source_length
    return OffsetMap(positions)


def _fallback_text(scan: _Scan, source_length: int) -> tuple[str, OffsetMap]:
    """The page's own visible body text, without site furniture, one block per line."""
    builder = TextBuilder(source_length)
    pending = ""
    for chunk in scan.chunks:
        if chunk.chrome or chunk.head:
            continue
        if chunk.block and len(builder):
            pending = "\n"
        if chunk.width >= 0:
            if chunk.text.isspace():
                pending = pending or " "
                continue
            if pending and len(builder):
                builder.insert(pending, chunk.start)
            pending = ""
            builder.map_to(chunk.text, chunk.start, chunk.start + chunk.width)
            continue
        for match in re.finditer(r"\S+|\s+", chunk.text):
            if match.group().isspace():
                pending = pending or " "
                continue
            if pending and len(builder):
                builder.insert(pending, chunk.start + match.start())
            pending = ""
            builder.copy(match.group(), chunk.start + match.start())
    return builder.build()


def _extract(markup: str) -> tuple[str, Any]:
    """Trafilatura's main text ("" if none) and its metadata document (or None)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params

    # Only dates the page states in its markup: a deep search guesses from any date in the text.
    date_params = set_date_params(False)
    try:
        tree = trafilatura.load_html(markup)
    except Exception:  # trafilatura/lxml on hostile markup; the fallback text still works
        tree = None
    if tree is None:
        return "", None
    for favor_precision in (True, False):
        # Precision first: it drops ads and promo boxes that recall mode keeps; recall only
        # when precision leaves nothing.
        try:
            document = trafilatura.bare_extraction(
                tree,
                favor_precision=favor_precision,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                include_formatting=False,
                deduplicate=False,
                with_metadata=True,
                date_extraction_params=date_params,
            )
        except Exception:
            document = None
        text = getattr(document, "text", None) or ""
        if has_text(text):
            return text, document
    try:
        return "", extract_metadata(tree, date_config=date_params, extensive=False)
    except Exception:
        return "", None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _date(value: str | None) -> str | None:
    match = _ISO_DATE.match(value or "")
    return match.group(0) if match else None


def _authors(value: str | None) -> list[str]:
    if not value or value.startswith(("http://", "https://")):
        return []
    names: list[str] = []
    for part in re.split(r"\s*;\s*", value):
        part = part.strip()
        if part and part not in names:
            names.append(part)
    return names


def _hints(scan: _Scan, document: Any) -> dict[str, Any]:
    meta = scan.meta
    hints: dict[str, Any] = {}
    title = (
        _clean(getattr(document, "title", None))
        or _clean(meta.get("og:title"))
        or _clean(scan.title)
    )
    if title:
        hints["title"] = title
    authors = _authors(_clean(getattr(document, "author", None))) or _authors(
        _clean(meta.get("author") or meta.get("article:author"))
    )
    if authors:
        hints["authors"] = authors
    # The page's own publication stamp beats trafilatura's choice among the dates it finds.
    published = (
        _date(meta.get("article:published_time"))
        or _date(meta.get("datepublished"))
        or _date(_clean(getattr(document, "date", None)))
    )
    if published:
        hints["published"] = published
    outlet = _clean(meta.get("og:site_name")) or _clean(getattr(document, "sitename", None))
    if outlet:
        hints["outlet"] = outlet
    language = scan.lang or meta.get("og:locale") or _clean(getattr(document, "language", None))
    if language:
        # "en-GB", "en_GB" -> "en": the primary subtag is what language tools key on.
        primary = re.split(r"[-_]", language.strip())[0].lower()
        if primary.isalpha():
            hints["language"] = primary
    description = _clean(getattr(document, "description", None)) or _clean(
        meta.get("description") or meta.get("og:description")
    )
    if description:
        hints["description"] = description
    return hints


def _drop_title(text: str, scan: _Scan, title: str | None) -> str:
    """Trafilatura often repeats the headline as the first line; the title hint carries it."""
    first, _, rest = text.partition("\n")
    if not has_text(rest):
        return text
    page_title = _clean(scan.title) or ""
    titles = [title, scan.meta.get("og:title"), scan.meta.get("twitter:title"), page_title]
    # "Headline | Outlet": the <title> usually carries the site name too.
    titles.append(re.split(r"\s+[|–—-]\s+", page_title)[0])
    if any(candidate and _same(first, candidate) for candidate in titles):
        return rest
    return text


class HtmlReader:
    """Reads an HTML page: trafilatura's main text, mapped back into the markup."""

    format = "html"

    def read(self, data: bytes, source: str) -> SourceDocument:
        decoded = decode(data, source, declared=declared_charset(data))
        markup = decoded.text
        if not has_text(markup):
            raise InputError(source, "contains no text (only whitespace)", ErrorCode.EMPTY)
        scan = _scan(markup)
        main, document = _extract(markup)
        hints = _hints(scan, document)
        aligner = _Aligner(scan)
        if main:
            text = _drop_title(main, scan, hints.get("title"))
            text, offsets = aligner.align(text, len(markup))
        if not main or aligner.placed_in_chrome > 0.9 * aligner.placed:
            # Nothing, or only a menu: trafilatura's last resort on pages with no article.
            text, offsets = _fallback_text(scan, len(markup))
            if not has_text(text):
                raise InputError(source, "HTML page has no readable text", ErrorCode.HTML_NO_TEXT)
        return SourceDocument(
            source=source,
            format=self.format,
            source_text=markup,
            text=text,
            offsets=offsets,
            encoding=decoded.encoding,
            hints=hints,
        )
