"""What the clean text is: paragraphs, joins, de-hyphenation and the debris left out."""

from __future__ import annotations

import pytest

from spinscope.cleaning import REMOVAL_REASONS, CleanText, TextCleaner, clean

from .samples import (
    ARABIC_MASTHEAD,
    BILINGUAL,
    CLOSED_DASH_AT_LINE_END,
    FINISHED_BEFORE_PAGE_BREAK,
    HTML,
    HYPHEN_ACROSS_PAGE_BREAK,
    HYPHENATION,
    INITIALS_BEFORE_PAGE_BREAK,
    NUMBER_IN_WRAPPED_PARAGRAPH,
    PAGE_NUMBER_FORMS,
    PDF,
    PDF_DATED,
    PDF_DATED_PARAGRAPHS,
    PDF_PARAGRAPHS,
    PERSIAN_JOINER,
    PERSIAN_WORD,
    PTC,
    QUOTED_RUSSIAN_LINE,
    QUOTES_AND_DASHES,
    RECURRING_SENTENCE,
    REPEATED_LINES,
    RUSSIAN,
    SPACED_DASH_AT_LINE_END,
    SPLIT_PARAGRAPHS,
    SPLITTING_GAPS,
    STRAY,
    TITLE_THEN_PARAGRAPH,
    WRAPPED_LINE,
    WRAPPED_LINE_AT_PAGE_EDGES,
    hyphenation_input,
    page_number_input,
    split_input,
)


def paragraphs(result: CleanText) -> list[str]:
    return [result.text[start:end] for start, end in result.paragraphs]


def removed(result: CleanText, source: str) -> list[tuple[str, str]]:
    return [(reason, source[start:end]) for start, end, reason in result.removed]


def reasons(result: CleanText) -> list[str]:
    return [reason for _, _, reason in result.removed]


def test_clean_text_shape(sample: str) -> None:
    result = clean(sample)
    text = result.text
    assert text == text.strip()
    assert "\n\n\n" not in text and "  " not in text and "\t" not in text and "\r" not in text
    assert "\n\n".join(paragraphs(result)) == text
    for paragraph in paragraphs(result):
        assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
    for start, end, reason in result.removed:
        assert reason in REMOVAL_REASONS
        assert 0 <= start < end <= len(sample)


# -- the three kinds of input ------------------------------------------------------------------


def test_plain_text_article_is_unchanged() -> None:
    result = clean(PTC)
    assert result.text == PTC.strip()
    assert len(result.paragraphs) == 5
    assert result.removed == []
    # Clean input maps one to one, paragraph separators included.
    assert list(result.offsets.positions) == [*range(len(result.text)), len(PTC)]


def test_crlf_input_cleans_like_lf() -> None:
    assert clean(PTC.replace("\n", "\r\n")).text == clean(PTC).text
    assert clean(PDF.replace("\n", "\r\n")).text == clean(PDF).text


def test_html_single_newline_paragraphs_stay_paragraphs() -> None:
    assert paragraphs(clean(HTML)) == HTML.strip().split("\n")


def test_pdf_text_layer() -> None:
    result = clean(PDF)
    assert paragraphs(result) == PDF_PARAGRAPHS
    assert removed(result, PDF) == [
        ("masthead-script", "Вечерний вестник"),
        ("repeated-header", "The Quiet Cost of Faster Cities"),
        ("page-number", "Page 1 of 3"),
        ("repeated-header", "The Quiet Cost of Faster Cities"),
        ("page-number", "Page 2 of 3"),
        ("repeated-header", "The Quiet Cost of Faster Cities"),
        ("page-number", "Page 3 of 3"),
    ]


def test_pdf_with_dated_running_heads_urls_and_dashed_page_numbers() -> None:
    result = clean(PDF_DATED)
    assert paragraphs(result) == PDF_DATED_PARAGRAPHS
    assert reasons(result) == [
        "repeated-header",
        "repeated-footer",
        "page-number",
        "repeated-header",
        "repeated-footer",
        "page-number",
    ]


# -- paragraphs --------------------------------------------------------------------------------


def test_title_is_not_joined_to_the_capitalised_paragraph_after_it() -> None:
    assert paragraphs(clean(TITLE_THEN_PARAGRAPH)) == [
        "A Budget Without Surprises",
        "The finance minister kept her promises.",
    ]


@pytest.mark.parametrize("gap", SPLITTING_GAPS)
@pytest.mark.parametrize(("first", "second"), SPLIT_PARAGRAPHS)
def test_paragraph_split_by_blank_lines_or_page_break_is_rejoined(
    first: str, second: str, gap: str
) -> None:
    result = clean(split_input(first, gap, second))
    assert paragraphs(result) == ["Budget Delayed", f"{first} {second}"]


@pytest.mark.parametrize("salutation", ["Sir,", "Dear Editor,", "Dear Ms Oduya,", "Madam,"])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_letter_salutation_stays_its_own_paragraph(salutation: str, gap: str) -> None:
    letter = f"Thanks for nothing\n\n{salutation}{gap}I write to thank the council. It is kind."
    assert paragraphs(clean(letter)) == [
        "Thanks for nothing",
        salutation,
        "I write to thank the council. It is kind.",
    ]


def test_a_line_ending_in_a_comma_before_a_blank_line_still_runs_on() -> None:
    text = "Budget Delayed\n\nIn the capital,\n\nthe minister kept her promises."
    assert paragraphs(clean(text))[1] == "In the capital, the minister kept her promises."


