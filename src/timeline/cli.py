"""Command line: `timeline extract FILE|- ... [--reference D] [--tz Z] [--format …] [--jobs N]`."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import extract
from .timeline import Timeline

if TYPE_CHECKING:
    from .batch import Job


def _read(path: str) -> str:
    if path == "-":
        if not hasattr(sys.stdin, "buffer"):  # already text (an embedding program's stream)
            return sys.stdin.read()
        data, path = sys.stdin.buffer.read(), "<stdin>"
    else:
        data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None


class _Parser(argparse.ArgumentParser):
    """Usage errors (a missing argument, a bad choice) as one line on stderr, status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="timeline", description="Timelines from news text.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="print the timeline of an article")
    run.add_argument("files", nargs="+", metavar="file",
                     help="a UTF-8 text file, or - for standard input; several files (or --jobs) "
                          "give JSON Lines, one object per file")
    run.add_argument("--reference", help="the article's date, ISO (e.g. 2023-05-24)")
    run.add_argument("--tz", help="the article's default time zone (IANA, e.g. America/New_York)")
    run.add_argument("--lang", default="en")
    run.add_argument("--format", choices=("table", "json", "timeml", "html", "jsonl"), default=None,
                     help="table (default for one file), json, timeml, html, or jsonl (the batch output)")
    run.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="batch mode with N worker processes (default in batch mode: one per CPU, "
                          "at most one per file)")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr in batch mode (default: when stderr is a terminal "
                          "and tqdm is installed)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if len(args.files) > 1 or args.jobs is not None or args.format == "jsonl":
        return _main_batch(args)
    args.file = args.files[0]
    args.format = args.format or "table"
    try:
        text = _read(args.file)
        tl = extract(text, reference=args.reference, tz=args.tz, lang=args.lang)
    except (OSError, ValueError, TypeError) as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(tl.to_json(indent=1))
    elif args.format == "timeml":
        print(tl.to_timeml())
    elif args.format == "html":  # a self-contained page (timeline/html.py)
        print(tl.to_html(title=Path(args.file).name if args.file != "-" else None), end="")
    else:
        print(tl.table())
    return 0


def _main_batch(args: argparse.Namespace) -> int:
    """JSON Lines, one object per file, in argument order; exit 1 if any file failed.

    A line is ``{"file": NAME, "timeline": {...}}`` (the JSON contract) or
    ``{"file": NAME, "error": {"type": ..., "message": ...}}``. Problems with the
    call itself (bad --reference/--tz/--lang/--jobs/--format, --progress without
    tqdm) are one line on stderr and exit 2, before anything is read.
    """
    from .batch import Job, available_cpus, check_counts, run_jobs
    from .reference import make_reference

    try:
        if args.format not in (None, "jsonl"):
            raise ValueError(f"--format {args.format} takes a single file; several files or --jobs "
                             "write JSON Lines (--format jsonl)")
        if args.files.count("-") > 1:
            raise ValueError("standard input (-) can be read only once")
        if args.jobs is not None and args.jobs < 1:
            raise ValueError(f"--jobs must be at least 1, not {args.jobs}")
        make_reference(args.reference, args.tz, args.lang)
        # default: a process per CPU, but no more processes than files (one file: no pool)
        jobs = args.jobs if args.jobs is not None else min(available_cpus(), len(args.files))
        workers, chunksize = check_counts(jobs, None, len(args.files))
        progress = _want_progress(args.progress)
        results = run_jobs(_file_jobs(args), lang=args.lang, workers=workers, progress=progress,
                           chunksize=chunksize, total=len(args.files))
    except (OSError, ValueError, TypeError, ImportError) as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    failed = False
    try:
        for name, result in zip(args.files, results, strict=True):
            if isinstance(result, Timeline):
                line = {"file": name, "timeline": result.to_dict()}
            else:
                failed = True
                line = {"file": name, "error": {"type": result.error_type, "message": result.message}}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `| head`: stop quietly, as other line tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 1 if failed else 0


def _file_jobs(args: argparse.Namespace) -> Iterator[Job]:
    """Workers read the files (in parallel, in flat memory); standard input is read here."""
    from .batch import Job, _BadItem

    for index, name in enumerate(args.files):
        if name == "-":
            try:
                text: object = sys.stdin.read()
            except (OSError, ValueError) as exc:  # e.g. undecodable input
                text = _BadItem(f"standard input: {exc}", type(exc).__name__)
            yield Job(index, name, text, args.reference, args.tz)
        else:
            yield Job(index, name, None, args.reference, args.tz, path=name)


def _want_progress(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if not sys.stderr.isatty():
        return False
    try:
        import tqdm  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
