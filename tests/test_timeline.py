"""The Timeline object and its JSON contract."""
import json

import jsonschema
import pytest

import timeline
from timeline import Timeline

TEXTS = [
    ("At 5 p.m. (11 p.m. Paris time) the vote closed. After 21 minutes the count stopped, "
     "and then resumed. Results come in two weeks.", "2024-05-24", "America/New_York"),
    ("Tuesday at 3 p.m. the market fell. It rose every Monday in 2019.", "2019-06-05", None),
    ("Nothing happened.", None, None),
]


@pytest.mark.parametrize("text,reference,tz", TEXTS)
def test_json_validates_against_schema_and_round_trips(text, reference, tz, schema):
    tl = timeline.extract(text, reference=reference, tz=tz)
    data = json.loads(tl.to_json())
    jsonschema.validate(data, schema)
    assert Timeline.from_dict(data) == tl
    assert Timeline.from_json(tl.to_json()) == tl


def test_example_json_validates(example_text, schema):
    tl = timeline.extract(example_text, reference="2023-05-24", tz="America/New_York")
    jsonschema.validate(tl.to_dict(), schema)


def test_sequence_protocol_and_repr():
    tl = timeline.extract(*TEXTS[0][:1], reference=TEXTS[0][1], tz=TEXTS[0][2])
    assert len(tl) == len(list(tl)) == len(tl.events)
    assert tl[0] is tl.events[0]
    assert "Timeline(" in repr(tl) and "when" in tl.table()


def test_mentions_are_in_text_order_with_exact_offsets():
    text, reference, tz = TEXTS[0]
    tl = timeline.extract(text, reference=reference, tz=tz)
    spans = [m.span for m in tl.mentions]
    assert spans == sorted(spans)
    assert all(text[s:e] == m.text for m, (s, e) in zip(tl.mentions, spans))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_events_are_in_time_order():
    tl = timeline.extract(*TEXTS[0][:1], reference=TEXTS[0][1], tz=TEXTS[0][2])
    keys = [e.time.start or e.time.earliest for e in tl if e.time and (e.time.start or e.time.earliest)]
    assert keys == sorted(keys)


def test_to_timeml_is_well_formed_xml():
    import xml.dom.minidom
    tl = timeline.extract(*TEXTS[0][:1], reference=TEXTS[0][1], tz=TEXTS[0][2])
    xml.dom.minidom.parseString(tl.to_timeml())
