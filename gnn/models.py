"""Encoders, decoders and the link predictor that joins them, each picked through a resolver.

An encoder maps ``(x_dict, edge_index_dict)`` to new node states per type; a decoder scores ``(source, target)``
pairs of one relation from those states. :func:`resolve_encoder` / :func:`resolve_decoder` accept a registered
name, a class or a ready instance, so a user can plug in their own module without touching this file.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Mapping
from typing import Any

import torch
from torch import Tensor, nn
from torch_geometric.nn import HeteroConv, HGTConv, SAGEConv

from medkg.kg.errors import MedkgError

EdgeType = tuple[str, str, str]
Metadata = tuple[list[str], list[EdgeType]]


class ResolverError(MedkgError, ValueError):
    """An encoder/decoder name that is not registered."""


# --------------------------------------------------------------------------------------------------- encoders


class BasisRGCNConv(nn.Module):
    """``RGCNConv(aggr="mean", num_bases=B)`` computed per relation on the nodes that receive messages only.

    Same parameters and output as PyG's ``RGCNConv`` (``weight`` = bases, ``comp``, ``root``, ``bias``; a test
    checks the equivalence), but PyG's loop multiplies *every* node's aggregate by every relation's weight when
    pyg_lib is absent, which made CPU epochs on Hetionet ~10x slower. Means are linear, so
    ``mean_j(x_j) @ W_r`` is computed on each relation's distinct target nodes alone.
    """

    def __init__(self, channels: int, num_relations: int, num_bases: int) -> None:
        super().__init__()
        if num_bases < 1:
            raise ResolverError(f"num_bases must be >= 1, got {num_bases}")
        self.num_relations = num_relations
        self.weight = nn.Parameter(torch.empty(num_bases, channels, channels))
        self.comp = nn.Parameter(torch.empty(num_relations, num_bases))
        self.root = nn.Parameter(torch.empty(channels, channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        for p in (self.weight, self.comp, self.root):
            nn.init.xavier_uniform_(p)

    @staticmethod
    def group(edge_index: Tensor, edge_type: Tensor, num_relations: int) -> list[tuple[int, Tensor, Tensor, Tensor]]:
        """Per relation: ``(r, source nodes, distinct targets, each edge's position among them)``."""
        groups = []
        for r in range(num_relations):
            ei = edge_index[:, edge_type == r]
            if ei.size(1):
                uniq, local = torch.unique(ei[1], return_inverse=True)
                groups.append((r, ei[0], uniq, local))
        return groups

    def forward(self, x: Tensor, groups: list[tuple[int, Tensor, Tensor, Tensor]]) -> Tensor:
        weight = (self.comp @ self.weight.view(self.weight.size(0), -1)).view(self.num_relations, *self.root.shape)
        out = x @ self.root + self.bias
        for r, src, uniq, local in groups:
            agg = x.new_zeros(uniq.numel(), x.size(1)).index_add_(0, local, x[src])
            cnt = torch.bincount(local, minlength=uniq.numel()).clamp_(min=1).to(x.dtype)
            out.index_add_(0, uniq, (agg / cnt.unsqueeze(1)) @ weight[r])
        return out


class RGCNEncoder(nn.Module):
    """Relational GCN (Schlichtkrull et al. 2018) with basis decomposition, run on a homogeneous view.

    All node types share one index space (offsets in ``metadata`` order) and each edge type is a relation id, so
    ``num_bases`` shared bases cover all Hetionet relations (forward and reverse) with few parameters.
    """

    def __init__(self, metadata: Metadata, hidden: int = 64, layers: int = 2, num_bases: int = 4,
                 dropout: float = 0.1) -> None:
        super().__init__()
        self.node_types, self.edge_types = list(metadata[0]), list(metadata[1])
        self._rel = {et: i for i, et in enumerate(self.edge_types)}
        self.convs = nn.ModuleList(BasisRGCNConv(hidden, len(self.edge_types), num_bases) for _ in range(layers))
        self.dropout = dropout

    def forward(self, x_dict: Mapping[str, Tensor], edge_index_dict: Mapping[EdgeType, Tensor]) -> dict[str, Tensor]:
        offsets, start = {}, 0
        for nt in self.node_types:
            offsets[nt] = start
            start += x_dict[nt].size(0)
        x = torch.cat([x_dict[nt] for nt in self.node_types])
        groups = []
        for et, ei in edge_index_dict.items():
            if et in self._rel and ei.numel():
                uniq, local = torch.unique(ei[1], return_inverse=True)
                groups.append((self._rel[et], ei[0] + offsets[et[0]], uniq + offsets[et[2]], local))
        for i, conv in enumerate(self.convs):
            h = conv(x, groups)
            if i < len(self.convs) - 1:
                h = nn.functional.dropout(torch.relu(h), self.dropout, self.training)
            x = x + h  # residual: keeps each node's own embedding in its state
        return {nt: x[offsets[nt]:offsets[nt] + x_dict[nt].size(0)] for nt in self.node_types}


class HeteroSAGEEncoder(nn.Module):
    """``HeteroConv`` of one ``SAGEConv`` per edge type (mean over relations, so hubs stay bounded), residual."""

    conv_name = "sage"

    def __init__(self, metadata: Metadata, hidden: int = 64, layers: int = 2, dropout: float = 0.1,
                 **_: Any) -> None:
        super().__init__()
        self.edge_types = list(metadata[1])
        self.convs = nn.ModuleList(
            HeteroConv({et: SAGEConv((hidden, hidden), hidden) for et in self.edge_types}, aggr="mean")
            for _ in range(layers))
        self.dropout = dropout

    def forward(self, x_dict: Mapping[str, Tensor], edge_index_dict: Mapping[EdgeType, Tensor]) -> dict[str, Tensor]:
        x_dict = dict(x_dict)
        eid = {et: ei for et, ei in edge_index_dict.items() if et in self.edge_types}
        for i, conv in enumerate(self.convs):
            out = conv(x_dict, eid)
            new = {}
            for nt, x in x_dict.items():
                h = out.get(nt)
                if h is None:
                    new[nt] = x
                    continue
                if i < len(self.convs) - 1:
                    h = nn.functional.dropout(torch.relu(h), self.dropout, self.training)
                new[nt] = x + h
            x_dict = new
        return x_dict


class HGTEncoder(nn.Module):
    """Heterogeneous Graph Transformer (Hu et al. 2020): type-specific attention; slower on CPU than the others."""

    def __init__(self, metadata: Metadata, hidden: int = 64, layers: int = 2, heads: int = 2, dropout: float = 0.1,
                 **_: Any) -> None:
        super().__init__()
        self.metadata = (list(metadata[0]), list(metadata[1]))
        self.convs = nn.ModuleList(HGTConv(hidden, hidden, self.metadata, heads=heads) for _ in range(layers))
        self.dropout = dropout

    def forward(self, x_dict: Mapping[str, Tensor], edge_index_dict: Mapping[EdgeType, Tensor]) -> dict[str, Tensor]:
        x_dict = dict(x_dict)
        eid = {et: ei for et, ei in edge_index_dict.items() if et in self.metadata[1]}
        for conv in self.convs:
            out = conv(x_dict, eid)
            x_dict = {nt: x + nn.functional.dropout(out[nt], self.dropout, self.training)
                      if out.get(nt) is not None else x for nt, x in x_dict.items()}
        return x_dict


ENCODERS: dict[str, type[nn.Module]] = {"rgcn": RGCNEncoder, "sage": HeteroSAGEEncoder, "hgt": HGTEncoder}


# --------------------------------------------------------------------------------------------------- decoders


class DistMult(nn.Module):
    """``<h_s, r, h_t>``: symmetric in s and t, which is harmless here since source and target types differ."""

    def __init__(self, hidden: int) -> None:
        super().__init__()
        self.rel = nn.Parameter(torch.ones(hidden))
        self.bias = nn.Parameter(torch.zeros(()))

    def forward(self, h_src: Tensor, h_dst: Tensor) -> Tensor:
        return (h_src * self.rel * h_dst).sum(-1) + self.bias

    def score_matrix(self, h_src: Tensor, h_dst: Tensor) -> Tensor:
        return (h_src * self.rel) @ h_dst.T + self.bias


class ComplEx(nn.Module):
    """``Re(<h_s, r, conj(h_t)>)`` with the state split into real and imaginary halves (Trouillon et al. 2016)."""

    def __init__(self, hidden: int) -> None:
        super().__init__()
        if hidden % 2:
            raise ResolverError(f"ComplEx needs an even hidden size, got hidden={hidden}")
        half = hidden // 2
        self.rel_re = nn.Parameter(torch.ones(half))
        self.rel_im = nn.Parameter(torch.zeros(half))
        self.bias = nn.Parameter(torch.zeros(()))

    def _query(self, h_src: Tensor) -> Tensor:
        re, im = h_src.chunk(2, dim=-1)
        return torch.cat([re * self.rel_re - im * self.rel_im, re * self.rel_im + im * self.rel_re], -1)

    def forward(self, h_src: Tensor, h_dst: Tensor) -> Tensor:
        return (self._query(h_src) * h_dst).sum(-1) + self.bias

    def score_matrix(self, h_src: Tensor, h_dst: Tensor) -> Tensor:
        return self._query(h_src) @ h_dst.T + self.bias


class RotatE(nn.Module):
    """``b - ||h_s ∘ e^{iθ} - h_t||`` (Sun et al. 2019): the relation rotates the source in the complex plane."""

    def __init__(self, hidden: int) -> None:
        super().__init__()
        if hidden % 2:
            raise ResolverError(f"RotatE needs an even hidden size, got hidden={hidden}")
        self.phase = nn.Parameter(torch.empty(hidden // 2).uniform_(-math.pi, math.pi))
        self.bias = nn.Parameter(torch.tensor(1.0))

    def _rotate(self, h_src: Tensor) -> Tensor:
        re, im = h_src.chunk(2, dim=-1)
        c, s = torch.cos(self.phase), torch.sin(self.phase)
        return torch.cat([re * c - im * s, re * s + im * c], -1)

    def forward(self, h_src: Tensor, h_dst: Tensor) -> Tensor:
        return self.bias - (self._rotate(h_src) - h_dst).norm(dim=-1)

    def score_matrix(self, h_src: Tensor, h_dst: Tensor) -> Tensor:
        return self.bias - torch.cdist(self._rotate(h_src), h_dst)


DECODERS: dict[str, type[nn.Module]] = {"distmult": DistMult, "complex": ComplEx, "rotate": RotatE}


def _resolve(kind: str, registry: Mapping[str, type[nn.Module]], value: Any, **kwargs: Any) -> nn.Module:
    if isinstance(value, nn.Module):
        return value
    if isinstance(value, type) and issubclass(value, nn.Module):
        return value(**kwargs)
    if isinstance(value, str) and value.lower() in registry:
        return registry[value.lower()](**kwargs)
    raise ResolverError(f"unknown {kind} {value!r}; valid choices: {', '.join(registry)} "
                        f"(or an nn.Module class or instance)")


def resolve_encoder(encoder: str | type[nn.Module] | nn.Module, metadata: Metadata, **kwargs: Any) -> nn.Module:
    """An encoder from a name in :data:`ENCODERS`, a class (called with ``metadata`` and ``kwargs``) or an instance."""
    return _resolve("encoder", ENCODERS, encoder, metadata=metadata, **kwargs)


def resolve_decoder(decoder: str | type[nn.Module] | nn.Module, hidden: int) -> nn.Module:
    """A decoder from a name in :data:`DECODERS`, a class (called with ``hidden``) or an instance."""
    return _resolve("decoder", DECODERS, decoder, hidden=hidden)


def encoder_name(module: nn.Module) -> str:
    return next((k for k, v in ENCODERS.items() if type(module) is v), type(module).__name__)


def decoder_name(module: nn.Module) -> str:
    return next((k for k, v in DECODERS.items() if type(module) is v), type(module).__name__)


# --------------------------------------------------------------------------------------------------- model


class LinkPredictor(nn.Module):
    """Learnable node embeddings (plus projected text features when given) → encoder → decoder for one relation."""

    def __init__(self, num_nodes: Mapping[str, int], metadata: Metadata, source_type: str, target_type: str, *,
                 encoder: Any = "rgcn", decoder: Any = "distmult", hidden: int = 64,
                 feature_dims: Mapping[str, int] | None = None, **encoder_kwargs: Any) -> None:
        super().__init__()
        self.source_type, self.target_type, self.hidden = source_type, target_type, hidden
        self.emb = nn.ModuleDict({nt: nn.Embedding(n, hidden) for nt, n in num_nodes.items()})
        for e in self.emb.values():
            nn.init.normal_(e.weight, std=0.1)
        self.proj = nn.ModuleDict({nt: nn.Linear(d, hidden, bias=False) for nt, d in (feature_dims or {}).items()})
        self.encoder = resolve_encoder(encoder, metadata, hidden=hidden, **encoder_kwargs)
        self.decoder = resolve_decoder(decoder, hidden)

    def node_states(self, edge_index_dict: Mapping[EdgeType, Tensor],
                    x_dict: Mapping[str, Tensor] | None = None) -> dict[str, Tensor]:
        h = {nt: e.weight for nt, e in self.emb.items()}
        for nt, p in self.proj.items():
            if x_dict is None or nt not in x_dict:
                raise ResolverError(f"model was trained with text features for {nt!r}; pass them in x_dict")
            h[nt] = h[nt] + p(x_dict[nt])
        return self.encoder(h, edge_index_dict)

    def score(self, h: Mapping[str, Tensor], src: Tensor, dst: Tensor) -> Tensor:
        return self.decoder(h[self.source_type][src], h[self.target_type][dst])

    def score_matrix(self, h: Mapping[str, Tensor], src: Tensor | None = None) -> Tensor:
        hs = h[self.source_type] if src is None else h[self.source_type][src]
        return self.decoder.score_matrix(hs, h[self.target_type])


def has_neighbor_sampler() -> bool:
    """``LinkNeighborLoader`` needs ``pyg_lib`` or ``torch_sparse`` for sampling; without both we train full-batch."""
    return any(importlib.util.find_spec(m) is not None for m in ("pyg_lib", "torch_sparse"))
