"""Loading triples files (JSON lines, one :class:`~medkg.kg.models.Triple` per line) into the graph.

A malformed line never stops a load: it is written to the quarantine file with its line number and the reason,
and the rest of the file loads. Loading the same file again changes nothing (fusion is idempotent).

A **sharded output** (a folder of ``part-00000.jsonl`` … written by ``medkg extract --engine ray``) loads as a whole:
its ``manifest.json`` lists every part with its line count, size and sha256, written when the extraction
completed; a folder without one (a run still going or interrupted) or whose parts differ from it is refused with
the reason. Parts load concurrently (``loaders``), each in its own transactions: fusion is MERGE on keys, and the
store retries the conflicts concurrent MERGEs raise, so concurrent loaders create no duplicate node or edge.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from medkg.kg.errors import InputError
from medkg.kg.files import open_private
from medkg.kg.fusion import FusionReport
from medkg.kg.models import Triple
from medkg.kg.store import connect

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    path: str
    loaded: int
    quarantined: int
    quarantine_file: str | None
    fusion: FusionReport


def _reason(err: Exception) -> str:
    if isinstance(err, ValidationError):
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "record"
        return f"{where}: {first['msg']}"
    if isinstance(err, json.JSONDecodeError):
        return f"invalid JSON: {err.msg} at column {err.colno}"
    if isinstance(err, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"{type(err).__name__}: {err}"


def read_triples(path: Path, quarantine: Path) -> Iterator[Triple]:
    """Yield the valid triples of ``path``; write each bad line to ``quarantine`` (created only if needed)."""
    qfh = None
    try:
        with open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    yield Triple.model_validate(json.loads(raw.decode("utf-8")))
                except (ValueError, UnicodeDecodeError, RecursionError) as err:
                    if qfh is None:
                        qfh = open_private(quarantine, "a", encoding="utf-8")
                    reason = _reason(err)
                    log.warning("%s:%d quarantined: %s", path, lineno, reason)
                    qfh.write(json.dumps({"source": str(path), "line": lineno, "reason": reason,
                                          "record": raw.decode("utf-8", errors="replace").rstrip("\n")}) + "\n")
    finally:
        if qfh is not None:
            qfh.close()


def ingest_jsonl(store, path: str | Path, quarantine: str | Path | None = None,
                 batch_size: int = 5000) -> IngestReport:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such triples file: {path}")
    qpath = Path(quarantine) if quarantine else path.with_name(path.name + ".quarantine.jsonl")
    qpath.unlink(missing_ok=True)  # this run's quarantine, not an accumulation of earlier runs
    fusion = store.add_triples(read_triples(path, qpath), batch_size=batch_size)
    bad = sum(1 for _ in open(qpath, encoding="utf-8")) if qpath.exists() else 0
    return IngestReport(str(path), fusion.triples, bad, str(qpath) if bad else None, fusion)


def ingest_path(store, path: str | Path, *, loaders: int = 4, batch_size: int = 5000) -> list[IngestReport]:
    """One triples file (one report) or a folder of part files written by sharded extraction (one per part)."""
    path = Path(path)
    if path.is_dir():
        return ingest_folder(store, path, loaders=loaders, batch_size=batch_size)
    return [ingest_jsonl(store, path, batch_size=batch_size)]


def ingest(paths: str | Path | list[str | Path], *, store: str | None = None, loaders: int = 4,
           batch_size: int = 5000) -> list[IngestReport]:
    """Load triples files (JSON lines) or folders of part files into the configured store, one report each."""
    with connect(store) as s:
        return [report for path in ([paths] if isinstance(paths, (str, Path)) else paths)
                for report in ingest_path(s, path, loaders=loaders, batch_size=batch_size)]


# -------------------------------------------------------------------------------------------- sharded outputs
PART = "part-{:05d}.jsonl"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = "medkg-triples-shards/1"


def part_number(path: Path) -> int:
    """The number of a ``part-NNNNN.jsonl`` file (-1 for any other name)."""
    stem = path.name.removesuffix(".jsonl")
    return int(stem[5:]) if stem.startswith("part-") and stem[5:].isdigit() else -1


def _fingerprint(path: Path) -> dict[str, Any]:
    h, lines, size = hashlib.sha256(), 0, 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            lines += block.count(b"\n")
            size += len(block)
    return {"file": path.name, "triples": lines, "bytes": size, "sha256": h.hexdigest()}


def write_manifest(folder: Path, **info: Any) -> Path:
    """Write ``folder/manifest.json`` (atomically) for the part files now in ``folder``, plus ``info``."""
    parts = [_fingerprint(p) for p in sorted(folder.glob("part-*.jsonl"), key=part_number) if part_number(p) >= 0]
    manifest = {"format": MANIFEST_FORMAT, "complete": True, "parts": parts,
                "triples": sum(p["triples"] for p in parts), **info}
    tmp = folder / (MANIFEST + ".tmp")
    with open_private(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / MANIFEST)
    return folder / MANIFEST


def manifest_parts(folder: str | Path) -> list[Path]:
    """The part files of a sharded output, checked against its manifest (line count, size, sha256)."""
    folder = Path(folder)
    path = folder / MANIFEST
    if not path.is_file():
        raise InputError(f"{folder} has no {MANIFEST}: the extraction writing it has not finished (run the same "
                         "medkg extract again: it resumes and writes the manifest when done)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        entries = manifest["parts"] if manifest.get("format") == MANIFEST_FORMAT else None
    except (ValueError, KeyError, TypeError, AttributeError):
        entries = None
    if not isinstance(entries, list):
        raise InputError(f"{path}: not a medkg manifest ({MANIFEST_FORMAT})")
    parts = []
    for entry in entries:
        part = folder / Path(str(entry.get("file", ""))).name
        if not part.is_file():
            raise InputError(f"{path} lists {part.name}, which is missing")
        if _fingerprint(part) != {k: entry.get(k) for k in ("file", "triples", "bytes", "sha256")}:
            raise InputError(f"{part} differs from {path} (changed after the extraction wrote it)")
        parts.append(part)
    return parts


def ingest_folder(store, folder: str | Path, loaders: int = 4, batch_size: int = 5000) -> list[IngestReport]:
    """Load every part of a sharded output, ``loaders`` parts at a time (see the module docstring)."""
    if loaders < 1:
        raise InputError(f"loaders must be >= 1, got {loaders!r}")
    folder = Path(folder)
    parts = manifest_parts(folder)
    qdir = folder / "ingest-quarantine"
    if parts:
        qdir.mkdir(exist_ok=True)

    def load(part: Path) -> IngestReport:
        return ingest_jsonl(store, part, quarantine=qdir / (part.name + ".quarantine.jsonl"),
                            batch_size=batch_size)

    store.ensure_schema()  # once, before the loaders race
    with ThreadPoolExecutor(max_workers=min(loaders, max(1, len(parts)))) as pool:
        return list(pool.map(load, parts))
