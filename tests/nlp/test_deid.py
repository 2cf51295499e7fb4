import re
from datetime import date
from pathlib import Path

import pytest

from medkg.kg.pseudonym import Pseudonymizer
from medkg.nlp.deid import DeidConfig, Deidentifier, DeidResult, PhiSpan, PhiType, _one_case_spans
from medkg.nlp.deid_eval import read_gold, safe_harbor_gold, score

GOLD = Path(__file__).parent / "data" / "deid_notes.jsonl"
KEY = b"unit-test-key-0123456789"


@pytest.fixture(scope="module")
def deid():
    return Deidentifier(DeidConfig(), pseudonymizer=Pseudonymizer(KEY))


@pytest.fixture(scope="module")
def patterns_only():
    return Deidentifier(DeidConfig(use_model=False), pseudonymizer=Pseudonymizer(KEY))


@pytest.fixture(scope="module")
def surrogate():
    return Deidentifier(DeidConfig(mode="surrogate"), pseudonymizer=Pseudonymizer(KEY))


@pytest.fixture(scope="module")
def gold():
    return read_gold(GOLD)


def test_gold_set_is_large_and_covers_every_identifier_type(gold):
    assert len(gold) >= 40
    kinds = {p["type"] for n in gold for p in n["phi"]}
    assert kinds == {t.value for t in PhiType}
    assert all(n["medical"] for n in gold)


def test_every_planted_identifier_type_is_replaced(deid, gold):
    sc = score(gold, deid.pipe([n["text"] for n in gold], [n["patient_id"] for n in gold]))
    table = sc.table()
    for kind in ("DATE", "PHONE", "EMAIL", "ID", "SSN", "URL", "IP", "VEHICLE", "ZIP", "AGE", "ADDRESS"):
        assert table[kind]["recall"] >= 0.99, (kind, table[kind])
    assert table["NAME"]["recall"] >= 0.95 and table["LOCATION"]["recall"] >= 0.9
    assert table["ALL"]["precision"] >= 0.95
    assert sc.medical_survival >= 0.98


@pytest.mark.parametrize("text, kind", [
    ("Seen on 03/04/2021.", "DATE"), ("Seen on 3/4/21.", "DATE"), ("Seen on 2021-03-04.", "DATE"),
    ("Seen on March 4th.", "DATE"), ("Seen 4 March 2021.", "DATE"), ("Seen Mar 4 in clinic.", "DATE"),
    ("Follow up on the 4th.", "DATE"), ("Seen 04-Mar-2021.", "DATE"), ("Since June 2020 worse.", "DATE"),
    ("Call (555) 123-4567 today.", "PHONE"), ("Fax: 555.987.6543", "PHONE"), ("cell +1 555 270 4411", "PHONE"),
    ("Mail jdoe@example.com now", "EMAIL"), ("MRN: 00123456", "ID"), ("Acct # A7732019", "ID"),
    ("Member ID: XGH448812093", "ID"), ("serial number PZX604218H", "ID"), ("SSN 219-09-9999", "SSN"),
    ("see https://portal.example.org/p/1", "URL"), ("from 73.142.18.201 today", "IP"),
    ("plate 7KQX219 seen", "VEHICLE"), ("Boston, MA 02115", "ZIP"), ("a 92-year-old man", "AGE"),
    ("lives at 12 Oak St with wife", "ADDRESS"), ("Mr. John A. Smith was seen", "NAME"),
    ("Seen by J. Smith today", "NAME"), ("Dr. Patel agrees", "NAME"), ("Patient: Smith, John", "NAME"),
    ("moved to Bakersfield last year", "LOCATION"), ("admitted to Mercy General Hospital", "LOCATION"),
])
def test_planted_forms(patterns_only, text, kind):
    res = patterns_only.deidentify(text, "p1")
    assert any(s.type.value == kind for s in res.spans), (text, res.text)


def test_tags_hide_the_identifiers(deid):
    text = "Mr. John A. Smith, MRN 00123456, phone (555) 123-4567. Smith was seen by Dr. Patel."
    res = deid.deidentify(text, "p1")
    for secret in ("John", "Smith", "00123456", "123-4567", "Patel"):
        assert secret not in res.text
    assert res.text.startswith("Mr. [NAME], MRN [ID], phone [PHONE].")
    assert "[NAME] was seen by Dr. [NAME]" in res.text


@pytest.mark.parametrize("term", ["Parkinson disease", "Parkinson's disease", "metformin", "Crohn's disease",
                                  "Hodgkin lymphoma", "Cushing syndrome", "Alzheimer's disease", "Graves' disease",
                                  "von Willebrand disease", "Huntington disease", "Barrett's esophagus",
                                  "Foley catheter", "Guillain-Barre syndrome"])
def test_medical_terms_survive(deid, term):
    text = f"Mr. John Smith was seen by Dr. Adams for {term}. Smith started treatment."
    res = deid.deidentify(text, "p1")
    assert term in res.text, res.text
    assert "Smith" not in res.text and "Adams" not in res.text


def test_an_eponym_after_a_title_is_a_name(deid):
    res = deid.deidentify("Dr. Parkinson reviewed the films. Parkinson disease is unlikely.", "p1")
    assert res.text == "Dr. [NAME] reviewed the films. Parkinson disease is unlikely."


def test_small_ages_and_bare_years_stay(deid):
    text = "A 71-year-old with diabetes since 2015, now 45 kg."
    assert deid.deidentify(text, "p1").text == text


def _dates(text):
    return [date(int(y), int(m), int(d)) for m, d, y in re.findall(r"(\d{2})/(\d{2})/(\d{4})", text)]


def test_date_shift_keeps_intervals_and_format(deid):
    text = "Admitted 03/04/2021, surgery 03/06/2021, discharged 03/29/2021. Seen again on April 2, 2021."
    res = deid.deidentify(text, "patient-7")
    before, after = _dates(text), _dates(res.text)
    assert len(after) == 3 and after != before
    assert [b - a for a, b in zip(before, before[1:])] == [b - a for a, b in zip(after, after[1:])]
    shift = (after[0] - before[0]).days
    assert shift == res.date_shift_days != 0
    m = re.search(r"on ([A-Z][a-z]+) (\d+), (\d{4})", res.text)
    shifted = date(int(m.group(3)), [None, "January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"].index(m.group(1)),
                   int(m.group(2)))
    assert (shifted - date(2021, 4, 2)).days == shift
    # the same patient's next note moves by the same offset; another patient by another
    assert deid.deidentify("On 03/04/2021.", "patient-7").text == f"On {after[0]:%m/%d/%Y}."
    others = {deid.deidentify("On 03/04/2021.", f"patient-{i}").text for i in range(10)}
    assert len(others) > 5


def test_spans_map_old_offsets_to_new_and_keep_no_strings(deid):
    text = "Pt Jane Roe (MRN 00991122) seen 2021-03-04 for pneumonia; call 617-555-0142."
    res = deid.deidentify(text, "p9")
    pieces, pos = [], 0
    for s in res.spans:
        assert res.text[:s.new_start].endswith(text[pos:s.start])
        pieces.append(text[pos:s.start])
        pieces.append(res.text[s.new_start:s.new_end])
        pos = s.end
    pieces.append(text[pos:])
    assert "".join(pieces) == res.text
    for s in res.spans:  # the result holds offsets and types only
        assert not any(isinstance(v, str) and v in text and len(v) > 3 for v in (s.type.value, s.source))
    assert "pneumonia" in res.text


def test_surrogates_are_consistent_within_a_patient(surrogate):
    text = "Mr. John Smith lives in Springfield, MA. Smith's daughter called. Call 617-555-0142."
    a = surrogate.deidentify(text, "p1")
    b = surrogate.deidentify("Mr. Smith returned from Springfield.", "p1")  # the patient's next note
    assert "Smith" not in a.text and "John" not in a.text and "617-555-0142" not in a.text
    names = [a.text[s.new_start:s.new_end] for s in a.spans if s.type is PhiType.NAME]
    assert names[0].split()[-1] == names[1]  # "John Smith" ... "Smith" -> same surrogate surname
    assert names[1] in b.text
    assert "[" not in a.text  # realistic values, not tags
    city = [a.text[s.new_start:s.new_end] for s in a.spans if s.type is PhiType.LOCATION]
    assert city and city[0] in b.text and city[0] != "Springfield"


def test_input_validation(deid):
    from medkg.kg.errors import InputError

    with pytest.raises(InputError, match="texts\\[0\\]"):
        list(deid.pipe([b"bytes"]))
    with pytest.raises(InputError, match="mode"):
        DeidConfig(mode="mask")


def test_phi_free_sample_notes_keep_their_text(deid):
    """The shipped sample notes and abstracts name no one: only their dates may change."""
    import json
    from importlib import resources

    samples = resources.files("medkg.kg") / "data" / "samples"
    rows = [json.loads(line) for name in ("notes.jsonl", "abstracts.jsonl")
            for line in (samples / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    results = list(deid.pipe([r["text"] for r in rows]))
    wrong = [(r["id"], s.type.value, r["text"][s.start:s.end]) for r, res in zip(rows, results)
             for s in res.spans if s.type is not PhiType.DATE]
    assert not wrong


# ------------------------------------------------------------------- any letter case (ICU nursing notes)


@pytest.mark.parametrize("text, secret", [
    ("paged DR JONES re: hypotension.", "JONES"),
    ("neuro consult called, dr novak to see pt.", "novak"),
    ("cards following, per dr. fitzgerald continue heparin.", "fitzgerald"),
    ("SON JOHN IN TO VISIT.", "JOHN"),
    ("wife mary called, aware of plan.", "mary"),
    ("consent signed by wife susan.", "susan"),
    ("per kowalski np, ok to start tf.", "kowalski"),
    ("seen by mary silva from pt.", "silva"),
    ("-- joan kaplan, rn", "kaplan"),
    ("rn linda covering.", "linda"),
])
def test_names_after_cues_in_any_case(patterns_only, text, secret):
    res = patterns_only.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, secret", [
    ("pt transferred from st. elizabeth's for cath.", "elizabeth"),
    ("TRANSFER TO FARR 6 WHEN BED AVAILABLE.", "FARR"),
    ("received pt from finard 4 at 1900.", "finard"),
    ("pt to go back to NEBH 2/19 if stable.", "NEBH"),
    ("followed at lahey clinic by dr quinn.", "lahey"),
    ("lives with son joseph in framingham.", "framingham"),
])
def test_places_after_movement_cues_in_any_case(patterns_only, text, secret):
    res = patterns_only.deidentify(text, "p1")
    assert secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, secret", [
    ("echo done 3/14.", "3/14"), ("bc x2 sent 1/3, pending.", "1/3"), ("MICU NURSING NOTE 2/5", "2/5"),
    ("s/p cabg '94, mi in '02.", "'94"), ("wife called, # 6175551234.", "6175551234"),
])
def test_bare_dates_years_and_hash_phones(patterns_only, text, secret):
    res = patterns_only.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text", [
    "on neo gtt at 0.5mcg/kg/min, weaning.", "NITRO GTT TITRATED, LEVO OFF SINCE 0200.",
    "ivf d5 1/2ns at 75cc/hr, 1/2 strength tf held.", "on cpap 5/5 40%, changed to ps 10/5.",
    "grips 5/5 bilat, pain 3/10.", "dr aware of k 3.2. md aware. rn aware.", "son and daughter in to visit.",
    "transfer to floor when bed available. came from home. to or in am.", "returned to baseline after 2/2 pna.",
    "hx of Parkinson's, +Babinski, foley draining, Hodgkin's dx, Crohn's flare.", "per protocol, per day.",
])
def test_nursing_false_positive_traps_stay(deid, text):
    res = deid.deidentify(text, "p1")
    assert [s for s in res.spans if s.type is not PhiType.DATE or "/" in text[s.start:s.end]] == [], \
        [(s.type.value, text[s.start:s.end]) for s in res.spans]


def test_nursing_dev_set_recall_and_precision(patterns_only):
    notes = read_gold(Path(__file__).parent / "data" / "deid_dev_nursing.jsonl")
    table = score(notes, patterns_only.pipe([n["text"] for n in notes], [n["patient_id"] for n in notes])).table()
    assert table["ALL"]["recall"] >= 0.93 and table["ALL"]["precision"] >= 0.95, table["ALL"]


def test_typed_nicknames_and_single_line_names(patterns_only):
    res = patterns_only.deidentify("Re: Thomas (Tommy) Beaulieu, type 2 diabetes", "p1")
    assert "Tommy" not in res.text and "Beaulieu" not in res.text and "type 2 diabetes" in res.text


def test_long_text_is_windowed_for_the_model(deid):
    line = "Mr. John Smith was seen by Dr. Adams in Boston for pneumonia.\n"
    res = deid.deidentify(line * 700, "p1")  # ~44k chars: more than one model window
    assert "Smith" not in res.text and "Adams" not in res.text and res.text.count("pneumonia") == 700


# ------------------------------------------------------------------- near-linear time


def test_adversarial_inputs_run_in_near_linear_time(patterns_only):
    """Backtracking or n² span bookkeeping would make these take minutes (81 s for 40 KB of "1." before)."""
    import time

    from medkg.nlp.deid_eval import adversarial_texts, ordinary_text

    size = 100_000
    t = time.perf_counter()
    patterns_only.deidentify(ordinary_text(size), "p1")
    ordinary = time.perf_counter() - t
    slow = {}
    for name, text in adversarial_texts(size).items():
        t = time.perf_counter()
        patterns_only.deidentify(text, "p1")
        slow[name] = (time.perf_counter() - t) / ordinary
    assert max(slow.values()) < 20, slow


# ------------------------------------------------------------------- round 3: vocabulary-driven detection


