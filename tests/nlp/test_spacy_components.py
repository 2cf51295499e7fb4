import pytest
import spacy

from medkg.kg.schema import Assertion, NodeLabel
from medkg.nlp.dictionary import DictionaryMatcher, DictSpan, merge_spans
from medkg.nlp.normalize import Vocabulary
from medkg.nlp.spacy_components import load  # importing it registers the factories
from tests.nlp.fakes import FakeNER

NOTE = ("Chief complaint: SOB and chest pain.\n"
        "HPI: 61 y/o M with HTN and DM2 presents with dyspnea on exertion.\n"
        "Denies fever, chills, or cough. No PE on CT chest.\n"
        "pe was normal.\n"
        "Family History: mother had breast cancer.\n"
        "Plan:\n- chest x-rays\n- return if fever develops\n")


@pytest.fixture(scope="module")
def blank_pipe():
    pipe = spacy.blank("en")
    for name in ("medkg_sentences", "medkg_ner", "medkg_dictionary", "medkg_linker", "medkg_context"):
        pipe.add_pipe(name)
    pipe.get_pipe("medkg_ner").predictor = FakeNER()
    return pipe


def test_factories_declare_default_configs():
    pipe = spacy.blank("en")
    pipe.add_pipe("medkg_linker")
    pipe.add_pipe("medkg_context")
    assert pipe.config["components"]["medkg_linker"]["threshold"] == 0.75
    assert pipe.config["components"]["medkg_context"]["window"] == 10
    assert pipe.config["components"]["medkg_context"]["past_history_sections"] is True  # ConText's guideline
    assert pipe.get_pipe("medkg_context").context.section_assertions["past medical history"].value == "historical"
    assert pipe.get_factory_meta("medkg_ner").default_config["batch_size"] == 32
    assert "medkg_relations" in spacy.registry.factories.get_all()


def test_blank_pipeline_sets_ents_and_extensions(blank_pipe):
    doc = blank_pipe(NOTE)
    ents = {}
    for e in doc.ents:
        ents.setdefault(e.text, e)  # first occurrence
    assert {e.label_ for e in doc.ents} <= {lab.value for lab in NodeLabel}
    assert ents["SOB"]._.concept_id == "MESH:D004417"  # dictionary, case-sensitive abbreviation
    assert ents["chest pain"]._.source == "ner"  # the transformer (fake) wins on overlap
    assert ents["HTN"]._.concept_id == "DOID:10763"
    assert ents["dyspnea on exertion"]._.concept_id == "MESH:D004417"  # longest match
    assert ents["fever"]._.assertion == Assertion.NEGATED.value
    assert ents["cough"]._.assertion == Assertion.NEGATED.value
    assert ents["PE"]._.assertion == Assertion.NEGATED.value
    assert "pe" not in ents  # capitalised abbreviations match their spelling only
    assert ents["breast cancer"]._.assertion == Assertion.FAMILY.value
    assert ents["chest x-rays"]._.concept_id == "medkg:procedure/chest-x-ray"
    assert ents["chest pain"]._.assertion == Assertion.PRESENT.value
    assert all(e._.link_status == "linked" and 0 < e._.link_score <= 1 for e in doc.ents)
    hypothetical = [e for e in doc.ents if e.text == "fever" and e._.assertion == "hypothetical"]
    assert len(hypothetical) == 1


def test_clinical_sentence_splitting(blank_pipe):
    doc = blank_pipe(NOTE)
    sents = [s.text.strip() for s in doc.sents]
    assert "Chief complaint:" in sents  # a header ends its sentence
    assert "Denies fever, chills, or cough." in sents
    assert "- chest x-rays" in sents  # list items are sentences
    wrapped = blank_pipe("The lesion is oriented perpendicular\nto the ventricles. Next sentence.")
    assert [s.text.strip() for s in wrapped.sents] == ["The lesion is oriented perpendicular\nto the ventricles.",
                                                       "Next sentence."]
    numbered = blank_pipe("Assessment:\n1. Suspected optic neuritis.\n2. Return if fever develops.")
    assert [s.text.strip() for s in numbered.sents][1:] == ["1. Suspected optic neuritis.",
                                                             "2. Return if fever develops."]


