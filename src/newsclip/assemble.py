"""Draft to Article: derived fields (site, word count, id) and the last checks."""

from __future__ import annotations

from functools import lru_cache

from .dialects.base import Context, Draft
from .fields.headline import clean_headline
from .fields.text import word_count
from .fields.urls import site_of
from .model import Article, Provenance

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from collections.abc import Callable
    from typing import Any

_ID_LENGTH = 16


def assemble(draft: Draft, ctx: Context, *, dialect: str, index: int = 1, total: int = 1) -> Article:
    """Turn a finished draft into an immutable :class:`Article`."""
    values = dict(draft.values)
    provenance = {name: _shift(p, draft.line_offset) for name, p in draft.provenance.items()}
    warnings = list(draft.warnings)

    url = values.get("url")
    site = site_of(url) if url else None
    if values.get("headline"):
        values["headline"] = clean_headline(values["headline"], site=site)
    body = values.get("body")

    if not values.get("headline"):
        warnings.append("no headline found")
    if not values.get("date"):
        warnings.append("no date found")
    if not body:
        warnings.append("no body found")

    source = ctx.source
    if source is not None and total > 1:
        source = f"{source}#{index}"

    return Article(
        **{k: v for k, v in values.items() if k in _SETTABLE},
        site=site,
        word_count=word_count(body),
        id=article_id(url, values.get("headline"), values.get("date"), body),
        source=source,
        dialect=dialect,
        warnings=tuple(dict.fromkeys(warnings)),
        provenance=provenance,
    )


def article_id(url: str | None, headline: str | None, date: str | None, body: str | None) -> str:
    """A stable id: a hash of the normalised URL, else of headline + date + body."""
    if url:
        key = "url:" + _url_key(url)
    else:
        key = "text:" + "\x1f".join(" ".join((part or "").split()).casefold() for part in (headline, date, body))
    return _sha256()(key.encode("utf-8", "surrogatepass")).hexdigest()[:_ID_LENGTH]


@lru_cache(maxsize=1)
def _sha256() -> Callable[[bytes], Any]:
    """SHA-256, preferably from CPython's own module: ``hashlib`` loads OpenSSL first, a few ms of every start."""
    try:
        from _sha256 import sha256  # CPython 3.10 and 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256
    return sha256


def _url_key(url: str) -> str:
    key = url.strip().casefold()
    for prefix in ("https://", "http://"):
        if key.startswith(prefix):
            key = key[len(prefix):]
            break
    if key.startswith("www."):
        key = key[4:]
    return key.rstrip("/")


def _shift(prov: Provenance, offset: int) -> Provenance:
    if not offset or prov.lines is None:
        return prov
    return Provenance((prov.lines[0] + offset, prov.lines[1] + offset), prov.rule, prov.confidence)


#: Fields a dialect may set directly; the rest are derived here.
_SETTABLE = frozenset(
    {"headline", "subheadline", "byline", "authors", "agencies", "date", "updated", "dateline",
     "url", "language", "body", "captions", "related"}
)
