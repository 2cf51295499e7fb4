"""Shared fixtures.

``graph_store`` is a clean graph on a real server reached through the neo4j driver: medkg's embedded ArcadeDB
server (one per test session, in a temporary ``MEDKG_HOME``) and, when ``NEO4J_URI`` is set, the same tests again
against that Neo4j (marker ``neo4j``; the tests wipe that database, so point them at a test server only; at the
end it is left empty, with the constraints and indexes it had before). Tests that run a command pass it
``--store graph_store.backend.name`` (the URI travels in ``NEO4J_URI``), so that the neo4j variant reaches Neo4j.
"""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# derived files (the NER's ONNX export) go to one temporary folder per test run, not the user's MEDKG_HOME
os.environ.setdefault("MEDKG_CACHE_DIR", tempfile.mkdtemp(prefix="medkg-test-cache-"))
# a fixed pseudonym key for the whole run (module- and session-scoped fixtures included), so no test creates a key
# file in the user's real config folder; tests of the key itself set their own
TEST_KEY = "medkg-test-key-0123456789abcdef"
os.environ["MEDKG_PSEUDONYM_KEY"] = TEST_KEY
os.environ.pop("MEDKG_PSEUDONYM_KEY_FILE", None)


@pytest.fixture(scope="session")
def embedded_home(tmp_path_factory):
    from medkg.kg import embedded

    home = tmp_path_factory.mktemp("medkg-home")
    old = os.environ.get("MEDKG_HOME")
    os.environ["MEDKG_HOME"] = str(home)
    os.environ.setdefault("MEDKG_JVM_HEAP", "2g")
    embedded.ensure_server(home)
    yield home
    embedded.stop_server(home)
    if old is None:
        os.environ.pop("MEDKG_HOME", None)
    else:
        os.environ["MEDKG_HOME"] = old


_STORES = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def _schema(store) -> tuple[set[str], set[str]]:
    """The names of the database's constraints and of its indexes that no constraint owns."""
    constraints = {r["name"] for r in store.execute_write("SHOW CONSTRAINTS YIELD name RETURN name")}
    indexes = {r["name"] for r in store.execute_write("SHOW INDEXES YIELD name, owningConstraint "
                                                      "WHERE owningConstraint IS NULL RETURN name")}
    return constraints, indexes


def _restore_schema(store, before: tuple[set[str], set[str]]) -> None:
    """Drop what the session added (medkg's own constraints too, unless the database had them before)."""
    constraints, indexes = _schema(store)
    for name in sorted(constraints - before[0]):
        store.execute_write(f"DROP CONSTRAINT `{name}` IF EXISTS")
    for name in sorted(indexes - before[1]):
        store.execute_write(f"DROP INDEX `{name}` IF EXISTS")


@pytest.fixture(scope="session", params=_STORES)
def _session_store(request, tmp_path_factory):
    from medkg.kg.store import connect

    if request.param == "neo4j":
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("NEO4J_URI is not set")
        store = connect("neo4j")
        schema = _schema(store)
    else:
        home = request.getfixturevalue("embedded_home")
        store = connect("embedded", home=home)
    yield store
    if request.param == "neo4j":  # leave the Neo4j database as the tests found it: empty, and its schema
        store.clear()
        _restore_schema(store, schema)
    store.close()


@pytest.fixture
def graph_store(_session_store):
    """A connected :class:`medkg.kg.store.GraphStore` with an empty graph."""
    _session_store.clear()
    yield _session_store


@pytest.fixture(autouse=True)
def _pseudonym_key(monkeypatch):
    """A fixed test key, so that no test creates a key file in the user's real config folder."""
    monkeypatch.setenv("MEDKG_PSEUDONYM_KEY", TEST_KEY)
    monkeypatch.delenv("MEDKG_PSEUDONYM_KEY_FILE", raising=False)
