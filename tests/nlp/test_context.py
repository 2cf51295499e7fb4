import pytest

from kg.errors import InputError
from kg.schema import Assertion
from nlp.context import ConText, assert_spans, find_sections, section_assertion

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
    # past history is opt-in: PMH problems are mostly ongoing
    assert section_assertion(sections, NOTE.index("HTN")) is None
    past = ConText(past_history_sections=True)
    assert section_assertion(find_sections(NOTE, past.section_assertions), NOTE.index("HTN")) is Assertion.HISTORICAL


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
