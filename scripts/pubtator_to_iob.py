#!/usr/bin/env python
"""Write a PubTator corpus (BioRED, BC5CDR CDR, NCBI-disease) as token-per-line IOB for ``scripts/train_ner.py``.

    PYTHONPATH=. python scripts/pubtator_to_iob.py $BIORED/Train.PubTator --out biored-train.tsv

Each document (title + " " + abstract, as in the ``--cid``/``--ner-docs`` contracts) is split into sentences by the
pipeline's own splitter (:func:`medkg.nlp.spacy_components.sentence_bounds`) and into tokens at whitespace and
punctuation; a token is tagged with the gold mention it overlaps. Mention types are mapped onto the two labels the
NER learns by the one table the evaluations use, :data:`medkg.nlp.evaluate_relations.MENTION_TYPES` (BioRED ``ChemicalEntity`` → Chemical,
``DiseaseOrPhenotypicFeature`` → Disease; NCBI-disease's four disease classes → Disease); every other type (genes,
variants, species, cell lines) is ``O``. Prints how many mentions of each type were kept, mapped or dropped, and
how many could not be aligned to token boundaries.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_TOKEN = re.compile(r"\w+|[^\w\s]")


def document_iob(text: str, mentions: list[tuple[int, int, str]], sentences: list[tuple[int, int]]
                 ) -> tuple[list[list[tuple[str, str]]], int]:
    """IOB sentences of one document, and how many mentions did not start on a token boundary."""
    tags: dict[int, str] = {}
    starts = {m.start() for m in _TOKEN.finditer(text)}
    misaligned = 0
    for a, b, typ in sorted(mentions):
        if a not in starts:
            misaligned += 1
        first = True
        for m in _TOKEN.finditer(text, a, b):
            if m.start() in tags:  # overlapping mentions: the first one keeps its tokens
                break
            tags[m.start()] = ("B-" if first else "I-") + typ
            first = False
    out = []
    for s0, s1 in sentences:
        rows = [(m.group(), tags.get(m.start(), "O")) for m in _TOKEN.finditer(text, s0, s1)]
        if rows:
            out.append(rows)
    return out, misaligned


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pubtator", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)

    from medkg.nlp.evaluate_relations import read_pubtator
    from medkg.nlp.spacy_components import sentence_bounds

    counts: Counter[str] = Counter()
    misaligned = n_sent = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for doc in read_pubtator(args.pubtator):
            kept = []
            for a, b, _text, typ, _ids in doc.mentions:
                counts[typ] += 1
                if typ in ("Chemical", "Disease"):
                    kept.append((a, b, typ))
            sents, bad = document_iob(doc.text, kept, sentence_bounds(doc.text))
            misaligned += bad
            for rows in sents:
                fh.write("".join(f"{tok}\t{tag}\n" for tok, tag in rows) + "\n")
                n_sent += 1
    print(f"{args.out}: {n_sent} sentences; mentions by type after mapping {dict(counts)} "
          f"(only Chemical and Disease are tagged); {misaligned} not starting on a token boundary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
