"""Hetionet prior import and the exports (HeteroData with id maps, networkx)."""

from __future__ import annotations

import gzip

import pytest

from kg import prior
from kg.errors import InputError
from kg.export import iter_fact_edges, to_heterodata, to_networkx
from kg.schema import NodeLabel, RelType, hetionet_concept


def test_hetionet_ids_map_to_concept_ids():
    assert hetionet_concept("Compound::DB00945") == (NodeLabel.COMPOUND, "DB00945")
    assert hetionet_concept("Symptom::D003371") == (NodeLabel.SYMPTOM, "MESH:D003371")
    assert hetionet_concept("Side Effect::C0002418") == (NodeLabel.SIDE_EFFECT, "UMLS:C0002418")
    assert hetionet_concept("Gene::1017") == (NodeLabel.GENE, "NCBIGene:1017")


def test_shipped_prior_has_the_documented_edge_counts():
    counts: dict[str, int] = {}
    for e in prior.read_edges(metaedges={"CtD", "DpS", "PCiC"}):
        counts[e.metaedge] = counts.get(e.metaedge, 0) + 1
    assert counts == {"CtD": 755, "DpS": 3357, "PCiC": 1029}


def test_malformed_edge_file_names_the_line(tmp_path):
    bad = tmp_path / "edges.sif.gz"
    with gzip.open(bad, "wt") as fh:
        fh.write("source\tmetaedge\ttarget\nCompound::DB1\tCtD\tDisease::DOID:1\nCompound::DB2\tCtD\n")
    with pytest.raises(InputError, match=":3: expected 3"):
        list(prior.read_edges(bad))
    with pytest.raises(InputError, match="unknown Hetionet metaedge"):
        list(prior.read_edges(metaedges={"XyZ"}))


def test_load_prior_is_idempotent_and_exports(graph_store):
    counts = prior.load_prior(graph_store, metaedges={"CtD", "PCiC"}, batch_size=400)
    assert counts["CtD"] == 755 and counts["PCiC"] == 1029
    first = graph_store.counts()
    assert first["relationships"] == {"INCLUDES": 1029, "TREATS": 755}
    prior.load_prior(graph_store, metaedges={"CtD"})
    assert graph_store.counts() == first
    [row] = graph_store.query("MATCH (c:Compound {id: 'DB00945'}) RETURN c.name AS name")
    assert row["name"] == "Acetylsalicylic acid"

    edges = list(iter_fact_edges(graph_store, [RelType.TREATS]))
    assert len(edges) == 755 and all(e[0] == "Compound" and e[3] == "Disease" for e in edges)

    graph = to_heterodata(graph_store, [RelType.TREATS])
    ei = graph.data["Compound", "TREATS", "Disease"].edge_index
    assert ei.shape == (2, 755)
    assert ("Disease", "rev_TREATS", "Compound") in graph.data.edge_types
    # id maps go back to concept ids
    pairs = {(graph.node_ids["Compound"][s], graph.node_ids["Disease"][t]) for s, t in ei.t().tolist()}
    assert pairs == {(e[1], e[4]) for e in edges}

    g = to_networkx(graph_store, [RelType.TREATS])
    assert g.number_of_edges() == 755
    assert g.nodes[("Compound", "DB00945")]["name"] == "Acetylsalicylic acid"
