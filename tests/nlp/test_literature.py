"""Literature formats in: PubMed/MEDLINE XML, BioC XML and JSON, PubTator — small files written as the official
DTDs and formats describe them, read through ``medkg extract``'s record reader."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from medkg.nlp.extract import iter_records
from medkg.nlp.literature import iter_pubtator, literature_format

PUBMED = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">
<PubmedArticleSet>
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">
      <PMID Version="1">31000001</PMID>
      <DateCompleted><Year>2019</Year><Month>07</Month><Day>15</Day></DateCompleted>
      <Article PubModel="Print-Electronic">
        <Journal>
          <ISSN IssnType="Electronic">1234-5678</ISSN>
          <JournalIssue CitedMedium="Internet"><Volume>12</Volume><Issue>3</Issue>
            <PubDate><Year>2019</Year><Month>Mar</Month></PubDate></JournalIssue>
          <Title>Journal of Clinical Examples</Title>
        </Journal>
        <ArticleTitle>Metformin and <i>lactic</i> acidosis in type 2 diabetes.</ArticleTitle>
        <Abstract>
          <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Metformin treats type 2 diabetes.</AbstractText>
          <AbstractText Label="RESULTS" NlmCategory="RESULTS">Aspirin caused gastric bleeding in 3 patients with CO<sub>2</sub> retention.</AbstractText>
        </Abstract>
        <AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Doe</LastName><ForeName>Jane</ForeName></Author></AuthorList>
        <Language>eng</Language>
      </Article>
      <MeshHeadingList>
        <MeshHeading><DescriptorName UI="D008687" MajorTopicYN="Y">Metformin</DescriptorName>
          <QualifierName UI="Q000009" MajorTopicYN="N">adverse effects</QualifierName></MeshHeading>
        <MeshHeading><DescriptorName UI="D003924" MajorTopicYN="N">Diabetes Mellitus, Type 2</DescriptorName></MeshHeading>
      </MeshHeadingList>
    </MedlineCitation>
    <PubmedData><PublicationStatus>ppublish</PublicationStatus></PubmedData>
  </PubmedArticle>
  <PubmedArticle>
    <MedlineCitation Status="In-Data-Review" Owner="NLM">
      <PMID Version="1">31000002</PMID>
      <Article PubModel="Print">
        <Journal><JournalIssue CitedMedium="Print"><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>Old Journal</Title></Journal>
        <ArticleTitle>A title without an abstract.</ArticleTitle>
      </Article>
    </MedlineCitation>
  </PubmedArticle>
  <DeleteCitation>
    <PMID Version="1">29999999</PMID>
  </DeleteCitation>
</PubmedArticleSet>
"""

BIOC_XML = """<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE collection SYSTEM "BioC.dtd">
<collection>
  <source>PMC</source><date>20240101</date><key>pmc.key</key>
  <document>
    <id>PMC7000001</id>
    <infon key="license">CC BY</infon>
    <passage><infon key="type">front</infon><infon key="section_type">TITLE</infon><offset>0</offset>
      <text>Warfarin and bleeding.</text></passage>
    <passage><infon key="type">abstract</infon><infon key="section_type">ABSTRACT</infon><offset>23</offset>
      <text>Warfarin causes bleeding.</text>
      <annotation id="1"><infon key="type">Chemical</infon><location offset="23" length="8"/><text>Warfarin</text></annotation></passage>
    <passage><infon key="type">paragraph</infon><infon key="section_type">INTRO</infon><offset>60</offset>
      <text>Heparin is an alternative.</text></passage>
    <passage><infon key="type">ref</infon><infon key="section_type">REF</infon><offset>90</offset>
      <text>Smith J. Aspirin. Lancet 1990.</text></passage>
  </document>
</collection>
"""


