"""Text → candidate time expressions: compiled rule patterns, each run near its triggers, overlaps resolved."""
from __future__ import annotations

import bisect
import functools
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
    veto: EndingAt | None = None  # searched in the left context plus the match: a hit rejects it


class PhraseBefore:
    r"""Which of ``phrases`` ends a left context, then whitespace: what
    ``re.search(rf"(?i)(?<![\w-])({alternation})\s+$", left)`` finds (the longest such phrase),
    read backwards: one anchored match on the reversed context instead of a search tried at
    every character of it (5x faster). ``boundary`` checks the character before the phrase,
    written as seen from the reversed text (the look-behind above is ``(?![\w-])`` there)."""

    def __init__(self, lang: ModuleType, phrases, boundary: str = r"(?![\w-])"):
        self._reversed = re.compile(rf"(?i)\s+({lang._alt(phrase[::-1] for phrase in phrases)}){boundary}")

    def search(self, left: str) -> tuple[str, int] | None:
        """(the phrase as written, where it starts in ``left``), or None."""
        match = self._reversed.match(left[::-1])
        return None if match is None else (match.group(1)[::-1], len(left) - match.end(1))


class EndingAt:
    """``pattern.search(text, start, end)`` for a pattern that ends in ``$`` (a phrase right
    before ``end``), refused at once where it cannot match: the pattern spelled backwards
    (see `_source`; it accepts a superset) is matched once on the window reversed. The search
    tries the pattern at every character of its window (SCHEDULED_BEFORE: 5.5 µs over 60
    characters), and most windows end in no such phrase."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self._backwards: re.Pattern | None | bool = False  # False: not written yet (see below)

    def _written_backwards(self) -> re.Pattern | None:
        # Written on first use: the grammars are compiled above the code that writes it.
        try:  # (`$` also matches before a final newline: one may come first backwards)
            source = _source(list(_sre.parse(self.pattern.pattern, self.pattern.flags)), reverse=True)
            return re.compile(r"\n?" + source, self.pattern.flags)
        except Exception:  # noqa: BLE001 - a construct not written back: no shortcut
            return None

    def write(self) -> None:
        """Write the backwards pattern now, if not yet (see `_ScanIndex.use_shortcuts`)."""
        if self._backwards is False:
            self._backwards = self._written_backwards()

    def search(self, text: str, start: int, end: int) -> re.Match | None:
        self.write()
        if self._backwards is not None and self._backwards.match(text[start:end][::-1]) is None:
            return None
        return self.pattern.search(text, start, end)


@attrs.frozen
class Grammar:
    """A language's rules compiled once: what the scanner and resolver need."""

    rules: tuple[_CompiledRule, ...]
    modifier_before: PhraseBefore
    modifier_after: re.Pattern  # "or so"
    preposition_before: PhraseBefore
    word_before: EndingAt
    not_before: EndingAt
    not_after: re.Pattern
    conversion_gap: re.Pattern
    date_time_gap: re.Pattern
    conversion_date_gap: re.Pattern
    daypart_date_gap: re.Pattern
    clock_day_later_gap: re.Pattern
    range_gap: re.Pattern
    recurring_before: EndingAt  # "a nightly curfew from": the clock time after it recurs
    recurring_after: re.Pattern  # "daily" after a clock time
    clock_change_before: EndingAt  # "clocks went back from": the range names one instant
    range_dash: re.Pattern
    day_range_dash: re.Pattern  # between the two days of "March 20-21" (see `_split_day_ranges`)
    compound_duration_gap: re.Pattern
    places: re.Pattern
    place_compared: re.Pattern  # right before a place: what a "local time" is compared with
    negated_until: re.Pattern  # "did not … until": the time the event happened
    tense_cue: re.Pattern  # groups: future, past, pastform (a word in -ed)
    tense_cue_lower: re.Pattern  # the same on lower-cased text (see `_tense_cue_lower`)
    participle_before: re.Pattern
    adjective_before: re.Pattern  # a determiner before an -ed word: "a still unspecified date"
    report_before: EndingAt  # a reporting verb right before a date ("said on Saturday")
    year_frame_opening: re.Pattern  # what may open a sentence before the year framing it ("In ")
    dateline: re.Pattern  # "CHICAGO (CP) -": the place a story is told from
    scheduled_before: EndingAt  # a verb announcing a coming event ("begins Monday")
    plan_in_past: re.Pattern  # "had been due to expire": a plan told in the past
    present_perfect: re.Pattern  # "has cancelled": no past day of its own
    past_perfect: re.Pattern  # "had failed": before the story
    background_clause: re.Pattern  # ", which began on", ", which switched …": an aside
    earlier_before: re.Pattern  # "Earlier, at 6 a.m.": not past midnight
    future_from_now: re.Pattern  # "who will hold a news conference at": not on a day gone by
    future_modal_before: re.Pattern  # "will undergo checks starting": a coming weekday
    headline_future: re.Pattern  # "Morocco to turn clocks back on Sunday": a coming day
    weekday_alternative: re.Pattern  # " or " between two weekdays: the second after the first
    weekday_range_end: re.Pattern  # "(0000 GMT) until 10 p.m. on": a weekday ending a range
    lang: ModuleType

    def endings(self) -> list[EndingAt]:
        """Its `EndingAt` searches, the rules' vetoes among them."""
        return ([value for value in attrs.astuple(self, recurse=False) if isinstance(value, EndingAt)]
                + [compiled.veto for compiled in self.rules if compiled.veto is not None])

    def tense_cue_matches(self, text: str):
        """``tense_cue.finditer(text)``, run on the lower-cased text where that is the same."""
        lower = text.lower()
        if len(lower) == len(text) and (text.isascii() or not _FOLDS_TO_ASCII.search(text)):
            return self.tense_cue_lower.finditer(lower)
        return self.tense_cue.finditer(text)


# No time expression starts inside a word or a number; checking that first keeps the big word
# alternations from being tried at every character (measured: 6x faster on plain text), and
# keeps `\d+` from being retried at every digit of a long digit run (quadratic before:
# 2,000 digits took 4 s; see benchmarks/adversarial.py).
_WORD_START = r"(?<![A-Za-z\d])"


def _cues(lang: ModuleType, words) -> str:
    """Whole words, and clitics ("'ll") right after the word they lean on."""
    plain = [w for w in words if w[0].isalpha()]
    clitics = [w for w in words if not w[0].isalpha()]
    return rf"(?<![\w'’])(?:{lang._alt(plain)})" + (f"|{lang._alt(clitics)}" if clitics else "")


def _tense_cue_lower(lang: ModuleType) -> re.Pattern:
    """``tense_cue`` for lower-cased text: case-sensitive, and the word-start check made once
    rather than per group (2.5x faster than ``tense_cue`` on the original text). Lower-casing
    keeps every offset and match where ``_FOLDS_TO_ASCII`` finds nothing (see
    ``Grammar.tense_cue_matches``; tests/test_mentions.py checks both)."""
    def cues(words) -> str:
        plain = [w.lower() for w in words if w[0].isalpha()]
        clitics = [w.lower() for w in words if not w[0].isalpha()]
        return lang._alt(plain) + (f"|{lang._alt(clitics)}" if clitics else "")

    # A clitic leans on the word before it: at its first character the word-start check is off.
    # (One look-behind for both, tried at every character: not after a word character unless
    # a clitic starts here. Two assertions tried in turn made the pattern 1.2x slower.)
    leads = "".join(sorted({w[0] for w in lang.FUTURE_CUES + lang.PAST_CUES + lang.PRESENT_CUES
                            if not w[0].isalpha()}))
    start = rf"(?<![\w'’](?![{re.escape(leads)}]))" if leads else r"(?<![\w'’])"
    return re.compile(rf"{start}(?:(?P<future>{cues(lang.FUTURE_CUES)})|(?P<past>{cues(lang.PAST_CUES)})"
                      rf"|(?P<present>{cues(lang.PRESENT_CUES)})|(?P<pastform>{lang.PAST_SUFFIX}))(?![\w'’])")


@functools.cache
def place_alternation(lang: ModuleType) -> str:
    """Every place name of the zone table, longest first (so "New York" wins over "York"), as
    one regex alternation: built once, read by the zone patterns and the place finder."""
    return lang._alt(sorted(zones.PLACES, key=len, reverse=True))


@functools.cache
def zone_pattern(lang: ModuleType) -> str:
    """The zone alternation, every place name in it: built once (~5 ms; the grammar, the scan
    index and the zone after a day all read it)."""
    places = place_alternation(lang)
    abbreviations = "|".join(sorted(zones.ABBREVIATIONS, key=len, reverse=True))
    return lang.ZONE_TEMPLATE.replace("{places}", places).replace("{abbreviations}", abbreviations)


@functools.cache
def zone_start(lang: ModuleType) -> str | None:
    """A regex class body holding every character a match of `zone_pattern` can start with,
    or None where that is not known. Read off the zone template with the place names and
    abbreviations cut to their first characters: parsing the whole zone pattern takes ~20 ms."""
    if not all(word[:1].isalnum() for word in (*zones.PLACES, *zones.ABBREVIATIONS)):
        return None  # (a first character that is no plain literal)
    places = "[" + "".join(sorted({re.escape(word[0]) for word in zones.PLACES})) + "]"
    abbreviations = "[" + "".join(sorted({re.escape(word[0]) for word in zones.ABBREVIATIONS})) + "]"
    source = lang.ZONE_TEMPLATE.replace("{places}", places).replace("{abbreviations}", abbreviations)
    try:
        parsed = _sre.parse(source)
        return _Reader().first_class(_plain(parsed), bool(parsed.state.flags & _sre.SRE_FLAG_IGNORECASE))
    except Exception:  # noqa: BLE001 - a construct the reader does not know: not known
        return None


