"""medkg: clinical notes, literature and scans in; a trustworthy, queryable medical knowledge graph out; a graph
neural network reasoning over it.

The product's layers, each a subpackage: :mod:`medkg.kg` (the graph core: typed models, schema, stores, fusion,
read-only queries, exports), and on top of it :mod:`medkg.nlp` (text to triples), :mod:`medkg.imaging` (scans to
findings) and :mod:`medkg.gnn` (reasoning over the graph). This package is the application layer: the console
command (:mod:`medkg.cli`), the main job (:mod:`medkg.mainjob`) and the public entry points below::

    import medkg

    with medkg.connect() as store:              # embedded ArcadeDB, started if needed; or store="neo4j"
        store.add_triples(triples)
    rows = medkg.query("MATCH (c:Compound)-[:TREATS]->(d:Disease {id: $id}) RETURN c.name AS drug",
                       {"id": "DOID:2377"})
    report = medkg.extract(["notes/"], "triples.jsonl")   # de-identified, resumable batch extraction
    medkg.ingest("triples.jsonl")
    nlp = medkg.load()                           # the spaCy pipeline: NER, linking, assertion, relations
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The entry points are resolved on first use: ``import medkg`` (and so every ``medkg`` console command, whose
# module lives in this package) would otherwise import torch, spaCy and transformers before doing anything,
# ~4 s, where ``medkg --help`` takes 0.2 s.
_EXPORTS = {
    "connect": "medkg.kg.store",
    "query": "medkg.kg.store",
    "ingest": "medkg.kg.ingest",
    "Concept": "medkg.kg.models",
    "Provenance": "medkg.kg.models",
    "Triple": "medkg.kg.models",
    "MedkgError": "medkg.kg.errors",
    "extract": "medkg.nlp.extract",
    "load": "medkg.nlp.spacy_components",
}

__all__ = ["Concept", "MedkgError", "Provenance", "Triple", "__version__", "connect", "extract", "ingest", "load",
           "query"]

if TYPE_CHECKING:
    from medkg.kg.errors import MedkgError
    from medkg.kg.ingest import ingest
    from medkg.kg.models import Concept, Provenance, Triple
    from medkg.kg.store import connect, query
    from medkg.nlp.extract import extract
    from medkg.nlp.spacy_components import load


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'medkg' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
