"""DST sweep: every DST transition pytz knows from 1970 to 2037, checked against the zone database.

For every zone in ``pytz.all_timezones`` and every change of UTC offset in its transition table
(``_utc_transition_times``) between 1970 and 2037, sentences put a wall-clock time just before,
at the start of, inside, at the last minute of, and just after the gap (spring forward) or
overlap (fall back), read with that zone as ``tz`` and again with the zone named in the text
("… 2:30 a.m. Paris time …") when a place name exists for it. The resolved instant must be the
database's: a unique wall time -> that instant, no DST flag; a time in a gap -> read on the
offset before the change, i.e. shifted forward by the gap, flagged ``dst-gap``; a time in an
overlap -> the earlier instant, flagged ``dst-ambiguous`` (README "Time zones").

Then the weeks when the US and Europe are out of step (and their in-step neighbours): a
conversion pair "9 a.m. ET (2 p.m. Paris time)" on each day must give one instant, without a
conflict; the same pair one hour off must be flagged ``conversion-conflict``; a bare clock with
the US zone as default takes its offset from the named side.

    python benchmarks/dst_sweep.py                 # everything (a few minutes)
    python benchmarks/dst_sweep.py --zones Europe/Paris America/New_York --show 20
"""
from __future__ import annotations

import argparse
import bisect
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone

import pytz

import timeline
from timeline import zones

UTC = timezone.utc
MONTHS = ("January February March April May June July August September October November "
          "December").split()
FIRST_YEAR, LAST_YEAR = 1970, 2037


def clock_words(wall: datetime) -> str:
    hour = wall.hour % 12 or 12
    return f"{hour}:{wall.minute:02d} {'a.m.' if wall.hour < 12 else 'p.m.'}"


