"""The main job, end to end on the configured store (embedded ArcadeDB by default): ``medkg demo``.

1. load the Hetionet v1.0 prior;
2. extract triples from the bundled sample notes and abstracts (de-identified, with provenance) and fuse them;
3. segment the bundled synthetic brain MRI and attach its findings to a patient;
4. train the GNN briefly on the fused graph and write its predictions back as ``PREDICTED_*`` edges;
5. print a report: graph size, example Cypher queries with results, predicted treatments and a differential
   diagnosis with their explanation paths and cited sentences;
6. write an HTML page of one patient's subgraph and PNG plots, and print their paths.

Everything is computed live. A re-run reuses what is built (prior edges already loaded, documents already
extracted, a GNN checkpoint trained on the same graph) and is therefore faster, and it changes no counts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from medkg.gnn.checkpoint import load_checkpoint, save_path_model
from medkg.gnn.data import DEFAULT_EXCLUDED_METAEDGES
from medkg.gnn.evaluate import evaluate_all_pairs
from medkg.gnn.paths import fit_path_model
from medkg.gnn.pipeline import pipeline
from medkg.gnn.predict import (
    Predictor,
    StoreEvidence,
    diagnose,
    path_text,
    predict_treatments,
    prediction_rows,
    resolve_concept,
    write_predictions,
)
from medkg.gnn.tasks import resolve_task
from medkg.imaging.io import load_image
from medkg.imaging.pipeline import segment
from medkg.kg import cypher
from medkg.kg.export import iter_fact_edges, patient_subgraph
from medkg.kg.files import write_private_text
from medkg.kg.heterodata import build_heterodata
from medkg.kg.models import Concept
from medkg.kg.prior import load_prior
from medkg.kg.pseudonym import Pseudonymizer
from medkg.kg.schema import HETIONET_METAEDGES
from medkg.kg.store import connect
from medkg.nlp.extract import default_pipeline_factory, extract
from medkg.nlp.normalize import link_concept_id
from medkg.plots import plot_segmentation_overlay, plot_training_curve
from medkg.viz import render_subgraph_html

log = logging.getLogger(__name__)


def demo_prior_metaedges() -> list[str]:
    """The Hetionet edge types the demo's GNN reasons over: the shipped models' cut (94k of 993k edges), which
    leaves out the gene–gene, anatomy–gene, gene–pathway and compound–side-effect types (``--reasoning-prior``
    loads only these; the default loads all)."""
    return sorted(m for m in HETIONET_METAEDGES if m not in DEFAULT_EXCLUDED_METAEDGES and m != "AeG")
DEMO_PATIENT = "P-DEMO-001"  # the sample patient with multiple sclerosis and a brain MRI
DEMO_DISEASE = "multiple sclerosis"
DEMO_SYMPTOMS = ("fatigue", "paresthesia", "diplopia", "muscle spasticity")

# Example queries of the report: plain Cypher with parameters, the way a user would write them.
QUERY_PROBLEMS = (
    "MATCH (:Patient {id: $patient})-[m:MENTIONS]->(d:Disease) "
    "RETURN d.id AS id, d.name AS problem, m.evidence_count AS mentions, m.assertions AS assertions "
    "ORDER BY mentions DESC, problem")
QUERY_EXCLUDED = (
    "MATCH (:Patient {id: $patient})-[q:QUALIFIED {predicate: 'MENTIONS'}]->(d) "
    "RETURN d.name AS problem, head(labels(d)) AS label, q.assertion AS assertion ORDER BY assertion, problem")
QUERY_ADVERSE = (
    "MATCH (c:Compound)-[f:CAUSES]->(e) WHERE f.evidence_count > 0 "
    "WITH c, e, f ORDER BY f.evidence_count DESC, f.confidence_max DESC LIMIT $limit "
    "MATCH (ev:Evidence {edge: f.key}) "
    "RETURN c.name AS drug, e.name AS effect, f.evidence_count AS evidence, round(f.confidence_max * 100) / 100 "
    "AS confidence, collect(ev.doc_id + ' #' + toString(ev.sentence_index) + ': ' + ev.text)[0..2] AS sentences")
QUERY_IMAGING = (
    "MATCH (p:Patient)-[:HAS_STUDY]->(s:ImagingStudy)-[:HAS_FINDING]->(f:Finding) "
    "OPTIONAL MATCH (f)-[:SUGGESTS|LOCATED_IN]->(c) "
    "RETURN p.id AS patient, s.modality AS modality, f.label AS finding, round(f.volume_mm3) AS volume_mm3, "
    "round(f.max_diameter_mm * 10) / 10 AS diameter_mm, collect(c.name) AS concepts ORDER BY volume_mm3 DESC")


@dataclass
class DemoConfig:
    out: Path = Path("medkg-demo")
    docs: int | None = None  # limit the sample documents (tests use a few)
    prior_metaedges: list[str] | None = None  # these only; None: all 20 types, or the slice if not full_prior
    full_prior: bool = True  # all 20 shipped Hetionet edge types (993k edges; ~25 s bulk load on 2 cores)
    epochs: int = 60
    top: int = 5
    store: str | None = None
    progress: bool = True


@dataclass
class DemoReport:
    timings: dict[str, float] = field(default_factory=dict)
    graph: dict[str, dict[str, int]] = field(default_factory=dict)
    extraction: dict[str, Any] = field(default_factory=dict)
    imaging: dict[str, Any] = field(default_factory=dict)
    gnn: dict[str, Any] = field(default_factory=dict)
    queries: list[dict[str, Any]] = field(default_factory=list)
    treatments: list[dict[str, Any]] = field(default_factory=list)
    differential: list[dict[str, Any]] = field(default_factory=list)
    artifacts: dict[str, str] = field(default_factory=dict)
    patient: str = ""
    #: node and relationship counts the graph held before this run (empty: it started from an empty graph)
    graph_before: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def samples_dir() -> Path:
    return Path(str(resources.files("medkg.kg") / "data" / "samples"))


def _step(report: DemoReport, name: str, fn: Callable[[], Any]) -> Any:
    Console(stderr=True).print(f"[bold cyan]▶ {name}[/]")
    t = time.perf_counter()
    result = fn()
    report.timings[name] = round(time.perf_counter() - t, 1)
    return result


def _sample_inputs(cfg: DemoConfig) -> list[Path]:
    """The bundled notes and abstracts (the first ``cfg.docs`` of each when limited)."""
    src = samples_dir()
    if cfg.docs is None:
        return [src / "notes.jsonl", src / "abstracts.jsonl"]
    work = cfg.out / "inputs"
    work.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in ("notes.jsonl", "abstracts.jsonl"):
        lines = (src / name).read_text(encoding="utf-8").splitlines()
        if name == "notes.jsonl":  # keep the demo patient's notes first so a small run still has them
            lines.sort(key=lambda line: json.loads(line).get("patient_id") != DEMO_PATIENT)
        (work / name).write_text("\n".join(lines[: cfg.docs]) + "\n", encoding="utf-8")
        paths.append(work / name)
    return paths


def run(cfg: DemoConfig) -> DemoReport:
    cfg.out.mkdir(parents=True, exist_ok=True)
    report = DemoReport()
    patient = Pseudonymizer().patient(DEMO_PATIENT)  # notes are de-identified: the graph knows the pseudonym
    report.patient = patient
    with connect(cfg.store) as store:
        report.graph_before = _announce_existing(store, cfg)
        prior = _step(report, "load Hetionet prior",
                      lambda: load_prior(store, metaedges=cfg.prior_metaedges or (
                          None if cfg.full_prior else demo_prior_metaedges()), progress=cfg.progress))
        report.graph["prior_rows"] = prior
        report.extraction = _step(report, "extract and fuse sample documents", lambda: _extract(cfg, store))
        report.imaging = _step(report, "segment the demo MRI", lambda: _segment(cfg, store, patient))
        report.gnn = _step(report, "fit the reasoning models and write predictions",
                           lambda: _reason(cfg, store, report))
        report.graph = store.counts()
        report.queries = _step(report, "example queries", lambda: _queries(store, patient))
        report.artifacts |= _step(report, "write the HTML page and plots", lambda: _artifacts(cfg, store, patient,
                                                                                             report))
    write_private_text(cfg.out / "report.json", json.dumps(report.to_json(), indent=2, default=str))
    report.artifacts["report"] = str(cfg.out / "report.json")
    return report


def _announce_existing(store, cfg: DemoConfig) -> dict[str, int]:
    """Say once when the graph is not empty: the demo adds to it, reuses what is there, and its answers may
    include what other runs put in."""
    before = store.counts()
    nodes, rels = sum(before["nodes"].values()), sum(before["relationships"].values())
    if nodes:
        done = cfg.out / "triples.jsonl.done"
        Console(stderr=True).print(
            f"[yellow]The graph already holds {nodes:,} nodes and {rels:,} relationships: this run adds to it, reuses "
            f"the prior edge types already loaded{' and the documents listed in ' + str(done) if done.exists() else ''}"
            ", and its queries and predictions also see what other runs wrote.[/]")
    return {"nodes": nodes, "relationships": rels}


def _extract(cfg: DemoConfig, store) -> dict[str, Any]:
    factory = functools.partial(default_pipeline_factory, None, True)  # with relations
    rep = extract(_sample_inputs(cfg), cfg.out / "triples.jsonl", graph=True, store=store, progress=cfg.progress,
                  pipeline_factory=factory)
    d = rep.__dict__ if not hasattr(rep, "to_dict") else rep.to_dict()
    return {k: (round(v, 1) if isinstance(v, float) else v) for k, v in d.items() if not k.startswith("_")}


def _segment(cfg: DemoConfig, store, patient: str) -> dict[str, Any]:
    data = Path(str(resources.files("medkg.imaging") / "data"))
    model = Path(str(resources.files("medkg.imaging") / "models" / "demo3d"))
    # the raw id, as a scanner would give it: segment() pseudonymizes it to the same P-… as the notes
    res = segment(data / "demo_scan.nii.gz", model, cfg.out / "demo_scan_mask.nii.gz", patient_id=DEMO_PATIENT,
                  study_uid="demo-mri-brain-1", modality="MR", graph=True, store=store)
    if res.study is None or res.study.patient_id != patient:
        raise RuntimeError("the scan's patient did not join the notes' patient")
    truth = json.loads((data / "demo_scan_lesions.json").read_text())["lesions"]
    found = sorted((f.volume_mm3 or 0.0 for f in res.findings), reverse=True)
    known = sorted((les["volume_mm3"] for les in truth), reverse=True)
    return {"study_uid": res.study_uid, "mask": str(res.mask), "findings": len(res.findings),
            "volumes_mm3": [round(v, 1) for v in found], "true_volumes_mm3": [round(v, 1) for v in known]}


#: What the demo's GNN reasons over: the prior's edge types without the large gene–gene, anatomy–gene, pathway and
#: side-effect parts (899k of 993k edges, the same cut as the shipped models, see gnn/models/MODEL_CARD.md), plus
#: the relation types the extractor and imaging add.
TEXT_EDGE_TYPES = (("Compound", "CAUSES", "Disease"), ("Compound", "CAUSES", "Symptom"),
                   ("Disease", "DIAGNOSED_BY", "Procedure"), ("Finding", "SUGGESTS", "Disease"),
                   ("Finding", "LOCATED_IN", "Anatomy"))


def gnn_edge_types() -> list[tuple[str, str, str]]:
    prior = [tuple(x.value for x in HETIONET_METAEDGES[m]) for m in demo_prior_metaedges()]
    return list(dict.fromkeys(prior + list(TEXT_EDGE_TYPES)))


def _reason(cfg: DemoConfig, store, report: DemoReport) -> dict[str, Any]:
    """Fit (or reuse) one model per task on the fused graph, write predictions back, explain the top ones: the path
    model (DWPC + logistic regression) for treatments, the GNN for symptoms."""
    rows = list(iter_fact_edges(store, edge_types=gnn_edge_types()))
    labels = sorted({r[0] for r in rows} | {r[3] for r in rows})
    nodes = [Concept(label=lab, id=n["id"], name=n["name"]) for lab in labels
             for n in store.query(cypher.nodes_of(lab)) if n["id"]]
    graph = build_heterodata(rows, nodes)
    fingerprint = hashlib.sha1(json.dumps(
        {str(et): int(graph.data[et].edge_index.size(1)) for et in graph.data.edge_types}, sort_keys=True
    ).encode() + str(cfg.epochs).encode()).hexdigest()[:16]
    out: dict[str, Any] = {"graph_fingerprint": fingerprint, "edges": int(sum(
        graph.data[et].edge_index.size(1) for et in graph.forward_edge_types)), "models": {}}
    predictors = {}
    history: dict[str, list[float]] = {}
    for task in ("treats", "presents"):
        ckpt_dir = cfg.out / "gnn" / task
        stamp = ckpt_dir / "graph_fingerprint"
        reused = stamp.exists() and stamp.read_text() == fingerprint
        if not reused and task == "treats":  # the path model ranks held-out indications far better than the GNN
            t = resolve_task(task, graph)
            metrics = evaluate_all_pairs(t, graph=graph, methods=("paths", "degree"), splits=("edge",))
            save_path_model(ckpt_dir, fit_path_model(graph, t.edge_type), graph, graph_source="store",
                            metrics=metrics)
            stamp.write_text(fingerprint)
        elif not reused:
            result = pipeline(task, encoder="sage", graph=graph, graph_source="store", epochs=cfg.epochs,
                              eval_every=max(1, min(5, cfg.epochs)), evaluate=True, baselines=False, out=ckpt_dir)
            stamp.write_text(fingerprint)
            history |= _curves(task, result.history)
        ckpt = load_checkpoint(ckpt_dir, task=task)
        # a reused checkpoint runs on the same graph with its own node order
        g = build_heterodata(rows, nodes, node_ids=ckpt.node_ids) if reused else graph
        predictors[task] = Predictor(ckpt, g, StoreEvidence(store))
        metrics = json.loads((ckpt_dir / "metrics.json").read_text()) if (ckpt_dir / "metrics.json").exists() else {}
        out["models"][task] = {"name": ckpt.name, "version": ckpt.version, "reused": reused, "metrics": metrics}
    if history:
        (cfg.out / "gnn" / "history.json").write_text(json.dumps(history))
    elif (cfg.out / "gnn" / "history.json").exists():
        history = json.loads((cfg.out / "gnn" / "history.json").read_text())
    out["history"] = history

    p = predictors["treats"]
    treatments = predict_treatments(DEMO_DISEASE, top=cfg.top, explain=True, predictor=p, linker=link_concept_id)
    disease_id = p.graph.node_ids[p.task.target][resolve_concept(p.graph, DEMO_DISEASE, p.task.target, "disease",
                                                                  linker=link_concept_id)]
    written = write_predictions(store, p.task, prediction_rows(p.task, treatments, query_label=p.task.target,
                                                               query_id=disease_id),
                                model=p.ckpt.name, version=p.ckpt.version)
    q = predictors["presents"]
    differential = diagnose(list(DEMO_SYMPTOMS), top=cfg.top, explain=True, predictor=q, linker=link_concept_id)
    report.treatments = [_explained(t) for t in treatments]
    report.differential = [_explained(d) for d in differential]
    out["predictions_written"] = written
    return out


def _curves(task: str, rows: list[dict[str, Any]]) -> dict[str, list[float]]:
    """Per-epoch series for the training plot: losses as logged; validation metrics, logged every few epochs,
    held at their last value so every series has one point per epoch (timings are left out)."""
    keys = [k for k in dict.fromkeys(k for r in rows for k in r)
            if k != "epoch" and "second" not in k and "time" not in k]
    out: dict[str, list[float]] = {}
    for k in keys:
        last = None
        series = []
        for r in rows:
            if isinstance(r.get(k), (int, float)):
                last = float(r[k])
            series.append(last if last is not None else float("nan"))
        out[f"{task} {k}"] = series
    return out


def _explained(item: dict[str, Any]) -> dict[str, Any]:
    """A prediction with its paths as readable lines and each edge's evidence as citations."""
    lines = []
    for path in item.get("paths", []):
        text = path_text(path)
        cites = []
        for e in path["edges"]:
            for ev in e.get("evidence", [])[:2]:
                if ev.get("source") == "text":
                    cites.append(f"{e['rel']}: {ev.get('doc_id')} sentence {ev.get('sentence_index')} "
                                 f"[{ev.get('start')}:{ev.get('end')}] \"{ev.get('text')}\"")
                else:
                    cites.append(f"{e['rel']}: {ev.get('source')} ({ev.get('metaedge')})")
        lines.append({"text": text, "metapath": path["metapath"], "weight": path["weight"], "evidence": cites})
    keep = {k: v for k, v in item.items() if k not in ("paths", "symptoms")}
    return keep | {"explanation": lines}


