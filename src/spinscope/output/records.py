"""JSON and JSON Lines output: one record per input, errors included so nothing is lost."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from spinscope.errors import InputError


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
