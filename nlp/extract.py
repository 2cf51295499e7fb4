"""Batch extraction: documents in, triples JSONL out; resumable, with bad records quarantined.

Inputs (any mix): a folder (every supported file in it, recursively), ``.txt`` files (one document each; id = path
relative to the folder, without suffix), JSONL files (one JSON object a line) and CSV files (a header row) with the
columns ``id``, ``text`` and optionally ``patient_id``, ``note_type``, ``date`` (ISO), and any others (kept as
document metadata); and literature as it is published: PubMed/MEDLINE XML, BioC XML/JSON and PubTator files
(:mod:`medkg.nlp.literature`), read as records marked as literature.

Outputs next to ``out``:

* ``out``: one ``Triple.model_dump_json()`` a line (see :mod:`medkg.nlp.pipeline`);
* ``out.unlinked.jsonl``: mentions that could not be linked to a concept;
* ``out.quarantine.jsonl``: records that were not processed, each with its source, record number and reason
  (the reason never quotes the text);
* ``out.done``: the commit log that makes a run resumable (below).

**Resume.** Records are processed in chunks (sorted by length inside a chunk, so batches waste little padding).
After a chunk's lines are written, the output files are flushed and fsynced, and only then is one line per record
appended to ``out.done`` (its key, its document id and the byte length of each output file after it), and fsynced.
A re-run reads ``out.done``, truncates each output file to the length the last complete entry recorded (dropping
whatever an interrupted run wrote after its last commit) and skips the committed records: an interrupted run,
resumed, loses nothing and duplicates nothing. Without ``out.done`` a run starts afresh (existing outputs are
overwritten). With ``--graph`` a chunk's triples are fused (idempotently) *before* it is committed, so a crash in
between only fuses them twice.

A record's key is a hash of its content (the JSONL line, the CSV row, a ``.txt`` file's id and bytes), not its line
number: records inserted into or reordered in a re-exported file are processed and the unchanged ones skipped. A
record whose id was committed before with other content is an edit: it is processed again (the report counts
it) and its new triples are added next to the earlier version's. Files of other types in a folder are listed in
the quarantine. One run at a time writes an output: a second one refuses at once (``out.lock``, released by the
operating system when a run dies).
"""

from __future__ import annotations

import errno
import fcntl
import functools
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from medkg.kg.errors import InputError, MedkgError
from medkg.kg.files import open_private
from medkg.kg.ingest import MANIFEST, PART, part_number, write_manifest
from medkg.kg.pseudonym import load_key
from medkg.kg.store import connect
from medkg.nlp.engines import ENGINES, PipelineFactory, RayOptions, local_engine, ray_engine
from medkg.nlp.pipeline import Pipeline
from medkg.nlp.privacy import (
    PrivacyPolicy,
    announce_unprotected,
    deid_mode,
    deidentifying_factory,
    protect_records,
    should_deidentify,
)
from medkg.nlp.records import Record, iter_records

log = logging.getLogger(__name__)


@dataclass
class ExtractReport:
    documents: int = 0
    skipped: int = 0  # committed by an earlier run
    changed: int = 0  # ids committed by an earlier run whose content changed since: processed again
    quarantined: int = 0
    not_deidentified: int = 0  # records processed as they were: literature, or de-identification off
    mentions: int = 0
    triples: int = 0
    unlinked: int = 0
    seconds: float = 0.0
    outputs: dict[str, str] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


# --------------------------------------------------------------------------------------------------- state
def output_paths(out: Path, sharded: bool = False) -> dict[str, Path]:
    """Every file a run on ``out`` writes besides the triples shards: the outputs, the resume log and the lock.

    Sharded (``out`` a folder): ``part-00000.jsonl`` … hold the triples, next to ``unlinked.jsonl``,
    ``quarantine.jsonl``, ``done.jsonl``, ``manifest.json`` and ``.lock``."""
    if sharded:
        return {"triples": out / PART.format(0), "unlinked": out / "unlinked.jsonl",
                "quarantine": out / "quarantine.jsonl", "done": out / "done.jsonl", "lock": out / ".lock",
                "manifest": out / MANIFEST}
    return {"triples": out, "unlinked": out.with_name(out.name + ".unlinked.jsonl"),
            "quarantine": out.with_name(out.name + ".quarantine.jsonl"), "done": out.with_name(out.name + ".done"),
            "lock": out.with_name(out.name + ".lock")}


