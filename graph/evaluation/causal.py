"""The causal test set: sentences with their cause→effect pairs, and the finder's score on it.

    python -m graph.evaluation.causal [--set tests/causal/causal_set.jsonl] [--json] [--misses N]
    python bench/causal_score.py ...            (the same, from any directory)

``tests/causal/causal_set.jsonl`` holds one JSON object per line::

    {"id": "c001", "text": "<one sentence, or two for an anaphoric cue>",
     "family": "<cue family, see CUE_FAMILIES>",
     "pairs": [{"cause": "<phrase of text>", "effect": "<phrase of text>"}],   # [] = a negative
     "note": "<optional: the trap it sets>"}

The extractor's causal-link finder is run on each sentence (:func:`extractor_finder`, the one
place that knows how to call it) and its (cause, effect) phrases are compared with the gold
pairs of the sentence, one to one:

* **found** (the figure the target is about): both ends match their gold phrase under the phrase
  rule (:func:`graph.evaluation.match.phrase_match`); an end that spans another gold phrase of
  the sentence (the whole host clause, an enumeration, the next link of a chain) does not match;
* **reversed** (a direction error): not found, but a predicted pair has the ends swapped;
* **loose**: each end overlaps its phrase (:func:`graph.evaluation.match.overlaps`), shown
  beside, never instead;
* precision: predicted pairs that are a found gold pair, over all predicted pairs (a pair
  predicted on a negative sentence is a false positive).

The scoring is pure (:func:`score_causal` takes any finder); only :func:`extractor_finder`
imports the extractor, and only when called, so importing this module does not import
``graph.ingest``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.evaluation.match import THRESHOLD, overlaps, phrase_match
from graph.evaluation.normalise import normalise

# A cause→effect pair as two phrases of the sentence.
Pair = tuple[str, str]
Finder = Callable[[str], Sequence[Pair]]

DEFAULT_SET = Path("tests") / "causal" / "causal_set.jsonl"
MIN_SENTENCES = 150
MIN_NEGATIVES = 30
# The cue families of issue 9 (and the cues the extractor already read), as the set labels them.
CUE_FAMILIES: dict[str, str] = {
    "leads_to": "leads to, led to, 'has led X' without 'to'",
    "results_in": "results in, resulting in, as a result, as a result of which, with the result that",
    "due_to": "due to, 'X, due to which Y', 'X is due to Y'",
    "because": "because, because of",
    "causes": "causes, causing, caused by (also post-nominal: 'delays caused by X')",
    "trigger": "trigger(ed)",
    "spark": "spark(ed)",
    "prompt": "prompt(ed)",
    "drives": "drive(s), is driven by, driving force behind",
    "stems_from": "stems from, arises from",
    "contributes_to": "contributes to, contributing to",
    "fuels": "fuel(s), fuelled by",
    "creates": "create(s)",
    "leave_resultative": "resultative leave/left ('left families in debt')",
    "since": "causal since",
    "thus": "thus",
    "hence": "hence",
    "so_that": "so, so ... that (result, not purpose)",
    "therefore": "therefore",
    "result_of": "the result/outcome of",
    "thanks_to": "thanks to",
    "one_of_the_triggers": "one of the triggers for",
    "which_in_turn": "which in turn",
    "push_factor": "push factor",
    "main_cause_of": "the main cause of",
    "consequence": "as a consequence, the consequence of",
}
_ID = re.compile(r"^c\d{3,}$")
_KEYS = frozenset({"id", "text", "family", "pairs", "note"})


class CausalSetError(ValueError):
    """A causal set that cannot be read."""


@dataclass(frozen=True)
class CausalItem:
    id: str
    text: str
    family: str
    pairs: tuple[Pair, ...]
    note: str = ""
    extra_keys: tuple[str, ...] = ()  # keys of the line that the format does not know

    @property
    def negative(self) -> bool:
        return not self.pairs


def parse_item(data: Any, where: str = "item") -> CausalItem:
    """One line of the set; CausalSetError when it is not an item at all."""
    if not isinstance(data, dict):
        raise CausalSetError(f"{where}: not a JSON object")
    pairs = data.get("pairs")
    if not isinstance(pairs, list) or not all(isinstance(p, dict) for p in pairs):
        raise CausalSetError(f"{where}: pairs is not a list of objects")
    return CausalItem(
        id=str(data.get("id", "")),
        text=str(data.get("text", "")),
        family=str(data.get("family", "")),
        pairs=tuple((str(p.get("cause", "")), str(p.get("effect", ""))) for p in pairs),
        note=str(data.get("note", "") or ""),
        extra_keys=tuple(sorted(set(data) - _KEYS)),
    )


def load_causal_set(path: Path) -> list[CausalItem]:
    """Every non-blank line of a JSONL causal set, in order."""
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CausalSetError(f"{path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CausalSetError(f"{path}:{number}: {exc}") from exc
        items.append(parse_item(data, f"{path}:{number}"))
    return items


def item_problems(item: CausalItem) -> list[str]:
    """How one item breaks the set's rules; [] if it does not."""
    where = item.id or "(no id)"
    problems = []
    if not _ID.match(item.id):
        problems.append(f"{where}: id is not cNNN")
    if item.family not in CUE_FAMILIES:
        problems.append(f"{where}: unknown cue family {item.family!r}")
    if not item.text.strip() or " ".join(item.text.split()) != item.text:
        problems.append(f"{where}: text empty or whitespace not collapsed")
    if item.extra_keys:
        problems.append(f"{where}: unknown keys {list(item.extra_keys)}")
    for cause, effect in item.pairs:
        for role, phrase in (("cause", cause), ("effect", effect)):
            if not phrase.strip() or phrase not in item.text:
                problems.append(f"{where}: {role} {phrase!r} does not occur in the sentence")
        if normalise(cause) == normalise(effect):
            problems.append(f"{where}: cause and effect are the same phrase {cause!r}")
    if len(set(item.pairs)) != len(item.pairs):
        problems.append(f"{where}: a pair is listed twice")
    return problems


