"""Score `timeline.extract` against the TempEval-3 TimeML gold standard.

Usage::

    python benchmarks/tempeval3.py [--sample N] [--errors] [DIR_OR_FILES...]

Split (folders under ``shared/data/tempeval3/TBAQ-cleaned/``):

* dev  = ``TimeBank``: 183 documents, the default; used for tuning and error analysis.
* test = ``AQUAINT``: 73 documents, only measured, never tuned on (run it without
  ``--errors`` and do not read its documents).

Each document is read with :func:`timeline.timeml.read_timeml` and run through
``timeline.extract(doc.text, reference=doc.dct)`` (no time-zone argument); its
``mentions`` are scored against the gold TIMEX3s with the official TempEval-3 metrics:

* strict match: identical extent; relaxed match: any character overlap. Gold and
  predicted expressions are paired one-to-one, greedily (identical extents first).
* precision = matches / predicted, recall = matches / gold, F1 their harmonic mean,
  for strict and for relaxed matches.
* type F1 = (share of relaxed matches with the gold type) x relaxed F1, and
  value F1 likewise with the normalized value.

Event anchoring uses gold TLINKs between an EVENT and a TIMEX3 in the text (either
direction) whose relType is IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, DURING_INV,
BEGINS, BEGUN_BY, ENDS or ENDED_BY. Recall: share of those pairs for which a timeline
event's trigger overlaps the EVENT and one of its mentions overlaps the TIMEX3.
Precision: share of our (trigger, mention) pairs that overlap some gold EVENT and some
gold TIMEX3 and that match a gold pair.

Only the ``extract`` calls are timed. ``--errors`` lists misses, false positives and
matches with a wrong span, type or value, grouped by cause (dev set only).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import attrs

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))  # measure this checkout, installed or not

import timeline  # noqa: E402
from timeline.timeml import (  # noqa: E402
    AnchorPair, TimelineLike, TimeMLDocument, TimexLike, align_anchors, match_timexes,
    predicted_anchor_pairs, read_timeml, score_anchoring, score_timexes,
)

CORPUS = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
DEV = CORPUS / "TimeBank"


@attrs.frozen
class Run:
    """Gold documents with our timelines for them (None where extract raised)."""

    documents: tuple[TimeMLDocument, ...]
    timelines: tuple[TimelineLike | None, ...]
    seconds: float
    failures: tuple[str, ...]


def document_paths(sources: Sequence[str], sample: int | None) -> list[Path]:
    paths: list[Path] = []
    for source in map(Path, sources):
        paths += sorted(source.glob("*.tml")) if source.is_dir() else [source]
    return paths[:sample] if sample is not None else paths


def run(paths: Sequence[Path]) -> Run:
    documents = tuple(read_timeml(path) for path in paths)
    timelines: list[TimelineLike | None] = []
    failures: list[str] = []
    seconds = 0.0
    for doc in documents:
        started = time.perf_counter()
        try:
            timelines.append(timeline.extract(doc.text, reference=doc.dct))
        except Exception as error:  # report and go on: one bad document should not hide the rest
            timelines.append(None)
            failures.append(f"{doc.docid}: {type(error).__name__}")
        seconds += time.perf_counter() - started
    return Run(documents, tuple(timelines), seconds, tuple(failures))


def mentions_of(result: TimelineLike | None) -> Sequence[TimexLike]:
    return () if result is None else result.mentions


def anchor_pairs_of(result: TimelineLike | None) -> Sequence[AnchorPair]:
    return () if result is None else predicted_anchor_pairs(result)


def print_summary(result: Run) -> None:
    timexes = score_timexes(result.documents, [mentions_of(tl) for tl in result.timelines])
    anchoring = score_anchoring(result.documents, [anchor_pairs_of(tl) for tl in result.timelines])
    chars = sum(len(doc.text) for doc in result.documents)
    print(f"{timexes.documents} documents, {timexes.gold} gold TIMEX3,"
          f" {timexes.predicted} predicted")
    print(f"{'':10} {'P':>6} {'R':>6} {'F1':>6}")
    for name, prf in (("strict", timexes.strict), ("relaxed", timexes.relaxed)):
        print(f"{name:10} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f}")
    print(f"{'type F1':10} {timexes.type_f1:6.3f}  (accuracy {timexes.type_accuracy:.3f}"
          f" over {timexes.relaxed_matches} relaxed matches)")
    print(f"{'value F1':10} {timexes.value_f1:6.3f}  (accuracy {timexes.value_accuracy:.3f})")
    anchor = anchoring.prf
    print(f"{'anchoring':10} {anchor.precision:6.3f} {anchor.recall:6.3f} {anchor.f1:6.3f}"
          f"  ({anchoring.gold} gold pairs, {anchoring.judged} of ours judged)")
    speed = chars / result.seconds if result.seconds else float("inf")
    print(f"speed: {chars} chars in {result.seconds:.2f} s of extract = {speed:,.0f} chars/s")
    if result.failures:
        print(f"extract raised on {len(result.failures)} documents: " + ", ".join(result.failures))


def describe(doc: TimeMLDocument, span: Sequence[int], type_: str = "", value: str = "") -> str:
    text = doc.text[span[0]:span[1]].replace("\n", " ")
    return f"{text!r} {type_} {value}".rstrip()


def error_groups(result: Run) -> dict[str, list[str]]:
    """Error lines by cause; a match can be wrong in several ways and is listed under each."""
    groups: dict[str, list[str]] = {name: [] for name in (
        "missed", "false positive", "span", "type", "value",
        "anchoring missed", "anchoring false positive")}
    for doc, tl in zip(result.documents, result.timelines):
        alignment = match_timexes(doc.timexes, mentions_of(tl))
        groups["missed"] += [f"{doc.docid}  gold {describe(doc, g.span, g.type, g.value)}"
                             for g in alignment.missed]
        groups["false positive"] += [f"{doc.docid}  ours {describe(doc, o.span, o.type, o.value)}"
                                     for o in alignment.spurious]
        for gold, ours in alignment.matches:
            line = (f"{doc.docid}  gold {describe(doc, gold.span, gold.type, gold.value)}"
                    f"  |  ours {describe(doc, ours.span, ours.type, ours.value)}")
            for cause, wrong in (("span", tuple(ours.span) != gold.span),
                                 ("type", ours.type != gold.type),
                                 ("value", ours.value != gold.value)):
                if wrong:
                    groups[cause].append(line)
        anchors = align_anchors(doc, anchor_pairs_of(tl))
        for cause, pairs in (("anchoring missed", anchors.missed),
                             ("anchoring false positive", anchors.wrong)):
            groups[cause] += [f"{doc.docid}  event {describe(doc, pair.event)}"
                              f"  time {describe(doc, pair.time)}" for pair in pairs]
    return groups


def print_errors(result: Run) -> None:
    groups = error_groups(result)
    for cause, lines in groups.items():
        print(f"\n== {cause}: {len(lines)} ==")
        print("\n".join(lines))
    print("\n" + ", ".join(f"{cause}: {len(lines)}" for cause, lines in groups.items()))


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", metavar="DIR_OR_FILES", default=[str(DEV)],
                        help=f"TimeML files or folders of .tml files (default: {DEV})")
    parser.add_argument("--sample", type=int, metavar="N",
                        help="score only the first N documents (sorted by name)")
    parser.add_argument("--errors", action="store_true",
                        help="list errors by cause (tuning on the dev set only)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    paths = document_paths(arguments.sources, arguments.sample)
    if not paths:
        print("no TimeML documents found", file=sys.stderr)
        return 1
    result = run(paths)
    if arguments.errors:
        print_errors(result)
    print_summary(result)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
