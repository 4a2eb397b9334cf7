"""Candidates → TimeMentions: TIMEX3 values with their grain and DST-exact, zone-aware bounds.

Resolution walks the candidates in text order, keeping only what a reader keeps: the day
being talked about (for bare clock times), the zone last named in the paragraph, and the last
resolved instant (for "two hours later", "the next day").
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

import attrs

from . import zones
from .mentions import Candidate, Grammar, place_alternation, zone_pattern, zone_start
from .text import Sentence
from .values import COUNTED_FROM_REFERENCE, FINE_GRAINS, WITHIN_DAY_GRAINS, Reference, TimeMention
from .words import is_participle_aside, is_verb_form, lang_code, verb_forms

# ----------------------------------------------------------------- calendar periods ---


@attrs.frozen
class Period:
    """A calendar value before localization: TIMEX3 value, grain, naive wall-clock bounds."""

    value: str
    grain: str
    start: datetime | None = None
    end: datetime | None = None


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def day_period(d: date) -> Period:
    return Period(d.isoformat(), "day", _midnight(d), _midnight(d + timedelta(days=1)))


def month_period(year: int, month: int) -> Period:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return Period(f"{year:04d}-{month:02d}", "month", datetime(year, month, 1), _midnight(nxt))


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", "year", datetime(year, 1, 1), datetime(year + 1, 1, 1))


def week_period(d: date) -> Period:
    iso_year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Period(f"{iso_year:04d}-W{week:02d}", "week", _midnight(monday),
                  _midnight(monday + timedelta(days=7)))


def weekend_period(d: date) -> Period:
    iso_year, week, _ = d.isocalendar()
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Period(f"{iso_year:04d}-W{week:02d}-WE", "week", _midnight(saturday),
                  _midnight(saturday + timedelta(days=2)))


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(f"{year:04d}-Q{quarter}", "quarter", datetime(year, first, 1),
                  month_period(year, first + 2).end)


_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_period(year: int, code: str) -> Period:
    first = _SEASON_MONTHS[code]  # meteorological seasons, northern hemisphere
    start = datetime(year, first, 1)
    end_month = first + 3
    end = datetime(year + (end_month > 12), (end_month - 1) % 12 + 1, 1)
    return Period(f"{year:04d}-{code}", "season", start, end)


def decade_period(prefix: int) -> Period:
    return Period(f"{prefix:03d}", "decade", datetime(prefix * 10, 1, 1), datetime(prefix * 10 + 10, 1, 1))


def century_period(prefix: int) -> Period:
    if prefix <= 0 or prefix >= 99:
        return Period(f"{prefix:02d}", "century")
    return Period(f"{prefix:02d}", "century", datetime(prefix * 100, 1, 1), datetime(prefix * 100 + 100, 1, 1))


def part_of_day_period(d: date, code: str, hours: dict[str, tuple[int, int]]) -> Period:
    first, last = hours[code]
    return Period(f"{d.isoformat()}T{code}", "partofday", _midnight(d) + timedelta(hours=first),
                  _midnight(d) + timedelta(hours=last))


def part_hours(lang, word: str) -> dict[str, tuple[int, int]]:
    """The hours of each part of a day (PART_OF_DAY_HOURS), with those of ``word`` when it
    names a narrower part than its code ("dawn", "mid-afternoon")."""
    if word in lang.PART_OF_DAY_WORD_HOURS:
        return {**lang.PART_OF_DAY_HOURS, lang.PARTS_OF_DAY[word]: lang.PART_OF_DAY_WORD_HOURS[word]}
    return lang.PART_OF_DAY_HOURS


def _wall_clock(d: date, hour: int, minute: int, zone_name: str) -> datetime:
    """The instant ``hour``:``minute`` on day ``d`` shows on the clocks of ``zone_name``."""
    return zones.localize(_midnight(d) + timedelta(hours=hour, minutes=minute), zone_name)[0]


def clock_period(d: date, hour: int, minute: int, second: int | None) -> Period:
    start = _midnight(d) + timedelta(hours=hour, minutes=minute, seconds=second or 0)
    if second is not None:
        return Period(f"{d.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}", "second", start,
                      start + timedelta(seconds=1))
    return Period(f"{d.isoformat()}T{hour:02d}:{minute:02d}", "minute", start, start + timedelta(minutes=1))


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last_day = (date(year + (month == 11), (month + 1) % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month + 1, min(d.day, last_day))


def shift_by_years(period: Period, years: int) -> Period | None:
    """The same period ``years`` earlier or later, at its own grain (2023-Q3 -> 2022-Q3)."""
    if period.start is None:
        return None
    start = period.start.date()
    if period.grain == "day":
        return day_period(add_months(start, 12 * years))
    if period.grain in _PER_YEAR:
        return shift_period(start, period.grain, years * _PER_YEAR[period.grain])
    if period.grain in ("half", "season"):
        return attrs.evolve(period, value=f"{start.year + years:04d}{period.value[4:]}",
                            start=period.start.replace(year=period.start.year + years),
                            end=period.end.replace(year=period.end.year + years))
    return None


_PER_YEAR = {"month": 12, "quarter": 4, "year": 1}
_FOCUS_GRAINS = ("day", "month", "quarter", "half", "season", "year")


def shift_period(anchor: date, unit: str, amount: int) -> Period | None:
    """The period ``amount`` units away from ``anchor`` at that unit's grain ("last month");
    off the calendar (years 1–9999) it raises, and ``normalize`` keeps the mention unresolved."""
    if unit in ("day", "night"):
        return day_period(anchor + timedelta(days=amount))
    if unit in ("week", "fortnight"):
        return week_period(anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return weekend_period(anchor + timedelta(weeks=amount))
    if unit == "month":
        shifted = add_months(anchor, amount)
        return month_period(shifted.year, shifted.month)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + amount
        return quarter_period(index // 4, index % 4 + 1)
    if unit == "year":
        return year_period(anchor.year + amount)
    if unit == "decade":
        return decade_period(anchor.year // 10 + amount)
    if unit == "century":
        return century_period(anchor.year // 100 + amount)
    return None


# A fraction of a unit written in the next smaller one: (letter, how many, is a time unit).
_SMALLER_UNIT = {"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False),
                 "D": ("H", 24, True), "H": ("M", 60, True), "TM": ("S", 60, True)}


def duration_value(amount: float | None, unit: str, units: dict) -> str:
    """TIMEX3 duration: 21 minutes -> PT21M, 1.5 hours -> PT1H30M, 2 1/2 years -> P2Y6M,
    three quarters -> P9M (ISO 8601 has no quarter unit), a few years -> PXY."""
    letter, time_unit, seconds = units[unit]
    if unit in ("fortnight", "quarter"):
        amount = None if amount is None else amount * (2 if unit == "fortnight" else 3)
        letter = "W" if unit == "fortnight" else "M"
    if amount is None:
        return f"PTX{letter}" if time_unit else f"PX{letter}"
    whole = int(amount)
    parts = [(whole, letter, time_unit)] if whole else []
    if amount != whole:
        smaller = _SMALLER_UNIT.get(("T" if time_unit and letter == "M" else "") + letter)
        rest = (amount - whole) * smaller[1] if smaller else None
        if rest is None or rest != int(rest):
            parts = [(f"{amount:g}", letter, time_unit)]
        else:
            parts.append((int(rest), smaller[0], smaller[2]))
    if not parts:  # "0 days"
        parts = [(0, letter, time_unit)]
    dates = "".join(f"{n}{u}" for n, u, is_time in parts if not is_time)
    times = "".join(f"{n}{u}" for n, u, is_time in parts if is_time)
    return f"P{dates}" + (f"T{times}" if times else "")


def _sum_durations(first: str, second: str) -> str:
    """One TIMEX3 duration of two said in a row, the larger unit first: PT2H + PT40M -> PT2H40M."""
    dates_a, _, times_a = first[1:].partition("T")
    dates_b, _, times_b = second[1:].partition("T")
    times = times_a + times_b
    return f"P{dates_a}{dates_b}" + (f"T{times}" if times else "")


# ------------------------------------------------------------------------- state ---


@attrs.define
class _Reading:
    """What a reader keeps in mind while reading one text (never shared between calls)."""

    reference: Reference
    day: date | None  # the day bare clock times and "that evening" fall on
    day_zone: str | None = None  # the zone whose clocks that day is counted on
    past_day: date | None = None  # the last such day not after the reference
    zone: zones.ZoneChoice | None = None
    zone_paragraph: int = -1
    last: TimeMention | None = None
    # The last time said of day grain or finer: what "two days later" counts from when the
    # text has since named a coarser period ("the previous flight, in March 2023, failed").
    last_within_day: TimeMention | None = None
    last_clock: TimeMention | None = None  # the last clock time: what "at the same time" repeats
    # Calendar periods the text named itself (not counted from another): the quarter last
    # named ("the quarter", "the year-earlier period") and the latest of any grain ("a year ago").
    quarter_in_focus: Period | None = None
    focus_latest: Period | None = None
    last_period: Period | None = None  # of the last time said, relative ones included
    # The base of the last "<amount> <unit> earlier/later" as (phrase, day, time, period): a
    # repeat of the same phrase ("… from $5 a year earlier. Sales … a year earlier") compares
    # with the same period.
    repeat: tuple[tuple, date | None, datetime | None, Period | None] | None = None
    weekdays: dict[int, date] = attrs.Factory(dict)  # the day each weekday named was read as
    # The last weekday said with its date more than a week from the reference ("Saturday 5
    # June 2027"): a bare weekday later in its sentence counts from it.
    far_weekday: TimeMention | None = None
    year_said: TimeMention | None = None  # the last year said ("Last year", "in 2019")

    def remember_weekday(self, mention: TimeMention, *said: Candidate) -> None:
        """Keep the day ``mention`` dates when one of the candidates it was read from names a
        weekday, on the clocks of its own zone ("0524 GMT Thursday"). Not a weekday said with
        its date more than a week from the reference ("on Sunday, March 22"): a weekday named
        alone later means one within a week of it."""
        if mention.start is None or mention.grain not in WITHIN_DAY_GRAINS \
                or not any(c.get("weekday") for c in said):
            return
        day = mention.start.date()
        if any(c.get("month") for c in said) and self.reference.date is not None \
                and abs((day - self.reference.date).days) > 7:
            self.far_weekday = mention
            return
        self.weekdays[day.isoweekday()] = day

    def set_day(self, day: date, zone_name: str | None) -> None:
        """The day the story is now on, counted on the clocks of ``zone_name``."""
        self.day, self.day_zone = day, zone_name
        if self.reference.date is None or day <= self.reference.date:
            self.past_day = day

    def clock(self) -> tuple:
        """The days in mind and the last times said (see ``_CLOCK``), to set back later."""
        return tuple(getattr(self, name) for name in _CLOCK)

    def set_clock(self, clock: tuple) -> None:
        for name, value in zip(_CLOCK, clock):
            setattr(self, name, value)


_CLOCK = ("day", "day_zone", "past_day", "last", "last_within_day", "last_clock", "last_period")


def _norm(word: str | None) -> str:
    r"""Lower case, whitespace runs as one space, none at the ends. (``str.split`` splits where
    ``\s`` matches: the same as ``re.sub(r"\s+", " ", word).strip()``, ~3x faster.)"""
    return " ".join(word.split()).lower() if word else ""


def _cue_kind(grammar: Grammar, text: str, match: re.Match) -> str | None:
    """What a match of the tense-cue pattern in ``text`` (a sentence) tells: "past",
    "present", "future", or None where it is no cue (a word right after a figure is a
    unit or clock mark, "12:50 am", not a verb)."""
    if _after_figure(text, match.start()) or text.startswith(("-", "‐"), match.end()):
        return None  # "12:50 am"; "a sold-out concert", "a will-they-won't-they race": adjectives
    if match.group("pastform") and (match.group().lower() in grammar.lang.NOT_VERBS or
                                    grammar.adjective_before.search(text, max(0, match.start() - 20), match.start())):
        return None  # "the revised plan", "a still unspecified date": an adjective
    if match.group("past") or match.group("pastform"):
        if grammar.participle_before.search(text, max(0, match.start() - 16), match.start()) \
                or (match.group("pastform") and is_participle_aside(text, match.start(), match.end(), grammar.lang)):
            return None  # "will be held", "…, followed by Mumbai at 1830 GMT": a participle
        return "past"
    if match.group("future") and match.group().lower() == "scheduled" \
            and text[max(0, match.start() - 2):match.start()] == ", ":
        return None  # "The toss, scheduled for 7pm, was delayed": an aside; the main verb tells
    return "future" if match.group("future") else "present"


def _after_figure(text: str, start: int) -> bool:
    before = text[max(0, start - 2):start]
    return before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit())


def _tense_cues(grammar: Grammar, sentence: Sentence) -> list[tuple[int, str]]:
    """Positions of the words in a sentence that tell its tense:
    (offset, "past"|"present"|"future"). The eager reference that `_TenseCues`, which reads
    the same lazily, is tested against (tests only)."""
    cues = []
    for match in grammar.tense_cue_matches(sentence.text):
        kind = _cue_kind(grammar, sentence.text, match)
        if kind is not None:
            cues.append((sentence.span[0] + match.start(), kind))
    return cues


class _TenseCues:
    """The tense cues of one sentence, read and judged only as far as asked: a time needs the
    nearest cue before it, else the first after it, so the sentence is read up to the time
    (and on only while no cue turns up), and only the cues passed are judged. Reading and
    judging every sentence that holds a time to its end was ~3% of extract."""

    def __init__(self, grammar: Grammar, sentence: Sentence):
        self.grammar, self.text, self.offset = grammar, sentence.text, sentence.span[0]
        self._unread = grammar.tense_cue_matches(sentence.text)  # an iterator, in text order
        self.matches: list[re.Match] = []
        self.starts: list[int] = []
        self.kinds: list[str | None | bool] = []  # False: not judged yet

    def _read_one(self) -> bool:
        match = next(self._unread, None)
        if match is None:
            return False
        self.matches.append(match)
        self.starts.append(self.offset + match.start())
        self.kinds.append(False)
        return True

    def _kind(self, i: int) -> str | None:
        if self.kinds[i] is False:
            self.kinds[i] = _cue_kind(self.grammar, self.text, self.matches[i])
        return self.kinds[i]

    def nearest(self, start: int, end: int) -> str | None:
        """The kind of the last cue before ``start``, else of the first from ``end`` on."""
        return self.last_before(start) or self.first_after(end)

    def last_before(self, start: int) -> str | None:
        """The kind of the last cue before ``start``."""
        while (not self.starts or self.starts[-1] < start) and self._read_one():
            pass
        for i in range(bisect.bisect_left(self.starts, start) - 1, -1, -1):
            if self._kind(i) is not None:
                return self.kinds[i]
        return None

    def first_after(self, end: int) -> str | None:
        """The kind of the first cue from ``end`` on."""
        i = bisect.bisect_left(self.starts, end)
        while i < len(self.starts) or self._read_one():
            if self.starts[i] >= end and self._kind(i) is not None:
                return self.kinds[i]
            i += 1
        return None


# ------------------------------------------------------------------------- zones ---


def _offset_zone(raw: str) -> zones.ZoneChoice:
    match = re.search(r"([+\-−])\s?(\d{1,2})(?::?(\d\d))?", raw)
    if not match:
        return zones.ZoneChoice("UTC")
    sign = -1 if match.group(1) in "-−" else 1
    minutes = sign * (int(match.group(2)) * 60 + int(match.group(3) or 0))
    if abs(minutes) > 14 * 60 or int(match.group(3) or 0) >= 60:  # "UTC+55": no zone has it
        return zones.ZoneChoice("UTC", None, ("zone-offset-invalid", "zone-assumed-utc"))
    return zones.ZoneChoice(zones.offset_label(minutes))


_PLACE_WINDOW = 300  # characters searched for the place of a "local time"


def _local_zone(grammar: Grammar, text: str, sentences: list[Sentence], index: int,
                position: int) -> zones.ZoneChoice | None:
    """'local time': the zone of the place the sentence (or paragraph so far) is about."""
    sentence = sentences[index] if index >= 0 else None
    searched = []
    if sentence is not None:  # near the time first, then earlier sentences of the paragraph
        searched.append(text[max(sentence.span[0], position - _PLACE_WINDOW):position])
        searched.append(text[position:min(sentence.span[1], position + _PLACE_WINDOW)])
        for earlier in reversed(sentences[max(0, index - 3):index]):
            if earlier.paragraph != sentence.paragraph:
                break
            searched.append(earlier.text[-_PLACE_WINDOW:])
    for part in searched:
        places = [found.group() for found in grammar.places.finditer(part)
                  if not grammar.place_compared.search(part, max(0, found.start() - 12), found.start())]
        if places:
            place = places[-1]
            return zones.ZoneChoice(zones.PLACES[place], None, (f"local-time:{place}",))
    return None


def explicit_zone(c: Candidate, grammar: Grammar, text: str, sentences: list[Sentence],
                  index: int, abbreviations: dict[str, zones.ZoneChoice]) -> zones.ZoneChoice | None:
    """The zone a candidate names itself, or None when it names none."""
    lang = grammar.lang
    if c.get("offset"):
        return _offset_zone(c.get("offset")) if c.get("offset") != "Z" else zones.ZoneChoice("UTC")
    if c.get("zoneoff"):
        return _offset_zone(c.get("zoneoff"))
    if c.get("zonename"):
        said = " ".join(_norm(c.get("zonename")).split())
        name, dst = lang.ZONE_NAMES.get(said) or lang.ZONE_NAMES[said.removesuffix(" time")]  # "Eastern time"
        return zones.ZoneChoice(name, dst)
    if c.get("zoneplace"):
        return zones.ZoneChoice(zones.PLACES[re.sub(r"\s+", " ", c.get("zoneplace"))])
    if c.get("zoneabbr"):
        abbr = c.get("zoneabbr")
        if abbr not in abbreviations:  # the choice reads the whole text: once per abbreviation
            abbreviations[abbr] = zones.choose_abbreviation(abbr, text)
        return abbreviations[abbr]
    if c.get("zonelocal"):
        return _local_zone(grammar, text, sentences, index, c.span[0])
    if c.kind != "clock":
        return None
    if " in " in text[c.span[1]:c.span[1] + _PLACE_AFTER_REACH]:  # (cheap test first)
        found = _place_after(lang).match(text, c.span[1])
        if found is not None:
            return _place_zone(found.group("place"))
    before = text[max(0, c.span[0] - _PLACE_BEFORE_REACH):c.span[0]]
    if any(cue in before for cue in lang.ZONE_PLACE_BEFORE_CUES):
        found = _place_before(lang).search(text, max(0, c.span[0] - _PLACE_BEFORE_REACH), c.span[0])
        if found is not None and found.group("place") in zones.PLACES:
            return _place_zone(found.group("place"))
    return None


def _place_zone(place: str) -> zones.ZoneChoice:
    return zones.ZoneChoice(zones.PLACES[place], None, (f"zone-from-place:{place}",))


_PLACE_AFTER_REACH = 20  # characters after a clock time where ZONE_PLACE_AFTER's " in " can be
_PLACE_BEFORE_REACH = 50  # characters before a clock time read for ZONE_PLACE_BEFORE


@functools.cache
def _place_before(lang) -> re.Pattern:
    return re.compile(lang.ZONE_PLACE_BEFORE)


@functools.cache
def _place_after(lang) -> re.Pattern:
    """See ``ZONE_PLACE_AFTER``. Compiled at first use, not at import: the place alternation is long."""
    return re.compile(lang.ZONE_PLACE_AFTER.replace("{places}", place_alternation(lang)))


# ------------------------------------------------------------------- date readers ---


def _year_from(raw: str | None, lang=None) -> int | None:
    if not raw:
        return None
    if not raw[0].isdigit():
        return lang.spoken_year(raw) if lang is not None else None
    year = int(raw)
    if len(raw) == 2:
        year += 1900 if year >= 50 else 2000
    return year


def _distance(period: Period, moment: datetime) -> float:
    if period.start <= moment < period.end:
        return 0.0
    return min(abs((period.start - moment).total_seconds()), abs((period.end - moment).total_seconds()))


def nearest_occurrence(make: Callable[[int], Period | None], ref: date, tense: str | None,
                       coming_days: int = 0) -> Period | None:
    """A period named without its year ("Nov. 21", "January", "the third quarter"): in a
    sentence about the past the latest one begun by the reference (or, for a deadline, one
    beginning within ``coming_days`` after it), in one about the future the first one not
    yet over, and with no tense cue the one nearest the reference."""
    options = [p for p in (make(year) for year in (ref.year - 1, ref.year, ref.year + 1)) if p is not None]
    if not options:  # Feb. 29: the leap years around the reference
        options = [p for p in (make(year) for year in range(ref.year - 4, ref.year + 5)) if p is not None]
    if not options:
        return None
    moment = _midnight(ref)
    soon = [p for p in options if moment < p.start <= moment + timedelta(days=coming_days)]
    if tense == "past" and soon:
        return soon[0]
    if tense == "past":
        begun = [p for p in options if p.start <= moment]
        if begun:
            return max(begun, key=lambda p: p.start)
    elif tense == "future":
        coming = [p for p in options if p.end > moment]
        if coming:
            return min(coming, key=lambda p: p.start)
    return min(options, key=lambda p: _distance(p, moment))


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the Meeus/Jones/Butcher algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: tuple, year: int) -> date:
    """The day of a holiday in ``year``, from its rule in the language's HOLIDAYS table."""
    kind = rule[0]
    if kind == "fixed":
        return date(year, rule[1], rule[2])
    if kind == "easter":
        return easter_sunday(year) + timedelta(days=rule[1])
    month, weekday, n = rule[1:]
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _day_in(year: int, month: int, day: int, weekday: int | None = None) -> Period | None:
    """That day in ``year``; None if there is none (Feb. 29) or it is not on ``weekday``."""
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return day_period(d) if weekday is None or d.isoweekday() == weekday else None