def set_problems(
    items: Sequence[CausalItem],
    *,
    min_sentences: int = MIN_SENTENCES,
    min_negatives: int = MIN_NEGATIVES,
    families: Iterable[str] = CUE_FAMILIES,
) -> list[str]:
    """How the whole set breaks its rules (items included); [] if it does not.

    At least `min_sentences` sentences and `min_negatives` negatives, unique ids, and every
    cue family with at least one positive sentence and at least two sentences.
    """
    problems = [p for item in items for p in item_problems(item)]
    if len(items) < min_sentences:
        problems.append(f"only {len(items)} sentences (at least {min_sentences})")
    negatives = sum(item.negative for item in items)
    if negatives < min_negatives:
        problems.append(f"only {negatives} negatives (at least {min_negatives})")
    seen: dict[str, int] = {}
    for item in items:
        seen[item.id] = seen.get(item.id, 0) + 1
    problems += [f"id {i} is used {n} times" for i, n in seen.items() if n > 1]
    for family in families:
        members = [item for item in items if item.family == family]
        if not any(not item.negative for item in members):
            problems.append(f"cue family {family} has no sentence with a pair")
        if len(members) < 2:
            problems.append(f"cue family {family} has {len(members)} sentence(s) (at least 2)")
    return problems


# --- scoring --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    """The finder on one sentence."""

    item: CausalItem
    predicted: tuple[Pair, ...]
    found: tuple[bool, ...]  # per gold pair: both ends the phrase
    loose: tuple[bool, ...]  # per gold pair: each end overlaps
    reversed: tuple[bool, ...]  # per gold pair: not found, but predicted with the ends swapped
    right: int  # predicted pairs that are a found gold pair


@dataclass(frozen=True)
class CausalCounts:
    sentences: int = 0
    negatives: int = 0
    negatives_with_pair: int = 0  # negative sentences where the finder predicted a pair
    gold: int = 0
    predicted: int = 0
    found: int = 0
    loose: int = 0
    reversed: int = 0
    right: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def loose_recall(self) -> float | None:
        return self.loose / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.right / self.predicted if self.predicted else None

    @property
    def direction_error_rate(self) -> float | None:
        """Direction errors over the gold pairs."""
        return self.reversed / self.gold if self.gold else None

    @property
    def reversed_share(self) -> float | None:
        """Direction errors over the pairs found in either direction."""
        either = self.found + self.reversed
        return self.reversed / either if either else None

    def __add__(self, other: CausalCounts) -> CausalCounts:
        return CausalCounts(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: getattr(self, f) for f in self.__dataclass_fields__}
        out.update(
            recall=self.recall,
            precision=self.precision,
            direction_error_rate=self.direction_error_rate,
            reversed_share_of_found=self.reversed_share,
            loose_recall=self.loose_recall,
        )
        return out


def _counts(r: ItemResult) -> CausalCounts:
    return CausalCounts(
        sentences=1,
        negatives=int(r.item.negative),
        negatives_with_pair=int(r.item.negative and bool(r.predicted)),
        gold=len(r.item.pairs),
        predicted=len(r.predicted),
        found=sum(r.found),
        loose=sum(r.loose),
        reversed=sum(r.reversed),
        right=r.right,
    )


