"""Write the round-7 de-identification development set (``tests/nlp/data/deid_dev_round7.jsonl``).

    python scripts/make_deid_dev_round7.py [--out FILE] [--seed 707]

A development set made to differ from rounds 4 to 6 and the earlier sets, aimed at the classes round 6 left weak:

* its own first names and surnames (Tamil, Telugu, Bengali, Punjabi, Urdu, Pashto, Amharic, Yoruba, Igbo, Zulu,
  Swahili, Tagalog, Indonesian, Malay, Mongolian, Tibetan, Armenian, Georgian, Albanian, Greek-, Polish- and
  Italian-American, Quebecois, Acadian and English word-like ones such as Hunter, Grant, Faith, Joy, Sterling),
  its own places (English-word towns, neighbourhoods in any case, facilities made only of English words such as
  "The Pines" or "Harbor House", single-word hospitals, facility phrases ending in a generic noun);
* ICU nursing notes (~42) in ALL CAPS, lower case and mixed case, and typed documents (~26), with distractors:
  eponyms, drug abbreviations, vent settings, fractions, common English words capitalised at line starts, units,
  and facility-like words ("Riverside", "Lakeview") that follow no place cue.

Every identifier enters through a placeholder ``{T:kind}`` or ``{T:kind=key}`` (the same ``key`` repeats a value
within a note), every medical term through ``<<term>>``, so gold offsets are exact by construction; a checker
confirms that span texts match, that spans do not overlap and that the letter case is the one intended.
All names, numbers and places are invented or common; no real patient is meant.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_devset import check_notes, fill_template, write_notes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

FIRST = [
    "Murugan", "Kavitha", "Senthil", "Tamilselvi",  # Tamil
    "Venkatesh", "Lakshmi", "Srinivas", "Padmaja",  # Telugu
    "Sourav", "Moushumi", "Anirban", "Tanushree",  # Bengali
    "Gurpreet", "Harjit", "Manjit", "Jaswinder",  # Punjabi
    "Imran", "Saima", "Farhan", "Nadia",  # Urdu
    "Zarmina", "Wahid", "Gulalai", "Naqibullah",  # Pashto
    "Tigist", "Yohannes", "Meseret", "Dawit",  # Amharic
    "Adebayo", "Folasade", "Oluwaseun", "Yetunde",  # Yoruba
    "Chinedu", "Ngozi", "Obinna", "Chiamaka",  # Igbo
    "Sipho", "Thandiwe", "Bongani", "Nomvula",  # Zulu
    "Baraka", "Zawadi", "Juma", "Neema",  # Swahili
    "Marites", "Rodrigo", "Analyn", "Jericho",  # Tagalog
    "Agus", "Dewi", "Budi", "Sri",  # Indonesian
    "Nurul", "Azman", "Siti", "Hafiz",  # Malay
    "Bat-Erdene", "Oyunchimeg", "Ganbold", "Enkhjargal",  # Mongolian
    "Tenzin", "Pema", "Dolma", "Karma",  # Tibetan
    "Armen", "Anahit", "Tigran", "Siranush",  # Armenian
    "Giorgi", "Nino", "Levan", "Tamar",  # Georgian
    "Arben", "Drita", "Besnik", "Lule",  # Albanian
    "Spiro", "Eleni", "Demetrios", "Voula",  # Greek-American
    "Kazimierz", "Jadwiga", "Stanislaw", "Halina",  # Polish-American
    "Carmine", "Concetta", "Salvatore", "Philomena",  # Italian-American
    "Rejean", "Ghislaine", "Gaetan", "Solange",  # Quebecois
    "Placide", "Evangeline", "Onezime", "Azelie",  # Acadian
    "Hunter", "Grant", "Faith", "Joy", "Major", "Sterling", "Summer", "Lane", "Hope", "Destiny", "Chance",
]
LAST = [
    "Subramanian", "Ramasamy", "Palaniappan", "Annamalai",
    "Reddy", "Venkataraman", "Gollapudi", "Chowdary",
    "Chattopadhyay", "Bhattacharya", "Mukherjee", "Sengupta",
    "Sandhu", "Dhillon", "Grewal", "Gill",
    "Qureshi", "Siddiqui", "Chaudhry", "Rizvi",
    "Yousafzai", "Durrani", "Afridi", "Popalzai",
    "Tesfaye", "Haile", "Bekele", "Gebremedhin",
    "Adeyemi", "Okonkwo", "Oyelaran", "Babatunde",
    "Nwosu", "Eze", "Okafor", "Obi",
    "Dlamini", "Nkosi", "Zulu", "Mthembu",
    "Mwangi", "Otieno", "Wanjiru", "Kiptoo",
    "Dela Cruz", "Santos", "Bautista", "Macaraeg",
    "Susanto", "Wijaya", "Hartono", "Setiawan",
    "bin Abdullah", "Ismail", "Rahman",
    "Batbayar", "Ganbaatar", "Tsogt",
    "Dorje", "Lhamo", "Tsering", "Namgyal",
    "Hovhannisyan", "Petrosyan", "Sargsyan", "Grigoryan",
    "Beridze", "Kapanadze", "Lomidze", "Gelashvili",
    "Hoxha", "Krasniqi", "Berisha", "Gashi",
    "Papadopoulos", "Karras", "Stavropoulos", "Pappas",
    "Wisniewski", "Kowalczyk", "Zielinski", "Grabowski",
    "DiNapoli", "Esposito", "Lombardo", "Russo", "Mancuso",
    "Tremblay", "Gagnon", "Bouchard", "Lapointe", "Cote",
    "Thibodeaux", "Boudreaux", "Arceneaux", "Guidry", "LeBlanc",
    "Hunter", "Grant", "Major", "Sterling", "Stone", "Summer", "Winter", "Lane", "Wood", "Marsh", "Street",
    "Parish", "Day", "Little", "Long", "Young",
]
NICK = ["Red", "Boots", "Junior", "Skip", "Dolly", "Bubba"]
HOSPITALS = [
    "Mercy Medical Center", "St. Vincent", "Aultman", "Geisinger", "Sentara", "Riverside Regional",
    "Lakeview Hospital", "Highland Hospital", "Bellin", "Munson", "Sparrow", "Bronson", "Tripler",
    "Good Samaritan", "Deaconess", "Freeman", "Baptist Memorial", "Ochsner", "Lafayette General",
    "CHRISTUS St. Frances Cabrini", "Trinity Health", "Infirmary West", "Main Line Health",
]
FACILITIES = [
    "The Pines", "Harbor House", "Maple Court", "Willow Manor", "Cedar Commons", "Heritage Place", "Brook Terrace",
    "Meadow Village", "Rose Gardens", "Hillside Center", "The Laurels", "Golden Acres", "Friendship Village",
    "Sunset Terrace", "Elm Place",
]
CHAINS = ["Kindred", "Encompass", "Genesis", "Life Care", "Brookdale", "DaVita", "Fresenius", "CVS", "Walgreens",
          "Amedisys", "Signature", "ProMedica"]
CHAIN_TAILS = ["", "", " Center", " of"]
UNITS = ["Tower 6 East", "Pavilion A", "Ellis 4", "North Wing 2", "Heart Tower 9", "Pavilion D 3rd floor"]
TOWNS = [
    "Hope", "Liberty", "Friendship", "Union", "Temple", "Paradise", "Harmony", "Plenty", "Comfort", "Bend",
    "Commerce", "Concord", "Victory", "Providence", "Independence", "Freedom", "Unity", "Fairview", "Eden",
    "Bath", "Canton", "Marion", "Dover", "Salem", "Troy", "Columbus", "Springfield", "Franklin", "Clinton",
    "Lafayette", "Lake Charles", "Houma", "Opelousas", "Edmundston", "Fort Kent", "Madawaska",
    "Dearborn", "Hamtramck", "Lowell", "Worcester", "Paterson", "Fresno", "Modesto", "Yakima",
]
COUNTIES = ["Acadia Parish", "Lafourche Parish", "Wayne County", "Hampden County", "Stark County",
            "Fresno County", "Middlesex County"]
HOODS = ["Bay Ridge", "Astoria", "Flatbush", "Jackson Heights", "Pilsen", "Little Italy", "Greektown", "Hamtramck",
         "South End", "North End", "Back of the Yards", "Kensington", "Fishtown", "Corktown", "Dogpatch",
         "Tremont", "Federal Hill"]
STREETS = ["Summer St", "Union Ave", "Liberty Rd", "Temple St", "Church Lane", "Grant Blvd", "Pleasant St",
           "Maple Ct", "Hunter Rd", "Spring Street", "Walnut Ave", "Water St"]
UNITS_APT = ["Apt 4B", "Unit 12", "#3", "Apt. 1F", "Ste 220", "Lot 14"]
STATES = ["LA", "ME", "MI", "MA", "NJ", "CA", "WA", "OH", "PA", "NY", "TX", "IL"]
STATE_NAMES = ["Louisiana", "Michigan", "Ohio", "California", "New Jersey", "Texas"]

TYPES = {"N": "NAME", "L": "LOCATION", "D": "DATE", "P": "PHONE", "I": "ID", "A": "AGE", "S": "ADDRESS",
         "Z": "ZIP", "E": "EMAIL", "U": "URL", "X": "SSN", "V": "VEHICLE", "R": "IP"}
_PH = re.compile(r"\{([A-Z]):(\w+)(?:=(\w+))?\}|<<(.+?)>>")
MON_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _ord(d: int) -> str:
    return f"{d}" + ("th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


class Values:
    """Draws the value of each placeholder kind."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def md(self) -> tuple[int, int]:
        while True:
            m, d = self.r.randint(1, 12), self.r.randint(1, 28)
            if (m, d) not in {(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8), (2, 2), (5, 5), (4, 4)}:
                return m, d

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def chain(self) -> str:
        r = self.r
        c = r.choice(CHAINS)
        tail = r.choice(CHAIN_TAILS)
        return f"{c}{tail} {r.choice(TOWNS)}"

    def get(self, t: str, kind: str) -> str:
        r = self.r
        if t == "N":
            f, s = r.choice(FIRST), r.choice(LAST)
            return {"first": f, "last": s, "full": f"{f} {s}", "lf": f"{s.upper()}, {f.upper()}",
                    "lfm": f"{s.upper()}, {f.upper()} {r.choice('ABCDEJKLMRST')}", "lfmix": f"{s}, {f}",
                    "init": f"{f[0]}. {s}", "fmi": f"{f} {r.choice('ABCDEHJKLMRST')}. {s}",
                    "dr": r.choice([s, s, f"{f} {s}"]), "nick": f"{f} \"{r.choice(NICK)}\" {s}"}[kind]
        if t == "L":
            return {"hosp": lambda: r.choice(HOSPITALS), "fac": lambda: r.choice(FACILITIES),
                    "chain": self.chain, "unit": lambda: r.choice(UNITS), "town": lambda: r.choice(TOWNS),
                    "county": lambda: r.choice(COUNTIES), "hood": lambda: r.choice(HOODS),
                    "any": lambda: r.choice([r.choice(HOSPITALS), r.choice(FACILITIES), self.chain()])}[kind]()
        if t == "D":
            m, d = self.md()
            y = r.randint(1931, 2024)
            return {
                "md": f"{m}/{d}", "mdpad": f"{m:02d}/{d:02d}", "mdy": f"{m}/{d}/{y % 100:02d}",
                "mdyyyy": f"{m:02d}/{d:02d}/{y}", "dash": f"{m}-{d}", "dashy": f"{m:02d}-{d:02d}-{y % 100:02d}",
                "iso": f"{y}-{m:02d}-{d:02d}", "dots": f"{m}.{d}.{y % 100:02d}", "dotsmd": f"{m:02d}.{d:02d}",
                "apos": f"'{y % 100:02d}", "ord": _ord(d), "monord": f"{r.choice(MON_FULL)} {_ord(d)}",
                "dmon": f"{d} {r.choice(MON_ABBR)}", "dmonyyyy": f"{d}-{r.choice(MON_ABBR).upper()}-{y}",
                "mon": f"{r.choice(MON_ABBR)} {d}", "long": f"{r.choice(MON_FULL)} {d}, {y}",
                "monyr": f"{r.choice(MON_FULL)} {y}", "abbr": f"{r.choice(MON_ABBR)}. {d}, {y}",
                "sp": f"{m:02d} {d:02d} {y}", "bs": f"{m}\\{d}\\{y % 100:02d}", "ymd": f"{y}/{m:02d}/{d:02d}",
                "compact": f"{y}{m:02d}{d:02d}", "wk": f"{r.choice(['Mon', 'Tues', 'Wed', 'Thurs', 'Fri'])} {m}/{d}",
            }[kind]
        if t == "P":
            a, b = r.randint(200, 989), r.randint(1000, 9999)
            ac = r.choice(["337", "985", "207", "313", "978", "973", "559", "509", "330", "215", "718", "312"])
            return {"full": f"{ac}-{a}-{b}", "paren": f"({ac}) {a}-{b}", "dots": f"{ac}.{a}.{b}",
                    "plus": f"+1-{ac}-{a}-{b}", "one": f"1 ({ac}) {a}-{b}", "ext": f"{ac}-{a}-{b} x{r.randint(10, 999)}",
                    "space": f"{ac} {a} {b}", "local": f"{a}-{b}", "pager": str(r.randint(1000, 99999)),
                    "tollfree": f"1-888-{a}-{b}", "plain": f"{ac}{a}{b}", "dotsp": f"({ac}) {a}.{b}",
                    "slash": f"{ac}/{a}-{b}", "dash2": f"{ac}-{a}{b}"}[kind]
        if t == "I":
            L, D = self.letters, self.digits
            return {
                "mrn": D(r.choice([7, 8])), "mrnl": f"M{D(7)}", "mrndash": f"{D(3)}-{D(2)}-{D(4)}",
                "acct": f"{D(10)}", "member": f"{L(1)}{D(8)}", "policy": f"{L(2)}{D(6)}-{D(2)}",
                "claim": f"{D(3)}-{D(3)}-{D(4)}", "dl": f"{L(1)}{D(7)}", "dl2": f"{D(3)} {D(3)} {D(3)}",
                "npi": f"1{D(9)}", "serial": f"SN{D(6)}{L(2)}", "run": f"{D(4)}-{D(5)}", "case": f"{D(2)}-{D(6)}",
                "hicn": f"{D(1)}{L(2)}{D(1)}-{L(2)}{D(1)}-{L(2)}{D(2)}", "badge": D(4), "auth": f"AUTH{D(7)}",
            }[kind]
        if t == "A":
            return str(r.randint(90, 103))
        if t == "S":
            n = r.randint(2, 9800)
            return {"st": f"{n} {r.choice(STREETS)}", "apt": f"{n} {r.choice(STREETS)}, {r.choice(UNITS_APT)}",
                    "pobox": f"PO Box {r.randint(10, 9999)}", "rr": f"RR 1 Box {r.randint(10, 300)}",
                    "road": r.choice(["Route 9", "I-10", "Hwy 182", "US-1", "Route 46", "Hwy 99"])}[kind]
        if t == "Z":
            z = f"{r.choice(['7', '0', '4', '9', '1'])}{r.randint(1000, 9999)}"
            return z if kind == "zip" else f"{z}-{self.digits(4)}"
        if t == "E":
            f, s = r.choice(FIRST), r.choice(LAST)
            s = re.sub(r"[^a-z]", "", s.lower())
            return f"{f.lower()[0]}.{s}{r.randint(1, 99)}@{r.choice(['gmail.com', 'yahoo.com', 'cox.net', 'verizon.net'])}"
        if t == "V":
            if kind == "vin":
                return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(10)) + self.digits(7)
            if kind == "vinlow":
                return ("".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(11)) + self.digits(6))
            return {"plate": f"{self.letters(3)}-{self.digits(4)}", "plate2": f"{self.digits(3)} {self.letters(3)}",
                    "plate3": f"{self.digits(1)}{self.letters(2)}{self.digits(4)}",
                    "plate4": f"{self.letters(2)}{self.digits(5)}", "plate5": f"{self.digits(6)}",
                    "plate6": f"{self.letters(3)}{self.digits(3)}"}[kind]
        if t == "R":
            return f"{r.randint(11, 220)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if t == "U":
            return f"https://{r.choice(['portal.bayoucare.org/v/', 'www.unionhomehealth.com/p?id='])}{r.randint(1000, 99999)}"
        if t == "X":
            return f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        raise KeyError((t, kind))


