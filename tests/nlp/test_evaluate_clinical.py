"""Clinical relation evaluation: P/R counting, assertion accuracy and calibration with a fake extractor, and the
well-formedness of the written clinical test set (no model needed)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from medkg.kg.errors import InputError
from medkg.kg.schema import Assertion
from medkg.nlp import relations as R
from medkg.nlp.evaluate_clinical import evaluate_written, format_report, read_written, row_mentions

CLINICAL = Path(__file__).parent / "data" / "re_clinical.jsonl"

#: Per snippet, (subject index, object index) -> the fake's distribution.
SCORES = {
    "metoprolol for afib and HTN": {(0, 1): {"NONE": 0.05, "TREATS": 0.95, "CAUSES": 0.0},  # TP
                                    (0, 2): {"NONE": 0.25, "TREATS": 0.75, "CAUSES": 0.0}},  # FP (no gold)
    "pneumonia with fever": {(0, 1): {"NONE": 0.35, "PRESENTS": 0.65}},  # TP, gold assertion family
    "CT showed PE": {(1, 0): {"NONE": 0.85, "DIAGNOSED_BY": 0.15}},  # FN
    "aspirin for headache": {(0, 1): {"NONE": 0.15, "CAUSES": 0.55, "TREATS": 0.3}},  # FP CAUSES + FN TREATS
    "warfarin and a rash": {(0, 1): {"NONE": 0.3, "CAUSES": 0.45, "TREATS": 0.25}},  # under threshold: nothing
}

ROWS = [
    {"text": "metoprolol for afib and HTN", "mentions": [["metoprolol", "Compound"], ["afib", "Disease"],
                                                         ["HTN", "Disease"]],
     "relations": [[0, 1, "TREATS"]], "assertions": ["present"]},
    {"text": "pneumonia with fever", "mentions": [["pneumonia", "Disease"], ["fever", "Symptom"]],
     "relations": [[0, 1, "PRESENTS"]], "assertions": ["family"]},
    {"text": "CT showed PE", "mentions": [["CT", "Procedure"], ["PE", "Disease"]],
     "relations": [[1, 0, "DIAGNOSED_BY"]], "assertions": ["present"]},
    {"text": "aspirin for headache", "mentions": [["aspirin", "Compound"], ["headache", "Symptom"]],
     "relations": [[0, 1, "TREATS"]], "assertions": ["present"]},
    {"text": "warfarin and a rash", "mentions": [["warfarin", "Compound"], ["rash", "Symptom"]], "relations": []},
]


class FakeRelations(R.RelationExtractor):
    """Fixed distributions per (snippet, pair); no model to load."""

    def __init__(self) -> None:
        self.threshold = 0.5
        self.version = "fake"
        self.seen: list[tuple[str, list]] = []

    def pair_scores(self, items, batch_size=64):
        out = []
        for sentence, mentions in items:
            self.seen.append((sentence, list(mentions)))
            table = SCORES[sentence]
            out.append([(i, j, table[(i, j)]) for i, j in self.candidate_pairs(mentions)])
        return out


@pytest.fixture()
def result(tmp_path: Path) -> dict:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    return evaluate_written(path, FakeRelations())


def test_mentions_are_first_occurrences_with_sentence_offsets():
    ms = row_mentions({"text": "pain, then more pain from a pain pump", "mentions": [["pain", "Symptom"]]})
    assert [(m.start, m.end, m.label) for m in ms] == [(0, 4, R.NodeLabel.SYMPTOM)]


def test_precision_recall_counting(result):
    pp = result["per_predicate"]
    assert (pp["TREATS"]["tp"], pp["TREATS"]["fp"], pp["TREATS"]["fn"]) == (1, 1, 1)
    assert pp["TREATS"]["precision"] == pytest.approx(0.5) and pp["TREATS"]["recall"] == pytest.approx(0.5)
    assert (pp["PRESENTS"]["tp"], pp["PRESENTS"]["fp"], pp["PRESENTS"]["fn"]) == (1, 0, 0)
    assert (pp["DIAGNOSED_BY"]["tp"], pp["DIAGNOSED_BY"]["fn"], pp["DIAGNOSED_BY"]["recall"]) == (0, 1, 0.0)
    assert (pp["CAUSES"]["tp"], pp["CAUSES"]["fp"], pp["CAUSES"]["support"]) == (0, 1, 0)
    m = result["micro"]
    assert (m["tp"], m["fp"], m["fn"]) == (2, 2, 2)
    assert m["precision"] == pytest.approx(0.5) and m["recall"] == pytest.approx(0.5)
    assert result["candidate_pairs"] == 6 and result["gold_relations"] == 4 and result["gold_not_candidates"] == 0
    assert result["predicted_relations"] == {"TREATS": 2, "PRESENTS": 1, "CAUSES": 1}
    kinds = Counter((e["kind"], e["gold"], e["predicted"]) for e in result["errors"])
    assert kinds == Counter({("FP", "NONE", "TREATS"): 1, ("FN", "DIAGNOSED_BY", "NONE"): 1,
                             ("FP", "TREATS", "CAUSES"): 1, ("FN", "TREATS", "CAUSES"): 1})


def test_assertion_accuracy_on_true_positives(result):
    a = result["assertion"]
    assert (a["n"], a["correct"], a["accuracy"]) == (2, 1, 0.5)
    assert a["confusion"] == {"family->present": 1, "present->present": 1}
    assert a["recall_by_gold_assertion"]["present"] == {"gold": 3, "found": 1}


def test_calibration_tables_have_the_right_counts(result):
    cal = result["calibration"]
    assert cal["n"] == 6
    by_bin = {b["bin"]: b for b in cal["table"]}
    assert sum(b["n"] for b in cal["table"]) == 6
    assert {k: b["n"] for k, b in by_bin.items() if b["n"]} == {
        "0.4-0.5": 1, "0.5-0.6": 1, "0.6-0.7": 1, "0.7-0.8": 1, "0.8-0.9": 1, "0.9-1.0": 1}
    assert by_bin["0.8-0.9"]["accuracy"] == 0.0  # NONE 0.85 for a gold DIAGNOSED_BY pair
    assert by_bin["0.9-1.0"]["accuracy"] == 1.0
    assert cal["ece"] == pytest.approx((0.05 + 0.75 + 0.35 + 0.85 + 0.55 + 0.45) / 6)

    above = result["above_threshold"]
    assert above["n"] == 4  # not NONE and >= 0.5: 0.95, 0.75, 0.65, 0.55
    assert sum(b["n"] for b in above["table"]) == 4
    assert all(float(b["bin"].split("-")[1]) > 0.5 for b in above["table"])
    assert above["ece"] == pytest.approx((0.05 + 0.75 + 0.35 + 0.55) / 4)
    assert above["accuracy"] == pytest.approx(0.5)
    gap = {b["bin"]: b["gap"] for b in above["table"] if b["n"]}
    assert gap["0.7-0.8"] == pytest.approx(-0.75) and gap["0.9-1.0"] == pytest.approx(0.05)
    text = format_report(result, errors=True)
    assert "TREATS" in text and "ECE=" in text and "FN CT" not in text and "FN PE -> CT" in text


def test_threshold_override_changes_what_counts(tmp_path: Path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    res = evaluate_written(path, FakeRelations(), threshold=0.4)
    assert res["per_predicate"]["CAUSES"]["fp"] == 2 and res["above_threshold"]["n"] == 5


def test_bad_rows_are_rejected(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "aspirin", "mentions": [["ibuprofen", "Compound"]], "relations": []}))
    with pytest.raises(InputError, match="not in the text"):
        read_written(path)
    path.write_text(json.dumps({"text": "a b", "mentions": [["a", "Compound"], ["b", "Disease"]],
                                "relations": [[0, 1, "TREATS"]], "assertions": []}))
    with pytest.raises(InputError, match="assertions"):
        read_written(path)


# ---------------------------------------------------------------------------------- the written clinical set

TARGETS = {"TREATS": 25, "CAUSES": 20, "PRESENTS": 20, "LOCALIZES": 12, "DIAGNOSED_BY": 12}


def test_clinical_set_is_well_formed():
    rows = read_written(CLINICAL)
    assert len(rows) >= 120
    assert len({r["text"] for r in rows}) == len(rows)
    counts, rows_with_none_pair = Counter(), 0
    for r in rows:
        text = r["text"]
        ms = row_mentions(r)
        for m in ms:
            assert m.label is not None
            assert m.start == 0 or not text[m.start - 1].isalnum(), (text, m.text)  # whole words
            assert m.end == len(text) or not text[m.end].isalnum(), (text, m.text)
        for a in range(len(ms)):
            for b in range(a + 1, len(ms)):
                assert not (ms[a].start < ms[b].end and ms[b].start < ms[a].end), (text, ms[a].text, ms[b].text)
        candidates = set(R.RelationExtractor.candidate_pairs(ms))
        assert candidates, text
        gold = set()
        for i, j, predicate in r["relations"]:
            assert 0 <= i < len(ms) and 0 <= j < len(ms) and i != j
            assert predicate in R.allowed_predicates(ms[i].label, ms[j].label), (text, ms[i].text, ms[j].text)
            assert (i, j) in candidates and (i, j) not in gold
            gold.add((i, j))
            counts[predicate] += 1
        assert len(r["assertions"]) == len(r["relations"])
        assert all(Assertion(a) for a in r["assertions"])
        rows_with_none_pair += bool(candidates - gold)
    for predicate, least in TARGETS.items():
        assert counts[predicate] >= least, (predicate, counts[predicate])
    assert rows_with_none_pair >= 40


def test_document_level_path_is_scored_on_the_same_rows():
    from medkg.nlp.evaluate_clinical import evaluate_rows_document_level
    from tests.nlp.test_pipeline import FakeRelations

    rows = [{"text": "Lisinopril 10 mg daily. HTN.", "mentions": [["Lisinopril", "Compound"], ["HTN", "Disease"]],
             "relations": [[0, 1, "TREATS"]]},
            {"text": "Metformin for diabetes.", "mentions": [["Metformin", "Compound"], ["diabetes", "Disease"]],
             "relations": [[0, 1, "TREATS"]]}]
    sentence = evaluate_rows_document_level(rows, FakeRelations(), [])
    assert sentence["TREATS"]["tp"] == 1 and sentence["TREATS"]["fn"] == 1  # the cross-sentence pair is missed
    import numpy as np

    from medkg.nlp.docrel import FEATURES, DocRelationModel

    n = len(FEATURES)
    always = DocRelationModel(np.zeros(n), np.ones(n), np.zeros(n), 3.0, 0.5, "doc-test", predicate="TREATS")
    document = evaluate_rows_document_level(rows, FakeRelations(), [always])
    assert document["TREATS"]["tp"] == 2 and document["micro"]["fp"] == 0
    emitted = document["emitted"]["raw"]  # both emitted at sigmoid(3) and both right
    assert emitted["n"] == 2 and emitted["accuracy"] == 1.0 and emitted["ece"] == pytest.approx(1 - 0.952574, abs=1e-4)
    from medkg.nlp.relations import ConfidenceCalibration

    surer = evaluate_rows_document_level(rows, FakeRelations(), [always], calibration=ConfidenceCalibration(1.0, 5.0))
    assert surer["emitted"]["calibrated"]["ece"] < emitted["ece"] and surer["emitted"]["raw"] == emitted
