"""``--format text``: the article with quotes, speakers, entities and techniques marked (rich)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from spinscope.document import Document, TechniqueSpan
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
