"""Front matter: YAML (``---``), TOML (``+++``) or JSON metadata above a Markdown or text body.

Web clippers, static-site generators and extractors all write this layout;
their key names differ, so keys are looked up in one table
(:data:`newsclip.rules.frontmatter.KEY_FIELDS`) after folding case and
punctuation. Capture times (``created``, ``clipped``) are never taken as the
publication date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from typing import Any

from ..fields.headline import clean_headline
from ..fields.markdown import NumberedLine, first_heading, markdown_lines
from ..fields.text import has_markup, paragraphs_from_lines, strip_markup
from ..lazyre import lazy_compile
from ..rules import frontmatter as rules
from . import sniffers
from .base import Context, Draft
from .common import (
    add_agencies,
    is_junk,
    set_authors,
    set_body,
    set_date,
    set_text,
    set_url,
)
from .frontmatter_block import Block, find_block, fold_key

NAME = "frontmatter"
DESCRIPTION = "Markdown or text under YAML (---), TOML (+++) or JSON front matter"
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.frontmatter

_KEY_LINE = lazy_compile(rules.KEY_LINE)
_URL_VALUE = lazy_compile(rules.URL_VALUE)
_WIKI_LINK = lazy_compile(rules.WIKI_LINK)
_LANGUAGE_TAG = lazy_compile(rules.LANGUAGE_TAG)
_FILENAME_DATE = lazy_compile(rules.FILENAME_DATE)
_HTML_BREAK = lazy_compile(rules.HTML_BREAK, re.IGNORECASE)
_TOML_PAIR = lazy_compile(rules.TOML_PAIR)
_TOML_TABLE = lazy_compile(rules.TOML_TABLE)
_TOML_STRING = lazy_compile(rules.TOML_STRING)
_YAML_PAIR = lazy_compile(rules.YAML_FALLBACK_PAIR)
_YAML_ITEM = lazy_compile(rules.YAML_FALLBACK_ITEM)
_TOML_BARE_DATE = lazy_compile(rules.TOML_BARE_DATE)
_TOML_INLINE_PAIR = lazy_compile(rules.TOML_INLINE_PAIR)
#: Python 3.10 has no ``tomllib``; the line reader stands in for it there.
HAS_TOMLLIB = sys.version_info >= (3, 11)
#: What :func:`_toml_value` returns for a value TOML would refuse.
_NOT_TOML = object()
_TOML_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "b": "\b", "f": "\f"}


def parse(text: str, ctx: Context) -> list[Draft]:
    """One article: metadata from the block, body from the Markdown under it."""
    lines = text.split("\n")
    block = find_block(text, lines)
    draft = Draft()
    data: dict[str, Any] = {}
    body_start = 0
    if block is not None:
        data, problem = load_block(block)
        if problem:
            draft.warn(problem)
        body_start = block.body_start
    body_text = _apply_metadata(draft, data, _key_lines(block), ctx)
    body: list[NumberedLine] = [(n, line) for n, line in enumerate(lines[body_start:], body_start + 1)]
    title = draft.get("headline")
    if title is None:
        heading = first_heading(body, limit=rules.HEADING_SCAN_LINES)
        if heading is not None:
            set_text(draft, "headline", heading[1], rule="body-heading", lines=(heading[0], heading[0]))
            title = heading[1]
    if not any(line.strip() for _, line in body) and body_text and block is not None:
        body = _numbered_value(body_text, block)
    set_body(draft, paragraphs_from_lines(markdown_lines(body, title=title)), rule="frontmatter-body")
    _date_from_filename(draft, ctx)
    return [draft]


def load_block(block: Block) -> tuple[dict[str, Any], str | None]:
    """The block's mapping and, when it could not be read as written, a warning."""
    if block.kind == "json":
        try:
            value = json.loads(block.text)
        except (ValueError, RecursionError):
            return {}, "front matter is not valid JSON; ignored"
        return (value, None) if isinstance(value, dict) else ({}, "front matter is not a mapping; ignored")
    if block.kind == "toml":
        return _load_toml(block.text, block.first)
    return _load_yaml(block.text, block.first)


def parse_toml_fallback(text: str) -> dict[str, Any]:
    """A tiny TOML reader for Python 3.10: strings, string arrays, numbers, booleans, dates, tables."""
    return _read_toml_lines(text)[0]


def _read_toml_lines(text: str) -> tuple[dict[str, Any], int | None]:
    """The mapping, and the 1-based line of the first value that is not TOML (``None`` if all were)."""
    data: dict[str, Any] = {}
    table = data
    pending: tuple[str, list[str]] | None = None
    bad: int | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if pending is not None:
            key, parts = pending
            parts.append(line)
            if "]" in _outside_strings(line):
                table[key] = _toml_value(" ".join(parts))
                pending = None
            continue
        if not line or line.startswith("#"):
            continue
        header = _TOML_TABLE.match(line)
        if header:
            table = data.setdefault(header.group(1).strip().strip('"'), {}) if "[[" not in line else {}
            if not isinstance(table, dict):
                table = {}
            continue
        pair = _TOML_PAIR.match(line)
        if pair is None:
            bad = bad or number
            continue
        key, value = pair.group(1).strip('"'), pair.group(2).strip()
        if value.startswith("[") and "]" not in _outside_strings(value):
            pending = (key, [value])
            continue
        parsed = _toml_value(value)
        if parsed is _NOT_TOML:
            bad = bad or number
            continue
        table[key] = parsed
    return data, bad


