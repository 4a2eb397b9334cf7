"""DataFrame/CSV export: one row per event or mention, typed columns, every instant kept."""
import io
from datetime import timedelta

import pytest

import timeline

pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")

MIXED = ("At 5 p.m. (11 p.m. Paris time) the vote closed. About 10 minutes later the count "
         "stopped for 21 minutes. Tokyo markets opened at 9 a.m. JST on Thursday. "
         "Results come on June 7.")


@pytest.fixture(scope="module")
def tl():
    return timeline.extract(MIXED, reference="2024-05-24", tz="America/New_York")


def _is_string(series) -> bool:
    return isinstance(series.dtype, pd.StringDtype)


def test_event_columns_have_the_documented_dtypes(tl):
    df = tl.to_dataframe()
    assert len(df) == len(tl)
    for column in ("start", "end", "earliest", "latest"):
        assert isinstance(df[column].dtype, pd.DatetimeTZDtype), column
        assert str(df[column].dt.tz) == "America/New_York"
    for column in ("id", "description", "text", "type", "value", "anchor", "timezone",
                   "trigger", "sentence"):
        assert _is_string(df[column]), column
    assert df["approximate"].dtype == bool
    assert str(df["duration"].dtype).startswith("timedelta64")
    assert str(df["utc_offset"].dtype).startswith("timedelta64")
    assert df["span_start"].dtype == "int64" and df["span_end"].dtype == "int64"


def test_every_instant_survives_the_conversion_to_one_zone(tl):
    df = tl.to_dataframe(tz="UTC")
    assert str(df["start"].dt.tz) == "UTC"
    for event, row in zip(tl, df.itertuples(index=False)):
        for name in ("start", "end", "earliest", "latest"):
            expected = getattr(event.time, name) if event.time else None
            got = getattr(row, name)
            if expected is None:
                assert pd.isna(got), (event.id, name)
            else:
                assert got.to_pydatetime() == expected, (event.id, name)
        stated = event.time and (event.time.start or event.time.earliest)
        if stated:
            assert row.utc_offset.to_pytimedelta() == stated.utcoffset()
            assert (None if pd.isna(row.timezone) else row.timezone) == event.time.timezone
        assert row.description == event.description and row.approximate == bool(
            event.time and event.time.approximate)


def test_stated_zone_is_kept_beside_the_converted_column(tl):
    df = tl.to_dataframe()
    tokyo = df[df["timezone"] == "Asia/Tokyo"].iloc[0]
    assert tokyo["utc_offset"] == pd.Timedelta(hours=9)
    assert tokyo["start"].tz_convert("Asia/Tokyo").hour == 9


def test_durations_are_timedeltas_and_vague_or_calendar_ones_are_nat():
    tl = timeline.extract("It rained for 21 minutes. It rained for a few minutes. "
                          "They were gone for two months.", reference="2024-05-24", tz="UTC")
    frame = tl.mentions_frame()
    by_text = {row.text: row for row in frame.itertuples(index=False)}
    assert by_text["21 minutes"].duration == pd.Timedelta(minutes=21)
    assert pd.isna(by_text["a few minutes"].duration)
    assert by_text["a few minutes"].offset_low == pd.Timedelta(minutes=2)
    assert by_text["a few minutes"].offset_high == pd.Timedelta(minutes=5)
    assert pd.isna(by_text["two months"].duration)


def test_mentions_frame_has_one_row_per_mention_in_text_order(tl):
    frame = timeline.mentions_frame(tl)
    assert list(frame["text"]) == [m.text for m in tl.mentions]
    assert list(frame["span_start"]) == [m.span[0] for m in tl.mentions]
    assert isinstance(frame["start"].dtype, pd.DatetimeTZDtype)
    for column in ("text", "type", "value", "grain", "relation", "event", "flags", "rule"):
        assert _is_string(frame[column]), column
    assert frame["approximate"].dtype == bool
    for column in ("duration", "offset_low", "offset_high", "utc_offset"):
        assert str(frame[column].dtype).startswith("timedelta64"), column
    # the event column names the event each mention dates
    for event in tl:
        for index in event.mentions:
            assert frame["event"][index] == event.id


def test_csv_round_trips_through_pandas(tl, tmp_path):
    text = tl.to_csv()
    back = pd.read_csv(io.StringIO(text))
    assert list(back["id"]) == [e.id for e in tl]
    parsed = pd.to_datetime(back["start"], utc=True)
    for event, value in zip(tl, parsed):
        if event.time and event.time.start:
            assert value.to_pydatetime() == event.time.start
    path = tmp_path / "events.csv"
    assert tl.to_csv(path) is None
    assert path.read_text() == text


def test_empty_timeline_gives_empty_typed_frames():
    tl = timeline.extract("Nothing happened.", tz="Europe/Paris")
    df = tl.to_dataframe()
    assert len(df) == 0 and isinstance(df["start"].dtype, pd.DatetimeTZDtype)
    assert len(tl.mentions_frame()) == 0


def test_duration_of_reads_fixed_units_only():
    from timeline.dataframe import duration_of

    assert duration_of("PT1H30M") == timedelta(minutes=90)
    assert duration_of("P1W2D") == timedelta(days=9)
    assert duration_of("PT0.5S") == timedelta(seconds=0.5)
    for value in ("P2M", "P1Y", "PTXM", "P", "PT", "XXXX-WXX-1", None):
        assert duration_of(value) is None, value


def test_missing_pandas_names_the_extra(monkeypatch, tl):
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"timeline-news\[pandas\]"):
        tl.to_dataframe()


def test_centuries_away_fit_the_columns():
    # nanosecond columns stop at 1677 and at 292 years: these would overflow them
    tl = timeline.extract("The dynasty fell in the 15th century and lasted 500 years. It was rebuilt "
                          "in 1600.", reference="2024-05-24", tz="UTC")
    frame = tl.mentions_frame()
    assert len(frame) == len(tl.mentions) == 3
    for mention, row in zip(tl.mentions, frame.itertuples(index=False)):
        if mention.start is not None:
            assert row.start.to_pydatetime() == mention.start
        if mention.offset is not None:
            assert row.offset_high.to_pytimedelta() == timedelta(seconds=mention.offset[1])
    assert frame["start"].dropna().dt.year.min() == 1400
    assert frame["offset_high"].max().to_pytimedelta() > timedelta(days=365 * 499)
    assert len(tl.to_dataframe()) == len(tl)
