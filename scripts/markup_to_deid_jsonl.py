#!/usr/bin/env python
"""Turn hand-written notes with inline identifier markup into a gold de-identification set (JSON lines).

    python scripts/markup_to_deid_jsonl.py NOTES.txt --prefix r11a --out tests/nlp/data/deid_dev_round11a.jsonl

The input holds notes separated by lines of ``=====``; a note may start with a ``#style: typed|upper|lower|mixed``
line. Inside a note, ``[[TYPE|text]]`` marks an identifier (TYPE one of the de-identifier's types, e.g.
``[[NAME|Joan O'Hara]]``) and ``{{text}}`` a medical term that must survive (an eponym such as ``{{Foley}}``).
The markup is removed and each span's offsets are recorded, so offsets are exact by construction. A malformed
marker or an unknown type stops the conversion with the note number and the marker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medkg.nlp.deid import PhiType  # noqa: E402

MARK = re.compile(r"\[\[([A-Z]+)\|([^\[\]|]+?)\]\]|\{\{([^{}]+?)\}\}")
STYLES = ("typed", "upper", "lower", "mixed")


def convert(raw: str, number: int) -> tuple[str, str, list[dict], list[dict]]:
    """(style, text, phi, medical) of one marked-up note."""
    style = "typed"
    lines = raw.strip("\n").split("\n")
    if lines and lines[0].startswith("#style:"):
        style = lines.pop(0).split(":", 1)[1].strip()
        if style not in STYLES:
            raise SystemExit(f"note {number}: unknown style {style!r} (one of {', '.join(STYLES)})")
    body = "\n".join(lines).strip("\n") + "\n"
    text, phi, medical, pos = [], [], [], 0
    out_len = 0
    valid = {t.value for t in PhiType}
    for m in MARK.finditer(body):
        chunk = body[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        if m.group(1):
            kind, value = m.group(1), m.group(2)
            if kind not in valid:
                raise SystemExit(f"note {number}: unknown type {kind!r} in {m.group(0)!r}")
            phi.append({"start": out_len, "end": out_len + len(value), "type": kind})
        else:
            value = m.group(3)
            medical.append({"start": out_len, "end": out_len + len(value), "text": value})
        text.append(value)
        out_len += len(value)
        pos = m.end()
    text.append(body[pos:])
    joined = "".join(text)
    for bad in ("[[", "]]", "{{", "}}"):
        if bad in joined:
            at = joined.index(bad)
            raise SystemExit(f"note {number}: malformed marker near {joined[max(0, at - 30):at + 30]!r}")
    for p in phi:  # identifiers must not start or end in whitespace (the scorer counts letters and digits)
        if joined[p["start"]:p["end"]] != joined[p["start"]:p["end"]].strip():
            raise SystemExit(f"note {number}: identifier with surrounding spaces: {joined[p['start']:p['end']]!r}")
    return style, joined, phi, medical


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notes", type=Path, nargs="+")
    ap.add_argument("--prefix", required=True, help="note id prefix, e.g. r11a")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    records, n = [], 0
    for path in args.notes:
        for raw in re.split(r"(?m)^=====+\s*$", path.read_text(encoding="utf-8")):
            if not raw.strip():
                continue
            n += 1
            style, text, phi, medical = convert(raw, n)
            note_type = "typed" if style == "typed" else f"nursing_{style}"
            records.append({"id": f"{args.prefix}-{style}-{n:03d}", "note_type": note_type,
                            "patient_id": f"DEV-{args.prefix.upper()}-{n:03d}", "text": text, "phi": phi,
                            "medical": medical})
    with open(args.out, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for rec in records:
        for p in rec["phi"]:
            counts[p["type"]] = counts.get(p["type"], 0) + 1
    print(f"{len(records)} notes, {sum(counts.values())} identifiers: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
