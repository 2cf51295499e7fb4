"""Document-level relations (nlp/docrel.py): cross-sentence pairs, their citations, assertions, the model file."""

import json
from dataclasses import replace

import numpy as np
import pytest

from medkg.kg.errors import InputError
from medkg.kg.models import Concept, Document
from medkg.kg.schema import Assertion, NodeLabel, RelType
from medkg.nlp.docrel import (
    FEATURES,
    DocMention,
    DocRelationModel,
    KnownPairs,
    broader,
    document_relations,
    fit_doc_model,
    lexical_features,
    load_doc_models,
    pair_features,
)
from medkg.nlp.evaluate_relations import _GoldMention
from medkg.nlp.pipeline import Pipeline
from medkg.nlp.relations import cid_pairs
from tests.nlp.fakes import FakeNER
from tests.nlp.test_pipeline import FakeRelations


def _always(p_logit: float = 3.0) -> DocRelationModel:
    """Every candidate pair at sigmoid(p_logit): what is tested is the plumbing, not the weights."""
    n = len(FEATURES)
    return DocRelationModel(np.zeros(n), np.ones(n), np.zeros(n), p_logit, threshold=0.5, version="doc-test")


def _pipeline(document_level: bool = True) -> Pipeline:
    pipe = Pipeline.default(ner=True, relations=True, document_level=document_level)
    pipe.nlp.get_pipe("medkg_ner").predictor = FakeNER()
    rel = pipe.nlp.get_pipe("medkg_relations")
    rel.extractor = FakeRelations()
    rel.doc_models = [_always()]
    return pipe


def _causes(text: str, **kw):
    (res,) = _pipeline(**kw).process([Document(id="d1", text=text)])
    return [t for t in res.triples if t.predicate is RelType.CAUSES]


def test_a_cross_sentence_relation_is_found_and_cites_both_sentences():
    text = "Lisinopril was started in March. Three weeks later she had a stroke."
    (t,) = _causes(text)
    p = t.provenance
    assert (t.subject.label.value, t.object.label.value) == ("Compound", "Disease")
    assert (p.sentence_index, p.start, p.end) == (0, 0, len(text)) and p.text == text
    assert text[p.subject_span[0]:p.subject_span[1]] == "Lisinopril"
    assert text[p.object_span[0]:p.object_span[1]] == "stroke"
    assert p.version == "fake-1+doc-test" and t.assertion is Assertion.PRESENT
    assert _causes(text, document_level=False) == []  # the sentence-level path cannot pair them


@pytest.mark.parametrize("text, assertion", [
    ("Lisinopril was started in March. She denies any stroke.", Assertion.NEGATED),
    ("Lisinopril was started in March. If she has a stroke, call the team.", Assertion.HYPOTHETICAL),
])
def test_negated_and_hypothetical_relations_are_qualified_never_facts(text, assertion):
    (t,) = _causes(text)
    assert t.assertion is assertion
    assert cid_pairs([t]) == {}


def test_features_see_the_title_and_the_distance():
    text = "Cocaine and seizures. A man used cocaine. Later he had seizures. Aspirin was given."
    sents = [(0, 21), (22, 41), (42, 64), (65, 83)]
    ms = [DocMention(0, 7, "Chemical", "C1", 0), DocMention(12, 20, "Disease", "D1", 0),
          DocMention(33, 40, "Chemical", "C1", 1), DocMention(55, 63, "Disease", "D1", 2),
          DocMention(65, 72, "Chemical", "C2", 3)]
    pairs = {(p.chem, p.dis): dict(zip(FEATURES, p.features)) for p in
             pair_features(text, 21, sents, ms, {(0, 1): {"NONE": 0.3, "CAUSES": 0.7}})}
    assert set(pairs) == {("C1", "D1"), ("C2", "D1")}
    c1, c2 = pairs[("C1", "D1")], pairs[("C2", "D1")]
    assert c1["cooccur"] == 1 and c1["max_causes"] == pytest.approx(0.7) and c1["both_in_title"] == 1
    assert c2["cooccur"] == 0 and c2["sentence_distance"] == pytest.approx(0.1) and c2["chem_in_title"] == 0
    assert c2["causes_below_doc_best"] == pytest.approx(-0.7)


