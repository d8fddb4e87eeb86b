from __future__ import annotations

import pytest
from tests.conftest import make_doc

from spinscope.annotators.language import (
    LanguageIdentifier,
    identify_language,
    normalise_language_tag,
)

PARAGRAPHS = {
    "en": (
        "The city council voted on Tuesday to extend the night bus service until the end of "
        "next year, after residents complained that the last trains left the centre too early. "
        "Supporters said the decision would help shift workers get home safely."
    ),
    "fr": (
        "Le conseil municipal a voté mardi la prolongation du service de bus de nuit jusqu'à la "
        "fin de l'année prochaine, après que des habitants se sont plaints que les derniers "
        "trains quittaient le centre trop tôt."
    ),
    "de": (
        "Der Stadtrat hat am Dienstag beschlossen, den Nachtbusverkehr bis Ende nächsten Jahres "
        "zu verlängern, nachdem sich Anwohner darüber beschwert hatten, dass die letzten Züge "
        "das Zentrum zu früh verlassen."
    ),
    "ru": (
        "Городской совет во вторник проголосовал за продление работы ночных автобусов до конца "
        "следующего года после того, как жители пожаловались, что последние поезда уходят из "
        "центра слишком рано."
    ),
    "es": (
        "El ayuntamiento votó el martes a favor de ampliar el servicio de autobuses nocturnos "
        "hasta finales del próximo año, después de que los vecinos se quejaran de que los "
        "últimos trenes salían del centro demasiado pronto."
    ),
    "az": (
        "Şəhər şurası çərşənbə axşamı gecə avtobus xidmətinin gələn ilin sonuna qədər "
        "uzadılmasına səs verib, çünki sakinlər son qatarların mərkəzdən çox tez getdiyindən "
        "şikayət ediblər."
    ),
    "tr": (
        "Belediye meclisi salı günü gece otobüsü hizmetinin gelecek yılın sonuna kadar "
        "uzatılması yönünde oy kullandı; sakinler son trenlerin merkezden çok erken "
        "ayrıldığından şikayet etmişti."
    ),
}


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_identifies_paragraph_language(code: str) -> None:
    doc = LanguageIdentifier()(make_doc(PARAGRAPHS[code]))
    assert doc.metadata.language == code


def test_confident_detection_beats_a_wrong_hint() -> None:
    doc = LanguageIdentifier()(make_doc(PARAGRAPHS["ru"], language="en"))
    assert doc.metadata.language == "ru"


def test_short_text_uses_the_hint() -> None:
    doc = LanguageIdentifier()(make_doc("Baku hosts summit", language="en-US"))
    assert doc.metadata.language == "en"


def test_short_text_without_hint_and_weak_guess_is_none() -> None:
    assert identify_language("Baku hosts summit") is None


def test_no_letters_is_none_even_with_hint() -> None:
    doc = LanguageIdentifier()(make_doc("2022 — 14:30 | 1,250,000 (+3.5%)", language="en"))
    assert doc.metadata.language is None


def test_short_lines_are_left_out_of_the_sample() -> None:
    # A headline and byline full of names must not sway a German body.
    text = "Aliyev meets Tokayev\n\nBy John Smith\n\n" + PARAGRAPHS["de"]
    assert identify_language(text) == "de"


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en-US", "en"), ("en_GB", "en"), ("FR", "fr"), ("deu", "de"), ("x-default", None), (3, None)],
)
def test_normalise_language_tag(tag: object, code: str | None) -> None:
    assert normalise_language_tag(tag) == code


def test_annotator_name() -> None:
    assert LanguageIdentifier.name == "language"
