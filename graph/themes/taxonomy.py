"""The theme taxonomy: a typed view of ``taxonomy.toml`` plus user files that extend or override it.

A user file has the same shape as the packaged one (``[[theme]]`` tables, and an optional ``[words]``
table of named word families). A theme whose ``id`` already exists replaces only the fields the user
wrote, so a curator can add one synonym list without copying the whole theme; ``disabled = true``
removes a theme; a new ``id`` adds a theme. A family of ``[words]`` replaces the family of that name.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

Frame = Literal["prevention", "protection", "prosecution", "partnership"]
FRAMES: tuple[str, ...] = get_args(Frame)

_LIST_FIELDS = ("synonyms", "patterns", "relations", "exclude")
_TEXT_FIELDS = ("label", "description", "frame")
_KNOWN_KEYS = frozenset(("id", "disabled", *_TEXT_FIELDS, *_LIST_FIELDS))
_FAMILY_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and the theme."""

    exit_code = 2


@dataclass(frozen=True)
class Theme:
    """One theme.

    ``description`` is the theme's definition: what is in its scope and what is not. ``synonyms``
    are unambiguous phrases (always tag). ``patterns`` are contextual token patterns and
    ``relations`` dependency patterns over the parse (see ``graph.themes.tagger``); a word from
    ``exclude`` anywhere in the statement vetoes both: "sharing information" is data sharing between
    agencies, unless the statement is about leaflets or radio, where it is awareness raising.
    """

    id: str
    label: str
    description: str
    frame: Frame
    synonyms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """The themes, in order, and the named word families (``@name`` in a pattern or relation)."""

    themes: tuple[Theme, ...]
    words: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __iter__(self) -> Iterator[Theme]:
        return iter(self.themes)

    def __len__(self) -> int:
        return len(self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return any(t.id == theme_id for t in self.themes)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def get(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    @property
    def families(self) -> dict[str, tuple[str, ...]]:
        return dict(self.words)


def default_taxonomy_text() -> str:
    return resources.files("graph.themes").joinpath("taxonomy.toml").read_text(encoding="utf-8")


def load_taxonomy(overrides: Path | str | Sequence[Path | str] | None = None) -> Taxonomy:
    """The packaged taxonomy, then each user file in order (later files win)."""
    taxonomy = parse_taxonomy(default_taxonomy_text(), source="graph/themes/taxonomy.toml")
    if overrides is None:
        return taxonomy
    paths = [overrides] if isinstance(overrides, (str, Path)) else list(overrides)
    for path in paths:
        text = _read(Path(path))
        taxonomy = merge_taxonomy(taxonomy, _theme_tables(text, str(path)), source=str(path),
                                  words=_word_tables(text, str(path)))
    return taxonomy


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read theme file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise TaxonomyError(f"{path}: a theme file must be UTF-8 text (byte {exc.start} is not)") from None


def read_theme_tables(path: Path) -> list[dict[str, Any]]:
    return _theme_tables(_read(path), source=str(path))


def parse_taxonomy(text: str, source: str = "<string>") -> Taxonomy:
    """A complete taxonomy from TOML text: every theme must have all required fields."""
    return merge_taxonomy(Taxonomy(()), _theme_tables(text, source), source=source,
                          words=_word_tables(text, source))


def merge_taxonomy(base: Taxonomy, tables: Iterable[Mapping[str, Any]], source: str,
                   words: Mapping[str, tuple[str, ...]] | None = None) -> Taxonomy:
    families = {**dict(base.words), **(words or {})}
    themes: dict[str, Theme] = {t.id: t for t in base.themes}
    for table in tables:
        theme_id = _theme_id(table, source)
        if table.get("disabled", False):
            themes.pop(theme_id, None)
            continue
        if theme_id in themes:
            themes[theme_id] = replace(themes[theme_id], **_fields(table, source, theme_id))
        else:
            themes[theme_id] = _new_theme(table, source, theme_id)
    return Taxonomy(tuple(themes.values()), tuple(families.items()))


def _toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid TOML ({exc})") from exc


def _word_tables(text: str, source: str) -> dict[str, tuple[str, ...]]:
    """The ``[words]`` table: family name -> its words (each as a pattern word: ``word``, ``=form``)."""
    table = _toml(text, source).get("words", {})
    if not isinstance(table, dict):
        raise TaxonomyError(f"{source}: expected a [words] table of word lists")
    families: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        if not _FAMILY_NAME.match(name):
            raise TaxonomyError(f"{source}: word family {name!r}: use lowercase letters, digits and _")
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise TaxonomyError(f"{source}: word family {name!r} must be a non-empty list of strings")
        words = [v.strip() for v in value]
        if any(len(w.split()) > 1 or any(c in w for c in "|*?@") for w in words):
            raise TaxonomyError(f"{source}: word family {name!r}: each entry is one word (=form for exact)")
        families[name] = tuple(dict.fromkeys(words))
    return families


def _theme_tables(text: str, source: str) -> list[dict[str, Any]]:
    data = _toml(text, source)
    tables = data.get("theme", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise TaxonomyError(f"{source}: expected [[theme]] tables")
    return tables


def _theme_id(table: Mapping[str, Any], source: str) -> str:
    theme_id = table.get("id")
    if not isinstance(theme_id, str) or not theme_id.strip():
        raise TaxonomyError(f"{source}: a [[theme]] has no id")
    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        raise TaxonomyError(f"{source}: theme {theme_id!r} has unknown keys {sorted(unknown)}")
    return theme_id.strip()


def _fields(table: Mapping[str, Any], source: str, theme_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        if key in table:
            value = table[key]
            if not isinstance(value, str):
                raise TaxonomyError(f"{source}: theme {theme_id!r}: {key} must be a string")
            out[key] = value.strip()
    if "frame" in out and out["frame"] not in FRAMES:
        raise TaxonomyError(
            f"{source}: theme {theme_id!r}: frame {out['frame']!r} is not one of {', '.join(FRAMES)}"
        )
    for key in _LIST_FIELDS:
        if key in table:
            value = table[key]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise TaxonomyError(f"{source}: theme {theme_id!r}: {key} must be a list of strings")
            out[key] = tuple(dict.fromkeys(v.strip() for v in value))
    return out


def _new_theme(table: Mapping[str, Any], source: str, theme_id: str) -> Theme:
    values = _fields(table, source, theme_id)
    missing = [k for k in _TEXT_FIELDS if k not in values]
    if missing:
        raise TaxonomyError(f"{source}: new theme {theme_id!r} lacks {', '.join(missing)}")
    if not values.get("synonyms") and not values.get("patterns") and not values.get("relations"):
        raise TaxonomyError(f"{source}: theme {theme_id!r} has no synonyms, patterns or relations")
    return Theme(id=theme_id, **values)


def theme_to_toml(theme: Theme) -> str:
    """One ``[[theme]]`` table, in the format a user file takes."""
    lines = ["[[theme]]", f"id = {_toml_str(theme.id)}"]
    for f in fields(Theme):
        if f.name == "id":
            continue
        value = getattr(theme, f.name)
        if isinstance(value, tuple):
            if value:
                lines.append(f"{f.name} = [{', '.join(_toml_str(v) for v in value)}]")
        else:
            lines.append(f"{f.name} = {_toml_str(value)}")
    return "\n".join(lines) + "\n"


def taxonomy_to_toml(taxonomy: Taxonomy) -> str:
    """The whole taxonomy as one file: its ``[words]`` families, then every ``[[theme]]``."""
    lines = []
    if taxonomy.words:
        lines.append("[words]")
        lines += [f"{name} = [{', '.join(_toml_str(w) for w in words)}]" for name, words in taxonomy.words]
        lines.append("")
    return "\n".join(lines) + "\n".join(theme_to_toml(t) for t in taxonomy)


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
