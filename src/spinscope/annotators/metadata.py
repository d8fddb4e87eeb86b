"""Article metadata: title, authors and their roles, outlet, publication date, wire dateline.

Reader hints (HTML meta tags, PDF info) come first; the clean text fills the gaps. Only the
first few lines and the last few paragraphs are read, with anchored regexes, so this stays
well under a millisecond per article. A field is set only when a pattern vouches for it: a
missing value is better than a wrong one.

The clean-text spans the values came from are stored in ``doc.hints["metadata_spans"]`` as
``{kind: (start, end)}`` (see :data:`SPAN_KINDS`) so later annotators can skip the lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from spinscope.data import read_json
from spinscope.document import Dateline, Document

SPANS_HINT = "metadata_spans"
"""Key in ``doc.hints`` of the ``{kind: (start, end)}`` dict of clean-text offsets."""
SPAN_KINDS = (
    "title",  # the headline line, when the text carries it
    "byline",  # "By Jane Doe, Staff Writer" (the segment, when a line also holds a date)
    "date_line",  # "Published: 8 November 2022", "date 2022-11-08"
    "updated_line",  # "Updated 08.11.2022 14:30"
    "dateline",  # the wire prefix only: "BAKU, Nov. 9 (AZERTAC) –", not the sentence after it
    "author_box",  # "Jane Doe is a senior fellow at ..." at the end of an op-ed
    "credits",  # "(Reporting by ...; Editing by ...)"
    "source_line",  # "Source: X", "© 2022 X", "Originally published by X"
)

NOT_PROSE_KINDS = frozenset(SPAN_KINDS) - {"title"}
"""Metadata lines that are not the writer's prose (the title is: it is the writer's voice)."""


def not_prose_spans(doc: Document) -> list[tuple[int, int]]:
    """Where the metadata lines of :data:`NOT_PROSE_KINDS` lie in ``doc``'s clean text."""
    spans = doc.hints.get(SPANS_HINT)
    if not isinstance(spans, dict):
        return []
    return [span for kind, span in spans.items() if kind in NOT_PROSE_KINDS]


HEAD_PARAGRAPHS = 6
HEAD_LINES = 12
HEAD_CONTENT_LINES = 3
"""Header scanning stops after this many body lines: bylines and dates sit above the story."""
DATELINE_TRIES = 2
"""Body lines whose start may hold a wire dateline (a standfirst can precede it)."""
TAIL_PARAGRAPHS = 3
AUTHOR_BOX_PARAGRAPHS = 2
MAX_AUTHOR_BOX_CHARS = 600
BARE_DATELINE_MIN_WORDS = 6
MAX_TITLE_CHARS = 250
MAX_BYLINE_CHARS = 300
MAX_ROLE_WORDS = 20
MAX_OUTLET_WORDS = 8
YEAR_SCAN_CHARS = 3000
MIN_YEAR, MAX_YEAR = 1990, 2100
"""Years a news article plausibly mentions as its own year."""

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"

ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd", "co", "corp", "jr", "sr", "no", "vs"}
    | {"gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt", "mt", "ft", "dept", "univ", "est"}
)
"""Words whose trailing period does not end a sentence."""


# --------------------------------------------------------------------------- vocabulary


def _alternation(words: Any) -> str:
    # Longest first, so "sept" is tried before "sep" and "last updated" before "updated".
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _lowered(words: Any) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    months: dict[str, int]
    weekdays: frozenset[str]
    published_labels: frozenset[str]
    updated_labels: frozenset[str]
    credit_author_labels: frozenset[str]
    honorifics: frozenset[str]
    post_nominals: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    role_words: frozenset[str]
    organisation_words: frozenset[str]
    box_role_words: frozenset[str]
    non_places: frozenset[str]
    non_place_starts: frozenset[str]
    lowercase_place_words: frozenset[str]
    raw: dict[str, Any]


@cache
def _vocabulary() -> _Vocabulary:
    calendar = read_json("months.json")
    raw: dict[str, Any] = read_json("metadata_patterns.json")
    return _Vocabulary(
        months={str(k).lower(): int(v) for k, v in calendar["months"].items()},
        weekdays=_lowered(calendar["weekdays"]),
        published_labels=_lowered(raw["published_labels"]),
        updated_labels=_lowered(raw["updated_labels"]),
        credit_author_labels=_lowered(raw["credit_author_labels"]),
        honorifics=_lowered(raw["honorifics"]),
        post_nominals=_lowered(raw["post_nominals"]),
        particles=_lowered(raw["name_particles"]),
        suffixes=_lowered(raw["name_suffixes"]),
        role_words=_lowered(raw["role_words"]),
        organisation_words=_lowered(raw["organisation_words"]),
        box_role_words=_lowered(raw["author_box_role_words"]),
        non_places=_lowered(raw["dateline_non_places"]),
        non_place_starts=_lowered(raw["dateline_non_place_starts"]),
        lowercase_place_words=_lowered(raw["lowercase_place_words"]),
        raw=raw,
    )


