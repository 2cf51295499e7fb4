import os
import stat

import pytest

from medkg.kg.errors import InputError
from medkg.kg.pseudonym import KEY_ENV, KEY_FILE_ENV, MAX_SHIFT_DAYS, Pseudonymizer, load_key

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


def test_key_file_is_created_private_once_outside_medkg_home(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(KEY_FILE_ENV, raising=False)
    monkeypatch.setenv("MEDKG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first = load_key()
    path = tmp_path / "config" / "medkg" / "pseudonym.key"
    assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert not (tmp_path / "home").exists() or not list((tmp_path / "home").rglob("*.key"))
    assert load_key() == first and len(first) >= 32
    # an explicit key file wins
    other = tmp_path / "other.key"
    other.write_bytes(b"another-key-file-content\n")
    monkeypatch.setenv(KEY_FILE_ENV, str(other))
    assert load_key() == b"another-key-file-content"
    assert Pseudonymizer(load_key()).patient("1") != Pseudonymizer(first).patient("1")


def test_a_key_left_in_medkg_home_is_moved_out_and_keeps_pseudonyms(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(KEY_FILE_ENV, raising=False)
    monkeypatch.setenv("MEDKG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    legacy = tmp_path / "home" / "pseudonym.key"
    legacy.parent.mkdir()
    legacy.write_bytes(b"a-key-from-an-older-medkg-0123\n")
    before = Pseudonymizer(b"a-key-from-an-older-medkg-0123").patient("00123456")
    assert Pseudonymizer(load_key()).patient("00123456") == before
    assert not legacy.exists() and (tmp_path / "config" / "medkg" / "pseudonym.key").exists()


def test_studies_have_their_own_pseudonyms_and_dates_shift_per_patient():
    from datetime import date

    p = Pseudonymizer(KEY)
    uid = "1.2.840.113619.2.55.3.604688119.969.1268071029.320"
    assert p.study(uid).startswith("S-") and p.is_pseudonym(p.study(uid)) and uid not in p.study(uid)
    assert p.study(uid)[2:] != p.patient(uid)[2:]
    pid = p.patient("00123456")
    d1, d2 = date(2024, 3, 1), date(2024, 3, 15)
    assert (p.shift_date(d2, pid) - p.shift_date(d1, pid)).days == 14
    assert p.shift_date(d1, pid) != d1


def test_date_shift_is_stable_per_patient_and_never_zero():
    p = Pseudonymizer(KEY)
    shifts = [p.date_shift_days(f"P{i}") for i in range(40)]
    assert all(-MAX_SHIFT_DAYS <= s <= -1 for s in shifts)
    assert len(set(shifts)) > 20  # patients do not share one offset
    assert p.date_shift_days("P1") == p.date_shift_days("P1")
    assert Pseudonymizer(KEY + b"x").date_shift_days("P1") != p.date_shift_days("P1") or \
        Pseudonymizer(KEY + b"y").date_shift_days("P1") != p.date_shift_days("P1")
