"""Write the round-10 de-identification development set (``tests/nlp/data/deid_dev_round10.jsonl``), and generate
training notes of the same kind for the learned PHI tagger.

    python scripts/make_deid_dev_round10.py [--out FILE] [--seed 1010] [--fold dev|train] [--rounds 3]

Rounds 4 to 8 wrote fixed note templates and round 9 composed independent values into sentences. This round is
built **cast first, document second**, the way a hospital's systems really produce typed documents:

* a **cast** is drawn for every document: the patient (first, middle, last name, suffix, nickname, date of birth,
  age, address, phones, e-mail, record, account and plan numbers, SSN), relatives, clinicians with credentials
  (MD, DO, RN, NP, PA-C, PharmD, LCSW ...) and facilities (name, street, town, state, ZIP, phone, fax, web site);
* a **document builder** per document kind (discharge summary, operative and procedure notes, consult and
  referral letters, radiology and pathology reports, ED note, transfer form, fax cover, medication
  reconciliation, telephone encounter, prior authorization, nursing home transfer, death and birth record forms,
  lab requisition, history and physical, portal message, home health certification, anesthesia record, billing
  statement, implant registry, release of information, trauma flow sheet) lays out blocks: letterheads, address
  blocks, patient banners as "Field: value" or "Field | value" rows, prose that mentions the same people again
  in other forms ("LAST, FIRST M" in the banner, "Mr. Last" in the text, "First" in the family history), signature
  blocks, cc lists, electronic signature and dictation stamps;
* long documents are **paged**: the body is cut into pages and every page repeats its header and footer
  ("Page 2 of 3", "Patient: LAST, FIRST  MRN ...") as printed and faxed documents do;
* clinical content that must stay is everywhere: eponyms ("Parkinson disease", "Foley catheter", "Glasgow Coma
  Scale"), brand and generic drug names, doses, vitals, labs, codes, scores, times, room numbers, years alone.

The name, town, facility and street lists are written for this round by hand (160 first names and 170 surnames
of many origins, with particles, apostrophes, hyphens and suffixes; 90 towns; facility and street stems). Every
pool (names, towns, streets, facilities, cue labels, sentences, salutations, closings) is split in two folds as
round 9 does: ``train`` (what :mod:`scripts.train_deid_model` draws from, at its own seeds) and ``dev`` (about a
quarter, never seen in training). The frozen development file is the ``dev`` fold at seed 1010.

Gold conventions follow the earlier rounds: titles ("Dr.", "Mr."), credentials ("MD", "PA-C") and cue words are
outside a name; a suffix ("Jr", "III") and a nickname in quotes or parentheses are inside it; "LAST, FIRST M" is one
span; a street address, its town and its ZIP are separate spans and the state is not an identifier; a facility
name is a LOCATION; a weekday next to its date is part of the date. Ages over 89 are identifiers, younger ages,
years alone, clock times, page numbers, room numbers, ICD-10, CPT and NDC codes are not. Offsets are exact by
construction; :mod:`scripts.deid_devset` checks them. All values are invented; no real patient is meant.
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
from deid_devset import check_notes, write_notes

ROOT = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------------------------------------ folds


def _fold_of(item: str, salt: str) -> str:
    """``dev`` for about a quarter of the items (stable under edits of other items), else ``train``."""
    return "dev" if zlib.crc32(f"r10:{salt}:{item}".encode()) % 4 == 0 else "train"


def _split(pool: list[str], fold: str, salt: str) -> list[str]:
    """The items of ``pool`` in ``fold``: by item for long lists, every fourth item for short ones; a pool too small
    to split serves both folds."""
    if len(pool) >= 40:
        out = [x for x in pool if _fold_of(x, salt) == fold]
    elif len(pool) >= 4:
        offset = zlib.crc32(salt.encode()) % 4
        out = [x for i, x in enumerate(pool) if ((i + offset) % 4 == 0) == (fold == "dev")]
    else:
        out = pool
    return out or pool


# ------------------------------------------------------------------------------------------------ hand-written lists

FIRST = [
    "Abigail", "Adaeze", "Adebayo", "Agnieszka", "Aiko", "Alasdair", "Alejandra", "Alessandro", "Amara", "Anneliese",
    "Anouk", "Arjun", "Astrid", "Augustin", "Aurelio", "Babajide", "Beatriz", "Benedikt", "Bertrand", "Bjorn",
    "Blessing", "Bronwyn", "Caoimhe", "Carmelita", "Cassius", "Cedric", "Chidi", "Chiara", "Clementine", "Constance",
    "Cornelius", "Dagny", "Daisuke", "Dalia", "Darnell", "Delphine", "Desmond", "Dilnoza", "Dmitri", "Dolores",
    "Eamon", "Ebenezer", "Efua", "Eleonora", "Elif", "Emeka", "Engracia", "Esperanza", "Eszter", "Eugenia",
    "Evander", "Fatoumata", "Federico", "Fenella", "Fiadh", "Florian", "Folasade", "Gaspard", "Genoveva", "Giedre",
    "Gunnar", "Gwendolyn", "Hamza", "Harriet", "Henrike", "Hiroshi", "Horatio", "Ignacio", "Ilse", "Imogen",
    "Ines", "Isidore", "Itzel", "Jacinta", "Jakub", "Jarrah", "Jolanta", "Josefina", "Jovan", "Kalani",
    "Kamaljit", "Kasimir", "Keoni", "Khadija", "Kiran", "Kofi", "Lachlan", "Leocadia", "Leopold", "Liesel",
    "Lorcan", "Lucinda", "Ludmila", "Mabel", "Magnus", "Mairead", "Malachi", "Marisol", "Matthias", "Maximilian",
    "Mehmet", "Milagros", "Mirela", "Mordecai", "Nadia", "Nkechi", "Noor", "Octavia", "Odile", "Olufemi",
    "Ondine", "Oren", "Oswaldo", "Padraig", "Pernille", "Philippa", "Priyanka", "Quentin", "Radomir", "Rafferty",
    "Ramona", "Rashida", "Reinhardt", "Rosalind", "Rufus", "Saoirse", "Seamus", "Sebastiano", "Sigrid", "Siobhan",
    "Soledad", "Stanislav", "Sunniva", "Tadeusz", "Tamsin", "Teodora", "Thaddeus", "Theodora", "Tobias", "Ulrike",
    "Valentina", "Vasilis", "Veronika", "Wilhelmina", "Winifred", "Xiomara", "Yannick", "Yesenia", "Yusuf", "Zainab",
    "Zbigniew", "Zofia", "Ambrose", "Bettina", "Cosimo", "Dorcas", "Ezekiel", "Fintan", "Greer", "Hollis",
    "Idris", "Jessamine", "Kwame", "Lavinia", "Merritt", "Nnamdi", "Ottilie", "Peregrine", "Roderick", "Sabine",
]
LAST = [
    "Abernathy", "Achterberg", "Adeyemi", "Agarwal", "Albrecht", "Alvarado-Ruiz", "Amundsen", "Antonelli",
    "Arceneaux", "Ashworth", "Babatunde", "Balogun", "Bartoszewski", "Beauchamp", "Bergstrom", "Bhattacharya",
    "Blackwood", "Bolanos", "Brannigan", "Brzezinski", "Castellanos", "Cavanaugh", "Chakraborty", "Chaudhry",
    "Cieslak", "Cornwallis", "Crowther", "D'Alessandro", "Dabrowski", "Dalgleish", "de la Fuente", "De Vries",
    "Delacroix", "Demetriou", "Desrosiers", "Dimitrov", "Dunleavy", "Ekwueme", "Eriksen", "Esposito-Lang",
    "Fairweather", "Fennimore", "Fitzgerald-Hale", "Fonseca", "Fukuyama", "Gallagher", "Garzon", "Giordano",
    "Gudmundsdottir", "Guerrero", "Halvorsen", "Hargreaves", "Hashemi", "Hollingsworth", "Holmquist", "Huang-Moreno",
    "Ibekwe", "Ishikawa", "Jablonski", "Jankowska", "Jaramillo", "Kaczmarek", "Kapoor", "Karlsson", "Kavanagh",
    "Kowalczyk", "Krishnamurthy", "Kuznetsova", "Lachance", "Lindqvist", "Lombardi", "Lund-Petersen", "MacAllister",
    "Madueke", "Maldonado", "Marchetti", "McCullough", "Mendelsohn", "Montgomery-Pike", "Moreau", "Mukherjee",
    "Nakagawa", "Nwachukwu", "O'Donoghue", "O'Sullivan", "Oduya", "Okonkwo", "Olawale", "Ostrowski", "Pacheco",
    "Papadakis", "Pellegrino", "Petrakis", "Pfeiffer", "Quintanilla", "Radcliffe", "Ramaswamy", "Rasmussen",
    "Reinholt", "Rosenbaum", "Rutkowski", "Saavedra", "Sandoval", "Schellenberg", "Sepulveda", "Shaughnessy",
    "Silvestri", "Sorensen", "Szymanski", "Takahashi", "Thistlewood", "Tolentino", "Trzeciak", "Underhill", "Uzoma",
    "Valdivia", "van der Meulen", "Van Houten", "Vasquez-Ortiz", "Velasquez", "Villanueva", "von Ahlen", "Wainwright",
    "Whitlock", "Wojcik", "Yamamoto", "Yilmaz", "Zabrowski", "Zamora", "Zielinski", "Zubiri", "Bello", "Ng", "Vo",
    "Wu", "Ito", "Oyelaran", "Adomako", "Mensah", "Asante", "Boateng", "Haddad", "Khoury", "Nassar", "Saleh",
    "Farouk", "Kovacs", "Horvath", "Novak", "Dvorak", "Popescu", "Ionescu", "Jovanovic", "Kaur", "Sandhu", "Grewal",
    "Pham", "Nguyen-Tran", "Lim", "Goh", "Seo", "Kealoha", "Kahananui", "Begay", "Yazzie", "Two Bulls",
    "Runningwater", "Ahmadi", "Rostami", "Cohen-Levi", "Ben-David", "Lindgren", "Virtanen", "Korhonen", "Iglesias",
    "Cardenas", "Bautista", "Dela Cruz", "St. Clair", "McNaughton", "MacLeod", "Kilpatrick", "DiStefano", "LaRue",
]
MIDDLE = ["Anne", "Marie", "James", "Lee", "Ray", "Jose", "Grace", "Louise", "Thomas", "Kay", "Dean", "Rose"]
SUFFIX = ["Jr", "Jr.", "Sr.", "II", "III", "IV"]
NICK = ["Bubba", "Dot", "Sonny", "Peg", "Tink", "Kiki", "Smitty", "Boo", "Dutch", "Ziggy", "Lolo", "Mimi"]
TOWNS = [
    "Ashbury Falls", "Millbrook", "Cedar Hollow", "Harrowgate", "Wexley", "Brambleton", "Stonybrook Junction",
    "Kettle Creek", "Marlow Springs", "Oakhaven", "Fairmount", "Lindenwold", "Thornbury", "Copperton", "Greywater",
    "Elkhorn", "Halcyon", "Bristow", "Larkfield", "Wrenfield", "Dunmore", "Pellston", "Quarryville", "Ravenna",
    "Sabletown", "Tillamook Bay", "Umberton", "Vesper", "Willowick", "Yarrow Point", "Zephyr Cove", "Amberley",
    "Bexhill", "Calloway", "Drumlin", "Eastvale", "Foxborough Hills", "Glenrock", "Hawthorne Ridge", "Ironwood",
    "Juniper Flats", "Kingsmere", "Lockhart", "Meadowlark", "North Fenwick", "Old Saybrook", "Port Tobin",
    "Quincy Mills", "Redcliff", "Silverbell", "Tannersville", "Upper Darby Glen", "Valley Forge Park", "Westerlo",
    "Bayard", "Cheswold", "Dellwood", "Emmaus", "Frenchtown", "Gracemont", "Hollister", "Inverness", "Jessup",
    "Kenmare", "Loyalton", "Marengo", "Nokomis", "Oxbow", "Pinecrest", "Rushford", "Sauk Rapids", "Tamarack",
    "Ulysses", "Verona Springs", "Waconia", "Yellow Springs", "Abilene Crossing", "Briarcliff", "Corbin", "Deer Lodge",
    "Estacada", "Fort Kearny", "Granite Falls", "Harmony Grove", "Ixonia", "Jasper Lake", "Kalispell", "Lake Ozette",
    "Mount Hebron",
]
FAC_STEMS = ["Riverbend", "Lakeshore", "Good Shepherd", "Holy Redeemer", "St. Aldric", "St. Perpetua", "Mercy Ridge",
             "Evergreen", "Prairie View", "Blue Heron", "Sacred Hope", "Three Rivers", "Northfield", "Summit Crest",
             "Bayview", "Cloverleaf", "Pinehurst", "Our Lady of Grace", "Hillcrest", "Seven Oaks"]
FAC_HEADS = ["Regional Medical Center", "Community Hospital", "Health Center", "Rehabilitation Hospital",
             "Nursing and Rehabilitation Center", "Skilled Nursing Facility", "Medical Group", "Family Medicine",
             "Cardiology Associates", "Surgical Associates", "Imaging Center", "Hospice", "Care Center", "Clinic",
             "Memorial Hospital", "Behavioral Health", "Urgent Care", "Cancer Institute"]
STREETS = ["Quarry", "Birchwood", "Tanglewood", "Harbor View", "Foxglove", "Wheelwright", "Mill Race", "Cobblestone",
           "Heron", "Orchard Hill", "Sycamore", "Ridgecrest", "Old Farm", "Linden", "Magnolia", "Chestnut", "Larkspur",
           "Kingfisher", "Bramble", "Saddleback", "Hickory Knoll", "Wagon Wheel", "Stillwater", "Beacon", "Granary",
           "Pheasant Run", "Copper Beech", "Millstone", "Rosewood", "Tamarind", "Whispering Pines", "Juniper Hill",
           "Fernbrook", "Buckeye", "Canal", "Depot", "Ferry", "Glenview", "Ivy", "Laurel"]
ST_SUFFIX = ["Street", "St", "St.", "Avenue", "Ave", "Road", "Rd", "Drive", "Dr.", "Lane", "Ln", "Court", "Ct",
             "Boulevard", "Blvd", "Way", "Place", "Terrace", "Circle", "Parkway", "Trail"]
UNITS = ["Apt 3C", "Apt. 210", "Unit 14", "#7", "Suite 400", "Ste 12B", "Lot 22", "Bldg 4"]
STATES = ["OH", "PA", "MN", "OR", "WA", "NC", "GA", "TX", "NM", "VT", "ME", "KY", "Ohio", "Oregon", "Vermont"]
DOMAINS = ["riverbendhealth.org", "lakeshore-med.net", "mailbox.com", "fastmail.example", "yahoo.com", "outlook.com"]
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
       "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# what stays: clinical eponyms, drug names, devices, scores
EPONYMS = ["Parkinson disease", "Foley catheter", "Glasgow Coma Scale", "Crohn disease", "Hashimoto thyroiditis",
           "Alzheimer dementia", "Barrett esophagus", "Bell palsy", "Graves disease", "Cushing syndrome",
           "Guillain-Barre syndrome", "Swan-Ganz catheter", "Whipple procedure", "Nissen fundoplication",
           "Roux-en-Y gastric bypass", "Jackson-Pratt drain", "Hickman catheter", "Dobhoff tube", "Hoyer lift",
           "Babinski sign", "Murphy sign", "Homans sign", "Tinel sign", "Lachman test", "Allen test",
           "Wolff-Parkinson-White syndrome", "Mallory-Weiss tear", "Meniere disease", "Raynaud phenomenon",
           "Sjogren syndrome", "Hodgkin lymphoma", "Wilms tumor", "Kaposi sarcoma", "Down syndrome", "Addison disease",
           "Marfan syndrome", "Huntington disease", "Lyme disease", "Takotsubo cardiomyopathy", "Stevens-Johnson syndrome",
           "Colles fracture", "Baker cyst", "Dupuytren contracture", "Charcot foot", "Epley maneuver",
           "Trendelenburg position", "Miami J collar", "Steri-Strips", "Mallampati II", "Apgar score",
           "von Willebrand disease", "Wernicke encephalopathy", "Cheyne-Stokes respirations", "Kussmaul respirations"]
DRUGS = ["Lasix", "Eliquis", "Xarelto", "Keppra", "Zofran", "Norco", "Percocet", "Tylenol", "Ativan", "Haldol",
         "Seroquel", "Lovenox", "Protonix", "Zosyn", "Flagyl", "Bactrim", "Keflex", "Augmentin", "Plavix", "Lipitor",
         "Synthroid", "Lantus", "Humalog", "Jardiance", "Entresto", "Coreg", "Norvasc", "Dilaudid", "Narcan",
         "Decadron", "Solu-Medrol", "Rocephin", "Cardizem", "metoprolol", "lisinopril", "apixaban", "warfarin",
         "metformin", "gabapentin", "tamsulosin", "levothyroxine", "furosemide", "vancomycin", "ceftriaxone",
         "amiodarone", "atorvastatin", "pantoprazole", "ondansetron", "heparin", "insulin glargine"]

CREDENTIALS = {"physician": ["MD", "M.D.", "DO", "MD, FACP", "MD, PhD", "MBBS"],
               "nurse": ["RN", "RN, BSN", "BSN, RN", "LPN", "RN, CCRN"],
               "apc": ["NP", "FNP-C", "PA-C", "APRN", "DNP"],
               "other": ["PharmD", "LCSW", "MSW", "DPT", "OTR/L", "RD", "CNM", "RRT"]}

# ------------------------------------------------------------------------------------------------ cast


def _ord(d: int) -> str:
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


class Date:
    """One calendar date, written in any of the typed forms."""

    FORMS = ("mdy", "mdy4", "mdy4pad", "mdyy", "mdypad", "iso", "monthdy", "mondy", "dmony", "dmonyyyy", "dashmdy",
             "dots", "monthord", "wkfull", "glued", "compact", "md", "monthd", "theof", "dmonthy", "monyear", "slashmy")

    def __init__(self, r: random.Random, y0: int = 1925, y1: int = 2025) -> None:
        self.r = r
        self.y, self.m = r.randint(y0, y1), r.randint(1, 12)
        while True:
            self.d = r.randint(1, 28)
            if (self.m, self.d) not in {(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8), (2, 2)}:
                break

    def fmt(self, form: str | None = None) -> str:
        y, m, d = self.y, self.m, self.d
        mf = MON[m - 1]
        ma = mf[:3]
        wd = WEEKDAYS[(y * 7 + m * 31 + d) % 7]  # a weekday is not checked against the calendar
        form = form or self.r.choice(self.FORMS)
        return {
            "mdy": f"{m}/{d}/{y}", "mdy4": f"{m:02d}/{d:02d}/{y}", "mdy4pad": f"{m:02d}/{d:02d}/{y}",
            "mdyy": f"{m}/{d}/{y % 100:02d}", "mdypad": f"{m:02d}/{d:02d}/{y % 100:02d}", "iso": f"{y}-{m:02d}-{d:02d}",
            "monthdy": f"{mf} {d}, {y}", "mondy": f"{ma} {d}, {y}", "dmony": f"{d:02d}-{ma}-{y}",
            "dmonyyyy": f"{d} {ma} {y}", "dashmdy": f"{m:02d}-{d:02d}-{y}", "dots": f"{m:02d}.{d:02d}.{y}",
            "monthord": f"{mf} {_ord(d)}, {y}", "wkfull": f"{wd}, {mf} {d}, {y}", "glued": f"{d:02d}{ma.upper()}{y}",
            "compact": f"{y}{m:02d}{d:02d}", "md": f"{m}/{d}", "monthd": f"{mf} {d}", "theof": f"{_ord(d)} day of {mf}, {y}",
            "dmonthy": f"{d} {mf} {y}", "monyear": f"{mf} {y}", "slashmy": f"{m:02d}/{y}",
        }[form]


class Person:
    """A person of the cast: the forms their name is written in."""

    def __init__(self, r: random.Random, lists: dict[str, list[str]], role: str = "patient") -> None:
        self.r = r
        self.first = r.choice(lists["first"])
        self.last = r.choice(lists["last"])
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW")
        self.middle = r.choice(MIDDLE)
        self.suffix = r.choice(SUFFIX) if r.random() < 0.15 else ""
        self.nick = r.choice(NICK)
        self.role = role
        kind = {"staff": r.choice(["physician", "physician", "physician", "apc"]),
                "nurse": r.choice(["nurse", "nurse", "other"])}.get(role, "")
        self.cred = r.choice(CREDENTIALS[kind]) if kind else ""
        self.title = "Dr." if kind == "physician" else r.choice(["Mr.", "Ms.", "Mrs."])

    def name(self, form: str | None = None) -> str:
        f, l_, r = self.first, self.last, self.r
        sfx = self.suffix.rstrip(".")
        form = form or r.choice(["full", "full", "fml", "lf", "caps", "lfm"])
        return {
            "full": f"{f} {l_}", "fml": f"{f} {self.mi}. {l_}", "fmls": f"{f} {self.mi}. {l_} {sfx}".rstrip(),
            "lf": f"{l_}, {f}", "lfm": f"{l_}, {f} {self.mi}", "caps": f"{l_.upper()}, {f.upper()} {self.middle.upper()}",
            "capsmi": f"{l_.upper()}, {f.upper()} {self.mi}", "capsfl": f"{f.upper()} {l_.upper()}",
            "last": l_, "first": f, "init": f"{f[0]}. {l_}", "init2": f"{f[0]}.{self.mi}. {l_}",
            "lastinit": f"{l_} {f[0]}{self.mi}", "nickq": f"{f} \"{self.nick}\" {l_}", "nickp": f"{f} ({self.nick}) {l_}",
            "fmid": f"{f} {self.middle} {l_}", "lastcaps": l_.upper(),
        }[form]


class Facility:
    def __init__(self, r: random.Random, lists: dict[str, list[str]]) -> None:
        self.town = r.choice(lists["towns"])
        stem = r.choice([r.choice(lists["fac"]), self.town])
        self.name = f"{stem} {r.choice(FAC_HEADS)}"
        self.street = f"{r.randint(1, 9999)} {r.choice(lists['streets'])} {r.choice(ST_SUFFIX)}"
        self.state = r.choice(STATES)
        self.zip = f"{r.randint(10000, 99899)}" + (f"-{r.randint(1000, 9999)}" if r.random() < 0.3 else "")
        self.domain = re.sub(r"[^a-z]", "", stem.lower())[:14] + r.choice([".org", "health.org", "med.com"])


# ------------------------------------------------------------------------------------------------ document writer


class Doc:
    """Text with gold spans by construction: literals, identifiers and medical terms appended in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.phi: list[dict] = []
        self.med: list[dict] = []

    def t(self, s: str) -> Doc:
        self.parts.append(s)
        self.n += len(s)
        return self

    def p(self, s: str, kind: str) -> Doc:
        self.phi.append({"start": self.n, "end": self.n + len(s), "type": kind})
        return self.t(s)

    def m(self, s: str) -> Doc:
        self.med.append({"start": self.n, "end": self.n + len(s), "text": s})
        return self.t(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


_SLOT = re.compile(r"\[([a-z0-9_]+)(?::([a-z0-9_]+))?\]|<<(.+?)>>")


class Writer:
    """Fills sentence templates against the cast of one document.

    ``[who:form]`` writes a cast member's name (``pt``, ``att``, ``res``, ``nurse``, ``fam``, ``ref``, ``pcp``),
    ``[dob:form]``, ``[date:form]`` (a new date), ``[adm:form]``/``[dis:form]`` (the stay), ``[fac:...]`` and
    ``[fac2:...]`` the facilities (name, street, town, state, zip, phone, fax, url), ``[mrn]``, ``[acct]``,
    ``[plan]``, ``[ssn]``, ``[age]``, ``[old]`` (an age over 89), ``[phone:form]``, ``[email]``, ``[ip]``,
    ``[x:kind]`` a clinical number that stays, ``<<term>>`` a medical term that stays."""

    def __init__(self, r: random.Random, fold: str, lists: dict[str, list[str]]) -> None:
        self.r, self.fold, self.lists = r, fold, lists
        self.people = {k: Person(r, lists, "patient" if k in ("pt", "fam", "fam2") else "nurse" if k == "nurse" else "staff")
                       for k in ("pt", "fam", "fam2", "att", "res", "nurse", "ref", "pcp", "cons")}
        self.people["fam"].last = self.people["pt"].last if r.random() < 0.5 else self.people["fam"].last
        self.fac, self.fac2 = Facility(r, lists), Facility(r, lists)
        self.dob = Date(r, 1926, 2019)
        self.adm = Date(r, 2015, 2025)
        self.dis = Date(r, self.adm.y, self.adm.y)
        self.dis.y, self.dis.m = self.adm.y, self.adm.m
        self.dis.d = min(28, self.adm.d + r.randint(1, 9))
        self.mrn = self.ident("mrn")
        self.acct = self.ident("acct")
        self.ssn = f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        self.age = str(r.randint(90, 104)) if r.random() < 0.3 else str(r.randint(19, 88))
        self.ptphone = self.phone()

    # -- values
    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def ident(self, kind: str) -> str:
        r, D, L = self.r, self.digits, self.letters
        forms: dict[str, list[Callable[[], str]]] = {
            "mrn": [lambda: D(7), lambda: D(8), lambda: f"{D(2)}-{D(2)}-{D(2)}", lambda: f"M{D(8)}", lambda: f"{D(3)}-{D(4)}",
                    lambda: f"00{D(7)}", lambda: f"{L(2)}{D(6)}"],
            "acct": [lambda: D(10), lambda: f"{L(1)}{D(9)}", lambda: f"{D(4)}-{D(6)}", lambda: f"ENC{D(8)}", lambda: D(12)],
            "plan": [lambda: f"{L(3)}{D(9)}", lambda: f"{D(3)}-{D(2)}-{D(4)}-{L(1)}", lambda: f"{L(1)}{D(8)}-{D(2)}",
                     lambda: f"{D(1)}{L(2)}{D(1)}-{L(2)}{D(1)}-{L(2)}{D(2)}", lambda: f"XEH{D(8)}"],
            "group": [lambda: f"{D(6)}", lambda: f"GRP-{D(5)}", lambda: f"{L(2)}{D(4)}"],
            "serial": [lambda: f"{L(3)}{D(6)}", lambda: f"{D(2)}{L(1)}{D(5)}", lambda: f"{L(2)}{D(7)}",
                       lambda: f"{L(2)}-{D(4)}-{D(4)}", lambda: f"{D(10)}"],
            "lic": [lambda: f"{L(1)}{D(3)}-{D(4)}-{D(4)}", lambda: f"{L(1)}{D(7)}", lambda: D(9), lambda: f"{L(2)}{D(6)}"],
            "npi": [lambda: f"1{D(9)}"], "dea": [lambda: f"{L(2)}{D(7)}"],
            "job": [lambda: D(6), lambda: D(7), lambda: f"{L(1)}{D(5)}"],
            "acc": [lambda: f"{L(2)}{D(2)}-{D(5)}", lambda: f"{L(1)}{D(2)}-{D(4)}", lambda: f"RAD{D(8)}", lambda: D(9)],
            "auth": [lambda: f"PA{D(8)}", lambda: f"{D(3)}-{D(6)}", lambda: f"AUTH-{D(7)}", lambda: f"{L(1)}{D(10)}"],
            "claim": [lambda: f"{D(2)}{L(1)}{D(9)}", lambda: f"CLM-{D(8)}"],
            "cert": [lambda: f"{r.randint(2015, 2025)}-{D(6)}", lambda: f"{D(3)}-{D(2)}-{D(6)}"],
        }
        return r.choice(forms[kind])()

    def phone(self, form: str | None = None) -> str:
        r = self.r
        ac, a, b = r.randint(201, 989), r.randint(201, 989), self.digits(4)
        forms = {"paren": f"({ac}) {a}-{b}", "dash": f"{ac}-{a}-{b}", "dots": f"{ac}.{a}.{b}", "one": f"1-{ac}-{a}-{b}",
                 "ext": f"({ac}) {a}-{b} ext. {r.randint(10, 9999)}", "x": f"{ac}-{a}-{b} x{r.randint(100, 9999)}",
                 "plus": f"+1 {ac} {a} {b}", "run": f"{ac}{a}{b}", "slash": f"{ac}/{a}-{b}"}
        return forms[form or r.choice(list(forms))]

    def email(self, who: Person | None = None) -> str:
        p = who or self.people[self.r.choice(["pt", "fam", "att"])]
        f, l_ = re.sub(r"[^a-z]", "", p.first.lower()), re.sub(r"[^a-z]", "", p.last.lower())
        dom = self.fac.domain if p.role != "patient" else self.r.choice(DOMAINS)
        return self.r.choice([f"{f}.{l_}@{dom}", f"{f[0]}{l_}@{dom}", f"{l_}{self.r.randint(1, 99)}@{dom}"])

    # -- templates
    def say(self, d: Doc, template: str) -> None:
        pos = 0
        for m in _SLOT.finditer(template):
            d.t(template[pos:m.start()])
            pos = m.end()
            if m.group(3):
                d.m(m.group(3))
                continue
            val, kind = self.value(m.group(1), m.group(2))
            if kind:
                d.p(val, kind)
            else:
                d.t(val)
        d.t(template[pos:])

    def value(self, key: str, form: str | None) -> tuple[str, str | None]:
        r = self.r
        if key in self.people:
            p = self.people[key]
            if form == "cred":
                return p.cred or "MD", None
            if form == "title":
                return p.title, None
            return p.name(form), "NAME"
        if key in ("fac", "fac2"):
            f = self.fac if key == "fac" else self.fac2
            form = form or "name"
            if form == "name":
                return f.name, "LOCATION"
            if form == "street":
                return f.street, "ADDRESS"
            if form == "town":
                return f.town, "LOCATION"
            if form == "state":
                return f.state, None
            if form == "zip":
                return f.zip, "ZIP"
            if form in ("phone", "fax"):
                return self.phone(), "PHONE"
            if form == "url":
                return r.choice([f"www.{f.domain}", f"https://{f.domain}/portal", f"https://mychart.{f.domain}/login"]), "URL"
        if key in ("dob", "adm", "dis"):
            return getattr(self, key).fmt(form), "DATE"
        if key == "date":
            return Date(r, 2010, 2025).fmt(form), "DATE"
        if key == "town":
            return r.choice(self.lists["towns"]), "LOCATION"
        if key == "street":
            unit = f", {r.choice(UNITS)}" if r.random() < 0.3 else ""
            return f"{r.randint(1, 29999)} {r.choice(self.lists['streets'])} {r.choice(ST_SUFFIX)}{unit}", "ADDRESS"
        if key == "state":
            return r.choice(STATES), None
        if key == "zip":
            return f"{r.randint(10000, 99899)}", "ZIP"
        if key == "mrn":
            return self.mrn, "ID"
        if key == "acct":
            return self.acct, "ID"
        if key == "id":
            return self.ident(form or "mrn"), "ID"
        if key == "ssn":
            return r.choice([self.ssn, self.ssn.replace("-", " ")]), "SSN"
        if key == "age":
            return self.age, ("AGE" if int(self.age) > 89 else None)
        if key == "old":
            return str(r.randint(90, 107)), "AGE"
        if key == "young":
            return str(r.randint(2, 89)), None
        if key == "phone":
            return (self.ptphone if form == "pt" else self.phone(form)), "PHONE"
        if key == "email":
            return self.email(self.people.get(form or "", None)), "EMAIL"
        if key == "ip":
            return f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}", "IP"
        if key == "url":
            return r.choice([f"https://www.photos-share.example/u/{self.digits(6)}",
                             f"http://carebridge.example/p/{self.letters(2).lower()}{self.digits(5)}"]), "URL"
        if key == "plate":
            return r.choice([f"{self.letters(3)} {self.digits(4)}", f"{self.digits(1)}{self.letters(3)}{self.digits(3)}",
                             f"{self.letters(2)}-{self.digits(5)}"]), "VEHICLE"
        if key == "vin":
            return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(11)) + self.digits(6), "VEHICLE"
        if key == "x":
            return distractor(r, form), None
        if key == "drug":
            return r.choice(DRUGS), None
        raise KeyError((key, form))

    def pick(self, pool: list[str], salt: str) -> str:
        return self.r.choice(_split(pool, self.fold, salt))


