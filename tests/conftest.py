import json
from importlib import resources
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def schema():
    return json.loads(resources.files("timeline").joinpath("schema/timeline.schema.json").read_text())


@pytest.fixture(scope="session")
def example_text():
    return (REPO / "examples" / "desantis-twitter-spaces.txt").read_text()
