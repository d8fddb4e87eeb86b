"""The genre annotator: reporting, opinion or satire, from measured features.

The articles in tests/data/genre/ were written for these tests; each file name starts with
its expected label.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from tests.conftest import make_doc

from spinscope.annotators.genre import LABELS, GenreClassifier, label_scores, measure, softmax
from spinscope.annotators.metadata import MetadataExtractor
from spinscope.data import read_json
from spinscope.document import Document, Genre, TechniqueSpan
from spinscope.pipeline import Analyzer

DATA = Path(__file__).resolve().parents[1] / "data"
GENRE = DATA / "genre"
GENRE_FILES = sorted(GENRE.glob("*.txt"))

FLAGS = (
    "dateline",
    "unsourced",
    "newsroom_byline",
    "author_title",
    "opinion_marker",
    "satire_marker",
    "satire_outlet",
    "absurd_kicker",
    "put_upon_resident",
)
SHARES = ("quoted_share",)
RATES = (
    "first_person_singular",
    "first_person_plural",
    "second_person",
    "evaluative",
    "prescriptive",
    "questions",
    "exclamations",
    "hedges",
    "scare_quotes",
    "intensifiers",
    "attribution",
    "time_references",
    "everyday_objects",
    "officialdom",
    "mundane_officialese",
)
COUNTS = ("absurd_acts", "whimsical_bodies")


def acts(text: str) -> float:
    """The absurd_acts feature of a text."""
    return measure(make_doc(text))["absurd_acts"]


def expected_label(path: Path) -> str:
    return path.name.split("_", 1)[0]


@pytest.fixture(scope="module")
def genre_analyzer() -> Analyzer:
    """The default pipeline as far as genre: technique coverage is one of its features."""
    return Analyzer(pipeline=("language", "metadata", "entities", "quotes", "techniques", "genre"))


@pytest.fixture(scope="module")
def analysed(genre_analyzer: Analyzer) -> dict[str, Document]:
    return {
        path.name: genre_analyzer.analyze_text(path.read_text(encoding="utf-8"), path.name)
        for path in GENRE_FILES
    }


def genre_of(doc: Document) -> Genre:
    assert doc.genre is not None
    return doc.genre


def test_the_test_set_is_varied() -> None:
    labels = [expected_label(path) for path in GENRE_FILES]
    assert 6 <= len(GENRE_FILES) <= 20
    assert all(labels.count(label) >= 2 for label in LABELS), labels
    for path in GENRE_FILES:
        assert 150 <= len(path.read_text(encoding="utf-8").split()) <= 500, path.name


@pytest.mark.slow
@pytest.mark.parametrize("path", GENRE_FILES, ids=lambda p: p.stem)
def test_label(analysed: dict[str, Document], path: Path) -> None:
    genre = genre_of(analysed[path.name])
    assert genre.label == expected_label(path), genre.features
    assert genre.score > 0.5


@pytest.mark.slow
@pytest.mark.parametrize("path", GENRE_FILES, ids=lambda p: p.stem)
def test_features_present_and_in_range(analysed: dict[str, Document], path: Path) -> None:
    genre = genre_of(analysed[path.name])
    features = genre.features
    assert 0.0 <= genre.score <= 1.0
    for name in FLAGS:
        assert features[name] in (0.0, 1.0), name
    for name in SHARES:
        assert 0.0 <= features[name] <= 1.0, name
    for name in RATES:
        assert 0.0 <= features[name] <= 100.0, name
    for name in COUNTS:
        assert features[name] >= 0.0 and features[name] == int(features[name]), name
    assert features["words"] > 50
    assert features["satire_cues"] >= 0.0
    assert features["incongruity"] == pytest.approx(
        math.sqrt(features["everyday_objects"] * features["officialdom"]), abs=1e-3
    )
    assert 0.0 <= features["technique_coverage"] <= 1.0  # the technique tagger ran
    # The confidence is the softmax of the reported raw scores.
    scores = {label: features[f"score_{label}"] for label in LABELS}
    assert max(scores, key=lambda label: scores[label]) == genre.label
    assert softmax(scores)[genre.label] == pytest.approx(genre.score, abs=1e-3)


@pytest.mark.slow
def test_wire_report_is_reporting_for_the_reasons_reporting_is(
    analysed: dict[str, Document],
) -> None:
    features = genre_of(analysed["reporting_wire_port_strike.txt"]).features
    assert features["dateline"] == 1.0
    assert features["newsroom_byline"] == 1.0  # the wire credits line
    assert features["quoted_share"] > 0.2
    assert features["attribution"] > 3.0
    assert features["first_person_singular"] == 0.0
    assert features["prescriptive"] == 0.0


@pytest.mark.slow
def test_op_ed_is_opinion_for_the_reasons_opinion_is(analysed: dict[str, Document]) -> None:
    doc = analysed["opinion_oped_housing.txt"]
    features = genre_of(doc).features
    assert doc.metadata.author_roles  # "Jane Doe is director of the Centre for ..."
    assert features["author_title"] == 1.0
    assert features["first_person_singular"] > 1.0
    assert features["first_person_plural"] > 1.0
    assert features["prescriptive"] > 1.0
    assert features["questions"] > 0.0
    assert features["dateline"] == 0.0


@pytest.mark.slow
def test_deadpan_satire_is_satire_for_its_stock_phrases(analysed: dict[str, Document]) -> None:
    genre = genre_of(analysed["satire_area_man.txt"])
    assert genre.features["satire_cues"] >= 4.0  # "area man", "at press time", ...
    assert genre.features["satire_marker"] == 0.0  # no label: the phrases alone decide
    assert genre.features["score_satire"] > genre.features["score_reporting"]


@pytest.mark.slow
def test_state_media_praise_is_reporting_with_less_confidence(
    analysed: dict[str, Document],
) -> None:
    """An opinion piece disguised as news: a state agency's wire item in which an expert
    glorifies a minister. Genre is the article's form (who speaks: the sources, attributed,
    in the third person, under a dateline), so it is reporting; the praise is measured (its
    evaluative density is higher than a neutral wire's) and costs confidence, and it is the
    technique and portrayal annotators' job to show the spin."""
    praise = genre_of(analysed["reporting_state_media_praise.txt"])
    neutral = genre_of(analysed["reporting_wire_port_strike.txt"])
    assert praise.label == "reporting"
    assert praise.features["evaluative"] > neutral.features["evaluative"]
    assert praise.features["score_opinion"] > neutral.features["score_opinion"]
    assert praise.score < neutral.score
    assert praise.features["first_person_singular"] == 0.0


@pytest.mark.slow
def test_everyday_words_in_local_news_are_not_satire(analysed: dict[str, Document]) -> None:
    features = genre_of(analysed["reporting_village_fete_permit.txt"]).features
    assert features["everyday_objects"] > 0.0 and features["officialdom"] > 0.0
    assert features["score_reporting"] > features["score_satire"] + 1.0


# --------------------------------------------------------------------------- no spaCy, no quotes


def classify(text: str, **hints: object) -> Genre:
    doc = GenreClassifier()(MetadataExtractor()(make_doc(text, **hints)))
    assert doc.nlp is None
    return genre_of(doc)


@pytest.mark.parametrize("path", GENRE_FILES, ids=lambda p: p.stem)
def test_works_without_nlp_quotes_or_techniques(path: Path) -> None:
    genre = classify(path.read_text(encoding="utf-8"))
    assert genre.label == expected_label(path)
    assert genre.features["quoted_share"] == 0.0  # no quote annotator ran
    assert "unsourced" not in genre.features  # so it cannot tell whether anyone was quoted


def test_satire_outlet_hint_marks_satire() -> None:
    text = (GENRE / "reporting_council_budget.txt").read_text(encoding="utf-8")
    assert classify(text).label == "reporting"
    assert classify(text).features["satire_outlet"] == 0.0
    genre = classify(text, outlet="The Daily Mash")
    assert genre.features["satire_outlet"] == 1.0
    assert genre.features["satire_marker"] == 0.0  # named, not labelled
    assert genre.label == "satire"


def test_satire_outlet_source_line_is_an_outlet_not_a_label() -> None:
    genre = classify((GENRE / "satire_minister_cones.txt").read_text(encoding="utf-8"))
    assert genre.features["satire_outlet"] == 1.0  # "Source: The Daily Mash"
    assert genre.features["satire_marker"] == 0.0


def _doc_at(text: str, source: str, fmt: str = "text", source_text: str | None = None) -> Document:
    doc = make_doc(text)
    doc.source = source
    doc.format = fmt
    doc.source_text = source_text if source_text is not None else text
    return doc


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://www.theonion.com/government-abolishes-tuesday-1851234", 1.0),
        ("/home/me/saved/babylonbee.com_news_article.html", 1.0),
        ("https://local.der-postillon.com/2024/05/x.html", 1.0),
        ("https://www.nottheonion.com/story", 0.0),  # another site whose name contains one
        ("https://news.example.com/the-onion-sued-over-headline", 0.0),
        ("t.txt", 0.0),
    ],
)
def test_satire_outlet_by_domain_in_the_source(source: str, expected: float) -> None:
    text = (GENRE / "reporting_council_budget.txt").read_text(encoding="utf-8")
    doc = GenreClassifier()(MetadataExtractor()(_doc_at(text, source)))
    assert genre_of(doc).features["satire_outlet"] == expected
    assert genre_of(doc).label == ("satire" if expected else "reporting")


