"""Hetionet prior import and the exports (HeteroData with id maps, networkx)."""

from __future__ import annotations

import gzip

import pytest

from medkg.kg import prior
from medkg.kg.errors import InputError
from medkg.kg.export import iter_fact_edges, to_heterodata, to_networkx
from medkg.kg.schema import NodeLabel, RelType, hetionet_concept


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


TINY_NODES = ["Compound::DB1\taspirin\tCompound", "Compound::DB2\tibuprofen\tCompound",
              "Disease::DOID:1\tpain\tDisease", "Anatomy::UBERON:1\tbrain\tAnatomy",
              *(f"Gene::{i}\tG{i}\tGene" for i in range(1, 5))]
#: Three metaedges, interleaved, in batches of 2: an anatomy hub (MERGEd from the gene end), a gene-gene type, and
#: a duplicate line (line 2 repeats line 1, in the same batch).
TINY_EDGES = ["Compound::DB1\tCtD\tDisease::DOID:1", "Compound::DB1\tCtD\tDisease::DOID:1",
              "Anatomy::UBERON:1\tAdG\tGene::1", "Gene::1\tGiG\tGene::2", "Anatomy::UBERON:1\tAdG\tGene::2",
              "Gene::2\tGiG\tGene::3", "Compound::DB2\tCtD\tDisease::DOID:1", "Anatomy::UBERON:1\tAdG\tGene::3",
              "Gene::3\tGiG\tGene::4", "Anatomy::UBERON:1\tAdG\tGene::4", "Gene::4\tGiG\tGene::1"]


@pytest.fixture
def tiny_prior(tmp_path, monkeypatch):
    """A prior of a few nodes and edges in the shipped files' formats, in place of the shipped one."""
    with gzip.open(tmp_path / "nodes.tsv.gz", "wt") as fh:
        fh.write("\n".join(["id\tname\tkind", *TINY_NODES]) + "\n")
    with gzip.open(tmp_path / "edges.sif.gz", "wt") as fh:
        fh.write("\n".join(["source\tmetaedge\ttarget", *TINY_EDGES]) + "\n")
    monkeypatch.setattr(prior, "data_dir", lambda: tmp_path)
    prior.edge_counts()  # cached next to the file, as the shipped counts are
    return tmp_path


def graph_dump(store) -> tuple[list, list]:
    """Every node and relationship with its properties, in a stable order."""
    import json

    nodes = store.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.query("MATCH (s)-[r]->(o) RETURN s.id AS s, type(r) AS type, o.id AS o, properties(r) AS props")
    return (sorted(json.dumps(n, sort_keys=True) for n in nodes), sorted(json.dumps(r, sort_keys=True) for r in rels))


def edge_writes(store, monkeypatch, crash_at: int | None = None) -> list[tuple[str, str]]:
    """Record ``(metaedge, CREATE or MERGE)`` for each batch of edges written; optionally fail the Nth batch."""
    writes: list[tuple[str, str]] = []
    write_rows = store.write_rows

    def recording(query, rows, batch_size=5000, **params):
        if "metaedge" in params:
            writes.append((params["metaedge"], "MERGE" if "MERGE" in query else "CREATE"))
            if len(writes) == crash_at:
                raise ConnectionAbortedError("injected crash")
        return write_rows(query, rows, batch_size, **params)

    monkeypatch.setattr(store, "write_rows", recording)
    return writes


def test_prior_bulk_and_merge_paths_build_the_same_graph(graph_store, tiny_prior, monkeypatch):
    with monkeypatch.context() as patch:
        writes = edge_writes(graph_store, patch)
        counts = prior.load_prior(graph_store, batch_size=2)
    assert {k: n for k, n in counts.items() if n} == {"Anatomy": 1, "Compound": 2, "Disease": 1, "Gene": 4,
                                                      "AdG": 4, "CtD": 2, "GiG": 4}
    assert {path for _, path in writes} == {"CREATE"}  # a first load takes the bulk path
    bulk = graph_dump(graph_store)
    assert len(bulk[1]) == 10  # the duplicate line became one edge

    graph_store.clear()
    with monkeypatch.context() as patch, pytest.raises(ConnectionAbortedError):
        edge_writes(graph_store, patch, crash_at=4)  # each metaedge has one batch in when the load stops
        prior.load_prior(graph_store, batch_size=2)
    with monkeypatch.context() as patch:
        writes = edge_writes(graph_store, patch)
        prior.load_prior(graph_store, batch_size=2)
    assert {path for _, path in writes} == {"MERGE"}  # the resumed load MERGEs onto what is there
    assert graph_dump(graph_store) == bulk

    with monkeypatch.context() as patch:
        writes = edge_writes(graph_store, patch)
        prior.load_prior(graph_store, batch_size=2)
    assert graph_dump(graph_store) == bulk  # loading again changes nothing
    # only the type whose file count (3 lines) is not its edge count (2) is MERGEd again
    assert set(writes) == {("CtD", "MERGE")}


