"""``medkg nlp …``: thin Typer wrappers over :mod:`nlp` functions (heavy imports happen inside commands)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

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
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Sentences per model batch."),
) -> None:
    """Score medkg against gold data: exact-match entity P/R/F1 per gold type and micro."""
    from kg.errors import InputError

    if ner is None:
        raise InputError("give a gold file to evaluate, e.g. --ner GOLD.tsv")
    from nlp.evaluate import evaluate_ner_file

    _print_scores(f"NER on {ner.name}", evaluate_ner_file(ner, batch_size=batch_size), fmt)


def extract(
    inputs: list[Path] = typer.Argument(..., help="Folders of .txt notes, or .txt / .jsonl / .csv files."),
    out: Path = typer.Option(..., "--out", "-o", help="Triples JSONL to write (side files get its name + suffix)."),
    graph: bool = typer.Option(False, "--graph", help="Also fuse the triples into the graph store."),
    workers: int = typer.Option(1, "--workers", min=1, help="CPU worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per model batch."),
    device: str = typer.Option(None, "--device", help="cpu, cuda, cuda:1 … (default: CUDA when available)."),
    relations: bool = typer.Option(False, "--relations", help="Also extract relations between mentions."),
    restart: bool = typer.Option(False, "--restart", help="Ignore an earlier run's progress and start afresh."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
) -> None:
    """Extract MENTIONS triples (and relations) from documents into JSONL; resumable, bad records quarantined."""
    import functools

    from nlp.extract import default_pipeline_factory, extract as run_extract

    factory = functools.partial(default_pipeline_factory, device, relations)
    report = run_extract(inputs, out, graph=graph, workers=workers, batch_size=batch_size, device=device,
                         pipeline_factory=factory, resume=not restart, progress=progress)
    typer.echo(f"{report.documents} documents ({report.skipped} already done, {report.quarantined} quarantined), "
               f"{report.mentions} mentions, {report.triples} triples, {report.unlinked} unlinked mentions "
               f"in {report.seconds:.1f}s ({report.docs_per_s:.1f} docs/s) -> {out}")


TOP_LEVEL = [extract]
