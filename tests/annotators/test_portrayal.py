"""Portrayal: hero, villain and victim, with evidence that points back into the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.annotators.portrayal import (
    _Found,
    _inflections,
    _Referent,
    _technique_evidence,
    lexicon,
)
from spinscope.document import Document, Entity, Portrayal, TechniqueSpan
from spinscope.pipeline import Analyzer

PORTRAYAL_SET = Path(__file__).resolve().parents[1] / "data" / "portrayal"
PIPELINE = ("language", "metadata", "entities", "quotes", "portrayal")


@pytest.fixture(scope="module")
def reader() -> Analyzer:
    # Without the technique model: portrayal must stand on the parse and the lexicons alone.
    return Analyzer(pipeline=PIPELINE)


def by_name(doc: Document, name: str) -> Portrayal:
    for record in doc.portrayal:
        if record.name == name:
            return record
    raise AssertionError(f"{name} not portrayed; got {[p.name for p in doc.portrayal]}")


def assert_evidence_in_place(doc: Document) -> None:
    for record in doc.portrayal:
        for piece in record.evidence:
            assert piece.text == doc.text[piece.start : piece.end]
            assert doc.offsets.to_source(piece.start, piece.end) == (
                piece.source_start,
                piece.source_end,
            )


def test_wire_story_casts_the_praised_leader_and_the_blamed_neighbour(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_path(Path("examples/wire_story.txt"))
    aliyev = by_name(doc, "Ilham Aliyev")
    armenia = by_name(doc, "Armenia")
    assert aliyev.role == "protagonist" and aliyev.tone > 0.3
    assert armenia.role == "antagonist" and armenia.tone < -0.3
    assert any("colossal" in piece.text for piece in aliyev.evidence)
    # "the Yerevan leadership keeps looking for excuses" is blame on Armenia
    assert any(piece.text == "excuses" for piece in armenia.evidence)
    # what the quoted expert says carries his name
    assert {piece.speaker for piece in aliyev.evidence} >= {"Marco Bellini"}
    assert by_name(doc, "Anna Kowalski").role == "neutral"
    assert_evidence_in_place(doc)


def test_nationalities_capitals_and_metonyms_fold_into_their_country(reader: Analyzer) -> None:
    text = (
        "Armenian forces shelled the village again on Monday, the ministry said. "
        "The Yerevan leadership has shown nothing but belligerence. "
        "Armenia signed nothing.\n\nThe Kremlin urged restraint. Russia sent observers."
    )
    doc = reader.analyze_text(text)
    names = [record.name for record in doc.portrayal]
    assert names.count("Armenia") == 1 and "Yerevan" not in names and "Armenian" not in names
    assert names.count("Russia") == 1 and "Kremlin" not in names
    armenia = by_name(doc, "Armenia")
    assert armenia.role == "antagonist"
    kinds = {piece.text: piece.kind for piece in armenia.evidence}
    assert kinds.get("belligerence") == "blame"
    assert any(text.startswith("shelled") for text in kinds)


def test_harm_done_to_a_named_place_makes_it_a_victim(reader: Analyzer) -> None:
    text = (
        "Tajikistan's forces shelled Batken for two days. Batken was destroyed, and its hospital "
        "was hit. Residents of Batken have suffered more than anyone."
    )
    doc = reader.analyze_text(text)
    batken = by_name(doc, "Batken")
    assert batken.role == "innocent"
    assert {piece.kind for piece in batken.evidence} == {"harm"}
    assert by_name(doc, "Tajikistan").role == "antagonist"


def test_negation_turns_praise_around(reader: Analyzer) -> None:
    praised = reader.analyze_text("President Milan Horvat is a wise and tireless statesman.")
    denied = reader.analyze_text("President Milan Horvat is not a wise or tireless statesman.")
    assert by_name(praised, "Milan Horvat").role == "protagonist"
    assert by_name(denied, "Milan Horvat").tone < 0 < by_name(praised, "Milan Horvat").tone


def test_pronouns_carry_evidence_to_the_person_they_stand_for(reader: Analyzer) -> None:
    text = (
        "Professor Daniel Reyes spoke about Mayor Ana Costa. "
        '"She is a woman of rare wisdom and courage," Reyes said.'
    )
    doc = reader.analyze_text(text)
    costa = by_name(doc, "Ana Costa")
    assert costa.role == "protagonist"
    assert any(piece.text.endswith("wisdom") or piece.text == "wisdom" for piece in costa.evidence)
    assert all(piece.speaker == "Daniel Reyes" for piece in costa.evidence)
    assert by_name(doc, "Daniel Reyes").role == "neutral"  # the speaker is not the subject


def test_the_speaker_of_a_first_person_quote_is_the_one_who_suffers(reader: Analyzer) -> None:
    text = (
        'Rasheeda Bibi waded through the water with her children. "We lost everything, '
        'our house collapsed and my goats drowned," Bibi said.'
    )
    doc = reader.analyze_text(text)
    assert by_name(doc, "Rasheeda Bibi").role == "innocent"


def test_one_partys_accusation_is_not_the_texts_verdict(reader: Analyzer) -> None:
    text = (
        "Armenia accused Azerbaijan of violating the ceasefire on Tuesday. "
        "Azerbaijan accused Armenia of provocations. Both sides said talks would go on."
    )
    doc = reader.analyze_text(text)
    assert {record.role for record in doc.portrayal} == {"neutral"}


NEUTRAL_REPORTS = sorted(
    [
        *PORTRAYAL_SET.glob("neutral_*.txt"),
        *PORTRAYAL_SET.parent.glob("portrayal_heldout/neutral_*"),
    ]
)


@pytest.mark.parametrize("path", NEUTRAL_REPORTS, ids=lambda path: path.name)
def test_neutral_reports_cast_nobody_as_antagonist(reader: Analyzer, path: Path) -> None:
    doc = reader.analyze_path(path)
    villains = [record.name for record in doc.portrayal if record.role == "antagonist"]
    assert villains == []
    assert_evidence_in_place(doc)


def test_every_entity_gets_one_record_with_a_tone_in_range(reader: Analyzer) -> None:
    doc = reader.analyze_path(PORTRAYAL_SET / "kabar_batken_expert.txt")
    ids = [record.entity_id for record in doc.portrayal]
    assert len(ids) == len(set(ids))
    for record in doc.portrayal:
        assert -1.0 <= record.tone <= 1.0
        assert record.role in {"protagonist", "antagonist", "innocent", "neutral"}
        assert len(record.evidence) <= lexicon().decision["maximum_evidence"]


def test_document_without_entities_gets_no_portrayal(reader: Analyzer) -> None:
    doc = reader.analyze_text("it rained all day and nobody went out.")
    assert doc.portrayal == []
    assert json.loads(doc.to_json())["portrayal"] == []


def test_verbs_match_in_their_inflections() -> None:
    assert {"shells", "shelled", "shelling"} <= _inflections("shell")
    assert {"targeted", "destroys", "displaced", "dying"} <= (
        _inflections("target") | _inflections("destroy") | _inflections("displace")
        | _inflections("die")
    )  # fmt: skip
    forms = lexicon().harm_verbs
    assert {"killed", "shot", "drove out", "driving out"} <= set(forms)
    assert "shelter" not in forms and "lies" not in lexicon().obstruct_verbs


def test_who_lays_blame_is_not_blamed_and_a_demand_is_not_a_deed(reader: Analyzer) -> None:
    text = (
        "Speaking after the attack, Professor Kerem Aydin laid the blame for the massacre "
        "on the Balochistan Liberation Army. The United Nations called on the Balochistan "
        "Liberation Army to end its siege of the town."
    )
    doc = reader.analyze_text(text)
    assert by_name(doc, "Kerem Aydin").role == "neutral"
    army = by_name(doc, "Balochistan Liberation Army")
    assert army.role == "antagonist"
    assert all(piece.weight < 0 for piece in army.evidence)  # never praised for "ending" it
    assert by_name(doc, "United Nations").role == "neutral"


def test_a_city_that_lies_near_a_border_and_is_hit_by_missiles_is_a_victim(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        "Kharkiv, Ukraine's second city, lies near the border and has been hit by missiles "
        "almost daily."
    )
    kharkiv = by_name(doc, "Kharkiv")
    assert kharkiv.role == "innocent"
    assert [piece.kind for piece in kharkiv.evidence] == ["harm"]


def test_a_description_with_as_and_hyphenated_praise_count(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Professor Luca Ferri described President Abdel Fattah al-Sisi as the guarantor of "
        "water security. President Sisi's far-sighted water strategy has protected Egypt."
    )
    sisi = by_name(doc, "Abdel Fattah al-Sisi")
    assert sisi.role == "protagonist"
    texts = [piece.text for piece in sisi.evidence]
    assert "guarantor" in texts and any("far-sighted" in text for text in texts)
    assert by_name(doc, "Luca Ferri").role == "neutral"


def test_a_harm_the_subject_goes_through_is_not_one_it_does(reader: Analyzer) -> None:
    led = reader.analyze_text(
        "President Nicolas Maduro has led the people through the harshest siege in history."
    )
    prepared = reader.analyze_text("The Tajik side had prepared the attack for weeks.")
    assert by_name(led, "Nicolas Maduro").role == "neutral"
    assert by_name(prepared, "Tajikistan").role == "antagonist"


def test_it_and_they_continue_the_subject_before_them(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The Kremlin is waging a war on its neighbour. It burns grain every week. "
        "Armenian forces entered the valley. They destroyed the school."
    )
    assert any(piece.text == "burns grain" for piece in by_name(doc, "Russia").evidence)
    assert any(piece.text.startswith("destroyed") for piece in by_name(doc, "Armenia").evidence)


def test_it_is_not_guessed_when_the_trail_is_broken_or_it_stands_for_nothing(
    reader: Analyzer,
) -> None:
    broken = reader.analyze_text(
        "Moldova signed the deal. The old bridge collapsed last year. It destroyed a road."
    )
    expletive = reader.analyze_text("Moldova signed the deal. It is clear that it will help.")
    shared = reader.analyze_text(
        "Kyrgyzstan and Tajikistan accused each other of starting the fight. "
        "They destroyed a bridge."
    )
    assert by_name(broken, "Moldova").evidence == []
    assert by_name(expletive, "Moldova").evidence == []
    assert {record.role for record in shared.portrayal} == {"neutral"}


def test_blame_carried_by_nouns_names_the_one_to_blame(reader: Analyzer) -> None:
    texts = [
        "Responsibility for the escalation lies entirely with Tajikistan.",
        "The provocations by Tajikistan continued all week.",
        "The region suffers from Tajikistan's policy of aggression.",
    ]
    for text in texts:
        tajikistan = by_name(reader.analyze_text(text), "Tajikistan")
        assert tajikistan.role == "antagonist", text
        assert all(piece.kind == "blame" for piece in tajikistan.evidence)


def test_what_comes_under_a_leaders_leadership_or_thanks_to_him_is_his(
    reader: Analyzer,
) -> None:
    texts = [
        "Under the leadership of President Rafael Mendo, the country has achieved growth.",
        "The harvest was saved thanks to President Rafael Mendo.",
        "President Rafael Mendo deserves credit for the new bridge.",
    ]
    for text in texts:
        assert by_name(reader.analyze_text(text), "Rafael Mendo").role == "protagonist", text
    ruled = reader.analyze_text("Under Rafael Mendo's rule, thousands of villagers were killed.")
    assert by_name(ruled, "Rafael Mendo").role == "antagonist"


def test_someone_counted_among_the_harmed_is_a_victim(reader: Analyzer) -> None:
    for text in (
        "Among those injured was Tomas Varga, a crane operator.",
        "Tomas Varga was among those killed in the raid.",
    ):
        assert by_name(reader.analyze_text(text), "Tomas Varga").role == "innocent", text
    present = reader.analyze_text("Tomas Varga was among those who attended the talks.")
    assert by_name(present, "Tomas Varga").role == "neutral"


def test_wishing_harm_on_others_is_blame_and_wishing_to_escape_is_not(
    reader: Analyzer,
) -> None:
    wished = reader.analyze_text("India wants to see the province burn.")
    assert by_name(wished, "India").role == "antagonist"
    fleeing = reader.analyze_text("Lina Haddad wants to flee the city with her children.")
    assert by_name(fleeing, "Lina Haddad").role == "neutral"


def test_a_partys_accusation_through_its_officials_counts_half(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Moldova went to the council, and its diplomats went to Geneva and blamed Ukraine "
        "for the shortage."
    )
    # half of what "He blamed Ukraine" would weigh: the claim is Moldova's
    assert [round(piece.weight, 2) for piece in by_name(doc, "Ukraine").evidence] == [-0.4]


def test_keeping_a_country_out_of_wars_is_praise_but_fleeing_a_war_is_not(
    reader: Analyzer,
) -> None:
    kept = reader.analyze_text("President Erik Lund has kept the country out of the wars.")
    assert by_name(kept, "Erik Lund").role == "protagonist"
    fled = reader.analyze_text("Amina Said fled from the war with her children.")
    assert all(piece.kind == "harm" for piece in by_name(fled, "Amina Said").evidence)


def test_paying_for_a_choice_is_suffering_not_a_fault(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Montenegro chose its own alliances. It paid for that choice with months of chaos."
    )
    montenegro = by_name(doc, "Montenegro")
    assert montenegro.role != "antagonist"
    assert [piece.kind for piece in montenegro.evidence] == ["harm"]


def test_joined_adjectives_of_a_description_all_count(reader: Analyzer) -> None:
    doc = reader.analyze_text("Norway has proven itself a sincere and reliable partner.")
    texts = [piece.text for piece in by_name(doc, "Norway").evidence]
    assert any("reliable" in text for text in texts)
    assert by_name(doc, "Norway").role == "protagonist"


def kinds_of(record: Portrayal) -> dict[str, str]:
    return {piece.text: piece.kind for piece in record.evidence}


def test_the_head_noun_of_a_description_governs_its_adjectives_and_complement(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("Viktor Halas is the greatest obstacle to dialogue and peace.")
    halas = by_name(doc, "Viktor Halas")
    assert halas.tone < 0
    assert all(piece.kind == "blame" for piece in halas.evidence)
    assert any("obstacle" in piece.text for piece in halas.evidence)
    # a praising head with a superlative stays praise
    doc = reader.analyze_text("Viktor Halas is the greatest champion of dialogue.")
    assert by_name(doc, "Viktor Halas").role == "protagonist"


def test_praise_words_in_the_complement_of_a_threat_are_not_praise(reader: Analyzer) -> None:
    doc = reader.analyze_text("Analysts say Norway has become a threat to stability and peace.")
    norway = by_name(doc, "Norway")
    assert "praise" not in kinds_of(norway).values()
    doc = reader.analyze_text("Analysts say Norway has become a guarantor of stability.")
    assert "praise" in kinds_of(by_name(doc, "Norway")).values()


def test_responsible_for_harm_is_blame_and_a_responsible_partner_is_praise(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("The expert held Norway directly responsible for the shelling.")
    assert "blame" in kinds_of(by_name(doc, "Norway")).values()
    doc = reader.analyze_text("Norway has been a responsible partner for years.")
    assert "blame" not in kinds_of(by_name(doc, "Norway")).values()


def test_a_named_apposition_shares_what_is_done_to_the_noun_it_names(reader: Analyzer) -> None:
    text = (
        "One fisherman, 52-year-old Tomas Reyna, suffered a broken arm. "
        "A schoolteacher, Lina Dovak, 38, was killed when a shell struck her courtyard."
    )
    doc = reader.analyze_text(text)
    assert by_name(doc, "Tomas Reyna").role == "innocent"
    assert by_name(doc, "Lina Dovak").role == "innocent"
    doc = reader.analyze_text("A spokeswoman, Lina Dovak, said the talks would resume.")
    assert by_name(doc, "Lina Dovak").role == "neutral"


def test_one_of_the_wounded_and_a_wounded_person_are_harmed(reader: Analyzer) -> None:
    doc = reader.analyze_text("One of the wounded, Tomas Reyna, was taken to a hospital.")
    assert by_name(doc, "Tomas Reyna").role == "innocent"
    doc = reader.analyze_text("Doctors treated the wounded Tomas Reyna for a week.")
    assert by_name(doc, "Tomas Reyna").role == "innocent"
    doc = reader.analyze_text("One of the organisers, Tomas Reyna, opened the festival.")
    assert by_name(doc, "Tomas Reyna").role == "neutral"


def test_harm_to_a_village_of_a_place_or_its_people_makes_the_place_a_victim(
    reader: Analyzer,
) -> None:
    text = (
        "Troops opened fire with mortars on the army posts and on the village of Orlevo. "
        "Gunmen fired at a group of boats from Kalamata. "
        "A resident of the village of Dobrin was seriously wounded."
    )
    doc = reader.analyze_text(text)
    for place in ("Orlevo", "Kalamata", "Dobrin"):
        assert by_name(doc, place).role == "innocent", place
    text = (
        "Volunteers opened a clinic in the village of Orlevo. Pensioners from Kalamata visited "
        "the museum. Floods hit Pakistan's Sindh province."
    )
    doc = reader.analyze_text(text)
    assert by_name(doc, "Orlevo").role == "neutral"
    assert by_name(doc, "Kalamata").role == "neutral"
    assert by_name(doc, "Pakistan").role == "neutral"


def test_opening_fire_harms_the_target_without_blaming_the_side_said_to_fire(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("Norway's ministry said Swedish troops had opened fire.")
    assert by_name(doc, "Sweden").role == "neutral"


def test_a_place_left_to_bleed_suffers(reader: Analyzer) -> None:
    doc = reader.analyze_text("For thirty years the old parties left Soyapango to bleed.")
    assert by_name(doc, "Soyapango").role == "innocent"


def test_casting_ones_own_deal_as_an_achievement_is_not_praise(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Norway presented its truce with the gangs as a great humanitarian achievement."
    )
    assert "praise" not in kinds_of(by_name(doc, "Norway")).values()
    doc = reader.analyze_text("Norway achieved a great humanitarian achievement.")
    assert "praise" in kinds_of(by_name(doc, "Norway")).values()


def test_making_a_country_respected_praises_it(reader: Analyzer) -> None:
    text = "Prime Minister Lars Hovde spoke on Monday. He has made Norway respected."
    doc = reader.analyze_text(text)
    assert "praise" in kinds_of(by_name(doc, "Norway")).values()


def test_losing_something_not_ones_own_is_weaker_than_losing_ones_home(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("Chile lost access to the sea in 1884.")
    assert by_name(doc, "Chile").role == "neutral"
    doc = reader.analyze_text("Maria Lopez lost her home and her orchard in the flood.")
    assert by_name(doc, "Maria Lopez").role == "innocent"


def test_what_one_is_accused_of_adds_blame_unless_a_named_party_accuses(
    reader: Analyzer,
) -> None:
    text = (
        "Professor Ivan Petrov spoke on Monday. He accused Viktor Halas and his ministers "
        "of deliberately provoking incidents."
    )
    doc = reader.analyze_text(text)
    halas = kinds_of(by_name(doc, "Viktor Halas"))
    assert halas.get("of deliberately provoking incidents") == "blame"
    doc = reader.analyze_text("Sweden accused Norway of provoking incidents.")
    assert list(kinds_of(by_name(doc, "Norway")).values()) == ["blame"]


def test_dismantling_institutions_is_blame(reader: Analyzer) -> None:
    doc = reader.analyze_text("President Viktor Halas has dismantled the courts.")
    assert by_name(doc, "Viktor Halas").role == "antagonist"


def test_more_praise_than_harm_is_not_a_victim(reader: Analyzer) -> None:
    text = (
        "Norway is a wise, reliable and generous partner and a model for the region. "
        "Its embassy was hit."
    )
    assert by_name(reader.analyze_text(text), "Norway").role == "protagonist"
    doc = reader.analyze_text("Norway is a reliable partner. Its embassy was hit.")
    assert by_name(doc, "Norway").role == "innocent"


def test_a_technique_over_a_weak_word_alone_adds_nothing() -> None:
    entity = Entity("e1", "Ana Ruiz", "PERSON")
    words = lexicon()
    span = TechniqueSpan(0, 20, 0, 20, "nervous about it", "Loaded_Language", 0.9)
    weak = _Referent(entity, [entity], [_Found(0, 7, "blame", -0.05)])
    assert _technique_evidence(weak, [span], words) == []
    strong = _Referent(entity, [entity], [_Found(0, 7, "blame", -0.6)])
    assert [found.kind for found in _technique_evidence(strong, [span], words)] == ["technique"]


def test_a_named_apposition_keeps_its_own_relative_clause(reader: Analyzer) -> None:
    text = "A neighbour, Serhii Tkachenko, whose flat was destroyed, said he had moved away."
    assert by_name(reader.analyze_text(text), "Serhii Tkachenko").role == "innocent"
    text = "A neighbour, Serhii Tkachenko, whose flat was renovated, said he had moved away."
    assert by_name(reader.analyze_text(text), "Serhii Tkachenko").role == "neutral"


def test_the_good_one_works_against_is_not_ones_merit(reader: Analyzer) -> None:
    doc = reader.analyze_text("Norway undermined stability and peace in the region.")
    assert "praise" not in kinds_of(by_name(doc, "Norway")).values()
    doc = reader.analyze_text("Norway brought stability and peace to the region.")
    assert "praise" in kinds_of(by_name(doc, "Norway")).values()


def test_being_locked_up_is_harm(reader: Analyzer) -> None:
    doc = reader.analyze_text("Lina Dovak has now spent eleven months in prison.")
    assert by_name(doc, "Lina Dovak").role == "innocent"
    doc = reader.analyze_text("Lina Dovak has now spent eleven months in Portugal.")
    assert by_name(doc, "Lina Dovak").role == "neutral"


def test_a_speakers_praise_of_itself_is_a_claim_but_its_suffering_counts(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text('"We will protect our sovereignty and our people," Lars Hovde said.')
    assert "praise" not in kinds_of(by_name(doc, "Lars Hovde")).values()
    doc = reader.analyze_text('"We lost everything and our house collapsed," Lars Hovde said.')
    assert by_name(doc, "Lars Hovde").role == "innocent"


def test_the_tone_of_what_someone_says_does_not_cast_the_speaker(reader: Analyzer) -> None:
    text = "Ivan Petrov spoke on Monday. The economist reserved his harshest words for Oslo."
    doc = reader.analyze_text(text)
    assert "blame" not in kinds_of(by_name(doc, "Ivan Petrov")).values()
    doc = reader.analyze_text("Ivan Petrov's hateful words shocked the town.")
    assert "blame" in kinds_of(by_name(doc, "Ivan Petrov")).values()


def test_a_leaders_title_lends_the_state_part_of_the_leaders_portrayal(reader: Analyzer) -> None:
    text = (
        "Norwegian Prime Minister Lars Hovde is a wise and courageous statesman, a model for "
        "the region. Norway held talks on Monday."
    )
    doc = reader.analyze_text(text)
    assert by_name(doc, "Lars Hovde").role == "protagonist"
    assert "praise" in kinds_of(by_name(doc, "Norway")).values()
    # a former leader, or a leader the title ties to no state, lends nothing
    for text in (
        "Former Norwegian Prime Minister Lars Hovde is a wise and courageous statesman. "
        "Norway held talks on Monday.",
        "Lars Hovde is a wise and courageous statesman. Norway held talks on Monday.",
    ):
        assert kinds_of(by_name(reader.analyze_text(text), "Norway")) == {}


def test_a_critical_stance_towards_someone_is_blame_of_them(reader: Analyzer) -> None:
    doc = reader.analyze_text("The economist was scathing about Norway.")
    assert by_name(doc, "Norway").role == "antagonist"
    doc = reader.analyze_text("The economist was cautious about Norway.")
    assert by_name(doc, "Norway").role == "neutral"


def test_the_evil_one_counters_is_not_ones_fault(reader: Analyzer) -> None:
    doc = reader.analyze_text("Lars Hovde is defeating illegal and cruel sanctions.")
    assert "blame" not in kinds_of(by_name(doc, "Lars Hovde")).values()
    doc = reader.analyze_text("Lars Hovde is imposing illegal and cruel sanctions.")
    assert "blame" in kinds_of(by_name(doc, "Lars Hovde")).values()


def test_a_participle_without_auxiliary_after_a_copula_is_passive(reader: Analyzer) -> None:
    doc = reader.analyze_text("By evening Lars Hovde was dead, shot in the chest.")
    assert by_name(doc, "Lars Hovde").role == "innocent"
    doc = reader.analyze_text("Lars Hovde has shelled the town and shot the mayor.")
    assert by_name(doc, "Lars Hovde").role == "antagonist"


def test_an_accusation_with_a_named_accuser_is_a_claim(reader: Analyzer) -> None:
    doc = reader.analyze_text("Norway has been accused by residents of forced recruitment.")
    assert by_name(doc, "Norway").role == "neutral"
    doc = reader.analyze_text("Norway has been condemned and accused of forced recruitment.")
    assert by_name(doc, "Norway").role == "antagonist"


def test_blame_traded_after_a_strike_on_a_place_does_not_land_on_it(reader: Analyzer) -> None:
    doc = reader.analyze_text("Two armies trade blame after an air strike on Ruritania.")
    assert "blame" not in kinds_of(by_name(doc, "Ruritania")).values()
    doc = reader.analyze_text("The minister laid the blame for the massacre on Ruritania.")
    assert "blame" in kinds_of(by_name(doc, "Ruritania")).values()


def test_showing_responsibility_is_praise_bearing_it_is_blame(reader: Analyzer) -> None:
    doc = reader.analyze_text("Norway has shown remarkable responsibility.")
    assert by_name(doc, "Norway").role == "protagonist"
    doc = reader.analyze_text("Norway bears full responsibility for this bloodshed.")
    assert by_name(doc, "Norway").role == "antagonist"


def test_the_means_of_a_response_and_a_described_participle_are_acts(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("Lars Hovde responded by mocking and humiliating the students.")
    assert by_name(doc, "Lars Hovde").role == "antagonist"
    doc = reader.analyze_text("Lars Hovde responded by meeting the students.")
    assert by_name(doc, "Lars Hovde").role == "neutral"
    text = "Then came the Blue Brigade, a force sanctioned abroad for extrajudicial killings."
    assert by_name(reader.analyze_text(text), "Blue Brigade").role == "antagonist"


def test_applauding_harm_is_blame(reader: Analyzer) -> None:
    doc = reader.analyze_text("Lars Hovde applauded every measure that hurts the farmers.")
    assert "blame" in kinds_of(by_name(doc, "Lars Hovde")).values()
    doc = reader.analyze_text("Lars Hovde applauded every measure that helps the farmers.")
    assert "blame" not in kinds_of(by_name(doc, "Lars Hovde")).values()


def test_defending_a_thing_justifies_it_defending_people_protects_them(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("Lars Hovde defended the charges in a long statement.")
    assert "praise" not in kinds_of(by_name(doc, "Lars Hovde")).values()
    doc = reader.analyze_text("Lars Hovde defended the town against the raiders.")
    assert "praise" in kinds_of(by_name(doc, "Lars Hovde")).values()


def test_nothing_wrong_is_not_blame(reader: Analyzer) -> None:
    doc = reader.analyze_text("Lina Dovak did nothing wrong.")
    assert "blame" not in kinds_of(by_name(doc, "Lina Dovak")).values()
    doc = reader.analyze_text("Lina Dovak did something wrong.")
    assert "blame" in kinds_of(by_name(doc, "Lina Dovak")).values()


def test_a_relative_pronoun_object_makes_the_antecedent_the_object(reader: Analyzer) -> None:
    doc = reader.analyze_text("The envoy met Norway, which she accused of arrogance.")
    assert "blame" in kinds_of(by_name(doc, "Norway")).values()
    doc = reader.analyze_text("The envoy met Norway, which accused her of arrogance.")
    assert "blame" not in kinds_of(by_name(doc, "Norway")).values()


def test_a_quote_naming_its_supposed_speaker_does_not_hide_them_from_his(
    reader: Analyzer,
) -> None:
    text = (
        "Professor Ivan Petrov spoke to reporters on Monday. He said Lars Hovde had betrayed "
        'the country. "Lars Hovde needs an enemy to hide his failures," he added.'
    )
    doc = reader.analyze_text(text)
    assert kinds_of(by_name(doc, "Lars Hovde")).get("his failures") == "blame"
    text = (
        'Lars Hovde spoke to reporters on Monday. "Ivan Petrov needs an enemy to hide his '
        'failures," he said.'
    )
    doc = reader.analyze_text(text)
    assert kinds_of(by_name(doc, "Ivan Petrov")).get("his failures") == "blame"
    assert "blame" not in kinds_of(by_name(doc, "Lars Hovde")).values()


def test_the_bare_kind_noun_stands_for_the_body_last_named(reader: Analyzer) -> None:
    text = "NATO met on Monday. The alliance has helped small members rebuild their defences."
    assert by_name(reader.analyze_text(text), "NATO").role == "protagonist"
    text = "NATO met on Monday. A rival alliance has helped small members rebuild their defences."
    assert by_name(reader.analyze_text(text), "NATO").role == "neutral"


def test_what_a_projectile_goes_through_is_harmed(reader: Analyzer) -> None:
    doc = reader.analyze_text("A stray shell went through the roof of Lina Dovak's kitchen.")
    assert by_name(doc, "Lina Dovak").role == "innocent"
    doc = reader.analyze_text("A stray cat went through the roof of Lina Dovak's kitchen.")
    assert by_name(doc, "Lina Dovak").role == "neutral"


def test_the_agent_of_a_passive_harmful_act_did_it(reader: Analyzer) -> None:
    text = (
        "Police said the attack was carried out by the Free Hills Army. The device had been "
        "planted by Red Valley Front militants. Responsibility for the raid was claimed by "
        "the Stone Ridge Brigade. The attack was investigated by the Green Lake Union."
    )
    doc = reader.analyze_text(text)
    assert kinds_of(by_name(doc, "Free Hills Army")).get("attack was carried") == "blame"
    assert "blame" in kinds_of(by_name(doc, "Red Valley Front")).values()
    assert "blame" in kinds_of(by_name(doc, "Stone Ridge Brigade")).values()
    # investigating an attack is no part in it
    assert by_name(doc, "Green Lake Union").evidence == []
    assert_evidence_in_place(doc)


def test_what_a_country_does_under_a_named_leader_is_his_record(reader: Analyzer) -> None:
    text = "Norland under President Aldo Venn has brought clean water to every village."
    doc = reader.analyze_text(text)
    assert kinds_of(by_name(doc, "Aldo Venn")).get("brought clean water") == "praise"
    # a state over a region is no person in charge of it
    text = "Crimea under Russia has brought clean water to every village."
    doc = reader.analyze_text(text)
    assert "brought clean water" not in kinds_of(by_name(doc, "Russia"))


def test_verbs_joined_to_a_passive_share_its_subject(reader: Analyzer) -> None:
    doc = reader.analyze_text("Pavel Roh was dragged from his house and beaten.")
    assert kinds_of(by_name(doc, "Pavel Roh")) == {"dragged": "harm", "beaten": "harm"}
    assert by_name(doc, "Pavel Roh").role == "innocent"
    # beating a rival side is sport, not harm: only the passive harms
    doc = reader.analyze_text("Rovers beat United on Saturday and celebrated.")
    assert all(not p.evidence for p in doc.portrayal)


def test_a_list_of_bad_things_does_not_make_its_owner_bad(reader: Analyzer) -> None:
    text = (
        "Ministers met the Nordic Council on Monday. They urged the Nordic Council to put "
        "the group on its list of terrorist organisations."
    )
    assert by_name(reader.analyze_text(text), "Nordic Council").evidence == []
    text = "Ministers met the Nordic Council on Monday. Its campaign of terror goes on."
    assert by_name(reader.analyze_text(text), "Nordic Council").role == "antagonist"


def test_a_place_suffers_what_is_done_to_a_building_in_it(reader: Analyzer) -> None:
    doc = reader.analyze_text("Armed men opened fire on the health post in Tigabura.")
    assert by_name(doc, "Tigabura").role == "innocent"
    doc = reader.analyze_text("Nurses from the health post in Tigabura held a meeting.")
    assert by_name(doc, "Tigabura").evidence == []


def test_what_an_actor_says_of_its_own_deeds_is_its_claim_not_the_texts_verdict(
    reader: Analyzer,
) -> None:
    own = reader.analyze_text(
        "The Harbour Guard said its units had come under fire at a checkpoint. "
        "It said it had detained two armed men and attacked their boats."
    )
    guard = by_name(own, "Harbour Guard")
    assert guard.role == "neutral"
    assert not [piece for piece in guard.evidence if piece.kind == "blame"]
    # the same deeds told by another party are still read (as that party's claim)
    told = reader.analyze_text(
        "The Coast Brigade said the Harbour Guard had detained two armed men and attacked "
        "their boats."
    )
    assert [piece for piece in by_name(told, "Harbour Guard").evidence if piece.kind == "blame"]


def test_what_an_actors_ministry_says_of_its_deeds_is_its_claim(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Venezuela's defence ministry rejected the claims. In a statement read on state "
        "television, it said Venezuelan troops had attacked and destroyed several smuggling "
        "camps in recent months."
    )
    assert not [piece for piece in by_name(doc, "Venezuela").evidence if piece.kind == "blame"]
    told = reader.analyze_text(
        "Guyana's defence ministry rejected the claims. In a statement read on state "
        "television, it said Venezuelan troops had attacked and destroyed several smuggling "
        "camps in recent months."
    )
    assert [piece for piece in by_name(told, "Venezuela").evidence if piece.kind == "blame"]


def test_rejecting_a_suggestion_is_a_denial_not_obstruction(reader: Analyzer) -> None:
    doc = reader.analyze_text("Dorvia rejected any suggestion that its forces were involved.")
    assert by_name(doc, "Dorvia").evidence == []
    doc = reader.analyze_text("Dorvia rejected the ceasefire and blocked the aid convoys.")
    assert "blame" in kinds_of(by_name(doc, "Dorvia")).values()


def test_bringing_weapons_is_no_help(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Dorvian units brought mortars to within a few hundred metres of the village."
    )
    assert "praise" not in kinds_of(by_name(doc, "Dorvian")).values()
    doc = reader.analyze_text("Dorvian units brought food to the village.")
    assert "praise" in kinds_of(by_name(doc, "Dorvian")).values()


def test_a_label_one_named_party_gives_another_is_that_partys_claim(reader: Analyzer) -> None:
    claimed = reader.analyze_text("The Dorvian army has described Sylvania as a threat.")
    plain = reader.analyze_text("Many have described Sylvania as a threat.")
    claim_weight = sum(p.weight for p in by_name(claimed, "Sylvania").evidence)
    plain_weight = sum(p.weight for p in by_name(plain, "Sylvania").evidence)
    assert plain_weight < claim_weight < 0


def test_a_leader_named_later_by_title_alone_is_the_same_leader(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "President Abdel Fattah al-Sisi opened the new water plant in Aswan on Monday.\n\n"
        "Officials said the plant would serve two million people.\n\n"
        "The head of state is a wise and visionary leader, the engineers said. The President "
        "has shown remarkable courage."
    )
    sisi = by_name(doc, "Abdel Fattah al-Sisi")
    texts = [piece.text for piece in sisi.evidence]
    assert any("wise" in text or "visionary" in text for text in texts)
    assert any("courage" in text for text in texts)
    assert_evidence_in_place(doc)
    # a former president is not who "the President" is
    doc = reader.analyze_text(
        "Former President Abdel Fattah al-Sisi opened the new water plant in Aswan on Monday. "
        "The President has shown remarkable courage."
    )
    assert not [p for p in by_name(doc, "Abdel Fattah al-Sisi").evidence if "courage" in p.text]


def test_so_called_is_scorn_of_the_owner(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The so-called security measures announced by Lithuania have left hundreds of "
        "drivers stranded at the border."
    )
    (piece,) = by_name(doc, "Lithuania").evidence
    assert piece.kind == "blame" and piece.text.startswith("so-called")
    assert piece.text == doc.text[piece.start : piece.end]
    # praise a "so-called" hangs on is scorn: "reforms" alone would praise
    scorned = reader.analyze_text("Lithuania's so-called reforms have failed the farmers.")
    assert all(p.weight < 0 for p in by_name(scorned, "Lithuania").evidence)
    plain = reader.analyze_text("Lithuania's reforms have helped the farmers.")
    assert any(p.weight > 0 for p in by_name(plain, "Lithuania").evidence)


def test_what_a_target_is_called_is_not_said_of_the_one_who_strikes_it(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text("Kenyan troops hit militants near the border.")
    assert "blame" not in kinds_of(by_name(doc, "Kenya")).values()
    # the weapons one strikes with are still one's own
    doc = reader.analyze_text("Armenian forces shelled the village with illegal weapons.")
    assert kinds_of(by_name(doc, "Armenia")).get("illegal weapons") == "blame"


def test_a_vessel_and_the_crew_from_it_act_for_their_owner(reader: Analyzer) -> None:
    doc = reader.analyze_text("A Borduria Coast Guard ship rammed the fishing boat.")
    assert by_name(doc, "Borduria Coast Guard").role == "antagonist"
    doc = reader.analyze_text(
        "Personnel from a Borduria Coast Guard ship shelled the fishing boat."
    )
    assert by_name(doc, "Borduria Coast Guard").role == "antagonist"
    doc = reader.analyze_text("Fighters from the Borduria Liberation Front shelled the village.")
    assert by_name(doc, "Borduria Liberation Front").role == "antagonist"
    # a ship that merely sails is nobody's villain
    doc = reader.analyze_text("A Borduria Coast Guard ship sailed past the fishing boat.")
    assert by_name(doc, "Borduria Coast Guard").role == "neutral"


def test_a_by_agent_hung_on_an_active_verb_belongs_to_the_harmful_act_it_governs(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        "Wanjiru Kamau described the shelling of Kanyefurwe by FDLR units as part of a pattern."
    )
    assert by_name(doc, "FDLR").role == "antagonist"
    assert by_name(doc, "Wanjiru Kamau").role == "neutral"
    # a place "by" which something happens is no agent
    doc = reader.analyze_text("The minister opened the bridge by Lake Kivu on Monday.")
    assert by_name(doc, "Lake Kivu").role == "neutral"


def test_a_partys_charge_weighs_less_when_the_accused_answers_it(reader: Analyzer) -> None:
    charge = (
        "The Dorvian defence ministry said the Sylvanian Liberation Front had killed a "
        "teacher near the border."
    )
    unanswered = reader.analyze_text(charge)
    answered = reader.analyze_text(
        charge + " The Sylvanian Liberation Front denied any involvement. It said its "
        "fighters had only fired on an army patrol."
    )

    def charged(doc: Document) -> float:
        front = by_name(doc, "Sylvanian Liberation Front")
        return sum(p.weight for p in front.evidence if p.kind == "blame")

    assert charged(unanswered) < charged(answered) < 0


def test_an_actor_blamed_only_by_charges_it_answers_is_no_villain(reader: Analyzer) -> None:
    disputed = reader.analyze_text(
        "A spokesman for the Dorvian army said the teacher had been killed by members of "
        "the Sylvanian Liberation Front. The Sylvanian Liberation Front denied any "
        "involvement. It said its fighters had only fired on an army patrol. Both the army "
        "and the Sylvanian Liberation Front have been accused by rights groups of killing "
        "civilians."
    )
    front = by_name(disputed, "Sylvanian Liberation Front")
    assert front.role == "neutral"
    assert any(p.kind == "blame" for p in front.evidence)  # the charges are still shown
    cast = reader.analyze_text(
        "The cowardly terrorists of the Sylvanian Liberation Front murdered a teacher in "
        "cold blood, the army said. The Sylvanian Liberation Front denied any involvement."
    )
    assert by_name(cast, "Sylvanian Liberation Front").role == "antagonist"


def test_the_relative_of_someone_killed_is_cited_as_bereaved(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Mira Talvik, 34, was killed on Sunday near the village school. Talvik's brother, "
        "Jaan Talvik, said she had taught there for nine years."
    )
    brother = by_name(doc, "Jaan Talvik")
    assert brother.role == "innocent"
    assert [p.text for p in brother.evidence if p.kind == "harm"] == ["Talvik's brother"]
    assert_evidence_in_place(doc)
    unharmed = reader.analyze_text(
        "Mira Talvik opened the new village school on Sunday. Talvik's brother, Jaan Talvik, "
        "said she had taught there for nine years."
    )
    assert not [p for p in by_name(unharmed, "Jaan Talvik").evidence if p.kind == "harm"]


def test_an_opening_participle_is_said_of_the_subject(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Convicted for his role in the theft of a billion dollars, Ilan Dorvik now lives "
        "comfortably in exile."
    )
    assert "blame" in kinds_of(by_name(doc, "Ilan Dorvik")).values()
    doc = reader.analyze_text(
        "Praised for her courage by the whole village, Mira Talvik returned to the school."
    )
    assert "praise" in kinds_of(by_name(doc, "Mira Talvik")).values()


def test_a_serious_public_servant_is_praise(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Ilse Varga, a nurse at the island's clinic, kept a register of every cracked house. "
        "I consider Ilse Varga the most serious public servant in the country."
    )
    nurse = by_name(doc, "Ilse Varga")
    assert [(p.text, p.kind) for p in nurse.evidence if p.kind in {"praise", "blame"}] == [
        ("serious public servant", "praise")
    ]


def test_herders_from_a_village_driven_away_make_the_village_a_victim(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Soldiers crossed the pass, and herders from the village of Dabba in Somalia were "
        "driven away from their wells.\n"
    )
    village = by_name(doc, "Dabba")
    assert village.role == "innocent"
    assert "harm" in kinds_of(village).values()
    assert_evidence_in_place(doc)
    doc = reader.analyze_text("Herders from Somalia were driven away from their wells.\n")
    assert by_name(doc, "Somalia").role == "innocent"


def test_answering_with_restraint_is_a_deed_judged_by_its_manner(reader: Analyzer) -> None:
    doc = reader.analyze_text("Djibouti answered the provocation with restraint.\n")
    assert [(p.text, p.kind) for p in by_name(doc, "Djibouti").evidence if p.kind == "praise"] == [
        ("restraint", "praise")
    ]
    # what was answered says nothing of the one who answers; "answered that ..." is a claim
    doc = reader.analyze_text("Djibouti answered the heroic soldiers with silence.\n")
    assert not [p for p in by_name(doc, "Djibouti").evidence if p.kind in {"praise", "blame"}]
    doc = reader.analyze_text("Djibouti answered that the brutal talks had failed.\n")
    assert not [p for p in by_name(doc, "Djibouti").evidence if p.kind in {"praise", "blame"}]


def test_a_ministrys_charge_that_the_accused_denies_casts_no_villain(reader: Analyzer) -> None:
    text = (
        "NTASEN, Cameroon, Nov 14 - A village school burned down on Thursday night.\n\n"
        'Cameroon\'s Ministry of Defence said "secessionist terrorists" of the Ambazonia '
        "Defence Forces had attacked the school.\n\n"
        "The Ambazonia Defence Forces denied the accusation.\n"
    )
    group = by_name(reader.analyze_text(text), "Ambazonia Defence Forces")
    assert group.role == "neutral"
    blame = [p for p in group.evidence if p.kind == "blame"]
    assert blame and all(p.speaker == "Cameroon's Ministry of Defence" for p in blame)
    # without the denial, the ministry's charge stands
    alone = by_name(
        reader.analyze_text(
            text.replace("The Ambazonia Defence Forces denied the accusation.\n", "")
        ),
        "Ambazonia Defence Forces",
    )
    assert sum(p.weight for p in alone.evidence if p.kind == "blame") < sum(p.weight for p in blame)


def _role_supports(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Analyzer, dict[str, dict[str, object]]]:
    """An analyzer with the role model, and, filled as it runs, the roles there is evidence
    for (:func:`role_support`) per portrayal record name, as last decided."""
    import spinscope.annotators.portrayal as portrayal

    supported: dict[str, dict[str, object]] = {}
    role_support = portrayal.role_support

    def spy(record, case, sentences):  # type: ignore[no-untyped-def]
        support = role_support(record, case, sentences)
        supported[record.name] = support
        return support

    monkeypatch.setattr(portrayal, "role_support", spy)
    analyzer = Analyzer(
        pipeline=("language", "metadata", "entities", "quotes", "genre", "portrayal")
    )
    return analyzer, supported


def test_a_charge_with_no_word_of_blame_that_the_accused_denies_supports_no_villain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The army's 'has again shown that it does not care where its explosives land' blames
    by its whole sense; the role model may read it so, but once the group denies the
    attack the text reports a dispute, and no sentence is cited to cast it a villain."""
    analyzer, supported = _role_supports(monkeypatch)
    text = (
        "TIBU, Colombia, Nov 19 - A farmer and his wife were killed when explosives struck "
        "their house on Tuesday night.\n\n"
        "The Colombian army's Second Division said in a statement that ELN fighters had used "
        'a drone to drop explosives on a patrol. "The National Liberation Army has again '
        'shown that it does not care where its explosives land," the statement said.\n\n'
        "The ELN, in a statement published online, denied attacking the patrol.\n"
    )
    analyzer.analyze_text(text)
    assert "antagonist" not in supported["National Liberation Army"]
    analyzer.analyze_text(text.replace("denied attacking the patrol", "said it would reply"))
    assert "antagonist" in supported["National Liberation Army"]


