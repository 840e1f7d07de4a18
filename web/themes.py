"""``/themes``: the theme network with its filters; ``/themes/<id>``: one theme across consultations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, current_app, render_template

from graph.queries import api
from web import data, networks
from web.cache import cached
from web.store import get_store
from web.views import arg, arg_list, check_id

bp = Blueprint("themes", __name__)

# Statement-theme pairs fetched per node the view may show: enough to fill it, few enough to be quick.
ROWS_PER_NODE = 3
REPORT_MENU_MAX = 200
PER_STAGE = 50  # statements listed per country and stage on a theme page


@dataclass(frozen=True)
class Filters:
    themes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    report: str = ""

    @property
    def kinds(self) -> list[str]:
        """The statement kinds of the chosen stages; all five stages when none is chosen."""
        return [k for s in (self.stages or data.STAGES) for k in data.STAGES[s]]

    def active(self) -> bool:
        return bool(self.themes or self.countries or self.stages or self.report)


def filters_from_request() -> Filters:
    stages = arg_list("stage")
    unknown = [s for s in stages if s not in data.STAGES]
    if unknown:
        abort(400, f"unknown stage {unknown[0]!r}; use one of: {', '.join(data.STAGES)}")
    return Filters(tuple(arg_list("theme")), tuple(arg_list("country")), tuple(stages), arg("report"))


def network_for(store: Any, filters: Filters) -> dict[str, Any]:
    cap = int(current_app.config["NODE_CAP"])
    limit = cap * ROWS_PER_NODE
    rows = api.theme_network(store, filters.themes, filters.countries, filters.kinds, filters.report,
                             limit=limit).records()
    return networks.theme_network(rows, cap=cap, row_limit=limit)


@bp.get("/themes")
def network() -> str:
    store = get_store()
    filters = filters_from_request()
    graph = network_for(store, filters)
    index = cached(store, "report_index", {}, lambda: data.report_index(store))
    return render_template("themes.html", graph=graph, filters=filters,
                           themes=cached(store, "theme_labels", {}, lambda: data.theme_labels(store)),
                           countries=sorted({r["country"] for r in index if r["country"]}),
                           reports=index if len(index) <= REPORT_MENU_MAX else None, stages=list(data.STAGES),
                           colours=networks.STAGE_COLOURS, theme_colour=networks.THEME_COLOUR,
                           country_colour=networks.COUNTRY_COLOUR)


@bp.get("/themes/<theme_id>")
def theme(theme_id: str) -> str:
    store = get_store()
    check_id(theme_id, "theme")
    view = cached(store, "theme_view", {"theme": theme_id}, lambda: data.theme_view(store, theme_id))
    if view is None:
        abort(404, "no theme with that id is in the graph")
    return render_template("theme.html", view=view, stages=list(data.STAGES), kind_name=data.kind_name,
                           per_stage=PER_STAGE)