def test_shipped_models_load_and_a_mismatched_file_is_refused():
    models = {m.predicate: m for m in load_doc_models()}
    assert set(models) == {"CAUSES", "TREATS"}
    model = models["CAUSES"]
    assert 0 < model.threshold < 1 and model.coef.shape == (len(FEATURES),)
    assert model.info["data"].startswith("BC5CDR CID CDR_TrainingSet")
    assert models["TREATS"].info["data"].startswith("BioRED Train")
    assert "BioRED Train" in model.info["data"]  # CAUSES since 1.2.0 learns both corpora's guidelines
    assert model.version == "doc-causes-1.4.0" and models["TREATS"].version == "doc-treats-1.1.0"
    assert any(k.startswith("DT:") for k in model.lexical)  # 1.4.0 weighs both concepts' MeSH categories
    assert any(k.startswith("CT:") for k in model.lexical)
    assert all(m.lexical for m in models.values())
    assert model.most_specific  # chosen by out-of-fold F1 on the CID training set, as the CID guideline asks
    bad = model.to_json() | {"features": list(FEATURES)[:-1]}
    with pytest.raises(InputError, match="other features"):
        DocRelationModel.from_json(bad)
    with pytest.raises(InputError, match="features"):
        model.probability(np.zeros((1, 3)))


def test_biored_contract_reads_any_order_and_scores_treats_and_causes(tmp_path):
    from medkg.nlp.evaluate_relations import biored_gold, evaluate_biored, read_pubtator

    gold = tmp_path / "gold.PubTator"
    gold.write_text("1|t|Metformin, BRCA and diabetes.\n1|a|It caused no harm.\n"
                    "1\t0\t9\tMetformin\tChemicalEntity\tD008687\n"
                    "1\t11\t15\tBRCA\tGeneOrGeneProduct\t672\n"  # a gene is never a disease
                    "1\t20\t28\tdiabetes\tDiseaseOrPhenotypicFeature\tD003920\n"
                    "1\tNegative_Correlation\tD003920\tD008687\tNovel\n"
                    "1\tAssociation\t672\tD003920\tNo\n\n")
    (doc,) = read_pubtator(gold)
    assert biored_gold(doc)[RelType.TREATS] == {("D008687", "D003920")} and not biored_gold(doc)[RelType.CAUSES]
    r = evaluate_biored([doc], gold_mentions=True, extractor=FakeRelations(), document_level=False)
    assert r["TREATS"]["f1"] == 1.0 and r["CAUSES"]["support"] == 0 and r["micro"]["tp"] == 1
    assert r["micro"]["fp"] == 0


def test_document_ner_contract_scores_offsets_types_and_normalization(tmp_path):
    import spacy

    from medkg.nlp.evaluate import evaluate_ner_documents
    from medkg.nlp.evaluate_relations import read_pubtator

    gold = tmp_path / "gold.PubTator"
    gold.write_text("7|t|Aspirin and stroke.\n7|a|Stroke recurred.\n"
                    "7\t0\t7\tAspirin\tChemical\tD001241\n"  # linked to DB00945, whose xref is MESH:D001241
                    "7\t12\t18\tstroke\tSpecificDisease\tMESH:D999999|D020521\n"  # any of several ids
                    "7\t20\t26\tStroke\tDiseaseClass\tD000001\n\n")  # a wrong concept
    pipe = spacy.blank("en")
    for name in ("medkg_sentences", "medkg_ner", "medkg_dictionary", "medkg_linker"):
        pipe.add_pipe(name)
    pipe.get_pipe("medkg_ner").predictor = FakeNER()
    r = evaluate_ner_documents(read_pubtator(gold), nlp=pipe)
    assert set(r) >= {"Chemical", "Disease", "micro", "normalization"}
    assert r["Disease"]["support"] == 2 and r["Chemical"]["support"] == 1
    assert r["micro"]["recall"] == 1.0 and r["micro"]["precision"] == 1.0
    n = r["normalization"]
    assert (n["found"], n["correct"]) == (3, 2)


