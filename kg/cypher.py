"""Every Cypher statement medkg sends, as small builders.

Only whitelisted labels and relationship types (validated through :mod:`medkg.kg.schema`) are ever placed into query
text; every value travels as a parameter, in ``UNWIND $rows`` batches for writes.
"""

from __future__ import annotations

from medkg.kg.schema import NodeLabel, RelType, node_label, rel_type

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
    """Upsert concept nodes; names seen under another display form accumulate as synonyms (aliases merge). A node
    that already has every name and xref of its row is not written again (most rows of a large ingest)."""
    lab = node_label(label).value
    return (
        f"UNWIND $rows AS r MERGE (n:{lab} {{id: r.id}}) "
        "ON CREATE SET n.name = r.name, n.synonyms = [s IN r.names WHERE s <> r.name], n.xrefs = r.xrefs "
        "WITH n, r WHERE n.name IS NULL "
        "OR any(s IN r.names WHERE s <> n.name AND NOT s IN coalesce(n.synonyms, [])) "
        "OR any(x IN r.xrefs WHERE NOT x IN coalesce(n.xrefs, [])) "
        "SET n.name = coalesce(n.name, r.name), "
        "n.synonyms = coalesce(n.synonyms, []) + [s IN r.names WHERE s <> coalesce(n.name, r.name) "
        "AND NOT s IN coalesce(n.synonyms, [])], "
        "n.xrefs = coalesce(n.xrefs, []) + [x IN r.xrefs WHERE NOT x IN coalesce(n.xrefs, [])]"
    )


def existing_evidence() -> str:
    """Which of a batch's evidence keys the graph already holds (one index lookup each)."""
    return "UNWIND $keys AS k MATCH (e:Evidence {key: k}) RETURN e.key AS key"


#: The properties of an Evidence node (the rows :func:`create_evidence` takes have exactly these keys).
EVIDENCE_FIELDS = ("key", "edge", "predicate", "assertion", "confidence", "source", "doc_id", "sentence_index",
                   "start", "end", "text", "subject_span", "object_span", "extractor", "version", "dataset")


def create_evidence() -> str:
    """New Evidence nodes (the caller has checked their keys are absent; the uniqueness constraint settles races).
    Properties are spelled out rather than ``SET e = r``: measured 1.5x faster on the embedded store."""
    return "UNWIND $rows AS r CREATE (e:Evidence {" + ", ".join(f"{k}: r.{k}" for k in EVIDENCE_FIELDS) + "})"


# Evidence summary, updated incrementally from the batch's *new* evidence of each edge (``r.n`` mentions, their
# confidence sum and maximum, a few document ids): constant work per batch however much evidence the edge holds.
# A new edge takes the row's values as they are (_INIT); an existing one, which may be a prior edge with no
# evidence yet, adds them (_ADD), reading and writing each aggregate in one SET item so that the server locks the
# edge before reading (no lost update between concurrent writers); the mean comes first, from the old values.
# ``documents`` stops growing at ``$sample`` ids.
_INIT = ("f.key = r.edge, f.evidence_count = r.n, f.confidence_sum = r.sum, f.confidence_max = r.max,"
         " f.confidence_mean = r.sum / r.n, f.documents = r.docs, f.sources = r.sources, f.assertions = r.assertions")
_ADD = (
    "f.confidence_mean = (coalesce(f.confidence_sum, 0.0) + r.sum) / (coalesce(f.evidence_count, 0) + r.n),"
    " f.key = r.edge, f.evidence_count = coalesce(f.evidence_count, 0) + r.n,"
    " f.confidence_sum = coalesce(f.confidence_sum, 0.0) + r.sum,"
    " f.confidence_max = CASE WHEN f.confidence_max >= r.max THEN f.confidence_max ELSE r.max END,"
    " f.documents = CASE WHEN size(coalesce(f.documents, [])) >= $sample THEN f.documents"
    " ELSE (coalesce(f.documents, []) + [d IN r.docs WHERE NOT d IN coalesce(f.documents, [])])[..$sample] END,"
    " f.sources = coalesce(f.sources, []) + [d IN r.sources WHERE NOT d IN coalesce(f.sources, [])],"
    " f.assertions = coalesce(f.assertions, []) + [d IN r.assertions WHERE NOT d IN coalesce(f.assertions, [])]"
)


def legacy_evidence_probe() -> str:
    """Whether the graph still has the evidence layout of medkg 0.1 (subject/object on Evidence nodes), looking at
    one Evidence node only."""
    return "MATCH (e:Evidence) WITH e LIMIT 1 RETURN e.subject_id IS NOT NULL AS legacy"


