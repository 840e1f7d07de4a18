"""The ingest pipeline: read -> clean -> structure -> extract, parsing every block once with nlp.pipe."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.contract import Extraction, ThemeTag, content_hash
from graph.ingest.clean import CleanText, clean
from graph.ingest.entities import extract_entities, extract_metadata, extract_references
from graph.ingest.errors import IngestError, NotAReport, NotEnglish
from graph.ingest.extract import extract_statements
from graph.ingest.nlp import load_nlp
from graph.ingest.parsed import ParsedBlock, parse_blocks, with_docs
from graph.ingest.read import read_document
from graph.ingest.structure import Block, build_blocks
from graph.themes import ThemeTagger, load_taxonomy

BATCH_SIZE = 64
MIN_ENGLISH_STOPWORD_SHARE = 0.2


@lru_cache(maxsize=4)
def default_tagger(nlp: Language, themes_file: str | None = None) -> ThemeTagger:
    """The theme tagger for a pipeline, built once: compiling it lemmatises every pattern word."""
    return ThemeTagger(nlp, load_taxonomy(themes_file))


@dataclass(frozen=True)
class Outcome:
    path: Path
    extraction: Extraction | None
    error: IngestError | None


def check_english(path: Path, text: str) -> None:
    words = [w.lower() for w in text.split()[:5000] if w.isalpha()]
    if len(words) < 20:
        raise NotEnglish(path, f"too little readable text ({len(words)} words) to be a report")
    share = sum(1 for w in words if w in STOP_WORDS) / len(words)
    if share < MIN_ENGLISH_STOPWORD_SHARE:
        raise NotEnglish(path, f"the text does not look like English ({share:.0%} common English words); "
                               "only English reports are supported")


# The stages that only a consultation report of this genre has (opening and closing sections are in any text).
GENRE_STAGES = frozenset({"problems", "priorities", "analysis", "vision", "results"})


def check_genre(path: Path, blocks: Sequence[Block]) -> None:
    """Refuse English text in which nothing of the genre is found: no stage of the method (problems,
    priorities, problem trees, visions, results), no working group and no labelled part of a tree."""
    if any(b.stage in GENRE_STAGES or b.group is not None or b.kind == "label" for b in blocks):
        return
    raise NotAReport(path, "nothing of a consultation report was found: no problem identification, "
                           "priorities, problem trees, visions or results map, and no working groups; "
                           "only workshop reports of this kind can be extracted")


def extract_path(path: Path, nlp: Language | None = None, *, max_bytes: int | None = None,
                 tagger: ThemeTagger | None = None) -> Extraction:
    """Extract one report. Raises IngestError with a message that names the file and what is wrong."""
    path = Path(path)
    nlp = nlp or load_nlp()
    document = read_document(path, max_bytes=max_bytes)
    cleaned = clean(document)
    return extract_clean(path, cleaned, nlp, tagger or default_tagger(nlp))


def extract_clean(path: Path, cleaned: CleanText, nlp: Language, tagger: ThemeTagger | None = None) -> Extraction:
    check_english(path, cleaned.text)
    blocks = build_blocks(cleaned)
    check_genre(path, blocks)
    parsed = parse_blocks(blocks, nlp, batch_size=BATCH_SIZE)
    report_id = content_hash(cleaned.text)
    metadata = extract_metadata(cleaned.text, report_id, path.name)
    statements, links = extract_statements(parsed, report_id)
    references = extract_references(parsed, metadata.country)
    if tagger is not None:
        spans = _SpanFinder(parsed)
        statements = [replace(s, themes=_themes_of(spans, tagger, s.source.start, s.source.end, s.text))
                      for s in statements]
        references = [replace(r, themes=_themes_of(spans, tagger, r.source.start, r.source.end, r.source.sentence))
                      for r in references]
    return Extraction(
        report=metadata,
        statements=tuple(statements),
        links=tuple(links),
        entities=tuple(extract_entities(parsed, report_id)),
        references=tuple(references),
        text=cleaned.text,
    )


class _SpanFinder:
    """The parsed span behind an offset range of the cleaned text, so tagging costs no second parse."""

    def __init__(self, parsed: Sequence[ParsedBlock]) -> None:
        self.parsed: list[tuple[Block, Doc]] = list(with_docs(parsed))
        self.starts = [block.start for block, _ in self.parsed]

    def span(self, start: int, end: int) -> Span | None:
        position = bisect.bisect_right(self.starts, start) - 1
        if position < 0:
            return None
        block, doc = self.parsed[position]
        if not block.start <= start < block.end + 1:
            return None
        return doc.char_span(start - block.start, end - block.start, alignment_mode="expand")


def _themes_of(spans: _SpanFinder, tagger: ThemeTagger, start: int, end: int, text: str) -> tuple[ThemeTag, ...]:
    span = spans.span(start, end)
    return tagger.tag(span) if span is not None else tagger.tag_texts([text])[0]


def extract_many(paths: Iterable[Path], nlp: Language | None = None, *, max_bytes: int | None = None,
                 tagger: ThemeTagger | None = None) -> Iterator[Outcome]:
    """Extract each report in turn; a bad report yields its error and the rest still run."""
    for path in paths:
        try:
            yield Outcome(Path(path), extract_path(path, nlp or load_nlp(), max_bytes=max_bytes, tagger=tagger), None)
        except IngestError as error:
            yield Outcome(Path(path), None, error)