def compile_grammar(lang: ModuleType) -> Grammar:
    places = place_alternation(lang)
    zone = zone_pattern(lang)
    rules = tuple(
        _CompiledRule(rule, re.compile(_WORD_START + rule.pattern.replace("{zone}", zone)), priority,
                      EndingAt(re.compile(rule.veto + r"$")) if rule.veto else None)
        for priority, rule in enumerate(lang.RULES))
    return Grammar(
        rules=rules,
        modifier_before=PhraseBefore(lang, lang.APPROXIMATORS),
        modifier_after=re.compile(lang.APPROXIMATOR_AFTER),
        preposition_before=PhraseBefore(lang, lang.RELATIONS),
        word_before=EndingAt(re.compile(r"([A-Za-z]+)[\s,]+$")),
        not_before=EndingAt(re.compile(lang.NOT_BEFORE)),
        not_after=re.compile(lang.NOT_AFTER),
        conversion_gap=re.compile(lang.CONVERSION_GAP),
        date_time_gap=re.compile(lang.DATE_TIME_GAP),
        conversion_date_gap=re.compile(lang.CONVERSION_DATE_GAP),
        daypart_date_gap=re.compile(lang.DAYPART_DATE_GAP),
        clock_day_later_gap=re.compile(lang.CLOCK_DAY_LATER_GAP),
        range_gap=re.compile(lang.RANGE_GAP),
        recurring_before=EndingAt(re.compile(lang.RECURRING_BEFORE)),
        recurring_after=re.compile(lang.RECURRING_AFTER),
        clock_change_before=EndingAt(re.compile(lang.CLOCK_CHANGE_BEFORE)),
        range_dash=re.compile(lang.RANGE_DASH),
        day_range_dash=re.compile(rf"(?<=\w){lang.DAY_RANGE_DASH}(?=\d)"),
        compound_duration_gap=re.compile(lang.COMPOUND_DURATION_GAP),
        places=re.compile(rf"(?<![\w])(?:{places})(?![\w])"),
        place_compared=re.compile(lang.PLACE_COMPARED),
        negated_until=re.compile(lang.NEGATED_UNTIL),
        tense_cue=re.compile(
            rf"(?i)(?:(?P<future>{_cues(lang, lang.FUTURE_CUES)})|(?P<past>{_cues(lang, lang.PAST_CUES)})"
            rf"|(?P<present>{_cues(lang, lang.PRESENT_CUES)})"
            rf"|(?<![\w'’])(?P<pastform>{lang.PAST_SUFFIX}))(?![\w'’])"),
        tense_cue_lower=_tense_cue_lower(lang),
        participle_before=re.compile(rf"(?i)(?:{_cues(lang, lang.PARTICIPLE_AUXILIARIES)})\s+$"),
        adjective_before=re.compile(rf"(?i)(?<![\w'’])(?:{lang._alt(lang.ATTRIBUTIVE_DETERMINERS)})"
                                    rf"\s+(?:\w+ly\s+|still\s+|yet\s+|not\s+)?$"),
        report_before=EndingAt(re.compile(lang.REPORT_BEFORE)),
        year_frame_opening=re.compile(lang.YEAR_FRAME_OPENING),
        dateline=re.compile(lang.DATELINE),
        scheduled_before=EndingAt(re.compile(lang.SCHEDULED_BEFORE)),
        plan_in_past=re.compile(lang.PLAN_IN_PAST),
        present_perfect=re.compile(lang.PRESENT_PERFECT),
        past_perfect=re.compile(lang.PAST_PERFECT),
        background_clause=re.compile(lang.BACKGROUND_CLAUSE),
        earlier_before=re.compile(lang.EARLIER_BEFORE),
        future_from_now=re.compile(lang.FUTURE_FROM_NOW),
        future_modal_before=re.compile(lang.FUTURE_MODAL_BEFORE),
        headline_future=re.compile(lang.HEADLINE_FUTURE),
        weekday_alternative=re.compile(lang.WEEKDAY_ALTERNATIVE),
        weekday_range_end=re.compile(lang.WEEKDAY_RANGE_END),
        lang=lang,
    )


GRAMMARS: dict[str, Grammar] = {"en": compile_grammar(en)}
_LOOKBACK = 40  # characters of left context read for modifiers and prepositions


def _allowed(grammar: Grammar, rule: en.Rule, text: str, start: int, end: int) -> bool:
    left = text[max(0, start - _LOOKBACK):start]
    if rule.after_words is not None:
        word = grammar.word_before.search(left, 0, len(left))
        if not word or word.group(1).lower() not in rule.after_words:
            return False
    if rule.numeric:
        if grammar.not_before.search(left, 0, len(left)) or grammar.not_after.match(text, end):
            return False
    return True


def _keep(grammar: Grammar, compiled: _CompiledRule, text: str, match: re.Match, found: list) -> None:
    start, end = match.span()
    # Trailing whitespace (an optional part that matched nothing) is not extent.
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _allowed(grammar, compiled.rule, text, start, end) and not (
            compiled.veto and compiled.veto.search(text, max(0, start - _LOOKBACK), end)):
        found.append((start, end, compiled.priority, match))


def _scan_naive(grammar: Grammar, text: str) -> list[tuple[int, int, int, re.Match]]:
    """Every rule over the whole text: the reference the fast scan must equal (tests only)."""
    found: list[tuple[int, int, int, re.Match]] = []
    for compiled in grammar.rules:
        for match in compiled.regex.finditer(text):
            _keep(grammar, compiled, text, match, found)
    return found


def _scan(grammar: Grammar, text: str) -> list[tuple[int, int, int, re.Match]]:
    """What ``_scan_naive`` finds, running each rule only in the windows around its triggers."""
    index = _scan_index(grammar)
    shortcuts = index.use_shortcuts()
    found: list[tuple[int, int, int, re.Match]] = []
    for compiled in index.everywhere:
        for match in compiled.regex.finditer(text):
            _keep(grammar, compiled, text, match, found)
    for group, windows in index.windows(text, shortcuts):
        if shortcuts and group.gate is not None:
            windows = [(start, end) for start, end in windows if group.gate.search(text, start, end)]
        scans = group.scans if shortcuts else [(compiled.regex, False) for compiled in group.rules]
        for compiled, (regex, probe) in zip(group.rules, scans):
            search = regex.search
            rematch = compiled.regex.match if probe else None  # see `_with_first_class`
            for start, end in windows:
                # `finditer`, written out: most windows hold no match, and one `search` call
                # costs less than setting up an iterator (7% of the scan). No rule matches
                # the empty string (see _ScanIndex), so each search goes on where one ended.
                match = search(text, start, end)
                while match is not None:
                    if rematch is not None:
                        match = rematch(text, match.start(), end)
                    _keep(grammar, compiled, text, match, found)
                    match = search(text, match.end(), end)
    found.sort(key=lambda f: (f[2], f[0]))  # the naive order: by rule, then position
    return found


# ------------------------------------------------------------------ fast scan ---------
# Running every rule over the whole text costs ~20 ns per character per rule in `re` (most
# of the time of `find_times`). But every match of a rule contains a *trigger*: a digit, a
# word from the rule's own word lists at a word start (a month, a unit, "yesterday"...), or
# a string from a punctuation mark on (":3", "/1"), at a bounded distance from the match
# start and end. The triggers and distances are read off each rule's parsed pattern (so they
# follow any change to the rules); three cheap passes find all triggers, and each rule then
# runs only in the merged windows around its own triggers.
# The result is exactly the naive scan's (see `_scan_naive` and tests/test_mentions.py):
# - a window reaches from `before` characters left of a trigger (the longest text the
#   pattern can consume ahead of it) to `after` characters right of its start (the furthest
#   the pattern can read, lookaheads, `$` and `\b` included), so no match or failed attempt
#   reads outside its window; lookbehinds, `\b` and `^` see text left of `pos` in `re`;
# - unbounded repeats (`\s+`, `\d+`) are counted as at most _SPACE_CAP / _RUN_CAP characters;
#   runs of their characters longer than that are found per text and widen the windows
#   they touch;
# - windows of one rule never overlap (merged), so `finditer` per window keeps the naive
#   scan's leftmost, non-overlapping order;
# - a rule whose pattern cannot be read this way runs over the whole text.

try:  # the `re` parser: re._parser since Python 3.11, sre_parse before
    from re import _parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_RUN_CAP = 8          # characters an unbounded repeat of digits is assumed to take
_SPACE_CAP = 2        # ... of anything else (whitespace, dashes: paragraph breaks are "\n\n")
_LEAD_LIMIT = 400     # most trigger strings expanded from one pattern part
_CALL_COST = 40       # a window's fixed cost (a `finditer` call), in characters scanned
_RUN_MARK, _DIGIT_MARK = "\x01", "\x02"  # see _ScanIndex.ascii_marks
# Every character `re` matches an ASCII letter with when ignoring case (see _FOLDS_TO_ASCII).
_CASES = {letter: {letter, letter.upper()} | {c for c in "\u0130\u0131\u017f\u212a"
                                              if re.match(f"(?i){letter}", c)}
          for letter in "abcdefghijklmnopqrstuvwxyz"}
_ASCII_LETTERS = frozenset(range(65, 91)) | frozenset(range(97, 123))
_UNBOUNDED = _sre.MAXREPEAT


class _Opaque(Exception):
    """A pattern construct the trigger analysis does not bound (the rule runs everywhere)."""


@attrs.frozen
class _Trigger:
    """Where a rule can match: near ``digit``s and/or where one of ``words`` starts.

    ``words``: tuples of (character, ignore case). One starting with an ASCII letter is a
    word start (the pattern guarantees the character before is no ASCII letter); one
    starting with an ASCII mark or digit has two characters or more. ``before``/``after``: see above.
    """

    digit: bool
    words: frozenset
    before: int
    after: int
    # Where in the pattern the trigger is (see `_tail_source`): ("at", i) for the items from
    # index i on; ("in", i, inner) inside the group or repeat at i; ("branch", [inner, ...])
    # for each alternative of a branch.
    path: tuple = attrs.field(default=(), eq=False)

    def cost(self, time_words: frozenset[str]) -> float:
        """Rough characters scanned per character of text: how often the trigger occurs
        times its window. A digit run is about 0.006 of positions in news text; a word, see
        `_word_share`."""
        total = 0.006 if self.digit else 0.0
        for word in self.words:
            total += _word_share(word, time_words)
        return total * (self.before + self.after + _CALL_COST)


