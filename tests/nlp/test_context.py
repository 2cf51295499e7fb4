import pytest

from medkg.kg.errors import InputError
from medkg.kg.schema import Assertion
from medkg.nlp.context import ConText, assert_spans, find_sections, section_assertion

CTX = ConText()


def _assert(sentence: str, target: str, ctx: ConText = CTX, default=None) -> Assertion:
    start = sentence.index(target)
    return ctx.assert_spans(sentence, [(start, start + len(target))], default)[0]


@pytest.mark.parametrize("sentence,target,expected", [
    ("Patient denies chest pain.", "chest pain", Assertion.NEGATED),
    ("There is no evidence of pneumonia.", "pneumonia", Assertion.NEGATED),
    ("Negative for DVT.", "DVT", Assertion.NEGATED),
    ("We ruled out MI.", "MI", Assertion.NEGATED),
    ("Possible sepsis.", "sepsis", Assertion.POSSIBLE),
    ("History of stroke.", "stroke", Assertion.HISTORICAL),
    ("Her mother had breast cancer.", "breast cancer", Assertion.FAMILY),
    ("Return if fever develops.", "fever", Assertion.HYPOTHETICAL),
    # post-negation and its variants
    ("Pneumonia was ruled out.", "Pneumonia", Assertion.NEGATED),
    ("Myocardial infarction was ruled out by serial troponins.", "Myocardial infarction", Assertion.NEGATED),
    ("Sepsis was considered on arrival and was ruled out.", "Sepsis", Assertion.NEGATED),
    ("DVT is unlikely.", "DVT", Assertion.NEGATED),
    ("A new stroke was ruled\nout.", "stroke", Assertion.NEGATED),  # a line wrapped inside the cue
    # longest cue wins
    ("Cannot exclude PE.", "PE", Assertion.POSSIBLE),
    ("PE cannot be excluded.", "PE", Assertion.POSSIBLE),
    ("No history of stroke.", "stroke", Assertion.NEGATED),
    ("No family history of multiple sclerosis.", "multiple sclerosis", Assertion.NEGATED),
    ("Family history of colon cancer.", "colon cancer", Assertion.FAMILY),
    ("Rule out MI.", "MI", Assertion.POSSIBLE),
    ("Breast cancer in her mother.", "Breast cancer", Assertion.FAMILY),
    # no cue, or a pseudo-cue
    ("Fever and cough for two days.", "cough", Assertion.PRESENT),
    ("Findings are most consistent with multiple sclerosis.", "multiple sclerosis", Assertion.PRESENT),
    ("No change in the size of the nodule.", "nodule", Assertion.PRESENT),
    ("Gram negative bacteremia.", "bacteremia", Assertion.PRESENT),
    ("Lungs: no wheezing; crackles at the bases.", "crackles", Assertion.PRESENT),
    ("No acute infarct.", "infarct", Assertion.NEGATED),
])
def test_assertion_cases(sentence, target, expected):
    assert _assert(sentence, target) is expected


@pytest.mark.parametrize("target", ["fever", "chills", "cough"])
def test_negation_runs_over_a_list(target):
    assert _assert("Denies fever, chills, or cough.", target) is Assertion.NEGATED


@pytest.mark.parametrize("target", ["weakness", "numbness", "fever"])
def test_hypothetical_runs_over_a_list(target):
    assert _assert("Return if new weakness, numbness or fever develops.", target) is Assertion.HYPOTHETICAL


def test_terminators_end_the_scope():
    assert _assert("Denies fever but reports cough.", "cough") is Assertion.PRESENT
    assert _assert("No fever; productive cough.", "cough") is Assertion.PRESENT
    assert _assert("Denies fever however has cough.", "fever") is Assertion.NEGATED


def test_scope_is_limited_by_window():
    ctx = ConText(window=3)
    sentence = "No one in the clinic today thought about pneumonia."
    assert _assert(sentence, "pneumonia", ctx) is Assertion.PRESENT
    with pytest.raises(InputError, match="window"):
        ConText(window=0)


