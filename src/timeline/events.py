"""Mentions + sentences → event drafts: which clause each time dates, its trigger verb, and
the undated clauses the text places in sequence ("and then relaunches …")."""
from __future__ import annotations

import bisect
import os
import re
from datetime import datetime
from functools import lru_cache
from itertools import islice

import attrs

from .mentions import _FOLDS_TO_ASCII, Grammar, PhraseBefore, _source
from .text import Sentence
from .values import FINE_GRAINS, TimeMention
from .words import (event_nouns, irregular_verb_forms, is_participle_aside, is_verb_form, lang_code,
                    result_nouns, verb_forms)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’-")  # of _WORD
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|\s/(?=\s|$)")
# Applied once a clause's whitespace is single spaces: the literal space first lets `re` skip
# ahead to spaces (2x faster than r"\s+(?=[,.;:!?])", which is tried at every character).
_SPACE_BEFORE_MARK = re.compile(r" \s*(?=[,.;:!?])")
# Marks repeated (", ;"), or at the start: a clause's first match of r"(^|[,;:])\s*[,;:]+"
# split in two, so that `re` can skip ahead to a mark (3x faster).
_LEADING_MARKS = re.compile(r"\s*[,;:]+")
_REPEATED_MARKS = re.compile(r"([,;:])\s*[,;:]+")
_SPACED_MARK = re.compile(r" [,.;:!?]")  # (the space first: `re` skips ahead to spaces)
_MARK_PAIR = re.compile(r"[,;:][,;:]")
_MAX_WORDS = 18
_CLAUSE_WINDOW = 300  # characters each side of a time read for its event


