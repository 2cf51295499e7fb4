#!/usr/bin/env python
"""Fit the clinical confidence map of the relation model (``nlp/models/re/calibration_clinical.json``).

    python scripts/fit_clinical_calibration.py [tests/nlp/data/re_clinical_calibration.jsonl] [--out FILE]

The pipeline's relation confidences come from a temperature and document models fitted on literature; on clinical
text they run high. This fits one monotone map (Platt: ``sigmoid(a * logit(p) + b)``) from the confidence of each
relation the shipped document-level path emits on a written clinical *development* file (gold mentions) to whether
it is the gold relation of that pair, and prints ECE before and after on that file. The held-out clinical test set
(``tests/nlp/data/re_clinical.jsonl``) is never read here: measure it with ``scripts/eval_clinical_relations.py``.
Deterministic.
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
DEV = ROOT / "tests" / "nlp" / "data" / "re_clinical_calibration.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=DEV)
    ap.add_argument("--out", type=Path, help="default: CLINICAL_CALIBRATION_FILE in the shipped relation model")
    ap.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    args = ap.parse_args(argv)
    if args.file.name == "re_clinical.jsonl":
        raise SystemExit("re_clinical.jsonl is the held-out clinical test set: fit on a development file")

    import torch

    from medkg.nlp.docrel import load_doc_models
    from medkg.nlp.evaluate_clinical import evaluate_rows_document_level, read_written
    from medkg.nlp.relations import (
        CLINICAL_CALIBRATION_FILE,
        ConfidenceCalibration,
        RelationExtractor,
        default_model_dir,
        reliability,
    )

    torch.set_num_threads(args.threads)
    extractor = RelationExtractor.load()
    rows = read_written(args.file)
    before = evaluate_rows_document_level(rows, extractor)
    confs = [c for c, _ in before["confidences"]]
    right = [ok for _, ok in before["confidences"]]
    calibration = ConfidenceCalibration.fit(
        confs, right, data=f"{args.file.name} ({len(rows)} written clinical snippets, {len(confs)} emitted relations)",
        model_version=extractor.version, document_models=[m.version for m in load_doc_models()],
        method="Platt scaling of the emitted relations' confidence")
    out = args.out or default_model_dir() / CLINICAL_CALIBRATION_FILE
    info = dict(calibration.info, ece_before=round(reliability(confs, right)[0], 4),
                ece_after=round(reliability([calibration(c) for c in confs], right)[0], 4))
    out.write_text(json.dumps({"a": calibration.a, "b": calibration.b, "info": info}, indent=1) + "\n")
    print(json.dumps({"a": calibration.a, "b": calibration.b, **info}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
