"""Fusion of triples into the graph: turn a batch of :class:`~kg.models.Triple` into grouped ``UNWIND`` rows.

Design (documented in the README, "Evidence"):

* Nodes are merged on ``(label, id)``; display names that differ become synonyms, so aliases of one concept merge
  and two concepts that share a name stay apart.
* Every triple becomes one ``Evidence`` node keyed by :meth:`Triple.evidence_key` (doc, sentence, offsets,
  extractor + version, assertion). Re-ingesting the same triple hits the same key: nothing changes.
* Present/historical triples support one fact edge ``(s)-[:PREDICATE]->(o)``; negated, possible, family and
  hypothetical ones support one ``(s)-[:QUALIFIED {predicate, assertion}]->(o)`` edge instead, so a query for
  ``TREATS`` never sees them. Both carry ``key`` (the ``edge`` of their Evidence nodes), ``evidence_keys``,
  ``evidence_count``, ``confidence_max``/``confidence_mean``, ``documents``, ``sources`` and ``assertions``.
  A write folds in only evidence whose key the edge has not seen, so counts never double.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg import cypher
from kg.models import Concept, Triple
from kg.schema import POSITIVE_ASSERTIONS, NodeLabel, RelType

Statement = tuple[str, dict]


@dataclass
class FusionReport:
    """What one ``add_triples`` call did (counts are of input triples, not of graph changes)."""

    triples: int = 0
    facts: int = 0
    qualified: int = 0
    batches: int = 0
    by_predicate: dict[str, int] = field(default_factory=dict)

    def merge(self, other: "FusionReport") -> None:
        self.triples += other.triples
        self.facts += other.facts
        self.qualified += other.qualified
        self.batches += other.batches
        for k, v in other.by_predicate.items():
            self.by_predicate[k] = self.by_predicate.get(k, 0) + v


def edge_key(t: Triple) -> str:
    """The key of the edge a triple supports: its fact edge, or the QUALIFIED edge of its assertion."""
    return t.fact_key() if t.assertion in POSITIVE_ASSERTIONS else f"{t.fact_key()}|{t.assertion.value}"


def _evidence_props(t: Triple) -> dict:
    p = t.provenance
    return {
        "key": t.evidence_key(), "edge": edge_key(t), "predicate": t.predicate.value,
        "assertion": t.assertion.value, "confidence": float(t.confidence),
        "subject_label": t.subject.label.value, "subject_id": t.subject.id,
        "object_label": t.object.label.value, "object_id": t.object.id,
        "source": p.source, "doc_id": p.doc_id, "sentence_index": p.sentence_index,
        "start": p.start, "end": p.end, "text": p.text,
        "subject_span": list(p.subject_span) if p.subject_span else None,
        "object_span": list(p.object_span) if p.object_span else None,
        "extractor": p.extractor, "version": p.version, "dataset": p.dataset,
    }


def plan_batch(triples: Iterable[Triple]) -> tuple[list[Statement], FusionReport]:
    """The statements that write one batch, in dependency order (nodes, evidence, edges)."""
    concepts: dict[NodeLabel, dict[str, dict]] = defaultdict(dict)
    evidence: dict[str, dict] = {}
    facts: dict[tuple[NodeLabel, RelType, NodeLabel], dict[str, dict]] = defaultdict(dict)
    qualified: dict[tuple[NodeLabel, NodeLabel], dict[str, dict]] = defaultdict(dict)
    report = FusionReport(batches=1)

    def add_concept(c: Concept) -> None:
        row = concepts[c.label].setdefault(c.id, {"id": c.id, "name": c.name, "names": [], "xrefs": []})
        row["name"] = row["name"] or c.name
        for n in (c.name, *c.synonyms):
            if n and n not in row["names"]:
                row["names"].append(n)
        for x in c.xrefs:
            if x not in row["xrefs"]:
                row["xrefs"].append(x)

    for t in triples:
        p = t.provenance
        report.triples += 1
        report.by_predicate[t.predicate.value] = report.by_predicate.get(t.predicate.value, 0) + 1
        add_concept(t.subject)
        add_concept(t.object)
        props = _evidence_props(t)
        evidence[props["key"]] = props
        if t.assertion in POSITIVE_ASSERTIONS:
            report.facts += 1
            group = facts[(t.subject.label, t.predicate, t.object.label)]
        else:
            report.qualified += 1
            group = qualified[(t.subject.label, t.object.label)]
        row = group.get(props["edge"])
        if row is None:
            row = group[props["edge"]] = {"s": t.subject.id, "o": t.object.id, "edge": props["edge"], "ev": [],
                                          "docs": [], "sources": [], "assertions": []}
            if t.assertion not in POSITIVE_ASSERTIONS:
                row |= {"predicate": t.predicate.value, "assertion": t.assertion.value}
        if all(x["key"] != props["key"] for x in row["ev"]):
            row["ev"].append({"key": props["key"], "confidence": props["confidence"]})
        for field_, value in (("docs", p.doc_id), ("sources", p.source), ("assertions", t.assertion.value)):
            if value is not None and value not in row[field_]:
                row[field_].append(value)

    stmts: list[Statement] = [(cypher.merge_concepts(label), {"rows": list(rows.values())})
                              for label, rows in concepts.items()]
    if evidence:
        stmts.append((cypher.merge_evidence(), {"rows": [{"key": k, "props": v} for k, v in evidence.items()]}))
    stmts += [(cypher.merge_fact(s, r, o), {"rows": list(rows.values())}) for (s, r, o), rows in facts.items()]
    stmts += [(cypher.merge_qualified(s, o), {"rows": list(rows.values())}) for (s, o), rows in qualified.items()]
    return stmts, report
