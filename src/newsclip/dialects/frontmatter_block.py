"""Finding the front-matter block at the top of a text, without reading it.

Both the sniffer (is there a block, and does it hold known keys?) and the
parser (read the block, then the body under it) need the block's bounds;
finding them is cheap, so sniffing a file never loads the YAML or TOML readers.
"""

from __future__ import annotations

from collections import namedtuple

from ..lazyre import lazy_compile
from ..rules import frontmatter as rules

_KEY_NOISE = lazy_compile(rules.KEY_NOISE)
_JSON_KEY = lazy_compile(rules.SNIFF_JSON_KEY)


class Block(namedtuple("Block", ("kind", "text", "first", "last", "body_start"))):
    """A front-matter block: its syntax (``kind``), its ``text`` and where it sits (``first`` and ``last``,
    1-based lines; ``body_start``, the 0-based index of the first line after the block)."""

    __slots__ = ()


def find_block(text: str, lines: list[str], *, partial_ok: bool = False) -> Block | None:
    """The front-matter block at the top of ``text``, or ``None`` when it has none."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        return None
    opener = lines[start].strip()
    if opener in (rules.YAML_FENCE, rules.TOML_FENCE):
        kind = "yaml" if opener == rules.YAML_FENCE else "toml"
        closers = rules.YAML_CLOSERS if kind == "yaml" else rules.TOML_CLOSERS
        stop = min(len(lines), start + 1 + rules.MAX_BLOCK_LINES)
        for index in range(start + 1, stop):
            if lines[index].rstrip() in closers:
                inner = "\n".join(lines[start + 1:index])
                return Block(kind, inner, start + 1, index + 1, index + 1)
        return None
    if opener.startswith("{"):
        return _json_block(text, lines, start, partial_ok)
    return None


def _json_block(text: str, lines: list[str], start: int, partial_ok: bool) -> Block | None:
    """The JSON object opening at line ``start``; with ``partial_ok``, an unfinished one that has keys."""
    import json  # only a block that opens with "{" needs it

    offset = sum(len(line) + 1 for line in lines[:start]) + (len(lines[start]) - len(lines[start].lstrip()))
    try:
        value, end = json.JSONDecoder().raw_decode(text, offset)
    except (ValueError, RecursionError):
        if partial_ok and _JSON_KEY.search(text[offset:offset + 4000]):
            return Block("json", text[offset:], start + 1, start + 1, start + 1)
        return None
    if not isinstance(value, dict):
        return None
    last = start + text.count("\n", offset, end)
    return Block("json", text[offset:end], start + 1, last + 1, last + 1)


def fold_key(key: str) -> str:
    """A key as the key table spells it: case folded, spaces, dashes, dots and underscores removed."""
    return _KEY_NOISE.sub("", key).casefold()
