"""Adversarial inputs: is extract's time linear in the size of hostile text?

Each pattern is timed (CPU seconds of this process, so other load on the machine does not
count) at size n and 4n (best of --repeat runs); the ratio t(4n)/t(n) should be
about 4. A ratio above --limit (default 6) is flagged SUPERLINEAR (regex backtracking or a
quadratic loop). Finally a 10 MB news-like text is run once to show there is no size limit.

    python benchmarks/adversarial.py              # n = 256 KB of text per pattern
    python benchmarks/adversarial.py --size 50000 --skip-big
"""
from __future__ import annotations

import argparse
import random
import sys
import time

import timeline


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _digits_colons(size: int) -> str:
    rng = random.Random(1)
    return "".join(rng.choice("0123456789::") for _ in range(size))


def _nested(size: int) -> str:
    half = size // 2 - 3
    return "(" * half + "May 5" + ")" * half


def _no_space(size: int) -> str:
    rng = random.Random(2)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:,;()-/'"
    return "".join(rng.choice(alphabet) for _ in range(size))


PATTERNS = {
    "digits and colons": _digits_colons,
    "repeated 'at 5:55 p.m. ('": lambda n: _repeat("at 5:55 p.m. (", n),
    "nested parentheses": _nested,
    "no whitespace": _no_space,
    "month names": lambda n: _repeat("January February March April May June July ", n),
    "numbers with units": lambda n: _repeat("5 minutes 10 hours 3 days 2 weeks ", n),
    "'and then'": lambda n: _repeat("and then ", n),
    "clock times in a row": lambda n: _repeat("5:55 p.m. 6 p.m. 1332 GMT ", n),
    "zones in a row": lambda n: _repeat("ET EDT Paris time GMT+2 UTC+05:30 ", n),
    "one long sentence": lambda n: _repeat("the vote was closed at 5 p.m. on Tuesday and ", n),
    "digits": lambda n: _repeat("0123456789", n),
    "dots and dashes": lambda n: _repeat("-.", n),
}


def timed(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()  # CPU time: the machine may be shared
        timeline.extract(text, reference="2024-01-01", tz="America/New_York")
        best = min(best, time.process_time() - began)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256_000, help="n, characters (default 256000)")
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=float, default=6.0, help="flag ratios above this")
    parser.add_argument("--only", help="run the patterns whose name contains this")
    parser.add_argument("--skip-big", action="store_true", help="skip the 10 MB run")
    args = parser.parse_args(argv)
    n, big = args.size, args.size * args.factor
    print(f"{'pattern':<30} {'t(n) s':>8} {'t(' + str(args.factor) + 'n) s':>9} {'ratio':>6}  (n = {n:,} chars)")
    flagged = []
    for name, make in PATTERNS.items():
        if args.only and args.only not in name:
            continue
        small_t, big_t = timed(make(n), args.repeat), timed(make(big), args.repeat)
        ratio = big_t / small_t if small_t > 0 else float("inf")
        mark = "  SUPERLINEAR" if ratio > args.limit else ""
        print(f"{name:<30} {small_t:8.3f} {big_t:9.3f} {ratio:6.2f}{mark}", flush=True)
        if mark:
            flagged.append(name)
    if not args.skip_big and not args.only:
        article = ("At 5:55 p.m. (11:55 p.m. Paris time) on May 24 the stream crashed; 21 minutes "
                   "later it resumed, and then it ended shortly before 7 p.m. ET.\n")
        text = _repeat(article, 10_000_000)
        began = time.process_time()
        tl = timeline.extract(text, reference="2024-01-01", tz="America/New_York")
        print(f"10 MB news-like text: {time.process_time() - began:.1f} s CPU, {len(tl.mentions):,} mentions, "
              f"{len(tl):,} events")
    print("superlinear:", ", ".join(flagged) if flagged else "none")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
