"""Speed of the treatment path model on the Hetionet prior: scoring every compound–disease pair, and fitting.

Baseline (same process): scoring from the features, i.e. all 132 DWPC matrices computed on the prior graph and the
regression applied. Compared with it: ``medkg gnn score``'s path (the shipped score cache, a TSV of every pair in
and out) and a full fit on all known indications. One thread unless ``--threads``.

    python scripts/bench_paths.py [--threads 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    from medkg.gnn.checkpoint import load_checkpoint, load_graph_for
    from medkg.gnn.paths import fit_path_model
    from medkg.gnn.predict import Predictor, score_file

    t0 = time.perf_counter()
    ckpt = load_checkpoint(task="treats")
    graph = load_graph_for(ckpt)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    scores = ckpt.model.score_matrix(graph)
    features_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        pairs, out = Path(tmp) / "pairs.tsv", Path(tmp) / "scores.tsv"
        with pairs.open("w") as fh:
            fh.write("compound_id\tdisease_id\n")
            for c in graph.node_ids["Compound"]:
                for d in graph.node_ids["Disease"]:
                    fh.write(f"{c}\t{d}\n")
        t0 = time.perf_counter()
        stats = score_file("treats", pairs, out, predictor=Predictor(load_checkpoint(task="treats")))
        cached_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    fit_path_model(graph, ckpt.model.edge_type, c=ckpt.model.c)
    fit_s = time.perf_counter() - t0

    fig = {"pairs": int(scores.size), "scored": stats["rows"] - stats["unknown"], "graph_load_s": round(load_s, 2),
           "score_from_features_s": round(features_s, 2), "score_file_cached_s": round(cached_s, 2),
           "fit_s": round(fit_s, 2), "threads": args.threads}
    print(f"prior graph load {load_s:.2f} s")
    print(f"score all {fig['pairs']:,} pairs from features (baseline): {features_s:.2f} s")
    print(f"score_file, cached scores, TSV in/out: {cached_s:.2f} s  (x{features_s / cached_s:.1f} faster)")
    print(f"fit on every known indication: {fit_s:.2f} s  (x{fit_s / features_s:.1f} the baseline)")
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2) + "\n")


if __name__ == "__main__":
    main()