def test_the_dateline_city_is_no_actor_of_the_first_sentence(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Drone strike hits market town\n\n"
        "NAIROBI, Nov 19 - A drone strike on a market town in Ethiopia's Amhara region on "
        "Saturday killed at least 19 people, according to residents.\n"
    )
    names = {p.name: p for p in doc.portrayal}
    city = names.get("Nairobi") or names.get("NAIROBI") or names.get("Kenya")
    assert city is None or not city.evidence


def test_what_an_operation_was_against_is_said_of_its_target(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The Government Communication Service said the Ethiopian National Defense Force "
        'had carried out "a precise operation" against "extremist" Fano leaders.\n'
    )
    force = by_name(doc, "Ethiopian National Defense Force")
    assert not [p for p in force.evidence if p.kind == "blame"]
    # what the one acting does stays its own
    doc = reader.analyze_text(
        "The Ethiopian National Defense Force carried out a brutal and illegal operation "
        "against the town.\n"
    )
    force = by_name(doc, "Ethiopian National Defense Force")
    assert [p for p in force.evidence if p.kind == "blame"]


def test_a_party_that_only_gives_its_account_of_a_killing_is_not_its_villain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    analyzer, supported = _role_supports(monkeypatch)
    text = (
        "At least seven people were killed and dozens of houses burned in an overnight attack "
        "on the village of Namuela, and Mozambique's armed forces have given sharply "
        "different accounts of what happened.\n"
    )
    analyzer.analyze_text(text)
    assert "antagonist" not in supported["Mozambique"]
    # the one that burned the houses does them
    analyzer.analyze_text(
        "At least seven people were killed when Mozambique's armed forces burned dozens of "
        "houses in an overnight attack on the village of Namuela.\n"
    )
    assert "antagonist" in supported["Mozambique"]