def _squeeze_spaces(text: str) -> str:
    """``re.sub(r"\\s+", " ", text)``, twice as fast (str.split splits where ``\\s`` matches)."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


@attrs.frozen
class EventDraft:
    """An event before it is placed in time: what, where in the text, dated by which mentions."""

    id: str
    description: str
    trigger: str | None
    trigger_span: tuple[int, int] | None
    sentence: Sentence
    mentions: tuple[int, ...]  # indexes into the mention list; empty for sequence events
    sequence: bool = False     # placed after its predecessor by a word like "then"


try:  # the `re` parser: re._parser since Python 3.11, sre_parse before
    from re import _parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]


def _is_space(op, av) -> bool:
    """A pattern node matching whitespace only: \\s, \\s+, \\s*."""
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        return len(av[2]) == 1 and _is_space(*av[2][0])
    return op is _sre.IN and list(av) == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]


def _anchors(items) -> list[tuple[str, str]] | None:
    """Where a match of ``items`` can start once its leading whitespace is left out, as
    (its first character, a regex matching there that starts with that character): the items
    from that character on, the rest of an enclosing group left out (so it matches wherever
    the pattern does, and more). None when the pattern is not read that far."""
    for i, (op, av) in enumerate(items):
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT) or _is_space(op, av):
            continue  # zero-width, or whitespace: look further
        if op is _sre.LITERAL:
            return [(chr(av), _source(items[i:]))]
        if op is _sre.IN and all(item_op is _sre.LITERAL for item_op, _ in av):
            rest = _source(items[i + 1:])
            return [(chr(item), re.escape(chr(item)) + rest) for _, item in av]
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            return _anchors(list(av[3]))
        if op is _sre.BRANCH:
            found: list[tuple[str, str]] = []
            for alternative in av[1]:
                anchors = _anchors(list(alternative))
                if anchors is None:
                    return None
                found += anchors
            return found
        return None
    return None


@lru_cache(maxsize=None)
def _break_anchor(breaks: re.Pattern) -> re.Pattern | None:
    """For a pattern ``\\s*<rest>``: finds where a match goes on after its leading
    whitespace (see `_anchors`), which `re` skips ahead to, each alternative starting with a
    character (the pattern itself, which may start with whitespace, is tried at every
    character: it was ~20% of events.find). Read on past that character, it passes over most
    places the pattern does not match: ", " with no "but" after it, a hyphen in a word (with
    the first characters alone, 93% of those found were no break: 4.1 of 10 ms of the
    clauses of a TempEval-3 pass). None when the pattern is not of that form."""
    try:
        items = list(_sre.parse(breaks.pattern, breaks.flags))
        if breaks.flags & re.IGNORECASE or not items or not (
                items[0][0] in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and items[0][1][0] == 0
                and _is_space(*items[0])):
            return None
        anchors = _anchors(items[1:])
        if not anchors or any(first.isspace() for first, _ in anchors):
            return None
        return re.compile("|".join(source for _, source in anchors))
    except Exception:  # noqa: BLE001 - a parse tree this code does not know: no shortcut
        return None


@lru_cache(maxsize=None)
def _clause_patterns(lang) -> tuple:
    """Compiled once per language (building the word alternations took ~1 ms per text)."""
    markers = lang._alt(lang.SEQUENCE_MARKERS)
    return (
        re.compile(lang.CLAUSE_BREAKS),
        re.compile(rf"^(?:(?:{lang._alt(lang.CLAUSE_FILLERS)})\b[\s,]*)+", re.IGNORECASE),
        PhraseBefore(lang, lang.PHRASE_PREPOSITIONS, boundary=r"\b"),  # r"(?i)\b(?:…)\s+$"
        re.compile(rf"[\s,]*(?:{markers})\b", re.IGNORECASE),
    )


@lru_cache(maxsize=None)
def _compared_from_pattern(lang) -> re.Pattern:
    return re.compile(lang.COMPARED_FROM)


@lru_cache(maxsize=None)
def _period_end_stem(lang) -> str:
    """What every one of PERIOD_END_VERBS starts with, lower-cased ("end")."""
    return os.path.commonprefix([verb.lower() for verb in lang.PERIOD_END_VERBS])


@lru_cache(maxsize=None)
def _anchor_direction(lang) -> re.Pattern:
    """The word after a time that makes what follows its anchor ("after the vote")."""
    return re.compile(rf"\s+(?i:{lang.ANCHOR_DIRECTIONS})(?=\s)")


@lru_cache(maxsize=None)
def _marker_words(lang) -> tuple[str, ...]:
    """A word of every sequence marker (its longest, lower-cased), leaving out those that hold
    another one ("afterwards" holds "after"): a text holding a marker holds one of these."""
    longest = {max(marker.lower().split(), key=len) for marker in lang.SEQUENCE_MARKERS}
    return tuple(sorted(word for word in longest if not any(other != word and other in word
                                                            for other in longest)))


@attrs.frozen
class _Clause:
    start: int
    end: int
    opener: str  # the break before it ("and then", "but", ";" or "" at sentence start)


class EventFinder:
    """Finds the events of one text; create one per call."""

    def __init__(self, grammar: Grammar, text: str, sentences: list[Sentence],
                 mentions: list[TimeMention]):
        self.grammar = grammar
        self.lang = grammar.lang
        self.text = text
        self.sentences = sentences
        self.mentions = mentions
        self._clauses: dict[tuple[int, int], list[_Clause]] = {}
        self._mention_starts = [m.span[0] for m in mentions]
        code = lang_code(self.lang)
        self.verbs, self.event_nouns = verb_forms(code), event_nouns(code)
        self.result_nouns = result_nouns(code)
        self.irregular = irregular_verb_forms(code)
        self._breaks, self._fillers, self._preposition_before, self._sequence = _clause_patterns(self.lang)
        self._break_anchor = _break_anchor(self._breaks)
        self._anchor_direction = _anchor_direction(self.lang)

    # -- clauses
    def clauses(self, sentence: Sentence) -> list[_Clause]:
        if sentence.span not in self._clauses:
            self._clauses[sentence.span] = self._split_clauses(sentence)
        return self._clauses[sentence.span]

    def _split_clauses(self, sentence: Sentence) -> list[_Clause]:
        clauses, pos, opener = [], sentence.span[0], ""
        for match in self._break_matches(*sentence.span):
            if match.start() > pos:
                clauses.append(_Clause(pos, match.start(), opener))
            pos, opener = match.end(), match.group().strip().lower()
        if sentence.span[1] > pos:
            clauses.append(_Clause(pos, sentence.span[1], opener))
        return clauses

    def _break_matches(self, start: int, end: int):
        """What ``self._breaks.finditer(self.text, start, end)`` finds. A match of
        ``\\s*<rest>`` starts where the whitespace before its anchor starts (or at the end of
        the match before): only there is the pattern tried, in text order."""
        if self._break_anchor is None:
            yield from self._breaks.finditer(self.text, start, end)
            return
        text, pos, at = self.text, start, start
        while True:
            anchor = self._break_anchor.search(text, at, end)
            if anchor is None:
                return
            begin = anchor.start()
            while begin > pos and text[begin - 1].isspace():
                begin -= 1
            match = self._breaks.match(text, begin, end)
            if match is None:
                at = anchor.start() + 1
                continue
            yield match
            pos = at = match.end()

    def clause_at(self, sentence: Sentence, position: int) -> _Clause:
        """The clause around ``position``, cut to a window: a run-on "sentence" may be huge."""
        clauses = self.clauses(sentence)
        i = bisect.bisect_right([c.start for c in clauses], position) - 1
        clause = clauses[i] if i >= 0 and position < clauses[i].end else _Clause(*sentence.span, "")
        if position - _CLAUSE_WINDOW <= clause.start and clause.end <= position + _CLAUSE_WINDOW:
            return clause  # within the window already (most clauses)
        return _Clause(max(clause.start, position - _CLAUSE_WINDOW),
                       min(clause.end, position + _CLAUSE_WINDOW), clause.opener)

    # -- verbs
    def _is_verb(self, word: str, previous: str, end: int) -> int:
        """0: not a verb; 1: auxiliary; 2: likely verb; 3: verb after an auxiliary or 'to'.
        ``end``: where the word ends in the text ("parts of" is a noun)."""
        lang, w, prev = self.lang, word.lower(), previous.lower()
        if w in lang.NOT_VERBS or prev in lang.DETERMINERS and prev not in ("that", "to"):
            return 0
        if w in lang.AUXILIARIES:
            return 2 if w in lang.POSSESSION_VERBS and self._object_follows(end) else 1
        if not prev or not word[:1].islower() and prev in lang.PRONOUNS:
            return 0  # sentence-initial words are subjects far more often than imperatives
        if not word[:1].islower() or prev[:1].isdigit():
            return 0  # a name mid-sentence ("the United States"), a counted noun ("200 reservists")
        if is_participle_aside(self.text, end - len(word), end, lang):
            return 0  # "lenders, led by Bank of America, have"
        if "-" in w and w.split("-", 1)[0] not in lang.VERB_PREFIXES:
            return 0  # a compound adjective: "lower-than-anticipated", "long-awaited"
        if prev == "to" and not (w in self.verbs or w.endswith("ed")):
            return 0  # "to" a preposition: "fell to $58.6 million", "to foreign clients"
        if prev in lang.AUXILIARIES and previous[:1].islower() or prev in ("to", "then"):
            if w in lang.DETERMINERS or w in lang.PRONOUNS or w in lang.NOT_VERBS_AFTER_AUXILIARIES \
                    or not word[:1].islower() or w.endswith("ly") or self._after_number(end - len(word)):
                return 0  # "were among", "may, in a year or two, save", "were $1.76 billion"
            if prev in lang.AUXILIARIES and w.endswith("s") and not w.endswith("ss"):
                return 0  # an auxiliary takes no -s form: "now has 45 banks"
            return 3
        known = is_verb_form(w, self.verbs)
        if known and not w.endswith("s"):
            if self._is_regular_base_form(w) and not self._licenses_base_form(previous):
                return 0  # "resumed work", "the open market"
            return 2
        if w.endswith("ed") and len(w) > 4:
            return 2
        if w.endswith("s") and known and not self.text.startswith(" of ", end) \
                and (prev in lang.PRONOUNS or previous[:1].isupper()
                     or prev not in lang.PREPOSITIONS and not prev.endswith(lang.MODIFIER_ENDINGS)) \
                and not self._past_verb_follows(end):
            return 2
        return 0

    def _past_verb_follows(self, end: int) -> bool:
        """An auxiliary or a past form right after the word ending at ``end``: that word is
        the subject, a plural noun ("Magna shares closed", "loss reserves stood")."""
        following = _NEXT_WORD.match(self.text, end)
        if following is None:
            return False
        w = following.group(1)
        return w[:1].islower() and (w in self.lang.AUXILIARIES or w.endswith("ed")
                                    or w in self.irregular and not w.endswith("s"))

    def _after_number(self, start: int) -> bool:
        """A number right before the word at ``start``: "$1.76 billion", "3.8 percent"."""
        return start > 1 and self.text[start - 1] == " " and self.text[start - 2].isdigit()

    def _object_follows(self, end: int) -> bool:
        """An object, not a verb, after the word ending at ``end``: "has 45 banks", "had a loss"."""
        following = _NEXT_TOKEN.match(self.text, end)
        return following is not None and (following.group(1)[0] in "0123456789$#£€"
                                           or following.group(1).lower() in self.lang.DETERMINERS)

    def _is_regular_base_form(self, w: str) -> bool:
        """A verb's bare form that is no past form as well ("work", not "cut" or "fell")."""
        return w not in self.irregular and not w.endswith(("ed", "ing"))

    def _licenses_base_form(self, previous: str) -> bool:
        """Whether a bare verb form after ``previous`` reads as a verb: after a subject pronoun,
        a plural or a name ("investors sell", "China and Japan agree"), "and"/"or", or an
        adverb; after an adjective or a noun it is a noun ("a more personal turn")."""
        prev = previous.lower()
        return (prev in self.lang.PRONOUNS or prev in self.lang.BASE_FORM_LICENSERS
                or previous[:1].isupper() or prev.endswith("ly")
                or prev.endswith("s") and not prev.endswith(("ss", "'s", "’s")))

    def _is_event_noun(self, word: str, previous: str) -> bool:
        """A noun that names an event ("the invasion", "Talks resumed")."""
        return word.lower() in self.event_nouns and (word[:1].islower() or not previous)

    def trigger(self, start: int, end: int, near: int, skip: list[tuple[int, int]],
                previous: str = "") -> tuple[str, tuple[int, int]] | None:
        """The verb of the clause [start, end) nearest ``near``, outside the ``skip`` spans;
        ``previous`` is the word before the clause when it joins the clause ("then").

        Nearest: by distance from ``near``, a word after the time counting more than its
        distance (see VERB_AFTER_TIME_PENALTY); ties in text order. The first likely verb
        wins outright; an event noun before the time ("the invasion on Aug. 2") when no verb
        is nearer than its distance times EVENT_NOUN_PENALTY (after the time, a noun is the
        subject of the verb that follows more often than the event: "Within 15 minutes, the
        outage had spread"); an auxiliary only if neither follows. Words are read outward
        from ``near`` (the words before it backwards, the rest lazily), so the verb test,
        and most of the reading, stop a few words away instead of covering the clause."""
        text, skip = self.text, self._within(skip, start, end)
        penalty = self.lang.VERB_AFTER_TIME_PENALTY
        # A word is a run of _WORD_CHARS from its first letter on: from a position where no
        # such run goes on, the words are the clause's own. Split there, at or before near.
        split = near
        while split > start and text[split - 1] in _WORD_CHARS:
            split -= 1
        # Words starting in a skipped span are left out up front: they neither count as a
        # candidate nor as the word before one. (The one test they took part in, a noun
        # beaten by distance, the next word outward fails as well: it is further still.)
        left = list(_unskipped(_WORD.finditer(text, start, split), skip))
        right = _unskipped(_WORD.finditer(text, split, end), skip)
        ahead = next(right, None)
        if ahead is not None and ahead.end() <= near:  # a word ending at near is before it
            left.append(ahead)
            ahead = next(right, None)
        i = len(left) - 1
        right_before = left[i].group() if left else previous  # the word before `ahead`
        # How far the next word on each side is (None: no word left there), worked out when
        # that side moves on, not for every word read.
        from_left = near - left[i].end() if left else None
        from_right = (ahead.start() - near) * penalty if ahead is not None else None
        auxiliary = noun = None
        noun_distance = 0.0
        while True:
            if from_left is not None and (from_right is None or from_left <= from_right):
                if noun is not None and from_left > noun_distance:
                    return noun
                match = left[i]
                i -= 1
                if i >= 0:
                    before, from_left = left[i].group(), near - left[i].end()
                else:
                    before, from_left = previous, None
            elif from_right is not None:
                if noun is not None and from_right > noun_distance:
                    return noun
                match, ahead = ahead, next(right, None)
                from_right = (ahead.start() - near) * penalty if ahead is not None else None
                before, right_before = right_before, match.group()
            else:
                return noun or auxiliary
            word, word_end = match.group(), match.end()
            strength = self._is_verb(word, before, word_end)
            if strength >= 2:
                return word, match.span()
            if noun is None and word_end <= near and self._is_event_noun(word, before) \
                    and not (match is left[i + 1] and self._object_of_verb(left, i + 1)):
                noun = (word, match.span())
                noun_distance = (near - word_end) * self.lang.EVENT_NOUN_PENALTY
            elif strength and auxiliary is None:
                auxiliary = (word, match.span())

    def _object_of_verb(self, words: list[re.Match], k: int) -> bool:
        """Whether the event noun ``words[k]`` is the object of a verb right before its noun
        phrase ("told a news conference on Tuesday", "had filed compliance reports by
        Wednesday"): the time then dates the verb's event."""
        for j in range(k - 1, max(-1, k - 2 - self.lang.MODIFIER_WORDS), -1):
            if self.text[words[j].end():words[j + 1].start()].strip():
                return False  # a mark between: "the talks, a meeting on Friday"
            word = words[j].group()
            if self._is_verb(word, words[j - 1].group() if j else "", words[j].end()) >= 2:
                return word.lower() not in self.lang.SUPPORT_VERBS
            if word.lower() in self.lang.PREPOSITIONS or word.lower() in self.lang.AUXILIARIES \
                    or not word[:1].islower():
                return False
        return False

    def modified_noun(self, mention: TimeMention) -> tuple[int, tuple[int, int]] | None:
        """The event noun a time is a modifier of, and where its noun phrase starts:
        "yesterday's announcement", "the 1987 crash", "a two-week visit". Read over at most
        MODIFIER_WORDS words between them; None when the time modifies no event noun."""
        text, (start, end) = self.text, mention.span
        possessive = _POSSESSIVE.match(text, end)
        determiner = _determiner_before(text, start, self.lang.ATTRIBUTIVE_DETERMINERS)
        if not (possessive or determiner or mention.text.endswith(self.lang.ADJECTIVE_TIME_ENDINGS)):
            return None
        noun = self._event_noun_after(possessive.end() if possessive else end, results=True)
        if noun is None or self._result_changes(noun):
            return None
        return (start if determiner is None else determiner), noun

    def _result_changes(self, noun: tuple[int, int]) -> bool:
        """A result noun with a verb after it: "third-quarter profit jumped 16%" dates the
        jump, the change in the period's result."""
        if self.text[noun[0]:noun[1]].lower() not in self.result_nouns:
            return False
        following = _NEXT_WORD.match(self.text, noun[1])
        return following is not None and \
            self._is_verb(following.group(1), self.text[noun[0]:noun[1]], following.end()) >= 2

    def _event_noun_after(self, pos: int, determiners_first: bool = False,
                          results: bool = False) -> tuple[int, int] | None:
        """The span of an event noun among the next MODIFIER_WORDS + 1 words from ``pos``
        (no mark between), before any determiner, auxiliary or verb; with
        ``determiners_first``, after the determiners at the start ("after the vote"); with
        ``results``, a result noun ("earnings") counts as well."""
        skipping = determiners_first
        for _ in range(self.lang.MODIFIER_WORDS + 1 + determiners_first):
            word = _NEXT_WORD.match(self.text, pos)
            if word is None:
                return None
            w = word.group(1).lower()
            pos = word.end()
            if skipping and w in self.lang.ATTRIBUTIVE_DETERMINERS:
                continue
            skipping = False
            if w in self.event_nouns or results and w in self.result_nouns:
                return word.span(1)
            if w in self.lang.DETERMINERS or w in self.lang.AUXILIARIES or w in self.verbs:
                return None
        return None

    # -- descriptions
    def describe(self, start: int, end: int, skip: list[tuple[int, int]], subject: str = "") -> str:
        """The clause as a short statement: time phrases, fillers and stray punctuation removed."""
        pieces, pos = [], start
        for a, b in self._within(skip, start, end):
            if b <= start or a >= end:
                continue
            pieces.append(self.text[pos:max(a, pos)])
            pos = max(pos, b)
        pieces.append(self.text[pos:end])
        clause = _squeeze_spaces(" ".join(pieces))
        if "(" in clause or "[" in clause or "/" in clause:
            clause = _EMPTY_BRACKETS.sub(" ", clause)
        # Every space in the clause is " " now (squeezed; brackets emptied to " "): a space
        # runs into a mark only if " ," or the like is in it, and once those are gone, marks
        # repeat only side by side. `in` tests are 3x faster than the patterns' scans.
        if _SPACED_MARK.search(clause):
            clause = _SPACE_BEFORE_MARK.sub("", clause)
        leading = _LEADING_MARKS.match(clause)
        clause = clause[leading.end():] if leading else clause
        # (Rare: `sub` with a template costs ~1 µs even then. A pair of the marks holds ";" or
        # ":" or is ",,": three `in` tests pass over most clauses 5x faster than the pattern.)
        if (";" in clause or ":" in clause or ",," in clause) and _MARK_PAIR.search(clause):
            clause = _REPEATED_MARKS.sub(r"\1", clause)
        clause = self._fillers.sub("", clause.strip(" ,;:-–—\"“”'’\n"))
        clause = clause.strip(" ,;:-–—.\"“”'’")
        if subject and clause:
            clause = f"{subject} {clause}"
        words = clause.split()
        if len(words) > _MAX_WORDS:
            cut = clause.find(",", len(" ".join(words[:6])))
            clause = clause[:cut] if 0 < cut else " ".join(words[:_MAX_WORDS]) + " …"
        return clause[:1].upper() + clause[1:] if clause else clause

    @staticmethod
    def _within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
        """The spans (sorted, non-overlapping) that touch [start, end)."""
        first = max(0, bisect.bisect_left(spans, (start, start)) - 1)
        last = bisect.bisect_left(spans, (end, end))
        return spans[first:last]

    def _phrase_spans(self) -> list[tuple[int, int]]:
        """Mention spans widened to their preposition and enclosing parentheses."""
        spans = []
        for m in self.mentions:
            s, e = m.span
            left = self.text[max(0, s - 20):s]
            prep = self._preposition_before.search(left)
            if prep:
                s -= len(left) - prep[1]
            if s > 0 and self.text[s - 1] == "(" and self.text[e:e + 1] == ")":
                s, e = s - 1, e + 1
            spans.append((s, e))
        return spans

    def _trigger_skip(self, skip: list[tuple[int, int]],
                      nouns: dict[int, tuple[int, tuple[int, int]] | None]) -> list[tuple[int, int]]:
        """The phrase spans widened over the nouns no other time may take as its trigger: the
        noun a time modifies ("the 2024 election on Monday" dates no election on Monday) and
        the event a counted time counts from ("17 minutes after liftoff, it released ...")."""
        widened = []
        for i, (start, end) in enumerate(skip):
            modified = nouns.get(i)
            noun = modified[1] if modified is not None else self._anchor_noun(self.mentions[i])
            widened.append((start, max(end, noun[1])) if noun is not None else (start, end))
        return widened

    def _verb_after_adverb(self, mention: TimeMention, clause_start: int) -> tuple[str, tuple[int, int]] | None:
        """The verb right after a time said as an adverb before it: "he now believed", "its
        liabilities currently exceed". Such a time dates its own verb, not the one before."""
        if mention.text.lower() not in self.lang.ADVERB_TIMES:
            return None
        word = _NEXT_WORD.match(self.text, mention.span[1])
        if word is None:
            return None
        before = _LAST_WORD.search(self.text, clause_start, mention.span[0])
        previous = before.group(1) if before is not None else ""
        return (word.group(1), word.span(1)) if self._is_verb(word.group(1), previous, word.end()) >= 2 else None

    def _compared_from(self, mention: TimeMention) -> bool:
        """The time of the amount a change is measured from ("from $4 million a year ago")."""
        start = mention.span[0]
        if "from" not in self.text[max(0, start - self.lang.COMPARED_FROM_WINDOW):start]:
            return False  # (most times: one `in` test, not the pattern)
        return _compared_from_pattern(self.lang).search(
            self.text, max(0, start - self.lang.COMPARED_FROM_WINDOW), start) is not None

    def _period_end(self, group: tuple[int, ...]) -> tuple[str, tuple[int, int]] | None:
        """The verb that joins a period to the day it ends ("the quarter ended Sept. 30",
        "the year ending June 30"): what both times date. The verb must stand between two
        times, with nothing else between them but "on"."""
        first, last = self.mentions[group[0]], self.mentions[group[-1]]
        # The verb before the time ends at most 40 characters before it (20 before "on"): a
        # verb there holds a stem all of PERIOD_END_VERBS hold ("end"), which one `in` test
        # on those characters rules out for most times, before the two searches.
        start = first.span[0]
        if _period_end_stem(self.lang) in self.text[max(0, start - 40):start].lower():
            before = _LAST_WORD.search(self.text, max(0, start - 20), start)
            if before is not None and before.group(1).lower() == "on":  # "ended on Sept. 30"
                before = _LAST_WORD.search(self.text, max(0, before.start() - 20), before.start())
            if before is not None and before.group(1).lower() in self.lang.PERIOD_END_VERBS \
                    and self._time_ends_at(before.start()):
                return before.group(1), before.span(1)
        after = _NEXT_WORD.match(self.text, last.span[1])
        if after is not None and after.group(1).lower() in self.lang.PERIOD_END_VERBS \
                and self._time_starts_after(after.end()):
            return after.group(1), after.span(1)
        return None

    def _time_ends_at(self, position: int) -> bool:
        """A mention ends right before ``position`` (only spaces between)."""
        return any(m.span[1] <= position and not self.text[m.span[1]:position].strip()
                   for m in self._mentions_near(position))

    def _time_starts_after(self, position: int) -> bool:
        """A mention starts right after ``position`` (only spaces, or " on ", between)."""
        return any(m.span[0] >= position and self.text[position:m.span[0]].strip().lower() in ("", "on")
                   for m in self._mentions_near(position))

    def _mentions_near(self, position: int) -> list[TimeMention]:
        """The mentions on either side of ``position`` (they are in text order)."""
        i = bisect.bisect_left(self._mention_starts, position)
        return self.mentions[max(0, i - 2):i + 2]

    def _predicate_after(self, mention: TimeMention) -> tuple[str, tuple[int, int]] | None:
        """The verb of the noun a time written as an adjective modifies, when it follows that
        noun: "reported third-quarter net income rose 11%" dates the rise, not the report.
        The word right after the time is what it modifies, never the verb ("Third-quarter
        sales dropped 11%": not the verb "sales")."""
        if not mention.text.endswith(self.lang.ADJECTIVE_TIME_ENDINGS):
            return None
        pos, previous = mention.span[1], mention.text
        for index in range(self.lang.MODIFIER_WORDS + 2):
            word = _NEXT_WORD.match(self.text, pos)
            if word is None:
                return None
            strength = self._is_verb(word.group(1), previous, word.end()) if index else 0
            if strength >= 2:
                return word.group(1), word.span(1)
            if strength or word.group(1).lower() in self.lang.DETERMINERS:
                return None
            pos, previous = word.end(), word.group(1)
        return None

    def _main_verb_after_phrase(self, group: tuple[int, ...], clause: _Clause,
                                skip: list[tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
        """The main verb after a phrase that opens the clause with a scene-setting preposition
        and ends with the time and a comma: "In composite trading Friday, Aetna closed at $60"
        dates the close, not the gerund "trading" inside the phrase (SCENE_PREPOSITIONS)."""
        first, last = self.mentions[group[0]], self.mentions[group[-1]]
        opening = _WORD.match(self.text, clause.start, first.span[0])
        if opening is None or opening.group().lower() not in self.lang.SCENE_PREPOSITIONS \
                or self.text.find(",", clause.start, first.span[0]) >= 0:
            return None
        comma = _COMMA_AFTER.match(self.text, last.span[1])
        if comma is None:
            return None
        return self.trigger(comma.end(), clause.end, comma.end(), skip)

    def _reported_verb(self, reporting_end: int, mention: TimeMention, clause: _Clause) -> tuple[str, tuple[int, int]] | None:
        """The verb a reporting verb reports, when the time stands in what is reported: after
        "that" or the reported subject ("said net income for the third quarter fell 6%"), not
        right after the reporting verb or after a preposition or adverb it takes ("said on
        Friday", "said in a statement Friday", "said privately Thursday")."""
        lang = self.lang
        between = _WORD.match(self.text, reporting_end + 1, mention.span[0])
        if between is None:
            return None
        first = between.group().lower()
        if first in lang.PREPOSITIONS or first in lang.RELATIONS or first.endswith("ly") \
                or reporting_end + 1 != between.start():
            return None
        previous = mention.text
        stop = _CLAUSE_MARK.search(self.text, mention.span[1], clause.end)  # no verb past a comma
        for match in islice(_WORD.finditer(self.text, mention.span[1], stop.start() if stop else clause.end),
                            lang.REPORTED_VERB_WORDS):
            if self._is_verb(match.group(), previous, match.end()) >= 2:
                return match.group(), match.span()
            previous = match.group()
        return None

    def _anchor_noun(self, mention: TimeMention) -> tuple[int, int] | None:
        """The event noun a counted time counts from: "liftoff" in "17 minutes after liftoff"."""
        anchor = self._anchor_direction.match(self.text, mention.span[1])
        return None if anchor is None else self._event_noun_after(anchor.end(), determiners_first=True)

    # -- the drafts
    def find(self, groups: list[tuple[int, ...]]) -> list[EventDraft]:
        """One draft per group of mentions that date one thing, plus sequence-placed clauses."""
        skip = self._phrase_spans()
        nouns = {group[0]: self.modified_noun(self.mentions[group[0]]) for group in groups}
        trigger_skip = self._trigger_skip(skip, nouns)
        drafts: list[tuple[int, int, dict]] = []  # (position, trigger position, fields)
        dated_clauses: set[tuple[int, int]] = set()
        described: dict[tuple[int, int], str] = {}  # several times may date one clause

        def describe(clause: _Clause) -> str:
            if (clause.start, clause.end) not in described:
                described[clause.start, clause.end] = self.describe(clause.start, clause.end, skip)
            return described[clause.start, clause.end]

        sentence_of = self._sentence_index()
        for group in groups:
            first = self.mentions[group[0]]
            sentence = self.sentences[sentence_of(first.span[0])]
            noun = nouns[group[0]]
            if noun is not None:  # "yesterday's announcement", "the 1987 crash"
                phrase_start, noun_span = noun
                drafts.append((first.span[0], noun_span[0], dict(
                    description=self.describe(phrase_start, noun_span[1], []),
                    trigger=self.text[noun_span[0]:noun_span[1]], trigger_span=noun_span,
                    sentence=sentence, mentions=group)))
                continue
            if self._compared_from(first):
                continue  # "rose to $5 million from $4 million a year ago": the old amount's time
            if _is_attributive(self.text, first, self.lang.ATTRIBUTIVE_DETERMINERS):
                continue  # "the 2025 budget plan": it dates no event of its own
            clause = self.clause_at(sentence, first.span[0])
            dated_clauses.add((clause.start, clause.end))
            found = (self._period_end(group) or self._verb_after_adverb(first, clause.start)
                     or self._predicate_after(first)
                     or self.trigger(clause.start, clause.end, first.span[0], trigger_skip,
                                     _last_word(clause.opener)))
            if found is not None and found[0].endswith("ing") and found[1][1] <= first.span[0]:
                found = self._main_verb_after_phrase(group, clause, trigger_skip) or found
            if found is not None and found[1][1] <= first.span[0] and found[0].lower() in self.lang.REPORTING_VERBS:
                found = self._reported_verb(found[1][1], self.mentions[group[-1]], clause) or found
            description = describe(clause) or sentence.text
            drafts.append((first.span[0], found[1][0] if found else 0, dict(
                description=description, trigger=found[0] if found else None,
                trigger_span=found[1] if found else None, sentence=sentence, mentions=group)))
            if found is not None:  # "issued 2.5 million shares and repurchased 1.1 million"
                for verb, span, said in self._coordinated(group, clause, found[1], trigger_skip):
                    drafts.append((first.span[0], span[0], dict(
                        description=said, trigger=verb, trigger_span=span, sentence=sentence,
                        mentions=group)))
        for sentence in self._marked_sentences():
            for clause in self.clauses(sentence):
                if (clause.start, clause.end) in dated_clauses:
                    continue
                marker = self._sequence.match(self.text, clause.start, clause.end)
                opener_is_marker = self._sequence.match(clause.opener or "")
                if not (marker or opener_is_marker):
                    continue
                found = self.trigger(clause.start, clause.end, clause.start, skip, _last_word(clause.opener))
                if found is None:
                    continue
                drafts.append((clause.start, found[1][0], dict(
                    description=describe(clause),
                    trigger=found[0], trigger_span=found[1], sentence=sentence, mentions=(),
                    sequence=True)))
        drafts.sort(key=lambda item: item[:2])  # by the time's place, then the trigger's
        result = []
        for number, (_, _, fields) in enumerate(drafts, 1):
            draft = EventDraft(id=f"e{number}", **fields)  # numbered in text order
            if draft.sequence and result and draft.trigger_span and \
                    self._starts_with_verb(draft) and result[-1].trigger:
                draft = attrs.evolve(draft, description=self._with_subject(result[-1], draft))
            result.append(draft)
        return result

    def _coordinated(self, group: tuple[int, ...], clause: _Clause, trigger_span: tuple[int, int],
                     skip: list[tuple[int, int]]) -> list[tuple[str, tuple[int, int], str]]:
        """The verbs after the trigger that share its subject and the time said before them
        all, each as (verb, its span, its description): "Last week, fighters killed three
        soldiers and wounded six others". Joined by "and", or by a list of commas that "and"
        ends ("charged $46 million, added $20 million and established a reserve"), with only
        an object between (see COORDINATION), in the trigger's form (-ed, -s or -ing: not
        "fell 22%, reflecting …"). A time said after the trigger may date its predicate alone
        ("joined Provigo in 1985 and spearheaded its drive"): it dates no other verb; nor
        does a time a later predicate holds ("and released on bail Tuesday")."""
        text, lang = self.text, self.lang
        if self.mentions[group[-1]].span[1] > trigger_span[0] or not self._verb_after_coordinator(
                trigger_span[1], clause.end):
            return []  # (most clauses: a `find` or two and a word, not every word read)
        coordination, trigger = _coordination(lang), text[trigger_span[0]:trigger_span[1]]
        commas_join = _last_word(clause.opener).lower() not in lang.RELATIVE_OPENERS
        # Read on while each verb joins the one before: (verb, where its link starts, "and"?).
        # A pronoun, "that" or an auxiliary between starts a clause of its own. A verb's -s
        # form is more often a plural noun ("1.1 million shares") unless a link comes first.
        chain, previous, last_end = [], trigger, trigger_span[1]
        for match in _unskipped(_WORD.finditer(text, trigger_span[1], clause.end),
                                self._within(skip, trigger_span[1], clause.end)):
            word = match.group()
            strength = self._is_verb(word, previous, match.end())
            previous = word
            if strength == 1 or word.lower() in lang.PRONOUNS:
                break
            if strength < 2:
                continue
            joined = coordination.search(text, last_end, match.start())
            if joined is None and word.endswith("s"):
                continue  # a plural noun
            if joined is None or _verb_form(word) != _verb_form(trigger) \
                    or self._holds_other_time(group, last_end, match.start()):
                break
            with_and = lang.COORDINATOR in joined.group()
            if not (with_and or commas_join):
                break
            chain.append((match, joined.start(), with_and))
            last_end = match.end()
        ends = [link for _, link, _ in chain[1:]] + [clause.end]
        for i, (verb, _, _) in enumerate(chain):
            if self._holds_other_time(group, verb.start(), ends[i]):
                del chain[i:]
                break
        while chain and not chain[-1][2]:
            chain.pop()  # a trailing comma joins no verb of this list
        subject = _subject_of(self.describe(clause.start, trigger_span[1], skip), trigger)
        return [(verb.group(), verb.span(), self.describe(verb.start(), end, skip, subject))
                for (verb, _, _), end in zip(chain, ends)]

    def _verb_after_coordinator(self, start: int, end: int) -> bool:
        """Whether a verb (after an adverb in -ly, at most) follows "and" somewhere in
        [start, end): what any chain of coordinated verbs holds."""
        word = f" {self.lang.COORDINATOR} "
        at = self.text.find(word, start, end)
        while at >= 0:
            following = _NEXT_WORD.match(self.text, at + len(word) - 1)
            if following is not None and following.group(1).endswith("ly"):
                following = _NEXT_WORD.match(self.text, following.end())
            if following is not None and following.end() <= end and \
                    self._is_verb(following.group(1), self.lang.COORDINATOR, following.end()) >= 2:
                return True
            at = self.text.find(word, at + 1, end)
        return False

    def _holds_other_time(self, group: tuple[int, ...], start: int, end: int) -> bool:
        """A mention outside ``group`` starts in [start, end)."""
        i = bisect.bisect_left(self._mention_starts, start)
        return any(j not in group for j in range(i, bisect.bisect_left(self._mention_starts, end, i)))

    def _marked_sentences(self) -> list[Sentence]:
        """The sentences that may hold a sequence word (a superset), in text order. Splitting
        every sentence into clauses was ~10% of extract; few hold such a word. Found with
        `str.find` on the lower-cased text, for a word of each marker (see `_marker_words`):
        ~2x faster than one regex for the markers at word starts, for a few more sentences."""
        lower = self.text.lower()
        if len(lower) != len(self.text) or (not self.text.isascii() and _FOLDS_TO_ASCII.search(self.text)):
            return self.sentences  # lower() would move offsets or miss a letter `re` folds
        sentence_of = self._sentence_index()
        marked: set[int] = set()
        for word in _marker_words(self.lang):
            at = lower.find(word)
            while at >= 0:
                i = sentence_of(at)
                if self.sentences[i].span[0] <= at < self.sentences[i].span[1]:
                    marked.add(i)
                at = lower.find(word, at + 1)
        return [self.sentences[i] for i in sorted(marked)]

    def _starts_with_verb(self, draft: EventDraft) -> bool:
        return draft.description.lower().startswith(draft.trigger.lower())

    def _with_subject(self, previous: EventDraft, draft: EventDraft) -> str:
        """'relaunches a new space' after 'Musk stops …' reads 'Musk relaunches a new space'."""
        head = _subject_of(previous.description, previous.trigger)
        if not head:
            return draft.description
        return f"{head} {draft.description[:1].lower()}{draft.description[1:]}"

    def _sentence_index(self):
        starts = [s.span[0] for s in self.sentences]
        return lambda position: max(0, bisect.bisect_right(starts, position) - 1)


_ATTRIBUTIVE = re.compile(r"\s+[a-z][a-z\-]+\s+[a-z]")  # "the 2024 presidential election"
_POSSESSIVE = re.compile(r"['’]s\b")
_CLAUSE_MARK = re.compile(r"[,;:(]")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z\-]*)")  # the next word, no mark between
_COMMA_AFTER = re.compile(r"\s*,")
_NEXT_TOKEN = re.compile(r"\s+(\S+?)[,.;:]?(?=\s|$)")
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")  # the word before a position, then space


