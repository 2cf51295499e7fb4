"""Build the concept vocabulary index shipped as ``nlp/data/vocab.json.gz``.

    python scripts/build_vocab.py \\
        --hetionet-nodes ../shared/data/kg/hetionet/hetionet-v1.0-nodes.tsv \\
        --bc5cdr-train ../shared/data/re/bc5cdr_cid/CDR_TrainingSet.PubTator.txt \\
        [--clinical nlp/data/clinical_terms.tsv] [--out nlp/data/vocab.json.gz]

Only BC5CDR *training* mentions are used, so the development set stays a fair test of normalization. The
crosswalk rule (Hetionet id fused with the MeSH id its normalized name is most often annotated with) is described
in :mod:`nlp.normalize`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.models import Concept  # noqa: E402
from kg.prior import read_nodes  # noqa: E402
from kg.schema import NodeLabel, node_label  # noqa: E402
from nlp.normalize import COMPATIBLE_LABELS, Vocabulary, normalize_text  # noqa: E402

VOCAB_LABELS = {NodeLabel.COMPOUND, NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.SIDE_EFFECT, NodeLabel.ANATOMY}
PUBTATOR_TYPES = {"Chemical": NodeLabel.COMPOUND, "Disease": NodeLabel.DISEASE}
#: Labels the dictionary NER tags (the transformer covers Compound and Disease), in order of preference when one
#: surface form names concepts of several labels.
DICTIONARY_LABELS = (NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.PROCEDURE, NodeLabel.ANATOMY,
                     NodeLabel.SIDE_EFFECT, NodeLabel.COMPOUND)
#: Forms too generic to tag on their own in clinical text (they still link when the NER finds them).
DICTIONARY_STOPLIST = {"appendage", "embryo", "blood", "urine", "sweat", "saliva", "feces", "semen", "bile", "sebum",
                       "pes", "manus", "death", "disease", "infection", "drug interaction", "pain", "injury",
                       "mass", "tissue", "nerve", "artery", "vein", "gland", "skeleton", "body", "rib", "nail",
                       "ill defined disorder", "inflammation", "malaise", "shock", "ulcer", "stress", "fall"}
HETIONET_WEIGHT = 1.0
CLINICAL_WEIGHT = 0.5


@dataclass
class Entry:
    label: NodeLabel
    id: str
    name: str
    forms: Counter = field(default_factory=Counter)
    xrefs: set[str] = field(default_factory=set)
    hetionet: bool = False


def read_pubtator_mentions(path: Path):
    """Yield ``(label, mesh id, surface)`` for each single-concept training mention (composite parts split)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6 or parts[4] not in PUBTATOR_TYPES:
                continue
            label, ids = PUBTATOR_TYPES[parts[4]], parts[5].split("|")
            if ids == ["-1"] or not all(ids):
                continue
            if len(ids) == 1:
                yield label, "MESH:" + ids[0], parts[3]
            elif len(parts) >= 7 and len(parts[6].split("|")) == len(ids):  # composite with its parts spelled out
                for mid, part in zip(ids, parts[6].split("|")):
                    if mid != "-1":
                        yield label, "MESH:" + mid, part


