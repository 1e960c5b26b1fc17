"""Who said each quote: attribution, pronoun and role references, and one speaker per person.

The pass runs in reading order. People are registered from the forms an article uses to
introduce them (a title or role before the name, an appositive after it, a speech verb); each
later form (surname, "President Zelensky", "the minister", "he", "@handle") resolves to the
most recent compatible person. A quote whose speaker the text does not support is left
unattributed rather than guessed.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from briefing.core.names import (
    HANDLE_RE,
    NAME,
    NAME_RE,
    NOT_NAMES,
    ORG_NOUNS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    SPEECH_VERB_RE,
    find_org_names,
    is_org_name,
    org_stem,
    split_title,
    strip_leading_non_names,
)
from briefing.core.quotes import QuotePiece
from briefing.core.rx import at_word_start
from briefing.core.sentences import Sentence
from briefing.model import Quote, Speaker

_TITLE_ROLES = {
    "gov": "governor", "sen": "senator", "rep": "representative", "capt": "captain", "gen": "general",
    "prof": "professor", "dr": "doctor", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant",
    "adm": "admiral", "supt": "superintendent", "insp": "inspector", "det": "detective",
}
_FRAME_LIMIT = 400  # characters of attribution looked at around a quote: keeps every pass linear
# A capitalised pair after one of these is usually a place or a thing: "toward Bella Vista".
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|of|to|from|toward|towards|near|on|into|across|for|via|outside|inside|over|under|"
    r"the|a|an|by|with|between|beyond|around|told|joined|visited|against|beat)\s+$", re.IGNORECASE)
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_GENDERED = re.compile(at_word_start("He he His his him himself She she Her her hers herself".split()) + r"\b")
_REPORTED_BEFORE = re.compile(rf"\b(?:{SPEECH_VERB_RE}|that|whether|if|because|until|before)\s+$", re.IGNORECASE)
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                     "miss": "f", "dame": "f", "lady": "f"}
_EMBED_SIGNER = re.compile(rf"(?P<name>{NAME})\s+(?P<handle>@\w+)")
_SIGNED_HANDLE = re.compile(rf"(?P<name>{NAME})\s*\((?P<handle>@\w+)\)")
_WHICH_AFTER = re.compile(r",\s+which\b")
_WHO_AFTER = re.compile(r",\s+(?:who|whose)\b")
_DOTTED_NAME_ENDS = frozenset({"Co", "Inc", "Jr", "Sr", "Ltd", "Corp", "Bros", "St", "Mt"})
_HONORIFICS = {"mr", "mrs", "ms", "mx", "dr", "sir", "dame", "lord", "lady", "rev", "fr"}
_ROLE_WORD = r"(?i:%s)\b(?![’']s\b)" % "|".join(sorted(ROLE_NOUNS | ORG_NOUNS, key=len, reverse=True))
# "the Kremlin spokesperson", "its technology chief", "The Rovers manager", "the company".
_SUBJECT_TAIL = re.compile(
    rf"(?:(?P<handle>@\w+)|(?P<pronoun>\b(?i:he|she|they|it)\b)|(?P<name>{NAME})|"
    rf"(?P<ref>\b(?i:the|its|their|his|her)\s+(?:[\w’'\-]+\s+){{0,3}}?{_ROLE_WORD}))"
    r"(?P<appos>\s*,\s[^,“”\"]{1,120},)?\s*(?:\w+ly\s+)?$")
_SUBJECT_TAIL_DIRECT = re.compile(
    rf"(?:(?P<handle>@\w+)|(?P<pronoun>\b(?i:he|she|they|it)\b)|(?P<name>{NAME})|"
    rf"(?P<ref>\b(?i:the|its|their|his|her)\s+(?:[\w’'\-]+\s+){{0,3}}?{_ROLE_WORD}))"
    r",?\s*(?:\w+ly\s+)?$")
# "A spokeswoman for the council said": the organisation speaks through its spokesperson.
_SPOKESPERSON_FOR = re.compile(
    r"\b(?i:an?|the)\s+(?P<role>spokes(?:wo)?man|spokesperson|representative|press officer|"
    r"press secretary)\s+(?:for|from|at)\s+(?P<org>(?i:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,3}?)"
    r"(?:,[^,]{1,80},)?\s*$")
_WHO_TAIL = re.compile(rf"(?P<name>{NAME}),\s+who$")
_AFTER_ACCORDING = re.compile(
    rf"^[\s,]*(?i:according to)\s+(?:(?:[A-Za-z][\w’'\-]*\s+){{0,2}}(?i:{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\s+)?"
    rf"(?P<subject>{NAME})")
_VERB_AT_END = re.compile(rf"\b({SPEECH_VERB_RE}|calls|called|dubbed|described)\b")
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:{SPEECH_VERB_RE})\s+(?:(?:[\w’'.\-]+\s+){{0,3}}?{_ROLE_WORD},?\s+(?={NAME}))?(?P<subject>(?:@\w+|{NAME}|(?i:the|its|their)\s+(?:[\w’'\-]+\s+){{0,3}}?{_ROLE_WORD}))")
_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,]*(?:(?:[A-Za-z][\w’'.\-]*\s+){{0,2}}{_ROLE_WORD}\s+)?(?P<subject>@\w+|\b(?i:he|she|they|it)\b|{NAME}|(?i:the|its|their)\s+(?:[\w’'\-]+\s+){{0,3}}?{_ROLE_WORD})"
    rf"(?:\s*,\s[^,“”\"]{{1,120}},)?\s+(?:\w+ly\s+)?(?:{SPEECH_VERB_RE})\b")
_AFTER_HEAD_VERB = re.compile(rf"^[\s,]*(?P<head>[^.;:“”\"\n]{{3,120}}?)\s+(?:{SPEECH_VERB_RE})\b")
_ACCORDING = re.compile(rf"\b(?i:according to)\s+(?P<subject>@\w+|{NAME}|(?i:the|its)\s+(?:[\w’'\-]+\s+){{0,3}}?{_ROLE_WORD})")
_APPOSITIVE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?P<role>[^,.;:“”\"()]{2,80}?)(?=\s*(?:,|\.|;|$|\bwho\b|\bsaid\b|\btold\b|\bat\b))")
_ROLE_MODIFIER = re.compile(r"[A-Za-z][\w’'\-]*")
# One tuple of words per `_VIA_PATTERNS` entry, in order: a pattern can only match text that
# holds one of its words, so most patterns are skipped without a search.
_VIA_HINTS: tuple[tuple[str, ...], ...] = (
    ("according to",), ("interview with",),
    ("broadcast", "interview", "programme", "program", "show", "podcast", "appearance"),
    ("told",), ("via",), ("on ",), ("on ",), ("interview",), ("statement",),
    ("conference", "briefing"), ("briefing",), ("told reporters",), ("page", "website", "blog"),
)
_ANY_SUBJECT = re.compile(
    rf"(?P<handle>@\w+)|(?P<pronoun>\b(?:[Hh]e|[Ss]he|[Tt]hey)\b)|"
    rf"(?P<ref>\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w’'\-]+\s+){{0,3}}?{_ROLE_WORD})|(?P<name>{NAME})")
_NOT_NEWLINE = re.compile(r"[^\n]")
_ANONYMOUS_NOUNS = (ROLE_NOUNS - {"spokesperson", "spokesman", "spokeswoman", "representative"}) | frozenset(
    """person people woman women man men teenager teen girl boy child parent mother father resident residents
    patron patrons shopper shoppers trader traders voter voters commuter commuters passenger passengers
    neighbour neighbours neighbor neighbors observer observers investor investors customer customers
    protester protesters fisherman fishermen banker officials analysts diplomats sources experts workers
    someone""".split())
# "One analyst, who asked not to be named, said": a subject nobody names stays unnamed.
_ANONYMOUS_SUBJECT = re.compile(
    rf"\W*(?i:one|a|an|another|some|two|three|several|many|other)\s+(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?i:{'|'.join(sorted(_ANONYMOUS_NOUNS, key=len, reverse=True))})\b(?![’']s\b)")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|an|man|woman)")
_APPOSITIVE_NAME = re.compile(rf",\s+(?P<name>{NAME})\s*,")
_SPOKES_BEFORE = re.compile(
    r"\b(?i:an?|the)\s+(?P<role>spokes(?:wo)?man|spokesperson|press officer|press secretary)\s+"
    r"(?:for|from|at)\s+(?:the\s+)?$")
# "the Eastgate, Riverside and Holloway Park branches": names in a list after "the" name things.
_THE_LIST_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'\-]*\s*(?:,\s*|\s+and\s+|\s+or\s+))+$")
_NAMED_AFTER = re.compile(rf"[^,.;:]{{0,60}},\s+{NAME}\s*,")


def _is_anonymous(text: str) -> bool:
    """Whether a sentence opens with someone it never names: "One analyst at a brokerage, who
    asked not to be identified, said", but not "A lawyer for Calder, James Whitley, said"."""
    match = _ANONYMOUS_SUBJECT.match(text)
    return match is not None and _NAMED_AFTER.match(text, match.end()) is None


