"""Transformer NER and its IOB evaluation: the shipped model, offsets, long inputs and the scoring contract."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from medkg.kg.errors import InputError, MedkgError
from medkg.kg.schema import NodeLabel
from medkg.nlp.evaluate import IobSentence, evaluate_ner, label_to_gold, read_iob, score_entities, spans_to_tags
from medkg.nlp.ner import DEFAULT_MODEL_DIR, LABELS, EntitySpan, TransformerNER, save_pretrained


@pytest.fixture(scope="module")
def ner() -> TransformerNER:
    return TransformerNER.load(device="cpu")


def _found(spans: list[EntitySpan], text: str, label: NodeLabel) -> bool:
    return any(s.text.lower() == text and s.label is label for s in spans)


# ---------------------------------------------------------------- the shipped model

def test_shipped_model_is_small_and_finds_aspirin_and_mi(ner: TransformerNER) -> None:
    assert (DEFAULT_MODEL_DIR / "model.safetensors").stat().st_size < 50 * 2**20  # well under the 100 MB budget
    [spans] = ner.predict(["Aspirin reduced the risk of myocardial infarction in these patients."])
    assert _found(spans, "aspirin", NodeLabel.COMPOUND)
    assert _found(spans, "myocardial infarction", NodeLabel.DISEASE)
    assert all(0.0 <= s.score <= 1.0 for s in spans)


def test_the_shipped_folder_is_a_hugging_face_token_classifier(ner: TransformerNER) -> None:
    """``from_pretrained`` and ``pipeline("token-classification")`` load it with no medkg code; medkg's own settings
    ride along in ``config.json`` and give the same tags as medkg's loader (here: argmax of the same logits)."""
    from transformers import AutoModelForTokenClassification, pipeline

    model = AutoModelForTokenClassification.from_pretrained(str(DEFAULT_MODEL_DIR))
    assert [model.config.id2label[i] for i in range(len(LABELS))] == list(LABELS)
    assert model.config.medkg["version"] == ner.version and model.config.medkg["min_score"] > 0
    tagger = pipeline("token-classification", model=str(DEFAULT_MODEL_DIR), aggregation_strategy="first",
                      device="cpu")
    found = {(e["entity_group"], e["word"].lower()) for e in tagger("Aspirin can cause myocardial infarction.")}
    assert found == {("Compound", "aspirin"), ("Disease", "myocardial infarction")}


def test_save_pretrained_writes_a_folder_medkg_and_transformers_both_load(ner: TransformerNER, tmp_path) -> None:
    torch_ner = TransformerNER.load(device="cpu", runtime="torch", min_score=0.0)
    save_pretrained(torch_ner.model, torch_ner.tokenizer, tmp_path, {"version": "9.9.9", "min_score": 0.5})
    again = TransformerNER.load(tmp_path, device="cpu", runtime="torch")
    assert again.version == "9.9.9" and again.min_score == 0.5
    text = ["Cisplatin-induced nephrotoxicity was treated with amifostine."]
    assert [(s.start, s.end, s.label) for s in again.predict(text)[0]] == \
        [(s.start, s.end, s.label) for s in torch_ner.predict(text)[0] if s.score >= 0.5]


def test_offsets_round_trip_on_messy_text(ner: TransformerNER) -> None:
    texts = [
        "Pt  given\tASPIRIN 81 mg;\n\nhx of myocardial infarction (MI) — naïve to café-au-lait warfarin.",
        "",
        "   ",
        "BP 120/80. Cisplatin-induced nephrotoxicity; no hepatitis.",
    ]
    results = ner.predict(texts, batch_size=2)
    assert len(results) == len(texts) and results[1] == [] and results[2] == []
    for text, spans in zip(texts, results):
        for s in spans:
            assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert [s.start for s in spans] == sorted(s.start for s in spans)
    # (v1.1.0 reads "café-au-lait warfarin" as one drug name: this test is about offsets, not boundaries)
    assert any("warfarin" in s.text.lower() and s.label is NodeLabel.COMPOUND for s in results[0])
    assert _found(results[0], "aspirin", NodeLabel.COMPOUND)
    assert _found(results[3], "cisplatin", NodeLabel.COMPOUND)


