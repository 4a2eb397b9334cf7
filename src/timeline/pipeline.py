"""The whole path, read top to bottom: text → sentences → mentions → values → events → Timeline."""
from __future__ import annotations

from . import events, mentions, normalize, ordering, text as text_stage
from .reference import make_reference, reference_instant, with_dateline_zone
from .timeline import Timeline
from .values import Reference, TimeMention


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return text


def _reference(text: str, reference: object, tz: object, lang: str) -> Reference:
    """The validated reference, on the clocks of the text's dateline if it names a place."""
    made = make_reference(reference, tz, lang)
    grammar = mentions.GRAMMARS[made.lang]
    return with_dateline_zone(text, made, grammar.dateline, grammar.lang.DATELINE_SPAN)


def _mentions(text: str, reference: Reference) -> tuple[list[text_stage.Sentence], list[TimeMention]]:
    grammar = mentions.GRAMMARS[reference.lang]
    sentences = text_stage.split_sentences(text)
    candidates = mentions.find_candidates(text, reference.lang)
    return sentences, normalize.normalize(candidates, text, sentences, reference, grammar)


def find_times(text: str, *, reference=None, tz=None, lang: str = "en") -> list[TimeMention]:
    """Every time expression in ``text``, normalized, in text order (the tagger alone).

    >>> [(m.text, m.value) for m in find_times("We met at 5:55 p.m. for 21 minutes.", reference="2023-05-24")]
    [('5:55 p.m.', '2023-05-24T17:55'), ('21 minutes', 'PT21M')]
    """
    text = _check_text(text)
    return _mentions(text, _reference(text, reference, tz, lang))[1]


def extract(text: str, *, reference=None, tz=None, lang: str = "en") -> Timeline:
    """The timeline of ``text``: events in time order, each tied to the times that date it.

    ``reference``: the document's date (date, datetime, or ISO string; naive means in ``tz``).
    ``tz``: IANA zone name or tzinfo, the default zone for times that name none.

    >>> tl = extract("At 6 p.m. the servers failed. After 21 minutes Musk stopped the stream.",
    ...              reference="2023-05-24", tz="America/New_York")
    >>> [(e.time.start.isoformat(), e.trigger) for e in tl]
    [('2023-05-24T18:00:00-04:00', 'failed'), ('2023-05-24T18:21:00-04:00', 'stopped')]
    """
    text = _check_text(text)
    ref = _reference(text, reference, tz, lang)
    grammar = mentions.GRAMMARS[ref.lang]
    sentences, found = _mentions(text, ref)
    finder = events.EventFinder(grammar, text, sentences, found)
    drafts = finder.find(events.group_mentions(grammar, text, found))
    placed = ordering.Placer(grammar, text, found, reference_instant(ref),
                             reference_is_day=ref.time is None).place(drafts)
    reference_text = (ref.time.isoformat() if ref.time else ref.date.isoformat() if ref.date else None)
    return Timeline(events=placed, mentions=found, text=text, reference=reference_text,
                    timezone=ref.zone_name)
