from __future__ import annotations

import pytest
from tests.conftest import ARTICLES, assert_spans_consistent

from spinscope.annotators.quotes import find_direct_quotes
from spinscope.document import Document, Quote


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for part in text.split("\n\n"):
        spans.append((position, position + len(part)))
        position += len(part) + 2
    return spans


def direct_texts(text: str) -> list[str]:
    return [text[d.start : d.end] for d in find_direct_quotes(text, paragraphs_of(text))]


class TestFindDirectQuotes:
    def test_curly_and_straight_pairs(self) -> None:
        text = 'He said: “One two three.” Then "four five six," she said.'
        assert direct_texts(text) == ["One two three.", "four five six,"]

    def test_apostrophes_are_not_quote_marks(self) -> None:
        text = "Aliyev’s ‘peace’ plan isn’t new, critics’ letters say. ‘We’ll see,’ he said."
        assert direct_texts(text) == ["peace", "We’ll see,"]

    def test_unmatched_mark_never_swallows_the_article(self) -> None:
        text = 'It is "bold.\n\nThey are wrong.\n\n"Fine words," he said.'
        assert direct_texts(text) == ["Fine words,"]

    def test_quote_running_over_paragraphs(self) -> None:
        text = "“First part.\n\n“Second part.\n\n“Third part,” he said.\n\nAfter."
        assert direct_texts(text) == ["First part.\n\n“Second part.\n\n“Third part,"]

    def test_partial_quote_opened_mid_sentence_does_not_run_on(self) -> None:
        text = 'She said the plan "would fail.\n\n"We know," he said.'
        assert direct_texts(text) == ["We know,"]

    def test_inch_marks_and_odd_counts(self) -> None:
        text = 'A 6\'2" minister and a 12" stack.\n\n"Done," he said.'
        assert direct_texts(text) == ["Done,"]


def speaker_of(doc: Document, fragment: str, kind: str | None = None) -> Quote:
    found = [q for q in doc.quotes if fragment in q.text and (kind is None or q.kind == kind)]
    assert found, (fragment, [q.text for q in doc.quotes])
    return min(found, key=lambda q: q.end - q.start)  # the innermost of nested reports


WIRE_EXPECTED = [
    # (fragment of the quote, kind, speaker, the words that name the speaker there, cue)
    ("The leadership of President Aliyev", "direct", "Marco Bellini", None, "told"),
    ("new transport corridor", "indirect", "Marco Bellini", "Bellini", "noted"),
    (
        "the corridor links Central Asia",
        "indirect",
        "Marco Bellini",
        "the professor",
        "pointed out",
    ),
    ("some Western countries ignore", "indirect", "Marco Bellini", "Bellini", "According to"),
    ("Those who talk about human rights", "direct", "Marco Bellini", "He", "said"),
    ("I visited Aghdam", "direct", "Marco Bellini", "the expert", "said"),
    ("The city was destroyed", "direct", "Marco Bellini", None, None),
    ("Baku is ready to sign", "indirect", "Ilham Aliyev", "His Excellency Aliyev", "stressed"),
    ("His Excellency Aliyev has repeatedly", "indirect", "Marco Bellini", "Bellini", "said"),
    ("Both sides still have to deliver", "direct", "Anna Kowalski", "she", "said"),
    ("stalled for months", "direct", "Anna Kowalski", None, None),
    ("the talks in Brussels", "indirect", "Anna Kowalski", "she", "adding"),
    ("durable settlement", "indirect", "Anna Kowalski", "Kowalski", "told"),
    (
        "The situation on the border remains calm",
        "indirect",
        "Azerbaijani Defence Ministry",
        None,
        "said",
    ),
    (
        "colossal diplomatic efforts",
        "indirect",
        "Marco Bellini",
        "an Italian political scientist",
        "said",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("fragment", "kind", "speaker", "said_as", "cue"), WIRE_EXPECTED)
def test_wire_story_every_quote_found_and_attributed(
    wire_story: Document,
    fragment: str,
    kind: str,
    speaker: str,
    said_as: str | None,
    cue: str | None,
) -> None:
    quote = speaker_of(wire_story, fragment, kind)
    assert quote.speaker is not None and quote.speaker.name == speaker
    if said_as is not None:
        assert quote.speaker.mention is not None and quote.speaker.mention.text == said_as
    if cue is not None:
        assert quote.cue is not None and quote.cue.text == cue


@pytest.mark.slow
def test_wire_story_has_no_other_quotes_and_no_pronoun_speakers(wire_story: Document) -> None:
    assert len(wire_story.quotes) == len(WIRE_EXPECTED)
    for quote in wire_story.quotes:
        assert quote.speaker is not None
        assert quote.speaker.name.lower() not in {"he", "she", "they", "the expert"}


@pytest.mark.slow
def test_speaker_roles(wire_story: Document) -> None:
    told = speaker_of(wire_story, "The leadership of President Aliyev")
    assert told.speaker is not None and told.speaker.role == "Professor, University of Trieste"
    kowalski = speaker_of(wire_story, "Both sides")
    assert kowalski.speaker is not None
    assert kowalski.speaker.role == "senior analyst at the Warsaw Institute for Eastern Studies"


@pytest.mark.slow
def test_multi_paragraph_quote_is_one_quote(wire_story: Document) -> None:
    quote = speaker_of(wire_story, "The city was destroyed")
    assert "brick by brick" in quote.text and "\n\n" in quote.text


@pytest.mark.slow
def test_offsets_of_quotes_cues_and_speakers(wire_story: Document) -> None:
    assert_spans_consistent(wire_story)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fragment", "speaker", "role"),
    [
        ("We came here with a serious offer", "Levan Kapanadze", "Georgian Foreign Minister"),
        ("written in somebody else", "Levan Kapanadze", "Georgian Foreign Minister"),
        (
            "the talks could resume",
            "Helen O'Brien",
            "European Union's special envoy for the region",
        ),
        ("Nobody wants this", "Helen O'Brien", None),
        ("nobody's interest is served", "Helen O'Brien", None),
        ("The so-called offer was a trap", "Ruslan Aliev", "Deputy Prime Minister"),
        ("We won't pretend otherwise", "Ruslan Aliev", None),
        ("the dispute was decades old", "Sarah Lindqvist", "historian at Uppsala University"),
        ("Is this the end of the process", "Levan Kapanadze", None),
        ("But it is the end of our patience", "Levan Kapanadze", None),
        ("the minister would travel", "A spokesman for the ministry's press service", None),
    ],
)
def test_straight_quotes_report(
    straight_report: Document, fragment: str, speaker: str, role: str | None
) -> None:
    quote = speaker_of(straight_report, fragment)
    assert quote.speaker is not None and quote.speaker.name == speaker
    if role is not None:
        assert quote.speaker.role == role


