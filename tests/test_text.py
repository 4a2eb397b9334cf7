import pytest
from timeline.text import split_sentences


def test_offsets_round_trip():
    text = "At 5 p.m. EDT the vote closed. Mr. Smith left.\n\nNew paragraph here!  Another one?"
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.span[0]:s.span[1]] == s.text
    assert [s.text for s in sentences] == [
        "At 5 p.m. EDT the vote closed.", "Mr. Smith left.", "New paragraph here!", "Another one?"]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


def test_clock_time_followed_by_zone_or_conversion_does_not_end_sentence():
    text = "It began at 5:55 p.m. (11:55 p.m. Paris time), and ended at 6 p.m. Paris time was late."
    assert len(split_sentences(text)) == 1 or split_sentences(text)[0].text.startswith("It began at 5:55 p.m. (11:55")


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


@pytest.mark.parametrize("text", [
    "Clocks fall back at 2 a.m. Sunday as daylight saving time ends.",
    "The vote opens at 9 a.m. Jan. 5 and closes a week later.",
    "The rally began at 5 p.m. Paris time and ended late.",
])
def test_a_weekday_or_date_after_am_pm_continues_the_sentence(text):
    assert len(split_sentences(text)) == 1


def test_a_new_sentence_after_pm_still_ends_it():
    assert len(split_sentences("The rally began at 5 p.m. Police said it was calm.")) == 2
