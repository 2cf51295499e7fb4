"""spaCy integration: registered pipeline components and :func:`load`, which builds the full medkg pipeline.

Components (each a ``@Language.factory`` with a declared ``default_config``)::

    medkg_sentences   rule-based sentence splitter for clinical notes (line breaks, list items, headers)
    medkg_ner         the transformer NER (Compound, Disease)              -> Doc.ents
    medkg_dictionary  dictionary NER (Symptom, Anatomy, SideEffect, Procedure, clinical abbreviations),
                      added where the transformer found nothing            -> Doc.ents
                      (the matches a transformer span hides               -> Doc._.hidden_dictionary_spans)
    medkg_linker      concept normalization                                -> Span._.concept, ._.concept_id,
                                                                              ._.link_score, ._.link_status
                      (a transformer span it cannot link gives way to its dictionary head)
    medkg_context     assertion                                            -> Span._.assertion
    medkg_relations   relation extraction (nlp.relations, when present)    -> Doc._.relations

Entity labels are :class:`medkg.kg.schema.NodeLabel` values. ``ent.label_`` is what the tagger found;
``ent._.concept.label`` is the graph label of the linked concept (a Disease mention may link to a Symptom
concept such as MeSH "Pain"). The factories are registered through medkg's ``spacy_factories`` entry points, so
spaCy finds them without an import::

    import spacy
    pipe = spacy.blank("en")
    pipe.add_pipe("medkg_sentences"); pipe.add_pipe("medkg_dictionary"); pipe.add_pipe("medkg_linker")
    pipe.add_pipe("medkg_context")

or :func:`load` (``medkg.load()``) for all of them. ``pipe.to_disk(path)`` writes each component's data (model
weights, vocabulary, ConText rules) next to the ``config.cfg``, and ``spacy.load(path)`` reads the pipeline back.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from medkg.kg.errors import InputError
from medkg.kg.schema import Assertion, NodeLabel
from medkg.nlp.context import RULES_FILE, ConText, ContextRules, find_sections, section_assertion
from medkg.nlp.dictionary import DictionaryMatcher, merge_spans
from medkg.nlp.docrel import KnownPairs, document_relations, load_doc_models
from medkg.nlp.ner import DEFAULT_MODEL_DIR as NER_MODEL_DIR
from medkg.nlp.ner import TransformerNER
from medkg.nlp.normalize import COMPATIBLE_LABELS, Linker, Vocabulary, default_vocab_path, find_abbreviations
from medkg.nlp.records import MAX_TEXT_CHARS
from medkg.nlp.relations import ConfidenceCalibration, RelationExtractor, to_label
from medkg.nlp.relations import default_model_dir as relation_model_dir
from medkg.nlp.runtime import RUNTIMES

#: Not looked up yet (None means looked up and absent).
_UNSET: Any = object()

log = logging.getLogger(__name__)

_SPAN_EXT = {"concept": None, "concept_id": None, "link_score": None, "link_status": None, "link_method": None,
             "assertion": Assertion.PRESENT.value, "ner_score": None, "source": None}
_DOC_EXT = {"abbreviations": None, "relations": None, "hidden_dictionary_spans": None}
for _name, _default in _SPAN_EXT.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
for _name, _default in _DOC_EXT.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


# ---------------------------------------------------------------------------------------- serialization
# Components keep their data (model weights, vocabulary, rules) in the folder ``nlp.to_disk`` gives them, so a saved
# pipeline is whole: ``spacy.load(path)`` reads it back with the factories registered through medkg's
# ``spacy_factories`` entry points. Data loads on first use, in ``initialize()``, or in ``from_disk``.
VOCAB_FILE = "vocab.json.gz"


class DataComponent:
    """What the components with data share: the data loads on first use (:attr:`data`), in ``initialize()``, or
    from the folder ``nlp.to_disk`` wrote for the component, and ``to_disk`` copies it there. Subclasses say where
    the data is (:meth:`data_source`), how it loads (:meth:`load_data`) and how a saved folder points them at it
    (:meth:`use_saved`)."""

    #: the data is one file, saved under this name; None: a folder of files (a model)
    data_file: str | None = None
    _data: Any = None

    def data_source(self) -> Path:
        raise NotImplementedError

    def load_data(self) -> Any:
        raise NotImplementedError

    def use_saved(self, path: str) -> None:
        raise NotImplementedError

    @property
    def data(self) -> Any:
        if self._data is None:
            self._data = self.load_data()
        return self._data

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Load the data now rather than on the first document."""
        _ = self.data

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        _copy_into(path, self.data_source(), self.data_file)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        self.use_saved(str(Path(path) / self.data_file) if self.data_file else str(path))
        self._data = None
        return self


