"""Dates and times in the text: the article's reference time and the dated events ahead of it.

Every date expression is found in one pass of bounded patterns, then resolved against the
reference date: a year-less date takes the year that puts it where its tense puts it, a bare
weekday looks forward or back by the verbs around it, and relative phrases ("tomorrow",
"within 48 hours", "by the end of the month") count from the reference date.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from briefing.core.rx import at_word_start, class_at_word_start
from briefing.core.sentences import Sentence
from briefing.model import Event, Span

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = rf"(?P<weekday>{'|'.join(_WEEKDAY_NAMES)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_TIME = (r"(?P<time>(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
         r"|(?P<military>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|BST|CET|CEST|hours|hrs|local))"
         r"|(?P<word>noon|midday|midnight)"
         # The 24-hour clock: "at 10:00", "14:30 GMT", and "at 10.30" (a bare "10.30" may be a number).
         r"|(?<![\d:.])(?P<clock>(?:[01]?\d|2[0-3]):[0-5]\d|(?<=at )(?:[01]?\d|2[0-3])\.[0-5]\d)(?![\d:])(?!\.\d))"
         r"(?:\s+(?P<zone>GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|"
         r"Eastern|Central|Mountain|Pacific)\b)?(?:\s+local time)?")

_DATE_PATTERNS = re.compile(
    # Every branch starts a word with a digit, a capital or one of these words: the lookahead
    # lets the engine skip every other position without trying each branch, and each branch's
    # own lookahead (the characters it can start with) skips the branches that cannot match.
    # A capital opens a date only as a month, a weekday, "Tomorrow"-like words or a holiday, so
    # capitalised names are passed over by their first three letters.
    r"(?<![\w])(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Tom|Ton|Tod|Yes"
    r"|New|Chr|Box|Hal|Val)|the\s+(?:\d|following|end|weekend)|tomorrow|tonight|today|yesterday|next|this|last"
    r"|coming|end\b|within|after\b|in\s+(?:\d|an?\s|one|two|three|four|five|six|seven|ten|fourteen|thirty|the\s+next"
    r"|another)|have|has|given|get|gave|give|(?:on|by|until|before|from)\s+the\s+\d)(?:"
    + "|".join([
        rf"(?=[A-Z])(?P<mdy>(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?)",
        rf"(?=[A-Zt\d])(?P<dmy>(?:{_WEEKDAY.replace('weekday', 'weekday2')},?\s+)?(?:the\s+)?{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?"
        rf"{_MONTH.replace('month>', 'month2>')}(?:,?\s+{_YEAR.replace('year>', 'year2>')})?)",
        r"(?=[12])(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)",
        r"(?=\d)(?P<dotted>\b(?P<dd>[0-3]?\d)\.(?P<dm>[01]?\d)\.(?P<dy>(?:19|20)\d\d)\b)",
        rf"(?=\d)(?P<dayrange>\b(?:(?<=between )(?P<between>))?(?P<rd1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[–-]|to|(?(between)and|(?!)))\s*(?P<rd2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
        rf"{_MONTH.replace('month>', 'rmonth>')})",
        r"(?=[obufa])(?P<ordinal>\b(?:on|by|until|before|from|after) the (?P<od>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z]))",
        r"(?=[TtYy])(?P<rel>\b(?:[Tt]omorrow|[Tt]onight|[Tt]oday|[Yy]esterday)\b)",
        rf"(?=[A-Zntlc])(?P<wd>(?<!\ba )(?<!\bevery )(?<!\beach )(?<!\bany )\b(?P<wdprefix>(?:next|this|last|coming|the following)\s+)?{_WEEKDAY.replace('weekday', 'weekday3')}{_PART}\b"
        r"(?!s\b|\s+(?:mornings|afternoons|evenings|nights)\b)(?P<poss>[’']s)?)",
        r"(?=[nt])(?P<nextweek>\b(?:next|the following)\s+(?P<unit>week|month|year)\b(?![’']s))",
        r"(?=[te])(?P<endof>\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<endnext>next\s+)?(?P<endunit>week|month|year|"
        r"January|February|March|April|May|June|July|August|September|October|November|December)\b)",
        r"(?=[wia])(?P<within>\b(?P<wprep>within|in|after)\s+(?:the\s+next\s+|another\s+)?(?P<count>\d{1,3}|an?|one|two|three|four|five|six|seven|"
        r"ten|fourteen|thirty)\s+(?P<span>hours?|days?|weeks?|months?)\b)",
        r"(?=[tn])(?P<weekend>\b(?:this|next|the)\s+weekend\b)",
        r"(?=[NCBHV])(?P<holiday>New Year[’']s (?:Eve|Day)|Christmas (?:Eve|Day)|Boxing Day|Halloween|Valentine[’']s Day)\b",
        r"(?=[hg])(?P<have>\b(?:have|has|given|get|gets|gave|give|gives)\s+(?:it\s+|them\s+|him\s+|her\s+|us\s+)?"
        r"(?:just\s+|only\s+)?(?P<hcount>\d{1,3}|one|two|three|four|five|six|seven|ten|"
        r"fourteen|thirty)\s+(?P<hspan>hours?|days?|weeks?)\s+to\b)",
    ]) + ")"
)
_TIME_RE = re.compile(_TIME)
_HOLIDAYS = {"New Year's Eve": (12, 31), "New Year's Day": (1, 1), "Christmas Eve": (12, 24),
             "Christmas Day": (12, 25), "Boxing Day": (12, 26), "Halloween": (10, 31), "Valentine's Day": (2, 14)}
"""Holidays on a fixed day, read like a date without a year."""
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "ten": 10, "fourteen": 14, "thirty": 30}
_ZONES = {"GMT": 0, "UTC": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
          "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}
_US_ZONES = {"ET": -300, "Eastern": -300, "CT": -360, "Central": -360, "MT": -420, "Mountain": -420,
             "PT": -480, "Pacific": -480}

class _Cue(NamedTuple):
    """A tense cue found in a clause: where it is and its words (lowercase)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text


def _expand(alternatives: str) -> list[tuple[str, ...]]:
    """ "opens?|is due" -> [("open",), ("opens",), ("is", "due")]: the cue patterns as word tuples."""
    phrases: list[tuple[str, ...]] = []
    for alternative in alternatives.split("|"):
        forms: list[tuple[str, ...]] = [()]
        for word in alternative.split():
            options = [word[:-2], word[:-1]] if word.endswith("s?") else [word]
            forms = [form + (option,) for form in forms for option in options]
        phrases.extend(forms)
    return phrases


