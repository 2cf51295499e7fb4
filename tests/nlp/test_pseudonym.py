import os
import stat

import pytest

from kg.errors import InputError
from nlp.pseudonym import KEY_ENV, KEY_FILE_ENV, MAX_SHIFT_DAYS, Pseudonymizer, load_key

KEY = b"unit-test-key-0123456789"


def test_same_identifier_same_pseudonym_and_kinds_apart():
    p = Pseudonymizer(KEY)
    assert p.patient("00123456") == p.patient(" 00123456 ") == p.patient("00123456")
    assert p.patient("mrn-7") == p.patient("MRN-7")  # letter case does not make another patient
    assert p.patient("00123456") != p.patient("00123457")
    assert p.patient("00123456")[2:] != p.document("00123456")[2:]  # patient and document hashes kept apart
    assert p.patient("00123456").startswith("P-") and p.document("n1").startswith("D-")
    assert p.is_pseudonym(p.patient("x")) and p.is_pseudonym(p.document("x")) and not p.is_pseudonym("00123456")


def test_different_key_different_pseudonyms():
    a, b = Pseudonymizer(KEY), Pseudonymizer(KEY + b"!")
    ids = [f"{n:08d}" for n in range(50)]
    assert not {a.patient(i) for i in ids} & {b.patient(i) for i in ids}
    assert "00123456" not in a.patient("00123456")


def test_key_is_never_shown():
    p = Pseudonymizer(KEY)
    assert KEY.decode() not in repr(p) and KEY.decode() not in str(p)


def test_short_or_blank_inputs_are_rejected():
    with pytest.raises(InputError, match="key"):
        Pseudonymizer(b"short")
    with pytest.raises(InputError, match="blank"):
        Pseudonymizer(KEY).patient("   ")


def test_key_from_env(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "an-environment-key-of-some-length")
    assert load_key() == b"an-environment-key-of-some-length"
    monkeypatch.setenv(KEY_ENV, "tiny")
    with pytest.raises(InputError, match=KEY_ENV):
        load_key()


def test_key_file_is_created_private_once_and_reused(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(KEY_FILE_ENV, raising=False)
    monkeypatch.setenv("MEDKG_HOME", str(tmp_path / "home"))
    first = load_key()
    path = tmp_path / "home" / "pseudonym.key"
    assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_key() == first and len(first) >= 32
    # an explicit key file wins over MEDKG_HOME
    other = tmp_path / "other.key"
    other.write_bytes(b"another-key-file-content\n")
    monkeypatch.setenv(KEY_FILE_ENV, str(other))
    assert load_key() == b"another-key-file-content"
    assert Pseudonymizer(load_key()).patient("1") != Pseudonymizer(first).patient("1")


def test_date_shift_is_stable_per_patient_and_never_zero():
    p = Pseudonymizer(KEY)
    shifts = [p.date_shift_days(f"P{i}") for i in range(40)]
    assert all(-MAX_SHIFT_DAYS <= s <= -1 for s in shifts)
    assert len(set(shifts)) > 20  # patients do not share one offset
    assert p.date_shift_days("P1") == p.date_shift_days("P1")
    assert Pseudonymizer(KEY + b"x").date_shift_days("P1") != p.date_shift_days("P1") or \
        Pseudonymizer(KEY + b"y").date_shift_days("P1") != p.date_shift_days("P1")
