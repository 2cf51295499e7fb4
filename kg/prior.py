"""Hetionet v1.0 (CC0) as the prior graph.

The package ships the node vocabulary and 20 of Hetionet's 24 edge types under ``kg/data/hetionet/`` (see
``kg/data/hetionet/README.md`` for provenance and how to rebuild). Hetionet ids become medkg concept ids and
metaedges map onto the relationship whitelist (:data:`kg.schema.HETIONET_METAEDGES`).
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import InputError
from kg.schema import HETIONET_KINDS, HETIONET_METAEDGES, NodeLabel, RelType, hetionet_concept

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
    return Path(str(resources.files("kg") / "data" / "hetionet"))


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
    import json

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


def load_prior(store, metaedges: Iterable[str] | None = None, batch_size: int = 10_000,
               progress: bool = False) -> dict[str, int]:
    """Import the Hetionet prior into ``store`` (idempotent: MERGE on concept ids); returns rows per metaedge.

    Edges stream type by type in ``batch_size`` rows, one write transaction per batch, which keeps the client's
    and the server's memory flat.
    """
    from itertools import groupby, islice

    from kg import cypher

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
        from tqdm import tqdm

        bar = tqdm(total=None, unit=" edges", desc="Hetionet prior")
    expected = edge_counts()
    for meta in sorted(wanted):
        s, rel, o = HETIONET_METAEDGES[meta]
        [have] = store.query(cypher.count_prior_edges(rel), {"metaedge": meta})
        if have["n"] == expected.get(meta):  # already loaded in full: a re-run skips it
            counts[meta] = have["n"]
            if bar is not None:
                bar.update(have["n"])
            continue
        query = cypher.merge_prior_edges(s, rel, o)
        edges = ({"s": e.source_id, "o": e.target_id} for e in read_edges(metaedges={meta}))
        n = 0
        while chunk := list(islice(edges, batch_size)):
            store.write_rows(query, chunk, batch_size, dataset=PRIOR_DATASET, metaedge=meta)
            n += len(chunk)
            if bar is not None:
                bar.update(len(chunk))
        counts[meta] = n
    if bar is not None:
        bar.close()
    return counts
