"""Timeline → a matplotlib picture: events on a time axis, in one zone, optionally a second.

One row per event that has a place on the axis (top to bottom in time order):

- a filled dot at a stated start; a hollow dot when the time is approximate;
- a bar from start to end for an interval longer than a minute (a date, a month, a range);
- a whisker with end caps from earliest to latest when only bounds are known ("a few minutes
  later"), and a whisker ending in an arrow for an open bound ("then …": after this instant);
- events with no time that can be placed are listed under the picture.

When a few events lie far from the rest (a meeting tonight, results in two weeks), the axis
is broken into up to three segments so that the close events do not collapse into one dot.

Needs matplotlib: ``pip install "timeline-news[plot]"``.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import zones

EXACT, APPROXIMATE = "#1f5fa6", "#d9730d"
LABEL_CHARS = 52


def _matplotlib():
    try:
        import matplotlib
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ImportError('Timeline.plot() needs matplotlib: pip install "timeline-news[plot]"') from None
    return matplotlib, mdates, plt


def zone_for(tz: object, default: str | None = None):
    """(tzinfo, name) for an IANA name, abbreviation or tzinfo; zoneinfo when IANA, else pytz.

    >>> zone_for("Europe/Paris")
    (zoneinfo.ZoneInfo(key='Europe/Paris'), 'Europe/Paris')
    >>> zone_for(None, "EST")[1]
    'America/New_York'
    """
    tz = tz if tz is not None else (default or "UTC")
    if not isinstance(tz, str):
        return tz, str(tz)
    zone, name = zones.user_zone(tz)
    try:
        return ZoneInfo(name), name
    except (ZoneInfoNotFoundError, ValueError):
        return zone, name


def placement(t) -> dict[str, Any] | None:
    """Where an event's time goes on the axis, or None when it cannot be placed.

    >>> import timeline
    >>> tl = timeline.extract("At 6 p.m. it failed. After a few minutes it worked.",
    ...                       reference="2023-05-24", tz="UTC")
    >>> [sorted(k for k, v in placement(e.time).items() if v) for e in tl]
    [['start'], ['approximate', 'earliest', 'latest']]
    """
    if t is None or not (t.start or t.earliest or t.latest):
        return None
    interval = (t.start is not None and t.end is not None and t.end - t.start > timedelta(minutes=1))
    bounds = (t.earliest, t.latest) if (t.earliest or t.latest) and not (
        interval and t.earliest == t.start and t.latest == t.end) else (None, None)
    return {"start": t.start, "end": t.end if interval else None, "earliest": bounds[0],
            "latest": bounds[1], "approximate": bool(t.approximate or (t.start is None))}


def time_segments(instants: list[datetime], max_segments: int = 3) -> list[tuple[datetime, datetime]]:
    """Split the time range where a gap dominates it and some group has detail to show.

    >>> from datetime import datetime, timezone
    >>> at = lambda d, h, m=0: datetime(2023, 5, d, h, m, tzinfo=timezone.utc)
    >>> [(a.day, a.hour, a.minute, b.day, b.hour, b.minute) for a, b in
    ...  time_segments([at(24, 18), at(24, 18, 21), at(31, 0), at(31, 23)])]
    [(24, 18, 0, 24, 18, 21), (31, 0, 0, 31, 23, 0)]
    >>> len(time_segments([at(24, 18), at(24, 21)]))  # two points: nothing to reveal
    1
    """
    ts = sorted(set(instants))
    if len(ts) < 2:
        return [(ts[0], ts[0])] if ts else []
    cuts: list[int] = []
    for gap, i in sorted(((ts[i + 1] - ts[i], i) for i in range(len(ts) - 1)), reverse=True):
        if len(cuts) + 1 >= max_segments:
            break
        first = max([c + 1 for c in cuts if c < i], default=0)  # the segment the gap is in
        last = min([c for c in cuts if c > i], default=len(ts) - 1)
        detail = ts[i] > ts[first] or ts[last] > ts[i + 1]  # a side with more than one instant
        if detail and gap >= 0.75 * (ts[last] - ts[first]):
            cuts = sorted(cuts + [i])
    bounds = [0] + [c + 1 for c in cuts] + [len(ts)]
    return [(ts[a], ts[b - 1]) for a, b in zip(bounds, bounds[1:])]


def _fit_label(text: str, where: float, panel_points: float, size: float = 7.5) -> tuple[str, str]:
    """The time expression's text and the side of its mark where it fits (cut when neither)."""
    char = size * 0.56  # average width of a character, in points
    room = {"right": (1 - where) * panel_points - 9, "left": where * panel_points - 9}
    side = "right" if room["right"] >= len(text) * char or room["right"] >= room["left"] else "left"
    fits = max(int(room[side] // char), 4)
    return (text if len(text) <= fits else text[:fits - 1].rstrip() + "…"), side


def _locator(mdates, zone, most: int):
    """Date ticks in ``zone``, with a few more steps (20 and 60 minutes, 8 and 24 hours, 12
    months) so that a narrow panel with few ticks finds one (matplotlib's own lists make it
    warn and fall back on two-hour or two-year panels)."""
    locator = mdates.AutoDateLocator(tz=zone, minticks=3, maxticks=most)
    locator.intervald[mdates.MINUTELY] = [1, 2, 5, 10, 15, 20, 30, 60]
    locator.intervald[mdates.HOURLY] = [1, 2, 3, 4, 6, 8, 12, 24]
    locator.intervald[mdates.MONTHLY] = [1, 2, 3, 4, 6, 12]
    return locator


def _label(event) -> str:
    text = event.description if len(event.description) <= LABEL_CHARS else (
        event.description[:LABEL_CHARS - 1].rstrip() + "…")
    return text


def _zone_title(zone, name: str, when: datetime | None) -> str:
    if when is None:
        return name
    local = when.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hhmm = f"{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    abbr = local.tzname() or ""
    abbr = f"{abbr}, " if abbr and not abbr.startswith(("+", "-", "UTC")) else ""
    return f"{name} ({abbr}UTC{sign}{hhmm})"


def plot(tl, ax=None, tz: object = None, second_tz: object = None):
    """Draw ``tl`` on ``ax`` (a new figure when None); return the Figure.

    ``tz``: the zone of the bottom axis (default: the timeline's zone, else UTC);
    ``second_tz``: another zone shown on a top axis (e.g. "Europe/Paris").

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import timeline
    >>> tl = timeline.extract("At 6 p.m. the servers failed. After 21 minutes Musk stopped the stream.",
    ...                       reference="2023-05-24", tz="America/New_York")
    >>> fig = plot(tl, second_tz="Europe/Paris")
    >>> [label.get_text() for label in fig.axes[0].get_yticklabels()][::-1]  # top to bottom
    ['The servers failed', 'Musk stopped the stream']
    """
    _, mdates, plt = _matplotlib()
    from matplotlib.lines import Line2D

    zone, zone_name = zone_for(tz, tl.timezone)
    second = zone_for(second_tz) if second_tz is not None else None
    rows = [(e, placement(e.time)) for e in tl]
    placed = [(e, p) for e, p in rows if p is not None]
    unplaced = [e for e, p in rows if p is None]

    if ax is None:
        notes = 0.25 * len(unplaced[:4]) + 0.2 if unplaced else 0.0  # inches for the list below
        height = 1.6 + 0.42 * max(len(placed), 1) + (0.5 if second else 0) + notes
        fig, ax = plt.subplots(figsize=(12, height))
        fig.subplots_adjust(left=0.36, right=0.97, top=1 - (1.0 if second else 0.45) / height,
                            bottom=(0.95 + notes) / height)
    fig = ax.figure
    if not placed:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no event with a time to place", ha="center", va="center", transform=ax.transAxes)
        return fig

    instants = [v for _, p in placed for k in ("start", "end", "earliest", "latest") if (v := p[k])]
    segments = time_segments(instants)
    counts = [sum(1 for _, p in placed if any(a <= v <= b for k in ("start", "earliest", "latest")
                                             if (v := p[k]))) for a, b in segments]
    if len(segments) == 1:
        axes = [ax]
    else:
        ax.set_axis_off()
        gap = 0.025
        shares = [max(c / sum(counts), 0.22) for c in counts]
        shares = [s / sum(shares) * (1 - gap * (len(shares) - 1)) for s in shares]
        axes, x = [], 0.0
        for share in shares:
            axes.append(ax.inset_axes([x, 0, share, 1]))
            x += share + gap

    n = len(placed)
    shares = shares if len(segments) > 1 else [1.0]
    axes_points = fig.get_figwidth() * 72 * ax.get_position().width
    for index, (a, (low, high)) in enumerate(zip(axes, segments)):
        extent = high - low
        pad = extent * 0.08 if extent > timedelta(0) else timedelta(hours=1)
        neighbours = [segments[j] for j in (index - 1, index + 1) if 0 <= j < len(segments)]
        for before, after in neighbours:  # a lone point's margin must not reach the next group
            pad = min(pad, 0.4 * (low - after if after < low else before - high))
        left, right = low - pad, high + pad
        open_length = (right - left) * 0.12
        panel_points = axes_points * shares[index]
        for _, p in placed:  # room for open whiskers that start in this segment
            if p["earliest"] is not None and p["latest"] is None and low <= p["earliest"] <= high:
                right = max(right, p["earliest"] + open_length + pad)
        for row, (event, p) in enumerate(placed):
            y = n - 1 - row
            color = APPROXIMATE if p["approximate"] else EXACT
            if p["end"] is not None:
                a.barh(y, mdates.date2num(p["end"]) - mdates.date2num(p["start"]),
                       left=mdates.date2num(p["start"]), height=0.38, color=color, alpha=0.35,
                       edgecolor=color)
            if p["earliest"] or p["latest"]:
                lo = p["earliest"] or (p["latest"] - open_length)
                hi = p["latest"] or (p["earliest"] + open_length)
                a.plot([lo, hi], [y, y], color=color, lw=1.6, solid_capstyle="butt")
                for bound, mark in ((p["earliest"], "|"), (p["latest"], "|")):
                    if bound is not None:
                        a.plot([bound], [y], marker=mark, color=color, markersize=11, mew=1.6)
                if p["latest"] is None:
                    a.plot([hi], [y], marker=">", color=color, markersize=6)
                if p["earliest"] is None:
                    a.plot([lo], [y], marker="<", color=color, markersize=6)
            if p["start"] is not None:
                a.plot([p["start"]], [y], marker="o", markersize=7, color=color,
                       markerfacecolor="white" if p["approximate"] else color, mew=1.6, zorder=3)
            anchor_time = p["start"] or p["earliest"] or p["latest"]
            if left <= anchor_time <= right and event.time.text:
                text, side = _fit_label(event.time.text, (anchor_time - left) / (right - left), panel_points)
                a.annotate(text, (mdates.date2num(anchor_time), y),
                           xytext=(7 if side == "right" else -7, 5), textcoords="offset points",
                           ha="left" if side == "right" else "right", va="bottom", fontsize=7.5,
                           color="#555555")
        a.set_xlim(left, right)
        a.set_ylim(-0.7, n - 0.3)
        a.grid(axis="x", color="#dddddd", lw=0.6)
        a.set_axisbelow(True)
        ticks = max(4, min(8, round(shares[index] * 12)))  # narrow segments get fewer ticks
        locator = _locator(mdates, zone, ticks)
        a.xaxis.set_major_locator(locator)
        a.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=zone))
        a.tick_params(axis="x", labelsize=8)
        if index == 0:
            a.set_yticks(range(n))
            a.set_yticklabels([_label(e) for e, _ in reversed(placed)], fontsize=9)
        else:
            a.set_yticks([])
            a.spines["left"].set_linestyle((0, (2, 2)))
        if index < len(axes) - 1:
            a.spines["right"].set_linestyle((0, (2, 2)))
        a.spines["top"].set_visible(second is not None)
        if second is not None:
            top = a.secondary_xaxis("top")
            top_locator = _locator(mdates, second[0], ticks)
            top.xaxis.set_major_locator(top_locator)
            top.xaxis.set_major_formatter(mdates.ConciseDateFormatter(top_locator, tz=second[0]))
            top.tick_params(axis="x", labelsize=8, colors="#7a3e9d")
            if index == 0:  # the zone's name in the left margin, level with its tick labels
                a.annotate(_zone_title(second[0], second[1], instants[0]), (0, 1),
                           xycoords="axes fraction", xytext=(-8, 4), textcoords="offset points",
                           ha="right", va="bottom", fontsize=9, color="#7a3e9d", weight="bold")
        if index == 0:
            a.annotate(_zone_title(zone, zone_name, instants[0]), (0, 0), xycoords="axes fraction",
                       xytext=(-8, -4), textcoords="offset points", ha="right", va="top",
                       fontsize=9, weight="bold")

    handles = [Line2D([], [], marker="o", color=EXACT, lw=0, label="stated time"),
               Line2D([], [], marker="o", color=APPROXIMATE, markerfacecolor="white", lw=0,
                      label="approximate time"),
               Line2D([], [], color=EXACT, lw=6, alpha=0.35, label="interval (start–end)"),
               Line2D([], [], color=APPROXIMATE, marker="|", markersize=10, lw=1.6,
                      label="only bounds known (earliest–latest)"),
               Line2D([], [], color=APPROXIMATE, marker=">", markersize=6, lw=1.6,
                      label="open bound: after this time")]
    notes = 0.25 * len(unplaced[:4]) + 0.2 if unplaced else 0.0
    fig.legend(handles=handles, loc="lower left", ncol=5, fontsize=8, frameon=False,
               bbox_to_anchor=(0.01, (0.02 + notes) / fig.get_figheight()))
    if unplaced:
        lines = [f"{e.id}: {_label(e)}" + (f"  ({e.time.text})" if e.time and e.time.text else "")
                 for e in unplaced[:4]]
        if len(unplaced) > 4:
            lines[-1] += f"  … and {len(unplaced) - 4} more"
        fig.text(0.01, 0.01, "Not on the axis (no time that can be placed):\n" + "\n".join(lines),
                 fontsize=8, color="#555555", va="bottom")
    return fig
