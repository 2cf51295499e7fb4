"""``medkg gnn …`` and ``medkg diagnose``: thin wrappers over gnn.pipeline / evaluate / predict (imported lazily)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

GROUP = "gnn"
app = typer.Typer(name="gnn", help="Graph neural network link prediction: train, evaluate, score, predict.",
                  no_args_is_help=True)


def _threads(n: Optional[int]) -> None:
    if n:
        import torch

        torch.set_num_threads(n)


@app.command()
def train(task: str = typer.Option("treats", help="treats | presents | another relation in the graph"),
          encoder: str = typer.Option("rgcn", help="rgcn | sage | hgt"),
          decoder: str = typer.Option("distmult", help="distmult | complex | rotate"),
          epochs: int = typer.Option(300, help="maximum epochs (early stopping on validation MRR)"),
          hidden: int = 64, layers: int = 2, num_bases: int = 4, lr: float = 0.01, weight_decay: float = 0.0,
          dropout: float = 0.1, seed: int = 0,
          full_prior: bool = typer.Option(False, help="message passing over all 20 prior metaedges"),
          batch_size: Optional[int] = typer.Option(None, help="mini-batches (needs pyg_lib or torch_sparse)"),
          baselines: bool = typer.Option(True, help="also evaluate the degree prior and the KGE baseline"),
          kge_epochs: int = 60, half: bool = typer.Option(False, help="store weights as fp16"),
          threads: Optional[int] = typer.Option(None, help="torch CPU threads"),
          out: Path = typer.Option(Path("runs/gnn"), help="checkpoint directory")) -> None:
    """Train on the Hetionet prior, evaluate on the held-out split and save a checkpoint."""
    _threads(threads)
    from medkg.gnn.evaluate import to_json
    from medkg.gnn.pipeline import pipeline

    kwargs = {"exclude_metaedges": ()} if full_prior else {}
    result = pipeline(task, seed=seed, baselines=baselines, kge_epochs=kge_epochs, out=out, half=half,
                      encoder=encoder, decoder=decoder, epochs=epochs, hidden=hidden, layers=layers,
                      num_bases=num_bases, lr=lr, weight_decay=weight_decay, dropout=dropout, batch_size=batch_size,
                      **kwargs)
    typer.echo(to_json(result.metrics))
    typer.secho(f"saved {out}", err=True)


@app.command("fit-paths")
def fit_paths(task: str = typer.Option("treats", help="treats | another relation between two node types"),
              c: float = typer.Option(0.01, help="inverse L2 strength of the logistic regression"),
              max_length: int = typer.Option(3, help="longest metapath, in edges (1-3)"),
              exclude_metaedges: str = typer.Option("", help="comma-separated Hetionet metaedges to leave out"),
              evaluate: bool = typer.Option(True, help="also run the all-pairs hold-out evaluation (paths, degree)"),
              out: Path = typer.Option(Path("runs/paths"), help="checkpoint directory")) -> None:
    """Fit the path model (DWPC + logistic regression) on every known edge of the Hetionet prior and save it."""
    from medkg.gnn.checkpoint import save_path_model
    from medkg.gnn.data import prior_graph
    from medkg.gnn.evaluate import evaluate_all_pairs, to_json
    from medkg.gnn.paths import fit_path_model
    from medkg.gnn.tasks import resolve_task

    if not 1 <= max_length <= 3:
        raise typer.BadParameter(f"must be 1-3, got {max_length}", param_hint="--max-length")
    excluded = [m.strip() for m in exclude_metaedges.split(",") if m.strip()]
    graph = prior_graph(excluded, keep_isolated=True)
    t = resolve_task(task, graph)
    model = fit_path_model(graph, t.edge_type, c=c, max_length=max_length)
    metrics = evaluate_all_pairs(t, graph=graph, methods=("paths", "degree"), c=c) if evaluate else None
    save_path_model(out, model, graph, exclude_metaedges=excluded, metrics=metrics)
    typer.echo(to_json({"version": model.digest(), "features": len(model.metapaths),
                        "top_features": model.top_features(), "metrics": metrics}))
    typer.secho(f"saved {out}", err=True)


@app.command()
def evaluate(model: Optional[Path] = typer.Option(None, help="checkpoint dir (default: the shipped models)"),
             task: Optional[str] = typer.Option(None, help="treats | presents (default: every model found)"),
             baselines: bool = True, kge_epochs: int = 60,
             format: str = typer.Option("json", help="json"),  # noqa: A002
             threads: Optional[int] = None) -> None:
    """Filtered MRR, Hits@1/3/10, AUROC, AUPRC on the held-out edges next to the degree prior and a KGE."""
    _threads(threads)
    if format != "json":
        raise typer.BadParameter(f"only json is supported, got {format!r}", param_hint="--format")
    from medkg.gnn.checkpoint import default_models_dir
    from medkg.gnn.evaluate import evaluate_checkpoint, to_json

    base = model or default_models_dir()
    if task is None and not (base / "config.json").is_file():
        tasks = [t for t in ("treats", "presents") if (base / t / "config.json").is_file()] or ["treats"]
    else:
        tasks = [task]
    results = [evaluate_checkpoint(base, task=t, baselines=baselines, kge_epochs=kge_epochs) for t in tasks]
    typer.echo(to_json(results[0] if len(results) == 1 else {r["task"]: r for r in results}))


@app.command()
def score(task: str = typer.Option("treats", help="treats | presents"),
          pairs: Path = typer.Option(..., exists=True, dir_okay=False, help="TSV with a header and id columns"),
          out: Path = typer.Option(..., help="output TSV: the input columns plus score"),
          model: Optional[Path] = typer.Option(None, help="checkpoint dir (default: shipped)"),
          threads: Optional[int] = None) -> None:
    """Score id pairs (treats: compound_id, disease_id; presents: disease_id, symptom_id); higher = more likely."""
    _threads(threads)
    import warnings

    from medkg.gnn.predict import score_file

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stats = score_file(task, pairs, out, model_dir=model)
    for w in caught:
        typer.secho(f"warning: {w.message}", err=True, fg="yellow")
    typer.secho(f"scored {stats['rows'] - stats['unknown']} of {stats['rows']} pairs -> {out}", err=True)


def _print_ranked(items: list[dict], explain: bool, as_json: bool) -> None:
    from medkg.gnn.predict import path_text

    if as_json:
        typer.echo(json.dumps(items, indent=2))
        return
    for it in items:
        extra = " (known)" if it.get("known") else ""
        if "matched" in it:
            extra = f" (p={it['probability']:.3f}, {it['matched']} symptom(s) linked in the graph)"
        typer.echo(f"{it['rank']:>3}. {it['name'] or it['id']} [{it['id']}] score={it['score']:.3f}{extra}")
        for m in it.get("model_metapaths", []) if explain else []:
            typer.echo(f"       model: {m['metapath']} +{m['contribution']:.3f} (DWPC {m['dwpc']:.4g})")
        for p in it.get("paths", []) if explain else []:
            hops = " ; ".join(f"{e['source']} -{e['rel']}-> {e['target']} "
                              f"[{', '.join(str(ev.get('source')) for ev in e['evidence'])}]" for e in p["edges"])
            typer.echo(f"       {p['metapath']} w={p['weight']:.4f}: {path_text(p)}\n         {hops}")


def _linker(ctx: typer.Context):
    """How names typed on the command line find their concepts: what the application wired in as
    ``ctx.obj.link_concept`` (medkg's NLP normalizer), else ids and exact names only."""
    return getattr(ctx.obj, "link_concept", None)


@app.command()
def predict(ctx: typer.Context, disease: str = typer.Option(..., help="disease name or id (DOID:2377)"),
            top: int = 10,
            explain: bool = typer.Option(False, help="show supporting paths with evidence"),
            exclude_known: bool = typer.Option(False, help="leave out known treatments"),
            as_json: bool = typer.Option(False, "--json", help="print JSON"),
            model: Optional[Path] = None) -> None:
    """Compounds that may treat a disease, ranked, with optional explanations."""
    from medkg.gnn.predict import predict_treatments

    _print_ranked(predict_treatments(disease, top, explain, model_dir=model, exclude_known=exclude_known,
                                     linker=_linker(ctx)), explain, as_json)


def diagnose_cmd(ctx: typer.Context,
                 symptoms: str = typer.Option(..., help="comma-separated symptom names or ids"), top: int = 10,
                 explain: bool = typer.Option(False, help="show supporting paths with evidence"),
                 as_json: bool = typer.Option(False, "--json", help="print JSON"),
                 model: Optional[Path] = None) -> None:
    """Differential diagnosis: diseases ranked for a set of symptoms."""
    from medkg.gnn.predict import diagnose

    _print_ranked(diagnose(symptoms, top, explain, model_dir=model, linker=_linker(ctx)), explain, as_json)


diagnose_cmd.__name__ = "diagnose_cmd"
TOP_LEVEL = [diagnose_cmd]
