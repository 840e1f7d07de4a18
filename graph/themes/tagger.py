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

Relations (dependency patterns, see taxonomy.toml) run spaCy's ``DependencyMatcher`` on a mirror
of the sentences a statement lies in, which also carries their parse (heads, labels, coarse tags)
copied from the doc: the ingest pipeline's spans are already parsed, so relations cost no second
parse. A relation runs only when the statement holds all its words (and none of its vetoes), at
most once per sentence range, and the statement keeps the matches whose tokens all lie inside it;
the evidence of a match is its words in text order. Why a mirror of the sentences and not of the
doc: the DependencyMatcher walks the ancestors of every token its nodes match, so its cost grows
with the doc, and an ingest block can be a long paragraph. Measured on the bundled reports (CPU
time, tagging only): 2.8% of the parse with synonyms and patterns alone, 7.3% with relations.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import DEP, HEAD, NORM, POS
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
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
# Relations need the parse, so a tagger that has some keeps the parser on in ``tag_texts``.
_DISABLED_FOR_RELATIONS = ("ner",)
_ANY = "_"
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


def expand_alternatives(part: str, text: str, families: Mapping[str, Sequence[str]] | None = None
                        ) -> list[str]:
    """The words of ``a|=b|@family``: a family name stands for the words of that ``[words]`` family."""
    words: list[str] = []
    for alternative in part.split("|"):
        if not alternative:
            continue
        if alternative.startswith("@"):
            name = alternative[1:]
            if families is None or name not in families:
                raise ValueError(f"unknown word family {alternative!r} in {text!r}")
            words.extend(families[name])
        else:
            words.append(alternative)
    if not words:
        raise ValueError(f"empty word in {text!r}")
    return list(dict.fromkeys(words))


def parse_pattern(text: str, families: Mapping[str, Sequence[str]] | None = None) -> tuple[Slot, ...]:
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
        alternatives = expand_alternatives(part.rstrip("?"), text, families)
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
    # The pattern's own vetoes (after " ! "): a statement with one of these forms is not matched.
    vetoes: frozenset[str] = frozenset()


_VETO = re.compile(r"\s!\s")


def split_veto(text: str, families: Mapping[str, Sequence[str]] | None = None) -> tuple[str, tuple[str, ...]]:
    """``"pattern ! a|b @family"`` -> ``("pattern", ("a", "b", ...))``: the words that veto it."""
    parts = _VETO.split(text, maxsplit=1)
    if len(parts) == 1:
        return text, ()
    body, veto = parts
    words = [w for part in veto.split() if part != "!" for w in expand_alternatives(part, text, families)]
    if not words:
        raise ValueError(f"empty veto in {text!r}")
    return body, tuple(words)


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


@dataclass(frozen=True)
class RelationNode:
    """A node of a relation: pattern words (``None``: any word), and coarse tags it may have."""

    words: tuple[str, ...] | None
    exact: tuple[bool, ...] = ()
    pos: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationStep:
    """How the node before relates to the node after: ``op`` of the table below, labels of the
    dependent's relation to its head (``()``: any)."""

    op: str
    labels: tuple[str, ...] = ()


_OP = re.compile(r"(>>|<<|~~|>|<|~)([a-z]+(?:\|[a-z]+)*)?\Z")
_POS = re.compile(r"[A-Z]+(?:\|[A-Z]+)*\Z")
# Each operator of the relation language as the DependencyMatcher's: its alternative REL_OPs. "~~"
# has no REL_OP of its own: it reads as any descendant or ancestor (then kept only when it is at most
# two steps away, see ``CompiledRelation.near``) or a sibling. No wildcard node stands in for the
# middle token: a node that matches every token makes the DependencyMatcher walk every token's
# ancestors, the dearest part of its work.
_EXPANSIONS: dict[str, tuple[str, ...]] = {
    ">": (">",),
    "<": ("<",),
    ">>": (">>",),
    "<<": ("<<",),
    "~": (">", "<"),
    "~~": (">>", "<<", "$++", "$--"),
}
_NEAR = 2


