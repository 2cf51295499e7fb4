"""Fusion of triples into the graph: turn a batch of :class:`~medkg.kg.models.Triple` into grouped ``UNWIND`` rows.

Design (documented in the README, "Evidence"):

* Nodes are merged on ``(label, id)``; display names that differ become synonyms, so aliases of one concept merge
  and two concepts that share a name stay apart.
* Every triple becomes one ``Evidence`` node keyed by :meth:`Triple.evidence_key` (doc, sentence, offsets,
  extractor + version, assertion). Re-ingesting the same triple hits the same key: nothing changes.
* Present/historical triples support one fact edge ``(s)-[:PREDICATE]->(o)``; negated, possible, family and
  hypothetical ones support one ``(s)-[:QUALIFIED {predicate, assertion}]->(o)`` edge instead, so a query for
  ``TREATS`` never sees them. Both carry ``key`` (the ``edge`` of their Evidence nodes), ``evidence_count``,
  ``confidence_sum``/``confidence_max``/``confidence_mean``, ``sources``, ``assertions`` and ``documents`` (the
  first :data:`DOCUMENT_SAMPLE` documents; every one is reachable through the Evidence nodes).
* A batch first asks which of its evidence keys the graph already holds (one indexed lookup per key) and writes
  only the others: new Evidence nodes are created and the edge's aggregates are *added to*, never rebuilt from a
  list. The cost of a triple therefore does not grow with the number of mentions its edge already has, and counts
  never double. The uniqueness constraint on ``Evidence.key`` settles two concurrent writers of the same evidence:
  one fails, is retried, and then finds the key present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from medkg.kg import cypher
from medkg.kg.models import Concept, Triple
from medkg.kg.schema import POSITIVE_ASSERTIONS, NodeLabel, RelType

#: How many document ids a fact edge lists itself (a sample for display; the Evidence nodes hold all of them).
DOCUMENT_SAMPLE = 10


@dataclass
class FusionReport:
    """What one ``add_triples`` call did (counts are of input triples, except ``evidence_added``)."""

    triples: int = 0
    facts: int = 0
    qualified: int = 0
    batches: int = 0
    #: Evidence nodes written (triples already in the graph, or repeated in the input, add none).
    evidence_added: int = 0
    by_predicate: dict[str, int] = field(default_factory=dict)

    def merge(self, other: FusionReport) -> None:
        self.triples += other.triples
        self.facts += other.facts
        self.qualified += other.qualified
        self.batches += other.batches
        self.evidence_added += other.evidence_added
        for k, v in other.by_predicate.items():
            self.by_predicate[k] = self.by_predicate.get(k, 0) + v


def edge_key(t: Triple) -> str:
    """The key of the edge a triple supports: its fact edge, or the QUALIFIED edge of its assertion."""
    return t.fact_key() if t.assertion in POSITIVE_ASSERTIONS else f"{t.fact_key()}|{t.assertion.value}"


def _evidence_props(t: Triple, key: str) -> dict:
    """An Evidence node's properties (:data:`medkg.kg.cypher.EVIDENCE_FIELDS`); subject and object are in ``edge``."""
    p = t.provenance
    return {
        "key": key, "edge": edge_key(t), "predicate": t.predicate.value, "assertion": t.assertion.value,
        "confidence": float(t.confidence), "source": p.source, "doc_id": p.doc_id,
        "sentence_index": p.sentence_index, "start": p.start, "end": p.end, "text": p.text,
        "subject_span": list(p.subject_span) if p.subject_span else None,
        "object_span": list(p.object_span) if p.object_span else None,
        "extractor": p.extractor, "version": p.version, "dataset": p.dataset,
    }


#: Runs one query in the caller's write transaction and returns its records as dicts.
Run = Callable[[str, dict], list[dict]]


