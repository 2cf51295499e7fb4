"""The store through the neo4j driver against a real server (embedded ArcadeDB; Neo4j when NEO4J_URI is set)."""

from __future__ import annotations

import threading

import pytest

from medkg.kg.errors import QuerySyntaxError, ReadOnlyError, SchemaError
from medkg.kg.models import Concept, Finding, ImagingStudy, Patient, Provenance, Triple

METFORMIN = Concept(label="Compound", id="DB00331", name="Metformin")
T2D = Concept(label="Disease", id="DOID:9352", name="type 2 diabetes mellitus")


def treats(doc: str, sentence: int, assertion: str = "present", confidence: float = 0.9,
           subject: Concept = METFORMIN, obj: Concept = T2D) -> Triple:
    return Triple(subject=subject, predicate="TREATS", object=obj, assertion=assertion, confidence=confidence,
                  provenance=Provenance(doc_id=doc, sentence_index=sentence, start=0, end=10, text="x" * 10,
                                        extractor="test", version="1"))


def test_reingest_changes_nothing(graph_store):
    triples = [treats("d1", 0, confidence=0.9), treats("d1", 3, confidence=0.5), treats("d2", 1, confidence=0.7)]
    graph_store.add_triples(triples)
    first = graph_store.counts()
    graph_store.add_triples(triples)
    graph_store.add_triples(reversed(triples), batch_size=1)
    assert graph_store.counts() == first
    [edge] = graph_store.query("MATCH (:Compound {id: $c})-[f:TREATS]->(:Disease {id: $d}) RETURN f",
                               {"c": METFORMIN.id, "d": T2D.id})
    assert edge["f"]["evidence_count"] == 3
    assert edge["f"]["confidence_max"] == pytest.approx(0.9)
    assert edge["f"]["confidence_mean"] == pytest.approx(0.7)
    assert sorted(edge["f"]["documents"]) == ["d1", "d2"]


def _edges(store) -> list[dict]:
    return store.query("MATCH (s)-[f]->(o) RETURN s.id AS s, type(f) AS t, o.id AS o, f ORDER BY s, t, o, f.key")


def test_aggregates_do_not_depend_on_how_the_input_is_split(graph_store):
    triples = [treats(f"d{i % 7}", i, "negated" if i % 5 == 0 else "present", confidence=(i % 10) / 10)
               for i in range(40)]
    first = graph_store.add_triples(triples)
    assert first.evidence_added == 40
    whole = _edges(graph_store)
    graph_store.clear()
    assert graph_store.add_triples(triples[:13], batch_size=4).evidence_added == 13
    assert graph_store.add_triples(triples, batch_size=7).evidence_added == 27  # the first 13 are known
    assert graph_store.add_triples(triples + triples[:3]).evidence_added == 0
    for a, b in zip(whole, _edges(graph_store), strict=True):
        assert a["f"].pop("confidence_sum") == pytest.approx(b["f"].pop("confidence_sum"))
        assert a["f"].pop("confidence_mean") == pytest.approx(b["f"].pop("confidence_mean"))
        assert a == b
    [fact] = [e["f"] for e in whole if e["t"] == "TREATS"]
    assert fact["evidence_count"] == 32 and fact["assertions"] == ["present"]
    assert fact["documents"] == [f"d{i}" for i in (1, 2, 3, 4, 6, 0, 5)]  # order of first appearance


