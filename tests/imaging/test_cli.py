"""The command line end to end on tiny synthetic data: synth → train → evaluate → segment."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from medkg.cli import app
from medkg.imaging.io import load_image, load_mask
from medkg.kg.errors import InputError

runner = CliRunner()


def _invoke(*args: str):
    res = runner.invoke(app, ["imaging", *args])
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.fixture(scope="module")
def tiny_2d(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny2d")
    _invoke("synth", "--out", str(root / "data"), "--n", "4", "--dims", "2", "--shape", "48,40", "--seed", "3")
    _invoke("train", "--images", str(root / "data" / "images"), "--masks", str(root / "data" / "masks"),
            "--out", str(root / "model"), "--epochs", "2", "--channels", "4,8", "--patch", "32",
            "--val-fraction", "0.25", "--threads", "1", "--version", "0.0.1")
    return root


def test_synth_writes_pairs_and_ground_truth(tiny_2d):
    records = json.loads((tiny_2d / "data" / "lesions.json").read_text())
    assert len(records) == 4 and all(r["lesions"] for r in records)
    img = load_image(tiny_2d / "data" / records[0]["image"], dims=2)
    mask = load_mask(tiny_2d / "data" / records[0]["mask"], like=img)
    assert mask.array.sum() == sum(les["voxel_count"] for les in records[0]["lesions"])


def test_train_writes_model_folder(tiny_2d):
    cfg = json.loads((tiny_2d / "model" / "config.json").read_text())
    assert cfg["dims"] == 2 and cfg["channels"] == [4, 8] and cfg["patch_size"] == [32, 32]
    assert cfg["version"] == "0.0.1" and cfg["training"]["val_images"] == 1
    assert (tiny_2d / "model" / "model.safetensors").stat().st_size > 0


def test_evaluate_json_reports_every_metric(tiny_2d):
    data = tiny_2d / "data"
    out = _invoke("evaluate", "--model", str(tiny_2d / "model"), "--images", str(data / "images"),
                  "--masks", str(data / "masks"), "--format", "json")
    report = json.loads(out)
    assert report["images"] == 4 and len(report["per_image"]) == 4
    assert set(report["mean"]) == {"dice", "iou", "sensitivity", "specificity", "hd95_mm"}
    for row in report["per_image"]:
        assert row["specificity"] is None or 0 <= row["specificity"] <= 1


def test_evaluate_roi_restricts_region(tiny_2d, tmp_path):
    from PIL import Image

    data = tiny_2d / "data"
    (tmp_path / "roi").mkdir()
    for p in sorted((data / "masks").iterdir()):
        Image.fromarray(np.asarray(Image.open(p))).save(tmp_path / "roi" / p.name)  # ROI = the lesions
    report = json.loads(_invoke("evaluate", "--model", str(tiny_2d / "model"), "--images", str(data / "images"),
                                "--masks", str(data / "masks"), "--roi", str(tmp_path / "roi"),
                                "--format", "json"))
    assert report["roi"] is True
    # inside an ROI that is all lesion there are no true negatives: specificity is undefined
    assert all(row["specificity"] is None for row in report["per_image"])


def test_segment_png_writes_mask_and_findings(tiny_2d, tmp_path):
    image = sorted((tiny_2d / "data" / "images").iterdir())[0]
    out = _invoke("segment", str(image), "--model", str(tiny_2d / "model"), "--out", str(tmp_path / "m.png"),
                  "--format", "json", "--min-voxels", "1")
    res = json.loads(out)
    mask = load_mask(tmp_path / "m.png", like=load_image(image), allow_empty=True)
    assert mask.array.shape == (48, 40)
    assert sum(f["voxel_count"] for f in res["findings"]) == int(mask.array.sum())
    assert res["study_uid"].startswith("S-") and res["model_version"] == "0.0.1"  # pseudonymized by default


def test_train_rejects_mismatched_pairs(tmp_path, tiny_2d):
    import shutil

    shutil.copytree(tiny_2d / "data" / "masks", tmp_path / "masks")
    (tmp_path / "masks" / "case_000.png").rename(tmp_path / "masks" / "other.png")
    res = runner.invoke(app, ["imaging", "train", "--images", str(tiny_2d / "data" / "images"), "--masks",
                              str(tmp_path / "masks"), "--out", str(tmp_path / "m"), "--epochs", "1"])
    assert isinstance(res.exception, InputError)
    assert "images without a mask: case_000.png" in str(res.exception)
    assert "masks without an image: other.png" in str(res.exception)


def test_segment_rejects_wrong_dimensionality(tiny_2d, tmp_path):
    from medkg.imaging.io import save_nifti

    vol = save_nifti(np.zeros((8, 8, 8), np.float32), np.eye(4), tmp_path / "vol.nii.gz")
    res = runner.invoke(app, ["imaging", "segment", str(vol), "--model", str(tiny_2d / "model"),
                              "--out", str(tmp_path / "m.png")])
    assert isinstance(res.exception, InputError)
    assert "vol.nii.gz: expected a 2D image, got 3D" in str(res.exception)
