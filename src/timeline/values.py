"""Immutable values that cross stage boundaries: reference, mentions, times, events."""
from __future__ import annotations

from datetime import date, datetime, tzinfo

import attrs

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GRAINS = ("century", "decade", "year", "quarter", "season", "month", "week", "day",
          "partofday", "hour", "minute", "second")
FINE_GRAINS = ("second", "minute", "hour")  # a clock time: what minutes and hours count from
WITHIN_DAY_GRAINS = FINE_GRAINS + ("partofday", "day")  # what days count from
# Flag of an amount counted from the document's time ("a few years ago", "will report within
# two weeks"), not from the story's last clock time ("within 15 minutes, it had spread").
COUNTED_FROM_REFERENCE = "counted-from-reference"
# Values that place a time against the document's own time ("now", "recently", "soon").
REFERENCE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


# The checks below guard what comes from outside (``Timeline.from_dict``, see timeline.py).
# The values the pipeline builds hold them by construction; checking each of those in
# ``__init__`` (attrs validators) was ~2% of ``extract``.

def _check_span(name: str, value) -> None:
    if len(value) != 2 or not (0 <= value[0] <= value[1]):
        raise ValueError(f"{name} must be (start, end) with 0 <= start <= end, got {value!r}")


def _check_type(name: str, value) -> None:
    if value not in TIMEX_TYPES:
        raise ValueError(f"{name} must be one of {TIMEX_TYPES}, got {value!r}")


def _check_order(start: datetime | None, end: datetime | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError(f"end {end} is before start {start}")


def _aware(name: str, value) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{name} must be a time-zone-aware datetime, got {value!r}")


@attrs.frozen
class Reference:
    """What a text is read against: its date (and time), default zone and language."""

    date: date | None
    time: datetime | None  # aware, when a reference time (not just a date) was given
    zone: tzinfo | None
    zone_name: str | None
    lang: str = "en"


@attrs.frozen
class TimeMention:
    """One time expression found in the text, with its TIMEX3 normalization.

    >>> import timeline
    >>> m = timeline.find_times("It failed at 6 p.m. Paris time.", reference="2023-05-24")[0]
    >>> m.text, m.span, m.type, m.value, m.start.isoformat(), m.timezone, m.grain
    ('6 p.m. Paris time', (13, 30), 'TIME', '2023-05-24T18:00', '2023-05-24T18:00:00+02:00', 'Europe/Paris', 'minute')
    """

    text: str
    span: tuple[int, int] = attrs.field(converter=tuple)
    type: str
    value: str
    start: datetime | None = None
    end: datetime | None = None
    timezone: str | None = None
    approximate: bool = False
    rule: str = ""
    grain: str | None = None
    # How the mention relates to the event it dates: "at" (default), "after", "before",
    # "later", "earlier", "within", "for", "since", "until" (the event ends there), "to"
    # ("postponed to Friday"), "by".
    relation: str = "at"
    # Offset/duration in seconds that a relative mention adds to its anchor event;
    # (low, high) bounds when vague ("a few minutes").
    offset: tuple[float, float] | None = None
    flags: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    unresolved: str | None = None  # why `start` is None where an instant or date was meant


@attrs.frozen
class TimeValue:
    """When an event happened: the dating mention's fields plus bounds and an anchor.

    >>> import timeline
    >>> tl = timeline.extract("At 6 p.m. it failed. After a few minutes it worked.",
    ...                       reference="2023-05-24", tz="UTC")
    >>> t = tl[1].time
    >>> t.value, t.start, t.earliest.isoformat(), t.latest.isoformat(), t.approximate, t.anchor
    ('PTXM', None, '2023-05-24T18:02:00+00:00', '2023-05-24T18:05:00+00:00', True, 'e1')
    """

    text: str | None
    span: tuple[int, int] | None
    type: str | None
    value: str | None
    start: datetime | None = None
    end: datetime | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    approximate: bool = False
    anchor: str | None = None
    timezone: str | None = None


@attrs.frozen
class Event:
    """Something that happened, the clause that says so, and when.

    >>> import timeline
    >>> e = timeline.extract("At 6 p.m. the servers failed.", reference="2023-05-24", tz="UTC")[0]
    >>> e.id, e.description, e.trigger, e.time.text, e.mentions
    ('e1', 'The servers failed', 'failed', '6 p.m.', (0,))
    """

    id: str
    description: str
    trigger: str | None
    trigger_span: tuple[int, int] | None
    sentence: str
    span: tuple[int, int] = attrs.field(converter=tuple)
    time: TimeValue | None
    mentions: tuple[int, ...] = attrs.field(default=(), converter=tuple)


def check_mention(mention: TimeMention) -> TimeMention:
    """``mention``, if it holds what the JSON contract promises; else ValueError naming the field."""
    _check_span("span", mention.span)
    _check_type("type", mention.type)
    _aware("start", mention.start)
    _aware("end", mention.end)
    _check_order(mention.start, mention.end)
    return mention


def check_time(time: TimeValue | None) -> TimeValue | None:
    """``time``, if its bounds are aware datetimes (or None); else ValueError naming the field."""
    if time is not None:
        for name in ("start", "end", "earliest", "latest"):
            _aware(name, getattr(time, name))
    return time


def check_event(event: Event) -> Event:
    """``event``, if its span is one and its time passes ``check_time``; else ValueError."""
    _check_span("span", event.span)
    check_time(event.time)
    return event
