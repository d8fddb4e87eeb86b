from __future__ import annotations

import math

import pytest
from tests.conftest import EXAMPLES, make_doc

from spinscope.annotators.framing import (
    MAX_EVIDENCE,
    FrameScorer,
    frame_catalogue,
    frame_score,
    stem,
)
from spinscope.data import read_json
from spinscope.document import Document, Frame

MFC_FRAMES = [
    "economic",
    "capacity_and_resources",
    "morality",
    "fairness_and_equality",
    "legality_constitutionality_jurisprudence",
    "policy_prescription_and_evaluation",
    "crime_and_punishment",
    "security_and_defense",
    "health_and_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation_and_reputation",
]

TARIFFS = (
    "The new tariffs on imported steel will raise prices for manufacturers and could cost "
    "thousands of jobs, economists warned on Monday. Exporters fear a trade war that would hit "
    "growth, while investors sold shares as the stock market fell. The central bank said "
    "inflation may rise if companies pass the higher costs on to consumers."
)
SHELLING = (
    "Artillery shelling hit villages along the border overnight, the defence ministry said, "
    "accusing enemy troops of violating the ceasefire. Two soldiers were killed and several "
    "civilians wounded as drones struck military positions near the front line. The army said "
    "it had returned fire and warned of a wider offensive."
)
COURT_RULING = (
    "The Supreme Court ruled on Tuesday that the law was unconstitutional, siding with the "
    "plaintiffs in a lawsuit that challenged it. Judges said the statute violated due process, "
    "and lawyers for the state said they would appeal the ruling to a higher court."
)
MEASLES = (
    "Health officials urged parents to vaccinate their children as a measles outbreak spread to "
    "three more schools. Hospitals reported dozens of patients with symptoms of the disease, "
    "and doctors warned that the infection can be dangerous for infants who are too young for "
    "the vaccine."
)
PROTESTS = (
    "Thousands of protesters rallied in the capital on Saturday, and a new opinion poll shows "
    "public support for the plan has collapsed. The outcry spread on social media, and "
    "pollsters say the government's approval rating is at a record low."
)
DIPLOMACY = (
    "The foreign minister met the ambassador to discuss bilateral relations and the sanctions "
    "imposed by the European Union. Diplomats said the summit could restore the country's "
    "international reputation and pave the way for a peace treaty under UN mediation."
)
NOTHING_MUCH = (
    "The meeting took place on Thursday afternoon in the capital. Participants discussed "
    "several topics and agreed to meet again next month."
)


@pytest.fixture(scope="module")
def frames_analyzer():  # type: ignore[no-untyped-def]
    from spinscope.pipeline import Analyzer

    # Only the stages frames need, so this module does not depend on annotators in progress.
    return Analyzer(pipeline=("language", "metadata", "entities", "quotes", "frames"))


def scored(text: str) -> Document:
    """Frames on a document tokenised by the fallback tokenizer (no spaCy)."""
    return FrameScorer()(make_doc(text))


def frame_of(doc: Document, frame: str) -> Frame:
    found = [f for f in doc.frames if f.frame == frame]
    assert found, (frame, [f.frame for f in doc.frames])
    return found[0]


def score_of(doc: Document, frame: str) -> float:
    return next((f.score for f in doc.frames if f.frame == frame), 0.0)


class TestCatalogue:
    def test_has_the_fourteen_mfc_frames_in_codebook_order(self) -> None:
        catalogue = frame_catalogue()
        assert list(catalogue) == MFC_FRAMES
        for frame_id, definition in catalogue.items():
            assert definition.id == frame_id
            assert definition.name and definition.definition.endswith(".")

    def test_is_cached(self) -> None:
        assert frame_catalogue() is frame_catalogue()

    def test_every_frame_has_a_rich_weighted_lexicon(self) -> None:
        for entry in read_json("frames.json")["frames"]:
            lexicon = entry["lexicon"]
            assert len(lexicon) >= 40, entry["id"]
            assert all(0 < weight <= 1 for weight in lexicon.values()), entry["id"]
            assert any(" " in cue for cue in lexicon), entry["id"]


