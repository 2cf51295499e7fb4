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


def test_patient_subgraph_keeps_assertions_and_findings(graph_store):
    from kg.export import patient_subgraph
    from kg.models import Concept, Finding, ImagingStudy, Patient, Provenance, Triple

    pat = Concept(label="Patient", id="P1")

    def mention(obj: Concept, assertion: str, start: int) -> Triple:
        return Triple(subject=pat, predicate="MENTIONS", object=obj, assertion=assertion,
                      provenance=Provenance(doc_id="d1", sentence_index=0, start=start, end=start + 9,
                                            text="pneumonia" if obj.id == "MESH:D011014" else "sclerosis"))

    ms = Concept(label="Disease", id="DOID:2377", name="multiple sclerosis")
    pneu = Concept(label="Disease", id="MESH:D011014", name="pneumonia")
    graph_store.add_triples([mention(ms, "present", 0), mention(pneu, "negated", 20)])
    study = ImagingStudy(uid="s1", patient_id="P1", modality="MR")
    graph_store.add_imaging_study(Patient(id="P1"), study, [Finding(
        id="s1/1", study_uid="s1", label="lesion", concept=ms, volume_mm3=10.0, max_diameter_mm=3.0,
        centroid_mm=(0.0, 0.0, 0.0), bbox_voxels=(0, 0, 0, 1, 1, 1), voxel_count=8, confidence=0.9, model="m",
        model_version="1")])
    nodes, edges = patient_subgraph(graph_store, "P1")
    by_target = {(e["type"], e["target"]): e for e in edges}
    assert by_target[("MENTIONS", "Disease:DOID:2377")]["evidence"] == ["sclerosis"]
    assert by_target[("QUALIFIED", "Disease:MESH:D011014")]["assertion"] == "negated"
    assert ("HAS_FINDING", "Finding:s1/1") in by_target and ("SUGGESTS", "Disease:DOID:2377") in by_target
    assert {n["label"] for n in nodes} == {"Patient", "Disease", "ImagingStudy", "Finding"}
