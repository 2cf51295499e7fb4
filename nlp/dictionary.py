"""Dictionary NER for the labels the transformer does not predict: Symptom, Anatomy, SideEffect, Procedure.

The matcher walks a spaCy Doc's tokens and takes, at each position, the longest run of tokens whose
:func:`medkg.nlp.normalize.normalize_text` form is a dictionary key of the vocabulary (``Vocabulary.dictionary``: the
names and synonyms of Symptom, Anatomy, SideEffect and Procedure concepts plus the hand-written clinical
abbreviations, see ``scripts/build_vocab.py``). Matching on normalized tokens makes it case-, punctuation- and
plural-insensitive ("Chest X-rays" finds "chest x-ray"); keys written in capitals in the clinical list (MI, PE,
SOB) must match their exact spelling, so "pe" or "Mi" never do.

:func:`merge_spans` decides overlaps with the transformer: its Compound/Disease spans always win; a dictionary
span is kept only where it overlaps none of them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from medkg.kg.schema import NodeLabel
from medkg.nlp.normalize import Vocabulary, normalize_text

MAX_TOKENS = 8


@dataclass(frozen=True, slots=True)
class DictSpan:
    """A dictionary match over tokens ``[start, end)`` with character offsets ``[start_char, end_char)``."""

    start: int
    end: int
    start_char: int
    end_char: int
    label: NodeLabel


#: Abbreviations with a common second sense and the preceding tokens that signal it: "SpO2 97% RA" is room air,
#: not rheumatoid arthritis.
OTHER_SENSES: dict[str, frozenset[str]] = {"RA": frozenset({"%", "on", "sat", "sats", "spo2", "o2"})}


# Hand-written rather than spaCy's span_ruler: with every key as a phrase pattern on normalized token norms it takes
# 1.02x the time on the bundled samples and differs on 14 of 1129 spans (7 missed, 7 extra): it cannot skip infix
# punctuation in a key ("Stevens-Johnson syndrome") nor apply the spellings and other-sense rules ("97% RA")
# (scripts/bench_dictionary.py).
class DictionaryMatcher:
    """Longest-match dictionary tagger over normalized tokens."""

    name = "medkg-dictionary"

    def __init__(self, vocab: Vocabulary, labels: Sequence[NodeLabel] | None = None,
                 max_tokens: int = MAX_TOKENS) -> None:
        self.vocab = vocab
        self.labels = frozenset(labels) if labels is not None else None
        self.max_tokens = max_tokens
        self.keys = {k: v for k, v in vocab.dictionary.items() if self.labels is None or v[0] in self.labels}
        self._first = {k.split(" ", 1)[0] for k in self.keys}

    @property
    def version(self) -> str:
        return self.vocab.version

    def match_tokens(self, tokens: Sequence[tuple[str, int, int]]) -> list[DictSpan]:
        """``tokens``: ``(text, start_char, end_char)`` in order. Returns non-overlapping longest matches."""
        norm = [normalize_text(t) for t, _, _ in tokens]
        out: list[DictSpan] = []
        i, n = 0, len(tokens)
        while i < n:
            if not norm[i] or norm[i].split(" ", 1)[0] not in self._first:
                i += 1
                continue
            best = None
            parts: list[str] = []
            for j in range(i, min(n, i + self.max_tokens)):
                if norm[j]:
                    parts.append(norm[j])
                elif j == i or j + 1 >= n or not (tokens[j - 1][2] == tokens[j][1] and tokens[j][2] == tokens[j + 1][1]):
                    break  # only infix punctuation ("x-ray", "N/V") may sit inside a match, never ", " or " - "
                key = " ".join(parts)
                hit = self.keys.get(key) if norm[j] else None
                if hit is not None:
                    label, spellings = hit
                    surface = "".join(t for t, _, _ in tokens[i:j + 1])
                    if spellings is None or surface in {s.replace(" ", "") for s in spellings}:
                        best = (j + 1, label)
            if best is None:
                i += 1
                continue
            end, label = best
            surface = tokens[i][0]
            if end == i + 1 and i > 0 and tokens[i - 1][0].lower() in OTHER_SENSES.get(surface, ()):
                i += 1
                continue
            out.append(DictSpan(i, end, tokens[i][1], tokens[end - 1][2], label))
            i = end
        return out

    def match_doc(self, doc) -> list[DictSpan]:
        """Matches on a spaCy Doc (whitespace tokens are skipped; a match never crosses a line break)."""
        out: list[DictSpan] = []
        run: list[tuple[str, int, int]] = []
        idx: list[int] = []

        def flush() -> None:
            for m in self.match_tokens(run):
                out.append(DictSpan(idx[m.start], idx[m.end - 1] + 1, m.start_char, m.end_char, m.label))
            run.clear()
            idx.clear()

        for tok in doc:
            if tok.is_space or "\n" in tok.whitespace_:
                if not tok.is_space:
                    run.append((tok.text, tok.idx, tok.idx + len(tok.text)))
                    idx.append(tok.i)
                flush()
                continue
            run.append((tok.text, tok.idx, tok.idx + len(tok.text)))
            idx.append(tok.i)
        flush()
        return out


def merge_spans(model_spans: Sequence[tuple[int, int]], dict_spans: Sequence[DictSpan]) -> list[DictSpan]:
    """The dictionary spans (character offsets) that overlap none of the transformer's ``(start, end)`` spans."""
    taken = sorted(model_spans)
    starts = [s for s, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end among the first i+1 spans
    keep = []
    for d in dict_spans:
        i = bisect.bisect_left(starts, d.end_char)  # taken[:i] start before the match ends
        if i == 0 or reach[i - 1] <= d.start_char:
            keep.append(d)
    return keep
