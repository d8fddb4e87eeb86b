"""Named entities, repaired where the small English model errs, merged per real referent.

spaCy's small model, on wire copy about the Caucasus and Central Asia, tags foreign surnames as
nationalities, countries as organisations or people, news agencies as people, and swallows a
person into an organisation span ("Kazakh President Kassym-Jomart Tokayev"). The rules below
repair those cases with the gazetteer; the merge then groups "President Ilham Aliyev",
"Aliyev", "His Excellency Aliyev" and "Aliyev's" into one entity named "Ilham Aliyev".
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wordfreq import zipf_frequency

from spinscope import gazetteer
from spinscope.data import read_json, read_lines
from spinscope.document import Document, Entity
from spinscope.nlp import annotate_entities

ENTITY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ROLE_MODIFIERS = frozenset(
    {
        "former",
        "deputy",
        "acting",
        "senior",
        "chief",
        "top",
        "leading",
        "well-known",
        "renowned",
        "prominent",
        "veteran",
        "political",
        "independent",
        "military",
        "foreign",
        "associate",
        "assistant",
        "executive",
        "vice",
        "first",
        "general",
        "prime",
        "state",
        "defence",
        "defense",
        "interior",
        "finance",
        "economy",
        "justice",
        "health",
    }
)
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "from", "with"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "from"})
SETTLEMENT_NOUNS = frozenset(
    {"village", "town", "city", "hamlet", "settlement", "municipality", "district", "province"}
)
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
SPLITTING_PREPOSITIONS = frozenset({"near", "outside"})
"""Lowercase words no name runs across: "X near Y" is two places."""
_MAX_APPOSITIVE_TOKENS = 16


@functools.cache
def _regions() -> frozenset[str]:
    return frozenset(line.lower() for line in read_lines("regions.txt"))


def _title_kind(words: str) -> str | None:
    titles = gazetteer.person_titles()
    key = words.lower()
    return titles.get(key) or titles.get(key.rstrip("."))


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str
    words: tuple[str, ...]
    """The name's words: titles, leading "the" and a possessive removed."""
    surface: str = ""
    """The name as written (the text from its first to its last word)."""
    role: str | None = None


@dataclass(slots=True)
class _Cluster:
    label: str
    key: str
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def full_words(self) -> tuple[str, ...]:
        return max((m.words for m in self.mentions), key=len)


class EntityRecognizer:
    """Adds ``doc.entities``: people, organisations, places and groups, one per referent."""

    name = "entities"

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            doc.nlp = annotate_entities(doc.text)
        sdoc = doc.nlp.doc
        mentions = _split_at_commas(sdoc, _raw_mentions(sdoc))
        mentions = _settlement_names(sdoc, mentions)
        mentions, acronym_aliases = _acronym_definitions(sdoc, mentions)
        mentions = _extend_person_names(sdoc, _join_split_names(sdoc, mentions))
        mentions = _complete_known_names(sdoc, mentions)
        mentions = _repair_labels(_retype_by_context(sdoc, mentions))
        mentions = _without_common_words(sdoc, mentions)
        mentions = _one_label_per_name(sdoc, _retype_person_names(sdoc, mentions))
        mentions = _places_typed_as_people(sdoc, mentions)
        mentions = _add_untagged_surnames(sdoc, mentions)
        mentions = _add_known_organisations(sdoc, mentions)
        mentions = _bodies_with_possessive_plurals(sdoc, mentions)
        mentions = _untagged_names(sdoc, mentions)
        for mention in mentions:
            if mention.label == "PERSON":
                mention.role = _stated_role(sdoc, mention, mentions)
        clusters = _merge(mentions, {**_stated_aliases(doc.text, mentions), **acronym_aliases})
        entities: list[Entity] = []
        index: list[tuple[int, int, str]] = []
        for number, cluster in enumerate(clusters, start=1):
            entity_id = f"E{number}"
            ordered = sorted(cluster.mentions, key=lambda m: m.start)
            roles = list(dict.fromkeys(m.role for m in ordered if m.role))
            entities.append(
                Entity(
                    id=entity_id,
                    name=_canonical_name(cluster, doc.text),
                    type=cluster.label,
                    mentions=[doc.span(m.start, m.end) for m in ordered],
                    roles=roles,
                )
            )
            index.extend((m.start, m.end, entity_id) for m in ordered)
            doc.nlp.roles.update({m.start: m.role for m in ordered if m.role})
        doc.entities = entities
        doc.nlp.mentions = sorted(index)
        return doc


def _name_words(tokens: list[Any]) -> tuple[list[Any], list[Any]]:
    """Split leading titles (returned first) from the name tokens; drop "the" and possessives."""
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    while tokens and tokens[-1].text in POSSESSIVE:
        tokens = tokens[:-1]
    title_end = 0
    i = 0
    while i < len(tokens) - 1:
        # Titles run up to three words ("His Excellency", "Deputy Prime Minister").
        for width in (3, 2, 1):
            words = " ".join(t.text for t in tokens[i : i + width])
            # "the Ombudsman's Office", "the Prosecutor's Office": a title that owns the
            # next word is part of a body's name, not a person's title.
            if (
                i + width < len(tokens)
                and _title_kind(words)
                and tokens[i + width].text not in POSSESSIVE
            ):
                i += width
                title_end = i
                break
        else:
            break
    return tokens[:title_end], tokens[title_end:]


def _raw_mentions(sdoc: Any) -> list[_Mention]:
    mentions: list[_Mention] = []
    covered: set[int] = set()
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        tokens = list(ent)
        titles, name = _name_words(tokens)
        name = _without_sentence_opener(name)
        if not name:
            continue
        label = ent.label_
        prefix: list[Any] = []
        if titles and label != "PERSON":
            # "Kazakh President Kassym-Jomart Tokayev" tagged as one ORG: the person is buried
            # behind the title; anything before the title is a group or a place.
            first_title = titles[0].i - tokens[0].i
            prefix = [t for t in tokens[:first_title] if t.lower_ != "the"]
            label = "PERSON"
        elif not titles:
            # A title inside the span but after a group word: "Kazakh President X".
            for k, token in enumerate(name[:-1]):
                if _title_kind(token.text) in {"political", "military", "academic"}:
                    rest = name[k + 1 :]
                    if rest and all(t.text[:1].isupper() for t in rest):
                        prefix, name, label = name[:k], rest, "PERSON"
                    break
        if (
            label in {"ORG", "NORP", "GPE"}
            and _follows_person_title(sdoc, name[0].i)
            and not _is_place(" ".join(t.text for t in name))
            and all(t.text[:1].isupper() for t in name if t.is_alpha)
        ):
            label = "PERSON"  # "President [Kassym-Jomart Tokayev]" tagged as an organisation
        if prefix:
            mentions.append(_make_mention(prefix, "NORP"))
        mentions.append(_make_mention(name, label))
        covered.update(t.i for t in tokens)
    mentions.extend(_titled_names(sdoc, covered))
    return sorted(mentions, key=lambda m: m.start)


