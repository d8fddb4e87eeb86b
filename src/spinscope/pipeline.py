"""Readers → cleaning → annotators: one document through the pipeline, or many in parallel."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from spinscope.annotators._base import Annotator
from spinscope.cleaning import clean
from spinscope.document import Document, OffsetMap, SourceDocument, Span
from spinscope.errors import ErrorCode, InputError
from spinscope.readers import DEFAULT_MAX_BYTES, read_path, read_stdin


def _language() -> Annotator:
    from spinscope.annotators.language import LanguageIdentifier

    return LanguageIdentifier()


def _metadata() -> Annotator:
    from spinscope.annotators.metadata import MetadataExtractor

    return MetadataExtractor()


def _entities() -> Annotator:
    from spinscope.annotators.entities import EntityRecognizer

    return EntityRecognizer()


def _quotes() -> Annotator:
    from spinscope.annotators.quotes import QuoteExtractor

    return QuoteExtractor()


def _techniques() -> Annotator:
    from spinscope.annotators.techniques import TechniqueTagger

    return TechniqueTagger()


def _genre() -> Annotator:
    from spinscope.annotators.genre import GenreClassifier

    return GenreClassifier()


def _frames() -> Annotator:
    from spinscope.annotators.framing import FrameScorer

    return FrameScorer()


def _portrayal() -> Annotator:
    from spinscope.annotators.portrayal import PortrayalAnalyzer

    return PortrayalAnalyzer()


ANNOTATORS: dict[str, Callable[[], Annotator]] = {
    "language": _language,
    "metadata": _metadata,
    "entities": _entities,
    "quotes": _quotes,
    "techniques": _techniques,
    "genre": _genre,
    "frames": _frames,
    "portrayal": _portrayal,
}
"""Annotator factories by name; a pipeline is a list of these names."""


def _default_pipeline() -> tuple[str, ...]:
    from spinscope.annotators.techniques import bundled_model_available

    names = ("language", "metadata", "entities", "quotes")
    techniques = ("techniques",) if bundled_model_available() else ()
    return (*names, *techniques, "genre", "frames", "portrayal")


DEFAULT_PIPELINE = _default_pipeline()


class Analyzer:
    """Runs the readers, the cleaner and the named annotators on inputs."""

    def __init__(
        self, pipeline: Sequence[str] = DEFAULT_PIPELINE, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        unknown = [name for name in pipeline if name not in ANNOTATORS]
        if unknown:
            raise ValueError(f"unknown annotators {unknown}; known: {sorted(ANNOTATORS)}")
        self.pipeline = tuple(pipeline)
        self.annotators = [ANNOTATORS[name]() for name in pipeline]
        self.max_bytes = max_bytes

    def analyze_source(self, source: SourceDocument) -> Document:
        cleaned = clean(source.text)
        doc = Document(
            source=source.source,
            format=source.format,
            source_text=source.source_text,
            text=cleaned.text,
            offsets=cleaned.offsets.then(source.offsets),
            encoding=source.encoding,
            hints=dict(source.hints),
        )
        doc.paragraphs = [doc.span(start, end) for start, end in cleaned.paragraphs]
        for start, end, _reason in cleaned.removed:
            source_start, source_end = source.offsets.to_source(start, end)
            doc.removed.append(
                Span(-1, -1, source_start, source_end, source.source_text[source_start:source_end])
            )
        if not doc.text.strip():
            raise InputError(source.source, "no text left after cleaning", ErrorCode.EMPTY)
        for annotator in self.annotators:
            doc = annotator(doc)
        doc.nlp = None  # spaCy state is for annotators only
        return doc

    def analyze_path(self, path: str | Path) -> Document:
        if str(path) == "-":
            return self.analyze_source(read_stdin(max_bytes=self.max_bytes))
        source = read_path(path, max_bytes=self.max_bytes)
        source.hints.setdefault("file_mtime", _mtime(Path(path)))
        return self.analyze_source(source)

    def analyze_text(self, text: str, source: str = "<text>") -> Document:
        return self.analyze_source(
            SourceDocument(
                source=source,
                format="text",
                source_text=text,
                text=text,
                offsets=OffsetMap.identity(len(text)),
            )
        )


def _mtime(path: Path) -> str:
    return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()


@functools.cache
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(path_or_text: str | Path) -> Document:
    """Analyse a file (a path) or a text (any other string) with the default pipeline."""
    if isinstance(path_or_text, Path) or (
        "\n" not in path_or_text and len(path_or_text) < 4096 and Path(path_or_text).is_file()
    ):
        return default_analyzer().analyze_path(path_or_text)
    return default_analyzer().analyze_text(path_or_text)


@dataclass(slots=True)
class Outcome:
    """One input's result: its document, or the error that stopped it."""

    source: str
    document: Document | None
    error: InputError | None


_worker: Analyzer | None = None


def _init_worker(pipeline: tuple[str, ...], max_bytes: int, one_thread: bool = False) -> None:
    global _worker
    if one_thread:  # one worker per core: a second BLAS thread would only contend with the next
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    _worker = Analyzer(pipeline, max_bytes)
    from spinscope.nlp import english

    english()


def _run_one(path: str) -> Outcome:
    assert _worker is not None
    try:
        return Outcome(path, _worker.analyze_path(path), None)
    except InputError as error:
        return Outcome(path, None, error)
    except Exception as error:  # a bug must not stop the rest of a batch
        reason = f"internal error, please report: {type(error).__name__}: {error}"
        return Outcome(path, None, InputError(path, " ".join(reason.split()), ErrorCode.INTERNAL))


def analyze_many(
    paths: Sequence[str],
    *,
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = None,
) -> Iterator[Outcome]:
    """Analyse many inputs, in input order; a bad input yields an error and the rest go on."""
    jobs = jobs or os.cpu_count() or 1
    pipeline = tuple(pipeline)
    if jobs <= 1 or len(paths) < 4 or "-" in paths:
        _init_worker(pipeline, max_bytes)
        yield from (_run_one(path) for path in paths)
        return
    # fork shares the loaded model pages with the workers; each worker loads spaCy once.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_worker,
        initargs=(pipeline, max_bytes, True),
    ) as pool:
        yield from pool.map(_run_one, paths, chunksize=2)


SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".pdf"})


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files named directly, plus the article files (by suffix) under named folders."""
    expanded: list[str] = []
    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            expanded.extend(
                str(p)
                for p in sorted(folder.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            )
        else:
            expanded.append(path)
    return expanded
