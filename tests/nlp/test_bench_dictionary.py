"""``scripts/bench_dictionary.py``: the measurement behind keeping the hand-written dictionary matcher."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import bench_dictionary


def test_bench_compares_the_matcher_with_span_ruler_on_the_samples(capsys):
    bench_dictionary.main(["--repeats", "1"])
    out = capsys.readouterr().out
    assert "hand-written matcher" in out and "span_ruler" in out and "the time)" in out
    assert "only span_ruler finds" in out