# --- metadata -------------------------------------------------------------------------------


def _apply_metadata(draft: Draft, data: dict[str, Any], key_lines: dict[str, tuple[int, int]],
                    ctx: Context) -> str | None:
    """Set fields from the mapping in document order; return a body held in the metadata, if any."""
    headline: tuple[str, str] | None = None
    site_names: list[str] = []
    captured: str | None = None
    body_text: str | None = None
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        norm = fold_key(key)
        field = rules.KEY_FIELDS.get(norm)
        if field is None:
            continue
        rule = f"frontmatter-{norm}"
        span = key_lines.get(norm)
        scalar = _scalar(value)
        if field == "headline" and headline is None and not is_junk(scalar):
            headline = (scalar, norm)
        elif field == "authors":
            set_authors(draft, _names(value), rule=rule, lines=span)
        elif field in ("date", "updated"):
            set_date(draft, scalar, ctx, rule=rule, lines=span, field=field, confidence=0.9)
        elif field == "captured" and captured is None and not is_junk(scalar):
            captured = key
        elif field == "url":
            _set_url_or_agency(draft, norm, scalar, rule, span)
        elif field == "subheadline":
            set_text(draft, "subheadline", scalar, rule=rule, lines=span)
        elif field == "language":
            _set_language(draft, scalar, rule, span)
        elif field == "site-name" and scalar and not is_junk(scalar):
            site_names.append(scalar)
        elif field == "body" and body_text is None and isinstance(value, str) and value.strip():
            body_text = value
    if headline is not None:
        text, norm = headline
        cleaned = clean_headline(text, site_names=tuple(site_names)) if site_names else text
        set_text(draft, "headline", cleaned or text, rule=f"frontmatter-{norm}", lines=key_lines.get(norm),
                 confidence=0.95)
    if captured is not None and not draft.has("date") and not _filename_date(ctx):
        draft.warn(rules.CAPTURED_WARNING.format(key=captured))
    return body_text


def _set_url_or_agency(draft: Draft, norm: str, value: str | None, rule: str,
                       span: tuple[int, int] | None) -> None:
    if value is None or is_junk(value):
        return
    if _URL_VALUE.match(value):
        set_url(draft, value, rule=rule, lines=span)
    elif norm in rules.AGENCY_KEYS:
        from ..fields.bylines import canonical_agency

        agency = canonical_agency(value)
        if agency:
            add_agencies(draft, [agency], rule=rule, lines=span)


def _set_language(draft: Draft, value: str | None, rule: str, span: tuple[int, int] | None) -> None:
    match = _LANGUAGE_TAG.match(value.strip()) if value else None
    if match:
        set_text(draft, "language", match.group(1).lower(), rule=rule, lines=span)


def _date_from_filename(draft: Draft, ctx: Context) -> None:
    """Static-site posts carry the date in the file name when the metadata has none."""
    if draft.has("date"):
        return
    iso = _filename_date(ctx)
    if iso:
        set_date(draft, iso, ctx, rule="filename-date", confidence=0.7)


def _filename_date(ctx: Context) -> str | None:
    if not ctx.source or ctx.source == "-":
        return None
    match = _FILENAME_DATE.match(os.path.basename(ctx.source))
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _scalar(value: Any) -> str | None:
    """A metadata value as one string: dates to ISO 8601, flags and mappings to nothing."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and len(value) == 1:
        return _scalar(value[0])
    return None


#: How deep author lists may nest ("authors: [[A, B]]" is depth 2).
_MAX_NAME_DEPTH = 2


def _names(value: Any, depth: int = 0) -> list[str] | str | None:
    """Author values as names: strings, lists, ``{name: …}`` mappings, ``[[wiki links]]``.

    Lists nest at most ``_MAX_NAME_DEPTH`` deep: YAML aliases can share one list
    many times over (an alias bomb), and authors are never nested deeper.
    """
    if isinstance(value, str):
        links = _WIKI_LINK.findall(value)
        return [link.strip() for link in links] if links else value
    if isinstance(value, dict):
        for key in rules.PERSON_NAME_KEYS:
            for candidate, name in value.items():
                if isinstance(candidate, str) and fold_key(candidate) == key and isinstance(name, str):
                    return name
        return None
    if isinstance(value, list) and depth < _MAX_NAME_DEPTH:
        names: list[str] = []
        for item in value[:50]:
            found = _names(item, depth + 1)
            if isinstance(found, str) and not is_junk(found):
                names.append(found.strip())
            elif isinstance(found, list):
                names.extend(found)
        return names or None
    return None


def _key_lines(block: Block | None) -> dict[str, tuple[int, int]]:
    """Folded key -> the line range its value spans in the input (top-level keys only)."""
    if block is None:
        return {}
    starts: list[tuple[str, int]] = []
    block_lines = block.text.split("\n")
    offset = block.first + (0 if block.kind == "json" else 1)
    top_indent = 0 if block.kind != "json" else None
    for index, line in enumerate(block_lines):
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        indent = len(line) - len(line.lstrip())
        if top_indent is None:
            top_indent = indent
        if indent == top_indent:
            starts.append((fold_key(match.group(1)), index))
    spans: dict[str, tuple[int, int]] = {}
    for position, (key, index) in enumerate(starts):
        end = starts[position + 1][1] - 1 if position + 1 < len(starts) else len(block_lines) - 1
        while end > index and not block_lines[end].strip(" \t}"):
            end -= 1
        spans.setdefault(key, (index + offset, end + offset))
    return spans


def _numbered_value(value: str, block: Block) -> list[NumberedLine]:
    """A body held inside the metadata, numbered with the block's lines (as near as can be told)."""
    if has_markup(value):
        value = strip_markup(_HTML_BREAK.sub("\n\n", value))
    return [(block.first, line) for line in value.split("\n")]


