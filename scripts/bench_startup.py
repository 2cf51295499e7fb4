#!/usr/bin/env python
"""Cold start: a fresh process that loads the pipeline (``medkg.load()``) and processes one short note.

    python scripts/bench_startup.py [--repeat 3] [--relations]

Each run is a new Python process (imports included), timed from its start to the note's entities. The baseline is
the first load after installation, when the ONNX export does not exist yet and the PyTorch model is built to make
it; the other runs find the cached export (``$MEDKG_CACHE_DIR``, a temporary folder here) and never build the
PyTorch model. Prints the median seconds of each and their ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = """
import time
t0 = time.perf_counter()
import medkg
pipe = medkg.load(relations={relations})
doc = pipe("Patient on aspirin had a myocardial infarction last year; no evidence of pneumonia.")
assert [e.text for e in doc.ents]
print(round(time.perf_counter() - t0, 3))
"""


def run_once(cache: Path, relations: bool) -> float:
    env = {**os.environ, "MEDKG_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROGRAM.format(relations=relations)], env=env, check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--relations", action="store_true", help="load the relation model too")
    args = ap.parse_args(argv)
    first, cached = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="medkg-cache-") as tmp:
            first.append(run_once(Path(tmp), args.relations))
            cached.append(run_once(Path(tmp), args.relations))
    a, b = statistics.median(first), statistics.median(cached)
    print(f"first load (export): {a:.2f} s; later loads (cached export): {b:.2f} s; ratio {a / b:.2f}x "
          f"(median of {args.repeat}; relations {'on' if args.relations else 'off'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