def _copy_into(path: str | Path, source: Path, name: str | None = None) -> None:
    """Copy a file (as ``name``), or the files of a folder, into the component folder ``path``."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        for f in sorted(p for p in source.iterdir() if p.is_file()):
            shutil.copyfile(f, path / f.name)
    else:
        shutil.copyfile(source, path / (name or source.name))


# ----------------------------------------------------------------------------------------------- sentences
def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: spaCy rebuilds it from every token on each access (a Token object per
    token), which cost ~7 % of the pipeline's time when each component read it again."""
    text = doc.user_data.get("medkg_text")
    # the length check guards against user_data carried over to another Doc (Span.as_doc, Doc.from_docs)
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.user_data["medkg_text"] = doc.text
    return text


_HEADER_LINE = re.compile(r"^[ \t]*(?:[-*#]+[ \t]*)?[A-Za-z][A-Za-z /&()'-]{0,40}:$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])\s")


class ClinicalSentencizer:
    """Sentence boundaries for clinical notes and abstracts, by rules (no statistical model, ~µs per token).

    A sentence starts: at the start of the text; after ``.``/``!``/``?`` when the next word does not start in
    lowercase; after a section header's colon (``Family History: mother had…``); and at a line break, unless
    the line is wrapped (the previous line does not end in ``.:;!?`` and the next starts in lowercase). List
    items (``- …``, ``1. …``) always start a sentence.
    """

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc_text(doc)
        # plain lists: indexing a Doc builds a Token object each time
        words = [t.text for t in doc]
        idx = [t.idx for t in doc]
        space = [t.is_space for t in doc]
        starts = [False] * n
        starts[0] = True

        def next_word(i: int) -> int:
            while i < n and space[i]:
                i += 1
            return i

        for i in range(n - 1):
            w = words[i]
            if space[i]:  # spaCy keeps line breaks as whitespace tokens
                if "\n" not in w:
                    continue
                j = next_word(i + 1)
                if j >= n:
                    break
                prev = words[i - 1] if i > 0 else ""
                line_end = text.find("\n", idx[j])
                next_line = text[idx[j]:line_end if line_end >= 0 else len(text)]
                wrapped = (prev and prev[-1] not in ".:;!?" and words[j][:1].islower()
                           and text.count("\n", idx[i], idx[j]) == 1 and not _LIST_ITEM.match(next_line))
                if not wrapped:
                    starts[j] = True
            elif w in (".", "!", "?") or (w.endswith("...")):
                if w == "." and i > 0 and words[i - 1].isdigit() and (i == 1 or "\n" in words[i - 2]):
                    continue  # "1." of a numbered list
                j = next_word(i + 1)
                if j < n and not words[j][:1].islower() and words[j] not in (")", ",", ";"):
                    starts[j] = True
            elif w == ":" and not space[i + 1]:
                line_start = text.rfind("\n", 0, idx[i]) + 1
                head = text[line_start:idx[i] + 1]
                if len(head.split()) <= 5 and _HEADER_LINE.match(head):
                    starts[i + 1] = True
        # one array write: setting Token.is_sent_start checks the whole Doc each time (quadratic on long notes)
        flags = numpy.array([1 if x else -1 for x in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], flags)
        return doc