def test_praise_of_a_response_dated_by_an_attack_is_no_praise_of_the_attack(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        "Professor Faridah Rahman praised the government's decision to send doctors to "
        "the town within forty-eight hours of the attack.\n"
    )
    assert not [p for p in by_name(doc, "Faridah Rahman").evidence if p.kind == "blame"]
    doc = reader.analyze_text("Professor Faridah Rahman praised the attack on the town.\n")
    assert [p for p in by_name(doc, "Faridah Rahman").evidence if p.kind == "blame"]


def test_a_seat_of_power_named_with_its_nationality_stands_for_the_state(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        "The strike is the true face of the occupation policy of the Moroccan Makhzen, an "
        "analyst said. The Makhzen's diplomats speak of 'stability' in hotel rooms.\n"
    )
    morocco = by_name(doc, "Morocco")
    assert [p.text for p in morocco.evidence if p.kind == "blame"] == [
        "occupation policy of the Moroccan Makhzen"
    ]
    # what its diplomats speak of is their claim, not praise of it
    assert not [p for p in morocco.evidence if p.kind == "praise"]


def test_whom_a_speaker_contrasts_or_compares_is_judged_by_the_speaker_not_of_him(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        "Analyst Konstantinos Marinakis contrasted Kurti's brutal regime with Serbia.\n"
    )
    assert not [p for p in by_name(doc, "Konstantinos Marinakis").evidence if p.kind == "blame"]


