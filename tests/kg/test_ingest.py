"""``medkg ingest``: JSON lines in, quarantine for bad lines, idempotent re-runs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import medkg
from medkg.cli import app
from medkg.kg.errors import InputError
from medkg.kg.ingest import ingest_jsonl
from medkg.kg.models import Concept, Provenance, Triple


def _triple(i: int, assertion: str = "present") -> Triple:
    return Triple(subject=Concept(label="Compound", id="DB00945", name="Aspirin"), predicate="TREATS",
                  object=Concept(label="Disease", id=f"DOID:{i}", name=f"disease {i}"), assertion=assertion,
                  confidence=0.8, provenance=Provenance(doc_id="doc1", sentence_index=i, start=0, end=4,
                                                        text="text", extractor="t", version="1"))


def test_malformed_lines_are_quarantined_and_the_rest_loads(graph_store, tmp_path):
    path = tmp_path / "triples.jsonl"
    lines = [_triple(1).model_dump_json(), "{not json", _triple(2).model_dump_json(),
             json.dumps({"subject": {"label": "Alien", "id": "x"}, "predicate": "TREATS",
                         "object": {"label": "Disease", "id": "DOID:3"}}),
             "", _triple(3, "negated").model_dump_json()]
    path.write_text("\n".join(lines) + "\n")
    rep = ingest_jsonl(graph_store, path)
    assert (rep.loaded, rep.quarantined) == (3, 2)
    bad = [json.loads(x) for x in open(rep.quarantine_file)]
    assert [b["line"] for b in bad] == [2, 4]
    assert "invalid JSON" in bad[0]["reason"] and "label" in bad[1]["reason"]
    assert bad[0]["record"] == "{not json"
    assert graph_store.query("MATCH ()-[f:TREATS]->() RETURN count(f) AS n") == [{"n": 2}]
    first = graph_store.counts()
    ingest_jsonl(graph_store, path)
    assert graph_store.counts() == first


def test_ingest_and_query_commands(graph_store, tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(_triple(1).model_dump_json() + "\n")
    runner = CliRunner()
    store = ["--store", graph_store.backend.name]  # the fixture's store (Neo4j from NEO4J_URI), not the default
    res = runner.invoke(app, ["ingest", str(path), *store])
    assert res.exit_code == 0, res.output
    assert "1 triples loaded" in res.output
    assert graph_store.query("MATCH (d:Disease {id: 'DOID:1'}) RETURN d.name AS n") == [{"n": "disease 1"}]
    res = runner.invoke(app, ["query", "MATCH (d:Disease {id: $id}) RETURN d.name AS name", "--param", "id=DOID:1",
                              "--format", "json", *store])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"name": "disease 1"}]
    res = runner.invoke(app, ["query", "CREATE (n:Disease {id: 'x'})", *store])
    assert res.exit_code != 0 and "read-only" in str(res.exception)


def test_a_deeply_nested_line_is_quarantined_and_its_neighbours_read(tmp_path):
    from medkg.kg.ingest import read_triples

    path = tmp_path / "triples.jsonl"
    path.write_text(_triple(1).model_dump_json() + "\n" + "[" * 5000 + "]" * 5000 + "\n"
                    + _triple(2).model_dump_json() + "\n")
    got = list(read_triples(path, tmp_path / "q.jsonl"))
    assert [t.object.id for t in got] == ["DOID:1", "DOID:2"]
    (bad,) = [json.loads(x) for x in open(tmp_path / "q.jsonl")]
    assert bad["line"] == 2 and "nested too deeply" in bad["reason"]


def test_a_confidence_that_is_not_a_number_is_quarantined(tmp_path):
    from medkg.kg.ingest import read_triples

    rows = [json.loads(_triple(i).model_dump_json()) for i in range(3)]
    rows[1]["confidence"], rows[2]["confidence"] = "0.5", True
    path = tmp_path / "triples.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert [t.object.id for t in read_triples(path, tmp_path / "q.jsonl")] == ["DOID:0"]
    assert all("confidence" in json.loads(x)["reason"] for x in open(tmp_path / "q.jsonl"))


@pytest.mark.parametrize("subject, predicate, obj", [
    ("Evidence", "TREATS", "Disease"), ("Finding", "SUGGESTS", "Disease"), ("Compound", "TREATS", "ImagingStudy"),
    ("Document", "TREATS", "Disease"), ("Patient", "CAUSES", "Disease"), ("Compound", "HAS_DOCUMENT", "Document"),
    ("Document", "MENTIONS", "Patient"),
])
def test_internal_labels_and_record_nodes_out_of_place_are_quarantined(tmp_path, subject, predicate, obj):
    from medkg.kg.ingest import read_triples

    good = json.loads(_triple(0).model_dump_json())
    bad = good | {"subject": {"label": subject, "id": "X1"}, "predicate": predicate, "object": {"label": obj, "id": "Y1"}}
    path = tmp_path / "triples.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n")
    assert [t.object.id for t in read_triples(path, tmp_path / "q.jsonl")] == ["DOID:0"]
    (q,) = [json.loads(x) for x in open(tmp_path / "q.jsonl")]
    assert q["line"] == 1 and ("written by medkg itself" in q["reason"] or "only in" in q["reason"])


def test_the_extractions_own_record_shapes_are_accepted():
    doc, patient = Concept(label="Document", id="D-1"), Concept(label="Patient", id="P-1")
    disease = Concept(label="Disease", id="DOID:1")
    Triple(subject=patient, predicate="HAS_DOCUMENT", object=doc)
    Triple(subject=doc, predicate="MENTIONS", object=disease)
    Triple(subject=patient, predicate="MENTIONS", object=disease)


def _shards(folder, parts: list[list[Triple]]):
    from medkg.kg.ingest import PART, write_manifest

    folder.mkdir()
    for k, triples in enumerate(parts):
        (folder / PART.format(k)).write_text("".join(t.model_dump_json() + "\n" for t in triples))
    return write_manifest(folder)


def _overlapping(i: int, doc: str) -> Triple:
    """Every shard names the same few concepts and facts, from its own documents: the loaders race on them."""
    return Triple(subject=Concept(label="Compound", id=f"DB0{i % 3}", name=f"drug {i % 3}"), predicate="TREATS",
                  object=Concept(label="Disease", id=f"DOID:{i % 5}", name=f"disease {i % 5}"), confidence=0.5,
                  provenance=Provenance(doc_id=doc, sentence_index=i, start=0, end=4, text="text", extractor="t",
                                        version="1"))


def test_four_concurrent_loaders_of_a_sharded_output_equal_one_sequential_load(graph_store, tmp_path):
    from medkg.kg.ingest import ingest_folder

    parts = [[_overlapping(i, f"doc{k}") for i in range(40)] for k in range(8)]
    _shards(tmp_path / "out", parts)
    reports = ingest_folder(graph_store, tmp_path / "out", loaders=4, batch_size=7)
    assert [r.loaded for r in reports] == [40] * 8
    concurrent = graph_store.counts()
    evidence = graph_store.query("MATCH (c:Compound)-[f:TREATS]->(d:Disease) RETURN c.id AS c, d.id AS d, "
                                 "f.evidence_count AS n ORDER BY c, d")
    assert concurrent["nodes"]["Compound"] == 3 and concurrent["nodes"]["Disease"] == 5
    assert concurrent["relationships"]["TREATS"] == 15  # one fact edge per pair, never a duplicate
    assert sum(r["n"] for r in evidence) == 8 * 40

    graph_store.clear()
    whole = tmp_path / "all.jsonl"
    whole.write_text("".join(t.model_dump_json() + "\n" for p in parts for t in p))
    ingest_jsonl(graph_store, whole)
    assert graph_store.counts() == concurrent
    assert graph_store.query("MATCH (c:Compound)-[f:TREATS]->(d:Disease) RETURN c.id AS c, d.id AS d, "
                             "f.evidence_count AS n ORDER BY c, d") == evidence
    ingest_folder(graph_store, tmp_path / "out", loaders=4)  # and again: nothing changes
    assert graph_store.counts() == concurrent


def test_a_folder_without_a_manifest_or_with_a_changed_part_is_refused(tmp_path):
    from medkg.kg.errors import InputError
    from medkg.kg.ingest import manifest_parts

    (tmp_path / "running").mkdir()
    (tmp_path / "running" / "part-00000.jsonl").write_text(_triple(1).model_dump_json() + "\n")
    with pytest.raises(InputError, match="no manifest.json"):
        manifest_parts(tmp_path / "running")
    _shards(tmp_path / "done", [[_triple(1)], [_triple(2)]])
    assert [p.name for p in manifest_parts(tmp_path / "done")] == ["part-00000.jsonl", "part-00001.jsonl"]
    with open(tmp_path / "done" / "part-00001.jsonl", "a") as fh:
        fh.write(_triple(3).model_dump_json() + "\n")
    with pytest.raises(InputError, match="differs from"):
        manifest_parts(tmp_path / "done")


def test_ingest_command_takes_a_sharded_folder(graph_store, tmp_path):
    _shards(tmp_path / "out", [[_triple(1), _triple(2)], [_triple(3)]])
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "out"), "--loaders", "2",
                                   "--store", graph_store.backend.name])
    assert res.exit_code == 0, res.output
    assert "(2 part files): 3 triples loaded" in res.output
    assert graph_store.query("MATCH ()-[f:TREATS]->() RETURN count(f) AS n") == [{"n": 3}]  # in this store


def test_the_python_api_ingest_loads_files_quarantines_bad_lines_and_reruns_as_a_no_op(graph_store, tmp_path):
    path = tmp_path / "triples.jsonl"
    path.write_text("\n".join([_triple(1).model_dump_json(), "{not json", _triple(2).model_dump_json()]) + "\n")
    [first] = medkg.ingest(path, store=graph_store.backend.name)
    assert (first.loaded, first.quarantined) == (2, 1) and first.fusion.evidence_added == 2
    counts = graph_store.counts()
    [again] = medkg.ingest([str(path)], store=graph_store.backend.name)
    assert (again.loaded, again.fusion.evidence_added) == (2, 0) and graph_store.counts() == counts
    with pytest.raises(InputError, match="no such triples file"):
        medkg.ingest(tmp_path / "missing.jsonl", store=graph_store.backend.name)