_BOUNDS: tuple[Any, Any] | None = None


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence :class:`ClinicalSentencizer` finds in ``text``: the pipeline's own
    boundaries, for evaluations and training scripts that work on gold mentions without running the pipeline."""
    global _BOUNDS
    if _BOUNDS is None:
        _BOUNDS = (spacy.blank("en"), ClinicalSentencizer())
    blank, splitter = _BOUNDS
    return [(sent.start_char, sent.end_char) for sent in splitter(blank(text)).sents]

@Language.factory("medkg_sentences", default_config={}, assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> ClinicalSentencizer:
    nlp.max_length = max(nlp.max_length, MAX_TEXT_CHARS)  # long notes; a loaded pipeline keeps this limit too
    return ClinicalSentencizer()


def ents_by_sentence(doc: Doc) -> list[tuple[Span, list[Span]]]:
    """``(sentence, its entities)`` for the sentences that have entities (one pass; ``Span.sent`` rescans the Doc).

    An entity belongs to the sentence its first token is in. Without sentence boundaries the Doc is one sentence.
    """
    ents = list(doc.ents)
    if not ents:
        return []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    out: list[tuple[Span, list[Span]]] = []
    k = 0
    for ent in ents:
        while k + 1 < len(sents) and sents[k + 1].start <= ent.start:
            k += 1
        if out and out[-1][0].start == sents[k].start:
            out[-1][1].append(ent)
        else:
            out.append((sents[k], [ent]))
    return out


# ----------------------------------------------------------------------------------------------------- NER
#: Model batches of documents handed to the NER at once (it sorts them by length before batching).
BUCKET_BATCHES = 8


class TransformerNERComponent(DataComponent):
    """Runs :class:`medkg.nlp.ner.TransformerNER` over whole documents (it windows long texts itself).

    The model loads on first use, so ``add_pipe`` is cheap; assign ``.predictor`` to use another one (any
    object with ``predict(texts, batch_size=…) -> list[list[span]]``, spans having ``start, end, label,
    score``). (Not called
    ``model``: spaCy probes that attribute of every component when a pipe is added.)
    """

    def __init__(self, name: str, model_path: str | None, device: str | None, batch_size: int,
                 quantize: bool, runtime: str = "auto", min_score: float | None = None) -> None:
        if batch_size < 1:
            raise InputError(f"batch_size must be >= 1, got {batch_size!r}")
        if runtime not in RUNTIMES:
            raise InputError(f"runtime must be one of {', '.join(RUNTIMES)}, got {runtime!r}")
        self.name = name
        self.model_path, self.device, self.batch_size, self.quantize = model_path, device, batch_size, quantize
        self.runtime = runtime
        self.min_score = min_score

    def data_source(self) -> Path:
        """The model's files (weights, config, tokenizer, card): a saved pipeline needs no installed model."""
        return Path(self.model_path) if self.model_path else NER_MODEL_DIR

    def load_data(self) -> TransformerNER:
        return TransformerNER.load(self.model_path, device=self.device, quantize=self.quantize, runtime=self.runtime,
                                   min_score=self.min_score)

    def use_saved(self, path: str) -> None:
        self.model_path = path

    @property
    def predictor(self) -> Any:
        return self.data

    @predictor.setter
    def predictor(self, value: Any) -> None:
        self._data = value

    @property
    def version(self) -> str:
        return str(getattr(self.predictor, "version", "0"))


    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        # the model buckets what it gets by length: give it several batches at once, so little is padding
        size = BUCKET_BATCHES * (batch_size or self.batch_size)
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        preds = self.predictor.predict([doc_text(d) for d in docs], batch_size=self.batch_size)
        for doc, spans in zip(docs, preds):
            ents = []
            for sp in spans:
                span = doc.char_span(sp.start, sp.end, label=NodeLabel(sp.label).value, alignment_mode="expand")
                if span is None or (ents and span.start < ents[-1].end):
                    continue  # spans come in text order; expanding to tokens may make neighbours touch
                span._.ner_score = float(sp.score)
                span._.source = "ner"
                ents.append(span)
            doc.ents = ents
        return docs


@Language.factory("medkg_ner", default_config={"model_path": None, "device": None, "batch_size": 32,
                                               "quantize": False, "runtime": "auto", "min_score": None},
                  assigns=["doc.ents", "span._.ner_score", "span._.source"])
