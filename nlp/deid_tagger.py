"""A transformer PHI tagger: the MiniLM-L6 backbone read as a token classifier over BIO tags of the PHI types.

The de-identifier's second learned detector, next to the small CNN tagger (``nlp/models/deid``): it reads words in
their context rather than their shape ("Will" after "seen by" is a name, "will" before "return" is not), which is
what names in typed notes need. The backbone is uncased, so it reads every letter case alike. Its spans go through
the same vetting as the CNN tagger's (:meth:`medkg.nlp.deid.Deidentifier._learned_cands`).

Only the top encoder layers and the head are trained and shipped (``model.safetensors``, fp16); the embeddings
and lower layers are the installed backbone's, checked by checksum at load time as for the relation model. Long
texts are read in overlapping windows of sub-words; each sub-word takes the tags of the window where it lies
furthest from an edge.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from medkg.kg.errors import MedkgError

#: PHI types the tagger learns (the de-identifier's types; AGE, SSN, EMAIL, URL, IP stay with the patterns).
TAG_TYPES: tuple[str, ...] = ("NAME", "LOCATION", "DATE", "ID", "PHONE", "ADDRESS", "ZIP", "VEHICLE")
LABELS: tuple[str, ...] = ("O",) + tuple(f"{p}-{t}" for t in TAG_TYPES for p in ("B", "I"))
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "models" / "deid_transformer"
FORMAT = "medkg-phi-tagger-1"


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True, slots=True)
class TaggedText:
    """What the de-identifier reads from a tagger: the spans of one text as ``ents`` (as a spaCy ``Doc`` has them;
    also the de-identifier's record of a long text's spans found window by window)."""

    ents: tuple[TaggedSpan, ...]


def windows(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Overlapping ``[start, end)`` windows over ``n_tokens`` sub-words (each step ``size - stride``)."""
    if n_tokens <= size:
        return [(0, n_tokens)]
    step = max(size - stride, 1)
    out = [(s, s + size) for s in range(0, n_tokens - size, step)]
    out.append((n_tokens - size, n_tokens))  # the last window is full too, so its tokens see context on both sides
    return out


def decode(tags: Sequence[int], offsets: Sequence[tuple[int, int]],
           word_ids: Sequence[int | None] | None = None) -> list[TaggedSpan]:
    """Character spans from per-sub-word tag ids (an I- tag after another type or O starts a span too). With
    ``word_ids`` a word takes its first sub-word's tag whole: "romberg" is never cut to a name "rom"."""
    spans: list[TaggedSpan] = []
    cur: list[Any] | None = None  # [type, start, end]
    for k, (tag, (a, b)) in enumerate(zip(tags, offsets)):
        if a == b:
            continue
        if word_ids is not None and k and word_ids[k] is not None and word_ids[k] == word_ids[k - 1]:
            if cur is not None:
                cur[2] = b  # a later piece of a word follows its first piece
            continue
        label = LABELS[int(tag)]
        if label == "O":
            if cur:
                spans.append(TaggedSpan(cur[1], cur[2], cur[0]))
            cur = None
            continue
        prefix, kind = label.split("-", 1)
        if cur is not None and kind == cur[0] and (prefix == "I" or a == cur[2]):
            cur[2] = b  # a B- on the next piece of the same word continues it
        else:
            if cur:
                spans.append(TaggedSpan(cur[1], cur[2], cur[0]))
            cur = [kind, a, b]
    if cur:
        spans.append(TaggedSpan(cur[1], cur[2], cur[0]))
    return spans


def char_tags(text_len: int, offsets: Sequence[tuple[int, int]], spans: Sequence[dict]) -> list[int]:
    """Gold tag id of each sub-word: B- on the first sub-word that overlaps a span, I- on the others, else O."""
    label_id = {l: i for i, l in enumerate(LABELS)}
    out = [0] * len(offsets)
    for sp in spans:
        if sp["type"] not in TAG_TYPES:
            continue
        first = True
        for k, (a, b) in enumerate(offsets):
            if a == b or b <= sp["start"] or a >= sp["end"]:
                continue
            out[k] = label_id[("B-" if first else "I-") + sp["type"]]
            first = False
    return out