def test_load_without_transformer():
    pipe = load(ner=False)
    assert pipe.pipe_names == ["medkg_sentences", "medkg_dictionary", "medkg_linker", "medkg_context"]
    doc = pipe("No evidence of pneumonia on chest x-ray.")
    assert [(e.text, e._.assertion) for e in doc.ents] == [("pneumonia", "negated"), ("chest x-ray", "negated")]


def test_dictionary_matcher_longest_match_and_merge():
    vocab = Vocabulary.load()
    m = DictionaryMatcher(vocab)
    toks = [("shortness", 0, 9), ("of", 10, 12), ("breath", 13, 19)]
    (span,) = m.match_tokens(toks)
    assert (span.start, span.end, span.label) == (0, 3, NodeLabel.SYMPTOM)
    d = [DictSpan(0, 1, 0, 5, NodeLabel.SYMPTOM), DictSpan(2, 3, 10, 15, NodeLabel.ANATOMY)]
    assert merge_spans([(3, 8)], d) == [d[1]]
    only = DictionaryMatcher(vocab, labels=[NodeLabel.ANATOMY])
    assert only.match_tokens(toks) == []


class _ScoredNER:
    """Tags fixed words with fixed confidences."""

    version = "scored"

    def __init__(self, spans):
        self.spans = spans  # word -> (label, score)

    def predict(self, texts, batch_size=64):
        from tests.nlp.fakes import Span

        out = []
        for t in texts:
            row = []
            for word, (label, score) in self.spans.items():
                i = t.find(word)
                if i >= 0:
                    row.append(Span(i, i + len(word), label, score, word))
            out.append(sorted(row, key=lambda s: s.start))
        return out


@pytest.mark.parametrize("bar, kept", [(0.97, {"aspirin", "glorpitab"}), (0.0, {"aspirin", "glorpitab", "zorblax"})])
def test_linker_drops_unsure_spans_it_cannot_normalize(bar, kept):
    pipe = spacy.blank("en")
    for name in ("medkg_sentences", "medkg_ner"):
        pipe.add_pipe(name)
    pipe.add_pipe("medkg_linker", config={"unlinked_min_score": bar})
    pipe.get_pipe("medkg_ner").predictor = _ScoredNER({
        "aspirin": (NodeLabel.COMPOUND, 0.6),     # unsure but linked: kept
        "zorblax": (NodeLabel.COMPOUND, 0.8),     # unsure and unknown: dropped at the default bar
        "glorpitab": (NodeLabel.COMPOUND, 0.99),  # sure and unknown: kept, unlinked
    })
    doc = pipe("Gave aspirin, zorblax and glorpitab.")
    assert {e.text for e in doc.ents} == kept
    assert {e.text for e in doc.ents if e._.link_status == "unlinked"} == kept - {"aspirin"}
    with pytest.raises(Exception, match="unlinked_min_score"):
        spacy.blank("en").add_pipe("medkg_linker", config={"unlinked_min_score": 2.0})


def test_a_defined_short_form_takes_the_long_forms_type_and_concept_everywhere(blank_pipe):
    text = "Women with breast cancer (BRC) were followed. BRC recurred in 12; BRCX is unrelated."
    doc = blank_pipe(text)
    long_form = next(e for e in doc.ents if e.text == "breast cancer")
    short = [e for e in doc.ents if e.text == "BRC"]
    assert len(short) == 2 and "BRCX" not in {e.text for e in doc.ents}
    for e in short:
        assert e.label_ == long_form.label_ == NodeLabel.DISEASE.value
        assert e._.concept == long_form._.concept and e._.link_method == "abbreviation"
    off = spacy.blank("en")
    for name in ("medkg_sentences", "medkg_ner", "medkg_dictionary"):
        off.add_pipe(name)
    off.add_pipe("medkg_linker", config={"propagate_abbreviations": False})
    off.get_pipe("medkg_ner").predictor = FakeNER()
    assert [e.text for e in off(text).ents if e.text == "BRC"] == []


