"""Write the round-8 de-identification development set (``tests/nlp/data/deid_dev_round8.jsonl``).

    python scripts/make_deid_dev_round8.py [--out FILE] [--seed 808]

A development set made to differ from rounds 4 to 7 and the earlier sets, aimed at identifier *formats* in typed
clinical documents (~45: letters, registration and insurance forms, discharge summaries, implant cards, vaccine
records, fitness-to-drive forms, pharmacy and lab forms) and nursing notes (~30, in ALL CAPS, lower case and mixed
case):

* dates with and without a year: "3rd of May", "05.03.24", "Mar-5", "5/3", ISO, with a weekday, ranges "5/3-5/7",
  "05MAR2024", "March 2024", "'94";
* phone and fax numbers with extensions, dots, spaces, "#" prefixes and international forms;
* identifiers: MRN, account, health plan beneficiary, licence and certificate numbers, DEA, NPI, driver's licences
  in several state formats, identifiers with internal spaces or dashes ("Acct no. 44 1923 07"), device serial
  numbers and implant / vaccine lot numbers;
* vehicles (VINs, plates with and without their state), URLs, IP addresses, e-mail addresses, street addresses with
  unit numbers, PO boxes, rural routes, highway contracts and ZIP+4.

What is *not* an identifier follows HIPAA Safe Harbor, which removes every element of a date except the year and
ages over 89: a year alone ("in 2019", "since 2015"), a season with its year ("spring of 2019"), durations, times of
day, lab values, doses ("5/325"), blood pressures, ratios, scores, ICD-10 and CPT codes and NDC product codes are
kept as distractors. Lot numbers follow the earlier sets (an identifier); an NDC names a product, not a person.

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
    "Sigrid", "Torvald", "Astrid", "Leif",  # Scandinavian
    "Joost", "Marieke", "Pieter", "Femke",  # Dutch
    "Joao", "Conceicao", "Tiago", "Graca",  # Portuguese
    "Thanh", "Quynh", "Duc", "Hoa",  # Vietnamese
    "Jisoo", "Minjun", "Hyejin", "Seojun",  # Korean
    "Wislande", "Jean-Robert", "Marjorie", "Fritzner",  # Haitian
    "Keoni", "Leilani", "Makana", "Noelani",  # Hawaiian
    "Aodhan", "Siobhan", "Cathal", "Brigid",  # Irish
    "Wendell", "Loretta", "Delbert", "Opal", "Virgil", "Mavis",  # rural American
    "Ezekiel", "Tabitha", "Josiah", "Priscilla",
]
LAST = [
    "Lindqvist", "Haugen", "Bjornstad", "Ekdahl",
    "Verhaegen", "de Groot", "Bakker", "Mulder",
    "Figueiredo", "Carvalho", "Magalhaes", "Pimentel",
    "Truong", "Huynh", "Dang", "Phan",
    "Jang", "Seo", "Hwang", "Baek",
    "Pierre-Louis", "Desrosiers", "Toussaint", "Jean-Baptiste",
    "Kahananui", "Akana", "Kealoha", "Mahoe",
    "O'Sullivan", "D'Amato", "O'Keefe", "Ni Dhomhnaill", "McGillicuddy",
    "Pruitt", "Hollingsworth", "Kilgore", "Tackett", "Shifflett", "Crabtree",
]
NICK = ["Dutchie", "Sonny", "Bitsy", "Hank", "Toots", "Kiki"]
HOSPITALS = ["Pine Grove Hospital", "Kahului Medical Center", "Saint Brendan's", "Tri-County Regional",
             "Millbrook General", "Hollister Memorial Hospital", "North Shore Medical Center"]
FACILITIES = ["Birchwood Assisted Living", "Copper Ridge Nursing Home", "Stonebridge Rehabilitation Center",
              "Quail Run Senior Living", "Kalama Care Center"]
ABROAD = ["Manila", "Cebu City", "Davao", "Quezon City"]
TOWNS = ["Greenfield", "Pittsfield", "Hilo", "Wailuku", "Bangor", "Presque Isle", "Rutland", "Keene", "Hazard",
         "Pikeville", "Elkins", "Bluefield", "Harlan", "Brattleboro", "Lewiston", "Kaneohe"]
STREETS = ["Old County Rd", "Mill Pond Lane", "Chestnut Hill Road", "N Highland Ave", "Quarry Street",
           "Kamehameha Hwy", "Orchard Way", "Depot St", "Ridgeview Drive", "Pleasant Valley Rd", "Schoolhouse Lane"]
UNIT = ["Apt 3B", "Unit 12", "#4", "Apt. 210", "Suite 1100", "Trlr 6", "Bldg C, Apt 7"]
STATES = ["MA", "ME", "VT", "NH", "KY", "WV", "HI", "NY", "CA", "FL", "IL", "PA"]
MON_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DOMAINS = ["pinegrovehealth.org", "kahului-mc.org", "tricountyregional.net", "millbrookgen.com"]

TYPES = {"N": "NAME", "L": "LOCATION", "D": "DATE", "P": "PHONE", "I": "ID", "A": "AGE", "S": "ADDRESS",
         "Z": "ZIP", "E": "EMAIL", "U": "URL", "X": "SSN", "V": "VEHICLE", "R": "IP"}
_PH = re.compile(r"\{([A-Z]):(\w+)(?:=(\w+))?\}|<<(.+?)>>")


def _ord(d: int) -> str:
    return f"{d}" + ("th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


class Values:
    """Draws the value of each placeholder kind."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def md(self) -> tuple[int, int]:
        while True:  # no fraction-like day/month pairs: "1/2" is a half in any note
            m, d = self.r.randint(1, 12), self.r.randint(3, 28)
            if (m, d) not in {(3, 4), (3, 8), (1, 3), (1, 4), (2, 3), (1, 8)}:
                return m, d

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def alnum(self, n: int) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))

    def date(self, kind: str) -> str:
        r = self.r
        m, d = self.md()
        y = r.randint(1940, 2025)
        mf, ma = MON_FULL[m - 1], MON_ABBR[m - 1]
        return {
            "iso": f"{y}-{m:02d}-{d:02d}", "dots": f"{d:02d}.{m:02d}.{y % 100:02d}", "monds": f"{ma}-{d}",
            "md": f"{m}/{d}", "mdpad": f"{m:02d}/{d:02d}", "ordof": f"{_ord(d)} of {mf}", "monord": f"{mf} {_ord(d)}",
            "wklong": f"{WEEKDAYS[r.randrange(7)]}, {mf} {d}, {y}", "wkmd": f"{WD_ABBR[r.randrange(7)]} {m}/{d}",
            "mdy": f"{m}/{d}/{y}", "mdyy": f"{m:02d}/{d:02d}/{y % 100:02d}", "dash": f"{m:02d}-{d:02d}-{y}",
            "long": f"{mf} {d}, {y}", "dmy": f"{d} {mf} {y}", "monyr": f"{mf} {y}", "apos": f"'{y % 100:02d}",
            "glued": f"{d:02d}{ma.upper()}{y}", "dmonyy": f"{d}-{ma}-{y % 100:02d}", "abbr": f"{ma}. {d}",
            "mon": f"{mf} {d}", "ordonly": f"the {_ord(d)}", "monyrabbr": f"{ma} '{y % 100:02d}",
            "isoslash": f"{y}/{m:02d}/{d:02d}",
        }[kind]

    def phone(self, kind: str) -> str:
        r = self.r
        ac = r.choice(["413", "207", "802", "603", "606", "304", "808", "518", "916", "305", "217", "570"])
        a, b = r.randint(201, 989), r.randint(1000, 9999)
        return {
            "dots": f"{ac}.{a}.{b}", "ext": f"({ac}) {a}-{b} ext. {r.randint(10, 9999)}",
            "x": f"{ac}-{a}-{b} x{r.randint(100, 999)}", "spaces": f"{ac} {a} {b}", "paren": f"({ac}) {a}-{b}",
            "plus1": f"+1 ({ac}) {a}-{b}", "uk": f"+44 20 {r.randint(7000, 8999)} {r.randint(1000, 9999)}",
            "mx": f"+52 55 {r.randint(1000, 9999)} {r.randint(1000, 9999)}", "dash": f"{ac}-{a}-{b}",
            "one": f"1-{ac}-{a}-{b}", "plain": f"{ac}{a}{b}", "pdots": f"({ac}) {a}.{b}",
            "extw": f"{ac}-{a}-{b}, extension {r.randint(100, 9999)}", "local": f"{a}-{b}",
            "ph": f"+63 2 {r.randint(8000, 8999)} {r.randint(1000, 9999)}",
        }[kind]

    def ident(self, kind: str) -> str:
        r, L, D, A = self.r, self.letters, self.digits, self.alnum
        return {
            "mrn": D(8), "mrndash": f"{D(4)}-{D(4)}", "mrnsp": f"{D(3)} {D(3)} {D(2)}",
            "acctsp": f"{D(2)} {D(4)} {D(2)}", "acct": f"{D(9)}",
            "mbi": f"{D(1)}{L(2)}{D(1)}-{L(1)}{A(1)}{D(1)}-{L(2)}{D(2)}", "hpbn": f"{L(3)} {D(3)} {D(3)} {D(3)}",
            "member": f"{L(3)}{D(9)}", "group": f"{D(6)}-{L(1)}{D(2)}", "policy": f"{L(1)}{D(2)}-{D(5)}-{D(2)}",
            "medlic": f"{r.choice(['MD', 'RN', 'DO'])} {D(5)}", "lic": f"{L(1)}{D(6)}",
            "cert": f"{r.randint(2000, 2024)}-{D(5)}", "dea": f"{L(2)}{D(7)}", "npi": f"1{D(9)}",
            "npisp": f"1{D(3)} {D(3)} {D(3)}",
            "dlca": f"{L(1)}{D(7)}", "dlny": f"{D(3)} {D(3)} {D(3)}", "dlfl": f"{L(1)}{D(3)}-{D(3)}-{D(2)}-{D(3)}-{D(1)}",
            "dlil": f"{L(1)}{D(3)}-{D(4)}-{D(4)}", "dlpa": f"{D(2)} {D(3)} {D(3)}", "dlma": f"S{D(8)}",
            "dlmi": f"{L(1)} {D(3)} {D(3)} {D(3)} {D(3)}", "serial": f"{L(3)}{D(6)}{L(1)}",
            "serialdash": f"{D(4)}-{L(2)}-{D(4)}", "serialsp": f"{L(2)} {D(3)} {D(3)}", "lot": f"{L(2)}{D(4)}{L(1)}",
            "claim": f"{D(2)}-{D(7)}-{D(2)}", "medicaid": f"{L(2)} {D(2)} {D(2)} {D(3)} {L(1)}",
            "passport": f"{D(9)}", "case": f"{L(2)}-{D(2)}-{D(5)}", "rx": f"RX{D(7)}", "enc": f"E{D(9)}",
        }[kind]

    def vehicle(self, kind: str) -> str:
        A, L, D = self.alnum, self.letters, self.digits
        return {"vin": A(11) + D(6), "plate": f"{D(1)}{L(3)}{D(3)}", "platesp": f"{L(3)} {D(4)}",
                "platedash": f"{L(3)}-{D(3)}", "plate2": f"{D(3)} {L(2)}{D(1)}", "plate3": f"{L(2)}{D(2)}{L(2)}"}[kind]

    def address(self, kind: str) -> str:
        r = self.r
        n = r.randint(3, 9899)
        return {"st": f"{n} {r.choice(STREETS)}", "unit": f"{n} {r.choice(STREETS)}, {r.choice(UNIT)}",
                "unit2": f"{n} {r.choice(STREETS)} {r.choice(['Apt 3B', 'Unit 12', '#4', 'Apt. 210'])}",
                "pobox": f"P.O. Box {r.randint(10, 9999)}", "pobox2": f"PO Box {r.randint(10, 9999)}",
                "rr": f"RR 2 Box {r.randint(10, 400)}", "hc": f"HC 64 Box {r.randint(100, 2999)}",
                "road": r.choice(["Route 7A", "State Route 15", "Hwy 119", "County Road 12"])}[kind]

    def get(self, t: str, kind: str) -> str:
        r = self.r
        if t == "N":
            f, s = r.choice(FIRST), r.choice(LAST)
            return {"first": f, "last": s, "full": f"{f} {s}", "lfcaps": f"{s.upper()}, {f.upper()}",
                    "lf": f"{s}, {f}", "fmi": f"{f} {r.choice('ABCDEJKLMRST')}. {s}",
                    "nickp": f"{f} ({r.choice(NICK)}) {s}", "init": f"{f[0]}. {s}"}[kind]
        if t == "L":
            return {"hosp": lambda: r.choice(HOSPITALS), "fac": lambda: r.choice(FACILITIES),
                    "town": lambda: r.choice(TOWNS), "abroad": lambda: r.choice(ABROAD)}[kind]()
        if t == "D":
            return self.date(kind)
        if t == "P":
            return self.phone(kind)
        if t == "I":
            return self.ident(kind)
        if t == "A":
            return str(r.randint(90, 104))
        if t == "S":
            return self.address(kind)
        if t == "Z":
            z = f"{r.choice(['0', '4', '9', '2'])}{r.randint(1000, 9999)}"
            return z if kind == "zip" else f"{z}-{self.digits(4)}"
        if t == "E":
            f, s = r.choice(FIRST).lower(), re.sub(r"[^a-z]", "", r.choice(LAST).lower())
            return {"mail": f"{f}.{s}@{r.choice(DOMAINS)}", "mail2": f"{f[0]}{s}{r.randint(1, 99)}@gmail.com",
                    "mail3": f"{f}_{s}+portal@outlook.com"}[kind]
        if t == "U":
            return {"url": f"https://mychart.{r.choice(DOMAINS)}/visit/{self.digits(6)}",
                    "www": f"www.{r.choice(DOMAINS)}/patients/{self.alnum(6).lower()}"}[kind]
        if t == "R":
            if kind == "ip6":
                return f"2001:db8:{r.randint(1, 9999):x}::{r.randint(1, 65535):x}"
            return f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if t == "X":
            return f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        if t == "V":
            return self.vehicle(kind)
        raise KeyError((t, kind))


