"""TimeML reading and writing, TempEval-3 scoring, and a benchmark smoke run."""
from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.timeml import (
    AnchorPair, GoldEvent, GoldTimex, GoldTlink, TimeMLDocument, align_anchors,
    gold_anchor_pairs, match_timexes, predicted_anchor_pairs, read_timeml, score_anchoring,
    score_timexes, to_timeml,
)

REPO = Path(__file__).resolve().parents[1]
TIMEBANK = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"
needs_corpus = pytest.mark.skipif(
    not TIMEBANK.is_dir(), reason=f"TempEval-3 corpus not found at {TIMEBANK}")


# --------------------------------------------------------------------------- reading

@needs_corpus
def test_every_timebank_tag_has_exact_offsets() -> None:
    paths = sorted(TIMEBANK.glob("*.tml"))
    assert len(paths) == 183
    timexes = 0
    for path in paths:
        doc = read_timeml(path)
        assert doc.dct, path.name
        for tag in doc.timexes + doc.events:
            assert doc.text[tag.span[0]:tag.span[1]] == tag.text, (path.name, tag)
        timexes += len(doc.timexes)
    assert timexes == 1243  # the published TimeBank count


TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">January 8, 1998</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">sold</EVENT> it <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &lt;p&gt;
<TIMEX3 tid="t2" type="DURATION" value="P2W">Two weeks</TIMEX3> later it <EVENT eid="e2" class="OCCURRENCE">fell</EVENT>.
</TEXT>
<MAKEINSTANCE eiid="ei10" eventID="e1" />
<MAKEINSTANCE eiid="ei11" eventID="e2" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei10" relatedToTime="t1" />
<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei10" relatedToEventInstance="ei11" />
<TLINK lid="l3" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei11" />
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei10" relatedToTime="t0" />
</TimeML>
"""
TINY_TEXT = "\nAT&T sold it yesterday <p>\nTwo weeks later it fell.\n"


def test_read_tiny_document() -> None:
    doc = read_timeml(TINY)
    assert doc.docid == "tiny"
    assert doc.dct == "1998-01-08"
    assert doc.text == TINY_TEXT
    assert doc.timexes == (
        GoldTimex("t1", (14, 23), "yesterday", "DATE", "1998-01-07"),
        GoldTimex("t2", (28, 37), "Two weeks", "DURATION", "P2W"),
    )
    assert doc.events == (GoldEvent("e1", (6, 10), "sold", "OCCURRENCE"),
                          GoldEvent("e2", (47, 51), "fell", "OCCURRENCE"))
    assert doc.tlinks == (
        GoldTlink("l1", "IS_INCLUDED", "e1", "t1"),
        GoldTlink("l2", "BEFORE", "e1", "e2"),
        GoldTlink("l3", "INCLUDES", "t2", "e2"),
        GoldTlink("l4", "IS_INCLUDED", "e1", "t0"),
    )


def test_read_from_path_names_document_after_file(tmp_path: Path) -> None:
    path = tmp_path / "story.tml"
    path.write_text(TINY.replace("<DOCID>tiny</DOCID>", ""), encoding="utf-8")
    assert read_timeml(path).docid == "story"


# --------------------------------------------------------------------------- writing

def _find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _timeline_dict() -> dict[str, Any]:
    text = "On Monday, AT&T said <sales> rose.\r\nTwo hours later shares fell at 5 p.m."
    monday, hours, five = (_find(text, "Monday"), _find(text, "Two hours"),
                           _find(text, "at 5 p.m."))

    def mention(span: tuple[int, int], type_: str, value: str) -> dict[str, Any]:
        return {"text": text[span[0]:span[1]], "span": list(span), "type": type_,
                "value": value, "start": None, "end": None, "timezone": None,
                "approximate": False}

    def time(span: tuple[int, int] | None, type_: str | None, start: str | None = None,
             end: str | None = None, anchor: str | None = None) -> dict[str, Any]:
        return {"text": None, "span": None if span is None else list(span), "type": type_,
                "value": None, "start": start, "end": end, "earliest": None,
                "latest": None, "approximate": False, "anchor": anchor, "timezone": None}

    def event(number: int, trigger: tuple[int, int] | None, event_time: dict[str, Any] | None,
              mentions: list[int]) -> dict[str, Any]:
        return {"id": f"e{number}", "description": "", "trigger": None,
                "trigger_span": None if trigger is None else list(trigger), "sentence": "",
                "span": [0, len(text)], "time": event_time, "mentions": mentions}

    return {
        "text": text, "reference": "2024-03-04T09:30:00-05:00", "timezone": "America/New_York",
        "mentions": [mention(monday, "DATE", "2024-03-04"), mention(hours, "DURATION", "PT2H"),
                     mention(five, "TIME", "2024-03-04T17:00")],
        "events": [
            event(1, _find(text, "said"), time(monday, "DATE", "2024-03-04T00:00:00-05:00",
                                    "2024-03-05T00:00:00-05:00"), [0]),           # said
            event(2, _find(text, "rose"), time(None, "DURATION", anchor="e1"), [1]),         # rose
            event(3, _find(text, "fell"), time(five, "TIME", "2024-03-04T17:00:00-05:00",
                                    "2024-03-04T17:00:00-05:00"), [2]),           # fell
            event(4, _find(text, "nda"), time(monday, "DATE"), [0]),        # trigger inside "Monday"
            event(5, None, None, []),
        ],
    }


def test_to_timeml_is_well_formed_and_gives_back_the_text() -> None:
    timeline = _timeline_dict()
    xml = to_timeml(timeline, docid="news-1")
    ET.fromstring(xml)  # well formed
    doc = read_timeml(xml)
    assert doc.text == timeline["text"]
    assert doc.docid == "news-1"
    assert doc.dct == "2024-03-04T09:30"
    assert [(t.tid, t.span, t.type, t.value) for t in doc.timexes] == [
        (f"t{index + 1}", tuple(m["span"]), m["type"], m["value"])
        for index, m in enumerate(timeline["mentions"])]
    assert [(e.eid, e.text) for e in doc.events] == [("e1", "said"), ("e2", "rose"), ("e3", "fell")]


def test_to_timeml_links_each_dated_event() -> None:
    doc = read_timeml(to_timeml(_timeline_dict()))
    assert [(link.rel, link.source, link.target) for link in doc.tlinks] == [
        ("IS_INCLUDED", "e1", "t1"),
        ("AFTER", "e2", "e1"),
        ("SIMULTANEOUS", "e3", "t3"),
    ]


def test_to_timeml_relations_by_time_type() -> None:
    timeline = _timeline_dict()
    rose = timeline["events"][1]
    rose["time"].update(span=timeline["mentions"][1]["span"], anchor=None)
    assert read_timeml(to_timeml(timeline)).tlinks[1].rel == "DURING"
    rose["mentions"] = [1, 0]
    assert read_timeml(to_timeml(timeline)).tlinks[1].rel == "SIMULTANEOUS"
    fell = timeline["events"][2]["time"]
    fell["end"] = "2024-03-04T17:01:00-05:00"  # the half-open minute of "at 5 p.m."
    assert read_timeml(to_timeml(timeline)).tlinks[2].rel == "SIMULTANEOUS"
    fell["end"] = "2024-03-04T18:00:00-05:00"
    assert read_timeml(to_timeml(timeline)).tlinks[2].rel == "IS_INCLUDED"


def test_to_timeml_without_reference_or_tags() -> None:
    timeline: dict[str, Any] = {"text": "a < b & c", "reference": None, "timezone": None,
                "mentions": [], "events": []}
    doc = read_timeml(to_timeml(timeline))
    assert (doc.text, doc.dct, doc.timexes, doc.tlinks) == ("a < b & c", "", (), ())


def test_to_timeml_refuses_text_xml_cannot_carry() -> None:
    with pytest.raises(ValueError, match="XML 1.0"):
        to_timeml({"text": "page\x0cbreak", "reference": None, "mentions": [], "events": []})


@st.composite
def _random_timelines(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(st.text(alphabet="ab &<>\"'\r\n\t\u00e9", max_size=40))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    mention_spans = draw(st.lists(spans, max_size=6))
    trigger_spans = draw(st.lists(spans, max_size=6))
    mentions = [{"span": span, "type": "DATE", "value": "2024-01-01"} for span in mention_spans]
    events = [{"id": f"e{number}", "trigger_span": span, "mentions": list(range(len(mentions))),
               "time": {"span": span, "type": "DATE", "start": None, "end": None,
                        "anchor": "e1"}}
              for number, span in enumerate(trigger_spans, start=1)]
    return {"text": text, "reference": "2024-01-01", "mentions": mentions, "events": events}


@given(_random_timelines())
def test_to_timeml_round_trips_any_text_and_spans(timeline: dict[str, Any]) -> None:
    xml = to_timeml(timeline)
    ET.fromstring(xml)
    doc = read_timeml(xml)
    assert doc.text == timeline["text"]
    assert {t.span for t in doc.timexes} <= {tuple(m["span"]) for m in timeline["mentions"]}
    assert {e.span for e in doc.events} <= {tuple(e["trigger_span"]) for e in timeline["events"]}


# --------------------------------------------------------------------------- scoring

def _timex(span: tuple[int, int], type_: str = "DATE", value: str = "X") -> GoldTimex:
    return GoldTimex("t", span, "", type_, value)


def _gold_document(timexes: tuple[GoldTimex, ...], events: tuple[GoldEvent, ...] = (),
                   tlinks: tuple[GoldTlink, ...] = ()) -> TimeMLDocument:
    return TimeMLDocument("d", "2024-01-01", " " * 100, timexes, events, tlinks)


def test_score_timexes_hand_computed() -> None:
    gold = _gold_document((
        _timex((0, 6), "DATE", "2024-01-01"),
        _timex((10, 20), "DATE", "2024-01-02"),
        _timex((30, 35), "DURATION", "P1D"),
        _timex((40, 45), "TIME", "2024-01-01T10:00"),   # missed
    ))
    predicted = [
        _timex((0, 6), "DATE", "2024-01-01"),            # strict, all right
        _timex((12, 20), "DATE", "2024-01-03"),          # relaxed only, wrong value
        _timex((30, 35), "DATE", "P2D"),                 # strict, wrong type and value
        _timex((50, 55)),                                # false positive
        _timex((60, 65)),                                # false positive
    ]
    scores = score_timexes([gold], [predicted])
    assert (scores.gold, scores.predicted, scores.strict_matches, scores.relaxed_matches,
            scores.type_correct, scores.value_correct) == (4, 5, 2, 3, 2, 1)
    assert scores.strict.precision == pytest.approx(2 / 5)
    assert scores.strict.recall == pytest.approx(2 / 4)
    assert scores.strict.f1 == pytest.approx(4 / 9)
    assert scores.relaxed.precision == pytest.approx(3 / 5)
    assert scores.relaxed.recall == pytest.approx(3 / 4)
    assert scores.relaxed.f1 == pytest.approx(2 / 3)
    assert scores.type_f1 == pytest.approx(2 / 3 * 2 / 3)
    assert scores.value_f1 == pytest.approx(1 / 3 * 2 / 3)


def test_scores_add_up_over_documents_and_survive_empty_input() -> None:
    one = _gold_document((_timex((0, 5)),))
    scores = score_timexes([one, one], [[_timex((0, 5))], []])
    assert (scores.documents, scores.gold, scores.predicted, scores.relaxed_matches) == (2, 2, 1, 1)
    assert scores.relaxed.recall == 0.5
    empty = score_timexes([], [])
    assert (empty.strict.f1, empty.type_f1) == (0.0, 0.0)
    with pytest.raises(ValueError):
        score_timexes([one], [])


def test_matching_is_one_to_one_and_prefers_identical_extents() -> None:
    wide, inner = _timex((0, 10)), _timex((5, 8))
    alignment = match_timexes([wide, inner], [_timex((5, 8)), _timex((0, 4))])
    assert [(gold.span, tuple(ours.span)) for gold, ours in alignment.matches] == [
        ((0, 10), (0, 4)), ((5, 8), (5, 8))]
    alignment = match_timexes([_timex((0, 3)), _timex((4, 8))], [_timex((0, 8))])
    assert len(alignment.matches) == 1 and len(alignment.missed) == 1
    assert match_timexes([_timex((0, 3))], [_timex((3, 6))]).spurious  # touching is no overlap


def test_event_anchoring_hand_computed() -> None:
    events = (GoldEvent("e1", (0, 4), "sold", "OCCURRENCE"),
              GoldEvent("e2", (20, 24), "fell", "OCCURRENCE"))
    timexes = (GoldTimex("t1", (10, 15), "", "DATE", ""), GoldTimex("t2", (30, 35), "", "DATE", ""))
    tlinks = (GoldTlink("l1", "IS_INCLUDED", "e1", "t1"),
              GoldTlink("l2", "INCLUDES", "t2", "e2"),
              GoldTlink("l3", "BEFORE", "e1", "t2"),       # not an anchoring relation
              GoldTlink("l4", "IS_INCLUDED", "e2", "t0"))  # creation time: not in the text
    doc = _gold_document(timexes, events, tlinks)
    assert gold_anchor_pairs(doc) == (AnchorPair((0, 4), (10, 15)), AnchorPair((20, 24), (30, 35)))

    mentions = [SimpleNamespace(span=(11, 15)), SimpleNamespace(span=(30, 35)),
                SimpleNamespace(span=(50, 55))]
    ours = SimpleNamespace(mentions=mentions, events=[
        SimpleNamespace(trigger_span=(0, 4), mentions=(0, 1)),   # right, wrong
        SimpleNamespace(trigger_span=(60, 64), mentions=(1,)),   # no gold event: not judged
        SimpleNamespace(trigger_span=(20, 24), mentions=(2,)),   # no gold timex: not judged
        SimpleNamespace(trigger_span=None, mentions=(1,)),
    ])
    pairs = predicted_anchor_pairs(ours)
    assert len(pairs) == 4
    alignment = align_anchors(doc, pairs)
    assert alignment.correct == (AnchorPair((0, 4), (11, 15)),)
    assert alignment.wrong == (AnchorPair((0, 4), (30, 35)),)
    assert alignment.missed == (AnchorPair((20, 24), (30, 35)),)
    scores = score_anchoring([doc], [pairs])
    assert (scores.gold, scores.found, scores.judged, scores.correct) == (2, 1, 2, 1)
    assert (scores.prf.precision, scores.prf.recall) == (0.5, 0.5)


# --------------------------------------------------------------------------- benchmark

def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tempeval3", REPO / "benchmarks" / "tempeval3.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_corpus
def test_benchmark_runs_on_three_documents(capsys: pytest.CaptureFixture[str]) -> None:
    benchmark = _load_benchmark()
    assert benchmark.main(["--sample", "3", "--errors", str(TIMEBANK)]) == 0
    output = capsys.readouterr().out
    assert "3 documents" in output
    for label in ("strict", "relaxed", "type F1", "value F1", "anchoring", "chars/s", "== missed"):
        assert label in output


def test_an_event_that_lasts_until_a_time_is_ended_by_it() -> None:
    tl = timeline.extract("The road stayed closed until 5 p.m.", reference="2024-03-04", tz="UTC")
    (event,) = tl
    assert (event.time.start, event.time.end.isoformat()) == (None, "2024-03-04T17:00:00+00:00")
    assert [link.rel for link in read_timeml(tl.to_timeml()).tlinks] == ["ENDED_BY"]
