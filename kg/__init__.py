"""medkg's graph: typed models, the store (embedded ArcadeDB or Neo4j), fusion, queries and exports.

Quick use::

    import kg
    rows = kg.query("MATCH (c:Compound)-[:TREATS]->(d:Disease {id: $id}) RETURN c.name AS drug", {"id": "DOID:2377"})
"""

from __future__ import annotations

__version__ = "0.1.0"


def query(cypher: str, params: dict | None = None, *, store: str | None = None, as_dataframe: bool = False,
          **limits: float):
    """Run a read-only Cypher query against the configured store (records as dicts, or a DataFrame).

    ``limits``: ``timeout`` (seconds) and ``max_rows``, as in :meth:`kg.store.GraphStore.query`.
    """
    from kg.store import connect

    with connect(store) as s:
        return s.query_df(cypher, params, **limits) if as_dataframe else s.query(cypher, params, **limits)