def test_her_goes_on_with_the_woman_the_text_has_been_calling_she(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Auxiliadora Membreno taught literature in Los Encinos, a small town in Boaco, for "
        "thirty years. She made us "
        "read Dario aloud every Friday.\n\n"
        "In September she travelled to Costa Rica. Her house in Los Encinos has been occupied "
        "by the police, and her pension has been cancelled.\n"
    )
    teacher = by_name(doc, "Auxiliadora Membreno")
    assert "harm" in {p.kind for p in teacher.evidence}
    assert not [p for p in doc.portrayal if p.name == "Dario" and p.evidence]


def test_the_death_of_someone_is_harm_to_them(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "She joined a march after the death of Mahsa Amini in police custody.\n"
    )
    assert [(p.text, p.kind) for p in by_name(doc, "Mahsa Amini").evidence] == [
        ("death of Mahsa Amini", "harm")
    ]


def test_he_after_a_new_person_opens_a_sentence_is_that_person(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Wijesiri Gunawardena was a retired postman. He waited two days in a fuel queue.\n\n"
        "Gotabaya Rajapaksa cut taxes steeply in 2019. Then he banned chemical fertiliser by "
        "decree and brutally wrecked the harvest.\n"
    )
    assert not [p for p in by_name(doc, "Wijesiri Gunawardena").evidence if p.kind == "blame"]


