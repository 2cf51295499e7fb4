"""Reading inputs into records: ``.txt`` files, JSONL and CSV rows, and literature files, each record a
:class:`Record` holding a document or the reason it cannot be one (quarantined by the caller, never dropped).

A folder is read recursively in path order; a ``.txt`` file's id is its path relative to the folder, without
suffix. JSONL/CSV records have the columns ``id``, ``text`` and optionally ``patient_id``, ``note_type``, ``date``
(ISO), and any others (kept as document metadata). Literature (PubMed/MEDLINE XML, BioC, PubTator:
:mod:`medkg.nlp.literature`) is read as records marked as literature. A record's :attr:`Record.key` is a hash of
its content, which is what makes batch extraction resumable across edited and reordered inputs.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from medkg.kg.errors import InputError
from medkg.kg.models import Document
from medkg.nlp.literature import literature_format, read_literature

#: The longest document medkg processes, in characters (spaCy's own guard is 1,000,000; the transformer windows
#: long texts itself, so the limit is about memory for the tokens, not the model).
MAX_TEXT_CHARS = 5_000_000
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
KNOWN_FIELDS = {"id", "text", "patient_id", "note_type", "date"}
#: Note types that mark a record as published literature: its ids identify no one and its text is no clinical note.
LITERATURE_KINDS = frozenset({"abstract", "article", "pubmed", "literature", "paper"})
SUPPORTED = (".txt, .jsonl, .csv, or literature: PubMed/MEDLINE or BioC .xml/.xml.gz, BioC .json, "
             ".pubtator/.pubtator.txt")


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: a document, or the reason it cannot be one."""

    source: str
    number: int  # 1-based record number within its source (line of a JSONL, data row of a CSV, 1 for .txt;
    #              0 for a whole file that cannot be read, e.g. a CSV without the id and text columns)
    document: Document | None = None
    error: str | None = None
    doc_id: str | None = None
    digest: str = ""  # of the record's content: its raw line or row (with the id), or a .txt file's id and bytes
    literature: bool = False  # read from a literature file (PubMed, BioC, PubTator): its ids identify no one

    @property
    def key(self) -> str:
        """What marks the record done in ``out.done``: its content, not its place in the input, so a record
        inserted above it, a reordered file or a moved source does not change it, and an edited record is new."""
        return f"c:{self.digest}"

    @property
    def location(self) -> str:
        """Where the record is, for messages: ``source#number``."""
        return f"{self.source}#{self.number}"


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:32]


def _check_text(text: Any) -> str | None:
    """Why ``text`` cannot be processed, or None."""
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not a string"
    if "\x00" in text:
        return "binary content (NUL characters)"
    if not text.strip():
        return "empty text"
    if len(text) > MAX_TEXT_CHARS:
        return f"text longer than {MAX_TEXT_CHARS} characters"
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > 0.05 * min(len(text), 4096):
        return "binary content (control characters)"
    return None


def _make_record(source: str, number: int, row: dict[str, Any], digest: str) -> Record:
    raw_id = row.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) or isinstance(raw_id, (dict, list, bool)):
        return Record(source, number, error="missing or invalid 'id'", digest=_digest(source, digest))
    doc_id = str(raw_id).strip()
    if "text" not in row:
        return Record(source, number, error="missing 'text'", doc_id=doc_id, digest=digest)
    if (why := _check_text(row["text"])) is not None:
        return Record(source, number, error=why, doc_id=doc_id, digest=digest)
    pid = row.get("patient_id")
    pid = str(pid).strip() if pid not in (None, "") else None
    when = None
    if row.get("date") not in (None, ""):
        try:
            when = Date.fromisoformat(str(row["date"])[:10])
        except ValueError:
            return Record(source, number, error="invalid 'date' (expected ISO YYYY-MM-DD)", doc_id=doc_id,
                          digest=digest)
    meta = {k: v if isinstance(v, str) else json.dumps(v) for k, v in row.items()
            if k not in KNOWN_FIELDS and v is not None and k is not None}
    kind = row.get("note_type")
    doc = Document(id=doc_id, text=row["text"], patient_id=pid, kind=str(kind) if kind else None, date=when,
                   metadata=meta)
    return Record(source, number, document=doc, doc_id=doc_id, digest=digest)