@dataclass(frozen=True)
class CausalScore:
    results: tuple[ItemResult, ...] = ()
    total: CausalCounts = CausalCounts()
    families: dict[str, CausalCounts] = field(default_factory=dict)

    def as_dict(self, misses: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "total": self.total.as_dict(),
            "families": {k: v.as_dict() for k, v in self.families.items()},
        }
        if misses:
            out["misses"] = [
                {
                    "id": r.item.id,
                    "text": r.item.text,
                    "gold": [list(p) for p in r.item.pairs],
                    "predicted": [list(p) for p in r.predicted],
                }
                for r in self.results
                if not all(r.found) or r.right < len(r.predicted)
            ]
        return out


def _blockers(item: CausalItem) -> dict[str, frozenset[str]]:
    """Per gold phrase of a sentence, the sentence's other gold phrases (whatever their length)."""
    phrases = {normalise(p) for pair in item.pairs for p in pair} - {""}
    return {p: frozenset(phrases - {normalise(p)}) for pair in item.pairs for p in pair}


def score_item(item: CausalItem, predicted: Sequence[Pair], threshold: float = THRESHOLD) -> ItemResult:
    """One sentence: gold pairs and predicted pairs paired one to one, in gold order."""
    blockers = _blockers(item)

    def strict(gold: Pair, pred: Pair) -> bool:
        return all(phrase_match(g, p, threshold, blockers[g]) for g, p in zip(gold, pred, strict=True))

    def loose(gold: Pair, pred: Pair) -> bool:
        return all(overlaps(g, p, threshold) for g, p in zip(gold, pred, strict=True))

    preds = [(str(c or ""), str(e or "")) for c, e in predicted]
    used: set[int] = set()
    found, reversed_ = [], []
    for gold in item.pairs:
        j = next((j for j, p in enumerate(preds) if j not in used and strict(gold, p)), None)
        if j is not None:
            used.add(j)
        found.append(j is not None)
    for gold, hit in zip(item.pairs, found, strict=True):
        reversed_.append(not hit and any(strict(gold, (p[1], p[0])) for j, p in enumerate(preds) if j not in used))
    loose_found = [any(loose(gold, p) for p in preds) for gold in item.pairs]
    return ItemResult(item, tuple(preds), tuple(found), tuple(loose_found), tuple(reversed_), len(used))


def score_causal(items: Sequence[CausalItem], finder: Finder, threshold: float = THRESHOLD) -> CausalScore:
    """Run `finder` on every sentence and add up, in total and per cue family."""
    results = tuple(score_item(item, finder(item.text), threshold) for item in items)
    families: dict[str, CausalCounts] = {}
    for r in results:
        families[r.item.family] = families.get(r.item.family, CausalCounts()) + _counts(r)
    total = sum((_counts(r) for r in results), CausalCounts())
    return CausalScore(results, total, dict(sorted(families.items())))


# --- the extractor ----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'])")
FINDER_DESCRIPTION = (
    "graph.ingest.causal.split_causal(sentence, causal_verbs=...) on each sentence of the item; "
    "an anaphoric cause ('As a result, ...') is the sentence before"
)


def extractor_finder(causal_verbs: bool = True) -> Finder:
    """The extractor's causal-link finder on one sentence (or two, for an anaphoric cue).

    The one adapter between the set and the extractor: it calls
    ``graph.ingest.causal.split_causal(sentence, causal_verbs=causal_verbs)`` (cue verbs such as
    "fuels" or "creates" are read when `causal_verbs`, as in a problem tree), and returns each
    pair's clause texts. As the extractor does with the statement before, an anaphoric cause
    ("As a result, Y", "This leads to Y") is the previous sentence, without its full stop. When
    the finder's interface changes, change this function only.
    """
    module = importlib.import_module("graph.ingest.causal")
    split: Callable[..., Any] = module.split_causal

    def find(text: str) -> list[Pair]:
        out: list[Pair] = []
        previous = ""
        for sentence in _SENTENCE_END.split(text):
            for pair in split(sentence, causal_verbs=causal_verbs):
                ends = []
                for clause in (pair.cause, pair.effect):
                    ends.append(previous if clause.anaphoric else sentence[clause.start : clause.end])
                out.append((ends[0], ends[1]))
            previous = sentence.rstrip().rstrip(".")
        return out

    return find


