"""Worst-case speed of de-identification: adversarial inputs vs ordinary clinical text of the same length.

    python scripts/bench_deid.py [--sizes 40000 1000000] [--no-model] [--model-sizes 40000] [--json]

Ordinary text is the bundled gold notes repeated up to N characters. For each adversarial input (see
:func:`medkg.nlp.deid_eval.adversarial_texts`) the script prints chars/s and the slowdown ``time(adversarial) /
time(ordinary)``; the target is a slowdown of at most 3 everywhere (near-linear time). Patterns only is always run;
with the spaCy model as well unless ``--no-model`` (``--model-sizes`` picks the sizes for that, since spaCy itself
runs at ~30k chars/s). ``--spacy-only`` also times the bare spaCy pipeline on the same inputs, to tell its cost
from ours.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()


def _time(fn, text: str, budget_s: float) -> float:
    """Seconds for one call (the fastest of as many as fit in ``budget_s``, at most 3)."""
    best = float("inf")
    spent = 0.0
    for _ in range(3):
        t = time.perf_counter()
        fn(text)
        dt = time.perf_counter() - t
        best = min(best, dt)
        spent += dt
        if spent > budget_s:
            break
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[40_000, 1_000_000])
    ap.add_argument("--model-sizes", type=int, nargs="+", default=None,
                    help="sizes for the with-model run (default: --sizes)")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--spacy-only", action="store_true", help="also time the bare spaCy pipeline")
    ap.add_argument("--only", nargs="+", default=None, help="adversarial input names to run")
    ap.add_argument("--budget", type=float, default=2.0, help="seconds of repeats per measurement")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    from medkg.kg.pseudonym import Pseudonymizer
    from medkg.nlp.deid import DeidConfig, Deidentifier
    from medkg.nlp.deid_eval import adversarial_texts, ordinary_text

    pseudo = Pseudonymizer(b"bench-deid-fixed-key-not-secret")
    runs: list[tuple[str, object, list[int]]] = [
        ("patterns", Deidentifier(DeidConfig(use_model=False), pseudonymizer=pseudo).deidentify, args.sizes)]
    if not args.no_model:
        model = Deidentifier(DeidConfig(use_model=True), pseudonymizer=pseudo)
        model.deidentify("Warm up the model.")
        runs.append(("model", model.deidentify, args.model_sizes or args.sizes))
        if args.spacy_only:
            nlp = model.nlp
            runs.append(("spacy-only", lambda t: list(nlp.pipe(_chunks(t))), args.model_sizes or args.sizes))
    results = []
    for label, fn, sizes in runs:
        for size in sizes:
            ordinary = ordinary_text(size)
            t_ord = _time(fn, ordinary, args.budget)
            row = {"run": label, "size": size, "ordinary_chars_per_s": size / t_ord, "inputs": {}}
            print(f"\n[{label}] {size:,} chars: ordinary {size / t_ord:,.0f} chars/s ({t_ord:.3f} s)", flush=True)
            for name, text in adversarial_texts(size).items():
                if args.only and name not in args.only:
                    continue
                t = _time(fn, text, args.budget)
                row["inputs"][name] = {"chars_per_s": size / t, "slowdown": t / t_ord}
                flag = "" if t / t_ord <= 3 else "   <-- over 3x"
                print(f"  {name:22} {size / t:>14,.0f} chars/s   slowdown {t / t_ord:6.2f}x{flag}", flush=True)
            results.append(row)
    if args.json:
        print(json.dumps(results, indent=2))
    worst = max((v["slowdown"] for r in results for v in r["inputs"].values()), default=0.0)
    print(f"\nworst slowdown: {worst:.2f}x")
    return 0


def _chunks(text: str, size: int = 100_000) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


if __name__ == "__main__":
    raise SystemExit(main())
