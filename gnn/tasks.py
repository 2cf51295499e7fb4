"""What to predict and which edges the model may see: task definitions and leak-free link splits.

Split: ``RandomLinkSplit`` partitions the target edges into train/val/test and samples type-constrained val/test
negatives (pairs of the right source and target types that are no known edge). The held-out edges are removed from
the message-passing graph in *both* directions (``rev_edge_types``): a model that could see ``rev_TREATS`` of a
test edge would only have to look it up. Validation runs on a graph with the train edges; test on train + val.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import Tensor
from torch_geometric.data import HeteroData
from torch_geometric.transforms import RandomLinkSplit

from medkg.kg.errors import InputError
from medkg.kg.heterodata import EdgeType, GraphData, reverse_edge_type, with_edges


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
