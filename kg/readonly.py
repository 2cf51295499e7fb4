"""Read-only Cypher, enforced in depth.

ArcadeDB does not enforce the driver's read access mode (a ``CREATE`` sent with read routing is written), so
medkg does not rely on it:

1. a lexical check refuses write clauses and procedure calls outside string literals and comments;
2. the query runs in an explicit transaction with read access mode that is always rolled back, never committed;
3. the result summary is checked: a query that reports any update raises :class:`~kg.errors.ReadOnlyError`.
"""

from __future__ import annotations

import re

from kg.errors import ReadOnlyError

_WRITE_WORDS = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD", "ALTER",
                "GRANT", "DENY", "REVOKE", "RENAME")
# A clause keyword, not a property (``e.set``), parameter (``$set``) or map key (``{set: 1}``).
_WRITE_RE = re.compile(r"(?<![.$\w])(" + "|".join(_WRITE_WORDS) + r")\b(?!\s*:)", re.IGNORECASE)
# Administration commands, which only stand at the start of a statement.
_ADMIN_RE = re.compile(r"^\s*(START|STOP|TERMINATE|ENABLE|DEALLOCATE|REALLOCATE)\b", re.IGNORECASE)
# Procedures may write (apoc.create.*, db.create*, gds.*.write …); only a few known read-only ones are allowed.
_CALL_RE = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)
_READ_PROCEDURES = ("db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components")
_STRIP_RE = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)


def strip_literals(query: str) -> str:
    """The query with string literals, quoted identifiers and comments blanked out."""
    return _STRIP_RE.sub(" ", query)


def check_read_only(query: str) -> None:
    """Raise :class:`ReadOnlyError` if ``query`` contains a write clause or a non-whitelisted procedure."""
    code = strip_literals(query)
    if m := _WRITE_RE.search(code) or _ADMIN_RE.search(code):
        raise ReadOnlyError(f"query refused: {m.group(1).upper()} writes to the graph and queries are read-only "
                            "(pass write=True / --write to modify the graph)")
    for m in _CALL_RE.finditer(code):
        if m.group(1).lower() not in _READ_PROCEDURES:
            raise ReadOnlyError(f"query refused: procedure {m.group(1)!r} is not on the read-only list "
                                f"({', '.join(_READ_PROCEDURES)})")
