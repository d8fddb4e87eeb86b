"""Turns extracted text (plain text, HTML main text, PDF text layers) into clean paragraphs.

The clean text has paragraphs separated by ``"\\n\\n"`` and single spaces inside them, and an
:class:`~spinscope.document.OffsetMap` back to the input. Every kept character is copied, never
rewritten: quote marks and dashes stay as they are, because offsets and the quote extractor rely
on them. Only whitespace is normalised (tabs, no-break spaces, line breaks become one space),
invisible characters and line-end hyphens of broken words are dropped, and debris lines (running
heads, page numbers, mastheads in another script) are left out and reported in ``removed``.

The work is line-based, in three passes over the lines: mark debris, decide for each pair of
neighbouring kept lines whether they continue one paragraph, then emit with one TextBuilder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from wordfreq import zipf_frequency

from spinscope.cleaning import _lines as L
from spinscope.cleaning._lines import Line
from spinscope.document import OffsetMap, TextBuilder

REMOVAL_REASONS = (
    "page-number",
    "repeated-header",
    "repeated-footer",
    "repeated-line",
    "masthead-script",
    "soft-hyphen",
    "zero-width",
)
"""Every reason ``CleanText.removed`` may give."""

# Running heads are short; a long line at a page edge is text that happens to sit there.
_MAX_RUNNING_HEAD = 160
# How many lines at the top and at the bottom of a page can be running heads, per round; after
# a round removes some, the lines under them are looked at again (stacked heads).
_EDGE_LINES = 2
_EDGE_ROUNDS = 3
_MAX_MASTHEAD = 120
# Share of letters that makes a script a document's (or a line's) own.
_SCRIPT_SHARE = 0.8
# A joined word must be at least this common to be a word at all (Zipf scale: 1.5 is about one
# in 30 million words), and no more than this much rarer than the hyphenated pair. The margin was
# calibrated on news vocabulary: "persuasion", "undermine", "overall", "protest" join;
# "well-known", "anti-war", "re-election", "co-founder", "self-defense" keep their hyphen.
_MIN_JOINED_ZIPF = 1.5
_HYPHEN_MARGIN = 1.4
# Hyphenation of words in these scripts is judged with this wordfreq language.
_SCRIPT_LANGUAGE = {"Cyrillic": "ru", "Greek": "el"}


class _Join(Enum):
    BREAK = 0
    """Paragraph break."""
    SPACE = 1
    GLUE = 2
    """No space: a kept hyphen, a soft hyphen, a dash."""
    DEHYPHEN = 3
    """Drop the line-end hyphen and close up."""


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    offsets: OffsetMap
    """Maps ``text`` to the input of :func:`clean`."""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    """Paragraph spans in ``text``, end exclusive."""
    removed: list[tuple[int, int, str]] = field(default_factory=list)
    """Spans of the input dropped as debris, with a reason from ``REMOVAL_REASONS``, in input
    order."""


@dataclass(frozen=True, slots=True)
class TextCleaner:
    """The cleaner with its options; :func:`clean` uses the defaults."""

    dehyphenate: bool = True
    """Close up words broken at line ends when the joined word is a known word."""
    drop_running_heads: bool = True
    """Drop lines repeated at page edges, and short lines repeated three times or more."""
    drop_page_numbers: bool = True
    drop_other_script: bool = True
    """Drop short standalone lines in a script other than the document's (foreign mastheads)."""
    language: str = "en"
    """wordfreq language for de-hyphenating Latin-script words."""

    def clean(self, source: str) -> CleanText:
        lines, page_count = L.split_lines(source)
        self._mark_debris(source, lines, page_count)
        kept = [line for line in lines if line.text and line.debris is None]
        joins = self._decide_joins(lines, kept)
        text, offsets, paragraphs = _emit(source, kept, joins)
        return CleanText(text, offsets, paragraphs, _removed(source, lines))

    # -- debris --------------------------------------------------------------------------------

    def _mark_debris(self, source: str, lines: list[Line], page_count: int) -> None:
        if self.drop_page_numbers:
            _mark_page_numbers(lines)
        if self.drop_page_numbers or self.drop_running_heads:
            self._mark_page_edges(lines, page_count)
        if self.drop_running_heads:
            _mark_repeated_lines(lines)
        if self.drop_other_script and not source.isascii():
            _mark_other_script(source, lines)

    def _mark_page_edges(self, lines: list[Line], page_count: int) -> None:
        pages: list[list[Line]] = [[] for _ in range(page_count)]
        for line in lines:
            if line.text and line.debris is None:
                pages[line.page].append(line)
        heads = self.drop_running_heads and page_count > 1
        for _ in range(_EDGE_ROUNDS):
            changed = False
            pages = [[line for line in page if line.debris is None] for page in pages]
            found: list[tuple[Line, str, bool]] = []
            pages_with: dict[str, set[int]] = {}
            for number, page in enumerate(pages):
                top = page[:_EDGE_LINES]
                edge = top + [line for line in page[-_EDGE_LINES:] if line not in top]
                keys: set[str] = set()
                for line in edge:
                    # A bare number is a page number only as a page's very first or last line;
                    # further in it may be a wrapped fragment ("rose by / 12 / percent").
                    if (
                        self.drop_page_numbers
                        and (line is page[0] or line is page[-1])
                        and L.is_bare_number(line.text)
                    ):
                        line.debris = "page-number"
                        changed = True
                        continue
                    if not heads or not _may_be_running_head(line.text):
                        continue
                    key = L.running_head_key(line.text)
                    # The same key twice at one page's edge is a running head over a title
                    # that repeats it: only the first counts, the title stays.
                    if key in keys:
                        continue
                    keys.add(key)
                    found.append((line, key, line in top))
                    pages_with.setdefault(key, set()).add(number)
            for line, key, is_top in found:
                if len(pages_with[key]) >= 2 and line.debris is None:
                    line.debris = "repeated-header" if is_top else "repeated-footer"
                    changed = True
            if not changed:
                break

    # -- paragraphs ----------------------------------------------------------------------------

    def _decide_joins(self, lines: list[Line], kept: list[Line]) -> list[_Join]:
        """``joins[k]``: how kept line ``k`` attaches to line ``k - 1`` (``joins[0]`` unused)."""
        if not kept:
            return []
        ends = [L.ends_sentence(line.text) for line in kept]
        lengths = [len(line.text) for line in kept]
        wrapped = _is_hard_wrapped(lengths, ends)
        widths = _page_widths(kept, lengths)
        indents = sorted(line.indent for line in kept)
        typical_indent = indents[len(indents) // 2]
        gaps = _gaps(lines, kept)
        joins = [_Join.BREAK]
        for k in range(1, len(kept)):
            prev, cur = kept[k - 1], kept[k]
            width = widths[prev.page]
            if L.is_salutation(prev.text):
                together = False  # a letter's "Sir," is its own paragraph despite its comma
            elif gaps[k] == 0 and wrapped:
                together = _continues_wrapped(prev, cur, ends[k - 1], width, typical_indent)
            else:
                together = _continues_across(prev, cur, ends[k - 1], wrapped, width)
            joins.append(self._join_kind(prev, cur) if together else _Join.BREAK)
        return joins

    def _join_kind(self, prev: Line, line: Line) -> _Join:
        """How ``prev`` attaches to the ``line`` that continues its paragraph."""
        if prev.soft_end:
            return _Join.GLUE
        before, after = prev.text, line.text
        last = before[-1]
        if last in "-\u2010" and len(before) >= 2:
            # A hyphen after a space is a dash standing for one: keep the spacing.
            if not (before[-2].isalnum() and after[0].isalnum()):
                return _Join.SPACE
            if self.dehyphenate and after[0].islower() and before[-2].isalpha():
                return _Join.DEHYPHEN if self._is_broken_word(before, after) else _Join.GLUE
            # "Kassym-Jomart", "COVID-19", "2019-2020": the hyphen is part of the name.
            return _Join.GLUE
        if last in "—–" and len(before) >= 2 and not before[-2].isspace():
            return _Join.GLUE
        return _Join.SPACE

    def _is_broken_word(self, before: str, after: str) -> bool:
        """Was ``stem-`` + ``rest`` one word broken by typesetting, or a hyphenated compound?"""
        stem = before[:-1]
        cut = len(stem)
        while cut and stem[cut - 1].isalpha():
            cut -= 1
        left = stem[cut:]
        # "state-of-the-\nart": the word is a hyphenated compound already.
        if cut and stem[cut - 1] in "-\u2010":
            return False
        right_end = 0
        while right_end < len(after) and after[right_end].isalpha():
            right_end += 1
        right = after[:right_end]
        # Typesetters leave at least two letters on each side ("x-ray", "e-mail" are compounds).
        if len(left) < 2 or len(right) < 2:
            return False
        script = L.script_of(left[0])
        language = self.language if script == "Latin" else _SCRIPT_LANGUAGE.get(script)
        if language is None:
            return False
        try:
            joined = zipf_frequency((left + right).lower(), language)
            if joined < _MIN_JOINED_ZIPF:
                return False
            hyphenated = zipf_frequency(f"{left}-{right}".lower(), language)
        except LookupError:
            # A language wordfreq has no list for: keeping the hyphen loses nothing.
            return False
        return joined >= hyphenated - _HYPHEN_MARGIN


def _may_be_running_head(text: str) -> bool:
    """Short, with a letter or digit, and not a sentence: real sentences are never dropped,
    even when the same one happens to open or close two pages."""
    if len(text) > _MAX_RUNNING_HEAD or not any(char.isalnum() for char in text):
        return False
    return not (L.ends_terminal(text) and text.count(" ") >= 2) and not _mid_sentence(text)


def _mid_sentence(text: str) -> bool:
    """A line that starts or ends mid-sentence is a wrapped piece of a paragraph (a URL or a
    domain name on its own is not, though it starts lowercase)."""
    if L.starts_url(text) or (" " not in text and ("." in text or "/" in text)):
        return False
    return L.starts_lower(text) or text[-1] in ",;-" or L.last_word(text) in L.CONTINUATIONS


def _mark_page_numbers(lines: list[Line]) -> None:
    """Explicit page numbers anywhere; bare numbers when they stand alone between blank lines."""
    last = len(lines) - 1
    for i, line in enumerate(lines):
        text = line.text
        if not text or len(text) > 24 or line.debris is not None:
            continue
        if L.is_explicit_page_number(text):
            line.debris = "page-number"
        elif L.is_bare_number(text):
            # A bare number inside a block may be a wrapped fragment ("rose by / 12 / percent").
            before = i == 0 or not lines[i - 1].text or lines[i - 1].page != line.page
            after = i == last or not lines[i + 1].text or lines[i + 1].page != line.page
            if before and after:
                line.debris = "page-number"


def _mark_repeated_lines(lines: list[Line]) -> None:
    """Short, unpunctuated lines seen three times or more are running heads wherever they sit."""
    seen: dict[str, list[Line]] = {}
    for line in lines:
        text = line.text
        if line.debris is not None or not 3 <= len(text) <= 80 or L.ends_sentence(text):
            continue
        if _mid_sentence(text) or not L.has_letter(text):
            continue
        seen.setdefault(L.running_head_key(text), []).append(line)
    for group in seen.values():
        if len(group) >= 3:
            for line in group:
                line.debris = "repeated-line"


def _mark_other_script(source: str, lines: list[Line]) -> None:
    """Short standalone lines in another script than the document's: foreign mastheads."""
    candidates: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        text = line.text
        if not text or line.debris is not None or len(text) >= _MAX_MASTHEAD or text.isascii():
            continue
        # A sentence in another language is text, not a masthead.
        if text[-1] in ".!?…؟。":
            continue
        script = L.dominant_script(text, _SCRIPT_SHARE)
        if script is not None:
            candidates.append((i, script))
    if not candidates:
        return
    # Only a document clearly in one script has "another" script: a bilingual text has none.
    main = L.main_script(source, _SCRIPT_SHARE)
    if main is None:
        return
    last = len(lines) - 1
    for i, script in candidates:
        if script == main:
            continue
        line = lines[i]
        # A line inside a wrapped paragraph (a quote in the original language) is text.
        prev = lines[i - 1] if i else None
        inside = (
            prev is not None
            and prev.text != ""
            and prev.debris is None
            and prev.page == line.page
            and not L.ends_sentence(prev.text)
            and i < last
            and lines[i + 1].text != ""
            and lines[i + 1].page == line.page
        )
        if not inside:
            line.debris = "masthead-script"


def _is_hard_wrapped(lengths: list[int], ends: list[bool]) -> bool:
    """Is the text hard-wrapped (PDF-like) rather than one paragraph per line?

    Hard-wrapped lines cluster just under one width and mostly end mid-sentence; paragraph lines
    vary widely in length and mostly end with sentence punctuation.
    """
    count = len(lengths)
    if count < 3:
        return False
    ordered = sorted(lengths)
    p90 = ordered[min(count - 1, (9 * count) // 10)]
    full = sum(1 for length in lengths if length >= 0.75 * p90)
    return p90 <= 200 and full >= 0.5 * count and sum(ends) < 0.6 * count


def _page_widths(kept: list[Line], lengths: list[int]) -> dict[int, float]:
    """Typical full line width per page (90th percentile), the document's for sparse pages."""
    by_page: dict[int, list[int]] = {}
    for line, length in zip(kept, lengths, strict=True):
        by_page.setdefault(line.page, []).append(length)

    def p90(values: list[int]) -> float:
        ordered = sorted(values)
        return float(ordered[min(len(ordered) - 1, (9 * len(ordered)) // 10)])

    document = p90(lengths)
    return {page: p90(values) if len(values) >= 5 else document for page, values in by_page.items()}


def _gaps(lines: list[Line], kept: list[Line]) -> list[int]:
    """What separates each kept line from the previous kept one: 0 a line break, 1 blank lines
    (dropped debris lines do not count), 2 a page break."""
    gaps: list[int] = []
    blank = False
    previous_page = kept[0].page
    is_kept = {id(line) for line in kept}
    for line in lines:
        if id(line) in is_kept:
            gaps.append(2 if line.page != previous_page else 1 if blank else 0)
            blank = False
            previous_page = line.page
        elif not line.text:
            blank = True
    return gaps


_BYLINE = re.compile(r"(?:By|BY)\s+(?:[A-Z]|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?)")


def _continues_wrapped(
    prev: Line, cur: Line, prev_ends: bool, width: float, typical_indent: int
) -> bool:
    """Inside a block of hard-wrapped lines: does ``cur`` continue ``prev``'s paragraph?"""
    if cur.indent > typical_indent + 1:
        return False
    if prev.soft_end:
        return True
    text = prev.text
    if _BYLINE.match(text) and not L.starts_lower(cur.text):
        return False  # a byline is its own line however wide the author's titles run
    if L.starts_lower(cur.text):
        return True
    # The next word would have fitted on this line: the typesetter broke it on purpose.
    fits = len(text) + 1 + L.first_word_length(cur.text) < 0.85 * width
    if prev_ends:
        return not fits
    if len(text) < 0.6 * width and text[-1] not in ",;-\u2010—–":
        # A short line that does not end a sentence, before a capital: a title or heading.
        return L.last_word(text) in L.CONTINUATIONS
    return True


def _continues_across(prev: Line, cur: Line, prev_ends: bool, wrapped: bool, width: float) -> bool:
    """Across a page break, blank lines, or between one-paragraph lines: is it one paragraph?"""
    text, after = prev.text, cur.text
    if prev.soft_end or (text[-1] in "-\u2010" and len(text) > 1 and text[-2].isalnum()):
        return True
    if L.starts_url(after):
        return False
    if prev_ends:
        # "U.S. / officials": initials, not a sentence end; after a closing quote or a colon
        # without a full stop, a lowercase word goes on with the sentence.
        return L.starts_lower(after) and (L.ends_initialism(text) or not L.ends_terminal(text))
    if L.starts_lower(after) or L.starts_continuation(after):
        return True
    titleish = len(text) < (0.6 * width if wrapped else 80)
    word = L.last_word(text)
    if text[-1] in ",;(—–" or word in L.CONTINUATIONS:
        return True
    if titleish:
        return False
    if word in L.WEAK_CONTINUATIONS or after[0].isdigit():
        return True
    # A full-width wrapped line that does not end a sentence runs on past the break.
    return wrapped and len(text) >= 0.8 * width


def _emit(
    source: str, kept: list[Line], joins: list[_Join]
) -> tuple[str, OffsetMap, list[tuple[int, int]]]:
    builder = TextBuilder(len(source))
    paragraphs: list[tuple[int, int]] = []
    paragraph_start = 0
    count = len(kept)
    for k, line in enumerate(kept):
        if k:
            join = joins[k]
            prev_end = kept[k - 1].end
            if join is _Join.BREAK:
                paragraphs.append((paragraph_start, len(builder)))
                _separate(builder, source, "\n\n", prev_end, line.start)
                paragraph_start = len(builder)
            elif join is _Join.SPACE:
                _separate(builder, source, " ", prev_end, line.start)
        if k + 1 < count and joins[k + 1] is _Join.DEHYPHEN:
            _copy_normalised(builder, source, line.start, line.end - 1, line.text[:-1])
        else:
            _copy_normalised(builder, source, line.start, line.end, line.text)
    if count:
        paragraphs.append((paragraph_start, len(builder)))
    text, offsets = builder.build()
    return text, offsets, paragraphs


def _separate(builder: TextBuilder, source: str, separator: str, before: int, after: int) -> None:
    # Copy the separator when the input has exactly it, so clean input maps one to one.
    if after - before == len(separator) and source.startswith(separator, before):
        builder.copy(separator, before)
    else:
        builder.insert(separator, after)


def _copy_normalised(builder: TextBuilder, source: str, start: int, end: int, text: str) -> None:
    """Append ``source[start:end]`` (``text``) with inner whitespace runs as single spaces and
    invisible characters left out."""
    if L.IRREGULAR.search(text) is None:
        builder.copy(text, start)
        return
    position = start
    for gap in L.GAP.finditer(source, start, end):
        gap_start, gap_end = gap.span()
        if gap_start > position:
            builder.copy(source[position:gap_start], position)
        space = L.WHITESPACE.search(source, gap_start, gap_end)
        if space is not None:
            if gap_start > start and gap_end < end:
                builder.insert(" ", space.start())
        elif L.keeps_joiners(source, gap_start, gap_end):
            for index in range(gap_start, gap_end):
                if source[index] in L.CONTEXTUAL:
                    builder.copy(source[index], index)
        position = gap_end
    if position < end:
        builder.copy(source[position:end], position)


def _removed(source: str, lines: list[Line]) -> list[tuple[int, int, str]]:
    removed = [(line.start, line.end, line.debris) for line in lines if line.debris is not None]
    if source.isascii():
        return removed
    debris_lines = [(start, end) for start, end, _ in removed]
    index = 0
    for match in L.INVISIBLE_RUN.finditer(source):
        # Invisibles inside a dropped line are already covered by that line's span.
        while index < len(debris_lines) and debris_lines[index][1] <= match.start():
            index += 1
        if index < len(debris_lines) and debris_lines[index][0] <= match.start():
            continue
        for start, end in L.dropped_invisibles(source, match.start(), match.end()):
            only_soft = source.count("\u00ad", start, end) == end - start
            removed.append((start, end, "soft-hyphen" if only_soft else "zero-width"))
    removed.sort()
    return removed


_DEFAULT = TextCleaner()


def clean(text: str) -> CleanText:
    """Clean ``text`` with the default :class:`TextCleaner`."""
    return _DEFAULT.clean(text)
