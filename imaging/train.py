"""Training a U-Net on image/mask folders paired by file stem, in small named steps.

:func:`train` chains them, the way MONAI's ``SupervisedTrainer`` chains an iteration, its handlers and a
checkpoint saver:

1. :func:`resolve_settings`: options left unset take the defaults for the images' dimensionality
   (:data:`DEFAULTS`: 3D keeps the small-lesion recipe, 2D gets the recipe measured on DRIVE retinal vessels, see
   ``imaging/models/drive/MODEL_CARD.md``);
2. :func:`prepare_data`: read the pairs (:func:`load_pairs`), build the :class:`ModelConfig`, resample to the
   target spacing, split off the validation images (:func:`split`) and preprocess the training images once
   (:func:`medkg.imaging.model.preprocess`: CLAHE when asked, z-score; the same function inference applies);
3. :func:`build_loop`: data loader with the random patch transforms (:func:`train_transforms`), network, loss
   (:func:`make_loss`), AdamW, cosine LR that ends with the epochs or the time limit (:class:`Clock`), AMP scaler;
4. :func:`run_epoch`: one pass over the training images;
5. :func:`fit`: epochs, validation by sliding-window inference on whole images (:func:`validate_scores`) and
   selection of the best weights (:class:`Selection`), with the foreground threshold tuned on the validation
   probabilities when asked;
6. :func:`write_artefacts`: provenance into ``config.training`` and the model folder.

Patches are centred on foreground or background voxels in a fixed ratio (lesions are small, random crops would
rarely see one), then flipped, rotated by 90°, scaled/shifted in intensity and given Gaussian noise. AMP is used
on CUDA only.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from monai.data import CacheDataset, DataLoader, get_track_meta, list_data_collate, set_track_meta
from monai.losses import DiceCELoss, SoftclDiceLoss
from monai.metrics import DiceMetric
from monai.networks.utils import one_hot
from monai.transforms import (
    Compose,
    DeleteItemsd,
    FgBgToIndicesd,
    RandCropByPosNegLabeld,
    RandFlipd,
    RandGaussianNoised,
    RandRotate90d,
    RandScaleIntensityd,
    RandShiftIntensityd,
    SpatialPadd,
)
from monai.utils import set_determinism
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from medkg.imaging.io import load_image, load_mask, pair_by_stem, roi_by_stem
from medkg.imaging.model import (
    CONFIG_FILE,
    ModelConfig,
    build_network,
    load_model,
    predict_probabilities,
    preprocess,
    resample,
    resampled_shape,
    save_model,
)
from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError
from medkg.kg.models import Concept

log = logging.getLogger(__name__)

LOSSES = ("dice_ce", "dice_ce_cldice")

#: Defaults of the options :func:`train` leaves as ``None``, by dimensionality of the images. 3D: the original
#: recipe (small lesions in volumes). 2D: the retinal-vessel recipe chosen on DRIVE validation images (see
#: ``imaging/models/drive/MODEL_CARD.md``); it ends within 20 minutes on 2 CPU cores (``time_limit_s``).
DEFAULTS: dict[int, dict[str, object]] = {
    3: {"epochs": 50, "channels": (8, 16, 32, 64), "strides": None, "num_res_units": 1, "patch_size": 64,
        "batch_size": 2, "samples_per_image": 2, "lr": 2e-3, "norm": "instance", "color": "gray", "clahe": None,
        "loss": "dice_ce", "pos_neg": (2.0, 1.0), "tune_threshold": False, "overlap": 0.25, "time_limit_s": None,
        "val_every": 1, "ema": None, "flip_tta": False},
    2: {"epochs": 1000, "channels": (16, 32, 64, 128), "strides": None, "num_res_units": 1, "patch_size": 128,
        "batch_size": 2, "samples_per_image": 8, "lr": 3e-3, "norm": "batch", "color": "green", "clahe": 2.0,
        "loss": "dice_ce", "pos_neg": (1.0, 1.0), "tune_threshold": True, "overlap": 0.5, "time_limit_s": 1140.0,
        "val_every": 10, "ema": None, "flip_tta": False},
}


@dataclass
class TrainResult:
    model_dir: Path
    config: ModelConfig
    best_val_dice: float | None
    epochs_run: int
    seconds: float
    history: list[dict] = field(default_factory=list)


@dataclass
class TrainData:
    """What :func:`prepare_data` gives the loop: the config, the training images (preprocessed) and the
    validation images (raw: validation runs the inference path, which preprocesses itself)."""

    config: ModelConfig
    train: list[dict]
    val: list[dict]
    n_images: int

    @property
    def has_roi(self) -> bool:
        """Whether the training images carry region-of-interest masks (patch centres are drawn inside them)."""
        return bool(self.train) and "roi" in self.train[0]


@dataclass
class Clock:
    """Wall and CPU time since the loop started, and how far the run is (by steps, or by time when a time limit
    would end it sooner)."""

    total_steps: int
    time_limit_s: float | None = None
    start: float = field(default_factory=time.perf_counter)
    cpu_start: float = field(default_factory=time.process_time)

    def progress(self, step: int) -> float:
        done = step / self.total_steps
        if self.time_limit_s:
            done = max(done, self.seconds() / self.time_limit_s)
        return min(done, 1.0)

    def out_of_time(self) -> bool:
        return self.time_limit_s is not None and self.progress(0) >= 1.0

    def seconds(self) -> float:
        return time.perf_counter() - self.start

    def cpu_seconds(self) -> float:
        return time.process_time() - self.cpu_start


@dataclass
class Loop:
    """Everything one epoch needs."""

    net: torch.nn.Module
    loader: DataLoader
    loss_fn: torch.nn.Module
    opt: torch.optim.Optimizer
    sched: torch.optim.lr_scheduler.LRScheduler
    scaler: torch.amp.GradScaler
    device: torch.device
    clock: Clock
    #: exponential moving average of the weights (what validation scores and the model keeps), if any
    ema: AveragedModel | None = None

    @property
    def model(self) -> torch.nn.Module:
        """The weights validation judges and the run keeps: the moving average when there is one."""
        return self.ema.module if self.ema is not None else self.net

    @property
    def use_amp(self) -> bool:
        return self.device.type == "cuda"


@dataclass
class Selection:
    """The best validation Dice so far, the weights that reached it and the threshold chosen with them."""

    dice: float = -math.inf
    state: dict | None = None
    threshold: float | None = None

    def update(self, net: torch.nn.Module, dice: float, threshold: float | None) -> bool:
        if dice <= self.dice:
            return False
        self.dice, self.threshold = dice, threshold
        self.state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        return True


# ------------------------------------------------------------------------------------------------ the steps


def train(images_dir: str | Path, masks_dir: str | Path, out_dir: str | Path, *, dims: int | None = None,
          val_fraction: float = 0.2, epochs: int | None = None, label_names: tuple[str, ...] = ("lesion",),
          concepts: dict[str, Concept] | None = None, channels: tuple[int, ...] | None = None,
          strides: tuple[int, ...] | None = None, num_res_units: int | None = None,
          patch_size: tuple[int, ...] | int | None = None, batch_size: int | None = None,
          samples_per_image: int | None = None, lr: float | None = None, seed: int = 0,
          device: str | None = None, num_threads: int | None = 2, time_limit_s: float | None = None,
          val_every: int | None = None, name: str = "medkg-unet", version: str = "0.1.0",
          allow_empty_masks: bool = False, fp16: bool = True, init_from: str | Path | None = None,
          target_spacing: tuple[float, ...] | float | None = None, norm: str | None = None,
          color: str | None = None, clahe: float | None = None, loss: str | None = None,
          pos_neg: tuple[float, float] | None = None, tune_threshold: bool | None = None,
          overlap: float | None = None, ema: float | None = None, flip_tta: bool | None = None,
          roi_dir: str | Path | None = None) -> TrainResult:
    """Train and write the model folder (best validation Dice, or the last epoch without validation).

    Options left ``None`` take :data:`DEFAULTS` for the images' dimensionality (``time_limit_s``: pass 0 for no
    limit; ``clahe``: pass 0 for none). ``init_from`` starts from another model folder's weights (fine-tuning);
    its architecture (dims, labels, channels, strides, residual units, norm) must match, the patch size may differ.
    ``target_spacing`` (mm, one value for every axis or one per axis): training images and masks are resampled to
    it (images linearly, masks by nearest label), and so is every scan the model later segments (see
    :func:`medkg.imaging.model.predict_probabilities`). ``color``, ``clahe``, ``norm``, the tuned threshold and
    ``overlap`` are recorded in the config, so inference preprocesses and labels exactly as training did.
    ``loss``: ``dice_ce`` or ``dice_ce_cldice`` (adds the soft clDice of thin structures). ``pos_neg``: relative
    frequency of patches centred on foreground and on background. ``ema``: decay per step of an exponential moving
    average of the weights (e.g. 0.998; pass 0 for none), which validation judges and the model keeps instead of
    the raw weights. ``flip_tta``: inference (validation included) averages the image and its mirror images.
    ``roi_dir``: masks (by stem) of where patches may be centred, e.g. fundus field-of-view masks, so background
    patches are not spent on the black outside it; the loss still covers the whole patch.
    """
    if num_threads is not None:
        torch.set_num_threads(num_threads)
    set_determinism(seed)
    opts = {"epochs": epochs, "channels": channels, "strides": strides, "num_res_units": num_res_units,
            "patch_size": patch_size, "batch_size": batch_size, "samples_per_image": samples_per_image, "lr": lr,
            "norm": norm, "color": color, "clahe": clahe, "loss": loss, "pos_neg": pos_neg,
            "tune_threshold": tune_threshold, "overlap": overlap, "time_limit_s": time_limit_s,
            "val_every": val_every, "ema": ema, "flip_tta": flip_tta}
    first_dims = dims or _dims_of_first(images_dir, masks_dir)
    opts = resolve_settings(first_dims, opts)
    data = prepare_data(images_dir, masks_dir, dims=first_dims, label_names=label_names, concepts=concepts,
                        target_spacing=target_spacing, val_fraction=val_fraction, seed=seed, name=name,
                        version=version, allow_empty_masks=allow_empty_masks, opts=opts, roi_dir=roi_dir)
    track_meta = get_track_meta()
    set_track_meta(False)  # plain tensors: the same numbers, 4x faster patch transforms and no MetaTensor overhead
    try:
        loop = build_loop(data, opts, device=device, init_from=init_from)
        history, best, epoch = fit(loop, data, epochs=opts["epochs"], val_every=opts["val_every"],
                                   tune_threshold=opts["tune_threshold"])
    finally:
        set_track_meta(track_meta)
    out = write_artefacts(loop, data, best, history, epoch, out_dir, opts, num_threads=num_threads, seed=seed,
                          init_from=init_from, fp16=fp16)
    has_val = bool(data.val)
    return TrainResult(out, data.config, best.dice if has_val else None, epoch, loop.clock.seconds(), history)


def resolve_settings(dims: int, opts: dict) -> dict:
    """``opts`` with every ``None`` replaced by the default for ``dims``, checked."""
    if dims not in DEFAULTS:
        raise InputError(f"dims must be 2 or 3, got {dims!r}")
    out = {k: (DEFAULTS[dims][k] if v is None else v) for k, v in opts.items()}
    if opts.get("strides") is None and opts.get("channels") is not None:
        out["strides"] = None  # the default strides go with the default channels; other channels halve each level
    out["strides"] = tuple(out["strides"] or (2,) * (len(out["channels"]) - 1))
    if out["epochs"] < 1:
        raise InputError(f"epochs must be at least 1, got {out['epochs']}")
    if out["batch_size"] < 1 or out["samples_per_image"] < 1:
        raise InputError(f"batch_size and samples_per_image must be >= 1, got {out['batch_size']}, "
                         f"{out['samples_per_image']}")
    if out["val_every"] < 1:
        raise InputError(f"val_every must be at least 1, got {out['val_every']}")
    if out["loss"] not in LOSSES:
        raise InputError(f"loss must be one of {', '.join(LOSSES)}, got {out['loss']!r}")
    pos_neg = tuple(float(v) for v in out["pos_neg"])
    if len(pos_neg) != 2 or min(pos_neg) < 0 or sum(pos_neg) <= 0:
        raise InputError(f"pos_neg must be two non-negative weights, not both 0, got {out['pos_neg']!r}")
    out["pos_neg"] = pos_neg
    if out["ema"] is not None and not 0 <= out["ema"] < 1:
        raise InputError(f"ema must be a decay in [0, 1) (0: none), got {out['ema']!r}")
    out["ema"] = out["ema"] or None  # 0 turns it off
    out["clahe"] = out["clahe"] or None  # 0 turns it off
    out["time_limit_s"] = out["time_limit_s"] or None  # 0: no limit
    return out


def _dims_of_first(images_dir: str | Path, masks_dir: str | Path) -> int:
    pairs = pair_by_stem(images_dir, masks_dir)
    return load_image(pairs[0][1]).ndim


def load_pairs(images_dir: str | Path, masks_dir: str | Path, dims: int | None = None,
               n_labels: int = 1, allow_empty: bool = False, color: str = "gray",
               roi_dir: str | Path | None = None, stems: Collection[str] | None = None) -> list[dict]:
    """Read every image/mask pair (only those of ``stems`` when given) into memory as MONAI-style dicts
    (``(1, *spatial)`` arrays), with its region of interest (``roi``: a mask of the same stem in ``roi_dir``)."""
    pairs = pair_by_stem(images_dir, masks_dir)
    if stems is not None:
        wanted = set(stems)
        pairs = [p for p in pairs if p[0] in wanted]
    rois = roi_by_stem(roi_dir, [k for k, _, _ in pairs]) if roi_dir is not None else {}
    items = []
    for key, img_path, mask_path in pairs:
        img = load_image(img_path, dims=dims, color=color)
        dims = dims or img.ndim
        mask = load_mask(mask_path, like=img, n_labels=n_labels, allow_empty=allow_empty)
        item = {"image": img.array[None].astype(np.float32), "label": mask.array[None].astype(np.float32),
                "stem": key, "spacing": img.spacing}
        if roi_dir is not None:
            item["roi"] = load_mask(rois[key], like=img).array[None].astype(np.float32)
        items.append(item)
    return items


def to_spacing(item: dict, target: tuple[float, ...]) -> dict:
    """An image/mask pair resampled to ``target`` mm voxels (the grid the network trains at)."""
    shape = resampled_shape(item["image"].shape[1:], item["spacing"], target)
    out = {**item, "image": resample(item["image"], shape), "label": resample(item["label"], shape, labels=True),
           "spacing": tuple(target)}
    if "roi" in item:
        out["roi"] = resample(item["roi"], shape, labels=True)
    return out


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


def prepare_data(images_dir: str | Path, masks_dir: str | Path, *, dims: int, label_names: tuple[str, ...],
                 concepts: dict[str, Concept] | None, target_spacing: tuple[float, ...] | float | None,
                 val_fraction: float, seed: int, name: str, version: str, allow_empty_masks: bool,
                 opts: dict, roi_dir: str | Path | None = None) -> TrainData:
    """Read the pairs, build the config, resample, split, and preprocess the training images."""
    items = load_pairs(images_dir, masks_dir, dims=dims, n_labels=len(label_names),
                       allow_empty=allow_empty_masks, color=opts["color"], roi_dir=roi_dir)
    dims = items[0]["image"].ndim - 1
    cfg = make_config(dims, label_names=label_names, concepts=concepts, target_spacing=target_spacing, name=name,
                      version=version, opts=opts)
    if cfg.target_spacing is not None:
        items = [to_spacing(it, cfg.target_spacing) for it in items]
    train_items, val_items = split(items, val_fraction, seed)
    train_items = [{**it, "image": preprocess(it["image"][0], cfg)[None]} for it in train_items]
    return TrainData(cfg, train_items, val_items, len(items))


def make_config(dims: int, *, label_names: tuple[str, ...], concepts: dict[str, Concept] | None,
                target_spacing: tuple[float, ...] | float | None, name: str, version: str,
                opts: dict) -> ModelConfig:
    """The :class:`ModelConfig` of the run: architecture, patch, spacing and preprocessing from ``opts``."""
    patch_size = opts["patch_size"]
    if isinstance(patch_size, int):
        patch_size = (patch_size,) * dims
    channels, strides = tuple(opts["channels"]), tuple(opts["strides"])
    if isinstance(target_spacing, (int, float)):
        target_spacing = (float(target_spacing),) * dims
    elif target_spacing is not None and len(target_spacing) == 1:
        target_spacing = tuple(target_spacing) * dims
    try:
        return ModelConfig(name=name, version=version, dims=dims, label_names=tuple(label_names),
                           channels=channels, strides=strides, num_res_units=opts["num_res_units"],
                           patch_size=tuple(patch_size), concepts=concepts or {},
                           target_spacing=tuple(target_spacing) if target_spacing is not None else None,
                           norm=opts["norm"], color=opts["color"], clahe=opts["clahe"], overlap=opts["overlap"],
                           flip_tta=opts["flip_tta"])
    except ValueError as err:
        raise InputError(f"invalid model settings: {err}") from None


def train_transforms(cfg: ModelConfig, samples_per_image: int, pos_neg: tuple[float, float] = (2.0, 1.0),
                     roi: bool = False):
    """Random patches of preprocessed images: pad to the patch, crop centred on foreground/background in the ratio
    ``pos_neg`` (voxel indices computed once and cached; with ``roi``, only centres inside each item's ``roi`` mask,
    e.g. a fundus photograph's field of view), flips, 90° rotations, intensity scale/shift, noise."""
    keys = ["image", "label"]
    flips = [RandFlipd(keys, prob=0.5, spatial_axis=axis) for axis in range(cfg.dims)]
    indices = ([FgBgToIndicesd("label", image_key="roi", image_threshold=0.0), DeleteItemsd("roi")] if roi
               else [FgBgToIndicesd("label")])  # deterministic: CacheDataset computes them once per image
    return Compose([
        SpatialPadd(keys + (["roi"] if roi else []), spatial_size=cfg.patch_size),
        *indices,
        RandCropByPosNegLabeld(keys, label_key="label", spatial_size=cfg.patch_size, pos=pos_neg[0],
                               neg=pos_neg[1], num_samples=samples_per_image, fg_indices_key="label_fg_indices",
                               bg_indices_key="label_bg_indices"),
        *flips,
        RandRotate90d(keys, prob=0.5, spatial_axes=(0, 1)),
        RandScaleIntensityd("image", factors=0.1, prob=0.5),
        RandShiftIntensityd("image", offsets=0.1, prob=0.5),
        RandGaussianNoised("image", prob=0.3, std=0.1),
    ])


def make_loss(name: str) -> torch.nn.Module:
    """``dice_ce``: Dice + cross-entropy; ``dice_ce_cldice``: plus the soft clDice (Shit et al. 2021) of the
    foreground, which rewards keeping thin structures such as vessels connected."""
    dice_ce = DiceCELoss(to_onehot_y=True, softmax=True)
    if name == "dice_ce":
        return dice_ce
    return _SumLoss(dice_ce, SoftclDiceLoss(iter_=3, include_background=False, to_onehot_y=True, softmax=True))


class _SumLoss(torch.nn.Module):
    def __init__(self, *losses: torch.nn.Module) -> None:
        super().__init__()
        self.losses = torch.nn.ModuleList(losses)

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return sum(fn(logits, target) for fn in self.losses)


def build_loop(data: TrainData, opts: dict, *, device: str | None = None,
               init_from: str | Path | None = None) -> Loop:
    """Loader, network (optionally from ``init_from``'s weights), loss, optimiser, schedule, clock."""
    cfg = data.config
    dev = resolve_device(device)
    strip = [{k: it[k] for k in ("image", "label", "roi") if k in it} for it in data.train]
    ds = CacheDataset(strip, transform=train_transforms(cfg, opts["samples_per_image"], opts["pos_neg"],
                                                        data.has_roi),
                      progress=False)
    loader = DataLoader(ds, batch_size=opts["batch_size"], shuffle=True, num_workers=0,
                        collate_fn=list_data_collate)
    net = build_network(cfg)
    if init_from is not None:
        net.load_state_dict(_init_weights(init_from, cfg).state_dict())
    net = net.to(dev)
    loss_fn = make_loss(opts["loss"])
    opt = torch.optim.AdamW(net.parameters(), lr=opts["lr"], weight_decay=1e-4)
    clock = Clock(total_steps=opts["epochs"] * max(len(loader), 1), time_limit_s=opts["time_limit_s"])
    # cosine decay that reaches its floor when the run ends, whether by epochs or by the time limit
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: 0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * clock.progress(step))))
    scaler = torch.amp.GradScaler("cuda", enabled=dev.type == "cuda")
    ema = (AveragedModel(net, multi_avg_fn=get_ema_multi_avg_fn(opts["ema"]), use_buffers=True)
           if opts["ema"] else None)  # use_buffers: batch-norm statistics are averaged with the weights
    return Loop(net, loader, loss_fn, opt, sched, scaler, dev, clock, ema)