def _write(path: Path, text: str, gz: bool = False) -> Path:
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_pubmed_xml_structured_abstract_mesh_and_deleted_citation(tmp_path, gz):
    path = _write(tmp_path / ("pubmed24n0001.xml" + (".gz" if gz else "")), PUBMED, gz)
    assert literature_format(path) == "pubmed"
    recs = list(iter_records([path]))
    assert [r.doc_id for r in recs] == ["31000001", "31000002", "29999999"]
    first = recs[0].document
    assert first.kind == "abstract"  # literature: de-identification leaves it as it is
    assert first.text == ("Metformin and lactic acidosis in type 2 diabetes.\n"
                          "BACKGROUND: Metformin treats type 2 diabetes.\n"
                          "RESULTS: Aspirin caused gastric bleeding in 3 patients with CO2 retention.")
    meta = first.metadata
    assert meta["year"] == "2019" and meta["journal"] == "Journal of Clinical Examples"
    assert json.loads(meta["mesh"]) == [{"id": "D008687", "name": "Metformin"},
                                        {"id": "D003924", "name": "Diabetes Mellitus, Type 2"}]
    for label, start, end in json.loads(meta["sections"]):  # section offsets point into the text
        assert first.text[start:end].startswith(label + ": ")
    assert recs[1].document.text == "A title without an abstract." and recs[1].document.metadata["year"] == "1998"
    assert recs[2].document is None and "deleted citation" in recs[2].error


def test_pubmed_xml_is_read_without_fetching_its_dtd_or_resolving_entities(tmp_path):
    evil = PUBMED.replace('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" '
                          '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">',
                          f'<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file://{tmp_path}/secret.txt">]>')
    evil = evil.replace("A title without an abstract.", "Leak &x;")
    (tmp_path / "secret.txt").write_text("TOPSECRET")
    recs = list(iter_records([_write(tmp_path / "evil.xml", evil)]))
    assert all("TOPSECRET" not in (r.document.text if r.document else "") for r in recs)


def test_malformed_pubmed_xml_keeps_what_was_read_and_says_why(tmp_path):
    cut = PUBMED[: PUBMED.index("<PubmedArticle>", PUBMED.index("</PubmedArticle>")) + 40]
    recs = list(iter_records([_write(tmp_path / "cut.xml", cut)]))
    assert recs[0].doc_id == "31000001" and recs[0].document is not None
    assert recs[-1].document is None and "malformed XML" in recs[-1].error


def test_bioc_xml_offsets_are_medkg_offsets(tmp_path):
    path = _write(tmp_path / "pmc.xml", BIOC_XML)
    assert literature_format(path) == "bioc-xml"
    (rec,) = list(iter_records([path]))
    doc = rec.document
    assert doc.id == "PMC7000001" and doc.kind == "article" and doc.metadata["license"] == "CC BY"
    assert doc.text[23:31] == "Warfarin"  # the annotation's BioC offset
    assert doc.text[60:67] == "Heparin"
    assert "Lancet" not in doc.text  # the reference list is left out


def test_bioc_json_collection_list_as_pmc_serves_it(tmp_path):
    coll = [{"source": "PMC", "date": "20240101", "key": "pmc.key", "infons": {}, "documents": [
        {"id": "PMC7000002", "infons": {}, "relations": [], "passages": [
            {"offset": 0, "infons": {"type": "title"}, "text": "Lisinopril and cough.", "sentences": [],
             "annotations": [], "relations": []},
            {"offset": 30, "infons": {"type": "abstract"}, "text": "Lisinopril causes cough.", "sentences": [],
             "annotations": [], "relations": []}]},
        {"id": "PMC7000003", "infons": {}, "relations": [], "passages": [
            {"offset": 0, "infons": {"type": "abstract"}, "sentences": [
                {"offset": 0, "infons": {}, "text": "Statins lower LDL.", "annotations": [], "relations": []},
                {"offset": 19, "infons": {}, "text": "Myopathy occurs.", "annotations": [], "relations": []}],
             "annotations": [], "relations": []}]}]}]
    path = tmp_path / "pmc.json"
    path.write_text(json.dumps(coll))
    recs = list(iter_records([path]))
    assert [r.doc_id for r in recs] == ["PMC7000002", "PMC7000003"]
    assert recs[0].document.text[30:40] == "Lisinopril" and recs[0].document.metadata["title"].startswith("Lis")
    assert recs[1].document.text == "Statins lower LDL. Myopathy occurs."


