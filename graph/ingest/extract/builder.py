"""The statement builder: the one place where statements and links are made.

Every stage reader hands it a block-relative span; the builder trims it, gives it its stable id
(report, kind and offsets in the cleaned text), refuses an empty or repeated span, records its
source sentence, and remembers its content words for the links that match statements by topic.

To add a statement kind: add it to ``StatementKind`` in ``graph/contract.py``, then make the
statements through :meth:`StatementBuilder.add` from the stage reader that finds them (``remarks``
makes the ``comment`` kind this way, with its speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from graph.contract import Link, LinkType, SourceSpan, SpeakerRole, Statement, StatementKind, stable_id
from graph.ingest.extract.sentences import sentence_around
from graph.ingest.parsed import ParsedBlock
from graph.ingest.structure import Block

# Words every statement of this genre shares; a match on them says nothing about what a result remedies.
GENERIC_TERMS = frozenset(
    "trafficking traffic traffick trafficker human people person issue problem lack insufficient limited level "
    "work need country area government national lao pdr effective strong good well more less better victim case "
    "anti sufficient increase increased reduce reduced reduction improve improved support provide ensure develop "
    "available specific life role mechanism process service legal protect achieve able".split()
)
_CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", ""}
_LEADING_PUNCTUATION = " \"“‘'(-–"
_TRAILING_PUNCTUATION = " ,;:"


def content_terms(doc: Doc | None, text: str, start: int, end: int) -> frozenset[str]:
    """Lemmas of the content words in [start, end) of a block: what a statement is about."""
    if doc is None:
        words = re.findall(r"[a-z]{3,}", text[start:end].lower())
        return frozenset(w for w in words if w not in GENERIC_TERMS)
    terms = set()
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in span if span is not None else doc:
        if not start <= token.idx < end or not token.is_alpha or token.is_stop or token.pos_ not in _CONTENT_POS:
            continue
        lemma = (token.lemma_ or token.text).lower()
        if len(lemma) >= 3 and lemma not in GENERIC_TERMS:
            terms.add(lemma)
    return frozenset(terms)


@dataclass
class StatementBuilder:
    """The statements and links of one report, in the order they are made (which is the output order)."""

    report_id: str
    statements: list[Statement] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    terms: dict[str, frozenset[str]] = field(default_factory=dict)  # statement id -> content_terms
    _ids: set[str] = field(default_factory=set)

    def add(self, kind: StatementKind, parsed_block: ParsedBlock, start: int, end: int, *, topic: str | None,
            n: int | None = None, parent: str | None = None, speaker: str | None = None,
            speaker_role: SpeakerRole | None = None) -> Statement | None:
        """Add the statement at block-relative [start, end). Returns None for an empty or repeated span.

        ``speaker`` and ``speaker_role`` are a comment's."""
        block, doc = parsed_block.block, parsed_block.doc
        raw = block.text[start:end]
        start += len(raw) - len(raw.lstrip(_LEADING_PUNCTUATION))
        body = block.text[start:end].rstrip(_TRAILING_PUNCTUATION)
        if len(body.strip(" .")) < 2:
            return None
        end = start + len(body)
        absolute_start, absolute_end = block.start + start, block.start + end
        statement_id = stable_id(self.report_id, kind, absolute_start, absolute_end)
        if statement_id in self._ids:
            return None
        self._ids.add(statement_id)
        statement = Statement(
            id=statement_id,
            kind=kind,
            text=body,
            group=block.group,
            topic=topic,
            n=n,
            parent=parent,
            source=SourceSpan(
                block.section, block.page, absolute_start, absolute_end, sentence_around(block, doc, start, end)
            ),
            speaker=speaker,
            speaker_role=speaker_role,
        )
        self.statements.append(statement)
        self.terms[statement_id] = content_terms(doc, block.text, start, end)
        return statement

    def link(self, source: Statement, target: Statement, type_: LinkType, evidence: str) -> None:
        """Link two statements; a statement never links to itself."""
        if source.id != target.id:
            self.links.append(Link(source.id, target.id, type_, evidence))

    def last_statement_in(self, block: Block | None) -> Statement | None:
        """The latest statement made from ``block`` (a list item's parent, say), if any."""
        if block is None:
            return None
        for statement in reversed(self.statements):
            if block.start <= statement.source.start < block.end + 1:
                return statement
        return None
