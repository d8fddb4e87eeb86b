from __future__ import annotations

import time

import pytest
from tests.conftest import make_doc

from spinscope.annotators.metadata import (
    SPANS_HINT,
    MetadataExtractor,
    metadata_spans,
    parse_date,
    parse_person_name,
)
from spinscope.document import Dateline, Document


def run(text: str, **hints: object) -> Document:
    return MetadataExtractor()(make_doc(text, **hints))


def spanned(doc: Document, kind: str) -> str:
    start, end = metadata_spans(doc)[kind]
    return doc.text[start:end]


BODY = (
    "The regional parliament approved the budget by a narrow margin on Tuesday, ending weeks "
    "of wrangling over road repairs and school heating.\n\n"
    "“We have finally got a plan,” the speaker told reporters after the vote."
)


# --------------------------------------------------------------------------- title


def test_title_from_first_line_of_ptc_style_file() -> None:
    doc = run("Budget passes after weeks of wrangling\n\n" + BODY)
    assert doc.metadata.title == "Budget passes after weeks of wrangling"
    assert spanned(doc, "title") == "Budget passes after weeks of wrangling"


def test_question_headline_is_a_title() -> None:
    doc = run("Can the new budget fix the roads?\n\n" + BODY)
    assert doc.metadata.title == "Can the new budget fix the roads?"


def test_sentence_first_paragraph_is_not_a_title() -> None:
    doc = run(BODY)
    assert doc.metadata.title is None
    assert "title" not in metadata_spans(doc)


def test_hint_title_wins_and_text_copy_is_spanned() -> None:
    text = "Budget passes after weeks of wrangling\n\n" + BODY
    doc = run(
        text,
        title="Budget passes after weeks of wrangling | Example Herald",
        outlet="Example Herald",
    )
    assert doc.metadata.title == "Budget passes after weeks of wrangling"
    assert spanned(doc, "title") == "Budget passes after weeks of wrangling"
    assert doc.metadata.outlet == "Example Herald"


def test_date_line_and_byline_are_not_titles() -> None:
    doc = run("date 2022-11-08\n\nBy John Smith\n\n" + BODY)
    assert doc.metadata.title is None


def test_title_after_leading_date_line() -> None:
    doc = run("date 2022-11-08\n\nBudget passes after weeks of wrangling\n\n" + BODY)
    assert doc.metadata.title == "Budget passes after weeks of wrangling"
    assert doc.metadata.published == "2022-11-08"
    assert spanned(doc, "date_line") == "date 2022-11-08"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "line",
    [
        "date 2022-11-08",
        "Date: 2022-11-08",
        "Published on 8th November 2022",
        "Published: November 8, 2022",
        "8 November 2022",
        "Tuesday, Nov. 8, 2022",
        "2022-11-08T14:30:00+04:00",
        "Posted 8 Nov 2022, 14:30 GMT",
    ],
)
def test_published_date_lines(line: str) -> None:
    doc = run(f"Budget passes after weeks of wrangling\n\n{line}\n\n{BODY}")
    assert doc.metadata.published == "2022-11-08"
    assert spanned(doc, "date_line") == line


def test_updated_date_used_only_without_published() -> None:
    doc = run(f"Budget passes\n\nUpdated 09.11.2022 14:30\n\n{BODY}")
    assert doc.metadata.published == "2022-11-09"
    assert spanned(doc, "updated_line") == "Updated 09.11.2022 14:30"


def test_published_preferred_over_updated() -> None:
    text = f"Budget passes\n\nUpdated 09.11.2022 14:30\nPublished 08.11.2022 10:05\n\n{BODY}"
    assert run(text).metadata.published == "2022-11-08"
    one_line = f"Budget passes\n\nPublished: Nov. 8, 2022 | Updated: Nov. 9, 2022\n\n{BODY}"
    assert run(one_line).metadata.published == "2022-11-08"


