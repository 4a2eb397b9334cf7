from datetime import datetime

import pytest
import zoneinfo

from timeline import zones


@pytest.mark.parametrize("wall,zone,expected,flags", [
    # New York springs forward 2024-03-10 02:00 -> 03:00: 02:30 does not exist, shifted forward.
    (datetime(2024, 3, 10, 2, 30), "America/New_York", "2024-03-10T03:30:00-04:00", ("dst-gap",)),
    # Falls back 2024-11-03 02:00 -> 01:00: 01:30 happens twice, the earlier (EDT) is taken.
    (datetime(2024, 11, 3, 1, 30), "America/New_York", "2024-11-03T01:30:00-04:00", ("dst-ambiguous",)),
    (datetime(2024, 3, 31, 2, 30), "Europe/Paris", "2024-03-31T03:30:00+02:00", ("dst-gap",)),
    (datetime(2024, 10, 27, 2, 30), "Europe/Paris", "2024-10-27T02:30:00+02:00", ("dst-ambiguous",)),
    (datetime(2024, 7, 1, 12, 0), "Australia/Sydney", "2024-07-01T12:00:00+10:00", ()),
    (datetime(2024, 1, 1, 12, 0), "Australia/Sydney", "2024-01-01T12:00:00+11:00", ()),
    (datetime(2024, 1, 1, 12, 0), "UTC+05:30", "2024-01-01T12:00:00+05:30", ()),
])
def test_localize_is_dst_exact(wall, zone, expected, flags):
    aware, got_flags = zones.localize(wall, zone)
    assert aware.isoformat() == expected
    assert got_flags == flags


def test_us_and_europe_out_of_step():
    # 2024-03-15: New York already on EDT, Paris still on CET: 5 hours apart, not 6.
    ny, _ = zones.localize(datetime(2024, 3, 15, 12), "America/New_York")
    assert zones.in_zone(ny, "Europe/Paris").hour == 17


def test_unknown_zone_is_a_value_error_naming_it():
    with pytest.raises(zones.UnknownZoneError, match="Mars/Olympus"):
        zones.get_zone("Mars/Olympus")
    assert issubclass(zones.UnknownZoneError, ValueError)


@pytest.mark.parametrize("given,name", [
    ("Europe/Paris", "Europe/Paris"), ("EST", "America/New_York"),
    (zoneinfo.ZoneInfo("Asia/Tokyo"), "Asia/Tokyo"),
])
def test_user_zone_accepts_names_abbreviations_and_tzinfo(given, name):
    assert zones.user_zone(given)[1] == name


def test_user_zone_rejects_other_types():
    with pytest.raises(TypeError):
        zones.user_zone(42)


@pytest.mark.parametrize("abbr,context,zone", [
    ("IST", "Markets in Mumbai opened", "Asia/Kolkata"),
    ("IST", "The Knesset in Jerusalem voted", "Asia/Jerusalem"),
    ("IST", "Fans in Dublin celebrated", "Europe/Dublin"),
    ("IST", "No place is named", "Asia/Kolkata"),
    ("CST", "Officials in Beijing said", "Asia/Shanghai"),
    ("CST", "Storms hit Texas", "America/Chicago"),
    ("BST", "Rallies across Bangladesh and in Dhaka", "Asia/Dhaka"),
    ("AEST", "Queensland voters went to the polls", "Australia/Brisbane"),  # AEST all year
    ("AEST", "Fireworks over Sydney Harbour", "Australia/Sydney"),
])
def test_ambiguous_abbreviations_use_context_and_are_flagged(abbr, context, zone):
    choice = zones.choose_abbreviation(abbr, context)
    assert choice.name == zone
    assert choice.flags and choice.flags[0].startswith(f"zone-ambiguous:{abbr}")


def test_unambiguous_abbreviation_is_not_flagged():
    assert zones.choose_abbreviation("JST", "").flags == ()


@pytest.mark.parametrize("wall,expected,flags", [
    # Morocco since 2018: +01 all year except Ramadan (+00), which pytz labels as the
    # standard half; overlap and gap are still decided by instant (found by the DST sweep).
    (datetime(2022, 3, 27, 2, 30), "2022-03-27T02:30:00+01:00", ("dst-ambiguous",)),
    (datetime(2022, 5, 8, 2, 30), "2022-05-08T03:30:00+01:00", ("dst-gap",)),
])
def test_negative_dst_zone_gap_and_overlap(wall, expected, flags):
    aware, got_flags = zones.localize(wall, "Africa/Casablanca")
    assert (aware.isoformat(), got_flags) == (expected, flags)
