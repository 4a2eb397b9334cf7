"""Timeline → pandas DataFrames (one row per event, one row per mention) and CSV.

Times from different zones cannot share one pandas datetime64 column, so every datetime
column is converted to ONE zone: the ``tz`` argument, else the timeline's default zone, else
UTC. The zone each time was stated in stays in the ``timezone`` column (IANA name) and its
UTC offset at that instant in ``utc_offset`` (a Timedelta), so nothing is lost.

Needs pandas: ``pip install "timeline-news[pandas]"``.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from . import zones

# TIMEX3 duration units of fixed length; years, months, decades, centuries and quarters
# have no fixed length, so such durations give NaT rather than a guessed Timedelta.
_FIXED_SECONDS = {"W": 604800, "D": 86400, "H": 3600, "M": 60, "S": 1}
_DURATION = re.compile(r"P(?:(?P<date>(?:\d+(?:\.\d+)?[WD])+))?(?:T(?P<time>(?:\d+(?:\.\d+)?[HMS])+))?")


def _pandas():
    try:
        import pandas
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ImportError("Timeline.to_dataframe() needs pandas: "
                          'pip install "timeline-news[pandas]"') from None
    return pandas


def duration_of(value: str | None) -> timedelta | None:
    """The length a TIMEX3 duration value states, when its units have a fixed length.

    >>> duration_of("PT21M"), duration_of("P2W"), duration_of("P1DT12H")
    (datetime.timedelta(seconds=1260), datetime.timedelta(days=14), datetime.timedelta(days=1, seconds=43200))
    >>> duration_of("P3Y") is None, duration_of("PTXM") is None, duration_of("2023-05-24") is None
    (True, True, True)
    """
    if not value:
        return None
    match = _DURATION.fullmatch(value)
    if match is None or not (match["date"] or match["time"]):
        return None
    seconds = 0.0
    for part, minute_unit in ((match["date"], "D"), (match["time"], "M")):
        for amount, unit in re.findall(r"(\d+(?:\.\d+)?)([WDHMS])", part or ""):
            # "M" means months in the date part (not matched above) and minutes in the time part
            seconds += float(amount) * _FIXED_SECONDS[unit]
    return timedelta(seconds=seconds)


def _target_zone(tl, tz: object) -> Any:
    name = tz if tz is not None else tl.timezone
    if name is None:
        return "UTC"
    if isinstance(name, str):
        return zones.user_zone(name)[0]
    return name


def _offset(value: datetime | None) -> timedelta | None:
    return None if value is None else value.utcoffset()


def _times(pd, values: list[datetime | None], zone: Any):
    """An aware datetime64 column in ``zone`` (NaT where a value is missing).

    Microsecond resolution: nanoseconds would only reach the years 1677-2262, and news
    texts name the 1490s and "the year 3000"."""
    import numpy as np  # pandas brings it; an array of [us] first: pandas 2 casts lists via [ns]

    utc = np.array([np.datetime64("NaT", "us") if v is None else
                    np.datetime64(v.astimezone(zones.get_zone("UTC")).replace(tzinfo=None), "us")
                    for v in values], dtype="datetime64[us]")
    return pd.Series(utc).dt.tz_localize("UTC").dt.tz_convert(zone)


def _strings(pd, values: list[str | None]):
    return pd.Series(values, dtype="string")


def _timedeltas(pd, values: list[timedelta | None]):
    # microseconds here too: "a thousand years" overflows timedelta64[ns]
    import numpy as np

    return pd.Series(np.array([np.timedelta64("NaT", "us") if v is None else np.timedelta64(v, "us")
                               for v in values], dtype="timedelta64[us]"))


def to_dataframe(tl, tz: object = None):
    """One row per event, in time order, with typed columns.

    Columns: ``id``, ``description``, ``trigger``, ``sentence``, ``text`` (the time
    expression), ``type``, ``value`` (TIMEX3) — pandas ``string``; ``start``, ``end``,
    ``earliest``, ``latest`` — ``datetime64[us, <zone>]`` in one zone (see the module note);
    ``timezone`` (string) and ``utc_offset`` (Timedelta) as stated in the text;
    ``duration`` (Timedelta, when the dating expression is a duration of fixed-length units);
    ``approximate`` (bool); ``anchor`` (string, the event counted from); ``span_start``,
    ``span_end`` (int, the event's clause in ``tl.text``).

    >>> import timeline
    >>> tl = timeline.extract("At 6 p.m. the servers failed. After 21 minutes Musk stopped the stream.",
    ...                       reference="2023-05-24", tz="America/New_York")
    >>> df = tl.to_dataframe()
    >>> for row in df[["start", "description", "duration"]].itertuples(index=False):
    ...     print(row.start, row.description, row.duration, sep=" | ")
    2023-05-24 18:00:00-04:00 | The servers failed | NaT
    2023-05-24 18:21:00-04:00 | Musk stopped the stream | 0 days 00:21:00
    >>> str(df["start"].dtype), str(df["duration"].dtype), str(df["approximate"].dtype)
    ('datetime64[us, America/New_York]', 'timedelta64[us]', 'bool')
    """
    pd = _pandas()
    zone = _target_zone(tl, tz)
    events = list(tl)
    times = [e.time for e in events]

    def field(name: str) -> list:
        return [getattr(t, name) if t is not None else None for t in times]

    def stated(t) -> datetime | None:
        return None if t is None else (t.start or t.earliest or t.latest or t.end)

    columns = {
        "id": _strings(pd, [e.id for e in events]),
        "start": _times(pd, field("start"), zone),
        "end": _times(pd, field("end"), zone),
        "earliest": _times(pd, field("earliest"), zone),
        "latest": _times(pd, field("latest"), zone),
        "description": _strings(pd, [e.description for e in events]),
        "text": _strings(pd, field("text")),
        "type": _strings(pd, field("type")),
        "value": _strings(pd, field("value")),
        "duration": _timedeltas(pd, [duration_of(t.value) if t is not None and t.type == "DURATION"
                                     else None for t in times]),
        "approximate": pd.Series([bool(t is not None and t.approximate) for t in times], dtype="bool"),
        "anchor": _strings(pd, field("anchor")),
        "timezone": _strings(pd, field("timezone")),
        "utc_offset": _timedeltas(pd, [_offset(stated(t)) for t in times]),
        "trigger": _strings(pd, [e.trigger for e in events]),
        "sentence": _strings(pd, [e.sentence for e in events]),
        "span_start": pd.Series([e.span[0] for e in events], dtype="int64"),
        "span_end": pd.Series([e.span[1] for e in events], dtype="int64"),
    }
    return pd.DataFrame(columns)


def mentions_frame(tl, tz: object = None):
    """One row per time expression (resolved or not), in text order, with typed columns.

    Columns: ``text``, ``type``, ``value``, ``grain``, ``relation``, ``timezone``,
    ``unresolved``, ``rule``, ``flags`` (``;``-joined), ``event`` (id of the event it dates)
    — pandas ``string``; ``start``, ``end`` — ``datetime64[us, <zone>]`` (see the module
    note); ``utc_offset``, ``duration`` (DURATION mentions of fixed-length units),
    ``offset_low``, ``offset_high`` (what a relative mention adds to its anchor) —
    Timedelta; ``approximate`` (bool); ``span_start``, ``span_end`` (int).

    >>> import timeline
    >>> tl = timeline.extract("We met at 5:55 p.m. (11:55 p.m. Paris time) for 21 minutes.",
    ...                       reference="2023-05-24", tz="America/New_York")
    >>> frame = timeline.mentions_frame(tl, tz="UTC")
    >>> for row in frame[["text", "start", "timezone", "utc_offset", "duration"]].itertuples(index=False):
    ...     print(*row, sep=" | ")
    5:55 p.m. | 2023-05-24 21:55:00+00:00 | America/New_York | -1 days +20:00:00 | NaT
    11:55 p.m. Paris time | 2023-05-24 21:55:00+00:00 | Europe/Paris | 0 days 02:00:00 | NaT
    21 minutes | NaT | <NA> | NaT | 0 days 00:21:00
    """
    pd = _pandas()
    zone = _target_zone(tl, tz)
    mentions = list(tl.mentions)
    dating: dict[int, str] = {}
    for event in tl:
        for index in event.mentions:
            dating.setdefault(index, event.id)

    def seconds(m, i: int) -> timedelta | None:
        return None if m.offset is None else timedelta(seconds=m.offset[i])

    columns = {
        "text": _strings(pd, [m.text for m in mentions]),
        "start": _times(pd, [m.start for m in mentions], zone),
        "end": _times(pd, [m.end for m in mentions], zone),
        "type": _strings(pd, [m.type for m in mentions]),
        "value": _strings(pd, [m.value for m in mentions]),
        "grain": _strings(pd, [m.grain for m in mentions]),
        "timezone": _strings(pd, [m.timezone for m in mentions]),
        "utc_offset": _timedeltas(pd, [_offset(m.start) for m in mentions]),
        "duration": _timedeltas(pd, [duration_of(m.value) if m.type == "DURATION" else None
                                     for m in mentions]),
        "approximate": pd.Series([bool(m.approximate) for m in mentions], dtype="bool"),
        "relation": _strings(pd, [m.relation for m in mentions]),
        "offset_low": _timedeltas(pd, [seconds(m, 0) for m in mentions]),
        "offset_high": _timedeltas(pd, [seconds(m, 1) for m in mentions]),
        "event": _strings(pd, [dating.get(i) for i in range(len(mentions))]),
        "flags": _strings(pd, [";".join(m.flags) for m in mentions]),
        "unresolved": _strings(pd, [m.unresolved for m in mentions]),
        "rule": _strings(pd, [m.rule for m in mentions]),
        "span_start": pd.Series([m.span[0] for m in mentions], dtype="int64"),
        "span_end": pd.Series([m.span[1] for m in mentions], dtype="int64"),
    }
    return pd.DataFrame(columns)


def to_csv(tl, path_or_buf=None, tz: object = None, **kwargs: Any):
    """The events table as CSV (datetimes ISO 8601 with their offset); returns the text
    when ``path_or_buf`` is None, like ``pandas.DataFrame.to_csv``.

    >>> import timeline
    >>> tl = timeline.extract("The polls closed at 8 p.m. on Tuesday.", reference="2024-11-07",
    ...                       tz="America/New_York")
    >>> print(tl.to_csv().splitlines()[1][:40])
    e1,2024-11-05 20:00:00-05:00,2024-11-05 
    """
    kwargs.setdefault("index", False)
    return to_dataframe(tl, tz=tz).to_csv(path_or_buf, **kwargs)