def test_hint_published_wins() -> None:
    doc = run(
        f"Budget passes\n\nPublished: November 7, 2022\n\n{BODY}", published="2022-11-08T09:00:00Z"
    )
    assert doc.metadata.published == "2022-11-08"


def test_date_inside_body_sentence_is_not_published() -> None:
    doc = run("Budget passes\n\n8 November 2022 was the day the council finally agreed.")
    assert doc.metadata.published is None


def test_ambiguous_slash_date_is_none() -> None:
    assert parse_date("08/11/2022") is None
    assert parse_date("13/11/2022") == "2022-11-13"
    assert parse_date("D:20221108143000+04'00'") == "2022-11-08"
    assert parse_date("February 30, 2022") is None


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By John Smith", ["John Smith"]),
        ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"]),
        ("By John Smith, Jane Doe and Ann Lee", ["John Smith", "Jane Doe", "Ann Lee"]),
        ("Author: Jane Doe", ["Jane Doe"]),
        ("BY JANE DOE", ["Jane Doe"]),
        ("By Jean-Luc O'Neill in Paris", ["Jean-Luc O'Neill"]),
    ],
)
def test_bylines(line: str, authors: list[str]) -> None:
    doc = run(f"Budget passes after weeks of wrangling\n\n{line}\n\n{BODY}")
    assert doc.metadata.authors == authors
    assert spanned(doc, "byline") == line
    assert doc.metadata.title == "Budget passes after weeks of wrangling"


def test_byline_with_honorific_and_role() -> None:
    line = "By Mr. Farid Aliyev, Executive Director, Baku Center for Strategic Studies, …"
    doc = run(f"Caspian transit: a corridor comes of age\n\n{line}\n\n{BODY}")
    assert doc.metadata.authors == ["Farid Aliyev"]
    assert doc.metadata.author_roles == {
        "Farid Aliyev": "Executive Director, Baku Center for Strategic Studies"
    }


def test_posted_by_with_date() -> None:
    doc = run(f"Budget passes\n\nPosted by Jane Doe on November 8, 2022\n\n{BODY}")
    assert doc.metadata.authors == ["Jane Doe"]
    assert doc.metadata.published == "2022-11-08"
    assert spanned(doc, "byline") == "Posted by Jane Doe"
    assert spanned(doc, "date_line") == "November 8, 2022"


def test_header_lines_within_one_paragraph() -> None:
    doc = run(f"Budget passes\nBy Jane Doe\nNovember 8, 2022\n\n{BODY}")
    assert doc.metadata.title == "Budget passes"
    assert doc.metadata.authors == ["Jane Doe"]
    assert doc.metadata.published == "2022-11-08"
    assert spanned(doc, "byline") == "By Jane Doe"


def test_role_keeps_its_own_and() -> None:
    line = "By Jane Doe, Director, Center for Strategic and International Studies"
    doc = run(f"Budget passes\n\n{line}\n\n{BODY}")
    assert doc.metadata.author_roles == {
        "Jane Doe": "Director, Center for Strategic and International Studies"
    }


def test_shared_role_after_two_authors_is_not_guessed() -> None:
    doc = run(f"Budget passes\n\nBy John Smith and Jane Doe, Reuters\n\n{BODY}")
    assert doc.metadata.authors == ["John Smith", "Jane Doe"]
    assert doc.metadata.author_roles == {}


def test_byline_with_date_on_the_same_line() -> None:
    doc = run(f"Budget passes\n\nBy Jane Doe | November 8, 2022\n\n{BODY}")
    assert doc.metadata.authors == ["Jane Doe"]
    assert doc.metadata.published == "2022-11-08"
    assert spanned(doc, "byline") == "By Jane Doe"
    assert spanned(doc, "date_line") == "November 8, 2022"


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the council hopes to have repaired every road.",
        "By Christmas Day, shoppers had spent more than ever on gifts.",
        "By Tuesday Evening",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    doc = run(f"Budget passes\n\n{line}\n\n{BODY}")
    assert doc.metadata.authors == []
    assert "byline" not in metadata_spans(doc)


