"""Draw the worked example's timeline (New York below, Paris on top) to docs/timeline.png.

python examples/plot_timeline.py [FILE REFERENCE TZ SECOND_TZ OUT.png]
"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import timeline  # noqa: E402

HERE = Path(__file__).parent
args = sys.argv[1:6] if len(sys.argv) >= 6 else (
    HERE / "desantis-twitter-spaces.txt", "2023-05-24", "America/New_York", "Europe/Paris",
    HERE.parent / "docs" / "timeline.png")
path, reference, tz, second_tz, out = args
tl = timeline.extract(Path(path).read_text(encoding="utf-8"), reference=reference, tz=tz)
fig = tl.plot(second_tz=second_tz)
fig.suptitle(f"{Path(path).name} (reference {reference})", x=0.01, ha="left", fontsize=10)
fig.savefig(out, dpi=110)
print(f"wrote {out}")
