"""The error tree and the exit codes of the command line.

Every error the user can cause (a path that cannot be read, a bad `--now`, a file that cannot
be written) is a `BriefingError` whose message is one line saying what and where. `cli.main()`
prints it as `briefing: error: <message>` and exits with the error's `exit_code`.
"""

from __future__ import annotations

import re

EXIT_OK = 0
"""Everything was read and done."""
EXIT_UNREADABLE = 1
"""Some input could not be read or some output could not be written; the rest was printed."""
EXIT_USAGE = 2
"""Bad command-line usage or configuration."""
EXIT_INTERRUPTED = 130
"""Interrupted with Ctrl-C (128 + SIGINT)."""


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(message: str) -> str:
    """Collapse a message onto one line, so that stderr stays one line per problem; control
    characters (a file name can hold an escape sequence) are dropped, never printed."""
    return " ".join(_UNSAFE.sub(" ", message).split())


class BriefingError(Exception):
    """An error with a one-line message meant for the user."""

    exit_code: int = EXIT_UNREADABLE

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))

    @property
    def message(self) -> str:
        return str(self)


class ReadError(BriefingError):
    """An input path that cannot be read: `cannot read notes/x.md: no such file`."""


class WriteError(BriefingError):
    """An output file that cannot be written."""


class UsageError(BriefingError):
    """Bad arguments or configuration, such as an unparseable `--now`."""

    exit_code = EXIT_USAGE


def describe_os_error(error: OSError) -> str:
    """Say in a few lower-case words why an operating-system call failed."""
    import errno

    reasons = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a folder",
        errno.ENOTDIR: "not a folder",
        errno.ENOSPC: "no space left on device",
        errno.EROFS: "read-only file system",
        errno.ENAMETOOLONG: "name too long",
        errno.ELOOP: "too many symbolic links",
    }
    if error.errno in reasons:
        return reasons[error.errno]
    reason = error.strerror or type(error).__name__
    return one_line(reason[:1].lower() + reason[1:])
