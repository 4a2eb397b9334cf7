"""Event drafts → dated Events (anchored, with bounds) in time order. All ordering rules live here.

Anchoring rules:
- A time that names an instant or a period dates its event directly ("at 6 p.m.").
- "after 21 minutes", "within ten minutes", "in an hour" count from the last event dated by
  an absolute time of fine enough grain (a clock time for minutes and hours): an elapsed
  time runs from when the story's clock was last set, not from another relative step.
- "two hours later" was already counted from the previous time by the normalizer.
- "2 1/2 minutes after liftoff" counts from the last earlier event whose trigger shares the
  named word's stem ("lifted off"), else from the event counted from that way last, else
  (under a day) from the last clock time; minutes of a match count from the kick-off.
- A duration alone ("for an hour") and a clause placed by "then"/"later" start no earlier
  than the event before them in the text: they get that event as anchor and its start (or
  earliest) as their earliest bound, never an invented instant.
- "now" is the document's time; "recently" ends and "soon" starts there (bounds only).
- Uncertain times keep start = None with earliest/latest bounds (a part of a day, "Monday
  afternoon", is one); "around 6 p.m." keeps its
  stated start, marked approximate, with a window.

Sort order: by start, else earliest, else the clock time it lasts until ("valid until 4
p.m. Friday"), else the key of the anchor (placed right after it), else the key of the
previous event in the text; ties keep text order. An event dated by a whole day ("said on
Thursday") may have happened at any hour of it: it sorts right after the last event a clock
time on that day dates ("6 p.m. Thursday"), still before that day's parts
said later ("searched throughout Sunday … went on overnight").
"""
from __future__ import annotations

import bisect
import os
import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import ModuleType

import attrs

from . import zones
from .events import EventDraft, joins_previous
from .mentions import Grammar
from .values import (COUNTED_FROM_REFERENCE, FINE_GRAINS, REFERENCE_VALUES, WITHIN_DAY_GRAINS, Event,
                     TimeMention, TimeValue)

_ELAPSED = ("after", "within", "in", "later")


def _window(mention: TimeMention, lang: ModuleType) -> tuple[datetime | None, datetime | None, datetime | None]:
    """(start, earliest, latest) of a dated mention, read with its modifier and preposition."""
    start, end = mention.start, mention.end
    if mention.relation in ("later", "earlier") and mention.offset is not None and mention.approximate:
        return _counted_window(mention, lang.AMOUNT_BOUNDS)
    modifier = _modifier(mention, lang.CLOCK_WINDOWS) if mention.grain in FINE_GRAINS + ("partofday",) else None
    if modifier is not None and mention.grain == "partofday":  # "shortly before dawn": around the part
        low, high = lang.CLOCK_WINDOWS[modifier]
        return None, start + timedelta(minutes=low), end + timedelta(minutes=high)
    if modifier is not None:
        low, high = lang.CLOCK_WINDOWS[modifier]
        earliest, latest = start + timedelta(minutes=low), start + timedelta(minutes=high)
        keeps_start = low < 0 < high  # "around 6 p.m." states 6 p.m.; "shortly before" does not
        return (start if keeps_start else None), earliest, latest
    if mention.relation == "before":
        return None, None, start
    if mention.relation == "after":
        return None, end, None
    if mention.relation == "by":  # "By 2:30 p.m., service was restored": the time said, as at
        start, earliest, latest = _window(attrs.evolve(mention, relation="at"), lang)
        return start, earliest, latest or start  # and a clock time is the latest it happened
    if mention.grain in FINE_GRAINS:
        return start, None, None
    mod = next((flag[4:] for flag in mention.flags if flag.startswith("mod:")), None)
    if mention.grain == "day" and mod in lang.DAY_MOD_HOURS:  # "late Wednesday": its evening
        low, high = lang.DAY_MOD_HOURS[mod]
        return None, _on_clocks(start.date(), low, start), _on_clocks(start.date(), high, start)
    if mention.grain == "partofday":  # "Monday afternoon": some time in it, no instant of its own
        return None, start, end
    if mod in _THIRDS and end is not None and mention.grain not in WITHIN_DAY_GRAINS:
        # "late 2024", "early June": that third of it ("late Wednesday morning" was read so already)
        third, k = (end - start) / 3, _THIRDS[mod]
        return None, _midnight(start + k * third), _midnight(start + (k + 1) * third)
    return start, start, end


_THIRDS = {"START": 0, "MID": 1, "END": 2}


