"""Graph commands of the ``medkg`` CLI: ingest, query, load-prior, stats, and ``medkg server …``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

GROUP = "server"
app = typer.Typer(help="The embedded graph server (started automatically when needed).", no_args_is_help=True)

StoreOpt = Annotated[Optional[str], typer.Option(
    "--store", help="embedded or neo4j (NEO4J_URI, NEO4J_USER, …); default: MEDKG_STORE, else embedded")]


class Format(str, Enum):
    table = "table"
    json = "json"


def _print_rows(rows: list[dict], fmt: Format) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(rows, indent=2, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    cols = list(rows[0]) if rows else []
    for c in cols:
        table.add_column(c)
    for r in rows:
        table.add_row(*(json.dumps(r[c], default=str) if isinstance(r[c], (list, dict)) else str(r[c])
                        for c in cols))
    Console().print(table)
    typer.echo(f"{len(rows)} row(s)")


def _param(values: list[str]) -> dict:
    params = {}
    for item in values:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            from medkg.kg.errors import InputError

            raise InputError(f"--param expects key=value, got {item!r}")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


def query(cypher: Annotated[str, typer.Argument(help="A Cypher query; read-only unless --write")],
          param: Annotated[list[str], typer.Option("--param", "-p", help="key=value (JSON values allowed)")] = [],
          fmt: Annotated[Format, typer.Option("--format")] = Format.table,
          write: Annotated[bool, typer.Option("--write", help="allow the query to modify the graph")] = False,
          timeout: Annotated[float, typer.Option(min=0.001, help="seconds before a read query is stopped")] = 120.0,
          max_rows: Annotated[int, typer.Option(min=1, help="refuse a read query with more rows")] = 100_000,
          store: StoreOpt = None) -> None:
    """Run a Cypher query against the graph (read-only by default)."""
    from medkg.kg.store import connect

    with connect(store) as s:
        rows = (s.execute_write(cypher, _param(param)) if write
                else s.query(cypher, _param(param), timeout=timeout, max_rows=max_rows))
    _print_rows(rows, fmt)


def ingest(files: Annotated[list[Path], typer.Argument(help="triples JSONL files, or folders of part files "
                                                          "written by medkg extract --engine ray")],
           batch_size: Annotated[int, typer.Option(min=1)] = 5000,
           loaders: Annotated[int, typer.Option(min=1, help="part files of a folder loaded at once")] = 4,
           store: StoreOpt = None) -> None:
    """Load triples (JSON lines) into the graph; bad lines go to FILE.quarantine.jsonl and the rest loads."""
    from medkg.kg.ingest import ingest_path
    from medkg.kg.store import connect

    with connect(store) as s:
        for f in files:
            reports = ingest_path(s, f, loaders=loaders, batch_size=batch_size)
            loaded = sum(r.loaded for r in reports)
            facts = sum(r.fusion.facts for r in reports)
            qualified = sum(r.fusion.qualified for r in reports)
            bad = sum(r.quarantined for r in reports)
            where = [r.quarantine_file for r in reports if r.quarantine_file]
            parts = f" ({len(reports)} part files)" if f.is_dir() else ""
            typer.echo(f"{f}{parts}: {loaded} triples loaded ({facts} facts, {qualified} qualified), "
                       f"{bad} quarantined" + (f" -> {', '.join(where)}" if where else ""))


def load_prior(metaedge: Annotated[list[str], typer.Option(help="only these Hetionet metaedges (e.g. CtD)")] = [],
               batch_size: Annotated[int, typer.Option(min=1)] = 10_000, store: StoreOpt = None) -> None:
    """Import the shipped Hetionet v1.0 prior (idempotent)."""
    import time

    from medkg.kg.prior import load_prior as _load
    from medkg.kg.store import connect

    t0 = time.perf_counter()
    with connect(store) as s:
        counts = _load(s, metaedges=metaedge or None, batch_size=batch_size, progress=True)
    typer.echo(json.dumps({"rows": counts, "seconds": round(time.perf_counter() - t0, 1)}, indent=2))


def stats(fmt: Annotated[Format, typer.Option("--format")] = Format.table, store: StoreOpt = None) -> None:
    """Nodes per label and relationships per type."""
    from medkg.kg.store import connect

    with connect(store) as s:
        counts = s.counts()
    if fmt is Format.json:
        typer.echo(json.dumps(counts, indent=2))
        return
    for kind, table in counts.items():
        typer.echo(f"{kind}:")
        for k, v in table.items():
            typer.echo(f"  {k:<22} {v:>9,}")


TOP_LEVEL = [query, ingest, load_prior, stats]


@app.command()
def start() -> None:
    """Start the embedded server (a no-op if it is running)."""
    from medkg.kg.embedded import ensure_server

    info = ensure_server()
    typer.echo(f"embedded ArcadeDB at {info.uri} (pid {info.pid}, home {info.home})")


@app.command()
def stop() -> None:
    """Stop the embedded server."""
    from medkg.kg.embedded import stop_server

    typer.echo("stopped" if stop_server() else "not running")


@app.command()
def status() -> None:
    """Say whether the embedded server runs, and where."""
    from medkg.kg.embedded import running_server
    from medkg.kg.settings import get_settings

    info = running_server()
    typer.echo(f"running at {info.uri} (pid {info.pid})" if info else f"not running (home {get_settings().home})")
    if not info:
        raise typer.Exit(1)