def _queries(store, patient: str) -> list[dict[str, Any]]:
    out = []
    for title, q, params in (
        ("Problems of the demo patient (negated, possible, family and hypothetical excluded)",
         QUERY_PROBLEMS, {"patient": patient}),
        ("…and what was excluded from that list, with the reason", QUERY_EXCLUDED, {"patient": patient}),
        ("Extracted adverse drug effects with the sentences that support them", QUERY_ADVERSE, {"limit": 5}),
        ("Imaging findings with volumes", QUERY_IMAGING, {}),
    ):
        out.append({"title": title, "cypher": q, "params": params, "rows": store.query(q, params)})
    return out


def _artifacts(cfg: DemoConfig, store, patient: str, report: DemoReport) -> dict[str, str]:
    nodes, edges = patient_subgraph(store, patient)
    page = render_subgraph_html(nodes, edges, cfg.out / "patient_subgraph.html",
                                title=f"Subgraph around patient {patient}")
    arts = {"html": str(page)}
    if history := report.gnn.get("history"):
        arts["training_curve"] = str(plot_training_curve(history, cfg.out / "gnn_training_curve.png"))
    data = Path(str(resources.files("medkg.imaging") / "data"))
    scan = load_image(data / "demo_scan.nii.gz")
    mask = load_image(cfg.out / "demo_scan_mask.nii.gz").array
    arts["segmentation_overlay"] = str(plot_segmentation_overlay(np.asarray(scan.array), np.asarray(mask).astype(int),
                                                                 cfg.out / "segmentation_overlay.png"))
    return arts