class _Outputs:
    """The output files and the commit log (see the module docstring). Sharded, the triples go to numbered part
    files: a part is closed after ``shard_docs`` documents and each commit records which part it wrote, so a
    resumed run truncates that part and removes any later one an interrupted run started."""

    def __init__(self, out: Path, resume: bool, sharded: bool = False, shard_docs: int = 10_000) -> None:
        self.out, self.sharded, self.shard_docs = out, sharded, shard_docs
        every = output_paths(out, sharded)
        self.paths = {k: every[k] for k in ("triples", "unlinked", "quarantine")}
        self.done_path = every["done"]
        (out if sharded else out.parent).mkdir(parents=True, exist_ok=True)
        self.lock_fh = _lock(every["lock"], out)
        self.done: set[str] = set()
        self.legacy_done: set[str] = set()  # ``source#number`` keys of logs written before keys were content-based
        self.seen_ids: set[str] = set()
        self.part = 0
        self.part_docs = 0  # documents committed to the current part
        lengths = {k: 0 for k in self.paths}
        done_len = 0
        if resume and self.done_path.exists():
            with open(self.done_path, "rb") as fh:
                for raw in fh:
                    if not raw.endswith(b"\n"):
                        break  # a torn last line: that record was not committed
                    try:
                        entry = json.loads(raw)
                    except json.JSONDecodeError:
                        break
                    (self.done if str(entry["key"]).startswith("c:") else self.legacy_done).add(entry["key"])
                    if entry.get("id") is not None and not entry.get("quarantined"):
                        self.seen_ids.add(entry["id"])
                        part = int(entry.get("part", 0))
                        self.part_docs = self.part_docs + 1 if part == self.part else 1
                        self.part = part
                    lengths = {k: int(entry[k]) for k in self.paths}
                    done_len += len(raw)
        if sharded:
            self.paths["triples"] = out / PART.format(self.part)
            for later in out.glob("part-*.jsonl"):  # started by an interrupted run after its last commit
                if part_number(later) > self.part:
                    later.unlink()
            every["manifest"].unlink(missing_ok=True)  # rewritten when this run ends
        self.files = {}
        for k, p in self.paths.items():
            fh = open_private(p, "ab")  # owner-only: triples and quarantine may hold clinical text
            if fh.tell() < lengths[k]:
                fh.close()
                raise InputError(f"{p} is shorter than {self.done_path} records: it was changed outside medkg; "
                                 f"delete {self.done_path} to start afresh")
            fh.truncate(lengths[k])
            self.files[k] = fh
        self.done_fh = open_private(self.done_path, "ab")
        self.done_fh.truncate(done_len)
        if sharded and self.part_docs >= shard_docs:
            self._next_part()

    def write(self, kind: str, lines: Iterable[str]) -> None:
        data = "".join(line + "\n" for line in lines)
        if data:
            self.files[kind].write(data.encode("utf-8"))

    def commit(self, entries: list[dict]) -> None:
        """Make the written lines durable, then record ``entries`` as done."""
        for fh in self.files.values():
            fh.flush()
            os.fsync(fh.fileno())
        lengths = {k: fh.tell() for k, fh in self.files.items()}
        if self.sharded:
            lengths["part"] = self.part
        self.done_fh.write("".join(json.dumps({**e, **lengths}) + "\n" for e in entries).encode("utf-8"))
        self.done_fh.flush()
        os.fsync(self.done_fh.fileno())
        for e in entries:
            self.done.add(e["key"])
        if self.sharded:
            self.part_docs += sum(1 for e in entries if not e.get("quarantined"))
            if self.part_docs >= self.shard_docs:
                self._next_part()

    def _next_part(self) -> None:
        self.files["triples"].close()
        self.part += 1
        self.part_docs = 0
        self.paths["triples"] = self.out / PART.format(self.part)
        self.files["triples"] = open_private(self.paths["triples"], "wb")

    def write_manifest(self, report: "ExtractReport") -> None:
        write_manifest(self.out, documents=len(self.seen_ids), unlinked=self.paths["unlinked"].name,
                       quarantine=self.paths["quarantine"].name,
                       this_run={"documents": report.documents, "skipped": report.skipped,
                                 "quarantined": report.quarantined})

    def close(self) -> None:
        """Close every file; a buffer that cannot be written (a full disk) is dropped: it holds no committed
        record, and the next run truncates the outputs to the last commit anyway."""
        for fh in (*self.files.values(), self.done_fh, self.lock_fh):
            try:
                fh.close()
            except OSError as err:
                log.debug("closing %s: %s", getattr(fh, "name", "?"), err)


