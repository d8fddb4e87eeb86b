"""Labelled technique data: PTC news articles and SemEval-2021 meme texts, as character spans.

The corpora stay where the user keeps them (research-use licences forbid redistribution); this
module only reads them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from spinscope.techniques.catalogue import PTC_TECHNIQUES, technique_for_label

EXTRA_TECHNIQUES = ("Glittering_Generalities", "Smears")
"""Techniques the meme data labels and the news corpus lacks."""
LABELS: tuple[str, ...] = (*PTC_TECHNIQUES, *EXTRA_TECHNIQUES)
ANY = len(LABELS)
"""Index of the extra output channel: "inside any technique span"."""
OUTPUTS = len(LABELS) + 1

_ARTICLE = re.compile(r"article(\d+)\.txt$")


@dataclass(slots=True)
class LabelledText:
    id: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    """``(start, end, technique id)``, end exclusive."""
    source: str = "ptc"


def read_ptc(directory: Path) -> list[LabelledText]:
    """Articles of a PTC split: ``article<ID>.txt`` with ``article<ID>.labels.tsv`` beside it."""
    examples: list[LabelledText] = []
    for path in sorted(directory.glob("article*.txt")):
        match = _ARTICLE.search(path.name)
        if match is None:
            continue
        text = path.read_text(encoding="utf-8")
        example = LabelledText(match.group(1), text)
        labels = path.with_name(f"article{match.group(1)}.labels.tsv")
        if labels.exists():
            for line in labels.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                _, label, start, end = line.split("\t")
                technique = technique_for_label(label)
                first, last = int(start), min(int(end), len(text))
                if technique is not None and first < last:  # one train span lies past its text
                    example.spans.append((first, last, technique.id))
        examples.append(example)
    return examples


def read_memes(path: Path) -> list[LabelledText]:
    """SemEval-2021 Task 6 subtask 2 files: a JSON list of meme texts with technique spans."""
    examples: list[LabelledText] = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        example = LabelledText(f"meme{item['id']}", item["text"], source="memes")
        for label in item.get("labels", []):
            technique = technique_for_label(label["technique"])
            if technique is not None and technique.id in LABELS:
                example.spans.append((int(label["start"]), int(label["end"]), technique.id))
        examples.append(example)
    return examples


_OPEN_MARK = re.compile(r"\{\{([^|{}\s]+)\|")


class MarkupError(ValueError):
    """A marked text whose markup cannot be read; the message says where and why."""


def parse_marked(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Clean text and ``(start, end, technique id)`` spans of a text marked up inline as
    ``{{Technique|the words that carry it}}``. Spans may nest but not cross; the technique is
    an id or a label of either corpus (``technique_for_label``)."""
    out: list[str] = []
    length = 0
    spans: list[tuple[int, int, str]] = []
    open_spans: list[tuple[str, int, int]] = []
    position = 0
    while position < len(marked):
        opening = _OPEN_MARK.match(marked, position)
        if opening:
            technique = technique_for_label(opening.group(1))
            if technique is None:
                raise MarkupError(f"unknown technique {opening.group(1)!r} at character {position}")
            open_spans.append((technique.id, length, position))
            position = opening.end()
            continue
        if marked.startswith("}}", position):
            if not open_spans:
                raise MarkupError(f"'}}}}' closes nothing at character {position}")
            technique_id, start, opened_at = open_spans.pop()
            if length == start:
                raise MarkupError(f"empty {technique_id} span at character {opened_at}")
            spans.append((start, length, technique_id))
            position += 2
            continue
        if marked[position] in "{}":
            raise MarkupError(f"stray {marked[position]!r} at character {position}")
        out.append(marked[position])
        length += 1
        position += 1
    if open_spans:
        technique_id, _, opened_at = open_spans[-1]
        raise MarkupError(f"the {technique_id} span opened at character {opened_at} never closes")
    return "".join(out), sorted(spans)


def read_marked(directory: Path) -> list[LabelledText]:
    """Texts written and labelled for this project (``*.txt`` under ``directory``, marked up as
    :func:`parse_marked` reads), each with the file's stem as its id."""
    examples: list[LabelledText] = []
    for path in sorted(directory.rglob("*.txt")):
        try:
            text, spans = parse_marked(path.read_text(encoding="utf-8"))
        except MarkupError as error:
            raise MarkupError(f"{path}: {error}") from None
        examples.append(LabelledText(path.stem, text, spans, source="written"))
    if not examples:
        raise FileNotFoundError(f"{directory}: no marked .txt files")
    return examples


def read_training_data(
    data: Path, use_memes: bool = True
) -> tuple[list[LabelledText], list[LabelledText]]:
    """Train and dev examples under ``data`` (the folder holding ``ptc-emnlp2019`` and
    ``semeval2021-task6-text``, or a PTC folder with ``train``/``dev``). Meme texts, train and
    dev alike, only ever join the training side: tuning happens on the news dev split."""
    ptc = data / "ptc-emnlp2019" if (data / "ptc-emnlp2019").is_dir() else data
    train = read_ptc(ptc / "train")
    dev = read_ptc(ptc / "dev")
    if not train:
        raise FileNotFoundError(f"{ptc / 'train'}: no article<ID>.txt files")
    memes = data / "semeval2021-task6-text" / "data"
    if use_memes and memes.is_dir():
        for name in ("training_set_task2.txt", "dev_set_task2.txt"):
            if (memes / name).exists():
                train.extend(read_memes(memes / name))
    return train, dev
