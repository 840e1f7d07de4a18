"""Shared helpers for the ingest and extract tests (not a conftest: tests/conftest.py belongs to the store).

The spaCy model and the Lao report's extraction are expensive, so each is made once per session
through a cache; the fixtures below only hand the cached objects out. Test modules import the
fixtures they use by name.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from graph.contract import Extraction
from graph.ingest.clean import CleanText, clean
from graph.ingest.read import RawDocument

REPO = Path(__file__).resolve().parents[1]
LAO_REPORT = REPO / "data" / "reports" / "lao_pdr_2013_consultation.txt"
SYNTHETIC_REPORTS = tuple(sorted((REPO / "data" / "synthetic").glob("*.txt")))
GOLD_DIR = REPO / "tests" / "gold" / "v1"  # format 1: the sentence-level annotations these tests assert on


@functools.cache
def real_nlp():
    """The real en_core_web_sm pipeline, loaded once per session."""
    from graph.ingest.nlp import load_nlp

    return load_nlp()


@functools.cache
def extraction_of(path: str) -> Extraction:
    from graph.ingest.pipeline import extract_path

    return extract_path(Path(path), real_nlp())


@functools.cache
def gold(report_stem: str) -> dict:
    return json.loads((GOLD_DIR / f"{report_stem}.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Whitespace collapsed, for comparing the report's wording with an extracted statement."""
    return " ".join(text.split())


def raw(*pages: str, has_page_numbers: bool | None = None, source: str = "inline.txt") -> RawDocument:
    """A RawDocument as the txt reader would give it for these pages."""
    if has_page_numbers is None:
        has_page_numbers = len(pages) > 1
    return RawDocument(source, "txt", tuple(pages), has_page_numbers)


def cleaned(*pages: str, **kwargs) -> CleanText:
    return clean(raw(*pages, **kwargs))


def statements_of(extraction: Extraction, kind: str | None = None) -> list:
    return [s for s in extraction.statements if kind is None or s.kind == kind]


def find_statement(extraction: Extraction, text: str, kind: str | None = None):
    """The statement whose text is `text` (whitespace-insensitive), or None."""
    wanted = norm(text).rstrip(" .").lower()
    for statement in statements_of(extraction, kind):
        if norm(statement.text).rstrip(" .").lower() == wanted:
            return statement
    return None


WORD = re.compile(r"\w+")


@pytest.fixture(scope="session")
def nlp():
    return real_nlp()


@pytest.fixture(scope="session")
def lao() -> Extraction:
    return extraction_of(str(LAO_REPORT))