def _phrase_index(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


# Words that say a date lies ahead, and words that say it is the story's past. They are matched
# word by word (a phrase's words one space apart): scanning a clause's words against these is
# several times faster than trying long patterns at every letter.
_FUTURE_PHRASES = _phrase_index(_expand(
    "will|would|shall|is due|are due|due to|due|expected|set to|scheduled|planned|plans?|"
    "to be held|to begin|to start|to meet|opens?|closes?|begins?|starts?|ends?|expires?|until|by|before|"
    "payable|effective|valid until|kicks? off|deadline|must|could|may|might|no later than|no earlier than|"
    "from|next|upcoming|coming|tomorrow|is to|are to|going to|shuts?|hopes? to|aims? to|intends? to|intended to|planned to|hoped to|aimed to|promised to|pledged to|vowed to|"
    "wants? to|await|awaits|waiting|runs|run|goes|go ahead|takes? place|meet|meets|vote on|ready to|"
    "at the earliest"))
_PAST_PHRASES = _phrase_index(_expand(
    "said|says|told|announced|voted|approved|rejected|passed|began|started|issued|collapsed|"
    "was|were|had|has been|have been|did|met|held|took|left|closed|opened|unveiled|won|lost|"
    "signed|agreed|ended|launched|filed|found|ordered|hit|struck|broke|fell|rose|killed|died|"
    "arrived|returned|released|published|reported|last|ago|since|previous|yesterday|accused|denied|"
    "having|posted|tweeted|retired|resigned|fired|shelled|attacked|arrested|crashed|stormed|raided|"
    "seized|sacked|heard|saw|sent|gave|came|went|made|paid|spoke|wrote|brought|kept|led|ran|sat|sold|"
    "spent|stood|threw|sank|fled|caught|fought|bought|built|felt|sought|taught|thought|withdrew|forgot|"
    "drove|flew|grew|knew|rode|shook|swore|confirmed|discovered|detected|spotted|completed|finished|"
    "delayed|postponed|cancelled|canceled|charged|inspected|recorded|removed|rescued|evacuated|put it|"
    "learned|learnt|grew up|worked|lived|studied|trained|served"))
_NOT_INFINITIVE = frozenset("the a an his her their its our my be have date".split())
_CUE_WORD = re.compile(r"[A-Za-z]+(?:[’'][A-Za-z]+)?")


def _cue_words(window: str) -> list[tuple[int, int, str]]:
    """The words of a clause window as (start, end, lowercase word), read once for both cue lists."""
    return [(match.start(), match.end(), match.group().lower()) for match in _CUE_WORD.finditer(window)]


def _find_cues(words: list[tuple[int, int, str]], phrases: dict[str, list[tuple[str, ...]]],
               infinitives: bool) -> list[_Cue]:
    """The cues of `phrases` among a window's `words`, left to right and not overlapping; with
    `infinitives`, also "'ll" and "to <verb>" ("to reopen", not "to the")."""
    cues: list[_Cue] = []
    index = 0
    while index < len(words):
        begin, finish, word = words[index]
        if infinitives and (word.endswith("'ll") or word.endswith("’ll")):
            cues.append(_Cue(finish - 3, finish, word[-3:]))
            index += 1
            continue
        for phrase in phrases.get(word, ()):
            size = len(phrase)
            span = words[index:index + size]
            if tuple(w for _, _, w in span) == phrase and all(
                    span[k + 1][0] == span[k][1] + 1 for k in range(size - 1)):  # one space between words
                cues.append(_Cue(begin, words[index + size - 1][1], " ".join(phrase)))
                index += size
                break
        else:
            if infinitives and word == "to" and index + 1 < len(words) and words[index + 1][0] == finish + 1:
                following = words[index + 1][2]
                previous = words[index - 1][2] if index else ""
                if (previous not in ("according", "next") and following not in _NOT_INFINITIVE
                        and len(following) >= 3 and (following.endswith("ss") or not following.endswith("s"))):
                    cues.append(_Cue(begin, words[index + 1][1], f"to {following}"))
                    index += 2
                    continue
            index += 1
    return cues


# Prepositions and bare verbs that point ahead only when no past-tense verb governs them:
# "had burned 18,400 acres by 6 a.m. Tuesday" is past.
_WEAK_FUTURE = frozenset({"by", "until", "before", "from", "next", "coming", "runs", "run", "goes", "meet", "meets",
                          "opens", "open", "closes", "close", "begins", "begin", "starts", "start", "ends", "end"})
_STRONG_PAST = frozenset({"said", "says", "told", "had", "was", "were", "did", "ago", "last", "having",
                          "posted", "died",
                          "since", "yesterday", "previous", "announced", "voted", "began", "started", "issued"})
_PRESENT_FOR_FUTURE = frozenset({"meets", "meet", "opens", "open", "closes", "close", "begins", "begin", "starts",
                                 "start", "ends", "end", "runs", "run", "goes", "shuts"})
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)(?:\s+been)?\s+$", re.IGNORECASE)
_SIMPLE_PAST = frozenset({"said", "told", "had", "was", "were", "did", "announced", "voted", "began", "started",
                          "issued"})
# "is published on 19 November", like "will be published", is not the past.
_MODAL_BEFORE = re.compile(
    r"\b(?:to|be|is|are|will|would|could|should|must|may|might|shall|stay|stays|remain|remains)\s+$", re.IGNORECASE)
