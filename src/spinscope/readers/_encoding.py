"""Turning the bytes of a text or HTML file into text, and telling text from binary junk.

The order of evidence is: a byte-order mark, a declared charset (HTML only), strict UTF-8, then
:mod:`charset_normalizer` with two preferences layered on top. News archives are full of
short Windows-1251 and Windows-1252 files, and on a few hundred characters the detector often
picks a sibling code page (``mac_cyrillic``, ``cp1257``) that decodes a handful of letters
differently; when the common Windows code page reads as plausible text it wins.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from spinscope.errors import ErrorCode, InputError

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of files people feed a text tool by mistake, so the error can say what it got.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .epub and .odt files are ZIP archives)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)

_CYRILLIC_CODECS = frozenset(
    {
        "cp1251",
        "mac_cyrillic",
        "kz1048",
        "ptcp154",
        "koi8_r",
        "koi8_u",
        "koi8_t",
        "cp866",
        "cp1125",
        "cp855",
        "iso8859_5",
    }
)

# Letters (beyond ASCII) of the Western European languages cp1252 exists for. A cp1252 reading
# counts as plausible when one of these alphabets covers nearly all its non-ASCII letters: text
# in another code page read as cp1252 scatters over letters no single language uses together.
_WESTERN_ALPHABETS: tuple[frozenset[str], ...] = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüßéàèç",  # German (and borrowed French words)
        "áéíóúñüàèç",  # Spanish, Catalan
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "áéëïóöüèàç",  # Dutch
        "æøåéóàü",  # Danish, Norwegian
        "åäöéü",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "âêîôûëïüéèà",  # English loanwords, Afrikaans
    )
)

_CONTROL_SHARE_LIMIT = 0.02
# C0 and C1 controls except tab, line feed, vertical tab, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The plausibility checks look at this many characters: enough to judge, cheap on 20 MB.
_SAMPLE = 65536


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """The codec named by a byte-order mark at the start of ``data``, and the mark's length."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def describe_binary(data: bytes) -> str | None:
    """What kind of non-text file ``data`` is, if its magic number says so."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def binary_error(source: str, data: bytes) -> InputError:
    what = describe_binary(data)
    detail = f"looks like {what}" if what else "binary data"
    return InputError(source, f"not a text, HTML or PDF file ({detail})", ErrorCode.BINARY)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: mostly-ASCII text puts a NUL in every other byte."""
    if len(data) < 16 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return codec
    return None


def sniff_head(data: bytes, size: int) -> str:
    """The first ``size`` bytes as text, good enough to look for ASCII markup in."""
    head = data[: size * 4]
    bom = sniff_bom(head)
    codec = bom[0] if bom else (_utf16_without_bom(head) if b"\x00" in head else None)
    return head.decode(codec or "latin-1", errors="ignore")[:size]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _control_share(text: str) -> float:
    """Share of characters that have no business in text (C0/C1 controls other than layout)."""
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def looks_binary_text(text: str) -> bool:
    return _control_share(text) > _CONTROL_SHARE_LIMIT


def _is_basic_cyrillic(ch: str) -> bool:
    return "\u0410" <= ch <= "\u044f" or ch in "ЁёІіЇїЄєҐґЎў"


_WORD = re.compile(r"[^\W\d_]+")


