"""The HTML page: self-contained, escaped, every event shown; rendered in headless chromium."""
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import timeline
from timeline.cli import main
from timeline.html import repr_html
from timeline.plot import placement

TEXT = ("At 5:55 p.m. (11:55 p.m. Paris time) Musk shared the <b>link</b> & waited. "
        "At 6 p.m. the servers failed. After a few minutes the stream recovered. "
        "Then the host spoke. Tokyo markets opened at 9 a.m. JST on Thursday. "
        "The vote is on June 7, 2023. The stream lasted about twenty minutes.")
REFERENCE, TZ = "2023-05-24", "America/New_York"


@pytest.fixture(scope="module")
def tl():
    return timeline.extract(TEXT, reference=REFERENCE, tz=TZ)


class _Page(HTMLParser):
    """Collects what the tests look at: resource links, rows, SVG event groups, options."""

    def __init__(self):
        super().__init__()
        self.urls, self.rows, self.groups, self.options, self.stack = [], {}, {}, [], []
        self.body_attrs, self.cells, self._row, self._text = {}, {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if key in a:
                self.urls.append(a[key])
        if tag == "body":
            self.body_attrs = a
        if tag == "tr" and "event" in a.get("class", ""):
            self._row = a["id"]
            self.rows[a["id"]] = {"title": a.get("title"), "text": ""}
        if tag == "td" and self._row and a.get("class") == "when":
            self._text = ("when", self._row)
        elif tag == "td" and self._row and a.get("class") == "what":
            self._text = ("what", self._row)
        if tag == "g" and "event" in a.get("class", ""):
            self.groups[a["data-id"]] = ""
            self.stack.append(a["data-id"])
        if tag == "title" and self.stack:
            self._text = ("title", self.stack[-1])
        if tag == "option":
            self.options.append(a["value"])

    def handle_endtag(self, tag):
        if tag in ("td", "title"):
            self._text = None
        if tag == "tr":
            self._row = None
        if tag == "g" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self._text:
            kind, key = self._text
            if kind == "title":
                self.groups[key] += data
            else:
                self.cells.setdefault(key, {}).setdefault(kind, "")
                self.cells[key][kind] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_page_is_self_contained(tl):
    page = tl.to_html()
    parsed = _parse(page)
    assert all(url.startswith("data:") for url in parsed.urls), parsed.urls
    without_svg_namespace = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?://|//cdn|@import|url\(", without_svg_namespace)


def test_every_event_is_a_row_with_its_sentence_on_hover(tl):
    parsed = _parse(tl.to_html())
    assert list(parsed.rows) == [e.id for e in tl]
    for event in tl:
        assert parsed.rows[event.id]["title"] == event.sentence
        assert parsed.cells[event.id]["what"] == event.description
    placed = [e for e in tl if placement(e.time) is not None]
    assert list(parsed.groups) == [e.id for e in placed]
    for event in placed:
        assert parsed.groups[event.id] == event.sentence


def test_text_is_escaped(tl):
    page = tl.to_html(title="<script>alert(1)</script>")
    assert "<b>link</b>" not in page and "&lt;b&gt;link&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page


def test_zone_selector_offers_default_named_and_utc_zones(tl):
    options = _parse(tl.to_html()).options
    assert options[0] == TZ
    assert {"Europe/Paris", "Asia/Tokyo", "UTC"} <= set(options)
    assert len(options) == len(set(options))


def test_cli_writes_the_page(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(TEXT)
    assert main(["extract", str(article), "--reference", REFERENCE, "--tz", TZ, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "<title>article.txt</title>" in page


def test_jupyter_repr_has_the_escaped_table_and_a_png(tl):
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    html = tl._repr_html_()
    assert html == repr_html(tl)
    assert "&lt;b&gt;link&lt;/b&gt;" in html and "<b>link</b>" not in html
    assert len(re.findall(r'<tr class="event"', html)) == len(tl)
    assert re.search(r'<img alt="timeline picture" src="data:image/png;base64,[A-Za-z0-9+/=]{200,}"', html)


# ---- in a real browser ----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)")


def _render(path, tmp_path, fragment=""):
    """Load the page in headless chromium; return (DOM after the scripts ran, console lines)."""
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--dump-dom", path.as_uri() + fragment],
        capture_output=True, text=True, timeout=90)
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return run.stdout, console


def _render_timeline(tl, tmp_path, fragment="", **html_args):
    """Write ``tl`` as a page, load it; return its parsed DOM after asserting a clean console."""
    page = tmp_path / "timeline.html"
    page.write_text(tl.to_html(**html_args), encoding="utf-8")
    dom, console = _render(page, tmp_path, fragment)
    assert console == []
    return _parse(dom)


@needs_chromium
@pytest.mark.slow
def test_browser_sees_console_errors(tmp_path):
    # the check below can fail: a page with a script error is caught
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>'
                    "<p>x</p><script>notDefined();</script></body></html>")
    dom, console = _render(page, tmp_path)
    assert "<p>x</p>" in dom
    assert any("notDefined" in line for line in console)


@needs_chromium
@pytest.mark.slow
def test_page_renders_in_chromium_in_the_chosen_zone(tl, tmp_path):
    parsed = _render_timeline(tl, tmp_path, "#zone=Europe/Paris", title="test")
    assert parsed.body_attrs.get("data-zone") == "Europe/Paris"  # the script ran to the end
    assert list(parsed.rows) == [e.id for e in tl]
    for event in tl:
        assert parsed.cells[event.id]["what"] == event.description
    assert list(parsed.groups) == [e.id for e in tl if placement(e.time) is not None]
    when = {event.id: parsed.cells[event.id]["when"] for event in tl}
    shared = next(e for e in tl if "shared" in e.description)
    failed = next(e for e in tl if "servers failed" in e.description)
    recovered = next(e for e in tl if "recovered" in e.description)
    vote = next(e for e in tl if e.time and e.time.value == "2023-06-07")
    assert when[shared.id] == "24 May 2023, 23:55 CEST"  # 5:55 p.m. EDT, read in Paris
    assert when[failed.id] == "25 May 2023, 00:00 CEST"
    assert when[recovered.id] == "~ between 25 May 2023, 00:02 and 00:05 CEST"
    assert when[vote.id] == "2023-06-07 (America/New_York)"  # a calendar day stays that day
    # the default zone when no zone is asked for
    parsed = _render_timeline(tl, tmp_path, title="test")
    assert parsed.body_attrs.get("data-zone") == TZ
    assert parsed.cells[shared.id]["when"] == "24 May 2023, 17:55 EDT"


@needs_chromium
@pytest.mark.slow
@pytest.mark.parametrize("text", ["Nothing happened.", "It lasted about twenty minutes."])
def test_pages_without_a_time_axis_render_without_errors(text, tmp_path):
    tl = timeline.extract(text)
    parsed = _render_timeline(tl, tmp_path)
    assert parsed.body_attrs.get("data-zone") == "UTC"
    assert list(parsed.rows) == [e.id for e in tl] and not parsed.groups


def test_fixed_offsets_are_offered_as_browser_offsets():
    tl = timeline.extract("At 6 p.m. GMT+2 it failed.", reference="2023-05-24T23:45+05:30")
    assert tl.timezone == "UTC+05:30"
    options = _parse(tl.to_html()).options
    assert options[:2] == ["+05:30", "+02:00"] and "UTC" in options


@needs_chromium
@pytest.mark.slow
def test_fixed_offset_page_renders_in_that_offset(tmp_path):
    tl = timeline.extract("At 6 p.m. GMT+2 it failed.", reference="2023-05-24T23:45+05:30")
    parsed = _render_timeline(tl, tmp_path)
    assert parsed.body_attrs.get("data-zone") == "+05:30"
    assert parsed.cells[tl[0].id]["when"] == "24 May 2023, 21:30 GMT+5:30"