def run_epoch(loop: Loop) -> float:
    """One pass over the training images (cut short when the time limit is reached); the mean loss."""
    loop.net.train()
    losses = []
    for batch in loop.loader:
        x, y = batch["image"].to(loop.device), batch["label"].to(loop.device)
        loop.opt.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=loop.use_amp):
            loss = loop.loss_fn(loop.net(x), y)
        loop.scaler.scale(loss).backward()
        loop.scaler.step(loop.opt)
        loop.scaler.update()
        loop.sched.step()
        if loop.ema is not None:
            loop.ema.update_parameters(loop.net)
        losses.append(float(loss.detach()))
        if loop.clock.out_of_time():
            break  # out of time: finish this epoch early and validate
    return float(np.mean(losses))


def fit(loop: Loop, data: TrainData, *, epochs: int, val_every: int = 1,
        tune_threshold: bool = False) -> tuple[list[dict], Selection, int]:
    """Epochs with validation every ``val_every`` (and after the last); the best weights end up in the network."""
    best, history = Selection(), []
    epoch = 0
    for epoch in range(1, epochs + 1):
        row: dict = {"epoch": epoch, "loss": round(run_epoch(loop), 5), "seconds": round(loop.clock.seconds(), 1)}
        last = epoch == epochs or loop.clock.out_of_time()
        if data.val and (epoch % val_every == 0 or last):
            dice, threshold = validate_scores(loop.model, data.config, data.val, tune_threshold)
            row["val_dice"] = round(dice, 5)
            if threshold is not None:
                row["threshold"] = threshold
            best.update(loop.model, row["val_dice"], threshold)
        history.append(row)
        log.info("epoch %s", row)
        if last:
            break
    if best.state is not None:
        loop.net.load_state_dict(best.state)
    elif loop.ema is not None:  # no validation: keep the average of the last steps
        loop.net.load_state_dict(loop.ema.module.state_dict())
    return history, best, epoch


