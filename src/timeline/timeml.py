"""TimeML in and out: read TempEval-3 gold files, write a Timeline as TimeML, score TIMEX3s."""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape, quoteattr

import attrs

__all__ = [
    "AnchorAlignment",
    "AnchorPair",
    "ANCHORING_RELATIONS",
    "AnchoringScores",
    "EventLike",
    "GoldEvent",
    "GoldTimex",
    "GoldTlink",
    "PRF",
    "TimeMLDocument",
    "TimelineLike",
    "TimexAlignment",
    "TimexLike",
    "TimexScores",
    "align_anchors",
    "gold_anchor_pairs",
    "match_timexes",
    "predicted_anchor_pairs",
    "read_timeml",
    "score_anchoring",
    "score_timexes",
    "to_timeml",
]

Span = tuple[int, int]

# Gold TLINK relations that say an event happened at/within/over a time expression.
ANCHORING_RELATIONS = frozenset({
    "IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "DURING_INV",
    "BEGINS", "BEGUN_BY", "ENDS", "ENDED_BY",
})


# --------------------------------------------------------------------------- gold documents

@attrs.frozen
class GoldTimex:
    """A TIMEX3 in the document text; ``text == document.text[span[0]:span[1]]``."""

    tid: str
    span: Span
    text: str
    type: str
    value: str


@attrs.frozen
class GoldEvent:
    """An EVENT in the document text."""

    eid: str
    span: Span
    text: str
    cls: str


@attrs.frozen
class GoldTlink:
    """A TLINK; ``source``/``target`` are event ids (eiids mapped back to eids) or tids."""

    lid: str
    rel: str
    source: str
    target: str


@attrs.frozen
class TimeMLDocument:
    """A TimeML file: its creation time, raw text (tags removed) and annotations."""

    docid: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]
    events: tuple[GoldEvent, ...]
    tlinks: tuple[GoldTlink, ...]


def read_timeml(source: str | os.PathLike[str]) -> TimeMLDocument:
    """Parse a TimeML document given as a path or as the XML string itself.

    ``text`` is the content of ``<TEXT>`` with tags removed and entities decoded;
    every TIMEX3 and EVENT span is a character offset range into it.
    """
    if isinstance(source, str) and source.lstrip().startswith("<"):
        root, fallback_id = ET.fromstring(source), "doc"
    else:
        root, fallback_id = ET.parse(source).getroot(), Path(source).stem
    text_element = _first(root, "TEXT")
    if text_element is None:
        raise ValueError("TimeML document has no <TEXT> element")
    text, tagged = _untag(text_element)
    return TimeMLDocument(
        docid=_element_text(_first(root, "DOCID")) or fallback_id,
        dct=_creation_time(root),
        text=text,
        timexes=tuple(
            GoldTimex(node.get("tid", ""), span, _element_text(node),
                      node.get("type", ""), node.get("value", ""))
            for node, span in tagged if _local(node.tag) == "TIMEX3"
        ),
        events=tuple(
            GoldEvent(node.get("eid", ""), span, _element_text(node), node.get("class", ""))
            for node, span in tagged if _local(node.tag) == "EVENT"
        ),
        tlinks=_tlinks(root),
    )


def _local(tag: str) -> str:
    """Tag name without an XML namespace."""
    return tag.rpartition("}")[2]


def _elements(root: ET.Element, name: str) -> Iterable[ET.Element]:
    return (node for node in root.iter() if _local(node.tag) == name)


def _first(root: ET.Element, name: str) -> ET.Element | None:
    return next(iter(_elements(root, name)), None)


def _element_text(node: ET.Element | None) -> str:
    return "" if node is None else "".join(node.itertext())


def _untag(element: ET.Element) -> tuple[str, list[tuple[ET.Element, Span]]]:
    """The element's text with tags removed, and every descendant with its span, in order."""
    pieces: list[str] = []
    tagged: list[tuple[ET.Element, Span]] = []
    length = 0

    def append(piece: str | None) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            length += len(piece)

    def walk(node: ET.Element) -> None:
        append(node.text)
        for child in node:
            start = length
            walk(child)
            tagged.append((child, (start, length)))
            append(child.tail)

    walk(element)
    tagged.sort(key=lambda item: item[1])
    return "".join(pieces), tagged


