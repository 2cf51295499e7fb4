"""Fault injection and load for medkg's batch pipeline: does a crash, a full disk or a crowd of writers ever lose,
duplicate or corrupt a record?

    PYTHONPATH=. .venv/bin/python scripts/fault_suite.py [--store embedded|neo4j|both] [--docs N] [--triples N] [--json]

Every scenario runs the real ``medkg ingest`` / ``medkg extract`` commands as subprocesses against a real graph
server, injects one fault (SIGKILL of the graph server or of the command, a full disk, eight concurrent writers
with a reader, a server restart between batches, a second extract on the same output), runs the same command
again as a user would after the error, and compares the result with an uninterrupted clean run:

* the graph: every node by (label, id/key) and every relationship by (type, start, end, key), with all
  properties (set-like list properties compared as sorted lists, their order being arrival order), and a sha256
  over them;
* for ``medkg extract`` also the output lines (triples and unlinked mentions), as multisets.

``lost`` counts reference records missing, ``duplicated`` extra copies of a record, ``corrupted`` records whose
content differs or that the clean run does not have. A scenario passes when all three are 0 and the re-run
converges to the clean graph (and lines); the command exits 1 otherwise.

Embedded: each scenario gets a fresh temporary ``MEDKG_HOME``. Neo4j (when ``NEO4J_URI`` is set): the database is
wiped before each scenario, so point it at a test server only. Killing a Neo4j server needs its pid
(``NEO4J_PID``) and a command that starts the same server again (``--neo4j-restart``, e.g. the
``shared/neo4j/start`` script with ``NEO4J_HOME_DIR`` and ``NEO4J_PORT`` set); without them those rows are n/a.
A full disk is a real one (a small tmpfs; needs root) or, where mounting is refused, ENOSPC injected in-process;
on Neo4j the server is stopped, its data folder moved onto a tmpfs with 256 KiB to spare and the server restarted.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medkg.kg import embedded  # noqa: E402
from medkg.kg.models import Concept, Provenance, Triple  # noqa: E402
from medkg.kg.schema import Assertion, NodeLabel, RelType  # noqa: E402
from medkg.kg.store import GraphStore, connect  # noqa: E402

#: Properties whose list order is the order evidence arrived in, not content.
SET_LIKE = frozenset({"evidence_keys", "sources", "assertions", "synonyms", "xrefs"})
WAIT_S = 600.0  # no command of the suite may hang longer than this
PSEUDONYM_KEY = "medkg-fault-suite-key-0123456789"
INGEST_BATCH = 500  # small batches: a fault lands between and inside transactions, not before the first one


# ------------------------------------------------------------------------------------------------------ inputs
def make_triples(n: int, seed: int = 7) -> list[Triple]:
    """Synthetic literature triples: facts with several pieces of evidence each, negated and hedged ones, and
    confidences that are sums-exact binary fractions (so a concurrent ingest's aggregates equal a sequential one's)."""
    rng = random.Random(seed)
    shapes = [(NodeLabel.COMPOUND, RelType.TREATS, NodeLabel.DISEASE, 150, 200),
              (NodeLabel.DISEASE, RelType.PRESENTS, NodeLabel.SYMPTOM, 200, 80),
              (NodeLabel.COMPOUND, RelType.CAUSES, NodeLabel.SIDE_EFFECT, 150, 60)]
    assertions = [Assertion.PRESENT] * 6 + [Assertion.NEGATED, Assertion.POSSIBLE]
    triples = []
    for i in range(n):
        s_label, rel, o_label, ns, no = shapes[i % len(shapes)]
        s, o = rng.randrange(ns), rng.randrange(no)
        triples.append(Triple(
            subject=Concept(label=s_label, id=f"FS:{s_label.value}:{s}", name=f"{s_label.value.lower()} {s}"),
            predicate=rel,
            object=Concept(label=o_label, id=f"FS:{o_label.value}:{o}", name=f"{o_label.value.lower()} {o}"),
            assertion=rng.choice(assertions), confidence=rng.choice([0.5, 0.625, 0.75, 0.875, 1.0]),
            provenance=Provenance(source="text", doc_id=f"pmid-{i // 8}", sentence_index=i % 8, start=0, end=12,
                                  text="evidence text", extractor="fault-suite", version="1")))
    return triples


def write_triples(path: Path, triples: list[Triple]) -> Path:
    path.write_text("".join(t.model_dump_json() + "\n" for t in triples))
    return path


def write_notes(path: Path, n: int, seed: int = 3) -> Path:
    """Literature notes (``note_type`` abstract: not de-identified) with present, negated, hedged and historical
    mentions of common diseases, symptoms and drugs."""
    terms = ["type 2 diabetes mellitus", "hypertension", "asthma", "chest pain", "myocardial infarction", "pneumonia",
             "sepsis", "fever", "headache", "nausea", "atrial fibrillation", "heart failure", "anemia", "stroke",
             "depression", "migraine", "cough", "dyspnea", "obesity", "metformin", "aspirin", "lisinopril",
             "warfarin", "insulin", "atorvastatin", "albuterol", "ibuprofen"]
    templates = ["The patient has {}.", "Denies {}.", "History of {}.", "Possible {}.", "Started {} today.",
                 "Family history of {}.", "No evidence of {}.", "Continue {} for {}."]
    rng = random.Random(seed)
    with open(path, "w") as fh:
        for i in range(n):
            sentences = []
            for _ in range(12):
                t = rng.choice(templates)
                sentences.append(t.format(*(rng.choice(terms) for _ in range(t.count("{}")))))
            fh.write(json.dumps({"id": f"note-{i:05d}", "text": " ".join(sentences), "note_type": "abstract"}) + "\n")
    return path


# ---------------------------------------------------------------------------------------------------- snapshots
@dataclass
class Snapshot:
    """A graph's records as canonical JSON strings keyed by identity (a key seen twice is a duplicate)."""

    nodes: list[tuple[str, str]]
    rels: list[tuple[str, str]]
    counts: dict[str, dict[str, int]]

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for kind, items in (("n", self.nodes), ("r", self.rels)):
            for key, props in sorted(items):
                h.update(f"{kind}\t{key}\t{props}\n".encode())
        return h.hexdigest()