def build(hetionet_nodes: Path, bc5cdr_train: Path, clinical: Path) -> tuple[Vocabulary, dict]:
    entries: dict[str, Entry] = {}
    for node in read_nodes(hetionet_nodes):
        if node.label in VOCAB_LABELS:
            e = entries.setdefault(node.id, Entry(node.label, node.id, node.name, hetionet=True))
            e.forms[normalize_text(node.name)] += HETIONET_WEIGHT
            head, sep, tail = node.name.partition(", ")
            if sep and "," not in tail:  # MeSH-style inverted names: "Sleep Apnea, Obstructive"
                e.forms[normalize_text(f"{tail} {head}")] += HETIONET_WEIGHT

    # BC5CDR MeSH concepts and their surface forms
    form_votes: dict[tuple[NodeLabel, str], Counter] = defaultdict(Counter)
    mesh_surfaces: dict[str, Counter] = defaultdict(Counter)
    for label, mid, surface in read_pubtator_mentions(bc5cdr_train):
        key = normalize_text(surface)
        if not key:
            continue
        form_votes[(label, key)][mid] += 1
        mesh_surfaces[mid][surface.lower()] += 1
        e = entries.get(mid)
        if e is None:
            e = entries[mid] = Entry(label, mid, "")
        e.forms[key] += 1
    for mid, surf in mesh_surfaces.items():
        if not entries[mid].name:
            entries[mid].name = surf.most_common(1)[0][0]

    # Crosswalk: Hetionet DOID disease / DrugBank compound <-> the MeSH id its name is mostly annotated with
    claims: dict[str, list[str]] = defaultdict(list)
    for e in entries.values():
        if e.hetionet and e.label in (NodeLabel.DISEASE, NodeLabel.COMPOUND):
            votes = form_votes.get((e.label, normalize_text(e.name)))
            if votes:
                (top, n1), *rest = votes.most_common(2)
                if not rest or n1 > rest[0][1]:
                    claims[top].append(e.id)
    fused = xref_only = 0
    for mid, hids in claims.items():
        if len(hids) != 1:
            continue  # two Hetionet concepts claim one MeSH id: ambiguous, leave both unfused
        h, m = entries[hids[0]], entries[mid]
        h.xrefs.add(mid)
        if m.hetionet:  # the MeSH id is itself a Hetionet node (a Symptom): keep both nodes, record the xref
            xref_only += 1
            continue
        h.forms.update(m.forms)
        del entries[mid]
        fused += 1

    # Hand-written clinical terms
    cased: dict[str, set[str]] = defaultdict(set)
    clinical_keys: set[str] = set()
    vocab_tmp = _to_vocab(entries, "tmp")
    errors: list[str] = []
    for lineno, row in enumerate(csv.reader(_data_lines(clinical), delimiter="\t"), 1):
        kind, label = row[0], node_label(row[1])
        if kind == "proc":
            cid, surfaces = row[2], row[3].split("|")
            e = entries.setdefault(cid, Entry(label, cid, surfaces[0]))
            targets = [e]
        elif kind == "syn":
            surfaces, canonical = row[2].split("|"), row[3]
            concept = vocab_tmp.by_id(canonical) if ":" in canonical and " " not in canonical else \
                vocab_tmp.exact(canonical, COMPATIBLE_LABELS[label])
            if concept is None:
                errors.append(f"row {lineno}: canonical {canonical!r} ({label.value}) not in vocabulary")
                continue
            targets = [entries[concept.id]]
        else:
            raise SystemExit(f"{clinical}: row {lineno}: unknown row kind {kind!r} (expected syn or proc)")
        for s in surfaces:
            key = normalize_text(s)
            for e in targets:
                e.forms[key] += CLINICAL_WEIGHT
            clinical_keys.add(key)
            if s.isupper() and len(s) <= 6:
                cased[key].add(s)

    if errors:
        raise SystemExit(f"{clinical}:\n  " + "\n  ".join(errors))
    vocab = _to_vocab(entries, _version(hetionet_nodes, bc5cdr_train, clinical))
    # Dictionary NER keys: forms of the dictionary labels plus all clinical forms. A key that comes only from
    # capitalised abbreviations matches case-sensitively.
    dictionary: dict[str, list] = {}
    lowercase_keys = set()
    for e in entries.values():
        if e.label in (NodeLabel.SYMPTOM, NodeLabel.ANATOMY, NodeLabel.SIDE_EFFECT, NodeLabel.PROCEDURE):
            lowercase_keys.update(k for k in e.forms if len(k) >= 3)
    for row in csv.reader(_data_lines(clinical), delimiter="\t"):
        lowercase_keys.update(normalize_text(s) for s in (row[3] if row[0] == "proc" else row[2]).split("|")
                              if not (s.isupper() and len(s) <= 6))
    for key in sorted((lowercase_keys | set(cased)) - DICTIONARY_STOPLIST):
        cands = {vocab.concepts[i].label for i, _ in vocab.forms.get(key, [])}
        label = next((lab for lab in DICTIONARY_LABELS if lab in cands), None)
        if label is None:
            continue
        dictionary[key] = [label.value, None if key in lowercase_keys else sorted(cased[key])]
    stats = {"concepts": len(vocab), "forms": len(vocab.forms), "dictionary_keys": len(dictionary),
             "crosswalk_fused": fused, "crosswalk_xref_only": xref_only,
             "by_label": dict(Counter(c.label.value for c in vocab.concepts))}
    vocab.dictionary = {k: (NodeLabel(v[0]), tuple(v[1]) if v[1] else None) for k, v in dictionary.items()}
    return vocab, stats


def _to_vocab(entries: dict[str, Entry], version: str) -> Vocabulary:
    concepts, forms = [], defaultdict(list)
    for i, e in enumerate(sorted(entries.values(), key=lambda x: x.id)):
        concepts.append(Concept(label=e.label, id=e.id, name=e.name, xrefs=tuple(sorted(e.xrefs))))
        for key, w in e.forms.items():
            if key:
                forms[key].append((i, float(w)))
    return Vocabulary(concepts, forms, version=version)


def _data_lines(path: Path):
    with open(path, encoding="utf-8") as fh:
        return [ln for ln in fh if ln.strip() and not ln.startswith("#")]


def _version(*paths: Path) -> str:
    import hashlib

    h = hashlib.sha1()
    for p in paths:
        h.update(Path(p).read_bytes())
    return "vocab-" + h.hexdigest()[:10]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hetionet-nodes", type=Path, required=True)
    ap.add_argument("--bc5cdr-train", type=Path, required=True)
    ap.add_argument("--clinical", type=Path, default=Path(__file__).resolve().parents[1] / "nlp/data/clinical_terms.tsv")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "nlp/data/vocab.json.gz")
    args = ap.parse_args(argv)
    vocab, stats = build(args.hetionet_nodes, args.bc5cdr_train, args.clinical)
    vocab.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB): {stats}")


if __name__ == "__main__":
    main()
