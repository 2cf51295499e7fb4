"""Evaluate de-identification: per-type recall/precision, medical-term survival, notes/s on CPU.

    python scripts/eval_deid.py [GOLD.jsonl] [--mode tag|surrogate] [--no-model] [--no-learned] [--json]
                                [--show-misses]

GOLD defaults to the synthetic set shipped with the tests (``tests/nlp/data/deid_notes.jsonl``). Speed is
measured twice in the same process: patterns only (the baseline) and patterns + spaCy model + learned tagger; the
ratio is printed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from medkg.kg.settings import enforce_offline  # noqa: E402

enforce_offline()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_notes.jsonl")
    ap.add_argument("--mode", choices=["tag", "surrogate"], default="tag")
    ap.add_argument("--no-model", action="store_true", help="patterns and context cues only")
    ap.add_argument("--no-learned", action="store_true", help="without the learned PHI tagger")
    ap.add_argument("--learned-model", type=Path, default=None, help="learned tagger directory (default shipped)")
    ap.add_argument("--tagger", choices=["on", "off"], default=None,
                    help="the transformer PHI tagger on or off (default: DeidConfig's default)")
    ap.add_argument("--tagger-model", type=Path, default=None, help="transformer tagger directory (default shipped)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the notes for the speed figure")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--extract", action="store_true",
                    help="also run medkg's extraction pipeline on the original and the de-identified notes and count "
                         "the gold medical entities it finds in each")
    ap.add_argument("--show-misses", action="store_true", help="note id and type of each missed identifier")
    ap.add_argument("--by-style", action="store_true",
                    help="also recall/precision per note style (nursing upper/lower/mixed case, typed)")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument("--safe-harbor", action="store_true",
                    help="score only what HIPAA Safe Harbor requires: a year alone and an age under 90 count neither way")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    from medkg.kg.pseudonym import Pseudonymizer
    from medkg.nlp.deid import DeidConfig, Deidentifier
    from medkg.nlp.deid_eval import read_gold, safe_harbor_gold, score

    notes = read_gold(args.gold)
    if args.safe_harbor:
        notes = safe_harbor_gold(notes)
    texts = [n["text"] for n in notes]
    scopes = [n.get("patient_id") for n in notes]
    pseudo = Pseudonymizer(b"eval-deid-fixed-key-not-secret")  # evaluation only: results do not depend on it
    learned = {"learned_model": str(args.learned_model)} if args.learned_model else {}
    if args.tagger is not None:
        learned["use_tagger"] = args.tagger == "on"  # it runs with the model detectors only (DeidConfig)
    if args.tagger_model:
        learned["tagger_model"] = str(args.tagger_model)
    deid = Deidentifier(DeidConfig(mode=args.mode, use_model=not args.no_model,
                                   use_learned=not (args.no_model or args.no_learned), **learned), pseudonymizer=pseudo)
    t0 = time.perf_counter()
    deid.nlp, deid.learned, deid.tagger  # noqa: B018  (load the models outside the timed runs)
    load_s = time.perf_counter() - t0
    results = list(deid.pipe(texts, scopes))
    sc = score(notes, results)

    def rate(d: Deidentifier) -> float:
        list(d.pipe(texts, scopes))  # warm-up
        t = time.perf_counter()
        for _ in range(args.repeat):
            list(d.pipe(texts, scopes))
        return len(texts) * args.repeat / (time.perf_counter() - t)

    extraction = _extraction_survival(notes, results) if args.extract else None
    if args.no_speed:
        base = full = float("nan")
    else:
        base = rate(Deidentifier(DeidConfig(mode=args.mode, use_model=False, use_learned=False), pseudonymizer=pseudo))
        full = rate(deid) if not args.no_model else base
    chars = sum(map(len, texts)) / len(texts)
    out = {"notes": len(notes), "mean_chars": round(chars), "per_type": sc.table(),
           "medical_entities": sc.medical, "medical_survival": sc.medical_survival,
           "extraction": extraction, "notes_per_s": full, "notes_per_s_patterns_only": base, "model_load_s": load_s}
    if args.json:
        print(json.dumps(out, indent=2, default=lambda x: None if isinstance(x, float) and math.isnan(x) else x))
        return 0
    print(f"{len(notes)} notes, {chars:.0f} chars on average, mode={args.mode}, model={'off' if args.no_model else 'on'}, "
          f"learned={'on' if deid.config.use_learned else 'off'}")
    print(f"{'type':9} {'gold':>5} {'pred':>5} {'recall':>7} {'R-typed':>8} {'prec':>7} {'P-typed':>8}")
    for kind, r in sc.table().items():
        print(f"{kind:9} {r['gold']:5d} {r['predicted']:5d} {r['recall']:7.1%} {r['recall_typed']:8.1%} "
              f"{r['precision']:7.1%} {r['precision_typed']:8.1%}")
    print(f"medical entities surviving: {sc.medical_survived}/{sc.medical} = {sc.medical_survival:.1%}")
    if extraction:
        print(f"gold medical entities extracted: {extraction['original']}/{extraction['gold']} from the original notes, "
              f"{extraction['deidentified']}/{extraction['gold']} from the de-identified ones")
    print(f"speed (1 thread): {full:.1f} notes/s with model ({full * chars:,.0f} chars/s), {base:.1f} notes/s "
          f"patterns only (ratio {full / base:.2f}); model load {load_s:.1f} s")
    if args.by_style:
        styles: dict[str, list[int]] = {}
        for i, n in enumerate(notes):
            styles.setdefault(note_style(n), []).append(i)
        print(f"{'style':15} {'notes':>5} {'gold':>5} {'recall':>7} {'prec':>7} {'NAME-R':>7} {'NAME-P':>7}")
        for st, idx in sorted(styles.items()):
            t = score([notes[i] for i in idx], [results[i] for i in idx]).table()
            a, nm = t["ALL"], t.get("NAME", {"recall": float("nan"), "precision": float("nan")})
            print(f"{st:15} {len(idx):5d} {a['gold']:5d} {a['recall']:7.1%} {a['precision']:7.1%} "
                  f"{nm['recall']:7.1%} {nm['precision']:7.1%}")
    if args.show_misses:
        for nid, kind in sc.misses:
            print(f"missed {kind} in {nid}")
    return 0


def note_style(note: dict) -> str:
    """``nursing_upper``/``nursing_lower``/``nursing_mixed`` by the note's letter case, else ``typed``."""
    kind = note.get("note_type", "")
    if kind in ("nursing_upper", "nursing_lower", "nursing_mixed", "typed"):
        return kind
    if "nursing" not in kind:
        return "typed"
    letters = [c for c in note["text"] if c.isalpha()]
    up = sum(c.isupper() for c in letters) / max(1, len(letters))
    return "nursing_upper" if up > 0.9 else "nursing_lower" if up < 0.02 else "nursing_mixed"


