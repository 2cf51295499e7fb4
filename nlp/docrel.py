"""Document-level chemical–disease relations: every pair of concepts of a document, not only those sharing a sentence.

The sentence-level classifier (:mod:`medkg.nlp.relations`) scores each chemical × disease mention pair of a sentence.
Here the candidates are the document's (chemical concept, disease concept) pairs, all their mentions pooled, in one
sentence or across sentences. One small logistic regression per predicate (CAUSES from BC5CDR CID, TREATS from
BioRED's Negative_Correlation) over features of the whole document decides each pair:
the sentence model's best and mean CAUSES / TREATS probabilities where the two co-occur, how close their mentions
come (in sentences), whether each is in the title, how often and how early each is mentioned, how many chemicals and
diseases compete, and whether a sentence near both carries an induction cue ("-induced", "caused", "after"). This
is how BioCreative V CDR systems recovered the ~24 % of CID pairs that never share a sentence (title chemical ×
abstract disease is the typical case).

Next to these dense features each pair carries sparse *lexical* ones the model weighs one by one: the words between
its two mentions where they share a sentence (other mentions masked as CHEM / DIS), a three-word window around them,
each mention's neighbours, for a pair that never shares a sentence the words of the disease's sentences, the
disease mentions' own words, whether a chemical mention is followed by "-induced", both concepts' MeSH ids (a
prior on which diseases drugs are reported to induce) and both concepts' MeSH categories (the same prior for
concepts no training pair named; ``mesh_chemical_categories.json.gz``). BioCreative's CID guideline annotates the
most specific disease, so a CAUSES model trained that way also drops a disease that is a MeSH ancestor of another
disease it links to the same chemical (``DocRelationModel.most_specific``; the disease tree numbers are in
``nlp/data/mesh_disease_trees.json.gz``).

Each emitted triple still cites one place of the text. The candidates, best first, are the co-occurring sentences in
order of the sentence model's confidence or, for a pair that never shares a sentence, the closest runs of sentences
from one mention to the other (the provenance spans them, ``subject_span`` and ``object_span`` pointing at the two
mentions); the first that states the pair as a fact is cited, and the triple is qualified (negated, possible,
hypothetical) only when none does.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from medkg.kg.errors import InputError
from medkg.kg.schema import POSITIVE_ASSERTIONS, RelType
from medkg.nlp.relations import Relation, _context_assertions, _Shifted, mention_label, mesh_ids, relation_assertion

#: Feature names, in the order of :func:`pair_features`' columns.
FEATURES = (
    "cooccur", "max_causes", "mean_causes", "max_treats", "log_cooccur_sentences", "sentence_distance",
    "chem_in_title", "dis_in_title", "both_in_title", "log_chem_mentions", "log_dis_mentions", "chem_most_frequent",
    "dis_most_frequent", "chem_first", "log_chemicals", "log_diseases", "induction_cue", "treatment_cue",
    "dis_sentence_share", "cross_title_chem", "max_causes_x_cue", "causes_below_doc_best", "causes_rank_in_doc",
    "log_doc_pairs",
)
#: medkg labels on each side of a chemical-induced-disease pair (BC5CDR's "Disease" covers symptoms and effects).
CHEMICAL_LABELS = frozenset({"Compound"})
DISEASE_LABELS = frozenset({"Disease", "Symptom", "SideEffect"})
#: Shipped document-level models, one per predicate, in the relation model's folder.
MODEL_FILES = {"CAUSES": "docrel_causes.json", "TREATS": "docrel_treats.json"}
_INDUCTION = re.compile(r"(?i)(?:-|\b)induc|\bcaus|\bprovok|\bprecipitat|\bafter\b|\bfollowing\b|\bassociated with\b|"
                        r"\btoxicit|\badverse\b|\bside[- ]effect|\bdevelop|\boccurr|\bresult(?:ed|ing)? in\b|"
                        r"\brelated\b|\bsecondary to\b|\boverdose|\bintoxicat|\bpoison")
_TREATMENT = re.compile(r"(?i)\btreat|\btherap|\bmanag|\bprevent|\bprotect|\battenuat|\breduc|\bimprov|\brelie|"
                        r"\beffective\b|\befficacy\b|\bcontrol")


@dataclass(frozen=True, slots=True)
class DocMention:
    """A mention with document offsets, its type (``"Chemical"`` / ``"Disease"``), concept key and sentence."""

    start: int
    end: int
    kind: str
    key: str
    sentence: int
    codes: tuple[str, ...] = ()  # the concept's MeSH ids (bare), for the id features and the most-specific rule
    concept_id: str = ""  # the linked concept's id (a Hetionet id for graph concepts), for prior knowledge


@dataclass
class DocPair:
    """A candidate (chemical, disease) concept pair of one document with everything the features need."""

    chem: str
    dis: str
    features: np.ndarray
    #: where the text states the pair, best first: (chem mention idx, disease mention idx, sentence a, sentence b)
    evidence: tuple[tuple[int, int, int, int], ...]
    causes: list[float] = field(default_factory=list)
    lexical: frozenset[str] = frozenset()
    dis_codes: tuple[str, ...] = ()


#: Name of the prior knowledge built from medkg's shipped Hetionet edges and vocabulary.
SHIPPED_KNOWLEDGE = "hetionet-1.0"
#: Hetionet metaedges from a compound to a disease or side effect that the prior-knowledge option reads.
KNOWLEDGE_METAEDGES = ("CcSE", "CtD", "CpD")
#: Shipped document-level models fitted with prior knowledge (``prior_knowledge=True``), one per predicate.
KNOWLEDGE_MODEL_FILES = {"CAUSES": "docrel_causes_kb.json", "TREATS": "docrel_treats_kb.json"}


class KnownPairs:
    """Which (chemical, disease) concept pairs a knowledge graph already links, and by which edge types.

    The optional prior-knowledge input of the document-level models: a pair Hetionet already links (a compound that
    SIDER lists as causing a side effect, a known indication) gets one binary feature per edge type, whose weight the
    model learns. It biases extraction toward known facts, so it is off by default, a model fitted with it needs it,
    and every triple such a model decides carries the source in its provenance version. Concepts are matched by
    their graph ids and by their MeSH ids (the vocabulary's crosswalk: literature is indexed with MeSH)."""

    def __init__(self, edges: Mapping[tuple[str, str], Iterable[str]], aliases: Mapping[str, Iterable[str]],
                 name: str) -> None:
        self.edges = {k: frozenset(v) for k, v in edges.items()}
        self.aliases = {k: frozenset(v) for k, v in aliases.items()}  # MeSH id or graph id -> graph ids
        self.name = name

    @classmethod
    def hetionet(cls, edges_path: str | Path | None = None, vocabulary: Any = None,
                 name: str | None = None) -> KnownPairs:
        """The compound → disease / side-effect edges of the Hetionet prior medkg ships (``kg/data/hetionet``), with
        MeSH ids from the concept vocabulary's crosswalk (default: the shipped one). Another edges file or
        vocabulary needs its own ``name``: models and provenance tell knowledge sources apart by it."""
        if edges_path is None and vocabulary is None:
            return _shipped_known_pairs()
        if not name or name == SHIPPED_KNOWLEDGE:
            raise InputError(f"name the knowledge built from {edges_path or 'the shipped edges'} and another "
                             f"vocabulary (not {SHIPPED_KNOWLEDGE!r}): models and provenance tell sources apart by it")
        return cls._build(edges_path, vocabulary, name)

    @classmethod
    def _build(cls, edges_path: str | Path | None, vocabulary: Any, name: str = "") -> KnownPairs:
        from medkg.kg.prior import read_edges
        from medkg.nlp.normalize import Vocabulary
        from medkg.nlp.relations import mesh_ids

        vocabulary = vocabulary if vocabulary is not None else Vocabulary.load()
        edges: dict[tuple[str, str], set[str]] = {}
        for e in read_edges(Path(edges_path) if edges_path else None, KNOWLEDGE_METAEDGES):
            edges.setdefault((e.source_id, e.target_id), set()).add(e.metaedge)
        ends = {x for pair in edges for x in pair}
        aliases: dict[str, set[str]] = {x: {x} for x in ends}
        for concept in vocabulary.concepts:
            if concept.id in ends:
                for code in mesh_ids(concept):
                    aliases.setdefault(code, set()).add(concept.id)
        return cls(edges, aliases, name or SHIPPED_KNOWLEDGE)

    def kinds(self, chem_ids: Iterable[str], dis_ids: Iterable[str]) -> set[str]:
        """The edge types linking any graph concept behind ``chem_ids`` to any behind ``dis_ids`` (graph or bare
        MeSH ids)."""
        chems = {g for x in chem_ids for g in self.aliases.get(x, ())}
        diss = {g for x in dis_ids for g in self.aliases.get(x, ())}
        return {k for c in chems for d in diss for k in self.edges.get((c, d), ())}


@cache
def _shipped_known_pairs() -> KnownPairs:
    return KnownPairs._build(None, None)


#: Places of a pair (co-occurring sentences, or closest sentence pairs) whose assertion is read before citing one.
_MAX_PLACES = 8
_TOKEN = re.compile(r"[a-z]+|\d+|[^\sa-z\d]")
#: At most this many words between two mentions are read one by one; further apart, only the ends are.
_NEAR_WORDS = 8


def _words(text: str, start: int, end: int, others: Sequence[DocMention]) -> list[str]:
    """Lower-case tokens of ``text[start:end]``, each mention wholly inside replaced by CHEM or DIS."""
    out, pos = [], start
    for m in others:  # sorted by start
        if m.start >= pos and m.start >= start and m.end <= end:
            out += _TOKEN.findall(text[pos:m.start].lower())
            out.append("CHEM" if m.kind == "Chemical" else "DIS")
            pos = m.end
    out += _TOKEN.findall(text[pos:end].lower())
    return out


def lexical_features(text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[DocMention],
                     chem: Sequence[int], dis: Sequence[int],
                     in_sentence: Mapping[int, Sequence[DocMention]] | None = None) -> frozenset[str]:
    """The sparse features of one concept pair (``chem``/``dis``: indices of its mentions in ``mentions``;
    ``in_sentence``: each sentence's mentions sorted by start, outer before nested, computed here when not
    given)."""
    f: set[str] = set()
    if in_sentence is None:
        in_sentence = _by_sentence(mentions)
    for i in chem:
        for j in dis:
            mi, mj = mentions[i], mentions[j]
            if mi.sentence != mj.sentence:
                continue
            s0, s1 = sentences[mi.sentence]
            others = in_sentence[mi.sentence]
            first, second = (mi, mj) if mi.start < mj.start else (mj, mi)
            order = "CD" if first is mi else "DC"
            between = _words(text, first.end, second.start, others)
            if len(between) <= _NEAR_WORDS:
                f.update(f"B:{order}:{t}" for t in between)
                f.update(f"BB:{order}:{a}_{b}" for a, b in zip(between, between[1:]))
                f.add(f"BLEN:{len(between) // 3}")
            else:
                f.add(f"BFAR:{order}")
                f.update(f"BL:{order}:{t}" for t in between[:3])
                f.update(f"BR:{order}:{t}" for t in between[-3:])
            left = _words(text, s0, first.start, others)[-3:]
            right = _words(text, second.end, s1, others)[:3]
            f.update(f"L:{order}:{t}" for t in left)
            f.update(f"R:{order}:{t}" for t in right)
            if left:
                f.add(f"L1:{order}:{left[-1]}")
            if right:
                f.add(f"R1:{order}:{right[0]}")
            for m, tag in ((mi, "C"), (mj, "D")):
                before = _words(text, s0, m.start, others)[-2:]
                after = _words(text, m.end, s1, others)[:2]
                if before:
                    f.add(f"{tag}L:{before[-1]}")
                if after:
                    f.add(f"{tag}R:{after[0]}")
                if len(before) > 1:
                    f.add(f"{tag}LL:{before[0]}_{before[1]}")
                if len(after) > 1:
                    f.add(f"{tag}RR:{after[0]}_{after[1]}")
    if not f:  # the two never share a sentence: what is said around the disease
        f.add("NOCOOC")
        for j in dis:
            s0, s1 = sentences[mentions[j].sentence]
            f.update(f"DS:{t}" for t in _words(text, s0, s1, in_sentence[mentions[j].sentence]))
    for j in dis:
        f.update(f"DW:{t}" for t in _TOKEN.findall(text[mentions[j].start:mentions[j].end].lower()))
    for i in chem:
        after = text[mentions[i].end:mentions[i].end + 8].lower()
        if after.startswith(("-induced", " induced")):
            f.add("C_INDUCED")
    f.update(f"DID:{c}" for j in dis for c in mentions[j].codes)
    # the disease's MeSH categories (C10 nervous system, C14 cardiovascular, ...): a prior on what drugs are reported
    # to induce that also reaches diseases no training pair named
    trees = _disease_trees()
    f.update(f"DT:{t.split('.', 1)[0]}" for j in dis for c in mentions[j].codes for t in trees.get(c, ()))
    # and the chemical's (D08 enzymes, D12 peptides and proteins, D27 by action and use, ...)
    kinds = _chemical_categories()
    f.update(f"CT:{k}" for i in chem for c in mentions[i].codes for k in kinds.get(c, ()))
    f.update(f"CID:{c}" for i in chem for c in mentions[i].codes)
    return frozenset(f)


def _by_sentence(mentions: Sequence[DocMention]) -> dict[int, list[DocMention]]:
    out: dict[int, list[DocMention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):  # an outer mention masks what it contains
        out.setdefault(m.sentence, []).append(m)
    return out


@cache
def _mesh_table(name: str) -> dict[str, tuple[str, ...]]:
    """A shipped ``{MeSH id: [codes]}`` table of ``nlp/data`` (built by ``scripts/build_mesh_trees.py``), read once."""
    with gzip.open(Path(__file__).resolve().parent / "data" / name, "rt", encoding="utf-8") as fh:
        return {k: tuple(v) for k, v in json.load(fh).items()}


def _disease_trees() -> dict[str, tuple[str, ...]]:
    return _mesh_table("mesh_disease_trees.json.gz")


def _chemical_categories() -> dict[str, tuple[str, ...]]:
    return _mesh_table("mesh_chemical_categories.json.gz")


def broader(general: Iterable[str], specific: Iterable[str]) -> bool:
    """Whether a MeSH disease of ``general`` is a strict ancestor of one of ``specific`` (bare MeSH ids)."""
    trees = _disease_trees()
    ancestors = tuple(t + "." for g in general for t in trees.get(g, ()))
    return bool(ancestors) and any(t.startswith(ancestors) for s in specific for t in trees.get(s, ()))


def drop_broader(pairs: Sequence[DocPair], chosen: Sequence[bool]) -> list[bool]:
    """``chosen`` without pairs whose disease is a MeSH ancestor of another chosen disease of the same chemical
    (and not also its descendant: a concept with several tree numbers can sit on both sides; both are then kept)."""
    kept = list(chosen)
    for a, pa in enumerate(pairs):
        if chosen[a] and any(chosen[b] and pb.chem == pa.chem and pb.dis != pa.dis
                             and broader(pa.dis_codes, pb.dis_codes) and not broader(pb.dis_codes, pa.dis_codes)
                             for b, pb in enumerate(pairs)):
            kept[a] = False
    return kept


def pair_features(text: str, title_end: int, sentences: Sequence[tuple[int, int]], mentions: Sequence[DocMention],
                  pair_scores: Mapping[tuple[int, int], Mapping[str, float]],
                  known: KnownPairs | None = None) -> list[DocPair]:
    """Every (chemical key, disease key) pair of the document with its feature row.

    ``pair_scores[(i, j)]``: the sentence model's distribution for chemical mention ``i`` → disease mention ``j``
    (indices into ``mentions``), for pairs sharing a sentence. ``known``: prior knowledge; a pair it links gets the
    lexical feature ``KB:<edge type>`` for each type (e.g. ``KB:CcSE``).
    """
    chems = [i for i, m in enumerate(mentions) if m.kind == "Chemical"]
    diss = [i for i, m in enumerate(mentions) if m.kind == "Disease"]
    if not chems or not diss:
        return []
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    in_title: set[str] = set()
    sents_of: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        count[m.key] = count.get(m.key, 0) + 1
        first.setdefault(m.key, m.start)
        sents_of.setdefault(m.key, set()).add(m.sentence)
        if m.start < title_end:
            in_title.add(m.key)
    chem_keys = sorted({mentions[i].key for i in chems})
    dis_keys = sorted({mentions[i].key for i in diss})
    top_chem = max(count[k] for k in chem_keys)
    top_dis = max(count[k] for k in dis_keys)
    first_chem = min(first[k] for k in chem_keys)
    n_sent = max(len(sentences), 1)
    sent_text = [text[a:b] for a, b in sentences]
    induction = [bool(_INDUCTION.search(t)) for t in sent_text]
    treatment = [bool(_TREATMENT.search(t)) for t in sent_text]
    by_key: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_key.setdefault(m.key, []).append(i)
    in_sentence = _by_sentence(mentions)
    out = []
    for c in chem_keys:
        for d in dis_keys:
            causes, treats, cooc = [], [], set()
            scored = []  # (-CAUSES, i, j) of the co-occurring mention pairs
            for i in by_key[c]:
                for j in by_key[d]:
                    p = pair_scores.get((i, j))
                    if p is None:
                        continue
                    cooc.add(mentions[i].sentence)
                    causes.append(float(p.get("CAUSES", 0.0)))
                    treats.append(float(p.get("TREATS", 0.0)))
                    scored.append((-causes[-1], i, j))
            apart = sorted((abs(mentions[i].sentence - mentions[j].sentence), i, j)
                           for i in by_key[c] for j in by_key[d])
            dist = apart[0][0]
            # where the text states the pair, best first: the co-occurrences the sentence model is surest of, else
            # the closest mention pairs
            places = [(i, j) for _, i, j in sorted(scored)] or [(i, j) for k, i, j in apart if k == dist]
            evidence = [(i, j, *sorted((mentions[i].sentence, mentions[j].sentence)))
                        for i, j in places[:_MAX_PLACES]]
            *_, sa, sb = evidence[0]
            near = set(range(sa, sb + 1)) | cooc
            cue = any(induction[k] for k in near if 0 <= k < len(induction))
            tcue = any(treatment[k] for k in near if 0 <= k < len(treatment))
            mx = max(causes, default=0.0)
            row = [
                float(bool(cooc)), mx, float(np.mean(causes)) if causes else 0.0, max(treats, default=0.0),
                float(np.log1p(len(cooc))), min(dist, 10) / 10.0,
                float(c in in_title), float(d in in_title), float(c in in_title and d in in_title),
                float(np.log1p(count[c])), float(np.log1p(count[d])), float(count[c] == top_chem),
                float(count[d] == top_dis), float(first[c] == first_chem),
                float(np.log1p(len(chem_keys))), float(np.log1p(len(dis_keys))), float(cue), float(tcue),
                len(sents_of[d]) / n_sent, float(c in in_title and not cooc), mx * float(cue),
            ]
            lexical = lexical_features(text, sentences, mentions, by_key[c], by_key[d], in_sentence)
            if known is not None:
                kinds = known.kinds(_identities(mentions, by_key[c]), _identities(mentions, by_key[d]))
                lexical = lexical | {f"KB:{k}" for k in kinds}
            out.append(DocPair(c, d, np.asarray(row + [0.0, 0.0, 0.0], dtype=np.float64), tuple(evidence), causes,
                               lexical, tuple(sorted({x for j in by_key[d] for x in mentions[j].codes}))))
    best = np.asarray([p.features[1] for p in out])  # the pair's best CAUSES probability, against the document's
    for p in out:
        p.features[-3] = p.features[1] - best.max()
        p.features[-2] = float((best > p.features[1]).sum()) / max(len(out) - 1, 1)
        p.features[-1] = float(np.log1p(len(out)))
    return out


def _identities(mentions: Sequence[DocMention], idx: Sequence[int]) -> set[str]:
    """The concept ids and bare MeSH ids of some mentions (what :meth:`KnownPairs.kinds` matches)."""
    return {x for i in idx for x in (mentions[i].concept_id, *mentions[i].codes) if x}


@dataclass
class DocRelationModel:
    """Standardised dense features plus weighted lexical features → logistic regression → P(the document states
    the relation of the pair)."""

    center: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    version: str = "doc-1"
    info: dict[str, Any] = field(default_factory=dict)
    predicate: str = "CAUSES"  # the chemical -> disease relation it decides
    lexical: dict[str, float] = field(default_factory=dict)  # weight of each lexical feature (absent: 0)
    most_specific: bool = False  # drop a disease broader than another one chosen for the same chemical
    knowledge: str | None = None  # the prior knowledge (KnownPairs.name) it was fitted with and needs

    def probability(self, x: np.ndarray, lexical: Sequence[Iterable[str]] | None = None) -> np.ndarray:
        x = np.atleast_2d(x)
        if x.shape[1] != len(FEATURES):
            raise InputError(f"expected {len(FEATURES)} features, got {x.shape[1]}")
        z = ((x - self.center) / self.scale) @ self.coef + self.intercept
        if lexical is None and self.lexical:
            raise InputError("this model weighs lexical features: pass each row's (DocPair.lexical)")
        if lexical is not None:
            if len(lexical) != len(x):
                raise InputError(f"{len(lexical)} lexical feature sets for {len(x)} rows")
            z = z + np.asarray([sum(self.lexical.get(k, 0.0) for k in f) for f in lexical], dtype=np.float64)
        return 1.0 / (1.0 + np.exp(-z))

    def decide(self, pairs: Sequence[DocPair]) -> tuple[np.ndarray, list[bool]]:
        """Each pair's probability, and which pairs are emitted (threshold, then the most-specific rule)."""
        if not pairs:
            return np.zeros(0), []
        prob = self.probability(np.stack([p.features for p in pairs]), [p.lexical for p in pairs])
        chosen = [bool(v) for v in prob >= self.threshold]
        return prob, drop_broader(pairs, chosen) if self.most_specific else chosen

    def to_json(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "center": self.center.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept, "threshold": self.threshold,
                "version": self.version, "info": self.info, "predicate": self.predicate,
                "most_specific": self.most_specific, "knowledge": self.knowledge, "lexical": self.lexical}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> DocRelationModel:
        if list(obj["features"]) != list(FEATURES):
            raise InputError("document relation model was fitted on other features than this medkg computes")
        arr = lambda k: np.asarray(obj[k], dtype=np.float64)  # noqa: E731
        return cls(arr("center"), arr("scale"), arr("coef"), float(obj["intercept"]), float(obj["threshold"]),
                   str(obj["version"]), dict(obj.get("info", {})), str(obj.get("predicate", "CAUSES")),
                   {str(k): float(v) for k, v in obj.get("lexical", {}).items()}, bool(obj.get("most_specific")),
                   obj.get("knowledge"))


def fit_doc_model(x: np.ndarray, y: np.ndarray, lexical: Sequence[Iterable[str]] | None = None, *, c: float = 1.0,
                  min_count: int = 2, threshold: float = 0.5, most_specific: bool = False, version: str = "doc-1",
                  info: Mapping[str, Any] | None = None, predicate: str = "CAUSES",
                  knowledge: str | None = None) -> DocRelationModel:
    """Fit one L2 logistic regression over the standardised dense features and the binary lexical features seen in
    at least ``min_count`` training rows (``lexical=None``: dense features only)."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y)
    if x.ndim != 2 or x.shape[1] != len(FEATURES) or len(x) != len(y):
        raise InputError(f"x must be [n, {len(FEATURES)}] with one label per row")
    if lexical is not None and len(lexical) != len(x):
        raise InputError("lexical must hold one feature set per row of x")
    center, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    # fitting is for training scripts; importing scikit-learn costs a pipeline's cold start ~1 s (bench_startup.py)
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for f in lexical or ():
        for k in set(f):
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count)
    column = {k: i for i, k in enumerate(names)}
    rows, cols = [], []
    for r, f in enumerate(lexical or ()):
        hit = sorted({column[k] for k in f if k in column})
        rows += [r] * len(hit)
        cols += hit
    words = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(x), len(names)))
    design = sparse.hstack([sparse.csr_matrix((x - center) / scale), words]).tocsr()
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit(design, y)
    coef = lr.coef_.ravel()
    weights = {k: round(float(w), 5) for k, w in zip(names, coef[len(FEATURES):]) if round(float(w), 5)}
    return DocRelationModel(center, scale, coef[:len(FEATURES)].copy(), float(lr.intercept_[0]), threshold, version,
                            dict(info or {}), RelType(predicate).value, weights, most_specific, knowledge)


def load_doc_models(folder: str | Path | None = None, *, prior_knowledge: bool = False) -> list[DocRelationModel]:
    """The document-level models shipped next to the relation model (``nlp/models/re/docrel_*.json``), or with
    ``prior_knowledge`` those fitted with it (``docrel_*_kb.json``, which need :class:`KnownPairs`)."""
    folder = Path(folder) if folder is not None else Path(__file__).resolve().parent / "models" / "re"
    files = KNOWLEDGE_MODEL_FILES if prior_knowledge else MODEL_FILES
    if prior_knowledge and not any((folder / f).is_file() for f in files.values()):
        raise InputError(f"no document-level models fitted with prior knowledge in {folder} "
                         f"(expected {', '.join(files.values())}; fit them with scripts/train_docrel.py "
                         "--prior-knowledge)")
    return [DocRelationModel.from_json(json.loads((folder / f).read_text()))
            for f in files.values() if (folder / f).is_file()]


def _kind(label: Any) -> str | None:
    value = getattr(label, "value", label)
    if value in CHEMICAL_LABELS or value == "Chemical":
        return "Chemical"
    if value in DISEASE_LABELS:
        return "Disease"
    return None


@dataclass
class ScoredDocument:
    """A document's mentions with their sentences and the sentence model's scores of every same-sentence pair."""

    text: str
    sentences: Sequence[tuple[int, int]]
    mentions: Sequence[Any]
    sent_of: list[int]
    keys: list[int]  # sentences with two or more mentions, in order
    items: list[tuple[str, list[Any]]]  # per key: sentence text and its mentions with sentence offsets
    scores: list[list[tuple[int, int, dict[str, float]]]]
    by_sent: dict[int, list[int]]


def score_document(text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[Any], extractor: Any, *,
                   batch_size: int = 64) -> ScoredDocument:
    for s0, s1 in sentences:
        if not 0 <= s0 <= s1 <= len(text):
            raise InputError(f"sentence span {s0}:{s1} outside a text of length {len(text)}")
    sent_of = []
    for m in mentions:
        k = next((k for k, (s0, s1) in enumerate(sentences) if s0 <= m.start < s1), None)
        if k is None:
            raise InputError(f"mention {m.start}:{m.end} lies in no sentence")
        if m.end > sentences[k][1]:
            raise InputError(f"mention {m.start}:{m.end} crosses the end of sentence {k} {sentences[k]}")
        sent_of.append(k)
    by_sent: dict[int, list[int]] = {}
    for i, k in enumerate(sent_of):
        by_sent.setdefault(k, []).append(i)
    keys = sorted(k for k, v in by_sent.items() if len(v) >= 2)
    items = [(text[sentences[k][0]:sentences[k][1]],
              [_Shifted(mentions[i].start - sentences[k][0], mentions[i].end - sentences[k][0], mentions[i],
                        mention_label(mentions[i])) for i in by_sent[k]]) for k in keys]
    scores = extractor.pair_scores(items, batch_size=batch_size) if items else []
    return ScoredDocument(text, sentences, mentions, sent_of, keys, items, scores, by_sent)


def _concept(mention: Any) -> Any:
    return getattr(mention, "concept", None)


def candidates(doc: ScoredDocument, concept_key: Any = None, concept_of: Callable[[Any], Any] | None = None,
               known: KnownPairs | None = None) -> tuple[list[DocPair], list[int]]:
    """The document's (chemical, disease) concept pairs with features, and the mention index behind each
    :class:`DocMention` (``DocPair.evidence`` indexes those). ``concept_of(mention)`` gives the mention's
    :class:`~medkg.kg.models.Concept` (default: ``mention.concept``), whose MeSH ids the lexical features and the
    most-specific rule read; ``concept_key`` defaults to that concept's id; ``known``: prior knowledge (see
    :func:`pair_features`)."""
    concept_of = concept_of or _concept
    key = concept_key or (lambda m: concept_of(m).id)
    kinds = [_kind(getattr(m, "label", None)) for m in doc.mentions]
    doc_mentions, origin = [], []
    for i, m in enumerate(doc.mentions):
        if kinds[i] is not None:
            origin.append(i)
            concept = concept_of(m)
            codes = tuple(sorted(mesh_ids(concept))) if concept is not None else ()
            doc_mentions.append(DocMention(m.start, m.end, kinds[i], str(key(m)), doc.sent_of[i], codes,
                                           concept.id if concept is not None else ""))
    local = {i: n for n, i in enumerate(origin)}
    pair_dist: dict[tuple[int, int], Mapping[str, float]] = {}
    for k, pairs in zip(doc.keys, doc.scores):
        for a, b, dist in pairs:
            i, j = doc.by_sent[k][a], doc.by_sent[k][b]
            if kinds[i] == "Chemical" and kinds[j] == "Disease":
                pair_dist[(local[i], local[j])] = dist
    title_end = doc.sentences[0][1] if doc.sentences else 0
    return pair_features(doc.text, title_end, doc.sentences, doc_mentions, pair_dist, known), origin


def document_relations(text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[Any], extractor: Any,
                       doc_models: Sequence[DocRelationModel] = (), *, concept_key: Any = None,
                       concept_of: Callable[[Any], Any] | None = None, threshold: float | None = None,
                       batch_size: int = 64, known: KnownPairs | None = None) -> list[tuple[int, Any]]:
    """Relations of a whole document as ``(sentence index, Relation)``.

    ``mentions`` carry *document* offsets and a ``label``; ``concept_of(mention)`` gives its concept (default:
    ``mention.concept``) and ``concept_key(mention)`` the id that pools a concept's mentions (default: that
    concept's id). Every sentence's candidate pairs are scored once by
    the sentence model; each of ``doc_models`` decides its predicate (CAUSES, TREATS) for chemical → disease per
    concept pair of the document (same or different sentences), replacing the sentence-level decisions of that
    predicate; other relations stay sentence-level.
    A relation's ``subject``/``object`` keep the caller's mention in ``.mention`` with offsets relative to the start
    of the sentence it is indexed by; ``Relation.sentences`` says how many sentences its evidence spans.
    A model fitted with prior knowledge needs ``known`` (the same source), and its relations' version names it
    (``…+kb:hetionet-1.0``).
    """
    for model in doc_models:
        if model.knowledge is not None and (known is None or known.name != model.knowledge):
            raise InputError(f"document-level model {model.version} was fitted with prior knowledge "
                             f"{model.knowledge!r}; pass known=KnownPairs of that source "
                             f"(got {None if known is None else known.name!r})")
    doc = score_document(text, sentences, mentions, extractor, batch_size=batch_size)
    decided = {m.predicate for m in doc_models}
    out: list[tuple[int, Any]] = []
    for k, rels in zip(doc.keys, extractor.relations_from_scores(doc.items, doc.scores, threshold)):
        for r in rels:
            cid_pair = _kind(r.subject.label) == "Chemical" and _kind(r.object.label) == "Disease"
            if not (cid_pair and r.predicate.value in decided):
                out.append((k, r))
    if not doc_models:
        return out
    needs_known = any(m.knowledge is not None for m in doc_models)
    pairs, origin = candidates(doc, concept_key, concept_of, known if needs_known else None)
    for model in doc_models:
        version = f"{getattr(extractor, 'version', '0')}+{model.version}"
        if model.knowledge is not None:
            version += f"+kb:{model.knowledge}"
        predicate = RelType(model.predicate)
        prob, chosen = model.decide(pairs)
        for c, p, emit in zip(pairs, prob, chosen):
            if not emit:
                continue
            sa, sb, subj, obj, assertion = _citation(text, sentences, mentions, origin, c.evidence)
            p = round(float(p), 6)
            out.append((sa, Relation(subj, obj, predicate, p, assertion,
                                     {predicate.value: p, "NONE": round(1 - p, 6)}, version, sb - sa + 1)))
    out.sort(key=lambda kr: (kr[0], kr[1].subject.start, kr[1].object.start))
    return out




def _citation(text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[Any], origin: Sequence[int],
              places: Sequence[tuple[int, int, int, int]]) -> tuple[int, int, _Shifted, _Shifted, Any]:
    """The place a document-level triple cites: the first of ``places`` that states the pair as a fact (present or
    historical), else the first; with its sentences, both mentions (offsets from the first sentence) and assertion.
    A pair the document affirms somewhere is a fact even if another sentence hedges or negates it; one it only
    hedges or negates stays qualified."""
    first = None
    for ci, dj, sa, sb in places:
        i, j = origin[ci], origin[dj]
        s0, s1 = sentences[sa][0], sentences[sb][1]
        subj = _Shifted(mentions[i].start - s0, mentions[i].end - s0, mentions[i], None)
        obj = _Shifted(mentions[j].start - s0, mentions[j].end - s0, mentions[j], None)
        span = text[s0:s1]
        spans = [(subj.start, subj.end), (obj.start, obj.end)]
        cited = (sa, sb, subj, obj, relation_assertion(span, spans[0], spans[1], _context_assertions(span, spans)))
        if cited[4] in POSITIVE_ASSERTIONS:
            return cited
        first = first or cited
    return first


def sentence_relations(text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[Any], extractor: Any, *,
                       threshold: float | None = None) -> list[tuple[int, Any]]:
    """The sentence model's relations over a whole document, as ``(sentence index, Relation)``.

    ``mentions`` carry *document* offsets; pairs are formed within a sentence only (a mention belongs to the
    sentence holding its start). The relation's subject/object are the caller's mention objects.
    """
    return [(k, replace(r, subject=r.subject.mention, object=r.object.mention))
            for k, r in document_relations(text, sentences, mentions, extractor, (), threshold=threshold)]
