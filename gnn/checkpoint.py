"""Checkpoints: weights, the config that rebuilds the model and its graph, id maps and the held-out split.

A checkpoint directory holds ``model.safetensors`` (state dict, fp32 or fp16), ``config.json`` (task, model
hyper-parameters, graph source, training settings), ``ids.json.gz`` (concept ids per node type, in index order),
``split.json.gz`` (the val/test edges and negatives as concept-id pairs, so ``evaluate`` scores exactly the edges
the model never saw), after evaluation ``metrics.json``, and for models of the shipped prior ``states.safetensors``
(the final states of the task's source and target nodes on the full prior graph, so scoring needs no forward pass). The shipped defaults live in ``gnn/models/<task>/``.

A path-model checkpoint (``"kind": "paths"`` in ``config.json``, :mod:`medkg.gnn.paths`) holds ``paths.json``
(metapaths, feature scaling, regression weights) instead of weights, and for the prior ``scores.safetensors``: the score of
every source–target pair of the prior, so ``score`` needs neither the graph nor the features.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file

from medkg.gnn.data import attach_text_features, prior_graph, store_graph
from medkg.gnn.models import LinkPredictor, ResolverError
from medkg.gnn.paths import PathModel
from medkg.gnn.tasks import Split, split_from_json
from medkg.gnn.train import TrainResult, node_states
from medkg.kg.errors import InputError
from medkg.kg.heterodata import GraphData

FORMAT_VERSION = 1
STATES_FILE = "states.safetensors"
SCORES_FILE = "scores.safetensors"
PATHS_FILE = "paths.json"
_GRAPHS: dict[tuple[Any, ...], GraphData] = {}


def default_models_dir() -> Path:
    return Path(str(resources.files("medkg.gnn") / "models"))


@dataclass
class Checkpoint:
    path: Path
    model: LinkPredictor | PathModel
    config: dict[str, Any]
    node_ids: dict[str, list[str]]

    @property
    def kind(self) -> str:
        return self.config.get("kind", "gnn")

    @property
    def name(self) -> str:
        c = self.config
        return f"medkg-{c['model']['encoder']}-{c['model']['decoder']}-{c['task']['name']}"

    @property
    def version(self) -> str:
        return self.config.get("version", "0")


def _write_json_gz(path: Path, obj: Any) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # mtime=0: same content, same bytes
        fh.write(json.dumps(obj, separators=(",", ":")).encode())


def _read_json_gz(path: Path) -> Any:
    with gzip.open(path, "rb") as fh:
        return json.loads(fh.read())


def save_checkpoint(out: str | Path, result: TrainResult, *, half: bool = False, version: str | None = None) -> Path:
    """Write ``result`` to directory ``out``; ``half`` stores weights as fp16 (the shipped models do)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state = {k: (v.half() if half and v.is_floating_point() else v).contiguous().cpu()
             for k, v in result.model.state_dict().items()}
    save_file(state, str(out / "model.safetensors"))
    config = dict(result.config, format=FORMAT_VERSION, weights_dtype="float16" if half else "float32")
    config["version"] = version or config.get("version") or hashlib.sha1(
        json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()[:10]
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    _write_json_gz(out / "ids.json.gz", result.graph.node_ids)
    _write_json_gz(out / "split.json.gz", result.split.to_json(result.graph))
    if result.metrics is not None:
        (out / "metrics.json").write_text(json.dumps(result.metrics, indent=2) + "\n")
    if config["graph"]["source"] == "prior":  # inference cache: states of the weights as they load back
        ckpt = load_checkpoint(out)
        h = node_states(ckpt.model, result.graph.data, torch.device("cpu"))
        t = config["task"]
        save_file({k: h[k].contiguous() for k in {t["source"], t["target"]}}, str(out / STATES_FILE))
    return out


def save_path_model(out: str | Path, model: PathModel, graph: GraphData, *, graph_source: str = "prior",
                    exclude_metaedges: list[str] | None = None, metrics: Any = None) -> Path:
    """Write a fitted :class:`PathModel` as a checkpoint; for the prior, with the score of every pair cached."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    config = {"format": FORMAT_VERSION, "kind": "paths",
              "task": {"name": model.rel.lower(), "rel": model.rel, "source": model.source, "target": model.target,
                       "predicted_rel": f"PREDICTED_{model.rel}"},
              "model": {"encoder": "dwpc", "decoder": "logreg", "damping": model.damping, "c": model.c,
                        "max_length": max(len(m.steps) for m in model.metapaths), "features": len(model.metapaths)},
              "graph": {"source": graph_source, "exclude_metaedges": list(exclude_metaedges or []),
                        "text_features": [], "keep_isolated": True},
              "version": model.digest()}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (out / PATHS_FILE).write_text(json.dumps(model.to_json(), indent=1) + "\n")
    _write_json_gz(out / "ids.json.gz", graph.node_ids)
    if metrics is not None:
        (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    for stale in ("model.safetensors", STATES_FILE, "split.json.gz", SCORES_FILE):
        (out / stale).unlink(missing_ok=True)
    if graph_source == "prior":
        save_file({"scores": torch.from_numpy(model.score_matrix(graph)).float().contiguous()}, str(out / SCORES_FILE))
    return out


def resolve_model_dir(model_dir: str | Path | None, task: str | None) -> Path:
    """A checkpoint directory: ``model_dir`` itself, its ``<task>/`` sub-directory, or the shipped default."""
    base = Path(model_dir) if model_dir is not None else default_models_dir()
    if (base / "config.json").is_file():
        return base
    sub = base / (task or "treats")
    if (sub / "config.json").is_file():
        return sub
    raise InputError(f"model_dir: no checkpoint (config.json) in {base} or {sub}")


def load_checkpoint(model_dir: str | Path | None = None, *, task: str | None = None,
                    device: str | torch.device = "cpu") -> Checkpoint:
    """Load a checkpoint (weights cast back to fp32); ``task`` picks the sub-directory of a models folder."""
    path = resolve_model_dir(model_dir, task)
    config = json.loads((path / "config.json").read_text())
    if config.get("format") != FORMAT_VERSION:
        raise InputError(f"model_dir: checkpoint format {config.get('format')!r} in {path}, expected {FORMAT_VERSION}")
    if task is not None and config["task"]["name"] != task:
        raise InputError(f"task: checkpoint {path} is for {config['task']['name']!r}, not {task!r}")
    node_ids = _read_json_gz(path / "ids.json.gz")
    if config.get("kind") == "paths":
        model = PathModel.from_json(json.loads((path / PATHS_FILE).read_text()))
        return Checkpoint(path, model, config, node_ids)
    m, node_types = config["model"], config["metadata"][0]
    metadata = (node_types, [tuple(et) for et in config["metadata"][1]])
    try:
        model = LinkPredictor(config["num_nodes"], metadata, config["task"]["source"], config["task"]["target"],
                              encoder=m["encoder"], decoder=m["decoder"], hidden=m["hidden"], layers=m["layers"],
                              num_bases=m["num_bases"], dropout=m["dropout"],
                              feature_dims={nt: 384 for nt in config["graph"].get("text_features", [])})
    except ResolverError as err:
        raise InputError(f"{path}: {err} (custom modules cannot be rebuilt from a checkpoint)") from None
    state = {k: v.float() if v.is_floating_point() else v for k, v in load_file(str(path / "model.safetensors")).items()}
    model.load_state_dict(state)
    return Checkpoint(path, model.to(device).eval(), config, node_ids)


def load_graph_for(ckpt: Checkpoint, *, store: Any = None) -> GraphData:
    """The message-passing graph a checkpoint runs on, with its node vocabulary (cached per process)."""
    g = ckpt.config["graph"]
    digest = hashlib.sha1(json.dumps(ckpt.node_ids).encode()).hexdigest()
    if g["source"] == "prior":
        key = ("prior", tuple(g["exclude_metaedges"]), digest)
        if key not in _GRAPHS:
            _GRAPHS[key] = prior_graph(g["exclude_metaedges"], node_ids=ckpt.node_ids,
                                       keep_isolated=bool(g.get("keep_isolated")))
        graph = _GRAPHS[key]
    elif g["source"] == "store":
        if store is None:
            raise InputError("store: this model was trained on the store's graph; pass an open store")
        graph = store_graph(store, node_ids=ckpt.node_ids)
    else:
        raise InputError(f"graph: model was trained on a custom graph ({g['source']!r}); pass it as graph=")
    if g.get("text_features"):
        attach_text_features(graph)
    return graph


def load_split(ckpt: Checkpoint, graph: GraphData) -> Split:
    return split_from_json(graph, _read_json_gz(ckpt.path / "split.json.gz"))
