"""The data-preparation steps of ``scripts/train_re.py``: PMID hold-out, subsampling, validation split, files."""

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
train_re = pytest.importorskip("train_re")


def _pair(label, doc, text="x"):
    return {"text": text, "s": [0, 1], "o": [2, 3], "label": label, "src": "t", "doc": doc, "st": "Compound",
            "ot": "Disease"}


def test_parse_args_defaults():
    args = train_re.parse_args(["--ade-dir", "a", "--cdr-train", "c", "--pharmacotherapydb", "p", "--written", "w"])
    assert (args.seed, args.heldout_frac, args.max_train, args.epochs, args.batch_size, args.frozen_layers) == (
        13, 0.2, 5000, 2, 32, 4)
    assert args.work == Path("runs/re") and not args.build_only and not args.eval_only


def test_split_pmids_is_seeded_and_disjoint(tmp_path):
    (tmp_path / "ADE-NEG.txt").write_text("".join(f"{p} NEG Sentence {p}.\n" for p in range(100, 120)))
    groups = {(str(p), "s"): {} for p in range(1, 21)}
    held, train = train_re.split_pmids(groups, tmp_path, 13, 0.25)
    assert len(held) == 10 and not held & train and len(held | train) == 40
    assert train_re.split_pmids(groups, tmp_path, 13, 0.25) == (held, train)


def test_take_puts_rare_labels_first():
    rows = [_pair("NONE", str(i)) for i in range(10)] + [_pair("TREATS", "t")] + [_pair("CAUSES", "c")]
    kept = train_re.take(rows, 1, random.Random(0))
    assert [r["label"] for r in kept] == ["TREATS"]
    assert len(train_re.take(rows, 5, random.Random(0), rare_first=False)) == 5


def test_subsample_shares_and_validation_by_document(capsys):
    src = train_re.Sources(held=set(), ade_train=[_pair("CAUSES", f"a{i}") for i in range(100)],
                           ade_held=[], neg_train=[_pair("NONE", f"n{i}") for i in range(100)], neg_held=[],
                           cdr=[_pair("NONE", f"c{i // 3}") for i in range(100)],
                           tpl=[_pair("TREATS", f"t{i}") for i in range(100)], written=[])
    pool = train_re.subsample(src, 100, random.Random(1))
    assert [sum(1 for e in pool if e["doc"][0] == k) for k in "atcn"] == [36, 30, 20, 14]
    train, val = train_re.split_validation(pool, 1)
    assert not {e["doc"] for e in train} & {e["doc"] for e in val}
    assert len({e["doc"] for e in val}) == len({e["doc"] for e in pool}) // 10
    assert capsys.readouterr().out.startswith(f"train {len(train)} ")


def test_write_splits(tmp_path):
    src = train_re.Sources(held={"2", "1"}, ade_train=[], ade_held=[_pair("CAUSES", "1")], neg_train=[],
                           neg_held=[], cdr=[], tpl=[], written=[_pair("NONE", "w")])
    train_re.write_splits(tmp_path, [_pair("TREATS", "d")], [], src)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ade_heldout.jsonl", "heldout_pmids.txt",
                                                          "neg_heldout.jsonl", "train.jsonl", "val.jsonl",
                                                          "written.jsonl"]
    assert json.loads((tmp_path / "train.jsonl").read_text())["label"] == "TREATS"
    assert (tmp_path / "val.jsonl").read_text() == ""
    assert (tmp_path / "heldout_pmids.txt").read_text() == "1\n2\n"
