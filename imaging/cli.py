"""``medkg imaging …``: thin Typer wrappers over :mod:`imaging` functions (torch/MONAI load inside commands)."""

from __future__ import annotations

import json
from datetime import date as Date
from enum import Enum
from pathlib import Path

import typer

GROUP = "imaging"
app = typer.Typer(help="Imaging: U-Net segmentation whose findings become graph nodes.", no_args_is_help=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


def _ints(text: str | None, what: str) -> tuple[int, ...] | None:
    from medkg.kg.errors import InputError

    if text is None:
        return None
    try:
        return tuple(int(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"{what} must be comma-separated integers, got {text!r}") from None


def _floats(text: str | None, what: str) -> tuple[float, ...] | None:
    from medkg.kg.errors import InputError

    if text is None:
        return None
    try:
        return tuple(float(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"{what} must be comma-separated numbers, got {text!r}") from None


def _concepts(path: Path | None) -> dict:
    """``{"lesion": {"label": "Disease", "id": "DOID:1319", "name": "brain cancer"}, …}`` from a JSON file."""
    from medkg.kg.errors import InputError
    from medkg.kg.models import Concept

    if path is None:
        return {}
    try:
        raw = json.loads(path.read_text())
        return {k: Concept.model_validate(v) for k, v in raw.items()}
    except (OSError, ValueError, AttributeError) as err:
        raise InputError(f"{path}: not a JSON object of label -> concept: {err}") from None


@app.command("train")
def train_cmd(
    images: Path = typer.Option(..., "--images", help="Folder of images (NIfTI, DICOM series folders, PNG/TIFF)."),
    masks: Path = typer.Option(..., "--masks", help="Folder of masks with the same file stems (0/1 or 0/255)."),
    out: Path = typer.Option(..., "--out", help="Model folder to write (weights + config.json)."),
    dims: int = typer.Option(None, "--dims", min=2, max=3, help="2 or 3 (default: from the first image)."),
    val_fraction: float = typer.Option(0.2, "--val-fraction", min=0.0, max=0.95, help="Images held out."),
    epochs: int = typer.Option(None, "--epochs", min=1, help="Default 50 (3D) / 400 (2D)."),
    labels: str = typer.Option("lesion", "--labels", help="Comma-separated names of mask labels 1, 2, …"),
    concepts: Path = typer.Option(None, "--concepts", help="JSON file mapping label names to concepts."),
    channels: str = typer.Option(None, "--channels",
                                 help="U-Net channels per level (default 8,16,32,64 in 3D, 16,32,64,128 in 2D)."),
    strides: str = typer.Option(None, "--strides",
                                help="Down-sampling per level, one fewer than --channels (default 2 at every "
                                     "level; 1 keeps a level at full resolution)."),
    res_units: int = typer.Option(None, "--res-units", min=0, help="Residual units per level (default 1)."),
    norm: str = typer.Option(None, "--norm", help="instance or batch normalisation (default instance in 3D, "
                                                  "batch in 2D)."),
    patch: str = typer.Option(None, "--patch", help="Patch size, e.g. 64 or 64,64,32 (default 64³ / 64²)."),
    batch_size: int = typer.Option(None, "--batch-size", min=1, help="Images per batch (default 2)."),
    samples: int = typer.Option(None, "--samples-per-image", min=1,
                                help="Patches cropped from each image per batch (default 2 in 3D, 16 in 2D)."),
    pos_neg: str = typer.Option(None, "--pos-neg", help="Relative frequency of patches centred on foreground and "
                                                        "on background (default 2,1 in 3D, 1,1 in 2D)."),
    loss: str = typer.Option(None, "--loss", help="dice_ce (default) or dice_ce_cldice (adds soft clDice)."),
    color: str = typer.Option(None, "--color", help="How a colour 2D image becomes one channel: gray, red, green "
                                                    "or blue (default green in 2D; grey images are unaffected)."),
    clahe: float = typer.Option(None, "--clahe", min=0.0,
                                help="CLAHE clip limit before the z-score, 2D only (default 2 in 2D; 0: off)."),
    tune_threshold: bool = typer.Option(None, "--tune-threshold/--no-tune-threshold",
                                        help="Choose the foreground threshold on the validation images (default "
                                             "on in 2D) instead of arg-max."),
    overlap: float = typer.Option(None, "--overlap", min=0.0, max=0.95,
                                  help="Sliding-window overlap at inference (default 0.25 in 3D, 0.5 in 2D)."),
    roi: Path = typer.Option(None, "--roi", help="Masks (paired by stem) of where patches may be centred, e.g. "
                                                  "field-of-view masks of fundus photographs (default: anywhere)."),
    ema: float = typer.Option(None, "--ema", min=0.0, max=0.9999,
                              help="Keep an exponential moving average of the weights with this decay per step "
                                   "(validated and saved instead of the raw weights; default none; 0: none)."),
    flip_tta: bool = typer.Option(None, "--flip-tta/--no-flip-tta",
                                  help="Average each prediction over the image and its mirror images (validation "
                                       "and every later segmentation; default off)."),
    val_every: int = typer.Option(None, "--val-every", min=1, help="Validate every N epochs (default 1 / 5 in 2D)."),
    lr: float = typer.Option(None, "--lr", help="Peak learning rate (default 2e-3 in 3D, 3e-3 in 2D)."),
    seed: int = typer.Option(0, "--seed"),
    threads: int = typer.Option(2, "--threads", min=1, help="CPU threads for torch."),
    time_limit: float = typer.Option(None, "--time-limit",
                                     help="Stop after this many seconds, the LR schedule following (default none "
                                          "in 3D, 1140 in 2D; 0: none)."),
    device: str = typer.Option(None, "--device", help="cpu, cuda … (default: CUDA when available)."),
    name: str = typer.Option("medkg-unet", "--name", help="Model name recorded on findings."),
    version: str = typer.Option("0.1.0", "--version", help="Model version recorded on findings."),
    allow_empty: bool = typer.Option(False, "--allow-empty-masks", help="Accept masks without foreground."),
    init: Path = typer.Option(None, "--init", help="Start from this model folder's weights (fine-tune)."),
    target_spacing: str = typer.Option(None, "--target-spacing",
                                       help="Voxel spacing in mm the network works at, e.g. 1 or 1,1,2: training "
                                            "and segmented scans are resampled to it (3D scans from several "
                                            "scanners)."),
) -> None:
    """Train a 2D/3D U-Net (Dice + cross-entropy) on images and masks paired by file stem.

    Unset options take the defaults for the images' dimensionality: 3D the small-lesion recipe, 2D the
    retinal-vessel recipe measured on DRIVE (imaging/models/drive/MODEL_CARD.md).
    """
    from medkg.imaging.train import train

    patch_size = _ints(patch, "--patch")
    res = train(images, masks, out, dims=dims, val_fraction=val_fraction, epochs=epochs,
                label_names=tuple(s.strip() for s in labels.split(",")), concepts=_concepts(concepts),
                channels=_ints(channels, "--channels"), strides=_ints(strides, "--strides"),
                num_res_units=res_units, norm=norm,
                patch_size=patch_size[0] if patch_size and len(patch_size) == 1 else patch_size,
                batch_size=batch_size, samples_per_image=samples, lr=lr, seed=seed, num_threads=threads,
                time_limit_s=time_limit, device=device, name=name, version=version,
                allow_empty_masks=allow_empty, init_from=init,
                target_spacing=_floats(target_spacing, "--target-spacing"), color=color, clahe=clahe,
                loss=loss, pos_neg=_floats(pos_neg, "--pos-neg"), tune_threshold=tune_threshold,
                overlap=overlap, val_every=val_every, ema=ema, flip_tta=flip_tta, roi_dir=roi)
    dice = f"{res.best_val_dice:.4f}" if res.best_val_dice is not None else "n/a (no validation images)"
    thr = f" at threshold {res.config.threshold}" if res.config.threshold is not None else ""
    typer.echo(f"trained {res.epochs_run} epochs in {res.seconds:.0f}s "
               f"(CPU {res.config.training['cpu_seconds']:.0f}s); best validation Dice {dice}{thr} -> {out}")


@app.command("tune")
def tune_cmd(
    model: Path = typer.Option(..., "--model", help="Model folder (its config.json is rewritten)."),
    images: Path = typer.Option(..., "--images", help="Folder of images holding the model's validation images."),
    masks: Path = typer.Option(..., "--masks", help="Folder of ground-truth masks (same stems)."),
    flip_tta: bool = typer.Option(None, "--flip-tta/--no-flip-tta",
                                  help="Average over the image and its mirror images (default: as the model has)."),
    rot90_tta: bool = typer.Option(None, "--rot90-tta/--no-rot90-tta",
                                   help="Also average over the image turned by 90 degrees (default: as the model "
                                        "has)."),
    device: str = typer.Option(None, "--device"),
    threads: int = typer.Option(2, "--threads", min=1),
) -> None:
    """Re-choose a one-label model's threshold on its validation images, e.g. after turning test-time
    augmentation on."""
    import torch

    from medkg.imaging.train import retune

    torch.set_num_threads(threads)
    cfg = retune(model, images, masks, flip_tta=flip_tta, rot90_tta=rot90_tta, device=device)
    typer.echo(f"threshold {cfg.threshold} (validation Dice {cfg.training['threshold_val_dice']:.4f} on "
               f"{', '.join(cfg.training['threshold_tuned_on'])}; flip TTA {'on' if cfg.flip_tta else 'off'}, "
               f"rot90 TTA {'on' if cfg.rot90_tta else 'off'}) -> {model / 'config.json'}")


@app.command("evaluate")
def evaluate_cmd(
    model: Path = typer.Option(..., "--model", help="Model folder."),
    images: Path = typer.Option(..., "--images", help="Folder of images."),
    masks: Path = typer.Option(..., "--masks", help="Folder of ground-truth masks (same stems)."),
    roi: Path = typer.Option(None, "--roi", help="Folder of ROI masks (same stems) restricting the evaluation."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
    device: str = typer.Option(None, "--device"),
    threads: int = typer.Option(2, "--threads", min=1),
) -> None:
    """Dice, IoU, sensitivity, specificity and 95% Hausdorff (mm) per image and mean."""
    import torch

    from medkg.imaging.evaluate import METRICS, evaluate

    torch.set_num_threads(threads)
    report = evaluate(model, images, masks, roi_dir=roi, device=device)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(report, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{report['model']} {report['version']} on {images}" + (" (ROI)" if roi else ""))
    for col in ("image", *METRICS):
        table.add_column(col, justify="left" if col == "image" else "right")
    fmt_v = lambda v: "–" if v is None else f"{v:.4f}"  # noqa: E731
    for row in report["per_image"]:
        table.add_row(row["image"], *(fmt_v(row[m]) for m in METRICS))
    table.add_row("mean", *(fmt_v(report["mean"][m]) for m in METRICS), style="bold")
    Console().print(table)


@app.command("segment")
def segment_cmd(
    image: Path = typer.Argument(..., help="NIfTI file, DICOM series folder, or PNG/TIFF/GIF image."),
    model: Path = typer.Option(..., "--model", help="Model folder."),
    out: Path = typer.Option(..., "--out", help="Mask to write (.nii.gz for 3D, .png for 2D)."),
    patient: str = typer.Option(None, "--patient", help="Patient id (default: DICOM PatientID)."),
    study: str = typer.Option(None, "--study", help="Study uid (default: DICOM StudyInstanceUID or file hash)."),
    modality: str = typer.Option(None, "--modality", help="DICOM modality code, e.g. CT, MR."),
    study_date: str = typer.Option(None, "--date", help="Study date YYYY-MM-DD."),
    graph: bool = typer.Option(False, "--graph", help="Write the study and its findings into the graph."),
    min_voxels: int = typer.Option(10, "--min-voxels", min=1, help="Drop components smaller than this."),
    spacing: str = typer.Option(None, "--spacing", help="Pixel spacing of a 2D image in mm, e.g. 0.5,0.5."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
    device: str = typer.Option(None, "--device"),
    threads: int = typer.Option(2, "--threads", min=1),
    deid: bool = typer.Option(True, "--deid/--no-deid",
                              help="Pseudonymize patient id, study uid and date (default) or keep them as given."),
) -> None:
    """Segment one scan, save the mask in its geometry, list findings, optionally add them to the graph.

    Patient id, study uid and date (given or from the DICOM header) are pseudonymized unless --no-deid.
    """
    import torch

    from medkg.imaging.pipeline import segment
    from medkg.kg.errors import InputError

    torch.set_num_threads(threads)
    try:
        when = Date.fromisoformat(study_date) if study_date else None
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, got {study_date!r}") from None
    if not deid:
        typer.secho("de-identification is OFF (--no-deid): patient id, study uid and date are kept as given",
                    err=True, fg="yellow")
    res = segment(image, model, out, patient_id=patient, study_uid=study, modality=modality, study_date=when,
                  graph=graph, device=device, min_voxels=min_voxels, spacing_2d=_floats(spacing, "--spacing"),
                  deid=deid)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(res.to_dict(), indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(res.findings)} finding(s) in {image.name} ({res.model} {res.model_version})")
    for col in ("label", "size", "max diameter mm", "centroid mm (world)", "confidence", "concept"):
        table.add_column(col)
    for f in res.findings:
        size = f"{f.volume_mm3:.1f} mm³" if f.volume_mm3 is not None else f"{f.area_mm2:.1f} mm²"
        table.add_row(f.label, size, f"{f.max_diameter_mm:.1f}", ", ".join(f"{c:.1f}" for c in f.centroid_mm),
                      f"{f.confidence:.3f}", f.concept.id if f.concept else "")
    Console().print(table)
    typer.echo(f"mask -> {res.mask}; study {res.study_uid}" + ("; written to the graph" if graph else ""))


@app.command("synth")
def synth_cmd(
    out: Path = typer.Option(..., "--out", help="Folder to write images/, masks/ and lesions.json into."),
    n: int = typer.Option(8, "--n", min=1, help="Number of cases."),
    dims: int = typer.Option(3, "--dims", min=2, max=3),
    shape: str = typer.Option(None, "--shape", help="e.g. 64,64,48 (3D) or 128,128 (2D)."),
    anisotropic: bool = typer.Option(False, "--anisotropic", help="Random 1–2.5 mm slice spacing (3D)."),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Generate synthetic scans with known ellipsoidal lesions (ground truth in lesions.json)."""
    from medkg.imaging.synthetic import write_dataset

    records = write_dataset(out, n=n, dims=dims, shape=_ints(shape, "--shape"), anisotropic=anisotropic,
                            seed=seed)
    lesions = sum(len(r["lesions"]) for r in records)
    typer.echo(f"wrote {len(records)} {dims}D cases with {lesions} lesions -> {out}")