def test_satire_outlet_by_canonical_link_of_a_saved_page() -> None:
    text = (GENRE / "reporting_council_budget.txt").read_text(encoding="utf-8")
    head = '<html><head><link rel="canonical" href="https://www.newsthump.com/2024/x/"></head>'
    linked = '<html><body><a href="https://www.newsthump.com/2024/x/">a satire site</a></body>'
    page = GenreClassifier()(MetadataExtractor()(_doc_at(text, "page.html", "html", head)))
    link = GenreClassifier()(MetadataExtractor()(_doc_at(text, "page.html", "html", linked)))
    assert genre_of(page).features["satire_outlet"] == 1.0
    assert genre_of(link).features["satire_outlet"] == 0.0  # a link in the body is not the page


def test_opinion_section_hint_marks_opinion() -> None:
    text = (GENRE / "reporting_council_budget.txt").read_text(encoding="utf-8")
    genre = classify(text, section="Opinion")
    assert genre.features["opinion_marker"] == 1.0
    assert genre.features["score_opinion"] > classify(text).features["score_opinion"] + 4.0


def test_an_interview_s_questions_and_answers_count_as_reported_speech() -> None:
    turns = (
        "Q: What were you measuring on this trip?\n\n"
        "A: Mass balance. I think it is the clearest signal we have, and I am worried by it.\n\n"
        "Q: And what did you find?\n\n"
        "A: A loss of about 1.4 metres of water equivalent over the last year.\n\n"
        "Q: Will it recover?\n\n"
        "A: Not in my lifetime, I am afraid."
    )
    head = "A glaciologist on a shrinking glacier\n\nBy T. Reporter\n\n"
    intro = "Dr Reyes has measured the glacier for 18 years. We asked her about it.\n\n"
    interview = classify(head + intro + turns)
    # The same words with one question and one answer marked: not an interview.
    loose = classify(head + intro + turns.replace("Q: ", "", 2).replace("A: ", "", 2))
    assert interview.features["quoted_share"] > 0.6
    assert interview.features["questions"] == 0.0
    assert interview.features["first_person_singular"] == 0.0
    assert interview.label == "reporting"
    assert loose.features["questions"] > 0.0
    assert loose.features["first_person_singular"] > 0.0


