"""The library entry points: text or a file in, a list of articles out."""

from __future__ import annotations

import os
from types import ModuleType

from . import dialects
from .assemble import assemble
from .dialects.base import Context, Draft
from .errors import InputError
from .fields.text import paragraphs_from_lines
from .model import FIELDS, Article
from .reading import decode, normalise_text, read_file, without_surrogates
from .settings import DEFAULT_SETTINGS, Settings


def parse_text(text: str, *, source: str | None = None, settings: Settings | None = None) -> list[Article]:
    """Parse article text into records: one per article, in input order.

    ``source`` names the input in each record (a path, or ``-`` for stdin);
    a multi-article input gives ``source#N``. Never raises on odd text: what
    the parser doubts goes into each record's ``warnings``.
    """
    return _parse_normalised(normalise_text(text), source, settings or DEFAULT_SETTINGS)


def _parse_normalised(text: str, source: str | None, settings: Settings) -> list[Article]:
    if not text or text.isspace():
        return []
    ctx = Context(settings=settings, source=_source_name(source))
    module = dialects.get(settings.dialect) if settings.dialect else dialects.detect(text, source)
    try:
        return _run(module, text, ctx)
    except (Exception, RecursionError):  # a dialect bug must not lose the file: fall back to plain text
        if module.NAME == dialects.FALLBACK:
            return [_raw_record(text, ctx, module.NAME)]
    fallback = dialects.get(dialects.FALLBACK)
    note = f"the {module.NAME} parser failed on this input; read as plain text"
    try:
        return _run(fallback, text, ctx, note)
    except (Exception, RecursionError):
        return [_raw_record(text, ctx, module.NAME)]


def _run(module: ModuleType, text: str, ctx: Context, note: str | None = None) -> list[Article]:
    """Parse with one dialect and assemble its drafts, adding ``note`` to each as a warning."""
    drafts = module.parse(text, ctx)
    if note:
        for draft in drafts:
            draft.warn(note)
    total = len(drafts)
    return [_encodable(assemble(d, ctx, dialect=module.NAME, index=i, total=total)) for i, d in enumerate(drafts, 1)]


def _raw_record(text: str, ctx: Context, failed: str) -> Article:
    """The last resort when even plain text cannot be parsed: one record holding the text as its body."""
    draft = Draft()
    body = "\n\n".join(p.text for p in paragraphs_from_lines(enumerate(text.split("\n"), 1)))
    draft.set("body", body, rule="raw-text", confidence=0.1)
    draft.warn(f"the {failed} parser failed on this input; the whole text is kept as the body")
    return _encodable(assemble(draft, ctx, dialect=dialects.FALLBACK))


def _source_name(source: str | None) -> str | None:
    """The input's name as records give it: bytes of a file name that are not UTF-8 written as ``\\xff``."""
    if source is None or source.isascii():
        return source
    try:
        return os.fsencode(source).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a lone surrogate that no file name decoding produced
        return source.encode("utf-8", "backslashreplace").decode("utf-8")


def _encodable(article: Article) -> Article:
    """The article with lone surrogates (a JSON ``"\\ud83d"`` escape) as U+FFFD, so every writer can encode it."""
    if _all_encodable(article):
        return article
    changes: dict[str, object] = {}
    for name in FIELDS:
        value = getattr(article, name)
        if isinstance(value, str):
            fixed = without_surrogates(value)
            if fixed is not value:
                changes[name] = fixed
        elif isinstance(value, tuple):
            items = tuple(without_surrogates(v) if isinstance(v, str) else v for v in value)
            if any(a is not b for a, b in zip(items, value)):
                changes[name] = items
    return article.replace(**changes) if changes else article


def _all_encodable(article: Article) -> bool:
    """One UTF-8 encoding of all text fields at once: the common case, checked faster than field by field."""
    parts: list[str] = []
    for name in FIELDS:
        value = getattr(article, name)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, tuple):
            parts.extend(v for v in value if isinstance(v, str))
    joined = "".join(parts)
    if joined.isascii():
        return True
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_bytes(data: bytes, *, source: str | None = None, settings: Settings | None = None) -> list[Article]:
    """Decode bytes of any common encoding, then :func:`parse_text`; empty input is an error."""
    settings = settings or DEFAULT_SETTINGS
    text = decode(data, settings)
    return _parse_nonempty(text, source, settings)


def parse_file(path: str | os.PathLike[str], settings: Settings | None = None) -> list[Article]:
    """Read, decode and parse one file; raises :class:`InputError` for unreadable or empty files."""
    settings = settings or DEFAULT_SETTINGS
    text = read_file(path, settings)
    return _parse_nonempty(text, os.fsdecode(path), settings)


def _parse_nonempty(text: str, source: str | None, settings: Settings) -> list[Article]:
    if not text or text.isspace():
        raise InputError("is empty")
    articles = _parse_normalised(text, source, settings)
    if not articles:
        raise InputError("holds no article")
    return articles