def parse_relation(text: str, families: Mapping[str, Sequence[str]] | None = None
                   ) -> tuple[tuple[RelationNode, ...], tuple[RelationStep, ...]]:
    """Parse ``NODE OP NODE [OP NODE ...]`` (documented in taxonomy.toml)."""
    parts = text.split()
    if len(parts) < 3 or len(parts) % 2 == 0:
        raise ValueError(f"relation {text!r} is not NODE OP NODE [OP NODE ...]")
    nodes: list[RelationNode] = []
    steps: list[RelationStep] = []
    for index, part in enumerate(parts):
        if index % 2:
            match = _OP.match(part)
            if not match:
                raise ValueError(f"bad operator {part!r} in relation {text!r}")
            op, labels = match.group(1), tuple((match.group(2) or "").split("|")) if match.group(2) else ()
            if labels and op in (">>", "<<", "~~"):
                raise ValueError(f"operator {op!r} takes no label in relation {text!r}")
            steps.append(RelationStep(op, labels))
            continue
        words, _, pos = part.partition(":")
        if pos and not _POS.match(pos):
            raise ValueError(f"bad tag {pos!r} in relation {text!r}")
        tags = tuple(pos.split("|")) if pos else ()
        if words == _ANY:
            nodes.append(RelationNode(None, (), tags))
            continue
        if _ANY in words.split("|"):
            raise ValueError(f"{_ANY} stands alone, not among words, in relation {text!r}")
        alternatives = expand_alternatives(words, text, families)
        nodes.append(RelationNode(tuple(a.lstrip("=").lower() for a in alternatives),
                                  tuple(a.startswith("=") for a in alternatives), tags))
    if all(node.words is None for node in nodes):
        raise ValueError(f"relation {text!r} has no word")
    return tuple(nodes), tuple(steps)


@dataclass(frozen=True)
class CompiledRelation:
    """A relation of one theme: its DependencyMatcher patterns (one per reading of ``~``/``~~``); in
    each, the positions of the nodes that are pattern words or tagged ``_`` (the evidence), and the
    (ancestor, descendant) positions that ``~~`` wants at most two steps apart."""

    theme: str
    variants: tuple[tuple[dict, ...], ...]
    words_at: tuple[tuple[int, ...], ...]
    near: tuple[tuple[tuple[int, int], ...], ...]
    required: tuple[frozenset[str], ...]
    forms: frozenset[str]
    vetoes: frozenset[str] = frozenset()


def compile_relation(nodes: Sequence[RelationNode], steps: Sequence[RelationStep],
                     forms_of: Callable[[str], Sequence[str]], theme: str = "") -> CompiledRelation:
    node_forms: list[frozenset[str] | None] = []
    for node in nodes:
        if node.words is None:
            node_forms.append(None)
            continue
        forms: set[str] = set()
        for word, exact in zip(node.words, node.exact, strict=True):
            forms.update([word] if exact else forms_of(word))
        node_forms.append(frozenset(forms))
    variants: list[tuple[dict, ...]] = []
    near: list[tuple[tuple[int, int], ...]] = []
    for choice in itertools.product(*(_EXPANSIONS[step.op] for step in steps)):
        # attrs[k] are the token attributes of node k; node k + 1 is related to node k by choice[k].
        attrs: list[dict] = [_node_attrs(forms, node.pos) for forms, node in zip(node_forms, nodes, strict=True)]
        close: list[tuple[int, int]] = []
        for k, (step, op) in enumerate(zip(steps, choice, strict=True)):
            if step.op == "~~" and op in (">>", "<<"):
                close.append((k, k + 1) if op == ">>" else (k + 1, k))
            if step.labels:
                # The dependent of the pair carries the label: the right node of ">", the left of "<".
                dependent = k + 1 if op == ">" else k
                labels = list(step.labels)
                if "DEP" in attrs[dependent]:
                    labels = [label for label in attrs[dependent]["DEP"]["IN"] if label in step.labels]
                attrs[dependent] = {**attrs[dependent], "DEP": {"IN": labels}}
        pattern = [{"RIGHT_ID": "n0", "RIGHT_ATTRS": attrs[0]}]
        pattern += [{"LEFT_ID": f"n{k}", "REL_OP": op, "RIGHT_ID": f"n{k + 1}", "RIGHT_ATTRS": attrs[k + 1]}
                    for k, op in enumerate(choice)]
        variants.append(tuple(pattern))
        near.append(tuple(close))
    # The evidence: the nodes that are words, or any word of a given tag (not a bare "_").
    words_at = tuple(k for k, (forms, node) in enumerate(zip(node_forms, nodes, strict=True))
                     if forms is not None or node.pos)
    required = tuple(forms for forms in node_forms if forms is not None)
    return CompiledRelation(theme, tuple(variants), (words_at,) * len(variants), tuple(near), required,
                            frozenset().union(*required))


