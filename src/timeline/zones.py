"""Time zones: every pytz call lives here (names, abbreviations, places, DST-exact localization).

Rules, documented once:
- A wall-clock time inside a DST gap (spring forward) is shifted forward by the gap and
  flagged ``dst-gap``; one inside an overlap (fall back) takes the earlier instant and is
  flagged ``dst-ambiguous``.
- An abbreviation naming the standard or daylight half of a zone (EST, CEST) that does not
  fit the date ("EST" in July) is read as the region's wall clock (writers mean "Eastern
  time") and flagged ``zone-dst-mismatch``.
- An ambiguous abbreviation (IST, CST, BST, AST, MST) takes the candidate whose context words
  (countries, cities) occur most often in the text, else the first listed in
  ``data/zones.json``; either way the mention is flagged ``zone-ambiguous``.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from importlib import resources

import attrs
import pytz

UTC = pytz.utc


class UnknownZoneError(ValueError):
    """A time zone name that neither IANA nor our abbreviation table knows.

    >>> import timeline
    >>> timeline.extract("At 6 p.m.", tz="Nowhere/Land")
    Traceback (most recent call last):
    ...
    timeline.zones.UnknownZoneError: unknown time zone 'Nowhere/Land'
    """


@attrs.frozen
class ZoneChoice:
    """A zone read from text: which zone, which DST half the text claimed, and why."""

    name: str
    dst: bool | None = None
    flags: tuple[str, ...] = ()


def _load_data() -> dict:
    return json.loads(resources.files("timeline").joinpath("data/zones.json").read_text("utf-8"))


_DATA = _load_data()
ABBREVIATIONS: dict[str, tuple[tuple[str, bool | None, tuple[str, ...]], ...]] = {
    abbr: tuple((zone, dst, tuple(words)) for zone, dst, words in cands)
    for abbr, cands in _DATA["abbreviations"].items()
}


_CITY_REGIONS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
# City parts of IANA names that are everyday words or people's names in news text.
_NOT_PLACES = frozenset("Easter Christmas Dawson Regina Midway Wake Phoenix Mendoza Lima Guam "
                        "Marengo Center Knox Chatham Norfolk Jersey".split())


def _build_places() -> dict[str, str]:
    """Place name -> IANA zone: every pytz city, single-zone countries, then our extras."""
    places: dict[str, str] = {}
    for name in pytz.common_timezones:
        parts = name.split("/")
        if len(parts) == 2 and parts[0] in _CITY_REGIONS:
            city = parts[1].replace("_", " ")
            if city not in _NOT_PLACES:
                places.setdefault(city, name)
    for code, country in pytz.country_names.items():
        zones = pytz.country_timezones.get(code, [])
        if len(zones) == 1 and "(" not in country:
            places.setdefault(country, zones[0])
    places.update(_DATA["places"])
    return places


PLACES: dict[str, str] = _build_places()


@lru_cache(maxsize=None)
def get_zone(name: str) -> tzinfo:
    """The tzinfo for an IANA name or a fixed offset label "UTC+05:30"; UnknownZoneError else."""
    if name in ("UTC", "GMT", "Z"):
        return UTC
    if name.startswith("UTC") and len(name) == 9 and name[3] in "+-":
        sign = 1 if name[3] == "+" else -1
        try:
            return fixed_offset(sign * (int(name[4:6]) * 60 + int(name[7:9])))
        except ValueError:  # not digits, or a day or more ("UTC+99:99")
            raise UnknownZoneError(f"unknown time zone {name!r} (offsets are under 24:00)") from None
    try:
        return pytz.timezone(name)
    except pytz.UnknownTimeZoneError:
        raise UnknownZoneError(f"unknown time zone {name!r}") from None


def fixed_offset(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else pytz.FixedOffset(minutes)


def offset_label(minutes: int) -> str:
    """UTC+hh:mm label for a fixed offset in minutes."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def user_zone(tz: object) -> tuple[tzinfo, str]:
    """Accept an IANA name, abbreviation or tzinfo from the caller; return (pytz zone, name)."""
    if isinstance(tz, str):
        name = tz.strip()
        if name.upper() in ABBREVIATIONS:
            name = ABBREVIATIONS[name.upper()][0][0]
        return get_zone(name), name
    if isinstance(tz, tzinfo):
        key = getattr(tz, "key", None) or getattr(tz, "zone", None)  # zoneinfo / pytz
        if isinstance(key, str):
            return get_zone(key), key
        offset = tz.utcoffset(None)
        if offset is not None:
            minutes = int(offset.total_seconds() // 60)
            return fixed_offset(minutes), offset_label(minutes)
        raise UnknownZoneError(f"cannot use time zone {tz!r}: give an IANA name")
    raise TypeError(f"tz must be an IANA zone name or a tzinfo, not {type(tz).__name__}")


_FIRST_TRANSITION_YEAR = 1902


def localize(naive: datetime, zone_name: str) -> tuple[datetime, tuple[str, ...]]:
    """Wall-clock time in a zone -> aware datetime, DST-exact; flags a gap or an overlap."""
    zone = get_zone(zone_name)
    if zone is UTC and naive.tzinfo is None:
        # What UTC.localize gives (``naive.replace(tzinfo=UTC)``), built 4x faster: `replace`
        # parses its keywords, ~1 µs a call (most times of a text with no zone given are UTC).
        return datetime.combine(naive.date(), naive.time(), UTC), ()
    if not hasattr(zone, "localize"):
        return naive.replace(tzinfo=zone), ()
    if naive.year < _FIRST_TRANSITION_YEAR:
        # pytz knows no transitions before 1901 and would give local mean time (New York
        # -04:56); dates that old use the zone's winter offset of 1902 instead.
        offset = zone.localize(datetime(_FIRST_TRANSITION_YEAR, 1, 15)).utcoffset()
        return fixed_offset(int(offset.total_seconds() // 60)).localize(naive), ()
    try:
        return zone.localize(naive, is_dst=None), ()
    except pytz.NonExistentTimeError:
        # Spring forward: read the clock as still on the offset before the change, i.e.
        # shifted forward: the later of the two readings. (Not "is_dst=False": zones with
        # negative DST, like Morocco's Ramadan hour since 2018, label their offsets the other way.)
        readings = (zone.localize(naive, is_dst=False), zone.localize(naive, is_dst=True))
        return zone.normalize(max(readings)), ("dst-gap",)
    except pytz.AmbiguousTimeError:
        # Fall back: the earlier instant (again by instant, not by pytz's DST label).
        return min(zone.localize(naive, is_dst=True), zone.localize(naive, is_dst=False)), ("dst-ambiguous",)


def in_zone(instant: datetime, zone_name: str) -> datetime:
    """The same instant shown on the wall clock of another zone."""
    zone = get_zone(zone_name)
    converted = instant.astimezone(zone)
    return zone.normalize(converted) if hasattr(zone, "normalize") else converted


def clock_change_near(instant: datetime, zone_name: str, reach: timedelta = timedelta(hours=36)) -> datetime | None:
    """The instant a zone's clocks changed (a DST start or end) within ``reach`` of
    ``instant``, on that zone's wall clock after the change; None if there is none."""
    zone = get_zone(zone_name)
    transitions = getattr(zone, "_utc_transition_times", None)
    if not transitions:
        return None
    utc = instant.astimezone(UTC).replace(tzinfo=None)
    for moment in transitions:  # (sorted; a few hundred at most)
        if abs(moment - utc) <= reach:
            return in_zone(UTC.localize(moment), zone_name)
    return None


def is_dst(aware: datetime) -> bool:
    return bool(aware.dst())


def utc_offset_minutes(aware: datetime) -> int:
    offset = aware.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def choose_abbreviation(abbr: str, context: str) -> ZoneChoice:
    """Pick the zone an abbreviation means in this text (see the module rules)."""
    candidates = ABBREVIATIONS[abbr]
    if len(candidates) == 1:
        zone, dst, _ = candidates[0]
        return ZoneChoice(zone, dst)
    scores = [sum(context.count(word) for word in words) for _, _, words in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    zone, dst, _ = candidates[best]
    how = "context" if scores[best] else "default"
    return ZoneChoice(zone, dst, (f"zone-ambiguous:{abbr}->{zone} ({how})",))
