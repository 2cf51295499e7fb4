"""Which torch device a model runs on: one rule for every model in medkg (NER, relations, GNN, U-Net)."""

from __future__ import annotations

import torch

from medkg.kg.errors import InputError


def resolve_device(device: str | torch.device | None = None) -> torch.device:
    """``device`` as a torch device; None: CUDA when present, else the CPU. Asking for CUDA on a machine without it
    is an :class:`InputError` up front, not a failure halfway through a run."""
    if device is None:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        dev = torch.device(device)
    except (RuntimeError, TypeError) as err:
        raise InputError(f"device: {device!r} is not a torch device (cpu, cuda, cuda:1, …): {err}") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise InputError(f"device={str(device)!r} asked for, but CUDA is not available")
    return dev