def test_an_edge_with_ten_thousand_evidence_takes_one_more_without_rewriting_lists(graph_store):
    """Each mention adds to the edge's counters; no per-edge list grows with its evidence."""
    from medkg.kg.fusion import DOCUMENT_SAMPLE

    graph_store.add_triples((treats(f"d{i // 50}", i % 50, confidence=0.5) for i in range(10_000)),
                            batch_size=2500)
    report = graph_store.add_triples([treats("late", 0, confidence=0.95)])
    assert report.evidence_added == 1
    [edge] = graph_store.query("MATCH ()-[f:TREATS]->() RETURN f")
    f = edge["f"]
    assert f["evidence_count"] == 10_001 and f["confidence_max"] == pytest.approx(0.95)
    assert f["confidence_mean"] == pytest.approx((10_000 * 0.5 + 0.95) / 10_001)
    assert f["documents"] == [f"d{i}" for i in range(DOCUMENT_SAMPLE)] and "evidence_keys" not in f
    assert graph_store.query("MATCH (e:Evidence {edge: $k}) RETURN count(e) AS n", {"k": f["key"]}) == [{"n": 10_001}]
    assert graph_store.query("MATCH (e:Evidence {doc_id: 'late'}) RETURN e.confidence AS c") == [{"c": 0.95}]


def test_a_graph_in_the_old_evidence_layout_is_migrated_and_stays_exact(graph_store):
    """medkg 0.1 kept every evidence key and document on the edge and subject/object on each Evidence node."""
    graph_store.add_triples([treats("d1", 0, confidence=0.9), treats("d2", 1, confidence=0.5)])
    graph_store.execute_write(  # what 0.1 left on the graph
        "MATCH (e:Evidence) SET e.subject_id = 'DB00331', e.subject_label = 'Compound' WITH count(e) AS n "
        "MATCH ()-[f:TREATS]->() SET f.evidence_keys = ['k1', 'k2'], f.documents = $docs",
        {"docs": [f"d{i}" for i in range(1, 3)] + [f"old{i}" for i in range(20)]})
    graph_store._schema_ready = False  # what a new process sees first
    graph_store.add_triples([treats("d1", 0, confidence=0.9), treats("d3", 2, confidence=0.4)])
    [edge] = graph_store.query("MATCH ()-[f:TREATS]->() RETURN f")
    assert "evidence_keys" not in edge["f"] and len(edge["f"]["documents"]) == 10
    assert edge["f"]["evidence_count"] == 3 and edge["f"]["confidence_mean"] == pytest.approx(0.6)
    assert graph_store.query("MATCH (e:Evidence) WHERE e.subject_id IS NOT NULL RETURN count(e) AS n") == [{"n": 0}]


def test_each_supporting_mention_is_reachable(graph_store):
    graph_store.add_triples([treats("d1", 0), treats("d2", 4)])
    [row] = graph_store.query("MATCH ()-[f:TREATS]->() RETURN f.key AS key")
    ev = graph_store.evidence(row["key"])
    assert {(e["doc_id"], e["sentence_index"]) for e in ev} == {("d1", 0), ("d2", 4)}
    assert all(e["extractor"] == "test" and e["version"] == "1" for e in ev)


def test_negated_and_hypothetical_never_become_facts(graph_store):
    graph_store.add_triples([treats("d1", 0, "negated"), treats("d2", 0, "hypothetical")])
    assert graph_store.query("MATCH ()-[f:TREATS]->() RETURN count(f) AS n") == [{"n": 0}]
    rows = graph_store.query("MATCH ()-[q:QUALIFIED]->() RETURN q.predicate AS p, q.assertion AS a ORDER BY a")
    assert rows == [{"p": "TREATS", "a": "hypothetical"}, {"p": "TREATS", "a": "negated"}]


def test_entity_resolution_on_codes_not_names(graph_store):
    alias = Concept(label="Compound", id="DB00331", name="metformin hydrochloride")
    namesake = Concept(label="Compound", id="MESH:D999999", name="Metformin")
    graph_store.add_triples([treats("d1", 0), treats("d2", 0, subject=alias), treats("d3", 0, subject=namesake)])
    rows = graph_store.query("MATCH (c:Compound) RETURN c.id AS id, c.name AS name, c.synonyms AS syn ORDER BY id")
    assert [r["id"] for r in rows] == ["DB00331", "MESH:D999999"]
    assert rows[0]["name"] == "Metformin" and rows[0]["syn"] == ["metformin hydrochloride"]


