"""Whom the text casts as hero, villain or victim: a role, a tone and the evidence per referent.

How it works:

1. **Referents.** Entities that stand for the same actor are read together: a nationality or
   group ("Armenian forces", "Azerbaijani") is folded into its country through the gazetteer's
   demonyms, a capital used for its government ("the Yerevan leadership", "Baku") into its
   country, and metonyms kept as data ("Brussels", "the Kremlin") into what they stand for.
2. **Evidence.** Every mention is read in its sentence's dependency parse. A group noun the
   mention modifies ("Armenian *forces*") stands for it. Praise and blame come from words
   attached to it: its modifiers and appositions ("a man of pure wisdom"), what it owns
   ("X's colossal efforts", "the belligerence of Y"), what it does as a subject (harmful or
   obstructive acts, helpful acts, the predicate of a copula: "X is a model") and what is done to
   it (praised, condemned, accused, blamed for something; shelled or killed, which makes it a
   victim), and what it owns that suffers ("her house burned"). "He"/"she" are resolved to the
   nearest earlier person of that gender (learnt from the text), "I"/"we" in a quote to its
   speaker, "its" to its clause's subject or else the nearest organisation or country; "it" and
   "they" as subjects (and "their") continue the last main-clause subject of their number, and
   stay unresolved when that subject names no entity; a bare kind noun ("the alliance", "the
   country") stands for the body or state last named. A quote that names its supposed speaker
   in the third person is taken as not theirs when resolving "he"/"she". Blame carried by
   nouns ("provocations by X", "X's policy of aggression", "responsibility lies with X"),
   credit by circumstance ("under X's leadership", "thanks to X", "X deserves credit"),
   wishing harm on others ("wants to see the region burn") and being counted among the harmed
   ("among those killed was X") are read as well. Reported speech is skipped when the entity
   is the speaker, and so is blame it lays on others: what someone says is not about them.
   Requests ("urged X to end
   the siege") are not deeds. Negation turns praise into weak blame and the reverse. One
   party's accusation of another (also through its officials: "its diplomats blamed Y"), and
   claims quoted from states or ministries, count half. Technique spans that overlap the
   evidence add their own evidence. Evidence inside a quote names the quoted speaker.
   A noun a name is apposed to stands for it ("a schoolteacher, X, 38, was killed"), and so
   does the settlement a place names ("the village of X"); harm to a place's people or things
   ("a resident of X was wounded", "fired at boats from X") is harm to it. In a description
   the head noun governs: "the greatest obstacle to dialogue" is blame, its superlative makes
   it stronger, and praise words in the complement of a word of blame do not count; nor do
   those in the object of harm or obstruction ("blocked every reform"), nor blame words in
   the object of what keeps harm away ("defeated the sanctions"). A speaker's praise of
   itself ("we will protect our people") is a claim and is left out. A stance towards someone
   ("was scathing about X") casts X; so does a relative clause whose pronoun is its object
   ("X, which she accused of ..."). The means of an act ("responded by mocking them"), a
   participle describing the referent ("a force sanctioned for killings"), a participle
   joined without auxiliary ("dead, shot in the chest": harm), praising harm ("applauded
   each measure that hurts them": blame), showing responsibility (praise) and what a fired
   projectile lands on or goes through (harm) are read too; defending a thing rather than
   people or a good ("defended the charges") is not praise, a passive accusation with its
   accuser named counts half, and a word of suffering ("he was dead") is not blame.
   **States and their leaders.** A head of state or government whose title names one state
   ("Belarusian President X", "the President of Y") lends that state part of the praise and
   blame said of them; former and opposition leaders lend nothing.
3. **Decision.** ``tone = (praise - blame) / (praise + blame + smoothing)``. A referent with
   enough harm done to it and not more blame or praise is ``innocent``; otherwise enough
   evidence and a tone past a threshold make it ``protagonist`` or ``antagonist``; the rest
   are ``neutral``.

Lexicons, weights and thresholds live in ``data/portrayal.json``; VADER's valence lexicon adds
weak evidence for adjectives the curated lists lack.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from spinscope.annotators.metadata import not_prose_spans
from spinscope.annotators.quotes import reporting_verbs, within
from spinscope.data import read_json
from spinscope.document import Document, Entity, Evidence, Portrayal, Quote, Span, TechniqueSpan
from spinscope.gazetteer import countries, country_named, demonym_index
from spinscope.roles.features import ArticleSentences, ImposingWords, RoleCase, role_features
from spinscope.roles.model import BUNDLED_ROLE_MODEL, RoleModel, decide

PORTRAYED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
SUBJECTS = frozenset({"nsubj", "csubj"})
OWN_CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "parataxis", "conj", "relcl", "acl", "csubj"})
"""Dependents that start a clause of their own: their words are not said of the subject
unless they share it."""
HARM_PREPOSITIONS = frozenset({"on", "against", "at", "upon"})
OWNED_HARM = 0.6
"""Weight of harm done to what someone has or loves ("his relatives drowned")."""
CONFINEMENT_HARM = 0.6
"""Weight of being locked up ("spent a year in prison")."""
HARM_EVENT_BLAME = 0.5
"""Weight of a harmful event in the subject's own clause ("prepared the attack")."""
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"after", "before", "during", "since", "following", "amid", "amidst", "despite", "until",
     "through", "throughout", "across", "under", "within", "in", "at", "near", "around"}
)  # fmt: skip
"""Prepositions that set a clause in time or circumstance ("speaking after the attack"): their
words are not said of the subject."""
BLAME_NOUNS = frozenset({"blame", "responsibility"})
BEARING_VERBS = frozenset(
    {"bear", "bears", "bore", "borne", "bearing", "carry", "carries", "carried", "take",
     "takes", "took", "taken", "claim", "claims", "claimed", "share", "shares", "shared"}
)  # fmt: skip
"""With "responsibility" or "blame" as object, the subject is the one blamed."""
SHOWING_VERBS = frozenset(
    {"show", "shows", "showed", "shown", "showing", "demonstrate", "demonstrates",
     "demonstrated", "demonstrating", "display", "displays", "displayed", "displaying"}
)  # fmt: skip
"""With "responsibility" as object, a virtue the subject shows, not blame it bears."""
BORNE_BLAME = 0.8
AGENT_PREPOSITIONS = frozenset({"by", "from"})
"""After a harmful act or a word of blame, they name who did it: "provocations by X"."""
RESTING_PREPOSITIONS = frozenset({"with", "on", "upon"})
"""After "responsibility"/"blame" as subject, they name the one blamed: "lies with X"."""
NOMINAL_BLAME = 0.7
DESIRE_VERBS = frozenset(
    {"want", "wants", "wanted", "wanting", "wish", "wishes", "wished", "seek", "seeks",
     "sought", "seeking", "dream", "dreams", "dreamed", "dreamt", "intend", "intends",
     "intended"}
)  # fmt: skip
DESIRED_HARM = 0.7
"""Weight of wishing harm on others ("wants to see the region burn")."""
GROUPING_PREPOSITIONS = frozenset({"among", "amongst"})
CREDIT_PRAISE = 0.6
"""Weight of deserving or earning credit ("deserves credit", "won praise")."""
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})
HOSPITAL_NOUNS = frozenset({"hospital", "hospitals", "clinic", "infirmary"})
HOSPITAL_HARM = 0.6
"""Weight of harm of being taken to hospital: hurt or ill, if not how badly."""
CARE_PRAISE = 0.5
"""Weight of carrying, evacuating or treating the harmed ("carried the wounded")."""
CARE_ORDER_PRAISE = 0.5
"""Weight of ordering that nobody be left in want ("ordered that no one go hungry")."""
THANKS_WORDS = frozenset({"thanks", "owing"})
THANKS_CREDIT = 0.5
"""Weight of "thanks to X": X is credited with what came about."""
STEWARDSHIP_SCALE = 0.8
"""Weight of what happens "under X's leadership", against X doing it."""
DEMAND_VERBS = frozenset(
    {"urge", "urged", "urges", "urging", "call", "called", "calls", "calling", "demand",
     "demanded", "demands", "ask", "asked", "asks", "press", "pressed", "appeal", "appealed",
     "insist", "insisted", "told", "tell", "want", "wanted", "wants"}
)  # fmt: skip
"""Verbs of asking: "called on the RSF to end its siege" asks, it does not report an act."""
FINITE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ"})
NEGATIONS = frozenset({"not", "never", "n't", "no"})
NOBODY = frozenset({"nobody", "nothing", "none", "noone"})
STANCE_PREPOSITIONS = frozenset({"of", "about", "towards", "toward", "over"})
NOT_IN_OFFICE = frozenset({"former", "ex", "late", "exiled", "opposition", "acting", "vice"})
DEFENDING_VERBS = frozenset({"defend", "defends", "defended", "defending"})
PROTECTED_NOUNS = frozenset(
    {"people", "country", "nation", "homeland", "land", "territory", "border", "borders",
     "sovereignty", "independence", "freedom", "freedoms", "rights", "democracy", "home",
     "homes", "constitution", "state", "city", "capital", "region", "population", "workers"}
)  # fmt: skip
"""What one defends for others' good; defending other things ("the charges") justifies them."""
PROJECTILE_PREPOSITIONS = frozenset({"on", "onto", "into", "through", "at", "upon"})
PROJECTILE_HARM = 0.7
HAVE_FORMS = frozenset({"have", "has", "had", "'ve", "'d"})
SUFFERING_OBJECT_VERBS = frozenset(
    {"suffer", "suffers", "suffered", "suffering", "endure", "endures", "endured", "enduring"}
)  # fmt: skip
"""Suffering verbs whose object is the suffering itself: "suffered a broken arm"."""
UNOWNED_LOSS = 0.5
CAUSATIVE_VERBS = frozenset({"make", "makes", "made", "making", "render", "renders", "rendered"})
"""Verbs that make their object into what follows: "made the country respected"."""
FIRING_NOUNS = frozenset({"fire", "shots"})
"""What is opened or fired on a target ("opened fire on X"): a target is harmed, but the
phrase alone does not blame the one firing (each side says the other fired first)."""
QUANTITY_WORDS = frozenset(
    {"one", "some", "many", "several", "most", "dozens", "hundreds", "thousands", "group",
     "number", "couple", "handful", "all", "both"}
)  # fmt: skip
"""Words that count people or things out of a whole: "one of the wounded", "a group of
boats"."""
ORDER_NOUNS = frozenset(
    {"instruction", "instructions", "order", "orders", "directive", "directives", "direction",
     "directions", "command", "commands"}
)  # fmt: skip
"""What "on the orders of X" or "at the direction of X" names: what follows is X's deed."""
ORDER_PREPOSITIONS = frozenset({"on", "upon", "at", "by", "under"})
APPOSITION_REACH = 8
"""How many tokens a name in apposition may start after the noun it names: "the President
of the Republic of Azerbaijan, Ilham Aliyev" is seven."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    praise: dict[str, float]
    blame: dict[str, float]
    harm_verbs: dict[str, float]
    suffer_verbs: dict[str, float]
    passive_harm_verbs: dict[str, float]
    """Verbs that harm only in the passive ("was hit", "were struck"); active, they are too
    often figurative ("struck a cautious tone")."""
    harm_nouns: dict[str, float]
    praise_verbs: dict[str, float]
    blame_verbs: dict[str, float]
    help_verbs: dict[str, float]
    obstruct_verbs: dict[str, float]
    naming_verbs: frozenset[str]
    """Verbs whose subject judges their object ("called it terror"), in all forms."""
    prevent_verbs: frozenset[str]
    """Verbs that keep harm away ("prevented a war"), in all forms."""
    stewardship_nouns: dict[str, float]
    """Nouns of someone's running of things ("under X's leadership"), with how much the phrase
    itself credits them."""
    credit_nouns: frozenset[str]
    """What one deserves or earns when praised ("deserves credit")."""
    deserving_verbs: frozenset[str]
    harm_events: frozenset[str]
    """Nouns of harmful events; their "of X" is the one who suffers ("the shelling of
    Tartar"), not the one who acts."""
    listed_verbs: frozenset[str]
    """Every form of the harm, suffering, praise, blame, help and obstruction verbs."""
    group_nouns: frozenset[str]
    place_nouns: frozenset[str]
    """Nouns of a settlement a place's name specifies ("the village of X", "the X camp"):
    what is done to them is done to the place."""
    speech_nouns: frozenset[str]
    """What one says ("his harshest words"): only curated words about it cast the speaker."""
    claim_nouns: frozenset[str]
    """What one rejects or denies without obstructing anything ("rejected any suggestion")."""
    official_speakers: frozenset[str]
    """Head nouns of an unnamed speaker that speaks for a party ("the Dorvian defence
    ministry", "a military spokesman"): what it says is the party's claim."""
    kin_nouns: frozenset[str]
    """Nouns of kinship: "X's brother, Y" makes Y bereaved when X is harmed."""
    care_verbs: frozenset[str]
    """What one does for the harmed ("carried the wounded", "evacuated the injured"), in all
    forms: praise of it is no praise of harm."""
    provision_verbs: dict[str, float]
    """Verbs of providing ("set up", "sent", "ran"), in all forms, with the praise they give
    their subject when what they provide is relief."""
    relief_nouns: frozenset[str]
    """What people in need live on (tents, field kitchens, food, a bus)."""
    command_verbs: frozenset[str]
    """Verbs of ordering ("ordered", "instructed"), in all forms: what is ordered is the
    orderer's deed."""
    want_words: frozenset[str]
    """Words of want ("hungry", "cold", "left behind") in a clause whose subject is nobody."""
    labelled_people: frozenset[str]
    """Words that label people as wrongdoers ("terrorists", "a terrorist column")."""
    support_verbs: frozenset[str]
    """Verbs that back people ("harbours", "armed"), in all forms: the labels of whom they
    back reflect on the subject."""
    choice_verbs: frozenset[str]
    """Verbs of choosing ("has chosen the guns"), in all forms: choosing arms is choosing
    harm."""
    suffered_nouns: dict[str, float]
    """What befalls someone ("the death of X", "the abduction of X"): X suffered it, with
    this weight of harm."""
    confinement_nouns: frozenset[str]
    """Where people are locked up: "spent months in prison" harms them."""
    metonyms: dict[str, str]
    group_referents: dict[str, str]
    scales: dict[str, float]
    decision: dict[str, float]
    technique_polarity: dict[str, float]
    projectile_nouns: frozenset[str]
    """What is fired and strikes ("a bullet went through her roof"): what it lands on or goes
    through is harmed."""
    container_nouns: frozenset[str]
    """What holds things without being them: "its list of terrorist organisations" does not
    make its owner a terrorist."""
    vehicle_nouns: frozenset[str]
    """What carries an actor's people or fire ("a Y ship", "Y jets"): it stands for its
    owner, and so does the crew "from" it."""
    perpetration_verbs: frozenset[str]
    """Verbs of doing a harmful act ("carried out", "planted", "claimed"), in all forms: in the
    passive, their "by X" is who did it ("the attack was carried out by X")."""
    perpetrated_things: frozenset[str]
    """Besides harmful events, what one plants or claims: a device, responsibility."""
    stance_adjectives: dict[str, float]
    """Adjectives of a stance towards someone ("critical of X", "scathing about X"): the
    signed weight of that stance, said of X."""
    leader_titles: frozenset[str]
    """Titles of a head of state or government ("President", "Prime Minister")."""
    imposing_verbs: frozenset[str]
    """What an authority does to people ("fined her", "banned honking"), in all forms."""
    imposing_nouns: frozenset[str]
    """What an authority announces or introduces on people (a fine, a surcharge, a quota)."""
    announcing_verbs: frozenset[str]
    """Verbs that announce or introduce what is imposed, in all forms."""
    possession_participles: frozenset[str]
    """Participles that make the "by" or "to" noun the owner: "a bakery owned by X"."""
    armed_nouns: frozenset[str]
    """The armed, whose striking or hitting a place attacks it: forces, troops, gunmen."""
    vader: dict[str, float]


def _inflections(verb: str) -> set[str]:
    """Regular English forms of a verb (``shell`` → shells, shelled, shelling; ``save`` →
    saves, saved, saving; ``deny`` → denies, denied, denying). A final consonant after one
    vowel may double or not ("banned", "opened"): stress decides, which spelling cannot tell,
    so both are listed."""
    words = verb.split()
    head, rest = words[0], " ".join(words[1:])
    forms = {head}
    consonant_y = head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u", "")
    if consonant_y:
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith("ie"):
        forms |= {head + "s", head + "d", head[:-2] + "ying"}
    elif head.endswith("e"):
        silent = not head.endswith(("ee", "ye", "oe"))
        forms |= {head + "s", head + "d", (head[:-1] if silent else head) + "ing"}
    else:
        sibilant = head.endswith(("s", "sh", "ch", "x", "z"))
        forms |= {head + ("es" if sibilant else "s"), head + "ed", head + "ing"}
        if (
            len(head) > 2
            and head[-1] not in "aeiouwxy"
            and head[-2] in "aeiou"
            and head[-3] not in "aeiou"
        ):
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    return {f"{form} {rest}".strip() for form in forms}


def _verb_forms(verbs: dict[str, float], irregular: dict[str, str]) -> dict[str, float]:
    forms: dict[str, float] = {}
    for verb, weight in verbs.items():
        for form in _inflections(verb):
            forms.setdefault(form, weight)
    for form, base in irregular.items():
        if base in verbs:
            forms.setdefault(form, verbs[base])
    return forms


@functools.cache
def lexicon() -> Lexicon:
    raw = read_json("portrayal.json")
    irregular: dict[str, str] = raw["irregular_verbs"]

    def verbs(name: str) -> dict[str, float]:
        return _verb_forms(raw[name], irregular)

    harm_verbs, suffer_verbs = verbs("harm_verbs"), verbs("suffer_verbs")
    praise_verbs, blame_verbs = verbs("praise_verbs"), verbs("blame_verbs")
    help_verbs, obstruct_verbs = verbs("help_verbs"), verbs("obstruct_verbs")
    provision_verbs = verbs("provision_verbs")
    choice_verbs = frozenset(_verb_forms(dict.fromkeys(raw["choice_verbs"], 1.0), irregular))
    return Lexicon(
        praise=raw["praise"],
        blame=raw["blame"],
        harm_verbs=harm_verbs,
        suffer_verbs=suffer_verbs,
        passive_harm_verbs=verbs("passive_harm_verbs"),
        harm_nouns=raw["harm_nouns"],
        praise_verbs=praise_verbs,
        blame_verbs=blame_verbs,
        help_verbs=help_verbs,
        obstruct_verbs=obstruct_verbs,
        naming_verbs=frozenset(_verb_forms(dict.fromkeys(raw["naming_verbs"], 1.0), irregular)),
        prevent_verbs=frozenset(_verb_forms(dict.fromkeys(raw["prevent_verbs"], 1.0), irregular)),
        stewardship_nouns=raw["stewardship_nouns"],
        credit_nouns=frozenset(raw["credit_nouns"]),
        deserving_verbs=frozenset(
            _verb_forms(dict.fromkeys(raw["deserving_verbs"], 1.0), irregular)
        ),
        harm_events=frozenset(raw["harm_events"]),
        listed_verbs=frozenset(
            {
                *harm_verbs,
                *suffer_verbs,
                *praise_verbs,
                *blame_verbs,
                *help_verbs,
                *obstruct_verbs,
                *provision_verbs,
                *choice_verbs,
            }
        ),
        group_nouns=frozenset(raw["group_nouns"]),
        vehicle_nouns=frozenset(raw["vehicle_nouns"]),
        place_nouns=frozenset(raw["place_nouns"]),
        confinement_nouns=frozenset(raw["confinement_nouns"]),
        speech_nouns=frozenset(raw["speech_nouns"]),
        claim_nouns=frozenset(raw["claim_nouns"]),
        official_speakers=frozenset(raw["official_speakers"]),
        kin_nouns=frozenset(raw["kin_nouns"]),
        care_verbs=frozenset(_verb_forms(dict.fromkeys(raw["care_verbs"], 1.0), irregular)),
        provision_verbs=provision_verbs,
        relief_nouns=frozenset(raw["relief_nouns"]),
        command_verbs=frozenset(_verb_forms(dict.fromkeys(raw["command_verbs"], 1.0), irregular)),
        want_words=frozenset(raw["want_words"]),
        choice_verbs=choice_verbs,
        labelled_people=frozenset(raw["labelled_people"]),
        support_verbs=frozenset(_verb_forms(dict.fromkeys(raw["support_verbs"], 1.0), irregular)),
        suffered_nouns=raw["suffered_nouns"],
        metonyms=raw["metonyms"],
        group_referents=raw["group_referents"],
        scales=raw["scales"],
        decision=raw["decision"],
        technique_polarity=raw["technique_polarity"],
        projectile_nouns=frozenset(raw["projectile_nouns"]),
        container_nouns=frozenset(raw["container_nouns"]),
        perpetration_verbs=frozenset(
            _verb_forms(dict.fromkeys(raw["perpetration_verbs"], 1.0), irregular)
        ),
        perpetrated_things=frozenset(raw["perpetrated_things"]),
        stance_adjectives=raw["stance_adjectives"],
        leader_titles=frozenset(raw["leader_titles"]),
        imposing_verbs=frozenset(_verb_forms(dict.fromkeys(raw["imposing_verbs"], 1.0), irregular)),
        imposing_nouns=frozenset(raw["imposing_nouns"]),
        announcing_verbs=frozenset(
            _verb_forms(dict.fromkeys(raw["announcing_verbs"], 1.0), irregular)
        ),
        possession_participles=frozenset(raw["possession_participles"]),
        armed_nouns=frozenset(raw["armed_nouns"]),
        vader=_vader_lexicon(),
    )


def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    # VADER's mean human ratings run from -4 to 4.
    return {word: value / 4.0 for word, value in SentimentIntensityAnalyzer().lexicon.items()}


@dataclass(slots=True)
class _Found:
    """One piece of evidence in clean-text offsets, before it becomes an :class:`Evidence`."""

    start: int
    end: int
    kind: str
    weight: float


@dataclass(slots=True)
class _Referent:
    entity: Entity
    members: list[Entity] = field(default_factory=list)
    found: list[_Found] = field(default_factory=list)
    described: list[Span] = field(default_factory=list)
    """Where the text names it by its title alone ("the head of state")."""
    denies: bool = False
    """Whether the text has it deny or reject a charge ("The ELN denied attacking the
    patrol"): its answer to an accusation, as when it is quoted."""


class PortrayalAnalyzer:
    """Adds ``doc.portrayal``: one record per actor the text names.

    The rules below read the evidence and give each actor a first role; the role model
    (``roles/``), fitted on labelled articles, then decides the role from that verdict and
    the context of the actor's mentions. ``role_model=None``, or a pipeline without the
    genre annotator, keeps the rules' roles.
    """

    name = "portrayal"

    def __init__(self, role_model: RoleModel | Literal["bundled"] | None = "bundled") -> None:
        self.role_model = role_model

    def _model(self) -> RoleModel | None:
        if self.role_model == "bundled":
            self.role_model = RoleModel.load() if BUNDLED_ROLE_MODEL.exists() else None
        return self.role_model

    def __call__(self, doc: Document) -> Document:
        words = lexicon()
        cases = self.read(doc)
        model = self._model()
        # The model weighs the genre (an op-ed's blame is not a report's); without the genre
        # annotator's verdict the rules decide.
        if model is not None and cases and doc.genre is not None:
            sentences = ArticleSentences(doc, harm_words(), imposing_words())
            x = role_features(doc, [case for _, case in cases], sentences, words.leader_titles)
            for (portrayal, case), p in zip(cases, model.probabilities(x), strict=True):
                probabilities = dict(zip(model.roles, p, strict=True))
                _apply_role(doc, portrayal, case, probabilities, sentences)
        doc.portrayal.extend(portrayal for portrayal, _ in cases)
        return doc

    def read(self, doc: Document) -> list[tuple[Portrayal, RoleCase]]:
        """Each actor's record as the rules decide it, and what the role model reads of it."""
        words = lexicon()
        referents = _referents(doc.entities, words)
        by_entity = {member.id: referent for referent in referents for member in referent.members}
        types = {entity.id: entity.type for entity in doc.entities}
        leaders: dict[str, Counter[str]] = {}
        kin: dict[str, list[tuple[int, int, str]]] = {}
        # The dateline's city, a byline's outlet: where the piece was filed or who filed it,
        # never an actor of the text ("NAIROBI, Nov 19 - A drone strike ... killed 19 people"
        # has no Nairobi doing anything).
        filed = not_prose_spans(doc)
        if doc.nlp is not None and by_entity:
            _read_mentions(doc, by_entity, words, types, leaders, kin, filed)
        _share_with_states(referents, by_entity, leaders, words)
        _share_with_kin(by_entity, kin, words)
        quotes = sorted(doc.quotes, key=lambda quote: quote.start)
        cases: list[tuple[Portrayal, RoleCase]] = []
        for referent in referents:
            if referent.found:
                referent.found.extend(_technique_evidence(referent, doc.techniques, words))
            cases.append(_decide(doc, referent, words, quotes, types, filed))
        return cases


def _referents(entities: list[Entity], words: Lexicon) -> list[_Referent]:
    """Entities grouped by the actor they stand for, in order of first appearance."""
    demonyms = demonym_index()
    capitals = _capital_index()
    by_key: dict[str, _Referent] = {}
    for entity in entities:
        if entity.type not in PORTRAYED_TYPES:
            continue
        name = entity.name.lower()
        target = words.metonyms.get(name) or words.group_referents.get(name)
        if target is None and entity.type == "NORP" and name in demonyms:
            target = demonyms[name].name
        if target is None and entity.type == "GPE" and name in capitals:
            target = capitals[name].name
        if target is None and entity.type == "ORG":
            target = _organ_of_state(entity.name, demonyms)
        key = _referent_key(target or entity.name)
        referent = by_key.get(key)
        if referent is None:
            referent = by_key[key] = _Referent(entity)
        elif _referent_key(entity.name) == key and _referent_key(referent.entity.name) != key:
            referent.entity = entity  # the entity named as the actor leads ("Armenia")
        referent.members.append(entity)
    # A referent led by a folded entity ("Armenian") is named after what it stands for.
    return list(by_key.values())


@functools.cache
def _capital_index() -> dict[str, Any]:
    """Lower-cased capital → its country."""
    return {capital.lower(): country for country in countries() for capital in country.capitals}


def _referent_key(name: str) -> str:
    country = country_named(name)
    key = (country.name if country is not None else name).lower()
    # "the Houthis" and "the Houthi militia" are one actor
    return key[:-1] if " " not in key and key.endswith("s") and len(key) > 4 else key


def _organ_of_state(name: str, demonyms: dict[str, Any]) -> str | None:
    """ "Azerbaijani Defence Ministry" → Azerbaijan: a state body stands for its state."""
    first = name.split()[0].lower() if name.split() else ""
    country = demonyms.get(first)
    if country is not None and name.split()[-1].lower() in {"ministry", "government", "army"}:
        return str(country.name)
    return None


def _display_name(referent: _Referent) -> str:
    lead = referent.entity
    if lead.type == "NORP":
        demonyms = demonym_index()
        words = lexicon()
        country = demonyms.get(lead.name.lower())
        if country is not None:
            return str(country.name)
        return words.group_referents.get(lead.name.lower(), lead.name)
    metonym = lexicon().metonyms.get(lead.name.lower())
    if metonym is not None:
        return metonym
    capitals = _capital_index()
    if lead.type == "GPE" and lead.name.lower() in capitals:
        return str(capitals[lead.name.lower()].name)  # "the Dushanbe leadership" is Tajikistan
    return lead.name


def _share_with_states(
    referents: list[_Referent],
    by_entity: dict[str, _Referent],
    leaders: dict[str, Counter[str]],
    words: Lexicon,
) -> None:
    """A head of state or government the text links to one state by title ("Belarusian
    President X", "the President of Y") lends that state part of the praise and blame said of
    them: the leader's policy is the state's."""
    share = words.scales["leader_share"]
    for referent in referents:
        states = leaders.get(referent.entity.id)
        if not states or len(states) != 1:
            continue  # no state, or titles naming more than one
        state = by_entity[next(iter(states))]
        if state is referent:
            continue
        state.found.extend(
            _Found(item.start, item.end, item.kind, item.weight * share)
            for item in referent.found
            if item.kind in {"praise", "blame"}
        )


def _state_led(
    span: Any,
    entity_id: str,
    named: dict[int, str],
    by_entity: dict[str, _Referent],
    types: dict[str, str],
    words: Lexicon,
) -> str | None:
    """The state a person's title names: "Belarusian President X", "Pakistani Prime Minister
    X", "X's president Y", "the President of X, Y", "Y, president of X"; else None."""
    if types.get(entity_id) != "PERSON":
        return None
    root = span.root
    titles = [c for c in root.children if c.dep_ in {"compound", "appos"} and c.i not in named]
    if root.dep_ == "appos" and root.head.i not in named:
        titles.append(root.head)  # "the president of X, Y"
    titles += [t for t in span if t.i != root.i and t.dep_ == "compound"]  # "President Y" in
    for title in titles:
        modifiers = {c.lower_ for c in title.children}
        word = "prime minister" if title.lower_ == "minister" and "prime" in modifiers else ""
        if (word or title.lower_) not in words.leader_titles:
            continue
        if modifiers & NOT_IN_OFFICE:
            return None  # "former President X", "opposition leader"
        candidates = [c for c in title.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        candidates += [c for c in root.children if c.dep_ in {"amod", "poss", "nmod"}]
        for preposition in title.children:
            if preposition.dep_ == "prep" and preposition.lower_ == "of":
                candidates += [c for c in preposition.children if c.dep_ == "pobj"]
        for token in candidates:
            state = named.get(token.i)
            if (
                state is not None
                and state != entity_id
                and types.get(state) in {"GPE", "NORP"}
                and state in by_entity
                and country_named(_display_name(by_entity[state])) is not None
            ):
                return by_entity[state].entity.id
    return None


TIME_PREPOSITIONS = frozenset(
    {"within", "after", "before", "since", "following", "during", "until", "ahead"}
)
"""Prepositions that date something by an event ("within hours of the attack")."""


def _read_mentions(
    doc: Document,
    by_entity: dict[str, _Referent],
    words: Lexicon,
    types: dict[str, str],
    leaders: dict[str, Counter[str]],
    kin: dict[str, list[tuple[int, int, str]]],
    filed: list[tuple[int, int]],
) -> None:
    """Reads every mention's evidence into its referent, but for mentions in ``filed`` (the
    metadata lines); ``leaders`` gets, per person referent, the states its titles name;
    ``kin``, per person introduced as someone's relative ("Wonda's brother, Demianus
    Wonda"), the phrase and the relative's entity id."""
    state = doc.nlp
    mentions = sorted(mention for mention in state.mentions if not within(mention[0], filed))
    every = list(state.doc.sents)
    # a sentence before an "it" or "they" is read for the subject it may break the trail with
    continued = [any(_continuing(token.lower_) for token in sentence) for sentence in every]
    sentences = [
        sentence
        for number, sentence in enumerate(every)
        if any(
            sentence.start_char <= start < sentence.end_char and entity_id in by_entity
            for start, _end, entity_id in mentions
        )
        or any(_pronoun(token.lower_) for token in sentence)
        or any(continued[number + 1 : number + 1 + TRAIL_SENTENCES])
        or any(token.lower_ in TITLE_HEADS for token in sentence)
    ]
    if not sentences:
        return
    resolver = _PronounResolver(doc, mentions, types)
    mentions_at = [(start, entity_id) for start, _end, entity_id in mentions]
    titled = _titled_leaders(doc, mentions, types, words)
    states = {
        eid
        for eid, referent in by_entity.items()
        if types.get(eid) in {"GPE", "NORP"} and country_named(_display_name(referent)) is not None
    }
    bodies = {eid for eid in by_entity if types.get(eid) == "ORG"}
    trail = _SubjectTrail()
    index = 0
    for offset, sentence_doc in state.parsed(sentences):
        end_char = offset + len(sentence_doc.text)
        while index < len(mentions) and mentions[index][0] < offset:
            index += 1
        cursor = index
        spans: list[tuple[Any, str]] = []
        while cursor < len(mentions) and mentions[cursor][0] < end_char:
            start, end, entity_id = mentions[cursor]
            cursor += 1
            span = sentence_doc.char_span(start - offset, end - offset, alignment_mode="expand")
            if span is not None:
                spans.append((span, entity_id))
        standing_for = _tokens_standing_for(spans, words, types)
        named = {t.i: eid for span, eid in spans for t in span}
        for span, entity_id in spans:
            led = _state_led(span, entity_id, named, by_entity, types, words)
            if led is not None and entity_id in by_entity:
                lead = by_entity[entity_id].entity.id
                leaders.setdefault(lead, Counter())[led] += 1
        for token in sentence_doc:
            entity_id = trail.follow(token, offset, standing_for)
            if entity_id is not None:
                standing_for[token.i] = entity_id
            if token.lower_ == "its":
                entity_id = _owner_named_by_its(token, offset, standing_for, resolver)
            elif token.lower_ in PLURAL_PRONOUNS and entity_id is None:
                # "Armenian forces ... their shelling": the group last spoken of
                entity_id = trail.last("plural", offset + token.idx)
            elif token.lower_ in PRONOUNS:
                entity_id = resolver.resolve(token.lower_, offset + token.idx)
            elif entity_id is None and token.i not in standing_for and _bare_description(token):
                # "the alliance has helped", "turned the country into": the one last named
                fits = states if DESCRIPTION_NOUNS[token.lower_] == "state" else bodies
                entity_id = _nearest(
                    mentions_at, offset + token.idx, PRONOUN_REACH // 2, fits.__contains__
                )
            elif entity_id is None and token.i not in standing_for and _bare_title(token, words):
                # "the head of state", "the President": the leader given that title earlier
                entity_id = _nearest(titled, offset + token.idx, TITLE_REACH, lambda _eid: True)
                if entity_id in by_entity:
                    start = offset + token.idx
                    by_entity[entity_id].described.append(doc.span(start, start + len(token)))
            if entity_id is not None:
                spans.append((sentence_doc[token.i : token.i + 1], entity_id))
        named_here = {token.i: eid for span, eid in spans for token in span}
        for span, entity_id in spans:
            referent = by_entity.get(entity_id)
            relative = _relative_of(span, named_here, words)
            if referent is not None and relative is not None:
                noun, relative_id = relative
                phrase = [t for t in noun.subtree if t.i < span.start and not t.is_punct]
                start = offset + phrase[0].idx
                end = offset + noun.idx + len(noun.text)
                kin.setdefault(entity_id, []).append((start, end, relative_id))
            if referent is not None and _denies(span.root):
                referent.denies = True
            if referent is not None:
                found = _MentionReader(sentence_doc, offset, span, words).evidence()
                if span.text.lower() in FIRST_PERSON:
                    # "we will protect our sovereignty": a speaker's praise of itself is a
                    # claim; what it suffers ("we lost everything") still counts
                    found = [item for item in found if item.weight < 0 or item.kind == "harm"]
                referent.found.extend(found)


PROMISE_NOUNS = frozenset(
    {"promise", "promises", "pledge", "pledges", "commitment", "commitments", "word",
     "obligation", "obligations", "undertaking", "undertakings", "agreement", "agreements"}
)  # fmt: skip
KEEPING_VERBS = frozenset(
    form
    for verb in ("keep", "fulfil", "fulfill", "honour", "honor", "respect", "meet")
    for form in _inflections(verb)
) | {"kept"}
BREAKING_VERBS = frozenset(
    form
    for verb in ("break", "betray", "abandon", "violate", "renege", "breach")
    for form in _inflections(verb)
) | {"broke", "broken"}
PROMISE_WEIGHT = 0.5
"""Weight of keeping or breaking one's word ("never kept its promises" is blame)."""
STYLING_VERBS = frozenset(form for verb in ("call", "style", "name") for form in _inflections(verb))
"""Verbs of taking a name ("the coalition calling itself X")."""
ENDURING_VERBS = frozenset(
    form for verb in ("survive", "weather", "withstand", "outlast") for form in _inflections(verb)
)
"""Verbs of coming through something ("has survived worse years", "weathered sanctions"):
what was come through is not said of the one who came through it, nor is it harm."""
STRIKING_VERBS = frozenset({*_inflections("strike"), *_inflections("hit"), "struck"})
"""Verbs that attack only in arms: "Russian forces struck a bus stop", "a drone hit the
roof", but "the strike hit the market" of traders and "hit back at critics" of ministers."""
ANSWERING_VERBS = frozenset(
    form for verb in ("answer", "respond", "reply") for form in _inflections(verb)
)
"""Reporting verbs that, with no clause of what was said, name a deed: "answered the
provocation with restraint"."""
DENIAL_VERBS = frozenset(
    form for verb in ("deny", "reject", "refute", "dismiss") for form in _inflections(verb)
)
DENIED_THINGS = frozenset(
    {"accusation", "accusations", "allegation", "allegations", "charge", "charges", "claim"}
    | {"claims", "involvement", "responsibility", "report", "reports", "account", "version"}
)


def _denies(token: Any) -> bool:
    """The mention is the subject of a denial of a charge: "X denied the accusation", "X
    denied attacking the patrol", "X rejected any involvement"."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lower_ not in DENIAL_VERBS:
        return False
    return any(
        (child.dep_ in {"dobj", "obj"} and child.lower_ in DENIED_THINGS)
        or (child.dep_ in {"xcomp", "ccomp"} and child.tag_ == "VBG")
        for child in verb.children
    )


def _relative_of(span: Any, named: dict[int, str], words: Lexicon) -> tuple[Any, str] | None:
    """The kin noun and the entity id of the relative for a name in apposition to "X's
    brother" or "the mother of X" ("Wonda's brother, Demianus Wonda, said ...")."""
    root = span.root
    if root.dep_ != "appos" or root.head.lower_ not in words.kin_nouns:
        return None
    noun = root.head
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [
        grandchild
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    for owner in owners:
        relative = named.get(owner.i)
        if relative is not None and owner.i not in {t.i for t in span}:
            return noun, relative
    return None


def _share_with_kin(
    by_entity: dict[str, _Referent], kin: dict[str, list[tuple[int, int, str]]], words: Lexicon
) -> None:
    """A person the text introduces as the relative of someone harmed ("Wonda's brother,
    Demianus Wonda") suffers too: the phrase is cited as harm, weighted by the relative's."""
    share = words.scales["kin_share"]
    for entity_id, links in kin.items():
        referent = by_entity.get(entity_id)
        for start, end, relative_id in links:
            relative = by_entity.get(relative_id)
            if referent is None or relative is None or relative is referent:
                continue
            harm = max((item.weight for item in relative.found if item.kind == "harm"), default=0)
            if harm > 0:
                referent.found.append(_Found(start, end, "harm", harm * share))


def _owner_named_by_its(
    token: Any, offset: int, standing_for: dict[int, str | None], resolver: _PronounResolver
) -> str | None:
    """ "Batken was destroyed, and its hospital was hit": "its" is its clause's subject when
    that is a body; a common noun ("the town lost its port") leaves it unresolved; with no
    such subject, or a person or pronoun as subject, the nearest body named before."""
    subject = _clause_subject(token)
    if subject is not None and subject.tag_ != "PRP":
        if subject.i not in standing_for:
            return None
        if standing_for[subject.i] is not None:
            return standing_for[subject.i]
    return resolver.resolve("its", offset + token.idx)


def _clause_subject(token: Any) -> Any:
    """The subject of the clause ``token`` sits in, or of the clause it is joined to, if it
    is not the phrase holding ``token``; else None ("urged X to end its siege" has none)."""
    verb = token
    while not _is_verb(verb) and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECTS | {"nsubjpass"} and token not in child.subtree:
                return child
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _pronoun(word: str) -> bool:
    return word in PRONOUNS or _continuing(word)


def _continuing(word: str) -> bool:
    """Whether the word continues an earlier subject ("it", "they", "their")."""
    return word in SUBJECT_PRONOUNS or word in PLURAL_PRONOUNS


def _tokens_standing_for(
    spans: list[tuple[Any, str]], words: Lexicon, types: dict[str, str]
) -> dict[int, str | None]:
    """Token index → the entity it names, for mention heads and the group nouns they
    modify ("Armenian *forces*"); ``None`` for a person, whom "it" and "they" never stand for."""
    out: dict[int, str | None] = {}
    for span, entity_id in spans:
        target = None if types.get(entity_id) == "PERSON" else entity_id
        root = span.root
        out[root.i] = target
        if root.dep_ in {"amod", "compound", "nmod", "poss"}:
            group = root.head
        elif root.dep_ == "pobj" and root.head.lower_ in {"in", "of", "from"}:
            group = root.head.head
            if (
                group.lower_ in words.place_nouns
                and group.dep_ == "pobj"
                and group.head.lower_ in {"in", "of", "from"}
            ):
                group = group.head.head  # "herders from the village of X"
        else:
            continue
        if group.lower_ in words.group_nouns:
            out.setdefault(group.i, target)
    return out


SUBJECT_PRONOUNS = {"it": "singular", "they": "plural"}
PLURAL_PRONOUNS = frozenset({"their", "them", "theirs"})
TRAIL_SENTENCES = 2
"""How many sentences back an "it" or "they" may find the subject it continues."""
SUBJECT_REACH = 400
"""How far back, in characters, "it" or "they" as a subject looks for the subject it continues."""
SUBORDINATE_LINKS = frozenset({"relcl", "advcl", "acl", "csubj", "pcomp", "prep"})
"""Links that put a clause below the main line of the text: their subjects are not what a
following "it" continues ("... because a bank refused. It has become ...")."""
EXPLETIVE_HEADS = frozenset({"seems", "seemed", "appears", "appeared", "remains", "remained"})


class _SubjectTrail:
    """ "It" and "they" as subjects continue the last main-clause subject of their number:
    "The Kremlin is waging a war. It burns food." A subject that names no entity (or a
    person) breaks the trail, so the pronoun stays unresolved rather than guessed."""

    def __init__(self) -> None:
        self.subjects: list[tuple[int, str, str | None]] = []

    def follow(self, token: Any, offset: int, standing_for: dict[int, str | None]) -> str | None:
        """Record ``token`` if it is a main-clause subject; the entity it stands for if it
        is "it"/"they" continuing an earlier subject."""
        if token.dep_ not in SUBJECTS | {"nsubjpass"} or not _main_clause(token):
            return None
        position = offset + token.idx
        number = SUBJECT_PRONOUNS.get(token.lower_)
        if number is not None:
            if _expletive(token):
                self.subjects.append((position, number, None))  # the trail is lost
                return None
            entity_id = self.last(number, position)
            self.subjects.append((position, number, entity_id))
            return entity_id
        if token.tag_ in {"PRP", "DT", "WDT", "WP", "EX"}:
            return None  # "he", "this", "that": not a subject "it" goes back to
        if token.i not in standing_for and token.ent_type_ == "PERSON":
            return None
        plural = token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)
        shared = any(c.dep_ == "conj" for c in token.children)  # "X and Y": "they" is both
        entity_id = None if shared else standing_for.get(token.i)
        self.subjects.append((position, "plural" if plural else "singular", entity_id))
        return None

    def last(self, number: str, position: int) -> str | None:
        """The entity of the last subject of that number before ``position``, if it named
        one."""
        for start, subject_number, entity_id in reversed(self.subjects):
            if position - start > SUBJECT_REACH:
                return None
            if subject_number == number:
                return entity_id
        return None


def _main_clause(subject: Any) -> bool:
    """Whether the subject's clause is on the main line: not a relative, adverbial or other
    subordinate clause."""
    word = subject.head
    while word.head.i != word.i:
        if word.dep_ in SUBORDINATE_LINKS:
            return False
        word = word.head
    return True


def _expletive(pronoun: Any) -> bool:
    """ "It is clear that ...", "it seems that ...": an "it" that stands for nothing."""
    verb = pronoun.head
    clause = any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children)
    described = any(c.dep_ in {"acomp", "attr"} for c in verb.children)
    return clause and (described or verb.lower_ in EXPLETIVE_HEADS)


PERSONAL_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
PRONOUNS = frozenset({*PERSONAL_PRONOUNS, *FIRST_PERSON, "its"})
DESCRIPTION_NOUNS = {
    **dict.fromkeys(("country", "nation", "kingdom", "republic"), "state"),
    **dict.fromkeys(
        ("alliance", "bloc", "organisation", "organization", "union", "coalition", "company",
         "firm", "group", "party", "movement", "militia", "agency"),
        "body",
    ),
}  # fmt: skip
"""Kind nouns that, with only "the", stand for the state or body last named."""
PRONOUN_REACH = 600
"""How far back, in characters, a pronoun looks for the name it stands for."""
TITLE_REACH = 3000
"""How far back "the President" looks for the leader given that title."""
TITLE_HEADS = frozenset({"president", "minister", "premier", "chancellor", "head", "king", "queen"})
"""Words that may head a bare leader's title; sentences holding one are parsed."""
GENDERED_TITLES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")


class _PronounResolver:
    """Third-person pronouns to the nearest earlier name that fits: "he"/"she" to a person of
    that gender or of unknown gender, never to the speaker of the quote it sits in (a speaker
    says "I"); "its" to an organisation or country named shortly before."""

    def __init__(
        self, doc: Document, mentions: list[tuple[int, int, str]], types: dict[str, str]
    ) -> None:
        self.people = [(start, eid) for start, _end, eid in mentions if types.get(eid) == "PERSON"]
        self.bodies = [
            (start, eid)
            for start, _end, eid in mentions
            if types.get(eid) in {"ORG", "GPE", "NORP"}
        ]
        self.quotes = doc.quotes
        self.chains: dict[str, tuple[list[int], str]] = {}
        """Per gender, where the pronouns standing for one person in a row were, and the
        person."""
        self.text = doc.text
        self.gender: dict[str, str] = {}
        for quote in doc.quotes:
            speaker = quote.speaker
            if speaker is not None and speaker.entity_id and speaker.mention is not None:
                said = PERSONAL_PRONOUNS.get(speaker.mention.text.lower())
                if said is not None:
                    self.gender.setdefault(speaker.entity_id, said)
        for start, _end, eid in mentions:
            before = doc.text[max(0, start - 5) : start].split()
            if before and before[-1].lower() in GENDERED_TITLES and types.get(eid) == "PERSON":
                self.gender.setdefault(eid, GENDERED_TITLES[before[-1].lower()])

    def resolve(self, pronoun: str, position: int) -> str | None:
        if pronoun in FIRST_PERSON:  # inside a quote, "I" and "we" are the speaker
            return self._speaker_at(position)
        if pronoun == "its":
            return _nearest(self.bodies, position, PRONOUN_REACH // 2, lambda _eid: True)
        gender = PERSONAL_PRONOUNS[pronoun]
        speaker = self._speaker_at(position)
        nearest = _nearest(
            self.people,
            position,
            PRONOUN_REACH,
            lambda eid: eid != speaker and self.gender.get(eid, gender) == gender,
        )
        chain = self.chains.get(gender)
        if (
            nearest is not None
            and chain is not None
            and chain[1] != nearest
            and chain[1] != speaker
            and nearest not in self.gender
            and position - chain[0][-1] <= PRONOUN_REACH // 2
            and self._named_beside(nearest, chain[0])
        ):
            # "She made us read Dario aloud ... Her house": a person of unknown gender named
            # only in sentences where "she" already stood for someone else is not "she"
            nearest = chain[1]
        if nearest is not None:
            earlier = chain[0] if chain is not None and chain[1] == nearest else []
            self.chains[gender] = ([*earlier, position], nearest)
        return nearest

    def _named_beside(self, entity_id: str, pronouns: list[int]) -> bool:
        """Whether every mention of the person follows one of ``pronouns`` in its sentence."""
        starts = [start for start, eid in self.people if eid == entity_id]
        return bool(starts) and all(
            any(
                pronoun < start and not _SENTENCE_END.search(self.text[pronoun:start])
                for pronoun in pronouns
            )
            for start in starts
        )

    def _speaker_at(self, position: int) -> str | None:
        for quote in self.quotes:
            if quote.start <= position < quote.end and quote.speaker is not None:
                speaker = quote.speaker.entity_id
                if any(
                    eid == speaker and quote.start <= start < quote.end
                    for start, eid in self.people
                ):
                    return None  # a speaker says "I", not their own name: the attribution
                    # to someone the quote names ("X needs an enemy," he added) is unsure
                return speaker
        return None


def _titled_leaders(
    doc: Document, mentions: list[tuple[int, int, str]], types: dict[str, str], words: Lexicon
) -> list[tuple[int, str]]:
    """Mentions of people the text gives a leader's title ("President Abdel Fattah al-Sisi",
    "Prime Minister X"), in text order: whom a later bare "the President" stands for."""
    titled: list[tuple[int, str]] = []
    for start, _end, entity_id in mentions:
        if types.get(entity_id) != "PERSON":
            continue
        before = doc.text[max(0, start - 40) : start].lower().split()
        last_two = " ".join(before[-2:])
        title = (before and before[-1] in words.leader_titles) or last_two in words.leader_titles
        if not title and before and before[-1].endswith(","):
            # "the President of Belarus, Alexander Lukashenko": the title in apposition
            title = any(
                " ".join(before[i : i + k]) in words.leader_titles and before[i + k] == "of"
                for k in (1, 2)
                for i in range(max(0, len(before) - 6), len(before) - k - 1)
            )
        if title and not set(before[-3:]) & NOT_IN_OFFICE:
            titled.append((start, entity_id))
    return titled


def _bare_title(token: Any, words: Lexicon) -> bool:
    """ "The President", "the Prime Minister", "the head of state": a leader's title with only
    "the" before it and no name beside it."""
    word = token.lower_
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    if word == "head":
        return any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and [g.lower_ for g in c.children] in (["state"], ["government"])
            for c in children
        )
    if word == "minister":
        if not any(c.lower_ == "prime" for c in children):
            return False
        word = "prime minister"
    return word in words.leader_titles and not any(
        c.dep_ in {"appos", "poss", "nmod"} or (c.dep_ == "compound" and c.lower_ != "prime")
        for c in children
    )


def _bare_description(token: Any) -> bool:
    """ "The alliance", "the country": a kind noun with only "the" before it."""
    if token.lower_ not in DESCRIPTION_NOUNS or token.tag_ != "NN":
        return False
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in {"amod", "compound", "nmod", "poss", "nummod"} or c.i > token.i
        for c in children
        if c.dep_ != "det"
    )


