"""Comparison shaping (pure) and the themes' cypher/ queries on the real embedded FalkorDB."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.contract import Extraction, Reference, ReportMeta, SourceSpan, Statement, content_hash, stable_id
from graph.themes.compare import (
    matrix_rows,
    rank_recurring,
    render_matrix_csv,
    render_matrix_table,
    render_recurring,
)

# --- pure shaping -------------------------------------------------------------------------------


def test_matrix_rows_total_and_order() -> None:
    rows = matrix_rows([
        {"country": "Lao PDR", "theme": "database", "label": "Data", "problem": 2, "cause": 1,
         "root_cause": 1, "effect": 0, "vision": 0, "result": 1},
        {"country": "Lao PDR", "theme": "migration", "label": "Migration", "problem": 5, "cause": 0,
         "root_cause": 0, "effect": 1, "vision": 0, "result": 0},
        {"country": "Cambodia", "theme": "database", "label": "Data", "problem": 1},
    ])
    assert [(r.country, r.theme, r.total) for r in rows] == [
        ("Cambodia", "database", 1), ("Lao PDR", "migration", 6), ("Lao PDR", "database", 4)]
    table = render_matrix_table(rows)
    assert table.splitlines()[0].split() == ["Country", "Theme", "Problem", "Cause", "(root)", "Effect",
                                              "Vision", "Result", "Total"]
    assert "Lao PDR   Data" in table
    assert render_matrix_csv(rows).splitlines()[3] == "Lao PDR,database,Data,2,1,0,0,1,1,4"


def _support(theme: str, country: str, report: str, statement: str) -> dict[str, object]:
    return {"theme": theme, "label": theme.title(), "country": country, "report": report,
            "report_title": f"{country} report", "statement": statement, "kind": "problem",
            "text": f"text {statement}", "page": 3, "sentence": "s", "evidence": "database"}


def test_rank_recurring_by_countries_then_reports_then_mentions() -> None:
    rows = [
        _support("poverty", "Lao PDR", "r1", "a"), _support("poverty", "Lao PDR", "r1", "b"),
        _support("poverty", "Lao PDR", "r1", "c"),
        _support("database", "Lao PDR", "r1", "d"), _support("database", "Cambodia", "r2", "e"),
        _support("education", "Lao PDR", "r1", "f"), _support("education", "Cambodia", "r2", "g"),
        _support("education", "Cambodia", "r2", "h"),
        _support("database", "Cambodia", "r2", "e"),  # the same statement twice counts once
    ]
    ranked = rank_recurring(rows)
    assert [(t.theme, len(t.countries), t.mentions) for t in ranked] == [
        ("education", 2, 3), ("database", 2, 2), ("poverty", 1, 3)]
    assert [s.text for s in ranked[1].support["Cambodia"]] == ["text e"]
    text = render_recurring(ranked, per_country=1)
    assert "1. Education [education]: 2 countries, 2 reports, 3 statements" in text
    assert "(Cambodia report, p. 3)" in text and "... 1 more" in text


# --- the cypher/ library on the embedded engine -----------------------------------------------------


@pytest.fixture(scope="module")
def tagger():
    from graph.themes.tagger import ThemeTagger, default_nlp
    from graph.themes.taxonomy import load_taxonomy

    try:
        return ThemeTagger(default_nlp(), load_taxonomy())
    except OSError as exc:
        pytest.skip(f"spaCy English model not installed: {exc}")


def _extraction(country: str, items: list[tuple[str, str]], references: tuple[tuple[str, str], ...] = ()) -> Extraction:
    """A small report: statements (kind, text) on consecutive lines, plus reference sentences."""
    lines = [text for _, text in items] + [sentence for _, sentence in references]
    text = f"SYNTHETIC test report for {country}\n" + "\n".join(lines)
    rid = content_hash(text)

    def span(sentence: str) -> SourceSpan:
        start = text.index(sentence)
        return SourceSpan("Section", 1 + len(sentence) % 3, start, start + len(sentence), sentence)

    statements = tuple(
        Statement(stable_id(rid, i), kind, sentence, None, None, i, None, span(sentence))  # type: ignore[arg-type]
        for i, (kind, sentence) in enumerate(items)
    )
    refs = tuple(Reference(other, sentence, span(sentence)) for other, sentence in references)
    return Extraction(ReportMeta(id=rid, source=f"{country.lower()}_synthetic.txt", title=f"{country} (synthetic)",
                                 country=country), statements, references=refs, text=text)


LAO = _extraction("Lao PDR", [
    ("problem", "There is no national database on human trafficking."),
    ("root_cause", "Limited budget for training of police."),
    ("effect", "Victims are re-trafficked after return."),
    ("result", "A regional database is shared by all GMS countries."),
], references=(("Viet Nam", "Linking national databases was also raised during the Viet Nam consultation."),))
CAMBODIA = _extraction("Cambodia", [
    ("problem", "There is no common data platform for the police and the courts."),
    ("cause", "Corruption among border police."),
    ("vision", "Every agency uses a shared information system."),
    ("problem", "Limited budget for shelters."),
])


@pytest.fixture
def loaded(store, tagger):
    from graph.themes.store_ops import sync_themes
    from graph.themes.tagger import tag_extraction

    for extraction in (LAO, CAMBODIA):
        store.write_report(tag_extraction(extraction, tagger))
    sync_themes(store, tagger.taxonomy)
    return store


def _rows(store, name: str, **params) -> list[dict]:
    from graph.themes.store_ops import library_rows

    return library_rows(store, name, params)


def test_country_theme_matrix(loaded) -> None:
    rows = {(r["country"], r["theme"]): r for r in _rows(loaded, "compare_country_theme_matrix")}
    lao_db = rows[("Lao PDR", "database")]
    assert (lao_db["problem"], lao_db["cause"], lao_db["result"], lao_db["total"]) == (1, 0, 1, 2)
    assert rows[("Lao PDR", "budget_funding")]["root_cause"] == 1
    assert rows[("Lao PDR", "budget_funding")]["cause"] == 1
    khm_db = rows[("Cambodia", "database")]
    assert (khm_db["problem"], khm_db["vision"], khm_db["total"]) == (1, 1, 2)
    assert rows[("Cambodia", "database")]["label"] == "Data and information sharing"
    only = _rows(loaded, "compare_country_theme_matrix", countries=["Cambodia"], themes=["database"])
    assert [(r["country"], r["theme"]) for r in only] == [("Cambodia", "database")]


def test_recurring_ranking_and_provenance(loaded) -> None:
    ranking = _rows(loaded, "theme_recurring", min_countries=2)
    assert [r["theme"] for r in ranking][:1] == ["database"], "database: 2 countries, 4 statements"
    assert {r["theme"] for r in ranking} == {"database", "budget_funding", "prosecution_justice",
                                             "victim_reintegration"}
    ranked = rank_recurring(_rows(loaded, "theme_recurring_statements"))
    assert ranked[0].theme == "database"
    lao = ranked[0].support["Lao PDR"]
    assert {s.text for s in lao} == {"There is no national database on human trafficking.",
                                     "A regional database is shared by all GMS countries."}
    assert all(s.page is not None and s.sentence for s in lao)
    assert ranked[0].countries == ("Cambodia", "Lao PDR")


def test_coverage_gaps(loaded) -> None:
    gaps = {(r["country"], r["theme"]) for r in _rows(loaded, "theme_coverage_gaps")}
    assert ("Cambodia", "budget_funding") in gaps
    assert ("Cambodia", "corruption") in gaps
    assert ("Lao PDR", "database") not in gaps, "addressed by a result"
    assert ("Cambodia", "database") not in gaps, "addressed by a vision"


def test_retag_links_references_and_follows_the_taxonomy(loaded, tagger, tmp_path: Path) -> None:
    from graph.themes.store_ops import retag
    from graph.themes.tagger import ThemeTagger
    from graph.themes.taxonomy import load_taxonomy

    result = retag(loaded, tagger)
    assert result.statements == 8 and result.reference_passages == 1
    cross = {r["theme"]: r for r in _rows(loaded, "theme_cross_consultation", themes=["database"])}
    assert set(cross["database"]["raised_by"]) == {"Lao PDR", "Cambodia"}
    assert cross["database"]["said_raised_in"] == ["Viet Nam"]
    assert cross["database"]["said_by"] == ["Lao PDR"]
    assert cross["database"]["said_raised_in_ingested"] == []

    override = tmp_path / "themes.toml"
    override.write_text('[[theme]]\nid = "database"\ndisabled = true\n', encoding="utf-8")
    retag(loaded, ThemeTagger(tagger.nlp, load_taxonomy(override)))
    themes = {r["theme"] for r in _rows(loaded, "compare_country_theme_matrix")}
    assert "database" not in themes and "budget_funding" in themes
    retag(loaded, tagger)
    assert "database" in {r["theme"] for r in _rows(loaded, "compare_country_theme_matrix")}


def _theme_links(store) -> set[tuple[str, str]]:
    rows = store.run("MATCH (s:Statement)-[:ABOUT_THEME]->(t:Theme) RETURN s.id AS s, t.id AS t").rows
    return {(s, t) for s, t in rows}


def test_a_retag_overlapping_an_ingest_loses_no_tag(store, tagger) -> None:
    """The retag reads the statements, and while it tags them another process ingests a report:
    that report's own tags must survive the retag's rewrite (the rewrite is scoped and locked)."""
    import threading

    from graph.themes.store_ops import retag, sync_themes
    from graph.themes.tagger import ThemeTagger, tag_extraction

    store.write_report(tag_extraction(LAO, tagger))
    sync_themes(store, tagger.taxonomy)
    before = _theme_links(store)
    cambodia = tag_extraction(CAMBODIA, tagger)
    read_done, ingest_done = threading.Event(), threading.Event()
    ingested: set[tuple[str, str]] = set()

    class SlowTagger(ThemeTagger):
        """Holds the retag between reading and writing until the ingest has landed."""

        def tag_texts(self, texts):
            read_done.set()
            assert ingest_done.wait(60)
            return super().tag_texts(texts)

    def ingest() -> None:
        assert read_done.wait(60)
        store.write_report(cambodia)
        sync_themes(store, tagger.taxonomy)
        ingested.update(_theme_links(store) - before)
        ingest_done.set()

    worker = threading.Thread(target=ingest)
    worker.start()
    result = retag(store, SlowTagger(tagger.nlp, tagger.taxonomy))
    worker.join(60)
    assert not worker.is_alive()
    assert result.statements == len(LAO.statements), "the retag saw only the first report"
    assert len(ingested) == sum(len(s.themes) for s in cambodia.statements) > 0
    links = _theme_links(store)
    assert ingested <= links, f"lost: {sorted(ingested - links)}"
    assert links == before | ingested
