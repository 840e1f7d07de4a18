"""The ingest pipeline: read -> clean -> structure -> extract, parsing every block once with nlp.pipe."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from graph.contract import Extraction, content_hash
from graph.ingest.clean import CleanText, clean
from graph.ingest.entities import extract_entities, extract_metadata, extract_references
from graph.ingest.errors import IngestError, NotEnglish
from graph.ingest.extract import extract_statements
from graph.ingest.nlp import load_nlp
from graph.ingest.read import read_document
from graph.ingest.structure import build_blocks

BATCH_SIZE = 64
MIN_ENGLISH_STOPWORD_SHARE = 0.2

# A hook that fills statement themes from the parsed docs; the themes feature provides it.
ThemeHook = Callable[[Extraction, dict], Extraction]


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
        raise NotEnglish(path, f"the text does not look like English ({share:.0%} common English words); only English reports are supported")


def extract_path(path: Path, nlp: Language | None = None, *, max_bytes: int | None = None) -> Extraction:
    """Extract one report. Raises IngestError with a message that names the file and what is wrong."""
    path = Path(path)
    nlp = nlp or load_nlp()
    document = read_document(path, max_bytes=max_bytes)
    cleaned = clean(document)
    return extract_clean(path, cleaned, nlp)


def extract_clean(path: Path, cleaned: CleanText, nlp: Language) -> Extraction:
    check_english(path, cleaned.text)
    blocks = build_blocks(cleaned)
    parse_indices = [i for i, block in enumerate(blocks) if block.kind != "heading"]
    docs = dict(zip(parse_indices, nlp.pipe((blocks[i].text for i in parse_indices), batch_size=BATCH_SIZE)))
    report_id = content_hash(cleaned.text)
    metadata = extract_metadata(cleaned.text, report_id, path.name)
    statements, links = extract_statements(blocks, docs, report_id, cleaned.text)
    return Extraction(
        report=metadata,
        statements=tuple(statements),
        links=tuple(links),
        entities=tuple(extract_entities(blocks, docs, report_id)),
        references=tuple(extract_references(blocks, docs, metadata.country)),
        text=cleaned.text,
    )


def extract_many(paths: Iterable[Path], nlp: Language | None = None, *, max_bytes: int | None = None) -> Iterator[Outcome]:
    """Extract each report in turn; a bad report yields its error and the rest still run."""
    for path in paths:
        try:
            yield Outcome(Path(path), extract_path(path, nlp or load_nlp(), max_bytes=max_bytes), None)
        except IngestError as error:
            yield Outcome(Path(path), None, error)
