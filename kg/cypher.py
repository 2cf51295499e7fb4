"""Every Cypher statement medkg sends, as small builders.

Only whitelisted labels and relationship types (validated through :mod:`kg.schema`) are ever placed into query
text; every value travels as a parameter, in ``UNWIND $rows`` batches for writes.
"""

from __future__ import annotations

from kg.schema import NodeLabel, RelType, node_label, rel_type

#: The property that identifies a node of each label (a uniqueness constraint backs each one).
KEY = "id"
EVIDENCE_KEY = "key"


def constraint_names() -> list[str]:
    """The names of medkg's own uniqueness constraints (anything else on the graph was put there by someone else)."""
    return [f"{label.value.lower()}_{EVIDENCE_KEY if label is NodeLabel.EVIDENCE else KEY}" for label in NodeLabel]


def constraints() -> list[str]:
    """Uniqueness constraints on concept ids: they must exist before any MERGE (MERGE without one is a scan)."""
    stmts = []
    for label, name in zip(NodeLabel, constraint_names()):
        prop = EVIDENCE_KEY if label is NodeLabel.EVIDENCE else KEY
        stmts.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS "
                     f"FOR (n:{label.value}) REQUIRE n.{prop} IS UNIQUE")
    stmts.append("CREATE INDEX evidence_edge IF NOT EXISTS FOR (n:Evidence) ON (n.edge)")  # edge -> its evidence
    return stmts


def merge_concepts(label: NodeLabel | str) -> str:
    """Upsert concept nodes; names seen under another display form accumulate as synonyms (aliases merge)."""
    lab = node_label(label).value
    return (
        f"UNWIND $rows AS r MERGE (n:{lab} {{id: r.id}}) "
        "ON CREATE SET n.name = r.name, n.synonyms = [s IN r.names WHERE s <> r.name], n.xrefs = r.xrefs "
        "ON MATCH SET n.name = coalesce(n.name, r.name), "
        "n.synonyms = coalesce(n.synonyms, []) + [s IN r.names WHERE s <> coalesce(n.name, r.name) "
        "AND NOT s IN coalesce(n.synonyms, [])], "
        "n.xrefs = coalesce(n.xrefs, []) + [x IN r.xrefs WHERE NOT x IN coalesce(n.xrefs, [])]"
    )


def merge_evidence() -> str:
    return "UNWIND $rows AS r MERGE (e:Evidence {key: r.key}) ON CREATE SET e += r.props"


# Evidence summary, updated incrementally: each row carries the batch's evidence of one edge (``r.ev``); only
# evidence whose key the edge has not seen yet counts, which is what makes re-ingestion a no-op.
_AGGREGATE = (
    " WITH f, r, [x IN r.ev WHERE NOT x.key IN coalesce(f.evidence_keys, [])] AS new"
    " SET f.key = r.edge, f.evidence_keys = coalesce(f.evidence_keys, []) + [x IN new | x.key],"
    " f.confidence_sum = coalesce(f.confidence_sum, 0.0) + reduce(a = 0.0, x IN new | a + x.confidence),"
    " f.confidence_max = reduce(m = coalesce(f.confidence_max, 0.0), x IN new |"
    " CASE WHEN x.confidence > m THEN x.confidence ELSE m END),"
    " f.documents = coalesce(f.documents, []) + [d IN r.docs WHERE NOT d IN coalesce(f.documents, [])],"
    " f.sources = coalesce(f.sources, []) + [d IN r.sources WHERE NOT d IN coalesce(f.sources, [])],"
    " f.assertions = coalesce(f.assertions, []) + [d IN r.assertions WHERE NOT d IN coalesce(f.assertions, [])]"
    " WITH f SET f.evidence_count = size(f.evidence_keys),"
    " f.confidence_mean = f.confidence_sum / size(f.evidence_keys)"
)


def merge_fact(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    """Upsert asserted fact edges and fold the batch's new evidence into their summary."""
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) "
            f"MERGE (s)-[f:{t}]->(o)" + _AGGREGATE)


