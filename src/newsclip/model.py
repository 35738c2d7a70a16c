"""The article record: one immutable value per article, fields in the public order."""

from __future__ import annotations

from collections import namedtuple

from .values import FrozenValue

TYPE_CHECKING = False
if TYPE_CHECKING:  # without importing typing, which a plain parse does not need
    from typing import Any

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


class Provenance(namedtuple("Provenance", ("lines", "rule", "confidence"))):
    """Where a field came from: ``lines``, the 1-based inclusive line range (or None); the ``rule``
    that set it; the parser's ``confidence`` in [0, 1].

    A named tuple: every field of every record has one, and a tuple is the cheapest immutable record to make.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": list(self.lines) if self.lines else None,
            "rule": self.rule,
            "confidence": round(self.confidence, 2),
        }


class Article(FrozenValue):
    """One parsed article. Absent values are ``None``; absent lists are empty tuples.

    Immutable: ``article.replace(headline=...)`` gives a changed copy. Two
    articles are equal when their record fields are; ``provenance`` is carried
    along but neither compared nor shown in the repr.
    """

    __slots__ = (*FIELDS, "provenance")
    _fields = (*FIELDS, "provenance")
    _compared = FIELDS
    __match_args__ = _fields

    headline: str | None
    subheadline: str | None
    byline: str | None
    authors: tuple[str, ...]
    agencies: tuple[str, ...]
    date: str | None
    updated: str | None
    dateline: str | None
    url: str | None
    site: str | None
    language: str | None
    body: str | None
    captions: tuple[str, ...]
    related: tuple[str, ...]
    word_count: int
    id: str | None
    source: str | None
    dialect: str | None
    warnings: tuple[str, ...]
    provenance: dict[str, Provenance]

    def __init__(
        self,
        headline: str | None = None,
        subheadline: str | None = None,
        byline: str | None = None,
        authors: tuple[str, ...] = (),
        agencies: tuple[str, ...] = (),
        date: str | None = None,
        updated: str | None = None,
        dateline: str | None = None,
        url: str | None = None,
        site: str | None = None,
        language: str | None = None,
        body: str | None = None,
        captions: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
        word_count: int = 0,
        id: str | None = None,  # noqa: A002 - the record's field is called id
        source: str | None = None,
        dialect: str | None = None,
        warnings: tuple[str, ...] = (),
        provenance: dict[str, Provenance] | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "headline", headline)
        put(self, "subheadline", subheadline)
        put(self, "byline", byline)
        put(self, "authors", authors)
        put(self, "agencies", agencies)
        put(self, "date", date)
        put(self, "updated", updated)
        put(self, "dateline", dateline)
        put(self, "url", url)
        put(self, "site", site)
        put(self, "language", language)
        put(self, "body", body)
        put(self, "captions", captions)
        put(self, "related", related)
        put(self, "word_count", word_count)
        put(self, "id", id)
        put(self, "source", source)
        put(self, "dialect", dialect)
        put(self, "warnings", warnings)
        put(self, "provenance", {} if provenance is None else provenance)

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
        for name in FIELDS:
            if name not in data:
                continue
            value = data[name]
            kwargs[name] = tuple(value or ()) if name in LIST_FIELDS else value
        prov = data.get("provenance") or {}
        kwargs["provenance"] = {
            k: Provenance(tuple(v["lines"]) if v.get("lines") else None, v["rule"], v["confidence"])
            for k, v in prov.items()
        }
        return cls(**kwargs)