#: Lists that hold a sample in arrival order (an edge's first documents): concurrent writers may fill them with
#: other members, so only their size is compared; every Evidence node, doc id included, is compared in full.
SAMPLES = frozenset({"documents"})


def _canonical(props: dict) -> str:
    return json.dumps({k: len(v) if k in SAMPLES and isinstance(v, list)
                       else sorted(v, key=json.dumps) if k in SET_LIKE and isinstance(v, list) else v
                       for k, v in props.items()}, sort_keys=True, default=str)


def snapshot(store: GraphStore) -> Snapshot:
    """Read every node and relationship through the read-only query path."""
    limit = 10_000_000
    nodes = [(json.dumps([r["labels"], r["props"].get("id", r["props"].get("key"))]), _canonical(r["props"]))
             for r in store.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", max_rows=limit)]
    rels = [(json.dumps([r["type"], r["s"], r["o"], r["props"].get("key")]), _canonical(r["props"]))
            for r in store.query("MATCH (s)-[r]->(o) RETURN type(r) AS type, [head(labels(s)), coalesce(s.id, s.key)] "
                                 "AS s, [head(labels(o)), coalesce(o.id, o.key)] AS o, properties(r) AS props",
                                 max_rows=limit)]
    return Snapshot(nodes, rels, store.counts())


@dataclass
class Diff:
    lost: int = 0
    duplicated: int = 0
    corrupted: int = 0

    def add(self, other: "Diff") -> "Diff":
        return Diff(self.lost + other.lost, self.duplicated + other.duplicated, self.corrupted + other.corrupted)

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicated or self.corrupted)


def diff_records(want: list[tuple[str, str]], got: list[tuple[str, str]]) -> Diff:
    """Records by identity: missing ones are lost, extra copies duplicated, different or unknown ones corrupted."""
    ref = dict(want)
    seen = Counter(k for k, _ in got)
    d = Diff(lost=sum(1 for k in ref if k not in seen), duplicated=sum(c - 1 for c in seen.values()))
    d.corrupted = sum(1 for k, props in got if ref.get(k) != props)
    return d


def diff_lines(want: list[str], got: list[str]) -> Diff:
    """Output lines as multisets (a resumed run writes its chunks in another order)."""
    w, g = Counter(want), Counter(got)
    return Diff(lost=sum(max(c - g[line], 0) for line, c in w.items()),
                duplicated=sum(max(c - w[line], 0) for line, c in g.items() if line in w),
                corrupted=sum(c for line, c in g.items() if line not in w))


def diff_graph(want: Snapshot, got: Snapshot) -> Diff:
    return diff_records(want.nodes, got.nodes).add(diff_records(want.rels, got.rels))


def output_lines(out: Path) -> list[str]:
    """The triples and unlinked-mention lines of an extract output."""
    lines = []
    for path in (out, out.with_name(out.name + ".unlinked.jsonl")):
        if path.exists():
            lines += [f"{path.suffix}\t{line}" for line in path.read_text().splitlines()]
    return lines


# ------------------------------------------------------------------------------------------------------ results
@dataclass
class Row:
    scenario: str
    store: str
    lost: int | None = None
    duplicated: int | None = None
    corrupted: int | None = None
    error_s: float | None = None  # fault -> the command's clear one-line error (or refusal)
    recovery_s: float | None = None  # the re-run after the fault, to a converged graph
    converges: bool | None = None
    mode: str = ""  # "real" or "injected" for a full disk
    notes: list[str] = field(default_factory=list)
    na: str | None = None  # why the scenario cannot run on this store
    faulted: bool = True  # False when the command finished before the fault could hit it: nothing was proven

    @property
    def ok(self) -> bool:
        return self.na is not None or (self.faulted and self.lost == 0 and self.duplicated == 0
                                       and self.corrupted == 0 and bool(self.converges))

    def record(self, d: Diff, converges: bool) -> None:
        """The comparison with the clean run; a failure noted earlier (an unclear error) stands."""
        self.lost, self.duplicated, self.corrupted = d.lost, d.duplicated, d.corrupted
        self.converges = converges and self.converges is not False


