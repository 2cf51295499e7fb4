"""Scans at different voxel spacings: the network sees them at its own spacing, findings keep their size in mm³."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from medkg.imaging.io import save_nifti
from medkg.imaging.model import resample, resampled_shape
from medkg.imaging.pipeline import segment
from medkg.imaging.synthetic import make_case


def test_resample_keeps_extent_and_labels():
    assert resampled_shape((64, 64, 32), (1.0, 1.0, 2.0), (1.0, 1.0, 1.0)) == (64, 64, 64)
    labels = np.zeros((8, 8, 4), dtype=np.float32)
    labels[2:6, 2:6, 1:3] = 2
    up = resample(labels, (8, 8, 8), labels=True)
    assert set(np.unique(up)) == {0.0, 2.0} and up.sum() == pytest.approx(2 * labels.sum(), rel=0.01)
    probs = np.stack([np.full((4, 4, 4), 0.25, np.float32), np.full((4, 4, 4), 0.75, np.float32)])
    back = resample(probs, (6, 6, 6))
    assert back.shape == (2, 6, 6, 6) and np.allclose(back.sum(axis=0), 1.0, atol=1e-5)


def _model_at(tmp_path: Path, target_spacing) -> Path:
    src = Path(str(resources.files("medkg.imaging") / "models" / "demo3d"))
    dst = tmp_path / "model"
    shutil.copytree(src, dst)
    cfg = json.loads((dst / "config.json").read_text())
    cfg["target_spacing"] = target_spacing
    (dst / "config.json").write_text(json.dumps(cfg))
    return dst


def test_two_spacings_of_one_volume_give_the_same_finding_volumes(tmp_path):
    model = _model_at(tmp_path, [1.0, 1.0, 1.0])
    volumes = {}
    for name, shape, spacing in (("iso", (64, 64, 64), (1.0, 1.0, 1.0)), ("thick", (64, 64, 32), (1.0, 1.0, 2.0))):
        case = make_case(shape, spacing=spacing, n_lesions=2, radius_mm=(7.0, 9.0), noise=0.02, seed=3)
        path = save_nifti(case.image, case.affine, tmp_path / f"{name}.nii.gz")
        res = segment(path, model, tmp_path / f"{name}-mask.nii.gz", deid=False, device="cpu")
        volumes[name] = sum(f.volume_mm3 or 0.0 for f in res.findings)
        truth = float((case.mask > 0).sum()) * float(np.prod(spacing))
        assert volumes[name] == pytest.approx(truth, rel=0.15)  # the lesions are found
    assert volumes["thick"] == pytest.approx(volumes["iso"], rel=0.05)


def test_target_spacing_is_validated():
    from medkg.imaging.model import ModelConfig

    with pytest.raises(ValueError, match="target_spacing"):
        ModelConfig(dims=3, patch_size=(48, 48, 48), target_spacing=(1.0, 1.0))
    with pytest.raises(ValueError, match="target_spacing"):
        ModelConfig(dims=3, patch_size=(48, 48, 48), target_spacing=(1.0, 0.0, 1.0))