def _node_attrs(forms: frozenset[str] | None, pos: Sequence[str]) -> dict:
    attrs: dict = word_spec(forms) if forms is not None else {}
    if pos:
        attrs["POS"] = {"IN": list(pos)}
    return attrs


class ThemeTagger:
    """Tags parsed statements with the themes of a taxonomy.

    Build it once per pipeline: compiling lemmatises every pattern word with ``nlp``. Tagging
    several spans of one doc in a row (the ingest pipeline's statements) mirrors it once.
    """

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.nlp = nlp
        self.taxonomy = taxonomy
        self._families = taxonomy.families
        self._lemmas = self._lemmatise_pattern_words(taxonomy)
        self._patterns: list[CompiledPattern] = []
        self._relations: list[CompiledRelation] = []
        self._vetoes: dict[str, frozenset[str]] = {}
        for theme in taxonomy:
            self._add_theme(theme)
        self._order = {theme.id: i for i, theme in enumerate(taxonomy)}
        self._matchers: list[Matcher] = []
        for pattern in self._patterns:
            matcher = Matcher(nlp.vocab)
            matcher.add(pattern.theme, [list(pattern.tokens)])
            self._matchers.append(matcher)
        # One DependencyMatcher per relation, each reading of it under its own key.
        self._dependency_matchers: list[tuple[DependencyMatcher, dict[int, int]]] = []
        for relation in self._relations:
            matcher = DependencyMatcher(nlp.vocab)
            keys: dict[int, int] = {}
            for number, variant in enumerate(relation.variants):
                name = f"{relation.theme}/{number}"
                matcher.add(name, [list(variant)])
                keys[nlp.vocab.strings[name]] = number
            self._dependency_matchers.append((matcher, keys))
        # Each pattern is indexed under the forms of its first required word; the rest of its
        # required words are checked against the statement's forms before its matcher runs.
        self._by_form: dict[str, list[int]] = {}
        for index, pattern in enumerate(self._patterns):
            for form in pattern.required[0]:
                self._by_form.setdefault(form, []).append(index)
        self._relations_by_form: dict[str, list[int]] = {}
        for index, relation in enumerate(self._relations):
            for form in relation.required[0]:
                self._relations_by_form.setdefault(form, []).append(index)
        # The forms worth knowing about a token: those of pattern words and of vetoes.
        self._known = frozenset().union(*(p.forms | p.vetoes for p in self._patterns),
                                        *(r.forms | r.vetoes for r in self._relations), *self._vetoes.values())
        self._forms_cache: dict[tuple[str, str], tuple[frozenset[str], int]] = {}
        self._doc: Doc | None = None
        self._mirror: Doc | None = None
        self._doc_forms: list[frozenset[str]] = []
        self._doc_norms: list[int] = []
        # Relations match on a parsed mirror of the sentences a statement spans (a small doc, so the
        # DependencyMatcher's walk over every token stays short): per sentence range, that mirror and
        # per relation its matches there (words' token indices in the doc, first, last token).
        self._parse: numpy.ndarray | None = None
        self._parsed: dict[tuple[int, int], tuple[Doc, dict[int, list[tuple[tuple[int, ...], int, int]]]]] = {}

    @property
    def uses_parse(self) -> bool:
        """Whether some theme has relations, which need the dependency parse."""
        return bool(self._relations)

    def tag(self, doclike: Doc | Span) -> tuple[ThemeTag, ...]:
        """Themes of one already-parsed statement, in taxonomy order, with the matched words.

        Relations match only on a parsed doc; on one without a parse only synonyms and patterns do."""
        if isinstance(doclike, Span):
            doc, start, stop = doclike.doc, doclike.start, doclike.end
        else:
            doc, start, stop = doclike, 0, len(doclike)
        mirror, forms = self._mirrored(doc)
        here: set[str] = set().union(*forms[start:stop])
        found: dict[str, list[Span]] = {}
        # Spans of synonyms: a relation match that shares a word with one adds nothing to the evidence.
        strong: dict[str, list[Span]] = {}
        trees: dict[str, list[tuple[int, ...]]] = {}
        window = mirror[start:stop]
        for index in self._candidates(self._by_form, here):
            pattern = self._patterns[index]
            if any(required.isdisjoint(here) for required in pattern.required):
                continue
            if pattern.context and not (self._vetoes[pattern.theme].isdisjoint(here)
                                        and pattern.vetoes.isdisjoint(here)):
                continue
            for _, begin, end in self._matchers[index](window):
                found.setdefault(pattern.theme, []).append(doc[start + begin:start + end])
                if not pattern.context:
                    strong.setdefault(pattern.theme, []).append(doc[start + begin:start + end])
        if self._relations and doc.has_annotation("DEP"):
            sentences: tuple[int, int] | None = None
            for index in self._candidates(self._relations_by_form, here):
                relation = self._relations[index]
                if any(required.isdisjoint(here) for required in relation.required):
                    continue
                if not (self._vetoes[relation.theme].isdisjoint(here) and relation.vetoes.isdisjoint(here)):
                    continue
                if sentences is None:
                    sentences = self._closed_range(doc, _sentences_of(doclike, start, stop))
                for words, first, last in self._relation_matches(index, doc, sentences):
                    if start <= first and last < stop:
                        trees.setdefault(relation.theme, []).append(words)
        themes = set(found) | set(trees)
        return tuple(
            ThemeTag(id=theme_id, evidence=_evidence(doc, found.get(theme_id, ()), trees.get(theme_id, ()),
                                                     strong.get(theme_id, ())))
            for theme_id in sorted(themes, key=self._order.__getitem__)
        )

    @staticmethod
    def _candidates(index: dict[str, list[int]], here: set[str]) -> list[int]:
        candidates: set[int] = set()
        for form in here:
            found_under = index.get(form)
            if found_under:
                candidates.update(found_under)
        return sorted(candidates)

    def _relation_matches(self, index: int, doc: Doc, sentences: tuple[int, int]
                          ) -> list[tuple[tuple[int, ...], int, int]]:
        """The matches of relation ``index`` in the sentences ``sentences`` of ``doc``, found once."""
        entry = self._parsed.get(sentences)
        if entry is None:
            entry = self._parsed[sentences] = (self._parsed_mirror(doc, *sentences), {})
        mirror, found = entry
        cached = found.get(index)
        if cached is None:
            relation = self._relations[index]
            offset = sentences[0]
            seen: set[tuple[int, ...]] = set()
            cached = []
            matcher, keys = self._dependency_matchers[index]
            for key, tokens in matcher(mirror):
                number = keys[key]
                if any(not _within(mirror[tokens[a]], mirror[tokens[d]], _NEAR) for a, d in relation.near[number]):
                    continue
                words = tuple(sorted(offset + tokens[i] for i in relation.words_at[number]))
                if len(set(words)) < len(words) or words in seen:
                    continue  # two pattern words on one token, or the same words by another reading
                seen.add(words)
                cached.append((words, offset + min(tokens), offset + max(tokens)))
            found[index] = cached
        return cached

    def _closed_range(self, doc: Doc, sentences: tuple[int, int]) -> tuple[int, int]:
        """``sentences`` if no head in it lies outside it (true of a parser's sentences), else the doc."""
        begin, end = sentences
        heads = numpy.arange(begin, end) + self._parse_of(doc)[begin:end, 0].astype("int64")
        if len(heads) and (heads.min() < begin or heads.max() >= end):
            return 0, len(doc)
        return sentences

    def _parsed_mirror(self, doc: Doc, begin: int, end: int) -> Doc:
        """A mirror of ``doc[begin:end]`` (whole sentences) that carries their parse as well."""
        mirror = Doc(doc.vocab, words=[token.text for token in doc[begin:end]])
        column = numpy.array(self._doc_norms[begin:end], dtype="uint64").reshape(-1, 1)
        mirror.from_array([NORM, HEAD, DEP, POS], numpy.hstack([column, self._parse_of(doc)[begin:end]]))
        return mirror

    def _parse_of(self, doc: Doc) -> numpy.ndarray:
        """The heads, labels and coarse tags of the mirrored doc, read once."""
        if self._parse is None:
            self._parse = doc.to_array([HEAD, DEP, POS])
        return self._parse

    def tag_texts(self, texts: Iterable[str], batch_size: int = 256) -> list[tuple[ThemeTag, ...]]:
        """Tag raw texts; NER is off, and the parser too unless a theme has relations."""
        off = _DISABLED_FOR_RELATIONS if self._relations else _DISABLED_FOR_TAGGING
        disable = [name for name in off if name in self.nlp.pipe_names]
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
            self._doc, self._mirror, self._doc_forms, self._doc_norms = doc, mirror, forms, norms
            self._parse, self._parsed = None, {}
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
            for pattern in (*theme.patterns, *theme.relations):
                for part in pattern.split():
                    part = part.partition(":")[0].rstrip("?")
                    words.update(a.lower() for a in part.split("|") if a and a[0] not in "=*@_<>~!")
        for family in taxonomy.families.values():
            words.update(w.lower() for w in family if not w.startswith("="))
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
            context = []
            for text in theme.patterns:
                body, veto = split_veto(text, self._families)
                compiled = compile_slots(parse_pattern(body, self._families), self._forms_of, theme.id, True)
                context.append(replace(compiled, vetoes=self._veto_forms(veto)))
            relations = []
            for text in theme.relations:
                body, veto = split_veto(text, self._families)
                compiled = compile_relation(*parse_relation(body, self._families), self._forms_of, theme.id)
                relations.append(replace(compiled, vetoes=self._veto_forms(veto)))
        except ValueError as exc:
            raise TaxonomyError(f"theme {theme.id!r}: {exc}") from exc
        self._patterns.extend(strong)
        self._patterns.extend(context)
        self._relations.extend(relations)
        vetoes = {f for word in theme.exclude for w in self._tokenize(word.lower()) for f in self._forms_of(w)}
        self._vetoes[theme.id] = frozenset(vetoes)

    def _veto_forms(self, words: Iterable[str]) -> frozenset[str]:
        forms: set[str] = set()
        for word in words:
            forms.update([word[1:].lower()] if word.startswith("=") else self._forms_of(word.lower()))
        return frozenset(forms)


