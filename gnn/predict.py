"""Ranked predictions with explanations: drugs for a disease, diseases for a set of symptoms, pair scoring.

Scores come from a checkpoint run over its full message-passing graph. Explanations are the strongest supporting
paths between the two concepts in that graph (direct edges and two-hop paths such as
Compound–BINDS–Gene–ASSOCIATES–Disease or Compound–RESEMBLES–Compound–TREATS–Disease), weighted like Rephetio's
degree-weighted path count: each edge contributes ``(deg_out(u) * deg_in(v)) ** -0.4`` within its type, so paths
through hubs count less. Each edge carries its evidence: the Hetionet source for prior edges, or, for a graph
exported from the store, the supporting sentences the store keeps (:class:`StoreEvidence`).
"""

from __future__ import annotations

import csv
import difflib
import logging
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
import torch
from safetensors.torch import load_file

from medkg.gnn.checkpoint import SCORES_FILE, STATES_FILE, Checkpoint, load_checkpoint, load_graph_for
from medkg.gnn.evaluate import idf_overlap
from medkg.gnn.tasks import TASKS, Task
from medkg.gnn.train import node_states
from medkg.kg.errors import InputError
from medkg.kg.heterodata import EdgeType, GraphData, is_reverse, reverse_edge_type
from medkg.kg.schema import HETIONET_METAEDGES, RelType

log = logging.getLogger(__name__)

DAMPING = 0.4  # Rephetio's DWPC exponent
PRIOR_SOURCE = "Hetionet v1.0"

#: ``evidence(source_label, source_id, rel, target_label, target_id) -> list of evidence records``
EvidenceFn = Callable[[str, str, str, str, str], list[dict[str, Any]]]
#: ``(text, label) -> concept id or None``: resolves a name typed by a user (the application passes medkg's NLP
#: normalizer, :func:`medkg.nlp.normalize.link_concept_id`).
ConceptLinker = Callable[[str, str], "str | None"]


def prior_evidence(sl: str, sid: str, rel: str, tl: str, tid: str) -> list[dict[str, Any]]:
    """Evidence of an edge of the shipped prior: its dataset and metaedge."""
    meta = next((k for k, (s, r, t) in HETIONET_METAEDGES.items() if (s.value, r.value, t.value) == (sl, rel, tl)),
                None)
    return [{"source": PRIOR_SOURCE, "metaedge": meta}]


class StoreEvidence:
    """Evidence from the graph store: the extracted sentences (document, offsets) behind a fact edge.

    Edges with no stored evidence are prior edges (the store imports Hetionet without per-edge evidence nodes).
    """

    def __init__(self, store: Any, limit: int = 3) -> None:
        self.store, self.limit = store, limit

    def __call__(self, sl: str, sid: str, rel: str, tl: str, tid: str) -> list[dict[str, Any]]:
        rows = self.store.evidence("|".join((sl, sid, rel, tl, tid)), limit=self.limit)
        return [dict(r, source="text") for r in rows] or prior_evidence(sl, sid, rel, tl, tid)