def parse_finder() -> Finder:
    """The dependency reader that extraction uses (``graph.ingest.extract.phrases.text_pairs`` on the
    project's spaCy pipeline): each sentence parsed once, both ends of a pair as phrases."""
    nlp = importlib.import_module("graph.ingest.nlp").load_nlp()
    text_pairs: Callable[..., Any] = importlib.import_module("graph.ingest.extract.phrases").text_pairs

    def find(text: str) -> list[Pair]:
        return [(cause, effect) for cause, effect, _ in text_pairs(nlp, text)]

    return find


# --- output -------------------------------------------------------------------------------------------


def _rate(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def render(score: CausalScore, set_path: str, finder: str, misses: int = 0) -> str:
    t = score.total
    out = [
        f"causal test set: {set_path}: {t.sentences} sentences ({t.sentences - t.negatives} with pairs, "
        f"{t.negatives} negatives), {t.gold} gold pairs\n",
        f"finder: {finder}\n",
        f"pairs, both ends the phrase: recall {_rate(t.recall)} ({t.found}/{t.gold})  "
        f"precision {_rate(t.precision)} ({t.right}/{t.predicted})\n",
        f"direction errors (pair found reversed): {t.reversed}  = {_rate(t.direction_error_rate)} of gold pairs, "
        f"{_rate(t.reversed_share)} of pairs found either way\n",
        f"LOOSE (each end overlaps its phrase, whole clauses count): recall {_rate(t.loose_recall)} "
        f"({t.loose}/{t.gold})\n",
        f"negative sentences with a pair predicted: {t.negatives_with_pair}/{t.negatives}\n",
        "\nper cue family:\n",
        f"{'family':20} {'sent':>4} {'neg':>4} {'gold':>4} {'found':>5} {'R':>6} {'pred':>4} {'P':>6} "
        f"{'rev':>4} {'loose':>5} {'neg+':>4}\n",
    ]
    for family, c in score.families.items():
        out.append(
            f"{family:20} {c.sentences:4d} {c.negatives:4d} {c.gold:4d} {c.found:5d} {_rate(c.recall):>6} "
            f"{c.predicted:4d} {_rate(c.precision):>6} {c.reversed:4d} {c.loose:5d} {c.negatives_with_pair:4d}\n"
        )
    shown = [r for r in score.results if not all(r.found) or r.right < len(r.predicted)][:misses]
    if shown:
        out.append(f"\nfirst {len(shown)} sentences with a miss or a wrong pair:\n")
        for r in shown:
            out.append(f"  {r.item.id} [{r.item.family}] {r.item.text}\n")
            out += [f"      gold  {c!r} -> {e!r}\n" for c, e in r.item.pairs]
            out += [f"      pred  {c!r} -> {e!r}\n" for c, e in r.predicted]
    return "".join(out)


def main(argv: Sequence[str] | None = None, *, root: Path | None = None, prog: str | None = None) -> int:
    """Score the extractor's causal-link finder on the causal test set; 2 on a broken set."""
    root = Path.cwd() if root is None else root
    ap = argparse.ArgumentParser(
        prog=prog or "python -m graph.evaluation.causal",
        description="Recall, precision and direction errors of the extractor's causal-link finder "
        "on the causal test set (both ends as phrases).",
    )
    ap.add_argument("--set", type=Path, default=root / DEFAULT_SET, help="the JSONL causal set")
    ap.add_argument("--json", action="store_true", help="print machine-readable figures")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="list the first N sentences with a miss")
    ap.add_argument(
        "--no-causal-verbs",
        action="store_true",
        help="do not read verbs such as 'fuels', 'creates' as cues (the finder's mode outside problem trees)",
    )
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="similarity threshold, 0-100 (default 80)")
    ap.add_argument("--reader", choices=("parse", "strings"), default="parse",
                    help="parse: the dependency reader extraction uses (default); strings: the cue splitter "
                    "used without a parser")
    args = ap.parse_args(argv)
    try:
        items = load_causal_set(args.set)
    except CausalSetError as exc:
        ap.error(str(exc))
    broken = [p for item in items for p in item_problems(item)]
    if broken:
        ap.error("the causal set breaks its rules: " + "; ".join(broken[:5]))
    causal_verbs = not args.no_causal_verbs
    if args.reader == "parse":
        score = score_causal(items, parse_finder(), args.threshold)
        finder = "graph.ingest.extract.phrases.text_pairs (the dependency parse)"
    else:
        score = score_causal(items, extractor_finder(causal_verbs), args.threshold)
        finder = FINDER_DESCRIPTION.replace("causal_verbs=...", f"causal_verbs={causal_verbs}")
    if args.json:
        print(json.dumps({"set": str(args.set), "finder": finder, **score.as_dict()}, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render(score, str(args.set), finder, args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
