"""The view across the stack: one entry per person, and one timeline, soonest first."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.core.analyze import analyze
from briefing.core.merge import (
    build_overview,
    build_timeline,
    merge_speakers,
    roles_compatible,
    with_overview,
)
from briefing.model import Article, Briefing, Event, MergedSpeaker, Quote, Speaker
from briefing.resources import seeds_dir

NOW = dt.datetime(2026, 5, 11, 12, 0, tzinfo=dt.UTC)


def quote(text: str, start: int = 0) -> Quote:
    return Quote(text=text, start=start, end=start + len(text))


def person(name: str, role: str | None = None, *quotes: str, aliases: tuple[str, ...] = ()) -> Speaker:
    return Speaker(name, aliases=aliases, role=role,
                   quotes=tuple(quote(text, start=10 * index) for index, text in enumerate(quotes or ("words",))))


def stack(*speakers_per_article: tuple[Speaker, ...]) -> tuple[Article, ...]:
    return tuple(
        Article(path=f"a{index}.txt", body="", speakers=speakers)
        for index, speakers in enumerate(speakers_per_article)
    )


def by_name(merged: tuple[MergedSpeaker, ...]) -> dict[str, MergedSpeaker]:
    return {speaker.name: speaker for speaker in merged}


def test_same_full_name_in_three_articles_is_one_entry_with_every_quote() -> None:
    articles = stack(
        (person("Ana Ruiz", "harbour master", "first", "second", aliases=("Ruiz",)),),
        (person("Wren Osei", None, "other"), person("Ana Ruiz", None, "third")),
        (person("ANA RUIZ", "Harbour Master", "fourth"),),
    )
    merged = merge_speakers(articles)
    assert [speaker.name for speaker in merged] == ["Ana Ruiz", "Wren Osei"]
    ruiz = merged[0]
    assert [(sourced.article, sourced.quote.text) for sourced in ruiz.quotes] == [
        (0, "first"), (0, "second"), (1, "third"), (2, "fourth"),
    ]
    assert ruiz.articles == (0, 1, 2)
    assert ruiz.aliases == ("Ruiz",)  # "ANA RUIZ" is the name again, not another alias
    assert ruiz.roles == ("harbour master",)  # the same role in other capitals is not repeated


def test_surname_alone_joins_the_one_person_whose_role_fits() -> None:
    articles = stack(
        (person("Ilse Dravenko", "Keldrian President"),),
        (person("Dravenko", "President"),),
    )
    merged = merge_speakers(articles)
    assert len(merged) == 1
    assert merged[0].name == "Ilse Dravenko" and merged[0].aliases == ("Dravenko",)
    assert merged[0].role == "Keldrian President" and merged[0].roles == ("Keldrian President", "President")


def test_two_people_sharing_a_surname_stay_apart() -> None:
    articles = stack(
        (person("Ilse Dravenko", "President"), person("Piet Dravenko", "farmer")),
        (person("Piet Dravenko", None, "again"),),
        (person("Dravenko", "President", "hers"),),   # fits only the president
        (person("Dravenko", None, "whose?"),),        # could be either: stays on its own
        (person("Dravenko", "fisherman", "nobody's"),),  # fits neither
    )
    merged = merge_speakers(articles)
    assert [(speaker.name, speaker.articles) for speaker in merged] == [
        ("Ilse Dravenko", (0, 2)), ("Piet Dravenko", (0, 1)), ("Dravenko", (3,)), ("Dravenko", (4,)),
    ]
    assert by_name(merged)["Ilse Dravenko"].quotes[-1].quote.text == "hers"


def test_a_short_name_whose_role_conflicts_stays_apart() -> None:
    articles = stack((person("Niko Paaske", "security analyst"),), (person("Paaske", "President"),))
    assert [speaker.name for speaker in merge_speakers(articles)] == ["Niko Paaske", "Paaske"]


def test_an_initial_joins_the_one_given_name_it_fits() -> None:
    joined = merge_speakers(stack((person("Ilse Dravenko", "President"),), (person("I. Dravenko", None),)))
    assert [speaker.name for speaker in joined] == ["Ilse Dravenko"]
    assert joined[0].aliases == ("I. Dravenko",)
    ambiguous = merge_speakers(stack(
        (person("Ilse Dravenko"), person("Ivo Dravenko")), (person("I. Dravenko"),),
    ))
    assert len(ambiguous) == 3


def test_accents_and_case_do_not_split_a_person() -> None:
    merged = merge_speakers(stack((person("José Núñez", "mayor"),), (person("Jose Nunez", None),), (person("Núñez"),)))
    assert len(merged) == 1 and merged[0].name == "José Núñez"


def test_the_same_short_name_in_several_articles_is_one_entry() -> None:
    merged = merge_speakers(stack((person("@SorvaniaMFA"),), (person("Sorvania"),), (person("@sorvaniamfa"),)))
    assert [(speaker.name, speaker.articles) for speaker in merged] == [("@SorvaniaMFA", (0, 2)), ("Sorvania", (1,))]


@pytest.mark.parametrize(("left", "right", "fits"), [
    ("President", "Keldrian President", True),
    ("President of Keldria", "Keldrian President", True),
    ("Keldria's foreign minister", "Keldrian Foreign Minister", True),
    ("Lisvaar's special envoy", "Lisvaari envoy", True),
    ("Keldrian President", "Sorvanian President", False),
    ("security analyst", "President", False),
    ("mayor", None, True),
    (None, None, True),
])
def test_roles_compatible(left: str | None, right: str | None, fits: bool) -> None:
    assert roles_compatible(left, right) is fits
    assert roles_compatible(right, left) is fits


def test_timeline_is_soonest_first_across_articles() -> None:
    utc = dt.UTC
    first = Article(path="a.txt", body="", events=(
        Event(when=dt.date(2026, 5, 20), label="Vote", kind="scheduled", text="May 20", start=5, end=11),
        Event(when=dt.datetime(2026, 5, 14, 9, 0), label="Talks", kind="scheduled", text="Thursday 9am", start=20, end=32),
    ))
    second = Article(path="b.txt", body="", events=(
        Event(when=dt.datetime(2026, 5, 14, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), label="Call",
              kind="deadline", text="8am CEST", start=0, end=8),  # 06:00 UTC, before the talks
        Event(when=dt.date(2026, 5, 20), label="Same day", kind="deadline", text="May 20", start=3, end=9),
        Event(when=dt.date(2026, 5, 12), label="Past", kind="deadline", text="May 12", start=40, end=46),
    ))
    timeline = build_timeline((first, second), NOW.astimezone(utc))
    assert [(entry.article, entry.event.label) for entry in timeline] == [
        (1, "Past"), (1, "Call"), (0, "Talks"), (0, "Vote"), (1, "Same day"),
    ]


def test_an_event_several_articles_report_is_one_timeline_entry() -> None:
    def report(path: str, *events: Event) -> Article:
        return Article(path=path, body="", events=events)

    ceasefire = Event(when=dt.date(2026, 5, 12), label="Ceasefire begins", kind="scheduled", text="May 12", start=0, end=6)
    timed = Event(when=dt.datetime(2026, 5, 12, 14, 0, tzinfo=dt.UTC), label="Ceasefire", kind="scheduled",
                  text="1400 GMT on May 12", start=9, end=27)
    loose = Event(when=dt.date(2026, 5, 12), label="Crews will return", kind="scheduled", text="Tuesday", start=1, end=8)
    summit = Event(when=dt.date(2026, 5, 15), label="Summit in Port Amsel", kind="scheduled", text="Friday", start=0, end=6)
    talks = Event(when=dt.date(2026, 5, 15), label="Talks", kind="scheduled", text="May 15", start=3, end=9)
    timeline = build_timeline(
        (report("a.txt", ceasefire, summit), report("b.txt", timed, loose), report("c.txt", talks)), NOW)
    assert [(entry.article, entry.event.label, entry.also) for entry in timeline] == [
        (1, "Crews will return", ()),  # a fallback phrase is never matched across articles
        (1, "Ceasefire", (0,)),  # the report that gives the hour stands for both
        (0, "Summit in Port Amsel", (2,)),  # talks and a summit on one day are one gathering
    ]


def test_overview_of_an_empty_briefing_is_empty() -> None:
    overview = build_overview(Briefing(now=NOW))
    assert overview.speakers == () and overview.timeline == () and overview.unattributed == ()


@pytest.fixture(scope="module")
def seeds() -> Briefing:
    return with_overview(analyze([str(seeds_dir())], now=NOW))


def test_seeds_president_dravenko_is_one_entry(seeds: Briefing) -> None:
    assert seeds.overview is not None
    dravenko = [speaker for speaker in seeds.overview.speakers if "dravenko" in speaker.name.casefold()]
    assert len(dravenko) == 1
    assert dravenko[0].name == "Ilse Dravenko"
    # Quoted in three of the four articles, once only as "Dravenko".
    assert len(dravenko[0].articles) >= 3
    short_only = [
        index for index, article in enumerate(seeds.articles)
        for speaker in article.speakers if speaker.name == "Dravenko"
    ]
    assert short_only and set(short_only) <= set(dravenko[0].articles)


def test_seeds_merge_keeps_every_quote_and_event_pointing_at_its_article(seeds: Briefing) -> None:
    assert seeds.overview is not None
    quotes = [(sourced.article, sourced.quote) for speaker in seeds.overview.speakers for sourced in speaker.quotes]
    expected = [(index, q) for index, article in enumerate(seeds.articles) for s in article.speakers for q in s.quotes]
    assert sorted(quotes, key=repr) == sorted(expected, key=repr)
    for article_index, sourced_quote in quotes:
        body = seeds.articles[article_index].body
        assert body[sourced_quote.start:sourced_quote.end] == sourced_quote.text
    timeline = seeds.overview.timeline
    # Every event is an entry of its own or one of the reports an entry lists in `also`.
    assert sum(1 + len(entry.also) for entry in timeline) == sum(len(article.events) for article in seeds.articles)
    assert any(entry.also for entry in timeline)  # the four dispatches share some dates
    for entry in timeline:
        assert entry.event in seeds.articles[entry.article].events
    names = [speaker.name for speaker in seeds.overview.speakers]
    assert len(names) == len(set(names))
    assert len([name for name in names if "Brask" in name]) == 1
