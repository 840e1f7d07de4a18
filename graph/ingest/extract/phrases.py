"""Causes and effects as phrases, read from the dependency parse of one sentence.

"Weak coordination between ministries leads to slow referrals, resulting in victims leaving
shelters early" is three phrases and two cause→effect pairs. The parse that the pipeline already
computed says where a cue is a cue and where each phrase starts and ends:

- the **cues** are found on tokens (lemma, part of speech, dependency), so "results" as a noun,
  "pushed" in quotes, "so" as an intensifier or a verb under negation, ``if`` or ``whether`` are
  not cues. The cue vocabulary and its directions live in :mod:`graph.ingest.causal`;
- each cue has a phrase on either side. The phrase before a cue is the cue's subject when the
  parse gives one (the subject of "leads", the subject of the copula in "X is the main cause of
  Y"), else the clause that ends at the cue (after "that", ";", ", however", a fronted "Although
  …,"). The phrase after a cue runs to the end of its clause: to ";", ", which", ", but", "and"
  followed by a clause of its own, or the next cue, so a chain A → B → C gives the pairs A→B and
  B→C with B the same phrase;
- the direction comes with the cue: "X leads to Y", "X, so Y", "X, due to which Y" and "X is a
  push factor for Y" say X causes Y; "Y is driven by X", "Y because X", "Y due to X", "Y is the
  result of X" and a post-nominal "Y caused by X" say the reverse; a sentence-initial "As a
  result, Y" or "This leads to Y" takes its cause from the statement before (``anaphoric``);
- a cue with no subject takes it from the parse: a ``conj`` verb shares its head's subject
  ("Poverty leads to migration and fuels trafficking"), a participle on a noun takes the noun
  ("a factor contributing to trafficking" takes the copula's subject), a relative "that" takes its
  antecedent noun ("fees that create debt"), a participle clause (", resulting in Y") takes the
  phrase before it.

Negated cues ("does not lead to", "not because of"), hypothetical ones (under ``if``, ``whether``,
``unless``, or ``would``), purposes ("to create an information centre") and questions give no
pair. Verbs that cause only when a thing, not a person, is their subject ("creates", "allows",
"keeps … low") are cues only with a subject that is not an agent.

Offsets are characters of the doc the sentence belongs to (a block), like every span the readers
hand to the builder. Tested in ``tests/test_extract_phrases.py`` on the real model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.ingest.causal import (
    ANAPHOR,
    BACKWARD_NOUNS,
    BACKWARD_PARTICLE_VERBS,
    BACKWARD_PREPOSITIONS,
    CONNECTIVES,
    FORWARD_NOUNS,
    FORWARD_PARTICLE_VERBS,
    INCENTIVE_NOUNS,
    INCENTIVE_VERBS,
    LOOSE_CAUSATIVE_VERBS,
    RESULTATIVE_VERBS,
    STRICT_CAUSATIVE_VERBS,
    Direction,
)
from graph.ingest.extract.enumerations import phrase_items, starts_clause


@dataclass(frozen=True)
class Phrase:
    """A cause or effect: character offsets into the doc, or the statement before (``anaphoric``)."""

    start: int
    end: int
    anaphoric: bool = False


@dataclass(frozen=True)
class PhrasePair:
    cause: Phrase
    effect: Phrase
    cue: str
    cue_span: tuple[int, int] = (0, 0)  # character offsets of the cue words
    backward: bool = False  # the cue names the effect first ("Y due to X", "Y because X", "Because of X, Y")


@dataclass(frozen=True)
class _Cue:
    start: int  # token indices of the cue words, [start, end)
    end: int
    direction: Direction
    text: str
    anchor: Token  # the token whose clause the cue belongs to (for negation and hypotheticals)
    subject: Token | None = None  # the phrase before the cue is this token's subtree, when reliable
    relative: bool = False  # "…, which leads to", "…, due to which": the cause is the phrase before
    fronted: bool = False  # "Because of X, Y": the phrase after the cue runs to the comma
    anaphoric: bool = False  # "As a result, Y": the cause is the statement before
    noun_phrase: tuple[int, int] | None = None  # the phrase before is this noun phrase (tokens)
    cause_object: Token | None = None  # "caused by X": X's subtree is the phrase after
    connective: bool = False  # "so", "thus", "which in turn": gives way to a verb cue right after it


_NEGATIONS = frozenset({"not", "n't", "never", "no", "nor"})
_HYPOTHETICAL_MARKS = frozenset({"if", "whether", "unless"})
_CLAUSE_WORDS = frozenset({"but", "however", "while", "whereas", "although", "though", "yet"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})
_AGENT_NOUNS = frozenset(
    "government ministry ministries police policeman official officer broker trafficker recruiter employer agency "
    "committee group participant parent family person people man woman staff donor organisation organization ngo "
    "authority authorities department we they he she i you worker owner member team table volunteer activist "
    "leader expert consultant facilitator chair representative partner minister union council police".split()
)
_AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# "The road that leads to the border gate" is a way, not a cause.
_PATH_NOUNS = frozenset("road path route street door gate bridge track way corridor highway trail river".split())
_SECONDARY_PREPOSITIONS = frozenset({"in", "into", "without", "with", "at", "on", "under", "behind", "out"})
_TRAILING_WORDS = frozenset(
    "may might can could will would shall should must is are was were be been being mainly largely partly also "
    "often only both still even which that and or but so thus then".split()
)
_LEADING_WORDS = frozenset("and or but which that also thus so then however therefore hence consequently".split())
_CUE_VERBS = STRICT_CAUSATIVE_VERBS | LOOSE_CAUSATIVE_VERBS | set(FORWARD_PARTICLE_VERBS) | set(BACKWARD_PARTICLE_VERBS)
_VERB_FORMS = frozenset(form for lemma in _CUE_VERBS for form in (lemma, lemma + "s", lemma + "es"))
# What a meeting or a study produces is its "result", not its consequence.
_ACTIVITY_NOUNS = frozenset("workshop meeting vote voting consultation exercise survey study session discussion review "
                            "assessment evaluation research project analysis process brainstorming".split())
_NAMING_VERBS = frozenset({"name", "identify", "see", "describe", "cite", "list", "consider", "regard", "mention"})
# Adverbs that belong to a cue ("is largely driven by", "often leads to"), not to the phrase before it.
_CUE_ADVERBS = frozenset("often mainly largely partly also usually frequently sometimes always directly indirectly "
                         "primarily mostly generally commonly increasingly still even further".split())
_CONNECTIVE_STARTS = frozenset(words[0] for words in CONNECTIVES)
_PREPOSITION_STARTS = frozenset(words[0] for words in BACKWARD_PREPOSITIONS)
_MODALS = frozenset({"can", "could", "may", "might", "will", "would", "shall", "should", "must"})
_ANAPHOR = re.compile(ANAPHOR, re.IGNORECASE)


def causal_pairs(sentence: Span) -> list[PhrasePair]:
    """The cause→effect pairs a parsed sentence states, in the order of their cues."""
    doc = sentence.doc
    if not doc.has_annotation("DEP") or sentence.text.rstrip(" ”\"’'").endswith("?"):
        return []
    if _first_word(sentence).lower_ in _HYPOTHETICAL_MARKS:
        return []
    cues = _resolve_overlaps(sorted(_candidate_cues(sentence), key=lambda c: (c.start, -(c.end - c.start))))
    cues = [cue for cue in cues if not _negated(doc, cue) and not _hypothetical(cue)]
    pairs: list[PhrasePair] = list(_subject_noun_pairs(sentence))
    taken = [(p.cue_span[0], p.cue_span[1]) for p in pairs] + [(x.start, x.end) for p in pairs
                                                              for x in (p.cause, p.effect)]
    cues = [c for c in cues if not any(s <= doc[c.start].idx < e for s, e in taken)]
    for index, cue in enumerate(cues):
        left_start = cues[index - 1].end if index else sentence.start
        if index and cues[index - 1].fronted:
            left_start = _fronted_comma(doc, cues[index - 1], sentence.end) + 1
        right_end = cues[index + 1].start if index + 1 < len(cues) else sentence.end
        if index and _coordinated(doc, cues[index - 1], cue) and pairs:
            # "failed because A and because B": B is a cause of what A was a cause of.
            right = _right_phrase(doc, cue.end, right_end)
            if right is not None:
                pairs.append(PhrasePair(right, pairs[-1].effect, cue.text, _cue_span(cue), backward=True))
            continue
        if index and cues[index - 1].noun_phrase is not None and cues[index - 1].direction == "backward" \
                and cue.subject is None and cue.noun_phrase is None and not cue.relative and not cue.anaphoric:
            # "Stress caused by long detention leads some victims to …": the noun is the cause.
            cue = replace(cue, noun_phrase=cues[index - 1].noun_phrase)
        pair = _pair(doc, cue, left_start, right_end, sentence)
        if pair is not None:
            pairs.append(pair)
    unique: dict[tuple[int, int, int, int, bool, bool], PhrasePair] = {}
    for found in (split for pair in pairs for split in _each_item(doc, pair)):
        key = (found.cause.start, found.cause.end, found.effect.start, found.effect.end, found.cause.anaphoric,
               found.effect.anaphoric)
        unique.setdefault(key, found)
    return list(unique.values())


def _each_item(doc: Doc, pair: PhrasePair) -> list[PhrasePair]:
    """One pair per item of an enumerated end: "Poverty, landlessness and debt lead to X" is three pairs."""
    causes = [pair.cause] if pair.cause.anaphoric else _phrase_items(doc, pair.cause)
    effects = [pair.effect] if pair.effect.anaphoric else _phrase_items(doc, pair.effect)
    return [PhrasePair(c, e, pair.cue, pair.cue_span, pair.backward) for c in causes for e in effects]


def _phrase_items(doc: Doc, phrase: Phrase) -> list[Phrase]:
    """The items of an enumerated noun phrase; a list inside one item ("a shortage of vehicles, fuel and staff")
    and a clause stay whole. "Push factors such as drought and debt" is drought and debt."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return [phrase]
    start, end = span.start, span.end
    examples = next((t for t in span if t.lower_ in ("such", "including", "like")), None)
    if examples is not None and examples.i > start:
        head = doc[examples.i - 1]
        if head.lemma_.lower() in _GENERIC_HEADS:
            start = examples.i + (2 if examples.lower_ == "such" else 1)
    items = [_phrase(doc, *item) for item in _items(doc, start, end)]
    found = [item for item in items if item is not None]
    return found or [phrase]