def _mentions(text: str, *items: tuple[str, NodeLabel, str]) -> list[_GoldMention]:
    """Mentions of ``text`` at each phrase's first occurrence after the previous one, with MeSH concepts."""
    out, pos = [], 0
    for phrase, label, mesh in items:
        start = text.index(phrase, pos)
        pos = start + len(phrase)
        out.append(_GoldMention(start, pos, label, Concept(label=label, id=f"MESH:{mesh}")))
    return out


def test_lexical_features_read_the_words_between_with_other_mentions_masked():
    text = "Cocaine and aspirin induced seizures."
    ms = [DocMention(0, 7, "Chemical", "C1", 0, ("D003042",)), DocMention(12, 19, "Chemical", "C2", 0),
          DocMention(28, 36, "Disease", "D1", 0, ("D012640",))]
    f = lexical_features(text, [(0, len(text))], ms, [0], [2])
    assert {"B:CD:and", "B:CD:CHEM", "B:CD:induced", "BB:CD:CHEM_induced", "DW:seizures", "DID:D012640",
            "CID:D003042", "R1:CD:.", "DT:C10", "DT:C23", "CT:D02", "CT:D03"} <= f
    # the MeSH categories: Seizures C10.597.742 and C23.888.592.742; Cocaine D02 and D03 (organic, heterocyclic)
    assert not any("aspirin" in k for k in f) and "NOCOOC" not in f
    apart = lexical_features("Cocaine. Seizures.", [(0, 8), (9, 18)],
                             [DocMention(0, 7, "Chemical", "C1", 0), DocMention(9, 17, "Disease", "D1", 1)], [0], [1])
    assert apart == {"NOCOOC", "DW:seizures", "DS:DIS", "DS:."}
    nested = "Cocaine, liver disease and seizures."  # "liver" inside "liver disease", listed first
    ms = [DocMention(0, 7, "Chemical", "C1", 0), DocMention(9, 14, "Disease", "D2", 0),
          DocMention(9, 22, "Disease", "D3", 0), DocMention(27, 35, "Disease", "D1", 0)]
    f = lexical_features(nested, [(0, len(nested))], ms, [0], [3])
    assert {"B:CD:DIS", "B:CD:and"} <= f and "B:CD:disease" not in f  # the outer mention masks all it holds


def test_mesh_hierarchy_knows_broader_diseases():
    liver_diseases, hepatitis = "D008107", "D006505"
    assert broader([liver_diseases], [hepatitis]) and not broader([hepatitis], [liver_diseases])
    assert not broader([hepatitis], [hepatitis]) and not broader(["D999999"], [hepatitis])


@pytest.mark.parametrize("most_specific, kept", [(True, {"D006505"}), (False, {"D006505", "D008107"})])
def test_the_most_specific_disease_of_a_chemical_is_kept(most_specific, kept):
    text = "Isoniazid caused hepatitis, a liver disease."
    ms = _mentions(text, ("Isoniazid", NodeLabel.COMPOUND, "D007538"), ("hepatitis", NodeLabel.DISEASE, "D006505"),
                   ("liver disease", NodeLabel.DISEASE, "D008107"))
    model = replace(_always(), most_specific=most_specific)
    rels = document_relations(text, [(0, len(text))], ms, FakeRelations(), [model])
    assert {r.object.mention.concept.id.split(":")[1] for _, r in rels if r.predicate is RelType.CAUSES} == kept