class Predictor:
    """A checkpoint, its graph and the node states of one full forward pass (computed once).

    For a model of the shipped prior the states of the source and target types are cached in the checkpoint
    (``states.safetensors``), so scoring pairs needs neither the graph nor a forward pass; the graph is loaded on
    first use (names, explanations).
    """

    def __init__(self, ckpt: Checkpoint, graph: GraphData | None = None, evidence: EvidenceFn | None = None,
                 store: Any = None) -> None:
        self.ckpt, self._graph, self.store = ckpt, graph, store
        self.evidence = evidence or (StoreEvidence(store) if store is not None else prior_evidence)
        self.node_index = {nt: {c: i for i, c in enumerate(ids)} for nt, ids in ckpt.node_ids.items()}
        self._adj: dict[EdgeType, Any] = {}
        self._scores: torch.Tensor | None = None  # a path model's score of every pair
        prior = graph is None and ckpt.config["graph"]["source"] == "prior"
        if ckpt.kind == "paths":
            self.states = {}
            cached = ckpt.path / SCORES_FILE
            self._scores = (load_file(str(cached))["scores"] if prior and cached.is_file()
                            else torch.from_numpy(ckpt.model.score_matrix(self.graph)).float())
            return
        cache = ckpt.path / STATES_FILE
        if prior and cache.is_file():
            self.states = load_file(str(cache))
        else:
            self.states = node_states(ckpt.model, self.graph.data, torch.device("cpu"))

    @property
    def graph(self) -> GraphData:
        if self._graph is None:
            self._graph = load_graph_for(self.ckpt, store=self.store)
        return self._graph

    @property
    def task(self) -> Task:
        return Task(**self.ckpt.config["task"])

    # -- scores ----------------------------------------------------------------------------------------------
    def score_matrix(self, src: torch.Tensor | None = None) -> torch.Tensor:
        if self._scores is not None:
            return self._scores if src is None else self._scores[src]
        with torch.inference_mode():
            return self.ckpt.model.score_matrix(self.states, src)

    def score_index_pairs(self, src: torch.Tensor, dst: torch.Tensor) -> torch.Tensor:
        if self._scores is not None:
            return self._scores[src, dst]
        with torch.inference_mode():
            return self.ckpt.model.score(self.states, src, dst)

    def score_pairs(self, src_ids: Sequence[str], dst_ids: Sequence[str]) -> list[float | None]:
        """Scores of concept-id pairs (higher = more likely); ``None`` where an id is not in the graph."""
        if len(src_ids) != len(dst_ids):
            raise InputError(f"src_ids and dst_ids differ in length ({len(src_ids)} vs {len(dst_ids)})")
        t = self.task
        si, ti = self.node_index.get(t.source, {}), self.node_index.get(t.target, {})
        s = np.fromiter((si.get(x, -1) for x in src_ids), dtype=np.int64, count=len(src_ids))
        d = np.fromiter((ti.get(x, -1) for x in dst_ids), dtype=np.int64, count=len(dst_ids))
        ok = (s >= 0) & (d >= 0)
        out = np.full(len(src_ids), np.nan)
        if ok.any():
            out[ok] = self.score_index_pairs(torch.from_numpy(s[ok]), torch.from_numpy(d[ok])).double().numpy()
        return [None if np.isnan(v) else float(v) for v in out]

    def is_known(self, src: int, dst: int) -> bool:
        return bool(self.adjacency(self.task.edge_type)[src, dst])

    # -- paths -----------------------------------------------------------------------------------------------
    def adjacency(self, et: EdgeType):
        if et not in self._adj:
            ei = self.graph.data[et].edge_index.numpy()
            shape = (self.graph.data[et[0]].num_nodes, self.graph.data[et[2]].num_nodes)
            self._adj[et] = sp.csr_matrix((np.ones(ei.shape[1], dtype=np.float32), (ei[0], ei[1])), shape=shape)
        return self._adj[et]

    def _deg(self, et: EdgeType, i: int) -> int:
        a = self.adjacency(et)
        return int(a.indptr[i + 1] - a.indptr[i])

    def _node(self, label: str, i: int) -> dict[str, Any]:
        return {"label": label, "id": self.graph.node_ids[label][i], "name": self.graph.name(label, i)}

    def _edge(self, et: EdgeType, u: int, v: int) -> dict[str, Any]:
        """An edge of a path in its asserted direction (a reverse type is shown as the forward fact)."""
        (sl, rel, tl), a, b = (reverse_edge_type(et), v, u) if is_reverse(et) else (et, u, v)
        sid, tid = self.graph.node_ids[sl][a], self.graph.node_ids[tl][b]
        return {"source": sid, "rel": rel, "target": tid, "evidence": self.evidence(sl, sid, rel, tl, tid)}

    def paths(self, src_label: str, src: int, dst_label: str, dst: int, *, k: int = 3,
              skip_direct: Iterable[EdgeType] = ()) -> list[dict[str, Any]]:
        """The ``k`` highest-weighted direct and two-hop paths from ``src`` to ``dst``.

        ``skip_direct``: edge types not to report as a one-edge path (the predicted relation itself, whose
        presence the ``known`` flag already says).
        """
        skip = set(skip_direct) | {reverse_edge_type(e) for e in skip_direct}
        ets = list(self.graph.data.edge_types)
        found: list[tuple[float, list[EdgeType], list[tuple[str, int]]]] = []
        for et in ets:  # direct edges
            if et not in skip and et[0] == src_label and et[2] == dst_label and self.adjacency(et)[src, dst]:
                w = (self._deg(et, src) * self._deg(reverse_edge_type(et), dst)) ** -DAMPING
                found.append((w, [et], [(src_label, src), (dst_label, dst)]))
        for e1 in ets:
            if e1[0] != src_label:
                continue
            a1 = self.adjacency(e1)
            mids1 = a1.indices[a1.indptr[src]:a1.indptr[src + 1]]
            if not mids1.size:
                continue
            for e2 in ets:
                if e2[0] != e1[2] or e2[2] != dst_label:
                    continue
                back = self.adjacency(reverse_edge_type(e2))
                mids = np.intersect1d(mids1, back.indices[back.indptr[dst]:back.indptr[dst + 1]])
                for m in mids.tolist():
                    if (e1[2], m) in ((src_label, src), (dst_label, dst)):
                        continue
                    w = ((self._deg(e1, src) * self._deg(reverse_edge_type(e1), m)) ** -DAMPING
                         * (self._deg(e2, m) * self._deg(reverse_edge_type(e2), dst)) ** -DAMPING)
                    found.append((w, [e1, e2], [(src_label, src), (e1[2], m), (dst_label, dst)]))
        found.sort(key=lambda p: -p[0])
        out = []
        for w, ets_, nodes in found[:k]:
            meta = nodes[0][0] + "".join(f"–{(reverse_edge_type(e) if is_reverse(e) else e)[1]}–{n[0]}"
                                         for e, n in zip(ets_, nodes[1:]))
            out.append({"weight": round(w, 6), "metapath": meta, "nodes": [self._node(*n) for n in nodes],
                        "edges": [self._edge(e, a[1], b[1]) for e, a, b in zip(ets_, nodes, nodes[1:])]})
        return out


