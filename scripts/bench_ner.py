#!/usr/bin/env python
"""NER throughput (sentences/s) on CPU, as ratios against fp32 one-sentence-at-a-time in the same process.

    PYTHONPATH=. python scripts/bench_ner.py [--sentences devel.tsv] [--n 1000] [--threads 2]

``--sentences`` takes an IOB file (sentences rebuilt from tokens, as ``medkg nlp evaluate`` does) or a plain text
file with one sentence per line; without it, bundled synthetic literature-style sentences are used. With an IOB
file the script also scores fp32 and int8 models on it, so the speed of quantization is weighed against its F1.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()

import torch  # noqa: E402

from medkg.nlp.evaluate import IobSentence, evaluate_ner, read_iob  # noqa: E402
from medkg.nlp.ner import TransformerNER  # noqa: E402

_SYNTHETIC = [
    "Aspirin reduced the risk of myocardial infarction in patients with stable angina.",
    "Cisplatin-induced nephrotoxicity was attenuated by pretreatment with magnesium sulfate in rats.",
    "Two patients developed severe hepatotoxicity after 6 weeks of treatment with isoniazid and rifampicin.",
    "The incidence of tardive dyskinesia was higher among patients receiving haloperidol than clozapine.",
    "Intravenous lidocaine did not prevent ventricular fibrillation during acute myocardial ischemia.",
    "We describe a case of rhabdomyolysis and acute renal failure associated with simvastatin therapy.",
    "Chronic administration of doxorubicin caused dose-dependent cardiomyopathy in the treated group.",
    "Serum levels of creatinine and urea nitrogen increased significantly after gentamicin exposure.",
    "Patients with Parkinson's disease treated with levodopa frequently develop motor fluctuations.",
    "Methotrexate remains the first-line agent for rheumatoid arthritis in most clinical guidelines.",
    "The combination of warfarin and amiodarone increased the international normalized ratio and bleeding.",
    "No significant difference in the rate of seizures was observed between the valproate and placebo arms.",
]


def load_sentences(path: Path | None, n: int, seed: int) -> tuple[list[str], list[IobSentence] | None]:
    if path is None:
        base, gold = _SYNTHETIC, None
    elif path.suffix in (".tsv", ".iob", ".conll"):
        gold = read_iob(path)
        base = [s.text for s in gold]
    else:
        base, gold = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()], None
    rng = random.Random(seed)
    texts = [base[i % len(base)] for i in range(n)] if len(base) < n else rng.sample(base, n)
    return texts, gold


def rate(fn, texts: list[str]) -> float:
    fn(texts[:8])  # warm-up
    t0 = time.perf_counter()
    fn(texts)
    return len(texts) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=Path, help="IOB file or one-sentence-per-line text file")
    ap.add_argument("--model", type=Path, default=None, help="model directory (default: shipped)")
    ap.add_argument("--n", type=int, default=1000, help="sentences per measurement")
    ap.add_argument("--n-unbatched", type=int, default=200, help="sentences for the slow unbatched baseline")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--score", type=int, default=1000,
                    help="with an IOB file: score fp32 and int8 on its first N sentences (0: skip)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.score < 0:
        ap.error("--score must be >= 0")
    if args.n < 1 or args.n_unbatched < 1 or args.batch_size < 1 or args.threads < 1:
        ap.error("--n, --n-unbatched, --batch-size and --threads must be >= 1")
    torch.set_num_threads(args.threads)
    texts, gold = load_sentences(args.sentences, args.n, args.seed)
    chars = sum(map(len, texts)) / len(texts)

    t0 = time.perf_counter()
    fp32 = TransformerNER.load(args.model, device="cpu", runtime="torch")
    load_s = time.perf_counter() - t0
    int8 = TransformerNER.load(args.model, device="cpu", quantize=True)
    try:
        ort = TransformerNER.load(args.model, device="cpu", runtime="onnxruntime")
    except Exception as exc:  # noqa: BLE001 - the benchmark reports what it can
        print(f"ONNX Runtime not measured: {exc}")
        ort = None

    print(f"{len(texts)} sentences, mean {chars:.0f} characters, {args.threads} threads; model load {load_s:.2f}s",
          flush=True)
    bs = args.batch_size
    runs = [
        ("fp32 unbatched", lambda t: [fp32.predict([x]) for x in t], texts[:args.n_unbatched]),
        (f"fp32 batch {bs}, unsorted", lambda t: fp32.predict(t, batch_size=bs, bucket=False), texts),
        (f"fp32 PyTorch batch {bs} + length bucketing", lambda t: fp32.predict(t, batch_size=bs), texts),
        (f"int8 dynamic batch {bs} + length bucketing", lambda t: int8.predict(t, batch_size=bs), texts),
    ]
    if ort is not None:
        runs.append((f"fp32 ONNX Runtime batch {bs} + bucketing (default)", lambda t: ort.predict(t, batch_size=bs),
                     texts))
    base = None
    for name, fn, sample in runs:
        r = rate(fn, sample)
        base = base or r
        print(f"  {name:<45} {r:8.1f} sentences/s   x{r / base:5.2f}", flush=True)
    if gold is not None and args.score:
        subset = gold[:args.score]
        f1 = {}
        for name, ner in (("fp32", fp32), ("int8", int8), ("onnxruntime", ort)):
            if ner is None:
                continue
            scores = evaluate_ner(subset, lambda t, ner=ner: ner.predict(t, batch_size=bs))
            f1[name] = {k: round(100 * v["f1"], 2) for k, v in scores.items()}
        print(f"F1 on the first {len(subset)} sentences of {args.sentences.name}:", json.dumps(f1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
