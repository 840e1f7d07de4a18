"""The package ships what the code reads: every package folder, the query library, the schema files."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))


def test_every_package_folder_is_listed() -> None:
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for top in ("graph", "web")
             for p in (REPO / top).rglob("__init__.py") if "__pycache__" not in p.parts}
    mapped = set(_pyproject()["tool"]["setuptools"]["package-dir"])
    assert listed == found | mapped


def test_the_library_is_the_top_level_cypher_folder() -> None:
    from importlib import resources

    assert _pyproject()["tool"]["setuptools"]["package-dir"]["graph.cypher"] == "cypher"
    assert Path(str(resources.files("graph.cypher"))).resolve() == (REPO / "cypher").resolve()
    assert not (REPO / "graph" / "cypher").exists(), "no second path to the library (the old symlink)"


def test_one_version() -> None:
    import graph

    project = _pyproject()["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert _pyproject()["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "graph.__version__"}
    assert graph.__version__.count(".") == 2


def test_licence_is_an_spdx_string_with_its_file() -> None:
    project = _pyproject()["project"]
    assert project["license"] == "Apache-2.0"
    assert "Apache License" in (REPO / project["license-files"][0]).read_text("utf-8")