@pytest.mark.parametrize("text, secret", [
    ("SOCIAL: DAUGHTERS MERON AND HIWOT CALLED FROM ADDIS ABABA.", "ADDIS"),  # model on the case view / place prep
    ("social: pt's son dmytro called from kharkiv, very worried.", "kharkiv"),  # WordNet proper noun, not English
    ("pt's sons faisal and imran visited.", "faisal"),
    ("PT'S GODMOTHER MARCELLE THIBOU WILL MEET PT THERE.", "THIBOU"),  # census name + unknown word, uncued
    ("Daughter Kavya calls from Hyderabad nightly.", "Hyderabad"),
    ("PAGER 4417 FOR NIGHT TEAM.", "4417"),
    ("pager 52718 covering tonight.", "52718"),
    ("FAMILY MEETING HELD FRIDAY 1/9 WITH TEAM.", "1/9"),
    ("gi: plavix held for egd tues 3/19.", "tues"),
])
def test_round3_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, kept", [
    ("CCU NPN\nGU: FOLEY DRAINING CLEAR YELLOW.", "FOLEY"),  # eponym, and a heading the view Capitalises
    ("ccu nsg progress note\nhx hodgkin's dx '09, follow up.", "hodgkin's"),
    ("cv: sr 60s, sbp 120s. neg ectopy.", "ectopy"),
    ("GLASGOW 8 POST-ICTAL.", "GLASGOW"),  # the coma scale, not the town
    ("unique to CSF), IgG index elevated", "CSF"),  # an acronym after "to" is no facility
    ("cough on the St George's Respiratory Questionnaire", "George's"),
    ("in those with prediabetes who underwent transient elastography.", "elastography"),
    ("asthma exacerbation in November. Now well.", "asthma exacerbation"),  # the month goes (a date element)
    ("NEURO: A+OX3. C/O HA, TYLENOL GIVEN.", "HA"),
    ("PT SPEAKS AMHARIC, INTERPRETER USED.", "AMHARIC"),  # a language
    ("Lou Gehrig's disease (ALS)", "Gehrig's"),
])
def test_round3_false_positive_traps(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


def test_case_view_keeps_offsets_and_capitalises_names(deid):
    text = "SOCIAL: WIFE TIGIST AND FRIEND HABTAMU HERE. FOLEY DRAINING, NEO 0.5."
    view = deid._case_view(text)
    assert len(view) == len(text)
    assert "Tigist" in view and "Habtamu" in view and "foley" in view.lower() and "Neo" not in view


# -- round 4 (tests/nlp/data/deid_dev_round4.jsonl): classes that failed on unseen names and places
@pytest.mark.parametrize("text, secret", [
    ("NEURO: PT ASKING FOR HIS WIFE XIAOMING.", "XIAOMING"),  # a name ending in -ing after a relative cue
    ("social: dtr yuting visited, updated.", "yuting"),
    ("plan: ct head at 1500; results to dr gaines pager 9531. will return.", "9531"),  # pager at a sentence end
    ("Social: earl (wife) called, # is 617-555-0101.", "earl"),  # a name before "(wife)"
    ("RESP: PS 10/5 TRIAL FAILED. RT JOCELYN AWARE.", "JOCELYN"),  # clinician roles as cues
    ("CV: 500CC BOLUS X2, MD STAVRAKIS AWARE.", "STAVRAKIS"),
    ("neuro: intact. interpreter arnel hope used for consent.", "hope"),  # unknown first name + word-like surname
    ("SOCIAL: WIFE CALLED FROM HAMPDEN COUNTY, PLANS TO COME IN.", "HAMPDEN"),  # county in any case
    ("social: son called from new harlow, updated.", "harlow"),  # town prefix word + name
    ("PLAN: F/U W/ DR KING AT KENT COUNTY HOSPITAL ON THE 21ST.", "KENT"),  # "county" inside a facility name
    ("pt was at wing memorial in '16 for similar.", "wing"),  # institution heads: the words before are a name
    ("PLAN: D/C HOME 9/25 W/ MERRIMACK VALLEY VNA.", "MERRIMACK"),
    ("Plan: ? placement. Sachem Nursing Home vs home w/ services.", "Sachem"),
    ("pt accepted to life care center of nashoba for tomorrow.", "nashoba"),
    ("plan: per admitting, bed on wyman 3 tomorrow.", "wyman"),  # a named unit after "bed on"
    ("Re: VILLANUEVA, LIHUA, MRN 3653341", "LIHUA"),  # LAST, FIRST before ", MRN"
    ("RE: Cash, Loretta May    DOB 9-17-1971", "May    DOB"),  # a middle name that is also a word (a month)
    ('Omar "Chip" Tsosie is a widower seen with his son.', "Chip"),  # nickname in quotes
    ("Readmitted after stay at Heywood Hospital (3/12-6/28).", "6/28"),  # second date of a range
])
def test_round4_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, kept", [
    ("RESP: ON 4L NC. PLACED IN TRENDELENBURG BRIEFLY FOR LINE.", "TRENDELENBURG"),  # eponym after "in"
    ("gu: foley d/c'd at 0600, dtv by 1400.", "dtv"),
    ("family mtg held w/ team, pt made dnr.", "mtg"),
    ("Pt went to the local hospital for labs.", "local hospital"),
    ("rt arm edematous, elevated on pillows.", "rt arm"),
    ("hx of pd, on sinemet. md aware.", "md aware"),
])
def test_round4_false_positive_traps(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("MR#: 109273\nDischarged to rehab.", "109273"),  # ID cues: MR#, DL, HICN/MBI, docket, commission, Rx #, lic.
    ("Driver 1: HUNTER, LASZLO, DOB 05/28/1967, DL U525-410-11-030, plate UYU 357", "U525-410-11-030"),
    ("Driver 1: HUNTER, LASZLO, DOB 05/28/1967, DL U525-410-11-030", "LASZLO"),  # a label with a digit
    ("HICN/MBI: 0X6C-N22-E0W", "0X6C-N22-E0W"),
    ("Docket No. 40-36111\nEvaluator: lic. JH-52658", "JH-52658"),
    ("Notary: Ayaan Reed, commission # 331609", "331609"),
    ("Rx #725169: lisinopril 10 mg", "725169"),
    ("Flu vaccine given, lot 9453MVX73745, by the RN.", "9453MVX73745"),
    ("CASE MGR AWARE, 601-856-9862 EXT. 8031.", "8031"),  # an extension in capitals
    ("Witness: the charge RN, ext 33267.", "33267"),
    ("Admit 13-Jun-64  Disch 10-May-97", "64"),  # d-Mon-yy
    ("after her stay there (3/17/21-9/7/07). She", "3/17/21"),  # a range of full dates
    ("after her stay there (3/17/21-9/7/07). She", "9/7/07"),
    ("Signed this 15th day of November.", "15th"),
    ("plan: f/u w/ dr at clinic on sep 24th. hd tomorrow.", "sep 24th"),  # lower-case month in a lower-case note
    ("Chance Carter, 97 years of age, was seen.", "97"),
    ("SOCIAL: LIVES ALONE AT 1206 PRAIRIE AVE IN JOPLIN.", "PRAIRIE"),  # streets in any case
    ("social: lives alone at 5891 river road in bluefield.", "5891 river"),
    ("Works at a store on 79 Water Street.", "Water Street"),  # a street named after a medical word
    ("Address: 2107 N 3rd St, Lot 17\nPhone: none", "Lot 17"),
    ("Last known address: 3250 Water Street, Saskatoon, Gallatin County", "Saskatoon"),  # town after the street
    ("PLAN: CONT ABX. FAMILY TO BRING MEDS LIST FROM FRED MEYER PHARMACY.", "MEYER"),
    ("id: cx from east jefferson general 11/25 grew mrsa.", "jefferson"),  # weak heads after a name word
    ("Social worker from Togus VA to see pt.", "Togus"),
    ("cx from our lady of lourdes 10/17 grew mrsa.", "lourdes"),
    ("Frank Glass, PA-C\nSt. Vincent's Pediatrics, (319) 638-2571", "Vincent"),
    ("CV: HYPOTENSIVE, NP BAKER AT BEDSIDE.", "BAKER"),  # word-like surname after a staff cue, then context
    ("Neuro: GCS 9. DR GALINA CHURCH (NEUROSURG) AWARE.", "CHURCH"),  # a surname that is also a generic place
    ("plan: d/w van den berg (id), stop vanco.", "berg"),  # particle surnames in any case
    ("Neuro: CT head neg per md de Vries.", "Vries"),
    ("Patient: Summer de Vries, 90F", "Vries"),
    ("Wanda de vries, RN BSN", "vries"),
    ("Sincerely,\nDariush de Vries\nPatient Access", "Dariush"),  # a letter's closing
    ("Crew: Takeshi Baker, Ozzie Marsh\n", "Marsh"),  # the second name of a list after a label
    ("NEIGHBOR BIJAN N'DIAYE CHECKS ON HIM DAILY.", "DIAYE"),  # apostrophe surname
    ("Report called to charge RN Pieter Dell'Orto at 1900.", "Orto"),
    ("Seen in ED by Kenji LeBlanc, PA.", "LeBlanc"),  # internal capital
    ("interpreter chance warsame via phone.", "warsame"),  # word-like first name + unknown surname
])
def test_round5_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, kept", [
    ("ID: afebrile. Contact precautions for C DIFF.", "C DIFF"),
    ("NEURO: CONFUSED. REORIENTED FREQ.", "REORIENTED FREQ"),
    ("Yuki Tadesse, RN BSN", "BSN"),
    ("social: son is poa, updated.", "poa"),
    ("Family staying at the Marriott downtown tonight.", "Marriott"),
    ("Certifier: the attending   License #: GZ-09434", "License"),
    ("May return to light duty on Monday.", "light duty"),
    ("GIVEN 500 CC NS PER DR FOR LOW UOP.", "500 CC NS PER DR"),  # not a street
    ("MD order 1000 ml bolus given.", "1000"),  # a bare weak ID cue wants a real number
    ("hx of substance use, abstains from recreational drugs.", "recreational drugs"),
    ("Pt in general feels better. Went home today.", "general"),
    ("rn will call family in am. np may see pt.", "rn will call"),
])
def test_round5_false_positive_traps(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


def test_shifted_ordinal_follows_the_letter_case(patterns_only):
    res = patterns_only.deidentify("F/U ON THE 3RD. SEEN JAN 3RD.", "p1")
    assert re.search(r"THE \d+(?:ST|ND|RD|TH)\.", res.text) and not re.search(r"\d(?:st|nd|rd|th)", res.text), res.text
    assert re.search(r"on the \d+(?:st|nd|rd|th)$", patterns_only.deidentify("f/u on the 3rd", "p1").text)


# -- round 6: chains and brands with their town, named units, plates with a state cue, ZIP after a town, odd dates
@pytest.mark.parametrize("text, secret", [
    ("Pt came from Brookdale Fairhaven on 3/2 w/ AMS.", "Fairhaven"),
    ("hd ttw at davita harwich, missed tx.", "harwich"),
    ("CX FROM KINDRED HOSPITAL NORWALK GREW VRE.", "NORWALK"),
    ("Refill sent to Walgreens Scituate.", "Scituate"),
    ("Plan: transfer to Tower 9 South when bed avail.", "Tower 9 South"),
    ("report given to rn on pavilion d at 1900.", "pavilion d"),
    ("Receiving: Hollings Pavilion 4", "Hollings"),
    ("Dest: Quarry Hill Care, Rm 12", "Quarry Hill"),
    ("Vehicle: MN tag KZD4471, parked in lot C.", "KZD4471"),
    ("driver of sedan, Oregon plates 4QR-2291", "4QR-2291"),
    ("son's truck, plate wbx772, in garage.", "wbx772"),
    ("Pickup: 12 Dune Rd, Truro, 02666\n", "02666"),
    ("mail to po box 71, zip 02666-1204.", "02666-1204"),
    ("Ship to 4 Elm St / Truro / 02666-1204\n", "02666-1204"),
    ("Tolland Vermont 05733-2210\n", "Tolland"),
    ("pt came to us from osh ed on 05.14. records faxed.", "05.14"),
    ("Date: 11 28 1975\n", "11 28 1975"),
    ("Signed 7\\9\\11 by pt.", "7\\9\\11"),
    ("Effective 4.26.50\n", "4.26.50"),
    ("DOB 19580317\n", "19580317"),
    ("Run # 6422-83202   Date 2021-01-03", "6422-83202"),
    ("Report No. 55-934906\n", "55-934906"),
    ("Emergency contact 207-9591846\n", "9591846"),
    ("Pt: Jorah Quill, 94 yoF\n", "94"),
    ("social: dtr calling from wasco, sherman county; cell on file.", "sherman county"),
    ("Social: sister drove in from Quoddy; brother updated.", "Quoddy"),
    ("Dear Ysolde,\nYour results were normal.", "Ysolde"),
    ("Driver: QUILLFEATHER, ARNAV, DL# P2043955", "QUILLFEATHER"),
    ("PCP Dr Ansel (Hospital Auxilio Oriental)", "Auxilio"),
    ("rollover on US-7 near town line.", "US-7"),
    ("SOCIAL: NIECE KAVEH CHURCH CALLED, UPDATED.", "CHURCH"),  # a word-like surname second after a weak cue
    ("Pt admitted Mon 3-14 from home.", "3-14"),
    ("Report to Carla Moody RN on Stoddard 5 at 1900.", "Stoddard"),
    ("Claim number 174-109-4492\n", "174-109-4492"),
    ("Specimen drawn 14MAR2021 at 0600.", "14MAR2021"),
    ("grandson's car vin 1hgcm82633a004352 towed.", "1hgcm82633a004352"),
])
def test_round6_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, kept", [
    ("Pt takes St. John's wort at home, held.", "takes St. John's wort"),
    ("Implant: Stryker Triathlon, lot no. 4234CXA512", "Stryker Triathlon"),
    ("Neuro: speaks Hmong only; interpreter via phone.", "Hmong"),
    ("Car: gray Honda, MA plate 3JD-882.", "Honda"),
    ("Sending facility: see above\nSending RN: on file", "Sending"),
    ("dilated atria on echo, cr-1.2 today.", "atria"),
    ("platelets 150, tags 2 lines.", "platelets 150"),
    ("on 2-4 L nc, weaned to 1.5 l.", "2-4 L"),
    ("started on 10.25 mg dose.", "10.25"),
    ("son went to church today.", "church"),
])
def test_round6_false_positive_traps(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("Pt sent in from Quillmont House in Ravelby on 1/2.", "Quillmont House"),  # an English-word facility and its town
    ("Pt sent in from Quillmont House in Ravelby on 1/2.", "Ravelby"),
    ("admitted 8/10 from sunset terrace; baseline walks w/ walker.", "sunset terrace"),
    ("103 yo m, resident of the willows, brought by ems.", "willows"),
    ("ADMITTED 4/14 FROM BRAMBLE VILLAGE; BASELINE WALKS.", "BRAMBLE VILLAGE"),
    ("From: The Pines, Concord\nTo: Mercy", "Pines"),
    ("Plan: back to Deaconess once stable; accepting dr on call.", "Deaconess"),
    ("flu A + at Good Samaritan 01/01.", "Samaritan"),
    ("Social: brother drove up from Bend; sister in Bath updated by phone.", "Bend"),
    ("Social: brother drove up from Bend; sister in Bath updated by phone.", "Bath"),
    ("SISTER VISITING FROM UNION; #985.395.9917", "UNION"),
    ("brought by harmony ambulance tues 3/4.", "harmony"),
    ("SOCIAL: HOME ADDRESS 6228 UNION AVE, APT 4B, CLINTON 94119; MAIL", "4B"),
    ("social: home address 2445 liberty rd, lot 14, bath 78767; mail to po box", "bath"),
    ("Home address 9278 Walnut Ave, #3, Comfort 14773; mail to", "14773"),
    ("social: neighbor levan day feeding the dog.", "day"),  # a word-like surname after a one-word name
    ("extubated to 4l nc per dr philomena street, sats 93%.", "street"),
    ("HD AT FRESENIUS OF FORT KENT SAT.", "FRESENIUS OF"),  # two places joined by "of" are one
    ("Date 26-MAY-2001\nPatient MWANGI, SIPHO  MRN 75293686\n", "SIPHO"),
    ("DISCHARGE LETTER\nJune 9, 2011\n\nDear Dr. Petrosyan,\n", "June 9"),
    ("report called to naqibullah pappas rn on heart tower 9 at 1845.", "heart tower"),
])
def test_round7_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, kept", [
    ("went to his house today, lines in place.", "his house"),
    ("sent from the dialysis center today.", "dialysis center"),
    ("back to baseline once sedation off; back to sleep once meds given.", "baseline"),
    ("Endo: insulin gtt per Highland protocol.", "Highland protocol"),
    ("L THA, Zimmer implant, Thompson test neg.", "Thompson test"),
    ("neuro: follows commands. romberg not tested.", "romberg"),
    ("ate 1/3 of lunch. lakeview diet order per dietitian.", "lakeview diet"),
    ("SBT 5/5 at 0800.", "5/5"),
    ("MVC ON HWY 99 OUTSIDE FRESNO, LOC AT SCENE.", "LOC AT SCENE"),
    ("Attending: Nino Chaudhry\nAllergies: sulfa\n", "Allergies"),
    ("Pt seen by John today, aware.", "today"),
    ("Labs: CBC, BMP\nPt: CBC, BMP\n", "Pt: CBC, BMP"),
])
def test_round7_false_positive_traps(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("Aunt in Lisbon reachable at +351 21 555 0147 most evenings.", "0147"),  # international numbers
    ("Partner abroad, +52 55 1234 9876.", "9876"),
    ("Code status reviewed with son, 802-555-0143, extension 2214.", "2214"),  # an extension after a comma
    ("wound vac serial kt 482 913 returned.", "482 913"),  # lower-case serial in groups
    ("WOUND VAC SERIAL KT 482 913 RETURNED TO STORES.", "482 913"),
    ("Medicaid ID QR 19 44 802 T\nSupplier: DME", "802 T"),  # a final letter group
    ("sw to assist w/ medicaid (ab 12 34 567 c); stay met.", "567 c"),
    ("insurance card copied: member id xyq771020394, group 551203-k07.", "xyq771020394"),
    ("insurance card copied: member id xyq771020394, group 551203-k07.", "551203-k07"),
    ("insulin pump serial # 7720-qa-1180 logged.", "7720-qa-1180"),
    ("Physician cert. no. 2011-48213   Signed", "48213"),
    ("CDL NH K402-7781-0093\nBP 130/80", "K402-7781-0093"),  # a licence after its state
    ("pending auth #QT-22-41873.", "41873"),
    ("pt admitted aug-19 from home.", "aug-19"),  # a lower-case month with a hyphen
    ("next visit planned oct. 9.", "oct. 9"),
    ("admitted 14th of march w/ cellulitis.", "14th of march"),
    ("School physical 23.08.19, BMI 22.", "23.08.19"),  # day.month.year, both padded
    ("L AVF placed Feb '11 by vascular.", "Feb"),  # month and apostrophe year
    ("PT LIVES ALONE AT 88 OLD MILL RD, KEENE NH 03431-2210.", "88 OLD MILL RD"),  # English words in an address
    ("pt lives alone at 412 n maple ave, bldg d, apt 2, keene.", "apt 2"),  # two units
    ("from home, rr 4 box 71, harlan. found on floor.", "box 71"),
    ("LETTER\nMay 2, 2024\n\nCatriona O'Flaherty\n12 Quarry Street\nKeene, NH 03431\n", "Catriona"),  # address block
    ("Duc D'Angelo is a 70-year-old man.", "D'Angelo"),  # an apostrophe after one capital
    ("Patient DE GROOT, FEMKE  MRN 44129077", "FEMKE"),  # a short particle in a capitals surname
])
def test_round8_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text and secret.lower() not in res.text.lower(), res.text


