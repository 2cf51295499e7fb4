"""Seconds per epoch and peak memory of the GNN encoders vs the shallow KGE baseline on the Hetionet prior.

Each method runs in its own child process so its peak RSS (``resource.getrusage``) is its own; figures are printed
as ratios against the KGE baseline (DistMult, PyG ``nn.kge``, one epoch over every training triple). CUDA is used
when present (same code path as training: bf16 autocast), and then peak GPU memory is reported too.

    python scripts/bench_gnn.py                 # default message-passing graph (the shipped models')
    python scripts/bench_gnn.py --full-prior    # all 20 metaedges, 993k edges (slow on CPU)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _run(method: str, full_prior: bool, epochs: int, threads: int, q) -> None:
    import torch

    torch.set_num_threads(threads)
    from medkg.gnn.data import DEFAULT_EXCLUDED_METAEDGES, prior_graph
    from medkg.gnn.tasks import split_graph
    from medkg.gnn.train import _epoch_full_batch
    from medkg.kg.devices import resolve_device

    dev = resolve_device()
    graph = prior_graph(() if full_prior else DEFAULT_EXCLUDED_METAEDGES)
    split = split_graph(graph, "treats")
    times = []
    if method == "kge":
        from medkg.gnn.evaluate import kge_scores

        t0 = time.perf_counter()
        _, info = kge_scores(split, "distmult", epochs=epochs, eval_every=10 ** 6, device=dev)
        times = [info["seconds_per_epoch"]] * epochs
    else:
        from medkg.gnn.models import LinkPredictor

        d = graph.data
        model = LinkPredictor({nt: d[nt].num_nodes for nt in d.node_types}, d.metadata(), "Compound", "Disease",
                              encoder=method, hidden=64, layers=2, num_bases=4).to(dev)
        opt = torch.optim.Adam(model.parameters(), lr=0.01)
        gen = torch.Generator().manual_seed(0)
        for i in range(epochs + 1):  # the first epoch warms up allocators and is not counted
            t0 = time.perf_counter()
            _epoch_full_batch(model, split, None, opt, supervision_ratio=0.3, negatives=8, device=dev,
                              amp=dev.type == "cuda", gen=gen)
            if dev.type == "cuda":
                torch.cuda.synchronize()
            if i:
                times.append(time.perf_counter() - t0)
    out = {"method": method, "device": str(dev), "edges": int(graph.data.num_edges), "nodes": int(graph.data.num_nodes),
           "seconds_per_epoch": sum(times) / len(times),
           "peak_rss_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2 ** 20}
    if dev.type == "cuda":
        out["peak_gpu_gib"] = torch.cuda.max_memory_allocated() / 2 ** 30
    q.put(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full-prior", action="store_true", help="message passing over all 20 metaedges")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--methods", default="kge,rgcn,sage")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    ctx = mp.get_context("spawn")
    rows = []
    for m in args.methods.split(","):
        q = ctx.Queue()
        p = ctx.Process(target=_run, args=(m, args.full_prior, args.epochs, args.threads, q))
        p.start()
        rows.append(q.get())
        p.join()
    base = next((r for r in rows if r["method"] == "kge"), rows[0])
    print(f"graph: {base['nodes']} nodes, {base['edges']} directed edges (reverses included); device {base['device']}")
    print(f"{'method':<8}{'s/epoch':>10}{'x KGE':>8}{'peak RSS GiB':>14}{'x KGE':>8}")
    for r in rows:
        r["epoch_ratio_vs_kge"] = r["seconds_per_epoch"] / base["seconds_per_epoch"]
        r["rss_ratio_vs_kge"] = r["peak_rss_gib"] / base["peak_rss_gib"]
        print(f"{r['method']:<8}{r['seconds_per_epoch']:>10.2f}{r['epoch_ratio_vs_kge']:>8.2f}"
              f"{r['peak_rss_gib']:>14.2f}{r['rss_ratio_vs_kge']:>8.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
