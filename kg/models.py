"""Typed records that flow between nlp/, imaging/, gnn/ and the graph.

A :class:`Triple` is the unit of exchange: the extractor writes them as JSON lines (one ``Triple.model_dump_json()``
per line, see README "Triples JSONL"), ``medkg ingest`` and :func:`medkg.kg.fusion.add_triples` read them back.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date as Date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from medkg.kg.schema import INTERNAL_LABELS, SYSTEM_REL_TYPES, Assertion, NodeLabel, RelType, node_label, rel_type


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Concept(_Model):
    """A node of the graph identified by a stable code (``DOID:1612``, ``DB00945``, ``MESH:D003920``)."""

    label: NodeLabel
    id: str = Field(min_length=1, max_length=512)
    name: str | None = None
    synonyms: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()  # equivalent codes in other vocabularies, e.g. a MeSH id of a DOID disease

    @field_validator("label", mode="before")
    @classmethod
    def _label(cls, v: object) -> NodeLabel:
        return node_label(v)  # type: ignore[arg-type]

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("concept id must not be blank")
        return v


class Mention(_Model):
    """A span of a document's text. ``text == document_text[start:end]`` always holds."""

    doc_id: str
    sentence_index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    label: NodeLabel | None = None

    @model_validator(mode="after")
    def _span(self) -> "Mention":
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} before start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(f"mention text {self.text!r} does not fit span {self.start}:{self.end}")
        return self


SourceKind = Literal["text", "prior", "imaging", "manual", "model"]


class Provenance(_Model):
    """Where a triple comes from. For text, offsets are character offsets into the (de-identified) document."""

    source: SourceKind = "text"
    doc_id: str | None = None
    sentence_index: int | None = Field(default=None, ge=0)
    start: int | None = Field(default=None, ge=0)  # evidence span: the mention (MENTIONS) or the sentence
    end: int | None = Field(default=None, ge=0)
    text: str | None = None  # the evidence span's text
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None
    extractor: str | None = None
    version: str | None = None
    dataset: str | None = None  # e.g. "Hetionet v1.0" for prior edges

    @model_validator(mode="after")
    def _offsets(self) -> "Provenance":
        if (self.start is None) != (self.end is None):
            raise ValueError("provenance start and end must be given together")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"provenance end {self.end} before start {self.start}")
        return self


_RECORD_LABELS = frozenset({NodeLabel.DOCUMENT, NodeLabel.PATIENT})


class Triple(_Model):
    """``(subject) -[predicate]-> (object)`` with its assertion, confidence and provenance."""

    subject: Concept
    predicate: RelType
    object: Concept
    assertion: Assertion = Assertion.PRESENT
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, strict=True)  # a number: "0.5" and true are refused
    provenance: Provenance = Field(default_factory=Provenance)

    @field_validator("predicate", mode="before")
    @classmethod
    def _predicate(cls, v: object) -> RelType:
        p = rel_type(v)  # type: ignore[arg-type]
        if p in SYSTEM_REL_TYPES:
            raise ValueError(f"{p.value} is written by medkg itself and cannot be given as a triple predicate")
        return p

    @model_validator(mode="after")
    def _endpoints(self) -> "Triple":
        """Nodes medkg keeps itself (evidence, imaging studies and findings) are never written from a triple, and
        documents and patients only in the shapes the extraction writes: (Patient)-HAS_DOCUMENT->(Document) and
        (Document or Patient)-MENTIONS->(concept)."""
        s, o = self.subject.label, self.object.label
        for side, label in (("subject", s), ("object", o)):
            if label in INTERNAL_LABELS:
                raise ValueError(f"{side} label {label.value} is written by medkg itself, never from a triple")
        if self.predicate is RelType.HAS_DOCUMENT:
            ok = s is NodeLabel.PATIENT and o is NodeLabel.DOCUMENT
        elif self.predicate is RelType.MENTIONS:
            ok = s in _RECORD_LABELS and o not in _RECORD_LABELS
        else:
            ok = s not in _RECORD_LABELS and o not in _RECORD_LABELS
        if not ok:
            raise ValueError(f"({s.value})-{self.predicate.value}->({o.value}): documents and patients appear only in "
                             "(Patient)-HAS_DOCUMENT->(Document) and (Document or Patient)-MENTIONS->(concept)")
        return self

    def fact_key(self) -> str:
        """Identity of the fact edge this triple supports (one edge per subject, predicate, object)."""
        return "|".join((self.subject.label.value, self.subject.id, self.predicate.value,
                         self.object.label.value, self.object.id))

    def evidence_key(self) -> str:
        """Identity of this piece of evidence: re-ingesting the same triple yields the same key."""
        p = self.provenance
        payload = [self.fact_key(), self.assertion.value, p.source, p.doc_id, p.sentence_index, p.start, p.end,
                   p.subject_span, p.object_span, p.extractor, p.version, p.dataset]
        return hashlib.sha1(json.dumps(payload, default=list).encode()).hexdigest()


class Document(_Model):
    id: str
    text: str
    patient_id: str | None = None
    kind: str | None = None  # e.g. discharge summary, progress note, radiology report, abstract
    date: Date | None = None
    metadata: dict[str, str] = Field(default_factory=dict)


class Patient(_Model):
    id: str  # a pseudonym when de-identification is on (see nlp.deid)
    sex: str | None = None
    birth_year: int | None = None


class ImagingStudy(_Model):
    uid: str
    patient_id: str
    modality: str | None = None  # DICOM modality code: CT, MR, US, …
    date: Date | None = None
    description: str | None = None


class Finding(_Model):
    """One connected component of a segmentation mask."""

    id: str  # stable: derived from study uid, label and component geometry
    study_uid: str
    label: str
    concept: Concept | None = None  # the Disease/Anatomy the label names, if any
    volume_mm3: float | None = None
    area_mm2: float | None = None
    max_diameter_mm: float
    centroid_mm: tuple[float, ...]
    bbox_voxels: tuple[int, ...]
    voxel_count: int = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)
    model: str
    model_version: str
