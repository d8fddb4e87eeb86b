from __future__ import annotations

import pytest
from tests.conftest import assert_spans_consistent

from spinscope.document import Document

pytestmark = pytest.mark.slow


def entity_named(doc: Document, name: str):  # type: ignore[no-untyped-def]
    matches = [e for e in doc.entities if e.name == name]
    assert len(matches) == 1, (name, [(e.name, e.type) for e in doc.entities])
    return matches[0]


def test_person_forms_merge_into_one_entity(wire_story: Document) -> None:
    aliyev = entity_named(wire_story, "Ilham Aliyev")
    assert aliyev.type == "PERSON"
    forms = {m.text for m in aliyev.mentions}
    assert forms == {"Aliyev", "Ilham Aliyev"}
    # headline "Aliyev's", "President Ilham Aliyev's", "President Aliyev" (in a quote),
    # "His Excellency Aliyev", "Aliyev's office"
    assert len(aliyev.mentions) == 5
    assert "President" in aliyev.roles
    assert not [e for e in wire_story.entities if e.name in {"Aliyev", "Aliyev's"}]


def test_surname_the_model_took_for_a_group_is_a_person(wire_story: Document) -> None:
    bellini = entity_named(wire_story, "Marco Bellini")
    assert bellini.type == "PERSON"
    # "Professor Marco Bellini", "Bellini, who" (untagged by the model), "According to
    # Bellini" (tagged NORP), "Bellini said" (tagged ORG)
    assert len(bellini.mentions) == 4
    assert bellini.roles[0] == "Professor, University of Trieste"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Azerbaijan", "GPE"),
        ("Armenia", "GPE"),
        ("Yerevan", "GPE"),
        ("Aghdam", "GPE"),
        ("AZERTAC", "ORG"),
        ("Azerbaijani", "NORP"),
        ("South Caucasus", "LOC"),
        ("University of Trieste", "ORG"),
    ],
)
def test_places_groups_and_agencies_get_the_right_type(
    wire_story: Document, name: str, kind: str
) -> None:
    assert entity_named(wire_story, name).type == kind


def test_appositive_role(wire_story: Document) -> None:
    kowalski = entity_named(wire_story, "Anna Kowalski")
    assert kowalski.roles == ["senior analyst at the Warsaw Institute for Eastern Studies"]
    assert len(kowalski.mentions) == 2


def test_person_buried_in_an_organisation_span_is_split_out(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Kazakh President Kassym-Jomart Tokayev met business leaders in Astana on Monday. "
        "Tokayev said the reforms would continue.\n"
    )
    tokayev = entity_named(doc, "Kassym-Jomart Tokayev")
    assert tokayev.type == "PERSON"
    assert len(tokayev.mentions) == 2
    assert any("President" in role for role in tokayev.roles)
    assert entity_named(doc, "Astana").type == "GPE"
    assert not [e for e in doc.entities if "President" in e.name]


def test_multiword_titles_do_not_become_names(straight_report: Document) -> None:
    names = {e.name for e in straight_report.entities}
    assert "Prime" not in names
    aliev = entity_named(straight_report, "Ruslan Aliev")
    assert aliev.roles[0] == "Deputy Prime Minister"


def test_entity_ids_are_unique_and_mentions_ordered(wire_story: Document) -> None:
    ids = [e.id for e in wire_story.entities]
    assert len(ids) == len(set(ids))
    for entity in wire_story.entities:
        starts = [m.start for m in entity.mentions]
        assert starts == sorted(starts)
    assert_spans_consistent(wire_story)


def test_whole_span_organisation_holding_a_title_and_a_person() -> None:
    """The shape seen on real wire copy: one ORG over "Kazakh President Kassym-Jomart Tokayev"."""
    from spacy.tokens import Doc, Span

    from spinscope.annotators.entities import _raw_mentions
    from spinscope.nlp import english

    words = ["Kazakh", "President", "Kassym-Jomart", "Tokayev", "spoke", "."]
    sdoc = Doc(english().vocab, words=words, spaces=[True, True, True, False, False, False])
    sdoc.ents = [Span(sdoc, 0, 4, label="ORG")]
    mentions = _raw_mentions(sdoc)
    assert [(m.surface, m.label) for m in mentions] == [
        ("Kazakh", "NORP"),
        ("Kassym-Jomart Tokayev", "PERSON"),
    ]