def test_a_relative_clause_whose_subject_is_the_noun_does_not_turn_on_the_noun(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        'Analysts called President Aleksandar Vucic "a far-sighted statesman who has never '
        'once abandoned his people."\n'
    )
    vucic = by_name(doc, "Aleksandar Vucic")
    assert not [p for p in vucic.evidence if p.kind == "blame"]
    assert [p for p in vucic.evidence if p.kind == "praise"]


def test_what_an_analyst_cites_or_lists_is_the_analysts_claim(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Analyst Ousmane Diagne Faye cited the tireless diplomacy of President Felix Tshisekedi "
        'and listed the new schools. He praised "our brave soldiers," who had carried the '
        "wounded.\n"
    )
    assert not by_name(doc, "Ousmane Diagne Faye").evidence


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("save", {"save", "saves", "saved", "saving"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("shell", {"shell", "shells", "shelled", "shelling"}),
        ("push", {"push", "pushes", "pushed", "pushing"}),
        ("agree", {"agree", "agrees", "agreed", "agreeing"}),
        ("die", {"die", "dies", "died", "dying"}),
        ("ban", {"ban", "bans", "banned", "banning", "baned", "baning"}),
        (
            "open fire on",
            {
                "open fire on",
                "opens fire on",
                "opened fire on",
                "opening fire on",
                "openned fire on",
                "openning fire on",
            },
        ),
    ],
)
def test_verb_inflections_are_regular_forms_without_invented_ones(
    verb: str, forms: set[str]
) -> None:
    assert _inflections(verb) == forms