@pytest.mark.parametrize(("asker", "answerer"), [("REYES", "MOLINA"), ("Ana Reyes", "Dr Molina")])
def test_an_interview_s_turns_marked_by_speakers_names_count_as_reported_speech(
    asker: str, answerer: str
) -> None:
    turns = (
        f"{asker}: What were you measuring on this trip?\n\n"
        f"{answerer}: Mass balance. I think it is the clearest signal we have, and I am "
        "worried by it.\n\n"
        f"{asker}: And what did you find?\n\n"
        f"{answerer}: A loss of about 1.4 metres of water equivalent over the last year.\n\n"
        f"{asker}: Will it recover?\n\n"
        f"{answerer}: Not in my lifetime, I am afraid."
    )
    head = "A glaciologist on a shrinking glacier\n\n"
    intro = "Dr Molina has measured the glacier for 18 years. She spoke about it on Monday.\n\n"
    interview = classify(head + intro + turns)
    assert interview.features["quoted_share"] > 0.6
    assert interview.features["first_person_singular"] == 0.0
    assert interview.label == "reporting"
    # One speaker with several labelled paragraphs is no interview ("Update: ..." notes).
    notes = turns.replace(f"{asker}: ", "")
    assert classify(head + intro + notes).features["first_person_singular"] > 0.0
    # Labels must be names: lowercase openings ("note: ...") are not turns.
    lowered = turns.replace(f"{asker}:", "asked:").replace(f"{answerer}:", "answered:")
    assert classify(head + intro + lowered).features["first_person_singular"] > 0.0


def test_a_piece_that_quotes_nobody_is_unsourced_even_without_first_person(
    genre_analyzer: Analyzer,
) -> None:
    polemic = (
        "Selling the harbour is not policy. It is surrender\n\n"
        "The port authority has finally admitted what its plan has been for years. The sale "
        "of the harbour to a private fund was dressed up as modernisation. Strip away the "
        "vocabulary and the plan is simple: public land built with public money will be "
        "handed to a fund whose only duty is to its shareholders. The same thing was tried "
        "a decade ago, and the families who lost their moorings never got them back. A "
        "harbour is not a spreadsheet. The sale should be stopped before it is signed."
    )
    unsourced = genre_of(genre_analyzer.analyze_text(polemic, "polemic.txt"))
    reported = polemic.replace(
        "The same thing was tried",
        '"This is a sale to friends," said Maria Lopes, who chairs the fishermen\'s '
        'association. "We will fight it." The same thing was tried',
    )
    sourced = genre_of(genre_analyzer.analyze_text(reported, "report.txt"))
    assert unsourced.features["unsourced"] == 1.0
    assert unsourced.features["first_person_singular"] == 0.0
    assert sourced.features["unsourced"] == 0.0
    assert sourced.features["quoted_share"] >= 0.05


def test_a_letter_to_the_editor_is_marked_opinion_by_its_form() -> None:
    body = (
        "I write to congratulate the council on its new parking scheme, which I discovered "
        "by finding a penalty notice under my windscreen wiper.\n\n"
        "Yours, with diminishing faith in local democracy,\n\nA. Reader\nElm Road"
    )
    by_headline = classify("Letter: A triumph for the council\n\n" + body)
    by_salutation = classify("A triumph for the council\n\nSir,\n\n" + body)
    dear_editor = classify("A triumph for the council\n\nDear Editor,\n\n" + body)
    plain = classify("A triumph for the council\n\n" + body)
    news = classify(
        "Letter posted in 1964 delivered at last\n\n"
        '"Sir, you will not believe this," the postman began, a neighbour said.\n\n' + body
    )
    for marked in (by_headline, by_salutation, dear_editor):
        assert marked.features["opinion_marker"] == 1.0
        assert marked.label == "opinion"
    assert plain.features["opinion_marker"] == 0.0
    assert news.features["opinion_marker"] == 0.0  # a headline about a letter, "Sir" in speech


def test_satire_headline_prefix_marks_satire_but_news_about_satire_does_not() -> None:
    body = (
        "The ministry has banned the letter Q from official forms to shorten queues, "
        "officials said on Monday.\n\n"
        '"If there is no word for it, there is no problem," the minister told reporters.'
    )
    labelled = classify("SATIRE: Ministry bans the letter Q\n\n" + body)
    kicker = classify("Satire\n\nMinistry bans the letter Q\n\n" + body)
    disclaimer = classify(body + "\n\nThis article is satire and not meant to be taken seriously.")
    about = classify("Satirical magazine fined over cartoon of minister\n\n" + body)
    sentence = classify("A parody of the anthem has gone viral.\n\n" + body)
    short_headline = classify("Parody goes viral\n\n" + body)
    assert labelled.features["satire_marker"] == 1.0
    assert kicker.features["satire_marker"] == 1.0
    assert disclaimer.features["satire_marker"] == 1.0
    assert about.features["satire_marker"] == 0.0
    assert sentence.features["satire_marker"] == 0.0
    assert short_headline.features["satire_marker"] == 0.0


# --------------------------------------------------------------------------- deadpan absurdity


def test_absurd_acts_are_official_actions_on_mundane_targets() -> None:
    assert acts("The government abolished Tuesday.") == 1.0
    assert acts("Rainbows have been banned until further notice.") == 1.0  # passive
    assert acts("It is studying the removal of February.") == 1.0
    assert acts("Forms for reporting unauthorised Tuesdays.") == 1.0
    assert acts("Inspectors fined her cat twice.") == 1.0
    # Dates, modifiers and real bureaucracy are not acts on a mundane target.
    assert acts("The law was repealed on Tuesday.") == 0.0
    assert acts("The removal took place at the end of February.") == 0.0
    assert acts("Monday was declared a public holiday.") == 0.0
    assert acts("The ministry abolished Sunday trading.") == 0.0
    assert acts("Tuesday's meeting was banned by the court.") == 0.0
    assert acts("Police fined 40 dog owners.") == 0.0
    assert acts("Fine weather is expected.") == 0.0
    assert acts("The government abolished the seasonal clock change.") == 0.0


