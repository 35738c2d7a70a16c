"""What every benchmark's result starts with: its name, the Python that ran it and the machine's load."""

from __future__ import annotations

import os
import sys
from typing import Any


def header(benchmark: str) -> dict[str, Any]:
    """The first keys of a result: a shared machine's load average says how far to trust its timings."""
    return {"benchmark": benchmark, "python": sys.version.split()[0], "load_average": load_average()}


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages, rounded."""
    return [round(x, 2) for x in os.getloadavg()]
