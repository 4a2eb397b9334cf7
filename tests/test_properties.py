"""Properties of extract/find_times over arbitrary Unicode and generated news-like text.

Invariants (fuzz/invariants.py, shared with the fuzz target): no exception; every mention's
span reads back its text; spans inside the text, in text order, non-overlapping; events in the
documented order (README "Anchoring and order"); exact dict/JSON round trip; JSON valid
against the shipped schema; find_times == extract(...).mentions; the same input gives the same
output, also from 8 threads at once.

Example counts: profile "ci" (default, small); TIMELINE_HYPOTHESIS_PROFILE=thorough for a long run.
"""
from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import timeline
from timeline import Event, TimeValue

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from invariants import check_all, sort_keys  # noqa: E402

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("TIMELINE_HYPOTHESIS_PROFILE", "ci"))

# ------------------------------------------------------------ news-like sentences ---------
HOURS = st.integers(1, 12)
MINUTES = st.integers(0, 59)
MONTHS = ["January", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
          "October", "Nov.", "December"]
ZONES = ["ET", "EDT", "EST", "PT", "CET", "CEST", "BST", "GMT", "UTC", "JST", "IST", "MSK",
         "AEDT", "Paris time", "Moscow time", "Tokyo time", "London time", "local time",
         "Eastern", "Pacific", "GMT+2", "UTC+05:30", "UTC-3", "Europe/Berlin", "America/Chicago"]
FILLER = ["the", "officials said", "police", "and", "the vote", "reported", "on", "in Kyiv",
          "markets", "closed", "opened", ",", ";", "was", "launched", "then", "a spokesman",
          "around", "later", "before", "after", "the storm", "hit", "Washington", "again"]


@st.composite
def clock(draw):
    h, m = draw(HOURS), draw(MINUTES)
    style = draw(st.sampled_from(["ampm", "ampm-short", "24h", "wire", "word"]))
    if style == "ampm":
        return f"{h}:{m:02d} {draw(st.sampled_from(['a.m.', 'p.m.']))}"
    if style == "ampm-short":
        return f"{h} {draw(st.sampled_from(['a.m.', 'p.m.', 'am', 'pm']))}"
    if style == "24h":
        return f"{draw(st.integers(0, 23)):02d}:{m:02d}"
    if style == "wire":
        return f"{draw(st.integers(0, 23)):02d}{m:02d} GMT"
    return draw(st.sampled_from(["noon", "midnight", "tonight", "this morning"]))


@st.composite
def zoned_clock(draw):
    time = draw(clock())
    if draw(st.booleans()):
        time += " " + draw(st.sampled_from(ZONES))
    if draw(st.integers(0, 3)) == 0:  # a conversion in parentheses, after a slash or "or"
        left, right = draw(st.sampled_from([(" (", ")"), (" / ", ""), (" or ", "")]))
        time += f"{left}{draw(clock())} {draw(st.sampled_from(ZONES))}{right}"
    return time


@st.composite
def a_date(draw):
    day, month, year = draw(st.integers(1, 31)), draw(st.sampled_from(MONTHS)), draw(st.integers(1890, 2040))
    form = draw(st.integers(0, 5))
    return [f"{month} {day}, {year}", f"{day} {month} {year}", f"{month} {day}",
            f"{year}-{draw(st.integers(1, 12)):02d}-{day:02d}",
            draw(st.sampled_from(["Monday", "on Tuesday", "yesterday", "tomorrow", "last week",
                                  "next month", "the 1990s", "Q3 2024", "fiscal 2023", "summer 2019"])),
            f"{year}-{draw(st.integers(1, 12)):02d}-{day:02d}T{draw(st.integers(0, 23)):02d}:"
            f"{draw(MINUTES):02d}{draw(st.sampled_from(['Z', '+02:00', '-05:30', '']))}"][form]


@st.composite
def duration_or_relative(draw):
    n = draw(st.sampled_from(["21", "two", "a few", "several", "half an", "about 30", "1.5", "twenty-one",
                              "3000", "9000", "99999999", "999999999999999999999"]))
    unit = draw(st.sampled_from(["minutes", "hours", "days", "weeks", "months", "years", "hour", "seconds"]))
    return draw(st.sampled_from([f"for {n} {unit}", f"after {n} {unit}", f"within {n} {unit}",
                                 f"{n} {unit} later", f"{n} {unit} ago", f"in {n} {unit}",
                                 "shortly before", "every Monday", "since 2019", "now",
                                 f"from {draw(clock())} to {draw(clock())}"]))


PIECES = st.one_of(zoned_clock(), a_date(), duration_or_relative(), st.sampled_from(FILLER),
                   st.sampled_from(["at", "on", "by", "(", ")", ".", "and then", "—"]))


@st.composite
def news_text(draw):
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(PIECES, min_size=1, max_size=12))
        sentences.append(" ".join(words).capitalize() + draw(st.sampled_from([".", ".", "!", "?", ""])))
    return draw(st.sampled_from([" ", "\n", "\n\n"])).join(sentences)


