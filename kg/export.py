"""Exports of the graph: typed edge rows, PyG ``HeteroData`` (with id maps back to concept ids) and networkx.

Only asserted fact edges are exported by default (never ``QUALIFIED`` claims or ``PREDICTED_*`` model output), so
a model trained on an export learns from facts alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from medkg.kg import cypher
from medkg.kg.heterodata import GraphData, build_heterodata
from medkg.kg.schema import RelType, node_label, rel_type

if TYPE_CHECKING:
    from medkg.kg.store import GraphStore

#: Relationship types between biomedical concepts: what reasoning over the graph uses by default.
FACT_REL_TYPES: tuple[RelType, ...] = (
    RelType.TREATS, RelType.PALLIATES, RelType.CAUSES, RelType.PRESENTS, RelType.LOCALIZES, RelType.DIAGNOSED_BY,
    RelType.ASSOCIATES, RelType.BINDS, RelType.RESEMBLES, RelType.INCLUDES, RelType.UPREGULATES,
    RelType.DOWNREGULATES, RelType.REGULATES, RelType.INTERACTS, RelType.COVARIES, RelType.PARTICIPATES,
    RelType.EXPRESSES, RelType.SUGGESTS, RelType.LOCATED_IN,
)


def iter_fact_edges(store: GraphStore, rel_types: Iterable[RelType | str] | None = None, *,
                    edge_types: Iterable[tuple[str, str, str]] | None = None
                    ) -> Iterator[tuple[str, str, str, str, str]]:
    """``(source_label, source_id, rel, target_label, target_id)`` for every fact edge of the given types.

    ``edge_types`` (``(source label, REL, target label)`` triples) narrows the export further, e.g. to leave the
    large gene–gene or anatomy–gene parts of the prior out of a model.
    """
    if edge_types is not None:
        for s, r, o in edge_types:
            for row in store.query(cypher.fact_edges_between(s, r, o)):
                yield row["source_label"], row["source_id"], rel_type(r).value, row["target_label"], row["target_id"]
        return
    for rel in (rel_type(r) for r in (rel_types or FACT_REL_TYPES)):
        for row in store.query(cypher.fact_edges(rel)):
            yield row["source_label"], row["source_id"], rel.value, row["target_label"], row["target_id"]


def to_heterodata(store: GraphStore, rel_types: Iterable[RelType | str] | None = None,
                  add_reverse: bool = True) -> GraphData:
    """The graph as :class:`medkg.kg.heterodata.GraphData` (``.data`` is the ``HeteroData``, ``.node_ids`` the id
    maps)."""
    return build_heterodata(iter_fact_edges(store, rel_types), add_reverse=add_reverse)


def to_networkx(store: GraphStore, rel_types: Iterable[RelType | str] | None = None,
                with_names: bool = True) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` whose nodes are ``(label, id)`` pairs and whose edges carry ``type``."""
    g = nx.MultiDiGraph()
    labels: set[str] = set()
    for sl, sid, rel, tl, tid in iter_fact_edges(store, rel_types):
        g.add_edge((sl, sid), (tl, tid), type=rel)
        labels.update((sl, tl))
    if with_names:
        for label in labels:
            for row in store.query(cypher.nodes_of(label)):
                if (label, row["id"]) in g:
                    g.nodes[(label, row["id"])].update(label=label, id=row["id"], name=row["name"])
    return g


