"""From a :class:`medkg.kg.models.Document` to triples: the one place where the NLP steps are put in order.

Steps, each optional except tokenization: ``deid`` (rewrites the document before anything reads it, so every
offset refers to the de-identified text) → the spaCy pipeline of :mod:`medkg.nlp.spacy_components` (sentences, ``ner``,
``dictionary``, ``linker``, ``context``, ``relations``) → triples.

Triples per document (see README "Triples JSONL"):

* ``Document -[MENTIONS]-> concept`` for every *linked* mention, with its assertion, a confidence (the tagger's
  score times the link score) and provenance (doc id, sentence index, character offsets with
  ``text[start:end] == mention``, extractor and version);
* the same from ``Patient`` when the record names one, plus ``Patient -[HAS_DOCUMENT]-> Document``;
* the relation triples of the ``relations`` step, when present; for documents that are not literature their
  confidence goes through the clinical calibration shipped with the relation model, if any
  (:class:`medkg.nlp.relations.ConfidenceCalibration`).

Unlinked mentions have no concept id, and the graph resolves entities on ids only, so they produce no triple;
they are returned as :class:`UnlinkedMention` records (the extractor writes them to a side file and counts them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from medkg.kg.models import Concept, Document, Provenance, Triple
from medkg.kg.schema import Assertion, NodeLabel, RelType
from medkg.nlp.records import is_literature
from medkg.nlp.relations import ConfidenceCalibration, relations_to_triples
from medkg.nlp.spacy_components import ents_by_sentence, load

Deid = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class UnlinkedMention:
    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str
    assertion: str
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DocResult:
    document: Document  # as processed (after de-identification): offsets refer to its text
    triples: list[Triple] = field(default_factory=list)
    unlinked: list[UnlinkedMention] = field(default_factory=list)
    mentions: int = 0


def _package_version() -> str:
    try:
        return version("medkg")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.1.0"


class Pipeline:
    """Runs the steps over batches of documents. Build the default one with :meth:`default`."""

    def __init__(self, nlp: Any, deid: Deid | None = None) -> None:
        self.nlp = nlp
        self.deid = deid

    @classmethod
    def default(cls, *, ner: bool = True, relations: bool = False, device: str | None = None,
                deid: Deid | None = None, **kwargs: Any) -> "Pipeline":
        return cls(load(ner=ner, relations=relations, device=device, **kwargs), deid=deid)

    @property
    def version(self) -> str:
        """Versions of everything that shapes the output, e.g. ``medkg 0.1.0; ner 1; vocab vocab-…; context 1``."""
        parts = [f"medkg {_package_version()}"]
        if "medkg_ner" in self.nlp.pipe_names:
            parts.append(f"ner {self.nlp.get_pipe('medkg_ner').version}")
        if "medkg_linker" in self.nlp.pipe_names:
            parts.append(f"vocab {self.nlp.get_pipe('medkg_linker').linker.version}")
        if "medkg_context" in self.nlp.pipe_names:
            parts.append(f"context {self.nlp.get_pipe('medkg_context').context.version}")
        return "; ".join(parts)

    def process(self, documents: Sequence[Document], batch_size: int = 32) -> list[DocResult]:
        """Triples for each document, in input order."""
        docs = [self.deid(d) if self.deid is not None else d for d in documents]
        version = self.version
        clinical = self.clinical_calibration
        out = []
        for document, sdoc in zip(docs, self.nlp.pipe([d.text for d in docs], batch_size=batch_size)):
            out.append(doc_triples(document, sdoc, version, None if is_literature(document) else clinical))
        return out

    @property
    def clinical_calibration(self) -> ConfidenceCalibration | None:
        """The relations step's confidence map for clinical text (None without relations or without a map)."""
        if "medkg_relations" not in self.nlp.pipe_names:
            return None
        return self.nlp.get_pipe("medkg_relations").clinical_calibration


def doc_triples(document: Document, sdoc: Any, version: str,
                calibration: ConfidenceCalibration | None = None) -> DocResult:
    """The triples and unlinked mentions of one processed spaCy Doc (see the module docstring)."""
    res = DocResult(document=document)
    doc_node = Concept(label=NodeLabel.DOCUMENT, id=document.id)
    subjects = [doc_node]
    if document.patient_id:
        patient = Concept(label=NodeLabel.PATIENT, id=document.patient_id)
        subjects.append(patient)
        res.triples.append(Triple(subject=patient, predicate=RelType.HAS_DOCUMENT, object=doc_node,
                                  provenance=Provenance(source="text", doc_id=document.id,
                                                        extractor="medkg.nlp.extract", version=version)))

    sent_index = {s.start: k for k, s in enumerate(sdoc.sents)} if sdoc.has_annotation("SENT_START") else {}
    for sent, ents in ents_by_sentence(sdoc):
        k = sent_index.get(sent.start, 0)
        for ent in ents:
            res.mentions += 1
            assertion = Assertion(ent._.assertion or Assertion.PRESENT.value)
            score = float(ent._.ner_score if ent._.ner_score is not None else 1.0)
            if ent._.concept is None:
                res.unlinked.append(UnlinkedMention(document.id, k, ent.start_char, ent.end_char, ent.text,
                                                    ent.label_, assertion.value, round(score, 4)))
                continue
            prov = Provenance(source="text", doc_id=document.id, sentence_index=k, start=ent.start_char,
                              end=ent.end_char, text=ent.text, extractor=f"medkg.nlp.{ent._.source or 'ner'}",
                              version=version)
            confidence = max(0.0, min(1.0, score * float(ent._.link_score or 0.0)))
            for subj in subjects:
                res.triples.append(Triple(subject=subj, predicate=RelType.MENTIONS, object=ent._.concept,
                                          assertion=assertion, confidence=round(confidence, 4), provenance=prov))
    rels = getattr(sdoc._, "relations", None) if sdoc.has_extension("relations") else None
    if rels:
        res.triples.extend(_relation_triples(document, sdoc, rels, calibration))
    return res


def _relation_triples(document: Document, sdoc: Any, rels: list,
                      calibration: ConfidenceCalibration | None = None) -> list[Triple]:
    """Triples of ``(sentence index, Relation)``: the provenance cites the sentence, or the run of sentences a
    document-level relation's evidence spans, with the two mentions' document offsets; ``calibration`` maps each
    relation's confidence."""
    sents = list(sdoc.sents)
    text = sdoc.text
    out: list[Triple] = []
    for k, rel in sorted(rels, key=lambda kr: kr[0]):
        if calibration is not None:
            rel = replace(rel, confidence=round(calibration(rel.confidence), 6))
        s0 = sents[k].start_char
        last = sents[min(k + rel.sentences - 1, len(sents) - 1)]
        s1 = max(last.end_char, s0 + rel.subject.end, s0 + rel.object.end)
        out += relations_to_triples([rel], doc_id=document.id, sentence_index=k, sentence_start=s0,
                                    sentence_text=text[s0:s1], concept_of=lambda m: m.span._.concept)
    return out
