"""Caller arguments → a validated, frozen Reference (document date, default zone, language)."""
from __future__ import annotations

import re
import string
from datetime import date, datetime

from . import zones
from .values import Reference

SUPPORTED_LANGUAGES = ("en",)


def make_reference(reference: object = None, tz: object = None, lang: str = "en") -> Reference:
    """Validate what the caller gave; raise TypeError/ValueError naming the bad argument.

    >>> make_reference("2023-05-24", "America/New_York").date
    datetime.date(2023, 5, 24)
    """
    if not isinstance(lang, str) or lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"lang {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    zone, zone_name = zones.user_zone(tz) if tz is not None else (None, None)
    when = _parse_reference(reference)
    try:
        return _reference(when, zone, zone_name, lang)
    except OverflowError:  # "0001-01-01T00:30+05:00" is before year 1 in UTC
        raise ValueError(f"reference {reference!r} is out of range (years 1-9999 in UTC)") from None


def _reference(when, zone, zone_name: str | None, lang: str) -> Reference:
    if when is None:
        return Reference(None, None, zone, zone_name, lang)
    if isinstance(when, datetime):
        if when.tzinfo is None or when.utcoffset() is None:
            if zone_name is None:
                return Reference(when.date(), None, None, None, lang)
            aware, _ = zones.localize(when, zone_name)
            return Reference(aware.date(), aware, zone, zone_name, lang)
        if zone_name is None:
            minutes = zones.utc_offset_minutes(when)
            zone_name = zones.offset_label(minutes)
            zone = zones.get_zone(zone_name)
        local = zones.in_zone(when, zone_name)
        return Reference(local.date(), local, zone, zone_name, lang)
    return Reference(when, None, zone, zone_name, lang)


def reference_instant(reference: Reference) -> datetime | None:
    """The reference as an aware instant: its time, else the start of its day in its zone (UTC
    when none was given)."""
    if reference.time is not None or reference.date is None:
        return reference.time
    midnight = datetime(reference.date.year, reference.date.month, reference.date.day)
    return zones.localize(midnight, reference.zone_name or "UTC")[0]


def _parse_reference(reference: object) -> date | datetime | None:
    if reference is None or isinstance(reference, (date, datetime)):
        return reference
    if not isinstance(reference, str):
        raise TypeError(f"reference must be a date, datetime or ISO string, not {type(reference).__name__}")
    text = reference.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"reference {reference!r} is not an ISO date or datetime "
                         "(e.g. 2023-05-24 or 2023-05-24T18:00-04:00)") from None


def with_dateline_zone(text: str, reference: Reference, dateline: re.Pattern, span: int) -> Reference:
    """``reference`` read on the clocks of the place a dateline opening ``text`` names
    ("CHICAGO (CP) -"), when that place is known and its zone is not the given one: news gives
    a datelined story's times in the dateline's local time. The reference instant stays the
    same; its day is then the dateline's."""
    match = dateline.search(text, 0, span)
    name = zones.PLACES.get(string.capwords(match.group("place").strip())) if match else None
    if name is None or name == reference.zone_name:
        return reference
    zone = zones.get_zone(name)
    if reference.time is not None:
        local = zones.in_zone(reference.time, name)
        return Reference(local.date(), local, zone, name, reference.lang)
    return Reference(reference.date, None, zone, name, reference.lang)
