"""The persuasion techniques spinscope knows: names, definitions and colours (data/techniques.json).

Ids are the PTC (EMNLP 2019) labels, so model output and the corpus's gold spans compare
directly. Two techniques come only from the SemEval-2021 Task 6 meme corpus
(``Glittering_Generalities``, ``Smears``), whose labels are spelled differently for the shared
ones; :func:`technique_for_label` maps either spelling to one :class:`Technique`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spinscope.data import read_json

PTC_TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Obfuscation,Intentional_Vagueness,Confusion",
    "Red_Herring",
    "Reductio_ad_hitlerum",
    "Repetition",
    "Slogans",
    "Straw_Men",
    "Thought-terminating_Cliches",
    "Whataboutism",
)
"""The 18 techniques of the PTC corpus, in the order of its ``propaganda-techniques-names.txt``
(a model's label index follows this order, so it must not change)."""


@dataclass(frozen=True, slots=True)
class Technique:
    id: str
    """The PTC label (``Name_Calling,Labeling``); the meme-only ones get a label in that style."""
    name: str
    """Human name for display (``Name calling / labelling``)."""
    definition: str
    example: str
    """A short invented sentence that uses the technique."""
    colour: str
    """A rich colour name for the terminal view."""
    source_labels: tuple[str, ...]
    """The label strings the PTC and SemEval-2021 corpora use for this technique."""


@functools.cache
def techniques() -> dict[str, Technique]:
    """Every technique by id, in the data file's order."""
    entries = read_json("techniques.json")
    return {
        entry["id"]: Technique(
            id=entry["id"],
            name=entry["name"],
            definition=entry["definition"],
            example=entry["example"],
            colour=entry["colour"],
            source_labels=tuple(entry["source_labels"]),
        )
        for entry in entries
    }


@functools.cache
def _by_label() -> dict[str, Technique]:
    # Case-folded because the corpora differ only in case for some labels ("Flag-Waving" vs
    # "Flag-waving") and hand-typed labels should not fail on that.
    table: dict[str, Technique] = {}
    for technique in techniques().values():
        for label in (technique.id, *technique.source_labels):
            table[label.casefold()] = technique
    return table


def technique_for_label(label: str) -> Technique | None:
    """The technique an id or a label of either corpus names; ``None`` for unknown labels.

    SemEval-2020's merged classes (``Whataboutism,Straw_Men,Red_Herring``) are unknown on
    purpose: they stand for several techniques, not one.
    """
    return _by_label().get(label.strip().casefold())
