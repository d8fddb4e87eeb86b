"""JSON and JSON Lines output: one record per input, errors included so nothing is lost.

Also the PTC span format, which the PTC and SemEval-2020 Task 11 scorers read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import PurePath
from typing import IO, Any

from spinscope.document import Document
from spinscope.errors import InputError

_PTC_ARTICLE = re.compile(r"article(\d+)\.txt")


def error_record(error: InputError) -> dict[str, Any]:
    return {
        "source": error.source,
        "error": {"code": error.code.value, "reason": error.reason},
    }


def write_records(records: Iterable[dict[str, Any]], out: IO[str], fmt: str, single: bool) -> None:
    """Write ``json`` (an object for a single input, else an array) or ``jsonl``."""
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
        return
    items = list(records)
    value: Any = items[0] if single and len(items) == 1 else items
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def ptc_article_id(source: str) -> str:
    """The PTC article id: the digits of ``article<ID>.txt``, else the file name without suffix."""
    name = PurePath(source).name
    match = _PTC_ARTICLE.fullmatch(name)
    return match.group(1) if match else PurePath(name).stem


def ptc_lines(doc: Document) -> list[str]:
    """``ID<TAB>TECHNIQUE<TAB>START<TAB>END`` per technique span, as in PTC's ``.labels`` files.

    The offsets are source offsets, because the corpus's gold spans index the original file,
    not spinscope's cleaned text.
    """
    article = ptc_article_id(doc.source)
    return [
        f"{article}\t{span.technique}\t{span.source_start}\t{span.source_end}"
        for span in doc.techniques
    ]