def test_providing_relief_is_a_deed_of_care_and_providing_anything_else_is_not(
    reader: Analyzer,
) -> None:
    doc = reader.analyze_text(
        "Within hours, the Dorvian Red Crescent set up heated tents, field kitchens and a "
        "medical post along the road."
    )
    evidence = by_name(doc, "Dorvian Red Crescent").evidence
    assert [p.kind for p in evidence] == ["praise"]
    assert evidence[0].text.startswith("set up heated tents")
    assert_evidence_in_place(doc)
    doc = reader.analyze_text("Within hours, the Dorvian Red Crescent set up checkpoints.")
    assert "praise" not in kinds_of(by_name(doc, "Dorvian Red Crescent")).values()


def test_a_leader_is_credited_with_the_care_he_orders(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Officials said that the President of Dorvia, Anton Velic, had ordered on the first "
        'day that "no person in that queue should go hungry or cold."\n\n'
        "On Nov 15 the head of state instructed local authorities to run a second bus along "
        "a forest road."
    )
    texts = [p.text for p in by_name(doc, "Anton Velic").evidence if p.kind == "praise"]
    assert any(text.startswith("ordered on the first day that") for text in texts)
    assert "run a second bus" in texts  # "the head of state" is the president named before
    assert_evidence_in_place(doc)
    # ordering that people go without is no care; ordering troops is no relief
    doc = reader.analyze_text(
        "Officials said that President Anton Velic had ordered that the villagers leave "
        "without their belongings, and instructed the army to run the checkpoints."
    )
    assert "praise" not in kinds_of(by_name(doc, "Anton Velic")).values()


