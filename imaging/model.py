"""The segmentation network, its on-disk form, and inference.

A model folder holds ``model.safetensors`` (weights, fp16 unless saved otherwise) and ``config.json``
(:class:`ModelConfig`: architecture, patch size, label names, concept map, version), so a model is reproducible
from its folder alone and the weights file never needs pickle.
"""

from __future__ import annotations

import math
from itertools import combinations
from pathlib import Path
from typing import Literal

import numpy as np
import torch
from monai.inferers import sliding_window_inference
from monai.networks.nets import UNet
from monai.transforms import NormalizeIntensity
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from safetensors.torch import load_file, save_file
from torch.nn.functional import interpolate

from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError
from medkg.kg.models import Concept

CONFIG_FILE = "config.json"
WEIGHTS_FILE = "model.safetensors"


class ModelConfig(BaseModel):
    """Everything needed to rebuild the network and interpret its output."""

    model_config = ConfigDict(extra="forbid")

    name: str = "medkg-unet"
    version: str = "0.1.0"
    dims: int = Field(3, ge=2, le=3)
    in_channels: int = Field(1, ge=1)
    label_names: tuple[str, ...] = ("lesion",)  # foreground labels 1..n; 0 is background
    channels: tuple[int, ...] = (8, 16, 32, 64)
    strides: tuple[int, ...] = (2, 2, 2)
    num_res_units: int = Field(1, ge=0)
    patch_size: tuple[int, ...] = (64, 64, 64)
    #: voxel spacing (mm) the network works at: scans are resampled to it before the network and the prediction
    #: back to the scan's own grid after it, so scanners with other spacings show it lesions at the scale it
    #: learned; ``None`` feeds voxels as they are (2D images, models trained that way)
    target_spacing: tuple[float, ...] | None = None
    #: normalisation layers of the U-Net
    norm: Literal["instance", "batch"] = "instance"
    #: how a colour 2D image becomes the one input channel: ``gray`` (luminance, PIL's "L") or one of its bands;
    #: grey-level images and 3D scans are read as they are whatever this says
    color: Literal["gray", "red", "green", "blue"] = "gray"
    #: contrast-limited adaptive histogram equalisation before the z-score (2D only): clip limit relative to the
    #: mean bin count (OpenCV's convention, 2-3 is usual) on a ``clahe_tiles`` x ``clahe_tiles`` grid; ``None``: off
    clahe: float | None = Field(None, gt=0)
    clahe_tiles: int = Field(8, ge=1)
    #: foreground probability from which a pixel is labelled (one-label models); ``None``: arg-max over classes
    threshold: float | None = Field(None, gt=0, lt=1)
    #: overlap of the sliding-window tiles at inference (fraction of the patch)
    overlap: float = Field(0.25, ge=0, lt=1)
    #: test-time augmentation: average the probabilities over the image and its mirror images along every
    #: combination of spatial axes (4 passes in 2D, 8 in 3D); vessels and lesions have no handedness
    flip_tta: bool = False
    #: test-time augmentation: also average over the image turned by 90 degrees in its first two spatial axes
    #: (with ``flip_tta``, the 8 rotations and reflections of the square in 2D)
    rot90_tta: bool = False
    concepts: dict[str, Concept] = Field(default_factory=dict)  # label name -> the Disease/Anatomy it names
    training: dict[str, object] = Field(default_factory=dict)  # provenance: data, epochs, validation scores

    @field_validator("label_names")
    @classmethod
    def _labels(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v or len(set(v)) != len(v) or any(not s.strip() for s in v):
            raise ValueError(f"label_names must be distinct, non-blank names, got {v!r}")
        return v

    @model_validator(mode="after")
    def _shapes(self) -> "ModelConfig":
        if len(self.strides) != len(self.channels) - 1:
            raise ValueError(f"strides needs {len(self.channels) - 1} entries for channels {self.channels}, "
                             f"got {self.strides}")
        if len(self.patch_size) != self.dims:
            raise ValueError(f"patch_size {self.patch_size} must have {self.dims} sizes for dims={self.dims}")
        factor = int(np.prod(self.strides))
        if any(p % factor for p in self.patch_size):
            raise ValueError(f"patch_size {self.patch_size} must be divisible by the total stride {factor}")
        if self.target_spacing is not None and (len(self.target_spacing) != self.dims
                                                or any(not (v > 0) for v in self.target_spacing)):
            raise ValueError(f"target_spacing {self.target_spacing} must have {self.dims} positive sizes (mm)")
        if self.clahe is not None and self.dims != 2:
            raise ValueError("clahe applies to 2D images only")
        if self.threshold is not None and len(self.label_names) != 1:
            raise ValueError("threshold applies to one-label models only (several labels are split by arg-max)")
        if unknown := set(self.concepts) - set(self.label_names):
            raise ValueError(f"concepts name unknown label(s) {sorted(unknown)}; labels: {list(self.label_names)}")
        return self

    @property
    def out_channels(self) -> int:
        return len(self.label_names) + 1


def build_network(cfg: ModelConfig) -> torch.nn.Module:
    return UNet(spatial_dims=cfg.dims, in_channels=cfg.in_channels, out_channels=cfg.out_channels,
                channels=cfg.channels, strides=cfg.strides, num_res_units=cfg.num_res_units,
                norm=cfg.norm.upper())


def save_model(net: torch.nn.Module, cfg: ModelConfig, out_dir: str | Path, fp16: bool = True) -> Path:
    """Write weights (fp16 by default: half the size, no measurable loss for this network) and config."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dtype = torch.float16 if fp16 else torch.float32
    state = {k: (v.detach().to("cpu", dtype) if v.is_floating_point() else v.detach().cpu()).contiguous()
             for k, v in net.state_dict().items()}
    save_file(state, str(out / WEIGHTS_FILE), metadata={"name": cfg.name, "version": cfg.version})
    (out / CONFIG_FILE).write_text(cfg.model_dump_json(indent=2) + "\n")
    return out


def load_config(model_dir: str | Path) -> ModelConfig:
    path = Path(model_dir) / CONFIG_FILE
    if not path.is_file():
        raise InputError(f"{model_dir}: not a model folder (no {CONFIG_FILE})")
    try:
        return ModelConfig.model_validate_json(path.read_text())
    except ValueError as err:
        raise InputError(f"{path}: invalid model config: {err}") from None


def load_model(model_dir: str | Path, device: str | torch.device | None = None
               ) -> tuple[torch.nn.Module, ModelConfig]:
    """Rebuild the network from ``config.json`` and load ``model.safetensors`` (cast to float32)."""
    cfg = load_config(model_dir)
    weights = Path(model_dir) / WEIGHTS_FILE
    if not weights.is_file():
        raise InputError(f"{model_dir}: model folder has no {WEIGHTS_FILE}")
    net = build_network(cfg)
    state = {k: v.float() if v.is_floating_point() else v for k, v in load_file(str(weights)).items()}
    try:
        net.load_state_dict(state)
    except RuntimeError as err:
        raise InputError(f"{weights}: weights do not fit the network in {CONFIG_FILE}: {err}") from None
    net.to(resolve_device(device)).eval()
    return net, cfg


def normalize(image: np.ndarray) -> np.ndarray:
    """Z-score intensity normalisation (MONAI NormalizeIntensity)."""
    return np.asarray(NormalizeIntensity()(image.astype(np.float32)), dtype=np.float32)


def preprocess(image: np.ndarray, cfg: ModelConfig) -> np.ndarray:
    """What the network sees of an image (spatial axes only), the same in training and inference: CLAHE when the
    config asks for it, then the z-score."""
    if cfg.clahe is not None:
        image = clahe(image, clip_limit=cfg.clahe, tiles=cfg.clahe_tiles)
    return normalize(image)


def clahe(image: np.ndarray, clip_limit: float = 2.0, tiles: int = 8, bins: int = 256) -> np.ndarray:
    """Contrast-limited adaptive histogram equalisation of a 2D image, values in [0, 1].

    The image is rescaled to ``bins`` grey levels; each of ``tiles`` x ``tiles`` tiles gets the equalising map of
    its histogram clipped at ``clip_limit`` times the mean bin count (the excess spread over all bins, as OpenCV
    does), and every pixel blends the maps of the four nearest tile centres bilinearly.
    """
    x = np.asarray(image, dtype=np.float32)
    if x.ndim != 2:
        raise InputError(f"clahe needs a 2D image, got shape {x.shape}")
    lo, hi = float(x.min()), float(x.max())
    if hi <= lo:
        return np.zeros_like(x)
    q = np.clip(np.rint((x - lo) / (hi - lo) * (bins - 1)), 0, bins - 1).astype(np.int64)
    h, w = q.shape
    th, tw = math.ceil(h / tiles), math.ceil(w / tiles)
    qp = np.pad(q, ((0, th * tiles - h), (0, tw * tiles - w)), mode="symmetric")
    blocks = qp.reshape(tiles, th, tiles, tw).transpose(0, 2, 1, 3).reshape(tiles * tiles, th * tw)
    offsets = (np.arange(tiles * tiles) * bins)[:, None]
    hist = np.bincount((blocks + offsets).ravel(), minlength=tiles * tiles * bins).reshape(tiles * tiles, bins)
    limit = max(clip_limit * th * tw / bins, 1.0)
    excess = np.clip(hist - limit, 0, None).sum(axis=1, keepdims=True)
    cdf = np.cumsum(np.minimum(hist, limit) + excess / bins, axis=1)
    maps = (cdf / cdf[:, -1:]).reshape(tiles, tiles, bins).astype(np.float32)

    def axis(n: int, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        pos = (np.arange(n) + 0.5) / size - 0.5  # in tile units, 0 at the first tile's centre
        i0 = np.clip(np.floor(pos), 0, tiles - 1).astype(np.int64)
        i1 = np.minimum(i0 + 1, tiles - 1)
        return i0, i1, np.clip(pos - i0, 0, 1).astype(np.float32)

    y0, y1, wy = axis(h, th)
    x0, x1, wx = axis(w, tw)
    y0, y1, wy = y0[:, None], y1[:, None], wy[:, None]
    top = maps[y0, x0, q] * (1 - wx) + maps[y0, x1, q] * wx
    bottom = maps[y1, x0, q] * (1 - wx) + maps[y1, x1, q] * wx
    return (top * (1 - wy) + bottom * wy).astype(np.float32)


def resampled_shape(shape: tuple[int, ...], spacing: tuple[float, ...], target: tuple[float, ...]) -> tuple[int, ...]:
    """The grid size that covers the same extent as ``shape`` at ``spacing`` when voxels are ``target`` mm."""
    return tuple(max(1, int(round(n * s / t))) for n, s, t in zip(shape, spacing, target))


def resample(array: np.ndarray, shape: tuple[int, ...], *, labels: bool = False) -> np.ndarray:
    """``array`` (spatial axes, or channels first then spatial) on a grid of ``shape``: linear interpolation for
    intensities and probabilities, nearest neighbour for ``labels``."""
    spatial = len(shape)
    x = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))
    x = x[None, None] if x.ndim == spatial else x[None]
    if tuple(x.shape[2:]) == tuple(shape):
        return np.asarray(array)
    mode = "nearest-exact" if labels else ("trilinear" if spatial == 3 else "bilinear")
    out = interpolate(x, size=tuple(shape), mode=mode, **({} if labels else {"align_corners": False}))[0]
    return (out[0] if np.asarray(array).ndim == spatial else out).numpy()


def predict_probabilities(net: torch.nn.Module, cfg: ModelConfig, image: np.ndarray,
                          device: str | torch.device | None = None, overlap: float | None = None,
                          sw_batch_size: int | None = None, spacing: tuple[float, ...] | None = None) -> np.ndarray:
    """Softmax probabilities ``(labels + 1, *image.shape)`` by sliding-window inference over ``cfg.patch_size``.

    With a ``cfg.target_spacing`` and the image's ``spacing`` (mm), the image is resampled to the model's spacing
    first and the probabilities back to the image's grid, so sizes in mm of the result do not depend on the
    scanner's spacing. Images smaller than the patch are padded and cropped back by MONAI; larger ones are tiled
    with Gaussian-weighted blending so tile seams do not show in the mask (``overlap``: the config's unless given;
    ``sw_batch_size``: tiles per forward pass, 2 for 3D and 32 for 2D unless given). The image goes through
    :func:`preprocess` first. AMP (fp16) is used on CUDA.
    """
    overlap = cfg.overlap if overlap is None else overlap
    sw_batch_size = sw_batch_size or (2 if cfg.dims == 3 else 32)
    if image.ndim != cfg.dims:
        raise InputError(f"model {cfg.name} segments {cfg.dims}D images, got a {image.ndim}D image "
                         f"of shape {image.shape}")
    if cfg.target_spacing is not None and spacing is not None:
        work = resampled_shape(image.shape, spacing, cfg.target_spacing)
        if work != tuple(image.shape):
            probs = predict_probabilities(net, cfg.model_copy(update={"target_spacing": None}),
                                          resample(image, work), device, overlap, sw_batch_size)
            return resample(probs, tuple(image.shape))
    dev = resolve_device(device) if device is not None else next(net.parameters()).device
    x = torch.from_numpy(preprocess(image, cfg))[None, None].to(dev)
    spatial = tuple(range(2, 2 + cfg.dims))
    flips = [axes for n in range(len(spatial) + 1) for axes in combinations(spatial, n)] if cfg.flip_tta else [()]
    views = [(turn, axes) for turn in ((0, 1) if cfg.rot90_tta else (0,)) for axes in flips]
    plane = spatial[:2]
    probs = None
    with torch.inference_mode(), torch.autocast(device_type="cuda", dtype=torch.float16,
                                                enabled=dev.type == "cuda"):
        for turn, axes in views:
            v = x.flip(axes) if axes else x
            v = torch.rot90(v, 1, plane) if turn else v
            logits = sliding_window_inference(v, roi_size=cfg.patch_size, sw_batch_size=sw_batch_size,
                                              predictor=net, overlap=overlap, mode="gaussian")
            p = torch.softmax(logits.float(), dim=1)
            p = torch.rot90(p, -1, plane) if turn else p
            p = p.flip(axes) if axes else p
            probs = p if probs is None else probs + p
    return (probs / len(views))[0].cpu().numpy()


def probabilities_to_mask(probs: np.ndarray, threshold: float | None = None) -> np.ndarray:
    """Label map (uint8): arg-max over the class axis, or with a ``threshold`` (one-label models: background and
    foreground) foreground wherever its probability reaches it."""
    if threshold is not None:
        if probs.shape[0] != 2:
            raise InputError(f"a threshold needs background/foreground probabilities, got {probs.shape[0]} classes")
        return (probs[1] >= threshold).astype(np.uint8)
    return np.argmax(probs, axis=0).astype(np.uint8)
