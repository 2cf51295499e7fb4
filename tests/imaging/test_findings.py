"""Findings from hand-made masks: exact physical sizes, world centroids, stable ids, concept mapping."""

from __future__ import annotations

import math

import numpy as np
import pytest

from medkg.imaging.findings import extract_findings
from medkg.kg.errors import InputError
from medkg.kg.models import Concept
from medkg.kg.schema import NodeLabel

KW = dict(study_uid="1.2.3", label_names=("lesion",), model="m", model_version="1")


def test_volumes_with_anisotropic_spacing_are_exact():
    mask = np.zeros((20, 20, 10), np.uint8)
    mask[2:5, 3:7, 1:3] = 1  # 3·4·2 = 24 voxels
    mask[10:18, 10:12, 5:10] = 1  # 8·2·5 = 80 voxels
    spacing = (0.5, 0.8, 2.5)  # 1.0 mm³ per voxel
    found = extract_findings(mask, spacing, **KW)
    assert [f.voxel_count for f in found] == [80, 24]
    assert [f.volume_mm3 for f in found] == [pytest.approx(80 * 1.0), pytest.approx(24 * 1.0)]
    assert all(f.area_mm2 is None for f in found)
    big = found[0]
    assert big.bbox_voxels == (10, 10, 5, 18, 12, 10)
    # farthest voxel centres: corners (10,10,5) and (17,11,9) -> (7·0.5, 1·0.8, 4·2.5) mm apart
    assert big.max_diameter_mm == pytest.approx(math.dist((0, 0, 0), (3.5, 0.8, 10.0)), abs=1e-3)
    # centroid in world coordinates through the affine (here spacing + an offset)
    affine = np.diag([*spacing, 1.0])
    affine[:3, 3] = (-5.0, 10.0, 100.0)
    moved = extract_findings(mask, spacing, affine, **KW)[0]
    centre_idx = np.array([13.5, 10.5, 7.0])
    assert moved.centroid_mm == pytest.approx(tuple(centre_idx * spacing + (-5.0, 10.0, 100.0)), abs=1e-4)


def test_oblique_affine_gives_world_diameter():
    mask = np.zeros((10, 10, 10), np.uint8)
    mask[2:7, 4, 4] = 1  # a line of 5 voxels along axis 0
    affine = np.eye(4)
    affine[:3, 0] = (0.0, 3.0, 4.0)  # axis 0 steps 5 mm obliquely
    (f,) = extract_findings(mask, (5.0, 1.0, 1.0), affine, **KW)
    assert f.max_diameter_mm == pytest.approx(20.0)
    assert f.volume_mm3 == pytest.approx(25.0)


def test_2d_area_confidence_and_connectivity():
    mask = np.zeros((12, 12), np.uint8)
    mask[1:4, 1:4] = 1
    mask[4, 4] = 1  # touches diagonally: the same component (8-connectivity)
    mask[8:10, 8:11] = 1
    probs = np.zeros((2, 12, 12), np.float32)
    probs[1] = 0.9
    probs[1, 8:10, 8:11] = 0.6
    probs[0] = 1 - probs[1]
    found = extract_findings(mask, (0.5, 2.0), probabilities=probs, **KW)
    assert [f.voxel_count for f in found] == [10, 6]
    assert [f.area_mm2 for f in found] == [pytest.approx(10.0), pytest.approx(6.0)]
    assert [round(f.confidence, 4) for f in found] == [0.9, 0.6]
    assert all(f.volume_mm3 is None and len(f.centroid_mm) == 2 for f in found)


def test_ids_are_stable_and_concepts_mapped():
    mask = np.zeros((8, 8, 8), np.uint8)
    mask[1:3, 1:3, 1:3] = 1
    mask[5:7, 5:7, 5:7] = 2
    concepts = {"lesion": Concept(label=NodeLabel.DISEASE, id="DOID:1319", name="brain cancer")}
    kw = {**KW, "label_names": ("lesion", "liver")}
    a = extract_findings(mask, (1, 1, 1), **kw, concepts=concepts)
    b = extract_findings(mask.copy(), (1, 1, 1), **kw, concepts=concepts)
    assert [f.id for f in a] == [f.id for f in b] and len({f.id for f in a}) == 2
    assert {f.label: f.concept.id if f.concept else None for f in a} == {"lesion": "DOID:1319", "liver": None}
    default = extract_findings(mask, (1, 1, 1), **kw)  # default map: organs -> UBERON
    assert {f.label: f.concept.id if f.concept else None for f in default} == {"lesion": None,
                                                                                 "liver": "UBERON:0002107"}
    other = extract_findings(mask, (1, 1, 1), **{**kw, "study_uid": "9.9"})
    assert not {f.id for f in other} & {f.id for f in a}


def test_empty_mask_has_no_findings_and_bad_input_is_rejected():
    assert extract_findings(np.zeros((4, 4, 4), np.uint8), (1, 1, 1), **KW) == []
    with pytest.raises(InputError, match="mask values must be in 0..1"):
        extract_findings(np.full((4, 4, 4), 2, np.uint8), (1, 1, 1), **KW)
    with pytest.raises(InputError, match="spacing must be 3 positive numbers"):
        extract_findings(np.ones((4, 4, 4), np.uint8), (1, 1), **KW)
    with pytest.raises(InputError, match="mask must be 2D or 3D"):
        extract_findings(np.ones((4,), np.uint8), (1,), **KW)
    tiny = np.zeros((6, 6, 6), np.uint8)
    tiny[0, 0, 0] = 1
    tiny[3:5, 3:5, 3:5] = 1
    assert [f.voxel_count for f in extract_findings(tiny, (1, 1, 1), **KW, min_voxels=2)] == [8]
