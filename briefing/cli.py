"""The command line: open the app, `analyze` to JSON/text/NDJSON, `export` to Markdown or iCalendar,
`watch` a folder as NDJSON.

This is the only module that reads the machine's clock and the only one that imports the
terminal app, and that only when the app is what was asked for, so `analyze`, `export` and
`--help` never load Textual. Data goes to stdout, diagnostics to stderr, one line each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from briefing import __version__
from briefing.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    BriefingError,
    UsageError,
    one_line,
)
from briefing.model import Article, Briefing, LoadFailure

PROG = "briefing"
SUBCOMMANDS = ("open", "analyze", "export", "watch")

USAGE = """\
briefing [open] [PATH...] [--now ISO] [--theme NAME]
       briefing analyze [--format FORMAT] [--now ISO] [--body] [--merge] PATH...
       briefing export [PATH...] [-o FILE] [--format md|ics] [--now ISO]
                       [--merge]
       briefing watch FOLDER [--interval SECONDS] [--now ISO] [--body]"""

DESCRIPTION = """\
Read news articles in the terminal: a summary, who said what, and countdowns
to every deadline. PATH is a .txt, .md or .html file, a folder of them, or -
for standard input. With no PATH, the sample briefing opens."""

EPILOG = """\
exit codes: 0 ok, 1 some input unreadable, 2 usage error, 130 interrupted.
Run 'briefing COMMAND --help' for a command's options."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _add_now(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now", metavar="ISO",
        help="count down from this time, e.g. 2026-05-20T09:00+01:00 (default: the clock)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command; `main` routes bare paths to `open`."""
    formatter = lambda prog: argparse.RawDescriptionHelpFormatter(prog, width=80)
    parser = _Parser(
        prog=PROG, usage=USAGE, description=DESCRIPTION, epilog=EPILOG, formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", parser_class=_Parser,
    )

    opener = commands.add_parser(
        "open", prog=f"{PROG} open", help="open the articles in the app (the default)", formatter_class=formatter,
        description="Open articles in the terminal app. With no PATH, the sample briefing.",
    )
    opener.add_argument("paths", nargs="*", metavar="PATH", help="article file, folder or -")
    _add_now(opener)
    opener.add_argument("--theme", metavar="NAME", help="colour theme, e.g. briefing-dark")

    analyze = commands.add_parser(
        "analyze", prog=f"{PROG} analyze", help="print the analysis as JSON, text or NDJSON", formatter_class=formatter,
        description="Print the analysis of each article (JSON by default, see CONTRACT.md).",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article file, folder or -")
    analyze.add_argument(
        "--format", choices=("json", "text", "ndjson"), default="json",
        help="json (default): one object; text: for reading; ndjson: one line per article",
    )
    _add_now(analyze)
    analyze.add_argument("--body", action="store_true", help="include each article's cleaned body text")
    analyze.add_argument(
        "--merge", action="store_true",
        help='add a "briefing" object: speakers merged across articles, one timeline',
    )

    export = commands.add_parser(
        "export", prog=f"{PROG} export", help="write a Markdown brief or a calendar", formatter_class=formatter,
        description=(
            "Write a Markdown brief of the articles, or their deadlines as an iCalendar\n"
            "file. With no PATH, the sample briefing."
        ),
    )
    export.add_argument("paths", nargs="*", metavar="PATH", help="article file, folder or -")
    export.add_argument("-o", "--output", metavar="FILE", default="-", help="write here (default: - for stdout)")
    export.add_argument(
        "--format", choices=("md", "ics"), default=None,
        help="md: Markdown brief; ics: deadlines as calendar events (default: from\n"
        "FILE's extension, else md)",
    )
    _add_now(export)
    export.add_argument(
        "--merge", action="store_true",
        help="one brief across all articles: merged speakers and one timeline",
    )

    watch = commands.add_parser(
        "watch", prog=f"{PROG} watch", help="print articles added to a folder as NDJSON", formatter_class=formatter,
        description=(
            "Watch FOLDER and print one JSON line per article added or changed in it\n"
            '(the contract\'s article object), {"removed": PATH} when a file goes, and\n'
            '{"path": PATH, "error": MESSAGE} when one cannot be read. Files already\n'
            "there are not printed. Stop with Ctrl-C."
        ),
    )
    watch.add_argument("folder", metavar="FOLDER", help="the folder to watch")
    watch.add_argument(
        "--interval", metavar="SECONDS", type=_positive_seconds, default=1.0,
        help="how often to look (default: 1); a file is read once it held still this long",
    )
    _add_now(watch)
    watch.add_argument("--body", action="store_true", help="include each article's cleaned body text")
    return parser


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < seconds <= 86400:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 86400: {text!r}")
    return seconds


def parse_now(text: str | None) -> dt.datetime:
    """The reference clock: `--now` as given (naive means local time), else the machine's."""
    if text is None:
        return dt.datetime.now().astimezone()
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--now: not an ISO 8601 date or time: {text!r}") from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _route(argv: list[str]) -> list[str]:
    """Let `briefing FILE` mean `briefing open FILE`, although subcommands exist."""
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        return argv
    return ["open", *argv]


def _report(failures: Sequence[LoadFailure], stderr: TextIO) -> int:
    for failure in failures:
        print(f"{PROG}: error: {one_line(failure.message)}", file=stderr)
    return EXIT_UNREADABLE if failures else EXIT_OK


class _ProgressLine:
    """"analysed 1,200/5,000" on one updating line of stderr, cleared at the end; only on a
    terminal, and only when stdout is not the same terminal (the data would cut through it)."""

    def __init__(self, stderr: TextIO, stdout: TextIO | None) -> None:
        self.stderr = stderr
        self.enabled = _is_tty(stderr) and (stdout is None or not _is_tty(stdout))
        self.shown = False
        self._last_at = 0.0

    def __call__(self, done: int, total: int) -> None:
        import time

        moment = time.monotonic()
        if not self.enabled or (done < total and moment - self._last_at < 0.1):
            return
        self._last_at = moment
        self.stderr.write(f"\r{PROG}: analysed {done:,}/{total:,}\x1b[K")
        self.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stderr.write("\r\x1b[K")
            self.stderr.flush()
            self.shown = False


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False


def _sample_paths() -> list[str]:
    from briefing.resources import seeds_dir

    return [str(seeds_dir())]


def run_open(args: argparse.Namespace) -> int:
    now = parse_now(args.now) if args.now is not None else None
    sample = not args.paths
    paths = _sample_paths() if sample else list(args.paths)
    from briefing.tui.app import run_tui

    return run_tui(paths, now=now, theme=args.theme, sample=sample)


def run_analyze(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    now = parse_now(args.now)
    if args.merge and args.format == "text":
        raise UsageError("--merge works with --format json or ndjson")
    progress = _ProgressLine(stderr, stdout)
    try:
        return _analyze(args, now, stdout, stderr, progress)
    finally:
        progress.clear()


def _analyze(args: argparse.Namespace, now: dt.datetime, stdout: TextIO, stderr: TextIO,
             progress: _ProgressLine) -> int:
    from briefing.core.parallel import analyze_parallel, iter_analyzed_parallel
    from briefing.views.json_view import article_to_dict, stream_end, to_contract

    if args.format == "ndjson":
        failures: list[LoadFailure] = []
        kept: list[Article] = []  # only for --merge: streaming otherwise holds no article
        done = 0
        for item in iter_analyzed_parallel(args.paths, now, progress=progress):
            if isinstance(item, LoadFailure):
                failures.append(item)
                continue
            stdout.write(json.dumps(article_to_dict(item, body=args.body), ensure_ascii=False) + "\n")
            stdout.flush()
            done += 1
            if args.merge:
                kept.append(item)
        overview = None
        if args.merge:
            from briefing.core.merge import build_overview

            overview = build_overview(Briefing(now=now, articles=tuple(kept)))
        stdout.write(json.dumps(stream_end(now, done, overview), ensure_ascii=False) + "\n")
        stdout.flush()
        return _report(failures, stderr)
    if args.format == "json" and not args.merge:
        return _stream_json(args, now, stdout, stderr, progress)
    briefing = analyze_parallel(args.paths, now, progress=progress)
    progress.clear()
    if args.merge:
        from briefing.core.merge import with_overview

        briefing = with_overview(briefing)
    if args.format == "json":
        stdout.write(json.dumps(to_contract(briefing, body=args.body), ensure_ascii=False, indent=2) + "\n")
    else:
        from briefing.views.text_view import render_text

        stdout.write(render_text(briefing))
    stdout.flush()
    return _report(briefing.failures, stderr)


def _stream_json(args: argparse.Namespace, now: dt.datetime, stdout: TextIO, stderr: TextIO,
                 progress: _ProgressLine) -> int:
    """The contract's one JSON object, written an article at a time as each is analysed: the
    same text `json.dumps(..., indent=2)` gives, without holding the whole stack in memory."""
    from briefing.core.parallel import iter_analyzed_parallel
    from briefing.views.json_view import SCHEMA, article_to_dict, iso

    head = json.dumps({"schema": SCHEMA, "now": iso(now)}, ensure_ascii=False, indent=2)
    stdout.write(head[:-2] + ',\n  "articles": [')
    failures: list[LoadFailure] = []
    written = 0
    for item in iter_analyzed_parallel(args.paths, now, progress=progress):
        if isinstance(item, LoadFailure):
            failures.append(item)
            continue
        text = json.dumps(article_to_dict(item, body=args.body), ensure_ascii=False, indent=2)
        stdout.write(("," if written else "") + "\n    " + text.replace("\n", "\n    "))
        written += 1
    stdout.write("\n  ]\n}\n" if written else "]\n}\n")
    stdout.flush()
    return _report(failures, stderr)


def _export_format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    return "ics" if str(args.output).lower().endswith((".ics", ".ical", ".ifb", ".icalendar")) else "md"


def _write_stdout(stdout: TextIO, text: str, *, exact_newlines: bool = False) -> None:
    """Write `text`; with `exact_newlines`, as UTF-8 bytes, so CRLF stays CRLF on every system."""
    binary = getattr(stdout, "buffer", None) if exact_newlines else None
    if binary is None:
        stdout.write(text)
        stdout.flush()
        return
    stdout.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def run_export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    now = parse_now(args.now)
    from briefing.core.parallel import analyze_parallel
    from briefing.fsutil import write_atomic

    export_format = _export_format(args)
    progress = _ProgressLine(stderr, stdout if args.output == "-" else None)
    try:
        briefing = analyze_parallel(args.paths or _sample_paths(), now, progress=progress)
    finally:
        progress.clear()
    if briefing.articles or not briefing.failures:
        if export_format == "ics":
            from briefing.views.ics_view import render_ics

            document = render_ics(briefing)
        else:
            from briefing.views.markdown_view import render_markdown

            if args.merge:
                from briefing.core.merge import with_overview

                briefing = with_overview(briefing)
            clock = "set with --now" if args.now is not None else "this machine's clock"
            document = render_markdown(briefing, clock=clock)
        if args.output == "-":
            _write_stdout(stdout, document, exact_newlines=export_format == "ics")
        else:
            write_atomic(args.output, document)
    return _report(briefing.failures, stderr)


def run_watch(args: argparse.Namespace, stdout: TextIO) -> int:
    """Print each article added to or changed in the folder as it settles, until Ctrl-C."""
    folder = str(args.folder)
    if not os.path.isdir(folder):
        from briefing.errors import ReadError

        reason = "not a folder" if os.path.exists(folder) else "no such folder"
        raise ReadError(f"cannot watch {folder}: {reason}")
    fixed_now = parse_now(args.now) if args.now is not None else None
    clock = (lambda: fixed_now) if fixed_now is not None else (lambda: parse_now(None))
    from briefing.core.watch import REMOVED, watch_articles
    from briefing.views.json_view import article_to_dict

    def emit(record: dict[str, object]) -> None:
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()

    try:
        for change, items in watch_articles(folder, clock, args.interval):
            if change.kind == REMOVED:
                emit({"removed": change.path})
            for item in items:
                if isinstance(item, LoadFailure):
                    emit({"path": item.path, "error": one_line(item.message)})
                else:
                    emit(article_to_dict(item, body=args.body))
    except KeyboardInterrupt:
        # Ctrl-C is how a watch ends: no message, just the conventional code.
        return EXIT_INTERRUPTED
    return EXIT_OK


def _utf8(stream: TextIO) -> TextIO:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass
    return stream


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    stdout, stderr = sys.stdout, sys.stderr
    try:
        args = build_parser().parse_args(_route(arguments))
        if args.command == "analyze":
            return run_analyze(args, _utf8(stdout), stderr)
        if args.command == "export":
            return run_export(args, _utf8(stdout), stderr)
        if args.command == "watch":
            return run_watch(args, _utf8(stdout))
        return run_open(args)
    except BriefingError as error:
        print(f"{PROG}: error: {error}", file=stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`briefing analyze … | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_UNREADABLE
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence prints one line
        if os.environ.get("BRIEFING_DEBUG") == "1":
            import traceback

            traceback.print_exc(file=stderr)
        print(
            f"{PROG}: error: unexpected {type(error).__name__}: {one_line(str(error))}"
            " (set BRIEFING_DEBUG=1 for details)",
            file=stderr,
        )
        return EXIT_UNREADABLE


__all__ = ["EXIT_USAGE", "build_parser", "main", "parse_now"]