def make_ner(nlp: Language, name: str, model_path: str | None, device: str | None, batch_size: int,
             quantize: bool, runtime: str, min_score: float | None) -> TransformerNERComponent:
    """``min_score``: None = the model's own span threshold (chosen for the model alone)."""
    return TransformerNERComponent(name, model_path, device, batch_size, quantize, runtime, min_score)


# ------------------------------------------------------------------------------------------------ vocabulary
class VocabularyComponent(DataComponent):
    """A component whose data is the concept vocabulary (``vocab_path``, default the shipped one)."""

    vocab_path: str | None = None
    data_file = VOCAB_FILE

    def data_source(self) -> Path:
        return Path(self.vocab_path) if self.vocab_path else default_vocab_path()

    def use_saved(self, path: str) -> None:
        self.vocab_path = path


# ---------------------------------------------------------------------------------------------- dictionary
class DictionaryComponent(VocabularyComponent):
    """Adds dictionary matches (see :mod:`medkg.nlp.dictionary`) that overlap no entity already on the Doc."""

    def __init__(self, name: str, vocab_path: str | None, labels: list[str] | None) -> None:
        self.name, self.vocab_path = name, vocab_path
        self.label_filter = [NodeLabel(x) for x in labels] if labels else None

    def load_data(self) -> DictionaryMatcher:
        return DictionaryMatcher(Vocabulary.load(self.vocab_path), self.label_filter)

    @property
    def matcher(self) -> DictionaryMatcher:
        return self.data

    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.ents)
        matches = self.matcher.match_doc(doc)
        added = merge_spans([(e.start_char, e.end_char) for e in existing], matches)
        new = [_dictionary_span(doc, m.start, m.end, m.label.value) for m in added]
        if new:
            doc.ents = sorted(existing + new, key=lambda s: s.start)
        shown = set(added)  # the linker falls back to the others where the transformer's span links nowhere
        doc._.hidden_dictionary_spans = [(m.start, m.end, m.label.value) for m in matches if m not in shown]
        return doc


def _dictionary_span(doc: Doc, start: int, end: int, label: str) -> Span:
    span = Span(doc, start, end, label=label)
    span._.ner_score = 1.0
    span._.source = "dictionary"
    return span


@Language.factory("medkg_dictionary", default_config={"vocab_path": None, "labels": None},
                  assigns=["doc.ents", "span._.ner_score", "span._.source"])
def make_dictionary(nlp: Language, name: str, vocab_path: str | None, labels: list[str] | None) -> DictionaryComponent:
    return DictionaryComponent(name, vocab_path, labels)


# -------------------------------------------------------------------------------------------------- linker
#: A transformer span that links to no concept is kept only at this confidence or above. Chosen on BC5CDR devel
#: F1 of the full pipeline (``scripts/tune_pipeline_ner.py``): a span the vocabulary knows is kept whatever the
#: model's confidence, an unknown one needs the model to be sure. Unlinked spans never become triples anyway.
UNLINKED_MIN_SCORE = 0.97
#: In the full pipeline the transformer keeps all its spans (min_score 0) and the linker filters the unknown ones.
PIPELINE_NER_MIN_SCORE = 0.0