def _coordinated(doc: Doc, previous: _Cue, cue: _Cue) -> bool:
    """"because A and because B", "due to A or due to B": the second cue shares the first one's effect."""
    return previous.direction == cue.direction == "backward" and previous.text.lower() == cue.text.lower() \
        and cue.start >= 1 and doc[cue.start - 1].lower_ in ("and", "or")


def _subject_noun_pairs(sentence: Span) -> Iterator[PhrasePair]:
    """Cues in a noun phrase rather than a verb: "The main cause of Y is X", "One of the triggers for Y was X",
    "The consequences of X include Y and Z" (each item), "named X as a push factor for Y"."""
    doc = sentence.doc
    for token in sentence:
        lemma = token.lemma_.lower()
        noun = token
        if lemma == "one" and token.dep_ == "nsubj":
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((c for c in of.children if c.dep_ == "pobj"), token) if of is not None else token
            lemma = noun.lemma_.lower()
        if token.dep_ == "nsubj" and token.head.lemma_ in ("be", "include", "remain") and token.head.i > token.i:
            verb = token.head
            preposition = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "behind")),
                               None)
            inner = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition else None
            complement = next((c for c in verb.children if c.dep_ in ("attr", "dobj", "acomp") and c.i > verb.i), None)
            if inner is None or complement is None or _ANAPHOR.fullmatch(inner.text):
                continue  # "The effects of this are …" is a label, not a pair
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            if lemma in BACKWARD_NOUNS and inner.lemma_.lower() in _ACTIVITY_NOUNS:
                continue  # "The result of the workshop is a set of maps": a product, not a consequence
            inner_span = _trimmed(doc, inner.left_edge.i, verb.i)
            after = _trimmed(doc, verb.i + 1, _clause_end(doc, verb.i + 1, sentence.end))
            if inner_span is None or after is None:
                continue
            cue = (doc[token.left_edge.i].idx, doc[verb.i].idx + len(doc[verb.i]))
            text = f"{noun.text} of … {verb.text}"
            for item in _items(doc, *after):
                named, other = _phrase(doc, *item), _phrase(doc, *inner_span)
                if named is None or other is None:
                    continue
                if lemma in FORWARD_NOUNS and lemma not in ("factor", "force"):
                    yield PhrasePair(named, other, text, cue, backward=True)  # "The main cause of Y is X"
                elif lemma in BACKWARD_NOUNS:
                    yield PhrasePair(other, named, text, cue)  # "The consequences of X include Y"
        elif token.dep_ == "dobj" and token.head.lemma_ in _NAMING_VERBS:
            # "Participants named domestic violence as a push factor for girls leaving home."
            verb = token.head
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i), None)
            role = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            if role is None or role.lemma_.lower() not in FORWARD_NOUNS:
                continue
            preposition = next((c for c in role.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "behind")),
                               None)
            if preposition is None:
                continue
            cause = _trimmed(doc, token.left_edge.i, token.right_edge.i + 1)
            effect = _trimmed(doc, preposition.i + 1, min(role.right_edge.i + 1, sentence.end))
            if cause and effect and as_ is not None:
                c, e = _phrase(doc, *cause), _phrase(doc, *effect)
                if c is not None and e is not None:
                    yield PhrasePair(c, e, _text(doc, as_.i, preposition.i + 1),
                                     (doc[as_.i].idx, doc[preposition.i].idx + len(doc[preposition.i])))