def test_hint_authors_merge_without_duplicates() -> None:
    doc = run(f"Budget passes\n\nBy Jane Doe and John Smith\n\n{BODY}", authors=["Dr. Jane Doe"])
    assert doc.metadata.authors == ["Jane Doe", "John Smith"]


def test_hint_author_string_is_split() -> None:
    doc = run(BODY, authors="Jane Doe; John Smith")
    assert doc.metadata.authors == ["Jane Doe", "John Smith"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("H.E. Mr. Farid Aliyev", "Farid Aliyev"),
        ("Prof. Ann de la Cruz", "Ann de la Cruz"),
        ("JOHN MCDONALD", "John McDonald"),
        ("Staff Writer", None),
        ("Associated Press", None),
        ("Tuesday", None),
        ("Putin's", None),
    ],
)
def test_parse_person_name(text: str, name: str | None) -> None:
    assert parse_person_name(text) == name


# --------------------------------------------------------------------------- author boxes


OPED = (
    "Why the corridor matters more than the pipeline\n\n"
    "By Jane Doe\n\n"
    "Every few years a new trade route is declared the answer to the region's problems. "
    "This time the claim deserves a closer look.\n\n"
    "The numbers tell a more modest story than the speeches do."
)


def test_author_box_gives_role_to_byline_author() -> None:
    text = OPED + "\n\nJane Doe is a senior fellow at the Example Institute. She writes on trade."
    doc = run(text)
    assert doc.metadata.authors == ["Jane Doe"]
    assert doc.metadata.author_roles == {"Jane Doe": "senior fellow at the Example Institute"}
    assert spanned(doc, "author_box").startswith("Jane Doe is a senior fellow")


def test_a_long_double_role_in_an_author_box_keeps_the_first_role() -> None:
    text = OPED + (
        "\n\nJane Doe is the director of the Example Public Health Forum, an independent "
        "research centre in Northtown, and a former district health officer in the southern "
        "hill districts of the province."
    )
    assert run(text).metadata.author_roles == {
        "Jane Doe": "director of the Example Public Health Forum, an independent research "
        "centre in Northtown"
    }


def test_author_box_names_the_author_when_there_is_no_byline() -> None:
    text = OPED.replace("By Jane Doe\n\n", "") + (
        "\n\nJohn Roe is a professor of economics at Example University."
    )
    doc = run(text)
    assert doc.metadata.authors == ["John Roe"]
    assert doc.metadata.author_roles == {"John Roe": "professor of economics at Example University"}


def test_the_author_is_goes_to_the_single_author() -> None:
    doc = run(OPED + "\n\nThe author is a former ambassador and a columnist for the Herald.")
    assert doc.metadata.author_roles == {
        "Jane Doe": "former ambassador and a columnist for the Herald"
    }


def test_closing_sentence_about_a_politician_is_not_an_author_box() -> None:
    doc = run(OPED + "\n\nMark Example is the president of the republic.")
    assert doc.metadata.authors == ["Jane Doe"]
    assert doc.metadata.author_roles == {}
    assert "author_box" not in metadata_spans(doc)
    no_byline = run(OPED.replace("By Jane Doe\n\n", "") + "\n\nMark Example is the president.")
    assert no_byline.metadata.authors == []


# --------------------------------------------------------------------------- datelines


WIRE_BODY = (
    " The two governments signed an agreement on rail freight, officials said.\n\n"
    "The deal covers container traffic through the port, according to the ministry."
)


