"""Rows as aligned plain-text tables: the one renderer the CLI and the themes' text reports share."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import Any, Literal

from graph.export import cell_text

TableStyle = Literal["grid", "plain"]


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, style: TableStyle = "grid",
                 max_width: int | None = None) -> str:
    """Rows as an aligned text table (no trailing newline).

    ``grid`` (query results, stats): ``a | b`` over a ``--+--`` rule, every cell left-aligned and
    cut with "…" at ``max_width`` (default: a share of the terminal's width).
    ``plain`` (comparisons, the taxonomy): columns two spaces apart over a dashed rule, integer
    columns right-aligned, cut only when ``max_width`` is given.
    """
    grid = style == "grid"
    if max_width is None and grid:
        max_width = max(40, min(100, shutil.get_terminal_size((120, 20)).columns // max(1, len(columns))))
    cells = [[_cut(cell_text(v).replace("\n", " "), max_width) for v in row] for row in rows]
    widths = [max([len(str(col))] + [len(row[i]) for row in cells]) for i, col in enumerate(columns)]
    right = [not grid and bool(rows) and all(isinstance(row[i], int) for row in rows) for i in range(len(columns))]
    separator, rule_separator = (" | ", "-+-") if grid else ("  ", "  ")

    def line(values: Sequence[str]) -> str:
        aligned = (v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right, strict=True))
        return separator.join(aligned).rstrip()

    return "\n".join([line([str(c) for c in columns]), rule_separator.join("-" * w for w in widths),
                      *(line(row) for row in cells)])


def _cut(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
