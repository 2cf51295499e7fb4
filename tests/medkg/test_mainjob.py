"""The main job on a reduced setting: few documents, a slice of the prior, a few GNN epochs."""

from __future__ import annotations

import json

import pytest

from medkg.mainjob import DEMO_PATIENT, DemoConfig, run, samples_dir


@pytest.fixture(scope="module")
def demo_report(_session_store, tmp_path_factory):
    _session_store.clear()
    out = tmp_path_factory.mktemp("demo")
    cfg = DemoConfig(out=out, docs=6, prior_metaedges=["CtD", "CpD", "DpS", "DlA", "CrC", "DrD"], epochs=3,
                     store=_session_store.backend.name, progress=False)
    first = run(cfg)
    second = run(cfg)
    return cfg, first, second


def test_report_structure(demo_report):
    cfg, report, _ = demo_report
    assert report.graph["nodes"]["Patient"] >= 1 and report.graph["nodes"]["Document"] >= 6
    assert report.graph["relationships"]["TREATS"] >= 755 and report.graph["relationships"]["MENTIONS"] > 0
    assert report.graph["relationships"]["HAS_FINDING"] == report.imaging["findings"] >= 1
    assert [q["title"] for q in report.queries][0].startswith("Problems of the demo patient")
    assert all("rows" in q and "cypher" in q for q in report.queries)
    assert report.treatments and all({"id", "name", "score", "rank"} <= set(t) for t in report.treatments)
    assert report.differential
    for key in ("html", "segmentation_overlay", "report"):
        assert (cfg.out / report.artifacts[key].split("/")[-1]).stat().st_size > 0
    saved = json.loads((cfg.out / "report.json").read_text())
    assert saved["patient"] == report.patient and saved["patient"] != DEMO_PATIENT  # pseudonymous


def test_negated_problems_are_not_positive(demo_report):
    _, report, _ = demo_report
    expected = json.loads((samples_dir() / "expected.json").read_text())["patients"][DEMO_PATIENT]
    problems = {(r["problem"] or "").lower() for r in report.queries[0]["rows"]}
    excluded = {(r["problem"] or "").lower() for r in report.queries[1]["rows"]}
    assert problems, "the demo patient has asserted problems"
    assert not problems & {p.lower() for p in expected["never_positive"]}
    assert excluded, "negated problems are kept, apart from the positive list"


def test_rerun_is_idempotent(demo_report):
    _, first, second = demo_report
    counts = lambda r: {k: v for k, v in r.graph["relationships"].items()}  # noqa: E731
    assert counts(second) == counts(first)
    assert first.graph_before == {"nodes": 0, "relationships": 0}  # started on an empty graph
    assert second.graph_before["nodes"] == sum(first.graph["nodes"].values())  # and the re-run says what it found
    assert second.graph["nodes"] == first.graph["nodes"]


def test_training_curves_have_one_point_per_epoch_and_no_timings():
    from medkg.mainjob import _curves

    rows = [{"epoch": 1, "loss": 1.0, "seconds": 0.3}, {"epoch": 2, "loss": 0.5, "val_mrr": 0.2},
            {"epoch": 3, "loss": 0.4, "seconds": 0.2}]
    curves = _curves("treats", rows)
    assert set(curves) == {"treats loss", "treats val_mrr"}
    assert curves["treats loss"] == [1.0, 0.5, 0.4]
    assert curves["treats val_mrr"][1:] == [0.2, 0.2]