def _nearest(mentions: list[tuple[int, str]], position: int, reach: int, fits: Any) -> str | None:
    for start, entity_id in reversed(mentions):
        if start >= position:
            continue
        if position - start > reach:
            return None
        if fits(entity_id):
            return entity_id
    return None


class _MentionReader:
    """The praise, blame and harm a parsed sentence attaches to one mention."""

    def __init__(self, sentence: Any, offset: int, span: Any, words: Lexicon) -> None:
        self.sentence = sentence
        self.offset = offset
        self.span = span
        self.words = words
        self.inside = {token.i for token in span}
        self.found: list[_Found] = []

    def evidence(self) -> list[_Found]:
        actor = self._actor(self.span.root)
        self._modifiers(actor)
        if actor.i != self.span.root.i and self.span.root.dep_ == "appos":
            # "a neighbour, X, whose flat was destroyed": X's own words count as well
            self._modifiers(self.span.root)
        self._owned(actor)
        self._as_subject(actor)
        self._as_object(actor)
        self._credited(actor)
        self._counted_among_victims(actor)
        return self.found

    def _counted_among_victims(self, actor: Any) -> None:
        """ "Among those injured was X", "X was among the dead", "one of the wounded, X":
        X is one of the harmed."""
        self._one_of_victims(actor)
        actor = _first_conjunct(actor)  # "Among the dead were X, 11, and Y, 8"
        if actor.dep_ not in SUBJECTS | {"attr", "nsubjpass"}:
            return
        verb = actor.head
        for preposition in verb.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in GROUPING_PREPOSITIONS:
                continue
            for group in preposition.children:
                weight = self._victim_group(group)
                if group.dep_ == "pobj" and weight:
                    self._add([preposition, *group.subtree], "harm", weight)

    def _one_of_victims(self, noun: Any) -> None:
        """ "One of the wounded", "two of the dead": a number taken from the harmed."""
        if noun.lower_ not in QUANTITY_WORDS and noun.tag_ != "CD":
            return
        for preposition in noun.children:
            if preposition.dep_ == "prep" and preposition.lower_ == "of":
                for group in preposition.children:
                    weight = self._victim_group(group)
                    if group.dep_ == "pobj" and weight:
                        self._add([noun, preposition, *group.subtree], "harm", weight)

    def _victim_group(self, group: Any) -> float:
        """How strongly a group is one of the harmed: "the dead", "those killed"."""
        if group.lower_ in self.words.harm_nouns:
            return self.words.harm_nouns[group.lower_]
        for child in group.children:
            if child.dep_ in {"acl", "amod", "relcl"}:
                word = self._verb_phrase(child)
                weight = (
                    self.words.harm_verbs.get(word)
                    or self.words.passive_harm_verbs.get(word)
                    or self.words.suffer_verbs.get(word)
                )
                if weight:
                    return weight
        return 0.0

    # -- credit by circumstance -------------------------------------------------------------

    def _credited(self, actor: Any) -> None:
        """What the text credits the referent with outside its own clause: what happens
        "under X's leadership", what comes "thanks to X"."""
        noun = actor.head if actor.dep_ == "poss" else actor
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.dep_ == "prep":
            noun = noun.head.head  # "under the leadership of X"
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return
        preposition = noun.head
        if preposition.lower_ == "to" and preposition.head.lower_ in THANKS_WORDS:
            self._add([preposition.head, preposition, actor], "praise", THANKS_CREDIT)
        elif preposition.lower_ == "under" and noun.lower_ in self.words.stewardship_nouns:
            credit = self.words.stewardship_nouns[noun.lower_]
            self._add([preposition, noun], "praise", credit)
            if _is_verb(preposition.head):
                self._what_came_under(preposition.head)
        elif (
            preposition.lower_ in ORDER_PREPOSITIONS
            and noun.lower_ in ORDER_NOUNS
            and _is_verb(preposition.head)
        ):
            # "On the instruction of X, a delegation arrived with tents and flour for the
            # affected families": the deed done on X's orders is X's
            deed = preposition.head
            order = {t.i for t in preposition.subtree}
            own = [t for t in deed.subtree if t.i not in order]
            if any(t.lower_ in self.words.relief_nouns for t in own):
                self._add([preposition, noun, actor], "praise", CARE_ORDER_PRAISE)
            else:
                self._what_came_under(deed)
        elif preposition.lower_ == "under" and _is_led_by(noun, self.words.leader_titles):
            # "Indonesia under President X has brought roads", "the struggle under X has made
            # the alliance safer": what the country or its effort does is X's record
            governor = preposition.head
            if _is_noun(governor) and governor.dep_ in SUBJECTS:
                self._valence(_with_modifiers(governor), scale=STEWARDSHIP_SCALE)
                governor = governor.head
            if _is_verb(governor):
                self._what_came_under(governor)

    def _what_came_under(self, verb: Any) -> None:
        """ "Under X's leadership the country achieved growth": the clause is X's record."""
        word = self._verb_phrase(verb)
        span = [verb, *[t for t in verb.children if t.dep_ in {"dobj", "attr", "acomp"}]]
        if word in self.words.harm_verbs or word in self.words.suffer_verbs:
            # "under his rule thousands were killed", "villages starved"
            weight = self.words.harm_verbs.get(word) or self.words.suffer_verbs[word]
            self._add(span, "blame", -weight * STEWARDSHIP_SCALE * self._polarity(verb))
        elif word in self.words.help_verbs:
            weight = self.words.help_verbs[word] * STEWARDSHIP_SCALE * self._polarity(verb)
            self._add(span, "praise", weight)
        else:
            self._valence(self._clause(verb), scale=STEWARDSHIP_SCALE * self._polarity(verb))

    # -- where the mention sits -------------------------------------------------------------

    def _actor(self, head: Any) -> Any:
        """The token that stands for the referent: the group noun a nationality or capital
        modifies ("Armenian forces", "the Yerevan leadership", "the regime in Tehran"), else
        the mention's head."""
        group = None
        if head.dep_ in {"amod", "compound", "nmod", "poss"}:
            group = head.head
        elif head.dep_ == "pobj" and head.head.lower_ in {"in", "of", "from"}:
            group = head.head.head
            if head.head.lower_ == "in" and any(c.dep_ == "poss" for c in group.children):
                group = None  # "the Islamic Emirate's forces in Khost" are not Khost's
        if (
            group is not None
            and group.lower_ in self.words.group_nouns
            and group.dep_ == "pobj"
            and group.head.lower_ in {"of", "from"}
            and group.head.head.lower_ in self.words.group_nouns
        ):
            # "gunmen of the Viv Ansanm coalition", "fighters from the X movement": the men
            # of the group act for it
            self.inside.add(group.i)
            group = group.head.head
        if group is not None and group.lower_ in self.words.vehicle_nouns:
            # "a China Coast Guard ship": the ship, or the crew from it, acts for its owner
            vehicle = group
            while vehicle.dep_ == "compound" and vehicle.head.lower_ in self.words.vehicle_nouns:
                vehicle = vehicle.head  # "a Guyana Defence Force patrol boat"
            if (
                vehicle.dep_ == "pobj"
                and vehicle.head.lower_ in {"from", "of", "aboard", "on"}
                and vehicle.head.head.lower_ in self.words.group_nouns
            ):
                self.inside.add(vehicle.i)
                group = vehicle.head.head
            elif vehicle.i not in self.inside:
                self.inside |= {vehicle.i, head.i}
                return vehicle
        place = self._place_named(head)
        if place is not None:
            self.inside.add(place.i)
            return place
        styled = _styled(head)
        if styled is not None:
            # "the terrorist coalition calling itself the X", "a group that calls itself X":
            # the noun that takes the name is X in its clause, with the words said of it
            self.inside |= {head.head.i, *(c.i for c in head.head.children)}
            self._modifiers(styled)
            return styled
        if (
            head.dep_ == "appos"
            # an apposition far from its head is the parser's guess ("a drone launched by
            # the militia fell ..., resulting in the death of ..., X, 38")
            and head.left_edge.i - head.head.i <= APPOSITION_REACH
        ) and (
            head.head.tag_ in {"NN", "NNS", "CD"}
            or head.head.lower_ in TITLE_HEADS
            # "The Custodian of the Two Holy Mosques King Salman ... has directed": a
            # capitalised title that names no one else
            or (head.head.tag_ == "NNP" and not head.head.ent_type_)
        ):
            # "a schoolteacher, X, 38, was killed": the noun X names is X in its clause;
            # "the President of Belarus, X, had ordered": so is the title
            noun = head.head
            self.inside.add(noun.i)
            self._described_as(noun)
            return noun
        if (
            group is not None
            and (
                group.lower_ in self.words.group_nouns
                # "the Moroccan Makhzen", "the Russian Kremlin": a seat of power named after
                # its nationality stands for the same state
                or (head.dep_ in {"amod", "compound"} and group.lower_ in self.words.metonyms)
            )
            and group.i not in self.inside
        ):
            # the group noun and the words linking the mention to it, not its modifiers:
            # "the *wise* leadership of X" still speaks of X
            self.inside |= {group.i, head.head.i}
            # the group noun can itself judge: "his regime", "the Kyiv junta"
            self._valence([group], scale=1.0, span_tokens=[head, group], own=True)
            return group
        return head

    def _place_named(self, head: Any) -> Any:
        """The settlement noun a place's name specifies: "the village of X", "the X
        displacement site"; not "X's province", which is another place."""
        place = None
        if head.dep_ == "compound":
            place = head.head
            while place.dep_ == "compound" and place.head.i != place.i:
                place = place.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of":
            place = head.head.head
        if place is not None and place.lower_ in self.words.place_nouns:
            return place
        return None

    def _modifiers(self, actor: Any) -> None:
        for child in actor.children:
            if child.i in self.inside:
                continue
            if child.dep_ == "amod":
                self._valence([child], scale=1.0)
                harmed = self._harmed_as(child)
                if harmed:  # "the wounded X", "a murdered journalist"
                    self._add([child, actor], "harm", harmed)
            elif child.dep_ == "appos":
                # "Elvin, a boy who lost his leg": the apposition is said of the referent
                self._description(child)
            elif child.dep_ in {"acl", "prep"} and child.lower_ != "of":
                self._valence(list(child.subtree), scale=1.0)
            elif child.dep_ == "relcl":
                relative = [
                    c
                    for c in child.children
                    if c.tag_ in {"WDT", "WP"} and c.dep_ in {"dobj", "obj"}
                ]
                if relative:  # "X, which she accused of ...": the referent is the object
                    self._as_object(relative[0])
                else:
                    self._predicate(child, passive=_is_passive(child))

    def _harmed_as(self, modifier: Any) -> float:
        """How much harm a participle before the referent says was done to it."""
        if modifier.tag_ not in {"VBN", "JJ"}:  # "wounded" is often tagged an adjective
            return 0.0
        word = modifier.lower_
        return self.words.harm_verbs.get(word) or self.words.passive_harm_verbs.get(word, 0.0)

    def _description(self, noun: Any) -> None:
        """A noun phrase that describes the referent (apposition or copula's attribute), and
        the nouns joined to it ("the engine of growth and a reliable partner")."""
        for joined in [noun, *[c for c in noun.children if c.dep_ == "conj" and _is_noun(c)]]:
            self._described_as(joined)

    def _described_as(self, noun: Any) -> None:
        """One described noun: its head governs ("the greatest obstacle" blames, the
        superlative only makes it stronger); harm nouns make the referent one of the harmed."""
        words = _with_modifiers(noun)
        head = self._head_noun_weight(noun)
        if head:
            denial = self.words.scales["negated"] if _negated(noun) else 1.0
            head *= denial  # "is not a model"
            self._add([noun], "praise" if head > 0 else "blame", head)
            for modifier in words[1:]:
                weight = self._word_weight(modifier) * denial
                if weight and (weight > 0) != (head > 0):
                    weight = -weight  # intensifies the head rather than counting against it
                self._add(_phrase(modifier), "praise" if weight > 0 else "blame", weight)
        else:
            self._valence(words, scale=1.0)
        if noun.lower_ in self.words.harm_nouns:
            self._add(words, "harm", self.words.harm_nouns[noun.lower_])
        for child in noun.children:
            if child.dep_ == "prep":
                self._valence(list(child.subtree), scale=1.0)
            elif child.dep_ == "relcl":
                self._predicate(child, passive=_is_passive(child))
            elif child.dep_ == "acl" and child.tag_ in {"VBN", "VBG"}:
                # "a force sanctioned for killings", "a group terrorising the villages"
                self._predicate(child, passive=child.tag_ == "VBN")

    def _owned(self, actor: Any) -> None:
        """What the referent has: "X's colossal efforts", "the belligerence of Y"."""
        owner = None
        if actor.dep_ == "pobj" and actor.head.lower_ == "in" and _is_noun(actor.head.head):
            # "opened fire on the health post in X", "stormed the school in X": X suffers
            located = actor.head.head
            if self._harm_to(_counted_whole(located)):
                self._add([located, actor.head, actor], "harm", OWNED_HARM)
            return
        if actor.dep_ == "poss":
            owner = actor.head
        elif (
            actor.dep_ == "pobj"
            and actor.head.dep_ == "agent"
            and actor.head.head.dep_ == "acl"
            and actor.head.head.lower_ in self.words.announcing_verbs
        ):
            owner = actor.head.head.head  # "the so-called measures announced by X" are X's
        elif (
            actor.dep_ == "pobj"
            and actor.head.lower_ in {"by", "to"}
            and actor.head.head.dep_ == "acl"
            and actor.head.head.lower_ in self.words.possession_participles
        ):
            owner = actor.head.head.head  # "a bakery owned by X", "a boat belonging to X"
        elif (
            actor.dep_ == "pobj"
            and actor.head.lower_ in {"of", "from"}
            and actor.head.dep_ == "prep"
        ):
            owner = actor.head.head
            if owner.lower_ in ORDER_NOUNS:
                return  # "on the orders of X": what was done is X's deed (``_credited``)
            suffered = self.words.suffered_nouns.get(owner.lower_)
            if suffered is not None and actor.head.lower_ == "of":
                # "the death of Mahsa Amini", "the abduction of X": X suffered it
                self._add([owner, actor.head, actor], "harm", suffered)
                return
            if owner.lower_ in self.words.harm_events or owner.lower_ in self.words.harm_nouns:
                # "the shelling of Tartar", "the victims of X" read the other way round
                if owner.lower_ in self.words.harm_events:
                    weight = self.words.harm_verbs.get(owner.lower_.rstrip("s"), 0.8)
                    self._add([owner, actor], "harm", weight)
                return
        if owner is not None and actor.dep_ == "poss" and self._harmful_act(owner):
            # "its siege", "Russia's invasion": the owner of a harmful act is its agent
            self._add([actor, owner, *_contents(owner)], "blame", -HARM_EVENT_BLAME * 1.6)
            return
        if owner is None:
            return
        if self._harm_to(_counted_whole(owner)):
            # "her house burned", "his relatives drowned", "residents of X were wounded",
            # "fired on a group of boats from X"
            self._add([actor, owner, owner.head], "harm", OWNED_HARM)
        if actor.head.lower_ == "from" or not _is_noun(owner):
            return  # "boats from X": where they come from, not what X has
        tokens = _with_modifiers(owner)
        # "his harshest words" are hard on someone else; "his hateful rhetoric" is his fault
        speech = owner.lower_ in self.words.speech_nouns
        self._valence(tokens, scale=1.0, span_tokens=[*tokens, actor], curated_only=speech)
        contents = [] if owner.lower_ in self.words.container_nouns else _contents(owner)
        for content in contents:
            # "X's policy of aggression", "the regime's campaign of terror"
            self._valence(_with_modifiers(content), scale=1.0, span_tokens=[actor, owner, content])
        if owner.dep_ in SUBJECTS:
            self._predicate(owner.head, passive=False, scale=0.8)
        elif owner.dep_ == "nsubjpass":
            self._predicate(owner.head, passive=True, scale=0.8)

    def _harmful_act(self, noun: Any) -> bool:
        """ "invasion", "campaign of shelling": a noun naming a harmful act."""
        events = self.words.harm_events
        return noun.lower_ in events or any(c.lower_ in events for c in _contents(noun))

    def _harm_to(self, noun: Any) -> float:
        """How much harm the clause does to ``noun``: the subject of a suffering verb, the
        passive subject or object of a harmful one, the target of an attack ("fired on X",
        "opened fire on X", "the attack on X")."""
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        governor = noun.head
        word = self._verb_phrase(governor)
        if noun.dep_ in SUBJECTS:
            return self.words.suffer_verbs.get(word, 0.0)
        if noun.dep_ == "nsubjpass":
            return self.words.harm_verbs.get(word) or self.words.passive_harm_verbs.get(word, 0.0)
        if noun.dep_ in {"dobj", "obj"}:
            return self.words.harm_verbs.get(word, 0.0)
        if noun.dep_ == "pobj" and governor.dep_ == "prep":
            if governor.lower_ == "of" and _is_noun(governor.head) and governor.head.i != noun.i:
                whole = governor.head  # "went through the roof of her kitchen"
                if whole.dep_ == "pobj" and whole.head.dep_ == "prep":
                    return self._attack_on(whole.head)
            return self._attack_on(governor)
        return 0.0

    def _punished_for(self, penalty: Any) -> list[Any]:
        """The wrong a penalty is for: "sanctions on Eritrea *for arming insurgents*",
        "fined them for smuggling"; empty when it names none."""
        for preposition in penalty.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "for":
                continue
            for reason in preposition.children:
                wrong = reason.tag_ == "VBG" or reason.lower_ in self.words.harm_events
                if reason.dep_ in {"pcomp", "pobj"} and wrong:
                    return [preposition, *reason.subtree]
        return []

    def _attack_on(self, preposition: Any) -> float:
        """How much harm a preposition's object takes: "the attack on X", "shelled at X",
        "opened fire on X"."""
        if self._struck_by_projectile(preposition):
            return PROJECTILE_HARM  # "a shell landed on X", "a bullet went through X's roof"
        if preposition.lower_ not in HARM_PREPOSITIONS:
            return 0.0
        while preposition.dep_ == "conj" and preposition.head.tag_ == "IN":
            preposition = preposition.head  # "fired with mortars on the posts and on X"
        governor = preposition.head
        word = self._verb_phrase(governor)
        if word in self.words.harm_verbs:
            return self.words.harm_verbs[word]
        if governor.lower_ in self.words.harm_events or governor.lower_ in self.words.harm_verbs:
            return 0.8
        if _is_verb(governor) and any(
            c.dep_ in {"dobj", "obj"}
            and (c.lower_ in self.words.harm_events or c.lower_ in FIRING_NOUNS)
            for c in governor.children
        ):
            return 0.8  # "opened fire on X", "launched strikes on X"
        return 0.0

    def _struck_by_projectile(self, preposition: Any) -> bool:
        """Whether the preposition says where something fired struck: "a shell landed on",
        "a stray bullet had gone through"."""
        if preposition.lower_ not in PROJECTILE_PREPOSITIONS or not _is_verb(preposition.head):
            return False
        return any(
            c.dep_ in SUBJECTS and c.lower_ in self.words.projectile_nouns
            for c in preposition.head.children
        )

    def _as_subject(self, actor: Any) -> None:
        if actor.dep_ in SUBJECTS:
            self._predicate(actor.head, passive=False, scale=self._even_handed(actor))
        elif actor.dep_ == "nsubjpass":
            self._predicate(actor.head, passive=True, scale=self._even_handed(actor))
        elif actor.dep_ == "pobj" and actor.head.dep_ == "agent":
            self._predicate(actor.head.head, passive=False)
            self._perpetrated(actor.head.head)
        elif actor.dep_ == "conj":
            first = _first_conjunct(actor)
            if first.dep_ in SUBJECTS | {"nsubjpass"}:
                self._predicate(
                    first.head,
                    passive=first.dep_ == "nsubjpass",
                    scale=self._even_handed(first),
                )

    def _means(self, verb: Any, scale: float) -> None:
        """ "responded by mocking them": the means is the subject's own act."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for means in child.children:
                    if means.dep_ in {"pcomp", "pobj"} and means.tag_ == "VBG":
                        self._predicate(means, passive=False, scale=scale)

    def _even_handed(self, subject: Any) -> float:
        """ "Both the military and the TPNPB have been accused of killing civilians": what is
        said of both sides at once is the text weighing them alike, so it counts less for
        each."""
        both = any(c.dep_ == "preconj" and c.lower_ in {"both", "each"} for c in subject.children)
        return self.words.scales["both_sides"] if both else 1.0

    def _perpetrated(self, verb: Any) -> None:
        """ "The attack was carried out by X", "the device had been planted by X militants",
        "responsibility for the attack was claimed by X": X did the harm."""
        if verb.lower_ not in self.words.perpetration_verbs:
            return
        done = [
            child
            for child in verb.children
            if child.dep_ == "nsubjpass"
            and (
                child.lower_ in self.words.harm_events
                or child.lower_ in self.words.perpetrated_things
            )
        ]
        if done:
            self._add([verb, *done], "blame", -HARM_EVENT_BLAME * self._polarity(verb))

    def _as_object(self, actor: Any) -> None:
        verb = None
        anchor = actor  # "accused X and Y of ...": Y is an object as X is
        while anchor.dep_ == "conj" and anchor.head.i != anchor.i and _is_noun(anchor.head):
            anchor = anchor.head
        if anchor.dep_ in {"dobj", "obj"}:
            verb = anchor.head
        elif actor.dep_ == "pobj" and actor.head.dep_ in {"prep", "conj"}:
            preposition = actor.head
            governor = preposition.head
            if (
                preposition.lower_ in AGENT_PREPOSITIONS
                and _is_verb(governor)
                and not _is_passive(governor)
            ):
                # "described the shelling of X by Y as ...": an active verb has no agent, so
                # the "by" the parser hung on it belongs to its object, the harmful act
                acts = [c for c in governor.children if c.dep_ in {"dobj", "obj"} and c.i < actor.i]
                if acts and self._harmful_act(acts[-1]):
                    governor = acts[-1]
            blamer = _blaming_verb(preposition)
            if blamer is not None:
                # "laid the blame for the massacre on the BLA"
                weight = self.words.blame_verbs["blame"]
                if _named_subject(blamer):
                    weight *= self.words.scales["party_claim"]
                self._add([preposition, actor], "blame", -weight)
                return
            if self._nominal_blame(preposition, governor):
                # "provocations by X", "shelling from X", "responsibility lies with X"
                self._add([governor, preposition, actor], "blame", -NOMINAL_BLAME)
                return
            attacked = self._attack_on(preposition)
            reason = self._punished_for(governor)
            if not reason and governor.dep_ in {"dobj", "obj"}:
                reason = self._punished_for(governor.head)  # "imposed sanctions on X for"
            if attacked and reason:
                # "imposed sanctions on Eritrea for arming insurgents": the target is charged
                # with the reason; a penalty for a wrong is not harm done to it
                self._add([preposition, actor, *reason], "blame", -NOMINAL_BLAME)
                return
            if attacked and not _is_verb(governor):
                self._add([governor, preposition, actor], "harm", attacked)
                return
            if attacked and self._verb_phrase(governor) not in self.words.harm_verbs:
                # "opened fire on X": the harm is in the verb's object
                fired = [c for c in governor.children if c.dep_ in {"dobj", "obj"}]
                self._add([governor, *fired, preposition, actor], "harm", attacked)
                return
            if self._stance_towards(preposition, governor, actor):
                return
            if _is_verb(governor):
                verb = governor
        if verb is None:
            return
        word = self._verb_phrase(verb)
        if anchor.dep_ in {"dobj", "obj"}:
            self._judged_as(verb, word, actor)
            if self._left_to_suffer(verb, actor):
                return
        if word in self.words.naming_verbs and actor.dep_ in {"dobj", "obj"}:
            # "described Sisi as the guarantor of water security", "called him a visionary"
            before = len(self.found)
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "as":
                    for noun in child.children:
                        self._description(noun)
                elif child.dep_ in {"oprd", "xcomp", "ccomp"} and _is_noun(child):
                    self._description(child)
            if _named_subject(verb):
                # "The army has described Fano as a threat": one party's label for another
                claim = self.words.scales["party_claim"]
                for item in self.found[before:]:
                    if item.kind != "harm":
                        item.weight *= claim
            return
        if word in self.words.harm_verbs:
            self._add([verb, actor], "harm", self.words.harm_verbs[word] * self._polarity(verb))
        elif word in self.words.praise_verbs or word in self.words.blame_verbs:
            sign = 1.0 if word in self.words.praise_verbs else -1.0
            weight = self.words.praise_verbs.get(word) or self.words.blame_verbs[word]
            if _named_subject(verb):
                # "Armenia accused Azerbaijan": one party's claim, not the text's own verdict
                weight *= self.words.scales["party_claim"]
            self._add(
                [verb, actor],
                "praise" if sign > 0 else "blame",
                sign * weight * self._polarity(verb),
            )
            if sign < 0 and not _named_subject(verb):
                # "he accused X of provoking incidents"; a named party's charge stays one claim
                self._accused_of(verb, self._polarity(verb))

    def _stance_towards(self, preposition: Any, adjective: Any, actor: Any) -> bool:
        """ "Was sharply critical of X", "scathing about X": the subject's stance is blame (or
        praise) of X; a named party's stance is its claim."""
        stance = self.words.stance_adjectives.get(adjective.lower_)
        if (
            not stance
            or preposition.lower_ not in STANCE_PREPOSITIONS
            or not adjective.tag_.startswith("JJ")
            or adjective.dep_ not in {"acomp", "amod", "conj"}
        ):
            return False
        weight = stance * self._polarity(adjective.head) * (-1 if _negated(adjective) else 1)
        if _named_subject(adjective.head):
            weight *= self.words.scales["party_claim"]
        self._add([adjective, preposition, actor], "praise", weight)
        return True

    def _loss_scale(self, verb: Any, word: str) -> float:
        """How fully a suffering verb with an object harms its subject: fully when the
        object is the suffering itself ("suffered a broken arm") or something the subject
        has or counts ("lost most of their homes", "lost ten kilos"), by half otherwise
        ("lost access to the sea", "lost the vote")."""
        if word in SUFFERING_OBJECT_VERBS:
            return 1.0
        for child in verb.children:
            if child.dep_ in {"dobj", "obj"} and any(
                token.dep_ == "poss" or token.tag_ == "CD" for token in child.subtree
            ):
                return 1.0
        return UNOWNED_LOSS

    def _judged_as(self, verb: Any, word: str, actor: Any) -> None:
        """An adjective the verb says of its object: "held X responsible for the shelling",
        "found X guilty"."""
        if word in self.words.naming_verbs:
            return  # read as a description by the caller
        for adjective in verb.children:
            if adjective.dep_ in {"oprd", "acomp"} and adjective.tag_.startswith("JJ"):
                span = [verb, actor, adjective]
                self._valence([adjective], scale=self._polarity(verb), span_tokens=span)

    def _left_to_suffer(self, verb: Any, actor: Any) -> bool:
        """Whether the verb leaves its object to suffer ("left the town to bleed", "watched
        them starve"); if so, that is harm to it."""
        suffering = [
            child
            for child in verb.children
            if child.dep_ == "xcomp"
            and self._verb_phrase(child) in self.words.suffer_verbs
            and not any(c.dep_ in {"dobj", "obj"} for c in child.children)
        ]
        if not suffering:
            return False
        weight = max(self.words.suffer_verbs[self._verb_phrase(t)] for t in suffering)
        self._add([verb, actor, *suffering], "harm", weight * self._polarity(verb))
        return True

    def _accused_of(self, verb: Any, scale: float) -> None:
        """What the referent is accused of: "accused X of provoking incidents", "blamed X
        for the shelling" add the harm or obstruction named."""
        subjects = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
        for preposition in verb.subtree:
            if (
                preposition.dep_ != "prep"
                or preposition.lower_ not in {"of", "for"}
                or preposition.i in subjects
                or _verb_above(preposition).i != verb.i
            ):
                continue  # the parser may hang "of ..." on the object: "accused X and Y of"
            for token in preposition.subtree:
                word = self._verb_phrase(token) if _is_verb(token) else ""
                charged = (
                    self.words.harm_verbs.get(word)
                    or self.words.obstruct_verbs.get(word)
                    or (HARM_EVENT_BLAME if token.lower_ in self.words.harm_events else 0.0)
                    or max(-self._word_weight(token), 0.0)  # "accused X of arrogance"
                )
                if charged:
                    span = [preposition, *preposition.subtree]
                    self._add(span, "blame", -charged * HARM_EVENT_BLAME * scale)
                    return

    def _nominal_blame(self, preposition: Any, governor: Any) -> bool:
        """Whether "X" in this "by X"/"from X"/"with X" is the agent of a harmful act or the
        one blame rests on."""
        if preposition.dep_ != "prep":
            return False
        if preposition.lower_ in AGENT_PREPOSITIONS:
            return _is_noun(governor) and (
                self._harmful_act(governor) or governor.lower_ in self.words.blame
            )
        if preposition.lower_ in RESTING_PREPOSITIONS and _is_verb(governor):
            return any(
                c.dep_ in SUBJECTS and c.lower_ in BLAME_NOUNS for c in governor.children
            ) and not _is_passive(governor)
        return False

    # -- predicates -------------------------------------------------------------------------

    def _predicate(self, verb: Any, passive: bool, scale: float = 1.0) -> None:
        """What a clause says of its subject: its verb and the words of its own clause."""
        word = self._verb_phrase(verb)
        if (
            verb.lower_ in ANSWERING_VERBS
            and not passive
            and not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)
        ):
            # "answered the provocation with patience": a deed, judged by its manner, not by
            # what it answered; "answered that ..." is a claim
            clauses = self._clauses(verb)
            manner = [
                t
                for preposition in verb.subtree
                if preposition.dep_ == "prep"
                and preposition.lower_ == "with"
                and preposition.i not in clauses
                for t in preposition.subtree
            ]
            # "with restraint" is said of the deed, not of the object it answered
            self._valence(manner, scale=self._polarity(verb) * scale, of_the_deed=True)
            self._means(verb, scale)
            return
        if (word in reporting_verbs() or word in self.words.naming_verbs) and not passive:
            return  # "X said ...", "X called it terror": X's claim, not a claim about X
        if _characterises(verb) and not passive:
            return  # "X presented the truce as an achievement": X's view of the truce
        if verb.dep_ in {"ccomp", "xcomp"} and verb.head.lower_ in CAUSATIVE_VERBS:
            # "he made Serbia respected": the participle describes its subject
            made = self.words.praise.get(verb.lower_) or -self.words.blame.get(verb.lower_, 0.0)
            self._add([verb.head, *verb.subtree], "praise", made * self._polarity(verb.head))
        if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lower_ in DEMAND_VERBS:
            return  # "urged X to end the siege": a request, not something X did
        shown = verb.lower_ in SHOWING_VERBS  # "has shown remarkable responsibility"
        if not shown and any(c.dep_ == "dobj" and c.lower_ in BLAME_NOUNS for c in verb.children):
            if verb.lower_ in BEARING_VERBS:  # "bears full responsibility for this bloodshed"
                self._add([verb, *verb.children], "blame", -BORNE_BLAME * self._polarity(verb))
            return  # "laid the blame on Y": the subject blames, the words are about Y
        polarity = self._polarity(verb) * scale
        for child in verb.children:
            if (
                child.dep_ == "advcl"
                and child.tag_ == "VBN"
                and child.i < verb.i
                and not any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in child.children)
            ):
                # "Convicted for his role in the theft, he now lives in Moscow": the opening
                # participle is said of the subject, in the passive
                self._predicate(child, passive=True, scale=scale)
        self._confined(verb, polarity)
        if word in DESIRE_VERBS and not passive:
            wished = self._wished_harm(verb)
            if wished is not None:  # "wants to see the region burn", "dreams of ruining us"
                self._add([verb, *wished], "blame", -DESIRED_HARM * polarity)
                return
        if word in self.words.deserving_verbs and not passive:
            credit = [c for c in verb.children if c.dep_ == "dobj" and self._is_credit(c)]
            if credit:  # "deserves credit", "has earned the respect of the region"
                self._add([verb, *credit], "praise", CREDIT_PRAISE * polarity)
                return
        clauses = self._clauses(verb)
        obj = [t for t in verb.children if t.dep_ in {"dobj", "attr", "acomp", "xcomp", "prt"}]
        span = [verb, *[t for child in obj for t in child.subtree if t.i not in clauses]]
        if passive and _to_hospital(verb):
            # "was taken to hospital in a serious condition", "were rushed to hospital"
            where = [t for c in verb.children if c.lower_ == "to" for t in c.subtree]
            self._add([verb, *where], "harm", HOSPITAL_HARM * max(polarity, 0.0))
            return
        if passive:
            harmed = self.words.harm_verbs.get(word) or self.words.passive_harm_verbs.get(word)
            if harmed:  # "Kharkiv has been hit almost daily by missiles"
                self._add(span, "harm", harmed * max(polarity, 0.0))
            elif word in self.words.praise_verbs:
                self._add(span, "praise", self.words.praise_verbs[word] * polarity)
            elif word in self.words.blame_verbs:
                claimed = any(c.dep_ == "agent" for c in verb.children)
                # "has been accused by residents of ...": the accusers' claim
                claim = self.words.scales["party_claim"] if claimed else 1.0
                self._add(span, "blame", -self.words.blame_verbs[word] * polarity * claim)
            # "was dragged from his house and shot dead": the joined verbs share the subject
            self._shared_subject(verb, passive, scale)
            return
        has_object = any(child.dep_ in {"dobj", "obj"} for child in verb.children)
        if word in self.words.provision_verbs and self._provides_relief(verb):
            # "set up heated tents and field kitchens", "paid emergency assistance": care
            self._add(span, "praise", self.words.provision_verbs[word] * polarity)
        elif word in self.words.care_verbs and self._cares_for_the_harmed(verb):
            # "carried the wounded through the night to Doolow"
            self._add(span, "praise", CARE_PRAISE * polarity)
            # "visited the wounded of the attack": the attack and the wounds are what the
            # harmed suffered, neither the carer's deed nor words about the carer
            self._shared_subject(verb, passive, scale)
            return
        elif word in self.words.suffer_verbs and not has_object:
            # "children are starving", "the house burned": intransitive, they suffer
            self._add(span, "harm", self.words.suffer_verbs[word] * max(polarity, 0.0))
        elif word in self.words.harm_verbs and self._downs_weapons(verb):
            # "intercepted and destroyed two drones", "shot down the missiles": defence
            self._add(span, "praise", HARM_EVENT_BLAME * polarity)
        elif word in self.words.harm_verbs:
            self._add(span, "blame", -self.words.harm_verbs[word] * polarity)
        elif word in STRIKING_VERBS and has_object and self._strikes_in_arms(verb):
            # "Russian forces struck a bus stop in the village"
            self._add(span, "blame", -self.words.passive_harm_verbs["strike"] * polarity)
        elif word in self.words.obstruct_verbs:
            if not _has_object_in(verb, self.words.claim_nouns):
                # "rejected any suggestion that ...": a denial, not obstruction
                self._add(span, "blame", -self.words.obstruct_verbs[word] * polarity)
        elif word in self.words.suffer_verbs:
            # "lost his leg", "suffered a broken arm"; "lost access to the coast" is weaker
            weight = self.words.suffer_verbs[word] * self._loss_scale(verb, word)
            self._add(span, "harm", weight * max(polarity, 0.0))
        elif (
            word in self.words.help_verbs
            and not self._justifies(verb, word)
            # "brought mortars to within a few hundred metres of the village"
            and not _has_object_in(verb, self.words.projectile_nouns)
        ):
            self._add(span, "praise", self.words.help_verbs[word] * polarity)
        if word in self.words.choice_verbs and not passive:
            chosen = _objects(verb) + [
                g
                for c in verb.children
                if c.dep_ in {"prep", "prt"} and c.lower_ == "for"
                for g in c.children
                if g.dep_ == "pobj"
            ]  # "has chosen the guns", "opted for the artillery"
            arms = [c for c in chosen if c.lower_ in self.words.projectile_nouns]
            if arms:  # arms over talks is harm chosen
                self._add([verb, *arms], "blame", -HARM_EVENT_BLAME * polarity)
        if not passive and (word in KEEPING_VERBS or word in BREAKING_VERBS):
            promised = [t for t in _objects(verb) if t.lower_ in PROMISE_NOUNS]
            if verb.dep_ == "relcl" and verb.head.lower_ in PROMISE_NOUNS and not promised:
                promised = [verb.head]  # "the promises Kabul never kept"
            # "kept its word" is praise, "never kept its promises" and "broke every
            # promise" blame
            kept = PROMISE_WEIGHT if word in KEEPING_VERBS else -PROMISE_WEIGHT
            if promised:
                self._add([verb, *promised], "praise", kept * polarity)
        if word in self.words.command_verbs:
            for ordered in self._care_ordered(verb):
                # "ordered that no person in the queue should go hungry or cold"
                self._add([verb, *ordered.subtree], "praise", CARE_ORDER_PRAISE * polarity)
        self._shared_subject(verb, passive, scale)
        if not passive:
            self._means(verb, scale)
        for child in verb.children:
            if child.dep_ == "xcomp" and _is_verb(child):
                # "tried to drive the Serbs out", "keeps looking for excuses"
                self._predicate(child, passive=False, scale=scale)
        if word in self.words.praise_verbs and not passive:
            self._praised_harm(verb, polarity)
        if word in self.words.praise_verbs or word in self.words.blame_verbs:
            return  # "X condemned the attack": the object's words are about the object
        for child in verb.children:
            if child.dep_ in {"attr", "oprd"} and _is_noun(child):
                # "X is a model", "X has proven itself a reliable partner"
                self._description(child)
                return
        own = [t for t in self._clause(verb) if t.i != verb.i]
        events = [t for t in own if t.lower_ in self.words.harm_events and _acted_on(t, verb)]
        kept_away = [t for t in events if _kept_away(t, verb)]
        harm_events = [t for t in events if t not in kept_away]
        if not self._keeps_someone(verb, word):
            kept_away = []  # "fled from the war", "looks away from the mines"
        if kept_away or (harm_events and word in self.words.prevent_verbs):
            # "prevented a war", "kept the country out of the wars"
            self._add([verb, *events], "praise", HARM_EVENT_BLAME * polarity)
        elif (
            harm_events
            and word not in self.words.suffer_verbs
            and word not in ENDURING_VERBS
            # "imposed sanctions on X for arming insurgents": a penalty for a wrong
            and not self._punished_for(verb)
        ):
            # "the Tajik side had prepared the attack": doing harm casts the subject badly
            self._add([verb, *harm_events], "blame", -HARM_EVENT_BLAME * polarity)
        if (
            verb.dep_ == "relcl"
            and _is_noun(verb.head)
            and not any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "which", "that"}
                for c in verb.children
            )
        ):
            # "the illegal formations that Armenia keeps": the modified noun is the object;
            # in "a statesman who has never abandoned his people" it is the subject
            noun = verb.head
            own += [noun, *[c for c in noun.children if c.dep_ in {"amod", "compound"}]]
        if word not in self.words.suffer_verbs and word not in ENDURING_VERBS:
            # "paid for it with months of chaos", "has survived worse years": what one
            # suffers or comes through does not describe one;
            # "blocked every reform": the good one works against is not one's merit
            against = word in self.words.obstruct_verbs or word in self.words.harm_verbs
            # "defeated the sanctions": the evil one works against is not one's fault
            countering = word in self.words.prevent_verbs
            if word in self.words.harm_verbs or word in self.words.passive_harm_verbs:
                # "hit militants", "shelled the terrorists' positions": what the target is
                # called is said of the target, not of the one who strikes it
                targets = {
                    t.i
                    for child in verb.children
                    if child.dep_ in {"dobj", "obj"}
                    for t in child.subtree
                }
                own = [t for t in own if t.i not in targets]
            elif word not in self.words.support_verbs:
                # "followed a terrorist column", "neutralised fourteen terrorists": the label
                # is said of those the subject acts on; "harbours terrorists" reflects on it
                labelled = {
                    t.i
                    for child in _objects(verb)
                    if any(w.lower_ in self.words.labelled_people for w in child.subtree)
                    for t in child.subtree
                }
                own = [t for t in own if t.i not in labelled]
            # "carried out an operation against 'extremist' leaders", "fought against
            # corruption": what the one acted against is called is said of it
            against_whom = {
                target.i
                for preposition in own
                if preposition.dep_ == "prep" and preposition.lower_ == "against"
                for target in preposition.subtree
            }
            own = [t for t in own if t.i not in against_whom]
            self._valence(
                own,
                scale=polarity,
                blame_only=against and polarity > 0,
                praise_only=countering and polarity > 0,
            )

    def _provides_relief(self, verb: Any) -> bool:
        """Whether one of the verb's direct objects, or a noun joined to one ("tents, field
        kitchens and a medical post"), is relief."""
        return any(t.lower_ in self.words.relief_nouns for t in _objects(verb))

    def _downs_weapons(self, verb: Any) -> bool:
        """Whether everything the verb strikes is a weapon ("destroyed two drones launched
        towards Jazan", "shot down three missiles")."""
        targets = _objects(verb)
        return bool(targets) and all(t.lower_ in self.words.projectile_nouns for t in targets)

    def _strikes_in_arms(self, verb: Any) -> bool:
        """Whether the verb's subject is armed (forces, a vehicle or a projectile: "Russian
        forces", "a Russian Lancet loitering munition") and what it strikes is not called a
        fighter."""
        words = self.words
        armed = words.armed_nouns | words.vehicle_nouns | words.projectile_nouns
        if any(t.lower_ in words.labelled_people for t in _objects(verb)):
            return False  # "Kenyan troops hit militants": what the target is called is its own
        return any(c.dep_ in {"nsubj", "csubj"} and c.lower_ in armed for c in verb.children)

    def _cares_for_the_harmed(self, verb: Any) -> bool:
        """Whether the verb carries, evacuates, treats, shelters or visits the harmed ("carried
        the wounded through the night", "evacuated the injured", "comforted the bereaved
        families")."""
        wounds = harm_words()
        return any(
            t.lower_ in self.words.harm_nouns
            or any(  # "comforted the bereaved families", "treated injured children"
                c.dep_ == "amod" and (c.lower_ in self.words.harm_nouns or self._harmed_as(c))
                for c in t.children
            )
            or any(  # "carried X, who had shrapnel wounds to both legs, to the ambulance"
                c.dep_ == "relcl" and any(u.lower_ in wounds for u in c.subtree) for c in t.children
            )
            for t in _objects(verb)
        )

    def _care_ordered(self, verb: Any) -> list[Any]:
        """The clauses an order puts on nobody's want ("that no person should go hungry or
        cold", "that no one be left behind") or that give the harmed relief ("that all those
        injured receive full medical care")."""
        ordered = []
        for clause in verb.children:
            if clause.dep_ not in {"ccomp", "xcomp"} or not _is_verb(clause):
                continue
            subjects = [c for c in clause.children if c.dep_ in SUBJECTS | {"nsubjpass"}]
            nobody = any(_nobody(child) for child in subjects)
            if nobody and any(t.lower_ in self.words.want_words for t in clause.subtree):
                ordered.append(clause)
            elif any(self._victim_group(child) for child in subjects) and any(
                t.lower_ in self.words.relief_nouns for t in clause.subtree
            ):
                # "directed that all those injured receive full medical care"
                ordered.append(clause)
        return ordered

    def _justifies(self, verb: Any, word: str) -> bool:
        """Whether "defend" defends a thing rather than someone or something held good:
        "defended the charges" justifies them, "defended the town" protects it."""
        if word not in DEFENDING_VERBS:
            return False
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        return bool(objects) and not any(
            obj.tag_ in {"PRP", "NNP", "NNPS"}
            or obj.lower_ in self.words.group_nouns
            or obj.lower_ in self.words.place_nouns
            or obj.lower_ in self.words.praise
            or obj.lower_ in PROTECTED_NOUNS
            for obj in objects
        )

    def _praised_harm(self, verb: Any, polarity: float) -> None:
        """Praising harm casts the one who praises it: "applauded each measure that hurts
        them", "celebrated the bombing"."""
        for obj in verb.children:
            if obj.dep_ not in {"dobj", "obj"}:
                continue
            # "praised the decision to send doctors within 48 hours of the attack": harm
            # that only dates the praised thing is not what was praised
            dating = {
                t.i
                for preposition in obj.subtree
                if preposition.dep_ == "prep" and preposition.lower_ in TIME_PREPOSITIONS
                for t in preposition.subtree
            }
            harmful = [
                t
                for t in obj.subtree
                if t.i not in dating
                # "praised the soldiers who carried the wounded": harm they relieve
                and not (
                    t.head.lower_ in self.words.help_verbs or t.head.lower_ in self.words.care_verbs
                )
                and (
                    t.lower_ in self.words.harm_events
                    or (_is_verb(t) and self._verb_phrase(t) in self.words.harm_verbs)
                )
            ]
            if harmful:
                self._add([verb, *obj.subtree], "blame", -HARM_EVENT_BLAME * polarity)

    def _confined(self, verb: Any, polarity: float) -> None:
        """ "Has spent eleven months in prison", "was held in detention": being locked up
        is harm to the subject."""
        for preposition in verb.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in {"in", "behind"}:
                continue
            for place in preposition.children:
                if place.dep_ == "pobj" and place.lower_ in self.words.confinement_nouns:
                    span = [verb, *preposition.subtree]
                    self._add(span, "harm", CONFINEMENT_HARM * max(polarity, 0.0))

    def _wished_harm(self, verb: Any) -> list[Any] | None:
        """The harm a verb of wishing reaches for, if it falls on someone else: "wants to see
        X burn", "wants X to suffer", "seeks to destroy X"; not "wants to flee"."""
        for token in verb.subtree:
            if token.i == verb.i or not _is_verb(token) or token.i in self._clauses_of_own(verb):
                continue
            word = self._verb_phrase(token)
            own_subject = any(c.dep_ in SUBJECTS for c in token.children)
            has_object = any(c.dep_ in {"dobj", "obj"} for c in token.children)
            if word in self.words.harm_verbs and (has_object or own_subject):
                return [token, *[c for c in token.children if c.dep_ in {"dobj", "obj"}]]
            if word in self.words.suffer_verbs and own_subject and not has_object:
                return [token, *[c for c in token.children if c.dep_ in SUBJECTS]]
        return None

    def _clauses_of_own(self, verb: Any) -> set[int]:
        """Clauses below ``verb`` that are not what it wishes for: "because ...", "who ..."."""
        out: set[int] = set()
        for token in verb.subtree:
            if token.i != verb.i and token.dep_ in {"advcl", "relcl", "acl", "conj", "parataxis"}:
                out |= {t.i for t in token.subtree}
        return out

    def _keeps_someone(self, verb: Any, word: str) -> bool:
        """Whether the verb holds someone ("kept the country out of", "shielded them from"),
        rather than the subject escaping ("fled from") or doing harm."""
        if word in self.words.suffer_verbs or word in self.words.harm_verbs:
            return False
        return any(c.dep_ in {"dobj", "obj"} for c in verb.children)

    def _is_credit(self, noun: Any) -> bool:
        return noun.lower_ in self.words.credit_nouns or noun.lower_ in self.words.praise

    def _shared_subject(self, verb: Any, passive: bool, scale: float) -> None:
        """Verbs joined to this one that have no subject of their own share it:
        "Tajikistan speaks about peace and then sends its drones"."""
        for child in verb.children:
            own_subject = any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in child.children)
            if child.dep_ == "conj" and _is_verb(child) and not own_subject:
                # "were bussed into Colombo and attacked protesters": a joined verb with an
                # object of its own is active, whatever the first verb's voice
                acts = any(c.dep_ in {"dobj", "obj"} for c in child.children)
                passive_child = (passive and not acts) or _is_passive(child)
                passive_child = passive_child or _reduced_passive(child, verb)
                self._predicate(child, passive=passive_child, scale=scale)

    def _clause(self, verb: Any) -> list[Any]:
        """The verb's own clause without its subject and without clauses of their own."""
        skip = self._clauses(verb) | self.inside
        for child in verb.children:
            circumstance = child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE_PREPOSITIONS
            if circumstance or child.dep_ in SUBJECTS | {
                "nsubjpass",
                "expl",
                "mark",
                "cc",
                "punct",
            }:
                skip |= {t.i for t in child.subtree}
        return [t for t in verb.subtree if t.i not in skip]

    def _clauses(self, head: Any) -> set[int]:
        """Indices of the subordinate clauses below ``head``."""
        out: set[int] = set()
        for token in head.subtree:
            if token.i == head.i or token.dep_ not in OWN_CLAUSE_BREAKS:
                continue
            if token.dep_ == "conj" and not _is_verb(token):
                continue  # "with patience and with courage" is one clause
            out |= {t.i for t in token.subtree}
        return out

    def _verb_phrase(self, verb: Any) -> str:
        """The verb, with a particle if it has one ("fire on" stays "fire")."""
        word: str = verb.lower_
        for child in verb.children:
            # the parser may take the particle for a preposition: "drive the Serbs out of"
            phrase = f"{word} {child.lower_}"
            if child.dep_ in {"prt", "prep", "advmod"} and phrase in self.words.listed_verbs:
                return phrase
        return word

    def _polarity(self, verb: Any) -> float:
        """Negated when the verb is ("has not helped") or its object is nobody ("are
        protecting nobody", "delivered no aid")."""
        negated = any(
            child.dep_ == "neg"
            or child.lower_ in NEGATIONS
            # "did nothing wrong": the adjective is negated where it stands
            or (
                child.dep_ in {"dobj", "obj"}
                and _nobody(child)
                and not any(c.dep_ == "amod" for c in child.children)
            )
            for child in verb.children
        )
        return self.words.scales["negated"] if negated else 1.0

    # -- words ------------------------------------------------------------------------------

    def _valence(
        self,
        tokens: Iterable[Any],
        scale: float,
        span_tokens: list[Any] | None = None,
        own: bool = False,
        blame_only: bool = False,
        curated_only: bool = False,
        praise_only: bool = False,
        of_the_deed: bool = False,
    ) -> None:
        """Praise and blame words among ``tokens``, each its own piece of evidence; ``own``
        lets words of the mention itself count, ``blame_only`` leaves praise words out and
        ``curated_only`` VADER's; ``of_the_deed`` says the words judge the act itself ("with
        restraint"), so praise beside a blame noun still counts."""
        for token in tokens:
            if token.i in self.inside and not own:
                continue
            weight = self._word_weight(token, curated_only)
            complements = not of_the_deed and self._complements_blame(token)
            if weight > 0 and (blame_only or complements):
                continue  # "an obstacle to dialogue", "a threat to stability"
            if weight < 0 and praise_only:
                continue
            weight *= scale * (self.words.scales["negated"] if _negated(token) else 1.0)
            if weight:
                span = span_tokens if span_tokens is not None else _phrase(token)
                self._add(span, "praise" if weight > 0 else "blame", weight)

    def _word_weight(self, token: Any, curated_only: bool = False) -> float:
        """How a word casts what it is said of: its curated weight, else VADER's for an
        adjective or adverb; verbs come through the verb lists ("Kharkiv lies near")."""
        word = _hyphenated(token)
        if token.tag_ in FINITE_VERB_TAGS or word in self.words.harm_nouns:
            return 0.0  # "he was dead": read as harm, not as a bad word said of him
        if word == "responsible" and any(c.lower_ == "for" for c in token.children):
            return -self.words.praise[word]  # "responsible for the shelling" blames
        if token.tag_ == "NNS" and word not in self.words.praise and word not in self.words.blame:
            word = _singular(word)  # "his failures" as "failure"
        if word in self.words.praise:
            if any(_hyphenated(c) == "so-called" for c in token.children):
                return -self.words.praise[word]  # "its so-called reforms": scorn, not praise
            return self.words.praise[word]
        if word in self.words.blame:
            return -self.words.blame[word]
        if token.tag_[:2] in {"JJ", "RB"} and word in self.words.vader and not curated_only:
            return self.words.vader[word] * self.words.scales["vader_adjective"]
        return 0.0

    def _head_noun_weight(self, noun: Any) -> float:
        """How the head noun of a description casts the referent: its curated weight, else
        VADER's for the noun ("an obstacle"); words of harm are read as harm instead."""
        if noun.lower_ in self.words.harm_nouns:
            return 0.0
        weight = self._word_weight(noun)
        if not weight and _is_noun(noun) and noun.lower_ in self.words.vader:
            weight = self.words.vader[noun.lower_] * self.words.scales["vader_head_noun"]
        return weight

    def _complements_blame(self, token: Any) -> bool:
        """Whether the word sits in the complement of a word of blame: "dialogue" in "the
        greatest obstacle to dialogue", "stability" in "a threat to stability"."""
        word = token
        for _ in range(6):
            if word.dep_ == "pobj" and word.head.dep_ == "prep":
                governor = word.head.head
                return _is_noun(governor) and self._head_noun_weight(governor) < 0
            if word.dep_ not in {"amod", "compound", "conj", "nmod"} or word.head.i == word.i:
                return False
            word = word.head
        return False

    def _add(self, tokens: Iterable[Any], kind: str, weight: float) -> None:
        tokens = [t for t in tokens if not (t.is_space or t.is_punct)]
        if not weight or not tokens:
            return
        if kind == "praise" and weight < 0:
            kind = "blame"
        elif kind == "blame" and weight > 0:
            kind = "praise"
        # a hyphenated word's first parts ("so-" of "so-called") belong to the evidence
        tokens += [t.doc[t.i - k] for t in tokens for k in (1, 2) if _hyphenated(t) != t.lower_]
        start = min(t.idx for t in tokens) + self.offset
        end = max(t.idx + len(t.text) for t in tokens) + self.offset
        self.found.append(_Found(start, end, kind, weight))


