"""What every de-identification development-set generator (``make_deid_dev_round*.py``) shares: the checks that
make gold offsets trustworthy, filling a note template, and writing the set with a summary."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable
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


def fill_template(template: str, placeholder: re.Pattern, value: Callable[[str, str | None], str],
                  types: dict[str, str], case: str, rng: random.Random | None = None,
                  lower_names: float = 0.0) -> tuple[str, list[dict], list[dict]]:
    """Text, gold identifier spans and medical spans of one note built from ``template``.

    ``placeholder`` matches ``{T:kind=ref}`` (group 1 the type letter, 2 the value kind, 3 an optional reference
    that repeats the same value later in the note) or ``<<medical term>>`` (group 4). ``value(letter, kind)``
    draws a value; ``types`` maps letters to gold types. ``case`` is upper/lower/mixed/typed: upper and lower
    change the whole text (offsets do not move). With ``lower_names`` (and ``rng``), that share of names (``N``)
    in mixed-case notes is written in lower case, as real mixed-case notes sometimes do."""
    out: list[str] = []
    n = 0
    phi: list[dict] = []
    med: list[dict] = []
    keep: dict[str, str] = {}
    pos = 0
    for m in placeholder.finditer(template):
        lit = template[pos:m.start()]
        out.append(lit)
        n += len(lit)
        pos = m.end()
        if m.group(4) is not None:
            val = m.group(4)
            med.append({"start": n, "end": n + len(val), "text": val})
        else:
            t, kind, ref = m.group(1), m.group(2), m.group(3)
            if ref and ref in keep:
                val = keep[ref]
            else:
                val = value(t, kind)
                if ref:
                    keep[ref] = val
            if lower_names and case == "mixed" and t == "N" and rng is not None and rng.random() < lower_names:
                val = val.lower()
            phi.append({"start": n, "end": n + len(val), "type": types[t]})
        out.append(val)
        n += len(val)
    out.append(template[pos:])
    text = "".join(out)
    if case == "upper":
        text = text.upper()
    elif case == "lower":
        text = text.lower()
    for s in med:
        s["text"] = text[s["start"]:s["end"]]
    return text, phi, med
