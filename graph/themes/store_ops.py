"""Theme operations on a stored graph: sync the taxonomy, re-tag statements, read comparisons.

Reads go through ``Store.run`` with the queries in ``graph/themes/cypher`` (internal) and the
analysts' library (``graph.queries.catalog``); every write is a ``Store`` method, under the same
lock as ``write_report``, so a re-tag and an ingest that overlap lose no tag.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph import cypherfiles
from graph.store.base import Store
from graph.themes.tagger import ThemeTagger
from graph.themes.taxonomy import Taxonomy

PAGE = 2000
QUERIES = "graph.themes.cypher"


def themes_query(name: str) -> str:
    return cypherfiles.query(QUERIES, name)


def library_rows(store: Store, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Run a ``cypher/`` library query by name with its declared parameters."""
    from graph.queries.catalog import get

    query = get(name)
    return store.run(query.text, query.bind(params)).records()


@dataclass(frozen=True)
class RetagResult:
    statements: int
    tagged: int
    tags: int
    reference_passages: int


def theme_rows(taxonomy: Taxonomy) -> list[dict[str, str]]:
    return [{"id": t.id, "label": t.label, "frame": t.frame, "description": t.description} for t in taxonomy]


def sync_themes(store: Store, taxonomy: Taxonomy) -> None:
    store.sync_themes(theme_rows(taxonomy))


def has_unlabelled_themes(store: Store) -> bool:
    """Theme nodes without their taxonomy label: a writer stopped between a report and the sync."""
    rows = store.run(themes_query("unlabelled_themes")).rows
    return bool(rows and rows[0][0])


def retag(store: Store, tagger: ThemeTagger) -> RetagResult:
    """Re-tag every stored statement (and reference passage) with the tagger's taxonomy.

    Works from stored texts, so no report is re-read or fully re-parsed. Tagging runs outside the
    store's write lock; the rewrite replaces the tags of exactly the statements read here.
    """
    statements = _all_statements(store)
    tags = tagger.tag_texts(text or "" for _, text in statements)
    statement_tags = {sid: [{"dst": t.id, "evidence": t.evidence} for t in found]
                      for (sid, _), found in zip(statements, tags, strict=True)}
    passage_tags = _reference_passage_tags(store, tagger)
    store.replace_theme_tags(theme_rows(tagger.taxonomy), statement_tags, passage_tags, list(tagger.taxonomy.ids))
    return RetagResult(
        statements=len(statements),
        tagged=sum(1 for t in tags if t),
        tags=sum(len(v) for v in statement_tags.values()),
        reference_passages=sum(1 for v in passage_tags.values() if v),
    )


def _all_statements(store: Store) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    skip = 0
    while True:
        page = store.run(themes_query("statement_texts"), {"skip": skip, "limit": PAGE}).records()
        out.extend((r["id"], r["text"]) for r in page)
        if len(page) < PAGE:
            return out
        skip += PAGE


def _reference_passage_tags(store: Store, tagger: ThemeTagger) -> dict[str, list[dict[str, str]]]:
    texts: dict[str, list[str]] = {}
    for r in store.run(themes_query("reference_passages"), {}).records():
        texts.setdefault(r["passage"], [])
        if r["text"]:
            texts[r["passage"]].append(r["text"])
    ids = list(texts)
    tags = tagger.tag_texts(" ".join(dict.fromkeys(texts[i])) for i in ids)
    return {pid: [{"dst": t.id, "evidence": t.evidence} for t in found] for pid, found in zip(ids, tags, strict=True)}


def statements_by_report(store: Store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in store.run(themes_query("stored_statements_by_report"), {}).records():
        out.setdefault(str(r["report"]), []).append(r["text"] or "")
    return out


def split_list(values: Sequence[str] | None) -> list[str]:
    """``--countries "Lao PDR,Viet Nam" --countries Cambodia`` as one list."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]
