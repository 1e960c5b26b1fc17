"""The engine on short texts we wrote, one behaviour each: what a reader of the panes would notice."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.core.analyze import analyze_document
from briefing.core.sentences import split_sentences
from briefing.model import Article, Document

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def analyse(body: str, published: str | None = None) -> Article:
    return analyze_document(Document(path="t.txt", body=body, published=published, published_basis="front matter date"), NOW)


def speakers(article: Article) -> dict[str, list[str]]:
    return {s.name: [q.text for q in s.quotes] for s in article.speakers}


def days(article: Article) -> list[dt.date]:
    return [e.when.date() if isinstance(e.when, dt.datetime) else e.when for e in article.events]


# -- sentences ---------------------------------------------------------------------------------

def test_abbreviations_and_initials_do_not_end_sentences():
    body = ("Gov. Ellen Marsh met Sen. Tomas Rue in St. Louis at 5 p.m. Tuesday. "
            "Donald J. Trump flew to the U.S. capital. It rained.")
    texts = [body[s.start:s.end] for s in split_sentences(body)]
    assert texts == [
        "Gov. Ellen Marsh met Sen. Tomas Rue in St. Louis at 5 p.m. Tuesday.",
        "Donald J. Trump flew to the U.S. capital.",
        "It rained.",
    ]


# -- quotes and speakers ------------------------------------------------------------------------

def test_split_quote_with_inverted_attribution_is_one_speaker():
    article = analyse('"We are ready," said Mara Quill, the union leader, "but not at any price."')
    assert speakers(article) == {"Mara Quill": ["We are ready", "but not at any price."]}
    assert article.speakers[0].role == "union leader"


def test_pronoun_and_role_refer_back_to_the_named_person():
    body = ("Foreign Minister Ada Lorne said the text was final.\n\n"
            '"Nobody gets everything," the minister said.\n\n'
            'Asked about sanctions, she was cautious. "Not yet," she said.')
    article = analyse(body)
    assert speakers(article) == {"Ada Lorne": ["Nobody gets everything", "Not yet"]}


def test_people_sharing_a_surname_stay_apart():
    body = ('Commissioner Rita Vale and restaurant owner Omar Vale, who are not related, met.\n\n'
            '"I have a record," Rita Vale said.\n\n"She has opinions," Omar Vale told reporters.')
    assert speakers(analyse(body)) == {"Rita Vale": ["I have a record"], "Omar Vale": ["She has opinions"]}


def test_colon_introduction_and_handle_line_merge_into_the_person():
    body = ("Mayor Jon Brae posted on X on Monday. Later he wrote:\n\n"
            '"The bridge opens when it is safe, not before."\n— @MayorBrae')
    article = analyse(body)
    assert [s.name for s in article.speakers] == ["Jon Brae"]
    assert "@MayorBrae" in article.speakers[0].aliases
    assert article.speakers[0].quotes[0].via == "X"


def test_british_single_quotes_with_apostrophes_and_plural_possessives():
    body = ("The drivers' union was unmoved. 'We don't need the money and we won't sell,' "
            "said Ola Finch. 'The players' families agree.'")
    assert speakers(analyse(body)) == {"Ola Finch": ["We don't need the money and we won't sell",
                                                     "The players' families agree."]}


def test_quote_running_across_paragraphs_stays_with_its_speaker():
    body = ('In a statement, Judge Ines Moro wrote:\n\n"The court has waited.\n\n'
            '"It will not wait again."\n\nThe company declined to comment.')
    assert speakers(analyse(body)) == {"Ines Moro": ["The court has waited.", "It will not wait again."]}


def test_scare_quote_is_partial_and_unsupported_quote_is_unattributed():
    body = ('Critics say the "enforcement" rules are weak.\n\n'
            '"Who decided our kids won\'t swim?"\n\nNone of the notes is signed.')
    article = analyse(body)
    assert article.speakers == ()
    assert [q.text for q in article.unattributed][-1] == "Who decided our kids won't swim?"
    assert article.unattributed[0].partial


def test_organisation_speaking_for_itself_is_a_speaker():
    body = ('The scooter maker Vantel Mobility recalled 4,000 units.\n\n'
            '"Riders should stop now," the company said in a statement.')
    article = analyse(body)
    assert speakers(article) == {"Vantel Mobility": ["Riders should stop now"]}
    assert article.speakers[0].quotes[0].via == "a statement"


def test_quote_offsets_point_at_the_quoted_words():
    body = 'Intro line.\n\n“Hold the line,” Kit Ober said.'
    article = analyse(body)
    quote = article.speakers[0].quotes[0]
    assert body[quote.start:quote.end] == quote.text == "Hold the line"


# -- reference time and events ------------------------------------------------------------------

def test_dateline_without_year_takes_the_year_its_weekday_fits():
    # 11 May falls on a Sunday in 2025, and "Thursday" then lands on the 15th, which the text names.
    body = ("KYIV, May 11 — Talks were proposed for May 15. "
            "The ceasefire must start tomorrow, and leaders will meet on Thursday.")
    article = analyse(body)
    assert article.reference_time == dt.date(2025, 5, 11)
    assert dt.date(2025, 5, 12) in days(article)
    assert dt.date(2025, 5, 15) in days(article)


def test_tomorrow_with_a_date_anchors_the_reference_day():
    article = analyse("The firm will publish its report tomorrow, Friday, March 13, it said.")
    assert article.reference_time == dt.date(2026, 3, 12)
    assert "tomorrow" in (article.reference_basis or "")


def test_no_date_means_no_invented_events():
    article = analyse("The council will vote on Thursday and meet again next week.")
    assert article.reference_time is None
    assert article.events == ()
    assert any("no publication date" in w for w in article.warnings)


def test_december_article_rolls_year_less_dates_into_next_year():
    article = analyse("Ministers will sign the treaty on January 5 and ratify it by 15 March.", "2026-12-09")
    assert days(article) == [dt.date(2027, 1, 5), dt.date(2027, 3, 15)]


def test_past_dates_are_not_events():
    body = ("Talks collapsed in late 2022. The board voted on Monday, and the plan was approved in June. "
            "The hearing will be held on Friday.")
    article = analyse(body, "2026-07-15")  # a Wednesday
    assert days(article) == [dt.date(2026, 7, 17)]


def test_one_event_keeps_every_mention():
    body = "The ceasefire starts on May 12. Both sides must stop firing by May 12, and the truce holds from May 12."
    article = analyse(body, "2026-05-10")
    assert len(article.events) == 1
    event = article.events[0]
    assert [m.text for m in event.mentions] == ["May 12", "May 12", "May 12"]
    assert event.label.startswith("Ceasefire")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The window closes at 1400 GMT on Thursday.", dt.datetime(2026, 8, 20, 14, 0, tzinfo=dt.timezone.utc)),
        ("Pre-orders open at 9 a.m. Eastern on Thursday.",
         dt.datetime(2026, 8, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4)))),
        ("The plan is due by midnight on Friday.", dt.datetime(2026, 8, 22, 0, 0)),
    ],
)
def test_times_of_day_and_zones(sentence: str, expected: dt.datetime):
    article = analyse(sentence, "2026-08-18")  # a Tuesday
    assert article.events[0].when == expected


def test_relative_phrases_count_from_the_reference_day():
    body = ("Crews expect to know within 48 hours. The regulator will meet them next Monday. "
            "Owners have 30 days to claim. Prisoners are to be freed by the end of the month. "
            "A vote is planned next week.")
    article = analyse(body, "2026-03-12")  # a Thursday
    assert days(article) == [dt.date(2026, 3, 14), dt.date(2026, 3, 16), dt.date(2026, 3, 16),
                             dt.date(2026, 3, 31), dt.date(2026, 4, 11)]
    window = [e for e in article.events if e.kind == "window"][0]
    assert (window.when, window.until) == (dt.date(2026, 3, 16), dt.date(2026, 3, 22))


def test_range_is_one_window():
    article = analyse("A special session will run from June 3 to June 5.", "2026-05-20")
    event = article.events[0]
    assert (event.when, event.until, event.kind) == (dt.date(2026, 6, 3), dt.date(2026, 6, 5), "window")
    assert event.text == "June 3 to June 5"


# -- summary ------------------------------------------------------------------------------------

def test_summary_is_whole_sentences_without_boilerplate():
    from briefing.core.load import document_from_text

    body = ("Card payments failed across the country on Thursday, leaving many shops cash-only. "
            "The processor will publish a report tomorrow, March 13, and refund fees by April 30. "
            "Shops took cash. Some closed early. One baker gave coffee away to regulars.\n\n"
            "© 2026 Daily Example. All rights reserved. Republication of any part of this article is prohibited.")
    article = analyze_document(document_from_text(body, "t.txt", "txt", []), NOW, summary_sentences=3)
    texts = [span.text for span in article.summary]
    assert len(texts) == 3
    assert all(t.endswith((".", "!", "?")) and body[s.start:s.end] == t for t, s in zip(texts, article.summary))
    assert any("March 13" in t for t in texts)
    assert not any("rights reserved" in t or "Republication" in t for t in texts)


def test_quote_after_an_introducing_sentence_in_the_same_paragraph():
    body = 'The harbour master, Lena Ostby, was blunt. "Nobody sails tonight."'
    assert speakers(analyse(body)) == {"Lena Ostby": ["Nobody sails tonight."]}


def test_byline_date_line_sets_the_reference_day():
    body = ("Harbour closes for repairs\n\nBy Ada Kell | Coast Weekly | March 3, 2026\n\n"
            "The harbour will close on Friday for two weeks.")
    article = analyse(body)
    assert article.reference_time == dt.date(2026, 3, 3)
    assert days(article) == [dt.date(2026, 3, 6)]


def test_infinitive_under_a_simple_past_verb_is_the_story_past():
    # Tuesday 2026-08-11: people were ordered out today; "has told ... to reopen" points ahead.
    body = ("Residents were ordered to leave their homes on Tuesday. "
            "The council has told the contractor to reopen the bridge within 48 hours.")
    article = analyse(body, "2026-08-11")
    assert days(article) == [dt.date(2026, 8, 13)]


def test_labels_name_the_event():
    body = ("Talks on a shared repair fleet will take place in Tallinn from June 3 to June 5. "
            "The launch window closes on June 16, and previews begin on June 20.")
    labels = [e.label for e in analyse(body, "2026-05-01").events]
    assert labels == ["Talks begin in Tallinn", "Launch window closes", "Previews begin"]


def test_pronouns_follow_the_subject_and_agree_in_gender():
    body = ("Rosa Teague, the trust's chief executive, sat beside her deputy, Ivo Marsh, as he read the figures.\n\n"
            '"We are moving births, not closing care," she said.\n\n'
            'Costs would fall, he said, adding: "Every clinic stays."\n\n'
            "Nell Orme, a midwife, told the forum she had warned Teague in March.\n\n"
            '"Nobody wrote it down," she said.')
    assert speakers(analyse(body)) == {
        "Rosa Teague": ["We are moving births, not closing care"],
        "Ivo Marsh": ["Every clinic stays."],
        "Nell Orme": ["Nobody wrote it down"],
    }


def test_more_date_forms():
    # 2026-10-01 is a Thursday.
    body = ("The trial resumes on Thursday 8 October, with closing speeches the following Monday; "
            "the jury could retire on the 14th. A festival will run 12–14 November. "
            "The regulator gave it 30 days to reply. On Monday the jury heard evidence.")
    article = analyse(body, "2026-10-01")
    assert days(article) == [dt.date(2026, 10, 8), dt.date(2026, 10, 12), dt.date(2026, 10, 14),
                             dt.date(2026, 10, 31), dt.date(2026, 11, 12)]
    festival = [e for e in article.events if e.kind == "window"][0]
    assert festival.until == dt.date(2026, 11, 14)


def test_numeric_dateline_and_present_tense_for_the_future():
    body = ("KEHL / STRASBOURG, 21.05.2026 – The mayor said he wanted a deal before the council meets on "
            "2 June.")
    article = analyse(body)
    assert article.reference_time == dt.date(2026, 5, 21)
    assert days(article) == [dt.date(2026, 6, 2)]


def test_qa_transcript_answers_are_the_interviewees_quotes():
    body = ("Interview by Kit Amberley\n\nMara Voss has run the lighthouse trust for ten years. She spoke to us.\n\n"
            "Q: Why close it?\n\nA: Because the wall is hollow. My father said, \"Trust the sea.\" I do.\n\n"
            "Q: What next?\n\nA: The board meets in January.")
    article = analyse(body)
    assert speakers(article) == {"Mara Voss": ['Because the wall is hollow. My father said, "Trust the sea." I do.',
                                               "The board meets in January."]}


def test_a_paragraph_signed_by_a_line_under_it_is_a_quote():
    body = ("Customers seem to agree.\n\nThe hardest part was the one cron job nobody remembered.\n\n"
            "— Hedda Lind, platform lead at Parcelo\n\nAnd this arrived yesterday:\n\n"
            "Moved the whole fleet in one afternoon.\n\n— Jun Rey (@junbuilds) March 3, 2026")
    article = analyse(body)
    assert speakers(article) == {"Hedda Lind": ["The hardest part was the one cron job nobody remembered."],
                                 "Jun Rey": ["Moved the whole fleet in one afternoon."]}
    assert "@junbuilds" in article.speakers[1].aliases
    assert article.speakers[0].role == "platform lead at Parcelo"


def test_spokesperson_speaks_for_the_organisation_and_appositives_pick_the_person():
    body = ('Kelder Council has closed two roads.\n\nA spokeswoman for the council said: "Crews are out all night."\n\n'
            'Chief Executive of the Westmoor Trust, Owen Gale, said: "We will rebuild."\n\n'
            'Gareth Pendry, secretary of the Kiln Lane Society, said members had been "blindsided".')
    assert speakers(analyse(body)) == {"Kelder Council": ["Crews are out all night."],
                                       "Owen Gale": ["We will rebuild."], "Gareth Pendry": ["blindsided"]}


def test_unnamed_people_stay_unnamed_and_embedded_posts_are_quotes():
    body = ("Mira Holt, an analyst at Pike Securities, rates the stock a buy.\n\n"
            'Another analyst, who asked not to be named, said cuts were coming. "Nobody flies everyone in to say '
            'nothing," the analyst said.\n\n'
            "Councillor Dana Whit posted on X on Wednesday:\n\n"
            "Dana Whit @DanaWhitCllr · Mar 4\n\nThe bridge reopens on Monday.\n\n1.2K likes · 214 reposts")
    article = analyse(body, "2026-03-05")
    assert speakers(article) == {"Dana Whit": ["The bridge reopens on Monday."]}
    assert "@DanaWhitCllr" in article.speakers[0].aliases
    assert article.speakers[0].quotes[0].via == "X"
    assert [q.text for q in article.unattributed] == ["Nobody flies everyone in to say nothing"]


def test_participle_opener_before_the_subject():
    body = ('Speaking to reporters at the PMRC offices, Mr. Suresh Kale, Managing Director, PMRC, said fares '
            'would rise. "Our power bill has gone up by 38%," he said.')
    assert speakers(analyse(body)) == {"Suresh Kale": ["Our power bill has gone up by 38%"]}


def test_double_quotes_inside_a_single_quote_stay_inside():
    body = "'We've been told \"any week now\" since 2023,' said Morag Nell. 'We will believe it at the ramp.'"
    assert speakers(analyse(body)) == {"Morag Nell": ['We\'ve been told "any week now" since 2023',
                                                      "We will believe it at the ramp."]}


def test_end_of_next_month_payable_and_past_participles():
    # 2026-08-03 is a Monday.
    body = ("Guidelines will be published by the end of next month. The board kept its dividend, payable "
            "September 1st. The jury, having retired on Monday afternoon, returned a verdict. "
            "Her first book sold out in a month.")
    article = analyse(body, "2026-08-05")
    assert days(article) == [dt.date(2026, 9, 1), dt.date(2026, 9, 30)]


def test_present_perfect_announces_a_window_ahead():
    # 2026-11-18 is a Wednesday.
    body = "An amber warning has been issued for the coast from 6pm Friday until 9am Saturday."
    event = analyse(body, "2026-11-18").events[0]
    assert (event.when, event.until, event.kind) == (dt.datetime(2026, 11, 20, 18, 0), dt.date(2026, 11, 21), "window")
    assert event.label == "Warning begins"


def test_organisation_names_with_of_and_and_are_whole_speakers():
    article = analyse(
        "Quotas cut again\n\n"
        "TROMSO, March 3 — Quotas for snow crab will fall next season.\n\n"
        "\"The stock cannot carry the catch,\" the Department of Fisheries and Aquaculture said.\n\n"
        "The Bank of Ostmark said: \"Prices will ease.\"\n\n"
        "\"We are reviewing the decision,\" a spokesperson for the Ministry of Coastal Affairs said.\n\n"
        "\"It is a sad day,\" said Professor Ivo Hale of the University of Tromso. Hale added: \"Nobody wins.\"\n"
    )
    found = speakers(article)
    assert found["Department of Fisheries and Aquaculture"] == ["The stock cannot carry the catch"]
    assert found["Bank of Ostmark"] == ["Prices will ease."]
    assert found["Ministry of Coastal Affairs"] == ["We are reviewing the decision"]
    assert found["Ivo Hale"] == ["It is a sad day", "Nobody wins."]
    hale = next(speaker for speaker in article.speakers if speaker.name == "Ivo Hale")
    assert all("Tromso" not in alias for alias in hale.aliases)  # "Tromso. Hale" is two sentences


def test_colon_introduction_beats_the_next_sentences_subject():
    article = analyse(
        "Figures out\n\n"
        "Ada Okafor, who leads the Office for National Statistics, said: \"The data are clear.\" "
        "Ben Ruiz said he would publish more on Friday.\n"
    )
    assert speakers(article) == {"Ada Okafor": ["The data are clear."]}


def test_the_company_is_not_the_regulator_mentioned_last():
    article = analyse(
        "Launch\n\n"
        "Tallow Labs unveiled a reader on Monday. Its radio was cleared by the Federal Spectrum Commission in June.\n\n"
        "In a statement, the company said: \"Every unit gets five years of updates.\"\n"
    )
    assert speakers(article) == {"Tallow Labs": ["Every unit gets five years of updates."]}


def test_a_first_name_alone_is_the_one_person_who_has_it():
    article = analyse(
        "Kiln reopens\n\n"
        "\"We nearly lost everything,\" said Ada Okafor, who runs the pottery with her brother.\n\n"
        "Ada says the kiln fires on Friday. \"It is a second life,\" she said.\n\n"
        "Her brother, Ben Okafor, was cautious. \"We need orders,\" Ben said.\n"
    )
    assert speakers(article) == {"Ada Okafor": ["We nearly lost everything", "It is a second life"],
                                 "Ben Okafor": ["We need orders"]}


def test_a_first_name_two_people_share_names_neither():
    article = analyse(
        "Two Adas\n\n"
        "\"Sell,\" said Ada Okafor. \"Hold,\" said Ada Lindqvist.\n\n"
        "\"Wait,\" Ada said.\n"
    )
    found = speakers(article)
    assert found["Ada Okafor"] == ["Sell"] and found["Ada Lindqvist"] == ["Hold"]
    assert "Wait" not in found["Ada Okafor"] + found["Ada Lindqvist"]


def test_dateline_with_weekday_and_no_comma_and_the_24_hour_clock():
    article = analyse(
        "Port strike talks\n\n"
        "LISBON, Tuesday 12 May 2026 — Negotiators meet again at 10:00 on Wednesday, the union said.\n\n"
        "Ferry services will be suspended between 14 and 16 May.\n"
    )
    assert article.reference_time == dt.date(2026, 5, 12)
    meeting, ferries = article.events
    assert meeting.when == dt.datetime(2026, 5, 13, 10, 0)
    assert (ferries.when, ferries.until, ferries.kind) == (dt.date(2026, 5, 14), dt.date(2026, 5, 16), "window")
    assert ferries.label == "Ferry services suspended"


def test_a_clock_after_a_dash_belongs_to_another_place():
    article = analyse(
        "Launch\n\nKOUROU, Nov. 20 — The launch window opens at 23:52 UTC on 29 December — "
        "20:52 local time in Kourou.\n"
    )
    assert article.events[0].when == dt.datetime(2026, 12, 29, 23, 52, tzinfo=dt.timezone.utc)


def test_someone_the_article_never_names_stays_unnamed():
    article = analyse(
        "Board row\n\n"
        "\"We warned them,\" said Ada Okafor, the former finance chief.\n\n"
        "One analyst at a Castleport brokerage, who asked not to be identified, said: \"The market can live with it.\"\n\n"
        "A teenager in the reading room said he would miss the seats. \"It is the only quiet place,\" he said.\n\n"
        "A lawyer for the firm, Ben Hale, declined to comment. \"We will let the filing speak,\" he said.\n"
    )
    assert speakers(article) == {"Ada Okafor": ["We warned them"], "Ben Hale": ["We will let the filing speak"]}
    assert [quote.text for quote in article.unattributed] == ["The market can live with it.", "It is the only quiet place"]


def test_a_shortened_second_mention_of_an_organisation_is_the_same_speaker():
    article = analyse(
        "Writedown\n\n"
        "The former finance chief of Brightwater and Lyle Holdings said she warned the board.\n\n"
        "Brightwater and Lyle said in a statement: \"The board acted on the advice of valuers.\"\n\n"
        "\"We will not argue through the press,\" the company said.\n"
    )
    assert speakers(article) == {"Brightwater and Lyle Holdings": [
        "The board acted on the advice of valuers.", "We will not argue through the press"]}


def test_guillemets_close_only_with_guillemets_and_a_dotted_title_before_a_role():
    article = analyse(
        "Lake vote\n\n"
        "« Every spring they write back and say \"be patient, the file is progressing\". Six years of it », "
        "said Sylvie Rochat.\n\n"
        "\"Both delegations will be back on Monday,\" U.N. special envoy Tomas Lund told reporters.\n"
    )
    found = speakers(article)
    assert found["Sylvie Rochat"] == ['Every spring they write back and say "be patient, the file is progressing". Six years of it']
    assert found["Tomas Lund"] == ["Both delegations will be back on Monday"]


def test_a_date_stamp_ending_in_pm_is_the_reference_day():
    article = analyse("Board row\n\nWednesday, November 11, 2026 | Updated 4:15 p.m.\n\nShareholders meet on Dec. 3.\n")
    assert article.reference_time == dt.date(2026, 11, 11)
    assert days(article) == [dt.date(2026, 12, 3)]


def test_tense_reads_past_verbs_across_nouns_joined_by_and_and_ignores_agentive_by():
    article = analyse(
        "Bridge shut\n\nHARWICK, Aug. 21 — The crack was discovered during an underwater and structural "
        "inspection on Tuesday and confirmed by a second team Wednesday. The bridge reopens on Aug. 27.\n",
        "2026-08-21",
    )
    assert days(article) == [dt.date(2026, 8, 27)]


def test_an_ed_verb_after_a_name_is_the_past_and_a_subordinate_clause_is_not_the_dates_tense():
    article = analyse(
        "Race\n\nCARDIFF, April 22 — The Schools Trust debated funding on Tuesday, after a debate that ran late.\n\n"
        "Organisers have moved part of Sunday's course away from the river after engineers found a crack.\n",
        "2026-04-22",
    )
    assert days(article) == [dt.date(2026, 4, 26)]


def test_a_spokeswoman_for_a_body_makes_the_spokeswoman_said_that_body():
    article = analyse(
        "Bridge shut\n\n"
        "A spokeswoman for the Department of Roads and Bridges said the crack was found on Tuesday.\n\n"
        "\"The bridge is not in danger of collapse,\" the spokeswoman said.\n"
    )
    assert speakers(article) == {"Department of Roads and Bridges": ["The bridge is not in danger of collapse"]}


def test_a_sentence_that_is_all_quote_is_not_a_key_point():
    article = analyse(
        "Ferry\n\nCARRACH, May 4 — The island ferry will return to service on Friday, the operator said.\n\n"
        "\"We are sorry,\" the operator said. \"We apologise to the community for the cancelled trips this spring "
        "and we will run extra sailings all summer.\"\n\n"
        "A public meeting on the ferry will be held next Tuesday in the village hall at 7.30pm.\n",
        "2026-05-04",
    )
    assert article.summary and all("apologise" not in span.text for span in article.summary)


def test_a_british_quote_opened_mid_paragraph_runs_on_into_the_next():
    article = analyse(
        "Inquiry opens\n\n"
        "Opening the hearing, the chair, Dame Felicity Oduya, said: 'I want to be clear about what this is for. "
        "It is not here to find a villain.\n\n"
        "'It is here to find out why a town that was warned three times still went under.'\n\n"
        "She said the inquiry would hear from 47 witnesses.\n"
    )
    assert speakers(article) == {"Felicity Oduya": [
        "I want to be clear about what this is for. It is not here to find a villain.",
        "It is here to find out why a town that was warned three times still went under.",
    ]}


def test_a_colon_after_a_role_and_its_appositive_name_quotes_the_name():
    article = analyse(
        "Merger\n\n"
        "The bank's chairman, Sir Malcolm Ettrick-Boyd, put it more bluntly in a call on Tuesday: "
        "\"We did not court this society to ruin it.\"\n"
    )
    assert speakers(article) == {"Malcolm Ettrick-Boyd": ["We did not court this society to ruin it."]}
    assert article.speakers[0].role == "bank's chairman"


def test_holidays_intentions_and_rules():
    article = analyse(
        "Fares\n\nCITY, Dec. 15 — Service on New Year's Eve will be free after 8 p.m., the authority said.\n\n"
        "The chair said she intended to publish an interim report by 30 January.\n\n"
        "The report recommends that every depot be inspected within 30 days.\n\n"
        "The chairman put it bluntly in a call on Tuesday: \"We will not sell.\"\n",
        "2026-12-15",  # a Tuesday
    )
    assert days(article) == [dt.date(2026, 12, 31), dt.date(2027, 1, 30)]


def test_an_interview_whose_questions_stand_alone_quotes_the_interviewee():
    article = analyse(
        "Chef interview\n\n"
        "Ada Morrow, 41, learned to cook in a church hall, feeding the Sunday lunch queue. Interview by Ben Hale.\n\n"
        "You closed at the height of your success. Why?\n\n"
        "Because I was about to fall over. I was working ninety-hour weeks.\n\n"
        "What did you do for eight months?\n\n"
        "Slept, mostly. Then I cooked with my aunties.\n\n"
        "What is next?\n\n"
        "Sleep, again. And a signing on the 21st.\n\n"
        "Ember & Salt reopens on Friday 13 November.\n",
        "2026-11-05",  # a Thursday
    )
    assert speakers(article) == {"Ada Morrow": [
        "Because I was about to fall over. I was working ninety-hour weeks.",
        "Slept, mostly. Then I cooked with my aunties.",
        "Sleep, again. And a signing on the 21st.",
    ]}
    assert days(article) == [dt.date(2026, 11, 13), dt.date(2026, 11, 21)]  # no "Sunday lunch" past


def test_an_explainer_with_question_headings_is_not_an_interview():
    article = analyse(
        "Budget explained\n\n"
        "What is in the budget?\n\nThe council plans to spend more on roads, officials said.\n\n"
        "Who pays?\n\nHouseholds in the county pay through the rates.\n\n"
        "When is the vote?\n\nCouncillors vote on the plan next month.\n"
    )
    assert speakers(article) == {}


def test_next_weekday_said_the_day_before_is_a_week_later_and_a_written_date_settles_it():
    wednesday = analyse("Rent cap\n\nA workshop for hosts is next Thursday at 6 p.m. at the library.\n", "2026-04-08")
    assert days(wednesday) == [dt.date(2026, 4, 16)]
    thursday = analyse("Chef\n\nIt reopens next Friday, 13 November, and the book is published on 19 November.\n",
                       "2026-11-05")
    assert days(thursday) == [dt.date(2026, 11, 13), dt.date(2026, 11, 19)]


def test_nationality_bodies_stay_closed_and_notices_in_capitals():
    article = analyse(
        "Derby\n\nASHGROVE, Oct. 16 — Marco Ferri names his side on Saturday.\n\n"
        "The Italian, who is in his second season, said he expected a \"very physical\" afternoon.\n\n"
        "Northvale Buses said services would be diverted. \"Allow ten extra minutes,\" a spokesperson for the company said.\n\n"
        "The council said the school would stay closed on Monday.\n\n"
        "NOTICE IS HEREBY GIVEN that the council has made an Order closing Mill Lane from Monday 19 October.\n",
        "2026-10-16",
    )
    found = speakers(article)
    assert found["Marco Ferri"] == ["very physical"] and found["Northvale Buses"] == ["Allow ten extra minutes"]
    assert dt.date(2026, 10, 19) in days(article)
    assert all(not span.text.startswith("NOTICE") for span in article.summary)


def test_a_wire_ledes_reporting_day_picks_the_datelines_year():
    body = ("Talks resume\n\nVELMARA, March 11 (Wire) - Estmark and Corvania agreed on Wednesday to resume talks "
            "over the sound. Two trawlers were released on Monday. A captain appears in court on March 17.\n")
    article = analyze_document(Document(path="t.txt", body=body), dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc))
    assert article.reference_time == dt.date(2026, 3, 11)  # a Wednesday; 11 March 2025 was a Tuesday


def test_a_year_long_past_needs_more_than_a_weekday_to_win():
    body = "Debate\n\nGAINESVILLE, Oct. 6 — The rivals will meet Thursday, organizers said Tuesday.\n"
    article = analyze_document(Document(path="t.txt", body=body), dt.datetime(2026, 5, 20, tzinfo=dt.timezone.utc))
    assert article.reference_time is not None and article.reference_time.year >= 2025


def test_names_in_a_list_after_the_are_things_not_people():
    article = analyse(
        "Budget\n\nMayor Teresa Lindqvist presented the budget on Monday.\n\n"
        "She said the changes, which would close the Eastgate, Riverside and Holloway Park branches on Mondays, "
        "would save money. \"Nobody is closing a library,\" she added.\n"
    )
    assert speakers(article) == {"Teresa Lindqvist": ["Nobody is closing a library"]}
