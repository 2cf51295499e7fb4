"""A saved medkg pipeline is a spaCy pipeline: ``nlp.to_disk(path)`` then ``spacy.load(path)`` in a fresh process
that never imports medkg (the factories come from medkg's ``spacy_factories`` entry points) gives the same
entities, concepts, assertions and relations on the bundled samples."""

import json
import os
import subprocess
import sys
from importlib import resources

import pytest
import spacy

from medkg.kg.errors import InputError
from medkg.nlp.context import RULES_FILE, ContextRules
from medkg.nlp.spacy_components import load

SAMPLES = resources.files("medkg.kg") / "data" / "samples"

# what a fresh process prints for each sample: entities with their concept and assertion, and the relations
READ = """
import json, sys
import spacy

nlp = spacy.load(sys.argv[1])
texts = json.load(sys.stdin)
out = []
for doc in nlp.pipe(texts):
    out.append({"ents": [[e.start_char, e.end_char, e.label_, e._.concept_id, e._.assertion] for e in doc.ents],
                "relations": sorted([k, r.predicate.value, r.subject.span.start_char, r.object.span.start_char]
                                    for k, r in doc._.relations or [])})
print(json.dumps({"results": out, "medkg_imported_by": sorted({m.split(".")[0] for m in sys.modules
                                                              if m.startswith("medkg")}),
                  "pipe_names": nlp.pipe_names, "max_length": nlp.max_length}))
"""


def _texts() -> list[str]:
    rows = []
    for name in ("notes.jsonl", "abstracts.jsonl"):
        rows += [json.loads(line)["text"] for line in (SAMPLES / name).read_text().splitlines() if line.strip()]
    return rows


def _summary(doc) -> dict:
    return {"ents": [[e.start_char, e.end_char, e.label_, e._.concept_id, e._.assertion] for e in doc.ents],
            "relations": sorted([k, r.predicate.value, r.subject.span.start_char, r.object.span.start_char]
                                for k, r in doc._.relations or [])}


def test_a_saved_pipeline_loads_with_spacy_alone_and_gives_the_same_results(tmp_path):
    texts = _texts()
    nlp = load(relations=True)
    expected = [_summary(doc) for doc in nlp.pipe(texts)]
    nlp.to_disk(tmp_path / "pipeline")

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run([sys.executable, "-c", READ, str(tmp_path / "pipeline")], input=json.dumps(texts),
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = json.loads(run.stdout)
    assert loaded["pipe_names"] == nlp.pipe_names
    assert loaded["max_length"] == nlp.max_length
    assert sum(len(r["ents"]) for r in expected) > 100 and sum(len(r["relations"]) for r in expected) > 10
    assert loaded["results"] == expected


def test_each_component_keeps_its_data_in_the_saved_folder(tmp_path):
    nlp = load(ner=False)
    nlp.to_disk(tmp_path)
    assert (tmp_path / "medkg_dictionary" / "vocab.json.gz").is_file()
    assert (tmp_path / "medkg_linker" / "vocab.json.gz").is_file()
    assert (tmp_path / "medkg_context" / RULES_FILE).is_file()
    again = spacy.load(tmp_path)
    assert again.get_pipe("medkg_linker").vocab_path == str(tmp_path / "medkg_linker" / "vocab.json.gz")
    text = "Denies chest pain. History of asthma."
    assert _summary(again(text)) == _summary(nlp(text))


def test_rules_read_from_the_saved_folder_are_the_ones_applied(tmp_path):
    nlp = load(ner=False)
    nlp.to_disk(tmp_path)
    rules = json.loads((tmp_path / "medkg_context" / RULES_FILE).read_text())
    rules["cues"] = [c for c in rules["cues"] if c["assertion"] != "negated"]  # a site without negation cues
    (tmp_path / "medkg_context" / RULES_FILE).write_text(json.dumps(rules))
    text = "Denies chest pain."
    assert [e._.assertion for e in nlp(text).ents] == ["negated"]
    assert [e._.assertion for e in spacy.load(tmp_path)(text).ents] == ["present"]


def test_components_declare_what_they_assign_and_require():
    nlp = load(ner=False, relations=True)
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assigns = {name: set(meta["assigns"]) for name, meta in analysis["summary"].items()}
    assert "span._.assertion" in assigns["medkg_context"]
    assert "doc._.relations" in assigns["medkg_relations"]
    assert "span._.concept" in assigns["medkg_linker"]


def test_a_broken_rules_file_is_a_clear_error(tmp_path):
    bad = tmp_path / RULES_FILE
    bad.write_text('{"cues": [{"phrases": ["no"], "assertion": "negated", "direction": "sideways"}], "pseudo": [], '
                   '"terminators": [], "family_sections": [], "past_sections": []}')
    with pytest.raises(InputError, match="unknown cue direction 'sideways'; valid: forward, backward, both, value"):
        ContextRules.load(bad)
    bad.write_text("{not json")
    with pytest.raises(InputError, match="not a medkg ConText rules file"):
        ContextRules.load(bad)
