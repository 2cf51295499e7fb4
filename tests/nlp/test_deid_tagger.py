"""The transformer PHI tagger (nlp/deid_tagger.py): windows, gold tags, decoding, and its place in the de-identifier."""

from collections.abc import Iterable, Iterator

import pytest
import spacy

from medkg.kg.errors import MedkgError
from medkg.kg.pseudonym import Pseudonymizer
from medkg.nlp.deid import TAGGER_MODEL_DIR, DeidConfig, Deidentifier, PhiType
from medkg.nlp.deid_tagger import LABELS, PhiTagger, TaggedSpan, TaggedText, char_tags, decode, windows


def test_windows_cover_every_sub_word_and_overlap():
    assert windows(10, 16, 4) == [(0, 10)]
    wins = windows(100, 32, 8)
    assert wins[0] == (0, 32) and wins[-1][1] == 100
    assert all(b - a == 32 for a, b in wins)  # the last window too: its tokens see context on both sides
    assert all(a2 < b1 for (_, b1), (a2, _) in zip(wins, wins[1:]))  # consecutive windows overlap


def test_gold_tags_mark_the_first_piece_b_and_the_rest_i():
    offsets = [(0, 4), (5, 8), (8, 11), (12, 15), (0, 0)]  # "seen joh nson today" + a special token
    tags = char_tags(15, offsets, [{"start": 5, "end": 11, "type": "NAME"}, {"start": 0, "end": 4, "type": "AGE"}])
    assert [LABELS[t] for t in tags] == ["O", "B-NAME", "I-NAME", "O", "O"]  # AGE stays with the patterns


def test_decoding_joins_pieces_of_a_word_and_splits_types():
    lab = {name: i for i, name in enumerate(LABELS)}
    offsets = [(0, 3), (3, 6), (7, 12), (13, 18), (19, 25)]
    tags = [lab["B-NAME"], lab["B-NAME"], lab["I-NAME"], lab["B-LOCATION"], lab["O"]]
    assert decode(tags, offsets) == [TaggedSpan(0, 12, "NAME"), TaggedSpan(13, 18, "LOCATION")]
    assert decode([lab["I-DATE"]], [(4, 9)]) == [TaggedSpan(4, 9, "DATE")]  # a stray I- still starts a span
    # with word ids a word takes its first piece's tag whole: "romberg" is no name "rom"
    pieces, words = [(0, 3), (3, 7), (8, 11)], [0, 0, 1]
    assert decode([lab["B-NAME"], lab["O"], lab["O"]], pieces, words) == [TaggedSpan(0, 7, "NAME")]
    assert decode([lab["O"], lab["B-NAME"], lab["O"]], pieces, words) == []


class _Encoding(dict):
    def __init__(self, words: list[tuple[int, int]], text: str) -> None:
        super().__init__(input_ids=[100 + len(text[a:b]) for a, b in words], offset_mapping=words)
        self._ids = list(range(len(words)))

    def word_ids(self) -> list[int]:
        return self._ids


class _WordTokenizer:
    """One sub-word per whitespace-separated word; its id says whether the word is capitalised (a name here)."""

    cls_token_id, sep_token_id = 1, 2

    def __call__(self, text: str, **kw) -> _Encoding:
        import re

        words = [m.span() for m in re.finditer(r"\S+", text)]
        enc = _Encoding(words, text)
        enc["input_ids"] = [7 if text[a].isupper() else 5 for a, _ in words]
        return enc


def _capitals_are_names(input_ids, attention_mask):
    import torch

    logits = torch.zeros((*input_ids.shape, len(LABELS)))
    logits[..., 0] = 1.0
    logits[..., LABELS.index("B-NAME")] = (input_ids == 7).float() * 2
    return logits


def test_tagging_maps_window_positions_back_to_the_text():
    text = "seen by Ada today and by Grace later with Ines and also Bo here"
    tagger = PhiTagger(_capitals_are_names, _WordTokenizer(), {"max_length": 6, "stride": 2}, None)
    (tagged,) = tagger.pipe([text])  # windows of 4 words: every word is read in some window, none shifted
    assert [text[e.start_char:e.end_char] for e in tagged.ents] == ["Ada", "Grace", "Ines", "Bo"]
    assert all(e.label_ == "NAME" for e in tagged.ents)
    assert list(tagger.pipe([""])) == [TaggedText(())]


class _FakeTagger:
    """Calls the given words NAME: it tests how the de-identifier takes the tagger's spans, not a model."""

    def __init__(self, words: set[str]) -> None:
        self.words = words

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[TaggedText]:
        for text in texts:
            spans = []
            for w in self.words:
                at = text.find(w)
                if at >= 0:
                    spans.append(TaggedSpan(at, at + len(w), "NAME"))
            yield TaggedText(tuple(spans))