def _lock(path: Path, out: Path | None = None):
    """Hold an exclusive lock on ``path`` for the run (released by the OS if the run dies), or refuse at once."""
    fh = open_private(path, "ab")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise InputError(f"another medkg extract is writing {out or path.with_suffix('')} (lock {path}); wait for "
                         "it to finish or choose another --out") from None
    return fh


# ---------------------------------------------------------------------------------------------- processing
def default_pipeline_factory(device: str | None = None, relations: bool = False, ner: bool = True,
                             prior_knowledge: bool = False) -> Any:
    return Pipeline.default(ner=ner, relations=relations, device=device, prior_knowledge=prior_knowledge)


def _chunks(records: Iterable[Record], state: _Outputs, chunk_docs: int,
            report: ExtractReport) -> Iterator[tuple[list[Record], list[Record]]]:
    """``(errors, documents)`` chunks; documents sorted by length within a chunk."""
    queued: set[str] = set()
    errors: list[Record] = []
    docs: list[Record] = []
    for rec in records:
        if rec.key in state.done or rec.location in state.legacy_done:
            report.skipped += 1
            continue
        if rec.document is not None and rec.document.id in queued:
            rec = Record(rec.source, rec.number, error="duplicate document id", doc_id=rec.doc_id, digest=rec.digest)
        elif rec.document is not None and rec.document.id in state.seen_ids:
            report.changed += 1  # processed before with other content: the new version is added
        if rec.document is None:
            errors.append(rec)
        else:
            queued.add(rec.document.id)
            docs.append(rec)
        if len(docs) >= chunk_docs or len(errors) >= chunk_docs:
            yield errors, sorted(docs, key=lambda r: len(r.document.text))
            errors, docs = [], []
    if errors or docs:
        yield errors, sorted(docs, key=lambda r: len(r.document.text))


def extract(inputs: Sequence[str | Path], out: str | Path, *, graph: bool = False, workers: int = 1,
            batch_size: int = 32, chunk_docs: int | None = None, device: str | None = None,
            pipeline_factory: PipelineFactory | None = None, resume: bool = True, progress: bool = True,
            store: Any = None, deid: str | bool | None = "auto", privacy: Any = None, engine: str = "local",
            ray: RayOptions | None = None, sharded: bool | None = None, shard_docs: int = 10_000) -> ExtractReport:
    """Extract triples from ``inputs`` into ``out`` (see the module docstring). Returns counts and timing.

    ``pipeline_factory``: a picklable callable returning a :class:`medkg.nlp.pipeline.Pipeline` (default: the full
    pipeline on ``device``). ``store``: a connected graph store to fuse into (default with ``graph``:
    ``medkg.kg.store.connect()``). ``deid``: ``"auto"`` (default: every record not marked as literature),
    ``"on"``/``True``, ``"off"``/``False`` — see :mod:`medkg.nlp.privacy`; protected records
    get pseudonymous document/patient ids everywhere (triples, quarantine, resume log, graph) and their text is
    de-identified before extraction. ``privacy``: a full :class:`medkg.nlp.privacy.PrivacyPolicy` instead of ``deid``.
    ``engine``: ``"local"`` (``workers`` processes on this machine) or ``"ray"`` (:mod:`medkg.nlp.engines`, ``ray``
    options). ``sharded``: ``out`` is a folder of ``part-*.jsonl`` files (``shard_docs`` documents each) with a
    ``manifest.json`` that ``medkg ingest`` reads; default: sharded with Ray or when ``out`` is a folder.
    """
    if engine not in ENGINES:
        raise InputError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if workers < 1:
        raise InputError(f"workers must be >= 1, got {workers!r}")
    if batch_size < 1:
        raise InputError(f"batch_size must be >= 1, got {batch_size!r}")
    if shard_docs < 1:
        raise InputError(f"shard_docs must be >= 1, got {shard_docs!r}")
    chunk_docs = chunk_docs or max(batch_size * 4, 8)
    if chunk_docs < 1:
        raise InputError(f"chunk_docs must be >= 1, got {chunk_docs!r}")
    out = Path(out)
    sharded = (engine == "ray" or out.is_dir()) if sharded is None else sharded
    if sharded and out.exists() and not out.is_dir():
        raise InputError(f"out: {out} is a file; sharded output (--engine ray) goes to a folder")
    factory = pipeline_factory or _default_factory(device)
    policy = privacy if privacy is not None else _privacy_policy(deid)
    factory = deidentifying_factory(factory, policy)
    if engine == "local" and workers > 1 and device is not None and device.startswith("cuda"):
        log.warning("workers: one process drives the GPU; ignoring --workers %d", workers)
        workers = 1
    # validates the inputs before any output is touched
    records = iter_records(inputs, [out] if sharded else output_paths(out).values())
    state = _Outputs(out, resume, sharded=sharded, shard_docs=shard_docs)
    report = ExtractReport(outputs={k: str(p) for k, p in state.paths.items()})
    if sharded:
        report.outputs["triples"] = str(out)
    if policy.mode == "off":
        log.warning(announce_unprotected("off"))
    records = protect_records(_count_unprotected(records, policy.mode, report), policy)  # ids before any write
    own_store = None
    if graph and store is None:
        store = own_store = connect()
    t0 = time.perf_counter()
    bar = _progress(progress)
    try:
        runner = (ray_engine(factory, ray or RayOptions(), batch_size) if engine == "ray"
                  else local_engine(factory, workers, batch_size))
        with runner as run:
            for errors, done in run(_chunks(records, state, chunk_docs, report)):
                try:
                    _commit_chunk(state, errors, done, report, store)
                except OSError as err:
                    if err.errno != errno.ENOSPC:
                        raise
                    raise MedkgError(f"disk full while writing next to {out} (the outputs and "
                                     f"{state.done_path.name}); free some space and run the same command again: "
                                     "it resumes after the last committed record") from None
                bar.update(len(errors) + len(done))
                report.seconds = time.perf_counter() - t0
                bar.set_postfix(docs_s=f"{report.docs_per_s:.1f}", triples=report.triples, refresh=False)
        if sharded:
            state.write_manifest(report)
    finally:
        bar.close()
        state.close()
        if own_store is not None:
            own_store.close()
    report.seconds = time.perf_counter() - t0
    if policy.mode != "off" and (line := announce_unprotected(policy.mode, report.not_deidentified)):
        log.warning(line)
    return report