class TestStem:
    @pytest.mark.parametrize(
        ("forms", "shared"),
        [
            (("shell", "shells", "shelled", "shelling"), True),
            (("vaccine", "vaccines"), True),
            (("tax", "taxes", "taxed"), True),
            (("policy", "policies"), True),
            (("ban", "banned", "banning"), True),
            (("fight", "fighting", "fought"), True),
            (("women's", "women", "woman"), True),
            (("U.N.", "UN"), True),
            (("according", "accord"), False),
            (("humane", "human"), False),
            (("rights", "right"), False),
            (("planes", "plan"), False),
            (("Poles", "poll"), False),
        ],
    )
    def test_inflections_meet_and_false_friends_do_not(
        self, forms: tuple[str, ...], shared: bool
    ) -> None:
        assert (len({stem(form) for form in forms}) == 1) is shared


class TestScore:
    def test_in_unit_interval_and_monotonic(self) -> None:
        assert frame_score(0.0, 0.0, 100) == 0.0
        assert frame_score(1.0, 1.0, 500) < frame_score(5.0, 5.0, 500) < 1.0
        assert frame_score(5.0, 5.0, 2000) < frame_score(5.0, 5.0, 200)

    def test_one_stray_cue_in_a_long_article_scores_low(self) -> None:
        assert frame_score(1.0, 1.0, 500) < 0.05

    def test_one_word_repeated_is_not_a_frame(self) -> None:
        text = " ".join(["The tariff was discussed again."] * 10)
        assert frame_of(scored(text), "economic").score < 0.3
        assert frame_of(scored(TARIFFS), "economic").score > 0.7

    def test_a_long_article_keeping_to_its_frame_scores_as_high_as_a_short_one(self) -> None:
        short = frame_of(scored(SHELLING), "security_and_defense").score
        long = frame_of(scored("\n\n".join([SHELLING] * 8)), "security_and_defense").score
        assert long >= short > 0.7


@pytest.mark.slow
class TestDominantFrame:
    @pytest.mark.parametrize(
        ("text", "frame"),
        [
            (TARIFFS, "economic"),
            (SHELLING, "security_and_defense"),
            (COURT_RULING, "legality_constitutionality_jurisprudence"),
            (MEASLES, "health_and_safety"),
            (PROTESTS, "public_opinion"),
            (DIPLOMACY, "external_regulation_and_reputation"),
        ],
    )
    def test_ranks_first_and_high(self, frames_analyzer, text: str, frame: str) -> None:  # type: ignore[no-untyped-def]
        doc = frames_analyzer.analyze_text(text)
        assert doc.frames[0].frame == frame, [(f.frame, f.score) for f in doc.frames]
        assert doc.frames[0].score > 0.7
        if len(doc.frames) > 1:
            assert doc.frames[1].score < 0.3

    def test_wire_story_is_framed_by_security_and_diplomacy(self, frames_analyzer) -> None:  # type: ignore[no-untyped-def]
        doc = frames_analyzer.analyze_path(EXAMPLES / "wire_story.txt")
        assert [f.frame for f in doc.frames[:2]] == [
            "security_and_defense",
            "external_regulation_and_reputation",
        ]
        assert all(f.score < 0.1 for f in doc.frames[2:])

    def test_frames_sorted_by_score_and_in_unit_interval(self, frames_analyzer) -> None:  # type: ignore[no-untyped-def]
        doc = frames_analyzer.analyze_text(f"{TARIFFS}\n\n{SHELLING}\n\n{MEASLES}")
        scores = [f.score for f in doc.frames]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 < s <= 1.0 for s in scores)
        assert {f.frame for f in doc.frames[:3]} == {
            "economic",
            "security_and_defense",
            "health_and_safety",
        }

    def test_spacy_and_fallback_tokenisers_agree(self, frames_analyzer) -> None:  # type: ignore[no-untyped-def]
        for text in (TARIFFS, SHELLING, COURT_RULING, MEASLES):
            with_spacy = frames_analyzer.analyze_text(text)
            without = scored(with_spacy.text)
            assert [(f.frame, f.score) for f in with_spacy.frames] == [
                (f.frame, f.score) for f in without.frames
            ]


