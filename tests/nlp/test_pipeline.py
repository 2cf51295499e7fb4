from pathlib import Path

import pytest

from medkg.kg.models import Document
from medkg.kg.schema import NodeLabel, RelType
from medkg.nlp.pipeline import Pipeline
from medkg.nlp.relations import RelationExtractor
from tests.nlp.fakes import FakeNER

MODEL_DIR = Path(__file__).resolve().parents[2] / "nlp" / "models" / "ner"


class FakeRelations(RelationExtractor):
    """Scores the first Compound -> first Disease of each sentence as TREATS 0.8, every other pair NONE."""

    def __init__(self) -> None:  # no model to load
        self.threshold, self.version = 0.5, "fake-1"

    def pair_scores(self, items, batch_size=64):
        out = []
        for _sentence, mentions in items:
            drugs = [i for i, m in enumerate(mentions) if m.label == NodeLabel.COMPOUND]
            diseases = [i for i, m in enumerate(mentions) if m.label == NodeLabel.DISEASE]
            out.append([(i, j, {"NONE": 0.2, "TREATS": 0.8, "CAUSES": 0.0} if (i, j) == (drugs[0], diseases[0])
                         else {"NONE": 1.0, "TREATS": 0.0, "CAUSES": 0.0})
                        for i in drugs for j in diseases])
        return out


def test_relations_step_adds_triples():
    pipe = Pipeline.default(ner=True, relations=True)
    pipe.nlp.get_pipe("medkg_ner").predictor = FakeNER()
    pipe.nlp.get_pipe("medkg_relations").extractor = FakeRelations()
    text = "Denies fever. Metformin was started for hypertension."
    (res,) = pipe.process([Document(id="d1", text=text)])
    (rel,) = [t for t in res.triples if t.predicate is RelType.TREATS]
    assert (rel.subject.id, rel.object.id) == ("DB00331", "DOID:10763")
    assert rel.provenance.sentence_index == 1
    s, e = rel.provenance.subject_span
    assert text[s:e] == "Metformin"


def test_deid_step_runs_first_and_offsets_follow_the_new_text():
    def deid(doc: Document) -> Document:
        return doc.model_copy(update={"text": doc.text.replace("John Smith", "[NAME]")})

    pipe = Pipeline.default(ner=True, deid=deid)
    pipe.nlp.get_pipe("medkg_ner").predictor = FakeNER()
    (res,) = pipe.process([Document(id="d1", text="John Smith denies chest pain.")])
    assert res.document.text == "[NAME] denies chest pain."
    (t,) = [t for t in res.triples if t.provenance.text == "chest pain"]
    assert res.document.text[t.provenance.start:t.provenance.end] == "chest pain"
    assert t.assertion.value == "negated"


@pytest.mark.skipif(not (MODEL_DIR / "config.json").is_file(), reason="the trained NER model is not in the tree")
def test_shipped_model_in_the_full_pipeline():
    pipe = Pipeline.default(device="cpu")
    text = "Aspirin was started after the myocardial infarction. The patient denies chest pain."
    (res,) = pipe.process([Document(id="d1", text=text)])
    found = {(t.provenance.text.lower(), t.object.id, t.assertion.value) for t in res.triples}
    assert ("aspirin", "DB00945", "present") in found
    assert ("myocardial infarction", "MESH:D009203", "present") in found
    assert any(text_ == "chest pain" and a == "negated" for text_, _, a in found)
