import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from medkg.kg.errors import InputError
from medkg.kg.models import Triple
from medkg.kg.schema import NodeLabel, RelType
from medkg.nlp.extract import extract, iter_records
from tests.nlp.fakes import fake_pipeline

ROOT = Path(__file__).resolve().parents[2]

NOTES = [
    {"id": "n1", "patient_id": "p1", "note_type": "ed_note", "text": "Denies chest pain. Started aspirin for MI."},
    {"id": "n2", "text": "No evidence of pneumonia.\nPossible sepsis; zorblax given."},
    {"id": "n3", "patient_id": "p2", "text": "History of stroke. Mother had breast cancer.", "ward": "4B"},
    {"id": "n4", "text": "Return if fever develops. Chest x-ray: no acute process."},
    {"id": "n5", "text": "Hypertension, on metformin and lisinopril."},
    {"id": "n6", "text": "Negative for DVT. Pneumonia was ruled out."},
]


def _write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _run(inputs, out, **kw):
    kw.setdefault("pipeline_factory", fake_pipeline)
    kw.setdefault("progress", False)
    kw.setdefault("deid", "off")  # these tests check raw ids and offsets; nlp.privacy has its own tests
    return extract(inputs, out, **kw)


def _lines(path: Path) -> list[str]:
    return sorted(path.read_text().splitlines()) if path.exists() else []


