"""Options that change how input is read and parsed, carried explicitly (never globals)."""

from __future__ import annotations

from .values import FrozenValue

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

#: Default ceiling on one input file; larger files are refused, not truncated.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class Settings(FrozenValue):
    """Parsing options.

    ``dayfirst`` reads ambiguous numeric dates (``04/05/2025``) as day-first.
    ``reference_time`` is "now" for relative dates (``2 hours ago``); without
    it relative dates are left unresolved. ``dialect`` forces one dialect
    instead of sniffing. ``max_bytes`` refuses larger inputs.

    Immutable: ``settings.replace(dayfirst=True)`` gives a changed copy.
    """

    __slots__ = ("dayfirst", "reference_time", "dialect", "max_bytes")
    _fields = _compared = __match_args__ = __slots__

    dayfirst: bool
    reference_time: datetime | None
    dialect: str | None
    max_bytes: int

    def __init__(self, dayfirst: bool = False, reference_time: datetime | None = None, dialect: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        put = object.__setattr__
        put(self, "dayfirst", dayfirst)
        put(self, "reference_time", reference_time)
        put(self, "dialect", dialect)
        put(self, "max_bytes", max_bytes)


DEFAULT_SETTINGS = Settings()
