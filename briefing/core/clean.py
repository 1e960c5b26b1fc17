"""Turn untrusted bytes into the body text that every offset points into.

This runs once per article, before any offset exists: decode, drop terminal escapes, control
and bidi-override characters, normalise newlines and whitespace, and find the boilerplate
lines (copyright, newsletter pleas, bylines) so they can be dimmed without being deleted.
Every pattern here is linear: no nested quantifiers, so hostile input cannot make it slow.
"""

from __future__ import annotations

import re
import unicodedata

from briefing.model import Span

BINARY_SNIFF_BYTES = 8192
"""How much of a file is checked for NUL bytes before it is called binary."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class BinaryFileError(ValueError):
    """The bytes are not text."""


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _bomless_utf16(sample: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark: mostly-ASCII text has every other byte NUL."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    if odd_nuls >= 0.8 * len(odd) and even_nuls <= 0.05 * len(even):
        return "utf-16-le"
    if even_nuls >= 0.8 * len(even) and odd_nuls <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes to text, saying in warnings how, when it was not plain UTF-8.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such, and so is UTF-16
    without one when its NUL pattern shows it. Bytes that are not UTF-8 are read in the charset
    an HTML `<meta>` or XML declaration names, else as Windows-1252, which is what browsers do
    for Latin-1 too. A UTF-8 file with a few broken bytes stays UTF-8. Bytes that the chosen
    encoding cannot map become U+FFFD, with a warning.

    Raises:
        BinaryFileError: when the start of the data holds NUL bytes and is not UTF-16/32.
    """
    warnings: list[str] = []
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        text = data[skip:].decode(encoding.replace("-sig", ""), errors="replace")
        _warn_replaced(text, data[skip:], warnings)
        return text, warnings
    sample = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in sample:
        utf16 = _bomless_utf16(sample)
        if utf16 is None:
            raise BinaryFileError("binary file")
        text = data.decode(utf16, errors="replace")
        warnings.append(f"no byte-order mark: read as {utf16.upper()}")
        _warn_replaced(text, data, warnings)
        return text, warnings
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared is not None and declared not in ("utf-8", "cp1252"):
        text = data.decode(declared, errors="replace")
        warnings.append(f"not valid UTF-8: read as {declared}, as the file declares")
        _warn_replaced(text, data, warnings)
        return text, warnings
    lenient = data.decode("utf-8", errors="replace")
    if declared == "utf-8" or re.search(r"[^\x00-\x7f\ufffd]", lenient):
        # Valid multi-byte UTF-8 is present (or declared), so this is UTF-8 with broken bytes.
        _warn_replaced(lenient, data, warnings)
        return lenient, warnings
    # Latin-1 text reads the same as Windows-1252 except in 0x80-0x9F, where Latin-1 has only
    # control characters and Windows-1252 has curly quotes and dashes: so read it as 1252.
    text = data.decode("cp1252", errors="replace")
    warnings.append("not valid UTF-8: read as Windows-1252 (Latin-1)")
    _warn_replaced(text, data, warnings)
    return text, warnings


_DECLARED_CHARSET = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})"
    rb"|<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})",
    re.IGNORECASE,
)
_SAME_AS_CP1252 = frozenset(["latin-1", "iso8859-1", "ascii", "cp1252"])


def declared_charset(data: bytes) -> str | None:
    """The charset a page's `<meta>` or an XML declaration names in its first 2 KB, as a Python
    codec name; Latin-1 and ASCII count as Windows-1252, as in browsers. None when absent or unknown."""
    import codecs

    match = _DECLARED_CHARSET.search(data[:2048])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _SAME_AS_CP1252:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a declaration read as ASCII bytes cannot be UTF-16: it was re-saved
    return "utf-8" if name == "utf-8" else name


def _warn_replaced(text: str, data: bytes, warnings: list[str]) -> None:
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if replaced > 0:
        warnings.append(f"replaced {replaced} undecodable byte{'s' if replaced != 1 else ''}")


# Terminal escape sequences, 7-bit and 8-bit forms. CSI: parameters, intermediates, one final
# byte. OSC/DCS/SOS/PM/APC: a payload up to BEL or ST, on one line. Anything else after ESC:
# intermediates and one final byte. Each part is a single character class, so matching is linear.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
_UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_NEWLINES = re.compile("\r\n|[\r\u2028\x85]")
# Spaces other than U+0020 (no-break, thin, narrow, ideographic …) read as plain spaces.
# Only what needs changing: a run of two or more, or any space that isn't U+0020 (a lone
# plain space, by far the commonest character, is left alone).
_SPACES = re.compile(
    "[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*"
    "| [\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+"
)
_ESCAPE_STARTS = "\x1b\x9b\x90\x98\x9d\x9e\x9f"
"""Characters an escape sequence starts with: without any, the sequence search is skipped."""
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_EDGE_SPACES = re.compile(r" \n ?|\n ")


