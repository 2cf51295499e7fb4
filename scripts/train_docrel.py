"""Fit a document-level chemical → disease model (``nlp/models/re/docrel_<predicate>.json``) on a training set.

    python scripts/train_docrel.py $CDR/CDR_TrainingSet.PubTator.txt --predicate CAUSES      # BC5CDR CID
    python scripts/train_docrel.py $BIORED/Train.PubTator --predicate TREATS               # BioRED Negative_Correlation

Candidates are the (chemical, disease) id pairs of each training document with its annotated mentions; a pair is
positive when the document lists it: CID lines (BC5CDR) for CAUSES, or BioRED's Negative_Correlation (TREATS) /
Positive_Correlation (CAUSES) chemical–disease pairs. The shipped sentence model scores the same-sentence mention
pairs. The threshold maximises F1 of out-of-fold predictions (5 folds by document) on the training set: nothing
here reads a development or test set. Deterministic (no sampling).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def document_rows(docs, extractor, predicate: str = "CAUSES", log_every: int = 50):
    """Feature rows, labels, document index and gold-pair count of PubTator documents with gold mentions."""
    import numpy as np

    from medkg.kg.schema import RelType
    from medkg.nlp.docrel import candidates, score_document
    from medkg.nlp.evaluate_relations import bare_mesh, biored_gold, gold_mentions
    from medkg.nlp.spacy_components import sentence_bounds

    x, y, groups, gold_total = [], [], [], 0
    t0 = time.perf_counter()
    for n, d in enumerate(docs):
        sents = sentence_bounds(d.text)
        pairs, _ = candidates(score_document(d.text, sents, gold_mentions(d, sents), extractor),
                              concept_key=lambda m: bare_mesh(m.concept.id))
        gold = set(d.cid) if "CID" in d.relations else biored_gold(d)[RelType(predicate)]
        gold_total += len(gold)
        for p in pairs:
            x.append(p.features)
            y.append((p.chem, p.dis) in gold)
            groups.append(n)
        if log_every and (n + 1) % log_every == 0:
            print(f"  {n + 1}/{len(docs)} documents, {time.perf_counter() - t0:.0f} s", flush=True)
    return np.asarray(x), np.asarray(y), np.asarray(groups), gold_total


def f1_at(prob, y, gold_total: int, t: float) -> float:
    pred = prob >= t
    tp = int((pred & y).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(gold_total, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path, help="CDR_TrainingSet.PubTator.txt or BioRED Train.PubTator")
    ap.add_argument("--predicate", choices=["CAUSES", "TREATS"], default="CAUSES")
    ap.add_argument("--c", type=float, default=0.1, help="inverse L2 strength")
    ap.add_argument("--out", type=Path, help="default: nlp/models/re/docrel_<predicate>.json")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)

    import numpy as np
    import torch
    from sklearn.model_selection import GroupKFold

    torch.set_num_threads(args.threads)
    from medkg.nlp.docrel import FEATURES, MODEL_FILES, fit_doc_model
    from medkg.nlp.evaluate_relations import read_pubtator
    from medkg.nlp.relations import RelationExtractor

    extractor = RelationExtractor.load()
    docs = read_pubtator(args.train)
    x, y, groups, gold_total = document_rows(docs, extractor, args.predicate)
    out = args.out or ROOT / "nlp" / "models" / "re" / MODEL_FILES[args.predicate]
    corpus = ("BC5CDR CID training set" if any("CID" in d.relations for d in docs) else "BioRED training set")
    print(f"{len(docs)} documents, {len(y)} candidate pairs, {int(y.sum())} positive of {gold_total} gold pairs "
          f"({100 * y.sum() / gold_total:.1f} % reachable)")
    oof = np.zeros(len(y))
    for tr, te in GroupKFold(5).split(x, y, groups):
        oof[te] = fit_doc_model(x[tr], y[tr], c=args.c).probability(x[te])
    grid = np.round(np.arange(0.1, 0.9, 0.025), 3)
    f1s = [f1_at(oof, y, gold_total, t) for t in grid]
    threshold = float(grid[int(np.argmax(f1s))])
    info = {"data": f"{corpus} ({len(docs)} abstracts, gold mentions)", "c": args.c,
            "threshold_from": "out-of-fold F1 on the training set, 5 folds by document",
            "cv_f1": round(100 * max(f1s), 2), "candidates": int(len(y)), "positives": int(y.sum()),
            "sentence_model_version": extractor.version}
    model = fit_doc_model(x, y, c=args.c, threshold=threshold, version=f"doc-{args.predicate.lower()}-1.0.0", info=info,
                          predicate=args.predicate)
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n")
    print(json.dumps({"threshold": threshold, **info}, indent=2))
    print("weights:", sorted(zip((round(float(w), 3) for w in model.coef), FEATURES), key=lambda t: -abs(t[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