def test_whitelist_rejects_unknown_labels_and_types():
    from medkg.kg.schema import node_label, rel_type

    with pytest.raises(SchemaError, match="Compound"):
        node_label("Drug`) DETACH DELETE n //")
    with pytest.raises(SchemaError, match="TREATS"):
        rel_type("TREATS]->() DELETE r //")
    with pytest.raises(ValueError, match="valid labels"):
        Concept(label="Person) DETACH DELETE n //", id="x")
    with pytest.raises(ValueError, match="valid types"):
        Triple(subject=METFORMIN, predicate="KILLS", object=T2D)
    with pytest.raises(ValueError, match="written by medkg"):
        Triple(subject=METFORMIN, predicate="PREDICTED_TREATS", object=T2D)


def test_injection_is_stored_literally(graph_store):
    evil = Concept(label="Disease", id='x"}) DETACH DELETE n //', name="x'}) DETACH DELETE n //")
    graph_store.add_triples([treats("d1", 0), treats("d1", 1, obj=evil)])
    rows = graph_store.query("MATCH (d:Disease) RETURN d.id AS id, d.name AS name ORDER BY id")
    assert {r["id"] for r in rows} == {T2D.id, evil.id}
    assert graph_store.counts()["nodes"]["Compound"] == 1


@pytest.mark.parametrize("query", [
    "CREATE (n:Disease {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Compound) SET n.name = 'hacked'",
    "MERGE (n:Disease {id: 'y'}) RETURN n",
    "match (n) with n limit 1 remove n.name",
    "CALL apoc.create.node(['Disease'], {id: 'z'})",
])
def test_read_only_refuses_writes(graph_store, query):
    graph_store.add_triples([treats("d1", 0)])
    before = graph_store.counts()
    with pytest.raises(ReadOnlyError):
        graph_store.query(query)
    assert graph_store.counts() == before
    assert graph_store.query("MATCH (c:Compound) RETURN c.name AS n") == [{"n": "Metformin"}]


def test_read_only_allows_write_words_inside_strings(graph_store):
    graph_store.add_triples([treats("d1", 0)])
    rows = graph_store.query("MATCH (c:Compound) WHERE c.name <> 'CREATE or DELETE' RETURN c.id AS id // SET")
    assert rows == [{"id": "DB00331"}]


def test_syntax_error_is_clear(graph_store):
    with pytest.raises(QuerySyntaxError, match="syntax"):
        graph_store.query("MATCH (n RETURN n")


def test_concurrent_writers(graph_store):
    from medkg.kg.store import connect

    errors: list[Exception] = []

    def writer(k: int) -> None:
        try:
            with connect(graph_store.backend.name) as store:
                store.add_triples([treats(f"doc{k}", i) for i in range(20)], batch_size=5)
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    [row] = graph_store.query("MATCH ()-[f:TREATS]->() RETURN f.evidence_count AS n")
    assert row["n"] == 160
    assert graph_store.counts()["nodes"] == {"Compound": 1, "Disease": 1, "Evidence": 160}


def test_predictions_are_replaced_not_mixed(graph_store):
    graph_store.add_triples([treats("d1", 0)])
    row = {"source_label": "Compound", "source_id": METFORMIN.id, "target_label": "Disease", "target_id": T2D.id,
           "score": 0.8, "rank": 1}
    graph_store.write_predictions("PREDICTED_TREATS", [row], model="m", version="1")
    graph_store.write_predictions("PREDICTED_TREATS", [row | {"score": 0.6}], model="m", version="2")
    rows = graph_store.query("MATCH ()-[p:PREDICTED_TREATS]->() RETURN p.score AS s, p.version AS v")
    assert rows == [{"s": pytest.approx(0.6), "v": "2"}]
    assert graph_store.query("MATCH ()-[f:TREATS]->() RETURN count(f) AS n") == [{"n": 1}]


