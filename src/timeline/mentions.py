"""Text → candidate time expressions: compiled rule patterns, one linear scan each, overlaps resolved."""
from __future__ import annotations

import bisect
import re
from types import ModuleType

import attrs

from . import zones
from .lang import en


@attrs.frozen
class Candidate:
    """A time expression as found, before any resolution ("extract first, resolve later")."""

    span: tuple[int, int]
    text: str
    rule: str
    kind: str
    groups: tuple[tuple[str, str], ...]
    modifier: str | None = None     # "about", "shortly before": part of the extent
    preposition: str | None = None  # "after", "for": just before the extent, not in it

    def get(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None


@attrs.frozen
class _CompiledRule:
    rule: en.Rule
    regex: re.Pattern
    priority: int


@attrs.frozen
class Grammar:
    """A language's rules compiled once: what the scanner and resolver need."""

    rules: tuple[_CompiledRule, ...]
    modifier_before: re.Pattern
    preposition_before: re.Pattern
    word_before: re.Pattern
    not_before: re.Pattern
    not_after: re.Pattern
    conversion_gap: re.Pattern
    date_time_gap: re.Pattern
    range_gap: re.Pattern
    places: re.Pattern
    future_cue: re.Pattern
    lang: ModuleType


# No time expression starts inside a word or a number; checking that first keeps the big word
# alternations from being tried at every character (measured: 6x faster on plain text), and
# keeps `\d+` from being retried at every digit of a long digit run (quadratic before:
# 2,000 digits took 4 s; see benchmarks/adversarial.py).
_WORD_START = r"(?<![A-Za-z\d])"


def _words_before(words) -> re.Pattern:
    return re.compile(rf"(?i)(?<![\w-])({en._alt(words)})\s+$")


def compile_grammar(lang: ModuleType) -> Grammar:
    places = lang._alt(sorted(zones.PLACES, key=len, reverse=True))
    abbreviations = "|".join(sorted(zones.ABBREVIATIONS, key=len, reverse=True))
    zone = lang.ZONE_TEMPLATE.replace("{places}", places).replace("{abbreviations}", abbreviations)
    rules = tuple(
        _CompiledRule(rule, re.compile(_WORD_START + rule.pattern.replace("{zone}", zone)), priority)
        for priority, rule in enumerate(lang.RULES))
    return Grammar(
        rules=rules,
        modifier_before=_words_before(lang.APPROXIMATORS),
        preposition_before=_words_before(lang.RELATIONS),
        word_before=re.compile(r"([A-Za-z]+)[\s,]+$"),
        not_before=re.compile(lang.NOT_BEFORE),
        not_after=re.compile(lang.NOT_AFTER),
        conversion_gap=re.compile(lang.CONVERSION_GAP),
        date_time_gap=re.compile(lang.DATE_TIME_GAP),
        range_gap=re.compile(lang.RANGE_GAP),
        places=re.compile(rf"(?<![\w])(?:{places})(?![\w])"),
        future_cue=re.compile(rf"(?i)(?<![\w])(?:{lang._alt(lang.FUTURE_CUES)})(?![\w])"),
        lang=lang,
    )


GRAMMARS: dict[str, Grammar] = {"en": compile_grammar(en)}
_LOOKBACK = 40  # characters of left context read for modifiers and prepositions


def _allowed(grammar: Grammar, rule: en.Rule, text: str, start: int, end: int) -> bool:
    left = text[max(0, start - _LOOKBACK):start]
    if rule.after_words is not None:
        word = grammar.word_before.search(left)
        if not word or word.group(1).lower() not in rule.after_words:
            return False
    if rule.numeric:
        if grammar.not_before.search(left) or grammar.not_after.match(text, end):
            return False
    return True


def _scan(grammar: Grammar, text: str) -> list[tuple[int, int, int, re.Match]]:
    found = []
    for compiled in grammar.rules:
        for match in compiled.regex.finditer(text):
            start, end = match.span()
            # Trailing whitespace (an optional part that matched nothing) is not extent.
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and _allowed(grammar, compiled.rule, text, start, end):
                found.append((start, end, compiled.priority, match))
    return found


def _select(found: list[tuple[int, int, int, re.Match]]) -> list[tuple[int, int, int, re.Match]]:
    """Longest match wins; at equal length, the rule listed first."""
    chosen_starts: list[int] = []
    chosen: list[tuple[int, int, int, re.Match]] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        start, end = item[0], item[1]
        i = bisect.bisect_left(chosen_starts, start)
        if i > 0 and chosen[i - 1][1] > start:
            continue
        if i < len(chosen) and chosen[i][0] < end:
            continue
        chosen_starts.insert(i, start)
        chosen.insert(i, item)
    return chosen


def _with_context(grammar: Grammar, text: str, item) -> Candidate:
    start, end, priority, match = item
    rule = grammar.rules[priority].rule
    left = text[max(0, start - _LOOKBACK):start]
    modifier = None
    if rule.takes_modifier:
        found = grammar.modifier_before.search(left)
        if found:
            modifier = found.group(1).lower()
            start -= len(left) - found.start(1)
            left = text[max(0, start - _LOOKBACK):start]
    preposition = grammar.preposition_before.search(left)
    groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
    return Candidate(
        span=(start, end), text=text[start:end], rule=rule.name, kind=rule.kind,
        groups=groups, modifier=modifier,
        preposition=preposition.group(1).lower() if preposition else None)


def find_candidates(text: str, lang: str = "en") -> list[Candidate]:
    """Every time expression in ``text``, in text order, non-overlapping."""
    grammar = GRAMMARS[lang]
    return [_with_context(grammar, text, item) for item in _select(_scan(grammar, text))]