@dataclass
class BatchPlan:
    """One batch of triples, de-duplicated by evidence key; :meth:`write` writes what the graph lacks of it."""

    triples: dict[str, Triple]  # evidence key -> triple, in input order
    report: FusionReport

    @property
    def keys(self) -> list[str]:
        return list(self.triples)

    def write(self, run: Run, merge_by_match: bool = False) -> int:
        """Write the batch's new evidence in the caller's transaction (nodes, evidence, then edges); returns how
        many Evidence nodes were created. Safe to run again from the start when the transaction is retried.

        ``merge_by_match`` updates existing edges with MATCH, starting from the end with fewer edges of the type,
        and creates the others, instead of one MERGE: for a server that walks the edges of a pattern's first node,
        whose MERGE walks them several times slower than its MATCH, and whose optimistic concurrency fails and
        retries a transaction that created an edge another one created meanwhile (ArcadeDB). Neo4j's MERGE picks
        the end with fewer edges itself."""
        existing = {r["key"] for r in run(cypher.existing_evidence(), {"keys": self.keys})}
        concepts, evidence, edges = self._new_rows(existing)
        if not evidence:
            return 0
        for label, rows in concepts.items():
            run(cypher.merge_concepts(label), {"rows": list(rows.values())})
        run(cypher.create_evidence(), {"rows": evidence})
        for (s, rel, o), group in edges.items():
            rows = list(group.values())
            if not merge_by_match:
                run(cypher.merge_supported_edges(s, rel, o), {"rows": rows, "sample": DOCUMENT_SAMPLE})
                continue
            out = _degrees(run, s, rel, {r["s"] for r in rows}, outgoing=True)
            into = _degrees(run, o, rel, {r["o"] for r in rows}, outgoing=False)
            for from_object in (False, True):
                part = [r for r in rows if (into.get(r["o"], 0) < out.get(r["s"], 0)) == from_object]
                if not part:
                    continue
                found = {r["edge"] for r in run(cypher.update_supported_edges(s, rel, o, from_object=from_object),
                                                {"rows": part, "sample": DOCUMENT_SAMPLE})}
                if new := [r for r in part if r["edge"] not in found]:
                    run(cypher.create_supported_edges(s, rel, o), {"rows": new})
        return len(evidence)

    def _new_rows(self, existing: set[str]) -> tuple[dict[NodeLabel, dict[str, dict]], list[dict],
                                                      dict[tuple[NodeLabel, RelType, NodeLabel], dict[str, dict]]]:
        """The rows of the evidence not in ``existing``: concepts per label, Evidence nodes, and per edge type the
        summary each edge gains (count, confidence sum and maximum, a few documents, sources, assertions)."""
        concepts: dict[NodeLabel, dict[str, dict]] = defaultdict(dict)
        evidence: list[dict] = []
        edges: dict[tuple[NodeLabel, RelType, NodeLabel], dict[str, dict]] = defaultdict(dict)
        for key, t in self.triples.items():
            if key in existing:
                continue
            _add_concept(concepts, t.subject)
            _add_concept(concepts, t.object)
            props = _evidence_props(t, key)
            evidence.append(props)
            positive = t.assertion in POSITIVE_ASSERTIONS
            group = edges[(t.subject.label, t.predicate if positive else RelType.QUALIFIED, t.object.label)]
            row = group.get(props["edge"])
            if row is None:
                row = group[props["edge"]] = {"s": t.subject.id, "o": t.object.id, "edge": props["edge"], "n": 0,
                                              "sum": 0.0, "max": 0.0, "docs": [], "sources": [], "assertions": []}
                if not positive:
                    row |= {"predicate": t.predicate.value, "assertion": t.assertion.value}
            row["n"] += 1
            row["sum"] += props["confidence"]
            row["max"] = max(row["max"], props["confidence"])
            for field_, value, cap in (("docs", props["doc_id"], DOCUMENT_SAMPLE), ("sources", props["source"], None),
                                       ("assertions", props["assertion"], None)):
                if value is not None and value not in row[field_] and (cap is None or len(row[field_]) < cap):
                    row[field_].append(value)
        return concepts, evidence, edges


def _degrees(run: Run, label: NodeLabel, rel: RelType, ids: set[str], *, outgoing: bool) -> dict[str, int]:
    rows = run(cypher.degrees(label, rel, outgoing=outgoing), {"ids": sorted(ids)})
    return {r["id"]: r["degree"] for r in rows}


def _add_concept(concepts: dict[NodeLabel, dict[str, dict]], c: Concept) -> None:
    row = concepts[c.label].setdefault(c.id, {"id": c.id, "name": c.name, "names": [], "xrefs": []})
    row["name"] = row["name"] or c.name
    for n in (c.name, *c.synonyms):
        if n and n not in row["names"]:
            row["names"].append(n)
    for x in c.xrefs:
        if x not in row["xrefs"]:
            row["xrefs"].append(x)


def plan_batch(triples: Iterable[Triple]) -> BatchPlan:
    """Group a batch by evidence key (a triple repeated in the input counts once) and count it."""
    plan = BatchPlan({}, FusionReport(batches=1))
    for t in triples:
        r = plan.report
        r.triples += 1
        r.by_predicate[t.predicate.value] = r.by_predicate.get(t.predicate.value, 0) + 1
        if t.assertion in POSITIVE_ASSERTIONS:
            r.facts += 1
        else:
            r.qualified += 1
        plan.triples.setdefault(t.evidence_key(), t)
    return plan