def date_words(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


class ZoneTable:
    """A zone's transition table read directly (independent of the code under test)."""

    def __init__(self, name: str):
        zone = pytz.timezone(name)
        self.name = name
        self.times = list(getattr(zone, "_utc_transition_times", []))
        self.infos = list(getattr(zone, "_transition_info", []))

    def offset_at(self, utc_naive: datetime) -> timedelta:
        return self.infos[max(0, bisect.bisect_right(self.times, utc_naive) - 1)][0]

    def changes(self):
        """(index, UTC instant, offset before, offset after) of every offset change 1970-2037."""
        for i in range(1, len(self.times)):
            when = self.times[i]
            before, after = self.infos[i - 1][0], self.infos[i][0]
            if FIRST_YEAR <= when.year <= LAST_YEAR and before != after:
                yield i, when, before, after

    def expected(self, wall: datetime, index: int) -> tuple[datetime, str | None]:
        """The instant README promises for a wall time near change ``index``, and its DST flag."""
        offsets = {info[0] for info in self.infos[max(0, index - 3):index + 4]}
        instants = sorted(wall - off for off in offsets if self.offset_at(wall - off) == off)
        if len(instants) > 1:
            return instants[0].replace(tzinfo=UTC), "dst-ambiguous"
        if instants:
            return instants[0].replace(tzinfo=UTC), None
        # In a gap: the clock read as still on the offset in force before the change.
        before = self.infos[index - 1][0]
        return (wall - before).replace(tzinfo=UTC), "dst-gap"


def walls_near(when: datetime, before: timedelta, after: timedelta) -> list[datetime]:
    """Minute-resolution wall times around one change: before, first, middle, last, after."""
    low, high = when + min(before, after), when + max(before, after)
    low = low.replace(second=0, microsecond=0)
    middle = (low + (high - low) / 2).replace(second=0, microsecond=0)
    last = (high - timedelta(minutes=1)).replace(second=0, microsecond=0)
    after_wall = high.replace(second=0, microsecond=0) + (timedelta(minutes=1) if high.second else timedelta(0))
    return sorted({low - timedelta(minutes=1), low, middle, last, after_wall})


def place_names() -> dict[str, str]:
    """zone -> one place name the grammar reads as that zone ("Paris" for Europe/Paris)."""
    names: dict[str, str] = {}
    for place, zone in sorted(zones.PLACES.items(), key=lambda kv: (len(kv[0]), kv[0])):
        if place[:1].isupper() and " " not in place.strip():
            names.setdefault(zone, place)
    return names


def sweep_cases(zone_names, sample: int | None = None, seed: int = 5):
    """(text, reference, tz, expected UTC instant, expected flag, description) for each case."""
    names = place_names()
    changes = [(table, change) for table in (ZoneTable(z) for z in zone_names) for change in table.changes()]
    if sample is not None and sample < len(changes):
        changes = random.Random(seed).sample(changes, sample)
    for table, (index, when, before, after) in changes:
        kind = "gap" if after > before else "overlap"
        for wall in walls_near(when, before, after):
            instant, flag = table.expected(wall, index)
            where = f"{table.name} {kind} at {when:%Y-%m-%d %H:%M}Z, wall {wall:%Y-%m-%d %H:%M}"
            text = f"The vote closed at {clock_words(wall)} on {date_words(wall.date())}."
            yield text, wall.date().isoformat(), table.name, instant, flag, where
            place = names.get(table.name)
            if place:
                text = f"The vote closed at {clock_words(wall)} {place} time on {date_words(wall.date())}."
                yield text, wall.date().isoformat(), None, instant, flag, where + f" ({place} time)"


def check_case(text, reference, tz, instant, flag) -> str | None:
    """None if the first clock mention is the expected instant with the right DST flag."""
    found = timeline.find_times(text, reference=reference, tz=tz)
    clock = [m for m in found if m.grain == "minute"]
    if not clock:
        return f"no clock time found in {[m.text for m in found]}"
    m = clock[0]
    if m.start is None:
        return f"unresolved: {m.unresolved}"
    got_flags = {f for f in m.flags if f in ("dst-gap", "dst-ambiguous")}
    want_flags = {flag} if flag else set()
    if m.start != instant or got_flags != want_flags:
        return (f"got {m.start.isoformat()} {sorted(got_flags)}, expected "
                f"{instant.isoformat()} {sorted(want_flags)}")
    return None


# ------------------------------------------------------------ US / Europe out of step ---------
US = (("America/New_York", "ET"), ("America/Los_Angeles", "PT"), ("America/Chicago", "CT"))
EUROPE = (("Europe/Paris", "Paris time"), ("Europe/London", "London time"), ("Europe/Berlin", "Berlin time"))


def _utc_gap_hours(us: str, eu: str, day: date) -> float:
    noon = datetime(day.year, day.month, day.day, 12)
    return ((pytz.timezone(eu).utcoffset(noon) - pytz.timezone(us).utcoffset(noon)).total_seconds() / 3600)


def out_of_step_days(us: str, eu: str, years) -> list[date]:
    """Days in spring and autumn when the pair's difference is not its winter one, plus the
    in-step day on each side of every such run."""
    days = []
    for year in years:
        winter = _utc_gap_hours(us, eu, date(year, 1, 15))
        summer = _utc_gap_hours(us, eu, date(year, 7, 15))
        for start in (date(year, 3, 1), date(year, 9, 15)):
            span = [start + timedelta(days=i) for i in range(75)]
            odd = [d for d in span if _utc_gap_hours(us, eu, d) not in (winter, summer)]
            if odd:
                days += [odd[0] - timedelta(days=1)] + odd + [odd[-1] + timedelta(days=1)]
    return days


def conversion_cases(years=range(1990, LAST_YEAR + 1)):
    """(text, reference, tz, expected instant or None, want_conflict, description)."""
    for us, us_label in US:
        for eu, eu_label in EUROPE:
            for day in out_of_step_days(us, eu, years):
                for hour in (9, 11):
                    wall = pytz.timezone(us).localize(datetime(day.year, day.month, day.day, hour))
                    instant = wall.astimezone(UTC)
                    eu_wall = instant.astimezone(pytz.timezone(eu)).replace(tzinfo=None)
                    wrong = eu_wall + timedelta(hours=1)
                    say = f"On {date_words(day)}, the vote closed at"
                    ref = day.isoformat()
                    where = f"{us_label}/{eu_label} {day} {hour}:00"
                    yield (f"{say} {clock_words(wall)} {us_label} ({clock_words(eu_wall)} {eu_label}).",
                           ref, None, instant, False, where)
                    yield (f"{say} {clock_words(eu_wall)} {eu_label} ({clock_words(wall)} {us_label}).",
                           ref, None, instant, False, where + " reversed")
                    yield (f"{say} {clock_words(wall)} ({clock_words(eu_wall)} {eu_label}).",
                           ref, us, instant, False, where + " bare side")
                    yield (f"{say} {clock_words(wall)} {us_label} ({clock_words(wrong)} {eu_label}).",
                           ref, None, None, True, where + " one hour off")


def check_conversion(text, reference, tz, instant, want_conflict) -> str | None:
    found = [m for m in timeline.find_times(text, reference=reference, tz=tz) if m.grain == "minute"]
    if len(found) != 2:
        return f"expected two clock mentions, got {[m.text for m in found]}"
    conflict = ["conversion-conflict" in m.flags for m in found]
    if want_conflict:
        return None if all(conflict) else f"no conversion-conflict flagged: {[m.flags for m in found]}"
    if any(conflict):
        return f"conversion-conflict flagged on a correct pair: {[m.start.isoformat() for m in found]}"
    starts = [m.start for m in found]
    if starts != [instant, instant]:
        return f"got {[s.isoformat() if s else None for s in starts]}, expected {instant.isoformat()}"
    return None


def run(cases, check, show: int, label: str) -> tuple[int, int]:
    checked = failed = 0
    began = time.perf_counter()
    for text, reference, tz, expected, extra, where in cases:
        checked += 1
        try:
            problem = check(text, reference, tz, expected, extra)
        except Exception as exc:  # a crash is a failure too  # noqa: BLE001
            problem = f"raised {type(exc).__name__}: {exc}"
        if problem:
            failed += 1
            if failed <= show:
                print(f"  FAIL {where}: {text!r} tz={tz}: {problem}")
    print(f"{label}: {checked:,} cases, {failed:,} failures ({time.perf_counter() - began:.0f} s)", flush=True)
    return checked, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", nargs="*", help="only these zones (default: pytz.all_timezones)")
    parser.add_argument("--sample", type=int, help="check a random sample of this many transitions")
    parser.add_argument("--show", type=int, default=30, help="print at most this many failures per part")
    parser.add_argument("--skip-conversions", action="store_true")
    args = parser.parse_args(argv)
    zone_names = args.zones or list(pytz.all_timezones)
    total = run(sweep_cases(zone_names, args.sample), check_case, args.show,
                f"DST transitions {FIRST_YEAR}-{LAST_YEAR} in {len(zone_names)} zones")
    if not args.skip_conversions:
        conv = run(conversion_cases(), check_conversion, args.show, "US/Europe out-of-step conversions")
        total = (total[0] + conv[0], total[1] + conv[1])
    print(f"total: {total[0]:,} cases, {total[1]:,} failures")
    return 1 if total[1] else 0


if __name__ == "__main__":
    sys.exit(main())
