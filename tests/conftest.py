"""Shared fixtures.

``graph_store`` is a clean graph on a real server reached through the neo4j driver: medkg's embedded ArcadeDB
server (one per test session, in a temporary ``MEDKG_HOME``) and, when ``NEO4J_URI`` is set, the same tests again
against that Neo4j (marker ``neo4j``; the tests wipe that database, so point them at a test server only).
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
    from kg import embedded

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


@pytest.fixture(scope="session", params=_STORES)
def _session_store(request, tmp_path_factory):
    from kg.store import connect

    if request.param == "neo4j":
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("NEO4J_URI is not set")
        store = connect("neo4j")
    else:
        home = request.getfixturevalue("embedded_home")
        store = connect("embedded", home=home)
    yield store
    if request.param == "neo4j":
        store.clear()  # leave the Neo4j database as empty as the tests found it
    store.close()


@pytest.fixture
def graph_store(_session_store):
    """A connected :class:`kg.store.GraphStore` with an empty graph."""
    _session_store.clear()
    yield _session_store


@pytest.fixture(autouse=True)
def _pseudonym_key(monkeypatch):
    """A fixed test key, so that no test creates a key file in the user's real config folder."""
    monkeypatch.setenv("MEDKG_PSEUDONYM_KEY", TEST_KEY)
    monkeypatch.delenv("MEDKG_PSEUDONYM_KEY_FILE", raising=False)