def _hyphenated(token: Any) -> str:
    """The whole hyphenated word a token ends ("far-sighted" from "far", "-", "sighted"),
    lower-cased; else the token itself."""
    doc, i = token.doc, token.i
    if (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    ):
        return f"{doc[i - 2].lower_}-{token.lower_}"
    return str(token.lower_)


def _singular(word: str) -> str:
    """A regular plural's singular ("failures" → "failure", "atrocities" → "atrocity")."""
    words = lexicon()
    for plural, singular in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(plural):
            stem = word[: -len(plural)] + singular
            if stem in words.praise or stem in words.blame:
                return stem
    return word


def _styled(name: Any) -> Any:
    """The noun that styles itself ``name`` ("the coalition calling itself X", "a group that
    calls itself X"), or None."""
    verb = name.head
    if name.dep_ not in {"oprd", "attr", "xcomp"} or verb.lower_ not in STYLING_VERBS:
        return None
    if verb.dep_ not in {"acl", "relcl"} or not any(c.lower_ in REFLEXIVES for c in verb.children):
        return None
    return verb.head


def _first_conjunct(noun: Any) -> Any:
    """The first of joined nouns, or the noun it stands beside, which carries their link:
    "X and Y drowned", "The captain, X, 54, and crew member Y, 23, drowned"; the noun
    itself when it is not joined to another."""
    if noun.dep_ != "conj":
        return noun
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.head if first.dep_ == "appos" else first