@pytest.mark.slow
class TestEvidence:
    def test_offsets_are_the_text_and_map_to_the_source(self, frames_analyzer) -> None:  # type: ignore[no-untyped-def]
        # Wrapped lines, a word hyphenated across a line and runs of spaces make the clean
        # text differ from the source, so the source offsets are really mapped.
        source = (
            "The tariffs   hit the econ-\nomy hard, said the central\nbank, as inflation\n"
            "and unemployment rose and exporters counted the cost of the trade war."
        )
        doc = frames_analyzer.analyze_text(source)
        assert doc.text != source
        evidence = frame_of(doc, "economic").evidence
        assert {e.text for e in evidence} >= {"economy", "central bank", "trade war"}
        for item in evidence:
            assert item.kind == "term"
            assert item.text == doc.text[item.start : item.end]
            assert doc.offsets.to_source(item.start, item.end) == (
                item.source_start,
                item.source_end,
            )
            original = doc.source_text[item.source_start : item.source_end]
            assert "".join(original.split()).replace("-", "") == item.text.replace(" ", "")

    def test_capped_distinct_cues_first_and_sums_to_score(self) -> None:
        doc = scored(TARIFFS + " " + TARIFFS)
        economic = frame_of(doc, "economic")
        assert len(economic.evidence) == MAX_EVIDENCE
        assert all(e.end <= len(TARIFFS) for e in economic.evidence)  # no repeats shown
        assert len({e.text.lower() for e in economic.evidence}) == MAX_EVIDENCE
        weights = [e.weight for e in economic.evidence]
        assert weights == sorted(weights, reverse=True)
        assert sum(weights) < economic.score
        few = frame_of(
            scored("The court found the law unconstitutional, and the judge ended the lawsuit."),
            "legality_constitutionality_jurisprudence",
        )
        assert sorted(e.text for e in few.evidence) == [
            "court",
            "judge",
            "law",
            "lawsuit",
            "unconstitutional",
        ]
        assert math.isclose(sum(e.weight for e in few.evidence), few.score, abs_tol=0.001)

    def test_repeats_come_after_first_uses(self) -> None:
        text = "Tariffs. Tariffs again. The economy."
        evidence = frame_of(scored(text), "economic").evidence
        assert [(e.text, e.start) for e in evidence] == [
            ("Tariffs", 0),
            ("economy", text.index("economy")),
            ("Tariffs", text.index("Tariffs again")),
        ]
        assert evidence[0].weight == evidence[1].weight == evidence[2].weight


class TestMatching:
    def test_multi_word_phrase_is_one_cue_and_wins_over_its_words(self) -> None:
        doc = scored("Analysts fear a trade war between the two blocs.")
        economic = frame_of(doc, "economic")
        assert [e.text for e in economic.evidence] == ["trade war"]
        # "war" inside the phrase is not also a security cue
        assert score_of(doc, "security_and_defense") == 0.0

    def test_hyphenated_and_possessive_phrases(self) -> None:
        doc = scored("The cease-fire held. Women's rights groups marched.")
        assert [e.text for e in frame_of(doc, "security_and_defense").evidence] == ["cease-fire"]
        fairness = frame_of(doc, "fairness_and_equality").evidence
        assert [e.text for e in fairness] == ["Women's rights"]

    def test_phrase_does_not_run_across_punctuation_or_paragraphs(self) -> None:
        for text in ("They talked trade. War was not mentioned.", "A deal on trade\n\nwar"):
            doc = scored(text)
            assert "trade war" not in {e.text for f in doc.frames for e in f.evidence}

    def test_inflected_forms_match(self) -> None:
        doc = scored("Troops shelled the town; the shelling lasted hours.")
        texts = [e.text for e in frame_of(doc, "security_and_defense").evidence]
        assert sorted(texts) == ["Troops", "shelled", "shelling"]

    def test_non_cues_hide_their_words(self) -> None:
        doc = scored("The ministers trade accusations, a political scientist said.")
        assert doc.frames == []

    def test_false_friends_do_not_match(self) -> None:
        doc = scored("According to the human resources aide, the planes landed at noon.")
        texts = {e.text for f in doc.frames for e in f.evidence}
        assert not texts & {"According", "human", "aide", "planes"}


class TestQuietText:
    def test_no_frame_scores_above_a_low_threshold(self) -> None:
        assert all(f.score < 0.05 for f in scored(NOTHING_MUCH).frames)

    def test_one_stray_cue_scores_low(self) -> None:
        text = NOTHING_MUCH.replace("several topics", "several topics, including the economy,")
        doc = scored(text)
        assert [f.frame for f in doc.frames] == ["economic"]
        assert doc.frames[0].score < 0.15

    def test_empty_text(self) -> None:
        assert scored("").frames == []
        assert scored("  \n\n 2024 ").frames == []

    @pytest.mark.slow
    def test_through_the_pipeline(self, frames_analyzer) -> None:  # type: ignore[no-untyped-def]
        doc = frames_analyzer.analyze_text(NOTHING_MUCH)
        assert doc.frames == []
