"""The transformer PHI tagger (nlp/deid_tagger.py): windows, gold tags, decoding, and its place in the de-identifier."""

from collections.abc import Iterable, Iterator

import pytest

from medkg.kg.errors import MedkgError
from medkg.kg.pseudonym import Pseudonymizer
from medkg.nlp.deid import TAGGER_MODEL_DIR, DeidConfig, Deidentifier, PhiType
from medkg.nlp.deid_tagger import LABELS, PhiTagger, TaggedSpan, TaggedText, char_tags, decode, windows


def test_windows_cover_every_sub_word_and_overlap():
    assert windows(10, 16, 4) == [(0, 10)]
    wins = windows(100, 32, 8)
    assert wins[0] == (0, 32) and wins[-1][1] == 100
    assert all(0 < b - a <= 32 for a, b in wins)
    assert all(a2 < b1 for (_, b1), (a2, _) in zip(wins, wins[1:]))  # consecutive windows overlap


def test_gold_tags_mark_the_first_piece_b_and_the_rest_i():
    offsets = [(0, 4), (5, 8), (8, 11), (12, 15), (0, 0)]  # "seen joh nson today" + a special token
    tags = char_tags(15, offsets, [{"start": 5, "end": 11, "type": "NAME"}, {"start": 0, "end": 4, "type": "AGE"}])
    assert [LABELS[t] for t in tags] == ["O", "B-NAME", "I-NAME", "O", "O"]  # AGE stays with the patterns


def test_decoding_joins_pieces_of_a_word_and_splits_types():
    lab = {name: i for i, name in enumerate(LABELS)}
    offsets = [(0, 3), (3, 6), (7, 12), (13, 18), (19, 25)]
    tags = [lab["B-NAME"], lab["B-NAME"], lab["I-NAME"], lab["B-LOCATION"], lab["O"]]
    assert decode(tags, offsets) == [TaggedSpan(0, 12, "NAME"), TaggedSpan(13, 18, "LOCATION")]
    assert decode([lab["I-DATE"]], [(4, 9)]) == [TaggedSpan(4, 9, "DATE")]  # a stray I- still starts a span


class _FakeTagger:
    """Calls the given words NAME: it tests how the de-identifier takes the tagger's spans, not a model."""

    def __init__(self, words: set[str]) -> None:
        self.words = words

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[TaggedText]:
        for text in texts:
            spans = []
            for w in self.words:
                at = text.find(w)
                if at >= 0:
                    spans.append(TaggedSpan(at, at + len(w), "NAME"))
            yield TaggedText(tuple(spans))


def _deid(words: set[str], **kw) -> Deidentifier:
    d = Deidentifier(DeidConfig(use_model=True, use_learned=False, use_tagger=True, **kw),
                     pseudonymizer=Pseudonymizer(b"unit-test-key-0123456789"))
    d._tagger = _FakeTagger(words)
    return d


def test_tagger_names_are_replaced_and_vetted_like_the_learned_taggers():
    text = "Seen with her neighbour Odalys Quintero today; parkinson tremor unchanged.\n"
    out = _deid({"Odalys Quintero", "parkinson"}).deidentify(text)
    assert "Odalys" not in out.text and "Quintero" not in out.text
    assert "parkinson" in out.text  # medical vocabulary never goes, whoever tagged it
    assert [s.type for s in out.spans] == [PhiType.NAME]


def test_the_shipped_tagger_is_on_by_default_and_a_missing_model_is_a_clear_error(tmp_path):
    assert DeidConfig().use_tagger is True and (TAGGER_MODEL_DIR / "model.safetensors").is_file()
    with pytest.raises(MedkgError, match="no PHI tagger"):
        PhiTagger.load(tmp_path)


def test_the_tagger_reads_words_only_and_follows_the_model_switch():
    from medkg.nlp.deid import _tagger_view

    text = "Seen 3/4/2021 by Dr. Smith. 1.1.1.1. Room 4B, Иван called 555-1234."
    view = _tagger_view(text)
    assert len(view) == len(text)  # offsets stay those of the text
    assert "3/4/2021" not in view and "1.1.1.1." not in view and "555-1234" not in view
    assert all(w in view for w in ("Smith.", "4B,", "Иван"))  # a token with a letter of any script stays
    rules = Deidentifier(DeidConfig(use_model=False, use_tagger=True), pseudonymizer=Pseudonymizer(b"k" * 16))
    assert rules.tagger is None  # use_model=False: patterns, cues and the small tagger only