NOTE = ("HPI: chest pain.\n"
        "Past Medical History:\n- HTN\n- No DM2\n\n"
        "Family History: mother had breast cancer. Father with MI. No family history of stroke.\n"
        "Social: smoker.\n")


def test_sections_give_defaults():
    sections = find_sections(NOTE)
    names = [s.name for s in sections]
    assert names == ["hpi", "past medical history", "family history", "social"]
    assert section_assertion(sections, NOTE.index("breast cancer")) is Assertion.FAMILY
    assert section_assertion(sections, NOTE.index("MI")) is Assertion.FAMILY
    assert section_assertion(sections, NOTE.index("smoker")) is None
    assert section_assertion(sections, NOTE.index("chest pain")) is None
    # past-history sections are historical (ConText's guideline), unless the user turns that off
    assert section_assertion(sections, NOTE.index("HTN")) is Assertion.HISTORICAL
    ongoing = ConText(past_history_sections=False)
    assert section_assertion(find_sections(NOTE, ongoing.section_assertions), NOTE.index("HTN")) is None


def test_section_default_yields_to_negation():
    lines, start = [], 0
    for line in NOTE.splitlines(keepends=True):  # one sentence per line is enough here
        lines.append((start, start + len(line)))
        start += len(line)
    mi = NOTE.index("Father with MI") + len("Father with ")
    spans = [(mi, mi + 2), (NOTE.index("stroke"), NOTE.index("stroke") + 6), (NOTE.index("DM2"), NOTE.index("DM2") + 3)]
    assert CTX.assert_in_text(NOTE, lines, spans) == [Assertion.FAMILY, Assertion.NEGATED, Assertion.NEGATED]


def test_module_level_assert_spans_for_relations():
    s = "no evidence that metformin caused lactic acidosis"
    out = assert_spans(s, [(s.index("metformin"), s.index("metformin") + 9)])
    assert out == [Assertion.NEGATED]
    with pytest.raises(InputError, match="outside"):
        assert_spans(s, [(0, 999)])


