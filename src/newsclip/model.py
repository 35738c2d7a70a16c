"""The article record: one immutable value per article, fields in the public order."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

#: Field names in the order of the public contract (JSON, JSON Lines, CSV, SQLite).
FIELDS: tuple[str, ...] = (
    "headline",
    "subheadline",
    "byline",
    "authors",
    "agencies",
    "date",
    "updated",
    "dateline",
    "url",
    "site",
    "language",
    "body",
    "captions",
    "related",
    "word_count",
    "id",
    "source",
    "dialect",
    "warnings",
)

#: Fields whose value is a list of strings (absent = ``[]``).
LIST_FIELDS: frozenset[str] = frozenset(
    {"authors", "agencies", "captions", "related", "warnings"}
)


class Provenance(NamedTuple):
    """Where a field came from: 1-based inclusive line range, rule name, confidence.

    A NamedTuple: every field of every record has one, and a tuple is the cheapest immutable record to make.
    """

    lines: tuple[int, int] | None
    rule: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": list(self.lines) if self.lines else None,
            "rule": self.rule,
            "confidence": round(self.confidence, 2),
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article. Absent values are ``None``; absent lists are empty tuples."""

    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    date: str | None = None
    updated: str | None = None
    dateline: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    body: str | None = None
    captions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    word_count: int = 0
    id: str | None = None
    source: str | None = None
    dialect: str | None = None
    warnings: tuple[str, ...] = ()
    provenance: dict[str, Provenance] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """Plain JSON-ready dict in field order; ``provenance`` only when ``explain``."""
        out: dict[str, Any] = {}
        for name in FIELDS:
            value = getattr(self, name)
            out[name] = list(value) if name in LIST_FIELDS else value
        if explain:
            out["provenance"] = {k: p.to_dict() for k, p in self.provenance.items()}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """Rebuild an article from :meth:`to_dict` output (provenance included if present)."""
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "provenance" or f.name not in data:
                continue
            value = data[f.name]
            kwargs[f.name] = tuple(value or ()) if f.name in LIST_FIELDS else value
        prov = data.get("provenance") or {}
        kwargs["provenance"] = {
            k: Provenance(tuple(v["lines"]) if v.get("lines") else None, v["rule"], v["confidence"])
            for k, v in prov.items()
        }
        return cls(**kwargs)