def _objects(verb: Any) -> list[Any]:
    """The verb's direct objects and the nouns joined to them ("tents, kitchens and a post")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    return [t for o in objects for t in (o, *o.conjuncts)]


def _to_hospital(verb: Any) -> bool:
    """Whether the verb takes its object to hospital ("taken to hospital", "rushed to the
    hospital in Rybnitsa", "admitted to hospital")."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lower_ in HOSPITAL_NOUNS for g in child.children)
        for child in verb.children
    )


def _nobody(noun: Any) -> bool:
    """ "nobody", "nothing", "no one", "no aid": a noun phrase that names no one; "nothing
    but belligerence", "none other than" name something."""
    if any(child.lower_ in {"but", "except", "other", "less", "short"} for child in noun.children):
        return False
    return noun.lower_ in NOBODY or any(
        child.dep_ == "det" and child.lower_ == "no" for child in noun.children
    )


def _negated(token: Any) -> bool:
    """ "not wise", "no positive vision", "is not a model"."""

    def denies(word: Any) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in word.children)

    # climb from the word to the clause it belongs to: "not a wise or tireless statesman"
    word = token
    for _ in range(4):
        if denies(word) or (word.i != token.i and word.lower_ == "nothing"):
            return True  # "did nothing wrong"
        if word.dep_ not in {"amod", "compound", "conj", "attr", "acomp", "advmod"}:
            return False
        word = word.head
    return False


