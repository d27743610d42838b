"""Every file the library writes is written whole or not at all, and never through a link.

:func:`replacing` opens a new temporary file in the folder of the file asked for (created
exclusively: it cannot be a link or a file that was there), lets the caller write it, makes it
durable and then renames it to the asked name in one step. A link or file planted under the
asked name meanwhile is replaced, never followed; an error or Ctrl-C while writing removes the
temporary file, so that nothing half-written is ever left under the asked name (a file that was
there stays as it was). The new file has the permissions a new file gets (the umask's).

Scenario files (JSON, CSV folders, workbooks), result workbooks, charts and the command line's
``--out`` all go through it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["check_writable", "replacing", "write_bytes", "write_text"]

_ATTEMPTS = 16
_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
_MODE = 0o666
"""A new file's permissions before the umask, as ``open(path, "w")`` gives them."""


def check_writable(path: Path) -> Path:
    """The folder ``path`` is written in; an error naming it when it is not a folder.

    Writers call it before the work that makes a file, so that a missing folder is told at once.
    """
    folder = path.parent
    if not folder.is_dir():
        reason = "not a folder" if folder.exists() else "no such folder"
        raise FileNotFoundError(errno.ENOENT, f"{reason} to write {path.name} in", str(folder))
    if path.is_dir() and not path.is_symlink():
        raise IsADirectoryError(errno.EISDIR, "a folder, not a file to write", str(path))
    return folder


def _temporary(path: Path) -> tuple[Path, int]:
    folder = check_writable(path)
    for _ in range(_ATTEMPTS):
        temporary = folder / f".{path.name}.{secrets.token_hex(6)}.part"
        try:
            return temporary, os.open(temporary, _FLAGS, _MODE)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))  # pragma: no cover


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write; on leaving without an error, it becomes ``path`` whole.

    Raises:
        FileNotFoundError: the folder of ``path`` does not exist (named in the error).
        IsADirectoryError: ``path`` is a folder.
        OSError: the file could not be written or renamed (the temporary file is removed).
    """
    temporary, descriptor = _temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:  # an error, or Ctrl-C: no half-written file stays behind
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` as the file ``path``, whole or not at all (see :func:`replacing`)."""
    with replacing(path) as handle:
        handle.write(data)
    return path


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to the file ``path``, whole or not at all."""
    return write_bytes(path, text.encode("utf-8"))
