"""Predictions written back to the graph store as their own relationship type, never mixed with facts."""

from pathlib import Path

from medkg.gnn.checkpoint import Checkpoint
from medkg.gnn.predict import Predictor, predict_treatments, prediction_rows, write_predictions
from medkg.kg.models import Concept, Triple


def test_predictions_land_as_predicted_treats(graph_store, tiny_graph, treats_model):
    p = Predictor(Checkpoint(Path("."), treats_model.model.eval(), treats_model.config, tiny_graph.node_ids),
                  tiny_graph)
    preds = predict_treatments("D3", top=3, explain=False, predictor=p)
    rows = prediction_rows(p.task, preds, query_label="Disease", query_id="D3")
    graph_store.add_triples([Triple(subject=Concept(label="Compound", id=o["id"]), predicate="BINDS",
                                    object=Concept(label="Gene", id="G3")) for o in preds]
                            + [Triple(subject=Concept(label="Disease", id="D3"), predicate="ASSOCIATES",
                                      object=Concept(label="Gene", id="G3"))])
    assert write_predictions(graph_store, "treats", rows, model="tiny", version="1") == 3
    got = graph_store.query("MATCH (c:Compound)-[r:PREDICTED_TREATS]->(d:Disease {id: 'D3'}) "
                            "RETURN c.id AS c, r.rank AS rank, r.model AS model ORDER BY r.rank")
    assert [g["c"] for g in got] == [o["id"] for o in preds] and got[0]["model"] == "tiny"
    assert graph_store.counts()["relationships"].get("TREATS", 0) == 0  # no fact edge was written
    write_predictions(graph_store, "treats", rows[:1], model="tiny", version="2")  # replaces, not adds
    assert len(graph_store.query("MATCH ()-[r:PREDICTED_TREATS]->() RETURN r.rank AS rank")) == 1