@pytest.mark.parametrize("text, kept", [
    ("Labs: Na 134, K 4.1, Cr 1.42.", "Na 134"),  # a lab analyte is not the surname Na
    ("LABS: NA 131, CR 2.1", "NA 131"),
    ("Collect lipid panel, CPT 80061\nDraw in am", "80061"),  # procedure codes are no ZIP
    ("Pt speaks Tagalog, interpreter line 24/7.", "speaks"),
    ("Tele RN note 0700-1930\nPt resting.", "Tele"),
    ("Dose 5 mg daily except 2.5 mg Mon/Thu.", "Thu"),
    ("wound vac returned to supply. dressing changed.", "supply"),
    ("N95 fit test, size M.\nCleared by employee health.", "Cleared"),
    ("Sending nurse: Lena Ruiz, LPN   Time: 0545\n", "Time"),  # a form label after a column gap
    ("age group 65-74 at higher risk.", "65-74"),
    ("Norco 5/325 1 tab, BP 120/80, I:E 1:2, in spring of 2019.", "spring of 2019"),  # a season and a year stay
    ("insulin: dec 2 units tonight.", "dec 2 units"),
])
def test_round8_false_positive_traps(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


def test_practice_after_a_credential_is_no_name(deid):
    text = "Referring: Ann Lee, MD, Keene Family Clinic"
    res = deid.deidentify(text, "p1")
    assert [(text[s.start:s.end], s.type.value) for s in res.spans] == [("Ann Lee", "NAME"),
                                                                         ("Keene Family Clinic", "LOCATION")]


# -- typed documents: form rows, names as forms write them, facilities, rooms and scores
@pytest.mark.parametrize("text, secret", [
    ("MRN....... LW834473\nAge....... 94\n", "LW834473"),  # a dot leader between label and value
    ("MRN....... LW834473\nAge....... 94\n", "94"),
    ("| Patient | FAIRWEATHER, BJORN MARIE |\n| Group # | GRP-89388 |\n", "FAIRWEATHER"),  # a table row
    ("| Patient | FAIRWEATHER, BJORN MARIE |\n| Group # | GRP-89388 |\n", "GRP-89388"),
    ("Claim #....... 90D095598524\n", "90D095598524"),
])
def test_form_rows_read_as_label_and_value(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("Patient was unresponsive, then identified as MADUEKE, MARISOL ANNE by EMS.", "MADUEKE"),
    ("Anesthesiologist: Ito, Leopold, MD\nASA III", "Ito"),
    ("Hi Dr. Vo, this is Itzel. My husband sent the pictures.", "Itzel"),
    ("Guarantor: KHOURY, ROSALIND\nAccount 4455", "KHOURY"),
    ("Critical result called to Josefina LaRue by Dr. Okafor at 09:58.", "LaRue"),
])
def test_typed_name_forms(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("Mother's maiden name: St. Clair\nMother's name: Teodora St. Clair\n", "Clair"),
    ("The patient was placed supine. Dr. St. Clair was present throughout.", "St. Clair"),
    ("Implanting physician: Aiko St. Clair, MD", "St. Clair"),
])
def test_saint_surnames_keep_their_saint(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("Disposition: Riverbend Behavioral Health", "Riverbend"),
    ("Receiving facility: St. Perpetua Nursing and Rehabilitation Center", "Perpetua"),
    ("LABORATORY REQUISITION - Drumlin Nursing and Rehabilitation Center Outreach Lab", "Drumlin"),
    ("Location: Ashbury Falls Surgical Associates, OR 3", "Ashbury"),
])
def test_facility_heads_of_typed_documents(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Disposition: admitted to Bay 18 under Dr. Okafor.", "Bay 18"),  # a bay is no place
    ("Prostate, needle biopsies: adenocarcinoma, Braden 14.", "Braden 14"),  # a score named after a person
    ("Parkinson disease; Foley catheter removed; Miami J collar in place; closed with Steri-Strips.",
     "Miami J collar"),
    ("Parkinson disease; Foley catheter removed; Miami J collar in place; closed with Steri-Strips.", "Foley catheter"),
    ("Parkinson disease; Foley catheter removed; Miami J collar in place; closed with Steri-Strips.", "Steri-Strips"),
    ("Prairie View Hospice Patient Financial Services\n", "Financial"),
    ("Patient: Unknown male, GCS 13.", "Unknown"),
    ("Signed by Arjun Valdivia, MD, FACP", "FACP"),  # credentials are neither name nor place
    ("A/P: Child-Pugh B. Outpatient labs next week.", "Outpatient"),
])
def test_typed_document_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


def test_model_date_running_into_an_address_keeps_the_date(deid):
    text = "IMPRESSION: none.\nDictated by: Arjun Fairweather, MBBS\nSigned: May 20, 2012 13:22  Workstation 102.238.242.241\n"
    res = deid.deidentify(text, "p1")
    assert "May 20, 2012" not in res.text and "102.238.242.241" not in res.text, res.text


# -- round 11 (hand-written documents): organisations, branches, units, clerks, month/year dates
@pytest.mark.parametrize("text, secret", [
    ("Biopsy read at Tillamook Pathology, faxed to the office.", "Tillamook"),  # organisation heads
    ("MRA 2/3/24 (Wenatchee Imaging): no stenosis.", "Wenatchee"),
    ("Toxicology sent to Brandvold Labs, work order 22-510344.", "Brandvold"),
    ("Body released to Oyelaran Funeral Services.", "Oyelaran"),
    ("Works days as a loader for Quarles Logistics in town.", "Quarles"),
    ("Referred to Dr. Pike at Kettle Moraine Foot & Ankle for orthotics.", "Moraine"),
    ("From: Yakima Rheumatology & Osteoporosis Center", "Osteoporosis Center"),  # the name goes on after "&"
    ("Bereavement group at Temple Rodef Shalom offered.", "Rodef"),  # a head that comes first
    ("INR checked at Quest - Wenatchee Valley today: 2.4", "Wenatchee"),  # a chain and its branch after a dash
    ("*** FAX *** WALGREENS #04418 - refill request", "04418"),  # a chain and its store number
    ("SW at Ellery Okafor VAMC notified.", "Okafor VAMC"),  # a name before a facility head is the facility's
    ("Transfer to step-down (7 Quinlan) tonight.", "Quinlan"),  # a floor and a building in parentheses
    ("Fell at The Laurels at Wickham, no LOC.", "at Wickham"),  # two places joined by "at" are one
    ("Dictated 3/2/24  Transcribed 3/4/24 by rtq", "rtq"),  # a transcriptionist's initials
    ("Printed 11/02/2024 by mhallorann.", "mhallorann"),
    ("| ibuprofen | 04/2022 - 09/2022 | no effect |", "04/2022"),  # month and year
    ("Paternal grandfather lived to 97.", "97"),  # an age over 89
    ("Chaplain Ext x41177 paged.", "41177"),
    ("Secondary: AARP 27740915-02", "27740915"),  # a long member number with a suffix
    ("Pt: HOLLOWAY, Irene   MRN QMC 0071-5520   Age 80", "0071-5520"),  # spaced ID with a hyphenated group
    ("Nurse report given by Bartłomiej Wiśniewski, RN.", "Wiśniewski"),  # Latin Extended-A letters
])
def test_round11_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("No hyperdensity along the circle of Willis.", "circle of Willis"),  # a medical phrase holds no place
    ("This pattern meets the Amsterdam II criteria.", "Amsterdam II criteria"),
    ("Positive Neer and Hawkins-Kennedy tests; Spurling's negative.", "Hawkins-Kennedy"),
    ("Placenta delivered at 05:02 (Schultze), intact.", "Schultze"),
    ("She lives with her daughter Kari. Health plan number on file.", "Health plan"),  # no name across a sentence
    ("Started Entresto 24/26 BID.", "Entresto"),
    ("Pain improved 8/10 -> 5/10 with PT.", "5/10"),  # pain and strength scores are no dates
    ("She had a mild headache (3/10) this morning.", "3/10"),
    ("  Quad MMT | 3+/5 | 4/5", "4/5"),
    ("Morse fall score 45   BIMS 6/15", "6/15"),
    ("Nottingham score: tubules 3, nuclei 2, mitoses 2 = 7/9.", "7/9"),
    ("MRI conditional - SureScan, OK for MRI.", "SureScan"),  # no name starts inside a word
    ("Sincerely,\nMaren Solberg, MS, CGC, Licensed Genetic Counselor", "Licensed Genetic Counselor"),
])
def test_round11_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


def test_table_columns_say_what_their_cells_hold(deid):
    text = ("SNF referrals sent 3/9:\n"
            "  Facility                      | Status             | Contact\n"
            "  Orchard Ridge Village         | accepted           | Marta Quill, admissions\n"
            "  Sunny Acres of Demopolis      | declined           | -\n"
            "Barriers: none.\n")
    res = deid.deidentify(text, "p1")
    for secret in ("Orchard Ridge Village", "Sunny Acres of Demopolis", "Marta Quill"):
        assert secret not in res.text, res.text
    assert "accepted" in res.text and "admissions" in res.text and "declined" in res.text


# -- round 12 (hand-written training documents): capitals letterheads, branches, clerks, units, brands
@pytest.mark.parametrize("text, secret", [
    ("KESTREL VALLEY MEDICAL CENTER\nCardiology Consultation Note\n", "KESTREL"),  # a letterhead in capitals
    ("CAPITAL PINES REGIONAL HOSPITAL\nHealth Information Management\n", "CAPITAL PINES"),  # the first line
    ("3. RELEASE TO: Love, Day & Street LLP\n", "Street LLP"),  # a firm by its partners
    ("Admit: 03/17/2025   Unit: Fain 4  Rm 412B", "Fain 4"),  # a unit after its label
    ("f/u Alaska Bone & Joint - Midtown 11/20", "Midtown"),  # a branch after a dash
    ("Pharmacy: Hillyard Drug on Francis Ave, auto-refill.", "Francis Ave"),  # the street a place is on
    ("Retired millwright from Wolverine Gear & Axle.", "Wolverine"),  # "X & Y" employers
    ("Brought in via Marion County Fire Rescue with aphasia.", "Rescue"),
    ("Seen at Northeast Wisconsin Heart Institute (NEWHI) in May; NEWHI records requested.", "NEWHI"),
    ("Attending: Chinedu Eze, MD     Scribe: kpetersen\n", "kpetersen"),  # a user name after its label
    ("Scored by: Jenna Stone, RPSGT (jstone). Data uploaded.", "jstone"),  # initial + surname user name
    ("cc: employee; Dr. S. Mehta via fax\nKNE/tm\n", "KNE"),  # typist's reference initials
    ("- Continue weekly group w/ K. Asante; lockbox.", "Asante"),  # an initial and a surname
    ("CASE 1 - HENDRICKS, Mary Lou   MRN GTR-550217   68F", "HENDRICKS"),  # LAST, First
    ("Soo-ah Kim, NNP-BC / attending on call", "Soo-ah Kim"),  # more credentials
    ("Serial # VAC unit KCI-VAC-77310258. Braden 12.", "77310258"),  # an identifier by its shape
    ("Living in a tent near the overpass since August.", "August"),  # a month after a time cue
    ("Neuro: HUS 12/09 and 01/02 normal.", "01/02"),  # a zero-padded pair is a date
    ("Call rec'd Sat 3/15/2025 2148", "Sat"),  # a weekday before a date
    ("case mgr Rosa Delgado x45521.", "45521"),
    ("      SSN (last 4):          3391", "3391"),
    ("Northern Lights Air Medical, aircraft tail N417NL, crew of two", "N417NL"),
    ("Crossroads Oral Surgery\n3401 NW Expressway, Suite 410, Oklahoma City", "3401 NW Expressway"),
    ('Pt: BEAUCHAMP, Theodore "Ted" J., III    MRN 448 201 77', "III"),  # a name's nickname, initial and suffix
])
def test_round12_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Dose Invega Sustenna given before discharge; continue Renvela with meals.", "Renvela"),  # brand drugs
    ("Fluid per Parkland formula; TBSA by Lund and Browder chart.", "Lund and Browder"),
    ("SpO2 98% on 3 L. Glasgow Coma Scale 13.", "Glasgow Coma Scale"),  # a unit, then an eponym
    ("Follow-up visit\nMOVEMENT DISORDERS CLINIC\nSeen today.", "MOVEMENT DISORDERS CLINIC"),  # a heading of words
])
def test_round12_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


