"""PNG plots for reports: a training curve and a segmentation overlay.

Figures are drawn on matplotlib's Agg canvas directly (``matplotlib.figure.Figure``), never through
``pyplot``: no global backend switch, no figure registry to leak, safe in servers, tests and threads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from medkg.kg.errors import InputError
from medkg.kg.files import make_private

#: Label colours of a segmentation overlay (label 1, 2, …; cycled for more labels).
MASK_COLORS = ("#e15759", "#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#edc948", "#76b7b2")


def plot_training_curve(history: Mapping[str, Sequence[float]], path: str | Path,
                        title: str = "Training") -> Path:
    """Plot each series of ``history`` (e.g. ``{"loss": [...], "val_auc": [...]}``) against epoch.

    Series whose name contains ``loss`` go on the left panel; all others (metrics, usually on a 0-1 scale) on a
    right panel, so a falling loss does not flatten the metrics. Non-finite values (a diverged epoch) are left
    as gaps rather than rejected, since that is exactly what a curve should show.
    """
    path = _png_path(path)
    if not isinstance(history, Mapping) or not history:
        raise InputError("history must be a non-empty dict of series name -> list of numbers")
    series: dict[str, np.ndarray] = {}
    for name, values in history.items():
        try:
            arr = np.asarray(values, dtype=float)
        except (TypeError, ValueError):
            raise InputError(f"history[{name!r}] must be a list of numbers") from None
        if arr.ndim != 1 or arr.size == 0:
            raise InputError(f"history[{name!r}] must be a non-empty list of numbers, got shape {arr.shape}")
        series[str(name)] = arr
    losses = {k: v for k, v in series.items() if "loss" in k.lower()}
    others = {k: v for k, v in series.items() if k not in losses}
    panels = [(p, label) for p, label in ((losses, "loss"), (others, "metric")) if p]

    fig, axes = _figure(ncols=len(panels), size=(5.5 * len(panels), 4.0))
    for ax, (group, ylabel) in zip(axes, panels):
        for name, arr in group.items():
            epochs = np.arange(1, arr.size + 1)
            ax.plot(epochs, arr, marker="o" if arr.size <= 30 else None, markersize=3, label=name)
        ax.set_xlabel("epoch")
        ax.set_ylabel(ylabel)
        ax.grid(True, alpha=0.3)
        ax.legend(loc="best", fontsize=8)
        if max(a.size for a in group.values()) <= 20:
            ax.set_xticks(range(1, max(a.size for a in group.values()) + 1))
    fig.suptitle(title)
    return _save(fig, path)


def plot_segmentation_overlay(image: np.ndarray, mask: np.ndarray, path: str | Path,
                              slice_index: int | None = None, title: str | None = None) -> Path:
    """Draw one slice of ``image`` in grey with ``mask`` labels over it (filled, translucent, outlined).

    ``image`` and ``mask`` are 2D ``(H, W)`` or 3D ``(X, Y, Z)`` arrays of the same shape (leading singleton
    channel axes are dropped); 3D volumes are cut along the last axis. Without ``slice_index`` the slice with the
    most labelled voxels is shown (the middle one if the mask is empty), so the picture shows the finding.
    """
    path = _png_path(path)
    img = _squeeze_leading(np.asarray(image), "image")
    msk = _squeeze_leading(np.asarray(mask), "mask")
    if img.ndim not in (2, 3):
        raise InputError(f"image must be 2D or 3D, got shape {np.shape(image)}")
    if msk.shape != img.shape:
        raise InputError(f"mask shape {np.shape(mask)} does not match image shape {np.shape(image)}")
    if not np.issubdtype(msk.dtype, np.integer) and not np.issubdtype(msk.dtype, np.bool_):
        if not np.all(np.isfinite(msk)) or np.any(msk != np.round(msk)):
            raise InputError("mask must hold integer labels (0 = background)")
    msk = msk.astype(np.int64)
    if msk.min(initial=0) < 0:
        raise InputError("mask labels must be >= 0")
    if img.ndim == 3:
        depth = img.shape[-1]
        if slice_index is None:
            per_slice = (msk > 0).reshape(-1, depth).sum(axis=0)
            slice_index = int(per_slice.argmax()) if per_slice.any() else depth // 2
        if not isinstance(slice_index, (int, np.integer)) or not -depth <= slice_index < depth:
            raise InputError(f"slice_index must be an integer in [0, {depth}), got {slice_index!r}")
        slice_index = int(slice_index) % depth
        img2, msk2 = img[..., slice_index], msk[..., slice_index]
    else:
        if slice_index not in (None, 0):
            raise InputError(f"slice_index must be None for a 2D image, got {slice_index!r}")
        img2, msk2 = img, msk

    fig, (ax,) = _figure(ncols=1, size=(5.5, 5.5))
    # Rows of the array are the first axis: transpose so that X runs left-right, as radiology viewers show it.
    finite = img2[np.isfinite(img2)]
    lo, hi = (np.percentile(finite, [1, 99]) if finite.size else (0.0, 1.0))
    ax.imshow(img2.T, cmap="gray", origin="lower", vmin=lo, vmax=hi if hi > lo else lo + 1, interpolation="nearest")
    labels = [int(v) for v in np.unique(msk2) if v > 0]
    if labels:
        top = max(labels)
        colors = [MASK_COLORS[(i - 1) % len(MASK_COLORS)] for i in range(1, top + 1)]
        overlay = np.ma.masked_equal(msk2.T, 0)
        ax.imshow(overlay, cmap=ListedColormap(colors), vmin=0.5, vmax=top + 0.5, alpha=0.45, origin="lower",
                  interpolation="nearest")
        for lab in labels:
            ax.contour((msk2.T == lab).astype(float), levels=[0.5], colors=[colors[lab - 1]], linewidths=1.2,
                       origin="lower")
        ax.legend(handles=[Patch(color=colors[lab - 1], label=f"label {lab}: {(msk2 == lab).sum()} px")
                           for lab in labels], loc="upper right", fontsize=8)
    ax.set_axis_off()
    where = f"slice {slice_index} of {img.shape[-1]}" if img.ndim == 3 else "2D image"
    ax.set_title(title or f"Segmentation overlay ({where})")
    return _save(fig, path)


def _squeeze_leading(arr: np.ndarray, name: str) -> np.ndarray:
    while arr.ndim > 2 and arr.shape[0] == 1:
        arr = arr[0]
    if arr.size == 0:
        raise InputError(f"{name} is empty")
    return arr


def _figure(ncols: int, size: tuple[float, float]):
    fig = Figure(figsize=size, dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    axes = [fig.add_subplot(1, ncols, i + 1) for i in range(ncols)]
    return fig, axes


def _png_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise InputError(f"path must end in .png, got {str(path)!r}")
    return path


def _save(fig, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    return make_private(path)  # a patient's scan overlay, a training curve: owner-only like every output

