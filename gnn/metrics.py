"""Link-prediction metrics of a score matrix: pure functions of scores and known edges, no training.

Ranking (filtered): each held-out ``(s, t)`` is ranked among *all* nodes of the target type for ``s`` ("tail") and
among all nodes of the source type for ``t`` ("head"); other known true edges are removed from the candidates, ties
count half. Classification: AUROC / AUPRC of held-out positives against the split's negatives, or (all-pairs)
against every pair that is not a training edge.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import Tensor

from medkg.gnn.tasks import Split
from medkg.kg.errors import InputError

HITS_AT = (1, 3, 10)


def ranking_metrics(scores: Tensor, pos: Tensor, known: Tensor, direction: str = "tail") -> dict[str, float]:
    """Filtered MRR and Hits@k of ``pos`` pairs in a full ``[n_source, n_target]`` score matrix."""
    if direction not in ("tail", "head"):
        raise InputError(f"direction must be 'tail' or 'head', got {direction!r}")
    if direction == "head":
        scores, pos, known = scores.T, pos.flip(0), known.flip(0)
    scores = scores.detach()
    if pos.size(1) == 0:
        return {"mrr": float("nan"), **{f"hits@{k}": float("nan") for k in HITS_AT}, "n": 0}
    scores = scores.float()
    mask = torch.zeros_like(scores, dtype=torch.bool)
    mask[known[0], known[1]] = True
    rows, other = scores[pos[0]], mask[pos[0]]
    other[torch.arange(pos.size(1)), pos[1]] = False  # the pair being ranked stays a candidate
    true = rows[torch.arange(pos.size(1)), pos[1]].unsqueeze(1)
    greater = ((rows > true) & ~other).sum(1)
    equal = ((rows == true) & ~other).sum(1)  # includes the pair itself
    rank = 1 + greater.double() + (equal.double() - 1) / 2
    out = {"mrr": float((1 / rank).mean())}
    out.update({f"hits@{k}": float((rank <= k).double().mean()) for k in HITS_AT})
    out["n"] = int(pos.size(1))
    return out


def binary_metrics(scores: Tensor, pos: Tensor, neg: Tensor) -> dict[str, float]:
    y = [1] * pos.size(1) + [0] * neg.size(1)
    s = torch.cat([scores[pos[0], pos[1]], scores[neg[0], neg[1]]]).float().numpy()
    if not pos.size(1) or not neg.size(1):
        return {"auroc": float("nan"), "auprc": float("nan")}
    return {"auroc": float(roc_auc_score(y, s)), "auprc": float(average_precision_score(y, s))}


def link_metrics(scores: Tensor, split: Split) -> dict[str, Any]:
    """All test metrics of one score matrix; the headline ranking is the tail one (rank the true target)."""
    scores = scores.detach()
    known = split.known("train", "val", "test")
    tail = ranking_metrics(scores, split.test_pos, known, "tail")
    head = ranking_metrics(scores, split.test_pos, known, "head")
    return {**{k: v for k, v in tail.items() if k != "n"}, **binary_metrics(scores, split.test_pos, split.test_neg),
            "head": {k: v for k, v in head.items() if k != "n"}}


def all_pairs_metrics(scores: np.ndarray, test: np.ndarray, train: np.ndarray) -> dict[str, Any]:
    """Rank held-out pairs among every pair of the universe that is not a training positive.

    AUROC / AUPRC: held-out positives against all other candidate pairs. MRR / Hits@k (filtered, ties half):
    each held-out pair's source ranked among all sources for its target ("which drugs for this disease") and its
    target among all targets for its source.
    """
    n_s, n_t = scores.shape
    flat = scores.ravel()
    y = np.zeros(flat.size, dtype=bool)
    y[test[0] * n_t + test[1]] = True
    candidate = np.ones(flat.size, dtype=bool)
    candidate[train[0] * n_t + train[1]] = False
    out: dict[str, Any] = {"auroc": float(roc_auc_score(y[candidate], flat[candidate])),
                           "auprc": float(average_precision_score(y[candidate], flat[candidate])),
                           "positives": int(y.sum()), "candidates": int(candidate.sum())}
    t = torch.from_numpy(scores).double()
    pos = torch.from_numpy(np.ascontiguousarray(test)).long()
    known = torch.from_numpy(np.concatenate([train, test], 1)).long()
    for direction, key in (("head", "rank_source"), ("tail", "rank_target")):
        m = ranking_metrics(t, pos, known, direction)
        out[key] = {k: v for k, v in m.items() if k != "n"}
    return out
