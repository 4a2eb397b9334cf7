"""Derive ``src/timeline/data/en/event_nouns.txt`` from the TimeBank (dev) part of TempEval-3.

Usage::

    python scripts/derive_event_nouns.py [TIMEBANK_DIR] > src/timeline/data/en/event_nouns.txt

A noun is listed when TimeBank annotates it as an EVENT with ``pos="NOUN"`` (its
MAKEINSTANCE) in at least half of its occurrences in the corpus text (so "attack", "talks"
and "merger" are in; "income" and "operations", events a fifth of the time, are out), at
least twice or with a suffix that makes a noun of a verb ("abduction", "departure"). -ing
forms are left to the verb rules.
Only the dev part is read: the AQUAINT test part stays unseen.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"
MIN_SHARE = 0.5
MIN_COUNT = 2  # a noun seen once is kept only with a suffix that makes an event of a verb
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ure", "ance", "ence", "al", "age")
WORD = re.compile(r"[a-z][a-z\-]+")


def noun_events(path: Path) -> tuple[Counter, Counter]:
    """(nouns annotated as events, every lower-case word) of one document."""
    root = ET.parse(path).getroot()
    pos = {node.get("eventID"): node.get("pos") for node in root.iter("MAKEINSTANCE")}
    text = root.find("TEXT")
    events = Counter(node.text.lower() for node in text.iter("EVENT")
                     if node.text and pos.get(node.get("eid")) == "NOUN")
    return events, Counter(WORD.findall("".join(text.itertext())))


def main(folder: Path) -> None:
    events, words = Counter(), Counter()
    for path in sorted(folder.glob("*.tml")):
        found, seen = noun_events(path)
        events += found
        words += seen
    nouns = sorted(noun for noun, count in events.items()
                   if WORD.fullmatch(noun) and not noun.endswith("ing")
                   and count >= MIN_SHARE * words[noun]
                   and (count >= MIN_COUNT or noun.endswith(NOMINAL_SUFFIXES)))
    print("# Nouns TimeBank (dev part) annotates as events in at least half of their uses;")
    print("# made by scripts/derive_event_nouns.py. One per line.")
    print("\n".join(nouns))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