def _creation_time(root: ET.Element) -> str:
    """The value of the CREATION_TIME TIMEX3 (inside <DCT>, or anywhere), or ''."""
    dct = _first(root, "DCT")
    timex = _first(dct, "TIMEX3") if dct is not None else None
    if timex is None:
        timex = next((node for node in _elements(root, "TIMEX3")
                      if node.get("functionInDocument") == "CREATION_TIME"), None)
    return "" if timex is None else timex.get("value", "")


def _tlinks(root: ET.Element) -> tuple[GoldTlink, ...]:
    event_of_instance = {node.get("eiid", ""): node.get("eventID", "")
                         for node in _elements(root, "MAKEINSTANCE")}

    def endpoint(link: ET.Element, instance_attribute: str, time_attribute: str) -> str:
        instance = link.get(instance_attribute)
        if instance is not None:
            return event_of_instance.get(instance, instance)
        return link.get(time_attribute, "")

    return tuple(
        GoldTlink(
            lid=link.get("lid", ""),
            rel=link.get("relType", ""),
            source=endpoint(link, "eventInstanceID", "timeID"),
            target=endpoint(link, "relatedToEventInstance", "relatedToTime"),
        )
        for link in _elements(root, "TLINK")
    )


# --------------------------------------------------------------------------- writing TimeML

_TIMEML_OPEN = (
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">'
)
# Characters XML 1.0 cannot carry, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Relation of an event to the TIMEX3 that dates it, by the time's type.
_RELATION_BY_TYPE = {"DATE": "IS_INCLUDED", "TIME": "IS_INCLUDED", "DURATION": "DURING"}


@attrs.frozen
class _Tag:
    """An inline tag to wrap around ``span`` of the text."""

    span: Span
    name: str
    attributes: tuple[tuple[str, str], ...]


def to_timeml(timeline: Mapping[str, Any], *, docid: str = "doc") -> str:
    """A TimeML 1.2.1 document for a Timeline's JSON-ready dict (``Timeline.to_dict()``).

    Every mention becomes a TIMEX3 (tid ``t<index+1>``), every event trigger an EVENT
    (eid = the event id) with a MAKEINSTANCE, and every dated event a TLINK. A mention
    overlapping an earlier one, or a trigger overlapping a mention or another trigger,
    is left untagged so the XML stays well formed; links to untagged items are dropped.
    Removing the tags from <TEXT> gives back ``timeline["text"]`` exactly.

    >>> import timeline
    >>> xml = to_timeml(timeline.extract("At 6 p.m. it failed.", reference="2023-05-24").to_dict())
    >>> '<EVENT eid="e1" class="OCCURRENCE">failed</EVENT>' in xml
    True
    """
    text: str = timeline["text"]
    if _NOT_XML.search(text):
        raise ValueError("text contains characters that XML 1.0 cannot represent")
    mentions: Sequence[Mapping[str, Any]] = timeline.get("mentions") or ()
    events: Sequence[Mapping[str, Any]] = timeline.get("events") or ()

    tids = _place_timexes(mentions, len(text))
    eids = _place_events(events, [mentions[index]["span"] for index in tids], len(text))
    eiids = {event_index: f"ei{number}" for number, event_index in enumerate(eids, start=1)}
    tags = [_timex_tag(mentions[index], tid) for index, tid in tids.items()]
    tags += [_event_tag(events[index], eid) for index, eid in eids.items()]
    instances = [_element("MAKEINSTANCE", {
        "eiid": eiids[index], "eventID": eid, "tense": "NONE", "aspect": "NONE",
        "polarity": "POS", "pos": "UNKNOWN"}) for index, eid in eids.items()]
    links = _time_links(events, mentions, tids, eids, eiids)

    parts = ['<?xml version="1.0" ?>', _TIMEML_OPEN, "",
             _element("DOCID", {}, _escape_text(docid)), ""]
    if timeline.get("reference"):
        parts += [_dct(timeline["reference"]), ""]
    parts += [_element("TEXT", {}, _tagged_text(text, tags)), ""]
    parts += instances + links + ["", "</TimeML>", ""]
    return "\n".join(parts)


def _fits(span: Sequence[int] | None, taken: Iterable[Sequence[int]], length: int) -> bool:
    """A non-empty span inside the text that overlaps none of ``taken``."""
    if span is None:
        return False
    start, end = span
    return 0 <= start < end <= length and not any(_overlap(span, other) for other in taken)


def _place_timexes(mentions: Sequence[Mapping[str, Any]], length: int) -> dict[int, str]:
    """Mention index → tid, for mentions that can be tagged."""
    taken: list[Sequence[int]] = []
    tids: dict[int, str] = {}
    for index, mention in enumerate(mentions):
        if _fits(mention["span"], taken, length):
            taken.append(mention["span"])
            tids[index] = f"t{index + 1}"
    return tids