def _read_txt(path: Path, doc_id: str) -> Iterator[Record]:
    data = path.read_bytes()
    digest = _digest(doc_id, data)
    if b"\x00" in data:
        yield Record(str(path), 1, error="binary content (NUL bytes)", doc_id=doc_id, digest=digest)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        yield Record(str(path), 1, error=f"not valid UTF-8 (byte {err.start})", doc_id=doc_id, digest=digest)
        return
    yield _make_record(str(path), 1, {"id": doc_id, "text": text}, digest)


def _read_jsonl(path: Path) -> Iterator[Record]:
    source = str(path)
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            digest = _digest(raw.strip())

            def bad(why: str) -> Record:  # a line that is no record: its key also names its file
                return Record(source, number, error=why, digest=_digest(source, digest))

            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield bad(f"not valid UTF-8 (byte {err.start} of the line)")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield bad(f"malformed JSON ({err.msg} at column {err.colno})")
                continue
            except RecursionError:
                yield bad("JSON nested too deeply")
                continue
            except ValueError as err:  # e.g. an integer with more digits than Python converts
                yield bad(f"unreadable JSON value ({str(err)[:80]})")
                continue
            if not isinstance(row, dict):
                yield bad(f"a JSON {type(row).__name__}, not an object")
                continue
            yield _make_record(source, number, row, digest)


def _read_csv(path: Path) -> Iterator[Record]:
    source = str(path)
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or "id" not in reader.fieldnames or "text" not in reader.fieldnames:
            # the whole file is one quarantined entry (record 0); the other inputs go on
            yield Record(source, 0, error="a CSV input needs a header row with 'id' and 'text' columns",
                         digest=_digest(source, "header", *(reader.fieldnames or ())))
            return
        for number, row in enumerate(reader, 1):
            digest = _digest(*(f"{k}\x1f{v}" for k, v in row.items()))
            if None in row:
                yield Record(source, number, error="more fields than the header has", digest=_digest(source, digest))
                continue
            if any(isinstance(v, str) and any("\udc80" <= c <= "\udcff" for c in v) for v in row.values()):
                yield Record(source, number, error="not valid UTF-8", digest=_digest(source, digest))
                continue
            yield _make_record(source, number, row, digest)


def iter_records(inputs: Sequence[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[Record]:
    """Every record of every input, in a stable order (folders sorted by path); files in ``exclude``, or in a
    folder in it (a run's own outputs inside an input folder), are not read.

    The inputs are checked (they exist, have a supported type) before the first record is read.
    """
    if isinstance(inputs, (str, Path)) or not inputs:
        raise InputError("inputs: give a list of folders or .txt, .jsonl, .csv files")
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise InputError(f"inputs: {path} does not exist")
        if path.is_file() and not _supported(path):
            raise InputError(f"inputs: {path}: unsupported file type {path.suffix!r} (use {SUPPORTED})")
    return _iter_records(paths, frozenset(Path(p).resolve() for p in exclude))


def _iter_records(paths: list[Path], exclude: frozenset[Path]) -> Iterator[Record]:
    for path in paths:
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                resolved = f.resolve()
                if resolved in exclude or not exclude.isdisjoint(resolved.parents):  # a run's own outputs
                    continue
                if _supported(f):
                    yield from _read_file(f, f.relative_to(path).with_suffix("").as_posix())
                else:  # listed in the quarantine, never skipped without a word
                    yield Record(str(f), 0, error=f"unsupported file type {f.suffix or '(none)'!r} (medkg reads "
                                 f"{SUPPORTED})", digest=_digest(str(f), "unsupported"))
        else:
            yield from _read_file(path, path.stem)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES or literature_format(path) is not None


def _read_literature(path: Path, fmt: str) -> Iterator[Record]:
    source = str(path)
    for lit in read_literature(path, fmt):
        digest = _digest(lit.raw)
        if lit.row is None:  # a record that cannot be one: its key also names its file
            yield Record(source, lit.number, error=lit.error, doc_id=lit.doc_id, digest=_digest(source, digest),
                         literature=True)
        else:
            yield _make_record(source, lit.number, lit.row, digest)


def _read_file(path: Path, txt_id: str) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if (fmt := literature_format(path)) is not None:
        yield from _read_literature(path, fmt)
    elif suffix in TEXT_SUFFIXES:
        yield from _read_txt(path, txt_id)
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(path)
    else:
        raise InputError(f"inputs: {path}: unsupported file type {suffix!r} (use {SUPPORTED})")


def is_literature(doc: Document) -> bool:
    """A record marked as published literature (its note type), the one kind ``auto`` leaves as it is."""
    return bool(doc.kind) and doc.kind.strip().lower() in LITERATURE_KINDS and not doc.patient_id
