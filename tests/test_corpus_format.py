"""Tests of the corpus file parser and checker in ``test_corpus.py``, on inline strings.

They do not need the engine: ``check_case`` is exercised with a fake ``find_times``.
"""
from __future__ import annotations

import importlib.util
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest


def _load_runner():
    # Loaded by path so this works whatever pytest's import mode or rootdir is.
    name = "_timeline_corpus_runner"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_corpus.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


runner = _load_runner()
parse_corpus = runner.parse_corpus
CorpusFormatError = runner.CorpusFormatError

GOOD = """\
# a comment
@reference 2024-03-15 America/New_York

= 2024-03-14 DATE
The minister resigned [yesterday], officials said.
= 2024-03-15T17:55 TIME start=2024-03-15T17:55:00-04:00
Polls closed at [5:55 p.m.] on the east coast.
= PT20M DURATION approx
The hearing was delayed by [about twenty minutes].
= same
The rocket lifted off at [9:41 a.m. EDT] ([1341 GMT]).
@reference 2024-01-10T12:00 Europe/Paris
= none
Shares rose 2.5% to 1,194.09.
"""


def test_parses_every_kind_of_block():
    cases = parse_corpus(GOOD, "good.txt")
    assert [c.lineno for c in cases] == [5, 7, 9, 11, 14]
    assert [c.id for c in cases][0] == "good.txt:5"
    first, clock, duration, same, none = cases
    assert first.text == "The minister resigned yesterday, officials said."
    assert first.spans == ((22, 31),)
    assert first.text[22:31] == "yesterday"
    assert (first.expect.kind, first.expect.value, first.expect.type) == ("value", "2024-03-14", "DATE")
    assert (first.reference, first.tz) == ("2024-03-15", "America/New_York")
    assert clock.expect.start == datetime(2024, 3, 15, 17, 55, tzinfo=timezone(timedelta(hours=-4)))
    assert not clock.expect.approx and duration.expect.approx
    assert same.expect.kind == "same"
    assert [same.text[a:b] for a, b in same.spans] == ["9:41 a.m. EDT", "1341 GMT"]
    assert none.expect.kind == "none" and none.spans == ()
    assert (none.reference, none.tz) == ("2024-01-10T12:00", "Europe/Paris")
    assert none.theme == "good"


@pytest.mark.parametrize("source, message", [
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\nNo brackets here.\n",
     "exactly one"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\n[Two] [spans].\n",
     "exactly one"),
    ("@reference 2024-03-15 America/New_York\n= same\nOnly [one] span.\n", "two or more"),
    ("@reference 2024-03-15 America/New_York\n= none\nA [span] here.\n", "no [spans]"),
    ("@reference 2024-03-15 America/New_York\nA line before any block [x].\n", "block header"),
    ("= 2024-03-14 DATE\nThe minister resigned [yesterday].\n", "before any @reference"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\nUnclosed [bracket.\n",
     "never closed"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\nStray ] bracket [x].\n",
     "without '['"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\nNested [[x]].\n", "nested"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\nEmpty [] here [x].\n",
     "empty brackets"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\nSpace [ x] here.\n",
     "whitespace"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DAY\nThe [day].\n", "type"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14\nThe [day].\n", "VALUE and TYPE"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE fuzzy\nThe [day].\n",
     "unknown option"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14T10:00 TIME start=2024-03-14T10:00\n"
     "At [10 a.m.].\n", "no UTC offset"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14T10:00 TIME start=soon\n"
     "At [10 a.m.].\n", "not ISO 8601"),
    ("@reference 2024-03-15 America/New_York\n= same extra\nAt [1] and [2].\n", "no options"),
    ("@reference 2024-03-15\n= none\nNothing.\n", "exactly DATE_OR_DATETIME and ZONE"),
    ("@reference 2024-03-15 Mars/Olympus\n= none\nNothing.\n", "unknown IANA zone"),
    ("@reference 2024-13-45 America/New_York\n= none\nNothing.\n", "not an ISO"),
    ("@reference 2024-03-15 America/New_York\n@tz UTC\n= none\nNothing.\n", "unknown directive"),
    ("@reference 2024-03-15 America/New_York\n= 2024-03-14 DATE\n= none\nNothing.\n",
     "no case lines"),
    ("@reference 2024-03-15 America/New_York\n= none\nNothing.\n= 2024-03-14 DATE\n",
     "no case lines"),
    ("# only comments\n\n", "no cases"),
])
def test_malformed_corpus_raises(source, message):
    with pytest.raises(CorpusFormatError, match=None) as info:
        parse_corpus(source, "bad.txt")
    assert message in str(info.value)
    assert str(info.value).startswith("bad.txt:")


def test_error_names_the_line():
    source = "@reference 2024-03-15 America/New_York\n\n= 2024-03-14 DATE\n# c\nNo brackets.\n"
    with pytest.raises(CorpusFormatError) as info:
        parse_corpus(source, "dates.txt")
    assert info.value.lineno == 5
    assert str(info.value).startswith("dates.txt:5:")


