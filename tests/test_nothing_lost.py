"""Nothing lost, on real news: over the TempEval-3 corpus (TimeBank + AQUAINT, 256 documents),
every mention find_times reports is in extract(...).mentions, unchanged, and each one is placed
(a start) or is not a point on the calendar (DURATION, SET, or the TIMEX3 values
PRESENT_REF/PAST_REF/FUTURE_REF of "now", "recently", "soon", which README says date no
event) or says why it is not (``unresolved``). The output also keeps every invariant of fuzz/invariants.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import timeline
from timeline.timeml import read_timeml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
sys.path.insert(0, str(REPO / "fuzz"))
from invariants import check_all  # noqa: E402

_NOT_ON_THE_CALENDAR = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
PATHS = sorted(CORPUS.glob("*/*.tml"))


@pytest.mark.skipif(not PATHS, reason=f"TempEval-3 corpus not found at {CORPUS}")
def test_every_found_mention_is_kept_and_resolved_or_explained(schema):
    unexplained, mentions = [], 0
    for path in PATHS:
        doc = read_timeml(path)
        found = timeline.find_times(doc.text, reference=doc.dct)
        tl = timeline.extract(doc.text, reference=doc.dct)
        kept = set(tl.mentions)
        lost = [m.text for m in found if m not in kept]
        assert not lost, f"{path.name}: found but not in extract(...).mentions: {lost}"
        check_all(doc.text, tl, found, schema if mentions == 0 else None)
        for m in tl.mentions:
            mentions += 1
            if m.start is None and m.type in ("DATE", "TIME") and not m.unresolved \
                    and m.value not in _NOT_ON_THE_CALENDAR:
                unexplained.append(f"{path.name}: {m.text!r} {m.value}")
    assert len(PATHS) == 256 and mentions > 1500
    assert not unexplained, f"{len(unexplained)} mentions without start or reason: {unexplained[:20]}"
