"""Line-level facts the cleaner decides on: where lines are, how they end, which script they use.

Everything here is computed once per line with C-level string methods and precompiled regexes:
the cleaner runs on thousands of articles, so nothing loops in Python over the characters of a
line or a document (only over a few characters at a line end or inside an invisible run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

# str.splitlines() splits on exactly these; "\f" additionally starts a new page.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Horizontal whitespace (everything str.isspace() accepts that is not a line break).
SPACES = (
    " \t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# Invisible characters that are always debris in extracted text.
INVISIBLE = "\u00ad\u200b\u2060\ufeff\u180e"
# Joiners and direction marks: orthography inside Persian, Indic or emoji sequences, debris
# elsewhere. They stay only between two non-ASCII characters (see keeps_joiners).
CONTEXTUAL = "\u200c\u200d\u200e\u200f"
STRIP = SPACES + INVISIBLE + CONTEXTUAL + LINE_BREAKS

_GAP_CHARS = rf"\s{INVISIBLE}{CONTEXTUAL}"
# A run the clean text replaces by one space (if it holds whitespace) or by nothing. A lone plain
# space is not a match, so regular text is copied in long stretches. Every alternative starts
# with a character set, which keeps the scan in C fast.
GAP = re.compile(
    rf"[^\S ][{_GAP_CHARS}]*| [{_GAP_CHARS}]+|[{INVISIBLE}{CONTEXTUAL}][{_GAP_CHARS}]*"
)
WHITESPACE = re.compile(r"\s")
# Cheap test: does a stripped line need more than a verbatim copy? Over-approximates GAP.
IRREGULAR = re.compile(rf"[^\S ]| {{2}}|[{INVISIBLE}{CONTEXTUAL}]")
INVISIBLE_RUN = re.compile(rf"[{INVISIBLE}{CONTEXTUAL}]+")


def keeps_joiners(source: str, start: int, end: int) -> bool:
    """Does the invisible run ``source[start:end]`` sit between two non-ASCII, non-space
    characters, where joiners and direction marks are orthography and stay?"""
    if start == 0 or end >= len(source):
        return False
    before, after = source[start - 1], source[end]
    return not (before.isascii() or after.isascii() or before.isspace() or after.isspace())


def dropped_invisibles(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the invisible run ``source[start:end]`` the clean text leaves out."""
    if not keeps_joiners(source, start, end):
        return [(start, end)]
    spans: list[tuple[int, int]] = []
    run = -1
    for index in range(start, end):
        if source[index] in CONTEXTUAL:
            if run >= 0:
                spans.append((run, index))
                run = -1
        elif run < 0:
            run = index
    if run >= 0:
        spans.append((run, end))
    return spans


@dataclass(slots=True, eq=False)
class Line:
    """One physical line of the input, with its content stripped of edge whitespace."""

    start: int
    """Source offset of the first content character (after leading whitespace)."""
    end: int
    """Source offset just past the last content character."""
    text: str
    """``source[start:end]``; empty for a blank line."""
    page: int
    indent: int
    """Leading whitespace width, a tab counting as four."""
    soft_end: bool
    """The line ended with a soft hyphen: an explicit hyphenation point to close up."""
    debris: str | None = None
    """Why the line was dropped, or None if it is kept."""


def split_lines(source: str) -> tuple[list[Line], int]:
    """The lines of ``source`` and the number of pages (``\\f``-separated)."""
    lines: list[Line] = []
    pos = 0
    page = 0
    for raw in source.splitlines(True):
        body = raw.rstrip(LINE_BREAKS)
        content = body.lstrip(STRIP)
        lead = len(body) - len(content)
        content = content.rstrip(STRIP)
        start = pos + lead
        indent = 0
        soft_end = False
        if content:
            if lead:
                indent = lead + 3 * body.count("\t", 0, lead)
            soft_end = body.rstrip(SPACES).endswith("\u00ad")
        lines.append(Line(start, start + len(content), content, page, indent, soft_end))
        pos += len(raw)
        if "\f" in raw[len(body) :]:
            page += 1
    return lines, page + 1


