"""The event finder's shortcuts give what the plain reading gives: the trigger read outward
from the time equals the one found by sorting every word of the clause by distance (the
nearest verb, unless an event noun before the time is nearer by EVENT_NOUN_PENALTY times
its distance); the
description's clean-up equals the plain chain of `re.sub` calls; clause breaks found from
their anchors equal `finditer`."""
from __future__ import annotations

import re

from hypothesis import example, given, settings, strategies as st

from timeline import events, mentions

GRAMMAR = mentions.GRAMMARS["en"]


def trigger_by_sorting(finder: events.EventFinder, start: int, end: int, near: int,
                       skip: list[tuple[int, int]], previous: str = ""):
    """The reference: every word of the clause, nearest first, tested in turn."""
    skip = finder._within(skip, start, end)
    words = []  # (weighted distance from near, start, end, word, the word before it)
    for match in events._WORD.finditer(finder.text, start, end):
        s, e = match.span()
        if any(a <= s < b for a, b in skip):  # the next word follows the word before
            continue
        word = match.group()
        distance = (near - e) if e <= near else (s - near) * finder.lang.VERB_AFTER_TIME_PENALTY
        words.append((distance, s, e, word, previous))
        previous = word
    verb = noun = auxiliary = None
    for distance, s, e, word, before in sorted(words):
        strength = finder._is_verb(word, before, e)
        if strength >= 2:
            verb = (distance, word, (s, e))
            break
        if noun is None and e <= near and finder._is_event_noun(word, before):
            noun = (distance * finder.lang.EVENT_NOUN_PENALTY, word, (s, e))
        elif strength and auxiliary is None:
            auxiliary = (word, (s, e))
    if verb is not None and (noun is None or verb[0] <= noun[0]):
        return verb[1:]
    return noun[1:] if noun is not None else auxiliary


_PIECES = st.sampled_from(["a", "B", "-", "'", "’", " ", "  ", ",", ".", "1", "19", "was", "ran",
                           "The", "said", "then", "to", "is", "opened", "runs", "he", "mid-",
                           "will", "the", "United", "States", "March", "talks", "Talks",
                           "crash"])


@st.composite
def _cases(draw):
    text = "".join(draw(st.lists(_PIECES, max_size=60)))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    near = draw(st.integers(start, end))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    skip = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    previous = draw(st.sampled_from(["", "then", "to", "he", "The"]))
    return text, start, end, near, skip, previous


@settings(max_examples=500, deadline=None)
@given(_cases())
@example(("he ran    ran", 0, 13, 9, [], ""))  # a tie: 3 before, 1 after (x3): text order
@example(("x mid-March ran", 0, 15, 6, [(6, 11)], ""))  # a word across the time's start
def test_trigger_equals_sorting_every_word(case):
    text, start, end, near, skip, previous = case
    finder = events.EventFinder(GRAMMAR, text, [], [])
    assert finder.trigger(start, end, near, skip, previous) == \
        trigger_by_sorting(finder, start, end, near, skip, previous)


def describe_by_regexes(finder: events.EventFinder, start: int, end: int,
                        skip: list[tuple[int, int]], subject: str = "") -> str:
    """The reference: the clean-up as plain `re.sub` calls."""
    pieces, pos = [], start
    for a, b in finder._within(skip, start, end):
        if b <= start or a >= end:
            continue
        pieces.append(finder.text[pos:max(a, pos)])
        pos = max(pos, b)
    pieces.append(finder.text[pos:end])
    clause = re.sub(r"\s+", " ", " ".join(pieces))
    clause = re.sub(r"\(\s*\)|\[\s*\]|\s/(?=\s|$)", " ", clause)
    clause = re.sub(r"\s+([,.;:!?])", r"\1", clause)
    clause = re.sub(r"(^|[,;:])\s*[,;:]+", r"\1", clause)
    clause = finder._fillers.sub("", clause.strip(" ,;:-–—\"“”'’\n"))
    clause = clause.strip(" ,;:-–—.\"“”'’")
    if subject and clause:
        clause = f"{subject} {clause}"
    words = clause.split()
    if len(words) > events._MAX_WORDS:
        cut = clause.find(",", len(" ".join(words[:6])))
        clause = clause[:cut] if 0 < cut else " ".join(words[:events._MAX_WORDS]) + " …"
    return clause[:1].upper() + clause[1:] if clause else clause


_MARKS = st.sampled_from([" ", "  ", "\n", "\t", "\u2003", "\x1c", ",", ";", ":", ".", "!", "?", "(",
                          ")", "[", "]", "/", "-", "—", "a", "then", "and", "We", "said", "'"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MARKS, max_size=40).map("".join), st.data())
def test_describe_equals_plain_substitutions(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4, unique=True)))
    skip = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    finder = events.EventFinder(GRAMMAR, text, [], [])
    assert finder.describe(start, end, skip) == describe_by_regexes(finder, start, end, skip)


_BREAKY = st.sampled_from([" ", "  ", "\n", "\t", ";", ":", "—", "–", "-", ",", ", but", "but", "and",
                           "then", "while", "as", "a", "B", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_BREAKY, max_size=40).map("".join), st.data())
def test_clause_breaks_found_from_their_anchors(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    finder = events.EventFinder(GRAMMAR, text, [], [])
    assert [m.span() for m in finder._break_matches(start, end)] == \
        [m.span() for m in finder._breaks.finditer(text, start, end)]


def test_break_anchor_only_for_patterns_it_reads():
    anchor = events._break_anchor(re.compile(r"\s*(?:;|\bbut\b|\s-\s)\s*"))
    # each alternative from its first character on (what comes before it left out)
    assert set(anchor.pattern.split("|")) == {"but\\b", ";", "\\-[\\s]"}
    for pattern in (r";|\s*but", r"\s+;", r"\s*(?i:but)", r"\s*\w+", r"(?i)\s*but", r"\s*(?:\s|;)"):
        assert events._break_anchor(re.compile(pattern)) is None, pattern
