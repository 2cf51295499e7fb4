"""Assertion of mentions: present, negated, possible, historical, family or hypothetical (ConText-style rules).

ConText (Harkema et al. 2009) decides a mention's assertion from *cue* phrases near it: a cue opens a scope that
runs forward ("denies chest pain") or backward ("pneumonia was ruled out") from the cue, at most ``window`` words
far, and stops at a *terminator* ("but", "however", ";", …) or the sentence end. Commas and "or"/"and" do not end
a scope, so "denies fever, chills, or cough" negates all three. *Pseudo-cues* ("not only", "no change",
"gram negative") contain a cue word but are no cue; the longest overlapping phrase wins, so "cannot exclude"
(possible) beats "exclude" (negated) and "no family history of" (negated) beats "family history of" (family).

A note's *section* gives a default: mentions under "Family History:" are family unless a cue in their sentence
says otherwise ("No family history of MS" → negated). Under "Past Medical History:" / "PMH:" they are historical
only with ``past_history_sections=True``: the problems listed there (HTN, DM2, MS) are mostly ongoing, and cues
such as "history of", "s/p", "prior" mark the past ones anyway. A section runs from its header to the next header
or blank line; the sentence splitter also ends a sentence at a header's colon.

Overlaps are resolved per mention: only matches outside the mention and on the side a cue looks to count, so a
longer phrase overlapping the mention ("no acute" for the mention "acute infarct") leaves the shorter cue at its
start ("no") in force, and "was negative" (backward) does not shadow "negative for" (forward) before a later mention.
A colon right after a cue opens a list ("PMH: HTN, DM", "Denies: fever, chills"); after a hypothetical cue it may
follow a few words ("call if any of the following: fever, chest pain, …"); such a list is not cut by the window.
"Rash: none" / "Chest pain: denies" negate through the colon. Durations ("two-day history of fever") and "history of
present illness" are not past history; "past medical history is significant for X" is.

When cues of several kinds reach one mention, the strongest wins: negated > family > hypothetical > possible >
historical (so "no history of stroke" is negated, and "possible history of seizures" possible).

These rules are written for medkg; the cue lists follow the spirit of ConText / negspacy's clinical termsets but are
shorter and tested case by case (``tests/nlp/test_context.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kg.errors import InputError
from kg.schema import Assertion

Direction = Literal["forward", "backward", "both", "value"]
CueKind = Literal["cue", "pseudo", "terminate"]

#: Assertion priority when several cues reach a mention (first wins).
PRIORITY: tuple[Assertion, ...] = (Assertion.NEGATED, Assertion.FAMILY, Assertion.HYPOTHETICAL,
                                   Assertion.POSSIBLE, Assertion.HISTORICAL)

_RELATIVE = (r"(?:mother|father|mom|dad|sister|brother|sibling|siblings|aunt|uncle|grandmother|grandfather|"
             r"grandparent|cousin|son|daughter|parents?|niece|nephew)")

#: (phrases, assertion, direction). Phrases are regular expressions matched case-insensitively on word boundaries.
CUES: tuple[tuple[tuple[str, ...], Assertion, Direction], ...] = (
    # negation, before the mention
    ((r"no", r"not", r"denies", r"denied", r"deny", r"denying", r"without", r"w/o", r"negative for", r"neg for",
      r"no evidence of", r"no evidence for", r"no signs? of", r"no symptoms of", r"no history of", r"no hx of",
      r"no family history of", r"no fh of", r"free of", r"absence of", r"absent", r"ruled out", r"rules out",
      r"has been ruled out", r"never had", r"never", r"not have", r"did not have", r"does not have", r"fails to reveal",
      r"failed to reveal", r"no findings of", r"no new", r"no acute", r"resolution of", r"nor", r"unremarkable for",
      r"no complaints of", r"not demonstrate", r"no suggestion of", r"neither", r"-ve for", r"neg for",
      r"not consistent with", r"inconsistent with", r"no longer", r"no further", r"no more",
      r"no longer (?:reports?|has|have|having|complains? of|endorses?|experiences?|experiencing|with|needs?)",
      r"no further episodes? of", r"^\s*resolved", r"resolved:", r"negative:"),
     Assertion.NEGATED, "forward"),
    # negation, after the mention
    ((r"(?:was|were|is|are|has been|have been|been) ruled out", r"ruled out", r"(?:was|were|is|are|been) excluded",
      r"(?:was|were|is|are) (?:negative|absent|not seen|not present|not identified|not detected|not found)",
      r"not seen", r"not present", r"not identified", r"not detected", r"not found", r"negative", r"absent",
      r"(?:was|were|is|are) denied", r"denied", r"unlikely", r"(?:is|was|are|were) not (?:seen|noted|appreciated)",
      r"free", r"-ve", r"(?:has |have |had |is |was |are |were )?(?:now |since |completely |fully )?resolved",
      r"(?:has |have |had )?(?:now |since )?(?:completely |fully )?cleared"),
     Assertion.NEGATED, "backward"),
    # negation, a header-style value after the mention and a colon ("Rash: none", "Chest pain: denies")
    ((r"none", r"no", r"denies", r"denied", r"negative", r"neg", r"absent", r"not present", r"nil"),
     Assertion.NEGATED, "value"),
    # possibility, before the mention
    ((r"possible", r"possibly", r"probable", r"probably", r"likely", r"suspected", r"suspect", r"suspicious for",
      r"suspicion for", r"suspicion of", r"concern for", r"concerning for", r"questionable", r"question of",
      r"may have", r"may be", r"might have", r"might be", r"could be", r"could have", r"cannot exclude",
      r"can ?not exclude", r"can't exclude", r"cannot rule out", r"can ?not rule out", r"can't rule out",
      r"not ruled out", r"rule out", r"r/o", r"to rule out", r"differential (?:diagnosis )?includes?", r"ddx",
      r"versus", r"vs\.?", r"to exclude", r"evaluate for", r"evaluation for", r"evaluated for", r"assess for",
      r"workup for", r"work-up for", r"presumed", r"presumptive", r"suggestive of", r"worrisome for", r"equivocal for",
      r"cannot be excluded", r"unclear (?:if|whether)", r"uncertain (?:if|whether)", r"unsure (?:if|whether)",
      r"not sure (?:if|whether)", r"question (?:if|whether)"),
     Assertion.POSSIBLE, "forward"),
    # possibility, after the mention
    ((r"(?:is|was|are|were) (?:possible|suspected|likely|probable|questionable|not excluded)",
      r"(?:cannot|can ?not|could not) be (?:excluded|ruled out)", r"not (?:been )?(?:excluded|ruled out)",
      r"is a possibility", r"suspected", r"possible"),
     Assertion.POSSIBLE, "backward"),
    # history
    ((r"history of", r"hx of", r"h/o", r"s/p", r"status post", r"past history of", r"prior", r"previous",
      r"previously", r"remote", r"old", r"past medical history of", r"pmh of", r"pmhx of", r"known history of",
      r"diagnosed with .{0,20}\b(?:in|at age) \d+",
      # "past medical history is significant for X" ("significant for" would otherwise end the scope), and an
      # in-sentence header "PMH: X" (the colon right after a cue does not end its scope)
      r"(?:past )?(?:medical|surgical|medical and surgical) history(?: (?:is|was))?(?: (?:significant|notable|"
      r"remarkable|positive|pertinent) for| includes?| of)?",
      r"(?:pmh|pmhx|psh|pshx|pmh/psh|past hx)(?: (?:is|was))?"
      r"(?: (?:significant|notable|remarkable|positive) for| includes?)?",
      r"history (?:is |was )?(?:significant|notable|remarkable|positive) for", r"past history"),
     Assertion.HISTORICAL, "forward"),
    ((r"in the past", r"years ago", r"months ago", r"in (?:19|20)\d\d", r"as a child", r"in childhood",
      r"in adolescence"),
     Assertion.HISTORICAL, "backward"),
    # family
    ((r"family history of", r"family hx of", r"family medical history(?: of)?", r"fh of", r"fhx of",
      r"family history (?:is )?(?:significant|positive) for",
      rf"{_RELATIVE}(?:'s)?", rf"(?:maternal|paternal) {_RELATIVE}", r"maternal", r"paternal", r"family member"),
     Assertion.FAMILY, "forward"),
    ((rf"in (?:his|her|their|the patient'?s|a|the) (?:maternal |paternal )?{_RELATIVE}", r"runs in the family",
      r"in the family"),
     Assertion.FAMILY, "backward"),
    # hypothetical
    ((r"if", r"in case of", r"in case", r"in the event of", r"should", r"return for", r"return if", r"call if",
      r"seek care if", r"watch for", r"monitor for", r"risk of", r"at risk for", r"risk for", r"precautions",
      r"as needed for", r"prn for", r"to prevent", r"prophylaxis", r"prophylaxis for", r"unless", r"whether",
      r"return (?:to (?:the )?(?:ed|er|clinic|office|hospital|emergency (?:department|room)) )?(?:immediately )?"
      r"(?:for|if|with)",
      r"come back (?:if|for|with)",
      r"seek (?:medical )?(?:care|attention|help)(?: immediately| right away| promptly)? (?:if|for|with)",
      r"call (?:us |the office |the clinic |your doctor |your physician |911 )?(?:if|for|with any)",
      r"(?:watch|monitor) (?:closely |carefully )?for", r"to (?:watch|monitor) for",
      r"(?:instructed|told|advised|asked|instructions(?: given)?) to report", r"report any",
      r"warning signs(?: such as| of| including)?", r"prophylaxis against", r"in order to prevent", r"to avoid",
      r"precautions for", r"in the event", r"at high risk for", r"high risk for", r"at increased risk for"),
     Assertion.HYPOTHETICAL, "forward"),
    ((r"develops", r"develop", r"were to develop", r"occurs", r"recurs", r"worsens"),
     Assertion.HYPOTHETICAL, "backward"),
)

#: Contain a cue word but are not cues.
PSEUDO: tuple[str, ...] = (
    r"not only", r"no increase", r"no change", r"no significant change", r"not necessarily",
    r"gram negative", r"not certain if", r"not certain whether", r"no interval change", r"not been able",
    r"without difficulty", r"if needed", r"if necessary", r"history of present illness",
    r"no more than", r"not to exceed", r"rule out criteria", r"old age", r"years old", r"y/?o",
    r"\d+ (?:year|yr)s? old",
    r"likely due to", r"likely secondary to", r"as needed", r"prior to", r"should be", r"not able",
    r"no (?:\w+ )?changes?", r"no (?:further|more) (?:decline|change|changes|workup|work-up|intervention|treatment|"
    r"imaging|testing|questions|need|action|concerns?)",
    # "has not (yet) resolved" is no negation
    r"(?:has |have |had |is |was )?not (?:yet |fully |completely )?(?:resolved|cleared)",
    r"(?:partially|incompletely) resolved",
    # "two-day history of fever", "3 week history of cough": the duration of a current problem, not past history
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple)[- ]?(?:hours?|hrs?|days?|"
    r"weeks?|wks?|months?|mos?)[- ](?:history|hx) of",
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[- ](?:hours?|hrs?|days?|weeks?|wks?|"
    r"months?|mos?)[- ]history",
    r"history of (?:the )?present illness", r"history of presenting illness", r"call (?:if|with) (?:any )?questions",
)

#: End every scope.
TERMINATORS: tuple[str, ...] = (
    r"but", r"however", r"although", r"though", r"yet", r"except", r"aside from", r"apart from", r"other than",
    r"which", r"who", r"presents? with", r"presenting with", r"complains of", r"c/o", r"reports", r"reported",
    r"due to", r"secondary to", r"because", r"cause of", r"causes? of", r"source of", r"reason for",
    r"now", r"currently", r"still", r"today", r"and has", r"and is", r"and was", r"and had", r"with new",
    r";", r":", r"\bpositive for", r"remarkable for", r"significant for", r"notable for", r"started on",
)

_FAMILY_SECTIONS = ("family history", "family hx", "fh", "fhx", "family medical history", "family")
_PAST_SECTIONS = ("past medical history", "pmh", "pmhx", "past history", "medical history", "past surgical history",
                  "psh", "past medical and surgical history", "pmh/psh")
#: Section header (lowercase, without the colon) -> default assertion of the mentions under it.
SECTION_ASSERTIONS: dict[str, Assertion] = {name: Assertion.FAMILY for name in _FAMILY_SECTIONS}
#: The same for past-history sections; opt-in (``ConText(past_history_sections=True)``), because the problems
#: listed under "PMH:" (HTN, DM2, MS) are mostly ongoing comorbidities, i.e. present, not past.
PAST_SECTION_ASSERTIONS: dict[str, Assertion] = {name: Assertion.HISTORICAL for name in _PAST_SECTIONS}
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
    # a space in a phrase matches any run of whitespace: notes wrap lines mid-phrase ("was ruled\nout")
    ordered = [p.replace(" ", r"\s+") for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<![\w/])(?:" + "|".join(ordered) + r")(?![\w/])", re.I)


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
    version = "1"

    def __init__(self, window: int = 10, cues=CUES, pseudo: Sequence[str] = PSEUDO,
                 terminators: Sequence[str] = TERMINATORS, past_history_sections: bool = False) -> None:
        if window < 1:
            raise InputError(f"window must be >= 1, got {window!r}")
        self.window = window
        self.section_assertions = {**SECTION_ASSERTIONS, **(PAST_SECTION_ASSERTIONS if past_history_sections else {})}
        self._cues = [(_alternation(p), a, d) for p, a, d in cues]
        self._pseudo = _alternation(pseudo)
        self._term = re.compile("|".join(rf"(?<!\w){t}(?!\w)" if t[0].isalpha() else t for t in terminators), re.I)

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
                    if end < len(sentence) and _WORD_CHAR.match(sentence, end):
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
            if all(m.end <= k.start or m.start >= k.end or (k.start, k.end, k.kind, m.kind) == (m.start, m.end, "cue", "cue")
                   for k in kept):
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
    """Assertions of ``(start, end)`` spans of one sentence with the default rules (used by :mod:`nlp.relations`)."""
    return default_context().assert_spans(sentence, spans)
