"""Write the de-identification dev sets: ICU nursing notes and typed notes (``tests/nlp/data/deid_dev_*.jsonl``).

    python scripts/make_deid_dev.py [--out FILE] [--seed 7] [--notes 60]

Terse MIMIC-II style nursing progress notes ("neuro: a+ox3, mae. cv: nsr 80s, on neo gtt ..."), one third each
in mixed case, lower case and ALL CAPS, built from templates so the gold offsets are exact. They plant the
identifier classes that case-sensitive patterns miss (clinicians after dr/per/np, relatives after son/wife,
hospitals and named wards after to/from/at, bare m/d dates, '94 years, phone numbers after '#') and the false
positive traps (neo/nitro/levo, "1/2 ns", "cpap 5/5", "dr aware", eponyms). Every name and place is invented
or a common census name; no real patient is meant. Medical spans are listed so their survival is scored.

``deid_dev_typed.jsonl`` holds hand-written typed notes with the forms typed-note patterns missed: "LAST, FIRST" in
capitals, lower-case names, apostrophes, a name after a title in an address block, nicknames in parentheses, dates
without a year, identifiers with internal spaces, driver's licence numbers, ZIP+4, facility and road names.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "William", "Patricia", "David", "Joan",
         "Thomas", "Nancy", "Richard", "Barbara", "Joseph", "Dorothy", "Charles", "Helen", "Paul", "Maureen",
         "Kevin", "Eileen", "Dennis", "Theresa", "Francis", "Rita", "Walter", "Lorraine", "Edward", "Ann",
         "Jim", "Bob", "Pat", "Kathy", "Bill", "Peggy", "Tom", "Jen", "Mike", "Deb", "Nicole", "Lauren",
         "Siobhan", "Anh", "Priya", "Tatiana", "Oluwaseun", "Marisol", "Dmitri", "Kwame", "Ngozi"]
LAST = ["Murphy", "Sullivan", "Kelly", "O'Brien", "Walsh", "McCarthy", "Doherty", "Russo", "Nguyen", "Tran",
        "Cohen", "Levine", "Silva", "Pereira", "Fitzgerald", "Donovan", "Gallagher", "Hennessey", "Ricci",
        "Costa", "Shapiro", "Goldberg", "Patel", "Shah", "Chen", "Wong", "Kowalski", "Novak", "Baptiste",
        "Jean-Louis", "Okafor", "Adeyemi", "Lindqvist", "Brennan", "Callahan", "Mahoney", "Quinn", "Keane",
        "Rossi", "Medeiros", "Ferreira", "Amato", "Delgado", "Santos", "Harrington", "Whitcomb", "Ashworth",
        "Greenberg", "Kaplan", "Fernandes", "Oyelaran", "Tsvetkova", "Haddad", "Bui"]
HOSPITALS = ["St. Elizabeth's", "Mount Auburn", "Caritas Norwood", "Lahey Clinic", "Brigham", "MGH", "BIDMC",
             "NEBH", "Beverly Hospital", "Good Samaritan", "Milford Regional", "Saint Vincent", "Cape Cod Hospital",
             "Lawrence General", "Melrose Wakefield", "Whidden", "Carney Hospital", "Faulkner", "Newton Wellesley",
             "South Shore Hospital", "Emerson", "Winchester Hospital", "Metrowest", "Sturdy Memorial"]
WARDS = ["Farr 6", "Finard 4", "CC 7", "Stoneman 8", "Reisman 11", "Feldberg 7", "Shapiro 5", "Deaconess 4",
         "Kennedy 5", "Farr 10"]
TOWNS = ["Quincy", "Brockton", "Dorchester", "Revere", "Malden", "Framingham", "Lowell", "Chelsea", "Somerville",
         "Braintree", "Weymouth", "Everett", "Medford", "Waltham", "Natick"]
REL = ["wife", "husband", "son", "daughter", "sister", "brother", "niece", "mother", "dtr", "grandson"]


class Note:
    """Text built piece by piece; identifiers and medical terms record their offsets as they are appended."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.phi: list[dict] = []
        self.medical: list[dict] = []

    def t(self, s: str) -> Note:
        self.parts.append(s)
        self.n += len(s)
        return self

    def p(self, kind: str, s: str) -> Note:
        self.phi.append({"start": self.n, "end": self.n + len(s), "type": kind})
        return self.t(s)

    def m(self, s: str) -> Note:
        self.medical.append({"start": self.n, "end": self.n + len(s), "text": s})
        return self.t(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _md(r: random.Random) -> str:
    return f"{r.randint(1, 12)}/{r.randint(1, 28)}"


def _doc(r: random.Random) -> str:
    return r.choice(LAST)


def _person(r: random.Random) -> str:
    return r.choice(FIRST) if r.random() < 0.7 else f"{r.choice(FIRST)} {r.choice(LAST)}"


def _phone(r: random.Random) -> str:
    a, b = r.randint(200, 989), r.randint(1000, 9999)
    return r.choice([f"{r.choice([617, 781, 508, 978])}-{a}-{b}", f"{a}-{b}", f"({r.choice([617, 781])}) {a}-{b}",
                     f"{r.choice([617, 781])}{a}{b}"])


# ---- sections: each appends one line (or two) to the note


def s_header(n: Note, r: random.Random) -> None:
    k = r.randrange(5)
    if k == 0:
        n.t("Nursing Progress Note 7p-7a\n")
    elif k == 1:
        n.t("NPN 0700-1900\n")
    elif k == 2:
        n.t("MICU nursing note ").p("DATE", _md(r)).t("\n")
    elif k == 3:
        n.t("Nsg note, days. ")
    else:
        n.t("CCU NSG PROGRESS NOTE\n")


def s_neuro(n: Note, r: random.Random) -> None:
    n.t(r.choice(["Neuro: ", "neuro- ", "NEURO: "]))
    n.t(r.choice(["a+ox3, mae, perrl. ", "alert, follows commands, mae. ", "sedated on ", "lethargic but arousable. "]))
    if r.random() < 0.4:
        n.m("propofol").t(" gtt at 20mcg/kg/min, ")
    if r.random() < 0.3:
        n.t("hx of ").m("Parkinson's").t(", tremor at baseline. ")
    if r.random() < 0.2:
        n.t("+").m("Babinski").t(" on L. ")
    if r.random() < 0.3:
        n.t("neuro consult called, dr ").p("NAME", _doc(r)).t(" to see pt. ")
    n.t("\n")


def s_cv(n: Note, r: random.Random) -> None:
    n.t(r.choice(["CV: ", "cv- ", "C/V: "]))
    n.t(f"hr {r.randint(60, 110)}s nsr, no ectopy. sbp {r.randint(85, 140)}-{r.randint(100, 160)}'s. ")
    k = r.randrange(4)
    if k == 0:
        n.t("on ").m("neo").t(f" gtt at {r.randint(1, 9) / 10}mcg/kg/min, weaning as tol. ")
    elif k == 1:
        n.m("NITRO").t(" gtt titrated for sbp <140. ")
    elif k == 2:
        n.m("levo").t(" off since 0200. ")
    else:
        n.t("lopressor 25mg po given, ").m("NEO").t(" weaned off. ")
    if r.random() < 0.3:
        n.t("cards following, per dr. ").p("NAME", _doc(r)).t(" continue ").m("heparin").t(" gtt. ")
    if r.random() < 0.25:
        n.t("echo done ").p("DATE", _md(r)).t(". ")
    n.t("\n")


def s_resp(n: Note, r: random.Random) -> None:
    n.t(r.choice(["Resp: ", "resp- ", "RESP: "]))
    k = r.randrange(3)
    if k == 0:
        n.t("on cpap 5/5 40%, ")
    elif k == 1:
        n.t("ac 500x14 peep 5 fio2 .50, changed to ps 10/5 at 1000. ")
    else:
        n.t("4l nc sats 95-98%. ")
    n.t(r.choice(["ls coarse bilat, sx for thick tan secretions. ", "lungs clear, diminished at bases. ",
                  "abg 7.38/42/96. "]))
    if r.random() < 0.3:
        n.t(f"extubated per {r.choice(['dr', 'Dr.', 'dr.', 'DR'])} ").p("NAME", _doc(r)).t(". ")
    n.t("\n")


def s_gi(n: Note, r: random.Random) -> None:
    n.t(r.choice(["GI: ", "gi/gu- ", "GI/GU: "]))
    n.t("abd soft, +bs, ")
    if r.random() < 0.5:
        n.t("tf at goal 60cc/hr, ")
    if r.random() < 0.3:
        n.t("hx ").m("Crohn's").t(", ")
    n.m("foley").t(" draining clear yellow urine ").t(f"{r.randint(30, 90)}-{r.randint(90, 200)}cc/hr. ")
    if r.random() < 0.5:
        n.t("ivf ").m("D5 1/2NS").t(" at 75cc/hr. ")
    if r.random() < 0.3:
        n.t("1/2 strength tf held, ")
    n.t("\n")


def s_id(n: Note, r: random.Random) -> None:
    n.t(r.choice(["ID: ", "id- "]))
    n.t(f"tmax {r.choice(['99.1', '100.4', '101.2'])}, on ").m(r.choice(["vanco", "zosyn", "levofloxacin"]))
    n.t(". ")
    k = r.randrange(3)
    if k == 0:
        n.t("bc x2 sent ").p("DATE", _md(r)).t(", pending. ")
    elif k == 1:
        n.t("sputum cx from ").p("DATE", _md(r)).t(" grew gram pos cocci. ")
    else:
        n.t("wbc 12.1. ")
    n.t("\n")


def s_social(n: Note, r: random.Random) -> None:
    n.t(r.choice(["Social: ", "soc- ", "SOCIAL: ", "Dispo/social: "]))
    rel = r.choice(REL)
    k = r.randrange(6)
    if k == 0:
        n.t(f"{rel} ").p("NAME", _person(r)).t(" in to visit, updated by dr ").p("NAME", _doc(r)).t(". ")
    elif k == 1:
        n.t(f"pt's {rel} ").p("NAME", r.choice(FIRST)).t(" called, # ").p("PHONE", _phone(r)).t(". ")
    elif k == 2:
        n.t(f"{rel} and {r.choice(REL)} in to visit. family meeting planned with dr ").p("NAME", _doc(r)).t(". ")
    elif k == 3:
        n.t(f"{rel} ").p("NAME", r.choice(FIRST)).t(" (hcp) phone ").p("PHONE", _phone(r)).t(". ")
    elif k == 4:
        n.t("lives with ").t(f"{rel} ").p("NAME", r.choice(FIRST)).t(" in ").p("LOCATION", r.choice(TOWNS)).t(". ")
    else:
        n.t("family called x2, ").t(f"{rel} aware of plan. ")
    n.t("\n")


def s_history(n: Note, r: random.Random) -> None:
    k = r.randrange(5)
    yr = f"'{r.randint(80, 99)}" if r.random() < 0.7 else f"'0{r.randint(0, 9)}"
    if k == 0:
        n.t("pt is a ").t(f"{r.randint(45, 88)} yo m s/p cabg ").p("DATE", yr).t(", ")
        n.t("transferred from ").p("LOCATION", r.choice(HOSPITALS)).t(" for cath. ")
    elif k == 1:
        n.t("hx: ").m("chf").t(", mi in ").p("DATE", yr).t(", ").m("copd").t(". ")
        n.t("admitted to osh ").p("DATE", _md(r)).t(", then sent to ").p("LOCATION", r.choice(HOSPITALS)).t(". ")
    elif k == 2:
        n.t("pt came from ").p("LOCATION", r.choice(HOSPITALS)).t(" via medflight at 0300. ")
    elif k == 3:
        n.t(f"{r.randint(60, 88)} y/o f with ").m("Hodgkin's").t(" dx ").p("DATE", yr)
        n.t(", followed at ").p("LOCATION", r.choice(HOSPITALS)).t(" by dr ").p("NAME", _doc(r)).t(". ")
    else:
        n.t("pt is a ").p("AGE", str(r.randint(90, 99))).t(" yo woman from ").p("LOCATION", r.choice(TOWNS))
        n.t(" admitted ").p("DATE", _md(r)).t(" with ").m("pneumonia").t(". ")
    n.t("\n")


def s_plan(n: Note, r: random.Random) -> None:
    n.t(r.choice(["Plan: ", "P: ", "PLAN: ", "a/p: "]))
    k = r.randrange(7)
    if k == 0:
        n.t("transfer to ").p("LOCATION", r.choice(WARDS)).t(" when bed available. ")
    elif k == 1:
        n.t("call out to floor. ").t("dr aware of k 3.2, repleted. ")
    elif k == 2:
        n.t("f/u with np ").p("NAME", _doc(r)).t(" re: lines. ")
    elif k == 3:
        n.t("cont to wean ").m("neo").t(", monitor uo. per ").p("NAME", _doc(r)).t(" np, ok to start tf. ")
    elif k == 4:
        n.t("to or in am for ").m("trach").t(", consent signed by ").t(f"{r.choice(REL)} ").p("NAME", r.choice(FIRST))
        n.t(". ")
    elif k == 5:
        n.t("pt to go back to ").p("LOCATION", r.choice(HOSPITALS)).t(" ").p("DATE", _md(r)).t(" if stable. ")
    else:
        n.t("md aware, ").m("ntg").t(" sl x1 with relief. ")
    if r.random() < 0.3:
        n.t("rn ").p("NAME", r.choice(FIRST)).t(" covering. ")
    n.t("\n")


def s_events(n: Note, r: random.Random) -> None:
    n.t(r.choice(["Events: ", "ev- ", "EVENTS: "]))
    k = r.randrange(5)
    if k == 0:
        n.t("line placed on ").p("DATE", _md(r)).t(" by Dr ").p("NAME", _doc(r)).t(". ")
    elif k == 1:
        n.t("paged DR ").p("NAME", _doc(r).upper()).t(" re: hypotension, 500cc ns bolus given. ")
    elif k == 2:
        n.t("seen by ").p("NAME", _person(r)).t(" from pt, oob to chair. ")
    elif k == 3:
        n.t("pt fell at ").p("LOCATION", r.choice(["Whidden", "Stop and Shop", "Lahey Clinic", "Faulkner"]))
        n.t(" on ").p("DATE", _md(r)).t(", ").m("sdh").t(" on ct. ")
    else:
        n.t("received pt from ").p("LOCATION", r.choice(WARDS)).t(" at 1900. ")
    n.t("\n")


SECTIONS = [s_neuro, s_cv, s_resp, s_gi, s_id, s_social, s_plan, s_events]


def make_note(r: random.Random, case: str) -> Note:
    n = Note()
    s_header(n, r)
    s_history(n, r)
    for sec in SECTIONS:
        if r.random() < 0.85:
            sec(n, r)
    if r.random() < 0.4:
        n.t(r.choice(["", "-- ", "sig: "])).p("NAME", f"{r.choice(FIRST)} {r.choice(LAST)}").t(", RN\n")
    if case == "lower":
        n.parts = [p.lower() for p in n.parts]
    elif case == "upper":
        n.parts = [p.upper() for p in n.parts]
    return n


# ---- typed notes: hand-written, identifiers marked {TYPE|value}, medical terms <<term>>

TYPED = [
    "PATIENT: {NAME|O'BRIEN, PATRICK J}   MRN: {ID|4471-0932}\nDOB: {DATE|02/11/1948}\n{NAME|O'BRIEN, PATRICK J} is a 76-year-old "
    "man with <<Parkinson disease>> seen for <<falls>>.",
    "Name: {NAME|WHITAKER, DELORES}  Visit: {DATE|11/03/2022}\nMs. {NAME|Whitaker} has <<Crohn's disease>> on <<infliximab>>.",
    "pt {NAME|maria gonzalez} seen in clinic today for <<hypertension>>. her son {NAME|luis} drove her. f/u {DATE|3/14}.",
    "Referral from {NAME|D'Angelo, Marco} MD. Patient {NAME|Renée D'Souza} reports <<migraine>>.",
    "To:\nDr. {NAME|Harriet Oyelaran}\n{LOCATION|Wellspring Family Medicine}\n{ADDRESS|44 Quarry Hill Road}\n"
    "{LOCATION|Amherst}, MA {ZIP|01002-3318}\nRe: {NAME|Thomas (Tommy) Beaulieu}, <<type 2 diabetes>>",
    "Mr. {NAME|Robert} (\"{NAME|Bobby}\") {NAME|Kowalczyk} was seen {DATE|June 3} with <<gout>>. Next visit {DATE|Aug 12}.",
    "Driver's license {ID|S123-4567-8901} and insurance ID {ID|XWZ 448 812 093} on file. Seen {DATE|4/22}.",
    "Home: {ADDRESS|1187 Old Post Road}, {LOCATION|Sharon}, MA {ZIP|02067-1204}. PCP at {LOCATION|Sharon Family Health}.",
    "DL# {ID|D1234567}, issued by MA RMV. Pt {NAME|jean-paul mercier} denies <<chest pain>>.",
    "Patient: {NAME|NGUYEN, THI HOA}\nAccount #: {ID|88 4410 2291}\nDx: <<Hodgkin lymphoma>>, s/p <<ABVD>> completed "
    "{DATE|Feb 2021}.",
    "Seen at {LOCATION|Maple Ridge Dialysis} on {DATE|12/9}. Lives off {ADDRESS|Route 9} near {LOCATION|Natick}.",
    "Pt's daughter {NAME|o'neill} called re: <<Foley catheter>>. <<Babinski sign>> negative. dr {NAME|hsu} aware.",
    "CC: {NAME|KIM, SOO-JIN} ({DATE|3/2})  Attending: {NAME|Lauren McAllister}, MD\n<<Parkinson's disease>> stable on "
    "<<carbidopa-levodopa>>.",
    "Emergency contact: {NAME|Anne-Marie (Annie) Lefebvre} (sister), cell {PHONE|508 555 0199}.",
    "Transferred from {LOCATION|Holy Family Hospital} on {DATE|May 5}; <<Guillain-Barre syndrome>> suspected. "
    "Seen by Dr. {NAME|ashok raman}.",
    "Pt lives at {LOCATION|Brookhaven Assisted Living}, {ADDRESS|12 Elm Street Apt 3}, with friend {NAME|Gus}.",
]


def make_typed() -> list[dict]:
    import re

    out = []
    for i, src in enumerate(TYPED):
        n = Note()
        for tok in re.split(r"(\{[A-Z]+\|[^}]*\}|<<[^>]*>>)", src):
            if tok.startswith("{"):
                kind, val = tok[1:-1].split("|", 1)
                n.p(kind, val)
            elif tok.startswith("<<"):
                n.m(tok[2:-2])
            elif tok:
                n.t(tok)
        out.append({"id": f"typed{i:02d}", "note_type": "typed_note", "patient_id": f"DEV-T{i:02d}", "text": n.text,
                    "phi": n.phi, "medical": n.medical})
    return out


# Round 3 dev set (``deid_dev_round3.jsonl``), written before round-3 tuning with names and places unlike the other
# dev files: Caribbean, South Asian, East and West African, Pacific Islander, Eastern European names; rural US towns;
# relatives named bare. Nursing notes are written in mixed case and then put in ALL CAPS or lower case.
# (style, marked-up text): {TYPE|value} identifiers, <<term>> medical terms; upper/lower applied after markup
ROUND3: list[tuple[str, str]] = [
("upper", """NPN 1900-0700
NEURO: A+OX3, MAE, <<PERRLA>>. C/O HA, TYLENOL GIVEN.
CV: NSR 70-80S, SBP 110-130S. K 3.4 REPLETED. <<LOPRESSOR>> 25 PO.
RESP: RA, SATS 96%. LUNGS CLEAR.
SOCIAL: WIFE {NAME|LAKSHMI} AND SON {NAME|ARJUN} IN TO VISIT, SPOKE W/ DR {NAME|VENKATARAMAN} RE PLAN. {NAME|LAKSHMI} CAN BE REACHED AT {PHONE|617-555-0198}.
PLAN: ? TRANSFER TO {LOCATION|FARR 9} IN AM. CONT TO MONITOR.
"""),
("upper", """NURSING ADMIT NOTE
PT IS A 58 YO M TRANSFERRED FROM {LOCATION|HAZARD ARH} S/P FALL AT HOME IN {LOCATION|VICCO} ON {DATE|11/3}. HX <<HTN>>, <<ETOH ABUSE>>.
NEURO: LETHARGIC, OPENS EYES TO VOICE. CIWA 12, ATIVAN 2MG IV X2.
GI: NPO. <<OGT>> TO LCS.
FAMILY: DTR {NAME|WANJIRU} CALLED, UPDATED BY THIS RN. SHE LIVES IN {LOCATION|OPP}, WILL DRIVE UP TOMORROW. BROTHER {NAME|OTIENO} ALSO CALLED.
PCP DR {NAME|ACHIENG} AT {LOCATION|WHITESBURG} CLINIC NOTIFIED.
"""),
("upper", """0700-1900
EVENTS: PT EXTUBATED @ 1000, TOL WELL. SEEN BY DR {NAME|KIPROP} -- NO CHANGE IN PLAN.
CV: AFIB 90-110S, DILTIAZEM GTT @ 10. <<HEPARIN>> PER PROTOCOL, PTT 68.
RESP: 4L NC, SATS 93-95%.
SOCIAL: HUSBAND {NAME|TESFAYE} AT BEDSIDE MOST OF DAY. DAUGHTERS {NAME|MERON} AND {NAME|HIWOT} CALLED FROM {LOCATION|ADDIS ABABA}. HCP IS HUSBAND.
PAGER {PHONE|4417} FOR NIGHT TEAM.
"""),
("upper", """CCU NPN
PT SEEN BY CARDS FELLOW DR {NAME|DRAGOMIR}, ECHO {DATE|12/1} SHOWED EF 25%.
NEURO: INTACT.
CV: PACED 70, NO ECTOPY. <<SWAN-GANZ>> CO 3.9 CI 2.1.
SOCIAL: PT'S SISTER {NAME|BOGDANA WOJCIECHOWSKI} FROM {LOCATION|SCRANTON} CALLED TWICE, PHONE {PHONE|570 555 0132}. PT'S NIECE {NAME|OKSANA} IS HCP.
PLAN: F/U WITH DR {NAME|PETROVIC} AT {LOCATION|GEISINGER} AFTER D/C.
"""),
("upper", """NSG PROGRESS NOTE
PT IS {AGE|94} YO F FROM {LOCATION|SUNRISE OF ARLINGTON} ASSISTED LIVING. ADMITTED {DATE|MARCH 3RD} WITH <<UROSEPSIS>>.
ID: <<VANCOMYCIN>>/ZOSYN. TMAX 101.2. BLD CX {DATE|3/4} PENDING.
SKIN: STAGE II ON COCCYX, <<DUODERM>> APPLIED.
SOCIAL: SON {NAME|SIONE} AND HIS WIFE {NAME|MELE} VISITED, VERY CONCERNED. GRANDDAUGHTER {NAME|LEILANI} CALLED FROM {LOCATION|HILO}.
{NAME|T. FALEOLO}, RN
"""),
("upper", """MICU NURSING NOTE 7P-7A
PT REMAINS INTUBATED, AC 500X14, PEEP 8, FIO2 50%.
NEURO: SEDATED ON PROPOFOL 30MCG, RASS -2.
FAMILY MEETING HELD {DATE|FRIDAY 1/9} WITH DR {NAME|RAMASWAMY}, SW {NAME|GURPREET}, AND PT'S WIFE {NAME|HARPREET SANDHU}. WIFE WANTS FULL CODE.
SON {NAME|JASWINDER} (CELL {PHONE|(413) 555-0177}) WILL BRING PT'S BROTHER FROM {LOCATION|YUBA CITY} THIS WEEKEND.
"""),
("upper", """NPN
PT IS 44 YO M, {LOCATION|KALAUPAPA} RESIDENT, TRANSFERRED FROM {LOCATION|MOLOKAI GENERAL} FOR <<DKA>>.
ENDO: INSULIN GTT 6U/HR, BS 180-220. AG CLOSED.
SOCIAL: PT'S PARTNER {NAME|KEALOHA} AT BEDSIDE, PT'S MOTHER {NAME|MAKANA} CALLED. FRIEND {NAME|KAWIKA} BROUGHT CLOTHES.
PLAN: ENDO CONSULT, DR {NAME|NAKAMURA-LEOTA} TO SEE.
"""),
("upper", """NURSING TRANSFER NOTE
PT TO BE TRANSFERRED TO {LOCATION|SPAULDING} {DATE|4/22}. REPORT GIVEN TO {NAME|JEAN-PIERRE}, RN.
VS STABLE. PAIN CONTROLLED WITH DILAUDID PCA.
PT'S GODMOTHER {NAME|MARCELLE THIBOU} WILL MEET PT THERE. CONTACT # {PHONE|781-555-0110}.
PT'S UNCLE {NAME|LEMUEL BECKFORD} ASKED ABOUT PT'S BELONGINGS, GIVEN TO UNCLE.
"""),
("upper", """NPN 11P-7A
NEURO: ALERT, ORIENTED X2. SPEAKS AMHARIC, INTERPRETER {NAME|ABEBE} VIA PHONE.
RESP: BIPAP 12/5 OVERNIGHT, SATS 92%.
GU: FOLEY DRAINING CLEAR YELLOW.
SOCIAL: WIFE {NAME|TIGIST} AND FRIEND {NAME|HABTAMU MULUGETA} HERE UNTIL 2200. FRIEND DRIVES A GRAY HONDA PLATE {VEHICLE|7KLM 392}, ASKED SECURITY ABOUT PARKING.
"""),
("upper", """PACU TO SICU NOTE
S/P EX LAP {DATE|6/15} BY DR {NAME|NJOROGE}. EBL 400.
CV: HR 90S, SBP 100S, LR @ 125.
PT'S FIANCE {NAME|DESMOND} UPDATED BY SURGEON. MOTHER {NAME|YOLANDE DESROSIERS} ON WAY FROM {LOCATION|PORT-AU-PRINCE}, ARRIVING {DATE|6/17}.
PT WORKS AT {LOCATION|TYSON FOODS} IN {LOCATION|NOEL}.
"""),
("lower", """npn 7p-7a
neuro: a+ox3, mae. pain 4/10, <<oxycodone>> 5mg x1.
cv: sr 60s-70s, sbp 120s. neg ectopy.
resp: ra, sats 97%. ls clear.
social: dtr {NAME|priyanka} and son-in-law {NAME|rohit} visited. dtr is hcp, cell {PHONE|508.555.0164}. pt lives alone in {LOCATION|ekalaka}, mt.
plan: pt/ot, d/c to {LOCATION|prairie community} rehab when bed avail.
"""),
("lower", """nursing note
pt is 71 yo f adm {DATE|2/11} from {LOCATION|st mary's of the plains} w/ <<copd>> flare.
resp: bipap overnight, now 3l nc. nebs q4.
family: husband {NAME|zoltan} and granddaughter {NAME|reka} visited. husband asked to speak w/ dr {NAME|horvath}, paged x2. husband's cell {PHONE|#9155550187}.
{NAME|m. kovacs} rn
"""),
("lower", """npn
pt is 39 yo m s/p mvc on {DATE|8/30}, transferred from {LOCATION|sweet home} er.
neuro: gcs 14, c-collar in place.
ortho: l femur fx, ex-fix, pulses palp.
social: girlfriend {NAME|kalani} at bedside. pt's mom {NAME|losana} and step-dad {NAME|viliami} flying in from {LOCATION|nuku'alofa}. spoke with {NAME|sefa}, pt's brother, who will be the contact.
"""),
("lower", """ccu npn
pt remains on <<dobutamine>> 5, <<milrinone>> off.
cv: vpaced 80, sbp 90s. cvp 12.
gi: tol clears.
social: wife {NAME|svetlana} here all day, pt's son {NAME|dmytro} called from {LOCATION|kharkiv}, very worried. wife requests call from dr {NAME|bondarenko} re echo results.
pager {PHONE|52718} covering tonight.
"""),
("lower", """nsg note 0700-1900
pt seen by pa {NAME|ramona} and dr {NAME|chaudhry}, ok to advance diet.
endo: ss insulin.
skin: intact.
social: pt's sons {NAME|faisal} and {NAME|imran} visited, pt's wife {NAME|nasreen} is hcp. family from {LOCATION|dearborn}.
plan: d/c home {DATE|thursday} w/ vna from {LOCATION|hopehealth}.
"""),
("lower", """npn
pt 62 yo f w/ <<cirrhosis>>, adm from {LOCATION|hazlehurst} for gi bleed on {DATE|1/28}.
gi: egd by dr {NAME|mbeki}, banding x3. hct 24 -> 27 after 2u prbc.
social: pt's partner {NAME|nomvula} here, lives in {LOCATION|mendenhall}. pt's sister {NAME|thandiwe} called, # {PHONE|601-555-0193}.
"""),
("lower", """nursing progress note
neuro: intact. ciwa 4.
resp: ra.
cv: st 100s, ivf @ 100.
pt's aunt {NAME|ngozi} and cousin {NAME|chidi} visited from {LOCATION|lagos}, staying w/ friends in {LOCATION|hyattsville}. pt asked that only aunt get info. sw {NAME|beverly} following.
"""),
("lower", """npn
events: pt pulled out ngt x1, replaced, kub confirmed.
social: pt's wife {NAME|mere} and daughter {NAME|aroha} at bedside, wife asked about transfer to {LOCATION|kapiolani}. discussed w/ charge rn {NAME|tuilagi}.
plan: cont tube feeds, f/u w/ dr {NAME|sapolu} on {DATE|5/12}.
"""),
("mixed", """NPN 7p-7a
Neuro: A&Ox3, MAE. Pain controlled.
CV: NSR 70s, SBP 120s. Lopressor held for HR 55.
Resp: RA, sats 98%.
Social: Wife {NAME|Anjali} and son {NAME|Rohan} at bedside; {NAME|Anjali} is HCP. Spoke with Dr. {NAME|Subramanian} re: plan. Pt lives in {LOCATION|Gilbertown}, AL. Daughter {NAME|Kavya} calls from {LOCATION|Hyderabad} nightly.
Plan: transfer to {LOCATION|Ellison 14} tomorrow.
"""),
("mixed", """Nursing Admission Note
58 yo M admitted {DATE|10/4} from {LOCATION|Tri-County Medical Center} with <<STEMI>>, s/p cath with DES to LAD.
CV: SR 80s, no ectopy. Groin site soft.
Social: Pt's wife {NAME|Tamar} and brother-in-law {NAME|Yevgeny} visited. Pt is a trucker from {LOCATION|Mount Pleasant}, drives for {LOCATION|Werner}. Wife's cell {PHONE|402-555-0138 ext 4}.
{NAME|Z. Abramovich} RN
"""),
("mixed", """NPN
Pt seen by Dr {NAME|Oduya}, who d/w pt's daughter {NAME|Adaeze} ("{NAME|Daisy}") by phone.
Resp: 40% FM, sats 92-94%. CXR {DATE|Sun} w/ RLL infiltrate.
ID: <<ceftriaxone>>/azithro day 3.
Social: pt's grandson {NAME|Obinna} lives with pt in {LOCATION|Bowie}. Pt's pastor, Rev. {NAME|Ekwueme}, visited.
"""),
("mixed", """Nursing Note
Pt is 81 yo F from {LOCATION|Maple Grove Manor}. Dx <<Parkinson's disease>>, on sinemet.
Neuro: confused, reorients. Babinski neg.
Social: Niece {NAME|Mirela} and her husband {NAME|Dorin} visited from {LOCATION|Chisinau}; they will take pt home to {LOCATION|Tenafly} after d/c. Niece's cell {PHONE|201 555 0181}.
Plan: PT/OT, speech eval {DATE|Mon 7/7}.
"""),
("mixed", """ICU Progress Note
Events: Pt self-extubated at 0300, reintubated by Dr {NAME|Mwangi} (anesthesia).
CV: Levo 0.1, weaning. A-line dampened, flushed.
Family: pt's son {NAME|Kioni} and his wife {NAME|Wambui}, both updated. Son asked about transfer to {LOCATION|Aga Khan} when stable. Son works at {LOCATION|Safaricom}.
"""),
("typed", """Referral Letter

{DATE|March 14, 2024}

Dr. {NAME|Faisal Qureshi}
{LOCATION|Hazard Family Medicine}
{ADDRESS|118 Kentucky Blvd}
{LOCATION|Hazard}, KY {ZIP|41701}

Re: {NAME|Sunita Balasubramanian}, DOB {DATE|06/02/1951}, MRN {ID|44-918-207}

Dear Dr. {NAME|Qureshi},
Thank you for seeing Mrs. {NAME|Balasubramanian}, a 72-year-old woman with <<type 2 diabetes>> and <<chronic kidney disease>> stage 3. Her daughter, {NAME|Meenakshi Iyer}, accompanies her to visits and can be reached at {PHONE|(606) 555-0142}.
Sincerely,
{NAME|Olumide Adebayo}, MD
"""),
("typed", """MEDICATION RECONCILIATION
Patient: {NAME|TUILAGI, SIONE}    DOB: {DATE|11/23/1968}    Acct: {ID|5520 1877 3}
Pharmacy: {LOCATION|Kalihi Family Pharmacy}, {PHONE|808-555-0119}
1. <<metformin>> 1000 mg BID
2. <<lisinopril>> 20 mg daily
3. <<atorvastatin>> 40 mg nightly
Reconciled by {NAME|Leota Pau'u}, PharmD, on {DATE|2/2/24}.
"""),
("typed", """ED TRIAGE
Name: {NAME|Desrosiers, Yolande}
Age: 47   Sex: F
Arrived by: private car, driven by neighbor ({NAME|Marc-Antoine})
Chief complaint: chest pain x 2 hrs
Hx: <<hypertension>>, <<asthma>>
Emergency contact: {NAME|Jean-Baptiste Desrosiers} (husband), {PHONE|617.555.0107}
Triage RN: {NAME|C. Okonjo}
"""),
("typed", """OPERATIVE NOTE
Date of surgery: {DATE|14MAR2024}
Surgeon: {NAME|Wojciech Zielinski}, MD
Assistant: {NAME|Anca Popescu}, PA-C
Procedure: laparoscopic <<cholecystectomy>>
Findings: gangrenous gallbladder. <<Calot's triangle>> dissected.
Specimen to pathology. Pt to PACU in stable condition. Pt's husband, {NAME|Florin}, updated in waiting room.
"""),
("typed", """DISCHARGE INSTRUCTIONS
Patient: {NAME|Achieng Otieno}
Follow up with Dr. {NAME|Kamau} at {LOCATION|Ruralcare Clinic of Lusk}, {ADDRESS|204 S Main St}, {LOCATION|Lusk}, WY {ZIP|82225-1034} on {DATE|Tuesday, April 2} at 10:30.
Call {PHONE|307-555-0166 x212} with questions.
Take <<amoxicillin>> 500 mg three times a day for 7 days.
"""),
("typed", """HOME HEALTH REFERRAL
Client: {NAME|Pavel Hryhorenko}   Medicare ID: {ID|1EG4-TE5-MK73}
Address: {ADDRESS|77 Orchard Hill Rd}, {LOCATION|Pittsfield}, MA {ZIP|01201}
Caregiver: daughter {NAME|Oleksandra} ("{NAME|Sasha}")
Referring MD: Dr. {NAME|Irina Volkova} ({PHONE|413-555-0150}, fax {PHONE|413-555-0151})
Dx: <<heart failure>>, <<atrial fibrillation>> on <<warfarin>>.
"""),
("typed", """TELEPHONE ENCOUNTER {DATE|9/18/2023}
Spoke with pt's son, {NAME|Ravi Natarajan}, who reports his father (Mr. {NAME|Natarajan}) fell at home in {LOCATION|Sugar Land} last night. No LOC. Advised ED eval at {LOCATION|Memorial Hermann}. Son verbalized understanding.
{NAME|K. Abernathy-Mensah}, RN
"""),
("typed", """WORK NOTE
{DATE|Jan 5, 2024}
To whom it may concern:
{NAME|Tavita Leiataua} was seen in our clinic today and may return to work at {LOCATION|Hawaiian Airlines} on {DATE|1/8/24} without restrictions.
{NAME|Pua Kahananui}, APRN
{LOCATION|Waianae Coast Comprehensive Health Center}
"""),
("lower", """npn
neuro: a&ox3, mae.
gi: <<plavix>> held for egd {DATE|tues 3/19}.
social: pt's husband {NAME|radu} and dtr {NAME|ioana} in. dtr lives in {LOCATION|cluj}, pt's other dtr {NAME|simona popa} lives in {LOCATION|bozeman}. family requests dr {NAME|constantinescu} call them at {PHONE|406-555-0124}.
"""),
("mixed", """Nursing Note 1900-0700
Pt admitted from {LOCATION|Hilo Medical Center} {DATE|Sat} with <<sepsis>>. On Levophed 0.05.
Social: wife {NAME|Malia} and brother {NAME|Tevita} here. {NAME|Tevita} will stay overnight. Pt is Tongan-speaking; {NAME|Malia} interprets. PCP is Dr. {NAME|Fifita} in {LOCATION|Kona}.
"""),
]


def make_round3() -> list[dict]:
    import re

    out = []
    for i, (style, src) in enumerate(ROUND3):
        n = Note()
        for tok in re.split(r"(\{[A-Z]+\|[^}]*\}|<<[^>]*>>)", src):
            if tok.startswith("{"):
                kind, val = tok[1:-1].split("|", 1)
                n.p(kind, val)
            elif tok.startswith("<<"):
                n.m(tok[2:-2])
            elif tok:
                n.t(tok)
        text = n.text
        text = text.upper() if style == "upper" else text.lower() if style == "lower" else text
        assert len(text) == len(n.text)
        medical = [dict(m, text=text[m["start"]:m["end"]]) for m in n.medical]
        note_type = "typed" if style == "typed" else f"nursing_{style}"
        out.append({"id": f"r3-{i:02d}-{style}", "note_type": note_type, "patient_id": f"DEV-R3{i:02d}", "text": text,
                    "phi": n.phi, "medical": medical})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_nursing.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--notes", type=int, default=60)
    ap.add_argument("--round3", action="store_true", help="write only tests/nlp/data/deid_dev_round3.jsonl")
    args = ap.parse_args(argv)
    if args.round3:
        path = ROOT / "tests" / "nlp" / "data" / "deid_dev_round3.jsonl"
        recs = make_round3()
        with open(path, "w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps(rec) + "\n")
        print(f"wrote {len(recs)} notes to {path}")
        return 0
    r = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as fh:
        for i in range(args.notes):
            case = ("mixed", "lower", "upper")[i % 3]
            n = make_note(r, case)
            text = n.text
            for m in n.medical:  # the text after the note's letter case was applied
                m["text"] = text[m["start"]:m["end"]]
            for p in n.phi:
                assert text[p["start"]:p["end"]].strip() == text[p["start"]:p["end"]], p
            rec = {"id": f"nurse{i:02d}-{case}", "note_type": "nursing_progress_note", "patient_id": f"DEV-N{i:02d}",
                   "text": text, "phi": n.phi, "medical": n.medical}
            fh.write(json.dumps(rec) + "\n")
    print(f"wrote {args.notes} notes to {args.out}")
    typed = args.out.with_name("deid_dev_typed.jsonl")
    with open(typed, "w", encoding="utf-8") as fh:
        for rec in make_typed():
            fh.write(json.dumps(rec) + "\n")
    print(f"wrote {len(TYPED)} notes to {typed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
