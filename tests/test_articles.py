"""Whole articles scored as held-out ones are: ``../shared/tools/check_article.py``.

``examples/articles/`` holds 96 news articles written for this project, each with the
timeline a careful reader gives it (``NAME.expected.json``, the worked example's schema).
A first twelve: an earthquake in local time and GMT, a rocket launch, a bank outage, a
trial, a football final, an election in Queensland, a diverted flight, a storm, earnings, a
transit strike across a clock change, an all-night summit across another, and an
anniversary. A second twelve: a wildfire, a derailment in Saskatchewan (no daylight saving),
an all-night Commons sitting, a Fed decision between two DST dates, a tennis match past
midnight, a ferry across two Indonesian zones, a recall, a data-centre fire, a curfew, a
jail escape on the night clocks went forward, an esports final watched across zones, and an
obituary. A third twelve, in zones from UTC-10 to UTC+13 (Nepal's +5:45 and Iran's +3:30
included): an exchange glitch in Mumbai, a Himalayan rescue, a blackout across Chile's clock
change, a grounding in the Suez Canal, a flood in Durban, a cruise outbreak in Wellington, a
volcano alert in Hawaii, a tsunami warning in Alaska, a hospital cyberattack in Arizona (no
daylight saving), a verdict in Dublin the week Irish clocks went back, a launch scrub told
in EDT and Turkish time, and a derby in Tehran. A fourth twelve: clock changes in both
hemispheres, date-line crossings, zones of +13, +14, -11, +10:30 and +5:45, and markets in
the weeks US and European clocks differ. A fifth: Egypt's reinstated and Morocco's Ramadan
clock changes, Iran without daylight saving, Chile's spring-forward strike, Mexico on
standard time against US daylight time, Brasília time in its first year without daylight
saving, a cricket final past midnight in IST, load-shedding in 24-hour SAST ranges, a
typhoon in JST, a chimney demolition in BST, a New Zealand airline route to Mumbai and a
boil-water advisory across the new year. A sixth: an outage in the US/Europe DST gap, a
semi-final past midnight in Melbourne, Nepal's +5:45, a Japanese launch, Kenyan rail, Dubai
without daylight saving, Arizona across the US clock change, Glasgow's clocks going back,
Spanish 24-hour times, Hong Kong, an overnight vote in Bogotá and Accra. A seventh: a budget
night in Canberra, an eruption in Iceland, a rain delay in Chicago told from Toronto, New
Zealand's clocks going back, a quake drill in Mexico City, typhoon signals in Manila, a
circuit breaker in Istanbul, a marathon in São Paulo, a fuel protest in Lagos, Eid in
Jakarta's three zones, a Soyuz docking in Moscow time and an obituary in Lisbon the week its
clocks went back. An eighth: a hijacking tracked from Athens to Mumbai, a Mars flyby in CET,
a mine rescue in SAST, a Denver blizzard across the US clock change, a German rail strike
across the EU one, a Liège hostage siege the night clocks went forward, an airline outage
told in four US zones, a NYSE debut the week London and New York differ, a sentencing in
Phoenix (no daylight saving), a hurricane in Puerto Rico's AST, a football deadline day in
BST, CEST and Riyadh time, and a no-confidence vote past midnight in Tokyo. They were written without reading the library and tuned on afterwards, so they
guard against regressions; they do not measure accuracy on unseen text (see README,
"Measured").
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECKER = REPO.parent / "shared" / "tools" / "check_article.py"
ARTICLES = sorted((REPO / "examples" / "articles").glob("*.expected.json"))
# Checks failed now (353 of 380 passed when the first twelve were added, 410 of 483 the
# second, 406 of 438 the third, 419 of 494 the fourth, 451 of 513 the
# fifth, 487 of 538 the sixth, 613 of 688 the seventh, 600 of 657 the eighth); a change may lower it, not raise
# it. (The total grows when an event is found: its time is then checked too.)
FAILED_AT_MOST = 179


def _score(paths: list[Path]) -> tuple[int, int, str]:
    run = subprocess.run([sys.executable, str(CHECKER), *map(str, paths)], capture_output=True, text=True,
                         cwd=REPO, timeout=300)
    last = run.stdout.strip().splitlines()[-1]
    passed, total = map(int, re.match(r"articles: (\d+)/(\d+) checks", last).groups())
    return passed, total, run.stdout


@pytest.mark.skipif(not CHECKER.exists(), reason="needs ../shared beside the repository")
def test_the_articles_keep_their_score():
    passed, total, report = _score(ARTICLES)
    assert total >= 380 + 483 + 438 + 494 + 513 + 538 + 688 + 657
    assert total - passed <= FAILED_AT_MOST, report


@pytest.mark.skipif(not CHECKER.exists(), reason="needs ../shared beside the repository")
def test_the_worked_example_passes_every_check():
    gold = REPO.parent / "shared" / "examples" / "desantis-twitter-spaces.expected.json"
    passed, total, report = _score([gold])
    assert passed == total, report
