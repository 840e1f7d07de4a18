"""Themes: a curated taxonomy, a lemma-based tagger, and emergent-theme suggestions."""

from graph.themes.tagger import ThemeTagger, tag_extraction
from graph.themes.taxonomy import FRAMES, Taxonomy, TaxonomyError, Theme, load_taxonomy

__all__ = [
    "FRAMES",
    "Taxonomy",
    "TaxonomyError",
    "Theme",
    "ThemeTagger",
    "load_taxonomy",
    "tag_extraction",
]
