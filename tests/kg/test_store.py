"""The store through the neo4j driver against a real server (embedded ArcadeDB; Neo4j when NEO4J_URI is set)."""

from __future__ import annotations

import threading

import pytest

from kg.errors import QuerySyntaxError, ReadOnlyError, SchemaError
from kg.models import Concept, Finding, ImagingStudy, Patient, Provenance, Triple

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
    from kg.schema import node_label, rel_type

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
    from kg.store import connect

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
    from kg.errors import StoreError
    from kg.store import Backend, connect, redact_uri

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

    from kg import embedded
    from kg.errors import StoreError
    from kg.store import connect

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

    from kg.cli import _DemoteDriverChatter

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

    import kg.store as store_mod
    from kg.errors import StoreError

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