def _load_words(name: str) -> frozenset[str]:
    data = resources.files("spinscope").joinpath("data").joinpath(name)
    words = (line.strip() for line in data.read_text(encoding="utf-8").splitlines())
    return frozenset(word for word in words if word and not word.startswith("#"))


CONTINUATIONS = _load_words("cleaning_continuations.txt")
WEAK_CONTINUATIONS = _load_words("cleaning_continuations_weak.txt")
NONTERMINAL_ABBREVIATIONS = _load_words("cleaning_abbreviations.txt")

_SENTENCE_FINAL = frozenset('.!?…:"”’»')
_CLOSING_BRACKETS = ")]}"
_CLOSING_QUOTES = "\"”’»'"

_INITIALISM = re.compile(r"(?:[^\W\d_]\.){2,}")
# Characters a line may start with only when it continues the line before.
_CONTINUATION_START = frozenset(",;:.)]}%…”")
_URL_START = re.compile(r"(?i)(?:https?://|www\.)")


def ends_sentence(text: str) -> bool:
    """``text`` ends with sentence-final punctuation that is not a title abbreviation."""
    trimmed = text.rstrip(_CLOSING_BRACKETS)
    if not trimmed or trimmed[-1] not in _SENTENCE_FINAL:
        return False
    if trimmed[-1] == ".":
        last = trimmed.rsplit(None, 1)[-1].lower()
        return last not in NONTERMINAL_ABBREVIATIONS
    return True


def ends_terminal(text: str) -> bool:
    """Ends with a full stop, question or exclamation mark, possibly inside closing quotes."""
    trimmed = text.rstrip(_CLOSING_BRACKETS + _CLOSING_QUOTES)
    return bool(trimmed) and trimmed[-1] in ".!?…"


def ends_initialism(text: str) -> bool:
    """``text`` ends with "U.S."-like initials, which end a sentence only before a capital."""
    last = text.rsplit(None, 1)[-1]
    return _INITIALISM.fullmatch(last.lstrip('("“‘')) is not None


def starts_lower(text: str) -> bool:
    """Starts with a lowercase word, not a brand written "iPhone" or "eBay"."""
    first = text[0]
    if not first.islower():
        return False
    return len(text) < 2 or not text[1].isupper()


def starts_continuation(text: str) -> bool:
    return text[0] in _CONTINUATION_START


_SALUTATION = re.compile(
    r"(?i)(?:sir|sirs|madam|sir\s+or\s+madam|dear\s+(?:sir|madam|editor|[^\W\d_][\w.'’-]*"
    r"(?:\s+[^\W\d_][\w.'’-]*){0,3}))\s*,"
)


def is_salutation(text: str) -> bool:
    """A letter's salutation on a line of its own ("Sir,", "Dear Editor,"): its own paragraph,
    though it ends with a comma."""
    return bool(_SALUTATION.fullmatch(text.strip()))


def starts_url(text: str) -> bool:
    return _URL_START.match(text) is not None


def last_word(text: str) -> str:
    return text.rsplit(None, 1)[-1].lower()


def first_word_length(text: str) -> int:
    space = text.find(" ")
    return len(text) if space < 0 else space


# Page numbers written out: "Page 3", "Page 3 of 7", "p. 3", "3 / 7", "3 of 7", "- 3 -", "[3]".
_PAGE_EXPLICIT = re.compile(
    r"(?i)(?:page|pg\.?|p\.|seite|pag\.|стр\.?|страница|σελ\.?)\s*\d{1,4}"
    r"(?:\s*(?:of|/|из|von|de|di)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|of|из|von)\s*\d{1,4}"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"
    r"|[\[(]\s*\d{1,4}\s*[\])]"
)
_PAGE_BARE = re.compile(r"\d{1,4}")
_DIGITS = re.compile(r"\d+")