def path_text(path: Mapping[str, Any]) -> str:
    """A path of :meth:`Predictor.paths` as one line, every edge in its stored direction:
    ``metformin -BINDS-> PRKAA1 <-ASSOCIATES- type 2 diabetes`` (the disease–gene fact is stored from the disease)."""
    nodes = path["nodes"]
    text = nodes[0].get("name") or nodes[0]["id"]
    for e, a, b in zip(path["edges"], nodes, nodes[1:]):
        forward = e["source"] == a["id"] and e["target"] == b["id"]
        text += f" -{e['rel']}-> " if forward else f" <-{e['rel']}- "
        text += b.get("name") or b["id"]
    return text


_PREDICTORS: dict[tuple[str, str], Predictor] = {}


def load_predictor(task: str, model_dir: str | Path | None = None, *, store: Any = None,
                   evidence: EvidenceFn | None = None) -> Predictor:
    """A :class:`Predictor` for ``task`` (cached per process for the shipped/prior models)."""
    key = (task, str(model_dir))
    if store is None and evidence is None and key in _PREDICTORS:
        return _PREDICTORS[key]
    ckpt = load_checkpoint(model_dir, task=task)
    pred = Predictor(ckpt, load_graph_for(ckpt, store=store) if store is not None else None, evidence, store)
    if store is None and evidence is None:
        _PREDICTORS[key] = pred
    return pred


# --------------------------------------------------------------------------------------------------- names


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def resolve_concept(graph: GraphData, text: str, label: str, param: str = "name", *,
                    linker: ConceptLinker | None = None) -> int:
    """Index of a concept given its id or name: the id itself, then ``linker`` (e.g. medkg's NLP normalizer, which
    knows synonyms; used when it links to a node of this graph), then an exact case-insensitive name match.
    Unknown → :class:`InputError` with suggestions; a name shared by several concepts → :class:`InputError`
    naming them."""
    text = text.strip()
    if not text:
        raise InputError(f"{param}: empty {label} name")
    i = graph.index(label, text)
    if i is not None:
        return i
    if linker is not None and (cid := linker(text, label)) is not None:
        i = graph.index(label, cid)
        if i is not None:
            return i
    names: dict[str, list[int]] = {}
    for j, n in enumerate(graph.names.get(label) or []):
        if n:
            names.setdefault(_fold(n), []).append(j)
    matches = names.get(_fold(text), [])
    if len(matches) == 1:
        return matches[0]
    if matches:  # never pick one of several concepts silently: the answer would depend on which
        ids = graph.node_ids[label]
        raise InputError(f"{param}: {text!r} is ambiguous, {len(matches)} {label} concepts have that name: "
                         f"{', '.join(ids[j] for j in matches[:10])}; give the id instead")
    close = difflib.get_close_matches(_fold(text), list(names), n=5, cutoff=0.6)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise InputError(f"{param}: no {label} named or identified {text!r} in the model's graph{hint}")


