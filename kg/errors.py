"""One exception base for everything medkg raises on purpose.

Callers can catch :class:`MedkgError` and show ``str(err)`` to a user: every message names what was wrong
and, where there is a fixed set of valid choices, lists them.
"""

from __future__ import annotations


class MedkgError(Exception):
    """Base class of all errors raised by medkg."""


class SchemaError(MedkgError, ValueError):
    """A label, relationship type or property outside the graph whitelist."""


class StoreError(MedkgError):
    """The graph store could not be started, reached or written."""


class ReadOnlyError(MedkgError):
    """A write was attempted through a read-only query path."""


class QuerySyntaxError(MedkgError):
    """A Cypher query the server could not parse."""


class InputError(MedkgError, ValueError):
    """A malformed input record or file (reported, quarantined, never silently dropped)."""
