"""``medkg nlp …``: thin Typer wrappers over :mod:`nlp` functions (heavy imports happen inside commands)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

GROUP = "nlp"
app = typer.Typer(help="Clinical NLP: NER, normalization, assertion, relations.", no_args_is_help=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


def _print_scores(title: str, scores: dict[str, dict[str, float]], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(scores, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for name, row in sorted(scores.items(), key=lambda kv: (kv[0] == "micro", kv[0])):
        table.add_row(name, f"{100 * row['precision']:.2f}", f"{100 * row['recall']:.2f}",
                      f"{100 * row['f1']:.2f}", str(row["support"]))
    Console().print(table)


@app.command("evaluate")
def evaluate_cmd(
    ner: Path = typer.Option(None, "--ner", help="Gold token-per-line IOB file (token<TAB>tag) to score NER on."),
    ner_docs: Path = typer.Option(None, "--ner-docs", help="Gold PubTator file: mentions of whole documents by exact "
                                  "offsets per type, and normalization accuracy@1 of the gold mentions found."),
    cid: Path = typer.Option(None, "--cid", help="Gold BioCreative V CDR PubTator file: end-to-end document-level "
                                                 "chemical-induced-disease P/R/F1."),
    ade: Path = typer.Option(None, "--ade", help="Gold ADE-corpus DRUG-AE.rel file: CAUSES relation P/R/F1 with "
                                                 "the gold drug/effect spans."),
    biored: Path = typer.Option(None, "--biored", help="Gold BioRED PubTator file: end-to-end document-level TREATS "
                                "(Negative_Correlation) and CAUSES (Positive_Correlation) chemical-disease P/R/F1."),
    gold_mentions: bool = typer.Option(False, "--gold-mentions", help="With --cid/--biored: use the file's mentions "
                                                                      "instead of the pipeline's (upper bound)."),
    sentence_level: bool = typer.Option(False, "--sentence-level", help="With --cid/--biored: the sentence-level relation "
                                        "path alone (pairs must share a sentence), for comparison."),
    prior_knowledge: bool = typer.Option(False, "--prior-knowledge", help="With --cid/--biored: the document-level "
                                         "relation models fitted with the Hetionet prior's known compound-disease "
                                         "edges as features."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Sentences per model batch."),
    transformer_only: bool = typer.Option(False, "--transformer-only", help="With --ner: score the transformer "
                                          "token classifier alone instead of the full pipeline."),
) -> None:
    """Score medkg against gold data: NER entity P/R/F1 (--ner), relations (--ade), end-to-end CID (--cid) and
    BioRED chemical-disease relations (--biored)."""
    from medkg.kg.errors import InputError

    if ner is None and cid is None and ade is None and biored is None and ner_docs is None:
        raise InputError("give a gold file to evaluate: --ner GOLD.tsv, --ner-docs GOLD.PubTator, --cid GOLD.PubTator, "
                         "--biored GOLD.PubTator or --ade DRUG-AE.rel")
    results: dict[str, dict] = {}
    if ner_docs is not None:
        from medkg.nlp.evaluate import evaluate_ner_documents_file

        results["ner_docs"] = evaluate_ner_documents_file(ner_docs, batch_size=batch_size)
        if ner is None and cid is None and ade is None and biored is None:  # one contract: its own JSON layout
            if fmt is OutputFormat.json:
                typer.echo(json.dumps(results["ner_docs"], indent=2))
            else:
                r = results["ner_docs"]
                _print_scores(f"Document NER on {ner_docs.name}",
                              {k: v for k, v in r.items() if isinstance(v, dict) and "f1" in v}, fmt)
                n = r["normalization"]
                typer.echo(f"normalization accuracy@1: {100 * n['accuracy']:.2f} % ({n['correct']} of {n['found']} "
                           "gold mentions found)")
            return
    if ner is not None:
        from medkg.nlp.evaluate import evaluate_ner_file

        results["ner"] = evaluate_ner_file(ner, batch_size=batch_size, transformer_only=transformer_only)
        if cid is None and ade is None and biored is None:  # the NER-only output shape stays as it was
            _print_scores(f"NER on {ner.name}", results["ner"], fmt)
            return
    from medkg.nlp.evaluate_relations import evaluate_ade_file, evaluate_biored_file, evaluate_cid_file, flat_scores

    if prior_knowledge and (sentence_level or (cid is None and biored is None)):
        raise typer.BadParameter("--prior-knowledge goes with --cid/--biored on the document-level path")

    if ade is not None:
        results["ade"] = evaluate_ade_file(ade, batch_size=batch_size)
    if cid is not None:
        results["cid"] = evaluate_cid_file(cid, gold_mentions=gold_mentions, batch_size=batch_size,
                                           document_level=not sentence_level, prior_knowledge=prior_knowledge)
    if biored is not None:
        results["biored"] = evaluate_biored_file(biored, gold_mentions=gold_mentions, batch_size=batch_size,
                                                 document_level=not sentence_level, prior_knowledge=prior_knowledge)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(results, indent=2))
        return
    if "ner" in results:
        _print_scores(f"NER on {ner.name}", results["ner"], fmt)
    if "ade" in results:
        _print_scores(f"ADE relations on {ade.name} (gold mentions)", flat_scores(results["ade"], "CAUSES"), fmt)
    if "cid" in results:
        _print_scores(f"CID on {cid.name} ({results['cid']['mentions']} mentions, {results['cid']['relations']}-level "
                      "relations)", flat_scores(results["cid"], "CID"), fmt)
    if "biored" in results:
        b = results["biored"]
        rows = {k: {m: b[k][m] for m in ("precision", "recall", "f1", "support")} for k in ("TREATS", "CAUSES", "micro")}
        _print_scores(f"BioRED chemical-disease relations on {biored.name} ({b['mentions']} mentions)", rows, fmt)


def extract(
    inputs: list[Path] = typer.Argument(..., help="Folders, .txt / .jsonl / .csv files, or literature: PubMed or "
                                                  "BioC .xml(.gz), BioC .json, .pubtator files."),
    out: Path = typer.Option(..., "--out", "-o", help="Triples JSONL to write (side files get its name + suffix), "
                                                      "or a folder for sharded output."),
    graph: bool = typer.Option(False, "--graph", help="Also fuse the triples into the graph store."),
    workers: int = typer.Option(1, "--workers", min=1, help="CPU worker processes (Ray: model workers; default "
                                                             "one per CPU or GPU)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per model batch."),
    device: str = typer.Option(None, "--device", help="cpu, cuda, cuda:1 … (default: CUDA when available)."),
    relations: bool = typer.Option(False, "--relations", help="Also extract relations between mentions."),
    prior_knowledge: bool = typer.Option(False, "--prior-knowledge", help="With --relations: chemical-disease "
                                         "relations also weigh the Hetionet prior's known edges (biases toward known "
                                         "facts; recorded in each triple's provenance version)."),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="Run the transformer NER (--no-ner: dictionary only)."),
    restart: bool = typer.Option(False, "--restart", help="Ignore an earlier run's progress and start afresh."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    deid: bool = typer.Option(None, "--deid/--no-deid", help="De-identify all records / none (default: every "
                                                            "record not marked as literature by its note_type)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray."),
    address: str = typer.Option(None, "--address", help="Ray cluster: auto or ray://host:port (default: start a "
                                                        "local Ray instance)."),
    num_cpus: float = typer.Option(None, "--num-cpus", min=0.01, help="Ray: CPUs the run uses (default: all)."),
    num_gpus: float = typer.Option(0, "--num-gpus", min=0, help="Ray: GPUs the run uses (one model worker each)."),
    shard_docs: int = typer.Option(10_000, "--shard-docs", min=1, help="Documents per part file of a sharded "
                                                                      "output (--engine ray, or --out a folder)."),
) -> None:
    """Extract MENTIONS triples (and relations) from documents into JSONL; resumable, bad records quarantined.

    With --engine ray, --out is a folder of part-*.jsonl files and a manifest.json that medkg ingest loads."""
    import functools

    from medkg.nlp.engines import RayOptions
    from medkg.nlp.extract import default_pipeline_factory
    from medkg.nlp.extract import extract as run_extract

    if prior_knowledge and not relations:
        raise typer.BadParameter("--prior-knowledge goes with --relations")
    factory = functools.partial(default_pipeline_factory, device, relations, ner, prior_knowledge)
    ray = None
    if engine == "ray":
        ray = RayOptions(address=address, num_cpus=num_cpus, num_gpus=num_gpus,
                         workers=workers if workers > 1 else None)
    elif address or num_cpus or num_gpus:
        raise typer.BadParameter("--address, --num-cpus and --num-gpus go with --engine ray")
    report = run_extract(inputs, out, graph=graph, workers=workers, batch_size=batch_size, device=device,
                         pipeline_factory=factory, resume=not restart, progress=progress, deid=deid, engine=engine,
                         ray=ray, shard_docs=shard_docs)
    changed = f", {report.changed} changed since an earlier run" if report.changed else ""
    typer.echo(f"{report.documents} documents ({report.skipped} already done{changed}, {report.quarantined} "
               "quarantined), "
               f"{report.mentions} mentions, {report.triples} triples, {report.unlinked} unlinked mentions "
               f"in {report.seconds:.1f}s ({report.docs_per_s:.1f} docs/s) -> {out}")


@app.command("deid")
def deid_cmd(
    inputs: list[Path] = typer.Argument(..., help="Folders of .txt notes, or .txt / .jsonl / .csv files."),
    out: Path = typer.Option(..., "--out", "-o", help="JSONL of de-identified records to write."),
    mode: str = typer.Option("tag", "--mode", help="tag: [NAME], [PHONE] …; surrogate: realistic values."),
    model: bool = typer.Option(True, "--model/--no-model", help="Also use the spaCy NER (slower, finds more)."),
    only_clinical: bool = typer.Option(False, "--only-clinical", help="Leave records marked as literature "
                                                                      "(note_type abstract, article …) unchanged."),
) -> None:
    """De-identify notes: Safe Harbor identifiers replaced, dates shifted per patient, ids pseudonymised."""
    from medkg.nlp.privacy import PrivacyPolicy, deidentify_files

    policy = PrivacyPolicy(mode="auto" if only_clinical else "on", replace=mode, use_model=model)  # type: ignore[arg-type]
    counts = deidentify_files(inputs, out, policy)
    typer.echo(f"{counts['records']} records: {counts['deidentified']} de-identified, "
               f"{counts['quarantined']} unreadable -> {out}")


TOP_LEVEL = [extract]