def test_fifty_thousand_characters_are_fully_covered(ner: TransformerNER, monkeypatch) -> None:
    # coverage, not confidence: on this repetitive text a few "Aspirin" fall under the span threshold (0.53-0.79
    # with NER v1.3.0), so every span is kept
    monkeypatch.setattr(ner, "min_score", 0.0)
    filler = "The patients were seen in the outpatient clinic and their vital signs were recorded. "
    marker = "Aspirin was stopped after the myocardial infarction. "
    parts, inserted = [], 0
    while sum(map(len, parts)) < 50_000:
        parts.append(filler * 20)
        parts.append(marker)
        inserted += 1
    text = "".join(parts)
    assert len(text) >= 50_000
    [spans] = ner.predict([text])
    aspirin = [s for s in spans if s.label is NodeLabel.COMPOUND and s.text.lower() == "aspirin"]
    assert len(aspirin) == inserted
    assert aspirin[-1].start > len(text) - 2 * len(marker)
    assert any(s.label is NodeLabel.DISEASE and s.start > len(text) - len(marker) for s in spans)
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_predict_validates_its_arguments(ner: TransformerNER) -> None:
    assert ner.predict([]) == []
    with pytest.raises(InputError, match="texts"):
        ner.predict("aspirin")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="batch_size"):
        ner.predict(["aspirin"], batch_size=0)


def test_load_rejects_a_missing_model(tmp_path) -> None:
    with pytest.raises(InputError, match="path"):
        TransformerNER.load(tmp_path)


# ---------------------------------------------------------------- evaluation contract