def migrate_legacy_edges() -> str:
    """One batch of edges from the 0.1 layout: drop the full evidence-key list, keep a sample of documents."""
    return ("MATCH ()-[f]->() WHERE f.evidence_keys IS NOT NULL WITH f LIMIT $limit "
            "SET f.documents = f.documents[..$sample] REMOVE f.evidence_keys RETURN count(f) AS n")


def migrate_legacy_evidence() -> str:
    """One batch of Evidence nodes from the 0.1 layout: subject and object are in ``edge`` already."""
    return ("MATCH (e:Evidence) WHERE e.subject_id IS NOT NULL WITH e LIMIT $limit "
            "REMOVE e.subject_label, e.subject_id, e.object_label, e.object_id RETURN count(e) AS n")


def _supported_edge(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str, from_object: bool,
                    verb: str) -> str:
    """``UNWIND`` rows, both ends matched, then ``verb`` (MERGE, MATCH or CREATE) of the edge between them.

    ``rel`` is a fact type, or ``QUALIFIED`` for negated / possible / family / hypothetical claims (one edge per
    predicate and assertion). The pattern starts from the subject, or from the object when ``from_object``: the
    embedded store looks for an existing edge by walking the edges of the pattern's first node, so the caller
    starts from whichever end has fewer (measured: 2,000 merges onto a node with 8,000 edges 20.6 s from it,
    0.17 s from the other end)."""
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    props = " {predicate: r.predicate, assertion: r.assertion}" if t == RelType.QUALIFIED.value else ""
    if from_object:
        return (f"UNWIND $rows AS r MATCH (o:{o} {{id: r.o}}) MATCH (s:{s} {{id: r.s}}) "
                f"{verb} (o)<-[f:{t}{props}]-(s)")
    return f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) {verb} (s)-[f:{t}{props}]->(o)"


def merge_supported_edges(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str, *,
                          from_object: bool = False) -> str:
    """Upsert the edges a batch's new evidence supports and fold that evidence into their summary, in one
    statement (the server's MERGE keeps concurrent writers from creating an edge twice)."""
    return _supported_edge(subject, rel, obj, from_object, "MERGE") + f" ON CREATE SET {_INIT} ON MATCH SET {_ADD}"


def update_supported_edges(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str, *,
                           from_object: bool = False) -> str:
    """:func:`merge_supported_edges` in two steps, for servers whose MERGE is much slower than MATCH (see
    ``Backend.merges_edges_by_match``): fold new evidence into the edges that exist and return their keys."""
    return _supported_edge(subject, rel, obj, from_object, "MATCH") + f" SET {_ADD} RETURN r.edge AS edge"


def create_supported_edges(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    """The second step: the edges :func:`update_supported_edges` did not find, with their first summary."""
    return _supported_edge(subject, rel, obj, False, "CREATE") + f" SET {_INIT}"


def degrees(label: NodeLabel | str, rel: RelType | str, *, outgoing: bool) -> str:
    """How many ``rel`` edges each of the nodes ``$ids`` has in one direction (to pick where a MERGE starts)."""
    lab, t = node_label(label).value, rel_type(rel).value
    pattern = f"(n)-[:{t}]->()" if outgoing else f"(n)<-[:{t}]-()"
    return f"UNWIND $ids AS id MATCH (n:{lab} {{id: id}}) RETURN id, COUNT {{ {pattern} }} AS degree"


def merge_prior_nodes(label: NodeLabel | str) -> str:
    lab = node_label(label).value
    return (f"UNWIND $rows AS r MERGE (n:{lab} {{id: r.id}}) "
            "ON CREATE SET n.name = r.name, n.synonyms = [], n.xrefs = [], n.dataset = $dataset")


_PRIOR_EDGE_PROPS = "prior: true, dataset: $dataset, metaedge: $metaedge"


def merge_prior_edges(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str, *,
                      from_target: bool = False) -> str:
    """Upsert prior edges, rows ``{s, o}``: the path of a metaedge some of whose edges exist (a load that stopped
    midway, or the same facts extracted from text).

    ``from_target`` writes the MERGE pattern from the target's end. ArcadeDB looks for an existing edge by walking
    the edges of the pattern's first node, so MERGE must start at the end with the fewer edges per node (AdG from
    its 36 anatomy hubs: ~300 edges/s; from its genes: ~10,000/s); Neo4j plans either the same way.
    """
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    pattern = f"(o)<-[f:{t}]-(s)" if from_target else f"(s)-[f:{t}]->(o)"
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) "
            f"MERGE {pattern} SET f += {{{_PRIOR_EDGE_PROPS}}}")


def create_prior_edges(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    """Insert prior edges, rows ``{s, targets}`` (one per source): the bulk path of a metaedge none of whose
    edges exist yet. No existence check (on ArcadeDB ~5x faster than MERGE), and each source is looked up once per
    batch (~2x again); the caller guarantees each edge comes once."""
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) UNWIND r.targets AS target MATCH (o:{o} {{id: target}}) "
            f"CREATE (s)-[:{t} {{{_PRIOR_EDGE_PROPS}}}]->(o)")