def fill(template: str, vals: Values, case: str) -> tuple[str, list[dict], list[dict]]:
    """Text, gold spans and medical spans of one note; ``case`` is upper/lower/mixed/typed."""
    return fill_template(template, _PH, vals.get, TYPES, case, rng=vals.r, lower_names=0.15)


# ------------------------------------------------------------------------------------------------ nursing fragments

HEADERS = ["NEURO ICU NSG 1900-0700\n", "Nursing note - days\n", "CVICU RN progress note\n", "npn nocs\n",
           "Trauma ICU nursing note\n", "RN event note 2250\n", "MICU step-down NPN\n", "Nursing admit note\n"]
OPENERS = [
    "Pt is an 84 yo F sent in from {L:fac} in {L:town} on {D:md} w/ <<UTI>>, AMS.\n",
    "{A:age} yo M, resident of {L:fac}, brought by {L:town} Ambulance {D:wk}.\n",
    "Pt transferred from {L:hosp} on {D:dash} for <<CABG>> eval.\n",
    "Pt is a 58 yo M from {L:hood} admitted {D:mdy} w/ <<GI bleed>>.\n",
    "Pt 71 yo F lives in {L:town}, {L:county}; came in by private car w/ <<SOB>>.\n",
    "Pt came from {L:hosp} ED on {D:dotsmd}, outside imaging on disc.\n",
    "Admitted {D:md} from {L:fac}; baseline walks w/ walker.\n",
    "Pt lives alone in {L:town}, found down by neighbor {N:full}, downtime unknown.\n",
    "66 yo M w/ <<ESRD>>, HD MWF at {L:chain}, admitted {D:md} w/ K 7.1.\n",
    "Pt 49 yo F, s/p MVC on {S:road} outside {L:town}, LOC at scene.\n",
    "Pt readmitted from {L:fac} in {L:town}; last here {D:apos}.\n",
]
NEURO = [
    "Neuro: A+Ox2, follows commands. <<Romberg>> not tested. <<Brudzinski>> neg.\n",
    "Neuro: GCS 9T. Dr {N:dr} from neuro at bedside 0200, CT head neg.\n",
    "Neuro: restless, calling for {N:first=w} and asking to go back to {L:town}.\n",
    "Neuro: pt keeps asking for {N:full}; reoriented multiple times.\n",
    "Neuro: CAM + overnight. On <<dexmedetomidine>> 0.4. Per np {N:last}, EEG ordered.\n",
    "Neuro: sedated on <<fentanyl>> 50. Hx <<Huntington's>>. Speaks Tagalog, daughter translates.\n",
    "Neuro: interpreter {N:full} (Amharic) via video, ext {P:local}.\n",
]
CV = [
    "CV: NSR 80s. BP 90s/40s on <<NOREPI>> 0.08. <<Swan>> CI 2.2.\n",
    "CV: aflutter 140s, <<amio>> bolus per dr {N:dr}. Mg 1.6, 2 g <<MgSO4>> given.\n",
    "CV: MAP 60s after 1 L LR. <<VASO>> 0.04 started, np {N:first} {N:last} aware.\n",
    "CV: ST 110s. TTE {D:md} EF 25%. Cardiology fellow {N:full} following.\n",
    "CV: <<heparin>> gtt 18 units/kg/hr, aPTT 0600. A-line L radial.\n",
]
RESP = [
    "Resp: BiPAP 12/6 40%, RR 24. Sxn small thin. RT {N:first} at bedside.\n",
    "Resp: PRVC 450 x 16, PEEP 10, FiO2 50%. ABG 7.31/49/70. SBT 5/5 at 0800.\n",
    "Resp: extubated 1100 to 4L NC per dr {N:dr}, sats 93%.\n",
    "Resp: HFNC 40L 60%. Coarse BS. Riverside protocol for IS.\n",
]
GI = [
    "GI: abd distended, +BS. TF 1/2 strength at 30/hr. BM x1 loose.\n",
    "GI/GU: NPO for EGD. <<Foley>> 30cc/hr. Creat 2.1.\n",
    "GU: <<Foley>> removed 0400. Hx <<Hirschsprung's>>, f/u dr {N:dr} as outpt.\n",
    "GI: ate 3/4 of breakfast, 1/3 of lunch. Lakeview diet order per dietitian.\n",
]
IDS = [
    "ID: Tmax 101.4. <<zosyn>>/<<vanc>> started. UA from {L:fac} {D:md} grew <<ESBL>>.\n",
    "ID: afebrile. Droplet precautions, <<flu A>> + at {L:hosp} {D:mdpad}.\n",
    "Skin: DTI L heel, wound nurse {N:full} consulted. Waffle boots on.\n",
    "Endo: FS 180-260, insulin gtt per Highland protocol.\n",
]
SOCIAL = [
    "Social: wife {N:first=w} called from {L:town}, updated. Cell {P:full}.\n",
    "Social: son {N:first=s1} {N:last=sl} is HCP, lives in {L:hood}. Call him at {P:paren}.\n",
    "Social: daughter {N:full} visiting from {L:town}; #{P:dots}.\n",
    "Social: husband {N:full} works at {L:fac}; calls after 1700, # {P:local}.\n",
    "Social: pt's brother {N:first} drove up from {L:town}; sister {N:first} in {L:town} updated by phone.\n",
    "Social: lives with wife at {S:st} in {L:town}. Neighbor {N:full} feeding the dog.\n",
    "Social: home address {S:apt}, {L:town} {Z:zip}; mail to {S:pobox}, zip {Z:zip4}.\n",
    "Family mtg {D:md} 1500 w/ dr {N:dr}, SW {N:first}, wife {N:first=w}; full code for now.\n",
    "Social: {N:first=w} (wife) visited from {L:hood}. Priest {N:full} gave sacrament.\n",
    "Social: dtr {N:first=d1} calling from {L:town}, {L:county}; cell {P:plain}.\n",
    "Social: nephew {N:full} parked his van in ER bay, plate {V:plate6}; security aware.\n",
]
PLAN = [
    "Plan: transfer to {L:unit} when bed ready. Wean <<VASO>>. Pager {P:pager} for night float.\n",
    "Plan: back to {L:fac} {D:md} if stable. Case mgr {N:full} aware, {P:ext}.\n",
    "Plan: d/c to {L:fac} in {L:town} pending auth. Report to RN {N:first} at {P:paren}.\n",
    "Plan: f/u w/ dr {N:dr} at {L:hosp} on the {D:ord}. HD at {L:chain} Sat.\n",
    "Plan: cont abx x7d. Per rn {N:first}, family bringing home meds from {L:chain}.\n",
    "Plan: CTA chest in am. Call dr {N:dr}, pager {P:pager}, w/ results.\n",
    "Plan: report called to {N:first} {N:last} RN on {L:unit} at 1845.\n",
    "Plan: d/w {N:dr} (ID), narrow abx if cx neg. Lytes 0400.\n",
    "Plan: back to {L:hosp} once stable; accepting dr {N:full}.\n",
]
SIGS = ["{N:init} RN\n", "-- {N:full}, RN\n", "{N:first} {N:last}, RN BSN\n", "signed {N:full} RN\n", "", ""]