_GENERIC_HEADS = frozenset("factor cause problem issue driver reason thing condition".split())


def _items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The items of an enumerated noun phrase doc[start:end] (see :func:`enumerations.phrase_items`); a clause
    (a finite verb) is one item."""
    if start >= end or any(x.pos_ in ("VERB", "AUX") and x.dep_ not in ("amod", "compound", "acl")
                           and not (x.tag_ == "VBG" and x.dep_ in ("pobj", "dobj", "nsubj", "conj"))
                           for x in doc[start:end]):
        return [(start, end)]  # a clause ("people want to go abroad to experience life and cultures") is one
    items = []
    for s, e in phrase_items(doc, start, end):
        span = _trimmed(doc, s, e)
        if span:
            items.append(span)
    return items or [(start, end)]


# ---- cues ---------------------------------------------------------------------------------------------

def _candidate_cues(sentence: Span) -> Iterator[_Cue]:
    doc = sentence.doc
    for token in sentence:
        yield from _verb_cues(doc, token, sentence)
        yield from _misparsed_verb_cues(doc, token, sentence)
        yield from _noun_cues(doc, token, sentence)
        yield from _incentive_cues(doc, token, sentence)
    yield from _prepositional_cues(doc, sentence)
    yield from _subordinator_cues(doc, sentence)
    yield from _connective_cues(doc, sentence)


def _verb_cues(doc: Doc, token: Token, sentence: Span) -> Iterator[_Cue]:
    if not _verbal(token) or _in_a_name(token, sentence):
        return
    lemma = token.lemma_.lower()
    after = _skip_adverbs(doc, token.i + 1, sentence.end)
    words = [t.lower_ for t in doc[after:min(after + 3, sentence.end)]]
    passive = any(child.dep_ == "auxpass" for child in token.children)
    for particles, direction in ((FORWARD_PARTICLE_VERBS.get(lemma), "forward"),
                                 (BACKWARD_PARTICLE_VERBS.get(lemma), "backward")):
        if particles and not passive and tuple(words[:len(particles)]) == particles:
            subject = _subject(token)
            way = _antecedent(subject) if subject is not None and subject.tag_ == "WDT" else subject
            if lemma == "lead" and way is not None and way.lemma_.lower() in _PATH_NOUNS:
                return  # "The road that leads to the border gate": a way, not a cause
            if lemma == "contribute" and subject is not None and _agentive(subject):
                return  # "Donors contributed to the cost of the workshop"
            end = after + len(particles)
            yield _participle_cue(doc, token, end, direction)  # type: ignore[arg-type]
            return
    causative = lemma in STRICT_CAUSATIVE_VERBS or lemma in LOOSE_CAUSATIVE_VERBS or lemma == "lead"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    if causative and token.tag_ == "VBN" and words[:1] == ["by"] and not perfect:
        # "Migration is driven by poverty"; post-nominal "delays caused by the project".
        agent = doc[after]
        cause_object = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if lemma in LOOSE_CAUSATIVE_VERBS and cause_object is not None and _agentive(cause_object):
            return
        if token.dep_ == "acl" and token.head.i < token.i:
            head = token.head
            yield _Cue(token.i, after + 1, "backward", _text(doc, token.i, after + 1), token,
                       noun_phrase=(head.left_edge.i, token.i), cause_object=cause_object)
            return
        bare = _subject(token)
        if not passive and bare is not None and bare.i == token.i - 1:
            # "Stress caused by long detention leads …" parsed with "caused" as its verb: post-nominal all the same.
            yield _Cue(token.i, after + 1, "backward", _text(doc, token.i, after + 1), token,
                       noun_phrase=(bare.left_edge.i, token.i), cause_object=cause_object)
            return
        start = _expand_left(doc, token, sentence.start)
        yield _Cue(start, after + 1, "backward", _text(doc, start, after + 1), token,
                   subject=_subject(token), cause_object=cause_object)
        return
    if passive or _is_purpose(token):
        return
    complements = [c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd")]
    if not complements:
        return
    subject = _subject(token)
    if lemma == "lead":
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
        if not any(c.dep_ in ("xcomp", "ccomp") for c in complements) and not perfect:
            return  # "leads the committee"; "has led many families to migrate", "has led an increase" are cues
        if subject is not None and _agentive(subject):
            return  # "The minister has led the task force"
    elif lemma in RESULTATIVE_VERBS:
        if not _has_secondary_predicate(token):
            return  # "left school", "keeps records"; "left families in debt", "keeps wages low" are cues
        if subject is not None and _agentive(subject):
            return
    elif lemma in LOOSE_CAUSATIVE_VERBS:
        if subject is None or _agentive(subject):
            return
    elif lemma not in STRICT_CAUSATIVE_VERBS:
        return
    yield _participle_cue(doc, token, token.i + 1, "forward")


def _participle_cue(doc: Doc, token: Token, end: int, direction: Direction) -> _Cue:
    """A verb cue; a participle on a noun takes the noun as its subject ("a factor contributing to Y")."""
    text = _text(doc, token.i, end)
    if token.dep_ == "acl" and token.head.i < token.i and not _subject(token):
        noun = token.head
        if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
            copula = noun.head
            return _Cue(_expand_left(doc, copula, 0), end, direction, text, token, subject=_subject(copula))
        return _Cue(token.i, end, direction, text, token, noun_phrase=(_noun_phrase_start(noun), token.i))
    return _Cue(token.i, end, direction, text, token, subject=_subject(token))


def _in_a_name(token: Token, sentence: Span) -> bool:
    """A title-case cue word inside a sentence is part of a name: the "Safe Migration Leads to Safe Return" project."""
    return token.i > _first_word(sentence).i and token.text[:1].isupper() and token.text[1:2].islower()


def _second_conjunct(token: Token) -> tuple[Token, Token] | None:
    """For a connective inside the second of two conjoined verb phrases ("lack X and are thus unable to Y"):
    the first conjunct's verb and the conjunction; else None."""
    verb = token.head
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.i >= token.i:
        return None
    cc = next((c for c in list(verb.head.children) + list(verb.children) if c.dep_ == "cc" and c.i < token.i), None)
    return (verb.head, cc) if cc is not None else None