@functools.cache  # (the same words are weighed for many parts of a pattern)
def _word_share(word: tuple, time_words: frozenset[str]) -> float:
    """How often a trigger word occurs per character of news text: a word start about 0.17,
    a punctuation mark 0.02, a given digit 0.0012; each further fixed letter divides that
    by ~15, a digit after a digit by ~5 (numbers run on: "19" is 1 in 2,600 characters of
    TempEval-3, where "1 in 50 of a given digit" made it 1 in 42,000), another digit or mark
    by ~50, a capital by 5; all-letter words outside the language's time words are taken as
    common ones (x20)."""
    string = "".join(c for c, _ in word)
    share = 0.17 if string[0].isalpha() else 0.02 if not string[0].isdigit() else 0.0012
    if not word[0][1] and string[0].isupper():
        share *= 0.2
    if string.isalpha() and string.lower() not in time_words:
        share *= 20
    for before, char in zip(string, string[1:]):
        share /= 15 if char.isalpha() else 5 if before.isdigit() and char.isdigit() else 50
    return share


def _is_mark(char: str) -> bool:
    """An ASCII punctuation mark or digit (a trigger may start with one: ":3", "/1", "19")."""
    return char.isascii() and not char.isspace() and not char.isalpha()


def _is_digit_set(op, av) -> bool:
    if op is _sre.LITERAL:
        return chr(av).isdecimal()
    if op is _sre.IN:
        for item_op, item in av:
            if item_op is _sre.LITERAL and chr(item).isdecimal():
                continue
            if item_op is _sre.RANGE and 48 <= item[0] <= item[1] <= 57:
                continue
            if item_op is _sre.CATEGORY and item is _sre.CATEGORY_DIGIT:
                continue
            return False
        return True
    return False


def _no_letter(code: int, icase: bool) -> bool:
    return code not in _ASCII_LETTERS and not (icase and code > 127)


def _set_has_no_letter(op, av, icase: bool) -> bool:
    """No character the node matches is an ASCII letter (A-Z, a-z)."""
    if op is _sre.LITERAL:
        return _no_letter(av, icase)
    if op is _sre.IN:
        for item_op, item in av:
            if item_op is _sre.LITERAL and _no_letter(item, icase):
                continue
            if item_op is _sre.RANGE and not (icase and item[1] > 127) and \
                    not any(c in _ASCII_LETTERS for c in range(item[0], min(item[1], 127) + 1)):
                continue
            if item_op is _sre.CATEGORY and item in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_SPACE,
                                                      _sre.CATEGORY_NOT_WORD):
                continue
            return False
        return True
    return False


def _covers_letters(items) -> bool:
    """A lookbehind ``(?<![...])`` over these excludes every ASCII letter before a position."""
    if len(items) != 1 or items[0][0] is not _sre.IN:
        return False
    codes = set()
    for item_op, item in items[0][1]:
        if item_op is _sre.NEGATE:
            return False
        if item_op is _sre.CATEGORY and item is _sre.CATEGORY_WORD:
            return True
        if item_op is _sre.LITERAL:
            codes.add(item)
        elif item_op is _sre.RANGE:
            codes.update(range(item[0], item[1] + 1))
    return _ASCII_LETTERS <= codes


def _run_kind(op, av) -> str:
    """'digit' when a repeated node matches only digits (their long runs are found with the
    digit triggers), else 'other' (found by one pass over the union of such classes)."""
    return "digit" if _is_digit_set(op, av) else "other"


def _run_cap(op, av) -> int:
    return _RUN_CAP if _run_kind(op, av) == "digit" else _SPACE_CAP


_SINGLE = (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT) + ((_sre.POSSESSIVE_REPEAT,) if hasattr(_sre, "POSSESSIVE_REPEAT") else ())
_GROUPS = (_sre.SUBPATTERN,) + ((_sre.ATOMIC_GROUP,) if hasattr(_sre, "ATOMIC_GROUP") else ())


def _plain(items) -> list:
    """A parsed pattern with its `SubPattern`s made lists: the trigger analysis reads each
    many times over, and a `SubPattern` is indexed through a Python method (the analysis of
    all rules: 0.25 -> 0.21 s)."""
    nodes = []
    for op, av in (items.data if isinstance(items, _sre.SubPattern) else items):
        if op is _sre.SUBPATTERN:
            av = (*av[:3], _plain(av[3]))
        elif op in _GROUPS:
            av = _plain(av)
        elif op is _sre.BRANCH:
            av = (av[0], [_plain(branch) for branch in av[1]])
        elif op in _REPEATS:
            av = (av[0], av[1], _plain(av[2]))
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            av = (av[0], _plain(av[1]))
        nodes.append((op, av))
    return nodes