def _without_sentence_opener(name: list[Any]) -> list[Any]:
    """The name less a sentence-opening adverb the model took for its first word ("[First
    Brussels] announces that ...", '"[Then Warsaw] discovers ...'), when the rest is a known
    place: a bank called "First Republic" keeps its name."""
    if len(name) < 2 or name[0].lower_ not in _name_parts().sentence_adverbs:
        return name
    opening = all(t.is_punct for t in name[0].sent[: name[0].i - name[0].sent.start])
    rest = " ".join(t.text for t in name[1:])
    return name[1:] if opening and _is_place(rest) else name


def _split_at_commas(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """A mention the model ran across a comma, or across "near", is two names: "[In Chorbogh,
    Rustam Nazarov], 54, was killed", "[Dobrava Gornja near Leposavić]". A part after a place
    preposition ("in", "near") is a place."""
    result: list[_Mention] = []
    for mention in mentions:
        tokens = list(sdoc.char_span(mention.start, mention.end, alignment_mode="expand") or [])
        if not any(_splits_names(t) for t in tokens):
            result.append(mention)
            continue
        part: list[Any] = []
        for token in [*tokens, None]:
            if token is not None and not _splits_names(token):
                part.append(token)
                continue
            if part and any(t.text[:1].isupper() for t in part):
                before = part[0].nbor(-1) if part[0].i > 0 else None
                label = mention.label
                if before is not None and before.lower_ in PLACE_PREPOSITIONS:
                    label = "GPE"
                result.append(_make_mention(part, label))
            part = []
    return result


@dataclass(frozen=True, slots=True)
class _NameParts:
    organisation_heads: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    """Connectors that join the parts of one place's or person's name ("al", "de")."""
    person_nouns: frozenset[str]
    place_heads: frozenset[str]
    rare_zipf: float
    group_possessors: frozenset[str]
    """Plural nouns that own the rest of a body's name: "Women's", "Boat Owners'"."""
    sentence_adverbs: frozenset[str]
    """Sentence openers the NER model may glue onto a place's name: "[First Brussels]"."""
    faiths: frozenset[str]
    """Faiths that are also surnames ("Islam"): alone, the faith."""


@functools.cache
def _name_parts() -> _NameParts:
    raw = read_json("name_parts.json")
    return _NameParts(
        organisation_heads=frozenset(raw["organisation_heads"]),
        connectors=frozenset(raw["name_connectors"]),
        particles=frozenset(raw["name_connectors"]) - frozenset(raw["phrase_connectors"]),
        person_nouns=frozenset(raw["person_nouns"]),
        place_heads=frozenset(raw["place_heads"]),
        rare_zipf=float(raw["rare_zipf"]),
        group_possessors=frozenset(raw["group_possessors"]),
        sentence_adverbs=frozenset(raw["sentence_adverbs"]),
        faiths=frozenset(raw["faiths"]),
    )


def person_nouns() -> frozenset[str]:
    """Everyday nouns for people ("nurse", "farmer", "vendor") from data/name_parts.json."""
    return _name_parts().person_nouns


def _tokens_of(sdoc: Any, mention: _Mention) -> list[Any]:
    return list(sdoc.char_span(mention.start, mention.end, alignment_mode="expand") or [])


def _without_overlaps(mentions: list[_Mention], added: list[_Mention]) -> list[_Mention]:
    """``mentions`` less those overlapping any of ``added``, plus ``added``, in text order."""
    kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)


def _is_capitalised(token: Any) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _name_run(
    sdoc: Any, first: int, last: int, step: int, connectors: frozenset[str] | None = None
) -> int:
    """From token ``first`` towards ``last`` (inclusive, ``step`` ±1): the index of the
    farthest token of a proper name's run: capitalised words, with name connectors ("of",
    "al", "and") and hyphens inside it, never across a sentence start or a line break. Returns
    ``first - step`` when ``first`` itself does not start a name."""
    connectors = _name_parts().connectors if connectors is None else connectors
    end = first - step
    i = first
    while (i - last) * step <= 0:
        token = sdoc[i]
        if "\n" in token.text or (step > 0 and i > first and token.is_sent_start):
            break
        if _is_capitalised(token):
            end = i
        elif not (token.lower_ in connectors or token.text == "-" or token.text in POSSESSIVE):
            break
        if step < 0 and token.is_sent_start:
            break
        i += step
    return end


