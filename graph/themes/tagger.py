"""Tag statements with taxonomy themes: spaCy's ``Matcher`` over the forms of each token.

Why forms rather than PhraseMatchers on LEMMA and LOWER: a PhraseMatcher on LEMMA needs the
pattern's lemmas to equal the text's, but the tagger lemmatises a pattern out of context and the
statement in context ("Data" at the start of a heading is a PROPN whose lemma keeps its case and
plural), and a LOWER PhraseMatcher misses every inflection. Instead every token has a small set of
forms -- lowercase, lowercased lemma, naive singular -- and each pattern word matches when its own
forms intersect the token's. That gives lemma matching that survives tagging errors, hyphenated
compounds ("data-base") and title case, and lets contextual patterns use gaps and a veto list
(see taxonomy.toml).

How the Matcher sees several forms per token: each doc is mirrored once by a bare Doc of the same
words whose NORM lists the token's forms that occur in the taxonomy between spaces
(" record records "), and a pattern word is a REGEX on NORM for any of its forms between spaces.
That is the intersection test on a built-in attribute, which the Matcher evaluates at most once per
token and pattern. (The first design, an ``INTERSECTS`` predicate on a getter extension, had spaCy
call the getter for every token and predicate and cost four times the parse itself.)

Why one Matcher per pattern: a statement's forms select the few patterns whose required words all
occur in it (and whose vetoes do not), and only their matchers run over it, so the Matcher never
tries the hundreds of other patterns' first words on every token. A doc's mirror is built once and
shared by the overlapping statements tagged on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graph.contract import Extraction, ThemeTag
from graph.ingest.nlp import load_model
from graph.themes.taxonomy import Taxonomy, TaxonomyError, Theme

DEFAULT_GAP = 3
# A gap never crosses the end of a clause, so "…shared. Information…" is not one match.
_CLAUSE_END = frozenset([".", ";", ":", "?", "!"])
_HYPHENS = frozenset(["-", "\u2013", "\u2010", "\u2011"])
_DISABLED_FOR_TAGGING = ("parser", "ner")
_FORMS_CACHE_LIMIT = 200_000


def default_nlp() -> Language:
    """The project's spaCy pipeline from ``graph.ingest.nlp`` (the one loader), for building a
    tagger outside the ingest pipeline; OSError names what to install. Tagging needs the model's
    lemmas, so there is no blank fallback here."""
    return load_model()


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


def word_spec(forms: Iterable[str], optional: bool = False) -> dict:
    """A Matcher token spec for a pattern word: any of ``forms`` among the mirror's NORM forms."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms))
    spec: dict = {"NORM": {"REGEX": f" (?:{alternatives}) "}}
    if optional:
        spec["OP"] = "?"
    return spec


def norm_of_forms(forms: Iterable[str]) -> str:
    """A mirror token's NORM: its forms between spaces, "  " when it has none."""
    return f" {' '.join(sorted(forms))} "


@dataclass(frozen=True)
class CompiledPattern:
    """A synonym (``context=False``, never vetoed) or contextual pattern of one theme."""

    theme: str
    context: bool
    tokens: tuple[dict, ...]
    # The forms of each required word: a statement lacking one of them cannot match.
    required: tuple[frozenset[str], ...]
    forms: frozenset[str]


def compile_slots(slots: Sequence[Slot], forms_of: Callable[[str], Sequence[str]],
                  theme: str = "", context: bool = False) -> CompiledPattern:
    """The Matcher pattern of ``slots``; consecutive words may be joined by a hyphen token."""
    tokens: list[dict] = []
    required: list[frozenset[str]] = []
    every_form: set[str] = set()
    previous_was_word = False
    for slot in slots:
        if slot.gap:
            tokens.append({"TEXT": {"NOT_IN": sorted(_CLAUSE_END)}, "OP": f"{{0,{slot.gap}}}"})
            previous_was_word = False
            continue
        if previous_was_word:
            tokens.append({"TEXT": {"IN": sorted(_HYPHENS)}, "OP": "?"})
        forms: set[str] = set()
        for word, exact in zip(slot.words, slot.exact, strict=True):
            forms.update([word] if exact else forms_of(word))
        tokens.append(word_spec(forms, slot.optional))
        if not slot.optional:
            required.append(frozenset(forms))
        every_form |= forms
        previous_was_word = True
    return CompiledPattern(theme, context, tuple(tokens), tuple(required), frozenset(every_form))


