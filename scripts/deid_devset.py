"""What every de-identification development-set generator (``make_deid_dev_round*.py``) shares: the checks that
make gold offsets trustworthy, and writing the set with a summary."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def check_notes(notes: list[dict], types: Iterable[str] | None = None, first_chars: str = "'(+") -> None:
    """Gold spans do not overlap, are trimmed and start with a letter, digit or one of ``first_chars``; medical
    spans quote their text; ALL-CAPS and lower-case notes really are; every identifier type of ``types`` occurs."""
    used: set[str] = set()
    for note in notes:
        text = note["text"]
        spans = sorted(note["phi"], key=lambda p: p["start"])
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], (note["id"], a, b)
        for p in spans:
            seg = text[p["start"]:p["end"]]
            used.add(p["type"])
            assert seg and seg == seg.strip() and (seg[0].isalnum() or seg[0] in first_chars), (note["id"], seg)
        for m in note["medical"]:
            assert text[m["start"]:m["end"]] == m["text"], note["id"]
        kind = note["note_type"]
        letters = [c for c in text if c.isalpha()]
        if kind == "nursing_upper":
            assert all(c.isupper() for c in letters), note["id"]
        elif kind == "nursing_lower":
            assert all(c.islower() for c in letters), note["id"]
    if types is not None:
        assert used == set(types), set(types) - used


def write_notes(notes: list[dict], out: Path) -> None:
    """One note per JSONL line, then a one-line summary of styles, identifier types and medical entities."""
    with open(out, "w", encoding="utf-8") as fh:
        for n in notes:
            fh.write(json.dumps(n, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    styles: dict[str, int] = {}
    for n in notes:
        styles[n["note_type"]] = styles.get(n["note_type"], 0) + 1
        for p in n["phi"]:
            counts[p["type"]] = counts.get(p["type"], 0) + 1
    print(f"{len(notes)} notes ({styles}), {sum(counts.values())} identifiers, "
          f"{sum(len(n['medical']) for n in notes)} medical entities: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
