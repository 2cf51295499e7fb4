"""Read-only Cypher: a parse in front of the server's own controls.

A regular expression over the query text cannot say what the server will execute (a ``//`` comment that the
server ends at a bare ``\\r`` hid a ``LOAD CSV`` from the old check), so medkg reads the query the way the server
does and keeps several independent layers, none of which is trusted alone:

1. **this module**: a one-pass lexer that follows Cypher's lexical rules (comments end at *every* line terminator
   a server may honour; strings, escapes and backticked names are decoded; unterminated ones, control and
   non-ASCII characters outside literals, and oversized or deeply nested queries are refused), then a clause-level
   parse of the token stream: each query part must start with a reading clause, every keyword in clause position
   must be a reading one, and ``CALL`` must name a procedure on a short read-only list (backticks resolved);
2. **the server's controls** (:mod:`medkg.kg.store`): the query runs as a read-only server user where the store has one
   (the embedded ArcadeDB: a ``readRecord``-only group, no schema or security rights, local and remote
   ``LOAD CSV`` disabled in the server configuration, a command timeout), Neo4j's own ``EXPLAIN`` must classify it
   as a read (``query_type == "r"``), the transaction has a timeout and a read access mode;
3. the transaction is always rolled back and a summary that reports an update raises.

Everything here runs in time linear in the length of the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from medkg.kg.errors import QuerySyntaxError, ReadOnlyError

#: Longer queries are refused before they are read (a read query of the graph is rarely over a few KB).
MAX_QUERY_CHARS = 100_000
#: Deeper bracket nesting is refused (it only serves to exhaust a parser's stack).
MAX_NESTING = 64

#: Procedures that only read. Compared lower-case, after backticks are resolved.
READ_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                             "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
                             "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships"})
#: Clauses a read query may start a part with (after ``UNION`` or ``{`` too).
_READING_STARTS = frozenset({"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL"})
#: Words that, in keyword position anywhere in a query, make it something other than a read of the graph:
#: writes, schema and administration commands, file and network access, database switching, transactions.
#: (Commands that only stand first in a statement, START/STOP/ENABLE …, fail the reading-clause rule.)
_REFUSED_KEYWORDS = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD", "ALTER", "GRANT", "DENY",
    "REVOKE", "RENAME", "SHOW", "TERMINATE", "USE", "IMPORT", "EXPORT", "BACKUP", "RESTORE", "COPY", "INSERT",
    "TRANSACTIONS", "PERIODIC", "CSV",
    "EXPLAIN", "PROFILE",
})
# Every character a server may treat as the end of a ``//`` comment. Ending ours at the earliest of them means a
# server can only ever see *less* code than medkg checked, never more.
_LINE_END = re.compile(r"[\n\r\x0b\x0c\x85\u2028\u2029]")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|[0-9][0-9_]*(?:\.[0-9_]+)?(?:[eE][+-]?[0-9]+)?)")
_SPACE = frozenset(" \t\n\r\x0b\x0c\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                   "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
_PUNCT = frozenset("()[]{}.,:;|=<>+-*/%^!~?&$")
_OPEN = {"(": ")", "[": "]", "{": "}"}
_WRITE_HINT = "queries are read-only: pass write=True / --write to modify the graph"


@dataclass(frozen=True, slots=True)
class Token:
    kind: Literal["word", "name", "string", "number", "param", "punct"]
    text: str  # words as written; names and strings decoded
    pos: int


def tokenize(query: str) -> list[Token]:
    """Cypher tokens of ``query`` without comments and whitespace.

    Raises :class:`QuerySyntaxError` for what no server can read (unterminated strings and comments) and
    :class:`ReadOnlyError` for what medkg will not send (oversized queries, characters outside ASCII in code).
    """
    if len(query) > MAX_QUERY_CHARS:
        raise ReadOnlyError(f"query refused: {len(query):,} characters is over the limit of {MAX_QUERY_CHARS:,}")
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in _SPACE:
            i += 1
        elif query.startswith("//", i):
            m = _LINE_END.search(query, i)
            i = m.end() if m else n
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)  # Cypher block comments do not nest: the first */ ends one
            if end < 0:
                raise QuerySyntaxError(f"Cypher syntax error: unterminated /* comment at offset {i}")
            i = end + 2
        elif c in "'\"":
            text, j = _string(query, i)
            tokens.append(Token("string", text, i))
            i = j
        elif c == "`":
            text, j = _quoted_name(query, i)
            tokens.append(Token("name", text, i))
            i = j
        elif c == "$":
            j = i + 1
            if j < n and query[j] == "`":
                text, j = _quoted_name(query, j)
            elif m := (_WORD.match(query, j) or _NUMBER.match(query, j)):
                text, j = m.group(), m.end()
            else:
                raise QuerySyntaxError(f"Cypher syntax error: '$' without a parameter name at offset {i}")
            tokens.append(Token("param", text, i))
            i = j
        elif m := _WORD.match(query, i):
            tokens.append(Token("word", m.group(), i))
            i = m.end()
        elif m := _NUMBER.match(query, i):
            tokens.append(Token("number", m.group(), i))
            i = m.end()
        elif c in _PUNCT:
            tokens.append(Token("punct", c, i))
            i += 1
        else:
            raise ReadOnlyError(f"query refused: unexpected character U+{ord(c):04X} at offset {i} "
                                "(outside strings, only ASCII is read)")
    return tokens


def _string(query: str, start: int) -> tuple[str, int]:
    quote, i, n, out = query[start], start + 1, len(query), []
    while i < n:
        c = query[i]
        if c == quote:
            return "".join(out), i + 1
        if c == "\\":
            if i + 1 >= n:
                break
            out.append(query[i:i + 2])
            i += 2
        else:
            out.append(c)
            i += 1
    raise QuerySyntaxError(f"Cypher syntax error: unterminated string literal at offset {start}")


def _quoted_name(query: str, start: int) -> tuple[str, int]:
    """A backticked name, with doubled backticks decoded (```a``b``` is ``a`b``)."""
    i, out = start + 1, []
    while True:
        end = query.find("`", i)
        if end < 0:
            raise QuerySyntaxError(f"Cypher syntax error: unterminated backticked name at offset {start}")
        out.append(query[i:end])
        if query.startswith("``", end):
            out.append("`")
            i = end + 2
            continue
        return "".join(out), end + 1


def _is_keyword(tokens: list[Token], k: int, in_braces: bool) -> bool:
    """Whether word ``k`` stands where a keyword can: not a property (``n.set``), label or type (``:Delete``)
    or key of a map literal (``{set: 1}``).

    A word after ``AS`` is *not* exempt: whether ``as`` is the keyword or a variable, label or property named
    ``as`` (``WITH as SET …``) is not decidable from tokens, so an alias spelled like a refused keyword
    (``AS set``) is refused too."""
    prev = tokens[k - 1] if k else None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if prev is not None and prev.kind == "punct" and prev.text in ".:":
        return False
    if in_braces and nxt is not None and nxt.kind == "punct" and nxt.text == ":" and prev is not None \
            and prev.kind == "punct" and prev.text in "{,":
        return False
    return True


def _procedure(tokens: list[Token], k: int) -> tuple[str, int]:
    """The dotted name after ``CALL`` at ``k`` (backticked parts resolved) and the index after it."""
    parts, j = [], k + 1
    while j < len(tokens) and tokens[j].kind in ("word", "name"):
        parts.append(tokens[j].text)
        if j + 1 < len(tokens) and tokens[j + 1].kind == "punct" and tokens[j + 1].text == ".":
            j += 2
            continue
        j += 1
        break
    return ".".join(parts), j


def check_read_only(query: str) -> list[Token]:
    """Refuse anything but a read of the graph; return the tokens of an accepted query.

    :class:`ReadOnlyError` for what is not a read, :class:`QuerySyntaxError` for what cannot be read at all.
    """
    tokens = tokenize(query)
    if not tokens:
        raise ReadOnlyError("query refused: it is empty")
    stack: list[str] = []
    part_start = True  # the next word must open a query part: at the start, after UNION and after '{' of a CALL
    for k, t in enumerate(tokens):
        if t.kind == "punct":
            if t.text in _OPEN:
                stack.append(_OPEN[t.text])
                if len(stack) > MAX_NESTING:
                    raise ReadOnlyError(f"query refused: brackets nested deeper than {MAX_NESTING}")
                # a '{' right after CALL (or after CALL (vars)) opens a subquery, which must itself read
                if t.text == "{" and k and (_word_is(tokens[k - 1], "CALL")
                                            or (tokens[k - 1].text == ")" and _call_scope_before(tokens, k - 1))):
                    part_start = True
            elif t.text in ")]}":
                if not stack or stack.pop() != t.text:
                    raise QuerySyntaxError(f"Cypher syntax error: unbalanced {t.text!r} at offset {t.pos}")
            elif t.text == ";":
                if k != len(tokens) - 1:
                    raise ReadOnlyError("query refused: one statement at a time")
            continue
        if t.kind != "word":
            if part_start:
                raise ReadOnlyError(f"query refused: a query starts with a reading clause "
                                    f"({', '.join(sorted(_READING_STARTS))}), not {t.text!r}")
            continue
        word = t.text.upper()
        if word in ("ALL", "DISTINCT") and k and _word_is(tokens[k - 1], "UNION"):
            continue  # UNION ALL / UNION DISTINCT: the next word opens the part
        if part_start:
            if word not in _READING_STARTS:
                raise ReadOnlyError(f"query refused: {word} is not a reading clause; a read query starts with "
                                    f"{', '.join(sorted(_READING_STARTS))} ({_WRITE_HINT})")
            part_start = False
        elif not _is_keyword(tokens, k, in_braces=bool(stack) and stack[-1] == "}"):
            continue
        if word in _REFUSED_KEYWORDS:
            raise ReadOnlyError(f"query refused: {word} is not a read of the graph ({_WRITE_HINT})")
        if word == "UNION":
            part_start = True
        elif word == "CALL":
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.kind == "punct" and nxt.text in "({":
                continue  # a subquery, CALL { … } or CALL (vars) { … }: its clauses are checked like the rest
            name, _ = _procedure(tokens, k)
            if name.lower() not in READ_PROCEDURES:
                raise ReadOnlyError(f"query refused: procedure {name!r} is not on the read-only list "
                                    f"({', '.join(sorted(READ_PROCEDURES))})")
    if stack:
        raise QuerySyntaxError(f"Cypher syntax error: unclosed bracket, expected {stack[-1]!r}")
    return tokens


def _word_is(token: Token, word: str) -> bool:
    return token.kind == "word" and token.text.upper() == word


def _call_scope_before(tokens: list[Token], close: int) -> bool:
    """Whether the ``)`` at ``close`` ends a ``CALL (a, b)`` variable scope (Neo4j 5.23+ subqueries)."""
    j = close - 1
    while j >= 0 and not (tokens[j].kind == "punct" and tokens[j].text == "("):
        if tokens[j].kind == "punct" and tokens[j].text not in ",*":
            return False
        j -= 1
    return j > 0 and _word_is(tokens[j - 1], "CALL")
