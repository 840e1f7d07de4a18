"""The extraction contract: what `gmsgraph extract --format json` prints and what the store ingests.

Every later stage (store, themes, web) consumes these types, so field names and meanings are
stable. Unknown values are ``None``; lists are never ``None``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

StatementKind = Literal[
    "problem",
    "priority",
    "core_problem",
    "root_cause",
    "cause",
    "effect",
    "vision",
    "result",
    "comment",
]
STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)
# The workshop's material: every kind but ``comment`` (a remark about the material, never a problem or cause).
MATERIAL_KINDS: tuple[str, ...] = tuple(kind for kind in STATEMENT_KINDS if kind != "comment")

# Who made a remark (a ``comment``): the report's own word for the speaker's part in the workshop.
SpeakerRole = Literal["participant", "facilitator", "group_representative", "chair"]
SPEAKER_ROLES: tuple[str, ...] = get_args(SpeakerRole)

# DISCUSSES: a comment -> the statement (or the tree's trunk, the vision) it discusses.
LinkType = Literal["CAUSES", "ADDRESSES", "PART_OF", "DISCUSSES"]
LINK_TYPES: tuple[str, ...] = get_args(LinkType)

EntityKind = Literal["organisation", "person", "law", "country", "place", "date"]
ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)


@dataclass(frozen=True)
class SourceSpan:
    """Where a statement came from: offsets into the cleaned text, plus its page and sentence."""

    section: str | None
    page: int | None
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class ThemeTag:
    """A theme a statement is about, with the words that matched it."""

    id: str
    evidence: str


@dataclass(frozen=True)
class ReportMeta:
    id: str
    source: str
    title: str | None = None
    country: str | None = None
    city: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    organiser: str | None = None
    synthetic: bool = False  # the report says it is a synthetic test report, not a real consultation


@dataclass(frozen=True)
class Statement:
    """One problem, cause, effect, vision, result… or a remark about them (``kind == "comment"``).

    ``speaker`` and ``speaker_role`` are a comment's speaker as the report gives them (the name when
    it names one); None for every other kind.
    """

    id: str
    kind: StatementKind
    text: str
    group: str | None
    topic: str | None
    n: int | None
    parent: str | None
    source: SourceSpan
    themes: tuple[ThemeTag, ...] = ()
    speaker: str | None = None
    speaker_role: SpeakerRole | None = None


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    type: LinkType
    evidence: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    id: str
    kind: EntityKind
    name: str
    mentions: tuple[Mention, ...]
    role: str | None = None  # a person's role as the report gives it
    year: int | None = None  # a law's or instrument's year


@dataclass(frozen=True)
class Reference:
    country: str
    text: str
    source: SourceSpan
    themes: tuple[ThemeTag, ...] = ()  # what the other consultation is said to have raised


@dataclass(frozen=True)
class Extraction:
    report: ReportMeta
    statements: tuple[Statement, ...]
    links: tuple[Link, ...] = ()
    entities: tuple[Entity, ...] = ()
    references: tuple[Reference, ...] = ()
    # The cleaned text that every offset points into; not part of the JSON contract.
    text: str = field(default="", repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": asdict(self.report),
            "statements": [_statement_dict(s) for s in self.statements],
            "links": [asdict(link) for link in self.links],
            "entities": [
                {**asdict(e), "mentions": [asdict(m) for m in e.mentions]} for e in self.entities
            ],
            "references": [asdict(r) for r in self.references],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Extraction:
        return cls(
            report=ReportMeta(**data["report"]),
            statements=tuple(
                Statement(**{**s, "source": SourceSpan(**s["source"]),
                             "themes": tuple(ThemeTag(**t) for t in s.get("themes", ()))})
                for s in data["statements"]
            ),
            links=tuple(Link(**link) for link in data.get("links", ())),
            entities=tuple(
                Entity(**{**e, "mentions": tuple(Mention(**m) for m in e["mentions"])})
                for e in data.get("entities", ())
            ),
            references=tuple(
                Reference(**{**r, "source": SourceSpan(**r["source"]),
                             "themes": tuple(ThemeTag(**t) for t in r.get("themes", ()))})
                for r in data.get("references", ())
            ),
            text=text,
        )


def _statement_dict(statement: Statement) -> dict[str, Any]:
    """A statement as JSON; ``speaker`` and ``speaker_role`` only on comments, so other kinds keep their shape."""
    data = asdict(statement)
    if statement.kind != "comment":
        del data["speaker"], data["speaker_role"]
    return data


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic id from its parts, so the same report always yields the same ids."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
