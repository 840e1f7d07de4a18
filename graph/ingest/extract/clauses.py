"""Spans as statements of one claim each, with the CAUSES links their cues state.

A reader hands over a span (a list item, a label's text, a sentence of prose) and the kind its
place gives it (a cause in a tree's causes, an effect after "Effects:", a problem in a list). A
node is one problem, one cause, one effect, so what the span becomes depends on what it says:

- **In a problem tree** (:func:`add_tree_span`) the span is read sentence by sentence, and each
  sentence becomes
  - its causes and effects as phrases, when it states them ("A leads to B, resulting in C" is A, B
    and C, linked A→B→C); the sentence itself is no node;
  - the items it names, when it names several ("The effects are A, B and C", "A, B and C were all
    named as causes"), with the kind it names them as; a bare list of noun phrases is split too;
  - "X is both a cause and an effect": X twice, as a cause and as an effect;
  - else its independent clauses ("Shelters are underfunded and social workers are poorly
    trained" is two causes), else the sentence.
- **In the problem lists** (:func:`add_problem_span`) the item or prose sentence is the problem as
  the group listed it and stays whole; the causes and effects it states become phrases of their
  own (kinds ``cause`` and ``effect``, children of the problem), linked by CAUSES, so the problem
  is never itself an end of a link.

A phrase's kind is the side of the trunk it sits on: an item under "Effects:" is an effect, and so is
each step of a chain in an effects paragraph, except what a "because" or "due to" names as its
reason, which sits below it (a cause); in prose among the causes, what only ever comes out of a
cue is an effect. Nothing is lost: a clause of the sentence that no phrase covers is a node too.

Phrases come from the dependency parse (:mod:`graph.ingest.extract.phrases`); a block without a
parse (the rule-only fallback) uses the string splitter :func:`graph.ingest.causal.split_causal`.
An anaphoric cause ("As a result, Y", "This leads to Y") is the last statement the previous
sentence ended with, which each function returns for the next call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from graph.contract import Statement, StatementKind
from graph.ingest.causal import Clause, split_causal
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.cues import cause_and_effect_span, kind_frame
from graph.ingest.extract.discourse import is_anecdote
from graph.ingest.extract.enumerations import has_clause, independent_clauses, list_items, phrase_items
from graph.ingest.extract.phrases import Phrase, PhrasePair, causal_pairs
from graph.ingest.extract.sentences import sentences_within
from graph.ingest.parsed import ParsedBlock

ClauseRole = Literal["cause", "effect"]
# "Because this only happens in some areas, some provinces receive nothing": the problem is the main clause.
_FRONTED_CAUSE = re.compile(
    r"^(?:(?:and|but|so)\s+)?(?:because|since|as\s+a\s+result\s+of|due\s+to|owing\s+to|because\s+of)\b[^,;]{3,120},\s*",
    re.IGNORECASE,
)
TreeKind = Literal["cause", "root_cause", "effect", "core_problem"]
_MIN_LIST_ITEMS = 3
_HAVING_VERBS = frozenset({"have", "lack", "face", "suffer", "experience", "need"})


@dataclass(frozen=True)
class _Pair:
    cause: Phrase
    effect: Phrase
    cue: str
    cue_span: tuple[int, int] = (0, 0)
    backward: bool = False


def add_tree_span(builder: StatementBuilder, parsed_block: ParsedBlock, start: int, end: int, kind: TreeKind,
                  topic: str | None, previous: Sequence[Statement], *, n: int | None = None,
                  parent: Statement | None = None, listed: bool = False) -> list[Statement]:
    """The statements of a tree's span [start, end) of a block, sentence by sentence (see the module docstring).

    Returns the statements the span ends with (what "This leads to …" in the next sentence means),
    or ``previous`` when it makes none. A ``core_problem`` span makes one trunk (its first claim)
    and the causes and effects it states. ``listed``: the span is an item or label under "Causes",
    "Effects" or "Root causes", and every phrase in it is of that kind (the side of the trunk it is on).
    """
    for s, e in sentences_within(parsed_block.doc, parsed_block.block, start, end):
        anchors = _tree_sentence(builder, parsed_block, s, e, kind, topic, previous, n, parent, listed)
        if anchors:
            previous = anchors
            if kind == "core_problem":
                kind = "cause"  # one trunk: what follows it in the label explains it
    return list(previous)


def add_problem_span(builder: StatementBuilder, parsed_block: ParsedBlock, start: int, end: int,
                     previous: Sequence[Statement], *, n: int | None = None,
                     parent: Statement | None = None) -> list[Statement]:
    """The problem as listed (the whole span, up to an anecdote it goes on to tell), plus the causes and
    effects it states as its children. A sentence that opens with its cause ("Because X, Y") is the problem Y."""
    sentences = sentences_within(parsed_block.doc, parsed_block.block, start, end)
    anecdote_at = next((s for s, e in sentences if s > start and is_anecdote(parsed_block.block.text[s:e])), None)
    if anecdote_at is not None:
        end = anecdote_at  # the problem is the wording before the story; what follows the story still counts
    if len(sentences) == 1:
        fronted = _FRONTED_CAUSE.match(parsed_block.block.text[start:end])
        problem_start = start + fronted.end() if fronted and fronted.end() < end - start else start
    else:
        problem_start = start
    statement = builder.add("problem", parsed_block, problem_start, end, topic=None, n=n,
                            parent=parent.id if parent else None)
    if statement is None:
        return list(previous)
    if parent is not None:
        builder.link(statement, parent, "PART_OF", "sub-item")
    anecdote = False
    for index, (s, e) in enumerate(sentences):
        anecdote = is_anecdote(parsed_block.block.text[s:e], anecdote)
        pairs = [] if anecdote else _pairs(parsed_block, s, e, in_tree=False)  # a story's "so" states no problem
        if not pairs:
            continue
        before: list[Statement] = list(previous) if index == 0 else []
        if index and any(p.cause.anaphoric or p.effect.anaphoric for p in pairs):
            # "Over reliance on mediation. Sometimes, the result is no justice": the sentence before is the cause.
            made = builder.add("cause", parsed_block, *sentences[index - 1], topic=None, parent=statement.id)
            before = [made] if made is not None else []
        _phrase_statements(builder, parsed_block, pairs, "problem", None, before, None, statement, child=True)
    return [statement]


# ---- one sentence of a tree ------------------------------------------------------------------------------

def _tree_sentence(builder: StatementBuilder, parsed_block: ParsedBlock, start: int, end: int, kind: TreeKind,
                   topic: str | None, previous: Sequence[Statement], n: int | None,
                   parent: Statement | None, listed: bool = False) -> list[Statement]:
    text = parsed_block.block.text
    sentence = text[start:end]
    both = cause_and_effect_span(sentence)
    if both is not None:
        both_kinds: tuple[StatementKind, ...] = ("cause", "effect")
        made = [_add(builder, parsed_block, k, start + both[0], start + both[1], topic, n, parent) for k in both_kinds]
        return [m for m in made if m is not None]
    frame = kind_frame(sentence)
    content_start, content_end = (start + frame.start, start + frame.end) if frame else (start, end)
    if frame is not None and frame.kind is not None and kind != "core_problem":
        kind = "root_cause" if frame.kind == "root_cause" else frame.kind
    pairs = _pairs(parsed_block, content_start, content_end, in_tree=True)
    if pairs:
        if kind != "core_problem" and all(p.cause.anaphoric for p in pairs):
            kind = "effect"  # "As a result, Y" / "This leads to Y": a consequence of what came before
        ends = _phrase_statements(builder, parsed_block, pairs, kind, topic, previous, n, parent, listed=listed)
        rest_kind: TreeKind = "cause" if kind == "core_problem" else kind
        for s, e in _uncovered_claims(parsed_block, content_start, content_end, pairs):
            # "Laws are weak; poverty leads to migration": the claim outside the pair is a node too.
            _add(builder, parsed_block, rest_kind, s, e, topic, n, parent)
        return ends
    spans = _claims(parsed_block, content_start, content_end, several=frame is not None and frame.several)
    if kind == "core_problem":
        spans = spans[:1] if len(spans) == 1 else [(content_start, content_end)]
    made = [_add(builder, parsed_block, kind, s, e, topic, n, parent) for s, e in spans]
    return [m for m in made if m is not None]


def _claims(parsed_block: ParsedBlock, start: int, end: int, *, several: bool) -> list[tuple[int, int]]:
    """The claims of a sentence with no causal cue: the items it names as several, a bare list, or its clauses."""
    doc = parsed_block.doc
    if not _parsed(doc):
        return [(start, end)]
    assert doc is not None
    items = list_items(doc, start, end)
    if len(items) > 1 and several:
        return items
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and not _has_finite_verb(doc, start, end):
        named = _char_spans(doc, phrase_items(doc, span.start, span.end))  # "Landlessness and debt in rural areas"
        if len(named) > 1:
            return named
    if span is not None:
        listed = _predicate_list(doc, span.start, span.end)
        if listed:
            return listed
    return independent_clauses(doc, start, end)


def _predicate_list(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A clause whose predicate lists three or more things ("Victims are isolated, unable to speak Chinese and
    subjected to violence"; "Fishers suffer violence, long hours and unpaid wages"; "There is no A, no B and no C",
    and "There is no A and no B"): the first claim keeps the subject, the others are the listed items."""
    verb = next((t for t in doc[start:end] if t.tag_ in ("VBZ", "VBP", "VBD") and t.dep_ not in ("amod", "compound")),
                None)
    if verb is None or any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in doc[verb.i + 1:end]):
        return []
    existential = verb.i > start and doc[verb.i - 1].tag_ == "EX" and not any(
        t.pos_ == "VERB" for t in doc[verb.i + 1:end])  # "There is no will to push through A, B and C" is one
    # "There is no A and no B", "have few jobs and little schooling": two things had or lacked are two claims.
    after = doc[verb.i + 1] if verb.i + 1 < end else None
    possessive = verb.lemma_ in _HAVING_VERBS and after is not None and after.pos_ in ("DET", "ADJ", "NOUN", "NUM")
    items = phrase_items(doc, verb.i + 1, end)
    few = 2 if existential or possessive else _MIN_LIST_ITEMS
    if len(items) < few or (few == _MIN_LIST_ITEMS and sum(1 for t in doc[verb.i + 1:end] if t.text == ",") < 1):
        return []
    items[0] = (start, items[0][1])
    return _char_spans(doc, items)


