"""The MeSH tables the document-level relation models read: disease tree numbers and chemical categories."""

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
build_mesh_trees = pytest.importorskip("build_mesh_trees")


def test_chemicals_take_the_top_categories_of_their_descriptor_or_of_the_one_they_are_mapped_to(tmp_path):
    desc = tmp_path / "desc.tsv"
    desc.write_text("D003042\tCocaine\t\tD03.132.436.200|D02.092.877.200\n"
                    "D008687\tMetformin\tGlucophage\tD02.078.370.141.450\n"
                    "D012640\tSeizures\t\tC10.597.742|C23.888.592.742\n")
    supp = tmp_path / "supp.tsv"
    supp.write_text("C005435\tedaravone\tMCI-186\t*D011485|D008687\n"  # mapped to an absent and a known heading
                    "C000011\tsome mixture\t\tD999999\n")
    out, chem_out = tmp_path / "trees.json.gz", tmp_path / "chem.json.gz"
    assert build_mesh_trees.main(["--mesh-descriptors", str(desc), "--mesh-supplementary", str(supp),
                                  "--out", str(out), "--chemical-out", str(chem_out)]) == 0
    cats = json.loads(gzip.open(chem_out).read())
    assert cats == {"D003042": ["D02", "D03"], "D008687": ["D02"], "C005435": ["D02"]}
    assert json.loads(gzip.open(out).read()) == {"D012640": ["C10.597.742", "C23.888.592.742"]}
    first = chem_out.read_bytes()
    build_mesh_trees.main(["--mesh-descriptors", str(desc), "--mesh-supplementary", str(supp),
                           "--out", str(out), "--chemical-out", str(chem_out)])
    assert chem_out.read_bytes() == first  # no time stamp: a rebuild that changes nothing changes no byte


def test_a_malformed_supplementary_line_names_its_line(tmp_path):
    desc = tmp_path / "desc.tsv"
    desc.write_text("D003042\tCocaine\t\tD03.132\n")
    supp = tmp_path / "supp.tsv"
    supp.write_text("C005435\tedaravone\t\tD003042\nnot a record\n")
    with pytest.raises(SystemExit, match="line 2"):
        build_mesh_trees.main(["--mesh-descriptors", str(desc), "--mesh-supplementary", str(supp),
                               "--out", str(tmp_path / "t.gz"), "--chemical-out", str(tmp_path / "c.gz")])