def _cyrillic_score(text: str) -> int:
    """How many Cyrillic letters ``text`` has, or -1 when it does not read as Cyrillic.

    A wrong Cyrillic code page swaps case inside words (KOI8-R, ISO 8859-5 read as cp1251),
    turns capitals into symbols or rare letters (Mac Cyrillic), and a Latin text read as
    Cyrillic has Cyrillic letters inside Latin words; each leaves words no writer produces.
    A text mostly in capitals does not count: the case pattern is the only evidence there is.
    """
    cyrillic = latin = odd_words = cyrillic_words = caps_words = 0
    for word in _WORD.findall(text):
        count = sum(1 for ch in word if _is_basic_cyrillic(ch))
        if count == 0:
            latin += len(word) if word.isascii() else 0
            continue
        cyrillic_words += 1
        cyrillic += count
        well_cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        if count < len(word) or not well_cased:
            odd_words += 1
        elif len(word) > 1 and word.isupper():
            caps_words += 1
    if (
        cyrillic_words == 0
        or cyrillic < latin
        or odd_words > max(1, cyrillic_words // 20)
        # KOI8-R read as cp1251 turns lower-case words into capitals.
        or caps_words > cyrillic_words // 2
    ):
        return -1
    return cyrillic


def _plausible_western(text: str) -> bool:
    letters: dict[str, int] = {}
    inside_word_symbols = 0
    total = 0
    for i, ch in enumerate(text):
        if ch < "\x80":
            continue
        if ch.isalpha():
            lower = ch.lower()
            letters[lower] = letters.get(lower, 0) + 1
            total += 1
        elif (
            0 < i < len(text) - 1
            and text[i - 1].isalpha()
            and text[i + 1].isalpha()
            and ch not in "’·\u00ad"
        ):
            # "b³¹d": a symbol between letters is a letter of another code page.
            inside_word_symbols += 1
            total += 1
    if total == 0:
        return True
    if inside_word_symbols > 0.05 * total:
        return False
    best = max(
        sum(n for ch, n in letters.items() if ch in alphabet) for alphabet in _WESTERN_ALPHABETS
    )
    return best >= 0.9 * total


def _normalise_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared(data: bytes, declared: str | None) -> Decoded | None:
    if not declared:
        return None
    codec = _normalise_codec(declared)
    if codec is None or codec.startswith(("utf-16", "utf-32")):
        # A UTF-16 document cannot declare itself in ASCII-compatible markup; browsers ignore it.
        return None
    if codec in ("latin-1", "iso8859-1", "ascii"):
        # Browsers read these labels as windows-1252, and so does every site that mislabels.
        codec = "cp1252"
    text = _strict(data, codec)
    if text is None and codec == "cp1252":
        codec, text = "latin-1", data.decode("latin-1")
    if text is None:
        return None
    if codec != "utf-8" and not data.isascii() and _strict(data, "utf-8") is not None:
        # Non-ASCII bytes that happen to be valid UTF-8 are near-certain proof of UTF-8; stale
        # charset declarations survive a re-encoding far more often than such a coincidence.
        return None
    return Decoded(text, "utf-8" if codec == "utf-8" else _display_name(codec))


def _display_name(codec: str) -> str:
    python_name = _normalise_codec(codec) or codec
    return {"iso8859-1": "latin-1", "latin-1": "latin-1"}.get(python_name, python_name)


def _guess(data: bytes) -> Decoded | None:
    """The best reading of ``data`` that is neither a BOM nor UTF-8."""
    from charset_normalizer import from_bytes

    cp1251 = _strict(data, "cp1251")
    cp1252 = _strict(data, "cp1252")
    best = from_bytes(data).best()
    best_codec = best.encoding if best is not None else None
    best_text = str(best) if best is not None else None
    aliases = set(best.could_be_from_charset) if best is not None else set()

    if cp1251 is not None:
        mine = _cyrillic_score(cp1251[:_SAMPLE])
        theirs = _cyrillic_score(best_text[:_SAMPLE]) if best_text is not None else -1
        if mine >= 0 and mine >= theirs:
            return Decoded(cp1251, "cp1251")
    if best_codec not in _CYRILLIC_CODECS:
        if cp1252 is not None and ("cp1252" in aliases or _plausible_western(cp1252[:_SAMPLE])):
            return Decoded(cp1252, "cp1252")
        if cp1252 is None and best_text is None:
            latin = data.decode("latin-1")
            if _plausible_western(latin[:_SAMPLE]):
                return Decoded(latin, "latin-1")
    if best is None or best_text is None or best_codec is None:
        return None
    return Decoded(best_text, best_codec)


def decode(data: bytes, source: str, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text, or raise BINARY / UNDECODABLE.

    ``declared`` is a charset the content itself declared (an HTML ``<meta charset>``).
    A BOM is stripped and not part of the text; nothing else (not even newlines) is changed,
    so offsets into the returned text are offsets into the file's text.
    """
    bom = sniff_bom(data)
    result: Decoded | None = None
    if bom is not None:
        codec, _ = bom
        text = _strict(data, codec)
        if text is None:
            label = {"utf-8-sig": "UTF-8"}.get(codec, codec.upper())
            raise InputError(
                source,
                f"not valid {label} although it starts with a {label} byte-order mark",
                ErrorCode.UNDECODABLE,
            )
        # Python's "utf-16"/"utf-32" codecs consume the BOM, "utf-8-sig" does too.
        result = Decoded(text, codec)
    elif b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        text16 = _strict(data, utf16) if utf16 else None
        if utf16 is None or text16 is None:
            raise binary_error(source, data)
        result = Decoded(text16, utf16)
    else:
        if describe_binary(data) is not None:
            raise binary_error(source, data)
        result = _declared(data, declared)
        if result is None:
            utf8 = _strict(data, "utf-8")
            result = Decoded(utf8, "utf-8") if utf8 is not None else _guess(data)
        if result is None:
            if _control_share(data.decode("latin-1")) > _CONTROL_SHARE_LIMIT:
                raise binary_error(source, data)
            raise InputError(
                source, "cannot tell the text encoding; save it as UTF-8", ErrorCode.UNDECODABLE
            )
    if looks_binary_text(result.text):
        raise binary_error(source, data)
    return result


def has_text(text: str) -> bool:
    """True when ``text`` has something besides whitespace and invisible format characters."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)
