"""Emergent themes: what reports keep raising that the taxonomy does not cover yet.

Statements that match no theme are reduced to their key noun phrases (lemmatised noun chunks
without stop words and without the words every statement here shares, like "trafficking"), the
phrases are clustered by fuzzy similarity, and clusters raised in at least ``min_reports`` reports
become candidates, printed as ``[[theme]]`` tables a curator can paste into a ``--themes`` file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from graph.themes.tagger import ThemeTagger
from graph.themes.taxonomy import Frame, Theme, theme_to_toml

# Words so common in consultation reports that sharing them says nothing about a topic.
GENERIC_LEMMAS = frozenset(
    """
    trafficking traffic trafficker human person people problem issue lack need number way thing level
    area country region time part factor effect cause result vision group participant government
    work example case term point process situation type form role member activity effort victim
    agency official organisation organization stakeholder ministry authority
    """.split()
)
_CONTENT_POS = frozenset(("NOUN", "PROPN", "ADJ", "VERB"))
PLACEHOLDER_FRAME: Frame = "prevention"


@dataclass(frozen=True)
class Example:
    report: str
    text: str


@dataclass(frozen=True)
class CandidateTheme:
    id: str
    label: str
    key_phrases: tuple[str, ...]
    reports: tuple[str, ...]
    mentions: int
    examples: tuple[Example, ...]

    def to_theme(self) -> Theme:
        return Theme(
            id=self.id,
            label=self.label[:1].upper() + self.label[1:],
            description=f"Suggested from {self.mentions} untagged statements in {len(self.reports)} reports.",
            frame=PLACEHOLDER_FRAME,
            synonyms=self.key_phrases,
        )


@dataclass
class _Cluster:
    representative: str
    phrases: Counter[str] = field(default_factory=Counter)
    members: dict[tuple[str, str], None] = field(default_factory=dict)  # ordered set of (report, text)


def key_phrases(doc: Doc) -> tuple[str, ...]:
    """Lemmatised content words of each noun chunk that has a non-generic noun head."""
    phrases: list[str] = []
    for chunk in doc.noun_chunks:
        words = [
            t for t in chunk
            if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha and t.lemma_.lower() not in GENERIC_LEMMAS
        ]
        # Names alone ("China", "COMMIT") locate a statement but are not a topic.
        if not any(t.pos_ == "NOUN" for t in words):
            continue
        # Nouns by lemma so plurals meet; modifiers as written ("forced", not "force").
        phrase = " ".join(t.lemma_.lower() if t.pos_ in ("NOUN", "PROPN") else t.lower_ for t in words)
        if len(phrase) >= 3:
            phrases.append(phrase)
    return tuple(dict.fromkeys(phrases))


def suggest_themes(
    statements: Mapping[str, Sequence[str]],
    tagger: ThemeTagger,
    *,
    min_reports: int = 2,
    similarity: float = 85.0,
    max_examples: int = 3,
) -> tuple[CandidateTheme, ...]:
    """Candidate themes from statements (texts by report id or name) that no theme matches.

    Ranked by the number of reports raising them, then by mentions.
    """
    items = [(report, text) for report, texts in statements.items() for text in texts if text.strip()]
    disable = [name for name in ("ner",) if name in tagger.nlp.pipe_names]
    docs = tagger.nlp.pipe((text for _, text in items), disable=disable)
    occurrences: list[tuple[str, str, str]] = []  # (phrase, report, text)
    for (report, text), doc in zip(items, docs, strict=True):
        if tagger.tag(doc):
            continue
        phrases = key_phrases(doc)
        # Heads too, so "forced marriage" and "cross-border marriage" can meet at "marriage".
        heads = tuple(p.rsplit(" ", 1)[-1] for p in phrases if " " in p)
        occurrences.extend((phrase, report, text) for phrase in dict.fromkeys(phrases + heads))
    clusters = _cluster_phrases([o[0] for o in occurrences], similarity)
    for phrase, report, text in occurrences:
        cluster = clusters[phrase]
        cluster.phrases[phrase] += 1
        cluster.members[(report, text)] = None
    unique = list({id(c): c for c in clusters.values()}.values())
    candidates = [_candidate(c, max_examples) for c in unique]
    kept = [c for c in candidates if len(c.reports) >= min_reports]
    return tuple(sorted(kept, key=lambda c: (-len(c.reports), -c.mentions, c.id)))


def _cluster_phrases(phrases: Sequence[str], similarity: float) -> dict[str, _Cluster]:
    """Greedy clustering: short, frequent phrases become representatives first, so the longer
    phrases that contain them (token-set similarity 100) gather around the general topic."""
    counts = Counter(phrases)
    order = sorted(counts, key=lambda p: (len(p.split()), -counts[p], p))
    clusters: list[_Cluster] = []
    by_phrase: dict[str, _Cluster] = {}
    for phrase in order:
        best = process.extractOne(
            phrase, [c.representative for c in clusters], scorer=fuzz.token_set_ratio, score_cutoff=similarity
        ) if clusters else None
        if best is None:
            clusters.append(_Cluster(representative=phrase))
            by_phrase[phrase] = clusters[-1]
        else:
            by_phrase[phrase] = clusters[best[2]]
    return by_phrase


def _candidate(cluster: _Cluster, max_examples: int) -> CandidateTheme:
    label = cluster.phrases.most_common(1)[0][0]
    reports = tuple(dict.fromkeys(report for report, _ in cluster.members))
    # One example per report first, so the curator sees the spread across consultations.
    by_report: dict[str, Example] = {}
    for report, text in cluster.members:
        by_report.setdefault(report, Example(report, text))
    examples = list(by_report.values())[:max_examples]
    return CandidateTheme(
        id=theme_id_for(label),
        label=label,
        key_phrases=tuple(p for p, _ in cluster.phrases.most_common()),
        reports=reports,
        mentions=len(cluster.members),
        examples=tuple(examples),
    )


def theme_id_for(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "theme"


def candidates_to_toml(candidates: Sequence[CandidateTheme]) -> str:
    """``[[theme]]`` tables with the evidence as comments; the frame is a placeholder to check."""
    blocks = [
        "# Candidate themes suggested by `gmsgraph themes suggest`.\n"
        f"# Check each label and frame (set to {PLACEHOLDER_FRAME!r} for now), trim the synonyms,\n"
        "# then paste the ones you accept into your --themes file.\n"
    ]
    for candidate in candidates:
        comments = [f"# raised in {len(candidate.reports)} reports ({', '.join(candidate.reports)}), "
                    f"{candidate.mentions} statements"]
        comments += [f"# e.g. [{e.report}] {' '.join(e.text.split())[:160]}" for e in candidate.examples]
        blocks.append("\n".join(comments) + "\n" + theme_to_toml(candidate.to_theme()))
    return "\n".join(blocks)
