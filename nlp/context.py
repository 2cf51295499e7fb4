"""Assertion of mentions: present, negated, possible, historical, family or hypothetical (ConText-style rules).

ConText (Harkema et al. 2009) decides a mention's assertion from *cue* phrases near it: a cue opens a scope that
runs forward ("denies chest pain") or backward ("pneumonia was ruled out") from the cue, at most ``window`` words
far, and stops at a *terminator* ("but", "however", ";", …) or the sentence end. Commas and "or"/"and" do not end
a scope, so "denies fever, chills, or cough" negates all three; a conditional ("if", "unless") does, so in "do not drive
if dizzy" the mention is hypothetical, not negated. *Pseudo-cues* ("not only", "no change",
"gram negative") contain a cue word but are no cue; the longest overlapping phrase wins, so "cannot exclude"
(possible) beats "exclude" (negated) and "no family history of" (negated) beats "family history of" (family).

A note's *section* gives a default: mentions under "Family History:" are family unless a cue in their sentence
says otherwise ("No family history of MS" → negated). Under "Past Medical History:" / "PMH:" / "Past Surgical
History:" they are historical, as ConText's guideline has it (a condition that began more than two weeks before the
encounter is historical, ongoing or not); ``past_history_sections=False`` leaves them present unless a cue says
otherwise. A section runs from its header to the next header or blank line; the sentence splitter also ends a
sentence at a header's colon.

Overlaps are resolved per mention: only matches outside the mention and on the side a cue looks to count, so a
longer phrase overlapping the mention ("no acute" for the mention "acute infarct") leaves the shorter cue at its
start ("no") in force, and "was negative" (backward) does not shadow "negative for" (forward) before a later mention.
A colon right after a cue opens a list ("PMH: HTN, DM", "Denies: fever, chills"); after a hypothetical cue it may
follow a few words ("call if any of the following: fever, chest pain, …"); such a list is not cut by the window.
"Rash: none" / "Chest pain: denies" negate through the colon. Durations up to two weeks ("two-day history of fever")
and "history of present illness" are not past history; longer ones ("3-week history of cough", "knee pain x 6
months") and "past medical history is significant for X" are.

When cues of several kinds reach one mention, the strongest wins: negated > family > hypothetical > possible >
historical (so "no history of stroke" is negated, and "possible history of seizures" possible).

The rules are data (``nlp/data/context_rules.json``, :class:`ContextRules`); the cue lists follow the spirit of
ConText / negspacy's clinical termsets but are shorter and tested case by case (``tests/nlp/test_context.py``).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, get_args

from medkg.kg.errors import InputError
from medkg.kg.schema import Assertion

Direction = Literal["forward", "backward", "both", "value"]
CueKind = Literal["cue", "pseudo", "terminate"]

#: Assertion priority when several cues reach a mention (first wins).
PRIORITY: tuple[Assertion, ...] = (Assertion.NEGATED, Assertion.FAMILY, Assertion.HYPOTHETICAL,
                                   Assertion.POSSIBLE, Assertion.HISTORICAL)

#: Where the shipped rules live: cue, pseudo-cue and terminator phrases and section headers are data, not code.
RULES_FILE = "context_rules.json"


@dataclass(frozen=True)
class ContextRules:
    """The rule set :class:`ConText` applies (see ``nlp/data/context_rules.json`` for its format)."""

    cues: tuple[tuple[tuple[str, ...], Assertion, Direction], ...]
    pseudo: tuple[str, ...]
    terminators: tuple[str, ...]
    family_sections: tuple[str, ...]
    past_sections: tuple[str, ...]

    @staticmethod
    def default_path() -> Path:
        return Path(str(resources.files("medkg.nlp") / "data" / RULES_FILE))

    @classmethod
    def load(cls, path: str | Path | None = None) -> ContextRules:
        """Rules from a JSON file (default: the shipped ones)."""
        source = Path(path) if path is not None else cls.default_path()
        try:
            raw = json.loads(source.read_text(encoding="utf-8"))
            relative = raw.get("relative", "")
            cues = tuple((tuple(p.replace("{relative}", relative) for p in group["phrases"]),
                          Assertion(group["assertion"]), group["direction"]) for group in raw["cues"])
            rules = cls(cues, tuple(raw["pseudo"]), tuple(raw["terminators"]), tuple(raw["family_sections"]),
                        tuple(raw["past_sections"]))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(f"{source}: not a medkg ConText rules file: {err}") from None
        if bad := [d for _, _, d in cues if d not in get_args(Direction)]:
            raise InputError(f"{source}: unknown cue direction {bad[0]!r}; valid: {', '.join(get_args(Direction))}")
        return rules

    def section_assertions(self, past_history_sections: bool = True) -> dict[str, Assertion]:
        """Section header (lowercase, without the colon) -> default assertion of the mentions under it: family
        sections family, past-history sections historical unless ``past_history_sections`` is off."""
        out = {name: Assertion.FAMILY for name in self.family_sections}
        if past_history_sections:
            out |= {name: Assertion.HISTORICAL for name in self.past_sections}
        return out


_RULES = ContextRules.load()
#: (phrases, assertion, direction). Phrases are regular expressions matched case-insensitively on word boundaries.
CUES = _RULES.cues
#: Contain a cue word but are not cues.
PSEUDO = _RULES.pseudo
#: End every scope.
TERMINATORS = _RULES.terminators
#: Section header (lowercase, without the colon) -> default assertion of the mentions under it.
SECTION_ASSERTIONS: dict[str, Assertion] = _RULES.section_assertions()
#: The past-history ones (``ConText(past_history_sections=False)`` leaves these out).
PAST_SECTION_ASSERTIONS: dict[str, Assertion] = {name: Assertion.HISTORICAL for name in _RULES.past_sections}
_HEADER = re.compile(r"(?m)^[ \t]*(?:[-*#]+[ \t]*)?([A-Za-z][A-Za-z /&()'-]{0,40}?)[ \t]*:(?=[ \t]|$)")
_BLANK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\S+")
_WORD_CHAR = re.compile(r"[\w/]")


@dataclass(frozen=True, slots=True)
class Section:
    """A note section: ``text[start:end]`` from its header to the next header or blank line."""

    start: int
    end: int
    name: str
    assertion: Assertion | None


def find_sections(text: str, assertions: dict[str, Assertion] | None = None) -> list[Section]:
    """Sections of a note, in order. Headers in ``assertions`` (default :data:`SECTION_ASSERTIONS`) give their
    mentions a default assertion; other headers end the previous section."""
    assertions = SECTION_ASSERTIONS if assertions is None else assertions
    heads = [(m.start(), m.end(), m.group(1).strip().lower()) for m in _HEADER.finditer(text)
             if len(m.group(1).split()) <= 5]
    out = []
    for i, (s, _e, name) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        blank = _BLANK.search(text, s, end)
        out.append(Section(s, blank.start() if blank else end, name, assertions.get(name)))
    return out


def section_assertion(sections: Sequence[Section], offset: int) -> Assertion | None:
    """The default assertion the section around character ``offset`` implies (None outside such sections)."""
    for sec in sections:
        if sec.start <= offset < sec.end:
            return sec.assertion
    return None


def _alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    # a space in a phrase matches any run of whitespace: notes wrap lines mid-phrase ("was ruled\nout"). A phrase
    # that ends in punctuation needs no word boundary after it: "?pneumonia" is the cue "?" before "pneumonia".
    ordered = [p.replace(" ", r"\s+") for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<![\w/])(?:" + "|".join(ordered) + r")(?:(?![\w/])|(?<=[^\w/]))", re.I)


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    kind: CueKind
    assertion: Assertion | None = None
    direction: Direction = "both"


class ConText:
    """Rule-based assertion. ``window``: how many words a cue's scope reaches."""

    name = "medkg-context"
    version = "3"  # 2: past-history sections historical by default; durations over two weeks historical; 3: an ill
    # spouse or housemate makes the condition theirs

    def __init__(self, window: int = 10, cues=None, pseudo: Sequence[str] | None = None,
                 terminators: Sequence[str] | None = None, past_history_sections: bool = True,
                 rules: ContextRules | None = None) -> None:
        """``rules``: a rule set (default the shipped one); ``cues``/``pseudo``/``terminators`` replace its parts."""
        if window < 1:
            raise InputError(f"window must be >= 1, got {window!r}")
        rules = rules or _RULES
        self.window = window
        self.section_assertions = rules.section_assertions(past_history_sections)
        self._cues = [(_alternation(p), a, d) for p, a, d in (cues if cues is not None else rules.cues)]
        self._pseudo = _alternation(pseudo if pseudo is not None else rules.pseudo)
        self._term = re.compile("|".join(rf"(?<!\w){t}(?!\w)" if t[0].isalpha() else t
                                         for t in (terminators if terminators is not None else rules.terminators)),
                                re.I)

    def _cue_matches(self, sentence: str) -> list[_Match]:
        """Every cue and pseudo-cue match, overlapping ones included, longest first (resolved per mention)."""
        found = [_Match(m.start(), m.end(), "pseudo") for m in self._pseudo.finditer(sentence)]
        for rx, assertion, direction in self._cues:
            for m in rx.finditer(sentence):
                found.append(_Match(m.start(), m.end(), "cue", assertion, direction))
                # the shorter cues at the same start ("no" inside "no acute"): the longer one may overlap the
                # mention, and then the shorter one must still count (see _applies)
                end = m.end()
                while (short := rx.match(sentence, m.start(), end - 1)) is not None:
                    end = short.end()
                    if end < len(sentence) and _WORD_CHAR.match(sentence, end) and _WORD_CHAR.match(sentence, end - 1):
                        continue  # cut inside a word by endpos
                    found.append(_Match(m.start(), end, "cue", assertion, direction))
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        return found

    @staticmethod
    def _applies(m: _Match, s: int, e: int) -> bool:
        """Whether match ``m`` can bear on the mention ``s:e``: it lies outside the mention, and a cue lies on the
        side it looks to (a forward cue before the mention, a backward one after it). A longer phrase that overlaps
        the mention ("no acute" for the mention "acute infarct") thus cannot shadow the shorter cue ("no")."""
        if m.start < e and m.end > s:
            return False
        if m.kind == "pseudo" or m.direction == "both":
            return True
        return m.end <= s if m.direction == "forward" else m.start >= e

    def _resolve(self, found: Sequence[_Match], s: int, e: int) -> list[_Match]:
        """The cues that bear on mention ``s:e``: of the matches that apply to it, the longest phrase wins where
        they overlap (pseudo-cues then drop out)."""
        kept: list[_Match] = []
        for m in found:
            if not self._applies(m, s, e):
                continue
            # a phrase that is a cue in both directions ("ruled out", "absent") is kept once per direction
            if all(m.end <= k.start or m.start >= k.end
                   or (k.start, k.end, k.kind, m.kind) == (m.start, m.end, "cue", "cue") for k in kept):
                kept.append(m)
        return [m for m in kept if m.kind == "cue"]

    def _reaches(self, gap: str, direction: Direction = "both", assertion: Assertion | None = None) -> bool:
        """Whether a cue's scope crosses ``gap``, the text between cue and mention."""
        window = self.window
        if direction == "value":  # "Rash: none": only a colon (or nothing) between mention and value
            return gap.strip() in ("", ":", "-", "=")
        if direction == "backward":
            if gap.strip() == ":":
                return True
        else:
            # a colon right after the cue opens a list ("Denies: fever, chills"; "PMH: HTN, DM"); for a hypothetical
            # cue the colon may follow a few words ("call if any of the following: fever, chest pain, or ...").
            # The list runs to the sentence end or a terminator, up to 4 windows long.
            head, colon, rest = gap.partition(":")
            if colon and (not head.strip() or (assertion is Assertion.HYPOTHETICAL and len(_WORD.findall(head)) <= 6
                                                and not self._term.search(head))):
                gap, window = rest, 4 * self.window
        return not self._term.search(gap) and len(_WORD.findall(gap)) <= window

    def assert_spans(self, sentence: str, spans: Sequence[tuple[int, int]],
                     default: Assertion | None | Sequence[Assertion | None] = None) -> list[Assertion]:
        """The assertion of each ``(start, end)`` span of ``sentence``; ``default`` is the section's, if any
        (one for all spans, or one per span)."""
        if isinstance(default, (Assertion, type(None))):
            defaults: Sequence[Assertion | None] = [default] * len(spans)
        else:
            defaults = list(default)
            if len(defaults) != len(spans):
                raise InputError(f"default: {len(defaults)} defaults for {len(spans)} spans")
        for s, e in spans:
            if not (0 <= s < e <= len(sentence)):
                raise InputError(f"span {s}:{e} outside the sentence (length {len(sentence)})")
        found = self._cue_matches(sentence) if spans else []
        # only matches a few windows of words around a mention can reach it: look at those alone, so that a long
        # "sentence" (a note without boundaries) stays linear in its mentions
        by_start = sorted(range(len(found)), key=lambda i: found[i].start)
        starts = [found[i].start for i in by_start]
        words = [m.start() for m in _WORD.finditer(sentence)] or [0]
        reach = 4 * self.window + 16
        out = []
        for (s, e), default in zip(spans, defaults):
            reached: set[Assertion] = set()
            lo = words[max(0, bisect_right(words, s) - 1 - reach)]
            hi = words[min(len(words) - 1, bisect_right(words, e) + reach)]
            near = sorted(by_start[bisect_left(starts, lo):bisect_right(starts, hi)])
            for c in self._resolve([found[i] for i in near], s, e):
                if c.end <= s and c.direction in ("forward", "both") and self._reaches(sentence[c.end:s], "forward",
                                                                                        c.assertion):
                    reached.add(c.assertion)  # type: ignore[arg-type]
                elif c.start >= e and c.direction in ("backward", "both", "value") and self._reaches(
                        sentence[e:c.start], c.direction, c.assertion):
                    reached.add(c.assertion)  # type: ignore[arg-type]
            if default is not None and not reached & {Assertion.NEGATED, Assertion.HYPOTHETICAL, Assertion.POSSIBLE}:
                reached.add(default)
            out.append(next((a for a in PRIORITY if a in reached), Assertion.PRESENT))
        return out

    def assert_in_text(self, text: str, sentences: Sequence[tuple[int, int]],
                       spans: Sequence[tuple[int, int]]) -> list[Assertion]:
        """Assertions of document-offset ``spans``, each judged within the sentence that contains its start."""
        sections = find_sections(text, self.section_assertions)
        out = []
        for s, e in spans:
            ss, se = next(((a, b) for a, b in sentences if a <= s < b), (0, len(text)))
            se = max(se, e)
            out.append(self.assert_spans(text[ss:se], [(s - ss, e - ss)], section_assertion(sections, s))[0])
        return out


_DEFAULT: ConText | None = None


def default_context() -> ConText:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ConText()
    return _DEFAULT


def assert_spans(sentence: str, spans: Sequence[tuple[int, int]]) -> list[Assertion]:
    """Assertions of ``(start, end)`` spans of one sentence with the default rules (used by
    :mod:`medkg.nlp.relations`)."""
    return default_context().assert_spans(sentence, spans)
