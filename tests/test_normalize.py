"""normalize.py: choosing the year of a dateless period, duration values, tense, focus."""
from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.lang import en
from timeline import normalize
from timeline.normalize import duration_value, month_period, nearest_occurrence, quarter_period

REF = date(2024, 11, 2)


@pytest.mark.parametrize("month, tense, deadline, year", [
    (1, "past", 0, 2024),     # "in January" said in the past: this January
    (1, "future", 0, 2025),   # "will ... in January": the coming one
    (1, None, 0, 2025),       # no cue: the nearest (2 months ahead, not 10 back)
    (6, None, 0, 2024),
    (12, "past", 0, 2023),    # a past December
    (12, "past", 100, 2024),  # "... extended to December": a near deadline
    (11, "future", 0, 2024),  # the month under way is not over
])
def test_nearest_occurrence_of_a_month(month, tense, deadline, year):
    period = nearest_occurrence(lambda y: month_period(y, month), REF, tense, deadline)
    assert period.value == f"{year}-{month:02d}"


def test_nearest_occurrence_with_no_option_is_none():
    assert nearest_occurrence(lambda y: None, REF, None) is None


def test_quarter_without_a_year_is_the_latest_begun():
    assert nearest_occurrence(lambda y: quarter_period(y, 4), date(1998, 1, 26), "past").value == "1997-Q4"


@pytest.mark.parametrize("amount, unit, value", [
    (21, "minute", "PT21M"), (1.5, "hour", "PT1H30M"), (1.5, "minute", "PT1M30S"),
    (2.5, "year", "P2Y6M"), (3, "quarter", "P9M"), (None, "quarter", "PXM"), (2, "fortnight", "P4W"),
    (None, "minute", "PTXM"), (0.5, "day", "PT12H"), (1.25, "year", "P1Y3M"), (0.3, "hour", "PT18M"),
])
def test_duration_value(amount, unit, value):
    assert duration_value(amount, unit, en.UNITS) == value


def _values(text: str, reference: str = "2024-11-02") -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in timeline.find_times(text, reference=reference)]


def test_the_nearest_tense_cue_wins_over_one_elsewhere_in_the_sentence():
    # "said" is nearer to Friday than "will": the Friday that is past
    assert _values("Officials who will retire said Friday the plant had closed.") == [("Friday", "2024-11-01")]
    assert _values("He said the plant will reopen on Friday.") == [("Friday", "2024-11-08")]


def test_a_participle_is_not_the_past_tense():
    assert _values("The runoff will be held on Dec. 2.") == [("Dec. 2", "2024-12-02")]


def test_repeated_comparison_counts_from_the_same_period():
    text = ("Profit rose in the third quarter to $5 million from $3 million a year earlier. "
            "Sales rose to $90 million from $80 million a year earlier.")
    assert [v for _, v in _values(text)] == ["2024-Q3", "2023-Q3", "2023-Q3"]


def test_narrative_steps_of_different_sizes_still_chain():
    text = "The war began in 1990. Two years later a truce was signed. A year later it collapsed."
    assert [v for _, v in _values(text)] == ["1990", "1992", "1993"]


def test_fiscal_year_keeps_its_start_unresolved():
    (mention,) = timeline.find_times("Sales in fiscal 2023 rose.", reference="2024-11-02")
    assert (mention.value, mention.start, "fiscal-year" in mention.flags) == ("2023", None, True)
    assert mention.unresolved


@pytest.mark.parametrize("text, expected", [
    ("It lasted 1,000 years.", [("1,000 years", "P1000Y")]),
    ("Columbus sailed in 1492.", [("1492", "1492")]),
    ("The bridge was closed for 0 days.", [("0 days", "P0D")]),
])
def test_numbers_and_early_years(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("phrase", ["about 2,500 years ago",
                                    "999,999,999 days ago", "99,999,999,999 years later"])
def test_amounts_off_the_calendar_are_kept_without_a_date(phrase):
    tl = timeline.extract(f"At 5 p.m. it began. {phrase.capitalize()} it ended.", reference="2024-05-24")
    last = tl.mentions[-1]
    assert last.start is None and last.value.startswith("P") and "1-9999" in last.unresolved


def test_a_date_after_a_conversion_dates_both_sides_and_one_event():
    tl = timeline.extract("The summit opens at 9 a.m. ET (2 p.m. Paris time) on March 20.",
                          reference="2024-03-15", tz="America/New_York")
    first, second, day = tl.mentions
    assert first.start == second.start and first.start.isoformat() == "2024-03-20T09:00:00-04:00"
    assert "date-of-previous" in day.flags
    (event,) = tl
    assert event.mentions == (0, 1, 2) and event.time.start == first.start and event.time.end == first.end


def test_feb_29_without_a_year_is_the_nearest_leap_day():
    assert _values("The deal was signed on Feb. 29.", reference="2022-06-01") == [("Feb. 29", "2020-02-29")]
    assert _values("The deal will be signed on Feb. 29.", reference="2022-06-01") == [("Feb. 29", "2024-02-29")]


def test_easter_sunday_matches_dateutil_for_five_centuries():
    dateutil_easter = pytest.importorskip("dateutil.easter").easter
    assert all(normalize.easter_sunday(y) == dateutil_easter(y) for y in range(1600, 2100))


@pytest.mark.parametrize("rule,year,day", [
    (("fixed", 12, 25), 2024, date(2024, 12, 25)),
    (("nth", 11, 4, 4), 2024, date(2024, 11, 28)),   # Thanksgiving: 4th Thursday of November
    (("nth", 5, 1, -1), 2024, date(2024, 5, 27)),    # Memorial Day: last Monday of May
    (("nth", 12, 1, -1), 2024, date(2024, 12, 30)),  # a last weekday in December
    (("nth", 9, 1, 1), 2025, date(2025, 9, 1)),      # Labor Day on the 1st
    (("easter", -2), 2024, date(2024, 3, 29)),       # Good Friday
])
def test_holiday_date(rule, year, day):
    assert normalize.holiday_date(rule, year) == day


def test_lazily_read_tense_cues_equal_the_plain_reading():
    """`_TenseCues.nearest` reads and judges a sentence's cues only as far as it must; the
    answer is the one read off every cue: the last before the time, else the first after it,
    whatever the order the times of a sentence ask in."""
    from pathlib import Path

    from timeline.mentions import GRAMMARS
    from timeline.text import split_sentences

    grammar = GRAMMARS["en"]
    corpus = Path(__file__).parent / "corpus"
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt")))
    checked = 0
    for sentence in split_sentences(text)[:3000]:
        cues = normalize._tense_cues(grammar, sentence)
        first, last = sentence.span
        asked = [(start, min(last, start + 9)) for start in range(first, last + 1, 7)]
        shared = normalize._TenseCues(grammar, sentence)
        for start, end in asked[::-1] + asked[::2]:  # backwards, then forwards again
            before = [kind for position, kind in cues if position < start]
            after = [kind for position, kind in cues if position >= end]
            expected = before[-1] if before else after[0] if after else None
            assert normalize._TenseCues(grammar, sentence).nearest(start, end) == expected
            assert shared.nearest(start, end) == expected
            checked += 1
    assert checked > 1000