class LinkerComponent(VocabularyComponent):
    """Links every entity with :class:`medkg.nlp.normalize.Linker`, using the abbreviations the document defines.

    A transformer entity that stays unlinked gives way to a dictionary match it hides
    (``Doc._.hidden_dictionary_spans``) that is all of it or its head: "supraclavicular lymphadenopathy", which
    no vocabulary names, is the finding lymphadenopathy; "SOB" typed as a drug is the symptom. Those that stay
    unlinked with a confidence (``Span._.ner_score``) under ``unlinked_min_score`` are removed from ``Doc.ents``.
    With ``propagate_abbreviations``, a short form the document defines ("contrast-induced nephropathy (CIN)")
    becomes a mention wherever it recurs, with the type and concept of the entity that defines it, and a recurring
    short form the NER typed otherwise takes them too: one short form, one meaning per document.
    """

    def __init__(self, name: str, vocab_path: str | None, threshold: float,
                 unlinked_min_score: float = UNLINKED_MIN_SCORE, propagate_abbreviations: bool = True) -> None:
        if not 0.0 <= unlinked_min_score <= 1.0:
            raise InputError(f"unlinked_min_score must be in [0, 1], got {unlinked_min_score!r}")
        self.name, self.vocab_path, self.threshold = name, vocab_path, threshold
        self.unlinked_min_score = unlinked_min_score
        self.propagate_abbreviations = propagate_abbreviations

    def load_data(self) -> Linker:
        return Linker(Vocabulary.load(self.vocab_path), threshold=self.threshold)

    @property
    def linker(self) -> Linker:
        return self.data

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        abbrevs = find_abbreviations(text) if "(" in text else {}
        doc._.abbreviations = abbrevs
        for ent in doc.ents:
            self._link(ent, abbrevs)
        if doc._.hidden_dictionary_spans:
            self._dictionary_fallback(doc, abbrevs)
        if self.unlinked_min_score > 0.0:
            kept = [e for e in doc.ents if not (e._.source == "ner" and e._.link_status == "unlinked"
                                               and (e._.ner_score or 0.0) < self.unlinked_min_score)]
            if len(kept) != len(doc.ents):
                doc.ents = kept
        if abbrevs and self.propagate_abbreviations:
            _propagate_abbreviations(doc, text, abbrevs)
        return doc

    def _link(self, ent: Span, abbrevs: dict[str, str]) -> None:
        link = self.linker.link(ent.text, ent.label_, abbrevs)
        ent._.concept = link.concept
        ent._.concept_id = link.concept.id if link.concept else None
        ent._.link_score = link.score
        ent._.link_status = link.status
        ent._.link_method = link.method

    def _dictionary_fallback(self, doc: Doc, abbrevs: dict[str, str]) -> None:
        """Replace each unlinked transformer entity by the dictionary match it hides that is the whole of it ("SOB"
        typed as a drug) or, of a label its own may link to, its head: the last word, or the last before "of"/"in"
        ("right lower lobe pneumonia", "cellulitis of the right leg"); a span that joins mentions with "and"/"or"
        gives the head of each ("brainstem seizures and behavior": seizures). A modifier is not the thing named:
        "hepatitis B immune globulin" is no hepatitis, "TB skin test" no tuberculosis."""
        hidden = doc._.hidden_dictionary_spans
        ents, changed = [], False
        for ent in doc.ents:
            spans = self._head_matches(doc, ent, hidden, abbrevs) \
                if ent._.source == "ner" and ent._.link_status == "unlinked" else []
            ents += spans or [ent]
            changed = changed or bool(spans)
        if changed:
            doc.ents = ents

    def _head_matches(self, doc: Doc, ent: Span, hidden: list[tuple[int, int, str]], abbrevs: dict[str, str]
                      ) -> list[Span]:
        """The linked dictionary spans an unlinked entity gives way to: the match that is all of it, else the head of
        each conjunct when "and"/"or" join several, else its head."""
        allowed = {lab.value for lab in COMPATIBLE_LABELS.get(to_label(ent.label_), ())}
        whole = self._head_match(doc, ent.start, ent.end, hidden, allowed, abbrevs, whole_only=True)
        if whole is not None:
            return [whole]
        cuts = [t.i for t in ent[1:-1] if t.lower_ in _CONJUNCTIONS]
        if cuts:
            bounds = [ent.start, *cuts, ent.end]
            parts = [(a + (a != ent.start), b) for a, b in zip(bounds, bounds[1:])]  # each without its "and"
            heads = [span for a, b in parts if a < b
                     and (span := self._head_match(doc, a, b, hidden, allowed, abbrevs)) is not None]
            if heads:
                return heads
        head = self._head_match(doc, ent.start, ent.end, hidden, allowed, abbrevs)
        return [head] if head is not None else []

    def _head_match(self, doc: Doc, start: int, end: int, hidden: list[tuple[int, int, str]], allowed: set[str],
                    abbrevs: dict[str, str], whole_only: bool = False) -> Span | None:
        """The linked dictionary match of tokens ``start:end``: all of them, of any label (``whole_only``), or
        all of them or their head, of an ``allowed`` label."""
        head_end = next((t.i for t in doc[start + 1:end] if t.lower_ in _HEAD_ENDS), end)
        for a, b, match_label in hidden:
            if (a, b) == (start, end) and (whole_only or match_label in allowed) \
                    or not whole_only and start <= a and b == head_end and match_label in allowed:
                span = _dictionary_span(doc, a, b, match_label)
                self._link(span, abbrevs)
                if span._.link_status == "linked":
                    return span
        return None


