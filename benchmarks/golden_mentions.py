"""Dump (or check) everything the tagger and extract() return on a fixed set of texts.

Used to show that a speed change leaves the output identical::

    python benchmarks/golden_mentions.py dump  BASELINE.json   # before the change
    python benchmarks/golden_mentions.py check BASELINE.json   # after: exit 1 on any difference

or, with the code before the change checked out elsewhere (a git worktree), on this
checkout's texts (corpus lines added since are in both dumps)::

    python benchmarks/golden_mentions.py dump BASELINE.json --src ../base/src

Texts: every ``*.tml`` under ``../shared/data/tempeval3/TBAQ-cleaned`` (reference: its DCT),
the worked example ``../shared/examples/desantis-twitter-spaces.txt`` (2023-05-24,
America/New_York) and every case line of ``tests/corpus/*.txt`` (brackets removed, with its
file's ``@reference``, named by file and text, so that inserting a line renames no other).
For each: ``find_times`` mentions (all fields, as in the JSON contract) and
``extract().to_dict()`` (events and mentions).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(REPO / "src")
sys.path.insert(0, _SRC)

import timeline  # noqa: E402
from timeline.timeml import read_timeml  # noqa: E402

SHARED = REPO.parent / "shared"
TEMPEVAL = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
EXAMPLE = SHARED / "examples" / "desantis-twitter-spaces.txt"
CORPUS = REPO / "tests" / "corpus"


def texts() -> list[tuple[str, str, str | None, str | None]]:
    """(name, text, reference, tz) for every text in the golden set."""
    found = []
    for path in sorted(TEMPEVAL.rglob("*.tml")):
        doc = read_timeml(path)
        found.append((str(path.relative_to(TEMPEVAL)), doc.text, doc.dct or None, None))
    found.append((EXAMPLE.name, EXAMPLE.read_text(encoding="utf-8"), "2023-05-24", "America/New_York"))
    for path in sorted(CORPUS.glob("*.txt")):
        reference = tz = None
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "=")):
                continue
            if line.startswith("@reference"):
                _, reference, tz = line.split()
                continue
            text = line.replace("[", "").replace("]", "")
            found.append((f"{path.name}: {text}", text, reference, tz))
    return found


def outputs() -> dict[str, dict]:
    result = {}
    for name, text, reference, tz in texts():
        tl = timeline.extract(text, reference=reference, tz=tz)
        mentions = timeline.find_times(text, reference=reference, tz=tz)
        as_dict = tl.to_dict()
        del as_dict["text"]
        result[name] = {
            "find_times": [{"span": list(m.span), "text": m.text, "type": m.type, "value": m.value,
                            "start": m.start.isoformat() if m.start else None,
                            "end": m.end.isoformat() if m.end else None,
                            "flags": list(m.flags), "rule": m.rule} for m in mentions],
            "extract": as_dict,
        }
    return result


def main(argv: list[str]) -> int:
    if "--src" in argv[:-1]:
        at = argv.index("--src")
        argv = argv[:at] + argv[at + 2:]
    if len(argv) != 2 or argv[0] not in ("dump", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, path = argv
    current = json.loads(json.dumps(outputs()))  # normalized like the stored copy
    if command == "dump":
        Path(path).write_text(json.dumps(current, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"{len(current)} texts, {sum(len(v['find_times']) for v in current.values())} mentions -> {path}")
        return 0
    stored = json.loads(Path(path).read_text(encoding="utf-8"))
    differing = [name for name in stored.keys() | current.keys() if stored.get(name) != current.get(name)]
    for name in sorted(differing)[:20]:
        print(f"DIFFERS: {name}")
    print(f"{len(current)} texts checked, {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