def test_prior_merges_onto_the_same_edge_extracted_from_text(graph_store, tiny_prior, monkeypatch):
    from medkg.kg.models import Concept, Provenance, Triple

    graph_store.add_triples([Triple(
        subject=Concept(label="Compound", id="DB1", name="aspirin"), predicate="TREATS",
        object=Concept(label="Disease", id="DOID:1", name="pain"),
        provenance=Provenance(doc_id="d1", sentence_index=0, start=0, end=7, text="aspirin")
    )])
    writes = edge_writes(graph_store, monkeypatch)
    prior.load_prior(graph_store, metaedges={"CtD"})
    assert writes == [("CtD", "MERGE")]  # an edge of the type is there: no bulk CREATE next to it
    rows = graph_store.query("MATCH (c)-[f:TREATS]->() RETURN c.id AS c, f.metaedge AS meta, "
                             "f.evidence_count AS n ORDER BY c")
    assert rows == [{"c": "DB1", "meta": "CtD", "n": 1}, {"c": "DB2", "meta": "CtD", "n": None}]


def test_load_prior_reads_the_edges_file_once(graph_store, monkeypatch):
    opened: list[str] = []
    open_file = prior._open

    def counting(path):
        opened.append(path.name)
        return open_file(path)

    monkeypatch.setattr(prior, "_open", counting)
    counts = prior.load_prior(graph_store, metaedges={"CtD", "DpS", "PCiC"}, batch_size=500)
    assert opened.count("edges.sif.gz") == 1 and (counts["CtD"], counts["DpS"], counts["PCiC"]) == (755, 3357, 1029)
    opened.clear()
    prior.load_prior(graph_store, metaedges={"CtD", "DpS", "PCiC"})
    assert "edges.sif.gz" not in opened  # everything is in already: nothing to read


def test_shipped_prior_lists_each_edge_once():
    """The bulk path of :func:`medkg.kg.prior.load_prior` de-duplicates within a batch only and relies on this."""
    with prior._open(prior.data_dir() / "edges.sif.gz") as fh:
        lines = fh.read().splitlines()
    assert len(set(lines)) == len(lines)


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
    from medkg.kg.export import patient_subgraph
    from medkg.kg.models import Concept, Finding, ImagingStudy, Patient, Provenance, Triple

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


def test_patient_subgraph_queries_do_not_grow_with_its_edges(graph_store, monkeypatch):
    from medkg.kg.export import patient_subgraph
    from medkg.kg.models import Concept, Provenance, Triple

    def mention(patient: str, obj: Concept, sentence: int, confidence: float) -> Triple:
        return Triple(subject=Concept(label="Patient", id=patient), predicate="MENTIONS", object=obj,
                      confidence=confidence, provenance=Provenance(doc_id=f"{patient}-d", sentence_index=sentence,
                                                                   start=0, end=4, text=f"{obj.id}#{sentence}"))

    def compound(i: int) -> Concept:
        return Concept(label="Compound", id=f"DB{i:05d}", name=f"c{i}")

    disease = Concept(label="Disease", id="DOID:9352", name="type 2 diabetes mellitus")
    triples = []
    for patient, n in (("P3", 2), ("P30", 29)):  # n compounds and the disease: n + 1 mentions
        triples += [mention(patient, disease, s, 0.5 + s / 10) for s in range(3)]
        triples += [mention(patient, compound(i), 9, 0.9) for i in range(n)]
    treats = [Triple(subject=compound(i), predicate="TREATS", object=disease, confidence=0.8,
                     provenance=Provenance(doc_id="pmid", sentence_index=i, start=0, end=4, text=f"treats {i}"))
              for i in range(29)]
    graph_store.add_triples(triples + treats)

    queries: list[str] = []
    query = graph_store.query
    monkeypatch.setattr(graph_store, "query", lambda q, *a, **k: queries.append(q) or query(q, *a, **k))
    sizes = {}
    for patient in ("P3", "P30"):
        queries.clear()
        _, edges = patient_subgraph(graph_store, patient)
        sizes[patient] = len(queries)
        mentions = {e["target"]: e["evidence"] for e in edges if e["type"] == "MENTIONS"}
        assert mentions["Disease:DOID:9352"] == ["DOID:9352#2", "DOID:9352#1"]  # strongest first, two per edge
        assert all(mentions[f"Compound:DB{i:05d}"] == [f"DB{i:05d}#9"] for i in range(len(mentions) - 1))
        treated = [e for e in edges if e["type"] == "TREATS"]
        assert sorted(e["evidence"][0] for e in treated) == sorted(f"treats {i}" for i in range(len(mentions) - 1))
        assert len(edges) == 2 * len(mentions) - 1
    assert sizes["P3"] == sizes["P30"]
