"""Where :func:`medkg.nlp.extract.extract` runs the pipeline: in this process, in local worker processes, or on Ray.

Every engine takes the same stream of ``(errors, documents)`` chunks and yields ``(errors, [(record, result)])`` in
**input order**, with a bounded number of chunks in flight, so the caller commits chunks in order (its resume log
stays a prefix of the input) and never reads more input than the window holds (backpressure). A result is a
``DocResult`` or, for a document that could not be processed, the reason as a string (quarantined by the caller).

**Ray** (``engine="ray"``, PyPI ``ray``): one actor per worker holds the pipeline, loaded once; chunks go to the
actors round robin and come back in order. Ray Data's ``map_batches`` would stream the same way, but its outputs
are written by its own workers; here the driver keeps the single commit log that makes a run resumable, so plain
actors are the better fit. A worker that dies (killed, out of memory, its node lost) is replaced; its chunk is
retried once as a whole, then one document at a time, and a document that kills a worker on its own is quarantined
with the error. Without an address a local Ray instance is started with ``num_cpus``/``num_gpus`` and stopped at
the end, so the same command runs on a laptop and, with ``address="auto"`` or ``"ray://head:10001"``, on a cluster
(the cluster's nodes need medkg installed; the pseudonym key reaches the workers in memory through Ray, since
they de-identify the text).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import torch
from pydantic import BaseModel, ConfigDict, Field, field_validator

from medkg.kg.errors import InputError, MedkgError

log = logging.getLogger(__name__)

Chunk = tuple[list[Any], list[Any]]  # (records that are errors, records with a document)
Results = Iterator[tuple[list[Any], list[tuple[Any, Any]]]]
PipelineFactory = Callable[[], Any]
ENGINES = ("local", "ray")

_WORKER_PIPELINE: Any = None


# ----------------------------------------------------------------------------------------------- worker side
def init_worker(factory: PipelineFactory, threads: int) -> None:
    """Build this process's pipeline (once per worker) with ``threads`` torch threads."""
    global _WORKER_PIPELINE

    torch.set_num_threads(max(1, threads))
    _WORKER_PIPELINE = factory()


def process_chunk(chunk: list[Any], batch_size: int) -> list[tuple[Any, Any]]:
    """``(record, DocResult | error string)`` for each record; one bad document does not sink its batch."""
    pipe = _WORKER_PIPELINE
    docs = [r.document for r in chunk]
    try:
        results: list[Any] = pipe.process(docs, batch_size=batch_size)
    except Exception:  # noqa: BLE001 - isolate the failing document below
        results = []
        for r in chunk:
            try:
                results.append(pipe.process([r.document], batch_size=1)[0])
            except Exception as err:  # noqa: BLE001 - quarantined with its error type, never its text
                log.warning("record %s failed: %s", r.location, type(err).__name__)
                results.append(f"processing failed ({type(err).__name__})")
    return list(zip(chunk, results))


def worker_task(job: tuple[list[Any], list[Any], int]) -> tuple[list[Any], list[tuple[Any, Any]]]:
    errors, docs, batch_size = job
    return errors, (process_chunk(docs, batch_size) if docs else [])


