#!/usr/bin/env python
"""Fine-tune the MiniLM-L6 backbone as medkg's Compound/Disease token classifier on BC5CDR IOB.

Reproduces the shipped model (``nlp/models/ner/``) with the defaults:

    PYTHONPATH=. python scripts/train_ner.py --train /path/bc5cdr/train.tsv --devel /path/bc5cdr/devel.tsv

Words are the backbone tokenizer's pre-tokenized words (whitespace/punctuation split) of the sentence rebuilt
from its gold tokens; each word is labelled on its first sub-word (later sub-words are ignored by the loss), a
word inside a gold token continues that token's entity. Sentences longer than one window are split into
overlapping windows exactly as at inference. The word embeddings are trained too unless ``--no-train-embeddings``
(then they stay the backbone's and are not saved); weights are saved as fp16.
The epoch with the best devel micro F1 (scored by the same code as ``medkg nlp evaluate``) is kept. Then the
span confidence threshold (``min_score``: spans whose mean tag probability is lower are dropped) is chosen on the
same devel F1 from a fixed grid and stored in ``config.json``. ``--calibrate-only`` redoes only that step for the
model in ``--out``. ``--min-score T`` keeps a threshold chosen earlier instead: the shipped model is refitted on the
training and development files together with the recipe (start, epochs, learning rate, threshold) that a
training-only run chose (pass ``--select-from`` = ``--epochs`` to keep the last epoch, as no devel is held out);
devel is then in-sample and its scores say only that training worked.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import NamedTuple

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()

import numpy as np  # noqa: E402
import torch  # noqa: E402

from medkg.nlp.evaluate import IobSentence, evaluate_ner, read_iob  # noqa: E402
from medkg.nlp.ner import (  # noqa: E402
    DEFAULT_MODEL_DIR,
    FROZEN_KEY,
    GOLD_TO_LABEL,
    LABELS,
    TransformerNER,
    build_model,
    load_tokenizer,
    save_pretrained,
    update_settings,
)

IGNORE = -100
#: the repository: paths inside it are recorded relative to it in the model's training command
ROOT = Path(__file__).resolve().parents[1]


def word_labels(sentences: list[IobSentence], enc, label2id: dict[str, int]) -> list[list[int]]:
    """Per window, the class id at each word's first sub-word in that window and ``IGNORE`` elsewhere.

    :func:`fix_window_starts` then drops the labels of words whose true first sub-word is in an earlier window.
    """
    out = []
    for w, sample in enumerate(enc["overflow_to_sample_mapping"]):
        sent = sentences[sample]
        offsets = sent.offsets
        starts = [s for s, _ in offsets]
        labels = []
        prev_wid = None
        for wid, (s, e) in zip(enc.word_ids(w), enc["offset_mapping"][w]):
            if wid is None or wid == prev_wid or e <= s:
                labels.append(IGNORE)
                prev_wid = wid
                continue
            prev_wid = wid
            tok = bisect.bisect_right(starts, s) - 1
            gold = sent.tags[tok]
            if gold == "O":
                labels.append(label2id["O"])
                continue
            prefix, typ = gold[:2], gold[2:]
            label = GOLD_TO_LABEL.get(typ)
            if label is None:
                labels.append(label2id["O"])
                continue
            # a word that does not start its gold token continues that token's entity
            if s != starts[tok]:
                prefix = "I-"
            labels.append(label2id[f"{prefix}{label.value}"])
        out.append(labels)
    return out


def fix_window_starts(enc, labels: list[list[int]]) -> None:
    """In a continuation window, the first sub-words may belong to a word begun in the previous window."""
    seen: dict[tuple[int, int], int] = {}
    for w, sample in enumerate(enc["overflow_to_sample_mapping"]):
        for pos, (wid, (s, _)) in enumerate(zip(enc.word_ids(w), enc["offset_mapping"][w])):
            if wid is None:
                continue
            key = (sample, wid)
            if key not in seen:
                seen[key] = s
            elif s != seen[key] and labels[w][pos] != IGNORE and s > seen[key]:
                labels[w][pos] = IGNORE


def batches(n: int, batch_size: int, rng: random.Random, lengths: list[int]) -> list[list[int]]:
    """Shuffled batches of similar length (sort within random chunks), for speed with little order bias."""
    idx = list(range(n))
    rng.shuffle(idx)
    chunk = batch_size * 50
    out = []
    for c in range(0, n, chunk):
        part = sorted(idx[c:c + chunk], key=lambda i: lengths[i])
        out.extend(part[b:b + batch_size] for b in range(0, len(part), batch_size))
    rng.shuffle(out)
    return out


#: thresholds tried for ``min_score``; 0 keeps every span
MIN_SCORE_GRID = (0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def select_min_score(ner: TransformerNER, devel: list[IobSentence]) -> tuple[float, list[dict], dict]:
    """The grid threshold with the best devel micro F1 (ties: the lower one), the whole sweep, and the full
    scores at that threshold. The model runs once; each threshold filters its spans."""
    ner.min_score = 0.0
    preds = ner.predict([s.text for s in devel], batch_size=64)
    sweep, scores_at = [], {}
    for t in MIN_SCORE_GRID:
        kept = [[sp for sp in row if sp.score >= t] for row in preds]
        scores_at[t] = evaluate_ner(devel, lambda _texts, kept=kept: kept)
        sweep.append({"min_score": t, **{k: round(100 * v["f1"], 2) for k, v in scores_at[t].items()}})
    best = max(sweep, key=lambda r: (r["micro"], -r["min_score"]))
    ner.min_score = best["min_score"]
    return best["min_score"], sweep, scores_at[best["min_score"]]


def calibrate(model_dir: Path, devel_paths: list[Path], fixed: float | None = None) -> dict:
    """Choose and store ``min_score`` for an existing model directory on the sentences of all ``devel_paths``;
    return its devel scores. ``fixed``: store that threshold as it is (chosen earlier, by a run that did not train
    on ``devel_paths``) and only score devel with it."""
    ner = TransformerNER.load(model_dir, device="cpu")
    devel = [s for p in devel_paths for s in read_iob(p)]
    if fixed is None:
        threshold, sweep, final = select_min_score(ner, devel)
    else:
        ner.min_score = threshold = fixed
        sweep, final = None, evaluate_ner(devel, lambda texts: ner.predict(texts, batch_size=64))
    devel_scores = {k: {m: round(100 * v, 2) if m != "support" else v for m, v in row.items()}
                    for k, row in final.items()}
    update_settings(model_dir, min_score=threshold, min_score_sweep=sweep, min_score_fixed=sweep is None,
                    decoding=ner.decoding, devel=devel_scores)
    return {"min_score": threshold, "sweep": sweep, "devel": devel_scores}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; ``--train`` and the positive counts are checked only when training."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="+", help="IOB training file(s)")
    ap.add_argument("--devel", type=Path, nargs="+", required=True,
                    help="IOB file(s) for model selection: the epoch with the best mean micro F1 over them is kept")
    ap.add_argument("--init", type=Path, help="start from this trained NER model directory instead of the backbone "
                                              "(e.g. the shipped model, to add a corpus)")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR, help="output model directory")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--warmup", type=float, default=0.1, help="fraction of steps of linear warm-up")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    ap.add_argument("--select-from", type=int, default=5, help="first epoch scored on devel for selection")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--train-embeddings", action=argparse.BooleanOptionalAction, default=True,
                    help="fine-tune the word embeddings too (they are then shipped, +22 MB; about +1 devel F1)")
    ap.add_argument("--version", default="1.1.0")
    ap.add_argument("--calibrate-only", action="store_true",
                    help="do not train: choose min_score for the model in --out on --devel")
    ap.add_argument("--min-score", type=float,
                    help="keep this span threshold instead of choosing it on --devel: for a refit on training and "
                         "development data with the threshold a training-only run chose (devel is then in-sample)")
    args = ap.parse_args(argv)
    if args.min_score is not None and not 0.0 <= args.min_score < 1.0:
        ap.error(f"--min-score must be in [0, 1), got {args.min_score}")
    if args.calibrate_only:
        return args
    if not args.train:
        ap.error("--train is required (unless --calibrate-only)")
    for name in ("epochs", "batch_size", "threads"):
        if getattr(args, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be >= 1")
    return args


def seed_everything(seed: int, threads: int) -> random.Random:
    """Fix the thread count and every RNG (Python, NumPy, torch) so a run is reproducible; return the batch RNG."""
    torch.set_num_threads(threads)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    return random.Random(seed)


def read_corpora(train_paths: list[Path], devel_paths: list[Path]
                 ) -> tuple[list[IobSentence], list[list[IobSentence]], list[IobSentence]]:
    """The training sentences of all files, and the devel sentences per file (selection averages over files) and
    pooled."""
    train = [s for f in train_paths for s in read_iob(f)]
    devels = [read_iob(f) for f in devel_paths]
    devel = [s for d in devels for s in d]
    return train, devels, devel


def load_model(init: Path | None, train_embeddings: bool) -> tuple[torch.nn.Module, TransformerNER]:
    """The model to fine-tune (the backbone, or a trained model with ``--init``) and a :class:`TransformerNER`
    sharing it, so that devel is scored by exactly the inference path."""
    tok = load_tokenizer()
    model = TransformerNER.load(init, device="cpu", runtime="torch").model if init else build_model()
    if not train_embeddings:
        model.get_parameter(FROZEN_KEY).requires_grad_(False)
    return model, TransformerNER(model, tok)


class Windows(NamedTuple):
    """The training windows as the inference path cuts them."""

    ids: list[list[int]]
    #: per sub-word: the class id at a word's first sub-word, ``IGNORE`` elsewhere
    labels: list[list[int]]
    lengths: list[int]


def encode_windows(ner: TransformerNER, train: list[IobSentence], n_devel: int) -> Windows:
    """Cut the training sentences into windows exactly as at inference and label their sub-words."""
    label2id = {l: i for i, l in enumerate(LABELS)}
    enc = ner.encode([s.text for s in train])
    labels = word_labels(train, enc, label2id)
    fix_window_starts(enc, labels)
    ids = enc["input_ids"]
    lengths = [len(x) for x in ids]
    print(f"train: {len(train)} sentences -> {len(ids)} windows; devel: {n_devel} sentences", flush=True)
    return Windows(ids, labels, lengths)


class Optimization(NamedTuple):
    """What one training step needs besides the model and the batch."""

    params: list[torch.nn.Parameter]  # the trainable ones, for gradient clipping
    opt: torch.optim.Optimizer
    sched: torch.optim.lr_scheduler.LRScheduler
    loss_fn: torch.nn.Module
    steps_per_epoch: int


def make_optimizer(model: torch.nn.Module, args: argparse.Namespace, n_windows: int) -> Optimization:
    """AdamW (no weight decay on biases and norms) with linear warm-up then linear decay to zero, and the
    token-level cross-entropy that skips ``IGNORE`` labels."""
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    steps_per_epoch = math.ceil(n_windows / args.batch_size)
    total = steps_per_epoch * args.epochs
    warm = max(1, int(total * args.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE, label_smoothing=args.label_smoothing)
    print(f"trainable parameters: {sum(p.numel() for p in params):,}; steps: {total}", flush=True)
    return Optimization(params, opt, sched, loss_fn, steps_per_epoch)


def pad_batch(idx: list[int], windows: Windows) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Token ids, attention mask and labels of one batch, right-padded to its longest window (padding ignored)."""
    ids, labels, lengths = windows
    width = max(lengths[i] for i in idx)
    x = torch.zeros((len(idx), width), dtype=torch.long)
    m = torch.zeros_like(x)
    y = torch.full_like(x, IGNORE)
    for r, i in enumerate(idx):
        x[r, :lengths[i]] = torch.tensor(ids[i])
        m[r, :lengths[i]] = 1
        y[r, :lengths[i]] = torch.tensor(labels[i])
    return x, m, y


