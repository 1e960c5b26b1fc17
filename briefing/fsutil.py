"""Safe file access: bounded reads and atomic writes.

A write goes to a temporary file in the destination's folder, is flushed and fsynced, and
then replaces the destination in one `os.replace`, so a reader never sees half a file and a
failed write leaves the old file as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from briefing.errors import ReadError, WriteError, describe_os_error

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""The largest article file we read (20 MB)."""


def read_bytes_limited(path: str | os.PathLike[str], max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole regular file, refusing folders, special files and files over `max_bytes`.

    Raises:
        ReadError: with a message like `cannot read notes/x.md: no such file`.
    """
    shown = os.fspath(path)
    try:
        # Stat before opening: opening a FIFO or device could block or never end.
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise ReadError(f"cannot read {shown}: is a folder")
        if not stat.S_ISREG(status.st_mode):
            raise ReadError(f"cannot read {shown}: not a regular file")
        if status.st_size > max_bytes:
            raise ReadError(f"cannot read {shown}: file is larger than {max_bytes // (1024 * 1024)} MB")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ReadError(f"cannot read {shown}: {describe_os_error(error)}") from error
    if len(data) > max_bytes:
        raise ReadError(f"cannot read {shown}: file is larger than {max_bytes // (1024 * 1024)} MB")
    return data


def read_text_safely(path: str | os.PathLike[str], max_bytes: int = MAX_INPUT_BYTES) -> str:
    """Read a small UTF-8 text file such as a config or theme, replacing undecodable bytes."""
    return read_bytes_limited(path, max_bytes).decode("utf-8-sig", errors="replace")


def write_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` so that the file is either the old one or the whole new one.

    Raises:
        WriteError: with a one-line message when the file cannot be written.
    """
    target = Path(path)
    folder = target.parent
    temp_name: str | None = None
    try:
        if target.is_dir():
            raise WriteError(f"cannot write {target}: is a folder")
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions of the file being replaced rather than mkstemp's 0600.
            os.chmod(temp_name, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise WriteError(f"cannot write {target}: {describe_os_error(error)}") from error
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
