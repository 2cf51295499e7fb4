"""Keyed pseudonyms for patient and document identifiers, and per-patient date shifts.

A pseudonym is ``HMAC-SHA256(key, kind || identifier)``, truncated to 80 bits and prefixed (``P-``/``D-``). The
same MRN under the same key always yields the same pseudonym, so documents of one patient fuse into one
``Patient`` node; without the key the mapping cannot be recomputed or reversed (no table of originals is kept
anywhere). The key comes from, in order:

1. ``MEDKG_PSEUDONYM_KEY`` (at least 16 characters),
2. the file named by ``MEDKG_PSEUDONYM_KEY_FILE``,
3. ``$MEDKG_HOME/pseudonym.key`` — created with 0600 permissions (256 random bits) on first use.

The key itself is never logged or put into an error message. Losing the key file means new pseudonyms for every
patient: back it up together with the graph.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path

from kg.embedded import medkg_home
from kg.errors import InputError

log = logging.getLogger(__name__)

KEY_ENV = "MEDKG_PSEUDONYM_KEY"
KEY_FILE_ENV = "MEDKG_PSEUDONYM_KEY_FILE"
KEY_FILE_NAME = "pseudonym.key"
MIN_KEY_LEN = 16
#: Hex digits kept of the HMAC: 80 bits, collision-free in practice for any hospital's patient count.
DIGEST_HEX = 20
#: Dates move by 1..MAX_SHIFT_DAYS days into the past; one offset per patient keeps every interval.
MAX_SHIFT_DAYS = 365


def default_key_file() -> Path:
    path = os.environ.get(KEY_FILE_ENV)
    return Path(path).expanduser() if path else medkg_home() / KEY_FILE_NAME


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
    env = os.environ.get(KEY_ENV)
    if env is not None and path is None:
        if len(env.strip()) < MIN_KEY_LEN:
            raise InputError(f"{KEY_ENV} must be at least {MIN_KEY_LEN} characters long")
        return env.strip().encode("utf-8")
    path = path or default_key_file()
    if path.exists():
        return _read_key_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return _read_key_file(path)
    with os.fdopen(fd, "wb") as fh:
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

    def is_pseudonym(self, value: str) -> bool:
        return (len(value) == 2 + DIGEST_HEX and value[:2] in (self.PATIENT_PREFIX, self.DOCUMENT_PREFIX)
                and all(c in "0123456789abcdef" for c in value[2:]))

    def date_shift_days(self, scope: str | None) -> int:
        """Days (negative: into the past, never 0) to move every date of one patient (``scope``) by."""
        raw = int.from_bytes(self.digest("date-shift", normalize_identifier(scope) if scope else "")[:8], "big")
        return -(1 + raw % MAX_SHIFT_DAYS)

    def choose(self, domain: str, value: str, n: int) -> int:
        """A keyed, stable index in ``range(n)`` (surrogate picking: same original, same surrogate)."""
        if n <= 0:
            raise InputError(f"n must be positive, got {n}")
        return int.from_bytes(self.digest(domain, value)[:8], "big") % n