def train_epoch(model: torch.nn.Module, optim: Optimization, windows: Windows, batch_size: int, rng: random.Random,
                epoch: int) -> tuple[float, float]:
    """One pass over the shuffled training windows, with gradient clipping and progress every 50 steps; return the
    summed batch loss and the epoch's start time."""
    params, opt, sched, loss_fn, steps_per_epoch = optim
    model.train()
    t0, seen, run_loss = time.perf_counter(), 0, 0.0
    for step, idx in enumerate(batches(len(windows.ids), batch_size, rng, windows.lengths), 1):
        x, m, y = pad_batch(idx, windows)
        logits = model(input_ids=x, attention_mask=m).logits
        loss = loss_fn(logits.view(-1, logits.shape[-1]), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        seen += len(idx)
        run_loss += loss.item()
        if step % 50 == 0:
            print(f"  epoch {epoch} step {step}/{steps_per_epoch} loss {run_loss / step:.4f} "
                  f"{seen / (time.perf_counter() - t0):.1f} windows/s", flush=True)
    return run_loss, t0


def score_epoch(ner: TransformerNER, devels: list[list[IobSentence]], devel_paths: list[Path], epoch: int,
                loss: float, t0: float) -> tuple[dict, float]:
    """The epoch's history row with the F1 of each devel file, and the mean micro F1 over files (the selection
    criterion: each corpus counts the same whatever its size)."""
    t1 = time.perf_counter()
    per_file = [evaluate_ner(d, lambda texts: ner.predict(texts, batch_size=64)) for d in devels]
    mean_f1 = sum(sc["micro"]["f1"] for sc in per_file) / len(per_file)
    row = {"epoch": epoch, "loss": loss, "mean_micro": round(100 * mean_f1, 2),
           **{f.name: {k: round(100 * v["f1"], 2) for k, v in sc.items()} for f, sc in zip(devel_paths, per_file)},
           "train_s": round(t1 - t0, 1), "eval_s": round(time.perf_counter() - t1, 1)}
    return row, mean_f1


def train_and_select(model: torch.nn.Module, ner: TransformerNER, optim: Optimization, windows: Windows,
                     devels: list[list[IobSentence]], args: argparse.Namespace, rng: random.Random
                     ) -> tuple[int, list[dict]]:
    """Train for ``--epochs``, score devel from ``--select-from`` on, and leave the model at the epoch with the best
    mean devel micro F1; return that epoch and the per-epoch history."""
    best_f1, best_state, best_epoch, history = -1.0, None, 0, []
    for epoch in range(1, args.epochs + 1):
        run_loss, t0 = train_epoch(model, optim, windows, args.batch_size, rng, epoch)
        model.eval()
        loss = round(run_loss / optim.steps_per_epoch, 4)
        if epoch < min(args.select_from, args.epochs):
            history.append({"epoch": epoch, "loss": loss, "train_s": round(time.perf_counter() - t0, 1)})
            print(json.dumps(history[-1]), flush=True)
            continue
        row, mean_f1 = score_epoch(ner, devels, args.devel, epoch, loss, t0)
        history.append(row)
        print(json.dumps(row), flush=True)
        if mean_f1 > best_f1:
            best_f1, best_epoch = mean_f1, epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    assert best_state is not None
    model.load_state_dict(best_state)
    return best_epoch, history


def _shown(v: object) -> str:
    """A recorded argument value: corpus paths by file name only (they are the user's own), repository paths
    relative to the repository."""
    if isinstance(v, Path) and v.resolve().is_relative_to(ROOT):
        return str(v.resolve().relative_to(ROOT))  # e.g. --init nlp/models/ner
    return "$DATA/" + v.name if isinstance(v, Path) else str(v)


def _flag(k: str, v: object) -> str:
    """One argument as it is written on the command line."""
    name = "--" + k.replace("_", "-")
    if isinstance(v, bool):
        return name if v else "--no-" + name[2:]
    return f"{name} {' '.join(map(_shown, v)) if isinstance(v, list) else _shown(v)}"


def reproduce_command(args: argparse.Namespace) -> str:
    """The command line that retrains this model, recorded in its config."""
    return "PYTHONPATH=. python scripts/train_ner.py " + " ".join(
        f for f in (_flag(k, v) for k, v in vars(args).items()
                    if k not in ("out", "calibrate_only") and v is not None) if f)


def model_metadata(args: argparse.Namespace, best_epoch: int, history: list[dict], t_start: float) -> dict:
    """What the model's config records of its training: version, seed, selection, history, hyperparameters,
    corpus file names, duration and the command that reproduces it."""
    command = reproduce_command(args)
    return {"version": args.version, "seed": args.seed, "best_epoch": best_epoch, "history": history,
            "hyperparameters": {k: v for k, v in vars(args).items()
                                if k not in ("train", "devel", "out", "calibrate_only", "init")},
            "train_files": [p.name for p in args.train], "devel_files": [p.name for p in args.devel],
            "init": args.init.name if args.init else None,
            "train_minutes": round((time.perf_counter() - t_start) / 60, 1), "command": command}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.calibrate_only:
        torch.set_num_threads(args.threads)
        print(json.dumps(calibrate(args.out, args.devel, args.min_score), indent=1), flush=True)
        return 0
    rng = seed_everything(args.seed, args.threads)
    train, devels, devel = read_corpora(args.train, args.devel)
    model, ner = load_model(args.init, args.train_embeddings)
    windows = encode_windows(ner, train, len(devel))
    optim = make_optimizer(model, args, len(windows.ids))
    t_start = time.perf_counter()
    best_epoch, history = train_and_select(model, ner, optim, windows, devels, args, rng)
    meta = model_metadata(args, best_epoch, history, t_start)
    path = save_pretrained(model, ner.tokenizer, args.out, meta, frozen_embeddings=not args.train_embeddings)
    # Choose min_score and score the artifact as shipped (fp16 round trip).
    result = calibrate(args.out, args.devel, args.min_score)
    print(json.dumps({"best_epoch": best_epoch, **result, "size_mb": round(path.stat().st_size / 2**20, 2)},
                     indent=1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
