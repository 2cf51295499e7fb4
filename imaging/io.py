"""Reading scans and masks, and writing masks back in the scan's geometry.

Decoding is MONAI's (``NibabelReader``, ``PydicomReader``, ``PILReader``: the readers behind ``LoadImage``); this
module adds what a clinical input needs around them: the size checked on the header before any pixel is decoded,
one DICOM series per folder with evenly spaced slices, errors that name the file, and the study's metadata.

Every reader returns a :class:`Scan`: a float32 array of the spatial dimensions only, the voxel spacing in mm and
an affine that maps voxel indices to world coordinates in mm. Conventions:

* NIfTI: the array and affine exactly as nibabel gives them (RAS+ world).
* DICOM series: the array is indexed ``(column, row, slice)`` and the affine is converted from DICOM's LPS to
  RAS+, so a mask of a DICOM series saved as NIfTI overlays the series in any viewer (same as dcm2niix).
* 2D images (PNG, TIFF, GIF): the array is indexed ``(row, column)``; the affine is ``diag(spacing, 1)`` (3x3),
  spacing 1 mm unless given, since these formats carry no geometry.

Masks hold integer labels (0 = background). A binary mask stored as 0/255 (usual for PNG) is read as 0/1.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

import nibabel as nib
import numpy as np
import pydicom
from monai.data import NibabelReader, PILReader, PydicomReader
from PIL import Image, UnidentifiedImageError
from pydicom.errors import InvalidDicomError

from medkg.kg.errors import InputError
from medkg.kg.files import make_private
from medkg.kg.settings import get_settings

#: Largest image read, in voxels (``MEDKG_MAX_VOXELS`` or ``max_voxels`` changes it): 512³ float32 is 0.5 GB, and
#: the header's size is checked before any pixel data is read, so a 74-byte file that declares 1500³ voxels is
#: refused instead of allocating gigabytes.
MAX_VOXELS = 512**3
NIFTI_SUFFIXES = (".nii.gz", ".nii")
IMAGE_2D_SUFFIXES = (".png", ".tif", ".tiff", ".gif")
DICOM_SUFFIXES = (".dcm", ".dicom", "")
#: how a colour 2D image becomes one channel (see :func:`load_image`)
COLORS = ("gray", "red", "green", "blue")


@dataclass
class Scan:
    """An image (or a mask) with its geometry. ``array`` has only spatial axes (2 or 3)."""

    array: np.ndarray
    spacing: tuple[float, ...]
    affine: np.ndarray
    path: Path
    kind: str  # "nifti", "dicom" or "2d"
    study_uid: str | None = None
    patient_id: str | None = None
    modality: str | None = None
    date: Date | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ndim(self) -> int:
        return self.array.ndim

    @property
    def voxel_volume(self) -> float:
        """Volume (3D, mm³) or area (2D, mm²) of one voxel."""
        return float(np.prod(self.spacing))


def stem(path: Path) -> str:
    """File stem used to pair images with masks: ``case1.nii.gz`` → ``case1``; a DICOM folder → its name."""
    name = path.name
    for suffix in NIFTI_SUFFIXES + IMAGE_2D_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem if path.is_file() else name


def is_scan_path(path: Path) -> bool:
    """Whether ``path`` looks like something :func:`load_image` reads (used when listing a folder)."""
    if path.name.startswith("."):
        return False
    if path.is_dir():
        return True
    return path.name.lower().endswith(NIFTI_SUFFIXES + IMAGE_2D_SUFFIXES + (".dcm",))


def load_image(path: str | Path, dims: int | None = None, spacing_2d: tuple[float, float] | None = None,
               max_voxels: int | None = None, color: str = "gray") -> Scan:
    """Read a NIfTI file, a DICOM series folder or a 2D image; ``dims`` (2 or 3) checks the dimensionality.

    ``max_voxels`` (default :func:`voxel_budget`) bounds the image size, checked on the header before any pixel
    data is read. ``color`` says how a colour 2D image becomes one channel: ``gray`` (luminance) or the ``red``,
    ``green`` or ``blue`` band (the green band has the best vessel contrast in fundus photographs); grey-level
    images are read as they are.
    """
    path = Path(path)
    if dims not in (None, 2, 3):
        raise InputError(f"dims must be 2 or 3, got {dims!r}")
    if color not in COLORS:
        raise InputError(f"color must be one of {', '.join(COLORS)}, got {color!r}")
    budget = voxel_budget() if max_voxels is None else max_voxels
    if not isinstance(budget, int) or budget < 1:
        raise InputError(f"max_voxels must be a positive integer, got {max_voxels!r}")
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    lower = path.name.lower()
    if path.is_dir():
        scan = _load_dicom_series(path, budget)
    elif lower.endswith(NIFTI_SUFFIXES):
        scan = _load_nifti(path, budget)
    elif lower.endswith(IMAGE_2D_SUFFIXES):
        scan = _load_2d(path, spacing_2d, budget, color)
    else:
        raise InputError(f"{path}: not a supported image; expected NIfTI ({', '.join(NIFTI_SUFFIXES)}), "
                         f"a DICOM series folder, or a 2D image ({', '.join(IMAGE_2D_SUFFIXES)})")
    if scan.array.size == 0 or min(scan.array.shape) < 1:
        raise InputError(f"{path}: image has no voxels (shape {scan.array.shape})")
    if dims is not None and scan.ndim != dims:
        raise InputError(f"{path}: expected a {dims}D image, got {scan.ndim}D with shape {scan.array.shape}")
    if not np.isfinite(scan.array).all():
        raise InputError(f"{path}: image contains NaN or infinite values")
    return scan


def voxel_budget() -> int:
    """The largest image read, in voxels: the ``max_voxels`` setting (``MEDKG_MAX_VOXELS``), else
    :data:`MAX_VOXELS`."""
    return get_settings().max_voxels or MAX_VOXELS


def _check_size(path: Path, shape: tuple[int, ...], budget: int) -> None:
    n = int(np.prod([int(d) for d in shape], dtype=object)) if shape else 0
    if n > budget:
        raise InputError(f"{path}: the header declares {' x '.join(str(int(d)) for d in shape)} = {n:,} voxels, over "
                         f"the budget of {budget:,} (set MEDKG_MAX_VOXELS to read larger images)")


def load_mask(path: str | Path, like: Scan | None = None, n_labels: int | None = None,
              allow_empty: bool = False) -> Scan:
    """Read a label mask (0 = background). 0/255 binary masks become 0/1.

    ``like`` checks that the mask has the image's shape; ``n_labels`` (foreground labels) bounds the values;
    an all-background mask is an error unless ``allow_empty`` (training on it teaches nothing about lesions and
    it is more often a wrong file than a true negative).
    """
    scan = load_image(path, dims=like.ndim if like is not None else None)
    scan.array = to_label_array(scan.array, scan.path, n_labels=n_labels, allow_empty=allow_empty)
    if like is not None and scan.array.shape != like.array.shape:
        raise InputError(f"{scan.path}: mask shape {scan.array.shape} does not match image {like.path} "
                         f"shape {like.array.shape}")
    return scan


def to_label_array(arr: np.ndarray, path: Path | str = "<mask>", n_labels: int | None = None,
                   allow_empty: bool = False) -> np.ndarray:
    """Validate and convert raw mask values to integer labels (uint8)."""
    if arr.size == 0:
        raise InputError(f"{path}: mask is empty (shape {arr.shape})")
    if not np.isfinite(arr).all():
        raise InputError(f"{path}: mask contains NaN or infinite values")
    if not np.array_equal(arr, np.round(arr)) or arr.min() < 0:
        raise InputError(f"{path}: mask values must be non-negative integers (labels), got range "
                         f"[{arr.min():g}, {arr.max():g}]")
    values = np.unique(arr)
    if set(values.tolist()) <= {0, 255}:
        arr = arr // 255
        values = np.unique(arr)
    top = int(values.max())
    if n_labels is not None and top > n_labels:
        raise InputError(f"{path}: mask has label {top} but the model knows {n_labels} foreground label(s); "
                         f"values found: {values.tolist()[:10]}")
    if top > 254:
        raise InputError(f"{path}: mask has label {top}; at most 254 labels are supported")
    if top == 0 and not allow_empty:
        raise InputError(f"{path}: mask has no foreground voxels")
    return arr.astype(np.uint8)


def save_mask(mask: np.ndarray, like: Scan, out: str | Path) -> Path:
    """Write ``mask`` in ``like``'s geometry: NIfTI with its affine (3D) or an 8-bit PNG/TIFF (2D).

    A binary 2D mask is written 0/255 so it is visible in any viewer; :func:`load_mask` reads it back as 0/1.
    """
    out = Path(out)
    if mask.shape != like.array.shape:
        raise InputError(f"mask shape {mask.shape} does not match image {like.path} shape {like.array.shape}")
    out.parent.mkdir(parents=True, exist_ok=True)
    lower = out.name.lower()
    if mask.ndim == 3:
        if not lower.endswith(NIFTI_SUFFIXES):
            raise InputError(f"{out}: a 3D mask is written as NIfTI; use a .nii or .nii.gz name")
        img = nib.Nifti1Image(mask.astype(np.uint8), like.affine)
        img.header.set_zooms(like.spacing)
        img.set_qform(like.affine, code=1)
        img.set_sform(like.affine, code=1)
        nib.save(img, str(out))
    else:
        if not lower.endswith((".png", ".tif", ".tiff")):
            raise InputError(f"{out}: a 2D mask is written as PNG or TIFF; use a .png or .tif name")
        arr = mask.astype(np.uint8)
        if arr.max() <= 1:
            arr = arr * 255
        Image.fromarray(arr).save(out)
    return make_private(out)  # a patient's segmentation: owner-only like every output


def save_nifti(array: np.ndarray, affine: np.ndarray, out: str | Path, dtype: type = np.float32) -> Path:
    """Write a volume as NIfTI with the given affine (used for synthetic scans)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    img = nib.Nifti1Image(np.asarray(array, dtype=dtype), affine)
    img.set_qform(affine, code=1)
    img.set_sform(affine, code=1)
    nib.save(img, str(out))
    return out