def test_choosing_arms_is_choosing_harm(reader: Analyzer) -> None:
    for sentence in (
        "Dorvia has chosen the observers and the cameras. Sylvania has chosen the guns.",
        "Dorvia asked for inspectors, while Sylvania opted for the artillery.",
    ):
        doc = reader.analyze_text(sentence)
        blamed = [p.text for p in by_name(doc, "Sylvania").evidence if p.kind == "blame"]
        assert blamed and ("guns" in blamed[0] or "artillery" in blamed[0]), sentence
        assert "blame" not in kinds_of(by_name(doc, "Dorvia")).values()
        assert_evidence_in_place(doc)
    doc = reader.analyze_text("Sylvania has chosen a new flag.")
    assert "blame" not in kinds_of(by_name(doc, "Sylvania")).values()


def test_helping_nobody_is_no_help(reader: Analyzer) -> None:
    doc = reader.analyze_text("Anton Velic and his party are protecting nobody.")
    assert "praise" not in kinds_of(by_name(doc, "Anton Velic")).values()
    doc = reader.analyze_text("Anton Velic and his party are protecting the villagers.")
    assert "praise" in kinds_of(by_name(doc, "Anton Velic")).values()


def test_paying_relief_is_care_not_loss(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Within hours, the Dorvian Red Crescent paid emergency assistance to both families."
    )
    assert [p.kind for p in by_name(doc, "Dorvian Red Crescent").evidence] == ["praise"]


def test_doing_nothing_wrong_is_not_blame(reader: Analyzer) -> None:
    doc = reader.analyze_text("My aunt Elsa Ruiz did nothing wrong.")
    assert "blame" not in kinds_of(by_name(doc, "Elsa Ruiz")).values()


def test_the_gunmen_of_a_coalition_act_for_it(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Last week, fighters of the Kalvani Liberation Front alliance came down from the hills "
        "and burned 31 houses."
    )
    blamed = [
        p.text for p in by_name(doc, "Kalvani Liberation Front").evidence if p.kind == "blame"
    ]
    assert any(text.startswith("burned 31 houses") for text in blamed)
    assert_evidence_in_place(doc)


def test_what_a_survivor_came_through_is_not_said_of_it(reader: Analyzer) -> None:
    for sentence in (
        "Sylvania has survived worse years than this one.",
        "Sylvania has weathered brutal sanctions.",
    ):
        doc = reader.analyze_text(sentence)
        assert by_name(doc, "Sylvania").evidence == [], sentence


def test_everyone_joined_to_the_subject_shares_its_fate(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The captain, Hong Shuibao, 54, and crew member Xu Jinlong, 23, drowned."
    )
    for name in ("Hong Shuibao", "Xu Jinlong"):
        assert kinds_of(by_name(doc, name)) == {"drowned": "harm"}, name


def test_being_taken_to_hospital_is_harm(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Her granddaughter Alina, 11, was taken to hospital in Rybnitsa in a serious condition."
    )
    assert kinds_of(by_name(doc, "Alina")) == {"taken to hospital": "harm"}
    assert_evidence_in_place(doc)


def test_a_patrol_boat_named_after_its_owner_acts_for_it(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The attack by a Sylvanian Navy patrol boat on two fishing canoes was no accident."
    )
    assert kinds_of(by_name(doc, "Sylvanian Navy")) == {
        "attack by a Sylvanian Navy patrol boat": "blame"
    }
    assert_evidence_in_place(doc)


def test_carrying_the_wounded_is_a_deed_of_care(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Soldiers of the Somali National Army reached the scene within the hour and carried "
        "the wounded through the night to Doolow."
    )
    assert kinds_of(by_name(doc, "Somali National Army")) == {"carried the wounded": "praise"}
    doc = reader.analyze_text(
        "Sylvanian soldiers carried Danylo Koval, who had shrapnel wounds to both legs, to the "
        "ambulance."
    )
    assert kinds_of(by_name(doc, "Sylvanian")) == {"carried Danylo Koval": "praise"}
    doc = reader.analyze_text("Sylvanian troops carried the ammunition to the front.")
    assert "praise" not in kinds_of(by_name(doc, "Sylvanian")).values()


def test_winning_support_is_credit(reader: Analyzer) -> None:
    doc = reader.analyze_text("President Anton Velic won the support of the Arab League.")
    assert kinds_of(by_name(doc, "Anton Velic")) == {"won the support": "praise"}


def test_a_label_on_those_one_acts_on_is_said_of_them_unless_one_backs_them(
    reader: Analyzer,
) -> None:
    for sentence in (
        "The Malian Armed Forces reached the market within forty minutes and neutralised "
        "fourteen terrorists.",
        "Later the Malian Armed Forces followed a terrorist column for an hour.",
    ):
        doc = reader.analyze_text(sentence)
        assert "blame" not in kinds_of(by_name(doc, "Malian Armed Forces")).values(), sentence
    doc = reader.analyze_text("Sylvania harbours terrorists and armed the militants.")
    assert "blame" in kinds_of(by_name(doc, "Sylvania")).values()


