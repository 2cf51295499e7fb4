"""Connected components of a label mask → :class:`medkg.kg.models.Finding` records.

Sizes are physical: volume (3D, mm³) or area (2D, mm²) is the voxel count times the voxel size from the spacing;
the largest diameter is the largest distance between two voxel centres of the component in world space (taken
over the convex hull of its boundary voxels, which holds every candidate pair, so it stays fast for big
components); the centroid is mapped through the affine into world coordinates.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import ndimage
from scipy.spatial import ConvexHull, QhullError
from scipy.spatial.distance import pdist

from medkg.kg.errors import InputError
from medkg.kg.models import Concept, Finding
from medkg.kg.schema import NodeLabel

#: Default label-name → concept map: organ labels name their UBERON Anatomy (ids as in Hetionet v1.0).
#: A lesion label names no disease by itself; a model states what its lesions suggest in its config.
DEFAULT_CONCEPTS: dict[str, Concept] = {
    name: Concept(label=NodeLabel.ANATOMY, id=uid, name=name)
    for name, uid in {
        "brain": "UBERON:0000955", "heart": "UBERON:0000948", "lung": "UBERON:0002048",
        "liver": "UBERON:0002107", "kidney": "UBERON:0002113", "pancreas": "UBERON:0001264",
        "prostate": "UBERON:0002367",
    }.items()
}


def extract_findings(mask: np.ndarray, spacing: Sequence[float], affine: np.ndarray | None = None, *,
                     study_uid: str, label_names: Sequence[str], model: str, model_version: str,
                     probabilities: np.ndarray | None = None, concepts: Mapping[str, Concept] | None = None,
                     min_voxels: int = 1) -> list[Finding]:
    """One Finding per connected component (full connectivity: 8 in 2D, 26 in 3D) of each foreground label.

    ``mask`` holds labels 0..len(label_names); ``probabilities`` (optional, ``(labels + 1, *mask.shape)``)
    gives each finding's confidence as the mean probability of its label over its voxels (1.0 without it, e.g.
    for a manual mask). ``concepts`` maps label names to concepts (default: :data:`DEFAULT_CONCEPTS`).
    Components smaller than ``min_voxels`` are dropped as noise.
    """
    mask = np.asarray(mask)
    ndim = mask.ndim
    if ndim not in (2, 3):
        raise InputError(f"mask must be 2D or 3D, got shape {mask.shape}")
    spacing = tuple(float(s) for s in spacing)
    if len(spacing) != ndim or min(spacing) <= 0:
        raise InputError(f"spacing must be {ndim} positive numbers for a {ndim}D mask, got {spacing!r}")
    if affine is None:
        affine = np.diag([*spacing, 1.0])
    affine = np.asarray(affine, dtype=np.float64)
    if affine.shape != (ndim + 1, ndim + 1):
        raise InputError(f"affine must be {ndim + 1}x{ndim + 1} for a {ndim}D mask, got {affine.shape}")
    if not label_names:
        raise InputError("label_names must name at least one foreground label")
    if mask.size and (mask.min() < 0 or mask.max() > len(label_names)):
        raise InputError(f"mask values must be in 0..{len(label_names)} (labels {list(label_names)}), got "
                         f"range [{mask.min()}, {mask.max()}]")
    if probabilities is not None and probabilities.shape != (len(label_names) + 1, *mask.shape):
        raise InputError(f"probabilities shape {probabilities.shape} does not match "
                         f"({len(label_names) + 1}, *{mask.shape})")
    if min_voxels < 1:
        raise InputError(f"min_voxels must be at least 1, got {min_voxels}")
    concepts = DEFAULT_CONCEPTS if concepts is None else concepts
    voxel_size = float(np.prod(spacing))
    structure = ndimage.generate_binary_structure(ndim, ndim)

    findings: list[Finding] = []
    for label_value, label in enumerate(label_names, start=1):
        components, n = ndimage.label(mask == label_value, structure=structure)
        if n == 0:
            continue
        slices = ndimage.find_objects(components)
        for comp_id, sl in enumerate(slices, start=1):
            local = components[sl] == comp_id
            count = int(local.sum())
            if count < min_voxels:
                continue
            offset = np.array([s.start for s in sl])
            idx = np.argwhere(local) + offset
            centroid = _to_world(affine, idx.mean(axis=0)[None])[0]
            boundary = local & ~ndimage.binary_erosion(local, structure=structure, border_value=0)
            diameter = _max_distance(_to_world(affine, np.argwhere(boundary) + offset))
            bbox = tuple(int(s.start) for s in sl) + tuple(int(s.stop) for s in sl)
            if probabilities is not None:
                conf = float(probabilities[label_value][sl][local].mean())
            else:
                conf = 1.0
            size = count * voxel_size
            findings.append(Finding(
                id=finding_id(study_uid, label, bbox, count),
                study_uid=study_uid, label=label, concept=concepts.get(label),
                volume_mm3=round(size, 4) if ndim == 3 else None,
                area_mm2=round(size, 4) if ndim == 2 else None,
                max_diameter_mm=round(diameter, 4),
                centroid_mm=tuple(round(float(c), 4) for c in centroid),
                bbox_voxels=bbox, voxel_count=count, confidence=min(max(conf, 0.0), 1.0),
                model=model, model_version=model_version,
            ))
    findings.sort(key=lambda f: (f.label, -f.voxel_count, f.bbox_voxels))
    return findings


def finding_id(study_uid: str, label: str, bbox: tuple[int, ...], voxel_count: int) -> str:
    """Stable id: the same component of the same study always gets the same id (re-segmenting is idempotent)."""
    payload = json.dumps([study_uid, label, list(bbox), voxel_count])
    return "finding:" + hashlib.sha1(payload.encode()).hexdigest()[:20]


def _to_world(affine: np.ndarray, idx: np.ndarray) -> np.ndarray:
    n = affine.shape[0] - 1
    return idx @ affine[:n, :n].T + affine[:n, n]


def _max_distance(points: np.ndarray) -> float:
    """Largest pairwise distance; the farthest pair always lies on the convex hull, so only its vertices count."""
    if len(points) < 2:
        return 0.0
    if len(points) > points.shape[1] + 1:
        centred = points - points.mean(axis=0)
        # a flat component (one slice, a line) has no full-dimensional hull: take it in its own subspace
        _, sv, vt = np.linalg.svd(centred, full_matrices=False)
        rank = int((sv > 1e-6 * max(sv[0], 1e-12)).sum())
        coords = centred @ vt[:rank].T
        if rank == 1:
            return float(coords.max() - coords.min())
        if rank >= 2 and len(points) > rank + 1:
            try:
                points = points[ConvexHull(coords).vertices]
            except QhullError:  # numerically degenerate: fall back to all points
                pass
    return float(pdist(points).max())
