"""Print the timeline of an article: python examples/print_timeline.py [FILE REFERENCE TZ]."""
import sys
from pathlib import Path

import timeline

HERE = Path(__file__).parent
path, reference, tz = (sys.argv[1:4] if len(sys.argv) >= 4 else
                       (HERE / "desantis-twitter-spaces.txt", "2023-05-24", "America/New_York"))
tl = timeline.extract(Path(path).read_text(encoding="utf-8"), reference=reference, tz=tz)
print(tl.table())
print()
for m in tl.mentions:
    when = m.start.isoformat() if m.start else f"(unresolved: {m.unresolved})" if m.unresolved else ""
    print(f"{m.type:<8} {m.value:<18} {m.text!r:<28} {when}")
