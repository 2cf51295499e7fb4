"""The shipped demo model on the shipped demo scan recovers the known lesions."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from medkg import imaging
from medkg.imaging.io import load_image

DEMO_MODEL = Path(imaging.__file__).parent / "models" / "demo3d"
DEMO_SCAN = Path(imaging.__file__).parent / "data" / "demo_scan.nii.gz"
DEMO_TRUTH = Path(imaging.__file__).parent / "data" / "demo_scan_lesions.json"


@pytest.fixture(scope="module")
def demo_result(tmp_path_factory):
    from medkg.imaging.pipeline import segment

    out = tmp_path_factory.mktemp("demo") / "mask.nii.gz"
    return segment(DEMO_SCAN, DEMO_MODEL, out, patient_id="demo-patient")


def test_demo_mask_keeps_scan_geometry(demo_result):
    scan, mask = load_image(DEMO_SCAN), load_image(demo_result.mask)
    assert mask.array.shape == scan.array.shape
    np.testing.assert_allclose(mask.affine, scan.affine, atol=1e-5)


def test_demo_recovers_known_lesion_volumes_within_10_percent(demo_result):
    truth = json.loads(DEMO_TRUTH.read_text())["lesions"]
    assert len(demo_result.findings) == len(truth)
    for lesion in truth:
        # the finding whose world centroid is nearest the lesion centre
        f = min(demo_result.findings, key=lambda f: math.dist(f.centroid_mm, lesion["centre_mm"]))
        assert math.dist(f.centroid_mm, lesion["centre_mm"]) < 2.0
        assert f.volume_mm3 == pytest.approx(lesion["volume_mm3"], rel=0.10)
        assert f.concept is not None and f.concept.id == "DOID:2377"
        assert f.model == "medkg-demo3d" and 0.5 < f.confidence <= 1.0