def test_an_unlinkable_transformer_span_gives_way_to_the_dictionary_matches_inside_it():
    pipe = spacy.blank("en")
    for name in ("medkg_sentences", "medkg_ner", "medkg_dictionary", "medkg_linker", "medkg_context"):
        pipe.add_pipe(name)
    pipe.get_pipe("medkg_ner").predictor = _ScoredNER({
        "supraclavicular lymphadenopathy": (NodeLabel.DISEASE, 0.99),  # named by no vocabulary
        "SOB": (NodeLabel.COMPOUND, 0.9),  # the symptom, typed as a drug
        "glorpitis": (NodeLabel.DISEASE, 0.99),  # unknown, and hides no dictionary word: kept, unlinked
        "cellulitis of the right glorp": (NodeLabel.DISEASE, 0.99),  # the head comes before "of"
        "hepatitis b immune glorpulin": (NodeLabel.COMPOUND, 0.99),  # a modifier is not the thing named
    })
    doc = pipe("Lymph: no supraclavicular lymphadenopathy. Denies SOB. History of glorpitis. "
               "Has cellulitis of the right glorp. Gave hepatitis b immune glorpulin.")
    ents = {e.text: e for e in doc.ents}
    assert ents["cellulitis"]._.concept_id == "MESH:D002481"
    assert ents["hepatitis b immune glorpulin"]._.link_status == "unlinked" and "hepatitis b" not in ents
    assert "supraclavicular lymphadenopathy" not in ents
    lad = ents["lymphadenopathy"]
    assert lad._.link_status == "linked" and lad._.source == "dictionary" and lad._.assertion == Assertion.NEGATED.value
    assert ents["SOB"].label_ == NodeLabel.SYMPTOM.value and ents["SOB"]._.concept_id == "MESH:D004417"
    assert ents["glorpitis"]._.link_status == "unlinked"


def test_an_unlinkable_span_that_joins_two_mentions_gives_the_head_of_each():
    pipe = spacy.blank("en")
    for name in ("medkg_sentences", "medkg_ner", "medkg_dictionary", "medkg_linker"):
        pipe.add_pipe(name)
    pipe.get_pipe("medkg_ner").predictor = _ScoredNER({
        "brainstem seizures and glorp behavior": (NodeLabel.DISEASE, 0.99),  # no vocabulary names it whole
        "glorpal headache or hepatic glorpitis": (NodeLabel.DISEASE, 0.99),  # one conjunct's head is known
        "glorp seizures, glorp vertigo and glorp nausea": (NodeLabel.DISEASE, 0.99),  # the last one's head too
    })
    doc = pipe("Cocaine-induced brainstem seizures and glorp behavior. Reports glorpal headache or hepatic glorpitis. "
               "Had glorp seizures, glorp vertigo and glorp nausea.")
    ents = {e.text: e for e in doc.ents}
    assert ents["seizures"]._.concept_id == "MESH:D012640" and ents["seizures"]._.source == "dictionary"
    assert ents["headache"]._.link_status == "linked" and "hepatic glorpitis" not in ents
    last = [e.text for e in doc.ents if e.start_char > doc.text.index("Had glorp")]
    assert last == ["seizures", "vertigo", "nausea"], last
    assert not any(" or " in t or " and " in t for t in ents)  # the joined spans gave way


def test_examination_findings_are_conditions():
    matcher = DictionaryMatcher(Vocabulary.load())
    pipe = spacy.blank("en")
    doc = pipe("No murmurs or gallops. JVD to the jaw. Bibasilar crackles. Apply the rub.")
    assert [doc[m.start:m.end].text for m in matcher.match_doc(doc)] == ["murmurs", "gallops", "JVD",
                                                                        "Bibasilar crackles"]


@pytest.mark.parametrize("text, found, concept", [
    ("Had shingles last spring.", "shingles", "MESH:D006562"),
    ("Roommate diagnosed with active TB.", "active TB", "MESH:D014376"),
    ("No murmurs or gallops; JVD absent.", "JVD", "UMLS:C0520861"),
    ("Neuro: no focal deficits.", "focal deficits", "MESH:D009461"),
    ("Reports blood in the stool.", "blood in the stool", "UMLS:C0018932"),
    ("Hep C antibody nonreactive.", "Hep C", "MESH:D006526"),
    ("Symptomatic with diaphoresis.", "diaphoresis", "UMLS:C0038990"),
    ("SKIN INTACT, NO PRESSURE INJURIES NOTED.", "PRESSURE INJURIES", "MESH:D003668"),
])
def test_clinical_names_of_infections_findings_and_complications_link(blank_pipe, text, found, concept):
    assert {e.text: e._.concept_id for e in blank_pipe(text).ents}.get(found) == concept
