"""The matplotlib picture: what is drawn where, read back from the figure (Agg backend)."""
import sys
from datetime import datetime, timedelta, timezone

import pytest

import timeline
from timeline.plot import placement, time_segments

matplotlib = pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

TEXT = ("At 5:55 p.m. (11:55 p.m. Paris time) Musk shared the link. At 6 p.m. the servers failed. "
        "After a few minutes the stream recovered. Then the host spoke. The vote is on June 7, 2023.")


@pytest.fixture
def tl():
    return timeline.extract(TEXT, reference="2023-05-24", tz="America/New_York")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _drawn_axes(fig):
    """The panels with the time axis: the figure's axes, or its inset panels when broken."""
    main = fig.axes[0]
    return [main] if main.axison else [a for a in main.child_axes if a.get_yaxis().get_visible()
                                       and a.get_ylim()[0] < 0]


def test_one_labelled_row_per_placed_event_in_time_order(tl):
    fig = tl.plot()
    first = _drawn_axes(fig)[0]
    labels = [t.get_text() for t in first.get_yticklabels()][::-1]
    placed = [e for e in tl if placement(e.time) is not None]
    assert len(labels) == len(placed) > 3
    for label, event in zip(labels, placed):
        assert event.description.startswith(label.rstrip("…"))


def test_marks_sit_at_the_event_instants(tl):
    fig = tl.plot()
    axes = _drawn_axes(fig)
    points = set()
    for a in axes:
        for line in a.get_lines():
            for x, y in zip(line.get_xdata(), line.get_ydata()):
                value = mdates.date2num(x) if isinstance(x, datetime) else x
                points.add((round(float(value), 6), int(y)))
    n = sum(1 for e in tl if placement(e.time))
    for row, event in enumerate(e for e in tl if placement(e.time)):
        p = placement(event.time)
        for key in ("start", "earliest", "latest"):
            if p[key] is not None:
                assert (round(mdates.date2num(p[key]), 6), n - 1 - row) in points, (event.id, key)


def test_intervals_are_bars_and_bounds_are_whiskers(tl):
    fig = tl.plot()
    axes = _drawn_axes(fig)
    bars = [patch for a in axes for patch in a.patches]
    day = next(e for e in tl if e.time and e.time.value == "2023-06-07")
    assert any(abs(b.get_width() - 1.0) < 1e-6 and
               abs(b.get_x() - mdates.date2num(day.time.start)) < 1e-6 for b in bars)
    recovered = next(e for e in tl if "recovered" in e.description)
    p = placement(recovered.time)
    assert p["earliest"] and p["latest"] and p["approximate"]
    xs = [tuple(mdates.date2num(x) if isinstance(x, datetime) else x for x in line.get_xdata())
          for a in axes for line in a.get_lines()]
    assert (mdates.date2num(p["earliest"]), mdates.date2num(p["latest"])) in xs


def test_far_away_events_break_the_axis_and_close_ones_stay_apart(tl):
    fig = tl.plot()
    axes = _drawn_axes(fig)
    assert len(axes) == 2
    left, right = (a.get_xlim() for a in axes)
    assert right[0] > left[1]
    # the minutes around 6 p.m. fill most of the first panel instead of collapsing into a dot
    span = timedelta(days=left[1] - left[0])
    assert span < timedelta(hours=1)


def test_second_zone_axis_reads_the_same_instants_in_that_zone(tl):
    fig = tl.plot(second_tz="Europe/Paris")
    fig.canvas.draw()
    first = _drawn_axes(fig)[0]
    top = [c for c in first.child_axes]
    assert len(top) == 1
    bottom_labels = [t.get_text() for t in first.get_xticklabels() if t.get_text()]
    top_labels = [t.get_text() for t in top[0].get_xticklabels() if t.get_text()]
    assert "18:00" in bottom_labels and "00:00" in top_labels  # 6 p.m. EDT is midnight in Paris
    texts = [t.get_text() for t in first.texts]
    assert any(t.startswith("Europe/Paris (CEST, UTC+02:00)") for t in texts)
    assert any(t.startswith("America/New_York (EDT, UTC−04:00)") for t in texts)


