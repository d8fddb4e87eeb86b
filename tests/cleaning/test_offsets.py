"""The offset map: every clean character leads back to the input character it came from."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

import pytest

from spinscope.cleaning import clean

from .samples import ALL_INPUTS, generated_inputs

_NON_SPACE = re.compile(r"\S+")
_WORD = re.compile(r"\w+")
# Invisible characters the cleaner drops are in ``removed``; only whitespace is not.
_SPACE = re.compile(r"\s")
_BREAKS = "\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
_LINE_END_HYPHEN = re.compile(rf"[-\u2010](?=[^\S{_BREAKS}]*[{_BREAKS}])")

INPUTS = pytest.mark.parametrize("source", list(ALL_INPUTS.values()), ids=list(ALL_INPUTS))


def _without(source: str, start: int, end: int, removed: list[tuple[int, int, str]]) -> str:
    """``source[start:end]`` with the removed debris spans cut out."""
    pieces = []
    position = start
    for removed_start, removed_end, _ in removed:
        if removed_end <= position or removed_start >= end:
            continue
        pieces.append(source[position : max(position, removed_start)])
        position = max(position, removed_end)
    pieces.append(source[position:end])
    return "".join(pieces)


@INPUTS
def test_map_is_well_formed(source: str) -> None:
    result = clean(source)
    positions = list(result.offsets.positions)
    assert len(result.offsets) == len(result.text)
    assert positions[-1] == len(source)
    assert all(a <= b for a, b in pairwise(positions))
    assert all(0 <= p <= len(source) for p in positions)


def _same_characters(kept: str) -> re.Pattern[str]:
    """What a clean chunk may be for the input characters ``kept``: the same characters without
    whitespace, each hyphen at a line end either kept or closed up."""
    optional = {match.start() for match in _LINE_END_HYPHEN.finditer(kept)}
    parts = []
    for index, char in enumerate(kept):
        if index in optional:
            parts.append(re.escape(char) + "?")
        elif not char.isspace():
            parts.append(re.escape(char))
    return re.compile("".join(parts))


@INPUTS
def test_non_space_spans_map_to_the_same_characters(source: str) -> None:
    result = clean(source)
    for match in _NON_SPACE.finditer(result.text):
        start, end = result.offsets.to_source(match.start(), match.end())
        kept = _without(source, start, end, result.removed)
        assert _same_characters(kept).fullmatch(match.group()), (match.group(), kept)


@INPUTS
def test_every_word_maps_to_its_first_character(source: str) -> None:
    result = clean(source)
    for pattern in (_NON_SPACE, _WORD):
        for match in pattern.finditer(result.text):
            start, end = result.offsets.to_source(match.start(), match.end())
            assert source[start] == match.group()[0]
            assert source[end - 1] == match.group()[-1]


@INPUTS
def test_nothing_is_lost_or_added(source: str) -> None:
    """The clean text holds exactly the input's visible characters outside the removed spans,
    except hyphens the de-hyphenation closed up."""
    result = clean(source)
    expected = _SPACE.sub("", _without(source, 0, len(source), result.removed))
    actual = _SPACE.sub("", result.text)
    assert actual.replace("-", "") == expected.replace("-", "")
    assert len(actual) <= len(expected)


@INPUTS
def test_paragraph_spans_map_into_the_input(source: str) -> None:
    result = clean(source)
    for start, end in result.paragraphs:
        source_start, source_end = result.offsets.to_source(start, end)
        assert source[source_start] == result.text[start]
        assert source[source_end - 1] == result.text[end - 1]


@INPUTS
def test_no_clean_character_comes_from_a_removed_span(source: str) -> None:
    result = clean(source)
    positions = result.offsets.positions[:-1]
    for start, end, _ in result.removed:
        first = bisect_left(positions, start)
        assert first == len(positions) or positions[first] >= end


def test_properties_hold_on_generated_jumbles() -> None:
    for source in generated_inputs(300):
        test_map_is_well_formed(source)
        test_non_space_spans_map_to_the_same_characters(source)
        test_every_word_maps_to_its_first_character(source)
        test_nothing_is_lost_or_added(source)
        test_paragraph_spans_map_into_the_input(source)
        test_no_clean_character_comes_from_a_removed_span(source)