def test_a_prediction_rewrite_that_fails_midway_leaves_the_old_set_whole(graph_store, monkeypatch):
    from medkg.kg import cypher
    from medkg.kg.export import patient_subgraph
    from medkg.kg.store import GraphStore

    compounds = [Concept(label="Compound", id=f"DB{i:05d}", name=f"c{i}") for i in range(30)]
    patient = Concept(label="Patient", id="P1")
    graph_store.add_triples([treats("d1", i, subject=c) for i, c in enumerate(compounds)] + [
        Triple(subject=patient, predicate="MENTIONS", object=T2D, provenance=Provenance(
            doc_id="n1", sentence_index=0, start=0, end=3, text="T2D"))])

    def predictions(version: str, n: int) -> list[dict]:
        return [{"source_label": "Compound", "source_id": c.id, "target_label": "Disease", "target_id": T2D.id,
                 "score": round(1 - i / 100 - int(version) / 10, 3), "rank": i + 1}
                for i, c in enumerate(compounds[:n])]

    def seen(version: str, n: int) -> list[tuple[str, float, str]]:
        """What readers should see once ``predictions(version, n)`` is the current set."""
        return sorted((r["source_id"], r["score"], version) for r in predictions(version, n))

    def visible() -> list[tuple[str, float, str]]:
        """What readers see: a query filtered on the current run, and the patient export, which must agree."""
        rows = graph_store.query("MATCH (c)-[p:PREDICTED_TREATS]->() WHERE " + cypher.current_prediction("p") +
                                 " RETURN c.id AS id, p.score AS score, p.version AS version ORDER BY id")
        _, edges = patient_subgraph(graph_store, "P1")
        exported = sorted((e["source"].split(":", 1)[1], e["score"]) for e in edges if e["type"] == "PREDICTED_TREATS")
        assert exported == [(r["id"], r["score"]) for r in rows]
        return [(r["id"], r["score"], r["version"]) for r in rows]

    # predictions from before runs existed (no run property, no PredictionRun node) are the first old set
    graph_store.execute_write("MATCH (c:Compound {id: 'DB00000'}), (d:Disease {id: $d}) CREATE (c)-[:PREDICTED_TREATS "
                              "{model: 'm', score: 0.5, rank: 1, version: '0'}]->(d)", {"d": T2D.id})
    assert visible() == [("DB00000", 0.5, "0")]
    assert graph_store.write_predictions("PREDICTED_TREATS", predictions("1", 20), model="m", version="1") == 20
    old = visible()
    assert len(old) == 20 and {v for *_, v in old} == {"1"}

    # 30 new rows in batches of 10: write transactions 1-3 write the new run, 4 switches to it, 5... delete the
    # superseded edges, 10 per transaction
    monkeypatch.setattr("medkg.kg.store.STALE_PREDICTIONS_BATCH", 10)
    write_tx = GraphStore._write_tx

    def crash_on_write(n: int):
        """A ``_write_tx`` that fails the ``n``-th write transaction, before it runs."""
        calls = []

        def write(self, work):
            calls.append(work)
            if len(calls) == n:
                raise ConnectionAbortedError("injected crash")
            return write_tx(self, work)

        return write

    for crash_at, expected in ((2, "old"), (4, "old"), (6, "new")):
        with monkeypatch.context() as patch, pytest.raises(ConnectionAbortedError):
            patch.setattr(GraphStore, "_write_tx", crash_on_write(crash_at))
            graph_store.write_predictions("PREDICTED_TREATS", predictions("2", 30), model="m", version="2",
                                          batch_size=10)
        assert visible() == (old if expected == "old" else seen("2", 30))
        stored = graph_store.query("MATCH ()-[p:PREDICTED_TREATS]->() RETURN count(p) AS n")[0]["n"]
        assert stored > len(visible())  # the rest of the stopped rewrite is still stored, unseen
    assert graph_store.write_predictions("PREDICTED_TREATS", predictions("3", 25), model="m", version="3",
                                         batch_size=7) == 25
    assert visible() == seen("3", 25)
    # what the failed rewrites left behind is gone: every stored prediction is a visible one
    assert graph_store.query("MATCH ()-[p:PREDICTED_TREATS]->() RETURN count(p) AS n") == [{"n": 25}]
    assert graph_store.query("MATCH (r:PredictionRun) RETURN r.id AS id, r.version AS version") == [
        {"id": "PREDICTED_TREATS|m", "version": "3"}]


