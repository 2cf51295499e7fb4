#!/usr/bin/env python
"""Average the weights of NER models fine-tuned from the same backbone (a "model soup", Wortsman et al. 2022).

    PYTHONPATH=. python scripts/soup_ner.py MODEL_DIR MODEL_DIR [...] --out nlp/models/ner --devel $BC5CDR/devel.tsv

Runs that start from the same pretrained weights and the same seed stay in one basin, so their average is a
model of its own, as fast as each ingredient, and usually better than either. Models whose word embeddings were
frozen contribute the backbone's. The soup's span threshold is then chosen on ``--devel`` as
``scripts/train_ner.py`` does, and its config records the ingredients.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from medkg.nlp.ner import FROZEN_KEY, TransformerNER, model_settings, save_pretrained  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", type=Path, nargs="+", help="model directories written by scripts/train_ner.py")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--devel", type=Path, nargs="+", required=True,
                    help="IOB file(s) to choose the span threshold on")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--version", default=None)
    args = ap.parse_args(argv)
    if len(args.models) < 2:
        ap.error("give at least two models to average")
    torch.set_num_threads(args.threads)
    from train_ner import calibrate  # noqa: E402 - the same selection code as training

    states, metas = [], []
    for m in args.models:
        ner = TransformerNER.load(m, device="cpu", runtime="torch")
        states.append({k: v.float() for k, v in ner.model.state_dict().items()})
        metas.append(model_settings(m))
    keys = states[0].keys()
    if any(s.keys() != keys for s in states):
        raise SystemExit("the models do not have the same tensors")

    def mean(k: str) -> torch.Tensor:
        first = states[0][k]
        if not first.is_floating_point() or all(torch.equal(s[k], first) for s in states[1:]):
            return first  # identical in every ingredient (e.g. frozen embeddings): keep it bit for bit
        return sum(s[k] for s in states) / len(states)

    soup = {k: mean(k) for k in keys}
    ner.model.load_state_dict(soup)
    frozen = all(FROZEN_KEY in meta.get("frozen", []) for meta in metas)
    meta = {"version": args.version or metas[-1].get("version", "0"),
            "train_files": metas[-1].get("train_files"), "devel_files": [p.name for p in args.devel],
            "soup_of": [{"dir": m.name, "command": mm.get("command"), "best_epoch": mm.get("best_epoch"),
                         "history": mm.get("history"), "train_minutes": mm.get("train_minutes"),
                         "devel_micro_f1": mm.get("devel", {}).get("micro", {}).get("f1")}
                        for m, mm in zip(args.models, metas)],
            "command": ("PYTHONPATH=. python scripts/soup_ner.py " + " ".join(m.name for m in args.models)
                        + " --out OUT --devel " + " ".join(f"$DATA/{p.name}" for p in args.devel))}
    save_pretrained(ner.model, ner.tokenizer, args.out, meta, frozen_embeddings=frozen)
    print(json.dumps(calibrate(args.out, args.devel), indent=1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