#: Words that end a mention's head: "cellulitis of the right leg", "pneumonia in the left lower lobe".
_HEAD_ENDS = frozenset({"of", "in", "on", "at", "with", "involving", "affecting"})
#: Words that join two mentions a tagger may have read as one span: "brainstem seizures and behavior".
_CONJUNCTIONS = frozenset({"and", "or", "and/or", ","})


def _propagate_abbreviations(doc: Doc, text: str, abbrevs: dict[str, str]) -> None:
    """Short forms defined right after an entity ("… nephropathy (CIN)") take its label and concept everywhere."""
    ents = list(doc.ents)
    by_end = {e.end_char: e for e in ents}
    changed = False
    for sf in abbrevs:
        definition = text.find(f"({sf})")
        if definition < 0:
            continue
        source = by_end.get(definition) or by_end.get(definition - 1)  # "long form (SF)" or "long form(SF)"
        if source is None or source._.concept is None:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(sf)}(?![\w-])", text):
            same = [e for e in ents if e.start_char == m.start() and e.end_char == m.end()]
            if same and same[0].label_ == source.label_ and same[0]._.concept == source._.concept:
                continue
            if any(e.start_char < m.end() and m.start() < e.end_char for e in ents if not (same and e is same[0])):
                continue  # part of another entity
            span = doc.char_span(m.start(), m.end(), label=source.label_)
            if span is None:
                continue  # not on token boundaries
            for attr in ("concept", "concept_id", "link_score", "ner_score"):
                setattr(span._, attr, getattr(source._, attr))
            span._.link_status, span._.link_method, span._.source = "linked", "abbreviation", "abbreviation"
            ents = [e for e in ents if not (same and e is same[0])] + [span]
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)


@Language.factory("medkg_linker", default_config={"vocab_path": None, "threshold": 0.75,
                                                  "unlinked_min_score": UNLINKED_MIN_SCORE,
                                                  "propagate_abbreviations": True},
                  requires=["doc.ents"],
                  assigns=["doc.ents", "doc._.abbreviations", "span._.concept", "span._.concept_id",
                           "span._.link_score", "span._.link_status", "span._.link_method"])
def make_linker(nlp: Language, name: str, vocab_path: str | None, threshold: float,
                unlinked_min_score: float, propagate_abbreviations: bool) -> LinkerComponent:
    return LinkerComponent(name, vocab_path, threshold, unlinked_min_score, propagate_abbreviations)


# ------------------------------------------------------------------------------------------------- context
class ContextComponent(DataComponent):
    """Sets ``Span._.assertion`` on every entity from its sentence and note section (:mod:`medkg.nlp.context`)."""

    def __init__(self, name: str, window: int, past_history_sections: bool, rules_path: str | None = None) -> None:
        self.name, self.window, self.past_history_sections = name, window, past_history_sections
        self.rules_path = rules_path

    data_file = RULES_FILE  # the cue, pseudo-cue, terminator and section rules

    def data_source(self) -> Path:
        return Path(self.rules_path) if self.rules_path else ContextRules.default_path()

    def load_data(self) -> ConText:
        rules = ContextRules.load(self.rules_path) if self.rules_path else None
        return ConText(window=self.window, past_history_sections=self.past_history_sections, rules=rules)

    def use_saved(self, path: str) -> None:
        self.rules_path = path

    @property
    def context(self) -> ConText:
        return self.data

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        full = doc_text(doc)
        sections = find_sections(full, self.context.section_assertions) if ":" in full else []
        for sent, ents in ents_by_sentence(doc):
            base = sent.start_char
            # an entity may run past its sentence's end (the NER does not see sentence boundaries)
            text = full[base:max(sent.end_char, max(e.end_char for e in ents))]
            spans = [(e.start_char - base, e.end_char - base) for e in ents]
            # the section default is decided per mention (a sentence may straddle a header's line)
            defaults = [section_assertion(sections, e.start_char) for e in ents]
            for ent, a in zip(ents, self.context.assert_spans(text, spans, defaults)):
                ent._.assertion = a.value
        return doc