def _char_spans(doc: Doc, token_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in token_spans if e > s]


def _phrase_statements(builder: StatementBuilder, parsed_block: ParsedBlock, pairs: Sequence[_Pair],
                       kind: TreeKind | Literal["problem"], topic: str | None, previous: Sequence[Statement],
                       n: int | None, parent: Statement | None, *, child: bool = False,
                       listed: bool = False) -> list[Statement]:
    """Each phrase of the pairs as a statement, each pair as CAUSES links; returns the phrases the chain ends with.

    An anaphoric cause ("As a result, Y") is the last of ``previous``: the consequence the sentence
    before ended with."""
    causes = {(p.cause.start, p.cause.end) for p in pairs if not p.cause.anaphoric}
    effects = {(p.effect.start, p.effect.end) for p in pairs if not p.effect.anaphoric}
    backward_causes = {(p.cause.start, p.cause.end) for p in pairs if p.backward}
    ordered = sorted(causes | effects)
    trunk_key = _trunk_key(pairs) if kind == "core_problem" else None
    nodes: dict[tuple[int, int], list[Statement]] = {}
    for key in ordered:
        role: ClauseRole = "cause" if key in causes else "effect"
        if listed and kind != "core_problem":
            # An item under "Effects:" is an effect, but what it says the effect is due to sits below it.
            below = kind == "effect" and role == "cause" and key in backward_causes
            phrase_kind: StatementKind = "cause" if below else kind
        elif kind == "effect" and role == "cause" and key not in backward_causes:
            phrase_kind = "effect"  # "… so it is difficult to follow up": a chain of effects above the trunk
        else:
            phrase_kind = clause_kind(kind, role, outcome_only=key not in causes, trunk=key == trunk_key)
        made = []
        for s, e in _clause_spans(parsed_block, *key):
            if child and parent is not None:
                statement = builder.add(phrase_kind, parsed_block, s, e, topic=topic, parent=parent.id)
            else:
                statement = _add(builder, parsed_block, phrase_kind, s, e, topic, n, parent)
            if statement is not None:
                made.append(statement)
        nodes[key] = made
    last = list(previous)[-1:]
    for pair in pairs:
        sources = last if pair.cause.anaphoric else nodes.get((pair.cause.start, pair.cause.end), [])
        targets = last if pair.effect.anaphoric else nodes.get((pair.effect.start, pair.effect.end), [])
        for source in sources:
            for target in targets:
                builder.link(source, target, "CAUSES", pair.cue)
    ends = [statement for key in ordered if key not in causes for statement in nodes[key]]
    return ends or [statement for key in ordered for statement in nodes[key]]