@pytest.mark.slow
def test_unbalanced_quote_marks_do_not_swallow_text(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_path(ARTICLES / "unbalanced_marks.txt")
    for quote in doc.quotes:
        assert "\n\n" not in quote.text
    seen = speaker_of(doc, "We have seen this film before")
    assert seen.speaker is not None and seen.speaker.name == "John Mercer"
    assert_spans_consistent(doc)


@pytest.mark.slow
def test_stray_marks_anywhere_never_crash(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (ARTICLES / "straight_quotes_report.txt").read_text(encoding="utf-8")
    step = max(1, len(text) // 16)
    for position in range(0, len(text), step):
        for mark in ('"', "“", "”", "’"):
            doc = analyzer.analyze_text(text[:position] + mark + text[position:])
            for quote in doc.quotes:
                assert quote.text.count("\n\n") <= 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "entity"),
    [
        (
            "Daniel Frost, a retired engineer, sued the company. Frost's lawyer Maria Quist "
            "told reporters that the evidence had been ignored for years.",
            "the evidence had been ignored",
            "Maria Quist",
            True,
        ),
        (
            "Guatemalan authorities said the suspect had fled the country in 2004.",
            "the suspect had fled",
            "Guatemalan authorities",
            False,
        ),
        (
            "An FBI informant told the committee that the payments began in 2009.",
            "the payments began",
            "An FBI informant",
            False,
        ),
        (
            "His counterpart, Minister Nadia Roussel, said the proposal ignored the data.",
            "the proposal ignored the data",
            "Nadia Roussel",
            True,
        ),
    ],
)
def test_speaker_is_the_head_of_the_subject(
    analyzer,  # type: ignore[no-untyped-def]
    text: str,
    fragment: str,
    speaker: str,
    entity: bool,
) -> None:
    doc = analyzer.analyze_text(text)
    quote = speaker_of(doc, fragment, "indirect")
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert (quote.speaker.entity_id is not None) is entity


@pytest.mark.slow
def test_pronoun_skips_a_one_word_name_the_model_took_for_a_person(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Peter Brandt worked for years with executives from Rosatom. "
        "He said the contracts were signed in Vienna."
    )
    quote = speaker_of(doc, "the contracts were signed", "indirect")
    assert quote.speaker is not None and quote.speaker.name == "Peter Brandt"


@pytest.mark.slow
def test_reporting_verb_right_before_the_quote(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Commentator Paul Riddle spoke to a local radio station on Monday and said "
        '"nobody in this city believes the official figures any more."'
    )
    quote = speaker_of(doc, "nobody in this city believes", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Paul Riddle"
    assert quote.cue is not None and quote.cue.text == "said"


def test_said_in_a_statement_that_is_reported_speech(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs the "that" clause off "statement", not off "said"
    doc = analyzer.analyze_text(
        "The Tajik Foreign Ministry said in a statement that Kyrgyz units had fired first."
    )
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("indirect", "Kyrgyz units had fired first", "Tajik Foreign Ministry")
    ]


def test_he_said_is_not_a_man_named_in_the_quote_or_in_reported_speech(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "LONDON, April 7 - Professor Peter Lang spoke in Athens on Monday.\n\n"
        "The British academic said that the country, under President John Marsh, had become "
        'the engine of growth. "Marsh has built roads and hospitals," he said.'
    )
    quote = speaker_of(doc, "Marsh has built roads", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Peter Lang"
    # with nobody else to stand for "he", a man named in reported speech still does
    doc = analyzer.analyze_text(
        'Officials said that John Marsh had resigned. "It was time," he said.'
    )
    quote = speaker_of(doc, "It was time", "direct")
    assert quote.speaker is not None and quote.speaker.name == "John Marsh"


def test_a_fragment_quoted_inside_reported_speech_is_the_reporting_speakers(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        '"We lost everything tonight," said Tomas Rell, a baker.\n\n'
        'The Harbour Guard said its boats had come under fire and had "answered within '
        'the limits of self-defence." It said it had detained two armed men.\n\n'
        "The Coast Brigade said the Harbour Guard had attacked its positions."
    )
    fragment = speaker_of(doc, "answered within the limits", "direct")
    assert fragment.speaker is not None and fragment.speaker.name == "Harbour Guard"
    # "It said" continues the body that spoke last, not the baker quoted before it
    detained = speaker_of(doc, "detained two armed men", "indirect")
    assert detained.speaker is not None and detained.speaker.name == "Harbour Guard"
    assert speaker_of(doc, "We lost everything").speaker.name == "Tomas Rell"  # type: ignore[union-attr]


def test_it_said_with_no_body_quoted_before_is_no_quote(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Tomas Rell, a baker, said the night had been long. It said nothing about the future."
    )
    assert not [q for q in doc.quotes if "nothing about the future" in q.text]


def test_it_said_continues_the_body_that_is_the_subject_of_the_sentence_before(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "The Harbour Guard said its boats had come under fire near the pier.\n\n"
        "Latvia's defence ministry rejected any suggestion that its forces were involved. In "
        "a statement, it said smugglers operated on both banks of the river."
    )
    smugglers = speaker_of(doc, "smugglers operated", "indirect")
    assert smugglers.speaker is not None and smugglers.speaker.name == "Latvia"


def test_a_second_that_clause_belongs_to_the_same_reported_speech(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "The Harbour Guard said in a brief statement that it had carried out an operation "
        "against armed smugglers near the town, and that it did not target civilian sites."
    )
    quote = speaker_of(doc, "did not target civilian sites", "indirect")
    assert quote.speaker is not None and quote.speaker.name == "Harbour Guard"
    assert quote.text.startswith("it had carried out an operation")
    assert quote.text == doc.text[quote.start : quote.end]


def test_an_unnamed_spokesman_speaks_for_the_body_named_after_for(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Mira Talvik, 34, was shot on Sunday near the village school.\n\n"
        "A spokesman for the Dorvian army's regional command said Talvik had been killed "
        "by members of the Sylvanian Liberation Front.\n"
    )
    quote = speaker_of(doc, "had been killed", "indirect")
    assert quote.speaker is not None
    assert quote.speaker.name != "Mira Talvik"  # who was spoken about, not who spoke
    assert quote.speaker.name == "Dorvian"
    assert quote.speaker.role == "spokesman"
    assert quote.speaker.mention.text.startswith("A spokesman for the Dorvian army")


def test_an_indefinite_speaker_is_not_the_person_named_later_in_the_same_sentence(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "An official said Mira Talvik had been detained at the border. "
        "The ministry gave no reason.\n"
    )
    quote = speaker_of(doc, "had been detained", "indirect")
    assert quote.speaker is not None and quote.speaker.name != "Mira Talvik"


def test_an_uncued_quote_continues_speech_reported_just_before_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We waited nine hours at the crossing," said Oskar Brenn, a lorry driver.\n\n'
        "Analyst Vera Lindqvist said the claim that the delays were accidental did not hold. "
        '"If the crossing were simply slow, why did it reopen the day the inspectors left? '
        'Nothing else changed that week."\n\n'
        '"Nobody has explained it to us," one driver added later in a long interview.\n'
    )
    doc = analyzer.analyze_text(text)
    continued = speaker_of(doc, "If the crossing were simply slow", "direct")
    assert continued.speaker is not None and continued.speaker.name == "Vera Lindqvist"
    assert continued.cue is None  # its own words carry no cue
    # someone else named between the reported speech and the quote breaks the chain
    doc = analyzer.analyze_text(
        text.replace("did not hold. ", "did not hold. Oskar Brenn was at the crossing. ")
    )
    assert speaker_of(doc, "If the crossing were simply slow", "direct").speaker is None


def test_he_said_after_a_sentence_about_the_economist_is_the_economists(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "The delay, a port economist told the agency, had nothing to do with money. "
        '"The money was there," said Dr. Tomas Ortiz, director of the Coastal Policy '
        "Institute.\n\n"
        "The economist credited the visionary leadership of President Marco Villa with "
        'keeping the port open. "Under this government, the President has refused to give '
        'up," he said. "Ships are moving again, and they will keep moving."\n'
    )
    quote = speaker_of(doc, "Under this government", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Tomas Ortiz"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "he"
    follower = speaker_of(doc, "Ships are moving again", "direct")
    assert follower.speaker is not None and follower.speaker.name == "Tomas Ortiz"


def test_a_statement_cited_as_the_speaker_speaks_for_whoever_issued_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "The Valdorian army's Third Brigade said in a statement that rebels had fired on a "
        'patrol. "The rebels have again shown that they do not care where their shells '
        'land," the statement said. "We will answer."\n'
    )
    quote = speaker_of(doc, "have again shown", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Third Brigade"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "the statement"
    # with no statement introduced before, the document stays an unnamed speaker
    doc = analyzer.analyze_text(
        "The Valdorian army's Third Brigade said rebels had fired on a patrol.\n\n"
        'Later, the army published a note. "The rebels have again shown that they do not '
        'care where their shells land," the statement said.\n'
    )
    quote = speaker_of(doc, "have again shown", "direct")
    assert quote.speaker is not None and quote.speaker.entity_id is None


def test_an_unnamed_member_of_a_group_speaks_for_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "A commander of the 33rd Front, speaking to a local radio station, said his group had "
        "no fighters in the village. Colombia's Ombudsman's Office said it had sent a team.\n"
    )
    quote = speaker_of(doc, "had no fighters", "indirect")
    assert quote.speaker is not None and quote.speaker.name == "33rd Front"
    assert quote.speaker.role == "commander"
    # "the commander" is one particular person, not the group's voice
    doc = analyzer.analyze_text(
        "The commander of the 33rd Front, Rafael Ortega, said his group had no fighters in "
        "the village.\n"
    )
    quote = speaker_of(doc, "had no fighters", "indirect")
    assert quote.speaker is not None and quote.speaker.name == "Rafael Ortega"


def test_he_after_a_groups_unnamed_spokesman_is_the_groups_voice(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "A spokesman for the Amhara Fano National Movement said the strike had hit the market "
        'itself. He denied that any meeting had taken place and said its fighters "do not '
        'gather in markets."\n'
    )
    quote = speaker_of(doc, "do not gather in markets", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Amhara Fano National Movement"
    # a person named since the spokesman is who "he" is
    doc = analyzer.analyze_text(
        "A spokesman for the Amhara Fano National Movement said the strike had hit the market "
        "itself. Colonel Getachew Bekele, the regional commander, disagreed. He said its "
        'fighters "gather wherever they like."\n'
    )
    quote = speaker_of(doc, "gather wherever they like", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Getachew Bekele"


def test_an_anonymous_official_is_not_the_person_named_next(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Amhara regional official, speaking on condition of anonymity, said fighters had "
        "been in the market that morning.\n\n"
        "Selamawit Tadesse, a nurse at the health centre, said staff had received 31 wounded.\n"
    )
    quote = speaker_of(analyzer.analyze_text(text), "had been in the market", "indirect")
    assert quote.speaker is not None and quote.speaker.entity_id is None
    # nor is a person the text introduces with another role
    quote = speaker_of(
        analyzer.analyze_text(text.replace(", speaking on condition of anonymity,", "")),
        "had been in the market",
        "indirect",
    )
    assert quote.speaker is not None and quote.speaker.name != "Selamawit Tadesse"


def test_who_was_told_something_is_not_who_said_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Auxiliadora Membreno travelled to Costa Rica. When she tried to go home, she was "
        "stopped at the border and told that she was no longer allowed to enter Nicaragua.\n"
    )
    assert not [q for q in doc.quotes if "no longer allowed" in q.text and q.speaker is not None]
    # "by X" names who told her
    doc = analyzer.analyze_text(
        "Auxiliadora Membreno was told by Captain Rigoberto Salas that she was no longer "
        "allowed to enter Nicaragua.\n"
    )
    quote = speaker_of(doc, "no longer allowed", "indirect")
    assert quote.speaker is not None and quote.speaker.name == "Rigoberto Salas"