def distractor(r: random.Random, kind: str | None) -> str:
    """A clinical number or code that must stay."""
    kinds: dict[str, Callable[[], str]] = {
        "bp": lambda: f"BP {r.randint(88, 182)}/{r.randint(48, 104)}",
        "vitals": lambda: f"T {r.randint(361, 392) / 10} HR {r.randint(52, 128)} RR {r.randint(12, 28)} "
                          f"BP {r.randint(92, 176)}/{r.randint(50, 98)} SpO2 {r.randint(89, 100)}% on {r.randint(1, 4)} L",
        "labs": lambda: f"Na {r.randint(128, 146)}, K {r.randint(31, 55) / 10}, Cr {r.randint(6, 38) / 10}, "
                        f"WBC {r.randint(35, 190) / 10}, Hgb {r.randint(72, 158) / 10}, INR {r.randint(9, 34) / 10}",
        "dose": lambda: r.choice(["5/325 mg 1 tab q6h prn", "40 mg IV bid", "2.5 mg PO bid", "10 units qhs",
                                  "500 mg q12h", "0.125 mg daily", "81 mg daily", "25 mcg/hr patch", "1 g IV q24h"]),
        "time": lambda: f"{r.randint(0, 23):02d}:{r.choice(['00', '05', '22', '41', '58'])}",
        "code": lambda: r.choice(["ICD-10 I50.33", "ICD-10 N17.9", "CPT 99223", "CPT 43239", "E11.65", "J18.9",
                                  "NDC 0409-4888-02", "DRG 871", "HCPCS J3490", "Z79.01"]),
        "score": lambda: r.choice([f"NIHSS {r.randint(0, 22)}", f"MELD {r.randint(8, 34)}", f"CHA2DS2-VASc {r.randint(1, 8)}",
                                   f"PHQ-9 {r.randint(0, 24)}", f"MoCA {r.randint(14, 30)}/30", "ASA class III",
                                   f"Braden {r.randint(9, 22)}", "Gleason 3+4=7", f"ECOG {r.randint(0, 3)}",
                                   f"CURB-65 {r.randint(0, 4)}", "Child-Pugh B", f"GCS {r.randint(3, 15)}"]),
        "room": lambda: r.choice([f"Room {r.randint(200, 899)}", f"Rm {r.randint(100, 699)}-{r.choice('AB')}",
                                  f"Bed {r.randint(1, 40)}", f"Bay {r.randint(1, 18)}"]),
        "year": lambda: r.choice([f"in {r.randint(1978, 2023)}", f"since {r.randint(1990, 2023)}",
                                  f"({r.randint(1985, 2022)})", f"{r.randint(1990, 2022)} CABG"]),
        "ef": lambda: f"EF {r.randint(15, 65)}%",
        "page": lambda: f"Page {r.randint(1, 3)} of {r.randint(3, 5)}",
    }
    return kinds[kind or r.choice(list(kinds))]()