def test_organisation_acronyms_the_model_leaves_untagged_become_organisations() -> None:
    from spinscope.pipeline import Analyzer

    doc = Analyzer(pipeline=("language", "metadata", "entities")).analyze_text(
        "ECOWAS closed the border with Mali. Officials said ECOWAS would meet again."
    )
    ecowas = [entity for entity in doc.entities if entity.name == "ECOWAS"]
    assert len(ecowas) == 1 and ecowas[0].type == "ORG"
    assert [m.start for m in ecowas[0].mentions] == [0, 51]


def test_names_given_an_age_are_people_and_a_comma_splits_two_names(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Villagers buried their dead on Sunday.\n\n"
        "During the raid, 67-year-old Dragan Milosavljević was beaten in front of his house. "
        "In Chorbogh, Rustam Nazarov, 54, was killed when a shell hit his yard."
    )
    assert entity_named(doc, "Dragan Milosavljević").type == "PERSON"
    assert entity_named(doc, "Rustam Nazarov").type == "PERSON"
    assert entity_named(doc, "Chorbogh").type == "GPE"
    assert not [e for e in doc.entities if "," in e.name]
    assert_spans_consistent(doc)


def test_a_settlement_named_as_such_is_a_place_and_near_splits_two(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "Police entered the village of Dobrava Gornja near Leposavić at dawn. "
        "The Bank of England and Apple, Google and Microsoft were not involved."
    )
    assert entity_named(doc, "Dobrava Gornja").type == "GPE"
    assert entity_named(doc, "Leposavić").type == "GPE"
    assert entity_named(doc, "Bank of England").type == "ORG"
    assert {e.name for e in doc.entities} >= {"Apple", "Google", "Microsoft"}


def test_a_name_stated_to_be_another_name_of_an_organisation_joins_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        "The Special Deterrence Force, known as Radaa, said its units came under fire. "
        "The 444th Brigade said Radaa had attacked its positions.\n\n"
        "The Rapid Support Forces (also known as the RSF) shelled the town."
    )
    (force,) = [e for e in doc.entities if e.name == "Special Deterrence Force"]
    assert [m.text for m in force.mentions] == ["Special Deterrence Force", "Radaa", "Radaa"]
    (rsf,) = [e for e in doc.entities if e.name == "Rapid Support Forces"]
    assert "RSF" in [m.text for m in rsf.mentions]
    # a plain list of names is not a list of aliases
    listed = analyzer.analyze_text("Officials from Kenya, Uganda and Tanzania met in Arusha.")
    assert {"Kenya", "Uganda", "Tanzania"} <= {e.name for e in listed.entities}


def _entities(text: str) -> Document:
    from spinscope.pipeline import Analyzer

    return Analyzer(pipeline=("language", "metadata", "entities")).analyze_text(text)


def test_a_name_defined_with_its_acronym_is_one_entity_with_the_acronym() -> None:
    doc = _entities(
        "Army routs URDK raiders near Kalemba\n\n"
        "KALEMBA, May 4 (NPA) - Soldiers on Sunday drove back fighters of the so-called "
        "Front for Renewal and Concord in Kavango (FRCK) from the outskirts of Kalemba. "
        "The FRCK has attacked the district three times this year, and officials said "
        "the FRCK's leaders live abroad.\n"
    )
    front = entity_named(doc, "Front for Renewal and Concord in Kavango")
    assert front.type == "ORG"
    assert [m.text for m in front.mentions].count("FRCK") == 3
    assert not [e for e in doc.entities if e.name in {"Concord", "Kavango", "FRCK"}]


