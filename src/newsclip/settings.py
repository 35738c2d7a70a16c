"""Options that change how input is read and parsed, carried explicitly (never globals)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

#: Default ceiling on one input file; larger files are refused, not truncated.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """Parsing options.

    ``dayfirst`` reads ambiguous numeric dates (``04/05/2025``) as day-first.
    ``reference_time`` is "now" for relative dates (``2 hours ago``); without
    it relative dates are left unresolved. ``dialect`` forces one dialect
    instead of sniffing. ``max_bytes`` refuses larger inputs.
    """

    dayfirst: bool = False
    reference_time: datetime | None = None
    dialect: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


DEFAULT_SETTINGS = Settings()
