"""The path model (gnn/paths.py): exact path counts, the planted pattern, determinism, checkpoints, full coverage."""

import csv
import gzip
import itertools
import random

import numpy as np
import pytest

from medkg.gnn.paths import DAMPING, Metapath, Step, dwpc, fit_path_model, graph_steps, metapaths, without_edges
from medkg.kg.heterodata import build_heterodata

TREATS = ("Compound", "TREATS", "Disease")


def _random_rows(seed: int = 1) -> list[tuple[str, str, str, str, str]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(40):
        rows.append(("Compound", f"C{rng.randrange(7)}", "BINDS", "Gene", f"G{rng.randrange(6)}"))
        rows.append(("Disease", f"D{rng.randrange(5)}", "ASSOCIATES", "Gene", f"G{rng.randrange(6)}"))
    for _ in range(12):
        a, b = rng.sample(range(7), 2)
        rows.append(("Compound", f"C{a}", "RESEMBLES", "Compound", f"C{b}"))
        rows.append(("Compound", f"C{rng.randrange(7)}", "TREATS", "Disease", f"D{rng.randrange(5)}"))
        a, b = rng.sample(range(5), 2)
        rows.append(("Disease", f"D{a}", "RESEMBLES", "Disease", f"D{b}"))
    return rows


def _brute_force(graph, mp: Metapath, damping: float) -> np.ndarray:
    """Enumerate node sequences, keep those without a repeated node, sum the degree-weighted products."""
    adj, deg_out, deg_in = {}, {}, {}
    for st in mp.steps:
        et = (st.target, st.rel, st.source) if st.reverse else (st.source, st.rel, st.target)
        ei = graph.data[et].edge_index.T.tolist()
        pairs = {(v, u) for u, v in ei} if st.reverse else {(u, v) for u, v in ei}
        if st.source == st.target and st.rel == "RESEMBLES":
            pairs |= {(v, u) for u, v in pairs}
        adj[st] = pairs
        deg_out[st] = {u: sum(1 for a, _ in pairs if a == u) for u, _ in pairs}
        deg_in[st] = {v: sum(1 for _, b in pairs if b == v) for _, v in pairs}
    types = mp.node_types()
    sizes = [graph.data[t].num_nodes for t in types]
    out = np.zeros((sizes[0], sizes[-1]))
    for seq in itertools.product(*(range(n) for n in sizes)):
        visited = list(zip(types, seq))
        if len(set(visited)) < len(visited):
            continue
        w = 1.0
        for st, u, v in zip(mp.steps, seq, seq[1:]):
            if (u, v) not in adj[st]:
                w = 0.0
                break
            w *= (deg_out[st][u] * deg_in[st][v]) ** -damping
        out[seq[0], seq[-1]] += w
    return out


def test_dwpc_counts_paths_not_walks_on_every_metapath_up_to_three_steps():
    graph = build_heterodata(_random_rows())
    paths = metapaths(graph_steps(graph), "Compound", "Disease", 3, exclude=[TREATS])
    assert len(paths) == 11
    assert all(not (len(p.steps) == 1 and p.steps[0].rel == "TREATS") for p in paths)
    assert any(p.name == "Compound–RESEMBLES–Compound-TREATS->Disease" for p in paths)
    for mp, got in dwpc(graph, paths, DAMPING):
        np.testing.assert_allclose(got, _brute_force(graph, mp, DAMPING), atol=1e-9, err_msg=mp.name)


def test_path_model_ranks_the_planted_treatments_first_like_the_gnn(tiny_graph):
    from medkg.gnn.evaluate import evaluate_all_pairs

    r = evaluate_all_pairs("treats", graph=tiny_graph, methods=("paths", "degree", "gnn"), splits=("edge",),
                           gnn={"epochs": 60, "eval_every": 5, "patience": 4})["by_edge"]
    assert r["paths"]["rank_target"]["hits@1"] == 1.0 and r["paths"]["rank_source"]["hits@1"] == 1.0, r["paths"]
    assert r["gnn"]["rank_target"]["hits@10"] == 1.0 and r["gnn"]["rank_target"]["mrr"] >= 0.5, r["gnn"]
    for method in ("paths", "gnn"):  # all degrees are equal: the prior is a coin toss here
        assert r[method]["auroc"] > r["degree"]["auroc"] + 0.2, (method, r[method], r["degree"])
    assert r["held_out"] == 24 and r["paths"]["candidates"] == 120 * 20 - 96


def test_held_out_edges_leave_the_graph_in_both_directions(tiny_graph):
    drop = tiny_graph.data[TREATS].edge_index[:, :5].numpy()
    g = without_edges(tiny_graph, TREATS, drop)
    assert g.data[TREATS].edge_index.size(1) == tiny_graph.data[TREATS].edge_index.size(1) - 5
    rev = g.data[("Disease", "rev_TREATS", "Compound")].edge_index
    assert not any((c, d) in set(map(tuple, drop.T.tolist())) for d, c in rev.T.tolist())
    assert tiny_graph.data[TREATS].edge_index.size(1) == 120  # the original is untouched


def test_scores_do_not_depend_on_row_order():
    from tests.gnn.conftest import synthetic_nodes, synthetic_rows

    rows = synthetic_rows()
    shuffled = rows[::-1]
    random.Random(3).shuffle(shuffled)
    a = build_heterodata(rows, synthetic_nodes())
    b = build_heterodata(shuffled, synthetic_nodes())
    sa = fit_path_model(a, TREATS).score_matrix(a)
    sb = fit_path_model(b, TREATS).score_matrix(b)
    assert a.node_ids == b.node_ids
    np.testing.assert_array_equal(sa, sb)


def test_path_checkpoint_round_trip_and_clear_errors(tmp_path, tiny_graph):
    from medkg.gnn.checkpoint import load_checkpoint, save_path_model
    from medkg.gnn.predict import Predictor
    from medkg.kg.errors import InputError

    model = fit_path_model(tiny_graph, TREATS)
    save_path_model(tmp_path / "p", model, tiny_graph, graph_source="custom")
    ckpt = load_checkpoint(tmp_path / "p", task="treats")
    assert ckpt.kind == "paths" and ckpt.name == "medkg-dwpc-logreg-treats" and ckpt.version == model.digest()
    p = Predictor(ckpt, tiny_graph)
    np.testing.assert_allclose(p.score_matrix().numpy(), model.score_matrix(tiny_graph), rtol=1e-5, atol=1e-5)
    assert p.score_pairs(["C0", "C999"], ["D0", "D0"])[1] is None
    with pytest.raises(InputError, match="different source and target"):
        fit_path_model(tiny_graph, ("Compound", "RESEMBLES", "Compound"))
    no_binds = build_heterodata([r for r in tiny_graph_rows() if r[2] != "BINDS"])
    with pytest.raises(InputError, match="BINDS"):
        model.score_matrix(no_binds)
    assert Metapath((Step("Compound", "BINDS", "Gene"), Step("Gene", "ASSOCIATES", "Disease", True))).name == \
        "Compound-BINDS->Gene<-ASSOCIATES-Disease"


def tiny_graph_rows():
    from tests.gnn.conftest import synthetic_rows

    return synthetic_rows()


def test_shipped_treats_model_scores_every_hetionet_compound_and_disease(tmp_path):
    from medkg.gnn.predict import score_file
    from medkg.kg.prior import data_dir

    compounds, diseases = [], []
    with gzip.open(data_dir() / "nodes.tsv.gz", "rt") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            {"Compound": compounds, "Disease": diseases}.get(row["kind"], []).append(row["id"].split("::", 1)[-1])
    assert len(compounds) == 1552 and len(diseases) == 137
    pairs = tmp_path / "pairs.tsv"
    rng = random.Random(0)
    chosen = [(c, rng.choice(diseases)) for c in compounds] + [(rng.choice(compounds), d) for d in diseases]
    pairs.write_text("compound_id\tdisease_id\n" + "".join(f"{c}\t{d}\n" for c, d in chosen))
    stats = score_file("treats", pairs, tmp_path / "out.tsv")
    assert stats == {"rows": len(chosen), "unknown": 0}
    rows = list(csv.DictReader((tmp_path / "out.tsv").open(), delimiter="\t"))
    assert [(r["compound_id"], r["disease_id"]) for r in rows] == chosen and all(r["score"] for r in rows)


def test_path_model_predictions_say_which_metapaths_the_model_weighed(tmp_path, tiny_graph):
    from medkg.gnn.checkpoint import load_checkpoint, save_path_model
    from medkg.gnn.predict import Predictor, predict_treatments

    drop = np.array([[0], [0]])  # C0 -TREATS-> D0, which its ring of similar compounds still treat
    g = without_edges(tiny_graph, TREATS, drop)
    save_path_model(tmp_path / "p", fit_path_model(g, TREATS), g, graph_source="custom")
    p = Predictor(load_checkpoint(tmp_path / "p"), g)
    (top, *_) = predict_treatments("D0", top=3, exclude_known=True, predictor=p)
    assert top["id"] == "C0"
    names = [m["metapath"] for m in top["model_metapaths"]]
    assert "Compound–RESEMBLES–Compound-TREATS->Disease" in names
    assert all(m["contribution"] > 0 for m in top["model_metapaths"])
    assert predict_treatments("D0", top=1, explain=False, predictor=p)[0].get("model_metapaths") is None
