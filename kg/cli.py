"""The ``medkg`` console command: thin Typer wrappers over plain functions.

Each package contributes a sub-command group in its own ``cli`` module (``nlp.cli.app`` → ``medkg nlp …``) and
may list top-level commands in ``TOP_LEVEL`` (e.g. ``medkg extract``). Those modules import heavy libraries
inside the command functions, so ``medkg --help`` stays fast.
"""

from __future__ import annotations

import importlib
import logging
import os

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

app = typer.Typer(name="medkg", help="Medical knowledge graph and NLP engine.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)

_SUBPACKAGES = ("kg.commands", "nlp.cli", "gnn.cli", "imaging.cli", "kg.mainjob")


def _mount() -> None:
    for modname in _SUBPACKAGES:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as err:
            if err.name == modname:  # the package has no CLI yet
                continue
            raise
        sub = getattr(mod, "app", None)
        if sub is not None:
            app.add_typer(sub, name=getattr(mod, "GROUP", modname.split(".")[0]))
        for fn in getattr(mod, "TOP_LEVEL", ()):
            app.command(name=fn.__name__.replace("_", "-").removesuffix("-cmd"))(fn)


_mount()


class _DemoteDriverChatter(logging.Filter):
    """The graph driver's warnings (retries, server notifications) and its connection-level errors (a reset or
    refused socket, which :mod:`kg.store` turns into one line saying which server stopped answering and what to
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
    from kg.errors import MedkgError

    logging.basicConfig(level=os.environ.get("MEDKG_LOG_LEVEL", "WARNING"),
                        format="%(levelname)s %(name)s: %(message)s")
    from kg.files import restrict_umask
    from nlp.privacy import install_log_redaction

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