# ------------------------------------------------------------------------------------------------ sentence pools

HPI = [
    "[pt:title] [pt:last] is a [age]-year-old with <<{epo}>> and <<{drug}>> use who presented with dyspnea. [x:vitals].",
    "This is a [age] y/o seen in the ED on [date:mdy4] after a fall at home; found by [pt:title] [fam:last] (neighbor).",
    "Patient is a pleasant [age] year old referred by [ref:full], [ref:cred] of [fac2:name] for <<{epo}>>.",
    "[pt:first] was brought in by [fam:full] (daughter), who can be reached at [phone:paren].",
    "History obtained from the patient and his wife [fam:first] at bedside. [x:labs].",
    "Seen with Dr. [att:last] and resident [res:full]; case discussed with [cons:full], [cons:cred].",
    "[pt:title] [pt:last] reports onset of symptoms on [date:monthd] while visiting family in [town].",
    "Transferred from [fac2:name] on [adm:mdyy] for higher level of care. [x:score].",
    "Son [fam2:nickq] is the health care proxy; he lives in [town], [state] and prefers e-mail ([email:fam2]).",
    "Per outside records from Dr. [ref:init] ([phone:dash]), <<{epo}>> diagnosed [x:year].",
    "The patient, a [old]-year-old retired machinist, lives alone at [street], [town].",
    "Admitted [adm:monthdy] with <<{epo}>>; started on <<{drug}>> [x:dose]. [x:ef].",
    "Granddaughter [fam2:full] (phone [phone:dots]) visited on [date:wkfull].",
    "He was evaluated by [cons:fml], [cons:cred] from the <<{epo}>> clinic on [date:dmonyyyy].",
    "Last seen by PCP [pcp:full] at [fac2:name] on [date:mdy]; [x:labs].",
    "Chart reviewed with attending [att:lf] and fellow [res:init]. [x:bp].",
]
COURSE = [
    "Hospital course: treated with <<{drug}>> [x:dose]; <<{epo}>> stable. [x:labs].",
    "On hospital day 2 the <<Foley catheter>> was removed. Seen by wound nurse [nurse:full], [nurse:cred].",
    "Cardiology ([cons:lf]) recommended <<{drug}>>; [x:ef]. Echo on [date:md] unchanged from [x:year].",
    "Family meeting on [date:monthd] with wife [fam:fml], son [fam2:first] and chaplain [nurse:first] [nurse:last].",
    "PT/OT evaluated; [x:score]. Needs <<Hoyer lift>> for transfers.",
    "Discussed with [ref:title] [ref:last] at [fac2:name] ([fac2:phone]), who accepted the patient.",
    "Social work ([nurse:full], LCSW) arranged transport; daughter [fam:full] will drive.",
    "Imaging on [date:mdyy] showed no acute change. [x:code].",
    "Glucose managed with <<{drug}>>; [x:labs]. <<{epo}>> follow-up arranged.",
    "Pharmacist [cons:full], PharmD, reviewed interactions on [date:iso].",
]
FAMILY = [
    "Father died at [young] of MI; mother [fam:first] is alive at [old] in [town].",
    "Lives with husband [fam:full] in a two-story home; sister [fam2:nickp] nearby.",
    "Emergency contact: [fam:caps] (spouse) [phone:paren], alt [phone:x].",
    "Married, retired teacher, from [town]; brother [fam2:last] lives out of state.",
    "Denies tobacco; quit [x:year]. Daughter [fam:first] [fam:last] manages medications.",
]
PLAN = [
    "Follow up with [pcp:fml], [pcp:cred] in 1-2 weeks at [fac2:name], [fac2:phone].",
    "Return to clinic on [date:wkfull] at [x:time]. Call [phone:dash] with questions.",
    "Continue <<{drug}>> [x:dose]; hold <<{drug}>> until seen by Dr. [cons:last].",
    "Outpatient labs on [date:mdy4]; results to [pcp:lf] (fax [phone:dots]).",
    "Refer to <<{epo}>> clinic; appointment [date:monthdy] with [cons:full].",
    "Home health via [fac2:name]; nurse [nurse:first] will visit [date:monthd].",
]
SALUTE = ["Dear Dr. [ref:last],", "Dear [ref:title] [ref:last]:", "Dear Dr. [ref:full],", "Dear Colleague,",
          "Dear [ref:first],", "Dr. [ref:last] -", "Dear Drs. [ref:last] and [cons:last],", "To Dr. [ref:lf]:"]