# -- round 13 (hand-written typed documents, names in every form): user names, initials, forms
@pytest.mark.parametrize("text, secret", [
    ("| Date       | Time  | User      | Role |\n| 12/02/2024 | 07:41 | qvlambert | self |\n", "qvlambert"),  # a log
    ("Proxy accounts: hedda.morrow (daughter), tkatz_bx (grandson)", "hedda.morrow"),  # user names by shape
    ("Triage RN: Love, Tamika, RN  (tlove2)", "tlove2"),
    ("Signed 08/05/2025 16:40\nDictation job # J7730152   /lpo/dmk\n", "dmk"),  # dictation initials
    ("Last: OBI    First: CHUKWUEMEKA    MI: N\nDOB: 11/02/1979", "MI: N"),  # a middle initial field
    ("Signature of patient: /s/ Fatima A Warsame       Date: 04/02/2025", "Warsame"),
    ("RE: WOJCIECHOWSKI, Stanislaw J\nDOB: 07/14/1950", "Stanislaw"),  # LAST, First with an unknown given name
    ("| metoprolol | 50 mg | CHANGED | Okonkwo, I |", "Okonkwo"),  # a surname and an initial in a table
    ("Processed by mkozlowski, sent 1/10 via fax.", "mkozlowski"),
])
def test_round13_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Warmed with a Bair Hugger; skin closed with Dermabond.", "Bair Hugger"),
    ("Hoyer lift for transfers; Blake drain to bulb suction.", "Blake drain"),
    ("Attached report.pdf and scan_2.jpg for review.", "report.pdf"),  # file names are no user names
])
def test_round13_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


# -- round 14 (hand-written typed documents of many origins): letters beyond Latin-1 inside a name
@pytest.mark.parametrize("text, secret", [
    ("Start of care: 1/27/2025\nPatient: Nguyễn Thị Bích     Age: 90     DOB: 1934-10-10", "Bích"),
    ("TRIANGLE HEADACHE & NEUROLOGY CENTER\n4101 Lake Boone Trl, Ste 305\nRaleigh, NC 27607", "TRIANGLE"),  # letterhead
    ("ORLANDO EAR, NOSE & THROAT GROUP\nPO Box 547812, Orlando, FL 32854", "ORLANDO EAR"),
    ("From: ST. STANISLAUS HOME FOR THE AGED\n      3440 S Archer Ave, Chicago, IL 60608", "STANISLAUS"),
    ("Excuse given for class absence today.\n\nSinéad Okoro-Flynn, PT, DPT, SCS     02/05/2025", "Okoro-Flynn"),
    ("Patient: Ó Briain, Pádraig S.     DOB: 03/17/1939", "Pádraig"),  # a particle before the surname
    ("Client: Pierre-Jacques, Marie Évelyne     Agency ID: FHC-20-44871", "Évelyne"),
    ("Infant: ADEYINKA-OJO, AYOMIDE TOLUWANI     Sex: M", "TOLUWANI"),
    ("PCP: Will Faulkner, MD", "Will"),  # a given name that is also an English word, before a surname
    ("NAME: ADEBAYO-OGUNLEYE, OLUWASEUN K   AKA \"Seun\"", "Seun"),  # nicknames after a cue or "Last, First"
    ("RE: Jeong, Ha-eun (\"Haeun\")     DOB: 03/14/2011", "Haeun"),
    ("Dictated: Teodora Vasilescu, MD\nTranscribed: jlw", "jlw"),
    ("Lift limit 15 lb; work note given for Badger State Mechanical. Follow-up in 2 weeks.", "Badger"),  # employers
    ("my husband is working the night at the walmart in edinburg", "walmart"),
    ("To: Sunshine State Freight Lines, Human Resources", "Freight Lines"),
    ("GOLDEN GATE HOSPICE & PALLIATIVE CARE\nRN CASE MANAGER HOME VISIT", "GOLDEN GATE"),  # a letterhead line
    ("BAY STATE VISITING NURSE ASSOCIATION - SKILLED NURSING VISIT NOTE\nPt seen.", "BAY STATE"),
])
def test_round14_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Physical Therapy\n3 sessions per week, gait training.", "Physical Therapy"),  # a heading, no street below
    ("OUTPATIENT PHYSICAL THERAPY NOTE\n4101 Lake Boone Trl, Ste 305", "PHYSICAL THERAPY NOTE"),  # the document
    ("MOVEMENT DISORDERS CLINIC\nFollow-up visit for tremor.", "MOVEMENT DISORDERS CLINIC"),  # names no one
    ("Wound Care Center\nVisit note", "Wound Care Center"),
    ("Catheter size 14 (\"Foley\") placed; works at a desk; job at risk; works for Medicare.", "Foley"),
    ("Typed: yes. Works at a desk; job at risk.", "Typed: yes"),
])
def test_round14_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


# -- round 15a (hand-written typed documents; 15b is kept unread as its held-out partner)
@pytest.mark.parametrize("text, secret", [
    ("Father, 68, lives in Stevens Point; colon cancer.", "Stevens"),  # an eponym-like town after a place cue
    ("Son Clarence lives in Mobile and visits monthly.", "Mobile"),
    ("09/22/2025 08:47   Documented by: kjablonski (Front Desk)", "kjablonski"),  # user names after a cue
    ("09/22/2025 09:08   Documented by: WPAWLAK (MD)", "WPAWLAK"),
    ("Outside images: Valley Imaging\nTechnologist: RJ\n", "RJ"),
    ("SISTER DOLORES (94) AT HOME IN BERWYN, WILL CALL.", "(94)"),  # ages over 89 after a name or a life event
    ("Grandmother, Yer Thao, alive at 90, no cancer.", "at 90"),
    ("Grandfather died in '98 at 94 of old age.", "at 94"),
    ("Occupation: operator, Gallup Coal & Haul Company, 31 years.", "Coal"),  # an organisation's whole name
    ("Outpatient therapy at Acadiana Bone & Joint Therapy in Lafayette.", "Joint Therapy"),
    ("She answers phones on Saturdays for Dingess Brothers Roofing.", "Brothers Roofing"),
    ("Sent via: Somerset Area Ambulance Association, Medic 12, BLS", "Ambulance Association"),
    ("lowell general micu rm 6 | pt chhay, sophal 71m, mrn lg0093321.", "sophal"),  # Last, First before age/sex
    ("0905 REQ # BB-240122-0044 - KOVAČEVIĆ, EMIR, 48 M, FROM WASHINGTON HEALTH", "EMIR"),
    ("Member of St. Genevieve Catholic Church for over 60 years.", "Genevieve"),
    ("Member of St. Genevieve Catholic Church for over 60 years.", "St. "),  # the saint's prefix goes with it
    ("bhu nursing note - providence sacred heart medical center, spokane, wa\ndate 6/11/24", "sacred heart"),
    ("bhu nursing note - providence sacred heart medical center, spokane, wa\ndate 6/11/24", "spokane"),
])
def test_round15_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("On buprenorphine-naloxone 8/2 mg twice daily; hydrocodone 5/325 mg prn.", "8/2 mg"),  # doses, not dates
    ("On buprenorphine-naloxone 8/2 mg twice daily; hydrocodone 5/325 mg prn.", "5/325 mg"),
    ("GU: 16 Fr Foley changed today per order.", "16 Fr Foley"),  # French gauge, not Father
    ("Took Mr. Jones home after the visit.", "home after"),  # a head word in lower case ends no organisation
    ("Vitals, temp 98 F, HR 80. Afebrile, Tmax 101 F.", "Vitals, temp 98 F"),  # no "Last, First 98 F"
    ("Recently moved to Bakersfield from Mexico. Sister in Poland.", "Mexico"),  # countries are no identifiers
    ("Date of service.... May 18, 2020\nEndoscopist....... Bjorn B. Fairweather, MD", "Endoscopist"),
    ("PERSON INVOLVED:  [X] Resident", "PERSON INVOLVED"),
    ("PRE-OPERATIVE CHECKLIST - SAME DAY SURGERY\nPatient ready.", "SAME DAY SURGERY"),  # a title part, no facility
    ("DISCHARGE SUMMARY - CARDIOLOGY\nAdmitted for chest pain.", "CARDIOLOGY"),
    ("INR therapeutic, 3 days at target. Out 2 days for Strep Throat. Works for Family Business.", "Strep Throat"),
    ("INR therapeutic, 3 days at target. Out 2 days for Strep Throat. Works for Family Business.", "Family Business"),
    ("Guide: Launcher, Medtronic 6F. Drain: Blake, Ethicon 19 F. Ambulated with walker, Long 50 m.", "walker, Long"),
    ("Guide: Launcher, Medtronic 6F. Drain: Blake, Ethicon 19 F.", "Launcher, Medtronic"),
    ("allergies entered: nkda\norders entered: all", "nkda"),
    ("LONG COVID CLINIC\nFollow-up in 3 months.", "LONG COVID CLINIC"),
    ("School: Grade 3. Church: Catholic.", "Catholic"),
    ('Uses meth aka "Ice" and MDMA aka "Molly".', "Ice"),
])
def test_round15_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("PCP: Will Sterling, MD, Wichita.", "Will"),  # a given name that is also a word, next to a found name
    ("Family: wife Mae Yazzie at bedside.", "Mae"),
    ("Circulating RN: May Bloom\nScrub: T. Ng", "May"),  # a modal opening a form's value
    ("Study coordinator: Quang Le, pager 4471.", "Le,"),  # a short surname after a found given name
    ("Seen with her son Nguyễn Văn Thành today.", "Thành"),  # accents fold to the census's spelling
    ("PATIENT: BEGAY, LORETTA MAE    DOB 03/02/1951", "MAE"),
    ("Interpreter for Yusuf bin Rashid al-Harthy, Arabic.", "bin"),  # particles and articles inside a name
    ("Interpreter for Yusuf bin Rashid al-Harthy, Arabic.", "al-"),
    ("Patient: Pieter van den Berg, 71.", "van den"),
    ("Seen with Casey McGillicuddy, RN (cmcgill) at bedside.", "cmcgill"),  # a user name made from a found name
    ("Transferred to Magnolia ICU overnight.", "ICU"),  # a named unit, lab or squad takes its last word
    ("Spirometry at Rouge River Pulmonary Lab on 5/19.", "Pulmonary Lab"),
    ("Returned to Whitman 3 Surgical after PACU.", "Surgical"),
    ("Address: 4417 Calle Montoya, Suite 210, Santa Fe", "Calle Montoya"),  # the street word before the name
    ("Mailing address: Calle Marina 2257, Ponce", "Marina"),
    ("Interpreter for Yusuf bin Rashid bin Khalid al-Harthy today.", "Khalid"),  # every particle of a name
    ("Patient: Smith, John A    MRN 4471123\nUser: jsmith2 printed the list.", "jsmith2"),  # a handle of Last, First
    ("Rheumatology follow-up.\nPractice: Chesapeake Arthritis & Osteoporosis Center\nFax 410-555-0199", "Arthritis"),
    ("Disposition: burial, Riverside Cemetery family plot, per family.", "Riverside"),  # its lower-case tail cut
])
def test_round17_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Dr. Alan Spirin reviewed; aspirin 81 mg daily.", "aspirin"),  # a drug is no user name of Alan Spirin
    ("Maria Lopez Graves disease, on methimazole.", "Graves disease"),  # a name never takes an eponym after it
    ("PT JOHN SMITH LE EDEMA 2+.", "LE EDEMA"),  # nor charting words that are also census names
    ("PT JOHN SMITH ASA HELD FOR PROCEDURE.", "ASA HELD"),
    ("DR PATEL ENDO CONSULT IN AM.", "ENDO CONSULT"),
    ("Daughter Rose Smith Stryker bed ordered.", "Stryker bed"),
    ("Address: Calle Marina 2257\nRoom air, SpO2 97%", "Room air"),  # a street ends at its line
    ("Circulating RN: May Bloom\nCharge RN: Ann Ruiz", "Circulating RN:"),  # a label ending in a credential
    ("Circulating RN: May Bloom\nCharge RN: Ann Ruiz", "Charge RN:"),
    ("FINAL DIAGNOSIS: INVASIVE DUCTAL CARCINOMA, NOTTINGHAM GRADE 2 (7/9).", "NOTTINGHAM GRADE"),  # a grading system
    ("Complication: Clavien-Dindo grade II ileus.", "Clavien-Dindo grade"),
    ("Hiatal hernia with two Cameron lesions; Los Angeles grade A esophagitis.", "Cameron lesions"),  # round 22
    ("Hiatal hernia with two Cameron lesions; Los Angeles grade A esophagitis.", "Los Angeles grade"),
    ("Ortolani and Barlow maneuvers negative; the ampulla of Vater is unremarkable.", "Barlow maneuvers"),
    ("Ortolani and Barlow maneuvers negative; the ampulla of Vater is unremarkable.", "ampulla of Vater"),
])
def test_round17_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


