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
