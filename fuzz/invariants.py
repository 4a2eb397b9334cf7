"""The invariants every output of ``timeline.extract`` keeps, checked in one place.

Used by the fuzz target (``fuzz/fuzz_extract.py``) and the property tests
(``tests/test_properties.py``). Each check raises ``AssertionError`` naming what broke.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

from timeline import Timeline


def check_mentions(text: str, mentions) -> None:
    """Spans inside the text, ``text[start:end] == mention.text``, text order, no overlap."""
    previous_end = 0
    for m in mentions:
        start, end = m.span
        assert 0 <= start < end <= len(text), f"span {m.span} outside text of length {len(text)}"
        assert text[start:end] == m.text, f"span {m.span} reads {text[start:end]!r}, mention says {m.text!r}"
        assert start >= previous_end, f"mention {m.text!r} at {m.span} overlaps the one ending at {previous_end}"
        previous_end = end
        if m.start is not None and m.end is not None:
            assert m.start <= m.end, f"{m.text!r}: end {m.end} before start {m.start}"



def sort_keys(events) -> dict[str, tuple]:
    """README "Anchoring and order", restated: an event sorts by its start, else its earliest
    bound, else (a clock time it lasts until) its latest bound, else right after its anchor,
    else after the event before it in the text; an event dated by one whole day sorts right
    after the last clock time on that day an event is dated by (its start, else its latest);
    events with no key at all come first; ties keep text order. Returns id -> comparable key."""
    in_text = sorted(events, key=lambda e: _position_of(e.id))
    keys: dict[str, datetime | None] = {}
    previous = None
    for event in in_text:
        time = event.time
        clock = time is not None and re.match(r".*T\d", time.value or "")
        key = None if time is None else (time.start or time.earliest or (time.latest if clock else None))
        if key is None and time is not None and time.anchor in keys:
            key = keys[time.anchor]
        if key is None:
            key = previous
        keys[event.id] = key
        previous = key
    clock_times = [e.time.start or e.time.latest for e in events
                   if e.time is not None and (e.time.start or e.time.latest) is not None
                   and re.match(r".*T\d", e.time.value or "")]
    result = {}
    for event in in_text:
        key, time = keys[event.id], event.time
        if key is None:
            result[event.id] = (0, 0.0, False, _position_of(event.id))
            continue
        one_day = (time is not None and time.start is not None and time.end is not None
                   and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time.value or "")
                   and time.end - time.start <= timedelta(hours=25))
        on_it = [t for t in clock_times if one_day and key <= t < time.end]
        result[event.id] = ((1, max(on_it).timestamp(), True) if on_it else (1, key.timestamp(), False)) \
            + (_position_of(event.id),)
    return result


def _position_of(event_id: str) -> int:
    return int(event_id[1:])


def check_events(text: str, tl: Timeline) -> None:
    """Event spans inside the text, mention indexes valid, events in the documented order."""
    ids = [e.id for e in tl.events]
    assert len(set(ids)) == len(ids), f"duplicate event ids {ids}"
    for e in tl.events:
        start, end = e.span
        assert 0 <= start <= end <= len(text), f"event {e.id} span {e.span} outside text"
        assert text[start:end] == e.sentence, f"event {e.id} sentence does not match its span"
        if e.trigger_span is not None:
            ts, te = e.trigger_span
            assert start <= ts <= te <= end, f"event {e.id} trigger {e.trigger_span} outside its sentence {e.span}"
            assert text[ts:te] == e.trigger, f"event {e.id} trigger {e.trigger!r} != {text[ts:te]!r}"
        for index in e.mentions:
            assert 0 <= index < len(tl.mentions), f"event {e.id} points to mention {index} of {len(tl.mentions)}"
        if e.time is not None and e.time.span is not None:
            ts, te = e.time.span
            assert text[ts:te] == e.time.text, f"event {e.id} time span does not match its text"
        if e.time is not None and e.time.anchor is not None:
            assert e.time.anchor in ids, f"event {e.id} anchored to unknown {e.time.anchor}"
    keys = sort_keys(tl.events)
    order = [keys[e.id] for e in tl.events]
    assert order == sorted(order), f"events not in time order: {[(e.id, keys[e.id]) for e in tl.events]}"


def check_round_trip(tl: Timeline, schema: dict | None = None) -> None:
    """dict and JSON round trips are exact; the JSON validates against the schema if given."""
    data = tl.to_dict()
    assert Timeline.from_dict(data) == tl, "Timeline.from_dict(tl.to_dict()) != tl"
    dumped = tl.to_json()
    assert Timeline.from_json(dumped) == tl, "Timeline.from_json(tl.to_json()) != tl"
    if schema is not None:
        import jsonschema

        jsonschema.validate(json.loads(dumped), schema)


def check_timeml(tl: Timeline) -> None:
    """to_timeml() is well-formed XML whose <TEXT> gives back the text, or a ValueError when
    the text holds characters XML 1.0 cannot represent (the documented refusal)."""
    import re
    import xml.etree.ElementTree as ET

    try:
        xml = tl.to_timeml()
    except ValueError:
        assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", tl.text), \
            "to_timeml refused a text XML can represent"
        return
    root = ET.fromstring(xml.encode("utf-8"))
    body = root.find("TEXT")
    assert body is not None and "".join(body.itertext()) == tl.text, "TimeML <TEXT> is not the input"


def check_all(text: str, tl: Timeline, found=None, schema: dict | None = None) -> None:
    """Everything above; ``found`` (find_times on the same arguments) must equal tl.mentions."""
    assert tl.text == text, "Timeline.text is not the input"
    check_mentions(text, tl.mentions)
    check_events(text, tl)
    check_round_trip(tl, schema)
    check_timeml(tl)
    if found is not None:
        assert list(found) == list(tl.mentions), "find_times and extract(...).mentions differ"