@pytest.mark.parametrize(
    ("prefix", "place", "outlet"),
    [
        ("ASTANA, Kazakhstan, November 9 (Kazinform) --", "Astana, Kazakhstan", "Kazinform"),
        ("BAKU, Nov. 9 (AZERTAC) –", "Baku", "AZERTAC"),
        ("Tbilisi, 9 November, /Trend/ –", "Tbilisi", "Trend"),
        ("YEREVAN, November 9. /ARKA/.", "Yerevan", "ARKA"),
    ],
)
def test_wire_datelines(prefix: str, place: str, outlet: str) -> None:
    text = f"Rail freight deal signed\n\nPublished: 10 November 2022\n\n{prefix}{WIRE_BODY}"
    doc = run(text)
    assert doc.metadata.dateline == Dateline(place=place, date="2022-11-09")
    assert doc.metadata.outlet == outlet
    assert spanned(doc, "dateline") == prefix
    assert doc.metadata.published == "2022-11-10"


def test_dateline_without_date() -> None:
    doc = run("MOSCOW (Reuters) -" + WIRE_BODY)
    assert doc.metadata.dateline == Dateline(place="Moscow", date=None)
    assert doc.metadata.outlet == "Reuters"
    assert doc.metadata.published is None


def test_hint_outlet_beats_wire_agency() -> None:
    doc = run("MOSCOW (Reuters) -" + WIRE_BODY, outlet="Example Daily")
    assert doc.metadata.outlet == "Example Daily"


def test_dateline_year_goes_back_a_year_from_january_publication() -> None:
    doc = run("BAKU, Dec. 30 (AZERTAC) –" + WIRE_BODY, published="2023-01-02")
    assert doc.metadata.dateline == Dateline(place="Baku", date="2022-12-30")
    assert doc.metadata.published == "2023-01-02"


def test_dateline_year_from_years_in_text() -> None:
    text = (
        "BAKU, Nov. 9 (AZERTAC) – Freight volumes in 2022 rose by a fifth on 2021, and the "
        "ministry expects 2022 to close with a record, officials said."
    )
    doc = run(text)
    assert doc.metadata.dateline == Dateline(place="Baku", date="2022-11-09")
    assert doc.metadata.published == "2022-11-09"


def test_dateline_year_from_file_mtime() -> None:
    doc = run("BAKU, Dec. 30 (AZERTAC) –" + WIRE_BODY, file_mtime="2023-01-05T10:00:00")
    assert doc.metadata.dateline == Dateline(place="Baku", date="2022-12-30")


def test_dateline_year_unknown_leaves_date_none() -> None:
    doc = run("BAKU, Nov. 9 (AZERTAC) –" + WIRE_BODY)
    assert doc.metadata.dateline == Dateline(place="Baku", date=None)
    assert doc.metadata.published is None


def test_all_caps_place_with_dash_and_no_agency() -> None:
    doc = run("Budget passes\n\nLONDON — The council approved the budget on Tuesday.")
    assert doc.metadata.dateline == Dateline(place="London", date=None)
    assert doc.metadata.outlet is None


@pytest.mark.parametrize(
    "body",
    [
        "Officials, however, said the deal was not yet final.",
        "NATO — the alliance — has said little about the corridor.",
        "In Baku, Nov. 9 was a quiet day.",
        "CHINA - US talks resume",
    ],
)
def test_sentences_are_not_datelines(body: str) -> None:
    doc = run(f"Budget passes\n\n{body}")
    assert doc.metadata.dateline is None


# --------------------------------------------------------------------------- outlets


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: Example News Agency", "Example News Agency"),
        ("© 2022 Example Herald. All rights reserved.", "Example Herald"),
        ("This article was originally published by The Example Review.", "The Example Review"),
        ("(c) Example Media 2022", "Example Media"),
    ],
)
def test_outlet_lines(line: str, outlet: str) -> None:
    doc = run(f"Budget passes\n\n{BODY}\n\n{line}")
    assert doc.metadata.outlet == outlet
    assert spanned(doc, "source_line") == line


@pytest.mark.parametrize(
    "line", ["Copyright laws matter more than ever.", "Source: officials in the ministry"]
)
def test_sentences_are_not_outlet_lines(line: str) -> None:
    assert run(f"Budget passes\n\n{BODY}\n\n{line}").metadata.outlet is None