def render(rows: list[Row]) -> str:
    """A Markdown table (it goes into the README as printed)."""
    head = ["scenario", "store", "lost", "duplicated", "corrupted", "time to error / recovery s", "converges"]

    def cell(v: object) -> str:
        return "–" if v is None else str(v)

    def times(r: Row) -> str:
        parts = [f"error {r.error_s:.1f}" if r.error_s is not None else None,
                 f"recovery {r.recovery_s:.1f}" if r.recovery_s is not None else None]
        return " / ".join(p for p in parts if p) or "–"

    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        name = r.scenario + (f" ({r.mode})" if r.mode else "")
        if r.na:
            lines.append(f"| {name} | {r.store} | n/a | n/a | n/a | n/a: {r.na} | n/a |")
            continue
        lines.append(f"| {name} | {r.store} | {cell(r.lost)} | {cell(r.duplicated)} | {cell(r.corrupted)} | "
                     f"{times(r)} | {('yes' if r.converges else 'NO') + ('' if r.faulted else ' (fault missed)')} |")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------------ process
@dataclass
class Run:
    """One ``medkg`` command running in the background."""

    proc: subprocess.Popen
    log: Path
    started: float

    def wait(self, timeout: float = WAIT_S) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise RuntimeError(f"the command did not finish within {timeout:.0f} s; see {self.log}") from None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def driver_errors(self) -> int:
        """Lines the graph driver logged at error level next to medkg's own message."""
        return sum(1 for line in self.output().splitlines() if line.startswith("ERROR neo4j"))

    def error_line(self) -> str | None:
        """The command's one-line error (``error: …``), or None when it failed any other way (a traceback)."""
        text = self.output()
        errors = [line for line in text.splitlines() if line.startswith("error: ")]
        return errors[-1] if len(errors) == 1 and "Traceback" not in text else None


