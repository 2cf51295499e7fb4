"""Held-out evaluation of a link predictor next to two baselines computed on the same split, in the same run.

The metrics (:mod:`medkg.gnn.metrics`): filtered MRR / Hits@k of each held-out edge among all nodes of the right
type, ties half, and AUROC / AUPRC against the split's type-constrained negatives.

Baselines: the node-degree prior ``deg(s) * deg(t)`` in the training graph (Rephetio: degree alone reaches AUROC
≈ 0.98 on known treatments) and a shallow KGE (PyG ``torch_geometric.nn.kge``) trained on the training edges of
every relation.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor
from torch.nn.functional import softplus
from torch_geometric import seed_everything
from torch_geometric.data import HeteroData
from torch_geometric.nn import kge

from medkg.gnn.checkpoint import load_checkpoint, load_graph_for, load_split
from medkg.gnn.data import DEFAULT_EXCLUDED_METAEDGES, prior_graph
from medkg.gnn.metrics import all_pairs_metrics, link_metrics, ranking_metrics
from medkg.gnn.paths import degree_prior, fit_path_model, without_edges
from medkg.gnn.tasks import Split, Task, resolve_task, split_from_edges
from medkg.gnn.train import EarlyStopping, node_states, train
from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError
from medkg.kg.heterodata import EdgeType, GraphData, is_reverse

log = logging.getLogger(__name__)


def degree_scores(split: Split, all_edges: bool = False) -> Tensor:
    """``deg(s) * deg(t)`` from the training graph: target-relation degree, or degree over all edge types."""
    s, _, t = split.target
    n_s, n_t = split.train[s].num_nodes, split.train[t].num_nodes
    if not all_edges:
        e = split.train_pos
        return torch.outer(torch.bincount(e[0], minlength=n_s).double(), torch.bincount(e[1], minlength=n_t).double())
    deg = {nt: torch.zeros(split.train[nt].num_nodes, dtype=torch.double) for nt in split.train.node_types}
    for (a, _, _), ei in split.train.edge_index_dict.items():  # reverse types count each edge's other end
        deg[a] += torch.bincount(ei[0], minlength=deg[a].numel()).double()
    return torch.outer(deg[s], deg[t])


KGE_MODELS = {"distmult": kge.DistMult, "transe": kge.TransE, "rotate": kge.RotatE, "complex": kge.ComplEx}


@dataclass
class KGETriples:
    """Every training edge of every forward relation as a (head, relation, tail) triple over one node index space,
    with the index range of each triple's head and tail type, so negatives corrupt within the right type."""

    num_nodes: int
    offsets: dict[str, int]
    rel_id: dict[EdgeType, int]
    head: Tensor
    rel: Tensor
    tail: Tensor
    head_offset: Tensor
    head_count: Tensor
    tail_offset: Tensor
    tail_count: Tensor


def kge_triples(data: HeteroData) -> KGETriples:
    """The triples of ``data`` (a split's training graph), reverse edge types left out."""
    offsets, start = {}, 0
    for nt in data.node_types:
        offsets[nt], start = start, start + data[nt].num_nodes
    rels = [et for et in data.edge_types if not is_reverse(et)]
    rel_id = {et: i for i, et in enumerate(rels)}
    h, r, t, t_off, t_n, h_off, h_n = [], [], [], [], [], [], []
    for et in rels:
        ei = data[et].edge_index
        m = ei.size(1)
        h.append(ei[0] + offsets[et[0]]), t.append(ei[1] + offsets[et[2]])
        r.append(torch.full((m,), rel_id[et]))
        h_off.append(torch.full((m,), offsets[et[0]])), h_n.append(torch.full((m,), data[et[0]].num_nodes))
        t_off.append(torch.full((m,), offsets[et[2]])), t_n.append(torch.full((m,), data[et[2]].num_nodes))
    H, R, T, HO, HN, TO, TN = (torch.cat(v) for v in (h, r, t, h_off, h_n, t_off, t_n))
    return KGETriples(start, offsets, rel_id, H, R, T, HO, HN, TO, TN)