@pytest.mark.parametrize("text, secret", [
    ("Residence: 61455 Parrell Road, Unit 12, Bend, OR 97702", "Bend"),  # a medical word before a state and ZIP
    ("Son lives in Bend, Oregon and visits weekly.", "Bend"),  # or before a state's name
    ("Triage by RN Yuk-Lan Wong.\nCalled daughter back, left voicemail. - YLW", "YLW"),  # a found name's initials
    ("Seen with Mary Ann Cole.\nDressing changed per MAC.", "MAC"),
    ("Triage by RN Jane Wu.\nDaughter updated by phone. - JW", "JW"),  # two letters where they sign a line
    ("Family called by registration clerk jpetrosyan at 02:40.", "jpetrosyan"),  # a user name the tagger found
    ("Message routed by lbranigan (MA) to the RN pool.", "lbranigan"),
    ("Paged Dr. Ngozi Eze, Dr. Will Hardy (EM).", "Will"),  # a given name that is also a word, after a title
    ('PATIENT: THIBODEAUX, ANTOINE JOSEPH "TEE-JOE"   SEX: M', "TEE-JOE"),  # a nickname in capitals
    ("thanks so much\nsiobhan (aka shiv)", "shiv"),
    ("Seen with Jakub (Peg) Virtanen at bedside.", "Peg"),  # a census given name that is also a word
    ("Patient John Cooper's son visited; Ms. Angela Ludwig's daughter drove.", "Cooper"),  # a name, no eponym
    ("Copies to: PRUDHOMME, REMY, MD (ACADIANA ENDOCRINE), fax 337-984-2210", "ACADIANA ENDOCRINE"),  # a practice
    ("cc: Olivia Guidry, NP (Bayou Teche Family Practice)", "Family Practice"),
    ("He worked 30 years at Homestake Mine, then retired.", "Mine"),  # an organisation's head after its name
    ("To: Kolburne Meadows Rehabilitation and Hospice House, 344 South Undermountain Road", "Hospice House"),
    ("Twin Cities Institute for Translational Health\nINFORMED CONSENT", "Translational"),  # a field after "for"
])
def test_round18_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Chronic low back pain, MD follow-up in 2 weeks.", "back pain"),  # a state abbreviation is no place cue alone
    ("Seen with Carl Henry Fisher, cardiology.\nCHF exacerbation, diuresed.", "CHF"),  # initials that are medicine
    ("Triage by RN Jane Wu. JW reports pain 4/10.", "reports pain 4/10"),  # "JW" may be read as her initials
    ("Seen with Robert L. Evans, MD.\nExam: RLE edema 2+, warm.", "RLE edema"),  # three letters inside a sentence
    ("Reviewed with Dr. Ann Lee. Pt states she is takng her meds.", "takng"),  # a misspelling is no user name
    ("cc: Dr. Jo Lee, MD (Cardiology); Dr. Ann Ruiz (Oncology)", "(Cardiology)"),  # a department, no nickname
    ("cc: Dr. Jo Lee, MD (Cardiology); Dr. Ann Ruiz (Oncology)", "(Oncology)"),
    ("Referred John Smith for Behavioral Health intake.", "for Behavioral Health"),  # a name takes no field
    ("Oblique incision. Scarpa's fascia divided; tethering of Cooper's ligaments.", "Scarpa's fascia"),  # eponyms
    ("Oblique incision. Scarpa's fascia divided; tethering of Cooper's ligaments.", "Cooper's ligaments"),
    ("Tinel negative at Guyon's canal. Kocher clamp used.", "Guyon's canal"),
    ("Bethesda System category IV, follicular neoplasm.", "Bethesda System"),  # a medical phrase, no organisation
    ("Epworth sleepiness score 17. Braxton Hicks type contractions.", "Braxton Hicks"),
])
def test_round18_terms_stay(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert kept in res.text, res.text


SOCIAL = ("Social: per nursing, his sister jolene is staying with him at the trailer on the old highway past the "
          "grocery in town and visits daily.")


@pytest.mark.parametrize("text, spans", [
    ("From: Ann Lee   Sent: 6 PM\nok here are my readings from this week, ankles better already thank you so much",
     ["ok here are my readings from this week, ankles better already thank you so much"]),  # a line of a passage
    (SOCIAL + " Patient works for Clearfork Timber Company.", [SOCIAL]),  # a sentence of a line
    ("Patient Seen In Clinic Today With Her Daughter Who Drove Her Here From Home.", []),
])
def test_one_case_spans(text, spans):
    assert [text[a:b] for a, b, _ in _one_case_spans(text, min_letters=60)] == spans


@pytest.mark.parametrize("text, span, organisation", [
    ("Intake at Merrimack Valley Opioid Treatment Program today.", "Merrimack Valley Opioid", True),
    ("Interpreter via Tucumcari Language Services, in person.", "Tucumcari Language Services", True),
    ("Follow-up with Sports Medicine next week.", "Sports Medicine", False),  # no word of its own
    ("Referred to Opioid Treatment Program.", "Opioid Treatment Program", False),
    ("Seen at Merrimack Valley clinic.", "Merrimack Valley", False),  # no head word: the usual vetting decides
    ("Intake at Merrimack Valley\nOpioid Treatment Program", "Merrimack Valley\nOpioid", False),  # one line only
    ("PET at Aspirus Health System - Marquette today.", "Aspirus Health System - Marquette", True),  # then a branch
    ("Referred to Heart Failure Clinic at Mercy.", "Heart Failure Clinic", False),  # generic and medical words only
    ("Placed in Memory Care Unit.", "Memory Care Unit", False),
    ("Referred to Home Health Services.", "Home Health Services", False),  # heads, even those ending in s
    ("Seen by Surgical Associates.", "Surgical Associates", False),
    ("LONG COVID CLINIC\nFollow-up in 3 months.", "LONG COVID CLINIC", False),  # capitals need a name word
    ("Housing via Opening Doors Refugee Services.", "Opening Doors Refugee Services", True),  # English words of its own
    ("Seen in Pain Management Program.", "Pain Management Program", False),  # in a medical term with its neighbour
])
def test_a_taggers_organisation_keeps_its_medical_words(deid, text, span, organisation):
    s = text.index(span)
    assert deid._organisation_phrase(text, s, s + len(span)) is organisation


@pytest.mark.parametrize("text, organisation", [
    ("Interpreter-assisted call with patient at Laguna Honda. Patient asking when he can return home.", "Laguna"),
    ("Employed by Dracut Sheet Metal as a welder.", "Dracut"),
])
def test_an_organisation_the_model_names_is_removed(deid, text, organisation):
    assert organisation not in deid.deidentify(text).text


@pytest.mark.parametrize("text", [
    "Referred to Social Work for housing; Glasgow Coma Scale 15.",
    "Epworth Sleepiness Scale 14; Montreal Cognitive Assessment 26/30.",
    "She works nights at Blue Heron Coffee and is on her feet all shift.",  # English words only: no name of its own
    "Generator: Medtronic Azure XT DR MRI SureScan, interrogated today.",  # a device
])
def test_an_organisation_of_service_or_medical_words_stays(deid, text):
    assert deid.deidentify(text).text == text


@pytest.mark.parametrize("text, handle", [
    ("Scribe: kpetersen\nCHIEF COMPLAINT: fever", "kpetersen"),
    ("| 04/02/25 | 0720 tchau      | 0735  |", "tchau"),
    ("Message closed by handerson 06/11/2025 08:21", "handerson"),
])
def test_a_staff_user_name_the_note_spells_nowhere_else_is_removed(deid, text, handle):
    assert handle not in deid.deidentify(text).text


def test_words_shaped_like_user_names_stay(deid):
    text = "Placenta delivered spont 1349, intact; 2 cm above plafond. Three tries; he cries."
    assert deid.deidentify(text).text == text


def test_a_fraction_shaped_pair_is_a_date_in_a_month_the_note_dates(deid):
    text = "Admitted 3/2/2025 after a fall.\nExam 3/4: cogwheel rigidity. Post Hgb 3/8 1600: 8.4. Tank 3/4 full."
    spans = [text[s.start:s.end] for s in deid.deidentify(text).spans]
    assert spans.count("3/4") == 1 and "3/8" in spans  # "3/4 full" stays a quantity
    other_month = "Admitted 5/2/2025 after a fall.\nExam 3/4: cogwheel rigidity."
    assert "3/4" in deid.deidentify(other_month).text


def test_a_name_a_person_goes_by_is_removed_wherever_it_stands(deid):
    text = ('Patient: O Briain, Padraig S. (goes by "Paddy")\nS: Wife reports Paddy "froze" in the doorway.\n'
            "Family notified: grandson Will (William Price III) at 0700. Will follow up with PCP; patient will call.")
    out = deid.deidentify(text).text
    assert "Paddy" not in out and "grandson Will" not in out
    assert "Will follow up" in out and "patient will call" in out  # an English word opening a sentence stays


@pytest.mark.parametrize("text", [
    'Family prefers "Comfort Care". Transition to comfort care discussed.',
    'Uses heroin, also known as "Boy"; meth aka "Ice".',
    "Resp and CVS examination normal. Cyclic vomiting syndrome (CVS) suspected.",
    "Religion: amish. Insurance: humana. Language: oromo (interpreter).",
    "Tokyo Guidelines grade II cholangitis.",
])
def test_words_that_only_look_like_identifiers_stay(deid, text):
    assert deid.deidentify(text).text == text


def test_a_fraction_on_a_counting_line_stays_in_a_month_the_note_dates(deid):
    out = deid.deidentify("Visit 03/02/2023.\nMeal intake: breakfast 3/4, lunch 1/2. DP pulses 1/4.").text
    assert "breakfast 3/4" in out and "pulses 1/4" in out


def test_a_lower_case_name_after_patient_is_still_a_name(deid):
    assert "jones" not in deid.deidentify("Phone note: Pt bill jones called the clinic today.").text


@pytest.mark.parametrize("text, store", [
    ("can u send the refill to the cvs on dixie hwy? thanks", "cvs on dixie hwy"),
    ("i weighed myself at the shoprite in lodi last week", "shoprite"),
    ("EVENTS: pt fell at Stop and Shop on 6/18, sdh on ct.", "Stop and Shop"),
    ("Pharmacy: Rite Aid, Central Ave.", "Rite Aid"),  # tuning sets' writers mark chains as places 90 of 95 times
])
def test_a_store_chain_where_the_patient_shops_is_removed_in_any_case(deid, text, store):
    assert store not in deid.deidentify(text).text


def test_user_names_come_only_from_latin_letters():
    from medkg.nlp.deid import PhiType, _Cand, _name_handles

    text = "Мария Ivanova seen; mivanova and ivanova1 on the list."
    found = [_Cand(PhiType.NAME, 0, 13, "context", 70)]
    assert _name_handles(text, found, lambda _: True) == []  # the given name has no Latin letter: no initial, no crash


@pytest.mark.parametrize("mode", ["tag", "surrogate"])
@pytest.mark.parametrize("text, date_rx", [
    ("Call rec'd Sat 3/15/2025 2148 from pt.", r"(\d{1,2})/(\d{2})/(\d{4})"),
    ("Seen on Tuesday, March 4, 2025 by team.", r"([A-Z][a-z]+) (\d{1,2}), (\d{4})"),
    ("FRIDAY 1/9/2015: pt stable", r"(\d{1,2})/(\d{1,2})/(\d{4})"),
])
def test_a_weekday_before_a_shifted_date_is_the_shifted_dates_weekday(mode, text, date_rx):
    import calendar

    deid = Deidentifier(DeidConfig(mode=mode, use_model=False), pseudonymizer=Pseudonymizer(KEY))
    out = deid.deidentify(text, "P1").text
    a, b, y = re.search(date_rx, out).groups()
    shifted = date(int(y), list(calendar.month_name).index(a) if a.isalpha() else int(a), int(b))
    weekday = re.search(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*", out)
    assert weekday.group(1).lower() == calendar.day_abbr[shifted.weekday()].lower(), out
    assert "[DATE]" not in out and weekday.group(0).isupper() == text.startswith("FRIDAY"), out  # style kept
    tagged = Deidentifier(DeidConfig(mode=mode, dates="tag", use_model=False), pseudonymizer=Pseudonymizer(KEY))
    assert not re.search(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)", tagged.deidentify(text, "P1").text)


def test_surrogate_mode_never_makes_up_a_date():
    """A date that is not shifted (dates="tag", or a month that names no day of its own) is tagged, not scrambled
    into characters that would read as the patient's real date ("3/4/2021" -> "14/19/5845")."""
    text = "Admitted 3/4/2021, worse since mid-March; seen 04/05/21."
    for dates in ("tag", "shift"):
        deid = Deidentifier(DeidConfig(mode="surrogate", dates=dates, use_model=False), pseudonymizer=Pseudonymizer(KEY))
        out = deid.deidentify(text, "P1").text
        if dates == "tag":
            assert out == "Admitted [DATE], worse since mid-[DATE]; seen [DATE].", out
        else:
            assert re.fullmatch(r"Admitted \d{1,2}/\d{1,2}/\d{4}, worse since mid-\[DATE\]; seen \d\d/\d\d/\d\d\.", out), out


@pytest.mark.parametrize("value, cased", [
    ("HARGROVE, Dennis W.", True), ("Nguyễn Thị Lan", True), ("Silverton Physical Therapy & Wellness", True),
    ("Magnolia 5 North", True), ("Children's Colorado", True), ("O'Neill", True),
    ("Two euploid embryos", False), ("FaceTime", False), ("Beta hCG", False), ("Quad MMT", False),
    ("PERSON", False), ("of Smith", False), ("Endoscopist:", False),
])
def test_learned_spans_written_like_names(value, cased):
    """The learned tagger's spans must be written like a name or an organisation where the text has letter case."""
    from medkg.nlp.deid import _cased_words

    assert _cased_words(value) is cased


PORTAL_MESSAGE = ("Patient Portal Message\nFrom: Patient\nSubject: Refill question\n\n"
                  "hi doctor i need a refill of my lisinopril 10 mg. my pharmacy is the walgreens on harlem ave in "
                  "aurora. my daughter rosa will pick it up friday.\n\n"
                  "Reply from Dr. Smith: Refill sent to pharmacy on file.")


@pytest.mark.parametrize("text, secrets, kept", [
    (PORTAL_MESSAGE, ["aurora", "walgreens on harlem", "rosa", "Smith"], ["lisinopril 10 mg", "Refill sent"]),
    ("Patient message:\n\nwe got back from my sisters place in duluth last night and my son tomas has a fever of "
     "102. should i bring him in or just give tylenol?\n\nTriage RN reply: Please call the clinic.",
     ["duluth", "tomas"], ["tylenol", "fever of 102", "Triage RN reply"]),
])
def test_a_lower_case_passage_in_a_cased_note_is_read_as_a_lower_case_note(deid, text, secrets, kept):
    res = deid.deidentify(text, "p1")
    assert not [s for s in secrets if s in res.text], res.text
    assert all(k in res.text for k in kept), res.text


@pytest.mark.parametrize("department", ["Adult Protective Services", "Quality Improvement Committee",
                                        "Supported Housing Program", "Guest Relations Office"])
@pytest.mark.parametrize("template", ["Patient was referred to {} for follow-up.",
                                      "Discussed with {} today; they will call the family."])
def test_a_department_after_a_name_cue_is_no_person(deid, department, template):
    res = deid.deidentify(template.format(department), "p1")
    assert department in res.text, res.text


@pytest.mark.parametrize("text, person", [
    ("Spoke with Gene Frank Team lead today.", "Gene Frank"),  # a role word after the head: a person
    ("Spoke with Joy Wood unit manager today.", "Joy Wood"),
    ("Discussed with Grace Hill Clinic staff.", "Grace Hill"),  # a given name: a person, or the clinic's own name
])
def test_a_person_before_a_department_word_stays_a_person(deid, text, person):
    res = deid.deidentify(text, "p1")
    assert person not in res.text, res.text


@pytest.mark.parametrize("term", ["atrioventricular nodal reentry tachycardia", "von willebrand factor deficiency"])
def test_a_one_case_passage_keeps_its_medical_terms(deid, term):
    text = (f"Patient Portal Message\nFrom: Patient\n\nhi doctor my mom was told she has {term} and we are worried "
            "about her trip next week\n\nReply from Dr. Smith: Noted.")
    res = deid.deidentify(text, "p1")
    assert term in res.text, res.text


FLOWSHEET = ("Date | Dressing | RN\n"
             "3/1  | foam     | PQ\n"
             "3/2  | foam     | LS/PQ\n"
             "Signature key: PQ = Priya Quayle RN; LS = Lorenzo Sato RN\n")


@pytest.mark.parametrize("text, secrets, kept", [
    # initials a key defines are a name in every cell they sign
    (FLOWSHEET, ["PQ", "LS", "Priya Quayle", "Lorenzo Sato"], ["foam", "Dressing", "RN"]),
    # initials after a signing label, alone or joined by "/"
    ("Signed: GHT / MV\nCounts correct x2: DLR / KW\nVerified: OK", ["GHT", "MV", "DLR", "KW"], ["Verified: OK"]),
    # a user name that ends in its credential
    ("Entered by kmarshRN at 0710. IV placed by RN.", ["kmarsh"], ["IV placed by RN"]),
    # after a patient label, a census given name vouches for a surname that is also a word
    ("Transfusion record\nPt: BLOOD, SAMUEL T    MRN 40012345\nPremedicated with acetaminophen.", ["BLOOD", "SAMUEL"],
     ["acetaminophen"]),
    ("Pt / MRN | Result\nWOLF, GRACE / M0041873 | K 6.8\n", ["WOLF", "GRACE"], ["K 6.8"]),
    # a title and a census given name vouch for a surname that is a word; so does a credential after an initial
    ("Follow up with Dr Simone Heart in 2 weeks.", ["Heart"], ["Follow up", "2 weeks"]),
    ("Specimen drawn by K. Bone PCT at 0540.", ["Bone"], ["Specimen drawn by"]),
    # an age in parentheses after a birth date; a lot column; an in-law; a carrier; a Hawaiian house number
    ("DOB 5/30/1931 (93 y)", ["(93 y)"], ["y)"]),
    ("Vaccine | Lot | Site\nMMR | QZ4417 | L arm\n", ["QZ4417"], ["MMR", "L arm"]),
    ("Son and SIL Oona at bedside.", ["Oona"], ["at bedside"]),
    ("Transport: Private Vehicle\nDME: Rolling Walker", [], ["Private Vehicle", "Rolling Walker"]),
    ("Home: 91-2044 Kaiau St, Ewa Beach HI", ["91-2044 Kaiau St"], []),
    # a key without "=", initials a "Recorder:" or "initials" names, a branch's town after its store number
    ("Key: TR Tomasz Rybak RN | QA Quinn Abernathy RN\n3/1 | TR\n3/2 | QA\n", ["TR", "QA"], ["Key:"]),
    ("Recorder: HK    Time closed 1720\nSite marked by Dr. Petra Lindqvist, initials PL on R knee.", ["HK", "PL"],
     ["Time closed", "on R knee"]),
    ("Last fill 2/28 (Walmart Pharmacy #1187 Coatesburg).", ["Coatesburg"], ["Last fill"]),
    # a schedule's "Surname, Given (record number)" and its date before a clock time; an age after a birth year
    ("3/25 1010  FROST, HELGA (70012345) - echo moved", ["FROST", "HELGA", "3/25"], ["echo moved"]),
    ("DOB 09/09/1930 (94)   MRN 60277810", ["(94)"], []),
    # a key vouches for a name of words ("Snow"), a role after it stays; initials before a name in parentheses
    ("Observer key: LS = Lerato Snow MHT | HG = Hamza Guler MHT\n2215 | calm | LS\n", ["LS", "Lerato Snow", "HG"],
     ["MHT", "calm"]),
    ("Witness to collection: SR (Santiago Ruiz, ED tech).", ["SR", "Santiago Ruiz"], ["ED tech"]),
    # a lower-case article in a surname, a badge number after a name, a supplier, a delivery date
    ("Nephrologist: Farouk al-Hashimi MD", ["Farouk", "al-Hashimi"], ["Nephrologist", "MD"]),
    ("Transport by Dep. T. Young #4471 at 0231", ["Young", "4471"], ["Transport by"]),
    ("Supplier: AirLife Respiratory Solutions   Supplier # NSC-4471822001", ["AirLife"], []),
    ("Delivered 3/4 by tech Joaquin Ibarra.", ["3/4", "Ibarra"], ["Delivered"]),
    # generated notes: a role or relation vouches for a word surname; a name opening a line; ages written "99y"
    ("Met with roommate Kingsley Payne and husband Sterling \"Butch\" Frost by phone.", ["Payne", "Frost", "Butch"],
     ["roommate", "husband", "by phone"]),
    ("To whom it may concern:\nBrandon Whitlock was seen in clinic today.", ["Brandon Whitlock"], ["was seen"]),
    ("Decedent: RUSSO, GIULIA S   Age 99y   DOD 02/10/2025", ["99y"], ["Age"]),
    ("Resolved by Priya Iyer (priiyer); Registration: brogay", ["priiyer", "brogay"], ["Resolved by"]),
    ("Dictated by: A. Hassan, MD   Transcribed: AH/kk 7/24", ["AH/", "/kk"], ["Transcribed"]),
    # a key's initials that are a word or an abbreviation name its person there and in table cells, nowhere else
    ("Initials key: RE = Randall Epley, PharmD\n| apixaban | 5 mg BID | RE |\n| Given by | RE |\nRE: refill request.",
     ["RE =", "| RE |", "by | RE", "Epley"], ["RE: refill"]),
    ("Signature key: PE = Paul Evans MD; MS = Mary Sood RN\nPE / DVT ruled out by CTA.\nPMH: HTN / DM / MS\nMS",
     ["PE =", "MS =", "Evans", "Sood"], ["PE / DVT", "DM / MS\nMS"]),
    ("KEY:\nIF = Iris Finch, NP\nNP = Nam V. Phan, NP\nIF needed, call. Seen by NP.", ["IF =", "NP =", "Phan"],
     ["IF needed", "Seen by NP"]),
    ("Mary Smith (MS) reviewed; MS flare suspected.\nHR = Hana Reyes RN\nVitals | HR | 88", ["(MS)", "HR ="],
     ["MS flare", "| HR | 88"]),
])
def test_form_documents_keep_no_initials_logins_or_carriers(deid, text, secrets, kept):
    res = deid.deidentify(text, "p1")
    assert not [s for s in secrets if s in res.text], res.text
    assert all(k in res.text for k in kept), res.text


def test_a_street_never_runs_over_a_sentence_end(deid):
    text = "Refill sent to Walgreens #1234 Elmwood. Dr Patel will call the patient."
    res = deid.deidentify(text, "p1")
    assert not [s for s in res.spans if s.type is PhiType.ADDRESS and "Dr" in text[s.start:s.end]], res.spans


def test_a_phone_number_and_a_street_stay_on_their_own_line_and_words(deid):
    text = "Confirmed cell 555-904-1132.\n3/24 0940 echo; 3/24 1015  Dr. Oyinkansola Bankole-Reyes to overbook."
    res = deid.deidentify(text, "p1")
    assert not [s for s in res.spans if s.type is PhiType.PHONE and "\n" in text[s.start:s.end]], res.spans
    assert not [s for s in res.spans if s.type is PhiType.ADDRESS], res.spans


@pytest.mark.parametrize("text, kept", [
    ("Abbreviations: CHF = Congestive Heart Failure; WNL = Within Normal Limits.\nStrength WNL.",  # a legend
     ["CHF = Congestive Heart Failure", "Strength WNL"]),
    ("Dx confirmed HIV. Read back: CBC, BMP. Recorder: SELF", ["confirmed HIV", "CBC", "SELF"]),
    ("System | RN Assessment\nNeuro | Alert and oriented\n", ["Alert and oriented"]),
    ("Time | RN | Note\n0800 | Day shift | ok\n", ["Day shift"]),
    ("Item | Lot | Exp\nGauze 4x4 | 200 count | n/a\n", ["200 count"]),
    ("Referred for L. Knee PT.", ["L. Knee PT"]),
    ("Febrile at 2200 (101), cultures sent.", ["(101)"]),
    ("Ambien 1/2 2100 prn.", ["1/2 2100"]),
    ("Patient COMFORTABLE, RICH IN PROTEIN DIET ORDERED", ["COMFORTABLE, RICH"]),
])
def test_form_rules_leave_clinical_text_alone(deid, text, kept):
    res = deid.deidentify(text, "p1")
    assert all(k in res.text for k in kept), res.text


@pytest.mark.parametrize("text, secrets", [
    ("Flat 3/2, 14 Comely Bank Row, Edinburgh EH4 1DS\n", ["Flat 3/2", "Comely Bank Row", "Edinburgh", "EH4 1DS"]),
    ("Unit 4, Marlay Court, Ballinteer, Dublin 16 D16 K2X9\n", ["Unit 4", "Marlay", "Ballinteer", "Dublin", "K2X9"]),
    ("Suite 5, Level 2, 41 Pittwater Road, Dee Why NSW 2099\n", ["Suite 5", "Pittwater", "Dee Why", "2099"]),
    ("250 Queens Quay West, Suite 1404\nToronto, Ontario M5J 2N2\n", ["Queens Quay", "1404", "Toronto", "M5J 2N2"]),
    ("Brookfield Surgery\n2 Mill Lane\nLittle Haddon\nAC9 3QP\n", ["Mill Lane", "Little Haddon", "AC9 3QP"]),
    ("Douglas Village Medical Centre\nDouglas, Co. Cork T12 F8K4\n", ["Co. Cork", "T12 F8K4"]),
    ("Secretary direct line: 01632 960 471; nurse on 0412 555 078 or 1800 555 216.", ["960 471", "555 078", "555 216"]),
    ("NHS No 485 777 3456   PHN 9087 654 321\n6615 Marlborough Ave", ["485 777 3456", "9087 654 321", "6615"]),
    ("OHIP 4417-882-905-KT", ["4417-882-905-KT"]),
    ("Our ref: AM/ks\nClinic date: 14th March 2024", ["AM/ks"]),
])
def test_addresses_and_numbers_outside_the_us(patterns_only, text, secrets):
    """A postcode ends an address line: the town before it and the flat, unit and street the line starts with go;
    Britain's, Ireland's and Australia's trunk-prefixed phone numbers and national health numbers go."""
    res = patterns_only.deidentify(text, "p1")
    assert not [s for s in secrets if s in res.text], res.text


@pytest.mark.parametrize("text", [
    "CD4 count 350 cells; T2 N0 M0 staging; S1 and S2 normal; HbA1c 7.2 on 3/12.",
    "The CHI 3 cohort and UR 12 study enrolled 1,204 patients (dose 0.5 mg).",
])
def test_postcode_and_health_number_shapes_in_clinical_text_stay(patterns_only, text):
    res = patterns_only.deidentify(text, "p1")
    assert not [s for s in res.spans if s.type in (PhiType.ZIP, PhiType.ID, PhiType.ADDRESS)], res.spans


def test_safe_harbor_view_leaves_years_and_ages_under_90_open():
    """Safe Harbor keeps a year and an age under 90: the Safe Harbor view scores a gold set that marks them as if
    it did not, and a replaced span on one counts neither right nor wrong."""
    text = "Seen 03/14/2024 by Dr Alma Quist. Smoker until 2019; she is 72, her father ninety-one."
    phi = [(text.index(v), text.index(v) + len(v), k) for v, k in
           [("03/14/2024", "DATE"), ("Alma Quist", "NAME"), ("2019", "DATE"), ("72", "AGE"), ("ninety-one", "AGE")]]
    note = {"id": "n1", "text": text, "phi": [{"start": a, "end": b, "type": k} for a, b, k in phi]}
    [view] = safe_harbor_gold([note])
    assert [text[g["start"]:g["end"]] for g in view["phi"]] == ["03/14/2024", "Alma Quist", "ninety-one"]
    assert sorted(text[g["start"]:g["end"]] for g in view["neutral"]) == ["2019", "72"]
    spans = tuple(PhiSpan(kind, a, a + len(v), a, a + len(v), "pattern") for v, kind in
                  [("Alma Quist", PhiType.NAME), ("72", PhiType.AGE), ("Seen", PhiType.NAME)] for a in [text.index(v)])
    table = score([view], [DeidResult(text, spans)]).table()
    assert table["ALL"]["gold"] == 3 and table["ALL"]["predicted"] == 2 and table["AGE"]["predicted"] == 0  # "72"
    assert table["NAME"]["precision"] == 0.5  # "Seen" is still wrong


@pytest.mark.parametrize("text, secret", [
    ("Dr. Kang was also paged at 6-2291 and acknowledged.", "6-2291"),  # a pager extension after "paged at"
    ("Exam performed with chaperone Orla present.", "Orla"),  # a first name after a role word
])
def test_round22_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, secrets", [
    ("FAX: (216)-741-0093   O9/18/2023 14:22", ["741-0093", "O9/18/2023"]),  # a fax header read by a scanner
    ("D0B: O4/3O/l97l\nphone: 216 88l-4O2O", ["O4/3O/l97l", "88l-4O2O"]),
    ("56O1 Ridge Rd , Parrna , OH 44l29", ["56O1", "44l29"]),
])
def test_scanned_numbers_with_letters_for_digits(patterns_only, text, secrets):
    """A scanner reads 0 as O and 1 as l or I; dates, phone numbers and ZIP codes are found all the same."""
    res = patterns_only.deidentify(text, "p1")
    assert not [s for s in secrets if s in res.text], res.text


