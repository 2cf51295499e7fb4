"""Write the round-4 de-identification development set (``tests/nlp/data/deid_dev_round4.jsonl``).

    python scripts/make_deid_dev_round4.py [--out FILE] [--seed 404]

A development set made to differ from the earlier ones (``deid_dev_*.jsonl``, whose lists the rules were tuned on):
its own first names and surnames (South Asian, Chinese, Korean, Arabic, Greek, Scandinavian, German, French,
Portuguese, African-American, Jewish, Filipino, Native American, common English and word-like ones such as Brown,
Young, Hall, King, Wood, Bell, Rose, May, Hope), its own hospitals, rehab facilities, nursing homes, named units,
towns and counties, and its own templates:

* ICU nursing notes in three letter cases (ALL CAPS, lower case, mixed case), assembled at random from section
  fragments (neuro/cv/resp/gi/gu/id/skin/social/plan) with clinicians after dr/DR/Dr./NP/RN/PA/per/"d/w", family
  after son/dtr/wife/husband, places after from/to/at/"transferred from", dates as m/d, m/d/yy, '94, "the 3rd";
* typed documents: letters, discharge summaries, forms.

Non-PHI distractors are planted too: eponyms (Foley, Swan-Ganz, Parkinson's, Babinski, Trendelenburg), drug
abbreviations (NEO, LEVO, KCL), units (MICU/CCU/SICU), fractions and vent settings (1/2 NS, PS 5/5), clock times,
ages under 90, bare years, "OSH".

Every identifier enters through a placeholder ``{T:kind}`` or ``{T:kind=key}`` (the same ``key`` repeats a value
within a note), every medical term through ``<<term>>``, so gold offsets are exact by construction; a checker
confirms that span texts match, that spans do not overlap and that the letter case is the one intended.
All names and places are invented or common; no real patient is meant.
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
    # South Asian
    "Priyanka", "Rohan", "Anjali", "Vikram", "Deepa", "Sanjay", "Kavya", "Nikhil", "Farhan", "Shreya", "Gurpreet",
    "Manpreet", "Aarav", "Sunita",
    # Chinese
    "Xiaoming", "Mei", "Jian", "Lihua", "Zhen", "Qing", "Wei", "Yuting",
    # Korean
    "Minjun", "Seoyeon", "Jiho", "Hyunwoo", "Eunji", "Sungmin",
    # Arabic
    "Khalid", "Yousef", "Layla", "Rania", "Samir", "Nadia", "Tariq", "Amira", "Omar",
    # Greek
    "Dimitrios", "Eleni", "Konstantinos", "Despina", "Yiannis", "Stavros",
    # Scandinavian
    "Sven", "Ingrid", "Astrid", "Lars", "Bjorn", "Sigrid", "Nils", "Freya",
    # German
    "Dieter", "Helga", "Jurgen", "Gretchen", "Wolfgang", "Liesl",
    # French
    "Amelie", "Thierry", "Genevieve", "Lucien", "Margaux", "Benoit",
    # Portuguese
    "Joao", "Conceicao", "Fernanda", "Rui", "Graciete", "Tiago",
    # African-American
    "Deshawn", "Latoya", "Jamal", "Keisha", "Tyrone", "Darnell", "Imani", "Lakeisha",
    # Jewish
    "Mordechai", "Shoshana", "Yitzhak", "Miriam", "Avraham", "Rivka", "Esther",
    # Filipino
    "Maricel", "Jericho", "Rowena", "Arnel", "Divina", "Jocelyn", "Romeo",
    # Native American
    "Winona", "Takoda", "Aiyana", "Kachina",
    # common English, some word-like
    "Margaret", "Harold", "Dorothy", "Walter", "Shirley", "Eugene", "Beverly", "Russell", "Earl", "Grace", "Faith",
    "Hope", "June", "Rose", "Will", "Mark", "Bill", "Pat", "Gene", "Joy",
]
LAST = [
    "Chaudhry", "Raghunathan", "Bhattacharya", "Deshpande", "Iyer", "Malhotra",
    "Zhang", "Liang", "Huang", "Cheng", "Xu",
    "Park", "Choi", "Jeong", "Kang", "Yoon",
    "Haddad", "Mansour", "Khoury", "Nasser", "Saleh",
    "Papadopoulos", "Georgiou", "Stavrakis", "Karalis",
    "Lindqvist", "Johansson", "Haugen", "Berglund", "Nygaard",
    "Schreiber", "Vogel", "Hoffmann", "Krause", "Brandt",
    "Thibodeau", "Lavoie", "Gagnon", "Arsenault", "Dufresne",
    "Medeiros", "Furtado", "Carvalho", "Rebelo", "Pacheco",
    "Washington", "Jefferson", "Freeman", "Banks", "Gaines",
    "Goldberg", "Rosenthal", "Feldman", "Katz", "Abramowitz",
    "Bautista", "Macaraeg", "Villanueva", "Pangilinan",
    "Yellowhorse", "Begay", "Tsosie", "Redcloud",
    "Brown", "Young", "Hall", "King", "Wood", "Bell", "Rose", "May", "Hope", "Frost", "Fox", "Stone", "Hill",
    "Sweeney", "Whitaker", "Pemberton", "Oakes",
    # prefixed, hyphenated and particle surnames
    "O'Halloran", "McGovern", "MacLeod", "D'Souza", "Al-Rashid", "Abu-Saleh", "da Costa", "van Dijk",
    "Smith-Okonkwo", "St. Pierre",
]
HOSPITALS = [
    "St. Elsewhere", "Mercy West", "Brigham", "Baystate", "Lahey", "Cooley Dickinson", "Holyoke Medical Center",
    "Heywood Hospital", "Berkshire Medical Center", "Dartmouth-Hitchcock", "Maine Medical Center",
    "Charlton Memorial", "Anna Jaques Hospital", "Noble Hospital", "Harrington Memorial", "Falmouth Hospital",
    "Tobey Hospital", "Nashoba Valley Medical Center", "Athol Memorial", "Clinton Hospital", "Mercy Hospital",
    "St. Luke's", "Wing Memorial", "Concord Hospital", "Elliot Hospital", "Kent County Hospital", "Backus Hospital",
]
REHABS = [
    "Spaulding Rehab", "Hebrew Rehab", "Youville", "Whittier Rehab", "Braintree Rehab", "Fairlawn Rehab",
    "Kindred", "Radius", "Life Care Center of Nashoba", "Maplewood Manor", "Oakhill Manor", "Marian Manor",
    "Cedar Ridge Health Care Center", "Harborside Health Care Center", "Pine Knoll Nursing Home",
    "Sachem Nursing Home", "Blueberry Hill Rehab", "Glen Ridge Nursing Home", "Wachusett Manor",
]
HOME_AGENCIES = ["Nashoba VNA", "Cape Cod VNA", "Merrimack Valley VNA", "Hallmark VNA"]
UNITS = ["Ellison 8", "Blake 12", "Kessler 5", "Ryder 4", "Wyman 3", "Thorndike 7"]
TOWNS = [
    "Woburn", "Chelmsford", "Dracut", "Tewksbury", "Leominster", "Fitchburg", "Attleboro", "Taunton", "Hyannis",
    "Plymouth", "Marlborough", "Nashua", "Keene", "Brattleboro", "Bangor", "Lewiston", "Warwick", "Cranston",
    "Pawtucket", "Woonsocket", "Hartford", "Waterbury", "Chicopee", "Agawam", "Westfield", "Pittsfield",
    "North Adams", "Gloucester", "Marblehead", "Lynn", "Dedham", "Needham", "Mansfield", "Tulsa", "Fresno",
    "Boise", "Dayton", "Duluth", "Sioux Falls", "El Paso", "Macon", "Savannah", "Eastbrook", "Millbridge Falls",
    "Port Clement", "Ashcombe", "New Harlow", "Wexbury", "Orange", "Athol", "Ware", "Palmer",
]
COUNTIES = ["Worcester County", "Essex County", "Bristol County", "Hampden County", "Barnstable County",
            "Franklin County"]
STREETS = ["Maple St", "Winthrop Ave", "Prospect Hill Rd", "Elm Street", "Quarry Lane", "Bayview Drive",
           "Chestnut Terrace", "Water Street", "Old County Rd", "Pleasant St"]
REL = ["wife", "husband", "son", "dtr", "daughter", "sister", "brother", "niece", "nephew", "mother"]

TYPES = {"N": "NAME", "L": "LOCATION", "D": "DATE", "P": "PHONE", "I": "ID", "A": "AGE", "S": "ADDRESS",
         "Z": "ZIP", "E": "EMAIL", "U": "URL", "X": "SSN", "V": "VEHICLE", "R": "IP"}
_PH = re.compile(r"\{([A-Z]):(\w+)(?:=(\w+))?\}|<<(.+?)>>")


class Values:
    """Draws the value of each placeholder kind."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def md(self) -> tuple[int, int]:
        while True:
            m, d = self.r.randint(1, 12), self.r.randint(1, 28)
            if (m, d) not in {(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8), (2, 2), (5, 5), (4, 4)}:
                return m, d

    def get(self, t: str, kind: str) -> str:
        r = self.r
        if t == "N":
            f, s = r.choice(FIRST), r.choice(LAST)
            return {"first": f, "last": s, "full": f"{f} {s}", "lf": f"{s.upper()}, {f.upper()}",
                    "init": f"{f[0]}. {s}", "fmi": f"{f} {r.choice('ABCDEHJKLMRST')}. {s}",
                    "dr": r.choice([s, s, f"{f} {s}"]),
                    "nick": f"{f} \"{r.choice(['Bud', 'Sonny', 'Peanut', 'Chip', 'Dolly'])}\" {s}"}[kind]
        if t == "L":
            return {"hosp": lambda: r.choice(HOSPITALS), "rehab": lambda: r.choice(REHABS),
                    "vna": lambda: r.choice(HOME_AGENCIES), "unit": lambda: r.choice(UNITS),
                    "town": lambda: r.choice(TOWNS), "county": lambda: r.choice(COUNTIES)}[kind]()
        if t == "D":
            m, d = self.md()
            y = r.randint(1990, 2019)
            if kind == "md":
                return f"{m}/{d}"
            if kind == "mdy":
                return f"{m}/{d}/{y % 100:02d}"
            if kind == "mdyyyy":
                return f"{m:02d}/{d:02d}/{y}"
            if kind == "apos":
                return f"'{y % 100:02d}"
            if kind == "ord":
                return r.choice(["3rd", "21st", "12th", "2nd", "15th", "28th"])
            if kind == "mon":
                return f"{r.choice(['Jan', 'February', 'March', 'Apr', 'June', 'Sept', 'Oct', 'November'])} {d}"
            if kind == "long":
                return f"{r.choice(['January', 'April', 'July', 'October', 'December'])} {d}, {y}"
        if t == "P":
            a, b = r.randint(200, 989), r.randint(1000, 9999)
            return {"full": f"{r.choice(['617', '508', '978', '413', '603'])}-{a}-{b}",
                    "paren": f"({r.choice(['781', '774', '401'])}) {a}-{b}", "local": f"{a}-{b}",
                    "pager": str(r.randint(1000, 9999)), "dots": f"413.{a}.{b}"}[kind]
        if t == "I":
            return {"mrn": str(r.randint(1000000, 9999999)), "acct": f"{r.randint(10, 99)}-{r.randint(100000, 999999)}",
                    "short": str(r.randint(100000, 999999))}[kind]
        if t == "A":
            return str(r.randint(90, 103))
        if t == "S":
            return f"{r.randint(2, 980)} {r.choice(STREETS)}"
        if t == "Z":
            return f"0{r.randint(1000, 2799)}"
        if t == "E":
            return f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}@{r.choice(['gmail.com', 'comcast.net'])}"
        if t == "V":
            return f"{r.randint(1, 9)}{r.choice('ABCDKMX')}{r.choice('BGHPRT')}{r.randint(100, 999)}"
        if t == "R":
            return f"{r.randint(11, 220)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if t == "U":
            return f"www.{r.choice(['caringbridge.org/visit/', 'mychart-ne.org/u/'])}{r.randint(1000, 9999)}"
        if t == "X":
            return f"0{r.randint(10, 89)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        raise KeyError((t, kind))


