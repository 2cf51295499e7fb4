"""Segmentation quality of a model on image/mask folders: Dice, IoU, sensitivity, specificity, 95% Hausdorff.

All metrics are MONAI's, over the foreground labels (averaged when there are several). An optional ROI mask per
image restricts the evaluation to a region (a field of view, an organ): voxels outside it count for nothing, and
the Hausdorff distance is taken between the prediction and truth inside it. The Hausdorff distance is in mm (the
image spacing). Values that are undefined for an image (Dice of an empty truth and empty prediction, Hausdorff of
an empty side) are reported as ``None`` and left out of the mean.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import torch
from monai.metrics import (
    HausdorffDistanceMetric,
    compute_confusion_matrix_metric,
    compute_dice,
    compute_iou,
    get_confusion_matrix,
)
from monai.networks.utils import one_hot

from medkg.imaging.io import load_image, load_mask, pair_by_stem, roi_by_stem
from medkg.imaging.model import load_model, predict_probabilities, probabilities_to_mask
from medkg.kg.errors import InputError

METRICS = ("dice", "iou", "sensitivity", "specificity", "hd95_mm")


def segmentation_metrics(pred: np.ndarray, truth: np.ndarray, n_labels: int, spacing: tuple[float, ...],
                         roi: np.ndarray | None = None) -> dict[str, float | None]:
    """Metrics of one label map ``pred`` against ``truth`` (same shape; labels 0..n_labels)."""
    if pred.shape != truth.shape:
        raise InputError(f"prediction shape {pred.shape} does not match truth shape {truth.shape}")
    if roi is not None and roi.shape != truth.shape:
        raise InputError(f"roi shape {roi.shape} does not match truth shape {truth.shape}")
    n_cls = n_labels + 1
    p = one_hot(torch.from_numpy(pred.astype(np.int64))[None, None], n_cls)
    t = one_hot(torch.from_numpy(truth.astype(np.int64))[None, None], n_cls)
    if roi is not None:
        inside = torch.from_numpy(roi > 0)
        p_sel, t_sel = p[..., inside], t[..., inside]  # (1, C, N): voxels inside the ROI only
        p_hd, t_hd = p * inside, t * inside
    else:
        p_sel, t_sel, p_hd, t_hd = p, t, p, t
    out: dict[str, float | None] = {
        "dice": _mean(compute_dice(p_sel, t_sel, include_background=False, ignore_empty=True)),
        "iou": _mean(compute_iou(p_sel, t_sel, include_background=False, ignore_empty=True)),
    }
    cm = get_confusion_matrix(p_sel, t_sel, include_background=False)
    out["sensitivity"] = _mean(compute_confusion_matrix_metric("sensitivity", cm))
    out["specificity"] = _mean(compute_confusion_matrix_metric("specificity", cm))
    if not t_hd[:, 1:].any() or not p_hd[:, 1:].any():
        out["hd95_mm"] = None  # undefined without a surface on both sides (MONAI would warn and give inf/nan)
    else:
        hd = HausdorffDistanceMetric(include_background=False, percentile=95, reduction="none")
        with warnings.catch_warnings():  # MONAI 1.5+ warns about its own internal get_mask_edges call
            warnings.filterwarnings("ignore", message=".*always_return_as_numpy", category=FutureWarning)
            out["hd95_mm"] = _mean(hd(p_hd, t_hd, spacing=list(spacing)))
    return out


def _mean(values) -> float | None:
    arr = np.asarray(values.cpu() if hasattr(values, "cpu") else values, dtype=np.float64).ravel()
    arr = arr[np.isfinite(arr)]
    return round(float(arr.mean()), 6) if arr.size else None


def evaluate(model_dir: str | Path, images_dir: str | Path, masks_dir: str | Path,
             roi_dir: str | Path | None = None, device: str | None = None) -> dict:
    """Per-image and mean metrics of the model in ``model_dir`` on images paired with masks by file stem."""
    net, cfg = load_model(model_dir, device)
    pairs = pair_by_stem(images_dir, masks_dir)
    rois = roi_by_stem(roi_dir, [k for k, _, _ in pairs]) if roi_dir is not None else {}
    rows = []
    for key, img_path, mask_path in pairs:
        img = load_image(img_path, dims=cfg.dims, color=cfg.color)
        truth = load_mask(mask_path, like=img, n_labels=len(cfg.label_names), allow_empty=True)
        roi = load_mask(rois[key], like=img, allow_empty=False).array if roi_dir is not None else None
        probs = predict_probabilities(net, cfg, img.array, device, spacing=img.spacing)
        pred = probabilities_to_mask(probs, cfg.threshold)
        row = {"image": key, **segmentation_metrics(pred, truth.array, len(cfg.label_names), img.spacing, roi)}
        rows.append(row)
    mean = {}
    for m in METRICS:
        vals = [r[m] for r in rows if r[m] is not None and math.isfinite(r[m])]
        mean[m] = round(float(np.mean(vals)), 6) if vals else None
    return {"model": cfg.name, "version": cfg.version, "labels": list(cfg.label_names), "images": len(rows),
            "roi": roi_dir is not None, "per_image": rows, "mean": mean}
