"""The fast scan (each rule only near its triggers) finds exactly what the naive scan (every
rule over the whole text) finds, whatever the rules say: checked on the TempEval-3 texts, the
worked example, the corpus sentences and generated texts."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from timeline import mentions
from timeline.lang import en

REPO = Path(__file__).resolve().parents[1]
TEMPEVAL = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
GRAMMAR = mentions.GRAMMARS["en"]


def _found(scan, text: str) -> list[tuple[int, int, str, tuple]]:
    return [(start, end, GRAMMAR.rules[priority].rule.name, match.span())
            for start, end, priority, match in scan(GRAMMAR, text)]


def assert_same_as_naive(text: str) -> None:
    fast, naive = _found(mentions._scan, text), _found(mentions._scan_naive, text)
    assert fast == naive, (
        f"only fast: {sorted(set(fast) - set(naive))}, only naive: {sorted(set(naive) - set(fast))}")


def _tempeval_texts() -> list[str]:
    from timeline.timeml import read_timeml
    return [read_timeml(path).text for path in sorted(TEMPEVAL.rglob("*.tml"))]


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason=f"TempEval-3 corpus not found at {TEMPEVAL}")
def test_fast_scan_equals_naive_scan_on_tempeval():
    texts = _tempeval_texts()
    assert len(texts) > 200
    for text in texts:
        assert_same_as_naive(text)
    # and on one long text, where windows of many documents meet
    assert_same_as_naive("\n\n".join(texts[:40]))


def test_fast_scan_equals_naive_scan_on_the_example_and_corpus():
    assert_same_as_naive((REPO / "examples" / "desantis-twitter-spaces.txt").read_text(encoding="utf-8"))
    lines = [line.replace("[", "").replace("]", "")
             for path in sorted((REPO / "tests" / "corpus").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith(("#", "=", "@"))]
    assert len(lines) > 300
    for line in lines:
        assert_same_as_naive(line)
    assert_same_as_naive("\n".join(lines))


def test_fast_scan_equals_naive_scan_without_shortcuts():
    """A process's first scan runs without the groups' checks, scans and gates (see
    `_ScanIndex.use_shortcuts`): it must find the same."""
    index = mentions._scan_index(GRAMMAR)
    texts = [(REPO / "examples" / "desantis-twitter-spaces.txt").read_text(encoding="utf-8")]
    texts += [f"{example}, and then {example} x" for rule in en.RULES for example in rule.examples]
    for text in texts:
        index.scans_started = 0  # the next scan is the first
        assert_same_as_naive(text)
    assert index.scans_started == 1


@pytest.mark.parametrize("gap", ["          ", " \n\n\n\t ", "\u2003" * 9])
def test_fast_scan_equals_naive_scan_across_long_runs(gap):
    """Windows assume short runs of spaces; a match across a long one must still be found."""
    for rule in en.RULES:
        for example in rule.examples:
            stretched = re.sub(r"\s+", gap, example)
            text = f"Filler words here{gap}and {stretched}{gap}then more filler{gap}{stretched}."
            assert_same_as_naive(text)
            assert_same_as_naive(text.replace("-", gap))


@pytest.mark.parametrize("odd", ["\u017f", "\u212a", "\u0130", "\u0131"])  # ſ, Kelvin K, İ, ı
def test_fast_scan_equals_naive_scan_where_lower_casing_differs_from_re(odd):
    """Texts holding these take the slower trigger search on the text itself."""
    for rule in en.RULES:
        for example in rule.examples:
            assert_same_as_naive(f"{odd} {example}, {example.replace('s', odd).replace('k', odd)} {odd}")


def test_every_rule_has_a_trigger():
    """Not needed for correctness (such a rule runs over the whole text) but for speed."""
    index = mentions._scan_index(GRAMMAR)
    everywhere = [compiled.rule.name for compiled in index.everywhere]
    assert everywhere == [], f"these rules run over the whole text (slow): {everywhere}"
    assert sum(len(group.rules) for group in index.groups) == len(GRAMMAR.rules)


def test_no_rule_lets_runs_of_letters_widen_the_windows():
    """A rule with an open-ended run of letters (``\\w+``, or capitals: ``[A-Z]{2,}``) makes
    every word (or acronym, dateline) a "long run", so the windows cover the whole text:
    correct but as slow as the naive scan."""
    index = mentions._scan_index(GRAMMAR)
    runs = [match.span() for match in index.long_runs.finditer(
        "NEW YORK (AP) The NYSE minister resigned on Friday.")]
    assert runs == [], f"plain words count as long runs: {runs}"



def test_trigger_checks_drop_most_unit_words():
    """The amount rules' windows are the widest; their check must be in use (for speed) and
    refuse a unit that no "ago" or "before" follows."""
    index = mentions._scan_index(GRAMMAR)
    checked = {compiled.rule.name: check for group in index.groups if group.checks
               for compiled, check in zip(group.rules, group.checks)}
    assert {"<amount> <unit> ago", "<amount> <unit> before|after <event>"} <= set(checked)
    assert checked["<amount> <unit> ago"].tail.match("days ago")
    assert not checked["<amount> <unit> ago"].tail.match("days of talks")
    head = checked["<amount> <unit>"].head  # read backwards from the unit
    assert head.match(" owt") and head.match(" 5") and head.match(" wef a")
    assert not head.match(" eht") and not head.match(" tsal")


def test_clock_rules_share_one_gated_group():
    """Rules triggered by digits alone share their windows, and one search (the gate) skips
    the windows where none of them matches: its pattern must be in use, and find each."""
    index = mentions._scan_index(GRAMMAR)
    clocks = [group for group in index.groups if "<hh>h<mm>" in [c.rule.name for c in group.rules]]
    assert len(clocks) == 1 and clocks[0].gate is not None and len(clocks[0].rules) >= 3
    for text in ("at 5:55 p.m. EDT", "1332 GMT", "at 17h55 UTC"):
        assert clocks[0].gate.search(text)
    assert not clocks[0].gate.search("in 1997, 45 percent of 300 people")


@pytest.mark.parametrize("filler", [0, 1, 2, 3, 5, 8, 13, 21])
def test_fast_scan_equals_naive_scan_next_to_dropped_triggers(filler):
    """A trigger refused by its check starts no window, but may lie in another trigger's
    window, near its end: the search cut off there must not match it (see `_cover`)."""
    index = mentions._scan_index(GRAMMAR)
    words = sorted({"".join(char for char, _ in word) for group in index.groups if group.checks
                    for word in group.words})
    for rule in en.RULES:
        for example in rule.examples:
            for word in words[::7]:
                text = f"{example}{' x' * filler} {word}"
                assert_same_as_naive(text)
                assert_same_as_naive(f"{text} x")

# Pieces of text the rules care about, taken from the grammar itself (rule examples, word
# lists), plus separators and characters that stress the scanner: long runs of spaces and
# dashes, digits glued to words, non-ASCII letters that `re` folds onto ASCII ones.
_EXAMPLE_WORDS = sorted({word for rule in en.RULES for example in rule.examples
                         for word in re.split(r"(\s+)", example) if word})
_TABLE_WORDS = sorted(en.TRIGGER_WORDS | set(en.NUMBER_WORDS) | set(en.APPROXIMATORS) | set(en.DIRECTIONS))
_ODD = ["ſeconds", "ſ", "K", "İ", "ı", "’", "“", "—", "é", "\u0663", "٣ days", "5pm", "17h55", "FY2024",
        "Q3", "1990s", "'80s", "No.", "$", "%", "percent", "the", "a", "Times", "EDT", "Paris time"]
_SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "   \n\t  ", "          ", "-", " - ", "- - - - - -",
               "----------", ", ", ".", ". ", "/", ":", "(", ")", "", "0000000000", " 1 2 3 4 5 6 7 8 "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_EXAMPLE_WORDS + _TABLE_WORDS + _ODD),
                          st.sampled_from(_SEPARATORS)), max_size=40),
       st.sampled_from([str.lower, str.upper, str.title, lambda s: s]))
def test_fast_scan_equals_naive_scan_on_generated_text(pieces, case):
    text = case("".join(word + separator for word, separator in pieces))
    assert_same_as_naive(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_fast_scan_equals_naive_scan_on_any_string(text):
    assert_same_as_naive(text)


def test_case_folding_table_is_complete():
    """The fast path reads `text.lower()` in place of `re`'s case folding. That holds except
    for characters that are no ASCII letter yet fold onto one: those must be listed."""
    ascii_letter = re.compile("(?i)[a-z]")
    missing = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isascii():
            continue
        lowered = char.lower()
        if (ascii_letter.match(char) or any(c.isascii() and c.isalpha() for c in lowered)) \
                and not mentions._FOLDS_TO_ASCII.match(char):
            missing.append(f"U+{code:04X}")
    assert missing == []


def _tense_cues(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(match.span(), next(k for k in ("future", "past", "present", "pastform") if match.group(k)))
            for match in matches]


_TENSE_WORDS = sorted(set(en.FUTURE_CUES) | set(en.PAST_CUES) | set(en.PRESENT_CUES) | set(en.NOT_VERBS)
                      | {"will", "Will", "WILL", "started", "reported", "bed", "it'll", "he’ll", "were'nt"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TENSE_WORDS + _ODD), st.sampled_from(_SEPARATORS + ["'", "’"])),
                max_size=30),
       st.sampled_from([str.lower, str.upper, str.title, lambda s: s]))
def test_tense_cues_on_lower_cased_text_equal_the_case_insensitive_ones(pieces, case):
    text = case("".join(word + separator for word, separator in pieces))
    assert _tense_cues(GRAMMAR.tense_cue_matches(text)) == _tense_cues(GRAMMAR.tense_cue.finditer(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_tense_cues_on_lower_cased_text_on_any_string(text):
    assert _tense_cues(GRAMMAR.tense_cue_matches(text)) == _tense_cues(GRAMMAR.tense_cue.finditer(text))


def test_lower_casing_keeps_word_characters():
    """The tense cues read `text.lower()` for the text (see Grammar.tense_cue_matches): a
    character lower-cased must stay one character and keep being (or not being) `\\w`."""
    word = re.compile(r"\w")
    changed = [f"U+{code:04X}" for code in range(sys.maxunicode + 1)
               if not mentions._FOLDS_TO_ASCII.match(chr(code)) and len(chr(code).lower()) == 1
               and bool(word.match(chr(code))) != bool(word.match(chr(code).lower()))]
    assert changed == []
