"""A tiny synthetic graph with planted patterns, and models trained on it once per test session.

Treats: disease ``D{d}`` is treated by compounds ``C{6d}..C{6d+5}``, which resemble each other (a ring) and each
bind gene ``G{d}`` (associated with the disease) and a random decoy gene: a held-out treatment is recoverable
through Compound–RESEMBLES–Compound–TREATS–Disease. Presents: twin diseases ``D{2k}``, ``D{2k+1}`` resemble each
other and both present symptoms ``S{3k}..S{3k+2}``. The degree prior cannot solve either: all degrees are equal.
"""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

N_DISEASES = 20


def synthetic_rows(seed: int = 0) -> list[tuple[str, str, str, str, str]]:
    rng = random.Random(seed)
    rows = []
    for d in range(N_DISEASES):
        rows.append(("Disease", f"D{d}", "ASSOCIATES", "Gene", f"G{d}"))
        rows += [("Disease", f"D{d}", "PRESENTS", "Symptom", f"S{3 * (d // 2) + k}") for k in range(3)]
        if d % 2 == 0:
            rows.append(("Disease", f"D{d}", "RESEMBLES", "Disease", f"D{d + 1}"))
        for k in range(6):
            c = f"C{6 * d + k}"
            rows.append(("Compound", c, "TREATS", "Disease", f"D{d}"))
            rows.append(("Compound", c, "RESEMBLES", "Compound", f"C{6 * d + (k + 1) % 6}"))
            rows.append(("Compound", c, "BINDS", "Gene", f"G{d}"))
            rows.append(("Compound", c, "BINDS", "Gene", f"G{N_DISEASES + rng.randrange(20)}"))
    return rows


def synthetic_nodes():
    nodes = [SimpleNamespace(label="Disease", id=f"D{d}", name=f"disease {d}") for d in range(N_DISEASES)]
    nodes += [SimpleNamespace(label="Symptom", id=f"S{s}", name=f"symptom {s}") for s in range(30)]
    nodes += [SimpleNamespace(label="Compound", id=f"C{c}", name=f"compound {c}") for c in range(6 * N_DISEASES)]
    return nodes


@pytest.fixture(scope="session", autouse=True)
def _one_thread():
    """Tiny graphs train in seconds on one thread; two threads on a busy machine spin far longer."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def tiny_graph():
    from medkg.kg.heterodata import build_heterodata

    return build_heterodata(synthetic_rows(), synthetic_nodes())


def _train(task: str, graph, encoder: str = "rgcn"):
    from medkg.gnn.train import train

    return train(task, encoder, graph=graph, epochs=200, hidden=32, lr=0.01, weight_decay=1e-2, dropout=0.0,
                 eval_every=5, patience=10, negatives=4, seed=0)


@pytest.fixture(scope="session")
def treats_model(tiny_graph):
    return _train("treats", tiny_graph)


@pytest.fixture(scope="session")
def presents_model(tiny_graph):
    return _train("presents", tiny_graph)
