"""Owner-only files: what medkg writes may hold clinical text, so nobody but its owner may read it.

The ``medkg`` command and the embedded server daemon run under umask 077 (:func:`restrict_umask`), so every file
and folder they create (triples, quarantine and unlinked files, logs, database files and WAL, plots, masks) is
``0600``/``0700``. Writers of the Python API that handle clinical text open their files through
:func:`open_private` and :func:`private_dir`, which set those modes explicitly whatever the caller's umask.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
DIR_MODE = 0o700


def restrict_umask() -> int:
    """Make files this process creates from now on owner-only; returns the previous umask."""
    return os.umask(0o077)


def private_dir(path: Path) -> Path:
    """``path`` created if missing (parents too, owner-only) and made ``0700``."""
    path = Path(path)
    if not path.is_dir():
        old = os.umask(0o077)
        try:
            path.mkdir(parents=True, exist_ok=True)
        finally:
            os.umask(old)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def open_private(path: Path, mode: str = "w", **kwargs: Any) -> IO:
    """``open(path, mode)`` for a file that is ``0600`` whatever the umask (an existing file is tightened too).

    ``mode`` is one of ``w``, ``a``, ``x`` with an optional ``b``; the parent folder must exist.
    """
    flags = {"w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC, "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
             "x": os.O_WRONLY | os.O_CREAT | os.O_EXCL}[mode.replace("b", "")[0]]
    fd = os.open(path, flags, FILE_MODE)
    try:
        if os.fstat(fd).st_mode & 0o777 != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def make_private(path: Path) -> Path:
    """Tighten a file a library wrote (an image, a plot) to ``0600``; returns ``path``."""
    path = Path(path)
    path.chmod(FILE_MODE)
    return path


def write_private_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """``Path.write_text`` for an owner-only file."""
    with open_private(path, "w", encoding=encoding) as fh:
        fh.write(text)