# The direction words that choose the week of a weekday ("next Friday"); without one, a
# weekday the text already dated is that day again ("0524 GMT Thursday … first signal at
# 8:41 a.m. Thursday").
_WEEK_CHOOSING = ("next", "coming", "this coming", "last", "past", "this past", "this")


def _weekday_date(weekday: int, ref: date, direction: str, tense: str | None) -> date:
    """Which calendar day a weekday name means (see the module notes in README): by its
    direction word, else by the tense: the coming one, the nearest one, else the last one."""
    delta = weekday - ref.isoweekday()
    if direction in ("next", "coming", "this coming"):
        return ref + timedelta(days=delta if delta > 0 else delta + 7)
    if direction in ("last", "past", "this past"):
        return ref + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "this":
        return ref + timedelta(days=delta)
    if tense == "future":
        return ref + timedelta(days=delta if delta >= 0 else delta + 7)
    if tense == "nearest":
        return ref + timedelta(days=(delta + 3) % 7 - 3)
    return ref + timedelta(days=delta if delta <= 0 else delta - 7)


# --------------------------------------------------------------------- resolver ---

# Why a reference to the present, past or future has no start of its own.
_REFERENCE_REASONS = {
    "PRESENT_REF": "the present: the document's own time, not a date of its own",
    "PAST_REF": "some time before the document's time",
    "FUTURE_REF": "some time after the document's time",
}


@attrs.frozen
class Resolved:
    """What one reader function returns before localization."""

    type: str
    period: Period | None = None
    value: str | None = None  # when there is no period (durations, sets, refs)
    approximate: bool = False
    relation: str | None = None
    offset: tuple[float, float] | None = None
    unresolved: str | None = None
    flags: tuple[str, ...] = ()
    zoned: bool = False  # a clock time: localized in its own zone
    zone: zones.ZoneChoice | None = None
    sets_day: bool = False  # a day the following bare clock times fall on
    instant: datetime | None = None  # an instant counted from another one ("two hours later")
    sets_focus: bool = True  # a period the text now talks about ("the quarter", "a year earlier")


_CLAUSE_EDGE = re.compile(r"[,;:.()]")
_WORDS = re.compile(r"[A-Za-z'’]+")
_ASSUMED_UTC = zones.ZoneChoice("UTC")  # the zone of a time when neither the text nor the caller names one


