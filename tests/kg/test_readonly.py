"""Bypass attempts against the read-only query path.

Each attempt is refused or harmless: on both stores (embedded ArcadeDB; Neo4j when NEO4J_URI is set) the graph
and its schema are unchanged afterwards and no file content comes back. The parse alone is checked without a
server, and the servers' own controls are checked with medkg's parse switched off.
"""

from __future__ import annotations

import time

import pytest

from medkg.kg import readonly
from medkg.kg.errors import QuerySyntaxError, ReadOnlyError, StoreError
from medkg.kg.readonly import MAX_QUERY_CHARS, check_read_only, tokenize
from tests.kg.test_store import treats

SECRET = "medkg-secret-4f1c9a"  # planted in a file that no query may read

# Every line terminator a server may end a // comment at, and Unicode look-alikes of keywords.
_TERMINATORS = ["\r", "\n", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c"]
_CONFUSABLES = ["ＬＯＡＤ", "LОAD", "DЕLETE", "CREАTE"]  # fullwidth, Cyrillic О, Е, А

WRITES = [
    "CREATE (n:Disease {id: 'planted'}) RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Compound) SET n.name = 'x' RETURN n",
    "MERGE (n:Disease {id: 'planted'}) RETURN n",
    "MATCH (n:Compound) REMOVE n.name RETURN n",
    "MATCH (n:Compound) FOREACH (x IN [1] | SET n.name = 'x')",
    "MATCH (n) CALL { MATCH (m) DETACH DELETE m } RETURN count(n)",
    "MATCH (n) CALL (n) { SET n.name = 'x' } RETURN count(n)",
    "MATCH (n) RETURN n UNION ALL CREATE (m:Disease {id: 'planted'}) RETURN m AS n",
    "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
    "CALL db.createLabel('Planted')",
    "CALL `db`.`createLabel`('Planted')",
    "CALL `db.createLabel`('Planted')",
    "WITH 1 AS x CALL apoc.create.node(['Planted'], {}) YIELD node RETURN node",
    "MATCH (n) RETURN n.name AS x, n {set: 1} AS m CREATE (:Disease {id: 'planted'})",
    # a variable, label or property spelled "as" must not hide the keyword that follows it
    "MATCH (n:Compound) WITH n AS as SET as.name = 'planted' RETURN 1",
    "MATCH (n:Compound) WITH n AS as WITH as SET as.name = 'planted' RETURN 1",
    "WITH 1 AS as CALL `db`.`createLabel`('Planted')",
    "MATCH (n:Compound) WHERE n:As SET n.name = 'planted' RETURN n",
    "UNWIND [{AS: true}] AS m WITH m WHERE m.AS CREATE (:Disease {id: 'planted'})",
    "MATCH (n:Compound) RETURN n AS create",
]
SCHEMA = [
    "DROP CONSTRAINT compound_id",
    "DROP CONSTRAINT compound_id IF EXISTS",
    "CREATE INDEX planted IF NOT EXISTS FOR (n:Symptom) ON (n.name)",
    "CREATE CONSTRAINT planted IF NOT EXISTS FOR (n:Symptom) REQUIRE n.name IS UNIQUE",
    "CREATE INDEX ON :Symptom(name)",
    "ALTER DATABASE neo4j SET ACCESS READ ONLY",
]
ADMIN = [
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW USERS",
    "USE system SHOW USERS",
    "STOP DATABASE neo4j",
    "CREATE USER planted SET PASSWORD 'x'",
    "MATCH (n) RETURN n USE system",
]


def _files(secret_path: str) -> list[str]:
    url = f"file://{secret_path}"
    return [
        f"LOAD CSV FROM '{url}' AS l RETURN l",
        f"LOAD CSV FROM '{secret_path}' AS l RETURN l",
        f"LOAD CSV WITH HEADERS FROM '{url}' AS l RETURN l",
        f"MATCH (n) WITH n LIMIT 1 LOAD CSV FROM '{url}' AS l RETURN l",
        f"CALL {{ LOAD CSV FROM '{url}' AS l RETURN l }} RETURN l",
        "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS l RETURN l",
        "LOAD CSV FROM 'https://93.184.216.34/x.csv' AS l RETURN l",
        f"CALL apoc.load.csv('{url}') YIELD list RETURN list",
    ]


def _comment_forms(payload: str) -> list[str]:
    """``payload`` hidden after a comment in every way a lexer might disagree with the server."""
    forms = [f"//{t}{payload}" for t in _TERMINATORS]
    forms += [f"MATCH (n) RETURN n //x{t}{payload}" for t in _TERMINATORS]
    forms += [f"/* a /* nested */ {payload} */ RETURN 1", f"/* unterminated {payload}",
              f"RETURN 1 /* x */ {payload}", f"/**/{payload}", f"/*\r*/{payload}"]
    forms += [f"RETURN `a` {payload}"]
    return forms


def _quoting_forms(payload: str) -> list[str]:
    """``payload`` inside a literal by medkg's reading; harmless only if the server reads literals the same way."""
    return [f"RETURN 'a\\' {payload} //' AS x", f'RETURN "a\\" {payload} //" AS x', f"RETURN `x``{payload}` AS x",
            f"RETURN 'a\\\\' AS x, '{payload} //' AS y", f"RETURN '\\u0027 {payload} //' AS x",
            f"RETURN '{payload}' + '"]


def attempts(secret_path: str) -> list[str]:
    out = WRITES + SCHEMA + ADMIN + _files(secret_path)
    for payload in (WRITES[0], SCHEMA[2], _files(secret_path)[0], ADMIN[1]):
        out += _comment_forms(payload)
    out += [f"{c} CSV FROM 'file://{secret_path}' AS l RETURN l" for c in _CONFUSABLES[:2]]
    out += [f"MATCH (n) {c} n" for c in _CONFUSABLES[2:]]
    out += ["MATCH (n) RETURN " + "(" * 5000 + "1" + ")" * 5000,
            "MATCH (n) RETURN " + "[" * 200 + "]" * 200,
            "MATCH (n) RETURN 1 " + "/*" * 20_000,
            "RETURN '" + "\\'" * 20_000,
            "MATCH (n) RETURN n" + " " * (MAX_QUERY_CHARS + 1),
            "\x00MATCH (n) DETACH DELETE n", "MATCH (n)\x00DETACH DELETE n"]
    return out


def harmless(secret_path: str) -> list[str]:
    out = []
    for payload in (WRITES[0], SCHEMA[2], _files(secret_path)[0]):
        out += _quoting_forms(payload)
    return out


@pytest.fixture(scope="module")
def secret_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("secret") / "pseudonym.key"
    path.write_text(f"{SECRET}\n{SECRET},{SECRET}\n")
    return str(path)


# -- the parse, without a server ----------------------------------------------------------------------------


def test_every_attempt_is_refused_by_the_parse(secret_file):
    for q in attempts(secret_file):
        with pytest.raises((ReadOnlyError, QuerySyntaxError)):
            check_read_only(q)


@pytest.mark.parametrize("query", [
    "MATCH (n:Disease) WHERE n.name =~ '(?i).*diabetes.*' RETURN n.id AS id, count(*) AS c ORDER BY id LIMIT 5",
    "MATCH (:Patient {id: $patient})-[m:MENTIONS]->(d:Disease) RETURN d.name, m.evidence_count",
    "MATCH (c:Compound {id: 'DB00722'})-[f:CAUSES]->(e) MATCH (ev:Evidence {edge: f.key}) RETURN e.name, ev.text",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('names', 'diabetes') YIELD node, score RETURN node.name, score",
    "MATCH (n) RETURN n {.id, .name, set: 1, delete: n.start} AS m",
    "MATCH (n) CALL { WITH n MATCH (n)-->(m) RETURN count(m) AS c } RETURN n, c",
    "MATCH (n) WITH n, [x IN range(1, 3) | x * 2] AS l RETURN n, EXISTS { MATCH (n)-->() } AS e",
    "MATCH (n) RETURN n.id AS id UNION ALL MATCH (m) RETURN m.id AS id",
    "MATCH (n:Compound) WHERE n.name <> 'CREATE or DELETE' RETURN n.set AS start, $create // SET\n LIMIT 1",
    "MATCH p = shortestPath((a:Compound)-[*..3]-(b:Disease)) RETURN length(p)",
    "MATCH (n) WHERE n.name = 'naïve – ümlaut' RETURN n",
])
def test_read_queries_pass_the_parse(query):
    check_read_only(query)


def test_comments_end_at_every_line_terminator():
    for t in _TERMINATORS:
        words = [tok.text for tok in tokenize(f"RETURN 1 // c{t}LIMIT 1")]
        assert words == ["RETURN", "1", "LIMIT", "1"], repr(t)


def test_backticked_procedure_names_are_resolved():
    with pytest.raises(ReadOnlyError, match="db.createLabel"):
        check_read_only("CALL `db`.`createLabel`('x')")
    check_read_only("CALL `db`.`labels`() YIELD label RETURN label")


def test_the_parse_is_linear_in_the_query_length():
    def seconds(q: str) -> float:
        best = float("inf")
        for _ in range(3):  # the best of three: a busy machine only ever adds time
            t = time.perf_counter()
            with pytest.raises((ReadOnlyError, QuerySyntaxError)):
                check_read_only(q + " DELETE n")
            best = min(best, time.perf_counter() - t)
        return best

    for unit in ("/**/", "//\r", "'\\'' + ", "(", "`a`.", "n.x + "):
        small, large = seconds(unit * (2_000 // len(unit))), seconds(unit * (80_000 // len(unit)))
        # 40x the input may cost ~40x the time; a quadratic scan would cost ~1600x
        assert large < 200 * max(small, 1e-4), (unit, small, large)


def test_a_megabyte_query_is_refused_before_it_is_read():
    t = time.perf_counter()
    with pytest.raises(ReadOnlyError, match="over the limit"):
        check_read_only("MATCH (n) RETURN n " + "/*" * 500_000)
    assert time.perf_counter() - t < 1.0


# -- on the stores --------------------------------------------------------------------------------------------


def _state(store) -> tuple:
    return store.counts(), store.indexes()


def test_attempts_leave_graph_and_schema_unchanged(graph_store, secret_file):
    graph_store.add_triples([treats("d1", 0)])
    before = _state(graph_store)
    for q in attempts(secret_file):
        try:
            rows = graph_store.query(q)
        except (ReadOnlyError, QuerySyntaxError, StoreError) as err:
            assert SECRET not in str(err)
        else:
            pytest.fail(f"not refused: {q[:80]!r} returned {str(rows)[:80]}")
    for q in harmless(secret_file):
        try:
            rows = graph_store.query(q)
        except (ReadOnlyError, QuerySyntaxError, StoreError) as err:
            assert SECRET not in str(err)
        else:
            assert SECRET not in str(rows)
    assert _state(graph_store) == before
    assert graph_store.query("MATCH (c:Compound) RETURN c.name AS n") == [{"n": "Metformin"}]


@pytest.mark.parametrize("query", WRITES[:5] + SCHEMA[:4] + ["CALL db.createLabel('Planted')"])
def test_the_server_refuses_writes_without_medkg_parse(graph_store, monkeypatch, query):
    """Second layer: with medkg's own parse switched off, the server's controls still refuse each write."""
    graph_store.add_triples([treats("d1", 0)])
    before = _state(graph_store)
    monkeypatch.setattr("medkg.kg.store.check_read_only", lambda q: tokenize(q))
    with pytest.raises((ReadOnlyError, StoreError)):
        graph_store.query(query)
    assert _state(graph_store) == before


def test_the_embedded_server_reads_no_files_without_medkg_parse(graph_store, monkeypatch, secret_file):
    if graph_store.backend.name != "embedded":
        pytest.skip("Neo4j confines LOAD CSV to its import folder by its own configuration")
    monkeypatch.setattr("medkg.kg.store.check_read_only", lambda q: tokenize(q))
    for q in _files(secret_file)[:3] + _files(secret_file)[5:7]:
        with pytest.raises((ReadOnlyError, StoreError)) as err:
            graph_store.query(q)
        assert SECRET not in str(err.value)
    # not even the root user: LOAD CSV file and network access are off in the server's configuration
    with pytest.raises(StoreError, match="disabled|not allowed|Forbidden"):
        graph_store.execute_write(f"LOAD CSV FROM 'file://{secret_file}' AS l RETURN l")


def test_row_and_time_limits(graph_store):
    graph_store.add_triples([treats(f"d{i}", 0) for i in range(3)])
    assert len(graph_store.query("UNWIND range(1, 50) AS x RETURN x", max_rows=50)) == 50
    with pytest.raises(ReadOnlyError, match="more than 49 rows"):
        graph_store.query("UNWIND range(1, 50) AS x RETURN x", max_rows=49)
    with pytest.raises(Exception, match="timeout must be > 0"):
        graph_store.query("RETURN 1", timeout=0)


def test_the_parse_is_the_same_module_the_store_uses():
    import medkg.kg.store

    assert medkg.kg.store.check_read_only is readonly.check_read_only


def test_a_constraint_planted_by_a_writer_is_reported(graph_store, caplog):
    """The read path cannot change the schema; if a writer did, the next ingest says so instead of failing silently."""
    from medkg.kg.store import GraphStore

    graph_store.execute_write("CREATE CONSTRAINT planted_name IF NOT EXISTS FOR (n:Symptom) REQUIRE n.name IS UNIQUE")
    try:
        fresh = GraphStore(graph_store.backend)
        with caplog.at_level("WARNING", logger="medkg.kg.store"):
            fresh.ensure_schema()
        assert "planted_name" in caplog.text
        rows = [{"id": "D1", "name": "pain"}, {"id": "D2", "name": "pain"}]  # a repeated name breaks the constraint
        with pytest.raises(StoreError, match="planted_name"):  # named at once, not retried as a conflict
            fresh.write_rows("UNWIND $rows AS r MERGE (n:Symptom {id: r.id}) SET n.name = r.name", rows)
        fresh.close()
    finally:
        graph_store.execute_write("DROP CONSTRAINT planted_name IF EXISTS")


def test_a_query_that_exhausts_the_heap_stops_the_embedded_server_which_comes_back(tmp_path, monkeypatch):
    """A runaway list expression escapes ArcadeDB's per-query memory budgets; the server must not live on in an
    unknown state after the OutOfMemoryError, and the next command must find a working one."""
    from medkg.kg import embedded
    from medkg.kg.store import connect

    monkeypatch.setenv("MEDKG_JVM_HEAP", "1g")
    home = tmp_path / "home"
    first = embedded.ensure_server(home)
    try:
        with connect("embedded", home=home) as store, pytest.raises(StoreError):
            store.query("WITH range(1, 2000000) AS r WITH r+r+r+r+r+r+r+r AS a WITH a+a+a+a+a+a+a+a AS b "
                        "RETURN size(b+b+b+b) AS n")
        deadline = time.monotonic() + 60  # the JVM exits on the error; on a loaded machine that takes a moment
        while embedded._alive(first.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not embedded._alive(first.pid), "the server lived on after running out of memory"
        again = embedded.ensure_server(home)
        assert again.pid != first.pid
        with connect("embedded", home=home) as store:
            assert store.query("RETURN 1 AS ok") == [{"ok": 1}]
    finally:
        embedded.stop_server(home)
