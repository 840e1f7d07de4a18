"""The packaged taxonomy and user override files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.themes.taxonomy import (
    FRAMES,
    TaxonomyError,
    load_taxonomy,
    parse_taxonomy,
    theme_to_toml,
)

# The themes issue 4 asks the taxonomy to cover, at least.
REQUIRED_THEMES = {
    "database",
    "training_capacity",
    "budget_funding",
    "cooperation_mou",
    "staff_rotation",
    "awareness_law",
    "poverty_livelihoods",
    "migration",
    "legal_framework",
    "victim_identification",
    "victim_reintegration",
    "village_mediation",
    "corruption",
    "demand_sex_tourism",
    "materialism_values",
    "private_sector",
    "monitoring_evaluation",
    "national_plan_of_action",
    "prosecution_justice",
}


def write(tmp_path: Path, text: str, name: str = "themes.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_taxonomy_covers_the_required_themes() -> None:
    taxonomy = load_taxonomy()
    assert REQUIRED_THEMES <= set(taxonomy.ids)
    assert len(taxonomy) >= 19
    assert len(set(taxonomy.ids)) == len(taxonomy), "theme ids are unique"


@pytest.mark.parametrize("theme", load_taxonomy().themes, ids=lambda t: t.id)
def test_every_packaged_theme_is_complete(theme) -> None:
    assert theme.label and theme.description
    assert theme.frame in FRAMES
    assert theme.synonyms, "every theme has synonyms a curator can read"


def test_override_replaces_only_the_fields_written(tmp_path: Path) -> None:
    path = write(tmp_path, '[[theme]]\nid = "database"\nsynonyms = ["lookup table"]\n')
    taxonomy = load_taxonomy(path)
    database = taxonomy.get("database")
    assert database.synonyms == ("lookup table",)
    assert database.label == load_taxonomy().get("database").label
    assert database.patterns, "patterns were not written, so they are kept"
    assert taxonomy.ids == load_taxonomy().ids, "an override keeps the theme's position"


def test_new_theme_is_added_and_disabled_theme_removed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[theme]]
id = "child_labour"
label = "Child labour"
description = "Children working in hazardous conditions."
frame = "prevention"
synonyms = ["child labour", "child labor"]

[[theme]]
id = "corruption"
disabled = true
""",
    )
    taxonomy = load_taxonomy(path)
    assert taxonomy.get("child_labour").frame == "prevention"
    assert "corruption" not in taxonomy
    assert taxonomy.ids[-1] == "child_labour"


def test_later_files_win(tmp_path: Path) -> None:
    first = write(tmp_path, '[[theme]]\nid = "education"\nlabel = "First"\n', "a.toml")
    second = write(tmp_path, '[[theme]]\nid = "education"\nlabel = "Second"\n', "b.toml")
    assert load_taxonomy([first, second]).get("education").label == "Second"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[theme]]\nid = "x"\nlabel = "X"\ndescription = "d"\nframe = "policy"\nsynonyms = ["x"]\n', "frame"),
        ('[[theme]]\nid = "x"\nlabel = "X"\n', "lacks"),
        ('[[theme]]\nlabel = "X"\n', "no id"),
        ('[[theme]]\nid = "database"\nsynonym = ["typo"]\n', "unknown keys"),
        ('[[theme]]\nid = "database"\nsynonyms = "not a list"\n', "list of strings"),
        ("[[theme]\n", "not valid TOML"),
    ],
)
def test_bad_user_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError, match=message) as info:
        load_taxonomy(path)
    assert str(path) in str(info.value)


def test_missing_user_file_is_a_taxonomy_error(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "absent.toml")


def test_theme_to_toml_round_trips() -> None:
    theme = load_taxonomy().get("database")
    again = parse_taxonomy(theme_to_toml(theme)).get("database")
    assert again == theme


# --- Definitions, relations and word families (issue 10).


@pytest.mark.parametrize("theme", load_taxonomy().themes, ids=lambda t: t.id)
def test_every_packaged_theme_is_defined_beyond_its_keywords(theme) -> None:
    assert len(theme.description) >= 80, "the description is the theme's definition: what it covers"
    assert theme.relations, "every theme has dependency relations for its meaning said without keywords"


def test_packaged_word_families_are_used_and_known() -> None:
    taxonomy = load_taxonomy()
    families = taxonomy.families
    used = {part[1:] for theme in taxonomy for text in (*theme.patterns, *theme.relations)
            for token in text.split() for part in token.partition(":")[0].rstrip("?").split("|")
            if part.startswith("@")}
    assert used <= set(families), sorted(used - set(families))
    assert set(families) <= used, f"unused families: {sorted(set(families) - used)}"


def test_a_theme_may_have_relations_only(tmp_path: Path) -> None:
    path = write(tmp_path, '[[theme]]\nid = "x"\nlabel = "X"\ndescription = "d"\nframe = "prevention"\n'
                           'relations = ["data ~~ lack"]\n')
    assert load_taxonomy(path).get("x").relations == ("data ~~ lack",)


def test_user_word_families_replace_by_name_and_keep_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, '[words]\nvictim = ["castaway"]\nmine = ["one", "two"]\n')
    families = load_taxonomy(path).families
    assert families["victim"] == ("castaway",)
    assert families["mine"] == ("one", "two")
    assert families["official"] == load_taxonomy().families["official"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('words = ["a"]\n', "expected a \\[words\\] table"),
        ('[words]\nBad = ["a"]\n', "lowercase"),
        ('[words]\nx = "a"\n', "non-empty list"),
        ('[words]\nx = []\n', "non-empty list"),
        ('[words]\nx = ["two words"]\n', "one word"),
        ('[words]\nx = ["a|b"]\n', "one word"),
        ('[[theme]]\nid = "database"\nrelations = "data ~~ lack"\n', "list of strings"),
    ],
)
def test_bad_word_families_and_relations_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError, match=message) as info:
        load_taxonomy(path)
    assert str(path) in str(info.value)


def test_taxonomy_to_toml_round_trips_with_its_families() -> None:
    from graph.themes.taxonomy import taxonomy_to_toml

    taxonomy = load_taxonomy()
    assert parse_taxonomy(taxonomy_to_toml(taxonomy)) == taxonomy
