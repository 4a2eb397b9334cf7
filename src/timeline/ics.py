"""Timeline → iCalendar (RFC 5545): one VEVENT per dated event, for any calendar program.

Choices (README "iCalendar"):

- an event is *dated* when it has a start, or both an earliest and a latest bound (then the
  VEVENT spans that window and its DESCRIPTION says the time is only known to lie in it);
  other events are skipped and listed on the calendar in ``X-TIMELINE-UNDATED`` properties
  ("e1: description"), so nothing disappears silently;
- a time stated in a named IANA zone keeps it: ``DTSTART;TZID=America/New_York:…`` with a
  VTIMEZONE component for every zone used; fixed offsets ("UTC+05:30") and UTC are written
  as UTC (``…Z``) times;
- a whole day or longer (a DATE value such as ``2023-06-07`` or ``2023-05``) becomes an
  all-day event, ``VALUE=DATE``, with the exclusive DTEND of its grain;
- DTEND is the event's end (exclusive, as in iCalendar); approximate times say so in
  DESCRIPTION and carry ``X-TIMELINE-APPROXIMATE:TRUE``;
- UIDs are a hash of the text, the reference and the event's id and span, so exporting the
  same article again updates events instead of duplicating them;
- DTSTAMP is the ``dtstamp`` argument, else the timeline's reference, else 1970-01-01
  (never the wall clock, so the output is reproducible).

Needs icalendar: ``pip install "timeline-news[ics]"``.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .values import Event, TimeValue

PRODID = "-//timeline-news//timeline//EN"


def _icalendar():
    try:
        import icalendar
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ImportError('Timeline.to_ics() needs icalendar: pip install "timeline-news[ics]"') from None
    return icalendar


def event_window(t: TimeValue | None) -> tuple[datetime, datetime | None, bool] | None:
    """(start, end, only_bounds) an event is placed at in a calendar, or None when undated.

    >>> import timeline
    >>> tl = timeline.extract("At 6 p.m. it failed. After a few minutes it worked.",
    ...                       reference="2023-05-24", tz="UTC")
    >>> [(s.strftime("%H:%M"), e.strftime("%H:%M"), bounds) for s, e, bounds in map(event_window, (ev.time for ev in tl))]
    [('18:00', '18:01', False), ('18:02', '18:05', True)]
    """
    if t is None:
        return None
    if t.start is not None:
        end = t.end if t.end is not None and t.end > t.start else None
        return t.start, end, False
    if t.earliest is not None and t.latest is not None:
        return t.earliest, t.latest, True
    return None


def _is_whole_days(t: TimeValue, start: datetime, end: datetime | None) -> bool:
    return (t.type == "DATE" and t.value is not None and "T" not in t.value and end is not None
            and start.time() == time(0) and end.time() == time(0))


def _zoned(value: datetime, zone_name: str | None) -> datetime:
    """The same instant with a zoneinfo zone icalendar writes as TZID, or in UTC."""
    if zone_name and zone_name != "UTC" and "/" in zone_name:
        try:
            return value.astimezone(ZoneInfo(zone_name))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return value.astimezone(timezone.utc)


def _uid(tl, event: Event) -> str:
    key = "\x1f".join((tl.text, tl.reference or "", event.id, f"{event.span[0]}:{event.span[1]}"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + "@timeline-news"


def _fmt(value: datetime) -> str:
    return value.isoformat(timespec="minutes")


def _description(event: Event, only_bounds: bool) -> str:
    t = event.time
    lines = []
    if t is not None and t.text:
        lines.append(f"Time expression: {t.text!r} ({t.type} {t.value})")
    if only_bounds:
        lines.append(f"Approximate: sometime between {_fmt(t.earliest)} and {_fmt(t.latest)}.")
    elif t is not None and t.approximate:
        lines.append("Approximate time.")
    if t is not None and t.anchor:
        lines.append(f"Counted from event {t.anchor}.")
    lines.append(f"Source: {event.sentence}")
    return "\n".join(lines)


def _dtstamp(tl, dtstamp: datetime | None) -> datetime:
    if dtstamp is not None:
        return dtstamp.astimezone(timezone.utc) if dtstamp.tzinfo else dtstamp.replace(tzinfo=timezone.utc)
    if tl.reference:
        ref = datetime.fromisoformat(tl.reference)
        return ref.astimezone(timezone.utc) if ref.tzinfo else ref.replace(tzinfo=timezone.utc)
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


def to_calendar(tl, *, name: str | None = None, dtstamp: datetime | None = None):
    """The ``icalendar.Calendar`` behind :func:`to_ics` (to add to or merge before writing).

    >>> import timeline
    >>> cal = to_calendar(timeline.extract("At 6 p.m. it failed.", reference="2023-05-24",
    ...                                    tz="Europe/Paris"))
    >>> [str(c["DTSTART"].dt) for c in cal.walk("VEVENT")], [str(c["TZID"]) for c in cal.walk("VTIMEZONE")]
    (['2023-05-24 18:00:00+02:00'], ['Europe/Paris'])
    """
    icalendar = _icalendar()
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    stamp = _dtstamp(tl, dtstamp)
    years = []
    for event in tl:
        window = event_window(event.time)
        if window is None:
            cal.add("x-timeline-undated", f"{event.id}: {event.description}")
            continue
        start, end, only_bounds = window
        years += [start.year, (end or start).year]
        t = event.time
        vevent = icalendar.Event()
        vevent.add("uid", _uid(tl, event))
        vevent.add("dtstamp", stamp)
        vevent.add("summary", event.description)
        if _is_whole_days(t, start, end):
            vevent.add("dtstart", start.date())
            vevent.add("dtend", end.date())
        else:
            vevent.add("dtstart", _zoned(start, t.timezone))
            if end is not None:
                vevent.add("dtend", _zoned(end, t.timezone))
        vevent.add("description", _description(event, only_bounds))
        if t.approximate or only_bounds:
            vevent.add("x-timeline-approximate", "TRUE")
        cal.add_component(vevent)
    if years:  # VTIMEZONE rules only for the years used, not icalendar's default 1970-2038
        cal.add_missing_timezones(first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1))
    return cal


def to_ics(tl, *, name: str | None = None, dtstamp: datetime | None = None) -> str:
    """The timeline as an iCalendar text (CRLF line ends, as RFC 5545 asks).

    ``name``: the calendar's display name (``X-WR-CALNAME``); ``dtstamp``: the DTSTAMP of
    every VEVENT (default: the timeline's reference, see the module note).

    >>> import timeline
    >>> tl = timeline.extract("Results come on June 7, 2023.", reference="2023-05-24",
    ...                       tz="America/New_York")
    >>> [line for line in to_ics(tl).splitlines() if line.startswith(("DTSTART", "DTEND"))]
    ['DTSTART;VALUE=DATE:20230607', 'DTEND;VALUE=DATE:20230608']
    """
    return to_calendar(tl, name=name, dtstamp=dtstamp).to_ical().decode("utf-8")

