"""The learned PHI tagger as a candidate source of :class:`medkg.nlp.deid.Deidentifier`."""

from collections.abc import Iterable, Iterator

import pytest
import spacy
from spacy.tokens import Doc

from medkg.kg.errors import InputError
from medkg.kg.pseudonym import Pseudonymizer
from medkg.nlp.deid import LEARNED_MODEL_DIR, DeidConfig, Deidentifier, PhiType

KEY = b"unit-test-key-0123456789"


class _TagWords:
    """A stand-in tagger that calls the given words NAME wherever they occur: it tests the vetoes, not a model."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.blank = spacy.blank("en")

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        for text in texts:
            doc = self.blank.make_doc(text)
            doc.ents = [doc[i:i + 1] for i, t in enumerate(doc) if t.text.lower() in self.words]
            yield doc


class _TagSpans:
    """A stand-in tagger that gives each listed substring its label wherever it occurs (whole tokens only)."""

    def __init__(self, spans: dict[str, str]) -> None:
        self.spans = spans
        self.blank = spacy.blank("en")

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        for text in texts:
            doc = self.blank.make_doc(text)
            ents = []
            for value, label in self.spans.items():
                start = text.find(value)
                span = doc.char_span(start, start + len(value), label=label) if start >= 0 else None
                if span is not None:
                    ents.append(span)
            doc.ents = sorted(ents, key=lambda e: e.start)
            yield doc


def _with_spans(spans: dict[str, str]) -> Deidentifier:
    deid = Deidentifier(DeidConfig(use_model=False), pseudonymizer=Pseudonymizer(KEY))
    deid._learned = _TagSpans(spans)
    return deid


def _with_tagger(words: set[str]) -> Deidentifier:
    deid = Deidentifier(DeidConfig(use_model=False), pseudonymizer=Pseudonymizer(KEY))
    deid._learned = _TagWords(words)
    return deid


@pytest.fixture(scope="module")
def learned():
    return Deidentifier(DeidConfig(use_model=False), pseudonymizer=Pseudonymizer(KEY))


@pytest.fixture(scope="module")
def rules_only():
    return Deidentifier(DeidConfig(use_model=False, use_learned=False), pseudonymizer=Pseudonymizer(KEY))


def test_the_shipped_model_is_on_by_default_and_small():
    assert DeidConfig().use_learned
    size = sum(p.stat().st_size for p in LEARNED_MODEL_DIR.rglob("*") if p.is_file())
    assert size < 15_000_000


def test_learned_tagger_finds_a_lower_case_name_after_a_cue(learned, rules_only):
    text = "family mtg w/ dr moushumi winter and sw lane. foley in place, hx parkinson's.\n"
    assert "sw lane" in rules_only.deidentify(text).text  # a surname that is an English word: no rule takes it
    res = learned.deidentify(text)
    assert "sw [NAME]." in res.text
    assert "foley" in res.text and "parkinson's" in res.text
    assert any(s.source == "learned" and s.type is PhiType.NAME for s in res.spans)


def test_learned_spans_never_remove_medical_words():
    deid = _with_tagger({"foley", "parkinson", "levo", "kozlowski"})
    text = "hx parkinson's disease. foley intact, levo gtt at 4. son kozlowski at bedside.\n"
    res = deid.deidentify(text)
    for word in ("parkinson's", "foley", "levo"):
        assert word in res.text
    assert "kozlowski" not in res.text


def test_a_parsed_date_keeps_its_shift_against_a_learned_span():
    deid = _with_tagger({"3/4/2021"})
    res = deid.deidentify("Seen on 3/4/2021 in clinic.", scope="p1")
    assert [s.source for s in res.spans] == ["pattern"] and "[DATE]" not in res.text


def test_flag_off_gives_the_rules_alone(rules_only):
    text = "PT RESTING. WIFE OZELLA CALLED, UPDATED. CALL 555-201-3344.\n"
    res = rules_only.deidentify(text)
    assert rules_only.learned is None
    assert all(s.source != "learned" for s in res.spans)
    assert any(s.type is PhiType.PHONE for s in res.spans)


def test_a_missing_model_directory_is_a_clear_error(tmp_path):
    deid = Deidentifier(DeidConfig(use_model=False, learned_model=str(tmp_path)), pseudonymizer=Pseudonymizer(KEY))
    with pytest.raises(InputError, match="train_deid_model"):
        deid.deidentify("Seen today.")


def test_learned_formats_the_patterns_miss_are_taken():
    text = "bracelet WB 0045 1123 checked. mtg 11-2 w/ family. spectralink 4-1187. son's car 7KQX219 in garage.\n"
    values = {"WB 0045 1123": "ID", "11-2": "DATE", "4-1187": "PHONE", "7KQX219": "VEHICLE"}
    rules = Deidentifier(DeidConfig(use_model=False, use_learned=False), pseudonymizer=Pseudonymizer(KEY))
    assert all(value in rules.deidentify(text).text for value in values)  # no pattern or cue takes these
    res = _with_spans(values).deidentify(text)
    assert {(s.type, s.source) for s in res.spans} == {(PhiType.ID, "learned"), (PhiType.DATE, "learned"),
                                                         (PhiType.PHONE, "learned"), (PhiType.VEHICLE, "learned")}
    assert not any(value in res.text for value in values)


@pytest.mark.parametrize("text, value, label", [
    ("on PS 10/5, peep 5", "10/5", "DATE"), ("norco 5/325 1 tab", "5/325", "DATE"), ("3-4 BMs today", "3-4", "DATE"),
    ("gave at 0700 per md", "0700", "DATE"), ("cabg in 2019", "2019", "DATE"), ("dx ICD-10 I50.23", "I50.23", "ID"),
    ("NDC 0093-7180-01 dispensed", "0093-7180-01", "ID"), ("moved to rm 412B", "412B", "ID"),
    ("wt 72.5 kg today", "72.5", "ID"), ("BP 120/80 sitting", "120/80", "PHONE"), ("vitals at 1930 ok", "1930", "PHONE"),
    ("GCS E3V4M6 this am", "E3V4M6", "VEHICLE"), ("give 2 units prbc", "2 units prbc", "ADDRESS"),
    ("n = 99 patients", "99", "AGE"), ("K 3.4 repleted", "3.4", "ZIP"), ("fell by 12-31% overall", "12-31", "DATE"),
    ("NIK-247 may help", "247 may", "DATE"), ("agonist LY-171555 given", "LY-171555", "ID"),
    ("N = 5-10 per group", "5-10", "DATE"), ("the 5th most common", "5th", "DATE"), ("(P<0.001) in all", "P<0.001", "ID"),
    ("at 30 mg/kg. GNC92H2 was given", "GNC92H2", "VEHICLE"), ("recruited (1992-1994) in", "1992-1994", "ID"),
])
def test_learned_clinical_numbers_are_vetoed(text, value, label):
    res = _with_spans({value: label}).deidentify(text)
    assert value in res.text and not [s for s in res.spans if s.source == "learned"]


def test_a_parsed_date_keeps_its_shift_against_a_learned_weekday_span():
    deid = _with_spans({"Tuesday, March 4, 2021": "DATE"})
    res = deid.deidentify("Seen Tuesday, March 4, 2021 in clinic.", scope="p1")
    assert "Tuesday" not in res.text and "March 4" not in res.text
    parsed = [s for s in res.spans if s.source == "pattern" and s.type is PhiType.DATE]
    assert parsed and all(res.text[s.new_start:s.new_end] != "[DATE]" for s in parsed)  # shifted, not tagged