def _place_events(events: Sequence[Mapping[str, Any]], timex_spans: list[Sequence[int]],
                  length: int) -> dict[int, str]:
    """Event index → eid, for events whose trigger can be tagged."""
    taken = list(timex_spans)
    eids: dict[int, str] = {}
    for index, event in enumerate(events):
        if _fits(event.get("trigger_span"), taken, length):
            taken.append(event["trigger_span"])
            eids[index] = str(event["id"])
    return eids


def _timex_tag(mention: Mapping[str, Any], tid: str) -> _Tag:
    return _Tag(tuple(mention["span"]), "TIMEX3", (
        ("tid", tid), ("type", mention.get("type") or ""), ("value", mention.get("value") or "")))


def _event_tag(event: Mapping[str, Any], eid: str) -> _Tag:
    return _Tag(tuple(event["trigger_span"]), "EVENT", (("eid", eid), ("class", "OCCURRENCE")))


def _time_links(events: Sequence[Mapping[str, Any]], mentions: Sequence[Mapping[str, Any]],
                tids: Mapping[int, str], eids: Mapping[int, str],
                eiids: Mapping[int, str]) -> list[str]:
    """One TLINK per tagged, dated event whose time (or anchor event) is tagged too."""
    eiid_by_eid = {eids[index]: eiid for index, eiid in eiids.items()}
    links: list[str] = []
    for index, eiid in eiids.items():
        event = events[index]
        time = event.get("time")
        if not time:
            continue
        relation = _relation(event)
        if relation == "AFTER":
            target = eiid_by_eid.get(str(time["anchor"]))
            target_attribute = "relatedToEventInstance"
        else:
            target = _dating_tid(event, mentions, tids)
            target_attribute = "relatedToTime"
        if target is not None:
            links.append(_element("TLINK", {
                "lid": f"l{len(links) + 1}", "relType": relation,
                "eventInstanceID": eiid, target_attribute: target}))
    return links


def _relation(event: Mapping[str, Any]) -> str:
    """TLINK relType from a dated event to its time (AFTER: to its anchor event)."""
    time = event["time"]
    if time.get("anchor") and not time.get("start"):
        return "AFTER"
    if time.get("end") and not time.get("start"):  # "closed until 5 p.m.": the time ends it
        return "ENDED_BY"
    dated_to_the_minute = _within_a_minute(time.get("start"), time.get("end"))
    if dated_to_the_minute or len(event.get("mentions") or ()) >= 2:
        return "SIMULTANEOUS"
    return _RELATION_BY_TYPE.get(time.get("type") or "", "IS_INCLUDED")


def _within_a_minute(start: str | None, end: str | None) -> bool:
    """A point in time to the minute: start == end, or the half-open minute [start, end)."""
    if not start or not end:
        return False
    return datetime.fromisoformat(end) - datetime.fromisoformat(start) <= timedelta(minutes=1)


def _dating_tid(event: Mapping[str, Any], mentions: Sequence[Mapping[str, Any]],
                tids: Mapping[int, str]) -> str | None:
    """The tid of the mention the event's time comes from (same span), else of its first
    tagged mention."""
    time_span = event["time"].get("span")
    for index, tid in tids.items():
        if time_span is not None and list(mentions[index]["span"]) == list(time_span):
            return tid
    return next((tids[index] for index in event.get("mentions") or () if index in tids), None)


def _dct(reference: str) -> str:
    moment = datetime.fromisoformat(reference)
    has_time = "T" in reference or " " in reference.strip()
    if not has_time:
        value, kind = moment.date().isoformat(), "DATE"
    else:
        precision = "seconds" if moment.second else "minutes"
        value = moment.replace(tzinfo=None).isoformat(timespec=precision)
        kind = "TIME"
    timex = _element("TIMEX3", {"tid": "t0", "type": kind, "value": value,
                                "temporalFunction": "false",
                                "functionInDocument": "CREATION_TIME"}, _escape_text(reference))
    return _element("DCT", {}, timex)


def _tagged_text(text: str, tags: Iterable[_Tag]) -> str:
    """Escaped text with the (non-overlapping) tags inserted."""
    pieces: list[str] = []
    position = 0
    for tag in sorted(tags, key=lambda tag: tag.span):
        start, end = tag.span
        pieces.append(_escape_text(text[position:start]))
        pieces.append(_element(tag.name, dict(tag.attributes), _escape_text(text[start:end])))
        position = end
    pieces.append(_escape_text(text[position:]))
    return "".join(pieces)