def _deid(words: set[str], **kw) -> Deidentifier:
    d = Deidentifier(DeidConfig(use_model=True, use_learned=False, use_tagger=True, **kw),
                     pseudonymizer=Pseudonymizer(b"unit-test-key-0123456789"))
    d._tagger = _FakeTagger(words)
    d._nlp = spacy.blank("en")  # no general NER: the tagger is the only model that finds names here
    return d


def test_tagger_names_are_replaced_and_vetted_like_the_learned_taggers():
    text = "Seen with her neighbour Odalys Quintero today; parkinson tremor unchanged.\n"
    out = _deid({"Odalys Quintero", "parkinson"}).deidentify(text)
    assert "Odalys" not in out.text and "Quintero" not in out.text
    assert "parkinson" in out.text  # medical vocabulary never goes, whoever tagged it
    assert [s.type for s in out.spans] == [PhiType.NAME]


@pytest.mark.parametrize("text, name, kept", [
    ("Odalys Quintero took test today.\n", "Odalys Quintero", True),  # a head two words on is no title here
    ("cough on the St George's Respiratory Questionnaire\n", "St George", False),  # but is in a title
    ("Contacts:\nRosa: daughter, 555-0142\n", "Rosa", True),  # a name before a colon is no form label
    ("Endoscopist....... Bjorn B. Fairweather, MD\n", "Endoscopist", False),
])
def test_the_vetting_of_tagger_spans(text, name, kept):
    from medkg.nlp.deid import _form_view, _SpanIndex

    d = _deid(set())
    at = text.index(name)
    view = _form_view(text)  # what the rules read: "Endoscopist: Bjorn …"
    cands = d._learned_cands(view, TaggedText((TaggedSpan(at, at + len(name), "NAME"),)), _SpanIndex([]))
    assert bool(cands) is kept


def test_a_town_after_a_street_is_no_facility_tail():
    from medkg.nlp.deid_tagger import TaggedSpan as Span

    class _Town:
        def pipe(self, texts, batch_size=16):
            for t in texts:
                at = t.find("Troy")
                yield TaggedText((Span(at, at + 4, "LOCATION"),) if at >= 0 else ())

    d = _deid(set())
    d._tagger = _Town()
    assert "Troy" not in d.deidentify("Address: 4418 Elm St Troy NY 12180\n").text
    d._tagger = type("_Tail", (), {"pipe": lambda self, texts, batch_size=16: (
        TaggedText((TaggedSpan(t.find("Center"), t.find("Center") + 6, "LOCATION"),)) for t in texts)})()
    assert "Wound Care Center" in d.deidentify("Wound Care Center\nVisit note\n").text


def test_the_shipped_tagger_is_on_by_default_and_a_missing_model_is_a_clear_error(tmp_path):
    assert DeidConfig().use_tagger is True and (TAGGER_MODEL_DIR / "model.safetensors").is_file()
    with pytest.raises(MedkgError, match="no PHI tagger"):
        PhiTagger.load(tmp_path)


def test_the_tagger_reads_words_only_and_follows_the_model_switch():
    from medkg.nlp.deid import _tagger_view

    text = "Seen 3/4/2021 by Dr. Smith. 1.1.1.1. Room 4B, Иван called 555-1234."
    view = _tagger_view(text)
    assert len(view) == len(text)  # offsets stay those of the text
    assert "3/4/2021" not in view and "1.1.1.1." not in view and "555-1234" not in view
    assert all(w in view for w in ("Smith.", "4B,", "Иван"))  # a token with a letter of any script stays
    rules = Deidentifier(DeidConfig(use_model=False, use_tagger=True), pseudonymizer=Pseudonymizer(b"k" * 16))
    assert rules.tagger is None  # use_model=False: patterns, cues and the small tagger only


@pytest.mark.parametrize("text, name, kept", [
    ("Thu 8/26/21 15:49   Operator: sb\nReason for call: fell at home\n", "sb", True),  # a user name
    ("Please call me before 3? -J.H.\n", "J.H.", True),  # initials signing a message
    ("A Penrose drain was placed.\n", "Penrose", False),  # an eponym device
    ("Plan: OR Tue for ORIF, consent signed.\n", "ORIF", False),  # charting words
    ("Dictated by Dr. Friday on 02-18-2023.\n", "Friday", True),  # but a charting word after a title is a name
    ("CALLED ON ELLIS 4 AT 1845.\nD. DAY RN\n", "D. DAY", True),  # as is an initial and one before a credential
    ("Pt to OR on Friday.\n", "Friday", False),
    ("cough on the St George's Respiratory Questionnaire\n", "St George", False),  # named after
    ("Endoscopist....... Bjorn B. Fairweather, MD\n", "Endoscopist", False),  # a form label
])
def test_transformer_names_the_word_vetting_drops_are_read_again_with_the_medical_checks(text, name, kept):
    out = _deid({name}).deidentify(text)
    assert (name not in out.text) is kept
    assert any(s.source == "tagger" for s in out.spans) is kept


