"""Enumerations inside a line: "A, B and C" or "A; B; C" as the spans of their members.

- :func:`enumeration_spans`, pure over strings: the priorities ("Priorities: A, B and C");
- :func:`list_items`, on the parse: the items a tree names in a list frame ("The effects are A, B
  and, in the end, C"; "A, B and C were all named as causes"), called from ``clauses``;
- :func:`independent_clauses`, on the parse: "Shelters are underfunded and social workers are
  poorly trained" is two claims.

A list inside one claim stays one ("activities suffer from a shortage of vehicles, fuel and
staff"): ``clauses`` only asks for items where the sentence names them as several. Tested in
``tests/test_extract_enumerations.py``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

_SEPARATOR = re.compile(r"(;|,(?:\s*and)?|\band\b)")
_SEPARATOR_ONLY = re.compile(r",\s*and|;|,|and")


def enumeration_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each piece of text[start:end] between separators (";", ",", ", and", "and").

    A piece is returned untrimmed and may be blank (between two separators); callers trim it.
    """
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for piece in _SEPARATOR.split(text[start:end]):
        if not _is_separator(piece):
            spans.append((cursor, cursor + len(piece)))
        cursor += len(piece)
    return spans


def _is_separator(piece: str) -> bool:
    return piece in (";", ",") or piece.strip() in ("and", ", and") or bool(_SEPARATOR_ONLY.fullmatch(piece.strip()))


# ---- on the parse: the items of a list, the independent clauses of a sentence ----------------------------

_PROTECTING = frozenset(
    {"such", "including", "like", "especially", "particularly", "e.g.", "i.e.", "namely", "notably"}
)
_SHARED_PREPOSITIONS = frozenset({"between", "among", "amongst", "both"})


def list_items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the enumeration in doc text [start, end): "A, B and, in the end, C" -> A, B, C.

    Commas, semicolons and the conjunctions "and" and "or" separate items, except inside brackets,
    after "such as", "including" or "especially" (examples of one item), between two adjectives
    ("national and international media"), after "between" ("between police and prosecutors"), and
    after "both". A piece that is only an adverb or a leading prepositional phrase ("ultimately",
    "in the end") is not an item. Character offsets into the doc; [(start, end)] when there is no list.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return [(start, end)]
    tokens = [t for t in span]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in (")", "”"):
        tokens.pop()
    pieces: list[list[Token]] = [[]]
    depth = 0
    protected = False
    for index, token in enumerate(tokens):
        lower = token.lower_
        depth += lower in ("(", "[") and 1 or 0
        depth -= lower in (")", "]") and 1 or 0
        if lower in _PROTECTING or (lower == "as" and index and tokens[index - 1].lower_ == "such"):
            protected = True
        separator = lower in (",", ";") or (token.pos_ == "CCONJ" and lower in ("and", "or"))
        if separator and depth == 0 and not protected and not _joins_within_item(tokens, index, pieces[-1]):
            if pieces[-1]:
                pieces.append([])
            continue
        pieces[-1].append(token)
    merged: list[list[Token]] = []
    for piece in pieces:
        if piece and piece[0].lower_ == "as" and starts_clause(piece[0].doc, piece[0].i + 1, piece[-1].i + 1):
            merged.append(piece[1:])  # "family problems, as parents force children to work": two claims
        elif merged and piece and _continues_item(piece):
            merged[-1] = merged[-1] + piece  # "poverty, which is widespread" is one item
        else:
            merged.append(piece)
    items = [piece for piece in merged if piece and not _is_parenthetical(piece)]
    if len(items) < 2:
        return [(start, end)]
    spans = []
    for piece in items:
        while piece and (piece[0].is_punct or piece[0].pos_ in ("CCONJ",)):
            piece = piece[1:]
        piece = _without_leading_adjunct(piece)
        if piece:
            spans.append((piece[0].idx, piece[-1].idx + len(piece[-1])))
    return spans if len(spans) >= 2 else [(start, end)]