@pytest.mark.parametrize("sentence,target,expected", [
    # a longer cue overlapping the mention does not cancel the shorter one that covers it
    ("No acute infarct.", "acute infarct", Assertion.NEGATED),
    ("There are no new enhancing lesions.", "new enhancing lesions", Assertion.NEGATED),
    ("Urine culture was negative for bacterial growth.", "bacterial growth", Assertion.NEGATED),
    # pseudo-cues: "no change" is no negation, "no longer" / "no further" are
    ("No appreciable change in the consolidation.", "consolidation", Assertion.PRESENT),
    ("No change in medications; denies dyspnea.", "dyspnea", Assertion.NEGATED),
    ("She no longer reports dizziness.", "dizziness", Assertion.NEGATED),
    ("No further episodes of hematemesis.", "hematemesis", Assertion.NEGATED),
    ("Not only fatigue but also dyspnea.", "dyspnea", Assertion.PRESENT),
    # more negation cues
    ("Her pneumonia has resolved.", "pneumonia", Assertion.NEGATED),
    ("Hypokalemia has now resolved.", "Hypokalemia", Assertion.NEGATED),
    ("The rash has not resolved.", "rash", Assertion.PRESENT),
    ("Sputum -ve for acid fast bacilli.", "acid fast bacilli", Assertion.NEGATED),
    ("Rash: none.", "Rash", Assertion.NEGATED),
    ("Suicidal ideation: denies.", "Suicidal ideation", Assertion.NEGATED),
    ("Cough, no fever.", "Cough", Assertion.PRESENT),
    ("Findings not consistent with pneumonia.", "pneumonia", Assertion.NEGATED),
    # historical: "significant for", in-sentence PMH headers; ConText's guideline: onset more than two weeks ago
    ("Past medical history is significant for asthma.", "asthma", Assertion.HISTORICAL),
    ("PMH: coronary artery disease, GERD.", "GERD", Assertion.HISTORICAL),
    ("PSH: cholecystectomy for gallstones.", "gallstones", Assertion.HISTORICAL),
    ("Family history is significant for early coronary disease.", "early coronary disease", Assertion.FAMILY),
    ("Two-day history of fever.", "fever", Assertion.PRESENT),
    ("He presents with a 3 week history of cough.", "cough", Assertion.HISTORICAL),
    ("A 2-week history of sore throat.", "sore throat", Assertion.PRESENT),
    ("Several days history of nausea.", "nausea", Assertion.PRESENT),
    ("Four-month history of progressive dyspnea.", "progressive dyspnea", Assertion.HISTORICAL),
    ("She had diverticulitis about one year ago.", "diverticulitis", Assertion.HISTORICAL),
    ("Knee pain that started 3 weeks ago.", "Knee pain", Assertion.HISTORICAL),
    ("Knee pain that started 10 days ago.", "Knee pain", Assertion.PRESENT),
    ("He had pneumonia 6 weeks ago.", "pneumonia", Assertion.HISTORICAL),
    ("Fever began 3 days ago.", "Fever", Assertion.PRESENT),
    ("She has had migraines since her teenage years.", "migraines", Assertion.HISTORICAL),
    ("Long-standing low back pain.", "low back pain", Assertion.HISTORICAL),
    ("Hypertension for the past 10 years.", "Hypertension", Assertion.HISTORICAL),
    ("In 2013 the patient suffered a traumatic brain injury.", "traumatic brain injury", Assertion.HISTORICAL),
    ("CT head without contrast shows an acute subdural hematoma.", "acute subdural hematoma", Assertion.PRESENT),
    ("MRI brain w/o contrast: no acute infarct.", "acute infarct", Assertion.NEGATED),
    ("Recurrent UTIs over the past year.", "Recurrent UTIs", Assertion.HISTORICAL),
    ("Had COVID-19 in January 2022.", "COVID-19", Assertion.HISTORICAL),
    ("Knee pain x 6 months, worse with stairs.", "Knee pain", Assertion.HISTORICAL),
    ("Prior CVA with residual left-sided weakness.", "left-sided weakness", Assertion.PRESENT),
    ("Not on anticoagulation for atrial fibrillation given recent bleed.", "atrial fibrillation", Assertion.PRESENT),
    ("No obvious source identified for her persistent fevers.", "persistent fevers", Assertion.PRESENT),
    ("GU: (-) dysuria (-) hematuria (+) urinary frequency", "dysuria", Assertion.NEGATED),
    ("GU: (-) dysuria (-) hematuria (+) urinary frequency", "urinary frequency", Assertion.PRESENT),
    ("JVD not appreciated.", "JVD", Assertion.NEGATED),
    ("Knee pain x6 months.", "Knee pain", Assertion.HISTORICAL),
    ("20-day history of cough.", "cough", Assertion.HISTORICAL),
    ("Gram (-) rod bacteremia.", "bacteremia", Assertion.PRESENT),
    ("Murphy sign (-), rebound tenderness (+)", "Murphy sign", Assertion.NEGATED),
    ("Murphy sign (-), rebound tenderness (+)", "rebound tenderness", Assertion.PRESENT),
    ("CT w/wo contrast shows a mass.", "mass", Assertion.PRESENT),
    ("No source for her fevers.", "fevers", Assertion.PRESENT),
    ("History of present illness: chest pain since today.", "chest pain", Assertion.PRESENT),
    # hypothetical
    ("Call if any of the following: fever, chest pain, or shortness of breath.", "shortness of breath",
     Assertion.HYPOTHETICAL),
    ("Seek care immediately for: difficulty breathing, lip swelling, or hives.", "hives", Assertion.HYPOTHETICAL),
    ("Return to the emergency department for chest pain.", "chest pain", Assertion.HYPOTHETICAL),
    ("Should she develop a rash, stop the medication.", "rash", Assertion.HYPOTHETICAL),
    ("Monitor closely for respiratory depression.", "respiratory depression", Assertion.HYPOTHETICAL),
    ("Heparin as prophylaxis against deep vein thrombosis.", "deep vein thrombosis", Assertion.HYPOTHETICAL),
    ("Instructions given to report any bleeding or bruising.", "bruising", Assertion.HYPOTHETICAL),
    ("Patient is at risk for pressure ulcers.", "pressure ulcers", Assertion.HYPOTHETICAL),
    ("Neuro checks q2h; notify MD for any new focal deficit.", "new focal deficit", Assertion.HYPOTHETICAL),
    ("Untreated hypertension could lead to kidney damage.", "kidney damage", Assertion.HYPOTHETICAL),
    ("Pt educated re: s/s of bleeding while on warfarin.", "bleeding", Assertion.HYPOTHETICAL),
    ("Unclear if the rash is a drug eruption.", "drug eruption", Assertion.POSSIBLE),
    ("Will call with results of the biopsy for lymphoma.", "lymphoma", Assertion.PRESENT),
])
def test_assertion_failure_classes(sentence, target, expected):
    assert _assert(sentence, target) is expected


