"""Write the round-9 de-identification development set (``tests/nlp/data/deid_dev_round9.jsonl``), and generate
training notes of the same kind for the learned PHI tagger.

    python scripts/make_deid_dev_round9.py [--out FILE] [--seed 909] [--fold dev|train]

Rounds 4 to 8 each wrote one fixed list of note templates. This round is built differently, by composition, so
that every identifier is seen in many formats, after many cue words and among many clinical numbers:

* **values** come from format grammars: dates in 39 forms (m/d, m/d/yy, mm-dd-yyyy, dd.mm.yyyy, ISO, compact,
  "3rd of May", "May '94", "Jan 3", "Tues 3/4", "Wednesday, March 4", "04MAR2021", "4-Mar-21" ...), phone numbers
  in 25 (every separator, "(555)1234567", "+1.555...", extensions "x1234"/"ext. 12", international) and pagers
  ("4-1234"), identifiers in 51 (record, account, encounter, accession, insurance, Medicare and Medicaid,
  licence, badge, device serial, UDI, lot, claim and tracking numbers, with spaces, dashes and letters), plates
  with and without their state and VINs, street addresses, PO boxes, rural routes and cross streets; names drawn
  from the census lists that :mod:`medkg.nlp.deid` ships and from hand-written lists (apostrophes, hyphens, particles,
  Native American, Somali, Ukrainian, Persian, Turkish, Chinese, Japanese, Samoan, Chamorro, Cajun, Greek,
  Finnish, Hungarian, Czech names), towns drawn from its GeoNames list;
* **cues** come from pools per kind ("MRN#", "FIN", "CSN", "HAR", "Acc#", "bracelet #", "cb#", "c:", "pgr",
  "tag", "LP" ...), and some values stand with no cue at all (a contact block, a header line);
* **sentences** are nursing shorthand and form lines with slots, and every note also carries clinical numbers
  that must stay: doses "5/325", "1/2NS", "D5 1/2", blood pressures, vent settings "PS 10/5", "AC 500x14/5/40%",
  blood gases, labs, clock times, room and bed numbers, scores "5/5", "pain 4/10", lines and drains, ICD-10, CPT
  and NDC codes, years alone, durations and ratios;
* **notes** are ICU nursing notes (system headings, run-on paragraphs or bullets) in ALL CAPS, lower case and mixed
  case, and typed documents (forms, letters, reports, logs, telephone encounters).

Every pool (cue words, sentences, note layouts, value formats) and every name and town list is split in two
folds: ``train`` (what :mod:`scripts.train_deid_model` draws training notes from, at its own seeds) and ``dev``
(about a quarter of the cue words and sentences, a few formats, a quarter of the names and towns, never seen in
training). The frozen development file is the ``dev`` fold at seed 909, so the learned tagger is measured there on
sentences, cues, formats, names and towns it never saw.

Gold conventions follow the earlier rounds: titles, "#" and cue words are outside the span; a phone extension is
part of the phone; a weekday next to its date is part of the date; "LAST, FIRST M" is one span; a state before or
after a plate is not part of it. Following Safe Harbor, a year alone, a season and its year, durations, room and
bed numbers, NDC, ICD-10 and CPT codes are not identifiers. Offsets are exact by construction (placeholders); a
checker confirms span texts, non-overlap and letter case. All values are invented or drawn from public name and
place lists; no real patient is meant.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_devset import check_notes, fill_template, write_notes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = {"N": "NAME", "L": "LOCATION", "D": "DATE", "P": "PHONE", "I": "ID", "A": "AGE", "S": "ADDRESS",
         "Z": "ZIP", "E": "EMAIL", "U": "URL", "X": "SSN", "V": "VEHICLE", "R": "IP"}

# ------------------------------------------------------------------------------------------------ folds


def _fold_of(item: str, salt: str = "r9") -> str:
    """``dev`` for about a quarter of the items (stable under edits of other items), else ``train``."""
    return "dev" if zlib.crc32(f"{salt}:{item}".encode()) % 4 == 0 else "train"


def _split(pool: list[str], fold: str, salt: str = "r9") -> list[str]:
    """The items of ``pool`` in ``fold``: by item for long lists, every fourth item for short ones (so a short
    pool still gives the dev fold its quarter); a pool too small to split serves both folds."""
    if len(pool) >= 40:
        out = [x for x in pool if _fold_of(x, salt) == fold]
    else:
        offset = zlib.crc32(salt.encode()) % 4
        out = [x for i, x in enumerate(pool) if ((i + offset) % 4 == 0) == (fold == "dev")]
    return out or pool


# ------------------------------------------------------------------------------------------------ value lists

FIRST_HAND = [
    "Yanaba", "Kaya", "Hosteen", "Ahiga", "Nizhoni",  # Navajo
    "Abdirahman", "Hodan", "Faadumo", "Warsame", "Ayaan",  # Somali
    "Oksana", "Bohdan", "Halyna", "Taras", "Mykola",  # Ukrainian
    "Dariush", "Shirin", "Kourosh", "Parisa", "Behnaz",  # Persian
    "Emre", "Zeynep", "Oguz", "Elif", "Cemal",  # Turkish
    "Xiaoming", "Yuling", "Zhiwei", "Meihua", "Jianguo",  # Chinese
    "Haruto", "Yumiko", "Kenji", "Sakura", "Takumi",  # Japanese
    "Sione", "Malia", "Tavita", "Losa", "Iosefa",  # Samoan
    "Joaquina", "Vicente", "Rosalia", "Ignacio",  # Chamorro
    "Thibodeaux", "Clovis", "Nolan", "Odile", "Alcide",  # Cajun
    "Stavroula", "Panagiotis", "Chrysoula", "Vasilis",  # Greek
    "Aino", "Eero", "Tuula", "Juhani",  # Finnish
    "Zsofia", "Laszlo", "Ildiko", "Gyorgy",  # Hungarian
    "Radek", "Jitka", "Zdenek", "Blanka",  # Czech
    "Mary-Kate", "Jo Ann", "Billy Ray", "Lou Ellen", "Bobbie-Jo",  # compound
    "Precious", "Memory", "Blessing", "Royal", "Rusty", "Dusty", "Sunny", "Harley", "Dakota", "Cash",  # word-like
]
LAST_HAND = [
    "Begay", "Yazzie", "Tsosie", "Benally", "Nez",
    "Warsame", "Abdullahi", "Farah", "Hirsi", "Mohamud",
    "Kovalenko", "Shevchenko", "Bondarenko", "Tkachuk", "Melnyk",
    "Tehrani", "Farahani", "Karimi", "Hosseini", "Rostami",
    "Yilmaz", "Ozturk", "Aydin", "Celik", "Demir",
    "Zhang", "Liu", "Huang", "Zhou", "Xu",
    "Takahashi", "Yamamoto", "Nakamura", "Kobayashi", "Watanabe",
    "Faleolo", "Tuilagi", "Leota", "Sapolu", "Tuiasosopo",
    "Cruz", "Taitano", "Quinata", "San Nicolas", "Borja",
    "Boudreaux", "Thibodeaux", "Hebert", "Guidry", "LeBlanc",
    "Papadakis", "Georgiou", "Konstantinidis", "Pappas",
    "Virtanen", "Korhonen", "Makinen", "Nieminen",
    "Nagy", "Szabo", "Horvath", "Kiss",
    "Novak", "Dvorak", "Prochazka", "Cerny",
    "O'Rourke", "D'Souza", "McAllister", "MacPherson", "St. Germain", "de la Cruz", "Van Buren", "del Toro",
    "Smith-Jones", "Garcia-Lopez", "Nguyen-Tran", "ten Brink", "Le", "Ng", "Ho", "Fox", "Lamb", "Pine", "Wolf",
]
NICK = ["Bud", "Sissy", "Junior", "Chip", "Peaches", "Red", "Tiny", "Boots", "Pepe", "Lulu"]
TOWN_HAND = ["Window Rock", "Chinle", "Tuba City", "Kayenta", "Shiprock", "Crownpoint", "Houma", "Thibodaux", "Opelousas",
             "Breaux Bridge", "Hamtramck", "Dearborn", "Mankato", "Faribault", "Bemidji", "Hibbing", "Tomah",
             "Marquette", "Escanaba", "Ely", "Hagatna", "Tamuning", "Pago Pago", "Kapolei", "Hana", "Barrow",
             "Bethel", "Nome", "Kotzebue", "Dillingham", "Lubbock", "Laredo", "Del Rio", "Eagle Pass", "Alpine",
             "Truth or Consequences", "Gallup", "Farmington", "Espanola", "Taos", "Yuma", "Nogales", "Ajo"]
ABROAD = ["Mogadishu", "Kyiv", "Lviv", "Tehran", "Shiraz", "Izmir", "Ankara", "Guangzhou", "Chengdu", "Osaka",
          "Sapporo", "Apia", "Helsinki", "Debrecen", "Brno", "Thessaloniki", "Hargeisa"]
FAC_HEADS = ["Hospital", "Medical Center", "Regional Medical Center", "Memorial Hospital", "Nursing & Rehab",
             "Health Center", "Community Hospital", "Care Center", "Rehabilitation Hospital", "Indian Health Center",
             "Senior Living", "Dialysis", "Behavioral Health", "Clinic", "Family Practice", "Urgent Care",
             "Home Health", "Hospice House", "VA Medical Center", "Surgery Center"]
SAINTS = ["St. Anselm", "St. Brigid", "St. Casimir", "Our Lady of Lourdes", "St. Jude", "St. Vincent de Paul",
          "Holy Cross", "Mercy", "Good Shepherd", "St. Clare"]
STREET_WORDS = ["Juniper", "Sagebrush", "Mesquite", "Cottonwood", "Bayou", "Levee", "Cypress", "Pelican", "Tamarack",
                "Birch Hollow", "Fox Run", "Quail Hollow", "Deer Path", "Old Mill", "Indian Trail", "Canyon View",
                "Pueblo", "Arroyo", "Paseo del Sol", "Camino Real", "Lakeshore", "Harbor View", "Seaview", "Main",
                "Church", "School", "Railroad", "Depot", "Washington", "Lincoln", "Martin Luther King Jr", "1st",
                "2nd", "3rd", "14th", "42nd", "Elm", "Oak", "Maple", "Spruce", "Walnut", "Kalanianaole", "Ala Moana"]
STREET_SUFFIX = ["St", "St.", "Street", "Ave", "Ave.", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Ct",
                 "Court", "Blvd", "Pkwy", "Hwy", "Way", "Pl", "Place", "Cir", "Circle", "Ter", "Trl", "Trail", "Loop",
                 "Pike", "Row"]
UNITS = ["Apt 4B", "Apt. 12", "#12", "# 3", "Unit C", "Unit 210", "Lot 14", "Ste 200", "Suite 5", "Trlr 9", "Bldg 2 Apt 7",
         "Fl 3", "Space 41", "Apt #2R"]
STATES = ["AZ", "NM", "LA", "MN", "MI", "AK", "HI", "TX", "WI", "MT", "ND", "OK", "NV", "UT", "OR", "WA", "ID",
          "Arizona", "New Mexico", "Louisiana", "Minnesota", "Texas", "Alaska", "Oklahoma"]
STATE_ABBR = [s for s in STATES if len(s) == 2]
DOMAINS = ["navajohealth.org", "bayouregional.net", "ihs-example.gov", "northlakes-med.org", "gmail.com",
           "yahoo.com", "hotmail.com", "aol.com", "icloud.com", "outlook.com"]
MON_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_SHORT = ["Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun"]


def _ord(d: int) -> str:
    return f"{d}" + ("th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


# ------------------------------------------------------------------------------------------------ formats
# each format is a function of (values); a few formats of each kind serve the dev fold only

DEV_ONLY_FORMATS = {"D": {"dots4", "wkmond", "dmon", "monapos", "dashmd"},
                    "P": {"parennosp", "plusdots", "slash", "intl011"},
                    "I": {"fin", "udi", "track", "dlwa", "armband"},
                    "V": {"platestate2", "vinlow"},
                    "S": {"cross", "pob"}}


class Values:
    """Draws the value of each placeholder kind for one fold."""

    def __init__(self, rng: random.Random, fold: str) -> None:
        self.r = rng
        self.fold = fold
        first, last, towns = _name_lists()
        self.first = _split(first, fold, "first")
        self.last = _split(last, fold, "last")
        self.towns = _split(towns, fold, "town")
        self.abroad = _split(ABROAD, fold)
        self.saints = _split(SAINTS, fold)
        self.streets = _split(STREET_WORDS, fold, "street")

    # -- helpers
    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def alnum(self, n: int) -> str:
        while True:
            s = "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def formats(self, kind: str, table: dict[str, Callable[[], str]]) -> list[str]:
        dev_only = DEV_ONLY_FORMATS.get(kind, set())
        return [k for k in table if self.fold == "dev" or k not in dev_only]

    def md(self) -> tuple[int, int]:
        while True:  # no fraction-like pairs: "1/2" is a half in any note
            m, d = self.r.randint(1, 12), self.r.randint(1, 28)
            if (m, d) not in {(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8), (2, 2), (5, 5), (4, 5)}:
                return m, d

    # -- kinds
    def date(self, key: str | None) -> str:
        r = self.r
        m, d = self.md()
        y = r.randint(1931, 2026)
        yy = f"{y % 100:02d}"
        mf, ma = MON_FULL[m - 1], MON_ABBR[m - 1]
        wd = r.choice(WEEKDAYS)
        t: dict[str, Callable[[], str]] = {
            "md": lambda: f"{m}/{d}", "mdpad": lambda: f"{m:02d}/{d:02d}", "mdyy": lambda: f"{m}/{d}/{yy}",
            "mdyyyy": lambda: f"{m}/{d}/{y}", "mdyypad": lambda: f"{m:02d}/{d:02d}/{yy}",
            "mdyyyypad": lambda: f"{m:02d}/{d:02d}/{y}", "dashmd": lambda: f"{m}-{d}",
            "dashmdyy": lambda: f"{m}-{d}-{yy}", "dashmdyyyy": lambda: f"{m:02d}-{d:02d}-{y}",
            "dots": lambda: f"{m}.{d}.{yy}", "dots4": lambda: f"{m:02d}.{d:02d}.{y}", "iso": lambda: f"{y}-{m:02d}-{d:02d}",
            "isoslash": lambda: f"{y}/{m:02d}/{d:02d}", "compact": lambda: f"{y}{m:02d}{d:02d}",
            "mond": lambda: f"{ma} {d}", "mondot": lambda: f"{ma}. {d}", "monfull": lambda: f"{mf} {d}",
            "monord": lambda: f"{mf} {_ord(d)}", "monabord": lambda: f"{ma} {_ord(d)}",
            "mondy": lambda: f"{mf} {d}, {y}", "mondync": lambda: f"{ma} {d} {y}", "dmon": lambda: f"{d} {mf}",
            "dmony": lambda: f"{d} {ma} {y}", "ordof": lambda: f"{_ord(d)} of {mf}", "theord": lambda: f"the {_ord(d)}",
            "monyr": lambda: f"{mf} {y}", "monapos": lambda: f"{ma} '{yy}", "apos": lambda: f"'{yy}",
            "glued": lambda: f"{d:02d}{ma.upper()}{y}", "gluedyy": lambda: f"{d}{ma.upper()}{yy}",
            "dmonyy": lambda: f"{d}-{ma}-{yy}", "dmonyyyy": lambda: f"{d:02d}-{ma.upper()}-{y}",
            "wkmd": lambda: f"{r.choice(WD_SHORT)} {m}/{d}", "wklong": lambda: f"{wd}, {mf} {d}",
            "wkcomma": lambda: f"{r.choice(WD_SHORT)}, {m}/{d}", "wkmond": lambda: f"{r.choice(WD_SHORT)} {ma} {d}",
            "wkfull": lambda: f"{wd}, {mf} {d}, {y}", "mondash": lambda: f"{ma}-{d}", "monslashyr": lambda: f"{m:02d}/{y}",
        }
        key = key or r.choice(self.formats("D", t))
        return t[key]()

    def phone(self, key: str | None) -> str:
        r = self.r
        ac = str(r.randint(201, 989))
        a, b = str(r.randint(201, 989)), self.digits(4)
        ext = str(r.randint(1, 9999))
        t: dict[str, Callable[[], str]] = {
            "dash": lambda: f"{ac}-{a}-{b}", "paren": lambda: f"({ac}) {a}-{b}", "parennosp": lambda: f"({ac}){a}-{b}",
            "parenrun": lambda: f"({ac}){a}{b}", "dots": lambda: f"{ac}.{a}.{b}", "spaces": lambda: f"{ac} {a} {b}",
            "run": lambda: f"{ac}{a}{b}", "one": lambda: f"1-{ac}-{a}-{b}", "oneparen": lambda: f"1 ({ac}) {a}-{b}",
            "plus1": lambda: f"+1 {ac} {a} {b}", "plus1dash": lambda: f"+1-{ac}-{a}-{b}", "plusdots": lambda: f"+1.{ac}.{a}.{b}",
            "slash": lambda: f"{ac}/{a}-{b}", "x": lambda: f"{ac}-{a}-{b} x{ext}", "xsp": lambda: f"({ac}) {a}-{b} x {ext}",
            "ext": lambda: f"{ac}-{a}-{b} ext {ext}", "extdot": lambda: f"{ac}.{a}.{b} ext. {ext}",
            "local": lambda: f"{a}-{b}", "localdot": lambda: f"{a}.{b}", "dashrun": lambda: f"{ac}-{a}{b}",
            "uk": lambda: f"+44 {r.randint(20, 79)} {r.randint(1000, 9999)} {self.digits(4)}",
            "so": lambda: f"+252 61 {self.digits(3)} {self.digits(4)}", "ua": lambda: f"+380 44 {self.digits(3)} {self.digits(2)} {self.digits(2)}",
            "jp": lambda: f"+81-3-{self.digits(4)}-{self.digits(4)}", "intl011": lambda: f"011 52 55 {self.digits(4)} {self.digits(4)}",
        }
        key = key or r.choice(self.formats("P", t))
        return t[key]()

    def pager(self) -> str:
        r = self.r
        return r.choice([self.digits(4), self.digits(5), f"{r.randint(1, 9)}-{self.digits(4)}"])

    def ident(self, key: str | None) -> str:
        r, L, D, A = self.r, self.letters, self.digits, self.alnum
        t: dict[str, Callable[[], str]] = {
            "mrn7": lambda: D(7), "mrn8": lambda: "00" + D(6), "mrn9": lambda: D(9), "mrn10": lambda: D(10),
            "mrndash": lambda: f"{D(3)}-{D(2)}-{D(3)}", "mrndash2": lambda: f"{D(2)}-{D(3)}-{D(3)}",
            "mrnsp": lambda: f"{D(3)} {D(3)} {D(3)}", "mrnalpha": lambda: f"{L(1)}{D(7)}", "mrnmr": lambda: f"MR{D(7)}",
            "ealpha": lambda: f"E{D(9)}", "h": lambda: f"H{D(8)}", "pt": lambda: f"PT-{D(6)}",
            "acc": lambda: f"ACC-{D(7)}", "fin": lambda: f"{D(4)} {D(4)}", "csn": lambda: D(12),
            "spec": lambda: f"S{D(2)}-{D(5)}", "spec2": lambda: f"SP-{D(2)}-{D(6)}", "spec3": lambda: f"{D(2)}-CH-{D(5)}",
            "ua": lambda: f"UA{D(5)}", "dlaz": lambda: f"D{D(8)}", "dlnm": lambda: D(9), "dlla": lambda: f"00{D(7)}",
            "dlmn": lambda: f"{L(1)}{D(3)}-{D(3)}-{D(3)}-{D(3)}", "dlwa": lambda: f"WDL{A(9)}",
            "dltx": lambda: D(8), "ins": lambda: f"{L(3)}{D(9)}", "insw": lambda: f"W{D(9)}",
            "insgrp": lambda: f"{D(5)}-{L(3)}", "mbi": lambda: f"{D(1)}{L(2)}{D(1)}-{L(2)}{D(1)}-{L(2)}{D(2)}",
            "mbirun": lambda: f"{D(1)}{L(2)}{D(1)}{L(2)}{D(1)}{L(2)}{D(2)}", "mcaid": lambda: f"{L(2)}{D(5)}{L(1)}",
            "badge": lambda: f"{D(5)}", "emp": lambda: f"E-{D(5)}", "serial": lambda: f"{L(3)}{D(6)}{L(1)}",
            "serialdash": lambda: f"{A(3)}-{D(4)}-{L(1)}", "serialsp": lambda: f"{L(2)} {D(3)} {D(3)}",
            "serialmix": lambda: f"{L(1)}{D(2)}{L(1)}{D(2)}{L(1)}{D(2)}", "lot": lambda: f"{L(2)}{D(4)}{L(1)}",
            "lot2": lambda: f"{D(5)}{L(2)}", "lot3": lambda: f"{L(1)}{D(3)}{L(2)}", "claim": lambda: f"{r.randint(2015, 2026)}-{D(6)}-{D(2)}",
            "auth": lambda: f"PA-{D(5)}", "auth2": lambda: f"{L(1)}{D(9)}", "case": lambda: f"{r.randint(15, 26)}-{D(5)}",
            "udi": lambda: f"(01){D(14)}(17){D(6)}(10){A(6)}", "track": lambda: f"1Z {A(3)} {A(3)} {D(2)} {D(4)} {D(4)}",
            "armband": lambda: f"WB {D(4)} {D(4)}", "npi": lambda: f"1{D(9)}", "dea": lambda: f"{L(2)}{D(7)}",
            "lic": lambda: f"{r.choice(['RN', 'MD', 'LPN', 'PA', 'NP'])}{D(6)}", "passport": lambda: f"{L(1)}{D(8)}",
        }
        key = key or r.choice(self.formats("I", t))
        return t[key]()

    def vehicle(self, key: str | None) -> str:
        L, D = self.letters, self.digits
        t: dict[str, Callable[[], str]] = {
            "plate": lambda: f"{L(3)} {D(4)}", "platedash": lambda: f"{L(3)}-{D(4)}", "plate7": lambda: f"{D(1)}{L(3)}{D(3)}",
            "platerun": lambda: f"{L(3)}{D(3)}", "plate2": lambda: f"{D(3)}-{L(3)}", "plate3": lambda: f"{L(2)} {D(5)}",
            "plate4": lambda: f"{D(3)} {L(1)}{D(2)}", "platestate2": lambda: f"{L(1)}{D(2)}-{L(3)}",
            "vin": lambda: self.vin(), "vinlow": lambda: self.vin().lower(),
        }
        key = key or self.r.choice(self.formats("V", t))
        return t[key]()

    def vin(self) -> str:
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        return "".join(self.r.choice(chars) for _ in range(11)) + self.digits(6)

    def street(self) -> str:
        r = self.r
        pre = r.choice(["", "", "", "N ", "S. ", "E ", "West ", "NW "])
        return f"{pre}{r.choice(self.streets)} {r.choice(STREET_SUFFIX)}"

    def address(self, key: str | None) -> str:
        r = self.r
        n = str(r.randint(1, 29999))
        t: dict[str, Callable[[], str]] = {
            "st": lambda: f"{n} {self.street()}", "unit": lambda: f"{n} {self.street()}, {r.choice(UNITS)}",
            "unit2": lambda: f"{n} {self.street()} {r.choice(UNITS)}", "po": lambda: f"PO Box {r.randint(1, 9999)}",
            "pob": lambda: f"P.O. Box {r.randint(1, 9999)}", "rr": lambda: f"RR {r.randint(1, 9)} Box {r.randint(1, 400)}",
            "hc": lambda: f"HC {r.randint(1, 80)} Box {r.randint(10, 2999)}",
            "cr": lambda: f"{n} County Road {r.randint(1, 999)}", "hwy": lambda: f"{n} State Hwy {r.randint(1, 399)}",
            "cross": lambda: f"{self.street()} and {self.street()}",
        }
        key = key or r.choice(self.formats("S", t))
        return t[key]()

    def name(self, key: str | None) -> str:
        r = self.r
        f, s = r.choice(self.first), r.choice(self.last)
        t: dict[str, Callable[[], str]] = {
            "full": lambda: f"{f} {s}", "first": lambda: f, "last": lambda: s, "lf": lambda: f"{s}, {f}",
            "lfcaps": lambda: f"{s.upper()}, {f.upper()}", "lfmi": lambda: f"{s.upper()}, {f.upper()} {r.choice('ABCDEJKLMRST')}",
            "fmi": lambda: f"{f} {r.choice('ABCDEJKLMRST')}. {s}", "init": lambda: f"{f[0]}. {s}",
            "nick": lambda: f"{f} \"{r.choice(NICK)}\" {s}", "nickp": lambda: f"{f} ({r.choice(NICK)}) {s}",
        }
        key = key or r.choice(["full", "full", "full", "first", "last", "lf", "fmi", "init"])
        return t[key]()

    def place(self, key: str | None) -> str:
        r = self.r
        town = r.choice(self.towns)
        t: dict[str, Callable[[], str]] = {
            "town": lambda: town, "abroad": lambda: r.choice(self.abroad),
            "hosp": lambda: f"{town} {r.choice(FAC_HEADS)}", "saint": lambda: f"{r.choice(self.saints)} Hospital",
            "county": lambda: f"{town} County", "townst": lambda: town,
        }
        key = key or r.choice(["town", "town", "hosp", "saint", "county"])
        return t[key]()

    def get(self, t: str, key: str | None) -> str:
        r = self.r
        if self.fold == "train" and key in DEV_ONLY_FORMATS.get(t, set()):
            key = None  # a format kept for the dev fold: the train fold draws another
        if t == "N":
            return self.name(key)
        if t == "L":
            return self.place(key)
        if t == "D":
            return self.date(key)
        if t == "P":
            return self.pager() if key == "pager" else self.phone(key)
        if t == "I":
            return self.ident(key)
        if t == "A":
            return str(r.randint(90, 106))
        if t == "S":
            return self.address(key)
        if t == "Z":
            z = f"{r.choice('0123456789')}{self.digits(4)}"
            return z if key != "zip4" else f"{z}-{self.digits(4)}"
        if t == "E":
            f, s = re.sub(r"[^a-z]", "", r.choice(self.first).lower()), re.sub(r"[^a-z]", "", r.choice(self.last).lower())
            return r.choice([f"{f}.{s}@{r.choice(DOMAINS)}", f"{f[0]}{s}{r.randint(1, 99)}@{r.choice(DOMAINS)}",
                             f"{s}_{f}@{r.choice(DOMAINS)}"])
        if t == "U":
            return r.choice([f"https://portal.{r.choice(DOMAINS[:4])}/chart/{self.digits(7)}",
                             f"www.facebook.com/{re.sub(r'[^a-z]', '', r.choice(self.first).lower())}.{self.digits(3)}",
                             f"http://{r.choice(DOMAINS[:4])}/pt?id={self.digits(6)}"])
        if t == "R":
            return f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if t == "X":
            return r.choice([f"{r.randint(100, 665)}-{r.randint(10, 99)}-{self.digits(4)}",
                             f"{r.randint(100, 665)} {r.randint(10, 99)} {self.digits(4)}"])
        if t == "V":
            return self.vehicle(key)
        raise KeyError((t, key))


def _name_lists() -> tuple[list[str], list[str], list[str]]:
    """Census first names and surnames and GeoNames towns that :mod:`medkg.nlp.deid` ships, and the hand-written lists."""
    from medkg.nlp.deid import lexicon

    lex = lexicon()
    first = [w.title() for w in sorted(lex.census_first) if w.isalpha()] + FIRST_HAND
    last = [w.title() for w in sorted(lex.census_last) if w.isalpha()] + LAST_HAND
    towns = [w.title() for w in sorted(lex.places) if w.replace(" ", "").isalpha()] + TOWN_HAND
    return first, last, towns


# ------------------------------------------------------------------------------------------------ cues

CUES: dict[str, list[str]] = {
    "record": ["MRN", "MRN:", "MRN#", "MR#", "MR #", "Med Rec #", "med rec no.", "Medical Record #", "Hosp #",
               "Hosp No.", "Unit #", "Pt ID", "Patient ID:", "Chart #", "chart no", "Record no.", "Armband #",
               "Hospital number", "MRN -", "ID#"],
    "account": ["Acct", "Acct#", "Account No.", "FIN", "FIN#", "CSN", "Enc #", "Encounter:", "Visit #", "HAR",
                "Billing #", "Acct no", "Visit ID", "Registration #"],
    "lab": ["Acc#", "Accession:", "Specimen #", "Spec ID", "Req #", "Order #", "Path #", "Surg path no.",
            "Lab #", "Requisition", "Sample ID"],
    "insurance": ["Ins ID", "Insurance ID:", "Member #", "Member ID", "Subscriber ID", "Policy #", "Grp #",
                  "Group no.", "Medicaid #", "Medicare #", "MBI", "Plan ID", "Health plan #", "Cert #"],
    "licence": ["DL#", "DL", "Driver's Lic", "CDL", "State ID", "Lic #", "License No.", "Passport #", "NPI",
                "DEA #", "Permit #", "Tribal ID #", "Green card #"],
    "device": ["S/N", "SN", "Serial #", "Serial no.", "Device ID", "Lot #", "Lot", "UDI", "Model/serial", "Implant lot",
               "Pump serial", "Generator SN"],
    "case": ["Claim #", "Auth #", "PA #", "Ref #", "Case #", "Tracking #", "Incident #", "Report #", "Ticket #",
             "Confirmation #", "Badge #", "Employee ID"],
    "phone": ["ph", "ph:", "phone", "tel", "tel.", "cell", "cell:", "c:", "h:", "w:", "home", "work #", "mobile",
              "call", "call back #", "cb#", "cb", "contact #", "reach at", "@", "at", "fax", "fax:", "F:", "P:", "T:",
              "vm", "number", "cell #", "hm", "wk", "landline", "best #"],
    "pager": ["pgr", "pager", "beeper", "bpr", "pg", "ext", "x", "page", "spectralink"],
    "plate": ["plate", "plates", "lic plate", "license plate", "tag", "tags", "LP", "plate#", "reg", "registration",
              "tag #", "lic. plate"],
    "vin": ["VIN", "VIN:", "VIN#", "vin no.", "vehicle id no.", "VIN number"],
}
ID_FORMATS = {
    "record": ["mrn7", "mrn8", "mrn9", "mrn10", "mrndash", "mrndash2", "mrnsp", "mrnalpha", "mrnmr", "h", "pt", "armband"],
    "account": ["mrn9", "mrn10", "ealpha", "acc", "fin", "csn", "mrn8"],
    "lab": ["spec", "spec2", "spec3", "ua", "mrn8", "auth2"],
    "insurance": ["ins", "insw", "insgrp", "mbi", "mbirun", "mcaid", "auth2"],
    "licence": ["dlaz", "dlnm", "dlla", "dlmn", "dlwa", "dltx", "npi", "dea", "lic", "passport"],
    "device": ["serial", "serialdash", "serialsp", "serialmix", "lot", "lot2", "lot3", "udi"],
    "case": ["claim", "auth", "case", "track", "badge", "emp", "auth2"],
}


# ------------------------------------------------------------------------------------------------ clinical numbers


def distractor(r: random.Random, kind: str) -> str:
    """A clinical number that must stay: a dose, a vital sign, a vent setting, a lab, a time, a score, a code."""
    f = {
        "bp": lambda: f"BP {r.randint(84, 188)}/{r.randint(42, 110)}",
        "bp2": lambda: f"{r.randint(90, 170)}/{r.randint(50, 95)}",
        "dose": lambda: r.choice(["5/325", "10/325", "7.5/325", "25/100", "1/2 tab", "2 tabs", "0.5 mg", "12.5 mg",
                                  "5/325 1 tab", "1/2 of a 25 mg tab", "10/325 x1"]),
        "fluid": lambda: r.choice(["1/2NS", "D5 1/2NS", "D5W", "LR @ 125", "NS @ 75/hr", "D5 1/2 + 20 KCL",
                                   "1/2 NS bolus 500", "NS 1L x2"]),
        "vent": lambda: r.choice([f"PS {r.randint(5, 15)}/{r.randint(5, 8)}", f"CPAP {r.randint(5, 10)}/{r.randint(5, 10)}",
                                  f"AC {r.choice([400, 450, 500])}x{r.randint(12, 20)}/{r.randint(5, 10)}/{r.choice([30, 40, 50])}%",
                                  f"BiPAP {r.randint(10, 16)}/{r.randint(5, 8)}", f"PEEP {r.randint(5, 12)}",
                                  f"FiO2 {r.choice([28, 35, 40, 50, 60])}%", f"SIMV {r.randint(8, 14)}/{r.choice([450, 500])}/5"]),
        "abg": lambda: f"ABG {r.choice(['7.32', '7.41', '7.28', '7.45'])}/{r.randint(30, 60)}/{r.randint(60, 140)}/{r.randint(18, 30)}",
        "lab": lambda: r.choice([f"K {r.randint(30, 55) / 10}", f"Na {r.randint(128, 146)}", f"Hct {r.randint(210, 420) / 10}",
                                 f"WBC {r.randint(30, 220) / 10}", f"plt {r.randint(40, 450)}K", f"INR {r.randint(9, 40) / 10}",
                                 f"BUN/Cr {r.randint(8, 80)}/{r.randint(6, 40) / 10}", f"lactate {r.randint(8, 60) / 10}",
                                 f"FS {r.randint(70, 320)}", f"glucose {r.randint(70, 320)}", f"Mg {r.randint(14, 26) / 10}",
                                 f"trop {r.randint(1, 90) / 100}", f"A1c {r.randint(55, 120) / 10}%", f"Hgb {r.randint(65, 150) / 10}"]),
        "time": lambda: r.choice([f"{r.randint(0, 23):02d}{r.choice(['00', '15', '30', '45'])}", f"{r.randint(0, 23):02d}00",
                                  f"{r.randint(1, 12)}{r.choice(['p', 'a', 'pm', 'am'])}", f"{r.randint(0, 23)}:{r.choice(['00', '30', '15'])}"]),
        "freq": lambda: r.choice(["q4h", "q2h", "qhs", "x3", "q1h", "prn", "bid", "tid", "q6h prn", "7p-7a", "0700-1900"]),
        "vitals": lambda: r.choice([f"HR {r.randint(50, 130)}s", f"SpO2 {r.randint(88, 100)}% on {r.randint(2, 6)}L NC",
                                    f"T {r.randint(360, 395) / 10}", f"Tmax {r.randint(990, 1034) / 10}",
                                    f"MAP {r.randint(55, 95)}", f"CVP {r.randint(4, 16)}", f"PA {r.randint(25, 60)}/{r.randint(10, 30)}",
                                    f"CI {r.randint(18, 40) / 10}", f"UO {r.randint(20, 120)}cc/hr",
                                    f"I&O {r.randint(800, 3200)}/{r.randint(400, 2800)}", f"RR {r.randint(10, 32)}"]),
        "score": lambda: r.choice([f"GCS {r.randint(3, 15)}", "GCS E3V4M6", f"RASS {r.choice(['-2', '-1', '0', '+1'])}",
                                   f"pain {r.randint(0, 10)}/10", f"Braden {r.randint(9, 22)}", f"Morse {r.randint(0, 90)}",
                                   "strength 5/5", f"grips {r.randint(3, 5)}/5", f"CIWA {r.randint(0, 20)}", "apgars 8/9",
                                   "20/40 vision", "MAE 4/5", "PERRL 3mm"]),
        "lines": lambda: r.choice(["20g L FA", "18g R AC", "R IJ TLC 16 cm", "PICC 42 cm", "ETT 7.5 @ 23 lip", "16 fr foley",
                                   "CT -20 cm sxn", "JP x2 30cc serosang", "OGT to LIS", "#18 Fr coude"]),
        "room": lambda: r.choice([f"Rm {r.randint(100, 999)}", f"bed {r.randint(1, 30)}", f"bay {r.randint(1, 20)}",
                                  f"rm {r.randint(1, 40)}{r.choice('ABCD')}", f"room {r.randint(200, 899)}"]),
        "code": lambda: r.choice(["ICD-10 I50.23", "CPT 99213", f"NDC 0093-{r.randint(1000, 9999)}-01", "J44.1", "E11.65",
                                  "ASA class 3", "DRG 291", "HCPCS J1885"]),
        "yr": lambda: str(r.randint(1998, 2024)),
        "year": lambda: r.choice([f"in {r.randint(1980, 2024)}", f"since {r.randint(1990, 2024)}", f"dx {r.randint(1990, 2024)}",
                                  f"{r.randint(1995, 2023)} CABG", f"spring of {r.randint(2010, 2024)}"]),
        "dur": lambda: r.choice([f"x {r.randint(2, 9)} days", f"for {r.randint(2, 6)} wks", f"{r.randint(12, 72)} hrs",
                                 f"POD {r.randint(1, 9)}", f"HD#{r.randint(2, 14)}", f"day {r.randint(2, 6)} of 7"]),
        "ratio": lambda: r.choice(["1:1 sitter", "I:E 1:2", "3/4 of dinner", "2/3 assist", "1/2 portion", "2/2 to",
                                   "4+ edema", "2+ pulses", f"{r.randint(1, 4)} units PRBC", "3-4 BMs"]),
        "weight": lambda: r.choice([f"wt {r.randint(450, 1400) / 10} kg", f"BMI {r.randint(180, 450) / 10}",
                                    f"up {r.randint(1, 4)} kg", f"{r.randint(500, 2000)} ml"]),
    }
    return f[kind]()


DISTRACTOR_KINDS = ["bp", "bp2", "dose", "fluid", "vent", "abg", "lab", "time", "freq", "vitals", "score", "lines", "room", "code",
                    "year", "dur", "ratio", "weight"]

# ------------------------------------------------------------------------------------------------ sentences
# {T}, {T:key}, {T:key=ref}: an identifier of type T; {c:kind}: a cue word; {x:kind}/{x}: a clinical number that
# stays; {i:cat}: an identifier cue and its value; <<term>>: medical vocabulary that must survive.

NURSE_SECTIONS = {
    "neuro": [
        "A&Ox3, MAE, {x:score}. <<Parkinson's>> tremor at baseline.",
        "sedated on <<propofol>> 30 mcg, {x:score}. pupils {x:score}.",
        "neuro checks q1h, {x:score}. <<Glasgow coma scale>> 14 at {x:time}.",
        "c/o HA, <<Tylenol>> 650 given {x:time}. no focal deficits, {x:score}.",
        "<<Babinski>> neg. oriented x3. <<Haldol>> 2 mg x1 for agitation at {x:time}.",
        "lethargic but arousable. {x:score}. seen by neuro {D:md} - CT neg.",
        "CAM neg. {x:score}. dtr {N:first} at bedside helps reorient.",
        "seizure-free since {D}. <<Keppra>> 500 bid cont.",
        "EVD at 10 cm above tragus, draining 8-12 cc/hr. ICP 8-14. {x:score}.",
        "withdraws x4, not following commands. {x:score}. <<fentanyl>> 50 mcg/hr.",
        "intermittently confused, thinks it is {D:monyr}. reoriented by son {N}.",
        "SAH day 6, <<nimodipine>> 60 q4h. TCDs {D:wkmd} per neuro, {x:score}.",
    ],
    "cv": [
        "{x:bp}, {x:vitals}. NSR 70s-80s, rare PVCs. {x:vitals}.",
        "<<Levophed>> at 0.06, titrating for MAP > 65. {x:vitals}. <<Swan-Ganz>> in place, {x:vitals}.",
        "afib RVR 130s at {x:time}, <<dilt>> 10 mg IV x1 with good effect. {x:bp}.",
        "pulses 2+ x4, {x:ratio}. <<heparin>> gtt at 1100 units/hr, PTT due {x:time}.",
        "{x:vitals}, {x:vitals}. tele box 12. EKG done {D:mdyy}.",
        "<<Holter>> monitor placed {D}, returns {D}.",
        "{x:bp} lying / {x:bp2} standing. <<metoprolol>> held for HR 52.",
        "SBP 90s-100s on <<vaso>> 0.04. {x:vitals}, {x:vitals}. echo {D:md}: EF 25%.",
        "paced at 80, DDD. pacer interrogated {D:md} by rep from Medtronic, {c:device} {I:serial}.",
        "s/p cath {D:md} via R radial, TR band off at {x:time}, site soft. {x:bp}.",
        "chest pain 6/10 at {x:time}, EKG unchanged, <<nitro>> SL x1 with relief. {x:vitals}.",
    ],
    "resp": [
        "on {x:vent}, {x:vent}. {x:abg}. suctioned for thick tan secretions.",
        "{x:vitals}. LS coarse bilat, <<albuterol>> nebs q4h. cough weak.",
        "extubated {D:md} {x:time}, now on {x:vitals}. IS to 750.",
        "trach #6 shiley, {x:vent}. RT {N} aware of plan to wean.",
        "{x:abg} on {x:vent}. CXR {D:md} improved.",
        "BiPAP overnight, {x:vent}. O2 sat {x:vitals}.",
        "SBT {D:wkmd} x 30 min, RSBI 62, passed. {x:vent}.",
        "home O2 2L via concentrator; vendor {P} to deliver tanks to {S} on {D:mond}.",
        "L CT to -20, no air leak, {x:lines}. CXR {D:mdyy} stable.",
        "sats dipped to 84% at {x:time}, {x:vent}, recovered. RT {N:full} at bedside.",
    ],
    "gi": [
        "abd soft, +BS. TF <<Jevity>> at 60/hr via OGT, residuals < 100. last BM {D:md}.",
        "NPO after MN for EGD {D:md}. <<Protonix>> 40 IV. {x:ratio}.",
        "tol clears, ate {x:ratio}. <<Zofran>> 4 mg x1 for nausea.",
        "<<C diff>> neg {D:mdyy}. rectal tube in place, {x:weight} out.",
        "FS {x:lab}, {x:lab}, SSI per protocol. {x:lines}.",
        "PEG placed {D} at {L:hosp}; site clean. TF at goal, {x:weight}.",
        "+flatus, no BM since {D:wkmd}. <<senna>> and <<Colace>> given.",
        "GI bleed, 2 units PRBC {D:md}, Hct {x:lab} post. EGD by Dr {N:last} showed <<Mallory-Weiss>> tear.",
        "diet advanced to soft. dietitian {N:full} following, {x:weight}.",
    ],
    "gu": [
        "foley draining clear yellow, {x:vitals}. {x:lab}.",
        "voiding qs. {x:vitals}. <<Lasix>> 40 IV at {x:time} with good diuresis.",
        "<<Foley>> d/c'd {D:md} {x:time}, DTV by 2200. bladder scan 240.",
        "HD today in unit via L AVF, {x:weight} removed. next HD {D:wkmd}.",
        "CRRT running, {x:vitals}, filter changed {D:md} {x:time}. {x:lab}. IVF {x:fluid}.",
        "UA/UCx sent {D:md}. {x:lab}, {x:lab}. <<Flomax>> started.",
        "nephrology fellow {N:full} aware of Cr {x:lab}; renal US {D:mond}.",
    ],
    "id": [
        "{x:vitals}. cx pending from {D:md}. <<vanco>> trough 18.2 ({x:time}).",
        "afebrile. {x:lab}. <<Zosyn>> day 3 of 7. contact precautions for <<MRSA>>.",
        "BCx x2 drawn {D}. {x:vitals}. ID fellow {N} following.",
        "<<Tamiflu>> started {D:md}. droplet precautions. {x:lab}.",
        "Tmax 101.8 at {x:time}, pan cultured. <<cefepime>> started. {x:lab}.",
        "TB r/o, AFB x3 neg ({D:md}, {D:md}, {D:md}), off airborne.",
    ],
    "skin": [
        "{x:score}. stage 2 coccyx, <<Mepilex>> changed {D:md}. turned q2h.",
        "incision C/D/I, staples intact. {x:lines}. wound RN {N:full} consulted.",
        "bruising to BUE from sticks. <<Bair Hugger>> on for T 35.8.",
        "heels offloaded, {x:score}. pics of wound sent to {E} per wound team.",
        "skin intact, {x:score}. specialty bed ordered, {c:device} {I:serialmix}.",
        "R hip incision w/ <<Prevena>>, {x:lines}. staples out {D:mond}.",
    ],
    "access": [
        "{x:lines}, {x:lines}. PICC placed {D} by IR, {x:lines}.",
        "R IJ cordis placed {D:md}, CXR confirmed. {x:lines}.",
        "port accessed {D:md} {x:time}. {c:device} {I:serial} documented in implant log.",
        "insulin pump {c:device} {I} removed and sent home with wife.",
        "<<Broviac>> dressing changed {D:md}. {x:lines}.",
        "A-line L radial, {x:lines}, flushes well. line day 4 (placed {D:md}).",
        "{x:lines} infiltrated at {x:time}, removed. new {x:lines}. IV team {N:first} paged {c:pager} {P:pager}.",
    ],
    "social": [
        "wife {N} called {x:time} from {P}, updated by RN.",
        "son {N:full} at bedside, lives in {L:town}. contact # {P}.",
        "dtr {N:first} ({c:phone} {P}) is HCP; aware of plan.",
        "pt lives w/ husband at {S}, {L:town} {Z}. neighbor {N:full} feeds the dog.",
        "family mtg {D} {x:time} w/ Dr {N:last}, SW {N:full}, family. {c:phone} {P} for sister.",
        "brother {N} visiting from {L:abroad}, speaks little English; interpreter line used.",
        "pt from {L:hosp} NH, {c:phone} {P}. report called to {N:first} RN.",
        "niece {N:full} ({P:dash}) asking for update; HIPAA pw verified.",
        "{N:first} (girlfriend) here until {x:time}. car parked in ER lot, {c:plate} {V}.",
        "security holding pt's keys; vehicle {c:plate} {V} ({STATE}) moved to garage.",
        "grandson {N:full} e-mail {E} for updates per pt request.",
        "SW note: pt's {i:insurance} on file; PCP {N:full} at {L:hosp}, {c:phone} {P}.",
        "pt's spouse {N:fmi} reachable at {P} or cell {P}.",
        "husband {N:first} works at {L:hosp}; {c:phone} {P}.",
        "mother {N:full} flying in from {L:town} {D:wkmd}, will stay at {S:unit}.",
        "pt homeless, last address {S:po}, {L:town}. shelter case mgr {N:full} {P}.",
        "son's truck ({STATE} {c:plate} {V}) towed from ambulance bay, keys w/ security.",
        "ex-wife {N:full} called, not on contact list - no info given. HCP is dtr {N}, {P}.",
        "pastor {N:full} from {L:town} visited {x:time}; family prefers calls to {P}.",
        "pt's caregiver {N:first} ({P}) drives him to HD in {L:town} {x:freq}.",
        "roommate {N:full} brought pt's wallet and {c:licence} {I} card; locked in safe.",
        "interpreter {N:first} (Somali) used for update at {x:time}; badge {I:badge}.",
        "veteran, followed at {L:hosp}, {c:record} {I}. VA SW {N:full} {P}.",
        "pt's dog at kennel in {L:town}, {c:phone} {P}; niece picking up {D:mond}.",
    ],
    "events": [
        "pt called out to {L:town} via ambulance for ERCP, back at {x:time}.",
        "rapid response called {D:md} {x:time} for {x:bp}; resolved after {x:fluid}.",
        "fell in bathroom {D:wkmd} {x:time}, no injury, MD {N:last} notified, family aware.",
        "pt's bracelet {c:record} {I:mrn8} did not match the chart; registration corrected.",
        "blood bank called re: type & cross, {c:lab} {I:spec}. 2 units PRBC ready.",
        "pt pulled NGT {D:md}, replaced, OGT to LIS. mitts on.",
        "code status: DNR/DNI signed {D} by HCP {N:full}.",
        "to CT at {x:time} with RN and RT, back at {x:time}. read by Dr {N:last}: no bleed.",
        "pt AMA attempt at {x:time}, talked down by son {N:first} on phone ({P}).",
        "lab called critical K {x:lab} at {x:time}, {c:lab} {I}; MD {N:full} notified.",
        "transferred from {L:hosp} {D:wkmd} by {L:town} Ambulance, run #{I:case}.",
        "police at bedside re: MVC on {S:cr}; officer {N:last}, {c:case} {I:case}.",
    ],
    "plan": [
        "plan: cont abx, wean vent, f/u cx. ? d/c to {L:hosp} {D:wkmd} if bed.",
        "plan: CT abd {D}, then d/c home to {L:town} w/ VNA. f/u Dr {N:last} {D} at {x:time}.",
        "plan: TTE {D:md}. cards consult. {c:pager} {P:pager} for questions.",
        "plan: transfer to {L:saint} when bed avail; accepting MD {N:full}, {c:phone} {P}.",
        "plan: OR {D:wkmd} for ORIF, consent signed by pt. NPO after MN.",
        "plan: HD {D:wkmd}, labs in am, PT/OT eval. rehab screen sent to {L:hosp} fax {P}.",
        "plan: follow up at {L:hosp} clinic {D:monord}; appt letter mailed to {S}.",
        "plan: extubate in am if {x:vent} tolerated. family mtg {D:wklong} {x:time}.",
        "plan: d/c {D:mond} to dtr's home at {S:unit2}, {L:town} {STATE_ABBR} {Z}.",
        "plan: MRI {D:dashmd}, neuro f/u {D:mdyy}. call {N:full} at {P} with results.",
        "plan: hospice eval {D:theord}; hospice RN {N:full}, {c:phone} {P}.",
        "plan: PEG {D:wkmd} w/ GI. consent from wife {N:first} by phone ({P}) at {x:time}.",
    ],
}
NURSE_HEADERS = ["NSG NOTE {D:md} 7A-7P", "Nursing progress note", "MICU RN NOTE", "{D:mdyy} {x:time} nursing",
                 "CCU nursing note {D}", "SICU RN 1900-0730", "nsg admit note", "Neuro ICU RN note, {D:wkmd}",
                 "RN NOTE -- {D:mond}", "TICU NIGHTS", "Nursing Addendum", "CVICU shift note {D:mdpad}",
                 "{D:wkmd} nights RN", "nursing transfer note", "Burn ICU RN", "step-down nsg {D:md} days",
                 "RN progress note 0700-1900", "NICU family contact note"]
NURSE_SIGS = ["{N:init}, RN", "-- {N:full} RN", "{N:full}, RN BSN", "{N:full} RN {c:pager} {P:pager}",
              "signed {N:full} RN", "{N:last} RN", "", "{N:first} RN, x{P:pager}", "/{N:full}, RN/",
              "{N:full}, LPN", "e-signed {N:full} RN {D:mdyy} {x:time}", ""]
TYPED: list[str] = [
    ("ADMISSION FACE SHEET\nPatient: {N:lfmi}   {c:record} {I:mrn8}\nDOB: {D:mdyyyypad}  Age: {A}\nAddress: {S:unit}\n"
     "{L:town}, {STATE_ABBR} {Z:zip4}\nHome ph {P:paren}  Cell {P:dash}\nEmergency contact: {N:full} ({P:dots})\n"
     "{i:insurance}   {i:account}\nAdmit date {D:mdyy} {x:time}  {x:room}\n"),
    ("TELEPHONE ENCOUNTER {D:mdyyyy} {x:time}\nCaller: {N:full} (daughter)  Callback {P}\nRe: {N:lf}, {c:record} "
     "{I}\nDaughter reports pt dizzy since {D:wkmd}, {x:bp} on home cuff. Advised ED. Spoke w/ Dr. {N:last}.\n"),
    ("DISCHARGE INSTRUCTIONS\n{N:full}   {c:record} {I}\nDischarged {D:mondy} to {L:hosp}.\nMedications: <<Norco>> "
     "{x:dose} q6h prn, <<metoprolol>> {x:dose} bid, <<Lasix>> 40 mg daily.\nFollow up with {N:full}, NP on "
     "{D:wklong} at {x:time} ({P:paren}).\nQuestions: call the unit at {P:dash} x{P:pager}.\n"),
    ("LAB REQUISITION\nPt {N:lfcaps}  DOB {D:dmonyyyy}\n{i:lab}\nOrdering: {N:full}, MD  {c:licence} {I:npi}\n"
     "Tests: CMP, CBC, lipid panel ({x:code})\nCollected {D:mdyy} {x:time}\n"),
    ("MVC HANDOFF (EMS)\nPt {N:full}, {A} yo, driver of {x:yr} sedan, {c:plate} {V} ({STATE_ABBR}), {c:vin} {V:vin}\n"
     "Crash on {S:hwy} near {L:town} at {x:time} {D:md}. GCS 14, {x:bp}, {x:vitals}.\nOfficer {N:last}, {c:case} "
     "{I:case}.\n"),
    ("PRESCRIPTION\n{N:full}, MD  DEA {I:dea}  NPI {I:npi}\n{L:hosp}, {S}, {L:town} {STATE_ABBR} {Z}\nPatient: {N:full}"
     "   DOB {D:mdyyyy}\nRx: <<oxycodone>>/APAP {x:dose}, #20, 0 RF\nDate {D:iso}\n"),
    ("OPERATIVE NOTE\nDate of surgery: {D:wkfull}\nSurgeon: {N:full}, MD   Assistant: {N:full}, PA-C\nPatient: {N:lf}"
     "  {c:account} {I}\nProcedure: L TKA. <<Tourniquet>> 88 min. Implants: femoral comp {c:device} {I:lot}, tibial "
     "tray {c:device} {I:lot3}.\nEBL 150 mL. {x:lines}.\n"),
    ("RECORDS RELEASE AUTHORIZATION\nI, {N:full}, DOB {D:mdyypad}, authorize {L:hosp} to release records from "
     "{D:monyr} to {D:monyr} to {N:full}, {S:po}, {L:town}, {STATE} {Z}.\nPhone {P}  Fax {P}\nE-mail: {E}\n"
     "{c:licence} {I:dltx} shown. Signed {D:mdyy}.\n"),
    ("HOME HEALTH REFERRAL\nClient: {N:nickp}\nAddress: {S:rr}, {L:town}, {STATE} {Z}\nPhone {P:spaces}\n"
     "SOC {D:md}-{D:md}. <<insulin glargine>> 20 units qhs, FS bid ({x:lab}).\nPCP {N:full}, {P:paren}, fax {P:dots}\n"),
    ("PATIENT PORTAL LOG\nUser {E}  login from {R} on {D:iso} {x:time}\nViewed: {U}\nPatient: {N:full}, "
     "{c:record} {I}\nSecond login {R} on {D:isoslash}\n"),
    ("INSURANCE PRE-AUTH\nMember: {N:lfcaps}\n{i:insurance}\n{i:insurance}\nService: MRI L spine ({x:code})\n"
     "{i:case}  approved {D:mdyy} through {D:mdyy}\nReviewer {N:full}, RN, {P:x}\n"),
    ("DEVICE IMPLANT CARD\nName: {N:full}\nDevice: ICD, {c:device} {I:serial}\nLeads: RV {c:device} {I:serialdash}\n"
     "Implanted {D:dmony} at {L:hosp} by Dr. {N:last}\nClinic {P:plus1}\n"),
    ("ED TRIAGE\n{D:mdyy} {x:time}  {N:full}, {A}F, c/o SOB x 3 days. {x:vitals}, {x:bp}, {x:vitals}.\nArrived by "
     "private car from {L:town}. Pt's {c:licence} {I} used for ID. Emerg contact son {N:first}, {P}.\n"),
    ("DIALYSIS TRAVEL REQUEST\nPatient {N:full}  {c:insurance} {I:mbi}\nHome unit: {L:hosp}, "
     "{P:paren}\nVisiting {L:town} {D:mond}-{D:mond}; address while away {S:unit}, {L:town}\nEDW {x:weight}, "
     "{x:dur}\n"),
    ("WORK NOTE\n{D:mondy}\nTo whom it may concern: {N:full} was seen in clinic on {D:wklong} and may return to work "
     "{D:monord} with no lifting > 10 lb.\n{N:full}, PA-C  {L:hosp}  {P}\n"),
    ("SOCIAL SERVICES\nPt {N:full}, {A} y/o, lives alone at {S}, {L:town}. Nephew {N:full} ({P}) visits weekly. "
     "Drives a {x:yr} truck, {c:plate} {V:platerun}. Medicaid {I:mcaid} pending.\n"),
    ("PATHOLOGY REPORT\n{c:lab} {I:spec2}   Received {D:mdyyyy}\nPatient: {N:lfcaps}   {c:record} {I}\n"
     "Specimen: colon, sigmoid, bx. Dx: tubular adenoma. {x:code}.\nSigned out {D:mdyy} by {N:full}, MD\n"),
    ("PHARMACY CALL LOG\n{D:wkmd} {x:time} called {L:town} pharmacy ({P:dashrun}) re: {N:full}'s <<warfarin>> refill. "
     "{c:case} {I:auth2}. {x:lab}.\n{D:wkmd}: refill sent, pt notified at {P:local}.\n"),
    ("VACCINE ADMINISTRATION\n{N:full}   DOB {D:glued}\n<<Tdap>> given {D:mdyy} L deltoid, {c:device} {I:lot2}\n"
     "<<influenza vaccine>> {D:mdyy}, {c:device} {I:lot}\nGiven by {N:full}, RN\n"),
    ("REFERRAL LETTER\n{D:mondy}\n\n{N:full}, MD\n{L:hosp}\n{S:unit}\n{L:town}, {STATE_ABBR} {Z:zip4}\n\nRe: {N:full}"
     "   DOB {D:mdyyyy}\n\nDear Dr. {N:last},\nThank you for seeing this {A}-year-old with <<Graves' disease>>. TSH "
     "<0.01 on {D:md}. Please call {P} with questions.\n\n{N:full}, NP\n"),
    ("POLICE HOLD / BELONGINGS\nPatient {N:full}, {c:record} {I}\nVehicle: {x:yr} Ford F-150, {STATE_ABBR} {c:plate} "
     "{V}, {c:vin} {V:vin}\nOfficer {N:full}, {c:case} {I:case}, {P}\nKeys and wallet ({c:licence} {I}) logged "
     "{D:mdyy} {x:time}.\n"),
    ("CARDIAC REHAB INTAKE\n{N:full}, {A}M, s/p CABG x3 {D:monapos}. EF 40%. {x:bp}. {x:weight}.\nLives at {S:unit2}, "
     "{L:town}. Wife {N:first} drives him; cell {P:parennosp}.\nStart {D:wkmond}; {x:dur}.\n"),
    ("TRANSFER CENTER LOG\n{D:mdyy} {x:time} call from {L:hosp} ({P:one}) re: {N:full}, {A} yo, <<STEMI>>.\n"
     "Accepted by Dr. {N:last}. ETA {x:time} via {L:town} Ambulance. {i:account}.\n"),
    ("ADVANCE DIRECTIVE\nI, {N:full}, of {S}, {L:town}, {STATE}, name {N:full} ({P}) as my health care agent.\n"
     "Alternate: {N:full}, {P:uk}.\nSigned the {D:ordof}, {x:yr}.\nWitness: {N:full}  Notary {c:licence} {I:lic}\n"),
    ("GENETICS CONSULT\nProband {N:full}, DOB {D:dmonyy}, {c:lab} {I:spec3}\nMother {N:full} (<<breast cancer>> at 44)\n"
     "Family from {L:abroad}. Sample drawn {D:md}; results in {x:dur}.\nCounselor {N:full}, {E}\n"),
    ("SCHOOL NURSE NOTE\nStudent {N:full}, grade 7. Seen {D:wkcomma} for asthma flare, <<albuterol>> 2 puffs.\nParent "
     "{N:full} called at {P:localdot} and cell {P:run}. Returned to class.\n"),
    ("HOSPICE ELECTION\n{N:full}, age {A}, {c:insurance} {I:mbirun}\nElection date {D:dashmdyyyy}\nHome {S:hc}, "
     "{L:town}, {STATE_ABBR} {Z}\nCaregiver {N:full}, {P:xsp}\n"),
    ("EMPLOYEE HEALTH\n{N:lf}  {c:case} {I:emp}\nPPD placed {D:wkmd} read {D:wkmd}: 0 mm. N95 fit {D:monabord}.\n"
     "Hep B titer {x:lab}. Cleared by {N:full}, RN, ext {P:pager}.\n"),
    ("SECURITY INCIDENT\nWorkstation {R} opened chart of {N:full} ({c:record} {I}) on {D:wkfull} {x:time}.\n"
     "Badge {I:badge}. Reported by {N:full}, {P:ext}, {E}.\n"),
    ("DME ORDER\nDeliver to {N:full}, {S:unit}, {L:town} {Z}\nHospital bed + O2 concentrator, {c:device} {I:serialsp}\n"
     "Ordered {D:mdyy} by {N:full}, NP. Vendor {P:extdot}. {x:code}.\n"),
    ("TRANSPLANT COORDINATOR NOTE\n{N:full}, {c:licence} {I}, listed {D:mondync}. <<tacrolimus>> level {x:lab}.\n"
     "Coordinator {N:full} {P}; after hours {P:so}.\n"),
    ("CLINIC NOTE\n{N:full} is a {A} year old woman seen {D:mondot} for <<macular degeneration>>. Visual acuity "
     "20/200 OD. Lives with daughter in {L:town}; daughter's e-mail {E}. Next injection {D:theord}.\n"),
    ("WOUND CARE ORDERS\nPt {N:full}  {c:account} {I}\nSacral stage 3, 4.2 x 3.1 cm. NPWT 125 mmHg, change M/W/F.\n"
     "VNA {L:hosp} {P:paren}; nurse {N:full}. Next visit {D:mondash}.\n"),
    ("WORKERS COMP\nClaimant {N:full}  SSN {X}\n{c:case} {I:claim}  DOI {D:mdyyyy}\nEmployer phone {P:slash}\n"
     "Address {S:pob}, {L:town}, {STATE} {Z}\nRTW {D:dashmdyy} light duty.\n"),
    ("{N:lfcaps}  {I:mrn8}  {D:mdyyyy}  {A}F\nADMIT H&P\nCC: fall at home on {D:wkmd}. Found by neighbor {N:full} "
     "who called 911 from {P}.\nPMH: <<CHF>> (EF 30% in {x:yr}), <<Parkinson's disease>>, <<CKD>> 3.\nSH: lives in "
     "{L:town}, widowed.\nLabs: {x:lab}, {x:lab}, {x:lab}. {x:bp}.\n"),
    ("RADIOLOGY REPORT\nExam: CT head w/o contrast   {c:lab} {I}\nPatient: {N:lf}   DOB: {D:mdyyyy}\nDate of exam: "
     "{D:mondync} {x:time}\nFindings: no acute hemorrhage. Chronic small vessel changes. {x:code}.\nCompared with "
     "{D:mdyy}. Dictated by {N:full}, MD; transcribed {D:mdyy}.\n"),
    ("MEDICATION RECONCILIATION\n{N:full}  {c:record} {I}\n<<amlodipine>> 10 mg daily\n<<Norco>> {x:dose} q6h prn "
     "(last fill {D:md})\n<<levothyroxine>> 88 mcg\n<<Eliquis>> 5 mg bid, held since {D:wkmd}\nPharmacy: {L:town} "
     "Drug, {P}\nReconciled by {N:full}, PharmD, {D:mdyyyy}\n"),
    ("CONTACT SHEET\n{N:full}\nH {P}\nW {P}\nC {P}\n{S}\n{L:town}, {STATE_ABBR} {Z}\nPCP: {N:full} {P:paren}\n"),
    ("PT EVALUATION\nPt: {N:full}   {c:account} {I}\nDOS {D:dashmdyy}. Gait w/ RW, {x:ratio}, 150 ft x2. "
     "TUG 18 sec. {x:bp}.\nHome: 2-story at {S}; 12 steps. Son {N:first} can assist. Next PT {D:wkcomma}.\n"
     "Therapist {N:full}, DPT  {c:licence} {I:lic}\n"),
    ("BLOOD BANK\nRecipient {N:lfmi}   {c:record} {I}\nSpecimen {I:spec}  drawn {D:mdyy} {x:time}\nType O NEG, "
     "antibody screen neg. 2 units PRBC crossmatched, unit nos. W0361 24 112233 and W0361 24 112234.\n"
     "Tech {N:init}\n"),
    ("AMBULANCE RUN SHEET\nRun {I:case}  {D:iso}\nPickup: {S:unit}, {L:town}\nPt {N:full}, {A} y/o, c/o CP. {x:bp}, "
     "{x:vitals}. <<ASA>> 324 mg chewed.\nDest: {L:hosp}. Crew {N:full} / {N:full}. Unit 7, {c:plate} {V}.\n"),
    ("ANTICOAG CLINIC CALL\n{D:mdyy}: spoke w/ {N:full} at {P}. INR 3.4 on {D:md}. <<warfarin>> 5 mg except 2.5 "
     "mg Mon/Thu. Recheck {D:wkmd}.\nPt's wife {N:first} also on the line. Number on file {P:run}.\n"),
    ("INCIDENT REPORT\nDate/time: {D:mdyy} {x:time}\nLocation: {x:room}\nPerson involved: visitor {N:full}, "
     "{S}, {L:town}, {P}\nDescription: slipped on wet floor, no injury. Security officer {N:full}, badge "
     "{I:badge}.\n"),
    ("LETTER OF MEDICAL NECESSITY\n{D:mondy}\nRe: {N:full}   DOB {D:mdyyyy}   {c:insurance} {I:ins}\n{N:first} "
     "has <<COPD>> with SpO2 86% on RA at rest on {D:mond}. Home O2 2L is required 24/7.\n{N:full}, MD, "
     "{L:hosp}, {S}, {L:town} {STATE_ABBR} {Z}\n"),
    ("NURSE TRIAGE LINE\nCall {D:wkfull} {x:time} from {N:full} re: son {N:first}, {x:dur} of fever. Tmax 102.4. "
     "Advised urgent care. Callback {P}; alt {P}. Address on file {S:unit}.\n"),
    ("DISCHARGE SUMMARY\nAdmit {D:mdyy}  Discharge {D:mdyy}\n{N:full}, {A}M  {c:record} {I}\nDx: <<sepsis>>, "
     "<<pneumonia>>. Course: {x:dur} of <<ceftriaxone>>. {x:lab}, {x:lab}.\nDispo: {L:hosp} SNF, {P}. "
     "Follow-up: Dr. {N:last}, {D:monord}.\n"),
    ("PARKING PASS - FAMILY\nVisitor {N:full} for pt {N:last} ({x:room})\nVehicle: {x:yr} Toyota, {STATE_ABBR} "
     "{c:plate} {V}\nValid {D:md}-{D:md}. Contact {P}.\n"),
    ("TOW AUTHORIZATION\nOwner {N:lf}, {S}, {L:town}\n{c:vin} {V:vin}   {c:plate} {V} ({STATE})\nTowed from ED "
     "ambulance bay {D:mdyy} {x:time} by {L:town} Towing, {P}.\n"),
    ("DRIVING SAFETY EVALUATION\nClient {N:full}, {A} y/o, {c:licence} {I:dlmn}\nCar: {x:yr} Buick, {c:plate} {V}, "
     "{c:vin} {V}\nVisual acuity 20/50, MoCA 21/30. Road test {D:wkmd}. Evaluator {N:full}, OTR/L.\n"),
    ("PORTAL MESSAGE\nFrom: {E}\nSent {D:wkfull} {x:time}\nHi Dr. {N:last}, my mom {N:full} ({c:record} {I}) "
     "still has swelling. Photos at {U}. Please call me at {P}. - {N:first}\n"),
    ("OUTSIDE RECORDS REQUEST\nTo: {L:hosp}, fax {P}\nFrom: {L:hosp} HIM, {P}\nRe: {N:full}, DOB {D:mdyyyy}, "
     "{c:record} {I}, dates of service {D:mdyy}-{D:mdyy}\nSend to {S:po}, {L:town}, {STATE} {Z:zip4} or {U}.\n"),
    ("OB TRIAGE\n{N:full}, G2P1 at 34w, LMP {D:mdpad}, EDD {D:mdyy}. {x:bp}, FHR 140s.\nFOB {N:full} at {P:plus1dash}."
     " Lives on {S:cross} in {L:town}.\n"),
]


def _cue(r: random.Random, fold: str, kind: str) -> str:
    return r.choice(_split(CUES[kind], fold, f"cue-{kind}"))


def expand(template: str, r: random.Random, fold: str) -> str:
    """Cue words, states and identifier cues filled in; the identifier and medical placeholders stay."""
    def cue_id(m: re.Match[str]) -> str:
        cat = m.group(1)
        fmt = r.choice(ID_FORMATS[cat])
        return f"{_cue(r, fold, cat)} {{I:{fmt}}}"

    template = re.sub(r"\{i:(\w+)\}", cue_id, template)
    template = re.sub(r"\{c:(\w+)\}", lambda m: _cue(r, fold, m.group(1)), template)
    template = re.sub(r"\{STATE\}", lambda _: r.choice(STATES), template)
    template = re.sub(r"\{STATE_ABBR\}", lambda _: r.choice(STATE_ABBR), template)
    template = re.sub(r"\{x(?::(\w+))?\}", lambda m: distractor(r, m.group(1) or r.choice(DISTRACTOR_KINDS)), template)
    return template


_PH = re.compile(r"\{([A-Z])(?::(\w+))?(?:=(\w+))?\}|<<(.+?)>>")


def fill(template: str, vals: Values, case: str) -> tuple[str, list[dict], list[dict]]:
    """Text, gold spans and medical spans of one note; ``case`` is upper/lower/mixed/typed."""
    return fill_template(template, _PH, vals.get, TYPES, case)


# ------------------------------------------------------------------------------------------------ notes

_SECTION_LABELS = {
    "neuro": ["NEURO:", "Neuro-", "N)", "#Neuro", "neuro/"], "cv": ["CV:", "C/V-", "CV)", "#CV", "cardiac:"],
    "resp": ["RESP:", "Resp-", "R)", "#Pulm", "pulm:"], "gi": ["GI:", "GI-", "GI)", "#GI", "gi/nutr:"],
    "gu": ["GU:", "GU/renal-", "GU)", "#Renal", "renal:"], "id": ["ID:", "ID-", "ID)", "#ID", "inf dz:"],
    "skin": ["SKIN:", "Skin-", "INTEG)", "#Skin", "wound:"], "social": ["SOCIAL:", "Soc-", "FAMILY)", "#Dispo/social", "psychosocial:"],
    "access": ["ACCESS:", "Lines-", "LINES)", "#Access", "iv access:"], "events": ["EVENTS:", "Events-", "EVENTS)", "#Events", "overnight:"],
    "plan": ["PLAN:", "Plan-", "A/P)", "#Plan", "plan/"],
}


def nursing(r: random.Random, vals: Values, fold: str, case: str, i: int, prefix: str) -> dict:
    """An ICU nursing note: a header, system sections (headed, bulleted or run on), social and plan, a signature."""
    sections = ["neuro", "cv", "resp", "gi", "gu", "id", "skin", "access"]
    chosen = r.sample(sections, r.randint(3, 6)) + ["social", "events", "plan"]
    layout = r.choice(["headed", "headed", "bullets", "runon"])
    lines = [expand(r.choice(_split(NURSE_HEADERS, fold, "hdr")), r, fold)]
    pieces = []
    for sec in chosen:
        pool = _split(NURSE_SECTIONS[sec], fold, f"sec-{sec}")
        k = 2 if sec == "social" else 1
        body = " ".join(expand(s, r, fold) for s in r.sample(pool, min(k, len(pool))))
        if layout == "headed":
            pieces.append(f"{r.choice(_SECTION_LABELS[sec])} {body}")
        elif layout == "bullets":
            pieces.append(f"- {body}")
        else:
            pieces.append(body)
    lines += pieces if layout != "runon" else [" ".join(pieces)]
    sig = expand(r.choice(_split(NURSE_SIGS, fold, "sig")), r, fold)
    if sig:
        lines.append(sig)
    text, phi, med = fill("\n".join(lines) + "\n", vals, case)
    return {"id": f"{prefix}-n{case[0]}{i:02d}", "note_type": f"nursing_{case}",
            "patient_id": f"DEV-{prefix.upper()}N{case[0]}{i:02d}", "text": text, "phi": phi, "medical": med}


def typed(r: random.Random, vals: Values, fold: str, template: str, i: int, prefix: str) -> dict:
    text, phi, med = fill(expand(template, r, fold), vals, "typed")
    return {"id": f"{prefix}-t{i:02d}", "note_type": "typed", "patient_id": f"DEV-{prefix.upper()}T{i:02d}",
            "text": text, "phi": phi, "medical": med}


def build(seed: int, fold: str = "train", nursing_per_case: int = 12, typed_rounds: int = 1) -> list[dict]:
    """Notes of one fold: ``nursing_per_case`` nursing notes in each letter case, every typed layout of the fold
    ``typed_rounds`` times."""
    if fold not in ("train", "dev"):
        raise ValueError(fold)
    rng = random.Random(seed)
    vals = Values(rng, fold)
    prefix = "r9" if fold == "dev" else f"r9{fold[0]}{seed}"
    notes = []
    for i in range(nursing_per_case):
        for case in ("upper", "lower", "mixed"):
            notes.append(nursing(rng, vals, fold, case, i, prefix))
    layouts = _split(TYPED, fold, "typed")
    j = 0
    for _ in range(typed_rounds):
        for tpl in layouts:
            notes.append(typed(rng, vals, fold, tpl, j, prefix))
            j += 1
    check_notes(notes, first_chars="'(+")
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round9.jsonl")
    ap.add_argument("--seed", type=int, default=909)
    ap.add_argument("--fold", choices=["dev", "train"], default="dev")
    ap.add_argument("--nursing-per-case", type=int, default=14)
    ap.add_argument("--typed-rounds", type=int, default=3)
    args = ap.parse_args(argv)
    write_notes(build(args.seed, args.fold, args.nursing_per_case, args.typed_rounds), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