def test_a_group_that_calls_itself_a_name_is_that_name(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The massacre was claimed on social networks by the terrorist coalition calling "
        "itself the Azawad Liberation Front (FLA)."
    )
    kinds = kinds_of(by_name(doc, "Azawad Liberation Front"))
    assert kinds == {"massacre was claimed": "blame", "terrorist coalition": "blame"}
    assert_evidence_in_place(doc)


def test_martyred_is_killed(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Iqra Bibi, 11, and the driver, Muhammad Rafiq, 46, were martyred on the spot."
    )
    for name in ("Iqra Bibi", "Muhammad Rafiq"):
        assert kinds_of(by_name(doc, name)) == {"martyred": "harm"}, name


def test_keeping_ones_word_is_praise_and_breaking_it_blame(reader: Analyzer) -> None:
    cases = {
        "Sylvania kept its promise to the villagers.": ("kept its promise", "praise"),
        "Sylvania broke every promise it made to the villagers.": ("broke every promise", "blame"),
        "Sylvania never kept its promises.": ("kept its promises", "blame"),
    }
    for sentence, (text, kind) in cases.items():
        doc = reader.analyze_text(sentence)
        assert kinds_of(by_name(doc, "Sylvania")) == {text: kind}, sentence
        assert_evidence_in_place(doc)
    doc = reader.analyze_text("Sylvania kept the keys.")
    assert by_name(doc, "Sylvania").evidence == []


def test_a_record_lists_the_entities_folded_into_it(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The Indian Army shelled a school in the valley. India has not commented. "
        "Pakistan condemned the attack."
    )
    india = by_name(doc, "India")
    names = {entity.id: entity.name for entity in doc.entities}
    assert india.members[0] == india.entity_id
    assert {names[member] for member in india.members} == {"India", "Indian Army"}
    assert by_name(doc, "Pakistan").members == [by_name(doc, "Pakistan").entity_id]


def test_visiting_the_wounded_of_an_attack_is_care_not_the_attack(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "President Anton Velic on Wednesday visited the wounded of the attack at the hospital "
        "of Kralj, where he comforted the bereaved families."
    )
    kinds = kinds_of(by_name(doc, "Anton Velic"))
    assert "blame" not in kinds.values()
    assert kinds["comforted the bereaved families"] == "praise"
    assert any(
        kind == "praise" and text.startswith("visited the wounded") for text, kind in kinds.items()
    )
    assert by_name(doc, "Anton Velic").role == "protagonist"


def test_a_bereaved_family_is_harmed(reader: Analyzer) -> None:
    doc = reader.analyze_text("The bereaved families of Kalanga waited at the gate for news.")
    kalanga = by_name(doc, "Kalanga")
    assert any(p.kind == "harm" and p.text == "bereaved families" for p in kalanga.evidence)
    assert kalanga.role == "innocent"


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # what is owned by someone is theirs
        ("A bakery owned by Mukhtar Belgasem, 60, on the same street was destroyed by fire.",
         {"Mukhtar Belgasem": "innocent"}),
        ("A bakery owned by Mukhtar Belgasem opened on the same street.",
         {"Mukhtar Belgasem": "neutral"}),
        # the victims counted among the dead include every joined name
        ("Among the dead were her grandchildren Kervens Pierre, 11, and Nadege Pierre, 8, "
         "according to the family.", {"Kervens Pierre": "innocent", "Nadege Pierre": "innocent"}),
        # a reported clause keeps its own subject
        ("Nyaluak Gatdet, 31, said her daughter Nyakuoth, 4, was killed while the family waited "
         "at the borehole.", {"Nyakuoth": "innocent", "Nyaluak Gatdet": "neutral"}),
    ],
    ids=["owned-destroyed", "owned-opened", "among-the-dead", "reported-clause"],
)  # fmt: skip
def test_roles_one_sentence_gives(reader: Analyzer, sentence: str, roles: dict[str, str]) -> None:
    doc = reader.analyze_text(sentence)
    assert {name: by_name(doc, name).role for name in roles} == roles


def test_forces_that_strike_a_place_attack_it(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Sylvanian forces struck a bus stop in the village of Dorvo twice on Tuesday morning."
    )
    assert kinds_of(by_name(doc, "Sylvanian")).get("struck a bus stop in the village of Dorvo") == (
        "blame"
    )
    # a minister who hits back at critics strikes no one
    doc = reader.analyze_text("The Sylvanian minister hit back at critics on Tuesday.")
    assert "blame" not in kinds_of(by_name(doc, "Sylvanian")).values()


def test_downing_weapons_in_flight_is_defence(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The Royal Sylvanian Air Defense Forces intercepted and destroyed two drones "
        "launched towards Dorvo."
    )
    record = by_name(doc, "Royal Sylvanian Air Defense Forces")
    assert kinds_of(record) == {"destroyed two drones": "praise"}
    doc = reader.analyze_text("Sylvanian troops destroyed the village of Dorvo.")
    assert kinds_of(by_name(doc, "Sylvanian")).get("destroyed the village of Dorvo") == "blame"


def test_what_is_done_on_someones_orders_is_theirs(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "On the orders of President Anton Velic, the ministry sent tents and blankets to the "
        "affected families."
    )
    assert kinds_of(by_name(doc, "Anton Velic")) == {
        "On the orders of President Anton Velic": "praise"
    }
    doc = reader.analyze_text(
        "On the instructions of President Anton Velic, the Ministry of Health flew 40 oxygen "
        "concentrators and a team of lung specialists to Zabol on Wednesday."
    )
    assert kinds_of(by_name(doc, "Ministry of Health")) == {
        "flew 40 oxygen concentrators and a team of lung specialists": "praise"
    }
    assert by_name(doc, "Anton Velic").role == "protagonist"
    doc = reader.analyze_text("On the orders of General Tarkan, troops shelled the village.")
    assert set(kinds_of(by_name(doc, "Tarkan")).values()) == {"blame"}


def test_an_order_that_the_injured_receive_care_is_care(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "The Custodian of the Two Rivers King Abdul Rahman has directed that all those injured "
        "in the attack receive full medical care."
    )
    record = by_name(doc, "Abdul Rahman")
    assert list(kinds_of(record).values()) == ["praise"]
    assert record.role == "protagonist"


def test_forces_stationed_in_a_place_are_not_the_places(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "Fighters of the Sylvanian Army's forces in Dorvo carried the wounded to the hospital."
    )
    assert "praise" not in kinds_of(by_name(doc, "Dorvo")).values()


def test_a_penalty_for_a_wrong_charges_its_target(reader: Analyzer) -> None:
    doc = reader.analyze_text(
        "In 2009 the UN Security Council imposed sanctions on Eritrea for arming insurgents."
    )
    assert set(kinds_of(by_name(doc, "Eritrea")).values()) == {"blame"}
    assert "blame" not in kinds_of(by_name(doc, "UN Security Council")).values()
    # sanctions with no wrong named are harm done to their target
    doc = reader.analyze_text("Washington imposed sanctions on Cuba.")
    assert kinds_of(by_name(doc, "Cuba")) == {"sanctions on Cuba": "harm"}


def test_sinking_or_capsizing_a_boat_harms_it_and_its_owner(reader: Analyzer) -> None:
    doc = reader.analyze_text("A Sylvanian patrol boat sank the fishing boat of Tomas Rell.")
    assert kinds_of(by_name(doc, "Sylvanian")) == {"sank the fishing boat of Tomas Rell": "blame"}
    assert by_name(doc, "Tomas Rell").role == "innocent"
    doc = reader.analyze_text("The skiff of Alvin Nunez capsized near the river mouth.")
    assert by_name(doc, "Alvin Nunez").role == "innocent"


def test_a_name_the_parser_sets_beside_a_far_noun_does_not_take_its_words(
    reader: Analyzer,
) -> None:
    # the small model hangs the victim's name on "drone", thirty words back
    doc = reader.analyze_text(
        "On Wednesday a drone launched by the terrorist Houthi militia from Saada governorate "
        "fell on a residential area of Al-Mahdaj, resulting in the death of citizen Ali bin "
        "Hassan Madkhali, 52, and of a resident of Bangladeshi nationality, Mohammad Rafiqul "
        "Islam, 38, who worked on his farm."
    )
    assert "blame" not in kinds_of(by_name(doc, "Mohammad Rafiqul Islam")).values()
    assert by_name(doc, "Houthi").role == "antagonist"