def test_letters_that_look_like_digits_stay_letters(patterns_only):
    text = "Home O2 2L NC, I/O even, CN II-XII intact, MVC on I-10, IV fluids."
    assert patterns_only.deidentify(text, "p1").text == text


@pytest.mark.parametrize("text, secret", [
    ("Sincerely,\n\nAmelia Hartley, MD\nBoard Certified, Rheumatology", "Amelia"),  # a given name that is medical
    ("Patient: Okafor, Iris\nDOB 1/2/1950", "Iris"),
    ("ENT CLINIC NOTE\nCoastal Carolina Ear, Nose & Throat - Wilmington", "Coastal Carolina"),  # a practice's name
    ("Summit Sports & Spine PT - Boise clinic", "Summit Sports"),
    ("To: Dr. Nasrin Farahani, Northeast Georgia Pulmonary & Sleep", "Northeast Georgia"),
    ("FROM: PLEASANT ACRES REHABILITATION & NURSING, 400 COUNTY ROAD 9", "PLEASANT ACRES"),
    ("Patient works as a sous-chef at The Blue Heron Tavern; on leave.", "Blue Heron"),  # an employer
    ("Provided info for Beacon House Shelter as backup.", "Beacon House"),  # a shelter names where one lives
    ("She left work early at the New Hanover County Schools central office.", "Hanover"),  # a county's own body
    ("PATIENT CARE REPORT - CLEARWATER COUNTY EMS - MEDIC 7", "CLEARWATER"),
])
def test_round26_detections(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text", [
    "Referred to Ear, Nose & Throat and Obstetrics & Gynecology; Board Certified, Rheumatology.",
    "Dx: Lower Back Pain & Sciatica; Hx: Morbid Obesity & Sleep Apnea; Weekly Group Therapy & Counseling.",
    "Problem: Poorly Controlled Diabetes & Hypertension; Low Vision & Eye Strain; Shortness Of Breath & Chest Pain.",
    "Born in the USA 1985, no travel. Glucose: 0600 145 1200 190. Your ref: CT/MRI results attached.",
    "Went on a Medical Mission trip. Translator: Spanish. Pain 10 - I think it is better.",
])
def test_specialties_diagnoses_and_flowsheets_stay(patterns_only, text):
    """Specialties and diagnoses joined by "&", a year after "USA", a flowsheet's times and values, imaging in a
    reference line: none names a place, a person or a phone number."""
    assert patterns_only.deidentify(text, "p1").text == text


def test_a_phone_number_never_reaches_across_a_line(patterns_only):
    for text in ("Grade 1\n555 123 4567", "555-123-4567\nx 12 reps", "(555)\n123-4567"):
        res = patterns_only.deidentify(text, "p1")
        assert not [s for s in res.spans if "\n" in text[s.start:s.end]], (text, res.spans)


@pytest.mark.parametrize("text, secret", [
    ("GIFT OF LIFE REFERRAL #23-118847 - TISSUE CANDIDATE ONLY", "118847"),  # a referral number
    ("VIN and last 4 of SSN (0917) provided to VA for verification.", "0917"),
    ("Audiometry (Dr. Le): L low-frequency sensorineural loss.", "Le)"),  # a two-letter surname after a title
])
def test_round26_numbers_and_short_names(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text", [
    "Pain improving from 8/10 to 4/10 with scheduled acetaminophen.",  # a trend of scores, even after "from"
    'Reports cravings most days, "maybe a 2/10".',
    "Recalls 3/3 at five minutes. S3 present, 2/6 holosystolic murmur.",
    "Regional lymph nodes: 3/18 positive. Term female, 39 2/7 weeks.",
])
def test_scores_ratios_and_gestational_ages_stay(patterns_only, text):
    assert patterns_only.deidentify(text, "p1").text == text