def test_a_pair_the_document_affirms_somewhere_is_a_fact_and_cites_that_sentence():
    text = "Isoniazid did not cause hepatitis in rats. Isoniazid caused hepatitis in two patients."
    ms = _mentions(text, ("Isoniazid", NodeLabel.COMPOUND, "D007538"), ("hepatitis", NodeLabel.DISEASE, "D006505"),
                   ("Isoniazid", NodeLabel.COMPOUND, "D007538"), ("hepatitis", NodeLabel.DISEASE, "D006505"))
    sents = [(0, 42), (43, len(text))]
    ((k, r),) = [(k, r) for k, r in document_relations(text, sents, ms, FakeRelations(), [_always()])
                 if r.predicate is RelType.CAUSES]
    assert k == 1 and r.assertion is Assertion.PRESENT
    only_negated = text[:42]
    ((_, r),) = [(k, r) for k, r in document_relations(only_negated, [(0, 42)], ms[:2], FakeRelations(), [_always()])
                 if r.predicate is RelType.CAUSES]
    assert r.assertion is Assertion.NEGATED


def test_a_fitted_model_weighs_lexical_features_and_survives_json():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, len(FEATURES)))
    y = rng.random(200) < 0.5
    lexical = [{"B:CD:induced"} if label else {"B:CD:versus"} for label in y]
    lexical[0] = lexical[0] | {"seen-once"}
    model = fit_doc_model(x, y, lexical, c=1.0, min_count=2)
    assert model.lexical["B:CD:induced"] > 0 > model.lexical["B:CD:versus"] and "seen-once" not in model.lexical
    p = model.probability(x[:4], lexical[:4])
    assert np.allclose(DocRelationModel.from_json(model.to_json()).probability(x[:4], lexical[:4]), p)
    assert (p > 0.5).tolist() == y[:4].tolist()
    old = model.to_json()
    del old["lexical"], old["most_specific"]  # a 1.0 file: dense features only
    assert DocRelationModel.from_json(old).lexical == {}
    with pytest.raises(InputError, match="lexical"):
        model.probability(x[:4], lexical[:3])
    with pytest.raises(InputError, match="lexical"):  # its lexical weights would be silently left out
        model.probability(x[:4])
    assert fit_doc_model(x, y).lexical == {}  # dense features only, as the 1.0 models


def test_relation_confidence_goes_through_the_clinical_map_for_notes_not_for_literature():
    from medkg.nlp.relations import ConfidenceCalibration

    pipe = _pipeline()
    pipe.nlp.get_pipe("medkg_relations").clinical_calibration = ConfidenceCalibration(1.0, -2.0)
    text = "Lisinopril was started in March. Three weeks later she had a stroke."
    note, abstract = pipe.process([Document(id="n1", text=text), Document(id="a1", text=text, kind="abstract")])
    (from_note,) = [t for t in note.triples if t.predicate is RelType.CAUSES]
    (from_abstract,) = [t for t in abstract.triples if t.predicate is RelType.CAUSES]
    raw = 1 / (1 + np.exp(-3.0))  # _always()
    assert from_abstract.confidence == pytest.approx(raw, abs=1e-5)
    assert from_note.confidence == pytest.approx(1 / (1 + np.exp(-(np.log(raw / (1 - raw)) - 2.0))), abs=1e-5)
    pipe.nlp.get_pipe("medkg_relations").clinical_calibration = None  # a model folder without a map
    (plain,) = [t for t in pipe.process([Document(id="n1", text=text)])[0].triples if t.predicate is RelType.CAUSES]
    assert plain.confidence == pytest.approx(raw, abs=1e-5)


def _known(chem: str, dis: str, name: str = "test-kb") -> KnownPairs:
    """A knowledge source linking ``chem`` to ``dis`` (CcSE), reachable also through the MeSH ids D1 / D2."""
    return KnownPairs({(chem, dis): {"CcSE"}}, {chem: {chem}, dis: {dis}, "D1": {chem}, "D2": {dis}}, name)


