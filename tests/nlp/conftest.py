import pytest


@pytest.fixture(autouse=True)
def _pseudonym_key(monkeypatch):
    """A fixed test key, so that no test creates a key file in the user's real ``$MEDKG_HOME``."""
    monkeypatch.setenv("MEDKG_PSEUDONYM_KEY", "medkg-test-key-0123456789abcdef")
    monkeypatch.delenv("MEDKG_PSEUDONYM_KEY_FILE", raising=False)