def subgraph_around(store: GraphStore, label: str, node_id: str, hops: int = 2, limit: int = 300
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and edges within ``hops`` of one node, as plain dicts (for the HTML view)."""
    lab = node_label(label).value
    hops = max(1, min(int(hops), 3))
    rows = store.query(
        f"MATCH p = (n:{lab} {{id: $id}})-[*1..{hops}]-(m) WHERE NOT m:Evidence "
        "WITH p LIMIT $limit UNWIND relationships(p) AS r "
        "WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b "
        "RETURN a.id AS a_id, head(labels(a)) AS a_label, a.name AS a_name, "
        "b.id AS b_id, head(labels(b)) AS b_label, b.name AS b_name, type(r) AS type, properties(r) AS props",
        {"id": node_id, "limit": int(limit)})
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in rows:
        for side in ("a", "b"):
            key = f"{r[side + '_label']}:{r[side + '_id']}"
            nodes.setdefault(key, {"id": key, "label": r[side + "_label"], "name": r[side + "_name"] or r[side + "_id"]})
        edges.append({"source": f"{r['a_label']}:{r['a_id']}", "target": f"{r['b_label']}:{r['b_id']}",
                      "type": r["type"], **(r["props"] or {})})
    return list(nodes.values()), edges


def patient_subgraph(store: GraphStore, patient_id: str, evidence_per_edge: int = 2
                     ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What the graph knows about one patient, as nodes and edges for :func:`medkg.viz.render_subgraph_html`.

    The patient's documents and mentioned concepts (asserted and QUALIFIED), imaging studies, findings and their
    concepts, and between the patient's concepts: asserted treatments and model predictions. Edges carry the
    sentences that support them (``evidence``).
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []

    def node(label: str, cid: str, name: str | None, **props: Any) -> str:
        key = f"{label}:{cid}"
        nodes.setdefault(key, {"id": key, "label": label, "name": name or cid, **props})
        return key

    with_evidence: list[tuple[dict[str, Any], str]] = []  # edges whose sentences are fetched at the end, in one query
    p = node("Patient", patient_id, patient_id)
    for r in store.query(
            "MATCH (p:Patient {id: $id})-[r]->(c) WHERE type(r) IN ['MENTIONS', 'QUALIFIED', 'HAS_DOCUMENT'] "
            "RETURN type(r) AS type, head(labels(c)) AS label, c.id AS cid, c.name AS name, r.key AS key, "
            "r.predicate AS predicate, r.assertion AS assertion, r.evidence_count AS n", {"id": patient_id}):
        target = node(r["label"], r["cid"], r["name"])
        edges.append({"source": p, "target": target, "type": r["type"], "predicate": r["predicate"],
                      "assertion": r["assertion"], "evidence_count": r["n"], "evidence": []})
        if r["key"]:
            with_evidence.append((edges[-1], r["key"]))
    for r in store.query(
            "MATCH (p:Patient {id: $id})-[:HAS_STUDY]->(s:ImagingStudy) OPTIONAL MATCH (s)-[:HAS_FINDING]->(f) "
            "OPTIONAL MATCH (f)-[l]->(c) RETURN s.id AS study, s.modality AS modality, f.id AS finding, "
            "f.label AS flabel, f.volume_mm3 AS volume, type(l) AS ltype, head(labels(c)) AS clabel, c.id AS cid, "
            "c.name AS cname", {"id": patient_id}):
        s = node("ImagingStudy", r["study"], f"{r['modality'] or ''} study".strip())
        if not any(e["source"] == p and e["target"] == s for e in edges):
            edges.append({"source": p, "target": s, "type": "HAS_STUDY"})
        if r["finding"]:
            vol = f" {r['volume']:.0f} mm³" if r["volume"] else ""
            f = node("Finding", r["finding"], f"{r['flabel']}{vol}")
            if not any(e["source"] == s and e["target"] == f for e in edges):
                edges.append({"source": s, "target": f, "type": "HAS_FINDING"})
            if r["cid"]:
                edges.append({"source": f, "target": node(r["clabel"], r["cid"], r["cname"]), "type": r["ltype"]})
    concept_ids = [n["id"].split(":", 1)[1] for n in nodes.values() if n["label"] in ("Disease", "Compound")]
    for r in store.query(
            "MATCH (c:Compound)-[t]->(d:Disease) WHERE (type(t) = 'TREATS' OR type(t) = 'PREDICTED_TREATS') "
            "AND d.id IN $ids AND (c.id IN $ids OR type(t) = 'PREDICTED_TREATS') AND " + cypher.current_prediction("t") +
            " RETURN c.id AS cid, c.name AS cname, d.id AS did, d.name AS dname, type(t) AS type, t.score AS score, "
            "t.key AS key", {"ids": concept_ids}):
        edges.append({"source": node("Compound", r["cid"], r["cname"]), "target": node("Disease", r["did"], r["dname"]),
                      "type": r["type"], "score": r["score"], "evidence": None})
        if r["key"]:
            with_evidence.append((edges[-1], r["key"]))
    texts = evidence_texts(store, [key for _, key in with_evidence], evidence_per_edge)
    for edge, key in with_evidence:
        edge["evidence"] = texts.get(key) or edge["evidence"]
    return list(nodes.values()), edges


def evidence_texts(store: GraphStore, edge_keys: Iterable[str], limit: int = 2) -> dict[str, list[str]]:
    """The ``limit`` strongest supporting sentences of each edge key (keys without evidence are absent), in one
    query whatever the number of edges, so that an export's round trips do not grow with the graph."""
    keys = sorted(set(edge_keys))
    if not keys:
        return {}
    return {r["key"]: r["texts"] for r in store.query(cypher.evidence_texts_of_edges(),
                                                      {"keys": keys, "limit": int(limit)})}
