"""Hand-labelled entity roles: ``labels.json`` beside the articles, and how a label finds
the portrayal record it is about.

A label matches a record when the record's ``name``, or the text of any mention of an
entity the record stands for (its ``entity_id`` and its ``members``), equals the label's
``entity`` or one of its ``aliases`` (case-insensitively, ignoring a leading "the", a
possessive and spacing), or that name without trailing nouns for an armed or governing
body ("Russian forces" matches a record with the mention "Russian").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spinscope.document import Document, Portrayal

LABELS_FILE = "labels.json"
ROLES = ("protagonist", "antagonist", "innocent", "neutral")
GENRES = ("reporting", "opinion", "satire")


@dataclass(frozen=True, slots=True)
class RoleLabel:
    entity: str
    aliases: tuple[str, ...]
    role: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.entity, *self.aliases)


@dataclass(frozen=True, slots=True)
class ArticleLabel:
    file: str
    genre: str
    roles: tuple[RoleLabel, ...]
    note: str = ""


class LabelError(ValueError):
    """labels.json is missing or malformed; the message names the file and the reason."""


def load_labels(directory: Path) -> list[ArticleLabel]:
    path = directory / LABELS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LabelError(f"{path}: no such file") from None
    except json.JSONDecodeError as error:
        raise LabelError(f"{path}: not valid JSON ({error})") from None
    articles: list[ArticleLabel] = []
    for number, item in enumerate(data.get("articles", []), start=1):
        where = f"{path}: article {number} ({item.get('file', '?')})"
        if item.get("genre") not in GENRES:
            raise LabelError(f"{where}: genre must be one of {GENRES}, not {item.get('genre')!r}")
        roles = []
        for role in item.get("roles", []):
            if role.get("role") not in ROLES:
                raise LabelError(f"{where}: role must be one of {ROLES}, not {role.get('role')!r}")
            roles.append(RoleLabel(role["entity"], tuple(role.get("aliases", ())), role["role"]))
        articles.append(
            ArticleLabel(item["file"], item["genre"], tuple(roles), item.get("note", ""))
        )
    if not articles:
        raise LabelError(f"{path}: no articles")
    return articles


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def normalise_name(text: str) -> str:
    """The form names are compared in: case-folded, spaces collapsed, no "the", no "'s"."""
    key = " ".join(text.split()).casefold()
    key = key.removeprefix("the ")
    return _POSSESSIVE.sub("", key).strip()


def record_names(doc: Document, record: Portrayal) -> set[str]:
    """The record's name and the texts of every mention of the entities it stands for (its
    own and those folded into it: "Indian Army" into India), normalised."""
    names = {normalise_name(record.name)}
    members = set(record.members) | {record.entity_id}
    for entity in doc.entities:
        if entity.id in members:
            names.add(normalise_name(entity.name))
            names.update(normalise_name(mention.text) for mention in entity.mentions)
    names.discard("")
    return names


ACTING_GROUP_NOUNS = frozenset(
    {
        "administration", "army", "authorities", "enemy", "establishment", "fighters", "forces",
        "formations", "government", "gunmen", "leadership", "militants", "military", "militia",
        "militias", "personnel", "police", "rebels", "regime", "soldiers", "troops", "units",
        "side", "law", "enforcement",
    }
)  # fmt: skip
"""Nouns for the armed or governing body of a people or state: a label "Russian forces",
"the Pakistani military regime", "Chinese law enforcement forces" or "the Chinese side" names
what portrayal folds into the state its modifier names ("Russian"), as the issue asks;
"Afghan refugees" is not Afghanistan."""


def label_forms(label: RoleLabel) -> set[str]:
    """The label's names without their trailing :data:`ACTING_GROUP_NOUNS` ("Russian
    forces" → "russian"), normalised; only the names that have such nouns."""
    forms = set()
    for name in label.names:
        words = normalise_name(name).split()
        while len(words) > 1 and words[-1] in ACTING_GROUP_NOUNS:
            words.pop()
            forms.add(" ".join(words))
    return forms


def matching_records(doc: Document, label: RoleLabel) -> list[Portrayal]:
    """The records a label names: by its names, else ("Russian forces" with no record of
    its own) by the state or people they belong to."""
    names = {record.entity_id: record_names(doc, record) for record in doc.portrayal}
    for wanted in ({normalise_name(name) for name in label.names}, label_forms(label)):
        found = [record for record in doc.portrayal if names[record.entity_id] & wanted]
        if found:
            return found
    return []


def strongest_record(records: list[Portrayal]) -> Portrayal:
    """Of the records a label matches ("Armenia", "Armenian", "Yerevan"), the one that casts
    the entity most strongly: a non-neutral role first, then the largest ``|tone|``."""
    return max(records, key=lambda r: (r.role != "neutral", abs(r.tone)))