def write_artefacts(loop: Loop, data: TrainData, best: Selection, history: list[dict], epoch: int,
                    out_dir: str | Path, opts: dict, *, num_threads: int | None, seed: int,
                    init_from: str | Path | None, fp16: bool = True) -> Path:
    """Record the provenance in ``config.training`` (and the tuned threshold) and write the model folder."""
    cfg = data.config
    if best.threshold is not None:
        cfg.threshold = best.threshold
    cfg.training = {
        "images": data.n_images, "train_images": len(data.train), "val_images": len(data.val),
        "epochs": epoch, "seconds": round(loop.clock.seconds(), 1), "cpu_seconds": round(loop.clock.cpu_seconds(), 1),
        "device": str(loop.device), "threads": num_threads, "lr": opts["lr"], "batch_size": opts["batch_size"],
        "samples_per_image": opts["samples_per_image"], "seed": seed,
        "best_val_dice": round(best.dice, 5) if data.val else None,
        "final_loss": history[-1]["loss"] if history else None,
        "init_from": str(init_from) if init_from is not None else None,
        "loss": opts["loss"], "pos_neg": list(opts["pos_neg"]), "time_limit_s": opts["time_limit_s"],
        "val_every": opts["val_every"], "ema": opts["ema"],
        "patch_centres_in_roi": data.has_roi,
        "val_stems": [it["stem"] for it in data.val],
    }
    return save_model(loop.net, cfg, out_dir, fp16=fp16)