def _kge_epoch(model: torch.nn.Module, triples: KGETriples, opt: torch.optim.Optimizer, gen: torch.Generator, *,
               batch_size: int, negatives: int, device: torch.device) -> None:
    """One pass over the triples; each negative corrupts the head or the tail (a coin flip) with a same-type node."""
    model.train()
    H, R, T = triples.head, triples.rel, triples.tail
    for idx in torch.randperm(H.numel(), generator=gen).split(batch_size):
        hb, rb, tb = H[idx].repeat(negatives), R[idx].repeat(negatives), T[idx].repeat(negatives)
        corrupt_tail = torch.rand(hb.numel(), generator=gen) < 0.5
        rnd = torch.rand(hb.numel(), generator=gen)
        new_t = triples.tail_offset[idx].repeat(negatives) + (rnd * triples.tail_count[idx].repeat(negatives)).long()
        new_h = triples.head_offset[idx].repeat(negatives) + (rnd * triples.head_count[idx].repeat(negatives)).long()
        nh, nt = torch.where(corrupt_tail, hb, new_h), torch.where(corrupt_tail, new_t, tb)
        opt.zero_grad(set_to_none=True)
        pos = model(H[idx].to(device), R[idx].to(device), T[idx].to(device))
        neg = model(nh.to(device), rb.to(device), nt.to(device))
        loss = softplus(-pos).mean() + softplus(neg).mean()
        loss.backward()
        opt.step()


def kge_score_matrix(model: torch.nn.Module, triples: KGETriples, data: HeteroData, target: EdgeType,
                     device: torch.device, chunk: int = 1 << 20) -> Tensor:
    """``[n_source, n_target]`` scores of the target relation for every pair, in chunks of ``chunk`` pairs."""
    model.eval()
    rel = triples.rel_id[target]
    src_ids = torch.arange(data[target[0]].num_nodes) + triples.offsets[target[0]]
    dst_ids = torch.arange(data[target[2]].num_nodes) + triples.offsets[target[2]]
    hh = src_ids.repeat_interleave(dst_ids.numel())
    tt = dst_ids.repeat(src_ids.numel())
    parts = []
    with torch.inference_mode():
        for i in range(0, hh.numel(), chunk):
            hc, tc = hh[i:i + chunk].to(device), tt[i:i + chunk].to(device)
            parts.append(model(hc, torch.full_like(hc, rel), tc))
    return torch.cat(parts).view(src_ids.numel(), dst_ids.numel()).float().cpu()


def kge_scores(split: Split, kind: str = "distmult", *, hidden: int = 64, epochs: int = 60, batch_size: int = 8192,
               lr: float = 0.01, negatives: int = 4, eval_every: int = 5, patience: int = 3, seed: int = 0,
               device: str | torch.device | None = None) -> tuple[Tensor, dict[str, Any]]:
    """Train a shallow KGE on every training edge (all relations, held-out target edges excluded).

    Negatives corrupt the head or the tail with a node of the same type, as the GNN's do. Early stopping on
    validation MRR of the target relation. Returns the target relation's ``[n_source, n_target]`` score matrix.
    """
    if kind not in KGE_MODELS:
        raise InputError(f"unknown KGE baseline {kind!r}; valid: {', '.join(KGE_MODELS)}")
    seed_everything(seed)
    dev = resolve_device(device)
    data = split.train
    triples = kge_triples(data)
    model = KGE_MODELS[kind](triples.num_nodes, len(triples.rel_id), hidden).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    gen = torch.Generator().manual_seed(seed)
    stopping, run, seconds = EarlyStopping(patience), 0, []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        _kge_epoch(model, triples, opt, gen, batch_size=batch_size, negatives=negatives, device=dev)
        seconds.append(time.perf_counter() - t0)
        run = epoch
        if epoch % eval_every == 0 or epoch == epochs:
            scores = kge_score_matrix(model, triples, data, split.target, dev)
            mrr = ranking_metrics(scores, split.val_pos, split.known("train", "val"))["mrr"]
            if stopping.update(model, epoch, mrr):
                break
    stopping.restore_best(model)
    info = {"kind": kind, "hidden": hidden, "epochs_run": run, "best_val_mrr": stopping.best,
            "triples": int(triples.head.numel()), "seconds_per_epoch": sum(seconds) / max(len(seconds), 1)}
    return kge_score_matrix(model, triples, data, split.target, dev), info