def _joins_within_item(tokens: list[Token], index: int, piece: list[Token]) -> bool:
    token = tokens[index]
    if token.lower_ not in ("and", "or"):
        return False
    before = tokens[index - 1] if index else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if before is not None and after is not None and before.pos_ == "ADJ" and after.pos_ == "ADJ":
        return True  # "national and international media"
    return any(t.lower_ in _SHARED_PREPOSITIONS for t in piece[-4:])


def _continues_item(piece: list[Token]) -> bool:
    """A piece that opens with a subordinator or a relative pronoun belongs to the item before it."""
    first = piece[0]
    return first.pos_ == "SCONJ" or first.lower_ in ("as", "which", "who", "whose", "where", "when", "because",
                                                      "i.e.", "e.g.", "that", "while", "whereas", "although")


def _is_parenthetical(piece: list[Token]) -> bool:
    """"ultimately", "in the end", "finally": a piece that is no item of its own."""
    words = [t for t in piece if not t.is_punct and t.pos_ != "CCONJ"]
    if not words:
        return True
    if all(t.pos_ in ("ADV", "PART") for t in words):
        return True
    return words[0].pos_ == "ADP" and len(words) <= 3 and words[-1].lower_ in ("end", "all", "general", "particular",
                                                                           "addition", "short", "sum", "total")


def _without_leading_adjunct(piece: list[Token]) -> list[Token]:
    """"in the end, more victims" -> "more victims": a leading adjunct closed by a comma is not the item."""
    for position, token in enumerate(piece[:5]):
        if token.text == "," and position + 1 < len(piece) and piece[0].pos_ in ("ADP", "ADV"):
            return piece[position + 1:]
    return piece


def independent_clauses(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The independent clauses of doc text [start, end), split at "and" or ";" where each side has its own
    subject and finite verb: "Shelters are underfunded and social workers are poorly trained" -> two.

    "Judges and prosecutors are untrained" (one subject), "Brokers recruit and transport victims" (one
    subject, two verbs) and "Laws exist but are not applied" stay whole. Character offsets into the doc.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("TAG"):
        return [(start, end)]
    cuts: list[int] = []
    clause_start = span.start
    depth = 0
    for token in span:
        depth += token.text in ("(", "[") and 1 or 0
        depth -= token.text in (")", "]") and 1 or 0
        if depth or not (token.text == ";" or (token.lower_ == "and" and token.pos_ == "CCONJ")):
            continue
        if has_clause(doc, clause_start, token.i) and starts_clause(doc, token.i + 1, span.end):
            cuts.append(token.i)
            clause_start = token.i + 1
    if not cuts:
        return [(start, end)]
    bounds = [span.start, *cuts, span.end]
    spans = []
    for index in range(len(bounds) - 1):
        first = bounds[index] + (1 if index else 0)
        tokens = [t for t in doc[first:bounds[index + 1]]]
        while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("and", "that")):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct and tokens[-1].text not in (")", "”"):
            tokens = tokens[:-1]
        if tokens:
            spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
    return spans if len(spans) >= 2 else [(start, end)]


def _is_finite(token: Token) -> bool:
    return token.tag_ in ("VBZ", "VBP", "VBD", "MD") and token.dep_ not in ("amod", "compound")


def has_clause(doc: Doc, start: int, end: int) -> bool:
    """A subject and a finite verb in doc[start:end], the subject first."""
    nominal = False
    for token in doc[start:end]:
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or token.tag_ == "EX":
            nominal = True
        elif nominal and (_is_finite(token) or (token.pos_ == "AUX" and token.tag_ in ("VBZ", "VBP", "VBD"))):
            return True
    return False


