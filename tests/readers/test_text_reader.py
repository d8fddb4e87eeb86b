from __future__ import annotations

import io
import random
import zipfile

import pytest

from spinscope.errors import ErrorCode, InputError
from spinscope.readers.text import TextReader

ENGLISH = (
    "The harbour authority said on Monday that the new ferry terminal would open\r\n"
    "“within weeks”, although dock workers warned that safety checks were still unfinished.\r\n"
)

# Written for these tests: a short local-news paragraph (about 300 characters) per language.
RUSSIAN = (
    "Городской совет вчера вечером утвердил бюджет на следующий год. По словам мэра, "
    "расходы на ремонт дорог вырастут почти вдвое, а плата за проезд останется прежней. "
    "Оппозиция назвала документ «предвыборным» и пообещала оспорить его в суде. "
    "Жители, опрошенные нашим корреспондентом, настроены скептически."
)
UKRAINIAN = (
    "Міська рада вчора ввечері ухвалила бюджет на наступний рік. За словами мера, "
    "видатки на ремонт доріг зростуть майже вдвічі, а вартість проїзду не зміниться. "
    "Опозиція назвала документ «передвиборчим» і пообіцяла оскаржити його в суді."
)
BULGARIAN = (
    "Общинският съвет прие снощи бюджета за следващата година. Според кмета "
    "разходите за ремонт на пътищата ще се увеличат почти двойно, а цената на билета "
    "остава същата. Опозицията нарече документа предизборен и обеща да го обжалва."
)
FRENCH = (
    "Très tôt ce matin, le préfet a annoncé la fermeture des écoles du département. "
    "Les élèves resteront chez eux jusqu'à jeudi, même si le ministère a déjà critiqué "
    "cette décision jugée « prématurée » par plusieurs élus de l'opposition régionale."
)
GERMAN = (
    "Der Stadtrat hat gestern Abend den Haushalt für das kommende Jahr beschlossen. "
    "Laut Bürgermeisterin sollen die Ausgaben für Straßenreparaturen fast verdoppelt "
    "werden, während der Fahrpreis gleich bleibt. Die Opposition spricht von einem Wahlgeschenk."
)


def read(data: bytes):  # type: ignore[no-untyped-def]
    return TextReader().read(data, "article.txt")


def assert_input_error(error: InputError, code: ErrorCode, name: str = "article.txt") -> None:
    assert error.code is code
    message = str(error)
    assert "\n" not in message
    assert name in message
    assert code.value in message


def test_utf8_is_read_verbatim_with_identity_offsets() -> None:
    doc = read(ENGLISH.encode("utf-8"))
    assert doc.format == "text"
    assert doc.encoding == "utf-8"
    # Line endings are kept so that offsets index the file's decoded text.
    assert doc.source_text == ENGLISH
    assert doc.text == ENGLISH
    assert len(doc.offsets) == len(ENGLISH)
    start = ENGLISH.index("ferry")
    assert doc.offsets.to_source(start, start + 5) == (start, start + 5)


def test_utf8_bom_is_stripped() -> None:
    doc = read(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    assert doc.encoding == "utf-8-sig"
    assert doc.text == ENGLISH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    doc = read(bom + RUSSIAN.encode(codec))
    assert doc.encoding == "utf-16"
    assert doc.text == RUSSIAN


def test_utf32_with_bom() -> None:
    doc = read(ENGLISH.encode("utf-32"))
    assert doc.encoding == "utf-32"
    assert doc.text == ENGLISH


def test_utf16_without_bom_is_text_not_binary() -> None:
    doc = read(ENGLISH.encode("utf-16-le"))
    assert doc.text == ENGLISH


@pytest.mark.parametrize("sample", [RUSSIAN, UKRAINIAN, BULGARIAN], ids=["ru", "uk", "bg"])
@pytest.mark.parametrize("length", [80, 160, 400])
def test_cp1251_cyrillic(sample: str, length: int) -> None:
    text = sample[:length]
    doc = read(text.encode("cp1251"))
    assert doc.encoding == "cp1251"
    assert doc.text == text


@pytest.mark.parametrize("sample", [FRENCH, GERMAN], ids=["fr", "de"])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_western_single_byte(sample: str, codec: str) -> None:
    doc = read(sample.encode(codec))
    assert doc.encoding in ("cp1252", "latin-1")
    assert doc.text == sample


def test_cp1252_punctuation() -> None:
    text = "The minister called it a “fair deal” – critics disagreed… €40m is at stake."
    doc = read(text.encode("cp1252"))
    assert doc.encoding == "cp1252"
    assert doc.text == text


def test_koi8_r_is_not_taken_for_cp1251() -> None:
    doc = read(RUSSIAN.replace("«", '"').replace("»", '"').encode("koi8_r"))
    assert doc.text.startswith("Городской совет")


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 50)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        bytes(b for b in random.Random(8).randbytes(4096) if b),
        _png(),
        _zip(),
        b"Some words\x00\x00\x00 then NULs in the middle of text",
        bytes(range(1, 32)) * 40,
    ],
    ids=["random", "random-without-nul", "png", "zip", "nul", "controls"],
)
def test_binary_junk_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read(data)
    assert_input_error(caught.value, ErrorCode.BINARY)


def test_binary_message_names_the_kind() -> None:
    with pytest.raises(InputError) as caught:
        read(_png())
    assert "PNG" in caught.value.reason


def test_invalid_bytes_after_bom_are_undecodable() -> None:
    with pytest.raises(InputError) as caught:
        read(b"\xef\xbb\xbfAbout \xc3\x28 the council")
    assert_input_error(caught.value, ErrorCode.UNDECODABLE)


def test_bom_only_is_empty() -> None:
    with pytest.raises(InputError) as caught:
        read(b"\xef\xbb\xbf \r\n\t")
    assert_input_error(caught.value, ErrorCode.EMPTY)