def evaluate_split(model: torch.nn.Module, graph: GraphData, split: Split, task: str | Task, *,
                   baselines: bool = True, kge: str = "distmult", kge_epochs: int = 60, seed: int = 0,
                   device: str | torch.device | None = None) -> dict[str, Any]:
    """Test metrics of ``model`` (message passing over train + val edges) and, optionally, both baselines."""
    task = resolve_task(task, graph)
    s, _, t = split.target
    h = node_states(model, split.test, torch.device(device) if device else None)
    with torch.inference_mode():
        scores = model.decoder.score_matrix(h[s], h[t]).float()
    out: dict[str, Any] = {
        "task": task.name, "relation": "-".join(split.target),
        "split": {"train": int(split.train_pos.size(1)), "val": int(split.val_pos.size(1)),
                  "test": int(split.test_pos.size(1)), "test_negatives": int(split.test_neg.size(1))},
        "candidates": {"source": int(scores.size(0)), "target": int(scores.size(1))},
        "protocol": ("filtered rank of each held-out target among all nodes of its type (tail; 'head' ranks the "
                     "source), ties count half; AUROC/AUPRC against the split's type-constrained negatives"),
        "model": link_metrics(scores, split),
    }
    if baselines:
        out["degree_prior"] = link_metrics(degree_scores(split), split)
        out["degree_prior_all_edges"] = link_metrics(degree_scores(split, all_edges=True), split)
        kscores, info = kge_scores(split, kge, epochs=kge_epochs, seed=seed, device=device)
        out[f"kge_{kge}"] = {**link_metrics(kscores, split), "info": info}
    return out


def evaluate_checkpoint(model_dir: str | Path | None = None, *, task: str | None = None, baselines: bool = True,
                        kge: str = "distmult", kge_epochs: int = 60, graph: GraphData | None = None,
                        store: Any = None) -> dict[str, Any]:
    """Re-run the test evaluation of a saved model on the split it was trained with."""
    ckpt = load_checkpoint(model_dir, task=task)
    if ckpt.kind == "paths":  # no saved split: the all-pairs hold-out evaluation refits on each split
        methods = ALL_PAIRS_METHODS if baselines else ("paths",)
        out = evaluate_all_pairs(Task(**ckpt.config["task"]), graph=graph, methods=methods, c=ckpt.model.c,
                                 kge_epochs=kge_epochs)
        out["checkpoint"] = str(ckpt.path)
        return out
    graph = graph or load_graph_for(ckpt, store=store)
    split = load_split(ckpt, graph)
    seed = int(ckpt.config["train"].get("seed", 0))
    out = evaluate_split(ckpt.model, graph, split, Task(**ckpt.config["task"]),
                         baselines=baselines, kge=kge, kge_epochs=kge_epochs, seed=seed)
    out["checkpoint"] = str(ckpt.path)
    if ckpt.config["task"]["name"] == "presents":
        out["diagnosis"] = [evaluate_diagnosis(ckpt.path, known=k, hidden=h, graph=graph)
                            for k, h in ((2, 1), (3, 0), (1, 1), (0, 2))]
    return out


