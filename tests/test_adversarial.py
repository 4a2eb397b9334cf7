"""Regression tests for the hostile inputs of benchmarks/adversarial.py, at small sizes.

The benchmark shows the time is linear; these check what the output must be (offsets, values,
invariants) and the structural guarantee that keeps the scan linear. No timing here.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import timeline
from timeline import mentions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from invariants import check_all  # noqa: E402

READ = {"reference": "2024-01-01", "tz": "America/New_York"}


def _extract_checked(text):
    tl = timeline.extract(text, **READ)
    check_all(text, tl, timeline.find_times(text, **READ))
    return tl


@pytest.mark.parametrize("text", ["912 minutes ago at 5:55 p.m. on May 5, 2024",
                                  "x5 p.m. y2024 Tuesday 10:30 GMT", "٣٤٥ minutes later at 1332 GMT"])
def test_no_rule_can_start_inside_a_number_or_word(text):
    # What keeps a long digit run linear: a rule is tried once per run, not at every digit.
    for position in range(1, len(text)):
        if text[position - 1].isdigit() or text[position - 1].isascii() and text[position - 1].isalpha():
            for compiled in mentions.GRAMMARS["en"].rules:
                assert compiled.regex.match(text, position) is None, (compiled.rule.name, position)


def test_digits_and_colons():
    rng = random.Random(1)
    noise = "".join(rng.choice("0123456789::") for _ in range(20_000))
    text = noise + " The vote closed at 5 p.m. " + noise
    tl = _extract_checked(text)
    assert [(m.text, m.span[0]) for m in tl.mentions] == [("5 p.m.", 20_000 + 20)]
    assert tl.mentions[0].start.isoformat() == "2024-01-01T17:00:00-05:00"


def test_repeated_open_conversions():
    unit = "at 5:55 p.m. ("
    tl = _extract_checked(unit * 500)
    assert [m.span for m in tl.mentions] == [(i * len(unit) + 3, i * len(unit) + 12) for i in range(500)]
    assert {m.value for m in tl.mentions} == {"2024-01-01T17:55"}


def test_deeply_nested_parentheses():
    text = "(" * 5_000 + "on May 5, 2023" + ")" * 5_000
    tl = _extract_checked(text)
    assert [(m.text, m.span[0], m.value) for m in tl.mentions] == [("May 5, 2023", 5_003, "2023-05-05")]


def test_no_whitespace():
    rng = random.Random(2)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:,;()-/'"
    _extract_checked("".join(rng.choice(alphabet) for _ in range(20_000)))


def test_long_run_of_month_names():
    words = ("January February March April May June July August September October November "
             "December Jan. Feb. Sept. ").split() * 200
    text = " ".join(words)
    tl = _extract_checked(text)
    assert len(tl.mentions) <= len(words)
    assert all(m.type == "DATE" for m in tl.mentions)


def test_long_run_of_numbers_with_units():
    unit = "5 minutes 10 hours 3 days 2 weeks; "  # (no smaller unit follows a larger: a list)
    tl = _extract_checked(unit * 300)
    assert [m.value for m in tl.mentions] == ["PT5M", "PT10H", "P3D", "P2W"] * 300
    assert tl.mentions[-1].span == (299 * len(unit) + 26, 299 * len(unit) + 33)


def test_long_run_of_and_then():
    text = "At 6 p.m. the servers failed " + "and then " * 2_000 + "engineers restarted them."
    tl = _extract_checked(text)
    assert [m.text for m in tl.mentions] == ["6 p.m."]
    assert tl.events[0].time.start.isoformat() == "2024-01-01T18:00:00-05:00"
