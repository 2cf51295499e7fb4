import csv
from pathlib import Path

import pytest

from medkg.gnn.checkpoint import Checkpoint
from medkg.gnn.predict import Predictor, diagnose, predict_treatments, prediction_rows, score_file
from medkg.kg.errors import InputError


def _predictor(result, graph):
    return Predictor(Checkpoint(Path("."), result.model.eval(), result.config, graph.node_ids), graph)


@pytest.fixture(scope="module")
def treats(tiny_graph, treats_model):
    return _predictor(treats_model, tiny_graph)


def test_score_file_keeps_order_and_blanks_unknown_ids(tmp_path, treats):
    pairs = tmp_path / "pairs.tsv"
    rows = [("C0", "D0"), ("C404", "D0"), ("C7", "D1"), ("C0", "DOID:0"), ("C0", "D0")]
    pairs.write_text("compound_id\tdisease_id\n" + "".join(f"{a}\t{b}\n" for a, b in rows))
    out = tmp_path / "scores.tsv"
    with pytest.warns(UserWarning, match="2 of 5 pairs"):
        stats = score_file("treats", pairs, out, predictor=treats)
    assert stats == {"rows": 5, "unknown": 2}
    got = list(csv.DictReader(out.open(), delimiter="\t"))
    assert [(r["compound_id"], r["disease_id"]) for r in got] == rows
    assert got[1]["score"] == "" and got[3]["score"] == ""
    assert got[0]["score"] == got[4]["score"] != ""
    assert float(got[0]["score"]) > float(_score(treats, "C0", "D5"))


def _score(p, c, d):
    return p.score_pairs([c], [d])[0]


def test_score_file_names_a_missing_column(tmp_path, treats):
    pairs = tmp_path / "bad.tsv"
    pairs.write_text("drug\tdisease_id\nC0\tD0\n")
    with pytest.raises(InputError, match="compound_id"):
        score_file("treats", pairs, tmp_path / "o.tsv", predictor=treats)


def test_predict_treatments_by_name_with_paths_and_evidence(treats):
    out = predict_treatments("Disease 3", top=4, predictor=treats, paths=10)
    planted = [o for o in out if o["id"] in {f"C{c}" for c in range(18, 24)}]
    assert out[:2] == planted[:2], out  # the two best-scored compounds are planted treatments
    assert [o["rank"] for o in out] == [1, 2, 3, 4]
    assert all(o["known"] for o in planted)
    path = out[0]["paths"][0]
    assert path["nodes"][0]["id"] == out[0]["id"] and path["nodes"][-1]["id"] == "D3"
    metapaths = {p["metapath"]: p for o in out for p in o["paths"]}
    gene = metapaths["Compound–BINDS–Gene–ASSOCIATES–Disease"]
    assert gene["nodes"][1]["id"] == "G3"
    assert gene["edges"][1] == {"source": "D3", "rel": "ASSOCIATES", "target": "G3",
                                "evidence": [{"source": "Hetionet v1.0", "metaedge": "DaG"}]}
    assert "Compound–RESEMBLES–Compound–TREATS–Disease" in metapaths
    with pytest.raises(InputError, match="close matches: disease 3"):
        predict_treatments("disease 33", predictor=treats)


def test_diagnose_ranks_the_disease_presenting_the_symptoms(tiny_graph, presents_model):
    p = _predictor(presents_model, tiny_graph)
    out = diagnose("symptom 6, S7", top=3, predictor=p)
    assert out[0]["id"] in {"D4", "D5"} and out[0]["matched"] == 2, out
    assert any(pt["metapath"] == "Disease–PRESENTS–Symptom" for pt in out[0]["paths"])
    with pytest.raises(InputError, match="symptoms"):
        diagnose([], predictor=p)


def test_prediction_rows_for_write_back(treats):
    preds = predict_treatments("D3", top=2, explain=False, predictor=treats)
    rows = prediction_rows(treats.task, preds, query_label="Disease", query_id="D3")
    assert rows[0]["source_label"] == "Compound" and rows[0]["target_id"] == "D3" and rows[0]["rank"] == 1
    assert set(rows[0]) == {"source_label", "source_id", "target_label", "target_id", "score", "rank"}