def test_long_sentence_stays_fast():
    import time
    text = " ".join(["Denies fever, no acute chest pain, call if any of the following: cough, rash: none."] * 400)
    spans = [(i, i + 5) for i in range(len(text)) if text.startswith("fever", i)]
    t0 = time.perf_counter()
    out = CTX.assert_spans(text, spans)
    assert set(out) == {Assertion.NEGATED}
    assert time.perf_counter() - t0 < 10


@pytest.mark.parametrize("sentence,target,expected", [
    # hypothetical: cues after the mention, medication orders, risks, prevention, warning signs
    ("Start enoxaparin for VTE prophylaxis.", "VTE", Assertion.HYPOTHETICAL),
    ("Seizure precautions in place.", "Seizure", Assertion.HYPOTHETICAL),
    ("MRSA, on contact precautions.", "MRSA", Assertion.PRESENT),
    ("Acetaminophen 650 mg q6h PRN headache.", "headache", Assertion.HYPOTHETICAL),
    ("You may experience mild soreness at the site.", "mild soreness", Assertion.HYPOTHETICAL),
    ("Risks of the procedure include bleeding and infection.", "infection", Assertion.HYPOTHETICAL),
    ("Statin for primary prevention of heart disease.", "heart disease", Assertion.HYPOTHETICAL),
    ("Seek immediate medical attention for lip swelling.", "lip swelling", Assertion.HYPOTHETICAL),
    ("Watch the wound for redness or warmth.", "warmth", Assertion.HYPOTHETICAL),
    ("Possible complications include wound dehiscence.", "wound dehiscence", Assertion.HYPOTHETICAL),
    ("Any recurrence of melena should prompt a call.", "melena", Assertion.HYPOTHETICAL),
    # a conditional clause ends a negation's scope
    ("Do not drive if you feel lightheaded.", "lightheaded", Assertion.HYPOTHETICAL),
    ("Avoid NSAIDs unless the gout flares.", "gout", Assertion.HYPOTHETICAL),
    ("If no improvement, image to look for abscess.", "abscess", Assertion.HYPOTHETICAL),
    # possible: hedges before and after the mention
    ("Opacity may represent atelectasis.", "atelectasis", Assertion.POSSIBLE),
    ("? left wrist fracture.", "left wrist fracture", Assertion.POSSIBLE),
    ("?cellulitis of the shin.", "cellulitis", Assertion.POSSIBLE),
    ("Fever, query endocarditis.", "endocarditis", Assertion.POSSIBLE),
    ("Atelectasis versus pneumonia.", "Atelectasis", Assertion.POSSIBLE),
    ("Lymphoma is in the differential.", "Lymphoma", Assertion.POSSIBLE),
    ("Differential diagnosis: gout, pseudogout.", "pseudogout", Assertion.POSSIBLE),
    ("PE cannot be fully excluded.", "PE", Assertion.POSSIBLE),
    ("Equivocal findings for osteomyelitis.", "osteomyelitis", Assertion.POSSIBLE),
    ("Felt to be viral pharyngitis.", "viral pharyngitis", Assertion.POSSIBLE),
    ("Sepsis was considered on arrival.", "Sepsis", Assertion.POSSIBLE),
    # negated
    ("Well appearing, doubt meningitis.", "meningitis", Assertion.NEGATED),
    ("HIV antibody nonreactive.", "HIV", Assertion.NEGATED),
    ("Hep B neg.", "Hep B", Assertion.NEGATED),
    ("Her rash has since subsided.", "rash", Assertion.NEGATED),
    ("Pneumothorax was not visualized.", "Pneumothorax", Assertion.NEGATED),
    ("Nothing to suggest malignancy.", "malignancy", Assertion.NEGATED),
    ("Bacteremia with gram neg rods.", "Bacteremia", Assertion.PRESENT),
    ("No relief of her knee pain with ice.", "knee pain", Assertion.PRESENT),
    ("No improvement in wheezing after nebulizers.", "wheezing", Assertion.PRESENT),
    # historical
    ("She had shingles last year.", "shingles", Assertion.HISTORICAL),
    ("Had mumps decades ago.", "mumps", Assertion.HISTORICAL),
    ("Had gonorrhea as a teenager.", "gonorrhea", Assertion.HISTORICAL),
    ("Femur fracture at age 12.", "Femur fracture", Assertion.HISTORICAL),
    ("Childhood eczema.", "eczema", Assertion.HISTORICAL),
    ("Formerly treated for syphilis.", "syphilis", Assertion.HISTORICAL),
    ("Past medical hx includes gout.", "gout", Assertion.HISTORICAL),
    ("70 yo male with hx significant for CHF.", "CHF", Assertion.HISTORICAL),
    ("A 45-year-old man with right flank pain.", "right flank pain", Assertion.PRESENT),
    ("The previously noted lung nodule is unchanged.", "lung nodule", Assertion.PRESENT),
    ("Compared with prior CT, the adenoma is larger.", "adenoma", Assertion.PRESENT),
    # family
    ("FH: significant for colon cancer in his father.", "colon cancer", Assertion.FAMILY),
    ("FAMILY HX: STROKE IN MOTHER.", "STROKE", Assertion.FAMILY),
    ("Glaucoma in both parents.", "Glaucoma", Assertion.FAMILY),
    ("Several relatives with psoriasis.", "psoriasis", Assertion.FAMILY),
    ("Migraine runs in her family.", "Migraine", Assertion.FAMILY),
    ("Relative hypotension after induction.", "hypotension", Assertion.PRESENT),
    ("His mother brought him in for a persistent cough.", "persistent cough", Assertion.PRESENT),
])
def test_assertion_cue_families(sentence, target, expected):
    assert _assert(sentence, target) is expected