def test_imaging_study_is_idempotent(graph_store):
    patient = Patient(id="P1")
    study = ImagingStudy(uid="1.2.3", patient_id="P1", modality="MR")
    lesion = Concept(label="Disease", id="DOID:2377", name="multiple sclerosis")

    def finding(i: int, volume: float) -> Finding:
        return Finding(id=f"1.2.3/lesion/{i}", study_uid="1.2.3", label="lesion", concept=lesion,
                       volume_mm3=volume, max_diameter_mm=5.0, centroid_mm=(1.0, 2.0, 3.0),
                       bbox_voxels=(0, 0, 0, 4, 4, 4), voxel_count=64, confidence=0.9, model="unet", model_version="1")

    graph_store.add_imaging_study(patient, study, [finding(0, 100.0), finding(1, 50.0)])
    first = graph_store.counts()
    graph_store.add_imaging_study(patient, study, [finding(0, 100.0), finding(1, 50.0)])
    assert graph_store.counts() == first
    assert first["relationships"] == {"HAS_FINDING": 2, "HAS_STUDY": 1, "SUGGESTS": 2}
    graph_store.add_imaging_study(patient, study, [finding(0, 100.0)])
    rows = graph_store.query("MATCH (:Patient {id: 'P1'})-[:HAS_STUDY]->(s)-[:HAS_FINDING]->(f) "
                             "RETURN f.volume_mm3 AS v, s.modality AS m")
    assert rows == [{"v": 100.0, "m": "MR"}]


def test_credentials_never_printed(monkeypatch):
    from medkg.kg.errors import StoreError
    from medkg.kg.store import Backend, connect, redact_uri

    assert redact_uri("neo4j+s://neo4j:s3cret@db.example:7687") == "neo4j+s://db.example:7687"
    b = Backend("neo4j", "bolt://127.0.0.1:1", ("neo4j", "s3cret"), None, True, True)
    assert "s3cret" not in repr(b)
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    with pytest.raises(StoreError) as err:
        connect("neo4j", uri="bolt://neo4j:s3cret@127.0.0.1:9")
    assert "s3cret" not in str(err.value) and "127.0.0.1:9" in str(err.value)
    with pytest.raises(StoreError) as err:
        connect("neo4j", uri="neo4j://neo4j:s3cret@127.0.0.1:9")
    assert "s3cret" not in str(err.value)


def test_a_client_whose_embedded_server_died_says_so_within_seconds(tmp_path):
    import os
    import signal
    import time

    from medkg.kg import embedded
    from medkg.kg.errors import StoreError
    from medkg.kg.store import connect

    home = tmp_path / "home"
    server = embedded.ensure_server(home)
    try:
        with connect("embedded", home=home) as store:
            store.write_rows("UNWIND $rows AS r MERGE (n:Symptom {id: r.id})", [{"id": "S1"}])
            os.kill(server.pid, signal.SIGKILL)  # the server crashes under a connected client
            while embedded._alive(server.pid):
                time.sleep(0.1)
            t0 = time.monotonic()
            with pytest.raises(StoreError, match="stopped answering; run the command again"):
                store.write_rows("UNWIND $rows AS r MERGE (n:Symptom {id: r.id})", [{"id": "S2"}])
            with pytest.raises(StoreError, match="stopped answering"):
                store.query("MATCH (n:Symptom) RETURN count(n) AS n")
            assert time.monotonic() - t0 < 30  # seconds, not minutes of retries against a dead port
    finally:
        embedded.stop_server(home)