def test_bad_file_becomes_a_failing_case(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("@reference 2024-03-15 UTC\n= none\n[x]\n", encoding="utf-8")
    cases, errors = runner.load_corpus(tmp_path)
    assert len(cases) == 5
    assert [e.filename for e in errors] == ["bad.txt"]


# ------------------------------------------------------------------ the checker --------

EDT = timezone(timedelta(hours=-4))


def _mention(text, source, value, type_, start=None, approximate=False):
    begin = source.index(text)
    return SimpleNamespace(text=text, span=(begin, begin + len(text)), value=value, type=type_,
                           start=start, approximate=approximate, rule="fake", flags=())


def _fake(*mentions_for):
    def find_times(text, *, reference=None, tz=None, lang="en"):
        return [_mention(text=t, source=text, **kw) for t, kw in mentions_for]
    return find_times


def _case(source):
    (case,) = parse_corpus("@reference 2024-03-15 America/New_York\n" + source, "t.txt")
    return case


def test_checker_passes_a_matching_mention():
    case = _case("= 2024-03-15T17:55 TIME start=2024-03-15T17:55:00-04:00\nAt [5:55 p.m.] it ended.\n")
    start = datetime(2024, 3, 15, 17, 55, tzinfo=EDT)
    ok = _fake(("5:55 p.m.", dict(value="2024-03-15T17:55", type_="TIME", start=start)))
    assert runner.check_case(case, ok) == []


def test_checker_reports_missing_span_and_what_was_found():
    case = _case("= PT1H DURATION\nIt went on for [an hour].\n")
    wrong_span = _fake(("for an hour", dict(value="PT1H", type_="DURATION")))
    problems = runner.check_case(case, wrong_span)
    assert "'an hour'" in problems[0] and "not found" in problems[0]
    assert "'for an hour'" in problems[-1] and "PT1H" in problems[-1]


def test_checker_reports_wrong_value_type_offset_and_approx():
    case = _case("= PT20M DURATION approx\nDelayed by [about twenty minutes].\n")
    problems = runner.check_case(case, _fake(("about twenty minutes",
                                              dict(value="PT2M", type_="DATE"))))
    text = "\n".join(problems)
    assert "value 'PT2M'" in text and "type 'DATE'" in text and "approximate" in text

    case = _case("= 2024-03-15T13:32 TIME start=2024-03-15T13:32:00+00:00\nAt [1332 GMT].\n")
    same_instant_other_offset = datetime(2024, 3, 15, 9, 32, tzinfo=EDT)
    problems = runner.check_case(case, _fake(("1332 GMT", dict(
        value="2024-03-15T13:32", type_="TIME", start=same_instant_other_offset))))
    assert any("start" in p and "offset" in p for p in problems)


def test_checker_same_and_none():
    case = _case("= same\nAt [9:41 a.m. EDT] ([1341 GMT]).\n")
    instant = datetime(2024, 3, 15, 13, 41, tzinfo=timezone.utc)
    both = _fake(("9:41 a.m. EDT", dict(value="x", type_="TIME", start=instant.astimezone(EDT))),
                 ("1341 GMT", dict(value="y", type_="TIME", start=instant)))
    assert runner.check_case(case, both) == []
    off = _fake(("9:41 a.m. EDT", dict(value="x", type_="TIME", start=instant)),
                ("1341 GMT", dict(value="y", type_="TIME", start=instant + timedelta(hours=1))))
    assert any("starts differ" in p for p in runner.check_case(case, off))
    no_start = _fake(("9:41 a.m. EDT", dict(value="x", type_="TIME", start=instant)),
                     ("1341 GMT", dict(value="y", type_="TIME", start=None)))
    assert any("expected an aware datetime" in p for p in runner.check_case(case, no_start))

    case = _case("= none\nShares rose 2.5%.\n")
    assert runner.check_case(case, _fake()) == []
    assert runner.check_case(case, _fake(("2.5", dict(value="2", type_="TIME"))))


# ------------------------------------------------------------------ the real corpus ----

def test_real_corpus_parses_and_is_big_enough():
    cases, errors = runner.load_corpus()
    assert not errors, "\n".join(str(e) for e in errors)
    by_theme = {}
    for case in cases:
        by_theme.setdefault(case.theme, []).append(case)
    assert len(cases) >= 170
    assert sum(c.expect.kind == "none" for c in cases) >= 25
    zoned = sum(len(by_theme.get(t, [])) for t in ("zones", "dst", "conversions"))
    assert zoned >= 30
    for theme in ("clock", "zones", "dst", "conversions", "dates", "durations", "relative",
                  "sets", "negatives"):
        assert by_theme.get(theme), f"no cases in {theme}.txt"
