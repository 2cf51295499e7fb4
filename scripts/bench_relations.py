#!/usr/bin/env python
"""Throughput of the whole NLP pipeline with relation extraction vs without it, in the same process.

    PYTHONPATH=. python scripts/bench_relations.py [--abstracts CDR.PubTator] [--docs 60] [--threads 2] [--no-ner]

Documents are PubTator abstracts when ``--abstracts`` is given, else the bundled sample abstracts
(``kg/data/samples/abstracts.jsonl``). Prints sentences/s of both pipelines, their ratio, and the relation
classifier's own pairs/s. "with relations" is the default (document-level chemical → disease decisions); the
sentence-level path alone is timed too, and the default pipeline once more with the relation model in PyTorch eager
instead of ONNX Runtime.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abstracts", type=Path, help="PubTator file (titles + abstracts are used)")
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-ner", action="store_true", help="dictionary mentions only (no transformer NER)")
    args = ap.parse_args(argv)

    import torch

    from medkg.kg.models import Document
    from medkg.nlp.pipeline import Pipeline

    torch.set_num_threads(args.threads)
    if args.abstracts:
        from medkg.nlp.evaluate_relations import read_pubtator

        docs = [Document(id=d.id, text=d.text) for d in read_pubtator(args.abstracts)[: args.docs]]
    else:
        path = Path(__file__).resolve().parents[1] / "kg" / "data" / "samples" / "abstracts.jsonl"
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        docs = [Document(id=r["id"], text=r["text"]) for r in rows][: args.docs]

    results = {}
    runs = (("without relations", False, True, "auto"), ("with relations, sentence level", True, False, "auto"),
            ("with relations, PyTorch eager", True, True, "torch"), ("with relations", True, True, "auto"))
    for name, rel, doc_level, runtime in runs:
        pipe = Pipeline.default(ner=not args.no_ner, relations=rel, document_level=doc_level)
        if rel:  # the NER keeps its default runtime: only the relation model's is compared
            pipe.nlp.get_pipe("medkg_relations").runtime = runtime
        pipe.process(docs[:2])  # warm-up (loads models)
        t0 = time.perf_counter()
        out = pipe.process(docs, batch_size=args.batch_size)
        dt = time.perf_counter() - t0
        n_sent = _count_sentences(pipe, docs)
        n_rel = sum(1 for r in out for t in r.triples if t.predicate.value not in ("MENTIONS", "HAS_DOCUMENT"))
        results[name] = {"seconds": round(dt, 2), "sentences": n_sent, "sentences_per_s": round(n_sent / dt, 1),
                         "relation_triples": n_rel}
        print(name, results[name], flush=True)
    base, full = results["without relations"], results["with relations"]
    ratio = full["sentences_per_s"] / base["sentences_per_s"]
    sent = results["with relations, sentence level"]["sentences_per_s"]
    print(f"document level / sentence level relations = {full['sentences_per_s'] / sent:.2f}")
    eager = results["with relations, PyTorch eager"]["sentences_per_s"]
    print(f"relation model in ONNX Runtime / PyTorch eager (whole pipeline) = {full['sentences_per_s'] / eager:.2f}")
    print(f"documents {len(docs)}; sentences/s with relations / without = {ratio:.2f} "
          f"({full['sentences_per_s']} vs {base['sentences_per_s']}; threads {args.threads}; "
          f"ner {'off' if args.no_ner else 'on'})")
    return 0


def _count_sentences(pipe, docs) -> int:
    sentencizer = pipe.nlp.get_pipe("medkg_sentences")
    return sum(len(list(sentencizer(pipe.nlp.make_doc(d.text)).sents)) for d in docs)


if __name__ == "__main__":
    raise SystemExit(main())
