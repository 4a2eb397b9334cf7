"""End-to-end passages → expected ordered timelines (anchoring, conversions, sequence)."""
import pytest

import timeline


def timeline_of(text, reference, tz):
    return [(e.time.start.isoformat() if e.time.start else None,
             e.time.earliest.isoformat() if e.time.earliest else None,
             e.trigger) for e in timeline.extract(text, reference=reference, tz=tz)]


PASSAGES = [
    pytest.param(
        "The final begins at 4 p.m. on Sunday. Tickets sold out in 12 minutes when they went on "
        "sale on Sept. 16. The semifinal starts at 5 p.m. Friday. The second is on Saturday at "
        "the same time.", "2025-10-31", "Asia/Seoul",
        # an amount "in" a sentence that names its own day is measured on that day, not from
        # the last clock time; "at the same time" is that clock time again on another day
        [(None, "2025-09-16T00:00:00+09:00", "sold"),
         ("2025-09-16T00:00:00+09:00", "2025-09-16T00:00:00+09:00", "sale"),
         ("2025-10-31T17:00:00+09:00", None, "starts"),
         ("2025-11-01T17:00:00+09:00", None, "is"),
         ("2025-11-02T16:00:00+09:00", None, "begins")],
        id="an-amount-in-a-sentence-with-its-own-day-and-the-same-time-another-day"),
    pytest.param(
        "Officers searched the woods throughout Sunday. The sheriff, who will hold a news conference "
        "at 2 p.m., said the search went on overnight.", "2026-03-09", "America/Chicago",
        [("2026-03-08T00:00:00-06:00", "2026-03-08T00:00:00-06:00", "searched"),
         (None, "2026-03-08T20:00:00-05:00", "went"),
         ("2026-03-09T14:00:00-05:00", None, "conference")],
        id="what-will-happen-at-a-clock-time-is-not-on-a-day-gone-by"),
    pytest.param(
        "Police said on Thursday that the suspect had been arrested at 6 p.m. Thursday outside his "
        "home. Protesters marched on Friday morning, and the mayor spoke on Friday.",
        "2025-07-19", "America/Chicago",
        # a whole day's event sorts after that day's clock times, not after its parts of a day
        [("2025-07-17T18:00:00-05:00", None, "arrested"),
         ("2025-07-17T00:00:00-05:00", "2025-07-17T00:00:00-05:00", "said"),
         ("2025-07-18T00:00:00-05:00", "2025-07-18T00:00:00-05:00", "spoke"),
         (None, "2025-07-18T06:00:00-05:00", "marched")],
        id="a-whole-day-event-sorts-after-the-clock-times-of-its-day"),
    pytest.param(
        "People have been checking whether Friday's deadline is on winter time. Offers must "
        "remain valid until 1600 local time on Friday.", "2023-10-25T15:40:00+03:00", "Africa/Cairo",
        # what lasts until a clock time sorts at it, and a whole day's event after it
        [(None, None, "remain"),
         ("2023-10-27T00:00:00+02:00", "2023-10-27T00:00:00+02:00", "checking")],
        id="an-event-lasting-until-a-clock-time-sorts-at-it"),
    pytest.param(
        "The plane landed at 2:15 p.m. on Thursday. Officials said later that day that all were "
        "safe. Earlier in the day, the tower had warned of fog.", "2023-10-25T15:40:00+03:00",
        "Africa/Cairo",
        # "later that day" is after the clock time said on that day, "earlier in the day" before it
        [(None, "2023-10-19T00:00:00+03:00", "warned"),
         ("2023-10-19T14:15:00+03:00", None, "landed"),
         (None, "2023-10-19T14:15:00+03:00", "said")],
        id="later-that-day-is-after-the-clock-time-of-that-day"),
    pytest.param(
        "The statement was released at 2 p.m. EDT (1800 GMT). The United States moved its clocks "
        "forward on March 8, so the decision hit screens at 7 p.m. CET in Frankfurt.\n\nThe chair "
        "began his press conference at 2:30 p.m.", "2026-03-18", "America/New_York",
        # the same instant told on other clocks is back on its day, whatever day came between
        [("2026-03-08T00:00:00-05:00", "2026-03-08T00:00:00-05:00", "moved"),
         ("2026-03-18T14:00:00-04:00", None, "released"),
         ("2026-03-18T14:30:00-04:00", None, "conference")],
        id="the-same-instant-on-other-clocks-is-on-its-own-day"),
    pytest.param(
        "The rocket lifted off at 9:42 a.m. on Tuesday. A second attempt was called off on Sunday "
        "because of winds. The second stage shut down at 9:56 a.m.", "2026-02-10T14:00:00+09:00",
        "Asia/Tokyo",
        # a day before the last clock time's is background: later clock times stay on its day
        [("2026-02-08T00:00:00+09:00", "2026-02-08T00:00:00+09:00", "called"),
         ("2026-02-10T09:42:00+09:00", None, "lifted"),
         ("2026-02-10T09:56:00+09:00", None, "shut")],
        id="a-day-before-the-last-clock-time-is-background"),
    pytest.param(
        "The players did not walk on court until 11.41pm, which was 1.41pm in Rome. Ferrante, "
        "who won here last year, needed a medical timeout shortly after 1am.",
        "2027-01-30T09:15:00+11:00", "Australia/Melbourne",
        # "not … until" is when it happened; past midnight is read on the story's own clocks,
        # over a conversion and a year said in between
        [("2026-01-01T00:00:00+11:00", "2026-01-01T00:00:00+11:00", "won"),
         ("2027-01-29T23:41:00+11:00", None, "walk"),
         (None, "2027-01-30T01:00:00+11:00", "needed")],
        id="not-until-is-when-and-past-midnight-over-a-conversion"),
    pytest.param(
        "The second day will be held next Sunday, Nov. 10. The test will end at 6:30 p.m.\n\n"
        "The answer keys will be published on Wednesday, Nov. 13.", "2019-11-03T21:00:00-03:00",
        "America/Sao_Paulo",
        # a clock time ending a paragraph keeps its day; the next paragraph's date is its own
        [("2019-11-10T18:30:00-03:00", None, "end"),
         ("2019-11-10T00:00:00-03:00", "2019-11-10T00:00:00-03:00", "held"),
         ("2019-11-13T00:00:00-03:00", "2019-11-13T00:00:00-03:00", "published")],
        id="a-clock-time-ending-a-paragraph-does-not-take-the-next-paragraphs-day"),
    pytest.param(
        "The final will begin at 4 p.m. local time on Sunday. Tickets sold out when they went on "
        "sale on Sept. 16. The final starts at 0700 GMT, which in New York is 2 a.m. EST Sunday. On "
        "the West Coast it starts at midnight PDT. In Europe, which switched its clocks last Sunday, "
        "it is 8 a.m. CET.", "2025-10-31", "Asia/Seoul",
        # every time of the final names the instant of the first: one event, dated by all five
        [("2025-09-16T00:00:00+09:00", "2025-09-16T00:00:00+09:00", "sale"),
         ("2025-10-26T00:00:00+09:00", "2025-10-26T00:00:00+09:00", "switched"),
         ("2025-11-02T16:00:00+09:00", None, "begin")],
        id="a-conversion-in-a-which-clause-and-days-in-asides-or-other-zones"),
    pytest.param(
        "The Bank of Japan announces its decision around noon Thursday Tokyo time (11 p.m. EDT "
        "Wednesday), and economists polled by Reuters expect no change. The Bank of England "
        "follows at noon London time.", "2026-03-18", "America/New_York",
        [("2026-03-19T12:00:00+09:00", "2026-03-19T11:45:00+09:00", "announces"),
         ("2026-03-19T12:00:00+00:00", None, "follows")],
        id="a-zone-after-the-day-and-a-present-verb-before-it"),
    pytest.param(
        "The fire was detected at 2:07 a.m. local time on Monday (1807 GMT Sunday). Nimbus first "
        "acknowledged the problem at 18:31 UTC. In New York it was 2:07 p.m. EDT on Sunday "
        "when the fire was detected.", "2026-03-10", "Asia/Singapore",
        [("2026-03-09T02:07:00+08:00", None, "detected"), ("2026-03-08T18:31:00+00:00", None, "acknowledged")],
        id="another-zone-s-clock-falls-within-the-day-in-focus-and-a-restated-instant-is-one-event"),
    pytest.param(
        "Polls closed at 6pm local time (7pm AEDT) on Saturday in Brisbane. The premier spoke "
        "shortly before 11pm AEST.", "2024-10-27", "Australia/Sydney",
        [("2024-10-26T18:00:00+10:00", None, "closed"),
         (None, "2024-10-26T22:30:00+10:00", "spoke")],
        id="a-day-said-after-a-conversion-is-counted-on-the-first-side-s-clocks"),
    pytest.param(
        "Daylight saving time began at 2 a.m. Sunday, when clocks jumped straight to 3 a.m.",
        "2026-03-09", "America/Chicago",
        [("2026-03-08T03:00:00-05:00", None, "began")], id="two-names-of-one-instant-date-one-event"),
    pytest.param(
        "The sitting began at 11.37am on Tuesday. Shortly before midnight, the Deputy Speaker "
        "suspended the sitting. At 2.45am, the government saw off the last amendments.",
        "2026-02-04", "Europe/London",
        [("2026-02-03T11:37:00+00:00", None, "began"),
         (None, "2026-02-03T23:30:00+00:00", "suspended"),
         ("2026-02-04T02:45:00+00:00", None, "saw")],
        id="a-night-story-goes-past-midnight"),
    pytest.param(
        "At 11:50 p.m., Brenner won the tiebreak. At 1:10 a.m., Ibarra called the trainer.",
        "2026-01-23", "Australia/Melbourne",
        [("2026-01-23T01:10:00+11:00", None, "called"), ("2026-01-23T23:50:00+11:00", None, "won")],
        id="a-past-event-does-not-go-past-midnight-after-the-report"),
    pytest.param(
        "The match kicked off at 8 p.m. Ruggeri scored in the 23rd minute, but Benfica equalized two "
        "minutes after halftime. Pires was sent off in the 65th minute.", "2026-01-31", "Europe/Rome",
        [("2026-01-31T20:00:00+01:00", None, "kicked"), (None, "2026-01-31T20:22:00+01:00", "scored"),
         (None, "2026-01-31T21:02:00+01:00", "equalized"),  # 45 minutes, stoppage, the break
         (None, "2026-01-31T21:19:00+01:00", "sent")],
        id="minutes-of-a-match-count-from-kick-off"),
    pytest.param(
        "That try had been targeting 10:26 p.m. Tuesday. The rocket lifted off at 10:24 p.m. "
        "Wednesday. About 2 1/2 minutes after liftoff, the booster separated. It landed about eight "
        "minutes after launch.", "2025-04-16", "America/Los_Angeles",
        [("2025-04-15T22:26:00-07:00", None, "targeting"), ("2025-04-16T22:24:00-07:00", None, "lifted"),
         ("2025-04-16T22:26:30-07:00", "2025-04-16T22:26:00-07:00", "separated"),  # about: 0.8-1.2x
         ("2025-04-16T22:32:00-07:00", "2025-04-16T22:30:24-07:00", "landed")],
        id="counted-from-the-event-named-or-the-one-counted-from-last"),
    pytest.param(
        "The flight took off at 2:10 am. About eight hours after take-off, the pilots shut down "
        "an engine.", "2023-02-14", "Asia/Kolkata",
        [("2023-02-14T02:10:00+05:30", None, "took"),
         ("2023-02-14T10:10:00+05:30", "2023-02-14T08:34:00+05:30", "shut")],
        id="take-off-is-the-event-that-took-off"),
    pytest.param(
        "The rocket lifted off at 10:24 p.m. PDT (0524 GMT Thursday). Controllers picked up its "
        "first signal at 0641 GMT Thursday.", "2025-04-16", "America/Los_Angeles",
        [("2025-04-16T22:24:00-07:00", None, "lifted"), ("2025-04-17T06:41:00+00:00", None, "picked")],
        id="a-weekday-said-again-is-the-day-it-was-read-as"),
    pytest.param(
        "A relief aircraft is expected to land around 12:50 am local time Wednesday. The road "
        "would remain closed on Friday.", "2023-02-14", "Europe/Copenhagen",
        [("2023-02-15T00:50:00+01:00", "2023-02-15T00:35:00+01:00", "expected"),
         ("2023-02-17T00:00:00+01:00", "2023-02-17T00:00:00+01:00", "closed")],
        id="am-after-a-figure-and-remain-closed-are-no-tense-cues"),
    pytest.param(
        "The summit opened at 10 a.m. Saturday, a week after leaders had failed to agree at their "
        "meeting on March 20. They broke for dinner at 8:30 p.m.", "2025-03-30", "Europe/Brussels",
        [("2025-03-20T00:00:00+01:00", "2025-03-20T00:00:00+01:00", "meeting"),
         ("2025-03-29T10:00:00+01:00", None, "opened"), (None, None, "opened"),  # "a week after"
         ("2025-03-29T20:30:00+01:00", None, "broke")],
        id="a-flashback-day-is-not-the-day-of-clock-times"),
    pytest.param(
        "The company's financial year, which began on Oct. 1, looks weaker. The chief "
        "executive told analysts on a call at 10 a.m.", "2022-11-08", "Europe/Berlin",
        [("2022-10-01T00:00:00+02:00", "2022-10-01T00:00:00+02:00", "began"),
         ("2022-11-08T10:00:00+01:00", None, "told")], id="the-day-a-period-began-is-not-the-day-of-clock-times"),
    pytest.param(
        "Indonesia will celebrate Eid on Friday, the ministry announced on Thursday, ending a fasting "
        "month that began on Feb. 19. The minister announced the decision at 7:12 p.m.", "2026-03-19", "Asia/Jakarta",
        [("2026-02-19T00:00:00+07:00", "2026-02-19T00:00:00+07:00", "began"),
         ("2026-03-19T19:12:00+07:00", None, "announced"),
         ("2026-03-19T00:00:00+07:00", "2026-03-19T00:00:00+07:00", "announced"),
         ("2026-03-20T00:00:00+07:00", "2026-03-20T00:00:00+07:00", "celebrate")],
        id="the-day-a-period-began-without-a-comma-is-not-the-day-of-clock-times"),
    pytest.param(
        "Profit rose in the three months to Sept. 30. The group published its results at 7 a.m.",
        "2022-11-08", "Europe/Berlin",
        [(None, None, "rose"), ("2022-09-30T00:00:00+02:00", "2022-09-30T00:00:00+02:00", "rose"),
         ("2022-11-08T07:00:00+01:00", None, "published")], id="a-period-boundary-is-not-the-day-of-clock-times"),
    pytest.param(
        "By 2:30 p.m. ET, service had been restored. The road stays closed until 5 p.m.",
        "2021-12-07", "America/Chicago",
        [("2021-12-07T14:30:00-05:00", None, "restored"), (None, None, "closed")],
        id="by-states-its-time-until-ends-the-event"),
    pytest.param(
        "Queensland will count postal votes that arrive by Tuesday, November 5. The result was "
        "called at 8.47pm AEST on Saturday.", "2024-10-27", "Australia/Sydney",
        [("2024-10-26T20:47:00+10:00", None, "called"),
         ("2024-11-05T00:00:00+11:00", "2024-11-05T00:00:00+11:00", "arrive")],
        id="queensland-aest-and-by-a-day"),
    pytest.param(
        "The quake struck at 3:12 a.m. local time (1812 GMT Tuesday). Crews arrived 40 minutes later.",
        "2024-11-06", "America/New_York",
        [("2024-11-06T03:12:00+09:00", None, "struck"), ("2024-11-05T13:52:00-05:00", None, "arrived")],
        id="local-time-of-no-named-place-takes-its-offset-from-the-conversion"),
    pytest.param(
        "EU leaders will meet March 20-21 in Brussels.", "2024-03-15", "Europe/Brussels",
        [("2024-03-20T00:00:00+01:00", "2024-03-20T00:00:00+01:00", "meet")], id="day-range-is-one-event"),
    pytest.param(
        "Polls are open 7 a.m.-8 p.m. Tuesday. The talks ran from 9 a.m. to 5 p.m. on Thursday.",
        "2024-03-15", "America/New_York",
        [("2024-03-12T07:00:00-04:00", None, "open"), ("2024-03-14T09:00:00-04:00", None, "ran")],
        id="clock-range-before-its-day"),
    pytest.param(
        "The launch was set for 9:32 a.m. EDT (1332 GMT). Two hours later, the capsule docked. "
        "Then the crew opened the hatch.", "2024-06-05", "America/New_York",
        [("2024-06-05T09:32:00-04:00", None, "set"),
         ("2024-06-05T11:32:00-04:00", None, "docked"),
         (None, "2024-06-05T11:32:00-04:00", "opened")], id="conversion-later-then"),
    pytest.param(
        "Polls opened at 7 a.m. on Tuesday. About an hour later, long lines formed.",
        "2024-11-07", "America/New_York",
        [("2024-11-05T07:00:00-05:00", None, "opened"),
         ("2024-11-05T08:00:00-05:00", "2024-11-05T07:48:00-05:00", "formed")],  # about = 48-72 min
        id="weekday-then-later"),
    pytest.param(
        "At 9 p.m. the count began. After a few minutes the screens froze. After 40 minutes the "
        "officials stopped the count.", "2024-11-05", "America/Chicago",
        [("2024-11-05T21:00:00-06:00", None, "began"),
         (None, "2024-11-05T21:02:00-06:00", "froze"),
         ("2024-11-05T21:40:00-06:00", None, "stopped")], id="elapsed-from-last-clock-time"),
    pytest.param(
        "The game starts at 10 a.m. Pacific / 1 p.m. Eastern on Sunday.", "2024-09-04",
        "America/Los_Angeles", [("2024-09-08T10:00:00-07:00", None, "starts")], id="slash-conversion-one-event"),
    pytest.param(
        "The fire started shortly before 11 a.m. local time in Lisbon. Firefighters arrived around "
        "11:20 a.m.", "2024-08-02", "America/New_York",
        [(None, "2024-08-02T10:30:00+01:00", "started"), ("2024-08-02T11:20:00+01:00", "2024-08-02T11:05:00+01:00", "arrived")],
        id="local-time-of-a-place"),
    pytest.param(
        "The ceremony began at 8 p.m. ET (0000 GMT Saturday).", "2024-03-15", None,
        [("2024-03-15T20:00:00-04:00", None, "began")], id="conversion-across-midnight"),
    pytest.param(
        "Trading resumed at 10:15 a.m. on March 12, when New York was already on daylight time.",
        "2024-03-13", "Europe/Paris",
        [("2024-03-12T10:15:00+01:00", None, "resumed")], id="default-zone-paris"),
    pytest.param(
        "The minister resigned yesterday. She will testify in two weeks.", "2024-03-15", "Europe/London",
        [("2024-03-14T00:00:00+00:00", "2024-03-14T00:00:00+00:00", "resigned"),
         ("2024-03-29T00:00:00+00:00", "2024-03-29T00:00:00+00:00", "testify")], id="dates-relative-to-reference"),
    pytest.param(
        "A storm hit the coast on Friday evening, the agency said on Saturday. The first flood "
        "warning went out at 6:10 p.m.", "2024-06-15", "Europe/London",
        [(None, "2024-06-14T17:00:00+01:00", "hit"),
         ("2024-06-14T18:10:00+01:00", None, "went"),
         ("2024-06-15T00:00:00+01:00", "2024-06-15T00:00:00+01:00", "said")],
        id="clock-time-on-the-story-day-not-the-report-day"),
    pytest.param(
        "The rocket lifted off at 10:37 a.m. Japan time on Thursday (9:37 p.m. ET Wednesday). "
        "Officials confirmed the separation at 10:55 a.m.", "2024-06-13", "Asia/Tokyo",
        [("2024-06-13T10:37:00+09:00", None, "lifted"),
         ("2024-06-13T10:55:00+09:00", None, "confirmed")], id="conversion-keeps-the-day"),
    pytest.param(
        "The rocket lifted off on Thursday. The previous flight, in March 2023, failed. Two days "
        "later, the satellite sent its first images.", "2024-06-13", "Asia/Tokyo",
        [("2023-03-01T00:00:00+09:00", "2023-03-01T00:00:00+09:00", "failed"),
         ("2024-06-13T00:00:00+09:00", "2024-06-13T00:00:00+09:00", "lifted"),
         ("2024-06-15T00:00:00+09:00", "2024-06-15T00:00:00+09:00", "sent")],
        id="days-later-count-from-a-day-not-a-month"),
    pytest.param(
        "The rocket lifted off at 10:37 a.m. Seventeen minutes after liftoff, it released the "
        "satellite.", "2024-06-13", "Asia/Tokyo",
        [("2024-06-13T10:37:00+09:00", None, "lifted"),
         ("2024-06-13T10:54:00+09:00", None, "released")], id="after-a-named-event"),
    pytest.param(
        "The system crashed at 8:15 a.m. on Monday. The airline said it would refund travellers "
        "within 30 days.", "2024-06-11", "Europe/Berlin",
        [("2024-06-10T08:15:00+02:00", None, "crashed"),
         (None, "2024-06-11T00:00:00+02:00", "refund")], id="promised-within-counts-from-the-report"),
    pytest.param(
        "The system crashed at 8:15 a.m. on Monday and came back at 11:40 a.m. A similar failure "
        "in January lasted 90 minutes.", "2024-06-11", "Europe/Berlin",
        [("2024-01-01T00:00:00+01:00", "2024-01-01T00:00:00+01:00", "failure"),
         (None, "2024-01-01T00:00:00+01:00", "lasted"),
         ("2024-06-10T08:15:00+02:00", None, "crashed"),
         ("2024-06-10T11:40:00+02:00", None, "came")], id="duration-measures-the-event-of-its-sentence"),
    pytest.param(
        "The House passed the bill late Wednesday. The Senate is expected to vote on Friday. "
        "Earlier in the day, the speaker met the holdouts.", "2024-09-26", "America/New_York",
        [("2024-09-25T00:00:00-04:00", "2024-09-25T00:00:00-04:00", "met"),
         (None, "2024-09-25T19:00:00-04:00", "passed"),
         ("2024-09-27T00:00:00-04:00", "2024-09-27T00:00:00-04:00", "vote")],
        id="late-weekday-is-its-evening-and-a-coming-day-is-not-the-story-day"),
    pytest.param(
        "The museum reopened at 3:45 p.m. on Saturday. It was the third alert in two weeks. "
        "In ten minutes, the queue stretched around the block.", "2023-10-22", "Europe/Paris",
        [("2023-10-21T15:45:00+02:00", None, "reopened"),
         (None, "2023-10-21T15:45:00+02:00", None),  # a copula is no trigger
         ("2023-10-21T15:55:00+02:00", None, "stretched")],
        id="in-a-span-measures-in-opening-counts"),
    pytest.param(
        "The museum was evacuated on Oct. 13. The threats came a day after a teacher was killed.",
        "2023-10-22", "Europe/Paris",
        [("2023-10-13T00:00:00+02:00", "2023-10-13T00:00:00+02:00", "evacuated"),
         (None, None, "came")], id="a-day-after-a-clause-is-not-counted-from-the-last-date"),
    pytest.param(
        "Musk said the next launch could happen in a few months.", "2023-04-20", "America/Chicago",
        [(None, "2023-06-19T00:00:00-05:00", "happen")], id="vague-months-from-now-in-whole-days"),
    pytest.param(
        "The plane took off at 9:10 a.m. Forty-five minutes into the flight, the engine failed. "
        "A little over an hour later, it landed.", "2024-10-03", "America/New_York",
        [("2024-10-03T09:10:00-04:00", None, "took"),
         ("2024-10-03T09:55:00-04:00", None, "failed"),
         (None, "2024-10-03T10:10:00-04:00", "landed")],
        id="into-the-flight-and-a-little-over-an-hour-later"),
    pytest.param(
        "Prices rose in late June. The plant opened in mid-2024. The next launch is planned for "
        "early 2025.", "2024-08-15", "Europe/London",
        [(None, "2024-05-02T00:00:00+01:00", "opened"),
         (None, "2024-06-21T00:00:00+01:00", "rose"),
         (None, "2025-01-01T00:00:00+00:00", "planned")], id="early-mid-late-are-thirds-of-the-period"),
    pytest.param(
        "The utility said in a statement issued at 08:45 on Tuesday that the strike went on. Wage "
        "talks deadlocked on Friday. Workers began gathering outside power stations the next morning.",
        "2022-06-21", "Africa/Johannesburg",
        [("2022-06-17T00:00:00+02:00", "2022-06-17T00:00:00+02:00", "deadlocked"),
         (None, "2022-06-18T06:00:00+02:00", "gathering"),
         ("2022-06-21T08:45:00+02:00", None, "issued")],
        id="the-next-morning-counts-from-a-background-day-just-said"),
    pytest.param(
        "Flooding began at 18:00 on Tuesday. The highway was closed from 22:00 on Tuesday until 09:30 "
        "on Wednesday. Buses carrying evacuees left shortly after midnight.",
        "2027-02-17", "Africa/Johannesburg",
        [("2027-02-16T18:00:00+02:00", None, "began"),
         ("2027-02-16T22:00:00+02:00", None, "closed"),
         (None, "2027-02-17T00:00:00+02:00", "left")],
        id="the-end-of-a-range-does-not-move-the-story-day"),
    pytest.param(
        "Premier survives vote after session runs past midnight\n\nThe premier survived a confidence "
        "vote early on Friday. The motion was rejected at 12:47 a.m. (1547 GMT Thursday).",
        "2027-06-18T10:00:00+09:00", "Asia/Tokyo",
        # a headline's present tells what is new: the midnight nearer the report, here the last
        [("2027-06-18T00:00:00+09:00", None, "runs"), (None, "2027-06-18T00:00:00+09:00", "survived"),
         ("2027-06-18T00:47:00+09:00", None, "rejected")],
        id="a-headline-clock-time-is-the-one-nearer-the-report"),
    pytest.param(
        "The yen was little changed in New York at 11:50 a.m. EDT, minutes after the result, and the "
        "Nikkei opened 0.4% higher at 9 a.m. on Friday.", "2027-06-18T10:00:00+09:00", "Asia/Tokyo",
        # EDT would put the past opening after a report filed at 10 a.m. in Tokyo: the text's zone
        [("2027-06-17T11:50:00-04:00", None, "changed"), (None, "2027-06-17T11:52:00-04:00", "changed"),
         ("2027-06-18T09:00:00+09:00", None, "opened")],
        id="a-carried-zone-does-not-put-a-past-event-after-the-report"),
    pytest.param(
        "The eye came ashore at 5:40 a.m. on Wednesday. Flights were suspended from 6 p.m. Tuesday, "
        "and the airport hopes to reopen at noon Thursday. Officials opened the floodgates at 10:30 a.m.",
        "2026-09-16T14:00:00-04:00", "America/Puerto_Rico",
        # a period that began before the last clock time's day is background: the past 10:30
        # a.m. is back on the day of 5:40 a.m., not on Tuesday (nor on the coming Thursday)
        [("2026-09-15T18:00:00-04:00", None, "suspended"), ("2026-09-16T05:40:00-04:00", None, "came"),
         ("2026-09-16T10:30:00-04:00", None, "opened"), ("2026-09-17T12:00:00-04:00", None, "reopen")],
        id="a-clock-time-a-period-began-at-before-the-story-day-is-background"),
    pytest.param(
        "Police sealed off the boulevard at 1:52 p.m. on Saturday. The mayor said late on Saturday that "
        "the city was holding its breath. Contact with the gunman was lost at 1:05 a.m.",
        "2027-03-28T16:00:00+02:00", "Europe/Brussels",
        # a day said late is its evening (from 19 h): a small-hours time told after it is past midnight
        [("2027-03-27T13:52:00+01:00", None, "sealed"), (None, "2027-03-27T19:00:00+01:00", "said"),
         ("2027-03-28T01:05:00+01:00", None, "lost")],
        id="a-small-hours-time-after-a-day-said-late-is-past-midnight"),
    pytest.param(
        "The window closed at 19:00 BST on Tuesday. Talks had stalled, then resumed on Sunday evening. "
        "The other bid collapsed at 20:30.", "2026-09-02T07:30:00+01:00", "Europe/London",
        # a part of a day before the last clock time's day is background, as a day is
        [(None, "2026-08-30T17:00:00+01:00", "resumed"), ("2026-09-01T19:00:00+01:00", None, "closed"),
         ("2026-09-01T20:30:00+01:00", None, "collapsed")],
        id="a-part-of-a-day-before-the-last-clock-time-is-background"),
]