# --------------------------------------------------------------------------------------------------- tasks


def predict_treatments(disease: str, top: int = 10, explain: bool = True, *, model_dir: str | Path | None = None,
                       exclude_known: bool = False, paths: int = 3, predictor: Predictor | None = None,
                       linker: ConceptLinker | None = None) -> list[dict[str, Any]]:
    """Compounds ranked for ``disease`` (a name or id). ``known`` marks compounds the graph says treat it."""
    if top < 1:
        raise InputError(f"top must be >= 1, got {top}")
    p = predictor or load_predictor("treats", model_dir)
    t = p.task
    d = resolve_concept(p.graph, disease, t.target, "disease", linker=linker)
    scores = p.score_matrix()[:, d]
    known = p.adjacency(t.edge_type)[:, d].toarray().ravel() > 0
    order = torch.argsort(scores, descending=True).tolist()
    out = []
    for c in order:
        if exclude_known and known[c]:
            continue
        item = {"rank": len(out) + 1, **p._node(t.source, c), "score": float(scores[c]), "known": bool(known[c])}
        if explain:
            item["paths"] = p.paths(t.source, c, t.target, d, k=paths, skip_direct=[t.edge_type])
        out.append(item)
        if len(out) == top:
            break
    if explain and p.ckpt.kind == "paths":  # what the path model itself weighed, per prediction
        for item, why in zip(out, p.ckpt.model.contributions(p.graph, [(p.node_index[t.source][i["id"]], d)
                                                                         for i in out])):
            item["model_metapaths"] = why
    return out


def diagnose(symptoms: Sequence[str] | str, top: int = 10, explain: bool = True, *,
             model_dir: str | Path | None = None, paths: int = 3, predictor: Predictor | None = None,
             linker: ConceptLinker | None = None) -> list[dict[str, Any]]:
    """Diseases ranked for a set of symptoms (names or ids; a comma-separated string is split).

    A disease's score is the IDF-weighted overlap of the symptoms with those the graph links to it (a rare shared
    symptom counts more than a common one) plus the model's geometric-mean PRESENTS probability over the symptoms
    (at most 1: it breaks ties and ranks diseases the graph links to none of them). ``matched`` counts symptoms the
    graph links to the disease; ``probability`` is the model's part alone. ``medkg gnn evaluate --task presents``
    measures this against the overlap alone and the model alone.
    """
    if isinstance(symptoms, str):
        symptoms = [s for s in symptoms.split(",") if s.strip()]
    if not symptoms:
        raise InputError("symptoms: give at least one symptom name or id")
    if top < 1:
        raise InputError(f"top must be >= 1, got {top}")
    p = predictor or load_predictor("presents", model_dir)
    t = p.task
    sym = list(dict.fromkeys(resolve_concept(p.graph, s, t.target, "symptoms", linker=linker) for s in symptoms))
    logits = p.score_matrix()[:, sym]  # [diseases, symptoms]
    model = torch.nn.functional.logsigmoid(logits.double()).mean(1)
    known = p.adjacency(t.edge_type).toarray() > 0
    adj = known[:, sym]
    score = torch.from_numpy(idf_overlap(known.astype(np.float64), sym)) + model.exp()
    out = []
    for d in torch.argsort(score, descending=True)[:top].tolist():
        item = {"rank": len(out) + 1, **p._node(t.source, d), "score": float(score[d]),
                "probability": float(model[d].exp()), "matched": int(adj[d].sum()),
                "symptoms": [p._node(t.target, s) for s in sym]}
        if explain:
            found = [pt for s in sym for pt in p.paths(t.source, d, t.target, s, k=paths)]  # direct PRESENTS kept
            item["paths"] = sorted(found, key=lambda x: -x["weight"])[:paths * 2]
        out.append(item)
    return out


# --------------------------------------------------------------------------------------------------- scoring files

SCORE_COLUMNS: dict[str, tuple[str, str]] = {"treats": ("compound_id", "disease_id"),
                                             "presents": ("disease_id", "symptom_id")}


