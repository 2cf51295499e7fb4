"""Messages and logs that never carry an identifier: quarantine reasons that do not quote the input, and a
logging filter that masks identifier-shaped strings (e-mails, SSNs, phones, numeric dates, MRN-like numbers) in
every log line, defence in depth for what third-party libraries log. Server addresses and counts with their unit
stay readable.
"""

from __future__ import annotations

import logging
import re

from pydantic import ValidationError

#: words after a number that make it a count or a size, not an identifier
_UNITS = ("bytes?|characters?|chars|rows?|records?|documents?|docs|notes?|triples?|nodes?|edges?|relationships?|"
          "mentions?|sentences?|voxels?|pairs?|lines?|ms|seconds?|s|[KMG]i?B")
_SCRUB = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"(?<!\w)\d{3}-\d{2}-\d{4}(?!\w)"),  # SSN
    re.compile(r"(?<![\w])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\w)"),  # phone
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"),  # numeric dates
    # MRN-like numbers, also inside file names ("notes_12345678.txt"), but not a count ("1200000 characters")
    re.compile(r"(?<![A-Za-z0-9.-])[A-Z]{0,4}-?\d{5,}(?![A-Za-z0-9-])(?!\s+(?:" + _UNITS + r")\b)"),
]
#: ``host:port`` (an address of medkg's own servers, not an identifier): left as it is
_HOST_PORT = re.compile(r"(?:(?:\d{1,3}\.){3}\d{1,3}|localhost|\[[0-9A-Fa-f:]+\]|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
                        r":\d{1,5}(?!\d)")


def scrub(message: str) -> str:
    """Mask identifier-shaped substrings (defence in depth for messages that must quote something); server
    addresses and counts with their unit stay readable."""
    out, last = [], 0
    for m in _HOST_PORT.finditer(message):
        out += [_scrub_part(message[last:m.start()]), m.group()]
        last = m.end()
    out.append(_scrub_part(message[last:]))
    return "".join(out)


def _scrub_part(text: str) -> str:
    for rx in _SCRUB:
        text = rx.sub("[REDACTED]", text)
    return text


def safe_reason(err: BaseException) -> str:
    """A quarantine/log reason that names what went wrong without quoting any input.

    Pydantic validation errors list field locations and error types only (their default message repeats the
    input value); any other error gives its type and a scrubbed message with quoted parts removed.
    """
    if isinstance(err, ValidationError):
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ())) or 'value'}: {e.get('type')}" for e in err.errors()]
        return f"invalid record ({'; '.join(parts[:5])})"
    msg = re.sub(r"(['\"]).*?\1", "…", str(err))[:200]
    return f"{type(err).__name__}: {scrub(msg)}" if msg else type(err).__name__


class RedactingFilter(logging.Filter):
    """A logging filter that masks identifier-shaped strings in every record's message and arguments.

    Install it on the handlers that leave the process (``logging.getLogger().addHandler(...)`` users do
    themselves); medkg's own log calls already avoid note text, this catches what third-party libraries log.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not break logging
            return True
        record.msg, record.args = scrub(message), ()
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> RedactingFilter:
    """Attach a :class:`RedactingFilter` to every handler of ``logger`` (default: the root logger)."""
    logger = logger or logging.getLogger()
    filt = RedactingFilter()
    for handler in logger.handlers:
        handler.addFilter(filt)
    return filt