def _verb_form(word: str) -> str:
    """A verb's form as far as coordination goes: "-ing", "-s" or "" (past or bare)."""
    return "-ing" if word.endswith("ing") else "-s" if word.endswith("s") and not word.endswith("ss") else ""


def _subject_of(description: str, trigger: str | None) -> str:
    """What a description says before its trigger, when short enough to be its subject."""
    head = description.split(trigger, 1)[0].strip() if trigger else ""
    return head if len(head.split()) <= 6 else ""


@lru_cache(maxsize=None)
def _coordination(lang) -> re.Pattern:
    return re.compile(lang.COORDINATION)


def _last_word(opener: str) -> str:
    """The word of a clause break that the clause's first word follows ("who" in ", who")."""
    words = opener.split()
    return words[-1] if words and words[-1][:1].isalpha() else ""


def _unskipped(matches, skip: list[tuple[int, int]]):
    """The matches that start in none of the ``skip`` spans (sorted by their start), lazily,
    in their order. Both in text order: one walk along the spans (a loop over every span
    per word: the left words of all triggers took 7.5 instead of 6.1 ms a TempEval-3 pass)."""
    spans = iter(skip)
    a, b = next(spans, _NOWHERE)
    for match in matches:
        position = match.start()
        while position >= b:  # this span ends before the word: so does it before the rest
            a, b = next(spans, _NOWHERE)
        if position < a:  # (a later span starts later still)
            yield match