def _count_unprotected(records: Iterable[Record], mode: str, report: ExtractReport) -> Iterator[Record]:
    for rec in records:
        if rec.document is not None and not should_deidentify(rec.document, mode):  # type: ignore[arg-type]
            report.not_deidentified += 1
        yield rec


def _privacy_policy(deid: str | bool | None) -> PrivacyPolicy:
    mode = deid_mode(deid)
    return PrivacyPolicy(mode=mode, key=None if mode == "off" else load_key())  # one key for all workers


def _default_factory(device: str | None) -> PipelineFactory:
    return functools.partial(default_pipeline_factory, device)


def _commit_chunk(state: _Outputs, errors: list[Record], done: list[tuple[Record, Any]], report: ExtractReport,
                  store: Any) -> None:
    entries: list[dict] = []
    quarantine: list[str] = []
    triples = []
    for rec in errors:
        quarantine.append(json.dumps({"source": rec.source, "record": rec.number, "id": rec.doc_id,
                                      "reason": rec.error}))
        entries.append({"key": rec.key, "id": rec.doc_id, "quarantined": True})
        report.quarantined += 1
    for rec, res in done:
        if isinstance(res, str):
            quarantine.append(json.dumps({"source": rec.source, "record": rec.number, "id": rec.doc_id,
                                          "reason": res}))
            entries.append({"key": rec.key, "id": rec.doc_id, "quarantined": True})
            report.quarantined += 1
            continue
        state.write("triples", (t.model_dump_json() for t in res.triples))
        state.write("unlinked", (json.dumps(u.to_dict()) for u in res.unlinked))
        triples.extend(res.triples)
        entries.append({"key": rec.key, "id": rec.document.id})
        report.documents += 1
        report.mentions += res.mentions
        report.triples += len(res.triples)
        report.unlinked += len(res.unlinked)
    state.write("quarantine", quarantine)
    if store is not None and triples:
        store.add_triples(triples)
    state.commit(entries)
    for rec, res in done:
        if not isinstance(res, str):
            state.seen_ids.add(rec.document.id)


class _NoBar:
    def update(self, n: int) -> None: ...
    def set_postfix(self, **kw: Any) -> None: ...
    def close(self) -> None: ...


def _progress(enabled: bool):
    if not enabled:
        return _NoBar()

    return tqdm(unit="doc", desc="extract", dynamic_ncols=True)
