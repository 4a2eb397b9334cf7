"""atheris fuzz target for ``timeline.extract`` and ``timeline.find_times``.

Run it for N seconds (libFuzzer flags pass through):

    python fuzz/fuzz_extract.py -max_total_time=60

Without a corpus directory on the command line it reads the seeds in ``fuzz/corpus`` and
writes the inputs it discovers to ``fuzz/work`` (git-ignored); crashes are written as
``fuzz/crash-*``. Reproduce one with ``python fuzz/fuzz_extract.py fuzz/crash-<hash>``.

An input is the text itself (UTF-8, bad bytes replaced); a checksum of the bytes picks the
reference date and default zone, so a mutated seed is read under varying settings and every
input stays reproducible. A crash is any exception (valid str input must never raise) or a
broken invariant (``fuzz/invariants.py``: span round trip, no overlap, event order, dict and
JSON round trip, find_times == extract().mentions).
"""
from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

try:
    import atheris
except ImportError:  # run_one still works (tests replay the corpus without atheris)
    atheris = None

if atheris is not None and __name__ == "__main__":
    with atheris.instrument_imports(include=["timeline", "invariants"]):
        import timeline
        from invariants import check_all
else:
    import timeline
    from invariants import check_all

# (reference, tz) settings an input is read under: date, naive and aware datetimes, none;
# zones with and without DST, the southern hemisphere, half-hour and fixed offsets.
SETTINGS = (
    ("2023-05-24", "America/New_York"),
    ("2024-03-10", "America/New_York"),
    ("2024-10-27T01:30", "Europe/London"),
    ("2024-11-03T01:30:00-04:00", None),
    (None, None),
    ("2021-04-04", "Australia/Sydney"),
    ("2019-06-05", "Asia/Kolkata"),
    ("1999-12-31T23:59:59Z", "UTC"),
    ("2024-02-29", "Europe/Paris"),
    ("1970-01-01", "Asia/Kathmandu"),
    ("2037-12-31", "Pacific/Chatham"),
    ("2010-01-01", "EST"),
    ("0001-01-02", "America/New_York"),
    ("9999-12-30", "Pacific/Kiritimati"),
)


def settings_for(data: bytes) -> tuple[str | None, str | None]:
    return SETTINGS[zlib.crc32(data) % len(SETTINGS)]


def run_one(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    reference, tz = settings_for(data)
    tl = timeline.extract(text, reference=reference, tz=tz)
    found = timeline.find_times(text, reference=reference, tz=tz)
    check_all(text, tl, found)


def main(argv: list[str]) -> None:
    if atheris is None:
        sys.exit("fuzz_extract: atheris is not installed (pip install atheris, or the test extra)")
    args = list(argv)
    if not any(not a.startswith("-") for a in args[1:]):
        work = HERE / "work"
        work.mkdir(exist_ok=True)
        args += [str(work), str(HERE / "corpus")]
    if not any(a.startswith("-artifact_prefix=") for a in args):
        args.append(f"-artifact_prefix={HERE}{os.sep}")
    if not any(a.startswith("-max_len=") for a in args):
        args.append("-max_len=2048")
    atheris.Setup(args, run_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