def content_uid(path: Path) -> str:
    """A stable study uid for files that carry none: a hash of the file (or the folder's files)."""
    h = hashlib.sha1()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        h.update(f.read_bytes())
    return "sha1:" + h.hexdigest()[:20]


# --------------------------------------------------------------------------------------------------- readers


def _load_nifti(path: Path, budget: int) -> Scan:
    reader = NibabelReader()
    try:
        img = reader.read(str(path))  # the header only: pixel data is read below
    except Exception as err:  # nibabel raises several unrelated types for broken files
        raise InputError(f"{path}: cannot read as NIfTI ({type(err).__name__}: {err})") from None
    _check_size(path, tuple(img.shape), budget)
    try:
        data, meta = reader.get_data(img)
    except Exception as err:
        raise InputError(f"{path}: cannot read as NIfTI ({type(err).__name__}: {err})") from None
    zooms = tuple(float(z) for z in img.header.get_zooms())
    if data.ndim == 4 and data.shape[3] == 1:  # a single-frame 4D file is a 3D volume
        data = data[..., 0]
    if data.ndim == 3 and data.shape[2] == 1:  # a 2D image saved as NIfTI
        data = data[..., 0]
    if data.ndim not in (2, 3):
        raise InputError(f"{path}: expected a 2D or 3D image, got {data.ndim}D with shape {data.shape}")
    affine = np.asarray(meta["affine"], dtype=np.float64)
    spacing = tuple(float(np.linalg.norm(affine[:3, i])) for i in range(data.ndim))
    if data.ndim == 2:
        affine = np.diag([spacing[0], spacing[1], 1.0])
    if any(s <= 0 for s in spacing):
        spacing = zooms[: data.ndim]
    return Scan(np.asarray(data, dtype=np.float32), spacing, affine, path, "nifti")


