"""The graph store: one code path, the official ``neo4j`` driver and Neo4j 5 Cypher, against two servers.

* ``embedded`` (default): medkg's own ArcadeDB server on loopback (:mod:`medkg.kg.embedded`), started on demand.
* ``neo4j``: a user's Neo4j server or Aura, from ``NEO4J_URI``, ``NEO4J_USER``/``NEO4J_USERNAME``,
  ``NEO4J_PASSWORD`` (or ``NEO4J_PASSWORD_FILE``) and ``NEO4J_DATABASE``.

Select with ``connect(store=…)``, ``--store`` or ``MEDKG_STORE``. What differs between the two servers lives in
:class:`Backend` and nowhere else.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any
from uuid import uuid4

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    CypherSyntaxError,
    Neo4jError,
    ServiceUnavailable,
    TransientError,
)
from pydantic import SecretStr

from medkg.kg import cypher, embedded
from medkg.kg.errors import InputError, QuerySyntaxError, ReadOnlyError, StoreError
from medkg.kg.fusion import DOCUMENT_SAMPLE, FusionReport, plan_batch
from medkg.kg.models import Finding, ImagingStudy, Patient, Triple
from medkg.kg.readonly import check_read_only
from medkg.kg.schema import NodeLabel, RelType, node_label, rel_type
from medkg.kg.settings import STORES, MedkgSettings, get_settings

log = logging.getLogger(__name__)

DEFAULT_BATCH = 5000
#: Defaults of the read-only query path: seconds before the server stops a query, and the most rows returned.
QUERY_TIMEOUT_S = 120.0
QUERY_MAX_ROWS = 100_000
_QUERY_TYPES = {"w": "a write", "rw": "a read-write", "s": "a schema change"}


@dataclass(frozen=True)
class Backend:
    """The differences between the servers medkg supports, kept in one place."""

    name: str
    uri: str
    auth: tuple[str, str] = field(repr=False)  # never printed
    database: str | None
    #: Whether the server refuses writes in read access mode (Neo4j does; ArcadeDB does not).
    enforces_read_mode: bool
    #: ArcadeDB gives a node a new elementId when its labels change: medkg never relabels and never
    #: keeps elementIds across transactions; concept ids are the only identity.
    stable_element_ids: bool
    #: Credentials of a server user that may only read, used by :meth:`GraphStore.query` (None: ``auth``).
    read_auth: tuple[str, str] | None = field(default=None, repr=False)
    #: Whether the server's ``EXPLAIN`` classifies a query as read/write/schema (Neo4j does; ArcadeDB reports
    #: every query as a write).
    explains_query_type: bool = False
    #: Where the server keeps its files when it runs on this machine (the embedded store), to tell a full disk
    #: from other write failures.
    data_dir: Path | None = None
    #: Fusion updates existing edges with MATCH and creates the rest instead of one MERGE. ArcadeDB's MERGE walks a
    #: node's edges ~7x slower than its MATCH (2,000 rows onto a node with 8,000 edges: 20.6 s vs 2.9 s) and its
    #: optimistic concurrency retries a transaction that created an edge another one created meanwhile; Neo4j's
    #: MERGE is fast and is what keeps its concurrent writers from creating an edge twice.
    merges_edges_by_match: bool = False


def resolve_backend(store: str | None = None, uri: str | None = None, user: str | None = None,
                    password: str | None = None, database: str | None = None,
                    home: Path | None = None, settings: MedkgSettings | None = None) -> Backend:
    """The server to talk to: the arguments, else ``settings`` (default: :func:`~medkg.kg.settings.get_settings`)."""
    settings = settings or get_settings()
    store = (store or settings.store).lower()
    if store not in STORES:
        raise StoreError(f"unknown store {store!r}; valid stores: {', '.join(STORES)}")
    if store == "embedded":
        info = embedded.ensure_server(home)
        return Backend("embedded", info.uri, (embedded.USER, embedded.password(home)), info.database,
                       enforces_read_mode=False, stable_element_ids=False,
                       read_auth=(embedded.READER_USER, embedded.password(home, embedded.READER_USER)),
                       data_dir=Path(home) if home is not None else settings.home, merges_edges_by_match=True)
    uri = uri or settings.neo4j_uri
    if not uri:
        raise StoreError("store 'neo4j' needs a URI: pass --uri or set NEO4J_URI")
    user = user or settings.neo4j_user
    password = password or _reveal(settings.neo4j_password)
    if password is None:
        raise StoreError("store 'neo4j' needs a password: set NEO4J_PASSWORD or NEO4J_PASSWORD_FILE")
    read_user = settings.neo4j_read_user
    read_password = _reveal(settings.neo4j_read_password) if read_user else None
    if read_user and read_password is None:
        raise StoreError("NEO4J_READ_USER needs NEO4J_READ_PASSWORD or NEO4J_READ_PASSWORD_FILE")
    return Backend("neo4j", uri, (user, password), database or settings.neo4j_database or None,
                   enforces_read_mode=True, stable_element_ids=True,
                   read_auth=(read_user, read_password) if read_user else None, explains_query_type=True)


def _reveal(secret: SecretStr | None) -> str | None:
    return secret.get_secret_value() if secret is not None else None


def redact_uri(uri: str) -> str:
    """A URI without credentials (``bolt://user:secret@host`` → ``bolt://host``), for messages and logs."""
    return re.sub(r"(?<=://)[^/@]*@", "", uri)


def _plain(value: Any) -> Any:
    """Driver values → plain Python (nodes and relationships become property dicts)."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _require_read_plan(session, query: str, params: dict) -> None:
    """The server's own parse: ``EXPLAIN`` plans without running, and its query type must be a read."""
    kind = session.run("EXPLAIN " + query, params).consume().query_type
    if kind != "r":
        raise ReadOnlyError(f"query refused: the server classifies it as {_QUERY_TYPES.get(kind, kind)}, not a read")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


#: Below this much free space under a local server's files a failed write is reported as "disk full".
DISK_FULL_BYTES = 64 * 2**20
#: Driver limits so that a dead server is reported in seconds: the driver's own retries of a transaction stop
#: after ``max_transaction_retry_time`` and each connection attempt after ``connection_timeout``.
FAIL_FAST = {"connection_timeout": 5.0, "max_transaction_retry_time": 5.0, "connection_acquisition_timeout": 10.0}
#: Deletions per transaction of :meth:`GraphStore.clear`. Measured on Neo4j 5.26 with a 1 GiB heap: one
#: ``DETACH DELETE`` of 993k relationships ran out of transaction memory (717 MiB pool) after 10 s; batches of this
#: size wiped them in 103 transactions, 14 s. The embedded store: 200k relationships in 1.4 s (one transaction 2.9 s).
WIPE_BATCH = 10_000
#: Deletions per transaction of a model's superseded predictions (each one scans the type's edges). 212k measured:
#: embedded 21 s in batches of 5,000, 12 s of 20,000 (no better above); Neo4j with a 1 GiB heap 4-8 s either way.
STALE_PREDICTIONS_BATCH = 20_000
#: Server codes (Neo4j: legacy and GQL) of a transaction that outgrew the server's transaction memory. Neo4j calls
#: them transient, but the same transaction fails the same way again: medkg does not retry them.
_TOO_LARGE = ("MemoryPoolOutOfMemoryError", "TransactionOutOfMemoryError", "TransactionMemoryLimit", "51N72", "51N73")


def _too_large(err: Neo4jError) -> bool:
    codes = f"{err.code or ''} {getattr(err, 'gql_status', '') or ''}"
    return any(c in codes for c in _TOO_LARGE)


def _too_large_message(err: Neo4jError) -> str:
    return ("write failed: the transaction was too large for the server's transaction memory "
            f"({err.message}); not retried, it would fail again: write in smaller batches or give the server more "
            "transaction memory (db.memory.transaction.total.max, db.memory.transaction.max, the heap)")


class GraphStore:
    """A connection to the graph. Use :func:`connect`; close it (or use ``with``) when done."""

    def __init__(self, backend: Backend, max_retries: int = 5):
        self.backend = backend
        self.max_retries = max_retries
        try:
            self._driver = neo4j.GraphDatabase.driver(backend.uri, auth=backend.auth, **FAIL_FAST)
        except (ConfigurationError, ValueError) as err:  # the driver's message quotes the URI, credentials too
            raise StoreError(f"invalid store URI {redact_uri(backend.uri)!r}: "
                             f"{str(err).replace(backend.uri, redact_uri(backend.uri))}") from None
        try:
            self._driver.verify_connectivity()
            with self._session() as session:  # connecting does not open the database: an unknown one fails here
                session.run(cypher.ping()).consume()
        except (ServiceUnavailable, OSError, Neo4jError) as err:
            self._driver.close()
            raise StoreError(self._connect_error(err, backend.auth[0])) from None
        self._schema_ready = False
        self._foreign_constraints: list[str] = []
        self._reader: neo4j.Driver | None = None

    # -- plumbing ---------------------------------------------------------------------------------------------
    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._driver.close()
        if self._reader is not None:
            self._reader.close()

    def _session(self, read: bool = False):
        return self._driver.session(database=self.backend.database,
                                    default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS)

    def _read_session(self):
        """A read-mode session as the server's read-only user where the store has one."""
        if self.backend.read_auth is None:
            return self._session(read=True)
        if self._reader is None:
            reader = neo4j.GraphDatabase.driver(self.backend.uri, auth=self.backend.read_auth, **FAIL_FAST)
            try:
                reader.verify_connectivity()  # else wrong read credentials surface as "query refused by the server"
            except ClientError as err:
                reader.close()
                raise StoreError(self._connect_error(err, self.backend.read_auth[0], "the read user")) from None
            except (ServiceUnavailable, OSError, Neo4jError):
                reader.close()
                raise  # the caller tells a stopped server from a dropped connection
            self._reader = reader
        return self._reader.session(database=self.backend.database, default_access_mode=neo4j.READ_ACCESS)

    def _write(self, statements: list[tuple[str, dict]]) -> None:
        """Run statements in one write transaction, retrying transient failures (deadlocks, conflicts)."""
        def work(tx):
            for query, params in statements:
                tx.run(query, params).consume()

        self._write_tx(work)

    def _write_tx(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        """Run ``work(tx)`` as one write transaction and return its result, retrying transient failures
        (deadlocks, conflicts): ``work`` must be safe to run again from the start. A transaction that outgrew
        the server's transaction memory is not retried (it would fail again, for minutes)."""
        def guarded(tx: neo4j.ManagedTransaction) -> Any:
            try:
                return work(tx)
            except Neo4jError as err:  # raised from here, it also stops the driver's own retries
                if _too_large(err):
                    raise StoreError(_too_large_message(err)) from None
                raise

        # Kept around the driver's own retries (which handle TransientError): ArcadeDB reports a concurrent MERGE's
        # duplicate as Neo.ClientError.Schema.ConstraintValidationFailed, which the driver never retries. Measured, 8
        # concurrent writers x 5 rounds on the embedded store: driver retries alone, 1-7 of 8 writers failed in
        # every round; with this loop, none of 40.
        for attempt in range(self.max_retries + 1):
            try:
                with self._session() as session:
                    return session.execute_write(guarded)
            except ServiceUnavailable as err:
                if not self.reachable():
                    raise StoreError(self._gone()) from None
                err_msg = str(err)
            except TransientError as err:
                if _too_large(err):  # at commit
                    raise StoreError(_too_large_message(err)) from None
                err_msg = str(err)
            except ClientError as err:
                # ArcadeDB reports concurrent MERGE conflicts as client errors; they succeed on retry.
                err_msg = str(err)
                if not any(w in err_msg for w in ("ConcurrentModification", "DuplicatedKey", "already exists",
                                                  "Duplicated key", "NeedRetry")) or self._foreign_constraints:
                    raise StoreError(self._disk_full() or f"write failed: {err.message or err_msg}"
                                     f"{self._constraint_hint()}") from None
            if attempt == self.max_retries:
                raise StoreError(self._disk_full() or f"write failed after {self.max_retries + 1} attempts: "
                                 f"{err_msg[:300]}")
            time.sleep(0.05 * 2 ** attempt)

    def _write_in_batches(self, query: str, params: dict) -> int:
        """Run a write ``query`` that handles at most ``$limit`` items and returns how many as ``n``, one
        transaction at a time, until one handles none (a short batch may race a concurrent writer); returns the
        number of transactions. Large deletions and migrations: one transaction would exhaust the server's
        transaction memory."""
        def work(tx: neo4j.ManagedTransaction) -> int:
            return tx.run(query, params).single(strict=True)["n"]

        transactions = 1
        while self._write_tx(work):
            transactions += 1
        return transactions

    def reachable(self) -> bool:
        """Whether the server answers now (one connection attempt, bounded by ``FAIL_FAST``)."""
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, OSError, Neo4jError):
            return False
        return True

    def _disk_full(self) -> str | None:
        """The message for a write that failed because the disk under a local server's files is full, else None."""
        if self.backend.data_dir is None:
            return None
        try:
            free = shutil.disk_usage(self.backend.data_dir).free
        except OSError:
            return None
        if free >= DISK_FULL_BYTES:
            return None
        return (f"write failed: disk full under {self.backend.data_dir} ({free // 2**20} MB free); free some space "
                "and run the command again: it resumes")

    def _gone(self) -> str:
        where = redact_uri(self.backend.uri)
        again = ("run the command again: medkg starts a new embedded server and the run resumes"
                 if self.backend.name == "embedded" else "restart the server, then run the command again: it resumes")
        return f"the {self.backend.name} graph server at {where} stopped answering; {again}"

    def _connect_error(self, err: Exception, user: str, who: str = "user") -> str:
        """One line for a failed connection that says which of credentials, database or server is wrong (and never
        the password)."""
        where = f"the {self.backend.name} store at {redact_uri(self.backend.uri)}"
        if not isinstance(err, Neo4jError):
            return f"cannot reach {where}: {type(err).__name__}"
        if isinstance(err, AuthError) or "AuthenticationRateLimit" in (err.code or ""):
            hint = ""
            if self.backend.name == "neo4j":
                hint = ("; check NEO4J_READ_USER and NEO4J_READ_PASSWORD" if who == "the read user"
                        else "; check NEO4J_USER and NEO4J_PASSWORD")
            limited = " (too many failed attempts: the server refuses for a while)" if not isinstance(
                err, AuthError) else ""
            return f"authentication failed for {who} {user!r} on {where}{limited}{hint}"
        if err.code == "Neo.ClientError.Database.DatabaseNotFound":
            return self._no_database()
        return f"{where} refused the connection: {err.message}"

    def _no_database(self) -> str:
        hint = "; create it or set NEO4J_DATABASE" if self.backend.name == "neo4j" else ""
        return (f"database {self.backend.database!r} does not exist on the {self.backend.name} server at "
                f"{redact_uri(self.backend.uri)}{hint}")

    def _schema_error(self, stmt: str, err: ClientError) -> str:
        """One line for a schema statement the server refused; an index someone else made on the key medkg needs
        a constraint on is named, with how to drop it."""
        if err.code == "Neo.ClientError.Database.DatabaseNotFound":
            return self._no_database()
        target = re.search(r"FOR \(n:(\w+)\) (?:REQUIRE|ON) \(?n\.(\w+)", stmt)
        if target and "AlreadyExists" in (err.code or ""):
            label, prop = target.groups()
            with self._session() as session:
                rows = session.run(cypher.show_indexes()).data()
            names = [r["name"] for r in rows if not r.get("owningConstraint") and r.get("name")
                     and (r.get("labelsOrTypes") or []) == [label] and (r.get("properties") or []) == [prop]]
            if names:
                return (f"cannot create medkg's uniqueness constraint on :{label}({prop}): the graph already has "
                        f"index {names[0]!r} on :{label}({prop}), which is not a constraint; if nobody here needs "
                        f"it, drop it with medkg query --write 'DROP INDEX {names[0]}' and run the command again")
        return f"cannot set up the graph schema ({stmt}): {err.message}"

    def execute_write(self, query: str, params: dict | None = None) -> list[dict]:
        """Run one write query and return its records (the explicit write path of ``medkg query --write``)."""
        def work(tx):
            return [dict(r.items()) for r in tx.run(query, params or {})]

        try:
            with self._session() as session:
                return _plain(session.execute_write(work))
        except CypherSyntaxError as err:
            raise QuerySyntaxError(f"Cypher syntax error: {err.message}") from None
        except Neo4jError as err:
            raise StoreError(f"query failed: {err.message}") from None

    def write_rows(self, query: str, rows: list[dict], batch_size: int = DEFAULT_BATCH, **params: Any) -> int:
        """Run an ``UNWIND $rows`` write query over ``rows`` in batches, one transaction per batch."""
        n = 0
        for batch in _batches(rows, batch_size):
            self._write([(query, {"rows": batch, **params})])
            n += len(batch)
        return n

    def ensure_schema(self) -> None:
        """Uniqueness constraints before any MERGE (measured: 2 × 20k MERGEs 56 s without, 0.8 s with)."""
        if self._schema_ready:
            return
        with self._session() as session:
            for stmt in cypher.constraints():
                try:
                    session.run(stmt).consume()
                except ClientError as err:
                    raise StoreError(self._schema_error(stmt, err)) from None
        self._foreign_constraints = sorted({c for *_, c in self.indexes() if c} - set(cypher.constraint_names()))
        if self._foreign_constraints:
            log.warning("ingests may fail: %s", self._constraint_hint().strip(" ()"))
        self._migrate_evidence_layout()
        self._schema_ready = True

    def _migrate_evidence_layout(self, batch_size: int = 10_000) -> None:
        """Bring a graph written by medkg before 0.2 to today's evidence layout, in bounded batches.

        Such graphs keep every evidence key (``evidence_keys``) and document on each edge, and subject/object on
        each Evidence node. Their counts and aggregates are already those of today's layout, so fusion is exact on
        them as they are; this only drops the lists (an edge keeps its first ``DOCUMENT_SAMPLE`` documents). Edges go
        first and Evidence nodes last, so an interrupted migration is found again and finished on the next write.
        """
        with self._session() as session:
            [probe] = session.run(cypher.legacy_evidence_probe()).data() or [{"legacy": False}]
        if not probe["legacy"]:
            return
        log.warning("updating this graph's evidence layout (edges no longer list every evidence key); once only")
        for query in (cypher.migrate_legacy_edges(), cypher.migrate_legacy_evidence()):
            self._write_in_batches(query, {"limit": batch_size, "sample": DOCUMENT_SAMPLE})

    def _constraint_hint(self) -> str:
        """Why a write may have failed, when the graph holds constraints medkg did not create (a duplicate under
        one of them is not a conflict worth retrying); empty when it holds none."""
        if not self._foreign_constraints:
            return ""
        return (f" (the graph has uniqueness constraints medkg did not create: {', '.join(self._foreign_constraints)};"
                " if nobody here needs them, drop each with medkg query --write 'DROP CONSTRAINT name')")

    # -- reading ----------------------------------------------------------------------------------------------
    def query(self, query: str, params: dict | None = None, *, timeout: float = QUERY_TIMEOUT_S,
              max_rows: int = QUERY_MAX_ROWS) -> list[dict]:
        """Run a read-only Cypher query and return its rows as plain dicts.

        Layers, each enough to stop a write on its own for what it covers (see :mod:`medkg.kg.readonly`): medkg's parse;
        the server's read-only user (embedded) or its ``EXPLAIN`` classification (Neo4j) and read access mode; a
        transaction with a ``timeout`` (seconds; enforced by Neo4j, while the embedded ArcadeDB stops a query only
        at its server-wide command limit, :data:`medkg.kg.embedded.COMMAND_TIMEOUT_S`) that is always rolled back; the
        result summary. More than ``max_rows`` rows raise instead of being silently cut.
        """
        if timeout <= 0:
            raise InputError(f"timeout must be > 0 seconds, got {timeout}")
        if max_rows < 1:
            raise InputError(f"max_rows must be >= 1, got {max_rows}")
        check_read_only(query)
        params = params or {}
        try:
            with self._read_session() as session:
                if self.backend.explains_query_type:
                    _require_read_plan(session, query, params)
                tx = session.begin_transaction(timeout=timeout)
                try:
                    result = tx.run(query, params)
                    rows = []
                    for record in result:
                        if len(rows) == max_rows:
                            raise ReadOnlyError(f"query refused: more than {max_rows:,} rows; add a LIMIT "
                                                "or raise max_rows")
                        rows.append({k: _plain(v) for k, v in record.items()})
                    summary = result.consume()
                finally:
                    tx.rollback()  # never commit a read: whatever slipped through is undone
        except CypherSyntaxError as err:
            raise QuerySyntaxError(f"Cypher syntax error: {err.message}") from None
        except ClientError as err:
            code = err.code or ""
            if "Syntax" in code or "syntax" in (err.message or "").lower():
                raise QuerySyntaxError(f"Cypher syntax error: {err.message}") from None
            if "AccessMode" in code or "Forbidden" in code or "Security" in code:
                raise ReadOnlyError(f"query refused by the server: {err.message}") from None
            if "TimedOut" in code or "Terminated" in code:
                raise StoreError(f"query stopped after its timeout ({timeout:g} s): {err.message}") from None
            raise StoreError(f"query failed: {err.message}") from None
        except Neo4jError as err:
            raise StoreError(f"query failed: {err.message}") from None
        except ServiceUnavailable:
            if not self.reachable():
                raise StoreError(f"query failed: {self._gone()} (a query that exhausts the server's memory stops "
                                 "the embedded server)") from None
            raise StoreError("query failed: the store closed the connection while running it") from None
        if summary.counters.contains_updates or summary.counters.contains_system_updates \
                or summary.query_type in ("w", "rw", "s"):
            raise ReadOnlyError("query refused: it tried to modify the graph (rolled back)")
        return rows

    def query_df(self, query: str, params: dict | None = None, **limits: Any):
        """:meth:`query` as a pandas DataFrame (the optional ``[pandas]`` extra)."""
        try:
            import pandas as pd  # optional: nothing else in medkg needs pandas (~85 MB installed)
        except ImportError:
            raise InputError("query_df needs pandas: pip install 'medkg[pandas]'") from None
        return pd.DataFrame(self.query(query, params, **limits))

    def indexes(self) -> list[tuple[str, ...]]:
        """The store's indexes as sorted ``(labels, properties, owning constraint)`` tuples (as the root user:
        the read-only path refuses ``SHOW``)."""
        with self._session() as session:
            rows = session.run(cypher.show_indexes()).data()
        return sorted((",".join(r.get("labelsOrTypes") or []), ",".join(r.get("properties") or []),
                       str(r.get("owningConstraint") or "")) for r in rows)

    def counts(self) -> dict[str, dict[str, int]]:
        return {"nodes": {r["label"]: r["count"] for r in self.query(cypher.count_nodes())},
                "relationships": {r["type"]: r["count"] for r in self.query(cypher.count_relationships())}}

    def evidence(self, edge_key: str, limit: int = 5) -> list[dict]:
        """The supporting mentions of a fact edge (its ``key`` property), strongest first."""
        return self.query(cypher.evidence_of_edge(), {"edge": edge_key, "limit": int(limit)})

    # -- writing ----------------------------------------------------------------------------------------------
    def add_triples(self, triples: Iterable[Triple], batch_size: int = DEFAULT_BATCH) -> FusionReport:
        """Fuse triples in batched ``UNWIND … MERGE`` transactions, one per batch; evidence the graph already holds
        is skipped, so re-ingesting the same triples is a no-op (see :mod:`medkg.kg.fusion`)."""
        if batch_size < 1:
            raise InputError(f"batch_size must be >= 1, got {batch_size}")
        self.ensure_schema()
        report = FusionReport()
        for batch in _batches(triples, batch_size):
            for t in batch:
                if not isinstance(t, Triple):
                    raise InputError(f"add_triples expects kg.models.Triple, got {type(t).__name__}")
            plan = plan_batch(batch)

            plan.report.evidence_added = self._write_tx(lambda tx, plan=plan: plan.write(
                lambda query, params: tx.run(query, params).data(), self.backend.merges_edges_by_match))
            report.merge(plan.report)
        return report

    def add_imaging_study(self, patient: Patient, study: ImagingStudy, findings: list[Finding]) -> None:
        """Write a study and its findings; re-segmenting a study replaces its findings instead of adding."""
        if study.patient_id != patient.id:
            raise InputError(f"study {study.uid!r} belongs to patient {study.patient_id!r}, not {patient.id!r}")
        self.ensure_schema()
        pat = {k: v for k, v in patient.model_dump(mode="json").items() if v is not None}
        st = {k: v for k, v in study.model_dump(mode="json").items() if v is not None and k != "uid"}
        st["id"] = study.uid
        rows, links = [], {}
        for f in findings:
            if f.study_uid != study.uid:
                raise InputError(f"finding {f.id!r} belongs to study {f.study_uid!r}, not {study.uid!r}")
            props = {k: v for k, v in f.model_dump(mode="json", exclude={"concept"}).items() if v is not None}
            rows.append({"id": f.id, "props": props})
            if f.concept is not None:
                rel = {NodeLabel.DISEASE: RelType.SUGGESTS, NodeLabel.ANATOMY: RelType.LOCATED_IN}.get(f.concept.label)
                if rel is None:
                    raise InputError(f"finding {f.id!r}: a finding links to a Disease or an Anatomy concept, "
                                     f"not {f.concept.label.value}")
                links.setdefault((rel, f.concept.label), []).append(
                    {"finding": f.id, "id": f.concept.id, "name": f.concept.name})
        statements = [(cypher.merge_study(), {"patient": pat, "study": st}),
                      (cypher.delete_stale_findings(), {"uid": study.uid, "keep": [r["id"] for r in rows]}),
                      (cypher.merge_findings(), {"uid": study.uid, "rows": rows})]
        statements += [(cypher.link_findings(rel, label), {"rows": r}) for (rel, label), r in links.items()]
        self._write(statements)

    def write_predictions(self, rel: RelType | str, rows: list[dict], model: str, version: str,
                          batch_size: int = DEFAULT_BATCH) -> int:
        """Replace ``model``'s earlier predictions of type ``rel`` by ``rows``; returns how many were written.

        Each row: ``source_label, source_id, target_label, target_id, score, rank``. Predictions have their own
        relationship types (``PREDICTED_*``), so asserted facts and model output never mix.

        The replacement is atomic for readers that filter with :func:`medkg.kg.cypher.current_prediction`: the new
        set is written in batches as a new run, invisible, then one small write makes it the current run, then the old
        run is deleted in batches; wherever a failure stops it, readers see the whole old set or the whole new one
        (the next call deletes what it left). One transaction for both sets would not do: at 212k rows it outgrows
        the transaction memory of a Neo4j with a 1 GiB heap. One writer per model at a time.
        """
        rel = rel_type(rel)
        if not rel.value.startswith("PREDICTED_"):
            raise InputError(f"predictions must use a PREDICTED_* relationship type, not {rel.value}")
        self.ensure_schema()
        groups: dict[tuple[NodeLabel, NodeLabel], dict[tuple[str, str], dict]] = {}
        for r in rows:  # one edge per pair, the last row's values winning (as MERGE then SET would)
            key = (node_label(r["source_label"]), node_label(r["target_label"]))
            groups.setdefault(key, {})[r["source_id"], r["target_id"]] = {
                "s": r["source_id"], "o": r["target_id"], "score": float(r["score"]), "rank": int(r["rank"])}
        run = {"model": model, "run": uuid4().hex, "version": version}
        for (s, o), group in groups.items():
            for batch in _batches(group.values(), batch_size):
                self._write([(cypher.create_predictions(s, rel, o), {"rows": batch, **run})])
        pointer = cypher.prediction_run_id(rel, model)
        self._write([(cypher.switch_prediction_run(), {"id": pointer, **run})])
        self._write_in_batches(cypher.delete_stale_predictions(rel),
                               {"id": pointer, "model": model, "limit": STALE_PREDICTIONS_BATCH})
        return sum(len(g) for g in groups.values())

    def clear(self, batch_size: int = WIPE_BATCH) -> int:
        """Delete every node and relationship (tests, benchmarks), relationships first, at most ``batch_size``
        deletions per transaction: one transaction over a large graph exhausts the server's transaction memory.
        Returns the number of transactions it took."""
        if batch_size < 1:
            raise InputError(f"batch_size must be >= 1, got {batch_size}")
        return sum(self._write_in_batches(query, {"limit": batch_size})
                   for query in (cypher.delete_relationships_batch(), cypher.delete_nodes_batch()))


def connect(store: str | None = None, *, uri: str | None = None, user: str | None = None,
            password: str | None = None, database: str | None = None, home: Path | None = None,
            settings: MedkgSettings | None = None) -> GraphStore:
    """Open the configured store (embedded ArcadeDB by default, started if needed): the arguments, else
    ``settings`` (default :func:`~medkg.kg.settings.get_settings`)."""
    return GraphStore(resolve_backend(store, uri, user, password, database, home, settings))


def query(cypher: str, params: dict | None = None, *, store: str | None = None, as_dataframe: bool = False,
          **limits: float):
    """Run one read-only Cypher query against the configured store (records as dicts, or a DataFrame).

    ``limits``: ``timeout`` (seconds) and ``max_rows``, as in :meth:`GraphStore.query`.
    """
    with connect(store) as s:
        return s.query_df(cypher, params, **limits) if as_dataframe else s.query(cypher, params, **limits)
