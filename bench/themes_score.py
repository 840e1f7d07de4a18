"""Score the theme tagger alone against annotated theme mentions, per theme and per report set.

    python bench/themes_score.py [GOLD_DIR_OR_FILE ...] [--errors THEME] [--taxonomy FILE] [--base FILE]

Each gold file (format 2) lists every statement of a report (``statements``) and, per theme, the
statement texts that mention it (``theme_mentions``). The gold statements are phrase-level, so to
measure the tagger independently of the extractor every distinct statement text is parsed on its
own with the project's model (``graph.ingest.nlp.load_model()``) and tagged. Per theme:

    recall    = gold mentions tagged with the theme / gold mentions
    precision = tagged statements that are gold mentions / statements tagged with the theme

Only the themes a file annotates are scored on it (a report's other themes are not annotated).
Each directory (or file) given is one report set with its own table; ``--errors`` prints the
missed and the wrongly tagged statements of one theme (use it on the development set only).
``--base`` scores another complete taxonomy instead of the packaged one, e.g. an earlier version
for a before/after table: ``git show HEAD~1:graph/themes/taxonomy.toml > /tmp/old.toml``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from graph.ingest.nlp import load_model
from graph.themes.tagger import ThemeTagger
from graph.themes.taxonomy import load_taxonomy, merge_taxonomy, parse_taxonomy, read_theme_tables

# Format-2 gold with theme_mentions (the v1 folder has none).
DEFAULT_SETS = [Path(__file__).resolve().parents[1] / "tests" / "gold"]


def gold_files(source: Path) -> list[Path]:
    return sorted(source.glob("*.json")) if source.is_dir() else [source]


def load_gold(path: Path) -> tuple[list[str], dict[str, set[str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = sorted({s["text"] for s in data["statements"]})
    mentions = {theme: set(found) for theme, found in data.get("theme_mentions", {}).items()}
    return texts, mentions


def score_set(files: list[Path], tagger: ThemeTagger, errors: str | None) -> tuple[dict, int, float]:
    """Per theme: [true positives, gold mentions, tagged]; the statements scored; the seconds spent."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    statements = 0
    spent = 0.0
    for path in files:
        texts, mentions = load_gold(path)
        statements += len(texts)
        started = time.perf_counter()
        tagged = {text: {t.id: t.evidence for t in tagger.tag(doc)}
                  for text, doc in zip(texts, tagger.nlp.pipe(texts), strict=True)}
        spent += time.perf_counter() - started
        for theme, gold in mentions.items():
            hits = {text for text, tags in tagged.items() if theme in tags}
            row = counts[theme]
            row[0] += len(hits & gold)
            row[1] += len(gold)
            row[2] += len(hits)
            if theme == errors:
                for text in sorted(gold - hits):
                    print(f"  MISS  {path.stem}: {text}")
                for text in sorted(hits - gold):
                    print(f"  FALSE {path.stem}: {text}  [{tagged[text][theme]}]")
    return counts, statements, spent


def print_table(name: str, counts: dict, statements: int, spent: float) -> None:
    print(f"\n{name}: {statements} statements, tagged in {spent:.2f} s (parse included)")
    print(f"{'theme':24} {'gold':>5} {'tagged':>6} {'hit':>5} {'recall':>7} {'precision':>9}")
    for theme in sorted(counts):
        hit, gold, tagged = counts[theme]
        recall = hit / gold if gold else float("nan")
        precision = hit / tagged if tagged else float("nan")
        flag = "" if recall >= 0.9 and precision >= 0.85 else "  <"
        print(f"{theme:24} {gold:5} {tagged:6} {hit:5} {recall:7.2f} {precision:9.2f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--errors", metavar="THEME", help="print the misses and false tags of THEME")
    parser.add_argument("--taxonomy", type=Path, help="a user themes file applied over the packaged one")
    parser.add_argument("--base", type=Path, help="a complete taxonomy to score instead of the packaged one")
    args = parser.parse_args()

    nlp = load_model()
    if args.base:
        taxonomy = parse_taxonomy(args.base.read_text(encoding="utf-8"), source=str(args.base))
        if args.taxonomy:
            taxonomy = merge_taxonomy(taxonomy, read_theme_tables(args.taxonomy), source=str(args.taxonomy))
    else:
        taxonomy = load_taxonomy(args.taxonomy)
    tagger = ThemeTagger(nlp, taxonomy)
    for source in args.sets:
        counts, statements, spent = score_set(gold_files(source), tagger, args.errors)
        print_table(str(source), counts, statements, spent)


if __name__ == "__main__":
    main()