def test_an_arabic_name_joined_by_wal_is_defined_whole_by_its_acronym() -> None:
    doc = _entities(
        "Responsibility for the massacre was claimed by Jama'at Nusrat al-Islam wal-Muslimin "
        "(JNIM), a group affiliated with al-Qaeda. JNIM fighters burned the market.\n"
    )
    group = entity_named(doc, "Jama'at Nusrat al-Islam wal-Muslimin")
    assert [m.text for m in group.mentions].count("JNIM") == 2
    assert not [e for e in doc.entities if e.name == "JNIM"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Firefighters of the General Inspectorate for Emergency Situations reached the "
         "village 14 minutes later.\n", "General Inspectorate for Emergency Situations", "ORG"),
        ("The Joint Expulsions Secretariat met on Monday.\n", "Joint Expulsions Secretariat",
         "ORG"),
        ("Police said the driver.\n\nIkrom Sharipov, born in 1993 in Kulob, was convicted of "
         "robbery in 2012.\n", "Ikrom Sharipov", "PERSON"),
    ],
)  # fmt: skip
def test_untagged_names_that_say_what_they_name(text: str, name: str, kind: str) -> None:
    assert entity_named(_entities(text), name).type == kind


def test_a_capitalised_run_with_nothing_to_say_what_it_names_stays_untagged() -> None:
    doc = _entities("On Tuesday the Blue Lantern Cafe stayed shut. Mara Doss, a baker, left.\n")
    names = {e.name for e in doc.entities}
    assert not [n for n in names if n.startswith(("On ", "Tuesday"))]


def test_a_faith_that_is_also_a_surname_stays_the_faith_when_alone() -> None:
    doc = _entities(
        "The drone killed Mohammad Rafiqul Islam, 38, who worked on his farm. The League said "
        "the attack was contrary to the teachings of Islam.\n"
    )
    person = entity_named(doc, "Mohammad Rafiqul Islam")
    assert [m.text for m in person.mentions] == ["Mohammad Rafiqul Islam"]


def test_the_whole_name_after_village_of_is_one_place_also_where_it_recurs() -> None:
    doc = _entities(
        "Gunmen burned granaries in the oasis village of Bir Oumkala on Tuesday, residents "
        "said. Rescuers reached Bir Oumkala three hours later. A school near the village of "
        "Tassouri in the Ennedi region was closed.\n"
    )
    village = entity_named(doc, "Bir Oumkala")
    assert village.type == "GPE"
    assert len(village.mentions) == 2
    assert entity_named(doc, "Tassouri").type == "GPE"  # the name stops at "in the"


def test_a_long_name_the_model_splits_is_one_person() -> None:
    doc = _entities(
        "The response of the government of President Teodoro Obiang Nguema Mbasogo has been "
        "to ignore the letters. Fatouma Ali Houmed said she would wait.\n"
    )
    assert entity_named(doc, "Teodoro Obiang Nguema Mbasogo").type == "PERSON"
    assert entity_named(doc, "Fatouma Ali Houmed").type == "PERSON"


def test_a_bodys_remit_joined_by_and_stays_in_its_name() -> None:
    doc = _entities(
        "The Ministry of Finance and Fiscal Wellbeing said on Monday that the African "
        "Commission on Human and Peoples' Rights had not replied.\n"
    )
    assert entity_named(doc, "Ministry of Finance and Fiscal Wellbeing").type == "ORG"
    assert entity_named(doc, "African Commission on Human and Peoples' Rights").type == "ORG"


def test_a_name_in_apposition_to_a_girl_is_a_person_and_her_first_name_joins_it() -> None:
    doc = _entities(
        "A girl of nine, Khadija Mahamat Brahim, was hit in the leg as she ran. Khadija was "
        "flown to the provincial hospital.\n"
    )
    girl = entity_named(doc, "Khadija Mahamat Brahim")
    assert girl.type == "PERSON"
    assert {m.text for m in girl.mentions} == {"Khadija Mahamat Brahim", "Khadija"}


def test_a_name_taken_up_as_she_or_followed_by_a_nurse_is_a_person() -> None:
    doc = _entities(
        "Celestina Pascual, a nurse at the island's health post, has kept a register for "
        "eighteen months. The survey should begin with Celestina Pascual's notebook.\n\n"
        "Isaias Afwerki has ruled the country for three decades. Nothing happens there "
        "without him.\n"
    )
    nurse = entity_named(doc, "Celestina Pascual")
    assert nurse.type == "PERSON"
    assert len(nurse.mentions) == 2
    assert entity_named(doc, "Isaias Afwerki").type == "PERSON"


