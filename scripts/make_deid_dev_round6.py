"""Write the round-6 de-identification development set (``tests/nlp/data/deid_dev_round6.jsonl``).

    python scripts/make_deid_dev_round6.py [--out FILE] [--seed 606]

A development set made to differ from rounds 4 and 5 and the earlier sets, aimed at the classes round 5 left weak:

* its own first names and surnames (Irish-Gaelic, Welsh, Scottish, Basque, Catalan, Romanian, Serbian, Croatian,
  Lithuanian, Vietnamese-American, Hmong, Lao, Cambodian, Pacific Islander, Mexican double surnames, Brazilian and
  English word-like ones), its own places (towns of New England, the Pacific Northwest, the Plains, Appalachia, the
  Gulf Coast, Alaska, Hawaii and Puerto Rico, English-word towns, neighbourhoods, facility chains and brands followed
  by a town, facilities without a head word, hospital towers, pavilions, wings and floors);
* plates of many states with and without a state cue, VINs, ZIP and ZIP+4 in many positions, phone and fax numbers in
  many formats with and without labels, dates without a year or with unusual separators;
* ICU nursing notes (~42) in ALL CAPS, lower case and mixed case, and typed documents (~35): transfer forms, EMS run
  sheets, police and insurance forms, DME, home health, discharge letters.

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
    "Siobhan", "Niamh", "Padraig", "Eoin", "Aoife", "Caoimhe", "Ciaran",  # Irish-Gaelic
    "Rhys", "Gwen", "Dafydd", "Bronwen", "Emrys", "Carys",  # Welsh
    "Angus", "Morag", "Hamish", "Isla", "Lachlan", "Fiona",  # Scottish
    "Iker", "Ainhoa", "Unai", "Itziar", "Gorka",  # Basque
    "Jordi", "Montserrat", "Pau", "Nuria", "Oriol",  # Catalan
    "Ionut", "Mihaela", "Bogdan", "Ioana", "Florin",  # Romanian
    "Dragan", "Milica", "Nemanja", "Jelena", "Zoran",  # Serbian
    "Ivana", "Tomislav", "Marija", "Kresimir",  # Croatian
    "Vytautas", "Ruta", "Algirdas", "Egle",  # Lithuanian
    "Thuy", "Quang", "Hanh", "Duc", "Phuong", "Bao",  # Vietnamese-American
    "Pa Houa", "Tou", "Mai Yer", "Xeng", "Neng",  # Hmong
    "Souksavanh", "Khamla", "Bounmy",  # Lao
    "Sokha", "Chanthou", "Vuthy", "Sophal",  # Cambodian
    "Mele", "Sione", "Losana", "Tevita", "Kaimana",  # Pacific Islander
    "Guadalupe", "Refugio", "Xochitl", "Eustacio",  # Mexican
    "Joao", "Thiago", "Leticia", "Raimundo", "Fabiana",  # Brazilian
    "Sharon", "Larry", "Kathy", "Wayne", "Peggy", "Glenn", "Joyce",  # common English
    "Rusty", "Ivy", "Sonny", "Hazel", "Buck",  # word-like
]
LAST = [
    "O Suilleabhain", "Ni Bhriain", "Mac Giolla", "Quigley", "Gallagher", "Brennan", "Doherty",
    "Llewellyn", "Pritchard", "Prosser", "Bevan", "Gwynne", "Vaughan",
    "MacLeod", "Urquhart", "Buchanan", "Ferguson", "Drummond", "McAllister",
    "Etxeberria", "Goikoetxea", "Aguirre", "Urrutia", "Arrieta",
    "Puigdemont", "Vilanova", "Casals", "Ferrer", "Riera",
    "Popescu", "Ionescu", "Dumitrescu", "Constantin", "Stanciu",
    "Jovanovic", "Petrovic", "Nikolic", "Markovic", "Djordjevic",
    "Horvat", "Babic", "Kovacevic", "Matic",
    "Kazlauskas", "Petrauskas", "Jankauskas", "Vasiliauskas",
    "Nguyen-Tran", "Pham", "Huynh", "Vo", "Dang", "Truong",
    "Vang", "Xiong", "Thao", "Yang", "Lor", "Moua",
    "Phommachanh", "Sisavath", "Keomany",
    "Sok", "Chhay", "Prak", "Meas",
    "Tupou", "Fifita", "Taufa", "Kekumu", "Mahoe",
    "Hernandez Lopez", "Garcia Ruiz", "Ramirez de la Cruz", "Zavala Ochoa",
    "Dos Santos", "Oliveira", "Carvalho", "Nascimento", "Souza",
    "Church", "Bishop", "Fox", "Frost", "Snow", "Winter", "Stone", "Field", "Hill", "Rice", "Bush", "Banks",
    "Person", "Story", "Friend", "Moody", "Sharp",
]
NICK = ["Bud", "Sissy", "Peanut", "Tiny", "Chip", "Sugar"]
HOSPITALS = [
    "Maine Medical Center", "Dartmouth-Hitchcock", "Baystate", "Eastern Maine Medical", "Rutland Regional",
    "Harborview", "PeaceHealth Southwest", "Legacy Emanuel", "Kadlec", "Providence Alaska",
    "Avera St. Mary's", "Bryan Health", "Great Plains Health", "CHI St. Alexius", "Mercy Hospital of Joplin",
    "Appalachian Regional", "Cabell Huntington", "Holston Valley", "Mountain States Health",
    "Singing River", "Thibodaux Regional", "Ocean Springs Hospital", "Infirmary West",
    "Tripler", "Kuakini", "Hilo Medical Center", "Centro Medico", "Hospital Auxilio Mutuo", "Damas",
    "Yukon-Kuskokwim Delta Regional", "Bartlett Regional", "Kona Community Hospital",
]
# facilities without a recognisable head word, chains and brands (followed by a town below)
FACILITIES = [
    "Pine Ridge of Hope", "Birchwood Terrace", "Crestview of Liberty", "Willow Creek", "Harbor House",
    "The Pines at Union", "Riverbend of Chester", "Oak Hollow", "Evergreen at Temple",
]
CHAINS = ["Kindred", "Encompass", "Select Specialty", "Vibra", "Genesis", "Life Care", "Brookdale", "Sunrise",
          "Atria", "DaVita", "Fresenius", "CVS", "Walgreens", "Rite Aid", "Amedisys", "Avamere", "Ensign"]
CHAIN_TAILS = ["", "", " Hospital", " Healthcare", " Center", " of"]
UNITS = ["Tower 4 North", "Pavilion C", "Stoddard 5", "West Wing 3", "Bigelow 11", "Tower B 7th floor",
         "Founders Pavilion", "Ellison 14", "Blake 7"]
TOWNS = [
    "Bangor", "Brattleboro", "Keene", "Pittsfield", "Biddeford", "Woonsocket", "Lewiston", "Rutland",
    "Bellingham", "Olympia", "Astoria", "Bend", "Coeur d'Alene", "Wenatchee", "Longview", "Hood River",
    "Salina", "Hays", "Kearney", "Grand Island", "Minot", "Aberdeen", "Enid", "Scottsbluff",
    "Morgantown", "Bristol", "Hindman", "Grundy", "Wise", "Sylva", "Boone", "Elkins",
    "Gulfport", "Biloxi", "Pascagoula", "Port Arthur", "Gulf Shores", "Daphne", "Bayou La Batre",
    "Fairbanks", "Bethel", "Juneau", "Wasilla", "Kodiak", "Ketchikan",
    "Kaneohe", "Waipahu", "Lihue", "Kapaa", "Pahoa",
    "Ponce", "Mayaguez", "Arecibo", "Caguas", "Bayamon",
    "Hope", "Liberty", "Union", "Friendship", "Temple", "Mercy", "Orange", "Chester", "Hazard", "Harmony",
    "Plenty", "Comfort", "Justice", "Energy",
]
COUNTIES = ["Aroostook County", "Coos County", "Clallam County", "Buffalo County", "Letcher County",
            "Harrison County", "Matanuska-Susitna Borough", "Kauai County", "Terrebonne Parish"]
HOODS = ["Dorchester", "Roxbury", "Ballard", "Fremont", "Southie", "Jamaica Plain", "Midtown", "Hell's Kitchen",
         "Red Hook", "Santurce", "Kakaako", "Capitol Hill", "Five Points", "Over-the-Rhine", "Mattapan",
         "Bay View", "Highland Park"]
STREETS = ["Ocean Ave", "Mill Pond Rd", "Harbor St", "Kalanianaole Hwy", "Calle Loiza", "Front Street",
           "Birch Hill Rd", "Old County Road", "Depot St", "Tanana Loop", "Bayou Cassotte Pkwy", "Ridge Rd",
           "Poplar St", "Commercial Street", "Union St"]
UNITS_APT = ["Apt 2C", "Unit 5", "#11", "Apt. 3R", "Ste 100", "Trlr 9"]
STATES = ["ME", "NH", "VT", "MA", "RI", "WA", "OR", "KS", "NE", "ND", "WV", "KY", "VA", "MS", "AL", "AK", "HI", "PR"]
STATE_NAMES = ["Maine", "Oregon", "Kansas", "Alaska", "Kentucky", "Mississippi", "Vermont"]

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
            ac = r.choice(["207", "603", "802", "413", "360", "541", "785", "308", "606", "228", "907", "808", "787"])
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
                    "road": r.choice(["Route 2", "US-101", "Hwy 90", "Parks Hwy", "Interstate 93", "PR-2"])}[kind]
        if t == "Z":
            z = f"{r.choice(['0', '9', '6', '3', '4'])}{r.randint(1000, 9999)}"
            return z if kind == "zip" else f"{z}-{self.digits(4)}"
        if t == "E":
            f, s = r.choice(FIRST), r.choice(LAST)
            s = re.sub(r"[^a-z]", "", s.lower())
            return f"{f.lower()[0]}.{s}{r.randint(1, 99)}@{r.choice(['gmail.com', 'aol.com', 'gci.net', 'comcast.net'])}"
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
            return f"https://{r.choice(['mychart.northcoast.org/p/', 'www.islandhomecare.net/ref?id='])}{r.randint(1000, 99999)}"
        if t == "X":
            return f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        raise KeyError((t, kind))


def fill(template: str, vals: Values, case: str) -> tuple[str, list[dict], list[dict]]:
    """Text, gold spans and medical spans of one note; ``case`` is upper/lower/mixed/typed."""
    return fill_template(template, _PH, vals.get, TYPES, case, rng=vals.r, lower_names=0.15)


# ------------------------------------------------------------------------------------------------ nursing fragments

HEADERS = ["MICU NSG NOTE 7P-7A\n", "Nursing progress note, nights\n", "SICU RN note 0700-1900\n", "npn days\n",
           "CCU nursing note\n", "Nursing event note 0415\n", "Burn ICU NPN\n", "ICU transfer note (RN)\n"]
OPENERS = [
    "Pt is a 79 yo F came from {L:chain} on {D:md} w/ AMS.\n",
    "{A:age} yo M admitted from {L:fac} via {L:town} Rescue, last known well {D:wk}.\n",
    "Pt transferred from {L:hosp} in {L:town} on {D:dash} for ECMO eval.\n",
    "68 yo M ESRD on HD TTS at {L:chain}, sent in w/ K 6.8 and missed tx {D:md}.\n",
    "Pt is a 62 yo M from {L:hood} admitted {D:mdy} w/ <<DKA>>.\n",
    "Pt is an {A:age} y/o retired fisherman from {L:town}, {L:county}, here for <<CHF>> exac.\n",
    "Pt readmitted, last here {D:apos}, was d/c to {L:chain} {D:md}; returned to ED today.\n",
    "81 yo F w/ <<Alzheimer's>>, lives w/ dtr {N:first=d1} in {L:town}; PCP dr {N:dr} at {L:hosp}.\n",
    "Pt 45 yo M s/p rollover on {S:road} near {L:town}, flown in by LifeMed.\n",
    "Pt came to us from {L:town} ED on {D:dotsmd}. OSH records faxed.\n",
    "Admitted {D:md} from home in {L:town} after fall; lives above the hardware store.\n",
]
NEURO = [
    "Neuro: A+Ox3, MAE, grips 5/5. PERRL. <<Babinski>> neg.\n",
    "Neuro: GCS 10T. Dr {N:dr} from neurosurg saw pt at 2200, no intervention.\n",
    "Neuro: confused, keeps asking for {N:first=w} and says she wants to go home to {L:town}.\n",
    "Neuro: pt asking for {N:full} repeatedly overnight; reoriented.\n",
    "Neuro: <<Glasgow coma scale>> 13. On <<propofol>> 20 mcg. Per md {N:last}, MRI neg.\n",
    "Neuro: sedated, RASS -2. Hx <<Parkinson's>>, sinemet per NGT. Pt takes St. John's wort at home, held.\n",
    "Neuro: speaks Hmong only; interpreter {N:full} via phone line {P:local}.\n",
]
CV = [
    "CV: NSR 70s. BP 100s/50s on <<LEVO>> 0.05, off at 0300. <<Swan-Ganz>> CO 4.1.\n",
    "CV: afib 120s, <<dilt>> 10 mg IV x1 per dr {N:dr}. K 3.3, 20 meq <<KCL>> given.\n",
    "CV: MAP 58, 500cc bolus. <<NEO>> started 0100, np {N:first} {N:last} at bedside.\n",
    "CV: SB 50s, BP stable. Echo {D:md} EF 30%. Cards fellow {N:full} following.\n",
    "CV: hep gtt @ 14 units/kg/hr, PTT 0400. <<Swan-Ganz>> pulled 1600.\n",
]
RESP = [
    "Resp: CPAP 5/5 35%, RR 20, sats 97%. Sxn x2 thick yellow. RT {N:first} aware.\n",
    "Resp: AC 500 x 14, PEEP 8, FiO2 40%. ABG 7.35/44/92. PS 10/5 trial at 0900.\n",
    "Resp: extubated 1000 to 3L NC per dr {N:dr}, sats 95%.\n",
    "Resp: 4L NC, crackles bases. IS 500. <<Trendelenburg>> for CVL only.\n",
]
GI = [
    "GI: abd soft, +BS. TF at goal 55/hr. 1/2 NS at 75cc/hr. BM x2.\n",
    "GI/GU: NPO p MN for PEG. <<Foley>> draining 40cc/hr amber.\n",
    "GU: <<Foley>> d/c'd 0500. Hx <<Crohn's>>, f/u w/ dr {N:dr} as outpt.\n",
    "GI: ate 1/2 of tray, 2/3 of supper. Senna given.\n",
]
IDS = [
    "ID: Tmax 102.1, pan cx'd. <<vanco>>/<<cefepime>> started. Cx from {L:chain} {D:md} grew <<VRE>>.\n",
    "ID: afebrile. Contact precautions, <<C diff>> + at {L:fac} {D:mdpad}.\n",
    "Skin: stage 2 coccyx, wound rn {N:full} saw pt. Turned q2h.\n",
    "Endo: FS 150-210, SSI per protocol.\n",
]
SOCIAL = [
    "Social: wife {N:first=w} called from {L:town}, updated. Her cell {P:full}.\n",
    "Social: son {N:first=s1} {N:last=sl} is HCP, lives in {L:hood}. Call him at {P:paren}.\n",
    "Social: niece {N:full} called, wants updates; #{P:dots}.\n",
    "Social: husband {N:full} works at {L:chain}; prefers calls after 1600, # {P:local}.\n",
    "Social: pt's sister {N:first} drove in from {L:town}; brother {N:first} in {L:town} updated by phone.\n",
    "Social: lives alone at {S:st} in {L:town}. Neighbor {N:full} has keys.\n",
    "Social: home address {S:apt}, {L:town} {Z:zip}; mail to {S:pobox}, zip {Z:zip4}.\n",
    "Family mtg {D:md} 1400 w/ dr {N:dr}, SW {N:first}, wife {N:first=w}; pt DNR/DNI.\n",
    "Social: {N:first=w} (wife) visited, brought meds from {L:chain}. Chaplain {N:full} in.\n",
    "Social: dtr {N:first=d1} calling from {L:town}, {L:county}; cell {P:plain}.\n",
    "Social: pt's grandson {N:full} drove truck, plate {V:plate6}, parked in lot B.\n",
]
PLAN = [
    "Plan: transfer to {L:unit} when bed avail. Wean <<NEO>>. Pager {P:pager} for resident.\n",
    "Plan: d/c to {L:chain} {D:md} if stable. Case mgr {N:full} aware, {P:ext}.\n",
    "Plan: discharged to {L:fac} pending bed. Report to their RN {N:first} at {P:paren}.\n",
    "Plan: f/u w/ dr {N:dr} at {L:hosp} on the {D:ord}. HD at {L:chain} tomorrow.\n",
    "Plan: cont abx. Per rn {N:first}, family to bring meds list from {L:chain}.\n",
    "Plan: MRI in am. Results to dr {N:dr}, pager {P:pager}.\n",
    "Plan: report given to {N:first} {N:last} RN on {L:unit} at 1900.\n",
    "Plan: d/w {N:dr} (renal), stop <<vanco>> if cx neg. Recheck lytes 0400.\n",
    "Plan: tx back to {L:hosp} in {L:town} once stable; accepting dr {N:full}.\n",
]
SIGS = ["{N:init} RN\n", "-- {N:full}, RN\n", "{N:first} {N:last}, RN BSN\n", "signed {N:full} RN\n", "", ""]


def nursing(rng: random.Random, vals: Values, case: str, i: int) -> dict:
    parts = [rng.choice(HEADERS), rng.choice(OPENERS)]
    for pool in (NEURO, CV, RESP, GI, IDS, SOCIAL, PLAN):
        parts += rng.sample(pool, 2 if pool in (SOCIAL, PLAN) and rng.random() < 0.5 else 1)
    parts.append(rng.choice(SIGS))
    tpl = "".join(parts)
    text, phi, med = fill(tpl, vals, case)
    return {"id": f"r6-n{case[0]}{i:02d}", "note_type": f"nursing_{case}", "patient_id": f"DEV-R6N{case[0]}{i:02d}",
            "text": text, "phi": phi, "medical": med}


# ------------------------------------------------------------------------------------------------ typed documents

TYPED = [
    ("INTERFACILITY TRANSFER FORM\nPatient: {N:lfm}   DOB {D:mdyyyy}   Age {A:age}\nSending facility: {L:chain}\n"
     "Receiving: {L:hosp}, {L:unit}\nSending RN: {N:full}  Phone {P:paren}  Fax {P:paren}\nReason: <<sepsis>>\n"),
    ("EMS RUN SHEET\nRun # {I:run}   Date {D:iso}\nUnit: Medic 4, {L:town} Fire-Rescue\nPt: {N:full}, {A:age} yoF\n"
     "Pickup: {S:apt}, {L:town}, {Z:zip}\nDest: {L:hosp}\nCallback {P:plus}\nHx <<COPD>>, <<CHF>>.\n"
     "Crew: {N:full} / {N:full}\n"),
    ("POLICE ACCIDENT REPORT\nReport No. {I:case}\nDate {D:dashy}  Time 17:20\nLocation: {S:road} mile 14, near "
     "{L:town}\nVehicle 1: {STATE} plate {V:plate}, VIN {V:vin}\nDriver: {N:lf}, DL# {I:dl}\nVehicle 2: tag "
     "{V:plate2} ({STATE})\nOfficer: {N:full}, badge {I:badge}\n"),
    ("AUTO INSURANCE CLAIM - MEDICAL\nClaim number {I:claim}\nInsured: {N:full}\nPolicy {I:policy}\nVehicle: 2016 "
     "Subaru Outback, VIN: {V:vin}\nPlate: {V:plate3} {STATE}\nDate of loss: {D:long}\nInjured: {N:full}, seen at "
     "{L:hosp}\nAdjuster: {N:full}  {P:tollfree} ext 4411\n"),
    ("DME DELIVERY\nOrder {I:auth}\nPatient: {N:lfmix}\nShip to: {S:st}\n{L:town}, {STATE} {Z:zip4}\nItems: hospital "
     "bed, O2 concentrator (serial {I:serial})\nDelivered {D:mon} by {N:full}. Phone on file {P:dotsp}.\n"),
    ("HOME HEALTH REFERRAL\nAgency: {L:chain} Home Health\nPatient: {N:full}  DOB {D:mdyyyy}\nAddress: {S:rr}, "
     "{L:town} {STATE} {Z:zip}\nPhone: {P:space}\nPCP: {N:full}, MD  NPI {I:npi}\nSOC: {D:wk}\n"),
    ("DISCHARGE LETTER\n{D:long}\n\nDear Dr. {N:last},\n\nYour patient {N:full=p} was admitted to our {L:unit} on "
     "{D:monord} with <<pneumonia>> and discharged to {L:chain} on {D:mon}. He will follow up at {L:hosp}. "
     "Questions: {P:paren}.\n\nSincerely,\n{N:full}, MD\n"),
    ("SKILLED NURSING ADMISSION\nResident: {N:lf}\nAdmitted from: {L:hosp}\nFacility: {L:fac}, {S:st}, "
     "{L:town}, {STATE} {Z:zip}\nResponsible party: {N:full} (daughter), {P:full}\nMD: {N:full}\nAllergies: "
     "<<penicillin>>\n"),
    ("PHARMACY TRANSFER\nFrom: {L:chain} #5521, {L:town}\nTo: {L:chain}\nPatient {N:full}, DOB {D:mdy}\nRx: "
     "<<metformin>> 500 mg\nTransferring RPh {N:full}, ph {P:dots}, fax {P:dots}\n"),
    ("Patient Information\nName: {N:full}\nHome: {S:apt}\n{L:town} {STATE_NAME} {Z:zip4}\nPhone (H) {P:full} "
     "(W) {P:ext}\nEmployer: {L:chain}\nSSN {X:ssn}\nEmergency contact {N:full} {P:dash2}\n"),
    ("WHEELCHAIR VAN TRIP SHEET\nDate: {D:sp}\nRider: {N:full}\nPick up: {L:fac}, {L:town}\nDrop off: {L:hosp}, "
     "{L:unit}\nVan plate {V:plate4}, driver {N:full}, cell {P:full}\n"),
    ("CONSENT FOR TRANSPORT\nI, {N:full=p}, consent to transfer from {L:chain} to {L:hosp}.\nDate {D:bs}\n"
     "Signature: {N:full=p}\nWitness: {N:full}, RN\n"),
    ("WOUND CARE ORDERS\nPt {N:full}  MRN {I:mrnl}\nHome health: {L:chain}\nDressing change MWF. Call Dr {N:last} "
     "at {P:paren} if <<cellulitis>>.\nNext visit {D:dash}.\n"),
    ("MEDICATION RECONCILIATION\nPatient: {N:full}   MRN {I:mrndash}\nPharmacy: {L:chain}, {L:town}, "
     "{P:paren}\nHome meds: <<lisinopril>> 10 mg, St. John's wort, <<ASA>> 81 mg, 1/2 tab <<metoprolol>>\n"
     "Reconciled by {N:full}, PharmD on {D:ymd}\n"),
    ("ED TRIAGE\nArrival {D:mdpad} 03:10 by {L:town} Ambulance from {L:fac}\nPt: {N:full}, {A:age}yo\nCC: "
     "fall. Lives at {L:chain}.\nPCP: Dr {N:full} ({L:hosp})\nContact: son {N:full} {P:slash}\n"),
    ("OPERATIVE NOTE\nDate {D:dmonyyyy}\nPatient {N:lf}  MRN {I:mrn}\nSurgeon: {N:fmi}, MD\nProcedure: R TKA, "
     "implant Stryker Triathlon, tourniquet 55 min.\nAssist: {N:full}, PA-C\n"),
    ("INSURANCE PRE-AUTHORIZATION\nMember: {N:full}  ID {I:member}\nHICN {I:hicn}\nRequesting: {L:hosp}, fax "
     "{P:plain}\nService: inpatient rehab at {L:chain}\nDates: {D:md}-{D:md}\nReviewer: {N:full}\n"),
    ("HOSPICE INTAKE\nPatient {N:full}, age {A:age}\nLives: {S:st}, {L:town} ({L:hood})\nPOA {N:full} "
     "(son), {P:full}, {E:mail}\nDx: end-stage <<COPD>>. Admit {D:mon}.\n"),
    ("ADDRESS CHANGE FORM\nPatient: {N:full}\nOld: {S:pobox}, {L:town}, {STATE} {Z:zip}\nNew: {S:apt}, {L:town}, "
     "{STATE} {Z:zip4}\nEffective {D:dots}\n"),
    ("RECORDS REQUEST\nTo: Health Information, {L:hosp}\nFax: {P:full}\nPlease send records of {N:full}, DOB "
     "{D:mdyyyy}, seen {D:monyr} at {L:unit}.\nRequested by {N:full}, {L:chain}, tel. {P:dots}\n"),
    ("PARKING PERMIT APPLICATION\nApplicant: {N:lfm}\nVehicle: Honda Civic, {STATE} tag {V:plate6}\nVIN {V:vin}\n"
     "Address: {S:st}, {L:town} {Z:zip}\nPhysician cert: {N:full}, MD, lic {I:dl}\n"),
    ("CASE MANAGEMENT NOTE\nPt {N:full} accepted at {L:chain} for SNF; bed {D:mon}. Daughter {N:full} agrees. "
     "Transport by {L:town} Ambulance {D:md}. CM {N:full}, {P:ext}\n"),
    ("OUTPATIENT PT REFERRAL\nRefer to: {L:chain} Physical Therapy, {L:town}\nPatient {N:full}  DOB {D:mdy}\n"
     "Dx: <<rotator cuff tear>>\nReferring {N:full}, NP  {P:full}\n"),
    ("DIALYSIS TRANSFER\nPatient: {N:lf}\nHome unit: {L:chain}\nTravel unit: {L:chain}, {L:town}\nDates {D:md} to "
     "{D:md}\nNephrologist Dr. {N:full}, fax {P:paren}\n"),
    ("MVC HANDOFF (EMS)\nPt {N:full}, driver of pickup, {STATE_NAME} plates {V:plate}\nFound {S:road} at "
     "{L:town} line. GCS 14. Taken to {L:hosp}.\nMedic {N:full}\n"),
    ("LETTER\n{D:long}\n{N:full}\n{S:st}\n{L:town}, {STATE} {Z:zip}\n\nDear {N:first},\nYour test results from "
     "{D:mon} were normal. Call {P:one} with questions.\n{N:full}, {L:hosp}\n"),
    ("LAB REQUISITION\nPatient {N:full}  DOB {D:compact}\nAcct {I:acct}\nOrdering: {N:full}, MD\nDraw at "
     "{L:chain} lab, {L:town}\nTests: CBC, <<TSH>>\nResults fax {P:plus}\n"),
    ("WORK STATUS\nEmployee {N:full}, employer {L:chain}\nDOI {D:mdy}\nClaim {I:claim}\nLight duty from {D:mon}. "
     "Provider {N:full}, PA-C\n"),
    ("TRANSPORT REQUEST\nFrom {L:unit}, {L:hosp}\nTo {L:fac}, {S:st}, {L:town}\nPatient {N:full}, {A:age}F\n"
     "Contact at receiving: {N:full} {P:local}\nDate {D:wk}\n"),
    ("GUARDIANSHIP FORM\nWard: {N:full}\nGuardian: {N:full}, {S:apt}, {L:town}, {STATE} {Z:zip}\nPhone {P:full}\n"
     "Court case {I:case}, {L:county}\n"),
    ("SOCIAL WORK NOTE\nMet with pt {N:full} and wife {N:full}. They live in {L:hood} near {L:chain}. Son "
     "{N:first} in {L:town}. Plan home with {L:chain} services. Ph {P:full}\n"),
    ("DISCHARGE INSTRUCTIONS\nPatient: {N:fmi}   MR# {I:mrn}\nGoing to: {L:fac}, {L:town}\nFollow up: {N:full}, "
     "NP, {L:hosp} on {D:monord}. Call {P:paren}.\nTake <<apixaban>> 5 mg twice daily.\n"),
    ("VEHICLE RELEASE (SECURITY)\nPatient {N:full}'s car released to {N:full} on {D:md}.\nPlate {V:plate5} "
     "({STATE}), VIN {V:vin}\nOfficer {N:full}\n"),
    ("MAIL-ORDER PHARMACY ENROLLMENT\nMember {N:full}\nShip to {S:st} / {L:town} / {Z:zip4}\nAlt ZIP {Z:zip}\n"
     "Fax Rx to 1.{P:dots}\nPhone: {P:paren}\n"),
    ("PORTAL ACCESS LOG\nUser {E:mail} from {R:ip} on {D:iso}\nPatient {N:lf}, MRN {I:mrn}\nLink {U:url}\n"),
    ("INTAKE\nName: {N:nick}\nZIP: {Z:zip}\nCounty: {L:county}\nPhone: {P:dash2}\nDOB {D:mdyyyy}\n"
     "Referred by {N:full} from {L:chain}\n"),
]


def typed(rng: random.Random, vals: Values, i: int) -> dict:
    tpl = TYPED[i % len(TYPED)]
    tpl = re.sub(r"\{STATE\}", lambda _: rng.choice(STATES), tpl)
    tpl = re.sub(r"\{STATE_NAME\}", lambda _: rng.choice(STATE_NAMES), tpl)
    text, phi, med = fill(tpl, vals, "typed")
    return {"id": f"r6-t{i:02d}", "note_type": "typed", "patient_id": f"DEV-R6T{i:02d}", "text": text, "phi": phi,
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
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round6.jsonl")
    ap.add_argument("--seed", type=int, default=606)
    args = ap.parse_args(argv)
    write_notes(build(args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
