"""Dictionary NER: medkg's matcher (:mod:`medkg.nlp.dictionary`) against spaCy's ``span_ruler`` on the bundled samples.

    python scripts/bench_dictionary.py [--repeats 5]

Both run in one process on the same tokens (the bundled notes and abstracts, ``kg/data/samples``). The span_ruler
gets every dictionary key as a phrase pattern matched on token norms, each token's norm set to
:func:`medkg.nlp.normalize.normalize_text` of its text (the matcher's own key form), and writes ``doc.ents`` with its
first-longest filter. Prints the best time of each, the ratio, and the spans only one of them finds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _texts() -> list[str]:
    out = []
    for name in ("notes.jsonl", "abstracts.jsonl"):
        with open(ROOT / "kg" / "data" / "samples" / name, encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    return out


def _best(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)

    import spacy

    from medkg.nlp.dictionary import DictionaryMatcher, merge_spans
    from medkg.nlp.normalize import Vocabulary, normalize_text

    matcher = DictionaryMatcher(Vocabulary.load())
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"phrase_matcher_attr": "NORM", "annotate_ents": True,
                                               "spans_key": None})
    ruler.add_patterns([{"label": label.value, "pattern": key} for key, (label, _) in matcher.keys.items()])
    texts = _texts()
    docs = [nlp.make_doc(t) for t in texts]

    def hand() -> list[set[tuple[int, int, str]]]:
        return [{(m.start_char, m.end_char, m.label.value) for m in merge_spans([], matcher.match_doc(d))}
                for d in docs]

    def span_ruler() -> list[set[tuple[int, int, str]]]:
        out = []
        for d in docs:
            d.ents = []
            for tok in d:
                tok.norm_ = normalize_text(tok.text)
            out.append({(e.start_char, e.end_char, e.label_) for e in ruler(d).ents})
        return out

    t_hand, t_ruler = _best(hand, args.repeats), _best(span_ruler, args.repeats)
    a, b = hand(), span_ruler()
    only_hand = [(t[s:e], lab) for t, x, y in zip(texts, a, b) for s, e, lab in sorted(x - y)]
    only_ruler = [(t[s:e], lab) for t, x, y in zip(texts, a, b) for s, e, lab in sorted(y - x)]
    n_hand = sum(map(len, a))
    print(f"{len(texts)} documents, {len(matcher.keys)} dictionary keys")
    print(f"hand-written matcher {1000 * t_hand:8.1f} ms  {n_hand} spans")
    print(f"span_ruler           {1000 * t_ruler:8.1f} ms  {sum(map(len, b))} spans  "
          f"(x{t_ruler / t_hand:.2f} the time)")
    print(f"only the matcher finds {len(only_hand)}: {only_hand[:12]}")
    print(f"only span_ruler finds {len(only_ruler)}: {only_ruler[:12]}")


if __name__ == "__main__":
    main()
