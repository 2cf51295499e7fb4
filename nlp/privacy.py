"""Privacy for batch extraction: which records are de-identified, and how they are rewritten.

The split follows where things run. In the reading process, :func:`protect_records` replaces document and
patient identifiers with keyed pseudonyms (:mod:`medkg.kg.pseudonym`) *before* anything is written, so the triples,
the quarantine file, the resume log and the graph only ever see pseudonyms; metadata columns (which may hold
names or MRNs) are dropped and the note date is shifted with the patient's offset. In the worker,
:class:`DeidentifyingPipeline` de-identifies the text of exactly those documents before the NLP pipeline reads
it, so every offset in the provenance points into the de-identified text.

Which records: ``"on"`` all, ``"off"`` none, ``"auto"`` (the default) every record that may hold PHI, which is
every record not marked as literature (``note_type`` ``abstract``, ``article``, ``pubmed``, ``literature``,
``paper``): ``.txt`` files, records without a patient id or note type, and the file names used as their ids are
all protected. Only an explicit ``off`` (``--no-deid``) or a literature record skips it, and the run says so once
(:func:`announce_unprotected`). Records that could not be read (quarantined) get a pseudonymous id unless
de-identification is ``"off"``.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from medkg.kg.errors import InputError
from medkg.kg.files import open_private
from medkg.kg.models import Document
from medkg.kg.pseudonym import Pseudonymizer, load_key
from medkg.nlp.deid import DeidConfig, Deidentifier
from medkg.nlp.records import LITERATURE_KINDS, is_literature, iter_records

log = logging.getLogger(__name__)

DeidMode = Literal["auto", "on", "off"]


def deid_mode(value: str | bool | None) -> DeidMode:
    """``True``/``False``/``None`` (from a ``--deid/--no-deid`` flag) or a mode name → mode name."""
    if value is None:
        return "auto"
    if value is True:
        return "on"
    if value is False:
        return "off"
    if value in ("auto", "on", "off"):
        return value  # type: ignore[return-value]
    raise InputError(f"deid must be 'auto', 'on', 'off' or a bool, got {value!r}")


def should_deidentify(doc: Document, mode: DeidMode) -> bool:
    return mode == "on" or (mode == "auto" and not is_literature(doc))


def announce_unprotected(mode: DeidMode, literature: int = 0) -> str | None:
    """The one line a run prints when some of its input was not de-identified (None when all of it was)."""
    if mode == "off":
        return ("de-identification is OFF (--no-deid): names, identifiers and dates in the input reach the "
                "outputs and the graph as they are")
    if literature:
        return (f"{literature} record(s) marked as literature (note_type {'/'.join(sorted(LITERATURE_KINDS))}) "
                "were not de-identified")
    return None


@dataclass(frozen=True)
class PrivacyPolicy:
    """What to protect, and with which de-identification settings (picklable: it travels to workers)."""

    mode: DeidMode = "auto"
    #: Surrogates by default: the NER reads realistic text better than ``[NAME]`` tags (scripts/eval_deid.py
    #: --extract: 5 of 215 gold medical entities lost with surrogates, 9 with tags), and only mention spans of
    #: the de-identified text reach the outputs.
    replace: Literal["tag", "surrogate"] = "surrogate"
    use_model: bool = True
    key: bytes | None = None  # None: :func:`medkg.kg.pseudonym.load_key` (env or key file), read once per process

    def __post_init__(self) -> None:
        deid_mode(self.mode)
        if self.replace not in ("tag", "surrogate"):
            raise InputError(f"replace must be 'tag' or 'surrogate', got {self.replace!r}")

    def __repr__(self) -> str:  # never show the key
        return f"PrivacyPolicy(mode={self.mode!r}, replace={self.replace!r}, use_model={self.use_model})"

    def pseudonymizer(self) -> Pseudonymizer:
        return Pseudonymizer(self.key)


def protect_records(records: Iterable[Any], policy: PrivacyPolicy,
                    pseudonymizer: Pseudonymizer | None = None) -> Iterator[Any]:
    """Pseudonymise ids of the records to protect (:class:`medkg.nlp.records.Record` objects), lazily."""
    if policy.mode == "off":
        yield from records
        return
    pseudo = pseudonymizer or policy.pseudonymizer()
    for rec in records:
        doc = rec.document
        if doc is None and getattr(rec, "literature", False):  # e.g. a deleted PubMed citation: a PMID
            yield rec
            continue
        if doc is None:  # quarantined: protect the id (unknown kind, so err on the safe side)
            yield replace(rec, source=_source(rec.source, pseudo), doc_id=_pseudo_doc(pseudo, rec.doc_id))
            continue
        if not should_deidentify(doc, policy.mode):
            yield rec
            continue
        new = protect_document(doc, pseudo)
        yield replace(rec, source=_source(rec.source, pseudo), document=new, doc_id=new.id)


def protect_document(doc: Document, pseudo: Pseudonymizer) -> Document:
    """Pseudonymous ids, shifted date, no metadata; the text is left to :class:`DeidentifyingPipeline`."""
    pid = pseudo.patient(doc.patient_id) if doc.patient_id else None
    did = pseudo.document(doc.id)
    when = doc.date + timedelta(days=pseudo.date_shift_days(pid or did)) if doc.date else None
    return doc.model_copy(update={"id": did, "patient_id": pid, "date": when, "metadata": {}})


def _pseudo_doc(pseudo: Pseudonymizer, doc_id: str | None) -> str | None:
    if doc_id is None or pseudo.is_pseudonym(doc_id):
        return doc_id
    return pseudo.document(doc_id)


def _source(source: str, pseudo: Pseudonymizer) -> str:
    """A source file's name may carry a name or an MRN (and a ``.txt`` file's name is its document id): replace
    it by its pseudonym wherever it is written (the folder is the user's own)."""
    path = Path(source)
    if pseudo.is_pseudonym(path.stem):
        return source
    return str(path.with_name(pseudo.document(path.stem) + path.suffix))


class DeidentifyingPipeline:
    """Wraps an NLP pipeline: documents protected by :func:`protect_records` are de-identified first."""

    def __init__(self, inner: Any, policy: PrivacyPolicy) -> None:
        self.inner = inner
        self.policy = policy
        self._pseudo = policy.pseudonymizer()
        self.deid = Deidentifier(DeidConfig(mode=policy.replace, use_model=policy.use_model),
                                 pseudonymizer=self._pseudo)

    def __getattr__(self, name: str) -> Any:  # version, nlp, … of the wrapped pipeline
        return getattr(self.inner, name)

    def process(self, documents: Sequence[Document], batch_size: int = 32) -> list[Any]:
        todo = [i for i, d in enumerate(documents) if self._pseudo.is_pseudonym(d.id)]
        docs = list(documents)
        if todo:
            results = self.deid.pipe([docs[i].text for i in todo],
                                     scopes=[docs[i].patient_id or docs[i].id for i in todo])
            for i, res in zip(todo, results):
                docs[i] = docs[i].model_copy(update={"text": res.text})
        return self.inner.process(docs, batch_size=batch_size)


def deidentifying_factory(factory: Any, policy: PrivacyPolicy) -> Any:
    """A picklable pipeline factory whose pipelines de-identify (``factory`` unchanged when mode is off)."""
    if policy.mode == "off":
        return factory

    return functools.partial(_build_deidentifying, factory, policy)


def _build_deidentifying(factory: Any, policy: PrivacyPolicy) -> DeidentifyingPipeline:
    return DeidentifyingPipeline(factory(), policy)


# ------------------------------------------------------------------------------------------- whole files


def deidentify_files(inputs: Sequence[str | Path], out: str | Path, policy: PrivacyPolicy | None = None,
                     batch_size: int = 64) -> dict[str, int]:
    """De-identify every record of ``inputs`` (as read by ``medkg extract``) into a JSONL of protected records.

    Each output line is ``{"id", "patient_id", "note_type", "date", "text"}`` with pseudonymous ids, the shifted
    date and the de-identified text; unreadable records are counted, not written (their reason never quotes the
    text). With ``policy.mode == "auto"`` literature records pass through unchanged.
    """
    policy = policy or PrivacyPolicy(mode="on")
    if policy.key is None:
        policy = replace(policy, key=load_key())
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wrapper = DeidentifyingPipeline(_Identity(), policy)
    counts = {"records": 0, "deidentified": 0, "quarantined": 0}
    pending: list[Document] = []

    def flush(fh: Any) -> None:
        for doc in wrapper.process(pending):
            fh.write(json.dumps({"id": doc.id, "patient_id": doc.patient_id, "note_type": doc.kind,
                                 "date": doc.date.isoformat() if doc.date else None, "text": doc.text}) + "\n")
            counts["deidentified"] += wrapper._pseudo.is_pseudonym(doc.id)
        pending.clear()

    with open_private(out, "w", encoding="utf-8") as fh:
        for rec in protect_records(iter_records(inputs), policy, wrapper._pseudo):
            counts["records"] += 1
            if rec.document is None:
                counts["quarantined"] += 1
                log.warning("record %s#%d not de-identified: %s", Path(rec.source).name, rec.number, rec.error)
                continue
            pending.append(rec.document)
            if len(pending) >= batch_size:
                flush(fh)
        flush(fh)
    return counts


class _Identity:
    @staticmethod
    def process(documents: Sequence[Document], batch_size: int = 32) -> list[Document]:
        return list(documents)
