"""The ingest service: report files in, the graph store updated, one outcome per report out.

The CLI (``gmsgraph ingest``) and the web upload both call :func:`ingest_paths`; neither holds the
loop, the tallies or the theme sync. A report that cannot be read or understood is a
``FAILED`` outcome with its reason and leaves the graph as it was; the other reports still run.
A store failure (unreachable server...) is not a report's fault: it raises ``StoreError``.

    summary = ingest_paths(paths, store, IngestOptions(themes_file="my_themes.toml"),
                           progress=lambda outcome: print(outcome.outcome, outcome.path))
"""

from __future__ import annotations

import enum
import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.ingest.errors import IngestError
from graph.store import Outcome, Store, WriteResult

if TYPE_CHECKING:
    from graph.themes import Taxonomy, ThemeTagger


class IngestOutcome(enum.StrEnum):
    """What happened to one report; the first three are the store's own ``Outcome`` values."""

    NEW = Outcome.NEW.value
    REPLACED = Outcome.REPLACED.value
    UNCHANGED = Outcome.UNCHANGED.value
    FAILED = "failed"


@dataclass(frozen=True)
class IngestOptions:
    model: str | None = None  # spaCy package name; None: the default model
    themes_file: str | None = None  # a TOML taxonomy that extends or overrides the built-in one
    max_bytes: int | None = None  # refuse larger files; None: the reader's default (or $GMSGRAPH_MAX_BYTES)


@dataclass(frozen=True)
class ReportOutcome:
    """One report's outcome: the store's ``WriteResult``, or the reason it failed."""

    path: Path
    outcome: IngestOutcome
    result: WriteResult | None = None
    error: str | None = None

    @property
    def changed_graph(self) -> bool:
        return self.outcome in (IngestOutcome.NEW, IngestOutcome.REPLACED)


@dataclass(frozen=True)
class IngestSummary:
    outcomes: tuple[ReportOutcome, ...]
    themes_synced: bool  # theme nodes were refreshed (a report new, replaced or recovered; a label missing)

    def count(self, outcome: IngestOutcome) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome)

    def counts(self) -> dict[IngestOutcome, int]:
        """Every outcome, zeros included, in the order new, replaced, unchanged, failed."""
        return {outcome: self.count(outcome) for outcome in IngestOutcome}

    @property
    def failed(self) -> tuple[ReportOutcome, ...]:
        return tuple(o for o in self.outcomes if o.outcome is IngestOutcome.FAILED)


Progress = Callable[[ReportOutcome], None]


def check_options(options: IngestOptions) -> None:
    """Raise now what the options would raise later (``TaxonomyError`` for a bad themes file),
    so a caller can refuse them before it opens a store or touches a report."""
    from graph.themes import load_taxonomy

    load_taxonomy(options.themes_file)


def ingest_paths(paths: Iterable[Path], store: Store, options: IngestOptions | None = None,
                 progress: Progress | None = None) -> IngestSummary:
    """Ingest each report in turn, calling ``progress`` once per report as soon as it is done.

    First, work a killed writer left half done is finished or undone (so no shortcut trusts it).
    After the last report, the theme nodes are synced with the taxonomy used for tagging (label,
    frame, description) when any report was new, replaced or recovered, or a theme lacks its label.
    """
    from graph.themes.store_ops import has_unlabelled_themes, sync_themes

    recovered = store.recover()
    ingester = Ingester(store, options)
    outcomes: list[ReportOutcome] = []
    for path in paths:
        outcome = ingester.outcome(Path(path))
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    synced = bool(recovered) or any(o.changed_graph for o in outcomes) or has_unlabelled_themes(store)
    if synced:
        sync_themes(store, ingester.taxonomy)
    return IngestSummary(tuple(outcomes), synced)


class Ingester:
    """Ingest one report at a time into ``store``, deciding before doing the work.

    A file whose bytes were ingested before (sha256 of the raw file, stored on its Report) is
    unchanged without being read or cleaned; otherwise the file is read and cleaned, and a
    cosmetic change that cleans to the same text (same content hash) is still unchanged and never
    reaches spaCy, which is most of the cost of ingesting a report. The model loads on first real
    need, unless one is given.
    """

    def __init__(self, store: Store, options: IngestOptions | None = None, *, nlp: Any = None) -> None:
        self.store = store
        self.options = options or IngestOptions()
        self._nlp = nlp
        self._tagger: ThemeTagger | None = None

    def __call__(self, path: Path) -> WriteResult:
        """Write one report; raises ``IngestError`` (the graph untouched) when it cannot be ingested."""
        from graph.contract import content_hash
        from graph.ingest.clean import clean
        from graph.ingest.read import read_document

        path = Path(path)
        digest = file_sha256(path)
        if digest is not None:
            known = self.store.find_file(digest)
            if known is not None:
                return WriteResult(Outcome.UNCHANGED, known, path.name)
        cleaned = clean(read_document(path, max_bytes=self.options.max_bytes))  # the clear error for a bad file
        report_id = content_hash(cleaned.text)
        if self.store.has_report(report_id):
            return WriteResult(Outcome.UNCHANGED, report_id, path.name)
        from graph.ingest.pipeline import extract_clean

        nlp, tagger = self._pipeline()
        return self.store.write_report(extract_clean(path, cleaned, nlp, tagger), file_sha256=digest)

    def outcome(self, path: Path) -> ReportOutcome:
        """:meth:`__call__`, with a report's failure as a ``FAILED`` outcome instead of an exception."""
        try:
            result = self(path)
        except IngestError as exc:
            return ReportOutcome(path, IngestOutcome.FAILED, error=exc.reason)
        return ReportOutcome(path, IngestOutcome(result.outcome.value), result=result)

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy reports are tagged with (loaded without the model when none was tagged yet)."""
        if self._tagger is not None:
            return self._tagger.taxonomy
        from graph.themes import load_taxonomy

        return load_taxonomy(self.options.themes_file)

    def _pipeline(self) -> tuple[Any, ThemeTagger]:
        from graph.ingest.pipeline import default_tagger

        if self._nlp is None:
            from graph.ingest.nlp import load_nlp

            self._nlp = load_nlp(self.options.model)
        if self._tagger is None:
            self._tagger = default_tagger(self._nlp, self.options.themes_file)
        return self._nlp, self._tagger


def file_sha256(path: Path) -> str | None:
    """sha256 of a file's raw bytes, or None when it cannot be read (``read_document`` then says why).

    Only a regular file is hashed: opening a FIFO or reading a device would block or never end."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None