def _escape_text(text: str) -> str:
    # A bare "\r" would be normalized to "\n" by any XML parser; a reference survives.
    return escape(text, {"\r": "&#13;"})


def _element(name: str, attributes: Mapping[str, str], content: str | None = None) -> str:
    """An XML element; ``content`` must already be escaped."""
    attribute_text = "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
    if content is None:
        return f"<{name}{attribute_text} />"
    return f"<{name}{attribute_text}>{content}</{name}>"


# --------------------------------------------------------------------------- scoring

class TimexLike(Protocol):
    """What scoring needs from a predicted time expression (e.g. a TimeMention)."""

    @property
    def span(self) -> Sequence[int]: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


class EventLike(Protocol):
    @property
    def trigger_span(self) -> Sequence[int] | None: ...
    @property
    def mentions(self) -> Sequence[int]: ...


class TimelineLike(Protocol):
    @property
    def mentions(self) -> Sequence[TimexLike]: ...
    @property
    def events(self) -> Sequence[EventLike]: ...


def _overlap(first: Sequence[int], second: Sequence[int]) -> int:
    """Number of characters two spans share."""
    return max(0, min(first[1], second[1]) - max(first[0], second[0]))


@attrs.frozen
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, correct_predicted: int, predicted: int,
                    correct_gold: int, gold: int) -> PRF:
        precision = correct_predicted / predicted if predicted else 0.0
        recall = correct_gold / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


@attrs.frozen
class TimexAlignment:
    """One document's gold and predicted TIMEX3s paired one-to-one by character overlap."""

    matches: tuple[tuple[GoldTimex, TimexLike], ...]
    missed: tuple[GoldTimex, ...]
    spurious: tuple[TimexLike, ...]

    @property
    def strict_matches(self) -> tuple[tuple[GoldTimex, TimexLike], ...]:
        return tuple((gold, ours) for gold, ours in self.matches if tuple(ours.span) == gold.span)


def match_timexes(gold: Sequence[GoldTimex], predicted: Sequence[TimexLike]) -> TimexAlignment:
    """Greedy one-to-one matching: identical extents are paired first, then each remaining
    gold TIMEX3 (in text order) takes the unpaired prediction it overlaps most."""
    unpaired = list(predicted)
    pairs: list[tuple[GoldTimex, TimexLike]] = []
    missed: list[GoldTimex] = []

    def take(timex: GoldTimex, candidate: TimexLike) -> None:
        unpaired.remove(candidate)
        pairs.append((timex, candidate))

    without_exact: list[GoldTimex] = []
    for timex in gold:
        exact = next((ours for ours in unpaired if tuple(ours.span) == timex.span), None)
        if exact is None:
            without_exact.append(timex)
        else:
            take(timex, exact)
    for timex in without_exact:
        best = max(unpaired, key=lambda ours: _overlap(ours.span, timex.span), default=None)
        if best is not None and _overlap(best.span, timex.span) > 0:
            take(timex, best)
        else:
            missed.append(timex)
    pairs.sort(key=lambda pair: pair[0].span)
    return TimexAlignment(tuple(pairs), tuple(missed), tuple(unpaired))