class Resolver:
    """Resolves the candidates of one text; create one per call."""

    def __init__(self, grammar: Grammar, text: str, sentences: list[Sentence], reference: Reference):
        self.grammar = grammar
        self.lang = grammar.lang
        self.text = text
        self.sentences = sentences
        self._sentence_starts = [s.span[0] for s in sentences]
        self.reading = _Reading(reference, reference.date)
        self._tense_cache: dict[int, _TenseCues] = {}
        self._verbs = verb_forms(lang_code(self.lang))
        self._abbreviation_cache: dict[str, zones.ZoneChoice] = {}

    # -- helpers
    def sentence_index(self, position: int) -> int:
        return bisect.bisect_right(self._sentence_starts, position) - 1

    def _opens_sentence(self, c: Candidate) -> bool:
        """Nothing but its preposition (and quotes) before ``c`` in its sentence."""
        index = self.sentence_index(c.span[0])
        if index < 0:
            return False
        before = self.text[self.sentences[index].span[0]:c.span[0]]
        return not before.strip(" \t\n\"“'‘(") or before.rstrip().lower() in ("in", "within")

    def day_in_focus(self, c: Candidate) -> date | None:
        """The day a bare clock time or 'that day' falls on: the last day said, unless that
        was a coming day and ``c`` speaks of the past ("The Senate votes on Friday. Earlier
        in the day, they met" is about the day before the vote was announced), or a day long
        gone and ``c`` does not speak of the past (the reference day)."""
        day, past_day = self.reading.day, self.reading.past_day
        if day is not None and self.ref is not None and day > self.ref and self.tense(c) == "past":
            return past_day or self.ref  # a past event is on no day to come
        if day is not None and self.ref is not None and (self.ref - day).days > self.lang.BACKGROUND_DAYS \
                and self.tense(c) != "past":
            # A day of the background, not of the story (see BACKGROUND_DAYS): the story is
            # back on its own day, for the times after this one too.
            self.reading.day, self.reading.day_zone = self.ref, None
            return self.ref
        return day

    def tense(self, c: Candidate) -> str | None:
        """'past', 'present', 'future' or None: the tense cue nearest before the time, else
        after it ("present" places a day or month like None: the nearest one); a
        present verb announcing a scheduled event right before it is a future cue."""
        index = self.sentence_index(c.span[0])
        if index < 0:
            return None
        if c.preposition in self.lang.PAST_PREPOSITIONS:
            return "past"
        if self.grammar.scheduled_before.search(self.text, max(0, c.span[0] - 60), c.span[0]):
            return "future"
        if self._headline_future(self.sentences[index], c.span[0]):
            return "future"
        cues = self._cues(index)
        if self._opens_reported_clause(c):
            return cues.first_after(c.span[1]) or cues.nearest(*c.span)
        return cues.nearest(*c.span)

    def _cues(self, index: int) -> _TenseCues:
        if index not in self._tense_cache:  # once per sentence: texts can hold thousands of times
            self._tense_cache[index] = _TenseCues(self.grammar, self.sentences[index])
        return self._tense_cache[index]

    def _opens_reported_clause(self, c: Candidate) -> bool:
        """A possessive time right after a reporting verb ("OeBB said Tuesday night's Nightjet
        would be diverted"): it modifies the subject of what is reported, whose verb tells its
        tense, not the report's."""
        return self.text.startswith(("'s ", "’s "), c.span[1]) and self._dates_a_report(c.span)

    def _headline_future(self, sentence: Sentence, position: int) -> bool:
        """A headline saying "<subject> to <verb>" before ``position``: its future."""
        if not self._is_headline(sentence):
            return False
        match = self.grammar.headline_future.match(sentence.text)
        return (match is not None and sentence.span[0] + match.end() <= position
                and is_verb_form(match.group("verb"), self._verbs))

    def _coming_days(self, c: Candidate) -> int:
        """How far after the reference a day may begin and still be the one meant in a
        past-tense sentence: far for a deadline ("extended to Nov. 16"), else a month."""
        if c.preposition in self.lang.DEADLINE_PREPOSITIONS:
            return self.lang.DEADLINE_DAYS
        return self.lang.COMING_DAYS

    def _phrase_window(self, c: Candidate) -> tuple[int, int]:
        """Where the tense phrases before ``c`` are searched (a plan, a perfect, "earlier")."""
        return self._window_before(c.span[0])

    def _window_before(self, position: int) -> tuple[int, int]:
        return max(0, position - self.lang.TENSE_PHRASE_WINDOW), position

    def _weekday_tense(self, c: Candidate) -> str | None:
        """`tense`, or "nearest" when the tense does not tell which week: a deadline after a
        past verb ("had given the union until 5 p.m. Friday"), a plan told in the past ("had
        been due to expire Friday") or a present perfect ("has cancelled Thursday's sailing")
        may lie either side of the report."""
        tense = self.tense(c)
        if tense != "future" and self._present_verb_before(c):
            return "nearest"  # "announces its decision Thursday": this week's or next week's
        if self.grammar.plan_in_past.search(self.text, *self._clause_window(c)):
            return "nearest"  # also in its aside: "was set for 5:31 p.m. on Friday, which is 00:31 on Saturday"
        if tense == "past" and (c.preposition in self.lang.OPEN_DEADLINE_PREPOSITIONS
                                or self.grammar.present_perfect.search(self.text, *self._phrase_window(c))):
            return "nearest"
        if tense == "present" and self._cues(self.sentence_index(c.span[0])).last_before(c.span[0]) is None:
            return "nearest"  # its clause's verb: "A concert on Saturday is scheduled to finish at 10.30pm"
        return tense

    def _clause_window(self, c: Candidate) -> tuple[int, int]:
        """From the start of ``c``'s sentence to ``c``: where a phrase that governs its whole
        clause is searched ("had been due to lift off from … at 5:38 p.m. on Wednesday")."""
        index = self.sentence_index(c.span[0])
        return (self.sentences[index].span[0] if index >= 0 else 0), c.span[0]

    def _present_verb_before(self, c: Candidate) -> bool:
        """A verb in the present simple before ``c`` in its clause, with no past or future cue
        there: "The Bank of Japan announces its decision around noon Thursday"."""
        start, end = self._phrase_window(c)
        left = _CLAUSE_EDGE.split(self.text[start:end])[-1]
        words = _WORDS.findall(left)
        for previous, word in zip(["", *words], words):
            if (len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.islower()
                    and word not in self.lang.NOT_PRESENT_VERBS
                    and previous.lower() not in self.lang.NOT_BEFORE_PRESENT_VERB
                    and is_verb_form(word, self._verbs)):
                return not any(_cue_kind(self.grammar, left, cue) in ("past", "future")
                               for cue in self.grammar.tense_cue.finditer(left))
        return False

    def _future(self, c: Candidate) -> bool:
        return self.tense(c) == "future"

    def zone_named(self, c: Candidate) -> zones.ZoneChoice | None:
        return explicit_zone(c, self.grammar, self.text, self.sentences, self.sentence_index(c.span[0]),
                             self._abbreviation_cache)

    @property
    def ref(self) -> date | None:
        return self.reading.reference.date

    # -- amounts
    def amount(self, c: Candidate) -> tuple[float | None, tuple[float, float] | None]:
        num = c.get("num")
        if num is not None:
            value = self._number(num)
            half = _norm(c.get("half") or c.get("half2") or c.get("fraction"))
            value += self.lang.FRACTIONS.get(half, 0.0)
            if c.get("num2") is not None:  # "two to three weeks": between the two
                high = self._number(c.get("num2"))
                return (None, (value, high)) if high > value else (value, None)
            return value, None
        vague = self.lang.VAGUE_AMOUNTS.get(_norm(c.get("vague")), self.lang.VAGUE_AMOUNTS[""])
        return None, vague

    def _number(self, raw: str) -> float:
        word = _norm(raw).replace(",", "")
        return float(word) if word[0].isdigit() else float(self.lang.NUMBER_WORDS.get(word, 1))

    def unit(self, c: Candidate, group: str = "unit") -> str:
        return self.lang.UNIT_FORMS.get(_norm(c.get(group)), _norm(c.get(group)))

    def relation(self, c: Candidate) -> str:
        for word in (c.modifier, c.preposition):
            if word and word in self.lang.RELATIONS:
                relation = self.lang.RELATIONS[word]
                if relation == "until" and self.grammar.negated_until.search(
                        self.text, max(0, c.span[0] - 80), c.span[0]):
                    return "at"  # "did not walk on court until 11.41pm": then, not up to then
                return relation
        return "at"

    def offset_seconds(self, c: Candidate) -> tuple[float, float]:
        amount, vague = self.amount(c)
        seconds = self.lang.UNITS[self.unit(c)][2]
        if amount is None:
            low, high = vague
            return (low * seconds, high * seconds)
        low_factor, high_factor = self.lang.AMOUNT_BOUNDS.get(c.modifier or "", (1.0, 1.0))
        return (amount * seconds * low_factor, amount * seconds * high_factor)

    def approximate(self, c: Candidate, amount: float | None = 0) -> bool:
        return amount is None or (c.modifier is not None and (
            c.modifier in self.lang.AMOUNT_BOUNDS or c.modifier in self.lang.CLOCK_WINDOWS))

    # -- readers, one per rule kind
    def _with_second_amount(self, c: Candidate, value: str, offset: tuple[float, float]
                            ) -> tuple[str, tuple[float, float], float]:
        """A duration's value and offset bounds with its second amount added ("two hours and
        40 minutes", "8 minutes 48 seconds later"), and the seconds added."""
        if c.get("unit_b") is None or self.amount(c)[0] is None:
            return value, offset, 0.0
        unit_b = self.unit(c, "unit_b")
        amount_b = self._number(c.get("num_b"))
        extra = amount_b * self.lang.UNITS[unit_b][2]
        return (_sum_durations(value, duration_value(amount_b, unit_b, self.lang.UNITS)),
                (offset[0] + extra, offset[1] + extra), extra)

    def read_duration(self, c: Candidate) -> Resolved:
        amount, _ = self.amount(c)
        value, offset, _ = self._with_second_amount(c, duration_value(amount, self.unit(c), self.lang.UNITS),
                                                    self.offset_seconds(c))
        return Resolved("DURATION", value=value, approximate=self.approximate(c, amount),
                        relation=self.relation(c), offset=offset)

    def read_clock(self, c: Candidate, day: date | None = None) -> Resolved:
        lang = self.lang
        noon = _norm(c.get("noon"))
        second = None
        if noon:
            hour, minute = (12, 0) if noon in ("noon", "midday") else (24, 0)
        else:
            raw_hour = _norm(c.get("hour"))
            hour = int(raw_hour) if raw_hour.isdigit() else int(lang.NUMBER_WORDS[raw_hour])
            minute = int(c.get("minute") or 0)
            second = int(c.get("second")) if c.get("second") else None
            ampm = (c.get("ampm") or "").lower()[:1]
            part = _norm(c.get("part"))
            if ampm == "p" or part in ("afternoon", "evening"):
                hour = hour % 12 + 12
            elif ampm == "a":
                hour = hour % 12
        zone = self.zone_named(c)
        moves_day = False  # the story's day is this time's from now on
        day_said = day is not None
        if not day_said:
            day = self._background_day_told(c, sentences_back=0)  # "On Sunday, the 2 p.m. sailing"
            moves_day = day is not None
        if day is None:
            day = self.day_in_focus(c)
            moves_day = day is not None and self._past_midnight(c, day, hour, minute, zone)
            if moves_day:
                day += timedelta(days=1)
            elif day is not None and self.ref is not None and day < self.ref \
                    and self.grammar.future_from_now.search(self.text, *self._phrase_window(c)):
                day = self.ref  # "who will hold a news conference at 2 p.m.": not on a day gone by
            elif day is not None and zone is not None:
                day = self._within_day_in_focus(day, hour, minute, zone.name)
            if day is not None and self._after_the_report(c, day, hour, minute, zone):
                day -= timedelta(days=1)  # "play got under way at 9.40pm" in a report sent at 2:10 a.m.
        if not day_said and day is not None and zone is not None and hour < 24:
            restated = self._restated_day(day, hour, minute, zone.name)
            moves_day = moves_day or restated != day
            day = restated
        if day is None:
            value = f"XXXX-XX-XXT{hour % 24:02d}:{minute:02d}"
            return Resolved("TIME", value=value, unresolved="no reference date to put the time on",
                            approximate=self.approximate(c), relation=self.relation(c), zone=zone)
        if hour == 24:
            period = clock_period(day + timedelta(days=1), 0, 0, None)
            period = attrs.evolve(period, value=f"{day.isoformat()}T24:00")
        else:
            period = clock_period(day, hour, minute, second)
        return Resolved("TIME", period, approximate=self.approximate(c), relation=self.relation(c),
                        zoned=True, zone=zone, sets_day=moves_day)

    def _restated_day(self, day: date, hour: int, minute: int, zone_name: str) -> date:
        """The day on which a clock time in another zone is the instant of the clock time
        said last, when that is not ``day``: the same moment told on other clocks, whatever
        day the text named in between ("released at 2 p.m. EDT … the U.S. moved its clocks
        on March 8 … so it hit screens at 7 p.m. CET in Frankfurt")."""
        last = self.reading.last_clock
        if last is None or last.start is None or last.timezone == zone_name:
            return day
        try:
            there = zones.in_zone(last.start, zone_name).date()
            same = there != day and _wall_clock(there, hour, minute, zone_name) == last.start
        except (OverflowError, ValueError):
            return day
        return there if same else day

    def _after_the_report(self, c: Candidate, day: date, hour: int, minute: int,
                          zone: zones.ZoneChoice | None) -> bool:
        """Whether a clock time with no day of its own or in its sentence, told in the past
        tense on the reference day, would fall after the reference time: then it is the day
        before's ("the rain returned at 11.52pm" in a report sent at 2:10 a.m.). Midnight
        is so even with a day in its sentence: the day it began ("will finish on Monday after
        play was called off shortly after midnight")."""
        reference = self.reading.reference
        if reference.time is None or day != self.ref or (hour < 24 and self._day_named_in_sentence(c)):
            return False
        zone_name = zone.name if zone is not None else reference.zone_name
        if zone_name is None:
            return False
        then = _wall_clock(day, hour, minute, zone_name)
        if then <= reference.time:
            return False
        tense = self.tense(c)
        if tense != "past" and self._in_headline(c):  # "Session runs past midnight": its
            # present tells what is new, either side of the report: the nearer time is meant
            day_before = _wall_clock(day - timedelta(days=1), hour, minute, zone_name)
            return then - reference.time > reference.time - day_before
        return tense == "past"

    def _in_headline(self, c: Candidate) -> bool:
        """Whether ``c`` stands in the text's first sentence, told without a stop (a headline)."""
        return self.sentence_index(c.span[0]) == 0 and self._is_headline(self.sentences[0])

    def _is_headline(self, sentence: Sentence) -> bool:
        """A sentence told without a stop: a headline or a subhead."""
        return sentence.text.rstrip()[-1:] not in self.lang.SENTENCE_STOPS

    def _day_named_in_sentence(self, c: Candidate) -> bool:
        """A day (not a clock time) said last, in ``c``'s sentence: it dates ``c``."""
        last = self.reading.last_within_day
        return last is not None and last.grain == "day" and \
            self.sentence_index(last.span[0]) == self.sentence_index(c.span[0])

    def _within_day_in_focus(self, day: date, hour: int, minute: int, zone_name: str) -> date:
        """The date, on the clocks of ``zone_name``, of a time that falls within the day in
        focus as counted on the clocks that named it: "2:07 a.m. local time on Monday …
        acknowledged at 18:31 UTC" is 18:31 UTC on Sunday, 2:31 a.m. Monday in Singapore."""
        focus_zone = self.reading.day_zone
        if focus_zone is None or focus_zone == zone_name:
            return day
        begins = _wall_clock(day, 0, 0, focus_zone)
        ends = _wall_clock(day + timedelta(days=1), 0, 0, focus_zone)
        for shift in (0, -1, 1):
            candidate = day + timedelta(days=shift)
            if begins <= _wall_clock(candidate, hour, minute, zone_name) < ends:
                return candidate
        return day

    def _past_midnight(self, c: Candidate, day: date, hour: int, minute: int,
                       zone: zones.ZoneChoice | None) -> bool:
        """Whether a clock time with no day of its own, told after a late one on the day in
        focus, is on the next day: "Shortly before midnight, the sitting was suspended. At
        2.45am, ..."; so is a morning time told after the day's night. Not in a flashback,
        nor after the report for a past event."""
        last = self.reading.last
        if last is not None and last.grain not in WITHIN_DAY_GRAINS:
            last = self.reading.last_clock  # "… at 11.41pm. Ferrante, who won last year, … at 1am"
        if last is None or (zone is not None and zone.name != last.timezone):
            return False
        then = last.start
        focus_zone = self.reading.day_zone
        if zone is None and focus_zone is not None and last.timezone != focus_zone:
            then = zones.in_zone(then, focus_zone)  # "until 11.41pm, which was 1.41pm in Rome"
        then = then.replace(tzinfo=None)
        late_day = last.grain == "day" and "mod:END" in last.flags  # "said late on Saturday": its evening
        if late_day:
            then += timedelta(hours=self.lang.DAY_MOD_HOURS["END"][0])
        now = _midnight(day) + timedelta(hours=hour, minutes=minute)
        if last.grain == "partofday" and last.value.endswith("TNI"):
            # "spent Sunday night in shelters … a meeting at 9 a.m.": the morning after it
            if then.date() != day or hour >= 12:
                return False
        elif last.grain not in FINE_GRAINS and not late_day \
                or then.date() not in (day, day + timedelta(days=1)) \
                or then - now < timedelta(hours=self.lang.PAST_MIDNIGHT_HOURS):
            return False
        window = self._phrase_window(c)
        if self.grammar.past_perfect.search(self.text, *window) or self.grammar.earlier_before.search(self.text, *window):
            return False
        return self.ref is None or day < self.ref or self._future(c)

    def read_iso(self, c: Candidate) -> Resolved:
        d = date(int(c.get("year")), int(c.get("month")), int(c.get("day")))
        if c.get("hour") is None:
            return Resolved("DATE", day_period(d), relation=self.relation(c), sets_day=True)
        second = int(c.get("second")) if c.get("second") else None
        period = clock_period(d, int(c.get("hour")), int(c.get("minute")), second)
        zone = self.zone_named(c)
        return Resolved("TIME", period, relation=self.relation(c), zoned=True, zone=zone, sets_day=True)

    def read_date(self, c: Candidate) -> Resolved:
        lang = self.lang
        month_word = _norm(c.get("month")).rstrip(".")
        month = int(month_word) if month_word.isdigit() else lang.MONTHS[month_word]  # "4/4/2014"
        year = _year_from(c.get("year"), self.lang)
        part = _norm(c.get("part"))
        flags = (f"mod:{lang.PARTS_OF_PERIOD[part.replace('the ', '')]}",) if part else ()
        direction = _norm(c.get("direction"))
        if year is None and c.get("yeardirection") and self.ref is not None:  # "June last year"
            year = self.ref.year + lang.DIRECTIONS[_norm(c.get("yeardirection"))]
        if year is None:
            year = self._year_framing_sentence(c)
        if c.get("day") is None:
            if year is None:
                if self.ref is None:
                    return Resolved("DATE", value=f"XXXX-{month:02d}", unresolved="no reference date")
                sign = lang.DIRECTIONS.get(direction.split()[-1] if direction else "", 0)
                year = self.ref.year
                if sign < 0 and month >= self.ref.month:
                    year -= 1
                elif sign > 0 and month <= self.ref.month:
                    year += 1
                elif not direction:
                    year = nearest_occurrence(lambda y: month_period(y, month), self.ref, self.tense(c),
                                              self._coming_days(c)).start.year
            return Resolved("DATE", month_period(year, month), approximate=bool(part), flags=flags,
                            relation=self.relation(c))
        day_number = int(re.match(r"\d+", c.get("day")).group())
        if year is None:
            if self.ref is None:
                return Resolved("DATE", value=f"XXXX-{month:02d}-{day_number:02d}", unresolved="no reference date")
            weekday = lang.WEEKDAYS.get(_norm(c.get("weekday")).rstrip("."))
            nearest = nearest_occurrence(lambda y: _day_in(y, month, day_number, weekday), self.ref,
                                         self.tense(c), self._coming_days(c))
            if nearest is None and weekday is not None:  # the weekday fits no nearby year
                nearest = nearest_occurrence(lambda y: _day_in(y, month, day_number), self.ref,
                                             self.tense(c), self._coming_days(c))
            year = nearest.start.year if nearest is not None else self.ref.year
        try:
            d = date(year, month, day_number)
        except ValueError:
            return Resolved("DATE", value=f"{year:04d}-{month:02d}-{day_number:02d}",
                            unresolved="no such calendar day")
        return Resolved("DATE", day_period(d), relation=self.relation(c), sets_day=True)

    def _year_framing_sentence(self, c: Candidate) -> int | None:
        """The year said first in ``c``'s sentence, set off by a comma, which frames every date
        in it: "Last year, the clocks went back on Feb. 23 and returned on April 6"."""
        said = self.reading.year_said
        index = self.sentence_index(c.span[0])
        if said is None or said.start is None or index < 0 or self.sentence_index(said.span[0]) != index:
            return None
        opening = self.text[self.sentences[index].span[0]:said.span[0]]
        if not self.grammar.year_frame_opening.fullmatch(opening) or not self.text.startswith(",", said.span[1]):
            return None
        return said.start.year

    def read_holiday(self, c: Candidate) -> Resolved:
        name = " ".join(c.get("holiday").replace("’", "'").split())
        rule = next(rule for key, rule in self.lang.HOLIDAYS.items() if key.lower() == name.lower())
        year = _year_from(c.get("year"), self.lang)
        if year is None:
            if self.ref is None:
                return Resolved("DATE", value="XXXX", unresolved="no reference date")
            def make(y: int) -> Period:
                return day_period(holiday_date(rule, y))

            sign = self.lang.DIRECTIONS.get(_norm(c.get("direction")))
            occurrences = [make(y) for y in range(self.ref.year - 1, self.ref.year + 2)]
            moment = _midnight(self.ref)
            if sign == -1:  # "last Christmas": the latest one begun before the reference day
                period = max(p for p in occurrences if p.start < moment)
            elif sign == 1:  # "next Easter": the first one after the reference day
                period = min(p for p in occurrences if p.start > moment)
            else:
                period = nearest_occurrence(make, self.ref, self.tense(c), self._coming_days(c))
        else:
            period = day_period(holiday_date(rule, year))
        return Resolved("DATE", period, relation=self.relation(c), sets_day=True)

    def read_weekday(self, c: Candidate) -> Resolved:
        lang = self.lang
        weekday = lang.WEEKDAYS[_norm(c.get("weekday")).rstrip(".")]
        direction = _norm(c.get("direction")).removesuffix(" on")  # "late on Friday"
        part_word = _norm(c.get("part"))
        part = lang.PARTS_OF_DAY.get(part_word)
        if self.ref is None:
            return Resolved("DATE", value=f"XXXX-WXX-{weekday}", unresolved="no reference date")
        tense = self._weekday_tense(c)
        week = _norm(c.get("week"))
        if week:  # "Wednesday last week": that day of the week named
            monday = self.ref - timedelta(days=self.ref.weekday())
            d = monday + timedelta(days=weekday - 1 + 7 * self.lang.DIRECTIONS[week])
        else:
            d = self._weekday_said_before(c, weekday, direction, tense) \
                or _weekday_date(weekday, self.ref, direction, tense)
        flags = (f"mod:{'START' if direction == 'early' else 'END'}",) if direction in ("early", "late") else ()
        if c.get("same") and self.reading.last_clock is not None:
            return self._at_same_time(c, d)
        if part:
            hours = lang.PART_OF_DAY_MOD_HOURS[flags[0][4:]] if flags else part_hours(lang, part_word)
            return Resolved("TIME", part_of_day_period(d, part, hours), approximate=True,
                            relation=self.relation(c), sets_day=True, flags=flags)
        return Resolved("DATE", day_period(d), relation=self.relation(c), sets_day=True, flags=flags,
                        approximate=bool(flags))

    def _weekday_said_before(self, c: Candidate, weekday: int, direction: str, tense: str | None) -> date | None:
        """The day a weekday means by what the text said before it, if that tells: a far day
        in its sentence, the same weekday read before, a weekday it pairs with or ends a
        range from."""
        d = None if direction else self._weekday_after_far_day(c, weekday)
        if d is None and direction not in _WEEK_CHOOSING:
            d = self.reading.weekdays.get(weekday)
        if d is not None and (d < self.ref and tense == "future"
                              and self.grammar.future_modal_before.search(self.text, *self._clause_window(c))
                              or d > self.ref + timedelta(days=1) and tense == "past"):
            # Not the one said before: "a call last Friday … will undergo checks starting
            # Friday". (A day after the reference may be past where another zone's clocks are.)
            d = None
        if d is None and not direction:
            d = self._weekday_after_said_day(c, weekday, tense)
        return d

    def _weekday_after_far_day(self, c: Candidate, weekday: int) -> date | None:
        """A bare weekday after a weekday said with its date more than a week from the
        reference, in its sentence, is that day or the first such weekday after it: "depart
        at 2120 on Saturday 5 June 2027 … arrive at 0700 on Sunday" (June 6, not the Sunday
        after the reference)."""
        far = self.reading.far_weekday
        if far is None or self.sentence_index(far.span[0]) != self.sentence_index(c.span[0]):
            return None
        return _weekday_date(weekday, far.start.date(), "", "future")  # on or after it

    def _weekday_after_said_day(self, c: Candidate, weekday: int, tense: str | None) -> date | None:
        """The day after a weekday joined to it by "or"/"and" is the first such weekday after
        it: "will fall on either Wednesday or Thursday" (Feb. 18 or 19, not Feb. 12); a
        weekday ending a range is not before its start ("from 2 a.m. on Saturday until 10 p.m.
        on Monday" after a past verb is the Monday after that Saturday)."""
        last = self.reading.last
        if last is None or last.start is None:
            return None
        if last.grain == "day" and self.grammar.weekday_alternative.fullmatch(self.text, last.span[1], c.span[0]):
            day = _weekday_date(weekday, last.start.date(), "next", None)
        elif self.grammar.weekday_range_end.fullmatch(self.text, last.span[1], c.span[0]):
            # its start read the tense; only a day before the start is not the one meant
            # ("from Sept. 14 to Thursday" is the last Thursday)
            start = last.start.date()
            return _weekday_date(weekday, start, "", "future") \
                if _weekday_date(weekday, self.ref, "", tense) < start else None
        else:
            return None
        return None if day > self.ref and tense == "past" else day

    def _at_same_time(self, c: Candidate, d: date) -> Resolved:
        """"Saturday at the same time": the last clock time again, on its own clocks, on ``d``."""
        same = self.reading.last_clock
        return Resolved("TIME", clock_period(d, same.start.hour, same.start.minute, None),
                        relation=self.relation(c), zoned=True, zone=zones.ZoneChoice(same.timezone),
                        sets_day=True)

    def read_relday(self, c: Candidate) -> Resolved:
        word, part_word = _norm(c.get("relday")), _norm(c.get("part"))
        part = self.lang.PARTS_OF_DAY.get(part_word) or self.lang.RELATIVE_DAY_PARTS.get(word)
        if self.ref is None:
            return Resolved("DATE", value="XXXX-XX-XX", unresolved="no reference date")
        d = self.ref + timedelta(days=self.lang.RELATIVE_DAYS[word])
        if c.get("same") and self.reading.last_clock is not None:
            return self._at_same_time(c, d)
        if part:
            return Resolved("TIME", part_of_day_period(d, part, part_hours(self.lang, part_word)),
                            approximate=True, relation=self.relation(c), sets_day=True)
        return Resolved("DATE", day_period(d), relation=self.relation(c), sets_day=True)

    def read_partofday(self, c: Candidate) -> Resolved:
        direction, part_word = _norm(c.get("direction")), _norm(c.get("part"))
        part = self.lang.PARTS_OF_DAY[part_word]
        base = self.day_in_focus(c) if direction.endswith(("that", "the")) else self.ref
        if base is None:
            return Resolved("TIME", value=f"XXXX-XX-XXT{part}", unresolved="no reference date")
        if direction.endswith("last") or (not direction and not self._future(c)):  # "attacked overnight"
            base -= timedelta(days=1)
        return Resolved("TIME", part_of_day_period(base, part, part_hours(self.lang, part_word)),
                        approximate=True, relation=self.relation(c), sets_day=True)

    def read_anaphoric(self, c: Candidate) -> Resolved:
        """'the next day', 'that evening', 'the day before': relative to the day in focus."""
        direction = _norm(c.get("direction"))
        unit = _norm(c.get("unit")).replace("the ", "")
        sign = {"before": -1, "after": 1}.get(direction, self.lang.DIRECTIONS.get(direction, 0))
        base = self._background_day_told(c, sentences_back=1) or self.day_in_focus(c)
        if unit in ("week", "month", "year") and self.reading.last_period is not None:
            base = self.reading.last_period.start.date()  # "in 2024 from $10 billion the year before"
        if base is None:
            return Resolved("DATE", value="XXXX-XX-XX", unresolved="no earlier date to count from")
        if unit in self.lang.PARTS_OF_DAY and unit != "night" or (unit == "night" and sign == 0):
            d = base + timedelta(days=sign)
            return Resolved("TIME", part_of_day_period(d, self.lang.PARTS_OF_DAY[unit], self.lang.PART_OF_DAY_HOURS),
                            approximate=True, sets_day=True, relation=self.relation(c))
        period = shift_period(base, unit, sign)
        return Resolved("DATE", period, sets_day=period is not None and period.grain == "day",
                        relation=self.relation(c))

    def read_year(self, c: Candidate) -> Resolved:
        part = _norm(c.get("part")).replace("the ", "")
        flags = (f"mod:{self.lang.PARTS_OF_PERIOD.get(part, 'MID')}",) if part else ()
        return Resolved("DATE", year_period(_year_from(c.get("year"), self.lang)), approximate=bool(part), flags=flags,
                        relation=self.relation(c))

    def read_decade(self, c: Candidate) -> Resolved:
        if c.get("century"):
            prefix = int(c.get("century")) * 10 + int(c.get("decade"))
        else:
            digit = int(c.get("short")) if c.get("short") else self.lang.DECADE_WORDS[_norm(c.get("word"))]
            prefix = 190 + digit if digit != 0 else 200
        part = _norm(c.get("part"))
        flags = (f"mod:{self.lang.PARTS_OF_PERIOD[part]}",) if part else ()
        return Resolved("DATE", decade_period(prefix), approximate=bool(part), flags=flags,
                        relation=self.relation(c))

    def _ordinal(self, c: Candidate) -> int | None:
        raw = _norm(c.get("ordinal"))
        return int(raw[:-2]) if raw[:1].isdigit() else self.lang.ORDINALS.get(raw)

    def read_matchminute(self, c: Candidate) -> Resolved:
        """'in the 65th minute': that minute of play, counted from the start of the match (by
        the ordering, from the event the story's clock last dated), past the half-time break."""
        minute = self._ordinal(c)
        if not minute or minute < 1:  # "the 0th minute"
            return Resolved("DURATION", value="PTXM", unresolved="no such minute of play")
        low, high = (minute - 1) * 60, minute * 60
        if minute > self.lang.MATCH_HALF_MINUTES:
            low, high = (low + 60 * self.lang.MATCH_BREAK_MINUTES[0], high + 60 * self.lang.MATCH_BREAK_MINUTES[1])
        return Resolved("DURATION", value=f"PT{minute}M", approximate=True, relation="after", offset=(low, high),
                        unresolved="a minute of play, counted from the start of the match")

    def read_century(self, c: Candidate) -> Resolved:
        ordinal = self._ordinal(c)
        if ordinal is None or ordinal < 1:
            return Resolved("DATE", value="XX", unresolved="unknown century")
        return Resolved("DATE", century_period(ordinal - 1), relation=self.relation(c))

    def read_quarter(self, c: Candidate) -> Resolved:
        """'the third quarter' (the nearest one, by tense), 'Q3 2023', and quarters named by
        the one in focus: 'the quarter', 'the year-earlier quarter', 'the 1988 period'."""
        raw = c.get("q") or c.get("q2")
        if raw is None and c.get("ordinal") is None:
            return self._focus_quarter(c)
        quarter = int(raw) if raw else self.lang.ORDINALS[_norm(c.get("ordinal"))]
        quarter = 4 if quarter < 0 else quarter
        year = _year_from(c.get("year") or c.get("year0"), self.lang)
        direction = _norm(c.get("direction") or c.get("direction0"))
        if year is None:
            if self.ref is None:
                return Resolved("DATE", value=f"XXXX-Q{quarter}", unresolved="no reference date")
            if direction:
                year = self.ref.year + self.lang.DIRECTIONS.get(direction, 0)
            else:  # news reports quarters under way or over ("third-quarter profit")
                year = nearest_occurrence(lambda y: quarter_period(y, quarter), self.ref, "past").start.year
        year -= 1 if c.get("yearago") else 0
        return Resolved("DATE", quarter_period(year, quarter), relation=self.relation(c),
                        sets_focus=not c.get("yearago"))

    def _focus_quarter(self, c: Candidate) -> Resolved:
        which = self.lang.QUARTER_FOCUS.get(_norm(c.get("focusword")), "focus")
        focus = self.reading.quarter_in_focus
        year = _year_from(c.get("year0"), self.lang)
        if focus is None or which in ("current", "last over"):
            if self.ref is None:
                return Resolved("DATE", value="XXXX-QX", unresolved="no quarter named before it")
            focus = quarter_period(self.ref.year, (self.ref.month - 1) // 3 + 1)
            if which == "last over":  # the last one reported
                focus = shift_period(focus.start.date(), "quarter", -1)
        if which == "before focus":
            focus = shift_period(focus.start.date(), "quarter", -1)
        if year is not None:
            focus = shift_by_years(focus, year - focus.start.year)
        if c.get("yearago"):
            focus = shift_by_years(focus, -1)
        return Resolved("DATE", focus, relation=self.relation(c), sets_focus=False)

    def read_half(self, c: Candidate) -> Resolved:
        half = 1 if _norm(c.get("ordinal")) in ("first", "1st") else 2
        year = _year_from(c.get("year"), self.lang)
        if year is None:
            if self.ref is None:
                return Resolved("DATE", value=f"XXXX-H{half}", unresolved="no reference date")
            year = self.ref.year + self.lang.DIRECTIONS.get(_norm(c.get("direction")), 0)
        start = datetime(year, 1 if half == 1 else 7, 1)
        end = datetime(year, 7, 1) if half == 1 else datetime(year + 1, 1, 1)
        return Resolved("DATE", Period(f"{year:04d}-H{half}", "half", start, end), relation=self.relation(c))

    def read_fiscal(self, c: Candidate) -> Resolved:
        """'fiscal 1989': the year it is named for (TimeML's value); no start, since each
        organization starts its fiscal year on a day of its own."""
        return Resolved("DATE", value=f"{_year_from(c.get('year'), self.lang):04d}", flags=("fiscal-year",),
                        unresolved="fiscal years start on different days for each organization",
                        relation=self.relation(c))

    def read_season(self, c: Candidate) -> Resolved:
        code = self.lang.SEASONS[_norm(c.get("season"))]
        year = _year_from(c.get("year"), self.lang)
        direction = _norm(c.get("direction"))
        if year is None:
            if self.ref is None:
                return Resolved("DATE", value=f"XXXX-{code}", unresolved="no reference date")
            sign = self.lang.DIRECTIONS.get(direction.split()[-1]) if direction else None
            if sign is None:  # "summer", "the summer", "early summer": the nearest one, by tense
                period = nearest_occurrence(lambda y: season_period(y, code), self.ref, self.tense(c))
                return Resolved("DATE", period, approximate=True, relation=self.relation(c))
            year = self.ref.year
            current = season_period(year, code)
            if sign < 0 and current.start.date() > self.ref:
                year -= 1
            elif sign > 0 and current.start.date() <= self.ref:
                year += 1
        return Resolved("DATE", season_period(year, code), approximate=True, relation=self.relation(c))

    def read_daypart(self, c: Candidate) -> Resolved:
        """'the morning' (of June 5): that part of the day in focus, which the date after it
        has just set (see ``_date_of_previous``)."""
        part = _norm(c.get("part") or c.get("part2"))
        day = self.day_in_focus(c)
        if day is None:
            return Resolved("TIME", value="XXXX-XX-XX", unresolved="no day to place it on")
        if part in self.lang.EARLY_HOURS:
            return Resolved("DATE", day_period(day), approximate=True, flags=("mod:START",),
                            relation=self.relation(c), sets_day=True)
        code = self.lang.PARTS_OF_DAY[part]
        return Resolved("TIME", part_of_day_period(day, code, part_hours(self.lang, part)),
                        approximate=True, relation=self.relation(c), sets_day=True)

    def read_weekend(self, c: Candidate) -> Resolved:
        """'over the weekend': the last one in a text about the past, else the coming one."""
        if self.ref is None:
            return Resolved("DATE", value="XXXX-WXX-WE", unresolved="no reference date")
        weekend_passed = self.ref.isoweekday() < 6  # on a Saturday or Sunday it is this one
        back = weekend_passed and not self._future(c)
        return Resolved("DATE", shift_period(self.ref, "weekend", -1 if back else 0),
                        relation=self.relation(c))

    def read_relunit(self, c: Candidate) -> Resolved:
        direction = _norm(c.get("direction"))
        unit = self.unit(c)
        part = _norm(c.get("part"))
        base = self.day_in_focus(c) if direction in ("that", "the same", "the") else self.ref
        if base is None:
            return Resolved("DATE", value="XXXX", unresolved="no reference date")
        sign = self.lang.DIRECTIONS.get(direction, 0)  # "the end of the month": the one in focus
        if unit == "season":
            return Resolved("DATE", value="XXXX", unresolved="which season is not said")
        period = shift_period(base, unit, sign)
        # "earlier this month" is before the story's time, not at the month's start
        mod = self.lang.PARTS_OF_PERIOD.get(part.removeprefix("the "))
        # "later in the day": after the time said last, as "later that day" is
        relation = self.lang.RELATIONS[part] if direction == "the" and part in self.lang.RELATIONS \
            else self.relation(c)
        return Resolved("DATE", period, approximate=bool(part), flags=(f"mod:{mod}",) if mod else (),
                        relation=relation)

    def read_ago(self, c: Candidate) -> Resolved:
        """'three days ago' (from the reference), 'two hours later' (from the last time said)."""
        amount, _ = self.amount(c)
        unit = self.unit(c)
        direction = _norm(c.get("direction") or c.get("direction2") or c.get("direction3"))
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        relation = {"ago": "ago", "from now": "in", "hence": "in"}.get(direction,
                                                                       "later" if sign > 0 else "earlier")
        duration, offset, extra = self._with_second_amount(c, duration_value(amount, unit, self.lang.UNITS),
                                                           self.offset_seconds(c))
        approximate = self.approximate(c, amount)
        focus = None
        if relation in ("ago", "in"):
            base_day, base_time = self.ref, self.reading.reference.time
            if relation == "ago" and self.reading.focus_latest is not None \
                    and self.reading.focus_latest.grain == "quarter":  # results "a year ago"
                focus = self.reading.focus_latest
        elif self.reading.repeat is not None and self.reading.repeat[0] == (amount, unit, sign):
            base_day, base_time, focus = self.reading.repeat[1:]
        else:
            # "two days later" needs a day to count from: not a month or year said since
            small_step = self.lang.UNITS[unit][1] or unit in ("day", "night", "week", "fortnight")
            last = self.reading.last_within_day if small_step else self.reading.last
            base_time = last.start if last is not None and last.grain in ("minute", "second", "hour") else None
            base_day = (last.start.date() if last is not None and last.start is not None else None)
            focus = self.reading.last_period
            self.reading.repeat = ((amount, unit, sign), base_day, base_time, focus)
        time_unit = self.lang.UNITS[unit][1]
        if unit == "year" and focus is not None and amount is not None and amount == int(amount):
            # "a year earlier" than the quarter (month, day) in focus: that quarter a year before
            period = shift_by_years(focus, int(sign * amount))
            if period is not None:
                return Resolved("DATE", period, approximate=approximate, relation=relation,
                                offset=offset, sets_focus=False)
        if amount is None and relation in ("ago", "in"):  # "a few years ago": some time back
            value = "PAST_REF" if relation == "ago" else "FUTURE_REF"
            return Resolved("DATE", value=value, approximate=True, relation=relation, offset=offset,
                            flags=(COUNTED_FROM_REFERENCE,),
                            unresolved=f"{_REFERENCE_REASONS[value]}, by an amount not stated")
        if amount is None or base_day is None or (time_unit and base_time is None):
            return Resolved("DURATION", value=duration, approximate=approximate, relation=relation,
                            offset=offset, flags=(COUNTED_FROM_REFERENCE,) if relation in ("ago", "in") else ())
        # "40 minutes later", "three days later": the amount is what the text says (TimeML: a
        # DURATION, as TimeBank annotates it); the instant or day counted to is its start.
        as_amount = relation in ("later", "earlier") and self.lang.UNITS[unit][2] <= self.lang.UNITS["week"][2]
        said = duration if as_amount else None
        if time_unit:
            nominal = amount * self.lang.UNITS[unit][2] + extra
            return Resolved("DURATION" if as_amount else "TIME", value=said, approximate=approximate,
                            relation=relation, offset=offset, instant=base_time + sign * timedelta(seconds=nominal))
        period = shift_period(base_day, unit, int(sign * amount)) if amount == int(amount) else None
        if period is None:
            return Resolved("DURATION", value=duration, approximate=approximate, relation=relation, offset=offset)
        return Resolved("DURATION" if as_amount else "DATE", period, value=said, approximate=approximate,
                        relation=relation, offset=offset, sets_day=period.grain == "day", sets_focus=relation == "ago")

    def read_eventrel(self, c: Candidate) -> Resolved:
        resolved = self.read_duration(c)
        if resolved.relation in ("for", "since", "until", "to"):  # "for 90 minutes before landing"
            return resolved
        direction = _norm(c.get("direction"))
        relation = "before" if direction in ("before", "earlier than", "prior to") else "after"
        return attrs.evolve(resolved, relation=relation,
                            unresolved="relative to an event named after it")

    def read_in(self, c: Candidate) -> Resolved:
        """'in two weeks': a future day when the sentence speaks of the future, else a duration."""
        amount, _ = self.amount(c)
        unit = self.unit(c)
        within = c.preposition == "within"
        future = self._future(c)
        if within or not future or self.ref is None or amount is None or self.lang.UNITS[unit][1]:
            # "In ten minutes, the fire had spread" counts from the story's clock; "the third
            # alert in two weeks" measures a span and counts from nothing
            relation = ("within" if within else "in") if within or self._opens_sentence(c) else "at"
            resolved = attrs.evolve(self.read_duration(c), relation=relation)
            if future and not self.lang.UNITS[unit][1]:  # "will report within two weeks": from now
                resolved = attrs.evolve(resolved, flags=resolved.flags + (COUNTED_FROM_REFERENCE,))
            return resolved
        if amount != int(amount):
            return self.read_duration(c)
        days = {"day": 1, "night": 1, "week": 7, "fortnight": 14}.get(unit)
        if days:
            period = day_period(self.ref + timedelta(days=int(amount) * days))
        else:
            period = shift_period(self.ref, unit, int(amount))
        return Resolved("DATE", period, approximate=self.approximate(c, amount), relation="at")

    def read_elapsed(self, c: Candidate) -> Resolved:
        """'won in 2:08:41': hours, minutes and seconds taken, a duration."""
        amounts = [(int(c.get(group)), unit) for group, unit in (("hour", "H"), ("minute", "M"), ("second", "S"))]
        value = "PT" + ("".join(f"{n}{unit}" for n, unit in amounts if n) or "0S")
        return Resolved("DURATION", value=value, relation=self.relation(c))

    def read_vagueduration(self, c: Candidate) -> Resolved:
        """'a while', 'a long time': a duration of no stated size or unit (TIMEX3 PXX)."""
        return Resolved("DURATION", value="PXX", approximate=True, relation=self.relation(c))

    def read_set(self, c: Candidate) -> Resolved:
        lang = self.lang
        part = lang.PARTS_OF_DAY.get(_norm(c.get("part")))
        time_of_day = f"T{part}" if part else ""
        if c.get("weekdays"):
            return Resolved("SET", value=f"XXXX-WXX-{lang.WEEKDAYS[_norm(c.get('weekdays'))]}{time_of_day}")
        if c.get("weekends"):
            return Resolved("SET", value=f"XXXX-WXX-WE{time_of_day}")
        if c.get("setmonth"):
            return Resolved("SET", value=f"XXXX-{lang.MONTHS[_norm(c.get('setmonth')).rstrip('.')]:02d}")
        if c.get("freq"):
            return Resolved("SET", value=duration_value(1, self.unit(c), lang.UNITS))
        word = _norm(c.get("unit"))
        if word.rstrip(".") in lang.WEEKDAYS:
            return Resolved("SET", value=f"XXXX-WXX-{lang.WEEKDAYS[word.rstrip('.')]}{time_of_day}")
        if word in lang.PARTS_OF_DAY:
            return Resolved("SET", value=f"XXXX-XX-XXT{lang.PARTS_OF_DAY[word]}")
        if word in lang.SEASONS:
            return Resolved("SET", value=f"XXXX-{lang.SEASONS[word]}")
        if word == "season":
            return Resolved("SET", value="XXXX-XX")
        amount, _ = self.amount(c) if c.get("num") else (2.0 if c.get("other") else 1.0, None)
        return Resolved("SET", value=duration_value(amount, lang.UNIT_FORMS.get(word, word), lang.UNITS))

    def read_setadverb(self, c: Candidate) -> Resolved:
        return Resolved("SET", value=self.lang.SET_ADVERBS[_norm(c.get("adverb"))])

    def read_ref(self, c: Candidate) -> Resolved:
        value = self.lang.REFERENCE_WORDS[_norm(c.get("ref"))]
        return Resolved("DATE", value=value, unresolved=_REFERENCE_REASONS[value])

    # -- localization
    def zone_for(self, resolved: Resolved, c: Candidate) -> tuple[zones.ZoneChoice, tuple[str, ...]]:
        if resolved.zone is not None:
            return resolved.zone, resolved.zone.flags
        ref = self.reading.reference
        if resolved.zoned and self.reading.zone is not None and self.reading.zone_paragraph == (
                self.sentences[self.sentence_index(c.span[0])].paragraph if self.sentences else 0) \
                and not self._zone_puts_past_after_report(resolved, c, self.reading.zone.name):
            return self.reading.zone, ("zone-from-context",)
        if ref.zone_name is not None:
            return zones.ZoneChoice(ref.zone_name), ()
        if self.reading.zone is not None:  # no default zone given: the one the text named last
            return self.reading.zone, ("zone-from-context",)
        return _ASSUMED_UTC, ("zone-assumed-utc",)

    def _zone_puts_past_after_report(self, resolved: Resolved, c: Candidate, zone_name: str) -> bool:
        """Whether a zone carried from an earlier time would put a past event after the report
        when the text's own zone does not: "in New York at 11:50 a.m. EDT, and the Nikkei
        opened 0.4% higher at 9 a.m. on Friday" in a Tokyo story filed on Friday morning."""
        ref = self.reading.reference
        wall = resolved.period.start if resolved.period is not None else None
        if wall is None or ref.time is None or ref.zone_name is None or ref.zone_name == zone_name:
            return False
        return zones.localize(wall, zone_name)[0] > ref.time >= zones.localize(wall, ref.zone_name)[0] \
            and self.tense(c) == "past"

    def to_mention(self, c: Candidate, resolved: Resolved, span: tuple[int, int] | None = None,
                   rule: str | None = None) -> TimeMention:
        span = span or c.span
        flags = list(resolved.flags)
        start = end = None
        zone_name = None
        value = resolved.value
        grain = resolved.period.grain if resolved.period else None
        if resolved.instant is not None:
            zone, zone_flags = self.zone_for(attrs.evolve(resolved, zoned=True), c)
            zone_name = zone.name
            start = zones.in_zone(resolved.instant, zone_name)
            flags.extend(zone_flags)
            end = start + timedelta(minutes=1)
            value = start.strftime("%Y-%m-%dT%H:%M")
            grain = "minute"
        elif resolved.period is not None:
            value = resolved.period.value
            if resolved.period.start is not None:
                zone, zone_flags = self.zone_for(resolved, c)
                flags.extend(zone_flags)
                zone_name = zone.name
                start, start_flags = zones.localize(resolved.period.start, zone.name)
                end, _ = zones.localize(resolved.period.end, zone.name)
                if end < start:  # the start was shifted forward out of a DST gap past the end
                    end = zones.in_zone(start + (resolved.period.end - resolved.period.start), zone.name)
                flags.extend(start_flags)
                if zone.dst is not None and zones.is_dst(start) != zone.dst:
                    flags.append("zone-dst-mismatch")
        if resolved.type == "DURATION" and resolved.value:  # "40 minutes later": the amount said
            value = resolved.value
        mention = TimeMention(
            text=self.text[span[0]:span[1]], span=span, type=resolved.type, value=value or "",
            start=start, end=end, timezone=zone_name,
            approximate=resolved.approximate or c.modifier in self.lang.AMOUNT_BOUNDS,  # "or so"
            rule=rule or c.rule, grain=grain, relation=resolved.relation or "at",
            offset=resolved.offset, flags=tuple(flags), unresolved=resolved.unresolved)
        previous = self.reading.last
        if start is not None:
            day = resolved.period.start.date() if resolved.period else start.date()
            moves_day = resolved.sets_day and (self.reading.day is None or not (  # (before the
                self._dates_a_report(span) or self._background_day(c, grain, day)  # last times
                or self._ends_a_range(mention, previous)))                         # are this one)
            self.reading.last = mention
            if grain in WITHIN_DAY_GRAINS:
                self.reading.last_within_day = mention
            if grain in FINE_GRAINS:
                self.reading.last_clock = mention
            elif grain == "year":
                self.reading.year_said = mention
            if resolved.period is not None and resolved.period.grain in _FOCUS_GRAINS:
                self.reading.last_period = resolved.period
                if resolved.sets_focus:
                    if resolved.period.grain == "quarter":
                        self.reading.quarter_in_focus = resolved.period
                    self.reading.focus_latest = resolved.period
                    self.reading.repeat = None
            if moves_day:
                self.reading.set_day(day, zone_name)
        return mention

    def _ends_a_range(self, mention: TimeMention, previous: TimeMention | None) -> bool:
        """The end of "from 22:00 on Tuesday until 09:30 on Wednesday": the story stays on the
        day the range began (a bare time told after it past the end is on the next day, by the
        past-midnight rule)."""
        return (mention.relation == "until" and previous is not None and previous.relation == "since"
                and self.sentence_index(previous.span[0]) == self.sentence_index(mention.span[0]))

    def _background_day(self, c: Candidate, grain: str | None, day: date) -> bool:
        """A day that is not the one the story's clock times fall on: one that ends or begins a
        period ('in the three months to Sept. 30', 'since March 3', 'fiscal 2022/23, which began
        on Oct. 1'), one before the last clock time's day, or a flashback ('after they had
        failed to agree at their meeting on March 20')."""
        if grain in FINE_GRAINS:  # "suspended from 6 p.m. Tuesday", told after Wednesday's times
            return c.preposition in self.lang.PERIOD_START_PREPOSITIONS and self._before_last_clock(day)
        if grain == "partofday":  # "Talks resumed on Sunday evening", told after Tuesday's times
            return self._before_last_clock(day)
        if grain != "day":
            return False
        return (c.preposition in self.lang.PERIOD_BOUNDARY_PREPOSITIONS or self._told_aside(c.span[0])
                or self._before_last_clock(day))

    def _told_aside(self, position: int) -> bool:
        """Whether a time at ``position`` is said in a relative-clause aside or a flashback in the
        past perfect (see `_background_day`)."""
        window = self._window_before(position)
        return (self.grammar.background_clause.search(self.text, *window) is not None
                or self.grammar.past_perfect.search(self.text, *window) is not None)

    def _background_day_told(self, c: Candidate, sentences_back: int) -> date | None:
        """The day said just before ``c`` (at most ``sentences_back`` sentences before) that was
        set aside as background for falling before the last clock time's day: what "the next
        morning" counts from ("Eskom said at 08:45 on Tuesday … talks deadlocked on Friday.
        Workers began gathering the next morning"), and the day of a bare clock time after it
        in its sentence ("… 3 p.m., Monday to Friday … on Sunday, the 2 p.m. sailing")."""
        last = self.reading.last
        if last is None or last.grain != "day" or last.start is None or last.relation in ("since", "until") \
                or not self._before_last_clock(last.start.date()) or self._dates_a_report(last.span) \
                or self._told_aside(last.span[0]) \
                or self.sentence_index(c.span[0]) - self.sentence_index(last.span[0]) > sentences_back:
            return None
        return last.start.date()

    def _before_last_clock(self, day: date) -> bool:
        """A day before that of the clock time said last: told as background ("lifted off at
        9:42 a.m. … a second attempt was called off on Sunday … shut down at 9:56 a.m.")."""
        last = self.reading.last_clock
        return last is not None and last.start is not None and day < last.start.date()

    def _dates_a_report(self, span: tuple[int, int]) -> bool:
        """Whether a reporting verb stands right before ``span``: '… said on Saturday' is the
        day of the report, not of the story's clock times."""
        return bool(self.grammar.report_before.search(self.text, max(0, span[0] - 40), span[0]))

    def remember_zone(self, c: Candidate, zone: zones.ZoneChoice) -> None:
        """A zone the text names for a clock time holds for the rest of its paragraph."""
        if not any(f.startswith("zone-ambiguous") for f in zone.flags):  # a guess is not carried
            index = self.sentence_index(c.span[0])
            self.reading.zone = zone
            self.reading.zone_paragraph = self.sentences[index].paragraph if index >= 0 else 0

    def read(self, c: Candidate) -> Resolved:
        return getattr(self, f"read_{c.kind}")(c)


# ------------------------------------------------------------------ combinations ---


def _gap(text: str, left: Candidate | TimeMention, right: Candidate | TimeMention) -> str:
    return text[left.span[1]:right.span[0]]


_ZONE_GROUPS = ("offset", "zoneoff", "zonename", "zoneplace", "zoneabbr", "zonelocal")


@functools.cache
def _zone_after_day(lang) -> re.Pattern:
    """A zone named after the day that follows a clock time: "noon Thursday Tokyo time".
    Compiled at the first such pair that may have one (see `_zone_may_follow`), not at
    import: the place alternation is long (~20 ms)."""
    return re.compile(r"[ \t]+" + zone_pattern(lang))


@functools.cache
def _zone_may_follow(lang) -> re.Pattern | None:
    """What `_zone_after_day` matches starts so: spaces, then a character a zone can start with
    (None: not known). Most days are followed by a mark or a lower-case word: the zone pattern
    is then never compiled (it was ~8 % of a TempEval-3 run, compiled in the middle of it)."""
    first = zone_start(lang)
    return None if first is None else re.compile(rf"[ \t]+[{first}]")


def _with_zone_after_day(resolver: Resolver, clock_c: Candidate, date_c: Candidate) -> Candidate:
    """``clock_c`` with the zone said after ``date_c``, when it names none itself."""
    if any(clock_c.get(name) for name in _ZONE_GROUPS):
        return clock_c
    may_follow = _zone_may_follow(resolver.lang)
    if may_follow is not None and may_follow.match(resolver.text, date_c.span[1]) is None:
        return clock_c
    found = _zone_after_day(resolver.lang).match(resolver.text, date_c.span[1])
    if found is None:
        return clock_c
    named = tuple((name, value) for name, value in found.groupdict().items() if value)
    return attrs.evolve(clock_c, groups=clock_c.groups + named, span=(clock_c.span[0], found.end()))


def _combine_date_and_clock(resolver: Resolver, date_c: Candidate, clock_c: Candidate) -> TimeMention | None:
    """'Tuesday at 3 p.m.' / '5 p.m. on May 3' / 'noon Thursday Tokyo time': one instant."""
    if clock_c.span[0] < date_c.span[0]:
        if date_c.preposition is None:  # "until 5 p.m. Friday"
            date_c = attrs.evolve(date_c, preposition=clock_c.preposition)
        clock_c = _with_zone_after_day(resolver, clock_c, date_c)
    resolved_date = resolver.read(date_c)
    if resolved_date.period is None or resolved_date.period.grain not in ("day", "partofday"):
        return None
    day = resolved_date.period.start.date()
    clock = resolver.read_clock(clock_c, day=day)
    span = (min(date_c.span[0], clock_c.span[0]), max(date_c.span[1], clock_c.span[1]))
    clock = attrs.evolve(clock, sets_day=True, relation=resolver.relation(
        date_c if date_c.span[0] < clock_c.span[0] else clock_c))
    return resolver.to_mention(clock_c, clock, span=span, rule=f"{date_c.rule} + {clock_c.rule}")


_DAY_KINDS = ("date", "weekday", "relday", "anaphoric", "iso")


def _reconcile_conversion(resolver: Resolver, mentions: list[TimeMention], named: list[bool]) -> None:
    """The last two mentions, written as a conversion, name one instant: reconcile them at once,
    so that what is counted from the first ("40 minutes later") counts from that instant."""
    a, b = mentions[-2], mentions[-1]
    if not (a.type == b.type == "TIME" and a.grain in ("minute", "second") and b.grain in ("minute", "second")):
        return
    try:
        mentions[-2], mentions[-1] = _reconcile(a, b, named[-2], named[-1], _sentence_zones(resolver, a))
    except (OverflowError, ValueError) as exc:  # a day shift past year 9999: keep both as read
        if not _out_of_range(exc):
            raise
    mentions[-1] = attrs.evolve(mentions[-1], flags=mentions[-1].flags + ("conversion-of-previous",))
    reading = resolver.reading
    moved = mentions[-2]
    if moved.start is not None and moved.start.date() != a.start.date():
        # the other side's own day dates the first ("0700 GMT, which in New York is 2 a.m.
        # EST Sunday"): the story is now on that day
        reading.set_day(moved.start.date(), moved.timezone)
    other = mentions[-1]
    if other.start is not None and other.timezone == reading.reference.zone_name != moved.timezone \
            and moved.start is not None and other.start.date() > moved.start.date():
        # past midnight on the text's own clocks, the story is on that side's day: "4:35 p.m.
        # New York time on Wednesday (0035 Thursday in Istanbul) … Borsa Istanbul opened at
        # 10:00" (not the day before: "noon Thursday Tokyo time (11 p.m. EDT Wednesday)")
        reading.set_day(other.start.date(), other.timezone)
    if reading.last is a:
        reading.last = mentions[-2]
    if reading.last_within_day is a:
        reading.last_within_day = mentions[-2]


def _states_zone(zone: zones.ZoneChoice | None) -> bool:
    """Whether a time states its zone, so that the other side of a conversion follows it: a
    "local time" whose zone was taken from a place nearby ("bound for Vancouver") does not."""
    return zone is not None and not any(flag.startswith("local-time:") for flag in zone.flags)


def _has_own_date(mention: TimeMention) -> bool:
    """A clock time written with its day ("Friday at 3 p.m.", ISO), not put on one by context."""
    return " + " in mention.rule or mention.rule.startswith("<iso")


def _on_nearest_day(mention: TimeMention, target: datetime, days: timedelta = timedelta(0)) -> TimeMention:
    """Move a clock time (first by ``days``) to the day before or after when that brings it
    nearest ``target``."""
    wall = mention.start.replace(tzinfo=None) + days
    options = [zones.localize(wall + timedelta(days=k), mention.timezone)[0] for k in (-1, 0, 1)]
    start = min(options, key=lambda s: abs((s - target).total_seconds()))
    if start == mention.start:
        return mention
    return attrs.evolve(mention, start=start, end=start + (mention.end - mention.start),
                        value=_shift_value_date(mention.value, start))


def _flag_conflict(a: TimeMention, b: TimeMention) -> tuple[TimeMention, TimeMention]:
    flag = "conversion-conflict"
    return attrs.evolve(a, flags=a.flags + (flag,)), attrs.evolve(b, flags=b.flags + (flag,))


def _sentence_zones(resolver: Resolver, mention: TimeMention) -> tuple[str, ...]:
    """The zones of the places named in ``mention``'s sentence."""
    index = resolver.sentence_index(mention.span[0])
    if index < 0:
        return ()
    found = resolver.grammar.places.finditer(resolver.text, *resolver.sentences[index].span)
    return tuple(dict.fromkeys(zones.PLACES[place.group()] for place in found))


def _reconcile(primary: TimeMention, secondary: TimeMention, primary_named: bool,
               secondary_named: bool, place_zones: tuple[str, ...] = ()) -> tuple[TimeMention, TimeMention]:
    """Two clock times that name one instant: the side that names its zone decides it.

    When both or neither name a zone and they disagree, both are kept and flagged. The
    unnamed side's offset is one a zone of ``place_zones`` (the places of the sentence) has
    at that instant, else the one nearest the zone it was read in.
    """
    if primary.start is None or secondary.start is None:
        return primary, secondary
    if _has_own_date(secondary) and not _has_own_date(primary):  # "8 p.m. (0100 GMT Saturday)"
        if "<weekday>" in secondary.rule:  # a weekday there may be the one next to the primary's day
            weeks = round((primary.start - secondary.start).total_seconds() / (7 * 86400))
            shift = timedelta(weeks=weeks)
            if abs((secondary.start + shift).date() - primary.start.date()) <= timedelta(days=1):
                secondary = _on_nearest_day(secondary, secondary.start + shift, days=shift)
            # else it is not next to it ("10 a.m. Pacific / 1 p.m. Eastern on Sunday"): the
            # weekday, read by its own tense, dates both sides
        primary = _on_nearest_day(primary, secondary.start, days=secondary.start.date() - primary.start.date())
    if primary_named == secondary_named:
        secondary = _on_nearest_day(secondary, primary.start)
        return (primary, secondary) if secondary.start == primary.start else _flag_conflict(primary, secondary)
    if secondary_named:
        secondary = _on_nearest_day(secondary, primary.start)
    named, other = (primary, secondary) if primary_named else (secondary, primary)
    if other.start == named.start:
        return primary, secondary
    # The unnamed side keeps its wall clock; its UTC offset follows from the named instant.
    wall = other.start.replace(tzinfo=None)
    utc = named.start.astimezone(zones.UTC).replace(tzinfo=None)
    current = zones.utc_offset_minutes(other.start)
    # Of the offsets that exist on Earth (UTC-12 to UTC+14), the one nearest the zone it was
    # read in: "3:12 a.m. local time (1812 GMT Tuesday)" is UTC+9 on Wednesday, not UTC-15.
    offsets = [int(round((wall + timedelta(days=k) - utc).total_seconds() / 60)) for k in (-1, 0, 1)]
    offsets = [m for m in offsets if -12 * 60 <= m <= 14 * 60]
    if not offsets:
        return _flag_conflict(primary, secondary)
    at_places = {zones.utc_offset_minutes(zones.in_zone(named.start, zone)) for zone in place_zones}
    offsets = [m for m in offsets if m in at_places] or offsets  # "Auckland's … midnight (1100 GMT)"
    minutes = min(offsets, key=lambda m: abs(m - current))
    label = zones.offset_label(minutes)
    start = zones.in_zone(named.start, label)
    fixed = attrs.evolve(other, start=start, end=start + (other.end - other.start), timezone=label,
                         value=_shift_value_date(other.value, start),
                         flags=other.flags + ("offset-from-conversion",))
    return (named, fixed) if named is primary else (fixed, named)


def _shift_value_date(value: str, instant: datetime) -> str:
    """``value`` with the date of ``instant`` (the day before for "T24:00", the midnight
    ending a day)."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        day = instant.date() - timedelta(days=1) if value[10:16] == "T24:00" else instant.date()
        return day.isoformat() + value[10:]
    return value


def _out_of_range(exc: Exception) -> bool:
    """Date arithmetic past what a datetime holds (years 1-9999): "3000 years ago"."""
    return isinstance(exc, OverflowError) or isinstance(exc, ValueError) and "out of range" in str(exc)


_BEYOND = "beyond the years 1-9999 that a calendar date can have"


def _read_guarded(resolver: Resolver, c: Candidate, day: date | None = None) -> tuple[Resolved, TimeMention]:
    """resolver.read + to_mention (a clock time on ``day`` when its date is said after it); a
    value off the calendar is kept unresolved, saying so."""
    try:
        resolved = resolver.read_clock(c, day=day) if day is not None and c.kind == "clock" else resolver.read(c)
        return resolved, resolver.to_mention(c, resolved)
    except (OverflowError, ValueError) as exc:
        if not _out_of_range(exc):
            raise
        reason = "no such calendar day" if "day is out of range" in str(exc) else _BEYOND
    try:
        resolved = attrs.evolve(resolver.read_duration(c), unresolved=reason) if c.get("unit") else None
    except (OverflowError, ValueError, KeyError):
        resolved = None
    resolved = resolved or Resolved("DATE", value="XXXX", unresolved=reason)
    return resolved, resolver.to_mention(c, resolved)


_RECURRING_REACH = 60  # characters before a clock time read for a frequency ("nightly curfew from")


def _recurs(grammar: Grammar, text: str, c: Candidate, mentions: list[TimeMention]) -> bool:
    """A clock time said with a frequency ("daily from 9 a.m.", "at 7 a.m. daily"), or the
    second of a range with one ("from 10 p.m. to 5 a.m.")."""
    start, end = c.span
    if mentions and "recurring" in mentions[-1].flags and grammar.range_gap.match(_gap(text, mentions[-1], c)):
        return True
    return bool(grammar.recurring_after.match(text, end)
                or grammar.recurring_before.search(text, max(0, start - _RECURRING_REACH), start))


def _recurring(mention: TimeMention) -> TimeMention:
    """A clock time as the time of day it recurs at: a SET, no instant (XXXX-XX-XXT22:00)."""
    clock = mention.value[mention.value.index("T"):] if "T" in mention.value else ""
    return attrs.evolve(mention, type="SET", value=f"XXXX-XX-XX{clock}", start=None, end=None,
                        flags=mention.flags + ("recurring",))


def _date_of_previous(grammar: Grammar, text: str, candidates: list[Candidate], i: int) -> int | None:
    """The index of a date that dates the time(s) before it, starting at ``i``: after a
    conversion ("9 a.m. ET (2 p.m. Paris time) on March 15"), after a range of clock times
    ("from 9 a.m. to 5 p.m. Tuesday"), after a part of its day ("the morning of June 5") or
    later in a clock time's clause ("the 8.45am sailing to Pembroke on Thursday"); else None."""
    if i + 1 < len(candidates) and candidates[i + 1].kind in _DAY_KINDS:
        gap = _gap(text, candidates[i], candidates[i + 1])
        if candidates[i].kind == "daypart" and grammar.daypart_date_gap.match(gap):
            return i + 1
        if candidates[i].kind == "clock" and grammar.clock_day_later_gap.match(gap):
            return i + 1  # "the 8.45am sailing from Rosslare on Thursday"
    if i + 2 >= len(candidates):
        return None
    first, second, day = candidates[i:i + 3]
    if first.kind != "clock" or second.kind != "clock" or day.kind not in _DAY_KINDS:
        return None
    if grammar.conversion_gap.match(_gap(text, first, second)) \
            and grammar.conversion_date_gap.match(_gap(text, second, day)):
        return i + 2
    if grammar.range_gap.match(_gap(text, first, second)) and grammar.date_time_gap.match(_gap(text, second, day)):
        return i + 2  # "from 9 a.m. to 5 p.m. on Tuesday": both ends on Tuesday
    return None


def _second_day_of_range(grammar: Grammar, text: str, first: Candidate, second: Candidate) -> bool:
    """"March 20-21" without a year: the 21st is in the year read for the 20th."""
    return (first.kind == second.kind == "date" and second.get("year") is None
            and first.get("day") is not None and second.get("day") is not None
            and first.get("month") == second.get("month")
            and grammar.range_dash.match(_gap(text, first, second)) is not None)


def normalize(candidates: list[Candidate], text: str, sentences: list[Sentence],
              reference: Reference, grammar: Grammar) -> list[TimeMention]:
    """Resolve every candidate; nothing is dropped (unresolvable ones say why)."""
    resolver = Resolver(grammar, text, sentences, reference)
    candidates = list(candidates)  # the second day of a range takes the first's year
    mentions: list[TimeMention] = []
    named: list[bool] = []
    dates_of_previous: set[int] = set()
    said_day: tuple[int, date] | None = None  # (index of a date said after its times, its day)
    i = 0
    while i < len(candidates):
        c = candidates[i]
        # (after the mention read last, which may reach past its candidates: "noon Thursday Tokyo time")
        converts_previous = bool(mentions) and grammar.conversion_gap.match(_gap(text, mentions[-1], c))
        # The other side of a conversion names the same instant in another zone, whose day
        # may differ ("10:37 a.m. Thursday (9:37 p.m. ET Wednesday)"): the text's day stays.
        story_clock = resolver.reading.clock() if converts_previous else None
        later_date = _date_of_previous(grammar, text, candidates, i)
        if later_date is not None:  # read the date first: the times before it fall on its day
            try:
                period = resolver.read(candidates[later_date]).period
            except (OverflowError, ValueError) as exc:
                if not _out_of_range(exc):
                    raise
                period = None  # read again below, where it is kept unresolved
            if period is not None and period.start is not None and period.grain == "day":
                # on the clocks of the times before it, not yet read (see below)
                resolver.reading.day, resolver.reading.day_zone = period.start.date(), None
                said_day = (later_date, resolver.reading.day)
                dates_of_previous.add(later_date)
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if nxt is not None and grammar.date_time_gap.match(_gap(text, c, nxt)):
            pair = (c, nxt) if c.kind in _DAY_KINDS and nxt.kind == "clock" else \
                (nxt, c) if nxt.kind in _DAY_KINDS and c.kind == "clock" else None
            if pair is not None:
                try:
                    combined = _combine_date_and_clock(resolver, *pair)
                except (OverflowError, ValueError) as exc:
                    if not _out_of_range(exc):
                        raise
                    combined = None  # each read on its own below, off-calendar ones unresolved
                if combined is not None:
                    mentions.append(combined)
                    named.append(_states_zone(resolver.zone_named(pair[1])))
                    if story_clock is not None:
                        resolver.reading.set_clock(story_clock)
                        _reconcile_conversion(resolver, mentions, named)
                    resolver.reading.remember_weekday(mentions[-1], *pair)
                    i += 2
                    continue
        resolved, mention = _read_guarded(resolver, c, said_day[1] if said_day and i < said_day[0] else None)
        if c.kind == "clock" and mention.start is not None and _recurs(grammar, text, c, mentions):
            mention = _recurring(mention)
        if nxt is not None and resolved.period is not None and _second_day_of_range(grammar, text, c, nxt):
            candidates[i + 1] = attrs.evolve(nxt, groups=nxt.groups + (("year", str(resolved.period.start.year)),))
        if i in dates_of_previous:
            mention = attrs.evolve(mention, flags=mention.flags + ("date-of-previous",))
            dated = next((m for m in reversed(mentions) if "conversion-of-previous" not in m.flags), None)
            if dated is not None and mention.start is not None and resolver.reading.day == mention.start.date():
                resolver.reading.day_zone = dated.timezone  # "6pm local time (7pm AEDT) on Saturday"
        mentions.append(mention)
        named.append(_states_zone(resolved.zone))
        if story_clock is not None:
            resolver.reading.set_clock(story_clock)
            _reconcile_conversion(resolver, mentions, named)
        elif resolved.zoned and resolved.zone is not None:
            resolver.remember_zone(c, resolved.zone)
        resolver.reading.remember_weekday(mentions[-1], c)
        i += 1
    return _clock_changes(grammar, text, mentions)


def _clock_changes(grammar: Grammar, text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """"clocks went back from 3 a.m. to 2 a.m.": both times are the instant of the change in
    their zone (the first on the clocks before it, the second after), the second one joined
    to the first as another reading of it (see CLOCK_CHANGE_BEFORE)."""
    if "lock" not in text:
        return mentions  # (most texts: one `in` test; "Clocks" and "clocks" alike)
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if not (first.type == second.type == "TIME" and first.start and second.start and first.timezone
                and grammar.range_gap.match(_gap(text, first, second).lstrip(" ,"))  # "…, to 2 a.m."
                and grammar.clock_change_before.search(text, max(0, first.span[0] - 100), first.span[0])):
            continue
        change = zones.clock_change_near(first.start, first.timezone)
        if change is None:
            continue
        mentions[i], mentions[i + 1] = (
            attrs.evolve(m, start=change, end=change + (m.end - m.start) if m.end else None,
                         flags=m.flags + extra)
            for m, extra in ((first, ()), (second, ("conversion-of-previous",))))
    return mentions