CLOSE = ["Sincerely,", "With kind regards,", "Thank you for this referral.", "Best regards,", "Respectfully,",
         "Yours truly,", "Warm regards,", "Thank you for allowing me to participate in the care of [pt:title] [pt:last]."]
ESIGN = ["Electronically signed by [att:full], [att:cred] on [date:mdy4] [x:time]",
         "Electronically signed by: [att:lf] [att:cred] [date:mdy4] [x:time]",
         "E-signed: [att:fml], [att:cred]  [date:iso] [x:time]",
         "Signed by [att:caps], [att:cred] on [date:mondy] at [x:time]",
         "Authenticated by [att:full] [att:cred] - [date:mdyy] [x:time]",
         "This document was electronically signed by [att:init], [att:cred] ([date:mdy4])",
         "Reviewed and signed: [att:fmid], [att:cred], [date:dmony]",
         "/s/ [att:full], [att:cred]  [date:mdy4]"]
DICTATION = ["D: [date:mdyy] [x:time]  T: [date:mdyy] [x:time]  Job #: [id:job]",
             "DD: [date:mdy4]  DT: [date:mdy4]  Job [id:job]",
             "Dictated by: [att:full], [att:cred]  Dictated: [date:mdy4]  Transcribed: [date:mdy4]  Doc# [id:job]",
             "D: [date:md]  T: [date:md]  #[id:job]  Confirmation [id:job]",
             "Dictated [date:mondy] by [res:lf]; transcribed by [nurse:init] [date:mondy]"]