def starts_clause(doc: Doc, start: int, end: int) -> bool:
    """doc[start:end] opens a clause of its own: a subject (a noun phrase or pronoun), then a finite verb."""
    i = start
    if i < end and doc[i].lower_ == "that" and doc[i].dep_ == "mark":
        i += 1
    nominal = False
    while i < end and i < start + 10:
        token = doc[i]
        if _is_finite(token) or (token.pos_ == "AUX" and token.tag_ in ("VBZ", "VBP", "VBD")):
            return nominal
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or token.tag_ == "EX":
            nominal = token.tag_ not in ("WDT", "WP")
        elif token.pos_ in ("DET", "ADJ", "PART") or token.dep_ in ("compound", "amod", "det", "poss", "nummod") \
                or token.text in ("-", "’s", "'s"):
            pass
        elif token.pos_ == "ADV" and not nominal:
            pass
        elif token.pos_ == "ADP" and nominal:
            pass
        else:
            return False
        i += 1
    return False


def phrase_items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The items of an enumerated phrase, token offsets [start, end) -> token spans.

    "Poverty, landlessness and family debt" is three items; "budget constraints and personnel
    shortages" two; "a lack of capacity and lack of skills" two (the head noun repeats). Inside a
    prepositional phrase a list is one item's ("a shortage of vehicles, fuel and staff", "demand for
    cheap labour in fishing, agriculture and domestic work"), unless the next piece is a phrase of
    its own, with its own preposition ("the influence from the media, advertising on television, and
    promotions on other media"). Brackets, "such as" and "including" protect what follows them.
    Returns [(start, end)] when there is no list.
    """
    tokens = [t for t in doc[start:end]]
    pieces: list[list[Token]] = [[]]
    depth = 0
    protected = False
    for index, token in enumerate(tokens):
        lower = token.lower_
        depth += (lower in ("(", "[")) - (lower in (")", "]"))
        if lower in _PROTECTING or (lower == "as" and index and tokens[index - 1].lower_ == "such"):
            protected = True
        # "or" names alternatives of one thing ("no legal basis or agreed protocol"); "and" and commas list things.
        separator = lower in (",", ";") or (token.pos_ == "CCONJ" and lower == "and")
        if separator and depth == 0 and not protected and pieces[-1] and _splits_here(tokens, index, pieces[-1]):
            pieces.append([])
            continue
        if separator and not pieces[-1]:
            continue  # ", and" is one separator
        pieces[-1].append(token)
    joined: list[list[Token]] = []
    for piece in pieces:
        if joined and piece and (piece[0].lower_ in _PROTECTING or piece[0].lower_ == "in" and len(piece) > 1
                                 and piece[1].lower_ == "particular"):
            joined[-1] = joined[-1] + piece  # "migration, particularly rural to urban migration" is one item
        else:
            joined.append(piece)
    pieces = [p for p in joined if p and not _is_parenthetical(p)]
    spans = []
    for piece in pieces:
        piece = _without_leading_adjunct(piece)
        while piece and (piece[-1].is_punct or piece[-1].lower_ in ("all", "both", "alike")):
            piece = piece[:-1]
        if piece:
            spans.append((piece[0].i, piece[-1].i + 1))
    return spans if len(spans) >= 2 else [(start, end)]


def _splits_here(tokens: list[Token], index: int, piece: list[Token]) -> bool:
    """Whether the separator at ``index`` ends an item (see :func:`phrase_items`)."""
    if _joins_within_item(tokens, index, piece) and tokens[index].lower_ in ("and", "or"):
        return False
    if not any(t.pos_ == "ADP" for t in piece):
        return True
    rest: list[Token] = []
    for token in tokens[index + 1:]:
        if token.lower_ in (",", ";") or (token.pos_ == "CCONJ" and token.lower_ in ("and", "or")):
            if rest:
                break
            continue
        rest.append(token)
    head = next((t for t in piece if t.pos_ == "NOUN"), None)
    repeats = head is not None and any(t.lemma_ == head.lemma_ for t in rest[:2])
    return repeats or (len(rest) >= 2 and any(t.pos_ == "ADP" for t in rest[1:]))