def test_commercial_acts_count_only_on_what_nobody_owns() -> None:
    assert acts("The billionaire bought the Moon.") == 1.0
    assert acts("The firm bills customers for blinking.") == 1.0
    assert acts("Sunlight will be sold by the hour.") == 1.0  # passive
    assert acts("A monthly subscription for moonlight.") == 1.0
    assert acts("Households will pay for gravity.") == 1.0
    # Commerce on everyday things, habits, names and modifiers is commerce.
    assert acts("The hotel charges guests for breakfast.") == 0.0
    assert acts("The pool will charge for swimming.") == 0.0
    assert acts("The club sold its stars for a record fee.") == 0.0
    assert acts("Comcast bought Sky, and the Sun was sold.") == 0.0
    assert acts("Patients were charged for oxygen.") == 0.0
    assert acts("He was charged after a breath test.") == 0.0
    assert acts("He paid for breathing equipment.") == 0.0
    assert acts("Nasa bought moon rocks.") == 0.0
    assert acts("Tickets sold out by dawn.") == 0.0  # a time of day after a preposition


def test_the_person_charged_may_stand_between_a_commercial_act_and_its_target() -> None:
    assert acts("It will charge passengers for exhaled air.") == 1.0
    assert acts("It will charge each passenger for exhaling.") == 1.0
    # Only commerce restarts the window at "for"; an official act keeps its one content word.
    assert acts("Wardens fined drivers for parking on the lawn.") == 0.0
    assert acts("Wardens fined drivers for sighing.") == 1.0


def test_the_weather_counts_only_as_what_is_charged_for() -> None:
    """Rain falling on a garden is nobody's supply: billing for it is absurd. Rain that keeps
    customers away, and rainwater drainage billed by roof area, are commerce."""

    assert acts("The water company will charge for rain.") == 1.0
    assert acts("It began billing households for rain that falls on lawns.") == 1.0
    assert acts("They want me to pay for weather I never saw.") == 1.0
    assert acts("Customers will be charged for rainfall on their property.") == 1.0
    # The weather beside commerce, but not what is paid for.
    assert acts("Rain kept customers away, and prices fell.") == 0.0
    assert acts("The council charges for rainwater drainage by roof area.") == 0.0
    assert acts("Fans were refunded for rain-affected matches.") == 0.0
    assert acts("Prices rose after the rain.") == 0.0
    assert acts("Rain will be charged.") == 0.0  # only as what is charged for, not passive


def test_a_mundane_sentence_with_an_absurd_act_is_mundane_officialese() -> None:
    text = "The firm bills households for rain. Rain kept customers away. The council met."
    features = measure(make_doc(text))
    assert features["mundane_officialese"] == pytest.approx(100 * 1 / features["words"], 0.01)


def test_everyday_objects_count_in_the_plural() -> None:
    singular = measure(make_doc("The council fined the doorbell."))
    plural = measure(make_doc("The council fined the doorbells and the fridges."))
    assert singular["absurd_acts"] == plural["absurd_acts"] == 1.0
    assert plural["everyday_objects"] == pytest.approx(100 * 2 / plural["words"], 0.01)


def test_put_upon_resident_is_a_person_by_age_with_trivia_in_the_official_register() -> None:
    def resident(text: str) -> float:
        return measure(make_doc(text))["put_upon_resident"]

    assert resident("Derek Hollis, 62, said the council had fined his kettle twice.") == 1.0
    assert resident("Jean Marsh, 81, received a bill for the rain on her lawn.") == 1.0
    # A person by age without trivia, or trivia without officialdom or commerce, is news.
    assert resident("Amina Bibi, 35, said the council had not sent help.") == 0.0
    assert resident("Jairo Ruiz, 52, grew coffee and kept a drying shed.") == 0.0
    assert resident("Residents said the council had fined a kettle.") == 0.0  # nobody by age
    assert resident("A bill arrived for the kettle.\n\nJean Marsh, 81, was away.") == 0.0


def test_a_preposition_does_not_make_a_target_a_modifier() -> None:
    assert acts("It will charge for exhaling above the allowance.") == 1.0
    assert acts("They banned sighing near the town hall.") == 1.0
    assert acts("They banned sighing ceremonies.") == 0.0  # still a modifier


def test_mundane_officialese_counts_commerce_on_what_nobody_owns() -> None:
    text = (
        "Customers who breathe slowly will pay less. Rain kept customers away. "
        "The cafe charges for coffee. Moonlight is now a premium feature."
    )
    features = measure(make_doc(text))
    assert features["mundane_officialese"] == pytest.approx(100 * 2 / features["words"], 0.01)


def test_absurd_kicker_counts_commerce_on_what_nobody_owns() -> None:
    body = "Officials met on Monday to discuss the budget, a spokesman said.\n\n"
    assert (
        measure(make_doc(body + "Customers may also buy extra moonlight."))["absurd_kicker"] == 1.0
    )
    assert measure(make_doc(body + "Customers may also buy extra coffee."))["absurd_kicker"] == 0.0


def test_whimsical_bodies_are_official_names_with_a_mundane_remit() -> None:
    def bodies(text: str) -> float:
        return measure(make_doc(text))["whimsical_bodies"]

    assert bodies("The Federal Bureau of Calendar Efficiency said.") == 1.0
    assert bodies("A fellow at the Institute for Mild Inconvenience said.") == 1.0
    # The ministry and its minister are one body.
    assert bodies("The Ministry of Water Discipline and Minister of Water Discipline.") == 1.0
    assert (
        bodies("The Ministry of Foreign Affairs and the Office for Budget Responsibility.") == 0.0
    )
    assert bodies("The Department of Health said the ministry of sandwiches was a joke.") == 0.0


