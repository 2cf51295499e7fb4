"""Score medkg's rule-based assertion (:mod:`medkg.nlp.context`) on sentences with a gold condition span.

Usage: ``python scripts/eval_assertion.py [FILE ...] [--errors] [--no-past-history-sections] [--found]``

FILE (default ``tests/nlp/data/assertion_dev.jsonl``) holds one JSON object a line:
``{"text": ..., "condition": <phrase occurring verbatim in text>, "assertion": <label>, "section": <optional header>}``.
The first occurrence of ``condition`` is the mention. With a ``section``, the text is judged as the note
``"SECTION:\\n" + text`` (the header line is a sentence of its own, as the pipeline's sentence splitter makes it), so
the section defaults of :mod:`medkg.nlp.context` apply. Prints per-class precision/recall/F1 and accuracy.

``--found`` instead runs the whole extraction pipeline (NER, dictionary, linker; no relations) on each sentence and
prints the share of gold conditions it finds at all: a linked mention overlapping the condition, what assertion
needs before it can be right end to end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from medkg.kg.schema import Assertion  # noqa: E402
from medkg.nlp.context import ConText  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "data" / "assertion_dev.jsonl"


def condition_span(row: dict) -> tuple[int, int]:
    """The gold condition's offsets in the row's text: its first occurrence."""
    start = row["text"].find(row["condition"])
    if start < 0:
        raise ValueError(f"condition {row['condition']!r} does not occur in its text {row['text']!r}")
    return start, start + len(row["condition"])


def predict(ctx: ConText, row: dict) -> Assertion:
    text = row["text"]
    start, end = condition_span(row)
    section = row.get("section")
    if section:
        head = f"{section}:\n"
        note = head + text
        return ctx.assert_in_text(note, [(0, len(head)), (len(head), len(note))],
                                  [(len(head) + start, len(head) + end)])[0]
    return ctx.assert_spans(text, [(start, end)])[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--errors", action="store_true", help="list the misclassified sentences")
    ap.add_argument("--no-past-history-sections", action="store_true",
                    help="leave mentions under PMH/PSH headers present unless a cue says otherwise "
                         "(ConText(past_history_sections=False))")
    ap.add_argument("--found", action="store_true",
                    help="the share of gold conditions the whole pipeline finds (a linked mention overlapping them)")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for f in args.file for line in Path(f).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if not rows:
        ap.error(f"no sentences in {', '.join(args.file)}")
    if args.found:
        return found(rows, args.errors)
    ctx = ConText(past_history_sections=not args.no_past_history_sections)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors = []
    for row in rows:
        gold, pred = row["assertion"], predict(ctx, row).value
        if gold == pred:
            tp[gold] += 1
        else:
            fp[pred] += 1
            fn[gold] += 1
            errors.append((gold, pred, row))
    print(f"{'class':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
    for a in Assertion:
        c = a.value
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{c:<14}{p:7.3f}{r:7.3f}{f:7.3f}{tp[c] + fn[c]:6d}")
    print(f"accuracy {sum(tp.values()) / len(rows):.3f} ({sum(tp.values())}/{len(rows)})")
    if args.errors:
        for gold, pred, row in errors:
            sec = f" [{row['section']}]" if row.get("section") else ""
            print(f"gold={gold:<12} pred={pred:<12} {row['condition']!r:<32} {row['text']}{sec}")
    return 0


def found(rows: list[dict], errors: bool = False) -> int:
    from medkg.nlp.pipeline import Pipeline

    nlp = Pipeline.default(relations=False).nlp
    hits = 0
    for row, doc in zip(rows, nlp.pipe(row["text"] for row in rows)):
        start, end = condition_span(row)
        hit = any(e.start_char < end and start < e.end_char and e._.concept is not None for e in doc.ents)
        hits += hit
        if errors and not hit:
            print(f"not found: {row['condition']!r:<32} {row['text']}")
    print(f"conditions found {hits / len(rows):.3f} ({hits}/{len(rows)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
