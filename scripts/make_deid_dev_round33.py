#!/usr/bin/env python3
"""Generator for the round-33 de-identification dev sets.

Writes
    tests/nlp/data/deid_dev_round33a.jsonl   (family A, 30 documents)
    tests/nlp/data/deid_dev_round33b.jsonl   (family B, 30 documents)

Design
------
* Every name / place list below is written as an explicit pair of disjoint halves
  ``(half_A, half_B)``.  Family A documents draw only from the A halves and use only
  the A templates; family B likewise.  The script asserts that the halves share no
  entry, that no NAME token / LOCATION surface / medical term occurs in both files,
  and that the two template families are distinct functions.
* A template is a function returning *markup*: ordinary text with placeholders
      {NAME:pt.full}   -> PHI span of type NAME, value looked up in the context
      {DATE=2015}      -> PHI span with a literal value
      {MED=Bell's palsy} / {MED:key}  -> a "medical" (must-survive) span
      {pt.his}         -> plain text looked up in the context (never PHI)
  ``render`` walks the markup left to right and appends each piece to a
  ``DocBuilder``, which records offsets at the moment a piece is appended.
  Nothing is ever searched for in the finished text.
* {AGE:...} is emitted as a span only when the age is over 89, otherwise as plain text.
* Annotation conventions: titles/credentials (Dr., RN, MD, PA-C) are outside NAME
  spans; a nickname written inside a full name (William "Bud" Hale) is part of that
  one NAME span; typist initials "RB/kl" are two NAME spans; e-mail addresses are a
  single EMAIL span (no NAME inside); "the 14th" and "Tuesday 3/14" are single DATE
  spans; a state abbreviation in an address is its own LOCATION span.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 20240333
OUT_DIR = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "data"
PHI_TYPES = {"NAME", "LOCATION", "ADDRESS", "ZIP", "DATE", "AGE", "PHONE", "EMAIL",
             "URL", "IP", "ID", "SSN", "VEHICLE"}


# =============================================================================
# 1. Document builder and markup renderer
# =============================================================================
class DocBuilder:
    """Accumulates text; records span offsets while appending."""

    def __init__(self):
        self.parts: list[str] = []
        self.n = 0
        self.phi: list[dict] = []
        self.medical: list[dict] = []
        self.expected: list[tuple[int, int, str]] = []   # for the final self-check

    def text(self, s: str):
        self.parts.append(s)
        self.n += len(s)

    def span(self, s: str, typ: str):
        assert s and s == s.strip(), f"bad span surface {s!r}"
        start = self.n
        self.text(s)
        self.expected.append((start, self.n, s))
        if typ == "MED":
            self.medical.append({"start": start, "end": self.n, "text": s})
        else:
            assert typ in PHI_TYPES, typ
            self.phi.append({"start": start, "end": self.n, "type": typ})

    def result(self) -> str:
        return "".join(self.parts)


MARK = re.compile(r"\{([A-Z]+)([:=])([^{}]+)\}|\{([a-z][A-Za-z0-9_.]*)\}")


def lookup(ctx: dict, key: str) -> str:
    parts = key.split(".")
    v = ctx[parts[0]]
    for p in parts[1:]:
        v = v[p] if isinstance(v, dict) else getattr(v, p)
    return str(v)


def render(markup: str, ctx: dict) -> DocBuilder:
    b = DocBuilder()
    pos = 0
    for m in MARK.finditer(markup):
        b.text(markup[pos:m.start()])
        if m.group(4):                                   # plain substitution
            b.text(lookup(ctx, m.group(4)))
        else:
            typ, how, arg = m.group(1), m.group(2), m.group(3)
            val = arg if how == "=" else lookup(ctx, arg)
            if typ == "AGE" and int(val) <= 89:
                b.text(val)                              # ages <= 89 are not PHI
            else:
                b.span(val, typ)
        pos = m.end()
    b.text(markup[pos:])
    assert "{" not in b.result() and "}" not in b.result(), "unrendered placeholder"
    return b


# =============================================================================
# 2. Name and place lists, each as (half A, half B)
# =============================================================================
# --- given names that are ordinary English words --------------------------------
WORD_GIVEN_F = (["Hope", "Grace", "Rose", "Ivy", "May", "Dawn", "Sunny", "Pat"],
                ["Faith", "Joy", "Iris", "June", "April", "Sue", "Summer", "Autumn"])
WORD_GIVEN_M = (["Will", "Mark", "Don", "Gene", "Hunter", "Chase", "Noble", "Earnest",
                 "Luther", "Glen", "Brooks"],
                ["Bill", "Art", "Ray", "Storm", "Cash", "Royal", "Major", "Ernest",
                 "Cliff", "Dale", "Wade"])
# --- conventional Anglo given names, with an optional nickname ------------------
ANGLO_GIVEN_F = ([("Margaret", "Peggy"), ("Elizabeth", "Betsy"), ("Dorothy", "Dot"),
                  ("Evelyn", "Evie"), ("Linda", ""), ("Karen", ""), ("Janet", ""),
                  ("Brenda", ""), ("Gloria", ""), ("Colleen", ""), ("Ruth", ""),
                  ("Doris", ""), ("Loretta", ""), ("Tamika", ""), ("Latoya", ""),
                  ("Megan", ""), ("Courtney", ""), ("Shirley", "")],
                 [("Patricia", "Trish"), ("Katherine", "Kitty"), ("Eleanor", "Nell"),
                  ("Barbara", "Babs"), ("Deborah", "Debbie"), ("Judith", "Judy"),
                  ("Frances", "Fran"), ("Susan", ""), ("Carol", ""), ("Donna", ""),
                  ("Lorraine", ""), ("Bernadette", ""), ("Agnes", ""), ("Mildred", ""),
                  ("Keisha", ""), ("Shanice", ""), ("Ashley", ""), ("Brittany", "")])
ANGLO_GIVEN_M = ([("William", "Bud"), ("Robert", "Bobby"), ("Harold", "Hal"),
                  ("Charles", "Chuck"), ("Lawrence", "Larry"), ("Francis", "Frank"),
                  ("Thomas", ""), ("Michael", ""), ("Steven", ""), ("Brian", ""),
                  ("Dennis", ""), ("Howard", ""), ("Vernon", ""), ("Roland", ""),
                  ("DeShawn", ""), ("Marcus", ""), ("Jamal", ""), ("Tyler", "")],
                 [("Richard", "Rick"), ("James", "Jimmy"), ("Edward", "Ted"),
                  ("Theodore", "Teddy"), ("Joseph", "Joe"), ("Raymond", "Sonny"),
                  ("Albert", "Al"), ("Kenneth", "Kenny"), ("David", ""), ("Kevin", ""),
                  ("Gregory", ""), ("Walter", ""), ("Eugene", ""), ("Clarence", ""),
                  ("Tyrone", ""), ("Terrence", ""), ("Kyle", ""), ("Cody", "")])
# --- surnames that are ordinary English words -----------------------------------
WORD_SURNAMES = (["Brown", "White", "Gray", "King", "Wood", "Marsh", "Rivers", "Price",
                  "Strong", "Love", "Hope", "Lamb", "Fox", "Bird", "Swan", "Cook",
                  "Mason", "Turner", "Small", "Long", "Good", "Moody", "Frost",
                  "Winter", "Knight", "Pope", "Temple", "Parish"],
                 ["Green", "Black", "Young", "Hill", "Stone", "Field", "Banks", "Rich",
                  "Power", "Bush", "Wolf", "Crane", "Baker", "Fisher", "Porter",
                  "Walker", "Short", "Little", "Best", "Sharp", "Snow", "Day",
                  "Bishop", "Church", "Chapel", "Law", "Judge", "Sheriff"])
ANGLO_SURNAMES = (["Henderson", "Whitaker", "Callahan", "Gallagher", "Thornton",
                   "Pruitt", "Haskell", "Brandt", "Hoffman", "Sorensen", "Ellison",
                   "Prescott", "Dunleavy", "Mercer", "Abernathy", "Lindqvist",
                   "Ramsey", "O'Connor", "O'Malley", "O'Rourke", "D'Amico",
                   "van der Meer", "ter Horst", "MacLeod"],
                  ["McAllister", "Harrington", "Kessler", "Radcliffe", "Whitfield",
                   "Caldwell", "Schaefer", "Nyberg", "Moreau", "Fitzgerald",
                   "Hargrove", "Bradshaw", "Pennington", "Stroud", "Tillman",
                   "Hollister", "Ashby", "O'Brien", "O'Neill", "O'Shea", "D'Angelo",
                   "D'Arcy", "von Ahn", "de Vries", "du Plessis"])
NAME_SUFFIXES = (["Jr.", "III"], ["Sr.", "II", "IV"])
# nicknames adopted by people of any background (rendered as Kim "Skip" Le or Kim (Skip) Le)
ADOPTED_NICKS_F = (["Bea", "Lulu", "Tina", "Cookie"], ["Dee", "Gigi", "Kiki", "Boo"])
ADOPTED_NICKS_M = (["Mickey", "Ace", "Skip", "Buddy"], ["Sully", "Moose", "Chip", "Tiny"])
# surnames that are also disease eponyms; each family pairs them with its own terms
EPONYM_SURNAMES = (["Parkinson", "Crohn", "Addison", "Bell", "Murphy"],
                   ["Graves", "Hodgkin", "Cushing", "Babinski", "Foley"])
EPONYM_PMH = {"Parkinson": "Parkinson's disease", "Crohn": "Crohn's disease",
              "Addison": "Addison's disease", "Bell": "Bell's palsy",
              "Graves": "Graves disease", "Hodgkin": "Hodgkin lymphoma",
              "Cushing": "Cushing syndrome"}

# --- other naming traditions: (given F, given M, surnames) per half -------------
# "SM"/"SF" hold gender-specific surnames (Malay bin/binti).
CULTURES = {
    "vietnamese": ({"F": ["Thuy", "Huong", "Ngoc"], "M": ["Minh", "Tuan", "Quang"],
                    "S": ["Nguyen", "Pham", "Vu", "Dang", "Le"]},
                   {"F": ["Lan", "Linh", "Hanh"], "M": ["Duc", "Khoa", "Thanh"],
                    "S": ["Tran", "Hoang", "Bui", "Do", "Ngo"]}),
    "nigerian": ({"F": ["Chioma", "Funmilayo", "Ifeoma"], "M": ["Emeka", "Tunde", "Oluwaseun"],
                  "S": ["Okafor", "Balogun", "Nwosu", "Afolabi", "Eze"]},
                 {"F": ["Ngozi", "Adaeze", "Yetunde"], "M": ["Chinedu", "Babatunde", "Obinna"],
                  "S": ["Adeyemi", "Okonkwo", "Chukwu", "Adebayo", "Oyelaran"]}),
    "indian": ({"F": ["Priya", "Sunita", "Deepa"], "M": ["Ramesh", "Arjun", "Sanjay"],
                "S": ["Patel", "Iyer", "Reddy", "Nair", "Venkataraman", "D'Souza"]},
               {"F": ["Anjali", "Lakshmi", "Kavitha"], "M": ["Vikram", "Rohan", "Suresh"],
                "S": ["Raghunathan", "Chatterjee", "Subramanian", "Deshpande", "Malhotra",
                      "Fernandes"]}),
    "arabic": ({"F": ["Fatima", "Layla", "Rania"], "M": ["Omar", "Khaled", "Ibrahim"],
                "S": ["Mansour", "Khalil", "Nasser", "Al-Haddad", "Abboud"]},
               {"F": ["Samira", "Noor", "Yasmin"], "M": ["Yousef", "Tariq", "Karim"],
                "S": ["Saleh", "Hamdan", "El-Amin", "Al-Rashid", "Qasim"]}),
    "chinese": ({"F": ["Xiaoling", "Mei", "Yan"], "M": ["Wei", "Hao", "Jian"],
                 "S": ["Zhang", "Chen", "Zhou", "Xu", "Guo"]},
                {"F": ["Fang", "Ying", "Jing"], "M": ["Jun", "Lei", "Bo"],
                 "S": ["Liu", "Huang", "Wu", "Lin", "Ma"]}),
    "korean": ({"F": ["Ji-woo", "Soo-jin", "Eun-ji"], "M": ["Min-jun", "Seung-ho", "Jae-won"],
                "S": ["Kim", "Choi", "Kang", "Jang", "Han"]},
               {"F": ["Da-eun", "Yeon-hee", "Hye-jin"], "M": ["Hyun-woo", "Dong-hyun", "Sung-min"],
                "S": ["Park", "Jung", "Yoon", "Lim", "Seo"]}),
    "polish": ({"F": ["Agnieszka", "Małgorzata", "Zofia"], "M": ["Tomasz", "Piotr", "Wojciech"],
                "S": ["Nowak", "Wójcik", "Mazur", "Zając", "Wróbel", "Sikora"]},
               {"F": ["Katarzyna", "Bożena", "Ewa"], "M": ["Łukasz", "Krzysztof", "Marek"],
                "S": ["Kowalczyk", "Krawczyk", "Kaczmarek", "Pawlak", "Dudek", "Michalak"]}),
    "somali": ({"F": ["Hodan", "Fadumo", "Ifrah"], "M": ["Abdirahman", "Liban", "Mahad"],
                "S": ["Warsame", "Jama", "Osman", "Hirsi", "Duale"]},
               {"F": ["Ayaan", "Sahra", "Hibaaq"], "M": ["Hamza", "Guled", "Bashir"],
                "S": ["Farah", "Abdi", "Mohamud", "Egal", "Yusuf"]}),
    "navajo": ({"F": ["Darlene", "Nizhoni", "Shandiin"], "M": ["Ahiga", "Kee", "Leonard"],
                "S": ["Begay", "Tsosie", "Nez", "Etsitty", "Manygoats"]},
               {"F": ["Marlene", "Doli", "Sadie"], "M": ["Hosteen", "Delbert", "Wilson"],
                "S": ["Yazzie", "Benally", "Tso", "Bitsui", "Yellowhair"]}),
    "hmong": ({"F": ["Mai", "Pa Houa", "Nou"], "M": ["Kou", "Tou", "Neng"],
               "S": ["Xiong", "Vang", "Her", "Moua", "Lor"]},
              {"F": ["Yer", "Xee", "Choua"], "M": ["Chue", "Pheng", "Fue"],
               "S": ["Yang", "Thao", "Vue", "Khang", "Chang"]}),
    "haitian": ({"F": ["Marie-Claude", "Guerline", "Nadège"], "M": ["Jean-Robert", "Wilner", "Frantz"],
                 "S": ["Jean-Baptiste", "Desrosiers", "Dorvil", "Louissaint", "Toussaint"]},
                {"F": ["Fabienne", "Mirlande", "Marjorie"], "M": ["Jocelyn", "Fritz", "Jean-Claude"],
                 "S": ["Pierre-Louis", "Étienne", "Moïse", "Célestin", "Augustin"]}),
    "portuguese": ({"F": ["Conceição", "Filipa", "Fátima"], "M": ["Manuel", "Joaquim", "Duarte"],
                    "S": ["Pereira", "Carvalho", "Furtado", "Sousa", "Câmara", "dos Santos"]},
                   {"F": ["Inês", "Leonor", "Graça"], "M": ["Rui", "Tiago", "Nuno"],
                    "S": ["Ferreira", "Medeiros", "Almeida", "Tavares", "Raposo", "da Silva"]}),
    "hispanic": ({"F": ["Luz", "Guadalupe", "Consuelo"], "M": ["Jesús", "Ángel", "Rigoberto"],
                  "S": ["Castillo", "Morales", "Herrera", "Villarreal", "Ochoa", "de la Cruz"]},
                 {"F": ["Dolores", "Milagros", "Xóchitl"], "M": ["Ernesto", "Abel", "Joaquín"],
                  "S": ["Navarro", "Cisneros", "Espinoza", "Zamora", "Montoya", "del Rosario",
                        "de León"]}),
    "malay": ({"F": ["Nurul", "Siti"], "M": ["Faizal", "Hafiz"],
               "SM": ["bin Salleh"], "SF": ["binti Kassim"]},
              {"F": ["Aisyah", "Zarina"], "M": ["Azman", "Rizal"],
               "S": ["Abu Bakar", "Mohd Noor"]}),
}
LANGUAGE = {"vietnamese": "Vietnamese", "arabic": "Arabic", "chinese": "Mandarin",
            "korean": "Korean", "polish": "Polish", "somali": "Somali", "hmong": "Hmong",
            "haitian": "Haitian Creole", "portuguese": "Portuguese", "hispanic": "Spanish",
            "navajo": "Navajo", "malay": "Malay"}

# --- places ----------------------------------------------------------------------
# state -> (abbr, [(city, county, area code, zip prefix), ...])
STATES = ({"Ohio": ("OH", [("Dayton", "Montgomery County", "937", "454"),
                           ("Zanesville", "Muskingum County", "740", "437"),
                           ("Findlay", "Hancock County", "419", "458")]),
           "Michigan": ("MI", [("Kalamazoo", "Kalamazoo County", "269", "490"),
                               ("Saginaw", "Saginaw County", "989", "486"),
                               ("Marquette", "Marquette County", "906", "498")]),
           "Minnesota": ("MN", [("Rochester", "Olmsted County", "507", "559"),
                                ("Duluth", "St. Louis County", "218", "558")]),
           "Oregon": ("OR", [("Salem", "Marion County", "503", "973"),
                             ("Bend", "Deschutes County", "541", "977")]),
           "Georgia": ("GA", [("Macon", "Bibb County", "478", "312"),
                              ("Valdosta", "Lowndes County", "229", "316")]),
           "Massachusetts": ("MA", [("Worcester", "Worcester County", "508", "016"),
                                    ("Pittsfield", "Berkshire County", "413", "012")]),
           "Arizona": ("AZ", [("Flagstaff", "Coconino County", "928", "860"),
                              ("Yuma", "Yuma County", "928", "853")])},
          {"Pennsylvania": ("PA", [("Scranton", "Lackawanna County", "570", "185"),
                                   ("Altoona", "Blair County", "814", "166"),
                                   ("Lancaster", "Lancaster County", "717", "176")]),
           "Wisconsin": ("WI", [("Wausau", "Marathon County", "715", "544"),
                                ("Oshkosh", "Winnebago County", "920", "549")]),
           "California": ("CA", [("Fresno", "Fresno County", "559", "937"),
                                 ("Redding", "Shasta County", "530", "960"),
                                 ("Salinas", "Monterey County", "831", "939")]),
           "Washington": ("WA", [("Yakima", "Yakima County", "509", "989"),
                                 ("Bellingham", "Whatcom County", "360", "982")]),
           "North Carolina": ("NC", [("Asheville", "Buncombe County", "828", "288"),
                                     ("Greenville", "Pitt County", "252", "278")]),
           "Colorado": ("CO", [("Denver", "Denver County", "303", "802"),
                               ("Pueblo", "Pueblo County", "719", "810")]),
           "Tennessee": ("TN", [("Knoxville", "Knox County", "865", "379"),
                                ("Jackson", "Madison County", "731", "383")])})
COUNTRIES = (["Mexico", "Vietnam", "Kenya", "Ireland", "the Philippines"],
             ["Guatemala", "India", "Portugal", "Jamaica", "Germany", "Ghana"])
HOSPITALS = (["Mercy Valley Medical Center", "St. Agnes Hospital", "Lakeshore General Hospital",
              "Cedar Ridge Medical Center", "Hollis Memorial Hospital",
              "Sacred Heart Regional Medical Center", "Northfield Community Hospital",
              "Bayview Regional Hospital"],
             ["Fairhaven General Hospital", "Piedmont Valley Hospital",
              "St. Brendan's Medical Center", "Summit Regional Medical Center",
              "Our Lady of Lourdes Hospital", "Westbrook Memorial Hospital",
              "Pine Hills Medical Center", "Cornerstone University Hospital"])
# clinic names are specialty-neutral; templates add the department after the name
CLINICS = (["Oak Park Medical Group", "Maple Grove Health Partners", "Crestview Clinic",
            "Harborside Medical Associates", "Northgate Health Center",
            "Prairie View Physicians", "Kingsley Medical Group", "Southpoint Clinic",
            "Blue Ridge Specialty Clinic", "Fernwood Physicians"],
           ["Summit Medical Associates", "Willow Creek Clinic", "Pinecrest Medical Group",
            "Elmhurst Health Center", "Valley Physicians Group", "Sunrise Medical Associates",
            "Bridgeport Family Practice", "Copper Canyon Clinic",
            "Eastgate Community Health Center", "Ashford Specialty Clinic"])
REHAB = (["Heritage Oaks Rehabilitation Center", "Brookdale Manor", "Golden Pond Assisted Living"],
         ["Willowbrook Skilled Nursing", "Evergreen Care Center", "Magnolia Gardens Hospice House"])
HOME_HEALTH = (["Heartland Home Care", "VNA of the Lakes"],
               ["Tri-County Home Health", "Compass Home Health"])
WARDS = (["Lakeside Pavilion", "Harborview Wing", "Cedar Tower"],
         ["Summit Tower", "Riverside Pavilion", "Pinecrest Wing"])
PHARMACIES = (["Hollis Family Pharmacy", "Main Street Apothecary", "Corner Drug",
               "Parkside Pharmacy"],
              ["Medicine Shoppe of Westbrook", "Valley Discount Drug", "Bridgeport Pharmacy",
               "Village Apothecary"])
SCHOOLS = (["Jefferson Elementary", "Roosevelt High School", "St. Mary's Academy",
            "Northfield Community College"],
           ["Lincoln Middle School", "Oak Hill Elementary", "Eastview High School",
            "Westbrook Middle School"])
PRESCHOOLS = (["Little Acorns Preschool", "Sunshine Learning Center"],
              ["Busy Bees Child Care", "Tadpole Cooperative Preschool"])
EMPLOYERS = (["Whirlpool", "Kroger", "UPS", "Meijer", "Home Depot"],
             ["Tyson Foods", "Walmart", "FedEx", "Boeing", "Lowe's"])
CHURCHES = (["Grace Community Church", "St. Casimir Catholic Church",
             "Greater Mount Zion Baptist Church", "First Presbyterian Church"],
            ["Faith Tabernacle", "Holy Trinity Lutheran Church", "Bethel AME Church",
             "St. Rita Catholic Church"])
FUNERAL_HOMES = (["Hartwell Funeral Home", "Whitestone Mortuary"],
                 ["Kilgore & Sons Funeral Home", "Lakeview Memorial Chapel"])
STREETS = (["Birch Hollow Rd", "Kestrel Ln", "Old Mill Pike", "Sycamore St", "Coventry Ct",
            "Tamarack Dr", "Fox Run Rd", "Hawthorne Blvd", "N 14th St", "Quarry Ridge Rd"],
           ["Juniper Way", "Willow Bend Cir", "Cherry Ln", "Orchard Ave", "Larkspur Dr",
            "Pheasant Run", "S Main St", "Canal St", "Ridgeview Ter", "Beacon Hill Rd"])

# Lists whose entries must not be shared between the halves.
ALL_SPLIT_LISTS = {
    "WORD_GIVEN_F": WORD_GIVEN_F, "WORD_GIVEN_M": WORD_GIVEN_M,
    "ANGLO_GIVEN_F": ([g for g, _ in ANGLO_GIVEN_F[0]] + [n for _, n in ANGLO_GIVEN_F[0] if n],
                      [g for g, _ in ANGLO_GIVEN_F[1]] + [n for _, n in ANGLO_GIVEN_F[1] if n]),
    "ANGLO_GIVEN_M": ([g for g, _ in ANGLO_GIVEN_M[0]] + [n for _, n in ANGLO_GIVEN_M[0] if n],
                      [g for g, _ in ANGLO_GIVEN_M[1]] + [n for _, n in ANGLO_GIVEN_M[1] if n]),
    "WORD_SURNAMES": WORD_SURNAMES, "ANGLO_SURNAMES": ANGLO_SURNAMES,
    "NAME_SUFFIXES": NAME_SUFFIXES, "ADOPTED_NICKS_F": ADOPTED_NICKS_F,
    "ADOPTED_NICKS_M": ADOPTED_NICKS_M,
    "EPONYM_SURNAMES": EPONYM_SURNAMES,
    **{f"CULTURE_{k}": tuple(sum(h.values(), []) for h in v) for k, v in CULTURES.items()},
    "STATES": tuple(list(h) + [a for a, _ in h.values()] for h in STATES),
    "CITIES": tuple([c[0] for _, cs in h.values() for c in cs] for h in STATES),
    "COUNTIES": tuple([c[1] for _, cs in h.values() for c in cs] for h in STATES),
    "COUNTRIES": COUNTRIES, "HOSPITALS": HOSPITALS, "CLINICS": CLINICS, "REHAB": REHAB,
    "HOME_HEALTH": HOME_HEALTH, "WARDS": WARDS, "PHARMACIES": PHARMACIES,
    "SCHOOLS": SCHOOLS, "PRESCHOOLS": PRESCHOOLS, "EMPLOYERS": EMPLOYERS, "FUNERAL_HOMES": FUNERAL_HOMES, "CHURCHES": CHURCHES, "STREETS": STREETS,
}


def check_halves_disjoint():
    entries = ([], [])
    for name, halves in ALL_SPLIT_LISTS.items():
        for h in (0, 1):
            entries[h].extend(halves[h])
    shared = set(entries[0]) & set(entries[1])
    assert not shared, f"entries shared between halves: {sorted(shared)}"


# =============================================================================
# 3. People, dates, identifiers and the per-document context
# =============================================================================
def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isascii() and ch.isalnum()).lower()


class Person:
    """A person plus every surface rendering a template may ask for."""

    def __init__(self, first, last, g, mi="", suffix="", nick="", nick_style="q"):
        self.first, self.last, self.g = first, last, g
        self.mi, self.suffix, self.nick, self.nick_style = mi, suffix, nick, nick_style
        self.email = ""
        self.culture = ""

    # -- name renderings ----------------------------------------------------
    @property
    def _sfx(self):
        return f" {self.suffix}" if self.suffix else ""

    @property
    def full(self):            # Mary Swan / William Hale Jr.
        return f"{self.first} {self.last}{self._sfx}"

    @property
    def fml(self):             # Mary E. Swan
        return f"{self.first} {self.mi}. {self.last}{self._sfx}" if self.mi else self.full

    @property
    def lf(self):              # Swan, Mary
        return f"{self.last}, {self.first}{self._sfx}"

    @property
    def lfm(self):             # Swan, Mary E.
        return f"{self.last}, {self.first} {self.mi}." if self.mi else self.lf

    @property
    def LFM(self):             # SWAN, MARY E
        s = f"{self.last}, {self.first}".upper()
        return f"{s} {self.mi}" if self.mi else s

    @property
    def CAPS(self):            # MARY SWAN
        return self.full.upper()

    @property
    def lower(self):           # mary swan
        return f"{self.first} {self.last}".lower()

    @property
    def fl_init(self):         # M. Swan
        return f"{self.first[0]}. {self.last}"

    @property
    def last_fi(self):         # Swan, M.
        return f"{self.last}, {self.first[0]}."

    @property
    def pref(self):            # preferred name
        return self.nick or self.first

    @property
    def nick_full(self):       # William "Bud" Hale / Margaret (Peggy) Olsen
        if not self.nick:
            return self.full
        n = f'"{self.nick}"' if self.nick_style == "q" else f"({self.nick})"
        return f"{self.first} {n} {self.last}{self._sfx}"

    @property
    def _last_initial(self):
        core = self.last.split()[-1]             # van der Meer -> Meer, bin Salleh -> Salleh
        return core[0].upper()

    @property
    def ini(self):             # MS
        return f"{self.first[0]}{self._last_initial}".upper()

    @property
    def inid(self):            # M.S.
        return f"{self.first[0].upper()}.{self._last_initial}."

    @property
    def inil(self):            # ms
        return self.ini.lower()

    # -- grammar helpers (plain text, never PHI) -----------------------------
    def _g(self, m, f):
        return m if self.g == "M" else f

    he = property(lambda s: s._g("he", "she"))
    He = property(lambda s: s._g("He", "She"))
    his = property(lambda s: s._g("his", "her"))
    His = property(lambda s: s._g("His", "Her"))
    him = property(lambda s: s._g("him", "her"))
    man = property(lambda s: s._g("man", "woman"))
    boy = property(lambda s: s._g("boy", "girl"))
    sex = property(lambda s: s._g("M", "F"))
    mr = property(lambda s: s._g("Mr.", "Ms."))
    child = property(lambda s: s._g("son", "daughter"))
    spouse = property(lambda s: s._g("husband", "wife"))
    sibw = property(lambda s: s._g("brother", "sister"))
    parent = property(lambda s: s._g("father", "mother"))


class DateV:
    """A date with the surface formats templates use."""
    MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    def __init__(self, d: dt.date):
        self.d = d

    def _ordinal(self, n):
        return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"

    mdy = property(lambda s: s.d.strftime("%m/%d/%Y"))                     # 03/14/2021
    mdy1 = property(lambda s: f"{s.d.month}/{s.d.day}/{s.d.year}")          # 3/14/2021
    mdyy = property(lambda s: f"{s.d.month}/{s.d.day}/{s.d.year % 100:02d}")  # 3/14/21
    md = property(lambda s: f"{s.d.month}/{s.d.day}")                       # 3/14
    long = property(lambda s: f"{s.MONTHS[s.d.month - 1]} {s.d.day}, {s.d.year}")
    mon_d = property(lambda s: f"{s.MONTHS[s.d.month - 1]} {s.d.day}")      # March 14
    abbr = property(lambda s: f"{s.MONTHS[s.d.month - 1][:3]} {s.d.day}, {s.d.year}")
    dmy = property(lambda s: f"{s.d.day:02d}-{s.MONTHS[s.d.month - 1][:3]}-{s.d.year}")
    iso = property(lambda s: s.d.isoformat())
    dash = property(lambda s: s.d.strftime("%m-%d-%Y"))
    dow_md = property(lambda s: f"{s.DAYS[s.d.weekday()]} {s.d.month}/{s.d.day}")
    dow_long = property(lambda s: f"{s.DAYS[s.d.weekday()]}, {s.long}")
    ord = property(lambda s: f"the {s._ordinal(s.d.day)}")                 # the 14th
    year = property(lambda s: str(s.d.year))
    mon_year = property(lambda s: f"{s.MONTHS[s.d.month - 1]} {s.d.year}")


class Pools:
    """The half (0 = A, 1 = B) of every list, flattened for sampling."""

    def __init__(self, h: int):
        self.h = h
        self.word_f, self.word_m = WORD_GIVEN_F[h], WORD_GIVEN_M[h]
        self.anglo_f, self.anglo_m = ANGLO_GIVEN_F[h], ANGLO_GIVEN_M[h]
        self.word_s, self.anglo_s = WORD_SURNAMES[h], ANGLO_SURNAMES[h]
        self.suffixes = NAME_SUFFIXES[h]
        self.nicks = {"F": ADOPTED_NICKS_F[h], "M": ADOPTED_NICKS_M[h]}
        self.eponyms = EPONYM_SURNAMES[h]
        self.cultures = {k: v[h] for k, v in CULTURES.items()}
        self.states = STATES[h]
        self.cities = [(c, county, st, abbr, area, zp)
                       for st, (abbr, cs) in STATES[h].items() for c, county, area, zp in cs]
        for key, lst in [("countries", COUNTRIES), ("hospitals", HOSPITALS),
                         ("clinics", CLINICS), ("rehab", REHAB), ("home_health", HOME_HEALTH),
                         ("wards", WARDS), ("pharmacies", PHARMACIES), ("schools", SCHOOLS), ("preschools", PRESCHOOLS),
                         ("employers", EMPLOYERS), ("churches", CHURCHES), ("funeral", FUNERAL_HOMES), ("streets", STREETS)]:
            setattr(self, key, lst[h])


CULTURE_WEIGHTS = {"anglo": 46, "vietnamese": 4, "nigerian": 4, "indian": 5, "arabic": 4,
                   "chinese": 4, "korean": 4, "polish": 4, "somali": 3, "navajo": 3,
                   "hmong": 3, "haitian": 4, "portuguese": 3, "hispanic": 7, "malay": 2}


def pick_culture(r):
    ks = list(CULTURE_WEIGHTS)
    return r.choices(ks, weights=[CULTURE_WEIGHTS[k] for k in ks])[0]


def pick_surname(r, P: Pools, culture: str, g: str) -> str:
    if culture == "anglo":
        last = r.choice(P.word_s) if r.random() < 0.5 else r.choice(P.anglo_s)
    else:
        c = P.cultures[culture]
        last = r.choice(c["S"] if "S" in c else c["S" + g])
    if r.random() < 0.07 and " " not in last:                  # hyphenated double surname
        other = r.choice(P.word_s + P.anglo_s + P.cultures["nigerian"]["S"]
                         + P.cultures["hispanic"]["S"] + P.cultures["vietnamese"]["S"])
        if " " not in other and other != last:
            last = f"{last}-{other}"
    return last


def make_person(r, P: Pools, g=None, culture=None, last=None, word_first=0.35) -> Person:
    g = g or r.choice("MF")
    culture = culture or pick_culture(r)
    nick = ""
    if culture == "anglo":
        if r.random() < word_first:
            first = r.choice(P.word_f if g == "F" else P.word_m)
        else:
            first, nick = r.choice(P.anglo_f if g == "F" else P.anglo_m)
            if r.random() < 0.25:
                nick = ""
    else:
        first = r.choice(P.cultures[culture][g])
    if last is None:
        last = pick_surname(r, P, culture, g)
    mi = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.6 else ""
    suffix = r.choice(P.suffixes) if (g == "M" and culture == "anglo" and r.random() < 0.12) else ""
    p = Person(first, last, g, mi=mi, suffix=suffix, nick=nick, nick_style=r.choice("qp"))
    p.culture = culture
    return p


def email_for(r, p: Person, domain: str) -> str:
    f, l = ascii_fold(p.first), ascii_fold(p.last)
    local = r.choice([f"{f[0]}{l}", f"{f}.{l}", f"{f}{l[0]}{r.randint(2, 99)}", f"{l}.{f[0]}"])
    return f"{local}@{domain}"


def domain_for(org: str) -> str:
    words = [ascii_fold(w) for w in org.split() if ascii_fold(w)]
    stop = {"of", "the", "medical", "center", "hospital", "regional", "general"}
    core = [w for w in words if w not in stop][:2] or words[:1]
    return "".join(core) + r_suffix(org)


def r_suffix(org: str) -> str:
    return "health.org" if "Hospital" in org or "Medical" in org else ".com"


def digits(r, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def letters(r, n: int) -> str:
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def phone(r, area: str) -> str:
    ex = f"{r.randint(2, 9)}{digits(r, 2)}"
    ln = digits(r, 4)
    return r.choice([f"({area}) {ex}-{ln}", f"{area}-{ex}-{ln}", f"{area}.{ex}.{ln}",
                     f"{area} {ex} {ln}", f"+1 {area}-{ex}-{ln}"])


def mrn(r) -> str:
    return r.choice([digits(r, 8), f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 2)}",
                     f"M{digits(r, 7)}", f"{digits(r, 2)}{letters(r, 1)}{digits(r, 6)}"])


def rand_date(r, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=r.randint(0, (hi - lo).days))


class Place:
    def __init__(self, name, addr, city, county, state, st, zip_, area):
        self.name, self.addr, self.city, self.county = name, addr, city, county
        self.state, self.st, self.zip, self.area = state, st, zip_, area
        self.up = name.upper()


def street_address(r, P: Pools, unit_p=0.35) -> str:
    a = f"{r.randint(12, 9870)} {r.choice(P.streets)}"
    if r.random() < unit_p:
        a += r.choice([f", Apt {r.randint(1, 24)}", f", Unit {r.randint(1, 9)}{r.choice('ABCD')}",
                       f" #{r.randint(101, 940)}", f", Lot {r.randint(2, 60)}"])
    return a


def make_place(r, P: Pools, name: str, city_tuple, unit_p=0.25) -> Place:
    city, county, state, st, area, zp = city_tuple
    return Place(name, street_address(r, P, unit_p), city, county, state, st,
                 f"{zp}{digits(r, 2)}", area)


JOBS = ["retired machinist", "school bus driver", "warehouse supervisor", "line cook",
        "retired teacher", "home health aide", "long-haul truck driver", "bank teller",
        "electrician", "retired postal carrier", "dental hygienist", "farm equipment mechanic"]
CARS = ["silver sedan", "gray pickup truck", "blue minivan", "white compact SUV", "red hatchback"]


def build_ctx(r, P: Pools, meta: dict) -> dict:
    c: dict = {}
    # ---- dates ---------------------------------------------------------------
    d0 = rand_date(r, dt.date(2019, 1, 7), dt.date(2024, 12, 20))
    los = r.randint(4, 9)
    off = lambda lo, hi: DateV(d0 + dt.timedelta(days=r.randint(lo, hi)))
    c.update(d0=DateV(d0), dc=DateV(d0), adm=DateV(d0 - dt.timedelta(days=los)), los=los,
             dm1=off(-3, -1), dm2=off(-10, -4), dm3=off(-25, -11), prior1=off(-90, -30),
             prior2=off(-300, -120), prior3=off(-700, -330), fu0=off(3, 6), fu1=off(7, 14),
             fu2=off(21, 42), fu3=off(60, 120))
    for k in (1, 2, 3):
        c[f"mid{k}"] = DateV(d0 - dt.timedelta(days=los - k))
    c["yr_dx"] = DateV(dt.date(d0.year - r.randint(2, 15), 6, 1))
    c["yr2"] = DateV(dt.date(d0.year - r.randint(1, 6), 6, 1))
    # ---- patient and family ---------------------------------------------------
    lo, hi = meta["age"]
    age = r.randint(lo, hi)
    if meta.get("old_p") and r.random() < meta["old_p"]:
        age = r.randint(90, 103)
    c["age"] = age
    bday = rand_date(r, dt.date(2001, 1, 1), dt.date(2001, 12, 28))
    dob_y = d0.year - age - (1 if (bday.month, bday.day) > (d0.month, d0.day) else 0)
    c["dob"] = DateV(dt.date(dob_y, bday.month, bday.day))
    used_first: set[str] = set()

    def person(**kw) -> Person:
        """make_person, retried so that no two people in a document share a given name."""
        for _ in range(40):
            p = make_person(r, P, **kw)
            if p.first not in used_first:
                break
        used_first.add(p.first)
        return p

    pt = person()
    c["pt"] = pt
    fam = pt.culture

    def relative(g, same_last_p, culture=fam):
        last = pt.last if r.random() < same_last_p else None
        if last and last.split()[0] in ("bin", "binti") and g != pt.g:
            last = None                     # Malay patronymics are not shared across genders
        return person(g=g, culture=culture, last=last)

    sp_g = ("F" if pt.g == "M" else "M") if r.random() < 0.88 else pt.g
    c["sp"] = relative(sp_g, 0.6, fam if r.random() < 0.8 else None)
    c["son"] = relative("M", 0.75)
    c["dau"] = relative("F", 0.45)
    c["k1"] = r.choice([c["son"], c["dau"]])
    c["sib"] = relative(r.choice("MF"), 0.6)
    c["fa"] = relative("M", 0.9)
    c["mo"] = relative("F", 0.7)
    c["gm"] = relative("F", 0.3)
    il_culture = pick_culture(r)
    c["il"] = person(culture=il_culture if il_culture != fam else "hmong")
    c["il_word"] = "son-in-law" if c["il"].g == "M" else "daughter-in-law"
    c["fr"] = person()
    for k in ("sp", "son", "dau", "sib", "fr", "gm"):      # family often known by a nickname
        if not c[k].nick and r.random() < 0.8:
            c[k].nick = r.choice(P.nicks[c[k].g])
    for i in range(1, 15):
        c[f"x{i}"] = person(word_first=0.3)
    epo = [e for e in meta.get("eponyms", P.eponyms) if e in P.eponyms] or P.eponyms
    ep_last = r.choice(epo)
    c["ep"] = person(culture="anglo", last=ep_last)
    c["ep_pmh"] = EPONYM_PMH.get(ep_last, "")
    c["lang"] = LANGUAGE.get(fam, "")
    # ---- places ------------------------------------------------------------------
    home = r.choice(P.cities)
    state_cities = [t for t in P.cities if t[2] == home[2]]
    others = [t for t in P.cities if t[0] != home[0]]
    pt.addr = street_address(r, P)
    pt.city, pt.county, pt.state, pt.st, area = home[0], home[1], home[2], home[3], home[4]
    pt.zip = f"{home[5]}{digits(r, 2)}"
    pt.email = email_for(r, pt, r.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com"]))

    def facility(name):
        pl = make_place(r, P, name, r.choice(state_cities))
        pl.addr = f"{r.randint(100, 4999)} {r.choice(P.streets)}" + (
            f", Suite {r.randint(100, 450)}" if r.random() < 0.5 else "")
        return pl

    hosps = r.sample(P.hospitals, 2)
    clinics = r.sample(P.clinics, 3)
    c["hosp"], c["hosp2"] = facility(hosps[0]), facility(hosps[1])
    c["clinic"], c["clinic2"], c["clinic3"] = (facility(n) for n in clinics)
    c["snf"] = facility(r.choice(P.rehab))
    c["hh"] = facility(r.choice(P.home_health))
    c["pharm"] = facility(r.choice(P.pharmacies))
    c["ward"] = r.choice(P.wards)
    c["church"] = r.choice(P.churches)
    c["school"] = r.choice(P.schools)
    c["preschool"] = r.choice(P.preschools)
    c["employer"] = r.choice(P.employers)
    c["funeral"] = r.choice(P.funeral)
    c["country"] = r.choice(P.countries)
    other = r.choice(others)
    c["city2"], c["st2"] = other[0], other[3]
    c["state2"] = r.choice([s for s in P.states if s != pt.state])
    c["pd"] = f"{pt.city} Police Department"
    c["job"] = r.choice(JOBS)
    c["car"] = r.choice(CARS)
    dom = domain_for(c["hosp"].name)
    c["dom"] = dom
    for k in list(c):
        if isinstance(c[k], Person) and k not in ("pt",):
            c[k].email = email_for(r, c[k], dom if k.startswith(("x", "ep")) else
                                   r.choice(["gmail.com", "yahoo.com", "comcast.net"]))
    # ---- phones ----------------------------------------------------------------------
    for k in ("ph_home", "ph_cell", "ph_sp", "ph_k1", "ph_dau", "ph_son", "ph_fa", "ph_mo",
              "ph_fr", "ph_sib"):
        c[k] = phone(r, area)
    for k in ("ph_clinic", "ph_clinic2", "ph_fax", "ph_pharm", "ph_hh", "ph_cm", "ph_rad",
              "ph2", "ph3", "ph_snf"):
        c[k] = phone(r, c["hosp"].area)
    for k in ("pg1", "pg2", "pg3", "pg4"):
        c[k] = r.choice([digits(r, 4), digits(r, 5), f"{c['hosp'].area}-{r.randint(2, 9)}{digits(r, 2)}-{digits(r, 4)}"])
    for k in ("ext1", "ext2"):
        c[k] = digits(r, 4)
    # ---- identifiers ------------------------------------------------------------------
    yy = d0.year % 100
    c.update(
        mrn=mrn(r), mrn2=mrn(r), acct=digits(r, r.choice([9, 10])),
        enc=r.choice([f"E{digits(r, 9)}", f"{digits(r, 4)}-{digits(r, 6)}", f"ENC{digits(r, 8)}"]),
        ins=r.choice([f"{letters(r, 3)}{digits(r, 9)}", f"W{digits(r, 9)}", f"{digits(r, 3)}{letters(r, 2)}{digits(r, 6)}"]),
        medicaid=f"{digits(r, 8)}{letters(r, 1)}", mbi=f"{r.randint(1, 9)}{letters(r, 2)}{digits(r, 1)}-{letters(r, 2)}{digits(r, 1)}-{letters(r, 2)}{digits(r, 2)}",
        acc=r.choice([f"CT{yy:02d}-{digits(r, 7)}", f"RAD{digits(r, 8)}", f"S{yy:02d}-{digits(r, 5)}"]),
        rx1=digits(r, 7), rx2=digits(r, 7), rx3=digits(r, 7), jobno=digits(r, 6),
        serial=f"{letters(r, 3)}{digits(r, 6)}{letters(r, 1)}", npi=f"1{digits(r, 9)}",
        dea=f"{letters(r, 2)}{digits(r, 7)}", pa_ref=f"PA-{digits(r, 4)}-{digits(r, 5)}",
        claim=f"{digits(r, 2)}{letters(r, 1)}{digits(r, 9)}", lic=f"{letters(r, 2)}.{digits(r, 6)}",
        rxprof=digits(r, 8), case_no=f"{yy:02d}-{digits(r, 6)}", grp=digits(r, 6),
        ssn=f"{r.randint(100, 665)}-{digits(r, 2)}-{digits(r, 4)}",
        plate=r.choice([f"{r.randint(1, 9)}{letters(r, 3)}{digits(r, 3)}", f"{letters(r, 3)}-{digits(r, 4)}",
                        f"{letters(r, 3)} {digits(r, 4)}"]),
        vin="".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)),
        ip=r.choice([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                     f"{r.randint(24, 99)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"]),
        ip2=f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
        url_portal=f"https://mychart.{dom}", url_form=f"www.{dom}/forms/{ascii_fold(pt.last)[:4]}{digits(r, 3)}",
        url_agency=f"https://www.{domain_for(c['hh'].name)}/referrals",
        room=f"{r.randint(2, 8)}{r.randint(10, 40)}",
    )
    return c


# =============================================================================
# 4. Family A templates (used only for deid_dev_round33a)
# =============================================================================
def a01_discharge_summary(c, r):
    s = """{LOCATION:hosp.up}
