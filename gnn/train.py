"""Training a link predictor for one target relation, without leakage.

Split: ``RandomLinkSplit`` partitions the target edges into train/val/test and samples type-constrained val/test
negatives (pairs of the right source and target types that are no known edge). The held-out edges are removed from
the message-passing graph in *both* directions (``rev_edge_types``): a model that could see ``rev_TREATS`` of a
test edge would only have to look it up. Validation runs on a graph with the train edges; test on train + val.

Training: each epoch a fresh 30% of the train edges are held back from message passing and used as positives
(``disjoint_train_ratio``-style, re-drawn every epoch), so the model learns to predict edges it cannot see, with
negatives drawn only among nodes of the valid source/target type. Early stopping on validation MRR.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch_geometric.data import HeteroData

from gnn.data import DEFAULT_EXCLUDED_METAEDGES, EdgeType, GraphData, prior_graph, reverse_edge_type, with_edges
from gnn.models import LinkPredictor, decoder_name, encoder_name, has_neighbor_sampler
from kg.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Task:
    """A target relation: which edges to predict, and the relationship type predictions are written back as."""

    name: str
    rel: str
    source: str
    target: str
    predicted_rel: str | None = None

    @property
    def edge_type(self) -> EdgeType:
        return self.source, self.rel, self.target


TASKS: dict[str, Task] = {
    "treats": Task("treats", "TREATS", "Compound", "Disease", "PREDICTED_TREATS"),
    "presents": Task("presents", "PRESENTS", "Disease", "Symptom", "PREDICTED_PRESENTS"),
}


def resolve_task(task: str | Task, graph: GraphData | None = None) -> Task:
    """A task by name (``treats``, ``presents``) or, given a graph, any relation present in it (``binds``)."""
    if isinstance(task, Task):
        return task
    key = str(task).lower()
    if key in TASKS:
        return TASKS[key]
    if graph is not None:
        matches = [et for et in graph.forward_edge_types if et[1].lower() == key]
        if len(matches) == 1:
            s, r, t = matches[0]
            return Task(key, r, s, t)
    extra = sorted({et[1].lower() for et in graph.forward_edge_types}) if graph is not None else []
    raise InputError(f"unknown task {task!r}; valid: {', '.join(dict.fromkeys([*TASKS, *extra]))}")


@dataclass
class Split:
    """Target-edge partition (index pairs, ``[2, n]``) and the three message-passing graphs built from it."""

    target: EdgeType
    train_pos: Tensor
    val_pos: Tensor
    test_pos: Tensor
    val_neg: Tensor
    test_neg: Tensor
    train: HeteroData = field(repr=False)
    val: HeteroData = field(repr=False)
    test: HeteroData = field(repr=False)

    def known(self, *parts: str) -> Tensor:
        """Positive pairs of the named parts (``"train"``, ``"val"``, ``"test"``), e.g. to filter rankings."""
        return torch.cat([getattr(self, f"{p}_pos") for p in parts], 1)

    def to_json(self, graph: GraphData) -> dict[str, Any]:
        s, _, t = self.target
        sid, tid = graph.node_ids[s], graph.node_ids[t]
        pairs = lambda ei: [[sid[a], tid[b]] for a, b in ei.T.tolist()]  # noqa: E731
        return {"target": list(self.target), **{k: pairs(getattr(self, k))
                                                 for k in ("val_pos", "test_pos", "val_neg", "test_neg")}}


def _materialize(data: HeteroData, target: EdgeType, train_pos: Tensor, val_pos: Tensor, test_pos: Tensor,
                 val_neg: Tensor, test_neg: Tensor) -> Split:
    return Split(target, train_pos, val_pos, test_pos, val_neg, test_neg,
                 train=with_edges(data, target, train_pos), val=with_edges(data, target, train_pos),
                 test=with_edges(data, target, torch.cat([train_pos, val_pos], 1)))


def split_from_edges(graph: GraphData, target: EdgeType, train_pos: Tensor, val_pos: Tensor, test_pos: Tensor
                     ) -> Split:
    """A split from chosen target-edge partitions (``[2, n]`` index pairs each), without sampled negatives."""
    empty = torch.zeros(2, 0, dtype=torch.long)
    return _materialize(graph.data, target, train_pos, val_pos, test_pos, empty, empty)


def split_graph(graph: GraphData, task: str | Task, *, val_ratio: float = 0.1, test_ratio: float = 0.2,
                neg_ratio: float = 1.0, seed: int = 0) -> Split:
    """``RandomLinkSplit`` of the task's edges with their reverses split alongside (no leakage)."""
    from torch_geometric.transforms import RandomLinkSplit

    task = resolve_task(task, graph)
    target = graph.edge_type(*task.edge_type)
    if not (0 < val_ratio < 1 and 0 < test_ratio < 1 and val_ratio + test_ratio < 1):
        raise InputError(f"val_ratio and test_ratio must be in (0, 1) with a sum below 1, got {val_ratio}, "
                         f"{test_ratio}")
    torch.manual_seed(seed)
    splitter = RandomLinkSplit(num_val=val_ratio, num_test=test_ratio, is_undirected=False,
                               edge_types=[target], rev_edge_types=[reverse_edge_type(target)],
                               neg_sampling_ratio=neg_ratio, add_negative_train_samples=False)
    tr, va, te = splitter(graph.data)

    def part(d: HeteroData, label: int) -> Tensor:
        return d[target].edge_label_index[:, d[target].edge_label == label]

    return _materialize(graph.data, target, part(tr, 1), part(va, 1), part(te, 1), part(va, 0), part(te, 0))


