"""Language identification of the clean text with py3langid, backed by the reader's hint."""

from __future__ import annotations

from functools import cache
from typing import Any

from spinscope.document import Document

SAMPLE_CHARS = 2000
"""Enough text for a confident guess; more only costs time."""
MIN_LINE_LETTERS = 20
"""Lines with fewer letters (headlines, bylines, photo credits) are mostly names and numbers,
which pull the classifier towards whichever language shares their spelling."""
MIN_TEXT_LETTERS = 40
"""Below this many letters the classifier's guess is too noisy to beat a declared language."""
UNSURE_BELOW = 0.7
"""Normalised probability under which a declared language (the reader hint) wins."""
NO_GUESS_BELOW = 0.25
"""With no hint, a guess this weak is more often wrong than right, so we report nothing."""

# py3langid labels that are not ISO 639-1 codes but belong to a language that has one
# (dialects and members of a macrolanguage). Labels with no ISO 639-1 equivalent at all
# (``pcm``, ``crh``, ...) pass through as ISO 639-3 codes: renaming them would misreport.
LABEL_TO_ISO639_1: dict[str, str] = {
    "arz": "ar",
    "ary": "ar",
    "fuv": "ff",
    "gug": "gn",
    "hbo": "he",
    "kik": "ki",
    "sdh": "ku",
    "uzs": "uz",
    "wuu": "zh",
    "yue": "zh",
}
NO_LANGUAGE_LABELS = frozenset({"zxx", "und"})
"""Labels meaning "no linguistic content"."""

# Hints may carry ISO 639-2 codes (PDF /Lang, some CMSs); the common ones map to ISO 639-1.
ISO639_2_TO_1: dict[str, str] = {
    "ara": "ar",
    "aze": "az",
    "chi": "zh",
    "zho": "zh",
    "deu": "de",
    "ger": "de",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "ita": "it",
    "kaz": "kk",
    "per": "fa",
    "fas": "fa",
    "pol": "pl",
    "por": "pt",
    "rus": "ru",
    "spa": "es",
    "tur": "tr",
    "ukr": "uk",
    "uzb": "uz",
    "arm": "hy",
    "hye": "hy",
    "geo": "ka",
    "kat": "ka",
}


@cache
def _identifier() -> Any:
    # Imported and loaded on first use: loading the model takes about half a second, which
    # commands that never identify a language should not pay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalise_language_tag(tag: object) -> str | None:
    """``en-US``, ``en_GB``, ``EN`` -> ``en``; ``eng`` -> ``en``; anything else -> None."""
    if not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    if len(primary) == 2 and primary.isascii() and primary.isalpha():
        return primary
    return ISO639_2_TO_1.get(primary)


def _to_iso639_1(label: str) -> str | None:
    if label in NO_LANGUAGE_LABELS:
        return None
    return LABEL_TO_ISO639_1.get(label, label)


def _count_letters(text: str, enough: int) -> int:
    count = 0
    for char in text:
        if char.isalpha():
            count += 1
            if count >= enough:
                break
    return count


def _sample(text: str) -> str:
    """The start of the text without its very short lines, or the raw start if that is all."""
    kept: list[str] = []
    size = 0
    for line in text.split("\n"):
        if _count_letters(line, MIN_LINE_LETTERS) < MIN_LINE_LETTERS:
            continue
        kept.append(line)
        size += len(line) + 1
        if size >= SAMPLE_CHARS:
            break
    sample = "\n".join(kept) if kept else text
    return sample[:SAMPLE_CHARS]


def identify_language(text: str, hint: object = None) -> str | None:
    """ISO 639-1 code of ``text``; ``hint`` is a declared language tag used when unsure."""
    if _count_letters(text, 1) == 0:
        return None
    declared = normalise_language_tag(hint)
    short = _count_letters(text, MIN_TEXT_LETTERS) < MIN_TEXT_LETTERS
    if short and declared is not None:
        return declared
    label, probability = _identifier().classify(_sample(text))
    guess = _to_iso639_1(str(label))
    probability = float(probability)
    if declared is not None and (guess is None or probability < UNSURE_BELOW):
        return declared
    if probability < NO_GUESS_BELOW:
        return None
    return guess


class LanguageIdentifier:
    """Sets ``doc.metadata.language``."""

    name = "language"

    def __call__(self, doc: Document) -> Document:
        doc.metadata.language = identify_language(doc.text, doc.hints.get("language"))
        return doc
