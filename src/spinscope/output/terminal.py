"""``--format text``: the article with quotes, speakers, entities and techniques marked (rich),
then how it casts its actors (portrayal), its genre and the frames it uses."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from spinscope.annotators.framing import FrameDefinition, frame_catalogue
from spinscope.annotators.genre import GenreWeights, genre_weights
from spinscope.document import Document, Evidence, Frame, Genre, Portrayal, TechniqueSpan
from spinscope.techniques.catalogue import Technique, techniques

ENTITY_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "bold yellow",
    "FAC": "blue",
}
QUOTE_STYLES = {"direct": "on grey23", "indirect": "italic on grey15"}
# Techniques are marked by foreground colour plus underline, never by background, so a technique
# inside a quote keeps the quote's shading and both remain visible.
UNKNOWN_TECHNIQUE_COLOUR = "bright_white"
SPAN_TEXT_WIDTH = 80
LIKELY_PROPAGANDA = 0.5

ROLE_STYLES = {"protagonist": "bold green", "antagonist": "bold red", "innocent": "bold yellow"}
"""Non-neutral portrayal roles, in the order the table lists them."""
NEUTRAL_ROLE = "neutral"
EVIDENCE_PER_ENTITY = 3
EVIDENCE_TEXT_WIDTH = 60

SHOWN_FRAME_SCORE = 0.2
"""Frames scoring below this are incidental vocabulary (one "war" in a trade story), not a frame
the article takes; they stay in the JSON record but are not listed here."""
TERMS_PER_FRAME = 5
FRAME_BAR_WIDTH = 10

GENRE_FEATURES_SHOWN = 4
# How a genre feature reads: its label and the unit of its value. A rate is per 100 words, a
# share a fraction shown as a percentage, a flag 0 or 1, a number anything else. A feature not
# listed here is shown by its raw name and value.
GENRE_FEATURE_LABELS: dict[str, tuple[str, str]] = {
    "first_person_singular": ("first person (I)", "rate"),
    "first_person_plural": ("first person plural (we)", "rate"),
    "second_person": ("second person (you)", "rate"),
    "evaluative": ("evaluative words", "rate"),
    "prescriptive": ("prescriptions (must, should)", "rate"),
    "questions": ("questions", "rate"),
    "exclamations": ("exclamations", "rate"),
    "hedges": ("hedges", "rate"),
    "scare_quotes": ("scare quotes", "rate"),
    "intensifiers": ("intensifiers", "rate"),
    "attribution": ("attributions", "rate"),
    "time_references": ("time references", "rate"),
    "everyday_objects": ("everyday objects", "rate"),
    "officialdom": ("officialdom", "rate"),
    "quoted_share": ("quoted share", "share"),
    "unsourced": ("no quoted sources", "flag"),
    "technique_coverage": ("technique coverage", "share"),
    "dateline": ("dateline", "flag"),
    "newsroom_byline": ("newsroom byline", "flag"),
    "author_title": ("outside author's title", "flag"),
    "opinion_marker": ("labelled opinion", "flag"),
    "satire_marker": ("labelled satire", "flag"),
    "satire_cues": ("satire cues", "number"),
    "satire_outlet": ("satire outlet", "flag"),
    "satire_wording": ("satire wording (log-odds)", "number"),
    "editorial_voice": ("the paper's own verdicts", "count"),
    "absurd_acts": ("absurd official acts", "count"),
    "whimsical_bodies": ("whimsical official bodies", "count"),
    "mundane_officialese": ("mundane officialese", "rate"),
    "absurd_kicker": ("absurd kicker", "flag"),
    "put_upon_resident": ("put-upon resident", "flag"),
    "incongruity": ("incongruity", "number"),
    "words": ("words", "count"),
}


def render_document(doc: Document) -> RenderableType:
    meta = doc.metadata
    header = Table.grid(padding=(0, 2))
    header.add_column(style="dim")
    header.add_column()
    dateline = f"{meta.dateline.place}, {meta.dateline.date or '?'}" if meta.dateline else None
    for label, value in (
        ("source", doc.source),
        ("title", meta.title),
        ("authors", ", ".join(meta.authors) or None),
        ("outlet", meta.outlet),
        ("published", meta.published),
        ("dateline", dateline),
        ("language", meta.language),
    ):
        header.add_row(label, value or "—")
    if doc.sentences:
        likely = sum(1 for sentence in doc.sentences if sentence.propaganda >= LIKELY_PROPAGANDA)
        highest = max(sentence.propaganda for sentence in doc.sentences)
        header.add_row(
            "propaganda",
            f"{likely} of {len(doc.sentences)} sentences ≥ {LIKELY_PROPAGANDA:.2f}"
            f" (highest {highest:.2f})",
        )
    if doc.genre is not None:
        header.add_row("genre", _genre_summary(doc.genre))

    body = Text(doc.text)
    for quote in doc.quotes:
        body.stylize(QUOTE_STYLES.get(quote.kind, ""), quote.start, quote.end)
        if quote.cue is not None:
            body.stylize("underline", quote.cue.start, quote.cue.end)
    for entity in doc.entities:
        for mention in entity.mentions:
            body.stylize(ENTITY_STYLES.get(entity.type, "bold"), mention.start, mention.end)
    # After the entities, so a technique span reads in one colour (entities stay bold in it).
    # Longest first: spans overlap a lot, and a short span nested in a long one must win.
    for span in sorted(doc.techniques, key=lambda span: span.start - span.end):
        body.stylize(_technique_style(span.technique), span.start, span.end)

    quotes = Table(title="Quotes", expand=True, show_lines=True)
    quotes.add_column("#", justify="right", style="dim", no_wrap=True)
    quotes.add_column("kind", no_wrap=True)
    quotes.add_column("speaker", ratio=2)
    quotes.add_column("role", ratio=2)
    quotes.add_column("quote", ratio=5)
    for number, quote in enumerate(doc.quotes, start=1):
        speaker = quote.speaker
        said_as = (
            f" (as “{speaker.mention.text}”)"
            if speaker and speaker.mention and speaker.mention.text != speaker.name
            else ""
        )
        quotes.add_row(
            str(number),
            quote.kind,
            f"{speaker.name}{said_as}" if speaker else "—",
            speaker.role or "" if speaker else "",
            quote.text,
        )

    entities = Table(title="Entities", expand=True)
    entities.add_column("id", style="dim", no_wrap=True)
    entities.add_column("name", ratio=2)
    entities.add_column("type", no_wrap=True)
    entities.add_column("mentions", justify="right", no_wrap=True)
    entities.add_column("roles", ratio=3)
    for entity in doc.entities:
        entities.add_row(
            entity.id,
            Text(entity.name, style=ENTITY_STYLES.get(entity.type, "")),
            entity.type,
            str(len(entity.mentions)),
            "; ".join(entity.roles),
        )

    legend = Text.assemble(
        ("direct quote", QUOTE_STYLES["direct"]),
        "  ",
        ("indirect quote", QUOTE_STYLES["indirect"]),
        "  ",
        ("cue", "underline"),
        "  ",
        *[part for label, style in ENTITY_STYLES.items() for part in ((label, style), "  ")],
    )
    parts: list[RenderableType] = [
        Panel(header, title="spinscope analysis", border_style="dim"),
        Panel(body, subtitle=legend),
        quotes,
        entities,
    ]
    if doc.techniques:
        parts += [_techniques_table(doc.techniques), _techniques_legend(doc.techniques)]
    if doc.portrayal:
        parts.append(_portrayal_section(doc.portrayal))
    if doc.frames:
        parts.append(_frames_section(doc.frames))
    return Group(*parts)


def _technique(technique_id: str) -> Technique:
    """The catalogue entry, or a plain stand-in so a label the catalogue lacks still shows."""
    known = techniques().get(technique_id)
    if known is not None:
        return known
    return Technique(technique_id, technique_id, "", "", UNKNOWN_TECHNIQUE_COLOUR, ())


def _technique_style(technique_id: str) -> str:
    return f"underline {_technique(technique_id).colour}"


def _shorten(text: str, width: int = SPAN_TEXT_WIDTH) -> str:
    """One line of at most ``width`` characters: spans can run over paragraph breaks."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _techniques_table(spans: list[TechniqueSpan]) -> Table:
    table = Table(title="Techniques", expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("technique", ratio=2)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("text", ratio=5)
    for number, span in enumerate(sorted(spans, key=lambda s: (s.start, s.end)), start=1):
        technique = _technique(span.technique)
        table.add_row(
            str(number),
            Text(technique.name, style=technique.colour),
            f"{span.score:.2f}",
            _shorten(span.text),
        )
    return table


def _techniques_legend(spans: list[TechniqueSpan]) -> Table:
    """Each technique present, in catalogue order, with its colour and definition."""
    present = {span.technique for span in spans}
    ordered = [technique_id for technique_id in techniques() if technique_id in present]
    ordered += sorted(present.difference(ordered))  # labels the catalogue does not know
    legend = Table(title="Technique legend", expand=True, show_header=False)
    legend.add_column("technique", ratio=2)
    legend.add_column("definition", ratio=5)
    for technique_id in ordered:
        technique = _technique(technique_id)
        legend.add_row(
            Text(technique.name, style=_technique_style(technique_id)), technique.definition
        )
    return legend


# Genre


def _genre_summary(genre: Genre) -> str:
    """``opinion (0.87) — first person (I) 2.1/100 words, quoted share 12%, ...``"""
    summary = f"{genre.label} ({genre.score:.2f})"
    telling = _telling_features(genre)
    if telling:
        summary += " — " + ", ".join(_genre_feature(name, genre.features[name]) for name in telling)
    return summary


def _telling_features(genre: Genre) -> list[str]:
    """The features that did most for the label: those adding to its score, those that set it
    apart from the runner-up first (a satire's marker before the dateline it shares with news).
    Without weights for the label: the non-zero measurements, known ones first."""
    try:
        scoring: GenreWeights | None = genre_weights()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        scoring = None  # unreadable weights: the features are picked without them
    features = genre.features
    if scoring is None or genre.label not in scoring.weights:
        measured = [n for n in features if n != "words" and not n.startswith("score_")]
        known = [n for n in GENRE_FEATURE_LABELS if n in measured]
        ordered = [*known, *(n for n in measured if n not in GENRE_FEATURE_LABELS)]
        return [n for n in ordered if features[n]][:GENRE_FEATURES_SHOWN]
    rivals = {
        name.removeprefix("score_"): value
        for name, value in features.items()
        if name.startswith("score_") and name != f"score_{genre.label}"
    }
    own = scoring.contributions(features, genre.label)
    rival = max(rivals, key=rivals.__getitem__) if rivals else ""
    runner_up = scoring.contributions(features, rival) if rival in scoring.weights else {}
    ranked = [
        (added - runner_up.get(name, 0.0), added, name) for name, added in own.items() if added > 0
    ]
    ranked.sort(key=lambda entry: (-entry[0], -entry[1]))
    return [name for _, _, name in ranked[:GENRE_FEATURES_SHOWN]]


def _genre_feature(name: str, value: float) -> str:
    label, unit = GENRE_FEATURE_LABELS.get(name, (name, "number"))
    if unit == "rate":
        return f"{label} {value:.1f}/100 words"
    if unit == "share":
        return f"{label} {value:.0%}"
    if unit == "flag":
        return label if value else f"no {label}"
    if unit == "count":
        return f"{label} {value:.0f}"
    return f"{label} {value:.2f}"


# Portrayal


def _portrayal_section(portrayals: list[Portrayal]) -> RenderableType:
    """A row per entity cast in a role, then one line naming the neutral ones."""
    order = {role: rank for rank, role in enumerate(ROLE_STYLES)}
    cast = sorted(
        (p for p in portrayals if p.role != NEUTRAL_ROLE),
        key=lambda p: (order.get(p.role, len(order)), -abs(p.tone)),
    )
    neutral = [p.name for p in portrayals if p.role == NEUTRAL_ROLE]
    neutral_line = Text.assemble(("neutral: ", "dim"), ", ".join(neutral)) if neutral else None
    if not cast:
        return Text.assemble(("Portrayal", "italic"), "  ", neutral_line or "")
    table = Table(
        title="Portrayal",
        expand=True,
        show_lines=True,
        caption=neutral_line,
        caption_justify="left",
    )
    table.add_column("role", no_wrap=True)
    table.add_column("name", ratio=2)
    table.add_column("tone", justify="right", no_wrap=True)
    table.add_column("evidence", ratio=5)
    for portrayal in cast:
        style = ROLE_STYLES.get(portrayal.role, "bold")
        table.add_row(
            Text(portrayal.role, style=style),
            Text(portrayal.name, style=style),
            f"{portrayal.tone:+.2f}",
            _evidence_lines(portrayal.evidence),
        )
    return table


def _evidence_lines(evidence: list[Evidence]) -> Text:
    """The strongest passages, one a line: ``“text” (kind) — Speaker``; repeats shown once."""
    distinct: dict[tuple[str, str, str | None], Evidence] = {}
    for item in sorted(evidence, key=lambda e: -abs(e.weight)):
        distinct.setdefault((" ".join(item.text.lower().split()), item.kind, item.speaker), item)
    lines = Text()
    for number, item in enumerate(list(distinct.values())[:EVIDENCE_PER_ENTITY]):
        if number:
            lines.append("\n")
        lines.append(f"“{_shorten(item.text, EVIDENCE_TEXT_WIDTH)}”")
        lines.append(f" ({item.kind})", style="dim")
        if item.speaker:
            lines.append(f" — {item.speaker}", style="italic")
    return lines


# Frames


def _frames_section(frames: list[Frame]) -> RenderableType:
    catalogue = frame_catalogue()
    shown = sorted(
        (frame for frame in frames if frame.score >= SHOWN_FRAME_SCORE),
        key=lambda frame: -frame.score,
    )
    if not shown:
        strongest = max(frames, key=lambda frame: frame.score)
        return Text.assemble(
            ("Frames", "italic"),
            f"  none scores ≥ {SHOWN_FRAME_SCORE:.2f} (strongest: "
            f"{_frame_name(strongest.frame, catalogue)} {strongest.score:.2f})",
        )
    table = Table(title="Frames", expand=True)
    table.add_column("frame", ratio=2, style="bold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, width=FRAME_BAR_WIDTH)
    table.add_column("terms", ratio=3)
    table.add_column("what it covers", ratio=4, style="dim")
    for frame in shown:
        known = catalogue.get(frame.frame)
        filled = round(min(max(frame.score, 0.0), 1.0) * FRAME_BAR_WIDTH)
        table.add_row(
            _frame_name(frame.frame, catalogue),
            f"{frame.score:.2f}",
            Text("█" * filled, style="cyan") + Text("·" * (FRAME_BAR_WIDTH - filled), style="dim"),
            ", ".join(_frame_terms(frame)),
            known.definition if known is not None else "",
        )
    return table


def _frame_name(frame_id: str, catalogue: Mapping[str, FrameDefinition]) -> str:
    known = catalogue.get(frame_id)
    return known.name if known is not None else frame_id


def _frame_terms(frame: Frame) -> list[str]:
    """The first distinct evidence terms (ignoring case and spacing)."""
    terms: dict[str, str] = {}
    for item in frame.evidence:
        terms.setdefault(" ".join(item.text.lower().split()), " ".join(item.text.split()))
    return list(terms.values())[:TERMS_PER_FRAME]
