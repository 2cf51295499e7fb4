"""Accuracy@1 of concept normalization on the gold mentions of a BC5CDR or BioRED PubTator file.

    python scripts/eval_normalization.py ../shared/data/re/bc5cdr_cid/CDR_DevelopmentSet.PubTator.txt [--json]

Each gold mention (its span text and type: Chemical -> Compound, Disease -> Disease) is linked on its own, with
the abbreviations defined in its abstract available (as the extraction pipeline does). A prediction is the MeSH id
of the linked concept (its own id or its crosswalk xref).

Counting:
* **accuracy@1** (the headline): over mentions whose gold id is not ``-1`` (BioRED: ``-``); correct when the
  predicted MeSH id is the gold id or, for a composite mention (``D1|D2``, e.g. "breast and ovarian cancer"), one
  of its ids. An unlinked prediction counts as wrong.
* **strict**: the same, but a composite mention is always wrong (medkg links one concept per mention).
* gold ``-1`` / ``-`` mentions (no MeSH concept exists) are reported apart: the share medkg leaves unlinked.
* **vocab_coverage**: the share of mentions whose gold MeSH id is in the vocabulary at all, i.e. the ceiling of
  accuracy@1 (a MeSH id absent from the index cannot be predicted; BC5CDR uses 2015 MeSH ids, and concepts
  that MeSH has since moved from supplementary to descriptor ids cannot match at all);
  **accuracy@1_covered** is the accuracy on those mentions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from medkg.kg.errors import InputError  # noqa: E402
from medkg.nlp.evaluate_relations import MENTION_TYPES  # noqa: E402
from medkg.nlp.literature import iter_pubtator  # noqa: E402
from medkg.nlp.ner import GOLD_TO_LABEL  # noqa: E402
from medkg.nlp.normalize import Linker, Vocabulary, find_abbreviations  # noqa: E402

#: gold ids that say no concept exists: BC5CDR's ``-1``, BioRED's ``-``
NIL_IDS = (["-1"], ["-"])


def read_pubtator(path: Path):
    """Yield ``(pmid, text, [(surface, type, gold ids)])`` per document."""
    for block in iter_pubtator(path):
        if block.doc is None:
            raise InputError(f"{path}:{block.line}: {block.error}")
        doc = block.doc
        mentions = [(a.text, typ, a.id.replace(",", "|").split("|")) for a in doc.annotations
                    if (typ := MENTION_TYPES.get(a.type, a.type)) in GOLD_TO_LABEL]
        yield doc.pmid, (doc.title or "") + " " + (doc.abstract or ""), mentions


def evaluate(path: Path, linker: Linker, use_abbreviations: bool = True) -> dict:
    known = {x.removeprefix("MESH:") for con in linker.vocab.concepts for x in (con.id, *con.xrefs)
             if x.startswith("MESH:")}
    c: Counter = Counter()
    methods: Counter = Counter()
    t0 = time.perf_counter()
    n_links = 0
    for _pmid, text, mentions in read_pubtator(path):
        abbrevs = find_abbreviations(text) if use_abbreviations else None
        for surface, typ, gold in mentions:
            link = linker.link(surface, GOLD_TO_LABEL[typ], abbrevs)
            n_links += 1
            pred = link.mesh_id.removeprefix("MESH:") if link.mesh_id else None
            if gold in NIL_IDS:
                c["nil"] += 1
                c["nil_unlinked"] += link.status == "unlinked"
                continue
            key = typ.lower()
            c["total"] += 1
            c[f"{key}_total"] += 1
            ok = pred is not None and pred in gold
            c["correct"] += ok
            c[f"{key}_correct"] += ok
            c["strict_correct"] += ok and len(gold) == 1
            c["composite"] += len(gold) > 1
            covered = any(g in known for g in gold)
            c["covered"] += covered
            c["covered_correct"] += ok and covered
            c["unlinked"] += link.status == "unlinked"
            methods[(link.method, ok)] += 1
    dt = time.perf_counter() - t0
    return {
        "accuracy@1": c["correct"] / c["total"],
        "accuracy@1_strict": c["strict_correct"] / c["total"],
        "accuracy@1_chemical": c["chemical_correct"] / c["chemical_total"],
        "accuracy@1_disease": c["disease_correct"] / c["disease_total"],
        "vocab_coverage": c["covered"] / c["total"],
        "accuracy@1_covered": c["covered_correct"] / max(1, c["covered"]),
        "mentions": c["total"], "composite_mentions": c["composite"], "unlinked": c["unlinked"],
        "nil_mentions": c["nil"], "nil_left_unlinked": c["nil_unlinked"],
        "by_method": {f"{m}/{'ok' if ok else 'wrong'}": n for (m, ok), n in sorted(methods.items())},
        "links_per_s": n_links / dt,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Normalization accuracy@1 on the gold mentions of a BC5CDR or BioRED "
                                             "PubTator file")
    ap.add_argument("pubtator", type=Path)
    ap.add_argument("--vocab", type=Path, default=None, help="vocabulary index (default: the shipped one)")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--no-abbreviations", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    vocab = Vocabulary.load(args.vocab)
    load_s = time.perf_counter() - t0
    linker = Linker(vocab) if args.threshold is None else Linker(vocab, threshold=args.threshold)
    res = evaluate(args.pubtator, linker, use_abbreviations=not args.no_abbreviations)
    res.update(vocab_concepts=len(vocab), vocab_forms=len(vocab.forms), vocab_load_s=round(load_s, 3))
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        for k, v in res.items():
            print(f"{k:24s} {v:.4f}" if isinstance(v, float) else f"{k:24s} {v}")


if __name__ == "__main__":
    main()