def test_dates_beside_a_pain_word_stay_dates(patterns_only):
    res = patterns_only.deidentify("Back pain since January, seen on 8/10 and 9/10.", "p1")
    assert "8/10" not in res.text and "9/10" not in res.text, res.text


@pytest.mark.parametrize("kept", ["Jackson-Pratt", "Westergren", "Osler nodes", "Roth spots", "Hinchey", "Naegele",
                                  "Gottron papules", "Miller Fisher", "Stevens-Johnson"])
def test_round26_eponyms_stay(deid, kept):
    text = ("A 19 Fr Jackson-Pratt drain was left. ESR 46 (Westergren). No Osler nodes or Roth spots. Hinchey Ib "
            "abscess. EDD by Naegele rule. Gottron papules noted. Miller Fisher variant; Stevens-Johnson syndrome.")
    assert kept in deid.deidentify(text, "p1").text


# ------------------------------------------------------------------- wards, towns, facilities, handles, agencies


@pytest.mark.parametrize("text, secret", [
    ("Sending facility: Briarwood Regional Hospital, Tennyson 4 Medical   Phone 555-201-3344", "Tennyson 4"),
    ("Report called to the RN on our Whitcombe 8 at 1900.", "Whitcombe 8"),  # a ward and its floor
    ("Transfer to 3 Larchmont telemetry in the morning.", "3 Larchmont"),
    ("Her brother drove down from Yuba City for the weekend.", "Yuba City"),  # a town of several words
    ("He grew up near Four Corners and still visits.", "Four Corners"),
    ("Follow-up with Dr. Ines Kovac at Redfield Skin Surgery.", "Skin Surgery"),  # a practice's specialty and head
    ("Verified by Teodora Marinescu, PharmD (marinest) at 09:10", "marinest"),  # a user name made from the name
    ("Call back the patient. - KW/jl\n", "jl"),  # a letter's reference initials
    ("Brought in by HCSO deputies after a welfare check.", "HCSO"),  # a sheriff's office by its initials
    ("Daughter Hope, at bedside, agrees with plan.", "Hope"),  # a given name that is a word, after a kin word
    ("Order from Sunita Rao, FNP (SR) entered; SR reviewed the dose.", "SR reviewed"),  # initials keyed after a name
    ("emergency contact Faith Brown 555-303-2211", "Faith Brown"),  # a name of words before a phone number
    ("Account: ACT 55190047", "ACT"),  # an identifier's letter prefix
    ("Mail to 40 Broadway, 12th Floor, New York", "40 Broadway, 12th"),  # a street with no type word, a floor
    ("Call 555-410-2200 option 3 for scheduling", "option 3"),
    ("Home infusion arranged via Lakeside Infusion Services this week.", "Lakeside"),  # a landscape word names it
    ("Referred by Tri-County Regional ED last week.", "Tri-County"),  # a hospital's short name after a cue
    ("She lives in Many Farms with her mother.", "Many Farms"),  # a town's name of ordinary words after a cue
    ("Reported to the 44th Precinct on Monday.", "44th Precinct"),
    ("Follow-up at Tripler in two weeks.", "Tripler"),  # a nationally known hospital
    ("Clinic at 425 20th Avenue South, suite 3.", "South"),  # a compass word after the street's type
    ("Check item | RN 1\nDose check | TW\nRN 1: Tamsin Wolde RN (TW)", "| TW"),  # initials keyed after the name
])
def test_wards_towns_facilities_handles_and_agencies(deid, text, secret):
    res = deid.deidentify(text, "p1")
    assert secret not in res.text, res.text


@pytest.mark.parametrize("text, kept", [
    ("Seen by Dr. Smith 2 weeks ago, and Jones 3 times since.", "2 weeks ago"),  # a name, then no ward number
    ("Patient from Dallas heart surgery in 2019, now stable.", "heart surgery"),  # no practice in lower case
    ("Hx BPD and COPD, brought in by police after an overdose.", "BPD and COPD"),  # medical initials, not agencies
    ("Glucose 300 before supper. - BS/mg\n", "BS/mg"),  # a unit after the slash: no reference initials
    ("Saw 2 Broadway shows on vacation.", "Saw 2 "),  # no house number before a lower-case word
    ("MRN 00917736 on the wristband.", "MRN"),  # a label is no prefix of the identifier
    ("Lab: HGB 12345678 resulted.", "HGB"),  # nor an analyte
    ("Hx ASPD and NPD; in police custody since Friday.", "ASPD and NPD"),  # personality disorders, not police
    ("ISO precautions, TLSO on; officer at bedside.", "TLSO"),
    ("Boy Scout Troop A meets on Tuesdays.", "Troop A"),  # no law enforcement on the line
    ("Spouse Will call with updates tonight.", "Will call"),  # a modal verb after a kin word
    ("Pharmacy 555-123-4567 #30 dispensed.", "#30"),  # a quantity after a phone number, no extension
    ("Tolerating diet. - PO/iv\n", "iv"),  # a route, not a typist's initials
    ("Referred to Primary Care Services for follow-up.", "Primary Care Services"),  # services with no name word
])
def test_clinical_text_beside_those_rules_stays(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, secret", [
    ("Referral source: RN Colton Iron Cloud on 4 North Medical.", "Cloud"),  # a two-word surname of the Plains
    ("Dear Ms. Two Bulls,\n\nYour results are normal.", "Two Bulls"),  # its first word before the name found
    ("RN kateri two feathers ; relieved by GRACE OYELARAN", "feathers"),  # in lower case too
    ('Verified by W. Bauer PharmD ("Will") today', "Will"),  # a nickname in quotes and parentheses
    ('Inmate: DIMAURO, ANTHONY P aka "TONY"', "TONY"),  # in capitals after "aka"
    ('Student Paj Ntaub Xiong (goes by "Pa"), Grade 3', '"Pa"'),
    ("BMP from Quest Diagnostics - Archer Rd dated 02/28/2025.", "Archer Rd"),  # the branch's street
    ("Seen in parking lot at Desert Fresh Market on Date Palm Dr", "Palm Dr"),
    ("1800 Cardinal Way, Mobile, AL 36608", "Mobile"),  # a town of a word, after a street, before state and ZIP
    ("Guardianship of Rodrigo Peña Villalobos", "Peña"),  # a census name between two parts of a name
    ("Dose | JT | R-LM |\nKey: JT = Jamal Tate RN\n     R-LM = Rosa Luna-Morales RN", "| R-LM"),  # hyphened initials
    ("Transcription: JL/mw   Job 448120", "JL/mw"),
    ("Results called to her mother (who is 92), and", "92"),  # an age over 89 with no unit word
    ("babinski upgoing on l, dr st. pierre notified.", "pierre"),  # a saint's surname after a title, any case
    ("Kern County IHSS will assess for home care.", "Kern County IHSS"),  # a county's agency by its initials
    ("07/14/2025 11:48  B. Day, MA\nCalled home, no answer.", "Day"),  # a medical assistant, not Massachusetts
    ("d/c to dtr's home at 29114 3rd ct lot 14, brookston", "3rd ct"),  # a street named by an ordinal, lower case
    ("Mood low since late November, when his mother died.", "November"),
    ("She presented to you in May with a painless node.", "May"),
    ("The last episode, on Christmas Eve, required albuterol.", "Christmas"),
    ("mom turns 91 on dec 12 and wants to sw", "91"),
    ("Silver Creek Hospice & Palliative Care   Provider # HSP-411092", "Palliative"),
    ("1. Our Lady's Haven - bed available", "Our Lady"),
    ("| Screen # | Init. | Outcome |\n|---|---|---|\n| S014-031 | JK | Randomized |", "| JK"),  # under a rule
    ("Alarm report from the night of June 11-12, 2024 and", "-12"),  # the range's last day
    ("my mother Kiyoko, who is now 96. I hope", "96"),
    ("Witness 1: Peregrine Swift, 310 Second Street SW", "Peregrine"),  # a numbered form label
    ("Cabin: Loon    Counselor: Chase Love", "Chase Love"),
    ("earl (wife, at bedside) called", "earl"),  # a kin word in parentheses that opens a phrase
    ("| Screen # | Init. | Outcome |\r\n|---|---|---|\r\n| S014-031 | JK | Randomized |\r\n", "| JK"),  # CRLF rule
])
def test_compound_surnames_nicknames_and_branch_streets(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, kept", [
    ("CXR READ BY DR AMY CHEN BIG HEART NOTED", "HEART"),  # in capitals, no medical word joins the name
    ("Orders entered in Epic; report printed from PowerChart.", "Epic; report printed from PowerChart"),
    ("He is 95 kg and his sat is 94% on RA.", "95 kg"),  # a weight, not an age
    ("Symptoms may improve; in May be careful with it.", "may improve"),
    ("Seen at Mercy & Dr. Smith's office.", "Dr."),  # a title after "&" starts no part of the place
    ("Febrile overnight, she was 101 at 0200, tylenol given.", "101"),  # a temperature, not an age
    ("Desats with ambulation: he was 91 on RA.", "91"),  # a saturation
    ("DAUGHTER MARIA SITTING ALONE AT BEDSIDE.", "SITTING ALONE"),  # no known surname of words, in capitals
    ("REPORT GIVEN BY SARAH CONNOR TO KYLE REESE RN.", " TO "),  # two people, not one
    ("Allergies: Peanuts, Walnuts, Brazil nuts", "Brazil nuts"),  # a country as an adjective
    ("Follow up with Valley Cardiology & PCP in 1 week.", "& PCP"),  # initials after "&" are no name's
    ("Accepted at Mercy Hospital Dr on call aware.", "Dr on call"),
    ("Seen March 3-4 units given.", "4 units"),  # no range's day before a word
    ("| Patient Goals | Progress |\n|---|---|\n| Walk To Mailbox | Met |", "Walk To Mailbox"),  # a care-plan table
    ("| Location | Size |\n|---|---|\n| Right Trochanter | 3 cm |", "Right Trochanter"),  # a wound table
    ("pt has seen 3 different dr in the past year", "3 different dr"),
    ("Patient log-rolled and turned 90 deg q2h.", "90 deg"),
    ("HR this am, is 110. BP 130/80.", "110"),
    ("| Screen # | Init. | Outcome |\n|---|---|---|\n| S014-031 | JK | Randomized |", "Randomized"),
])
def test_words_beside_names_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


def test_a_town_before_its_country_is_a_place_not_a_name(deid):
    text = "Hometown: Matehuala, Mexico"
    res = deid.deidentify(text, "p1")
    assert [s.type for s in res.spans if text[s.start:s.end] == "Matehuala"] == [PhiType.LOCATION]


