"""The JSON contract's shape (CONTRACT.md, schema 1)."""

from __future__ import annotations

import datetime as dt
import json

from briefing.model import Article, Briefing, Event, Quote, Span, Speaker
from briefing.views.json_view import article_to_dict, iso, to_contract

NOW = dt.datetime(2026, 11, 24, 19, 0, tzinfo=dt.UTC)


def test_iso() -> None:
    assert iso(dt.date(2026, 5, 1)) == "2026-05-01"
    assert iso(dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))) == "2026-05-01T09:30:00+02:00"
    assert iso(dt.datetime(2026, 5, 1, 9, 30)) == "2026-05-01T09:30:00"
    assert iso(None) is None


def test_contract_fields() -> None:
    body = "Vote on May 5. \"Yes,\" said Kim."
    event = Event(when=dt.date(2026, 5, 5), label="Vote", kind="scheduled", text="on May 5", start=5, end=13,
                  mentions=(Span("on May 5", 5, 13),), until=dt.date(2026, 5, 6))
    quote = Quote(text="Yes,", start=16, end=20, via="X", partial=False)
    article = Article(
        path="a.txt", body=body, title="T", source="S", author="A", reference_time=dt.date(2026, 5, 1),
        reference_basis="front matter date", summary=(Span("Vote on May 5.", 0, 14),),
        speakers=(Speaker("Kim Lee", aliases=("Kim",), role=None, quotes=(quote,)),),
        unattributed=(Quote(text="Vote", start=0, end=4, partial=True),), events=(event,), warnings=("w",),
    )
    contract = to_contract(Briefing(now=NOW, articles=(article,)), body=True)
    assert json.loads(json.dumps(contract)) == contract
    assert (contract["schema"], contract["now"]) == (1, "2026-11-24T19:00:00+00:00")
    entry = contract["articles"][0]
    assert entry["reference_time"] == "2026-05-01" and entry["summary"] == ["Vote on May 5."]
    assert entry["speakers"] == [{
        "name": "Kim Lee", "aliases": ["Kim"], "role": None,
        "quotes": [{"text": "Yes,", "via": "X", "partial": False, "start": 16, "end": 20}],
    }]
    assert entry["unattributed"][0]["partial"] is True
    assert entry["events"] == [{
        "when": "2026-05-05", "label": "Vote", "kind": "scheduled", "text": "on May 5", "start": 5, "end": 13,
        "mentions": [{"text": "on May 5", "start": 5, "end": 13}], "until": "2026-05-06",
    }]
    assert entry["warnings"] == ["w"] and entry["body"] == body and entry["author"] == "A"
    assert "body" not in article_to_dict(article)