GOLD = (
    "Aspirin\tB-Chemical\ninduced\tO\nmyocardial\tB-Disease\ninfarction\tI-Disease\nin\tO\nrats\tO\n.\tO\n"
    "\n"
    "No\tO\nhepatitis\tB-Disease\n.\tO\n"
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: NodeLabel


def _fixed_predictions(texts: list[str]) -> list[list[_Span]]:
    first, second = texts
    assert first == "Aspirin induced myocardial infarction in rats ."
    return [
        [
            _Span(0, 7, NodeLabel.COMPOUND),  # correct
            _Span(27, 37, NodeLabel.DISEASE),  # "infarction": wrong boundary
            _Span(41, 45, NodeLabel.DISEASE),  # "rats": false positive
            _Span(16, 26, NodeLabel.GENE),  # a type the file does not annotate: ignored
        ],
        [_Span(3, 12, NodeLabel.DISEASE)],  # "hepatitis": correct
    ]


def test_evaluate_hand_checked_scores(tmp_path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD)
    scores = evaluate_ner(read_iob(gold), _fixed_predictions)
    # Chemical: 1 TP of 1 predicted, 1 gold. Disease: 1 TP of 3 predicted, 2 gold. Micro: 2 TP / 4 pred / 3 gold.
    assert scores["Chemical"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert scores["Disease"]["precision"] == pytest.approx(1 / 3)
    assert scores["Disease"]["recall"] == pytest.approx(1 / 2)
    assert scores["Disease"]["f1"] == pytest.approx(0.4)
    assert scores["micro"]["precision"] == pytest.approx(2 / 4)
    assert scores["micro"]["recall"] == pytest.approx(2 / 3)
    assert scores["micro"]["f1"] == pytest.approx(4 / 7)
    assert "Gene" not in scores and set(scores) == {"Chemical", "Disease", "micro"}


def test_spans_map_onto_whole_tokens() -> None:
    sent = IobSentence(("5-fluorouracil", "caused", "mucositis"), ("B-Chemical", "O", "B-Disease"))
    mapping = label_to_gold({"Chemical", "Disease"})
    assert mapping == {NodeLabel.COMPOUND: "Chemical", NodeLabel.DISEASE: "Disease"}
    # a span covering only part of a token marks the whole token; a span starting in a gap starts after it
    spans = [_Span(2, 14, NodeLabel.COMPOUND), _Span(21, 25, NodeLabel.DISEASE)]
    assert spans_to_tags(sent, spans, mapping) == ["B-Chemical", "O", "B-Disease"]
    # overlapping spans: the earlier one keeps its tokens
    spans = [_Span(0, 21, NodeLabel.COMPOUND), _Span(15, 31, NodeLabel.DISEASE)]
    assert spans_to_tags(sent, spans, mapping) == ["B-Chemical", "I-Chemical", "B-Disease"]


def test_score_entities_needs_aligned_sequences() -> None:
    with pytest.raises(InputError):
        score_entities([["O", "B-Disease"]], [["O"]])
    assert score_entities([["O"]], [["O"]])["micro"]["f1"] == 0.0


@pytest.mark.parametrize("bad", ["token-without-tag\n", "aspirin\tX-Chemical\n", "\n\n"])
def test_read_iob_rejects_malformed_files(tmp_path, bad: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(bad)
    with pytest.raises(InputError, match="bad.tsv"):
        read_iob(path)


def test_evaluate_command_with_shipped_model(tmp_path) -> None:
    from typer.testing import CliRunner

    from medkg.nlp.cli import app

    gold = tmp_path / "gold.tsv"
    gold.write_text("Aspirin\tB-Chemical\ncaused\tO\nmyocardial\tB-Disease\ninfarction\tI-Disease\n.\tO\n")
    result = CliRunner().invoke(app, ["evaluate", "--ner", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["micro"]["f1"] == 1.0 and scores["Chemical"]["support"] == 1
    alone = CliRunner().invoke(app, ["evaluate", "--ner", str(gold), "--format", "json", "--transformer-only"])
    assert alone.exit_code == 0, alone.output
    assert json.loads(alone.stdout)["micro"]["f1"] == 1.0


def test_pipeline_predictor_scores_every_entity_source() -> None:
    """The default NER evaluation scores what the pipeline puts on Doc.ents, dictionary matches included."""
    import spacy

    from medkg.nlp.evaluate import pipeline_predictor

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "Disease", "pattern": "gout"}, {"label": "Symptom", "pattern": "fever"},
                        {"label": "PERSON", "pattern": "Smith"}])
    gold = [IobSentence(("Smith", "has", "gout", "and", "fever"), ("O", "O", "B-Disease", "O", "O"))]
    predicted = pipeline_predictor(nlp)([s.text for s in gold])
    assert [(p.start, p.end, p.label) for p in predicted[0]] == [(10, 14, NodeLabel.DISEASE), (19, 24, NodeLabel.SYMPTOM)]
    assert evaluate_ner(gold, pipeline_predictor(nlp))["micro"]["f1"] == 1.0  # Symptom: not annotated, ignored


def test_onnxruntime_and_torch_give_the_same_spans(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MEDKG_NER_RUNTIME", raising=False)
    texts = ["Aspirin can cause myocardial infarction.", "No evidence of pneumonia; started metformin 500 mg BID.",
             "Cisplatin-induced nephrotoxicity was treated with amifostine in patients with ovarian cancer."]
    fast = TransformerNER.load(device="cpu")
    assert fast.runtime == "onnxruntime"
    assert list((tmp_path / "cache").glob("ner-*.onnx"))  # exported once, reused by the next load
    assert fast.model is None  # the PyTorch model is only built to export it

    import medkg.nlp.ner as ner_mod

    def no_build(*_a, **_k):
        raise AssertionError("a cached export needs no PyTorch model")

    monkeypatch.setattr(ner_mod, "_build", no_build)
    assert TransformerNER.load(device="cpu").predict(texts[:1])[0]
    monkeypatch.undo()
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path / "cache"))
    ref = TransformerNER.load(device="cpu", runtime="torch")
    assert ref.runtime == "torch"
    got, want = fast.predict(texts), ref.predict(texts)
    assert [[(s.start, s.end, s.label) for s in row] for row in got] == \
        [[(s.start, s.end, s.label) for s in row] for row in want]
    assert all(abs(a.score - b.score) < 1e-3 for ra, rb in zip(got, want) for a, b in zip(ra, rb))


def test_runtime_is_validated_and_auto_falls_back(tmp_path, monkeypatch):
    import medkg.nlp.runtime as runtime_mod
    from medkg.nlp.runtime import resolve_runtime

    with pytest.raises(InputError, match="auto, onnxruntime, onnxruntime-int8, torch"):
        TransformerNER.load(device="cpu", runtime="tensorrt")
    monkeypatch.delenv("MEDKG_NER_RUNTIME", raising=False)

    def broken(*_a, **_k):
        raise RuntimeError("exporter unavailable")

    monkeypatch.setattr(runtime_mod, "onnx_session", broken)
    if resolve_runtime("auto", "cpu", False) == ("onnxruntime", False):
        assert TransformerNER.load(device="cpu").runtime == "torch"  # auto never leaves the model unusable
        with pytest.raises(MedkgError, match="exporter unavailable"):
            TransformerNER.load(device="cpu", runtime="onnxruntime")
    assert resolve_runtime("auto", "cpu", True) == ("torch", False)  # int8 runs in PyTorch


def test_min_score_drops_low_confidence_spans():
    text = ["Aspirin can cause myocardial infarction and possibly a rash-like eruption after lisinopril."]
    keep_all = TransformerNER.load(device="cpu", min_score=0.0)
    spans = keep_all.predict(text)[0]
    assert spans
    cut = min(sp.score for sp in spans) + 1e-4
    strict = TransformerNER.load(device="cpu", min_score=cut)
    assert [sp for sp in spans if sp.score >= cut] == strict.predict(text)[0]
    assert len(strict.predict(text)[0]) < len(spans)
    with pytest.raises(InputError, match="min_score"):
        TransformerNER.load(device="cpu", min_score=1.5)


def test_viterbi_decoding_keeps_bio_valid():
    import numpy as np

    from medkg.nlp.ner import LABELS, viterbi_tags

    o, bc, ic, bd, id_ = (LABELS.index(t) for t in ("O", "B-Compound", "I-Compound", "B-Disease", "I-Disease"))
    # argmax would give O I-Disease I-Disease: the I after O has to be explained by its neighbours
    probs = np.array([[0.6, 0.0, 0.0, 0.4, 0.0],
                      [0.1, 0.0, 0.0, 0.3, 0.6],
                      [0.2, 0.0, 0.0, 0.0, 0.8]])
    assert [int(p.argmax()) for p in probs] == [o, id_, id_]
    assert viterbi_tags(probs) in ([bd, id_, id_], [o, bd, id_])
    # a Compound followed by an I-Disease becomes one consistent entity or two, never a mixed one
    mixed = np.array([[0.0, 0.9, 0.0, 0.1, 0.0], [0.05, 0.0, 0.45, 0.0, 0.5]])
    tags = viterbi_tags(mixed)
    assert tags[0] == bc and tags[1] in (ic, o, bd)
    with pytest.raises(InputError, match="decoding"):
        TransformerNER.load(device="cpu", decoding="beam")


def test_entities_do_not_run_across_line_breaks():
    from medkg.nlp.ner import LABELS, _decode

    text = "History of migraine\n- Influenza A"
    b, i = LABELS.index("B-Disease"), LABELS.index("I-Disease")
    words = [(0, 7, 0, 0.9), (8, 10, 0, 0.9), (11, 19, b, 0.9), (20, 21, i, 0.6), (22, 31, i, 0.8), (32, 33, i, 0.8)]
    spans = _decode(words, text)
    assert [s.text for s in spans] == ["migraine", "Influenza A"]
    assert all(text[s.start:s.end] == s.text for s in spans)
    # a bullet at the start of a line never opens an entity, wherever the previous line ended
    bullet = "Allergies: none\n- asthma"
    spans = _decode([(0, 9, 0, 0.9), (9, 10, 0, 0.9), (11, 15, 0, 0.9), (16, 17, b, 0.6), (18, 24, i, 0.9)], bullet)
    assert [s.text for s in spans] == ["asthma"]
    assert [s.text for s in _decode([(0, 1, b, 0.6), (2, 8, i, 0.9)], "- asthma")] == ["asthma"]
    # within a line nothing changes
    one_line = "History of migraine - Influenza A"
    assert [s.text for s in _decode(words, one_line)] == ["migraine - Influenza A"]
