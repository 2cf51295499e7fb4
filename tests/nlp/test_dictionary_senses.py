"""Ambiguous clinical abbreviations: the vitals sense is not a diagnosis."""

from __future__ import annotations

from medkg.nlp.dictionary import DictionaryMatcher
from medkg.nlp.normalize import Vocabulary


def _tokens(text: str) -> list[tuple[str, int, int]]:
    import re

    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_room_air_is_not_rheumatoid_arthritis():
    matcher = DictionaryMatcher(Vocabulary.load())
    vitals = matcher.match_tokens(_tokens("SpO2 97% RA. Lungs clear."))
    assert not [m for m in vitals if m.label.value == "Disease"]
    history = matcher.match_tokens(_tokens("PMH: RA on methotrexate."))
    assert [m.label.value for m in history if m.start_char == 5] == ["Disease"]