@attrs.frozen
class TimexScores:
    """TempEval-3 TIMEX3 scores from match counts over a set of documents."""

    documents: int
    gold: int
    predicted: int
    strict_matches: int
    relaxed_matches: int
    type_correct: int
    value_correct: int

    @property
    def strict(self) -> PRF:
        matches = self.strict_matches
        return PRF.from_counts(matches, self.predicted, matches, self.gold)

    @property
    def relaxed(self) -> PRF:
        matches = self.relaxed_matches
        return PRF.from_counts(matches, self.predicted, matches, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed_matches if self.relaxed_matches else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed_matches if self.relaxed_matches else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed.f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed.f1


def score_timexes(gold_docs: Sequence[TimeMLDocument],
                  predicted: Sequence[Sequence[TimexLike]]) -> TimexScores:
    """Score predicted time expressions (one sequence per gold document, same order)."""
    _check_parallel(gold_docs, predicted)
    alignments = [match_timexes(doc.timexes, ours) for doc, ours in zip(gold_docs, predicted)]
    matches = [pair for alignment in alignments for pair in alignment.matches]
    return TimexScores(
        documents=len(gold_docs),
        gold=sum(len(doc.timexes) for doc in gold_docs),
        predicted=sum(len(ours) for ours in predicted),
        strict_matches=sum(len(alignment.strict_matches) for alignment in alignments),
        relaxed_matches=len(matches),
        type_correct=sum(gold.type == ours.type for gold, ours in matches),
        value_correct=sum(gold.value == ours.value for gold, ours in matches),
    )


@attrs.frozen
class AnchorPair:
    """An event (its trigger or gold EVENT span) dated by a time expression (its span)."""

    event: Span
    time: Span

    def hits(self, other: AnchorPair) -> bool:
        return _overlap(self.event, other.event) > 0 and _overlap(self.time, other.time) > 0


def gold_anchor_pairs(doc: TimeMLDocument) -> tuple[AnchorPair, ...]:
    """EVENT–TIMEX3 pairs joined by an anchoring TLINK, in either direction. Links to the
    document creation time are left out: it is not in the text."""
    event_spans = {event.eid: event.span for event in doc.events}
    timex_spans = {timex.tid: timex.span for timex in doc.timexes}
    pairs: dict[AnchorPair, None] = {}
    for link in doc.tlinks:
        if link.rel not in ANCHORING_RELATIONS:
            continue
        for event_id, time_id in ((link.source, link.target), (link.target, link.source)):
            if event_id in event_spans and time_id in timex_spans:
                pairs[AnchorPair(event_spans[event_id], timex_spans[time_id])] = None
    return tuple(pairs)


def predicted_anchor_pairs(timeline: TimelineLike) -> tuple[AnchorPair, ...]:
    """(trigger, mention) pairs of a timeline: each event with each mention that dates it."""
    pairs: dict[AnchorPair, None] = {}
    for event in timeline.events:
        if event.trigger_span is None:
            continue
        for index in event.mentions:
            span = timeline.mentions[index].span
            pairs[AnchorPair(_span(event.trigger_span), _span(span))] = None
    return tuple(pairs)


def _span(span: Sequence[int]) -> Span:
    start, end = span
    return (start, end)


@attrs.frozen
class AnchorAlignment:
    """One document's gold anchoring pairs against predicted ones.

    Only predictions whose trigger overlaps a gold EVENT and whose mention overlaps a gold
    TIMEX3 are judged (``correct`` or ``wrong``); the rest cannot be checked against gold.
    """

    found: tuple[AnchorPair, ...]
    missed: tuple[AnchorPair, ...]
    correct: tuple[AnchorPair, ...]
    wrong: tuple[AnchorPair, ...]


def align_anchors(doc: TimeMLDocument, predicted: Iterable[AnchorPair]) -> AnchorAlignment:
    gold = gold_anchor_pairs(doc)
    judged = [pair for pair in predicted
              if any(_overlap(pair.event, event.span) for event in doc.events)
              and any(_overlap(pair.time, timex.span) for timex in doc.timexes)]
    return AnchorAlignment(
        found=tuple(pair for pair in gold if any(pair.hits(ours) for ours in judged)),
        missed=tuple(pair for pair in gold if not any(pair.hits(ours) for ours in judged)),
        correct=tuple(pair for pair in judged if any(pair.hits(known) for known in gold)),
        wrong=tuple(pair for pair in judged if not any(pair.hits(known) for known in gold)),
    )


@attrs.frozen
class AnchoringScores:
    """How well events are tied to the time expressions that date them."""

    gold: int
    found: int
    judged: int
    correct: int

    @property
    def prf(self) -> PRF:
        return PRF.from_counts(self.correct, self.judged, self.found, self.gold)


def score_anchoring(gold_docs: Sequence[TimeMLDocument],
                    predicted: Sequence[Iterable[AnchorPair]]) -> AnchoringScores:
    """Score predicted anchoring pairs (one iterable per gold document, same order)."""
    _check_parallel(gold_docs, predicted)
    alignments = [align_anchors(doc, ours) for doc, ours in zip(gold_docs, predicted)]
    return AnchoringScores(
        gold=sum(len(a.found) + len(a.missed) for a in alignments),
        found=sum(len(a.found) for a in alignments),
        judged=sum(len(a.correct) + len(a.wrong) for a in alignments),
        correct=sum(len(a.correct) for a in alignments),
    )


def _check_parallel(gold_docs: Sequence[object], predicted: Sequence[object]) -> None:
    if len(gold_docs) != len(predicted):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(predicted)} predictions")