def test_mundane_officialese_counts_sentences_not_words() -> None:
    text = (
        "Sighing will need a licence. Tutting is covered by the bylaw. "
        "The council met. Residents sighed."
    )
    features = measure(make_doc(text))
    assert features["mundane_officialese"] == pytest.approx(100 * 2 / features["words"], 0.01)
    # A mundane word as a modifier or a date is not talked of officially.
    modifier = measure(make_doc("The garden waste service needs a permit. Fines start on Monday."))
    assert modifier["mundane_officialese"] == 0.0


def test_absurd_kicker_is_the_closing_paragraph_only() -> None:
    body = "Officials met on Monday to discuss the budget, a spokesman said.\n\n"
    closing = body + "The council said it would extend the ban to yawning."
    opening = "The council said it would extend the ban to yawning.\n\n" + body + body
    dated = body + "The council said the ban would be reviewed in October."
    assert measure(make_doc(closing))["absurd_kicker"] == 1.0
    assert measure(make_doc(opening))["absurd_kicker"] == 0.0
    assert measure(make_doc(dated))["absurd_kicker"] == 0.0


def test_absurd_kicker_counts_an_escalation_in_the_closing_paragraphs() -> None:
    """The scheme's next mundane conquest, named in one of the last two paragraphs, with or
    without an official word: "extend it to the cutlery drawer", "fog is the next step"."""
    body = "Officials met on Monday to discuss the budget, a spokesman said.\n\n"
    last = "The firm said a later update would extend the feature to the cutlery drawer."
    assert measure(make_doc(body + last))["absurd_kicker"] == 1.0
    fog = 'Fog is the obvious next step," he said.\n\nThe firm said bills would fall.'
    assert measure(make_doc(body + '"' + fog))["absurd_kicker"] == 1.0
    # Too early, a date rather than a target, or a modifier: real news closes like that.
    early = body + "It will extend the feature to the kettle.\n\n" + body + body
    assert measure(make_doc(early))["absurd_kicker"] == 0.0
    dated = body + "The council will extend the consultation to next Tuesday."
    assert measure(make_doc(dated))["absurd_kicker"] == 0.0
    modifier = body + "The firm will extend the scheme to garden waste next year."
    assert measure(make_doc(modifier))["absurd_kicker"] == 0.0


@pytest.mark.slow
@pytest.mark.parametrize("name", ["satire_sunshine_rationed.txt", "satire_sighing_bylaw.txt"])
def test_unmarked_deadpan_satire_is_satire_for_its_absurdity(
    analysed: dict[str, Document], name: str
) -> None:
    """No stock phrase, no label, no outlet: the official register turned on trivia decides."""
    features = genre_of(analysed[name]).features
    assert features["satire_cues"] == 0.0
    assert features["satire_marker"] == 0.0 and features["satire_outlet"] == 0.0
    assert features["absurd_kicker"] == 1.0
    assert features["mundane_officialese"] > 1.0
    assert features["absurd_acts"] + features["whimsical_bodies"] >= 2.0
    assert features["score_satire"] > features["score_reporting"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "reporting_bin_collection_days.txt",
        "reporting_clock_change_scrapped.txt",
        "reporting_airline_cabin_bag_fee.txt",
        "reporting_tourist_tax_doubled.txt",
        "reporting_surface_water_charge.txt",
    ],
)
def test_dry_bureaucratic_news_is_not_deadpan_satire(
    analysed: dict[str, Document], name: str
) -> None:
    """Councils move bin days and ministries scrap clock changes, airlines charge for bags and
    cities tax hotel stays, water companies bill drainage by roof area: the official and
    commercial register on everyday matters, but on real targets, dated, and without a
    whimsical body, kicker or resident's tale of a fined kettle."""
    features = genre_of(analysed[name]).features
    assert features["put_upon_resident"] == 0.0
    assert features["absurd_acts"] <= 1.0  # a seasonal ban on dogs on the beach at most
    assert features["whimsical_bodies"] == 0.0
    assert features["absurd_kicker"] == 0.0
    assert features["mundane_officialese"] < 0.6  # below the floor: adds nothing
    assert features["score_reporting"] > features["score_satire"] + 4.0


@pytest.mark.slow
def test_commerce_on_what_nobody_owns_is_satire(analysed: dict[str, Document]) -> None:
    """No stock phrase, label or outlet: gravity sold, billed, priced and metered decides."""
    features = genre_of(analysed["satire_gravity_privatised.txt"]).features
    assert features["satire_cues"] == 0.0 and features["satire_marker"] == 0.0
    assert features["whimsical_bodies"] == 0.0
    assert features["absurd_acts"] >= 3.0  # "billed for gravity", "sale of ... gravity", ...
    assert features["mundane_officialese"] > 1.0
    assert features["score_satire"] > features["score_reporting"]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["satire_airline_exhale_fee.txt", "satire_moon_subscription.txt"])
def test_second_heldout_commerce_satire(genre_analyzer: Analyzer, name: str) -> None:
    path = DATA / "portrayal_heldout2" / name
    if not path.exists():
        pytest.skip("no second held-out portrayal set")
    genre = genre_of(genre_analyzer.analyze_path(path))
    assert genre.features["satire_marker"] == 0.0 and genre.features["satire_outlet"] == 0.0
    assert genre.features["absurd_acts"] >= 2.0  # "charge ... for exhaling", "buys the Moon"
    assert genre.features["mundane_officialese"] > 0.6  # above the floor
    assert genre.label == "satire"