_NOWHERE = (float("inf"), float("inf"))


def _determiner_before(text: str, start: int, determiners: frozenset[str]) -> int | None:
    """Where the determiner right before ``start`` and a space begins ("the 2024 election"),
    or None. By str methods: a regex search tried at each character before was ~2% of extract."""
    if start == 0 or not text[start - 1].isspace():
        return None
    left = text[max(0, start - 16):start]
    words = left.split()
    if not words or not words[-1].isalpha() or words[-1].lower() not in determiners:
        return None
    begin = start - len(left) + left.rindex(words[-1])
    return begin if begin == 0 or not text[begin - 1].isalpha() else None


def _is_attributive(text: str, mention: TimeMention, determiners: frozenset[str]) -> bool:
    """A date used as a modifier of a noun ('the 2024 election') dates no event of its own.
    (The noun after it first: one `match`, which most dates fail, before the word before.)"""
    return (mention.type == "DATE" and bool(_ATTRIBUTIVE.match(text, mention.span[1]))
            and _determiner_before(text, mention.span[0], determiners) is not None)


def joins_previous(mention: TimeMention) -> bool:
    """The other side of a conversion, or the date written after one: part of the mention before."""
    return "conversion-of-previous" in mention.flags or "date-of-previous" in mention.flags


def group_mentions(grammar: Grammar, text: str, mentions: list[TimeMention]) -> list[tuple[int, ...]]:
    """Which mentions date one thing together: a conversion pair, a range. Sets ("every
    Monday") date nothing on the timeline; "now", "recently" and "soon" date their event
    against the document's time."""
    groups: list[tuple[int, ...]] = []
    instants: dict[datetime, int] = {}  # instant -> the group whose first mention names it
    for i, mention in enumerate(mentions):
        if mention.type == "SET":
            continue
        if joins_previous(mention) and groups and groups[-1][-1] == i - 1:
            groups[-1] = groups[-1] + (i,)
            continue
        if groups and groups[-1][-1] == i - 1 and (_is_range(grammar, text, mentions[i - 1], mention)
                                                   or _same_instant(text, mentions[i - 1], mention)):
            groups[-1] = groups[-1] + (i,)
            continue
        restated = _restates(mentions, groups, instants, mention)
        if restated is not None:
            groups[restated] = groups[restated] + (i,)
            continue
        if mention.grain in FINE_GRAINS and mention.start is not None:
            instants.setdefault(mention.start, len(groups))
        groups.append((i,))
    return groups


