"""Public functions: arguments, bad input, nothing dropped."""
from datetime import date, datetime

import pytest
import pytz

import timeline


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_text_is_a_type_error(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        timeline.extract(bad)
    with pytest.raises(TypeError):
        timeline.find_times(bad)


def test_unknown_zone_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="Atlantis/Capital"):
        timeline.extract("at 5 p.m.", tz="Atlantis/Capital")


@pytest.mark.parametrize("bad", ["yesterday", "2023-13-45", "24/05/2023"])
def test_unparseable_reference_is_a_value_error(bad):
    with pytest.raises(ValueError, match="reference"):
        timeline.extract("at 5 p.m.", reference=bad)


def test_unsupported_language():
    with pytest.raises(ValueError, match="lang"):
        timeline.extract("at 5 p.m.", lang="xx")


@pytest.mark.parametrize("reference", [
    "2023-05-24", date(2023, 5, 24), datetime(2023, 5, 24, 9, 0),
    pytz.timezone("America/New_York").localize(datetime(2023, 5, 24, 9, 0)), "2023-05-24T09:00:00-04:00",
])
def test_reference_forms(reference):
    m, = timeline.find_times("It begins at 6 p.m.", reference=reference, tz="America/New_York")
    assert m.start.isoformat() == "2023-05-24T18:00:00-04:00"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200f\u202e", "🙂" * 50])
def test_empty_or_odd_text_gives_empty_timeline(text):
    tl = timeline.extract(text)
    assert len(tl) == 0 and tl.mentions == ()


@pytest.mark.parametrize("text", [
    "x" * 1_000_000, "5:55:55:55:" * 10_000, "at 5:55 p.m. (" * 5_000, "(" * 10_000 + "May 5" + ")" * 10_000,
    "\x00\x01\x02 at 5 p.m. \x7f", "January February March " * 2_000, "עברית 5 p.m. العربية",
])
def test_no_exception_on_adversarial_text(text):
    tl = timeline.extract(text, reference="2024-01-01", tz="UTC")
    for m in tl.mentions:
        assert text[m.span[0]:m.span[1]] == m.text


def test_unresolvable_mentions_are_kept_with_a_reason():
    mentions = timeline.find_times("They met on Tuesday at 5 p.m. in fiscal 2023.")
    assert [m.text for m in mentions] == ["Tuesday", "5 p.m.", "fiscal 2023"]
    assert all(m.start is None and m.unresolved for m in mentions)


def test_no_time_zone_given_assumes_utc_and_says_so():
    m, = timeline.find_times("It began at 6 p.m.", reference="2023-05-24")
    assert m.start.isoformat() == "2023-05-24T18:00:00+00:00"
    assert "zone-assumed-utc" in m.flags


# A dateline opening the story names where its clock times are told: a story from Chicago
# filed in Toronto gives them in Chicago time (CT), whatever the caller's default zone.
@pytest.mark.parametrize("opening, zone_name", [
    ("CHICAGO (CP) - The game began at 7:05 p.m.", "America/Chicago"),
    ("CHICAGO, Sept. 9 (Reuters) - The game began at 7:05 p.m.", "America/Chicago"),
    ("Blue Jays win\n\nCHICAGO (CP) — The game began at 7:05 p.m.", "America/Chicago"),
    ("TORONTO (CP) - The game began at 7:05 p.m.", "America/Toronto"),  # the given zone
    ("NASA (AP) - The game began at 7:05 p.m.", "America/Toronto"),  # no known place
    ("The game began at 7:05 p.m. CHICAGO - a city", "America/Toronto"),  # not at a line's start
])
def test_a_dateline_sets_the_zone_of_clock_times(opening, zone_name):
    tl = timeline.extract(opening, reference="2026-09-09", tz="America/Toronto")
    (mention,) = [m for m in tl.mentions if m.text == "7:05 p.m."]
    assert mention.timezone == zone_name
    assert tl.timezone == zone_name


def test_a_dateline_keeps_the_reference_instant():
    tl = timeline.extract("CHICAGO (CP) - It ended at 12:41 a.m.", reference="2026-09-09T00:30:00-04:00",
                          tz="America/Toronto")
    assert tl.reference == "2026-09-08T23:30:00-05:00"