# ------------------------------------------------------------------------------------------------ local engine
@contextmanager
def local_engine(factory: PipelineFactory, workers: int, batch_size: int) -> Iterator[Callable[[Iterable[Chunk]],
                                                                                                  Results]]:
    """This process (``workers == 1``) or a pool of worker processes sharing the machine's cores."""
    if workers == 1:
        init_worker(factory, min(2, os.cpu_count() or 1))
        yield lambda stream: (worker_task((e, d, batch_size)) for e, d in stream)
        return

    threads = max(1, (os.cpu_count() or 1) // workers)
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ctx.Pool(workers, initializer=init_worker, initargs=(factory, threads))
    try:
        yield lambda stream: _bounded_map(pool, stream, batch_size, depth=2 * workers)
    finally:
        pool.terminate()


def _bounded_map(pool: Any, stream: Iterable[Chunk], batch_size: int, depth: int) -> Results:
    """Results in input order with at most ``depth`` chunks in flight (``Pool.imap`` would read all input)."""
    pending: deque = deque()
    for errors, docs in stream:
        pending.append(pool.apply_async(worker_task, ((errors, docs, batch_size),)))
        if len(pending) >= depth:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


# -------------------------------------------------------------------------------------------------- Ray engine
class RayOptions(BaseModel):
    """How a run uses Ray. ``num_cpus``/``num_gpus``: what the run may use (a local instance gets exactly these;
    default: every CPU of the machine or cluster, no GPU); ``workers``: model actors (default: one per GPU when
    GPUs are given, else one per CPU), each with an equal share of the CPUs (its torch threads) and GPUs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    address: str | None = None
    num_cpus: float | None = Field(default=None, gt=0)
    num_gpus: float = Field(default=0, ge=0)
    workers: int | None = Field(default=None, ge=1)
    window: int = Field(default=2, ge=1, description="chunks in flight per worker")

    @field_validator("address")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        if value is not None and value != "auto" and ":" not in value:
            raise ValueError("address: 'auto', 'ray://host:port' or 'host:port'")
        return value


class PipelineActor:
    """A Ray actor holding one pipeline (built once) that processes chunks."""

    def __init__(self, factory: PipelineFactory, threads: int) -> None:
        init_worker(factory, threads)

    def ready(self) -> bool:
        return _WORKER_PIPELINE is not None

    def run(self, docs: list[Any], batch_size: int) -> list[tuple[Any, Any]]:
        return process_chunk(docs, batch_size)


@contextmanager
def ray_engine(factory: PipelineFactory, options: RayOptions, batch_size: int) -> Iterator[
        Callable[[Iterable[Chunk]], Results]]:
    try:
        import ray  # the optional extra [ray]: imported only when this engine is asked for
    except ImportError:
        raise InputError("engine 'ray' needs Ray: pip install 'medkg[ray]' (or 'ray>=2.40')") from None
    started = not ray.is_initialized()
    if started:
        local = options.address is None
        try:
            ray.init(address=options.address, num_cpus=options.num_cpus if local else None,
                     num_gpus=options.num_gpus if local else None, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.ERROR)
        except (ConnectionError, RuntimeError, ValueError) as err:
            where = f"the Ray cluster at {options.address}" if options.address else "a local Ray instance"
            raise MedkgError(f"cannot start or reach {where}: {str(err).splitlines()[0][:200]}") from None
    try:
        total = ray.cluster_resources()
        cpus = options.num_cpus or total.get("CPU", 1.0)
        gpus = options.num_gpus
        if gpus > total.get("GPU", 0.0) + 1e-9:
            raise InputError(f"num_gpus: {gpus:g} asked, the Ray cluster has {total.get('GPU', 0.0):g}")
        workers = options.workers or (max(1, int(gpus)) if gpus else max(1, int(cpus)))
        cpu_share, gpu_share = cpus / workers, gpus / workers
        pool = _ActorPool(ray, factory, workers, cpu_share, gpu_share)
        pool.wait_ready()
        log.info("ray: %d worker(s), %.2g CPU and %.2g GPU each", workers, cpu_share, gpu_share)
        try:
            yield lambda stream: pool.map(stream, batch_size, depth=options.window * workers)
        finally:
            pool.close()
    finally:
        if started:
            ray.shutdown()


class _ActorPool:
    """Model actors, replaced when they die; results in input order with a bounded window."""

    def __init__(self, ray: Any, factory: PipelineFactory, workers: int, cpus: float, gpus: float) -> None:
        self.ray = ray
        self.remote = ray.remote(PipelineActor).options(num_cpus=cpus, num_gpus=gpus, max_restarts=0,
                                                        max_task_retries=0)
        self.factory, self.threads = factory, max(1, int(cpus))
        self.actors = [self._new() for _ in range(workers)]
        from ray.exceptions import RayActorError, RayTaskError  # optional extra [ray], present once here

        self._died = (RayActorError, RayTaskError)

    def wait_ready(self) -> None:
        """Every worker has built its pipeline, or one clear error (e.g. medkg or its models missing on a node)
        before any document is sent: a worker that cannot start would otherwise fail every chunk."""
        try:
            self.ray.get([actor.ready.remote() for actor in self.actors])
        except Exception as err:  # noqa: BLE001 - Ray wraps the worker's exception; its first line says what
            self.close()
            cause = str(getattr(err, "cause", None) or err).strip().splitlines()
            raise MedkgError(f"the Ray workers could not load the pipeline: {cause[-1][:300] if cause else err!r}") \
                from None

    def _new(self) -> Any:
        return self.remote.remote(self.factory, self.threads)

    def _replace(self, k: int, dead: Any) -> None:
        """Replace worker ``k`` if it is still the actor that died (later chunks it held fail the same way)."""
        if self.actors[k] is dead:
            self.ray.kill(dead, no_restart=True)
            self.actors[k] = self._new()

    def _run(self, k: int, docs: list[Any], batch_size: int) -> list[tuple[Any, Any]]:
        actor = self.actors[k]
        try:
            return self.ray.get(actor.run.remote(docs, batch_size))
        except self._died:
            self._replace(k, actor)
            raise

    def map(self, stream: Iterable[Chunk], batch_size: int, depth: int) -> Results:
        pending: deque = deque()
        turn = 0
        for errors, docs in stream:
            k = turn % len(self.actors)
            turn += 1
            actor = self.actors[k]
            pending.append((errors, docs, k, actor, actor.run.remote(docs, batch_size) if docs else None))
            if len(pending) >= depth:
                yield self._collect(*pending.popleft(), batch_size)
        while pending:
            yield self._collect(*pending.popleft(), batch_size)

    def _collect(self, errors: list[Any], docs: list[Any], k: int, actor: Any, ref: Any, batch_size: int):
        if ref is None:
            return errors, []
        try:
            return errors, self.ray.get(ref)
        except self._died as err:
            log.warning("a Ray worker failed (%s) on a chunk of %d document(s); retrying it", type(err).__name__,
                        len(docs))
            self._replace(k, actor)
        try:  # once more as a whole: most deaths (a lost node, a pre-empted worker) are not the documents' fault
            return errors, self._run(k, docs, batch_size)
        except self._died:
            pass
        out: list[tuple[Any, Any]] = []
        for rec in docs:  # then one at a time: only a document that kills a worker on its own is quarantined
            try:
                out.extend(self._run(k, [rec], batch_size))
            except self._died as err:
                log.warning("record %s: the worker failed twice on it (%s); quarantined", rec.location,
                            type(err).__name__)
                out.append((rec, f"worker died processing it ({type(err).__name__})"))
        return errors, out

    def close(self) -> None:
        for actor in self.actors:
            try:
                self.ray.kill(actor, no_restart=True)
            except Exception as err:  # noqa: BLE001 - an actor already gone
                log.debug("ray kill: %s", err)
