"""Reproduce the shipped demo model ``imaging/models/demo3d`` and the demo scan ``imaging/data/demo_scan.nii.gz``.

    PYTHONPATH=. python scripts/train_demo_imaging.py --work runs/imaging_demo --out imaging/models/demo3d

Generates a synthetic training set (seed 1), trains a small 3D U-Net on CPU (2 threads), evaluates it on a fresh
synthetic validation set (seed 2) and writes the demo scan (seed 3) with its ground-truth lesion list.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from medkg.kg.models import Concept
from medkg.kg.schema import NodeLabel


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path("runs/imaging_demo"), help="scratch folder for data")
    ap.add_argument("--out", type=Path, default=Path("imaging/models/demo3d"))
    ap.add_argument("--n-train", type=int, default=40)
    ap.add_argument("--n-val", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--time-limit", type=float, default=1200.0, help="seconds; stop training early after this")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--init", type=Path, default=None, help="continue from this model folder (fine-tune stage)")
    ap.add_argument("--skip-train", action="store_true", help="only (re)write data and evaluate --out")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    from medkg.imaging.evaluate import evaluate
    from medkg.imaging.synthetic import write_dataset, write_demo_scan
    from medkg.imaging.train import train

    shape = (64, 64, 48)
    write_dataset(args.work / "train", n=args.n_train, dims=3, shape=shape, anisotropic=True, seed=1)
    write_dataset(args.work / "val", n=args.n_val, dims=3, shape=shape, anisotropic=True, seed=2)
    if not args.skip_train:
        # Illustrative concept: the demo's synthetic "lesions" are read as suggesting a brain neoplasm.
        concepts = {"lesion": Concept(label=NodeLabel.DISEASE, id="DOID:2377", name="multiple sclerosis")}
        result = train(args.work / "train" / "images", args.work / "train" / "masks", args.out, dims=3,
                       val_fraction=0.15, epochs=args.epochs, patch_size=48, channels=(8, 16, 32, 64),
                       batch_size=2, samples_per_image=2, lr=args.lr, seed=0, num_threads=args.threads,
                       time_limit_s=args.time_limit, val_every=5, name="medkg-demo3d", version="1.0.0",
                       concepts=concepts, init_from=args.init)
        print(json.dumps({"best_val_dice": result.best_val_dice, "epochs": result.epochs_run,
                          "seconds": round(result.seconds, 1), "history": result.history}, indent=1))
    report = evaluate(args.out, args.work / "val" / "images", args.work / "val" / "masks")
    print(json.dumps(report["mean"], indent=1))
    scan, lesions = write_demo_scan(Path("imaging/data"))
    print("demo scan:", scan, "lesions:", lesions)


if __name__ == "__main__":
    main()
