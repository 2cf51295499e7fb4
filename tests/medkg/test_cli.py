"""The application wires one package's service into another's commands: ``medkg diagnose`` (gnn) resolves the
names a user types with the NLP normalizer, although gnn never imports nlp."""

from typer.testing import CliRunner

import medkg.gnn.predict
from medkg.cli import app, link_concept


def test_diagnose_gets_the_nlp_normalizer_from_the_application(monkeypatch):
    seen = {}

    def fake_diagnose(symptoms, top, explain, *, model_dir=None, linker=None):
        seen["linker"] = linker
        return []

    monkeypatch.setattr(medkg.gnn.predict, "diagnose", fake_diagnose)
    result = CliRunner().invoke(app, ["diagnose", "--symptoms", "tingling", "--json"])
    assert result.exit_code == 0, result.output
    assert seen["linker"] is link_concept


def test_the_normalizer_resolves_a_synonym_to_the_concept_id():
    assert link_concept("heart attack", "Disease") == link_concept("myocardial infarction", "Disease") is not None
    assert link_concept("heart attack", "Compound") is None