CC = ["cc: [pcp:full], [pcp:cred]; [ref:full], [ref:cred]", "cc: Dr. [pcp:last], [fac2:name]",
      "CC: [ref:caps] [ref:cred]\n    [pcp:caps] [pcp:cred]", "Copies to: [pcp:fml], [pcp:cred] (fax [phone:dash])",
      "cc: [fac2:name] Medical Records; [pcp:init], [pcp:cred]"]
BANNER = [  # repeated page header lines
    "Patient: [pt:caps]   MRN: [mrn]   DOB: [dob:mdy4]",
    "[pt:capsmi]  |  MRN [mrn]  |  DOB [dob:mdy4]  |  Acct [acct]",
    "Name: [pt:lf]    Med Rec #: [mrn]    Visit: [acct]",
    "[pt:lastcaps], [pt:first] - [mrn] - [dob:mdypad]",
    "RE: [pt:full] (DOB [dob:mondy]) MRN [mrn]",
    "PATIENT [pt:capsfl]  MR# [mrn]  ADM [adm:mdy4]",
]
FOOTER = ["[x:page]   Printed [date:mdy4] [x:time] by [nurse:lastinit]", "CONFIDENTIAL - [fac:name] - [x:page]",
          "[fac:name] | [fac:street], [fac:town], [fac:state] [fac:zip] | [x:page]", "[x:page]",
          "Printed from EHR on [date:mdy4]. [x:page]"]
LETTERHEAD = [
    "[fac:name]\n[fac:street]\n[fac:town], [fac:state] [fac:zip]\nTel [fac:phone]   Fax [fac:fax]\n",
    "[fac:name] | Department of Medicine\n[fac:street] | [fac:town], [fac:state] [fac:zip] | [fac:url]\n",
    "[fac:name]\nDivision of Cardiology\n[fac:street], [fac:town] [fac:state] [fac:zip]\nP: [fac:phone]  F: [fac:fax]\n",
    "FROM THE OFFICE OF [att:capsfl], [att:cred]\n[fac:name], [fac:street], [fac:town], [fac:state] [fac:zip]\n",
]
ROWSEP = [": ", ":\t", " | ", ":  ", " - ", "....... "]