def _characterises(verb: Any) -> bool:
    """Whether the verb casts its object as something: "presented the truce as an
    achievement", "defended the deal as a commercial arrangement"."""
    if not any(c.dep_ in {"dobj", "obj"} for c in verb.children):
        return False
    for token in verb.subtree:
        if token.dep_ in OWN_CLAUSE_BREAKS and token.i != verb.i:
            continue
        if token.dep_ == "prep" and token.lower_ == "as" and _verb_above(token).i == verb.i:
            return any(child.dep_ == "pobj" for child in token.children)
    return False


def _verb_above(token: Any) -> Any:
    """The nearest verb above a token (or the root)."""
    word = token.head
    while not _is_verb(word) and word.head.i != word.i:
        word = word.head
    return word


def _counted_whole(noun: Any) -> Any:
    """The noun a part is counted from: "boats" in "a group of boats" is reached as "group",
    "residents" in "dozens of residents" as "dozens"."""
    word = noun
    while (
        word.dep_ == "pobj"
        and word.head.lower_ == "of"
        and (word.head.head.lower_ in QUANTITY_WORDS or word.head.head.tag_ == "CD")
    ):
        word = word.head.head
    return word


def _contents(noun: Any) -> list[Any]:
    """The nouns an "of" phrase gives as what ``noun`` consists of: "policy of aggression"."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and _is_noun(pobj)
    ]


def _with_modifiers(noun: Any) -> list[Any]:
    """The noun with its adjectives and compounds, and adjectives joined to those: "a sincere
    and reliable partner"."""
    words = [noun]
    for child in noun.children:
        if child.dep_ in {"amod", "compound"}:
            words.append(child)
            words += [c for c in child.children if c.dep_ == "conj" and c.tag_.startswith("JJ")]
    return words