def test_pubtator_text_uses_the_corpus_offsets(tmp_path):
    path = tmp_path / "cdr.PubTator.txt"
    path.write_text("123|t|Naloxone reverses clonidine.\n123|a|Clonidine causes hypotension.\n"
                    "123\t29\t38\tClonidine\tChemical\tD003000\n123\tCID\tD003000\tD007022\n\n"
                    "456|t|Only a title.\n\nbad line without bars\n")
    assert literature_format(path) == "pubtator"
    recs = list(iter_records([path]))
    assert recs[0].document.text[29:38] == "Clonidine" and recs[0].document.kind == "abstract"
    assert recs[1].document.text == "Only a title."
    assert recs[2].document is None and "malformed PubTator" in recs[2].error


def test_one_pubtator_parser_keeps_offsets_composites_relations_and_names_bad_lines(tmp_path):
    path = tmp_path / "gold.PubTator"
    path.write_text("1|t|Title with a trailing space \n1|a|Abc def.\n"
                    "1\t29\t32\tAbc\tChemical\tD1\n"
                    "1\t33\t36\tdef\tDisease\tD2|D3\td part|e part\n"
                    "1\tCID\tD1\tD2\n1\tAssociation\tD1\tD3\tNovel\n\n"
                    "2|t|Two.\n2\t5\tx\n\n")
    first, second = iter_pubtator(path)
    doc = first.doc
    text = doc.title + " " + doc.abstract
    assert (first.number, first.line, doc.pmid) == (1, 1, "1") and text[29:32] == "Abc"  # no line is stripped
    assert [(a.start, a.end, a.type, a.id, a.others) for a in doc.annotations] == [
        (29, 32, "Chemical", "D1", []), (33, 36, "Disease", "D2|D3", ["d part|e part"])]
    assert [(r.type, r.id1, r.id2, r.neg) for r in doc.relations] == [("CID", "D1", "D2", None),
                                                                    ("Association", "D1", "D3", "Novel")]
    assert second.doc is None and second.doc_id == "2" and second.line == 9 and "line 9" in second.error
    assert second.raw == b"2|t|Two.\n2\t5\tx\n"


def test_a_pubtator_gold_file_with_a_bad_line_is_refused_with_its_line(tmp_path):
    from medkg.kg.errors import InputError
    from medkg.nlp.evaluate_relations import read_pubtator

    path = tmp_path / "gold.PubTator"
    path.write_text("1|t|A.\n1|a|B.\n1\t0\t1\tA\tChemical\tD1\n\n2|t|C.\nnot a line\n")
    with pytest.raises(InputError, match=r"gold.PubTator:6: malformed PubTator line"):
        read_pubtator(path)


def test_a_folder_mixes_notes_and_literature_and_lists_other_xml(tmp_path):
    _write(tmp_path / "a.xml", PUBMED)
    (tmp_path / "note.txt").write_text("Patient on aspirin.")
    (tmp_path / "other.xml").write_text("<?xml version='1.0'?><svg></svg>")
    recs = list(iter_records([tmp_path]))
    assert sum(r.document is not None for r in recs) == 3
    other = [r for r in recs if r.source.endswith("other.xml")]
    assert other and "unsupported XML" in other[0].error


def test_extract_reads_literature_without_deidentifying_it(tmp_path):
    from medkg.nlp.extract import extract
    from tests.nlp.fakes import fake_pipeline

    path = _write(tmp_path / "p.xml", PUBMED)
    out = tmp_path / "out" / "t.jsonl"
    rep = extract([path], out, pipeline_factory=fake_pipeline, progress=False)
    assert rep.documents == 2 and rep.quarantined == 1 and rep.not_deidentified == 2
    triples = [json.loads(line) for line in out.read_text().splitlines()]
    assert {t["provenance"]["doc_id"] for t in triples} == {"31000001"}
    q = [json.loads(line) for line in (tmp_path / "out" / "t.jsonl.quarantine.jsonl").read_text().splitlines()]
    assert q[0]["id"] == "29999999" and "deleted citation" in q[0]["reason"]