def split_from_json(graph: GraphData, saved: Mapping[str, Any]) -> Split:
    """Rebuild a saved split on a (re-)built graph: train edges are all target edges not held out."""
    target = tuple(saved["target"])
    s, _, t = target
    si, ti = graph.node_index[s], graph.node_index[t]

    def idx(pairs: Iterable[list[str]]) -> Tensor:
        got = [(si[a], ti[b]) for a, b in pairs if a in si and b in ti]
        return torch.tensor(got, dtype=torch.long).T.reshape(2, -1)

    val_pos, test_pos = idx(saved["val_pos"]), idx(saved["test_pos"])
    full = graph.data[target].edge_index
    n_t = len(ti)
    held = set((val_pos[0] * n_t + val_pos[1]).tolist()) | set((test_pos[0] * n_t + test_pos[1]).tolist())
    keep = torch.tensor([k not in held for k in (full[0] * n_t + full[1]).tolist()], dtype=torch.bool)
    return _materialize(graph.data, target, full[:, keep], val_pos, test_pos, idx(saved["val_neg"]),
                        idx(saved["test_neg"]))


@dataclass
class TrainResult:
    model: LinkPredictor
    graph: GraphData
    split: Split
    task: Task
    config: dict[str, Any]
    history: list[dict[str, float]]
    metrics: dict[str, Any] | None = None