def test_tz_argument_changes_the_bottom_axis():
    tl = timeline.extract("At 6 p.m. the servers failed. At 6:30 p.m. they came back.",
                          reference="2023-05-24", tz="America/New_York")
    fig = tl.plot(tz="Asia/Tokyo")
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert "07:00" in labels or "07:15" in labels or "07:10" in labels, labels


def test_draws_on_a_given_axes_and_lists_unplaced_events():
    tl = timeline.extract("The stream lasted about twenty minutes. At 6 p.m. it failed.",
                          reference="2023-05-24", tz="UTC")
    fig, ax = plt.subplots()
    assert tl.plot(ax=ax) is fig
    unplaced = [e for e in tl if placement(e.time) is None]
    assert unplaced
    notes = " ".join(t.get_text() for t in fig.texts)
    assert all(e.id in notes for e in unplaced)


def test_empty_timeline_still_gives_a_figure():
    fig = timeline.extract("Nothing happened.").plot()
    assert "no event" in " ".join(t.get_text() for t in fig.axes[0].texts)


def test_time_segments_cut_only_where_a_gap_hides_detail():
    at = lambda d, h, m=0: datetime(2023, 5, d, h, m, tzinfo=timezone.utc)  # noqa: E731
    assert len(time_segments([at(1, 10), at(1, 11), at(1, 12)])) == 1
    assert len(time_segments([at(1, 10), at(1, 10, 5), at(20, 0), at(21, 0)])) == 2
    # a single far date followed by its own end stays one segment
    assert time_segments([at(1, 10), at(1, 10, 5), at(20, 0), at(21, 0)])[1] == (at(20, 0), at(21, 0))
    assert time_segments([]) == []


def test_missing_matplotlib_names_the_extra(monkeypatch, tl):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"timeline-news\[plot\]"):
        tl.plot()


def test_time_labels_go_where_they_fit_or_are_cut():
    from timeline.plot import _fit_label

    assert _fit_label("6 p.m.", 0.1, 500) == ("6 p.m.", "right")
    assert _fit_label("6 p.m.", 0.95, 500) == ("6 p.m.", "left")
    text, side = _fit_label("9 a.m. JST on Wednesday", 0.5, 120)
    assert text.endswith("…") and len(text) < len("9 a.m. JST on Wednesday")


def test_example_script_draws_the_worked_example(tmp_path):
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    out = tmp_path / "timeline.png"
    run = subprocess.run([sys.executable, str(repo / "examples" / "plot_timeline.py"),
                          str(repo / "examples" / "desantis-twitter-spaces.txt"), "2023-05-24",
                          "America/New_York", "Europe/Paris", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20000


@pytest.mark.parametrize("text", [
    "The 20th century began. Australia has been independent since 1901. He lost in 1996. "
    "Support rose in 1998. They hope for a president by 2000.",
    "Hewlett-Packard acquired shares on Aug. 10, 1988. The accord called for more within 18 months.",
])
def test_narrow_panels_find_ticks_without_warnings(text, recwarn):
    fig = timeline.extract(text, reference="1998-02-13", tz="America/New_York").plot(second_tz="Europe/Paris")
    fig.canvas.draw()
    assert [str(w.message) for w in recwarn if "AutoDateLocator" in str(w.message)] == []


def test_many_unplaced_events_leave_room_for_the_axis():
    tl = timeline.extract("It lasted about twenty minutes. The talks took three hours. The siege ran "
                          "for six weeks. The war lasted two decades. At 6 p.m. it ended.",
                          reference="2023-05-24", tz="UTC")
    unplaced = [e for e in tl if placement(e.time) is None]
    assert len(unplaced) >= 3
    fig = tl.plot()
    fig.canvas.draw()
    box = fig.axes[0].get_position()
    assert box.height > 0.1
    notes = " ".join(t.get_text() for t in fig.texts)
    assert all(e.id in notes for e in unplaced[:4])