@Language.factory("medkg_context", default_config={"window": 10, "past_history_sections": True,
                                                   "rules_path": None},
                  requires=["doc.ents", "token.is_sent_start"], assigns=["span._.assertion"])
def make_context(nlp: Language, name: str, window: int, past_history_sections: bool,
                 rules_path: str | None) -> ContextComponent:
    """``rules_path``: a ConText rules JSON file (default: the shipped ``nlp/data/context_rules.json``)."""
    return ContextComponent(name, window, past_history_sections, rules_path)


# ----------------------------------------------------------------------------------------------- relations
class RelationsComponent(DataComponent):
    """Relation extraction over each document's linked entities (:class:`medkg.nlp.relations.RelationExtractor`).

    Every sentence's mention pairs are scored by the sentence model. With ``document_level`` (the default, when the
    shipped ``docrel_*.json`` models are present) chemical → disease CAUSES and TREATS are decided per concept pair
    of the whole document, within or across sentences (:mod:`medkg.nlp.docrel`); other relations stay per
    sentence. Writes ``Doc._.relations`` as a list of ``(sentence index, Relation)``; :mod:`medkg.nlp.pipeline`
    turns them into triples. ``prior_knowledge`` (off by default) uses the document-level models fitted with the
    Hetionet prior's compound → disease / side-effect edges (:class:`medkg.nlp.docrel.KnownPairs`); their triples
    say so in their provenance version.
    """

    def __init__(self, name: str, model_path: str | None, device: str | None, threshold: float | None,
                 document_level: bool = True, runtime: str = "auto", prior_knowledge: bool = False) -> None:
        if runtime not in RUNTIMES:
            raise InputError(f"runtime must be one of {', '.join(RUNTIMES)}, got {runtime!r}")
        self.name = name
        self.model_path, self.device, self.threshold = model_path, device, threshold
        self.runtime = runtime
        self.document_level = document_level
        self.prior_knowledge = prior_knowledge
        self._doc_models: Any = None
        self._known: KnownPairs | None = None
        self._clinical_calibration: Any = _UNSET

    def data_source(self) -> Path:
        """The sentence model and the document-level models next to it."""
        return Path(self.model_path) if self.model_path else relation_model_dir()

    def load_data(self) -> RelationExtractor:
        return RelationExtractor.load(self.model_path, device=self.device, runtime=self.runtime)

    def use_saved(self, path: str) -> None:
        self.model_path, self._doc_models, self._clinical_calibration = path, None, _UNSET

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        _ = self.extractor, self.doc_models

    @property
    def extractor(self) -> Any:
        return self.data

    @extractor.setter
    def extractor(self, value: Any) -> None:
        self._data = value

    @property
    def doc_models(self) -> list:
        if not self.document_level:
            return []
        if self._doc_models is None:
            self._doc_models = load_doc_models(self.model_path, prior_knowledge=self.prior_knowledge)
        return self._doc_models

    @doc_models.setter
    def doc_models(self, value: list) -> None:
        self._doc_models = list(value)

    @property
    def known(self) -> KnownPairs | None:
        """The prior knowledge the document-level models read (None unless ``prior_knowledge``; default: the
        shipped Hetionet prior's edges)."""
        if not (self.prior_knowledge and self.document_level):
            return None
        if self._known is None:
            self._known = KnownPairs.hetionet()
        return self._known

    @known.setter
    def known(self, value: KnownPairs | None) -> None:
        self._known = value

    @property
    def clinical_calibration(self) -> ConfidenceCalibration | None:
        """The confidence map for clinical text shipped next to the model (see :class:`ConfidenceCalibration`)."""
        if self._clinical_calibration is _UNSET:
            self._clinical_calibration = ConfidenceCalibration.load(self.data_source())
        return self._clinical_calibration

    @clinical_calibration.setter
    def clinical_calibration(self, value: ConfidenceCalibration | None) -> None:
        self._clinical_calibration = value


    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents)
        mentions = [_SentMention(e.start_char, e.end_char, e.label_, e) for e in doc.ents
                    if e._.concept is not None]
        if len(mentions) < 2:
            doc._.relations = []
            return doc
        bounds = [(s.start_char, s.end_char) for s in sents]
        # an entity may run past its sentence's end (the NER does not see sentence boundaries): extend the bound
        for m in mentions:
            k = next((k for k, (a, b) in enumerate(bounds) if a <= m.start < b), None)
            if k is not None and m.end > bounds[k][1]:
                bounds[k] = (bounds[k][0], m.end)
        rels = document_relations(doc_text(doc), bounds, mentions, self.extractor, self.doc_models,
                                  concept_of=lambda m: m.span._.concept, threshold=self.threshold,
                                  known=self.known)
        doc._.relations = [(k, _unshift(r)) for k, r in rels]
        return doc