def test_driver_warnings_and_connection_errors_go_to_debug_and_other_errors_stay():
    import logging

    from medkg.cli import _DemoteDriverChatter

    demote = _DemoteDriverChatter()

    def record(name: str, level: int) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, "Transaction failed and will be retried", (), None)

    root = logging.getLogger()
    level = root.level
    try:
        root.setLevel(logging.WARNING)
        warning = record("neo4j.pool", logging.WARNING)
        assert not demote.filter(warning) and warning.levelname == "DEBUG"
        assert demote.filter(record("neo4j", logging.ERROR))  # the driver's errors stay errors …
        reset = record("neo4j.io", logging.ERROR)  # … except a lost connection, which medkg reports in one line
        assert not demote.filter(reset) and reset.levelname == "DEBUG"
        assert demote.filter(record("medkg", logging.WARNING))  # medkg's own warnings are untouched
        root.setLevel(logging.DEBUG)
        assert demote.filter(record("neo4j.notifications", logging.WARNING))
    finally:
        root.setLevel(level)


def test_a_write_that_fails_on_a_full_disk_says_disk_full(graph_store, monkeypatch, tmp_path):
    from collections import namedtuple
    from dataclasses import replace

    import medkg.kg.store as store_mod
    from medkg.kg.errors import StoreError

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(store_mod.shutil, "disk_usage", lambda _p: usage(10 * 2**30, 10 * 2**30 - 2**20, 2**20))
    failing = "UNWIND $rows AS r CREATE (n:Symptom {id: r.id, bad: 1 / r.zero})"
    monkeypatch.setattr(graph_store, "backend", replace(graph_store.backend, data_dir=tmp_path))
    with pytest.raises(StoreError, match=f"disk full under {tmp_path} \\(1 MB free\\)"):
        graph_store.write_rows(failing, [{"id": "S-disk", "zero": 0}])
    monkeypatch.setattr(graph_store, "backend", replace(graph_store.backend, data_dir=None))  # a remote server
    with pytest.raises(StoreError) as err:
        graph_store.write_rows(failing, [{"id": "S-disk", "zero": 0}])
    assert "disk full" not in str(err.value)


def test_clear_deletes_in_bounded_batches_each_its_own_transaction(graph_store, monkeypatch):
    graph_store.execute_write("UNWIND range(0, 99) AS i CREATE (:Symptom {id: 'S' + i})")
    graph_store.execute_write("UNWIND range(0, 2499) AS i MATCH (a:Symptom {id: 'S' + (i % 100)}), "
                              "(b:Symptom {id: 'S' + ((i / 100) % 100)}) CREATE (a)-[:RESEMBLES]->(b)")
    assert graph_store.counts()["relationships"] == {"RESEMBLES": 2500}
    calls: list[int] = []
    write_tx = graph_store._write_tx
    monkeypatch.setattr(graph_store, "_write_tx", lambda work: calls.append(1) or write_tx(work))
    transactions = graph_store.clear(batch_size=500)
    assert graph_store.counts() == {"nodes": {}, "relationships": {}}
    assert transactions == len(calls) == 5 + 1 + 1 + 1  # full relationship batches, an empty one; nodes, an empty one


@pytest.mark.parametrize("where", ["in the statement", "at commit"])
def test_a_transaction_too_large_for_the_server_memory_is_not_retried(graph_store, monkeypatch, where):
    from neo4j.exceptions import Neo4jError

    from medkg.kg.errors import StoreError

    err = Neo4jError._hydrate_neo4j(code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                                    message="The allocation of an extra 2.0 MiB would use more than the limit")
    attempts: list[int] = []

    class Tx:
        def run(self, *_a, **_k):
            raise err

    class Session:
        def __enter__(self):
            return self

        def __exit__(self, *_exc):
            return None

        def execute_write(self, work):
            attempts.append(1)
            if where == "at commit":
                raise err
            return work(Tx())

    monkeypatch.setattr(graph_store, "_session", lambda read=False: Session())
    with pytest.raises(StoreError, match="transaction was too large .* not retried"):
        graph_store.clear()
    assert len(attempts) == 1