def fill(template: str, vals: Values, case: str) -> tuple[str, list[dict], list[dict]]:
    """Text, gold spans and medical spans of one note; ``case`` is upper/lower/mixed/typed."""
    return fill_template(template, _PH, vals.get, TYPES, case)


# ------------------------------------------------------------------------------------------------ nursing fragments

HEADERS = ["Tele RN note 0700-1930\n", "NSG PROGRESS NOTE\n", "step-down rn note nights\n", "Med-surg nursing note\n",
           "Oncology RN shift summary\n", "Rehab unit nursing note\n"]
N_OPEN = [
    "Pt {A:age} yo F admitted {D:monds} from {L:fac} w/ <<CHF>> exacerbation, wt up 3 kg over 5 days.\n",
    "Pt seen in ED {D:wkmd}, admitted to floor 2200. Hx <<afib>> on <<apixaban>> 5 mg BID since 2019.\n",
    "Pt is a 77 yo M, POD 2 s/p R TKA {D:md}. Lives at {S:unit}, {L:town}.\n",
    "Readmit; last d/c {D:mdyy}. Dx <<COPD>> (ICD J44.1), on 2L NC at home.\n",
    "Pt arrived 1430 via EMS from home, {S:rr}, {L:town}. Found on floor x 2 days per neighbor.\n",
    "Admitted {D:ordof} w/ <<cellulitis>> L leg; abx day 3 of 7.\n",
]
N_VITALS = [
    "VS: BP 132/78, HR 88, RR 18, T 98.6, SpO2 95% on 2L. Pain 4/10, <<Norco>> 5/325 1 tab at 0600.\n",
    "VS stable. BP 118/64 MAP 82. I&O 1200/850. K 3.4 repleted w/ 40 mEq <<KCl>>, recheck 1400.\n",
    "Labs: Na 134, Cr 1.42, Hgb 8.9, INR 2.6, plt 142. EF 30-35% on echo. A1c 7.8%.\n",
    "Neuro: A&Ox4, strength 5/5 x4, GCS 15. PHQ-9 score 11. Sleeping 4-5 hrs.\n",
    "Resp: I:E 1:2, P/F 210, FEV1/FVC 0.62 in 2021. Sats 92-94% on 3 L.\n",
]
N_IDS = [
    "Pacemaker check: device S/N {I:serial}, interrogated, no events.\n",
    "Flu vaccine given L deltoid, lot {I:lot}, exp 2026. <<Tdap>> last given in 2018.\n",
    "Pt's MRN on armband {I:mrn} does not match chart; corrected w/ registration at ext {P:local}.\n",
    "Insulin pump serial # {I:serialdash} logged; <<insulin lispro>> 100 units/mL, NDC 0002-7510-01.\n",
    "Wound vac serial {I:serialsp} returned to supply. Dressing changed 1630.\n",
    "Insurance card copied: member ID {I:member}, group {I:group}.\n",
]
N_SOCIAL = [
    "Dtr {N:full} called at 1900 from {P:dots}; updated. Next visit planned {D:abbr}.\n",
    "Wife {N:first} asked for a copy of records; given portal link {U:www} and fax {P:paren}.\n",
    "Son drove in from {L:town}; his car (plate {V:platesp}, {STATE}) moved from ED bay by security.\n",
    "Pt's brother {N:full} reachable at {P:ext} during the day, cell {P:spaces}.\n",
    "Family e-mail for updates: {E:mail2}. HCP is niece {N:full}, #{P:dash}.\n",
    "Pt lives alone at {S:st}, {L:town} {STATE} {Z:zip4}; landlord to check on cat.\n",
    "Sister in {L:abroad} calls daily, {P:ph}; pt speaks Tagalog, interpreter line 24/7.\n",
]
N_PLAN = [
    "Plan: d/c home {D:md} if Cr stable. F/u PCP {N:full} on {D:mon} at 10:30. Home health referral faxed.\n",
    "Plan: tele x 24 h, repeat trop at 2200. Cardiology appt {D:iso}. Walker at all times.\n",
    "Plan: OR tomorrow 0730, NPO after MN. Consent signed by pt {D:md} 1500.\n",
    "Plan: rehab eval in am; transfer to {L:fac} {D:wkmd} pending auth #{I:case}.\n",
    "Plan: SW to assist w/ Medicaid ({I:medicaid}); 3-day stay met. Goal d/c {D:mdpad}.\n",
    "Plan: cont IV abx x 5 days, PICC placed {D:md} by IR. Family mtg {D:monds} at 1300.\n",
]
N_SIG = ["{N:init}, RN\n", "-- {N:full} RN BSN\n", "{N:first} {N:last} LPN\n", ""]