def _unshift(rel: Any) -> Any:
    """Relation mentions as the pipeline reads them: the entity span with offsets relative to its sentence."""
    s, o = rel.subject, rel.object
    return replace(rel, subject=_SentMention(s.start, s.end, s.mention.label, s.mention.span),
                   object=_SentMention(o.start, o.end, o.mention.label, o.mention.span))


class _SentMention:
    """A mention with sentence-relative offsets, as :class:`medkg.nlp.relations.RelationExtractor` expects."""

    __slots__ = ("start", "end", "label", "span")

    def __init__(self, start: int, end: int, label: str, span: Span) -> None:
        self.start, self.end, self.label, self.span = start, end, label, span


@Language.factory("medkg_relations", default_config={"model_path": None, "device": None, "threshold": None,
                                                     "document_level": True, "runtime": "auto",
                                                     "prior_knowledge": False},
                  requires=["doc.ents", "span._.concept", "token.is_sent_start"], assigns=["doc._.relations"])
def make_relations(nlp: Language, name: str, model_path: str | None, device: str | None,
                   threshold: float | None, document_level: bool, runtime: str,
                   prior_knowledge: bool) -> RelationsComponent:
    return RelationsComponent(name, model_path, device, threshold, document_level, runtime, prior_knowledge)


# --------------------------------------------------------------------------------------------------- load
def load(*, ner: bool = True, dictionary: bool = True, relations: bool = False, document_level: bool = True,
         prior_knowledge: bool = False, model_path: str | None = None,
         device: str | None = None, vocab_path: str | None = None, threshold: float = 0.75,
         batch_size: int = 32, quantize: bool = False, runtime: str = "auto",
         ner_min_score: float | None = PIPELINE_NER_MIN_SCORE,
         unlinked_min_score: float = UNLINKED_MIN_SCORE) -> Language:
    """The full medkg pipeline on a blank English tokenizer: sentences, NER, dictionary, linker, context.

    ``ner=False`` leaves out the transformer (dictionary matching only); ``relations=True`` adds relation
    extraction (needs the shipped relation model); ``prior_knowledge=True`` lets the document-level relation models
    read the Hetionet prior's known compound → disease / side-effect edges (off by default: it biases extraction
    toward known facts).
    """
    pipe = spacy.blank("en")
    pipe.max_length = MAX_TEXT_CHARS
    pipe.add_pipe("medkg_sentences")
    if ner:
        pipe.add_pipe("medkg_ner", config={"model_path": model_path, "device": device, "batch_size": batch_size,
                                           "quantize": quantize, "runtime": runtime,
                                           "min_score": ner_min_score})
    if dictionary:
        pipe.add_pipe("medkg_dictionary", config={"vocab_path": vocab_path})
    pipe.add_pipe("medkg_linker", config={"vocab_path": vocab_path, "threshold": threshold,
                                          "unlinked_min_score": unlinked_min_score})
    pipe.add_pipe("medkg_context")
    if relations:
        rel = pipe.add_pipe("medkg_relations", config={"device": device, "document_level": document_level,
                                                       "runtime": runtime, "prior_knowledge": prior_knowledge})
        if prior_knowledge:  # fail here, once, not on every document of a batch run
            _ = rel.doc_models, rel.known
    return pipe
