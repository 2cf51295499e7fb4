"""Training a U-Net on image/mask folders paired by file stem.

MONAI dictionary transforms do the data side: z-score normalisation (the same :func:`medkg.imaging.model.normalize`
inference uses), padding to the patch, crops centred on lesion or background voxels in a fixed ratio (lesions are
small, random crops would rarely see one), flips, 90° rotations, intensity scale/shift and Gaussian noise. The
loss is Dice + cross-entropy; validation runs sliding-window inference on whole images and the best-Dice weights
are kept. AMP is used on CUDA only.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from medkg.kg.errors import InputError
from medkg.kg.models import Concept
from medkg.imaging.io import load_image, load_mask, pair_by_stem
from medkg.imaging.model import ModelConfig, build_network, predict_probabilities, resolve_device, save_model

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    model_dir: Path
    config: ModelConfig
    best_val_dice: float | None
    epochs_run: int
    seconds: float
    history: list[dict] = field(default_factory=list)


def load_pairs(images_dir: str | Path, masks_dir: str | Path, dims: int | None = None,
               n_labels: int = 1, allow_empty: bool = False) -> list[dict]:
    """Read every image/mask pair into memory as MONAI-style dicts (``(1, *spatial)`` arrays)."""
    pairs = pair_by_stem(images_dir, masks_dir)
    items = []
    for key, img_path, mask_path in pairs:
        img = load_image(img_path, dims=dims)
        dims = dims or img.ndim
        mask = load_mask(mask_path, like=img, n_labels=n_labels, allow_empty=allow_empty)
        items.append({"image": img.array[None].astype(np.float32), "label": mask.array[None].astype(np.float32),
                      "stem": key, "spacing": img.spacing})
    return items


def to_spacing(item: dict, target: tuple[float, ...]) -> dict:
    """An image/mask pair resampled to ``target`` mm voxels (the grid the network trains at)."""
    from medkg.imaging.model import resample, resampled_shape

    shape = resampled_shape(item["image"].shape[1:], item["spacing"], target)
    return {**item, "image": resample(item["image"], shape), "label": resample(item["label"], shape, labels=True),
            "spacing": tuple(target)}


def split(items: list[dict], val_fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    if not 0 <= val_fraction < 1:
        raise InputError(f"val_fraction must be in [0, 1), got {val_fraction}")
    order = np.random.default_rng(seed).permutation(len(items))
    n_val = int(round(len(items) * val_fraction))
    if val_fraction > 0 and len(items) >= 2:
        n_val = min(max(n_val, 1), len(items) - 1)
    val = [items[i] for i in order[:n_val]]
    train = [items[i] for i in order[n_val:]]
    return train, val


def train_transforms(cfg: ModelConfig, samples_per_image: int):
    from monai.transforms import (Compose, NormalizeIntensityd, RandCropByPosNegLabeld, RandFlipd,
                                  RandGaussianNoised, RandRotate90d, RandScaleIntensityd, RandShiftIntensityd,
                                  SpatialPadd)

    keys = ["image", "label"]
    flips = [RandFlipd(keys, prob=0.5, spatial_axis=axis) for axis in range(cfg.dims)]
    return Compose([
        NormalizeIntensityd(keys="image"),
        SpatialPadd(keys, spatial_size=cfg.patch_size),
        RandCropByPosNegLabeld(keys, label_key="label", spatial_size=cfg.patch_size, pos=2, neg=1,
                               num_samples=samples_per_image),
        *flips,
        RandRotate90d(keys, prob=0.5, spatial_axes=(0, 1)),
        RandScaleIntensityd("image", factors=0.1, prob=0.5),
        RandShiftIntensityd("image", offsets=0.1, prob=0.5),
        RandGaussianNoised("image", prob=0.3, std=0.1),
    ])


def train(images_dir: str | Path, masks_dir: str | Path, out_dir: str | Path, *, dims: int | None = None,
          val_fraction: float = 0.2, epochs: int = 50, label_names: tuple[str, ...] = ("lesion",),
          concepts: dict[str, Concept] | None = None, channels: tuple[int, ...] = (8, 16, 32, 64),
          strides: tuple[int, ...] | None = None, num_res_units: int = 1,
          patch_size: tuple[int, ...] | int | None = None, batch_size: int = 2, samples_per_image: int = 2,
          lr: float = 2e-3, seed: int = 0, device: str | None = None, num_threads: int | None = 2,
          time_limit_s: float | None = None, val_every: int = 1, name: str = "medkg-unet",
          version: str = "0.1.0", allow_empty_masks: bool = False, fp16: bool = True,
          init_from: str | Path | None = None,
          target_spacing: tuple[float, ...] | float | None = None) -> TrainResult:
    """Train and write the model folder (best validation Dice, or the last epoch without validation).

    ``init_from`` starts from another model folder's weights (fine-tuning); its architecture (dims, labels,
    channels, strides, residual units) must match, the patch size may differ. ``target_spacing`` (mm, one value for
    every axis or one per axis): training
    images and masks are resampled to it (images linearly, masks by nearest label), and so is every scan the model
    later segments (see :func:`medkg.imaging.model.predict_probabilities`).
    """
    import torch
    from monai.data import CacheDataset, DataLoader, list_data_collate
    from monai.losses import DiceCELoss
    from monai.utils import set_determinism

    if epochs < 1:
        raise InputError(f"epochs must be at least 1, got {epochs}")
    if batch_size < 1 or samples_per_image < 1:
        raise InputError(f"batch_size and samples_per_image must be >= 1, got {batch_size}, {samples_per_image}")
    if num_threads is not None:
        torch.set_num_threads(num_threads)
    set_determinism(seed)
    items = load_pairs(images_dir, masks_dir, dims=dims, n_labels=len(label_names),
                       allow_empty=allow_empty_masks)
    dims = items[0]["image"].ndim - 1
    if isinstance(patch_size, int):
        patch_size = (patch_size,) * dims
    patch_size = tuple(patch_size or ((64,) * 3 if dims == 3 else (128,) * 2))
    strides = tuple(strides or (2,) * (len(channels) - 1))
    if isinstance(target_spacing, (int, float)):
        target_spacing = (float(target_spacing),) * dims
    elif target_spacing is not None and len(target_spacing) == 1:
        target_spacing = tuple(target_spacing) * dims
    try:
        cfg = ModelConfig(name=name, version=version, dims=dims, label_names=tuple(label_names),
                          channels=tuple(channels), strides=strides, num_res_units=num_res_units,
                          patch_size=patch_size, concepts=concepts or {},
                          target_spacing=tuple(target_spacing) if target_spacing is not None else None)
    except ValueError as err:
        raise InputError(f"invalid model settings: {err}") from None
    if cfg.target_spacing is not None:
        items = [to_spacing(it, cfg.target_spacing) for it in items]
    train_items, val_items = split(items, val_fraction, seed)
    dev = resolve_device(device)
    use_amp = dev.type == "cuda"

    strip = [{"image": it["image"], "label": it["label"]} for it in train_items]
    ds = CacheDataset(strip, transform=train_transforms(cfg, samples_per_image), progress=False)
    loader = DataLoader(ds, batch_size=batch_size, shuffle=True, num_workers=0, collate_fn=list_data_collate)
    net = build_network(cfg)
    if init_from is not None:
        net.load_state_dict(_init_weights(init_from, cfg).state_dict())
    net = net.to(dev)
    loss_fn = DiceCELoss(to_onehot_y=True, softmax=True)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    total_steps = epochs * max(len(loader), 1)
    start, cpu_start = time.perf_counter(), time.process_time()

    def progress(step: int) -> float:
        """Fraction of the run done: by steps, or by time when a time limit would end it sooner."""
        done = step / total_steps
        if time_limit_s:
            done = max(done, (time.perf_counter() - start) / time_limit_s)
        return min(done, 1.0)

    # cosine decay that reaches its floor when the run ends, whether by epochs or by the time limit
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: 0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * progress(step))))
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp)

    best_dice, best_state, history = -math.inf, None, []
    epoch = 0
    for epoch in range(1, epochs + 1):
        net.train()
        losses = []
        for batch in loader:
            x, y = batch["image"].to(dev), batch["label"].to(dev)
            opt.zero_grad(set_to_none=True)
            with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=use_amp):
                loss = loss_fn(net(x), y)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            sched.step()
            losses.append(float(loss.detach()))
            if time_limit_s is not None and progress(0) >= 1.0:
                break  # out of time: finish this epoch early and validate
        row: dict = {"epoch": epoch, "loss": round(float(np.mean(losses)), 5),
                     "seconds": round(time.perf_counter() - start, 1)}
        last = epoch == epochs or (time_limit_s is not None and progress(0) >= 1.0)
        if val_items and (epoch % val_every == 0 or last):
            row["val_dice"] = round(validate(net, cfg, val_items), 5)
            if row["val_dice"] > best_dice:
                best_dice = row["val_dice"]
                best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        history.append(row)
        log.info("epoch %s", row)
        if last:
            break
    if best_state is not None:
        net.load_state_dict(best_state)
    seconds = time.perf_counter() - start
    cfg.training = {
        "images": len(items), "train_images": len(train_items), "val_images": len(val_items),
        "epochs": epoch, "seconds": round(seconds, 1), "cpu_seconds": round(time.process_time() - cpu_start, 1),
        "device": str(dev), "threads": num_threads, "lr": lr, "batch_size": batch_size,
        "samples_per_image": samples_per_image, "seed": seed,
        "best_val_dice": round(best_dice, 5) if val_items else None,
        "final_loss": history[-1]["loss"] if history else None,
        "init_from": str(init_from) if init_from is not None else None,
    }
    out = save_model(net, cfg, out_dir, fp16=fp16)
    return TrainResult(out, cfg, best_dice if val_items else None, epoch, seconds, history)


def _init_weights(model_dir: str | Path, cfg: ModelConfig):
    from medkg.imaging.model import load_model

    net, base = load_model(model_dir, "cpu")
    keys = ("dims", "in_channels", "label_names", "channels", "strides", "num_res_units")
    if diff := [k for k in keys if getattr(base, k) != getattr(cfg, k)]:
        raise InputError(f"init_from={model_dir}: its {', '.join(diff)} differ from the model being trained")
    return net


def validate(net, cfg: ModelConfig, items: list[dict]) -> float:
    """Mean foreground Dice of sliding-window predictions on whole images."""
    import torch
    from monai.metrics import DiceMetric
    from monai.networks.utils import one_hot

    metric = DiceMetric(include_background=False, reduction="mean", ignore_empty=True)
    net.eval()
    for it in items:
        probs = predict_probabilities(net, cfg, it["image"][0], spacing=it["spacing"])
        pred = torch.from_numpy(np.argmax(probs, axis=0))[None, None]
        gt = torch.from_numpy(it["label"])[None].long()
        metric(one_hot(pred, cfg.out_channels), one_hot(gt, cfg.out_channels))
    value = float(metric.aggregate().item())
    metric.reset()
    net.train()
    return value if math.isfinite(value) else 0.0
