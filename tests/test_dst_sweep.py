"""DST sweep, sampled (the full sweep over every zone is benchmarks/dst_sweep.py).

Each case puts a wall time before, at the start of, inside, at the end of and after a DST gap
or overlap and checks the resolved instant and flag against pytz's transition table read
directly: gap -> shifted forward ('dst-gap'), overlap -> the earlier instant ('dst-ambiguous').
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
import pytz

import timeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import dst_sweep  # noqa: E402

# Zones with unusual rules, always checked: 30-minute DST, 45-minute offsets, southern
# hemisphere, midnight transitions, a zone that changed its standard offset, one without DST.
ALWAYS = ["America/New_York", "Europe/Paris", "Europe/London", "Australia/Lord_Howe",
          "Pacific/Chatham", "America/Santiago", "America/Havana", "Asia/Tehran",
          "Europe/Moscow", "Africa/Casablanca", "Asia/Kolkata"]


def _failures(cases, check):
    failures, count = [], 0
    for text, reference, tz, expected, extra, where in cases:
        count += 1
        problem = check(text, reference, tz, expected, extra)
        if problem:
            failures.append(f"{where}: {text!r} tz={tz}: {problem}")
    return count, failures


@pytest.mark.parametrize("zone", ALWAYS)
def test_transitions_of_selected_zones(zone):
    table = dst_sweep.ZoneTable(zone)
    cases = list(dst_sweep.sweep_cases([zone], sample=40, seed=len(zone)))
    assert cases or not list(table.changes())
    count, failures = _failures(cases, dst_sweep.check_case)
    assert not failures, f"{len(failures)} of {count}:\n" + "\n".join(failures[:10])


def test_transitions_sampled_over_all_zones():
    cases = dst_sweep.sweep_cases(pytz.all_timezones, sample=150, seed=2037)
    count, failures = _failures(cases, dst_sweep.check_case)
    assert count >= 600
    assert not failures, f"{len(failures)} of {count}:\n" + "\n".join(failures[:10])


def test_us_europe_out_of_step_conversions_sampled():
    cases = [c for i, c in enumerate(dst_sweep.conversion_cases(years=(1995, 2006, 2007, 2024, 2037)))
             if i % 3 == 0]
    count, failures = _failures(cases, dst_sweep.check_conversion)
    assert count >= 300
    assert not failures, f"{len(failures)} of {count}:\n" + "\n".join(failures[:10])


def test_out_of_step_days_are_the_known_weeks():
    days = dst_sweep.out_of_step_days("America/New_York", "Europe/Paris", [2024])
    # 2024: US springs forward 10 March, Europe 31 March; Europe falls back 27 October, US 3 November.
    assert days[0].isoformat() == "2024-03-09" and days[1].isoformat() == "2024-03-10"
    assert "2024-03-30" in {d.isoformat() for d in days} and "2024-03-31" in {d.isoformat() for d in days}
    assert {"2024-10-27", "2024-11-02"} <= {d.isoformat() for d in days}


def test_expected_instants_follow_the_documented_rule():
    table = dst_sweep.ZoneTable("America/New_York")
    index = next(i for i, when, _, _ in table.changes() if when.year == 2024)
    gap, flag = table.expected(datetime(2024, 3, 10, 2, 30), index)
    assert (gap, flag) == (datetime(2024, 3, 10, 7, 30, tzinfo=timezone.utc), "dst-gap")
    index = next(i for i, when, _, _ in table.changes() if when.year == 2024 and when.month == 11)
    overlap, flag = table.expected(datetime(2024, 11, 3, 1, 30), index)
    assert (overlap, flag) == (datetime(2024, 11, 3, 5, 30, tzinfo=timezone.utc), "dst-ambiguous")


@pytest.mark.parametrize("text,zone", [
    ("The vote closed at 2:59 a.m. on March 10, 2024.", "America/New_York"),
    ("The vote closed at 1:59 a.m. on March 28, 1976.", "Europe/Paris"),
])
def test_last_minute_of_a_gap_does_not_raise(text, zone):
    # The start is shifted forward past the end wall time; end must follow the start.
    m, = timeline.find_times(text, reference="2024-01-01", tz=zone)
    assert m.start < m.end and "dst-gap" in m.flags