def strip_unsafe(text: str) -> tuple[str, int, int]:
    """Remove terminal escape sequences and control/bidi characters (not `\\n` or `\\t`).

    Returns:
        The text, the number of escape sequences removed, the number of characters removed.
    """
    if "\r" in text or "\u2028" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    text = text.replace("\u2029", "\n\n")
    sequences = 0
    if any(start in text for start in _ESCAPE_STARTS):
        text, sequences = _ESCAPE_SEQUENCE.subn("", text)
    text, characters = _UNSAFE_CHARACTERS.subn("", text)
    return text, sequences, characters


def removal_warning(sequences: int, characters: int) -> str | None:
    """The warning for what `strip_unsafe` removed, or None when it removed nothing."""
    parts = []
    if sequences:
        parts.append(f"{sequences} terminal escape sequence{'s' if sequences != 1 else ''}")
    if characters:
        parts.append(f"{characters} control or bidi character{'s' if characters != 1 else ''}")
    if not parts:
        return None
    return "removed " + " and ".join(parts)


def tidy_whitespace(text: str) -> str:
    """One space between words, no spaces at line ends, one blank line between paragraphs."""
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGE_SPACES.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def normalise(text: str) -> tuple[str, int, int]:
    """`strip_unsafe`, then NFC and `tidy_whitespace`: the counts are what was removed."""
    text, sequences, characters = strip_unsafe(text)
    return tidy_whitespace(unicodedata.normalize("NFC", text)), sequences, characters


def clean_text(text: str) -> tuple[str, list[str]]:
    """Make decoded text safe and tidy; the result is the body that offsets point into."""
    text, sequences, characters = normalise(text)
    warning = removal_warning(sequences, characters)
    return text, [warning] if warning else []


def clean_inline(text: str) -> str:
    """Clean a metadata value (title, author …) to one safe line."""
    text, _, _ = strip_unsafe(text)
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- boilerplate -------------------------------------------------------------------------

_BOILERPLATE_MAX_LINE = 320
"""Lines longer than this are story paragraphs, whatever words they contain."""

_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|©\s*\d{4}"
    r"|all rights reserved(?:\W*$|\.)|(?:^\W{0,3}|[.!?]\s{1,3})not for (?:re)?distribution"
    r"|republication or (?:re)?use|reprinted with permission|(?:^\W{0,3}|is )republished from\b"
    r"|(?:material|article|content|story|text) may not be (?:re)?(?:published|produced|distributed|broadcast|written)"
    r"|may not be (?:re)?(?:published|produced|distributed),",
    re.IGNORECASE,
)
# Each alternative is a shape that boilerplate has and story sentences don't: most are
# anchored at the line's start, the rest are phrases a news story does not use about itself.
_BOILERPLATE_START = re.compile(
    r"\W{0,3}(?:"
    r"(?:this (?:article|story|report|piece|post)|the (?:article|story)) (?:was |has been |is |first |originally |also ){1,3}"
    r"(?:produced|updated|corrected|amended)\b"
    r"|this (?:article|story|report|piece|post) (?:was |has been |is |first |originally |also ){1,3}"
    r"(?:republished|reprinted|published|appeared)\b"
    r"|(?:originally|first) (?:published|appeared) (?:on|in|by)\b"
    r"|the post\b.{1,200}\bappeared first on\b"
    r"|distributed by\b"
    r"|have you been affected\b"
    r"|(?:sign up|subscribe)\b"
    r"|(?:click|tap) here\b"
    r"|(?:read|see) (?:more|also)(?:\s*:|\W*$)"
    r"|related(?: coverage| stories| articles| reading)?\s*:"
    r"|(?:more on this story|most read|share this (?:article|story)|advertisement)\W*$"
    r"|(?:story|article) continues (?:below|after)\b.{0,40}$|continue reading\b.{0,40}$"
    r"|follow\b.{1,60}\bon (?:x|twitter|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube|mastodon)\b"
    r"|(?:photograph|photo|image|illustration|video)(?: credit)?\s*:"
    r"|get\b.{0,80}\b(?:in|to) your inbox"
    r"|(?:please )?(?:help )?support (?:local|independent|our|quality) journalism"
    r")",
    re.IGNORECASE,
)
"""Boilerplate that opens the line (tried with `match`, so it fails at once on most lines)."""
_BOILERPLATE_ANYWHERE = re.compile(
    r"\bsupport our journalism|[.!?:]\s{1,3}support (?:local|independent) journalism"
    r"|may earn (?:an? )?(?:small )?(?:affiliate )?commission\b.{0,80}\b(?:links?|purchases?|buy)\b"
    r"|(?:is|are) funded by (?:its|our) readers"
    r"|(?:^|[.!?]\s)\W{0,3}become a (?:member|subscriber|supporter)\b.{0,40}(?:£|\$|€|today|now|month|year)"
    r"|\bnewsletter\b.{0,80}\b(?:inbox|sign up|subscribe)\b|\b(?:sign up|subscribe)\b.{0,80}\bnewsletter"
    r"|\b(?:subscribe|sign up) (?:today|now|here)\b|\bdelivered (?:straight )?to your inbox\b",
    re.IGNORECASE,
)
_ANYWHERE_HINTS = ("journalism", "commission", "funded by", "become a", "newsletter", "subscribe",
                   "sign up", "inbox")
