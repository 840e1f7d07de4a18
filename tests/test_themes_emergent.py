"""Emergent-theme suggestions with the real spaCy model."""

from __future__ import annotations

import pytest

from graph.themes.emergent import candidates_to_toml, key_phrases, suggest_themes, theme_id_for
from graph.themes.tagger import ThemeTagger, default_nlp
from graph.themes.taxonomy import load_taxonomy, merge_taxonomy, parse_taxonomy


@pytest.fixture(scope="session")
def tagger() -> ThemeTagger:
    try:
        nlp = default_nlp()
    except OSError as exc:
        pytest.skip(f"spaCy English model not installed: {exc}")
    return ThemeTagger(nlp, load_taxonomy())


STATEMENTS = {
    "cambodia": [
        # Marriage abroad or across a border is migration now (issue 10); marriage at home is not.
        "Forced marriages are arranged by marriage brokers.",
        "There is no central database on trafficking cases.",
        "Floods destroyed the harvest in the northern provinces.",
    ],
    "viet_nam": [
        "Many girls are deceived into forced marriages.",
        "Data on victims is not shared between provinces.",
    ],
    "thailand": [
        "Child marriages are arranged by relatives.",
        "Sea fishing vessels stay at sea for months.",
    ],
}


def test_recurring_untagged_topic_is_proposed_with_examples_from_each_report(tagger: ThemeTagger) -> None:
    candidates = suggest_themes(STATEMENTS, tagger)
    by_id = {c.id: c for c in candidates}
    assert "marriage" in by_id
    marriage = by_id["marriage"]
    assert set(marriage.reports) == {"cambodia", "viet_nam", "thailand"}
    assert marriage.mentions == 3
    assert {e.report for e in marriage.examples} == {"cambodia", "viet_nam", "thailand"}
    assert candidates[0].id == "marriage", "ranked first: raised in the most reports"


def test_single_report_topics_and_tagged_statements_are_not_proposed(tagger: ThemeTagger) -> None:
    candidates = suggest_themes(STATEMENTS, tagger)
    phrases = {p for c in candidates for p in c.key_phrases}
    assert not any("flood" in p or "vessel" in p for p in phrases), "raised in one report only"
    examples = {e.text for c in candidates for e in c.examples}
    assert not any("database" in t or "Data on victims" in t for t in examples), "already tagged"


def test_min_reports_is_respected(tagger: ThemeTagger) -> None:
    assert suggest_themes(STATEMENTS, tagger, min_reports=4) == ()
    loose = suggest_themes(STATEMENTS, tagger, min_reports=1)
    assert any("flood" in p for c in loose for p in c.key_phrases)


def test_key_phrases_are_lemmatised_without_generic_words(tagger: ThemeTagger) -> None:
    doc = tagger.nlp("Human trafficking problems worsen because of forced marriages in China.")
    phrases = key_phrases(doc)
    assert "forced marriage" in phrases
    assert not any("trafficking" in p or "problem" in p for p in phrases)
    assert "china" not in phrases, "a name alone is not a topic"


def test_toml_snippet_pastes_into_a_taxonomy_and_tags(tagger: ThemeTagger) -> None:
    candidates = suggest_themes(STATEMENTS, tagger)
    snippet = candidates_to_toml(candidates)
    assert "# e.g. [cambodia]" in snippet
    added = parse_taxonomy(snippet)
    assert "marriage" in added.ids
    combined = merge_taxonomy(load_taxonomy(), ({"id": t.id, "label": t.label, "description": t.description,
                                                  "frame": t.frame, "synonyms": list(t.synonyms)} for t in added),
                              source="snippet")
    retagger = ThemeTagger(tagger.nlp, combined)
    assert "marriage" in {t.id for t in retagger.tag(tagger.nlp("Forced marriages are common."))}


@pytest.mark.parametrize(("label", "expected"),
                         [("forced marriage", "forced_marriage"), ("m&e", "m_e"), ("!!", "theme")])
def test_theme_id_for(label: str, expected: str) -> None:
    assert theme_id_for(label) == expected
