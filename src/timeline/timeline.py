"""The ordered Timeline and its exact dict/JSON form (the contract other tools consume)."""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, overload

import attrs

from .values import Event, TimeMention, TimeValue, check_event, check_mention, check_time

SCHEMA_VERSION = 1


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _span(value) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def mention_to_dict(m: TimeMention) -> dict[str, Any]:
    return {"text": m.text, "span": list(m.span), "type": m.type, "value": m.value,
            "start": _iso(m.start), "end": _iso(m.end), "timezone": m.timezone,
            "approximate": m.approximate, "grain": m.grain, "relation": m.relation,
            "offset": list(m.offset) if m.offset is not None else None,
            "flags": list(m.flags), "unresolved": m.unresolved, "rule": m.rule}


def mention_from_dict(d: dict[str, Any]) -> TimeMention:
    return check_mention(TimeMention(
        text=d["text"], span=_span(d["span"]), type=d["type"], value=d["value"],
        start=_datetime(d.get("start")), end=_datetime(d.get("end")),
        timezone=d.get("timezone"), approximate=bool(d.get("approximate")),
        rule=d.get("rule", ""), grain=d.get("grain"), relation=d.get("relation", "at"),
        offset=tuple(d["offset"]) if d.get("offset") is not None else None,
        flags=tuple(d.get("flags", ())), unresolved=d.get("unresolved")))


def time_to_dict(t: TimeValue | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"text": t.text, "span": list(t.span) if t.span else None, "type": t.type, "value": t.value,
            "start": _iso(t.start), "end": _iso(t.end), "earliest": _iso(t.earliest),
            "latest": _iso(t.latest), "approximate": t.approximate, "anchor": t.anchor,
            "timezone": t.timezone}


def time_from_dict(d: dict[str, Any] | None) -> TimeValue | None:
    if d is None:
        return None
    return check_time(TimeValue(
        text=d.get("text"), span=_span(d.get("span")), type=d.get("type"),
        value=d.get("value"), start=_datetime(d.get("start")), end=_datetime(d.get("end")),
        earliest=_datetime(d.get("earliest")), latest=_datetime(d.get("latest")),
        approximate=bool(d.get("approximate")), anchor=d.get("anchor"),
        timezone=d.get("timezone")))


def event_to_dict(e: Event) -> dict[str, Any]:
    return {"id": e.id, "description": e.description, "trigger": e.trigger,
            "trigger_span": list(e.trigger_span) if e.trigger_span else None,
            "sentence": e.sentence, "span": list(e.span), "time": time_to_dict(e.time),
            "mentions": list(e.mentions)}


def event_from_dict(d: dict[str, Any]) -> Event:
    return check_event(Event(
        id=d["id"], description=d["description"], trigger=d.get("trigger"),
        trigger_span=_span(d.get("trigger_span")), sentence=d["sentence"],
        span=_span(d["span"]), time=time_from_dict(d.get("time")),
        mentions=tuple(d.get("mentions", ()))))


