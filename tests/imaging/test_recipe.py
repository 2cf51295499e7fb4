"""The 2D recipe's options (colour band, CLAHE, batch norm, clDice, patch sampling, tuned threshold, overlap) on tiny
synthetic data made here: recorded in config.json, applied the same way at inference, and absent from old configs."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from medkg.cli import app
from medkg.imaging.io import load_image
from medkg.imaging.model import (
    ModelConfig,
    clahe,
    load_config,
    load_model,
    predict_probabilities,
    preprocess,
    probabilities_to_mask,
)
from medkg.imaging.train import (
    DEFAULTS,
    best_threshold,
    resolve_settings,
    retune,
    train_transforms,
    validate_scores,
)
from medkg.kg.errors import InputError
from tests.imaging.test_cli import _invoke


@pytest.fixture(scope="module")
def vessels(tmp_path_factory):
    """Six 48x48 RGB 'fundus' images: dark lines on a bright disc, visible in the green band only."""
    root = tmp_path_factory.mktemp("vessels")
    rng = np.random.default_rng(0)
    for sub in ("images", "masks"):
        (root / sub).mkdir()
    yy, xx = np.mgrid[:48, :48]
    for i in range(6):
        mask = np.zeros((48, 48), np.uint8)
        for _ in range(3):
            if rng.random() < 0.5:
                mask[:, rng.integers(4, 44):][:, :2] = 1
            else:
                mask[rng.integers(4, 44):][:2] = 1
        rgb = np.zeros((48, 48, 3), np.float32)
        rgb[..., 0] = 180 + rng.normal(0, 20, (48, 48))  # red: bright, no vessel contrast
        rgb[..., 1] = 120 - 70 * mask + rng.normal(0, 8, (48, 48)) + 0.5 * xx  # green: dark vessels, a gradient
        rgb[..., 2] = 40 + rng.normal(0, 5, (48, 48))
        Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(root / "images" / f"f{i}.png")
        Image.fromarray(mask * 255).save(root / "masks" / f"f{i}.png")
    return root


@pytest.fixture(scope="module")
def recipe_model(vessels, tmp_path_factory):
    out = tmp_path_factory.mktemp("recipe") / "model"
    _invoke("train", "--images", str(vessels / "images"), "--masks", str(vessels / "masks"), "--out", str(out),
            "--epochs", "3", "--channels", "4,8", "--patch", "32", "--samples-per-image", "4",
            "--val-fraction", "0.34", "--threads", "1", "--norm", "batch", "--color", "green", "--clahe", "2",
            "--loss", "dice_ce_cldice", "--pos-neg", "3,1", "--tune-threshold", "--overlap", "0.5",
            "--val-every", "1", "--time-limit", "0", "--ema", "0.5", "--flip-tta")
    return out


def test_color_picks_a_band_of_a_colour_image(vessels):
    path = vessels / "images" / "f0.png"
    rgb = np.asarray(Image.open(path), dtype=np.float32)
    assert np.array_equal(load_image(path, color="green").array, rgb[..., 1])
    assert np.array_equal(load_image(path, color="red").array, rgb[..., 0])
    gray = np.asarray(Image.open(path).convert("L"), dtype=np.float32)
    assert np.array_equal(load_image(path).array, gray)  # default: luminance, as before
    with pytest.raises(InputError, match="color must be one of"):
        load_image(path, color="purple")


def test_color_leaves_grey_images_alone(tmp_path):
    arr = (np.arange(64, dtype=np.uint8).reshape(8, 8) * 3)
    Image.fromarray(arr).save(tmp_path / "g.png")
    assert np.array_equal(load_image(tmp_path / "g.png", color="green").array, arr.astype(np.float32))


def test_clahe_spreads_local_contrast_and_keeps_order():
    rng = np.random.default_rng(1)
    img = np.full((64, 80), 100.0, np.float32)
    img[:, 40:] = 200.0  # two regions of different brightness, each with a faint texture
    img += rng.normal(0, 2, img.shape).astype(np.float32)
    out = clahe(img, clip_limit=2.0, tiles=4)
    assert out.shape == img.shape and out.dtype == np.float32
    assert 0.0 <= out.min() and out.max() <= 1.0
    left, right = img[:, :30], out[:, :30]
    # the faint texture of the dark half gets a larger share of the output range than of the input range
    assert right.std() / (out.max() - out.min()) > 2 * left.std() / (img.max() - img.min())
    # equalisation is monotonic within a tile: brighter input, no darker output
    tile_in, tile_out = img[:16, :20].ravel(), out[:16, :20].ravel()
    order = np.argsort(tile_in)
    assert np.corrcoef(tile_in[order], tile_out[order])[0, 1] > 0.9
    assert not clahe(np.full((8, 8), 5.0)).any()  # a flat image has no contrast to spread
    with pytest.raises(InputError):
        clahe(np.zeros((4, 4, 4)))


def test_preprocess_applies_clahe_then_zscore():
    img = np.linspace(0, 255, 32 * 32, dtype=np.float32).reshape(32, 32)
    plain = preprocess(img, ModelConfig(dims=2, patch_size=(32, 32), channels=(4, 8), strides=(2,)))
    assert abs(plain.mean()) < 1e-5 and abs(plain.std() - 1) < 1e-3
    eq = preprocess(img, ModelConfig(dims=2, patch_size=(32, 32), channels=(4, 8), strides=(2,), clahe=2.0))
    assert abs(eq.mean()) < 1e-5 and not np.allclose(eq, plain, atol=1e-3)


def test_threshold_labels_foreground_from_its_probability():
    probs = np.stack([np.array([[0.7, 0.4], [0.2, 0.55]]), np.array([[0.3, 0.6], [0.8, 0.45]])])
    assert probabilities_to_mask(probs).tolist() == [[0, 1], [1, 0]]
    assert probabilities_to_mask(probs, 0.25).tolist() == [[1, 1], [1, 1]]
    assert probabilities_to_mask(probs, 0.7).tolist() == [[0, 0], [1, 0]]
    with pytest.raises(InputError):
        probabilities_to_mask(np.ones((3, 2, 2)) / 3, 0.5)


def test_best_threshold_finds_the_dice_optimum():
    truth = np.zeros(1000, bool)
    truth[:100] = True
    probs = np.where(truth, 0.35, 0.1)  # foreground probabilities all below 0.5: arg-max would find nothing
    dice, thr = best_threshold([probs], [truth])
    assert dice == pytest.approx(1.0) and 0.1 < thr <= 0.35
    assert best_threshold([probs], [np.zeros(1000, bool)]) == (0.0, 0.5)  # no foreground: nothing to tune


def test_config_validates_the_new_fields():
    base = {"dims": 2, "patch_size": (32, 32), "channels": (4, 8), "strides": (2,)}
    with pytest.raises(ValueError, match="clahe applies to 2D"):
        ModelConfig(clahe=2.0)
    with pytest.raises(ValueError, match="one-label"):
        ModelConfig(**base, label_names=("a", "b"), threshold=0.4)
    with pytest.raises(ValueError):
        ModelConfig(**base, norm="group")
    with pytest.raises(ValueError):
        ModelConfig(**base, color="cyan")


def test_an_old_config_loads_with_the_old_behaviour(tmp_path):
    """config.json written before these options existed: instance norm, luminance, no CLAHE, arg-max, 0.25."""
    old = {"name": "old", "version": "1", "dims": 2, "in_channels": 1, "label_names": ["lesion"],
           "channels": [4, 8], "strides": [2], "num_res_units": 1, "patch_size": [32, 32], "concepts": {},
           "training": {}}
    (tmp_path / "config.json").write_text(json.dumps(old))
    cfg = load_config(tmp_path)
    assert (cfg.norm, cfg.color, cfg.clahe, cfg.threshold, cfg.overlap) == ("instance", "gray", None, None, 0.25)
    demo = load_config("imaging/models/demo3d")
    assert (demo.norm, demo.color, demo.clahe, demo.threshold, demo.overlap) == ("instance", "gray", None, None,
                                                                                  0.25)


def test_defaults_depend_on_dimensionality():
    unset = {k: None for k in DEFAULTS[3]}
    three = resolve_settings(3, unset)
    assert three["channels"] == (8, 16, 32, 64) and three["norm"] == "instance" and three["clahe"] is None
    assert three["color"] == "gray" and three["tune_threshold"] is False and three["time_limit_s"] is None
    assert three["pos_neg"] == (2.0, 1.0) and three["samples_per_image"] == 2 and three["epochs"] == 50
    two = resolve_settings(2, unset)
    assert two["color"] == "green" and two["clahe"] and two["tune_threshold"] is True
    assert two["time_limit_s"] <= 1200  # the recipe ends within 20 minutes
    assert resolve_settings(2, {**unset, "clahe": 0, "time_limit_s": 0})["clahe"] is None
    assert two["strides"] == (2,) * (len(two["channels"]) - 1)
    # channels given without strides: every level halves, whatever the default strides are
    assert resolve_settings(2, {**unset, "channels": (4, 8)})["strides"] == (2,)
    assert resolve_settings(2, {**unset, "channels": (4, 8, 16), "strides": (1, 2)})["strides"] == (1, 2)
    with pytest.raises(InputError, match="loss"):
        resolve_settings(2, {**unset, "loss": "focal"})
    with pytest.raises(InputError, match="pos_neg"):
        resolve_settings(2, {**unset, "pos_neg": (0, 0)})
    with pytest.raises(InputError, match="ema"):
        resolve_settings(2, {**unset, "ema": 1.0})
    assert resolve_settings(2, {**unset, "ema": 0})["ema"] is None and two["ema"] is None


def test_flip_tta_makes_the_prediction_mirror_with_the_image(recipe_model, vessels):
    net, cfg = load_model(recipe_model, "cpu")
    image = load_image(vessels / "images" / "f1.png", color="green").array
    for tta in (True, False):
        c = cfg.model_copy(update={"flip_tta": tta})
        direct, mirrored = predict_probabilities(net, c, image), predict_probabilities(net, c, image[:, ::-1].copy())
        assert np.allclose(direct.sum(axis=0), 1, atol=1e-5)
        same = np.allclose(direct, mirrored[:, :, ::-1], atol=1e-5)
        assert same if tta else not same  # without it, a trained network is not mirror-symmetric


def _val_items(vessels, stems, color):
    """The validation images and masks as the trainer's validation reads them."""
    items = []
    for stem in stems:
        img = load_image(vessels / "images" / f"{stem}.png", color=color)
        lab = (np.asarray(Image.open(vessels / "masks" / f"{stem}.png")) > 0).astype(np.float32)
        items.append({"image": img.array[None], "label": lab[None], "spacing": img.spacing})
    return items


