"""Ingestion benchmark: medkg's fusion against the store's own batched MERGE, in the same run on the same store.

    python scripts/bench_ingest.py --triples 100000 [--row-sample 500] [--prior] [--store neo4j]
    python scripts/bench_ingest.py --growth 1000000 [--block 100000] [--store neo4j]

The first form prints, as rows per second: the store's plain ``UNWIND $rows MERGE (n:Label {id: r.id})`` over as
many rows as there are triples (the reference), medkg's batched fusion of uniformly drawn triples and its fraction
of the reference, the re-ingest of the same triples (a no-op) and its speed-up over the first ingest, and fusion one
triple per transaction (row-by-row). With ``--prior`` it also times the full Hetionet v1.0 import.

``--growth N`` fuses N triples whose concepts are drawn with Zipf-distributed popularity (a few edges gather tens of
thousands of evidence) and prints the throughput of each successive block and the last block's ratio to the first:
the cost of a triple must not grow with the graph. Peak RSS of client and server is printed in both forms. Uses a
fresh MEDKG_HOME (or wipes the Neo4j database given by NEO4J_URI).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from medkg.kg.models import Concept, Provenance, Triple

PREDICATES = [("Compound", "TREATS", "Disease"), ("Compound", "CAUSES", "SideEffect"),
              ("Disease", "PRESENTS", "Symptom"), ("Document", "MENTIONS", "Disease")]
ASSERTIONS = ["present"] * 8 + ["negated", "possible"]
#: Concepts per label and the Zipf exponent of their popularity in ``--growth``.
SUBJECTS, OBJECTS, ZIPF_S = 3000, 5000, 1.3


def _triple(i: int, s_label: str, pred: str, o_label: str, s: int, o: int, rng: random.Random) -> Triple:
    return Triple(subject=Concept(label=s_label, id=f"{s_label[:3].upper()}:{s}", name=f"{s_label} {s % 97}"),
                  predicate=pred, object=Concept(label=o_label, id=f"{o_label[:3].upper()}:{o}"),
                  assertion=rng.choice(ASSERTIONS), confidence=round(rng.random(), 3),
                  provenance=Provenance(doc_id=f"doc{i // 20}", sentence_index=i % 20, start=0, end=10,
                                        text="0123456789", extractor="bench", version="1"))


def synthetic_triples(n: int, seed: int = 0) -> list[Triple]:
    """Triples over uniformly drawn concepts."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        s_label, pred, o_label = rng.choice(PREDICATES)
        out.append(_triple(i, s_label, pred, o_label, rng.randrange(SUBJECTS), rng.randrange(OBJECTS), rng))
    return out


def zipf_triples(n: int, seed: int = 0) -> Iterator[Triple]:
    """Triples whose subject and object are drawn with Zipf popularity (rank r has weight 1 / r^s), streamed."""
    rng = random.Random(seed)
    cum_s = list(itertools.accumulate(1 / r ** ZIPF_S for r in range(1, SUBJECTS + 1)))
    cum_o = list(itertools.accumulate(1 / r ** ZIPF_S for r in range(1, OBJECTS + 1)))
    for i in range(n):
        s_label, pred, o_label = PREDICATES[i % 2]  # TREATS and CAUSES: concept to concept, as in literature
        [s] = rng.choices(range(SUBJECTS), cum_weights=cum_s)
        [o] = rng.choices(range(OBJECTS), cum_weights=cum_o)
        yield _triple(i, s_label, pred, o_label, s, o, rng)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def store_reference(store, n: int, batch_size: int) -> float:
    """Rows/s of the store's own batched MERGE of ``n`` plain nodes on a label with a uniqueness constraint (the
    ceiling fusion is compared with); the nodes are deleted afterwards."""
    rows = [{"id": f"bench-reference:{i}"} for i in range(n)]
    seconds = timed(lambda: store.write_rows("UNWIND $rows AS r MERGE (n:Gene {id: r.id})", rows, batch_size))
    store.write_rows("UNWIND $rows AS r MATCH (n:Gene {id: r.id}) DELETE n", rows, batch_size)
    return n / seconds