class PhiTagger:
    """Loads the shipped (or a given) tagger and tags texts; ``pipe`` yields one :class:`TaggedText` per text."""

    def __init__(self, model: Any, tokenizer: Any, config: dict, model_dir: Path) -> None:
        self.model, self.tokenizer, self.config, self.model_dir = model, tokenizer, config, model_dir
        self.max_length = int(config.get("max_length", 256))
        self.stride = int(config.get("stride", 64))
        self.version = str(config.get("version", "0"))

    @classmethod
    def load(cls, model_dir: str | Path | None = None) -> PhiTagger:
        from safetensors.torch import load_file

        from medkg.nlp.relation_backbone import backbone_digest

        model_dir = Path(model_dir) if model_dir else DEFAULT_MODEL_DIR
        cfg_path = model_dir / "config.json"
        if not cfg_path.is_file():
            raise MedkgError(f"no PHI tagger at {model_dir} (train one with scripts/train_deid_tagger.py)")
        config = json.loads(cfg_path.read_text())
        if config.get("format") != FORMAT or tuple(config.get("labels", ())) != LABELS:
            raise MedkgError(f"{model_dir}: not a {FORMAT} model with this medkg's labels")
        frozen = int(config["frozen_layers"])
        if config.get("backbone_sha256") and backbone_digest(frozen) != config["backbone_sha256"]:
            raise MedkgError(f"the PHI tagger at {model_dir} was trained on another backbone; retrain it "
                             "(scripts/train_deid_tagger.py)")
        model = build_model(frozen)
        state = {k: v.float() for k, v in load_file(str(model_dir / "model.safetensors")).items()}
        missing = [k for k in trainable_names(model, frozen) if k not in state]
        if missing:
            raise MedkgError(f"{model_dir}/model.safetensors lacks {len(missing)} tensors, e.g. {missing[0]}")
        model.load_state_dict(state, strict=False)
        model.eval()
        from medkg.nlp.ner import load_tokenizer

        return cls(model, load_tokenizer(), config, model_dir)

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[TaggedText]:
        import torch

        for text in texts:
            with torch.inference_mode():  # entered per text: never left on in the caller between yields
                tagged = self._tag(text, batch_size)
            yield tagged

    def _tag(self, text: str, batch_size: int) -> TaggedText:
        import torch

        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        ids, offsets, word_ids = enc["input_ids"], enc["offset_mapping"], enc.word_ids()
        if not ids:
            return TaggedText(())
        n = len(ids)
        size = self.max_length - 2
        wins = windows(n, size, self.stride)
        best = np.zeros(n, dtype=np.int64)
        margin = np.full(n, -1, dtype=np.int64)
        cls_id, sep_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        for b in range(0, len(wins), batch_size):
            chunk = wins[b:b + batch_size]
            width = max(e - s for s, e in chunk) + 2
            input_ids = torch.zeros((len(chunk), width), dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for r, (s, e) in enumerate(chunk):
                row = [cls_id, *ids[s:e], sep_id]
                input_ids[r, :len(row)] = torch.tensor(row)
                mask[r, :len(row)] = 1
            logits = self.model(input_ids=input_ids, attention_mask=mask).numpy()
            for r, (s, e) in enumerate(chunk):
                tags = logits[r, 1:1 + e - s].argmax(-1)
                pos = np.arange(s, e)
                m = np.minimum(pos - s, e - 1 - pos)
                take = m > margin[s:e]
                best[s:e][take] = tags[take]
                margin[s:e][take] = m[take]
        return TaggedText(tuple(decode(best.tolist(), offsets, word_ids)))


def build_model(frozen_layers: int) -> Any:
    """The backbone encoder with a linear tag head; the lowest ``frozen_layers`` layers and the embeddings are not
    trained (``requires_grad`` off)."""
    import torch
    from transformers import AutoModel

    from medkg.nlp.ner import backbone_path

    class TokenTagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(backbone_path()))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.bert.config.hidden_size, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            h = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(h))

    model = TokenTagger()
    for name, p in model.named_parameters():
        p.requires_grad = name in set(trainable_names(model, frozen_layers))
    return model


def trainable_names(model: Any, frozen_layers: int) -> list[str]:
    n_layers = model.bert.config.num_hidden_layers
    keep = tuple(f"bert.encoder.layer.{i}." for i in range(frozen_layers, n_layers)) + ("head.",)
    return [n for n, _ in model.named_parameters() if n.startswith(keep)]
