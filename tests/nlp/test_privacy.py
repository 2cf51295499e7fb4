import json
import logging
from pathlib import Path

from medkg.kg.models import Document, Triple
from medkg.kg.pseudonym import Pseudonymizer, load_key
from medkg.kg.schema import RelType
from medkg.nlp.deid import DeidConfig, Deidentifier
from medkg.nlp.extract import extract, iter_records
from medkg.nlp.privacy import (
    PrivacyPolicy,
    deid_mode,
    protect_records,
    should_deidentify,
)
from tests.nlp.fakes import fake_pipeline

GOLD = Path(__file__).parent / "data" / "deid_notes.jsonl"
NOTES = [json.loads(line) for line in GOLD.read_text().splitlines()][:12]
MRN = "00123456"


def _records(tmp_path):
    rows = [{"id": f"note-{n['id']}-{MRN}", "patient_id": n["patient_id"], "note_type": n["note_type"],
             "text": n["text"], "ward": "Smith wing"} for n in NOTES]
    # the same patient in two documents, and records that fail with identifiers in their ids
    rows.append({"id": f"second-{MRN}", "patient_id": MRN, "text": "Mr. John Smith on metformin for pneumonia."})
    rows.append({"id": f"empty-{MRN}", "patient_id": MRN, "text": ""})
    rows.append({"id": "abstract-1", "note_type": "abstract", "text": "Aspirin in 2019 trials by Smith et al."})
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + '{"id": "broken-00123456", "text": \n')
    return path


def _planted():
    """Identifier strings of the notes that are long enough to be searched for as such."""
    out = {MRN, "John Smith", "Smith wing"}
    for n in NOTES:
        out |= {n["text"][p["start"]:p["end"]] for p in n["phi"] if p["end"] - p["start"] >= 5}
        out.add(n["patient_id"])
    return out


def _run(tmp_path, **kw):
    kw.setdefault("pipeline_factory", fake_pipeline)
    return extract([_records(tmp_path)], tmp_path / "out" / "t.jsonl", progress=False, **kw)


def test_auto_protects_everything_but_literature():
    assert deid_mode(None) == "auto" and deid_mode(True) == "on" and deid_mode(False) == "off"
    note = Document(id="n", text="x", patient_id="p")
    lit = Document(id="a", text="x", kind="abstract")
    plain = Document(id="t", text="x")  # a .txt file, or a record without patient id or note type
    lit_with_patient = Document(id="b", text="x", kind="article", patient_id="p")
    assert should_deidentify(note, "auto") and not should_deidentify(lit, "auto")
    assert should_deidentify(plain, "auto") and should_deidentify(lit_with_patient, "auto")
    assert should_deidentify(lit, "on") and not should_deidentify(note, "off")


def test_protect_records_pseudonymises_ids_and_drops_metadata(tmp_path):
    pseudo = Pseudonymizer(load_key())
    recs = list(protect_records(iter_records([_records(tmp_path)]), PrivacyPolicy(), pseudo))
    for rec in recs:
        assert MRN not in rec.key and MRN not in rec.location and (rec.doc_id is None or MRN not in rec.doc_id)
        if rec.document is not None and rec.document.kind != "abstract":
            assert pseudo.is_pseudonym(rec.document.id) and pseudo.is_pseudonym(rec.document.patient_id)
            assert rec.document.metadata == {}
    abstract = next(r.document for r in recs if r.document is not None and r.document.kind == "abstract")
    assert abstract.id == "abstract-1"  # literature is left alone in auto mode