DISCHARGE SUMMARY

Patient: {NAME:pt.LFM}                MRN: {ID:mrn}
DOB: {DATE:dob.mdy}                  Account #: {ID:acct}
SSN: {SSN:ssn}
Admitted: {DATE:adm.mdy}             Discharged: {DATE:dc.mdy}
Attending: {NAME:x1.fml}, MD
PCP: Dr. {NAME:x2.full}, {LOCATION:clinic.name}
Consultants: Neurology (Dr. {NAME:ep.last}); Speech-language pathology ({NAME:x3.full}, CCC-SLP); Palliative care ({NAME:x4.fl_init}, NP)

PRINCIPAL DIAGNOSIS: Aspiration pneumonia, right lower lobe.
SECONDARY DIAGNOSES: {MED=Parkinson's disease}, {MED=Hoehn and Yahr stage 4}; orthostatic hypotension; chronic kidney disease stage 3a; depression.

HISTORY OF PRESENT ILLNESS: {pt.mr} {NAME:pt.last} is a {AGE:age}-year-old {pt.man} with long-standing {MED=Parkinson's disease} (diagnosed in {DATE:yr_dx.year} and followed by Dr. {NAME:ep.last} at {LOCATION:clinic2.name}) who was brought in by {pt.his} {sp.spouse}, {NAME:sp.first}, on {DATE:adm.long} after two days of fever, productive cough and worsening dysphagia. {sp.He} reports that {pt.he} choked on thin liquids at dinner the evening before. In the emergency department temperature was 38.7 C, heart rate 112, blood pressure 96/58 and SpO2 88% on room air. Chest x-ray showed right lower lobe consolidation; lactate 2.4, WBC 15.2. Hope for a quick turnaround was tempered by {pt.his} baseline frailty.

HOSPITAL COURSE:
1. Aspiration pneumonia. Started on ampicillin-sulbactam 3 g IV q6h, transitioned to amoxicillin-clavulanate 875 mg PO BID on {DATE:mid3.md}. Blood cultures from {DATE:adm.md} showed no growth. Oxygen weaned to room air by hospital day 3.
2. Dysphagia. Bedside swallow evaluation by speech pathology and a modified barium swallow on {DATE:mid2.md} showed silent aspiration with thin liquids. Diet changed to mechanical soft with nectar-thick liquids. {pt.mr} {NAME:pt.last} and {pt.his} {sp.spouse} were taught chin-tuck strategies, and {NAME:sp.pref} will supervise meals at home.
3. Movement disorder. The Medtronic deep brain stimulator (placed in {DATE:yr2.year}) was left on home settings. Home carbidopa-levodopa 25/100 two tablets five times daily was continued on an exact schedule; pharmacist {NAME:x5.full}, PharmD, made sure doses were given within 15 minutes of home times. Neurology recommends no change until clinic follow-up.
4. Goals of care. Family meeting on {DATE:mid3.dow_md} with {NAME:sp.full}, {pt.his} son {NAME:son.full}, {pt.his} daughter {NAME:dau.nick_full} (by phone from {LOCATION:city2}), palliative NP {NAME:x4.full} and chaplain {NAME:x6.full}. The patient remains full code and would like to return home; a POLST form was completed.

DISCHARGE MEDICATIONS: amoxicillin-clavulanate 875 mg BID through {DATE:fu0.md}; carbidopa-levodopa 25/100 2 tabs five times daily; midodrine 5 mg TID; sertraline 50 mg daily; polyethylene glycol 17 g daily as needed.

DISPOSITION: Home with {LOCATION:hh.name} (PT, OT, speech, RN). Address on file: {ADDRESS:pt.addr}, {LOCATION:pt.city}, {LOCATION:pt.st} {ZIP:pt.zip}. Home phone {PHONE:ph_home}; {sp.spouse}'s cell {PHONE:ph_sp}.

FOLLOW-UP:
- PCP Dr. {NAME:x2.last} on {DATE:fu1.long} at 10:15.
- Movement disorders clinic, {LOCATION:clinic2.name}, within 4 weeks; office {PHONE:ph_clinic2}.
- Repeat chest x-ray in 6 weeks; the family may call sooner for fever or choking.

Emergency contact: {NAME:sp.full} ({sp.spouse}) {PHONE:ph_sp}; alternate: daughter's cell {PHONE:ph_dau}.

Dictated by: {NAME:x7.full}, MD (resident) for {NAME:x1.full}, MD
{NAME:x7.ini}/{NAME:x9.inil}   Job #{ID:jobno}
Electronically signed by {NAME:x1.LFM} MD on {DATE:dc.mdy} 16:42
"""
    return s


def a02_neurology_consult_letter(c, r):
    s = """{LOCATION:clinic.name}
Department of Neurology
{ADDRESS:clinic.addr} | {LOCATION:clinic.city}, {LOCATION:clinic.st} {ZIP:clinic.zip}
Tel {PHONE:ph_clinic}   Fax {PHONE:ph_fax}

{DATE:d0.long}

{NAME:ep.fml}, MD
{LOCATION:clinic2.name}
{ADDRESS:clinic2.addr}
{LOCATION:clinic2.city}, {LOCATION:clinic2.st} {ZIP:clinic2.zip}

RE: {NAME:pt.full}   DOB {DATE:dob.mdy}   MRN {ID:mrn}

Dear Dr. {NAME:ep.last},

Thank you for asking me to see {pt.mr} {NAME:pt.last}, a {AGE:age}-year-old right-handed {pt.man} who works as a {job} for {LOCATION:employer}, regarding acute right facial weakness. I saw {pt.him} today with {pt.his} {sp.spouse}, {NAME:sp.nick_full}.

{pt.mr} {NAME:pt.last} noticed drooling from the right side of the mouth on waking on {DATE:dm2.dow_md}. Over the following day {pt.he} could not close the right eye fully and food pooled in the right cheek. {pt.He} reports mild pain behind the right ear and sensitivity to loud sounds, but no limb weakness, double vision, slurred speech, ear vesicles or tick bites. {pt.His} {sib.sibw}, {NAME:sib.full}, had a similar episode years ago that resolved. The urgent care clinic at {LOCATION:clinic3.name} started prednisone 60 mg daily on {DATE:dm1.md}.

Examination: BP 138/82, pulse 74. Alert and fluent. Complete right lower motor neuron facial weakness, {MED=House-Brackmann grade IV}, with forehead involvement and a visible {MED=Bell phenomenon} on attempted eye closure. Taste reduced over the right anterior tongue. The remaining cranial nerves are intact. Strength is 5/5 throughout, reflexes are 2+ and symmetric, and tandem gait is steady. No rash in the ear canal.

Impression: Idiopathic peripheral facial palsy consistent with {MED=Bell's palsy}, less than two weeks from onset. Forehead involvement and the absence of other deficits make a central lesion unlikely, so I have not ordered imaging. {MED=Lyme} serology was sent given {pt.his} camping trip near {LOCATION:city2} in {DATE:prior1.mon_year}.

Recommendations:
1. Complete prednisone 60 mg daily for 7 days (through {DATE:fu0.md}); add valacyclovir 1 g three times daily for 7 days given the severity.
2. Eye protection: artificial tears hourly while awake, ointment and taping at night. Our ophthalmologist, Dr. {NAME:x3.full}, can see {pt.him} the same day for any eye pain or redness ({PHONE:ph2}).
3. Facial exercises with our therapist {NAME:x4.fl_init}, PT, starting in two weeks.
4. Return visit with me on {DATE:fu2.long}. If there is no recovery by three months, nerve conduction testing with Dr. {NAME:x5.last}.

Most patients recover well, and I told {pt.mr} {NAME:pt.last} and {NAME:sp.first} that we may see improvement within three weeks. Please contact me directly at {EMAIL:x1.email} with questions.

Sincerely,

{NAME:x1.fml}, MD, PhD
Assistant Professor of Neurology

Seen with: {NAME:x6.full}, MD (neurology resident, PGY-3)
Scribe: {NAME:x7.full}
{NAME:x1.ini}/{NAME:x8.inil}
cc: {NAME:pt.full} (via portal); {NAME:x2.fl_init}, PA-C, {LOCATION:clinic3.name}
"""
    return s


def a03_gi_progress_note(c, r):
    s = """{LOCATION:clinic.name} - Gastroenterology
PROGRESS NOTE

Patient: {NAME:pt.lf} | MRN: {ID:mrn} | DOB: {DATE:dob.mdyy}
Date of service: {DATE:d0.dow_long}
Provider: {NAME:x1.full}, MD | Fellow: {NAME:x2.full}, MD | Scribe: {NAME:x3.full}
Referring: {NAME:x4.LFM} MD
Insurance member ID: {ID:ins}

SUBJECTIVE: {NAME:pt.pref} is a {AGE:age}-year-old with ileocolonic {MED=Crohn's disease} ({MED=Montreal classification} A2 L3 B1) diagnosed in {DATE:yr_dx.year}, on infliximab 5 mg/kg every 8 weeks since {DATE:prior3.mon_year}, seen today for routine follow-up. Last infusion {DATE:prior1.md} at the {LOCATION:hosp.name} infusion center with {NAME:ep.full}, RN. Reports 2-3 formed stools daily, no blood, mild cramping after large meals. Weight stable. Missed one dose in {DATE:prior2.mon_year} because of a work trip to {LOCATION:country}. Lives with {pt.his} partner {NAME:sp.nick_full}; {pt.his} {sib.sibw} {NAME:sib.pref} helps with rides to infusions. Works at {LOCATION:employer}. Denies NSAID use. Quit smoking in {DATE:yr2.year}.

Review of systems: no fevers, joint pain, eye redness or rash. Mood fair; says {pt.he} "will try" the support group suggested by our social worker {NAME:x5.full}, LCSW.

OBJECTIVE: T 36.8, HR 76, BP 118/74, weight 68.2 kg. Abdomen soft, mild right lower quadrant tenderness, no mass. Perianal exam deferred. Labs {DATE:dm1.md}: CRP 6.1 mg/L, fecal calprotectin 142 mcg/g, Hgb 12.4, albumin 3.9, infliximab trough 4.2 with no antibodies (drawn by {NAME:x6.fl_init}, MA).

ASSESSMENT: {MED=Crohn's disease}, ileocolonic, inflammatory phenotype, in clinical remission with borderline biochemical activity and a low-normal trough.

PLAN:
1. Shorten infliximab interval to every 6 weeks; prior authorization request submitted by {NAME:x7.full} (PA coordinator) on {DATE:d0.md}.
2. Repeat calprotectin in 8 weeks; ileocolonoscopy with Dr. {NAME:x2.last} in {DATE:fu3.mon_year}.
3. Vaccines: recombinant zoster dose 2 due; pneumococcal vaccine given today by {NAME:x8.full}, LPN.
4. Nutrition referral to {NAME:x9.full}, RD; iron studies with next labs.
5. Return in 3 months. The patient may message through {URL:url_portal} or call {PHONE:ph_clinic}.

Discussed with attending Dr. {NAME:x1.last}, who agrees with the plan.
{NAME:x2.full}, MD, Gastroenterology Fellow

Attending attestation: I saw and examined the patient with Dr. {NAME:x2.last} and agree with the findings and plan as documented. -- {NAME:x1.ini}
"""
    return s


def a04_operative_report(c, r):
    if c["lang"]:
        consent = ("Risks including bleeding, infection, bile duct injury, bile leak and conversion "
                   "to open surgery were discussed with the patient and {pt.his} {k1.child}, "
                   "{NAME:k1.full}, through certified {lang} interpreter {NAME:x6.full}, and "
                   "consent was signed.")
    else:
        consent = ("Risks including bleeding, infection, bile duct injury, bile leak and conversion "
                   "to open surgery were discussed with the patient and {pt.his} {k1.child}, "
                   "{NAME:k1.full}; all questions were answered and consent was signed in the "
                   "presence of {NAME:x6.full}, RN.")
    s = """OPERATIVE REPORT

PATIENT NAME: {NAME:pt.LFM}
MRN: {ID:mrn}      ENCOUNTER: {ID:enc}
DATE OF OPERATION: {DATE:d0.mdy}
FACILITY: {LOCATION:hosp.name}, Main OR, Room 7

SURGEON: {NAME:x1.fml}, MD, FACS
ASSISTANT: {NAME:ep.full}, MD (PGY-4)
ANESTHESIA: {NAME:x2.full}, MD; CRNA {NAME:x3.full}
SCRUB: {NAME:x4.full}, CST      CIRCULATOR: {NAME:x5.full}, RN

PREOPERATIVE DIAGNOSIS: Acute calculous cholecystitis.
POSTOPERATIVE DIAGNOSIS: Acute gangrenous cholecystitis.
PROCEDURE: Laparoscopic cholecystectomy.
ANESTHESIA: General endotracheal.
EBL: 30 mL. SPECIMEN: Gallbladder to pathology (accession {ID:acc}). DRAINS: None. COMPLICATIONS: None.

INDICATIONS: {pt.mr} {NAME:pt.last} is a {AGE:age}-year-old {pt.man} who presented to our emergency department on {DATE:dm1.long} with 36 hours of right upper quadrant pain, a temperature that rose to 38.4 C and a positive {MED=Murphy's sign}. Ultrasound showed gallstones, gallbladder wall thickening to 6 mm and pericholecystic fluid; WBC 14.8. """ + consent + """

DESCRIPTION OF PROCEDURE: The patient was identified in the preoperative area by name and date of birth and the site was confirmed. After induction of general anesthesia by Dr. {NAME:x2.last}, the abdomen was prepped and draped in sterile fashion and a time-out was performed with the whole team. Pneumoperitoneum to 15 mmHg was established with a {MED=Veress needle} at the umbilicus. A 12 mm umbilical port and three 5 mm ports were placed under direct vision. The gallbladder was distended and gangrenous at the fundus, with omental adhesions that were taken down bluntly, and it was decompressed with a needle aspirator. {MED=Hartmann's pouch} was retracted laterally and the hepatocystic triangle ({MED=Calot's triangle}) was dissected until the critical view of safety was achieved, confirmed by Dr. {NAME:ep.last} and me. The cystic duct and artery were clipped and divided. The gallbladder was removed from the liver bed with electrocautery and extracted in a retrieval bag. Hemostasis and bile stasis were confirmed, the right upper quadrant was irrigated, and ports were removed under vision. Fascia at the umbilicus was closed with 0 Vicryl and skin with 4-0 Monocryl and skin glue.

The patient tolerated the procedure well and went to PACU in stable condition. Sponge, needle and instrument counts were correct x2 per {NAME:x5.first}. I was present and scrubbed for the entire procedure.

POSTOPERATIVE PLAN: Clear liquids tonight and advance as tolerated; discharge likely tomorrow. Follow-up with {NAME:x1.fl_init} in surgery clinic on {DATE:fu1.md}, {PHONE:ph_clinic}. {pt.His} {sp.spouse}, {NAME:sp.full}, was updated by phone ({PHONE:ph_sp}) at 14:10.

Dictated by: {NAME:x1.full}, MD
D: {DATE:d0.mdyy} 13:55   T: {DATE:d0.mdyy} 16:20   {NAME:x1.ini}/{NAME:x7.inil}
"""
    return s


def a05_ed_note(c, r):
    s = """EMERGENCY DEPARTMENT PHYSICIAN NOTE
{LOCATION:hosp.name} Emergency Department
Patient: {NAME:pt.full}    Age/Sex: {AGE:age} {pt.sex}    MRN: {ID:mrn}
Arrival: {DATE:d0.mdy} 22:47 by {LOCATION:pt.county} EMS
Attending: {NAME:x1.full}, MD   Resident: {NAME:x2.full}, MD   Triage RN: {NAME:ep.full}   Scribe: {NAME:x3.full}

CHIEF COMPLAINT: Motor vehicle collision.

HPI: Restrained driver of a {car} (plate {VEHICLE:plate}) struck on the driver side by a pickup at about 45 mph on the state highway outside {LOCATION:pt.city} at approximately 22:00. Airbags deployed; self-extricated and ambulatory at the scene. Complains of left chest wall pain, left-sided neck pain and headache. Unsure whether {pt.he} lost consciousness; the passenger, {pt.his} friend {NAME:fr.nick_full}, says {pt.he} "was out for a few seconds." EMS documented a {MED=Glasgow Coma Scale} score of 14 at the scene (E3 V5 M6), 15 on arrival. No anticoagulants. Last tetanus unknown. Drinks "a couple of beers on weekends", denies alcohol tonight.

PMH: Asthma; {MED=Bell's palsy} in {DATE:yr_dx.year}, resolved. PSH: appendectomy. Meds: albuterol as needed. Allergies: sulfa. Social: works for {LOCATION:employer}; lives in {LOCATION:pt.city} with {pt.his} {sp.spouse}, {NAME:sp.first}.

EXAM: T 36.9, HR 104, BP 142/88, RR 20, SpO2 97% on room air. GCS 15. Alert and oriented, amnestic to the event. Scalp: 3 cm left parietal hematoma, no laceration. No {MED=Battle sign}, no hemotympanum. C-spine: midline tenderness at C5, collar placed. Chest: seatbelt mark across the left clavicle, tenderness over lateral ribs 4-6, breath sounds equal. Abdomen soft and non-tender. FAST negative (performed by Dr. {NAME:x2.last}). Pelvis stable. Abrasion left forearm. Neurologically non-focal.

ED COURSE: Level 2 trauma activation at 22:52; trauma surgery (Dr. {NAME:x4.last}, pager {PHONE:pg1}) evaluated at bedside. Imaging indicated by the {MED=Canadian C-spine rule} given midline tenderness. CT head: no acute hemorrhage. CT cervical spine: nondisplaced fracture of the C5 spinous process. CT chest, abdomen and pelvis: nondisplaced left 5th and 6th rib fractures, no pneumothorax, no solid organ injury. Tdap given. Fentanyl 50 mcg IV x2 and ondansetron 4 mg IV. An officer from the {LOCATION:pd}, {NAME:x5.full}, took a statement with the patient's permission.

DISPOSITION: Admitted to the trauma service, {LOCATION:ward}, for pain control and incentive spirometry. Spine surgery (Dr. {NAME:x6.fl_init}) recommends an Aspen collar for 6 weeks. Discussed with {pt.his} {sp.spouse}, {NAME:sp.full}, at the bedside and with {pt.his} father, {NAME:fa.full}, by phone ({PHONE:ph_fa}). Handed off to Dr. {NAME:x7.full} at 07:00.
"""
    s += """
{NAME:x2.full}, MD, PGY-2

Attending attestation: I personally evaluated the patient, reviewed the imaging and agree with the resident's note. -- {NAME:x1.fl_init}, MD
Scribe attestation: I, {NAME:x3.full}, scribed for Dr. {NAME:x1.last} in the patient's presence.
"""
    return s


def a06_radiology_cta(c, r):
    s = """{LOCATION:hosp.up} - DEPARTMENT OF RADIOLOGY
{ADDRESS:hosp.addr}, {LOCATION:hosp.city}, {LOCATION:hosp.st} {ZIP:hosp.zip}   Reading room {PHONE:ph_rad}

PATIENT: {NAME:pt.LFM}           MRN: {ID:mrn}      DOB: {DATE:dob.mdy}
ACCESSION: {ID:acc}              EXAM DATE: {DATE:d0.mdy} 03:12
ORDERING: {NAME:ep.lfm} MD       LOCATION: ED bay 14
PCP: {NAME:x2.full}, DO ({LOCATION:clinic.name})
TECHNOLOGIST: {NAME:x3.fl_init}, RT(R)(CT)

EXAM: CT ANGIOGRAPHY CHEST, PULMONARY EMBOLISM PROTOCOL

CLINICAL HISTORY: {AGE:age}-year-old with acute pleuritic chest pain and tachycardia two days after a long flight home from {LOCATION:country}. History of {MED=Addison's disease} on hydrocortisone. {MED=Wells score} 6; D-dimer 2,140 ng/mL per Dr. {NAME:ep.last}.

COMPARISON: Chest radiograph from earlier today. CT chest of {DATE:prior2.long} performed at {LOCATION:hosp2.name}, reported by Dr. {NAME:x6.full}.

TECHNIQUE: Helical CT of the chest after 75 mL iohexol 350 IV with bolus tracking in the pulmonary trunk. Multiplanar reformats. Contrast screening completed by {NAME:x3.first}; no reaction. Dose-length product 412 mGy-cm.

FINDINGS:
Pulmonary arteries: Occlusive and non-occlusive filling defects in the right lower lobe segmental and subsegmental arteries and in the lingular segmental artery. No saddle embolus. Main pulmonary artery 28 mm.
Heart: RV/LV diameter ratio 1.1 with mild flattening of the interventricular septum. No pericardial effusion. Mild reflux of contrast into the IVC.
Lungs: Peripheral wedge-shaped opacity in the posterior basal right lower lobe, pleural-based, compatible with infarction ({MED=Hampton hump}). Relative oligemia of the right lower lobe ({MED=Westermark sign}) is suggested. No interlobular septal thickening. Small right pleural effusion.
Mediastinum: No adenopathy. Esophagus normal.
Upper abdomen: Adrenal glands are small bilaterally. No acute finding.
Bones: Degenerative changes of the thoracic spine.

IMPRESSION:
1. Acute bilateral pulmonary emboli, right greater than left, with borderline right heart strain (RV/LV 1.1).
2. Right lower lobe pulmonary infarct and small right effusion.

CRITICAL RESULT: Findings communicated by Dr. {NAME:x1.last} to Dr. {NAME:ep.full} by telephone at 03:41 on {DATE:d0.md} with read-back confirmation. Also relayed to charge nurse {NAME:x4.first} on the ED pod. Dr. {NAME:x7.last} of the ICU team was paged ({PHONE:pg1}) at the request of the ED.

Resident: {NAME:x5.full}, MD
Attending radiologist: {NAME:x1.fml}, MD
Electronically signed {DATE:d0.mdy} 03:58 from workstation RR3 ({IP:ip})
cc: {NAME:x2.lower}, do
"""
    return s


def a07_medication_reconciliation(c, r):
    s = """MEDICATION RECONCILIATION - ADMISSION
{LOCATION:hosp.name} | Pharmacy Services | {LOCATION:ward}, room {room}
Patient: {NAME:pt.lfm} | Preferred name: {NAME:pt.pref} | MRN {ID:mrn} | DOB {DATE:dob.iso} | Age {AGE:age}
Admit date: {DATE:adm.iso} | Admitting: {NAME:x1.full}, MD (hospitalist)
Completed by: {NAME:x2.full}, PharmD | Pharmacy technician: {NAME:x3.full}, CPhT

Sources: (1) patient interview at the bedside; (2) {pt.his} {k1.child} {NAME:k1.nick_full}, who fills the weekly pill organizer ({PHONE:ph_k1}); (3) fill history from {LOCATION:pharm.name} ({PHONE:ph_pharm}), pharmacist {NAME:x4.full}; (4) outside records from Dr. {NAME:ep.last}, endocrinology, {LOCATION:clinic.name}; (5) PCP medication list from {NAME:x5.fl_init}, NP.

Reason for admission: nausea, vomiting and hypotension concerning for {MED=Addisonian crisis} in a patient with {MED=Addison's disease}.

| Home medication | Dose / route / frequency | Last dose | Source | Action |
|---|---|---|---|---|
| Hydrocortisone | 15 mg AM, 5 mg at 2 PM PO | {DATE:dm1.md} AM | pt, fill hx | HOLD - stress-dose IV hydrocortisone 50 mg q6h |
| Fludrocortisone | 0.1 mg PO daily | {DATE:dm1.md} | pt, fill hx | HOLD while on stress dose |
| Levothyroxine | 88 mcg PO daily ({MED=Hashimoto's thyroiditis}) | {DATE:dm1.md} | pt | CONTINUE |
| Pantoprazole | 40 mg PO daily ({MED=Barrett's esophagus}) | {DATE:dm2.md} | {k1.child} | CONTINUE |
| Atorvastatin | 20 mg PO nightly | {DATE:dm2.md} | fill hx | CONTINUE |
| Sertraline | 50 mg PO daily | unknown | PCP list | see discrepancy 2 |
| Vitamin D3 | 2000 units PO daily | {DATE:dm1.md} | pt | CONTINUE |

Discrepancies identified:
1. Fill history shows hydrocortisone 10 mg tablets last filled on {DATE:prior1.md} (#60, Rx {ID:rx1}). The patient was taking 1.5 tablets each morning and ran short; {NAME:k1.first} confirms the afternoon doses were skipped for three days. Likely precipitant. Discussed with Dr. {NAME:x1.last}.
2. The patient stopped sertraline in {DATE:prior2.mon_year} after talking with {pt.his} counselor, {NAME:x6.full}, LPC; it is still on the PCP list. Marked as not taking.
3. The outside list from Dr. {NAME:ep.last}'s office (faxed by {NAME:x7.first} from {PHONE:ph_fax}) still shows prednisone 5 mg; the patient switched to hydrocortisone in {DATE:yr2.year}. Clarified with endocrine nurse {NAME:x7.full}.
4. Over the counter: ibuprofen "a few times a week" for knee pain. Advised to avoid; may use acetaminophen up to 3 g per day.

Education: sick-day rules and stress dosing reviewed with the patient and {NAME:k1.first} using teach-back. An emergency injection kit (hydrocortisone sodium succinate 100 mg IM) was sent to {LOCATION:pharm.name}. A medical alert bracelet was recommended; {pt.he} says {pt.he} will order one this week.

Recommendations to the team: continue stress dosing until vomiting resolves, then taper to home doses over 48-72 hours; resume fludrocortisone when the hydrocortisone dose is under 50 mg per day; check a morning sodium and potassium.

{NAME:x2.full}, PharmD, BCPS | Pager {PHONE:pg2} | {DATE:adm.mdy} 11:20
Co-signed by PGY-1 pharmacy resident {NAME:x8.full} -- {NAME:x8.inil}
"""
    return s


def a08_care_coordination_email(c, r):
    s = """From: {NAME:x1.full} <{EMAIL:x1.email}>
Sent: {DATE:d0.dow_long} 8:14 AM
To: {NAME:x2.lf} <{EMAIL:x2.email}>; {NAME:ep.full} <{EMAIL:ep.email}>
Cc: {NAME:x3.full} <{EMAIL:x3.email}>
Subject: DC planning - {NAME:pt.last_fi} (rm {room})
X-Originating-IP: {IP:ip}

Hi all,

Quick update on {NAME:pt.lf} (MRN {ID:mrn}), {AGE:age} y/o admitted {DATE:adm.md} after a syncopal episode during a service at {LOCATION:church}. Medicine (Dr. {NAME:x4.last}) expects discharge {DATE:fu0.dow_md} if telemetry stays quiet. Cardiology would like a 14-day {MED=Holter monitor} started before discharge. {NAME:ep.first}, can your team place it while {pt.he} is still here, or should we book the {LOCATION:clinic.name} office?

Baseline: moderate {MED=Alzheimer's disease}. Lives with {pt.his} daughter {NAME:dau.full} and {il_word} {NAME:il.full} at {ADDRESS:pt.addr}, {LOCATION:pt.city} {ZIP:pt.zip}. {NAME:dau.first} works days at {LOCATION:employer}, so the patient attends an adult day program three days a week. PT recommends a rolling walker and 24-hour supervision.

Thanks,

{NAME:x1.full}, RN, BSN | Case Manager, {LOCATION:ward} | {LOCATION:hosp.name}
Office {PHONE:ph_cm} | Pager {PHONE:pg1}

---------- Reply ----------
From: {NAME:ep.full} <{EMAIL:ep.email}>
Sent: {DATE:d0.dow_long} 9:02 AM
To: {NAME:x1.full}
Subject: RE: DC planning

We can put a patch monitor on in the room this afternoon (device SN {ID:serial}). Someone at home will need to mail it back in the prepaid box; is {NAME:dau.pref} the right contact? Our scheduler {NAME:x5.full} will call {PHONE:ph_dau} to confirm. Follow-up with Dr. {NAME:x6.last} at {LOCATION:clinic.name} on {DATE:fu2.long}.

-- {NAME:ep.inil}

---------- Reply ----------
From: {NAME:x2.full} <{EMAIL:x2.email}>
Sent: {DATE:d0.dow_long} 11:47 AM
To: {NAME:x1.full}

Spoke with {NAME:dau.full} by phone. She is overwhelmed and asked about respite. Her brother, {NAME:son.nick_full}, lives in {LOCATION:state2} and may come up on weekends. I started an application with the {LOCATION:pt.county} Area Agency on Aging (online form {URL:url_form}) and gave her the caregiver support line. Faith community support is also available: the pastor, {NAME:x7.full}, has offered meals twice a week. Hope this helps the plan.

{NAME:x2.full}, LCSW
Social Work | ext. {PHONE:ext1}
"""
    return s


def a09_icu_progress_note(c, r):
    s = """MICU PROGRESS NOTE - HOSPITAL DAY {los}
{LOCATION:hosp.name} | {LOCATION:ward} ICU, bed 9
{NAME:pt.LFM} | MRN {ID:mrn} | {DATE:d0.mdy} | {AGE:age} y/o {pt.sex}

Present on rounds: Dr. {NAME:x1.last} (attending), Dr. {NAME:x2.full} (fellow), {NAME:x3.full} (resident), {NAME:x4.full} (intern), {NAME:ep.full}, RN (bedside), {NAME:x5.full}, PharmD, {NAME:x6.fl_init}, RT; family at bedside: {NAME:sp.full} ({sp.spouse}).

SUMMARY: {AGE:age}-year-old with ischemic cardiomyopathy (EF 20%, Boston Scientific ICD) admitted {DATE:adm.md} with cardiogenic shock after an inferior STEMI, status post PCI to the right coronary artery.

INTERVAL EVENTS: Norepinephrine weaned from 0.12 to 0.05 mcg/kg/min overnight. A {MED=Swan-Ganz catheter} placed on {DATE:mid1.md} by Dr. {NAME:x2.last} shows cardiac index 2.4 on dobutamine 2.5 mcg/kg/min, PCWP 18, CVP 11. Sedation lightened at 06:00 per {NAME:ep.first}; {MED=Richmond Agitation-Sedation Scale} -1 this morning. Urine output 1.1 L over 24 hours.

EXAM: T 37.4, HR 92 (paced), BP 104/62 (MAP 74), RR 18 on the ventilator. Intubated; opens eyes to voice and follows simple commands; {MED=Glasgow Coma Scale} 10T (E3 VT M6). Crackles at both bases. JVP 10 cm. Extremities cool but improved from yesterday; trace edema.

LABS: Lactate 1.6 (from 4.8 on admission), creatinine 1.7 (peak 2.1), potassium 4.2, magnesium 2.0, troponin trending down, INR 1.3.

ASSESSMENT AND PLAN:
1. Cardiogenic shock: improving. Continue dobutamine; wean norepinephrine to off for MAP over 65. Cardiology (Dr. {NAME:x7.full}) to reassess for advanced therapies if the index falls below 2.2.
2. Acute hypoxic respiratory failure: SBT this afternoon if pressor needs stay low; respiratory therapist {NAME:x6.first} to run the trial.
3. Acute kidney injury: improving; renally dose medications per pharmacy.
4. ICU care: heparin drip per protocol, chlorhexidine oral care, head of bed 30 degrees, glucose goal 140-180.

FAMILY: Updated {pt.his} {sp.spouse}, {NAME:sp.first}, and {pt.his} {sib.sibw} {NAME:sib.nick_full} (driving in from {LOCATION:city2}; cell {PHONE:ph_sib}). Hope remains for extubation this week, but the family understands the risk of setbacks. Chaplain {NAME:x8.full} visited. Palliative care consult placed with {NAME:x9.fl_init}, NP, for support.

Code status: Full code (confirmed with {NAME:sp.first}).
Critical care time: 45 minutes, excluding procedures.

| Role | Name | Pager |
|---|---|---|
| Attending | Dr. {NAME:x1.last} | {PHONE:pg2} |
| Fellow | {NAME:x2.fl_init} | {PHONE:pg3} |
| Charge RN | {NAME:x10.full} | {PHONE:pg4} |

{NAME:x3.full}, MD, PGY-2
Attending: {NAME:x1.fml}, MD - I was present for rounds, examined the patient and agree with the plan above.
"""
    return s


def a10_tumor_board(c, r):
    s = """MULTIDISCIPLINARY GI TUMOR BOARD - CONFERENCE NOTE
{LOCATION:hosp.name} Cancer Center | Conference date: {DATE:d0.long}
Moderator: {NAME:x1.full}, MD (surgical oncology)
Present: {NAME:x2.full} (medical oncology); {NAME:x3.lfm} (radiation oncology); {NAME:ep.fl_init}, MD (radiology); {NAME:x4.full} (pathology); {NAME:x5.full}, RN (nurse navigator); {NAME:x6.full}, MSW; {NAME:x7.full} (genetic counselor); research coordinator {NAME:x8.first}.

CASE 3: {NAME:pt.full} | MRN {ID:mrn} | {AGE:age} y/o {pt.man} | referred by Dr. {NAME:x10.last}, {LOCATION:clinic.name}

HISTORY: Presented in {DATE:prior1.mon_year} with painless jaundice, pruritus and a 6 kg weight loss; a palpable non-tender gallbladder ({MED=Courvoisier sign}) was noted on exam. Biliary stent placed by ERCP on {DATE:prior1.md}. Past history includes {MED:ep_pmh}, type 2 diabetes and hypertension. Retired {job}; lives in {LOCATION:pt.city} with {pt.his} {sp.spouse}, {NAME:sp.nick_full}, who attends all visits.

IMAGING (reviewed by Dr. {NAME:ep.last}): Pancreas-protocol CT from {DATE:dm3.md} shows a 2.6 cm hypoenhancing mass in the pancreatic head with less than 180 degrees of contact with the superior mesenteric vein and no arterial involvement. No liver lesions or ascites. CA 19-9 is 214 U/mL after biliary decompression.

PATHOLOGY (Dr. {NAME:x4.last}): EUS-guided fine-needle biopsy from {DATE:dm2.md}: adenocarcinoma, moderately differentiated.

DISCUSSION: Consensus that this is resectable disease. Dr. {NAME:x2.last} favors neoadjuvant modified FOLFIRINOX for four months given the high CA 19-9, followed by restaging and a {MED=Whipple procedure} (pancreaticoduodenectomy) with Dr. {NAME:x1.last}. Radiation is not recommended at this time. Germline testing was offered; {NAME:x7.first} will meet the family. The patient may be eligible for trial NCT05512345, which {NAME:x8.first} will screen.

RECOMMENDATIONS:
1. Port placement and start of chemotherapy within 2 weeks.
2. Dietitian referral; pancreatic enzyme replacement.
3. Navigator {NAME:x5.first} will call the patient at {PHONE:ph_cell} today and send the summary to {EMAIL:pt.email} as requested.
4. Re-present at tumor board after four cycles, around {DATE:fu3.mon_year}.

Recorded by {NAME:x9.full}, MD (GI fellow)
cc: Dr. {NAME:x10.full}, {LOCATION:clinic.name}, fax {PHONE:ph_fax}
"""
    return s


TEMPLATES_A = [
    {"id": "A01", "fn": a01_discharge_summary, "age": (68, 89), "old_p": 0.35, "eponyms": ["Parkinson"]},
    {"id": "A02", "fn": a02_neurology_consult_letter, "age": (24, 78), "eponyms": ["Bell"]},
    {"id": "A03", "fn": a03_gi_progress_note, "age": (19, 64), "eponyms": ["Crohn"]},
    {"id": "A04", "fn": a04_operative_report, "age": (35, 89), "old_p": 0.15, "eponyms": ["Murphy"]},
    {"id": "A05", "fn": a05_ed_note, "age": (18, 60), "eponyms": ["Bell", "Murphy"]},
    {"id": "A06", "fn": a06_radiology_cta, "age": (40, 89), "old_p": 0.2, "eponyms": ["Addison"]},
    {"id": "A07", "fn": a07_medication_reconciliation, "age": (55, 89), "old_p": 0.3, "eponyms": ["Addison"]},
    {"id": "A08", "fn": a08_care_coordination_email, "age": (78, 89), "old_p": 0.5, "eponyms": ["Murphy", "Parkinson"]},
    {"id": "A09", "fn": a09_icu_progress_note, "age": (45, 84), "eponyms": ["Crohn", "Addison"]},
    {"id": "A10", "fn": a10_tumor_board, "age": (48, 82), "eponyms": ["Parkinson", "Crohn", "Addison", "Bell"]},
]


# =============================================================================
# 5. Family B templates (used only for deid_dev_round33b)
# =============================================================================
def b01_pharmacy_call_log(c, r):
    s = """{LOCATION:pharm.name} - PATIENT COMMUNICATION LOG
{ADDRESS:pharm.addr}, {LOCATION:pharm.city}, {LOCATION:pharm.st} {ZIP:pharm.zip} | Main line {PHONE:ph_pharm}

Patient: {NAME:pt.LFM}      DOB: {DATE:dob.mdyy}      Profile #{ID:rxprof}
Phone: {PHONE:ph_home} (home) / {PHONE:ph_cell} (cell)
Address: {ADDRESS:pt.addr}, {LOCATION:pt.city}, {LOCATION:pt.st} {ZIP:pt.zip}
Plan: state Medicaid, recipient ID {ID:medicaid}
Allergies: sulfamethoxazole-trimethoprim ({MED=Stevens-Johnson syndrome}, {DATE:yr_dx.year}); penicillin (hives)
Prescribers on file: {NAME:ep.fml}, MD, endocrinology, {LOCATION:clinic.name}; {NAME:x1.fl_init}, NP, primary care

{DATE:dm3.md} 09:12 | INBOUND | Patient requested an early refill of methimazole 10 mg (Rx {ID:rx1}); insurance rejected as refill too soon. {pt.He} says the bottle spilled into the sink and {pt.he} will run out this weekend. Lost-medication override submitted and paid (claim {ID:claim}). -- {NAME:x2.ini}, CPhT
{DATE:dm3.md} 16:30 | PICKUP | Picked up by {pt.his} {sp.spouse}, {NAME:sp.full}; photo ID checked (driver license {ID:lic}). Counseling offered and declined. -- {NAME:x3.ini}
{DATE:dm2.md} 10:20 | INBOUND | Patient reports sore throat and fever of 38.3 C since yesterday. Pharmacist {NAME:x4.full}, PharmD, advised {pt.him} to hold methimazole and get a blood count today because of the small risk of agranulocytosis with treatment for {MED=Graves disease}. Called Dr. {NAME:ep.last}'s office and spoke with nurse {NAME:x5.full}; a STAT CBC was ordered at the {LOCATION:hosp.name} outpatient lab. -- {NAME:x4.ini}
{DATE:dm2.md} 15:45 | INBOUND | Nurse {NAME:x5.first} called back: ANC 1,900, likely viral pharyngitis. Dr. {NAME:ep.last} says it is fine to resume methimazole tomorrow and to recheck counts in one week. Patient notified at {PHONE:ph_cell} and verbalized understanding. -- {NAME:x4.ini}
{DATE:dm1.md} 11:02 | INBOUND | {pt.His} daughter, {NAME:dau.nick_full} (listed on the HIPAA authorization), asked whether {pt.his} new cold medicine is safe with propranolol. Advised to avoid pseudoephedrine products and use saline spray and acetaminophen; may use guaifenesin alone. -- {NAME:x6.ini}, PharmD
{DATE:d0.md} 08:30 | E-RX | New prescription for propranolol ER 60 mg from {NAME:x7.full}, PA-C, {LOCATION:clinic2.name}, duplicates immediate-release propranolol 20 mg from Dr. {NAME:ep.last}. Called the office ({PHONE:ph_clinic2}) and spoke with {NAME:x8.first}; PA {NAME:x7.last} confirmed the ER product replaces the IR tablets. IR profile entry inactivated (Rx {ID:rx2}). -- {NAME:x6.ini}
{DATE:d0.md} 13:15 | DELIVERY | Courier {NAME:x9.full} delivered the propranolol ER to the home; signed for by neighbor {NAME:fr.full}. -- {NAME:x9.inil}

Note: thyroid labs due before the next endocrinology visit with Dr. {NAME:ep.last} on {DATE:fu2.long}. Refill reminders set for text messages to the cell number above. Grace period on the Medicaid copay waiver ends {DATE:fu3.md}.

Reviewed by pharmacist in charge: {NAME:x10.fml}, PharmD ({DATE:d0.mdy})
"""
    return s


def b02_home_health_visit(c, r):
    s = """{LOCATION:hh.name}
SKILLED NURSING VISIT NOTE
Agency office {PHONE:ph_hh} | On-call nurse after hours {PHONE:ph3} | Referrals: {URL:url_agency}

Patient: {NAME:pt.lf}      DOB: {DATE:dob.mdy}      Agency ID: {ID:mrn}      Medicare MBI: {ID:mbi}
Visit date: {DATE:d0.dow_md}      Time in 10:05 / out 11:10      Visit 4 of 9 (start of care {DATE:dm3.md})
Clinician: {NAME:x1.full}, RN      Clinical manager: {NAME:x2.fl_init}, RN      Ordering physician: Dr. {NAME:x3.last}, {LOCATION:clinic.name}
Address: {ADDRESS:pt.addr}, {LOCATION:pt.city}, {LOCATION:pt.st} {ZIP:pt.zip}. Use the side door; key box code 4417. Small dog.

HOMEBOUND STATUS: {AGE:age}-year-old {pt.man} who leaves home only for medical appointments with the help of two people and a wheelchair, due to severe deconditioning after a two-week hospital stay at {LOCATION:hosp.name} for urosepsis, discharged {DATE:dm3.md}.

CAREGIVERS: Lives with {pt.his} son {NAME:son.nick_full} and {il_word} {NAME:il.full}; {NAME:il.pref} provides most daytime care. A neighbor, {NAME:ep.full}, checks in each afternoon and has a key. Daughter {NAME:dau.full} lives in {LOCATION:city2} and manages finances.

SUBJECTIVE: Patient says {pt.he} is "a little stronger every day." Denies pain, fever or chills. Appetite fair; drinking about 1.2 L per day per {NAME:il.first}'s log.

OBJECTIVE: BP 128/70 sitting, HR 78, RR 16, T 36.6, SpO2 95% on room air. Lungs clear. Abdomen soft. Indwelling 16 Fr {MED=Foley catheter} (for chronic retention) draining clear yellow urine, 650 mL in the bag since 07:00; catheter last changed {DATE:dm2.md}. Catheter securement device replaced. Sacrum: stage 2 pressure injury 1.5 x 1.0 cm, pink wound bed, no drainage, cleansed with saline and covered with foam dressing. {MED=Braden scale} 14 (moderate risk). {MED=Morse Fall Scale} 55 (high risk).

TEACHING: Reviewed catheter care, leg bag versus night bag, and signs of infection with {NAME:il.first} and {NAME:son.pref}, who returned demonstration. Reinforced turning every two hours and heel offloading. Medication review: no changes; the pill organizer is filled weekly by {NAME:dau.first}.

COORDINATION: Spoke with {NAME:x4.full}, PT, who will add a second weekly visit for transfer training. Called Dr. {NAME:x3.last}'s office ({PHONE:ph_clinic}) and left a message with {NAME:x5.first} requesting an order for a low-air-loss mattress; supply order placed with {NAME:x6.full} at the equipment vendor. Home health aide {NAME:x7.full} continues bathing visits twice a week.

PLAN: Next skilled nursing visit {DATE:fu0.md}; catheter change due {DATE:fu2.md}. Family may call the on-call line for fever, catheter blockage or confusion.

Electronically signed: {NAME:x1.full}, RN {DATE:d0.mdy} 12:02
"""
    return s


def b03_physical_therapy_note(c, r):
    s = """{LOCATION:clinic.name}
OUTPATIENT PHYSICAL THERAPY PROGRESS NOTE (visit 8 of 12)

Patient: {NAME:pt.CAPS}          DOB: {DATE:dob.dash}          MRN: {ID:mrn}
Date: {DATE:d0.dash}             Payer: commercial, member {ID:ins}
Referring provider: {NAME:ep.fml}, MD, {LOCATION:clinic2.name} (NPI {ID:npi})
Therapist: {NAME:x1.full}, PT, DPT      Student: {NAME:x2.full}, SPT      Aide: {NAME:x3.first}

DIAGNOSIS: Status post right total hip arthroplasty on {DATE:prior1.md} by Dr. {NAME:ep.last}; history of two falls this year.

SUBJECTIVE: {pt.mr} {NAME:pt.last} reports hip pain 2/10 at rest and 4/10 after the stairs at home. Walking the dog with a cane around the block. {pt.His} goal is to return to work at {LOCATION:employer} and to sing with the choir at {LOCATION:church}. {pt.His} {sp.spouse}, {NAME:sp.nick_full}, attended today and says {pt.he} still "drags the right leg" when tired. Home exercise program done about five days a week.

OBJECTIVE:
- Hip flexion 0-98 degrees, abduction 0-28 degrees (right).
- Strength: right hip abductors 3+/5, extensors 4-/5; knee 4+/5.
- {MED=Berg Balance Scale} 44/56 (was 37/56 at evaluation).
- Timed Up and Go 13.2 seconds with cane (was 19.8).
- Gait: mild {MED=Trendelenburg gait} on the right with fatigue; step length symmetric at self-selected speed.
- Neuro screen (falls history): light touch intact, reflexes 2+ and symmetric, {MED=Babinski sign} absent bilaterally, no clonus.

TREATMENT TODAY: Therapeutic exercise (side-lying abduction, bridges, step-ups, march in place) 25 minutes; neuromuscular re-education with tandem stance and foam 15 minutes; gait training with cane on the ramp and curb 10 minutes, supervised by {NAME:x1.first} with {NAME:x2.first} guarding.

ASSESSMENT: Good progress toward goals; balance improved by 7 points and TUG now below the fall-risk cutoff. The residual abductor weakness explains the gait deviation. Patient remains motivated; there is real hope of discharge to independent exercise in four visits.

PLAN: Continue twice weekly for two more weeks. Progress to single-leg stance and lateral band walks. Updated home program emailed to the patient at {EMAIL:pt.email}. Discussed progress with Dr. {NAME:ep.last}'s physician assistant, {NAME:x4.full}, by phone ({PHONE:ph_clinic2}); the orthopedic follow-up is on {DATE:fu1.long}. Occupational therapist {NAME:x5.fl_init} will see {pt.him} once for a tub-transfer bench. Next PT visit {DATE:fu0.dow_md} with {NAME:x6.full}, PTA, while {NAME:x1.first} is away.

{NAME:x1.full}, PT, DPT (license {ID:lic})
Co-signed student note: {NAME:x2.full}, SPT -- {NAME:x1.inil}/{NAME:x2.inil}
"""
    return s


def b04_behavioral_health_intake(c, r):
    s = """{LOCATION:clinic.name}
BEHAVIORAL HEALTH INTAKE ASSESSMENT (telehealth)

Client: {NAME:pt.lf}      DOB: {DATE:dob.mdy}      Client ID: {ID:mrn}
Date: {DATE:d0.long}      Start 13:00      End 14:05
Clinician: {NAME:x1.full}, LCSW      Clinical supervisor: {NAME:x2.fml}, PsyD
Platform: secure video. Client connected from home in {LOCATION:pt.city}, {LOCATION:pt.st} (IP {IP:ip}); identity verified with photo ID. Emergency contact confirmed: {NAME:sp.full} ({sp.spouse}), {PHONE:ph_sp}.

REFERRAL: Referred by {NAME:x3.fl_init}, MD, at {LOCATION:clinic2.name} for depression and anxiety.

PRESENTING PROBLEM: Client reports four months of low mood, poor sleep, irritability and trouble concentrating since being laid off from {LOCATION:employer} in {DATE:prior2.mon_year}. States "I used to have faith that things would work out, and now I just don't." Crying spells most days. Has been avoiding friends, including {pt.his} closest friend, {NAME:fr.nick_full}. Denies manic symptoms or psychosis.

MEDICAL HISTORY: {MED=Graves disease} treated with radioactive iodine in {DATE:yr_dx.year} by Dr. {NAME:ep.last}; now hypothyroid on levothyroxine 112 mcg. Last TSH 2.1 on {DATE:dm3.md}. Migraines. No head injuries.

PSYCHIATRIC HISTORY: One prior episode of depression in college treated with sertraline by Dr. {NAME:x4.full}; no hospitalizations; no suicide attempts.

FAMILY HISTORY: Mother, {NAME:mo.full}, with depression; {pt.his} father died in {DATE:yr2.year} and had alcohol use disorder. Maternal aunt with bipolar disorder.

SOCIAL HISTORY: Grew up in {LOCATION:city2}. Married to {NAME:sp.pref} for 14 years; two children, {NAME:son.pref} (12) and {NAME:dau.pref} (9), who attend {LOCATION:school}. Attends {LOCATION:church} occasionally. Alcohol 2-3 drinks on weekends, no drugs, no tobacco. Firearm in the home, locked; {NAME:sp.pref} holds the key.

SCREENING: PHQ-9 17; GAD-7 14; {MED=Beck Depression Inventory}-II 29 (moderate). {MED=Columbia Suicide Severity Rating Scale} screen: passive wish to "not wake up" in the past month; no active ideation, plan, intent or preparatory behavior.

MENTAL STATUS: Casually dressed, good eye contact, psychomotor slowing, mood "empty", affect constricted and tearful, thought process linear, no SI/HI at present, insight and judgment fair.

SAFETY PLAN: Completed collaboratively; warning signs, coping strategies, and contacts ({NAME:sp.pref}; friend {NAME:fr.first}; the 988 Lifeline) reviewed. Client agreed to keep the firearm locked with the key held by {NAME:sp.first}.

DIAGNOSIS: Major depressive disorder, single episode, moderate; generalized anxiety disorder.

PLAN: Weekly CBT with {NAME:x1.first}. Psychiatry evaluation with Dr. {NAME:x5.full} on {DATE:fu1.long}. Ask PCP to recheck thyroid function. Client may also join the weekly evening job-loss support group led by {NAME:x6.full}.

{NAME:x1.full}, LCSW        {DATE:d0.mdy}
Reviewed and co-signed: {NAME:x2.inid}
"""
    return s


def b05_well_child_visit(c, r):
    s = """{LOCATION:clinic.name}
WELL CHILD VISIT - 4 YEARS

Patient: {NAME:pt.full}      DOB: {DATE:dob.mdy}      MRN: {ID:mrn}
Visit date: {DATE:d0.mdy}      PCP: {NAME:x1.full}, MD      Roomed by: {NAME:x2.full}, MA
Accompanied by: mother, {NAME:mo.full}, and older sibling {NAME:sib.pref} (age 7)
Insurance: CHIP, member {ID:ins}

INTERVAL HISTORY: {NAME:pt.pref} is a healthy 4-year-old {pt.boy} here for a routine visit. Attends preschool at {LOCATION:preschool}; teacher {NAME:x3.full} reports {pt.he} follows classroom routines and plays well with peers. Sleeps 10-11 hours. Picky eater but drinks 16 oz of milk daily. Family hopes to try a summer day camp. Mother asks about bedwetting about twice a week. Seen at urgent care on {DATE:prior1.md} for otitis media, treated with amoxicillin.

BIRTH HISTORY: Born at 39 weeks at {LOCATION:hosp.name} by spontaneous vaginal delivery, birth weight 3.4 kg, {MED=Apgar} scores 8 and 9, no NICU stay.

DEVELOPMENT: {MED=Denver II} screen normal in all domains. Speaks in full sentences, tells simple stories, hops on one foot, draws a person with three parts, dresses with little help.

FAMILY HISTORY: Maternal grandfather with {MED=Hodgkin lymphoma}, in remission. Father, {NAME:fa.full}, has asthma. No sudden cardiac death.

SOCIAL: Lives with mother, father ({NAME:fa.pref}), sibling and maternal grandmother {NAME:gm.full} in {LOCATION:pt.city}. Father works nights at {LOCATION:employer}. No smokers in the home. Car seat: forward-facing five-point harness. Grandmother ({NAME:gm.pref}) provides care after preschool.

EXAM: Weight 16.8 kg (55th percentile), height 103 cm (60th), BMI 15.8. BP 96/58. Vision 20/32 both eyes; hearing pass. Well-appearing. TMs normal bilaterally. Teeth without visible caries. Heart regular, no murmur. Lungs clear. Abdomen soft, no masses. Normal external genitalia. Skin without rashes.

IMMUNIZATIONS: DTaP #5, IPV #4, MMR #2 and varicella #2 given by {NAME:ep.full}, RN, after discussion with mother; vaccine information statements provided. Influenza vaccine offered; mother will decide at the next visit.

ANTICIPATORY GUIDANCE: Reading daily, limiting screens to one hour, water safety, helmet for the scooter, and brushing twice a day with fluoride toothpaste. For nighttime wetting, reassurance; limit drinks after dinner.

REFERRALS: Dental home with Dr. {NAME:x4.last} at {LOCATION:clinic2.name}.

FOLLOW-UP: 5-year well visit in one year; nurse visit for influenza vaccine on {DATE:fu2.long} if mother agrees. Mother may reach us at {PHONE:ph_clinic} or via the portal at {URL:url_portal}.

{NAME:x1.full}, MD
Precepted resident: {NAME:x5.full}, MD -- {NAME:x5.inil}
"""
    return s


def b06_sbar_handoff(c, r):
    s = """NURSING HANDOFF REPORT (SBAR)
{LOCATION:hosp.name} | {LOCATION:ward} 6, Surgical | Room {room}-B | {DATE:d0.dow_md} 18:45
Off-going: {NAME:x1.full}, RN (days)   Oncoming: {NAME:x2.full}, RN (nights)   Charge RN: {NAME:x3.first}

S - SITUATION
{NAME:pt.LFM}, {AGE:age}, MRN {ID:mrn}, goes by "{NAME:pt.pref}". Post-op day 1 after sigmoid colectomy (laparoscopic converted to open) with Dr. {NAME:x4.last} for perforated diverticulitis. Pain controlled with the PCA; no acute events today.

B - BACKGROUND
History of {MED=Cushing syndrome} from an adrenal adenoma, treated with adrenalectomy in {DATE:yr_dx.year} and now on hydrocortisone replacement managed by Dr. {NAME:ep.full}. Type 2 diabetes, obstructive sleep apnea on CPAP (own machine at bedside). Allergy: morphine (itching). Full code. Lives with {pt.his} {sp.spouse}, {NAME:sp.pref}. {pt.His} {k1.child}, {NAME:k1.nick_full}, is the primary contact ({PHONE:ph_k1}); HIPAA release on file.

A - ASSESSMENT
- VS at 18:00: T 37.9, HR 96, BP 132/76, RR 18, SpO2 94% on 2 L nasal cannula.
- Neuro: alert and oriented x4, moving all extremities.
- GI: NPO except ice chips; NG tube removed at 14:00 per Dr. {NAME:x5.last} (surgery resident). Hypoactive bowel sounds, no flatus yet.
- {MED=Jackson-Pratt drain} left lower quadrant: 60 mL serosanguineous this shift, stripped at 16:00.
- GU: 16 Fr {MED=Foley catheter} with 420 mL clear yellow urine this shift; removal due 06:00 per protocol.
- Skin: midline incision with staples, dressing clean, dry and intact.
- Safety: {MED=Morse Fall Scale} 50, high risk; bed alarm on, non-slip socks.
- Lines: right forearm 20G and left AC 18G, both flushing.
- Glucose 212 at 17:00 by fingerstick (Dexcom G7 on the left arm reads 204); 4 units lispro given per correction scale.
- Stress-dose hydrocortisone 50 mg IV every 8 hours; next dose 22:00.

R - RECOMMENDATIONS
- Page Dr. {NAME:x5.last} ({PHONE:pg1}) if drain output is over 100 mL per hour, temperature over 38.3, or MAP under 65.
- Encourage incentive spirometer (reached 1,250 mL today) and CPAP overnight.
- PT evaluation ordered for the morning with {NAME:x6.full}, PT.
- Chaplain {NAME:x7.full} will visit tomorrow at the family's request.
- {NAME:sp.pref} plans to visit at 08:00. {pt.His} {sib.sibw}, {NAME:sib.full}, may call from {LOCATION:state2}; {sib.he} is on the approved list for updates.
- Night supervisor {NAME:x8.full} aware of the bed request for a step-down bed if oxygen needs rise.

Read-back completed. {NAME:x2.first} accepted report at 19:05 after bedside safety check with {NAME:x1.first}.
-- {NAME:x1.inil} / {NAME:x2.inil}
"""
    return s


def b07_prior_authorization_letter(c, r):
    s = """{LOCATION:clinic.name}
{ADDRESS:clinic.addr}, {LOCATION:clinic.city}, {LOCATION:clinic.st} {ZIP:clinic.zip}
Phone {PHONE:ph_clinic} | Fax {PHONE:ph_fax}

{DATE:d0.long}

Pharmacy Prior Authorization - Appeals Unit
Attn: {NAME:ep.fml}, MD, Associate Medical Director
Fax: {PHONE:ph3}

RE: Letter of medical necessity and appeal - osilodrostat 2 mg tablets
Patient: {NAME:pt.full}      DOB: {DATE:dob.mdy}
Member ID: {ID:ins}      Group: {ID:grp}
Case reference: {ID:pa_ref}      Denial dated {DATE:dm2.md} (claim {ID:claim})

Dear Dr. {NAME:ep.last},

I am writing on behalf of my patient, {NAME:pt.full}, to request that you reverse the denial of osilodrostat. {pt.mr} {NAME:pt.last} is a {AGE:age}-year-old {pt.man} with {MED=Cushing disease} diagnosed in {DATE:yr_dx.mon_year}, caused by an ACTH-secreting pituitary microadenoma. {pt.He} underwent transsphenoidal resection by Dr. {NAME:x2.full} at {LOCATION:hosp.name} on {DATE:prior2.long}, but hypercortisolism persisted: late-night salivary cortisol was elevated on three samples and 24-hour urinary free cortisol was 3.1 times the upper limit of normal on {DATE:dm3.md}.

Treatment history:
1. Ketoconazole 200 mg twice daily, stopped after ALT rose to 6 times normal.
2. Pasireotide, stopped because of severe hyperglycemia (A1c 9.1%), managed by {pt.his} diabetes specialist, Dr. {NAME:x3.last}.
3. Repeat pituitary surgery was reviewed by our neurosurgeons and is not recommended because no residual tumor is visible.
4. Bilateral adrenalectomy was discussed but declined because of the risk of {MED=Nelson syndrome} and lifelong adrenal insufficiency.

Active hypercortisolism is causing uncontrolled hypertension, proximal myopathy, a vertebral compression fracture and depression. {pt.He} has been unable to return to {pt.his} job at {LOCATION:employer}, and {pt.his} {sp.spouse}, {NAME:sp.full}, now helps with bathing. Osilodrostat is FDA-approved for adults with {MED=Cushing disease} in whom surgery is not an option or has not been curative, which applies here.

Enclosed: clinic notes from {DATE:prior1.md} and {DATE:dm3.md}; laboratory results; the operative and pathology reports; and a letter from {pt.his} psychiatrist, Dr. {NAME:x4.full}.

I am available for a peer-to-peer review. Please contact my nurse, {NAME:x5.full}, RN, at {PHONE:ph_clinic} ext. {PHONE:ext1} or {EMAIL:x5.email}.

Sincerely,

{NAME:x1.fml}, MD
Endocrinology, {LOCATION:clinic.name}
NPI {ID:npi} | License {ID:lic}

Prepared by {NAME:x6.full}, prior authorization specialist. {NAME:x1.ini}/{NAME:x6.inil}
cc: {NAME:pt.full}; {NAME:x7.full}, PharmD, {LOCATION:pharm.name}
"""
    return s


def b08_death_summary(c, r):
    s = """{LOCATION:hosp.up}
DEATH SUMMARY

Decedent: {NAME:pt.LFM}      MRN: {ID:mrn}      DOB: {DATE:dob.mdy}      SSN: {SSN:ssn}
Admitted: {DATE:adm.mdy}      Date and time of death: {DATE:dc.mdy} 04:17
Attending of record: {NAME:x1.fml}, MD (hospital medicine)
Primary oncologist: {NAME:ep.full}, MD, {LOCATION:clinic.name}
Unit: {LOCATION:ward}, room {room}

REASON FOR ADMISSION: {AGE:age}-year-old with relapsed classical {MED=Hodgkin lymphoma}, progressive after brentuximab vedotin and nivolumab, admitted with neutropenic fever, hypoxia and a right pleural effusion.

HOSPITAL COURSE: Broad-spectrum antibiotics were started in the emergency department. Blood cultures from the tunneled {MED=Hickman catheter} grew coagulase-negative staphylococci, and the line was removed on {DATE:mid1.md}. Thoracentesis on {DATE:mid2.md} removed 1.1 L of malignant fluid. Despite these measures oxygen needs rose and {pt.he} became progressively weaker. A goals-of-care meeting was held on {DATE:mid2.dow_md} with {pt.his} {sp.spouse}, {NAME:sp.full}; {pt.his} mother, {NAME:mo.full}; {pt.his} {sib.sibw}, {NAME:sib.nick_full}; Dr. {NAME:ep.last} (by video); palliative care NP {NAME:x2.fl_init}; social worker {NAME:x3.full}; and chaplain {NAME:x4.full}. The patient chose comfort-focused care and a DNR/DNI order was entered. A hospice liaison from {LOCATION:snf.name}, {NAME:x5.full}, met the family, but the patient was too unstable to transfer.

FINAL EVENTS: Over the last 12 hours respirations became irregular with {MED=Cheyne-Stokes respirations} and periods of apnea. Symptoms were managed with a hydromorphone infusion and glycopyrrolate. The patient was pronounced by Dr. {NAME:x6.full} (night hospitalist) at 04:17 on {DATE:dc.long}: no pulse, no respirations, no heart sounds for one minute, pupils fixed. Family present: {NAME:sp.first} and {NAME:sib.pref}.

NOTIFICATIONS:
- Attending Dr. {NAME:x1.last} notified at 04:30; Dr. {NAME:ep.last} by secure message.
- Organ procurement organization notified at 04:35, referral {ID:case_no}; not a candidate.
- Not a medical examiner case per {LOCATION:pt.county} investigator {NAME:x7.full}.
- Autopsy declined by {sp.spouse}. Body released to {LOCATION:funeral} at 07:50; release signed by {NAME:x8.full}, RN.

DEATH CERTIFICATE: Immediate cause, acute hypoxic respiratory failure; due to malignant pleural effusion; due to relapsed lymphoma. To be completed by Dr. {NAME:x1.last}.

{NAME:x6.full}, MD      {DATE:dc.mdy} 05:02
"""
    return s


def b09_transfer_summary(c, r):
    s = """INTERFACILITY TRANSFER SUMMARY
From: {LOCATION:hosp.name}, {LOCATION:ward}
To: {LOCATION:snf.name}, {ADDRESS:snf.addr}, {LOCATION:snf.city}, {LOCATION:snf.st} {ZIP:snf.zip}
Transfer date: {DATE:d0.mdy}      Transport: wheelchair van, pickup 13:00

Patient: {NAME:pt.lfm}      DOB: {DATE:dob.mdy}      MRN: {ID:mrn}      Medicare MBI: {ID:mbi}
Hospital attending: {NAME:x1.full}, MD
Accepting physician: {NAME:x2.full}, MD (facility medical director)
Nurse-to-nurse report: called to {NAME:x3.full}, RN, at {PHONE:ph_snf} at 11:40 by {NAME:x4.full}, RN

DIAGNOSES:
1. Right intertrochanteric femur fracture after a mechanical fall at home on {DATE:adm.md}; open reduction and internal fixation with a cephalomedullary nail by Dr. {NAME:ep.last} on {DATE:mid1.md}.
2. Postoperative delirium, resolved.
3. Acute blood loss anemia; transfused 1 unit on {DATE:mid2.md}.
4. Chronic: atrial fibrillation, hypertension, mild dementia.

HOSPITAL COURSE: {pt.mr} {NAME:pt.last} is a {AGE:age}-year-old {pt.man} who fell while reaching for a walker. {pt.He} was placed in {MED=Buck's traction} overnight before surgery. Because {pt.he} takes apixaban and hit {pt.his} head, a CT head was obtained and was negative; neurologic exam was nonfocal with {MED=Babinski sign} absent. Surgery was uncomplicated. Delirium on nights 1-2 improved with sleep hygiene, glasses and hearing aids, and low-dose quetiapine, now stopped. The {MED=Foley catheter} was removed on post-op day 2 and {pt.he} passed a voiding trial. Apixaban resumed on {DATE:mid3.md}.

FUNCTION: Transfers need maximal assistance of two; use a {MED=Hoyer lift} until PT advances {pt.him} (recommendation from {NAME:x5.full}, PT). Weight-bearing as tolerated on the right leg.

MEDICATIONS: apixaban 5 mg BID; metoprolol succinate 50 mg daily; acetaminophen 1 g every 8 hours; oxycodone 2.5 mg every 4 hours as needed; senna-docusate nightly; vitamin D 2000 units daily.

CONTACTS: Health care agent: {pt.his} {k1.child}, {NAME:k1.full} ({PHONE:ph_k1}). Secondary: {pt.his} {sib.sibw}, {NAME:sib.nick_full} ({PHONE:ph_sib}). Code status: DNR, confirmed with {NAME:k1.first} on {DATE:mid2.md}.

BELONGINGS: Hearing aids, upper denture and glasses sent with the patient. Wedding ring given to {NAME:k1.first} at the bedside.

FOLLOW-UP: Orthopedics with Dr. {NAME:ep.last} or physician assistant {NAME:x6.fl_init} on {DATE:fu1.long} at {LOCATION:clinic.name} ({PHONE:ph_clinic}); staple removal on {DATE:fu1.md} at the facility. PCP Dr. {NAME:x7.last} within two weeks.

{NAME:x1.full}, MD      Case manager: {NAME:x8.full}, RN      Social work: {NAME:x9.fl_init}, LSW
"""
    return s


def b10_dialysis_monthly_note(c, r):
    s = """{LOCATION:clinic.name} - IN-CENTER HEMODIALYSIS
MONTHLY NEPHROLOGY PROGRESS NOTE ({DATE:d0.mon_year})

Patient: {NAME:pt.LFM}      Chair 14, second shift      MRN: {ID:mrn}      DOB: {DATE:dob.mdy}
Nephrologist: {NAME:x1.full}, MD      Charge nurse: {NAME:x2.full}, RN
Dietitian: {NAME:x3.full}, RD      Social worker: {NAME:x4.full}, MSW
Date of visit: {DATE:d0.mdy}

HISTORY: End-stage kidney disease from diabetic nephropathy, on hemodialysis since {DATE:yr_dx.mon_year}. Other history: {MED=Graves disease} treated with total thyroidectomy by Dr. {NAME:ep.last}, now on levothyroxine; hypertension; peripheral neuropathy. No hospitalizations this month.

ACCESS: Left radiocephalic {MED=Brescia-Cimino fistula} created in {DATE:prior3.mon_year} by Dr. {NAME:x5.last} at {LOCATION:hosp.name}; preoperative {MED=Allen test} was normal. Good thrill and bruit today, no aneurysm, cannulation by {NAME:x6.first} without difficulty. Blood flow 400 mL/min.

INTERVAL: Patient reports cramping during the last hour of treatment twice this week and itching at night. Missed one treatment on {DATE:dm2.md} because a ride fell through; {pt.his} neighbor, {NAME:fr.nick_full}, now drives {pt.him} (the car, plate {VEHICLE:plate}, is registered for the disabled parking space). Interdialytic weight gains 2.5-3.4 kg.

EXAM: Pre-dialysis BP 158/84, post 132/72. Trace ankle edema. Lungs clear. Estimated dry weight 78.5 kg.

LABS ({DATE:dm3.md}): Kt/V 1.38, URR 72%, hemoglobin 10.4, ferritin 612, TSAT 28%, albumin 3.7, phosphorus 6.2, calcium 8.9, PTH 512, potassium 5.3, TSH 3.4.

PLAN:
1. Adequacy acceptable; keep 4-hour treatments.
2. Cramping: lower dry weight challenge to 78.0 kg slowly; dietitian {NAME:x3.first} reviewed fluid limits with {pt.him} and {pt.his} {sp.spouse}, {NAME:sp.full}.
3. Phosphorus high: increase sevelamer to 1600 mg with meals; review hidden phosphate in processed foods.
4. Secondary hyperparathyroidism: start cinacalcet 30 mg daily.
5. Anemia: continue darbepoetin per protocol; no IV iron this month.
6. Transplant: active on the waitlist at {LOCATION:hosp2.name}; coordinator {NAME:x7.full} updated. {pt.His} {sib.sibw}, {NAME:sib.full}, has started living-donor testing.
7. Social work: {NAME:x4.first} will help apply for the county transportation program and a reduced-fare card.

Patient and {NAME:sp.first} agree with the plan. Next monthly review in {DATE:fu2.mon_year}.

{NAME:x1.fml}, MD      {DATE:d0.mdy}
Seen with nurse practitioner {NAME:x8.fl_init}, NP
"""
    return s


TEMPLATES_B = [
    {"id": "B01", "fn": b01_pharmacy_call_log, "age": (38, 80), "eponyms": ["Graves"]},
    {"id": "B02", "fn": b02_home_health_visit, "age": (72, 89), "old_p": 0.45, "eponyms": ["Foley"]},
    {"id": "B03", "fn": b03_physical_therapy_note, "age": (52, 79), "eponyms": ["Babinski"]},
    {"id": "B04", "fn": b04_behavioral_health_intake, "age": (34, 52), "eponyms": ["Graves"]},
    {"id": "B05", "fn": b05_well_child_visit, "age": (4, 4), "eponyms": ["Hodgkin"]},
    {"id": "B06", "fn": b06_sbar_handoff, "age": (45, 80), "eponyms": ["Cushing", "Foley"]},
    {"id": "B07", "fn": b07_prior_authorization_letter, "age": (28, 62), "eponyms": ["Cushing"]},
    {"id": "B08", "fn": b08_death_summary, "age": (24, 89), "old_p": 0.15, "eponyms": ["Hodgkin", "Babinski", "Foley"]},
    {"id": "B09", "fn": b09_transfer_summary, "age": (74, 89), "old_p": 0.45, "eponyms": ["Babinski", "Foley"]},
    {"id": "B10", "fn": b10_dialysis_monthly_note, "age": (40, 78), "eponyms": ["Graves"]},
]


# =============================================================================
# 6. Generation, validation and output
# =============================================================================
NAME_RANGE, WORD_RANGE, MED_RANGE = (12, 25), (250, 700), (2, 5)


def validate_doc(doc: dict, b: DocBuilder):
    text = doc["text"]
    for s, e, surface in b.expected:
        assert text[s:e] == surface, (doc["id"], s, e, surface)
    for key in ("phi", "medical"):
        spans = doc[key]
        assert spans == sorted(spans, key=lambda x: x["start"]), (doc["id"], key, "unsorted")
        for a, z in zip(spans, spans[1:]):
            assert a["end"] <= z["start"], (doc["id"], key, "overlap", a, z)
    for m in doc["medical"]:
        assert text[m["start"]:m["end"]] == m["text"]
        for p in doc["phi"]:
            assert m["end"] <= p["start"] or p["end"] <= m["start"], (doc["id"], "med/phi overlap", m, p)
    n_name = sum(p["type"] == "NAME" for p in doc["phi"])
    n_words = len(text.split())
    assert NAME_RANGE[0] <= n_name <= NAME_RANGE[1], (doc["id"], "NAME count", n_name)
    assert WORD_RANGE[0] <= n_words <= WORD_RANGE[1], (doc["id"], "word count", n_words)
    assert MED_RANGE[0] <= len(doc["medical"]) <= MED_RANGE[1], (doc["id"], "medical count")
    return n_name, n_words


def unannotated_name_hits(doc: dict) -> list[str]:
    """Diagnostic only: tokens of this document's NAME spans that also occur, with the
    same capitalisation, outside every PHI and medical span.  Printed for manual review."""
    text = doc["text"]
    covered = [False] * len(text)
    for p in doc["phi"] + doc["medical"]:
        for i in range(p["start"], p["end"]):
            covered[i] = True
    toks = set()
    for p in doc["phi"]:
        if p["type"] == "NAME":
            for t in re.split(r"[\s,\"()]+", text[p["start"]:p["end"]]):
                t = t.strip(".")
                if len(t) >= 3 and t[0].isupper() and not t.isupper():
                    toks.add(t)
    hits = []
    for t in sorted(toks):
        for m in re.finditer(rf"(?<![\w'-]){re.escape(t)}(?![\w-])", text):
            if not covered[m.start()]:
                hits.append(f"{t}@{m.start()}:{text[max(0, m.start() - 25):m.end() + 25]!r}")
    return hits


def generate_family(h: int) -> tuple[list[dict], list[str]]:
    templates = (TEMPLATES_A, TEMPLATES_B)[h]
    tag = "ab"[h]
    P = Pools(h)
    r = random.Random(SEED + h)
    order = []
    for _ in range(3):                      # each template three times, shuffled per cycle
        cycle = list(templates)
        r.shuffle(cycle)
        order += cycle
    docs, notes = [], []
    for i, meta in enumerate(order, 1):
        ctx = build_ctx(r, P, meta)
        b = render(meta["fn"](ctx, r), ctx)
        doc = {"id": f"r33{tag}-d{i:02d}", "note_type": "typed",
               "patient_id": f"GEN-R33{tag.upper()}-D{i:02d}", "text": b.result(),
               "phi": b.phi, "medical": b.medical}
        n_name, n_words = validate_doc(doc, b)
        doc["_meta"] = {"template": meta["id"], "names": n_name, "words": n_words}
        for hit in unannotated_name_hits(doc):
            notes.append(f"{doc['id']} ({meta['id']}): {hit}")
        docs.append(doc)
    return docs, notes


def name_tokens(docs):
    out = set()
    for d in docs:
        for p in d["phi"]:
            if p["type"] == "NAME":
                for t in re.split(r"[\s,\"()]+", d["text"][p["start"]:p["end"]]):
                    t = t.strip(".").lower()
                    if len(t) >= 3 and t not in {"jr", "sr", "iii"}:
                        out.add(t)
    return out


def surfaces(docs, typ):
    return {d["text"][p["start"]:p["end"]].lower() for d in docs for p in d["phi"] if p["type"] == typ}


def check_families_disjoint(A, B):
    fa = {t["fn"] for t in TEMPLATES_A}
    fb = {t["fn"] for t in TEMPLATES_B}
    assert not fa & fb
    shared = name_tokens(A) & name_tokens(B)
    # three-letter initials blocks such as "RB" are filtered by the length rule; anything
    # left is a real name token used in both files
    assert not shared, f"NAME tokens shared across files: {sorted(shared)}"
    shared = surfaces(A, "LOCATION") & surfaces(B, "LOCATION")
    assert not shared, f"LOCATION surfaces shared across files: {sorted(shared)}"
    shared = {m["text"] for d in A for m in d["medical"]} & {m["text"] for d in B for m in d["medical"]}
    assert not shared, f"medical terms shared across files: {sorted(shared)}"


def main():
    check_halves_disjoint()
    A, notes_a = generate_family(0)
    B, notes_b = generate_family(1)
    check_families_disjoint(A, B)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    paths = {"a": OUT_DIR / "deid_dev_round33a.jsonl", "b": OUT_DIR / "deid_dev_round33b.jsonl"}
    for tag, docs in (("a", A), ("b", B)):
        with open(paths[tag], "w", encoding="utf-8") as f:
            for d in docs:
                row = {k: d[k] for k in ("id", "note_type", "patient_id", "text", "phi", "medical")}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    # ---- summary -------------------------------------------------------------------
    for tag, docs in (("a", A), ("b", B)):
        cnt = Counter(p["type"] for d in docs for p in d["phi"])
        names = [d["_meta"]["names"] for d in docs]
        words = [d["_meta"]["words"] for d in docs]
        meds = [len(d["medical"]) for d in docs]
        print(f"\n== {paths[tag]}  ({len(docs)} documents)")
        print("  PHI spans per type: " + ", ".join(f"{t}={cnt.get(t, 0)}" for t in sorted(PHI_TYPES)))
        print(f"  total PHI spans: {sum(cnt.values())}; medical spans: {sum(meds)} "
              f"(per doc {min(meds)}-{max(meds)})")
        print(f"  NAME per doc: {min(names)}-{max(names)} (mean {sum(names) / len(names):.1f}); "
              f"words per doc: {min(words)}-{max(words)}")
        print("  templates: " + ", ".join(f"{k}x{v}" for k, v in sorted(Counter(d['_meta']['template'] for d in docs).items())))
    for d in (A[0], A[7], B[3]):
        print(f"\n--- sample {d['id']} ({d['_meta']['template']}), first 400 chars ---")
        print(d["text"][:400])
    notes = notes_a + notes_b
    print(f"\n[diagnostic] {len(notes)} same-case occurrences of NAME tokens outside PHI/medical spans"
          " (expected: only ordinary-word distractors):")
    for n in notes:
        print("  " + n)


if __name__ == "__main__":
    main()