def _uncovered_claims(parsed_block: ParsedBlock, start: int, end: int, pairs: Sequence[_Pair]) -> list[tuple[int, int]]:
    """The clauses of [start, end) that no phrase or cue of the pairs covers, so a split loses no claim."""
    doc = parsed_block.doc
    span = doc.char_span(start, end, alignment_mode="expand") if _parsed(doc) and doc is not None else None
    if span is None or doc is None:
        return []
    covered = [(p.start, p.end) for pair in pairs for p in (pair.cause, pair.effect) if not p.anaphoric]
    covered += [pair.cue_span for pair in pairs]
    runs: list[list[int]] = [[]]
    for token in span:
        if any(s <= token.idx < e for s, e in covered):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(token.i)
    claims = []
    for run in runs:
        tokens = [doc[i] for i in run]
        while tokens and (tokens[0].is_punct or tokens[0].pos_ in ("CCONJ", "SCONJ", "ADV")
                          or tokens[0].lower_ in ("which", "that", "who")):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("CCONJ", "SCONJ", "ADV")
                          or tokens[-1].lower_ in ("which", "that", "who")):
            tokens = tokens[:-1]
        if len(tokens) >= 3 and has_clause(doc, tokens[0].i, tokens[-1].i + 1):
            claims.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
    return claims