# --- block readers --------------------------------------------------------------------------


def _load_yaml(text: str, first: int) -> tuple[dict[str, Any], str | None]:
    import yaml

    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return _yaml_fallback(text), _yaml_problem(exc, first)
    except (RecursionError, ValueError, TypeError, OverflowError):
        return _yaml_fallback(text), "front matter is not valid YAML; read as plain key: value lines"
    if value is None:
        return {}, None
    if not isinstance(value, dict):
        return {}, "front matter is not a mapping; ignored"
    return value, None


def _yaml_problem(exc: Exception, first: int) -> str:
    """A one-line reason: the refused tag, or the line of the syntax error."""
    problem = str(getattr(exc, "problem", "") or "")
    if "tag '" in problem:
        tag = problem.split("tag '", 1)[1].split("'", 1)[0].replace("tag:yaml.org,2002:", "!!")
        return f"front matter has an unsupported YAML tag ({tag}); read as plain key: value lines"
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return f"front matter is not valid YAML (line {first + 1 + mark.line}); read as plain key: value lines"
    return "front matter is not valid YAML; read as plain key: value lines"


def _yaml_fallback(text: str) -> dict[str, Any]:
    """Top-level ``key: value`` lines and ``- item`` lists; tagged or anchored values are skipped."""
    data: dict[str, Any] = {}
    current: str | None = None
    for line in text.split("\n"):
        pair = _YAML_PAIR.match(line)
        if pair:
            key, value = pair.group(1), (pair.group(2) or "").strip()
            current = key if not value else None
            if value and value[0] not in "!&*|>":
                data.setdefault(key, _plain_yaml_value(value))
            continue
        item = _YAML_ITEM.match(line)
        if item and current is not None:
            entry = item.group(1).strip()
            if entry and entry[0] not in "!&*":
                data.setdefault(current, []).append(_unquote(entry))
    return data


def _plain_yaml_value(value: str) -> str | list[str]:
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(part.strip()) for part in value[1:-1].split(",") if part.strip()]
    if value[0] not in "\"'" and " #" in value:
        value = value.split(" #", 1)[0].rstrip()
    return _unquote(value)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _load_toml(text: str, first: int) -> tuple[dict[str, Any], str | None]:
    """``tomllib`` where the standard library has it (3.11+), else the small line reader."""
    if HAS_TOMLLIB:
        import tomllib

        try:
            return tomllib.loads(text), None
        except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
            return parse_toml_fallback(text), f"front matter is not valid TOML ({exc}); read line by line"
    data, bad = _read_toml_lines(text)
    problem = f"front matter is not valid TOML (line {first + bad}); read line by line" if bad else None
    return data, problem


def _toml_value(raw: str) -> Any:
    value = raw.strip()
    if value.startswith("["):
        return [_toml_string(m) for m in _TOML_STRING.finditer(value)]
    string = _TOML_STRING.match(value)
    if string:
        return _toml_string(string)
    if value.startswith("{") and value.rstrip().endswith("}"):
        return {m.group(1): _toml_string(m) for m in _TOML_INLINE_PAIR.finditer(value)}
    value = value.split("#", 1)[0].strip()
    if value in ("true", "false"):
        return value == "true"
    if _TOML_BARE_DATE.match(value):
        return value
    try:
        return int(value.replace("_", ""))
    except ValueError:
        pass
    try:
        return float(value.replace("_", ""))
    except ValueError:
        return _NOT_TOML


def _toml_string(match: re.Match[str]) -> str:
    """A matched TOML string (basic or literal) with basic-string escapes resolved."""
    if match.group("literal") is not None:
        return match.group("literal")
    out: list[str] = []
    text = match.group("basic")
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            code = text[index + 1]
            if code == "u" and index + 6 <= len(text):
                try:
                    out.append(chr(int(text[index + 2:index + 6], 16)))
                    index += 6
                    continue
                except ValueError:
                    pass
            out.append(_TOML_ESCAPES.get(code, code))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _outside_strings(line: str) -> str:
    return _TOML_STRING.sub("", line)
