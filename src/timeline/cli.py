"""Command line: `timeline extract FILE|- [--reference D] [--tz Z] [--format table|json|timeml]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import extract


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
    run.add_argument("file", help="a UTF-8 text file, or - for standard input")
    run.add_argument("--reference", help="the article's date, ISO (e.g. 2023-05-24)")
    run.add_argument("--tz", help="the article's default time zone (IANA, e.g. America/New_York)")
    run.add_argument("--lang", default="en")
    run.add_argument("--format", choices=("table", "json", "timeml"), default="table")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    else:
        print(tl.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
