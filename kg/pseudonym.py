"""Keyed pseudonyms for patient, document and study identifiers, and per-patient date shifts.

This is the one pseudonymization service of medkg: text extraction, imaging and any other writer call it, so a
patient's notes and scans carry the same ``P-…`` id and fuse into one ``Patient`` node, and no raw identifier,
study UID or unshifted date reaches the graph.

A pseudonym is ``HMAC-SHA256(key, kind || identifier)``, truncated to 80 bits and prefixed (``P-``/``D-``/``S-``).
The same MRN under the same key always yields the same pseudonym; without the key the mapping cannot be
recomputed or reversed (no table of originals is kept anywhere). The key comes from, in order:

1. ``MEDKG_PSEUDONYM_KEY`` (at least 16 characters), e.g. injected by a secrets manager;
2. the file named by ``MEDKG_PSEUDONYM_KEY_FILE`` (e.g. ``$CREDENTIALS_DIRECTORY/medkg-pseudonym-key`` under
   systemd, or a mounted secret);
3. ``$XDG_CONFIG_HOME/medkg/pseudonym.key`` (default ``~/.config/medkg/pseudonym.key``), created ``0600`` in a
   ``0700`` folder (256 random bits) on first use.

The key is deliberately kept **out of** ``MEDKG_HOME``: whoever copies the graph (a backup, a shared volume) must
not get the key with it, and no graph query can read a file (see :mod:`medkg.kg.readonly`). A key found at the old
place, ``$MEDKG_HOME/pseudonym.key``, is moved to the default place once, with a warning, so pseudonyms stay the
same. The key itself is never logged or put into an error message. Losing it means new pseudonyms for every
patient: keep it in a secrets manager or a separately protected backup.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import stat
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

from medkg.kg.errors import InputError
from medkg.kg.files import open_private, private_dir
from medkg.kg.settings import PSEUDONYM_KEY_FILE_NAME, get_settings

log = logging.getLogger(__name__)

KEY_ENV = "MEDKG_PSEUDONYM_KEY"
KEY_FILE_ENV = "MEDKG_PSEUDONYM_KEY_FILE"
MIN_KEY_LEN = 16
#: Hex digits kept of the HMAC: 80 bits, collision-free in practice for any hospital's patient count.
DIGEST_HEX = 20
#: Dates move by 1..MAX_SHIFT_DAYS days into the past; one offset per patient keeps every interval.
MAX_SHIFT_DAYS = 365


def default_key_file() -> Path:
    """``MEDKG_PSEUDONYM_KEY_FILE``, else ``$XDG_CONFIG_HOME/medkg/pseudonym.key`` (never under ``MEDKG_HOME``)."""
    return get_settings().default_key_file


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _migrate_legacy_key(target: Path) -> None:
    """Move a key left at the old place (``$MEDKG_HOME/pseudonym.key``) to ``target``, keeping pseudonyms."""
    legacy = get_settings().home / PSEUDONYM_KEY_FILE_NAME
    if target.exists() or not legacy.is_file() or legacy.resolve() == target.resolve():
        return
    private_dir(target.parent)
    with open_private(target, "xb") as fh:
        fh.write(legacy.read_bytes())
    legacy.unlink()
    log.warning("moved the pseudonym key out of MEDKG_HOME to %s: a copy of the graph must not carry its key",
                target)


def _read_key_file(path: Path) -> bytes:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("pseudonym key file %s is readable by other users (mode %o); chmod 600 it", path, mode)
    key = path.read_bytes().strip()
    if len(key) < MIN_KEY_LEN:
        raise InputError(f"pseudonym key file {path} holds fewer than {MIN_KEY_LEN} bytes")
    return key


def load_key(path: Path | None = None) -> bytes:
    """The pseudonymisation secret (see the module docstring for where it comes from)."""
    settings = get_settings()
    env = settings.pseudonym_key.get_secret_value() if settings.pseudonym_key is not None else None
    if env is not None and path is None:
        if len(env.strip()) < MIN_KEY_LEN:
            raise InputError(f"{KEY_ENV} must be at least {MIN_KEY_LEN} characters long")
        return env.strip().encode("utf-8")
    if path is None:
        path = default_key_file()
        _migrate_legacy_key(path)
    if _inside(path, settings.home):
        log.warning("the pseudonym key file %s is inside MEDKG_HOME: a backup of the graph would carry it", path)
    if path.exists():
        return _read_key_file(path)
    private_dir(path.parent)
    key = secrets.token_hex(32).encode("ascii")
    try:
        fh = open_private(path, "xb")
    except FileExistsError:  # another process created it first: use theirs
        return _read_key_file(path)
    with fh:
        fh.write(key + b"\n")
    log.info("created pseudonym key file %s (back it up: pseudonyms cannot be recomputed without it)", path)
    return key


def normalize_identifier(value: str) -> str:
    """Same identifier, same pseudonym: surrounding space and letter case do not count."""
    if not isinstance(value, str):
        raise InputError(f"identifier must be a string, got {type(value).__name__}")
    norm = " ".join(value.split()).upper()
    if not norm:
        raise InputError("identifier must not be blank")
    return norm


class Pseudonymizer:
    """Keyed, deterministic, irreversible pseudonyms (one instance per key)."""

    PATIENT_PREFIX = "P-"
    DOCUMENT_PREFIX = "D-"
    STUDY_PREFIX = "S-"

    def __init__(self, key: bytes | str | None = None) -> None:
        if key is None:
            key = load_key()
        if isinstance(key, str):
            key = key.encode("utf-8")
        if not isinstance(key, bytes) or len(key) < MIN_KEY_LEN:
            raise InputError(f"key must be at least {MIN_KEY_LEN} bytes")
        self._key = key

    def __repr__(self) -> str:  # never show the key
        return f"{type(self).__name__}(key=<{len(self._key)} bytes>)"

    def digest(self, domain: str, value: str) -> bytes:
        """``HMAC-SHA256(key, domain NUL value)``; domains keep patient, document and surrogate hashes apart."""
        return hmac.new(self._key, domain.encode() + b"\x00" + value.encode("utf-8"), hashlib.sha256).digest()

    def _pseudonym(self, prefix: str, domain: str, value: str) -> str:
        return prefix + self.digest(domain, normalize_identifier(value)).hex()[:DIGEST_HEX]

    def patient(self, identifier: str) -> str:
        """Pseudonym of a patient identifier (MRN, …): ``P-`` + 20 hex digits."""
        return self._pseudonym(self.PATIENT_PREFIX, "patient", identifier)

    def document(self, identifier: str) -> str:
        """Pseudonym of a document identifier (note id, accession number, file name): ``D-`` + 20 hex digits."""
        return self._pseudonym(self.DOCUMENT_PREFIX, "document", identifier)

    def study(self, identifier: str) -> str:
        """Pseudonym of an imaging study identifier (DICOM StudyInstanceUID, accession): ``S-`` + 20 hex digits."""
        return self._pseudonym(self.STUDY_PREFIX, "study", identifier)

    def is_pseudonym(self, value: str) -> bool:
        return (len(value) == 2 + DIGEST_HEX
                and value[:2] in (self.PATIENT_PREFIX, self.DOCUMENT_PREFIX, self.STUDY_PREFIX)
                and all(c in "0123456789abcdef" for c in value[2:]))

    def shift_date(self, when: Date, patient: str | None) -> Date:
        """``when`` moved by the date shift of ``patient`` (its ``P-`` pseudonym): the one shift every note and
        scan of that patient gets, so intervals between them survive."""
        return when + timedelta(days=self.date_shift_days(patient))

    def date_shift_days(self, scope: str | None) -> int:
        """Days (negative: into the past, never 0) to move every date of one patient (``scope``) by."""
        raw = int.from_bytes(self.digest("date-shift", normalize_identifier(scope) if scope else "")[:8], "big")
        return -(1 + raw % MAX_SHIFT_DAYS)

    def choose(self, domain: str, value: str, n: int) -> int:
        """A keyed, stable index in ``range(n)`` (surrogate picking: same original, same surrogate)."""
        if n <= 0:
            raise InputError(f"n must be positive, got {n}")
        return int.from_bytes(self.digest(domain, value)[:8], "big") % n