def _phrase(token: Any) -> list[Any]:
    """The word with the noun it modifies: "colossal efforts", not just "colossal"."""
    if token.dep_ == "amod" and _is_noun(token.head):
        return [token, token.head]
    return [token]


def _is_led_by(noun: Any, leader_titles: frozenset[str]) -> bool:
    """Whether "under" + ``noun`` names a person in charge ("under President X", "under Prime
    Minister X"), not a stewardship noun or a place ("Crimea under Russia")."""
    if noun.ent_type_ == "PERSON":
        return True
    titles = [c.lower_ for c in noun.children if c.dep_ == "compound"]
    named = {*titles, " ".join(titles[-2:])}  # "prime minister" is two compounds
    return noun.tag_ == "NNP" and bool(named & leader_titles)


def _acted_on(noun: Any, verb: Any) -> bool:
    """Whether the noun is what the verb does or makes ("prepared the attack", "carried out
    strikes"), not a circumstance ("led the people through the siege")."""
    word = noun
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    if word.dep_ in {"dobj", "attr", "oprd"} and word.head.i == verb.i:
        return True
    # "launched a campaign of shelling"; "kept us out of the wars" is judged by _kept_away
    preposition = word.head
    if word.dep_ != "pobj":
        return False
    if preposition.lower_ == "of" and preposition.head.dep_ in {"dobj", "attr"}:
        return bool(preposition.head.head.i == verb.i)
    return preposition.lower_ in {"out", "from"} or preposition.head.lower_ == "out"