def _clause_spans(parsed_block: ParsedBlock, start: int, end: int) -> list[tuple[int, int]]:
    """A phrase's independent clauses: "because court cases take years and witness protection is limited" is two."""
    doc = parsed_block.doc
    return independent_clauses(doc, start, end) if _parsed(doc) and doc is not None else [(start, end)]


def _trunk_key(pairs: Sequence[_Pair]) -> tuple[int, int] | None:
    """Which phrase of "Core problem: X because Y" is the trunk: X, the first claim (the effect of "because")."""
    first = pairs[0]
    if first.effect.anaphoric:
        return None if first.cause.anaphoric else (first.cause.start, first.cause.end)
    if first.cause.anaphoric or first.effect.start < first.cause.start:
        return first.effect.start, first.effect.end
    return first.cause.start, first.cause.end


def clause_kind(kind: TreeKind | Literal["problem"], role: ClauseRole, outcome_only: bool,
                trunk: bool = False) -> StatementKind:
    """The kind of a phrase split off a span of this kind.

    In the problem lists a phrase is a ``cause`` or an ``effect`` (the problem is the listed item).
    In a tree a phrase that only ever comes out of a cue is an effect, the rest keep the span's kind;
    in a "Core problem:" span the trunk is its first claim and the rest are its causes and effects.
    """
    if kind == "problem":
        return "effect" if outcome_only else "cause"
    if kind == "core_problem":
        if trunk:
            return "core_problem"
        return "cause" if role == "cause" else "effect"
    if role == "cause":
        return "root_cause" if kind == "root_cause" else "cause"
    return "effect" if outcome_only else kind


# ---- helpers ---------------------------------------------------------------------------------------------

def _pairs(parsed_block: ParsedBlock, start: int, end: int, *, in_tree: bool) -> list[_Pair]:
    """The cause→effect pairs of block text [start, end), offsets into the block."""
    doc = parsed_block.doc
    if _parsed(doc):
        assert doc is not None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [_Pair(p.cause, p.effect, p.cue, p.cue_span, p.backward) for p in causal_pairs(span)
                if _inside(p, start, end)]
    sentence = parsed_block.block.text[start:end]
    return [
        _Pair(_shifted(pair.cause, start), _shifted(pair.effect, start), pair.cue,
              backward=pair.effect.start < pair.cause.start)
        for pair in split_causal(sentence, causal_verbs=in_tree)
    ]


def _inside(pair: PhrasePair, start: int, end: int) -> bool:
    return all(p.anaphoric or (start <= p.start and p.end <= end) for p in (pair.cause, pair.effect))


def _shifted(clause: Clause, offset: int) -> Phrase:
    if clause.anaphoric:
        return Phrase(0, 0, anaphoric=True)
    return Phrase(clause.start + offset, clause.end + offset)


def _parsed(doc: Doc | None) -> bool:
    return doc is not None and doc.has_annotation("DEP")


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in span)


def _add(builder: StatementBuilder, parsed_block: ParsedBlock, kind: StatementKind, start: int, end: int,
         topic: str | None, n: int | None, parent: Statement | None) -> Statement | None:
    statement = builder.add(kind, parsed_block, start, end, topic=topic, n=n, parent=parent.id if parent else None)
    if statement is not None and parent is not None:
        builder.link(statement, parent, "PART_OF", "sub-item")
    return statement