def test_a_tagger_name_adds_the_words_the_rules_left_and_never_a_title():
    text = "Patient name (last, first, middle): GUZMÁN DE LA PEÑA, María José\nSeen with Dr. John Smith RN today.\n"
    out = _deid({"GUZMÁN DE LA PEÑA, María José", "Dr. John Smith RN"}).deidentify(text)
    assert not any(w in out.text for w in ("GUZMÁN", "DE LA", "PEÑA", "María", "José", "John", "Smith"))
    assert "Dr." in out.text and "RN today" in out.text  # the rules' name kept its title and credential out
    text = "Seen at the request of Dr. Wolfgang Friday for low urine output.\nPrimary RN\tSteel, Doris B.\n"
    out = _deid({"Wolfgang Friday", "Primary RN\tSteel, Doris B."}).deidentify(text)
    assert "Wolfgang" not in out.text and "Friday" not in out.text  # a surname that is a charting word
    assert "Primary RN" in out.text and "Steel" not in out.text  # a role before the name is none of it


class _Places:
    """A tagger that tags the given phrases as places."""

    def __init__(self, phrases: set[str]):
        self.phrases = phrases

    def pipe(self, texts, batch_size=16):
        for t in texts:
            yield TaggedText(tuple(TaggedSpan(t.find(p), t.find(p) + len(p), "LOCATION")
                                   for p in self.phrases if p in t))


@pytest.mark.parametrize("text, place, gone", [
    ("She lives nearby in Success and checks on her daily.\n", "Success", "Success"),  # a town that is a word
    ("Referred to Opening Doors Refugee Services today.\n", "Opening Doors Refugee Services", "Opening Doors"),
    ("APS Caseworker II, Kern County Department of Children and Families\n",
     "Kern County Department of Children and Families", "Department of Children"),  # past the rules' "Kern County"
    ("Prescriptions sent to Bone Drug today.\n", "Bone Drug", "Drug"),
    ("staying w/ cousin in haledon but cant go back\n", "haledon", "haledon"),
])
def test_transformer_places_the_word_vetting_drops_are_read_again(text, place, gone):
    d = _deid(set())
    d._tagger = _Places({place})
    assert gone not in d.deidentify(text).text


@pytest.mark.parametrize("text, place, kept", [
    ("Parents are in Portugal; lives in Vermont.\n", "Portugal", "Portugal"),  # a country or state alone
    ("Device check: St. Jude ICD, no shocks.\n", "St. Jude", "St. Jude"),  # named after: a device
    ("Insurance: BCBS of Montana, ID on file\n", "BCBS of Montana", "BCBS of Montana"),  # a payer
    ("She sat in the food pantry line.\n", "food pantry", "food pantry"),  # no word of its own
    ("Referred to Guest Relations Office.\n", "Guest", "Guest"),  # one word of a longer Capitalised run
    ("She works nights at Blue Heron Coffee.\n", "Blue Heron Coffee", "Blue Heron Coffee"),  # English words only
    ("Patient lives neaby in Savannah.\n", "neaby", "neaby"),  # one lower-case word with no place word before it
    ("Grew up in the Maryvale neighborhood.\n", "Maryvale neighborhood", "neighborhood"),  # a generic tail word
])
def test_transformer_places_that_stay_words(text, place, kept):
    d = _deid(set())
    d._tagger = _Places({place})
    assert kept in d.deidentify(text).text


def test_names_and_places_in_other_scripts_are_words_the_tagger_may_find():
    d = _deid({"Иван Петров", "王芳"})
    d._tagger = type("_Both", (), {"pipe": lambda self, texts, batch_size=16: (TaggedText(tuple(
        TaggedSpan(t.find(w), t.find(w) + len(w), label) for w, label in (
            ("Иван Петров", "NAME"), ("王芳", "NAME"), ("Москва", "LOCATION")) if w in t)) for t in texts)})()
    out = d.deidentify("Pt from Москва, son Иван Петров called. Wife 王芳 at bedside.\n").text
    assert not any(w in out for w in ("Москва", "Иван", "Петров", "王芳")), out
