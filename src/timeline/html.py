"""Timeline → one self-contained HTML page (inline SVG, CSS and a small script; nothing fetched).

The page shows an SVG time axis (the same layout rules as :mod:`timeline.plot`) and a table
of events. A zone selector (the timeline's zone, UTC, every zone the text named, a few
common ones and the reader's own) re-labels every time and tick in the chosen zone with the
browser's ``Intl.DateTimeFormat``; ``#zone=Europe/Paris`` in the address preselects one.
Whole days ("June 7") stay the calendar day the text meant, in the zone it was meant in.
Hovering a row or a mark shows the source sentence (``title`` attributes, SVG ``<title>``).
Without JavaScript the page still shows everything, in the timeline's zone.

Also :func:`repr_html`, the table (and picture, when matplotlib is installed) that Jupyter
shows for a Timeline.
"""
from __future__ import annotations

import base64
import io
from datetime import datetime, timedelta, timezone
from html import escape

from .plot import placement, time_segments, zone_for

COMMON_ZONES = ("UTC", "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris",
                "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney")
# Tick steps in seconds, the first that gives at most MAX_TICKS ticks across a panel wins.
TICK_STEPS = (60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800,
              604800, 1209600, 2592000, 7776000, 31536000)
MAX_TICKS = 6
WIDTH, LABEL_WIDTH, ROW, TOP, BOTTOM = 1000, 330, 28, 34, 30