def _to_channel(color: str) -> Callable[[Image.Image], Image.Image]:
    """How a 2D image becomes the one channel medkg reads (see :func:`load_image`)."""
    def convert(im: Image.Image) -> Image.Image:
        if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
            return im  # 16-bit and float images keep their values
        if color != "gray" and im.mode not in ("L", "LA", "1"):
            return im.convert("RGB").getchannel(color[0].upper())
        return im.convert("L")

    return convert


def _load_2d(path: Path, spacing: tuple[float, float] | None, budget: int, color: str = "gray") -> Scan:
    reader = PILReader(converter=_to_channel(color), reverse_indexing=False)  # (row, column) as PIL gives it
    try:
        im = reader.read(str(path))  # the header; pixels are decoded on first access
        try:
            _check_size(path, tuple(im.size), budget)
            im.seek(0)  # first frame of a GIF/multi-page TIFF
            arr, _ = reader.get_data(im)
        finally:
            im.close()
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise InputError(f"{path}: cannot read as an image ({err})") from None
    if arr.ndim != 2:
        raise InputError(f"{path}: expected a 2D image, got shape {arr.shape}")
    sp = tuple(float(s) for s in (spacing or (1.0, 1.0)))
    if len(sp) != 2 or min(sp) <= 0:
        raise InputError(f"spacing_2d must be two positive numbers, got {spacing!r}")
    return Scan(np.asarray(arr, dtype=np.float32), sp, np.diag([sp[0], sp[1], 1.0]), path, "2d")


