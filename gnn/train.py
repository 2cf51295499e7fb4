"""Training a link predictor for one target relation, on a leak-free split (:mod:`medkg.gnn.tasks`).

Each epoch a fresh 30% of the train edges are held back from message passing and used as positives
(``disjoint_train_ratio``-style, re-drawn every epoch), so the model learns to predict edges it cannot see, with
negatives drawn only among nodes of the valid source/target type. Early stopping on validation MRR. Evaluating on
the test edges and saving a checkpoint are :mod:`medkg.gnn.pipeline`'s: this module only trains.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

import torch
from torch import Tensor
from torch_geometric import seed_everything
from torch_geometric.data import HeteroData
from torch_geometric.loader import LinkNeighborLoader

from medkg.gnn.data import DEFAULT_EXCLUDED_METAEDGES, prior_graph
from medkg.gnn.metrics import ranking_metrics
from medkg.gnn.models import LinkPredictor, decoder_name, encoder_name, has_neighbor_sampler
from medkg.gnn.tasks import Split, Task, resolve_task, split_graph
from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError
from medkg.kg.heterodata import EdgeType, GraphData, with_edges

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    """A trained model with what rebuilds and judges it; ``metrics`` is filled in by an evaluation (the pipeline)."""

    model: LinkPredictor
    graph: GraphData
    split: Split
    task: Task
    config: dict[str, Any]
    history: list[dict[str, float]]
    metrics: dict[str, Any] | None = None


# Hand-written (a dozen lines): PyTorch and PyG ship no early-stopping helper, and ignite's (MONAI's handlers) and
# Lightning's work only inside their own training engines, which medkg's loops do not use.
@dataclass
class EarlyStopping:
    """Keeps the weights of the best validation score seen; says stop after ``patience`` evaluations without gain."""

    patience: int
    best: float = -1.0
    best_epoch: int = 0
    bad: int = 0
    best_state: dict[str, Tensor] | None = None

    def update(self, model: torch.nn.Module, epoch: int, score: float) -> bool:
        """Record one validation score; True when training should stop."""
        if score > self.best:
            self.best, self.best_epoch, self.bad = score, epoch, 0
            self.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            return False
        self.bad += 1
        return self.bad >= self.patience

    def restore_best(self, model: torch.nn.Module) -> None:
        if self.best_state is not None:
            model.load_state_dict(self.best_state)


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


def _check_options(supervision_ratio: float, **positive: int) -> None:
    for name, value in positive.items():
        if int(value) < 1:
            raise InputError(f"{name} must be a positive integer, got {value!r}")
    if not 0 < supervision_ratio < 1:
        raise InputError(f"supervision_ratio must be in (0, 1), got {supervision_ratio!r}")


def _usable_batch_size(batch_size: int | None) -> int | None:
    if batch_size is not None and not has_neighbor_sampler():
        log.warning("mini-batch training needs pyg_lib or torch_sparse (neither is installed): training full-batch")
        return None
    return batch_size


def _split_for(graph: GraphData, task: Task, split: Split | None, *, val_ratio: float, test_ratio: float,
               seed: int) -> Split:
    """The given split, checked against the task, or a fresh random link split."""
    if split is None:
        return split_graph(graph, task, val_ratio=val_ratio, test_ratio=test_ratio, seed=seed)
    if split.target != task.edge_type:
        raise InputError(f"split: made for {'-'.join(split.target)}, not the task's {'-'.join(task.edge_type)}")
    return split


def _feature_dims(data: HeteroData) -> dict[str, int]:
    return {nt: data[nt].x.size(1) for nt in data.node_types if "x" in data[nt]}


def build_model(data: HeteroData, task: Task, encoder: Any = "rgcn", decoder: Any = "distmult", *,
                hidden: int = 64, layers: int = 2, num_bases: int = 4, dropout: float = 0.1) -> LinkPredictor:
    """An untrained predictor sized to ``data``: one embedding per node, text features projected where present."""
    return LinkPredictor({nt: data[nt].num_nodes for nt in data.node_types}, data.metadata(), task.source,
                         task.target, encoder=encoder, decoder=decoder, hidden=hidden, layers=layers,
                         num_bases=num_bases, dropout=dropout, feature_dims=_feature_dims(data))


def validation_mrr(model: LinkPredictor, split: Split, device: torch.device, amp: bool) -> float:
    """Filtered tail MRR of the validation edges, message passing over the train edges: the early-stopping score."""
    s, _, t = split.target
    h = node_states(model, split.val, device, amp)
    with torch.no_grad():
        scores = model.decoder.score_matrix(h[s], h[t])
    return ranking_metrics(scores, split.val_pos, split.known("train", "val"))["mrr"]


def _fit(model: LinkPredictor, split: Split, run_epoch: Callable[[], float], *, epochs: int, eval_every: int,
         patience: int, device: torch.device, amp: bool) -> tuple[list[dict[str, float]], EarlyStopping]:
    """Run epochs until ``epochs`` or early stopping, then load the best validated weights back into ``model``."""
    stopping, history = EarlyStopping(patience), []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        loss = run_epoch()
        row = {"epoch": epoch, "loss": loss, "seconds": time.perf_counter() - t0}
        stop = False
        if epoch % eval_every == 0 or epoch == epochs:
            row["val_mrr"] = validation_mrr(model, split, device, amp)
            log.info("epoch %d loss %.4f val_mrr %.4f", epoch, loss, row["val_mrr"])
            stop = stopping.update(model, epoch, row["val_mrr"])
        history.append(row)
        if stop:
            break
    stopping.restore_best(model)
    return history, stopping


def _config(task: Task, model: LinkPredictor, data: HeteroData, *, model_settings: Mapping[str, Any],
            graph_source: str | None, excluded: list[str], epochs: int, history: list[dict[str, float]],
            stopping: EarlyStopping, train_settings: Mapping[str, Any]) -> dict[str, Any]:
    """Everything a checkpoint needs to rebuild the model and its graph, and the record of how it was trained."""
    return {
        "task": asdict(task),
        "model": {"encoder": encoder_name(model.encoder), "decoder": decoder_name(model.decoder), **model_settings},
        "graph": {"source": graph_source or "custom", "exclude_metaedges": excluded if graph_source == "prior"
                  else [], "text_features": sorted(_feature_dims(data))},
        "train": {"epochs": epochs, "epochs_run": len(history), "best_epoch": stopping.best_epoch,
                  "best_val_mrr": stopping.best, **train_settings,
                  "seconds_per_epoch": sum(r["seconds"] for r in history) / max(len(history), 1)},
        "num_nodes": {nt: data[nt].num_nodes for nt in data.node_types},
        "metadata": [list(data.node_types), [list(et) for et in data.edge_types]],
    }


def train(task: str | Task = "treats", encoder: Any = "rgcn", decoder: Any = "distmult", *, epochs: int = 200,
          hidden: int = 64, layers: int = 2, num_bases: int = 4, dropout: float = 0.1, lr: float = 0.01,
          weight_decay: float = 0.0, negatives: int = 8, supervision_ratio: float = 0.3, eval_every: int = 5,
          patience: int = 5, val_ratio: float = 0.1, test_ratio: float = 0.2, seed: int = 0,
          graph: GraphData | None = None, exclude_metaedges: Iterable[str] = DEFAULT_EXCLUDED_METAEDGES,
          device: str | torch.device | None = None, amp: bool | None = None, batch_size: int | None = None,
          graph_source: str | None = None, split: Split | None = None) -> TrainResult:
    """Train a link predictor for ``task`` and return it (on the CPU) with its split and training record.

    ``graph`` defaults to the Hetionet prior without ``exclude_metaedges``. ``amp`` defaults to on when training on
    CUDA (bf16 autocast). ``batch_size`` asks for neighbour-sampled mini-batches, which fall back to full-batch
    (with a warning) when neither pyg_lib nor torch_sparse is installed. ``split`` replaces the random link split
    (an evaluation that holds out edges of its own choosing, e.g. every edge of some compounds).
    """
    _check_options(supervision_ratio, epochs=epochs, hidden=hidden, layers=layers, negatives=negatives,
                   eval_every=eval_every, patience=patience)
    seed_everything(seed)
    excluded = list(exclude_metaedges)
    if graph is None:
        graph = prior_graph(excluded)
        graph_source = graph_source or "prior"
    task = resolve_task(task, graph)
    dev = resolve_device(device)
    amp = dev.type == "cuda" if amp is None else (bool(amp) and dev.type == "cuda")
    batch_size = _usable_batch_size(batch_size)
    split = _split_for(graph, task, split, val_ratio=val_ratio, test_ratio=test_ratio, seed=seed)

    data = graph.data
    model_settings = {"hidden": hidden, "layers": layers, "num_bases": num_bases, "dropout": dropout}
    model = build_model(data, task, encoder, decoder, **model_settings).to(dev)
    x = {nt: data[nt].x.to(dev) for nt in _feature_dims(data)} or None
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    if batch_size is None:
        run_epoch = partial(_epoch_full_batch, model, split, x, opt, supervision_ratio=supervision_ratio,
                            negatives=negatives, device=dev, amp=amp, gen=torch.Generator().manual_seed(seed))
    else:
        run_epoch = partial(_epoch_mini_batch, model, split, opt, batch_size=batch_size, negatives=negatives,
                            layers=layers, device=dev, amp=amp)
    history, stopping = _fit(model, split, run_epoch, epochs=epochs, eval_every=eval_every, patience=patience,
                             device=dev, amp=amp)

    train_settings = {"lr": lr, "weight_decay": weight_decay, "negatives": negatives,
                      "supervision_ratio": supervision_ratio, "eval_every": eval_every, "patience": patience,
                      "val_ratio": val_ratio, "test_ratio": test_ratio, "seed": seed, "device": str(dev), "amp": amp,
                      "mini_batch": batch_size is not None}
    config = _config(task, model, data, model_settings=model_settings, graph_source=graph_source,
                     excluded=excluded, epochs=epochs, history=history, stopping=stopping,
                     train_settings=train_settings)
    return TrainResult(model.cpu(), graph, split, task, config, history)