def merge_qualified(subject: NodeLabel | str, obj: NodeLabel | str) -> str:
    """Negated / possible / family / hypothetical claims: one QUALIFIED edge per predicate and assertion."""
    s, o = node_label(subject).value, node_label(obj).value
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) "
            "MERGE (s)-[f:QUALIFIED {predicate: r.predicate, assertion: r.assertion}]->(o)" + _AGGREGATE)


def merge_prior_nodes(label: NodeLabel | str) -> str:
    lab = node_label(label).value
    return (f"UNWIND $rows AS r MERGE (n:{lab} {{id: r.id}}) "
            "ON CREATE SET n.name = r.name, n.synonyms = [], n.xrefs = [], n.dataset = $dataset")


def merge_prior_edges(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) "
            f"MERGE (s)-[f:{t}]->(o) ON CREATE SET f.prior = true, f.dataset = $dataset, f.metaedge = $metaedge "
            "ON MATCH SET f.prior = true, f.dataset = $dataset, f.metaedge = $metaedge")


def count_prior_edges(rel: RelType | str) -> str:
    t = rel_type(rel).value
    return f"MATCH ()-[f:{t}]->() WHERE f.metaedge = $metaedge RETURN count(f) AS n"


def delete_predictions(rel: RelType | str) -> str:
    t = rel_type(rel).value
    return f"MATCH ()-[p:{t}]->() WHERE p.model = $model DELETE p"


def merge_predictions(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) "
            f"MERGE (s)-[p:{t} {{model: $model}}]->(o) SET p.score = r.score, p.rank = r.rank, p.version = $version")


def merge_study() -> str:
    return ("MERGE (p:Patient {id: $patient.id}) SET p += $patient "
            "MERGE (s:ImagingStudy {id: $study.id}) SET s += $study "
            "MERGE (p)-[:HAS_STUDY]->(s)")


def delete_stale_findings() -> str:
    return ("MATCH (:ImagingStudy {id: $uid})-[:HAS_FINDING]->(f:Finding) WHERE NOT f.id IN $keep "
            "DETACH DELETE f")


def merge_findings() -> str:
    return ("MATCH (s:ImagingStudy {id: $uid}) UNWIND $rows AS r MERGE (f:Finding {id: r.id}) SET f += r.props "
            "MERGE (s)-[:HAS_FINDING]->(f)")


def link_findings(rel: RelType | str, label: NodeLabel | str) -> str:
    t, lab = rel_type(rel).value, node_label(label).value
    return (f"UNWIND $rows AS r MATCH (f:Finding {{id: r.finding}}) MERGE (c:{lab} {{id: r.id}}) "
            f"ON CREATE SET c.name = r.name, c.synonyms = [], c.xrefs = [] MERGE (f)-[:{t}]->(c)")


def count_nodes() -> str:
    return "MATCH (n) RETURN head(labels(n)) AS label, count(*) AS count ORDER BY label"


def count_relationships() -> str:
    return "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"


def fact_edges(rel: RelType | str) -> str:
    t = rel_type(rel).value
    return (f"MATCH (s)-[f:{t}]->(o) RETURN head(labels(s)) AS source_label, s.id AS source_id, "
            "head(labels(o)) AS target_label, o.id AS target_id")


def fact_edges_between(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return (f"MATCH (s:{s})-[f:{t}]->(o:{o}) RETURN '{s}' AS source_label, s.id AS source_id, "
            f"'{o}' AS target_label, o.id AS target_id")


def nodes_of(label: NodeLabel | str) -> str:
    lab = node_label(label).value
    return f"MATCH (n:{lab}) RETURN n.id AS id, n.name AS name"


def evidence_of_edge() -> str:
    return ("MATCH (e:Evidence {edge: $edge}) RETURN e.doc_id AS doc_id, e.sentence_index AS sentence_index, "
            "e.start AS start, e.end AS end, e.text AS text, e.confidence AS confidence, e.assertion AS assertion, "
            "e.extractor AS extractor, e.version AS version ORDER BY e.confidence DESC LIMIT $limit")


def wipe() -> str:
    return "MATCH (n) DETACH DELETE n"


def show_indexes() -> str:
    """The server's indexes and the constraints that own them (medkg's schema, and anything planted next to it)."""
    return "SHOW INDEXES"