def _medkg() -> list[str]:
    script = Path(sys.executable).with_name("medkg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "medkg.cli"]


def _dead(pid: int) -> bool:
    """Gone or a zombie (a killed server whose parent has not reaped it yet)."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return True
    return state in ("Z", "X")


def _wait_for(cond: Callable[[], bool], what: str, timeout: float = WAIT_S, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(every)


def _disk_bytes(path: Path | None) -> int:
    """Bytes the files under ``path`` occupy (allocated blocks, as a filesystem counts them against its size)."""
    if path is None:
        return 0
    return sum(f.stat().st_blocks * 512 for f in path.rglob("*") if f.is_file())


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_for(lambda: _dead(pid), f"pid {pid} to die", timeout=60)


# -------------------------------------------------------------------------------------------------------- stores
class Target:
    """A graph server the scenarios run against: fresh per scenario, killable, restartable."""

    name: str

    def env(self) -> dict[str, str]:
        raise NotImplementedError

    def connect(self) -> GraphStore:
        raise NotImplementedError

    def fresh(self) -> None:
        """An empty graph for the next scenario."""
        raise NotImplementedError

    def kill_reason(self) -> str | None:
        """Why the server cannot be killed and restarted here, or None."""
        return None

    def kill(self) -> None:
        """SIGKILL the server and wait until it is dead."""
        raise NotImplementedError

    def restart(self) -> None:
        """Bring a killed server back the way its users would (embedded: nothing, the next command starts one)."""

    def data_dir(self) -> Path | None:
        """Where the server keeps its files, when the suite may put them on a size-limited filesystem."""
        return None

    def close(self) -> None:
        """Leave nothing running that the suite started."""

    def run(self, args: list[str], workdir: Path, tag: str) -> Run:
        log = workdir / f"{tag}.log"
        with open(log, "wb") as fh:
            proc = subprocess.Popen(_medkg() + args, stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
                                    env=self.env(), cwd=workdir)
        return Run(proc, log, time.monotonic())

    def run_ok(self, args: list[str], workdir: Path, tag: str) -> float:
        """Run a command to completion; returns its wall time in seconds."""
        run = self.run(args, workdir, tag)
        if run.wait() != 0:
            raise RuntimeError(f"medkg {' '.join(args)} failed:\n{run.output()[-2000:]}")
        return time.monotonic() - run.started


def _base_env() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
            "MEDKG_PSEUDONYM_KEY": os.environ.get("MEDKG_PSEUDONYM_KEY", PSEUDONYM_KEY),
            "MEDKG_JVM_HEAP": os.environ.get("MEDKG_JVM_HEAP", "1g"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


class Embedded(Target):
    name = "embedded"

    def __init__(self, root: Path, cache: Path) -> None:
        self.root, self.cache, self.home = root, cache, root
        self.count = 0

    def env(self) -> dict[str, str]:
        return {**_base_env(), "MEDKG_HOME": str(self.home), "MEDKG_STORE": "embedded",
                "MEDKG_CACHE_DIR": str(self.cache)}

    def fresh(self) -> None:
        self.close()
        self.count += 1
        self.home = self.root / f"home-{self.count}"
        self.home.mkdir(parents=True)

    def connect(self) -> GraphStore:
        return connect("embedded", home=self.home)

    def kill(self) -> None:
        info = embedded.running_server(self.home)
        if info is None:
            raise RuntimeError(f"no embedded server runs for {self.home}")
        _kill(info.pid)

    def data_dir(self) -> Path:
        return self.home

    def close(self) -> None:
        if self.home != self.root:
            embedded.stop_server(self.home)


class Neo4j(Target):
    name = "neo4j"

    def __init__(self, restart_cmd: str | None) -> None:
        self.restart_cmd = restart_cmd
        self.pid = int(os.environ["NEO4J_PID"]) if os.environ.get("NEO4J_PID", "").isdigit() else None

    def env(self) -> dict[str, str]:
        return {**_base_env(), "MEDKG_STORE": "neo4j"}

    def connect(self) -> GraphStore:
        return connect("neo4j")

    def fresh(self) -> None:
        with self.connect() as store:
            store.clear()

    def kill_reason(self) -> str | None:
        if self.pid is None:
            return "NEO4J_PID is not set: the suite does not know which process is the server"
        if not self.restart_cmd:
            return "no --neo4j-restart command to start the server again"
        return None

    def kill(self) -> None:
        assert self.pid is not None
        _kill(self.pid)

    def stop(self, timeout: float = 60.0) -> bool:
        """Shut the server down the way an administrator would: SIGTERM (it checkpoints, then exits), and SIGKILL
        when it has not exited after ``timeout`` seconds. Returns whether it shut down by itself."""
        assert self.pid is not None
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _dead(self.pid):
                return True
            time.sleep(0.5)
        _kill(self.pid)
        return False

    def home(self) -> Path | None:
        """The server's folder (``NEO4J_HOME_DIR`` of shared/neo4j/start), when the suite may restart it."""
        home = os.environ.get("NEO4J_HOME_DIR")
        return Path(home) if home and self.kill_reason() is None else None

    def restart(self) -> None:
        port = re.search(r":(\d+)$", os.environ["NEO4J_URI"])
        env = {**os.environ, **({"NEO4J_PORT": port.group(1)} if port else {})}
        out = subprocess.run(self.restart_cmd, shell=True, env=env, capture_output=True, text=True, timeout=300)
        found = re.search(r"NEO4J_PID=(\d+)", out.stdout)
        if out.returncode != 0 or not found:
            raise RuntimeError(f"--neo4j-restart failed: {out.stderr[-1000:]}")
        self.pid = int(found.group(1))
        os.environ["NEO4J_PID"] = str(self.pid)


# ----------------------------------------------------------------------------------------------------- scenarios
@dataclass
class Inputs:
    triples: Path
    notes: Path
    triples_list: list[Triple]


@dataclass
class Reference:
    """An uninterrupted clean run: what every faulted run must converge to."""

    ingest: Snapshot
    extract_graph: Snapshot
    extract_lines: list[str]
    ingest_s: float
    extract_s: float
    #: bytes under the server's data folder (embedded) with an empty graph and after the clean ingest
    empty_bytes: int
    ingest_bytes: int


class Suite:
    def __init__(self, target: Target, inputs: Inputs, work: Path) -> None:
        self.t, self.inputs, self.work = target, inputs, work
        self.ref: Reference | None = None
        self.n = 0

    # -- helpers
    def _dir(self, tag: str) -> Path:
        self.n += 1
        d = self.work / f"{self.t.name}-{self.n:02d}-{tag}"
        d.mkdir(parents=True)
        return d

    def _snapshot(self) -> Snapshot:
        with self.t.connect() as store:
            return snapshot(store)

    def _ingest_args(self, path: Path | None = None) -> list[str]:
        return ["ingest", str(path or self.inputs.triples), "--batch-size", str(INGEST_BATCH)]

    def _extract_args(self, out: Path) -> list[str]:
        return ["extract", str(self.inputs.notes), "--out", str(out), "--graph", "--batch-size", "2",
                "--no-progress"]

    def _judge_graph(self, row: Row, want: Snapshot) -> None:
        got = self._snapshot()
        d = diff_graph(want, got)
        row.record(d, got.digest == want.digest and got.counts == want.counts)

    def _judge_extract(self, row: Row, out: Path) -> None:
        assert self.ref is not None
        got = self._snapshot()
        d = diff_graph(self.ref.extract_graph, got).add(diff_lines(self.ref.extract_lines, output_lines(out)))
        same_lines = sorted(output_lines(out)) == sorted(self.ref.extract_lines)
        row.record(d, same_lines and got.digest == self.ref.extract_graph.digest)

    def _started_writing_graph(self) -> Callable[[], bool]:
        """True once the graph holds some evidence (the ingest is past its first transaction)."""
        store: list[GraphStore] = []

        def check() -> bool:
            with contextlib.suppress(Exception):
                if not store:
                    store.append(self.t.connect())
                return store[0].query("MATCH (e:Evidence) RETURN count(e) AS n")[0]["n"] > 0
            return False

        check.close = lambda: [s.close() for s in store]  # type: ignore[attr-defined]
        return check

    @staticmethod
    def _committed(out: Path, n: int = 1) -> Callable[[], bool]:
        done = out.with_name(out.name + ".done")
        return lambda: done.exists() and done.read_bytes().count(b"\n") >= n

    def reference(self) -> Reference:
        self.t.fresh()
        d = self._dir("reference")
        with self.t.connect() as store:  # the empty graph with its schema: what a server needs before any data
            store.ensure_schema()
        empty = _disk_bytes(self.t.data_dir())
        ingest_s = self.t.run_ok(self._ingest_args(), d, "ingest")
        ingest = self._snapshot()
        full = _disk_bytes(self.t.data_dir())
        self.t.fresh()
        extract_s = self.t.run_ok(self._extract_args(d / "triples.jsonl"), d, "extract")
        self.ref = Reference(ingest, self._snapshot(), output_lines(d / "triples.jsonl"), ingest_s, extract_s,
                             empty, full)
        return self.ref

    # -- 1, 2: the graph server dies under a running command
    def server_kill_ingest(self) -> Row:
        row = Row("server SIGKILL during ingest", self.t.name)
        if why := self.t.kill_reason():
            row.na = why
            return row
        self.t.fresh()
        d = self._dir("server-kill-ingest")
        run = self.t.run(self._ingest_args(), d, "ingest")
        started = self._started_writing_graph()
        _wait_for(lambda: started() or run.proc.poll() is not None, "the ingest to write")
        started.close()  # type: ignore[attr-defined]
        self._fault_then_rerun(row, run, d, self._ingest_args(), "ingest")
        self._judge_graph(row, self.ref.ingest)
        return row

    def server_kill_extract(self) -> Row:
        row = Row("server SIGKILL during extract --graph", self.t.name)
        if why := self.t.kill_reason():
            row.na = why
            return row
        self.t.fresh()
        d = self._dir("server-kill-extract")
        out = d / "triples.jsonl"
        run = self.t.run(self._extract_args(out), d, "extract")
        _wait_for(lambda: self._committed(out)() or run.proc.poll() is not None, "the extract's first commit")
        self._fault_then_rerun(row, run, d, self._extract_args(out), "extract")
        self._judge_extract(row, out)
        return row

    def _fault_then_rerun(self, row: Row, run: Run, d: Path, args: list[str], tag: str) -> None:
        if run.proc.poll() is not None:
            row.notes.append("the command finished before the fault: raise --docs/--triples")
            row.faulted = False
        t0 = time.monotonic()
        self.t.kill()
        rc = run.wait()
        row.error_s = round(time.monotonic() - t0, 2)
        line = run.error_line()
        if rc == 0:
            row.notes.append("the command finished despite the fault")
            row.faulted = False
        elif line is None:
            row.notes.append(f"no clear one-line error (exit {rc}): {run.output()[-300:]!r}")
            row.converges = False
        else:
            row.notes.append(line)
        if n := run.driver_errors():
            row.notes.append(f"preceded by {n} 'ERROR neo4j…' driver log line(s)")
        self.t.restart()
        row.recovery_s = round(self.t.run_ok(args, d, f"{tag}-rerun"), 2)

    # -- 3: the command itself is killed
    def client_kill_ingest(self) -> Row:
        row = Row("client SIGKILL during ingest", self.t.name)
        self.t.fresh()
        d = self._dir("client-kill-ingest")
        run = self.t.run(self._ingest_args(), d, "ingest")
        started = self._started_writing_graph()
        _wait_for(lambda: started() or run.proc.poll() is not None, "the ingest to write")
        started.close()  # type: ignore[attr-defined]
        self._kill_client(row, run)
        row.recovery_s = round(self.t.run_ok(self._ingest_args(), d, "ingest-rerun"), 2)
        self._judge_graph(row, self.ref.ingest)
        return row

    def client_kill_extract(self) -> Row:
        row = Row("client SIGKILL during extract --graph", self.t.name)
        self.t.fresh()
        d = self._dir("client-kill-extract")
        out = d / "triples.jsonl"
        run = self.t.run(self._extract_args(out), d, "extract")
        _wait_for(lambda: self._committed(out)() or run.proc.poll() is not None, "the extract's first commit")
        self._kill_client(row, run)
        row.recovery_s = round(self.t.run_ok(self._extract_args(out), d, "extract-rerun"), 2)
        self._judge_extract(row, out)
        return row

    @staticmethod
    def _kill_client(row: Row, run: Run) -> None:
        if run.proc.poll() is not None:
            row.notes.append("the command finished before the fault: raise --docs/--triples")
            row.faulted = False
        run.proc.kill()
        run.wait()

    # -- 4: the disk fills up
    def disk_full_extract(self, mounts: "Mounts") -> Row:
        row = Row("disk full during extract --graph", self.t.name)
        self.t.fresh()
        d = self._dir("disk-full-extract")
        ref_bytes = sum(len(line) + 1 for line in self.ref.extract_lines)
        mnt = mounts.mount(d / "out", size=max(ref_bytes // 3, 64 * 1024))
        out = (mnt or d / "out") / "triples.jsonl"
        out.parent.mkdir(exist_ok=True)
        if mnt is None:
            row.mode = "injected"
            run = self._injected_full_extract(d, out)
        else:
            row.mode = "real"
            run = self.t.run(self._extract_args(out), d, "extract")
        self._expect_disk_full(row, run)
        if mnt is not None:
            mounts.grow(mnt, size=ref_bytes * 4 + 2**20)
        row.recovery_s = round(self.t.run_ok(self._extract_args(out), d, "extract-rerun"), 2)
        self._judge_extract(row, out)
        return row

    def _injected_full_extract(self, d: Path, out: Path) -> Run:
        """``medkg extract`` whose output writes fail with ENOSPC after the first commit (no mount possible)."""
        code = ("import errno, sys\nimport medkg.nlp.extract as ex\nfrom medkg.cli import main\n"
                "commit, calls = ex._Outputs.commit, []\n"
                "def full(self, entries):\n    calls.append(1)\n    if len(calls) > 1:\n"
                "        raise OSError(errno.ENOSPC, 'No space left on device')\n    commit(self, entries)\n"
                "ex._Outputs.commit = full\nsys.argv = ['medkg'] + sys.argv[1:]\nmain()\n")
        log = d / "extract.log"
        with open(log, "wb") as fh:
            proc = subprocess.Popen([sys.executable, "-c", code, *self._extract_args(out)], stdout=fh,
                                    stderr=subprocess.STDOUT, env=self.t.env(), cwd=d)
        return Run(proc, log, time.monotonic())

    def disk_full_ingest(self, mounts: "Mounts") -> Row:
        row = Row("disk full during ingest", self.t.name)
        if isinstance(self.t, Neo4j):
            return self._disk_full_ingest_neo4j(row, mounts)
        if self.t.data_dir() is None:
            row.na = "the server's data folder is not on a filesystem the suite can size"
            return row
        if not mounts.can_mount():
            row.na = "mounting a small tmpfs under MEDKG_HOME needs root"
            return row
        row.mode = "real"
        self.t.fresh()
        data = self.t.data_dir()
        d = self._dir("disk-full-ingest")
        shutil.rmtree(data)
        data.mkdir()
        # room for the empty graph and half of what the ingest adds: the disk fills up halfway through
        mounts.mount(data, size=self.ref.empty_bytes + (self.ref.ingest_bytes - self.ref.empty_bytes) // 2)
        run = self.t.run(self._ingest_args(), d, "ingest")
        self._expect_disk_full(row, run)
        mounts.grow(data, size=2**30)
        row.recovery_s = round(self.t.run_ok(self._ingest_args(), d, "ingest-rerun"), 2)
        self._judge_graph(row, self.ref.ingest)
        self.t.close()
        return row

    def _disk_full_ingest_neo4j(self, row: Row, mounts: "Mounts") -> Row:
        """Neo4j's data folder on a tmpfs with almost no room left, then an ingest and a shutdown.

        Neo4j preallocates its transaction logs (256 MiB per database) and writes its store files at checkpoints,
        so commits may go through on a full disk and the shutdown's checkpoint is what fails; the test is whether
        the server, restarted on a bigger disk, recovers every committed transaction and a re-run converges."""
        t = self.t
        assert isinstance(t, Neo4j)
        home = t.home()
        if home is None:
            row.na = ("needs NEO4J_HOME_DIR, NEO4J_PID and --neo4j-restart (the suite restarts the server on a small "
                      "filesystem)")
            return row
        if not mounts.can_mount():
            row.na = "mounting a small tmpfs under the Neo4j data folder needs root"
            return row
        row.mode = "real"
        t.fresh()
        d = self._dir("disk-full-ingest")
        data = home / "data"
        t.stop()
        keep = d / "data-before"
        shutil.copytree(data, keep)
        # what the empty database holds (preallocated logs included) and 256 KiB more: the disk fills at once
        mounts.mount(data, size=_disk_bytes(keep) + 256 * 1024)
        shutil.copytree(keep, data, dirs_exist_ok=True)
        t.restart()
        run = t.run(self._ingest_args(), d, "ingest")
        rc = run.wait()
        line = run.error_line()
        if rc == 0:
            row.notes.append(f"the ingest committed on the full disk in {time.monotonic() - run.started:.0f} s "
                             "(preallocated transaction logs)")
        elif line is None or "disk full" not in line and "No space" not in line:
            row.notes.append(f"no clear error (exit {rc}): {run.output()[-400:]!r}")
            row.converges = False
        else:
            row.error_s = round(time.monotonic() - run.started, 2)
            row.notes.append(line)
        if not t.stop():  # the shutdown checkpoint meets the full disk
            row.notes.append("Neo4j did not shut down within 60 s on the full disk; killed (SIGKILL)")
        debug = home / "logs" / "debug.log"
        if debug.exists() and "No space left on device" in debug.read_text(errors="replace"):
            row.notes.append("Neo4j logged 'No space left on device' (its checkpoint); restarted on a bigger disk")
        else:
            row.notes.append("Neo4j's files fitted (no 'No space left on device' in its log)")
            row.faulted = False
        mounts.grow(data, size=2**31)
        t0 = time.monotonic()
        t.restart()
        row.recovery_s = round(time.monotonic() - t0 + t.run_ok(self._ingest_args(), d, "ingest-rerun"), 2)
        self._judge_graph(row, self.ref.ingest)
        # the data back on the ordinary disk for the scenarios that follow
        t.stop()
        after = d / "data-after"
        shutil.copytree(data, after)
        mounts.unmount(data)
        shutil.rmtree(data)
        shutil.copytree(after, data)
        shutil.rmtree(keep)
        shutil.rmtree(after)
        t.restart()
        return row

    @staticmethod
    def _expect_disk_full(row: Row, run: Run) -> None:
        rc = run.wait()
        row.error_s = round(time.monotonic() - run.started, 2)
        line = run.error_line()
        if rc == 0:
            row.notes.append("the command did not fill the disk")
            row.faulted = False
        elif line is None or "disk full" not in line:
            row.notes.append(f"no one-line 'disk full' error (exit {rc}): {run.output()[-400:]!r}")
            row.converges = False
        else:
            row.notes.append(line)

    # -- 5: eight writers and a reader at once
    def concurrent_writers(self, writers: int = 8) -> Row:
        row = Row(f"{writers} concurrent writers + reader", self.t.name)
        self.t.fresh()
        d = self._dir("concurrent")
        triples = self.inputs.triples_list
        step = max(1, len(triples) // writers)
        slices = []
        for k in range(writers):  # each slice overlaps half of the next one
            part = triples[k * step:(k + 1) * step + step // 2] if k < writers - 1 else triples[k * step:]
            slices.append(write_triples(d / f"slice-{k}.jsonl", part))
        stop = threading.Event()
        reads = Counter()

        def reader() -> None:
            store = None
            while not stop.is_set():
                try:
                    store = store or self.t.connect()
                    store.query("MATCH (c:Compound)-[f:TREATS]->(x:Disease) RETURN c.id AS c, f.evidence_count AS n "
                                "ORDER BY n DESC LIMIT 5")
                    store.counts()
                    reads["ok"] += 1
                except Exception as err:  # noqa: BLE001 - counted and reported, never hidden
                    reads["error"] += 1
                    reads[f"{type(err).__name__}: {str(err)[:120]}"] += 1
            if store is not None:
                store.close()

        with self.t.connect():  # the server runs before the writers race to start it
            pass
        thread = threading.Thread(target=reader, daemon=True)
        thread.start()
        t0 = time.monotonic()
        runs = [self.t.run(self._ingest_args(p), d, f"writer-{k}") for k, p in enumerate(slices)]
        failed = [(k, r) for k, r in enumerate(runs) if r.wait() != 0]
        wall = time.monotonic() - t0
        stop.set()
        thread.join(timeout=120)
        row.notes.append(f"{writers} writers in {wall:.1f} s; reader: {reads['ok']} query rounds, "
                         f"{reads['error']} errors")
        row.notes += [f"reader error x{c}: {k}" for k, c in reads.items() if k not in ("ok", "error")]
        for k, r in failed:
            row.notes.append(f"writer {k} failed: {r.error_line() or r.output()[-300:]!r}")
        row.recovery_s = round(wall, 2)
        if failed:  # a writer that says so is re-run, as its user would
            t1 = time.monotonic()
            for k, _ in failed:
                self.t.run_ok(self._ingest_args(slices[k]), d, f"writer-{k}-rerun")
            row.recovery_s = round(wall + time.monotonic() - t1, 2)
        if reads["error"]:
            row.converges = False
        self._judge_graph(row, self.ref.ingest)
        return row

    # -- 6: the server goes away between two batches
    def restart_between_batches(self) -> Row:
        row = Row("server SIGKILL between two ingests", self.t.name)
        if why := self.t.kill_reason():
            row.na = why
            return row
        self.t.fresh()
        d = self._dir("restart-between")
        half = len(self.inputs.triples_list) // 2
        first = write_triples(d / "first.jsonl", self.inputs.triples_list[:half])
        second = write_triples(d / "second.jsonl", self.inputs.triples_list[half:])
        self.t.run_ok(self._ingest_args(first), d, "first")
        self.t.kill()
        t0 = time.monotonic()
        self.t.restart()
        self.t.run_ok(self._ingest_args(second), d, "second")
        row.recovery_s = round(time.monotonic() - t0, 2)
        self._judge_graph(row, self.ref.ingest)
        return row

    # -- 7: two extracts on one output
    def overlapping_extracts(self) -> Row:
        row = Row("second extract on the same output", self.t.name)
        self.t.fresh()
        d = self._dir("overlap")
        out = d / "triples.jsonl"
        first = self.t.run(self._extract_args(out), d, "first")
        _wait_for(lambda: self._committed(out)() or first.proc.poll() is not None, "the first extract to commit")
        if first.proc.poll() is not None:
            row.notes.append("the first extract finished before the second started: raise --docs")
            row.faulted = False
        else:
            first.proc.send_signal(signal.SIGSTOP)  # a stalled writer: it keeps its lock while the second starts
        try:
            second = self.t.run(self._extract_args(out), d, "second")
            rc = second.wait()
            row.error_s = round(time.monotonic() - second.started, 2)
            line = second.error_line()
            if rc == 0 or line is None or "another medkg extract is writing" not in line:
                row.notes.append(f"the second extract was not refused (exit {rc}): {second.output()[-300:]!r}")
                row.converges = False
            else:
                row.notes.append(line)
        finally:
            with contextlib.suppress(ProcessLookupError):
                first.proc.send_signal(signal.SIGCONT)
        if first.wait() != 0:
            row.notes.append(f"the first extract failed: {first.output()[-300:]!r}")
        self._judge_extract(row, out)
        return row


class Mounts:
    """Small tmpfs filesystems that fill up for real; unmounted on exit."""

    def __init__(self) -> None:
        self.mounted: list[Path] = []
        self._can: bool | None = None

    def can_mount(self) -> bool:
        if self._can is None:
            probe = Path(tempfile.mkdtemp(prefix="medkg-fault-probe-"))
            self._can = self._run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe))
            if self._can:
                self._run("umount", str(probe))
            probe.rmdir()
        return self._can

    @staticmethod
    def _run(*cmd: str) -> bool:
        return os.geteuid() == 0 and subprocess.run(cmd, capture_output=True).returncode == 0

    def mount(self, path: Path, size: int) -> Path | None:
        if not self.can_mount():
            return None
        path.mkdir(parents=True, exist_ok=True)
        if not self._run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)):
            return None
        self.mounted.append(path)
        return path

    def grow(self, path: Path, size: int) -> None:
        """Free space the way an administrator would: the same filesystem, bigger."""
        if not self._run("mount", "-o", f"remount,size={size}", str(path)):
            raise RuntimeError(f"cannot grow the tmpfs at {path}")

    def unmount(self, path: Path) -> None:
        if self._run("umount", str(path)) and path in self.mounted:
            self.mounted.remove(path)

    def close(self) -> None:
        for path in reversed(self.mounted):
            self._run("umount", "-l", str(path))
        self.mounted.clear()


# ---------------------------------------------------------------------------------------------------------- main
def run_suite(stores: list[str], docs: int, n_triples: int, work: Path, neo4j_restart: str | None = None,
              only: list[str] | None = None, log: Callable[[str], None] = print) -> tuple[list[Row], dict]:
    """Run every scenario (or those named in ``only``) on each store; returns the rows and the clean timings."""
    triples = make_triples(n_triples)
    inputs = Inputs(write_triples(work / "triples.jsonl", triples), write_notes(work / "notes.jsonl", docs), triples)
    rows: list[Row] = []
    timings: dict = {}
    mounts = Mounts()
    try:
        for name in stores:
            target: Target = (Embedded(work / "embedded", work / "cache") if name == "embedded"
                              else Neo4j(neo4j_restart))
            suite = Suite(target, inputs, work)
            try:
                ref = suite.reference()
                timings[name] = {"clean_ingest_s": round(ref.ingest_s, 2), "clean_extract_s": round(ref.extract_s, 2),
                                 "graph": ref.ingest.counts, "sha256": ref.ingest.digest,
                                 "extract_lines": len(ref.extract_lines)}
                log(f"[{name}] clean ingest {ref.ingest_s:.1f} s, clean extract {ref.extract_s:.1f} s")
                scenarios = {"server-kill-ingest": suite.server_kill_ingest,
                             "server-kill-extract": suite.server_kill_extract,
                             "client-kill-ingest": suite.client_kill_ingest,
                             "client-kill-extract": suite.client_kill_extract,
                             "disk-full-extract": lambda: suite.disk_full_extract(mounts),
                             "disk-full-ingest": lambda: suite.disk_full_ingest(mounts),
                             "concurrent": suite.concurrent_writers,
                             "restart-between": suite.restart_between_batches,
                             "overlap": suite.overlapping_extracts}
                for key, scenario in scenarios.items():
                    if only and key not in only:
                        continue
                    t0 = time.monotonic()
                    try:
                        row = scenario()
                    except Exception as err:  # noqa: BLE001 - a scenario that breaks is a failed row, not a crash
                        row = Row(key, name, converges=False, notes=[f"{type(err).__name__}: {err}"])
                    rows.append(row)
                    log(f"[{name}] {row.scenario}: {'ok' if row.ok else 'FAILED'} in {time.monotonic() - t0:.0f} s"
                        + (f" — {'; '.join(row.notes)}" if row.notes else ""))
            finally:
                mounts.close()
                target.close()
    finally:
        mounts.close()
    return rows, timings


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--store", choices=["embedded", "neo4j", "both"], default="embedded")
    p.add_argument("--docs", type=int, default=60, help="notes for the extract scenarios")
    p.add_argument("--triples", type=int, default=20_000, help="triples for the ingest scenarios")
    p.add_argument("--json", action="store_true", help="also print the rows as JSON")
    p.add_argument("--only", action="append", help="run only this scenario (repeatable)")
    p.add_argument("--neo4j-restart", help="shell command that starts the killed Neo4j again and prints NEO4J_PID=…")
    p.add_argument("--keep", action="store_true", help="keep the working folder (logs of every command)")
    args = p.parse_args(argv)
    stores = ["embedded", "neo4j"] if args.store == "both" else [args.store]
    if "neo4j" in stores and not os.environ.get("NEO4J_URI"):
        if args.store == "neo4j":
            p.error("--store neo4j needs NEO4J_URI (and a test database: the suite wipes it)")
        print("NEO4J_URI is not set: skipping the Neo4j rows", file=sys.stderr)
        stores.remove("neo4j")
    work = Path(tempfile.mkdtemp(prefix="medkg-fault-"))
    try:
        rows, timings = run_suite(stores, args.docs, args.triples, work, args.neo4j_restart, args.only,
                                  log=lambda s: print(s, file=sys.stderr, flush=True))
    finally:
        if args.keep:
            print(f"logs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(render(rows))
    for r in rows:
        for note in r.notes:
            print(f"  {r.store} / {r.scenario}: {note}")
    if os.environ.get("NEO4J_PID") and "neo4j" in stores:
        print(f"Neo4j server pid now: {os.environ['NEO4J_PID']}")
    if args.json:
        print(json.dumps({"rows": [asdict(r) | {"ok": r.ok} for r in rows], "clean": timings}, indent=2))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