def _load_dicom_series(folder: Path, budget: int) -> Scan:
    """Read one DICOM series from a folder with MONAI's ``PydicomReader`` (slices sorted along the slice normal,
    rescale slope/intercept applied, LPS affine converted to RAS+), after checks that name the file at fault: every
    file is DICOM with pixel data, one series, within the voxel budget, evenly spaced slices."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise InputError(f"{folder}: folder is empty; expected a DICOM series")
    for f in files:  # the reader skips a non-DICOM file with a warning; here it is an error that names it
        if not pydicom.misc.is_dicom(str(f)):
            raise InputError(f"{f}: not a DICOM file (no DICM preamble)")
    reader = PydicomReader()
    try:
        read = reader.read(str(folder))
    except (InvalidDicomError, OSError, EOFError) as err:
        raise InputError(f"{folder}: not a DICOM series ({err})") from None
    slices = read if isinstance(read, list) else [read]
    if len(slices) != len(files):
        raise InputError(f"{folder}: {len(files) - len(slices)} of {len(files)} files could not be read as DICOM")
    for ds in slices:
        if "PixelData" not in ds:
            raise InputError(f"{ds.filename}: DICOM file has no pixel data")
    first = slices[0]
    _check_size(folder, (int(getattr(first, "Columns", 0) or 0), int(getattr(first, "Rows", 0) or 0),
                         len(slices) * max(1, int(getattr(first, "NumberOfFrames", 1) or 1))), budget)
    series = {str(getattr(ds, "SeriesInstanceUID", "")) for ds in slices}
    if len(series) > 1:
        raise InputError(f"{folder}: holds {len(series)} DICOM series; put one series per folder")
    if len(slices) > 1 and all(hasattr(ds, "ImagePositionPatient") for ds in slices):
        try:
            orient = np.asarray(first.ImageOrientationPatient, dtype=np.float64)
        except AttributeError:
            orient = np.array([1.0, 0, 0, 0, 1.0, 0])
        normal = np.cross(orient[:3], orient[3:])
        gaps = np.diff(np.sort([float(np.dot(normal, np.asarray(ds.ImagePositionPatient, dtype=float)))
                                for ds in slices]))
        if np.any(gaps <= 1e-6):
            raise InputError(f"{folder}: two DICOM slices share a position; is it more than one series?")
        if gaps.max() - gaps.min() > 0.01 * max(gaps.mean(), 1e-6) + 1e-3:
            raise InputError(f"{folder}: DICOM slices are not evenly spaced (gaps {gaps.min():.3g}"
                             f"–{gaps.max():.3g} mm); resample the series first")
    try:
        vol, meta = reader.get_data(read)
    except Exception as err:  # pixel decoding errors come from several handlers
        raise InputError(f"{folder}: cannot decode DICOM pixel data ({type(err).__name__}: {err})") from None
    affine = np.asarray(meta["affine"], dtype=np.float64)
    spacing = tuple(float(s) for s in meta["spacing"])
    if vol.ndim == 2:  # a one-slice series: a volume one slice thick
        thickness = float(getattr(first, "SpacingBetweenSlices", getattr(first, "SliceThickness", 1.0)) or 1.0)
        vol, spacing = vol[..., None], (*spacing[:2], thickness)
        affine[:3, 2] *= thickness
    if vol.ndim != 3:
        raise InputError(f"{folder}: DICOM slices differ in size or are not 2D: shape {vol.shape}")
    study_date = None
    if raw := str(getattr(first, "StudyDate", "") or ""):
        try:
            study_date = Date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        except ValueError:
            study_date = None
    return Scan(np.asarray(vol, dtype=np.float32), spacing, affine, folder, "dicom",
                study_uid=str(getattr(first, "StudyInstanceUID", "")) or None,
                patient_id=str(getattr(first, "PatientID", "")) or None,
                modality=str(getattr(first, "Modality", "")) or None, date=study_date)


# --------------------------------------------------------------------------------------------------- pairing


def list_scans(folder: str | Path, what: str = "images") -> dict[str, Path]:
    """Scans in ``folder`` keyed by stem; a folder with sub-folders is read as one DICOM series per sub-folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{what} folder {folder} does not exist or is not a folder")
    out: dict[str, Path] = {}
    for p in sorted(folder.iterdir()):
        if not is_scan_path(p):
            if p.is_file() and not p.name.startswith("."):
                raise InputError(f"{p}: not a supported image file (in {what} folder {folder})")
            continue
        key = stem(p)
        if key in out:
            raise InputError(f"{what} folder {folder} has two files with stem {key!r}: {out[key].name}, {p.name}")
        out[key] = p
    if not out:
        raise InputError(f"{what} folder {folder} holds no images")
    return out


