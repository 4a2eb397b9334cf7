"""The fuzz target (fuzz/fuzz_extract.py): its seeds and past findings replayed, and a short run."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
sys.path.insert(0, str(FUZZ))
import fuzz_extract  # noqa: E402

REPLAY = sorted((FUZZ / "corpus").glob("*")) + sorted((FUZZ / "regressions").glob("*"))


def test_there_are_seeds_to_replay():
    assert len(list((FUZZ / "corpus").glob("*"))) >= 50


@pytest.mark.parametrize("path", REPLAY, ids=[p.name for p in REPLAY])
def test_seed_and_past_finding_keep_the_invariants(path):
    fuzz_extract.run_one(path.read_bytes())


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_short_fuzz_run_finds_nothing(tmp_path):
    work = tmp_path / "corpus"
    work.mkdir()
    run = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_extract.py"), str(work), str(FUZZ / "corpus"),
         f"-dict={FUZZ / 'timeline.dict'}", "-max_total_time=12", "-timeout=20",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Done" in run.stderr and not list(tmp_path.glob("crash-*"))
