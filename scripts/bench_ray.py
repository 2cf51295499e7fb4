"""Batch extraction on Ray against the local engine, on the same documents in one process.

    python scripts/bench_ray.py [--docs 96] [--pubtator FILE] [--num-cpus 2] [--num-gpus 0] [--relations]

Documents: the abstracts of ``--pubtator`` (e.g. a BC5CDR PubTator file), or the shipped sample abstracts
(``kg/data/samples/abstracts.jsonl``) repeated with a number appended until there are ``--docs``. Each engine runs
``medkg extract``'s full path (reading, de-identification policy, the shipped pipeline, commit log, outputs) on the
same documents into a fresh output, twice: with half the documents and with all of them, so

* ``docs/s`` = documents / wall time of the full run (start-up included, as a user sees it);
* ``steady docs/s`` = the extra documents / the extra time (start-up excluded);
* ``start-up s`` = what the full run took beyond its documents at the steady rate (Ray: instance + actors + models);
* ``overhead ms/doc`` = Ray's steady time per document minus the local engine's (scheduling, serialization).

Rows: the local engine (one process, ``--num-cpus`` torch threads; the baseline, ratio 1.00), Ray with one worker
(``--num-cpus`` CPUs) and with two workers (half each). With ``--num-gpus 1`` a fourth row runs one GPU worker at
batch 256. Each row also prints steady sentences/s (sentences by medkg's splitter). Ray's instance is local and
started by each run (as the command does). A warm-up run first (8 documents, local) fills the model caches.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medkg.nlp.engines import RayOptions  # noqa: E402
from medkg.nlp.extract import default_pipeline_factory, extract  # noqa: E402
from medkg.nlp.literature import read_pubtator  # noqa: E402


def _documents(n: int, pubtator: str | None) -> list[dict]:
    if pubtator:
        rows = [lit.row for lit in read_pubtator(Path(pubtator)) if lit.row is not None]
    else:
        with open(ROOT / "kg" / "data" / "samples" / "abstracts.jsonl", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    docs = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        row["id"] = f"{row['id']}-{i}"
        row["note_type"] = "abstract"  # literature: no de-identification, as for PubMed
        if i >= len(rows):
            row["text"] = f"{row['text']} ({i})"
        docs.append(row)
    return docs


def _sentences(docs: list[dict]) -> int:
    import spacy

    import medkg.nlp.spacy_components  # noqa: F401  (registers medkg_sentences)

    splitter = spacy.blank("en")
    splitter.add_pipe("medkg_sentences")
    return sum(sum(1 for _ in doc.sents) for doc in splitter.pipe(d["text"] for d in docs))


def _run(docs: list[dict], engine: str, ray: RayOptions | None, threads: int, relations: bool,
         batch_size: int, device: str | None) -> tuple[float, int]:
    import functools

    import torch

    torch.set_num_threads(threads)
    work = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    try:
        src = work / "docs.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs))
        factory = functools.partial(default_pipeline_factory, device, relations, True)
        t0 = time.perf_counter()
        out = work / ("out" if engine == "ray" else "out.jsonl")
        report = extract([src], out, engine=engine, ray=ray, pipeline_factory=factory, progress=False,
                         batch_size=batch_size, deid="auto")
        return time.perf_counter() - t0, report.documents
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=96)
    ap.add_argument("--pubtator")
    ap.add_argument("--num-cpus", type=int, default=2)
    ap.add_argument("--num-gpus", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--relations", action="store_true")
    args = ap.parse_args()
    docs = _documents(args.docs, args.pubtator)
    per_doc = _sentences(docs) / len(docs)
    half = docs[: len(docs) // 2]
    rows = [("local (1 process)", "local", None, args.num_cpus, None),
            ("ray, 1 worker", "ray", RayOptions(num_cpus=args.num_cpus, workers=1), 1, "cpu"),
            ("ray, 2 workers", "ray", RayOptions(num_cpus=args.num_cpus, workers=2), 1, "cpu")]
    if args.num_gpus:
        rows.append(("ray, 1 GPU worker", "ray", RayOptions(num_cpus=args.num_cpus, num_gpus=1, workers=1), 1,
                     None))
    _run(docs[:8], "local", None, args.num_cpus, args.relations, args.batch_size, None)  # warm-up
    results = []
    for name, engine, ray, threads, device in rows:
        batch = 256 if ray is not None and ray.num_gpus else args.batch_size
        t_half, _ = _run(half, engine, ray, threads, args.relations, batch, device)
        t_full, n = _run(docs, engine, ray, threads, args.relations, batch, device)
        extra = len(docs) - len(half)
        steady = extra / max(t_full - t_half, 1e-9)
        startup = max(0.0, t_full - len(docs) / steady)
        results.append({"engine": name, "docs": n, "wall_s": round(t_full, 1), "docs_s": round(n / t_full, 2),
                        "steady_docs_s": round(steady, 2), "steady_sentences_s": round(steady * per_doc, 1),
                        "startup_s": round(startup, 1)})
        print(json.dumps(results[-1]), flush=True)
    base = results[0]
    print(f"\n{'engine':<20}{'docs/s':>9}{'ratio':>8}{'steady docs/s':>15}{'ratio':>8}{'start-up s':>12}"
          f"{'overhead ms/doc':>17}")
    for r in results:
        overhead = (1 / r["steady_docs_s"] - 1 / base["steady_docs_s"]) * 1000
        print(f"{r['engine']:<20}{r['docs_s']:>9.2f}{r['docs_s'] / base['docs_s']:>8.2f}{r['steady_docs_s']:>15.2f}"
              f"{r['steady_docs_s'] / base['steady_docs_s']:>8.2f}{r['startup_s']:>12.1f}"
              f"{'' if r is base else f'{overhead:+.1f}':>17}")
    print(f"\n{len(docs)} documents, {sum(len(d['text']) for d in docs) / len(docs):.0f} characters and "
          f"{per_doc:.1f} sentences each on average; "
          f"relations {'on' if args.relations else 'off'}; --num-cpus {args.num_cpus}")


if __name__ == "__main__":
    main()
