"""iCalendar export, checked by parsing it back with icalendar (what a calendar import does)."""
from datetime import date, datetime, timezone

import pytest

import timeline
from timeline.ics import event_window

icalendar = pytest.importorskip("icalendar", reason="the ics extra (icalendar) is not installed")

TEXTS = [
    ("At 5 p.m. (11 p.m. Paris time) the vote closed. After a few minutes the count stopped. "
     "Tokyo markets opened at 9 a.m. JST on Thursday. The rally began at 14:00 UTC+05:30. "
     "Results come on June 7, 2024. Turnout was low for an hour.",
     "2024-05-24", "America/New_York"),
    ("The clocks changed at 1:30 a.m. on Nov. 3, 2024, and the polls opened at 6 a.m. "
     "on Tuesday.", "2024-11-06", "America/Chicago"),
]


def _utc(value: datetime) -> datetime:
    # compare instants in UTC: Python says two datetimes in different zones are unequal when
    # one is an ambiguous wall time (PEP 495), even when they are the same instant
    return value.astimezone(timezone.utc)


def _parse(ics: str):
    cal = icalendar.Calendar.from_ical(ics)
    return cal, list(cal.walk("VEVENT"))


@pytest.mark.parametrize("text,reference,tz", TEXTS)
def test_every_dated_event_is_one_vevent_at_its_instant(text, reference, tz):
    tl = timeline.extract(text, reference=reference, tz=tz)
    ics = tl.to_ics()
    assert "\r\n" in ics
    cal, vevents = _parse(ics)
    dated = [e for e in tl if event_window(e.time) is not None]
    assert len(vevents) == len(dated) > 0
    vtimezones = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}
    for event, vevent in zip(dated, vevents):
        start, end, _ = event_window(event.time)
        assert str(vevent["SUMMARY"]) == event.description
        got = vevent["DTSTART"].dt
        if isinstance(got, datetime):
            assert _utc(got) == _utc(start), event.id
            tzid = vevent["DTSTART"].params.get("TZID")
            if tzid:  # a reader that only has the VTIMEZONE (no tz database) gets the same instant
                assert tzid == event.time.timezone
                assert _utc(got.replace(tzinfo=vtimezones[tzid])) == _utc(start)
            else:
                assert got.utcoffset().total_seconds() == 0
        else:
            assert isinstance(got, date) and got == start.date() and vevent["DTSTART"].params["VALUE"] == "DATE"
        if end is None:
            assert "DTEND" not in vevent
        elif isinstance(vevent["DTEND"].dt, datetime):
            assert _utc(vevent["DTEND"].dt) == _utc(end)
        else:
            assert vevent["DTEND"].dt == end.date()
        assert event.sentence in str(vevent["DESCRIPTION"])


def test_named_zones_get_a_vtimezone_and_fixed_offsets_are_utc():
    tl = timeline.extract(TEXTS[0][0], reference=TEXTS[0][1], tz=TEXTS[0][2])
    cal, vevents = _parse(tl.to_ics())
    tzids = {str(c["TZID"]) for c in cal.walk("VTIMEZONE")}
    used = {v["DTSTART"].params.get("TZID") for v in vevents} - {None}
    assert used == tzids and {"America/New_York", "Asia/Tokyo"} <= tzids
    rally = next(v for v in vevents if "rally" in str(v["SUMMARY"]))
    stated = next(e for e in tl if "rally" in e.description).time.start
    assert stated.utcoffset().total_seconds() == 5.5 * 3600
    assert "TZID" not in rally["DTSTART"].params and rally.to_ical().decode().count("Z\r\n") >= 1
    assert rally["DTSTART"].dt.utcoffset().total_seconds() == 0 and rally["DTSTART"].dt == stated


def test_approximate_windows_and_undated_events_are_marked():
    tl = timeline.extract(TEXTS[0][0], reference=TEXTS[0][1], tz=TEXTS[0][2])
    cal, vevents = _parse(tl.to_ics())
    count = next(v for v in vevents if "count stopped" in str(v["SUMMARY"]))
    assert "Approximate" in str(count["DESCRIPTION"]) and str(count["X-TIMELINE-APPROXIMATE"]) == "TRUE"
    exact = next(v for v in vevents if "vote closed" in str(v["SUMMARY"]))
    assert "Approximate" not in str(exact["DESCRIPTION"]) and "X-TIMELINE-APPROXIMATE" not in exact
    undated = [e for e in tl if event_window(e.time) is None]
    listed = cal.get("X-TIMELINE-UNDATED")
    listed = [listed] if isinstance(listed, str) else list(listed or [])
    assert [str(x).split(":")[0] for x in listed] == [e.id for e in undated]


def test_uids_are_stable_and_distinct():
    text, reference, tz = TEXTS[0]
    first = _parse(timeline.extract(text, reference=reference, tz=tz).to_ics())[1]
    again = _parse(timeline.extract(text, reference=reference, tz=tz).to_ics())[1]
    uids = [str(v["UID"]) for v in first]
    assert uids == [str(v["UID"]) for v in again] and len(set(uids)) == len(uids)
    other = _parse(timeline.extract(text + " ", reference=reference, tz=tz).to_ics())[1]
    assert not set(uids) & {str(v["UID"]) for v in other}


def test_dst_transition_day_keeps_the_right_offset():
    tl = timeline.extract(*TEXTS[1][:1], reference=TEXTS[1][1], tz=TEXTS[1][2])
    _, vevents = _parse(tl.to_ics())
    starts = sorted(_utc(v["DTSTART"].dt) for v in vevents)
    assert starts[0] == datetime(2024, 11, 3, 6, 30, tzinfo=timezone.utc)  # 1:30 CDT, the earlier
    assert starts[-1] == datetime(2024, 11, 5, 12, 0, tzinfo=timezone.utc)  # 6 a.m. CST


def test_dtstamp_is_reproducible_and_can_be_given():
    tl = timeline.extract("At 6 p.m. it failed.", reference="2023-05-24", tz="UTC")
    _, (vevent,) = _parse(tl.to_ics())
    assert vevent["DTSTAMP"].dt == datetime(2023, 5, 24, tzinfo=timezone.utc)
    stamp = datetime(2025, 1, 2, 3, 4, tzinfo=timezone.utc)
    _, (vevent,) = _parse(tl.to_ics(dtstamp=stamp, name="Outage"))
    assert vevent["DTSTAMP"].dt == stamp


def test_empty_timeline_is_a_valid_calendar():
    cal, vevents = _parse(timeline.extract("Nothing happened.").to_ics())
    assert vevents == [] and str(cal["VERSION"]) == "2.0"


def test_missing_icalendar_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(ImportError, match=r"timeline-news\[ics\]"):
        timeline.extract("At 6 p.m. it failed.", tz="UTC").to_ics()


def test_rfc5545_shape_lines_and_required_properties():
    tl = timeline.extract(TEXTS[0][0], reference=TEXTS[0][1], tz=TEXTS[0][2])
    ics = tl.to_ics()
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))  # folded
    cal, vevents = _parse(ics)
    assert str(cal["PRODID"]) and str(cal["VERSION"]) == "2.0"
    for vevent in vevents:
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in vevent
        assert vevent["DTSTAMP"].dt.utcoffset().total_seconds() == 0  # DTSTAMP must be UTC
