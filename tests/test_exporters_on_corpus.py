"""Every exporter on real news: a sample of the TempEval-3 texts, each output read back."""
from datetime import date, timezone
from pathlib import Path

import pytest

import timeline
from timeline.ics import event_window
from timeline.timeml import read_timeml

pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")
icalendar = pytest.importorskip("icalendar", reason="the ics extra is not installed")

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
FILES = sorted(CORPUS.glob("*/*.tml"))[::8]  # 32 of the 256 documents


def _utc(value):
    return value.astimezone(timezone.utc)


@pytest.mark.slow
@pytest.mark.skipif(not FILES, reason=f"TempEval-3 corpus not found at {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_exports_read_back(path):
    doc = read_timeml(path)
    tl = timeline.extract(doc.text, reference=doc.dct[:10], tz="America/New_York")
    df = tl.to_dataframe()
    assert len(df) == len(tl)
    for event, start in zip(tl, df["start"]):
        if event.time and event.time.start:
            assert start.to_pydatetime() == event.time.start
    assert len(tl.mentions_frame()) == len(tl.mentions)
    dated = [e for e in tl if event_window(e.time)]
    vevents = list(icalendar.Calendar.from_ical(tl.to_ics()).walk("VEVENT"))
    assert len(vevents) == len(dated)
    for event, vevent in zip(dated, vevents):
        got, expected = vevent["DTSTART"].dt, event_window(event.time)[0]
        if type(got) is date:  # an all-day event
            assert got == expected.date()
        else:
            assert _utc(got) == _utc(expected)
    page = tl.to_html()
    assert all(f'id="{e.id}"' in page for e in tl)