@dataclass(frozen=True, slots=True)
class _Patterns:
    dates: tuple[re.Pattern[str], ...]
    any_date: re.Pattern[str]
    time_tail: re.Pattern[str]
    date_label: re.Pattern[str]
    byline: re.Pattern[str]
    name_separator: re.Pattern[str]
    trailing_place: re.Pattern[str]
    dateline: re.Pattern[str]
    credits: re.Pattern[str]
    credit_part: re.Pattern[str]
    author_box_named: re.Pattern[str]
    author_box_subject: re.Pattern[str]
    source: re.Pattern[str]
    copyright: re.Pattern[str]
    origin: re.Pattern[str]
    outlet_cut: re.Pattern[str]
    segment_separator: re.Pattern[str]
    year: re.Pattern[str]


def _anonymous(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def _patterns() -> _Patterns:
    vocab = _vocabulary()
    raw = vocab.raw
    month = rf"(?i:(?P<mon>{_alternation(vocab.months)}))(?![^\W\d_])"
    weekday = rf"(?:(?i:{_alternation(vocab.weekdays)})(?![^\W\d_])\.?,?\s+)?"
    year = r"(?:19\d\d|20\d\d|2100)"
    ordinal = r"(?:st|nd|rd|th)?"
    date_patterns = (
        # ISO date or timestamp: 2022-11-08, 2022-11-08T14:30:00+04:00
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T ]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)",
        r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)",
        r"D:(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)",  # PDF date string
        r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)",  # dotted dates are day first
        r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?!\d)",  # order settled in code
        # November 8, 2022 / Tuesday, Nov. 8th 2022 / Nov. 9 (no year)
        rf"{weekday}{month}(?:\.\s*|\s+)(?P<d>\d{{1,2}}){ordinal}(?!\d)"
        rf"(?:,?\s*(?P<y>{year})(?!\d))?",
        # 8 November 2022 / 8th of November, 2022 / Tue, 08 Nov 2022
        rf"{weekday}(?P<d>\d{{1,2}}){ordinal}\s+(?:of\s+)?{month}\.?"
        rf"(?:,?\s*(?P<y>{year})(?!\d))?",
    )
    dates = tuple(re.compile(p) for p in date_patterns)
    any_date = re.compile(r"(?<![\w.])(?:" + "|".join(_anonymous(p) for p in date_patterns) + ")")
    zone = r"(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?"
    time_tail = re.compile(
        r"\s*(?:,|at|@|-|–|—|/)?\s*\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?"
        rf"(?:\s*(?:{zone}|\({zone}\)))?",
        re.IGNORECASE,
    )
    labels = _alternation([*raw["published_labels"], *raw["updated_labels"]])
    date_label = re.compile(
        rf"(?i:(?P<label>{labels}))(?![^\W\d_])\s*(?:[:\-–]\s*)?(?i:(?:on|at)\s+)?"
    )
    byline = re.compile(
        rf"(?i:(?:{_alternation(raw['byline_labels'])}))(?:\s*[:\-–]\s*|\s+)(?P<rest>\S.*)",
        re.DOTALL,
    )
    name_separator = re.compile(r"\s*,\s*and\s+|\s*,\s*&\s*|\s+and\s+|\s*&\s*|\s*;\s*|\s*,\s*")
    trailing_place = re.compile(rf"\s+(?:in|at|for|from|on)\s+[{UPPER}\d].*$", re.DOTALL)

    caps_word = rf"[{UPPER}][{UPPER}'’.\-]*"
    title_word = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}]?[{LOWER}'’]+)*\.?"
    small = rf"(?:(?:{_alternation(vocab.lowercase_place_words)})\s+)?"
    place_caps = rf"{caps_word}(?:[ \-]{caps_word}){{0,3}}"
    place_title = rf"{title_word}(?:\s+{small}{title_word}){{0,2}}"
    either_word = rf"(?:{title_word}|{caps_word})"
    region = rf"(?:,\s*{either_word}(?:\s+{small}{either_word}){{0,2}})"
    day_month = _anonymous("|".join(date_patterns[-2:]))
    dateline = re.compile(
        rf"(?P<place>{place_caps}|{place_title})(?P<region>{region}{{0,2}}?)"
        rf"(?:[,.]?\s*(?P<date>{day_month}))?"
        r"(?:[,.]?\s*(?:\((?P<agency>[^()\n]{2,40})\)|/(?P<agency2>[^/\n]{2,40})/))?"
        r"\s*(?P<sep>--|[-–—:.])?(?=\s|$)"
    )
    credit_labels = _alternation([*raw["credit_author_labels"], *raw["credit_other_labels"]])
    credits = re.compile(rf"\(?\s*(?i:{credit_labels})\s")
    credit_part = re.compile(rf"(?i:(?P<label>{credit_labels}))\s+(?P<names>.+)", re.DOTALL)
    box_prefix = rf"(?:(?i:{_alternation(raw['author_box_prefixes'])})\s*[:\-–]?\s*)?"
    author_box_named = re.compile(
        rf"(?:[*—–-]\s*)?{box_prefix}(?P<name>[^\W\d_][^,:;()]{{1,60}}?)"
        r"(?:,\s*[^,]{1,30},)?\s+is\s+(?P<role>.+)",
        re.DOTALL,
    )
    author_box_subject = re.compile(
        rf"(?:[*—–-]\s*)?(?i:{_alternation(raw['author_box_subjects'])})\s+is\s+(?P<rest>.+)",
        re.DOTALL,
    )
    source = re.compile(rf"(?i:{_alternation(raw['source_prefixes'])})\s*:\s*(?P<x>.+)")
    # A notice needs the sign or a year: "Copyright laws ..." opens a sentence.
    years = rf"{year}(?:\s*[-–]\s*{year})?\s*,?\s*"
    sign = r"(?:©|\([cC]\))"
    copyright_ = re.compile(
        rf"(?:{sign}\s*(?:(?i:copyright)\s*)?(?:{years})?"
        rf"|(?i:copyright)(?![^\W\d_])\s*(?:{sign}\s*(?:{years})?|{years}))(?P<x>.+)"
    )
    origin = re.compile(
        r"(?i:(?:this\s+(?:article|story|piece|commentary|column|op-ed|essay)\s+"
        r"(?:was\s+|is\s+|has\s+been\s+)?)?"
        rf"(?:{_alternation(raw['origin_phrases'])}))\s+(?P<x>.+)"
    )
    rights = _alternation(raw["rights_phrases"])
    outlet_cut = re.compile(
        rf"(?i:\.?\s+(?:on|under|with|and\s+is|as\s+part)\s|[.,;:|]\s|\.$|\s+{rights})"
    )
    return _Patterns(
        dates=dates,
        any_date=any_date,
        time_tail=time_tail,
        date_label=date_label,
        byline=byline,
        name_separator=name_separator,
        trailing_place=trailing_place,
        dateline=dateline,
        credits=credits,
        credit_part=credit_part,
        author_box_named=author_box_named,
        author_box_subject=author_box_subject,
        source=source,
        copyright=copyright_,
        origin=origin,
        outlet_cut=outlet_cut,
        segment_separator=re.compile(r"\s*\|\s*|\s+[•·]\s+"),
        year=re.compile(r"(?<![\d.,])\b(\d{4})\b(?![.,]?\d)"),
    )


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class _DateMatch:
    year: int | None
    month: int
    day: int
    end: int

    def as_date(self) -> date | None:
        return _make_date(self.year, self.month, self.day) if self.year is not None else None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _match_date(text: str, pos: int = 0) -> _DateMatch | None:
    """The date starting at ``text[pos]``; its year is None when the text gives none."""
    vocab = _vocabulary()
    for pattern in _patterns().dates:
        m = pattern.match(text, pos)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("a") is not None:
            first, second = int(groups["a"]), int(groups["b"])
            # 08/11/2022 is 8 November in most of the world and August 11 in the US: only a
            # day above 12 settles it.
            if first > 12 >= second:
                day, month = first, second
            elif second > 12 >= first:
                month, day = first, second
            else:
                return None
        else:
            day = int(groups["d"])
            mon = groups.get("mon")
            month = vocab.months[mon.lower()] if mon else int(groups["m"])
        year = int(groups["y"]) if groups.get("y") else None
        # 2000 is a leap year, so any real month and day is valid in it.
        if _make_date(year if year is not None else 2000, month, day) is None:
            return None
        if year is not None and not 1900 <= year <= MAX_YEAR:
            return None
        return _DateMatch(year, month, day, m.end())
    return None


def parse_date(value: object) -> str | None:
    """``YYYY-MM-DD`` of a date written at the start of ``value`` (ISO, PDF, English words)."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    found = _match_date(value.strip())
    day = found.as_date() if found else None
    return day.isoformat() if day else None


@dataclass(slots=True)
class _DateLine:
    published: date | None = None
    published_labelled: bool = False
    updated: date | None = None
    rest: int | None = None
    """Offset where a trailing "by Jane Doe" begins."""


def _scan_date_line(text: str) -> _DateLine | None:
    """Reads "Published: 8 Nov 2022 | Updated: 9 Nov 2022 14:30" and the like."""
    patterns = _patterns()
    vocab = _vocabulary()
    found = _DateLine()
    hits = 0
    pos = 0
    labelled = False
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t,;|•·/–—-":
            pos += 1
        label = patterns.date_label.match(text, pos)
        if label is not None:
            when = _match_date(text, label.end())
            if when is None:
                break
            day = when.as_date()
            if day is None:
                break
            words = " ".join(label.group("label").lower().split())
            if words in vocab.updated_labels:
                found.updated = found.updated or day
            elif not found.published_labelled:
                found.published, found.published_labelled = day, True
            labelled = True
        else:
            when = _match_date(text, pos)
            if when is None or hits:
                break
            day = when.as_date()
            if day is None:
                break
            found.published = day
        hits += 1
        pos = when.end
        tail = patterns.time_tail.match(text, pos)
        if tail is not None:
            pos = tail.end()
    if not hits:
        return None
    rest = text[pos:].strip(" \t,;|•·.")
    if rest:
        if rest[:3].lower() == "by ":
            found.rest = text.index(rest, pos)
        elif not labelled or len(text) > 120:
            # A bare date followed by words is a sentence ("8 November 2022 was ..."); a
            # label vouches for the date even when other words follow it.
            return None
    return found


def _year_on_or_before(month: int, day: int, reference: date) -> int | None:
    # Eight years back covers 29 February even across a skipped leap year (2100).
    for year in range(reference.year, reference.year - 9, -1):
        candidate = _make_date(year, month, day)
        if candidate is not None and candidate <= reference:
            return year
    return None


def _frequent_year(text: str) -> int | None:
    counts = Counter(
        year
        for year in map(int, _patterns().year.findall(text[:YEAR_SCAN_CHARS]))
        if MIN_YEAR <= year <= MAX_YEAR
    )
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


# --------------------------------------------------------------------------- names


def _title_case_word(word: str) -> str:
    if re.fullmatch(rf"(?:[{UPPER}]\.)+", word):
        return word  # initials and abbreviations: "J.", "D.C."
    parts = re.split(r"([-'’])", word)
    cased = "".join(p[:1].upper() + p[1:].lower() for p in parts)
    if cased.startswith("Mc") and len(cased) > 3:
        cased = "Mc" + cased[2].upper() + cased[3:]
    return cased


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _strip_honorifics(words: list[str]) -> list[str]:
    honorifics = _vocabulary().honorifics
    while words:
        if len(words) > 1 and f"{words[0]} {words[1]}".lower() in honorifics:
            words = words[2:]
        elif words[0].lower() in honorifics:
            words = words[1:]
        else:
            break
    return words


def _is_name_word(word: str) -> bool:
    vocab = _vocabulary()
    lower = word.lower()
    if lower in vocab.months or lower in vocab.weekdays:
        return False
    if lower in vocab.role_words or lower in vocab.organisation_words:
        return False
    if lower.endswith(("'s", "’s")):
        return False
    body = re.sub(r"^(?:al|el|ad|ar|as|ash|at|bin|ibn|ben|d|l)[-'’]", "", word)
    body = re.sub(r"^(?:Mc|Mac|O['’]|D['’])(?=[A-Z])", "", body)
    parts = re.split(r"[-'’]", body)
    # Capitalised parts ("Jean-Luc"); lower-case inner parts ("Abd-al-Rahman") may join them.
    return all(
        len(part) >= 2
        and part.isalpha()
        and (
            (part[0].isupper() and part[1:].islower())
            or (0 < i < len(parts) - 1 and part.islower())
        )
        for i, part in enumerate(parts)
    )


def parse_person_name(text: str) -> str | None:
    """A person's name without honorifics ("Mr. Farid Aliyev" -> "Farid Aliyev"), or None.

    Wants two to five capitalised words (initials and particles such as "de" allowed), so
    "Staff Writer", "Associated Press" and "Tuesday" are not names.
    """
    vocab = _vocabulary()
    words = _strip_honorifics(text.strip().strip(",").split())
    while words and words[-1].lower().strip(",") in vocab.post_nominals:
        words = words[:-1]
    words = [w.strip(",") for w in words]
    if _is_all_caps(" ".join(words)):
        words = [_title_case_word(w) for w in words]
    if len(words) >= 3 and words[-1].lower() in vocab.suffixes:
        core, suffix = words[:-1], [words[-1]]
    else:
        core, suffix = words, []
    if not 2 <= len(core) <= 5:
        return None
    for index, word in enumerate(core):
        last = index == len(core) - 1
        if index > 0 and not last and word.lower() in vocab.particles:
            continue
        if not last and re.fullmatch(rf"(?:[{UPPER}]\.?){{1,3}}", word):
            continue  # initials
        if not _is_name_word(word):
            return None
    return " ".join(core + suffix)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


def _same_person(a: str, b: str) -> bool:
    ka, kb = _name_key(a).split(), _name_key(b).split()
    if ka == kb:
        return True
    # "Farid Aliyev" and "Farid R. Aliyev": same first and last word.
    return len(ka) >= 2 and len(kb) >= 2 and ka[0] == kb[0] and ka[-1] == kb[-1]


def _looks_like_prose(text: str) -> bool:
    function_words = {"of", "for", "the", "and", "at", "in", "on", "to", "a", "an", "de"}
    lowercase = [w for w in text.split() if w[:1].islower() and w not in function_words]
    return len(lowercase) > 3


def _clean_role(role: str) -> str | None:
    """The stated role, trimmed; the first of two roles joined by "and" when both together
    run too long ("director of X, an independent research centre in Peshawar, and a former
    district polio officer in ..."); ``None`` when it is no role or still too long."""
    role = re.sub(r"[\s,;:.…]+$", "", role.strip())
    role = re.sub(r"^(?:a|an|the)\s+", "", role, flags=re.IGNORECASE)
    if len(role.split()) > MAX_ROLE_WORDS:
        role = re.split(r",?\s+and\s+(?:a|an|the)\s+", role, maxsplit=1)[0]
    if not role or not any(c.isalpha() for c in role) or len(role.split()) > MAX_ROLE_WORDS:
        return None
    return role


def _before_date(text: str) -> str:
    """``text`` without the joiner that led into a date ("By Jane Doe on", "By Jane Doe |")."""
    return re.sub(r"(?:[\s,|–—-]+(?:on\s*)?|\s+on\s*)$", "", text)


@dataclass(slots=True)
class _Byline:
    authors: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    date_at: int | None = None
    """Offset in the byline text where a date begins ("By Jane Doe, November 8, 2022")."""


def _parse_names(text: str, *, with_roles: bool) -> _Byline | None:
    """Names joined by commas and "and", each optionally followed by a stated role."""
    patterns = _patterns()
    result = _Byline()
    date_hit = patterns.any_date.search(text)
    if date_hit is not None:
        result.date_at = date_hit.start()
        text = _before_date(text[: date_hit.start()])
    pieces: list[tuple[str, str]] = []  # (separator before, chunk)
    position = 0
    separator = ""
    for m in patterns.name_separator.finditer(text):
        pieces.append((separator, text[position : m.start()]))
        separator = m.group().strip() or ","
        position = m.end()
    pieces.append((separator, text[position:]))

    roles: dict[str, list[str]] = {}
    in_role = False
    for separator, chunk in pieces:
        chunk = chunk.strip()
        if not any(c.isalpha() for c in chunk):
            continue
        joins = separator != ","  # "and", "&" and ";" start a new person; a comma may not
        name = parse_person_name(patterns.trailing_place.sub("", chunk))
        if name is not None and (not in_role or joins or not result.authors):
            if not any(_same_person(name, a) for a in result.authors):
                result.authors.append(name)
            in_role = False
            continue
        if not result.authors or not with_roles:
            return None
        current = result.authors[-1]
        parts = roles.setdefault(current, [])
        if parts:
            parts.append(", " if separator == "," else f" {separator} ")
        parts.append(chunk)
        in_role = True
    if not result.authors:
        return None
    for index, author in enumerate(result.authors):
        if author not in roles:
            continue
        # "By A and B, Reuters": the role may belong to both, so it is given to neither.
        if index > 0 and result.authors[index - 1] not in roles:
            continue
        role = _clean_role("".join(roles[author]))
        if role is None:
            continue
        if _looks_like_prose(role):
            return None  # "By Christmas Day, shoppers had spent ...": a sentence, not a byline
        result.roles[author] = role
    return result


def _parse_byline(text: str) -> _Byline | None:
    if len(text) > MAX_BYLINE_CHARS:
        return None
    m = _patterns().byline.match(text)
    if m is None:
        return None
    byline = _parse_names(m.group("rest"), with_roles=True)
    if byline is not None and byline.date_at is not None:
        byline.date_at += m.start("rest")
    return byline


def _parse_hint_authors(value: object) -> list[str]:
    if isinstance(value, str):
        items: list[str] = re.split(r"\s*;\s*|\s+and\s+|\s*&\s*|\s*\n\s*", value)
        if "," in value:
            split = [p for item in items for p in item.split(",")]
            if all(parse_person_name(p) for p in split if p.strip()):
                items = split
    elif isinstance(value, list | tuple):
        items = [str(v) for v in value if isinstance(v, str)]
    else:
        return []
    authors: list[str] = []
    for item in items:
        item = re.sub(r"^(?i:by)\s+", "", " ".join(item.split()))
        if not item or "http" in item or "@" in item or "/" in item or len(item) > 80:
            continue
        name = parse_person_name(item) or " ".join(_strip_honorifics(item.split()))
        if name and not any(_same_person(name, a) for a in authors):
            authors.append(name)
    return authors


# --------------------------------------------------------------------------- other lines


def _first_sentence(text: str) -> str:
    for m in re.finditer(r"[.!?](?=\s+[\"“‘(]?[A-Z0-9]|\s*$)", text):
        before = re.search(r"(\S+)$", text[: m.start()])
        word = before.group(1) if before else ""
        if word.lower().strip("(") in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", word):
            continue
        return text[: m.start()]
    return text


def _clean_outlet(text: str) -> str | None:
    cut = _patterns().outlet_cut.search(text)
    outlet = (text[: cut.start()] if cut else text).strip(" .,;:")
    outlet = re.sub(r",?\s+(?:19|20)\d\d$", "", outlet)  # "(c) Example Media 2022"
    if not outlet or len(outlet) > 60 or len(outlet.split()) > MAX_OUTLET_WORDS:
        return None
    first = next((c for c in outlet if c.isalnum()), "")
    if not first or not (first.isupper() or first.isdigit() or outlet.startswith("www.")):
        return None
    if _match_date(outlet) is not None or outlet.split()[0].lower() in _vocabulary().months:
        return None
    if "photo" in outlet.lower() or "/" in outlet.replace("://", ""):
        return None
    return outlet


def _parse_source_line(text: str) -> str | None:
    patterns = _patterns()
    for pattern in (patterns.source, patterns.copyright, patterns.origin):
        m = pattern.match(text)
        if m is not None:
            return _clean_outlet(m.group("x"))
    return None


def _parse_credits(text: str) -> list[str] | None:
    """Wire credits: "(Reporting by A and B; Editing by C)" -> [A, B]; editors are not authors."""
    patterns = _patterns()
    if patterns.credits.match(text) is None:
        return None
    authors: list[str] = []
    inner = text.strip().strip("()")
    for part in re.split(r"\s*;\s*|,\s+(?=(?i:[a-z -]+\s+by\s))", inner):
        m = patterns.credit_part.match(part.strip())
        if m is None:
            continue
        label = " ".join(m.group("label").lower().split())
        if label not in _vocabulary().credit_author_labels:
            continue
        names = _parse_names(m.group("names").strip(" ."), with_roles=False)
        if names is not None:
            authors.extend(n for n in names.authors if n not in authors)
    return authors


@dataclass(slots=True)
class _AuthorBox:
    name: str | None
    role: str | None


def _parse_author_box(paragraph: str) -> _AuthorBox | None:
    patterns = _patterns()
    sentence = _first_sentence(paragraph.strip())
    m = patterns.author_box_subject.match(sentence)
    if m is not None:
        rest = m.group("rest")
        named = re.match(r"([^,]{3,60}),\s+(.+)", rest, re.DOTALL)
        if named is not None and (name := parse_person_name(named.group(1))) is not None:
            return _AuthorBox(name, _clean_role(named.group(2)))
        return _AuthorBox(None, _clean_role(rest))
    m = patterns.author_box_named.match(sentence)
    if m is None:
        return None
    name = parse_person_name(m.group("name"))
    if name is None:
        return None
    return _AuthorBox(name, _clean_role(m.group("role")))


def _has_role_word(role: str) -> bool:
    words = _vocabulary().box_role_words
    lowered = role.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words)


# --------------------------------------------------------------------------- datelines


@dataclass(slots=True)
class _DatelineHit:
    place: str
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    end: int


def _normalise_place(text: str) -> str:
    small = _vocabulary().lowercase_place_words
    parts = [p.strip() for p in text.split(",")]
    cased: list[str] = []
    for part in parts:
        words = part.split()
        if _is_all_caps(part):
            words = [
                w.lower() if i and w.lower() in small else _title_case_word(w)
                for i, w in enumerate(words)
            ]
        cased.append(" ".join(words))
    return ", ".join(p for p in cased if p)


def _clean_agency(text: str | None) -> str | None:
    if text is None:
        return None
    agency = " ".join(text.split())
    if (
        not agency[:1].isupper()
        or len(agency.split()) > 4
        or any(c.isdigit() for c in agency)
        or _match_date(agency) is not None
    ):
        return None
    return agency


def _parse_dateline(line: str) -> _DatelineHit | None:
    vocab = _vocabulary()
    m = _patterns().dateline.match(line)
    if m is None:
        return None
    place, region = m.group("place"), m.group("region") or ""
    agency_text = m.group("agency") or m.group("agency2")
    agency = _clean_agency(agency_text)
    when = _match_date(m.group("date")) if m.group("date") else None
    sep = m.group("sep")
    if agency_text is not None and agency is None:
        return None
    caps = _is_all_caps(place)
    if when is None and agency is None:
        # A bare place needs the wire look, ALL CAPS and a dash ("LONDON — The ..."), and a
        # sentence after it: "CHINA - US TALKS RESUME" is a headline.
        if not caps or sep not in {"--", "-", "–", "—"}:
            return None
        if len(line[m.end() :].split()) < BARE_DATELINE_MIN_WORDS:
            return None
    # Without an agency the date must be closed off by punctuation, or "Baku, Nov. 9 was"
    # would pass; a line holding only "BAKU, Nov. 9" is a dateline on its own.
    if agency is None and sep is None and m.end() < len(line):
        return None
    letters = sum(c.isalpha() for c in place)
    first_word = place.split()[0].lower()
    if letters < 3 or place.lower() in vocab.non_places or first_word in vocab.non_place_starts:
        return None
    for part in region.split(","):
        first = part.strip().split(" ")[0].lower().rstrip(".")
        if first and (first in vocab.months or first in vocab.weekdays):
            return None
    return _DatelineHit(
        place=_normalise_place(place + region),
        month=when.month if when else None,
        day=when.day if when else None,
        year=when.year if when else None,
        agency=agency,
        end=m.end(),
    )


# --------------------------------------------------------------------------- the scan


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as stripped ``(start, end)`` offsets."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline == -1 else newline
        s, e = position, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e
        position = stop + 1


def _normalised_title(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _is_headline(line: str) -> bool:
    if len(line) > MAX_TITLE_CHARS or len(line.split()) < 2:
        return False
    if re.search(r"[.,;:]['\"”’)]*$", line) or "://" in line or "www." in line:
        return False
    first_letter = next((c for c in line if c.isalpha()), "")
    return first_letter.isupper()


@dataclass(slots=True)
class _Found:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    credit_authors: list[str] = field(default_factory=list)
    box: _AuthorBox | None = None
    published: date | None = None
    published_rank: int = 0
    updated: date | None = None
    dateline: _DatelineHit | None = None
    source_outlet: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def span(self, kind: str, start: int, end: int) -> None:
        self.spans.setdefault(kind, (start, end))

    def add_published(self, day: date | None, rank: int) -> None:
        # Ranks: 3 labelled ("Published:", "Date:"), 2 bare date or byline date. The first
        # date of the best rank wins.
        if day is not None and rank > self.published_rank:
            self.published, self.published_rank = day, rank

    def add_byline(self, byline: _Byline) -> None:
        for author in byline.authors:
            if not any(_same_person(author, a) for a in self.authors):
                self.authors.append(author)
        for author, role in byline.roles.items():
            self.roles.setdefault(author, role)


class _Scanner:
    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.hints = doc.hints
        self.paragraphs = doc.paragraph_bounds()
        self.found = _Found()
        self.used: set[int] = set()
        hint_title = doc.hints.get("title")
        self.hint_title = " ".join(hint_title.split()) if isinstance(hint_title, str) else None

    # Head: title, date lines, bylines, dateline.

    def scan_head(self) -> None:
        lines: list[tuple[int, int]] = []
        for start, end in self.paragraphs[:HEAD_PARAGRAPHS]:
            lines.extend(_lines(self.text, start, end))
            if len(lines) >= HEAD_LINES:
                break
        content = 0
        dateline_tries = 0
        for index, (start, end) in enumerate(lines[:HEAD_LINES]):
            if self._metadata_line(start, end):
                self.used.add(start)
                continue
            line = self.text[start:end]
            if index == 0 and len(lines) > 1 and self._head_author_box(start, end, line):
                # "Dr. X is a former senior economist at Y. She writes in a personal
                # capacity." above the headline: an op-ed's author box printed first
                self.used.add(start)
                continue
            if self.found.authors and self._head_author_box(start, end, line, byline=True):
                # "Jane Doe is a former teacher and ..." under "By Jane Doe"
                self.used.add(start)
                continue
            dateline = _parse_dateline(line) if dateline_tries < DATELINE_TRIES else None
            if (
                dateline is None
                and content == 0
                and index < 3
                and "title" not in self.found.spans
                and self._title_line(start, end, line)
            ):
                self.used.add(start)
                continue
            if dateline is not None and self.found.dateline is None:
                self.found.dateline = dateline
                self.found.span("dateline", start, start + dateline.end)
            dateline_tries += 1
            content += 1
            if content >= HEAD_CONTENT_LINES:
                break

    def _head_author_box(self, start: int, end: int, line: str, byline: bool = False) -> bool:
        """An author box among the head lines: above the headline, or with ``byline`` under
        the byline, where it must name a byline author, so that a news lead about someone
        else ("John Smith is a farmer who ...") is not taken for one."""
        if (
            self.found.box is not None
            or len(line) > MAX_AUTHOR_BOX_CHARS
            or not line.rstrip().endswith(".")  # a headline would not end in a full stop
        ):
            return False
        box = _parse_author_box(line)
        if box is None or box.role is None:
            return False
        if byline and not (
            box.name is not None and any(_same_person(a, box.name) for a in self.found.authors)
        ):
            return False
        self.found.box = box
        self.found.span("author_box", start, end)
        return True

    def _title_line(self, start: int, end: int, line: str) -> bool:
        if self.hint_title is not None:
            ours, theirs = _normalised_title(line), _normalised_title(self.hint_title)
            if ours and (ours == theirs or (len(ours) >= 10 and theirs.startswith(ours))):
                self.found.span("title", start, end)
                return True
            return False
        if not _is_headline(line):
            return False
        self.found.title = " ".join(line.split())
        self.found.span("title", start, end)
        return True

    def _metadata_line(self, start: int, end: int) -> bool:
        text = self.text
        segments: list[tuple[int, int]] = []
        position = start
        for m in _patterns().segment_separator.finditer(text, start, end):
            segments.append((position, m.start()))
            position = m.end()
        segments.append((position, end))
        hit = False
        for s, e in segments:
            if s < e and self._metadata_segment(s, e):
                hit = True
        return hit

    def _metadata_segment(self, start: int, end: int) -> bool:
        segment = self.text[start:end]
        found = self.found
        dates = _scan_date_line(segment)
        if dates is not None:
            found.add_published(dates.published, 3 if dates.published_labelled else 2)
            if dates.updated is not None and found.updated is None:
                found.updated = dates.updated
            if dates.published is not None:
                found.span("date_line", start, end)
            else:
                found.span("updated_line", start, end)
            if dates.rest is not None:
                byline = _parse_byline(segment[dates.rest :])
                if byline is not None:
                    found.add_byline(byline)
                    found.span("byline", start + dates.rest, end)
            return True
        byline = _parse_byline(segment)
        if byline is not None:
            found.add_byline(byline)
            if byline.date_at is None:
                found.span("byline", start, end)
                return True
            found.span("byline", start, start + len(_before_date(segment[: byline.date_at])))
            dates = _scan_date_line(segment[byline.date_at :])
            if dates is not None:
                found.add_published(dates.published, 2)
                found.span("date_line", start + byline.date_at, end)
            return True
        outlet = _parse_source_line(segment)
        if outlet is not None:
            found.source_outlet = found.source_outlet or outlet
            found.span("source_line", start, end)
            return True
        return False

    # Tail: author box, wire credits, source lines.

    def scan_tail(self) -> None:
        first_tail = max(len(self.paragraphs) - TAIL_PARAGRAPHS, 0)
        for index in range(len(self.paragraphs) - 1, first_tail - 1, -1):
            start, end = self.paragraphs[index]
            from_end = len(self.paragraphs) - 1 - index
            for line_start, line_end in _lines(self.text, start, end):
                if line_start in self.used:
                    continue
                self._tail_line(line_start, line_end, from_end)

    def _tail_line(self, start: int, end: int, from_end: int) -> None:
        line = self.text[start:end]
        found = self.found
        outlet = _parse_source_line(line)
        if outlet is not None:
            found.source_outlet = found.source_outlet or outlet
            found.span("source_line", start, end)
            return
        credits = _parse_credits(line)
        if credits is not None:
            found.credit_authors.extend(a for a in credits if a not in found.credit_authors)
            found.span("credits", start, end)
            return
        if (
            found.box is None
            and from_end < AUTHOR_BOX_PARAGRAPHS
            and len(line) <= MAX_AUTHOR_BOX_CHARS
        ):
            box = _parse_author_box(line)
            if box is not None and box.role is not None:
                found.box = box
                found.span("author_box", start, end)


# --------------------------------------------------------------------------- assembly


def _hint_date(hints: Mapping[str, Any], key: str) -> date | None:
    value = parse_date(hints.get(key))
    return date.fromisoformat(value) if value else None


def _strip_outlet_suffix(title: str, outlet: str | None) -> str:
    if outlet:
        m = re.match(rf"(.+?)\s+[|–—-]\s+{re.escape(outlet)}\s*$", title, re.IGNORECASE)
        if m is not None:
            return m.group(1)
    return title


def _resolve_box(found: _Found, authors: list[str], roles: dict[str, str]) -> None:
    box = found.box
    if box is None or box.role is None:
        return
    if box.name is None:
        # "The author is ...": only a single known author can be meant.
        if len(authors) == 1:
            roles.setdefault(authors[0], box.role)
        elif authors:
            found.spans.pop("author_box", None)
        return
    known = next((a for a in authors if _same_person(a, box.name)), None)
    if known is not None:
        roles.setdefault(known, box.role)
    elif not authors and _has_role_word(box.role):
        authors.append(box.name)
        roles[box.name] = box.role
    else:
        # Someone other than the author, or a closing sentence about a politician.
        found.spans.pop("author_box", None)


def extract_metadata(doc: Document) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """The metadata fields found for ``doc`` and the clean-text spans they came from."""
    hints = doc.hints
    scanner = _Scanner(doc)
    scanner.scan_head()
    scanner.scan_tail()
    found = scanner.found

    hint_outlet = hints.get("outlet")
    outlet = " ".join(hint_outlet.split()) if isinstance(hint_outlet, str) else None
    title = found.title
    if scanner.hint_title:
        title = _strip_outlet_suffix(scanner.hint_title, outlet)

    authors = _parse_hint_authors(hints.get("authors"))
    roles: dict[str, str] = {}
    for author in [*found.authors, *found.credit_authors]:
        if not any(_same_person(author, a) for a in authors):
            authors.append(author)
    for author, role in found.roles.items():
        known = next((a for a in authors if _same_person(a, author)), author)
        roles.setdefault(known, role)
    _resolve_box(found, authors, roles)

    published = _hint_date(hints, "published") or found.published or found.updated

    dateline: Dateline | None = None
    hit = found.dateline
    if hit is not None:
        dateline_date: date | None = None
        if hit.month is not None and hit.day is not None:
            year = hit.year
            if year is None and published is not None:
                year = _year_on_or_before(hit.month, hit.day, published)
            if year is None:
                year = _frequent_year(doc.text)
            if year is None and (mtime := _hint_date(hints, "file_mtime")) is not None:
                year = _year_on_or_before(hit.month, hit.day, mtime)
            dateline_date = _make_date(year, hit.month, hit.day) if year is not None else None
        dateline = Dateline(
            place=hit.place, date=dateline_date.isoformat() if dateline_date else None
        )
        if published is None:
            published = dateline_date

    fields: dict[str, Any] = {
        "title": title,
        "authors": authors,
        "author_roles": roles,
        "outlet": outlet or (hit.agency if hit else None) or found.source_outlet,
        "published": published.isoformat() if published else None,
        "dateline": dateline,
    }
    return fields, dict(found.spans)


def metadata_spans(doc: Document) -> dict[str, tuple[int, int]]:
    """The ``{kind: (start, end)}`` spans :class:`MetadataExtractor` stored on ``doc``."""
    spans = doc.hints.get(SPANS_HINT)
    return dict(spans) if isinstance(spans, dict) else {}


class MetadataExtractor:
    """Fills ``doc.metadata`` (all but ``language``) and ``doc.hints["metadata_spans"]``."""

    name = "metadata"

    def __call__(self, doc: Document) -> Document:
        fields, spans = extract_metadata(doc)
        meta = doc.metadata
        # Values already present (set by a caller) are kept; found values only fill gaps.
        meta.title = meta.title or fields["title"]
        for author in fields["authors"]:
            if not any(_same_person(author, a) for a in meta.authors):
                meta.authors.append(author)
        for author, role in fields["author_roles"].items():
            meta.author_roles.setdefault(author, role)
        meta.outlet = meta.outlet or fields["outlet"]
        meta.published = meta.published or fields["published"]
        meta.dateline = meta.dateline or fields["dateline"]
        doc.hints[SPANS_HINT] = spans
        return doc
