#!/usr/bin/env python
"""Choose the full pipeline's two span thresholds on devel F1 of ``medkg nlp evaluate --ner``.

    PYTHONPATH=. python scripts/tune_pipeline_ner.py --devel $BC5CDR/devel.tsv [--threads 2]

``ner_min_score`` drops transformer spans under a confidence before anything else; ``unlinked_min_score`` drops
those the linker cannot normalize under a (higher) confidence. The transformer runs once; each grid point reruns
only the rest of the pipeline on its cached spans. Prints the grid, best first; the chosen values are the
defaults of :func:`medkg.nlp.spacy_components.load` (``PIPELINE_NER_MIN_SCORE``, ``UNLINKED_MIN_SCORE``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NER_GRID = (0.0, 0.5, 0.7, 0.9)
UNLINKED_GRID = (0.0, 0.9, 0.95, 0.97, 0.99, 1.0)


class _Cached:
    """A predictor that returns precomputed spans (by text) at or above a threshold."""

    def __init__(self, spans: dict[str, list], min_score: float) -> None:
        self.spans, self.min_score = spans, min_score

    def predict(self, texts, batch_size=64):
        return [[sp for sp in self.spans[t] if sp.score >= self.min_score] for t in texts]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devel", type=Path, required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model", default=None, help="NER model directory (default: shipped)")
    args = ap.parse_args(argv)
    import torch

    from medkg.nlp.evaluate import evaluate_ner, pipeline_predictor, read_iob
    from medkg.nlp.ner import TransformerNER
    from medkg.nlp.spacy_components import load

    torch.set_num_threads(args.threads)
    devel = read_iob(args.devel)
    texts = [s.text for s in devel]
    ner = TransformerNER.load(args.model, device="cpu", min_score=0.0)
    cache = dict(zip(texts, ner.predict(texts, batch_size=64)))
    rows = []
    for t in NER_GRID:
        for u in UNLINKED_GRID:
            if 0.0 < u <= t:
                continue
            nlp = load(model_path=args.model, ner_min_score=t, unlinked_min_score=u)
            nlp.get_pipe("medkg_ner").predictor = _Cached(cache, t)
            scores = evaluate_ner(devel, pipeline_predictor(nlp))
            rows.append({"ner_min_score": t, "unlinked_min_score": u,
                         **{k: round(100 * v["f1"], 2) for k, v in scores.items()}})
            print(json.dumps(rows[-1]), flush=True)
    rows.sort(key=lambda r: -r["micro"])
    print("best:", json.dumps(rows[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
