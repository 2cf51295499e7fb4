"""The ``medkg`` console command: thin Typer wrappers over plain functions; the application layer's entry point."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from medkg.gnn import cli as gnn_cli
from medkg.imaging import cli as imaging_cli
from medkg.kg import cli as kg_cli
from medkg.kg.errors import MedkgError
from medkg.kg.files import restrict_umask
from medkg.kg.redact import install_log_redaction
from medkg.nlp import cli as nlp_cli

if TYPE_CHECKING:
    from medkg.kg.settings import MedkgSettings

app = typer.Typer(name="medkg", help="Medical knowledge graph and NLP engine.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)


@dataclass(frozen=True)
class Services:
    """What the application hands the packages' commands (``ctx.obj``), since the packages may not import each
    other: e.g. ``medkg diagnose`` (gnn) resolves typed symptom names with the NLP normalizer."""

    link_concept: Callable[[str, str], str | None]
    #: resolved once per command, in the callback that builds this object
    settings: MedkgSettings


def link_concept(text: str, label: str) -> str | None:
    from medkg.nlp.normalize import link_concept_id  # its vocabulary loads only when a name needs it

    return link_concept_id(text, label)


@app.callback()
def _services(ctx: typer.Context) -> None:
    # resolved here rather than in main(): ``medkg --help`` needs no settings (and skips pydantic-settings' import)
    from medkg.kg.settings import enforce_offline, get_settings

    enforce_offline()  # models and data are shipped; nothing is fetched at run time
    settings = get_settings()
    if "log_level" in settings.model_fields_set:
        logging.getLogger().setLevel(settings.log_level)
    ctx.obj = Services(link_concept=link_concept, settings=settings)


config_app = typer.Typer(help="medkg's settings (environment variables).", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(ctx: typer.Context) -> None:
    """Print every setting as resolved now: value (secrets masked), variable and where it came from."""
    from rich.console import Console
    from rich.table import Table

    table = Table("setting", "variable", "value", "source")
    for row in ctx.obj.settings.described():
        table.add_row(*row)
    Console(width=160).print(table)


# Each package contributes its commands from its own ``cli`` module: a Typer group (``medkg nlp …``) and, listed in
# ``TOP_LEVEL``, top-level commands (``medkg extract``). Those modules, and the demo command below, import their
# heavy libraries (torch, spaCy, transformers, MONAI) inside the command functions: ``medkg --help`` takes 0.2 s
# instead of the ~4 s those imports cost.
for _commands in (kg_cli, nlp_cli, gnn_cli, imaging_cli):
    if (_group := getattr(_commands, "app", None)) is not None:
        app.add_typer(_group, name=_commands.GROUP)
    for _fn in getattr(_commands, "TOP_LEVEL", ()):
        app.command(name=_fn.__name__.replace("_", "-").removesuffix("-cmd"))(_fn)


@app.command()
def demo(out: Annotated[Path, typer.Option(help="folder for the triples, model, page, plots and report")] =
         Path("medkg-demo"),
         docs: Annotated[Optional[int], typer.Option(help="use only the first N notes and N abstracts")] = None,
         epochs: Annotated[int, typer.Option(min=1, help="GNN training epochs")] = 60,
         metaedge: Annotated[list[str], typer.Option(help="load only these Hetionet metaedges")] = [],
         full_prior: Annotated[bool, typer.Option(
             "--full-prior/--reasoning-prior",
             help="load all 20 Hetionet edge types (993k edges), or only the 13 the GNN reasons over")] = True,
         store: kg_cli.StoreOpt = None) -> None:
    """Run the main job end to end: prior, extraction, imaging, GNN, report, HTML page and plots."""
    from medkg.mainjob import DemoConfig, print_report, run

    report = run(DemoConfig(out=out, docs=docs, epochs=epochs, prior_metaedges=metaedge or None,
                            full_prior=full_prior, store=store))
    print_report(report)


class _DemoteDriverChatter(logging.Filter):
    """The graph driver's warnings (retries, server notifications) and its connection-level errors (a reset or
    refused socket, which :mod:`medkg.kg.store` turns into one line saying which server stopped answering and what to
    run) go to the log at debug level; the driver's other errors stay errors."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("neo4j"):
            return True
        if record.levelno >= logging.ERROR and not record.name.startswith(("neo4j.io", "neo4j.pool")):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def main() -> None:
    """Entry point: turn medkg's own errors into one clear line and exit code 2."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")  # MEDKG_LOG_LEVEL: above
    for handler in logging.getLogger().handlers:
        handler.addFilter(_DemoteDriverChatter())
    restrict_umask()  # every file and folder the command writes is owner-only (it may hold clinical text)
    install_log_redaction()  # identifier-shaped strings are masked in every log line
    try:
        app()
    except MedkgError as err:
        typer.secho(f"error: {err}", err=True, fg="red")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
