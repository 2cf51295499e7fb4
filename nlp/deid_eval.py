"""Scoring de-identification against gold spans (used by ``scripts/eval_deid.py`` and the tests).

Gold notes are JSON lines ``{"id", "text", "patient_id"?, "phi": [{"start", "end", "type"}],
"medical": [{"start", "end", "text"}]}``.

* **Recall** of a gold identifier: every letter and digit of it lies inside some replaced span (of any type:
  what matters for privacy is that it is gone). *Typed* recall also asks for the right type.
* **Precision** of a replaced span: it overlaps some gold identifier (typed: one of its type).
* **Medical survival**: a gold medical entity survives when no replaced span touches it, so the very string is
  still in the de-identified text.
* **Safe Harbor view** (:func:`safe_harbor_gold`): HIPAA Safe Harbor keeps a year and an age under 90, so gold sets
  that mark them are scored without them; a replaced span on such a value is then neither right nor wrong.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from medkg.kg.errors import InputError
from medkg.nlp.deid import DeidResult


def read_gold(path: Path) -> list[dict]:
    notes = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                for p in rec.get("phi", []):
                    if not 0 <= p["start"] < p["end"] <= len(text):
                        raise ValueError("span outside text")
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(f"{path}:{lineno}: not a gold note ({type(err).__name__})") from None
            notes.append(rec)
    return notes


_YEAR = re.compile(r"(?:19|20)\d{2}|['’]\d{2}")
_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}


def _age_value(value: str) -> int | None:
    """The number an age is written with: "72", "72yo", "seventy-two", "ninety one"; None where there is none."""
    digits = re.search(r"\d+", value)
    if digits:
        return int(digits.group())
    total, seen = 0, False
    for w in re.findall(r"[a-z]+", value.lower()):
        if w in _TENS or w in _UNITS:
            total, seen = total + _TENS.get(w, 0) + _UNITS.get(w, 0), True
        elif w == "hundred":
            total, seen = (total or 1) * 100, True  # "hundred and five", "one hundred two"
    return total if seen else None


def safe_harbor_gold(notes: Iterable[dict]) -> list[dict]:
    """The notes scored as HIPAA Safe Harbor reads identifiers: a year standing alone ("in 2019", "'94") and an age
    under 90 move from ``phi`` to ``neutral``, where a replaced span counts neither way. (A birth year that reveals an
    age over 89 is one Safe Harbor still wants removed; gold sets do not tell it apart, so it is left open too.)"""
    out = []
    for note in notes:
        keep, neutral = [], list(note.get("neutral", []))
        for g in note.get("phi", []):
            value = note["text"][g["start"]:g["end"]].strip().rstrip(".,;:)")
            age = _age_value(value) if g["type"] == "AGE" else None
            if g["type"] == "DATE" and _YEAR.fullmatch(value) or age is not None and age < 90:
                neutral.append(g)
            else:
                keep.append(g)
        out.append({**note, "phi": keep, "neutral": neutral})
    return out


@dataclass
class DeidScore:
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    removed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    removed_typed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct_typed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    medical: int = 0
    medical_survived: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (note id, type): never the string

    def add(self, note: dict, result: DeidResult) -> None:
        text = note["text"]
        spans = [(s.start, s.end, s.type.value) for s in result.spans]
        for g in note.get("phi", []):
            kind = g["type"]
            self.gold[kind] += 1
            need = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            if all(any(s <= i < e for s, e, _ in spans) for i in need):
                self.removed[kind] += 1
            else:
                self.misses.append((note["id"], kind))
            if all(any(s <= i < e and t == kind for s, e, t in spans) for i in need):
                self.removed_typed[kind] += 1
        for s, e, t in spans:
            hits = [g for g in note.get("phi", []) if s < g["end"] and g["start"] < e]
            if not hits and any(s < g["end"] and g["start"] < e for g in note.get("neutral", [])):
                continue  # a value the gold leaves open (Safe Harbor view): neither right nor wrong
            self.predicted[t] += 1
            if hits:
                self.correct[t] += 1
            if any(g["type"] == t for g in hits):
                self.correct_typed[t] += 1
        for m in note.get("medical", []):
            self.medical += 1
            if not any(s < m["end"] and m["start"] < e for s, e, _ in spans) and m["text"] in result.text:
                self.medical_survived += 1

    def table(self) -> dict[str, dict[str, float | int]]:
        rows: dict[str, dict[str, float | int]] = {}
        for kind in sorted(set(self.gold) | set(self.predicted)):
            g, p = self.gold.get(kind, 0), self.predicted.get(kind, 0)
            rows[kind] = {
                "gold": g, "predicted": p,
                "recall": self.removed.get(kind, 0) / g if g else float("nan"),
                "recall_typed": self.removed_typed.get(kind, 0) / g if g else float("nan"),
                "precision": self.correct.get(kind, 0) / p if p else float("nan"),
                "precision_typed": self.correct_typed.get(kind, 0) / p if p else float("nan"),
            }
        g, p = sum(self.gold.values()), sum(self.predicted.values())
        rows["ALL"] = {"gold": g, "predicted": p,
                       "recall": sum(self.removed.values()) / g if g else float("nan"),
                       "recall_typed": sum(self.removed_typed.values()) / g if g else float("nan"),
                       "precision": sum(self.correct.values()) / p if p else float("nan"),
                       "precision_typed": sum(self.correct_typed.values()) / p if p else float("nan")}
        return rows

    @property
    def medical_survival(self) -> float:
        return self.medical_survived / self.medical if self.medical else float("nan")


def score(notes: Iterable[dict], results: Iterable[DeidResult]) -> DeidScore:
    sc = DeidScore()
    for note, res in zip(notes, results, strict=True):
        sc.add(note, res)
    return sc


# --------------------------------------------------------------------------------------------------- speed


def ordinary_text(size: int, gold: Path | None = None) -> str:
    """The bundled gold notes repeated up to ``size`` characters: the yardstick for the adversarial inputs."""
    path = gold or Path(__file__).resolve().parents[1] / "tests" / "nlp" / "data" / "deid_notes.jsonl"
    base = "\n\n".join(n["text"] for n in read_gold(path))
    return (base * (size // len(base) + 1))[:size]


def adversarial_texts(size: int) -> dict[str, str]:
    """Inputs that make backtracking regexes (or quadratic span bookkeeping) explode, each ``size`` characters.

    Repeated punctuation, very long tokens, long runs of capitalised / upper-case words, digits and dashes, and
    inputs that produce a span every few characters (the span resolution must stay near-linear too).
    """
    def rep(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    long_tok = 100_000
    return {
        "1.1.1.": rep("1."),
        "////": rep("/"),
        "----": rep("-"),
        "....": rep("."),
        "a.a.a.": rep("a."),
        "long tokens": rep("a" * long_tok + " "),
        "long mixed tokens": rep("Ab1-x." * (long_tok // 6) + " "),
        "Ab'Cd'": rep("Ab'"),
        "Capitalised words": rep("Smith "),
        "UPPER WORDS": rep("SMITH "),
        "lower words": rep("smith "),
        "digits": rep("1234567890"),
        "digits-dashes": rep("12-34-"),
        "digit runs + spaces": rep("1234 5678 "),
        "dense names": rep("Dr. Smith, "),
        "dense dates": rep("on 3/4 "),
        "whitespace": rep(" \n\t"),
        # a cased text of lower-case passages, each also read as a one-case note of its own
        "one-case passages": rep("Reply from Dr. Smith:\n\nwe were at my moms in aurora, my son tomas has a fever "
                                 "and a cough since monday, should i bring him in?\n\n"),
        # one long cased line of lower-case sentences, each read as a one-case span of its own
        "one-case sentences": rep("Seen by Dr. Smith. we were at my moms in aurora, my son tomas has a fever and a "
                                  "cough since monday, should i bring him in today or wait? "),
        "cue + long gap": rep("pager" + " " * 3000 + "ssn last 4" + " " * 3000 + "| A" + " " * 3000 + "x |\n"),
        # blanks after a cue or a name, a key's long hyphenated "name" (each once backtracked badly)
        "cue + spaces": rep("plan per" + " " * 3000 + "x\nSeen by Dr. Smith" + " " * 3000 + "x\n"),
        "key hyphens": rep("AB = Xa" + "-Bb" * 18 + ".\n"),
        # blanks, or blanks around a colon, between a cue and what would be its value ("plate" + 1,000 spaces once
        # took 95 s: three optional blanks in a row; "from harbor house" + blanks: a lookahead's two blank runs)
        "cues + blanks": rep("".join(f"{cue}{gap}{tail}\n" for cue in (
            "plate", "MRN", "zip", "husband", "DOB", "Apgar", "vin", "group", "12 Main St Apt", "typed by", "pt 45",
            "ssn", "from harbor house", "we met at tripler", "called from Bend", "this is Bob", "Kroger store")
            for gap in (" " * 400, "\t" * 400, " " * 200 + ":" + " " * 200) for tail in ("Xx", "."))),
        # ampersands between words, capitals, and blanks before a postcode (a practice's name before "&" and a
        # region before a postcode were once read back over the whole line for each one)
        "ampersands": rep("a & Bb Cc & "),
        "capitals + postcode": rep("A" * 5000 + " " * 5000 + "EH4 1DS, Leeds LS1 1AA\n"),
        # a flowsheet's initials: keys, signing labels with long "/" chains, initials columns, logins, record lines
        "form initials": rep("KO = Kemi Oyelaran RN; JM = Jun Matsuda RN | KO | JM/TK | Signed: AB / CD / EF / GH x "
                             "kmarshRN 3/24 0940  LOVE, MARTIN (60008816) Lot | X0114 |\n"),
        # wards with floors, towns of several words, identifier prefixes, names before phones, agency initials
        # (each grows into its neighbours' gaps, checked against its neighbours only)
        "wards and towns": rep("to 4 Lakeview, Hawthorne 5 Cardiac, in Dade City, Four Corners Home Medical | RX 6620148"
                               " | Dolores King 555-712-4400, brought in by SAPD - BS/ps\n"),
        # a name, then a long blank run where a telephone number could follow
        "name + blanks": rep("Mary Smith" + " " * 3000 + "x\n"),
    }
