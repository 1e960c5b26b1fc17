"""Name-shaped words: people, organisations, titles, roles and handles, and the vocabulary
the quote and speaker modules share (speech verbs, title words, role nouns).

Patterns here are built from bounded character classes with no nested quantifiers, so they
run in linear time on any text.
"""

from __future__ import annotations

import re

from briefing.core.rx import class_at_word_start

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
CAPWORD = rf"[{UPPER}](?:[{LOWER}{UPPER}]|['’\-](?=[{UPPER}{LOWER}]))*\.?"
INITIAL = rf"[{UPPER}]\."
PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|dos|das|y)"
NAME_TOKEN = rf"(?:(?:[{UPPER}]\.){{2,}}|{INITIAL}|{CAPWORD})"
# A word of four lowercase letters or more and a full stop ends its sentence ("of Aberdeen. Hale
# added"): a name goes on after a dot only from an initial or a short abbreviation ("St. Louis").
_NEXT_TOKEN = rf"(?<![{LOWER}]{{4}}\.)[ \u00a0](?:{PARTICLE}[ \u00a0])?{NAME_TOKEN}"
NAME = rf"{NAME_TOKEN}(?:{_NEXT_TOKEN}){{0,5}}"
# NAME_RE is `(?<![\w@’'.]){NAME}` written to open with the capital (see core/rx.py): the
# first token's capital, then the rest of an initials run, an initial or a capitalised word.
_NOT_BEFORE_NAME = r"\w@’'."
_FIRST_TOKEN = (rf"{class_at_word_start(UPPER, _NOT_BEFORE_NAME)}"
                rf"(?:\.(?:[{UPPER}]\.)+|\.|(?:[{LOWER}{UPPER}]|['’\-](?=[{UPPER}{LOWER}]))*\.?)")
NAME_RE = re.compile(rf"{_FIRST_TOKEN}(?:{_NEXT_TOKEN}){{0,5}}")
HANDLE_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")

SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds wrote writes posted posts tweeted stated states explained
    explains warned warns insisted insists argued argues noted notes declared declares announced
    announces emphasized emphasised emphasizes emphasises stressed stresses replied replies
    responded responds acknowledged acknowledges admitted admits conceded concedes continued
    recalled urged urges reaffirmed reaffirms apologised apologized apologises apologizes laughed
    cautioned cautions vowed vows promised promises predicted predicts claimed claims commented
    remarked suggested suggests countered quipped reiterated reiterates confirmed confirms
    complained complains asked asks agreed agrees added observed observes pleaded pledged
    testified shouted joked wondered mused boasted conceded announced signalled signaled
    """.split()
)
SPEECH_VERB_RE = "(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"

# Words that name an office or job; a capitalised one before a name is a title ("Sheriff Dale
# Rasmussen"), a lowercase one a role ("Kremlin spokesperson Dmitry Peskov").
ROLE_NOUNS = frozenset(
    """
    president vice-president minister secretary spokesperson spokesman spokeswoman director
    chancellor commissioner sheriff judge governor senator representative mayor chief officer
    captain general professor chairman chairwoman chair chairperson manager coach ambassador
    executive commander inspector detective king queen prince princess pope councillor councilor
    superintendent speaker leader premier editor founder analyst attorney prosecutor adviser
    advisor supervisor conciliator economist researcher lawyer scientist toxicologist owner head
    correspondent negotiator envoy diplomat official spokesperson trustee treasurer president-elect
    ceo cfo cto coo deputy lieutenant sergeant colonel admiral major
    candidate organiser organizer activist campaigner resident engineer doctor nurse teacher
    student pilot driver worker member expert historian author playwright chef farmer justice
    magistrate coroner employee staffer aide insider source witness neighbour neighbor
    councilwoman councilman alderman alderwoman assemblywoman assemblyman congresswoman congressman
    """.split()
)
# Role words a referent may use for the same office: "the judge" for "Justice Corrigan".
ROLE_SYNONYMS = {
    "judge": {"judge", "justice", "magistrate"}, "justice": {"justice", "judge"},
    "magistrate": {"magistrate", "judge"}, "boss": {"chief", "executive", "director", "manager"},
    "prosecutor": {"prosecutor", "attorney"}, "lawmaker": {"senator", "representative", "legislator"},
}
TITLE_ABBREVIATIONS = frozenset(
    "dr dr. mr mr. mrs mrs. ms ms. mx prof prof. sen sen. gov gov. rep rep. capt capt. gen gen. "
    "col col. lt lt. sgt sgt. adm adm. rev rev. sir dame lord lady st. fr fr. cmdr cmdr. supt "
    "supt. insp insp. det det. atty atty. hon hon. maj maj.".split()
)
# Nouns an organisation is referred back to by ("the company said").
ORG_NOUNS = frozenset(
    """
    company firm airline carrier group agency ministry department council authority union
    association government office board committee club bank regulator operator maker retailer
    organisation organization institute campaign commission service startup manufacturer
    insurer publisher network team court police army administration embassy utility
    cooperative co-op charity library museum bureau
    """.split()
)
ORG_SUFFIXES = frozenset(
    """
    labs lab co co. inc inc. ltd ltd. llc plc corp corp. corporation company air airlines airways
    pay group bank holdings partners agency authority council union association institute
    ministry department service services systems technologies motors energy media news network
    foundation university college committee commission board office party club united rovers fc
    city press times post herald tribune journal gazette courier ledger society trust fund league
    federation alliance coalition forum centre center hospital school academy ministry line lines
    cooperative co-operative associates industries buses bus rail railway railways trains transport
    ferries shipping logistics foods farms homes hotels water power telecom mobile pharma
    pharmaceuticals insurance capital securities studios games records books brewery distillery
    """.split()
)
# Capitalised words that start sentences or name days and months: never a name on their own.
NOT_NAMES = frozenset(
    """
    The A An In On At For From By To With Without As If When While After Before Since Until But And
    Or So Yet Nor Despite Although Though Even Still However Meanwhile Later Earlier Then Now
    Today Tomorrow Yesterday This That These Those It Its He She They We I You His Her Their Our
    My Your Who What Where Why How Asked Speaking Writing Under Over Across Among Some Many Most
    Both Each Every No Not Nobody Everyone Anyone Someone Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
    One Two Three Four Five Six Seven Eight
    Nine Ten Here There Also Only Just Please Yes Oh Well Instead Overnight Last Next Such Other
    Another Several All Any Few Much More Less Then Thus Hence Once Twice According Following
    Unlike Like Beyond Within Through Throughout During Against Between Behind Amid Around About
    Above Below Near Off Out Up Down Whether Because Unless Whereas Whatever Whoever Either Neither
    """.split()
)
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "him": "m", "her": "f"}


def split_title(name: str) -> tuple[str | None, str]:
    """Split leading title words off a capitalised sequence: "Transport Secretary Grace Adeyemi"
    -> ("Transport Secretary", "Grace Adeyemi"); "Dr. Naomi Ferraro" -> ("Dr.", "Naomi Ferraro")."""
    tokens = name.split()
    cut = 0
    for index, token in enumerate(tokens[:-1]):
        bare = token.lower().rstrip(",")
        if bare in TITLE_ABBREVIATIONS or bare.rstrip(".") in ROLE_NOUNS:
            cut = index + 1
    if cut == 0:
        return None, name
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def strip_leading_non_names(name: str) -> str:
    """Drop sentence-initial capitalised words that are not names ("However Peskov" -> "Peskov")."""
    tokens = name.split()
    while tokens and (tokens[0] in NOT_NAMES or tokens[0].rstrip(".,") in NOT_NAMES):
        tokens.pop(0)
    return " ".join(tokens)


def is_org_name(name: str) -> bool:
    """Whether a name reads as an organisation ("Fernleaf Labs", "Calder Chemical Co.", "Bank of
    England")."""
    tokens = [token.lower() for token in name.split()]
    return any(token in ORG_SUFFIXES or token.rstrip(".") in ORG_SUFFIXES for token in tokens[1:]) or (
        len(tokens) == 1 and name.isupper() and len(name) > 1
    ) or _is_linked_org_name(name)


def _is_linked_org_name(name: str) -> bool:
    if name.count(" ") < 2:
        return False  # "Bank of England" has three words at least
    if not any(link in name for link in (" of ", " for ", " on ", " and ", " & ")):
        return False
    return find_org_names(name) == [(0, len(name))]



# --- organisation names with small words inside ----------------------------------------------
# "Department of Fisheries and Aquaculture", "Bank of England", "Office for National Statistics",
# "Food and Drug Administration": a run of capitalised words stops at "of" or "and", which would
# leave "Aquaculture" or "England" to be taken for the speaker.
ORG_HEADS = frozenset(
    """
    Department Ministry Bank University Office Institute Council Federation Union Court Chamber Board
    Bureau Agency Commission Committee Association Society League Museum College School Academy Church
    House Embassy Centre Center Corporation Authority Organisation Organization Party Confederation
    Coalition Alliance Foundation Fund Secretariat Directorate Service Assembly Parliament Senate Tribunal
    Library Hospital Administration Inspectorate Registry Trust
    """.split()
)
"""Words an organisation's name opens with before "of"/"for"/"on": "Bank of England"."""
ORG_TAILS = frozenset(
    """
    Administration Commission Agency Authority Service Board Council Institute Association Department
    Union Bureau Corporation Company Office Ministry Committee Federation Foundation
    """.split()
)
"""Words that end a name joined by "and": "Food and Drug Administration"."""
_CAP = rf"[{UPPER}][{LOWER}{UPPER}’'\-]*"
_LINK = r"(?: | of | for | on | of the | for the | and | & )"
_ORG_CANDIDATE = re.compile(
    rf"{class_at_word_start(UPPER)}[{LOWER}{UPPER}’'\-]*(?: {_CAP}){{0,3}}"
    rf"(?: of | for | on | of the | for the | and | & ){_CAP}(?:{_LINK}{_CAP}){{0,7}}")
_OF_LINKS = frozenset({"of", "for", "on"})
_AND_LINKS = frozenset({"and", "&"})


def find_org_names(text: str) -> list[tuple[int, int]]:
    """Spans of organisation names that have "of", "for", "on", "and" or "&" inside them.

    A name opens with up to three capitalised words and a head noun followed by "of" ("European
    Court of Human Rights", "Bank of England"), or ends with a body noun after an "and" ("Securities
    and Exchange Commission"). A title after the name is not part of it ("Bank of England Governor").
    """
    spans: list[tuple[int, int]] = []
    for match in _ORG_CANDIDATE.finditer(text):
        tokens = [(token.start(), token.end(), token.group()) for token in _TOKEN.finditer(match.group())]
        base = match.start()
        span = _org_span(tokens)
        if span is not None:
            spans.append((base + span[0], base + span[1]))
    return spans


_TOKEN = re.compile(r"\S+")


def _org_span(tokens: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    words = [word for _, _, word in tokens]
    for index, word in enumerate(words):
        if word in _OF_LINKS and index > 0 and words[index - 1] in ORG_HEADS:
            first = _name_start(words, index - 1, most=3)  # "Royal Bank of Scotland"
            last = _named_after(words, index)
            if last is None:
                continue
            # The name goes on through more capitalised words and more "and"/"of"/"for" links:
            # "Office of the Ombudsman for Aging and Disability Services", up to eight words on.
            while last + 1 < len(words) and last - index < 8:
                following = words[last + 1]
                if following in _AND_LINKS or following in _OF_LINKS:
                    more = _named_after(words, last + 1)
                    if more is None or more - index > 9:
                        break
                    last = more
                elif following[:1].isupper() and not _is_title(following):
                    last += 1
                else:
                    break
            return tokens[first][0], tokens[last][1]
        if word in _AND_LINKS and 0 < index < len(words) - 1:
            end = index + 1
            while end + 1 < len(words) and words[end + 1][:1].isupper() and end - index < 3:
                end += 1
            tail = words[end].rstrip(".,").lower()
            if (words[end] in ORG_TAILS or tail in ORG_SUFFIXES) and words[index - 1] not in NOT_NAMES:
                return tokens[_name_start(words, index - 1, most=2)][0], tokens[end][1]
    return None


def org_stem(name: str) -> str | None:
    """A name joined by "and" without its closing word, as articles shorten it on second
    mention: "Brightwater and Lyle Holdings" -> "Brightwater and Lyle"; else None."""
    words = name.split()
    if len(words) < 4 or words[-1].rstrip(".").lower() not in ORG_SUFFIXES:
        return None
    stem = words[:-1]
    return " ".join(stem) if stem[-2] in _AND_LINKS else None


def _name_start(words: list[str], word: int, most: int) -> int:
    """The first of up to `most` more capitalised words before `words[word]` that belong to the
    same name ("European Court", not "The Court")."""
    first = word
    while first > 0 and word - first < most and words[first - 1][:1].isupper() and words[first - 1] not in NOT_NAMES:
        first -= 1
    return first


def _named_after(words: list[str], link: int) -> int | None:
    """The index of the capitalised word after the link word at `link` ("the" may come between),
    or None when what follows is not part of a name (a title is not: "Bank of England Governor")."""
    after = link + 1
    if after < len(words) and words[after] == "the" and words[link] in _OF_LINKS:
        after += 1
    if after >= len(words) or not words[after][:1].isupper() or _is_title(words[after]):
        return None
    return after


def _is_title(word: str) -> bool:
    bare = word.lower()
    return bare in ROLE_NOUNS or bare in TITLE_ABBREVIATIONS or bare.rstrip(".") in ROLE_NOUNS
