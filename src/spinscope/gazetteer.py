"""Reference lists of countries and person titles, read from ``spinscope/data``.

``countries.tsv`` holds one row per sovereign state, plus much-reported territories and
entities (Crimea, Nagorno-Karabakh, Hong Kong, ...) and the European Union. Columns are
``name``, ``aliases``, ``demonyms``, ``capital`` and ``other_places``; a column holds zero or
more values separated by ``|``.

``news_agencies.tsv`` maps a state news agency's name, as it signs a wire story ("TASS",
"Xinhua"), to the country whose state runs it.

``person_titles.tsv`` maps a title or a describing noun to its kind: ``honorific``,
``political``, ``military``, ``academic`` or ``description``.

Index keys are lower-cased, so short keys such as ``"us"``, ``"chad"`` or ``"turkey"`` also
match ordinary words: check the original casing before trusting a match. The returned
dicts are cached and shared; do not mutate them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

COUNTRY_COLUMNS = ("name", "aliases", "demonyms", "capital", "other_places")
TITLE_COLUMNS = ("title", "kind")
AGENCY_COLUMNS = ("agency", "country")
TITLE_KINDS = ("honorific", "political", "military", "academic", "description")


@dataclass(frozen=True)
class Country:
    """One row of ``countries.tsv``."""

    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    other_places: tuple[str, ...]

    @property
    def place_names(self) -> tuple[str, ...]:
        """Every name that refers to this country or a place in it, name first."""
        return (self.name, *self.aliases, *self.capitals, *self.other_places)


def _read_rows(filename: str, columns: tuple[str, ...]) -> list[list[str]]:
    text = (files("spinscope") / "data" / filename).read_text(encoding="utf-8")
    lines = text.splitlines()
    header = "\t".join(columns)
    if not lines or lines[0] != header:
        raise ValueError(f"{filename}: header must be {header!r}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise ValueError(f"{filename}:{number}: expected {len(columns)} fields")
        rows.append([field.strip() for field in fields])
    return rows


def _split(field: str) -> tuple[str, ...]:
    return tuple(value.strip() for value in field.split("|") if value.strip())


@functools.cache
def countries() -> list[Country]:
    """All rows of ``countries.tsv``, in file order (sorted by name)."""
    return [
        Country(
            name=name,
            aliases=_split(aliases),
            demonyms=_split(demonyms),
            capitals=_split(capital),
            other_places=_split(other_places),
        )
        for name, aliases, demonyms, capital, other_places in _read_rows(
            "countries.tsv", COUNTRY_COLUMNS
        )
    ]


@functools.cache
def place_index() -> dict[str, Country]:
    """Lower-cased name, alias, capital or other place → its country.

    The data is kept free of keys shared by two countries (the tests check it); were one
    shared, the first country in file order would win.
    """
    index: dict[str, Country] = {}
    for country in countries():
        for place in country.place_names:
            index.setdefault(place.lower(), country)
    return index


@functools.cache
def demonym_index() -> dict[str, Country]:
    """Lower-cased demonym (``"azeri"``, ``"british"``) → its country."""
    index: dict[str, Country] = {}
    for country in countries():
        for demonym in country.demonyms:
            index.setdefault(demonym.lower(), country)
    return index


@functools.cache
def _title_rows() -> tuple[tuple[str, str], ...]:
    rows = _read_rows("person_titles.tsv", TITLE_COLUMNS)
    for title, kind in rows:
        if kind not in TITLE_KINDS:
            raise ValueError(f"person_titles.tsv: unknown kind {kind!r} for {title!r}")
    return tuple((title, kind) for title, kind in rows)


def _title_keys(title: str) -> tuple[str, ...]:
    key = title.lower()
    return (key, key[:-1]) if key.endswith(".") and len(key) > 1 else (key,)


@functools.cache
def person_titles() -> dict[str, str]:
    """Lower-cased title, also without a trailing period (``"gen"``) → its kind.

    Several words are both a title and a describing noun ("President Aliyev", "the
    president"); lower-cased they share a key, and the title kind wins, in the order of
    ``TITLE_KINDS``. Use :func:`description_nouns` for the describing nouns.
    """
    rank = {kind: position for position, kind in enumerate(TITLE_KINDS)}
    index: dict[str, str] = {}
    for title, kind in _title_rows():
        for key in _title_keys(title):
            if key not in index or rank[kind] < rank[index[key]]:
                index[key] = kind
    return index


@functools.cache
def description_nouns() -> frozenset[str]:
    """Lower-cased nouns news uses to refer back to a named person ("the analyst")."""
    return frozenset(title.lower() for title, kind in _title_rows() if kind == "description")


@functools.cache
def _country_names() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in countries():
        for name in (country.name, *country.aliases):
            index.setdefault(name.lower(), country)
    return index


def country_named(name: str) -> Country | None:
    """The country a name or alias stands for ("u.s." → United States); cities give None."""
    return _country_names().get(name.lower())


@functools.cache
def _agency_countries() -> dict[str, Country]:
    agencies: dict[str, Country] = {}
    for agency, country_name in _read_rows("news_agencies.tsv", AGENCY_COLUMNS):
        country = country_named(country_name)
        if country is None:
            raise ValueError(f"news_agencies.tsv: {agency}: unknown country {country_name!r}")
        agencies[agency.lower()] = country
    return agencies


def agency_country(outlet: str) -> Country | None:
    """The country whose state runs the news agency ``outlet`` ("TASS" → Russia), if it is
    one of the state agencies listed."""
    return _agency_countries().get(outlet.strip().lower())