def _extraction_survival(notes: list[dict], results: list) -> dict[str, int]:
    """Gold medical entities that medkg's pipeline finds (same text, any case) before and after de-identification."""
    from medkg.kg.errors import InputError
    from medkg.kg.models import Document
    from medkg.nlp.pipeline import Pipeline

    try:
        pipe, which = Pipeline.default(), "transformer NER + dictionary"
        pipe.process([Document(id="probe", text="Aspirin.")])  # the model loads on first use
    except InputError:  # the trained NER model is not in this tree: dictionary NER alone
        pipe, which = Pipeline.default(ner=False), "dictionary NER (no trained model found)"
    print(f"extraction pipeline: {which}", file=sys.stderr)

    def found(texts: list[str]) -> list[set[str]]:
        docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
        out = []
        for res in pipe.process(docs):
            names = {t.provenance.text.lower() for t in res.triples if t.provenance.text}
            names |= {u.text.lower() for u in res.unlinked}
            out.append(names)
        return out

    before = found([n["text"] for n in notes])
    after = found([r.text for r in results])
    counts = {"gold": 0, "original": 0, "deidentified": 0}
    for note, b, a in zip(notes, before, after):
        for m in note.get("medical", []):
            counts["gold"] += 1
            counts["original"] += m["text"].lower() in b
            counts["deidentified"] += m["text"].lower() in a
    return counts


if __name__ == "__main__":
    raise SystemExit(main())