"""Every `_BOILERPLATE_ANYWHERE` alternative holds one of these (lowercase): the search runs only then."""
# A line that reports speech is story, even when it uses a plea's words ("'Sign up today,' the
# mayor said"); copyright marks, bylines and published lines are recognised regardless.
_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
# Credit lines ("Reporting by Ana Ruiz in Lima; editing by Tom Hale"): names and these words only,
# so "Reporting by the Gazette found that ..." stays story.
_CREDIT_LINE = re.compile(r"^\W{0,3}(?:additional )?(?:reporting|writing|editing)(?: and \w+)? by\b", re.IGNORECASE)
_CREDIT_WORDS = frozenset(
    "by and in from with at for of additional reporting writing editing contributed contributing desk staff "
    "team newsroom bureau the our de da van von del al bin".split()
)
_PUBLISHED_LINE = re.compile(
    r"^\W{0,3}(?:(?:first |last )?(?:published|updated|posted|issued)|printable version|printed|print version|"
    r"retrieved|accessed)(?: on| at)?\s*[:|]?\s+(?P<rest>.{1,80})$",
    re.IGNORECASE,
)
_DATE_WORD_LIST = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun at on am pm a.m p.m ago and "
    "hour hours minute minutes day days week weeks updated"
)
_DATE_WORDS = frozenset(_DATE_WORD_LIST.split())
_BYLINE = re.compile(
    r"^\W{0,3}[Bb]y (?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|al|bin)){1,4})"
    r"\s*(?:(?P<sep>[|,·•—–-])\s*(?P<rest>.{1,80}))?$"
)


def _is_published_line(line: str) -> bool:
    """"Published July 15, 2026, 6:42 p.m. CDT" — a date and nothing but date words."""
    match = _PUBLISHED_LINE.match(line)
    if match is None or not re.search(r"\d", match.group("rest")):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z.]*", match.group("rest"))
    return all(
        word.lower().rstrip(".") in _DATE_WORDS or (word.isupper() and len(word) <= 5) for word in words
    )


def parse_byline(line: str) -> tuple[str, str | None] | None:
    """Split a byline into (author, publication).

    "By Ana Ruiz | The Courier" gives both; "By Ana Ruiz, Health Editor" gives the author
    only, since what follows a comma is a role. A byline names a person in two to five words.
    """
    match = _BYLINE.match(line.strip().strip("*_"))
    if match is None:
        return None
    rest = match.group("rest")
    source = rest.strip().strip("*_ ") if rest and match.group("sep") in "|·•" else None
    return match.group("name"), source or None


def is_boilerplate_line(line: str) -> bool:
    """Whether one line of body text is boilerplate rather than story."""
    if not line or len(line) > _BOILERPLATE_MAX_LINE:
        return False
    if _is_published_line(line) or parse_byline(line):
        return True
    lowered = line.lower()
    if _has_copyright(line, lowered):
        return "©" in line or "(c)" in lowered or not _REPORTED_SPEECH.search(line)
    if _CREDIT_LINE.match(line):
        return _is_credit_line(line)
    if _BOILERPLATE_START.match(line) is None and not (
        any(hint in lowered for hint in _ANYWHERE_HINTS) and _BOILERPLATE_ANYWHERE.search(line)
    ):
        return False
    return not _REPORTED_SPEECH.search(line)


def _is_credit_line(line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’.-]*", line)
    return all(word[0].isupper() or word.lower() in _CREDIT_WORDS for word in words)


_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "rights reserved", "distribution", "republ", "reprinted",
                    "may not be")
"""Every `_COPYRIGHT` alternative holds one of these (lowercase): the search runs only then."""


def _has_copyright(line: str, lowered: str | None = None) -> bool:
    lowered = line.lower() if lowered is None else lowered
    return any(hint in lowered for hint in _COPYRIGHT_HINTS) and _COPYRIGHT.search(line) is not None


def find_boilerplate(body: str) -> tuple[Span, ...]:
    """Find the lines of `body` that are not the story: copyright, pleas, bylines, credits.

    A copyright line in the second half of the body also marks every line after it, because
    what follows a footer's copyright notice (taglines, legal text) is footer too.
    """
    spans: list[Span] = []
    footer_started = False
    half = len(body) // 2
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if line and (footer_started or is_boilerplate_line(line)):
            spans.append(Span(line, start, end))
            if not footer_started and start >= half and _has_copyright(line):
                footer_started = True
        start = end + 1
    return tuple(spans)
