"""Evaluation of medkg's NLP against gold corpora, as plain functions (``medkg nlp evaluate`` wraps them).

NER contract: the gold file is token-per-line IOB (``token<TAB>tag``, blank line between sentences). Each sentence
is rebuilt from its tokens joined by single spaces, the predictor runs on that text, its character spans are mapped
back onto the tokens, and seqeval scores exact-match entities per gold type and micro-averaged over them. A medkg
label counts as the gold type it aliases (``Compound`` is ``Chemical``); predicted types the file does not annotate
are ignored.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from seqeval.metrics import classification_report
from spacy.scorer import PRFScore

from medkg.kg.errors import InputError
from medkg.kg.schema import NodeLabel
from medkg.nlp.evaluate_relations import bare_mesh, prf, read_pubtator
from medkg.nlp.ner import TransformerNER
from medkg.nlp.spacy_components import load

#: medkg label -> the type names a gold corpus may use for it, in order of preference.
GOLD_ALIASES: dict[NodeLabel, tuple[str, ...]] = {
    NodeLabel.COMPOUND: ("Chemical", "Drug", "Compound", "ChemicalEntity"),
    NodeLabel.DISEASE: ("Disease", "DiseaseOrPhenotypicFeature"),
    NodeLabel.SYMPTOM: ("Symptom",),
    NodeLabel.ANATOMY: ("Anatomy",),
    NodeLabel.PROCEDURE: ("Procedure", "Test"),
    NodeLabel.GENE: ("Gene", "GeneOrGeneProduct"),
}


class Span(Protocol):
    """Anything with character offsets and a medkg label (e.g. :class:`medkg.nlp.ner.EntitySpan`)."""

    start: int
    end: int
    label: NodeLabel


Predictor = Callable[[list[str]], list[list[Any]]]


@dataclass(frozen=True, slots=True)
class IobSentence:
    """A gold sentence: its tokens, their IOB tags and the text rebuilt from them (tokens joined by spaces)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of every token in :attr:`text`."""
        out, pos = [], 0
        for tok in self.tokens:
            out.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        return tuple(out)


def read_iob(path: str | Path) -> list[IobSentence]:
    """Read a token-per-line IOB file; raise :class:`InputError` naming the file and line when malformed."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"gold: no such file {path}")
    sentences: list[IobSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append(IobSentence(tuple(tokens), tuple(tags)))
                    tokens, tags = [], []
                continue
            parts = line.split("\t")
            if len(parts) < 2 or not parts[0] or not parts[-1]:
                raise InputError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
            tag = parts[-1].strip()
            if tag != "O" and (len(tag) < 3 or tag[:2] not in ("B-", "I-")):
                raise InputError(f"{path}:{lineno}: tag {tag!r} is not O, B-TYPE or I-TYPE")
            tok = parts[0].strip()
            if not tok or any(c.isspace() for c in tok):
                raise InputError(f"{path}:{lineno}: token {parts[0]!r} is empty or contains whitespace")
            tokens.append(tok)
            tags.append(tag)
    if tokens:
        sentences.append(IobSentence(tuple(tokens), tuple(tags)))
    if not sentences:
        raise InputError(f"gold: {path} holds no sentences")
    return sentences


def gold_types(sentences: Iterable[IobSentence]) -> set[str]:
    return {t[2:] for s in sentences for t in s.tags if t != "O"}


def label_to_gold(types: Iterable[str]) -> dict[NodeLabel, str]:
    """Map each medkg label onto the gold type name it counts as, for the types a file annotates."""
    types = set(types)
    out: dict[NodeLabel, str] = {}
    for label, aliases in GOLD_ALIASES.items():
        for name in (label.value, *aliases):
            if name in types:
                out[label] = name
                break
    return out


def spans_to_tags(sentence: IobSentence, spans: Iterable[Span], mapping: dict[NodeLabel, str]) -> list[str]:
    """IOB tags over the sentence's tokens for predicted character spans.

    A span covers every token it overlaps; a token already covered by an earlier span keeps it. Spans whose
    label is not in ``mapping`` (types the gold file does not annotate) are dropped.
    """
    offsets = sentence.offsets
    starts = [s for s, _ in offsets]
    tags = ["O"] * len(offsets)
    for span in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        name = mapping.get(span.label)
        if name is None or span.end <= span.start:
            continue
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        if offsets[first][1] <= span.start:  # the span starts in the space after this token
            first += 1
        last = bisect.bisect_left(starts, span.end) - 1
        idx = [i for i in range(first, last + 1) if tags[i] == "O"]
        if not idx or idx != list(range(idx[0], idx[-1] + 1)):
            continue
        tags[idx[0]] = f"B-{name}"
        for i in idx[1:]:
            tags[i] = f"I-{name}"
    return tags


def score_entities(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Exact-match entity precision/recall/F1 (seqeval, conlleval rules) per type and ``micro`` over them."""
    if len(gold) != len(pred) or any(len(g) != len(p) for g, p in zip(gold, pred)):
        raise InputError("gold and predicted tag sequences differ in length")
    empty = {"micro": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}}
    if all(t == "O" for seq in (*gold, *pred) for t in seq):
        return empty  # nothing to score (seqeval would average over nothing)
    report = classification_report([list(g) for g in gold], [list(p) for p in pred], output_dict=True,
                                   zero_division=0)
    out: dict[str, dict[str, float]] = {}
    for key, row in report.items():
        if key in ("macro avg", "weighted avg"):
            continue
        name = "micro" if key == "micro avg" else key
        out[name] = {"precision": float(row["precision"]), "recall": float(row["recall"]),
                     "f1": float(row["f1-score"]), "support": int(row["support"])}
    return out or empty


def evaluate_ner(sentences: Sequence[IobSentence], predict: Predictor) -> dict[str, dict[str, float]]:
    """Run ``predict`` on the rebuilt sentence texts and score it against the gold tags."""
    types = gold_types(sentences)
    mapping = label_to_gold(types)
    predictions = predict([s.text for s in sentences])
    if len(predictions) != len(sentences):
        raise InputError(f"predictor returned {len(predictions)} results for {len(sentences)} sentences")
    pred_tags = [spans_to_tags(s, spans, mapping) for s, spans in zip(sentences, predictions)]
    return score_entities([s.tags for s in sentences], pred_tags)


def evaluate_ner_file(path: str | Path, predict: Predictor | None = None, batch_size: int = 64,
                      transformer_only: bool = False) -> dict[str, Any]:
    """:func:`evaluate_ner` on an IOB file.

    By default the predictor is the full extraction pipeline (:func:`medkg.nlp.spacy_components.load`: sentences,
    transformer NER, dictionary NER, linking, assertion), i.e. the entities a user of ``medkg extract`` gets;
    ``transformer_only`` scores the token classifier alone (as its model card and ``scripts/train_ner.py`` do).
    """
    sentences = read_iob(path)
    if predict is None and transformer_only:
        ner = TransformerNER.load()
        predict = lambda texts: ner.predict(texts, batch_size=batch_size)  # noqa: E731
    elif predict is None:
        predict = pipeline_predictor(batch_size=batch_size)
    return evaluate_ner(sentences, predict)


@dataclass(frozen=True, slots=True)
class _EntSpan:
    start: int
    end: int
    label: NodeLabel


def pipeline_predictor(nlp: Any = None, batch_size: int = 64) -> Predictor:
    """A :data:`Predictor` over the entities (``Doc.ents``) of a spaCy pipeline, default the full medkg one."""
    if nlp is None:
        nlp = load(batch_size=batch_size)
    labels = {lab.value for lab in NodeLabel}

    def predict(texts: list[str]) -> list[list[_EntSpan]]:
        return [[_EntSpan(e.start_char, e.end_char, NodeLabel(e.label_)) for e in doc.ents if e.label_ in labels]
                for doc in nlp.pipe(texts, batch_size=batch_size)]

    return predict


# ----------------------------------------------------------------------------------- document-level NER contract

def evaluate_ner_documents(docs: Sequence[Any], nlp: Any = None, batch_size: int = 64) -> dict[str, Any]:
    """Mentions of whole documents (title + " " + abstract) against PubTator mention lines.

    The full pipeline (:func:`medkg.nlp.spacy_components.load`) runs on each document; a predicted entity is correct
    when its character offsets and its type (a medkg label counts as the gold type it aliases, :data:`GOLD_ALIASES`;
    corpus types as :data:`medkg.nlp.evaluate_relations.MENTION_TYPES` maps them, NCBI-disease's four are Disease) equal
    a gold mention's. Per gold type and micro P/R/F1, plus
    normalization accuracy@1 over the gold mentions found: the entity's concept id or one of its xrefs equals one
    of the gold ids (MeSH with or without ``MESH:``); an unlinked entity counts as wrong.
    """
    if nlp is None:
        nlp = load(batch_size=batch_size)
    gold_by_doc = [{(a, b): (kind, ids) for a, b, _t, kind, ids in d.mentions} for d in docs]
    types = {t for g in gold_by_doc for t, _ in g.values()}
    mapping = label_to_gold(types)
    # spaCy's PRFScore, not Scorer.score_spans: that one scores token spans of one tokenization, and these are
    # character offsets that need not fall on spaCy token boundaries.
    scores = {t: PRFScore() for t in sorted(types)}
    micro = PRFScore()
    found = correct = 0
    for d, gold, sdoc in zip(docs, gold_by_doc, nlp.pipe([d.text for d in docs], batch_size=batch_size)):
        predicted = {}
        for e in sdoc.ents:
            gold_type = mapping.get(NodeLabel(e.label_)) if e.label_ in NodeLabel._value2member_map_ else None
            if gold_type is not None:
                predicted[(e.start_char, e.end_char)] = (gold_type, e._.concept)
        gold_set = {(a, b, kind) for (a, b), (kind, _ids) in gold.items()}
        pred_set = {(a, b, kind) for (a, b), (kind, _c) in predicted.items()}
        for kind, score in scores.items():
            score.score_set({p for p in pred_set if p[2] == kind}, {g for g in gold_set if g[2] == kind})
        micro.score_set(pred_set, gold_set)
        for span, (kind, concept) in predicted.items():  # normalization of the gold mentions found
            g = gold.get(span)
            if g is not None and g[0] == kind:
                found += 1
                codes = {bare_mesh(c) for c in ((concept.id, *concept.xrefs) if concept is not None else ())}
                correct += bool(codes & {bare_mesh(i) for i in g[1]})
    out: dict[str, Any] = {kind: _prf(score) for kind, score in scores.items()}
    out["micro"] = _prf(micro)
    out["normalization"] = {"accuracy": correct / found if found else 0.0, "correct": correct, "found": found}
    out["documents"] = len(docs)
    return out


def _prf(score: PRFScore) -> dict[str, float]:
    return {k: v for k, v in prf(score.tp, score.fp, score.fn).items()
            if k in ("precision", "recall", "f1", "support")}


def evaluate_ner_documents_file(path: str | Path, batch_size: int = 64) -> dict[str, Any]:
    return evaluate_ner_documents(read_pubtator(path), batch_size=batch_size)