def fill(template: str, vals: Values, case: str) -> tuple[str, list[dict], list[dict]]:
    """Text, gold spans and medical spans of one note; ``case`` is upper/lower/mixed/typed."""
    return fill_template(template, _PH, vals.get, TYPES, case, rng=vals.r, lower_names=0.12)


# ------------------------------------------------------------------------------------------------ nursing fragments

HEADERS = [
    "Nursing progress note 0700-1900\n",
    "NPN 7p-7a\n",
    "MICU nursing note\n",
    "CCU NPN 1900-0700\n",
    "SICU nsg admit note\n",
    "Nursing note, nights\n",
    "Addendum to npn\n",
]
OPENERS = [
    "Pt is a 67 yo M transferred from {L:hosp} on {D:md} s/p fall at home in {L:town}.\n",
    "72 yo F admitted from {L:rehab} with urosepsis, hx CHF, DM2.\n",
    "Pt is a {A:age} yo F from {L:rehab}, sent in for AMS.\n",
    "58 yo man rec'd from {L:hosp} ED at 0230 after MVC on Rt 2.\n",
    "Pt admitted 2019 w/ similar presentation; this admit transferred from {L:hosp} for cath.\n",
    "Pt is an 81 yo woman from {L:town} who lives w/ dtr {N:first=d1}; PCP is Dr. {N:dr}.\n",
    "63 yo M with hx of <<Parkinson's>> dz, CAD s/p CABG {D:apos}, came in from OSH with hypotension.\n",
    "Events: pt returned from cath lab at 1400, R groin site benign.\n",
    "Transfer from {L:unit} overnight for resp distress; seen in ED at {L:hosp} on {D:mdy}.\n",
    "Pt is a 79 yo F med-flighted from {L:hosp} in {L:town} {D:md} w/ SAH.\n",
    "Pt arrived from {L:rehab} at 2130 via ambulance, accompanied by son {N:first=s1}.\n",
    "Pt is a {A:age} yo man, NH resident ({L:rehab}), admitted {D:md} w/ PNA.\n",
    "Pt known to this unit from admit in {D:apos}. Came via {L:town} EMS, initially seen at {L:hosp}.\n",
    "Pt is 55 yo F, onc pt of Dr. {N:full} at {L:hosp}, admitted on the {D:ord} with neutropenic fever.\n",
]
NEURO = [
    "Neuro: A+Ox3, MAE, follows commands. PERRLA. <<Babinski>> neg.\n",
    "Neuro: lethargic but arousable, moving all ext, grips 5/5 bilat. Pt states he lives in {L:town} and wants to go home.\n",
    "Neuro: sedated on <<propofol>> 30 mcg, RASS -2. Hx of <<Parkinson's>>, sinemet held.\n",
    "Neuro: alert, oriented x2, calling out for {N:first=s1}. Given <<haldol>> 2 mg IV with effect.\n",
    "Neuro: intact. Denies pain. Speaks Portuguese, interpreter {N:full} used for consent.\n",
    "Neuro: MAE, garbled speech. Neuro consult Dr {N:full} saw pt at 1600, CT neg. Pt oriented to self, thinks he is at {L:hosp}.\n",
    "Neuro: GCS 14, agitated overnight. Pt asking for his wife {N:first=w} and daughter {N:first=d1}.\n",
]
CV = [
    "CV: NSR 80s, no ectopy. SBP 90s-110s on <<NEO>> at 1.2 mcg/kg/min, weaning. <<Swan-Ganz>> CO 4.1 CI 2.3.\n",
    "CV: afib 100-120s, <<dilt>> gtt @ 10. K 3.3 repleted w/ 40 meq <<KCL>>. Seen by Dr {N:dr}, EP fellow.\n",
    "CV: HR 70s SR. Off <<LEVO>> since 0400. Pulses palp. D/w Dr. {N:dr} re: <<lopressor>>, will start 12.5 po bid.\n",
    "CV: hypotensive to 80s at 0300, 500cc bolus x2, MD {N:last} aware. Now 100s/60s.\n",
    "CV: VSS. TTE done {D:md}, EF 35%.\n",
]
RESP = [
    "Resp: on CPAP 5/5, FiO2 40%, sats 95-98%. LS coarse bilat, sxn for thick tan sputum.\n",
    "Resp: extubated at 1000 per Dr {N:dr}, now on 4L NC sats 93%. Placed in <<Trendelenburg>> briefly for line.\n",
    "Resp: AC 500x14, PEEP 8, PS 10/5 trial failed. RT {N:first} aware.\n",
    "Resp: RA, sats 96%. LS clear, diminished at bases.\n",
]
GI = [
    "GI: abd soft, +BS. TF at goal. Had small BM. Given 1/2 NS at 75/hr.\n",
    "GI/GU: NPO for procedure. <<Foley>> draining clear yellow urine, 40-60 cc/hr.\n",
    "GI: tolerating clears, no n/v. Hx of <<Crohn's>>; GI consult per {N:last} NP.\n",
    "GU: <<Foley>> d/c'd at 0600, DTV by 1400. Lasix 20 IV given.\n",
]
ID = [
    "ID: Tmax 101.2, pan cx'd. On <<vanco>>/<<zosyn>>. WBC 14.\n",
    "ID: afebrile. MRSA swab from {L:hosp} positive {D:md}; on contact precautions.\n",
    "Skin: stage 2 on coccyx, duoderm applied. Wound RN {N:full} consulted.\n",
    "Endo: RISS, FS 140-180s. <<Insulin>> gtt off.\n",
    "ID: Cx from {L:hosp} {D:mdy} grew <<MRSA>>, per ID fellow {N:full}. On <<vanco>> 1 gm q12.\n",
    "Skin: intact. Pt seen by PT ({N:first}) who recommends rehab. <<Babinski>> upgoing on L, Dr {N:dr} notified.\n",
]
SOCIAL = [
    "Social: wife {N:first=w} in to visit, updated by this RN. She can be reached at {P:full}.\n",
    "Social: son {N:first=s1} called from {L:town}, updated. Dtr {N:first=d1} is HCP, lives in {L:town}.\n",
    "Social: husband {N:full} at bedside most of day, very supportive. Home # {P:local}.\n",
    "Family: pt's daughter {N:full} called x2, wants call back at {P:paren}. Sister {N:first} from {L:town} will visit this weekend.\n",
    "Social: lives alone in {L:town}. Niece {N:first} is contact, #{P:local}. Pt's friend {N:full} also called.\n",
    "Social: SW {N:full} following; ? placement at {L:rehab} vs {L:rehab}. Wife {N:first=w} aware.\n",
    "Family mtg held {D:md} w/ Dr {N:dr}, SW, son {N:first=s1} and dtr {N:first=d1}; pt made DNR/DNI.\n",
    "Social: pt's wife {N:first=w} called from {L:county}, plans to come in the am. Son {N:first=s1} is HCP.\n",
    "Social: dtr {N:first=d1} visited, spoke w/ Dr. {N:dr} re: plan. Pt was at {L:hosp} in {D:apos} for similar.\n",
    "Social: pt's son {N:full} in from {L:town}; dtr-in-law {N:first} also here. Pt worked at {L:hosp} for 30 yrs.\n",
    "Social: {N:first=w} (wife) called, # is {P:full}. Pt's brother {N:first} lives in {L:county}.\n",
    "Social: hcp is sister {N:full}, {P:full}. Pt was living at {L:rehab} prior to admit.\n",
    "Social: grandson {N:first} at bedside, asking for updates. Girlfriend {N:first} called x3 from {L:town}.\n",
    "Family: wife and dtr in, wife's name is {N:first}. They drove from {L:town} and are staying at the Marriott.\n",
    "Social: dtr {N:first} {N:last} (lives in {L:town}) called, spoke with Dr {N:dr} by phone.\n",
]
PLAN = [
    "Plan: ? transfer to {L:unit} in am. Cont to monitor. Pager {P:pager} for questions.\n",
    "Plan: d/c to {L:rehab} when bed available, likely {D:md}. {L:vna} referral sent.\n",
    "Plan: f/u w/ Dr {N:dr} at {L:hosp} on the {D:ord}. Cont abx x 7 days.\n",
    "Plan: cont current mgmt, wean <<NEO>> as tol, SICU team aware. Report given to {N:first} RN.\n",
    "Plan: repeat lytes at 2200. Per NP {N:last}, hold <<heparin>> for LP tomorrow.\n",
    "Plan: CT head at 1500; results to Dr {N:dr} pager {P:pager}. Will return to {L:hosp} for f/u {D:mdy}.\n",
    "Plan: family meeting {D:md} at 1100 with Dr. {N:dr} and PA {N:first}. Call {N:first=w} at {P:full} if changes.\n",
    "Plan: d/w {N:dr} (renal), no HD tonight. Recheck K at 0400. Team aware.\n",
    "Plan: per {N:first} in admitting, bed on {L:unit} tomorrow. Pt accepted to {L:rehab} for {D:md}.\n",
    "Plan: awaiting call back from Dr {N:dr} at {L:hosp}, # {P:full}. Transfer to {L:hosp} when bed available.\n",
    "Plan: d/c home {D:md} w/ {L:vna}. Pt to f/u with PCP {N:full} in {L:town} in 1 wk.\n",
    "Plan: MICU team to re-eval in am. Resident {N:full} aware of lytes. Covering NP {N:first} {N:last}.\n",
    "Plan: HD in am per renal fellow {N:full}. Cont q2h turns. Next dose due 2200.\n",
]
SIGS = ["{N:init} RN\n", "-- {N:full}, RN\n", "{N:first} {N:last} RN\n", "", ""]