def test_rot90_tta_makes_the_prediction_turn_with_the_image(recipe_model, vessels):
    net, cfg = load_model(recipe_model, "cpu")
    image = load_image(vessels / "images" / "f1.png", color="green").array
    for tta in (True, False):
        c = cfg.model_copy(update={"flip_tta": True, "rot90_tta": tta})
        direct = predict_probabilities(net, c, image)
        turned = predict_probabilities(net, c, np.rot90(image).copy())
        same = np.allclose(direct, np.rot90(turned, -1, axes=(1, 2)), atol=1e-5)
        assert same if tta else not same  # flips alone do not include a quarter turn


def test_tune_rechooses_the_threshold_on_the_validation_images_only(recipe_model, vessels, tmp_path):
    import shutil

    model = tmp_path / "model"
    shutil.copytree(recipe_model, model)
    before = json.loads((model / "config.json").read_text())
    result = CliRunner().invoke(app, ["imaging", "tune", "--model", str(model), "--images", str(vessels / "images"),
                                      "--masks", str(vessels / "masks"), "--rot90-tta", "--threads", "1"])
    assert result.exit_code == 0, result.output
    after = json.loads((model / "config.json").read_text())
    assert after["rot90_tta"] is True and after["flip_tta"] is True and 0 < after["threshold"] < 1
    assert sorted(after["training"]["threshold_tuned_on"]) == sorted(before["training"]["val_stems"])
    net, cfg = load_model(model, "cpu")
    items = _val_items(vessels, before["training"]["val_stems"], cfg.color)
    dice, thr = validate_scores(net, cfg, items, tune_threshold=True)
    assert (round(dice, 5), thr) == (after["training"]["threshold_val_dice"], after["threshold"])
    train_only = tmp_path / "train_only"
    for sub in ("images", "masks"):
        (train_only / sub).mkdir(parents=True)
        for f in (vessels / sub).iterdir():
            if f.stem not in before["training"]["val_stems"]:
                shutil.copy(f, train_only / sub / f.name)
    with pytest.raises(InputError, match="none of the model's validation images"):
        retune(model, train_only / "images", train_only / "masks")