def test_a_one_word_person_that_opens_a_hospitals_name_and_is_a_place_events_happen_in() -> None:
    doc = _entities(
        "The two dialysis machines at Chivanhu District Hospital stopped working in August. "
        "Patients from Chivanhu travelled 190 kilometres to the city three times a week.\n\n"
        "In Chivanhu, the Western sanctions punished a widow, said Chivanhu's councillor.\n"
    )
    place = entity_named(doc, "Chivanhu")
    assert place.type == "GPE"
    assert len(place.mentions) == 3
    assert entity_named(doc, "Chivanhu District Hospital").type != "PERSON"
    # no place is said to be in or near the name: a person who shares it stays a person
    doc = _entities(
        "Mr Chivanhu said the two machines at Chivanhu District Hospital stopped working in "
        "August. Chivanhu, a nurse, said patients now travel 190 kilometres.\n"
    )
    assert entity_named(doc, "Chivanhu").type == "PERSON"


def test_a_person_typed_name_that_lies_in_a_direction_or_near_something_is_a_place() -> None:
    text = (
        "Since then about 140 families have driven their goats south towards Ali Sabieh "
        "Dera, where the water is brackish. Tankers reach the camps near Ali Sabieh Dera "
        "every day.\n"
    )
    assert entity_named(_entities(text), "Ali Sabieh Dera").type == "GPE"
    # a use with a title or an age keeps a person a person
    titled = text.replace("Tankers reach", "Governor Ali Sabieh Dera sends tankers to")
    assert entity_named(_entities(titled), "Ali Sabieh Dera").type == "PERSON"


def test_a_title_that_owns_the_next_word_is_part_of_a_bodys_name() -> None:
    doc = _entities(
        "Valdoria's Ombudsman's Office said it had sent a team to the district. "
        "The Prosecutor's Office opened an inquiry.\n"
    )
    office = entity_named(doc, "Ombudsman's Office")
    assert office.type == "ORG"
    assert office.roles == []
    assert not [e for e in doc.entities if e.name.startswith("'s")]


def test_an_untagged_acronym_used_as_a_name_twice_is_an_organisation() -> None:
    text = (
        "The MRDL said its fighters had left the valley. Villagers said MRDL fighters "
        "were still in the hills, and the army blamed the MRDL for the blast. "
        "GDP fell by 2 percent, and GDP growth will stay weak.\n"
    )
    doc = _entities(text)
    group = entity_named(doc, "MRDL")
    assert group.type == "ORG"
    assert [m.text for m in group.mentions] == ["MRDL", "MRDL", "MRDL"]
    assert_spans_consistent(doc)
    assert not [e for e in doc.entities if e.name == "GDP"]  # a measure, not a body


def test_a_known_acronym_and_its_name_in_another_language_are_one_group() -> None:
    doc = _entities(
        "The ELN denied attacking the patrol. The army said the National Liberation Army "
        "had used a drone. ELN fighters were seen near the river.\n"
    )
    group = entity_named(doc, "National Liberation Army")
    assert group.type == "ORG"
    assert sorted(m.text for m in group.mentions) == [
        "ELN",
        "ELN",
        "National Liberation Army",
    ]


def test_a_common_word_capitalised_only_where_it_opens_a_sentence_is_no_name() -> None:
    doc = _entities(
        "The girl was taken by neighbours to the Tibu hospital. Neighbours said they heard "
        "a drone. Hospital staff said she was stable. The family grew cacao near Tibu.\n"
    )
    names = {e.name for e in doc.entities}
    assert not names & {"Neighbours", "Hospital", "cacao"}, names
    # the same word used as a name mid-sentence stays a name
    doc = _entities("Apple said sales rose. Analysts at Apple expect more.\n")
    assert "Apple" in {e.name for e in doc.entities}


def test_a_one_word_person_that_is_a_place_or_body_in_most_uses_takes_that_kind() -> None:
    doc = _entities(
        "TIBU, Colombia - Two people died, according to the Tibu municipal authorities. "
        "Their daughter was taken to Tibu hospital and later moved from Tibu to Cucuta. "
        "Residents of Tibu said they were afraid.\n"
    )
    assert [e.type for e in doc.entities if e.name == "Tibu"] in (["GPE"], ["ORG"])


