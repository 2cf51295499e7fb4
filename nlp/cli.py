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