def count_prior_edges(rel: RelType | str) -> str:
    t = rel_type(rel).value
    return f"MATCH ()-[f:{t}]->() WHERE f.metaedge = $metaedge RETURN count(f) AS n"


def edges_between_exist(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    """One row when any ``subject-[rel]->obj`` edge exists (from the prior or not), else none."""
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return f"MATCH (:{s})-[f:{t}]->(:{o}) RETURN 1 AS found LIMIT 1"


# A model's predictions are written as a new run next to the old one, then one small write points the model's
# PredictionRun node at the new run: readers that filter with current_prediction() see the old set or the new one,
# whole, whatever the moment a rewrite stops (one transaction for both sets outgrows a 1 GiB Neo4j at 212k rows).


def prediction_run_id(rel: RelType | str, model: str) -> str:
    """The id of the PredictionRun node of a model's predictions of one type (current_prediction builds the same)."""
    return f"{rel_type(rel).value}|{model}"


def create_predictions(subject: NodeLabel | str, rel: RelType | str, obj: NodeLabel | str) -> str:
    """Write rows of the new run ``$run`` of a model's predictions (invisible to readers until
    switch_prediction_run). CREATE, not MERGE: a run is new and its rows come once each (the caller de-duplicates),
    and MERGE would look through the old run's edges on the same nodes (212k rows on ArcadeDB: 2-3x slower)."""
    s, o, t = node_label(subject).value, node_label(obj).value, rel_type(rel).value
    return (f"UNWIND $rows AS r MATCH (s:{s} {{id: r.s}}) MATCH (o:{o} {{id: r.o}}) "
            f"CREATE (s)-[:{t} {{model: $model, run: $run, version: $version, score: r.score, rank: r.rank}}]->(o)")


def switch_prediction_run() -> str:
    """Make ``$run`` the run readers see, in one small write: the switch from the old set to the new is atomic."""
    lab = node_label(NodeLabel.PREDICTION_RUN).value
    return f"MERGE (r:{lab} {{id: $id}}) SET r.model = $model, r.run = $run, r.version = $version"


def delete_stale_predictions(rel: RelType | str) -> str:
    """Up to ``$limit`` of a model's edges outside its current run (the previous run, a run a crash left behind,
    edges written before runs existed); returns how many it deleted."""
    t, lab = rel_type(rel).value, node_label(NodeLabel.PREDICTION_RUN).value
    return (f"MATCH (r:{lab} {{id: $id}}) MATCH ()-[p:{t}]->() WHERE p.model = $model "
            "AND (p.run IS NULL OR p.run <> r.run) WITH p LIMIT $limit DELETE p RETURN count(*) AS n")


def current_prediction(alias: str) -> str:
    """The WHERE condition with which readers of ``PREDICTED_*`` edges (variable ``alias``) see only each model's
    current run. Edges without a ``run`` (facts; predictions written before runs existed) pass while their model
    has no PredictionRun."""
    if not alias.isidentifier():
        raise ValueError(f"not a Cypher variable: {alias!r}")
    pointer = f"(run:{node_label(NodeLabel.PREDICTION_RUN).value} {{id: type({alias}) + '|' + {alias}.model}})"
    return (f"(({alias}.run IS NULL AND NOT EXISTS {{ MATCH {pointer} }}) "
            f"OR EXISTS {{ MATCH {pointer} WHERE run.run = {alias}.run }})")


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


def evidence_texts_of_edges() -> str:
    """The ``$limit`` strongest sentences of each edge in ``$keys`` in one query (one row per key that has any),
    so that an export costs one round trip, not one per edge."""
    return ("UNWIND $keys AS k MATCH (e:Evidence {edge: k}) WITH k, e ORDER BY e.confidence DESC "
            "WITH k, collect(e.text)[..$limit] AS texts RETURN k AS key, texts")


def delete_relationships_batch() -> str:
    """At most ``$limit`` relationships, deleted in one transaction; a wipe repeats it until it deletes none (one
    ``DETACH DELETE`` of a large graph exhausts a server's transaction memory). Both stores accept this form."""
    return "MATCH ()-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS n"


def delete_nodes_batch() -> str:
    """At most ``$limit`` nodes, after their relationships (DETACH: a concurrent writer may have added some)."""
    return "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n"


def ping() -> str:
    """A no-op that opens the configured database (connecting alone does not: an unknown one fails only here)."""
    return "RETURN 1 AS ok"


def show_indexes() -> str:
    """The server's indexes and the constraints that own them (medkg's schema, and anything planted next to it)."""
    return "SHOW INDEXES"
