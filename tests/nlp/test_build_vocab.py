"""The vocabulary builder's MeSH inputs: tree filter, drug-only supplementary concepts, name crosswalk."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
build_vocab = pytest.importorskip("build_vocab")

from medkg.kg.schema import NodeLabel  # noqa: E402
from medkg.nlp.normalize import Linker, normalize_text  # noqa: E402


@pytest.fixture()
def inputs(tmp_path):
    nodes = tmp_path / "nodes.tsv"
    nodes.write_text("id\tname\tkind\n"
                     "Compound::DB00331\tMetformin\tCompound\n"
                     "Disease::DOID:9352\ttype 2 diabetes mellitus\tDisease\n"
                     "Symptom::D006261\tHeadache\tSymptom\n")
    pubtator = tmp_path / "train.txt"
    pubtator.write_text("1|t|Aspirin and pain.\n1|a|x\n"
                        "1\t0\t7\tAspirin\tChemical\tD001241\n"
                        "1\t12\t16\tpain\tDisease\tD010146\n\n")
    desc = tmp_path / "desc.tsv"
    desc.write_text("D003924\tDiabetes Mellitus, Type 2\tType 2 Diabetes Mellitus|NIDDM|Diabetes, Type 2\tC18.452.394.750.149\n"
                    "D008687\tMetformin\tDimethylbiguanidine|Glucophage\tD02.078.370.141.450\n"
                    "D000003\tAbattoirs\tSlaughterhouses\tJ01.576.423.200.700.100\n"
                    "D001241\tAspirin\tAcetylsalicylic Acid\tD02.241.223.100.050\n")
    supp = tmp_path / "supp.tsv"
    supp.write_text("C005435\tedaravone\tMCI-186|norphenazone\tD011485\n"
                    "C000011\tsome dye intermediate\t\tD015125\n")
    drugbank = tmp_path / "drugbank.tsv"
    drugbank.write_text("DRUGBANK_ID\tNAMESPACE\tID\tSOURCE\nDB12243\tNAME\tEdaravone\tdrugbank\n")
    clinical = tmp_path / "clinical.tsv"
    clinical.write_text("# kind\tlabel\tsurfaces\tcanonical\n")
    return nodes, pubtator, clinical, desc, supp, drugbank


def _inputs(tmp_path, nodes: str, pubtator: str, desc: str) -> list:
    """The node, training, clinical (empty) and descriptor files of a build, written from their contents."""
    paths = [tmp_path / name for name in ("nodes.tsv", "train.txt", "clinical.tsv", "desc.tsv")]
    for path, text in zip(paths, (nodes, pubtator, "# kind\tlabel\tsurfaces\tcanonical\n", desc)):
        path.write_text(text)
    return paths


def test_mesh_terms_link_and_crosswalk_by_name(inputs):
    vocab, stats = build_vocab.build(*inputs)
    assert stats["mesh_descriptors"] == 3  # Abattoirs (tree J) is not a disease or chemical
    assert stats["mesh_supplementary"] == 1  # only the supplementary concept that is a DrugBank drug
    linker = Linker(vocab)
    # the Hetionet compound and disease take the MeSH concept of their exact name as an xref
    metformin = linker.link("Glucophage", NodeLabel.COMPOUND)
    assert metformin.concept.id == "DB00331" and metformin.mesh_id == "MESH:D008687"
    t2d = linker.link("type 2 diabetes", NodeLabel.DISEASE)
    assert t2d.concept.id == "DOID:9352" and t2d.mesh_id == "MESH:D003924"
    assert linker.link("acetylsalicylic acid", NodeLabel.COMPOUND).concept.id == "MESH:D001241"
    assert linker.link("MCI-186", NodeLabel.COMPOUND).concept.id == "MESH:C005435"
    assert linker.link("slaughterhouses", NodeLabel.DISEASE).status == "unlinked"
    # entry terms shorter than MESH_MIN_KEY are left to document abbreviations
    assert "niddm" in vocab.forms and vocab.exact("NIDDM").id == "DOID:9352"
    # MeSH entry terms do not feed the dictionary tagger
    assert "dimethylbiguanidine" not in vocab.dictionary


def test_malformed_descriptor_file_names_the_line(inputs, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("D003924\tDiabetes Mellitus, Type 2\n")
    nodes, pubtator, clinical, _, supp, drugbank = inputs
    with pytest.raises(SystemExit, match="line 1"):
        build_vocab.build(nodes, pubtator, clinical, bad, supp, drugbank)


def test_side_effects_and_later_descriptors_record_the_mesh_id_literature_was_indexed_with(tmp_path):
    nodes = ("id\tname\tkind\n"
             "Side Effect::C0015967\tFever\tSide Effect\n"  # annotated in BC5CDR
             "Side Effect::C0020649\tHypotension\tSide Effect\n"  # only MeSH's own name
             "Side Effect::C9999999\tfeeling odd\tSide Effect\n")  # neither
    pubtator = ("1|t|Fever and hyperthermia.\n1|a|x\n"
                "1\t0\t5\tFever\tDisease\tD005334\n"
                "1\t10\t22\thyperthermia\tDisease\tD005334\n\n")
    desc = ("D005334\tFever\tPyrexia\tC23.888.119.344\n"
            "D007022\tHypotension\tLow Blood Pressure\tC14.907.514\n"
            "D000084462\tHyperthermia\t\tC23.888.119.344.500\n")
    vocab, stats = build_vocab.build(*_inputs(tmp_path, nodes, pubtator, desc))
    xrefs = {c.id: c.xrefs for c in vocab.concepts}
    assert xrefs["UMLS:C0015967"] == ("MESH:D005334",) and xrefs["UMLS:C0020649"] == ("MESH:D007022",)
    assert xrefs["UMLS:C9999999"] == ()
    assert xrefs["MESH:D000084462"] == ("MESH:D005334",)  # the older descriptor BC5CDR annotated it with
    assert (stats["side_effect_xrefs"], stats["later_descriptor_xrefs"]) == (2, 1)


def test_a_later_descriptor_takes_the_composite_or_entry_term_annotation_of_its_time(tmp_path):
    nodes = "id\tname\tkind\n"
    pubtator = ("1|t|x\n1|a|x\n"
                "1\t0\t20\themorrhagic cystitis\tDisease\tD006470|D003556\themorrhagic|cystitis\n"
                + "1\t0\t20\tbleeding cystitis\tDisease\tD003556\n" * 3  # an entry term's votes
                + "1\t0\t10\tsomnolence\tDisease\tD006970\n"
                "1\t0\t10\tgrippe\tDisease\tD007251\n1\t0\t10\tgrippe\tDisease\tD009976\n\n")
    desc = ("D000096722\tCystitis, Hemorrhagic\tCystitis, Bleeding\tC12.777.829.133\n"
            "D000099999\tGrippe\t\tC01.925\n"  # annotated once with each of two ids: a tie, no xref
            "D000077260\tSleepiness\tSomnolence|Drowsiness\tF02.830.855\n"  # F02: not a disease tree
            "D000077261\tSleepiness Syndrome\tSomnolence\tC10.886\n"
            "D006470\tHemorrhage\t\tC23.550.414\nD003556\tCystitis\t\tC12.777.829.133\n"
            "D006970\tDisorders of Excessive Somnolence\t\tC10.886.425\n")
    vocab, stats = build_vocab.build(*_inputs(tmp_path, nodes, pubtator, desc))
    # its name (in either reading) decides before its entry terms: both ids of its time
    assert vocab.by_id("MESH:D000096722").xrefs == ("MESH:D003556", "MESH:D006470")
    assert vocab.by_id("MESH:D000099999").xrefs == ()
    assert vocab.by_id("MESH:D000077261").xrefs == ("MESH:D006970",)  # through its entry term
    assert stats["later_descriptor_xrefs"] == 2


def test_a_further_corpus_adds_forms_bc5cdr_never_annotated_and_skips_held_out_documents(inputs, tmp_path):
    nodes, pubtator, clinical, desc, supp, drugbank = inputs
    biored = tmp_path / "biored.txt"
    biored.write_text("7|t|NIDDM drug glucophage.\n7|a|x\n"
                      "7\t0\t5\tmaturity-onset diabetes\tDiseaseOrPhenotypicFeature\tD003924\n"
                      "7\t0\t5\tT2DMs\tDiseaseOrPhenotypicFeature\tD003924\n"  # an abbreviation: the abstract's sense
                      "7\t11\t21\tpain\tDiseaseOrPhenotypicFeature\tD003924\n"  # BC5CDR's own form: its sense stays
                      "7\t11\t21\tsugar diabetes\tDiseaseOrPhenotypicFeature\tOMIM:125853\n"  # not a MeSH id
                      "7\t11\t21\tbreast or ovary\tDiseaseOrPhenotypicFeature\tD001943,D010051\n\n"
                      "8|t|x\n8|a|x\n8\t0\t9\tmetformin XR\tChemicalEntity\tD008687\n\n")
    held_out = tmp_path / "dev.txt"
    held_out.write_text("8|t|x\n8|a|x\n\n")
    vocab, stats = build_vocab.build(nodes, pubtator, clinical, desc, supp, drugbank,
                                     extra_train=[biored], held_out=[held_out])
    assert stats["extra_corpus_forms"] == 1
    linker = Linker(vocab)
    assert linker.link("maturity onset diabetes", NodeLabel.DISEASE).mesh_id == "MESH:D003924"
    assert "maturity onset diabetes" not in vocab.dictionary  # linking forms only, like MeSH's
    for form in ("T2DMs", "sugar diabetes", "breast or ovary", "metformin XR"):  # the last: a held-out document
        assert normalize_text(form) not in vocab.forms, form
    assert linker.link("pain", NodeLabel.DISEASE).concept.id == "MESH:D010146"


def test_a_further_corpus_form_never_displaces_a_hetionet_name_nor_changes_the_dictionary(inputs, tmp_path):
    nodes, pubtator, clinical, desc, supp, drugbank = inputs
    nodes.write_text(nodes.read_text() + "Compound::DB00177\tValsartan\tCompound\n"
                     "Side Effect::C0037284\tSkin lesion\tSide Effect\n")
    annotations = "".join("7\t0\t9\tvalsartan\tChemicalEntity\tC081489\n" for _ in range(5))
    annotations += "".join("7\t0\t9\tskin lesion\tDiseaseOrPhenotypicFeature\tD012871\n" for _ in range(5))
    biored = tmp_path / "biored.txt"
    biored.write_text("7|t|x\n7|a|x\n" + annotations + "\n")
    plain, _ = build_vocab.build(nodes, pubtator, clinical, desc, supp, drugbank)
    vocab, stats = build_vocab.build(nodes, pubtator, clinical, desc, supp, drugbank, extra_train=[biored])
    assert stats["extra_corpus_forms"] == 2
    assert Linker(vocab).link("valsartan", NodeLabel.COMPOUND).concept.id == "DB00177"
    assert vocab.dictionary == plain.dictionary and vocab.dictionary["skin lesion"][0] == NodeLabel.SIDE_EFFECT


def test_further_corpora_are_counted_together(inputs, tmp_path):
    nodes, pubtator, clinical, desc, supp, drugbank = inputs
    files = []
    for n in (7, 8):
        f = tmp_path / f"biored{n}.txt"
        f.write_text(f"{n}|t|x\n{n}|a|x\n{n}\t0\t5\tadult-onset diabetes\tDiseaseOrPhenotypicFeature\tD003924\n\n")
        files.append(f)
    vocab, _ = build_vocab.build(nodes, pubtator, clinical, desc, supp, drugbank, extra_train=files)
    weights = dict(vocab.forms[normalize_text("adult-onset diabetes")])
    assert list(weights.values()) == [pytest.approx(build_vocab.extra_corpus_weight(2))]


def test_extra_corpus_weight_grows_with_annotations_but_stays_below_a_hetionet_name():
    weights = [build_vocab.extra_corpus_weight(n) for n in (1, 2, 5, 1000)]
    assert weights[0] == build_vocab.EXTRA_CORPUS_WEIGHT and weights == sorted(set(weights))
    assert build_vocab.MESH_NAME_WEIGHT < weights[0] and weights[-1] < build_vocab.HETIONET_WEIGHT
    with pytest.raises(ValueError, match="n must be"):
        build_vocab.extra_corpus_weight(0)


def test_a_composite_with_an_uncoded_part_still_yields_its_coded_part(tmp_path):
    pubtator = tmp_path / "train.txt"
    pubtator.write_text("1|t|x\n1|a|x\n"
                        "1\t0\t20\tischemic or fooish injury\tDisease\tD002544|-1\tischemic injury|fooish injury\n\n")
    assert list(build_vocab.read_pubtator_mentions(pubtator)) == [(NodeLabel.DISEASE, "MESH:D002544",
                                                                    "ischemic injury")]


def test_a_disease_named_like_a_mesh_descriptor_hetionet_files_as_a_symptom_takes_its_id(tmp_path):
    nodes = ("id\tname\tkind\n"
             "Disease::DOID:9970\tobesity\tDisease\n"
             "Symptom::D009765\tObesity\tSymptom\n")
    pubtator = "1|t|x\n1|a|x\n\n"  # never annotated in the training corpus
    desc = "D009765\tObesity\t\tC18.654.726.500|C23.888.144.699.500\n"
    vocab, stats = build_vocab.build(*_inputs(tmp_path, nodes, pubtator, desc))
    link = Linker(vocab).link("obesity", NodeLabel.DISEASE)
    assert link.concept.id == "DOID:9970" and link.mesh_id == "MESH:D009765"
    assert stats["crosswalk_xref_only"] == 1 and vocab.by_id("MESH:D009765") is not None  # both nodes stay


def test_a_compound_without_a_mesh_id_is_fused_with_the_one_descriptor_of_its_salt(tmp_path):
    nodes = ("id\tname\tkind\n"
             "Compound::DB00203\tSildenafil\tCompound\n"
             "Compound::DB00000\tMethacholine\tCompound\n"
             "Compound::DB00001\tHeparin\tCompound\n"
             "Compound::DB00002\tQuetiapine\tCompound\nCompound::DB00003\tQUETIAPINE\tCompound\n")
    pubtator = "1|t|x\n1|a|x\n\n"
    desc = ("D000068677\tSildenafil Citrate\tCitrate, Sildenafil\tD03.633.100.759.570\n"
            "D016210\tMethacholine Chloride\t\tD02.092.146.113.092\n"
            "D008688\tMethacholine Compounds\t\tD02.092.146.113\n"
            "D016211\tMethacholine Bromide\t\tD02.092.146.113.093\n"
            "D006495\tHeparin, Low-Molecular-Weight\t\tD09.698.373.400.500\n"
            "D000069348\tQuetiapine Fumarate\t\tD03.633.100.300.500\n")
    vocab, stats = build_vocab.build(*_inputs(tmp_path, nodes, pubtator, desc))
    linker = Linker(vocab)
    for text in ("sildenafil", "sildenafil citrate"):  # the salt's forms are the drug's: one node, not two
        link = linker.link(text, NodeLabel.COMPOUND)
        assert link.concept.id == "DB00203" and link.mesh_id == "MESH:D000068677"
    assert vocab.by_id("MESH:D000068677") is None
    assert vocab.by_id("DB00000").xrefs == ()  # two salts: neither
    assert vocab.by_id("DB00001").xrefs == ()  # an inverted name is no salt
    assert vocab.by_id("MESH:D000069348") is not None  # two compounds would take it: neither does
    assert stats["salt_fused"] == 1


def test_a_disease_ontology_cancer_is_fused_with_the_mesh_neoplasms_of_its_organ(tmp_path):
    nodes = "id\tname\tkind\nDisease::DOID:3571\tliver cancer\tDisease\n"
    pubtator = "1|t|x\n1|a|x\n\n"
    desc = "D008113\tLiver Neoplasms\tHepatic Neoplasms|Neoplasms, Liver\tC04.588.274.623|C06.301.623\n"
    vocab, stats = build_vocab.build(*_inputs(tmp_path, nodes, pubtator, desc))
    linker = Linker(vocab)
    for text in ("liver cancer", "hepatic neoplasms"):
        link = linker.link(text, NodeLabel.DISEASE)
        assert link.concept.id == "DOID:3571" and link.mesh_id == "MESH:D008113"
    assert stats["crosswalk_fused"] == 1


def test_an_anatomical_structures_own_name_tags_anatomy_though_a_disease_annotation_lists_it(tmp_path):
    nodes = ("id\tname\tkind\n"
             "Anatomy::UBERON:0002371\tbone marrow\tAnatomy\n"
             "Symptom::D006261\tHeadache\tSymptom\n")
    pubtator = ("1|t|Bone marrow headache.\n1|a|x\n"
                "1\t0\t11\tBone marrow\tDisease\tD001855\n\n")  # one annotated mention files the tissue as a disease
    desc = "D001855\tBone Marrow Diseases\t\tC15.378.190\n"
    vocab, _ = build_vocab.build(*_inputs(tmp_path, nodes, pubtator, desc))
    assert vocab.dictionary["bone marrow"][0] is NodeLabel.ANATOMY
    assert vocab.dictionary["headache"][0] is NodeLabel.SYMPTOM
    # the annotated sense still links where the transformer NER tags the words a disease
    assert {vocab.concepts[i].id for i, _ in vocab.forms["bone marrow"]} == {"UBERON:0002371", "MESH:D001855"}