def _fill(w: Writer, s: str) -> str:
    return s.replace("{epo}", w.r.choice(EPONYMS)).replace("{drug}", w.r.choice(DRUGS))


def rows(w: Writer, d: Doc, fields: list[tuple[str, str]]) -> None:
    """A form block: "Field: value" or "Field | value" rows (one separator per block)."""
    sep = w.pick(ROWSEP, "rowsep")
    table = sep.strip() == "|"
    for label, value in fields:
        w.say(d, (f"| {label} | {value} |" if table and w.r.random() < 0.5 else f"{label}{sep}{value}") + "\n")


def sentences(w: Writer, d: Doc, pool: list[str], salt: str, k: int) -> None:
    sub = _split(pool, w.fold, salt)
    for s in w.r.sample(sub, min(k, len(sub))):
        w.say(d, _fill(w, s) + " ")
    d.t("\n")


# ------------------------------------------------------------------------------------------------ documents


def paged(w: Writer, build: Callable[[Doc], None], pages: int) -> Doc:
    """A document printed on ``pages`` pages: the body is written once and cut at line ends; every page repeats
    the banner and ends with a footer."""
    body = Doc()
    build(body)
    text = body.text
    lines = text.splitlines(keepends=True)
    first = max(1, len(lines) // 3)  # not inside the first banner rows
    cut = [0] + sorted(w.r.sample(range(first, max(first + 1, len(lines))), min(pages - 1, max(1, len(lines) - first))))
    cut.append(len(lines))
    banner, footer = w.pick(BANNER, "banner"), w.pick(FOOTER, "footer")
    out = Doc()
    offs = [0]
    for ln in lines:
        offs.append(offs[-1] + len(ln))
    npages = len(cut) - 1
    for k in range(npages):
        if k:
            w.say(out, banner + "\n")
        a, b = offs[cut[k]], offs[cut[k + 1]]
        shift = out.n - a
        out.t(text[a:b])
        out.phi += [{**p, "start": p["start"] + shift, "end": p["end"] + shift} for p in body.phi if a <= p["start"] < b]
        out.med += [{**m, "start": m["start"] + shift, "end": m["end"] + shift} for m in body.med if a <= m["start"] < b]
        w.say(out, footer.replace("[x:page]", f"Page {k + 1} of {npages}") + "\n")
    return out


def discharge_summary(w: Writer, d: Doc) -> None:
    w.say(d, w.pick(LETTERHEAD, "lh") + "\nDISCHARGE SUMMARY\n")
    rows(w, d, [("Patient", "[pt:caps]"), ("MRN", "[mrn]"), ("DOB", "[dob:mdy4]"), ("Admission Date", "[adm:mdy4]"),
                ("Discharge Date", "[dis:mdy4]"), ("Attending", "[att:full], [att:cred]"),
                ("PCP", "[pcp:lf], [pcp:cred]"), ("Disposition", "[fac2:name]")])
    d.t("\nHISTORY OF PRESENT ILLNESS:\n")
    sentences(w, d, HPI, "hpi", 3)
    d.t("\nHOSPITAL COURSE:\n")
    sentences(w, d, COURSE, "course", 3)
    d.t("\nSOCIAL/FAMILY HISTORY:\n")
    sentences(w, d, FAMILY, "family", 2)
    d.t("\nPLAN:\n")
    sentences(w, d, PLAN, "plan", 2)
    w.say(d, "\n" + w.pick(ESIGN, "esign") + "\n" + w.pick(DICTATION, "dict") + "\n" + w.pick(CC, "cc") + "\n")


def operative_note(w: Writer, d: Doc) -> None:
    d.t("OPERATIVE REPORT\n")
    rows(w, d, [("Patient Name", "[pt:lfm]"), ("Medical Record Number", "[mrn]"), ("Date of Operation", "[date:monthdy]"),
                ("Surgeon", "[att:full], [att:cred]"), ("Assistant", "[res:full], PA-C"),
                ("Anesthesia", "General, [cons:init], CRNA"), ("Location", "[fac:name], OR [x:room]")])
    w.say(d, _fill(w, "\nPREOPERATIVE DIAGNOSIS: <<{epo}>>.\nPROCEDURE: <<Nissen fundoplication>>; <<Jackson-Pratt drain>> "
                      "placed. [x:code].\nFINDINGS: [x:vitals]. EBL 50 mL.\nIMPLANTS: mesh lot [id:serial], "
                      "stapler S/N [id:serial].\nThe patient was placed in <<Trendelenburg position>>. Dr. [att:last] "
                      "was present for the entire procedure. Family ([fam:full]) updated in the waiting room at "
                      "[x:time].\n"))
    w.say(d, w.pick(ESIGN, "esign") + "\n" + w.pick(DICTATION, "dict") + "\n")


def procedure_note(w: Writer, d: Doc) -> None:
    w.say(d, "[fac:name] Endoscopy Unit\nPROCEDURE NOTE - COLONOSCOPY\n")
    rows(w, d, [("Name", "[pt:full]"), ("DOB", "[dob:dmony]"), ("Acct #", "[acct]"), ("Date", "[date:wkfull]"),
                ("Endoscopist", "[att:fml], [att:cred]"), ("Referring", "[ref:lf], [ref:cred]")])
    w.say(d, _fill(w, "Indication: <<{epo}>>, screening. Sedation: <<propofol>> per [cons:full], CRNA. [x:vitals].\n"
                      "Findings: 6 mm polyp removed (path accession [id:acc]). <<Boston Bowel Preparation Scale>> 8.\n"
                      "Recommendations: repeat in 5 years ([date:monyear]); results to Dr. [ref:last] at "
                      "[fac2:fax].\n"))
    w.say(d, w.pick(ESIGN, "esign") + "\n")


def consult_letter(w: Writer, d: Doc) -> None:
    w.say(d, w.pick(LETTERHEAD, "lh") + "\n[date:monthdy]\n\n[ref:full], [ref:cred]\n[fac2:name]\n[fac2:street]\n"
             "[fac2:town], [fac2:state] [fac2:zip]\n\nRE: [pt:full]\nDOB: [dob:mdy4]\n\n" + w.pick(SALUTE, "salute")
          + "\n\n")
    w.say(d, "Thank you for referring [pt:title] [pt:last], whom I saw in consultation on [date:monthd]. ")
    sentences(w, d, HPI, "hpi", 2)
    sentences(w, d, FAMILY, "family", 1)
    w.say(d, _fill(w, "Impression: <<{epo}>>. I recommend <<{drug}>> [x:dose] and a follow-up visit with me on "
                      "[date:mdy4].\n\n"))
    w.say(d, w.pick(CLOSE, "close") + "\n\n[att:full], [att:cred]\n" + w.pick(CC, "cc") + "\n")


def referral_letter(w: Writer, d: Doc) -> None:
    w.say(d, "[fac:name]\n[fac:street], [fac:town], [fac:state] [fac:zip]\n\n[date:dmonthy]\n\n"
             + w.pick(SALUTE, "salute") + "\n\nI am writing to refer [pt:fmls], born [dob:monthdy], of [street], "
             "[town], [state] [zip], for evaluation of ")
    w.say(d, _fill(w, "<<{epo}>>. [pt:first] has been under my care since [x:year]; current medications include "
                      "<<{drug}>> and <<{drug}>>. [x:labs].\nPlease contact my nurse [nurse:full] at [phone:ext] "
                      "or [email:nurse] to schedule.\n\n"))
    w.say(d, w.pick(CLOSE, "close") + "\n\n[pcp:fml], [pcp:cred]\nNPI [id:npi]\n")


def radiology(w: Writer, d: Doc) -> None:
    w.say(d, "[fac:name] - Department of Radiology\n")
    rows(w, d, [("PATIENT", "[pt:capsmi]"), ("MRN", "[mrn]"), ("ACCESSION", "[id:acc]"), ("DOB/AGE", "[dob:mdy4] / [age]"),
                ("EXAM DATE", "[date:mdy4] [x:time]"), ("ORDERING", "[ref:caps], [ref:cred]"),
                ("EXAM", "CT CHEST WITH CONTRAST")])
    w.say(d, _fill(w, "COMPARISON: [date:mdy4].\nFINDINGS: No pulmonary embolism. Stable nodule since [x:year]. "
                      "Changes of <<{epo}>>.\nIMPRESSION: No acute process. Critical result called to [res:full] by "
                      "Dr. [att:last] at [x:time] on [date:mdyy].\nDictated by: [att:full], [att:cred]\n"
                      "Signed: [date:mondy] [x:time]  Workstation [ip]\n"))


def pathology(w: Writer, d: Doc) -> None:
    w.say(d, "SURGICAL PATHOLOGY REPORT\n[fac:name] Laboratory, [fac:street], [fac:town], [fac:state] [fac:zip]\n"
             "CLIA [id:acc]\n")
    rows(w, d, [("Patient", "[pt:lastcaps], [pt:first]"), ("Case #", "[id:acc]"), ("Collected", "[date:mdy4]"),
                ("Received", "[date:mdy4]"), ("Submitting physician", "[att:lf], [att:cred]"),
                ("Copy to", "[pcp:full], [pcp:cred]")])
    w.say(d, _fill(w, "FINAL DIAGNOSIS: Prostate, needle biopsies: adenocarcinoma, [x:score]. <<{epo}>> not "
                      "identified.\nPathologist: [cons:full], [cons:cred]  (electronic signature [date:iso])\n"))


def ed_note(w: Writer, d: Doc) -> None:
    w.say(d, "EMERGENCY DEPARTMENT NOTE - [fac:name]\nArrival: [date:mdyy] [x:time] by ambulance ([fac2:town] "
             "Fire/EMS)\n")
    rows(w, d, [("Pt", "[pt:full]"), ("Age/Sex", "[age] F"), ("MRN", "[mrn]"), ("CSN", "[acct]"),
                ("Triage RN", "[nurse:full], [nurse:cred]"), ("ED Attending", "Dr. [att:last]")])
    sentences(w, d, HPI, "hpi", 2)
    w.say(d, _fill(w, "Exam: [x:vitals]. <<{epo}>>; <<Glasgow Coma Scale>> 15.\nMDM: [x:labs]. Given <<{drug}>> "
                      "[x:dose].\nDisposition: admitted to [x:room] under [att:lf]. Wife [fam:first] at bedside "
                      "([phone:pt]).\n"))
    w.say(d, w.pick(ESIGN, "esign") + "\n")


def transfer_form(w: Writer, d: Doc) -> None:
    d.t("INTER-FACILITY TRANSFER FORM\n")
    rows(w, d, [("Sending facility", "[fac:name]"), ("Address", "[fac:street], [fac:town], [fac:state] [fac:zip]"),
                ("Receiving facility", "[fac2:name]"), ("Accepting physician", "[cons:full], [cons:cred]"),
                ("Patient", "[pt:lf]"), ("DOB", "[dob:mdy]"), ("SSN", "[ssn]"), ("Insurance ID", "[id:plan]"),
                ("Transfer date/time", "[date:mdy4] [x:time]"), ("Report called to", "[nurse:first], RN at [phone:dash]"),
                ("Mode", "ALS, unit [x:room]"), ("Family notified", "[fam:full] ([phone:paren])")])
    w.say(d, _fill(w, "Reason: <<{epo}>>, needs <<Swan-Ganz catheter>> monitoring. [x:vitals].\n"))


def fax_cover(w: Writer, d: Doc) -> None:
    w.say(d, "FAX COVER SHEET\n[fac:name]\n")
    rows(w, d, [("To", "[ref:full], [ref:cred]"), ("Fax", "[phone:dash]"), ("Phone", "[phone:paren]"),
                ("From", "[nurse:full], [nurse:cred]"), ("Fax", "[fac:fax]"), ("Date", "[date:mdy4]"),
                ("Pages", "4 (including cover)"), ("Re", "[pt:lf], DOB [dob:mdyy]")])
    w.say(d, "CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If received in error, "
             "call [fac:phone] and destroy all copies.\n")


def med_rec(w: Writer, d: Doc) -> None:
    w.say(d, "MEDICATION RECONCILIATION - ADMISSION\n")
    rows(w, d, [("Patient", "[pt:caps]"), ("MRN", "[mrn]"), ("Allergies", "<<penicillin>> (rash)"),
                ("Source", "patient, daughter [fam:first], [fac2:name] pharmacy [fac2:phone]")])
    d.t("Medication | Dose | Last taken\n")
    for _ in range(4):
        w.say(d, f"<<{w.r.choice(DRUGS)}>> | [x:dose] | [date:md] [x:time]\n")
    w.say(d, "Reconciled by [cons:full], PharmD on [date:mdy4] [x:time]\n")


def telephone(w: Writer, d: Doc) -> None:
    w.say(d, "TELEPHONE ENCOUNTER\n")
    rows(w, d, [("Date/Time", "[date:mdy4] [x:time]"), ("Caller", "[fam:full] (son)"), ("Callback", "[phone:pt]"),
                ("Patient", "[pt:lf]  DOB [dob:mdy4]"), ("Taken by", "[nurse:init], [nurse:cred]")])
    w.say(d, _fill(w, "Message: son states [pt:title] [pt:last] has had black stools since [date:wkfull]. Takes "
                      "<<{drug}>>. Advised ED. Routed to Dr. [att:last] and [res:first] [res:last], NP.\n"
                      "Reply from [att:init]: agree, call [fam:first] back at [phone:x].\n"))


def prior_auth(w: Writer, d: Doc) -> None:
    w.say(d, "PRIOR AUTHORIZATION REQUEST\n")
    rows(w, d, [("Member name", "[pt:lfm]"), ("Member ID", "[id:plan]"), ("Group #", "[id:group]"),
                ("Member DOB", "[dob:mdy4]"), ("Member phone", "[phone:pt]"), ("Address", "[street]"),
                ("City/State/ZIP", "[town], [state] [zip]"), ("Prescriber", "[att:full], [att:cred]"),
                ("NPI", "[id:npi]"), ("DEA", "[id:dea]"), ("Prescriber fax", "[phone:dots]"),
                ("Drug", "<<{drug}>> [x:dose]".replace("{drug}", w.r.choice(DRUGS))), ("Diagnosis", "[x:code]"),
                ("Auth #", "[id:auth]"), ("Decision date", "[date:monthdy]")])


def nh_transfer(w: Writer, d: Doc) -> None:
    w.say(d, "NURSING HOME TO HOSPITAL TRANSFER SHEET\nFrom: [fac:name], [fac:town]  Unit phone [fac:phone]\n")
    rows(w, d, [("Resident", "[pt:nickq]"), ("Age", "[old]"), ("Room", "[x:room]"), ("Code status", "DNR/DNI"),
                ("Medicare #", "[id:plan]"), ("Responsible party", "[fam:fml], [phone:paren]"),
                ("Attending at facility", "[pcp:full], [pcp:cred]")])
    w.say(d, _fill(w, "Baseline: <<{epo}>>, <<Alzheimer dementia>>, uses <<Hoyer lift>>. Change: fever [x:vitals] "
                      "since [date:monthd]. Sent by [nurse:full], [nurse:cred] at [x:time].\n"))


def death_record(w: Writer, d: Doc) -> None:
    w.say(d, "CERTIFICATE OF DEATH (WORKSHEET)\n")
    rows(w, d, [("Decedent's legal name", "[pt:fmid]"), ("Sex", "M"), ("SSN", "[ssn]"), ("Age", "[old]"),
                ("Date of birth", "[dob:monthdy]"), ("Birthplace", "[town], [state]"), ("Residence", "[street], [town]"),
                ("Father's name", "[fam2:fmid]"), ("Informant", "[fam:full], daughter"),
                ("Date of death", "[date:monthdy]"), ("Place of death", "[fac:name]"),
                ("Immediate cause", "<<aspiration pneumonia>>"), ("Due to", "<<Parkinson disease>>"),
                ("Certifier", "[att:full], [att:cred], License [id:lic]"), ("Case number", "[id:cert]")])


def birth_record(w: Writer, d: Doc) -> None:
    w.say(d, "NEWBORN RECORD / BIRTH CERTIFICATE WORKSHEET\n")
    rows(w, d, [("Child's name", "Baby Boy [pt:last]"), ("Date of birth", "[date:mdy4]"), ("Time", "[x:time]"),
                ("Facility", "[fac:name]"), ("City", "[fac:town]"), ("Mother's name", "[fam:fmid]"),
                ("Mother's maiden name", "[fam2:last]"), ("Mother's MRN", "[id:mrn]"),
                ("Father's name", "[fam2:full]"), ("Mailing address", "[street], [town], [state] [zip]"),
                ("Delivering provider", "[att:full], CNM"), ("Apgars", "8 and 9 (<<Apgar score>>)")])


def lab_req(w: Writer, d: Doc) -> None:
    w.say(d, "LABORATORY REQUISITION - [fac:name] Outreach Lab\n")
    rows(w, d, [("Patient", "[pt:capsfl]"), ("DOB", "[dob:dots]"), ("Sex", "F"), ("Phone", "[phone:pt]"),
                ("Bill to", "[fac2:name], account [acct]"), ("Ordering", "[pcp:lf] [pcp:cred] NPI [id:npi]"),
                ("Collection", "[date:mdyy] [x:time] by [nurse:init]"), ("Tests", "CMP, CBC, TSH, HbA1c ([x:code])")])


def h_and_p(w: Writer, d: Doc) -> None:
    w.say(d, "HISTORY AND PHYSICAL\n")
    rows(w, d, [("Patient", "[pt:full]"), ("Age", "[age]"), ("Date of Service", "[adm:monthdy]"),
                ("Location", "[fac:name] [x:room]"), ("Author", "[res:full], MD (resident)"),
                ("Supervising", "[att:full], [att:cred]")])
    d.t("CC: chest pain\nHPI: ")
    sentences(w, d, HPI, "hpi", 3)
    d.t("PMH: ")
    w.say(d, _fill(w, "<<{epo}>>, <<{epo}>>, HTN. Meds: <<{drug}>> [x:dose].\nSH: "))
    sentences(w, d, FAMILY, "family", 2)
    w.say(d, "Exam: [x:vitals]. <<Murphy sign>> negative. [x:labs].\nA/P: [x:score]. ")
    sentences(w, d, PLAN, "plan", 2)
    w.say(d, w.pick(ESIGN, "esign") + "\n")


def portal_message(w: Writer, d: Doc) -> None:
    w.say(d, "PATIENT PORTAL MESSAGE\n")
    rows(w, d, [("From", "[pt:full] <[email:pt]>"), ("To", "[att:full], [att:cred]"), ("Sent", "[date:wkfull] [x:time]"),
                ("IP address", "[ip]"), ("Subject", "Question about <<{drug}>>".replace("{drug}", w.r.choice(DRUGS)))])
    w.say(d, "Hi Dr. [att:last], this is [pt:first]. My husband [fam:first] uploaded pictures to [url]. Can you "
             "call me at [phone:pt]? Thanks, [pt:init]\n---\nReply by [nurse:full], [nurse:cred] on [date:mdy4]: "
             "Dr. [att:last] reviewed; please come in [date:wkfull].\n")


def home_health(w: Writer, d: Doc) -> None:
    w.say(d, "HOME HEALTH CERTIFICATION AND PLAN OF CARE\n")
    rows(w, d, [("Patient", "[pt:lfm]"), ("HI Claim No.", "[id:plan]"), ("SOC date", "[date:mdy4]"),
                ("Certification period", "[date:mdy4] to [date:mdy4]"), ("Provider", "[fac:name]"),
                ("Provider address", "[fac:street], [fac:town], [fac:state] [fac:zip]"),
                ("Physician", "[pcp:full], [pcp:cred], [phone:dash]"), ("Patient address", "[street], [town] [zip]")])
    w.say(d, _fill(w, "Diagnoses: <<{epo}>> ([x:code]). Orders: SN 2w4 for <<Foley catheter>> care; PT 3w3. "
                      "Caregiver [fam:full] trained on [date:monthd].\n"))


def anesthesia(w: Writer, d: Doc) -> None:
    w.say(d, "ANESTHESIA RECORD\n")
    rows(w, d, [("Patient", "[pt:caps]"), ("MRN", "[mrn]"), ("Date", "[date:iso]"), ("Anesthesiologist", "[att:lf], [att:cred]"),
                ("CRNA", "[cons:full], CRNA"), ("ASA", "III"), ("Airway", "<<Mallampati II>>, grade 1 view")])
    w.say(d, "Induction [x:time]: <<propofol>> 150 mg, <<rocuronium>> 50 mg. [x:vitals]. Handoff to PACU RN "
             "[nurse:first] at [x:time].\n")


def billing(w: Writer, d: Doc) -> None:
    w.say(d, "[fac:name] Patient Financial Services\n[fac:street], [fac:town], [fac:state] [fac:zip]\n\n"
             "STATEMENT DATE [date:mdy4]\n")
    rows(w, d, [("Guarantor", "[fam:caps]"), ("Guarantor address", "[street], [town], [state] [zip]"),
                ("Patient", "[pt:capsfl]"), ("Account number", "[acct]"), ("SSN (last 4 only on file)", "on file"),
                ("Policy holder SSN", "[ssn]"), ("Primary insurance ID", "[id:plan]"), ("Claim #", "[id:claim]"),
                ("Service dates", "[adm:mdy4] - [dis:mdy4]"), ("Questions", "[fac:phone] or [fac:url]")])


def implant(w: Writer, d: Doc) -> None:
    w.say(d, "IMPLANT / DEVICE REGISTRY FORM\n")
    rows(w, d, [("Patient", "[pt:lf]"), ("DOB", "[dob:mdy4]"), ("Device", "dual-chamber pacemaker"),
                ("Generator serial", "[id:serial]"), ("RA lead serial", "[id:serial]"), ("RV lead serial", "[id:serial]"),
                ("Implant date", "[date:monthdy]"), ("Implanting physician", "[att:full], [att:cred]"),
                ("Hospital", "[fac:name]"), ("Indication", "<<sick sinus syndrome>>; <<Wolff-Parkinson-White syndrome>>")])


def release_info(w: Writer, d: Doc) -> None:
    w.say(d, "AUTHORIZATION FOR RELEASE OF HEALTH INFORMATION\nI, [pt:fml], date of birth [dob:mdy4], authorize "
             "[fac:name] to release my records from [date:monyear] through [date:monyear] to [fac2:name], "
             "[fac2:street], [fac2:town], [fac2:state] [fac2:zip] (fax [fac2:fax]).\n")
    rows(w, d, [("Identity verified with", "driver's license [id:lic]"), ("Patient signature", "[pt:full]"),
                ("Date signed", "[date:mdyy]"), ("Witness", "[nurse:full], HIM"),
                ("Personal representative", "[fam:full], POA, [phone:dash]")])


def trauma(w: Writer, d: Doc) -> None:
    w.say(d, "TRAUMA FLOW SHEET - LEVEL II ACTIVATION\n")
    rows(w, d, [("Patient", "Unknown male, then identified as [pt:caps]"), ("Arrival", "[date:mdy4] [x:time]"),
                ("Mechanism", "MVC, driver, restrained"), ("Vehicle", "[state] plate [plate], VIN [vin]"),
                ("Scene", "[street] near [town]"), ("Police", "Officer [res:last], badge [id:job]"),
                ("Trauma surgeon", "Dr. [att:last]"), ("Scribe", "[nurse:full], [nurse:cred]")])
    w.say(d, "Primary survey: [x:vitals]. <<Glasgow Coma Scale>> 13. <<Miami J collar>> in place. FAST negative.\n")


BUILDERS: dict[str, Callable[[Writer, Doc], None]] = {
    "discharge_summary": discharge_summary, "operative_note": operative_note, "procedure_note": procedure_note,
    "consult_letter": consult_letter, "referral_letter": referral_letter, "radiology": radiology,
    "pathology": pathology, "ed_note": ed_note, "transfer_form": transfer_form, "fax_cover": fax_cover,
    "med_rec": med_rec, "telephone": telephone, "prior_auth": prior_auth, "nh_transfer": nh_transfer,
    "death_record": death_record, "birth_record": birth_record, "lab_req": lab_req, "h_and_p": h_and_p,
    "portal_message": portal_message, "home_health": home_health, "anesthesia": anesthesia, "billing": billing,
    "implant": implant, "release_info": release_info, "trauma": trauma,
}
PAGED = {"discharge_summary": 3, "h_and_p": 2, "consult_letter": 2, "operative_note": 2}


def lists_of(fold: str) -> dict[str, list[str]]:
    return {"first": _split(FIRST, fold, "first"), "last": _split(LAST, fold, "last"),
            "towns": _split(TOWNS, fold, "towns"), "streets": _split(STREETS, fold, "streets"),
            "fac": _split(FAC_STEMS, fold, "fac")}


def build(seed: int, fold: str = "train", rounds: int = 3) -> list[dict]:
    """Every document kind ``rounds`` times, each with a new cast."""
    if fold not in ("train", "dev"):
        raise ValueError(fold)
    rng = random.Random(seed)
    lists = lists_of(fold)
    prefix = "r10" if fold == "dev" else f"r10{fold[0]}{seed}"
    notes = []
    i = 0
    for _ in range(rounds):
        for kind, fn in BUILDERS.items():
            w = Writer(rng, fold, lists)
            if kind in PAGED and rng.random() < 0.7:
                doc = paged(w, lambda d, fn=fn, w=w: fn(w, d), PAGED[kind])
            else:
                doc = Doc()
                fn(w, doc)
            notes.append({"id": f"{prefix}-{kind}-{i:03d}", "note_type": "typed", "patient_id": f"DEV-R10-{i:03d}",
                          "text": doc.text, "phi": doc.phi, "medical": doc.med})
            i += 1
    check_notes(notes, first_chars="'(+")
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round10.jsonl")
    ap.add_argument("--seed", type=int, default=1010)
    ap.add_argument("--fold", choices=["dev", "train"], default="dev")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    write_notes(build(args.seed, args.fold, args.rounds), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
