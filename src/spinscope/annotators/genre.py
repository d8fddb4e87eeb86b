"""Genre: whether an article is reporting, opinion or satire, and which measurements said so.

The model is a transparent linear one. Every input is a named, measured feature of the text;
each label's score is a bias plus a weighted sum of the features (each clipped to a floor and
a cap, so no single one runs away with the decision), and a softmax over the three scores
gives the confidence of the winning label. Words, floors, caps and weights live in
``data/genre.json``, not here, so the model can be read and retuned without touching code.

Features (rates are per 100 words of the author's own voice: the text outside quotes and
outside metadata lines such as the byline, dateline and author box):

* ``first_person_singular``, ``first_person_plural``, ``second_person``: pronoun rates. A
  reporter rarely says "I", "we" or "you"; a columnist does.
* ``evaluative``: words of the VADER sentiment lexicon with strong valence, less words that in
  news name events ("killed", "war"), so judgement, not subject matter, is measured.
* ``editorial_voice``: the outlet judging in its own name, the unsigned editorial's voice
  ("This newspaper will be watching", "in this paper's view"); not "told this newspaper".
* ``prescriptive`` ("must", "should", "need to"), ``questions`` and ``exclamations`` (marks
  outside quotes, so rhetorical ones), ``hedges`` ("perhaps", "I suspect"), ``intensifiers``
  ("clearly", "frankly") and ``scare_quotes`` (a short quoted fragment that is nobody's
  speech: the "peace" plan): the writer arguing in their own voice.
* ``quoted_share``: the share of words inside quotes (direct or reported speech, and the
  turns of an interview marked "Q:" and "A:" or by the speakers' names, which also count as
  nobody's own voice), and
  ``attribution``: reporting verbs ("said", "told") and "according to" outside quotes, less
  the writer's own stance ("I think"). Reporting hands the talking to its sources.
* ``unsourced``: the quoted share is under 5% (measured only when the quote annotator could
  run): nobody speaks but the writer, the mark of an argument even without first person.
* ``dateline`` (a wire dateline opens the story), ``newsroom_byline`` (a staff byline or wire
  credits), ``author_title`` (the author is introduced by an outside role: "director of the
  X Institute", the op-ed signature), ``time_references`` (weekdays, "yesterday").
* ``opinion_marker`` and ``satire_marker``: the outlet labels the piece itself, in a section
  hint, a kicker line ("Comment", "SATIRE"), a headline prefix ("Opinion: ...", "Letter:
  ...") or, for satire, a disclaimer line; a letter to the editor's salutation on a line of
  its own ("Sir,") marks opinion too. ``satire_outlet``: the piece comes from a known satire
  outlet, named (outlet metadata, a "Source: The Daily Mash" line) or by its site's domain in
  the document's address (its source, a URL hint, an HTML page's canonical link or og:url).
* ``technique_coverage``: the share of the text inside persuasion-technique spans, only when
  the technique tagger ran.
* ``satire_cues``: weighted count of deadpan-satire stock phrases ("area man", "at press time",
  "sources confirmed"; weakly "reportedly", "visibly"), capped.
* ``incongruity``: the geometric mean of ``everyday_objects`` (distinct words for pets, food,
  household things) and ``officialdom`` (ministries, permits, fines, studies, committees), so
  it is high only when both are: a ministry fining a cat, a directorate studying a pothole
  that a pensioner fills with a shovel.

Deadpan satire with no stock phrase and no label still turns the machinery of state on
things no state acts on. Five features, over the whole body (quotes included), measure that:

* ``absurd_acts``: official actions ("abolish", "ban", "fined", "removal", "unauthorised")
  aimed at a mundane target (a weekday, the weather, a feeling, a pet, a household object) in
  the same clause: "abolishes Tuesday", "rainbows have been banned", "the removal of
  February". A target that modifies the next word ("Sunday trading", "dog owners") or a
  weekday after a time preposition ("on Tuesday") is not acted on. Commerce counts too, but
  only on what nobody can own or sell (the sky, the body, feelings, nature): a commercial act
  ("charge", "fee", "subscription", "paywall", "bought", "sold") aimed at the moon, at
  breathing, at gravity, with the thing charged for allowed after the person charged
  ("charge passengers for exhaling"). The weather counts only as what is charged *for*
  ("billing households for rain", "pay for weather"): rain on a garden is nobody's supply,
  but rain that keeps customers away, or rainwater drainage billed by roof area, is commerce.
  A cafe charging for coffee, a pool for swimming or an airline for bags is commerce, not
  absurdity. The first act is free (a floor of one): a
  seasonal ban on dogs on a beach is local news, and garages do charge for air.
* ``whimsical_bodies``: distinct official bodies whose remit is mundane or whimsical: the
  Federal Bureau of Calendar Efficiency, the Institute for Mild Inconvenience.
* ``mundane_officialese``: sentences (per 100 words) in which a mundane target that is not a
  date stands beside a word of the official register (a licence, a bylaw, a council, a
  ration, an exemption, a rejection), or something nobody owns beside a word of commerce
  (breaths and a fee, customers who breathe, the moon and subscribers), or an absurd act;
  above a floor, since real local news has one or two.
* ``absurd_kicker``: the closing paragraph tops the story with one more such absurdity ("it
  is studying the removal of February next"), where real news closes on the next date; or
  one of the last two paragraphs names the scheme's next mundane conquest ("would extend it
  to the cutlery drawer", "fog is the obvious next step").
* ``put_upon_resident``: a paragraph introduces a private person by age ("Jean Marsh, 81,")
  and holds both a mundane thing and a word of officialdom or commerce: the resident who tells
  in earnest of the cat's fine or the bill for the rain on her lawn. Real news introduces
  people by age too, mostly beside no mundane thing, so it is a flag with a modest weight.

Everyday objects count in their regular plurals too ("doorbells", "fridges").

* ``satire_wording``: the logit of the wording model (``spinscope.satire``, shipped in
  ``models/satire``), a regression over the article's words fitted on pairs of stories told
  twice, straight and deadpan, in the same setting and format. Topic words cancel within a
  pair; what is left is how deadpan satire words the impossible: absolutes ("all", "no",
  "only", "always", "itself"), officials who "confirmed" or were "asked whether", things done
  "already" or "in advance", where straight news counts, hedges and weighs ("more than",
  "several", "evidence", "risk", "expected"). It is the one fitted input; it counts above a
  floor and up to a cap set in ``data/genre.json``.

Satire imitates a straight form, news or opinion, so it carries the larger of reporting's and
opinion's form scores in full (without the marks of the real thing: a newsroom byline, an
outlet's opinion label), starts four points behind, and wins only when its own cues (phrases,
marker, outlet, incongruity, absurdity, wording) make that up. A deadpan piece whose absurd
premise uses none of the lexicons (a plausible act on a plausible target, told straight) is
left to the wording model, which also reads earnest copy of sweeping rhetoric (a state
agency's expert who finds that "the sequence of events is itself the answer") as more
satire-like than sober news. The features dict reports every measured value (rounded) and
each label's raw score as ``score_<label>``.

Genre here is the form an article takes: who speaks, the writer or the sources. A state-media
"news" item that praises a minister through an expert's quotes is reporting in form, with the
praise attributed; its evaluative density lowers the confidence, and the techniques and
portrayal annotators show the spin. Only when the writer's own voice argues (first person,
prescriptions, rhetorical questions, an outside author's signature) is the piece opinion.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spinscope.annotators.metadata import metadata_spans, not_prose_spans
from spinscope.annotators.quotes import find_direct_quotes
from spinscope.data import read_json, read_lines
from spinscope.document import Document, Genre
from spinscope.errors import ModelMissingError
from spinscope.satire.wording import bundled_wording_model

LABELS = ("reporting", "opinion", "satire")
DATA_FILE = "genre.json"

_WORD = re.compile(r"[^\W_]+")
"""The fallback tokenizer's words; splitting "I'm" at the apostrophe keeps the "I"."""
_HAS_WORD = re.compile(r"[^\W_]")
"""A letter or digit: ``str.isalnum`` for one character."""
_GAP = "\x00"
"""Fills masked stretches: neither a word character nor a space, so no phrase spans a gap."""