def nursing(rng: random.Random, vals: Values, case: str, i: int) -> dict:
    parts = [rng.choice(HEADERS), rng.choice(N_OPEN), rng.choice(N_VITALS)]
    parts += rng.sample(N_IDS, 1)
    parts += rng.sample(N_SOCIAL, 2)
    parts += rng.sample(N_PLAN, 1)
    parts.append(rng.choice(N_SIG))
    tpl = re.sub(r"\{STATE\}", lambda _: rng.choice(STATES), "".join(parts))
    text, phi, med = fill(tpl, vals, case)
    return {"id": f"r8-n{case[0]}{i:02d}", "note_type": f"nursing_{case}", "patient_id": f"DEV-R8N{case[0]}{i:02d}",
            "text": text, "phi": phi, "medical": med}


# ------------------------------------------------------------------------------------------------ typed documents

TYPED = [
    ("REGISTRATION FACE SHEET\nName: {N:lfcaps}\nDOB: {D:mdy}   Age: {A:age}\nAddress: {S:unit}\n{L:town}, {STATE} "
     "{Z:zip4}\nHome: {P:dots}   Work: {P:ext}\nSSN: {X:ssn}\nMRN: {I:mrn}   Acct no. {I:acctsp}\n"),
    ("INSURANCE VERIFICATION\nSubscriber: {N:full}\nMedicare Beneficiary ID: {I:mbi}\nSecondary: health plan "
     "beneficiary number {I:hpbn}\nGroup # {I:group}   Policy no. {I:policy}\nVerified {D:wklong} by {N:full}, "
     "ext. {P:local}\n"),
    ("DISCHARGE SUMMARY\nAdmitted: {D:iso}   Discharged: {D:iso}\nPatient: {N:fmi}   MR# {I:mrndash}\n"
     "Diagnoses: <<NSTEMI>> (I21.4), <<type 2 diabetes>> (E11.65), CKD stage 3 (N18.30)\nHospital course: cath "
     "on {D:md} showed 90% LAD lesion. EF 40-45%. Discharged on <<metoprolol>> 25 mg BID.\nFollow-up: Dr. {N:last} "
     "{D:monord} at 9:15, {P:paren}.\n"),
    ("IMPLANTABLE DEVICE CARD\nPatient: {N:full}\nDevice: dual-chamber pacemaker, serial number {I:serial}\n"
     "Leads: RA S/N {I:serialdash}, RV S/N {I:serial}\nImplanted {D:dmy} at {L:hosp}\nPhysician: {N:full}, MD  "
     "NPI {I:npi}\nClinic: {P:plus1}\n"),
    ("FITNESS TO DRIVE EVALUATION\nDriver: {N:full}\nDriver's license: {STATE} {I:dlca}\nVehicle: 2014 Subaru "
     "Forester, plate {V:plate} ({STATE}), VIN {V:vin}\nSeizure-free since 2017. BP 128/76. Visual acuity 20/40.\n"
     "Examined {D:mdyy} by {N:full}, MD, license no. {I:medlic}\n"),
    ("VACCINE RECORD\nName: {N:full}   DOB {D:glued}\n<<Shingrix>> dose 1 {D:mdy}, lot {I:lot}\n<<Shingrix>> "
     "dose 2 {D:mdy}, lot {I:lot}\nPneumococcal: 2015 (year only per patient)\nAdministered by {N:full}, RN\n"),
    ("LETTER\n{D:long}\n\n{N:full}\n{S:st}\n{L:town}, {STATE} {Z:zip}\n\nDear Mr. {N:last},\n\nYour MRI on "
     "{D:monds} was normal. Please call {P:one} to book a visit after {D:ordonly}.\n\nSincerely,\n{N:full}, MD\n"),
    ("PHARMACY TRANSFER\nPatient: {N:full}   DOB {D:dash}\nRx # {I:rx}: <<oxycodone>>/APAP 5/325 mg, #30, 0 refills\n"
     "Prescriber: {N:full}, DEA {I:dea}, NPI {I:npisp}\nFrom pharmacy: {P:pdots}  To: fax {P:plain}\nNDC "
     "0406-0512-01\n"),
    ("LAB REQUISITION\nPatient {N:lf}  DOB {D:dmonyy}\nEncounter {I:enc}\nCollect: fasting lipid panel, TSH, CPT 80061\n"
     "Draw date {D:mdpad}, 0730\nResults to {E:mail} or fax {P:x}\n"),
    ("HOME HEALTH REFERRAL\nClient: {N:nickp}\nAddress: {S:rr}, {L:town}, {STATE} {Z:zip}\nAlt. mail: {S:pobox}\n"
     "Phone {P:spaces} / cell {P:dash}\nStart of care {D:md}-{D:md}\nOrdering: {N:full}, NP\n"),
    ("PATIENT PORTAL ACCESS LOG\nAccount: {E:mail3}\nLogin from {R:ip} on {D:isoslash} 14:22\nLogin from {R:ip6} "
     "on {D:isoslash} 08:03\nRecord viewed: {U:url}\nPatient: {N:full}, MRN {I:mrn}\n"),
    ("CERTIFICATE OF MEDICAL NECESSITY\nBeneficiary: {N:lfcaps}\nMedicaid ID {I:medicaid}\nSupplier: {L:fac}, "
     "{S:st}, Suite 1100\nEquipment: hospital bed, 3-in-1 commode\nLength of need: 99 months\nPhysician cert. "
     "no. {I:cert}   Signed {D:mdy}\n"),
    ("EMPLOYEE HEALTH CLEARANCE\nEmployee: {N:full}   ID {I:enc}\nTB test placed {D:wkmd}, read {D:wkmd}: 0 mm\n"
     "Hep B series complete 3/3 doses (2016). Titer 45 mIU/mL.\nN95 fit test 3M 1860, size M.\nCleared by "
     "{N:full}, RN, {P:pdots}\n"),
    ("TRANSFER FORM\nFrom: {L:hosp}\nTo: {L:fac}\nPatient: {N:full}  Age {A:age}\nDate of transfer {D:mdyy}\nDNR "
     "signed {D:monds}. Code status reviewed with son {N:full}, {P:extw}.\nBelongings: glasses, dentures, walker.\n"),
    ("DME DELIVERY TICKET\nDeliver to: {N:full}, {S:unit2}, {L:town} {Z:zip4}\nOxygen concentrator serial "
     "{I:serialsp}\nDriver: {N:full}, truck plate {V:platedash}\nDelivered {D:mdy} 10:45. Flow 2 L/min, 24/7.\n"),
    ("OUTPATIENT CONSULT\n{N:full} is a {A:age}-year-old woman seen {D:dmy} for <<macular degeneration>>. Prior "
     "injections in spring of 2019 and 2021. Visual acuity 20/200 OD. Lives in {L:town}. Daughter {N:full} "
     "drives her; contact {P:uk} while abroad.\n"),
    ("MOTOR VEHICLE CRASH - TRAUMA INTAKE\nPatient: {N:full}\nVehicle 1: {STATE} tag {V:plate3}, VIN {V:vin}\n"
     "Driver's lic. {I:dlny} (NY)\nScene: {S:road} near {L:town} at 0215 on {D:mdy}\nGCS 14, BP 98/60, lactate 3.1\n"),
    ("WORKERS' COMPENSATION FORM\nClaimant: {N:full}\nClaim no. {I:claim}\nDate of injury: {D:wklong}\nEmployer "
     "phone {P:x}\nAddress: {S:pobox2}, {L:town}, {STATE} {Z:zip}\nRTW light duty in 2 weeks, lift < 10 lb.\n"),
    ("RELEASE OF RECORDS\nI authorize {L:hosp} to release records of {N:full} (DOB {D:mdy}) from {D:monyr} through "
     "{D:monyr} to {N:full}, Esq., fax {P:paren}.\nDriver's license {I:dlfl} shown as ID.\nSigned {D:mdyy}\n"),
    ("ANTICOAGULATION CLINIC\nPt {N:full}  MRN {I:mrnsp}\nINR 2.4 on {D:md}, 3.1 on {D:md}. Dose 5 mg daily except "
     "2.5 mg Mon/Thu (weekly 30 mg).\nNext INR {D:wkmd}. Call {P:dash} with bleeding.\n"),
    ("SCHOOL HEALTH FORM\nStudent: {N:full}\nParent: {N:full}, {P:dots}, {E:mail2}\nAllergies: peanut (EpiPen 0.3 mg)\n"
     "Physical {D:dots}, BMI 22.4, 50th percentile\nProvider license {I:lic}\n"),
    ("DIALYSIS ORDERS\nPatient: {N:lf}\nSchedule MWF 0600, 4 h, EDW 72.5 kg\nAccess: L AVF placed {D:monyrabbr}\n"
     "Unit: {L:fac}, {P:paren} fax {P:dots}\nMedicare {I:mbi}\nReviewed {D:iso} by {N:full}, MD\n"),
    ("POLICE HOLD NOTIFICATION\nPatient: {N:full}\nOfficer: {N:full}, badge {I:lic}\nCase # {I:case}\nPatient's "
     "vehicle, a gray Honda Civic (tag {V:plate} {STATE}), towed {D:mon}.\nCall dispatch {P:one}\n"),
    ("OBSTETRIC HISTORY\n{N:full}, G3P2, LMP {D:md}, EDD {D:mdy}. Prior deliveries 2009 and 2014. "
     "Blood type O+, Rh immune globulin at 28 wks.\nPartner {N:full} reachable at {P:mx}.\n"),
    ("HOSPICE ELECTION\nPatient {N:full}, age {A:age}\nElection date {D:dash}\nHome: {S:hc}, {L:town}, {STATE} "
     "{Z:zip}\nPrimary caregiver {N:full} ({P:spaces})\nHospice MD NPI {I:npi}\n"),
    ("BEHAVIORAL HEALTH INTAKE\nClient: {N:full}\nAlias/nickname given: {N:first}\nDOB: {D:dmonyy}\nReferred "
     "{D:abbr} by {L:hosp} ED. PHQ-9 19, GAD-7 14.\nHousing: shelter, mail c/o {S:pobox}\nCell {P:plain}\n"),
    ("SURGICAL IMPLANT LOG\nPatient {N:lfcaps}  MRN {I:mrndash}\nImplant: total knee, femoral component lot "
     "{I:lot}, tibial tray lot {I:lot}\nSurgeon {N:full}, MD  Date {D:mdyy}\nTourniquet 92 min at 250 mmHg.\n"),
    ("CONSULT LETTER\n{N:full}, MD\n{L:hosp}\n{S:unit}\n{L:town}, {STATE} {Z:zip4}\n\n{D:wklong}\n\nRe: "
     "{N:full}, DOB {D:mdy}\n\nThank you for referring this patient with <<gout>>. Uric acid 9.1. Started "
     "<<allopurinol>> 100 mg daily x 2 weeks then 200 mg. I will see him again on {D:mon}.\n"),
    ("NEWBORN DISCHARGE\nInfant of {N:lf}\nBorn {D:iso} at 03:41, 3.2 kg, Apgars 8/9\nHearing screen pass. "
     "Bili 9.2 at 36 h.\nPediatrician: {N:full}, {P:paren}\nHep B vaccine lot {I:lot}\n"),
    ("MEDICAL RECORDS REQUEST\nRequester: {N:full}\nMailing: {S:unit2}, {L:town}, {STATE} {Z:zip}\nE-mail "
     "{E:mail}\nPhone {P:plus1}\nDates of service {D:md}-{D:md}, {D:mdy}\n"),
    ("RESPIRATORY EQUIPMENT\nPatient: {N:full}\nCPAP 10 cm H2O, serial no. {I:serial}; humidifier S/N "
     "{I:serialdash}\nCompliance 6.2 h/night, AHI 3.1\nVendor {L:fac}, {P:dots}, ext 214\nSet up {D:monds}\n"),
    ("ADVANCE DIRECTIVE\nI, {N:full}, of {S:st}, {L:town}, {STATE}, appoint {N:full} as my agent.\nAgent "
     "phone {P:dash}. Alternate: {N:full}, {P:uk}.\nSigned this {D:ordof} 2023.\nWitness: {N:full}\nNotary "
     "commission no. {I:cert}\n"),
    ("WOUND CLINIC NOTE\nPt {N:full} seen {D:wkmd}. Stage 3 sacral ulcer 4.2 x 3.1 x 0.8 cm, 20% slough. "
     "Offload q2h. NPWT at 125 mmHg.\nVNA {L:fac}, nurse {N:full}, {P:x}\nNext visit {D:monds}\n"),
    ("OCCUPATIONAL HEALTH - DOT PHYSICAL\nDriver: {N:lfcaps}\nCDL {STATE} {I:dlil}\nBP 138/88, UA SG 1.020, "
     "protein neg\nCertified 2 years. Examiner {N:full}, national registry no. {I:npi}\nDate {D:mdy}\n"),
    ("FALL INCIDENT REPORT\nResident: {N:full}  Room 214\nFound on floor {D:wkmd} at 0340 by CNA {N:full}.\n"
     "BP 142/90 lying, 118/70 standing. No injury. Family ({N:full}, {P:dots}) notified 0415.\n"),
    ("PRENATAL REGISTRATION\nPatient: {N:full}\nAddress: {S:st}, {L:town} {STATE} {Z:zip4}\nPartner: {N:full}, "
     "{P:spaces}\nInsurance: member {I:member}, group {I:group}\nPassport no. {I:passport} (for travel letter)\n"),
    ("ONCOLOGY TREATMENT PLAN\nPatient {N:full}  MR# {I:mrndash}\nRegimen: FOLFOX, cycle 4 of 12 on {D:monord}\n"
     "Dose 85 mg/m2, BSA 1.92. ANC 1.6, plt 110. ECOG 1.\nNext cycle {D:iso}; port placed {D:monyr}.\n"
     "Nurse navigator {N:full}, {P:ext}\n"),
    ("SOCIAL WORK NOTE\nMet with pt {N:full} and wife {N:full}. They live on {S:rr} outside {L:town}. Pt drives a "
     "pickup, plate {V:plate2}. SSI since 2012. Income $1,240/mo. Food bank referral faxed to {P:paren}.\n"),
    ("TELEHEALTH VISIT\nPatient: {N:full}\nVisit {D:mdyy} via video; patient IP {R:ip}\nPortal: {U:www}\n"
     "BP (home cuff) 126/80 x 3 days. Weight 88.2 kg, down 1.5 kg in 2 weeks.\nProvider {N:full}, NP\n"),
    ("EMS PATIENT CARE REPORT\nIncident {D:dash} 22:47\nPatient {N:full}, {A:age} YOF\nPickup: {S:unit}, "
     "{L:town}\nUnit 12 crew: {N:full}, {N:full}\nBGL 48, D10 250 mL. 12-lead NSR.\nCallback {P:spaces}\n"),
    ("PEDIATRIC CLINIC LETTER\n{D:long}\nTo the parents of {N:full}:\nYour child is due for vaccines on or after "
     "{D:ordof}. Please call {P:dots} (press 2) or visit {U:url}.\n{N:full}, RN, {L:hosp}\n"),
    ("LONG-TERM CARE ADMISSION\nResident: {N:lf}, age {A:age}\nPrevious address: {S:unit2}, {L:town}\nPOA: "
     "{N:full}, {S:pobox2}, {L:town}, {STATE} {Z:zip4}, {P:dash}\nAdmitted {D:monord}\n"),
    ("GENETIC COUNSELING\nProband {N:full}, DOB {D:glued}\nMother {N:full} (dx <<breast cancer>> age 44, 2008)\n"
     "Lab accession no. {I:case}\nSample drawn {D:md}, results 2-3 weeks.\nCounselor {N:full}, {E:mail}\n"),
    ("IT SECURITY INCIDENT - PHI ACCESS\nWorkstation {R:ip} accessed chart of {N:full} (MRN {I:mrn}) on "
     "{D:wklong} at 02:14.\nUser badge {I:lic}; VPN from {R:ip}.\nReported by {N:full}, privacy officer, {P:ext}, "
     "{E:mail}\n"),
    ("ORTHOPEDIC OP NOTE\nDate of surgery: {D:wklong}\nPatient: {N:full}  Acct {I:acct}\nProcedure: ORIF L "
     "distal radius (CPT 25607), volar plate lot {I:lot}\nEBL 50 mL. C-arm 1.2 min.\nSurgeon {N:full}, DO\n"),
]


def typed(rng: random.Random, vals: Values, i: int) -> dict:
    tpl = re.sub(r"\{STATE\}", lambda _: rng.choice(STATES), TYPED[i % len(TYPED)])
    text, phi, med = fill(tpl, vals, "typed")
    return {"id": f"r8-t{i:02d}", "note_type": "typed", "patient_id": f"DEV-R8T{i:02d}", "text": text, "phi": phi,
            "medical": med}


def build(seed: int) -> list[dict]:
    rng = random.Random(seed)
    vals = Values(rng)
    notes = []
    for i in range(10):
        for case in ("upper", "lower", "mixed"):
            notes.append(nursing(rng, vals, case, i))
    for i in range(len(TYPED)):
        notes.append(typed(rng, vals, i))
    check_notes(notes, TYPES.values())
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "nlp" / "data" / "deid_dev_round8.jsonl")
    ap.add_argument("--seed", type=int, default=808)
    args = ap.parse_args(argv)
    write_notes(build(args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
