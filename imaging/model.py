"""The segmentation network, its on-disk form, and inference.

A model folder holds ``model.safetensors`` (weights, fp16 unless saved otherwise) and ``config.json``
(:class:`ModelConfig`: architecture, patch size, label names, concept map, version), so a model is reproducible
from its folder alone and the weights file never needs pickle.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from medkg.kg.errors import InputError
from medkg.kg.models import Concept

if TYPE_CHECKING:
    import torch

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
        if unknown := set(self.concepts) - set(self.label_names):
            raise ValueError(f"concepts name unknown label(s) {sorted(unknown)}; labels: {list(self.label_names)}")
        return self

    @property
    def out_channels(self) -> int:
        return len(self.label_names) + 1


def build_network(cfg: ModelConfig) -> "torch.nn.Module":
    from monai.networks.nets import UNet

    return UNet(spatial_dims=cfg.dims, in_channels=cfg.in_channels, out_channels=cfg.out_channels,
                channels=cfg.channels, strides=cfg.strides, num_res_units=cfg.num_res_units, norm="INSTANCE")


def save_model(net: "torch.nn.Module", cfg: ModelConfig, out_dir: str | Path, fp16: bool = True) -> Path:
    """Write weights (fp16 by default: half the size, no measurable loss for this network) and config."""
    import torch
    from safetensors.torch import save_file

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


def load_model(model_dir: str | Path, device: "str | torch.device | None" = None
               ) -> tuple["torch.nn.Module", ModelConfig]:
    """Rebuild the network from ``config.json`` and load ``model.safetensors`` (cast to float32)."""
    from safetensors.torch import load_file

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


def resolve_device(device: "str | torch.device | None" = None) -> "torch.device":
    import torch

    if device is None:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dev = torch.device(device)
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise InputError(f"device={device!r} asked for, but CUDA is not available")
    return dev


def normalize(image: np.ndarray) -> np.ndarray:
    """Z-score intensity normalisation, the same transform training applies (MONAI NormalizeIntensity)."""
    from monai.transforms import NormalizeIntensity

    return np.asarray(NormalizeIntensity()(image.astype(np.float32)), dtype=np.float32)


def resampled_shape(shape: tuple[int, ...], spacing: tuple[float, ...], target: tuple[float, ...]) -> tuple[int, ...]:
    """The grid size that covers the same extent as ``shape`` at ``spacing`` when voxels are ``target`` mm."""
    return tuple(max(1, int(round(n * s / t))) for n, s, t in zip(shape, spacing, target))


def resample(array: np.ndarray, shape: tuple[int, ...], *, labels: bool = False) -> np.ndarray:
    """``array`` (spatial axes, or channels first then spatial) on a grid of ``shape``: linear interpolation for
    intensities and probabilities, nearest neighbour for ``labels``."""
    import torch
    from torch.nn.functional import interpolate

    spatial = len(shape)
    x = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))
    x = x[None, None] if x.ndim == spatial else x[None]
    if tuple(x.shape[2:]) == tuple(shape):
        return np.asarray(array)
    mode = "nearest-exact" if labels else ("trilinear" if spatial == 3 else "bilinear")
    out = interpolate(x, size=tuple(shape), mode=mode, **({} if labels else {"align_corners": False}))[0]
    return (out[0] if np.asarray(array).ndim == spatial else out).numpy()


def predict_probabilities(net: "torch.nn.Module", cfg: ModelConfig, image: np.ndarray,
                          device: "str | torch.device | None" = None, overlap: float = 0.25,
                          sw_batch_size: int = 2, spacing: tuple[float, ...] | None = None) -> np.ndarray:
    """Softmax probabilities ``(labels + 1, *image.shape)`` by sliding-window inference over ``cfg.patch_size``.

    With a ``cfg.target_spacing`` and the image's ``spacing`` (mm), the image is resampled to the model's spacing
    first and the probabilities back to the image's grid, so sizes in mm of the result do not depend on the
    scanner's spacing. Images smaller than the patch are padded and cropped back by MONAI; larger ones are tiled
    with Gaussian-weighted blending so tile seams do not show in the mask. AMP (fp16) is used on CUDA.
    """
    import torch
    from monai.inferers import sliding_window_inference

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
    x = torch.from_numpy(normalize(image))[None, None].to(dev)
    with torch.inference_mode(), torch.autocast(device_type="cuda", dtype=torch.float16,
                                                enabled=dev.type == "cuda"):
        logits = sliding_window_inference(x, roi_size=cfg.patch_size, sw_batch_size=sw_batch_size,
                                          predictor=net, overlap=overlap, mode="gaussian")
    return torch.softmax(logits.float(), dim=1)[0].cpu().numpy()


def probabilities_to_mask(probs: np.ndarray) -> np.ndarray:
    """Label map (uint8) by arg-max over the class axis."""
    return np.argmax(probs, axis=0).astype(np.uint8)
