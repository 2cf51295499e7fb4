from types import SimpleNamespace

import pytest

from medkg.kg.errors import InputError
from medkg.kg.heterodata import as_row, build_heterodata, reverse_edge_type
from medkg.kg.prior import PriorEdge
from medkg.kg.schema import NodeLabel, RelType


def test_rows_become_typed_edges_with_reverses_and_id_maps():
    rows = [("Compound", "DB1", "TREATS", "Disease", "DOID:1"), ("Compound", "DB2", "TREATS", "Disease", "DOID:1"),
            ("Compound", "DB1", "TREATS", "Disease", "DOID:1"),  # duplicate: merged
            PriorEdge(NodeLabel.COMPOUND, "DB2", RelType.BINDS, NodeLabel.GENE, "NCBIGene:7", "CbG")]
    g = build_heterodata(rows, [SimpleNamespace(label="Disease", id="DOID:9", name="lonely")])
    assert set(g.data.edge_types) == {("Compound", "TREATS", "Disease"), ("Disease", "rev_TREATS", "Compound"),
                                      ("Compound", "BINDS", "Gene"), ("Gene", "rev_BINDS", "Compound")}
    treats = g.data["Compound", "TREATS", "Disease"].edge_index
    assert treats.size(1) == 2
    assert g.data["Disease", "rev_TREATS", "Compound"].edge_index.flip(0).tolist() == treats.tolist()
    for nt, ids in g.node_ids.items():  # both directions of the id map agree
        assert all(g.node_index[nt][c] == i for i, c in enumerate(ids))
    assert g.index("Disease", "DOID:9") is not None and g.name("Disease", g.index("Disease", "DOID:9")) == "lonely"
    assert g.data["Compound"].num_nodes == 2


def test_isolated_nodes_only_on_request_and_fixed_vocabulary_drops_unknown_endpoints():
    rows = [("Compound", "DB1", "TREATS", "Disease", "DOID:1")]
    nodes = [SimpleNamespace(label="Disease", id="DOID:9", name="lonely")]
    assert build_heterodata(rows, nodes, keep_isolated=False).index("Disease", "DOID:9") is None
    fixed = {"Compound": ["DB1"], "Disease": ["DOID:1"]}
    g = build_heterodata(rows + [("Compound", "DB404", "TREATS", "Disease", "DOID:1")], node_ids=fixed)
    assert g.node_ids == fixed and g.data["Compound", "TREATS", "Disease"].edge_index.size(1) == 1


def test_the_graph_does_not_depend_on_row_order():
    """The same graph read in another order (another store, another ingest) gives identical tensors."""
    import random

    rows = [("Compound", f"DB{i}", "TREATS", "Disease", f"DOID:{i % 7}") for i in range(40)]
    rows += [("Disease", f"DOID:{i % 7}", "PRESENTS", "Symptom", f"D{i % 5}") for i in range(30)]
    nodes = [SimpleNamespace(label="Symptom", id=f"D{i}", name=f"s{i}") for i in range(8)]
    shuffled_rows, shuffled_nodes = rows[:], nodes[:]
    random.Random(3).shuffle(shuffled_rows)
    random.Random(4).shuffle(shuffled_nodes)
    a, b = build_heterodata(rows, nodes), build_heterodata(shuffled_rows[::-1], shuffled_nodes)
    assert a.node_ids == b.node_ids and list(a.node_ids) == sorted(a.node_ids)
    assert all(v == sorted(v) for v in a.node_ids.values())
    assert a.names == b.names and a.name("Symptom", a.index("Symptom", "D6")) == "s6"
    assert a.data.edge_types == b.data.edge_types
    for et in a.data.edge_types:
        assert a.data[et].edge_index.tolist() == b.data[et].edge_index.tolist()
    treats = a.data["Compound", "TREATS", "Disease"].edge_index
    assert {(a.node_ids["Compound"][s], a.node_ids["Disease"][t]) for s, t in treats.t().tolist()} \
        == {(r[1], r[4]) for r in rows if r[2] == "TREATS"}


def test_reverse_names_and_bad_rows():
    assert reverse_edge_type(("A", "R", "B")) == ("B", "rev_R", "A")
    assert reverse_edge_type(("B", "rev_R", "A")) == ("A", "R", "B")
    with pytest.raises(InputError, match="edge row"):
        as_row(("Compound", "DB1"))
    with pytest.raises(InputError, match="reserved"):
        build_heterodata([("A", "1", "rev_X", "B", "2")])
