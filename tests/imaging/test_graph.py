"""Imaging findings in the graph: Patient -> ImagingStudy -> Finding -> concept, idempotent on re-segmentation."""

from __future__ import annotations

import numpy as np

from medkg.imaging.findings import extract_findings
from medkg.imaging.pipeline import write_study
from medkg.kg.models import Concept, ImagingStudy
from medkg.kg.schema import NodeLabel
from tests.imaging.test_demo import DEMO_MODEL, DEMO_SCAN

PATH = ("MATCH (p:Patient {id: $pid})-[:HAS_STUDY]->(s:ImagingStudy {id: $uid})-[:HAS_FINDING]->(f:Finding) "
        "RETURN f.id AS id, f.label AS label, f.volume_mm3 AS volume ORDER BY f.id")


def _findings(mask: np.ndarray, uid: str):
    concepts = {"lesion": Concept(label=NodeLabel.DISEASE, id="DOID:1319", name="brain cancer")}
    return extract_findings(mask, (1.0, 1.0, 2.0), study_uid=uid, label_names=("lesion",), model="m",
                            model_version="1", concepts=concepts)


def test_study_and_findings_written_once(graph_store):
    mask = np.zeros((10, 10, 10), np.uint8)
    mask[1:3, 1:3, 1:3] = 1
    mask[6:9, 6:9, 6:9] = 1
    study = ImagingStudy(uid="1.2.840.1", patient_id="P1", modality="MR")
    found = _findings(mask, study.uid)
    write_study(study, found, store=graph_store)
    first = graph_store.counts()
    rows = graph_store.query(PATH, {"pid": "P1", "uid": study.uid})
    assert sorted(r["volume"] for r in rows) == [16.0, 54.0]
    suggests = graph_store.query("MATCH (f:Finding)-[:SUGGESTS]->(d:Disease {id: 'DOID:1319'}) RETURN count(f) AS n")
    assert suggests[0]["n"] == 2

    write_study(study, _findings(mask, study.uid), store=graph_store)  # the same study again
    assert graph_store.counts() == first

    mask[6:9, 6:9, 6:9] = 0  # re-segmented with a different result: the old finding goes
    write_study(study, _findings(mask, study.uid), store=graph_store)
    assert [r["volume"] for r in graph_store.query(PATH, {"pid": "P1", "uid": study.uid})] == [16.0]


def test_resegmenting_demo_scan_keeps_graph_counts(graph_store, tmp_path):
    from medkg.imaging.pipeline import segment

    kw = dict(patient_id="demo-patient", study_uid="demo-study", modality="MR", graph=True, store=graph_store)
    first = segment(DEMO_SCAN, DEMO_MODEL, tmp_path / "a.nii.gz", **kw)
    counts = graph_store.counts()
    second = segment(DEMO_SCAN, DEMO_MODEL, tmp_path / "b.nii.gz", **kw)
    assert graph_store.counts() == counts
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    rows = graph_store.query(PATH, {"pid": first.study.patient_id, "uid": first.study_uid})
    assert len(rows) == len(first.findings) >= 1
    assert first.study.patient_id.startswith("P-") and first.study_uid.startswith("S-")  # pseudonymized


def test_a_note_and_a_dicom_series_of_one_patient_are_one_pseudonymous_patient(graph_store, tmp_path):
    """One service pseudonymizes text and imaging: one P-… node, and no raw MRN, study UID or date anywhere."""
    import json

    from medkg.imaging.pipeline import segment
    from medkg.kg.pseudonym import Pseudonymizer
    from medkg.nlp.extract import extract
    from tests.imaging.test_io import _write_dicom_series
    from tests.nlp.fakes import fake_pipeline

    mrn, uid = "P001", "1.2.3.4"  # as written into the DICOM header by _write_dicom_series (date 2024-01-31)
    notes = tmp_path / "notes.jsonl"
    notes.write_text(json.dumps({"id": "n1", "patient_id": mrn, "note_type": "clinic_note", "date": "2024-01-31",
                                 "text": "Seen for multiple sclerosis, on aspirin."}) + "\n")
    out = tmp_path / "out"
    extract([notes], out / "t.jsonl", graph=True, store=graph_store, progress=False, pipeline_factory=fake_pipeline)
    vol = np.random.default_rng(0).integers(-500, 500, size=(32, 32, 16)).astype(np.float32)
    _write_dicom_series(tmp_path / "series", vol, (1.0, 1.0, 2.0), (0.0, 0.0, 0.0))
    res = segment(tmp_path / "series", DEMO_MODEL, out / "mask.nii.gz", graph=True, store=graph_store)
    pid = Pseudonymizer().patient(mrn)
    assert res.study.patient_id == pid
    assert graph_store.query("MATCH (p:Patient) RETURN p.id AS id") == [{"id": pid}]
    assert graph_store.query("MATCH (:Patient {id: $p})-[:HAS_STUDY]->(s:ImagingStudy) RETURN s.id AS s",
                             {"p": pid}) == [{"s": res.study_uid}]
    dump = json.dumps(graph_store.query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p"), default=str)
    dump += json.dumps(graph_store.query("MATCH ()-[r]->() RETURN type(r) AS t, properties(r) AS p"), default=str)
    dump += json.dumps(res.to_dict(), default=str)
    dump += "".join(p.name + p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())
    for raw in (f'"{mrn}"', uid, "2024-01-31", "20240131"):
        assert raw not in dump, raw
