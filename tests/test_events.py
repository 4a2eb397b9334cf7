"""Which word each time dates (the event's trigger), as a table: sentence, time, trigger.

A verb near the time is its event ("shares fell Friday"); so is a noun that names an event
("the invasion on Aug. 2"), above all the noun a time modifies ("yesterday's announcement",
"the 1987 crash"). A noun after "after"/"before" is what a counted time counts from, not
what it dates ("17 minutes after liftoff, it released ...")."""
from __future__ import annotations

import pytest

import timeline
from timeline import events

CASES = [
    # sentence, the time, the trigger of the event it dates (None: it dates no event)
    ("Shares fell sharply on Friday.", "Friday", "fell"),
    ("Cineplex shareholders responded coolly to yesterday's announcement.", "yesterday", "announcement"),
    ("Analysts compared the slide with the 1987 crash.", "1987", "crash"),
    ("Iraq condemned the Aug. 2 invasion of Kuwait.", "Aug. 2", "invasion"),
    ("The company reported third-quarter losses of $5 million.", "third-quarter", "losses"),
    ("He cut short his two-week visit to China.", "two-week", "visit"),
    ("He launched his campaign for the 2024 presidential election on Wednesday.", "2024", "election"),
    ("He launched his campaign for the 2024 presidential election on Wednesday.", "Wednesday", "launched"),
    ("The 2025 budget plan was approved by the council.", "2025", None),  # modifies no event noun
    ("Talks between the two sides resumed in March.", "March", "resumed"),
    ("The strike in January cost the airline $40 million.", "January", "strike"),
    ("Within 15 minutes, the outage had spread to Leeds.", "15 minutes", "spread"),  # a subject
    ("Wednesday's game in Munich starts at 9 p.m.", "Wednesday", "game"),
    # A known verb's -s form after its subject, whatever the subject's last letter; not
    # after an -ed or -ing modifier of it as a plural noun.
    ("The final begins at 4 p.m. on Sunday.", "4 p.m. on Sunday", "begins"),
    ("The council meets on Tuesday.", "Tuesday", "meets"),
    ("Record profits rising reports appeared in March.", "March", "appeared"),
    # Not every word after an auxiliary is its verb; a bare verb form after a noun is a noun.
    ("The following were among Friday's offerings.", "Friday", "were"),
    ("The bank, which now has 45 branches, will adopt the name.", "now", "has"),
    ("Engineers restored power to most customers by 9 p.m.", "9 p.m.", "restored"),
    ("The vote was held open for 45 minutes.", "45 minutes", "held"),
    ("The inspectors resumed work in Iraq on Friday.", "Friday", "resumed"),
    ("Seventeen minutes after liftoff, the rocket released its satellite.", "Seventeen minutes", "released"),
    # An event noun that is the object of a verb right before it: the time dates the verb.
    ("Bush told a news conference on Tuesday that the barrier would hold.", "Tuesday", "told"),
    ("Regulators received no filings since Dow Jones launched the offer on Sept. 26.", "Sept. 26", "launched"),
    # ... but a light or aspectual verb's object noun is the event itself.
    ("The sheriff will hold a news conference at 2 p.m.", "2 p.m.", "conference"),
    ("The chair began his press conference at 2:30 p.m.", "2:30 p.m.", "conference"),
    # A participle set off by commas is an aside, not the clause's verb.
    ("In recent months a group of lenders, led by Bank of America, has extended credit.", "recent months",
     "extended"),
    ("Two hours before the vote, the senator resigned.", "Two hours", "resigned"),
    # "to" before a number or a noun is a preposition; an adverb after an auxiliary is no verb.
    ("Profit fell to $58.6 million in the third quarter.", "the third quarter", "fell"),
    ("He will be selling more shares to foreign clients in the future.", "the future", "selling"),
    ("In the past, Russia has often claimed the port.", "the past", "claimed"),
    # A clause after ", who" starts with its verb.
    ("The inspector, who arrived Thursday with 50 experts, had been barred.", "Thursday", "arrived"),
    # A time said as an adverb dates the verb right after it.
    ("The envoy said he now believed the hostage was dead.", "now", "believed"),
    ("Its liabilities currently exceed its assets.", "currently", "exceed"),
    # A time written as an adjective dates the verb of the noun it modifies.
    ("The airline reported third-quarter profit jumped 45%.", "third-quarter", "jumped"),
    ("Third-quarter sales dropped 11% to $1.27 billion.", "Third-quarter", "dropped"),  # not "sales"
    # ... and with no verb after it, the period's result itself: not the report of it.
    ("Control Data reported third-quarter earnings of $9.8 million.", "third-quarter", "earnings"),
    ("It earned $2 million, compared with year-earlier net income of $967,809.", "year-earlier", "income"),
    ("The bank expects to achieve record earnings in 1990.", "1990", "achieve"),  # not modified
    # No verb: a word after a number, a capitalized "Am", a hyphenated adjective, an adverb.
    ("Sales in the latest period were $1.76 billion.", "the latest period", "were"),
    ("She flew a Pan Am jumbo in 1988.", "1988", "flew"),
    ("The delays will mean lower-than-anticipated earnings for 1990.", "1990", "mean"),
    ("Qantas will almost double its flights by August.", "August", "double"),
    # A phrase that opens the sentence and ends with the time dates the main verb after its
    # comma, not a gerund inside it; an -s form before a past verb is that verb's subject.
    ("In composite trading Friday, Aetna closed at $60, down 50 cents.", "Friday", "closed"),
    ("In trading on the Nasdaq yesterday, POP shares plunged $4.", "yesterday", "plunged"),
    ("On the Toronto Stock Exchange yesterday, Magna shares closed up 37.5 cents.", "yesterday", "closed"),
    ("On June 30, loss reserves stood at $108.3 million.", "June 30", "stood"),
    ("After meeting the mayor on Monday, he left.", "Monday", "meeting"),  # not a scene
    ("The union sees talks resuming Monday.", "Monday", "resuming"),  # no phrase opens it
    # A period with the day it ends: both times date its end, not the clause's verb.
    ("For the year ended Sept. 30, Ralston earned $422.5 million.", "Sept. 30", "ended"),
    ("For the year ended Sept. 30, Ralston earned $422.5 million.", "the year", "ended"),
    ("It expects a loss for the fourth quarter ending on June 30.", "the fourth quarter", "ending"),
    ("The offer ended Friday and shares fell on Monday.", "Monday", "fell"),
    # The time of the amount a change is measured from dates no event (not the rise).
    ("Net rose to $108.8 million from $90.5 million, or $1.12 a share, a year ago.", "a year ago", None),
    ("Sales dropped 11% to $1.27 billion from $1.43 billion in the year-ago quarter.",
     "the year-ago quarter", None),
    ("The company moved its headquarters from Boston in 1999.", "1999", "moved"),
    # A clock time that recurs ("a nightly curfew from 10 p.m.") dates no event.
    ("The army imposed a nightly curfew from 10 p.m. to 5 a.m.", "10 p.m.", None),
    # A time in what a reporting verb reports dates the reported verb; a time right after
    # the reporting verb, or after its preposition or adverb, dates the report.
    ("Intel said that last week a customer discovered two flaws.", "last week", "discovered"),
    ("Norton said net income for the third quarter fell 6%.", "the third quarter", "fell"),
    ("The agency said Friday that it would investigate.", "Friday", "said"),
    ("The agency said in a statement Friday that it would investigate.", "Friday", "said"),
    ("Officials said privately Thursday that talks had stalled.", "Thursday", "said"),
]

