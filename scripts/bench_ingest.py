"""Ingestion benchmark: batched UNWIND…MERGE vs row-by-row writes, on the embedded store (and Neo4j if set).

    python scripts/bench_ingest.py --triples 100000 [--row-sample 100000] [--prior] [--store neo4j]

Prints triples/s for each mode and their ratio, the idempotent re-ingest time, and with ``--prior`` the time of
the full Hetionet v1.0 import. Uses a fresh MEDKG_HOME (or wipes the Neo4j database given by NEO4J_URI).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from kg.models import Concept, Provenance, Triple

PREDICATES = [("Compound", "TREATS", "Disease"), ("Compound", "CAUSES", "SideEffect"),
              ("Disease", "PRESENTS", "Symptom"), ("Document", "MENTIONS", "Disease")]
ASSERTIONS = ["present"] * 8 + ["negated", "possible"]


def synthetic_triples(n: int, seed: int = 0) -> list[Triple]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        s_label, pred, o_label = rng.choice(PREDICATES)
        s = Concept(label=s_label, id=f"{s_label[:3].upper()}:{rng.randrange(3000)}", name=f"{s_label} {i % 97}")
        o = Concept(label=o_label, id=f"{o_label[:3].upper()}:{rng.randrange(5000)}")
        out.append(Triple(subject=s, predicate=pred, object=o, assertion=rng.choice(ASSERTIONS),
                          confidence=round(rng.random(), 3),
                          provenance=Provenance(doc_id=f"doc{i // 20}", sentence_index=i % 20, start=0, end=10,
                                                text="0123456789", extractor="bench", version="1")))
    return out


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--row-sample", type=int, default=None,
                    help="triples for the row-by-row baseline (default: all; it is slow)")
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--prior", action="store_true", help="also time the full Hetionet v1.0 import")
    ap.add_argument("--store", default="embedded")
    args = ap.parse_args()

    if args.store == "embedded":
        os.environ["MEDKG_HOME"] = tempfile.mkdtemp(prefix="medkg-bench-")
    from kg import embedded, prior
    from kg.store import connect

    triples = synthetic_triples(args.triples)
    sample = triples[: args.row_sample or len(triples)]
    result: dict = {"store": args.store, "triples": len(triples), "row_sample": len(sample),
                    "batch_size": args.batch_size}
    with connect(args.store) as store:
        store.clear()
        store.ensure_schema()
        t_batched = timed(lambda: store.add_triples(triples, batch_size=args.batch_size))
        t_again = timed(lambda: store.add_triples(triples, batch_size=args.batch_size))
        counts = store.counts()
        store.clear()
        t_rows = timed(lambda: store.add_triples(sample, batch_size=1))
        result |= {
            "batched_triples_per_s": round(len(triples) / t_batched, 1),
            "row_by_row_triples_per_s": round(len(sample) / t_rows, 1),
            "speedup_batched_vs_row_by_row": round((len(triples) / t_batched) / (len(sample) / t_rows), 1),
            "reingest_seconds": round(t_again, 1), "first_ingest_seconds": round(t_batched, 1),
            "graph_after_ingest": counts,
        }
        if args.prior:
            store.clear()
            t_prior = timed(lambda: prior.load_prior(store))
            t_prior_again = timed(lambda: prior.load_prior(store))
            result |= {"hetionet_import_seconds": round(t_prior, 1),
                       "hetionet_reimport_seconds": round(t_prior_again, 1),
                       "hetionet_graph": store.counts()}
    result["client_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if args.store == "embedded" and (info := embedded.running_server()):
        status = Path(f"/proc/{info.pid}/status")
        if status.exists():
            hwm = [l for l in status.read_text().splitlines() if l.startswith("VmHWM")]
            result["server_peak_rss"] = hwm[0].split(":", 1)[1].strip() if hwm else None
        embedded.stop_server()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