def nursing(rng: random.Random, vals: Values, case: str, i: int) -> dict:
    parts = [rng.choice(HEADERS), rng.choice(OPENERS)]
    for pool in (NEURO, CV, RESP, GI, ID, SOCIAL, PLAN):
        parts += rng.sample(pool, 2 if pool in (SOCIAL, CV) and rng.random() < 0.4 else 1)
    parts.append(rng.choice(SIGS))
    text, phi, med = fill("".join(parts), vals, case)
    return {"id": f"r4-n{case[0]}{i:02d}", "note_type": f"nursing_{case}", "patient_id": f"DEV-R4N{case[0]}{i:02d}",
            "text": text, "phi": phi, "medical": med}


# ------------------------------------------------------------------------------------------------ typed documents

TYPED = [
    ("Dear Dr. {N:last},\n\nThank you for referring {N:full=p} (MRN {I:mrn}) to the <<Parkinson's>> clinic at "
     "{L:hosp}. I saw her on {D:long}. She is a 71 year old woman who lives with her husband {N:first} in "
     "{L:town}. Her tremor began in 2015. On exam there is cogwheel rigidity; <<Babinski>> is absent.\n\n"
     "We will see her again on {D:mon}. Please call my office at {P:paren} with questions.\n\n"
     "Sincerely,\n{N:full}, MD\nMovement Disorders, {L:hosp}\n"),
    ("DISCHARGE SUMMARY\nPatient: {N:lf}    MRN: {I:mrn}\nAdmission date: {D:mdyyyy}   Discharge date: {D:mdyyyy}\n"
     "Attending: {N:full}, MD\n\nHOSPITAL COURSE: Mr. {N:last=pl} is an 84 year old man transferred from "
     "{L:hosp} with NSTEMI. He underwent cath on {D:md} with DES to the LAD. A <<Foley>> was placed and removed "
     "on day 2. Course was complicated by <<delirium>>.\n\nDISPOSITION: discharged to {L:rehab} in {L:town}.\n"
     "Follow-up: Dr. {N:full} in cardiology clinic on {D:mdy}.\n"),
    ("HOME HEALTH REFERRAL\nAgency: {L:vna}\nPatient name: {N:full}\nDOB: {D:mdyyyy}\nAddress: {S:st}, {L:town}, "
     "MA {Z:zip}\nPhone: {P:full}\nPrimary caregiver: daughter {N:full}, cell {P:full}\nDiagnoses: CHF, "
     "<<COPD>>, DM2\nServices: skilled nursing, PT. Start of care {D:md}.\nReferring provider: {N:full}, NP\n"),
    ("Medication reconciliation\nName: {N:full}   Acct #: {I:acct}\nAllergies: PCN\n1. <<metoprolol>> 25 mg "
     "bid\n2. <<KCL>> 20 meq daily\n3. aspirin 81 mg daily\nReconciled by {N:full}, PharmD on {D:mdy}.\n"
     "Pharmacy: {L:town} CVS, fax {P:full}\n"),
    ("ED TRIAGE\nArrival: 03:42 by ambulance from {L:town} FD\nName: {N:full}  Age: {A:age}\nChief complaint: "
     "fall, hip pain. Lives at {L:rehab}.\nEmergency contact: {N:full} (son) {P:full}\nPCP: Dr. {N:full}, "
     "{L:town} Family Practice\n"),
    ("OPERATIVE REPORT\nDate of procedure: {D:long}\nSurgeon: {N:full}, MD   Assistant: {N:full}, PA-C\n"
     "Procedure: laparoscopic <<cholecystectomy>>. The patient was placed in reverse <<Trendelenburg>>. "
     "Estimated blood loss 20 cc.\nDictated by {N:full} at {L:hosp}.\n"),
    ("To whom it may concern,\n\n{N:full} was seen in our clinic on {D:long} and may return to work on "
     "{D:mon}. Please contact me at {P:paren} or {E:mail} with any questions.\n\n{N:full}, NP\n"
     "{L:hosp}, {S:st}, {L:town}, NH {Z:zip}\n"),
    ("AUTHORIZATION FOR RELEASE OF RECORDS\nI, {N:full=p}, date of birth {D:mdyyyy}, SSN {X:ssn}, authorize "
     "{L:hosp} to release my records to {L:rehab}, {S:st}, {L:town}.\nSignature: {N:full=p}   Date: {D:mdy}\n"
     "Witness: {N:full}\n"),
    ("Patient: {N:fmi}\nSeen in follow-up {D:md}. Recovering from <<pneumonia>> after stay at {L:hosp} in "
     "{L:county}. Wife {N:first} reports better appetite. Neighbor {N:full} drives her to visits.\nRTC 3 months. "
     "Portal: {U:url}\n"),
    ("TRANSFER FORM\nFrom: {L:hosp} MICU   To: {L:hosp} CCU\nPatient: {N:lf}   MR#: {I:mrn}\nDate: {D:mdyyyy}\n"
     "Reason: needs EP study. Accepting MD: Dr. {N:full}. Report called to {N:full}, RN at {P:full} x{P:pager}.\n"),
    ("Dear {N:first},\n\nYour test results from {D:long} are normal. Dr. {N:last} would like to see you in "
     "{L:town} on {D:mon} at 10:30. If you cannot keep this appointment call {P:dots}.\n\n"
     "{L:hosp} Cardiology Associates\n"),
    ("Hospice intake\nPatient: {N:full}, {A:age} years old, resides at {L:rehab} in {L:town}.\nHCP: "
     "{N:full} (niece), {P:full}. Chaplain {N:full} notified {D:md}. Dx: end stage <<Alzheimer's>>.\n"),
    ("PARKING PLACARD APPLICATION\nApplicant: {N:full}\nAddress: {S:st}, {L:town}, MA {Z:zip}\nCertifying "
     "clinician: {N:full}, MD   License #: {I:short}\nCondition: <<COPD>>, cannot walk 200 ft. Date {D:mdy}.\n"),
    ("Progress note, outpatient\n{N:full} returns after admission to {L:hosp} ({D:md}-{D:md}). Seen by "
     "<<neurology>> there, Dr {N:last}. Cousin {N:first} lives nearby in {L:town}. Plan: <<Swan-Ganz>> not "
     "needed; labs at {L:hosp} lab.\n"),
    ("Consult request\nTo: Dr {N:full}, nephrology\nFrom: {N:full}, NP, {L:unit}\nRe: {N:lf}, MRN {I:mrn}\n"
     "Cr 2.4 from 1.1 on {D:md}. Pt previously followed at {L:hosp} dialysis unit in {L:town}.\n"),
    ("EMS HANDOFF\nUnit: {L:town} Fire Rescue 3\nPt: {N:full}, approx 40s, restrained driver in MVC on "
     "{S:st} at 0215. Vehicle plate {V:plate}. Police: Officer {N:full}, {L:town} PD, badge {I:short}.\n"
     "Bystander {N:full} called 911 from {P:full}. GCS 15 on scene.\n"),
    ("Patient portal access log\nUser: {E:mail} from {R:ip} on {D:mdyyyy} 22:14\nProxy: {N:full} "
     "(daughter), verified by {N:full}, HIM clerk.\nPatient: {N:lf} MRN {I:mrn}\n"),
    ("Clinic note\n{N:nick} is a {A:age}yo widower seen with his son {N:full}. He moved from {L:town} to "
     "{L:rehab} in March. Fell on {D:mon}. Plan: PT at {L:hosp} outpatient. Cc: Dr {N:full}, fax {P:paren}.\n"),
    ("Social work note\nMet with pt's wife {N:full} and son {N:first}. Family lives in {L:town}, about an hour from "
     "{L:hosp}. Pt worked at the mill in {L:town} until 1998. Referral to {L:rehab} and {L:vna} made. "
     "Contact: {E:mail}, {P:full}.\n"),
]


def typed(rng: random.Random, vals: Values, i: int) -> dict:
    text, phi, med = fill(TYPED[i % len(TYPED)], vals, "typed")
    return {"id": f"r4-t{i:02d}", "note_type": "typed", "patient_id": f"DEV-R4T{i:02d}", "text": text, "phi": phi,
            "medical": med}


def build(seed: int) -> list[dict]:
    rng = random.Random(seed)
    vals = Values(rng)
    notes = []
    for i in range(16):
        for case in ("upper", "lower", "mixed"):
            notes.append(nursing(rng, vals, case, i))
    for i in range(len(TYPED)):
        notes.append(typed(rng, vals, i))
    check_notes(notes, first_chars="'(")
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round4.jsonl")
    ap.add_argument("--seed", type=int, default=404)
    args = ap.parse_args(argv)
    write_notes(build(args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