def pick_device(device: str | torch.device | None = None) -> torch.device:
    if device is not None:
        return torch.device(device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _to(d: Mapping[EdgeType, Tensor], device: torch.device) -> dict[EdgeType, Tensor]:
    return {k: v.to(device) for k, v in d.items()}


def node_states(model: LinkPredictor, data: HeteroData, device: torch.device | None = None,
                amp: bool = False) -> dict[str, Tensor]:
    """Full-graph forward in eval mode; states come back as float32 on the CPU."""
    device = device or next(model.parameters()).device
    model.eval()
    x = {nt: data[nt].x.to(device) for nt in data.node_types if "x" in data[nt]} or None
    with torch.no_grad(), torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
        h = model.node_states(_to(data.edge_index_dict, device), x)
    return {k: v.float().cpu() for k, v in h.items()}


def _bce(logits: Tensor, label: float) -> Tensor:
    return torch.nn.functional.binary_cross_entropy_with_logits(logits.float(), torch.full_like(logits.float(),
                                                                                                label))


def _epoch_full_batch(model: LinkPredictor, split: Split, x: dict[str, Tensor] | None, opt: torch.optim.Optimizer,
                      *, supervision_ratio: float, negatives: int, device: torch.device, amp: bool,
                      gen: torch.Generator) -> float:
    model.train()
    target = split.target
    pos = split.train_pos
    perm = torch.randperm(pos.size(1), generator=gen)
    k = max(1, int(supervision_ratio * pos.size(1)))
    sup, mp = pos[:, perm[:k]], pos[:, perm[k:]]
    eid = _to(with_edges(split.train, target, mp).edge_index_dict, device)
    n_src, n_dst = split.train[target[0]].num_nodes, split.train[target[2]].num_nodes
    src, dst = sup[0].repeat(negatives), sup[1].repeat(negatives)
    neg_dst = torch.randint(n_dst, (src.numel(),), generator=gen)  # corrupt the target: same type only
    neg_src = torch.randint(n_src, (dst.numel(),), generator=gen)  # corrupt the source: same type only
    opt.zero_grad(set_to_none=True)
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
        h = model.node_states(eid, x)
        pos_logit = model.score(h, sup[0].to(device), sup[1].to(device))
        neg_logit = torch.cat([model.score(h, src.to(device), neg_dst.to(device)),
                               model.score(h, neg_src.to(device), dst.to(device))])
    loss = _bce(pos_logit, 1.0) + _bce(neg_logit, 0.0)
    loss.backward()
    opt.step()
    return float(loss.detach())


def _epoch_mini_batch(model: LinkPredictor, split: Split, opt: torch.optim.Optimizer, *, batch_size: int,
                      negatives: int, layers: int, device: torch.device, amp: bool) -> float:
    """Neighbour-sampled epoch (``LinkNeighborLoader``); only used when pyg_lib or torch_sparse is installed."""
    from torch_geometric.loader import LinkNeighborLoader

    model.train()
    target = split.target
    loader = LinkNeighborLoader(split.train, num_neighbors=[15] * layers, edge_label_index=(target, split.train_pos),
                                neg_sampling=dict(mode="binary", amount=negatives), batch_size=batch_size,
                                shuffle=True)
    total, n = 0.0, 0
    for batch in loader:
        batch = batch.to(device)
        x = {nt: model.emb[nt](batch[nt].n_id) for nt in batch.node_types}
        for nt, p in model.proj.items():
            x[nt] = x[nt] + p(batch[nt].x)
        opt.zero_grad(set_to_none=True)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
            h = model.encoder(x, batch.edge_index_dict)
            eli = batch[target].edge_label_index
            logit = model.decoder(h[target[0]][eli[0]], h[target[2]][eli[1]])
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logit.float(), batch[target].edge_label.float())
        loss.backward()
        opt.step()
        total, n = total + float(loss.detach()), n + 1
    return total / max(n, 1)