def test_train_records_the_recipe_and_inference_applies_it(recipe_model, vessels):
    cfg = json.loads((recipe_model / "config.json").read_text())
    assert (cfg["norm"], cfg["color"], cfg["clahe"], cfg["overlap"]) == ("batch", "green", 2.0, 0.5)
    assert 0 < cfg["threshold"] < 1  # tuned on the validation images
    assert cfg["training"]["loss"] == "dice_ce_cldice" and cfg["training"]["pos_neg"] == [3.0, 1.0]
    assert cfg["training"]["ema"] == 0.5 and cfg["flip_tta"] is True
    assert len(cfg["training"]["val_stems"]) == cfg["training"]["val_images"] == 2
    net, mc = load_model(recipe_model, "cpu")
    # the validation Dice the trainer recorded is what the saved model reproduces through the inference path
    items = _val_items(vessels, cfg["training"]["val_stems"], mc.color)
    dice, thr = validate_scores(net, mc, items, tune_threshold=True)
    # fp16 weights; the saved weights are the moving average that validation judged, not the raw ones
    assert dice == pytest.approx(cfg["training"]["best_val_dice"], abs=0.02)
    probs = predict_probabilities(net, mc, items[0]["image"][0])
    assert probs.shape == (2, 48, 48)


def test_evaluate_and_segment_use_the_tuned_threshold(recipe_model, vessels, tmp_path):
    report = json.loads(_invoke("evaluate", "--model", str(recipe_model), "--images", str(vessels / "images"),
                                "--masks", str(vessels / "masks"), "--roi", str(vessels / "masks"),
                                "--format", "json"))
    assert report["images"] == 6
    image = vessels / "images" / "f0.png"
    res = json.loads(_invoke("segment", str(image), "--model", str(recipe_model), "--out", str(tmp_path / "m.png"),
                             "--format", "json", "--min-voxels", "1"))
    net, cfg = load_model(recipe_model, "cpu")
    probs = predict_probabilities(net, cfg, load_image(image, color="green").array)
    expected = probabilities_to_mask(probs, cfg.threshold)
    written = np.asarray(Image.open(tmp_path / "m.png")) > 0
    assert np.array_equal(written, expected > 0)
    assert sum(f["voxel_count"] for f in res["findings"]) <= int(expected.sum())