@pytest.mark.parametrize("sentence,target,expected", [
    # a bare "-" or "Ø" is no negation cue: it follows positive items in lists and is a diameter sign
    ("Receptors: ER +, PR -, HER2 -", "ER", Assertion.PRESENT),
    ("Pulmonary nodule \u00d8 8 mm in the RUL.", "Pulmonary nodule", Assertion.PRESENT),
    # a spouse, partner or housemate who is ill: the condition is theirs, not the patient's, unless both have it
    ("Husband recently diagnosed with pertussis.", "pertussis", Assertion.FAMILY),
    ("Girlfriend is being treated for trichomoniasis.", "trichomoniasis", Assertion.FAMILY),
    ("Wife reports that he has had a cough for 3 days.", "cough", Assertion.PRESENT),
    ("Patient and husband tested positive for COVID-19.", "COVID-19", Assertion.PRESENT),
    # negation words aimed at a treatment, not the condition
    ("She never had surgery for her hiatal hernia.", "hiatal hernia", Assertion.PRESENT),
    ("Off lisinopril; without it his hypertension is uncontrolled.", "hypertension", Assertion.PRESENT),
    # what could happen
    ("Counseled that he might develop a rash with amoxicillin.", "rash", Assertion.HYPOTHETICAL),
    ("He would develop chest pain when climbing stairs.", "chest pain", Assertion.PRESENT),  # habitual, not "if"
    ("Incentive spirometry to lower the chance of atelectasis.", "atelectasis", Assertion.HYPOTHETICAL),
])
def test_assertion_list_marks_contacts_and_aims(sentence, target, expected):
    assert _assert(sentence, target) is expected