def train(task: str | Task = "treats", encoder: Any = "rgcn", decoder: Any = "distmult", *, epochs: int = 200,
          hidden: int = 64, layers: int = 2, num_bases: int = 4, dropout: float = 0.1, lr: float = 0.01,
          weight_decay: float = 0.0, negatives: int = 8, supervision_ratio: float = 0.3, eval_every: int = 5,
          patience: int = 5, val_ratio: float = 0.1, test_ratio: float = 0.2, seed: int = 0,
          graph: GraphData | None = None, exclude_metaedges: Iterable[str] = DEFAULT_EXCLUDED_METAEDGES,
          device: str | torch.device | None = None, amp: bool | None = None, batch_size: int | None = None,
          evaluate: bool = False, baselines: bool = True, kge: str = "distmult", kge_epochs: int = 60, out: str | Path | None = None,
          graph_source: str | None = None, split: Split | None = None) -> TrainResult:
    """Train a link predictor for ``task`` and return it with its split; optionally evaluate and save.

    ``graph`` defaults to the Hetionet prior without ``exclude_metaedges``. ``amp`` defaults to on when training on
    CUDA (bf16 autocast). ``batch_size`` asks for neighbour-sampled mini-batches, which fall back to full-batch
    (with a warning) when neither pyg_lib nor torch_sparse is installed. ``split`` replaces the random link split
    (an evaluation that holds out edges of its own choosing, e.g. every edge of some compounds).
    """
    from torch_geometric import seed_everything

    for name, value in (("epochs", epochs), ("hidden", hidden), ("layers", layers), ("negatives", negatives),
                        ("eval_every", eval_every), ("patience", patience)):
        if int(value) < 1:
            raise InputError(f"{name} must be a positive integer, got {value!r}")
    if not 0 < supervision_ratio < 1:
        raise InputError(f"supervision_ratio must be in (0, 1), got {supervision_ratio!r}")
    seed_everything(seed)
    excluded = list(exclude_metaedges)
    if graph is None:
        graph = prior_graph(excluded)
        graph_source = graph_source or "prior"
    task = resolve_task(task, graph)
    dev = pick_device(device)
    amp = dev.type == "cuda" if amp is None else (bool(amp) and dev.type == "cuda")
    if batch_size is not None and not has_neighbor_sampler():
        log.warning("mini-batch training needs pyg_lib or torch_sparse (neither is installed): training full-batch")
        batch_size = None

    if split is None:
        split = split_graph(graph, task, val_ratio=val_ratio, test_ratio=test_ratio, seed=seed)
    elif split.target != task.edge_type:
        raise InputError(f"split: made for {'-'.join(split.target)}, not the task's {'-'.join(task.edge_type)}")
    data = graph.data
    feature_dims = {nt: data[nt].x.size(1) for nt in data.node_types if "x" in data[nt]}
    model = LinkPredictor({nt: data[nt].num_nodes for nt in data.node_types}, data.metadata(), task.source,
                          task.target, encoder=encoder, decoder=decoder, hidden=hidden, layers=layers,
                          num_bases=num_bases, dropout=dropout, feature_dims=feature_dims).to(dev)
    x = {nt: data[nt].x.to(dev) for nt in feature_dims} or None
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    gen = torch.Generator().manual_seed(seed)

    from gnn.evaluate import ranking_metrics

    best, best_state, best_epoch, bad, history = -1.0, None, 0, 0, []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        if batch_size is None:
            loss = _epoch_full_batch(model, split, x, opt, supervision_ratio=supervision_ratio, negatives=negatives,
                                     device=dev, amp=amp, gen=gen)
        else:
            loss = _epoch_mini_batch(model, split, opt, batch_size=batch_size, negatives=negatives, layers=layers,
                                     device=dev, amp=amp)
        row = {"epoch": epoch, "loss": loss, "seconds": time.perf_counter() - t0}
        if epoch % eval_every == 0 or epoch == epochs:
            h = node_states(model, split.val, dev, amp)
            with torch.no_grad():
                scores = model.decoder.score_matrix(h[task.source], h[task.target])
            row["val_mrr"] = ranking_metrics(scores, split.val_pos, split.known("train", "val"))["mrr"]
            log.info("epoch %d loss %.4f val_mrr %.4f", epoch, loss, row["val_mrr"])
            if row["val_mrr"] > best:
                best, best_epoch, bad = row["val_mrr"], epoch, 0
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                bad += 1
                if bad >= patience:
                    history.append(row)
                    break
        history.append(row)
    if best_state is not None:
        model.load_state_dict(best_state)

    config = {
        "task": asdict(task),
        "model": {"encoder": encoder_name(model.encoder), "decoder": decoder_name(model.decoder), "hidden": hidden,
                  "layers": layers, "num_bases": num_bases, "dropout": dropout},
        "graph": {"source": graph_source or "custom", "exclude_metaedges": excluded if graph_source == "prior"
                  else [], "text_features": sorted(feature_dims)},
        "train": {"epochs": epochs, "epochs_run": len(history), "best_epoch": best_epoch, "best_val_mrr": best,
                  "lr": lr, "weight_decay": weight_decay, "negatives": negatives,
                  "supervision_ratio": supervision_ratio, "eval_every": eval_every, "patience": patience,
                  "val_ratio": val_ratio, "test_ratio": test_ratio, "seed": seed, "device": str(dev), "amp": amp,
                  "mini_batch": batch_size is not None,
                  "seconds_per_epoch": sum(r["seconds"] for r in history) / max(len(history), 1)},
        "num_nodes": {nt: data[nt].num_nodes for nt in data.node_types},
        "metadata": [list(data.node_types), [list(et) for et in data.edge_types]],
    }
    result = TrainResult(model.cpu(), graph, split, task, config, history)
    if evaluate:
        from gnn.evaluate import evaluate_split

        result.metrics = evaluate_split(result.model, graph, split, task, baselines=baselines, kge=kge,
                                        kge_epochs=kge_epochs, seed=seed)
    if out is not None:
        from gnn.checkpoint import save_checkpoint

        save_checkpoint(out, result)
    return result