def nursing(rng: random.Random, vals: Values, case: str, i: int) -> dict:
    parts = [rng.choice(HEADERS), rng.choice(OPENERS)]
    for pool in (NEURO, CV, RESP, GI, IDS, SOCIAL, PLAN):
        parts += rng.sample(pool, 2 if pool in (SOCIAL, PLAN) and rng.random() < 0.5 else 1)
    parts.append(rng.choice(SIGS))
    tpl = "".join(parts)
    text, phi, med = fill(tpl, vals, case)
    return {"id": f"r7-n{case[0]}{i:02d}", "note_type": f"nursing_{case}", "patient_id": f"DEV-R7N{case[0]}{i:02d}",
            "text": text, "phi": phi, "medical": med}


# ------------------------------------------------------------------------------------------------ typed documents

TYPED = [
    ("TRANSFER SUMMARY\nPatient: {N:lfm}   DOB {D:mdyyyy}   Age {A:age}\nFrom: {L:fac}, {L:town}\n"
     "To: {L:hosp}, {L:unit}\nSending nurse: {N:full}  Tel {P:paren}  Fax {P:paren}\nDx: <<pneumonia>>\n"),
    ("AMBULANCE RUN REPORT\nIncident # {I:run}   Date {D:iso}\nAgency: {L:town} Ambulance\nPatient: {N:full}, "
     "{A:age} yoM\nScene: {S:apt}, {L:town}, {Z:zip}\nTransported to {L:hosp}\nCallback {P:plus}\nHx <<CHF>>.\n"
     "Crew: {N:full} / {N:full}\n"),
    ("CRASH REPORT\nReport No. {I:case}\nDate {D:dashy}\nLocation: {S:road} near {L:town}\nUnit 1: {STATE} plate "
     "{V:plate}, VIN {V:vin}\nOperator: {N:lf}, DL# {I:dl}\nUnit 2: tag {V:plate2} ({STATE})\nTrooper: {N:full}, "
     "badge {I:badge}\n"),
    ("HOME HEALTH ORDERS\nAgency: {L:chain} Home Health\nPatient: {N:full}  DOB {D:mdyyyy}\nAddress: {S:st}, "
     "{L:town} {STATE} {Z:zip}\nPhone: {P:space}\nPhysician: {N:full}, MD  NPI {I:npi}\nStart {D:wk}\n"),
    ("DISCHARGE LETTER\n{D:long}\n\nDear Dr. {N:last},\n\nMr. {N:full=p} was admitted on {D:monord} with "
     "<<COPD>> exacerbation and went home to {L:town} on {D:mon}. He will see you at {L:hosp}.\n"
     "Questions: {P:paren}.\n\nRegards,\n{N:full}, MD\n"),
    ("NURSING FACILITY ADMISSION\nResident: {N:lf}\nFrom: {L:hosp}\nFacility: {L:fac}, {S:st}, {L:town}, "
     "{STATE} {Z:zip}\nResponsible party: {N:full} (son), {P:full}\nAttending: {N:full}\nAllergies: <<sulfa>>\n"),
    ("PATIENT REGISTRATION\nName: {N:full}\nAddress: {S:apt}\n{L:town} {STATE_NAME} {Z:zip4}\nHome phone {P:full}\n"
     "Employer: {L:fac}\nSSN {X:ssn}\nEmergency contact: {N:full} {P:dash2}\n"),
    ("VAN TRANSPORT LOG\nDate: {D:sp}\nRider: {N:full}\nFrom: {L:fac}, {L:town}\nTo: {L:hosp}\nVan tag "
     "{V:plate4}, driver {N:full}, {P:full}\n"),
    ("CONSENT\nI, {N:full=p}, agree to transfer from {L:fac} to {L:hosp}.\nDate {D:bs}\nSigned: {N:full=p}\n"
     "Witness: {N:full}, RN\n"),
    ("MEDICATION LIST\nPatient: {N:full}   MRN {I:mrndash}\nPharmacy: {L:chain}, {L:town}, {P:paren}\n"
     "Meds: <<warfarin>> 5 mg, <<ASA>> 81 mg, 1/2 tab <<carvedilol>>\nReviewed by {N:full}, PharmD {D:ymd}\n"),
    ("ED NOTE\nArrived {D:mdpad} via {L:town} Ambulance from {L:fac}\nPatient: {N:full}, {A:age}yo\n"
     "Riverside fall precautions.\nPCP: Dr {N:full} ({L:hosp})\nContact: daughter {N:full} {P:slash}\n"),
    ("OPERATIVE REPORT\nDate {D:dmonyyyy}\nPatient {N:lf}  MRN {I:mrn}\nSurgeon: {N:fmi}, MD\nProcedure: L THA, "
     "Zimmer implant, <<Thompson>> test neg.\nAssistant: {N:full}, PA-C\n"),
    ("PRIOR AUTHORIZATION\nMember: {N:full}  ID {I:member}\nRequesting facility: {L:hosp}, fax {P:plain}\n"
     "Service: SNF at {L:fac}\nDates: {D:md}-{D:md}\nReviewer: {N:full}\n"),
    ("HOSPICE REFERRAL\nPatient {N:full}, age {A:age}\nResides: {S:st}, {L:town} ({L:hood})\nHCP {N:full} "
     "(daughter), {P:full}, {E:mail}\nDx: metastatic <<pancreatic cancer>>. Start {D:mon}.\n"),
    ("CHANGE OF ADDRESS\nPatient: {N:full}\nOld: {S:pobox}, {L:town}, {STATE} {Z:zip}\nNew: {S:apt}, {L:town}, "
     "{STATE} {Z:zip4}\nEffective {D:dots}\n"),
    ("RELEASE OF INFORMATION\nTo: Medical Records, {L:hosp}\nFax: {P:full}\nRe: {N:full}, DOB {D:mdyyyy}, "
     "seen {D:monyr} on {L:unit}.\nRequested by {N:full}, {L:fac}, tel. {P:dots}\n"),
    ("HANDICAP PLACARD FORM\nApplicant: {N:lfm}\nVehicle: Ford Escape, {STATE} tag {V:plate6}\nVIN {V:vin}\n"
     "Address: {S:st}, {L:town} {Z:zip}\nCertifying provider: {N:full}, MD, lic {I:dl}\n"),
    ("CASE MANAGEMENT\nPt {N:full} accepted at {L:fac} for rehab; bed {D:mon}. Wife {N:full} agrees. "
     "Transport by {L:town} Ambulance {D:md}. CM {N:full}, {P:ext}\n"),
    ("DIALYSIS TRAVEL REQUEST\nPatient: {N:lf}\nHome unit: {L:chain}\nVisiting unit: {L:chain}, {L:town}\n"
     "Dates {D:md} to {D:md}\nNephrology: Dr. {N:full}, fax {P:paren}\n"),
    ("LETTER\n{D:long}\n{N:full}\n{S:st}\n{L:town}, {STATE} {Z:zip}\n\nDear {N:first},\nYour biopsy from "
     "{D:mon} was benign. Call {P:one} with questions.\n{N:full}, {L:hosp}\n"),
    ("LAB ORDER\nPatient {N:full}  DOB {D:compact}\nAcct {I:acct}\nOrdering: {N:full}, MD\nDraw at {L:fac}, "
     "{L:town}\nTests: BMP, <<HbA1c>>\nFax results {P:plus}\n"),
    ("SOCIAL SERVICES NOTE\nMet pt {N:full} and husband {N:full}. They live in {L:hood}. Son {N:first} in "
     "{L:town}. Plan home with {L:chain} services. Ph {P:full}\n"),
    ("DISCHARGE INSTRUCTIONS\nPatient: {N:fmi}   MR# {I:mrn}\nDischarged to: {L:fac}, {L:town}\nFollow up: "
     "{N:full}, NP, {L:hosp} on {D:monord}. Call {P:paren}.\nTake <<apixaban>> 5 mg twice daily.\n"),
    ("SECURITY: VEHICLE RELEASE\nPatient {N:full}'s truck released to {N:full} on {D:md}.\nPlate {V:plate5} "
     "({STATE}), VIN {V:vin}\nOfficer {N:full}\n"),
    ("PORTAL AUDIT\nUser {E:mail} from {R:ip} on {D:iso}\nPatient {N:lf}, MRN {I:mrn}\nLink {U:url}\n"
     "Intake name: {N:nick}\nCounty: {L:county}\n"),
    ("PT REFERRAL\nRefer to: {L:fac} Outpatient Therapy, {L:town}\nPatient {N:full}  DOB {D:mdy}\n"
     "Dx: <<Colles fracture>>\nReferring {N:full}, NP  {P:full}\nWork claim {I:claim}\n"),
]


def typed(rng: random.Random, vals: Values, i: int) -> dict:
    tpl = TYPED[i % len(TYPED)]
    tpl = re.sub(r"\{STATE\}", lambda _: rng.choice(STATES), tpl)
    tpl = re.sub(r"\{STATE_NAME\}", lambda _: rng.choice(STATE_NAMES), tpl)
    text, phi, med = fill(tpl, vals, "typed")
    return {"id": f"r7-t{i:02d}", "note_type": "typed", "patient_id": f"DEV-R7T{i:02d}", "text": text, "phi": phi,
            "medical": med}


def build(seed: int) -> list[dict]:
    rng = random.Random(seed)
    vals = Values(rng)
    notes = []
    for i in range(14):
        for case in ("upper", "lower", "mixed"):
            notes.append(nursing(rng, vals, case, i))
    for i in range(len(TYPED)):
        notes.append(typed(rng, vals, i))
    check_notes(notes, TYPES.values())
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round7.jsonl")
    ap.add_argument("--seed", type=int, default=707)
    args = ap.parse_args(argv)
    write_notes(build(args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
