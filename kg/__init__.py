"""The graph core: typed models, schema, Cypher builders, the stores (embedded ArcadeDB or Neo4j), fusion, ingest,
the Hetionet prior, read-only queries, pseudonymization and exports to PyG and networkx.

It imports nothing from the packages built on it (:mod:`medkg.nlp`, :mod:`medkg.imaging`, :mod:`medkg.gnn`) nor
from the application layer; ``tests/test_layers.py`` checks that.
"""
