import torch

from medkg.gnn.evaluate import degree_scores
from medkg.gnn.metrics import link_metrics, ranking_metrics
from medkg.gnn.tasks import split_from_json, split_graph
from medkg.kg.heterodata import reverse_edge_type


def _pairs(ei):
    return set(map(tuple, ei.T.tolist()))


def test_held_out_edges_and_their_reverses_stay_out_of_message_passing(tiny_graph):
    split = split_graph(tiny_graph, "treats", seed=3)
    target, rev = split.target, reverse_edge_type(split.target)
    held = _pairs(split.val_pos) | _pairs(split.test_pos)
    assert held and not held & _pairs(split.train_pos)
    for graph, hidden in ((split.train, held), (split.val, held), (split.test, _pairs(split.test_pos))):
        assert not hidden & _pairs(graph[target].edge_index)
        assert not hidden & _pairs(graph[rev].edge_index.flip(0))
    assert _pairs(split.val_pos) <= _pairs(split.test[target].edge_index)  # test graph sees val edges
    known = _pairs(tiny_graph.data[target].edge_index)
    assert not (_pairs(split.test_neg) | _pairs(split.val_neg)) & known  # negatives are non-edges


def test_split_survives_json(tiny_graph):
    split = split_graph(tiny_graph, "presents", seed=1)
    again = split_from_json(tiny_graph, split.to_json(tiny_graph))
    for k in ("train_pos", "val_pos", "test_pos", "val_neg", "test_neg"):
        assert _pairs(getattr(split, k)) == _pairs(getattr(again, k))


def test_filtered_ranking_skips_other_true_edges_and_splits_ties():
    scores = torch.tensor([[3.0, 5.0, 1.0, 1.0]])
    pos = torch.tensor([[0], [0]])
    assert ranking_metrics(scores, pos, pos)["mrr"] == 0.5  # one better candidate
    known = torch.tensor([[0, 0], [0, 1]])
    assert ranking_metrics(scores, pos, known)["mrr"] == 1.0  # ... which is a known edge: filtered
    tie = ranking_metrics(torch.tensor([[1.0, 1.0, 1.0]]), pos, pos)
    assert tie["mrr"] == 0.5  # three-way tie: rank 2


def test_planted_pattern_is_ranked_first(tiny_graph, treats_model):
    split = treats_model.split
    from medkg.gnn.train import node_states

    scores = treats_model.model.score_matrix(node_states(treats_model.model, split.test))
    m = link_metrics(scores, split)
    assert m["hits@1"] >= 0.75 and m["mrr"] >= 0.8, m
    assert m["mrr"] > link_metrics(degree_scores(split), split)["mrr"] + 0.3


def test_planted_symptoms_beat_the_degree_prior(tiny_graph, presents_model):
    from medkg.gnn.train import node_states

    split = presents_model.split
    scores = presents_model.model.score_matrix(node_states(presents_model.model, split.test))
    m = link_metrics(scores, split)
    assert m["mrr"] > link_metrics(degree_scores(split), split)["mrr"] + 0.15, m


def test_sage_encoder_learns_the_pattern_too(tiny_graph):
    from medkg.gnn.pipeline import pipeline

    r = pipeline("treats", encoder="sage", graph=tiny_graph, epochs=200, hidden=32, lr=0.01, weight_decay=1e-2,
                 dropout=0.0, patience=10, negatives=4, seed=0, evaluate=True, baselines=True, kge_epochs=20)
    assert r.metrics["model"]["mrr"] > r.metrics["degree_prior"]["mrr"] + 0.2, r.metrics
    assert set(r.metrics) >= {"model", "degree_prior", "degree_prior_all_edges", "kge_distmult"}