def _kept_away(token: Any, verb: Any) -> bool:
    """Whether ``token`` sits under "from" or "out of" below ``verb``: "kept us out of the
    wars", "shielded them from attacks" say the subject kept harm away."""
    word = token
    while word.i != verb.i and word.head.i != word.i:
        preposition = word.head
        if word.dep_ == "pobj" and (
            preposition.lower_ == "from"
            or (preposition.lower_ == "of" and preposition.head.lower_ == "out")
        ):
            return True
        word = word.head
    return False


def _blaming_verb(preposition: Any) -> Any:
    """The verb of "laid the blame (for X) on Y" above an "on", if the "on" names the one
    blamed; else None."""
    if preposition.lower_ not in {"on", "upon"}:
        return None
    for ancestor in preposition.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ not in {"for", "of", "over"}:
            return None  # "trade blame after a strike on X": X is where it struck
        if ancestor.lower_ in BLAME_NOUNS or any(
            c.dep_ == "dobj" and c.lower_ in BLAME_NOUNS for c in ancestor.children
        ):
            verb = ancestor
            while not _is_verb(verb) and verb.head.i != verb.i:
                verb = verb.head
            return verb
    return None


def _named_subject(verb: Any) -> bool:
    """Whether the verb's subject is a party named or described ("Baku", "Armenian officials",
    "its diplomats"), not a pronoun standing for the one who speaks."""
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children):
        verb = verb.head  # "its diplomats go to New York and blame Kyiv"
    for child in verb.children:
        if child.dep_ in SUBJECTS and (
            child.tag_.startswith("NNP")
            or any(c.tag_.startswith("NNP") for c in child.children)
            or child.lower_ in lexicon().group_nouns
        ):
            return True
    return False