def test_init_from_needs_the_same_norm(recipe_model, vessels, tmp_path):
    res = CliRunner().invoke(app, ["imaging", "train", "--images", str(vessels / "images"), "--masks",
                              str(vessels / "masks"), "--out", str(tmp_path / "m"), "--epochs", "1",
                              "--channels", "4,8", "--patch", "32", "--norm", "instance", "--init",
                              str(recipe_model), "--threads", "1"])
    assert isinstance(res.exception, InputError) and "norm" in str(res.exception)


def test_the_shipped_drive_model_loads_and_segments_a_colour_image(tmp_path):
    """imaging/models/drive (trained on DRIVE, research use only) on a synthetic image: no DRIVE data in tests."""
    net, cfg = load_model("imaging/models/drive", "cpu")
    assert (cfg.dims, cfg.color, cfg.norm, cfg.label_names) == (2, "green", "batch", ("vessel",))
    assert cfg.clahe and 0 < cfg.threshold < 1 and cfg.training["val_stems"]
    rgb = np.random.default_rng(0).integers(0, 255, (150, 140, 3), dtype=np.uint8)
    Image.fromarray(rgb).save(tmp_path / "f.png")
    probs = predict_probabilities(net, cfg, load_image(tmp_path / "f.png", color=cfg.color).array)
    assert probs.shape == (2, 150, 140) and np.allclose(probs.sum(0), 1, atol=1e-4)


def test_patches_are_centred_inside_the_roi():
    """Background-centred patches only where the ROI says (a fundus photograph's field of view), not on the black
    outside it: the image holds each pixel's column, so a patch's centre pixel says where it was centred."""
    cfg = ModelConfig(dims=2, patch_size=(8, 8), channels=(4, 8), strides=(2,))
    column = np.tile(np.arange(32, dtype=np.float32), (32, 1))
    label = np.zeros((32, 32), np.float32)
    label[20:22, 20:22] = 1
    roi = np.zeros((32, 32), np.float32)
    roi[:, :12] = 1  # the left part only
    item = {"image": column[None], "label": label[None], "roi": roi[None]}
    patches = train_transforms(cfg, samples_per_image=40, pos_neg=(0.0, 1.0), roi=True)(item)
    centres = {float(p["image"][0, 4, 4]) for p in patches}
    assert centres and max(centres) < 12 and all("roi" not in p for p in patches)
    anywhere = train_transforms(cfg, samples_per_image=40, pos_neg=(0.0, 1.0))({k: item[k] for k in ("image",
                                                                                                    "label")})
    assert max(float(p["image"][0, 4, 4]) for p in anywhere) >= 12