def _restates(mentions: list[TimeMention], groups: list[tuple[int, ...]], instants: dict[datetime, int],
              mention: TimeMention) -> int | None:
    """The group whose instant ``mention`` gives again on another zone's clocks ("The fire
    was detected at 2:07 a.m. local time … In the United States, where it was 2:07 p.m. EDT
    on Sunday when the fire was detected"): a restatement, not a second event."""
    if mention.grain not in FINE_GRAINS or mention.start is None or mention.approximate:
        return None
    group = instants.get(mention.start)
    if group is None:
        return None
    first = mentions[groups[group][0]]
    return group if first.timezone != mention.timezone else None


_SAME_INSTANT_GAP = 100  # characters: a restatement follows closely, in the same paragraph
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _same_instant(text: str, first: TimeMention, second: TimeMention) -> bool:
    """Two clock times close together that name one instant ("at 2 a.m., when clocks jumped
    forward to 3 a.m."; "2:07 a.m. local time … or 1807 GMT") date one event."""
    if first.grain not in FINE_GRAINS or second.grain not in FINE_GRAINS or first.start is None \
            or first.start != second.start or second.span[0] - first.span[1] > _SAME_INSTANT_GAP:
        return False
    return _PARAGRAPH_BREAK.search(text, first.span[1], second.span[0]) is None


def _is_range(grammar: Grammar, text: str, first: TimeMention, second: TimeMention) -> bool:
    """'from 9 a.m. to 5 p.m.', 'between 1990 and 1995': one event spanning both."""
    if first.type != second.type or first.type == "DURATION":
        return False
    gap = text[first.span[1]:second.span[0]]
    if grammar.range_dash.match(gap):
        return True
    if not grammar.range_gap.match(gap):
        return False
    opener = _LAST_WORD.search(text[max(0, first.span[0] - 12):first.span[0]])
    return opener is not None and opener.group(1).lower() in grammar.lang.RANGE_OPENERS