def _nan_to_none(obj: Any) -> Any:
    if isinstance(obj, float) and obj != obj:
        return None
    if isinstance(obj, Mapping):
        return {k: _nan_to_none(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_nan_to_none(v) for v in obj]
    return obj


def to_json(metrics: Mapping[str, Any]) -> str:
    return json.dumps(_nan_to_none(metrics), indent=2)


# ------------------------------------------------------------------------------------- all-pairs evaluation

ALL_PAIRS_METHODS = ("paths", "degree", "gnn", "kge")
ALL_PAIRS_SPLITS = ("edge", "source")


def holdout(graph: GraphData, edge_type: tuple[str, str, str], how: str, *, ratio: float = 0.2,
            seed: int = 0) -> np.ndarray:
    """Held-out ``[2, n]`` pairs of ``edge_type``: a random ``ratio`` of its edges (``how="edge"``), or every edge
    of a random ``ratio`` of the sources that have one (``"source"``: a drug's indications all unseen)."""
    if how not in ALL_PAIRS_SPLITS:
        raise InputError(f"split: unknown hold-out {how!r}; valid: {', '.join(ALL_PAIRS_SPLITS)}")
    if not 0 < ratio < 1:
        raise InputError(f"ratio must be in (0, 1), got {ratio}")
    ei = graph.data[edge_type].edge_index.numpy()
    rng = np.random.default_rng(seed)
    if how == "edge":
        pick = np.sort(rng.permutation(ei.shape[1])[: max(1, round(ei.shape[1] * ratio))])
        return ei[:, pick]
    sources = np.unique(ei[0])
    held = rng.permutation(sources)[: max(1, round(len(sources) * ratio))]
    return ei[:, np.isin(ei[0], held)]


def evaluate_all_pairs(task: str | Task = "treats", *, graph: GraphData | None = None,
                       methods: Sequence[str] = ALL_PAIRS_METHODS, splits: Sequence[str] = ALL_PAIRS_SPLITS,
                       ratio: float = 0.2, seed: int = 0, c: float = 0.01, gnn: Mapping[str, Any] | None = None,
                       kge_epochs: int = 60) -> dict[str, Any]:
    """Hold out known edges, rebuild everything from the rest, and rank the held-out ones among all pairs.

    Every method sees the same graph without the held-out edges and scores the same universe (every node of the
    source type × every node of the target type, isolated ones included): the path model (DWPC + logistic
    regression, :mod:`medkg.gnn.paths`), the degree prior, the GNN (trained with the shipped settings on the split)
    and a KGE (DistMult). ``graph`` defaults to the whole Hetionet prior with every compound and disease.
    """
    unknown = [m for m in methods if m not in ALL_PAIRS_METHODS]
    if unknown:
        raise InputError(f"methods: unknown {unknown}; valid: {', '.join(ALL_PAIRS_METHODS)}")
    if graph is None:
        graph = prior_graph((), keep_isolated=True)
        gnn_graph = prior_graph(DEFAULT_EXCLUDED_METAEDGES, node_ids=graph.node_ids)
    else:
        gnn_graph = graph
    task = resolve_task(task, graph)
    et = graph.edge_type(*task.edge_type)
    gnn_opts = {"encoder": "sage", "decoder": "distmult", "weight_decay": 1e-4, "epochs": 300, **(gnn or {})}
    out: dict[str, Any] = {
        "task": task.name, "relation": "-".join(et),
        "universe": {"source": graph.data[et[0]].num_nodes, "target": graph.data[et[2]].num_nodes},
        "protocol": ("known edges held out (by edge, or every edge of some sources); each method rebuilt from the "
                     "rest; held-out pairs ranked among every source x target pair that is not a training edge"),
        "settings": {"ratio": ratio, "seed": seed, "path_model_c": c, "gnn": gnn_opts, "kge_epochs": kge_epochs},
    }
    full = graph.data[et].edge_index.numpy()
    n_t = graph.data[et[2]].num_nodes
    for how in splits:
        test = holdout(graph, et, how, ratio=ratio, seed=seed)
        train_mask = ~np.isin(full[0] * n_t + full[1], test[0] * n_t + test[1])
        train_pos = full[:, train_mask]
        g = without_edges(graph, et, test)
        res: dict[str, Any] = {"held_out": int(test.shape[1]), "train_edges": int(train_pos.shape[1])}
        t0 = time.perf_counter()
        if "paths" in methods:
            model = fit_path_model(g, et, c=c)
            res["paths"] = {**all_pairs_metrics(model.score_matrix(g), test, train_pos),
                            "seconds": round(time.perf_counter() - t0, 1), "features": len(model.metapaths)}
        if "degree" in methods:
            res["degree"] = all_pairs_metrics(degree_prior(g, et), test, train_pos)
        if "gnn" in methods or "kge" in methods:
            rng = np.random.default_rng(seed + 1)  # validation edges for early stopping come out of training
            val_pick = np.zeros(train_pos.shape[1], dtype=bool)
            val_pick[rng.permutation(train_pos.shape[1])[: max(1, train_pos.shape[1] // 10)]] = True
            tt = lambda a: torch.from_numpy(np.ascontiguousarray(a)).long()  # noqa: E731
            gnn_g = without_edges(gnn_graph, et, test)
            split = split_from_edges(gnn_g, et, tt(train_pos[:, ~val_pick]), tt(train_pos[:, val_pick]), tt(test))
            if "gnn" in methods:
                t0 = time.perf_counter()
                result = train(task, graph=gnn_g, split=split, seed=seed, **gnn_opts)
                h = node_states(result.model, split.test)
                with torch.inference_mode():
                    scores = result.model.decoder.score_matrix(h[et[0]], h[et[2]]).double().numpy()
                res["gnn"] = {**all_pairs_metrics(scores, test, train_pos),
                              "seconds": round(time.perf_counter() - t0, 1),
                              "best_epoch": result.config["train"]["best_epoch"]}
            if "kge" in methods:
                kscores, info = kge_scores(split, "distmult", epochs=kge_epochs, seed=seed)
                res["kge_distmult"] = {**all_pairs_metrics(kscores.double().numpy(), test, train_pos),
                                       "info": info}
        log.info("all-pairs evaluation, %s split: %s", how,
                 {m: round(v["auroc"], 3) for m, v in res.items() if isinstance(v, dict)})
        out[f"by_{how}"] = res
    return out


# ------------------------------------------------------------------------------------- differential diagnosis

DIAGNOSIS_METHODS = ("model", "idf_overlap", "hybrid")


def idf_overlap(known: np.ndarray, query: Sequence[int]) -> np.ndarray:
    """IDF-weighted symptom overlap: for each disease, the sum over the query symptoms it is known to present of
    ``log(n_diseases / n_diseases_presenting_it)``, so a rare shared symptom counts more than fever."""
    n = known.shape[0]
    df = known.sum(0)
    idf = np.log(n / np.maximum(df, 1))
    q = list(query)
    return (known[:, q] * idf[q]).sum(1)


def diagnosis_scores(method: str, logits: np.ndarray, known: np.ndarray, query: Sequence[int]) -> np.ndarray:
    """Disease scores for a symptom set: ``model`` (mean log-sigmoid of the PRESENTS logits), ``idf_overlap``, or
    ``hybrid`` (the overlap, with the model's mean probability, at most 1, breaking ties and ranking diseases the
    graph links to none of the symptoms)."""
    q = list(query)
    if method == "idf_overlap":
        return idf_overlap(known, q)
    model = torch.nn.functional.logsigmoid(torch.from_numpy(logits[:, q])).mean(1).numpy()
    if method == "model":
        return model
    if method == "hybrid":
        return idf_overlap(known, q) + np.exp(model)
    raise InputError(f"method: unknown {method!r}; valid: {', '.join(DIAGNOSIS_METHODS)}")


def evaluate_diagnosis(model_dir: str | Path | None = None, *, known: int = 2, hidden: int = 1, seed: int = 0,
                       graph: GraphData | None = None) -> dict[str, Any]:
    """Rank each disease from a few of its symptoms, as ``medkg diagnose`` does, on the presents model's split.

    For every disease with a held-out (test) PRESENTS edge, the query is ``hidden`` of its held-out symptoms plus
    ``known`` of the symptoms the graph still links to it (random, seeded). Each method sees the same graph (train +
    validation edges); the true disease's rank among all diseases gives top-1/top-10 accuracy and MRR (ties half).
    """
    if known < 0 or hidden < 0 or known + hidden < 1:
        raise InputError(f"known and hidden must be >= 0 with a positive sum, got {known}, {hidden}")
    ckpt = load_checkpoint(model_dir, task="presents")
    if ckpt.kind != "gnn":
        raise InputError("model_dir: the diagnosis evaluation needs the GNN presents checkpoint")
    graph = graph or load_graph_for(ckpt)
    split = load_split(ckpt, graph)
    s, _, t = split.target
    h = node_states(ckpt.model, split.test)
    with torch.inference_mode():
        logits = ckpt.model.decoder.score_matrix(h[s], h[t]).double().numpy()
    adj = np.zeros(logits.shape)
    kn = split.known("train", "val").numpy()
    adj[kn[0], kn[1]] = 1
    test = split.test_pos.numpy()
    rng = np.random.default_rng(seed)
    ranks: dict[str, list[float]] = {m: [] for m in DIAGNOSIS_METHODS}
    for d in np.unique(test[0]):
        held = np.sort(test[1][test[0] == d])
        linked = np.flatnonzero(adj[d])
        if len(held) < hidden or len(linked) < known:
            continue
        query = [*rng.choice(linked, known, replace=False).tolist(), *rng.choice(held, hidden, replace=False).tolist()]
        for m in DIAGNOSIS_METHODS:
            sc = diagnosis_scores(m, logits, adj, query)
            ranks[m].append(1 + float((sc > sc[d]).sum()) + (float((sc == sc[d]).sum()) - 1) / 2)
    out: dict[str, Any] = {"task": "presents", "checkpoint": str(ckpt.path), "cases": len(ranks["model"]),
                           "query": {"known_symptoms": known, "held_out_symptoms": hidden, "seed": seed},
                           "candidates": int(logits.shape[0]),
                           "protocol": ("each disease ranked among all diseases from a symptom set drawn from its "
                                        "held-out and its known PRESENTS edges; ties count half")}
    for m, r in ranks.items():
        a = np.asarray(r)
        out[m] = {"top1": float((a <= 1).mean()) if a.size else float("nan"),
                  "top10": float((a <= 10).mean()) if a.size else float("nan"),
                  "mrr": float((1 / a).mean()) if a.size else float("nan")}
    return out
