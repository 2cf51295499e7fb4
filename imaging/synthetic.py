"""Synthetic scans with known lesions, for tests, the demo model and measuring volume recovery.

A scan is a smooth ellipsoidal "body" on a dark background with a few bright ellipsoidal "lesions" whose
centres and radii are drawn in millimetres, so the same lesion list holds at any voxel spacing. Lesion edges are
anti-aliased (partial-volume blur of about one voxel), then a multiplicative bias field and Gaussian noise are
applied, so the boundary has to be learned, not thresholded. The ground-truth mask is the set of voxels whose
centre lies inside a lesion; :attr:`Lesion.volume_mm3` is the analytic ellipsoid volume.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from medkg.imaging.io import Scan, save_mask, save_nifti
from medkg.kg.errors import InputError


@dataclass(frozen=True)
class Lesion:
    centre_mm: tuple[float, ...]  # world coordinates (the scan's affine applied to the voxel centre)
    centre_voxel: tuple[float, ...]
    radii_mm: tuple[float, ...]
    volume_mm3: float  # analytic: 4/3·π·a·b·c in 3D; area π·a·b (mm²) in 2D
    voxel_count: int  # voxels of the ground-truth mask inside this lesion


@dataclass
class SyntheticCase:
    image: np.ndarray  # float32
    mask: np.ndarray  # uint8, 1 = lesion
    spacing: tuple[float, ...]
    affine: np.ndarray
    lesions: list[Lesion]


def make_case(shape: tuple[int, ...] = (64, 64, 64), spacing: tuple[float, ...] | None = None,
              n_lesions: int | tuple[int, int] = (1, 3), radius_mm: tuple[float, float] = (4.0, 10.0),
              elongation: float = 1.5, contrast: float = 0.5, noise: float = 0.05, bias: float = 0.2,
              seed: int | np.random.Generator | None = None) -> SyntheticCase:
    """One synthetic 2D or 3D scan (the dimensionality follows ``shape``).

    ``n_lesions`` is a count or an inclusive range; each radius is drawn from ``radius_mm`` and one axis may be
    stretched up to ``elongation`` times (ellipsoids); ``contrast`` is lesion minus tissue intensity; ``noise``
    the Gaussian sigma; ``bias`` the amplitude of the smooth multiplicative bias field.
    """
    ndim = len(shape)
    if ndim not in (2, 3) or min(shape) < 8:
        raise InputError(f"shape must be 2 or 3 sizes of at least 8, got {shape!r}")
    spacing = tuple(float(s) for s in (spacing or (1.0,) * ndim))
    if len(spacing) != ndim or min(spacing) <= 0:
        raise InputError(f"spacing must be {ndim} positive numbers, got {spacing!r}")
    if not 0 < radius_mm[0] <= radius_mm[1]:
        raise InputError(f"radius_mm must be (low, high) with 0 < low <= high, got {radius_mm!r}")
    if elongation < 1:
        raise InputError(f"elongation must be >= 1, got {elongation}")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    lo, hi = (n_lesions, n_lesions) if isinstance(n_lesions, int) else n_lesions
    count = int(rng.integers(lo, hi + 1))

    grids = np.meshgrid(*[np.arange(n, dtype=np.float32) * s for n, s in zip(shape, spacing)], indexing="ij")
    extent = np.array([n * s for n, s in zip(shape, spacing)])
    # body: a large ellipsoid filling most of the field of view
    centre = extent / 2 + rng.uniform(-0.05, 0.05, ndim) * extent
    semi = extent * rng.uniform(0.38, 0.46, ndim)
    r_body = np.sqrt(sum(((g - c) / a) ** 2 for g, c, a in zip(grids, centre, semi)))
    soft = max(spacing)
    image = 0.3 * _inside(r_body, semi.min(), soft) + 0.1

    mask = np.zeros(shape, dtype=np.uint8)
    lesions: list[Lesion] = []
    placed: list[tuple[np.ndarray, float]] = []
    for _ in range(200 * max(count, 1)):
        if len(lesions) >= count:
            break
        radii = np.full(ndim, rng.uniform(*radius_mm))
        radii[rng.integers(ndim)] *= rng.uniform(1.0, elongation)
        # keep the whole lesion inside the body and away from the other lesions
        c = centre + rng.uniform(-1, 1, ndim) * np.maximum(semi - radii * 1.3 - 2 * soft, 0) / math.sqrt(ndim)
        if any(np.linalg.norm(c - pc) < radii.max() + pr + 2 * soft for pc, pr in placed):
            continue
        r = np.sqrt(sum(((g - ci) / ai) ** 2 for g, ci, ai in zip(grids, c, radii)))
        inside = r <= 1.0
        if not inside.any():
            continue
        image += contrast * _inside(r, radii.min(), soft)
        mask[inside] = 1
        placed.append((c, float(radii.max())))
        vox = c / np.array(spacing)
        vol = (4.0 / 3.0 if ndim == 3 else 1.0) * math.pi * float(np.prod(radii))
        lesions.append(Lesion(tuple(round(float(v), 4) for v in c), tuple(round(float(v), 4) for v in vox),
                              tuple(round(float(v), 4) for v in radii), round(vol, 3), int(inside.sum())))

    if bias:
        coeffs = rng.normal(0, 1, (ndim, 2))
        field = sum(a * np.sin(math.pi * (g / e) + b) for (a, b), g, e in zip(coeffs, grids, extent))
        image = image * (1.0 + bias * field / max(np.abs(field).max(), 1e-6))
    if noise:
        image = image + rng.normal(0, noise, shape)
    affine = np.diag([*spacing, 1.0])
    if ndim == 3:
        affine[:3, 3] = -extent / 2  # centre the field of view at the world origin, like many scanners
        lesions = [Lesion(tuple(round(float(v), 4) for v in np.asarray(les.centre_mm) - extent / 2),
                          les.centre_voxel, les.radii_mm, les.volume_mm3, les.voxel_count) for les in lesions]
    return SyntheticCase(image.astype(np.float32), mask, spacing, affine, lesions)


def _inside(r: np.ndarray, radius_mm: float, soft_mm: float) -> np.ndarray:
    """1 inside the surface ``r = 1``, 0 outside, with a linear ramp about one voxel wide (partial volume)."""
    dist_mm = (r - 1.0) * radius_mm  # approximate signed distance to the surface
    return np.clip(0.5 - dist_mm / soft_mm, 0.0, 1.0).astype(np.float32)


def write_dataset(out: str | Path, n: int = 8, dims: int = 3, shape: tuple[int, ...] | None = None,
                  spacing: tuple[float, ...] | None = None, anisotropic: bool = False, seed: int = 0,
                  **case_kwargs: object) -> list[dict]:
    """Write ``n`` cases as ``out/images/case_XXX`` + ``out/masks/case_XXX`` and ``out/lesions.json``.

    3D cases are NIfTI (image as int16 "HU-like" values to keep files small), 2D cases PNG. With
    ``anisotropic`` each 3D case gets a random slice spacing between 1 and 2.5 mm.
    """
    if n < 1:
        raise InputError(f"n must be at least 1, got {n}")
    if dims not in (2, 3):
        raise InputError(f"dims must be 2 or 3, got {dims}")
    shape = shape or ((64, 64, 48) if dims == 3 else (128, 128))
    if len(shape) != dims:
        raise InputError(f"shape {shape} does not have {dims} sizes")
    out = Path(out)
    (out / "images").mkdir(parents=True, exist_ok=True)
    (out / "masks").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    records = []
    for i in range(n):
        sp = spacing
        if sp is None and anisotropic and dims == 3:
            sp = (1.0, 1.0, round(float(rng.uniform(1.0, 2.5)), 2))
        case = make_case(shape, spacing=sp, seed=rng, **case_kwargs)  # type: ignore[arg-type]
        name = f"case_{i:03d}"
        if dims == 3:
            img_path = save_nifti(np.round(case.image * 1000), case.affine, out / "images" / f"{name}.nii.gz",
                                  dtype=np.int16)
            like = Scan(case.image, case.spacing, case.affine, img_path, "nifti")
            mask_path = save_mask(case.mask, like, out / "masks" / f"{name}.nii.gz")
        else:
            img_path = out / "images" / f"{name}.png"
            Image.fromarray(np.clip(case.image * 255, 0, 255).astype(np.uint8)).save(img_path)
            like = Scan(case.image, case.spacing, case.affine, img_path, "2d")
            mask_path = save_mask(case.mask, like, out / "masks" / f"{name}.png")
        records.append({"case": name, "image": str(img_path.relative_to(out)),
                        "mask": str(mask_path.relative_to(out)), "spacing": list(case.spacing),
                        "lesions": [asdict(les) for les in case.lesions]})
    (out / "lesions.json").write_text(json.dumps(records, indent=1))
    return records


#: The bundled demo scan: drawn from the demo model's training distribution (1 mm in-plane, thicker slices) but
#: larger in-plane than its 48³ patch, so inference tiles it with the sliding window.
DEMO_SHAPE = (96, 96, 48)
DEMO_SPACING = (1.0, 1.0, 1.5)
DEMO_SEED = 3


def write_demo_scan(out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``demo_scan.nii.gz`` (int16) and ``demo_scan_lesions.json`` (ground truth) into ``out_dir``."""
    out = Path(out_dir)
    case = make_case(DEMO_SHAPE, spacing=DEMO_SPACING, n_lesions=3, radius_mm=(5.0, 10.0), seed=DEMO_SEED)
    scan = save_nifti(np.round(case.image * 1000), case.affine, out / "demo_scan.nii.gz", dtype=np.int16)
    truth = out / "demo_scan_lesions.json"
    truth.write_text(json.dumps({"scan": scan.name, "shape": list(DEMO_SHAPE), "spacing": list(DEMO_SPACING),
                                 "seed": DEMO_SEED, "lesions": [asdict(les) for les in case.lesions]}, indent=1))
    return scan, truth
