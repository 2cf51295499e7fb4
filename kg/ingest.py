"""Loading triples files (JSON lines, one :class:`~kg.models.Triple` per line) into the graph.

A malformed line never stops a load: it is written to the quarantine file with its line number and the reason,
and the rest of the file loads. Loading the same file again changes nothing (fusion is idempotent).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from kg.files import open_private
from kg.fusion import FusionReport
from kg.models import Triple

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
        from kg.errors import InputError

        raise InputError(f"no such triples file: {path}")
    qpath = Path(quarantine) if quarantine else path.with_name(path.name + ".quarantine.jsonl")
    qpath.unlink(missing_ok=True)  # this run's quarantine, not an accumulation of earlier runs
    fusion = store.add_triples(read_triples(path, qpath), batch_size=batch_size)
    bad = sum(1 for _ in open(qpath, encoding="utf-8")) if qpath.exists() else 0
    return IngestReport(str(path), fusion.triples, bad, str(qpath) if bad else None, fusion)