def _modifier(mention: TimeMention, modifiers: dict) -> str | None:
    """The modifier ("about", "shortly before") the mention starts with, if ``modifiers`` has it."""
    words = mention.text.lower().split()
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        if head in modifiers:
            return head
    return None


def _counted_window(mention: TimeMention, amount_bounds: dict) -> tuple[datetime | None, datetime, datetime]:
    """'about 10 minutes later': the stated instant, and the bounds of the amount counted from
    the same base (8 to 12 minutes after it), not a clock-time window around the instant."""
    low, high = mention.offset
    nominal, keeps_start = _nominal(mention, amount_bounds)
    sign = 1 if mention.relation == "later" else -1
    base = mention.start - sign * timedelta(seconds=nominal)
    earliest, latest = sorted((base + sign * timedelta(seconds=low), base + sign * timedelta(seconds=high)))
    return (mention.start if keeps_start else None), earliest, latest


def _nominal(mention: TimeMention, amount_bounds: dict) -> tuple[float, bool]:
    """The amount a counted mention states, in seconds, and whether its modifier keeps it as
    the likeliest value ("about ten minutes": yes; "nearly ten minutes": not reached)."""
    low, high = mention.offset
    low_factor, high_factor = amount_bounds.get(_modifier(mention, amount_bounds), (1.0, 1.0))
    nominal = low / low_factor if low_factor else high / high_factor
    return nominal, low < nominal < high


def _time_of(mention: TimeMention, lang: ModuleType, **extra) -> TimeValue:
    start, earliest, latest = _window(mention, lang) if mention.start is not None else (None, None, None)
    end = mention.end if start is not None else None
    if mention.relation == "by" and start is not None and mention.grain in FINE_GRAINS:
        end = start  # "had completed their transit by midnight": done at that instant at the latest
    if mention.relation == "until" and mention.start is not None and mention.grain in FINE_GRAINS:
        # "closed until 5 p.m.": the event ends at that instant and began before it, when not said
        start, end, earliest, latest = None, mention.start, None, mention.start
    return TimeValue(text=mention.text, span=mention.span, type=mention.type, value=mention.value,
                     start=start, end=end, earliest=earliest, latest=latest, approximate=mention.approximate,
                     timezone=mention.timezone, **extra)


def _undated_time(mention: TimeMention, **given) -> TimeValue:
    """What `_time_of` gives a mention with no start of its own (its text, no bounds), with
    the ``given`` fields set: one TimeValue, not one and then a copy by `attrs.evolve`."""
    return TimeValue(text=mention.text, span=mention.span, type=mention.type, value=mention.value,
                     **{"approximate": mention.approximate, "timezone": mention.timezone, **given})


def _on_clocks(day: date, hours: float, like: datetime) -> datetime:
    """``hours`` after the midnight starting ``day``, on the clocks of ``like``'s zone: 17 h on
    a day clocks go forward is 17:00 summer time, not 17 elapsed hours (24 h is the next
    midnight)."""
    wall = datetime.combine(day, time()) + timedelta(hours=hours)
    zone_name = getattr(like.tzinfo, "zone", None)
    if zone_name is None:  # a fixed offset: no DST, plain arithmetic is exact
        return like - (datetime.combine(like.date(), like.time()) - wall)
    return zones.localize(wall, zone_name)[0]


def _midnight(moment: datetime, up: bool = False) -> datetime:
    """The midnight starting ``moment``'s day in its own zone (``up``: the next one, unless
    ``moment`` is a midnight already)."""
    day = moment.date()
    if up and moment.time() != time():
        day += timedelta(days=1)
    return _on_clocks(day, 0, moment)


def _counted_offset(mention: TimeMention) -> tuple[float, float]:
    """The (low, high) seconds a counted mention spans from its base: "within" starts at 0."""
    low, high = mention.offset
    return (0, high) if mention.relation == "within" else (low, high)


def _shifted(moment: datetime, seconds: float) -> datetime | None:
    try:
        return moment + timedelta(seconds=seconds)
    except OverflowError:
        return None


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LONGEST_DAY = timedelta(hours=25)  # a day the clocks go back on; a range of days is longer
_CLOCK_VALUE = re.compile(r".*T\d")  # "2026-03-08T14:30", not a part of a day ("…TEV")


def _whole_day(time: TimeValue | None) -> bool:
    """Dated by a calendar day and nothing finer ("on Thursday", "March 3"), start to end."""
    return (time is not None and time.start is not None and time.end is not None
            and time.end - time.start <= _LONGEST_DAY and _DAY_VALUE.fullmatch(time.value or "") is not None)


