"""A seeded generator of realistic, invented news articles for the benchmarks.

Each article looks like wire copy: a headline, a byline, a dateline, paragraphs of reporting
with attributed quotes, absolute and relative dates, and trailing boilerplate (credits,
newsletter plea, copyright). Every name, place and organisation is made up here. The same
seed always gives the same articles, so figures from two runs compare like with like.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

FIRST_NAMES = (
    "Ana", "Bram", "Carys", "Dario", "Elin", "Farid", "Greta", "Hollis", "Ines", "Joss",
    "Kemal", "Lior", "Maren", "Nico", "Odile", "Pavel", "Quinn", "Rosa", "Sefa", "Tove",
)
SURNAMES = (
    "Ruiz", "Okafor", "Lindqvist", "Marchetti", "Osei", "Haddad", "Brennan", "Vasquez",
    "Nakamura", "Petrov", "Achterberg", "Solberg", "Mbeki", "Duarte", "Kowal", "Fenwick",
)
ROLES = (
    "the mayor", "a spokeswoman for the ministry", "the harbour master", "a union organiser",
    "the council's finance chief", "the head of the regional health board", "a local shop owner",
    "the transport secretary", "a lawyer for the residents", "the company's chief executive",
)
ORGS = (
    "the Harbour Council", "the Ministry of Transport", "Northgate Rail", "the Dockworkers' Union",
    "the Regional Health Board", "Calder Water", "the Port Authority", "the Schools Trust",
)
PLACES = ("PORT ELLEN", "KESSARY", "NORTHGATE", "VALMORE", "LINDHOLM", "ASHBY CROSS", "TREVELYN")
AGENCIES = ("Test Wire", "Quayside Press", "Northern Desk", "Coastal Wire")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SUBJECTS = (
    "the new ferry timetable", "a rise in water charges", "the closure of the east bridge",
    "a strike ballot at the container terminal", "funding for three rural schools",
    "repairs to the flood wall", "a ban on night flights", "the sale of the old hospital site",
)
VERBS_PAST = (
    "approved", "rejected", "delayed", "debated", "postponed", "announced", "questioned", "backed",
)
FILLER = (
    "Officials said the figures would be checked again before any final decision was taken.",
    "The plan has been discussed at three public meetings since the start of the year.",
    "Residents who spoke at the hearing were divided, with several asking for more time.",
    "Opposition members said the costs had not been explained in enough detail.",
    "A report published last month found that demand had grown faster than expected.",
    "The decision follows months of negotiation between the two sides.",
    "Similar schemes in neighbouring districts have had mixed results.",
    "Independent analysts said the timetable was ambitious but achievable.",
    "The board is expected to publish its full reasoning in a written statement.",
    "Local businesses have warned that further delays would cost them customers.",
    "Campaigners gathered outside the building before the vote, holding handwritten signs.",
    "The authority has not said how many staff would be affected by the changes.",
)
QUOTES = (
    "We have listened to every objection and we think this is the fairest answer",
    "Nobody in this town wants another winter like the last one",
    "The numbers simply do not add up, and people deserve to know that",
    "This is a first step, not the end of the conversation",
    "We will keep pushing until the families who depend on this service are heard",
    "I have never seen a decision made this quickly on something this important",
    "It is going to be a difficult few months, but the work has to be done",
    "Our members voted clearly, and we expect that vote to be respected",
)
BOILERPLATE = (
    "Reporting by {reporter}; editing by {editor}",
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "(c) 2026 {agency}. All rights reserved. Not for redistribution.",
    "Follow {agency} on Bluesky for live updates.",
)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _date(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"


def _quote_paragraph(rng: random.Random, speaker: str, role: str) -> str:
    quote = rng.choice(QUOTES)
    shape = rng.randrange(4)
    if shape == 0:
        return f'"{quote}," said {speaker}, {role}.'
    if shape == 1:
        return f'{speaker}, {role}, said: "{quote}."'
    if shape == 2:
        surname = speaker.split()[-1]
        return f'"{quote}," {surname} said. "{rng.choice(QUOTES)}."'
    return f'{speaker} told reporters that "{quote[0].lower()}{quote[1:]}".'


def _date_paragraph(rng: random.Random, org: str, subject: str) -> str:
    shape = rng.randrange(5)
    if shape == 0:
        return f"{_sentence_case(org)} will vote on {subject} on {rng.choice(WEEKDAYS)}, {_date(rng)}."
    if shape == 1:
        return f"Objections must be lodged by {_date(rng)}, and a final ruling is due on {_date(rng)}."
    if shape == 2:
        return f"The consultation closes in {rng.randint(2, 6)} weeks, {org} said on {rng.choice(WEEKDAYS)}."
    if shape == 3:
        return f"Work is due to start next {rng.choice(WEEKDAYS)} and finish by the end of {rng.choice(MONTHS)}."
    return f"The first hearing took place on {_date(rng)}, {rng.randint(2, 9)} days after {org} {rng.choice(VERBS_PAST)} the plan."


def make_article(rng: random.Random, words: int = 600) -> str:
    """One plain-text article of roughly `words` words."""
    org, subject = rng.choice(ORGS), rng.choice(SUBJECTS)
    agency, place = rng.choice(AGENCIES), rng.choice(PLACES)
    speakers = [(_name(rng), rng.choice(ROLES)) for _ in range(rng.randint(2, 4))]
    headline = f"{org.replace('the ', '', 1).title()} {rng.choice(VERBS_PAST)} {subject}"
    parts = [
        headline,
        f"By {_name(rng)} | {agency}",
        f"{place}, {_date(rng)} ({agency}) — {_sentence_case(org)} {rng.choice(VERBS_PAST)} {subject} "
        f"on {rng.choice(WEEKDAYS)}, after a debate that ran late into the evening.",
    ]
    count = sum(len(part.split()) for part in parts)
    while count < words - 40:
        roll = rng.random()
        if roll < 0.35:
            speaker, role = rng.choice(speakers)
            paragraph = _quote_paragraph(rng, speaker, role)
        elif roll < 0.6:
            paragraph = _date_paragraph(rng, org, subject)
        else:
            paragraph = " ".join(rng.sample(FILLER, rng.randint(2, 3)))
        parts.append(paragraph)
        count += len(paragraph.split())
    for line in BOILERPLATE:
        parts.append(line.format(reporter=_name(rng), editor=_name(rng), agency=agency))
    return "\n\n".join(parts) + "\n"


def make_articles(count: int, seed: int = 2026, words: int = 600) -> Iterator[str]:
    """`count` articles from one seeded generator."""
    rng = random.Random(seed)
    for _ in range(count):
        yield make_article(rng, words)


def make_big_article(size_bytes: int, seed: int = 7) -> str:
    """One article of about `size_bytes` bytes: many ordinary articles' paragraphs in a row."""
    rng = random.Random(seed)
    pieces: list[str] = []
    total = 0
    while total < size_bytes:
        piece = make_article(rng, 600)
        pieces.append(piece)
        total += len(piece.encode("utf-8")) + 1
    return "\n".join(pieces)[:size_bytes]


def write_stack(folder: Path, count: int, seed: int = 2026, words: int = 600) -> list[Path]:
    """Write `count` generated articles as .txt files into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, text in enumerate(make_articles(count, seed, words)):
        path = folder / f"a{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def word_count(text: str) -> int:
    return len(text.split())


if __name__ == "__main__":
    print(make_article(random.Random(1)))
