from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pytest

from spinscope.gazetteer import (
    AGENCY_COLUMNS,
    TITLE_KINDS,
    Country,
    _read_rows,
    _title_rows,
    agency_country,
    countries,
    demonym_index,
    description_nouns,
    person_titles,
    place_index,
)

# Rows with no demonym of their own, and why.
NO_DEMONYM = {
    "Dominica": "'Dominican' is kept for the Dominican Republic",
    "Donbas": "a region; its people are Ukrainian or Russian",
    "Republic of the Congo": "'Congolese' is kept for DR Congo, which news names far more",
    "Vatican City": "no demonym in news use",
}

# Titles listed under two kinds on purpose.
TWO_KINDS = {"Doctor", "MP"}


def _conflicts(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for key, name in pairs:
        owners[key.lower()].add(name)
    return {key: sorted(names) for key, names in owners.items() if len(names) > 1}


def test_rows_are_well_formed_and_sorted() -> None:
    rows = countries()
    names = [country.name for country in rows]
    assert names == sorted(names)
    assert len(names) == len(set(names))
    assert len(rows) >= 200
    for country in rows:
        assert country.name
        for value in (*country.place_names, *country.demonyms):
            assert value == value.strip() and value, country.name
            assert "\t" not in value and "|" not in value, country.name


def test_every_row_has_a_demonym_unless_listed() -> None:
    missing = {country.name for country in countries() if not country.demonyms}
    assert missing == set(NO_DEMONYM)


def test_no_place_name_belongs_to_two_countries() -> None:
    pairs = ((place, c.name) for c in countries() for place in c.place_names)
    assert _conflicts(pairs) == {}


def test_no_demonym_belongs_to_two_countries() -> None:
    pairs = ((demonym, c.name) for c in countries() for demonym in c.demonyms)
    assert _conflicts(pairs) == {}


def test_no_word_is_both_a_place_and_a_demonym() -> None:
    assert sorted(place_index().keys() & demonym_index().keys()) == []


def test_un_members_and_others_are_present() -> None:
    names = {country.name for country in countries()}
    expected = {
        "Azerbaijan", "Armenia", "Georgia", "Russia", "Ukraine", "Kazakhstan", "Kyrgyzstan",
        "Tajikistan", "Turkmenistan", "Uzbekistan", "United States", "United Kingdom",
        "North Korea", "South Korea", "Czech Republic", "Ivory Coast", "Democratic Republic "
        "of the Congo", "Republic of the Congo", "Vatican City", "Palestine", "Kosovo",
        "Taiwan", "Nagorno-Karabakh", "Crimea", "Donbas", "Abkhazia", "South Ossetia",
        "Transnistria", "Northern Cyprus", "Western Sahara", "Hong Kong", "Kurdistan",
        "European Union",
    }  # fmt: skip
    assert expected - names == set()


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("baku", "Azerbaijan"),
        ("azerbaijan", "Azerbaijan"),
        ("republic of azerbaijan", "Azerbaijan"),
        ("shusha", "Azerbaijan"),
        ("yerevan", "Armenia"),
        ("tbilisi", "Georgia"),
        ("georgia", "Georgia"),
        ("kyiv", "Ukraine"),
        ("kiev", "Ukraine"),
        ("astana", "Kazakhstan"),
        ("nur-sultan", "Kazakhstan"),
        ("russian federation", "Russia"),
        ("st. petersburg", "Russia"),
        ("u.s.", "United States"),
        ("usa", "United States"),
        ("washington, d.c.", "United States"),
        ("britain", "United Kingdom"),
        ("u.k.", "United Kingdom"),
        ("holland", "Netherlands"),
        ("türkiye", "Turkey"),
        ("côte d'ivoire", "Ivory Coast"),
        ("czechia", "Czech Republic"),
        ("dprk", "North Korea"),
        ("prc", "China"),
        ("uae", "United Arab Emirates"),
        ("burma", "Myanmar"),
        ("drc", "Democratic Republic of the Congo"),
        ("congo-brazzaville", "Republic of the Congo"),
        ("stepanakert", "Nagorno-Karabakh"),
        ("eu", "European Union"),
    ],
)
def test_place_lookup(key: str, name: str) -> None:
    assert place_index()[key].name == name


def test_ambiguous_names_are_left_out() -> None:
    for key in ("congo", "korea"):
        assert key not in place_index()
    for key in ("korean", "ossetian"):
        assert key not in demonym_index()


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("azeri", "Azerbaijan"),
        ("azerbaijanis", "Azerbaijan"),
        ("american", "United States"),
        ("brits", "United Kingdom"),
        ("kazakhstani", "Kazakhstan"),
        ("dutch", "Netherlands"),
        ("filipino", "Philippines"),
        ("congolese", "Democratic Republic of the Congo"),
        ("dominican", "Dominican Republic"),
        ("turkish cypriot", "Northern Cyprus"),
    ],
)
def test_demonym_lookup(key: str, name: str) -> None:
    assert demonym_index()[key].name == name


def test_country_is_hashable_and_frozen() -> None:
    country = place_index()["baku"]
    assert isinstance(country, Country)
    assert {country: 1}[country] == 1
    with pytest.raises(AttributeError):
        country.name = "x"  # type: ignore[misc]


def test_person_title_rows() -> None:
    rows = _title_rows()
    assert len(rows) == len(set(rows))
    assert {kind for _, kind in rows} == set(TITLE_KINDS)
    kinds: dict[str, set[str]] = defaultdict(set)
    for title, kind in rows:
        assert title == title.strip() and title
        kinds[title].add(kind)
    assert {title for title, found in kinds.items() if len(found) > 1} == TWO_KINDS


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("his excellency", "honorific"),
        ("mr.", "honorific"),
        ("mr", "honorific"),
        ("dr", "honorific"),
        ("h.e.", "honorific"),
        ("doctor", "honorific"),
        ("president", "political"),
        ("foreign minister", "political"),
        ("sen", "political"),
        ("gen.", "military"),
        ("gen", "military"),
        ("lt. gen", "military"),
        ("professor", "academic"),
        ("political scientist", "academic"),
        ("diplomat", "description"),
        ("former official", "description"),
    ],
)
def test_person_title_lookup(key: str, kind: str) -> None:
    assert person_titles()[key] == kind


def test_description_nouns() -> None:
    nouns = description_nouns()
    assert {"expert", "president", "mp", "diplomat", "former official"} <= nouns
    assert all(noun == noun.lower() for noun in nouns)


def test_every_news_agency_names_a_listed_country_once() -> None:
    rows = _read_rows("news_agencies.tsv", AGENCY_COLUMNS)
    agencies = [agency.lower() for agency, _ in rows]
    assert len(rows) >= 40 and len(agencies) == len(set(agencies))
    for agency, _country in rows:
        assert agency_country(agency) is not None, agency


@pytest.mark.parametrize(
    ("outlet", "country"),
    [("TASS", "Russia"), ("xinhua", "China"), (" BelTA ", "Belarus"), ("New Ziana", "Zimbabwe")],
)
def test_agency_country(outlet: str, country: str) -> None:
    found = agency_country(outlet)
    assert found is not None and found.name == country


def test_an_outlet_that_is_no_state_agency_has_no_country() -> None:
    assert agency_country("The Guardian") is None
    assert agency_country("") is None