def _clock_instant(time: TimeValue | None) -> datetime | None:
    """The instant a clock time dates ("6 p.m. Thursday"; "until 4 p.m. Friday": its end),
    None for a day, a part of one or no time."""
    if time is None or _CLOCK_VALUE.match(time.value or "") is None:
        return None
    return time.start or time.latest


def _key(time: TimeValue | None) -> datetime | None:
    if time is None:
        return None
    return time.start or time.earliest


# How precisely dated an event must be to count an amount from it: minutes and hours from a
# clock time, days and weeks from a day; longer amounts from any date. "Two days later" after
# "the previous flight, in March 2023" counts from the last day the story named, not March.
_REACHES = ("fine", "day", "any")


def _reach_needed(seconds: float, elapsed: bool) -> str:
    if elapsed and seconds < 86400:
        return "fine"
    return "day" if seconds < 28 * 86400 else "any"


@lru_cache(maxsize=None)
def _anchor_event_name(lang: ModuleType) -> re.Pattern:
    return re.compile(lang.ANCHOR_EVENT_NAME)


def _stem(word: str, irregular: dict[str, str]) -> str:
    word = word.lower().replace("-", "")
    return irregular.get(word, word)


def _same_stem(a: str, b: str) -> bool:
    """Whether two words share a stem: a common start of four letters or more, and all but
    the last three letters of the shorter ("liftoff" / "lifted", "landing" / "landed")."""
    common = len(os.path.commonprefix((a, b)))
    return common >= max(4, min(len(a), len(b)) - 3)


def _reaches(grain: str | None) -> tuple[str, ...]:
    """The reaches an event dated at ``grain`` serves."""
    if grain in FINE_GRAINS:
        return _REACHES
    return ("day", "any") if grain in WITHIN_DAY_GRAINS else ("any",)