@attrs.frozen
class Timeline(Sequence):
    """What happened in a text, in time order; iterate it for the events.

    >>> import timeline
    >>> tl = timeline.extract("The polls closed at 8 p.m. on Tuesday.", reference="2024-11-07",
    ...                       tz="America/New_York")
    >>> [(e.time.start.isoformat(), e.description) for e in tl]
    [('2024-11-05T20:00:00-05:00', 'The polls closed')]
    """

    events: tuple[Event, ...] = attrs.field(converter=tuple)
    mentions: tuple[TimeMention, ...] = attrs.field(converter=tuple)
    text: str = ""
    reference: str | None = None
    timezone: str | None = None

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Event, ...]: ...

    def __getitem__(self, index):
        return self.events[index]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: see the JSON contract in README and schema/timeline.schema.json.

        >>> import timeline
        >>> data = timeline.extract("At 6 p.m. it failed.", reference="2023-05-24", tz="UTC").to_dict()
        >>> data["version"], data["events"][0]["time"]["start"], data["mentions"][0]["value"]
        (1, '2023-05-24T18:00:00+00:00', '2023-05-24T18:00')
        """
        return {"version": SCHEMA_VERSION, "reference": self.reference, "timezone": self.timezone,
                "text": self.text, "events": [event_to_dict(e) for e in self.events],
                "mentions": [mention_to_dict(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timeline:
        """The Timeline that :meth:`to_dict` gave (an exact round trip); TypeError for a
        non-dict, ValueError naming what is wrong.

        >>> import timeline
        >>> tl = timeline.extract("At 6 p.m. it failed.", reference="2023-05-24", tz="UTC")
        >>> Timeline.from_dict(tl.to_dict()) == tl
        True
        """
        if not isinstance(data, dict):
            raise TypeError(f"Timeline.from_dict needs a dict, not {type(data).__name__}")
        if data.get("version", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise ValueError(f"timeline version {data['version']!r} is not supported (expected {SCHEMA_VERSION})")
        try:
            return cls(events=[event_from_dict(e) for e in data["events"]],
                       mentions=[mention_from_dict(m) for m in data["mentions"]],
                       text=data.get("text", ""), reference=data.get("reference"),
                       timezone=data.get("timezone"))
        except KeyError as exc:
            raise ValueError(f"not a timeline dict: missing key {exc}") from None
        except (TypeError, IndexError, AttributeError) as exc:
            raise ValueError(f"not a timeline dict: {exc}") from None

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as JSON text; ``kwargs`` go to :func:`json.dumps` (e.g. ``indent``).

        >>> import timeline
        >>> timeline.extract("For 21 minutes.").to_json()[:40]
        '{"version": 1, "reference": null, "timez'
        """
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, data: str) -> Timeline:
        """The Timeline that :meth:`to_json` gave (an exact round trip).

        >>> import timeline
        >>> tl = timeline.extract("At 6 p.m. it failed.", reference="2023-05-24", tz="Europe/Paris")
        >>> Timeline.from_json(tl.to_json()) == tl
        True
        """
        return cls.from_dict(json.loads(data))

    def to_timeml(self, docid: str = "doc") -> str:
        """TimeML 1.2.1: TIMEX3 per mention, EVENT per trigger, TLINKs dating the events.

        >>> import timeline
        >>> xml = timeline.extract("At 6 p.m. it failed.", reference="2023-05-24", tz="UTC").to_timeml()
        >>> '<TIMEX3 tid="t1" type="TIME" value="2023-05-24T18:00">6 p.m.</TIMEX3>' in xml
        True
        """
        from .timeml import to_timeml  # the XML writer is only loaded when asked for

        if not isinstance(docid, str):
            raise TypeError(f"docid must be a str, not {type(docid).__name__}")
        return to_timeml(self.to_dict(), docid=docid)

    # Exporters live in their own modules and import their optional package only when called.
    def to_dataframe(self, tz: object = None):
        """One row per event (pandas, extra ``pandas``); see :func:`timeline.dataframe.to_dataframe`.

        >>> import timeline
        >>> tl = timeline.extract("At 6 p.m. the servers failed.", reference="2023-05-24", tz="UTC")
        >>> tl.to_dataframe()["start"].tolist()
        [Timestamp('2023-05-24 18:00:00+0000', tz='UTC')]
        """
        from .dataframe import to_dataframe

        return to_dataframe(self, tz=tz)

    def mentions_frame(self, tz: object = None):
        """One row per time expression (pandas); see :func:`timeline.dataframe.mentions_frame`.

        >>> import timeline
        >>> timeline.extract("for 21 minutes", tz="UTC").mentions_frame()["duration"].tolist()
        [Timedelta('0 days 00:21:00')]
        """
        from .dataframe import mentions_frame

        return mentions_frame(self, tz=tz)

    def to_csv(self, path_or_buf=None, tz: object = None, **kwargs: Any):
        """The events table as CSV (pandas); text when ``path_or_buf`` is None.

        >>> import timeline
        >>> timeline.extract("At 6 p.m. the servers failed.", tz="UTC").to_csv().splitlines()[0][:30]
        'id,start,end,earliest,latest,d'
        """
        from .dataframe import to_csv

        return to_csv(self, path_or_buf, tz=tz, **kwargs)

    def to_ics(self, **kwargs: Any) -> str:
        """An iCalendar file, one VEVENT per dated event (extra ``ics``); see :mod:`timeline.ics`.

        >>> import timeline
        >>> ics = timeline.extract("At 6 p.m. the servers failed.", reference="2023-05-24",
        ...                        tz="America/New_York").to_ics()
        >>> [line for line in ics.splitlines() if line.startswith("DTSTART;")]
        ['DTSTART;TZID=America/New_York:20230524T180000']
        """
        from .ics import to_ics

        return to_ics(self, **kwargs)

    def plot(self, ax=None, tz: object = None, second_tz: object = None):
        """Draw the events on a time axis (matplotlib, extra ``plot``); returns the Figure.

        >>> import matplotlib; matplotlib.use("Agg")
        >>> import timeline
        >>> fig = timeline.extract("At 6 p.m. the servers failed.", reference="2023-05-24",
        ...                        tz="America/New_York").plot(second_tz="Europe/Paris")
        >>> type(fig).__name__
        'Figure'
        """
        from .plot import plot

        return plot(self, ax=ax, tz=tz, second_tz=second_tz)

    def to_html(self, **kwargs: Any) -> str:
        """A self-contained HTML page with a zone selector; see :func:`timeline.html.to_html`.

        >>> import timeline
        >>> page = timeline.extract("At 6 p.m. the servers failed.", tz="UTC").to_html()
        >>> page.startswith("<!DOCTYPE html>"), "The servers failed" in page
        (True, True)
        """
        from .html import to_html

        return to_html(self, **kwargs)

    def _repr_html_(self) -> str:
        from .html import repr_html

        return repr_html(self)

    def table(self) -> str:
        """A readable table: when, how sure, what.

        >>> import timeline
        >>> print(timeline.extract("At 6 p.m. it failed.", reference="2023-05-24", tz="UTC").table())
        when                    ±  what       time expression
        2023-05-24T18:00+00:00     It failed  6 p.m.
        """
        rows = [("when", "±", "what", "time expression")]
        for e in self.events:
            rows.append((_when(e.time), "~" if e.time and e.time.approximate else "",
                         e.description[:70], (e.time.text if e.time and e.time.text else "")))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        return "\n".join(f"{r[0]:<{widths[0]}}  {r[1]:<1}  {r[2]:<{widths[2]}}  {r[3]}".rstrip() for r in rows)

    def __repr__(self) -> str:
        return f"Timeline({len(self.events)} events, {len(self.mentions)} mentions)\n{self.table()}"


def _when(time: TimeValue | None) -> str:
    if time is None:
        return "?"
    if time.start is not None:
        return time.start.isoformat(timespec="minutes")
    if time.earliest or time.latest:
        low = time.earliest.isoformat(timespec="minutes") if time.earliest else "…"
        high = time.latest.isoformat(timespec="minutes") if time.latest else "…"
        return f"[{low} .. {high}]"
    return time.value or "?"