class ThemeTagger:
    """Tags parsed statements with the themes of a taxonomy.

    Build it once per pipeline: compiling lemmatises every pattern word with ``nlp``. Tagging
    several spans of one doc in a row (the ingest pipeline's statements) mirrors it once.
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
        self._matchers: list[Matcher] = []
        for pattern in self._patterns:
            matcher = Matcher(nlp.vocab)
            matcher.add(pattern.theme, [list(pattern.tokens)])
            self._matchers.append(matcher)
        # Each pattern is indexed under the forms of its first required word; the rest of its
        # required words are checked against the statement's forms before its matcher runs.
        self._by_form: dict[str, list[int]] = {}
        for index, pattern in enumerate(self._patterns):
            for form in pattern.required[0]:
                self._by_form.setdefault(form, []).append(index)
        # The forms worth knowing about a token: those of pattern words and of vetoes.
        self._known = frozenset().union(*(p.forms for p in self._patterns), *self._vetoes.values())
        self._forms_cache: dict[tuple[str, str], tuple[frozenset[str], int]] = {}
        self._doc: Doc | None = None
        self._mirror: Doc | None = None
        self._doc_forms: list[frozenset[str]] = []

    def tag(self, doclike: Doc | Span) -> tuple[ThemeTag, ...]:
        """Themes of one already-parsed statement, in taxonomy order, with the matched words."""
        if isinstance(doclike, Span):
            doc, start, stop = doclike.doc, doclike.start, doclike.end
        else:
            doc, start, stop = doclike, 0, len(doclike)
        mirror, forms = self._mirrored(doc)
        here: set[str] = set().union(*forms[start:stop])
        candidates: set[int] = set()
        for form in here:
            found_under = self._by_form.get(form)
            if found_under:
                candidates.update(found_under)
        found: dict[str, list[Span]] = {}
        window = mirror[start:stop]
        for index in sorted(candidates):
            pattern = self._patterns[index]
            if any(required.isdisjoint(here) for required in pattern.required):
                continue
            if pattern.context and not self._vetoes[pattern.theme].isdisjoint(here):
                continue
            for _, begin, end in self._matchers[index](window):
                found.setdefault(pattern.theme, []).append(doc[start + begin:start + end])
        return tuple(
            ThemeTag(id=theme_id, evidence=_evidence(found[theme_id]))
            for theme_id in sorted(found, key=self._order.__getitem__)
        )

    def tag_texts(self, texts: Iterable[str], batch_size: int = 256) -> list[tuple[ThemeTag, ...]]:
        """Tag raw texts; parser and NER are off because matching needs only tags and lemmas."""
        disable = [name for name in _DISABLED_FOR_TAGGING if name in self.nlp.pipe_names]
        return [self.tag(doc) for doc in self.nlp.pipe(texts, disable=disable, batch_size=batch_size)]

    def _mirrored(self, doc: Doc) -> tuple[Doc, list[frozenset[str]]]:
        """The doc's mirror (its words, with their known forms as NORM) and each token's known
        forms, built once per doc (the last doc tagged is kept)."""
        if doc is not self._doc or self._mirror is None or len(self._mirror) != len(doc):
            cache = self._forms_cache
            if len(cache) > _FORMS_CACHE_LIMIT:
                cache.clear()
            strings = self.nlp.vocab.strings
            forms, norms = [], []
            for token in doc:
                key = (token.lower_, token.lemma_)
                entry = cache.get(key)
                if entry is None:
                    known = forms_of_text(*key) & self._known
                    entry = cache[key] = (known, strings.add(norm_of_forms(known)))
                forms.append(entry[0])
                norms.append(entry[1])
            mirror = Doc(doc.vocab, words=[token.text for token in doc])
            if norms:
                mirror.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))
            self._doc, self._mirror, self._doc_forms = doc, mirror, forms
        return self._mirror, self._doc_forms

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
        for word, doc in zip(ordered, self.nlp.pipe(ordered, disable=disable), strict=True):
            # A word the tokenizer splits (rare) keeps only its lowercase form.
            lemmas[word] = doc[0].lemma_.lower() if len(doc) == 1 and doc[0].lemma_ else word
        return lemmas

    def _add_theme(self, theme: Theme) -> None:
        try:
            strong = [compile_slots(synonym_slots(s, self._tokenize), self._forms_of, theme.id, False)
                      for s in theme.synonyms]
            context = [compile_slots(parse_pattern(p), self._forms_of, theme.id, True) for p in theme.patterns]
        except ValueError as exc:
            raise TaxonomyError(f"theme {theme.id!r}: {exc}") from exc
        self._patterns.extend(strong)
        self._patterns.extend(context)
        vetoes = {f for word in theme.exclude for w in self._tokenize(word.lower()) for f in self._forms_of(w)}
        self._vetoes[theme.id] = frozenset(vetoes)


def _evidence(spans: Iterable[Span]) -> str:
    """The matched words, longest match first where matches overlap, in text order."""
    return "; ".join(dict.fromkeys(" ".join(span.text.split()) for span in filter_spans(spans)))


def tag_extraction(extraction: Extraction, tagger: ThemeTagger) -> Extraction:
    """A copy of ``extraction`` whose statements carry the tagger's themes (replacing old ones)."""
    tags = tagger.tag_texts(s.text for s in extraction.statements)
    statements = tuple(replace(s, themes=t) for s, t in zip(extraction.statements, tags, strict=True))
    return replace(extraction, statements=statements)
