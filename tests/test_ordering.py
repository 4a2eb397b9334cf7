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