@pytest.mark.parametrize("text, secret", [
    ("PT DAILY NOTE\nIris Little ambulated 150 ft with RW and standby assist.", "Little"),  # a given name that is a word
    ("Note.\nPearl Waters tolerated her diet. Mark Stone declined the flu shot.", "Stone"),
    ("Daughter May staying overnight.", "May"),
    ("Anesthesia: Latisha Jernigan, MD; Nicolás Cushing III, CRNA", "Cushing"),  # an eponym with a credential
    ("Facility nurse: María José Foley, LPN", "Foley"),
    ("Second check: pharmacist W. Romberg. Entered per KA.", "Romberg"),  # a role before an initial and an eponym
    ("Sincerely,\n\nRommel Manalo, MD\nRM/ms\nEnclosures: labs", "/ms"),  # the typist's initials, even a unit's
    ("D: 04/09/2025 11:15   T: 04/10/2025 07:48   XC/fd   Job #12-75611", "XC/"),
    ("Kovalenko aware. - BS/ps", "BS/"),
    ("Call back 11/22: spoke with husband Kele Standing Bear. -GG\n", "GG"),  # sign-off initials
    ("Attendees: R. Chukwu; C. Müller; AV; TS\n", "AV"),
    ("| Date | Booked by |\n| --- | --- |\n| 12/03/2025 | aking |", "aking"),  # a booking column of user names
    ("Questions: Justice Crane, medical assistant, (409) 359-1234.", "Crane"),  # a job after a name
    ("Charge: Hand    Unit secretary: Wayne\n", "Wayne"),
    ("cc: José Luis Montoya Villanueva, MD, Florence Cardiovascular Consultants", "Cardiovascular Consultants"),
    ("Transfer at 14:25 by María José; bed hold discussed. Nurse: María José Foley, LPN", "by María"),  # accents spread
])
def test_round29_word_names_initials_and_roles(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, kept", [
    ("Treatment per Giancarlo Bell, MD. Fertility preservation with Zhiwei Chen.", "Fertility"),  # a new sentence
    ("CT head negative per A. Marsh, MD. Low bed and floor mats in place.", "Low bed"),
    ("Patient Portal Message    Thread MSG-4809970", "Message    Thread"),  # English words after "Patient"
    ("Removed Foley, RN aware.", "Removed"),  # a verb left when the eponym is cut is no name
    ("Lasix 40 mg IV/po daily\nIV/po\n", "IV/po\n"),  # a route, not reference initials
    ("Present: PT, OT, SW\n", "PT, OT, SW"),  # disciplines, not initials
    ("Pt NPO after midnight. -NPO\n", "-NPO"),
    ("Heparin (pharmacist) dosing per protocol.", "Heparin"),
    ("pushing w/ husband and doña lupe holding legs. Doña Lupe Reyes at bedside", "doña"),  # an honorific
])
def test_round29_clinical_words_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, secret", [
    ("Wed 5/7   Gray, J.        419-555-3019   Balasubramanian        419-555-3111", "Balasubramanian"),
    ("Counts correct x2 per BL and DA.", "BL and"),  # initials after "witness", "routed to", two after "per"
    ("Signed by Xiomara Wood on 8/29; witness SÇ.", "SÇ"),
    ("Routed to: DT, TK\n", "TK"),
    ("Sincerely,\n\nKlaus De Vries, MD, FAAP\nKD/mm\n", "/mm"),  # a typist's initials alone on their line
    ("Seen by Iryna Kovalenko, technician (IK). Please evaluate.", "(IK)"),
    ("DISCHARGE SUMMARY\nKRAVETS, TARAS F | MRN E1751226", "TARAS F"),
    ("From: Holly Tsosie, OD, PO Box 3285", "Tsosie"),  # a person, not a place, before a credential
    ("Referred to Summit Retina Consultants for evaluation.", "Summit Retina"),
    ("status information unless Mr. Toussant-Etienne signs a further authorization", "Toussant"),  # no clinical sign
    ("SOCIAL: Laid off from Dracut Sheet Metal in October.", "Sheet Metal"),  # an employer's own words
    ("Injured in a work accident at Sonoran Steel Fabricators.", "Steel Fabricators"),
])
def test_round30_names_initials_and_practices(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, kept", [
    ("Counts correct x2 per BL and DA. Referred by GP. Per PT and OT. Plan per ID.", "by GP"),
    ("Neuro: A+Ox3, MAE, PERRL. Child life (Summer Nakamura, CCLS) to help.", "PERRL"),
    ("Practitioner: Folake Okafor, MD     Medical license no.: A09505", "Medical license"),
    ("Radiologist: Jean-Luc Thibodeaux, MD     Neuroradiology     02/01/2025", "Neuroradiology"),
    ("| Medication | Dose | Prescriber | Last fill |\n| --- | --- | --- | --- |\n| Tylenol | 40 mg | Dr. Ngo | 2/1 |",
     "Prescriber"),
    ("| User | Action |\n| --- | --- |\n| rdistef6 | Printed Doppler bill |", "Printed"),
    ("Positive Tinel sign at R wrist. Kernig sign negative.", "Kernig sign"),
    ("Retired from Nursing in 2010 and from the Army.", "Nursing"),
])
def test_round30_clinical_words_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, kept", [
    ("EDD 3/4/25 by LMP.\nLMP: 6/1/2024. Confirmed by PCR. Voided 300 cc CYU.", "by LMP"),  # abbreviations after by/cc
    ("Vitals obtained by PCT. Signed by DON. Transported by AMR.", "by PCT"),
    ("Vitals stable. -LVN\n", "-LVN"),
    ("Present: PT, OT, SLP, SW, CM, RD, RT, chaplain\n", "CM, RD"),
    ("Place of birth: Baltimore, MD", "MD"),
    ("Pharmacy: Walgreens 555-123-4567", "Pharmacy:"),
    ("Notified MD: E. Coli UTI. Critical value called to provider: S. Aureus.", "Coli"),
    ("Zofran Given IV, MD aware.", "Given IV"),
    ("Charge: Facility Fee", "Facility Fee"),
    ("GI/gu  negative\n", "GI/gu"),
    ("Lasix 40 mg IV/po daily\nIV/po\n", "IV/po\n"),
    ("Note.\nOccupational Therapy declined the session.", "Occupational Therapy"),
])
def test_round29_review_abbreviations_places_and_organisms_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, secret", [
    ("Security officer Pa Nhia Hang responded.", "Pa Nhia"),  # every title still makes a person
    ("MR. THOMPSON TEST NEGATIVE PER DR. HOMANS.", "THOMPSON"),
    ("Pt c/o pain. Per md turner, ct neg.", "turner"),  # a lower-case surname after a staff cue
    ("Given Tylenol, rn smith aware.", "smith"),
    ("Dictated by: Jane Smith, MD\nJS/pc\n", "/pc"),  # typist initials that look like a route
    ("Follow up in 2 weeks. - MS/kl\n", "MS/"),
])
def test_round29_review_names_kept_found(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


# -- rounds 31-32 (rules tuned on the generators' train folds): eponym devices, numbers and ages in new places
@pytest.mark.parametrize("text, kept", [
    ("A Penrose drain was placed; Thomas splint on the left.", "Penrose drain was placed; Thomas splint"),
    ("Last Braden Scale showed high risk. Pap smear sent.", "Braden Scale showed high risk. Pap smear"),
    ("She reports ongoing concerns. Hx Paget's disease.", "Paget's disease"),
    ("| Role | Name | Contact |\n| Notified MD | Dinh Cliff | 0153 |\n", "0153"),  # a time under "Contact"
    ("O2 req 2-4L NC, insulin req 15-20 units/day.", "req 2-4L NC, insulin req 15-20"),  # ranges, not ids
    ("Echo: MR 20-30% RF.", "MR 20-30%"),
])
def test_round31_devices_and_ranges_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, secret", [
    ("Feel free to page me at 11520 or email me.", "11520"),
    ("Who to Call:\nRole | Name | Contact\nAttending | Hans H. Neumann | 23536\n", "23536"),
    ("DD: 5/13/25   DT: 5/14/25   Job J911331", "J911331"),
    ("POLST form (registry P108413) accompanies patient.", "P108413"),
    ("PATIENT MARTIN, DONALD   MR 239-49-15   DOB 1/22/73", "239-49-15"),
    ("MARCHAND, THIERRY S | req 454761 | via fax", "454761"),
    ("Pt's mother, 95, lives with her son.", "95"),
    ("WILLIAMS, ALICE / Female / 91 yrs / MRN 7075098", "91"),
    ("Elder Protective Services\nN9578 County Road 7, Freedom, NH 03836", "N9578"),
    ("From: Coral Raza\nSent: Wednesday, May 11, 2022 00:51\n", "2022"),  # the parsed date runs past the model's
    ("Adm 26 October 2023 / Disch 29 October 2023  LOS 3 d", "29 October"),  # a model date ends at a column
    ("Admitted Jan 12 - Feb 3, 2022 for CHF.", "Jan 12"),  # the first day of a range stays inside the date
])
def test_round31_numbers_ages_and_addresses_found(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


# -- names written with accented letters: every word check reads the whole word ("Peña" is no "pe" + "a")
@pytest.mark.parametrize("text, secret", [
    ('Crew leader: "Chuy" Jesús Peña, cell 919-555-0103', "Peña"),
    ("Signed: Rémi Le Blanc, FNP-BC | Co-signed: Dr. Piot", "Rémi"),
    ("Fax: (434) 702-7085\nFrom: Valéria Souza (VDS) -- Green Meadows Primary Care", "Valéria Souza"),
    ("Mother attends Église Évangélique La Grâce in East Hartford.", "Évangélique"),
    ("PT SEEN BY DR. PEÑA AND NURSE GÓMEZ. SISTER MARÍA JOSÉ AT BEDSIDE.", "GÓMEZ"),
])
def test_accented_names_are_read_as_whole_words(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


def test_a_message_sender_is_a_name_with_the_initials_after_it(deid):
    text = "Fax: (434) 702-7085\nFrom: Maria Souza (MDS) -- Green Meadows Primary Care\n"
    out = deid.deidentify(text, "p1")
    assert "Maria" not in out.text and "MDS" not in out.text
    assert {text[s.start:s.end]: s.type for s in out.spans}["Maria Souza"] is PhiType.NAME
    assert "(CHF)" in deid.deidentify("Seen by Maria Souza (CHF) today.", "p1").text  # no initials of hers


def test_the_case_view_recases_the_words_beside_one_that_would_change_its_length(deid):
    text = "PT FROM İSTANBUL. SEEN BY DR. PEÑA."  # "İ" lower-cased is two characters
    view = deid._case_view(text)
    assert len(view) == len(text) and "İSTANBUL" in view and "Peña" in view


def test_a_sender_that_is_a_practice_stays_a_place(deid):
    text = "From: Jordan Valley Dermatology\nRe: referral\n"
    spans = {text[s.start:s.end]: s.type for s in deid.deidentify(text, "p1").spans}
    assert PhiType.NAME not in spans.values()


def test_a_facility_in_capitals_is_a_place_only_with_a_name_of_its_own(deid):
    text = ("PT WAS DISCHARGED TO LEVEL PLAINS CLINIC. FAMILY ASKS ABOUT TRANSFER TO MAYO CLINIC.\n"
            "CARDIAC DEVICE CLINIC NOTE\nOUTPATIENT PHYSICAL THERAPY - INITIAL EVALUATION\nSENT TO LOCAL HOSPITAL.")
    res = deid.deidentify(text, "p1")
    assert not [s for s in ("LEVEL PLAINS", "MAYO") if s in res.text], res.text
    assert all(k in res.text for k in ("CARDIAC DEVICE CLINIC NOTE", "OUTPATIENT PHYSICAL THERAPY",
                                       "SENT TO LOCAL HOSPITAL")), res.text


@pytest.mark.parametrize("text, secret", [
    ("Hospice liaison Ed Pérez contacted.", "Ed "),  # a short given name that is also an abbreviation ("ED")
    ("Mother: Ed Yamamoto    Father: Ji Yu", "Ed "),
    ("Plan as above.\n-- JS\n", "JS"),  # initials signing off on a line of their own
    ("Pt name: ola mcdonald\nA1c 7.2 today.", "ola mcdonald"),  # a name field's value in lower case
])
def test_short_given_names_sign_off_initials_and_lower_case_name_fields(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, kept", [
    ("Seen in the ED today. PT ED JONES.", "ED"),  # the department stays, in capitals
    ("Name: pending review", "pending review"),  # a field's value of English words
    ("Name: tay sachs", "tay sachs"),  # or an eponym
    ("Assessment/Plan:\n- HTN\n-- GERD\n— CBC in AM\n~ CKD\n", "HTN"),  # list items, not signatures
    ("Assessment/Plan:\n- HTN\n-- GERD\n— CBC in AM\n~ CKD\n", "GERD"),
    ("Assessment/Plan:\n- HTN\n-- GERD\n— CBC in AM\n~ CKD\n", "CKD"),
])
def test_abbreviations_beside_names_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, secret", [
    ("Read at 03:58 from workstation RR3.\ncc: brian good, do; sunny strong\n", "brian good"),  # copied, lower case
    ("Read at 03:58 from workstation RR3.\ncc: brian good, do; sunny strong\n", "sunny strong"),
    ("Spoke with CM Dana Whitfield about placement.", "Whitfield"),  # the case manager stays a cue
    ("Findings discussed with Ms. Hampton today.", "Hampton"),
])
def test_copy_lines_in_lower_case_and_staff_cues(deid, text, secret):
    assert secret not in deid.deidentify(text, "p1").text


@pytest.mark.parametrize("text, kept", [
    ("CT from 10/7 shows a 2.6 cm hypoenhancing mass in the pancreatic head.", "hypoenhancing"),  # a unit, no role
    ("cc: pcp office, medical records\n", "medical records"),
    ("A 2.6\tcm hypoenhancing mass; a 3  cm hypodense cyst.", "hypoenhancing"),
    ("CC: sore throat, feeling tired\nHPI: two days of symptoms.", "feeling tired"),  # the chief complaint
    ("Pt was paged (1430) re: K 5.9.", "1430"),  # a clock time after "paged", not a pager
    ("Wedge-shaped opacity compatible with infarction (Hampton hump). A Hampton's hump.", "Hampton hump"),
])
def test_units_copy_lists_of_offices_and_radiology_eponyms_stay(deid, text, kept):
    assert kept in deid.deidentify(text, "p1").text


@pytest.mark.parametrize(("text", "initials"), [
    ("Reviewed with pharmacy resident Duarte Carvalho -- dc\n\nPlan: continue.", "dc"),  # a word, yet his initials
    ("Reviewed with pharmacy resident Fátima Sousa -- fs\n", "fs"),
    ("Sincerely,\n\nGrant Rourke, MD\nGrant Rourke MD / gr\nNPI 1487720395", "gr"),
    ("Seen with Dr. Harlan Quist in clinic.\n-- HQ\n", "HQ"),
])
def test_initials_where_a_writer_signs_go_when_a_name_in_the_note_has_them(deid, text, initials):
    out = deid.deidentify(text, "p1").text
    assert not re.search(rf"(?<!\w){initials}(?!\w)", out), out


@pytest.mark.parametrize(("text", "name"), [
    ("S - Wife Perla went home. Son Romeo works nights.", "Perla"),  # also "PERLA", the pupils' exam
    ("Daughter Mae will bring his glasses.", "Mae"),
    ("Thank you for referring Mr Heart, a 26-year-old developer, for evaluation.", "Heart"),
    ("Mrs. Bone came with him; Ms Day called back.", "Bone"),
    ("Mrs. Bone came with him; Ms Day called back.", "Day"),
])
def test_a_given_name_or_surname_that_is_also_a_charting_word_goes_after_a_kin_word_or_a_courtesy_title(
        deid, text, name):
    assert name not in deid.deidentify(text, "p1").text


def test_the_charting_words_stay_as_charting_words(deid):
    out = deid.deidentify("NEURO: PERLA, MAE. Pupils PERLA. Son aware, MAE. Heart RRR. Daughter PERLA check done.",
                          "p1").text
    assert "PERLA, MAE" in out and "Pupils PERLA" in out and "Heart RRR" in out and "Daughter PERLA" in out, out


def test_the_name_an_address_list_shows_before_an_e_mail_address_goes_when_the_address_spells_it(deid):
    out = deid.deidentify("To: William Henderson <whenderson@lakeshore.org>; Doris Parkinson <parkinson.d@lakeshore."
                          "org>\nCc: Will Day <wday@lakeshore.org>\nFrom: Patient Scheduling <scheduling@lakeshore.org>"
                          "\nSubject: your visit", "p1").text
    assert "Parkinson" not in out and "Will Day" not in out and "@" not in out, out
    assert "Patient Scheduling" in out, out
    assert "From: Nurse " in deid.deidentify("From: Nurse Line <nurseline@lakeshore.org>\nSubject: refill", "p1").text


def test_a_hmong_given_name_that_leads_with_pa_goes_whole_while_pa_the_state_and_the_role_stay(deid):
    out = deid.deidentify("Navigator Pa Houa Vang will call. Moved from Erie, Pa last year. Seen by PA Smith.", "p1")
    assert "Pa Houa" not in out.text and "Houa" not in out.text and "Navigator [NAME] will" in out.text, out.text
    assert ", Pa last" in out.text and "PA " in out.text, out.text
    lower = deid.deidentify("chaplain pa houa lee to call clan leader 5/10. pt aware.", "p1").text
    assert "houa" not in lower and "pa " not in lower.replace("pt aware", ""), lower
    role = deid.deidentify("seen by pa john smith today. pt aware.", "p1").text
    assert "pa " in role and "john" not in role, role  # the role before a given name stays


def test_signing_initials_that_match_no_name_in_the_note_or_are_abbreviations_stay(deid):
    out = deid.deidentify("Seen with Dr. Harlan Osei. BP stable -- ok\nHR 80 -- hr\nPlan reviewed -- dc", "p1").text
    assert "-- ok" in out and "-- hr" in out and "-- dc" in out, out
    out = deid.deidentify("Patient: Diane Martin. Seen with Paul Thomas and Ian Vance.\nPMH:\n- DM\n- HTN\n"
                          "Referral placed -- PT\nRoute: oral / IV", "p1").text
    assert "- DM" in out and "-- PT" in out and "oral / IV" in out, out


@pytest.mark.parametrize(("text", "maker"), [
    ("Boston Scientific ICD", True), ("Boston", True),  # "Boston" + the word after it: "Scientific"
    ("Medtronic Azure XT", True), ("St. Jude ICD", True), ("Hill-Rom bed", True),
    ("Siemens Lake", False), ("Stryker Falls", False), ("Boston Medical Center", False), ("Bozeman", False),
])
def test_a_device_maker_or_its_device_is_told_from_a_place_named_after_one(text, maker):
    from medkg.nlp.deid import _names_device_maker

    full = text + " Scientific" if text == "Boston" else text
    assert _names_device_maker(full, 0, len(text)) is maker


def test_a_device_after_its_maker_is_no_place_in_a_long_note(deid):
    text = ("HPI: 67M with ischemic cardiomyopathy (EF 20%, Boston Scientific ICD) admitted 11/30 with cardiogenic "
            "shock. Seen by Dr. Harlan Voss. Lives in Siemens Lake with his wife Edna.")
    res = deid.deidentify(text, "p1")
    assert "Boston Scientific ICD" in res.text and "Voss" not in res.text and "Siemens Lake" not in res.text, res.text


def test_a_pager_in_parentheses_goes_while_a_trial_id_and_a_device_maker_stay(deid):
    res = deid.deidentify("Dr. Bird of the ICU team was paged (3652). Eligible for trial NCT05512345. "
                          "Ischemic cardiomyopathy (EF 20%, Boston Scientific ICD).", "p1")
    assert "3652" not in res.text and "Bird" not in res.text
    assert "NCT05512345" in res.text and "Boston Scientific ICD" in res.text, res.text
    assert "Siemens Lake" not in deid.deidentify("Originally from Siemens Lake, she moved here.", "p1").text
