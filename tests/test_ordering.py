"""ordering.py: vague times counted from the document's time get bounds, not a start."""
from __future__ import annotations

from datetime import datetime

import pytz

import timeline


def test_a_few_years_ago_is_an_interval_before_the_reference():
    (event,) = timeline.extract("The factory closed a few years ago.", reference="2024-03-15",
                                tz="Europe/Paris")
    paris = pytz.timezone("Europe/Paris")
    assert event.time.start is None and event.time.approximate
    assert event.time.value == "PAST_REF"
    # "a few" is 2 to 5: between five and two years before the reference
    assert event.time.earliest.year == 2019 and event.time.latest.year == 2022
    assert event.time.latest < paris.localize(datetime(2024, 3, 15))


def test_in_a_few_weeks_is_an_interval_after_the_reference():
    (event,) = timeline.extract("The plant will reopen in a few weeks.", reference="2024-03-15",
                                tz="Europe/Paris")
    assert event.time.start is None
    assert (event.time.earliest.date().isoformat(), event.time.latest.date().isoformat()) == (
        "2024-03-29", "2024-04-19")


def test_without_a_reference_no_bounds_are_invented():
    (event,) = timeline.extract("The factory closed a few years ago.")
    assert (event.time.start, event.time.earliest, event.time.latest) == (None, None, None)


def test_about_ten_minutes_later_is_bounded_by_the_amount_not_a_clock_window():
    tl = timeline.extract("At 6 p.m. the count began. About 10 minutes later the count stopped. "
                          "Nearly two hours later it resumed.", reference="2024-05-24", tz="America/New_York")
    began, stopped, resumed = tl
    assert stopped.time.start.isoformat() == "2024-05-24T18:10:00-04:00"
    assert (stopped.time.earliest.strftime("%H:%M"), stopped.time.latest.strftime("%H:%M")) == ("18:08", "18:12")
    # "nearly two hours" is 102 to 120 minutes: the stated 20:10 is a bound, not the time
    assert resumed.time.start is None
    assert (resumed.time.earliest.strftime("%H:%M"), resumed.time.latest.strftime("%H:%M")) == ("19:52", "20:10")


def _bounds(event):
    return tuple(t.isoformat() if t else None for t in (event.time.start, event.time.earliest, event.time.latest))


def test_now_recently_and_soon_are_bounded_by_the_document_day():
    # The reference is a date on the day Paris moves to summer time: the day ends at +02:00.
    now, recently, soon = timeline.extract(
        "The company now owns 72% of the shares. It recently sold a plant. Prices will rise soon.",
        reference="2024-03-31", tz="Europe/Paris")
    assert [e.trigger for e in (now, recently, soon)] == ["owns", "sold", "rise"]
    assert _bounds(now) == (None, "2024-03-31T00:00:00+01:00", "2024-04-01T00:00:00+02:00")
    assert _bounds(recently) == (None, None, "2024-04-01T00:00:00+02:00")
    assert _bounds(soon) == (None, "2024-03-31T00:00:00+01:00", None)
    assert all(e.time.approximate for e in (now, recently, soon))


def test_now_with_a_reference_instant_is_that_instant():
    (now,) = timeline.extract("The company now owns 72% of the shares.",
                              reference="2024-03-31T10:00", tz="Europe/Paris")
    assert _bounds(now) == (None, "2024-03-31T10:00:00+02:00", "2024-03-31T10:00:00+02:00")


def test_now_without_a_reference_gets_no_bounds():
    (now,) = timeline.extract("The company now owns 72% of the shares.")
    assert _bounds(now) == (None, None, None) and now.time.value == "PRESENT_REF"


def test_late_weekday_is_an_evening_on_the_clocks_of_a_dst_day():
    # Paris moved to summer time on Sunday 31 March 2024: "late" that day starts at 19:00 +02:00.
    (event,) = timeline.extract("The talks collapsed late Sunday.", reference="2024-04-02",
                                tz="Europe/Paris")
    assert _bounds(event) == (None, "2024-03-31T19:00:00+02:00", "2024-04-01T00:00:00+02:00")


def test_late_part_of_a_weekday_keeps_the_hours_it_was_read_as():
    # "late Wednesday morning" is 9 a.m. to noon (PART_OF_DAY_MOD_HOURS): not a third of that
    # rounded down to midnight, as "late 2024" is the last third of the year. A part of a day
    # states no instant: bounds, no start.
    (event,) = timeline.extract("Investigators arrived late Wednesday morning.", reference="2025-07-17",
                                tz="America/Regina")
    assert _bounds(event) == (None, "2025-07-16T09:00:00-06:00", "2025-07-16T12:00:00-06:00")


def test_by_a_clock_time_is_where_the_event_ends_at_the_latest():
    (event,) = timeline.extract("All 31 vessels had completed their transit by midnight Monday.",
                                reference="2026-07-14", tz="Africa/Cairo")
    assert event.time.end == event.time.latest == event.time.start
    assert event.time.end.isoformat() == "2026-07-14T00:00:00+03:00"


def test_shortly_before_dawn_is_a_window_around_the_twilight_hours():
    # dawn is 5 to 8 a.m. (PART_OF_DAY_WORD_HOURS); "shortly before" widens it by half an hour
    (event,) = timeline.extract("The slide hit shortly before dawn on Wednesday.", reference="2026-05-08",
                                tz="Asia/Kathmandu")
    assert _bounds(event) == (None, "2026-05-06T04:30:00+05:45", "2026-05-06T08:00:00+05:45")
