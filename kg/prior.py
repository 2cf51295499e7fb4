"""Hetionet v1.0 (CC0) as the prior graph.

The package ships the node vocabulary and 20 of Hetionet's 24 edge types under ``kg/data/hetionet/`` (see
``kg/data/hetionet/README.md`` for provenance and how to rebuild). Hetionet ids become medkg concept ids and
metaedges map onto the relationship whitelist (:data:`medkg.kg.schema.HETIONET_METAEDGES`).
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from medkg.kg import cypher
from medkg.kg.errors import InputError
from medkg.kg.schema import HETIONET_KINDS, HETIONET_METAEDGES, NodeLabel, RelType, hetionet_concept

if TYPE_CHECKING:
    from medkg.kg.store import GraphStore

PRIOR_DATASET = "Hetionet v1.0"


@dataclass(frozen=True, slots=True)
class PriorNode:
    label: NodeLabel
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class PriorEdge:
    source_label: NodeLabel
    source_id: str
    rel: RelType
    target_label: NodeLabel
    target_id: str
    metaedge: str


def data_dir() -> Path:
    return Path(str(resources.files("medkg.kg") / "data" / "hetionet"))


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8", newline="") if path.suffix == ".gz" else open(
        path, encoding="utf-8", newline="")


def read_nodes(path: Path | None = None) -> Iterator[PriorNode]:
    """Nodes of the kinds medkg models (GO terms, which no shipped edge uses, are skipped)."""
    path = path or data_dir() / "nodes.tsv.gz"
    with _open(path) as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        for row in reader:
            if row["kind"].strip() not in HETIONET_KINDS:
                continue
            label, cid = hetionet_concept(row["id"].strip())
            yield PriorNode(label, cid, row["name"].strip())


def read_edges(path: Path | None = None, metaedges: Iterable[str] | None = None) -> Iterator[PriorEdge]:
    """Edges as ``source  metaedge  target`` lines; ``metaedges`` restricts to some types (e.g. ``{"CtD"}``)."""
    path = path or data_dir() / "edges.sif.gz"
    wanted = set(metaedges) if metaedges is not None else None
    if wanted is not None and (unknown := wanted - HETIONET_METAEDGES.keys()):
        raise InputError(f"unknown Hetionet metaedge(s) {sorted(unknown)}; valid: {sorted(HETIONET_METAEDGES)}")
    with _open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\r\n").split("\t")
            if lineno == 1 and parts[:2] == ["source", "metaedge"]:
                continue
            if len(parts) != 3:
                raise InputError(f"{path}:{lineno}: expected 3 tab-separated fields, got {len(parts)}")
            src, meta, dst = parts
            if wanted is not None and meta not in wanted:
                continue
            if meta not in HETIONET_METAEDGES:
                raise InputError(f"{path}:{lineno}: unknown metaedge {meta!r}")
            s_label, rel, t_label = HETIONET_METAEDGES[meta]
            sl, sid = hetionet_concept(src)
            tl, tid = hetionet_concept(dst)
            if sl is not s_label or tl is not t_label:
                raise InputError(f"{path}:{lineno}: {meta} expects {s_label.value}->{t_label.value}, "
                                 f"got {sl.value}->{tl.value}")
            yield PriorEdge(sl, sid, rel, tl, tid, meta)


def edge_counts(path: Path | None = None) -> dict[str, int]:
    """Edges per metaedge in the shipped file (cached next to it on first use)."""
    path = path or data_dir() / "edges.sif.gz"
    cache = path.with_name(path.name + ".counts.json")
    if cache.exists():
        return json.loads(cache.read_text())
    counts: dict[str, int] = {}
    for e in read_edges(path):
        counts[e.metaedge] = counts.get(e.metaedge, 0) + 1
    try:
        cache.write_text(json.dumps(counts, indent=1, sort_keys=True))
    except OSError:  # a read-only install: just recount next time
        pass
    return counts


class _EdgeBatches:
    """One metaedge's edges on their way to the store: buffered as they are read, de-duplicated, and written
    ``size`` at a time (one transaction per batch), CREATEd on the bulk path or MERGEd."""

    def __init__(self, store: GraphStore, meta: str, bulk: bool, from_target: bool, size: int) -> None:
        s, rel, o = HETIONET_METAEDGES[meta]
        self.store, self.meta, self.bulk, self.size = store, meta, bulk, size
        self.query = (cypher.create_prior_edges(s, rel, o) if bulk
                      else cypher.merge_prior_edges(s, rel, o, from_target=from_target))
        self.pending: list[tuple[str, str]] = []
        self.written = 0

    def add(self, source_id: str, target_id: str) -> int:
        """Buffer one edge; returns how many edges this wrote (0 until the buffer is full)."""
        self.pending.append((source_id, target_id))
        return self.flush() if len(self.pending) >= self.size else 0

    def flush(self) -> int:
        # De-duplicated within the batch only: the bulk path relies on the file listing each edge once, as
        # Hetionet's does (tests/kg/test_prior_export.py checks the shipped file).
        edges = list(dict.fromkeys(self.pending))
        self.pending = []
        if not edges:
            return 0
        if self.bulk:
            targets: dict[str, list[str]] = {}
            for source_id, target_id in edges:
                targets.setdefault(source_id, []).append(target_id)
            rows = [{"s": source_id, "targets": t} for source_id, t in targets.items()]
        else:
            rows = [{"s": source_id, "o": target_id} for source_id, target_id in edges]
        self.store.write_rows(self.query, rows, len(rows), dataset=PRIOR_DATASET, metaedge=self.meta)
        self.written += len(edges)
        return len(edges)


def load_prior(store: GraphStore, metaedges: Iterable[str] | None = None, batch_size: int = 10_000,
               progress: bool = False) -> dict[str, int]:
    """Import the Hetionet prior into ``store`` (idempotent); returns rows per label and per metaedge.

    The edges file is read once; each metaedge's edges are buffered and written ``batch_size`` at a time, one
    transaction per batch, so the client holds at most one batch per metaedge and the server one transaction. A
    metaedge already in the graph in full is skipped; one with no edge of its type between its labels yet takes
    the bulk path (CREATE); anything in between (a load that stopped midway, the same facts extracted from text)
    is MERGEd on concept ids.
    """
    store.ensure_schema()
    wanted = set(metaedges) if metaedges is not None else set(HETIONET_METAEDGES)
    labels = {lab for m in wanted for lab in (HETIONET_METAEDGES[m][0], HETIONET_METAEDGES[m][2])}
    counts: dict[str, int] = {}
    nodes = sorted((n for n in read_nodes() if n.label in labels), key=lambda n: n.label.value)
    for label, group in groupby(nodes, key=lambda n: n.label):
        rows = [{"id": n.id, "name": n.name} for n in group]
        store.write_rows(cypher.merge_prior_nodes(label), rows, batch_size, dataset=PRIOR_DATASET)
        counts[label.value] = len(rows)
    bar = None
    if progress:
        bar = tqdm(total=None, unit=" edges", desc="Hetionet prior")
    expected = edge_counts()
    batches: dict[str, _EdgeBatches] = {}
    for meta in sorted(wanted):
        s, rel, o = HETIONET_METAEDGES[meta]
        [have] = store.query(cypher.count_prior_edges(rel), {"metaedge": meta})
        if have["n"] == expected.get(meta, 0):  # already loaded in full (or not in the file): a re-run skips it
            counts[meta] = have["n"]
            if bar is not None:
                bar.update(have["n"])
            continue
        bulk = have["n"] == 0 and not store.query(cypher.edges_between_exist(s, rel, o))
        # MERGE from the end whose label has more nodes: fewer edges per node to look through
        from_target = counts.get(o.value, 0) > counts.get(s.value, 0)
        batches[meta] = _EdgeBatches(store, meta, bulk, from_target, batch_size)
    for edge in read_edges(metaedges=batches) if batches else ():
        written = batches[edge.metaedge].add(edge.source_id, edge.target_id)
        if bar is not None and written:
            bar.update(written)
    for meta, pending in batches.items():
        written = pending.flush()
        if bar is not None:
            bar.update(written)
        counts[meta] = pending.written
    if bar is not None:
        bar.close()
    return counts
