import pytest

from medkg.kg.errors import InputError
from medkg.kg.models import Concept
from medkg.kg.schema import NodeLabel
from medkg.nlp.normalize import Link, Linker, Vocabulary, find_abbreviations, normalize_text


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(Vocabulary.load())


def test_normalize_text_folds_case_punctuation_plurals_and_spelling():
    assert normalize_text("Myocardial  Infarctions.") == "myocardial infarction"
    assert normalize_text("Chest X-rays") == "chest x ray"
    assert normalize_text("Anaemia") == normalize_text("anemia")
    assert normalize_text("Arteries") == "artery"
    assert normalize_text("Diabetes") == normalize_text("diabetes")  # stable either way
    assert normalize_text("  ") == ""
    assert normalize_text("Toxic Psychoses") == "toxic psychosis"  # MeSH plural names meet singular mentions
    assert normalize_text("paralyses") == normalize_text("paralysis")
    assert normalize_text("drug overdoses") == normalize_text("drug overdose")  # "-ose" words keep their fold


@pytest.mark.parametrize("text,label,concept_id,xref", [
    ("aspirin", NodeLabel.COMPOUND, "DB00945", "MESH:D001241"),  # Hetionet "Acetylsalicylic acid" + crosswalk
    ("Aspirin", NodeLabel.COMPOUND, "DB00945", "MESH:D001241"),
    ("hypertension", NodeLabel.DISEASE, "DOID:10763", "MESH:D006973"),
    ("HTN", NodeLabel.DISEASE, "DOID:10763", "MESH:D006973"),
    ("breast cancer", NodeLabel.DISEASE, "DOID:1612", None),
    ("myocardial infarction", NodeLabel.DISEASE, "MESH:D009203", None),
    ("MI", NodeLabel.DISEASE, "MESH:D009203", None),
    ("myocardial infarctions", NodeLabel.DISEASE, "MESH:D009203", None),
    ("SOB", NodeLabel.SYMPTOM, "MESH:D004417", None),
    ("chest pain", NodeLabel.SYMPTOM, "MESH:D002637", None),
    ("DVT", NodeLabel.DISEASE, None, None),
    ("chest x-ray", NodeLabel.PROCEDURE, "medkg:procedure/chest-x-ray", None),
    ("liver", NodeLabel.ANATOMY, "UBERON:0002107", None),
])
def test_known_names(linker, text, label, concept_id, xref):
    link = linker.link(text, label)
    assert link.status == "linked" and link.concept is not None
    if concept_id is not None:
        assert link.concept.id == concept_id
    if xref is not None:
        assert xref in link.concept.xrefs
        assert link.mesh_id == xref


def test_disease_mention_may_link_to_a_symptom_concept(linker):
    link = linker.link("fever", NodeLabel.DISEASE)
    assert link.concept.label is NodeLabel.SYMPTOM and link.mesh_id == "MESH:D005334"


def test_only_exact_names_cross_labels(linker):
    # a tagger's label slip is repaired by an exact name...
    assert linker.link("pneumonia", NodeLabel.COMPOUND).concept.id == "MESH:D011014"
    assert linker.link("fingolimod", NodeLabel.DISEASE).concept.label is NodeLabel.COMPOUND
    # ...but fuzzy matches and short forms stay within the mention's labels
    typo = linker.link("pneumoniaa", NodeLabel.COMPOUND)
    assert typo.concept is None or typo.concept.label is NodeLabel.COMPOUND
    assert linker.link("HTN", NodeLabel.COMPOUND).concept is None


def test_fuzzy_fallback_and_unlinked(linker):
    typo = linker.link("myocardial infarctoin", NodeLabel.DISEASE)
    assert typo.method == "fuzzy" and typo.concept.id == "MESH:D009203" and 0 < typo.score < 1
    nothing = linker.link("qwxzv blorptic", NodeLabel.DISEASE)
    assert nothing == Link("unlinked", None, 0.0, "none")
    assert nothing.mesh_id is None


def test_abbreviations_defined_in_the_document(linker):
    text = "Patients with neuroleptic malignant syndrome (NMS) were studied. NMS is rare."
    abbrevs = find_abbreviations(text)
    assert abbrevs == {"NMS": "neuroleptic malignant syndrome"}
    link = linker.link("NMS", NodeLabel.DISEASE, abbrevs)
    assert link.status == "linked" and link.method in ("abbreviation", "exact")
    assert find_abbreviations("a value (p < 0.05) was found") == {}


def test_abbreviation_forms_seen_in_abstracts():
    # the first letter may open a hyphenated part, and the parenthesis may go on after the short form
    assert find_abbreviations("cells with 13-cis-retinoic acid (cis-RA) grew") == {"cis-RA": "13-cis-retinoic acid"}
    assert find_abbreviations("given diethylnitrosamine (DEN: 200 mg/kg) once") == {"DEN": "diethylnitrosamine"}
    assert find_abbreviations("especially given (e.g., aspirin) daily") == {}


def test_drug_induced_variant(linker):
    link = linker.link("cocaine-induced seizures", NodeLabel.DISEASE)
    assert link.status == "linked" and link.concept.id == linker.link("seizures", NodeLabel.DISEASE).concept.id


def test_threshold_is_validated():
    vocab = Vocabulary.from_records([(Concept(label=NodeLabel.DISEASE, id="X:1", name="foo disease"), [])])
    with pytest.raises(InputError, match="threshold"):
        Linker(vocab, threshold=0)
    with pytest.raises(InputError, match="threshold"):
        Linker(vocab, threshold=1.5)


def test_vocabulary_roundtrip(tmp_path):
    vocab = Vocabulary.from_records([
        (Concept(label=NodeLabel.DISEASE, id="X:1", name="Foo disease", xrefs=("MESH:D1",)), ["foo syndrome"]),
        (Concept(label=NodeLabel.COMPOUND, id="X:2", name="Barinol"), []),
    ], version="test")
    path = tmp_path / "v.json.gz"
    vocab.save(path)
    back = Vocabulary.load(path)
    assert back.version == "test" and len(back) == 2
    assert back.exact("Foo Syndromes", [NodeLabel.DISEASE]).id == "X:1"
    assert back.exact("barinol", [NodeLabel.DISEASE]) is None  # label restriction
    assert back.by_id("X:1").xrefs == ("MESH:D1",)
    with pytest.raises(InputError, match="not found"):
        Vocabulary.load(tmp_path / "missing.json.gz")


def test_shipped_index_is_compact(linker):
    from medkg.nlp.normalize import default_vocab_path

    assert default_vocab_path().stat().st_size < 10_000_000
    assert len(linker.vocab) > 5000
    labels = {c.label for c in linker.vocab.concepts}
    assert {NodeLabel.COMPOUND, NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.SIDE_EFFECT, NodeLabel.ANATOMY,
            NodeLabel.PROCEDURE} <= labels
    assert all(c.id.strip() for c in linker.vocab.concepts)


@pytest.mark.parametrize("text,concept_id", [
    ("metoprolol succinate 25 mg", "DB00264"),
    ("formoterol 160/4.5", "DB00983"),
    ("lisinopril 10 mg daily", "DB00722"),
])
def test_drug_with_dose_or_salt(linker, text, concept_id):
    assert linker.link(text, NodeLabel.COMPOUND).concept.id == concept_id