_DEADLINE_CUES = re.compile(
    r"\b(?:by|until|deadline|before|no later than|must|expires?|closes?|shuts?|ends?|due|"
    r"ultimatum|cut-off|cutoff|last day)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    day: dt.date
    until: dt.date | None = None
    time: dt.time | None = None
    zone_minutes: int | None = None
    kind: str = "scheduled"


@dataclass(frozen=True, slots=True)
class Reference:
    """When the article was written, and how that was found."""

    time: dt.date | dt.datetime | None
    basis: str | None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    source: tuple[int, int] | None = None
    """Where in the body the date came from (a dateline, a date line): never an event itself."""

    @property
    def day(self) -> dt.date | None:
        if isinstance(self.time, dt.datetime):
            return self.time.date()
        return self.time


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_iso(text: str) -> dt.date | dt.datetime | None:
    """An ISO date or date-time from metadata; a date-time keeps its offset."""
    text = text.strip()
    try:
        if len(text) > 10 and ("T" in text or " " in text[10:11]):
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


_PUBLISHED = re.compile(
    rf"^(?:Published|Updated|Posted|First published)(?:\s+on)?:?\s+(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    re.MULTILINE)
_PUBLISHED_DMY = re.compile(
    rf"^(?:Published|Updated|Posted|First published)(?:\s+on)?:?\s+(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    re.MULTILINE)
_DATELINE = re.compile(
    rf"^[A-ZÀ-Þ][A-ZÀ-Þ .'’/\-]{{1,60}}(?:,\s+[A-Z][A-Za-z.]{{1,15}})*,\s+(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+{_MONTH.replace('month>', 'month2>')}|"
    rf"(?P<numday>[0-3]?\d)\.(?P<nummonth>[01]?\d)\.(?P<numyear>(?:19|20)\d\d))(?:,?\s+{_YEAR})?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[—–-]", re.MULTILINE)
_ANCHOR = re.compile(
    rf"\b(?P<rel>[Tt]omorrow|[Tt]oday|[Yy]esterday|[Tt]onight),?\s+(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+{_MONTH.replace('month>', 'month2>')})\b")
_WEEKDAY_DATE = re.compile(
    rf"(?P<weekday>{at_word_start(_WEEKDAY_NAMES)}),?\s+(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{_MONTH.replace('month>', 'month2>')})\b")
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_YEAR_MENTION = re.compile(rf"({class_at_word_start('12')}(?:(?<=1)9[5-9]|(?<=2)0\d)\d)\b")
"""A year from 1950 to 2099 standing alone (opening with its first digit: see core/rx.py)."""


def scan_dates(body: str) -> list[re.Match[str]]:
    """Every date-shaped expression in the body, in order: read once, shared by the reference
    and the events."""
    return list(_DATE_PATTERNS.finditer(body))


def find_reference(body: str, published: str | None, published_basis: str | None,
                   now: dt.datetime, found: list[re.Match[str]] | None = None) -> Reference:
    """The article's reference time, in order of trust: metadata, a published line, a dateline,
    relative anchors ("tomorrow, May 12th"), each with the year from the text when it lacks one."""
    if published:
        value = parse_iso(published)
        if value is not None:
            return Reference(value, published_basis or "metadata date")
    head = body[:2000]
    for pattern in (_PUBLISHED, _PUBLISHED_DMY):
        match = pattern.search(head)
        if match:
            day = _safe_date(int(match.group("year")), _month(match.group("month")), int(match.group("day")))
            if day:
                return Reference(day, f"published line: '{match.group().strip()}'", source=match.span())
    match = _DATELINE.search(head)
    if match and match.group("numday"):
        day = _safe_date(int(match.group("numyear")), int(match.group("nummonth")), int(match.group("numday")))
        if day:
            return Reference(day, f"dateline: '{match.group().rstrip(' —–-')}'", source=match.span())
    elif match:
        month = _month(match.group("month") or match.group("month2"))
        day_number = int(match.group("day") or match.group("day2"))
        if match.group("year"):
            day = _safe_date(int(match.group("year")), month, day_number)
            if day:
                return Reference(day, f"dateline: '{match.group().rstrip(' —–-')}'", source=match.span())
        else:
            year, how = _infer_year(body, month, day_number, now, match.group("weekday"), found=found,
                                    lede_weekday=_lede_weekday(body, match.end()))
            day = _safe_date(year, month, day_number)
            if day:
                return Reference(day, f"dateline '{match.group().rstrip(' —–-')}', year from {how}",
                                 source=match.span())
    line_start = 0
    for raw_line in head.split("\n")[:12]:
        # A short line near the top carrying a full date: a byline or a page's date stamp.
        line_span = (line_start, line_start + len(raw_line))
        line_start += len(raw_line) + 1
        line = raw_line.strip()
        # A sentence is not a date line; a stamp ending "4:15 p.m." is.
        if not line or len(line) > 90 or _CLOCK_END.sub("", line).endswith((".", "!", "?", "”", '"')):
            continue
        for stamp in _DATE_PATTERNS.finditer(line):
            stamp_year = stamp.group("year") or stamp.group("year2") or stamp.group("iy")
            if not stamp_year:
                continue
            if stamp.group("iso"):
                day = _safe_date(int(stamp.group("iy")), int(stamp.group("im")), int(stamp.group("id")))
            else:
                suffix = "" if stamp.group("mdy") else "2"
                day = _safe_date(int(stamp_year), _month(stamp.group("month" + suffix)), int(stamp.group("day" + suffix)))
            if day:
                return Reference(day, f"date line: '{line}'", source=line_span)
    for match in _ANCHOR.finditer(body):
        month = _month(match.group("month") or match.group("month2"))
        day_number = int(match.group("day") or match.group("day2"))
        offset = {"tomorrow": -1, "yesterday": 1}.get(match.group("rel").lower(), 0)
        year, how = _infer_year(body, month, day_number, now, match.group("weekday"), offset, found=found)
        day = _safe_date(year, month, day_number)
        if day:
            return Reference(day + dt.timedelta(days=offset),
                             f"'{match.group()}' in the text, year from {how}")
    return Reference(None, None, ("no publication date found: relative dates are not resolved",))


def _lede_weekday(body: str, start: int) -> int | None:
    """The weekday a wire lede reports on ("X agreed on Wednesday", "organizers said Tuesday"),
    in the sentence after the dateline: the dateline's day, or the day before for a story
    filed overnight. A weekday ahead ("will meet Thursday") is not read."""
    end = body.find("\n", start)
    sentence_end = body.find(". ", start, end if end >= 0 else len(body))
    stop = sentence_end if sentence_end >= 0 else (end if end >= 0 else len(body))
    match = _REPORTED_ON.search(body, start, stop)
    return WEEKDAYS[match.group(1).lower()] if match else None


_REPORTED_ON = re.compile(
    r"\b(?:said|announced|agreed|confirmed|decided|voted|approved|reported|told (?:\w+ )?\w+)\s+(?:on\s+)?"
    rf"({'|'.join(_WEEKDAY_NAMES)})\b")


def _infer_year(body: str, month: int, day_number: int, now: dt.datetime, weekday: str | None,
                offset: int = 0, found: list[re.Match[str]] | None = None,
                lede_weekday: int | None = None) -> tuple[int, str]:
    """The year in which the text's weekday-and-date pairs hold and its years agree, else the
    latest year that keeps the date at or before the clock."""
    years = [int(y) for y in _YEAR_MENTION.findall(body)]
    low = max(min(years), now.year - 30) if years else now.year - 10
    latest_mentioned = max((y for y in years if y <= now.year + 1), default=None)
    # Read the text once; each candidate year is then scored on these lists alone.
    pairs = [(_month(p.group("month") or p.group("month2")), int(p.group("day") or p.group("day2")),
              WEEKDAYS[p.group("weekday").lower()]) for p in _WEEKDAY_DATE.finditer(body)]
    named: set[tuple[int, int]] = set()
    for match in (found if found is not None else _DATE_PATTERNS.finditer(body)):
        if match.group("mdy"):
            named.add((_month(match.group("month")), int(match.group("day"))))
        elif match.group("dmy"):
            named.add((_month(match.group("month2")), int(match.group("day2"))))
    bare_weekdays = [WEEKDAYS[m.group(1).lower()] for m in _BARE_WEEKDAY.finditer(body)]
    best: tuple[float, int] | None = None
    for year in range(low, now.year + 2):
        anchor = _safe_date(year, month, day_number)
        if anchor is None:
            continue
        reference = anchor + dt.timedelta(days=offset)
        score = 0.0
        if weekday and anchor.weekday() == WEEKDAYS[weekday.lower()]:
            score += 3
        for pair_month, pair_day, pair_weekday in pairs:
            pair_date = _safe_date(year, pair_month, pair_day)
            if pair_date and pair_date.weekday() == pair_weekday:
                score += 2
        score += _weekday_fit(bare_weekdays, named, reference)
        if lede_weekday is not None:
            score += 1.5 if lede_weekday == anchor.weekday() else 0.5 if lede_weekday == (anchor.weekday() - 1) % 7 else 0
        if latest_mentioned is not None and year < latest_mentioned - 1:
            score -= 1
        if reference > now.date():
            score -= 0.5
        score -= abs(now.year - year) * 0.01
        # Articles are read while they are news: each year further back than last year costs.
        score -= max(0, now.year - 1 - year) * 0.3
        if best is None or score > best[0]:
            best = (score, year)
    assert best is not None
    how = "weekday fit" if best[0] >= 1 else "the clock"
    return best[1], how


_BARE_WEEKDAY = re.compile(rf"({at_word_start(_WEEKDAY_NAMES)})\b")


def _weekday_fit(bare_weekdays: list[int], named: set[tuple[int, int]], reference: dt.date) -> float:
    """Points for bare weekdays that land, counted from `reference`, on a date the text names."""
    score = 0.0
    for target in bare_weekdays:
        ahead = reference + dt.timedelta(days=(target - reference.weekday()) % 7 or 7)
        if (ahead.month, ahead.day) in named:
            score += 1
    return min(score, 2.0)


# -- events -------------------------------------------------------------------------------------

def _clause(body: str, start: int, end: int, sentence: Sentence | None) -> tuple[str, str]:
    """The text of the sentence before and after a mention (bounded)."""
    left = sentence.start if sentence else max(0, start - 200)
    right = sentence.end if sentence else min(len(body), end + 200)
    return body[max(left, start - 160):start], body[end:min(right, end + 160)]


_PUNCTUATION = r",\s|[;—–]|(?<!\d):(?!\d)"
"""What bounds a clause in any case: a comma, a semicolon, a dash, a colon that is not a clock's."""
_CLAUSE_BEFORE = re.compile(rf"{_PUNCTUATION}|\band\b|\bbut\b|\bwhen\b|\bafter\b|\bwhile\b")
_PREPOSITIONS_AHEAD = frozenset({"by", "until", "before", "from"})
_PUNCTUATION_BEFORE = re.compile(_PUNCTUATION)
_CLAUSE_AFTER = re.compile(rf"{_PUNCTUATION}|\.\s|\.$|\band\b|\bbut\b")
# First look: a subordinate clause after the date tells what came before it, not the date's
# tense ("moved Sunday's course after engineers found a crack").
_MAIN_CLAUSE_AFTER = re.compile(rf"{_CLAUSE_AFTER.pattern}|\b(?:after|when|while|because|although)\b")


def _needs_tense(match: re.Match[str]) -> bool:
    """Whether resolving this date needs its tense: weekdays, day ranges, "within N days" and
    dates with neither a year nor a weekday to place them."""
    return bool(match.group("wd") or match.group("dayrange") or match.group("within") or match.group("holiday") or (
        (match.group("mdy") and not match.group("year")) or (match.group("dmy") and not match.group("year2"))))


def _named_subject_verbs(window: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Lowercase words in -ed right after a capitalised word ("Trust debated"): verbs in the
    simple past whose subject is a name."""
    found = []
    for (previous_start, _, previous), (start, end, word) in zip(words, words[1:]):
        if (word.endswith("ed") and len(word) > 4 and window[start].islower() and word not in _FUTURE_PHRASES
                and window[previous_start].isupper() and previous not in _NOT_SUBJECTS):
            found.append((start, end, word))
    return found


_NOT_SUBJECTS = frozenset({"the", "a", "an", "on", "in", "at", "by", "from", "until", "before", "after"})


def _clause_tense(before: str, after: str) -> str:
    """The tense of a mention's clause; when its nearest words say nothing, the whole sentence's
    ("Speaking to troops on Saturday, she had warned": the main clause decides)."""
    tense = _tense(before, after, main_clause=True)
    if tense == "unknown":
        tense = _tense(before.replace(",", " "), after.replace(",", " "), main_clause=True)
    if tense == "unknown":
        # "was discovered during an underwater and structural inspection on Tuesday": the verb
        # sits before an "and" that joins nouns, not clauses; punctuation still bounds it.
        tense = _tense(before, after, split=False, main_clause=True)
    return tense


def _tense(before: str, after: str, split: bool = True, main_clause: bool = False) -> str:
    """'future', 'past' or 'unknown' from the verbs nearest to a mention in its clause (in its
    sentence, without `split`; with `main_clause`, not reading into a subordinate clause after it)."""
    near_before = (_CLAUSE_BEFORE if split else _PUNCTUATION_BEFORE).split(before)[-1]
    near_after = (_MAIN_CLAUSE_AFTER if main_clause else _CLAUSE_AFTER).split(after, maxsplit=1)[0]
    window = near_before[-90:] + " " + near_after[:60]
    anchor = len(near_before[-90:])
    words = _cue_words(window)
    past = [m.start() for m in _find_cues(words, _PAST_PHRASES, infinitives=False)
            if not _MODAL_BEFORE.search(window, max(0, m.start() - 12), m.start())]
    # A verb in -ed right after a name is the simple past of a verb no list holds ("The Schools
    # Trust debated funding on Tuesday"); "have moved" and "the delayed vote" are not.
    past += [start for start, end, word in _named_subject_verbs(window, words)]
    # Not future cues: an infinitive after the date, its purpose ("voted on Monday to hold a
    # ballot"); an infinitive right after a past verb, that verb's ("learned to cook"); a
    # preposition that does not govern the date ("confirmed by a second team Wednesday", unlike
    # "by Friday" or "until 5 p.m. on Friday").
    future = [m for m in _find_cues(words, _FUTURE_PHRASES, infinitives=True)
              if not (m.group().startswith("to ") and (m.start() >= anchor or any(
                  0 < m.start() - p <= 16 and window[p:m.start()].count(" ") == 1 for p in past)))
              and not (m.group() in _PREPOSITIONS_AHEAD and not 0 <= anchor - m.end() <= 14)]
    # Present perfect ("has been issued") reports news that may point ahead, so it is never strong.
    strong_past = [p for p in past if window[p:p + 12].split()[0].lower().strip(".,") in _STRONG_PAST
                   and not _PERFECT_BEFORE.search(window, max(0, p - 14), p)]
    simple_past = [p for p in strong_past if window[p:p + 12].split()[0].lower() in _SIMPLE_PAST
                   and not re.search(r"\b(?:has|have|had)\s+$", window[max(0, p - 6):p])]

    def is_weak(cue: _Cue) -> bool:
        # "were ordered to leave their homes on Tuesday": an infinitive under a simple-past verb
        # tells the story's past; under "has told" or "will" it points ahead.
        if cue.group().lower().startswith("to "):
            return any(p < cue.start() for p in simple_past)
        if cue.group().lower() in _PRESENT_FOR_FUTURE and 0 <= anchor - cue.end() <= 4:
            return False  # "before the council meets on 2 June": the present tense points ahead
        return cue.group().lower() in _WEAK_FUTURE

    strong = [m.start() for m in future if not is_weak(m)]
    weak = [m.start() for m in future if is_weak(m)]
    if strong and past:
        # The cue closest to the date wins: "said it would publish ... tomorrow".
        nearest_future = min(strong, key=lambda p: abs(anchor - p))
        nearest_past = min(past, key=lambda p: abs(anchor - p))
        return "future" if abs(anchor - nearest_future) <= abs(anchor - nearest_past) else "past"
    if strong:
        return "future"
    if strong_past:
        return "past"
    if weak and past:
        # "fees can be submitted until May 1" beats the adjective in "lost fees".
        return "future" if min(abs(anchor - p) for p in weak) < min(abs(anchor - p) for p in past) else "past"
    if past:
        return "past"
    if weak:
        return "future"
    return "unknown"


def _time_near(body: str, start: int, end: int, sentence: Sentence | None) -> tuple[dt.time | None, int | None, int, int]:
    """A time of day written next to a date ("5 p.m. on Friday", "Thursday at 7 p.m. ET")."""
    left = max(sentence.start if sentence else 0, start - 40)
    right = min(sentence.end if sentence else len(body), end + 40)
    best = None
    for match in _TIME_RE.finditer(body, left, right):
        between = body[match.end():start] if match.end() <= start else body[end:match.start()]
        if match.start() < end and match.end() > start:
            continue
        if len(between) > 25 or re.search(r"[.;—–]|\band\b", between):  # a dash sets off another clock
            continue
        distance = abs(match.start() - end) if match.start() >= end else abs(start - match.end())
        if best is None or distance < best[0]:
            best = (distance, match)
    if best is None:
        return None, None, start, end
    match = best[1]
    if match.group("word"):
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}[match.group("word")]
    elif match.group("military"):
        hour, minute = int(match.group("military")[:2]), int(match.group("military")[2:])
    elif match.group("clock"):
        hour, minute = (int(part) for part in match.group("clock").replace(".", ":").split(":"))
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        ampm = match.group("ampm").lower().replace(".", "")
        if hour > 12:
            return None, None, start, end
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    zone = match.group("zone")
    zone_minutes = _ZONES.get(zone) if zone in _ZONES else _US_ZONES.get(zone) if zone else None
    return dt.time(hour, minute or 0), zone_minutes if zone else None, min(start, match.start()), max(end, match.end())


def _us_dst(day: dt.date) -> bool:
    """US daylight saving: second Sunday in March to first Sunday in November."""
    march = dt.date(day.year, 3, 8 + (6 - dt.date(day.year, 3, 8).weekday()) % 7)
    november = dt.date(day.year, 11, 1 + (6 - dt.date(day.year, 11, 1).weekday()) % 7)
    return march <= day < november


def _year_for(month: int, day_number: int, reference: dt.date, tense: str) -> dt.date | None:
    """A year-less date placed where its tense puts it relative to the reference date."""
    options = [d for d in (_safe_date(reference.year + k, month, day_number) for k in (-1, 0, 1)) if d]
    if not options:
        return None
    if tense == "future":
        ahead = [d for d in options if d >= reference]
        return min(ahead) if ahead else None
    if tense == "past":
        behind = [d for d in options if d <= reference]
        return max(behind) if behind else None
    return min(options, key=lambda d: (abs((d - reference).days), d < reference))


def _resolve(match: re.Match[str], body: str, reference: dt.date | None, tense: str) -> _Mention | None:
    start, end = match.start(), match.end()
    if match.group("iso"):
        day = _safe_date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        return _Mention(start, end, day) if day else None
    if match.group("dotted"):
        day = _safe_date(int(match.group("dy")), int(match.group("dm")), int(match.group("dd")))
        return _Mention(start, end, day) if day else None
    if match.group("dayrange"):
        if reference is None:
            return None
        month = _month(match.group("rmonth"))
        first = _year_for(month, int(match.group("rd1")), reference, tense)
        last = _safe_date(first.year, month, int(match.group("rd2"))) if first else None
        if first is None or last is None or last < first:
            return None
        return _Mention(start, end, first, last, kind="window")
    if match.group("ordinal"):
        if reference is None:
            return None
        number = int(match.group("od"))
        month_start = reference.replace(day=1)
        for months_ahead in (0, 1):
            first = (month_start + dt.timedelta(days=32 * months_ahead)).replace(day=1)
            day = _safe_date(first.year, first.month, number)
            if day and day >= reference:
                return _Mention(start + match.group().find("the"), end, day)
        return None
    if match.group("mdy") or match.group("dmy"):
        suffix = "" if match.group("mdy") else "2"
        month = _month(match.group("month" + suffix))
        day_number = int(match.group("day" + suffix))
        year = match.group("year" + suffix)
        if year:
            day = _safe_date(int(year), month, day_number)
        elif reference is None:
            return None
        else:
            weekday = match.group("weekday" + suffix)
            day = _year_for(month, day_number, reference, tense)
            if weekday and day is not None:
                # "Friday, Dec. 4": the weekday picks the year when the tense could not.
                for candidate in (_safe_date(reference.year + k, month, day_number) for k in (0, 1, -1)):
                    if candidate and candidate.weekday() == WEEKDAYS[weekday.lower()] and abs((candidate - reference).days) < 300:
                        day = candidate
                        break
        return _Mention(start, end, day) if day else None
    if match.group("holiday"):
        month, day_number = _HOLIDAYS[match.group("holiday").replace("’", "'")]
        day = _year_for(month, day_number, reference, tense) if reference is not None else None
        return _Mention(start, end, day) if day else None
    if reference is None:
        return None
    if match.group("rel"):
        word = match.group("rel").lower()
        offset = {"tomorrow": 1, "yesterday": -1}.get(word, 0)
        return _Mention(start, end, reference + dt.timedelta(days=offset))
    if match.group("wd"):
        target = WEEKDAYS[match.group("weekday3").lower()]
        prefix = (match.group("wdprefix") or "").strip().lower()
        delta = (target - reference.weekday()) % 7
        if prefix == "next":
            # "next Monday" is the coming Monday, as most newsrooms write it, except when that is
            # today or tomorrow: nobody calls tomorrow "next Thursday", so it is a week later.
            # "Monday" alone on a Monday means today.
            delta = delta + 7 if delta <= 1 else delta
        elif prefix == "last" or tense == "past":
            delta = -((reference.weekday() - target) % 7)
        return _Mention(start, end, reference + dt.timedelta(days=delta))
    if match.group("nextweek"):
        unit = match.group("unit")
        if unit == "week":
            monday = reference + dt.timedelta(days=7 - reference.weekday())
            return _Mention(start, end, monday, monday + dt.timedelta(days=6), kind="window")
        if unit == "month":
            first = (reference.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            return _Mention(start, end, first, _last_day(first.year, first.month), kind="window")
        return None
    if match.group("endof"):
        unit = match.group("endunit").lower()
        ahead = 1 if match.group("endnext") else 0
        if unit == "week":
            day = reference + dt.timedelta(days=6 - reference.weekday() + 7 * ahead)
        elif unit == "month":
            first = (reference.replace(day=1) + dt.timedelta(days=32 * ahead)).replace(day=1)
            day = _last_day(first.year, first.month)
        elif unit == "year":
            day = dt.date(reference.year + ahead, 12, 31)
        else:
            month = MONTHS[unit]
            year = reference.year if month >= reference.month else reference.year + 1
            day = _last_day(year, month)
        return _Mention(start, end, day, kind="deadline")
    if match.group("have"):
        count_text = match.group("hcount").lower()
        count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text, 1)
        days = {"hour": count / 24, "day": count, "week": count * 7}[match.group("hspan").rstrip("s")]
        return _Mention(start, end, reference + dt.timedelta(days=max(1, int(days))), kind="deadline")
    if match.group("within"):
        if tense != "future":
            return None  # "sold out within a day" counts from the story, not from today
        if match.group("wprep") == "in" and not _STRONG_AHEAD.search(body, max(0, start - 80), start):
            return None  # "sold its print run in a month": "in N days" needs a "will" to point ahead
        if _RULE_BEFORE.search(body, max(0, start - 120), start):
            return None  # "recommends that every home be visited within 30 days": a rule, not a date
        count_text = match.group("count").lower()
        count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text, 1)
        unit = match.group("span").rstrip("s")
        days = {"hour": count / 24, "day": count, "week": count * 7, "month": count * 30}[unit]
        if match.group("wprep") == "after" or days < 1:
            return None
        return _Mention(start, end, reference + dt.timedelta(days=int(days)),
                        kind="deadline" if match.group("wprep") == "within" else "scheduled")
    if match.group("weekend"):
        saturday = reference + dt.timedelta(days=(5 - reference.weekday()) % 7)
        if "next" in match.group("weekend").lower() and saturday - reference < dt.timedelta(days=7):
            saturday += dt.timedelta(days=7)
        return _Mention(start, end, saturday, saturday + dt.timedelta(days=1), kind="window")
    return None


_STRONG_AHEAD = re.compile(r"\b(?:will|would|shall|'ll|’ll|is due|are due|expected|set to|plans? to|going to|"
                           r"scheduled|to be|must)\b", re.IGNORECASE)
_RULE_BEFORE = re.compile(r"\b(?:recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|should)\b"
                          r"[^.;]*$", re.IGNORECASE)
_RANGE_JOIN = re.compile(
    r"^\s*(?:to|through|until|till|-|–|and)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)\s+(?:on\s+)?)?$")


class _Found(NamedTuple):
    """A date found in the text, waiting for the mentions after it (a range, the same date
    written twice) before it becomes an event."""

    mention: _Mention
    sentence: Sentence | None
    tense: str | None
    """Read when resolving the date needed it; else read later, only if the date lies ahead."""
    clause: tuple[str, str]
    relative: bool
    """Counted from the story ("within 48 hours", "next week"): its tense never drops it."""
    weekday_alone: bool
    """A weekday with no date ("next Friday"), which a written date right after may correct."""


def find_events(body: str, sentences: list[Sentence], reference: Reference,
                skip: Iterable[Span] = (), found: list[re.Match[str]] | None = None) -> tuple[Event, ...]:
    """Every dated event at or after the reference date, one per event with all its mentions."""
    ref_day = reference.day
    skipped = sorted([(span.start, span.end) for span in skip] + ([reference.source] if reference.source else []))
    sentence_index = 0
    mentions: list[_Found] = []
    skip_index = 0
    for match in (found if found is not None else _DATE_PATTERNS.finditer(body)):
        while skip_index < len(skipped) and skipped[skip_index][1] <= match.start():
            skip_index += 1
        if skip_index < len(skipped) and skipped[skip_index][0] <= match.start():
            continue
        while sentence_index < len(sentences) and sentences[sentence_index].end <= match.start():
            sentence_index += 1
        sentence = sentences[sentence_index] if sentence_index < len(sentences) else None
        if sentence is not None and sentence.start > match.start():
            sentence = None
        clause = _clause(body, match.start(), match.end(), sentence)
        # Tense places year-less dates and weekdays; for the rest it only decides whether a
        # date ahead is certain, so it waits until the date is known to be ahead.
        tense = _clause_tense(*clause) if _needs_tense(match) else None
        mention = _resolve(match, body, ref_day, tense or "unknown")
        if mention is None:
            continue
        if match.group("wdprefix") and "following" in match.group("wdprefix") and mentions:
            # "the trial resumes on Thursday 8 October ... closing speeches the following Monday"
            anchor_day = mentions[-1].mention.day
            target = WEEKDAYS[match.group("weekday3").lower()]
            mention.day = anchor_day + dt.timedelta(days=(target - anchor_day.weekday()) % 7 or 7)
        # One date written two ways side by side: "tomorrow, May 12th", "Friday, March 13".
        if mentions and mentions[-1].mention.day == mention.day and re.fullmatch(
                r",?\s*", body[mentions[-1].mention.end:mention.start]):
            mentions[-1].mention.end = mention.end
            continue
        # "next Friday, 13 November": the written date says which Friday.
        if (mentions and mentions[-1].weekday_alone and (match.group("mdy") or match.group("dmy"))
                and mentions[-1].mention.day != mention.day and mentions[-1].mention.day.weekday() == mention.day.weekday()
                and re.fullmatch(r",?\s*", body[mentions[-1].mention.end:mention.start])):
            mention.start = mentions[-1].mention.start
            mentions.pop()
        # A range: "from June 3 to June 5", "Thursday through the weekend".
        if mentions and mentions[-1].mention.end <= mention.start and _RANGE_JOIN.match(body[mentions[-1].mention.end:mention.start]):
            first = mentions[-1].mention
            if mention.day >= first.day and (mention.day - first.day).days < 120:
                first.until = mention.until or mention.day
                first.end = mention.end
                first.kind = "window"
                continue
        relative = bool(match.group("nextweek") or match.group("within") or match.group("endof"))
        mentions.append(_Found(mention, sentence, tense, clause, relative, bool(match.group("wd"))))
    events: list[Event] = []
    for mention, sentence, known_tense, clause, relative, _ in mentions:
        if ref_day is not None and (mention.until or mention.day) < ref_day:
            continue
        tense = known_tense or _clause_tense(*clause)
        if tense == "past" and not relative:
            continue  # a date ahead told in the past tense is not a certain event
        if ref_day is not None and mention.day == ref_day and tense != "future" and mention.until is None:
            continue
        time, zone, start, end = _time_near(body, mention.start, mention.end, sentence)
        before, after = _clause(body, mention.start, mention.end, sentence)
        if mention.kind == "scheduled" and _DEADLINE_CUES.search(before[-40:]):
            mention.kind = "deadline"
        when: dt.date | dt.datetime = mention.day
        if time is not None:
            if body[start:end].lower().find("midnight") >= 0 and time == dt.time(0, 0):
                when = dt.datetime.combine(mention.day + dt.timedelta(days=1), time)
            else:
                when = dt.datetime.combine(mention.day, time)
            if zone is not None:
                text_zone = _TIME_RE.search(body, start, end)
                name = text_zone.group("zone") if text_zone else None
                if name in _US_ZONES and _us_dst(mention.day):
                    zone += 60
                when = when.replace(tzinfo=dt.timezone(dt.timedelta(minutes=zone)))
            elif isinstance(reference.time, dt.datetime) and reference.time.tzinfo is not None:
                when = when.replace(tzinfo=reference.time.tzinfo)
        label = event_label(body, sentence, mention.start, mention.end)
        span = Span(body[start:end], start, end)
        events.append(Event(when=when, label=label, kind=mention.kind, text=span.text, start=start, end=end,
                            mentions=(span,), until=mention.until))
    return _merge(events)


def _day_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per day: later mentions join the first; a named label beats a fallback phrase,
    a time of day refines a bare date, and a deadline stays a deadline."""
    firsts: list[Event] = []
    mentions: list[list[Span]] = []
    index_of: dict[tuple[dt.date, object], int] = {}
    for event in events:
        key = (_day_of(event.when), event.until)
        index = index_of.get(key)
        if index is None:
            index_of[key] = len(firsts)
            firsts.append(event)
            mentions.append(list(event.mentions))
            continue
        other = firsts[index]
        when = other.when if isinstance(other.when, dt.datetime) or not isinstance(event.when, dt.datetime) else event.when
        label = other.label if is_named_label(other.label) or not is_named_label(event.label) else event.label
        kind = "deadline" if "deadline" in (other.kind, event.kind) else other.kind
        firsts[index] = dataclasses.replace(other, when=when, label=label, kind=kind)
        mentions[index].extend(event.mentions)
    merged = [dataclasses.replace(event, mentions=tuple(spans)) for event, spans in zip(firsts, mentions)]
    return tuple(sorted(merged, key=lambda e: (_day_of(e.when), e.start)))


# -- labels ---------------------------------------------------------------------------------------

_LABEL_NOUNS: tuple[tuple[str, str], ...] = (
    (r"cease-?fire|truce|armistice", "Ceasefire"),
    (r"prisoner (?:exchange|swap)|exchange of prisoners|prisoners", "Prisoner exchange"),
    (r"summit", "Summit"),
    (r"peace talks|talks|negotiations", "Talks"),
    (r"walk(?:s|ing)? out|walkouts?|strikes?|industrial action", "Strike"),
    (r"early voting", "Early voting"),
    (r"election day|elections?|polls open", "Election"),
    (r"deal|agreement", "Deal"),
    (r"ballot|referendum", "Ballot"),
    (r"votes?|voting", "Vote"),
    (r"debates?", "Debate"),
    (r"hearings?", "Hearing"),
    (r"trial", "Trial"),
    (r"verdict|ruling|sentencing|judgment", "Ruling"),
    (r"launch window", "Launch window"),
    (r"launch(?:es)?|lift-?off", "Launch"),
    (r"pre-?orders?", "Pre-orders"),
    (r"previews?", "Previews"),
    (r"opening night|premiere", "Opening night"),
    (r"tickets?|goes on sale|go on sale|on sale", "Tickets on sale"),
    (r"ships?|shipping|release", "Release"),
    (r"signing|sign", "Signing"),
    (r"special session|sessions?", "Session"),
    (r"press conference|news conference|briefing", "Press conference"),
    (r"meeting|meet|meets", "Meeting"),
    (r"festival", "Festival"),
    (r"exhibition|on display|on public display", "Exhibition"),
    (r"reopens?|reopening|reopen", "Reopening"),
    (r"closure|shut", "Closure"),
    (r"repairs?|roadworks|works", "Works"),
    (r"applications?|closing date", "Applications"),
    (r"consultation|public comment", "Consultation"),
    (r"registration|register", "Registration"),
    (r"refunds?|compensation", "Refunds"),
    (r"report", "Report"),
    (r"comments", "Comments due"),
    (r"ratifications?", "Ratification"),
    (r"filing|file|submit|submissions?", "Filing"),
    (r"window", "Window"),
    (r"deadline", "Deadline"),
    (r"claims?", "Claims"),
    (r"opportunity", "Next opportunity"),
    (r"fiscal year|financial year", "Fiscal year ends"),
    (r"offer", "Offer"),
    (r"kick-?off|fixture|derby|cup final", "Match"),
    (r"evacuation|containment", "Fire update"),
    (r"warnings?|alerts?", "Warning"),
)
_KNOWN_LABELS = frozenset(
    f"{label}{suffix}" for _, label in _LABEL_NOUNS for suffix in ("", " begins", " closes", " opens", " deadline"))
def _spellings(pattern: str) -> list[str]:
    """Every text a label pattern matches: "walk(?:s|ing)? out" -> walk out, walks out, walking out.
    Only the forms `_LABEL_NOUNS` uses: alternatives, `(?:a|b)?` groups and an optional letter."""
    results = [""]
    index = 0
    while index < len(pattern):
        if pattern.startswith("(?:", index):
            close = pattern.index(")", index)
            options = pattern[index + 3:close].split("|")
            index = close + 1
        else:
            options = [pattern[index]]
            index += 1
        if index < len(pattern) and pattern[index] == "?":
            options = [*options, ""]
            index += 1
        results = [result + option for result in results for option in options]
    return results


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level `|` (not inside a group)."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _label_phrases() -> dict[tuple[str, ...], int]:
    phrases: dict[tuple[str, ...], int] = {}
    for number, (pattern, _) in enumerate(_LABEL_NOUNS):
        for alternative in _alternatives(pattern):
            for spelling in _spellings(alternative):
                phrases.setdefault(tuple(spelling.split()), number)
    return phrases


_LABEL_PHRASES = _label_phrases()
"""Each spelling of an event noun (as words) -> its entry in `_LABEL_NOUNS`."""
_LABEL_STARTS: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase, _number in sorted(_LABEL_PHRASES.items(), key=lambda item: item[1]):
    _LABEL_STARTS.setdefault(_phrase[0], []).append((_phrase, _number))
_LABEL_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _label_nouns(text: str) -> list[tuple[int, int, int]]:
    """The event nouns in `text`, left to right, not overlapping: (start, end, entry number).
    Where two entries start at one word, the one listed first in `_LABEL_NOUNS` wins."""
    words = [(match.start(), match.end(), match.group().lower()) for match in _LABEL_WORD.finditer(text)]
    found: list[tuple[int, int, int]] = []
    index = 0
    while index < len(words):
        for phrase, number in _LABEL_STARTS.get(words[index][2], ()):
            span = words[index:index + len(phrase)]
            if tuple(word for _, _, word in span) == phrase and all(
                    span[k + 1][0] == span[k][1] + 1 for k in range(len(phrase) - 1)):
                found.append((words[index][0], span[-1][1], number))
                index += len(phrase)
                break
        else:
            index += 1
    return found
_LABEL_VERBS = (
    (re.compile(r"\b(?:begins?|begin|start|starts|starting|from)\b", re.I), "begins"),
    (re.compile(r"\b(?:closes?|closing|shuts?|ends?|expires?|until)\b", re.I), "closes"),
    (re.compile(r"\b(?:opens?|opening)\b", re.I), "opens"),
    (re.compile(r"\b(?:due|by|deadline|no later than)\b", re.I), "deadline"),
)
_PLACE = re.compile(r"\bin (?P<place>(?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+)?)")


def event_label(body: str, sentence: Sentence | None, start: int, end: int) -> str:
    """A short phrase a reader understands on its own: the event's noun, what happens, where."""
    left = sentence.start if sentence else max(0, start - 120)
    right = sentence.end if sentence else min(len(body), end + 120)
    before = body[max(left, start - 160):start]
    after = re.split(r",\s+(?:and|but|while|as)\s|;|\sbut\s", body[end:min(right, end + 60)])[0]
    best: tuple[int, str, str] | None = None
    # Nearest wins, but the words that name what a story is about (ceasefire, talks, strike)
    # outweigh incidental ones (a "repair fleet") a few words nearer.
    for noun_start, noun_end, number in _label_nouns(before):
        distance = len(before) - noun_end + 2 * number
        if best is None or distance <= best[0]:
            best = (distance, _LABEL_NOUNS[number][1], before[noun_end:])
    following = _label_nouns(after)
    if following:
        noun_start, _, number = following[0]
        distance = noun_start + 25 + 2 * number
        if best is None or distance < best[0]:
            best = (distance, _LABEL_NOUNS[number][1], after[:noun_start])
    if best is None:
        return _fallback_label(before, body[end:min(right, end + 80)])
    label, between = best[1], best[2]
    for pattern, verb in _LABEL_VERBS:
        if label in _VERB_LABELS and pattern.search(between):
            label = f"{label} {verb}"
            break
    place = _PLACE.search(body[max(left, start - 80):min(right, end + 60)])
    if place and label.split()[0] in {"Talks", "Summit", "Meeting", "Signing", "Debate", "Hearing"}:
        name = place.group("place")
        if name.split()[0].lower() not in MONTHS and name.split()[0].lower() not in WEEKDAYS:
            label = f"{label} in {name}"
    noun, _, rest = label.partition(" ")
    if noun.endswith("s") and not noun.endswith("ss") and rest.split(" ")[0] in {"begins", "closes", "opens"}:
        label = f"{noun} {rest[:-1] if ' ' not in rest else rest.replace('s ', ' ', 1)}"  # "Talks begin"
    return label


_VERB_LABELS = frozenset({"Ceasefire", "Strike", "Ballot", "Window", "Election", "Launch", "Talks", "Offer",
                          "Deal", "Early voting", "Vote", "Session", "Previews", "Festival", "Exhibition",
                          "Closure", "Works", "Applications", "Consultation", "Registration", "Refunds",
                          "Launch window", "Warning"})
_TRAILING = frozenset(
    "by until before from on at in to for of the a an and or that which between during through over around".split())
# "Ferry services will be suspended" reads as a headline without its auxiliaries.
_PASSIVE_AUXILIARY = re.compile(
    r"\b(?:will|would|shall|(?:is|are) (?:due |set |expected |scheduled )?to) be\s+(?!able\b)")
_LEADING = frozenset("and but or so that which who then also would will could can must should may might".split())


def _fallback_label(before: str, after: str) -> str:
    """The clause before the date, trimmed to its last few words ("Trade-in for $60 off"), or
    the words after it when the date opens the clause."""
    clause = re.split(r",\s|[;:—–(“”\"‘]|\bthat\b|\bwhich\b|\bwho\b|\band\b|\bsaid\b|\bsays\b", before)[-1]
    words = clause.split()
    if len(words) < 2:
        words = re.split(r"[,;:—–(“”\"]", after.lstrip(" —–-:*"))[0].split()[:7]
        while words and words[0].lower() in {"afternoon", "morning", "evening", "night", "at", "the"}:
            words.pop(0)
    while words and words[0].lower() in _LEADING:
        words.pop(0)
    # The clause's own subject reads best ("Prisoners held by each side are to be exchanged"):
    # keep its start, and cut only a long clause, at a word that can end a phrase.
    words = words[:9]
    while words and words[-1].lower().strip(".,") in _TRAILING | _LEADING:
        words.pop()
    phrase = _PASSIVE_AUXILIARY.sub("", " ".join(words)).strip(" .,")
    return (phrase[:1].upper() + phrase[1:]) if phrase else "Event"


def is_named_label(label: str) -> bool:
    """Whether a label names the event ("Ceasefire begins") rather than echoing nearby words."""
    return label.split(" in ")[0] in _KNOWN_LABELS
