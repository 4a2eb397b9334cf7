"""Every rule's own examples are found by that rule (rules carry their documentation)."""
import pytest

import timeline
from timeline.lang import en
from timeline.mentions import find_candidates

CASES = [(rule.name, example) for rule in en.RULES for example in rule.examples]


@pytest.mark.parametrize("rule_name,example", CASES, ids=[f"{r}|{e}" for r, e in CASES])
def test_rule_finds_its_examples(rule_name, example):
    found = find_candidates(example)
    assert found, f"nothing found in {example!r}"
    assert rule_name in {c.rule for c in found}, [(c.text, c.rule) for c in found]


@pytest.mark.parametrize("reference", [None, "2014-03-21"])
@pytest.mark.parametrize("rule_name,example", CASES, ids=[f"{r}|{e}" for r, e in CASES])
def test_rule_examples_normalize_and_extract(rule_name, example, reference):
    """Each example goes the whole way: a value (resolved, or unresolved saying why), no crash."""
    text = f"It happened {example}."
    for mention in timeline.extract(text, reference=reference, tz="UTC").mentions:
        assert mention.value, mention
        assert mention.unresolved is None or mention.unresolved.strip(), mention


def test_the_number_after_a_slash_is_no_amount():
    """'1/2 day' is half a day (not read yet), never '2 day'."""
    assert not [m for m in timeline.find_times("Staff may take a 1/2 day off.") if m.value == "P2D"]


def test_every_rule_has_examples():
    assert all(rule.examples for rule in en.RULES)


def test_parts_of_day_said_before_their_day_have_hours():
    """read_daypart looks every part the daypart rule matches up in PARTS_OF_DAY."""
    assert set(en.TWILIGHT) <= set(en.PARTS_OF_DAY)
