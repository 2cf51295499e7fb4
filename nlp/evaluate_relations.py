"""Relation-extraction evaluation (``medkg nlp evaluate --ade / --cid``), as plain functions.

ADE contract (``--ade FILE``, the ADE corpus ``DRUG-AE.rel`` format ``PMID|sentence|effect|start|end|drug|start|end``):
the gold drug and effect spans of a sentence are the candidates (located in the sentence by text search, the
occurrence nearest the document offset); every drug × effect pair of a sentence is scored, a pair listed in the file
is a positive, **any other drug/effect pair of the same sentence is a negative**. A pair counts as predicted when
the classifier's best label for it is CAUSES at the shipped threshold. Precision/recall/F1 over pairs.

BioRED contract (``--biored GOLD.PubTator``): the same end-to-end run, read off per predicate: TREATS pairs against
the chemical–disease ``Negative_Correlation`` pairs, CAUSES against ``Positive_Correlation``; P/R/F1 per predicate
and micro over both.

CID contract (``--cid GOLD.PubTator``): per document (title + " " + abstract), the pipeline's *own* mentions (NER +
dictionary), linked to concepts carrying MeSH ids, their predicted, asserted CAUSES relations, read off as the
document's set of (chemical MeSH, disease MeSH) pairs (:func:`medkg.nlp.relations.cid_pairs`), against the document's
``CID`` lines. Micro precision/recall/F1 over (document, chemical, disease). ``gold_mentions=True`` replaces the
pipeline's mentions by the file's annotated ones (an upper bound that isolates the relation step).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medkg.kg.errors import InputError
from medkg.kg.models import Concept, Document
from medkg.kg.schema import NodeLabel, RelType
from medkg.nlp.docrel import KnownPairs, document_relations, load_doc_models
from medkg.nlp.literature import iter_pubtator
from medkg.nlp.pipeline import Pipeline
from medkg.nlp.relations import RelationExtractor, cid_pairs, mesh_pairs, relations_to_triples
from medkg.nlp.spacy_components import sentence_bounds


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": tp + fn,
            "tp": tp, "fp": fp, "fn": fn}


# ----------------------------------------------------------------------------------------------------------- ADE


@dataclass
class AdeSentence:
    pmid: str
    text: str
    drugs: set[tuple[int, int]] = field(default_factory=set)
    effects: set[tuple[int, int]] = field(default_factory=set)
    pairs: set[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=set)


def find_span(sentence: str, phrase: str, hint: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``phrase`` in ``sentence`` (case-sensitive first), the hit nearest ``hint`` when given."""
    hits = [m.start() for m in re.finditer(re.escape(phrase), sentence)] or [
        m.start() for m in re.finditer(re.escape(phrase), sentence, re.IGNORECASE)]
    if not hits:
        return None
    best = hits[0] if hint is None else min(hits, key=lambda h: abs(h - hint))
    return best, best + len(phrase)