def _init_weights(model_dir: str | Path, cfg: ModelConfig) -> torch.nn.Module:
    net, base = load_model(model_dir, "cpu")
    keys = ("dims", "in_channels", "label_names", "channels", "strides", "num_res_units", "norm")
    if diff := [k for k in keys if getattr(base, k) != getattr(cfg, k)]:
        raise InputError(f"init_from={model_dir}: its {', '.join(diff)} differ from the model being trained")
    return net


def retune(model_dir: str | Path, images_dir: str | Path, masks_dir: str | Path, *,
           flip_tta: bool | None = None, rot90_tta: bool | None = None, device: str | None = None) -> ModelConfig:
    """Choose a one-label model's threshold again on its validation images, with test-time augmentation changed.

    TTA shifts the probabilities, so the threshold tuned without it is no longer the best one. ``flip_tta`` and
    ``rot90_tta`` left ``None`` keep the model's settings. Of the pairs in the folders, only the model's validation
    images (``training.val_stems``) are used, since a threshold tuned on training images is optimistic; a model
    that records none uses every pair. The stems and the Dice reached are recorded in ``config.json``, which is
    rewritten in place (the weights are not touched).
    """
    net, cfg = load_model(model_dir, device)
    if cfg.out_channels != 2:
        raise InputError(f"{model_dir}: a threshold applies to one-label models only (labels: {cfg.label_names})")
    cfg = cfg.model_copy(update={k: v for k, v in (("flip_tta", flip_tta), ("rot90_tta", rot90_tta))
                                 if v is not None})
    val_stems = cfg.training.get("val_stems") or None
    items = load_pairs(images_dir, masks_dir, dims=cfg.dims, color=cfg.color, allow_empty=True, stems=val_stems)
    if not items:
        raise InputError(f"images_dir={images_dir}: none of the model's validation images {val_stems}")
    dice, threshold = validate_scores(net, cfg, items, tune_threshold=True)
    cfg = cfg.model_copy(update={"threshold": threshold, "training": {
        **cfg.training, "threshold_tuned_on": [it["stem"] for it in items], "threshold_val_dice": round(dice, 5)}})
    (Path(model_dir) / CONFIG_FILE).write_text(cfg.model_dump_json(indent=2) + "\n")
    return cfg