def test_finished_paragraph_is_not_joined_across_a_page_break() -> None:
    assert len(clean(FINISHED_BEFORE_PAGE_BREAK).paragraphs) == 2


def test_initials_before_a_page_break_do_not_end_the_paragraph() -> None:
    assert paragraphs(clean(INITIALS_BEFORE_PAGE_BREAK))[1] == (
        "The delegation flew back to the U.S. officials said on Monday."
    )


# -- hyphens and dashes at line ends -----------------------------------------------------------


@pytest.mark.parametrize(("before", "after", "word"), HYPHENATION)
def test_line_end_hyphens(before: str, after: str, word: str) -> None:
    assert f" {word} " in clean(hyphenation_input(before, after)).text


def test_dehyphenation_can_be_switched_off() -> None:
    cleaner = TextCleaner(dehyphenate=False)
    assert " persua-sion " in cleaner.clean(hyphenation_input("persua-", "sion")).text


def test_unknown_dehyphenation_language_keeps_the_hyphen() -> None:
    cleaner = TextCleaner(language="xx")
    assert " persua-sion " in cleaner.clean(hyphenation_input("persua-", "sion")).text


def test_hyphenated_word_across_a_page_break_with_running_heads() -> None:
    result = clean(HYPHEN_ACROSS_PAGE_BREAK)
    assert paragraphs(result) == [
        "Ferry Fares Rise",
        "The operator blamed the rising cost of maintenance on its oldest vessels.",
    ]
    assert reasons(result) == ["repeated-header", "page-number"] * 2


def test_dash_at_line_end_keeps_its_spacing() -> None:
    assert clean(SPACED_DASH_AT_LINE_END).text == "The plan was dead — and everyone knew it."
    assert clean(CLOSED_DASH_AT_LINE_END).text == "The plan was dead—and everyone knew it."


# -- debris ------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", PAGE_NUMBER_FORMS)
def test_standalone_page_numbers_are_removed(form: str) -> None:
    source = page_number_input(form)
    result = clean(source)
    assert removed(result, source) == [("page-number", form)]
    assert len(result.paragraphs) == 3


def test_number_inside_a_wrapped_paragraph_is_kept() -> None:
    assert clean(NUMBER_IN_WRAPPED_PARAGRAPH).text == (
        "Turnout in the northern districts rose by 12 percent compared with last year."
    )


def test_repeated_short_lines_without_page_breaks() -> None:
    result = clean(REPEATED_LINES)
    assert "Advertisement" not in result.text
    assert reasons(result) == ["repeated-line"] * 3
    assert len(result.paragraphs) == 4


def test_sentence_at_two_page_edges_is_kept() -> None:
    result = clean(RECURRING_SENTENCE)
    assert result.removed == []
    assert result.text.count("Nothing is agreed until everything is agreed.") == 2


def test_wrapped_line_at_two_page_edges_is_kept() -> None:
    result = clean(WRAPPED_LINE_AT_PAGE_EDGES)
    assert result.removed == []
    assert result.text.count(WRAPPED_LINE) == 2


def test_masthead_in_another_script_is_removed() -> None:
    result = clean(ARABIC_MASTHEAD)
    assert removed(result, ARABIC_MASTHEAD) == [("masthead-script", "صحيفة الأفق")]
    assert result.text.startswith("Water Rationing Is a Choice, Not a Fate\n\n")


def test_russian_article_is_left_intact() -> None:
    result = clean(RUSSIAN)
    assert result.removed == []
    assert result.text == RUSSIAN.strip()


def test_bilingual_text_keeps_both_scripts() -> None:
    result = clean(BILINGUAL)
    assert result.removed == []
    assert "Городской совет" in result.text and "City Council" in result.text


def test_other_script_line_inside_a_paragraph_is_kept() -> None:
    result = clean(QUOTED_RUSSIAN_LINE)
    assert result.removed == []
    assert "«Город для людей, а не для машин» and the police" in result.text


def test_options_turn_debris_removal_off() -> None:
    keep_all = TextCleaner(
        drop_running_heads=False, drop_page_numbers=False, drop_other_script=False
    )
    result = keep_all.clean(PDF)
    assert result.removed == []
    assert "Page 2 of 3" in result.text and "Вечерний вестник" in result.text


# -- characters --------------------------------------------------------------------------------


def test_stray_whitespace_and_invisible_characters() -> None:
    result = clean(STRAY)
    assert paragraphs(result) == [
        "A Headline with Tabs",
        'The mayor said the plan was "dead on arrival", and nobody disagreed.',
        "Second paragraph here.",
    ]
    assert reasons(result) == [
        "zero-width",
        "zero-width",
        "soft-hyphen",
        "zero-width",
        "zero-width",
    ]
    for start, end, _ in result.removed:
        assert STRAY[start:end].strip("\ufeff\u200b\u00ad\u2060") == ""


def test_joiners_inside_persian_words_are_kept() -> None:
    result = clean(PERSIAN_JOINER)
    assert result.text == f"{PERSIAN_WORD} ok"
    assert reasons(result) == ["zero-width"]


def test_quotes_and_dashes_are_not_normalised() -> None:
    assert clean(QUOTES_AND_DASHES).text == QUOTES_AND_DASHES.strip()


def test_empty_input() -> None:
    for source in ("", "  \n\n\f\t\n"):
        result = clean(source)
        assert result.text == "" and result.paragraphs == [] and result.removed == []
        assert result.offsets.source_length == len(source)
