#!/usr/bin/env python
"""The shipped relation classifier on written clinical snippets (gold mentions): P/R/F1 per predicate, assertion
accuracy, ECE and reliability tables (all candidate pairs, and the relations above the threshold).

    python scripts/eval_clinical_relations.py [FILE] [--json] [--errors] [--threshold T] [--device cpu]

The last tables compare the sentence-level path with the document-level one (``nlp/docrel.py``; each snippet a
document split into sentences by the pipeline's sentencizer, each mention its own concept) on the same rows, and
give the reliability of the relations the document-level path emits (what the pipeline outputs), with their raw
confidence and mapped through the clinical calibration the pipeline applies to non-literature documents
(``nlp/models/re/calibration_clinical.json``, fitted on a separate development file by
``scripts/fit_clinical_calibration.py``).

FILE defaults to ``tests/nlp/data/re_clinical.jsonl``; the contract is in ``nlp/evaluate_clinical.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=ROOT / "tests" / "nlp" / "data" / "re_clinical.jsonl")
    ap.add_argument("--json", action="store_true", help="print the whole result as JSON")
    ap.add_argument("--errors", action="store_true", help="list false positives and false negatives")
    ap.add_argument("--threshold", type=float, help="relation threshold (default: the model's)")
    ap.add_argument("--device", help="cpu or cuda (default: cuda when available)")
    ap.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    args = ap.parse_args(argv)

    import torch

    from medkg.nlp.evaluate_clinical import (
        PREDICATES,
        evaluate_rows,
        evaluate_rows_document_level,
        format_report,
        read_written,
    )
    from medkg.nlp.relations import ConfidenceCalibration, RelationExtractor

    torch.set_num_threads(args.threads)
    extractor = RelationExtractor.load(device=args.device)
    rows = read_written(args.file)
    result = evaluate_rows(rows, extractor, threshold=args.threshold)
    paths = {"sentence_split": evaluate_rows_document_level(rows, extractor, [], threshold=args.threshold),
             "document_level": evaluate_rows_document_level(rows, extractor, threshold=args.threshold,
                                                            calibration=ConfidenceCalibration.load())}
    result["paths"] = paths
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(format_report(result, errors=args.errors))
    print("\nsentence-level vs document-level path, snippets split into sentences (P / R / F1):")
    for key in (*PREDICATES, "micro"):
        cells = "   ".join(f"{name} {100 * r[key]['precision']:5.1f} {100 * r[key]['recall']:5.1f} "
                           f"{100 * r[key]['f1']:5.1f}" for name, r in paths.items())
        print(f"  {key:13s} {cells}")
    for name, summary in paths["document_level"]["emitted"].items():
        print(f"\nrelations the document-level path emits, {name} confidence: n={summary['n']}, "
              f"ECE={summary['ece']:.4f}, mean confidence {summary['mean_confidence']:.4f}, "
              f"accuracy {summary['accuracy']:.4f}")
        print("  bin          n  mean conf  accuracy")
        for b in summary["table"]:
            print(f"  {b['bin']:9s} {b['n']:4d}  {b['confidence']:9.4f}  {b['accuracy']:8.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