# "One analyst at a Castleport brokerage, who ..., said": a name after a preposition is not the subject.
_PREPOSITION_END = re.compile(r"\b(?:for|of|at|from|with|to|by|near|behind)\s+(?:(?:an?|the)\s+)?$")
_LINE_BREAK = re.compile(r"\n")
_DETERMINER = re.compile(at_word_start(["The", "the", "Its", "its"]) + r"\s+")
_FOLLOWING_WORDS = re.compile(r"[\w’'\-]+(?:\s+[\w’'\-]+){0,3}")
_REF_HEADS = ROLE_NOUNS | ORG_NOUNS
_DASH_LINE = re.compile(r"[—–-]{1,2}\s*(?P<who>[^\n]{1,160})$")
_VIA_PATTERNS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(rf"\b(?i:according to) (?P<ch>{NAME})"), None),
    (re.compile(rf"\b(?i:in an interview with) (?:the )?(?P<ch>{NAME})"), None),
    (re.compile(rf"\b(?i:during|on|in) (?:an?|the) (?P<ch>{NAME}) (?:broadcast|interview|programme|program|show|podcast|appearance)"), None),
    (re.compile(rf"\btold (?:the )?(?P<ch>{NAME})"), None),
    (re.compile(rf"\bvia (?P<ch>{NAME})"), None),
    (re.compile(r"\b(?:posts?|posted|update|message|video|thread|tweet)s?\b[^.;:]{0,40}?\bon (?P<ch>X|Twitter|Facebook|Instagram|Telegram|TikTok|LinkedIn|Threads|Bluesky|Mastodon|YouTube|Truth Social|Weibo)\b"), None),
    (re.compile(r"\bon (?P<ch>X|Twitter|Facebook|Instagram|Telegram|TikTok|LinkedIn|Threads|Bluesky|Mastodon|YouTube|Truth Social|Weibo)\b"), None),
    (re.compile(r"\bin an interview\b", re.IGNORECASE), "an interview"),
    (re.compile(r"\bin an? (?:\w+ )?statement\b", re.IGNORECASE), "a statement"),
    (re.compile(r"\bat (?:a|an|the|his|her|their|its) (?:[\w\-]+ )?(?:news|press) (?:conference|briefing)\b", re.IGNORECASE), "a news conference"),
    (re.compile(r"\bat (?:a|the) briefing\b", re.IGNORECASE), "a briefing"),
    (re.compile(r"\btold reporters\b"), "reporters"),
    (re.compile(r"\bon (?:the company's|the company’s|its|their) (?P<ch>[a-z]+ page|website|blog)\b"), None),
)


@dataclass(slots=True, eq=False)
class _Entity:
    name: str
    kind: str  # "person", "org" or "handle"
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    last_seen: int = -1
    quotes: list[Quote] = field(default_factory=list)
    number: int = 0
    """Registration order: the earlier of two equally recent entities wins a lookup."""
    gender: str | None = None
    """"m" or "f" when the article's pronouns or honorifics say so; pronouns must agree."""
    first_seen: int = -1
    indexed: set[str] = field(default_factory=set)
    """Forms of the name already in the registry's token index."""

    surname: str = ""
    first: str = ""

    def __post_init__(self) -> None:
        self.rename(self.name)

    def rename(self, name: str) -> None:
        """Set the main name, and the first and last words lookups compare against."""
        self.name = name
        words = name.split()
        self.surname = words[-1].rstrip(".,") if words else ""
        self.first = words[0] if words else ""


@dataclass(slots=True)
class _Clue:
    """What a frame says about a quote's speaker."""

    text: str
    kind: str  # "name", "handle", "pronoun", "ref", "demonym" ("the Italian")
    position: int
    role: str | None = None
    org: bool = False
    """The clue names an organisation speaking through someone ("a spokeswoman for the council")."""