def _sentences_of(doclike: Doc | Span, start: int, stop: int) -> tuple[int, int]:
    """The token range of the whole sentences that ``doc[start:stop]`` lies in (a parse never links
    two sentences, so relations need no more of the doc)."""
    if isinstance(doclike, Doc):
        return 0, len(doclike)
    if stop <= start:
        return start, stop
    doc = doclike.doc
    return doc[start].sent.start, doc[stop - 1].sent.end


def _within(ancestor: Token, descendant: Token, steps: int) -> bool:
    """Whether ``ancestor`` is the head of ``descendant``, or its head's head ... within ``steps``."""
    token = descendant
    for _ in range(steps):
        if token.head == token:
            return False
        token = token.head
        if token == ancestor:
            return True
    return False


def _evidence(doc: Doc, spans: Iterable[Span], trees: Iterable[tuple[int, ...]] = (),
              strong: Iterable[Span] = ()) -> str:
    """The matched words in text order. Of overlapping pattern matches the longest. A relation match
    is its words in text order; it is left out when it shares a word with a synonym's match or when a
    pattern match or a larger relation match holds all its words, and it stands for a contextual
    pattern's match whose words it all holds ("say how many" rather than "how many")."""
    kept = filter_spans(spans)
    span_words = [set(range(span.start, span.end)) for span in kept]
    synonym_words = {i for span in strong for i in range(span.start, span.end)}
    chosen: list[set[int]] = []
    for words in sorted(set(trees), key=lambda w: (-len(w), w)):
        if not synonym_words.isdisjoint(words) or any(s.issuperset(words) for s in span_words) \
                or any(c.issuperset(words) for c in chosen):
            continue
        chosen.append(set(words))
    items = [(span.start, " ".join(span.text.split())) for span, words in zip(kept, span_words, strict=True)
             if not any(c > words for c in chosen)]
    items += [(min(words), " ".join(doc[i].text for i in sorted(words))) for words in chosen]
    items.sort(key=lambda item: item[0])
    return "; ".join(dict.fromkeys(text for _, text in items))


def tag_extraction(extraction: Extraction, tagger: ThemeTagger) -> Extraction:
    """A copy of ``extraction`` whose statements carry the tagger's themes (replacing old ones)."""
    tags = tagger.tag_texts(s.text for s in extraction.statements)
    statements = tuple(replace(s, themes=t) for s, t in zip(extraction.statements, tags, strict=True))
    return replace(extraction, statements=statements)