def read_ade(path: str | Path) -> list[AdeSentence]:
    """``DRUG-AE.rel`` lines grouped by (PMID, sentence). Offsets in the file are document offsets, so the spans
    are found in the sentence by text search (the drug occurrence nearest the effect's relative position)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"ADE file not found: {path}")
    groups: dict[tuple[str, str], AdeSentence] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("|")
        if len(parts) != 8:
            raise InputError(f"{path}:{lineno}: expected 8 '|'-separated fields, got {len(parts)}")
        pmid, sent, eff, e0, _e1, drug, d0, _d1 = parts
        if not (e0.isdigit() and d0.isdigit()):
            raise InputError(f"{path}:{lineno}: offsets must be integers")
        g = groups.setdefault((pmid, sent), AdeSentence(pmid, sent))
        es = find_span(sent, eff)
        ds = find_span(sent, drug)
        if es is None or ds is None:
            continue  # a phrase that is not in its sentence: unusable, as in every ADE benchmark
        ds = find_span(sent, drug, int(d0) - (int(e0) - es[0])) or ds
        g.drugs.add(ds)
        g.effects.add(es)
        g.pairs.add((ds, es))
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: NodeLabel


def evaluate_ade(sentences: Sequence[AdeSentence], extractor: Any, batch_size: int = 64) -> dict[str, Any]:
    """Pair-level CAUSES P/R/F1 with gold mentions (see the module docstring for the negatives' definition)."""
    items, keys = [], []
    for s in sentences:
        ms = [_Span(a, b, NodeLabel.COMPOUND) for a, b in sorted(s.drugs)]
        ms += [_Span(a, b, NodeLabel.DISEASE) for a, b in sorted(s.effects) if (a, b) not in s.drugs]
        items.append((s.text, ms))
        keys.append(s)
    preds = extractor.predict_batch(items, batch_size=batch_size)
    tp = fp = fn = 0
    for s, rels in zip(keys, preds):
        got = {((r.subject.start, r.subject.end), (r.object.start, r.object.end))
               for r in rels if r.predicate is RelType.CAUSES}
        candidates = {(d, e) for d in s.drugs for e in s.effects if not (d[0] < e[1] and e[0] < d[1])}
        gold = s.pairs & candidates
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    n_pairs = sum(len({(d, e) for d in s.drugs for e in s.effects if not (d[0] < e[1] and e[0] < d[1])})
                  for s in sentences)
    return {"CAUSES": prf(tp, fp, fn), "sentences": len(sentences), "candidate_pairs": n_pairs}


def evaluate_ade_file(path: str | Path, extractor: Any | None = None, batch_size: int = 64) -> dict[str, Any]:
    return evaluate_ade(read_ade(path), extractor or RelationExtractor.load(), batch_size)


# ----------------------------------------------------------------------------------------------------------- CID


@dataclass
class CidDocument:
    id: str
    title: str
    abstract: str
    mentions: list[tuple[int, int, str, str, tuple[str, ...]]] = field(default_factory=list)  # start,end,text,type,ids
    cid: set[tuple[str, str]] = field(default_factory=set)
    relations: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # type -> (id1, id2), e.g. BioRED

    @property
    def text(self) -> str:
        return f"{self.title} {self.abstract}"


#: Corpus mention types under the BC5CDR names the evaluations and the NER training use: the one mapping table.
#: BioRED's chemicals and diseases (its genes, variants, species and cell lines keep their own names) and
#: NCBI-disease's four classes, all of them diseases.
MENTION_TYPES = {"ChemicalEntity": "Chemical", "DiseaseOrPhenotypicFeature": "Disease",
                 "SpecificDisease": "Disease", "DiseaseClass": "Disease", "Modifier": "Disease",
                 "CompositeMention": "Disease"}


def read_pubtator(path: str | Path) -> list[CidDocument]:
    """PubTator title/abstract lines, mention lines and relation lines (``CID`` of BioCreative V, BioRED's
    ``Positive_Correlation`` … ``PMID type id1 id2 [novelty]``), parsed by :func:`medkg.nlp.literature.iter_pubtator`;
    a malformed block is an :class:`InputError` naming its line (a gold file is never half read)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"PubTator file not found: {path}")
    docs: dict[str, CidDocument] = {}
    for block in iter_pubtator(path):
        if block.doc is None:
            raise InputError(f"{path}:{block.line}: {block.error}")
        src = block.doc
        if src.pmid is not None:
            d = docs.setdefault(src.pmid, CidDocument(src.pmid, "", ""))
            d.title = d.title if src.title is None else src.title
            d.abstract = d.abstract if src.abstract is None else src.abstract
        for ann in src.annotations:
            ids = tuple(i for i in re.split(r"[|,;]", ann.id) if i and i != "-1" and i != "-")
            docs.setdefault(ann.pmid, CidDocument(ann.pmid, "", "")).mentions.append(
                (ann.start, ann.end, ann.text, MENTION_TYPES.get(ann.type, ann.type), ids))
        for rel in src.relations:
            d = docs.setdefault(rel.pmid, CidDocument(rel.pmid, "", ""))
            d.relations.setdefault(rel.type, set()).add((rel.id1, rel.id2))
            if rel.type == "CID":
                d.cid.add((rel.id1, rel.id2))
    return list(docs.values())


def score_cid(gold: dict[str, set[tuple[str, str]]], pred: dict[str, set[tuple[str, str]]]) -> dict[str, Any]:
    tp = fp = fn = 0
    for doc in set(gold) | set(pred):
        g = {(bare_mesh(a), bare_mesh(b)) for a, b in gold.get(doc, set())}
        p = {(bare_mesh(a), bare_mesh(b)) for a, b in pred.get(doc, set())}
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return {"CID": prf(tp, fp, fn), "documents": len(gold)}


def bare_mesh(mesh: str) -> str:
    """A MeSH id without its ``MESH:``/``MSH:`` prefix (any other id unchanged)."""
    return mesh.split(":", 1)[1] if mesh.upper().startswith(("MESH:", "MSH:")) else mesh


def _gold_mention_triples(docs: Sequence[CidDocument], extractor: Any, batch_size: int,
                          document_level: bool = True, prior_knowledge: bool = False) -> list:
    """Relation triples from the file's own mentions (MeSH concepts), through the same document-level step as the
    pipeline (:func:`medkg.nlp.docrel.document_relations`)."""
    doc_models = load_doc_models(prior_knowledge=prior_knowledge) if document_level else []
    known = KnownPairs.hetionet() if prior_knowledge and document_level else None
    triples = []
    for d in docs:
        text = d.text
        sents = sentence_bounds(text)
        ms = gold_mentions(d, sents)
        for k, r in document_relations(text, sents, ms, extractor, doc_models, batch_size=batch_size, known=known):
            s0 = sents[k][0]
            s1 = sents[min(k + r.sentences - 1, len(sents) - 1)][1]
            triples += relations_to_triples([r], doc_id=d.id, sentence_index=k, sentence_start=s0,
                                            sentence_text=text[s0:s1], concept_of=lambda m: m.mention.concept)
    return triples


def gold_mentions(doc: CidDocument, sentences: Sequence[tuple[int, int]]) -> list[_GoldMention]:
    """The file's chemical and disease mentions as MeSH concepts (document offsets): those with an id that lie inside
    one sentence. Genes, variants, species and cell lines (BioRED) take no part in chemical–disease relations."""
    out = []
    for a, b, _mtext, typ, ids in doc.mentions:
        if typ in ("Chemical", "Disease") and ids and any(s0 <= a < s1 and b <= s1 for s0, s1 in sentences):
            label = NodeLabel.COMPOUND if typ == "Chemical" else NodeLabel.DISEASE
            concept = Concept(label=label, id=f"MESH:{ids[0]}", xrefs=tuple(f"MESH:{i}" for i in ids[1:]))
            out.append(_GoldMention(a, b, label, concept))
    return out


@dataclass(frozen=True, slots=True)
class _GoldMention:
    start: int
    end: int
    label: NodeLabel
    concept: Concept


def evaluate_cid(docs: Sequence[CidDocument], *, gold_mentions: bool = False, pipeline: Any | None = None,
                 extractor: Any | None = None, batch_size: int = 32, document_level: bool = True,
                 prior_knowledge: bool = False) -> dict[str, Any]:
    """Document-level CID P/R/F1 (see the module docstring). ``pipeline``: an :class:`medkg.nlp.pipeline.Pipeline`
    with relations (default: the full shipped one); ``extractor`` is used with ``gold_mentions``;
    ``document_level=False`` measures the sentence-level path alone (pairs must share a sentence);
    ``prior_knowledge`` uses the document-level models fitted with the Hetionet prior."""
    triples, used_prior = _relation_triples(docs, gold_mentions, pipeline, extractor, batch_size, document_level,
                                            prior_knowledge)
    pred = cid_pairs(triples)
    out = score_cid({d.id: d.cid for d in docs}, pred)
    out["mentions"] = "gold" if gold_mentions else "pipeline"
    out["relations"] = "document" if document_level else "sentence"
    out["prior_knowledge"] = used_prior
    return out


def evaluate_cid_file(path: str | Path, **kwargs: Any) -> dict[str, Any]:
    return evaluate_cid(read_pubtator(path), **kwargs)


#: BioRED relation types scored, and the medkg predicate each is compared with.
BIORED_PREDICATES = {"Negative_Correlation": RelType.TREATS, "Positive_Correlation": RelType.CAUSES}


def biored_gold(doc: CidDocument) -> dict[RelType, set[tuple[str, str]]]:
    """The document's chemical → disease pairs per predicate (BioRED lists a pair's ids in either order)."""
    chems = {i for *_, typ, ids in doc.mentions if typ == "Chemical" for i in ids}
    diss = {i for *_, typ, ids in doc.mentions if typ == "Disease" for i in ids}
    out: dict[RelType, set[tuple[str, str]]] = {p: set() for p in BIORED_PREDICATES.values()}
    for kind, pred in BIORED_PREDICATES.items():
        for a, b in doc.relations.get(kind, ()):
            if a in chems and b in diss:
                out[pred].add((a, b))
            elif b in chems and a in diss:
                out[pred].add((b, a))
    return out


def evaluate_biored(docs: Sequence[CidDocument], *, gold_mentions: bool = False, pipeline: Any | None = None,
                    extractor: Any | None = None, batch_size: int = 32, document_level: bool = True,
                    prior_knowledge: bool = False) -> dict[str, Any]:
    """Document-level (chemical, disease) pairs per predicate against BioRED's: TREATS vs Negative_Correlation,
    CAUSES vs Positive_Correlation; P/R/F1 per predicate and micro over both (ids compared as MeSH ids)."""
    triples, used_prior = _relation_triples(docs, gold_mentions, pipeline, extractor, batch_size, document_level,
                                            prior_knowledge)
    out: dict[str, Any] = {}
    totals = [0, 0, 0]
    golds = {d.id: biored_gold(d) for d in docs}
    for pred in BIORED_PREDICATES.values():
        got = mesh_pairs(triples, pred)
        tp = fp = fn = 0
        for d in docs:
            g = {(bare_mesh(a), bare_mesh(b)) for a, b in golds[d.id][pred]}
            p = {(bare_mesh(a), bare_mesh(b)) for a, b in got.get(d.id, set())}
            tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        out[pred.value] = prf(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    out["micro"] = prf(*totals)
    out.update(documents=len(docs), mentions="gold" if gold_mentions else "pipeline",
               relations="document" if document_level else "sentence",
               prior_knowledge=used_prior)
    return out


def evaluate_biored_file(path: str | Path, **kwargs: Any) -> dict[str, Any]:
    return evaluate_biored(read_pubtator(path), **kwargs)


def _relation_triples(docs: Sequence[CidDocument], gold_mentions: bool, pipeline: Any | None, extractor: Any | None,
                      batch_size: int, document_level: bool, prior_knowledge: bool) -> tuple[list, bool]:
    """The triples an evaluation scores (from the file's mentions or the pipeline's), and whether prior knowledge
    shaped them: only the document-level path reads it, and a caller's own pipeline keeps its own settings."""
    if gold_mentions:
        return (_gold_mention_triples(docs, extractor or RelationExtractor.load(), batch_size, document_level,
                                      prior_knowledge), prior_knowledge and document_level)
    return (_pipeline_triples(docs, pipeline, batch_size, document_level, prior_knowledge),
            prior_knowledge and document_level and pipeline is None)


def _pipeline_triples(docs: Sequence[CidDocument], pipeline: Any | None, batch_size: int,
                      document_level: bool, prior_knowledge: bool = False) -> list:
    if pipeline is None:
        pipeline = Pipeline.default(relations=True, document_level=document_level, prior_knowledge=prior_knowledge)
    triples = []
    documents = [Document(id=d.id, text=d.text) for d in docs]
    for b in range(0, len(documents), batch_size):
        for res in pipeline.process(documents[b: b + batch_size], batch_size=batch_size):
            triples += res.triples
    return triples


def flat_scores(result: dict[str, Any], key: str) -> dict[str, dict[str, float]]:
    """The ``{type: {precision, recall, f1, support}}`` shape the CLI table prints."""
    row = result[key]
    return {key: {k: row[k] for k in ("precision", "recall", "f1", "support")}}


__all__: Iterable[str] = (
    "evaluate_ade",
    "evaluate_ade_file",
    "evaluate_biored",
    "evaluate_biored_file",
    "evaluate_cid",
    "evaluate_cid_file",
    "read_ade",
    "read_pubtator",
    "score_cid",
)