@pytest.mark.parametrize("text,reference,tz,expected", PASSAGES)
def test_passage(text, reference, tz, expected):
    assert timeline_of(text, reference, tz) == expected


def test_anchor_is_recorded():
    tl = timeline.extract("At 6 p.m. the servers failed. After 21 minutes the stream stopped.",
                          reference="2023-05-24", tz="America/New_York")
    failed, stopped = tl
    assert stopped.time.anchor == failed.id


def test_conversion_pair_is_one_event_with_both_mentions():
    tl = timeline.extract("The rocket lifted off at 9:32 a.m. EDT (1332 GMT).", reference="2024-06-05")
    assert len(tl) == 1
    assert [tl.mentions[i].text for i in tl[0].mentions] == ["9:32 a.m. EDT", "1332 GMT"]
    assert {tl.mentions[i].start for i in tl[0].mentions} == {tl[0].time.start}


def test_conflicting_conversion_is_kept_and_flagged():
    tl = timeline.extract("It opened at 9 a.m. EDT (1500 GMT).", reference="2024-06-05")
    flags = [m.flags for m in tl.mentions]
    assert all("conversion-conflict" in f for f in flags)
    assert tl.mentions[0].start != tl.mentions[1].start


def test_unnamed_side_takes_its_offset_from_the_named_side():
    tl = timeline.extract("The vote closed at 11 p.m. (0300 GMT).", reference="2024-06-05")
    local, gmt = tl.mentions
    assert local.start == gmt.start
    assert local.start.isoformat() == "2024-06-05T23:00:00-04:00"
    assert "offset-from-conversion" in local.flags


def test_abbreviation_that_does_not_fit_the_date_is_flagged():
    mention, = timeline.find_times("Trading halted at 10 a.m. EST.", reference="2024-07-10")
    assert mention.start.isoformat() == "2024-07-10T10:00:00-04:00"
    assert "zone-dst-mismatch" in mention.flags


def test_dst_gap_time_shifts_forward_and_is_flagged():
    mention, = timeline.find_times("The alarm went off at 2:30 a.m.", reference="2024-03-10",
                                   tz="America/New_York")
    assert mention.start.isoformat() == "2024-03-10T03:30:00-04:00"
    assert "dst-gap" in mention.flags


def test_dst_overlap_takes_earlier_instant_and_is_flagged():
    mention, = timeline.find_times("The alarm went off at 1:30 a.m.", reference="2024-11-03",
                                   tz="America/New_York")
    assert mention.start.isoformat() == "2024-11-03T01:30:00-04:00"
    assert "dst-ambiguous" in mention.flags