def score_file(task: str, pairs: str | Path, out: str | Path, *, model_dir: str | Path | None = None,
               predictor: Predictor | None = None) -> dict[str, int]:
    """Score every row of a TSV of id pairs into ``out`` (input columns + ``score``), in input order.

    Unknown ids get an empty score and one warning naming how many rows and a few of the ids. Fields are never
    quoted (a ``"`` is part of an id), blank lines are skipped, a file that is not UTF-8 text is an InputError.
    """
    if task not in SCORE_COLUMNS:
        raise InputError(f"task: scoring files exist for {', '.join(SCORE_COLUMNS)}, not {task!r}")
    a, b = SCORE_COLUMNS[task]
    try:  # ids are never quoted: a stray '"' is data, not the start of a field spanning lines
        with open(pairs, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
            header = next(reader, None)
            rows = [r for r in reader if any(c.strip() for c in r)]  # blank lines are not pairs
    except UnicodeDecodeError as exc:
        raise InputError(f"pairs: {pairs} is not UTF-8 text (byte {exc.start}): expected a TSV of ids") from None
    if header is None:
        raise InputError(f"pairs: {pairs} is empty (expected a header with {a} and {b})")
    header = [h.strip() for h in header]
    missing = [c for c in (a, b) if c not in header]
    if missing:
        raise InputError(f"pairs: {pairs} lacks column(s) {', '.join(missing)}; header is {header}")
    ia, ib = header.index(a), header.index(b)
    get = lambda r, i: r[i].strip() if i < len(r) else ""  # noqa: E731
    p = predictor or load_predictor(task, model_dir)
    scores = p.score_pairs([get(r, ia) for r in rows], [get(r, ib) for r in rows])
    unknown = [i for i, s in enumerate(scores) if s is None]
    if unknown:
        sample = ", ".join(f"{get(rows[i], ia)}/{get(rows[i], ib)}" for i in unknown[:5])
        warnings.warn(f"{len(unknown)} of {len(rows)} pairs have an id outside the model's graph and get an empty "
                      f"score (e.g. {sample})", UserWarning, stacklevel=2)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)
        w.writerow([*header, "score"])
        for r, s in zip(rows, scores):
            w.writerow([*r, "" if s is None else f"{s:.6f}"])
    return {"rows": len(rows), "unknown": len(unknown)}


# --------------------------------------------------------------------------------------------------- write-back


def prediction_rows(task: Task, predictions: Iterable[dict[str, Any]], *, query_label: str,
                    query_id: str) -> list[dict[str, Any]]:
    """Rows for ``store.write_predictions`` from ranked predictions made for one query concept."""
    rows = []
    for p in predictions:
        src, dst = (p["id"], query_id) if query_label == task.target else (query_id, p["id"])
        rows.append({"source_label": task.source, "source_id": src, "target_label": task.target, "target_id": dst,
                     "score": float(p["score"]), "rank": int(p["rank"])})
    return rows


def write_predictions(store: Any, task: str | Task, rows: list[dict[str, Any]], *, model: str, version: str) -> int:
    """Write prediction rows back as the task's ``PREDICTED_*`` relationship (never mixed with facts)."""
    t = task if isinstance(task, Task) else Task(**_task_dict(task))
    if not t.predicted_rel:
        raise InputError(f"task {t.name!r} has no PREDICTED_* relationship type to write to")
    return store.write_predictions(RelType(t.predicted_rel), rows, model, version)


def treatment_predictions_to_store(store: Any, diseases: Iterable[str], top: int = 10, *,
                                   model_dir: str | Path | None = None, linker: ConceptLinker | None = None) -> int:
    """Predict treatments for each disease and write them as ``PREDICTED_TREATS {score, rank, model, version}``.

    One call replaces this model's earlier ``PREDICTED_TREATS`` edges, so pass every disease wanted at once.
    """
    p = load_predictor("treats", model_dir)
    rows: list[dict[str, Any]] = []
    for d in diseases:
        preds = predict_treatments(d, top, explain=False, predictor=p, linker=linker)
        did = p.graph.node_ids[p.task.target][resolve_concept(p.graph, d, p.task.target, "diseases", linker=linker)]
        rows += prediction_rows(p.task, preds, query_label=p.task.target, query_id=did)
    return write_predictions(store, p.task, rows, model=p.ckpt.name, version=p.ckpt.version)


def _task_dict(name: str) -> dict[str, Any]:
    if name not in TASKS:
        raise InputError(f"task: unknown task {name!r}; valid: {', '.join(TASKS)}")
    return asdict(TASKS[name])