@dataclass(frozen=True, slots=True)
class _Model:
    first_singular: frozenset[str]
    first_plural: frozenset[str]
    second: frozenset[str]
    evaluative: frozenset[str]
    attribution_verbs: frozenset[str]
    stance_subjects: frozenset[str]
    according_to: re.Pattern[str]
    prescriptive: re.Pattern[str]
    editorial_voice: re.Pattern[str]
    hedges: re.Pattern[str]
    intensifiers: re.Pattern[str]
    time_references: re.Pattern[str]
    newsroom_roles: re.Pattern[str]
    newsroom_spans: tuple[str, ...]
    satire_phrases: re.Pattern[str]
    satire_weights: dict[str, float]
    satire_phrase_cap: float
    satire_markers: re.Pattern[str]
    satire_outlets: re.Pattern[str]
    satire_titles: tuple[re.Pattern[str], ...]
    everyday_objects: frozenset[str]
    officialdom: frozenset[str]
    official_acts: frozenset[str]
    commercial_acts: frozenset[str]
    commercial_resets: frozenset[str]
    commercial_words: frozenset[str]
    mundane_targets: frozenset[str]
    unownable_targets: frozenset[str]
    charged_for_targets: frozenset[str]
    calendar_targets: frozenset[str]
    time_prepositions: frozenset[str]
    function_words: frozenset[str]
    be_forms: frozenset[str]
    act_window: int
    escalations: frozenset[str]
    escalation_paragraphs: int
    official_bodies: tuple[re.Pattern[str], ...]
    official_words: frozenset[str]
    whimsical_words: frozenset[str]
    satire_domains: re.Pattern[str]
    opinion_lines: frozenset[str]
    """What a line must be, whole, to mark opinion: an outlet's label ("Comment") or a
    letter's salutation ("Sir,")."""
    opinion_titles: tuple[re.Pattern[str], ...]
    scare_quote_words: int
    unsourced_below: float
    """The quoted share under which a piece quotes nobody to speak of: ``unsourced``."""
    label_line_chars: int
    label_head_paragraphs: int
    label_tail_paragraphs: int
    kicker_words: int
    satire_disclaimers: tuple[re.Pattern[str], ...]
    scoring: GenreWeights