READ_WITH = st.sampled_from([
    ("2023-05-24", "America/New_York"), ("2024-03-10", "America/New_York"),
    ("2024-10-27T01:30", "Europe/London"), ("2024-11-03T01:30:00-04:00", None), (None, None),
    ("2021-04-04", "Australia/Sydney"), ("2019-06-05", "Asia/Kolkata"), ("2010-01-01", "EST"),
    ("0001-01-02", "America/New_York"), ("9999-12-30", "Pacific/Kiritimati"),  # calendar's edges
])


def _check(text, reference, tz, schema):
    tl = timeline.extract(text, reference=reference, tz=tz)
    found = timeline.find_times(text, reference=reference, tz=tz)
    check_all(text, tl, found, schema)
    return tl


@given(text=st.text(max_size=300), read=READ_WITH)
def test_arbitrary_unicode_keeps_every_invariant(text, read, schema):
    _check(text, *read, schema)


@given(text=news_text(), read=READ_WITH)
def test_generated_news_keeps_every_invariant(text, read, schema):
    _check(text, *read, schema)


@given(text=news_text(), read=READ_WITH)
def test_same_input_same_output(text, read):
    reference, tz = read
    first = timeline.extract(text, reference=reference, tz=tz)
    assert timeline.extract(text, reference=reference, tz=tz) == first
    assert timeline.extract(text, reference=reference, tz=tz).to_json() == first.to_json()


def test_threads_give_the_single_threaded_results():
    inputs = _shared_inputs()
    alone = [timeline.extract(t, reference=r, tz=z).to_json() for t, r, z in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            together = list(pool.map(lambda args: timeline.extract(args[0], reference=args[1],
                                                                   tz=args[2]).to_json(), inputs * 8))
            assert together == alone * 8


def _shared_inputs():
    """Fixed, varied inputs: generated news sentences from a fixed seed, plus a long article."""
    import random

    rng = random.Random(5)
    pieces = ["at 5:55 p.m. (11:55 p.m. Paris time)", "on March 10, 2024", "21 minutes later",
              "for two hours", "and then", "GMT+2 10:30", "shortly before 7 p.m. ET", "Tuesday",
              "the vote closed", "police said", "after a few minutes", "9 a.m. ET / 3 p.m. CET",
              "2:30 a.m. local time in New York", "1:30 a.m. on Nov. 3, 2024", "every Monday"]
    settings_ = [("2023-05-24", "America/New_York"), ("2024-11-03", "America/New_York"),
                 (None, None), ("2024-03-31", "Europe/Paris")]
    inputs = []
    for i in range(24):
        text = ". ".join(" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 9))).capitalize()
                         for _ in range(rng.randint(1, 5))) + "."
        inputs.append((text,) + settings_[i % len(settings_)])
    article = (Path(__file__).resolve().parents[1] / "examples" / "desantis-twitter-spaces.txt").read_text()
    inputs.append((article, "2023-05-24", "America/New_York"))
    return inputs


def test_sort_key_restates_the_readme_rule():
    """The checker's sort key is the documented one: start, else earliest, else after the anchor,
    else after the previous event in text; keyless events first; ties in text order."""
    text = ("At 6 p.m. the servers failed. Then engineers worked for an hour. "
            "At 5 p.m. the event was announced. After 21 minutes Musk stopped the stream.")
    tl = timeline.extract(text, reference="2023-05-24", tz="America/New_York")
    keys = sort_keys(tl.events)
    by_trigger = {e.trigger: keys[e.id] for e in tl.events}
    assert by_trigger["announced"] < by_trigger["stopped"] < by_trigger["failed"] < by_trigger["worked"]
    assert by_trigger["worked"][:2] == by_trigger["failed"][:2]   # right after its anchor
    assert [e.trigger for e in tl.events] == ["announced", "stopped", "failed", "worked"]


def test_sort_key_of_events_without_a_time():
    def event(n, start=None, earliest=None, anchor=None, timed=True):
        time = TimeValue(text=None, span=None, type=None, value=None, start=start,
                         earliest=earliest, anchor=anchor) if timed else None
        return Event(id=f"e{n}", description="", trigger=None, trigger_span=None, sentence="",
                     span=(0, 0), time=time)

    ten = datetime(2024, 1, 1, 10, tzinfo=timezone.utc)
    events = [event(1, timed=False), event(2, start=ten + timedelta(hours=1)), event(3, anchor="e2"),
              event(4), event(5, earliest=ten), event(6, anchor="e9")]
    keys = sort_keys(events)
    assert keys["e1"] == (0, 0.0, False, 1)                           # no key: first
    assert keys["e3"][:2] == keys["e2"][:2] and keys["e3"] > keys["e2"]   # after its anchor
    assert keys["e4"][:2] == keys["e3"][:2]                           # after the previous one
    assert keys["e6"][:2] == keys["e5"][:2] == (1, ten.timestamp())   # unknown anchor: previous
    assert sorted(keys, key=keys.get) == ["e1", "e5", "e6", "e2", "e3", "e4"]
