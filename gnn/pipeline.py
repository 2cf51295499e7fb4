"""Train, evaluate and save in one call: the orchestration above :mod:`medkg.gnn.train`, which only trains.

Kept apart so that training never imports evaluation or checkpoints (they import it), and callers that want the
whole run (``medkg gnn train``, the main job) get the same steps with the same seed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medkg.gnn.checkpoint import save_checkpoint
from medkg.gnn.evaluate import evaluate_split
from medkg.gnn.tasks import Task
from medkg.gnn.train import TrainResult, train


def pipeline(task: str | Task = "treats", *, seed: int = 0, evaluate: bool = True, baselines: bool = True,
             kge: str = "distmult", kge_epochs: int = 60, out: str | Path | None = None, half: bool = False,
             **train_options: Any) -> TrainResult:
    """Train a link predictor (``train_options`` go to :func:`~medkg.gnn.train.train`), then optionally score it
    on the held-out test edges next to the baselines (``result.metrics``) and save it to ``out`` (fp16 weights with
    ``half``). Training and the KGE baseline share ``seed``."""
    result = train(task, seed=seed, **train_options)
    if evaluate:
        result.metrics = evaluate_split(result.model, result.graph, result.split, result.task, baselines=baselines,
                                        kge=kge, kge_epochs=kge_epochs, seed=seed)
    if out is not None:
        save_checkpoint(out, result, half=half)
    return result