def test_wire_agency_beats_source_line() -> None:
    doc = run("MOSCOW (Reuters) -" + WIRE_BODY + "\n\nSource: Example Wire Service")
    assert doc.metadata.outlet == "Reuters"


def test_wire_credits_name_reporters_not_editors() -> None:
    text = "MOSCOW (Reuters) -" + WIRE_BODY + "\n\n(Reporting by John Smith; Editing by Jane Doe)"
    doc = run(text)
    assert doc.metadata.authors == ["John Smith"]
    assert spanned(doc, "credits").startswith("(Reporting by")


# --------------------------------------------------------------------------- contract


def test_spans_hint_is_a_dict_of_offsets() -> None:
    text = "Rail freight deal signed\n\nBy John Smith\n\nBAKU, Nov. 9 (AZERTAC) –" + WIRE_BODY
    doc = run(text, published="2022-11-10")
    spans = doc.hints[SPANS_HINT]
    assert set(spans) == {"title", "byline", "dateline"}
    for start, end in spans.values():
        assert 0 <= start < end <= len(doc.text)


def test_existing_metadata_is_kept_and_rerun_is_idempotent() -> None:
    doc = make_doc("Budget passes\n\nBy Jane Doe\n\n" + BODY)
    doc.metadata.title = "Given title"
    extractor = MetadataExtractor()
    extractor(extractor(doc))
    assert doc.metadata.title == "Given title"
    assert doc.metadata.authors == ["Jane Doe"]


def test_empty_document() -> None:
    doc = run("")
    assert doc.metadata.title is None
    assert doc.metadata.authors == []
    assert doc.hints[SPANS_HINT] == {}


def test_fast_enough() -> None:
    text = (
        "Rail freight deal signed\n\nBy Mr. Farid Aliyev, Executive Director, Example Center\n\n"
        "Published: November 10, 2022 | Updated: November 11, 2022\n\n"
        "BAKU, Nov. 9 (AZERTAC) –" + WIRE_BODY + ("\n\n" + BODY) * 40
    )
    extractor = MetadataExtractor()
    extractor(make_doc(text))  # compile patterns once
    docs = [make_doc(text) for _ in range(200)]
    started = time.perf_counter()
    for doc in docs:
        extractor(doc)
    per_doc = (time.perf_counter() - started) / len(docs)
    assert per_doc < 0.002  # target is < 1 ms; slack for slow CI machines


def test_author_box_printed_under_the_byline() -> None:
    box = "Jane Doe is a former teacher and served two terms as a city councillor.\n\n"
    doc = run(OPED.replace("By Jane Doe\n\n", "By Jane Doe\n\n" + box))
    assert doc.metadata.author_roles == {
        "Jane Doe": "former teacher and served two terms as a city councillor"
    }
    assert spanned(doc, "author_box").startswith("Jane Doe is a former teacher")
    # a news lead about someone else under a byline is not the author's box
    lead = "John Smith is a farmer who has grown rice here for thirty years.\n\n"
    news = run(OPED.replace("By Jane Doe\n\n", "By Jane Doe\n\n" + lead))
    assert news.metadata.author_roles == {}
    assert "author_box" not in metadata_spans(news)


def test_author_box_printed_above_the_headline() -> None:
    doc = run(
        "Dr. Ana Rell is a former senior economist at the Central Bank and teaches public "
        "finance. She writes in a personal capacity.\n\n"
        "The budget we were promised never came\n\n"
        "By Dr. Ana Rell\n\n" + BODY
    )
    assert doc.metadata.title == "The budget we were promised never came"
    assert doc.metadata.author_roles == {
        "Ana Rell": "former senior economist at the Central Bank and teaches public finance"
    }
    assert spanned(doc, "author_box").startswith("Dr. Ana Rell is a former")
    # a headline of the same shape, without a full stop, stays the title
    headline = run("Ana Rell is the new director of the Central Bank\n\n" + BODY)
    assert headline.metadata.title == "Ana Rell is the new director of the Central Bank"
    assert headline.metadata.author_roles == {}