def test_known_pairs_match_graph_ids_and_mesh_ids_and_become_a_feature():
    known = _known("DB00945", "UMLS:C0002871")
    assert known.kinds({"DB00945"}, {"UMLS:C0002871"}) == {"CcSE"}
    assert known.kinds({"D1"}, {"D2"}) == {"CcSE"}  # literature's MeSH ids reach the graph concepts
    assert known.kinds({"D2"}, {"D1"}) == set()  # edges have a direction
    text = "Aspirin and anemia. Aspirin was stopped."
    ms = [DocMention(0, 7, "Chemical", "C", 0, ("D1",)), DocMention(12, 18, "Disease", "D", 0, ("D2",))]
    with_known, = pair_features(text, 19, [(0, 19), (20, 40)], ms, {}, known)
    without, = pair_features(text, 19, [(0, 19), (20, 40)], ms, {})
    assert "KB:CcSE" in with_known.lexical and not any(f.startswith("KB:") for f in without.lexical)
    assert (with_known.features == without.features).all()


def test_the_shipped_hetionet_knowledge_knows_sider_side_effects_through_mesh():
    known = KnownPairs.hetionet()
    assert known.name == "hetionet-1.0"
    assert known.kinds({"DB00945"}, {"UMLS:C0002871"}) == {"CcSE"}  # aspirin -CAUSES-> anemia (SIDER)
    assert known.kinds({"D001241"}, {"D000740"}) >= {"CcSE"}  # the same pair by MeSH ids (Aspirin, Anemia)
    assert known.kinds({"DB00945"}, {"UMLS:C0000000"}) == set()


def _kb_model(name: str = "test-kb") -> DocRelationModel:
    """Emits a pair only when the knowledge source links it."""
    n = len(FEATURES)
    return DocRelationModel(np.zeros(n), np.ones(n), np.zeros(n), -3.0, threshold=0.5, version="doc-test",
                            lexical={"KB:CcSE": 6.0}, knowledge=name)


def test_prior_knowledge_is_off_by_default_and_recorded_in_provenance_when_on():
    text = "Lisinopril was started in March. Three weeks later she had a stroke."
    pipe = _pipeline()
    rel = pipe.nlp.get_pipe("medkg_relations")
    assert rel.prior_knowledge is False and rel.known is None
    assert load_doc_models() and all(m.knowledge is None for m in load_doc_models())  # the default models
    (plain,) = _causes(text)
    rel.doc_models = [_kb_model()]
    with pytest.raises(InputError, match="prior knowledge"):  # a model fitted with it cannot run without it
        pipe.process([Document(id="d1", text=text)])
    rel.prior_knowledge = True
    rel.known = _known(plain.subject.id, plain.object.id)
    (res,) = pipe.process([Document(id="d1", text=text)])
    (t,) = [t for t in res.triples if t.predicate is RelType.CAUSES]
    assert t.provenance.version == "fake-1+doc-test+kb:test-kb"
    rel.known = _known(plain.subject.id, "DOID:0")  # the pair is not known: the model does not emit it
    (res,) = pipe.process([Document(id="d1", text=text)])
    assert not [t for t in res.triples if t.predicate is RelType.CAUSES]
    rel.known = _known(plain.subject.id, plain.object.id, name="other-kb")
    with pytest.raises(InputError, match="other-kb"):
        pipe.process([Document(id="d1", text=text)])


def test_models_fitted_with_prior_knowledge_are_asked_for_by_name(tmp_path):
    with pytest.raises(InputError, match="prior knowledge"):
        load_doc_models(tmp_path, prior_knowledge=True)
    model = _kb_model()
    (tmp_path / "docrel_causes_kb.json").write_text(json.dumps(model.to_json()))
    (loaded,) = load_doc_models(tmp_path, prior_knowledge=True)
    assert loaded.knowledge == "test-kb" and load_doc_models(tmp_path) == []
    shipped = {m.predicate: m for m in load_doc_models(prior_knowledge=True)}
    assert set(shipped) == {"CAUSES", "TREATS"}
    assert {m.knowledge for m in shipped.values()} == {KnownPairs.hetionet().name}
    assert shipped["CAUSES"].lexical["KB:CcSE"] > 0 > shipped["CAUSES"].lexical["KB:CtD"]
