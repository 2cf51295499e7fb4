import logging

import pytest

from medkg.kg.models import Document
from medkg.kg.redact import RedactingFilter, safe_reason, scrub

MRN = "00123456"


def test_safe_reason_does_not_quote_input():
    with pytest.raises(Exception) as info:
        Document(id="x", text="Mr. John Smith", metadata={"mrn": 123})
    reason = safe_reason(info.value)
    assert "John" not in reason and "123" not in reason and "metadata" in reason
    assert "00123456" not in safe_reason(ValueError(f"bad MRN {MRN} for 'John Smith'"))
    assert "John" not in safe_reason(KeyError("John Smith"))


def test_redacting_filter(caplog):
    logger = logging.getLogger("medkg.test.redact")
    logger.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO, logger="medkg.test.redact"):
        logger.info("call %s or mail %s, ssn %s, mrn %s", "(555) 123-4567", "a.b@c.org", "219-09-9999", MRN)
    assert "555" not in caplog.text and "a.b@c.org" not in caplog.text and MRN not in caplog.text
    assert scrub("dose 5 mg") == "dose 5 mg"


def test_scrub_masks_identifiers_in_file_names_but_not_ports_or_counts():
    assert scrub("read /data/notes_12345678.txt") == "read /data/notes_[REDACTED].txt"
    assert scrub("MRN-1234567 and MRN:7654321") == "[REDACTED] and MRN:[REDACTED]"
    assert scrub("cannot reach bolt://127.0.0.1:59057 or localhost:7687") == \
        "cannot reach bolt://127.0.0.1:59057 or localhost:7687"
    assert scrub("a note of 1200000 characters, 250000 triples in 10000 ms") == \
        "a note of 1200000 characters, 250000 triples in 10000 ms"
    assert scrub("patient 12345678 seen") == "patient [REDACTED] seen"


def test_decimals_in_log_lines_stay_readable():
    assert scrub("epoch 2 loss 1.47391 val_dice 0.81234") == "epoch 2 loss 1.47391 val_dice 0.81234"
    assert scrub("MRN 12345678 dice 0.81234") == "MRN [REDACTED] dice 0.81234"
