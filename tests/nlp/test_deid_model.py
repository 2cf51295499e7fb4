"""The learned PHI tagger as a candidate source of :class:`nlp.deid.Deidentifier`."""

from collections.abc import Iterable, Iterator

import pytest
import spacy
from spacy.tokens import Doc

from kg.errors import InputError
from kg.pseudonym import Pseudonymizer
from nlp.deid import LEARNED_MODEL_DIR, DeidConfig, Deidentifier, PhiType

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
