"""spaCy pipeline component "timeline": time expressions as spans, the Timeline on the Doc.

    >>> import spacy, timeline.spacy_component
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("timeline", config={"reference": "2023-05-24", "tz": "America/New_York"})
    >>> doc = nlp("At 5:55 p.m. Musk shared the link. After 21 minutes he stopped.")
    >>> [(span.text, span.label_, span._.timex["value"]) for span in doc.spans["timeline"]]
    [('5:55 p.m.', 'TIME', '2023-05-24T17:55'), ('21 minutes', 'DURATION', 'PT21M')]
    >>> [event.time.start.isoformat() for event in doc._.timeline]
    ['2023-05-24T17:55:00-04:00', '2023-05-24T18:16:00-04:00']

- ``doc.spans[spans_key]`` (default ``"timeline"``): one span per time expression, label =
  TIMEX3 type (DATE, TIME, DURATION, SET), aligned outward to token boundaries;
- ``span._.timex``: a plain dict — ``value``, ``type``, ``start``/``end`` (ISO 8601 with
  offset, or None), ``timezone``, ``approximate``, ``grain``, ``relation``, ``flags``,
  ``unresolved``, ``event`` (id of the event it dates, or None), ``char_span``;
- ``doc._.timeline``: the :class:`timeline.Timeline` (rebuilt from plain data kept in
  ``doc.user_data``, so ``Doc.to_bytes``/``DocBin`` keep working).

The reference date and zone come from ``doc.user_data["reference"]`` / ``["tz"]`` when a
document carries them (news articles have their own dates), else from the component's
config. The factory is registered when this module is imported and, for ``spacy.load`` of a
saved pipeline, through the ``spacy_factories`` entry point.

Needs spaCy: ``pip install "timeline-news[spacy]"`` (no model download: ``spacy.blank("en")``
is enough, the component does its own sentence splitting).
"""
from __future__ import annotations

from typing import Any

from . import extract
from .timeline import Timeline, mention_to_dict

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError:  # pragma: no cover - exercised only without the extra
    raise ImportError('the timeline spaCy component needs spaCy: pip install "timeline-news[spacy]"') from None

_DATA_KEY = "timeline.data"  # where the Timeline's plain dict lives in doc.user_data


def _doc_timeline(doc: Doc) -> Timeline | None:
    data = doc.user_data.get(_DATA_KEY)
    return None if data is None else Timeline.from_dict(data)


if not Doc.has_extension("timeline"):
    Doc.set_extension("timeline", getter=_doc_timeline)
if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


class TimelineComponent:
    """Runs :func:`timeline.extract` on ``doc.text``; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "timeline", reference: str | None = None,
                 tz: str | None = None, spans_key: str = "timeline"):
        self.name = name
        self.reference = reference
        self.tz = tz
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        reference = doc.user_data.get("reference", self.reference)
        tz = doc.user_data.get("tz", self.tz)
        tl = extract(doc.text, reference=reference, tz=tz)
        dating = {index: event.id for event in tl for index in event.mentions}
        spans = []
        for index, mention in enumerate(tl.mentions):
            span = doc.char_span(mention.span[0], mention.span[1], label=mention.type,
                                 alignment_mode="expand")
            if span is None:  # pragma: no cover - "expand" aligns any non-empty span
                continue
            data = mention_to_dict(mention)
            span._.timex = {"value": data["value"], "type": data["type"], "start": data["start"],
                            "end": data["end"], "timezone": data["timezone"],
                            "approximate": data["approximate"], "grain": data["grain"],
                            "relation": data["relation"], "flags": tuple(data["flags"]),
                            "unresolved": data["unresolved"], "event": dating.get(index),
                            "char_span": tuple(data["span"])}
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.user_data[_DATA_KEY] = tl.to_dict()
        return doc


@Language.factory("timeline", default_config={"reference": None, "tz": None, "spans_key": "timeline"})
def make_timeline_component(nlp: Language, name: str, reference: str | None, tz: str | None,
                            spans_key: str) -> TimelineComponent:
    """The "timeline" factory (``nlp.add_pipe("timeline", config={...})``).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("timeline", config={"tz": "UTC"}).tz
    'UTC'
    """
    return TimelineComponent(nlp, name, reference=reference, tz=tz, spans_key=spans_key)


def timex(span: Span) -> dict[str, Any] | None:
    """The normalized value of a span from ``doc.spans["timeline"]`` (same as ``span._.timex``).

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("timeline", config={"reference": "2024-06-05"})
    >>> doc = nlp("Lift-off was at 1332 GMT.")  # keep the Doc: its SpanGroups need it alive
    >>> timex(doc.spans["timeline"][0])["start"]
    '2024-06-05T13:32:00+00:00'
    """
    return span._.timex