@pytest.mark.slow
def test_deadpan_satire_of_private_trivia_is_satire(analysed: dict[str, Document]) -> None:
    """A council vetting doorbell chimes: no stock phrase, no absurd act, no whimsical body;
    doorbells talked of officially, a kicker reaching for the kettle and the officialdom
    around household things decide."""
    features = genre_of(analysed["satire_doorbell_tone_review.txt"]).features
    assert features["satire_cues"] < 1.0 and features["satire_marker"] == 0.0
    assert features["absurd_acts"] == 0.0 and features["whimsical_bodies"] == 0.0
    assert features["absurd_kicker"] == 1.0
    assert features["mundane_officialese"] > 0.6  # "doorbells" counts as "doorbell"
    assert features["score_satire"] > features["score_reporting"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("directory", "name"),
    [
        ("portrayal_heldout3", "satire_fridge_snack_audit.txt"),
        ("portrayal_heldout4", "satire_rain_meter_levy.txt"),
    ],
)
def test_third_and_fourth_heldout_deadpan_satire(
    genre_analyzer: Analyzer, directory: str, name: str
) -> None:
    """A fridge that vets its owner's snacks, a water company billing for rain on lawns: a
    resident by age with the bill or the rejection, and the next mundane conquest to close."""
    path = DATA / directory / name
    if not path.exists():
        pytest.skip("no such held-out portrayal set")
    genre = genre_of(genre_analyzer.analyze_path(path))
    assert genre.features["satire_marker"] == 0.0 and genre.features["satire_outlet"] == 0.0
    assert genre.features["put_upon_resident"] == 1.0
    assert genre.features["absurd_kicker"] == 1.0
    assert genre.label == "satire"


@pytest.mark.slow
def test_rain_billed_to_gardens_is_an_absurd_act(genre_analyzer: Analyzer) -> None:
    path = DATA / "portrayal_heldout4" / "satire_rain_meter_levy.txt"
    if not path.exists():
        pytest.skip("no fourth held-out portrayal set")
    features = genre_of(genre_analyzer.analyze_path(path)).features
    assert features["absurd_acts"] >= 3.0  # "billing households for rain", "pay for weather"
    assert features["mundane_officialese"] > 0.6


@pytest.mark.slow
def test_heldout_deadpan_satire_without_stock_phrases(genre_analyzer: Analyzer) -> None:
    path = DATA / "portrayal_heldout" / "satire_tuesday_abolished.txt"
    if not path.exists():
        pytest.skip("no held-out portrayal set")
    features = genre_of(genre_analyzer.analyze_path(path)).features
    assert features["satire_cues"] == 0.0 and features["satire_marker"] == 0.0
    assert features["absurd_acts"] >= 2.0  # "abolishes Tuesday", "removal of February", ...
    assert features["whimsical_bodies"] == 1.0  # the Federal Bureau of Calendar Efficiency
    assert features["score_satire"] > features["score_reporting"]


def test_first_person_stance_is_not_attribution() -> None:
    stance = classify("I think the plan will fail, and we believe the council knows it.")
    report = classify("The mayor said the plan would fail, and aides believed it.")
    assert stance.features["attribution"] == 0.0
    assert report.features["attribution"] > 0.0


@pytest.mark.slow
def test_quotes_do_not_count_as_the_writers_voice(genre_analyzer: Analyzer) -> None:
    text = (
        "Council delays vote on harbour plan\n\n"
        '"We must act now, and I will not give up. Why should we wait?" Mayor Ann Lowe '
        "told reporters on Tuesday.\n\n"
        "The vote was delayed until next month, officials said."
    )
    features = genre_of(genre_analyzer.analyze_text(text)).features
    assert features["prescriptive"] == 0.0
    assert features["first_person_singular"] == 0.0
    assert features["questions"] == 0.0
    assert features["quoted_share"] > 0.3


def test_technique_coverage_is_measured_when_techniques_ran() -> None:
    path = GENRE / "reporting_state_media_praise.txt"
    doc = MetadataExtractor()(make_doc(path.read_text(encoding="utf-8")))
    without = genre_of(GenreClassifier()(doc))
    assert "technique_coverage" not in without.features
    start = doc.text.index("The visionary")
    end = doc.text.index("has said.") + len("has said.")
    doc.techniques = [
        TechniqueSpan(start, end, start, end, doc.text[start:end], "Loaded_Language", 0.9)
    ]
    features = measure(doc)
    assert features["technique_coverage"] == pytest.approx((end - start) / len(doc.text))
    with_techniques = genre_of(GenreClassifier()(doc))
    assert with_techniques.features["score_opinion"] > without.features["score_opinion"]


def test_satire_carries_the_form_it_imitates_without_its_markers() -> None:
    """A satirical column earns opinion's form (first person, exhortation) as a deadpan news
    story earns reporting's, so the wording logit decides in either form; an outlet's opinion
    label is a mark of the real thing and stays with opinion alone."""
    column = {"first_person_singular": 5.0, "prescriptive": 2.0, "evaluative": 4.0}
    wire = {"attribution": 4.0, "quoted_share": 0.4, "dateline": 1.0, "time_references": 2.0}
    for form, straight in ((column, "opinion"), (wire, "reporting")):
        plain = label_scores({**form, "satire_wording": -3.0})
        assert max(plain, key=lambda label: plain[label]) == straight
        deadpan = label_scores({**form, "satire_wording": 3.0})
        assert max(deadpan, key=lambda label: deadpan[label]) == "satire"
        # The straight genre's own form score is what satire carries, less its handicap.
        assert deadpan["satire"] - plain["satire"] == pytest.approx(3 * 3.0)
    labelled = label_scores({**column, "opinion_marker": 1.0, "satire_wording": 4.0})
    assert max(labelled, key=lambda label: labelled[label]) == "opinion"


