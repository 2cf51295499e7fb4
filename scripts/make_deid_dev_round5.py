"""Write the round-5 de-identification development set (``tests/nlp/data/deid_dev_round5.jsonl``).

    python scripts/make_deid_dev_round5.py [--out FILE] [--seed 505]

A development set made to differ from round 4 and the earlier sets, with its weight on typed documents (forms,
faxes, requisitions, billing and legal paperwork) whose identifiers round 4 hardly had:

* its own first names and surnames (Turkish, Persian, Russian, Ukrainian, Hungarian, Dutch, Thai, Japanese,
  Haitian, Somali, Ethiopian, Samoan, Hawaiian, Cajun, Appalachian, double-barrelled and apostrophe names and
  common English ones), its own places (Midwest, Southern and Western US towns, Canadian towns, counties and
  parishes, boroughs and neighbourhoods, hospitals named after saints, people, towns and directions, VA medical
  centers, rehab and skilled nursing facilities, pharmacies, dialysis units);
* typed documents (~40): intake, insurance and billing forms, lab requisitions, referral faxes with cover sheets,
  discharge paperwork, DME orders, a death certificate, police/EMS reports, legal releases, school and work notes,
  with record/account/member/policy/claim/licence/NPI/DEA/accession/specimen/serial numbers in many formats, phone
  and fax numbers in many formats, ZIP and ZIP+4, street addresses with units, PO boxes and rural routes, plates and
  VINs, dates in many formats and ages over 89 in many phrasings;
* ICU nursing notes (~36) in ALL CAPS, lower case and mixed case.

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
    "Emre", "Ayse", "Mehmet", "Elif", "Burak", "Zeynep",  # Turkish
    "Dariush", "Shirin", "Farzaneh", "Kourosh", "Parisa", "Bijan",  # Persian
    "Dmitri", "Svetlana", "Anatoly", "Yevgeny", "Lyudmila", "Galina",  # Russian
    "Bohdan", "Oksana", "Taras", "Halyna", "Mykola",  # Ukrainian
    "Zoltan", "Erzsebet", "Laszlo", "Ildiko", "Gyorgy",  # Hungarian
    "Joost", "Maartje", "Pieter", "Femke", "Willem",  # Dutch
    "Somchai", "Malee", "Niran", "Siriporn",  # Thai
    "Haruto", "Yuki", "Kenji", "Aiko", "Takeshi", "Noriko",  # Japanese
    "Wilner", "Guerline", "Fritznel", "Marie-Claude", "Jean-Baptiste", "Yolette",  # Haitian
    "Abdirahman", "Hodan", "Faadumo", "Abdullahi", "Ayaan",  # Somali
    "Tesfaye", "Meron", "Abebe", "Selamawit", "Yonas",  # Ethiopian
    "Tavita", "Sina", "Lealofi", "Malia",  # Samoan
    "Keoni", "Leilani", "Kalani", "Makana",  # Hawaiian
    "Alcide", "Clovis", "Odile", "Delphine", "Ulysse",  # Cajun
    "Jeb", "Loretta", "Virgil", "Wanda", "Orville", "Opal", "Ozzie",  # Appalachian
    "Linda", "Gary", "Brenda", "Dennis", "Carol", "Roger", "Debra", "Keith", "Tammy", "Randy",  # common English
    "Dawn", "Summer", "Frank", "Sterling", "Autumn", "Chance",  # word-like
]
LAST = [
    "Yilmaz", "Ozturk", "Demir", "Kaya", "Celik", "Sahin",
    "Tehrani", "Moradi", "Rahimi", "Jafari", "Hosseini",
    "Volkov", "Smirnova", "Kuznetsov", "Orlov", "Petrenko",
    "Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk",
    "Nagy", "Horvath", "Szabo", "Kovacs", "Farkas",
    "Bakker", "Visser", "Jansen", "de Vries", "van den Berg",
    "Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakorn",
    "Tanaka", "Watanabe", "Nakamura", "Kobayashi", "Yamamoto",
    "Pierre-Louis", "Desrosiers", "Dorvil", "Toussaint", "Jean-Charles",
    "Warsame", "Farah", "Abdi", "Mohamud",
    "Haile", "Bekele", "Gebremedhin", "Tadesse", "Alemu",
    "Tuiasosopo", "Faleolo", "Leiataua",
    "Kahananui", "Akana", "Kealoha", "Kamaka",
    "Boudreaux", "Guidry", "Hebert", "Fontenot", "LeBlanc", "Broussard",
    "Hatfield", "Caudill", "Sizemore", "Combs", "Stidham",
    "Hughes-Whitfield", "Ortega-Sandoval", "Brennan-Kaya",
    "N'Diaye", "D'Arcy", "O'Rourke", "Dell'Orto", "McCracken", "MacPhail",
    "Carter", "Mitchell", "Turner", "Parker", "Cooper", "Ward",
    "Marsh", "Lane", "Glass", "Booth", "Reed", "Church", "Baker", "Hunter", "Cook", "Short",
]
NICK = ["Tex", "Boots", "Junebug", "Skip", "Dutch", "Cookie", "Red"]
HOSPITALS = [
    "St. Vincent's", "St. Mary's Regional", "Our Lady of Lourdes", "St. Tammany Parish Hospital",
    "Queen's Medical Center", "Kapiolani Medical Center", "Providence Sacred Heart", "Bronson Methodist",
    "Avera McKennan", "Ochsner", "Baptist Memorial", "Pikeville Medical Center", "Charleston Area Medical Center",
    "Mercy Health St. Rita's", "Northwest Medical Center", "South Shore Hospital", "East Jefferson General",
    "West Valley Medical Center", "Hines VA Medical Center", "Togus VA", "Lexington VAMC", "Boise VA Medical Center",
    "Sanford", "Billings Clinic", "Lafayette General", "Hazard ARH", "St. Cloud Hospital", "Mercy San Juan",
]
FACILITIES = [
    "Bayou Oaks Skilled Nursing", "Cumberland Heights", "Prairie View Care Center", "Golden Living Center",
    "Bethany Home", "Good Samaritan Society", "Sunrise of Lakewood", "Encompass Health Rehab",
    "Select Specialty Hospital", "Magnolia Place", "Heritage Manor", "Aspen Ridge Rehab",
]
PHARMACIES = ["Kroger Pharmacy", "Hy-Vee Pharmacy", "Publix Pharmacy", "Bartell Drugs", "Medicine Shoppe",
              "Fred Meyer Pharmacy", "Longs Drugs"]
DIALYSIS = ["DaVita Opelousas", "Fresenius Kidney Care Paducah", "Satellite Dialysis", "DCI Bozeman"]
UNITS = ["Tower 6 West", "Kahili 4", "Pavilion B", "Sizeler 3"]
TOWNS = [
    "Ames", "Muncie", "Kalamazoo", "Terre Haute", "Oshkosh", "Mankato", "Dubuque", "Bismarck", "Joplin", "Paducah",
    "Tupelo", "Natchez", "Opelousas", "Lafayette", "Hattiesburg", "Pikeville", "Hazard", "Beckley", "Bluefield",
    "Bozeman", "Missoula", "Flagstaff", "Yuma", "Pocatello", "Twin Falls", "Walla Walla", "Yakima", "Medford",
    "Hilo", "Kahului", "Kailua", "Moncton", "Sudbury", "Kamloops", "Red Deer", "Thunder Bay", "Lethbridge",
    "Saskatoon", "Houma", "Thibodaux", "Breaux Bridge", "Harlan", "Prestonsburg", "Marfa", "Elko",
]
COUNTIES = ["Lafourche Parish", "Pike County", "Ada County", "Yakima County", "Harlan County", "Maui County",
            "St. Landry Parish", "Cass County", "Gallatin County"]
HOODS = ["Flatbush", "Bay Ridge", "Astoria", "Germantown", "Little Haiti", "Cedar-Riverside", "Kalihi", "Bywater",
         "Treme", "Overtown"]
STREETS = ["Water Street", "Church St", "Mill Road", "Bayou Teche Rd", "Kamehameha Hwy", "N 3rd St",
           "Old Hickory Blvd", "Prairie Ave", "Cottonwood Ln", "Sycamore Dr", "Elm Ct", "Main St", "River Road",
           "Hospital Drive", "Spring Street"]
UNITS_APT = ["Apt 4B", "Unit 12", "#3", "Apt. 210", "Suite 400", "Lot 17"]
STATES = ["LA", "KY", "ID", "MT", "MI", "IA", "HI", "WA", "MS", "WV", "TX", "NV"]
REL = ["wife", "husband", "son", "dtr", "daughter", "sister", "brother", "niece", "nephew"]

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

    def get(self, t: str, kind: str) -> str:
        r = self.r
        if t == "N":
            f, s = r.choice(FIRST), r.choice(LAST)
            return {"first": f, "last": s, "full": f"{f} {s}", "lf": f"{s.upper()}, {f.upper()}",
                    "lfm": f"{s.upper()}, {f.upper()} {r.choice('ABCDEJKLMRST')}", "lfmix": f"{s}, {f}",
                    "init": f"{f[0]}. {s}", "fmi": f"{f} {r.choice('ABCDEHJKLMRST')}. {s}",
                    "dr": r.choice([s, s, f"{f} {s}"]), "nick": f"{f} \"{r.choice(NICK)}\" {s}",
                    "nickp": f"{f} ({r.choice(NICK)}) {s}"}[kind]
        if t == "L":
            return {"hosp": lambda: r.choice(HOSPITALS), "fac": lambda: r.choice(FACILITIES),
                    "pharm": lambda: r.choice(PHARMACIES), "dial": lambda: r.choice(DIALYSIS),
                    "unit": lambda: r.choice(UNITS), "town": lambda: r.choice(TOWNS),
                    "county": lambda: r.choice(COUNTIES), "hood": lambda: r.choice(HOODS),
                    "clinic": lambda: f"{r.choice(TOWNS)} {r.choice(['Family Clinic', 'Family Medicine', 'Middle School'])}",
                    "dept": lambda: f"{r.choice(HOSPITALS)} {r.choice(['Neurology', 'Pediatrics', 'Sleep Center'])}"}[kind]()
        if t == "D":
            m, d = self.md()
            y = r.randint(1931, 2024)
            return {
                "md": f"{m}/{d}", "mdpad": f"{m:02d}/{d:02d}", "mdy": f"{m}/{d}/{y % 100:02d}",
                "mdyyyy": f"{m:02d}/{d:02d}/{y}", "dash": f"{m:02d}-{d:02d}-{y}", "iso": f"{y}-{m:02d}-{d:02d}",
                "dots": f"{m}.{d}.{y}", "apos": f"'{y % 100:02d}", "ord": _ord(d),
                "monord": f"{r.choice(MON_ABBR)} {_ord(d)}", "dmon": f"{d}-{r.choice(MON_ABBR)}",
                "dmony": f"{d}-{r.choice(MON_ABBR)}-{y % 100:02d}", "dmonyyyy": f"{d} {r.choice(MON_ABBR)} {y}",
                "mon": f"{r.choice(MON_FULL)} {d}", "long": f"{r.choice(MON_FULL)} {d}, {y}",
                "longord": f"{r.choice(MON_FULL)} {_ord(d)}, {y}", "monyr": f"{r.choice(MON_FULL)} {y}",
                "abbr": f"{r.choice(MON_ABBR)}. {d}, {y}", "caps": f"{r.choice(MON_ABBR).upper()} {d} {y}",
            }[kind]
        if t == "P":
            a, b = r.randint(200, 989), r.randint(1000, 9999)
            ac = r.choice(["337", "606", "208", "808", "270", "515", "406", "985", "319", "601"])
            return {"full": f"{ac}-{a}-{b}", "paren": f"({ac}) {a}-{b}", "dots": f"{ac}.{a}.{b}",
                    "plus": f"+1 {ac} {a} {b}", "one": f"1-{ac}-{a}-{b}", "ext": f"({ac}) {a}-{b} x{r.randint(10, 999)}",
                    "extw": f"{ac}-{a}-{b} ext. {r.randint(10, 9999)}", "space": f"{ac} {a} {b}",
                    "slash": f"{ac}/{a}-{b}", "local": f"{a}-{b}", "pager": str(r.randint(1000, 99999)),
                    "tollfree": f"1-800-{a}-{b}", "parenns": f"({ac}){a}-{b}"}[kind]
        if t == "I":
            L, D = self.letters, self.digits
            return {
                "mrn": D(r.choice([6, 7, 8, 9])), "mrndash": f"{D(2)}-{D(3)}-{D(3)}", "mrnsp": f"{D(3)} {D(2)} {D(2)}",
                "acct": f"{D(4)} {D(4)} {D(2)}", "acctl": f"{L(1)}{D(9)}", "member": f"{L(3)} {D(3)} {D(3)} {D(3)}",
                "memberd": f"{L(3)}{D(9)}", "policy": f"{L(3)}-{D(7)}", "group": f"{D(5)}{L(1)}",
                "claim": f"{D(4)} {D(4)} {D(4)}", "claimd": f"{D(2)}-{D(6)}-{D(3)}", "dl": f"{L(1)}{D(3)}-{D(3)}-{D(2)}-{D(3)}",
                "dl2": f"{D(9)}", "dl3": f"{L(2)}{D(6)}", "lic": f"RN{D(7)}", "lic2": f"{L(2)}-{D(5)}", "npi": f"1{D(9)}",
                "npisp": f"1{D(3)} {D(3)} {D(3)}", "dea": f"{L(2)}{D(7)}", "acc": f"S{D(2)}-{D(5)}",
                "spec": f"{D(2)}-{L(2)}-{D(5)}", "serial": f"{L(2)}{D(2)}{L(1)}-{D(4)}-{L(1)}", "serial2": f"{D(4)}{L(3)}{D(5)}",
                "medicare": f"{D(1)}{L(1)}{D(1)}{L(1)}-{L(1)}{D(2)}-{L(1)}{D(1)}{L(1)}", "auth": f"PA-{D(8)}",
                "badge": D(4), "case": f"{D(2)}-{D(5)}", "cert": f"{D(3)}-{D(4)}-{D(6)}", "short": D(6),
                "idletter": f"{L(2)}{D(2)} {D(4)} {D(3)}",
            }[kind]
        if t == "A":
            return str(r.randint(90, 104))
        if t == "S":
            n = r.randint(2, 9800)
            return {"st": f"{n} {r.choice(STREETS)}", "apt": f"{n} {r.choice(STREETS)}, {r.choice(UNITS_APT)}",
                    "aptsp": f"{n} {r.choice(STREETS)} {r.choice(UNITS_APT)}", "pobox": f"PO Box {r.randint(10, 9999)}",
                    "pobox2": f"P.O. Box {r.randint(10, 9999)}", "rr": f"RR 2 Box {r.randint(10, 300)}",
                    "hc": f"HC 63 Box {r.randint(10, 999)}",
                    "road": r.choice(["Hwy 15", "Route 9", "Hwy 190", "State Route 7", "Rte 22"]),
                    "cross": r.choice(["Prairie Ave", "Sycamore Dr", "Bayou Road", "Church Street"])}[kind]
        if t == "Z":
            z = f"{r.randint(10, 99)}{r.randint(100, 999)}"
            return z if kind == "zip" else f"{z}-{self.digits(4)}"
        if t == "E":
            f, s = r.choice(FIRST), r.choice(LAST)
            s = re.sub(r"[^a-z]", "", s.lower())
            return f"{f.lower()[0]}{s}{r.randint(1, 99)}@{r.choice(['yahoo.com', 'hotmail.com', 'bellsouth.net', 'hawaii.rr.com'])}"
        if t == "V":
            if kind == "vin":
                return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(16)) + str(r.randint(0, 9))
            return {"plate": f"{self.letters(3)} {self.digits(3)}", "plated": f"{self.digits(3)}-{self.letters(3)}",
                    "plate2": f"{self.digits(1)}{self.letters(3)}{self.digits(3)}"}[kind]
        if t == "R":
            return f"{r.randint(11, 220)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if t == "U":
            return f"https://{r.choice(['portal.bayouhealth.org/pt/', 'www.hillcountryclinic.com/r/'])}{r.randint(1000, 99999)}"
        if t == "X":
            return f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        raise KeyError((t, kind))


def fill(template: str, vals: Values, case: str) -> tuple[str, list[dict], list[dict]]:
    """Text, gold spans and medical spans of one note; ``case`` is upper/lower/mixed/typed."""
    return fill_template(template, _PH, vals.get, TYPES, case, rng=vals.r, lower_names=0.15)


# ------------------------------------------------------------------------------------------------ nursing fragments

HEADERS = ["NSG NOTE 1900-0730\n", "Nursing Progress Note (days)\n", "CVICU RN note 7a-7p\n", "npn nights\n",
           "Neuro ICU nursing admission note\n", "Nursing addendum 0300\n", "Trauma ICU NPN\n"]
OPENERS = [
    "Pt is an 83 yo M admitted from {L:fac} in {L:town} on {D:md} w/ hypoxia.\n",
    "{A:age} yo F brought in by {L:town} EMS after found down at home, last seen well {D:md}.\n",
    "Pt transferred to us from {L:hosp} ICU on {D:md} for higher level of care; came by LifeFlight.\n",
    "66 yo M, hx ESRD on HD MWF at {L:dial}, admitted w/ K 7.1.\n",
    "Pt is a 71 yo Creole-speaking woman from {L:hood} admitted {D:mdy} with <<sepsis>>.\n",
    "Pt is a pleasant {A:age} year old retired coal miner from {L:county}, here for <<COPD>> exac.\n",
    "Pt well known to unit, last admit {D:apos} and again in 2019. Arrived from {L:hosp} ED at 0415.\n",
    "77 yo F, <<Parkinson's>>, lives w/ son {N:first=s1} in {L:town}; PCP Dr {N:dr} at {L:hosp}.\n",
    "Pt is 59 yo M s/p MVC on {S:road}, flown from {L:town} to our trauma bay.\n",
    "Admitted {D:md} from {L:fac} via ambulance. Baseline per staff there: A+Ox2, walks w/ walker.\n",
]
NEURO = [
    "Neuro: A+Ox3, MAE, strength 5/5 x4. PERRL 3mm brisk. <<Babinski>> neg bilat.\n",
    "Neuro: GCS 9 (E2V2M5) at start of shift, now 11. Dr {N:dr} (neurosurg) aware, no change in plan.\n",
    "Neuro: confused, keeps asking for {N:first=w} and wants to go back to {L:town}. Reoriented freq.\n",
    "Neuro: <<Glasgow coma scale>> 14, moving all ext. On <<precedex>> 0.4. Per md {N:last}, CT head neg.\n",
    "Neuro: sedated, RASS -3. Pupils equal. Hx <<Parkinson's>>, home sinemet given via NGT.\n",
    "Neuro: alert, speaks Somali only; interpreter {N:full} via phone (line {P:local}).\n",
]
CV = [
    "CV: SR 70-80s, no ectopy. BP 110s/60s on <<LEVO>> 0.04, weaned off at 0500. <<Swan-Ganz>> CI 2.4.\n",
    "CV: afib RVR 130s, given <<dilt>> 10 mg IV x2 per Dr {N:dr}. K 3.1, 40 meq <<KCL>> given.\n",
    "CV: hypotensive 80s/40s, 1L bolus. <<NEO>> started at 0200, np {N:last} at bedside.\n",
    "CV: HR 60s SB, BP stable. TTE {D:md} w/ EF 25%. Cards fellow {N:full} following.\n",
    "CV: VSS. Pulses dopplerable DP/PT. Heparin gtt @ 12 units/kg/hr per protocol, PTT due 2200.\n",
]
RESP = [
    "Resp: CPAP 5/5 40%, RR 18, sats 96%. Sxn x3 thick tan. RT {N:first} aware.\n",
    "Resp: vent AC 450 x 16, PEEP 10, FiO2 50%. ABG 7.31/48/88. PS 10/5 trial failed at 1000.\n",
    "Resp: extubated 1100 to 4L NC per Dr {N:dr}, sats 94%. Strong cough.\n",
    "Resp: 2L NC, LS diminished bases. IS 750. Placed in <<Trendelenburg>> for line placement only.\n",
]
GI = [
    "GI: abd soft NT/ND, +BS. TF at goal 60/hr. Given 1/2 NS at 100cc/hr. BM x1 guaiac neg.\n",
    "GI/GU: NPO after MN for EGD. <<Foley>> patent, 30-50cc/hr clear yellow.\n",
    "GU: <<Foley>> removed 0600, DTV by 1400. Hx <<Crohn's>>, GI aware, f/u w/ Dr {N:dr} as outpt.\n",
    "GI: tolerating clears, 2/3 of tray eaten. Lactulose 30 ml given.\n",
]
IDS = [
    "ID: Tmax 101.8, pan cx'd. <<vanco>>/<<zosyn>> started. Cx from {L:hosp} {D:md} grew <<MRSA>>.\n",
    "ID: afebrile, WBC 9.2. Contact precautions for <<C diff>> (+ at {L:fac} {D:mdpad}).\n",
    "Skin: stage 3 sacrum, wound RN {N:full} saw pt, mepilex applied. Turned q2h.\n",
    "Endo: FS 180-220, SSI. <<Insulin>> gtt off at 0800 per ICU team.\n",
]
SOCIAL = [
    "Social: wife {N:first=w} called from {L:town}, updated by RN. Her cell {P:full}.\n",
    "Social: son {N:first=s1} {N:last=sl} is HCP, lives in {L:county}. Call him at {P:paren} w/ changes.\n",
    "Family: dtr {N:first=d1} and grandson {N:first} at bedside, staying at the Marriott downtown tonight.\n",
    "Social: husband {N:full} works nights at {L:hosp}; prefers calls after 1500, # {P:dots}.\n",
    "Social: pt's sister {N:first} flew in from {L:town}; brother {N:first} in {L:hood} updated by phone.\n",
    "Social: lives alone at {S:st} in {L:town}. Neighbor {N:full} checks on him daily.\n",
    "Family mtg {D:md} at 1400 w/ Dr {N:dr}, SW {N:first}, wife {N:first=w} and son {N:first=s1}; pt DNR.\n",
    "Social: niece {N:full} ({L:town}) is contact; #{P:local}. Pt was at {L:fac} until {D:md}.\n",
    "Social: {N:first=w} (wife) in, tearful, support given. Chaplain {N:full} visited. Dtr will fly in from {L:town}.\n",
    "Social: dtr {N:first=d1} will call in am. Sister-in-law {N:first} called twice from {L:town}.\n",
    "Social: pt's husband {N:first} has dementia, lives at {L:fac}. Son {N:first=s1} is POA.\n",
]
PLAN = [
    "Plan: transfer to {L:unit} when bed avail. Cont <<NEO>> wean. Pager {P:pager} for night resident.\n",
    "Plan: d/c back to {L:fac} {D:md} if stable. Case mgr {N:full} aware, {P:extw}.\n",
    "Plan: f/u w/ Dr {N:dr} at {L:hosp} on {D:monord}. HD tomorrow at {L:dial}.\n",
    "Plan: cont abx. Per rn {N:first}, family to bring meds list from {L:pharm}.\n",
    "Plan: MRI brain in am. Results to Dr {N:dr}, pager {P:pager}. Return to {L:hosp} for f/u on the {D:ord}.\n",
    "Plan: PT/OT eval. Report given to {N:first} {N:last} RN at 1900.\n",
    "Plan: d/w {N:dr} (ID), stop <<vanco>> when cx neg x48h. Recheck lytes 0400.\n",
    "Plan: VA social worker {N:full} from {L:hosp} to see pt re: placement, ph {P:paren}.\n",
    "Plan: wean vent as tol. Family mtg {D:mon} w/ palliative (Dr {N:dr}).\n",
]
SIGS = ["{N:init} RN\n", "-- {N:full}, RN\n", "{N:first} {N:last}, RN BSN\n", "signed {N:full} RN\n", "", ""]


def nursing(rng: random.Random, vals: Values, case: str, i: int) -> dict:
    parts = [rng.choice(HEADERS), rng.choice(OPENERS)]
    for pool in (NEURO, CV, RESP, GI, IDS, SOCIAL, PLAN):
        parts += rng.sample(pool, 2 if pool in (SOCIAL, PLAN) and rng.random() < 0.5 else 1)
    parts.append(rng.choice(SIGS))
    tpl = "".join(parts)
    text, phi, med = fill(tpl, vals, case)
    return {"id": f"r5-n{case[0]}{i:02d}", "note_type": f"nursing_{case}", "patient_id": f"DEV-R5N{case[0]}{i:02d}",
            "text": text, "phi": phi, "medical": med}


# ------------------------------------------------------------------------------------------------ typed documents

TYPED = [
    ("PATIENT INTAKE FORM\nName (Last, First): {N:lfmix}\nDate of birth: {D:mdyyyy}    Age: 61\n"
     "Address: {S:apt}\nCity/State/ZIP: {L:town}, LA {Z:zip4}\nHome phone: {P:paren}   Cell: {P:dots}\n"
     "E-mail: {E:mail}\nEmergency contact: {N:full} (sister)  Phone: {P:full}\nPrimary care: Dr. {N:full}, "
     "{L:hosp}\nPharmacy: {L:pharm}, {P:paren}\nMRN: {I:mrndash}\n"),
    ("INSURANCE VERIFICATION\nSubscriber: {N:lfm}\nMember ID: {I:member}\nGroup #: {I:group}\nPolicy no. "
     "{I:policy}\nSubscriber DOB: {D:mdyyyy}\nPayer phone: {P:tollfree}\nVerified by {N:full} on {D:abbr}.\n"),
    ("CMS-1500 CLAIM SUMMARY\nPatient: {N:lf}   Acct #: {I:acct}\nClaim no. {I:claim}\nDate of service: "
     "{D:mdyyyy}\nRendering provider: {N:full}, MD   NPI: {I:npi}\nBilling address: {S:pobox}, {L:town}, ID "
     "{Z:zip}\nDx: <<COPD>> with exacerbation.\n"),
    ("LAB REQUISITION\nPatient name: {N:full}\nDOB: {D:dash}   Sex: F\nSpecimen ID: {I:spec}\nAccession #: {I:acc}\n"
     "Collected: {D:iso} 07:45\nOrdering physician: {N:full}, DO (NPI {I:npisp})\nTests: CBC, BMP, <<HbA1c>>\n"
     "Send results to fax {P:space}\n"),
    ("FAX COVER SHEET\nTo: Dr. {N:full}    Fax: {P:paren}\nFrom: {N:full}, Referral Coordinator, {L:hosp}\n"
     "Phone: {P:ext}\nDate: {D:mdyyyy}    Pages: 4 (including cover)\nRe: referral of {N:full=p}, DOB {D:mdyyyy}\n"
     "CONFIDENTIAL: this fax contains protected health information.\n\n"
     "Dear Dr. {N:last},\nI am referring {N:full=p} for evaluation of <<atrial fibrillation>>. He lives in "
     "{L:town} and prefers appointments on {D:mon}.\n"),
    ("DISCHARGE INSTRUCTIONS\nPatient: {N:fmi}   MR#: {I:mrn}\nDischarged to: {L:fac}, {S:st}, {L:town}, KY "
     "{Z:zip}\nFollow up with {N:full}, NP at {L:hosp} clinic on {D:longord} at 9:15 am. Call {P:one} to confirm.\n"
     "Take <<metoprolol>> 25 mg twice daily. Keep your <<Foley>> catheter bag below the bladder.\n"),
    ("DME ORDER - HOSPITAL BED AND OXYGEN\nPatient: {N:full}   DOB {D:mdy}\nMedicare ID: {I:medicare}\n"
     "Delivery address: {S:rr}, {L:town}, WV {Z:zip}\nConcentrator serial no. {I:serial}\nOrdering provider: "
     "{N:full}, MD  NPI {I:npi}\nVendor: Lincare, phone {P:full}\n"),
    ("CERTIFICATE OF DEATH (worksheet)\nDecedent: {N:lfm}\nAge: {A:age}\nDate of death: {D:long}\n"
     "Place of death: {L:hosp}, {L:town}, {L:county}\nResidence: {S:st}, {L:town} MS {Z:zip}\n"
     "Informant: {N:full} (son)\nCertifier: {N:full}, MD   License #: {I:lic2}\nCause: <<cardiac arrest>> due to "
     "<<sepsis>>.\nCertificate no. {I:cert}\n"),
    ("POLICE INCIDENT REPORT - MVC\nCase # {I:case}\nDate/time: {D:mdy} 23:40\nLocation: {S:st} at {S:cross}, "
     "{L:town}\nDriver 1: {N:lf}, DOB {D:mdyyyy}, DL {I:dl}, plate {V:plate} (TX)\nDriver 2: {N:full}, "
     "veh VIN {V:vin}\nTransported by {L:town} EMS to {L:hosp}.\nReporting officer: Ofc. {N:full}, badge #{I:badge}\n"),
    ("EMS PATIENT CARE REPORT\nIncident {D:iso}  Unit: Medic 12\nPt: {N:full}, {A:age} y/o F\n"
     "Scene: {S:aptsp}, {L:town}\nCallback: {P:plus}\nPt found on floor by neighbor {N:full}. Hx <<CHF>>, "
     "<<dementia>>. Transported to {L:hosp}.\nMedic: {N:full}, NREMT lic. {I:lic2}\n"),
    ("AUTHORIZATION TO RELEASE PROTECTED HEALTH INFORMATION\nI, {N:full=p}, born {D:long}, residing at "
     "{S:st}, {L:town}, authorize {L:hosp} to disclose records from {D:mdyyyy} through {D:mdyyyy} to attorney "
     "{N:full}, {S:st}, Suite 200, {L:town}, IA {Z:zip4}, fax {P:full}.\nSSN: {X:ssn}\nSignature: {N:full=p}  "
     "Date: {D:mdy}\nWitness: {N:full}\n"),
    ("SCHOOL EXCUSE\n{D:mon}\nTo the attendance office of {L:clinic}:\nPlease excuse {N:full} from "
     "school {D:md} through {D:md}; she was seen in our clinic for <<influenza>>. She may return {D:dmon}.\n"
     "{N:full}, PA-C\n{L:dept}, {P:paren}\n"),
    ("WORK STATUS NOTE\nEmployee: {N:full}   Employer: Tyson plant, {L:town}\nDate of injury: {D:mdy}\n"
     "Claim # {I:claimd}\nMay return to light duty on {D:monord}. No lifting over 10 lb.\n"
     "Case manager: {N:full}, {P:extw}\n"),
    ("REFERRAL\nTo: {L:dept}, {S:st}, {L:town}, MT {Z:zip}\nRe: {N:lf}  MRN {I:mrnsp}  "
     "DOB {D:mdyyyy}\nReason: suspected <<obstructive sleep apnea>>. Wife {N:first} reports loud snoring.\n"
     "Referring: {N:full}, MD, {L:clinic}   Tel {P:dots}  Fax {P:dots}\n"),
    ("PRESCRIPTION\n{L:hosp} Outpatient Clinic\nPatient: {N:full}   DOB {D:mdyyyy}\nAddress: {S:pobox2}, "
     "{L:town}, HI {Z:zip}\nRx: <<oxycodone>> 5 mg, #20, no refills\nPrescriber: {N:full}, MD  DEA {I:dea}  NPI "
     "{I:npi}\nDate: {D:abbr}\n"),
    ("ED TRIAGE NOTE\nArrived {D:mdpad} 02:14 via private car from {L:town}.\nPt: {N:full}, {A:age}yo M, "
     "accompanied by granddaughter {N:full}.\nCC: fall, R hip pain. Lives at {L:fac}.\nPCP: {N:full}, MD "
     "({L:hosp})\nContact: {P:slash}\n"),
    ("HOSPICE ADMISSION\nPatient: {N:full}, age {A:age}\nResides: {S:st}, {L:town}, {L:county}\nPOA: "
     "{N:full} (daughter), {P:full} / {E:mail}\nAttending: Dr. {N:full}\nDx: end-stage <<Alzheimer's>> disease.\n"
     "Admitted {D:mon}. Chaplain {N:full} to visit on the {D:ord}.\n"),
    ("Dear Mr. {N:last=pl},\n\nThis letter confirms your appointment at {L:hosp}, {S:st}, {L:town}, on "
     "{D:long} at 2:30 pm with Dr. {N:full}. Please bring your insurance card (ID {I:memberd}) and arrive 15 "
     "minutes early. To reschedule, call {P:paren} or visit {U:url}.\n\nSincerely,\n{N:full}\nPatient Access\n"),
    ("OPERATIVE NOTE\nDate: {D:dmonyyyy}\nPatient: {N:lf}  MRN: {I:mrn}\nSurgeon: {N:fmi}, MD\nAssistant: "
     "{N:full}, PA-C\nProcedure: left total knee arthroplasty. Tourniquet time 62 min. Patient in supine position, "
     "no <<Trendelenburg>>.\nImplant: Stryker Triathlon, lot no. {I:serial2}\n"),
    ("PATHOLOGY REPORT\nAccession: {I:acc}\nPatient: {N:lfm}   DOB: {D:mdyyyy}   Age: {A:age}\nSubmitting "
     "physician: {N:full}, MD, {L:hosp}\nReceived: {D:caps}\nDiagnosis: colon, biopsy: tubular adenoma. No "
     "<<dysplasia>>.\nPathologist: {N:full}, MD\n"),
    ("HOME HEALTH PLAN OF CARE\nPatient: {N:full}\nHICN/MBI: {I:medicare}\nAddress: {S:hc}, {L:town}, KY "
     "{Z:zip}\nPhone: {P:parenns}\nCaregiver: son-in-law {N:full}\nStart of care: {D:mdyyyy}\nPhysician: "
     "{N:full}, MD, {L:clinic}, fax {P:full}\n"),
    ("NURSING HOME TRANSFER FORM\nFrom: {L:fac}   To: {L:hosp} ED\nResident: {N:lf}  Room 214\nDOB "
     "{D:mdyyyy} ({A:age} y.o.)\nCode status: DNR\nFamily: {N:full} (nephew) {P:full}\nSent {D:md} at 0630 for "
     "<<hypoxia>>.\nNurse: {N:full}, LPN\n"),
    ("CONSULT NOTE - NEPHROLOGY\nPatient {N:full} is a {A:age}-year-old woman referred by Dr. {N:last} for "
     "<<AKI>>. She dialyzes at {L:dial}. Her daughter {N:first} lives in {L:hood}. Seen {D:mdy}.\n"
     "{N:full}, MD\n"),
    ("VACCINE RECORD\nName: {N:full}  DOB: {D:iso}\nFlu vaccine given {D:mdpad}, lot {I:serial2}, by {N:full}, RN "
     "at {L:pharm} in {L:town}.\nNext due: {D:monyr}\n"),
    ("BEHAVIORAL HEALTH SCREEN\nClient: {N:nick}\nDOB: {D:mdyyyy}\nReferred by: {N:full}, LCSW\nClient lives with "
     "his partner {N:first} in {L:hood}, {L:town}. Works at a grocery store on {S:st}.\nPHQ-9: 14.\n"),
    ("PHYSICAL THERAPY DISCHARGE\n{N:nickp}, {A:age} years of age, was seen for 12 visits between {D:md} and "
     "{D:md}. He is independent with a walker. Plan: home program. Therapist: {N:full}, DPT\n"),
    ("ADVANCE DIRECTIVE\nI, {N:full=p}, of {L:town}, {L:county}, being of sound mind, appoint my daughter "
     "{N:full} of {S:st}, {L:town}, phone {P:full}, as my health care agent.\nSigned this {D:ord} day of "
     "{D:monyr}.\nNotary: {N:full}, commission # {I:short}\n"),
    ("PATIENT PORTAL AUDIT\nLogin: {E:mail} from IP {R:ip} on {D:iso} 21:03\nProxy user: {N:full} (son)\n"
     "Patient: {N:lf}, MRN {I:mrn}\nReviewed by HIM: {N:full}\n"),
    ("TRANSFER ACCEPTANCE\nAccepting facility: {L:hosp}\nAccepting MD: Dr. {N:full}\nSending: {L:hosp}, {L:town}\n"
     "Patient: {N:full}, {A:age}F\nTransport: {L:town} EMS, ETA 1430. Report called to charge RN {N:full} at "
     "{P:extw}.\n"),
    ("Progress note\n{N:full} returns after her stay at {L:hosp} ({D:mdy}-{D:mdy}). She moved from {L:town} to "
     "{L:town} in {D:monyr}. Husband {N:first} drives her. <<Babinski>> absent, gait steady. RTC {D:monord}.\n"
     "Cc: Dr. {N:full}, fax {P:one}\n"),
    ("DME DELIVERY TICKET\nOrder {I:auth}\nCustomer: {N:lf}\nShip to: {S:aptsp}, {L:town}, NV {Z:zip4}\n"
     "Item: CPAP, serial SN {I:serial}\nDelivered {D:mdy} by {N:full}. Customer phone {P:dots}.\n"),
    ("CHART ABSTRACT\nPatient {N:full}, ID no. {I:idletter}, Acct {I:acctl}\nAdmit {D:dmony}  Disch {D:dmony}\n"
     "Attending {N:full}, MD\nPrimary dx <<pneumonia>>.\nAbstracted by {N:init}\n"),
    ("LETTER OF MEDICAL NECESSITY\n{D:long}\nRe: {N:full}, member {I:memberd}, DOB {D:mdyyyy}\nTo whom it may "
     "concern: my patient requires a power wheelchair due to <<multiple sclerosis>>. She lives at {S:apt}, "
     "{L:town}, WA {Z:zip}.\n{N:full}, MD, {L:dept}, tel {P:full}\n"),
    ("INCIDENT REPORT (HOSPITAL)\nDate: {D:mdyyyy}  Unit: {L:unit}\nPatient: {N:full}  MRN {I:mrn}\n"
     "Visitor {N:full} slipped in hallway; seen in ED by {N:full}, PA. Witness: {N:full}, RN, ext {P:pager}.\n"),
    ("INTERFACILITY TRANSFER - AMBULANCE\nPt: {N:lfm}  DOB {D:mdyyyy}  Age {A:age}\nFrom {L:fac}, {S:st} to "
     "{L:hosp}, {L:town}\nAmbulance plate {V:plated}, VIN {V:vin}\nCrew: {N:full}, {N:full}\nFamily notified: "
     "{N:full}, {P:plus}\n"),
    ("NEW PATIENT QUESTIONNAIRE\nFull name: {N:full}\nPreferred name: {N:first}\nDate of birth: {D:mdyyyy}\n"
     "Place of birth: {L:town}\nDriver's license: {I:dl3} (HI)\nMailing address: {S:pobox}, {L:town}, HI {Z:zip}\n"
     "Best number: {P:full}\nPrevious doctor: Dr. {N:last} in {L:town}\n"),
    ("COURT-ORDERED EVALUATION\nDocket No. {I:case}\nRespondent: {N:lfm}, DOB {D:mdyyyy}\nLast known address: "
     "{S:st}, {L:town}, {L:county}\nEvaluator: {N:full}, PhD, lic. {I:lic2}\nInterview held {D:long} at "
     "{L:fac}.\n"),
    ("PHARMACY TRANSFER REQUEST\nFrom: {L:pharm}, {S:st}, {L:town}  Ph {P:paren}  Fax {P:paren}\nTo: {L:pharm}\n"
     "Patient: {N:full}  DOB {D:mdyyyy}\nRx #{I:short}: <<lisinopril>> 10 mg\nPharmacist: {N:full}, RPh, "
     "lic {I:lic}\n"),
    ("DIALYSIS TREATMENT SHEET\n{L:dial}\nPatient: {N:lf}   Chair 6\nDate: {D:mdyyyy}\nMachine serial: "
     "{I:serial}\nDry weight 72 kg. Nephrologist: Dr. {N:full}. Charge nurse {N:full}.\n"),
]


def typed(rng: random.Random, vals: Values, i: int) -> dict:
    text, phi, med = fill(TYPED[i % len(TYPED)], vals, "typed")
    return {"id": f"r5-t{i:02d}", "note_type": "typed", "patient_id": f"DEV-R5T{i:02d}", "text": text, "phi": phi,
            "medical": med}


def build(seed: int) -> list[dict]:
    rng = random.Random(seed)
    vals = Values(rng)
    notes = []
    for i in range(12):
        for case in ("upper", "lower", "mixed"):
            notes.append(nursing(rng, vals, case, i))
    for i in range(len(TYPED)):
        notes.append(typed(rng, vals, i))
    check_notes(notes, TYPES.values())
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round5.jsonl")
    ap.add_argument("--seed", type=int, default=505)
    args = ap.parse_args(argv)
    write_notes(build(args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