def growth(store, n: int, block: int, batch_size: int) -> dict:
    """Fuse ``n`` Zipf-skewed triples block by block; throughput per block."""
    rates, stream = [], zipf_triples(n)
    while chunk := list(itertools.islice(stream, block)):
        rates.append(round(len(chunk) / timed(lambda: store.add_triples(chunk, batch_size=batch_size)), 1))
        print(f"block {len(rates)}: {rates[-1]} triples/s", flush=True)
    [top] = store.query("MATCH ()-[f]->() WHERE f.evidence_count IS NOT NULL "
                        "RETURN max(f.evidence_count) AS most, count(f) AS edges")
    return {"growth_triples": n, "block": block, "block_triples_per_s": rates,
            "last_block_over_first": round(rates[-1] / rates[0], 2), "edges": top["edges"],
            "most_evidence_on_one_edge": top["most"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--row-sample", type=int, default=500,
                    help="triples for the row-by-row baseline (it is slow)")
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--growth", type=int, default=0, metavar="N",
                    help="instead: fuse N Zipf-skewed triples and print the throughput of each block")
    ap.add_argument("--block", type=int, default=100_000)
    ap.add_argument("--prior", action="store_true", help="also time the full Hetionet v1.0 import")
    ap.add_argument("--store", default="embedded")
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # the server's notices about labels not created yet

    if args.store == "embedded":
        os.environ["MEDKG_HOME"] = tempfile.mkdtemp(prefix="medkg-bench-")
    from medkg.kg import embedded, prior
    from medkg.kg.store import connect

    result: dict = {"store": args.store, "batch_size": args.batch_size}
    with connect(args.store) as store:
        store.clear()
        store.ensure_schema()
        # warm the server (JIT, caches) on both paths first, so that neither side and no block pays for it
        store_reference(store, args.batch_size, args.batch_size)
        store.add_triples(synthetic_triples(args.batch_size, seed=1), batch_size=args.batch_size)
        store.clear()
        if args.growth:
            result |= growth(store, args.growth, args.block, args.batch_size)
        else:
            triples = synthetic_triples(args.triples)
            sample = triples[: args.row_sample]
            reference = store_reference(store, len(triples), args.batch_size)
            t_batched = timed(lambda: store.add_triples(triples, batch_size=args.batch_size))
            t_again = timed(lambda: store.add_triples(triples, batch_size=args.batch_size))
            counts = store.counts()
            store.clear()
            t_rows = timed(lambda: store.add_triples(sample, batch_size=1))
            fusion = len(triples) / t_batched
            result |= {
                "triples": len(triples), "row_sample": len(sample),
                "store_reference_merge_rows_per_s": round(reference, 1),
                "fusion_triples_per_s": round(fusion, 1),
                "fusion_fraction_of_reference": round(fusion / reference, 3),
                "reingest_triples_per_s": round(len(triples) / t_again, 1),
                "reingest_speedup_over_first": round(t_batched / t_again, 1),
                "row_by_row_triples_per_s": round(len(sample) / t_rows, 1),
                "speedup_batched_vs_row_by_row": round(fusion / (len(sample) / t_rows), 1),
                "graph_after_ingest": counts,
            }
        if args.prior:
            store.clear()
            t_prior = timed(lambda: prior.load_prior(store))
            t_prior_again = timed(lambda: prior.load_prior(store))
            graph = store.counts()
            result |= {"hetionet_import_seconds": round(t_prior, 1),
                       "hetionet_reimport_seconds": round(t_prior_again, 1),
                       "hetionet_import_edges_per_s": round(sum(graph["relationships"].values()) / t_prior),
                       "hetionet_graph": graph}
    result["client_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    info = embedded.running_server() if args.store == "embedded" else None
    server_pid = info.pid if info else os.environ.get("NEO4J_PID")  # a local Neo4j started with its pid exported
    status = Path(f"/proc/{server_pid}/status")
    if server_pid and status.exists():
        hwm = [line for line in status.read_text().splitlines() if line.startswith("VmHWM")]
        result["server_peak_rss"] = hwm[0].split(":", 1)[1].strip() if hwm else None
    if info:
        embedded.stop_server()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