# Verbs sharing one subject after a time said before them all share that time: each is an
# event of its own, with the subject in its description. A time inside one predicate, or a
# time of its own, dates that predicate alone; a pronoun or "that" starts another clause.
COORDINATED = [
    ("Last week, Hezbollah fighters killed three soldiers and seriously wounded six others.",
     "Last week", [("killed", None), ("wounded", "Hezbollah fighters wounded six others")]),
    ("During the quarter, Delta issued 2.5 million shares, and repurchased 1.1 million shares.",
     "the quarter", [("issued", None), ("repurchased", "Delta repurchased 1.1 million shares")]),
    ("In the third quarter, the bank charged $46 million against earnings, added $20 million to "
     "its reserves and established a $30 million fund.", "the third quarter",
     [("charged", None), ("added", "The bank added $20 million to its reserves"),
      ("established", "The bank established a $30 million fund")]),
    ("Mr. Lortie joined Provigo in 1985 and spearheaded its drive abroad.", "1985", [("joined", None)]),
    ("He was arrested on Monday and released on bail Tuesday.", "Monday", [("arrested", None)]),
    ("The company said Friday that it had losses and sold its unit.", "Friday", [("said", None)]),
    ("On Friday net income fell 22%, reflecting the storm and lower results.", "Friday", [("fell", None)]),
    ("Smith, who in 1990 joined the firm, left and founded a rival.", "1990", [("joined", None)]),
]


@pytest.mark.parametrize("sentence,time_text,dated", COORDINATED)
def test_coordinated_verbs_share_the_time_said_before_them(sentence, time_text, dated):
    found = timeline.extract(sentence, reference="2024-06-12", tz="UTC")
    index = next(i for i, m in enumerate(found.mentions) if m.text == time_text)
    events_dated = sorted((e for e in found.events if index in e.mentions), key=lambda e: e.trigger_span)
    assert [e.trigger for e in events_dated] == [trigger for trigger, _ in dated]
    for event, (_, description) in zip(events_dated, dated):
        assert description is None or event.description == description


def trigger_of(sentence: str, time_text: str) -> str | None:
    found = timeline.extract(sentence, reference="2024-06-12", tz="UTC")
    index = next(i for i, m in enumerate(found.mentions) if m.text == time_text)
    dated = [e.trigger for e in found.events if index in e.mentions]
    return dated[0] if dated else None


@pytest.mark.parametrize("sentence,time_text,trigger", CASES)
def test_the_event_a_time_dates(sentence, time_text, trigger):
    assert trigger_of(sentence, time_text) == trigger


def test_event_nouns_are_lower_case_words():
    nouns = events.event_nouns("en")
    assert {"invasion", "talks", "election", "crash"} <= nouns
    assert all(noun == noun.lower() and " " not in noun for noun in nouns)


@pytest.mark.parametrize("sentence, start, end", [
    ("EU leaders will meet March 20-21 in Brussels.", "2024-03-20T00:00:00+01:00", "2024-03-22T00:00:00+01:00"),
    # To a clock time, a range ends at that instant; to a day, at the day's end.
    ("Polls are open 7 a.m.-8 p.m. Tuesday.", "2024-03-12T07:00:00+01:00", "2024-03-12T20:00:00+01:00"),
    ("The curfew ran from 10 p.m. Thursday until 5 a.m. Friday.", "2024-03-14T22:00:00+01:00",
     "2024-03-15T05:00:00+01:00"),
    ("The fair ran from March 1 to March 3.", "2024-03-01T00:00:00+01:00", "2024-03-04T00:00:00+01:00"),
])
def test_a_range_is_one_event_from_its_first_to_its_last_time(sentence, start, end):
    (event,) = timeline.extract(sentence, reference="2024-03-15", tz="Europe/Brussels")
    assert (event.time.start.isoformat(), event.time.end.isoformat()) == (start, end)
