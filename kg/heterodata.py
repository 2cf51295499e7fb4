"""Typed edge rows → PyG ``HeteroData`` with id maps both ways.

One builder serves every graph source: the edges of the shipped Hetionet prior (:func:`medkg.kg.prior.read_edges`),
the fused graph exported from the store (:func:`medkg.kg.export.iter_fact_edges`), or rows made by hand in a test. A row is
``(source_label, source_id, rel, target_label, target_id)`` (labels/relations as strings or the ``medkg.kg.schema``
enums) or any object with those attributes, such as :class:`medkg.kg.prior.PriorEdge`.

Edge types are ``(source_label, REL, target_label)``; every one gets a reverse type
``(target_label, "rev_REL", source_label)`` so messages flow both ways (what ``ToUndirected`` does, with names that
say which direction is which, which the link split needs to keep held-out edges out of both directions).
"""

from __future__ import annotations

import copy
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import torch
from torch_geometric.data import HeteroData

from medkg.kg.errors import InputError

EdgeType = tuple[str, str, str]
EdgeRow = tuple[str, str, str, str, str]
REV_PREFIX = "rev_"

log = logging.getLogger(__name__)


def _s(value: Any) -> str:
    return value.value if isinstance(value, Enum) else str(value)


def as_row(row: Any) -> EdgeRow:
    """Normalise a tuple or attribute-style edge record to a 5-tuple of plain strings."""
    if isinstance(row, Sequence) and not isinstance(row, str):
        if len(row) < 5:
            raise InputError(f"edge row needs (source_label, source_id, rel, target_label, target_id), got {row!r}")
        sl, sid, rel, tl, tid = row[:5]
    else:
        try:
            sl, sid, rel, tl, tid = (row.source_label, row.source_id, row.rel, row.target_label, row.target_id)
        except AttributeError:
            raise InputError(f"not an edge row: {row!r}") from None
    return _s(sl), str(sid), _s(rel), _s(tl), str(tid)


def reverse_edge_type(edge_type: EdgeType) -> EdgeType:
    src, rel, dst = edge_type
    if rel.startswith(REV_PREFIX):
        return dst, rel[len(REV_PREFIX):], src
    return dst, REV_PREFIX + rel, src


def is_reverse(edge_type: EdgeType) -> bool:
    return edge_type[1].startswith(REV_PREFIX)


def with_edges(data: HeteroData, edge_type: EdgeType, edges: torch.Tensor) -> HeteroData:
    """A shallow copy of ``data`` whose ``edge_type`` edges are ``edges`` (``[2, n]``), its reverse type's the same
    edges flipped (when the graph has that type), so a held-out edge is absent in both directions."""
    out = copy.copy(data)
    out[edge_type].edge_index = edges
    rev = reverse_edge_type(edge_type)
    if rev in data.edge_types:
        out[rev].edge_index = edges.flip(0)
    return out


