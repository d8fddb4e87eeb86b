"""``--format text``: the article with quotes, speakers and entities marked, via rich."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from spinscope.document import Document

ENTITY_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "bold yellow",
    "FAC": "blue",
}
QUOTE_STYLES = {"direct": "on grey23", "indirect": "italic on grey15"}


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

    body = Text(doc.text)
    for quote in doc.quotes:
        body.stylize(QUOTE_STYLES.get(quote.kind, ""), quote.start, quote.end)
        if quote.cue is not None:
            body.stylize("underline", quote.cue.start, quote.cue.end)
    for entity in doc.entities:
        for mention in entity.mentions:
            body.stylize(ENTITY_STYLES.get(entity.type, "bold"), mention.start, mention.end)

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
    return Group(
        Panel(header, title="spinscope analysis", border_style="dim"),
        Panel(body, subtitle=legend),
        quotes,
        entities,
    )
