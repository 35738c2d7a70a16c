"""URLs: repair the breakage text dumps and e-mails leave in them, canonicalise, drop tracking.

Repairs (each one noted as ``"url repaired"`` by :func:`normalize_url`):

* a stray space inside (``...hostage-releas e-a87847``): the piece after the space is glued
  back only when it looks like a URL continuation (it holds ``- / _ = & ? % #`` or mixes
  letters and digits), so ``https://x.com/a and more text`` stays ``https://x.com/a``;
* an e-mail soft break (``=`` at a line end), quoted-printable ``=3D`` for ``=``;
* a line wrap (a newline inside the value): a piece alone on its line is glued on;
* invisible characters (zero-width space, soft hyphen).

Canonical form: scheme and host lowercased, default port dropped, an empty path written
``/``, tracking parameters (``utm_*``, ``fbclid``...) and tracking fragments (``#xtor=...``)
dropped; other parameters keep their order and spelling, other fragments are kept
(they may point at a section or a live-blog entry).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from ..lazyre import lazy_compile
from ..rules import urls as rules

_SOFT_BREAK = lazy_compile(r"=\r?\n")
_QP_EQUALS = lazy_compile(r"=3[Dd]")
_INVISIBLE = str.maketrans("", "", rules.INVISIBLE_CHARS)
_PIECE = lazy_compile(r"\S+")
_SIGNAL = lazy_compile(rules.CONTINUATION_SIGNAL)
_START = lazy_compile(rules.URL_START)
_FIND = lazy_compile(rules.URL_START + rules.URL_BODY)
_LABEL_LINE = lazy_compile(rules.LABEL_LINE)
_DATE_ONLY = lazy_compile(rules.DATE_ONLY)
_PLAIN_WORD = lazy_compile(r"[A-Z][a-z]+")
_LABEL_BEFORE = lazy_compile(r"[^\s:]{1,30}(?: [^\s:]{1,30}){0,3}:\s*")
_URL_CHARS = frozenset(rules.URL_CHARS)
_TRACKING = frozenset(p.casefold() for p in rules.TRACKING_PARAMS)
_OPENERS = "".join(o for o, _ in rules.WRAPPERS)


def normalize_url(raw: str, *, labelled: bool = False) -> tuple[str, list[str]] | None:
    """Repair and canonicalise a URL found in text, so one article always gets one URL.

    Returns ``(url, warnings)`` or ``None`` when ``raw`` is not an http(s) URL (``mailto:``,
    ``javascript:``, ``ftp:``, a bare word). A ``www.`` address without a scheme gets
    ``https://``. ``labelled`` says the whole value came from a URL field (``URL:``), so a
    short broken-off tail without a continuation sign is glued back too.
    """
    url, repaired = _repair(raw, labelled)
    if not url:
        return None
    head = url[:8].casefold()
    if head.startswith("www."):
        url = "https://" + url
    elif not head.startswith(("http://", "https://")):
        return None
    canonical = _canonical(url)
    if canonical is None:
        return None
    return canonical, (["url repaired"] if repaired else [])


def repair_url(raw: str, *, labelled: bool = False) -> str:
    """Undo breakage (stray spaces, soft breaks, wraps, ``=3D``, wrappers, trailing punctuation)."""
    return _repair(raw, labelled)[0]


def strip_tracking(url: str) -> str:
    """Drop click and campaign trackers from the query and fragment; keep everything else as written."""
    if not isinstance(url, str) or ("?" not in url and "#" not in url):
        return url if isinstance(url, str) else ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = _clean_query(parts.query)
    fragment = _clean_fragment(parts.fragment)
    if query == parts.query and fragment == parts.fragment and not url.endswith(("?", "#")):
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, fragment))


def site_of(url: str) -> str | None:
    """The host of ``url``, lowercased, without ``www.`` — the record's ``site``."""
    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    if text[:4].casefold() == "www.":
        text = "https://" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """http(s) and ``www.`` URLs in running text with their spans, unrepaired.

    A sentence's closing punctuation and an unmatched closing bracket are left outside
    the span; nothing else is changed.
    """
    if not isinstance(text, str) or ("://" not in text and "ww." not in text.casefold()):
        return []
    found: list[tuple[str, int, int]] = []
    for match in _FIND.finditer(text):
        url = _trim_end(match.group())
        if len(url) > 4:
            found.append((url, match.start(), match.start() + len(url)))
    return found


def url_from_lines(lines: list[str], start: int) -> tuple[str, int] | None:
    """A URL that begins on ``lines[start]`` (after any label) and may run on over the next lines.

    Continues over a soft break (``=`` at the line end), a hard wrap (a long URL line, or one
    ending in ``/``, ``-``, ``?``, ``&``...) followed by a line holding one URL-like piece.
    Returns ``(raw, last)``: the URL text as written, lines joined with ``\\n`` (so a later
    :func:`normalize_url` can see and report the repair), and the index of the last line used.
    """
    try:
        line = lines[start]
    except (IndexError, TypeError):
        return None
    if start < 0 or not isinstance(line, str):
        return None
    match = _START.search(line)
    if match is None:
        return None
    rest = line[match.start():].rstrip()
    pieces = list(_PIECE.finditer(rest))
    used = _glue_count([p.group() for p in pieces], [False] * len(pieces), labelled=False)
    raw = rest[: pieces[used - 1].end()]
    if used < len(pieces):
        return raw, start
    last = start
    segment = rest
    for j in range(start + 1, min(len(lines), start + 1 + rules.MAX_WRAP_LINES)):
        nxt = lines[j].strip() if isinstance(lines[j], str) else ""
        if not _continues(segment, nxt):
            break
        raw += "\n" + nxt
        segment = nxt
        last = j
    return raw, last