class _Reader:
    """Reads one parsed pattern: how much it can consume, how far it can read, and its
    cheapest trigger (results remembered per node of this parse)."""

    def __init__(self, time_words: frozenset[str] = frozenset()) -> None:
        self._memo: dict[tuple, object] = {}
        self.time_words = time_words

    def _remember(self, compute, op, av, icase: bool, *more):
        """``compute(op, av, icase, *more)``, once per node (and arguments)."""
        if op in _SINGLE:
            return compute(op, av, icase, *more)
        key = (compute.__name__, id(av), icase, *more)
        try:
            return self._memo[key]
        except KeyError:
            found = self._memo[key] = compute(op, av, icase, *more)
            return found

    # -- flags and children
    @staticmethod
    def _inner(op, av, icase: bool):
        """(children, ignore case) of a group."""
        if op is _sre.SUBPATTERN:
            _, add, remove, items = av
            if add & _sre.SRE_FLAG_IGNORECASE:
                icase = True
            if remove & _sre.SRE_FLAG_IGNORECASE:
                icase = False
            return items, icase
        return av, icase

    @staticmethod
    def _count(av) -> int:
        low, high, items = av
        if high != _UNBOUNDED:
            return high
        if len(items) == 1 and items[0][0] in _SINGLE:
            return max(low, _run_cap(*items[0]))
        raise _Opaque("unbounded repeat of more than one character")

    # -- widths
    def width(self, items, icase: bool) -> int:
        """Most characters the items can consume (unbounded runs counted as _RUN_CAP)."""
        return sum(self.node_width(op, av, icase) for op, av in items)

    def node_width(self, op, av, icase: bool) -> int:
        return self._remember(self._node_width, op, av, icase)

    def _node_width(self, op, av, icase: bool) -> int:
        if op in _SINGLE:
            return 1
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return 0
        if op in _GROUPS:
            return self.width(*self._inner(op, av, icase))
        if op is _sre.BRANCH:
            return max(self.width(branch, icase) for branch in av[1])
        if op in _REPEATS:
            return self._count(av) * self.width(av[2], icase)
        raise _Opaque(f"unsupported construct {op}")

    # -- reach: how far right of its start a node can read
    def reach(self, items, icase: bool) -> int:
        best, consumed = 0, 0
        for op, av in items:
            best = max(best, consumed + self.node_reach(op, av, icase))
            consumed += self.node_width(op, av, icase)
        return max(best, consumed)

    def node_reach(self, op, av, icase: bool) -> int:
        return self._remember(self._node_reach, op, av, icase)

    def _node_reach(self, op, av, icase: bool) -> int:
        if op in _SINGLE:
            return 1
        if op is _sre.AT:
            return 2 if av in (_sre.AT_END, _sre.AT_END_LINE, _sre.AT_END_STRING) else 1
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            direction, items = av
            return self.reach(items, icase) if direction == 1 else 0
        if op in _GROUPS:
            return self.reach(*self._inner(op, av, icase))
        if op is _sre.BRANCH:
            return max(self.reach(branch, icase) for branch in av[1])
        if op in _REPEATS:
            # every iteration, plus the character a greedy repeat reads to stop
            return self._count(av) * max(self.reach(av[2], icase), 1) + 1
        raise _Opaque(f"unsupported construct {op}")

    # -- the letter before a position
    def ends_without_letter(self, items, icase: bool) -> bool | None:
        """True: the items' last consumed character is never an ASCII letter; False: it may
        be one; None: they may consume nothing, else end without a letter."""
        for op, av in reversed(list(items)):
            verdict = self.node_ends_without_letter(op, av, icase)
            if verdict is False:
                return False
            if verdict is True and self.node_min_width(op, av) > 0:
                return True
        return None

    def node_ends_without_letter(self, op, av, icase: bool) -> bool | None:
        return self._remember(self._node_ends_without_letter, op, av, icase)

    def _node_ends_without_letter(self, op, av, icase: bool) -> bool | None:
        if op in (_sre.LITERAL, _sre.IN):
            return _set_has_no_letter(op, av, icase)
        if op in (_sre.NOT_LITERAL, _sre.ANY):
            return False
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return None
        if op in _GROUPS:
            return self.ends_without_letter(*self._inner(op, av, icase))
        if op is _sre.BRANCH:
            verdicts = [self.ends_without_letter(branch, icase) for branch in av[1]]
            return False if False in verdicts else None if None in verdicts else True
        if op in _REPEATS:
            return self.ends_without_letter(av[2], icase)
        raise _Opaque(f"unsupported construct {op}")

    def node_min_width(self, op, av) -> int:
        return self._remember(self._node_min_width, op, av, False)

    def _node_min_width(self, op, av, _icase: bool) -> int:
        if op in _SINGLE:
            return 1
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return 0
        if op in _GROUPS:
            return sum(self.node_min_width(*node) for node in self._inner(op, av, False)[0])
        if op is _sre.BRANCH:
            return min(sum(self.node_min_width(*node) for node in branch) for branch in av[1])
        if op in _REPEATS:
            return av[0] * sum(self.node_min_width(*node) for node in av[2])
        raise _Opaque(f"unsupported construct {op}")

    # -- leading strings
    def lead(self, items, icase: bool) -> tuple[set, bool]:
        """Strings every match of ``items`` starts with, and whether they are all it matches."""
        found: set = {()}
        for op, av in items:
            strings, complete = self.node_lead(op, av, icase)
            joined = {a + b for a in found for b in strings}
            if len(joined) > _LEAD_LIMIT:
                return found, False
            found = joined
            if not complete:
                return found, False
        return found, True

    def node_lead(self, op, av, icase: bool) -> tuple[set, bool]:
        return self._remember(self._node_lead, op, av, icase)

    def _node_lead(self, op, av, icase: bool) -> tuple[set, bool]:
        if op is _sre.LITERAL:
            return {((chr(av), icase),)}, True
        if op is _sre.IN and all(item_op is _sre.LITERAL or item_op is _sre.RANGE and item[1] - item[0] < 10
                                 for item_op, item in av):
            chars = {chr(c) for item_op, item in av
                     for c in ((item,) if item_op is _sre.LITERAL else range(item[0], item[1] + 1))}
            if len(chars) <= 10:
                return {((char, icase),) for char in chars}, True
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return {()}, True
        if op in _GROUPS:
            return self.lead(*self._inner(op, av, icase))
        if op is _sre.BRANCH:
            strings, complete = set(), True
            for branch in av[1]:
                found, done = self.lead(branch, icase)
                strings |= found
                complete = complete and done
                if len(strings) > _LEAD_LIMIT:
                    return {()}, False
            return strings, complete
        if op in _REPEATS and av[0] == 0 and av[1] == 1:
            strings, complete = self.lead(av[2], icase)
            return strings | {()}, complete
        if op in _REPEATS and av[0] >= 1:
            strings, complete = self.lead(av[2], icase)
            return strings, complete and av[0] == av[1] == 1
        return {()}, False

    # -- the first character
    def first_class(self, items, icase: bool) -> str | None:
        """A regex class body ("0-9:", "Ff0-9") holding every character a match can start
        with, when that is a known, plain set; else None."""
        try:
            nodes, empty = self._first(items, icase)
        except _Opaque:
            return None
        if empty or not nodes:
            return None
        codes: set[int] = set()
        digits = False
        for op, av, node_icase in nodes:
            node: set[int] = set()
            for item_op, item in ([(op, av)] if op is _sre.LITERAL else av if op is _sre.IN else [(None, None)]):
                if item_op is _sre.LITERAL:
                    node.add(item)
                elif item_op is _sre.RANGE and item[1] - item[0] < 128:
                    node.update(range(item[0], item[1] + 1))
                elif item_op is _sre.CATEGORY and item is _sre.CATEGORY_DIGIT:
                    digits = True
                else:  # negated sets, spaces, word characters...: too common or unknown
                    return None
            if node_icase:
                if any(code > 127 and not chr(code).lower() == chr(code).upper() == chr(code) for code in node):
                    return None  # case folding beyond ASCII: not spelled out
                node |= {ord(c) for code in node if code < 128 and chr(code).isalpha() for c in _CASES[chr(code).lower()]}
            codes |= node
        return (r"\d" if digits else "") + "".join(f"\\U{code:08x}" for code in sorted(codes))

    def _first(self, items, icase: bool) -> tuple[list, bool]:
        """The single-character nodes a match of ``items`` can start with; whether it can
        consume nothing."""
        nodes: list = []
        for op, av in items:
            found, empty = self._node_first(op, av, icase)
            nodes += found
            if not empty:
                return nodes, False
        return nodes, True

    def _node_first(self, op, av, icase: bool) -> tuple[list, bool]:
        if op in _SINGLE:
            return [(op, av, icase)], False
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return [], True
        if op in _GROUPS:
            return self._first(*self._inner(op, av, icase))
        if op is _sre.BRANCH:
            nodes, empty = [], False
            for branch in av[1]:
                found, branch_empty = self._first(branch, icase)
                nodes += found
                empty = empty or branch_empty
            return nodes, empty
        if op in _REPEATS:
            found, empty = self._first(av[2], icase)
            return found, empty or av[0] == 0
        raise _Opaque(f"unsupported construct {op}")

    # -- triggers
    def trigger(self, items, icase: bool, letter_free_before: bool) -> _Trigger | None:
        """The cheapest trigger every match of ``items`` contains; distances from their start."""
        best: _Trigger | None = None
        best_cost = 0.0
        offset = 0
        items = list(items)
        reaches = [0] * (len(items) + 1)  # how far right of each node the rest can read
        for i in range(len(items) - 1, -1, -1):
            op, av = items[i]
            reaches[i] = max(self.node_reach(op, av, icase), self.node_width(op, av, icase) + reaches[i + 1])
        for i, (op, av) in enumerate(items):
            rest = items[i:]
            options = []
            words = self._words(rest, icase, letter_free_before)
            if words:
                options.append(_Trigger(False, frozenset(words), 0, 0, ("at", i)))
            if _is_digit_set(op, av):
                options.append(_Trigger(True, frozenset(), 0, 0, ("at", i)))
            inner = self._node_trigger(op, av, icase, letter_free_before)
            if inner is not None:
                options.append(attrs.evolve(inner, path=("in", i, inner.path)))
            if options:
                reach = reaches[i]
                for option in options:
                    placed = attrs.evolve(option, before=offset + option.before, after=max(option.after, reach))
                    cost = placed.cost(self.time_words)
                    if best is None or cost < best_cost:
                        best, best_cost = placed, cost
            offset += self.node_width(op, av, icase)
            letter_free_before = self._after(op, av, icase, letter_free_before)
        return best

    def _words(self, items, icase: bool, letter_free_before: bool) -> set | None:
        """The strings every match of ``items`` starts with, when each can be a trigger: a
        word at a word start, or two or more characters from an ASCII mark on (":3", "/1")."""
        if not letter_free_before:  # a word after a letter: no trigger (seen from the first item)
            first, _ = self.node_lead(*items[0], icase)
            if any(string and ord(string[0][0]) in _ASCII_LETTERS for string in first):
                return None
        strings, _ = self.lead(items, icase)
        words = set()
        for string in strings:
            if not string:
                return None
            first = string[0][0]
            if ord(first) in _ASCII_LETTERS:
                if not letter_free_before:
                    return None
            elif not _is_mark(first):
                return None
            kept = []  # up to the first space or non-ASCII character ("o'clock", "a.m")
            for char, char_icase in string:
                if not char.isascii() or char.isspace():
                    break
                kept.append((char, char_icase))
            if len(kept) < 2 and not kept[0][0].isalpha():
                return None  # a lone mark is too common to look for
            words.add(tuple(kept))
        return words

    def _after(self, op, av, icase: bool, letter_free: bool) -> bool:
        """Whether the character before the next node is surely not an ASCII letter."""
        if op is _sre.ASSERT_NOT and av[0] == -1 and _covers_letters(av[1]):
            return True
        if op is _sre.AT and av in (_sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
            return True  # \b before a word trigger (which starts with a \w character)
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return letter_free
        verdict = self.node_ends_without_letter(op, av, icase)
        if verdict is True and self.node_min_width(op, av) > 0:
            return True
        return verdict is not False and letter_free

    def _node_trigger(self, op, av, icase: bool, letter_free_before: bool) -> _Trigger | None:
        return self._remember(self._node_trigger_uncached, op, av, icase, letter_free_before)

    def _node_trigger_uncached(self, op, av, icase: bool, letter_free_before: bool) -> _Trigger | None:
        if op in _GROUPS:
            items, inner_icase = self._inner(op, av, icase)
            return self.trigger(items, inner_icase, letter_free_before)
        if op is _sre.BRANCH:
            chosen = []
            for branch in av[1]:  # (a branch without a trigger: none for the whole)
                found = self.trigger(branch, icase, letter_free_before)
                if found is None:
                    return None
                chosen.append(found)
            return _Trigger(any(t.digit for t in chosen), frozenset().union(*(t.words for t in chosen)),
                            max(t.before for t in chosen), max(t.after for t in chosen),
                            ("branch", tuple(t.path for t in chosen)))
        if op in _REPEATS and av[0] >= 1:
            return self.trigger(av[2], icase, letter_free_before)
        return None


def _walk_runs(items, icase: bool, found: list) -> None:
    """Collect (op, av, ignore case) of every unbounded repeat's item; refuse wider ones."""
    for op, av in items:
        if op in _GROUPS:
            _walk_runs(*_Reader._inner(op, av, icase), found)
        elif op is _sre.BRANCH:
            for branch in av[1]:
                _walk_runs(branch, icase, found)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _walk_runs(av[1], icase, found)
        elif op in _REPEATS:
            if av[1] == _UNBOUNDED:
                if len(av[2]) != 1 or av[2][0][0] not in _SINGLE:
                    raise _Opaque("unbounded repeat of more than one character")
                found.append((av[2][0][0], av[2][0][1], icase))
            _walk_runs(av[2], icase, found)


_CATEGORY_SOURCE = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
                    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}