def test_every_weight_names_a_measured_feature() -> None:
    data = read_json("genre.json")
    features = set(measure(make_doc("A short text, said nobody.")))
    features.add("technique_coverage")  # only measured when the technique tagger ran
    features.add("unsourced")  # only measured when the quote annotator could run
    for label in LABELS:
        assert set(data["weights"][label]) - {"bias"} <= features, label
    for label, forms in data["imitates"].items():
        assert label in LABELS and set(forms) <= set(LABELS) - {label}
    assert set(data["form_markers"]) <= features
    assert set(data["caps"]) <= features
    assert set(data["floors"]) <= features


# --------------------------------------------------------------------------- labelled set


def portrayal_articles() -> list[tuple[Path, str]]:
    """Every article of the labelled portrayal sets (tests/data/portrayal*) with its genre."""
    articles = []
    for labels in sorted(DATA.glob("portrayal*/labels.json")):
        for article in json.loads(labels.read_text(encoding="utf-8"))["articles"]:
            articles.append((labels.parent / article["file"], article["genre"]))
    return articles


PORTRAYAL_GENRE_MISSES = {
    "portrayal_heldout8/agency_akp_ota_sek_school.txt",
    "portrayal_heldout8/reporting_hadley_marsh_time_capsule.txt",
}
"""Articles of the portrayal sets (folder/file) whose genre is still wrong: two light
reports (a state agency's school feature, an empty time capsule) that the wording model reads
as deadpan satire."""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "label"),
    [
        pytest.param(p, g, marks=pytest.mark.xfail(strict=True))
        if f"{p.parent.name}/{p.name}" in PORTRAYAL_GENRE_MISSES
        else (p, g)
        for p, g in portrayal_articles()
    ],
    ids=lambda value: f"{value.parent.name}/{value.stem}" if isinstance(value, Path) else "",
)
def test_labelled_portrayal_sets(genre_analyzer: Analyzer, path: Path, label: str) -> None:
    doc = genre_analyzer.analyze_path(path)
    assert genre_of(doc).label == label, genre_of(doc).features


def test_the_portrayal_sets_are_all_read() -> None:
    articles = portrayal_articles()
    assert len(articles) >= 120 and {label for _, label in articles} == set(LABELS)
    assert all(path.is_file() for path, _ in articles)


DRY_WIRE = (
    "Council moves bin collection days\n\n"
    "HARTLEY, Nov 3 (Agency) - The district council said on Tuesday that bin collections "
    'would move from Mondays to Thursdays from January. "Crews will follow new routes," '
    "a spokesman said. The change affects 14,000 homes, according to council figures.\n"
)


def test_satire_wording_is_the_bundled_models_logit() -> None:
    from spinscope.satire.wording import bundled_wording_model

    model = bundled_wording_model()
    assert model is not None, "the wording model ships with the package"
    doc = make_doc(DRY_WIRE)
    assert measure(doc)["satire_wording"] == pytest.approx(model.logit(doc.text))


@pytest.mark.parametrize(("bias", "expected"), [(-10.0, "reporting"), (10.0, "satire")])
def test_wording_counts_only_above_its_floor_and_up_to_its_cap(
    monkeypatch: pytest.MonkeyPatch, bias: float, expected: str
) -> None:
    from spinscope.annotators import genre
    from spinscope.satire.wording import WordingModel

    monkeypatch.setattr(genre, "bundled_wording_model", lambda: WordingModel({}, {}, bias))
    doc = GenreClassifier()(make_doc(DRY_WIRE))
    features = genre_of(doc).features
    assert features["satire_wording"] == bias
    assert genre_of(doc).label == expected
    weights = read_json("genre.json")
    cap = weights["caps"]["satire_wording"]
    floor = weights["floors"]["satire_wording"]
    weight = weights["weights"]["satire"]["satire_wording"]
    monkeypatch.setattr(genre, "bundled_wording_model", lambda: WordingModel({}, {}, floor))
    at_floor = genre_of(GenreClassifier()(make_doc(DRY_WIRE))).features["score_satire"]
    added = features["score_satire"] - at_floor
    assert added == pytest.approx(0.0 if bias < floor else weight * (cap - floor), abs=1e-3)


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        DATA / "portrayal_heldout7" / "satire_surname_renewal.txt",
        DATA / "portrayal_heldout9" / "satire_early_election_results.txt",
        DATA / "portrayal_heldout8" / "satire_birthday_reallocation.txt",
    ],
    ids=lambda p: p.stem,
)
def test_deadpan_satire_without_any_lexicon_cue_is_satire_by_its_wording(
    genre_analyzer: Analyzer, path: Path
) -> None:
    """Registries reallocating surnames, results published before the vote: no stock phrase,
    no mundane target, no whimsical body. The wording model, fitted on paired stories told
    straight and deadpan, is what tells them apart."""
    doc = genre_analyzer.analyze_text(path.read_text(encoding="utf-8"), path.name)
    features = genre_of(doc).features
    assert features["satire_cues"] == 0.0 and features["satire_marker"] == 0.0
    assert features["whimsical_bodies"] == 0.0
    assert features["satire_wording"] > 2.0
    assert genre_of(doc).label == "satire"