def print_report(report: DemoReport) -> None:
    con = Console()
    con.rule("[bold]medkg demo report")
    t = Table(title="Graph size")
    t.add_column("kind")
    t.add_column("name")
    t.add_column("count", justify="right")
    for kind, table in report.graph.items():
        for k, v in table.items():
            t.add_row(kind, k, f"{v:,}")
    con.print(t)
    for q in report.queries:
        con.print(f"\n[bold]{escape(q['title'])}[/]\n[dim]{escape(q['cypher'])}[/]")
        for row in q["rows"][:10]:
            con.print("  " + json.dumps(row, default=str, ensure_ascii=False), markup=False)
        if not q["rows"]:
            con.print("  (no rows)")
    for title, items in ((f"Top predicted treatments for {DEMO_DISEASE}", report.treatments),
                         (f"Differential diagnosis for {', '.join(DEMO_SYMPTOMS)}", report.differential)):
        con.print(f"\n[bold]{title}[/]")
        for item in items:
            con.print(f"  {item.get('rank')}. {item.get('name')} ({item.get('id')}) score {item.get('score'):.3f}"
                      + (" [already a known fact]" if item.get("known") else ""),
                      markup=False)
            for path in item.get("explanation", [])[:3]:
                con.print(f"     via {path['text']}", markup=False)
                for ev in path.get("evidence", [])[:2]:
                    con.print(f"       {ev}", style="dim", markup=False)
    con.print("\n[bold]Timings (s)[/] " + json.dumps(report.timings))
    for k, v in report.artifacts.items():
        con.print(f"{k}: {v}")
