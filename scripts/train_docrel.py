"""Fit a document-level chemical → disease model (``nlp/models/re/docrel_<predicate>.json``) on a training set.

    python scripts/train_docrel.py $CDR/CDR_TrainingSet.PubTator.txt --predicate CAUSES      # BC5CDR CID
    python scripts/train_docrel.py $BIORED/Train.PubTator --predicate TREATS               # BioRED Negative_Correlation

The shipped models are then refitted on the training and development sets together with the settings the training
set chose (``--settings-from`` a model fitted on the training set alone; no search, nothing chosen on development):

    python scripts/train_docrel.py $CDR/CDR_TrainingSet.PubTator.txt $CDR/CDR_DevelopmentSet.PubTator.txt \
        --predicate CAUSES --settings-from train-only-causes.json

Candidates are the (chemical, disease) id pairs of each training document with its annotated mentions; a pair is
positive when the document lists it: CID lines (BC5CDR) for CAUSES, or BioRED's Negative_Correlation (TREATS) /
Positive_Correlation (CAUSES) chemical–disease pairs. The shipped sentence model scores the same-sentence mention
pairs. Settings are chosen by F1 of out-of-fold predictions (5 folds by abstract) on the files given: C, the
threshold, and whether the most-specific rule (drop a disease that is a MeSH ancestor of another disease chosen for
the same chemical, BioCreative's CID guideline) is kept. Only the files named on the command line are read: give
the training set alone to choose settings, and a development set only to refit with settings chosen without it.
Deterministic (no sampling).
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
#: Default version of the models this script writes (doc-<predicate>-VERSION); 1.1.0 added the lexical features,
#: doc-causes-1.2.0 (``--version 1.2.0``) is CAUSES fitted on BioRED too; doc-causes-1.4.0 (``--version 1.4.0``) weighs
#: both concepts' MeSH categories too (the ``DT:`` and ``CT:`` lexical features, which every fit now reads).
VERSION = "1.1.0"


def document_rows(docs, extractor, predicate: str = "CAUSES", log_every: int = 50, known=None):
    """Feature rows, labels, document index, the candidate pairs themselves and the gold-pair count of PubTator
    documents with gold mentions (``known``: prior knowledge, :class:`medkg.nlp.docrel.KnownPairs`)."""
    import numpy as np

    from medkg.kg.schema import RelType
    from medkg.nlp.docrel import candidates, score_document
    from medkg.nlp.evaluate_relations import bare_mesh, biored_gold, gold_mentions
    from medkg.nlp.spacy_components import sentence_bounds

    x, y, groups, rows, gold_total = [], [], [], [], 0
    t0 = time.perf_counter()
    for n, d in enumerate(docs):
        sents = sentence_bounds(d.text)
        pairs, _ = candidates(score_document(d.text, sents, gold_mentions(d, sents), extractor),
                              concept_key=lambda m: bare_mesh(m.concept.id), known=known)
        gold = set(d.cid) if "CID" in d.relations else biored_gold(d)[RelType(predicate)]
        gold_total += len(gold)
        for p in pairs:
            x.append(p.features)
            y.append((p.chem, p.dis) in gold)
            groups.append(n)
            rows.append(p)
        if log_every and (n + 1) % log_every == 0:
            print(f"  {n + 1}/{len(docs)} documents, {time.perf_counter() - t0:.0f} s", flush=True)
    return np.asarray(x), np.asarray(y), np.asarray(groups), rows, gold_total


def f1_at(prob, y, gold_total: int, t: float, pairs=None, groups=None) -> float:
    """F1 of the rows at threshold ``t`` against ``gold_total`` gold pairs; with ``pairs`` and ``groups`` (document
    of each row), after the most-specific rule within each document."""
    import numpy as np

    from medkg.nlp.docrel import drop_broader

    pred = prob >= t
    if pairs is not None:
        pred = pred.copy()
        for g in np.unique(groups):
            idx = np.flatnonzero(groups == g)
            pred[idx] = drop_broader([pairs[i] for i in idx], list(pred[idx]))
    tp = int((pred & y).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(gold_total, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def read_settings(path: Path, predicate: str) -> dict:
    """A model file fitted by this script (1.1.0 or later) for ``predicate``, whose settings a refit reuses."""
    model = json.loads(path.read_text())
    missing = [k for k in ("c", "c_grid", "cv_f1", "lexical_min_count") if k not in model.get("info", {})]
    if "most_specific" not in model or missing:
        raise SystemExit(f"{path}: not a model fitted by this script's settings search "
                         f"(missing {missing or 'most_specific'})")
    if model.get("predicate") != predicate:
        raise SystemExit(f"{path}: a {model.get('predicate')} model; --predicate is {predicate}")
    return model


def training_documents(train: list[Path], held_out: list[Path]) -> tuple[list, str]:
    """The documents of the training files in order without those of the held-out files, and a description of what
    was read (recorded in the model). An abstract two corpora annotate (BioRED re-annotates some BC5CDR ones under
    its own guideline) is kept once per corpus, each copy with its corpus's labels; the settings search puts both
    copies in one fold."""
    from medkg.nlp.evaluate_relations import read_pubtator

    held = {d.id for path in held_out for d in read_pubtator(path)}
    docs, parts = [], []
    for path in train:
        read = read_pubtator(path)
        kept = [d for d in read if d.id not in held]
        docs.extend(kept)
        corpus = "BC5CDR CID" if any("CID" in d.relations for d in kept) else "BioRED"
        parts.append(f"{corpus} {path.name}" + (f" ({len(kept)} of {len(read)})" if len(kept) < len(read) else ""))
    return docs, " + ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path, nargs="+", help="training PubTator file(s), fitted together")
    ap.add_argument("--settings-from", type=Path,
                    help="a model file whose C, threshold and most-specific rule are reused as they are (no search)")
    ap.add_argument("--predicate", choices=["CAUSES", "TREATS"], default="CAUSES")
    ap.add_argument("--c", type=float, nargs="+", default=[0.1, 0.3, 1.0],
                    help="inverse L2 strengths to choose from by out-of-fold F1")
    ap.add_argument("--min-count", type=int, default=2, help="training rows a lexical feature needs to be kept")
    ap.add_argument("--no-lexical", action="store_true", help="dense features only (the 1.0 models)")
    ap.add_argument("--held-out", type=Path, action="append", default=[],
                    help="an evaluation PubTator file whose documents the training files must not contribute "
                         "(BioRED re-annotates some BC5CDR abstracts); repeatable")
    ap.add_argument("--version", default=VERSION,
                    help="the model's release, recorded in every triple's provenance: change it with the data")
    ap.add_argument("--prior-knowledge", action="store_true",
                    help="add the Hetionet prior's compound -> disease / side-effect edges as features "
                         "(KB:<edge type>); the model then needs them (default out: docrel_<predicate>_kb.json)")
    ap.add_argument("--out", type=Path, help="default: nlp/models/re/docrel_<predicate>.json")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)

    import numpy as np
    import torch
    from sklearn.model_selection import GroupKFold

    torch.set_num_threads(args.threads)
    from medkg.nlp.docrel import FEATURES, KNOWLEDGE_MODEL_FILES, MODEL_FILES, KnownPairs, fit_doc_model
    from medkg.nlp.relations import RelationExtractor

    extractor = RelationExtractor.load()
    docs, corpus = training_documents(args.train, args.held_out)
    fixed = read_settings(args.settings_from, args.predicate) if args.settings_from else None
    if fixed is not None:  # the lexical feature set is part of the settings
        args.no_lexical = fixed["info"]["lexical_min_count"] is None
        args.min_count = fixed["info"]["lexical_min_count"] or args.min_count
        if bool(fixed.get("knowledge")) != args.prior_knowledge:
            raise SystemExit(f"{args.settings_from}: fitted {'with' if fixed.get('knowledge') else 'without'} "
                             "prior knowledge; pass --prior-knowledge exactly when it was")
    known = KnownPairs.hetionet() if args.prior_knowledge else None
    x, y, groups, pairs, gold_total = document_rows(docs, extractor, args.predicate, known=known)
    lexical = None if args.no_lexical else [p.lexical for p in pairs]
    files = KNOWLEDGE_MODEL_FILES if known is not None else MODEL_FILES
    out = args.out or ROOT / "nlp" / "models" / "re" / files[args.predicate]
    print(f"{len(docs)} documents, {len(y)} candidate pairs, {int(y.sum())} positive of {gold_total} gold pairs "
          f"({100 * y.sum() / gold_total:.1f} % reachable)")
    best = None  # (cv F1, c, most-specific rule, threshold)
    if fixed is not None:
        best = (None, float(fixed["info"]["c"]), bool(fixed["most_specific"]), float(fixed["threshold"]))
        args.c = []
    grid = np.round(np.arange(0.1, 0.9, 0.025), 3)
    # folds by abstract: the copies of an abstract two corpora annotate share a fold
    abstracts = np.asarray([docs[g].id for g in groups])
    for c in args.c:
        oof = np.zeros(len(y))
        for tr, te in GroupKFold(5).split(x, y, abstracts):
            model = fit_doc_model(x[tr], y[tr], None if lexical is None else [lexical[i] for i in tr], c=c,
                                  min_count=args.min_count)
            oof[te] = model.probability(x[te], None if lexical is None else [lexical[i] for i in te])
        for rule in (False, True):
            f1s = [f1_at(oof, y, gold_total, t, pairs if rule else None, groups) for t in grid]
            k = int(np.argmax(f1s))
            print(f"  C={c} most_specific={rule}: out-of-fold F1 {100 * f1s[k]:.2f} at {grid[k]}", flush=True)
            if best is None or f1s[k] > best[0]:
                best = (f1s[k], c, rule, float(grid[k]))
    cv_f1, c, most_specific, threshold = best
    chosen_on = fixed["info"] if fixed is not None else {"data": corpus, "c_grid": args.c, "cv_f1": 100 * cv_f1}
    info = {"data": f"{corpus} ({len(docs)} abstracts, gold mentions)", "c": c, "c_grid": chosen_on["c_grid"],
            "lexical_min_count": None if lexical is None else args.min_count,
            "settings_from": f"out-of-fold F1 (5 folds by abstract) of C in {chosen_on['c_grid']}, the threshold and "
                             f"the most-specific rule on {chosen_on['data']}",
            "cv_f1": round(chosen_on["cv_f1"], 2),
            "candidates": int(len(y)), "positives": int(y.sum()), "sentence_model_version": extractor.version}
    model = fit_doc_model(x, y, lexical, c=c, min_count=args.min_count, threshold=threshold,
                          most_specific=most_specific, version=f"doc-{args.predicate.lower()}-{args.version}",
                          info=info, predicate=args.predicate, knowledge=None if known is None else known.name)
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n")
    print(json.dumps({"threshold": threshold, "most_specific": most_specific, **info}, indent=2))
    print("dense weights:", sorted(zip((round(float(w), 3) for w in model.coef), FEATURES), key=lambda t: -abs(t[0])))
    top = sorted(model.lexical.items(), key=lambda kv: -abs(kv[1]))[:25]
    print(f"{len(model.lexical)} lexical weights; largest:", top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
