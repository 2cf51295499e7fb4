"""The document-relation trainer's choice of training documents: none of an evaluation set's."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
train_docrel = pytest.importorskip("train_docrel")


def _doc(pmid: str, relation: str) -> str:
    return (f"{pmid}|t|Drug X causes disease Y.\n{pmid}|a|x\n"
            f"{pmid}\t0\t6\tDrug X\tChemical\tD000001\n{pmid}\t14\t23\tdisease Y\tDisease\tD000002\n"
            f"{pmid}\t{relation}\tD000001\tD000002\n\n")


def test_held_out_documents_are_left_out_and_each_corpus_keeps_its_own_annotation(tmp_path):
    cdr = tmp_path / "cdr.txt"
    cdr.write_text(_doc("1", "CID") + _doc("2", "CID"))
    biored = tmp_path / "biored.txt"
    biored.write_text(_doc("2", "Positive_Correlation") + _doc("3", "Positive_Correlation")
                      + _doc("4", "Positive_Correlation"))
    dev = tmp_path / "dev.txt"
    dev.write_text(_doc("4", "CID"))
    docs, described = train_docrel.training_documents([cdr, biored], [dev])
    assert [d.id for d in docs] == ["1", "2", "2", "3"]  # abstract 4 is the evaluation set's
    assert "CID" in docs[1].relations and "Positive_Correlation" in docs[2].relations
    assert described == "BC5CDR CID cdr.txt + BioRED biored.txt (2 of 3)"