def test_a_name_shared_by_two_concepts_is_reported_not_resolved():
    from types import SimpleNamespace

    from medkg.gnn.predict import resolve_concept
    from medkg.kg.heterodata import build_heterodata

    rows = [("Compound", "DB1", "TREATS", "Disease", "DOID:1"), ("Compound", "DB1", "TREATS", "Disease", "DOID:2")]
    nodes = [SimpleNamespace(label="Disease", id="DOID:1", name="Zorbic syndrome"),
             SimpleNamespace(label="Disease", id="DOID:2", name="zorbic Syndrome")]
    graph = build_heterodata(rows, nodes)
    with pytest.raises(InputError, match=r"ambiguous.*DOID:1, DOID:2"):
        resolve_concept(graph, "Zorbic syndrome", "Disease")
    assert graph.node_ids["Disease"][resolve_concept(graph, "DOID:2", "Disease")] == "DOID:2"


def test_path_text_shows_every_edge_in_its_stored_direction():
    from medkg.gnn.predict import path_text

    path = {"nodes": [{"label": "Compound", "id": "DB1", "name": "metformin"},
                      {"label": "Gene", "id": "G1", "name": "PRKAA1"},
                      {"label": "Disease", "id": "DOID:9352", "name": "type 2 diabetes"}],
            "edges": [{"source": "DB1", "rel": "BINDS", "target": "G1"},
                      {"source": "DOID:9352", "rel": "ASSOCIATES", "target": "G1"}]}  # stored disease -> gene
    assert path_text(path) == "metformin -BINDS-> PRKAA1 <-ASSOCIATES- type 2 diabetes"


def test_explained_predictions_cite_stored_edges_in_their_direction(treats):
    """Every hop of every explained path is an edge of the graph, printed in the direction it is stored."""
    from medkg.gnn.predict import path_text

    graph = treats.graph
    stored = set()
    for sl, rel, tl in graph.data.edge_types:
        if not rel.startswith("rev_"):
            for a, b in graph.data[sl, rel, tl].edge_index.t().tolist():
                stored.add((graph.node_ids[sl][a], rel, graph.node_ids[tl][b]))
    lines = []
    for item in predict_treatments("Disease 3", top=4, predictor=treats, paths=10):
        for path in item["paths"]:
            assert all((e["source"], e["rel"], e["target"]) in stored for e in path["edges"])
            lines.append(path_text(path))
    assert any(" -BINDS-> " in t and " <-ASSOCIATES- " in t for t in lines), lines


def test_idf_overlap_counts_a_rare_shared_symptom_above_a_common_one():
    import numpy as np

    from medkg.gnn.evaluate import idf_overlap

    known = np.array([[1, 1, 0], [1, 0, 1], [1, 0, 0], [1, 0, 0]], dtype=float)  # symptom 0: every disease
    scores = idf_overlap(known, [0, 1])
    assert scores[0] > scores[1] == scores[2] == scores[3] == 0.0
    assert idf_overlap(known, [2]).argmax() == 1


def test_diagnosis_evaluation_reports_every_method_on_the_same_cases(tmp_path, tiny_graph, presents_model):
    from medkg.gnn.checkpoint import save_checkpoint
    from medkg.gnn.evaluate import DIAGNOSIS_METHODS, evaluate_diagnosis

    save_checkpoint(tmp_path / "p", presents_model)
    r = evaluate_diagnosis(tmp_path / "p", known=1, hidden=1, graph=tiny_graph)
    assert r["cases"] > 0 and r["candidates"] == 20
    for m in DIAGNOSIS_METHODS:
        assert 0 <= r[m]["top1"] <= r[m]["top10"] <= 1 and 0 < r[m]["mrr"] <= 1
    # twins share every symptom: the overlap alone ties them, the model breaks the tie
    assert r["hybrid"]["mrr"] >= r["idf_overlap"]["mrr"]
    with pytest.raises(InputError, match="positive sum"):
        evaluate_diagnosis(tmp_path / "p", known=0, hidden=0, graph=tiny_graph)


def test_score_file_reads_quotes_as_data_skips_blank_lines_and_refuses_binary(tmp_path, treats):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text('compound_id\tdisease_id\nC0"\tD0\n\nC0\tD0\n   \nC7\tD1\n')
    out = tmp_path / "scores.tsv"
    with pytest.warns(UserWarning, match="1 of 3 pairs"):
        assert score_file("treats", pairs, out, predictor=treats) == {"rows": 3, "unknown": 1}
    lines = out.read_text().splitlines()
    assert [line.split("\t")[:2] for line in lines[1:]] == [['C0"', "D0"], ["C0", "D0"], ["C7", "D1"]]
    binary = tmp_path / "pairs.bin"
    binary.write_bytes(b"compound_id\tdisease_id\n\xff\xfe\x00\x01\n")
    with pytest.raises(InputError, match="not UTF-8"):
        score_file("treats", binary, out, predictor=treats)
