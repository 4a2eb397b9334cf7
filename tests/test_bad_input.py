"""Bad input and limits, across the public surface: clear typed errors for bad arguments, no
exception for any text, values off the calendar kept with a reason, and the CLI's one-line
errors (missing arguments, bad choices, unreadable files, bad encodings on files and stdin)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import timeline
from timeline import Timeline, UnknownZoneError


@pytest.mark.parametrize("tz", ["", "   ", "UTC+99:99", "UTC+ab:cd", "Nowhere/Land"])
def test_bad_zone_names_are_unknown_zone_errors(tz):
    with pytest.raises(UnknownZoneError, match="unknown time zone"):
        timeline.find_times("at 5 p.m.", tz=tz)


@pytest.mark.parametrize("bad", [42, 1.5, ["UTC"]])
def test_zone_of_the_wrong_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match="tz must be"):
        timeline.extract("at 5 p.m.", tz=bad)


@pytest.mark.parametrize("reference", ["0001-01-01T00:30+05:00", "9999-12-31T23:30-05:00"])
def test_reference_beyond_the_calendar_in_utc_is_a_value_error(reference):
    with pytest.raises(ValueError, match="out of range"):
        timeline.extract("at 5 p.m.", reference=reference)


@pytest.mark.parametrize("bad", [3.5, ["2024-01-01"], object()])
def test_reference_of_the_wrong_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match="reference must be"):
        timeline.find_times("at 5 p.m.", reference=bad)


@pytest.mark.parametrize("lang", [None, "fr", 1, "EN "])
def test_unsupported_lang_is_a_value_error(lang):
    with pytest.raises(ValueError, match="lang"):
        timeline.find_times("at 5 p.m.", lang=lang)


@pytest.mark.parametrize("text,reference,off_calendar", [
    ("The vote began 3000 years ago.", "2024-01-01", ["3000 years ago"]),
    ("In 8000 years it will end.", "2024-01-01", ["8000 years"]),
    ("It ended tomorrow at 5 p.m. and two weeks later.", "9999-12-31", ["tomorrow", "two weeks later"]),
    ("It began yesterday, three days ago.", "0001-01-01", ["yesterday", "three days ago"]),
])
def test_dates_off_the_calendar_are_kept_unresolved_with_a_reason(text, reference, off_calendar):
    tl = timeline.extract(text, reference=reference, tz="UTC")
    unresolved = {m.text: m.unresolved for m in tl.mentions if m.start is None}
    for phrase in off_calendar:
        assert "1-9999" in unresolved[phrase]


def test_elapsed_time_past_the_calendar_is_not_placed():
    tl = timeline.extract("At 5 p.m. the vote began. After 9000 years it ended. After 99999999 years "
                          "it ended again.", reference="2024-01-01", tz="UTC")
    assert [e.time.start is None for e in tl.events] == [False, True, True]


@pytest.mark.parametrize("data,error,message", [
    ([], TypeError, "needs a dict"),
    ({}, ValueError, "missing key 'events'"),
    ({"events": [{}], "mentions": []}, ValueError, "missing key 'id'"),
    ({"events": None, "mentions": []}, ValueError, "not a timeline dict"),
    ({"version": 2, "events": [], "mentions": []}, ValueError, "version 2"),
    ({"events": [], "mentions": [{"text": "x", "span": [5, 1], "type": "DATE", "value": ""}]}, ValueError, "span"),
])
def test_from_dict_names_what_is_wrong(data, error, message):
    with pytest.raises(error, match=message):
        Timeline.from_dict(data)
    if isinstance(data, dict):
        with pytest.raises(error, match=message):
            Timeline.from_json(json.dumps(data))


def test_from_json_of_non_json_is_a_value_error():
    with pytest.raises(ValueError):
        Timeline.from_json("not json")


def test_to_timeml_checks_its_arguments_and_refuses_unrepresentable_text():
    tl = timeline.extract("At 5 p.m. the vote closed.", reference="2024-01-01")
    with pytest.raises(TypeError, match="docid"):
        tl.to_timeml(docid=5)
    with pytest.raises(ValueError, match="XML"):
        timeline.extract("At 5 p.m.\x00 the vote closed.").to_timeml()


def _cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "timeline", *args], input=stdin, capture_output=True)


@pytest.mark.parametrize("args,needle", [
    ((), "required: command"),
    (("extract",), "required: file"),
    (("extract", "x.txt", "--format", "pdf"), "invalid choice"),
    (("frobnicate",), "invalid choice"),
    (("extract", "."), "Is a directory"),
    (("extract", "-", "--reference", "tomorrow"), "reference"),
    (("extract", "-", "--lang", "xx"), "lang"),
])
def test_cli_usage_errors_are_one_line(args, needle):
    run = _cli(*args, stdin=b"at 5 p.m.")
    err = run.stderr.decode()
    assert run.returncode == 2 and err.count("\n") == 1 and needle in err, err
    assert "Traceback" not in err and run.stdout == b""


def test_cli_bad_encoding_on_stdin_names_it_and_the_offset():
    run = _cli("extract", "-", stdin=b"at 5 p.m. \xff\xfe")
    err = run.stderr.decode()
    assert run.returncode == 2 and err.count("\n") == 1
    assert "<stdin>" in err and "offset 10" in err


@pytest.mark.parametrize("text,value", [
    ("It ended on April 31.", "2023-04-31"), ("It ended on 30 February.", "2023-02-30"),
    ("It ended on Feb. 30, 2024.", "2024-02-30"), ("It ended on 2024-02-30.", "XXXX"),
])
def test_days_no_calendar_has_are_kept_unresolved(text, value):
    # Found by the property tests (thorough profile): a day without a year that no year has
    # ("April 31") raised ValueError.
    m, = timeline.find_times(text, reference="2023-05-24")
    assert (m.value, m.start, m.unresolved) == (value, None, "no such calendar day")


@pytest.mark.parametrize("text", ["at 5 p.m. UTC+55", "at 5 p.m. GMT+15", "2023-05-24T17:55:00+55:00",
                                  "at 5 p.m. UTC-12:75"])
def test_offsets_no_zone_has_are_read_as_utc_and_flagged(text):
    # Found by the fuzzer: "UTC+55" in the text raised (pytz refuses offsets of a day or more).
    m, = timeline.find_times(text, reference="2023-05-24")
    assert m.timezone == "UTC" and "zone-offset-invalid" in m.flags and m.start.utcoffset().total_seconds() == 0