def _class_source(op, av, icase: bool) -> str:
    """A regex for the characters one parsed single-character node matches."""
    if op is _sre.ANY:
        return r"[\s\S]"
    if op is _sre.LITERAL:
        body = f"\\U{av:08x}"
    elif op is _sre.NOT_LITERAL:
        body = f"^\\U{av:08x}"
    else:
        parts = []
        for item_op, item in av:
            if item_op is _sre.NEGATE:
                parts.insert(0, "^")
            elif item_op is _sre.LITERAL:
                parts.append(f"\\U{item:08x}")
            elif item_op is _sre.RANGE:
                parts.append(f"\\U{item[0]:08x}-\\U{item[1]:08x}")
            elif item_op is _sre.CATEGORY and item in _CATEGORY_SOURCE:
                parts.append(_CATEGORY_SOURCE[item])
            else:
                raise _Opaque(f"unsupported class item {item_op}")
        body = "".join(parts)
    cased = icase and any(item_op in (_sre.LITERAL, _sre.RANGE) for item_op, _ in (
        [(op, av)] if op in (_sre.LITERAL, _sre.NOT_LITERAL) else av))
    return f"(?i:[{body}])" if cased else f"[{body}]"


# ------------------------------------------------------------------ trigger checks -----
# A window costs its width in `re` steps (~100 characters for the amount rules), but most
# triggers cannot be part of a match of their rule: "days" in "the days of talks" is
# followed by no "ago". A match with its trigger at p holds the rest of the pattern from the
# trigger on at p (the *tail*: one `match` on the text) and the pattern up to the trigger
# just before p (the *head*: one `match` of its reverse on the reversed text before p,
# look-arounds left out, so it accepts a superset). A word trigger that fails either check
# starts no window (`_checked`; `_cover` keeps the windows' search exact): the windows of
# the rules after "ago", "before", "later"... went from 6.9 to 0.3 ms a pass on TempEval-3.
_FLAG_LETTERS = {_sre.SRE_FLAG_IGNORECASE: "i", _sre.SRE_FLAG_MULTILINE: "m", _sre.SRE_FLAG_DOTALL: "s"}
_AT_SOURCE = {_sre.AT_BEGINNING: "^", _sre.AT_BEGINNING_STRING: r"\A", _sre.AT_BOUNDARY: r"\b",
              _sre.AT_NON_BOUNDARY: r"\B", _sre.AT_END: "$", _sre.AT_END_STRING: r"\Z"}


def _group_open(op, av) -> str:
    """How a group's source starts, its flags kept and its name dropped."""
    if op is not _sre.SUBPATTERN or not (av[1] or av[2]):
        return "(?:"
    if (av[1] | av[2]) & ~sum(_FLAG_LETTERS):
        raise _Opaque("a flag the checks do not write")
    added = "".join(letter for flag, letter in _FLAG_LETTERS.items() if av[1] & flag)
    removed = "".join(letter for flag, letter in _FLAG_LETTERS.items() if av[2] & flag)
    return f"(?{added}{'-' + removed if removed else ''}:"


def _repeat_suffix(low: int, high: int) -> str:
    return f"{{{low},}}" if high == _UNBOUNDED else f"{{{low},{high}}}"