def test_an_index_in_the_way_of_a_constraint_is_named_with_how_to_drop_it(graph_store):
    from medkg.kg.errors import StoreError
    from medkg.kg.store import GraphStore

    if graph_store.backend.name != "neo4j":
        pytest.skip("ArcadeDB builds the constraint over an existing index")
    graph_store.execute_write("DROP CONSTRAINT disease_id IF EXISTS")
    try:
        graph_store.execute_write("CREATE INDEX mine FOR (n:Disease) ON (n.id)")
        with GraphStore(graph_store.backend) as fresh, pytest.raises(StoreError) as err:
            fresh.ensure_schema()
        assert "index 'mine' on :Disease(id)" in str(err.value)
        assert "medkg query --write 'DROP INDEX mine'" in str(err.value) and "\n" not in str(err.value)
    finally:
        graph_store.execute_write("DROP INDEX mine IF EXISTS")
        with GraphStore(graph_store.backend) as fresh:
            fresh.ensure_schema()  # medkg's constraint back for the tests that follow


def test_an_unknown_database_is_named(graph_store):
    from dataclasses import replace

    from medkg.kg.errors import StoreError
    from medkg.kg.store import GraphStore

    with pytest.raises(StoreError) as err:
        GraphStore(replace(graph_store.backend, database="nosuchdb"))
    where = graph_store.backend.uri.split("@")[-1].split("://")[-1]
    assert f"database 'nosuchdb' does not exist on the {graph_store.backend.name} server at" in str(err.value)
    assert where in str(err.value)
    if graph_store.backend.name == "neo4j":
        assert str(err.value).endswith("; create it or set NEO4J_DATABASE")


def test_a_wrong_password_says_authentication_failed(graph_store):
    from dataclasses import replace

    from medkg.kg.errors import StoreError
    from medkg.kg.store import GraphStore

    user = graph_store.backend.auth[0]
    try:
        GraphStore(replace(graph_store.backend, auth=(user, "not-the-password-7f3a"))).close()
    except StoreError as err:
        assert str(err).startswith(f"authentication failed for user {user!r} on the {graph_store.backend.name} "
                                   "store at bolt://")
        assert "not-the-password" not in str(err) and "cannot reach" not in str(err)
    else:
        pytest.skip("the server does not check passwords (authentication is off)")


def test_wrong_read_credentials_say_authentication_failed_for_the_read_user(graph_store):
    from dataclasses import replace

    from medkg.kg.errors import StoreError
    from medkg.kg.store import GraphStore

    reader = (graph_store.backend.read_auth or graph_store.backend.auth)[0]
    with GraphStore(replace(graph_store.backend, read_auth=(reader, "not-the-password-7f3a"))) as store:
        try:
            store.query("RETURN 1 AS ok")
        except StoreError as err:
            assert str(err).startswith(f"authentication failed for the read user {reader!r} on the "
                                       f"{graph_store.backend.name} store at bolt://")
            assert "not-the-password" not in str(err)
        else:
            pytest.skip("the server does not check passwords (authentication is off)")


def test_an_unreachable_server_says_cannot_reach(monkeypatch):
    import socket

    from medkg.kg.errors import StoreError
    from medkg.kg.store import connect

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    with pytest.raises(StoreError, match=f"^cannot reach the neo4j store at bolt://127.0.0.1:{port}: ") as err:
        connect("neo4j", uri=f"bolt://127.0.0.1:{port}")
    assert "s3cret" not in str(err.value)