def test_batch_extraction_with_deid_leaks_no_identifier(tmp_path, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    report = _run(tmp_path, deid="auto")
    assert report.documents == len(NOTES) + 2 and report.quarantined == 2
    out = tmp_path / "out"
    files = {p.name: p.read_text() for p in out.iterdir()}
    assert {"t.jsonl", "t.jsonl.quarantine.jsonl", "t.jsonl.done"} <= set(files)
    captured = capsys.readouterr()
    blobs = {**files, "logs": caplog.text, "stdout": captured.out, "stderr": captured.err}
    for secret in _planted():
        for name, blob in blobs.items():
            assert secret not in blob, (secret, name)
    triples = [Triple.model_validate_json(x) for x in files["t.jsonl"].splitlines()]
    assert any(t.object.id == "DB00331" for t in triples)  # metformin still extracted
    # provenance offsets point into the de-identified text
    pseudo = Pseudonymizer(load_key())
    deid = Deidentifier(DeidConfig(mode=PrivacyPolicy().replace), pseudonymizer=pseudo)
    texts = {pseudo.document(f"note-{n['id']}-{MRN}"): deid.deidentify(n["text"], pseudo.patient(n["patient_id"])).text
             for n in NOTES}
    checked = 0
    for t in triples:
        p = t.provenance
        if p.doc_id in texts and p.start is not None:
            assert texts[p.doc_id][p.start:p.end] == p.text
            checked += 1
    assert checked > 5


def test_same_mrn_in_two_documents_is_one_patient(tmp_path):
    _run(tmp_path, deid="on")
    triples = [Triple.model_validate_json(x) for x in (tmp_path / "out" / "t.jsonl").read_text().splitlines()]
    pid = Pseudonymizer(load_key()).patient(MRN)
    docs_of = {t.object.id for t in triples if t.predicate is RelType.HAS_DOCUMENT and t.subject.id == pid}
    assert len(docs_of) == 2  # note-n01 (MRN 00123456) and second-00123456
    assert all(t.subject.id.startswith(("P-", "D-")) for t in triples)


def test_a_different_key_gives_different_pseudonyms(tmp_path, monkeypatch):
    _run(tmp_path / "a", deid="on")
    monkeypatch.setenv("MEDKG_PSEUDONYM_KEY", "another-test-key-abcdefghijklmnop")
    _run(tmp_path / "b", deid="on")
    ids = [{t.subject.id for t in map(Triple.model_validate_json,
                                      (tmp_path / d / "out" / "t.jsonl").read_text().splitlines())} for d in "ab"]
    assert ids[0] and ids[1] and not ids[0] & ids[1]


def test_deid_off_keeps_raw_ids(tmp_path):
    _run(tmp_path, deid="off")
    assert f"note-n01-{MRN}" in (tmp_path / "out" / "t.jsonl").read_text()


def test_graph_holds_pseudonyms_only(tmp_path, graph_store):
    _run(tmp_path, deid="auto", graph=True, store=graph_store)
    pid = Pseudonymizer(load_key()).patient(MRN)
    rows = graph_store.query("MATCH (p:Patient {id: $id})-[:HAS_DOCUMENT]->(d:Document) RETURN count(d) AS n",
                             {"id": pid})
    assert rows[0]["n"] == 2
    assert graph_store.query("MATCH (p:Patient) RETURN count(p) AS n")[0]["n"] == len({n["patient_id"] for n in NOTES})
    dump = json.dumps(graph_store.query("MATCH (n) WHERE n:Patient OR n:Document OR n:Evidence "
                                        "RETURN properties(n) AS p"), default=str)
    dump += json.dumps(graph_store.query("MATCH ()-[r]->() RETURN properties(r) AS p"), default=str)
    for secret in _planted():
        assert secret not in dump, secret


def test_a_policy_never_shows_its_key():
    assert repr(PrivacyPolicy(key=b"secret-key-secret-key")).count("secret") == 0


def test_cli_deid_writes_protected_records(tmp_path):
    from typer.testing import CliRunner

    from medkg.cli import app

    src = _records(tmp_path)
    out = tmp_path / "deid.jsonl"
    result = CliRunner().invoke(app, ["nlp", "deid", str(src), "--out", str(out), "--no-model"])
    assert result.exit_code == 0, result.output
    assert "2 unreadable" in result.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == len(NOTES) + 2 and all(r["id"].startswith("D-") for r in rows)
    blob = out.read_text() + result.output
    for secret in ("00123456", "John Smith", "(555) 123-4567", "h.moreau@bluemail.net", "03/04/2021"):
        assert secret not in blob, secret
    assert "metformin" in blob and "Parkinson disease" in blob


# -- de-identification on by default for every input that may hold PHI; owner-only outputs -------------------

PHI = {"name": "Rosalind Okafor-Whitley", "mrn": "00987654", "email": "r.okafor@example.org",
       "phone": "(617) 555-0143", "date": "03/14/2024"}
PLAIN_NOTE = (f"Patient {PHI['name']} (MRN {PHI['mrn']}) seen {PHI['date']} for pneumonia, started on aspirin. "
              f"Call {PHI['phone']} or write to {PHI['email']}.")


def _plain_inputs(tmp_path: Path) -> list[Path]:
    """A folder of .txt notes named after the patient, and a JSONL record with neither patient id nor note type."""
    folder = tmp_path / "in"
    folder.mkdir(parents=True)
    (folder / f"okafor-whitley_{PHI['mrn']}.txt").write_text(PLAIN_NOTE)
    (folder / "batch.jsonl").write_text(json.dumps({"id": f"{PHI['mrn']}-visit", "text": PLAIN_NOTE}) + "\n")
    return [folder]


def _everything_written(folder: Path) -> str:
    return "\n".join(f"{p.name}\n{p.read_text(errors='replace')}" for p in folder.rglob("*") if p.is_file())


def test_text_files_and_unmarked_records_are_deidentified_by_default(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "out" / "t.jsonl"
    report = extract(_plain_inputs(tmp_path), out, progress=False, pipeline_factory=fake_pipeline)
    assert report.documents == 2 and report.not_deidentified == 0
    written = _everything_written(out.parent) + caplog.text
    for kind, value in {**PHI, "surname": "Okafor", "file name": "okafor-whitley"}.items():
        assert value.lower() not in written.lower(), kind
    assert "pneumonia" in written  # the medicine survives


def test_no_deid_and_literature_are_announced_once(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    extract(_plain_inputs(tmp_path), tmp_path / "a" / "t.jsonl", progress=False, pipeline_factory=fake_pipeline,
            deid=False)
    assert caplog.text.count("de-identification is OFF") == 1
    caplog.clear()
    lit = tmp_path / "lit.jsonl"
    lit.write_text("".join(json.dumps({"id": f"a{i}", "note_type": "abstract", "text": "Aspirin in trials."}) + "\n"
                           for i in range(3)))
    report = extract([lit], tmp_path / "b" / "t.jsonl", progress=False, pipeline_factory=fake_pipeline)
    assert report.not_deidentified == 3
    assert caplog.text.count("were not de-identified") == 1


def test_outputs_are_owner_only_whatever_the_umask(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = tmp_path / "out" / "t.jsonl"
        extract([_records(tmp_path)], out, progress=False, pipeline_factory=fake_pipeline)
    finally:
        os.umask(old)
    files = [p for p in out.parent.iterdir() if p.is_file()]
    assert len(files) >= 3
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o600 for p in files}