def _clause_left_edge(verb: Token, sentence: Span) -> int:
    subject = _subject(verb)
    return max(sentence.start, subject.left_edge.i if subject is not None else verb.left_edge.i)


def _noun_phrase_start(noun: Token) -> int:
    """Where the noun phrase around a noun starts: "a lack of cooperation across borders" for "borders"."""
    top = noun
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
        top = top.head.head
    return top.left_edge.i


def _verbal(token: Token) -> bool:
    """A verb, or a verb the tagger took for a plural noun but the parser made a clause's head ("… results in")."""
    if token.dep_ in ("amod", "compound"):
        return False
    if token.pos_ in ("VERB", "AUX"):
        return token.dep_ not in ("nsubj", "pobj", "dobj", "nmod") or token.tag_ != "VBZ"
    return token.pos_ == "NOUN" and token.lower_ in _VERB_FORMS and (
        token.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def _misparsed_verb_cues(doc: Doc, token: Token, sentence: Span) -> Iterator[_Cue]:
    """A causative verb the tagger took for a noun: "Poverty and landlessness push families to …"."""
    nominal = token.pos_ == "NOUN" or (token.tag_ == "VBZ" and token.dep_ in ("nsubj", "pobj", "dobj", "nmod"))
    if not nominal or token.lower_ not in _VERB_FORMS or token.i + 1 >= sentence.end or _verbal(token):
        return
    if _in_a_name(token, sentence):
        return
    lemma = token.lemma_.lower()
    for particles, direction in ((FORWARD_PARTICLE_VERBS.get(lemma), "forward"),
                                 (BACKWARD_PARTICLE_VERBS.get(lemma), "backward")):
        words = tuple(t.lower_ for t in doc[token.i + 1:token.i + 1 + len(particles or ())])
        if particles and words == particles and not any(_is_finite(t) for t in sentence):
            # "The lack of shared data results in …" parsed as one noun phrase: no other verb, so this is it.
            end = token.i + 1 + len(particles)
            yield _Cue(token.i, end, direction, _text(doc, token.i, end), token)  # type: ignore[arg-type]
            return
    if lemma not in STRICT_CAUSATIVE_VERBS | LOOSE_CAUSATIVE_VERBS:
        return
    previous = doc[token.i - 1] if token.i > sentence.start else None
    if previous is None or not _starts_noun_phrase(doc[token.i + 1]):
        return
    no_verb = not any(_is_finite(t) for t in sentence if t.i != token.i)
    if (previous.pos_ in ("NOUN", "PROPN") and previous.dep_ not in ("det", "amod")) or (
            previous.pos_ == "ADJ" and no_verb):
        # "Demand for cheap labour drives trafficking", parsed with no verb at all: "drives" is the verb.
        yield _Cue(token.i, token.i + 1, "forward", token.text, token)
    elif previous.lower_ == "and":
        verb = next((t for t in reversed(doc[sentence.start:previous.i]) if _is_finite(t) and _subject(t)), None)
        if verb is not None:
            yield _Cue(token.i, token.i + 1, "forward", token.text, token, subject=_subject(verb))


def _noun_cues(doc: Doc, token: Token, sentence: Span) -> Iterator[_Cue]:
    """"X is the main cause of Y", "X is one of the triggers for Y", "Y is the result of X", "The result is Y"."""
    if token.pos_ not in ("NOUN", "NUM", "PRON") or token.head.lemma_ not in ("be", "become", "remain"):
        return
    copula = token.head
    if token.dep_ == "nsubj" and token.lemma_.lower() in BACKWARD_NOUNS and token.i < copula.i:
        # "The result is no justice for victims": the cause is the statement before.
        of = next((c for c in token.children if c.dep_ == "prep"), None)
        anaphoric_of = of is not None and any(_ANAPHOR.fullmatch(t.text) for t in of.children if t.dep_ == "pobj")
        if (of is None or anaphoric_of) and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            if all(t.dep_ in ("advmod", "punct", "det", "cc", "prep", "pobj") or t.i == token.i
                   for t in doc[sentence.start:token.i]):
                return_start = _first_word(sentence).i
                yield _Cue(return_start, copula.i + 1, "forward", _text(doc, token.left_edge.i, copula.i + 1),
                           copula, anaphoric=True)
        return
    if token.dep_ != "attr":
        return
    noun = token
    if token.lemma_.lower() == "one":  # "one of the triggers for"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), token) if of is not None else token
    lemma = noun.lemma_.lower()
    prepositions: tuple[str, ...]
    if lemma in FORWARD_NOUNS:
        direction: Direction = "forward"
        prepositions = ("of", "for", "behind", "in")
        if lemma in ("factor", "force") and not any(c.dep_ in ("compound", "amod") for c in noun.children):
            return  # "a factor", "a force"; "a push factor for", "the driving force behind" are cues
    elif lemma in BACKWARD_NOUNS:
        direction = "backward"
        prepositions = ("of",)
    else:
        return
    preposition = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    if preposition is None or not any(c.dep_ in ("pobj", "pcomp") for c in preposition.children):
        return
    start = _expand_left(doc, copula, sentence.start)
    yield _Cue(start, preposition.i + 1, direction, _text(doc, start, preposition.i + 1), copula,
               subject=_subject(copula))


def _incentive_cues(doc: Doc, token: Token, sentence: Span) -> Iterator[_Cue]:
    """"Development gaps provide a lure for family members to move": what gives an incentive causes."""
    if token.lemma_.lower() not in INCENTIVE_NOUNS or token.dep_ not in ("dobj", "attr"):
        return
    verb = token.head
    if verb.lemma_.lower() not in INCENTIVE_VERBS or verb.i > token.i:
        return
    preposition = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if preposition is None and token.i + 1 < sentence.end and doc[token.i + 1].lower_ == "for":
        preposition = doc[token.i + 1]  # "a lure for family members to move", parsed as a clause
    if preposition is None:
        return
    start = _expand_left(doc, verb, sentence.start)
    yield _Cue(start, preposition.i + 1, "forward", _text(doc, verb.i, preposition.i + 1), verb,
               subject=_subject(verb))


def _prepositional_cues(doc: Doc, sentence: Span) -> Iterator[_Cue]:
    """"due to", "because of", "as a result of", "thanks to" …; "…, due to which Y" points forward."""
    lowered = [t.lower_ for t in sentence]
    for offset in range(len(lowered)):
        if lowered[offset] not in _PREPOSITION_STARTS:
            continue
        for words in BACKWARD_PREPOSITIONS:
            if tuple(lowered[offset:offset + len(words)]) != words:
                continue
            start = sentence.start + offset
            end = start + len(words)
            if end < sentence.end and doc[end].tag_ == "VB":
                break  # "is due to take place in October": a schedule
            if words[0] == "thanks" and (doc[start].dep_ in ("dobj", "nsubj", "attr", "conj") or (
                    start > sentence.start and doc[start - 1].pos_ in ("ADJ", "DET", "VERB", "NUM"))):
                break  # "gave thanks to the Government", "Many thanks to the interpreters"
            if end < sentence.end and doc[end].lower_ in ("which", "whom"):
                yield _Cue(start, end + 1, "forward", _text(doc, start, end + 1), doc[start], relative=True)
            elif end < sentence.end:
                yield _Cue(start, end, "backward", _text(doc, start, end), doc[start].head,
                           fronted=_opens_clause(doc, sentence.start, start))
            break


def _subordinator_cues(doc: Doc, sentence: Span) -> Iterator[_Cue]:
    """"Y because X", "Because X, Y", causal "since", "so that" (not a purpose), "so high that"."""
    for token in sentence:
        lower = token.lower_
        nxt = doc[token.i + 1] if token.i + 1 < sentence.end else None
        if lower == "because" and (nxt is None or nxt.lower_ != "of"):
            yield _Cue(token.i, token.i + 1, "backward", token.text, token.head,
                       fronted=_opens_clause(doc, sentence.start, token.i))
        elif lower == "since" and token.dep_ == "mark" and _causal_since(token):
            yield _Cue(token.i, token.i + 1, "backward", token.text, token.head,
                       fronted=_opens_clause(doc, sentence.start, token.i))
        elif lower == "so" and nxt is not None and nxt.lower_ == "that":
            clause = doc[nxt.i + 1:sentence.end]
            if not any(t.lower_ in _MODALS for t in clause[:6]):  # "so that we can …" is a purpose
                yield _Cue(token.i, nxt.i + 1, "forward", "so that", token)
        elif lower == "that" and token.dep_ == "mark" and token.head.head.i < token.i:
            degree = token.head.head
            so = next((c for c in degree.children if c.lower_ == "so" and c.i < token.i), None)
            if degree.pos_ in ("ADJ", "ADV") and so is not None and so.i < degree.i:
                yield _Cue(token.i, token.i + 1, "forward", "so … that", degree)


def _connective_cues(doc: Doc, sentence: Span) -> Iterator[_Cue]:
    """"X, so Y", "X; hence Y", "X, thereby Y", "X, which in turn Y"; sentence-initial "As a result, Y"."""
    tokens = list(sentence)
    lowered = [t.lower_ for t in tokens]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        words = None
        if lowered[index] in _CONNECTIVE_STARTS:
            words = next((w for w in CONNECTIVES if tuple(lowered[index:index + len(w)]) == w), None)
        if words is None:
            index += 1
            continue
        start, end = token.i, token.i + len(words)
        index += len(words)
        if words == ("as", "a", "result") or words == ("as", "a", "consequence"):
            if end < sentence.end and doc[end].lower_ == "of":
                continue  # "as a result of" is a preposition
        if words == ("so",) and not _resultative_so(doc, token, sentence):
            continue
        if words == ("with", "the", "result", "that"):
            yield _Cue(start, end, "forward", "with the result that", token, connective=True)
            continue
        if words == ("in", "turn"):
            if start > sentence.start and doc[start - 1].lower_ == "which":
                yield _Cue(start - 1, end, "forward", "which in turn", token, relative=True, connective=True)
            continue
        if _opens_clause(doc, sentence.start, start):
            yield _Cue(start, end, "forward", _text(doc, start, end), token, anaphoric=True, connective=True)
            continue
        previous = doc[start - 1] if start > sentence.start else None
        after_break = previous is not None and (previous.is_punct or previous.lower_ == "and")
        if after_break or starts_clause(doc, end, sentence.end):
            yield _Cue(start, end, "forward", _text(doc, start, end), token, connective=True)
        elif _second_conjunct(token) is not None:
            # "Prosecutors lack translators and are thus unable to use evidence": the first conjunct is the cause.
            first, cc = _second_conjunct(token)  # type: ignore[misc]
            yield _Cue(start, end, "forward", _text(doc, start, end), token, connective=True,
                       noun_phrase=(_clause_left_edge(first, sentence), cc.i))


# ---- the phrases on either side -----------------------------------------------------------------------

def _pair(doc: Doc, cue: _Cue, left_start: int, right_end: int, sentence: Span) -> PhrasePair | None:
    if cue.anaphoric:
        effect = _right_phrase(doc, cue.end, right_end)
        return PhrasePair(Phrase(0, 0, anaphoric=True), effect, cue.text, _cue_span(cue)) if effect else None
    if cue.fronted:
        comma = _fronted_comma(doc, cue, sentence.end)
        if comma >= sentence.end:
            return None
        inner = _trimmed(doc, cue.end, comma)
        effect = _right_phrase(doc, comma + 1, right_end)
        cause = _phrase(doc, *inner) if inner is not None else None
        if cause is None or effect is None:
            return None
        return _ordered(cue, left=effect, right=cause)
    left = _left_phrase(doc, cue, left_start)
    if cue.anchor.dep_ == "relcl" and cue.anchor.pos_ in ("VERB", "AUX"):
        right_end = min(right_end, cue.anchor.right_edge.i + 1)  # "Fees that create debt are common": debt
    right = _right_phrase(doc, cue.end, right_end, cue.cause_object)
    if left is None or right is None or right.anaphoric:
        return None
    return _ordered(cue, left, right)


def _ordered(cue: _Cue, left: Phrase, right: Phrase) -> PhrasePair:
    cause, effect = (left, right) if cue.direction == "forward" else (right, left)
    return PhrasePair(cause, effect, cue.text, _cue_span(cue), backward=cue.direction == "backward")


def _cue_span(cue: _Cue) -> tuple[int, int]:
    doc = cue.anchor.doc
    last = doc[cue.end - 1]
    return doc[cue.start].idx, last.idx + len(last)


def _left_phrase(doc: Doc, cue: _Cue, segment_start: int) -> Phrase | None:
    if cue.noun_phrase is not None:
        first, last = cue.noun_phrase
        # A noun phrase before the previous cue ("Stress caused by detention leads …") is not clipped to the segment.
        span = _trimmed(doc, first if last <= segment_start else max(first, segment_start), last)
        return _phrase(doc, *span) if span else None
    subject = cue.subject
    relative = cue.relative or (subject is not None and (subject.lower_ in _RELATIVES or subject.tag_ == "WDT"))
    start = _clause_start(doc, segment_start, cue.start, marks=not relative)
    if subject is not None and not relative:
        if segment_start <= subject.left_edge.i < cue.start:
            start = subject.left_edge.i  # the parse's subject beats a boundary guessed inside it
        elif subject.left_edge.i < segment_start <= subject.i or subject.i < segment_start:
            # A conjoined cue shares its head's subject: "Poverty leads to migration and fuels trafficking".
            if subject.head.i != cue.anchor.i and subject.right_edge.i < cue.start:
                span = _trimmed(doc, subject.left_edge.i, subject.right_edge.i + 1)
                return _phrase(doc, *span) if span else None
            if subject.head.i == cue.anchor.i and subject.i < segment_start:
                # "Delays caused by the process keep victims …": the subject is the noun before the inner cue.
                inner = next((t.i for t in doc[subject.i + 1:segment_start] if t.dep_ in ("acl", "relcl")),
                             subject.i + 1)
                span = _trimmed(doc, subject.left_edge.i, inner)
                return _phrase(doc, *span) if span else None
    span = _trimmed(doc, start, cue.start)
    return _phrase(doc, *span) if span else None


def _right_phrase(doc: Doc, start: int, segment_end: int, cause_object: Token | None = None) -> Phrase | None:
    end = _clause_end(doc, start, segment_end)
    if cause_object is not None and start <= cause_object.i < end:
        end = min(end, cause_object.right_edge.i + 1)
    span = _trimmed(doc, start, end)
    return _phrase(doc, *span) if span else None


def _phrase(doc: Doc, start: int, end: int) -> Phrase | None:
    tokens = doc[start:end]
    if not any(t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") or (t.is_alpha and len(t) >= 4) for t in tokens):
        return None
    anaphoric = bool(_ANAPHOR.fullmatch(tokens.text))
    return Phrase(tokens.start_char, tokens.end_char, anaphoric=anaphoric)


def _clause_start(doc: Doc, start: int, end: int, *, marks: bool = True) -> int:
    """Where the clause that ends at ``end`` starts: after ";", ", however", "that", a fronted "Although …,".

    Without ``marks`` a complementiser ("that", "whether") does not start the clause: what a relative
    "…, which leads to" points back to is the whole clause before it."""
    best = start
    if start < end and doc[start].pos_ == "SCONJ" and doc[start].lower_ not in ("that",):
        comma = next((t.i for t in doc[start:end] if t.text == ","), None)
        if comma is not None:
            best = comma + 1
    last = end - 1
    while last > best and (doc[last].is_punct or doc[last].pos_ == "CCONJ"):
        last -= 1  # a boundary right before the cue ("A; hence B") starts no clause of its own
    for token in doc[best:last]:
        i = token.i
        if token.text in (";", ":"):
            best = i + 1
        elif token.text == "," and i + 1 < end and doc[i + 1].lower_ in _CLAUSE_WORDS:
            best = i + 2
        elif token.text == "," and i + 1 < end and doc[i + 1].lower_ == "and" and starts_clause(doc, i + 2, end + 1):
            best = i + 2  # "Low wages lead to debt, and debt leads to …"
        elif marks and token.lower_ in ("that", "whether") and token.dep_ == "mark" and i + 1 < end:
            best = i + 1
    return best


def _clause_end(doc: Doc, start: int, end: int) -> int:
    """Where the clause that starts at ``start`` ends: at ";", ", which", ", but", "and" + a clause of its own."""
    for token in doc[start + 1:end]:
        i = token.i
        nxt = doc[i + 1] if i + 1 < end else None
        if token.text in (";", ":"):
            return i
        if token.text == "," and nxt is not None and (nxt.lower_ in _RELATIVES or nxt.lower_ in _CLAUSE_WORDS
                                                      or nxt.lower_ in ("so", "thus", "hence", "as", "when")):
            return i
        if token.text == "," and nxt is not None and nxt.lower_ != "and" and starts_clause(doc, i + 1, end):
            return i
        if token.text == "," and nxt is not None and nxt.lower_ == "and" and starts_clause(doc, i + 2, token.sent.end):
            return i  # "Low wages lead to debt, and debt leads to …"
        if token.lower_ == "and" and nxt is not None and nxt.lower_ == "that":
            return i  # "noted that A results in B, and that C": C is a claim of its own
        if token.lower_ in ("but", "because", "although", "whereas") and token.pos_ in ("CCONJ", "SCONJ"):
            return i
    return end


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without leading and trailing punctuation, conjunctions, connectives, stray auxiliaries,
    and a leading discourse marker ("For example, X" is X)."""
    marker = _discourse_marker_end(doc, start, end)
    if marker is not None:
        start = marker
    dash = next((t.i for t in doc[start:min(start + 5, end)] if t.text in ("–", "—", "-") and t.whitespace_
                 and t.i > start and doc[t.i - 1].whitespace_), None)
    if dash is not None and dash + 1 < end:
        start = dash + 1  # "Culture – the influence of the media": the label before the dash is no part of it
    while start < end and (doc[start].is_punct or doc[start].lower_ in _LEADING_WORDS
                           or doc[start].is_space or (doc[start].lower_ == "in" and start + 1 < end
                                                      and doc[start + 1].lower_ == "turn")):
        start += 2 if doc[start].lower_ == "in" and doc[start + 1].lower_ == "turn" else 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (")", "”", "’")
                           or doc[end - 1].lower_ in _TRAILING_WORDS or doc[end - 1].is_space
                           or doc[end - 1].pos_ == "AUX" and doc[end - 1].dep_ in ("aux", "auxpass", "ROOT")):
        end -= 1
    return (start, end) if end > start else None


# ---- token predicates -------------------------------------------------------------------------------

_DISCOURSE_MARKERS = (
    ("for", "example"), ("for", "instance"), ("in", "particular"), ("in", "addition"), ("in", "practice"),
    ("moreover",), ("furthermore",), ("however",), ("firstly",), ("secondly",), ("thirdly",), ("finally",),
    ("also",), ("therefore",), ("in", "fact"), ("at", "present"), ("in", "reality"), ("sometimes",),
)


def _discourse_marker_end(doc: Doc, start: int, end: int) -> int | None:
    """Where a phrase starts after a leading "For example," / "Secondly," / "However,"; None without one."""
    words = tuple(t.lower_ for t in doc[start:min(start + 3, end)])
    for marker in _DISCOURSE_MARKERS:
        after = start + len(marker)
        if words[:len(marker)] == marker and after < end and doc[after].text == ",":
            return after + 1
    return None


def _text(doc: Doc, start: int, end: int) -> str:
    return " ".join(t.text for t in doc[start:end])


def _first_word(sentence: Span) -> Token:
    return next((t for t in sentence if not t.is_punct and not t.is_space), sentence[0])


def _skip_adverbs(doc: Doc, index: int, end: int) -> int:
    skipped = 0
    while index < end and doc[index].pos_ == "ADV" and doc[index].lower_ not in ("so",) and skipped < 2:
        index += 1
        skipped += 1
    return index


def _expand_left(doc: Doc, token: Token, floor: int) -> int:
    """The cue starts at the auxiliaries and adverbs right before its verb: "is largely driven by"."""
    start = token.i
    while start - 1 >= floor and (doc[start - 1].pos_ in ("AUX", "PART") or doc[start - 1].lower_ in _CUE_ADVERBS) \
            and doc[start - 1].lower_ not in ("not", "n't", "never", "to") and doc[start - 1].dep_ != "neg":
        start -= 1
    return start


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and child.i < token.i:
            return child
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and token.head.i < token.i:
        return _subject(token.head)
    return None


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative "that" stands for: "fees that create debt" -> fees."""
    clause = relative.head
    if clause.dep_ == "relcl" and clause.head.i < relative.i:
        return clause.head
    previous = relative.doc[relative.i - 1] if relative.i > 0 else None
    return previous if previous is not None and previous.pos_ in ("NOUN", "PROPN") else None


def _agentive(token: Token) -> bool:
    """A person, group or organisation: "brokers create fake documents" is not a causal claim."""
    if token.lower_ == "that" and token.tag_ == "WDT":
        antecedent = _antecedent(token)
        return antecedent is not None and _agentive(antecedent)
    if token.pos_ == "PRON":
        return token.lower_ in ("we", "they", "he", "she", "i", "you", "who")
    return token.ent_type_ in _AGENT_ENTITIES or token.lemma_.lower() in _AGENT_NOUNS


def _has_secondary_predicate(verb: Token) -> bool:
    """"left families in debt", "keeps wages low", "make people want to go": an object and what it becomes."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if objects:
        obj = objects[0]
        for child in list(verb.children) + list(obj.children):
            if child.i <= obj.i:
                continue
            if child.dep_ == "prep" and child.lower_ in _SECONDARY_PREPOSITIONS:
                return obj.ent_type_ not in ("GPE", "LOC", "FAC")
            if child.dep_ in ("acomp", "oprd", "ccomp", "xcomp") or (child.dep_ == "amod" and child.head == obj):
                return True
    return any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass")
               for g in c.children) for c in verb.children)


def _is_purpose(token: Token) -> bool:
    """"to create an information centre": an infinitive of purpose or intent, not a causal claim."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) and token.dep_ != "conj"


def _causal_since(mark: Token) -> bool:
    """"since they fear deportation" is a cause; "have been full since the floods began" is a time."""
    main = mark.head.head
    if main.i == mark.head.i:
        return True
    return not any(c.lemma_ == "have" and c.dep_ == "aux" for c in main.children)


def _resultative_so(doc: Doc, token: Token, sentence: Span) -> bool:
    """"X, so Y" and "X so it is difficult to Y" are results; "so far", "so many", "so high" are not."""
    nxt = doc[token.i + 1] if token.i + 1 < sentence.end else None
    if nxt is None or nxt.lower_ in ("that", "far", "as", "on", "called", "-", "much", "long", "forth", "to"):
        return False
    if token.i > sentence.start and doc[token.i - 1].lower_ in ("even", "or", "and") and nxt.is_punct:
        return False
    if nxt.pos_ in ("ADJ", "ADV") and not starts_clause(doc, token.i + 1, sentence.end):
        return False
    window = doc[token.i + 1:min(token.i + 6, sentence.end)]
    for t in window:
        if t.lower_ in _MODALS and not (t.i + 1 < sentence.end and doc[t.i + 1].lower_ in ("not", "n't")):
            return False  # "drawn on large sheets so everyone could read them": a purpose; "so X cannot Y" is a result
    if not any(_is_finite(t) for t in doc[sentence.start:token.i]):
        return False  # "A need for more programmes so victims don't go back": no claim before it
    return starts_clause(doc, token.i + 1, sentence.end) or (token.i > sentence.start and doc[token.i - 1].is_punct)


def _starts_noun_phrase(token: Token) -> bool:
    """A noun phrase starts here; "forced labour" (a participle before a noun) counts."""
    if token.tag_ in ("VBD", "VBN") and token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "NOUN":
        return True
    return token.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or token.tag_ in ("PRP$", "VBG") or token.lower_ in (
        "them", "people", "many", "some")


def _is_finite(token: Token) -> bool:
    return token.tag_ in ("VBZ", "VBP", "VBD", "MD") and token.dep_ not in ("amod", "compound")


def _opens_clause(doc: Doc, sentence_start: int, index: int) -> bool:
    """Only conjunctions, adverbs and punctuation come before ``index`` in its sentence."""
    return all(t.is_punct or t.pos_ in ("CCONJ", "ADV", "INTJ") or t.lower_ in ("and", "but", "so", "also")
               for t in doc[sentence_start:index])


def _fronted_comma(doc: Doc, cue: _Cue, sentence_end: int) -> int:
    """The comma that closes a fronted "Because of X," / "Due to X,"; ``sentence_end`` when there is none."""
    return next((t.i for t in doc[cue.end:sentence_end] if t.text == ","), sentence_end)


def _resolve_overlaps(cues: list[_Cue]) -> list[_Cue]:
    """Earlier and longer cues win; a connective right before a verb cue ("thus creating") gives way to it."""
    kept: list[_Cue] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            continue
        previous = kept[-1] if kept else None
        if previous is not None and previous.connective and not cue.connective and cue.start - previous.end <= 1 \
                and cue.anchor.pos_ in ("VERB", "AUX", "NOUN"):
            # "which in turn leads to", "thus creating": the verb is the cue, from where the connective starts.
            kept[-1] = replace(cue, start=previous.start, relative=previous.relative or cue.relative,
                               anaphoric=previous.anaphoric and cue.subject is None)
            continue
        kept.append(cue)
    return kept


def _negated(doc: Doc, cue: _Cue) -> bool:
    """The cue itself is negated ("does not lead to", "is not a cause of", "not because"); a negated effect
    clause ("Because of X, the province cannot say …") is no negated cue."""
    anchor = cue.anchor
    if cue.start <= anchor.i < cue.end and any(c.dep_ == "neg" for c in anchor.children):
        return True
    before = doc[cue.start - 1] if cue.start > 0 else None
    if before is not None and (before.lower_ in _NEGATIONS or before.dep_ == "neg"):
        return True
    return cue.start > 1 and doc[cue.start - 2].lower_ == "no" and doc[cue.start - 1].lower_ == "longer"


def _hypothetical(cue: _Cue) -> bool:
    """Under "if", "whether" or "unless", or a "would" claim: nothing is claimed to cause anything."""
    token: Token | None = cue.anchor
    seen = 0
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in list(cue.anchor.children) + list(cue.anchor.head.children)):
        return True  # "could lead to faster referrals if every ministry agreed"
    while token is not None and seen < 12:
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in token.children):
            return True
        if token.dep_ in ("csubj", "ccomp") and any(c.lower_ == "whether" for c in token.children):
            return True
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
            return True
        if token.head.i == token.i or token.dep_ == "relcl":
            break  # a relative clause asserts what it says of its noun
        token = token.head
        seen += 1
    return False


def text_pairs(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """(cause, effect, cue) of every pair a short text states, parsed once; an anaphoric end ("As a result, Y")
    is the sentence before, without its full stop. For benchmarks and callers with plain text."""
    doc = nlp(text)
    out: list[tuple[str, str, str]] = []
    previous = ""
    for sentence in doc.sents:
        for pair in causal_pairs(sentence):
            cause = previous if pair.cause.anaphoric else text[pair.cause.start:pair.cause.end]
            effect = previous if pair.effect.anaphoric else text[pair.effect.start:pair.effect.end]
            out.append((cause, effect, pair.cue))
        previous = sentence.text.rstrip().rstrip(".")
    return out
