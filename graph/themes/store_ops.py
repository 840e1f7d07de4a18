"""Theme operations on a stored graph: sync the taxonomy, re-tag statements, read comparisons.

Talks to any ``graph.store.Store`` through ``run`` only; queries live in ``graph/themes/cypher``
(internal) and in the analysts' library ``cypher/`` (read through ``graph.queries.catalog``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol

from graph.themes.tagger import ThemeTagger
from graph.themes.taxonomy import Taxonomy

PAGE = 2000


class Runs(Protocol):
    def run(self, query: str, params: Mapping[str, Any] | None = None, *, read_only: bool = True,
            timeout: float | None = ...) -> Any: ...


@cache
def themes_query(name: str) -> str:
    text = resources.files("graph.themes").joinpath("cypher", f"{name}.cypher").read_text("utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


def library_rows(store: Runs, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
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


def sync_themes(store: Runs, taxonomy: Taxonomy) -> None:
    rows = [{"id": t.id, "label": t.label, "frame": t.frame, "description": t.description} for t in taxonomy]
    store.run(themes_query("upsert_themes"), {"themes": rows}, read_only=False)


def retag(store: Runs, tagger: ThemeTagger) -> RetagResult:
    """Re-tag every stored statement (and reference passage) with the tagger's taxonomy.

    Works from stored texts, so no report is re-read or fully re-parsed.
    """
    statements = _all_statements(store)
    tags = tagger.tag_texts(text or "" for _, text in statements)
    rows = [
        {"src": sid, "dst": tag.id, "evidence": tag.evidence}
        for (sid, _), found in zip(statements, tags)
        for tag in found
    ]
    passage_rows = _reference_passage_rows(store, tagger)
    sync_themes(store, tagger.taxonomy)
    store.run(themes_query("clear_statement_themes"), {}, read_only=False)
    store.run(themes_query("clear_passage_themes"), {}, read_only=False)
    for start in range(0, len(rows), PAGE):
        store.run(themes_query("write_statement_themes"), {"rows": rows[start:start + PAGE]}, read_only=False)
    if passage_rows:
        store.run(themes_query("write_passage_themes"), {"rows": passage_rows}, read_only=False)
    store.run(themes_query("delete_unused_themes"), {"keep": list(tagger.taxonomy.ids)}, read_only=False)
    return RetagResult(
        statements=len(statements),
        tagged=sum(1 for t in tags if t),
        tags=len(rows),
        reference_passages=len({r["src"] for r in passage_rows}),
    )


def _all_statements(store: Runs) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    skip = 0
    while True:
        page = store.run(themes_query("statement_texts"), {"skip": skip, "limit": PAGE}).records()
        out.extend((r["id"], r["text"]) for r in page)
        if len(page) < PAGE:
            return out
        skip += PAGE


def _reference_passage_rows(store: Runs, tagger: ThemeTagger) -> list[dict[str, str]]:
    texts: dict[str, list[str]] = {}
    for r in store.run(themes_query("reference_passages"), {}).records():
        if r["text"]:
            texts.setdefault(r["passage"], []).append(r["text"])
    ids = list(texts)
    tags = tagger.tag_texts(" ".join(dict.fromkeys(texts[i])) for i in ids)
    return [{"src": pid, "dst": t.id, "evidence": t.evidence} for pid, found in zip(ids, tags) for t in found]


def statements_by_report(store: Runs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in store.run(themes_query("stored_statements_by_report"), {}).records():
        out.setdefault(str(r["report"]), []).append(r["text"] or "")
    return out


def split_list(values: Sequence[str] | None) -> list[str]:
    """``--countries "Lao PDR,Viet Nam" --countries Cambodia`` as one list."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]