def _is_noun(token: Any) -> bool:
    # The parse runs without spaCy's attribute ruler, so fine-grained tags stand in for pos_.
    return bool(token.tag_.startswith("NN"))


def _is_verb(token: Any) -> bool:
    return bool(token.tag_.startswith("VB") or token.tag_ == "MD")


def _is_passive(verb: Any) -> bool:
    return any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children)


def _reduced_passive(participle: Any, verb: Any) -> bool:
    """Whether a past participle joined to ``verb`` without an auxiliary or object is passive:
    "he was dead, shot in the chest", not "he has built roads and opened schools"."""
    if participle.tag_ != "VBN":
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} for c in participle.children):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in HAVE_FORMS for c in verb.children)


def _technique_evidence(
    referent: _Referent, techniques: list[TechniqueSpan], words: Lexicon
) -> list[_Found]:
    """Technique spans over the referent's evidence, signed like the evidence they cover."""
    out: list[_Found] = []
    for span in techniques:
        overlapping = [
            found
            for found in referent.found
            if found.start < span.end and span.start < found.end and found.kind != "harm"
        ]
        covered = sum(found.weight for found in overlapping)
        if abs(covered) < words.scales["technique_minimum"]:
            continue  # a weak word alone ("nervous") does not make a technique a verdict
        sign = 1.0 if covered > 0 else -1.0
        polarity = words.technique_polarity.get(span.technique, 1.0)
        weight = sign * polarity * span.score * words.scales["technique"]
        if weight:
            out.append(_Found(span.start, span.end, "technique", weight))
    return out


def _official_speaker(quote: Quote, types: dict[str, str], words: Lexicon) -> bool:
    """Whether a quote's speaker is a state, ministry or other body, not a person, or speaks
    for one unnamed ("the Dorvian defence ministry", "a military spokesman")."""
    speaker = quote.speaker
    if speaker is None:
        return False
    if speaker.entity_id is not None:
        return types.get(speaker.entity_id) in {"ORG", "GPE", "NORP"}
    described = speaker.mention.text.lower().split() if speaker.mention is not None else []
    if "of" in described[1:]:  # "Cameroon's Ministry of Defence": the head is "ministry"
        described = described[: described.index("of", 1)]
    return bool(described) and described[-1] in words.official_speakers


def _decide(
    doc: Document,
    referent: _Referent,
    words: Lexicon,
    quotes: list[Quote],
    types: dict[str, str],
    filed: list[tuple[int, int]],
) -> tuple[Portrayal, RoleCase]:
    """``quotes`` in text order; ``types`` the entity type by entity id; ``filed`` the
    metadata lines, whose mentions the role model does not read."""
    decision = words.decision
    found = _deduplicated(referent.found)
    evidence: list[Evidence] = []
    praise = blame = harm = contested = 0.0
    quoted = 0
    own = {member.id for member in referent.members}
    bodies = _own_bodies(doc, referent)
    answers = referent.denies or any(
        quote.speaker is not None and quote.speaker.entity_id in own for quote in quotes
    )
    counted: list[_Found] = []
    for item in found:
        quote = _quote_at(quotes, item.start, item.end)
        if (
            quote is not None
            and quote.speaker is not None
            and item.kind != "harm"
            and (
                (quote.speaker.entity_id in own and not _names_in(quote, referent))
                or quote.speaker.entity_id in bodies
            )
        ):
            # "It said it had detained several armed men": what an actor, or its ministry,
            # says of its own deeds is its claim, not the text's verdict; what it suffers
            # still counts
            continue
        counted.append(item)
        weight = item.weight * (words.scales["quoted"] if quote is not None else 1.0)
        if quote is not None and _official_speaker(quote, types, words) and item.kind != "harm":
            # "the Tajik Foreign Ministry said Kyrgyz units fired first": a party's claim
            weight *= words.scales["party_claim"]
            if weight < 0 and answers:
                # "... The TPNPB denied any involvement. It said ...": the accused gives its
                # own account, so the charge is one side of a dispute the text reports
                weight *= words.scales["answered_claim"]
                contested -= weight
        if item.kind == "harm":
            harm += abs(weight)
        elif weight > 0:
            praise += weight
        else:
            blame -= weight
        piece = doc.evidence(item.start, item.end, item.kind, weight)
        if quote is not None and quote.speaker is not None:
            piece.speaker = quote.speaker.name
            quoted += 1
        evidence.append(piece)
    tone = (praise - blame) / (praise + blame + decision["tone_smoothing"])
    role = "neutral"
    if (
        harm >= decision["victim_weight"]
        and harm >= blame
        and harm >= praise
        and tone > decision["antagonist_tone"]
    ):
        role = "innocent"
    elif tone >= decision["protagonist_tone"] and praise >= decision["minimum_weight"]:
        role = "protagonist"
    elif (
        tone <= decision["antagonist_tone"]
        and blame >= decision["minimum_weight"]
        and not _disputed(blame, contested, words)
    ):
        role = "antagonist"
    evidence.sort(key=lambda piece: (-abs(piece.weight), piece.start))
    evidence = sorted(evidence[: int(decision["maximum_evidence"])], key=lambda p: p.start)
    portrayal = Portrayal(
        referent.entity.id,
        _display_name(referent),
        role,
        round(tone, 4),
        evidence,
        members=[referent.entity.id]
        + [member.id for member in referent.members if member is not referent.entity],
    )
    lead = referent.entity
    case = RoleCase(
        name=portrayal.name,
        entity_type=lead.type,
        mentions=sorted(
            [
                *(
                    mention
                    for member in referent.members
                    for mention in member.mentions
                    if not within(mention.start, filed)
                ),
                *referent.described,
            ],
            key=lambda mention: mention.start,
        ),
        titles=[title for member in referent.members for title in member.roles],
        rule_role=role,
        tone=tone,
        praise=praise,
        blame=blame,
        harm=harm,
        quoted_evidence_share=quoted / len(counted) if counted else 0.0,
        speaker_ids={member.id for member in referent.members},
        contested_blame=contested,
        denies=referent.denies,
    )
    return portrayal, case


def _disputed(blame: float, contested: float, words: Lexicon, denies: bool = False) -> bool:
    """Blamed only, or almost only, by charges the actor answers in the article: a dispute
    the text reports, not a villain it casts (the rules do not cast it, and the role model
    finds no evidence for the role). An actor the text has deny a charge ("The ELN denied
    attacking the patrol") is in a dispute even when the charge uses no word of blame ("has
    again shown that it does not care where its explosives land"), unless the text blames
    it besides."""
    return (contested > 0 or denies) and blame - contested < words.decision["minimum_weight"]


EVIDENCE_KINDS = {"protagonist": "praise", "antagonist": "blame", "innocent": "harm"}
"""The evidence kind that supports each role."""


def acting_support(
    portrayal: Portrayal,
    case: RoleCase,
    sentences: ArticleSentences,
    support: dict[str, tuple[int, int] | None],
) -> dict[str, tuple[int, int]]:
    """For hero and villain where ``support`` (:func:`role_support`) has nothing, a sentence
    in which the actor acts and whose tone does not speak against the role: what a confident
    role model may cite (``roles.model.CONFIDENT``). Not for a villain whose blame is a
    dispute the text reports."""
    disputed = _disputed(case.blame, case.contested_blame, lexicon(), case.denies)
    found: dict[str, tuple[int, int]] = {}
    for role in ("protagonist", "antagonist"):
        if role in support or (role == "antagonist" and disputed):
            continue
        sentence = sentences.strongest(case, role, plain=True)
        if sentence is not None:
            found[role] = sentence
    return found


def role_support(
    portrayal: Portrayal, case: RoleCase, sentences: ArticleSentences
) -> dict[str, tuple[int, int] | None]:
    """The roles there is evidence to cite for: ``None`` when the rules' evidence already
    does (and for ``neutral`` and the rules' own role), else the sentence naming the actor
    that supports the role best. A role with neither is missing."""
    disputed = _disputed(case.blame, case.contested_blame, lexicon(), case.denies)
    support: dict[str, tuple[int, int] | None] = {"neutral": None, portrayal.role: None}
    for role, kind in EVIDENCE_KINDS.items():
        if role in support or (role == "antagonist" and disputed):
            continue
        if any(
            piece.kind == kind
            or (
                kind != "harm"
                and piece.kind == "technique"
                and (piece.weight > 0) == (kind == "praise")
            )
            for piece in portrayal.evidence
        ):
            support[role] = None
            continue
        sentence = sentences.strongest(case, role)
        if sentence is not None:
            support[role] = sentence
    return support


def _apply_role(
    doc: Document,
    portrayal: Portrayal,
    case: RoleCase,
    probabilities: dict[str, float],
    sentences: ArticleSentences,
) -> None:
    """Set the role model's role, among the roles there is evidence for. A role only a
    sentence supports cites that sentence (kind ``context``): every role but ``neutral``
    cites evidence."""
    support = role_support(portrayal, case, sentences)
    acting = acting_support(portrayal, case, sentences, support)
    role = decide(probabilities, portrayal.tone, support, acting)
    portrayal.role_scores = {r: round(float(v), 4) for r, v in probabilities.items()}
    sentence = support[role] if role in support else acting[role]
    if sentence is not None:
        sign = -1.0 if role == "antagonist" else 1.0  # harm, like praise, is positive
        piece = doc.evidence(
            sentence[0], sentence[1], "context", round(sign * probabilities[role], 4)
        )
        portrayal.evidence = sorted([*portrayal.evidence, piece], key=lambda p: p.start)
    portrayal.role = role


@functools.cache
def imposing_words() -> ImposingWords:
    """What an authority imposes on people, for the role model's satire features."""
    words = lexicon()
    return ImposingWords(words.imposing_verbs, words.imposing_nouns, words.announcing_verbs)


@functools.cache
def harm_words() -> frozenset[str]:
    """Harm verbs in every form and harm nouns: what marks a sentence of suffering."""
    words = lexicon()
    return frozenset(
        {*words.harm_verbs, *words.passive_harm_verbs, *words.harm_nouns, *words.suffer_verbs}
    )


def _deduplicated(found: list[_Found]) -> list[_Found]:
    """One piece per passage and kind: two mentions can reach the same words."""
    seen: dict[tuple[int, int, str], _Found] = {}
    for item in found:
        key = (item.start, item.end, item.kind)
        if key not in seen or abs(item.weight) > abs(seen[key].weight):
            seen[key] = item
    return sorted(seen.values(), key=lambda item: item.start)


def _has_object_in(verb: Any, nouns: frozenset[str]) -> bool:
    """Whether one of the verb's direct objects is one of ``nouns``."""
    return any(c.dep_ in {"dobj", "obj"} and c.lower_ in nouns for c in verb.children)


def _own_bodies(doc: Document, referent: _Referent) -> set[str]:
    """Ids of the entities the text names as the referent's own bodies: "Venezuela's defence
    ministry", "the Venezuelan defence ministry"."""
    ends = {mention.end for member in referent.members for mention in member.mentions}
    bodies: set[str] = set()
    for entity in doc.entities:
        for mention in entity.mentions:
            before = doc.text[max(0, mention.start - 6) : mention.start]
            if any(
                before.endswith(cut) and mention.start - len(cut) in ends
                for cut in ("'s ", "’s ", " ")
            ):
                bodies.add(entity.id)
                break
    return bodies


def _names_in(quote: Quote, referent: _Referent) -> bool:
    """Whether the quote names the referent: then it is hardly the referent's own words
    ("'Lars Hovde needs an enemy,' he said" is not Hovde speaking)."""
    return any(
        quote.start <= mention.start < quote.end
        for member in referent.members
        for mention in member.mentions
    )


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= start and end <= quote.end:
            return quote
    return None