def _literal_strings(items) -> set[str] | None:
    """Every string ``items`` match, when they are plain characters, alternatives of them and
    optional parts, and not too many; else None. A space stands for ``\\s+`` (the word lists
    write one so, see `en._alt`), and for a space: so read, the strings match a superset."""
    found = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            options = {chr(av)}
        elif op is _sre.MAX_REPEAT and av[0] in (0, 1) and av[1] == _UNBOUNDED and list(av[2]) == [
                (_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]:  # \s+, \s*
            options = {" "} if av[0] else {"", " "}
        elif op is _sre.BRANCH:
            options = set()
            for branch in av[1]:
                strings = _literal_strings(branch)
                if strings is None:
                    return None
                options |= strings
        elif op is _sre.SUBPATTERN and not (av[1] or av[2]):
            options = _literal_strings(av[3])
        elif op is _sre.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            options = _literal_strings(av[2])
            options = None if options is None else options | {""}
        else:
            return None
        if options is None or len(found) * len(options) > _LEAD_LIMIT:
            return None
        found = {a + b for a in found for b in options}
    return found


def _source(items, reverse: bool = False) -> str:
    """A regex for what the parsed ``items`` match, without group names; with ``reverse``,
    for their matches spelled backwards, look-arounds and anchors left out."""
    parts = []
    for op, av in (reversed(list(items)) if reverse else items):
        if op is _sre.ANY:
            parts.append(".")
        elif op is _sre.LITERAL:  # (as the character, not a class: the same parse, and most of
            parts.append(re.escape(chr(av)))  # a pattern: its source ~4x shorter, compiled faster)
        elif op in _SINGLE:
            parts.append(_class_source(op, av, False))
        elif op is _sre.AT:
            if not reverse:
                if av not in _AT_SOURCE:
                    raise _Opaque(f"unsupported anchor {av}")
                parts.append(_AT_SOURCE[av])
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if not reverse:
                direction, inner = av
                kind = ("=" if op is _sre.ASSERT else "!") if direction == 1 else ("<=" if op is _sre.ASSERT else "<!")
                parts.append(f"(?{kind}{_source(inner)})")
        elif op in _GROUPS:
            parts.append(_group_open(op, av) + _source(_Reader._inner(op, av, False)[0], reverse) + ")")
        elif op is _sre.BRANCH:
            # Written backwards, a prefix tree of words (`en._alt`) is a plain list of
            # alternatives, which `re` tries one by one: made a tree again (the amounts'
            # head: 2.0 -> 0.6 µs a trigger).
            strings = _literal_strings([(op, av)]) if reverse else None
            if strings is not None:
                parts.append(f"(?:{en._alt(string[::-1] for string in strings)})")
            else:
                parts.append("(?:" + "|".join(_source(branch, reverse) for branch in av[1]) + ")")
        elif op in _REPEATS:
            low, high, inner = av
            lazy = "?" if op is _sre.MIN_REPEAT else ""
            parts.append(f"(?:{_source(inner, reverse)}){_repeat_suffix(low, high)}{lazy}")
        else:
            raise _Opaque(f"unsupported construct {op}")
    return "".join(parts)


def _tail_source(items, path) -> str:
    """The pattern from the trigger at ``path`` on (see `_Trigger.path`)."""
    i = path[1]
    if path[0] == "at":
        return _source(items[i:])
    op, av = items[i]
    inner, rest = path[2], _source(items[i + 1:])
    if op is _sre.BRANCH:
        return "(?:" + "|".join(_tail_source(branch, where) for branch, where in zip(av[1], inner[1], strict=True)) + ")" + rest
    if op in _GROUPS:
        return _group_open(op, av) + _tail_source(_Reader._inner(op, av, False)[0], inner) + ")" + rest
    if op in _REPEATS:  # the trigger in the first round, then up to high - 1 more rounds
        low, high, body = av
        more = _repeat_suffix(0, high if high == _UNBOUNDED else high - 1)
        return f"(?:{_tail_source(body, inner)})(?:{_source(body)}){more}" + rest
    raise _Opaque(f"unsupported construct {op}")


def _head_source_reversed(items, path) -> str:
    """The pattern up to the trigger at ``path``, spelled backwards (see `_source`)."""
    i = path[1]
    before = _source(items[:i], reverse=True)
    if path[0] == "at":
        return before
    op, av = items[i]
    inner = path[2]
    if op is _sre.BRANCH:
        return "(?:" + "|".join(_head_source_reversed(branch, where)
                                for branch, where in zip(av[1], inner[1], strict=True)) + ")" + before
    if op in _GROUPS:
        return _group_open(op, av) + _head_source_reversed(_Reader._inner(op, av, False)[0], inner) + ")" + before
    if op in _REPEATS:  # the trigger in the first round
        return f"(?:{_head_source_reversed(av[2], inner)})" + before
    raise _Opaque(f"unsupported construct {op}")


def _same_shape(items, other, path) -> bool:
    """Whether two parses agree along ``path``: the zone stand-in (one node, as the zone is)
    changes no index there."""
    i = path[1]
    if len(items) != len(other) or items[i][0] is not other[i][0]:
        return False
    if path[0] == "at":
        return True
    inner = path[2]
    (op, av), (_, other_av) = items[i], other[i]
    if op is _sre.BRANCH:
        return len(av[1]) == len(other_av[1]) and all(
            _same_shape(a, b, where) for a, b, where in zip(av[1], other_av[1], inner[1]))
    if op in _GROUPS:
        return _same_shape(_Reader._inner(op, av, False)[0], _Reader._inner(op, other_av, False)[0], inner)
    return _same_shape(av[2], other_av[2], inner)


@attrs.frozen
class _Check:
    """A rule's trigger check: the tail matched at a trigger, the reversed head before it
    (None: not checked)."""

    tail: re.Pattern | None
    head: re.Pattern | None


@attrs.frozen
class _Reading:
    """What the index read of a rule: its parse (with the zone's stand-in if ``stand_in``), its
    trigger there, and the characters it can start with (see `_Reader.first_class`)."""

    parsed: list
    trigger: _Trigger
    first: str | None
    stand_in: bool


def _trigger_check(regex: re.Pattern, reading: _Reading) -> _Check | None:
    """The check for the trigger of ``reading`` in ``regex``, with the parts worth running;
    None if no part is, or where it cannot be written. A part is worth it if it refuses a trigger word among
    plain words ("x x days x x"): one that takes that refuses few triggers and costs more
    than it saves (~0.3-0.6 µs a trigger, a window ~1-8 µs). Digit triggers are not checked:
    a run would be checked at each of its digits, and their windows are cheap (many runs
    share one, and `re` skips ahead to a digit)."""
    analysed, trigger = reading.parsed, reading.trigger
    if trigger.digit or not trigger.path:
        return None
    words = ["".join(char for char, _ in word) for word in trigger.words]
    try:
        # Read first from ``analysed``: the zone's stand-in (any characters, as many as a
        # zone can take) compiles fast where the zone alternation does not (building the
        # index: 1.30 -> 1.11 s), and it takes every zone: a head so written is exact where
        # no long run is near (see `_checked`), a tail good enough to try on plain words.
        # A tail worth running is then written from the rule itself (if the stand-in was in).
        items = list(analysed)
        head_source = _head_source_reversed(items, trigger.path)
        head = re.compile(head_source, regex.flags) if head_source else None
        tail = re.compile(_tail_source(items, trigger.path), regex.flags)
        if any(tail.match(word + " x x") for word in words):
            tail = None
        elif reading.stand_in:
            items = list(_sre.parse(regex.pattern, regex.flags))
            tail = (re.compile(_tail_source(items, trigger.path), regex.flags)
                    if _same_shape(items, list(analysed), trigger.path) else None)
    except Exception:  # noqa: BLE001 - _Opaque, or a parse tree not written back: no check
        return None
    if head is not None and head.match(" x x"):  # "x x " read backwards
        head = None
    return None if tail is None and head is None else _Check(tail, head)


@attrs.frozen(slots=False)  # (a __dict__ for the parts written on first use)
class _Group:
    """Rules that share a trigger; ``before``/``after`` are the widest among them.

    What the windows run (``scans``, ``gate``) and the trigger checks (``checks``) are
    shortcuts (the scan finds the same matches without them), written from the rules when
    first read (see `_ScanIndex.use_shortcuts`): writing them with the index took 0.6 s of
    the first call."""

    digit: bool
    words: frozenset
    before: int
    after: int
    rules: tuple[_CompiledRule, ...]
    word_start: re.Pattern | None  # matches at the start of a prefilter hit holding one of ``words``
    readings: list[_Reading] = attrs.field(eq=False, repr=False)  # per rule, until the shortcuts are written

    def write_shortcuts(self) -> None:
        """Write ``checks``, ``scans`` and ``gate`` now, and let go of the parses they are
        written from (~46,000 objects that nothing else reads)."""
        self.checks, self.scans, self.gate  # noqa: B018 - written on first reading
        self.readings.clear()

    @functools.cached_property
    def scans(self) -> tuple[tuple[re.Pattern, bool], ...]:
        """Per rule, what the windows run (see `_with_first_class`); behind a gate, the rule
        itself: the gate leaves few windows (the clock rules: 11 of ~2,000 a TempEval-3 pass),
        and their probes, zones and all, took 50 ms to write."""
        if self.gate is not None:
            return tuple((compiled.regex, False) for compiled in self.rules)
        return tuple(_with_first_class(compiled.regex, reading.first)
                     for compiled, reading in zip(self.rules, self.readings))

    @functools.cached_property
    def checks(self) -> tuple[_Check, ...] | None:
        """Per rule, its trigger check; None: every trigger counts."""
        checks = tuple(_trigger_check(compiled.regex, reading) for compiled, reading in zip(self.rules, self.readings))
        return None if None in checks else checks

    @functools.cached_property
    def gate(self) -> re.Pattern | None:
        """Found in a window where any of the rules matches (see `_gate`)."""
        return _gate(self.rules, [reading.first for reading in self.readings])


def _with_first_class(regex: re.Pattern, first: str | None) -> tuple[re.Pattern, bool]:
    """``regex`` behind a look-ahead for the characters it can start with, when known: `re`
    then skips other positions fast rather than running the rule's leading look-behinds at
    each (measured: 30 -> 13 ns per character for a clock-time rule; 74 -> 54 ms for all
    rules on TempEval-3). The same matches: the look-ahead only refuses starts the rule refuses.

    A rule that starts with no letter (a digit, a mark) is searched for as a *probe*: that
    character, then the rule as a look-ahead from it (in a look-behind of one character). A
    character read first lets `re` skip to it by its class test alone (the clock rules'
    windows: 9.4 -> 7.2 ms a pass); the probe is found where the rule matches, and `_scan`
    reads the match there with ``regex.match`` (the second value says so). For letters,
    which fill any window, the look-ahead is faster."""
    if first is None:
        return regex, False
    try:  # (written on first use: a failure must not stop the scan)
        if _no_letter_first(first):
            return re.compile(f"[{first}](?<=(?=(?:{regex.pattern})).)", regex.flags), True
        return re.compile(f"(?=[{first}])" + regex.pattern, regex.flags), False
    except re.error:  # the rule itself, which is exact
        return regex, False


def _no_letter_first(first: str) -> bool:
    """Whether a rule whose first characters are ``first`` (see `_Reader.first_class`) starts
    with no letter: it is searched for as a probe (see `_with_first_class`)."""
    return not any(int(code, 16) in _ASCII_LETTERS for code in re.findall(r"\\U([0-9a-f]{8})", first))


def _gate(rules: tuple[_CompiledRule, ...], firsts: list[str | None]) -> re.Pattern | None:
    """For several rules that start with no letter (``firsts``: the characters each can
    start with): one probe (see `_with_first_class`) for them all, the rules (their group
    names dropped) as alternatives of its look-ahead. A window where it finds nothing holds no
    match of any: one search there instead of one per rule."""
    if len(rules) < 2 or not all(first is not None and _no_letter_first(first) for first in firsts) \
            or len({rule.regex.flags for rule in rules}) > 1:
        return None
    try:
        alternatives = "|".join(_source(list(_sre.parse(rule.regex.pattern, rule.regex.flags)))
                                for rule in rules)
        return re.compile(f"[{''.join(firsts)}](?<=(?=(?:{alternatives})).)", rules[0].regex.flags)
    except Exception:  # noqa: BLE001 - a pattern not written back: each rule searched alone
        return None


def _word_source(word) -> str:
    return "".join(f"(?i:{re.escape(c)})" if icase else re.escape(c) for c, icase in word)


class _ScanIndex:
    """A grammar's rules grouped by trigger, with the prefilter that finds the triggers."""

    def __init__(self, grammar: Grammar):
        everywhere: list[_CompiledRule] = []
        triggers: dict[tuple, list] = {}
        runs: list = []
        kinds: set[str] = set()
        # The zone alternation (every place name) is most of some patterns: read it once and
        # let a stand-in of its width and reach, with no trigger of its own, take its place.
        zone = zone_pattern(grammar.lang)
        try:
            zone_parsed = _plain(_sre.parse(zone))
            zone_reader, zone_runs = _Reader(), []
            _walk_runs(zone_parsed, False, zone_runs)
            zone_reach = max(zone_reader.reach(zone_parsed, False), zone_reader.reach(zone_parsed, True))
            stand_in = (f"(?:[\\s\\S]{{{sum(zone_reader.node_min_width(op, av) for op, av in zone_parsed)},"
                        f"{zone_reach}}})")
        except Exception:  # noqa: BLE001 - see below: rules naming a zone then run everywhere
            stand_in = None
        for compiled in grammar.rules:
            try:
                pattern = compiled.regex.pattern
                if zone in pattern:
                    if stand_in is None:
                        raise _Opaque("the zone pattern could not be read")
                    pattern = pattern.replace(zone, stand_in)
                    runs.extend(_class_source(op, av, icase) for op, av, _ in zone_runs for icase in (False, True)
                                if _run_kind(op, av) == "other")
                    kinds.update(_run_kind(op, av) for op, av, _ in zone_runs)
                parsed = _sre.parse(pattern, compiled.regex.flags)
                icase = bool(parsed.state.flags & _sre.SRE_FLAG_IGNORECASE)
                parsed = _plain(parsed)
                reader = _Reader(frozenset(getattr(grammar.lang, "TRIGGER_WORDS", ())))
                if sum(reader.node_min_width(op, av) for op, av in parsed) == 0:
                    raise _Opaque("can match the empty string")
                rule_runs: list = []
                _walk_runs(parsed, icase, rule_runs)
                trigger = reader.trigger(list(parsed), icase, False)
                if trigger is None:
                    raise _Opaque("no trigger")
                run_sources = [_class_source(*run) for run in rule_runs if _run_kind(*run[:2]) == "other"]
                reading = _Reading(parsed, trigger, reader.first_class(list(parsed), icase),
                                   stand_in=pattern != compiled.regex.pattern)
            except Exception:  # noqa: BLE001 - _Opaque, or a `re` parse tree this code does not know:
                everywhere.append(compiled)  # the rule runs over the whole text, which is exact
                continue
            runs.extend(run_sources)
            kinds.update(_run_kind(op, av) for op, av, _ in rule_runs)
            if trigger.digit:  # a trigger of digits alone lies in a digit run, which is a trigger too
                trigger = attrs.evolve(trigger, words=frozenset(
                    word for word in trigger.words if not all(char.isdigit() for char, _ in word)))
            # Rules triggered by digits alone share one group, at the widest distances: their
            # windows differ by a few characters, and one search (the group's `gate`) then
            # tells where none of them matches (most windows of the clock rules).
            distances = () if trigger.digit and not trigger.words else (trigger.before, trigger.after)
            triggers.setdefault((trigger.digit, trigger.words, distances), []).append(
                (trigger, compiled, reading))
        self.everywhere = tuple(everywhere)
        groups = []
        for (digit, words, _), members in triggers.items():
            word_start = re.compile("|".join(_word_source(w) for w in sorted(words))) if words else None
            groups.append(_Group(digit, words, max(t.before for t, _, _ in members),
                                 max(t.after for t, _, _ in members), tuple(c for _, c, _ in members),
                                 word_start, [reading for _, _, reading in members]))
        self.groups = tuple(groups)
        self.digit_groups = tuple(i for i, g in enumerate(groups) if g.digit)
        self.word_groups = tuple(i for i, g in enumerate(groups) if g.words)
        # The word groups by the first character of their triggers, lower-cased (all ASCII,
        # see `_Reader._words`): the only ones whose `word_start` can match a hit starting so.
        by_first: dict[str, set[int]] = {}
        for i in self.word_groups:
            for word in groups[i].words:
                by_first.setdefault(word[0][0].lower(), set()).add(i)
        self._groups_by_first = {first: tuple(sorted(found)) for first, found in by_first.items()}
        self.mixed = tuple(i for i, g in enumerate(groups)
                           if g.digit + len({"".join(c for c, _ in w)[0].isalpha() for w in g.words}) > 1)
        strings = {"".join(c for c, _ in w).lower() for g in groups for w in g.words}
        words = sorted(w for w in strings if w[0].isalpha())
        marks = sorted(w for w in strings if not w[0].isalpha())
        trie = grammar.lang._alt(words) if words else "(?!)"
        mark_class = re.escape("".join(sorted({m[0] for m in marks})))
        mark_trie = grammar.lang._alt(marks) if marks else "(?!)"
        # Fast path, on the lower-cased text (see `_hits`), three passes (one alternation
        # would keep `re` from skipping to candidate characters: 2x slower): digit runs; a
        # trigger word after a non-letter (only that character is consumed, so no trigger
        # hides another, and "5pm" is seen); a mark, then (looking back from it) the trigger
        # string it starts (read whole: its first character and the rest read apart found
        # four times as many strings, "00" and "98" among them, that start no trigger; with
        # them the marks took 6.0 instead of 5.5 ms a TempEval-3 pass, their hits 1.3 ms
        # more); long runs of the repeated non-digit classes.
        self.digits = {True: re.compile("[0-9]+"), False: re.compile(r"\d+")}
        self.words = re.compile(f"[^a-z](?=({trie}))")
        self.marks = re.compile(f"[{mark_class}](?<=(?=({mark_trie})).)" if marks else "(?!)")
        self.word_at = re.compile(trie)
        # ASCII text has its trigger words found in two steps (see `_word_hits`): in the text
        # as bytes with every non-letter a space, each space followed by the letters a
        # trigger word starts with (its letters up to the first other character; a word
        # starting with another's letters left out), then the trigger word there. The space
        # read first lets `re` skip ahead to spaces: 1.2x faster than `words`. A shortcut,
        # compiled with the others (see `use_shortcuts`): it took 3 ms of the first call.
        heads: list[str] = []
        for head in sorted({re.match("[a-z]*", word).group() for word in words}):
            if not (heads and head.startswith(heads[-1])):
                heads.append(head)
        self._word_heads_source = (f" (?={grammar.lang._alt(heads)})".encode()
                                   if heads and "" not in heads else None)
        self.word_heads: re.Pattern | None = None
        self.spaced_letters = bytes(code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 else 32
                                    for code in range(256))  # letters lower-cased, the rest spaces
        # Every mark string holds an ASCII digit at most `mark_lead` characters from its start
        # (None: one holds none), so the marks pass need only read near the digit runs (see
        # `_mark_hits`); `mark_reach` is how far past its start a mark string reads.
        digit_at = [next((i for i, char in enumerate(mark) if char in "0123456789"), None) for mark in marks]
        self.mark_lead = None if None in digit_at or not marks else max(digit_at)
        self.mark_reach = max(map(len, marks), default=0)
        self.digit_cap = _RUN_CAP if "digit" in kinds else None
        plain = sorted({cls[1:-1] for cls in runs if cls.startswith("[") and not cls.startswith("[^")})
        cased = sorted({cls for cls in runs if not (cls.startswith("[") and not cls.startswith("[^"))})
        union = "|".join(([f"[{''.join(plain)}]"] if plain else []) + cased)
        # (The first character spelled out once, so that `re` skips ahead to it: 12% faster.)
        self.long_runs = re.compile(f"(?:{union})(?:{union}){{{_SPACE_CAP},}}" if union else "(?!)")
        # For ASCII text, long runs and digit runs in one `str.translate` and two searches for
        # a literal: each run character becomes _RUN_MARK, each digit _DIGIT_MARK (and those
        # two characters themselves something else). The same runs as the two patterns above,
        # ~2x faster (`re` tries the pattern at every space; it finds a literal much faster).
        run_chars = {code for code in range(128) if self.long_runs.fullmatch(chr(code) * (_SPACE_CAP + 1))}
        digits = set(range(ord("0"), ord("9") + 1))
        self.ascii_marks: dict[int, str] | None = None
        if not run_chars & digits:
            self.ascii_marks = {ord(_RUN_MARK): "\x00", ord(_DIGIT_MARK): "\x00"}
            self.ascii_marks.update({code: _RUN_MARK for code in run_chars})
            self.ascii_marks.update({code: _DIGIT_MARK for code in digits})
        self.marked_runs = re.compile(re.escape(_RUN_MARK) * (_SPACE_CAP + 1) + "+")
        # (Spelled "xx*", not "x+": a literal first lets `re` skip ahead to it: 4x faster.)
        self.marked_digits = re.compile(re.escape(_DIGIT_MARK) * 2 + "*")
        # Slow path, on the text itself, for the rare text where lower-casing would move
        # offsets or fold a non-ASCII letter (K, ſ, ı, İ) onto an ASCII one.
        # (Each pass finds the empty string before a trigger, so none hides another.)
        self.slow_words = re.compile(rf"(?<![A-Za-z])(?=((?i:{trie})))")
        self.slow_marks = re.compile(f"(?=((?i:{mark_trie})))" if marks else "(?!)")
        self._hit_groups: dict[str, tuple[int, ...]] = {}
        self.scans_started = 0  # see `use_shortcuts`
        self.endings = grammar.endings()

    def _groups_of(self, word: str) -> tuple[int, ...]:
        """The word groups with a trigger at the start of prefilter hit ``word``."""
        if not word.isascii():  # a case-folded letter (ſ, K, ı): take every word group
            return self.word_groups
        found = tuple(i for i in self._groups_by_first.get(word[:1].lower(), ())
                      if self.groups[i].word_start.match(word))
        if len(self._hit_groups) < 10_000:
            self._hit_groups[word] = found
        return found

    def _hits(self, text: str) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
        """Per group, the spans of its triggers in text order; and the long runs."""
        lower = text.lower()
        if len(lower) != len(text) or (not text.isascii() and _FOLDS_TO_ASCII.search(text)):
            return self._hits_slow(text)
        hits: list[list[tuple[int, int]]] = [[] for _ in self.groups]
        if text.isascii() and self.ascii_marks is not None:
            marked = text.translate(self.ascii_marks)
            runs = [match.span() for match in self.marked_runs.finditer(marked)]
            spans = [match.span() for match in self.marked_digits.finditer(marked)]
        else:
            runs = [match.span() for match in self.long_runs.finditer(text)]
            spans = [match.span() for match in self.digits[text.isascii()].finditer(text)]
        digit_cap = self.digit_cap
        for i in self.digit_groups:
            hits[i] = spans[:]
        if digit_cap is not None:
            runs += [(start, end) for start, end in spans if end - start > digit_cap]
        words = self._word_hits(text, lower)
        if lower[:1].isalpha():
            first = self.word_at.match(lower)
            if first:
                words.insert(0, first.span())
        words += self._mark_hits(lower, spans)
        known = self._hit_groups
        for start, end in words:
            word = text[start:end]
            targets = known.get(word)
            if targets is None:
                targets = self._groups_of(word)
            for i in targets:
                hits[i].append((start, end))
        return hits, _disjoint(runs)

    def _word_hits(self, text: str, lower: str) -> list[tuple[int, int]]:
        """What the words pass finds in ``lower`` (spans, in text order), for ASCII ``text``
        by way of `word_heads`: each place it finds holds every trigger word there is after a
        non-letter (and a few places more, "money" for "mon."), read there by `word_at`.
        Without `word_heads` (not written yet: see `use_shortcuts`), the words pass itself."""
        if self.word_heads is None or not text.isascii():
            return [match.span(1) for match in self.words.finditer(lower)]
        found = []
        word_at = self.word_at.match
        for head in self.word_heads.finditer(text.encode("ascii").translate(self.spaced_letters)):
            word = word_at(lower, head.end())
            if word is not None:
                found.append(word.span())
        return found

    def _mark_hits(self, lower: str, digit_runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """What the marks pass finds in ``lower`` (spans, in text order), searched only in the
        windows that can hold a mark trigger: from `mark_lead` characters before a run of
        ``digit_runs`` (sorted; together they hold every ASCII digit) to `mark_reach` past
        it, merged. The pass over the whole text tried every mark and digit (5.6 ms a
        TempEval-3 pass; the windows 3.0 ms)."""
        if self.mark_lead is None:
            return [match.span(1) for match in self.marks.finditer(lower)]
        found: list[tuple[int, int]] = []
        window: list[int] | None = None
        for start, end in digit_runs:
            if window is not None and start - self.mark_lead <= window[1]:
                window[1] = end + self.mark_reach
                continue
            if window is not None:
                found += [match.span(1) for match in self.marks.finditer(lower, *window)]
            window = [max(0, start - self.mark_lead), end + self.mark_reach]
        if window is not None:
            found += [match.span(1) for match in self.marks.finditer(lower, *window)]
        return found

    def _hits_slow(self, text: str) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
        hits: list[list[tuple[int, int]]] = [[] for _ in self.groups]
        runs = [match.span() for match in self.long_runs.finditer(text)]
        for match in self.digits[False].finditer(text):
            if self.digit_cap is not None and match.end() - match.start() > self.digit_cap:
                runs.append(match.span())
            for i in self.digit_groups:
                hits[i].append(match.span())
        for pattern in (self.slow_words, self.slow_marks):
            for match in pattern.finditer(text):
                for i in self._groups_of(match.group(1)):
                    hits[i].append(match.span(1))
        for spans in hits:  # digits, words and marks were found in three passes: merge them
            spans.sort()
        return hits, _disjoint(runs)

    def use_shortcuts(self) -> bool:
        """Whether a scan starting now uses the groups' shortcuts (checks, scans, gate: see
        `_Group`), which the scan finds the same matches without. Writing them all takes
        ~0.5 s and they save ~60 ms a MB of text: the process's first scan goes without (it
        would not win that back below ~10 MB); the second writes them all at once (a process
        that scans twice will likely scan many times, and then runs at full speed at once).
        The grammar's `EndingAt` searches are written then too (8 ms in all), not each on its
        first use in some later text (a veto was written 6 texts into a TempEval-3 pass)."""
        self.scans_started += 1
        if self.scans_started == 2:
            for group in self.groups:
                group.write_shortcuts()
            for ending in self.endings:
                ending.write()
            if self._word_heads_source is not None:
                self.word_heads = re.compile(self._word_heads_source)
        return self.scans_started > 1

    def windows(self, text: str, shortcuts: bool = True):
        """(group, [(start, end), ...]) for every group with a trigger in ``text``; without
        ``shortcuts``, around every trigger (no checks)."""
        hits, long_runs = self._hits(text)
        run_ends = [end for _, end in long_runs]
        size = len(text)
        backwards = text[::-1]  # for the heads of the trigger checks
        for i in self.mixed:
            hits[i].sort()
        for group, spans in zip(self.groups, hits):
            if not spans:
                continue
            before, after = group.before, group.after
            dropped: list[tuple[int, int]] = []
            if shortcuts and group.checks is not None:
                spans, dropped = _checked(group, text, backwards, spans, long_runs, run_ends)
                if not spans:
                    continue
            merged: list[tuple[int, int]] = []
            low, high = spans[0][0] - before, spans[0][1] + after
            for start, end in spans:
                if start - before > high:
                    merged.append((low, high))
                    low = start - before
                if end + after > high:
                    high = end + after
            merged.append((low, high))
            if long_runs:
                merged = _widen(merged, long_runs, run_ends, before, after)
            while dropped:
                merged, grown = _cover(merged, dropped, after)
                if not grown:
                    break
                if long_runs:
                    merged = _widen(merged, long_runs, run_ends, before, after)
            if merged[0][0] < 0:
                merged[0] = (0, merged[0][1])
            if merged[-1][1] > size:
                merged[-1] = (merged[-1][0], size)
            yield group, merged


# Characters that `re` case-folds onto an ASCII letter but str.lower() does not map there
# (or maps to two characters): checked by tests/test_mentions.py over all of Unicode.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _checked(group: _Group, text: str, backwards: str, spans: list[tuple[int, int]],
             long_runs: list[tuple[int, int]], run_ends: list[int]):
    """The word triggers that pass a check of their group's rules (see `_Check`), and the
    others. A head is read over ``group.before`` characters at most, which holds all it can
    match unless a long run is that near (then the head is not read)."""
    kept, dropped = [], []
    checks, before, size = group.checks, group.before, len(text)
    for span in spans:
        position = span[0]
        for check in checks:
            if check.tail is not None and check.tail.match(text, position) is None:
                continue
            if check.head is None:
                break
            back = size - position  # where the text before `position` starts, read backwards
            if check.head.match(backwards, back, back + before) is not None:
                break
            near = bisect.bisect_left(run_ends, position - before - 1)
            if near < len(long_runs) and long_runs[near][0] < position:
                break
        else:
            dropped.append(span)
            continue
        kept.append(span)
    return kept, dropped


def _cover(windows: list[tuple[int, int]], dropped: list[tuple[int, int]], after: int):
    """The windows stretched over the reach of the dropped triggers they overlap, and whether
    any grew. A search cut off at a window's end could otherwise see a dropped trigger (no
    match of its own) followed by the end of the text, and match there."""
    grown = list(windows)
    changed = False
    j = 0
    for start, end in dropped:  # in text order
        while j < len(grown) and grown[j][1] <= start:
            j += 1
        if j == len(grown):
            break
        if grown[j][0] < end and end + after > grown[j][1]:
            grown[j] = (grown[j][0], end + after)
            changed = True
    return (_disjoint(grown) if changed else windows), changed


def _widen(windows: list[tuple[int, int]], runs: list[tuple[int, int]], run_ends: list[int],
           before: int, after: int) -> list[tuple[int, int]]:
    """Windows grown over the long runs they touch (a match may cross such a run), re-merged.
    ``runs`` are disjoint and sorted (so are their ``run_ends``); one pass each way."""
    grown = []
    touched = False
    k = 0  # the first run not wholly left of the current window (windows come in order)
    for start, end in windows:
        while k < len(runs) and run_ends[k] < start - 1:
            k += 1
        if k == len(runs) or runs[k][0] > end + 1:  # touches no run: most windows
            grown.append((start, end))
            continue
        touched = True
        first = i = bisect.bisect_left(run_ends, start - 1)
        while i < len(runs) and runs[i][0] <= end + 1:  # rightwards: a run may pull in the next
            start = min(start, runs[i][0] - before)
            end = max(end, runs[i][1] + after)
            i += 1
        j = first - 1
        while j >= 0 and run_ends[j] >= start - 1:  # leftwards, after the start moved
            start = min(start, runs[j][0] - before)
            j -= 1
        grown.append((start, end))
    return _disjoint(grown) if touched else windows  # (windows that touch no run stay disjoint)


def _disjoint(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(runs):
        if joined and start <= joined[-1][1]:
            if end > joined[-1][1]:
                joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_INDEXES: dict[int, tuple[Grammar, _ScanIndex]] = {}  # the grammar kept: its id stays its own


def _scan_index(grammar: Grammar) -> _ScanIndex:
    """Built on first use (reading the patterns takes a moment; importing stays fast)."""
    entry = _INDEXES.get(id(grammar))
    if entry is None or entry[0] is not grammar:
        entry = _INDEXES[id(grammar)] = (grammar, _ScanIndex(grammar))
    return entry[1]


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
    if "lead" in match.re.groupindex and match.group("lead"):  # a preposition matched, not extent
        start = match.end("lead")
    left = text[max(0, start - _LOOKBACK):start]
    modifier = None
    if rule.takes_modifier:
        found = grammar.modifier_before.search(left)
        if found:
            modifier = found[0].lower()
            start -= len(left) - found[1]
            left = text[max(0, start - _LOOKBACK):start]
    after = grammar.modifier_after.match(text, end)
    if after is not None:  # "the next year or so"
        end, modifier = after.end(), modifier or " ".join(after.group("modifier").lower().split())
    preposition = grammar.preposition_before.search(left)
    groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
    return Candidate(
        span=(start, end), text=text[start:end], rule=rule.name, kind=rule.kind,
        groups=groups, modifier=modifier,
        preposition=preposition[0].lower() if preposition else None)


def _counted(c: Candidate, kinds: tuple[str, ...] = ("duration",)) -> bool:
    """One figure and one unit: "two hours", "40 minutes" (of ``kinds``)."""
    return c.kind in kinds and c.get("num") is not None and c.get("unit") is not None \
        and c.get("num2") is None and c.get("half") is None and c.get("fraction") is None


def _unit_seconds(lang: ModuleType, word: str) -> float:
    lemma = lang.UNIT_FORMS.get(word.lower())
    return lang.UNITS[lemma][2] if lemma else 0


def _join_compound_durations(grammar: Grammar, text: str, found: list[Candidate]) -> list[Candidate]:
    """"two hours" and "40 minutes" said as one ("two hours and 40 minutes", "1 hour 20
    minutes", "20 hours and 15 minutes after the meeting began", "in 9 minutes and 30 seconds",
    "8 minutes 48 seconds later") are one duration, counted from an event or from the time
    before if the second is, or from now if the first is: joined when the second unit is the
    smaller, else a list."""
    lang, joined = grammar.lang, []
    for c in found:
        last = joined[-1] if joined else None
        if last is not None and _counted(last, ("duration", "in")) and last.get("unit_b") is None \
                and _counted(c, ("duration", "eventrel", "ago")) \
                and c.modifier is None and grammar.compound_duration_gap.fullmatch(text, last.span[1], c.span[0]):
            if _unit_seconds(lang, last.get("unit")) > _unit_seconds(lang, c.get("unit")) > 0:
                rest = tuple((k, v) for k, v in c.groups if k not in ("num", "unit"))  # "direction"
                joined[-1] = attrs.evolve(
                    last, span=(last.span[0], c.span[1]), text=text[last.span[0]:c.span[1]],
                    rule=f"{last.rule} and {c.rule}", kind=last.kind if c.kind == "duration" else c.kind,
                    groups=last.groups + (("num_b", c.get("num")), ("unit_b", c.get("unit"))) + rest)
                continue
        joined.append(c)
    return joined


def _split_day_ranges(grammar: Grammar, text: str, found: list[Candidate]) -> list[Candidate]:
    """Two days of one month said as a range ("March 20-21, 2024", "19-22 April") are two
    dates sharing the month and year; the events step joins them as a range. A second day
    not after the first ("May 5-3") makes no range: the first date is kept alone."""
    split: list[Candidate] = []
    for c in found:
        other = c.get("day_to") or c.get("day_from")
        if other is None:
            split.append(c)
            continue
        first_day, second_day = (c.get("day"), other) if c.get("day_to") else (other, c.get("day"))
        dash = grammar.day_range_dash.search(c.text)
        first_end, second_start = c.span[0] + dash.start(), c.span[0] + dash.end()
        shared = tuple((k, v) for k, v in c.groups if k not in ("day", "day_to", "day_from"))
        split.append(attrs.evolve(c, span=(c.span[0], first_end), text=text[c.span[0]:first_end],
                                  groups=shared + (("day", first_day),)))
        if _day_number(second_day) > _day_number(first_day):
            split.append(attrs.evolve(
                c, span=(second_start, c.span[1]), text=text[second_start:c.span[1]],
                groups=tuple((k, v) for k, v in shared if k != "weekday") + (("day", second_day),),
                modifier=None, preposition=None))
    return split


def _day_number(day: str) -> int:
    return int(re.match(r"\d+", day)[0])  # "21st" -> 21


def find_candidates(text: str, lang: str = "en") -> list[Candidate]:
    """Every time expression in ``text``, in text order, non-overlapping."""
    grammar = GRAMMARS[lang]
    found = [_with_context(grammar, text, item) for item in _select(_scan(grammar, text))]
    return _join_compound_durations(grammar, text, _split_day_ranges(grammar, text, found))