# ---------------------------------------------------------------------------------------------- validation


def validate(net: torch.nn.Module, cfg: ModelConfig, items: list[dict]) -> float:
    """Mean foreground Dice of sliding-window predictions (arg-max) on whole images."""
    return validate_scores(net, cfg, items, tune_threshold=False)[0]


def validate_scores(net: torch.nn.Module, cfg: ModelConfig, items: list[dict],
                    tune_threshold: bool = False) -> tuple[float, float | None]:
    """Mean foreground Dice of sliding-window predictions on whole images, and the threshold it was reached at.

    Without ``tune_threshold`` (or with several labels) the prediction is the arg-max and the threshold ``None``;
    with it, the foreground threshold in 0.01…0.99 with the best mean Dice (images without foreground left out).
    """
    net.eval()
    try:
        if tune_threshold and cfg.out_channels == 2:
            probs = [predict_probabilities(net, cfg, it["image"][0], spacing=it["spacing"])[1] for it in items]
            return best_threshold(probs, [it["label"][0] > 0 for it in items])
        metric = DiceMetric(include_background=False, reduction="mean", ignore_empty=True)
        for it in items:
            probs = predict_probabilities(net, cfg, it["image"][0], spacing=it["spacing"])
            pred = torch.from_numpy(np.argmax(probs, axis=0))[None, None]
            gt = torch.from_numpy(it["label"])[None].long()
            metric(one_hot(pred, cfg.out_channels), one_hot(gt, cfg.out_channels))
        value = float(metric.aggregate().item())
        metric.reset()
        return (value if math.isfinite(value) else 0.0), None
    finally:
        net.train()


def best_threshold(probs: list[np.ndarray], truths: list[np.ndarray], steps: int = 100) -> tuple[float, float]:
    """The threshold ``k / steps`` (k = 1 … steps - 1) with the best mean Dice of ``probs >= threshold`` against
    ``truths`` (boolean arrays), and that Dice. Counts come from one histogram per image, not one pass per
    threshold."""
    edges = np.arange(1, steps) / steps
    scores = []
    for p, t in zip(probs, truths):
        n_true = int(t.sum())
        if n_true == 0:
            continue
        bins = np.clip(np.floor(p.astype(np.float64) * steps + 1e-9), 0, steps - 1).astype(np.int64)
        pos = np.bincount(bins[t], minlength=steps)
        neg = np.bincount(bins[~t], minlength=steps)
        tp = np.cumsum(pos[::-1])[::-1][1:]  # voxels with p >= k / steps, k = 1 … steps - 1
        fp = np.cumsum(neg[::-1])[::-1][1:]
        scores.append(2 * tp / np.maximum(2 * tp + fp + (n_true - tp), 1))
    if not scores:
        return 0.0, 0.5
    mean = np.mean(scores, axis=0)
    k = int(np.argmax(mean))
    return float(mean[k]), round(float(edges[k]), 2)