class _Registry:
    """The people and organisations of one article, with every form of their names."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.entities: list[_Entity] = []
        self._by_form: dict[str, list[_Entity]] = {}
        """Every name and alias -> the entities that use it."""
        self._by_surname: dict[str, list[_Entity]] = {}
        """Last word of a name (and an organisation's first word) -> its entities: lookups cost
        what the people sharing a surname cost, not what everyone in the article does."""
        self._by_first: dict[str, list[_Entity]] = {}
        """First word of a person's full name -> the people: "Ada says" after "Ada Okafor"."""
        self._runs_by_token: dict[str, list[str]] | None = None
        self._recent: dict[int, _Entity] = {}
        """Entities in the order they were last seen, most recent last: referents and pronouns
        look back through the latest few only, so each lookup costs the same on any length."""
        """Every token of every name and alias -> the entities that use it, so lookups stay
        proportional to the people sharing a word, not to everyone in the article."""

    def _index(self, entity: _Entity) -> None:
        for form in (entity.name, *entity.aliases):
            if form in entity.indexed:
                continue
            entity.indexed.add(form)
            self._add(self._by_form, form, entity)
        self._add(self._by_surname, entity.surname, entity)
        stem = org_stem(entity.name.replace("-", " ")) if entity.kind == "org" else None
        if stem is not None:  # "Brightwater-and-Lyle" is the org "Brightwater-and-Lyle-Holdings"
            self._add(self._by_form, _joined(stem), entity)
        if entity.kind == "person" and " " in entity.name:
            self._add(self._by_first, entity.first, entity)
        if entity.kind == "org":
            self._add(self._by_surname, entity.first, entity)

    @staticmethod
    def _add(index: dict[str, list[_Entity]], key: str, entity: _Entity) -> None:
        bucket = index.setdefault(key, [])
        if not any(other is entity for other in bucket):
            bucket.append(entity)

    def _find(self, name: str, position: int) -> _Entity | None:
        """The entity a form of a name refers to: the same form, a surname, a first name and
        surname, or an organisation's first word; the most recently seen wins."""
        tokens = name.split()
        if not tokens:
            return None
        matches = [entity for entity in self._by_form.get(name, ())]
        if len(matches) == 1 and len(tokens) > 1:
            return matches[0]  # a full name seen before in exactly this form: no need to look further
        already = {id(entity) for entity in matches}
        for entity in self._by_surname.get(tokens[-1] if len(tokens) > 1 else tokens[0], ()):
            if entity.kind == "handle" or id(entity) in already:
                continue
            if len(tokens) == 1:
                if tokens[0] == entity.surname or (entity.kind == "org" and tokens[0] == entity.first):
                    matches.append(entity)
            elif entity.kind == "person" and tokens[-1] == entity.surname and (
                    " " not in entity.name or tokens[0] == entity.first or tokens[0].endswith(".")):
                matches.append(entity)
        if not matches and len(tokens) == 1:
            # A first name alone stands for the one person of the article who has it.
            people = [entity for entity in self._by_first.get(name, ()) if entity.kind == "person"]
            if len(people) == 1:
                matches.append(people[0])
        if not matches:
            return None
        # Earliest registered wins a tie, as a scan of the article in order would.
        return max(matches, key=lambda entity: (entity.last_seen if entity.last_seen <= position else -1,
                                                -entity.number))

    def register(self, name: str, kind: str, position: int, role: str | None = None,
                 known: _Entity | None = None) -> _Entity:
        """Record a mention of `name`; a longer form of a known name becomes its main name.
        `known` is the entity a caller already looked up for this very name and position."""
        name = name.strip().rstrip(",")
        entity = known if known is not None else self._find(name, position)
        if entity is None:
            entity = _Entity(self._fullest(name, kind), kind, number=len(self.entities), first_seen=position)
            if entity.name != name:
                entity.aliases.add(name)
            self.entities.append(entity)
        elif name != entity.name:
            if len(name.split()) > len(entity.name.split()) and kind == entity.kind:
                entity.aliases.add(entity.name)
                entity.rename(name)
                entity.aliases.discard(name)
            else:
                entity.aliases.add(name)
        self.seen(entity, position)
        if role and not entity.role:
            entity.role = role
        self._index(entity)
        return entity

    def seen(self, entity: _Entity, position: int) -> None:
        """Note a mention of `entity` at `position`."""
        entity.last_seen = max(entity.last_seen, position)
        self._recent.pop(id(entity), None)
        self._recent[id(entity)] = entity

    def forget_positions(self) -> None:
        """Start recency afresh (the attribution pass walks the article again from its start)."""
        for entity in self.entities:
            entity.last_seen = -1
        self._recent.clear()

    def recent(self, limit: int = 48) -> list[_Entity]:
        """The latest `limit` entities seen, most recent first."""
        entities = list(self._recent.values())
        return entities[:-limit - 1:-1] if len(entities) > limit else entities[::-1]

    def _fullest(self, name: str, kind: str) -> str:
        """The fullest form of a one-word name that the article uses ("Aurelia" -> "Aurelia Air")."""
        if " " in name or name.startswith("@"):
            return name
        if self._runs_by_token is None:
            # Every capitalised run in the text, read once and indexed by its words.
            self._runs_by_token = {}
            for match in NAME_RE.finditer(self.body):
                _, run = split_title(strip_leading_non_names(match.group()))
                for token in set(run.split()):
                    self._runs_by_token.setdefault(token, []).append(run)
        best = name
        for candidate in self._runs_by_token.get(name, ()):
            tokens = candidate.split()
            if len(tokens) > 4:
                continue
            if kind == "person" and tokens[-1] != name:
                continue
            if is_org_name(candidate) and kind == "person":
                continue
            if len(tokens) > len(best.split()):
                best = candidate
        return best

    def resolve_ref(self, phrase: str, position: int) -> _Entity | None:
        """"the minister", "the company", "its technology chief" -> the entity it points back to."""
        head = phrase.split()[-1].lower()
        # The person may be named just after the referent: "The council's leader, Imogen Thackeray,".
        candidates = [e for e in self.recent() if e.last_seen <= position + 120]
        if head in ORG_NOUNS:
            orgs = [e for e in candidates if e.kind == "org"]
            # "the commission" is the body with Commission in its name; "the company" is not a
            # public body, whichever was mentioned last.
            fitting = ([e for e in orgs if head in _name_words(e.name)]
                       or [e for e in orgs if head in _COMPANY_NOUNS and not _is_public_body(e.name)]
                       or orgs)
            return max(fitting, key=lambda e: e.last_seen) if fitting else None
        spoken_for = [e for e in candidates if e.kind == "org" and e.role and head in e.role.lower().split()]
        if spoken_for:
            return max(spoken_for, key=lambda e: e.last_seen)  # "the spokeswoman" of a named body
        heads = ROLE_SYNONYMS.get(head, {head})
        people = [e for e in candidates if e.kind == "person" and e.role
                  and heads & set(e.role.lower().replace(".", " ").split())]
        if not people:
            return None
        person = max(people, key=lambda e: e.last_seen)
        since = self.body[max(0, person.last_seen, position - 2000):max(0, position)]
        if re.search(rf"\b(?i:a|an|another|one)\s+(?:[\w’'\-]+\s+){{0,2}}{re.escape(head)}\b", since):
            return None  # "Another analyst, who asked not to be named, ... the analyst said": someone new
        return person

    def most_recent(self, kind: str, before: int, gender: str | None = None) -> _Entity | None:
        candidates = [e for e in self.recent() if e.kind == kind and 0 <= e.last_seen <= before
                      and (gender is None or e.gender in (None, gender))]
        if not candidates:
            return None
        latest = max(candidates, key=lambda e: e.last_seen)
        if gender is not None and latest.gender is None and not latest.role and not latest.quotes:
            # "the Riverside and Holloway Park branches ... 'Nobody is closing a library,' she
            # added": a bare name nobody has quoted yields to the woman the pronoun fits.
            fitting = [e for e in candidates if e.gender == gender]
            if fitting:
                return max(fitting, key=lambda e: e.last_seen)
        return latest


@lru_cache(maxsize=4096)
def _clean_name(raw: str) -> tuple[str | None, str]:
    """Split a captured capitalised run into (title, name), dropping sentence-initial words."""
    raw = strip_leading_non_names(raw.strip())
    title, name = split_title(raw)
    last = name.split()[-1] if name else ""
    if last.endswith(".") and len(last) > 2 and last[:-1] not in _DOTTED_NAME_ENDS:
        name = name[:-1]  # the sentence's full stop, not part of the name: "said Ola Finch."
    return title, name


class _Run(NamedTuple):
    """What a capitalised run says by itself, whatever stands around it."""

    title: str | None
    name: str
    offset: int
    """Where the name starts inside the run."""
    words: int
    may_name: bool
    """Not an all-capitals place or acronym ("ST. LOUIS") nor a title standing alone ("Chief Executive")."""
    title_role: str | None
    org_name: bool
    """Two or more words ending like an organisation's ("Fernleaf Labs")."""
    whole: bool
    """The run is the name, with no title or sentence-initial word before it."""
    plain_full_name: bool
    """Two or three words, all of the run, none of them a common capitalised word."""


@lru_cache(maxsize=4096)
def _read_run(raw: str) -> _Run | None:
    """Read a capitalised run once per spelling: articles repeat their names."""
    title, name = _clean_name(raw)
    if not name or name in NOT_NAMES or not name[0].isupper():
        return None
    tokens = name.split()
    whole = name == raw.strip()
    return _Run(
        title=title, name=name, offset=raw.find(name), words=len(tokens),
        may_name=not (name.isupper() and len(name) > 3) and tokens[-1].lower() not in ROLE_NOUNS,
        title_role=_title_role(title), org_name=len(tokens) > 1 and is_org_name(name), whole=whole,
        plain_full_name=len(tokens) in (2, 3) and whole and not any(token in NOT_NAMES for token in tokens),
    )


_COMPANY_NOUNS = frozenset(
    "company firm airline carrier maker retailer manufacturer startup insurer publisher operator bank group".split())
_PUBLIC_BODY_WORDS = frozenset(
    """commission ministry department agency council authority court committee parliament government
    police army administration bureau regulator office senate assembly tribunal inspectorate""".split())


def _is_public_body(name: str) -> bool:
    """Whether an organisation's name says it is a public body ("Federal Communications Commission")."""
    return not _PUBLIC_BODY_WORDS.isdisjoint(_name_words(name))


def _name_words(name: str) -> list[str]:
    """An organisation name's words in lower case, joined or not ("Federal-Communications-Commission")."""
    return name.lower().replace("-", " ").split()


def _joined(name: str) -> str:
    """An organisation name as the attribution mask writes it: one word, the same length."""
    return name.replace(" ", "-").replace("&", "n")


def _spokesperson_clue(head: str, offset: int) -> _Clue | None:
    """"a spokeswoman for the council": the body the person speaks for, as an organisation clue."""
    spokes = _SPOKESPERSON_FOR.search(head)
    if spokes is None:
        return None
    org = spokes.group("org")
    words = org.split()
    label = " ".join(words[1:]) if words[0].lower() == "the" else org
    if words[0].lower() == "the" and len(words) == 2 and label.lower() in ORG_NOUNS:
        clue = _Clue(org, "ref", offset + spokes.start("org"), role=spokes.group("role"))
    else:
        clue = _Clue(label[:1].upper() + label[1:], "name", offset + spokes.start("org"), role=spokes.group("role"))
    clue.org = True
    return clue


def _join_org_names(mask: str) -> tuple[str, dict[str, str]]:
    """Join the words of organisation names with "of" or "and" inside ("Bank of England") into
    one hyphenated word of the same length, so that every pattern reads the whole name as one;
    returns the mask and the joined forms -> the article's spelling."""
    spans = find_org_names(mask)
    if not spans:
        return mask, {}
    # A shortened second mention ("Brightwater and Lyle said") is joined too, wherever it stands alone.
    for stem in {stem for start, end in spans if (stem := org_stem(mask[start:end]))}:
        for match in re.finditer(rf"(?<!\w){re.escape(stem)}(?![\w\-])", mask):
            if not any(start <= match.start() < end for start, end in spans):
                spans.append(match.span())
    spans.sort()
    forms: dict[str, str] = {}
    parts: list[str] = []
    done = 0
    for start, end in spans:
        original = mask[start:end]
        forms[_joined(original)] = original
        parts.append(mask[done:start])
        parts.append(_joined(original))
        done = end
    parts.append(mask[done:])
    return "".join(parts), forms


def _title_role(title: str | None) -> str | None:
    if not title:
        return None
    bare = title.lower().rstrip(".")
    if bare in _HONORIFICS:
        return None
    return _TITLE_ROLES.get(bare, title)


def _org_noun_before(body: str, start: int) -> bool:
    """Whether the word right before a name is an organisation noun ("scooter maker Vantel")."""
    window = body[max(0, start - 30):start]
    if not window.endswith((" ", "\u00a0")):
        return False
    words = window.split()
    return bool(words) and words[-1].lower() in ORG_NOUNS


def _role_before(body: str, start: int) -> str | None:
    """A lowercase role phrase right before a name: "Kremlin spokesperson Dmitry Peskov"."""
    window = body[max(0, start - 80):start]
    last = window[:-2] if window.endswith(", ") else window
    last_word = last.rsplit(None, 1)[-1].lower() if last.strip() else ""
    if last_word not in ROLE_NOUNS:
        return None  # the word before the name is not a job: no role here
    if window.endswith(", "):
        window = window[:-2] + " "  # "Portugal’s foreign minister, Catarina Meireles"
    cut = max(window.rfind(mark) for mark in ("\n", ". ", ",", ";", ":", " and ", " or ", "—", "(", "\u2063"))
    window = window[cut + 1:] if cut >= 0 else window
    if not window.endswith((" ", "\u00a0")):
        return None
    words = window.split()
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return None
    # The role noun and up to three words that modify it: "Harwich Rovers manager".
    kept = [words[-1]]
    for word in reversed(words[:-1]):
        if len(kept) == 4 or not _ROLE_MODIFIER.fullmatch(word):
            break
        kept.insert(0, word)
    words = kept
    while words and (words[0].lower() in {"the", "a", "an", "and", "by", "of", "said", "with"} or words[0] in NOT_NAMES):
        words.pop(0)
    return " ".join(words) or None


def _role_after(body: str, end: int) -> str | None:
    match = _APPOSITIVE.match(body, end, min(len(body), end + 140))
    if not match:
        return None
    role = match.group("role").strip()
    words = [part for word in role.lower().split() for part in (word, *word.split("-"))]
    if not any(word.removesuffix("’s").removesuffix("'s") in ROLE_NOUNS or word in ROLE_NOUNS for word in words):
        return None
    if role.split()[0].lower() in {"who", "which", "whose", "where"}:
        return None
    return role


def _opens_clause(prefix: str) -> bool:
    """Whether a subject after `prefix` opens its clause: nothing but sentence-initial words
    ("The"), or an adverbial opener and a comma ("In response,", "Speaking to reporters,")."""
    words = prefix.split()
    if all(word.rstrip(",") in NOT_NAMES for word in words):
        return True
    first = words[0].rstrip(",")
    return prefix.endswith(",") and (first in NOT_NAMES or first.endswith(("ing", "ed")))


class _Attributor:
    def __init__(self, body: str, sentences: list[Sentence], pieces: list[QuotePiece]) -> None:
        self.body = body
        self.sentences = sentences
        self.pieces = pieces
        self.registry = _Registry(body)
        self.mask, self._org_forms = _join_org_names(self._masked_body())
        self._sentence_starts = [sentence.start for sentence in sentences]
        self._line_breaks = [match.start() for match in _LINE_BREAK.finditer(body)]

    def _line_around(self, position: int) -> tuple[int, int]:
        """The start and end of the line (paragraph) holding `position`, by bisection: scanning
        back and forth from every quote would be quadratic on a long single-line article."""
        index = bisect_right(self._line_breaks, position - 1)
        start = self._line_breaks[index - 1] + 1 if index else 0
        end = self._line_breaks[index] if index < len(self._line_breaks) else len(self.body)
        return start, end

    def _is_org(self, name: str) -> bool:
        """Whether a name read from the mask is an organisation's, joined ("Bank-of-England") or not."""
        return name in self._org_forms or is_org_name(name)

    def _unjoin(self, text: str) -> str:
        """Text read from the mask, with joined organisation names spelt as the article does."""
        for joined, original in self._org_forms.items():
            if joined in text:
                text = text.replace(joined, original)
        return text

    def _masked_body(self) -> str:
        """The body with every quote, marks included, blanked out (line breaks kept), so that
        names and verbs inside quotes are never read as attribution."""
        spans = sorted((piece.open_mark if piece.open_mark is not None else piece.start,
                        piece.close_mark + 1 if piece.close_mark is not None else piece.end) for piece in self.pieces)
        parts: list[str] = []
        done = 0
        for left, right in spans:
            left = max(left, done)
            if right <= left:
                continue
            parts.append(self.body[done:left])
            quoted = self.body[left:right]
            parts.append(_NOT_NEWLINE.sub("\u2063", quoted) if "\n" in quoted else "\u2063" * len(quoted))
            done = right
        parts.append(self.body[done:])
        return "".join(parts)

    # -- registering the people an article introduces ------------------------------------------
    def scan_people(self) -> None:
        """Register people introduced with a title, a role or an appositive, in reading order.

        The capitalised runs found here are kept: the attribution pass walks the same list to
        keep recency up to date, rather than scanning the text a second time."""
        self._names: list[tuple[int, str]] = []
        for match in NAME_RE.finditer(self.mask):
            run = _read_run(match.group())
            if run is None:
                continue
            title, name = run.title, run.name
            start = match.start() + run.offset
            self._names.append((start, name))
            if not run.may_name:
                continue
            known = self.registry._find(name, start)
            if known is not None and (known.role or known.kind != "person"):
                self.registry.register(name, known.kind, start, known=known)
                self._note_honorific(known, title)
                continue
            window_start = max(0, start - 60)
            window = self.mask[window_start:start]
            spokes = _SPOKES_BEFORE.search(self.mask, window_start, start) if (
                "spokes" in window or "press " in window) else None
            if spokes is not None:
                # "A spokeswoman for the Department of Roads and Bridges said ...": the body
                # speaks through her, so "the spokeswoman said" later is the department.
                self.registry.register(name, "org", start, spokes.group("role"), known=known)
                continue
            role = run.title_role or _role_before(self.mask, start) or _role_after(self.mask, match.end())
            if known is not None:
                entity = self.registry.register(name, known.kind, start, role, known=known)
                self._note_honorific(entity, title)
                continue
            org_signal = run.org_name or name in self._org_forms or (run.whole and (
                _org_noun_before(self.mask, start)
                or _WHICH_AFTER.match(self.mask, match.end(), match.end() + 10) is not None))
            person_signal = title is not None or role is not None or _WHO_AFTER.match(
                self.mask, match.end(), match.end() + 10) is not None or (
                run.plain_full_name
                and _PREPOSITION_BEFORE.search(self.mask, max(0, start - 12), start) is None
                and _THE_LIST_BEFORE.search(self.mask, max(0, start - 80), start) is None)
            if org_signal:
                self.registry.register(name, "org", start)
            elif person_signal and not (run.words == 1 and title is None and role is None):
                self._note_honorific(self.registry.register(name, "person", start, role), title)

    @staticmethod
    def _note_honorific(entity: _Entity, title: str | None) -> None:
        honorific = _HONORIFIC_GENDER.get((title or "").lower())
        if honorific and entity.kind == "person" and entity.gender is None:
            entity.gender = honorific

    # -- frames ----------------------------------------------------------------------------------
    def _sentence_at(self, position: int) -> Sentence | None:
        low, high = 0, len(self.sentences) - 1
        while low <= high:
            mid = (low + high) // 2
            sentence = self.sentences[mid]
            if sentence.end <= position:
                low = mid + 1
            elif sentence.start > position:
                high = mid - 1
            else:
                return sentence
        return None

    def _clue_from_subject(self, text: str, position: int) -> _Clue | None:
        text = text.strip().rstrip(",")
        if not text:
            return None
        if text.startswith("@"):
            return _Clue(text, "handle", position)
        if text.lower() in {"he", "she", "they", "it"}:
            return _Clue(text.lower(), "pronoun", position)
        words = text.split()
        first = words[0].lower()
        if first in {"the", "its", "their", "his", "her", "this", "that"}:
            if (len(words) == 2 and first == "the" and _DEMONYM.fullmatch(words[1])
                    and self.registry._find(words[1], position) is None):
                # "The Italian, who is in his second season": the person last named, by nationality.
                return _Clue(text, "demonym", position)
            if len(words) > 1 and all(word[:1].isupper() for word in words[1:]):
                # "The Inshore Fishermen's Association": a name, not a referent.
                return _Clue(" ".join(words[1:]), "name", position + len(words[0]) + 1)
            if len(words) == 1 or words[-1].lower().removesuffix("’s").removesuffix("'s") not in ROLE_NOUNS | ORG_NOUNS:
                return None
            return _Clue(text, "ref", position)
        title, name = _clean_name(text)
        if not name or name in NOT_NAMES:
            return None
        if name.lower() in {"critics", "officials", "analysts", "people", "residents"}:
            return None
        return _Clue(name, "name", position, _title_role(title))

    def clue_after(self, start: int, end: int) -> _Clue | None:
        """Attribution right after a closing mark: ', she said', 'said Nadia Hussain'."""
        frame = self.mask[start:end]
        match = _AFTER_VERB_FIRST.match(frame) or _AFTER_SUBJECT_FIRST.match(frame) or _AFTER_ACCORDING.match(frame)
        if not match:
            # '..." a spokesperson for the Ministry of Defence said', '..." the Kremlin said'
            head = _AFTER_HEAD_VERB.match(frame)
            if head is None:
                return None
            spoken_for = _spokesperson_clue(head.group("head"), start + head.start("head"))
            if spoken_for is not None:
                return spoken_for
            words = head.group("head").split()
            if len(words) == 2 and words[0].lower() == "the" and words[1][:1].isupper():
                return self._clue_from_subject(head.group("head"), start + head.start("head"))
            return None
        clue = self._clue_from_subject(match.group("subject"), start + match.start("subject"))
        if clue and clue.kind == "name" and not clue.role:
            name_end = start + match.start("subject") + len(match.group("subject"))
            clue.role = _role_after(self.mask, name_end) or _role_before(self.mask, start + match.start("subject"))
        return clue

    def clue_before(self, start: int, end: int, colon: bool = False) -> _Clue | None:
        """Attribution before an opening mark in the same sentence: 'Peskov said the plan was'."""
        frame = self.mask[start:end]
        according = None
        for according in _ACCORDING.finditer(frame):
            pass
        verb = _VERB_AT_END.search(frame)
        if verb and _is_anonymous(frame):
            return None  # "One analyst at a Castleport brokerage, who asked not to be named, said:"
        if verb:
            head = frame[:verb.start()].rstrip()
            spoken_for = _spokesperson_clue(head, start)
            if spoken_for is not None:
                return spoken_for
            clue: _Clue | None
            relative = _WHO_TAIL.search(head)
            if relative:
                # "..., according to chief executive Ingrid Hauge, who called the filing 'a pause'"
                clue = self._clue_from_subject(relative.group("name"), start + relative.start("name"))
                if clue is not None:
                    return clue
            tail = self._pick_tail(_SUBJECT_TAIL_DIRECT.search(head), _SUBJECT_TAIL.search(head), start)
            if tail and _PREPOSITION_END.search(head[:tail.start()]):
                # "A spokesperson for the mayor's office said": the subject is nobody we can name.
                return None
            if tail:
                group = next(g for g in ("handle", "pronoun", "name", "ref") if tail.group(g))
                clue = self._clue_from_subject(tail.group(group), start + tail.start(group))
                if clue:
                    if clue.kind == "name" and not clue.role:
                        clue.role = _role_before(self.mask, start + tail.start(group)) or _role_after(
                            self.mask, start + tail.start(group) + len(tail.group(group)))
                    return clue
            subject = self._first_subject(head, start, leading=True)
            if subject:
                return subject
        if according:
            clue = self._clue_from_subject(according.group("subject"), start + according.start("subject"))
            if clue and not (clue.kind == "name" and is_org_name(clue.text) and clue.text.isupper()):
                return clue
        if colon:
            return self._first_subject(frame, start)
        return None

    def _pick_tail(self, direct: re.Match[str] | None, appositive: re.Match[str] | None,
                   offset: int) -> re.Match[str] | None:
        """ "X, Y, said": the speaker is whichever of X and Y is a person. "Chief Executive of the
        Trust, Owen Gale, said" -> Y; "Gareth Pendry, secretary of the Society, said" -> X."""
        if direct is None or appositive is None or direct.start() == appositive.start():
            return direct or appositive
        if not direct.group("name"):
            return direct

        def is_person(match: re.Match[str]) -> bool:
            if not match.group("name"):
                return match.group("pronoun") is not None
            _, name = _clean_name(match.group("name"))
            entity = self.registry._find(name, offset + match.start()) if name else None
            return (entity.kind == "person") if entity is not None else not self._is_org(name)

        head = self.mask[max(0, offset + direct.start() - 12):offset + direct.start()]
        if _PREPOSITION_BEFORE.search(head):
            return appositive  # "secretary of the Kiln Lane Society, said": the society is inside the appositive
        if is_person(direct):
            return direct
        return appositive if is_person(appositive) else direct

    def _first_subject(self, text: str, offset: int, leading: bool = False) -> _Clue | None:
        """The first person, handle, pronoun or role referent in a stretch of text; with
        `leading`, only one that opens the clause (after an adverbial opener like "In response,")."""
        for match in _ANY_SUBJECT.finditer(text):
            prefix = text[:match.start()].strip()
            if leading and prefix and not _opens_clause(prefix):
                continue
            group = next(g for g in ("handle", "pronoun", "ref", "name") if match.group(g))
            value = match.group(group)
            if group == "ref" and value.split()[-1].lower() not in ROLE_NOUNS | ORG_NOUNS:
                continue
            named = _APPOSITIVE_NAME.match(text, match.end()) if group == "ref" else None
            if named is not None:
                # "The bank's chairman, Sir Malcolm Ettrick-Boyd, put it bluntly:": the name is the subject.
                clue = self._clue_from_subject(named.group("name"), offset + named.start("name"))
                if clue is not None and clue.kind == "name":
                    clue.role = clue.role or value.split(None, 1)[1]  # "bank's chairman"
                    return clue
            clue = self._clue_from_subject(value, offset + match.start(group))
            if clue is None:
                continue
            if clue.kind == "name":
                entity = self.registry._find(clue.text, clue.position)
                if entity is None and len(clue.text.split()) < 2:
                    continue
                if not clue.role:
                    clue.role = _role_before(self.mask, clue.position) or _role_after(
                        self.mask, clue.position + len(clue.text))
            return clue
        return None

    # -- resolving a clue to an entity ----------------------------------------------------------
    def resolve(self, clue: _Clue) -> _Entity | None:
        if clue.kind == "handle":
            return self.registry.register(clue.text, "handle", clue.position)
        if clue.kind == "demonym":
            return self.registry.most_recent("person", clue.position)
        if clue.kind == "pronoun":
            if clue.text == "it":
                return self.registry.most_recent("org", clue.position)
            return self._pronoun_referent(clue)
        if clue.kind == "ref":
            entity = self.registry.resolve_ref(clue.text, clue.position)
            if entity is not None:
                self.registry.seen(entity, clue.position)
                return entity
            head = clue.text.split()[-1].lower()
            if head in ORG_NOUNS:
                words = clue.text.split()
                label = " ".join(words[1:]) if words[0].lower() in {"the", "its", "their"} else clue.text
                return self.registry.register(label[:1].upper() + label[1:], "org", clue.position)
            return None
        known = self.registry._find(clue.text, clue.position)
        kind = known.kind if known else (
            "org" if clue.org or self._is_org(clue.text) else "person")
        if known is None and len(clue.text.split()) == 1 and kind == "person":
            # A lone capitalised word that was never introduced may be an organisation.
            fuller = self.registry._fullest(clue.text, "org")
            if fuller != clue.text and is_org_name(fuller):
                kind = "org"
        return self.registry.register(clue.text, kind, clue.position, clue.role)

    def _pronoun_referent(self, clue: _Clue) -> _Entity | None:
        """"she said": the subject of the nearest sentence before that names a person of the
        pronoun's gender, else the most recent such person mentioned."""
        gender = _PRONOUN_GENDER.get(clue.text)
        index = bisect_right(self._sentence_starts, clue.position) - 1
        if index < 0:
            index = 0
        for previous in reversed(self.sentences[max(0, index - 4):index]):
            text = self.mask[previous.start:previous.end]
            if _is_anonymous(text):
                return None  # "A teenager in the reading room said ... 'That's ...,' he said."
            lead = self._first_subject(text, previous.start, leading=True)
            if lead is None or lead.kind == "pronoun":
                continue
            if lead.kind == "name":
                entity = self.registry._find(lead.text, lead.position)
            elif lead.kind == "ref":
                entity = self.registry.resolve_ref(lead.text, lead.position)
            else:
                entity = None
            if entity is not None and entity.kind == "person" and entity.gender in (None, gender):
                return entity
            if entity is not None:
                break
        return self.registry.most_recent("person", clue.position, gender)

    def _learn_genders(self) -> None:
        """A he/his or she/her in a sentence votes for the nearest person named before it there;
        a pronoun inside reported speech ("said she had") belongs to someone else and is skipped."""
        votes: dict[int, list[str]] = {}
        people: dict[int, _Entity] = {}
        pronouns = [(match.start(), match.group()) for match in _GENDERED.finditer(self.mask)]
        if not pronouns:
            return
        last_person: _Entity | None = None
        last_sentence = -1
        for position, text, kind in heapq.merge(
                ((start, name, "name") for start, name in self._names),
                ((start, word, "pronoun") for start, word in pronouns)):
            sentence = bisect_right(self._sentence_starts, position) - 1
            if sentence != last_sentence:
                last_person, last_sentence = None, sentence
            if kind == "pronoun":
                if last_person is not None and not _REPORTED_BEFORE.search(self.mask, max(0, position - 12), position):
                    votes.setdefault(id(last_person), []).append(_PRONOUN_GENDER[text.lower()])
                    people[id(last_person)] = last_person
                continue
            entity = self.registry._find(text, position)
            if entity is not None and entity.kind == "person":
                last_person = entity
        for key, entity_votes in votes.items():
            entity = people[key]
            male, female = entity_votes.count("m"), entity_votes.count("f")
            if entity.gender is None and max(male, female) >= 2 * min(male, female) and male != female:
                entity.gender = "m" if male > female else "f"

    # -- the pass ---------------------------------------------------------------------------------
    def _via(self, start: int, end: int) -> str | None:
        text = self.mask[start:end]
        lowered = text.lower()
        for (pattern, fixed), hints in zip(_VIA_PATTERNS, _VIA_HINTS):
            for hint in hints:
                if hint in lowered:
                    break
            else:
                continue  # the pattern needs a word this stretch lacks
            match = pattern.search(text)
            if match:
                if fixed:
                    return fixed
                channel = match.group("ch").strip().rstrip(".")
                known = self.registry._find(channel, start)
                if known is not None and known.kind == "person":
                    continue  # "told Ada Lorne": a person is not a channel
                return self._unjoin(channel)
        return None

    def _dash_line(self, paragraph_end: int) -> tuple[str, int, int] | None:
        """The attribution line under a quote ("— @handle", "— Name, Title, Org")."""
        next_start = paragraph_end + 1
        while next_start < len(self.body) and self.body[next_start] == "\n":
            next_start += 1
        line_end = self.body.find("\n", next_start)
        line_end = len(self.body) if line_end < 0 else line_end
        match = _DASH_LINE.match(self.body[next_start:line_end])
        if not match:
            return None
        return match.group("who").strip(), next_start + match.start("who"), line_end

    def run(self) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
        self.scan_people()
        self._learn_genders()
        self.registry.forget_positions()
        unattributed: list[Quote] = []
        last_entity: _Entity | None = None
        last_paragraph_end = -1
        group_entity: dict[int, _Entity | None] = {}
        pieces = self.pieces
        # Mentions ahead of each quote update recency as we go: re-register people in order.
        mention_iter = self._mentions()
        pending = next(mention_iter, None)
        for index, piece in enumerate(pieces):
            while pending is not None and pending[0] < piece.start:
                self._touch(pending)
                pending = next(mention_iter, None)
            if piece.bare is not None:
                last_entity = self._attribute_bare(piece, unattributed)
                continue
            sentence = self._sentence_at(piece.start) or self._sentence_at(max(0, piece.start - 1))
            para_start, para_end = self._line_around(piece.start)
            prev_piece = pieces[index - 1] if index else None
            next_piece = pieces[index + 1] if index + 1 < len(pieces) else None
            next_piece_in_para = next_piece if next_piece is not None and next_piece.start < para_end else None
            open_at = piece.open_mark if piece.open_mark is not None else piece.start
            close_at = piece.close_mark + 1 if piece.close_mark is not None else piece.end
            frame_start = max(para_start, (prev_piece.close_mark + 1) if prev_piece and prev_piece.close_mark and prev_piece.close_mark >= para_start else para_start)
            sentence_start = sentence.start if sentence else para_start
            before_start = max(frame_start, sentence_start, open_at - _FRAME_LIMIT)
            after_end = next_piece.open_mark if next_piece and next_piece.open_mark is not None and next_piece.open_mark < para_end else para_end
            after_sentence = self._sentence_at(close_at) if close_at < para_end else None
            if after_sentence is not None:
                after_end = min(after_end, after_sentence.end)
            after_end = min(after_end, close_at + _FRAME_LIMIT)
            via_start, via_end = before_start, after_end

            clue = None
            lead_in = self.mask[before_start:open_at].rstrip() if open_at > before_start else ""
            if lead_in.endswith(":"):
                # 'Okafor said: "The data are clear." She said ...': the colon names the speaker.
                clue = self.clue_before(before_start, open_at, colon=True)
            if clue is None and piece.close_mark is not None:
                clue = self.clue_after(close_at, after_end)
            if clue is None and lead_in and not lead_in.endswith(":"):
                clue = self.clue_before(before_start, open_at)
            continuation = (prev_piece is not None and prev_piece.close_mark is not None and
                            prev_piece.close_mark >= sentence_start and not self.mask[prev_piece.close_mark + 1:open_at].strip(" ,\u2063").endswith((".", "!", "?")))
            entity: _Entity | None = None
            if clue is None and piece.group in group_entity and piece.open_mark is None or (
                    clue is None and piece.group in group_entity and prev_piece is not None and prev_piece.group == piece.group):
                entity = group_entity[piece.group]
            dash = None
            if piece.close_mark is not None and close_at >= para_end - 2:
                dash = self._dash_line(para_end)
            elif piece.close_mark is not None and next_piece_in_para is None:
                # The attribution line joined onto the quote's line: '"…" — @handle'.
                inline = _DASH_LINE.match(self.body, close_at, para_end)
                if inline is None and self.body[close_at:close_at + 1] == " ":
                    inline = _DASH_LINE.match(self.body, close_at + 1, para_end)
                if inline is not None:
                    dash = (inline.group("who").strip(), inline.start("who"), para_end)
            starts_paragraph = open_at == para_start
            if clue is None and entity is None and starts_paragraph and (piece.group not in group_entity):
                intro = self._intro_before(para_start)
                if intro is not None:
                    clue, via_start = intro[0], intro[1]
                    intro_sentence = self._sentence_at(max(0, via_start - 2))
                    if intro_sentence is not None and self._via(via_start, para_start) is None:
                        # "Mayor Brae posted on X. Later he wrote:" names the channel one sentence back.
                        via_start = intro_sentence.start
            if dash is not None and entity is not None:
                handle = HANDLE_RE.match(dash[0])
                if handle:
                    entity.aliases.add(handle.group())
                    self.registry._index(entity)
                via_end = dash[2]
            elif dash is not None:
                dash_entity = self._resolve_dash(dash, clue)
                if dash_entity is not None:
                    entity = dash_entity
                    clue = None
                    via_end = dash[2]
            if entity is None and clue is not None:
                entity = self.resolve(clue)
            if entity is None and clue is None and not starts_paragraph and open_at == sentence_start and (
                    prev_piece is None or prev_piece.close_mark is None or prev_piece.close_mark < para_start):
                # 'Smith was blunt. "This is wrong."': the sentence before, in the same paragraph,
                # introduces the speaker.
                previous = self._sentence_at(max(para_start, sentence_start - 2))
                if previous is not None and previous.start >= para_start and previous.start < sentence_start:
                    lead = self._first_subject(self.mask[previous.start:previous.end], previous.start, leading=True)
                    if lead is not None and lead.kind in {"name", "ref", "pronoun"}:
                        entity = self.resolve(lead)
            if entity is None and clue is None and prev_piece is not None and (
                    continuation or (prev_piece.close_mark is not None and prev_piece.close_mark >= para_start)
                    or (starts_paragraph and last_paragraph_end >= 0 and self._adjacent(last_paragraph_end, para_start))):
                entity = last_entity
            words = self.body[piece.start:piece.end].split()
            partial = self._is_partial(piece, before_start, open_at, continuation)
            if partial and 0 < len(words) <= 6 and all(word[:1].isupper() or not word[:1].isalpha() for word in words) \
                    and not self.body[piece.end - 1:piece.end] in ".!?":
                continue  # a title, a paper's name or a slogan in capitals: "„Oberrhein-Kurier“"
            quote = Quote(
                text=self.body[piece.start:piece.end],
                start=piece.start,
                end=piece.end,
                via=self._via(via_start, via_end) if entity is not None else None,
                partial=partial,
            )
            if entity is not None and entity.role is None and clue is not None and clue.role:
                entity.role = clue.role
            if entity is None:
                unattributed.append(quote)
            else:
                entity.quotes.append(quote)
                self.registry.seen(entity, piece.start)
            last_entity = entity
            group_entity.setdefault(piece.group, entity)
            last_paragraph_end = para_end if dash is None else dash[2]
        unjoin = self._unjoin
        speakers = tuple(
            Speaker(name=unjoin(e.name), aliases=tuple(sorted({unjoin(a) for a in e.aliases if a != e.name})),
                    role=unjoin(e.role) if e.role else None, quotes=tuple(e.quotes))
            for e in sorted((e for e in self.registry.entities if e.quotes), key=lambda e: e.quotes[0].start)
        )
        return speakers, tuple(unattributed)

    def _attribute_bare(self, piece: QuotePiece, unattributed: list[Quote]) -> _Entity | None:
        """A Q&A answer goes to the interviewee; a signed paragraph to the name under it."""
        entity: _Entity | None = None
        via = None
        if piece.bare == "answer":
            entity = self._interviewee(piece.start)
        elif piece.bare == "embed" and piece.signer is not None:
            header = self.body[piece.signer[0]:piece.signer[1]]
            signed = _EMBED_SIGNER.match(header)
            if signed:
                _, name = _clean_name(signed.group("name"))
                entity = self.registry.register(name, "person", piece.signer[0]) if name else None
                if entity is not None:
                    entity.aliases.add(signed.group("handle"))
                    self.registry._index(entity)
                via = self._via(max(0, piece.signer[0] - 300), piece.signer[0])
        else:
            dash = self._dash_line(piece.end)
            if dash is not None:
                entity = self._resolve_dash(dash, None)
                via = self._via(dash[1], dash[2])
        quote = Quote(text=self.body[piece.start:piece.end], start=piece.start, end=piece.end, via=via)
        if entity is None:
            unattributed.append(quote)
        else:
            entity.quotes.append(quote)
            self.registry.seen(entity, piece.start)
        return entity

    def _interviewee(self, position: int) -> _Entity | None:
        """The person a transcript's introduction presents first (not its "Interview by" byline)."""
        people = [e for e in self.registry.entities if e.kind == "person" and 0 <= e.first_seen < position]
        return min(people, key=lambda e: e.first_seen) if people else None

    def _adjacent(self, previous_end: int, para_start: int) -> bool:
        """Whether only blank lines separate the last quote's paragraph from this one."""
        return not self.mask[previous_end:para_start].strip()

    def _mentions(self) -> Iterator[tuple[int, str, str]]:
        """Every name or role mention outside quotes, in order: (position, text, kind)."""
        refs = []
        for determiner in _DETERMINER.finditer(self.mask):
            # "the Kremlin spokesperson", "its chief": the head noun within four words.
            words = _FOLLOWING_WORDS.match(self.mask, determiner.end())
            if words is None or _REF_HEADS.isdisjoint(words.group().lower().split()):
                continue  # most "the ..." phrases name no office or body
            offset = determiner.end()
            for word in words.group().split():
                offset = self.mask.index(word, offset) + len(word)
                if word.lower() in _REF_HEADS:
                    refs.append((determiner.start(), self.mask[determiner.start():offset], "ref"))
                    break
        names = [(start, name, "name") for start, name in self._names]
        yield from heapq.merge(names, refs)

    def _touch(self, mention: tuple[int, str, str]) -> None:
        position, text, kind = mention
        entity = self.registry._find(text, position) if kind == "name" else self.registry.resolve_ref(text, position)
        if entity is not None:
            self.registry.seen(entity, position)

    def _intro_before(self, para_start: int) -> tuple[_Clue, int] | None:
        """A colon-introduced quote: 'In an earlier statement, he wrote:' ending an earlier paragraph."""
        end = para_start - 1
        while end > 0 and self.body[end - 1] in "\n ":
            end -= 1
        if end <= 0 or self.body[end - 1] != ":":
            return None
        sentence = self._sentence_at(end - 1)
        if sentence is None:
            return None
        clue = self.clue_before(sentence.start, end - 1, colon=True)
        if clue is None:
            return None
        return clue, sentence.start

    def _resolve_dash(self, dash: tuple[str, int, int], clue: _Clue | None) -> _Entity | None:
        who, position, _ = dash
        who = re.split(r"\s+via\s+", who)[0].strip()
        handle = HANDLE_RE.match(who)
        if handle:
            named = clue is not None and clue.kind != "ref"
            intro = self.resolve(clue) if clue is not None else None
            if intro is None and clue is not None and clue.kind == "ref":
                intro = self.registry.resolve_ref(clue.text, clue.position)
                named = intro is not None
            if intro is not None and named and intro.kind in {"person", "org"}:
                intro.aliases.add(handle.group())
                self.registry._index(intro)
                return intro
            entity = self.registry.register(handle.group(), "handle", position)
            if clue is not None and clue.kind == "ref" and not entity.role:
                entity.role = " ".join(clue.text.split()[1:])
            return entity
        signed = _SIGNED_HANDLE.match(who)
        if signed:
            # "— Jun Reyes (@junbuilds) March 3, 2026": a post embedded with its author and handle.
            title, name = _clean_name(signed.group("name"))
            entity = self.registry.register(name, "person", position, _title_role(title))
            entity.aliases.add(signed.group("handle"))
            self.registry._index(entity)
            return entity
        parts = [part.strip() for part in who.split(",")]
        title, name = _clean_name(parts[0])
        if not name or not re.fullmatch(NAME, name):
            return None
        role = ", ".join(parts[1:3]) or _title_role(title)
        kind = "org" if is_org_name(name) else "person"
        return self.registry.register(name, kind, position, role or None)

    def _is_partial(self, piece: QuotePiece, before_start: int, open_at: int, continuation: bool) -> bool:
        """A phrase quoted inside the reporter's own sentence ("reflects 'a very serious proposal'")."""
        if piece.open_mark is None or continuation:
            return False
        lead = self.mask[before_start:open_at].rstrip()
        if not lead or lead.endswith(":"):
            return False
        words = self.body[piece.start:piece.end].split()
        if lead[-1].isalnum():
            return True
        return bool(words) and words[0][:1].islower() and len(words) < 15


def attribute_quotes(body: str, sentences: list[Sentence], pieces: list[QuotePiece]
                     ) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """Group every quote under one speaker; return (speakers, unattributed quotes)."""
    return _Attributor(body, sentences, pieces).run()