def is_explicit_page_number(text: str) -> bool:
    return len(text) <= 24 and _PAGE_EXPLICIT.fullmatch(text) is not None


def is_bare_number(text: str) -> bool:
    return len(text) <= 4 and _PAGE_BARE.fullmatch(text) is not None


_LETTER = re.compile(r"[^\W\d_]")


def has_letter(text: str) -> bool:
    return _LETTER.search(text) is not None


def running_head_key(text: str) -> str:
    """Compare key for running heads: page numbers and dates differ from page to page."""
    return _DIGITS.sub("#", text)


# Letter ranges per script, looked up by code point. Not unicodedata.name(): that needs a Python
# call for every character, while here a regex finds the runs of non-ASCII letters in C and
# only each run's first character is looked up.
_SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Latin": ((0x00AA, 0x00AA), (0x00BA, 0x00BA), (0x00C0, 0x024F), (0x1E00, 0x1EFF)),
    "Greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "Cyrillic": ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Armenian": ((0x0530, 0x058F),),
    "Hebrew": ((0x0590, 0x05FF),),
    "Arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF)),
    "Devanagari": ((0x0900, 0x097F),),
    "Bengali": ((0x0980, 0x09FF),),
    "Thai": ((0x0E00, 0x0E7F),),
    "Georgian": ((0x10A0, 0x10FF),),
    "Hangul": ((0x1100, 0x11FF), (0xAC00, 0xD7AF)),
    "CJK": ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF)),
}
_SCRIPT_NAMES = ("Other", *_SCRIPT_RANGES)


def _script_table() -> bytes:
    table = bytearray(0x10000)
    for index, ranges in enumerate(_SCRIPT_RANGES.values(), start=1):
        for low, high in ranges:
            table[low : high + 1] = bytes([index]) * (high + 1 - low)
    table[0xFE70:0xFEFD] = bytes([_SCRIPT_NAMES.index("Arabic")]) * (0xFEFD - 0xFE70)
    return bytes(table)


_SCRIPT_TABLE = _script_table()
_NON_ASCII_LETTERS = re.compile(r"[^\x00-\x7f\W\d_]+")
_NOT_ASCII_LETTER = bytes(c for c in range(256) if not (65 <= c <= 90 or 97 <= c <= 122))


def script_of(char: str) -> str:
    """The script of one character (``"Other"`` if not one of the known ones)."""
    code = ord(char)
    if code < 0x80:
        return "Latin" if char.isalpha() else "Other"
    return _SCRIPT_NAMES[_SCRIPT_TABLE[code]] if code < 0x10000 else "Other"


def script_counts(text: str) -> dict[str, int]:
    """Number of letters of each script in ``text`` (scripts without letters left out)."""
    ascii_part = text.encode("ascii", "ignore")
    counts: dict[str, int] = {}
    latin = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
    if latin:
        counts["Latin"] = latin
    if len(ascii_part) < len(text):
        for run in _NON_ASCII_LETTERS.findall(text):
            name = script_of(run[0])
            counts[name] = counts.get(name, 0) + len(run)
    return counts


def main_script(text: str, share: float) -> str | None:
    """The script of at least ``share`` of the letters of ``text``, if there is one."""
    ascii_part = text.encode("ascii", "ignore")
    latin = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
    # Cheap sufficient test first: even if every non-ASCII character were a foreign letter,
    # ASCII letters would hold the share. Spares the full count on English text.
    if latin and latin >= share * (latin + len(text) - len(ascii_part)):
        return "Latin"
    counts = script_counts(text)
    total = sum(counts.values())
    if not total:
        return None
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count >= share * total else None


def dominant_script(text: str, share: float) -> str | None:
    """Like :func:`main_script` for a short text; None also when it has fewer than 2 letters."""
    counts = script_counts(text)
    total = sum(counts.values())
    if total < 2:
        return None
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count >= share * total else None
