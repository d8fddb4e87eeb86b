"""Data files (word lists, gazetteers, definitions) kept apart from the code that uses them."""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any


def read_text(name: str) -> str:
    return (files("spinscope") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file."""
    lines = (line.strip() for line in read_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.cache
def read_json(name: str) -> Any:
    return json.loads(read_text(name))