def _settlement_names(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """The whole name after "the village of", which the model often tags in part or not at
    all: "the oasis village of [Oum Tiguei]", "the village of [Mbiyalo]" (tagged a date);
    and the name's other uses in the article."""
    added: list[_Mention] = []
    for first in range(2, len(sdoc)):
        if not _after_settlement_noun(sdoc, first) or not _is_capitalised(sdoc[first]):
            continue
        last = _name_run(sdoc, first, len(sdoc) - 1, 1, _name_parts().particles)
        name = list(sdoc[first : last + 1])
        if _is_place(" ".join(t.text for t in name)) or _title_kind(name[0].text):
            continue  # a country's name is tagged well; "the city of President X" is no place
        added.append(_make_mention(name, "GPE"))
    names = {m.words for m in added}
    for words in names:  # the name's other uses, tagged or not: "Rescuers reached Bir Oumkala"
        width = len(words)
        for i in range(len(sdoc) - width + 1):
            if tuple(t.text for t in sdoc[i : i + width]) == words and not any(
                m.start == sdoc[i].idx for m in added
            ):
                added.append(_make_mention(list(sdoc[i : i + width]), "GPE"))
    return _without_overlaps(mentions, added) if added else mentions


def _acronym_definitions(
    sdoc: Any, mentions: list[_Mention]
) -> tuple[list[_Mention], dict[int, int]]:
    """A name defined with its acronym, "the Front for Change and Concord in Chad (FACT)":
    the model tags the long name in pieces ("Front for Change", "Concord", "Chad") and the
    acronym's later uses ("the FACT") not at all. The long name becomes one mention, the
    acronym in brackets and every later use of it become mentions, and the acronym is stated
    to be the long name's other name (returned as an alias, see :func:`_merge`). A long name
    counts when its capitals spell the acronym, or when it has two capitalised words and
    starts with the acronym's first letter or holds a body's head noun (an acronym of the
    name in another language: "Front for Change and Concord in Chad (FACT)", "West Papua
    National Liberation Army (TPNPB)")."""
    added: list[_Mention] = []
    aliases: dict[int, int] = {}
    defined: dict[str, str] = {}
    for token in sdoc[1:-2]:
        if token.text != "(":
            continue
        acronym = token.nbor(1).text
        if token.nbor(2).text != ")" or not _is_acronym(acronym):
            continue
        start = _name_run(sdoc, token.i - 1, 0, -1)
        if start > token.i - 1:
            continue
        words = [t for t in sdoc[start : token.i]]
        while words and (not _is_capitalised(words[0]) or words[0].lower_ == "the"):
            words = words[1:]
        capitals = [t.text for t in words if _is_capitalised(t) and t.lower_ != "the"]
        if not capitals:
            continue
        letters = acronym.replace("-", "").upper()
        spelled = "".join(w[0] for w in capitals).upper() == letters
        headed = any(w.lower() in _name_parts().organisation_heads for w in capitals)
        if not spelled and (len(capitals) < 2 or not (headed or capitals[0][0] == letters[0])):
            continue
        inside = [m for m in mentions if words[0].idx <= m.start < token.idx]
        if any(m.label == "PERSON" for m in inside) and not spelled:
            continue  # "John Smith (AFP)": a name and a credit
        name = " ".join(t.text for t in words)
        label = "GPE" if _is_place(name) else "ORG"
        long_form = _make_mention(words, label)
        short_form = _make_mention([token.nbor(1)], label)
        added.extend((long_form, short_form))
        aliases[short_form.start] = long_form.start
        defined[acronym] = label
    if not defined:
        return mentions, aliases
    mentions = _without_overlaps(mentions, added)
    covered = [(m.start, m.end) for m in mentions]
    later = [
        _make_mention([token], defined[token.text])
        for token in sdoc
        if token.text in defined and not any(s <= token.idx < e for s, e in covered)
    ]
    return _without_overlaps(mentions, later), aliases


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    capitals = sum(c.isupper() for c in letters)
    return letters.isalpha() and 2 <= len(letters) <= 8 and capitals >= 2 and text[0].isupper()


def _join_split_names(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """Names the model tagged in two pieces: a person's long name ("[Teodoro Obiang]
    [Nguema Mbasogo]", one space apart), and a body's remit joined by "and" ("[Ministry of
    Finance] and [Fiscal Wellbeing]", "[African Commission on Human] and [Peoples' Rights]"),
    when the second piece names no body or place of its own."""
    parts = _name_parts()
    text = sdoc.text  # built anew from the tokens on each access
    result: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = result[-1] if result else None
        if previous is not None:
            gap = text[previous.end : mention.start]
            people = previous.label == mention.label == "PERSON" and gap == " "
            remit = (
                previous.label == "ORG"
                and gap == " and "
                and mention.label != "PERSON"
                and _open_remit(previous.words)
                and len(mention.words) <= 3
                and not any(w.lower() in parts.organisation_heads for w in mention.words)
                and not _is_place(" ".join(mention.words))
            )
            if people or remit:
                tokens = _tokens_of(sdoc, previous) + _tokens_of(sdoc, mention)
                first, last = tokens[0].i, tokens[-1].i
                result[-1] = _make_mention(list(sdoc[first : last + 1]), previous.label)
                continue
        result.append(mention)
    return result


def _open_remit(words: tuple[str, ...]) -> bool:
    """A body's name that ends in its remit ("Ministry of Finance", "Commission on Human"),
    which "and" may continue; one that ends in a place ("Bank of England") is complete."""
    for i, word in enumerate(words[:-1]):
        if word in {"of", "for", "on"}:
            return not _is_place(" ".join(words[i + 1 :]))
    return False


def _extend_person_names(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """A rare capitalised word right before a person's or a place's name is the name's start,
    which the model left out: "[Ali Houmed] said" for "Fatouma Ali Houmed said", "at Oum
    [Tiguei]"."""
    parts = _name_parts()
    covered = {t.i for m in mentions for t in _tokens_of(sdoc, m)}
    result: list[_Mention] = []
    for mention in mentions:
        tokens = _tokens_of(sdoc, mention)
        if mention.label in {"PERSON", "GPE", "LOC"} and tokens:
            while tokens[0].i > 0:
                before = tokens[0].nbor(-1)
                if (
                    before.i in covered
                    or not (before.is_alpha and before.text[:1].isupper())
                    or before.whitespace_ != " "
                    or _title_kind(before.text)
                    or zipf_frequency(before.lower_, "en") >= parts.rare_zipf
                ):
                    break
                tokens.insert(0, before)
            if tokens[0].idx != mention.start:
                extended = _make_mention(tokens, mention.label)
                extended.role = mention.role
                mention = extended
        result.append(mention)
    return result


def _complete_known_names(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """A mention that is the end of a longer name the article tags elsewhere, with that
    name's first words right before it: "reached Oum [Tiguei]" after "the village of [Oum
    Tiguei]". It becomes that name, with that name's kind."""
    known = {tuple(w.lower() for w in m.words): m.label for m in mentions if len(m.words) >= 2}
    if not known:
        return mentions
    result: list[_Mention] = []
    for mention in mentions:
        tokens = _tokens_of(sdoc, mention)
        for width in (3, 2, 1):
            first = tokens[0].i - width if tokens else -1
            if first < 0:
                continue
            longer = list(sdoc[first : tokens[-1].i + 1])
            label = known.get(tuple(t.lower_ for t in longer))
            if label is not None and (not result or result[-1].end <= longer[0].idx):
                mention = _make_mention(longer, label)
                break
        result.append(mention)
    return result


def _retype_person_names(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """A person's full name the model typed as an organisation or a place, known for a
    person's by the text: a single-word mention typed as a person is its first or last word
    ("[Khadija Mahamat Brahim] ... Khadija was evacuated"), it stands in apposition to a noun
    for a person ("a girl of nine, [Khadija Mahamat Brahim],", "[Celestina Pascual], a nurse"),
    or the text takes it up as "he" or "she"."""
    parts = _name_parts()
    single = {m.words[0].lower() for m in mentions if m.label == "PERSON" and len(m.words) == 1}
    people = {t.i for m in mentions if m.label == "PERSON" for t in _tokens_of(sdoc, m)}
    for mention in mentions:
        words = mention.words
        if (
            mention.label == "PERSON"
            or not 2 <= len(words) <= 4
            or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            or any(w.lower() in parts.organisation_heads for w in words)
            or _is_place(" ".join(words))
        ):
            continue
        tokens = _tokens_of(sdoc, mention)
        named_alone = words[0].lower() in single or words[-1].lower() in single
        if named_alone or (
            tokens
            and (
                _after_person_noun(sdoc, tokens[0].i, parts)
                or _before_person_noun(sdoc, tokens[-1].i, parts)
                or _taken_up_as_person(sdoc, tokens[-1].i, people)
            )
        ):
            mention.label = "PERSON"
    persons = {m.words for m in mentions if m.label == "PERSON" and len(m.words) >= 2}
    for mention in mentions:  # the name's other uses: "Celestina Pascual's notebook"
        if mention.words in persons:
            mention.label = "PERSON"
    return mentions


def _before_person_noun(sdoc: Any, last: int, parts: _NameParts) -> bool:
    """Token ``last`` ends a name followed by a noun for a person in apposition: "Celestina
    Pascual, a nurse at the island's health post"."""
    if last + 2 >= len(sdoc) or sdoc[last + 1].text != ",":
        return False
    return any(t.lower_ in parts.person_nouns for t in sdoc[last + 2 : last + 6])


def _taken_up_as_person(sdoc: Any, last: int, people: set[int]) -> bool:
    """The next personal pronoun after the name, in its sentence or the next, is "he" or
    "she" (or their forms) with no person named in between: "Isaias Afwerki has ruled
    Eritrea ... Nothing happens there without him." """
    sentence = sdoc[last].sent
    end = sentence.end
    if end < len(sdoc):
        end = sdoc[end].sent.end
    for token in sdoc[last + 1 : end]:
        if token.i in people:
            return False
        if token.lower_ in PERSONAL_PRONOUNS:
            return True
        if token.lower_ in {"it", "its", "they", "their", "them"}:
            return False
    return False


def _one_label_per_name(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """One name, one kind within an article: the model may tag "Borkou" a place in one
    sentence and an organisation in the next, which would make two entities of one. Names
    tagged as people keep their kind; the others take the kind of a place if the text calls
    the name a village or a town once ("the village of X"), else their most frequent kind (on
    a tie, a place before an organisation before a group)."""
    preference = ("GPE", "LOC", "ORG", "NORP", "FAC")
    kinds: dict[tuple[str, ...], Counter[str]] = {}
    for mention in mentions:
        if mention.label != "PERSON":
            tokens = _tokens_of(sdoc, mention)
            settled = bool(tokens) and _after_settlement_noun(sdoc, tokens[0].i)
            kinds.setdefault(tuple(w.lower() for w in mention.words), Counter())[mention.label] += (
                1000 if settled else 1
            )
    people: Counter[str] = Counter(
        m.words[0].lower() for m in mentions if m.label == "PERSON" and len(m.words) == 1
    )
    surnames = {m.words[-1].lower() for m in mentions if m.label == "PERSON" and len(m.words) > 1}
    for mention in mentions:
        counts = kinds.get(tuple(w.lower() for w in mention.words))
        if (mention.label != "PERSON" and counts is not None and len(counts) > 1) or (
            # "the Tibu municipal authorities" tagged a person where "Tibu" is a place or
            # a body in most uses, and no one's surname
            mention.label == "PERSON"
            and len(mention.words) == 1
            and counts is not None
            and sum(counts.values()) >= 2
            and sum(counts.values()) > people[mention.words[0].lower()]
            and mention.words[0].lower() not in surnames
        ):
            mention.label = max(
                counts,
                key=lambda k: (counts[k], -preference.index(k) if k in preference else -99),
            )
    return mentions


COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)


def _places_typed_as_people(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """Names typed as people that the text uses as places, in every use:

    * a one-word name that opens the name of a facility or district ("Nyamadzi District
      Hospital") and that the text places something in ("In Nyamadzi, ...", not "in
      Nyamadzi's"); either alone is weak: "trust in Biden", "the Kennedy School";
    * a name that something is near, or that lies in a direction ("the camps near Khor
      Angar", "south towards Khor Angar"), that a settlement noun follows in apposition
      ("Wonchit Mariam, a town of 8,000 people") or that holds a facility ("the hospital in
      Finote Selam"), when no use gives it a title or an age.

    A bare last word of such a name ("Angar") follows it."""
    parts = _name_parts()
    opened = {
        mention.words[0].lower()
        for mention in mentions
        if mention.label != "PERSON"
        and len(mention.words) >= 2
        and mention.words[-1].lower() in parts.place_heads
    }
    located: set[tuple[str, ...]] = set()
    personal: set[tuple[str, ...]] = set()
    for mention in mentions:
        tokens = _tokens_of(sdoc, mention)
        if mention.label != "PERSON" or not tokens:
            continue
        name = tuple(w.lower() for w in mention.words)
        first, last = tokens[0].i, tokens[-1].i
        before = [t.lower_ for t in sdoc[max(0, first - 2) : first]]
        after = sdoc[last + 1] if last + 1 < len(sdoc) else None
        if (
            _follows_person_title(sdoc, first)
            or _age_before(sdoc, first)
            or _age_after(sdoc, last + 1)
        ):
            personal.add(name)
        elif (
            before[-1:] in (["near"], ["outside"])
            or (
                len(before) == 2
                and before[0] in COMPASS_WORDS
                and before[1] in {"of", "towards", "to"}
            )
            or (
                len(name) == 1
                and name[0] in opened
                and before[-1:] == ["in"]
                and (after is None or after.tag_ != "POS")
            )
            or _settlement_in_apposition(sdoc, last + 1)
            or (before[-1:] in (["in"], ["at"]) and _facility_before(sdoc, first - 1, parts))
        ):
            located.add(name)
    places = located - personal
    last_words = {name[-1:] for name in places}
    for mention in mentions:
        name = tuple(w.lower() for w in mention.words)
        if mention.label == "PERSON" and (name in places or name in last_words):
            mention.label = "GPE"
    return mentions


def _settlement_in_apposition(sdoc: Any, after: int) -> bool:
    """Tokens from ``after`` read ", a town", ", the village", ", a small market town"."""
    if after >= len(sdoc) or sdoc[after].text != ",":
        return False
    following = sdoc[after + 1 : after + 5]
    if not following or following[0].lower_ not in {"a", "an", "the"}:
        return False
    for token in following[1:]:
        if token.lower_ in SETTLEMENT_NOUNS:
            # "a town of 8,000", not "the district's deputy administrator"
            return token.i + 1 >= len(sdoc) or sdoc[token.i + 1].text not in POSSESSIVE
        if not token.is_alpha or token.pos_ not in {"ADJ", "NOUN", "PROPN", ""}:
            return False
    return False


def _facility_before(sdoc: Any, preposition: int, parts: _NameParts) -> bool:
    """The "in" or "at" at ``preposition`` follows a facility or settlement noun: "the
    hospital in X", "the border post at X" (no person holds a hospital)."""
    return preposition >= 1 and (
        sdoc[preposition - 1].lower_ in parts.place_heads
        or sdoc[preposition - 1].lower_ in SETTLEMENT_NOUNS
    )


def _after_person_noun(sdoc: Any, start: int, parts: _NameParts) -> bool:
    """``start`` follows "a girl of nine," / "the farmer," : a comma after a person noun
    at most four words back."""
    if start < 2 or sdoc[start - 1].text != ",":
        return False
    return any(t.lower_ in parts.person_nouns for t in sdoc[max(0, start - 6) : start - 1])


def _splits_names(token: Any) -> bool:
    return token.text == "," or token.text in SPLITTING_PREPOSITIONS


def _retype_by_context(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """Names the model typed as a building or an organisation that the text gives an age:
    "67-year-old [Dragan Milosavljević]", "[Rustam Nazarov], 54,"; names it typed as a
    place that an appositive gives a person's title ("[Armando Chauque], the district's
    deputy administrator"); and names it typed as anything but a place that the text calls a
    village or a town: "the village of [X]"."""
    for mention in mentions:
        if not all(w[:1].isupper() for w in mention.words):
            continue
        span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or _is_place(" ".join(mention.words)):
            continue
        if mention.label in {"GPE", "LOC"}:
            if len(mention.words) >= 2 and _personal_appositive(sdoc, span.end):
                mention.label = "PERSON"  # "[Armando Chauque], the district's administrator"
            continue
        if _age_before(sdoc, span.start) or _age_after(sdoc, span.end):
            mention.label = "PERSON"
        elif _after_settlement_noun(sdoc, span.start):
            mention.label = "GPE"  # "the village of [Dobrava Gornja]"
    return mentions


def _personal_appositive(sdoc: Any, end: int) -> bool:
    """ ", the district's deputy administrator," or ", a nurse," after a name, with no
    settlement noun in it (", a town of 8,000")."""
    role = _appositive_after(sdoc, end)
    return role is not None and not any(
        word.lower() in SETTLEMENT_NOUNS or word.lower() in _name_parts().place_heads
        for word in role.split()
    )


def _after_settlement_noun(sdoc: Any, start: int) -> bool:
    """Token ``start`` follows "the village of"."""
    return (
        start >= 2 and sdoc[start - 1].lower_ == "of" and sdoc[start - 2].lower_ in SETTLEMENT_NOUNS
    )


def _age_before(sdoc: Any, start: int) -> bool:
    # "67-year-old" is five tokens: 67 - year - old
    return start >= 3 and [t.lower_ for t in sdoc[start - 3 : start]] == ["year", "-", "old"]


def _age_after(sdoc: Any, end: int) -> bool:
    if end + 2 > len(sdoc) or sdoc[end].text != ",":
        return False
    number = sdoc[end + 1]
    closes = end + 2 == len(sdoc) or sdoc[end + 2].text in {",", ")", ";"}
    return number.text.isdigit() and 0 < int(number.text) < 120 and closes


def _follows_person_title(sdoc: Any, index: int) -> bool:
    for width in (3, 2, 1):
        if index - width < 0:
            continue
        words = " ".join(t.text for t in sdoc[index - width : index])
        if _title_kind(words) in {"honorific", "political", "military", "academic"}:
            return words[:1].isupper()
    return False


def _make_mention(tokens: list[Any], label: str) -> _Mention:
    # spaCy's NER can take a paragraph break after a headline's last word into the entity
    while len(tokens) > 1 and (tokens[-1].is_space or tokens[-1].is_punct):
        tokens = tokens[:-1]
    while len(tokens) > 1 and (tokens[0].is_space or tokens[0].is_punct):
        tokens = tokens[1:]
    words = tuple(t.text for t in tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    # The span's text, not ``doc.text``, which spaCy rebuilds from every token on each access.
    surface = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    return _Mention(start, end, label, words, surface)


def _titled_names(sdoc: Any, covered: set[int]) -> list[_Mention]:
    """Capitalised words right after a title that the model left untagged: "Minister Ozturk"."""
    found: list[_Mention] = []
    tokens = list(sdoc)
    for i, token in enumerate(tokens[:-1]):
        if not token.text[:1].isupper() or i in covered:
            continue
        if _title_kind(token.text) not in {"honorific", "political", "military", "academic"}:
            continue
        name: list[Any] = []
        for k, nxt in enumerate(tokens[i + 1 : i + 4], start=i + 1):
            if nxt.i in covered or not nxt.text[:1].isupper() or not nxt.is_alpha:
                break
            if _title_kind(nxt.text) or any(
                _title_kind(" ".join(t.text for t in tokens[j : k + 1])) for j in range(i, k)
            ):  # "Deputy Prime Minister": "Prime" continues the title, it is no name
                name = []
                break
            name.append(nxt)
        if name and not _is_place(" ".join(t.text for t in name)):
            found.append(_make_mention(name, "PERSON"))
            covered.update(t.i for t in name)
    return found


def _is_place(text: str) -> bool:
    key = text.lower()
    return key in gazetteer.place_index() or key in _regions()


def _repair_labels(mentions: list[_Mention]) -> list[_Mention]:
    places = gazetteer.place_index()
    demonyms = gazetteer.demonym_index()
    for mention in mentions:
        key = " ".join(mention.words).lower()
        if key in places:
            mention.label = "GPE"
        elif key in _regions():
            mention.label = "LOC"
        elif key in demonyms:
            mention.label = "NORP"
        elif (
            mention.label == "PERSON"
            and len(mention.words) == 1
            and mention.words[0].isupper()
            and len(mention.words[0]) >= 3
        ):
            mention.label = "ORG"  # an agency or acronym ("AZERTAC"), not a person
    # surnames, and given names where the text uses them alone ("Faridah Mohd Rais ...
    # Faridah said")
    surnames = {
        m.words[k].lower()
        for m in mentions
        if m.label == "PERSON" and len(m.words) >= 2
        for k in (0, -1)
    }
    for mention in mentions:
        if (
            mention.label in {"NORP", "ORG", "GPE"}
            and len(mention.words) == 1
            and mention.words[0].lower() in surnames
            and mention.words[0].lower() not in demonyms
            and mention.words[0].lower() not in places
            and mention.words[0].lower() not in _name_parts().faiths  # "the teachings of Islam"
        ):
            mention.label = "PERSON"  # a foreign surname the model took for a nationality
    return mentions


def _without_common_words(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """Drop what the model tagged that is no name: words with no capital ("cacao", "armed
    militia commanders"; a body may be described in lower case, "the defence ministry"), and a
    one-word organisation or place that is capitalised only where it opens a sentence while
    the text also uses it in lower case ("Neighbours said ..." beside "taken by
    neighbours", "Hospital staff said ..." beside "Tibu hospital")."""
    lowered = {token.text for token in sdoc if token.is_lower}
    heads = _name_parts().organisation_heads
    starts_only: dict[str, bool] = {}
    for mention in mentions:
        if mention.label == "PERSON" or len(mention.words) != 1:
            continue
        tokens = _tokens_of(sdoc, mention)
        opens = bool(tokens) and tokens[0].is_sent_start
        word = mention.words[0]
        starts_only[word] = starts_only.get(word, True) and opens
    return [
        mention
        for mention in mentions
        if (
            any(c.isupper() for c in mention.surface or mention.words[0])
            or (mention.label == "ORG" and mention.words[-1].lower() in heads)
        )
        and not (
            len(mention.words) == 1
            and starts_only.get(mention.words[0], False)
            and mention.words[0].lower() in lowered
        )
    ]


def _add_untagged_surnames(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """A surname of a person named in full, where the model tagged nothing ("Bellini, who...")."""
    surnames = {m.words[-1]: m for m in mentions if m.label == "PERSON" and len(m.words) >= 2}
    if not surnames:
        return mentions
    covered = [(m.start, m.end) for m in mentions]
    found = [
        _make_mention([token], "PERSON")
        for token in sdoc
        if token.text in surnames
        and len(token.text) >= 3
        and not any(start <= token.idx < end for start, end in covered)
    ]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


@functools.cache
def _organisations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """data/organisations.tsv: each acronym with the names it stands for."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for line in read_lines("organisations.tsv"):
        acronym, _, expansions = line.partition("\t")
        rows.append((acronym, tuple(n.strip() for n in expansions.split("|") if n.strip())))
    return tuple(rows)


@functools.cache
def _organisation_acronyms() -> frozenset[str]:
    return frozenset(acronym for acronym, _ in _organisations())


@functools.cache
def _organisation_keys() -> dict[str, str]:
    """Each known acronym, and each name it stands for (lower-cased), → one key per
    organisation: "ELN" and "national liberation army" both → "eln"; an acronym whose name
    an earlier line already claimed shares that line's key (ISIL, ISIS)."""
    keys: dict[str, str] = {}
    for acronym, expansions in _organisations():
        names = [" ".join(n.lower().split()) for n in expansions]
        key = next((keys[n] for n in names if n in keys), acronym.lower())
        keys[acronym] = key
        for name in names:
            keys.setdefault(name, key)
    return keys


def _add_known_organisations(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """Organisation acronyms the model left untagged: those of data/organisations.tsv
    ("ECOWAS"), and any other that the text uses as a name at least twice ("the ELN",
    "ELN fighters"; see :func:`_recurring_acronyms`)."""
    named = [
        # a name inside a longer one stays part of it ("West Papua National Liberation Army")
        name
        for name in _known_names_in(sdoc)
        if not any(
            m.start < name.end and name.start < m.end and (m.start < name.start or m.end > name.end)
            for m in mentions
        )
    ]
    if named:
        # "the Islamic State-linked insurgents" tagged a nationality ("Islamic")
        mentions = _without_overlaps(mentions, named)
    covered = {token.i for m in mentions for token in _tokens_of(sdoc, m)}
    # only words in capitals can be acronyms
    untagged = [
        token
        for token in sdoc
        if token.i not in covered and token.text.isupper() and len(token.text) >= 2
    ]
    acronyms = _organisation_acronyms() | _recurring_acronyms(untagged)
    found = [_make_mention([token], "ORG") for token in untagged if token.text in acronyms]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


BODY_HEADS = frozenset({"inspectorate", "embassy", "secretariat", "directorate"})
"""Head nouns of a body's name besides ``organisation_heads``, for names the model leaves
untagged: "the General Inspectorate for Emergency Situations", "the Joint Expulsions
Secretariat"."""
DATE_LIKE = frozenset({"DATE", "TIME", "ORDINAL", "CARDINAL"})


def _untagged_names(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """Capitalised runs of two or more words, left untagged, that say what they name:
    a body's head noun makes an organisation ("Firefighters of the [General Inspectorate for
    Emergency Situations]", "the [Joint Expulsions Secretariat]"); an age or a birth after
    two or three words makes a person ("[Ikrom Sharipov], born in 1993 in Kulob", "[Tomas
    Rell], 34,"). A body's name may take in one of its words that the model took for a
    person ("Inspectorate"). A common word opening the sentence, a date or "the" is not part
    of the name."""
    heads = _name_parts().organisation_heads | BODY_HEADS
    owner = {token.i: m for m in mentions for token in _tokens_of(sdoc, m)}
    found: list[_Mention] = []
    i = 0
    while i < len(sdoc):
        if sdoc[i].i in owner or not _is_capitalised(sdoc[i]):
            i += 1
            continue
        end = max(_name_run(sdoc, i, len(sdoc) - 1, 1), i)
        tokens = list(sdoc[i : end + 1])
        i = end + 1
        touched = [owner[t.i] for t in tokens if t.i in owner]
        if touched and not (
            # one word of a body's name the model took for a person ("Inspectorate")
            any(t.lower_ in heads for t in tokens)
            and all(m.label == "PERSON" and len(m.words) == 1 for m in touched)
        ):
            continue
        while tokens and (
            tokens[0].lower_ == "the"
            or (tokens[0].is_sent_start and zipf_frequency(tokens[0].lower_, "en") >= 2.5)
            or tokens[0].ent_type_ in DATE_LIKE
            or not _is_capitalised(tokens[0])
        ):
            tokens = tokens[1:]  # "Firefighters of the ...", "On Tuesday the ..."
        capitals = [t for t in tokens if _is_capitalised(t)]
        if len(capitals) < 2:
            continue
        if any(t.lower_ in heads for t in capitals):
            found.append(_make_mention(tokens, "ORG"))
        elif len(tokens) in {2, 3} and len(capitals) == len(tokens):
            after = tokens[-1].i + 1
            born = [t.lower_ for t in sdoc[after : after + 2]] == [",", "born"]
            if (born or _age_after(sdoc, after)) and not touched:
                found.append(_make_mention(tokens, "PERSON"))
    return _without_overlaps(mentions, found) if found else mentions


@functools.cache
def _known_names() -> dict[str, list[tuple[str, ...]]]:
    """The capitalised names organisations.tsv gives for its acronyms, as word tuples by
    their first word, longest first, for matching against tokens."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for _, expansions in _organisations():
        for name in expansions:
            words = tuple(name.split())
            if len(words) >= 2 and all(
                w[:1].isupper() or w in {"of", "the", "for", "and", "in"} for w in words
            ):
                names.setdefault(words[0], []).append(words)
    for listed in names.values():
        listed.sort(key=len, reverse=True)
    return names


def _known_names_in(sdoc: Any) -> list[_Mention]:
    """Mentions of the organisations' names organisations.tsv lists ("Islamic State",
    "National Liberation Army"), written as listed."""
    names = _known_names()
    words = [token.text for token in sdoc]
    found: list[_Mention] = []
    i = 0
    while i < len(words):
        for name in names.get(words[i], ()):
            if tuple(words[i : i + len(name)]) == name:
                found.append(_make_mention(list(sdoc[i : i + len(name)]), "ORG"))
                i += len(name) - 1
                break
        i += 1
    return found


def _bodies_with_possessive_plurals(sdoc: Any, mentions: list[_Mention]) -> list[_Mention]:
    """A body's name that runs through a plural possessive, "the Kattuthurai Women's Fish
    Vendors' Society", "the Rameswaram Mechanised Boat Owners' Association", "the National
    Teachers' Union": the model tags a piece of it or nothing. One organisation, from the
    first capitalised word to the head noun, when a group noun owns the rest ("Russia's
    Defence Ministry" is Russia's, and stays two names)."""
    heads = _name_parts().organisation_heads
    possessors = _name_parts().group_possessors
    found: list[_Mention] = []
    i = 0
    tokens = list(sdoc)
    while i < len(tokens):
        if not (_is_capitalised(tokens[i]) and tokens[i].lower_ != "the"):
            i += 1
            continue
        j, owned, end = i, False, None
        while j < len(tokens) and j - i < 10:
            token = tokens[j]
            if token.text in POSSESSIVE and j > i and tokens[j - 1].lower_ in possessors:
                owned = True
            elif not _is_capitalised(token):
                break
            elif owned and token.lower_ in heads:
                end = j
            j += 1
        if end is not None:
            found.append(_make_mention(list(sdoc[i : end + 1]), "ORG"))
            i = end + 1
        else:
            i = max(j, i + 1)
    return _without_overlaps(mentions, found) if found else mentions


@functools.cache
def _common_acronyms() -> frozenset[str]:
    return frozenset(read_lines("common_acronyms.txt"))


def _recurring_acronyms(tokens: list[Any]) -> set[str]:
    """Acronyms of two to six capitals that the text uses at least twice in running text (a
    lower-case word beside them, so not a headline or masthead set in capitals), other than
    those of things and titles (data/common_acronyms.txt: "GDP", "CEO") and places."""
    seen: Counter[str] = Counter()
    for token in tokens:
        text = token.text
        if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
            continue
        neighbours = token.doc[max(token.i - 3, 0) : token.i + 4]
        if any(word.is_alpha and word.is_lower for word in neighbours):
            seen[text] += 1
    return {
        text
        for text, count in seen.items()
        if count >= 2 and text not in _common_acronyms() and not _is_place(text)
    }


def _stated_role(sdoc: Any, mention: _Mention, mentions: list[_Mention]) -> str | None:
    """The title or role the text gives at this mention, before or after the name."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    before = _role_before(sdoc, span.start)
    affiliation = _affiliation_after(sdoc, span.end)
    appositive = _appositive_after(sdoc, span.end)
    parts = [p for p in (before, affiliation) if p]
    role = ", ".join(parts) if parts else None
    if appositive:
        role = f"{role}, {appositive}" if role else appositive
    return role


def _role_before(sdoc: Any, start: int) -> str | None:
    i = start
    has_title = False
    # Include titles inside the entity span itself ("President Ilham Aliyev" tagged whole).
    while i > 0:
        token = sdoc[i - 1]
        kind = _title_kind(token.text)
        if kind and kind != "honorific":
            has_title = True
        elif _role_filler(token, has_title):
            pass
        else:
            break
        i -= 1
    if not has_title:
        return None
    tokens = [t for t in sdoc[i:start] if _title_kind(t.text) != "honorific"]
    while tokens and tokens[0].lower_ in {"his", "her", "excellency"}:
        tokens = tokens[1:]
    return " ".join(t.text for t in tokens) or None


def _role_filler(token: Any, has_title: bool) -> bool:
    """Words that may stand in a title before a name: "His Excellency", "former", "Kazakh"."""
    lower = token.lower_
    if _title_kind(token.text) == "honorific" or lower in {"his", "her", "excellency"}:
        return True
    if lower in ROLE_MODIFIERS or lower in gazetteer.demonym_index():
        return True
    return has_title and token.ent_type_ in {"ORG", "NORP", "GPE"} and token.text[:1].isupper()


def _affiliation_after(sdoc: Any, end: int) -> str | None:
    if end + 1 >= len(sdoc) or sdoc[end].lower_ not in AFFILIATION_PREPOSITIONS:
        return None
    j = end + 1
    if sdoc[j].lower_ == "the" and sdoc[j].ent_iob_ != "B":
        j += 1
    if j < len(sdoc) and sdoc[j].ent_type_ == "ORG" and sdoc[j].ent_iob_ == "B":
        k = j
        while k + 1 < len(sdoc) and sdoc[k + 1].ent_iob_ == "I":
            k += 1
        org = sdoc[j : k + 1]
        name: str = (org[1:] if org[0].lower_ == "the" else org).text
        return name
    return None


def _appositive_after(sdoc: Any, end: int) -> str | None:
    """ ", a senior analyst at the Warsaw Institute for Eastern Studies," or ", a nurse at
    the health centre," after a name."""
    if end >= len(sdoc) or sdoc[end].text != ",":
        return None
    person_nouns = _name_parts().person_nouns
    j = end + 1
    if j < len(sdoc) and sdoc[j].lower_ in {"a", "an", "the"}:
        j += 1
    k = j
    has_title = False
    while k < len(sdoc) and k - j < _MAX_APPOSITIVE_TOKENS:
        token = sdoc[k]
        if token.text in {",", ".", ";", ":", "—", "–", "--"} or token.is_space:
            break
        if token.lower_ in {"who", "which", "that", "said", "says", "told"}:
            return None
        if _title_kind(token.text) in {
            "political",
            "military",
            "academic",
            "description",
        } or (k == j and token.lower_ in person_nouns):  # ", a nurse at the health centre,"
            has_title = True
        k += 1
    if not has_title or k == j:
        return None
    role: str = sdoc[j:k].text
    return role


ALIAS_LINKS = re.compile(
    r"^\s*(?:,|\()\s*(?:also\s+|better\s+|locally\s+|widely\s+)?"
    r"(?:(?:known|called|referred\s+to)\s+(?:as\s+)?(?:the\s+)?"
    r"|known\s+by\s+its\s+(?:[A-Z][\w-]*\s+)?(?:initials|acronym|abbreviation)\s+)$",
    re.IGNORECASE,
)
"""What joins a name to the other name it goes by: "X, known as Y", "X (also called Y)", "X,
known by its Indonesian initials Y"."""


def _stated_aliases(text: str, mentions: list[_Mention]) -> dict[int, int]:
    """Mention start → the start of the name it is stated to be another name of ("the
    Special Deterrence Force, known as Radaa"): both name one organisation or group."""
    # a nationality inside the link ("known by its Indonesian initials") is not the alias
    ordered = sorted(mentions, key=lambda m: m.start)
    aliases: dict[int, int] = {}
    for k, first in enumerate(ordered):
        if first.label == "PERSON":
            continue
        following = (m for m in ordered[k + 1 :] if m.label != "NORP")
        second = next(following, None)
        if second is None or second.label == "PERSON":
            continue
        if ALIAS_LINKS.match(text[first.end : second.start]):
            aliases[second.start] = first.start
    return aliases


def _merge(mentions: list[_Mention], aliases: dict[int, int] | None = None) -> list[_Cluster]:
    """Mentions grouped by referent; ``aliases`` maps a mention's start to the start of the
    name the text says it is another name of."""
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    pending: list[_Mention] = []
    cluster_at: dict[int, _Cluster] = {}
    aliases = aliases or {}
    for mention in mentions:
        alias_of = aliases.get(mention.start)
        if alias_of is not None and alias_of in cluster_at:
            named = cluster_at[alias_of]
            named.mentions.append(mention)
            cluster_at[mention.start] = named
            # other mentions of the alias join too, also those before it (a headline's "FACT")
            key = f"{mention.label}:{_group_key(mention)}"
            earlier = by_key.get(key)
            if earlier is not None and earlier is not named:
                named.mentions.extend(earlier.mentions)
                cluster_at.update({m.start: named for m in earlier.mentions})
                clusters.remove(earlier)
                by_key = {k: named if c is earlier else c for k, c in by_key.items()}
            by_key[key] = named
            continue
        if mention.label == "PERSON":
            cluster = _person_cluster(mention, clusters)
            if cluster is None and len(mention.words) == 1:
                pending.append(mention)
                continue
        else:
            key = f"{mention.label}:{_group_key(mention)}"
            cluster = by_key.get(key) or _acronym_cluster(mention, clusters)
        if cluster is None:
            key = f"{mention.label}:{' '.join(mention.words).lower()}"
            cluster = _Cluster(mention.label, key)
            clusters.append(cluster)
            if mention.label != "PERSON":
                by_key[f"{mention.label}:{_group_key(mention)}"] = cluster
        cluster.mentions.append(mention)
        cluster_at[mention.start] = cluster
    for mention in pending:  # a surname seen before the full name ("Aliyev's" in a headline)
        cluster = _person_cluster(mention, clusters, anywhere=True)
        if cluster is None:
            cluster = _Cluster("PERSON", f"PERSON:{mention.words[0].lower()}")
            clusters.append(cluster)
        cluster.mentions.append(mention)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    return clusters


def _person_cluster(
    mention: _Mention, clusters: list[_Cluster], anywhere: bool = False
) -> _Cluster | None:
    words = tuple(w.lower() for w in mention.words)
    best: _Cluster | None = None
    best_position = -1
    for cluster in clusters:
        if cluster.label != "PERSON":
            continue
        full = tuple(w.lower() for w in cluster.full_words)
        if len(words) >= 2:
            match = full == words or (
                len(full) >= 2 and full[-1] == words[-1] and full[0][:1] == words[0][:1]
            )
            match = match or (len(full) == 1 and full[0] == words[-1])
        else:
            match = words[0] in (full[-1], full[0])
        if not match:
            continue
        before = [m.start for m in cluster.mentions if m.start < mention.start or anywhere]
        if before and max(before) > best_position:
            best, best_position = cluster, max(before)
    return best


def _group_key(mention: _Mention) -> str:
    text = " ".join(mention.words)
    key = text.lower()
    if mention.label in {"GPE", "LOC"}:
        country = gazetteer.country_named(key)
        return country.name.lower() if country else key
    if mention.label == "NORP":
        country = gazetteer.demonym_index().get(key)
        return country.name.lower() if country else key
    key = re.sub(r"\s+", " ", key)
    if mention.label == "ORG":
        # "ELN" and "the National Liberation Army" are one group
        known = _organisation_keys()
        return known.get(text, known.get(key, key))
    return key


def _acronym_cluster(mention: _Mention, clusters: list[_Cluster]) -> _Cluster | None:
    if mention.label != "ORG" or len(mention.words) != 1:
        return None
    acronym = mention.words[0]
    if not (acronym.isupper() and 2 <= len(acronym) <= 8):
        return None
    for cluster in clusters:
        if cluster.label == "ORG":
            initials = "".join(
                w[0] for w in cluster.full_words if w[:1].isupper() and w.lower() != "the"
            )
            if initials == acronym:
                return cluster
    return None


def _canonical_name(cluster: _Cluster, text: str) -> str:
    if cluster.label in {"GPE", "LOC"}:
        country = gazetteer.country_named(" ".join(cluster.mentions[0].words).lower())
        if country:
            return country.name
    if cluster.label == "NORP":
        country = gazetteer.demonym_index().get(" ".join(cluster.mentions[0].words).lower())
        if country and country.demonyms:
            return country.demonyms[0]
    counts = Counter(m.surface for m in cluster.mentions)
    name = max(counts, key=lambda form: (len(form.split()), counts[form]))
    if name.isupper() and cluster.label == "PERSON":
        name = name.title()
    return name