class Placer:
    """Dates and orders the events of one text."""

    def __init__(self, grammar: Grammar, text: str, mentions: list[TimeMention],
                 reference: datetime | None = None, reference_is_day: bool = False):
        self.text = text
        self.mentions = mentions
        self.reference = reference  # the document's time: what "a few years ago" counts back from
        self.reference_is_day = reference_is_day  # a date was given: "now" is that whole day
        self.lang = grammar.lang
        # Kept up to date while placing, so each event looks back in constant time: per reach,
        # the last event with a date, and the last dated by a time of its own.
        self._last_dated: dict[str, Event | None] = dict.fromkeys(_REACHES)
        self._last_absolute: dict[str, Event | None] = dict.fromkeys(_REACHES)
        self._grains: dict[str, str | None] = {}
        self._placed: list[Event] = []  # the events placed so far, in text order
        self._counted_from: Event | None = None  # the event a time was last counted from by name

    def _grain(self, event: Event) -> str | None:
        """The grain of the time that dates ``event``: its own, or that of its anchor."""
        if event.mentions and self.mentions[event.mentions[0]].start is not None:
            return self.mentions[event.mentions[0]].grain
        return self._grains.get(event.time.anchor) if event.time is not None else None

    def _absolute(self, event: Event) -> bool:
        """Dated by a time of its own (not counted from another event)."""
        if not event.mentions or _key(event.time) is None or event.time.anchor is not None:
            return False
        first = self.mentions[event.mentions[0]]
        return first.start is not None and first.relation not in ("later", "earlier")

    def _anchor_names(self, mention: TimeMention) -> tuple[str, ...]:
        """The head word (and verb) naming what a counted time counts from ("after the meeting
        began": meeting, began)."""
        match = _anchor_event_name(self.lang).match(self.text, mention.span[1])
        return tuple(word for word in match.group("name", "verb") if word) if match else ()

    def _serves(self, event: Event, reach: str) -> bool:
        """Whether ``event`` is dated precisely enough to count an amount of ``reach`` from."""
        grain = self._grains[event.id]
        return grain is not None and reach in _reaches(grain)

    def _named_event(self, names: tuple[str, ...], reach: str) -> Event | None:
        """The earlier event a counted time names ("2 1/2 minutes after liftoff"): the last one
        dated precisely enough for ``reach`` whose trigger shares a stem with one of ``names``."""
        names = [_stem(word, self.lang.IRREGULAR_STEMS) for word in names]
        for event in reversed(self._placed):
            if event.trigger and self._serves(event, reach) \
                    and any(_same_stem(_stem(event.trigger, self.lang.IRREGULAR_STEMS), name) for name in names):
                return event
        return None

    def _elapsed(self, mention: TimeMention, anchor: Event | None = None) -> TimeValue:
        """'after 21 minutes': counted from ``anchor``, else from the last absolutely dated
        event precise enough."""
        if anchor is None:
            anchor = self._last_absolute[_reach_needed((mention.offset or (0, 0))[1], elapsed=True)]
        base = _key(anchor.time) if anchor is not None else None
        if base is None or mention.offset is None:
            return _time_of(mention, self.lang)
        low, high = _counted_offset(mention)
        exact = low == high and not mention.approximate
        earliest, latest = _shifted(base, low), _shifted(base, high)
        if earliest is None or latest is None:
            return _time_of(mention, self.lang)
        nominal, keeps_nominal = _nominal(mention, self.lang.AMOUNT_BOUNDS)
        start = earliest if exact else _shifted(base, nominal) if keeps_nominal else None
        return TimeValue(text=mention.text, span=mention.span, type=mention.type, value=mention.value,
                         start=start, end=None,
                         earliest=None if exact else earliest, latest=None if exact else latest,
                         approximate=not exact, anchor=anchor.id, timezone=anchor.time.timezone)

    def _from_reference(self, mention: TimeMention) -> TimeValue:
        """'a few years ago', 'in a few days': bounds counted from the document's time."""
        sign = -1 if mention.relation == "ago" else 1
        low, high = _counted_offset(mention)
        bounds = [_shifted(self.reference, sign * seconds) for seconds in (low, high)]
        if None in bounds:  # off the calendar: "10,000 years ago"
            return _time_of(mention, self.lang)
        earliest, latest = sorted(bounds)
        if high >= 86400:  # "in a few months": whole days, not 20:58 (a month is 30.44 days)
            earliest, latest = _midnight(earliest), _midnight(latest, up=True)
        return _undated_time(mention, earliest=earliest, latest=latest, approximate=True)

    def _around_reference(self, mention: TimeMention) -> TimeValue:
        """'now' (PRESENT_REF) is the document's time; 'recently' (PAST_REF) ends there and
        'soon' (FUTURE_REF) starts there: bounds, no invented instant."""
        start = end = self.reference
        if self.reference_is_day:
            end = _on_clocks(start.date(), 24, start)
        return _undated_time(mention, approximate=True,
                             earliest=start if mention.value != "PAST_REF" else None,
                             latest=end if mention.value != "FUTURE_REF" else None)

    def _after_previous(self, mention: TimeMention | None, sentence: tuple[int, int]) -> TimeValue:
        """A clause placed by 'then', or a duration alone ('for two hours'): after the last
        dated event (for a duration, one dated precisely enough to start it)."""
        previous = self._last_dated["any"]
        if mention is not None and mention.offset is not None and \
                (previous is None or previous.span != sentence):
            # a duration measures an event dated in its own sentence ("a blackout in August
            # 2019 lasted 45 minutes"); else it starts after one dated precisely enough
            previous = self._last_dated[_reach_needed(mention.offset[1], elapsed=False)]
        extra = {} if previous is None else {"anchor": previous.id, "earliest": _key(previous.time)}
        if mention is None:
            return TimeValue(text=None, span=None, type=None, value=None, approximate=True,
                             timezone=previous.time.timezone if previous else None, **extra)
        return _undated_time(mention, **extra)

    def _later_that_day(self, mention: TimeMention) -> TimeValue | None:
        """"later that day", "earlier in the day" after an event dated by a clock time on that
        day: after that instant, to the day's end (before it, from the day's start); no start."""
        if mention.grain != "day" or mention.relation not in ("later", "earlier") or mention.offset is not None:
            return None
        clocked = self._last_dated["fine"]
        instant = None if clocked is None else _clock_instant(clocked.time)
        if instant is None or not mention.start <= instant < mention.end:
            return None
        earliest, latest = (instant, mention.end) if mention.relation == "later" else (mention.start, instant)
        return _undated_time(mention, earliest=earliest, latest=latest)

    def _day_of_own_sentence(self, sentence: tuple[int, int], index: int) -> TimeMention | None:
        """The first mention with a start after an amount said with "in"/"within" (mention
        ``index``) in its sentence, when no event of that sentence is dated yet: the day the
        amount is measured on, rather than the last clock time of the sentences before."""
        previous = self._last_dated["any"]
        if previous is not None and previous.span == sentence:
            return None
        for later in (self.mentions[i] for i in range(index + 1, len(self.mentions))):
            if later.span[0] >= sentence[1]:
                return None
            if later.start is not None and later.relation == "at":  # not "three months to Sept. 30"
                return later
        return None

    def date(self, draft: EventDraft) -> TimeValue:
        if not draft.mentions:
            return self._after_previous(None, draft.sentence.span)
        mention = self.mentions[draft.mentions[0]]
        if mention.start is not None:
            time = self._later_that_day(mention) or _time_of(mention, self.lang)
            if len(draft.mentions) > 1:  # a range: it ends where the last mention ends, or
                last = self.mentions[draft.mentions[-1]]  # at a clock time: "until 5 a.m."
                if last.start is not None and not joins_previous(last):
                    end = last.start if last.grain in FINE_GRAINS else last.end
                    time = attrs.evolve(time, end=end, latest=end if time.latest else None)
            return time
        if COUNTED_FROM_REFERENCE in mention.flags and mention.offset is not None and self.reference is not None:
            return self._from_reference(mention)
        if mention.value in REFERENCE_VALUES and self.reference is not None:
            return self._around_reference(mention)
        if mention.type == "DURATION" and mention.relation in _ELAPSED and mention.unresolved is None:
            if mention.relation in ("in", "within"):
                dated = self._day_of_own_sentence(draft.sentence.span, draft.mentions[0])
                if dated is not None:  # "sold out in 12 minutes when they went on sale on Sept. 16"
                    return _undated_time(mention, earliest=dated.start)
            return self._elapsed(mention)
        if mention.type == "DURATION" and mention.relation == "after" and mention.offset is not None:
            reach = _reach_needed(mention.offset[1], elapsed=True)
            names = self._anchor_names(mention)
            named = self._named_event(names, reach)
            if named is not None:  # "2 1/2 minutes after liftoff", the rocket "lifted off" at 10:24
                self._counted_from = named
                return self._elapsed(mention, named)
            restart = self.lang.MATCH_RESTARTS.get(names[0].lower()) if names else None
            if restart is not None:  # "two minutes after halftime": from the start of the match
                low, high = mention.offset
                mention = attrs.evolve(mention, offset=(low + 60 * restart[0], high + 60 * restart[1]))
            elif self._counted_from is not None and self._serves(self._counted_from, reach):
                # "about eight minutes after launch": the event counted from last, most likely
                return attrs.evolve(self._elapsed(mention, self._counted_from), approximate=True)
            if mention.offset[1] < 86400:
                # "17 minutes after liftoff", no earlier event named so: most likely the one the
                # story's clock last dated; counted from it, and marked approximate since that
                # is a reading ("a day after a teacher was killed": not counted)
                return attrs.evolve(self._elapsed(mention), approximate=True)
        if mention.type == "DURATION" and mention.unresolved is None:
            return self._after_previous(mention, draft.sentence.span)
        return _time_of(mention, self.lang)

    def place(self, drafts: list[EventDraft]) -> list[Event]:
        placed = self._placed = []
        for draft in drafts:
            time = self.date(draft)
            event = Event(id=draft.id, description=draft.description, trigger=draft.trigger,
                          trigger_span=draft.trigger_span, sentence=draft.sentence.text,
                          span=draft.sentence.span, time=time, mentions=draft.mentions)
            placed.append(event)
            grain = self._grains[event.id] = self._grain(event)
            for reach in _reaches(grain) if _key(time) is not None else ():
                self._last_dated[reach] = event
                if self._absolute(event):
                    self._last_absolute[reach] = event
        return order(placed)


def order(events: list[Event]) -> list[Event]:
    """Time order (see the module docstring); events are given in text order."""
    keys: dict[str, datetime | None] = {}
    previous_key = None
    for event in events:
        key = _key(event.time) or _clock_instant(event.time)  # "until 4 p.m.": at its end
        if key is None and event.time is not None and event.time.anchor in keys:
            key = keys[event.time.anchor]
        if key is None:
            key = previous_key
        keys[event.id] = key
        previous_key = key
    clock_times = sorted(instant.timestamp() for instant in map(_clock_instant, (e.time for e in events))
                         if instant is not None)

    def sort_key(item: tuple[int, Event]) -> tuple[int, float, bool, int]:
        position, event = item
        key = keys[event.id]
        if key is None:
            return (0, 0.0, False, position)
        at = key.timestamp()
        if _whole_day(event.time):  # any hour of it: right after the last clock time said on it
            last = bisect.bisect_left(clock_times, event.time.end.timestamp()) - 1
            if last >= 0 and clock_times[last] >= at:
                return (1, clock_times[last], True, position)
        return (1, at, False, position)

    return [event for _, event in sorted(enumerate(events), key=sort_key)]
