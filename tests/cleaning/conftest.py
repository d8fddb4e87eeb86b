"""Makes ``spinscope`` importable from ``src/`` and offers every sample input as a fixture."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# The package may not be installed in the environment that runs the tests (src layout).
if importlib.util.find_spec("spinscope") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from .samples import SAMPLES


@pytest.fixture(params=list(SAMPLES), ids=list(SAMPLES))
def sample(request: pytest.FixtureRequest) -> str:
    return SAMPLES[request.param]