def _continues(segment: str, nxt: str) -> bool:
    """Whether the line ``nxt`` carries on a URL whose current line ended with ``segment``."""
    if not nxt or any(c.isspace() for c in nxt) or not _url_safe(nxt):
        return False
    if _LABEL_LINE.match(nxt) or _START.match(nxt):
        return False
    if segment[-1] in rules.OPEN_ENDINGS:
        return True
    return (
        len(segment) >= rules.WRAP_MIN_CHARS
        and _DATE_ONLY.match(nxt) is None
        and _PLAIN_WORD.fullmatch(nxt) is None
    )


def _repair(raw: object, labelled: bool) -> tuple[str, bool]:
    """The repaired URL text and whether breakage (not just wrapping punctuation) was mended."""
    if not isinstance(raw, str):
        return "", False
    text = raw.translate(_INVISIBLE)
    repaired = len(text) != len(raw)
    text = _drop_label(text.strip()).lstrip(_OPENERS + " \t")
    if "=\n" in text or "=\r\n" in text:
        text = _SOFT_BREAK.sub("", text)
        repaired = True
    if "=3" in text and _QP_EQUALS.search(text):
        text = _QP_EQUALS.sub("=", text)
        repaired = True
    text = text.replace("&amp;", "&")
    pieces = list(_PIECE.finditer(text))
    if not pieces:
        return "", False
    tokens = [p.group() for p in pieces]
    newline_before = [False] + [
        "\n" in text[pieces[i - 1].end(): pieces[i].start()] for i in range(1, len(pieces))
    ]
    used = _glue_count(tokens, newline_before, labelled)
    repaired = repaired or used > 1
    return _trim_end("".join(tokens[:used])), repaired


def _drop_label(text: str) -> str:
    """``URL: https://...`` -> ``https://...`` (a short label before the address)."""
    if text[:8].casefold().startswith(("http://", "https://", "www.")):
        return text
    match = _START.search(text, 0, 80)
    if match is None:
        return text
    label = text[: match.start()]
    if _LABEL_BEFORE.fullmatch(label):
        return text[match.start():]
    return text


def _glue_count(tokens: list[str], newline_before: list[bool], labelled: bool) -> int:
    """How many whitespace-separated pieces, from the first, make up the URL."""
    if not tokens:
        return 0
    if labelled and 1 < len(tokens) <= 4 and all(_url_safe(t) for t in tokens):
        return len(tokens)
    used = 1
    while used < len(tokens) and used <= rules.MAX_STRAY_PIECES:
        token = tokens[used]
        if not _url_safe(token) or not any(c.isalnum() for c in token):
            break
        alone_on_line = newline_before[used] and (used + 1 == len(tokens) or newline_before[used + 1])
        if not (alone_on_line or _SIGNAL.search(token)):
            break
        used += 1
    return used


def _url_safe(piece: str) -> bool:
    """Every character may appear in a URL (non-ASCII letters allowed for IRIs)."""
    return all(c in _URL_CHARS or (ord(c) > 127 and c.isalnum()) for c in piece)


def _trim_end(url: str) -> str:
    """Strip sentence punctuation and unmatched closing brackets from the end (linear time)."""
    counts = {closer: (url.count(closer), url.count(opener)) for closer, opener in rules.BRACKET_PAIRS.items()}
    end = len(url)
    while end:
        char = url[end - 1]
        if char in rules.TRAILING_PUNCTUATION:
            end -= 1
        elif char in counts and counts[char][0] > counts[char][1]:
            closes, opens = counts[char]
            counts[char] = (closes - 1, opens)
            end -= 1
        else:
            break
    return url[:end]


def _canonical(url: str) -> str | None:
    """Lowercase scheme and host, default port dropped, trackers dropped; ``None`` if not http(s)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.casefold()
    if scheme not in rules.SCHEMES:
        return None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    host, port = _split_port(hostport)
    host = host.lower().rstrip(".")
    if not _valid_host(host):
        return None
    if port:
        if not port.isdigit() or len(port) > 5:
            return None
        port = None if int(port) == rules.DEFAULT_PORTS[scheme] else str(int(port))
    netloc = (userinfo + "@" if userinfo else "") + host + (":" + port if port else "")
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), _clean_fragment(parts.fragment)))


def _split_port(hostport: str) -> tuple[str, str | None]:
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            return "", None
        rest = hostport[end + 1:]
        return hostport[: end + 1], rest[1:] if rest.startswith(":") else None
    host, sep, port = hostport.rpartition(":")
    return (host, port) if sep else (hostport, None)


def _valid_host(host: str) -> bool:
    if not host or len(host) > 253:
        return False
    if host.startswith("[") and host.endswith("]"):
        return True
    if host.startswith(("-", ".")) or ".." in host:
        return False
    if not all(c.isalnum() or c in "-." for c in host):
        return False
    return "." in host or host == "localhost"


def _is_tracking(key: str) -> bool:
    name = key.casefold()
    return name in _TRACKING or name.startswith(rules.TRACKING_PARAM_PREFIXES)


def _clean_query(query: str) -> str:
    """The query without tracking parameters, others in order and spelled as given."""
    if not query:
        return ""
    kept = [pair for pair in query.split("&") if pair and not _is_tracking(pair.partition("=")[0])]
    return "&".join(kept)


def _clean_fragment(fragment: str) -> str:
    if fragment and fragment.casefold().startswith(rules.TRACKING_FRAGMENT_PREFIXES):
        return ""
    return fragment
