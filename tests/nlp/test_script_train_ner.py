"""The command line and model-card steps of ``scripts/train_ner.py``."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
train_ner = pytest.importorskip("train_ner", exc_type=ImportError)


def test_train_is_required_unless_calibrating():
    with pytest.raises(SystemExit):
        train_ner.parse_args(["--devel", "d.tsv"])
    assert train_ner.parse_args(["--devel", "d.tsv", "--calibrate-only", "--epochs", "0"]).calibrate_only


@pytest.mark.parametrize("flag", ["--epochs", "--batch-size", "--threads"])
def test_counts_must_be_positive(flag, capsys):
    with pytest.raises(SystemExit):
        train_ner.parse_args(["--train", "t.tsv", "--devel", "d.tsv", flag, "0"])
    assert f"{flag} must be >= 1" in capsys.readouterr().err


def test_reproduce_command_hides_data_paths():
    args = train_ner.parse_args(["--train", "/data/bc5cdr/train.tsv", "--devel", str(ROOT / "tests/d.tsv"),
                                 "--init", "nlp/models/ner", "--no-train-embeddings"])
    command = train_ner.reproduce_command(args)
    assert command.startswith("PYTHONPATH=. python scripts/train_ner.py --train $DATA/train.tsv --devel tests/d.tsv "
                              "--init nlp/models/ner --epochs 10 ")
    assert command.endswith("--no-train-embeddings --version 1.1.0") and "--out" not in command


def test_a_fixed_span_threshold_is_recorded_only_when_given():
    base = ["--train", "/data/train.tsv", "/data/devel.tsv", "--devel", "/data/devel.tsv"]
    assert "--min-score" not in train_ner.reproduce_command(train_ner.parse_args(base))
    refit = train_ner.parse_args(base + ["--min-score", "0.85", "--epochs", "3", "--select-from", "3"])
    assert refit.min_score == 0.85
    assert train_ner.reproduce_command(refit).endswith("--version 1.1.0 --min-score 0.85")
    with pytest.raises(SystemExit):
        train_ner.parse_args(base + ["--min-score", "80"])


def test_seed_everything_returns_the_batch_rng():
    a, b = train_ner.seed_everything(5, 1), train_ner.seed_everything(5, 1)
    assert a.random() == b.random()