def roi_by_stem(roi_dir: str | Path, stems: list[str]) -> dict[str, Path]:
    """The region-of-interest mask of each of ``stems`` in ``roi_dir`` (e.g. fundus field-of-view masks); a stem
    without one is an error."""
    rois = list_scans(roi_dir, "roi")
    if missing := [k for k in stems if k not in rois]:
        raise InputError(f"roi folder {roi_dir} has no mask for image(s): {', '.join(missing[:10])}")
    return rois


def pair_by_stem(images_dir: str | Path, masks_dir: str | Path) -> list[tuple[str, Path, Path]]:
    """``(stem, image, mask)`` for every image; any image without a mask or mask without an image is an error."""
    images = list_scans(images_dir, "images")
    masks = list_scans(masks_dir, "masks")
    no_mask = sorted(images.keys() - masks.keys())
    no_image = sorted(masks.keys() - images.keys())
    if no_mask or no_image:
        parts = []
        if no_mask:
            parts.append(f"images without a mask: {', '.join(images[k].name for k in no_mask[:10])}")
        if no_image:
            parts.append(f"masks without an image: {', '.join(masks[k].name for k in no_image[:10])}")
        raise InputError(f"images in {images_dir} and masks in {masks_dir} do not pair by file stem; "
                         + "; ".join(parts))
    return [(k, images[k], masks[k]) for k in sorted(images)]
