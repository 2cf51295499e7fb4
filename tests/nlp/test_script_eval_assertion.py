"""``scripts/eval_assertion.py``: assertion scores on gold condition spans, and ``--found``, the share of gold
conditions the whole pipeline finds."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
eval_assertion = pytest.importorskip("eval_assertion")


@pytest.fixture
def sentences(tmp_path):
    rows = [{"text": "No murmurs or gallops.", "condition": "murmurs", "assertion": "negated"},
            {"text": "Lymph: no supraclavicular lymphadenopathy.", "condition": "supraclavicular lymphadenopathy",
             "assertion": "negated"},
            {"text": "Right ventricular size is normal.", "condition": "Right ventricular size",
             "assertion": "negated"}]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_assertion_scores_each_file_given(sentences, capsys):
    assert eval_assertion.main([str(sentences), str(sentences)]) == 0
    out = capsys.readouterr().out
    assert "/6)" in out.splitlines()[-1]  # both files read, every sentence judged on its gold span


def test_found_counts_gold_conditions_the_pipeline_links(sentences, capsys):
    assert eval_assertion.main([str(sentences), "--found", "--errors"]) == 0
    out = capsys.readouterr().out
    assert "conditions found 0.667 (2/3)" in out
    assert "not found: 'Right ventricular size'" in out


def test_an_empty_file_or_a_condition_not_in_its_text_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(SystemExit):
        eval_assertion.main([str(empty)])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "No fever.", "condition": "cough", "assertion": "negated"}) + "\n")
    with pytest.raises(ValueError, match="does not occur"):
        eval_assertion.main([str(bad)])
