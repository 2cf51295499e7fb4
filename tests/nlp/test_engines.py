"""The Ray engine on a local instance: the local engine's triples byte for byte, sharded output with a manifest,
resume after a kill, and a worker that dies is retried and then only the document that kills it is quarantined."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from medkg.nlp.engines import RayOptions
from medkg.nlp.extract import extract
from tests.nlp.fakes import fake_pipeline
from tests.nlp.test_extract import NOTES, _write_jsonl

ray = pytest.importorskip("ray")
ROOT = Path(__file__).resolve().parents[2]
ROWS = NOTES + [{"id": f"x{i}", "text": f"Denies chest pain {i}. Possible sepsis; aspirin given."} for i in range(14)]


@pytest.fixture(autouse=True)
def _workers_import_the_tests(monkeypatch):
    """Ray workers inherit the environment: let them import the test stand-ins (``tests.nlp.fakes``)."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


@pytest.fixture(scope="module")
def ray_instance():
    """One local instance for the tests that do not start their own (extract() leaves a running one alone)."""
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    yield
    ray.shutdown()


def _parts(folder: Path) -> list[str]:
    return sorted(line for p in sorted(folder.glob("part-*.jsonl")) for line in p.read_text().splitlines())


def _lines(path: Path) -> list[str]:
    return sorted(path.read_text().splitlines()) if path.exists() else []


def test_cli_ray_engine_equals_the_local_engine_with_the_shipped_pipeline(tmp_path):
    """The real pipeline, de-identification on, a local Ray instance started and stopped by the command."""
    from typer.testing import CliRunner

    from medkg.cli import app

    src = _write_jsonl(tmp_path / "n.jsonl", ROWS[:8])
    local = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "local.jsonl"), "--no-progress"])
    assert local.exit_code == 0, local.output
    assert not ray.is_initialized()
    res = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "ray"), "--engine", "ray",
                                   "--num-cpus", "2", "--no-progress", "--batch-size", "2"])
    assert res.exit_code == 0, res.output
    assert "8 documents" in res.output and not ray.is_initialized()
    want = _lines(tmp_path / "local.jsonl")
    assert want and _parts(tmp_path / "ray") == want  # byte for byte per triple, order aside
    assert _lines(tmp_path / "ray" / "unlinked.jsonl") == _lines(tmp_path / "local.jsonl.unlinked.jsonl")
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text())
    assert manifest["complete"] and manifest["triples"] == len(want) and manifest["documents"] == 8


def test_shards_manifest_and_a_second_run_that_adds_documents(tmp_path, ray_instance):
    src = _write_jsonl(tmp_path / "n.jsonl", ROWS[:10])
    out = tmp_path / "ray"
    opts = RayOptions(workers=2)
    extract([src], out, pipeline_factory=fake_pipeline, progress=False, deid="off", chunk_docs=3, engine="ray",
            ray=opts, shard_docs=4)
    _write_jsonl(tmp_path / "n.jsonl", ROWS)  # the export grew: only the new records are processed
    rep = extract([src], out, pipeline_factory=fake_pipeline, progress=False, deid="off", chunk_docs=3,
                  engine="ray", ray=opts, shard_docs=4)
    assert rep.skipped == 10 and rep.documents == len(ROWS) - 10
    reference = tmp_path / "ref.jsonl"
    extract([src], reference, pipeline_factory=fake_pipeline, progress=False, deid="off")
    assert _parts(out) == _lines(reference)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["file"] for p in manifest["parts"]] == [p.name for p in sorted(out.glob("part-*.jsonl"))]
    assert len(manifest["parts"]) >= 3 and manifest["documents"] == len(ROWS)


def _crashing_pipeline():
    """The stand-in pipeline, except that a document containing CRASH kills its worker process."""
    pipe = fake_pipeline()
    original = pipe.process

    def process(documents, batch_size=32):
        if any("CRASH" in d.text for d in documents):
            os._exit(3)
        return original(documents, batch_size)

    pipe.process = process
    return pipe


def test_a_document_that_kills_its_worker_is_quarantined_and_the_rest_goes_on(tmp_path, ray_instance):
    rows = list(ROWS[:9])
    rows.insert(4, {"id": "boom", "text": "Aspirin given. CRASH"})
    src = _write_jsonl(tmp_path / "n.jsonl", rows)
    out = tmp_path / "ray"
    rep = extract([src], out, pipeline_factory=_crashing_pipeline, progress=False, deid="off", chunk_docs=4,
                  engine="ray", ray=RayOptions(workers=2))
    assert rep.documents == 9 and rep.quarantined == 1
    (q,) = [json.loads(line) for line in (out / "quarantine.jsonl").read_text().splitlines()]
    assert q["id"] == "boom" and "worker died" in q["reason"]
    reference = tmp_path / "ref.jsonl"
    extract([_write_jsonl(tmp_path / "ok.jsonl", [r for r in rows if r["id"] != "boom"])], reference,
            pipeline_factory=fake_pipeline, progress=False, deid="off")
    assert _parts(out) == _lines(reference)


KILL_SCRIPT = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {root!r})
    from medkg.nlp import extract as ex
    from medkg.nlp.engines import RayOptions
    from tests.nlp.fakes import fake_pipeline
    commit = ex._Outputs.commit
    def slow_commit(self, entries):
        commit(self, entries)
        time.sleep(0.5)
    ex._Outputs.commit = slow_commit
    ex.extract([{src!r}], {out!r}, pipeline_factory=fake_pipeline, progress=False, deid="off", chunk_docs=2,
               engine="ray", ray=RayOptions(num_cpus=2, workers=2), shard_docs=3)
""")


def test_a_killed_ray_run_resumes_without_losing_or_duplicating(tmp_path):
    src = _write_jsonl(tmp_path / "n.jsonl", ROWS)
    out = tmp_path / "ray"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT.format(root=str(ROOT), src=str(src), out=str(out))],
                            env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = out / "done.jsonl"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if done.exists() and len(done.read_text().splitlines()) >= 6:
            break
        time.sleep(0.2)
    assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and the Ray instance it started
    proc.wait()
    committed = len(done.read_text().splitlines())
    assert 0 < committed < len(ROWS) and not (out / "manifest.json").exists()

    rep = extract([src], out, pipeline_factory=fake_pipeline, progress=False, deid="off", chunk_docs=2,
                  engine="ray", ray=RayOptions(num_cpus=2, workers=2), shard_docs=3)
    assert rep.skipped == committed and rep.documents == len(ROWS) - committed
    reference = tmp_path / "ref.jsonl"
    extract([src], reference, pipeline_factory=fake_pipeline, progress=False, deid="off")
    got = _parts(out)
    assert got == _lines(reference) and len(set(got)) == len(got)


def _broken_pipeline():
    raise RuntimeError("model file missing on this node")


def test_workers_that_cannot_load_the_pipeline_stop_the_run_with_one_clear_error(tmp_path, ray_instance):
    from medkg.kg.errors import MedkgError

    src = _write_jsonl(tmp_path / "n.jsonl", ROWS[:3])
    with pytest.raises(MedkgError, match="could not load the pipeline: .*model file missing"):
        extract([src], tmp_path / "ray", pipeline_factory=_broken_pipeline, progress=False, deid="off",
                engine="ray", ray=RayOptions(workers=1))
    assert not (tmp_path / "ray" / "done.jsonl").read_text()  # nothing committed, nothing lost: a re-run starts over