BLIND = sorted((DATA / "genre_blind").glob("*.txt"))
"""Sixteen articles written blind (their writer saw no code, training text or test article)
after the wording model was fitted, and scored once: 15 right, 10 without the wording. The
miss, an unsigned editorial with no first person, led to ``editorial_voice``."""
BLIND2 = sorted((DATA / "genre_blind2").glob("*.txt"))
"""Twenty more articles written blind, satires in eight house styles of satirical outlets,
scored once on arrival: 19 right, all eight satires caught (13 without the wording)."""
BLIND3 = sorted((DATA / "genre_blind3").glob("*.txt"))
"""Twenty-two more, written blind and scored once by the first (word-only) model before it was
refitted with word pairs and opinion twins: 17 right, four opinion pieces read as satire."""
BLIND4 = sorted((DATA / "genre_blind4").glob("*.txt"))
"""Twenty-four more (8 satires in eight forms, from a mock wire to a lifestyle guide; 8
reports; 8 opinion pieces), written blind and scored once by the shipped model of
2026-11-24 morning: 19 right, all 16 straight pieces right, five satires missed (a lifestyle
guide, a first-person column and a Q&A read as opinion; a study and a press release read as
reporting)."""
BLIND5 = sorted((DATA / "genre_blind5").glob("*.txt"))
"""Twenty-two more (10 satires in ten forms, 6 reports, 6 opinion pieces), written blind while
the third wording model was being fitted, and scored once by the second (16 right) and once
by the third with the letters-page marker (17 right)."""
BLIND6 = sorted((DATA / "genre_blind6").glob("*.txt"))
"""Twenty-four more (10 satires in ten forms, among them a first-person column, a guide
addressed to "you", a transcript with speakers' names for turns, a review, an FAQ, an open
letter and a listicle; 7 reports; 7 opinion pieces), written blind while the fourth wording
model's form pairs were being written, and scored once on arrival by the third model: 17
right, six satires in opinion forms read as opinion and a polemic read as reporting."""
BLIND7 = sorted((DATA / "genre_blind7").glob("*.txt"))
"""Twenty-four more (10 satires in ten forms: a wire, a persona column, advice, a press
release, a study, a transcript with speakers' names for turns, a review, an obituary, a
council notice, a markets report; 7 reports, among them an interview with names for turns;
7 opinion pieces, among them a sarcastic letter and a polemic without first person), written
blind after the fourth wording model and satire's imitation of opinion, and scored once on
arrival: 19 right. Missed: the letter read as satire (the cleaner had joined its "Sir," to
the next paragraph), the polemic and the markets satire read as reporting, and both
transcripts read as opinion (only "Q:"/"A:" turns counted as reported speech)."""
BLIND8 = sorted((DATA / "genre_blind8").glob("*.txt"))
"""Twenty-four more (10 satires in ten forms: a wire brief, a feature, a ministry statement, a
travel piece, a recipe, a job advertisement, an advice-column reply, a forecast, a court
report, a speech reported as news; 7 reports; 7 opinion pieces, among them a letter without a
salutation, an op-ed and an editorial without first person, and a wry parliamentary sketch),
written blind after every change of the fifth session and scored once on arrival: 18 right.
No change was made after it."""
BLIND_MISSES = {
    "genre_blind2/satire_study_drawer_cables.txt",
    "genre_blind3/satire_expert_born_owning_property.txt",
    "genre_blind4/satire_extended_warranty_guide.txt",
    "genre_blind5/satire_airline_exhale_tier.txt",
    "genre_blind5/satire_markets_zurich_man.txt",
    "genre_blind6/satire_horizon_column.txt",
    "genre_blind6/satire_waterway_radio_interview.txt",
    "genre_blind7/satire_markets_rotterdam_sentiment_man.txt",
    "genre_blind7/satire_revolving_door_resident_interview.txt",
    "genre_blind8/opinion_commons_sketch_pothole_debate.txt",
    "genre_blind8/satire_cape_town_neighbours_shadow_advice.txt",
    "genre_blind8/satire_ghana_ministry_road_shortening.txt",
    "genre_blind8/satire_iceland_party_leader_pledges_move_south.txt",
    "genre_blind8/satire_rotterdam_senior_tide_coordinator_vacancy.txt",
    "genre_blind8/satire_three_generation_goulash_recipe.txt",
}
"""Misses still standing (folder/file) with the fourth wording model and satire carrying
opinion's form: satires that argue in the first or second person without the wording model's
cues (a column, a warranty guide) or answer questions without turn marks (an economist's
interview, an advice-column reply, a job advertisement, a recipe, a ministry statement),
read as opinion; a press release, a study report, two markets stories, two transcripts and a
speech reported as news read as reporting; a wry parliamentary sketch read as satire."""


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True))
        if f"{p.parent.name}/{p.name}" in BLIND_MISSES
        else p
        for p in BLIND + BLIND2 + BLIND3 + BLIND4 + BLIND5 + BLIND6 + BLIND7 + BLIND8
    ],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_blind_set_label(genre_analyzer: Analyzer, path: Path) -> None:
    doc = genre_analyzer.analyze_text(path.read_text(encoding="utf-8"), path.name)
    assert genre_of(doc).label == expected_label(path), genre_of(doc).features


@pytest.mark.parametrize(
    ("articles", "size", "satires", "opinions"),
    [
        (BLIND, 16, 5, 4),
        (BLIND2, 20, 8, 4),
        (BLIND3, 22, 8, 6),
        (BLIND4, 24, 8, 8),
        (BLIND5, 22, 10, 6),
        (BLIND6, 24, 10, 7),
        (BLIND7, 24, 10, 7),
        (BLIND8, 24, 10, 7),
    ],
    ids=lambda value: value[0].parent.name if isinstance(value, list) else None,
)
def test_the_blind_set_has_each_kind(
    articles: list[Path], size: int, satires: int, opinions: int
) -> None:
    labels = [expected_label(path) for path in articles]
    assert (len(labels), labels.count("satire"), labels.count("opinion")) == (
        size,
        satires,
        opinions,
    )


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Councillors should reject it. This newspaper will be watching how they vote.", 1),
        ("In this newspaper's view the plan fails. This paper has argued so for years.", 2),
        ("A council spokesman told this newspaper the routes would close in January.", 0),
        ('"This newspaper will be watching," the mayor joked at the launch.', 0),
    ],
)
def test_editorial_voice_is_the_outlet_judging_in_its_own_name(
    genre_analyzer: Analyzer, sentence: str, count: int
) -> None:
    doc = genre_analyzer.analyze_text(f"Night buses\n\n{sentence}\n")
    assert genre_of(doc).features["editorial_voice"] == count