def test_triples_with_offsets_that_round_trip(tmp_path):
    src = _write_jsonl(tmp_path / "notes.jsonl", NOTES)
    report = _run([src], tmp_path / "t.jsonl")
    assert report.documents == 6 and report.quarantined == 0
    texts = {r["id"]: r["text"] for r in NOTES}
    triples = [Triple.model_validate_json(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()]
    mentions = [t for t in triples if t.predicate is RelType.MENTIONS]
    assert mentions and report.triples == len(triples)
    for t in mentions:
        p = t.provenance
        assert p.source == "text" and p.extractor and p.version and p.sentence_index is not None
        assert texts[p.doc_id][p.start:p.end] == p.text
        assert t.subject.label in (NodeLabel.DOCUMENT, NodeLabel.PATIENT)
        assert 0 < t.confidence <= 1
    by_text = {(t.provenance.doc_id, t.provenance.text): t for t in mentions if t.subject.label is NodeLabel.DOCUMENT}
    assert by_text[("n1", "chest pain")].assertion.value == "negated"
    assert by_text[("n1", "aspirin")].object.id == "DB00945"
    assert by_text[("n2", "pneumonia")].assertion.value == "negated"
    assert by_text[("n2", "sepsis")].assertion.value == "possible"
    assert by_text[("n3", "stroke")].assertion.value == "historical"
    assert by_text[("n3", "breast cancer")].assertion.value == "family"
    assert by_text[("n4", "fever")].assertion.value == "hypothetical"
    assert by_text[("n6", "Pneumonia")].assertion.value == "negated"
    # patients: HAS_DOCUMENT once per named patient, and every mention also from the patient
    has_doc = [(t.subject.id, t.object.id) for t in triples if t.predicate is RelType.HAS_DOCUMENT]
    assert sorted(has_doc) == [("p1", "n1"), ("p2", "n3")]
    n1 = [t for t in mentions if t.provenance.doc_id == "n1"]
    assert sum(t.subject.label is NodeLabel.PATIENT for t in n1) == sum(t.subject.label is NodeLabel.DOCUMENT for t in n1)
    # the unlinked mention is reported apart, never as a triple
    unlinked = [json.loads(x) for x in (tmp_path / "t.jsonl.unlinked.jsonl").read_text().splitlines()]
    assert [u["text"] for u in unlinked] == ["zorblax"] and report.unlinked == 1
    assert not any(t.provenance.text == "zorblax" for t in mentions)


def test_long_note_is_fully_covered(tmp_path):
    sentence = "Patient denies chest pain and was given aspirin. "
    text = sentence * (50_000 // len(sentence) + 1) + "Final line mentions pneumonia."
    assert len(text) > 50_000
    src = _write_jsonl(tmp_path / "long.jsonl", [{"id": "long", "text": text}])
    _run([src], tmp_path / "t.jsonl")
    triples = [Triple.model_validate_json(x) for x in (tmp_path / "t.jsonl").read_text().splitlines()]
    starts = sorted(t.provenance.start for t in triples)
    assert sum(t.provenance.text == "aspirin" for t in triples) == text.count("aspirin")
    assert any(t.provenance.text == "pneumonia" and t.provenance.end == len(text) - 1 for t in triples)
    assert starts[-1] > 49_000
    assert all(text[t.provenance.start:t.provenance.end] == t.provenance.text for t in triples)


def test_bad_records_are_quarantined_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Denies chest pain.")
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "latin1.txt").write_bytes("Patient from S\xe3o Paulo has pneumonia".encode("latin-1"))
    (folder / "notes.jsonl").write_bytes(
        b'{"id": "j1", "text": "Possible sepsis."}\n'
        b'{"id": "j2", "text": ""}\n'
        b'{not json\n'
        b'{"id": "j4", "text": "caf\xe9 with pneumonia"}\n'
        b'{"text": "no id here"}\n'
        b'["a", "list"]\n'
        b'{"id": "j1", "text": "Duplicate id with stroke."}\n'
        b'{"id": "j8", "text": "Stroke.", "date": "yesterday"}\n')
    (folder / "notes.csv").write_bytes(b"id,text,patient_id\nc1,History of stroke.,p9\nc2,,p9\nc3,\"a\x00b\",p9\n")
    report = _run([folder], tmp_path / "t.jsonl")
    q = [json.loads(x) for x in (tmp_path / "t.jsonl.quarantine.jsonl").read_text().splitlines()]
    reasons = {(Path(r["source"]).name, r["record"]): r["reason"] for r in q}
    assert reasons == {
        ("binary.txt", 1): "binary content (NUL bytes)",
        ("empty.txt", 1): "empty text",
        ("latin1.txt", 1): "not valid UTF-8 (byte 14)",
        ("notes.csv", 2): "empty text",
        ("notes.csv", 3): "binary content (NUL characters)",
        ("notes.jsonl", 2): "empty text",
        ("notes.jsonl", 3): "malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        ("notes.jsonl", 4): "not valid UTF-8 (byte 25 of the line)",
        ("notes.jsonl", 5): "missing or invalid 'id'",
        ("notes.jsonl", 6): "a JSON list, not an object",
        ("notes.jsonl", 7): "duplicate document id",
        ("notes.jsonl", 8): "invalid 'date' (expected ISO YYYY-MM-DD)",
    }
    assert report.quarantined == len(q) and report.documents == 3  # good.txt, j1, c1
    assert not any("pneumonia" in r["reason"] or "Paulo" in r["reason"] for r in q)
    docs = {Triple.model_validate_json(x).provenance.doc_id for x in (tmp_path / "t.jsonl").read_text().splitlines()}
    assert docs == {"good", "j1", "c1"}


def test_processing_failure_quarantines_only_that_document(tmp_path):
    import functools

    src = _write_jsonl(tmp_path / "n.jsonl", NOTES + [{"id": "boom", "text": "BOOM and pneumonia"}])
    report = _run([src], tmp_path / "t.jsonl", pipeline_factory=functools.partial(fake_pipeline, "BOOM"))
    assert report.documents == len(NOTES) and report.quarantined == 1
    (q,) = [json.loads(x) for x in (tmp_path / "t.jsonl.quarantine.jsonl").read_text().splitlines()]
    assert q["id"] == "boom" and q["reason"] == "processing failed (RuntimeError)"


def test_unknown_inputs_fail_before_writing(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        _run([tmp_path / "nope.jsonl"], tmp_path / "t.jsonl")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported"):
        _run([tmp_path / "x.pdf"], tmp_path / "t.jsonl")
    assert not (tmp_path / "t.jsonl").exists()
    with pytest.raises(InputError, match="workers"):
        _run([tmp_path], tmp_path / "t.jsonl", workers=0)


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    import medkg.nlp.extract as ex
    from tests.nlp.fakes import fake_pipeline

    original, calls = ex._Outputs.commit, [0]

    def commit(self, entries):  # die after a chunk's lines are written, before they are committed
        calls[0] += 1
        if calls[0] == {kill_at}:
            for fh in self.files.values():
                fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        original(self, entries)

    ex._Outputs.commit = commit
    ex.extract([{src!r}], {out!r}, pipeline_factory=fake_pipeline, chunk_docs=2, progress=False, deid="off")
""")


def test_resume_after_kill_gives_exactly_the_uninterrupted_triples(tmp_path):
    rows = NOTES + [{"id": f"x{i}", "text": f"Denies chest pain {i}. Possible sepsis."} for i in range(6)]
    rows.insert(3, {"id": "bad", "text": ""})  # a quarantined record before the kill
    src = _write_jsonl(tmp_path / "n.jsonl", rows)
    reference = tmp_path / "ref" / "t.jsonl"
    _run([src], reference, chunk_docs=2)

    out = tmp_path / "run" / "t.jsonl"
    script = KILL_SCRIPT.format(root=str(ROOT), src=str(src), out=str(out), kill_at=3)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr[-2000:]
    done = (out.parent / "t.jsonl.done").read_text().splitlines()
    assert 0 < len(done) < len(rows)  # killed mid-batch, with uncommitted lines written after the last commit
    assert len(out.read_text().splitlines()) > 0

    report = _run([src], out, chunk_docs=2)
    assert report.skipped == len(done)
    for suffix in ("", ".unlinked.jsonl", ".quarantine.jsonl"):
        got = _lines(out.with_name(out.name + suffix))
        want = _lines(reference.with_name(reference.name + suffix))
        assert got == want, suffix
        assert len(set(got)) == len(got) or suffix == ".unlinked.jsonl"
    # a third run has nothing left to do and changes nothing
    again = _run([src], out, chunk_docs=2)
    assert again.documents == 0 and again.skipped == len(rows)
    assert _lines(out) == _lines(reference)


def test_torn_tail_is_truncated_on_resume(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    out = tmp_path / "t.jsonl"
    _run([src], out, chunk_docs=2)
    reference = _lines(out)
    done = out.with_name("t.jsonl.done")
    lines = done.read_text().splitlines(keepends=True)
    done.write_text("".join(lines[:2]) + lines[2][:10])  # the last two commits lost, one torn
    with open(out, "a") as fh:
        fh.write('{"subject": partial')
    report = _run([src], out, chunk_docs=2)
    assert report.skipped == 2
    assert _lines(out) == reference


def test_restart_ignores_earlier_progress(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    out = tmp_path / "t.jsonl"
    _run([src], out)
    report = _run([src], out, resume=False)
    assert report.skipped == 0 and report.documents == len(NOTES)
    assert len(_lines(out)) == len(set(_lines(out)))


def test_workers(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    _run([src], tmp_path / "one.jsonl", chunk_docs=2)
    _run([src], tmp_path / "two.jsonl", chunk_docs=2, workers=2)
    assert _lines(tmp_path / "one.jsonl") == _lines(tmp_path / "two.jsonl")


def test_iter_records_reads_metadata(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", [NOTES[2] | {"date": "2024-02-11", "n": 3}])
    (rec,) = list(iter_records([src]))
    doc = rec.document
    assert (doc.id, doc.patient_id, doc.date.isoformat()) == ("n3", "p2", "2024-02-11")
    assert doc.metadata == {"ward": "4B", "n": "3"}
    assert rec.location.endswith("n.jsonl#1") and rec.key.startswith("c:")


def test_cli_extract(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import medkg.nlp.extract
    from medkg.cli import app

    monkeypatch.setattr(medkg.nlp.extract, "default_pipeline_factory", lambda *a, **k: fake_pipeline())
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "t.jsonl"), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "6 documents" in result.output
    assert (tmp_path / "t.jsonl").read_text().count("\n") > 10


def test_graph_fusion(tmp_path, graph_store):
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    report = _run([src], tmp_path / "t.jsonl", graph=True, store=graph_store)
    rows = graph_store.query("MATCH (d:Document) RETURN count(d) AS n")
    assert rows[0]["n"] == report.documents
    rows = graph_store.query("MATCH (p:Patient {id: 'p1'})-[:HAS_DOCUMENT]->(d:Document {id: 'n1'}) "
                             "RETURN count(*) AS n")
    assert rows[0]["n"] == 1
    # a negated mention is kept as a qualified edge, never a fact
    rows = graph_store.query("MATCH (:Document {id: 'n6'})-[r:MENTIONS]->(c) RETURN c.id AS id")
    assert not any(r["id"] == "MESH:D011014" for r in rows)


def test_a_second_run_on_the_same_output_is_refused_and_a_killed_run_leaves_no_stuck_lock(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    out = tmp_path / "run" / "t.jsonl"
    out.parent.mkdir()
    holder = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from medkg.nlp.extract import _lock
        fh = _lock(Path({str(out)!r} + ".lock"))
        print("locked", flush=True)
        time.sleep(120)
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(InputError, match="another medkg extract is writing"):
            _run([src], out)
        assert not out.exists()  # refused before touching any output
    finally:
        proc.kill()
        proc.wait(timeout=30)
    report = _run([src], out)  # the dead run's lock went with it
    assert report.documents == len(NOTES)
    assert _run([src], out).skipped == len(NOTES)  # and a finished run released it too


def test_a_note_over_a_million_characters_is_processed_not_quarantined(tmp_path):
    text = "Vitals stable overnight. " * 48_000 + "Started aspirin for MI."
    assert len(text) > 1_200_000
    src = _write_jsonl(tmp_path / "big.jsonl", [{"id": "big", "text": text}])
    report = _run([src], tmp_path / "t.jsonl")
    assert report.quarantined == 0 and report.documents == 1
    assert any('"aspirin"' in line for line in (tmp_path / "t.jsonl").read_text().splitlines())


def test_one_bad_file_or_line_never_stops_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(NOTES[0]) + "\n" + "[" * 5000 + "]" * 5000 + "\n"
                                    + json.dumps(NOTES[1]) + "\n")
    (folder / "b.csv").write_text("note,body\nx,Chest pain.\n")  # no id/text columns
    (folder / "c.csv").write_text("id,text\nc1,History of stroke.\n")
    report = _run([folder], tmp_path / "t.jsonl")
    assert report.documents == 3 and report.quarantined == 2
    reasons = {Path(q["source"]).name: q["reason"] for q in map(json.loads, open(tmp_path / "t.jsonl.quarantine.jsonl"))}
    assert reasons == {"a.jsonl": "JSON nested too deeply",
                       "b.csv": "a CSV input needs a header row with 'id' and 'text' columns"}


def _subjects(path: Path) -> list[str]:
    return sorted(json.loads(line)["provenance"]["doc_id"] for line in _lines(path))


def test_resume_is_keyed_by_content_not_line_number(tmp_path):
    src = tmp_path / "n.jsonl"
    out = tmp_path / "t.jsonl"
    _write_jsonl(src, NOTES[1:4])
    _run([src], out)
    # a re-export: one note inserted at the top, the others reordered, one edited
    edited = NOTES[3] | {"text": NOTES[3]["text"] + " Started warfarin."}
    _write_jsonl(src, [NOTES[0], NOTES[2], edited, NOTES[1]])
    report = _run([src], out)
    assert report.skipped == 2 and report.changed == 1 and report.documents == 2 and report.quarantined == 0
    fresh = tmp_path / "fresh.jsonl"
    _run([src], fresh)
    assert set(_lines(fresh)) <= set(_lines(out))  # everything the new export yields is there, nothing lost
    assert {"n1", "n2", "n3", "n4"} <= set(_subjects(out))
    assert _run([src], out).documents == 0  # and a third run has nothing left to do


def test_a_resume_log_of_line_number_keys_is_still_honoured(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", NOTES[:3])
    out = tmp_path / "t.jsonl"
    _run([src], out)
    done = out.with_name("t.jsonl.done")
    legacy = []
    for number, line in enumerate(done.read_text().splitlines(), 1):
        entry = json.loads(line)
        legacy.append(json.dumps(entry | {"key": f"{src}#{number}"}))
    done.write_text("\n".join(legacy) + "\n")
    report = _run([src], out)
    assert report.skipped == 3 and report.documents == 0


def test_files_of_other_types_in_a_folder_are_listed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(NOTES[0]) + "\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / ".DS_Store").write_bytes(b"\0")
    report = _run([folder], folder / "t.jsonl")  # outputs inside the input folder are not inputs
    assert report.documents == 1 and report.quarantined == 1
    (q,) = map(json.loads, open(folder / "t.jsonl.quarantine.jsonl"))
    assert Path(q["source"]).name == "scan.pdf" and "unsupported file type '.pdf'" in q["reason"]
    again = _run([folder], folder / "t.jsonl")
    assert again.documents == 0 and again.quarantined == 0


def test_disk_full_says_so_and_the_rerun_resumes(tmp_path, monkeypatch):
    import errno

    import medkg.nlp.extract as ex
    from medkg.kg.errors import MedkgError

    src = _write_jsonl(tmp_path / "n.jsonl", NOTES)
    out = tmp_path / "t.jsonl"
    reference = tmp_path / "ref.jsonl"
    _run([src], reference, chunk_docs=2)
    commit = ex._Outputs.commit
    calls = []

    def full_after_one(self, entries):
        calls.append(1)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return commit(self, entries)

    monkeypatch.setattr(ex._Outputs, "commit", full_after_one)
    write = ex._Outputs.write

    class FullOnClose:  # the unwritten buffer fails again when the files are closed
        def __init__(self, fh):
            self.fh = fh

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def close(self):
            self.fh.close()
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_buffer(self, kind, lines):
        write(self, kind, lines)
        if calls and not isinstance(self.files[kind], FullOnClose):
            self.files[kind] = FullOnClose(self.files[kind])

    monkeypatch.setattr(ex._Outputs, "write", full_buffer)
    with pytest.raises(MedkgError, match="disk full while writing next to .*t.jsonl.*run the same command again"):
        _run([src], out, chunk_docs=2)
    monkeypatch.undo()
    report = _run([src], out, chunk_docs=2)
    assert report.skipped == 2 and _lines(out) == _lines(reference)