def test_a_name_with_a_settlement_in_apposition_or_holding_a_facility_is_a_place() -> None:
    doc = _entities(
        "The strike hit Wonchit Mariam, a town of about 8,000 people, at noon. Patients were "
        "taken to the hospital in Finote Selam, a nurse said.\n"
    )
    assert entity_named(doc, "Wonchit Mariam").type == "GPE"
    assert entity_named(doc, "Finote Selam").type == "GPE"
    # a person introduced with a role, or trusted "in", stays a person
    doc = _entities("Voters put their trust in Marta Selam, a lawyer, and she won.\n")
    assert entity_named(doc, "Marta Selam").type == "PERSON"


def test_a_lower_case_group_the_model_tagged_is_no_organisation_unless_a_body() -> None:
    doc = _entities(
        "The army said it had targeted a meeting of armed militia commanders. Venezuela's "
        "defence ministry rejected the claims.\n"
    )
    names = {e.name for e in doc.entities}
    assert "armed militia commanders" not in names


def test_a_listed_organisations_name_is_one_organisation_whatever_the_model_tagged() -> None:
    doc = _entities(
        "The Islamic State-linked insurgents attacked the village. Islamic State, through its "
        "Amaq news outlet, claimed the attack.\n"
    )
    group = entity_named(doc, "Islamic State")
    assert group.type == "ORG"
    assert len(group.mentions) == 2
    assert not [e for e in doc.entities if e.name == "Islamic"]


def test_a_name_typed_as_a_place_with_a_persons_title_in_apposition_is_a_person() -> None:
    doc = _entities(
        "More than 400 people had walked to the town, according to Armando Chauque, the "
        "district's deputy administrator. Namuela, a village of 900 people, was empty.\n"
    )
    person = entity_named(doc, "Armando Chauque")
    assert person.type == "PERSON"
    assert person.roles == ["district's deputy administrator"]
    assert entity_named(doc, "Namuela").type != "PERSON"


def test_a_listed_name_inside_a_longer_name_stays_part_of_it() -> None:
    doc = _entities(
        "Police said the attack was carried out by the West Papua National Liberation Army, "
        "known by its Indonesian initials TPNPB, which later issued a statement. The TPNPB "
        "claims to speak for Papuans.\n"
    )
    group = entity_named(doc, "West Papua National Liberation Army")
    assert sorted(m.text for m in group.mentions) == [
        "TPNPB",
        "TPNPB",
        "West Papua National Liberation Army",
    ]
    assert not [e for e in doc.entities if e.name == "National Liberation Army"]


def test_a_given_name_used_alone_the_model_typed_as_a_place_is_the_person() -> None:
    doc = _entities(
        "Associate Professor Faridah Mohd Rais of the Kuala Lumpur Institute told the agency "
        'the plan was a model. "It is terrorism, plain and simple," Faridah said.\n'
    )
    person = entity_named(doc, "Faridah Mohd Rais")
    assert [m.text for m in person.mentions] == ["Faridah Mohd Rais", "Faridah"]


def test_a_bodys_name_running_through_a_plural_possessive_is_one_organisation() -> None:
    doc = _entities(
        "The Kattuthurai Women's Fish Vendors' Society keeps logs. The Rameswaram Mechanised "
        "Boat Owners' Association objected, and Russia's Defence Ministry said nothing.\n"
    )
    names = {e.name: e.type for e in doc.entities}
    assert names["Kattuthurai Women's Fish Vendors' Society"] == "ORG"
    assert names["Rameswaram Mechanised Boat Owners' Association"] == "ORG"
    assert names["Russia"] == "GPE"  # a state's own body stays the state's
    assert "Kattuthurai Women" not in names


def test_a_sentence_opener_is_not_part_of_a_place_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.analyze_text(
        'He said the closure followed a familiar pattern. "First Brussels announces that '
        'Belarus is a threat. Then Warsaw discovers a reason to close the road."\n\n'
        "First Republic Bank said on Monday it would cut 200 jobs.\n"
    )
    names = {e.name for e in doc.entities}
    assert {"Brussels", "Warsaw", "First Republic Bank"} <= names
    assert not names & {"First Brussels", "Then Warsaw"}
    brussels = entity_named(doc, "Brussels")
    start = brussels.mentions[0].start
    assert doc.text[start : brussels.mentions[0].end] == "Brussels"
    assert_spans_consistent(doc)
