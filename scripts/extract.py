"""Batch extraction from the command line without the ``medkg`` entry point (same options as ``medkg extract``).

    python scripts/extract.py NOTES_DIR notes.jsonl notes.csv --out triples.jsonl [--graph] [--workers 2]

See :mod:`medkg.nlp.extract` for inputs, outputs, quarantine and resume.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import typer  # noqa: E402

from medkg.nlp.cli import extract  # noqa: E402

if __name__ == "__main__":
    typer.run(extract)