def _phrases(words: Iterable[Any]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation; longest first so "a new study finds" wins
    over "study finds" and each stretch of text counts once."""
    ordered = sorted({str(w).lower().replace("’", "'") for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE)


def _patterns(expressions: Iterable[Any]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(str(e), re.IGNORECASE) for e in expressions)


def _body_patterns(nouns: list[str]) -> tuple[re.Pattern[str], ...]:
    """An official body's proper name, "Ministry of Water Discipline" or "Tuesday
    Directorate", with the name words in group ``name``. Case-sensitive: they are capitalised."""
    body = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    name = r"[A-Z][\w'-]*(?:[ \t]+(?:(?:and|of|&)[ \t]+)?[A-Z][\w'-]*){0,3}"
    return (
        re.compile(rf"\b(?:{body})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?P<name>{name})"),
        re.compile(rf"(?P<name>(?:[A-Z][\w'-]*[ \t]+){{1,3}})(?:{body})\b"),
    )


def _with_plurals(nouns: Iterable[Any]) -> frozenset[str]:
    """``nouns`` and their regular plurals, so "doorbells" counts as "doorbell" does; a
    plural of an uncountable ("teas") is harmless, and irregular ones are listed."""
    found: set[str] = set()
    for noun in (str(n).lower() for n in nouns):
        found.add(noun)
        if noun.endswith("s") or " " in noun:
            continue
        if noun.endswith(("ch", "sh", "x")):
            found.add(noun + "es")
        elif noun.endswith("y") and noun[-2:-1] not in "aeiou":
            found.add(noun[:-1] + "ies")
        else:
            found.add(noun + "s")
    return frozenset(found)


def _vader_lexicon() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as error:
        raise ModelMissingError(
            "the genre annotator needs the VADER lexicon: pip install vaderSentiment==3.3.2"
        ) from error
    lexicon: dict[str, float] = SentimentIntensityAnalyzer().lexicon
    return lexicon


def _attribution_verbs(excluded: frozenset[str]) -> frozenset[str]:
    # The bare lemma ("say", "state", "point") is mostly a noun or an order in news prose;
    # inflected forms ("said", "says", "adding") carry attribution.
    forms: set[str] = set()
    for line in read_lines("reporting_verbs.tsv"):
        lemma, _, inflections = line.partition("\t")
        forms.update(f for f in inflections.split("|") if f != lemma and f not in excluded)
    return frozenset(forms)


@dataclass(frozen=True)
class GenreWeights:
    """The linear part of genre: weights per label, floors and caps, and the forms a label
    imitates."""

    weights: dict[str, dict[str, float]]
    floors: dict[str, float]
    caps: dict[str, float]
    imitates: dict[str, tuple[str, ...]]
    """The straight genres whose form a label imitates (satire: reporting and opinion)."""
    form_markers: frozenset[str]
    """Features that mark the real thing, not its form (a newsroom byline, an outlet's
    opinion label): left out of a form score that an imitating label carries."""

    def weighted(self, name: str, value: float, weight: float) -> float:
        """What one feature adds: weight times its value clipped to ``[floor, cap]``, less
        the floor."""
        floor = self.floors.get(name, 0.0)
        return weight * (min(max(value, floor), self.caps.get(name, math.inf)) - floor)

    def contributions(self, features: Mapping[str, float], label: str) -> dict[str, float]:
        """What each measured feature adds to ``label``'s score, bias left out. A label that
        imitates straight genres (satire) also gets the features of the imitated form that
        adds most, without its form markers."""
        own = {
            name: self.weighted(name, features[name], weight)
            for name, weight in self.weights[label].items()
            if name != "bias" and name in features
        }
        forms = [
            {
                name: self.weighted(name, features[name], weight)
                for name, weight in self.weights[form].items()
                if name != "bias" and name not in self.form_markers and name in features
            }
            for form in self.imitates.get(label, ())
        ]
        if not forms:
            return own
        imitated = max(forms, key=lambda by_name: sum(by_name.values()))
        return {name: own.get(name, 0.0) + imitated.get(name, 0.0) for name in {*own, *imitated}}


@functools.cache
def genre_weights(name: str = DATA_FILE) -> GenreWeights:
    """The weights, floors, caps and imitated forms of ``data/NAME``, read without the word
    lists."""
    raw: dict[str, Any] = read_json(name)
    return GenreWeights(
        weights={
            label: {k: float(v) for k, v in raw["weights"][label].items()} for label in LABELS
        },
        floors={k: float(v) for k, v in raw.get("floors", {}).items()},
        caps={k: float(v) for k, v in raw["caps"].items()},
        imitates={str(k): tuple(str(g) for g in v) for k, v in raw["imitates"].items()},
        form_markers=frozenset(str(name) for name in raw["form_markers"]),
    )


@functools.cache
def _model(name: str = DATA_FILE) -> _Model:
    raw: dict[str, Any] = read_json(name)
    minimum = float(raw["evaluative_min_valence"])
    excluded = {str(w).lower() for w in raw["evaluative_exclude"]}
    evaluative = frozenset(
        word
        for word, valence in _vader_lexicon().items()
        if abs(valence) >= minimum and word.isalpha() and word not in excluded
    )
    satire_weights = {
        " ".join(str(k).lower().replace("’", "'").split()): float(v)
        for k, v in raw["satire_phrases"].items()
    }
    everyday = _with_plurals(raw["everyday_objects"])
    return _Model(
        first_singular=frozenset(raw["first_person_singular"]),
        first_plural=frozenset(raw["first_person_plural"]),
        second=frozenset(raw["second_person"]),
        evaluative=evaluative,
        attribution_verbs=_attribution_verbs(frozenset(raw["attribution_exclude"])),
        stance_subjects=frozenset(raw["attribution_stance_subjects"]),
        according_to=_phrases(raw["according_to"]),
        prescriptive=_phrases(raw["prescriptive"]),
        editorial_voice=_phrases(raw["editorial_voice"]),
        hedges=_phrases(raw["hedges"]),
        intensifiers=_phrases(raw["intensifiers"]),
        time_references=_phrases(raw["time_references"]),
        newsroom_roles=_phrases(raw["newsroom_roles"]),
        newsroom_spans=tuple(raw["newsroom_spans"]),
        satire_phrases=_phrases(satire_weights),
        satire_weights=satire_weights,
        satire_phrase_cap=float(raw["satire_phrase_cap"]),
        satire_markers=_phrases(raw["satire_markers"]),
        satire_outlets=_phrases(raw["satire_outlets"]),
        satire_titles=_patterns(raw["satire_title_patterns"]),
        everyday_objects=everyday,
        officialdom=frozenset(raw["officialdom"]),
        official_acts=frozenset(raw["official_acts"]),
        commercial_acts=frozenset(raw["commercial_acts"]),
        commercial_resets=frozenset(raw["commercial_resets"]),
        commercial_words=frozenset([*raw["commercial_acts"], *raw["commercial_register"]]),
        mundane_targets=frozenset(
            [*everyday, *(w for ws in raw["mundane_targets"].values() for w in ws)]
        ),
        unownable_targets=frozenset(
            w for kind in raw["unownable_kinds"] for w in raw["mundane_targets"][kind]
        ),
        charged_for_targets=frozenset(
            w for kind in raw["charged_for_kinds"] for w in raw["mundane_targets"][kind]
        ),
        calendar_targets=frozenset(raw["mundane_targets"]["calendar"]),
        time_prepositions=frozenset(raw["time_prepositions"]),
        function_words=frozenset(raw["function_words"]),
        be_forms=frozenset(raw["be_forms"]),
        act_window=int(raw["official_act_window"]),
        escalations=frozenset(raw["escalations"]),
        escalation_paragraphs=int(raw["escalation_paragraphs"]),
        official_bodies=_body_patterns([str(w) for w in raw["official_body_nouns"]]),
        official_words=frozenset(
            [
                *raw["officialdom"],
                *raw["official_acts"],
                *(str(w).lower() for w in raw["official_body_nouns"]),
                *raw["official_register"],
            ]
        ),
        whimsical_words=frozenset(
            [
                *everyday,
                *(w for ws in raw["mundane_targets"].values() for w in ws),
                *raw["whimsical_body_words"],
            ]
        ),
        satire_domains=re.compile(
            r"(?<![\w-])(?:[\w-]+\.)*(?:"
            + "|".join(re.escape(str(d).lower()) for d in raw["satire_domains"])
            + r")(?![a-z0-9-])",
            re.IGNORECASE,
        ),
        opinion_lines=frozenset(
            " ".join(str(w).lower().split())
            for w in [*raw["opinion_labels"], *raw["letter_salutations"]]
        ),
        scare_quote_words=int(raw["scare_quote_max_words"]),
        unsourced_below=float(raw["unsourced_below_quoted_share"]),
        opinion_titles=_patterns(raw["opinion_title_patterns"]),
        label_line_chars=int(raw["label_line_max_chars"]),
        label_head_paragraphs=int(raw["label_head_paragraphs"]),
        label_tail_paragraphs=int(raw["label_tail_paragraphs"]),
        kicker_words=int(raw["kicker_max_words"]),
        satire_disclaimers=_patterns(raw["satire_disclaimer_patterns"]),
        scoring=genre_weights(name),
    )


# --------------------------------------------------------------------------- text views


class _Intervals:
    """Merged, sorted ``[start, end)`` stretches of the text, for membership tests."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[1] > s[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    def __contains__(self, position: object) -> bool:
        if not isinstance(position, int):
            return False
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]

    def mask(self, text: str) -> str:
        """``text`` with these stretches blanked out, same length, so offsets still hold."""
        parts: list[str] = []
        position = 0
        for start, end in self.spans():
            parts.append(text[position:start])
            parts.append(_GAP * (end - start))
            position = end
        parts.append(text[position:])
        return "".join(parts)


_TURN = re.compile(r"([^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,3})[ \t]*[:：]\s")
"""A turn's speaker label at the start of a paragraph: "Q:", "A:", "DELA CRUZ:", "Carolina
Ríos:" (up to four words, each capitalised)."""
MIN_TURNS = 2
"""An interview needs at least two speakers (or "Q" and "A") with this many turns each."""


def _interview_turns(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs of an interview that are its turns, each opening with its speaker's
    label ("Q: ...", "A: ...", "BAUTISTA: ..."), when at least two labels open
    :data:`MIN_TURNS` paragraphs or more each."""
    turns: dict[str, list[tuple[int, int]]] = {}
    for paragraph in doc.paragraphs:
        head = doc.text[paragraph.start : paragraph.end].lstrip()
        marker = _TURN.match(head)
        if marker and all(word[0].isupper() for word in marker.group(1).split()):
            turns.setdefault(marker.group(1), []).append((paragraph.start, paragraph.end))
    speakers = [spans for spans in turns.values() if len(spans) >= MIN_TURNS]
    if len(speakers) < 2:
        return []
    return sorted(span for spans in speakers for span in spans)


def _tokens(doc: Document) -> list[tuple[int, str]]:
    """``(start, lowercased word)`` for each word token of the clean text."""
    if doc.nlp is not None:
        return [(token.idx, token.lower_) for token in doc.nlp.doc if _HAS_WORD.search(token.text)]
    return [(m.start(), m.group().lower()) for m in _WORD.finditer(doc.text)]


# --------------------------------------------------------------------------- features


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _per_100(count: float, words: int) -> float:
    return 100.0 * count / words if words else 0.0


def _satire_cues(model: _Model, text: str) -> float:
    total = 0.0
    for match in model.satire_phrases.finditer(text):
        total += model.satire_weights.get(" ".join(match.group().lower().split()), 0.0)
    return min(total, model.satire_phrase_cap)


_CLAUSE_TOKEN = re.compile(r"[^\W_]+|[.!?;:,()\[\]\"“”\n\x00—–]")
"""Words, and the marks that end a clause: no official act reaches across one."""


class _Clauses:
    """The body's words and clause marks, and which mundane words in it are things acted on."""

    def __init__(self, model: _Model, text: str) -> None:
        self.model = model
        found = [(m.start(), m.group().lower()) for m in _CLAUSE_TOKEN.finditer(text)]
        self.starts = [start for start, _ in found]
        self.words = [word for _, word in found]

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i][0].isalnum()

    def is_function(self, i: int) -> bool:
        word = self.words[i] if self.is_word(i) else ""
        return bool(word) and (word in self.model.function_words or word.endswith("ly"))

    def is_target(self, i: int, targets: frozenset[str] | None = None) -> bool:
        """A mundane word (of ``targets``, by default all of them) that heads its phrase: not
        "dog show", "Tuesday bun", "Tuesday's"; a weekday or month after a time preposition is
        a date, unless an official noun takes it with "of" ("the removal of February")."""
        model, words = self.model, self.words
        if words[i] not in (model.mundane_targets if targets is None else targets):
            return False
        following = i + 1
        if (
            self.is_word(following)
            and not self.is_function(following)
            and words[following] not in model.official_acts
            and words[following] not in model.commercial_acts
        ):
            return False
        if words[i] in model.calendar_targets and i > 0:
            before = words[i - 1]
            if before == "of":
                return i > 1 and words[i - 2] in model.official_acts
            return before not in model.time_prepositions
        return True

    def acts(self) -> list[tuple[int, str, str]]:
        """``(start, act word, mundane word)`` for each official action aimed at a mundane
        target in the same clause: "abolishes Tuesday", "fined ... the cat", "the removal of
        February", "unauthorised Tuesdays", and the passive "Tuesday has been ... removed";
        and each commercial one aimed at what nobody owns: "bought the moon", "charge
        passengers for exhaling", "sunlight will be sold"."""
        model, words = self.model, self.words
        found: list[tuple[int, str, str]] = []
        for i, word in enumerate(words):
            if word in model.official_acts:
                targets, resets = model.mundane_targets, frozenset[str]()
            elif word in model.commercial_acts:
                targets, resets = model.unownable_targets, model.commercial_resets
            else:
                continue
            # Forward: the act, then at most one content word, then the target; a reset word
            # ("charge passengers for ...") restarts the window once, after the person charged.
            # What is charged *for*, after the reset, may also be the weather: "billed for
            # rain", not "rain kept customers away".
            content = 0
            end = min(i + 1 + model.act_window, len(words))
            ahead = targets
            j = i + 1
            while j < end:
                if not self.is_word(j):
                    break
                if self.is_target(j, ahead):
                    found.append((self.starts[i], word, words[j]))
                    break
                if words[j] in resets:
                    resets, ahead = frozenset(), ahead | model.charged_for_targets
                    content = 0
                    end = min(j + 1 + model.act_window, len(words))
                elif not self.is_function(j):
                    content += 1
                    if content > 1:
                        break
                j += 1
            # Passive: the target, then only auxiliaries and adverbs, then the act.
            for j in range(i - 1, max(i - 1 - model.act_window, -1), -1):
                if not self.is_word(j):
                    break
                if words[j] in targets:
                    passive = any(words[k] in model.be_forms for k in range(j + 1, i))
                    if passive and self.is_target(j, targets):
                        found.append((self.starts[j], word, words[j]))
                    break
                if not self.is_function(j):
                    break
        return found

    def mundane_official_sentences(self, acts: Iterable[tuple[int, str, str]] = ()) -> int:
        """Sentences in which a mundane thing that is not a date is acted on or talked of in
        the official register: a target and an official word (officialdom, an act, a body, a
        licence or a fine) anywhere in the same sentence; or something nobody owns beside a
        word of commerce (a fee, billed, customers, a cost); or one of the absurd ``acts``
        ("billed for rain")."""
        model, words = self.model, self.words
        at = {start for start, _, _ in acts}
        count = 0
        target = official = unownable = commercial = acted = False
        for i, word in enumerate([*words, "."]):
            acted = acted or (i < len(words) and self.starts[i] in at)
            if word in _SENTENCE_MARKS:
                count += (target and official) or (unownable and commercial) or acted
                target = official = unownable = commercial = acted = False
            elif word in model.official_words:
                official = True
            elif word in model.commercial_words:
                commercial = True
            elif word not in model.calendar_targets and self.is_target(i):
                target = True
                unownable = unownable or word in model.unownable_targets
        return count


_SENTENCE_MARKS = frozenset({".", "!", "?", "\n"})


def _whimsical_bodies(model: _Model, text: str) -> dict[frozenset[str], str]:
    """Official bodies whose remit is mundane or whimsical ("the Federal Bureau of Calendar
    Efficiency", "the National Institute of Obvious Findings"), keyed by those remit words,
    so "Ministry of Water Discipline" and "Minister of Water Discipline" are one body."""
    bodies: dict[frozenset[str], str] = {}
    for pattern in model.official_bodies:
        for match in pattern.finditer(text):
            remit = (
                frozenset(w.lower() for w in _WORD.findall(match.group("name")))
                & model.whimsical_words
            )
            if remit:
                bodies.setdefault(remit, " ".join(match.group().split()))
    return bodies


def _absurd_kicker(
    model: _Model, doc: Document, text: str, acts: list[tuple[int, str, str]]
) -> bool:
    """Whether the last paragraph of prose (metadata lines masked out of ``text``) tops the
    story with one more absurdity: an absurd act, a whimsical body, an official word
    (officialdom, an act, a body: "council") beside a mundane one that is not a date ("...
    extend it to yawning", "the moon was also being studied"), or a word of commerce beside
    something nobody owns ("a fee for sunsets is planned")."""
    for start, end in reversed(doc.paragraph_bounds()):
        paragraph = text[start:end]
        words = [w.lower() for w in _WORD.findall(paragraph)]
        if not words:
            continue
        if any(start <= position < end for position, _, _ in acts):
            return True
        if _whimsical_bodies(model, paragraph):
            return True
        present = set(words)
        mundane = present & model.mundane_targets - model.calendar_targets
        if present & model.unownable_targets and present & model.commercial_words:
            return True
        if mundane and present & model.official_words:
            return True
        return _escalation(model, doc, text)
    return False


def _escalation(model: _Model, doc: Document, text: str) -> bool:
    """Whether one of the closing paragraphs of prose names the next mundane thing the scheme
    will reach, in one sentence: "would extend it to the cutlery drawer", "fog is the obvious
    next step". Real news closes on the next date ("next week"), which is no target."""
    paragraphs = [
        (start, end) for start, end in doc.paragraph_bounds() if _WORD.search(text[start:end])
    ]
    for start, end in paragraphs[-model.escalation_paragraphs :]:
        clauses = _Clauses(model, text[start:end])
        escalated = mundane = False
        for i, word in enumerate([*clauses.words, "."]):
            if word in _SENTENCE_MARKS:
                if escalated and mundane:
                    return True
                escalated = mundane = False
            elif word in model.escalations:
                escalated = True
            elif word not in model.calendar_targets and clauses.is_target(i):
                mundane = True
    return False


_AGE_APPOSITION = re.compile(r"\b[A-Z][\w'’-]+,\s+(?:aged\s+)?\d{1,3},|\baged\s+\d{1,3}\b")
"""A private person introduced by age: "Derek Hollis, 62," or "aged 62"."""


def _put_upon_resident(model: _Model, doc: Document, text: str) -> bool:
    """Whether a paragraph introduces a private person by age ("Jean Marsh, 81,") and holds
    both a mundane thing that is not a date and a word of officialdom or commerce: the
    resident who tells in earnest of the cat's fine or the bill for the rain on her lawn. Real
    news introduces people by age too, a farmer who grew coffee, shot near his drying shed,
    with no fine or bill in sight; hence a flag, and a modest weight."""
    for start, end in doc.paragraph_bounds():
        paragraph = text[start:end]
        if not _AGE_APPOSITION.search(paragraph):
            continue
        clauses = _Clauses(model, paragraph)
        present = set(clauses.words)
        if not present & (model.official_words | model.commercial_words):
            continue
        if any(
            word not in model.calendar_targets and clauses.is_target(i)
            for i, word in enumerate(clauses.words)
        ):
            return True
    return False


def _label_lines(
    doc: Document, spans: Mapping[str, tuple[int, int]], model: _Model, *, tail: bool
) -> list[str]:
    """Lines of the first (and, with ``tail``, the last) paragraphs where an outlet may label
    a piece (a kicker, a disclaimer), less the headline (the title, or the first line when no
    title was found), which may be news about satire: see :func:`_headlines` for that."""
    paragraphs = doc.paragraph_bounds()
    chosen = paragraphs[: model.label_head_paragraphs]
    if tail and model.label_tail_paragraphs:
        chosen += paragraphs[-model.label_tail_paragraphs :]
    title = spans.get("title")
    first_line = len(doc.text) - len(doc.text.lstrip())
    lines: list[str] = []
    for start, end in dict.fromkeys(chosen):  # a short text's head and tail overlap
        position = start
        for line in doc.text[start:end].split("\n"):
            line_start = position
            position += len(line) + 1
            stripped = line.strip()
            in_title = title is not None and title[0] <= line_start < title[1]
            in_title = in_title or line_start + len(line) - len(line.lstrip()) == first_line
            if stripped and not in_title and len(stripped) <= model.label_line_chars:
                lines.append(stripped)
    return lines


def _section_names(doc: Document) -> list[str]:
    names = [doc.hints.get("section"), doc.hints.get("category")]
    return [name for name in names if isinstance(name, str)]


def _headlines(doc: Document) -> list[str]:
    """The title metadata found and the text's first line, which is where a headline sits."""
    first_line = doc.text.lstrip().split("\n", 1)[0]
    return [t.strip() for t in (doc.metadata.title, first_line) if t]


def _labelled(headlines: Iterable[str], patterns: Iterable[re.Pattern[str]]) -> bool:
    return any(p.search(h) for h in headlines for p in patterns)


def _satire_names(model: _Model, doc: Document, spans: Mapping[str, tuple[int, int]]) -> list[str]:
    """Where an outlet names itself or labels a piece: the outlet, the section hints and the
    short label lines (kickers, "Source: ..." lines) of the first and last paragraphs."""
    names = [doc.metadata.outlet, doc.hints.get("outlet"), *_section_names(doc)]
    for line in _label_lines(doc, spans, model, tail=True):
        if len(_WORD.findall(line)) <= model.kicker_words:
            names.append(line)
    return [name for name in names if isinstance(name, str)]


_URL_TAGS = re.compile(
    r"<(?:link|meta)\b[^>]*(?:rel\s*=\s*[\"']?canonical|property\s*=\s*[\"']?og:url)[^>]*>",
    re.IGNORECASE,
)


def _addresses(doc: Document) -> list[str]:
    """Where a document's web address may be: its source (a URL, or a saved page named after
    its site), URL hints, and an HTML page's canonical link and og:url tag."""
    found = [doc.source, *(doc.hints.get(k) for k in ("url", "canonical", "source_url"))]
    if doc.format == "html":
        found.extend(m.group() for m in _URL_TAGS.finditer(doc.source_text))
    return [a for a in found if isinstance(a, str)]


def _satire_outlet(model: _Model, doc: Document, spans: Mapping[str, tuple[int, int]]) -> bool:
    """A known satire outlet, by name (outlet metadata, a "Source: The Daily Mash" line) or
    by its site's domain in the document's address."""
    if any(model.satire_outlets.search(name) for name in _satire_names(model, doc, spans)):
        return True
    return any(model.satire_domains.search(address) for address in _addresses(doc))


def _satire_marker(model: _Model, doc: Document, spans: Mapping[str, tuple[int, int]]) -> bool:
    """The piece labelled satire: a kicker or section ("SATIRE"), a disclaimer line or a
    headline prefix."""
    for line in _label_lines(doc, spans, model, tail=True):
        if any(p.search(line) for p in model.satire_disclaimers):
            return True
    if any(model.satire_markers.search(name) for name in _satire_names(model, doc, spans)):
        return True
    return _labelled(_headlines(doc), model.satire_titles)


def _opinion_marker(model: _Model, doc: Document, spans: Mapping[str, tuple[int, int]]) -> bool:
    # Only a line that is nothing but the label counts: "Comment" as a kicker, not a sentence
    # that mentions a comment.
    # A letter's salutation ("Sir,") counts the same way: a line that is nothing else.
    labels = [*_section_names(doc), *_label_lines(doc, spans, model, tail=False)]
    if any(
        " ".join(label.lower().strip(" :|-–—,.").split()) in model.opinion_lines for label in labels
    ):
        return True
    return _labelled(_headlines(doc), model.opinion_titles)


def _scare_quotes(doc: Document, model: _Model, speech: _Intervals, non_body: _Intervals) -> int:
    """Short quoted fragments that are nobody's speech: the writer's irony ("peace")."""
    count = 0
    for found in find_direct_quotes(doc.text, doc.paragraph_bounds()):
        if found.start in speech or found.start in non_body:
            continue
        words = len(_WORD.findall(doc.text[found.start : found.end]))
        if 0 < words <= model.scare_quote_words:
            count += 1
    return count


def _technique_coverage(doc: Document) -> float:
    covered = _Intervals((t.start, t.end) for t in doc.techniques)
    length = sum(end - start for start, end in covered.spans())
    return length / len(doc.text) if doc.text else 0.0


def measure(doc: Document, model: _Model | None = None) -> dict[str, float]:
    """The genre features of ``doc`` (see the module docstring), unrounded."""
    model = model or _model()
    spans = metadata_spans(doc)
    non_body = _Intervals(not_prose_spans(doc))
    # An interview's questions and answers are speech the writer reports, as quotes are.
    quoted = _Intervals([*((q.start, q.end) for q in doc.quotes), *_interview_turns(doc)])
    outside = _Intervals([*non_body.spans(), *quoted.spans()])

    body_words = 0
    quoted_words = 0
    everyday: set[str] = set()
    official = 0
    words = 0
    previous: str | None = None
    counts = dict.fromkeys(
        ("first_singular", "first_plural", "second", "evaluative", "attribution"), 0
    )
    for start, word in _tokens(doc):
        if start in non_body:
            continue
        body_words += 1
        if word in model.everyday_objects:
            everyday.add(word)
        elif word in model.officialdom:
            official += 1
        if start in quoted:
            quoted_words += 1
            previous = None
            continue
        words += 1
        if word in model.first_singular:
            counts["first_singular"] += 1
        elif word in model.first_plural:
            counts["first_plural"] += 1
        elif word in model.second:
            counts["second"] += 1
        if word in model.evaluative:
            counts["evaluative"] += 1
        if word in model.attribution_verbs and previous not in model.stance_subjects:
            counts["attribution"] += 1
        previous = word

    # Phrases, marks and satire cues are matched on the text itself, so they do not depend on
    # how a tokenizer splits "let's" or "nation's".
    own_text = outside.mask(doc.text).replace("’", "'")
    body_text = non_body.mask(doc.text).replace("’", "'")
    counts["attribution"] += _count(model.according_to, own_text)

    features: dict[str, float] = {
        "words": float(words),
        "first_person_singular": _per_100(counts["first_singular"], words),
        "first_person_plural": _per_100(counts["first_plural"], words),
        "second_person": _per_100(counts["second"], words),
        "evaluative": _per_100(counts["evaluative"], words),
        "prescriptive": _per_100(_count(model.prescriptive, own_text), words),
        "editorial_voice": float(_count(model.editorial_voice, own_text)),
        "questions": _per_100(len(re.findall(r"\?+", own_text)), words),
        "exclamations": _per_100(len(re.findall(r"!+", own_text)), words),
        "hedges": _per_100(_count(model.hedges, own_text), words),
        "scare_quotes": _per_100(_scare_quotes(doc, model, quoted, non_body), words),
        "intensifiers": _per_100(_count(model.intensifiers, own_text), words),
        "quoted_share": quoted_words / body_words if body_words else 0.0,
        "attribution": _per_100(counts["attribution"], words),
        "time_references": _per_100(_count(model.time_references, own_text), words),
        "dateline": float(doc.metadata.dateline is not None),
    }
    if doc.nlp is not None:  # the quote annotator could run: a quoted share of 0 means none
        features["unsourced"] = float(features["quoted_share"] < model.unsourced_below)
    roles = list(doc.metadata.author_roles.values())
    newsroom = [bool(model.newsroom_roles.search(role)) for role in roles]
    features["newsroom_byline"] = float(
        any(newsroom) or any(kind in spans for kind in model.newsroom_spans)
    )
    features["author_title"] = float(not all(newsroom))  # all([]) is True: no role, no title
    if doc.techniques or doc.sentences:  # the technique tagger ran
        features["technique_coverage"] = _technique_coverage(doc)
    features["opinion_marker"] = float(_opinion_marker(model, doc, spans))
    features["satire_cues"] = _satire_cues(model, body_text)
    features["satire_marker"] = float(_satire_marker(model, doc, spans))
    features["satire_outlet"] = float(_satire_outlet(model, doc, spans))
    clauses = _Clauses(model, body_text)
    acts = clauses.acts()
    features["absurd_acts"] = float(len(acts))
    features["mundane_officialese"] = _per_100(clauses.mundane_official_sentences(acts), body_words)
    features["whimsical_bodies"] = float(len(_whimsical_bodies(model, body_text)))
    features["absurd_kicker"] = float(_absurd_kicker(model, doc, body_text, acts))
    features["put_upon_resident"] = float(_put_upon_resident(model, doc, body_text))
    wording = bundled_wording_model()
    if wording is not None:
        features["satire_wording"] = wording.logit(doc.text)
    features["everyday_objects"] = _per_100(len(everyday), body_words)
    features["officialdom"] = _per_100(official, body_words)
    features["incongruity"] = math.sqrt(features["everyday_objects"] * features["officialdom"])
    return features


def label_scores(
    features: Mapping[str, float], scoring: GenreWeights | None = None
) -> dict[str, float]:
    """Each label's linear score (:meth:`GenreWeights.contributions` plus its bias)."""
    scoring = scoring or genre_weights()
    return {
        label: scoring.weights[label].get("bias", 0.0)
        + sum(scoring.contributions(features, label).values())
        for label in LABELS
    }


def softmax(scores: Mapping[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exps = {label: math.exp(score - top) for label, score in scores.items()}
    total = sum(exps.values())
    return {label: value / total for label, value in exps.items()}


class GenreClassifier:
    """Sets ``doc.genre``. Reads metadata and quotes when they ran; techniques are optional."""

    name = "genre"

    def __init__(self, data_file: str = DATA_FILE) -> None:
        self.data_file = data_file

    def __call__(self, doc: Document) -> Document:
        model = _model(self.data_file)
        features = measure(doc, model)
        scores = label_scores(features, model.scoring)
        probabilities = softmax(scores)
        label = max(LABELS, key=lambda name: probabilities[name])
        reported = {name: round(value, 4) for name, value in features.items()}
        reported.update({f"score_{name}": round(value, 4) for name, value in scores.items()})
        doc.genre = Genre(label, round(probabilities[label], 4), reported)
        return doc