_STYLE = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .3em} .meta{color:#555;margin:0 0 1em}
select{font:inherit} svg{max-width:100%;height:auto;display:block;margin:0 0 1em}
svg text{font:12px system-ui,sans-serif} svg .tick,svg .zone-label{fill:#555;font-size:11px} svg .label{fill:#222}
svg .event:hover .label{font-weight:bold} svg .axis{stroke:#999} svg .grid{stroke:#e3e3e3}
.exact{fill:#1f5fa6;stroke:#1f5fa6} .approx{fill:#d9730d;stroke:#d9730d}
.bar{fill-opacity:.35} .whisker{stroke-width:2;fill:none} .hollow{fill:#fff}
table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.3em .6em;vertical-align:top}
thead th{border-bottom:2px solid #bbb} tbody tr{border-bottom:1px solid #eee} tbody tr:hover{background:#f3f7fc}
td.when{white-space:nowrap;font-variant-numeric:tabular-nums} .expr{color:#666} .unplaced{color:#666}
""".strip()

_SCRIPT = r"""
(function () {
  "use strict";
  var select = document.getElementById("zone");
  function valid(zone) {
    try { new Intl.DateTimeFormat("en", {timeZone: zone}); return true; } catch (e) { return false; }
  }
  function ensure(zone, label) {
    for (var i = 0; i < select.options.length; i++) { if (select.options[i].value === zone) return; }
    var option = document.createElement("option");
    option.value = zone; option.textContent = label || zone; select.appendChild(option);
  }
  for (var i = select.options.length - 1; i >= 0; i--) {  // e.g. "+05:30" in an older browser
    if (!valid(select.options[i].value)) select.remove(i);
  }
  var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (own && valid(own)) ensure(own, own + " (yours)");
  var asked = /zone=([^&]+)/.exec(location.hash);
  if (asked && valid(decodeURIComponent(asked[1]))) {
    ensure(decodeURIComponent(asked[1]));
    select.value = decodeURIComponent(asked[1]);
  }
  function parts(iso, zone, withDate) {
    var options = {timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23"};
    if (withDate) { options.year = "numeric"; options.month = "short"; options.day = "numeric"; }
    return new Intl.DateTimeFormat("en-GB", options).format(new Date(iso));
  }
  function zoneName(iso, zone) {
    // en-US knows the American abbreviations (EDT), en-GB the European ones (CEST)
    var locales = ["en-US", "en-GB"], name = zone;
    for (var i = 0; i < locales.length; i++) {
      var named = new Intl.DateTimeFormat(locales[i], {timeZone: zone, timeZoneName: "short"})
        .formatToParts(new Date(iso)).filter(function (p) { return p.type === "timeZoneName"; });
      if (named.length) { name = named[0].value; if (!/^(GMT|UTC)[+-]/.test(name)) break; }
    }
    return name;
  }
  function sameDay(a, b, zone) {
    var day = {timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"};
    return new Intl.DateTimeFormat("en-CA", day).format(new Date(a)) ===
           new Intl.DateTimeFormat("en-CA", day).format(new Date(b));
  }
  function describe(cell, zone) {
    var d = cell.dataset, first = d.start || d.earliest || d.latest;
    if (d.day) return d.day + (d.dayEnd ? " – " + d.dayEnd : "") + " (" + d.dayZone + ")";
    if (!first) return cell.textContent;
    var text;
    if (d.start) {
      text = parts(d.start, zone, true);
      if (d.end) text += " – " + parts(d.end, zone, !sameDay(d.start, d.end, zone));
    } else if (d.earliest && d.latest) {
      text = "between " + parts(d.earliest, zone, true) + " and " +
             parts(d.latest, zone, !sameDay(d.earliest, d.latest, zone));
    } else if (d.earliest) {
      text = "after " + parts(d.earliest, zone, true);
    } else {
      text = "before " + parts(d.latest, zone, true);
    }
    return (d.approximate ? "~ " : "") + text + " " + zoneName(first, zone);
  }
  function render() {
    var zone = select.value;
    document.querySelectorAll("td.when").forEach(function (cell) { cell.textContent = describe(cell, zone); });
    document.querySelectorAll("text.tick").forEach(function (tick) {
      var iso = tick.getAttribute("data-t"), daily = tick.getAttribute("data-daily") === "1";
      tick.textContent = daily
        ? new Intl.DateTimeFormat("en-GB", {timeZone: zone, month: "short", day: "numeric"}).format(new Date(iso))
        : parts(iso, zone, false);
    });
    var first = document.querySelector("text.tick"), label = document.getElementById("axis-zone");
    if (label) label.textContent = zone + (first ? " (" + zoneName(first.getAttribute("data-t"), zone) + ")" : "");
    document.body.setAttribute("data-zone", zone);
  }
  select.addEventListener("change", render);
  render();
})();
""".strip()


def _iso_utc(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _is_whole_days(t) -> bool:
    return (t is not None and t.type == "DATE" and t.start is not None and t.end is not None
            and t.value is not None and "T" not in t.value
            and t.start.time().isoformat() == "00:00:00" and t.end.time().isoformat() == "00:00:00")


def _static_when(t, zone) -> str:
    """What the time cell says before (or without) the script: the default zone."""
    if t is None:
        return "?"
    if _is_whole_days(t):
        return t.start.date().isoformat()
    def at(v):
        return v.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if t.start is not None:
        return ("~ " if t.approximate else "") + at(t.start)
    if t.earliest is not None and t.latest is not None:
        return f"between {at(t.earliest)} and {at(t.latest)}"
    if t.earliest is not None:
        return f"after {at(t.earliest)}"
    if t.latest is not None:
        return f"before {at(t.latest)}"
    return t.value or "?"


def _when_attributes(t) -> str:
    if t is None:
        return ""
    if _is_whole_days(t):
        last = (t.end - timedelta(days=1)).date()
        attrs = {"data-day": t.start.date().isoformat(),
                 "data-day-end": last.isoformat() if last != t.start.date() else None,
                 "data-day-zone": t.timezone or "UTC"}
    else:
        p = placement(t) or {}
        attrs = {"data-start": _iso_utc(t.start), "data-end": _iso_utc(p.get("end")),
                 "data-earliest": _iso_utc(t.earliest), "data-latest": _iso_utc(t.latest),
                 "data-approximate": "1" if t.approximate else None}
    return "".join(f' {k}="{escape(v)}"' for k, v in attrs.items() if v)


def _ticks(left: datetime, right: datetime, zone, most: int = MAX_TICKS) -> tuple[list[datetime], bool]:
    """Round instants in the default zone's wall clock, at most ``most`` of them."""
    span = (right - left).total_seconds()
    step = next((s for s in TICK_STEPS if span / s <= most), TICK_STEPS[-1])
    local = left.astimezone(zone)
    offset = (local.utcoffset() or timedelta(0)).total_seconds()
    first = (int((left.timestamp() + offset) // step) + 1) * step - offset
    ticks, value = [], first
    while value <= right.timestamp():
        ticks.append(datetime.fromtimestamp(value, timezone.utc))
        value += step
    return ticks, step >= 86400


def _svg(tl, zone) -> str:
    rows = [(e, placement(e.time)) for e in tl]
    placed = [(e, p) for e, p in rows if p is not None]
    if not placed:
        return ""
    instants = [v for _, p in placed for k in ("start", "end", "earliest", "latest") if (v := p[k])]
    segments = time_segments(instants)
    gap = 14
    counts = [max(1, sum(1 for _, p in placed if any(a <= v <= b for k in ("start", "earliest", "latest")
                                                    if (v := p[k])))) for a, b in segments]
    shares = [max(c / sum(counts), 0.22) for c in counts]
    usable = WIDTH - LABEL_WIDTH - 20 - gap * (len(segments) - 1)
    widths = [s / sum(shares) * usable for s in shares]
    height = TOP + ROW * len(placed) + BOTTOM
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="timeline-svg" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" role="img" aria-label="timeline">']
    out.append(f'<text id="axis-zone" x="{LABEL_WIDTH - 10}" y="{height - 8}" text-anchor="end" '
               f'class="zone-label">{escape(str(zone))}</text>')
    x0 = LABEL_WIDTH
    panels = []
    for (low, high), width in zip(segments, widths):
        extent = high - low
        pad = extent * 0.08 if extent > timedelta(0) else timedelta(hours=1)
        left, right = low - pad, high + pad
        open_length = (right - left) * 0.12
        for _, p in placed:
            if p["earliest"] is not None and p["latest"] is None and low <= p["earliest"] <= high:
                right = max(right, p["earliest"] + open_length + pad)
        panels.append((x0, width, left, right, open_length))
        out.append(f'<line class="axis" x1="{x0:.1f}" y1="{height - BOTTOM + 4}" x2="{x0 + width:.1f}" '
                   f'y2="{height - BOTTOM + 4}"/>')
        ticks, daily = _ticks(left, right, zone, most=max(2, min(MAX_TICKS, int(width // 75))))
        for tick in ticks:
            x = x0 + (tick - left) / (right - left) * width
            out.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP - 10}" x2="{x:.1f}" y2="{height - BOTTOM + 4}"/>')
            label = tick.astimezone(zone).strftime("%d %b" if daily else "%H:%M")
            out.append(f'<text class="tick" x="{x:.1f}" y="{height - 10}" text-anchor="middle" '
                       f'data-t="{_iso_utc(tick)}" data-daily="{int(daily)}">{label}</text>')
        x0 += width + gap

    def xs(value: datetime) -> float | None:
        for px, width, left, right, _ in panels:
            if left <= value <= right:
                return px + (value - left) / (right - left) * width
        return None

    for row, (event, p) in enumerate(placed):
        y = TOP + ROW * row + ROW / 2
        kind = "approx" if p["approximate"] else "exact"
        label = event.description if len(event.description) <= 48 else event.description[:47] + "…"
        out.append(f'<g class="event {kind}" data-id="{escape(event.id)}"><title>{escape(event.sentence)}</title>')
        out.append(f'<text class="label" x="{LABEL_WIDTH - 10}" y="{y + 4:.1f}" text-anchor="end" '
                   f'stroke="none">{escape(label)}</text>')
        if p["end"] is not None:
            a, b = xs(p["start"]), xs(p["end"])
            if a is not None and b is not None:
                out.append(f'<rect class="bar" x="{a:.1f}" y="{y - 7:.1f}" width="{max(b - a, 1):.1f}" height="14"/>')
        open_length = next((ol for px, w, lft, rgt, ol in panels
                            if lft <= (p["earliest"] or p["latest"] or p["start"]) <= rgt), timedelta(0))
        if p["earliest"] or p["latest"]:
            lo = xs(p["earliest"] or p["latest"] - open_length)
            hi = xs(p["latest"] or p["earliest"] + open_length)
            if lo is not None and hi is not None:
                out.append(f'<path class="whisker" d="M{lo:.1f} {y:.1f}H{hi:.1f}'
                           + (f'M{lo:.1f} {y - 6:.1f}V{y + 6:.1f}' if p["earliest"] else "")
                           + (f'M{hi:.1f} {y - 6:.1f}V{y + 6:.1f}' if p["latest"] else
                              f'M{hi - 6:.1f} {y - 4:.1f}L{hi:.1f} {y:.1f}L{hi - 6:.1f} {y + 4:.1f}')
                           + '"/>')
        if p["start"] is not None and (x := xs(p["start"])) is not None:
            hollow = ' hollow' if p["approximate"] else ""
            out.append(f'<circle class="dot{hollow}" cx="{x:.1f}" cy="{y:.1f}" r="5" stroke-width="2"/>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def _browser_zone(name: str | None) -> str | None:
    """The name Intl.DateTimeFormat takes: IANA names as they are, "UTC+05:30" as "+05:30"."""
    if not name:
        return None
    if name.startswith("UTC") and name[3:4] in ("+", "-") and len(name) == 9:
        return name[3:]
    return name if name == "UTC" or "/" in name else None


def _zone_options(tl, default: str) -> list[str]:
    """Zones for the selector: the default, those the text named, then common ones (the page's
    script drops any the reader's browser does not know)."""
    named = [t.timezone for e in tl if (t := e.time) and t.timezone] + [m.timezone for m in tl.mentions]
    options: list[str] = []
    for zone in map(_browser_zone, [default, *named, *COMMON_ZONES]):
        if zone and zone not in options:
            options.append(zone)
    return options


def _table(tl, zone, with_titles: bool = True) -> str:
    rows = ['<table id="events"><thead><tr><th>when</th><th>what</th><th>time expression</th></tr></thead><tbody>']
    for e in tl:
        t = e.time
        title = f' title="{escape(e.sentence)}"' if with_titles else ""
        rows.append(f'<tr class="event" id="{escape(e.id)}"{title}><td class="when"{_when_attributes(t)}>'
                    f'{escape(_static_when(t, zone))}</td><td class="what">{escape(e.description)}</td>'
                    f'<td class="expr">{escape(t.text) if t and t.text else ""}</td></tr>')
    rows.append("</tbody></table>")
    return "\n".join(rows)


def to_html(tl, *, title: str | None = None) -> str:
    """A complete HTML page (string) showing ``tl``; no external resources.

    >>> import timeline
    >>> page = to_html(timeline.extract("At 6 p.m. the servers failed.", reference="2023-05-24",
    ...                                 tz="America/New_York"), title="Outage")
    >>> "<title>Outage</title>" in page, 'data-start="2023-05-24T22:00:00Z"' in page, "http" in page.replace("http://www.w3.org/2000/svg", "")
    (True, True, False)
    """
    zone, zone_name = zone_for(None, tl.timezone)
    title = title or "Timeline"
    choices = _zone_options(tl, zone_name)
    options = "".join(f'<option value="{escape(z)}"{" selected" if z == choices[0] else ""}>{escape(z)}</option>'
                      for z in choices)
    meta = [f"{len(tl)} events, {len(tl.mentions)} time expressions"]
    if tl.reference:
        meta.append(f"read against {escape(tl.reference)}")
    unplaced = [e for e in tl if placement(e.time) is None]
    note = ""
    if unplaced:
        note = ('<p class="unplaced">Not on the time axis (no time that can be placed): '
                + "; ".join(f"{escape(e.description)}" for e in unplaced) + "</p>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="meta">{"; ".join(meta)}. <label>Times in <select id="zone">{options}</select></label>
— hover an event for its sentence.</p>
{_svg(tl, zone)}
{note}
{_table(tl, zone)}
<script>
{_SCRIPT}
</script>
</body>
</html>
"""


def repr_html(tl) -> str:
    """What Jupyter shows for a Timeline: the events table, and the picture when matplotlib is there.

    >>> import timeline
    >>> html = repr_html(timeline.extract("At 6 p.m. <b>it</b> failed.", tz="UTC"))
    >>> "&lt;b&gt;it&lt;/b&gt;" in html, "<b>it</b>" in html
    (True, False)
    """
    zone, _ = zone_for(None, tl.timezone)
    parts = [f"<p><b>Timeline</b>: {len(tl)} events, {len(tl.mentions)} time expressions"
             + (f", zone {escape(tl.timezone)}" if tl.timezone else "") + "</p>",
             _table(tl, zone)]
    picture = _png(tl)
    if picture:
        parts.append(f'<img alt="timeline picture" src="data:image/png;base64,{picture}">')
    return "\n".join(parts)


def _png(tl) -> str | None:
    if not any(placement(e.time) for e in tl):
        return None
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    from .plot import plot

    fig = plot(tl)
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", dpi=80)
    finally:
        plt.close(fig)  # or Jupyter's inline backend would show it a second time
    return base64.b64encode(buffer.getvalue()).decode("ascii")