@dataclass
class GraphData:
    """A ``HeteroData`` plus the concept-id ↔ index maps of every node type (and names when known)."""

    data: HeteroData
    node_ids: dict[str, list[str]]
    names: dict[str, list[str | None]] = field(default_factory=dict)
    node_index: dict[str, dict[str, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.node_index = {nt: {cid: i for i, cid in enumerate(ids)} for nt, ids in self.node_ids.items()}

    @property
    def forward_edge_types(self) -> list[EdgeType]:
        return [et for et in self.data.edge_types if not is_reverse(et)]

    def index(self, label: str, cid: str) -> int | None:
        return self.node_index.get(_s(label), {}).get(cid)

    def name(self, label: str, i: int) -> str | None:
        names = self.names.get(label)
        return names[i] if names else None

    def edge_type(self, source_label: str, rel: str, target_label: str) -> EdgeType:
        et = (_s(source_label), _s(rel), _s(target_label))
        if et not in self.data.edge_types:
            valid = ", ".join("-".join(t) for t in self.forward_edge_types)
            raise InputError(f"edge type {'-'.join(et)} is not in the graph; present: {valid}")
        return et


def build_heterodata(rows: Iterable[Any], nodes: Iterable[Any] | None = None, *,
                     node_ids: Mapping[str, Sequence[str]] | None = None, add_reverse: bool = True,
                     exclude_relations: Iterable[str] = (), keep_isolated: bool = True) -> GraphData:
    """Build a typed graph from edge rows.

    ``nodes`` (records with ``label``, ``id``, ``name``) gives names and, with ``keep_isolated``, adds nodes no row
    touches (an isolated node only costs an untrained embedding). ``node_ids`` fixes the node
    vocabulary, e.g. to a checkpoint's: rows whose endpoints are not in it are dropped (counted in a log line), so
    a model trained on one graph can be run on a grown one. Duplicate edges are merged.

    Without ``node_ids`` the vocabulary is canonical (node types and ids sorted), so the same graph read from
    another store, or in another row order, gives the same tensors and, with the same seed, the same model.
    """
    excluded = {_s(r) for r in exclude_relations}
    fixed = node_ids is not None
    ids: dict[str, list[str]] = {nt: list(v) for nt, v in node_ids.items()} if fixed else {}
    index: dict[str, dict[str, int]] = {nt: {c: i for i, c in enumerate(v)} for nt, v in ids.items()}
    names: dict[str, dict[str, str]] = defaultdict(dict)

    def idx(label: str, cid: str) -> int | None:
        table = index.get(label)
        if table is None:
            if fixed:
                return None
            table = index[label] = {}
            ids[label] = []
        i = table.get(cid)
        if i is None and not fixed:
            i = table[cid] = len(ids[label])
            ids[label].append(cid)
        return i

    for node in nodes or ():
        label, cid = _s(node.label), str(node.id)
        if getattr(node, "name", None):
            names[label][cid] = node.name
        if keep_isolated:
            idx(label, cid)

    pairs: dict[EdgeType, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    dropped = 0
    for raw in rows:
        sl, sid, rel, tl, tid = as_row(raw)
        if rel in excluded:
            continue
        if rel.startswith(REV_PREFIX):
            raise InputError(f"relation names may not start with {REV_PREFIX!r} (reserved for reverse edges): {rel}")
        s, t = idx(sl, sid), idx(tl, tid)
        if s is None or t is None:
            dropped += 1
            continue
        src, dst = pairs[(sl, rel, tl)]
        src.append(s)
        dst.append(t)
    if dropped:
        log.info("dropped %d edges whose endpoints are outside the fixed node vocabulary", dropped)
    if not fixed:
        ids, pairs = _canonical_order(ids, pairs)

    data = HeteroData()
    for nt, v in ids.items():
        data[nt].num_nodes = len(v)
    for et in sorted(pairs):
        src, dst = pairs[et]
        ei = torch.unique(torch.tensor([src, dst], dtype=torch.long), dim=1)  # dedupe, sorted
        data[et].edge_index = ei
        if add_reverse:
            data[reverse_edge_type(et)].edge_index = ei.flip(0)
    name_lists = {nt: [names[nt].get(c) for c in v] for nt, v in ids.items()} if names else {}
    if not ids:
        raise InputError("the graph has no nodes: no edge rows (or all were excluded)")
    return GraphData(data=data, node_ids=ids, names=name_lists)


def _canonical_order(ids: dict[str, list[str]], pairs: Mapping[EdgeType, tuple[list[int], list[int]]]
                     ) -> tuple[dict[str, list[str]], dict[EdgeType, tuple[list[int], list[int]]]]:
    """Node types and ids sorted, edge endpoints renumbered to match (the store's row order must not matter)."""
    new_ids = {nt: sorted(ids[nt]) for nt in sorted(ids)}
    remap: dict[str, list[int]] = {}  # old index -> new index, per node type
    for nt, sorted_ids in new_ids.items():
        position = {c: i for i, c in enumerate(sorted_ids)}
        remap[nt] = [position[c] for c in ids[nt]]
    new_pairs = {et: ([remap[et[0]][i] for i in src], [remap[et[2]][i] for i in dst])
                 for et, (src, dst) in pairs.items()}
    return new_ids, new_pairs
