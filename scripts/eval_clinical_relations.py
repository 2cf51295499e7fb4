#!/usr/bin/env python
"""The shipped relation classifier on written clinical snippets (gold mentions): P/R/F1 per predicate, assertion
accuracy, ECE and reliability tables (all candidate pairs, and the relations above the threshold).

    python scripts/eval_clinical_relations.py [FILE] [--json] [--errors] [--threshold T] [--device cpu]

FILE defaults to ``tests/nlp/data/re_clinical.jsonl``; the contract is in ``nlp/evaluate_clinical.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
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

    from nlp.evaluate_clinical import evaluate_written, format_report
    from nlp.relations import RelationExtractor

    torch.set_num_threads(args.threads)
    result = evaluate_written(args.file, RelationExtractor.load(device=args.device), threshold=args.threshold)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(format_report(result, errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
