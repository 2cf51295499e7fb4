"""The CLI and the shipped default models (gnn/models/), which must work out of the box."""

import csv

import pytest
from typer.testing import CliRunner

from medkg.cli import app

runner = CliRunner()


def test_gnn_commands_and_top_level_diagnose_are_mounted():
    out = runner.invoke(app, ["gnn", "--help"]).output
    for cmd in ("train", "fit-paths", "evaluate", "score", "predict"):
        assert cmd in out
    assert "--symptoms" in runner.invoke(app, ["diagnose", "--help"]).output


def test_shipped_treats_model_scores_a_pairs_file(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("compound_id\tdisease_id\nDB00945\tDOID:1612\nDB99999\tDOID:1612\nDB01204\tDOID:2377\n")
    out = tmp_path / "scores.tsv"
    res = runner.invoke(app, ["gnn", "score", "--task", "treats", "--pairs", str(pairs), "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    assert [r["compound_id"] for r in rows] == ["DB00945", "DB99999", "DB01204"]
    assert rows[1]["score"] == "" and rows[0]["score"] and rows[2]["score"]
    assert "warning" in res.output


@pytest.mark.slow
def test_shipped_models_predict_and_diagnose():
    res = runner.invoke(app, ["gnn", "predict", "--disease", "multiple sclerosis", "--top", "5", "--explain"])
    assert res.exit_code == 0, res.output
    assert res.output.count("\n  ") >= 0 and "1." in res.output
    res = runner.invoke(app, ["diagnose", "--symptoms", "fever, cough, dyspnea", "--top", "5"])
    assert res.exit_code == 0, res.output
